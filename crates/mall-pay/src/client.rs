//! The client: [`Client::prepare`] builds the exact request, [`Client::parse`] reads the answer,
//! and [`Client::order_pay`] does both around one send.

use std::sync::Arc;

use sign_core::http::join_url;
use sign_core::{Endpoint, HttpRequest, HttpResponse, SecretString, Transport};

use crate::config::Config;
use crate::error::Error;
use crate::generated::{OrderPayData, OrderPayRequest};
use crate::pay::{AppPay, PayOrder};
use crate::pay_param::PayParam;
use crate::{auth, envelope};

/// A mall-pay client. `Send + Sync`; cloning is cheap (an `Arc`), so build one and share it.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    transport: Arc<dyn Transport>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("config", &self.inner.config).finish_non_exhaustive()
    }
}

impl Client {
    /// A client sending over sign-core's blocking ureq transport, with the configuration's
    /// timeouts, retry policy and response size limit.
    #[cfg(feature = "ureq")]
    pub fn new(config: Config) -> Result<Self, Error> {
        let transport = config.http_options().ureq_transport(concat!("paykit-mall-pay/", env!("CARGO_PKG_VERSION")));
        Ok(Self::with_transport(config, Arc::new(transport)))
    }

    /// A client sending over `transport` (another HTTP client, a test double).
    pub fn with_transport(config: Config, transport: Arc<dyn Transport>) -> Self {
        Self { inner: Arc::new(Inner { config, transport }) }
    }

    /// The same client (same transport and settings) with another user's token, or with a new
    /// token after [`Error::TokenExpired`] and a fresh login.
    pub fn with_token(&self, token: impl Into<SecretString>) -> Result<Self, Error> {
        let config = self.inner.config.with_token(token.into())?;
        Ok(Self { inner: Arc::new(Inner { config, transport: Arc::clone(&self.inner.transport) }) })
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The complete HTTP request for paying `order`, without sending it (sans-IO): `POST` to
    /// base URL + pay path, JSON body, `token` header. Send it with any HTTP client, then hand
    /// the response to [`Client::parse_order_pay`].
    ///
    /// The request is not idempotent: paying twice may charge twice, so never resend it after
    /// it may have reached the server.
    pub fn prepare(&self, order: &PayOrder) -> Result<HttpRequest, Error> {
        self.prepare_endpoint(&order.to_wire())
    }

    /// Like [`Client::prepare`] for a flat wire request, after checking it against every rule
    /// ([`Error::InvalidRequest`] if it breaks one).
    pub fn prepare_wire(&self, request: &OrderPayRequest) -> Result<HttpRequest, Error> {
        let order = PayOrder::try_from(request)?;
        self.prepare(&order)
    }

    fn prepare_endpoint<E: Endpoint>(&self, request: &E) -> Result<HttpRequest, Error> {
        let config = &self.inner.config;
        // The provider does not publish the path: the generated endpoint leaves it empty and the
        // configuration supplies it.
        let path = if E::PATH.is_empty() { config.pay_path.as_str() } else { E::PATH };
        let body = serde_json::to_vec(request)?;
        let http = HttpRequest::new(E::METHOD, join_url(&config.base_url, path))
            .with_header("Content-Type", "application/json; charset=utf-8")
            .with_header("Accept", "application/json")
            .with_body(body)
            .with_idempotent(E::IDEMPOTENT);
        Ok(auth::authorize(http, &config.token))
    }

    /// Reads a response to an endpoint's request: its payload, or the typed failure
    /// ([`Error::TokenExpired`], [`Error::Api`], [`Error::HttpStatus`], [`Error::Decode`]).
    pub fn parse<E: Endpoint>(&self, response: &HttpResponse) -> Result<E::Response, Error> {
        // A backend may echo the token in its `msg` (`token <value>过期`): never let it into an error.
        envelope::parse::<E::Response>(response).map_err(|e| e.redact(self.inner.config.token.expose()))
    }

    /// Reads the response to paying `order` and checks that `pay_param` fits its method:
    /// WeChat parameters for WeChat (with or without points), an Alipay string for Alipay (with
    /// or without points). Points-only payments accept any `pay_param`, since the provider does
    /// not say what they return.
    pub fn parse_order_pay(&self, order: &PayOrder, response: &HttpResponse) -> Result<OrderPayData, Error> {
        let data = self.parse::<OrderPayRequest>(response)?;
        check_pay_param(order, &data.pay_param)?;
        Ok(data)
    }

    /// Pays `order` now (订单立即支付) and returns what the app needs to finish paying
    /// ([`OrderPayData::pay_param`]).
    ///
    /// Sent once: the transport only retries when the request cannot have reached the server.
    /// On [`Error::Timeout`] or a transport error after sending, check the order in the mall
    /// before paying again.
    pub fn order_pay(&self, order: &PayOrder) -> Result<OrderPayData, Error> {
        let request = self.prepare(order)?;
        let response = self.inner.transport.send(&request)?;
        self.parse_order_pay(order, &response)
    }
}

fn check_pay_param(order: &PayOrder, param: &PayParam) -> Result<(), Error> {
    let expected = match order.pay_with().app_pay() {
        AppPay::Wechat if param.wechat().is_none() => "wechat",
        AppPay::Alipay if param.alipay().is_none() => "alipay",
        _ => return Ok(()),
    };
    Err(Error::UnexpectedPayParam { expected, got: param.kind() })
}
