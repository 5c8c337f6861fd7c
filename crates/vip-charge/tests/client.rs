//! What the client sends and how it reads every answer, against a loopback mockito server.
//!
//! Expected signatures come from md5sum / the OpenSSL CLI (commands in testdata/README.md).
#![cfg(feature = "ureq")]

use std::sync::Arc;
use std::time::Duration;

use mockito::Matcher;
use sign_core::{Endpoint, FixedClock, RetryPolicy};
use vip_charge::{
    BatchOrderItem, BatchOrderRequest, BusinessBalanceRequest, Client, Config, Error, NonceSource, OrderInfoRequest,
    ProductListRequest, SignType, VipChargeRequest,
};

const NONCE: &str = "0123456789abcdefghijABCDEFGHIJ01";
const TS: i64 = 1_628_772_138_668;
const CHARGE_BODY: &str =
    r#"{"merchantId":"166","businessId":"55","productCode":"87103","account":"w23b52","bizCode":"87103"}"#;
/// M1: md5sum, see testdata/README.md.
const M1: &str = "ED9176FEA4C560F9AC7C94604A79C6DD";
/// M2: openssl dgst -sha256 -sign merchant_private_key.pem | base64 -w0, see testdata/README.md.
const M2: &str = "hhSet+b3M82Z4Oj7ObXrE2pV4ATdkgqvh91YxnXqCZMCbotSKMc3ribD3t5p4uuw/EcyGqG6crjlvpaX/9SG7VEBzzNGZq/G5/SOPwxl7V9I3/o+PZar2xizDxYmnG2GcLTB648Uo0/3upAvcpZuw7TBz7XhAFXAvyUpcUTFkzt/7K+VhZNvziLPcaNFiRHWKSEm4+5aa12ub/k7IEdHHVVCZ806QSaS64LgV6Ge80CQeWJOpYpM8Epx6ugx1JRoWEYGZDli08/oWaG7+ftjSglLkpaesel+M85UKFTAtK5OxMahEJ3Bk0quCbAL4TORMHxhohCjZti2QLCimVtTyg==";
/// M3: the same without the signType header, over {"bizCode":"87103"}.
const M3: &str = "RbfXoWv7wJtVxD38HqVysQWDEWfTXfWi9pz3AO7/KAQpYER+n8/ASQBrpTYWo481eeHM6EfRE4MzePUJWd8BQ7SANhKwnNLkCfCYSt4MfF+xFwTFx4QCxxxbvjPOfTtBjHnvKRmax/9WViGyL7lpa0q+eXmRDSWy1RDms1i4XvmKQQeqHjyBm6gVR8bB6zcuM+4sjX33k8KNnf1TQdpndjQqeKZ/oBOa80zUfXAsfx6PISKMTwNPFyCvrhpRjO9Wc/AzghylvB6Jb6goG4pThESPp1w3x7PGikQNYI0Ze5h+p1nx0FPvOtKlAjfjkSwKI9hI5Hqq5uedUW91mxwTeQ==";

#[derive(Debug)]
struct FixedNonce;

impl NonceSource for FixedNonce {
    fn next_nonce(&self) -> String {
        NONCE.to_owned()
    }
}

fn md5_config(url: &str) -> vip_charge::ConfigBuilder {
    Config::builder().base_url(url).business_id("55").md5_secret_key("test-secret-key")
}

fn rsa_config(url: &str) -> vip_charge::ConfigBuilder {
    Config::builder()
        .base_url(url)
        .business_id("55")
        .rsa_private_key(include_str!("../testdata/merchant_private_key.pem"))
}

fn fixed(client: Client) -> Client {
    client.with_clock(Arc::new(FixedClock::from_unix_millis(TS))).with_nonce_source(Arc::new(FixedNonce))
}

fn client(config: vip_charge::ConfigBuilder) -> Client {
    fixed(Client::new(config.retry(RetryPolicy::none()).build().unwrap()))
}

fn charge() -> VipChargeRequest {
    VipChargeRequest::new("166", "55", "87103", "w23b52", "87103")
}

fn ok_order() -> String {
    r#"{"status":0,"message":"success","data":{"orderCode":"OC1","bizCode":"87103","account":"w23b52","settlementPrice":4.51}}"#.to_owned()
}

#[test]
fn vip_charge_md5_sends_exact_headers_and_body() {
    let mut server = mockito::Server::new();
    let mock = server
        .mock("POST", "/v1/openapi/order/VIPCharge")
        .match_header("content-type", "application/json; charset=utf-8")
        .match_header("accept", "application/json")
        .match_header("businessId", "55")
        .match_header("nonce", NONCE)
        .match_header("timestamp", "1628772138668")
        .match_header("signType", "MD5")
        .match_header("sign", M1)
        .match_body(Matcher::Exact(CHARGE_BODY.to_owned()))
        .with_body(ok_order())
        .expect(1)
        .create();
    let order = client(md5_config(&server.url())).vip_charge(&charge()).unwrap();
    mock.assert();
    assert_eq!(order.order_code, "OC1");
    assert_eq!(order.settlement_price.unwrap().to_string(), "4.51");
}

#[test]
fn vip_charge_rsa_sends_exact_headers_and_body() {
    let mut server = mockito::Server::new();
    let mock = server
        .mock("POST", "/v1/openapi/order/VIPCharge")
        .match_header("businessId", "55")
        .match_header("nonce", NONCE)
        .match_header("timestamp", "1628772138668")
        .match_header("signType", "SHA256-RSA")
        .match_header("sign", M2)
        .match_body(Matcher::Exact(CHARGE_BODY.to_owned()))
        .with_body(ok_order())
        .expect(1)
        .create();
    client(rsa_config(&server.url())).vip_charge(&charge()).unwrap();
    mock.assert();
}

#[test]
fn order_info_rsa_without_the_sign_type_header() {
    let mut server = mockito::Server::new();
    let mock = server
        .mock("POST", "/v1/openapi/order/info")
        .match_header("signType", Matcher::Missing)
        .match_header("sign", M3)
        .match_body(Matcher::Exact(r#"{"bizCode":"87103"}"#.to_owned()))
        .with_body(r#"{"status":0,"message":"ok","data":{"orderCode":"OC1","bizCode":"87103"}}"#)
        .create();
    let c = client(rsa_config(&server.url()).send_sign_type_header(false));
    let info = c.order_info(&OrderInfoRequest::by_biz_code("87103")).unwrap();
    mock.assert();
    assert_eq!(info.order_code.as_deref(), Some("OC1"));
}

#[test]
fn prepare_is_the_request_call_sends() {
    let c = client(md5_config("http://127.0.0.1:9"));
    let req = c.prepare(&charge()).unwrap();
    assert_eq!(req.url, "http://127.0.0.1:9/v1/openapi/order/VIPCharge");
    assert_eq!(req.body, CHARGE_BODY.as_bytes());
    assert_eq!(req.header("sign"), Some(M1));
    assert!(!req.idempotent, "a charge order must never be retried once sent");
    let info = c.prepare(&OrderInfoRequest::by_order_code("OC1")).unwrap();
    assert!(info.idempotent);
}

fn ok_data(data: &str) -> String {
    format!(r#"{{"status":0,"message":"ok","data":{data}}}"#)
}

#[test]
fn product_list_posts_to_its_path_and_reads_the_products() {
    let mut server = mockito::Server::new();
    let m = server
        .mock("POST", "/v1/openapi/order/product/list")
        .match_body(Matcher::Exact(r#"{"merchantId":"166"}"#.to_owned()))
        .with_body(ok_data(r#"[{"productCode":"87103","productName":"月卡","settlementPrice":19.9}]"#))
        .create();
    let c = client(md5_config(&server.url()));
    let products = c.product_list(&ProductListRequest::new("166")).unwrap();
    assert_eq!(products.products[0].product_code.as_deref(), Some("87103"));
    assert_eq!(products.products[0].settlement_price.unwrap().to_string(), "19.9");
    m.assert();
}

#[test]
fn business_balance_posts_to_its_path_and_reads_the_balance() {
    let mut server = mockito::Server::new();
    let m = server
        .mock("POST", "/v1/openapi/merchant/business/balance")
        .match_body(Matcher::Exact(r#"{"merchantId":"166","businessId":"55"}"#.to_owned()))
        .with_body(ok_data(r#"{"balance":1000.01}"#))
        .create();
    let c = client(md5_config(&server.url()));
    let balance = c.business_balance(&BusinessBalanceRequest::new("166", "55")).unwrap();
    assert_eq!(balance.balance.unwrap().to_string(), "1000.01");
    m.assert();
}

#[test]
fn batch_order_posts_to_its_path_and_returns_raw_json() {
    let mut server = mockito::Server::new();
    let m = server
        .mock("POST", "/v1/openapi/order/batch")
        .match_body(Matcher::Exact(
            r#"{"merchantId":"166","businessId":"55","batchBizCode":"B1","productCode":"87103","callbackUrl":"http://cb","itemList":[{"bizCode":"b1","account":"a1"}]}"#
                .to_owned(),
        ))
        .with_body(ok_data(r#"{"batchBizCode":"B1"}"#))
        .create();
    let c = client(md5_config(&server.url()));
    let batch = BatchOrderRequest::new("166", "55", "B1", "87103", vec![BatchOrderItem::new("b1", "a1")])
        .with_callback_url("http://cb");
    assert_eq!(c.batch_order(&batch).unwrap()["batchBizCode"], "B1");
    assert!(!c.prepare(&batch).unwrap().idempotent, "a batch order must never be retried once sent");
    m.assert();
}

#[test]
fn raw_call_is_signed_too() {
    let mut server = mockito::Server::new();
    let mock = server
        .mock("POST", "/v1/openapi/order/info")
        .match_header("sign", M1)
        .match_body(Matcher::Exact(CHARGE_BODY.to_owned()))
        .with_body(r#"{"status":0,"message":"ok","data":{"x":[1,2]}}"#)
        .create();
    let c = client(md5_config(&server.url()));
    let v: serde_json::Value = c.raw_call("/v1/openapi/order/info", &charge(), true).unwrap();
    assert_eq!(v["x"][1], 2);
    mock.assert();
    for bad in ["no-slash", "/v1/../admin", "//evil.example/x", "/v1/openapi/order/info?x=1", "/v1/订单"] {
        assert!(matches!(c.prepare_raw(bad, &charge(), true), Err(Error::InvalidRequest(_))), "{bad}");
    }
}

fn answer(status: usize, body: &str) -> Result<vip_charge::VipChargeResponse, Error> {
    let mut server = mockito::Server::new();
    let _m = server.mock("POST", "/v1/openapi/order/VIPCharge").with_status(status).with_body(body).create();
    client(md5_config(&server.url())).vip_charge(&charge())
}

#[test]
fn failure_envelopes_are_api_errors() {
    match answer(200, r#"{"status":2,"message":"验签失败"}"#) {
        Err(e @ Error::Api { status: 2, .. }) => assert!(e.is_signature_rejected()),
        other => panic!("{other:?}"),
    }
    match answer(200, r#"{"status":3,"message":"余额不足","data":null}"#) {
        Err(e @ Error::Api { status: 3, .. }) => {
            assert!(!e.is_signature_rejected());
            assert!(e.to_string().contains("余额不足"));
        }
        other => panic!("{other:?}"),
    }
    // Refusals stay definite: sending the same request again meets the same answer.
    let refused = answer(200, r#"{"status":3,"message":"余额不足"}"#).unwrap_err();
    assert_eq!(refused.outcome(), sign_core::Outcome::Definite);
}

/// A charge refused under an HTTP 5xx (a Spring error handler's answer), or with a message saying
/// the platform failed or the charge is still processing, may have been placed: outcome unknown,
/// the envelope's status and message kept.
#[test]
fn vip_charge_refusals_under_a_5xx_or_saying_processing_are_outcome_unknown() {
    for (http, body, unknown) in [
        (500, r#"{"status":500,"message":"系统异常"}"#, true),
        (503, r#"{"status":3,"message":"余额不足"}"#, true),
        (200, r#"{"status":500,"message":"系统繁忙,请稍后再试"}"#, true),
        (200, r#"{"status":1001,"message":"订单充值中"}"#, true),
        (200, r#"{"status":1,"message":"java.lang.NullPointerException"}"#, true),
        (200, r#"{"status":3,"message":"余额不足"}"#, false),
        (400, r#"{"status":2,"message":"验签失败"}"#, false),
    ] {
        let e = answer(http, body).unwrap_err();
        assert!(matches!(&e, Error::Api { http_status, .. } if usize::from(*http_status) == http), "{body}: {e:?}");
        assert_eq!(e.outcome_unknown(), unknown, "{http} {body}");
    }
}

#[test]
fn vip_charge_success_under_an_unconfigured_status_is_outcome_unknown() {
    // The document's example: status 961, message "success", an order in data. Under the default
    // success status it must not read as a refusal (that would invite a second recharge).
    let e = answer(200, r#"{"status":961,"message":"success","data":{"orderCode":"1"}}"#).unwrap_err();
    match &e {
        Error::UnconfirmedSuccess { status: 961, message, success_status: 0 } => assert_eq!(message, "success"),
        other => panic!("{other:?}"),
    }
    assert!(e.outcome_unknown());
    assert!(!e.is_signature_rejected());
    let text = e.to_string();
    assert!(text.contains("ConfigBuilder::success_status(961)"), "{text}");
    assert!(text.contains("look it up"), "{text}");
}

#[test]
fn vip_charge_parse_reads_success_looking_answers_as_outcome_unknown() {
    let c = client(md5_config("http://127.0.0.1:9"));
    let parse =
        |body: &str| c.parse::<VipChargeRequest>(&vip_charge::HttpResponse::json(200, body.as_bytes().to_vec()));
    // A success message alone, an order alone, a numeric-string status, a Chinese success message.
    for body in [
        r#"{"status":1,"message":"success"}"#,
        r#"{"status":200,"message":"","data":{"orderCode":"OC1","bizCode":"87103"}}"#,
        r#"{"status":"961","message":"SUCCESS","data":null}"#,
        r#"{"status":10000,"message":"下单成功","data":{"orderCode":20240001}}"#,
    ] {
        let e = parse(body).unwrap_err();
        assert!(matches!(e, Error::UnconfirmedSuccess { .. }), "{body}: {e:?}");
        assert!(e.outcome_unknown(), "{body}");
    }
    // Refusals without a success message or an order stay definite API errors.
    for body in [
        r#"{"status":2,"message":"验签失败"}"#,
        r#"{"status":5,"message":"商家订单号重复","data":{"bizCode":"87103"}}"#,
        r#"{"status":1,"message":"unsuccessful","data":null}"#,
    ] {
        let e = parse(body).unwrap_err();
        assert!(matches!(e, Error::Api { .. }), "{body}: {e:?}");
        assert!(!e.outcome_unknown(), "{body}");
    }
    // A 2xx answer that is no envelope at all, or a success without the order: outcome unknown.
    for body in ["<html>ok</html>", r#"{"message":"success"}"#, r#"{"status":0,"message":"ok","data":{}}"#] {
        assert!(parse(body).unwrap_err().outcome_unknown(), "{body}");
    }
}

#[test]
fn batch_order_with_orders_under_an_unconfigured_status_is_outcome_unknown() {
    let c = client(md5_config("http://127.0.0.1:9"));
    let body =
        r#"{"status":961,"message":"","data":{"batchBizCode":"B1","orderList":[{"orderCode":"OC1","bizCode":"b1"}]}}"#;
    let e = c.parse::<BatchOrderRequest>(&vip_charge::HttpResponse::json(200, body.as_bytes().to_vec())).unwrap_err();
    assert!(matches!(e, Error::UnconfirmedSuccess { status: 961, .. }), "{e:?}");
    assert!(e.outcome_unknown());
}

#[test]
fn vip_charge_reads_ids_as_strings_or_numbers() {
    let c = client(md5_config("http://127.0.0.1:9"));
    let parse =
        |data: &str| c.parse::<VipChargeRequest>(&vip_charge::HttpResponse::json(200, ok_data(data).into_bytes()));
    // Numbers where the document says string, and a decimal string where it says number.
    let order =
        parse(r#"{"orderCode":7100000000000001,"bizCode":87103,"account":15012616978,"settlementPrice":"4.51"}"#)
            .unwrap();
    assert_eq!(order.order_code, "7100000000000001");
    assert_eq!(order.biz_code.as_deref(), Some("87103"));
    assert_eq!(order.account.as_deref(), Some("15012616978"));
    assert_eq!(order.settlement_price.unwrap().to_string(), "4.51");
    // Only orderCode is needed; null and missing optional fields are absent.
    let order = parse(r#"{"orderCode":"OC1","bizCode":null,"settlementPrice":null}"#).unwrap();
    assert_eq!((order.biz_code, order.account, order.settlement_price), (None, None, None));
    // Without an orderCode the order cannot be identified: outcome unknown, never a refusal.
    let e = parse(r#"{"bizCode":"87103"}"#).unwrap_err();
    assert!(matches!(e, Error::Decode(_)) && e.outcome_unknown(), "{e:?}");
}

#[test]
fn order_info_reads_numeric_ids_and_tolerates_missing_fields() {
    let c = client(md5_config("http://127.0.0.1:9"));
    let parse =
        |data: &str| c.parse::<OrderInfoRequest>(&vip_charge::HttpResponse::json(200, ok_data(data).into_bytes()));
    let info = parse(r#"{"orderCode":7100000000000001,"bizCode":"B1","productCode":87103,"status":"FAILED"}"#).unwrap();
    assert_eq!(info.order_code.as_deref(), Some("7100000000000001"));
    assert_eq!(info.product_code.as_deref(), Some("87103"));
    assert_eq!((info.account, info.settlement_price), (None, None));
    let empty = parse("{}").unwrap();
    assert_eq!(empty.order_code, None);
}

#[test]
fn configured_success_status_is_honoured() {
    let mut server = mockito::Server::new();
    let _m = server
        .mock("POST", "/v1/openapi/order/VIPCharge")
        .with_body(r#"{"status":961,"message":"success","data":{"orderCode":"87103","settlementPrice":451}}"#)
        .create();
    let order = client(md5_config(&server.url()).success_status(961)).vip_charge(&charge()).unwrap();
    assert_eq!(order.order_code, "87103");
}

#[test]
fn bad_responses_are_typed_errors() {
    assert!(matches!(answer(200, "{not json"), Err(Error::Decode(_))));
    assert!(matches!(answer(200, ""), Err(Error::Decode(_))));
    assert!(matches!(answer(200, "<html><body>error</body></html>"), Err(Error::Decode(_))));
    assert!(matches!(answer(502, "<html>Bad Gateway</html>"), Err(Error::HttpStatus { status: 502 })));
    assert!(matches!(answer(404, ""), Err(Error::HttpStatus { status: 404 })));
    // Missing required field / missing data / wrong type.
    assert!(matches!(answer(200, r#"{"status":0,"message":"ok","data":{"bizCode":"1"}}"#), Err(Error::Decode(_))));
    assert!(matches!(answer(200, r#"{"status":0,"message":"ok"}"#), Err(Error::Decode(_))));
    assert!(matches!(
        answer(200, r#"{"status":0,"data":{"orderCode":"1","settlementPrice":"1e400"}}"#),
        Err(Error::Decode(_))
    ));
    assert!(matches!(answer(200, r#"{"status":"x","data":{}}"#), Err(Error::Decode(_))));
}

#[test]
fn a_huge_body_is_refused_by_the_transport() {
    let mut server = mockito::Server::new();
    let huge = format!(r#"{{"status":0,"message":"{}"}}"#, "x".repeat(200_000));
    let _m = server.mock("POST", "/v1/openapi/order/VIPCharge").with_body(huge).create();
    let c = fixed(Client::new(
        md5_config(&server.url()).max_response_bytes(64 * 1024).retry(RetryPolicy::none()).build().unwrap(),
    ));
    match c.vip_charge(&charge()) {
        Err(Error::Transport(e)) => assert_eq!(e.kind(), sign_core::TransportErrorKind::BodyTooLarge),
        other => panic!("{other:?}"),
    }
}

#[test]
fn parse_applies_the_response_size_limit_too() {
    // A response handed to the sans-IO `parse` by the caller's own HTTP client is capped like the
    // transport caps it.
    let body = ok_order();
    let c = client(md5_config("http://127.0.0.1:9").max_response_bytes(body.len() as u64 - 1));
    let r = c.parse::<VipChargeRequest>(&vip_charge::HttpResponse::json(200, body.clone().into_bytes()));
    assert!(matches!(r, Err(Error::Decode(_))), "{r:?}");
    let c = client(md5_config("http://127.0.0.1:9").max_response_bytes(body.len() as u64));
    assert!(c.parse::<VipChargeRequest>(&vip_charge::HttpResponse::json(200, body.into_bytes())).is_ok());
}

#[test]
fn charges_are_not_retried_but_queries_are() {
    let mut server = mockito::Server::new();
    let retry = RetryPolicy::new(2, Duration::from_millis(1), Duration::from_millis(2));
    let c = Client::new(md5_config(&server.url()).retry(retry).build().unwrap());
    let charge_mock = server.mock("POST", "/v1/openapi/order/VIPCharge").with_status(500).expect(1).create();
    assert!(matches!(c.vip_charge(&charge()), Err(Error::HttpStatus { status: 500 })));
    charge_mock.assert();
    let info_mock = server.mock("POST", "/v1/openapi/order/info").with_status(503).expect(3).create();
    assert!(matches!(c.order_info(&OrderInfoRequest::by_order_code("1")), Err(Error::HttpStatus { status: 503 })));
    info_mock.assert();
}

#[test]
fn nonces_differ_per_request_by_default() {
    let c = Client::new(md5_config("http://127.0.0.1:9").build().unwrap());
    let mut seen = std::collections::HashSet::new();
    for _ in 0..500 {
        let r = c.prepare(&charge()).unwrap();
        assert!(seen.insert(r.header("nonce").unwrap().to_owned()));
    }
}

#[test]
fn bad_requests_fail_before_sending() {
    let c = client(md5_config("http://127.0.0.1:9"));
    assert!(matches!(c.order_info(&OrderInfoRequest::new()), Err(Error::InvalidRequest(_))));
    assert!(matches!(c.vip_charge(&VipChargeRequest::new("166", "55", "", "a", "b")), Err(Error::InvalidRequest(_))));
    let empty = BatchOrderRequest::new("166", "55", "B1", "87103", vec![]);
    assert!(matches!(c.batch_order(&empty), Err(Error::InvalidRequest(_))));
    // The message names the endpoint and the field, never a value.
    match c.vip_charge(&VipChargeRequest::new("166", "55", "87103", " ", "b")) {
        Err(Error::InvalidRequest(m)) => assert_eq!(m, "vip_charge: account must not be blank"),
        other => panic!("{other:?}"),
    }
    assert!(Error::InvalidRequest(String::new()).outcome().is_not_sent());
}

/// The message of a request the docs' constraints refuse (`Endpoint::validate`, no client).
fn refused<E: Endpoint>(request: &E) -> String {
    request.validate().expect_err("refused").message().to_owned()
}

#[test]
fn requests_are_checked_by_the_constraints_of_the_docs() {
    // Every required string of a charge, blank or only whitespace.
    for (i, field) in ["merchantId", "businessId", "productCode", "account", "bizCode"].into_iter().enumerate() {
        for blank in ["", " \t"] {
            let mut v = ["166", "55", "87103", "w23b52", "87103"];
            v[i] = blank;
            let r = VipChargeRequest::new(v[0], v[1], v[2], v[3], v[4]);
            assert_eq!(refused(&r), format!("vip_charge: {field} must not be blank"));
        }
    }
    assert!(charge().validate().is_ok());
    // A batch: its required strings, at least one item, and each item's strings.
    for (i, field) in ["merchantId", "businessId", "batchBizCode", "productCode"].into_iter().enumerate() {
        let mut v = ["166", "55", "B1", "87103"];
        v[i] = " ";
        let r = BatchOrderRequest::new(v[0], v[1], v[2], v[3], vec![BatchOrderItem::new("b1", "acc")]);
        assert_eq!(refused(&r), format!("batch_order: {field} must not be blank"));
    }
    let batch = |items| BatchOrderRequest::new("166", "55", "B1", "87103", items);
    assert_eq!(refused(&batch(vec![])), "batch_order: itemList must have at least 1 item");
    let second_blank = vec![BatchOrderItem::new("b1", "acc"), BatchOrderItem::new("b2", " ")];
    assert_eq!(refused(&batch(second_blank)), "batch_order: itemList[1].account must not be blank");
    assert_eq!(
        refused(&batch(vec![BatchOrderItem::new("", "acc")])),
        "batch_order: itemList[0].bizCode must not be blank"
    );
    assert!(batch(vec![BatchOrderItem::new("b1", "acc")]).validate().is_ok());
    // Order info: an orderCode or a bizCode, not blank.
    let neither = "order_info: orderCode or bizCode must be given (not blank)";
    assert_eq!(refused(&OrderInfoRequest::new()), neither);
    assert_eq!(refused(&OrderInfoRequest::by_biz_code(" ")), neither);
    assert_eq!(refused(&OrderInfoRequest::by_order_code("").with_biz_code("")), neither);
    assert!(OrderInfoRequest::by_order_code("OC1").validate().is_ok());
    assert!(OrderInfoRequest::by_biz_code("B1").validate().is_ok());
    assert!(OrderInfoRequest::by_order_code(" ").with_biz_code("B1").validate().is_ok());
    // The queries' ids.
    assert_eq!(refused(&ProductListRequest::new("\n")), "product_list: merchantId must not be blank");
    assert!(ProductListRequest::new("166").validate().is_ok());
    assert_eq!(refused(&BusinessBalanceRequest::new("", "55")), "business_balance: merchantId must not be blank");
    assert_eq!(refused(&BusinessBalanceRequest::new("166", " ")), "business_balance: businessId must not be blank");
    assert!(BusinessBalanceRequest::new("166", "55").validate().is_ok());
}

#[test]
fn sans_io_prepare_checks_requests_like_the_named_methods() {
    // An async user who only prepares and sends gets the same checks as the blocking methods.
    let c = client(md5_config("http://127.0.0.1:9"));
    let bad = |r: Result<vip_charge::HttpRequest, Error>| matches!(r, Err(Error::InvalidRequest(_)));
    assert!(bad(c.prepare(&VipChargeRequest::new("166", "55", "", "a", "b"))));
    assert!(bad(c.prepare(&VipChargeRequest::new("166", "55", "87103", " ", "b"))));
    assert!(bad(c.prepare(&OrderInfoRequest::new())));
    assert!(bad(c.prepare(&OrderInfoRequest::by_biz_code(""))));
    assert!(bad(c.prepare(&ProductListRequest::new(""))));
    assert!(bad(c.prepare(&BusinessBalanceRequest::new("166", ""))));
    assert!(bad(c.prepare(&BatchOrderRequest::new("166", "55", "B1", "87103", vec![]))));
    let blank_item = vec![BatchOrderItem::new("", "acc")];
    assert!(bad(c.prepare(&BatchOrderRequest::new("166", "55", "B1", "87103", blank_item))));
    // Valid requests still prepare.
    assert!(c.prepare(&charge()).is_ok());
    assert!(c.prepare(&OrderInfoRequest::by_order_code("OC1")).is_ok());
}

#[test]
fn connection_refused_is_a_transport_error() {
    // Port 9 (discard) on loopback: nothing listens in the test environment.
    let c = client(md5_config("http://127.0.0.1:9"));
    match c.vip_charge(&charge()) {
        Err(Error::Transport(e)) => assert!(e.kind().request_not_sent()),
        Err(Error::Timeout(_)) => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn sign_type_is_reported() {
    let c = client(rsa_config("http://127.0.0.1:9"));
    assert_eq!(c.config().sign_type(), SignType::Sha256Rsa);
}

#[test]
fn vip_charge_builder_names_every_field_and_the_missing_one() {
    // Five positional strings are easy to swap; the builder names each one.
    let built = VipChargeRequest::builder()
        .merchant_id("166")
        .business_id("55")
        .product_code("87103")
        .account("w23b52")
        .biz_code("87103")
        .build()
        .expect("all required fields set");
    assert_eq!(built, VipChargeRequest::new("166", "55", "87103", "w23b52", "87103"));
    let missing = VipChargeRequest::builder().merchant_id("166").business_id("55").account("a").biz_code("b").build();
    assert_eq!(missing.unwrap_err().message(), "VipChargeRequest: productCode must be set");
}
