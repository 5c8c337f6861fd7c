//! The vip-charge quickstart on tokio + reqwest: the same flow as `examples/quickstart.rs` (product
//! list → business balance → charge order → order info, and against the sandbox the status callback
//! received and verified), printing the same steps, with the async client.
//!
//! ```sh
//! cargo run -p vip-charge --example vip-charge-async --features sandbox,reqwest
//! ```
//!
//! With no environment set it runs against the built-in sandbox (MD5, then SHA256-RSA); with
//! `VIPCHARGE_BASE_URL` set it reads exactly the quickstart's `VIPCHARGE_*` variables, with the
//! quickstart's own code (`real_server_from_env`).

use std::collections::HashSet;
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::mpsc;
use std::time::Duration;

use sandbox_server::SandboxServer;
use vip_charge::sandbox::Sandbox;
use vip_charge::{
    AsyncClient, BusinessBalanceRequest, OrderInfoRequest, ProductListRequest, SignType, StatusCallback,
    VipChargeRequest, VipChargeResponse,
};

/// The quickstart's environment reading and result type, shared rather than copied.
#[allow(dead_code)]
#[path = "quickstart.rs"]
pub mod quickstart;

use quickstart::{BoxError, Outcome, RealServer, real_server_from_env};

#[tokio::main]
async fn main() -> ExitCode {
    let result = if std::env::var_os("VIPCHARGE_BASE_URL").is_some() {
        run_real_server().await
    } else {
        match run_sandbox(SignType::Md5).await {
            Ok(_) => run_sandbox(SignType::Sha256Rsa).await.map(|_| ()),
            Err(e) => Err(e),
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("async quickstart failed: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The main flow against any server: product list → balance → charge order → order info.
async fn flow(
    client: &AsyncClient,
    merchant_id: &str,
    product_code: Option<String>,
    account: &str,
    callback_url: Option<String>,
) -> Result<VipChargeResponse, BoxError> {
    let business_id = client.config().business_id().to_owned();

    let products = client.product_list(&ProductListRequest::new(merchant_id)).await?;
    println!("1. product list: {} product(s)", products.products.len());
    for p in products.products.iter().take(5) {
        println!(
            "   - {} {} at {}",
            p.product_code.as_deref().unwrap_or("?"),
            p.product_name.as_deref().unwrap_or(""),
            p.settlement_price.map(|d| d.to_string()).unwrap_or_else(|| "?".into())
        );
    }
    let product_code = match product_code {
        Some(code) => code,
        None => products.products.first().and_then(|p| p.product_code.clone()).ok_or("the product list is empty")?,
    };

    let balance = client.business_balance(&BusinessBalanceRequest::new(merchant_id, business_id.as_str())).await?;
    match balance.balance {
        Some(b) => println!("2. balance: {b}"),
        None => println!("2. balance (unrecognised shape): {}", balance.raw),
    }

    let biz_code = format!("QS{}", vip_charge::sign_core::clock::random_nonce(16));
    let mut builder = VipChargeRequest::builder()
        .merchant_id(merchant_id)
        .business_id(business_id.as_str())
        .product_code(product_code.as_str())
        .account(account)
        .biz_code(biz_code);
    if let Some(url) = callback_url {
        builder = builder.callback_url(url);
    }
    let request = builder.build()?;
    let order = client.vip_charge(&request).await?;
    println!(
        "3. charge order placed: orderCode {} (bizCode {}), settlement price {}",
        order.order_code,
        request.biz_code,
        order.settlement_price.map(|d| d.to_string()).unwrap_or_else(|| "?".into())
    );

    let info = client.order_info(&OrderInfoRequest::by_order_code(order.order_code.as_str())).await?;
    println!(
        "4. order info: orderCode {}, account {}",
        info.order_code.as_deref().unwrap_or("?"),
        info.account.as_deref().unwrap_or("?")
    );
    Ok(order)
}

/// Runs the flow against a fresh sandbox, with a local server receiving the status callback.
///
/// # Errors
/// The first failing step, or no callback within 20 s.
pub async fn run_sandbox(sign_type: SignType) -> Result<Outcome, BoxError> {
    println!("== sandbox, signType {sign_type} ==");
    let sandbox = Sandbox::start()?;
    let client = AsyncClient::new(sandbox.config_builder_with_sign_type(sign_type).build()?);

    // The merchant's callback endpoint (a plain loopback server here; an axum handler in a real
    // service): verification is sans-IO, the same call in async code.
    let verifier = client.clone();
    let (tx, rx) = mpsc::channel::<StatusCallback>();
    let handled = Mutex::new((tx, HashSet::<String>::new()));
    let receiver =
        SandboxServer::start(move |request| match verifier.verify_notification(&request.headers, &request.body) {
            Ok(callback) => {
                if let Ok(mut handled) = handled.lock() {
                    let (tx, seen) = &mut *handled;
                    if seen.insert(callback.notification.order_code.clone()) {
                        let _ = tx.send(callback);
                    }
                }
                vip_charge::HttpResponse::new(200, verifier.notification_reply().as_bytes().to_vec())
            }
            Err(vip_charge::Error::CallbackReplayed(_)) => {
                vip_charge::HttpResponse::new(200, verifier.notification_reply().as_bytes().to_vec())
            }
            Err(_) => vip_charge::HttpResponse::new(401, b"FAIL".to_vec()),
        })?;

    let callback_url = format!("{}/vip-charge/notify", receiver.base_url());
    let order = flow(&client, sandbox.merchant_id(), None, "demo-account-001", Some(callback_url)).await?;

    // Waiting on the channel blocks: off the runtime's threads.
    let callback = tokio::task::spawn_blocking(move || rx.recv_timeout(Duration::from_secs(20)))
        .await?
        .map_err(|_| "no status callback arrived")?;
    println!(
        "5. status callback verified: orderCode {}, body {}; replied {}",
        callback.notification.order_code,
        callback.raw,
        client.notification_reply()
    );
    if callback.notification.order_code != order.order_code {
        return Err("the callback reported another order".into());
    }
    Ok(Outcome { order, callback: Some(callback) })
}

/// Runs the flow against the server named by `VIPCHARGE_BASE_URL`.
async fn run_real_server() -> Result<(), BoxError> {
    let RealServer { config, base_url, merchant_id, product_code, account, sign_type, success_status, callback_url } =
        real_server_from_env()?;
    println!("== {base_url}, signType {sign_type}, success status {success_status} ==");
    let client = AsyncClient::new(config);
    flow(&client, &merchant_id, Some(product_code), &account, callback_url).await?;
    println!(
        "5. status callbacks go to your callback URL: verify them with Client::verify_notification and reply {}",
        client.notification_reply()
    );
    Ok(())
}
