//! Client configuration: where the gateway is, the app credentials, timeouts, retries, and how the
//! access token is sent and refreshed.

use std::time::Duration;

use sign_core::options::check_builder_base_url;
use sign_core::{HttpOptions, SecretString};

use crate::error::Error;

/// The header that carries the access token on every call after the token request.
///
/// The gateway's samples send the token bare, `Authorization: <accessToken>` ([`AuthHeader::raw`],
/// the default). The documentation says nothing more, so the header name and a prefix (such as
/// `Bearer `) can be changed without a new release if a deployment expects otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthHeader {
    name: String,
    prefix: String,
}

impl Default for AuthHeader {
    fn default() -> Self {
        Self::raw()
    }
}

impl AuthHeader {
    /// `Authorization: <token>`, as in the gateway's samples.
    pub fn raw() -> Self {
        Self { name: "Authorization".into(), prefix: String::new() }
    }

    /// `Authorization: Bearer <token>`.
    pub fn bearer() -> Self {
        Self { name: "Authorization".into(), prefix: "Bearer ".into() }
    }

    /// `<name>: <prefix><token>`. Checked by [`ConfigBuilder::build`].
    pub fn custom(name: impl Into<String>, prefix: impl Into<String>) -> Self {
        Self { name: name.into(), prefix: prefix.into() }
    }

    /// The header name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The text put before the token.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    fn validate(&self) -> Result<(), Error> {
        // RFC 9110 token characters for the name; no control characters in the prefix.
        if !is_header_name(&self.name) {
            return Err(Error::Config(
                "auth header name is not a valid HTTP header name (ConfigBuilder::auth_header)".into(),
            ));
        }
        if self.prefix.chars().any(|c| c.is_control()) {
            return Err(Error::Config(
                "auth header prefix contains control characters (ConfigBuilder::auth_header)".into(),
            ));
        }
        Ok(())
    }
}

/// A header name of RFC 9110 token characters.
fn is_header_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// A validated client configuration. Build one with [`Config::builder`]; it cannot be changed
/// afterwards, so what was validated is what is used.
///
/// `Debug` never shows the secret.
#[derive(Debug, Clone)]
pub struct Config {
    /// The gateway's base URL, without the `/gateway/v1/...` path (e.g. `https://gateway.example.com`).
    base_url: String,
    /// `appId`, the application id the gateway assigned.
    app_id: String,
    /// `secret`, the application secret used to request access tokens.
    secret: SecretString,
    /// Timeouts, retry policy (never a payment that may have been processed) and response size
    /// limit of the default transport.
    http: HttpOptions,
    /// How long before the token's `expiresIn` runs out a fresh token is fetched.
    token_refresh_margin: Duration,
    /// The lifetime assumed when a token response carries no `expiresIn`.
    default_token_lifetime: Duration,
    /// How the token is sent.
    auth_header: AuthHeader,
    /// Extra static headers of the token request.
    token_request_headers: Vec<(String, SecretString)>,
}

impl Config {
    /// The gateway's base URL (no trailing `/`).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// `appId`.
    pub fn app_id(&self) -> &str {
        &self.app_id
    }

    /// `secret`, for the token request.
    pub fn secret(&self) -> &SecretString {
        &self.secret
    }

    /// Timeouts, retry policy and response size limit of the default transport.
    pub fn http_options(&self) -> &HttpOptions {
        &self.http
    }

    /// How long before expiry a token is replaced.
    pub fn token_refresh_margin(&self) -> Duration {
        self.token_refresh_margin
    }

    /// The lifetime assumed for tokens without `expiresIn`.
    pub fn default_token_lifetime(&self) -> Duration {
        self.default_token_lifetime
    }

    /// How the token is sent.
    pub fn auth_header(&self) -> &AuthHeader {
        &self.auth_header
    }

    /// The extra static headers sent with the token request, in the order they were set
    /// ([`ConfigBuilder::token_request_header`]).
    pub fn token_request_headers(&self) -> &[(String, SecretString)] {
        &self.token_request_headers
    }

    /// A builder: set [`base_url`](ConfigBuilder::base_url), [`app_id`](ConfigBuilder::app_id) and
    /// [`secret`](ConfigBuilder::secret) (all required) and any optional settings, then
    /// [`build`](ConfigBuilder::build).
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// A configuration from `ACQRA_BASE_URL`, `ACQRA_APP_ID` and `ACQRA_SECRET`, or `None` when
    /// `ACQRA_BASE_URL` is not set.
    pub fn from_env() -> Option<Result<Config, Error>> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let mut builder = Config::builder().base_url(var("ACQRA_BASE_URL")?);
        if let Some(app_id) = var("ACQRA_APP_ID") {
            builder = builder.app_id(app_id);
        }
        if let Some(secret) = var("ACQRA_SECRET") {
            builder = builder.secret(secret);
        }
        Some(builder.build().map_err(|e| match e {
            Error::Config(m) => {
                Error::Config(format!("{m}; from_env reads ACQRA_BASE_URL, ACQRA_APP_ID and ACQRA_SECRET"))
            }
            other => other,
        }))
    }
}

/// Builder for [`Config`]; [`build`](ConfigBuilder::build) validates everything. `Debug` never
/// shows the secret.
#[derive(Debug, Clone)]
pub struct ConfigBuilder {
    base_url: Option<String>,
    app_id: Option<String>,
    secret: Option<SecretString>,
    http: HttpOptions,
    token_refresh_margin: Duration,
    default_token_lifetime: Duration,
    auth_header: AuthHeader,
    token_request_headers: Vec<(String, SecretString)>,
}

impl Default for ConfigBuilder {
    fn default() -> Self {
        Self {
            base_url: None,
            app_id: None,
            secret: None,
            http: HttpOptions::default(),
            token_refresh_margin: Duration::from_secs(60),
            default_token_lifetime: Duration::from_secs(300),
            auth_header: AuthHeader::raw(),
            token_request_headers: Vec::new(),
        }
    }
}

impl ConfigBuilder {
    /// The gateway's base URL, without the `/gateway/v1/...` path (e.g.
    /// `https://gateway.example.com`). Required.
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = Some(base_url.into());
        self
    }

    /// `appId`, the application id the gateway assigned. Required.
    pub fn app_id(mut self, app_id: impl Into<String>) -> Self {
        self.app_id = Some(app_id.into());
        self
    }

    /// `secret`, the application secret used to request access tokens. Required.
    pub fn secret(mut self, secret: impl Into<SecretString>) -> Self {
        self.secret = Some(secret.into());
        self
    }

    sign_core::http_options_setters!(http);

    /// Fetch a new token this long before the current one expires (default 60 s; capped at half
    /// the token's lifetime so that a short-lived token is still used).
    pub fn token_refresh_margin(mut self, margin: Duration) -> Self {
        self.token_refresh_margin = margin;
        self
    }

    /// The lifetime assumed when a token response has no `expiresIn` (default 300 s).
    pub fn default_token_lifetime(mut self, lifetime: Duration) -> Self {
        self.default_token_lifetime = lifetime;
        self
    }

    /// How the token is sent (default `Authorization: <token>`).
    pub fn auth_header(mut self, header: AuthHeader) -> Self {
        self.auth_header = header;
        self
    }

    /// Sends the static header `name: value` with the token request too (none by default). The
    /// documentation's samples send `Authorization: API_KEY` on every call, the token request
    /// included, without saying what it is; the credentials are in the body, so the crate sends
    /// no such header unless a deployment needs one. Call it once per header; a header the token
    /// request already has (`Content-Type`, `Accept`) is replaced. The value is kept as a secret
    /// (never in `Debug`). Checked by [`build`](Self::build): an RFC 9110 name, no control
    /// characters in the value.
    pub fn token_request_header(mut self, name: impl Into<String>, value: impl Into<SecretString>) -> Self {
        self.token_request_headers.push((name.into(), value.into()));
        self
    }

    /// Validates and builds the configuration.
    ///
    /// # Errors
    /// [`Error::Config`] naming the setter of a missing value (`"app_id is required
    /// (ConfigBuilder::app_id)"`), or saying what is wrong with a given one and which setter gave
    /// it. A plain `http://` base URL to a host other than loopback is refused unless
    /// [`allow_insecure_http(true)`](Self::allow_insecure_http): it would carry the secret, the
    /// access token and card data in clear.
    pub fn build(self) -> Result<Config, Error> {
        let base_url =
            self.base_url.ok_or_else(|| Error::Config("base_url is required (ConfigBuilder::base_url)".into()))?;
        // https, or http to a loopback host, or http anywhere only when asked for by name.
        let base = check_builder_base_url(&base_url, &self.http).map_err(Error::Config)?;
        let app_id = self.app_id.filter(|a| !a.trim().is_empty());
        let app_id = app_id.ok_or_else(|| Error::Config("app_id is required (ConfigBuilder::app_id)".into()))?;
        let secret = self.secret.filter(|s| !s.is_empty());
        let secret = secret.ok_or_else(|| Error::Config("secret is required (ConfigBuilder::secret)".into()))?;
        self.http.validate().map_err(Error::Config)?;
        if self.default_token_lifetime.is_zero() {
            return Err(Error::Config(
                "default_token_lifetime must be greater than zero (ConfigBuilder::default_token_lifetime)".into(),
            ));
        }
        self.auth_header.validate()?;
        for (name, value) in &self.token_request_headers {
            if !is_header_name(name) {
                return Err(Error::Config("token_request_header: the name is not a valid HTTP header name (ConfigBuilder::token_request_header)".into()));
            }
            if value.expose().chars().any(char::is_control) {
                return Err(Error::Config(
                    "token_request_header: the value contains control characters (ConfigBuilder::token_request_header)"
                        .into(),
                ));
            }
        }
        Ok(Config {
            base_url: base,
            app_id,
            secret,
            http: self.http,
            token_refresh_margin: self.token_refresh_margin,
            default_token_lifetime: self.default_token_lifetime,
            auth_header: self.auth_header,
            token_request_headers: self.token_request_headers,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn cfg(base: &str, app: &str, secret: &str) -> ConfigBuilder {
        Config::builder().base_url(base).app_id(app).secret(secret)
    }

    #[test]
    fn a_missing_value_names_its_setter() {
        let e = Config::builder().app_id("a").secret("s").build().unwrap_err();
        assert!(matches!(&e, Error::Config(m) if m == "base_url is required (ConfigBuilder::base_url)"), "{e:?}");
        let e = Config::builder().base_url("https://gw").secret("s").build().unwrap_err();
        assert!(matches!(&e, Error::Config(m) if m == "app_id is required (ConfigBuilder::app_id)"), "{e:?}");
        let e = Config::builder().base_url("https://gw").app_id("a").build().unwrap_err();
        assert!(matches!(&e, Error::Config(m) if m == "secret is required (ConfigBuilder::secret)"), "{e:?}");
        // No environment variable the builder never read.
        let e = Config::builder().build().unwrap_err().to_string();
        assert!(!e.contains("ACQRA_"), "{e}");
        let e = cfg("https://gw", "a", "s").default_token_lifetime(Duration::ZERO).build().unwrap_err().to_string();
        assert!(e.contains("ConfigBuilder::default_token_lifetime"), "{e}");
        let e = cfg("https://gw", "a", "s").auth_header(AuthHeader::custom("Bad Name", "")).build().unwrap_err();
        assert!(e.to_string().contains("ConfigBuilder::auth_header"), "{e}");
    }

    #[test]
    fn build_validates_every_required_setting() {
        let ok = cfg("https://gw.example.com/", "app", "s3cr3t-value").build().unwrap();
        assert_eq!(ok.base_url(), "https://gw.example.com");
        for (base, app, secret) in [
            ("ftp://gw", "app", "s"),
            ("https://", "app", "s"),
            ("gw.example.com", "app", "s"),
            ("https:///gw", "app", "s"),
            ("https://gw/x?y=1", "app", "s"),
            ("https://gw/\r\nX: y", "app", "s"),
            ("https://gw", "", "s"),
            ("https://gw", "app", ""),
        ] {
            let e = cfg(base, app, secret).build().unwrap_err();
            assert!(matches!(e, Error::Config(_)), "{base} {app}: {e:?}");
        }
        let e = cfg("https://gw", "a", "s").timeout(Duration::ZERO).build().unwrap_err();
        assert!(matches!(&e, Error::Config(m) if m.contains("timeouts")), "{e:?}");
        let e = cfg("https://gw", "a", "s").connect_timeout(Duration::ZERO).build().unwrap_err();
        assert!(matches!(&e, Error::Config(m) if m.contains("timeouts")), "{e:?}");
        let e = cfg("https://gw", "a", "s").max_response_bytes(0).build().unwrap_err();
        assert!(matches!(&e, Error::Config(m) if m.contains("max_response_bytes")), "{e:?}");
        let e = cfg("https://gw", "a", "s").auth_header(AuthHeader::custom("Bad Name", "")).build();
        assert!(matches!(e, Err(Error::Config(_))));
        let e = cfg("https://gw", "a", "s").auth_header(AuthHeader::custom("X-Token", "a\r\nb")).build();
        assert!(matches!(e, Err(Error::Config(_))));
    }

    #[test]
    fn token_request_headers_are_checked_and_kept_secret() {
        let c = cfg("https://gw", "a", "s").token_request_header("Authorization", "API_KEY-123").build().unwrap();
        assert_eq!(c.token_request_headers().len(), 1);
        assert!(!format!("{c:?}").contains("API_KEY-123"));
        for (name, value) in [("Bad Name", "v"), ("", "v"), ("X-Key", "a\r\nX-Evil: 1")] {
            let e = cfg("https://gw", "a", "s").token_request_header(name, value).build().unwrap_err();
            assert!(matches!(&e, Error::Config(m) if m.starts_with("token_request_header: ")), "{e:?}");
            assert!(!e.to_string().contains("X-Evil"), "{e}");
        }
    }

    #[test]
    fn debug_never_shows_the_secret() {
        let b = cfg("https://gw", "app", "very-secret-value-123");
        let c = b.clone().build().unwrap();
        for s in [format!("{b:?}"), format!("{c:?}")] {
            assert!(!s.contains("very-secret-value-123"), "{s}");
            assert!(s.contains("[REDACTED]"));
        }
    }

    sign_core::http_options_builder_tests!(cfg("https://gw", "a", "s") =>
        #[test]
        fn proxy_from_env_is_off_unless_asked,
        #[test]
        fn plain_http_is_refused_unless_loopback_or_allowed_by_name,
    );
}
