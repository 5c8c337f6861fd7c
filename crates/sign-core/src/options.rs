//! What every provider's configuration has in common: the base URL rules, header-value safety,
//! and the connection options of the built-in transport.

use std::time::Duration;

use crate::retry::RetryPolicy;

/// The longest connect or call timeout: a day is as good as none for an API call, and a longer
/// one (`Duration::MAX`) would overflow when added to the current instant.
pub const MAX_TIMEOUT: Duration = Duration::from_secs(24 * 60 * 60);

/// Connection options every provider client carries: the built-in transport's timeouts and
/// response size limit, and the client's retry policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct HttpOptions {
    /// Time allowed to resolve and connect (default 5 s).
    pub connect_timeout: Duration,
    /// Time allowed for one whole attempt, connect to last body byte (default 30 s).
    pub timeout: Duration,
    /// Which failed sends the client repeats, each signed afresh (default: 2 retries, 100 ms
    /// doubling to at most 2 s). Requests that are not idempotent are never repeated once they may
    /// have been processed.
    pub retry: RetryPolicy,
    /// The largest response body accepted (default 10 MiB).
    pub max_response_bytes: u64,
    /// Whether the built-in transport uses a proxy named by the environment (`ALL_PROXY`,
    /// `HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`). Default `false`: a variable set for other tools
    /// must not route card numbers and secrets through a host nobody chose for them.
    pub proxy_from_env: bool,
    /// Whether a plain `http://` base URL to a host other than loopback is accepted. Default
    /// `false`: card numbers, secrets and tokens would cross the network in clear, and a forged
    /// failure answer could claim that a payment is safe to resend.
    pub allow_insecure_http: bool,
}

impl Default for HttpOptions {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(5),
            timeout: Duration::from_secs(30),
            retry: RetryPolicy::default(),
            max_response_bytes: 10 * 1024 * 1024,
            proxy_from_env: false,
            allow_insecure_http: false,
        }
    }
}

impl HttpOptions {
    /// Checks that the options can work: both timeouts above zero and at most [`MAX_TIMEOUT`], the
    /// body limit above zero, the retry policy within its bounds ([`RetryPolicy::validate`]).
    pub fn validate(&self) -> Result<(), String> {
        if self.connect_timeout.is_zero() || self.timeout.is_zero() {
            return Err("timeouts must be greater than zero".to_owned());
        }
        if self.connect_timeout > MAX_TIMEOUT || self.timeout > MAX_TIMEOUT {
            return Err("timeouts must be at most 24 hours".to_owned());
        }
        if self.max_response_bytes == 0 {
            return Err("max_response_bytes must be greater than zero".to_owned());
        }
        self.retry.validate()?;
        Ok(())
    }

    /// The blocking ureq transport with these options, sending `user_agent`.
    #[cfg(feature = "ureq")]
    pub fn ureq_transport(&self, user_agent: &str) -> crate::transport::UreqTransport {
        crate::transport::UreqTransportBuilder { settings: self.transport_settings(user_agent) }.build()
    }
}

#[cfg(feature = "reqwest")]
impl HttpOptions {
    /// The async reqwest transport with these options, sending `user_agent`.
    pub fn reqwest_transport(&self, user_agent: &str) -> crate::reqwest_transport::ReqwestTransport {
        crate::reqwest_transport::ReqwestTransportBuilder { settings: self.transport_settings(user_agent) }.build()
    }
}

/// What the built-in transports (ureq, reqwest) are built from: the transport half of
/// [`HttpOptions`] and a user agent. One struct and one set of setters
/// ([`transport_builder_setters!`]) for both builders, so their settings and defaults cannot drift.
#[cfg(any(feature = "ureq", feature = "reqwest"))]
#[derive(Debug, Clone)]
pub(crate) struct TransportSettings {
    pub(crate) connect_timeout: Duration,
    pub(crate) timeout: Duration,
    pub(crate) max_response_bytes: u64,
    pub(crate) proxy_from_env: bool,
    pub(crate) user_agent: String,
}

#[cfg(any(feature = "ureq", feature = "reqwest"))]
impl Default for TransportSettings {
    fn default() -> Self {
        // One set of defaults: the ones every provider configuration starts from.
        HttpOptions::default().transport_settings(concat!("paykit-sign-core/", env!("CARGO_PKG_VERSION")))
    }
}

#[cfg(any(feature = "ureq", feature = "reqwest"))]
impl HttpOptions {
    pub(crate) fn transport_settings(&self, user_agent: &str) -> TransportSettings {
        TransportSettings {
            connect_timeout: self.connect_timeout,
            timeout: self.timeout,
            max_response_bytes: self.max_response_bytes,
            proxy_from_env: self.proxy_from_env,
            user_agent: user_agent.to_owned(),
        }
    }
}

/// The setters of a transport builder whose settings are its field `settings`
/// ([`TransportSettings`]).
#[cfg(any(feature = "ureq", feature = "reqwest"))]
macro_rules! transport_builder_setters {
    () => {
        /// Time allowed to resolve and connect (default 5 s).
        pub fn connect_timeout(mut self, timeout: std::time::Duration) -> Self {
            self.settings.connect_timeout = timeout;
            self
        }

        /// Time allowed for one whole attempt, connect to last body byte (default 30 s).
        pub fn timeout(mut self, timeout: std::time::Duration) -> Self {
            self.settings.timeout = timeout;
            self
        }

        /// The largest response body accepted (default 10 MiB); a larger one is a
        /// [`TransportErrorKind::BodyTooLarge`](crate::error::TransportErrorKind::BodyTooLarge)
        /// error, found without reading past the limit.
        pub fn max_response_bytes(mut self, bytes: u64) -> Self {
            self.settings.max_response_bytes = bytes;
            self
        }

        /// The `User-Agent` header.
        pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
            self.settings.user_agent = user_agent.into();
            self
        }

        /// Whether to use a proxy named by the environment (`ALL_PROXY`, `HTTPS_PROXY`,
        /// `HTTP_PROXY`, `NO_PROXY`). Default `false`: requests go straight to the provider.
        pub fn proxy_from_env(mut self, yes: bool) -> Self {
            self.settings.proxy_from_env = yes;
            self
        }
    };
}
#[cfg(any(feature = "ureq", feature = "reqwest"))]
pub(crate) use transport_builder_setters;

/// Checks and normalises a provider base URL: `http://` or `https://`, a host, no query or
/// fragment, nothing that could break a header line; surrounding white space and trailing `/`
/// removed. A path prefix (`https://host/api`) is kept. User info (`user:password@host`) is refused:
/// the base URL is printed in `Debug` output and errors.
///
/// ```
/// use sign_core::options::normalize_base_url;
/// assert_eq!(normalize_base_url(" https://api.example.com/v1/ ").unwrap(), "https://api.example.com/v1");
/// assert!(normalize_base_url("ftp://x").is_err());
/// ```
pub fn normalize_base_url(url: &str) -> Result<String, String> {
    let url = url.trim().trim_end_matches('/');
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| "base_url must start with https:// or http://".to_owned())?;
    if rest.is_empty() || rest.starts_with('/') || url.contains(['?', '#']) || !is_header_safe(url) {
        return Err("base_url must be an absolute URL with a host and no query".to_owned());
    }
    let authority = rest.split('/').next().unwrap_or(rest);
    if authority.contains('@') {
        // The base URL is printed in Debug output and errors: it must not hold a password.
        return Err("base_url must not contain credentials (user:password@)".to_owned());
    }
    Ok(url.to_owned())
}

/// [`normalize_base_url`], then the transport security rule: `https://`, or `http://` to a
/// loopback host (`localhost`, `127.0.0.0/8`, `[::1]`: sandboxes and test servers), or `http://`
/// anywhere only when `options.allow_insecure_http` is set. Provider configurations check their
/// base URL with this in `build()`.
///
/// ```
/// use sign_core::HttpOptions;
/// use sign_core::options::check_base_url;
///
/// let options = HttpOptions::default();
/// assert!(check_base_url("https://api.example.com", &options).is_ok());
/// assert!(check_base_url("http://127.0.0.1:8080", &options).is_ok());
/// assert!(check_base_url("http://api.example.com", &options).is_err());
/// let mut insecure = HttpOptions::default();
/// insecure.allow_insecure_http = true;
/// assert!(check_base_url("http://api.example.com", &insecure).is_ok());
/// ```
///
/// # Errors
/// [`normalize_base_url`]'s, or a message naming the setting that allows plain http.
pub fn check_base_url(url: &str, options: &HttpOptions) -> Result<String, String> {
    let url = normalize_base_url(url)?;
    if let Some(rest) = url.strip_prefix("http://") {
        if !options.allow_insecure_http && !is_loopback_authority(rest.split('/').next().unwrap_or("")) {
            return Err(
                "base_url: plain http:// would send secrets and card data in clear; use https://, a loopback host, \
                 or allow_insecure_http(true)"
                    .to_owned(),
            );
        }
    }
    Ok(url)
}

/// [`check_base_url`] for a provider's `ConfigBuilder::build`: its message ends with the builder
/// setters it is about, `(ConfigBuilder::base_url)`, and `ConfigBuilder::allow_insecure_http` too
/// when plain http was refused.
///
/// ```
/// use sign_core::HttpOptions;
/// use sign_core::options::check_builder_base_url;
///
/// let e = check_builder_base_url("http://api.example.com", &HttpOptions::default()).unwrap_err();
/// assert!(e.ends_with("(ConfigBuilder::base_url, ConfigBuilder::allow_insecure_http)"), "{e}");
/// let e = check_builder_base_url("ftp://x", &HttpOptions::default()).unwrap_err();
/// assert!(e.ends_with("https:// or http:// (ConfigBuilder::base_url)"), "{e}");
/// ```
///
/// # Errors
/// [`check_base_url`]'s, with the setters.
pub fn check_builder_base_url(url: &str, options: &HttpOptions) -> Result<String, String> {
    check_base_url(url, options).map_err(|message| {
        let setters = if message.contains("allow_insecure_http") {
            "ConfigBuilder::base_url, ConfigBuilder::allow_insecure_http"
        } else {
            "ConfigBuilder::base_url"
        };
        format!("{message} ({setters})")
    })
}

/// Whether `authority` (`host[:port]`) names this machine: `localhost`, an IPv4 address in
/// `127.0.0.0/8`, or `[::1]`.
fn is_loopback_authority(authority: &str) -> bool {
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        authority.rsplit_once(':').map_or(authority, |(h, _)| h)
    };
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Whether `value` can go into a header line unchanged: visible ASCII only, so no spaces,
/// control characters (header injection) or non-ASCII.
pub fn is_header_safe(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|b| b.is_ascii_graphic())
}

/// Writes the connection-option setters every provider `ConfigBuilder` has, over its
/// `HttpOptions` field: `connect_timeout`, `timeout`, `retry`, `max_response_bytes`,
/// `proxy_from_env`, `allow_insecure_http` and `http_options` (all at once). Use inside `impl ConfigBuilder { ... }`:
///
/// ```
/// use sign_core::HttpOptions;
///
/// /// A provider's configuration builder.
/// #[derive(Default)]
/// pub struct ConfigBuilder {
///     http: HttpOptions,
/// }
///
/// impl ConfigBuilder {
///     sign_core::http_options_setters!(http);
/// }
///
/// let b = ConfigBuilder::default().timeout(std::time::Duration::from_secs(3));
/// assert_eq!(b.http.timeout, std::time::Duration::from_secs(3));
/// ```
#[macro_export]
macro_rules! http_options_setters {
    ($field:ident) => {
        /// Time allowed to resolve and connect (default 5 s).
        pub fn connect_timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.$field.connect_timeout = timeout;
            self
        }

        /// Time allowed for one whole attempt, connect to last body byte (default 30 s).
        pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.$field.timeout = timeout;
            self
        }

        /// How `call` and `raw_call` repeat a failed send, whatever the transport; each repeat is
        /// signed afresh (new nonce and timestamp). Whatever the policy, a request whose endpoint
        /// is not idempotent (a payment, an order) is never repeated once it may have reached the
        /// server.
        pub fn retry(mut self, retry: $crate::RetryPolicy) -> Self {
            self.$field.retry = retry;
            self
        }

        /// The largest response body the built-in transport accepts.
        pub fn max_response_bytes(mut self, bytes: u64) -> Self {
            self.$field.max_response_bytes = bytes;
            self
        }

        /// Whether the built-in transport uses a proxy named by the environment (`ALL_PROXY`,
        /// `HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`). Default `false`: set it when the proxy is
        /// yours.
        pub fn proxy_from_env(mut self, yes: bool) -> Self {
            self.$field.proxy_from_env = yes;
            self
        }

        /// Accept a plain `http://` base URL to a host other than loopback. Default `false`:
        /// secrets and card data would cross the network in clear. Loopback hosts (sandboxes,
        /// test servers) are always accepted.
        pub fn allow_insecure_http(mut self, yes: bool) -> Self {
            self.$field.allow_insecure_http = yes;
            self
        }

        /// All connection options at once (replaces the settings above).
        pub fn http_options(mut self, options: $crate::HttpOptions) -> Self {
            self.$field = options;
            self
        }
    };
}

/// Writes the tests every provider's configuration owes the shared connection options, inside its
/// `#[cfg(test)] mod tests`: that the built-in transport ignores proxy variables unless asked, the
/// plain-http rule of [`check_base_url`], and that the
/// [`http_options_setters!`](crate::http_options_setters) reach the built `Config`
/// (`http_options_are_set_one_by_one_or_at_once`). The crate names the first two, with their
/// `#[test]` attribute (its README cites them); the macro writes their bodies. `$builder` is an
/// expression giving a `ConfigBuilder` that builds (every required value set, an `https://` base
/// URL), evaluated afresh in each use; the `Config` must have `base_url()` and `http_options()`.
///
/// ```text
/// sign_core::http_options_builder_tests!(full() =>
///     #[test]
///     fn proxy_from_env_is_off_unless_asked,
///     #[test]
///     fn plain_http_is_refused_unless_loopback_or_allowed,
/// );
/// ```
#[macro_export]
macro_rules! http_options_builder_tests {
    ($builder:expr => $(#[$proxy_meta:meta])* fn $proxy_test:ident, $(#[$plain_http_meta:meta])* fn $plain_http_test:ident $(,)?) => {
        $(#[$proxy_meta])*
        fn $proxy_test() {
            assert!(!$builder.build().unwrap().http_options().proxy_from_env);
            assert!($builder.proxy_from_env(true).build().unwrap().http_options().proxy_from_env);
        }

        $(#[$plain_http_meta])*
        fn $plain_http_test() {
            let e = $builder.base_url("http://api.example.com").build().unwrap_err().to_string();
            assert!(e.contains("ConfigBuilder::base_url") && e.contains("allow_insecure_http"), "{e}");
            let c = $builder.base_url("http://api.example.com").allow_insecure_http(true).build().unwrap();
            assert_eq!(c.base_url(), "http://api.example.com");
            for loopback in ["http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9"] {
                let c = $builder.base_url(loopback).build();
                assert!(c.is_ok(), "{loopback}: {c:?}");
            }
            assert!($builder.base_url("https://api.example.com").build().is_ok());
        }

        #[test]
        fn http_options_are_set_one_by_one_or_at_once() {
            use ::std::time::Duration;
            let retry = $crate::RetryPolicy::new(1, Duration::from_millis(10), Duration::from_millis(20));
            let c = $builder
                .connect_timeout(Duration::from_secs(1))
                .timeout(Duration::from_secs(2))
                .retry(retry)
                .max_response_bytes(3)
                .build()
                .unwrap();
            let h = c.http_options();
            assert_eq!(
                (h.connect_timeout, h.timeout, h.retry, h.max_response_bytes),
                (Duration::from_secs(1), Duration::from_secs(2), retry, 3)
            );
            let mut all = $crate::HttpOptions::default();
            all.timeout = Duration::from_secs(7);
            let c = $builder.max_response_bytes(3).http_options(all).build().unwrap();
            assert_eq!(c.http_options(), &all);
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_only_to_loopback_unless_allowed() {
        let strict = HttpOptions::default();
        for ok in [
            "https://api.example.com",
            "http://127.0.0.1:8080/api",
            "http://127.9.9.9",
            "http://localhost:3000",
            "http://LOCALHOST",
            "http://[::1]:8080",
        ] {
            assert!(check_base_url(ok, &strict).is_ok(), "{ok}");
        }
        for bad in ["http://api.example.com", "http://10.0.0.1:8080", "http://localhost.evil.example", "http://[::2]"] {
            let e = check_base_url(bad, &strict).unwrap_err();
            assert!(e.contains("allow_insecure_http"), "{bad}: {e}");
        }
        let open = HttpOptions { allow_insecure_http: true, ..HttpOptions::default() };
        assert_eq!(check_base_url("http://api.example.com/", &open).unwrap(), "http://api.example.com");
    }

    #[test]
    fn base_urls() {
        assert_eq!(normalize_base_url("http://127.0.0.1:8080/").unwrap(), "http://127.0.0.1:8080");
        for bad in [
            "",
            "api.example.com",
            "ftp://x",
            "https://",
            "https:///p",
            "https://h/x?y=1",
            "https://h/#f",
            "https://h/\r\nX: y",
            "https://h é",
        ] {
            assert!(normalize_base_url(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn base_urls_cannot_carry_credentials() {
        // The base URL is printed (Config's and HttpRequest's Debug, transport errors): a
        // password in it would be printed too.
        for bad in ["https://user:s3cret@api.example.com", "https://tok@api.example.com/v1", "http://@h"] {
            let e = normalize_base_url(bad).unwrap_err();
            assert!(!e.contains("s3cret") && !e.contains("tok"), "{e}");
        }
        // An `@` further down the path is not user info.
        assert_eq!(normalize_base_url("https://h.example/@team/").unwrap(), "https://h.example/@team");
    }

    #[test]
    fn header_safety() {
        assert!(is_header_safe("app-1_A.b"));
        for bad in ["", "a b", "a\r\nX: y", "应用", "a\t"] {
            assert!(!is_header_safe(bad), "{bad:?}");
        }
    }

    #[test]
    fn options_validate() {
        assert!(HttpOptions::default().validate().is_ok());
        let zero = HttpOptions { timeout: Duration::ZERO, ..HttpOptions::default() };
        assert!(zero.validate().is_err());
        let no_body = HttpOptions { max_response_bytes: 0, ..HttpOptions::default() };
        assert!(no_body.validate().is_err());
        let day = HttpOptions { connect_timeout: MAX_TIMEOUT, timeout: MAX_TIMEOUT, ..HttpOptions::default() };
        assert!(day.validate().is_ok());
        for huge in [MAX_TIMEOUT + Duration::from_secs(1), Duration::MAX] {
            assert!(HttpOptions { timeout: huge, ..HttpOptions::default() }.validate().is_err());
            assert!(HttpOptions { connect_timeout: huge, ..HttpOptions::default() }.validate().is_err());
        }
    }
}
