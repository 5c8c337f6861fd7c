//! Quickstart: product list → business balance → charge order → order info, and against the
//! sandbox also the status callback received and verified.
//!
//! ```sh
//! # Against the built-in sandbox (no setup):
//! cargo run -p vip-charge --example vip-charge-quickstart --features sandbox
//!
//! # Against a real server:
//! VIPCHARGE_BASE_URL=https://... VIPCHARGE_BUSINESS_ID=... VIPCHARGE_MERCHANT_ID=... \
//! VIPCHARGE_PRODUCT_CODE=... VIPCHARGE_ACCOUNT=... VIPCHARGE_SUCCESS_STATUS=0 \
//! VIPCHARGE_SIGN_TYPE=MD5 VIPCHARGE_SECRET_KEY=... \
//! cargo run -p vip-charge --example vip-charge-quickstart --features sandbox
//! # or VIPCHARGE_SIGN_TYPE=SHA256-RSA with VIPCHARGE_PRIVATE_KEY_FILE and
//! # VIPCHARGE_PLATFORM_PUBLIC_KEY_FILE (PEM or bare Base64 DER); VIPCHARGE_CALLBACK_URL is optional.
//! ```
//! Exits non-zero, printing the error, if any step fails.

use std::collections::HashSet;
use std::error::Error as StdError;
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::mpsc;
use std::time::Duration;

use sandbox_server::SandboxServer;
use vip_charge::sandbox::Sandbox;
use vip_charge::{
    BusinessBalanceRequest, BusinessBalanceResponse, Client, Config, OrderInfoRequest, OrderInfoResponse,
    ProductListRequest, ProductListResponse, SignType, StatusCallback, VipChargeRequest, VipChargeResponse,
};

/// Any failure of the quickstart.
pub type BoxError = Box<dyn StdError + Send + Sync>;

fn main() -> ExitCode {
    let result = if std::env::var_os("VIPCHARGE_BASE_URL").is_some() {
        run_real_server()
    } else {
        run_sandbox(SignType::Md5).and_then(|_| run_sandbox(SignType::Sha256Rsa)).map(|_| ())
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("quickstart failed: {e}");
            ExitCode::FAILURE
        }
    }
}

/// What a flow produced, for the tests that run this example's code.
#[allow(dead_code)]
pub struct Outcome {
    /// The charge order placed.
    pub order: VipChargeResponse,
    /// The verified status callback (sandbox runs).
    pub callback: Option<StatusCallback>,
}

/// What the flow orders: at which merchant, which product (`None`: the first one listed), for
/// which account, and where the status callback goes.
pub struct Order {
    /// The merchant id.
    pub merchant_id: String,
    /// The product code, or `None` for the first product listed.
    pub product_code: Option<String>,
    /// The account to charge.
    pub account: String,
    /// The order's `callbackUrl`.
    pub callback_url: Option<String>,
}

impl Order {
    /// The sandbox's order: its merchant, the first product, a demo account.
    pub fn sandbox(sandbox: &Sandbox, callback_url: String) -> Self {
        let merchant_id = sandbox.merchant_id().to_owned();
        Self { merchant_id, product_code: None, account: "demo-account-001".into(), callback_url: Some(callback_url) }
    }
}

/// The main flow against any server: product list → balance → charge order → order info.
fn flow(client: &Client, order: Order) -> Result<VipChargeResponse, BoxError> {
    let (business_id, merchant_id) = (client.config().business_id().to_owned(), order.merchant_id.as_str());
    let products = client.product_list(&ProductListRequest::new(merchant_id))?;
    let product_code = show_products(&products, order.product_code.clone())?;
    show_balance(&client.business_balance(&BusinessBalanceRequest::new(merchant_id, business_id.as_str()))?);
    let request = charge_request(&order, &business_id, &product_code)?;
    let order = client.vip_charge(&request)?;
    show_order(&order, &request);
    show_info(&client.order_info(&OrderInfoRequest::by_order_code(order.order_code.as_str()))?);
    Ok(order)
}

/// Step 1: prints the product list; the product to order is `product_code`, else the first listed.
///
/// # Errors
/// No product code given and an empty list.
pub fn show_products(products: &ProductListResponse, product_code: Option<String>) -> Result<String, BoxError> {
    println!("1. product list: {} product(s)", products.products.len());
    for p in products.products.iter().take(5) {
        println!(
            "   - {} {} at {}",
            p.product_code.as_deref().unwrap_or("?"),
            p.product_name.as_deref().unwrap_or(""),
            p.settlement_price.map(|d| d.to_string()).unwrap_or_else(|| "?".into())
        );
    }
    match product_code {
        Some(code) => Ok(code),
        None => {
            Ok(products.products.first().and_then(|p| p.product_code.clone()).ok_or("the product list is empty")?)
        }
    }
}

/// Step 2: prints the business balance.
pub fn show_balance(balance: &BusinessBalanceResponse) {
    match balance.balance {
        Some(b) => println!("2. balance: {b}"),
        None => println!("2. balance (unrecognised shape): {}", balance.raw),
    }
}

/// The charge order of `product_code` for `order`'s account, with a fresh `bizCode`.
///
/// # Errors
/// A value the request refuses.
pub fn charge_request(order: &Order, business_id: &str, product_code: &str) -> Result<VipChargeRequest, BoxError> {
    let biz_code = format!("QS{}", vip_charge::sign_core::clock::random_nonce(16));
    let mut builder = VipChargeRequest::builder()
        .merchant_id(order.merchant_id.as_str())
        .business_id(business_id)
        .product_code(product_code)
        .account(order.account.as_str())
        .biz_code(biz_code);
    if let Some(url) = &order.callback_url {
        builder = builder.callback_url(url.as_str());
    }
    Ok(builder.build()?)
}

/// Step 3: prints the order placed.
pub fn show_order(order: &VipChargeResponse, request: &VipChargeRequest) {
    println!(
        "3. charge order placed: orderCode {} (bizCode {}), settlement price {}",
        order.order_code,
        request.biz_code,
        order.settlement_price.map(|d| d.to_string()).unwrap_or_else(|| "?".into())
    );
}

/// Step 4: prints the order looked up.
pub fn show_info(info: &OrderInfoResponse) {
    println!(
        "4. order info: orderCode {}, account {}",
        info.order_code.as_deref().unwrap_or("?"),
        info.account.as_deref().unwrap_or("?")
    );
}

/// Runs the flow against a fresh sandbox, with a local server receiving the status callback.
pub fn run_sandbox(sign_type: SignType) -> Result<Outcome, BoxError> {
    println!("== sandbox, signType {sign_type} ==");
    let sandbox = Sandbox::start()?;
    // One client places the orders and verifies the callbacks.
    let client = Client::new(sandbox.config_builder_with_sign_type(sign_type).build()?);
    let (_receiver, callbacks, callback_url) = callback_receiver(client.clone())?;
    let order = flow(&client, Order::sandbox(&sandbox, callback_url))?;
    let callback = callbacks.recv_timeout(Duration::from_secs(20)).map_err(|_| "no status callback arrived")?;
    show_callback(order, callback, client.notification_reply())
}

/// The merchant's callback endpoint, on a local server, and its URL: verify with `verifier` (sans-IO:
/// the async example passes its client's `sans_io()`), act once per orderCode (the platform
/// retries, each retry signed afresh: the first one verified goes to the channel), reply `SUCCESS`
/// every time; a delivery seen before is `CallbackReplayed`: reply without acting. Anything else
/// is refused.
///
/// # Errors
/// The server does not start.
pub fn callback_receiver(
    verifier: Client,
) -> Result<(SandboxServer, mpsc::Receiver<StatusCallback>, String), BoxError> {
    let (tx, rx) = mpsc::channel::<StatusCallback>();
    let handled = Mutex::new((tx, HashSet::<String>::new()));
    let receiver = SandboxServer::start(move |request| {
        let reply = verifier.notification_reply().as_bytes().to_vec();
        match verifier.verify_notification(&request.headers, &request.body) {
            Ok(callback) => {
                if let Ok(mut handled) = handled.lock() {
                    let (tx, seen) = &mut *handled;
                    if seen.insert(callback.notification.order_code.clone()) {
                        let _ = tx.send(callback);
                    }
                }
                vip_charge::HttpResponse::new(200, reply)
            }
            Err(vip_charge::Error::CallbackReplayed(_)) => vip_charge::HttpResponse::new(200, reply),
            Err(_) => vip_charge::HttpResponse::new(401, b"FAIL".to_vec()),
        }
    })?;
    let callback_url = format!("{}/vip-charge/notify", receiver.base_url());
    Ok((receiver, rx, callback_url))
}

/// Step 5 against the sandbox: prints the verified callback of `order`.
///
/// # Errors
/// The callback reports another order.
pub fn show_callback(order: VipChargeResponse, callback: StatusCallback, reply: &str) -> Result<Outcome, BoxError> {
    println!(
        "5. status callback verified: orderCode {}, body {}; replied {reply}",
        callback.notification.order_code, callback.raw
    );
    if callback.notification.order_code != order.order_code {
        return Err("the callback reported another order".into());
    }
    Ok(Outcome { order, callback: Some(callback) })
}

fn env(name: &str) -> Result<String, BoxError> {
    match std::env::var(name) {
        Ok(v) if !v.trim().is_empty() => Ok(v.trim().to_owned()),
        _ => Err(format!("{name} is not set").into()),
    }
}

/// The server named by the `VIPCHARGE_*` variables and what to order there. Shared with
/// `examples/async.rs`.
pub struct RealServer {
    /// The client configuration (keys loaded and checked).
    pub config: Config,
    /// `VIPCHARGE_BASE_URL`.
    pub base_url: String,
    /// `VIPCHARGE_MERCHANT_ID`.
    pub merchant_id: String,
    /// `VIPCHARGE_PRODUCT_CODE`.
    pub product_code: String,
    /// `VIPCHARGE_ACCOUNT`.
    pub account: String,
    /// `VIPCHARGE_SIGN_TYPE`.
    pub sign_type: SignType,
    /// `VIPCHARGE_SUCCESS_STATUS`.
    pub success_status: i64,
    /// `VIPCHARGE_CALLBACK_URL`, optional.
    pub callback_url: Option<String>,
}

impl RealServer {
    /// What to order there.
    pub fn order(&self) -> Order {
        Order {
            merchant_id: self.merchant_id.clone(),
            product_code: Some(self.product_code.clone()),
            account: self.account.clone(),
            callback_url: self.callback_url.clone(),
        }
    }
}

/// Reads the server to run against from the environment (the caller checked that
/// `VIPCHARGE_BASE_URL` is set).
///
/// # Errors
/// A missing or malformed variable, named in the message; a key that does not load.
pub fn real_server_from_env() -> Result<RealServer, BoxError> {
    let base_url = env("VIPCHARGE_BASE_URL")?;
    let business_id = env("VIPCHARGE_BUSINESS_ID")?;
    let merchant_id = env("VIPCHARGE_MERCHANT_ID")?;
    let product_code = env("VIPCHARGE_PRODUCT_CODE")?;
    let account = env("VIPCHARGE_ACCOUNT")?;
    let success_status: i64 = match std::env::var("VIPCHARGE_SUCCESS_STATUS") {
        Ok(s) if !s.trim().is_empty() => s.trim().parse().map_err(|_| "VIPCHARGE_SUCCESS_STATUS is not an integer")?,
        _ => vip_charge::DEFAULT_SUCCESS_STATUS,
    };
    let sign_type: SignType = env("VIPCHARGE_SIGN_TYPE").unwrap_or_else(|_| "SHA256-RSA".into()).parse()?;
    let callback_url = std::env::var("VIPCHARGE_CALLBACK_URL").ok().filter(|s| !s.trim().is_empty());

    let builder =
        Config::builder().base_url(base_url.as_str()).business_id(business_id.as_str()).success_status(success_status);
    // The keys are loaded (and checked) by build(); the platform public key verifies callbacks.
    let config = match sign_type {
        SignType::Md5 => builder.md5_secret_key(env("VIPCHARGE_SECRET_KEY")?).build()?,
        _ => builder
            .rsa_private_key_file(env("VIPCHARGE_PRIVATE_KEY_FILE")?)
            .platform_public_key_file(env("VIPCHARGE_PLATFORM_PUBLIC_KEY_FILE")?)
            .build()?,
    };
    Ok(RealServer { config, base_url, merchant_id, product_code, account, sign_type, success_status, callback_url })
}

/// Runs the flow against the server named by `VIPCHARGE_BASE_URL`.
fn run_real_server() -> Result<(), BoxError> {
    let server = real_server()?;
    let client = Client::new(server.config.clone());
    flow(&client, server.order())?;
    show_real_server_end(client.notification_reply());
    Ok(())
}

/// The server named by the `VIPCHARGE_*` variables, announced.
///
/// # Errors
/// As [`real_server_from_env`].
pub fn real_server() -> Result<RealServer, BoxError> {
    let server = real_server_from_env()?;
    println!("== {}, signType {}, success status {} ==", server.base_url, server.sign_type, server.success_status);
    Ok(server)
}

/// The last line against a real server: where the callbacks go and what to reply.
pub fn show_real_server_end(reply: &str) {
    println!(
        "5. status callbacks go to your callback URL: verify them with Client::verify_notification and reply {reply}"
    );
}
