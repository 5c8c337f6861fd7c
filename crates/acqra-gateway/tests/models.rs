//! Every JSON example of the provider's documentation against the models generated from
//! `docs/acqra-gateway/`: each deserializes into its generated type and serializes back to the same
//! JSON value.
//!
//! The fixtures are the provider's examples copied verbatim, each named after the type it
//! round-trips (`tests/fixtures/README.md` gives the provider's schema and line range of each).
//! Where an example contradicts its own schema, the schema wins: the example is
//! listed in [`CONTRADICTIONS`] with the reason, the test proves the contradiction (the verbatim
//! example is rejected, or the value lands in the enum's `Unknown` catch-all), and round-trips the
//! example with only that value replaced.

use std::fmt::Debug;

use acqra_gateway::generated::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use sign_core::Endpoint;

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// How an example contradicts its schema.
enum Kind {
    /// The example's value has the wrong JSON type: the verbatim example must not deserialize.
    /// The replacement is a value of the schema's type.
    WrongType(Value),
    /// The example lists every allowed value in one string (or shows a placeholder): it is not a
    /// value the enum lists, so it must land in `Unknown`; the check says whether it did.
    NotAValue(fn(&Value) -> bool),
}

/// `(fixture, JSON pointer, why, kind)`.
type Contradiction = (&'static str, String, &'static str, Kind);

fn unknown<T: DeserializeOwned + Debug>(v: &Value) -> bool {
    match serde_json::from_value::<T>(v.clone()) {
        Ok(t) => format!("{t:?}").starts_with("Unknown("),
        Err(_) => false,
    }
}

const ENUM_LIST: &str = "the example lists every allowed value in one string, not one value";
const PLACEHOLDER: &str = "the example shows the placeholder \"string\", not one of the values";

fn contradictions() -> Vec<Contradiction> {
    use Kind::{NotAValue, WrongType};
    let map = || WrongType(json!({"K": "V"}));
    let mut list: Vec<Contradiction> = vec![
        (
            "ShippingRetrieveRequest.json",
            "/matedata".to_string(),
            "\"matedata\": \"K-V\" but the schema says an object",
            map(),
        ),
        (
            "ShippingTrackingModifyRequest.json",
            "/matedata".to_string(),
            "\"matedata\": \"K-V\" but the schema says an object",
            map(),
        ),
        ("PayPal.json", "/metadata".to_string(), "\"metadata\": \"key-value\" but the schema says an object", map()),
        (
            "PaymentRequest.json",
            "/paypal/metadata".to_string(),
            "\"metadata\": \"key-value\" but the schema says an object",
            map(),
        ),
        (
            "ShippingTrackingResponse.json",
            "/trackings".to_string(),
            "\"trackings\": \"ids\" but the schema says an array of strings",
            WrongType(json!(["ids"])),
        ),
        ("CashierOrderRequest.json", "/threeDsMode".to_string(), ENUM_LIST, NotAValue(unknown::<ThreeDsMode>)),
        ("PaymentRequest.json", "/threeDsMode".to_string(), ENUM_LIST, NotAValue(unknown::<ThreeDsMode>)),
        ("SubscriptionPaymentRequest.json", "/threeDsMode".to_string(), ENUM_LIST, NotAValue(unknown::<ThreeDsMode>)),
        ("PaymentRequest.json", "/paymentMethodType".to_string(), ENUM_LIST, NotAValue(unknown::<PaymentMethodType>)),
        ("QueryRequest.json", "/paymentMethodType".to_string(), ENUM_LIST, NotAValue(unknown::<PaymentMethodType>)),
        ("Wechat.json", "/productType".to_string(), ENUM_LIST, NotAValue(unknown::<WechatProductType>)),
        ("PaymentRequest.json", "/wechat/productType".to_string(), ENUM_LIST, NotAValue(unknown::<WechatProductType>)),
        (
            "ShippingTrackingRequest.json",
            "/shippingStatus".to_string(),
            ENUM_LIST,
            NotAValue(unknown::<ShippingStatus>),
        ),
        (
            "ShippingTrackingBatchRequest.json",
            "/0/shippingStatus".to_string(),
            ENUM_LIST,
            NotAValue(unknown::<ShippingStatus>),
        ),
        (
            "ShippingRetrieveResponse.json",
            "/shippingStatus".to_string(),
            ENUM_LIST,
            NotAValue(unknown::<ShippingStatus>),
        ),
        ("OrderInfoModel.json", "/orderStatus".to_string(), PLACEHOLDER, NotAValue(unknown::<OrderStatus>)),
        ("OrderInfoModel.json", "/paymentMethodType".to_string(), PLACEHOLDER, NotAValue(unknown::<PaymentMethodType>)),
        ("QueryResponse.json", "/order/orderStatus".to_string(), PLACEHOLDER, NotAValue(unknown::<OrderStatus>)),
        (
            "QueryResponse.json",
            "/order/paymentMethodType".to_string(),
            PLACEHOLDER,
            NotAValue(unknown::<PaymentMethodType>),
        ),
        ("RefundLogModel.json", "/refundStatus".to_string(), PLACEHOLDER, NotAValue(unknown::<RefundStatus>)),
        ("QueryResponse.json", "/refund/0/refundStatus".to_string(), PLACEHOLDER, NotAValue(unknown::<RefundStatus>)),
    ];
    // The billing example (shared by several schemas) lists the reasons and stored-credential modes.
    for (file, prefix) in [
        ("Billing.json", ""),
        ("PaymentRequest.json", "/billing"),
        ("MitPaymentRequest.json", "/billing"),
        ("QueryResponse.json", "/billing"),
    ] {
        let reason = format!("{prefix}/customerInitiatedReason");
        let stored = format!("{prefix}/storedcredentials");
        list.push((
            file,
            reason,
            "\"RECURRING/INSTALMENT/UNSCHEDULED\": every value in one string",
            NotAValue(unknown::<CustomerInitiatedReason>),
        ));
        list.push((
            file,
            stored,
            "\"none/store,default is none\": the values and the default in one string",
            NotAValue(unknown::<StoredCredentials>),
        ));
    }
    list
}

/// Checks one example against `T`: contradictions proven and patched, then
/// JSON -> `T` -> JSON gives the same value.
fn roundtrip<T: Serialize + DeserializeOwned + Debug>(file: &str) {
    let original = fixture(file);
    let mut patched = original.clone();
    let mut wrong_type = false;
    for (f, pointer, why, kind) in contradictions() {
        if f != file {
            continue;
        }
        let slot = patched.pointer_mut(&pointer).unwrap_or_else(|| panic!("{file}{pointer}: no such value ({why})"));
        match kind {
            Kind::WrongType(replacement) => {
                *slot = replacement;
                wrong_type = true;
            }
            Kind::NotAValue(is_unknown) => assert!(is_unknown(slot), "{file}{pointer}: expected Unknown ({why})"),
        }
    }
    if wrong_type {
        assert!(
            serde_json::from_value::<T>(original).is_err(),
            "{file}: the verbatim example should be rejected by the schema's types"
        );
    }
    let typed: T = serde_json::from_value(patched.clone()).unwrap_or_else(|e| panic!("{file}: {e}"));
    let back = serde_json::to_value(&typed).unwrap_or_else(|e| panic!("{file}: {e}"));
    assert_eq!(back, patched, "{file}: serializing gives a different JSON value");
}

#[test]
fn every_documented_example_round_trips_through_its_generated_type() {
    // Requests (serialized by the client, deserialized by the sandbox).
    roundtrip::<TokenRequest>("TokenRequest.json");
    roundtrip::<CashierOrderRequest>("CashierOrderRequest.json");
    roundtrip::<CancelRequest>("CancelRequest.json");
    roundtrip::<CaptureRequest>("CaptureRequest.json");
    roundtrip::<PaymentRequest>("PaymentRequest.json");
    roundtrip::<MitPaymentRequest>("MitPaymentRequest.json");
    roundtrip::<SubscriptionPaymentRequest>("SubscriptionPaymentRequest.json");
    roundtrip::<QueryRequest>("QueryRequest.json");
    roundtrip::<RefundQueryRequest>("QueryRequest.json");
    roundtrip::<RefundRequest>("RefundRequest.json");
    roundtrip::<ShippingRetrieveRequest>("ShippingRetrieveRequest.json");
    roundtrip::<ShippingTrackingRequest>("ShippingTrackingRequest.json");
    roundtrip::<ShippingTrackingBatchRequest>("ShippingTrackingBatchRequest.json");
    roundtrip::<ShippingTrackingModifyRequest>("ShippingTrackingModifyRequest.json");
    // Responses.
    roundtrip::<TokenResponse>("TokenResponse.json");
    roundtrip::<CashierOrderResponse>("CashierOrderResponse.json");
    roundtrip::<CancelResponse>("CancelResponse.json");
    roundtrip::<CaptureResponse>("CaptureResponse.json");
    roundtrip::<PaymentResponse>("PaymentResponse.json");
    roundtrip::<SubscriptionPaymentResponse>("SubscriptionPaymentResponse.json");
    roundtrip::<QueryResponse>("QueryResponse.json");
    roundtrip::<RefundResponse>("RefundResponse.json");
    roundtrip::<ShippingRetrieveResponse>("ShippingRetrieveResponse.json");
    roundtrip::<ShippingTrackingResponse>("ShippingTrackingResponse.json");
    // Nested schemas.
    roundtrip::<Address>("Address.json");
    roundtrip::<Alipay>("Alipay.json");
    roundtrip::<AlipayPlus>("AlipayPlus.json");
    roundtrip::<Billing>("Billing.json");
    roundtrip::<Browser>("Browser.json");
    roundtrip::<Card>("Card.json");
    roundtrip::<Ddc>("Ddc.json");
    roundtrip::<DeviceInfo>("DeviceInfo.json");
    roundtrip::<GrabPay>("GrabPay.json");
    roundtrip::<Location>("Location.json");
    roundtrip::<Mobile>("Mobile.json");
    roundtrip::<OrderCardApiModel>("OrderCardApiModel.json");
    roundtrip::<OrderInfoModel>("OrderInfoModel.json");
    roundtrip::<PayNow>("PayNow.json");
    roundtrip::<PayPal>("PayPal.json");
    roundtrip::<Phone>("Phone.json");
    roundtrip::<ProductInfo>("ProductInfo.json");
    roundtrip::<RefundLogModel>("RefundLogModel.json");
    roundtrip::<Shipping>("Shipping.json");
    roundtrip::<ShopeePay>("ShopeePay.json");
    roundtrip::<ThreeDsData>("ThreeDsData.json");
    roundtrip::<ThreeDsInfoDTO>("ThreeDsInfoDTO.json");
    roundtrip::<TrackingIterm>("TrackingIterm.json");
    roundtrip::<Upay>("Upay.json");
    roundtrip::<Wechat>("Wechat.json");
}

#[test]
fn every_fixture_is_checked_and_every_contradiction_applies() {
    let source = include_str!("models.rs");
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 48, "47 schema examples + the tracking-batch body");
    for f in &files {
        assert!(source.contains(&format!("(\"{f}\");")), "{f} is not round-tripped");
    }
    for (f, pointer, why, _) in contradictions() {
        assert!(fixture(f).pointer(&pointer).is_some(), "{f}{pointer} ({why}) does not exist");
    }
}

/// The example with its wrong-typed values replaced.
fn patched(file: &str) -> Value {
    let mut v = fixture(file);
    for (f, pointer, _, kind) in contradictions() {
        if let (true, Kind::WrongType(replacement), Some(slot)) = (f == file, kind, v.pointer_mut(&pointer)) {
            *slot = replacement;
        }
    }
    v
}

#[test]
fn typed_values_match_the_documented_examples() {
    let p: PaymentRequest = serde_json::from_value(patched("PaymentRequest.json")).expect("payment");
    assert_eq!(p.amount.to_string(), "199.68");
    assert_eq!(p.order_no, "20220828000002");
    assert_eq!(p.fraud_mode, Some(FraudMode::Y));
    let card = p.card.expect("card");
    assert_eq!(card.card_no.expose(), "6212454545454690");
    assert_eq!(card.capture_method, Some(CaptureMethod::Auto));
    assert_eq!(p.device_info.browser.java_enable, Some(false));
    assert_eq!(p.product_info.expect("products")[0].price.to_string(), "5.55");

    let q: QueryResponse = serde_json::from_value(fixture("QueryResponse.json")).expect("query response");
    let order = q.order.expect("order");
    assert_eq!(order.pay_amount.map(|a| a.to_string()), Some("0".to_string()));
    assert_eq!(order.pay_time.as_deref(), Some("2019-08-24T14:15:22Z"));

    let r: RefundResponse = serde_json::from_value(fixture("RefundResponse.json")).expect("refund response");
    assert_eq!(r.refund_status, RefundStatus::Accepted);
    let v: CancelResponse = serde_json::from_value(fixture("CancelResponse.json")).expect("void response");
    assert_eq!(v.order_status, Some(OrderStatus::Canceled));
    let c: CaptureResponse = serde_json::from_value(fixture("CaptureResponse.json")).expect("capture response");
    assert_eq!(c.order_status, Some(OrderStatus::Successed));
    let t: TokenResponse = serde_json::from_value(fixture("TokenResponse.json")).expect("token");
    assert_eq!(t.expires_in, Some(3600));
    assert_eq!(t.access_token.as_ref().map(|s| s.expose()), Some("凭证串"));
}

#[test]
fn endpoint_bindings_follow_the_documentation() {
    fn binding<E: Endpoint>() -> (&'static str, sign_core::Method, &'static str, bool) {
        (E::NAME, E::METHOD, E::PATH, E::IDEMPOTENT)
    }
    use sign_core::Method::Post;
    let all = [
        binding::<TokenRequest>(),
        binding::<CashierOrderRequest>(),
        binding::<CancelRequest>(),
        binding::<CaptureRequest>(),
        binding::<PaymentRequest>(),
        binding::<MitPaymentRequest>(),
        binding::<SubscriptionPaymentRequest>(),
        binding::<QueryRequest>(),
        binding::<RefundQueryRequest>(),
        binding::<RefundRequest>(),
        binding::<ShippingRetrieveRequest>(),
        binding::<ShippingTrackingRequest>(),
        binding::<ShippingTrackingBatchRequest>(),
        binding::<ShippingTrackingModifyRequest>(),
    ];
    assert_eq!(
        all,
        [
            ("token", Post, "/gateway/v1/connect/token", false),
            ("cashier_order", Post, "/gateway/v1/cashier/order", false),
            ("cancel", Post, "/gateway/v1/cancel", false),
            ("capture", Post, "/gateway/v1/capture", false),
            ("payment", Post, "/gateway/v1/payment", false),
            ("mit_payment", Post, "/gateway/v1/mitPayment", false),
            ("subscription_payment", Post, "/gateway/v1/subscriptionPayment", false),
            ("query", Post, "/gateway/v1/query", true),
            ("refund_query", Post, "/gateway/v1/refundQuery", true),
            ("refund", Post, "/gateway/v1/refund", false),
            ("shipping_retrieve", Post, "/gateway/v1/shipping/retrieve", true),
            ("shipping_tracking", Post, "/gateway/v1/shipping/tracking", false),
            ("shipping_tracking_batch", Post, "/gateway/v1/shipping/tracking-batch", false),
            ("shipping_tracking_modify", Post, "/gateway/v1/shipping/tracking-modify", false),
        ]
    );
    // The response type of each binding, checked by the compiler.
    fn response_is<E: Endpoint<Response = R>, R>() {}
    response_is::<PaymentRequest, PaymentResponse>();
    response_is::<MitPaymentRequest, SubscriptionPaymentResponse>();
    response_is::<RefundQueryRequest, RefundResponse>();
    response_is::<ShippingTrackingBatchRequest, ShippingTrackingResponse>();
    // Every endpoint's answer is reachable as `<Name>Response` (an alias where it is shared).
    response_is::<TokenRequest, TokenResponse>();
    response_is::<CancelRequest, CancelResponse>();
    response_is::<CashierOrderRequest, CashierOrderResponse>();
    response_is::<MitPaymentRequest, MitPaymentResponse>();
    response_is::<RefundQueryRequest, RefundQueryResponse>();
    response_is::<ShippingRetrieveRequest, ShippingRetrieveResponse>();
    response_is::<ShippingTrackingBatchRequest, ShippingTrackingBatchResponse>();
    response_is::<ShippingTrackingModifyRequest, ShippingTrackingModifyResponse>();
}

#[test]
fn enums_keep_unknown_values_and_write_them_back() {
    let m: PaymentMethodType = serde_json::from_value(json!("grabPay")).expect("enum");
    assert_eq!(m, PaymentMethodType::Unknown("grabPay".into()));
    assert_eq!(serde_json::to_value(&m).expect("ser"), json!("grabPay"));
    assert_eq!(PaymentMethodType::from("alipayPlus"), PaymentMethodType::AlipayPlus);
    assert_eq!(PaymentMethodType::AlipayPlus.as_str(), "alipayPlus");
    assert_eq!(ThreeDsMode::Standard.to_string(), "standard");
    assert_eq!(serde_json::to_value(StoredCredentials::None).expect("ser"), json!("none"));
    // A number is read as its text (a Java backend may send one); an object is still an error.
    assert_eq!(serde_json::from_value::<ThreeDsMode>(json!(1)).expect("number"), ThreeDsMode::Unknown("1".into()));
    assert!(serde_json::from_value::<ThreeDsMode>(json!({"mode": "standard"})).is_err());
}

#[test]
fn unknown_response_fields_are_ignored_and_missing_optionals_are_none() {
    let r: PaymentResponse = serde_json::from_value(json!({
        "amount": "1.00", "currency": "USD", "orderNo": "o1", "tradeNo": "t1", "newField": {"x": 1}
    }))
    .expect("payment response");
    assert_eq!(r.order_status, None);
    assert_eq!(r.trade_no, "t1");
    // A required response field that is missing is an error.
    assert!(serde_json::from_value::<PaymentResponse>(json!({"amount": "1.00", "currency": "USD"})).is_err());
}

#[test]
fn builders_set_required_fields_and_skip_unset_optionals() {
    let card = Card::new("4111111111111111", "12", "2030", "San", "Zhang").with_cvc("123");
    let device = DeviceInfo::new(Browser::new("Mozilla/5.0"), "10.1.1.1", "en-US");
    let payment = PaymentRequest::new(
        sign_core::Decimal::from_minor(19968, 2),
        "USD",
        device,
        "20220828000002",
        PaymentMethodType::Card,
    )
    .with_card(card)
    .with_three_ds_mode(ThreeDsMode::Auto);
    assert_eq!(
        serde_json::to_value(&payment).expect("ser"),
        json!({
            "amount": "199.68",
            "currency": "USD",
            "deviceInfo": {"browser": {"userAgent": "Mozilla/5.0"}, "clientIp": "10.1.1.1", "language": "en-US"},
            "orderNo": "20220828000002",
            "paymentMethodType": "card",
            "card": {"cardNo": "4111111111111111", "cvc": "123", "expiryMonth": "12", "expiryYear": "2030", "firstName": "San", "lastName": "Zhang"},
            "threeDsMode": "auto"
        })
    );
    let modify = ShippingTrackingModifyRequest::new(
        vec![TrackingIterm::new().with_op(TrackingOp::Replace).with_path("/status").with_value("CANCELLED")],
        "o1",
        "t1",
    );
    assert_eq!(
        serde_json::to_value(&modify).expect("ser"),
        json!({"iterms": [{"op": "replace", "path": "/status", "value": "CANCELLED"}], "orderNo": "o1", "trackingNo": "t1"})
    );
    // A request missing a required field is rejected when read (the sandbox side).
    assert!(
        serde_json::from_value::<RefundRequest>(json!({"amount": "1.00", "clientIp": "1.1.1.1", "reason": "x"}))
            .is_err()
    );
}

#[test]
fn secrets_never_appear_in_debug_output() {
    const PAN: &str = "4111111111111111";
    const CVC: &str = "737";
    const APP_SECRET: &str = "app-secret-value";
    const TOKEN: &str = "token-value-xyz";
    const TXN_ID: &str = "000000000000020005060720116005061";
    let card = Card::new(PAN, "12", "2030", "San", "Zhang").with_cvc(CVC);
    let device = DeviceInfo::new(Browser::new("ua"), "10.1.1.1", "en");
    let billing = Billing::new(Address::new("c", "HK", "l1", "p", "s"));
    let dumps = [
        format!("{card:?}"),
        format!(
            "{:?}",
            PaymentRequest::new(sign_core::Decimal::from_minor(1, 2), "USD", device, "o1", PaymentMethodType::Card)
                .with_card(card.clone())
        ),
        format!("{:?}", MitPaymentRequest::new(sign_core::Decimal::from_minor(1, 2), billing, card, "USD", "o1")),
        format!(
            "{:?}",
            SubscriptionPaymentRequest::new(sign_core::Decimal::from_minor(1, 2), "12", "2030", "o1")
                .with_card_no(PAN)
                .with_transaction_identifier(TXN_ID)
        ),
        format!("{:?}", TokenRequest::new("app", APP_SECRET)),
        format!("{:?}", TokenResponse::new("0000", "ok").with_access_token(TOKEN)),
        format!(
            "{:?}",
            PaymentResponse::new(sign_core::Decimal::from_minor(1, 2), "USD", "o1", "t1")
                .with_transaction_identifier(TXN_ID)
        ),
        format!(
            "{:?}",
            SubscriptionPaymentResponse::new(sign_core::Decimal::from_minor(1, 2), "USD", "o1", "t1")
                .with_transaction_identifier(TXN_ID)
        ),
    ];
    for d in &dumps {
        for secret in [PAN, CVC, APP_SECRET, TOKEN, TXN_ID] {
            assert!(!d.contains(secret), "secret in Debug output: {d}");
        }
    }
}
