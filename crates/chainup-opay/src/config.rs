//! Client configuration: base URL, app key, keys, timeouts, retry policy, paths.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use sign_core::options::{check_base_url, check_builder_base_url};
use sign_core::replay::{ReplayGuard, ReplaySetting, ReplayStore};
use sign_core::rsa::{KeySource, PrivateKey, PublicKey};
use sign_core::{Endpoint, HttpOptions};

use crate::error::Error;
use crate::generated::{CancelOrderRequest, CreateThirdOrderRequest, MerchantBillingDayRequest, OrderDetailRequest};

/// The reply body the crate sends for an accepted callback unless configured otherwise.
///
/// The provider does not publish what it expects; `success` is an assumption (see the crate
/// docs), hence [`ConfigBuilder::callback_reply`].
pub const DEFAULT_CALLBACK_REPLY: &str = "success";

/// The default of [`ConfigBuilder::max_callback_blocks`]: 16 RSA blocks.
///
/// Sized on the largest documented notification: five fields (`outOrderId`, `orderNum`,
/// `orderStatus`, `payAmount`, `returnUrl`), about 80 bytes of JSON around them, 64-byte ids and
/// a `returnUrl` up to 2 048 bytes (the usual URL limit) make about 2.3 KB, 10 blocks of RSA-2048
/// (245 bytes each); 16 leaves a margin of more than half (3 920 bytes with RSA-2048, 8 016 with
/// RSA-4096). Real notifications are one or two blocks.
pub const DEFAULT_MAX_CALLBACK_BLOCKS: usize = 16;

/// The default of [`ConfigBuilder::max_response_blocks`]: 4 096 RSA blocks.
///
/// Sized on the largest answer: a `merchantBillingDay` page of up to 2 000 records (the
/// provider's `pageSize` limit) of about 300 bytes each, some 600 KB, 2 450 blocks of RSA-2048;
/// 4 096 (1 MB with RSA-2048) leaves a margin. The other answers are one or two blocks: lower it
/// when you page statements in smaller pages.
pub const DEFAULT_MAX_RESPONSE_BLOCKS: usize = 4096;

/// The default window of the callback replay guard ([`ConfigBuilder::callback_replay_store`]):
/// 24 hours.
pub const DEFAULT_CALLBACK_REPLAY_WINDOW: Duration = Duration::from_secs(24 * 60 * 60);

/// How the envelope's `time` (milliseconds since the epoch) is written.
///
/// The provider's document types `time` as a `String` in every request table (`time* String`);
/// its Java demo sends a number, which a server coercing types accepts as well. The document's
/// type is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum TimeFormat {
    /// A JSON number, as the provider's Java demo sends it.
    Number,
    /// A JSON string of digits, as the provider's parameter tables type it (the default).
    #[default]
    String,
}

/// A validated configuration. Keys are parsed once, when it is built.
#[derive(Clone)]
pub struct Config {
    pub(crate) base_url: String,
    pub(crate) app_key: String,
    pub(crate) merchant_private_key: Arc<PrivateKey>,
    /// The platform public key first, then the additional ones (key rotation).
    pub(crate) platform_public_keys: Vec<PublicKey>,
    pub(crate) http: HttpOptions,
    pub(crate) paths: BTreeMap<String, String>,
    pub(crate) payment_page_base_url: Option<String>,
    pub(crate) time_format: TimeFormat,
    pub(crate) callback_reply: String,
    pub(crate) callback_max_age: Option<Duration>,
    pub(crate) create_third_order_app_key: bool,
    pub(crate) max_callback_blocks: usize,
    pub(crate) max_response_blocks: usize,
    pub(crate) callback_replay_guard: Option<ReplayGuard>,
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("base_url", &self.base_url)
            .field("app_key", &self.app_key)
            .field("merchant_private_key", &self.merchant_private_key)
            .field("platform_public_keys", &self.platform_public_keys)
            .field("http", &self.http)
            .field("paths", &self.paths)
            .field("payment_page_base_url", &self.payment_page_base_url)
            .field("time_format", &self.time_format)
            .field("callback_max_age", &self.callback_max_age)
            .field("create_third_order_app_key", &self.create_third_order_app_key)
            .field("max_callback_blocks", &self.max_callback_blocks)
            .field("max_response_blocks", &self.max_response_blocks)
            .field("callback_replay_guard", &self.callback_replay_guard)
            .finish_non_exhaustive()
    }
}

impl Config {
    /// Starts a configuration: set [`base_url`](ConfigBuilder::base_url),
    /// [`app_key`](ConfigBuilder::app_key) and the two keys, then [`build`](ConfigBuilder::build).
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// The base URL.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The merchant AppKey.
    pub fn app_key(&self) -> &str {
        &self.app_key
    }

    /// The path used for the endpoint called `name` (its documented path unless overridden with
    /// [`ConfigBuilder::path`]).
    pub fn path_for<'a>(&'a self, name: &str, documented: &'a str) -> &'a str {
        self.paths.get(name).map_or(documented, String::as_str)
    }

    /// The reply body for an accepted callback.
    pub fn callback_reply(&self) -> &str {
        &self.callback_reply
    }

    /// The most RSA blocks a callback's `data` may have ([`ConfigBuilder::max_callback_blocks`]).
    pub fn max_callback_blocks(&self) -> usize {
        self.max_callback_blocks
    }

    /// The most RSA blocks a response's `data` may have ([`ConfigBuilder::max_response_blocks`]).
    pub fn max_response_blocks(&self) -> usize {
        self.max_response_blocks
    }

    /// How long the callback replay guard remembers an accepted notification, or `None` when
    /// replay protection is off ([`ConfigBuilder::callback_replay_protection`]).
    pub fn callback_replay_window(&self) -> Option<Duration> {
        self.callback_replay_guard.as_ref().map(ReplayGuard::window)
    }

    /// Timeouts, retry policy and response size limit of the default transport.
    pub fn http_options(&self) -> &HttpOptions {
        &self.http
    }

    /// Whether `createThirdOrder` carries the configured app key as `appKey` when the request
    /// leaves it unset ([`ConfigBuilder::create_third_order_app_key`]).
    pub fn create_third_order_app_key(&self) -> bool {
        self.create_third_order_app_key
    }
}

/// The endpoint names [`ConfigBuilder::path`] accepts.
const ENDPOINT_NAMES: [&str; 4] = [
    CreateThirdOrderRequest::NAME,
    OrderDetailRequest::NAME,
    MerchantBillingDayRequest::NAME,
    CancelOrderRequest::NAME,
];

/// Builder for [`Config`]. Errors (a missing value, an unreadable key, a bad URL) are reported by
/// [`build`](Self::build), never later.
pub struct ConfigBuilder {
    base_url: Option<String>,
    app_key: Option<String>,
    merchant_private_key: Option<KeySource<PrivateKey>>,
    platform_public_key: Option<KeySource<PublicKey>>,
    additional_platform_public_keys: Vec<KeySource<PublicKey>>,
    http: HttpOptions,
    paths: BTreeMap<String, String>,
    payment_page_base_url: Option<String>,
    time_format: TimeFormat,
    callback_reply: Option<String>,
    callback_max_age: Option<Duration>,
    create_third_order_app_key: bool,
    max_callback_blocks: usize,
    max_response_blocks: usize,
    /// `None`: the default guard; `Some(None)`: off.
    callback_replay: ReplaySetting,
}

impl Default for ConfigBuilder {
    fn default() -> Self {
        Self {
            base_url: None,
            app_key: None,
            merchant_private_key: None,
            platform_public_key: None,
            additional_platform_public_keys: Vec::new(),
            http: HttpOptions::default(),
            paths: BTreeMap::new(),
            payment_page_base_url: None,
            time_format: TimeFormat::default(),
            callback_reply: None,
            callback_max_age: None,
            create_third_order_app_key: true,
            max_callback_blocks: DEFAULT_MAX_CALLBACK_BLOCKS,
            max_response_blocks: DEFAULT_MAX_RESPONSE_BLOCKS,
            callback_replay: ReplaySetting::InMemory,
        }
    }
}

impl fmt::Debug for ConfigBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConfigBuilder")
            .field("base_url", &self.base_url)
            .field("app_key", &self.app_key)
            .field("merchant_private_key", &self.merchant_private_key)
            .field("platform_public_key", &self.platform_public_key)
            .field("additional_platform_public_keys", &self.additional_platform_public_keys)
            .field("http", &self.http)
            .field("paths", &self.paths)
            .finish_non_exhaustive()
    }
}

impl ConfigBuilder {
    /// The platform's base URL, e.g. `https://service.xxx.com` (required).
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = Some(base_url.into());
        self
    }

    /// The merchant AppKey, sent as `app_id` (required).
    pub fn app_key(mut self, app_key: impl Into<String>) -> Self {
        self.app_key = Some(app_key.into());
        self
    }

    sign_core::key_setters! {
        /// The merchant's RSA private key: signs requests, decrypts responses and callbacks
        /// (required).
        merchant_private_key: PrivateKey => merchant_private_key, merchant_private_key_parsed, merchant_private_key_file
    }

    sign_core::key_setters! {
        /// The platform's RSA public key: encrypts requests, verifies responses and callbacks
        /// (required).
        platform_public_key: PublicKey => platform_public_key, platform_public_key_parsed, platform_public_key_file
    }

    sign_core::key_setters! {
        /// Another platform public key accepted when verifying responses and callbacks, beside
        /// [`platform_public_key`](Self::platform_public_key): for a key rotation, give the new key
        /// here (or the old one, once the new one is the main key) so that messages signed with
        /// either verify and the rotation causes no outage; every key is tried. Requests are still
        /// encrypted with [`platform_public_key`](Self::platform_public_key) only.
        additional_platform_public_keys: [PublicKey] =>
            additional_platform_public_key, additional_platform_public_key_parsed, additional_platform_public_key_file
    }

    sign_core::http_options_setters!(http);

    /// The most RSA blocks a callback's `data` may have (default [`DEFAULT_MAX_CALLBACK_BLOCKS`],
    /// at least 1). A callback over it, or whose `sign` is not the size of a platform key, is
    /// rejected before any private-key work: one unauthenticated request costs at most this many
    /// private-key operations.
    pub fn max_callback_blocks(mut self, blocks: usize) -> Self {
        self.max_callback_blocks = blocks.max(1);
        self
    }

    /// The most RSA blocks a response's `data` may have (default
    /// [`DEFAULT_MAX_RESPONSE_BLOCKS`], at least 1); a response over it is
    /// [`Error::ResponseUnverified`] without any private-key work.
    pub fn max_response_blocks(mut self, blocks: usize) -> Self {
        self.max_response_blocks = blocks.max(1);
        self
    }

    /// Where [`Client::verify_notification`](crate::Client::verify_notification) remembers the
    /// notifications it accepted, so that one seen before within
    /// [`DEFAULT_CALLBACK_REPLAY_WINDOW`] is [`Error::CallbackReplayed`]. Default: a bounded store
    /// in this process's memory ([`MemoryReplayStore`](sign_core::replay::MemoryReplayStore), 100 000 notifications); several processes
    /// behind a load balancer need one shared store (Redis `SET key 1 NX PX ttl`, a database unique
    /// key): see [`sign_core::replay`]. Clones of the configuration and of the client share it.
    pub fn callback_replay_store(mut self, store: Arc<dyn ReplayStore>) -> Self {
        self.callback_replay = ReplaySetting::Store(store);
        self
    }

    /// Whether a notification accepted before is refused as [`Error::CallbackReplayed`] (default
    /// `true`). `false` turns the replay guard off: a replay then verifies again, and processing each
    /// `orderNum` once is the only protection.
    pub fn callback_replay_protection(mut self, on: bool) -> Self {
        self.callback_replay = self.callback_replay.with_protection(on);
        self
    }

    /// Overrides the path of one endpoint, by its name (`create_third_order`, `order_detail`,
    /// `merchant_billing_day`, `cancel_order`); another name is an [`Error::Config`] at
    /// [`build`](Self::build). The provider's documentation lists `cancel_order` at
    /// `/opay/cancelOrder` while the others live under `/platformapi/chainup/open/opay/`: if your
    /// server disagrees, set e.g. `.path("cancel_order", "/platformapi/chainup/open/opay/cancelOrder")`.
    pub fn path(mut self, endpoint_name: impl Into<String>, path: impl Into<String>) -> Self {
        self.paths.insert(endpoint_name.into(), path.into());
        self
    }

    /// The host of the payment page, when it differs from the API base URL. Checked like
    /// [`base_url`](Self::base_url): `https://`, or `http://` to a loopback host, or plain http
    /// anywhere with [`allow_insecure_http`](Self::allow_insecure_http).
    pub fn payment_page_base_url(mut self, url: impl Into<String>) -> Self {
        self.payment_page_base_url = Some(url.into());
        self
    }

    /// How `time` is written (default: a JSON string of digits, as the provider's tables type it;
    /// [`TimeFormat::Number`] writes a JSON number, as the provider's demo does).
    pub fn time_format(mut self, format: TimeFormat) -> Self {
        self.time_format = format;
        self
    }

    /// The reply body for an accepted callback (default [`DEFAULT_CALLBACK_REPLY`]).
    pub fn callback_reply(mut self, reply: impl Into<String>) -> Self {
        self.callback_reply = Some(reply.into());
        self
    }

    /// Rejects callbacks whose `time` is further than `max_age` from now (either way). Off by
    /// default, and weak: `time` is not signed, so an attacker replaying a captured callback can
    /// set it freely. Real replay protection is processing each `orderNum` once.
    pub fn callback_max_age(mut self, max_age: Duration) -> Self {
        self.callback_max_age = Some(max_age);
        self
    }

    /// Whether `createThirdOrder` carries `appKey` = the configured [`app_key`](Self::app_key)
    /// when the request leaves it unset (default `true`; a value set with
    /// `CreateThirdOrderRequest::with_app_key` is always sent as set). The provider's parameter
    /// table is garbled at that row (the name `appKey` is glued onto a description), while
    /// `orderDetail` requires the same field: an extra field is harmless, a missing required one
    /// is not. Applies to every request sent to the `create_third_order` path, raw calls
    /// included. Turn it off only if your server refuses the field.
    pub fn create_third_order_app_key(mut self, send: bool) -> Self {
        self.create_third_order_app_key = send;
        self
    }

    /// Validates, loads the keys and builds.
    ///
    /// # Errors
    /// [`Error::Config`] for a missing value (naming its setter), a bad URL, an unknown endpoint
    /// name or a bad path in [`path`](Self::path), keys under 1024 bits or bad connection
    /// options; [`Error::Key`] for a key that cannot be read or parsed.
    pub fn build(self) -> Result<Config, Error> {
        let missing = |setter: &str| Error::Config(format!("{setter} is required (ConfigBuilder::{setter})"));
        let base_url = self.base_url.ok_or_else(|| missing("base_url"))?;
        let base = check_builder_base_url(&base_url, &self.http).map_err(Error::Config)?;
        let payment_page_base_url = match &self.payment_page_base_url {
            None => None,
            Some(url) => Some(check_base_url(url, &self.http).map_err(|e| {
                let e = e.strip_prefix("base_url").map_or(e.clone(), |rest| format!("payment_page_base_url{rest}"));
                Error::Config(format!("{e} (ConfigBuilder::payment_page_base_url)"))
            })?),
        };
        let app_key = self.app_key.map(|k| k.trim().to_owned()).filter(|k| !k.is_empty());
        let app_key = app_key.ok_or_else(|| missing("app_key"))?;
        let merchant_private_key = self.merchant_private_key.ok_or_else(|| missing("merchant_private_key"))?.load()?;
        let mut platform_public_keys =
            vec![self.platform_public_key.ok_or_else(|| missing("platform_public_key"))?.load()?];
        for key in self.additional_platform_public_keys {
            platform_public_keys.push(key.load()?);
        }
        if merchant_private_key.size() < 128 || platform_public_keys.iter().any(|k| k.size() < 128) {
            return Err(Error::Config("RSA keys must be at least 1024 bits".into()));
        }
        self.http.validate().map_err(Error::Config)?;
        for (name, path) in &self.paths {
            if !ENDPOINT_NAMES.contains(&name.as_str()) {
                return Err(Error::Config(format!(
                    "path: unknown endpoint `{name}` (one of {}) (ConfigBuilder::path)",
                    ENDPOINT_NAMES.join(", ")
                )));
            }
            sign_core::call::check_raw_path(path)
                .map_err(|e| Error::Config(format!("path for {name}: {} (ConfigBuilder::path)", e.message())))?;
        }
        let callback_replay_guard = self.callback_replay.guard(DEFAULT_CALLBACK_REPLAY_WINDOW);
        Ok(Config {
            base_url: base,
            app_key,
            merchant_private_key: Arc::new(merchant_private_key),
            platform_public_keys,
            http: self.http,
            paths: self.paths,
            payment_page_base_url,
            time_format: self.time_format,
            callback_reply: self.callback_reply.unwrap_or_else(|| DEFAULT_CALLBACK_REPLY.to_owned()),
            callback_max_age: self.callback_max_age,
            create_third_order_app_key: self.create_third_order_app_key,
            max_callback_blocks: self.max_callback_blocks,
            max_response_blocks: self.max_response_blocks,
            callback_replay_guard,
        })
    }
}
