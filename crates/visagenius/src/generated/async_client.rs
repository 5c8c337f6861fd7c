// @generated from docs/visagenius/*.md by `cargo xtask codegen`; do not edit.
//! The async client's endpoint methods: one per endpoint doc, each
//! [`AsyncClient::call`](crate::AsyncClient::call) with the endpoint's request type. The same names,
//! request and response types and errors as the blocking [`Client`](crate::Client)'s.

use super::{
    OrderPayRequest, OrderPayResponse, ProductBriefQueryRequest, ProductBriefQueryResponse, ProductQueryRequest,
    ProductQueryResponse,
};

impl crate::AsyncClient {
    /// 订单支付 (pay an order): `POST /openvisa/order_pay`, without blocking a thread.
    ///
    /// Not idempotent: never repeated once it may have reached the provider. When the error's
    /// [`outcome_unknown`](crate::Error::outcome_unknown) is true, look the order up before sending it again.
    ///
    /// The request is [`OrderPayRequest`], the answer [`OrderPayResponse`]; both are generated from
    /// `docs/visagenius/order_pay.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn order_pay(&self, request: &OrderPayRequest) -> Result<OrderPayResponse, crate::Error> {
        self.call(request).await
    }

    /// 商品列表查询 (list products): `POST /openvisa/product_brief_query`, without blocking a thread.
    ///
    /// Idempotent: the transport may repeat it after it may have reached the provider.
    ///
    /// The request is [`ProductBriefQueryRequest`], the answer [`ProductBriefQueryResponse`]; both are generated from
    /// `docs/visagenius/product_brief_query.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn product_brief_query(
        &self,
        request: &ProductBriefQueryRequest,
    ) -> Result<ProductBriefQueryResponse, crate::Error> {
        self.call(request).await
    }

    /// 商品详情查询 (product detail): `POST /openvisa/product_query`, without blocking a thread.
    ///
    /// Idempotent: the transport may repeat it after it may have reached the provider.
    ///
    /// The request is [`ProductQueryRequest`], the answer [`ProductQueryResponse`]; both are generated from
    /// `docs/visagenius/product_query.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn product_query(&self, request: &ProductQueryRequest) -> Result<ProductQueryResponse, crate::Error> {
        self.call(request).await
    }
}
