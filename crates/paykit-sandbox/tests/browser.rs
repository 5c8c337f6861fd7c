//! The payer's pages in a real headless browser (Chromium and chromedriver from Debian's packages,
//! driven over W3C WebDriver on loopback): acqra's cashier page takes a test card and fails or
//! pays the checkout session; chainup's payment page pays the order and the callback follows.
//!
//! Without chromedriver the test says it skipped, unless `PAYKIT_BROWSER_TESTS=1` (set by CI),
//! where a missing browser is a failure.

mod common;

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::{Value, json};

/// The W3C name of an element reference in WebDriver answers.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain([PathBuf::from("/usr/bin"), PathBuf::from("/usr/lib/chromium")])
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// A chromedriver process and one headless Chromium session.
struct Browser {
    driver: Child,
    base: String,
    session: String,
    agent: ureq::Agent,
}

impl Browser {
    fn start(chromedriver: &PathBuf, chromium: &PathBuf) -> Browser {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let base = format!("http://127.0.0.1:{port}");
        let agent = ureq::Agent::new_with_config(
            ureq::Agent::config_builder()
                .http_status_as_error(false)
                .timeout_global(Some(Duration::from_secs(60)))
                .build(),
        );
        let mut browser = Browser { driver, base, session: String::new(), agent };
        let deadline = Instant::now() + PATIENCE;
        while browser.agent.get(format!("{}/status", browser.base)).call().is_err() {
            assert!(Instant::now() < deadline, "chromedriver never answered");
            std::thread::sleep(Duration::from_millis(100));
        }
        let capabilities = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            },
        }}});
        let session = browser.call("POST", "/session", Some(capabilities));
        browser.session = session["sessionId"].as_str().expect("a session id").to_owned();
        browser
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let (status, answer) = self.try_call(method, path, body);
        assert_eq!(status, 200, "WebDriver {method} {path}: {answer}");
        answer["value"].clone()
    }

    /// The status and the whole answer.
    fn try_call(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let url = format!("{}{path}", self.base);
        let mut response = match (method, body) {
            ("GET", _) => self.agent.get(&url).call(),
            ("DELETE", _) => self.agent.delete(&url).call(),
            (_, body) => self
                .agent
                .post(&url)
                .header("Content-Type", "application/json")
                .send(body.unwrap_or_else(|| json!({})).to_string()),
        }
        .unwrap_or_else(|e| panic!("WebDriver {method} {path}: {e}"));
        let status = response.status().as_u16();
        let answer: Value = serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap();
        (status, answer)
    }

    fn session_path(&self, rest: &str) -> String {
        format!("/session/{}{rest}", self.session)
    }

    fn open(&self, url: &str) {
        self.call("POST", &self.session_path("/url"), Some(json!({ "url": url })));
    }

    /// The element, waiting for it while the page a click started is still loading.
    fn element(&self, css: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let query = json!({ "using": "css selector", "value": css });
            let (status, answer) = self.try_call("POST", &self.session_path("/element"), Some(query));
            if status == 200 {
                return answer["value"][ELEMENT].as_str().unwrap_or_else(|| panic!("no element {css}")).to_owned();
            }
            let missing = answer["value"]["error"] == "no such element";
            assert!(missing && Instant::now() < deadline, "WebDriver: element {css}: {answer}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn type_into(&self, css: &str, text: &str) {
        let id = self.element(css);
        self.call("POST", &self.session_path(&format!("/element/{id}/clear")), None);
        self.call("POST", &self.session_path(&format!("/element/{id}/value")), Some(json!({ "text": text })));
    }

    fn click(&self, css: &str) {
        let id = self.element(css);
        self.call("POST", &self.session_path(&format!("/element/{id}/click")), None);
    }

    fn text(&self, css: &str) -> String {
        let id = self.element(css);
        self.call("GET", &self.session_path(&format!("/element/{id}/text")), None)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.agent.delete(format!("{}/session/{}", self.base, self.session)).call();
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

#[test]
fn payers_pay_and_fail_on_the_pages_in_a_headless_browser() {
    let required = std::env::var("PAYKIT_BROWSER_TESTS").is_ok_and(|v| v == "1");
    let (Some(chromedriver), Some(chromium)) =
        (find_program(&["chromedriver"]), find_program(&["chromium", "chromium-browser", "google-chrome"]))
    else {
        assert!(!required, "PAYKIT_BROWSER_TESTS=1 but chromium or chromedriver is missing");
        println!("skipped: chromium and chromedriver not found (apt-get install chromium chromium-driver)");
        return;
    };

    let (merchant, received) = merchant(|_| chainup_opay::DEFAULT_CALLBACK_REPLY);
    let keys = ScratchDir::new("browser-keys");
    let running = Running::serving(&["acqra", "chainup"], &keys, &[]);
    let var = |name: &str| running.var(name);
    let browser = Browser::start(&chromedriver, &chromium);

    // acqra: two checkout sessions; the declined test card fails one, the approved card pays the
    // other; the gateway's query then reports each.
    let acqra = var("ACQRA_BASE_URL");
    let client = running.acqra_client();
    let status_of = |order_no: &str| {
        let query = acqra_gateway::QueryRequest::new(acqra_gateway::PaymentMethodType::Card).with_order_no(order_no);
        let answer = client.query(&query).unwrap();
        answer.order.and_then(|o| o.order_status).map(|s| s.as_str().to_owned()).unwrap_or_default()
    };
    let mut sessions = Vec::new();
    for n in 1..=2 {
        let request = acqra_gateway::CashierOrderRequest::new(
            "12.30".parse::<acqra_gateway::Decimal>().unwrap(),
            acqra_gateway::Currency::USD,
            format!("CS-BROWSER-{n}"),
        );
        sessions.push(client.cashier_order(&request).unwrap());
    }
    browser.open(&format!("{acqra}{}", sessions[0].redirect_url));
    assert_eq!(browser.text("#amount"), "12.30 USD");
    browser.type_into("#card-number", acqra_gateway::sandbox::DECLINED_CARD);
    browser.type_into("#cvc", "737");
    browser.click("#pay");
    assert!(browser.text("#result").contains("declined"), "{}", browser.text("#result"));
    assert_eq!(status_of("CS-BROWSER-1"), "failed");

    browser.open(&format!("{acqra}{}", sessions[1].redirect_url));
    browser.type_into("#card-number", "4111 1111 1111 1111");
    browser.type_into("#cvc", "737");
    browser.click("#pay");
    assert_eq!(browser.text("#result"), "Order CS-BROWSER-2 is paid.");
    assert_eq!(status_of("CS-BROWSER-2"), "successed");

    // chainup: the page the crate's payment_page() points at pays the order; the callback follows.
    let client = running.chainup_client();
    let payer = chainup_opay::Payer::UserId("22033390".into());
    let order = chainup_opay::CreateThirdOrderRequest::for_payer(
        payer.clone(),
        "browser-1",
        "7".parse::<chainup_opay::Decimal>().unwrap(),
        "USDT",
        "https://merchant.example.com/paid",
        format!("{}/opay/notify", merchant.base_url()),
    );
    let order_num = client.create_third_order(&order).unwrap().order_num;
    browser.open(&client.payment_page(order_num.clone(), payer).url());
    assert_eq!(browser.text("#order-num"), order_num);
    browser.click("#pay");
    assert!(browser.text("#result").starts_with("Payment successful"), "{}", browser.text("#result"));
    let callback = received.wait_for("/opay/notify", |_| true).expect("the callback after the page");
    let paid = client.verify_notification(&callback.headers, &callback.body).unwrap();
    assert_eq!((paid.order_num, paid.order_status), (order_num, chainup_opay::OrderStatus::Paid));

    // The card numbers typed on the page reached no log line; the page requests were logged.
    let page_line = running.out.wait_for(|l| {
        l.starts_with("[acqra-gateway] page POST /h5/zh-cn/cashier.html -> 200 accepted: checkout session")
    });
    let log = running.log_lines();
    assert!(page_line.is_some(), "{log:?}");
    assert!(log.iter().all(|l| !l.contains("4111") && !l.contains(acqra_gateway::sandbox::DECLINED_CARD)), "{log:?}");
    drop(browser);
}
