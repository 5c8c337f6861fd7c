// @generated from docs/vip-charge/*.md by `cargo xtask codegen`; do not edit.
//! The async client's endpoint methods: one per endpoint doc, each
//! [`AsyncClient::call`](crate::AsyncClient::call) with the endpoint's request type. The same names,
//! request and response types and errors as the blocking [`Client`](crate::Client)'s.

use super::{
    BatchOrderRequest, BatchOrderResponse, BusinessBalanceRequest, BusinessBalanceResponse, OrderInfoRequest,
    OrderInfoResponse, ProductListRequest, ProductListResponse, VipChargeRequest, VipChargeResponse,
};

impl crate::AsyncClient {
    /// 批量下单 (place one charge order per item): `POST /v1/openapi/order/batch`, without blocking a thread.
    ///
    /// Not idempotent: never repeated once it may have reached the provider. When the error's
    /// [`outcome_unknown`](crate::Error::outcome_unknown) is true, look the order up before sending it again.
    ///
    /// The request is [`BatchOrderRequest`], the answer [`BatchOrderResponse`]; both are generated from
    /// `docs/vip-charge/batch_order.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn batch_order(&self, request: &BatchOrderRequest) -> Result<BatchOrderResponse, crate::Error> {
        self.call(request).await
    }

    /// 业务余额查询 (the business account's balance): `POST /v1/openapi/merchant/business/balance`, without blocking a thread.
    ///
    /// Idempotent: the transport may repeat it after it may have reached the provider.
    ///
    /// The request is [`BusinessBalanceRequest`], the answer [`BusinessBalanceResponse`]; both are generated from
    /// `docs/vip-charge/business_balance.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn business_balance(
        &self,
        request: &BusinessBalanceRequest,
    ) -> Result<BusinessBalanceResponse, crate::Error> {
        self.call(request).await
    }

    /// 订单查询 (order info by orderCode or bizCode): `POST /v1/openapi/order/info`, without blocking a thread.
    ///
    /// Idempotent: the transport may repeat it after it may have reached the provider.
    ///
    /// The request is [`OrderInfoRequest`], the answer [`OrderInfoResponse`]; both are generated from
    /// `docs/vip-charge/order_info.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn order_info(&self, request: &OrderInfoRequest) -> Result<OrderInfoResponse, crate::Error> {
        self.call(request).await
    }

    /// 产品列表 (products the merchant may order): `POST /v1/openapi/order/product/list`, without blocking a thread.
    ///
    /// Idempotent: the transport may repeat it after it may have reached the provider.
    ///
    /// The request is [`ProductListRequest`], the answer [`ProductListResponse`]; both are generated from
    /// `docs/vip-charge/product_list.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn product_list(&self, request: &ProductListRequest) -> Result<ProductListResponse, crate::Error> {
        self.call(request).await
    }

    /// 直充会员下单 (place a membership direct-recharge order): `POST /v1/openapi/order/VIPCharge`, without blocking a thread.
    ///
    /// Not idempotent: never repeated once it may have reached the provider. When the error's
    /// [`outcome_unknown`](crate::Error::outcome_unknown) is true, look the order up before sending it again.
    ///
    /// The request is [`VipChargeRequest`], the answer [`VipChargeResponse`]; both are generated from
    /// `docs/vip-charge/vip_charge.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn vip_charge(&self, request: &VipChargeRequest) -> Result<VipChargeResponse, crate::Error> {
        self.call(request).await
    }
}
