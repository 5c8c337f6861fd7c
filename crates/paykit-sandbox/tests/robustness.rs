//! What the README and issue 17 promise beyond the providers' rules: every request logged with a
//! verdict in words (admin requests and the payer's pages too), a closed stdout that stops neither
//! the serving nor the clean shutdown, a `--state` file that cannot be written refused at start,
//! and generated keys in a new directory of the owner's own.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use common::*;

/// The child, killed when dropped unless taken: a failed test leaves no server running.
struct Spawned(Option<Child>);

impl Spawned {
    fn child(&mut self) -> &mut Child {
        self.0.as_mut().unwrap()
    }
}

impl Drop for Spawned {
    fn drop(&mut self) {
        if let Some(mut child) = self.0.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::new_with_config(ureq::Agent::config_builder().http_status_as_error(false).build())
}

#[test]
fn admin_requests_and_the_payers_pages_are_logged_with_their_verdicts() {
    let keys = ScratchDir::new("verdict-keys");
    let running = Running::serving(&["acqra", "chainup"], &keys, &[]);
    let acqra = running.var("ACQRA_BASE_URL");
    let chainup = running.var("CHAINUP_BASE_URL");
    let logged = |start: &str, end: &str| {
        let line = running.out.wait_for(|l| l.starts_with(start) && l.ends_with(end));
        assert!(line.is_some(), "no line `{start} ... {end}` in the log:\n{}", running.log_lines().join("\n"));
    };

    // An unknown order is a 404 on acqra as on the other providers, and the log line says why.
    let (status, said) = post(&format!("{acqra}/__sandbox/orders/NOPE-1/paid"), "application/json", "");
    assert_eq!(status, 404, "{said}");
    logged("[acqra-gateway] admin POST /__sandbox/orders/NOPE-1/paid -> 404 refused: no order \"NOPE-1\"", "");
    let (status, _) = get(&format!("{acqra}/__sandbox/orders"));
    assert_eq!(status, 200);
    logged("[acqra-gateway] admin GET /__sandbox/orders -> 200 accepted", "accepted");

    // The cashier page: an unknown session, then a declined card, each said in the log.
    let (status, _) = get(&format!("{acqra}/h5/zh-cn/cashier.html?orderNo=NOPE-2"));
    assert_eq!(status, 404);
    logged("[acqra-gateway] page GET /h5/zh-cn/cashier.html -> 404 refused: no checkout session \"NOPE-2\"", "");
    let client = running.acqra_client();
    let session = acqra_gateway::CashierOrderRequest::new(
        "5.00".parse::<acqra_gateway::Decimal>().unwrap(),
        acqra_gateway::Currency::USD,
        "CS-VERDICT-1",
    );
    client.cashier_order(&session).unwrap();
    let cashier = format!("{acqra}/h5/zh-cn/cashier.html?orderNo=CS-VERDICT-1");
    let form = format!(
        "cardNo={}&expiryMonth=12&expiryYear=2030&cvc=123&firstName=J&lastName=D&action=pay",
        acqra_gateway::sandbox::DECLINED_CARD
    );
    let (status, page) = post(&cashier, "application/x-www-form-urlencoded", &form);
    assert_eq!(status, 402, "{page}");
    logged("[acqra-gateway] page POST /h5/zh-cn/cashier.html -> 402 refused: card declined", "");
    assert!(!running.log_lines().iter().any(|l| l.contains(acqra_gateway::sandbox::DECLINED_CARD)));

    // A provider path the gateway does not have: the verdict names it, not just "HTTP 404".
    let (status, _) = get(&format!("{acqra}/nothing-here"));
    assert_eq!(status, 404);
    logged("[acqra-gateway] GET /nothing-here -> 404 refused: no endpoint /nothing-here", "");

    // chainup's payment page refused by the sandbox's rules: an HTML page for the payer, and a
    // log line saying which rule.
    let mut response =
        agent().get(format!("{chainup}/platform/pay.html?appKey=wrong&orderNum=1&userId=2")).call().unwrap();
    assert_eq!(response.status().as_u16(), 400);
    let content_type = response.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned());
    assert_eq!(content_type.as_deref(), Some("text/html; charset=utf-8"));
    let html = response.body_mut().read_to_string().unwrap();
    assert!(html.starts_with("<!doctype html>") && html.contains("appKey is missing or wrong"), "{html}");
    logged("[chainup-opay] page GET /platform/pay.html -> 400 refused: appKey is missing or wrong", "");
}

#[cfg(unix)]
#[test]
fn a_closed_stdout_neither_fails_requests_nor_panics_at_shutdown() {
    let mut spawned = Spawned(Some(
        Command::new(env!("CARGO_BIN_EXE_paykit-sandbox"))
            .args(["mall-pay", "--base-port", "0"])
            .env_remove("PAYKIT_SANDBOX_PROVIDERS")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    ));
    let mut base = None;
    let mut token = None;
    {
        // Read the banner, then close the pipe: the reader of `paykit-sandbox | head` is gone.
        let lines = BufReader::new(spawned.child().stdout.take().unwrap()).lines();
        for line in lines {
            let line = line.unwrap();
            if let Some(url) = line.strip_prefix("MALLPAY_BASE_URL=") {
                base = Some(url.to_owned());
            }
            if let Some(t) = line.strip_prefix("MALLPAY_TOKEN=") {
                token = Some(t.to_owned());
            }
            if line.starts_with("# ready") {
                break;
            }
        }
    }
    let base = base.expect("the banner names the base URL");
    let token = token.expect("the banner names the token");
    // Each request's log line now meets a closed pipe: the requests are still served.
    let (status, orders) = get(&format!("{base}/__sandbox/orders"));
    assert_eq!(status, 200, "{orders}");
    let agent = agent();
    let body = r#"{"order_id":1001,"pay_method":3,"pay_price":0,"pay_integral":100,"address_id":1,"freight_mode":1}"#;
    let mut response = agent
        .post(format!("{base}/sandbox/order/pay"))
        .header("Content-Type", "application/json")
        .header("token", &token)
        .send(body)
        .unwrap();
    let text = response.body_mut().read_to_string().unwrap();
    assert_eq!(response.status().as_u16(), 200, "{text}");
    assert!(text.contains("\"status\":\"200\"") || text.contains("\"status\":200"), "paid: {text}");

    let killed = Command::new("kill").args(["-TERM", &spawned.child().id().to_string()]).status().unwrap();
    assert!(killed.success());
    let output = spawned.0.take().unwrap().wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "exit {:?}: {stderr}", output.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_state_file_that_cannot_be_written_stops_the_start() {
    let dir = ScratchDir::new("unwritable-state");
    std::fs::create_dir_all(&*dir).unwrap();
    // A directory that does not exist (a mistyped path): there is no state to restore, and the
    // state cannot be written either.
    let file = dir.join("missing").join("state.json");
    let mut spawned = Spawned(Some(
        Command::new(env!("CARGO_BIN_EXE_paykit-sandbox"))
            .args(["mall-pay", "--base-port", "0", "--state", file.to_str().unwrap()])
            .env_remove("PAYKIT_SANDBOX_PROVIDERS")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    ));
    let mut stdout = Vec::new();
    for line in BufReader::new(spawned.child().stdout.take().unwrap()).lines().map_while(Result::ok) {
        if line.starts_with("# ready") {
            // Serving on without keeping the state would lose every change made.
            panic!("it started serving with a state file it cannot write; it printed:\n{}", stdout.join("\n"));
        }
        stdout.push(line);
    }
    let output = spawned.0.take().unwrap().wait_with_output().unwrap();
    assert!(!output.status.success(), "{:?}", output.status);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--state: cannot write"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn generated_keys_go_to_a_new_directory_only_their_owner_can_read() {
    use std::os::unix::fs::PermissionsExt;

    /// Removes the directory the binary made, also when the test fails.
    struct Made(Option<std::path::PathBuf>);
    impl Drop for Made {
        fn drop(&mut self) {
            if let Some(dir) = &self.0 {
                let _ = std::fs::remove_dir_all(dir);
            }
        }
    }

    let mut made = Made(None);
    let running = Running::start(&["chainup", "--base-port", "0"]);
    let key = std::path::PathBuf::from(running.var("CHAINUP_MERCHANT_PRIVATE_KEY_FILE"));
    let dir = key.parent().unwrap().to_owned();
    made.0 = Some(dir.clone());
    assert!(dir.starts_with(std::env::temp_dir()), "{}", dir.display());
    let mode = std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700, "{} has mode {mode:o}", dir.display());
    let mode = std::fs::metadata(&key).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{} has mode {mode:o}", key.display());
    drop(running);
}

#[test]
fn a_chunked_body_is_served_as_node_and_java_clients_send_it() {
    use std::io::{Read, Write};

    let running = Running::start(&["mall-pay", "--base-port", "0"]);
    let base = running.var("MALLPAY_BASE_URL");
    let token = running.var("MALLPAY_TOKEN");
    let body = r#"{"order_id":3001,"pay_method":3,"pay_price":0,"pay_integral":100,"address_id":1,"freight_mode":1}"#;
    let (first, rest) = body.split_at(40);
    // Node's `http.request` with `write()` then `end()`: no Content-Length, the body in chunks.
    let request = format!(
        "POST {} HTTP/1.1\r\nHost: sandbox\r\nContent-Type: application/json\r\ntoken: {token}\r\n\
         Transfer-Encoding: chunked\r\n\r\n{:x}\r\n{first}\r\n{:x}\r\n{rest}\r\n0\r\n\r\n",
        running.var("MALLPAY_PAY_PATH"),
        first.len(),
        rest.len()
    );
    let mut stream = std::net::TcpStream::connect(base.trim_start_matches("http://")).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200 "), "{answer}");
    assert!(answer.contains("支付成功"), "paid: {answer}");
    let line = running.out.wait_for(|l| l.starts_with("[mall-pay] POST /sandbox/order/pay -> 200 accepted"));
    assert!(line.is_some(), "{:?}", running.log_lines());
    let (_, orders) = get(&format!("{base}/__sandbox/orders"));
    assert!(orders.contains("\"order_id\":3001"), "{orders}");
}

#[test]
fn a_request_refused_before_the_provider_is_logged_too() {
    let running = Running::start(&["mall-pay", "--base-port", "0"]);
    let base = running.var("MALLPAY_BASE_URL");
    // `curl -I`: a method no sandbox serves, answered by the server before the provider.
    let response = agent().head(format!("{base}/sandbox/order/pay?token=abc")).call().unwrap();
    assert_eq!(response.status().as_u16(), 405);
    let line = running.out.wait_for(|l| l.starts_with("[mall-pay] HEAD /sandbox/order/pay -> 405 refused"));
    let line = line.unwrap_or_else(|| panic!("no line for the HEAD request: {:?}", running.log_lines()));
    assert!(line.ends_with("method HEAD is not served: the sandboxes take GET, POST, PUT and DELETE"), "{line}");
    assert!(!line.contains("abc"), "no query in the log: {line}");
}

#[test]
fn a_callback_url_that_is_not_http_is_refused_at_start_not_ignored() {
    for option in ["--vip-charge-callback-url", "--chainup-notify-url"] {
        for url in ["127.0.0.1:9000/notify", "ftp://merchant.example/notify", "http://"] {
            let mut spawned = Spawned(Some(
                Command::new(env!("CARGO_BIN_EXE_paykit-sandbox"))
                    .args(["vip-charge", "chainup", "--base-port", "0", option, url])
                    .env_remove("PAYKIT_SANDBOX_PROVIDERS")
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap(),
            ));
            let stdout = BufReader::new(spawned.child().stdout.take().unwrap());
            for line in stdout.lines().map_while(Result::ok) {
                assert!(!line.starts_with("# ready"), "{option} {url}: it started, and its callbacks would never come");
            }
            let output = spawned.0.take().unwrap().wait_with_output().unwrap();
            assert!(!output.status.success(), "{option} {url}: {:?}", output.status);
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(
                stderr.contains(&format!("{option}: {url:?} is not an http:// or https:// URL")),
                "{option} {url}: {stderr}"
            );
        }
    }
}

#[test]
fn a_callback_the_platform_cannot_send_is_logged_on_one_line() {
    let keys = ScratchDir::new("unsendable-keys");
    let running = Running::serving(&["vip-charge"], &keys, &[]);
    let client = vip_charge::Client::new(
        vip_charge::Config::builder()
            .base_url(running.var("VIPCHARGE_BASE_URL"))
            .business_id(running.var("VIPCHARGE_BUSINESS_ID"))
            .sign_type(vip_charge::SignType::Md5)
            .md5_secret_key(running.var("VIPCHARGE_SECRET_KEY"))
            .build()
            .unwrap(),
    );
    let order = |biz_code: &str, callback_url: &str| {
        let mut request = vip_charge::VipChargeRequest::builder()
            .merchant_id(running.var("VIPCHARGE_MERCHANT_ID"))
            .business_id(running.var("VIPCHARGE_BUSINESS_ID"))
            .product_code(running.var("VIPCHARGE_PRODUCT_CODE"))
            .account("13800000000")
            .biz_code(biz_code)
            .build()
            .unwrap();
        request.callback_url = Some(callback_url.to_owned());
        client.vip_charge(&request).unwrap();
    };
    // The seed's own example callbackUrl has no scheme: the order is placed, the callback cannot go,
    // and the log says so instead of nothing.
    order("NOSCHEME-1", "merchant.example.com/notify");
    let line = running.out.wait_for(|l| l.starts_with("[vip-charge] callback POST merchant.example.com/notify"));
    let line = line.unwrap_or_else(|| panic!("no line for the unsent callback: {:?}", running.log_lines()));
    assert!(
        line.ends_with(
            "-> 0 refused: not sent: the callback URL \"merchant.example.com/notify\" is not an http:// or https:// URL"
        ),
        "{line}"
    );

    // A URL from a request body with a line break cannot forge a log line.
    order("FORGE-1", "http://127.0.0.1:9/x\n[vip-charge] POST /forged -> 200 accepted");
    let line = running
        .out
        .wait_for(|l| l.starts_with("[vip-charge] callback POST http://127.0.0.1:9/x\\n[vip-charge] POST /forged"));
    assert!(line.is_some(), "{:?}", running.log_lines());
    assert!(
        !running.log_lines().iter().any(|l| l.starts_with("[vip-charge] POST /forged")),
        "{:?}",
        running.log_lines()
    );
}

#[cfg(unix)]
#[test]
fn the_banner_is_a_shell_file_even_for_values_a_shell_reads_specially() {
    let dir = ScratchDir::new("banner");
    std::fs::create_dir_all(&*dir).unwrap();
    let token = "tok en$HOME'\"`x`;#";
    let running = Running::start(&["mall-pay", "--base-port", "0", "--mall-pay-token", token]);
    let banner: Vec<String> = running.out.lines().into_iter().take_while(|l| !l.starts_with("# ready")).collect();
    let file = dir.join("banner.env");
    std::fs::write(&file, banner.join("\n")).unwrap();
    // What a shell (or a docker-compose env_file) reads back is the value given, byte for byte.
    let script = format!(". '{}' && printf %s \"$MALLPAY_TOKEN\"", file.display());
    let output = Command::new("sh").args(["-c", &script]).env_remove("MALLPAY_TOKEN").output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(String::from_utf8_lossy(&output.stdout), token, "{banner:?}");
    // Plain values stay plain.
    assert!(banner.iter().any(|l| l.starts_with("MALLPAY_BASE_URL=http://127.0.0.1:")), "{banner:?}");
}

/// The documents' shapes by default; `--variant-shapes` (or its variable) switches every sandbox
/// to the undocumented variants. Seen on mall-pay's points-only success: `"status": 200` as the
/// document shows it, `"status": "200"` with the flag.
#[test]
fn answers_have_the_documented_shape_unless_variant_shapes_is_given() {
    use std::io::{Read, Write};

    for (more, status) in [(None, serde_json::json!(200)), (Some("--variant-shapes"), serde_json::json!("200"))] {
        let mut args = vec!["mall-pay", "--base-port", "0"];
        args.extend(more);
        let running = Running::start(&args);
        let base = running.var("MALLPAY_BASE_URL");
        let body = r#"{"order_id":3101,"pay_method":3,"pay_integral":100,"address_id":1,"freight_mode":1}"#;
        let request = format!(
            "POST {} HTTP/1.1\r\nHost: sandbox\r\nContent-Type: application/json\r\ntoken: {}\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            running.var("MALLPAY_PAY_PATH"),
            running.var("MALLPAY_TOKEN"),
            body.len()
        );
        let mut stream = std::net::TcpStream::connect(base.trim_start_matches("http://")).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        let (_, json) = answer.split_once("\r\n\r\n").unwrap_or_else(|| panic!("{answer}"));
        let json: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {answer}"));
        assert_eq!(json["status"], status, "{more:?}: {json}");
    }
}
