//! Client configuration: base URL, credentials, timeouts and retry policy, validated once.

use std::fmt;

use sign_core::options::{check_builder_base_url, is_header_safe};
use sign_core::{HttpOptions, SecretString};

use crate::Error;

/// The provider's published development server (`vgs_dev` on its documentation pages). The
/// production host is handed out with the credentials, so there is no default base URL.
pub const DEV_BASE_URL: &str = "https://dapi.visageniusglobal.com";

/// A validated client configuration. Build it with [`Config::builder`].
///
/// `Debug` shows the base URL and app id but never `access_key` or `secret_key`.
#[derive(Clone)]
#[non_exhaustive]
pub struct Config {
    pub(crate) base_url: String,
    pub(crate) appid: String,
    pub(crate) access_key: SecretString,
    pub(crate) secret_key: SecretString,
    pub(crate) http: HttpOptions,
}

impl Config {
    /// A builder with no credentials, 5 s connect timeout, 30 s overall timeout and the default
    /// retry policy (only requests that cannot have reached the server, and queries, are retried).
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// The base URL, without a trailing `/`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The app id sent as `X-Appid`.
    pub fn appid(&self) -> &str {
        &self.appid
    }

    /// Timeouts, retry policy and response size limit of the default transport.
    pub fn http_options(&self) -> &HttpOptions {
        &self.http
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("base_url", &self.base_url)
            .field("appid", &self.appid)
            .field("access_key", &self.access_key)
            .field("secret_key", &self.secret_key)
            .field("http", &self.http)
            .finish_non_exhaustive()
    }
}

/// Builder for [`Config`]; [`build`](ConfigBuilder::build) checks every value.
#[derive(Clone, Default)]
pub struct ConfigBuilder {
    base_url: Option<String>,
    appid: Option<String>,
    access_key: Option<SecretString>,
    secret_key: Option<SecretString>,
    http: HttpOptions,
}

impl fmt::Debug for ConfigBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConfigBuilder")
            .field("base_url", &self.base_url)
            .field("appid", &self.appid)
            .field("access_key", &self.access_key)
            .field("secret_key", &self.secret_key)
            .finish_non_exhaustive()
    }
}

impl ConfigBuilder {
    /// The server, e.g. [`DEV_BASE_URL`] or the sandbox's URL. Required. `https://`, or `http://` to
    /// a loopback host (the sandbox); plain `http://` elsewhere only with
    /// [`allow_insecure_http(true)`](ConfigBuilder::allow_insecure_http): the signature covers
    /// neither the path nor the body, so anyone on the path could rewrite a payment.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// The `appid` the provider gave you (sent as `X-Appid`). Required.
    pub fn appid(mut self, appid: impl Into<String>) -> Self {
        self.appid = Some(appid.into());
        self
    }

    /// The `access_key` (part of the signed string, never sent). Required.
    pub fn access_key(mut self, key: impl Into<SecretString>) -> Self {
        self.access_key = Some(key.into());
        self
    }

    /// The `secret_key` (the HMAC key, never sent). Required.
    pub fn secret_key(mut self, key: impl Into<SecretString>) -> Self {
        self.secret_key = Some(key.into());
        self
    }

    sign_core::http_options_setters!(http);

    /// Checks every value and builds the configuration.
    ///
    /// # Errors
    /// [`Error::Config`] naming the first missing or malformed value and its builder setting
    /// (never its content when it is a credential); a plain `http://` base URL to a host other
    /// than loopback is refused unless [`allow_insecure_http`](ConfigBuilder::allow_insecure_http).
    pub fn build(self) -> Result<Config, Error> {
        let base_url = self.base_url.ok_or_else(|| required("base_url"))?;
        let base_url = check_builder_base_url(&base_url, &self.http).map_err(Error::Config)?;
        let appid = self.appid.ok_or_else(|| required("appid"))?;
        if appid.is_empty() {
            return Err(config("appid is empty (ConfigBuilder::appid)"));
        }
        if !is_header_safe(&appid) {
            return Err(config(
                "appid must be printable ASCII without spaces (it is sent as a header; ConfigBuilder::appid)",
            ));
        }
        let access_key = self.access_key.ok_or_else(|| required("access_key"))?;
        if access_key.is_empty() {
            return Err(config("access_key is empty (ConfigBuilder::access_key)"));
        }
        let secret_key = self.secret_key.ok_or_else(|| required("secret_key"))?;
        if secret_key.is_empty() {
            return Err(config("secret_key is empty (ConfigBuilder::secret_key)"));
        }
        self.http.validate().map_err(Error::Config)?;
        Ok(Config { base_url, appid, access_key, secret_key, http: self.http })
    }
}

/// `<setting> is required (ConfigBuilder::<setting>)`.
fn required(setting: &str) -> Error {
    Error::Config(format!("{setting} is required (ConfigBuilder::{setting})"))
}

fn config(message: &str) -> Error {
    Error::Config(message.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn full() -> ConfigBuilder {
        Config::builder().base_url("https://api.example.com/").appid("app1").access_key("ak").secret_key("sk")
    }

    #[test]
    fn builds_and_trims_the_base_url() {
        let c = full().build().unwrap();
        assert_eq!(c.base_url(), "https://api.example.com");
        assert_eq!(c.appid(), "app1");
    }

    #[test]
    fn each_missing_or_bad_value_is_a_config_error() {
        let cases: Vec<(ConfigBuilder, &str)> = vec![
            (
                Config::builder().appid("a").access_key("k").secret_key("s"),
                "base_url is required (ConfigBuilder::base_url)",
            ),
            (full().base_url("ftp://x"), "base_url must start"),
            (full().base_url("https://"), "base_url must"),
            (full().base_url("https:///path"), "absolute URL"),
            (full().base_url("https://h/x?y=1"), "absolute URL"),
            (full().base_url("https://h/\r\nX: y"), "absolute URL"),
            (
                Config::builder().base_url("https://h").access_key("k").secret_key("s"),
                "appid is required (ConfigBuilder::appid)",
            ),
            (full().appid(""), "appid is empty"),
            (full().appid("a\r\nX-Evil: 1"), "printable ASCII"),
            (full().appid("应用"), "printable ASCII"),
            (
                Config::builder().base_url("https://h").appid("a").secret_key("s"),
                "access_key is required (ConfigBuilder::access_key)",
            ),
            (full().access_key(""), "access_key is empty"),
            (
                Config::builder().base_url("https://h").appid("a").access_key("k"),
                "secret_key is required (ConfigBuilder::secret_key)",
            ),
            (full().secret_key(""), "secret_key is empty"),
            (full().timeout(Duration::ZERO), "timeouts"),
            (full().connect_timeout(Duration::ZERO), "timeouts"),
            (full().max_response_bytes(0), "max_response_bytes"),
        ];
        for (builder, want) in cases {
            match builder.build() {
                Err(Error::Config(msg)) => assert!(msg.contains(want), "{msg} should contain {want}"),
                other => panic!("expected a config error containing {want}, got {other:?}"),
            }
        }
    }

    #[test]
    fn config_errors_name_the_builder_setting_never_an_environment_variable() {
        let cases = [
            (Config::builder().appid("a").access_key("k").secret_key("s"), "ConfigBuilder::base_url"),
            (full().base_url("ftp://x"), "ConfigBuilder::base_url"),
            (full().appid(""), "ConfigBuilder::appid"),
            (full().appid("a b"), "ConfigBuilder::appid"),
            (full().access_key(""), "ConfigBuilder::access_key"),
            (full().secret_key(""), "ConfigBuilder::secret_key"),
        ];
        for (builder, setter) in cases {
            let message = builder.build().unwrap_err().to_string();
            assert!(message.contains(setter), "{message}");
            assert!(!message.contains("VISAGENIUS_"), "{message}");
        }
    }

    sign_core::http_options_builder_tests!(full() =>
        #[test]
        fn proxy_from_env_is_off_unless_asked,
        #[test]
        fn plain_http_is_refused_unless_loopback_or_allowed,
    );
}
