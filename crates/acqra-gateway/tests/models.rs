//! Every JSON example of the provider's documentation against the models generated from
//! `docs/acqra-gateway/`: each deserializes into its generated type and serializes back to the same
//! JSON value.
//!
//! The fixtures are the provider's examples copied verbatim, each named after the type it
//! round-trips (`tests/fixtures/README.md` gives the provider's schema and line range of each).
//! Where an example's shape contradicts its schema (`"matedata": "K-V"` for an object, `"trackings":
//! "ids"` for an array), the model takes both shapes, so the verbatim example round-trips
//! ([`SHAPES`] names them and checks how each was read; `trackings` is written back as the array). Where an example lists every
//! value of an enum in one string, it is listed in [`contradictions`] with the reason, and the test
//! proves the value lands in the enum's `Unknown` catch-all.

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

/// `(fixture, JSON pointer, why, the check that the value landed in `Unknown`)`.
type Contradiction = (&'static str, String, &'static str, fn(&Value) -> bool);

fn unknown<T: DeserializeOwned + Debug>(v: &Value) -> bool {
    match serde_json::from_value::<T>(v.clone()) {
        Ok(t) => format!("{t:?}").starts_with("Unknown("),
        Err(_) => false,
    }
}

const ENUM_LIST: &str = "the example lists every allowed value in one string, not one value";
const PLACEHOLDER: &str = "the example shows the placeholder \"string\", not one of the values";

/// Examples whose shape differs from the schema's, each read in the example's shape: `(fixture,
/// JSON pointer, the model's view of the value is the example's string)`.
const SHAPES: [(&str, &str, &str); 5] = [
    ("ShippingRetrieveRequest.json", "/matedata", "\"matedata\": \"K-V\", the schema says an object"),
    ("ShippingTrackingModifyRequest.json", "/matedata", "\"matedata\": \"K-V\", the schema says an object"),
    ("PayPal.json", "/metadata", "\"metadata\": \"key-value\", the schema says an object"),
    ("PaymentRequest.json", "/paypal/metadata", "\"metadata\": \"key-value\", the schema says an object"),
    ("ShippingTrackingResponse.json", "/trackings", "\"trackings\": \"ids\", the schema says an array"),
];

#[test]
fn documented_string_examples_of_object_and_array_fields_are_read() {
    for (file, pointer, why) in SHAPES {
        let example = fixture(file).pointer(pointer).cloned().unwrap_or_else(|| panic!("{file}{pointer}"));
        assert!(example.is_string(), "{file}{pointer}: {why}");
    }
    let retrieve: ShippingRetrieveRequest = serde_json::from_value(fixture("ShippingRetrieveRequest.json")).unwrap();
    assert_eq!(retrieve.matedata.as_text(), Some("K-V"));
    let modify: ShippingTrackingModifyRequest =
        serde_json::from_value(fixture("ShippingTrackingModifyRequest.json")).unwrap();
    assert_eq!(modify.matedata.and_then(|m| m.as_text().map(str::to_owned)).as_deref(), Some("K-V"));
    let paypal: PayPal = serde_json::from_value(fixture("PayPal.json")).unwrap();
    assert_eq!(paypal.metadata, Some(acqra_gateway::Metadata::Text("key-value".into())));
    let payment: PaymentRequest = serde_json::from_value(fixture("PaymentRequest.json")).unwrap();
    assert_eq!(payment.paypal.and_then(|p| p.metadata), Some(acqra_gateway::Metadata::Text("key-value".into())));
    let tracking: ShippingTrackingResponse = serde_json::from_value(fixture("ShippingTrackingResponse.json")).unwrap();
    // The generated lenient reader takes one string as a one-item list (and writes a list back).
    assert_eq!(tracking.trackings, Some(vec!["ids".to_owned()]));
    // The schema's shapes are read too.
    let object = json!({"matedata": {"K": "V"}, "orderNo": "o1", "trackingNo": "t1"});
    let retrieve: ShippingRetrieveRequest = serde_json::from_value(object).unwrap();
    assert_eq!(retrieve.matedata.as_object().map(|m| m.len()), Some(1));
    let list: ShippingTrackingResponse = serde_json::from_value(json!({"trackings": ["a", "b"]})).unwrap();
    assert_eq!(list.trackings.map(|t| t.len()), Some(2));
}

fn contradictions() -> Vec<Contradiction> {
    let mut list: Vec<Contradiction> = vec![
        ("CashierOrderRequest.json", "/threeDsMode".to_string(), ENUM_LIST, unknown::<ThreeDsMode>),
        ("PaymentRequest.json", "/threeDsMode".to_string(), ENUM_LIST, unknown::<ThreeDsMode>),
        ("SubscriptionPaymentRequest.json", "/threeDsMode".to_string(), ENUM_LIST, unknown::<ThreeDsMode>),
        ("PaymentRequest.json", "/paymentMethodType".to_string(), ENUM_LIST, unknown::<PaymentMethodType>),
        ("QueryRequest.json", "/paymentMethodType".to_string(), ENUM_LIST, unknown::<PaymentMethodType>),
        ("Wechat.json", "/productType".to_string(), ENUM_LIST, unknown::<WechatProductType>),
        ("PaymentRequest.json", "/wechat/productType".to_string(), ENUM_LIST, unknown::<WechatProductType>),
        ("ShippingTrackingRequest.json", "/shippingStatus".to_string(), ENUM_LIST, unknown::<ShippingStatus>),
        ("ShippingTrackingBatchRequest.json", "/0/shippingStatus".to_string(), ENUM_LIST, unknown::<ShippingStatus>),
        ("ShippingRetrieveResponse.json", "/shippingStatus".to_string(), ENUM_LIST, unknown::<ShippingStatus>),
        ("OrderInfoModel.json", "/orderStatus".to_string(), PLACEHOLDER, unknown::<OrderStatus>),
        ("OrderInfoModel.json", "/paymentMethodType".to_string(), PLACEHOLDER, unknown::<PaymentMethodType>),
        ("QueryResponse.json", "/order/orderStatus".to_string(), PLACEHOLDER, unknown::<OrderStatus>),
        ("QueryResponse.json", "/order/paymentMethodType".to_string(), PLACEHOLDER, unknown::<PaymentMethodType>),
        ("RefundLogModel.json", "/refundStatus".to_string(), PLACEHOLDER, unknown::<RefundStatus>),
        ("QueryResponse.json", "/refund/0/refundStatus".to_string(), PLACEHOLDER, unknown::<RefundStatus>),
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
            unknown::<CustomerInitiatedReason>,
        ));
        list.push((
            file,
            stored,
            "\"none/store,default is none\": the values and the default in one string",
            unknown::<StoredCredentials>,
        ));
    }
    list
}

/// Checks one example against `T`: its enum contradictions land in `Unknown`, then
/// JSON -> `T` -> JSON gives the same value.
fn roundtrip<T: Serialize + DeserializeOwned + Debug>(file: &str) {
    let original = fixture(file);
    for (f, pointer, why, is_unknown) in contradictions() {
        if f != file {
            continue;
        }
        let slot = original.pointer(&pointer).unwrap_or_else(|| panic!("{file}{pointer}: no such value ({why})"));
        assert!(is_unknown(slot), "{file}{pointer}: expected Unknown ({why})");
    }
    let typed: T = serde_json::from_value(original.clone()).unwrap_or_else(|e| panic!("{file}: {e}"));
    let back = serde_json::to_value(&typed).unwrap_or_else(|e| panic!("{file}: {e}"));
    assert_eq!(back, written_back(file), "{file}: serializing gives a different JSON value");
}

/// The example as the model writes it back: the same JSON, except `"trackings": "ids"`, read as a
/// one-item list and written as the schema's array.
fn written_back(file: &str) -> Value {
    let mut v = fixture(file);
    // Not a let-chain: the crates' rust-version (1.85) predates them.
    if file == "ShippingTrackingResponse.json" {
        if let Some(slot) = v.pointer_mut("/trackings") {
            *slot = json!([slot.clone()]);
        }
    }
    v
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
    for (f, pointer, why) in SHAPES {
        assert!(fixture(f).pointer(pointer).is_some(), "{f}{pointer} ({why}) does not exist");
    }
}

#[test]
fn typed_values_match_the_documented_examples() {
    let p: PaymentRequest = serde_json::from_value(fixture("PaymentRequest.json")).expect("payment");
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
        acqra_gateway::Currency::USD,
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
            PaymentRequest::new(
                sign_core::Decimal::from_minor(1, 2),
                acqra_gateway::Currency::USD,
                device,
                "o1",
                PaymentMethodType::Card
            )
            .with_card(card.clone())
        ),
        format!(
            "{:?}",
            MitPaymentRequest::new(
                sign_core::Decimal::from_minor(1, 2),
                billing,
                card,
                acqra_gateway::Currency::USD,
                "o1"
            )
        ),
        format!(
            "{:?}",
            SubscriptionPaymentRequest::new(sign_core::Decimal::from_minor(1, 2), "12", "2030", "o1")
                .with_card_no(PAN)
                .with_transaction_identifier(TXN_ID)
        ),
        format!("{:?}", TokenRequest::new("app", APP_SECRET)),
        format!("{:?}", TokenResponse::new("0000").with_resp_msg("ok").with_access_token(TOKEN)),
        format!(
            "{:?}",
            PaymentResponse::new(sign_core::Decimal::from_minor(1, 2), acqra_gateway::Currency::USD, "o1", "t1")
                .with_transaction_identifier(TXN_ID)
        ),
        format!(
            "{:?}",
            SubscriptionPaymentResponse::new(
                sign_core::Decimal::from_minor(1, 2),
                acqra_gateway::Currency::USD,
                "o1",
                "t1"
            )
            .with_transaction_identifier(TXN_ID)
        ),
    ];
    for d in &dumps {
        for secret in [PAN, CVC, APP_SECRET, TOKEN, TXN_ID] {
            assert!(!d.contains(secret), "secret in Debug output: {d}");
        }
    }
}
