//! The blocking transport: ureq 3 with one shared keep-alive agent, timeouts and a response size
//! limit. It sends each request exactly once: retrying is the client's business
//! ([`send_with_retries`](crate::call::send_with_retries)), because a repeated request must be signed
//! afresh (a new nonce and timestamp), never the identical bytes.
//!
//! Proxy variables of the environment are ignored unless
//! [`proxy_from_env`](UreqTransportBuilder::proxy_from_env) is set.
//!
//! **Logging.** ureq's own request logs redact header values, but `ureq_proto` logs the raw bytes
//! it sends and receives at the `trace` level of the `log` crate, *unredacted*: signatures,
//! tokens and bodies with card numbers. Never enable `trace` for the `ureq_proto` (or `ureq`)
//! target in production; paykit's own types redact themselves.

use std::time::Duration;

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::Instant;

use ureq::Agent;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{Buffers, ConnectionDetails, Connector, DefaultConnector, NextTimeout};

use crate::error::{TransportError, TransportErrorKind};
use crate::http::{HttpRequest, HttpResponse, Method, Transport};

/// Builder for [`UreqTransport`].
#[derive(Debug, Clone, Default)]
pub struct UreqTransportBuilder {
    pub(crate) settings: crate::options::TransportSettings,
}

impl UreqTransportBuilder {
    crate::options::transport_builder_setters!();

    /// Builds the transport and its connection pool. Timeouts longer than
    /// [`MAX_TIMEOUT`](crate::options::MAX_TIMEOUT) are shortened to it (ureq adds them to the
    /// current instant, which overflows for `Duration::MAX`).
    pub fn build(self) -> UreqTransport {
        use crate::options::MAX_TIMEOUT;
        let config = Agent::config_builder()
            .timeout_connect(Some(self.settings.connect_timeout.min(MAX_TIMEOUT)))
            .timeout_per_call(Some(self.settings.timeout.min(MAX_TIMEOUT)))
            // Non-2xx answers are responses: providers put their error envelopes in them.
            .http_status_as_error(false)
            // A redirected POST could be replayed elsewhere; hand 3xx back instead.
            .max_redirects(0)
            .max_redirects_will_error(false)
            .user_agent(self.settings.user_agent.as_str())
            // ureq reads proxy variables by default; here only when asked.
            .proxy(if self.settings.proxy_from_env { ureq::Proxy::try_from_env() } else { None })
            .build();
        let agent = Agent::with_parts(config, ConnectPhase(DefaultConnector::default()), CachingResolver::default());
        UreqTransport { agent, max_response_bytes: self.settings.max_response_bytes }
    }
}

/// A blocking HTTP transport over one shared ureq agent (connections are kept alive and
/// reused). Cheap to clone: clones share the pool.
#[derive(Debug, Clone)]
pub struct UreqTransport {
    agent: Agent,
    max_response_bytes: u64,
}

impl Default for UreqTransport {
    fn default() -> Self {
        Self::builder().build()
    }
}

impl UreqTransport {
    /// A builder with the defaults (5 s connect, 30 s overall, 10 MiB bodies).
    pub fn builder() -> UreqTransportBuilder {
        UreqTransportBuilder::default()
    }

    fn send_once(&self, request: &HttpRequest) -> Result<HttpResponse, TransportError> {
        let mut builder = ureq::http::Request::builder().method(request.method.as_str()).uri(request.url.as_str());
        for (name, value) in &request.headers {
            // `header_raw` keeps the name's spelling on the wire (`businessId`); `header` would send
            // `http`'s lower case. HTTP names are case-insensitive, but a provider's server may not be.
            builder = ureq_proto::client::header_raw(builder, name.as_str(), value.as_bytes());
        }
        let http_request = builder
            // The message names the URL, never a header value.
            .body(request.body.as_slice())
            .map_err(|_| {
                TransportError::new(TransportErrorKind::Build, format!("invalid request for {}", request.url))
            })?;
        let response = if request.method == Method::Get && request.body.is_empty() {
            let (parts, _) = http_request.into_parts();
            self.agent.run(ureq::http::Request::from_parts(parts, ()))
        } else {
            self.agent.run(http_request)
        }
        .map_err(map_error)?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(n, v)| (n.as_str().to_owned(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
            .collect();
        let body =
            response.into_body().with_config().limit(self.max_response_bytes).read_to_vec().map_err(map_error)?;
        Ok(HttpResponse { status, headers, body })
    }
}

impl Transport for UreqTransport {
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, TransportError> {
        self.send_once(request)
    }
}

fn map_error(error: ureq::Error) -> TransportError {
    use TransportErrorKind as K;
    use ureq::Timeout as T;
    let kind = match &error {
        ureq::Error::HostNotFound => K::Dns,
        ureq::Error::ConnectionFailed => K::Connect,
        ureq::Error::Timeout(T::Resolve | T::Connect) => K::ConnectTimeout,
        ureq::Error::Timeout(_) => K::Timeout,
        ureq::Error::BodyExceedsLimit(_) => K::BodyTooLarge,
        // ureq refuses these before it connects.
        ureq::Error::BadUri(_) | ureq::Error::Http(_) => K::Build,
        ureq::Error::Tls(_) => K::Tls,
        ureq::Error::Rustls(e) => tls_kind(e),
        ureq::Error::Io(io) if io.get_ref().is_some_and(|inner| inner.is::<rustls::Error>()) => {
            io.get_ref().and_then(|inner| inner.downcast_ref::<rustls::Error>()).map_or(K::Io, tls_kind)
        }
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused | std::io::ErrorKind::AddrNotAvailable => K::Connect,
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => K::Timeout,
            _ => K::Io,
        },
        _ => K::Io,
    };
    // ureq's messages describe the failure, not the request's headers or body.
    TransportError::new(kind, error.to_string())
}

/// What a rustls failure means for the request. Only failures that can happen in the handshake
/// alone, before any request byte, are "not sent"; a corrupt record or a bad MAC can also come
/// after the request went out (an attacker could forge one to make a payment look safe to resend),
/// so those stay `Io`: outcome unknown.
fn tls_kind(error: &rustls::Error) -> TransportErrorKind {
    use rustls::AlertDescription as A;
    match error {
        rustls::Error::InvalidCertificate(_)
        | rustls::Error::NoCertificatesPresented
        | rustls::Error::UnsupportedNameType
        | rustls::Error::PeerIncompatible(_) => TransportErrorKind::Tls,
        rustls::Error::AlertReceived(
            A::HandshakeFailure
            | A::BadCertificate
            | A::UnsupportedCertificate
            | A::CertificateRevoked
            | A::CertificateExpired
            | A::CertificateUnknown
            | A::UnknownCA
            | A::ProtocolVersion
            | A::InsufficientSecurity,
        ) => TransportErrorKind::Tls,
        _ => TransportErrorKind::Io,
    }
}

/// ureq's connector, except that a timeout while connecting (TCP, the TLS handshake, a proxy's
/// `CONNECT`) is reported as a connect timeout whichever deadline fired. ureq names the deadline:
/// when the call's overall timeout is shorter than the connect timeout it fires first, and the
/// error read as a response timeout ("outcome unknown") for a request that never left. Nothing of
/// the request is written before `connect` returns (pooled connections do not come through here).
/// The connection it makes waits in whole milliseconds ([`WholeMillis`]).
#[derive(Debug)]
struct ConnectPhase(DefaultConnector);

impl Connector<()> for ConnectPhase {
    type Out = WholeMillis;

    fn connect(&self, details: &ConnectionDetails, chained: Option<()>) -> Result<Option<Self::Out>, ureq::Error> {
        match self.0.connect(details, chained) {
            Ok(made) => Ok(made.map(WholeMillis)),
            Err(ureq::Error::Timeout(_)) => Err(ureq::Error::Timeout(ureq::Timeout::Connect)),
            Err(other) => Err(other),
        }
    }
}

/// A connection whose reads and writes wait until the call's deadline rounded *down* to the
/// millisecond.
///
/// ureq arms `SO_RCVTIMEO` / `SO_SNDTIMEO` with the time left before the deadline, and skips the
/// `setsockopt` only when the value is unchanged. With an exact time left it never is: three
/// syscalls per call on a pooled connection. Rounded down to the millisecond, the time left at each
/// read and write of a fast call is the same value from call to call, so the socket keeps it. No
/// wait ends later than before (the kernel rounds these timeouts up to its tick anyway); one may
/// end up to a millisecond earlier. Under a millisecond left, the exact value is passed on.
#[derive(Debug)]
struct WholeMillis(Box<dyn ureq::unversioned::transport::Transport>);

impl WholeMillis {
    fn round(mut timeout: NextTimeout) -> NextTimeout {
        use ureq::unversioned::transport::time::Duration as Wait;
        if let Wait::Exact(left) = timeout.after {
            let millis = left.as_millis();
            if millis > 0 {
                let millis = u64::try_from(millis).unwrap_or(u64::MAX);
                timeout.after = Wait::Exact(Duration::from_millis(millis));
            }
        }
        timeout
    }
}

impl ureq::unversioned::transport::Transport for WholeMillis {
    fn buffers(&mut self) -> &mut dyn Buffers {
        self.0.buffers()
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        self.0.transmit_output(amount, Self::round(timeout))
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        self.0.await_input(Self::round(timeout))
    }

    fn is_open(&mut self) -> bool {
        self.0.is_open()
    }

    fn is_tls(&self) -> bool {
        self.0.is_tls()
    }
}

/// How long a DNS answer is reused: a provider's address does not change by the minute, and a
/// lookup that must honour the call's timeout costs a thread.
const DNS_TTL: Duration = Duration::from_secs(60);

/// The resolver of the blocking transport. ureq's default resolves the host on every call, in a
/// freshly spawned thread whenever a timeout applies (ours always does), even when a pooled
/// connection needs no address. This one answers an IP literal at once and reuses a host's
/// addresses for [`DNS_TTL`]: a thread is spawned only for a real lookup, under the same timeout.
#[derive(Debug, Default)]
struct CachingResolver {
    cache: Mutex<HashMap<String, (Instant, ResolvedSocketAddrs)>>,
    /// Lookups that reached ureq's resolver (for tests).
    lookups: std::sync::atomic::AtomicUsize,
}

impl Resolver for CachingResolver {
    fn resolve(
        &self,
        uri: &ureq::http::Uri,
        config: &ureq::config::Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let port = uri.port_u16().or_else(|| match uri.scheme_str() {
            Some("https") => Some(443),
            Some("http") => Some(80),
            _ => None,
        });
        let (Some(host), Some(port)) = (uri.host(), port) else {
            return DefaultResolver::default().resolve(uri, config, timeout);
        };
        if let Ok(ip) = host.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() {
            let mut one = self.empty();
            one.push(SocketAddr::new(ip, port));
            return Ok(one);
        }
        let key = format!("{host}:{port}");
        let cached = {
            let cache = self.cache.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            cache.get(&key).filter(|(at, _)| at.elapsed() < DNS_TTL).map(|(_, addrs)| addrs.clone())
        };
        if let Some(addrs) = cached {
            return Ok(addrs);
        }
        self.lookups.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        // As for connects: a lookup cut short by the call's timeout has sent nothing either.
        let addrs = DefaultResolver::default().resolve(uri, config, timeout).map_err(|error| match error {
            ureq::Error::Timeout(_) => ureq::Error::Timeout(ureq::Timeout::Resolve),
            other => other,
        })?;
        let mut cache = self.cache.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // A handful of provider hosts: bound it anyway.
        if cache.len() >= 64 {
            cache.clear();
        }
        cache.insert(key, (Instant::now(), addrs.clone()));
        Ok(addrs)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::Ordering;

    use super::*;

    fn resolve(r: &CachingResolver, url: &str) -> Vec<SocketAddr> {
        let config = Agent::config_builder().build();
        let timeout = NextTimeout {
            after: ureq::unversioned::transport::time::Duration::Exact(Duration::from_secs(5)),
            reason: ureq::Timeout::Resolve,
            per_read: None,
            per_write: None,
        };
        r.resolve(&url.parse().unwrap(), &config, timeout).unwrap().to_vec()
    }

    fn after(t: NextTimeout) -> ureq::unversioned::transport::time::Duration {
        t.after
    }

    #[test]
    fn waits_are_rounded_down_to_whole_milliseconds_never_up() {
        use ureq::unversioned::transport::time::Duration as Wait;
        let timeout =
            |after: Wait| NextTimeout { after, reason: ureq::Timeout::Global, per_read: None, per_write: None };
        let round = |left: Duration| after(WholeMillis::round(timeout(Wait::Exact(left))));
        // Two calls a few microseconds apart arm the socket with the same value.
        assert_eq!(round(Duration::from_micros(29_999_981)), Wait::Exact(Duration::from_millis(29_999)));
        assert_eq!(round(Duration::from_micros(29_999_013)), Wait::Exact(Duration::from_millis(29_999)));
        assert_eq!(round(Duration::from_millis(5)), Wait::Exact(Duration::from_millis(5)));
        // Under a millisecond left: exact, never zero (zero would mean "no timeout" to a socket).
        assert_eq!(round(Duration::from_micros(700)), Wait::Exact(Duration::from_micros(700)));
        assert_eq!(round(Duration::ZERO), Wait::Exact(Duration::ZERO));
        assert_eq!(after(WholeMillis::round(timeout(Wait::NotHappening))), Wait::NotHappening);
        let kept = WholeMillis::round(NextTimeout {
            after: Wait::Exact(Duration::from_micros(1500)),
            reason: ureq::Timeout::RecvBody,
            per_read: Some(Wait::Exact(Duration::from_secs(1))),
            per_write: None,
        });
        assert_eq!((kept.reason, kept.per_read), (ureq::Timeout::RecvBody, Some(Wait::Exact(Duration::from_secs(1)))));
    }

    #[test]
    fn ip_literals_need_no_lookup_and_hosts_are_looked_up_once() {
        let r = CachingResolver::default();
        assert_eq!(resolve(&r, "http://127.0.0.1:8080/pay"), ["127.0.0.1:8080".parse::<SocketAddr>().unwrap()]);
        assert_eq!(resolve(&r, "https://[::1]/pay"), ["[::1]:443".parse::<SocketAddr>().unwrap()]);
        assert_eq!(r.lookups.load(Ordering::Relaxed), 0, "no lookup, hence no thread, for an address");
        let first = resolve(&r, "http://localhost:8080/a");
        let second = resolve(&r, "http://localhost:8080/b");
        assert_eq!(first, second);
        assert!(first.iter().all(|a| a.ip().is_loopback() && a.port() == 8080), "{first:?}");
        assert_eq!(r.lookups.load(Ordering::Relaxed), 1, "the second call reuses the answer");
    }
}
