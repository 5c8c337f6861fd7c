//! What the crate may show: never the caller's token (not in any `Debug`/`Display`, not in an error
//! built from the mall's `msg`, even one that echoes it, `token <value>过期`), never a value quoted
//! by serde from an unreadable answer, and never an unbounded amount of provider text.

use std::sync::Arc;

use mall_pay::{Client, Config, Error, Freight, HttpResponse, OrderPayRequest, PayOrder, PayWith, Yuan};

const TOKEN: &str = "d3b07384d113edec49eaa6238ad5ff00";

#[derive(Debug)]
struct NeverSend;

impl mall_pay::Transport for NeverSend {
    fn send(&self, _: &mall_pay::HttpRequest) -> Result<HttpResponse, sign_core::TransportError> {
        Err(sign_core::TransportError::new(sign_core::TransportErrorKind::Connect, "test transport sends nothing"))
    }
}

fn client_with(token: &str) -> Client {
    let config = Config::builder().base_url("https://mall.example.com").pay_path("/pay").token(token).build().unwrap();
    Client::with_transport(config, Arc::new(NeverSend))
}

fn client() -> Client {
    client_with(TOKEN)
}

fn failure(msg: &str) -> HttpResponse {
    HttpResponse::json(200, serde_json::json!({"status": 0, "msg": msg, "data": []}).to_string())
}

fn order() -> OrderPayRequest {
    PayOrder::new(1001, 7, PayWith::wechat(Yuan::parse("0.1").unwrap()), Freight::Free).unwrap().into()
}

#[test]
fn order_pay_an_echoed_token_is_redacted_from_api_errors() {
    let client = client();
    let e = client.parse::<OrderPayRequest>(&failure(&format!("token {TOKEN}过期"))).unwrap_err();
    assert!(matches!(&e, Error::TokenExpired { .. }), "{e:?}");
    let e2 = client.parse::<OrderPayRequest>(&failure(&format!("用户{TOKEN}余额不足"))).unwrap_err();
    assert!(matches!(&e2, Error::Api { status: 0, .. }), "{e2:?}");
    // In another letter case too.
    let e3 = client.parse::<OrderPayRequest>(&failure(&format!("bad {}", TOKEN.to_uppercase()))).unwrap_err();
    for e in [e, e2, e3] {
        let shown = format!("{e} {e:?}");
        assert!(!shown.to_lowercase().contains(TOKEN), "{shown}");
        assert!(shown.contains("[REDACTED]"), "{shown}");
    }
}

#[test]
fn order_pay_a_token_at_the_cut_leaves_no_prefix_behind() {
    // Redaction runs before the message is cut to 512 characters: a token straddling the cut
    // must not leave its first characters in the error.
    for pad in [500, 505, 511] {
        let e = client().parse::<OrderPayRequest>(&failure(&format!("{}{TOKEN}", "x".repeat(pad)))).unwrap_err();
        let shown = format!("{e} {e:?}");
        for start in 0..=TOKEN.len() - 8 {
            assert!(!shown.contains(&TOKEN[start..start + 8]), "pad {pad}: {shown}");
        }
    }
}

#[test]
fn order_pay_long_messages_are_cut() {
    let e = client().parse::<OrderPayRequest>(&failure(&"库".repeat(100_000))).unwrap_err();
    match e {
        Error::Api { message, .. } => {
            assert_eq!(message.chars().count(), sign_core::call::MAX_PROVIDER_TEXT_CHARS + 1);
            assert!(message.ends_with('…'));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn order_pay_decode_errors_never_quote_the_offending_value() {
    for body in [
        r#"{"status":200,"data":"tok-SECRET-4111111111111111"}"#,
        r#"{"status":200,"data":{"pay_param":{"appid":["tok-SECRET-4111111111111111"]}}}"#,
        // `pay_param` is read by a hand-written Deserialize that wraps the inner serde error: the
        // wrapped message must lose the offending value too.
        r#"{"status":200,"msg":"ok","data":{"pay_param":{"appid":"wx1","partnerid":"1",
            "prepayid":"p","package":"Sign=WXPay","noncestr":"n","timestamp":"1","sign":{"v":4111111111111111}}}}"#,
    ] {
        match client().parse::<OrderPayRequest>(&HttpResponse::json(200, body.to_owned())) {
            Err(Error::Decode(e)) => {
                assert!(!e.message().contains("SECRET") && !e.message().contains("4111"), "{e}");
                assert!(e.message().starts_with("order_pay: "), "{e}");
            }
            other => panic!("{other:?}"),
        }
    }
    #[derive(Debug, serde::Deserialize)]
    struct Paid {
        #[allow(dead_code)]
        n: i64,
    }
    let raw = client().parse_raw::<Paid>(&HttpResponse::json(200, r#"{"status":200,"data":{"n":"SECRET-4111"}}"#));
    assert!(matches!(&raw, Err(Error::Decode(e)) if !e.message().contains("SECRET")), "{raw:?}");
}

#[test]
fn order_pay_invalid_amounts_are_not_quoted() {
    let wire: OrderPayRequest =
        serde_json::from_str(r#"{"order_id":1,"pay_method":1,"pay_price":98765.4321,"address_id":1,"freight_mode":1}"#)
            .unwrap();
    let e = client().prepare(&wire).unwrap_err();
    assert!(matches!(&e, Error::InvalidRequest(_)), "{e:?}");
    assert!(!format!("{e} {e:?}").contains("98765"), "{e:?}");
}

#[test]
fn the_token_is_never_printed() {
    let secret = "tok-SECRET-7c1e9a";
    let builder = Config::builder().base_url("https://m.example").pay_path("/p").token(secret);
    let config = builder.clone().build().unwrap();
    let client = Client::with_transport(config.clone(), Arc::new(NeverSend));
    let request = client.prepare(&order()).unwrap();
    let raw_request = client.prepare_raw("/api/x", &serde_json::json!({}), true).unwrap();
    let errors = [
        client.order_pay(&order()).unwrap_err(),
        client.raw_call_json("/api/x", &serde_json::json!({}), true).unwrap_err(),
        client.raw_call_json("/api/x?token=1", &serde_json::json!({}), true).unwrap_err(),
        client_with(secret).parse::<OrderPayRequest>(&failure(&format!("token {secret}过期"))).unwrap_err(),
        Config::builder()
            .base_url("https://m.example")
            .pay_path("/p")
            .token(format!("{secret}\n"))
            .build()
            .unwrap_err(),
        client.with_token(format!("{secret}\r\nX: 1")).unwrap_err(),
    ];
    let mut printed = vec![
        format!("{builder:?}"),
        format!("{config:?}"),
        format!("{client:?}"),
        format!("{request:?}"),
        format!("{raw_request:?}"),
        format!("{:?} {}", sign_core::SecretString::new(secret), sign_core::SecretString::new(secret)),
    ];
    printed.extend(errors.iter().map(|e| format!("{e:?} {e}")));
    for text in printed {
        assert!(!text.contains(secret) && !text.contains("SECRET"), "{text}");
    }
}

#[test]
fn order_pay_partial_recased_and_url_encoded_echoes_are_redacted() {
    // Issue 13 (L6): a piece of the token (8 characters or more) must not survive either, nor a
    // URL-encoded or re-cased echo, wherever the 512-character cut falls.
    let token = "Ab+9/d113edec49eaa6238ad5ff00=";
    let encoded = token.replace('+', "%2B").replace('/', "%2f").replace('=', "%3D");
    let echoes = [
        token.to_owned(),
        token[..12].to_owned(),
        token[token.len() - 10..].to_owned(),
        token.to_uppercase(),
        encoded.clone(),
        encoded.to_lowercase(),
    ];
    for echo in &echoes {
        for pad in [0, 500, 505, 511] {
            let msg = format!("{}{echo}", "x".repeat(pad));
            let e = client_with(token).parse::<OrderPayRequest>(&failure(&msg)).unwrap_err();
            let shown = format!("{e} {e:?}").to_lowercase();
            let plain = token.to_lowercase();
            for start in 0..=plain.len() - 8 {
                assert!(!shown.contains(&plain[start..start + 8]), "pad {pad}, echo {echo}: {shown}");
            }
            assert!(!shown.contains(&encoded.to_lowercase()[..12]), "pad {pad}, echo {echo}: {shown}");
        }
    }
}
