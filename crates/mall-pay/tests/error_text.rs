//! What an error built from the mall's `msg` may carry: never the caller's token (a backend that
//! echoes it, `token <value>过期`, would otherwise put it in every log line), and never an
//! unbounded amount of text.

use mall_pay::{Client, Config, Error, HttpResponse, OrderPayRequest};

const TOKEN: &str = "d3b07384d113edec49eaa6238ad5ff00";

fn client() -> Client {
    struct Unused;
    impl mall_pay::Transport for Unused {
        fn send(&self, _: &mall_pay::HttpRequest) -> Result<HttpResponse, sign_core::TransportError> {
            unreachable!("sans-IO test")
        }
    }
    let config = Config::builder().base_url("https://mall.example.com").pay_path("/pay").token(TOKEN).build().unwrap();
    Client::with_transport(config, std::sync::Arc::new(Unused))
}

fn failure(msg: &str) -> HttpResponse {
    HttpResponse::json(200, serde_json::json!({"status": 0, "msg": msg, "data": []}).to_string())
}

#[test]
fn an_echoed_token_is_redacted_from_api_errors() {
    let client = client();
    let e = client.parse::<OrderPayRequest>(&failure(&format!("token {TOKEN}过期"))).unwrap_err();
    assert!(matches!(&e, Error::TokenExpired { .. }), "{e:?}");
    let e2 = client.parse::<OrderPayRequest>(&failure(&format!("用户{TOKEN}余额不足"))).unwrap_err();
    assert!(matches!(&e2, Error::Api { status: 0, .. }), "{e2:?}");
    for e in [e, e2] {
        let shown = format!("{e} {e:?}");
        assert!(!shown.contains(TOKEN), "{shown}");
        assert!(shown.contains("[REDACTED]"), "{shown}");
    }
}

#[test]
fn long_messages_are_cut() {
    let e = client().parse::<OrderPayRequest>(&failure(&"库".repeat(100_000))).unwrap_err();
    match e {
        Error::Api { message, .. } => assert!(message.chars().count() <= 513, "{}", message.len()),
        other => panic!("{other:?}"),
    }
}
