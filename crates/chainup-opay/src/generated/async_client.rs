// @generated from docs/chainup-opay/*.md by `cargo xtask codegen`; do not edit.
//! The async client's endpoint methods: one per endpoint doc, each
//! [`AsyncClient::call`](crate::AsyncClient::call) with the endpoint's request type. The same names,
//! request and response types and errors as the blocking [`Client`](crate::Client)'s.

use super::{
    CancelOrderRequest, CancelOrderResponse, CreateThirdOrderRequest, CreateThirdOrderResponse,
    MerchantBillingDayRequest, MerchantBillingDayResponse, OrderDetailRequest, OrderDetailResponse,
};

impl crate::AsyncClient {
    /// Cancel Pending Orders (cancelOrder): `POST /opay/cancelOrder`, without blocking a thread.
    ///
    /// Not idempotent: never repeated once it may have reached the provider. When the error's
    /// [`outcome_unknown`](crate::Error::outcome_unknown) is true, look the order up before sending it again.
    ///
    /// The request is [`CancelOrderRequest`], the answer [`CancelOrderResponse`]; both are generated from
    /// `docs/chainup-opay/cancel_order.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn cancel_order(&self, request: &CancelOrderRequest) -> Result<CancelOrderResponse, crate::Error> {
        self.call(request).await
    }

    /// Create a payment order (createThirdOrder): `POST /platformapi/chainup/open/opay/createThirdOrder`, without blocking a thread.
    ///
    /// Not idempotent: never repeated once it may have reached the provider. When the error's
    /// [`outcome_unknown`](crate::Error::outcome_unknown) is true, look the order up before sending it again.
    ///
    /// The request is [`CreateThirdOrderRequest`], the answer [`CreateThirdOrderResponse`]; both are generated from
    /// `docs/chainup-opay/create_third_order.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn create_third_order(
        &self,
        request: &CreateThirdOrderRequest,
    ) -> Result<CreateThirdOrderResponse, crate::Error> {
        self.call(request).await
    }

    /// Merchant Daily Posting Statement (merchantBillingDay): `POST /platformapi/chainup/open/opay/merchantBillingDay`, without blocking a thread.
    ///
    /// Idempotent: the transport may repeat it after it may have reached the provider.
    ///
    /// The request is [`MerchantBillingDayRequest`], the answer [`MerchantBillingDayResponse`]; both are generated from
    /// `docs/chainup-opay/merchant_billing_day.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn merchant_billing_day(
        &self,
        request: &MerchantBillingDayRequest,
    ) -> Result<MerchantBillingDayResponse, crate::Error> {
        self.call(request).await
    }

    /// Query Payment Order (orderDetail): `POST /platformapi/chainup/open/opay/orderDetail`, without blocking a thread.
    ///
    /// Idempotent: the transport may repeat it after it may have reached the provider.
    ///
    /// The request is [`OrderDetailRequest`], the answer [`OrderDetailResponse`]; both are generated from
    /// `docs/chainup-opay/order_detail.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn order_detail(&self, request: &OrderDetailRequest) -> Result<OrderDetailResponse, crate::Error> {
        self.call(request).await
    }
}
