//! Client configuration: base URL, app key, keys, timeouts, retry policy, paths.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use sign_core::HttpOptions;
use sign_core::options::normalize_base_url;
use sign_core::rsa::{PrivateKey, PublicKey};

use crate::envelope::MAX_RESPONSE_BYTES;
use crate::error::Error;

/// The reply body the crate sends for an accepted callback unless configured otherwise.
///
/// The provider does not publish what it expects; `success` is an assumption (see the crate
/// docs), hence [`ConfigBuilder::callback_reply`].
pub const DEFAULT_CALLBACK_REPLY: &str = "success";

/// How the envelope's `time` (milliseconds since the epoch) is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum TimeFormat {
    /// A JSON number, as the provider's Java demo sends it (the default).
    #[default]
    Number,
    /// A JSON string, as the provider's parameter table types it.
    String,
}

/// A validated configuration. Keys are parsed once, when it is built.
#[derive(Clone)]
pub struct Config {
    pub(crate) base_url: String,
    pub(crate) app_key: String,
    pub(crate) merchant_private_key: Arc<PrivateKey>,
    pub(crate) platform_public_key: PublicKey,
    pub(crate) http: HttpOptions,
    pub(crate) paths: BTreeMap<String, String>,
    pub(crate) payment_page_base_url: Option<String>,
    pub(crate) time_format: TimeFormat,
    pub(crate) callback_reply: String,
    pub(crate) callback_max_age: Option<Duration>,
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("base_url", &self.base_url)
            .field("app_key", &self.app_key)
            .field("merchant_private_key", &self.merchant_private_key)
            .field("platform_public_key", &self.platform_public_key)
            .field("http", &self.http)
            .field("paths", &self.paths)
            .field("time_format", &self.time_format)
            .field("callback_max_age", &self.callback_max_age)
            .finish_non_exhaustive()
    }
}

impl Config {
    /// Starts a configuration for the server at `base_url` (e.g. `https://service.xxx.com`) and
    /// the merchant `app_key` (sent as `app_id`).
    pub fn builder(base_url: impl Into<String>, app_key: impl Into<String>) -> ConfigBuilder {
        ConfigBuilder::new(base_url, app_key)
    }

    /// The base URL.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The merchant AppKey.
    pub fn app_key(&self) -> &str {
        &self.app_key
    }

    /// The path used for the endpoint called `name` (its documented path unless overridden).
    pub fn path_for(&self, name: &str, documented: &'static str) -> String {
        self.paths.get(name).cloned().unwrap_or_else(|| documented.to_owned())
    }

    /// The reply body for an accepted callback.
    pub fn callback_reply(&self) -> &str {
        &self.callback_reply
    }

    /// Timeouts, retry policy and response size limit of the default transport.
    pub fn http_options(&self) -> &HttpOptions {
        &self.http
    }
}

/// Builder for [`Config`]. Errors (a missing or unreadable key, a bad URL) are reported by
/// [`build`](Self::build), never later.
pub struct ConfigBuilder {
    base_url: String,
    app_key: String,
    merchant_private_key: Option<Result<PrivateKey, Error>>,
    platform_public_key: Option<Result<PublicKey, Error>>,
    http: HttpOptions,
    paths: BTreeMap<String, String>,
    payment_page_base_url: Option<String>,
    time_format: TimeFormat,
    callback_reply: String,
    callback_max_age: Option<Duration>,
}

impl fmt::Debug for ConfigBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConfigBuilder")
            .field("base_url", &self.base_url)
            .field("app_key", &self.app_key)
            .field("merchant_private_key", &self.merchant_private_key.as_ref().map(|k| k.is_ok()))
            .field("platform_public_key", &self.platform_public_key.as_ref().map(|k| k.is_ok()))
            .finish_non_exhaustive()
    }
}

fn read_key_file(path: &std::path::Path) -> Result<sign_core::SecretString, Error> {
    std::fs::read_to_string(path)
        .map(sign_core::SecretString::new)
        .map_err(|e| Error::Config(format!("cannot read key file {}: {}", path.display(), e.kind())))
}

impl ConfigBuilder {
    /// See [`Config::builder`].
    pub fn new(base_url: impl Into<String>, app_key: impl Into<String>) -> Self {
        let mut http = HttpOptions::default();
        // `envelope::parse` refuses anything larger anyway.
        http.max_response_bytes = MAX_RESPONSE_BYTES as u64;
        Self {
            base_url: base_url.into(),
            app_key: app_key.into(),
            merchant_private_key: None,
            platform_public_key: None,
            http,
            paths: BTreeMap::new(),
            payment_page_base_url: None,
            time_format: TimeFormat::default(),
            callback_reply: DEFAULT_CALLBACK_REPLY.to_owned(),
            callback_max_age: None,
        }
    }

    /// The merchant's RSA private key (PEM, or bare Base64 PKCS#8/PKCS#1 DER as the provider
    /// hands keys out): signs requests, decrypts responses and callbacks.
    pub fn merchant_private_key(mut self, key: &str) -> Self {
        self.merchant_private_key = Some(PrivateKey::parse(key).map_err(Error::Key));
        self
    }

    /// The merchant private key, already parsed.
    pub fn merchant_private_key_parsed(mut self, key: PrivateKey) -> Self {
        self.merchant_private_key = Some(Ok(key));
        self
    }

    /// Reads the merchant private key from a file (PEM or bare Base64 DER).
    pub fn merchant_private_key_file(mut self, path: impl AsRef<std::path::Path>) -> Self {
        self.merchant_private_key =
            Some(read_key_file(path.as_ref()).and_then(|text| PrivateKey::parse(text.expose()).map_err(Error::Key)));
        self
    }

    /// The platform's RSA public key (PEM, or bare Base64 SPKI/PKCS#1 DER): encrypts requests,
    /// verifies responses and callbacks.
    pub fn platform_public_key(mut self, key: &str) -> Self {
        self.platform_public_key = Some(PublicKey::parse(key).map_err(Error::Key));
        self
    }

    /// The platform public key, already parsed.
    pub fn platform_public_key_parsed(mut self, key: PublicKey) -> Self {
        self.platform_public_key = Some(Ok(key));
        self
    }

    /// Reads the platform public key from a file (PEM or bare Base64 DER).
    pub fn platform_public_key_file(mut self, path: impl AsRef<std::path::Path>) -> Self {
        self.platform_public_key =
            Some(read_key_file(path.as_ref()).and_then(|text| PublicKey::parse(text.expose()).map_err(Error::Key)));
        self
    }

    sign_core::http_options_setters!(http);

    /// Overrides the path of one endpoint, by its method name (`create_order`, `order_detail`,
    /// `daily_statement`, `cancel_order`). The seed lists `cancel_order` at `/opay/cancelOrder`
    /// while the others live under `/platformapi/chainup/open/opay/`: if your server disagrees,
    /// set e.g. `.path("cancel_order", "/platformapi/chainup/open/opay/cancelOrder")`.
    pub fn path(mut self, endpoint_name: impl Into<String>, path: impl Into<String>) -> Self {
        self.paths.insert(endpoint_name.into(), path.into());
        self
    }

    /// The host of the payment page, when it differs from the API base URL.
    pub fn payment_page_base_url(mut self, url: impl Into<String>) -> Self {
        self.payment_page_base_url = Some(url.into());
        self
    }

    /// How `time` is written (default: a JSON number, as the provider's demo does).
    pub fn time_format(mut self, format: TimeFormat) -> Self {
        self.time_format = format;
        self
    }

    /// The reply body for an accepted callback (default [`DEFAULT_CALLBACK_REPLY`]).
    pub fn callback_reply(mut self, reply: impl Into<String>) -> Self {
        self.callback_reply = reply.into();
        self
    }

    /// Rejects callbacks whose `time` is further than `max_age` from now (either way). Off by
    /// default, and weak: `time` is not signed, so an attacker replaying a captured callback can
    /// set it freely. Real replay protection is processing each `orderNum` once.
    pub fn callback_max_age(mut self, max_age: Duration) -> Self {
        self.callback_max_age = Some(max_age);
        self
    }

    /// Validates and builds.
    pub fn build(self) -> Result<Config, Error> {
        let base = normalize_base_url(&self.base_url).map_err(Error::Config)?;
        if self.app_key.trim().is_empty() {
            return Err(Error::Config("app key (app_id) is missing".into()));
        }
        let merchant_private_key =
            self.merchant_private_key.ok_or_else(|| Error::Config("merchant private key is missing".into()))??;
        let platform_public_key =
            self.platform_public_key.ok_or_else(|| Error::Config("platform public key is missing".into()))??;
        if merchant_private_key.size() < 128 || platform_public_key.size() < 128 {
            return Err(Error::Config("RSA keys must be at least 1024 bits".into()));
        }
        self.http.validate().map_err(Error::Config)?;
        Ok(Config {
            base_url: base,
            app_key: self.app_key.trim().to_owned(),
            merchant_private_key: Arc::new(merchant_private_key),
            platform_public_key,
            http: self.http,
            paths: self.paths,
            payment_page_base_url: self.payment_page_base_url,
            time_format: self.time_format,
            callback_reply: self.callback_reply,
            callback_max_age: self.callback_max_age,
        })
    }
}
