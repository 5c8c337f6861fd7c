//! The client against mockito: exact envelopes sent (signatures from the Python vectors), every
//! failure envelope and every bad response.

mod common;

use std::io::Read;
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use chainup_opay::{
    CancelOrderRequest, Client, Config, ConfigBuilder, CreateThirdOrderRequest, Endpoint, Error, FixedClock,
    HttpOptions, HttpRequest, HttpResponse, MerchantBillingDayRequest, OrderDetailRequest, OrderStatus, OrderType,
    Outcome, Payer, PrivateKey, PublicKey, RetryPolicy, TimeFormat, Transport,
};
use common::*;
use mockito::Matcher;
use serde_json::json;
use sign_core::KeyError;
use sign_core::call::MAX_PROVIDER_TEXT_CHARS;
use sign_core::{TransportError, TransportErrorKind};
use std::sync::Mutex;

const CREATE_PATH: &str = "/platformapi/chainup/open/opay/createThirdOrder";

fn vector_sign(i: usize) -> String {
    fixtures()["sign_vectors"][i]["sign"].as_str().unwrap().to_owned()
}

fn vector_plaintext(i: usize) -> String {
    fixtures()["sign_vectors"][i]["plaintext"].as_str().unwrap().to_owned()
}

fn sent_json(request: &HttpRequest) -> serde_json::Value {
    serde_json::from_slice(&request.body).unwrap()
}

/// The business JSON of a prepared request, opened as the platform does (test keys).
fn open_request(request: &HttpRequest) -> String {
    let envelope = sent_json(request);
    let platform = PrivateKey::parse(&testdata("platform_private.pem")).unwrap();
    let merchant = PublicKey::parse(&testdata("merchant_public.b64")).unwrap();
    let plaintext = chainup_opay::auth::open(
        envelope["data"].as_str().unwrap(),
        envelope["sign"].as_str().unwrap(),
        &platform,
        &merchant,
    )
    .unwrap();
    String::from_utf8(plaintext.to_vec()).unwrap()
}

fn create_request() -> CreateThirdOrderRequest {
    CreateThirdOrderRequest::for_payer(
        Payer::UserId("22033390".into()),
        "11321",
        sign_core::Decimal::from(10),
        "BTC",
        "https://www.google.com",
        "https://www.google.com",
    )
}

/// A response sealed by the platform (test key) around `plaintext`.
fn platform_response(plaintext: &str) -> String {
    let merchant_pub = sign_core::rsa::PublicKey::parse(&testdata("merchant_public.b64")).unwrap();
    let platform = sign_core::rsa::PrivateKey::parse(&testdata("platform_private.pem")).unwrap();
    let (data, sign) = chainup_opay::auth::seal(plaintext.as_bytes(), &merchant_pub, &platform).unwrap();
    json!({"code": "0", "msg": "succ", "data": data, "sign": sign}).to_string()
}

#[test]
fn create_third_order_sends_the_exact_envelope_and_reads_the_order_number() {
    // The business JSON carries the configured appKey by default: the Python vector for exactly
    // `{"appKey":"test-app-key","appOrderId":"11321",...}`.
    assert!(vector_plaintext(5).starts_with(r#"{"appKey":"test-app-key","appOrderId":"11321","#));
    let mut server = mockito::Server::new();
    let mock = server
        .mock("POST", CREATE_PATH)
        .match_header("content-type", "application/json")
        // `time* String` in the document's table: the milliseconds as a JSON string.
        .match_body(Matcher::PartialJson(
            json!({"app_id": APP_KEY, "sign": vector_sign(5), "time": NOW_MS.to_string()}),
        ))
        .with_status(200)
        .with_body(fixtures()["response_short"]["body"].as_str().unwrap())
        .create();
    let created = client_at(&server.url()).create_third_order(&create_request()).unwrap();
    mock.assert();
    assert_eq!(created.order_num, "10000000002");
}

#[test]
fn create_third_order_app_key_can_be_turned_off_and_an_explicit_one_is_kept() {
    // Off: exactly the request's own fields (the Python vector without appKey).
    let off = Client::new(builder("https://service.example.com").create_third_order_app_key(false).build().unwrap())
        .with_clock(Arc::new(FixedClock::from_unix_millis(NOW_MS)));
    assert!(!off.config().create_third_order_app_key());
    let sent = sent_json(&off.prepare(&create_request()).unwrap());
    assert_eq!(sent["sign"], vector_sign(3));
    // On (the default), a value set on the request is sent as set, once.
    let client = offline_client();
    assert!(client.config().create_third_order_app_key());
    let explicit = create_request().with_app_key("another-key");
    let plaintext = open_request(&client.prepare(&explicit).unwrap());
    assert_eq!(plaintext.matches("appKey").count(), 1, "{plaintext}");
    assert_eq!(serde_json::from_str::<serde_json::Value>(&plaintext).unwrap()["appKey"], "another-key");
    // Only createThirdOrder gets it, under its configured path too.
    let moved = Client::new(
        builder("https://service.example.com").path("create_third_order", "/opay/createThirdOrder").build().unwrap(),
    );
    let plaintext = open_request(&moved.prepare(&create_request()).unwrap());
    assert_eq!(serde_json::from_str::<serde_json::Value>(&plaintext).unwrap()["appKey"], APP_KEY);
    assert_eq!(open_request(&client.prepare(&CancelOrderRequest::new("1")).unwrap()), r#"{"orderNum":"1"}"#);
    let raw = client.prepare_raw(CREATE_PATH, &json!({}), false).unwrap();
    assert_eq!(open_request(&raw), r#"{"appKey":"test-app-key"}"#);
}

#[test]
fn order_detail_sends_the_python_signature_and_reads_the_order() {
    let mut server = mockito::Server::new();
    let detail_mock = server
        .mock("POST", "/platformapi/chainup/open/opay/orderDetail")
        .match_body(Matcher::PartialJson(json!({"sign": vector_sign(1)})))
        .with_body(fixtures()["response_long_std_base64"]["body"].as_str().unwrap())
        .create();
    let detail = client_at(&server.url()).order_detail(&OrderDetailRequest::new(APP_KEY, "10000000002")).unwrap();
    detail_mock.assert();
    assert_eq!(detail.order_num, "10000000002");
}

#[test]
fn create_third_order_reads_the_order_number_as_a_string_or_a_number() {
    let client = offline_client();
    for body in [r#"{"orderNum":10000000002}"#, r#"{"orderNum":"10000000002"}"#] {
        let created =
            client.parse::<CreateThirdOrderRequest>(&HttpResponse::json(200, platform_response(body))).unwrap();
        assert_eq!(created.order_num, "10000000002", "{body}");
    }
}

#[test]
fn order_detail_reads_numbers_for_ids_statuses_and_times_and_tolerates_missing_fields() {
    let client = offline_client();
    let numbers = r#"{"appOrderId":11321,"orderNum":10000000002,"orderStatus":3,"orderAmount":10.5,
        "payCoinSymbol":"USDT","userId":22033390,"ctime":1700000000000,"appKey":"k","showPrecision":8,
        "googleStatus":0,"isOpenMobileCheck":false,"totalAccount":[{"accountName":"a","accountType":1,"accountBalance":0.5}]}"#;
    let d = client.parse::<OrderDetailRequest>(&HttpResponse::json(200, platform_response(numbers))).unwrap();
    assert_eq!((d.order_num.as_str(), d.order_status.clone()), ("10000000002", OrderStatus::Paid));
    assert_eq!(d.app_order_id.as_deref(), Some("11321"));
    assert_eq!(d.user_id.as_deref(), Some("22033390"));
    assert_eq!(d.ctime.as_deref(), Some("1700000000000"));
    assert_eq!(d.order_amount.unwrap().to_string(), "10.5");
    assert_eq!(d.show_precision.as_deref(), Some("8"));
    assert_eq!(d.is_open_mobile_check.as_deref(), Some("false"));
    let account = &d.total_account.unwrap()[0];
    assert_eq!(account.account_type.as_deref(), Some("1"));
    assert_eq!(account.account_balance.unwrap().to_string(), "0.5");
    // Only what the query cannot do without; a status no document lists is kept, not refused.
    let minimal = client
        .parse::<OrderDetailRequest>(&HttpResponse::json(
            200,
            platform_response(r#"{"orderNum":"7","orderStatus":"9"}"#),
        ))
        .unwrap();
    assert_eq!(minimal.order_status, OrderStatus::Unknown("9".into()));
    assert_eq!((minimal.app_order_id, minimal.total_account, minimal.order_amount), (None, None, None));
    // A Java or PHP backend's absent amount: `""` or `[]`, read as absent.
    let empty = r#"{"orderNum":"7","orderStatus":"1","orderAmount":"","totalAccount":[{"accountBalance":[]}]}"#;
    let d = client.parse::<OrderDetailRequest>(&HttpResponse::json(200, platform_response(empty))).unwrap();
    assert_eq!((d.order_amount, d.total_account.unwrap()[0].account_balance), (None, None));
    // Without a status the answer says nothing: outcome unknown, not a refusal.
    let e = client
        .parse::<OrderDetailRequest>(&HttpResponse::json(200, platform_response(r#"{"orderNum":"7"}"#)))
        .unwrap_err();
    assert!(matches!(e, Error::Decode(_)) && e.outcome_unknown(), "{e:?}");
}

#[test]
fn merchant_billing_day_reads_order_types_counts_and_ids_as_strings_or_numbers() {
    let client = offline_client();
    let body = r#"{"count":"3","list":[
        {"merchantUserId":55,"appOrderId":11321,"orderType":1,"orderAmount":10,"userId":22033390,"createTime":1700000000000},
        {"orderType":"11","payTime":"2099-01-01 10:00:00"},
        {"orderType":7}]}"#;
    let day = client.parse::<MerchantBillingDayRequest>(&HttpResponse::json(200, platform_response(body))).unwrap();
    assert_eq!(day.count, Some(3));
    let list = day.list.unwrap();
    let types: Vec<_> = list.iter().map(|r| r.order_type.clone().unwrap()).collect();
    assert_eq!(types, [OrderType::Payment, OrderType::Transfer, OrderType::Unknown("7".into())]);
    assert_eq!(list[0].merchant_user_id.as_deref(), Some("55"));
    assert_eq!(list[0].app_order_id.as_deref(), Some("11321"));
    assert_eq!(list[0].user_id.as_deref(), Some("22033390"));
    assert_eq!(list[0].create_time.as_deref(), Some("1700000000000"));
    // A count sent as a number, as an empty string or not at all.
    for (body, count) in [(r#"{"count":0,"list":[]}"#, Some(0)), (r#"{"count":""}"#, None), ("{}", None)] {
        let day = client.parse::<MerchantBillingDayRequest>(&HttpResponse::json(200, platform_response(body))).unwrap();
        assert_eq!(day.count, count, "{body}");
    }
}

#[test]
fn merchant_billing_day_sends_the_python_signature_and_reads_the_records() {
    let mut server = mockito::Server::new();
    let day_mock = server
        .mock("POST", "/platformapi/chainup/open/opay/merchantBillingDay")
        .match_body(Matcher::PartialJson(json!({"sign": vector_sign(4)})))
        .with_body(platform_response(
            r#"{"count":1,"list":[{"appOrderId":"11321","orderAmount":"10","orderType":"1","payTime":"2099-01-01 10:00:00"}]}"#,
        ))
        .create();
    let client = client_at(&server.url());
    let req = MerchantBillingDayRequest::new()
        .with_order_type(OrderType::Payment)
        .with_day("2099-01-01")
        .with_page_num("1")
        .with_page_size("200");
    let day = client.merchant_billing_day(&req).unwrap();
    day_mock.assert();
    assert_eq!(day.count, Some(1));
    let list = day.list.unwrap();
    assert_eq!(list[0].order_type, Some(OrderType::Payment));
    assert_eq!(list[0].pay_time.as_ref().unwrap(), "2099-01-01 10:00:00");
}

#[test]
fn cancel_order_path_is_configurable_and_time_can_be_a_number() {
    let mut server = mockito::Server::new();
    let mock = server
        .mock("POST", "/platformapi/chainup/open/opay/cancelOrder")
        .match_body(Matcher::PartialJson(json!({"sign": vector_sign(0), "time": NOW_MS})))
        .with_body(r#"{"code":"0","msg":"succ"}"#)
        .create();
    let config = builder(&server.url())
        .path("cancel_order", "/platformapi/chainup/open/opay/cancelOrder")
        .time_format(TimeFormat::Number)
        .build()
        .unwrap();
    let client = Client::new(config).with_clock(Arc::new(FixedClock::from_unix_millis(NOW_MS)));
    let out = client.cancel_order(&CancelOrderRequest::new("1")).unwrap();
    mock.assert();
    assert_eq!(out, serde_json::Value::Null);
}

#[test]
fn invalid_requests_are_refused_before_sending() {
    let client = offline_client();
    let no_payer = CreateThirdOrderRequest::new("1", sign_core::Decimal::from(1), "BTC", "https://r", "https://n");
    assert!(matches!(client.prepare(&no_payer), Err(Error::InvalidRequest(_))));
    assert!(matches!(client.prepare(&CancelOrderRequest::new(" ")), Err(Error::InvalidRequest(_))));
    assert!(matches!(client.prepare(&OrderDetailRequest::new(APP_KEY, "")), Err(Error::InvalidRequest(_))));
    assert_eq!(Error::InvalidRequest(String::new()).outcome(), Outcome::NotSent);
}

/// `day` is `yyyy-MM-dd` ("does not match the format parameter exception"), the paging parameters
/// and the order scene type are numbers written as strings: another shape is refused before sending.
#[test]
fn documented_formats_are_checked_before_sending() {
    let client = offline_client();
    let billing = MerchantBillingDayRequest::new;
    assert!(client.prepare(&billing().with_day("2099-01-01").with_page_num("1").with_page_size("2000")).is_ok());
    for bad in [
        billing().with_day("2099/01/01"),
        billing().with_day("2099-1-1"),
        billing().with_page_num("first"),
        billing().with_page_size("-1"),
    ] {
        let e = client.prepare(&bad).unwrap_err();
        assert!(matches!(&e, Error::InvalidRequest(m) if m.starts_with("merchant_billing_day:")), "{e:?}");
    }
    let create = CreateThirdOrderRequest::for_payer(
        Payer::UserId("22033390".into()),
        "11321",
        sign_core::Decimal::from(10),
        "BTC",
        "https://r",
        "https://n",
    );
    assert!(client.prepare(&create.clone().with_order_scene_type("1000011")).is_ok());
    let e = client.prepare(&create.with_order_scene_type("scene-1")).unwrap_err();
    assert!(matches!(&e, Error::InvalidRequest(m) if m.contains("orderSceneType")), "{e:?}");
}

#[test]
fn order_detail_needs_an_order_number() {
    let e = Endpoint::validate(&OrderDetailRequest::new("k", " ")).unwrap_err();
    assert_eq!(e.message(), "order_detail: orderNum must not be blank");
    assert!(Endpoint::validate(&OrderDetailRequest::new("k", "")).is_err());
    assert!(Endpoint::validate(&OrderDetailRequest::new("k", "10000000002")).is_ok());
}

#[test]
fn cancel_order_needs_an_order_number() {
    let e = Endpoint::validate(&CancelOrderRequest::new(" ")).unwrap_err();
    assert_eq!(e.message(), "cancel_order: orderNum must not be blank");
    assert!(Endpoint::validate(&CancelOrderRequest::new("")).is_err());
    assert!(Endpoint::validate(&CancelOrderRequest::new("10000000002")).is_ok());
}

fn parse(status: u16, body: impl Into<Vec<u8>>) -> Error {
    offline_client().parse::<CreateThirdOrderRequest>(&HttpResponse::new(status, body)).unwrap_err()
}

#[test]
fn failure_envelopes_are_typed_api_errors() {
    match parse(200, r#"{"code":"1003","msg":"sign verify failed","data":null}"#) {
        Error::Api { code, msg, .. } => assert_eq!((code.as_str(), msg.as_str()), ("1003", "sign verify failed")),
        e => panic!("{e:?}"),
    }
    // A numeric code, a Chinese message and an error status still carry the provider's envelope,
    // but a server's failure is no definite refusal: the order may have been created.
    match parse(500, r#"{"code":500,"msg":"系统繁忙"}"#) {
        ref e @ Error::Api { ref code, ref msg, status: 500 } => {
            assert_eq!((code.as_str(), msg.as_str()), ("500", "系统繁忙"));
            assert!(e.outcome_unknown(), "{e:?}");
        }
        e => panic!("{e:?}"),
    }
}

#[test]
fn refusals_under_a_5xx_or_saying_the_platform_failed_are_outcome_unknown() {
    for (http, body, unknown) in [
        (502, r#"{"code":"1004","msg":"orderAmount must be positive"}"#, true),
        (200, r#"{"code":"500","msg":"系统异常"}"#, true),
        (200, r#"{"code":"9999","msg":"order is processing"}"#, true),
        (200, r#"{"code":"9999","msg":"Read timed out"}"#, true),
        (200, r#"{"code":"1004","msg":"orderAmount must be positive"}"#, false),
        (400, r#"{"code":"1003","msg":"sign verify failed"}"#, false),
    ] {
        let e = parse(http, body);
        assert!(matches!(&e, Error::Api { status, .. } if *status == http), "{body}: {e:?}");
        assert_eq!(e.outcome_unknown(), unknown, "{http} {body}");
    }
}

#[test]
fn unclassifiable_answers_are_outcome_unknown_and_refusals_stay_definite() {
    let sealed: serde_json::Value = serde_json::from_str(&platform_response(r#"{"orderNum":"7"}"#)).unwrap();
    // A failure code beside a success message, or beside a sealed payload: no plain refusal.
    let success_msg = parse(200, r#"{"code":"200","msg":"success"}"#);
    let with_payload =
        parse(200, json!({"code": 1, "msg": "x", "data": sealed["data"], "sign": sealed["sign"]}).to_string());
    for e in [success_msg, with_payload] {
        assert!(matches!(e, Error::UnclassifiedResponse { .. }), "{e:?}");
        assert!(e.outcome_unknown(), "{e:?}");
        assert!(e.to_string().contains("query the order before sending it again"), "{e}");
        assert_eq!(e.api_code(), None);
    }
    assert!(matches!(parse(200, r#"{"code":"200","msg":" SUCC "}"#), Error::UnclassifiedResponse { code, msg }
        if code == "200" && msg == " SUCC "));
    // No code at all (the example-less envelope), or a success without the payload: unknown too.
    let no_code = json!({"msg": "succ", "data": sealed["data"], "sign": sealed["sign"]}).to_string();
    assert!(matches!(parse(200, no_code), Error::Decode(ref d) if d.message().contains("envelope")));
    assert!(matches!(parse(200, r#"{"code":" ","msg":"m"}"#), Error::Decode(_)), "a blank code is no code");
    let empty_success = parse(200, r#"{"code":"0","msg":"succ"}"#);
    assert!(matches!(empty_success, Error::Decode(_)) && empty_success.outcome_unknown());
    // A refusal stays a refusal, with empty or null payload fields.
    for body in [
        r#"{"code":"1003","msg":"sign verify failed","data":null}"#,
        r#"{"code":"1003","msg":"sign verify failed","data":"","sign":""}"#,
        r#"{"code":1004,"msg":"orderAmount must be positive","data":"detail"}"#,
    ] {
        let e = parse(200, body);
        assert!(matches!(e, Error::Api { .. }), "{body}: {e:?}");
        assert_eq!(e.outcome(), Outcome::Definite, "{body}");
    }
    // An unclassifiable envelope under an error status: the status decides.
    assert!(matches!(parse(502, r#"{"code":"200","msg":"success"}"#), Error::HttpStatus { status: 502 }));
}

#[test]
fn huge_failure_texts_are_cut() {
    // Errors end up in logs: a misbehaving server's megabytes of `msg` (or of a non-string `msg`,
    // or of `code`) must not.
    let long = "错".repeat(200_000);
    let object = format!(r#"{{"detail":"{}"}}"#, "x".repeat(200_000));
    for body in [
        format!(r#"{{"code":"1003","msg":"{long}"}}"#),
        format!(r#"{{"code":"1003","msg":{object}}}"#),
        format!(r#"{{"code":"{long}","msg":"m"}}"#),
    ] {
        match parse(200, body) {
            Error::Api { code, msg, .. } => {
                assert!(code.chars().count() <= 513 && msg.chars().count() <= 513, "{} {}", code.len(), msg.len());
                assert!(!code.is_empty() && !msg.is_empty());
                // The shared cut: 512 characters and an ellipsis.
                let long = if code.chars().count() > msg.chars().count() { code } else { msg };
                assert_eq!(long.chars().count(), MAX_PROVIDER_TEXT_CHARS + 1);
                assert!(long.ends_with('…'));
            }
            e => panic!("{e:?}"),
        }
    }
}

#[test]
fn bad_responses_are_distinct_errors() {
    assert!(matches!(parse(502, "<html><body>Bad Gateway</body></html>"), Error::HttpStatus { status: 502 }));
    assert!(matches!(parse(200, "<html><body>maintenance</body></html>"), Error::Decode(_)));
    assert!(matches!(parse(200, ""), Error::Decode(_)));
    assert!(matches!(parse(404, ""), Error::HttpStatus { status: 404 }));
    assert!(matches!(parse(200, r#"{"code":"0","msg":"#), Error::Decode(_)));
    assert!(matches!(parse(200, r#"{"msg":"no code"}"#), Error::Decode(_)));
    // A success code on an error status is not a success.
    assert!(matches!(parse(503, platform_response(r#"{"orderNum":"1"}"#)), Error::HttpStatus { status: 503 }));
    assert!(matches!(parse(200, vec![b' '; 5 * 1024 * 1024]), Error::Decode(_)));
    // Over the configured cap: never read.
    let capped = Client::new(builder("https://service.example.com").max_response_bytes(1024).build().unwrap());
    let big = platform_response(&format!(r#"{{"orderNum":"1","pad":"{}"}}"#, "x".repeat(2048)));
    assert!(matches!(
        capped.parse::<CreateThirdOrderRequest>(&HttpResponse::new(200, big.clone())),
        Err(Error::Decode(_))
    ));
    assert!(matches!(
        capped.parse::<CreateThirdOrderRequest>(&HttpResponse::new(503, big)),
        Err(Error::HttpStatus { status: 503 })
    ));
    // Outcomes: an error page from a proxy may hide a processed request; a 404 does not.
    assert_eq!(parse(502, "<html/>").outcome(), Outcome::Unknown);
    assert_eq!(parse(404, "").outcome(), Outcome::Definite);
    assert_eq!(parse(200, "<html/>").outcome(), Outcome::Unknown);
    assert_eq!(parse(200, r#"{"code":"1003","msg":"m"}"#).outcome(), Outcome::Definite);
}

#[test]
fn the_configured_body_limit_reaches_the_transport() {
    let mut server = mockito::Server::new();
    let big = format!(r#"{{"code":"1003","msg":"{}"}}"#, "x".repeat(64 * 1024));
    server.mock("POST", "/opay/cancelOrder").with_body(big).create();
    let limited = builder(&server.url()).max_response_bytes(16 * 1024).retry(sign_core::RetryPolicy::none());
    let e = Client::new(limited.build().unwrap()).cancel_order(&CancelOrderRequest::new("1")).unwrap_err();
    assert!(matches!(&e, Error::Transport(t) if t.kind() == sign_core::TransportErrorKind::BodyTooLarge), "{e:?}");
    // The same answer under the default limit is read: the platform's failure envelope.
    let e = client_at(&server.url()).cancel_order(&CancelOrderRequest::new("1")).unwrap_err();
    assert!(matches!(&e, Error::Api { code, .. } if code == "1003"), "{e:?}");
}

#[test]
fn unverified_data_is_never_returned() {
    // No signature.
    let good: serde_json::Value = serde_json::from_str(&platform_response(r#"{"orderNum":"1"}"#)).unwrap();
    let mut unsigned = good.clone();
    unsigned.as_object_mut().unwrap().remove("sign");
    let unverified = parse(200, unsigned.to_string());
    assert!(matches!(unverified, Error::ResponseUnverified));
    assert!(unverified.outcome_unknown(), "an unverified answer may hide a processed request");
    // Plain JSON instead of ciphertext.
    let plain = json!({"code": "0", "msg": "succ", "data": {"orderNum": "1"}, "sign": good["sign"]});
    assert!(matches!(parse(200, plain.to_string()), Error::ResponseUnverified));
    // Another response's signature.
    let mut swapped = good.clone();
    let other: serde_json::Value = serde_json::from_str(&platform_response(r#"{"orderNum":"2"}"#)).unwrap();
    swapped["sign"] = other["sign"].clone();
    assert!(matches!(parse(200, swapped.to_string()), Error::ResponseUnverified));
    // Ciphertext altered, and not Base64 at all.
    let mut altered = good.clone();
    let data = good["data"].as_str().unwrap();
    let flipped = if data.starts_with('A') { "B" } else { "A" };
    altered["data"] = json!(format!("{flipped}{}", &data[1..]));
    assert!(matches!(parse(200, altered.to_string()), Error::ResponseUnverified));
    altered["data"] = json!("!!!not base64!!!");
    assert!(matches!(parse(200, altered.to_string()), Error::ResponseUnverified));
    // Verified, but not the documented shape.
    assert!(matches!(parse(200, platform_response(r#"{"unexpected":1}"#)), Error::Decode(_)));
    assert!(matches!(parse(200, platform_response("not json")), Error::Decode(_)));
    // The good one parses.
    assert!(offline_client().parse::<CreateThirdOrderRequest>(&HttpResponse::new(200, good.to_string())).is_ok());
}

#[test]
fn a_response_for_another_merchant_key_is_refused() {
    // Same platform signature, but encrypted for a different merchant key.
    let stranger_pub = sign_core::rsa::PublicKey::parse(&testdata("stranger_public.b64")).unwrap();
    let platform = sign_core::rsa::PrivateKey::parse(&testdata("platform_private.pem")).unwrap();
    let (data, sign) = chainup_opay::auth::seal(br#"{"orderNum":"1"}"#, &stranger_pub, &platform).unwrap();
    let body = json!({"code": "0", "msg": "succ", "data": data, "sign": sign}).to_string();
    assert!(matches!(parse(200, body), Error::ResponseUnverified));
}

/// A server that accepts connections, reads the request and never answers.
fn silent_server() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let accepted = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&accepted);
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            counter.fetch_add(1, Ordering::SeqCst);
            let mut s = stream;
            let _ = s.set_read_timeout(Some(Duration::from_millis(50)));
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf);
            held.push(s);
        }
    });
    (url, accepted)
}

#[test]
fn create_third_order_timing_out_is_reported_and_not_resent() {
    let (url, accepted) = silent_server();
    let config = builder(&url)
        .timeout(Duration::from_millis(100))
        .retry(sign_core::RetryPolicy::new(2, Duration::from_millis(10), Duration::from_millis(20)))
        .build()
        .unwrap();
    let client = Client::new(config);
    let err = client.create_third_order(&create_request()).unwrap_err();
    assert!(matches!(err, Error::Timeout(_)), "{err:?}");
    assert!(err.outcome_unknown());
    assert_eq!(accepted.load(Ordering::SeqCst), 1, "a payment-creating request is never resent");
    // A query may be retried.
    let err = client.order_detail(&OrderDetailRequest::new(APP_KEY, "1")).unwrap_err();
    assert!(matches!(err, Error::Timeout(_)), "{err:?}");
    assert_eq!(accepted.load(Ordering::SeqCst), 1 + 3);
}

/// A transport double: the first attempt's connection is refused (nothing sent), later ones are
/// answered with `answer`. It keeps every request and moves the clock a second per attempt.
struct RefusesFirst {
    seen: Mutex<Vec<HttpRequest>>,
    clock: Arc<FixedClock>,
    answer: String,
}

impl Transport for RefusesFirst {
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, TransportError> {
        let mut seen = self.seen.lock().unwrap();
        seen.push(request.clone());
        self.clock.advance(Duration::from_secs(1));
        if seen.len() == 1 {
            return Err(TransportError::new(TransportErrorKind::Connect, "connection refused"));
        }
        Ok(HttpResponse::json(200, self.answer.clone()))
    }
}

#[test]
fn create_third_order_is_sealed_afresh_when_repeated_after_a_refused_connection() {
    let clock = Arc::new(FixedClock::from_unix_millis(NOW_MS));
    let transport = Arc::new(RefusesFirst {
        seen: Mutex::default(),
        clock: Arc::clone(&clock),
        answer: platform_response(r#"{"orderNum":"10000000002"}"#),
    });
    let config = builder("https://service.example.com")
        .retry(RetryPolicy::new(1, Duration::ZERO, Duration::ZERO))
        .build()
        .unwrap();
    let client = Client::with_transport(config, Arc::clone(&transport) as Arc<dyn Transport>).with_clock(clock);
    // Not idempotent, but the refused connection sent nothing: repeating it cannot duplicate it.
    let created = client.create_third_order(&create_request()).unwrap();
    assert_eq!(created.order_num, "10000000002");
    let seen = transport.seen.lock().unwrap();
    assert_eq!(seen.len(), 2);
    let (first, second) = (sent_json(&seen[0]), sent_json(&seen[1]));
    // A new envelope, not the same bytes: a fresh time and a fresh encryption of the same order.
    let (t1, t2) = (NOW_MS.to_string(), (NOW_MS + 1000).to_string());
    assert_eq!((first["time"].as_str(), second["time"].as_str()), (Some(t1.as_str()), Some(t2.as_str())));
    assert_ne!(first["data"], second["data"]);
    assert_ne!(seen[0].body, seen[1].body);
    assert_eq!(open_request(&seen[0]), open_request(&seen[1]));
    assert_eq!(first["sign"], vector_sign(5), "the signature covers the business JSON only");
}

#[test]
fn connection_refused_is_a_transport_error_that_was_not_processed() {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let client = Client::new(
        builder(&format!("http://127.0.0.1:{port}")).retry(sign_core::RetryPolicy::none()).build().unwrap(),
    );
    let err = client.create_third_order(&create_request()).unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert!(!err.outcome_unknown());
}

#[test]
fn config_errors_surface_at_build_time() {
    let ok = || Config::builder().base_url("https://h.example").app_key(APP_KEY);
    let missing = ok().platform_public_key(testdata("platform_public.b64")).build().unwrap_err();
    assert!(
        matches!(&missing, Error::Config(m) if m == "merchant_private_key is required (ConfigBuilder::merchant_private_key)"),
        "{missing:?}"
    );
    let missing = ok().merchant_private_key(testdata("merchant_private.pem")).build().unwrap_err();
    assert!(
        matches!(&missing, Error::Config(m) if m == "platform_public_key is required (ConfigBuilder::platform_public_key)"),
        "{missing:?}"
    );
    let keys = |b: ConfigBuilder| {
        b.merchant_private_key(testdata("merchant_private.pem")).platform_public_key(testdata("platform_public.b64"))
    };
    let missing = keys(Config::builder().app_key(APP_KEY)).build().unwrap_err();
    assert!(
        matches!(&missing, Error::Config(m) if m == "base_url is required (ConfigBuilder::base_url)"),
        "{missing:?}"
    );
    let missing = keys(Config::builder().base_url("https://h.example")).build().unwrap_err();
    assert!(matches!(&missing, Error::Config(m) if m == "app_key is required (ConfigBuilder::app_key)"), "{missing:?}");
    let wrong_kind = ok()
        .merchant_private_key(testdata("merchant_public.b64"))
        .platform_public_key(testdata("platform_public.b64"))
        .build()
        .unwrap_err();
    assert!(matches!(wrong_kind, Error::Key(KeyError::WrongKind { .. })), "{wrong_kind:?}");
    let garbage = ok()
        .merchant_private_key("not a key")
        .platform_public_key(testdata("platform_public.b64"))
        .build()
        .unwrap_err();
    assert!(matches!(garbage, Error::Key(_)), "{garbage:?}");
    assert!(matches!(builder("ftp://h").build(), Err(Error::Config(_))));
    for bad in ["https://", "https:///p", "https://h/x?y=1", "https://h/\r\nX: y"] {
        assert!(matches!(builder(bad).build(), Err(Error::Config(_))), "{bad:?}");
    }
    for (b, want) in [
        (builder("https://h.example").timeout(Duration::ZERO), "timeouts"),
        (builder("https://h.example").connect_timeout(Duration::ZERO), "timeouts"),
        (builder("https://h.example").max_response_bytes(0), "max_response_bytes"),
    ] {
        match b.build() {
            Err(Error::Config(m)) => assert!(m.contains(want), "{m}"),
            other => panic!("expected a config error containing {want}, got {other:?}"),
        }
    }
    let trimmed = builder(" https://h.example/ ").build().unwrap();
    assert_eq!(trimmed.base_url(), "https://h.example");
    assert_eq!(trimmed.http_options(), &HttpOptions::default());
    assert!(matches!(
        keys(Config::builder().base_url("https://h.example").app_key(" ")).build(),
        Err(Error::Config(m)) if m == "app_key is required (ConfigBuilder::app_key)"
    ));
    let no_file = ok()
        .merchant_private_key_file("/nonexistent/merchant.pem")
        .platform_public_key(testdata("platform_public.b64"))
        .build()
        .unwrap_err();
    assert!(
        matches!(&no_file, Error::Key(KeyError::Malformed(m)) if m.contains("/nonexistent/merchant.pem")),
        "{no_file:?}"
    );
    let dir = env!("CARGO_MANIFEST_DIR");
    let from_files = ok()
        .merchant_private_key_file(format!("{dir}/testdata/merchant_private.pem"))
        .platform_public_key_file(format!("{dir}/testdata/platform_public.b64"))
        .build();
    assert!(from_files.is_ok());
    let parsed = ok()
        .merchant_private_key_parsed(PrivateKey::parse(&testdata("merchant_private.pem")).unwrap())
        .platform_public_key_parsed(PublicKey::parse(&testdata("platform_public.b64")).unwrap())
        .build();
    assert!(parsed.is_ok());
}

#[test]
fn path_overrides_name_a_known_endpoint_and_a_plain_path() {
    for name in ["create_third_order", "order_detail", "merchant_billing_day", "cancel_order"] {
        assert!(builder("https://h.example").path(name, "/opay/x").build().is_ok(), "{name}");
    }
    // The old method names are not endpoint names.
    for name in ["create_order", "daily_statement", "cancelOrder"] {
        match builder("https://h.example").path(name, "/opay/x").build() {
            Err(Error::Config(m)) => assert!(m.contains(name) && m.contains("merchant_billing_day"), "{m}"),
            other => panic!("{name}: {other:?}"),
        }
    }
    for bad in ["opay/x", "//evil.example/x", "/a?b=1", "/a/../b"] {
        assert!(
            matches!(builder("https://h.example").path("cancel_order", bad).build(), Err(Error::Config(_))),
            "{bad}"
        );
    }
}

#[test]
fn payment_page_url_uses_the_configured_host() {
    let config = builder("https://api.example.com").payment_page_base_url("https://pay.example.com").build().unwrap();
    let client = Client::new(config);
    let url = client.payment_page("10000000002", Payer::OpenId("2ae0".into())).url();
    assert_eq!(url, "https://pay.example.com/platform/pay.html?appKey=test-app-key&orderNum=10000000002&openId=2ae0");
}

#[test]
fn raw_calls_are_signed_the_same_way() {
    let mut server = mockito::Server::new();
    let mock = server
        .mock("POST", "/platformapi/chainup/open/opay/someUnmodelledQuery")
        .match_header("content-type", "application/json")
        .match_body(Matcher::PartialJson(
            json!({"app_id": APP_KEY, "sign": vector_sign(0), "time": NOW_MS.to_string()}),
        ))
        .with_body(platform_response(r#"{"anything":["goes",1]}"#))
        .expect(2)
        .create();
    let client = client_at(&server.url());
    let out: serde_json::Value =
        client.raw_call("/platformapi/chainup/open/opay/someUnmodelledQuery", &json!({"orderNum": "1"}), true).unwrap();
    assert_eq!(out, json!({"anything": ["goes", 1]}));
    let untyped = client
        .raw_call_json("/platformapi/chainup/open/opay/someUnmodelledQuery", &json!({"orderNum": "1"}), true)
        .unwrap();
    mock.assert();
    assert_eq!(untyped, json!({"anything": ["goes", 1]}));
    let prepared = client.prepare_raw("/x", &json!({"orderNum": "1"}), true).unwrap();
    assert!(prepared.idempotent);
    assert!(!client.prepare(&create_request()).unwrap().idempotent);
    assert!(client.prepare(&OrderDetailRequest::new(APP_KEY, "1")).unwrap().idempotent);
}

#[test]
fn raw_call_paths_are_checked_before_anything_is_sealed() {
    let client = offline_client();
    for bad in ["", "opay/x", "//evil.example/x", "/a?b=1", "/a#b", "/a/../b", "/a b"] {
        let e = client.prepare_raw(bad, &json!({}), true).unwrap_err();
        assert!(matches!(e, Error::InvalidRequest(_)), "{bad:?}: {e:?}");
        assert!(e.outcome().is_not_sent());
        let e = client.raw_call_json(bad, &json!({}), true).unwrap_err();
        assert!(matches!(e, Error::InvalidRequest(_)), "{bad:?}: {e:?}");
    }
}
