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

use std::process::ExitCode;
use std::time::Duration;

use vip_charge::sandbox::Sandbox;
use vip_charge::{
    AsyncClient, BusinessBalanceRequest, OrderInfoRequest, ProductListRequest, SignType, VipChargeResponse,
};

/// The quickstart's environment reading, printing, request building, callback endpoint and result
/// type, shared rather than copied: only the calls (awaited here) differ.
#[allow(dead_code)]
#[path = "quickstart.rs"]
pub mod quickstart;

use quickstart::{
    BoxError, Order, Outcome, callback_receiver, charge_request, real_server, show_balance, show_callback, show_info,
    show_order, show_products, show_real_server_end,
};

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
async fn flow(client: &AsyncClient, order: Order) -> Result<VipChargeResponse, BoxError> {
    let (business_id, merchant_id) = (client.config().business_id().to_owned(), order.merchant_id.as_str());
    let products = client.product_list(&ProductListRequest::new(merchant_id)).await?;
    let product_code = show_products(&products, order.product_code.clone())?;
    show_balance(&client.business_balance(&BusinessBalanceRequest::new(merchant_id, business_id.as_str())).await?);
    let request = charge_request(&order, &business_id, &product_code)?;
    let order = client.vip_charge(&request).await?;
    show_order(&order, &request);
    show_info(&client.order_info(&OrderInfoRequest::by_order_code(order.order_code.as_str())).await?);
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
    // service): verification is sans-IO, the async client's sans-IO half verifies.
    let (_receiver, callbacks, callback_url) = callback_receiver(client.sans_io().clone())?;
    let order = flow(&client, Order::sandbox(&sandbox, callback_url)).await?;
    // Waiting on the channel blocks: off the runtime's threads.
    let callback = tokio::task::spawn_blocking(move || callbacks.recv_timeout(Duration::from_secs(20)))
        .await?
        .map_err(|_| "no status callback arrived")?;
    show_callback(order, callback, client.notification_reply())
}

/// Runs the flow against the server named by `VIPCHARGE_BASE_URL`.
async fn run_real_server() -> Result<(), BoxError> {
    let server = real_server()?;
    let client = AsyncClient::new(server.config.clone());
    flow(&client, server.order()).await?;
    show_real_server_end(client.notification_reply());
    Ok(())
}
