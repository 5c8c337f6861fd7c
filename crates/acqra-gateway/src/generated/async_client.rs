// @generated from docs/acqra-gateway/*.md by `cargo xtask codegen`; do not edit.
//! The async client's endpoint methods: one per endpoint doc, each
//! [`AsyncClient::call`](crate::AsyncClient::call) with the endpoint's request type. The same names,
//! request and response types and errors as the blocking [`Client`](crate::Client)'s.

use super::{
    CancelRequest, CancelResponse, CaptureRequest, CaptureResponse, CashierOrderRequest, CashierOrderResponse,
    MitPaymentRequest, MitPaymentResponse, PaymentRequest, PaymentResponse, QueryRequest, QueryResponse,
    RefundQueryRequest, RefundQueryResponse, RefundRequest, RefundResponse, ShippingRetrieveRequest,
    ShippingRetrieveResponse, ShippingTrackingBatchRequest, ShippingTrackingBatchResponse,
    ShippingTrackingModifyRequest, ShippingTrackingModifyResponse, ShippingTrackingRequest, ShippingTrackingResponse,
    SubscriptionPaymentRequest, SubscriptionPaymentResponse,
};

impl crate::AsyncClient {
    /// 如果不再需要付款,可以在捕获之前取消授权 (void an authorization before capture when the payment is no longer needed): `POST /gateway/v1/cancel`, without blocking a thread.
    ///
    /// Not idempotent: never repeated once it may have reached the provider. When the error's
    /// [`outcome_unknown`](crate::Error::outcome_unknown) is true, look the order up before sending it again.
    ///
    /// The request is [`CancelRequest`], the answer [`CancelResponse`]; both are generated from
    /// `docs/acqra-gateway/cancel.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn cancel(&self, request: &CancelRequest) -> Result<CancelResponse, crate::Error> {
        self.call(request).await
    }

    /// 捕获capture (capture an authorized payment): `POST /gateway/v1/capture`, without blocking a thread.
    ///
    /// Not idempotent: never repeated once it may have reached the provider. When the error's
    /// [`outcome_unknown`](crate::Error::outcome_unknown) is true, look the order up before sending it again.
    ///
    /// The request is [`CaptureRequest`], the answer [`CaptureResponse`]; both are generated from
    /// `docs/acqra-gateway/capture.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn capture(&self, request: &CaptureRequest) -> Result<CaptureResponse, crate::Error> {
        self.call(request).await
    }

    /// 收银台预下单 (create a checkout session on the hosted page): `POST /gateway/v1/cashier/order`, without blocking a thread.
    ///
    /// Not idempotent: never repeated once it may have reached the provider. When the error's
    /// [`outcome_unknown`](crate::Error::outcome_unknown) is true, look the order up before sending it again.
    ///
    /// The request is [`CashierOrderRequest`], the answer [`CashierOrderResponse`]; both are generated from
    /// `docs/acqra-gateway/cashier_order.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn cashier_order(&self, request: &CashierOrderRequest) -> Result<CashierOrderResponse, crate::Error> {
        self.call(request).await
    }

    /// MIT Payment 限制类接口 (merchant-initiated payment, restricted endpoint): `POST /gateway/v1/mitPayment`, without blocking a thread.
    ///
    /// Not idempotent: never repeated once it may have reached the provider. When the error's
    /// [`outcome_unknown`](crate::Error::outcome_unknown) is true, look the order up before sending it again.
    ///
    /// The request is [`MitPaymentRequest`], the answer [`MitPaymentResponse`]; both are generated from
    /// `docs/acqra-gateway/mit_payment.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn mit_payment(&self, request: &MitPaymentRequest) -> Result<MitPaymentResponse, crate::Error> {
        self.call(request).await
    }

    /// 使用任何可用的付款方式创建新付款 (create a payment with any available payment method): `POST /gateway/v1/payment`, without blocking a thread.
    ///
    /// Not idempotent: never repeated once it may have reached the provider. When the error's
    /// [`outcome_unknown`](crate::Error::outcome_unknown) is true, look the order up before sending it again.
    ///
    /// The request is [`PaymentRequest`], the answer [`PaymentResponse`]; both are generated from
    /// `docs/acqra-gateway/payment.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn payment(&self, request: &PaymentRequest) -> Result<PaymentResponse, crate::Error> {
        self.call(request).await
    }

    /// inquiry Requests: `POST /gateway/v1/query`, without blocking a thread.
    ///
    /// Idempotent: the transport may repeat it after it may have reached the provider.
    ///
    /// The request is [`QueryRequest`], the answer [`QueryResponse`]; both are generated from
    /// `docs/acqra-gateway/query.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn query(&self, request: &QueryRequest) -> Result<QueryResponse, crate::Error> {
        self.call(request).await
    }

    /// 申请退款,退款请求是异步处理,如果退款成功,您可以通过订阅webhook来接收通知结果,资金将原路退回到您的信用卡或借记卡 (request a refund: processed asynchronously, funds go back to the original card): `POST /gateway/v1/refund`, without blocking a thread.
    ///
    /// Not idempotent: never repeated once it may have reached the provider. When the error's
    /// [`outcome_unknown`](crate::Error::outcome_unknown) is true, look the order up before sending it again.
    ///
    /// The request is [`RefundRequest`], the answer [`RefundResponse`]; both are generated from
    /// `docs/acqra-gateway/refund.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn refund(&self, request: &RefundRequest) -> Result<RefundResponse, crate::Error> {
        self.call(request).await
    }

    /// inquiry Requests: `POST /gateway/v1/refundQuery`, without blocking a thread.
    ///
    /// Idempotent: the transport may repeat it after it may have reached the provider.
    ///
    /// The request is [`RefundQueryRequest`], the answer [`RefundQueryResponse`]; both are generated from
    /// `docs/acqra-gateway/refund_query.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn refund_query(&self, request: &RefundQueryRequest) -> Result<RefundQueryResponse, crate::Error> {
        self.call(request).await
    }

    /// Retrieve Tracking Details: `POST /gateway/v1/shipping/retrieve`, without blocking a thread.
    ///
    /// Idempotent: the transport may repeat it after it may have reached the provider.
    ///
    /// The request is [`ShippingRetrieveRequest`], the answer [`ShippingRetrieveResponse`]; both are generated from
    /// `docs/acqra-gateway/shipping_retrieve.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn shipping_retrieve(
        &self,
        request: &ShippingRetrieveRequest,
    ) -> Result<ShippingRetrieveResponse, crate::Error> {
        self.call(request).await
    }

    /// Adds tracking information for an Order: `POST /gateway/v1/shipping/tracking`, without blocking a thread.
    ///
    /// Not idempotent: never repeated once it may have reached the provider. When the error's
    /// [`outcome_unknown`](crate::Error::outcome_unknown) is true, look the order up before sending it again.
    ///
    /// The request is [`ShippingTrackingRequest`], the answer [`ShippingTrackingResponse`]; both are generated from
    /// `docs/acqra-gateway/shipping_tracking.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn shipping_tracking(
        &self,
        request: &ShippingTrackingRequest,
    ) -> Result<ShippingTrackingResponse, crate::Error> {
        self.call(request).await
    }

    /// Add tracking information for multiple for Order: `POST /gateway/v1/shipping/tracking-batch`, without blocking a thread.
    ///
    /// Not idempotent: never repeated once it may have reached the provider. When the error's
    /// [`outcome_unknown`](crate::Error::outcome_unknown) is true, look the order up before sending it again.
    ///
    /// The request is [`ShippingTrackingBatchRequest`], the answer [`ShippingTrackingBatchResponse`]; both are generated from
    /// `docs/acqra-gateway/shipping_tracking_batch.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn shipping_tracking_batch(
        &self,
        request: &ShippingTrackingBatchRequest,
    ) -> Result<ShippingTrackingBatchResponse, crate::Error> {
        self.call(request).await
    }

    /// Updates or cancels the tracking information for a order: `POST /gateway/v1/shipping/tracking-modify`, without blocking a thread.
    ///
    /// Not idempotent: never repeated once it may have reached the provider. When the error's
    /// [`outcome_unknown`](crate::Error::outcome_unknown) is true, look the order up before sending it again.
    ///
    /// The request is [`ShippingTrackingModifyRequest`], the answer [`ShippingTrackingModifyResponse`]; both are generated from
    /// `docs/acqra-gateway/shipping_tracking_modify.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn shipping_tracking_modify(
        &self,
        request: &ShippingTrackingModifyRequest,
    ) -> Result<ShippingTrackingModifyResponse, crate::Error> {
        self.call(request).await
    }

    /// 订阅支付,基于首次支付获取到的token,定时扣款指令 (subscription payment: a scheduled charge with the credential from the first payment): `POST /gateway/v1/subscriptionPayment`, without blocking a thread.
    ///
    /// Not idempotent: never repeated once it may have reached the provider. When the error's
    /// [`outcome_unknown`](crate::Error::outcome_unknown) is true, look the order up before sending it again.
    ///
    /// The request is [`SubscriptionPaymentRequest`], the answer [`SubscriptionPaymentResponse`]; both are generated from
    /// `docs/acqra-gateway/subscription_payment.md`.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
    /// invalid request (refused before sending).
    pub async fn subscription_payment(
        &self,
        request: &SubscriptionPaymentRequest,
    ) -> Result<SubscriptionPaymentResponse, crate::Error> {
        self.call(request).await
    }
}
