//! Client configuration: base URL, credentials, timeouts, retry policy. Keys are parsed and
//! everything is validated by [`ConfigBuilder::build`], never on the first call.

use std::sync::Arc;
use std::time::Duration;

use sign_core::options::{check_builder_base_url, is_header_safe};
use sign_core::replay::{ReplayGuard, ReplaySetting, ReplayStore};
use sign_core::rsa::{KeySource, PrivateKey, PublicKey};
use sign_core::{HttpOptions, SecretString};

use crate::auth::{SignType, SigningKey, VerifyingKey};
use crate::error::Error;

/// The default envelope `status` treated as success. The platform does not publish it (the
/// document's example shows the placeholder `961`); `0` is an assumption: set the real value with
/// [`ConfigBuilder::success_status`].
pub const DEFAULT_SUCCESS_STATUS: i64 = 0;

/// The default accepted distance between a callback's `timestamp` and the local clock: 12 hours.
///
/// The platform retries an unacknowledged callback after 15 s, 30 s, 3 min, 10 min, 20 min,
/// 30 min, 60 min, 3 h and 6 h; nothing says whether a retry is signed afresh or re-sends the
/// first attempt's `timestamp`. Read as waits between attempts, the last retry comes 11 h 3 min
/// 45 s after the first (read as times after the first attempt, 6 h): 12 hours accepts every
/// retry either way, with margin for clock skew. The window does not stop a captured callback from
/// being replayed inside it: the replay guard (on by default, see
/// [`ConfigBuilder::callback_replay_store`]) refuses a delivery seen before, and handling callbacks
/// idempotently by `orderCode` (see the crate's "Callbacks" section) makes a replay harmless.
pub const DEFAULT_CALLBACK_TIME_WINDOW: Duration = Duration::from_secs(12 * 60 * 60);

/// The default largest callback body accepted (1 MiB).
pub const DEFAULT_CALLBACK_MAX_BODY_BYTES: usize = 1024 * 1024;

/// A validated client configuration. Build it with [`Config::builder`].
///
/// `Debug` shows no key material.
#[derive(Debug, Clone)]
pub struct Config {
    pub(crate) base_url: String,
    pub(crate) business_id: String,
    pub(crate) signing_key: SigningKey,
    pub(crate) send_sign_type: bool,
    pub(crate) success_status: i64,
    /// Every key a callback may be signed with (several during a key rotation), all of one sign type.
    pub(crate) callback_keys: Vec<VerifyingKey>,
    pub(crate) callback_window: Duration,
    pub(crate) callback_max_body_bytes: usize,
    pub(crate) replay_guard: Option<ReplayGuard>,
    pub(crate) http: HttpOptions,
}

impl Config {
    /// A builder with the defaults: 5 s connect timeout, 30 s timeout, sign-core's default retry
    /// policy (only requests that cannot have reached the server, and queries, are repeated, each
    /// attempt signed afresh),
    /// success status 0, `signType` header sent, a 12-hour callback time window, 1 MiB callback
    /// bodies, a replay guard in memory remembering each delivery for twice the time window.
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// The base URL, e.g. `https://api.example.com`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The `businessId` the platform assigned.
    pub fn business_id(&self) -> &str {
        &self.business_id
    }

    /// The sign type requests are signed with.
    pub fn sign_type(&self) -> SignType {
        self.signing_key.sign_type()
    }

    /// Whether the `signType` header is sent.
    pub fn sends_sign_type(&self) -> bool {
        self.send_sign_type
    }

    /// The envelope `status` treated as success.
    pub fn success_status(&self) -> i64 {
        self.success_status
    }

    /// The sign type status callbacks are verified with: `SHA256-RSA` when a platform public key is
    /// set, else `MD5` when an MD5 secret key is set; `None` when callbacks cannot be verified.
    pub fn callback_sign_type(&self) -> Option<SignType> {
        self.callback_keys.first().map(VerifyingKey::sign_type)
    }

    /// How many keys (platform public keys, or MD5 secret keys) a callback is checked against: more
    /// than one during a key rotation.
    pub fn callback_key_count(&self) -> usize {
        self.callback_keys.len()
    }

    /// How long the replay guard remembers a verified delivery (twice the callback time window, on
    /// the monotonic clock), or `None` when replay protection is off.
    pub fn callback_replay_window(&self) -> Option<Duration> {
        self.replay_guard.as_ref().map(ReplayGuard::window)
    }

    /// How far a callback's `timestamp` may be from the clock, either way.
    pub fn callback_time_window(&self) -> Duration {
        self.callback_window
    }

    /// The largest callback body accepted.
    pub fn callback_max_body_bytes(&self) -> usize {
        self.callback_max_body_bytes
    }

    /// Timeouts and response size limit of the built-in transport (also useful for your own
    /// transport), and the retry policy the client repeats calls by.
    pub fn http_options(&self) -> &HttpOptions {
        &self.http
    }

    /// The MD5 secret keys (signing and callback ones), scrubbed from the platform's messages
    /// before they go into an error: the platform could echo the string it signed, secret included.
    pub(crate) fn md5_secrets(&self) -> Vec<&str> {
        let signing = match &self.signing_key {
            SigningKey::Md5(secret) => Some(secret.expose()),
            SigningKey::Sha256Rsa(_) => None,
        };
        let callback = self.callback_keys.iter().filter_map(|key| match key {
            VerifyingKey::Md5(secret) => Some(secret.expose()),
            VerifyingKey::Sha256Rsa(_) => None,
        });
        signing.into_iter().chain(callback).filter(|s| !s.is_empty()).collect()
    }
}

/// Builder for [`Config`]: every value has a setter; [`build`](Self::build) checks them and loads the
/// keys.
#[derive(Debug, Clone)]
pub struct ConfigBuilder {
    base_url: Option<String>,
    business_id: Option<String>,
    md5_secret_key: Option<SecretString>,
    rsa_private_key: Option<KeySource<PrivateKey>>,
    platform_public_key: Option<KeySource<PublicKey>>,
    additional_platform_public_keys: Vec<KeySource<PublicKey>>,
    additional_md5_secret_keys: Vec<SecretString>,
    sign_type: Option<SignType>,
    send_sign_type: bool,
    success_status: i64,
    callback_window: Duration,
    callback_max_body_bytes: usize,
    replay: ReplaySetting,
    http: HttpOptions,
}

impl Default for ConfigBuilder {
    fn default() -> Self {
        Self {
            base_url: None,
            business_id: None,
            md5_secret_key: None,
            rsa_private_key: None,
            platform_public_key: None,
            additional_platform_public_keys: Vec::new(),
            additional_md5_secret_keys: Vec::new(),
            sign_type: None,
            send_sign_type: true,
            success_status: DEFAULT_SUCCESS_STATUS,
            callback_window: DEFAULT_CALLBACK_TIME_WINDOW,
            callback_max_body_bytes: DEFAULT_CALLBACK_MAX_BODY_BYTES,
            replay: ReplaySetting::InMemory,
            http: HttpOptions::default(),
        }
    }
}

impl ConfigBuilder {
    /// The API's base URL (required), e.g. `https://api.example.com`; paths such as
    /// `/v1/openapi/order/VIPCharge` are appended to it. `https://` only, or `http://` to a loopback
    /// host (a local sandbox); plain `http://` elsewhere only with
    /// [`allow_insecure_http(true)`](Self::allow_insecure_http): over plain HTTP the orders, the
    /// accounts and the signatures travel in clear, and an answer can be forged on the way.
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = Some(base_url.into());
        self
    }

    /// The `businessId` the platform assigned (required). Callbacks carrying another one are
    /// rejected.
    pub fn business_id(mut self, business_id: impl Into<String>) -> Self {
        self.business_id = Some(business_id.into());
        self
    }

    /// The MD5 secret key: requests are signed with `MD5` (unless [`sign_type`](Self::sign_type)
    /// picks RSA while both credentials are set), and status callbacks are verified with it unless
    /// a [`platform_public_key`](Self::platform_public_key) is set.
    pub fn md5_secret_key(mut self, secret: impl Into<SecretString>) -> Self {
        self.md5_secret_key = Some(secret.into());
        self
    }

    sign_core::key_setters! {
        /// The merchant RSA private key (`PRIVATE KEY` / `RSA PRIVATE KEY`, PKCS#8 / PKCS#1):
        /// requests are signed with `SHA256-RSA`.
        rsa_private_key: PrivateKey => rsa_private_key, rsa_private_key_parsed, rsa_private_key_file
    }

    sign_core::key_setters! {
        /// The platform's RSA public key: status callbacks are verified with SHA256withRSA and this
        /// key (for accounts signing with `SHA256-RSA`). During a key rotation add the other key with
        /// [`additional_platform_public_key`](Self::additional_platform_public_key).
        platform_public_key: PublicKey => platform_public_key, platform_public_key_parsed, platform_public_key_file
    }

    sign_core::key_setters! {
        /// Another platform public key status callbacks are accepted with, besides
        /// [`platform_public_key`](Self::platform_public_key). For a key rotation: add the new key
        /// before the platform switches, remove the old one once it has (no callback is refused in
        /// between).
        additional_platform_public_keys: [PublicKey] =>
            additional_platform_public_key, additional_platform_public_key_parsed, additional_platform_public_key_file
    }

    /// Another MD5 secret key status callbacks are accepted with (MD5 accounts), besides
    /// [`md5_secret_key`](Self::md5_secret_key), which alone signs requests: call it once per key.
    /// For a secret rotation: keep the old secret here while the platform may still sign callbacks
    /// with it. Not used when a platform public key is set (callbacks are then RSA only).
    pub fn additional_md5_secret_key(mut self, secret: impl Into<SecretString>) -> Self {
        self.additional_md5_secret_keys.push(secret.into());
        self
    }

    /// Which sign type to use when both credentials are set (otherwise it follows the credential).
    pub fn sign_type(mut self, sign_type: SignType) -> Self {
        self.sign_type = Some(sign_type);
        self
    }

    /// Whether to send the optional `signType` header (default `true`). It can be left out only
    /// with `SHA256-RSA`, the platform's default; `MD5` without it is a configuration error.
    pub fn send_sign_type_header(mut self, send: bool) -> Self {
        self.send_sign_type = send;
        self
    }

    /// The envelope `status` that means success (default [`DEFAULT_SUCCESS_STATUS`], an assumption:
    /// the platform does not publish it).
    pub fn success_status(mut self, status: i64) -> Self {
        self.success_status = status;
        self
    }

    /// How far a callback's `timestamp` may be from the clock, either way (default 12 hours,
    /// [`DEFAULT_CALLBACK_TIME_WINDOW`], which accepts the platform's last retry even if it
    /// carries the first attempt's timestamp). A shorter window rejects such late retries: narrow
    /// it only once the platform confirms that it signs every retry afresh.
    pub fn callback_time_window(mut self, window: Duration) -> Self {
        self.callback_window = window;
        self
    }

    /// The largest callback body accepted (default 1 MiB, [`DEFAULT_CALLBACK_MAX_BODY_BYTES`]); a
    /// larger one is rejected before any other work.
    pub fn callback_max_body_bytes(mut self, bytes: usize) -> Self {
        self.callback_max_body_bytes = bytes;
        self
    }

    /// Where verified callback deliveries are remembered, so that a delivery seen before is
    /// [`Error::CallbackReplayed`](crate::Error::CallbackReplayed). Default: a bounded store in this
    /// process's memory ([`MemoryReplayStore`](sign_core::replay::MemoryReplayStore), 100 000 deliveries). Several instances behind a load
    /// balancer need one shared store (Redis `SET key 1 NX PX ttl`, a database unique key): see
    /// [`sign_core::replay`]. A delivery is remembered for twice the
    /// [`callback_time_window`](Self::callback_time_window) on the monotonic clock, as long as its
    /// timestamp can stay inside the window, so a wall-clock step cannot let it in again.
    pub fn callback_replay_store(mut self, store: Arc<dyn ReplayStore>) -> Self {
        self.replay = ReplaySetting::Store(store);
        self
    }

    /// Whether a delivery that verified before is refused as
    /// [`Error::CallbackReplayed`](crate::Error::CallbackReplayed) (default `true`). `false` turns
    /// the replay guard off: a replay then verifies again, and idempotency by `orderCode` is the only
    /// protection.
    pub fn callback_replay_protection(mut self, on: bool) -> Self {
        self.replay = self.replay.with_protection(on);
        self
    }

    sign_core::http_options_setters!(http);

    /// Validates everything and loads the keys.
    ///
    /// Errors: [`Error::Config`] for a missing or malformed base URL (plain `http://` to a host that
    /// is not loopback without [`allow_insecure_http`](Self::allow_insecure_http)), business id or
    /// credential, each message naming the setter; [`Error::Key`] for an unreadable RSA key or key
    /// file.
    pub fn build(self) -> Result<Config, Error> {
        let base_url = self.base_url.map(|s| s.trim().to_owned()).unwrap_or_default();
        if base_url.is_empty() {
            return Err(Error::Config("base_url is required (ConfigBuilder::base_url)".into()));
        }
        let base_url = check_builder_base_url(&base_url, &self.http).map_err(Error::Config)?;
        let business_id = self.business_id.map(|s| s.trim().to_owned()).unwrap_or_default();
        if business_id.is_empty() {
            return Err(Error::Config("business_id is required (ConfigBuilder::business_id)".into()));
        }
        if !header_safe(&business_id) {
            return Err(Error::Config(
                "business_id must be printable ASCII without '&' or '=' (ConfigBuilder::business_id)".into(),
            ));
        }
        let md5 = self.md5_secret_key.filter(|s| !s.is_empty());
        let rsa = load(self.rsa_private_key)?;
        let mut platform_keys: Vec<PublicKey> = load(self.platform_public_key)?.into_iter().collect();
        for source in self.additional_platform_public_keys {
            platform_keys.extend(load(Some(source))?);
        }
        let sign_type = match (self.sign_type, md5.is_some(), rsa.is_some()) {
            (Some(t), _, _) => t,
            (None, true, false) => SignType::Md5,
            (None, false, true) => SignType::Sha256Rsa,
            (None, true, true) => {
                return Err(Error::Config(
                    "both md5_secret_key and rsa_private_key are set: choose one with ConfigBuilder::sign_type".into(),
                ));
            }
            (None, false, false) => {
                return Err(Error::Config(
                    "a credential is required: ConfigBuilder::md5_secret_key (MD5) or ConfigBuilder::rsa_private_key \
                     (SHA256-RSA)"
                        .into(),
                ));
            }
        };
        // Callbacks are verified with one sign type only (no downgrade): the platform keys when
        // any is set, else the MD5 secrets.
        let callback_keys: Vec<VerifyingKey> = if platform_keys.is_empty() {
            md5.iter()
                .cloned()
                .chain(self.additional_md5_secret_keys.into_iter().filter(|s| !s.is_empty()))
                .map(VerifyingKey::Md5)
                .collect()
        } else {
            platform_keys.into_iter().map(VerifyingKey::Sha256Rsa).collect()
        };
        let signing_key = match sign_type {
            SignType::Md5 => SigningKey::Md5(md5.ok_or_else(|| {
                Error::Config("md5_secret_key is required for MD5 (ConfigBuilder::md5_secret_key)".into())
            })?),
            SignType::Sha256Rsa => SigningKey::Sha256Rsa(rsa.ok_or_else(|| {
                Error::Config("rsa_private_key is required for SHA256-RSA (ConfigBuilder::rsa_private_key)".into())
            })?),
        };
        if sign_type == SignType::Md5 && !self.send_sign_type {
            return Err(Error::Config(
                "MD5 needs the signType header: without it the platform verifies as SHA256-RSA \
                 (ConfigBuilder::send_sign_type_header)"
                    .into(),
            ));
        }
        self.http.validate().map_err(|e| {
            let setter = if e.starts_with("timeouts") {
                "ConfigBuilder::timeout, ConfigBuilder::connect_timeout"
            } else if e.starts_with("max_response_bytes") {
                "ConfigBuilder::max_response_bytes"
            } else {
                "ConfigBuilder::retry"
            };
            Error::Config(format!("{e} ({setter})"))
        })?;
        // A timestamp accepted now (up to one window ahead of the clock) stays inside the window for
        // at most two windows: remember the delivery that long.
        let replay_window = self.callback_window.saturating_mul(2);
        let replay_guard = self.replay.guard(replay_window);
        Ok(Config {
            base_url,
            business_id,
            signing_key,
            send_sign_type: self.send_sign_type,
            success_status: self.success_status,
            callback_keys,
            callback_window: self.callback_window,
            callback_max_body_bytes: self.callback_max_body_bytes,
            replay_guard,
            http: self.http,
        })
    }
}

/// Loads a configured key; blank text counts as not set.
fn load<K: sign_core::rsa::ParseKey>(source: Option<KeySource<K>>) -> Result<Option<K>, Error> {
    match source {
        Some(KeySource::Text(text)) if text.expose().trim().is_empty() => Ok(None),
        Some(source) => Ok(Some(source.load()?)),
        None => Ok(None),
    }
}

/// A value that can go into a header and into the `k=v&` string unambiguously.
pub(crate) fn header_safe(value: &str) -> bool {
    is_header_safe(value) && !value.contains(['&', '='])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn base() -> ConfigBuilder {
        Config::builder().base_url("https://api.example.com").business_id("55")
    }

    #[test]
    fn trims_the_base_url() {
        let c = base().base_url(" https://api.example.com/ ").md5_secret_key("s").build().unwrap();
        assert_eq!(c.base_url(), "https://api.example.com");
    }

    #[test]
    fn picks_the_sign_type_from_the_credential() {
        let c = base().md5_secret_key("s3cret").build().unwrap();
        assert_eq!(c.sign_type(), SignType::Md5);
        let c = base().rsa_private_key(include_str!("../testdata/merchant_private_key.pem")).build().unwrap();
        assert_eq!(c.sign_type(), SignType::Sha256Rsa);
    }

    #[test]
    fn missing_or_bad_settings_fail_at_build() {
        assert!(matches!(Config::builder().business_id("1").md5_secret_key("s").build(), Err(Error::Config(_))));
        assert!(matches!(base().business_id("").md5_secret_key("s").build(), Err(Error::Config(_))));
        assert!(matches!(base().business_id("a&b").md5_secret_key("s").build(), Err(Error::Config(_))));
        assert!(matches!(base().base_url("ftp://x").md5_secret_key("s").build(), Err(Error::Config(_))));
        for bad in ["https://", "https://h/x?y=1", "https://h/\r\nX: y"] {
            assert!(matches!(base().base_url(bad).md5_secret_key("s").build(), Err(Error::Config(_))), "{bad:?}");
        }
        for (builder, want) in [
            (base().md5_secret_key("s").timeout(Duration::ZERO), "timeouts"),
            (base().md5_secret_key("s").connect_timeout(Duration::ZERO), "timeouts"),
            (base().md5_secret_key("s").max_response_bytes(0), "max_response_bytes"),
        ] {
            match builder.build() {
                Err(Error::Config(m)) => assert!(m.contains(want) && m.contains("(ConfigBuilder::"), "{m}"),
                other => panic!("expected a config error containing {want}, got {other:?}"),
            }
        }
        assert!(matches!(base().build(), Err(Error::Config(_))));
        assert!(matches!(base().md5_secret_key("").build(), Err(Error::Config(_))));
        assert!(matches!(base().md5_secret_key("s").send_sign_type_header(false).build(), Err(Error::Config(_))));
        assert!(matches!(base().md5_secret_key("s").sign_type(SignType::Sha256Rsa).build(), Err(Error::Config(_))));
        assert!(matches!(
            base().md5_secret_key("s").rsa_private_key(include_str!("../testdata/merchant_private_key.pem")).build(),
            Err(Error::Config(_))
        ));
    }

    #[test]
    fn a_missing_value_names_its_setter() {
        let message = |b: ConfigBuilder| match b.build() {
            Err(Error::Config(m)) => m,
            other => panic!("{other:?}"),
        };
        // Fails before issue 18: the messages said "base_url is missing", naming no setter.
        assert_eq!(
            message(Config::builder().business_id("55").md5_secret_key("s")),
            "base_url is required (ConfigBuilder::base_url)"
        );
        assert_eq!(
            message(Config::builder().base_url("https://h.example").md5_secret_key("s")),
            "business_id is required (ConfigBuilder::business_id)"
        );
        assert_eq!(
            message(base()),
            "a credential is required: ConfigBuilder::md5_secret_key (MD5) or ConfigBuilder::rsa_private_key (SHA256-RSA)"
        );
        assert_eq!(
            message(base().sign_type(SignType::Md5)),
            "md5_secret_key is required for MD5 (ConfigBuilder::md5_secret_key)"
        );
        assert_eq!(
            message(base().sign_type(SignType::Sha256Rsa)),
            "rsa_private_key is required for SHA256-RSA (ConfigBuilder::rsa_private_key)"
        );
        assert!(message(base().business_id("a&b").md5_secret_key("s")).contains("ConfigBuilder::business_id"));
        assert!(
            message(base().md5_secret_key("s").send_sign_type_header(false))
                .contains("ConfigBuilder::send_sign_type_header")
        );
        // Every message names a ConfigBuilder setter and no environment variable (the builder reads none).
        for b in [
            Config::builder(),
            base(),
            base().base_url("http://api.example.com").md5_secret_key("s"),
            base().base_url("ftp://x").md5_secret_key("s"),
        ] {
            let m = message(b);
            assert!(m.contains("ConfigBuilder::"), "{m}");
            assert!(!m.contains("VIPCHARGE_"), "{m}");
        }
    }

    #[test]
    fn keys_come_from_text_parsed_or_file() {
        let dir = env!("CARGO_MANIFEST_DIR");
        let from_file =
            base().rsa_private_key_file(format!("{dir}/testdata/merchant_private_key.pem")).build().unwrap();
        assert_eq!(from_file.sign_type(), SignType::Sha256Rsa);
        let parsed = PrivateKey::parse(include_str!("../testdata/merchant_private_key.pem")).unwrap();
        assert_eq!(base().rsa_private_key_parsed(parsed).build().unwrap().sign_type(), SignType::Sha256Rsa);
        let missing = base().rsa_private_key_file(format!("{dir}/testdata/no-such-key.pem")).build();
        assert!(matches!(missing, Err(Error::Key(_))), "{missing:?}");

        let platform = base()
            .md5_secret_key("s")
            .platform_public_key_file(format!("{dir}/testdata/platform_public_key.pem"))
            .build()
            .unwrap();
        assert_eq!(platform.callback_sign_type(), Some(SignType::Sha256Rsa));
        let public = PublicKey::parse(include_str!("../testdata/platform_public_key.pem")).unwrap();
        let parsed = base().md5_secret_key("s").platform_public_key_parsed(public).build().unwrap();
        assert_eq!(parsed.callback_sign_type(), Some(SignType::Sha256Rsa));
        let bad = base().md5_secret_key("s").platform_public_key("nonsense").build();
        assert!(matches!(bad, Err(Error::Key(_))), "{bad:?}");
        let private = base()
            .md5_secret_key("s")
            .platform_public_key(include_str!("../testdata/platform_private_key.pem"))
            .build();
        assert!(matches!(private, Err(Error::Key(_))), "{private:?}");
    }

    #[test]
    fn callbacks_are_verified_with_the_platform_key_or_the_md5_secret() {
        assert_eq!(base().md5_secret_key("s").build().unwrap().callback_sign_type(), Some(SignType::Md5));
        let rsa = base().rsa_private_key(include_str!("../testdata/merchant_private_key.pem"));
        assert_eq!(rsa.clone().build().unwrap().callback_sign_type(), None);
        let with_platform = rsa.platform_public_key(include_str!("../testdata/platform_public_key.pem"));
        let c =
            with_platform.callback_time_window(Duration::from_secs(60)).callback_max_body_bytes(10).build().unwrap();
        assert_eq!(c.callback_sign_type(), Some(SignType::Sha256Rsa));
        assert_eq!((c.callback_time_window(), c.callback_max_body_bytes()), (Duration::from_secs(60), 10));
    }

    #[test]
    fn a_bad_key_is_a_key_error_at_build() {
        assert!(matches!(base().rsa_private_key("not a key").build(), Err(Error::Key(_))));
        assert!(matches!(
            base().rsa_private_key(include_str!("../testdata/merchant_public_key.pem")).build(),
            Err(Error::Key(_))
        ));
    }

    #[test]
    fn rsa_without_the_sign_type_header_is_allowed() {
        let c = base()
            .rsa_private_key(include_str!("../testdata/merchant_private_key.pem"))
            .send_sign_type_header(false)
            .build()
            .unwrap();
        assert!(!c.sends_sign_type());
    }

    // Fails before issue 13 (the plain-http test): http:// to any host was accepted.
    sign_core::http_options_builder_tests!(base().md5_secret_key("s") =>
        #[test]
        fn proxy_from_env_is_off_unless_asked,
        #[test]
        fn plain_http_is_refused_except_to_loopback_or_when_allowed,
    );
}
