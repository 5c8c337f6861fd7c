//! The built binary serving all five providers: each provider's quickstart (its own code, included
//! below) runs against it through the `*_BASE_URL` variables and the credentials it printed, the
//! callbacks reach the URLs given on its command line, a bad request gets the provider's envelope
//! and a log line saying what was wrong, no secret reaches the log, and SIGTERM stops it cleanly.

mod common;

#[allow(dead_code)]
#[path = "../../visagenius/examples/quickstart.rs"]
mod visagenius_quickstart;

#[allow(dead_code)]
#[path = "../../acqra-gateway/examples/quickstart.rs"]
mod acqra_quickstart;

#[allow(dead_code)]
#[path = "../../mall-pay/examples/quickstart.rs"]
mod mall_pay_quickstart;

#[allow(dead_code)]
#[path = "../../chainup-opay/examples/quickstart.rs"]
mod chainup_quickstart;

use common::*;
use serde_json::Value;

#[test]
fn all_five_quickstarts_pass_against_the_binary_and_callbacks_reach_the_command_line_urls() {
    let (merchant, received) = merchant(|path| match path {
        "/vip-charge" => vip_charge::REPLY_SUCCESS,
        _ => chainup_opay::DEFAULT_CALLBACK_REPLY,
    });
    let keys = ScratchDir::new("test-keys");
    let vip_url = format!("{}/vip-charge", merchant.base_url());
    let chainup_url = format!("{}/chainup", merchant.base_url());
    let running = Running::serving(
        &["--all"],
        &keys,
        &[
            "--vip-charge-callback-url",
            &vip_url,
            "--chainup-notify-url",
            &chainup_url,
            "--chainup-platform-public-key-out",
            keys.join("opay-platform.pub").to_str().unwrap(),
        ],
    );
    // A key file goes where the command line names it.
    assert_eq!(running.var("CHAINUP_PLATFORM_PUBLIC_KEY_FILE"), keys.join("opay-platform.pub").to_str().unwrap());
    let var = |name: &str| running.var(name);

    // visagenius: the example's own target() and run(), given the printed variables.
    let target = visagenius_quickstart::target(|name| running.env.get(name).cloned()).unwrap();
    assert!(target.sandbox.is_none(), "the quickstart must use the binary, not a sandbox of its own");
    let mut out = Vec::new();
    visagenius_quickstart::run(&target, &mut out).unwrap();
    assert!(String::from_utf8_lossy(&out).contains("paid"));

    // acqra-gateway: the config from_env() would build, then the example's run().
    let config = acqra_gateway::Config::builder()
        .base_url(var("ACQRA_BASE_URL"))
        .app_id(var("ACQRA_APP_ID"))
        .secret(var("ACQRA_SECRET"))
        .allow_insecure_http(true)
        .build()
        .unwrap();
    acqra_quickstart::run(&acqra_gateway::Client::new(config)).unwrap();

    // mall-pay: the config and plan the example builds from MALLPAY_*.
    let config = mall_pay::Config::builder()
        .base_url(var("MALLPAY_BASE_URL"))
        .pay_path(var("MALLPAY_PAY_PATH"))
        .token(var("MALLPAY_TOKEN"))
        .allow_insecure_http(true)
        .build()
        .unwrap();
    let plan = mall_pay_quickstart::Plan {
        order_ids: var("MALLPAY_ORDER_ID").split(',').map(|s| s.parse().unwrap()).collect(),
        address_id: 1,
        pay_price: mall_pay::Yuan::parse("0.01").unwrap(),
        pay_integral: mall_pay::Points::new(100).unwrap(),
    };
    let mut out = Vec::new();
    mall_pay_quickstart::run(&mut out, &mall_pay::Client::new(config), &plan).unwrap();

    // vip-charge: the quickstart's real-server flow, with the client (its run_real_server() reads
    // the process environment): RSA with the printed key files, then MD5 with the printed secret.
    for sign_type in [vip_charge::SignType::Sha256Rsa, vip_charge::SignType::Md5] {
        let builder = vip_charge::Config::builder()
            .base_url(var("VIPCHARGE_BASE_URL"))
            .business_id(var("VIPCHARGE_BUSINESS_ID"))
            .success_status(var("VIPCHARGE_SUCCESS_STATUS").parse::<i64>().unwrap())
            .sign_type(sign_type)
            .allow_insecure_http(true);
        let config = match sign_type {
            vip_charge::SignType::Md5 => builder.md5_secret_key(var("VIPCHARGE_SECRET_KEY")),
            _ => builder
                .rsa_private_key_file(var("VIPCHARGE_PRIVATE_KEY_FILE"))
                .platform_public_key_file(var("VIPCHARGE_PLATFORM_PUBLIC_KEY_FILE")),
        };
        let client = vip_charge::Client::new(config.build().unwrap());
        let merchant_id = var("VIPCHARGE_MERCHANT_ID");
        let products = client.product_list(&vip_charge::ProductListRequest::new(merchant_id.as_str())).unwrap();
        assert!(!products.products.is_empty());
        let business_id = var("VIPCHARGE_BUSINESS_ID");
        let balance = vip_charge::BusinessBalanceRequest::new(merchant_id.as_str(), business_id.as_str());
        client.business_balance(&balance).unwrap();
        let biz_code = format!("T{}", sign_core::clock::random_nonce(12));
        // No callbackUrl: the callback goes to the URL given on the command line.
        let request = vip_charge::VipChargeRequest::builder()
            .merchant_id(merchant_id.as_str())
            .business_id(business_id.as_str())
            .product_code(var("VIPCHARGE_PRODUCT_CODE"))
            .account(var("VIPCHARGE_ACCOUNT"))
            .biz_code(biz_code.as_str())
            .build()
            .unwrap();
        let order = client.vip_charge(&request).unwrap();
        let info = client.order_info(&vip_charge::OrderInfoRequest::by_order_code(order.order_code.as_str())).unwrap();
        assert_eq!(info.order_code.as_deref(), Some(order.order_code.as_str()));
        let callback = received
            .wait_for("/vip-charge", |r| String::from_utf8_lossy(&r.body).contains(&biz_code))
            .expect("vip-charge's callback reached the command-line URL");
        let verified = client.verify_notification(&callback.headers, &callback.body).unwrap();
        assert_eq!(verified.notification.order_code, order.order_code);
    }

    // chainup-opay: the example's run() in its real-server mode, then the admin interface pays its
    // first order, and the callback reaches the command-line URL.
    let vars = |name: &str| running.env.get(name).cloned();
    let mut out = Vec::new();
    chainup_quickstart::run(&vars, &mut out).unwrap();
    let printed = String::from_utf8_lossy(&out).into_owned();
    assert!(printed.contains("1. Created order"), "{printed}");
    let chainup = var("CHAINUP_BASE_URL");
    let (_, orders) = get(&format!("{chainup}/__sandbox/orders"));
    let orders: Value = serde_json::from_str(&orders).unwrap();
    let first = orders[0]["orderNum"].as_str().unwrap().to_owned();
    let (status, said) = post(&format!("{chainup}/__sandbox/orders/{first}/paid"), "application/json", "");
    assert_eq!(status, 200, "{said}");
    let callback = received.wait_for("/chainup", |_| true).expect("chainup's callback reached the command-line URL");
    let client = running.chainup_client();
    let paid = client.verify_notification(&callback.headers, &callback.body).unwrap();
    assert_eq!(paid.order_num, first);
    assert_eq!(paid.order_status, chainup_opay::OrderStatus::Paid);

    // Every request above was logged as accepted, each callback as acknowledged (the lines are
    // read from the binary's stdout by another thread: wait for them).
    for (provider, path) in [
        ("visagenius", "/openvisa/order_pay"),
        ("acqra-gateway", "/gateway/v1/refund"),
        ("mall-pay", "/sandbox/order/pay"),
        ("vip-charge", "/v1/openapi/order/VIPCharge"),
        ("chainup-opay", "/opay/cancelOrder"),
    ] {
        let prefix = format!("[{provider}] POST ");
        let line = running.out.wait_for(|l| l.starts_with(&prefix) && l.contains(path) && l.ends_with("accepted"));
        assert!(line.is_some(), "no accepted {provider} {path} in the log:\n{}", running.log_lines().join("\n"));
    }
    let log = running.log_lines();
    // A callback's line comes once the merchant's answer is read: wait for it.
    for provider in ["vip-charge", "chainup-opay"] {
        let prefix = format!("[{provider}] callback POST");
        let acknowledged = running.out.wait_for(|l| l.starts_with(&prefix) && l.ends_with("acknowledged"));
        assert!(acknowledged.is_some(), "no acknowledged {provider} callback in the log:\n{}", log.join("\n"));
    }
    let log = running.log_lines();
    assert_no_secret_in(&running, &log);

    #[cfg(unix)]
    {
        let (exit, lines) = running.terminate();
        assert!(exit.success(), "SIGTERM: {exit:?}");
        assert_eq!(lines.iter().rev().nth(1).map(String::as_str), Some("# stopped"), "{lines:?}");
    }
}

/// No credential printed at start appears in the request log, nor any key.
fn assert_no_secret_in(running: &Running, log: &[String]) {
    let mut secrets: Vec<String> = running
        .env
        .iter()
        .filter(|(k, _)| {
            k.ends_with("_KEY") || k.ends_with("_SECRET") || k.ends_with("_TOKEN") || k.ends_with("_APPID")
        })
        .map(|(_, v)| v.clone())
        .collect();
    for (name, path) in &running.env {
        if name.ends_with("_FILE") {
            secrets.push(std::fs::read_to_string(path).unwrap().trim()[..40].to_owned());
        }
    }
    assert!(secrets.len() >= 10, "{secrets:?}");
    for line in log {
        for secret in &secrets {
            assert!(!line.contains(secret.as_str()), "a secret in the log: {line}");
        }
    }
}

#[test]
fn a_bad_request_gets_the_providers_envelope_and_a_log_line_that_says_what_was_wrong() {
    let keys = ScratchDir::new("bad-keys");
    let more = ["--vip-charge-md5-secret", "s3cr3t-md5-key", "--acqra-secret", "acqra-secret-42"];
    let running = Running::serving(&["--all"], &keys, &more);
    let base = running.var("VIPCHARGE_BASE_URL");
    let body = r#"{"merchantId":"800001"}"#;
    let agent = ureq::Agent::new_with_config(ureq::Agent::config_builder().http_status_as_error(false).build());
    let mut response = agent
        .post(format!("{base}/v1/openapi/order/product/list"))
        .header("Content-Type", "application/json")
        .header("businessId", "900001")
        .header("nonce", "n-1")
        .header("timestamp", "1700000000000")
        .header("signType", "MD5")
        .header("sign", "0123456789ABCDEF0123456789ABCDEF")
        .send(body)
        .unwrap();
    let envelope: Value = serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap();
    assert_eq!(envelope["status"], 2, "the platform's own refusal: {envelope}");
    assert_eq!(envelope["message"], "验签失败");
    let line = running.out.wait_for(|l| l.starts_with("[vip-charge] POST")).unwrap();
    assert!(
        line.contains(
            "refused: sign mismatch (MD5): expected the upper-case hex MD5 of the string to sign \
                       `businessId=900001&nonce=n-1&signType=MD5&timestamp=1700000000000{\"merchantId\":\"800001\"}` \
                       followed by <md5 secret key: 14 chars>; got `01234567...`"
        ),
        "{line}"
    );
    assert!(!line.contains("s3cr3t"), "{line}");

    // visagenius: a wrong app id, said in words; the envelope is the provider's.
    let (status, body) =
        post(&format!("{}/openvisa/product_query", running.var("VISAGENIUS_BASE_URL")), "application/json", "{}");
    assert_eq!(status, 400);
    assert!(body.contains("\"ret\":-1"), "{body}");
    let line = running.out.wait_for(|l| l.starts_with("[visagenius] POST")).unwrap();
    assert!(line.ends_with("refused: missing header(s): X-Date or Date, X-Appid, Authorization"), "{line}");

    // acqra: a wrong secret for the token, said without the secret.
    let acqra = running.var("ACQRA_BASE_URL");
    let body = format!(r#"{{"appId":"{}","secret":"not-the-secret"}}"#, running.var("ACQRA_APP_ID"));
    let (status, envelope) = post(&format!("{acqra}/gateway/v1/connect/token"), "application/json", &body);
    assert_eq!((status, envelope.as_str()), (200, r#"{"respCode":"1001","respMsg":"invalid appId or secret"}"#));
    let line = running.out.wait_for(|l| l.starts_with("[acqra-gateway] POST")).unwrap();
    assert!(
        line.ends_with(
            "refused: token request: wrong secret (got <secret: 14 chars>, the sandbox's is <secret: 15 chars>)"
        ),
        "{line}"
    );

    // chainup: an envelope whose data does not decrypt, with what it must be.
    let chainup = running.var("CHAINUP_BASE_URL");
    let body = format!(
        r#"{{"app_id":"{}","data":"AAAA","sign":"QUJDREVGR0hJSktM","time":1}}"#,
        running.var("CHAINUP_APP_KEY")
    );
    let (status, envelope) =
        post(&format!("{chainup}/platformapi/chainup/open/opay/orderDetail"), "application/json", &body);
    assert_eq!(status, 200);
    assert!(envelope.contains(r#""code":"1003""#), "{envelope}");
    let line = running.out.wait_for(|l| l.starts_with("[chainup-opay] POST")).unwrap();
    assert!(
        line.contains("refused: data is not a whole number of RSA blocks: `data` must be the business JSON encrypted")
            && line.ends_with("(got sign `QUJDREVG...`)"),
        "{line}"
    );
    for line in running.log_lines() {
        assert!(!line.contains("s3cr3t") && !line.contains("acqra-secret-42"), "{line}");
    }

    // The admin interface reports the same verdicts as JSON.
    let (_, requests) = get(&format!("{base}/__sandbox/requests"));
    let requests: Value = serde_json::from_str(&requests).unwrap();
    assert_eq!(requests[0]["verdict"], "refused");
    assert!(requests[0]["reason"].as_str().unwrap().starts_with("sign mismatch (MD5)"));
}

#[test]
fn a_non_loopback_address_needs_saying_so() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_paykit-sandbox"))
        .args(["mall-pay", "--bind", "0.0.0.0", "--base-port", "0"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("not a loopback address"), "{stderr}");
}
