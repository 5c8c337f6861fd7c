//! Client configuration: where the mall lives, the pay path, the token, timeouts and retries.

use sign_core::options::{check_builder_base_url, is_header_safe};
use sign_core::{HttpOptions, SecretString};

use crate::error::Error;
use crate::form_ext::BodyEncoding;

/// A validated client configuration. Build it with [`Config::builder`].
///
/// The pay endpoint's path is not in the provider's public document, so there is no default:
/// [`ConfigBuilder::pay_path`] must be set, and [`ConfigBuilder::build`] fails without it.
#[derive(Debug, Clone)]
pub struct Config {
    pub(crate) base_url: String,
    pub(crate) pay_path: String,
    pub(crate) token: SecretString,
    pub(crate) body_encoding: BodyEncoding,
    pub(crate) http: HttpOptions,
}

impl Config {
    /// A builder with no base URL, pay path or token, and the default timeouts (5 s connect,
    /// 30 s per call), retry policy and a 1 MiB response limit.
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// The base URL, e.g. `https://mall.example.com`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The path of the "pay an order now" endpoint below the base URL.
    pub fn pay_path(&self) -> &str {
        &self.pay_path
    }

    /// How request bodies are written: JSON (the default) or a form.
    pub fn body_encoding(&self) -> BodyEncoding {
        self.body_encoding
    }

    /// Timeouts and response size limit of the default transport, and the client's retry policy.
    /// Paying is not idempotent, so the client only ever retries a payment that cannot have
    /// reached the server (DNS failure, connection refused, connect timeout), whatever the retry
    /// policy says.
    pub fn http_options(&self) -> &HttpOptions {
        &self.http
    }

    pub(crate) fn with_token(&self, token: SecretString) -> Result<Self, Error> {
        check_token(&token)?;
        Ok(Self { token, ..self.clone() })
    }
}

/// Builder for [`Config`].
#[derive(Debug, Clone)]
pub struct ConfigBuilder {
    base_url: Option<String>,
    pay_path: Option<String>,
    token: Option<SecretString>,
    body_encoding: BodyEncoding,
    http: HttpOptions,
}

impl Default for ConfigBuilder {
    fn default() -> Self {
        let mut http = HttpOptions::default();
        // The pay endpoint answers with a small JSON envelope: 1 MiB is plenty.
        http.max_response_bytes = 1024 * 1024;
        Self { base_url: None, pay_path: None, token: None, body_encoding: BodyEncoding::default(), http }
    }
}

impl ConfigBuilder {
    /// The mall's base URL, e.g. `https://mall.example.com`. Required. `https://`, or `http://` to
    /// a loopback host (the sandbox); plain `http://` elsewhere only with
    /// [`allow_insecure_http(true)`](ConfigBuilder::allow_insecure_http): the token would cross the
    /// network in clear.
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = Some(base_url.into());
        self
    }

    /// The path of the "pay an order now" endpoint (订单立即支付) below the base URL, e.g.
    /// `/api/order/pay`. Required: the provider's documentation does not give it, so ask the
    /// mall's operator.
    pub fn pay_path(mut self, pay_path: impl Into<String>) -> Self {
        self.pay_path = Some(pay_path.into());
        self
    }

    /// The `token` header value: the logged-in user's token. Required.
    pub fn token(mut self, token: impl Into<SecretString>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// How request bodies are written. The provider's documentation names no content type:
    /// [`BodyEncoding::Json`] (the default) sends a JSON object, [`BodyEncoding::Form`] the same
    /// fields as `application/x-www-form-urlencoded`, for a PHP backend that reads only `$_POST`
    /// (see [`BodyEncoding`]). Applies to every call, raw calls included.
    pub fn body_encoding(mut self, encoding: BodyEncoding) -> Self {
        self.body_encoding = encoding;
        self
    }

    sign_core::http_options_setters!(http);

    /// Checks and builds the configuration.
    ///
    /// Fails with [`Error::Config`], naming the builder setting, when the base URL is missing, not
    /// `https://` (or `http://` to loopback, or any `http://` with
    /// [`allow_insecure_http`](ConfigBuilder::allow_insecure_http)), the pay path is missing or
    /// malformed, or the token is missing, empty or not a valid header value.
    pub fn build(self) -> Result<Config, Error> {
        let base_url = self.base_url.ok_or_else(|| required("base_url"))?;
        let base_url = check_builder_base_url(&base_url, &self.http).map_err(Error::Config)?;
        let pay_path = self.pay_path.ok_or_else(|| {
            Error::Config(
                "pay_path is required (ConfigBuilder::pay_path; the provider does not publish the pay \
                 endpoint's path: ask the mall's operator)"
                    .into(),
            )
        })?;
        let pay_path = pay_path.trim().to_owned();
        if pay_path.is_empty()
            || pay_path == "/"
            || pay_path.contains("://")
            || pay_path.chars().any(|c| c.is_whitespace() || c.is_control() || c == '#')
        {
            return Err(Error::Config(format!(
                "pay_path must be a path such as /api/order/pay, got {pay_path:?} (ConfigBuilder::pay_path)"
            )));
        }
        let pay_path = if pay_path.starts_with('/') { pay_path } else { format!("/{pay_path}") };
        let token = self.token.ok_or_else(|| required("token"))?;
        check_token(&token)?;
        self.http.validate().map_err(Error::Config)?;
        Ok(Config { base_url, pay_path, token, body_encoding: self.body_encoding, http: self.http })
    }
}

/// `<setting> is required (ConfigBuilder::<setting>)`.
fn required(setting: &str) -> Error {
    Error::Config(format!("{setting} is required (ConfigBuilder::{setting})"))
}

/// The token goes into a header: it must be non-empty visible ASCII (no CR/LF that could inject
/// another header). The message never quotes it.
fn check_token(token: &SecretString) -> Result<(), Error> {
    if token.expose().trim().is_empty() {
        return Err(Error::Config("token is empty (ConfigBuilder::token)".into()));
    }
    if !is_header_safe(token.expose()) {
        return Err(Error::Config(
            "token must be visible ASCII without spaces or line breaks (ConfigBuilder::token)".into(),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn full() -> ConfigBuilder {
        Config::builder().base_url("https://mall.example.com/").pay_path("api/order/pay").token("tok-123")
    }

    #[test]
    fn builds_and_normalizes() {
        let c = full().build().unwrap();
        assert_eq!(c.base_url(), "https://mall.example.com");
        assert_eq!(c.pay_path(), "/api/order/pay");
        assert_eq!(c.http_options().max_response_bytes, 1024 * 1024);
        assert_eq!(c.body_encoding(), BodyEncoding::Json, "JSON unless configured");
        assert_eq!(full().body_encoding(BodyEncoding::Form).build().unwrap().body_encoding(), BodyEncoding::Form);
    }

    #[test]
    fn missing_pay_path_says_why() {
        let e = Config::builder().base_url("https://m.example").token("t").build().unwrap_err();
        let msg = e.to_string();
        assert!(matches!(e, Error::Config(_)));
        assert!(msg.contains("pay_path is required (ConfigBuilder::pay_path"), "{msg}");
        assert!(msg.contains("does not publish"), "{msg}");
        for (builder, want) in [
            (Config::builder().pay_path("/p").token("t"), "base_url is required (ConfigBuilder::base_url)"),
            (
                Config::builder().base_url("https://m.example").pay_path("/p"),
                "token is required (ConfigBuilder::token)",
            ),
        ] {
            assert!(matches!(builder.build(), Err(Error::Config(m)) if m == want), "{want}");
        }
    }

    #[test]
    fn rejects_bad_values() {
        assert!(matches!(full().base_url("ftp://x").build(), Err(Error::Config(_))));
        assert!(matches!(full().base_url("https://").build(), Err(Error::Config(_))));
        assert!(matches!(Config::builder().pay_path("/p").token("t").build(), Err(Error::Config(_))));
        assert!(matches!(full().pay_path("").build(), Err(Error::Config(_))));
        assert!(matches!(full().pay_path("/").build(), Err(Error::Config(_))));
        assert!(matches!(full().pay_path("https://evil.example/pay").build(), Err(Error::Config(_))));
        assert!(matches!(full().pay_path("/a b").build(), Err(Error::Config(_))));
        assert!(matches!(Config::builder().base_url("https://m").pay_path("/p").build(), Err(Error::Config(_))));
        assert!(matches!(full().token("").build(), Err(Error::Config(_))));
        assert!(matches!(full().token("abc\r\nX-Evil: 1").build(), Err(Error::Config(_))));
        assert!(matches!(full().base_url("https://m/x?y=1").build(), Err(Error::Config(_))));
        assert!(matches!(full().base_url("https://m/\r\nX: y").build(), Err(Error::Config(_))));
        for (builder, want) in [
            (full().max_response_bytes(0), "max_response_bytes"),
            (full().timeout(Duration::ZERO), "timeouts"),
            (full().connect_timeout(Duration::ZERO), "timeouts"),
        ] {
            match builder.build() {
                Err(Error::Config(m)) => assert!(m.contains(want), "{m}"),
                other => panic!("expected a config error containing {want}, got {other:?}"),
            }
        }
    }

    #[test]
    fn config_errors_name_the_builder_setting_never_an_environment_variable() {
        let cases = [
            (Config::builder().pay_path("/p").token("t"), "ConfigBuilder::base_url"),
            (full().base_url("ftp://x"), "ConfigBuilder::base_url"),
            (Config::builder().base_url("https://m").token("t"), "ConfigBuilder::pay_path"),
            (full().pay_path("/a b"), "ConfigBuilder::pay_path"),
            (Config::builder().base_url("https://m").pay_path("/p"), "ConfigBuilder::token"),
            (full().token(" "), "ConfigBuilder::token"),
            (full().token("a\nb"), "ConfigBuilder::token"),
        ];
        for (builder, setter) in cases {
            let message = builder.build().unwrap_err().to_string();
            assert!(message.contains(setter), "{message}");
            assert!(!message.contains("MALLPAY_"), "{message}");
        }
    }

    #[test]
    fn token_never_in_errors_or_debug() {
        let secret = "tok\r\nsecret-value-9f8e";
        let e = full().token(secret).build().unwrap_err();
        assert!(!format!("{e} {e:?}").contains("secret-value-9f8e"));
        let c = full().token("secret-value-9f8e").build().unwrap();
        assert!(!format!("{c:?}").contains("secret-value-9f8e"));
        let b = full().token("secret-value-9f8e");
        assert!(!format!("{b:?}").contains("secret-value-9f8e"));
    }

    sign_core::http_options_builder_tests!(full() =>
        #[test]
        fn proxy_from_env_is_off_unless_asked,
        #[test]
        fn plain_http_is_refused_unless_loopback_or_allowed,
    );
}
