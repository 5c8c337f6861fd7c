//! The macros that write what every provider crate's client and error share, so that the surface is
//! written once: the conversions from the shared failures ([`shared_error_conversions!`]), the
//! blocking client's shell and call surface ([`client_shell!`], [`client_call_methods!`]), the async
//! client's ([`async_client!`], [`async_client_call_methods!`]) and the user agent ([`user_agent!`]).
//! The call rules they apply live in [`call`](crate::call).

// The names the macros' docs link to (the macros themselves name every path in full).
#[cfg(doc)]
use crate::{
    AsyncTransport, Endpoint,
    call::{check_raw_path, request_body, send_with_retries, send_with_retries_async},
};

/// Writes the conversions every provider `Error` has from the shared failures, for an enum with
/// the shared variant names `Transport(TransportError)`, `Timeout(TransportError)`,
/// `HttpStatus { status }`, `Decode(DecodeError)` and `InvalidRequest(String)`:
/// `From<TransportError>` (a timeout of either kind becomes `Timeout`, the kind kept inside),
/// `From<DecodeError>` and `From<InvalidRequest>`; and, given how the provider's refusal becomes
/// its API error (a closure-like `|code, message, status| ...` whose body may `return` early),
/// `From<ResponseError>` for the envelope decision table.
///
/// ```
/// use sign_core::{DecodeError, TransportError, TransportErrorKind};
/// use sign_core::call::ResponseError;
///
/// /// A provider's error.
/// #[derive(Debug)]
/// pub enum Error {
///     /// Transport.
///     Transport(TransportError),
///     /// Timeout.
///     Timeout(TransportError),
///     /// Status.
///     HttpStatus { status: u16 },
///     /// The provider refused.
///     Api { code: String, message: String },
///     /// Decode.
///     Decode(DecodeError),
///     /// Invalid.
///     InvalidRequest(String),
/// }
/// sign_core::shared_error_conversions!(Error, |code, message, _status| Self::Api { code, message });
///
/// let e = Error::from(TransportError::new(TransportErrorKind::ConnectTimeout, "slow"));
/// assert!(matches!(e, Error::Timeout(_)));
/// let e = Error::from(ResponseError::Refused { code: "7".into(), message: "no".into(), status: 200 });
/// assert!(matches!(e, Error::Api { .. }));
/// ```
#[macro_export]
macro_rules! shared_error_conversions {
    ($error:ty, |$code:pat_param, $message:pat_param, $status:pat_param| $refused:expr) => {
        $crate::shared_error_conversions!($error);

        impl ::core::convert::From<$crate::call::ResponseError> for $error {
            fn from(e: $crate::call::ResponseError) -> Self {
                match e {
                    $crate::call::ResponseError::HttpStatus { status } => Self::HttpStatus { status },
                    $crate::call::ResponseError::Decode(e) => Self::Decode(e),
                    $crate::call::ResponseError::Refused { code: $code, message: $message, status: $status } => {
                        $refused
                    }
                    // A rule sign-core may add later: the answer was not read as a success.
                    _ => Self::Decode($crate::DecodeError::new("the response could not be read")),
                }
            }
        }
    };
    ($error:ty) => {
        impl ::core::convert::From<$crate::TransportError> for $error {
            fn from(e: $crate::TransportError) -> Self {
                // Both timeouts are `Timeout`; the kind inside says whether the request was sent.
                if e.is_timeout() { Self::Timeout(e) } else { Self::Transport(e) }
            }
        }

        impl ::core::convert::From<$crate::DecodeError> for $error {
            fn from(e: $crate::DecodeError) -> Self {
                Self::Decode(e)
            }
        }

        impl ::core::convert::From<$crate::InvalidRequest> for $error {
            fn from(e: $crate::InvalidRequest) -> Self {
                Self::InvalidRequest(e.message().to_owned())
            }
        }
    };
}

/// Writes the call surface every provider `Client` has, once for all of them: the sans-IO halves
/// `prepare` / `parse`, the blocking `call`, and the raw calls `prepare_raw` / `parse_raw` /
/// `raw_call` / `raw_call_json` for endpoints without a typed model. Use it inside
/// `impl Client { ... }` with the crate's error type; the client supplies its provider's facts as
/// five private methods:
///
/// ```text
/// fn endpoint_path<E: Endpoint>(&self) -> Result<&str, Error>            // E::PATH, or the configured one
/// fn sign_request(&self, method: Method, path: &str, body: Vec<u8>, idempotent: bool)
///     -> Result<HttpRequest, Error>                                       // the provider's signing rule
/// fn read_response<T: DeserializeOwned>(&self, response: &HttpResponse, context: &str)
///     -> Result<T, Error>                                                 // envelope facts + read_envelope
/// fn transport(&self) -> &dyn Transport
/// fn retry_policy(&self) -> RetryPolicy                                    // from the configuration
/// ```
///
/// `prepare` validates the request ([`Endpoint::validate`]) and serializes it once
/// ([`request_body`]): the bytes signed are the bytes sent, and it does no I/O. `call` and
/// `raw_call` repeat failed sends through [`send_with_retries`], signing each attempt afresh. Raw calls check
/// their path with [`check_raw_path`] before anything is signed. (acqra-gateway, whose requests
/// carry an access token, writes its own surface with the token as an argument.)
#[macro_export]
macro_rules! client_call_methods {
    ($error:ty) => {
        /// The fully signed request for `request`, not sent: validated, serialized once (the bytes
        /// signed are the bytes sent) and signed with the provider's rule. No I/O at all: send it
        /// with any HTTP client and hand the answer to [`parse`](Self::parse).
        ///
        /// # Errors
        /// `InvalidRequest` when the request fails its checks or does not serialize; a signing
        /// failure where the provider's rule can fail.
        pub fn prepare<E: $crate::Endpoint>(&self, request: &E) -> ::core::result::Result<$crate::HttpRequest, $error> {
            let path = self.endpoint_path::<E>()?;
            let body = $crate::call::request_body(request)?;
            self.sign_request(E::METHOD, path, body, E::IDEMPOTENT)
        }

        /// Reads the provider's answer to an `E` request (sans-IO): the typed response, or the
        /// error the answer means (see `Error::outcome`). A body over the configured
        /// `max_response_bytes` is not read.
        ///
        /// # Errors
        /// The provider's refusal (`Api`), `HttpStatus`, `Decode`, or the provider's own response
        /// failures.
        pub fn parse<E: $crate::Endpoint>(
            &self,
            response: &$crate::HttpResponse,
        ) -> ::core::result::Result<E::Response, $error> {
            self.read_response(response, E::NAME)
        }

        /// Sends `request` and reads the answer: [`prepare`](Self::prepare), the transport, then
        /// [`parse`](Self::parse). A failed send is repeated as the configured retry policy allows,
        /// each attempt prepared and signed afresh (new nonce, new timestamp); a request that is
        /// not idempotent is never repeated once it may have reached the provider.
        ///
        /// # Errors
        /// Any error of `prepare`, the transport or `parse`; `Error::outcome` says whether the
        /// provider may have processed the request.
        pub fn call<E: $crate::Endpoint>(&self, request: &E) -> ::core::result::Result<E::Response, $error> {
            let span = $crate::trace::CallSpan::start(::core::env!("CARGO_PKG_NAME"), E::NAME);
            let result = span.in_scope(|| {
                let response =
                    $crate::call::send_with_retries_in(&span, self.transport(), &self.retry_policy(), || {
                        self.prepare(request)
                    })?;
                self.parse::<E>(&response)
            });
            span.finish(result.as_ref().err().map(|e| e.outcome()));
            result
        }

        /// The signed `POST` of `body` (as JSON) to `path`, not sent: for an endpoint the provider
        /// lists without a model here. `path` is an absolute path below the base URL made of
        /// `A-Z a-z 0-9 / _ - . ~` (no query, no `..`). Mark it `idempotent` only for queries: an
        /// idempotent request may be repeated after it reached the provider.
        ///
        /// # Errors
        /// `InvalidRequest` for a bad path or a body that does not serialize.
        pub fn prepare_raw(
            &self,
            path: &str,
            body: &(impl ::serde::Serialize + ?Sized),
            idempotent: bool,
        ) -> ::core::result::Result<$crate::HttpRequest, $error> {
            $crate::call::check_raw_path(path)?;
            let body = $crate::call::raw_body(path, body)?;
            self.sign_request($crate::Method::Post, path, body, idempotent)
        }

        /// Reads the answer to a [`prepare_raw`](Self::prepare_raw) request as `T`
        /// (`serde_json::Value` for untyped JSON), through the same envelope rules as
        /// [`parse`](Self::parse).
        ///
        /// # Errors
        /// As [`parse`](Self::parse).
        pub fn parse_raw<T: ::serde::de::DeserializeOwned>(
            &self,
            response: &$crate::HttpResponse,
        ) -> ::core::result::Result<T, $error> {
            self.read_response(response, "raw call")
        }

        /// A signed call to `path` with `body`, its answer decoded as `T`:
        /// [`prepare_raw`](Self::prepare_raw), the transport, then [`parse_raw`](Self::parse_raw).
        ///
        /// # Errors
        /// As [`prepare_raw`](Self::prepare_raw) and [`call`](Self::call).
        pub fn raw_call<T: ::serde::de::DeserializeOwned>(
            &self,
            path: &str,
            body: &(impl ::serde::Serialize + ?Sized),
            idempotent: bool,
        ) -> ::core::result::Result<T, $error> {
            let span = $crate::trace::CallSpan::start(::core::env!("CARGO_PKG_NAME"), path);
            let result = span.in_scope(|| {
                let response =
                    $crate::call::send_with_retries_in(&span, self.transport(), &self.retry_policy(), || {
                        self.prepare_raw(path, body, idempotent)
                    })?;
                self.read_response(&response, path)
            });
            span.finish(result.as_ref().err().map(|e| e.outcome()));
            result
        }

        /// [`raw_call`](Self::raw_call) with the answer as untyped JSON.
        ///
        /// # Errors
        /// As [`raw_call`](Self::raw_call).
        pub fn raw_call_json(
            &self,
            path: &str,
            body: &(impl ::serde::Serialize + ?Sized),
            idempotent: bool,
        ) -> ::core::result::Result<::serde_json::Value, $error> {
            self.raw_call(path, body, idempotent)
        }
    };
}

/// The user agent a provider crate's clients send: `paykit-<crate>/<version>`, from the calling
/// crate's `Cargo.toml`.
///
/// ```
/// assert_eq!(sign_core::user_agent!(), concat!("paykit-sign-core/", env!("CARGO_PKG_VERSION")));
/// ```
#[macro_export]
macro_rules! user_agent {
    () => {
        ::core::concat!("paykit-", ::core::env!("CARGO_PKG_NAME"), "/", ::core::env!("CARGO_PKG_VERSION"))
    };
}

/// Writes the part of a provider's blocking `Client` that is the same in every crate, inside its
/// `impl Client { ... }`: the constructors `new` (over sign-core's ureq transport when the crate's
/// `ureq` feature is on, sending `paykit-<crate>/<version>`) and `sans_io`, `config`, the call
/// surface of [`client_call_methods!`](crate::client_call_methods) and the two private methods it
/// needs, `transport` and `retry_policy` (from the configuration). The crate keeps its struct,
/// `Debug`, `with_transport` and its provider's facts (`endpoint_path`, `sign_request`,
/// `read_response`). The client must hold `inner.config` (the crate's `Config`, with
/// `http_options()`) and `inner.transport` (an `Arc<dyn Transport>`); the crate must have `Config`
/// at its root.
// `crate::` is meant: the provider crate that calls it.
#[allow(clippy::crate_in_macro_def)]
#[macro_export]
macro_rules! client_shell {
    ($error:ty) => {
        /// A client over sign-core's blocking ureq transport, with the timeouts, retry policy and
        /// response size limit of `config` (validated when it was built, so this cannot fail). A
        /// failed call is repeated as the retry policy allows, each attempt signed afresh.
        #[cfg(feature = "ureq")]
        pub fn new(config: crate::Config) -> Self {
            let transport = config.http_options().ureq_transport($crate::user_agent!());
            Self::with_transport(config, ::std::sync::Arc::new(transport))
        }

        /// A sans-IO client, with no transport: [`prepare`](Self::prepare) builds the exact
        /// request, you send it with your own HTTP client (async or not), and
        /// [`parse`](Self::parse) reads the answer; callbacks verify as with any client. Nothing
        /// is ever sent: `call` and the endpoint methods fail with an error whose `outcome` is
        /// [`Outcome::NotSent`](sign_core::Outcome::NotSent) (sign-core's
        /// [`NoTransport`](sign_core::NoTransport)). Available without the `ureq` feature.
        pub fn sans_io(config: crate::Config) -> Self {
            Self::with_transport(config, ::std::sync::Arc::new($crate::NoTransport))
        }

        /// The configuration.
        pub fn config(&self) -> &crate::Config {
            &self.inner.config
        }

        $crate::client_call_methods!($error);

        fn transport(&self) -> &dyn $crate::Transport {
            &*self.inner.transport
        }

        /// How [`call`](Self::call) repeats a failed attempt; each repeat is signed afresh.
        fn retry_policy(&self) -> $crate::RetryPolicy {
            self.inner.config.http_options().retry
        }
    };
}

/// Writes a provider's `AsyncClient`: the struct (a sans-IO `Client` and an
/// `Arc<dyn AsyncTransport>`), its redacting `Debug`, the constructors (`new` over sign-core's
/// reqwest transport when the crate's `reqwest` feature is on, sending `paykit-<crate>/<version>`;
/// `with_transport`), `config`, `sans_io` and the call surface of [`async_client_call_methods!`](crate::async_client_call_methods).
/// The doc comment given is the struct's first paragraph; the crate adds its own methods in another
/// `impl AsyncClient` block. The crate must have `Client` (with `sans_io(Config)` and `config()`),
/// `Config` (with `http_options()`) and `Error` at its root.
// `crate::` is meant: the provider crate that calls it.
#[allow(clippy::crate_in_macro_def)]
#[macro_export]
macro_rules! async_client {
    // A provider that calls back: the blocking client's callback verification, forwarded (sans-IO,
    // nothing to await).
    ($(#[$meta:meta])* callbacks: $notification:ty) => {
        $crate::async_client! { $(#[$meta])* }

        impl AsyncClient {
            /// Verifies a callback: [`Client::verify_notification`](crate::Client::verify_notification)
            /// (sans-IO, nothing to await), with this client's configuration and replay guard.
            ///
            /// # Errors
            /// As [`Client::verify_notification`](crate::Client::verify_notification).
            pub fn verify_notification<I>(&self, headers: I, body: &[u8]) -> ::core::result::Result<$notification, crate::Error>
            where
                I: ::core::iter::IntoIterator,
                I::Item: $crate::HeaderPair,
            {
                self.client.verify_notification(headers, body)
            }

            /// The exact body to answer an accepted callback with
            /// ([`Client::notification_reply`](crate::Client::notification_reply)).
            pub fn notification_reply(&self) -> &str {
                self.client.notification_reply()
            }
        }
    };
    ($(#[$meta:meta])*) => {
        $(#[$meta])*
        ///
        /// Every endpoint method of the blocking `Client` exists here with the same name, request
        /// and response types and errors; retries follow the same policy (each attempt signed
        /// afresh, a payment never repeated once it may have been processed), their pauses on the
        /// transport's timer. No runtime is named: the transport brings its own (`AsyncClient::new`,
        /// feature `reqwest`, uses reqwest on tokio).
        ///
        /// `Send + Sync` and cheap to clone (an `Arc` inside): build one and share it.
        #[derive(Clone)]
        pub struct AsyncClient {
            client: crate::Client,
            transport: ::std::sync::Arc<dyn $crate::AsyncTransport>,
        }

        impl ::core::fmt::Debug for AsyncClient {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_struct("AsyncClient").field("client", &self.client).finish_non_exhaustive()
            }
        }

        impl AsyncClient {
            /// A client over sign-core's reqwest transport (rustls; call it inside a tokio
            /// runtime), with the timeouts, retry policy, body limit and proxy choice of `config`.
            #[cfg(feature = "reqwest")]
            #[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
            pub fn new(config: crate::Config) -> Self {
                let transport = config.http_options().reqwest_transport($crate::user_agent!());
                Self::with_transport(config, ::std::sync::Arc::new(transport))
            }

            /// A client sending through any async `transport` (another HTTP client, another
            /// runtime, a test double).
            pub fn with_transport(
                config: crate::Config,
                transport: ::std::sync::Arc<dyn $crate::AsyncTransport>,
            ) -> Self {
                Self { client: crate::Client::sans_io(config), transport }
            }

            /// The configuration.
            pub fn config(&self) -> &crate::Config {
                self.client.config()
            }

            /// The sans-IO `Client` with the same configuration, which this client signs and
            /// parses with.
            pub fn sans_io(&self) -> &crate::Client {
                &self.client
            }

            $crate::async_client_call_methods!(crate::Error);

            fn async_transport(&self) -> &dyn $crate::AsyncTransport {
                &*self.transport
            }

            fn retry_policy(&self) -> $crate::RetryPolicy {
                self.config().http_options().retry
            }
        }
    };
}

/// Writes the call surface of every provider's `AsyncClient`, the async twin of
/// [`client_call_methods!`]: `prepare` / `parse` and `prepare_raw` / `parse_raw` (the sans-IO halves,
/// the same as the blocking client's), and `call` / `raw_call` / `raw_call_json` as `async fn`s that
/// send through the client's [`AsyncTransport`] with [`send_with_retries_async`] (each attempt
/// prepared and signed afresh, the same retry rules). Use it inside `impl AsyncClient { ... }`; the
/// async client supplies three private methods:
///
/// ```text
/// fn sans_io(&self) -> &Client                         // a sans-IO Client with the same config and clock
/// fn async_transport(&self) -> &dyn AsyncTransport
/// fn retry_policy(&self) -> RetryPolicy                // from the configuration
/// ```
#[macro_export]
macro_rules! async_client_call_methods {
    ($error:ty) => {
        /// The fully signed request for `request`, not sent (sans-IO, as the blocking
        /// client's `prepare`).
        ///
        /// # Errors
        /// `InvalidRequest` when the request fails its checks or does not serialize; a signing
        /// failure where the provider's rule can fail.
        pub fn prepare<E: $crate::Endpoint>(&self, request: &E) -> ::core::result::Result<$crate::HttpRequest, $error> {
            self.sans_io().prepare(request)
        }

        /// Reads the provider's answer to an `E` request (sans-IO, as the blocking client's `parse`).
        ///
        /// # Errors
        /// The provider's refusal (`Api`), `HttpStatus`, `Decode`, or the provider's own response
        /// failures.
        pub fn parse<E: $crate::Endpoint>(
            &self,
            response: &$crate::HttpResponse,
        ) -> ::core::result::Result<E::Response, $error> {
            self.sans_io().parse::<E>(response)
        }

        /// Sends `request` and reads the answer without blocking a thread:
        /// [`prepare`](Self::prepare), the async transport, then [`parse`](Self::parse). A failed
        /// send is repeated as the configured retry policy allows, each attempt prepared and signed
        /// afresh; a request that is not idempotent is never repeated once it may have reached the
        /// provider.
        ///
        /// # Errors
        /// Any error of `prepare`, the transport or `parse`; `Error::outcome` says whether the
        /// provider may have processed the request.
        pub async fn call<E: $crate::Endpoint>(&self, request: &E) -> ::core::result::Result<E::Response, $error> {
            let span = $crate::trace::CallSpan::start(::core::env!("CARGO_PKG_NAME"), E::NAME);
            let result = span
                .instrument(async {
                    let response = $crate::call::send_with_retries_async_in(
                        &span,
                        self.async_transport(),
                        &self.retry_policy(),
                        || ::core::future::ready(self.prepare(request)),
                    )
                    .await?;
                    self.parse::<E>(&response)
                })
                .await;
            span.finish(result.as_ref().err().map(|e| e.outcome()));
            result
        }

        /// The signed `POST` of `body` (as JSON) to `path`, not sent (as the blocking client's
        /// `prepare_raw`).
        ///
        /// # Errors
        /// `InvalidRequest` for a bad path or a body that does not serialize.
        pub fn prepare_raw(
            &self,
            path: &str,
            body: &(impl ::serde::Serialize + ?Sized),
            idempotent: bool,
        ) -> ::core::result::Result<$crate::HttpRequest, $error> {
            self.sans_io().prepare_raw(path, body, idempotent)
        }

        /// Reads the answer to a [`prepare_raw`](Self::prepare_raw) request as `T`.
        ///
        /// # Errors
        /// As [`parse`](Self::parse).
        pub fn parse_raw<T: ::serde::de::DeserializeOwned>(
            &self,
            response: &$crate::HttpResponse,
        ) -> ::core::result::Result<T, $error> {
            self.sans_io().parse_raw(response)
        }

        /// A signed call to `path` with `body`, its answer decoded as `T`, without blocking a
        /// thread. Mark it `idempotent` only for queries.
        ///
        /// # Errors
        /// As [`prepare_raw`](Self::prepare_raw) and [`call`](Self::call).
        pub async fn raw_call<T: ::serde::de::DeserializeOwned>(
            &self,
            path: &str,
            body: &(impl ::serde::Serialize + ?Sized + ::core::marker::Sync),
            idempotent: bool,
        ) -> ::core::result::Result<T, $error> {
            let span = $crate::trace::CallSpan::start(::core::env!("CARGO_PKG_NAME"), path);
            let result = span
                .instrument(async {
                    let response = $crate::call::send_with_retries_async_in(
                        &span,
                        self.async_transport(),
                        &self.retry_policy(),
                        || ::core::future::ready(self.prepare_raw(path, body, idempotent)),
                    )
                    .await?;
                    self.parse_raw(&response)
                })
                .await;
            span.finish(result.as_ref().err().map(|e| e.outcome()));
            result
        }

        /// [`raw_call`](Self::raw_call) with the answer as untyped JSON.
        ///
        /// # Errors
        /// As [`raw_call`](Self::raw_call).
        pub async fn raw_call_json(
            &self,
            path: &str,
            body: &(impl ::serde::Serialize + ?Sized + ::core::marker::Sync),
            idempotent: bool,
        ) -> ::core::result::Result<::serde_json::Value, $error> {
            self.raw_call(path, body, idempotent).await
        }
    };
}
