//! The opay quickstart on tokio + reqwest: the same flow as `examples/quickstart.rs` (create an
//! order, show its payment page, have the sandbox pay it and verify the callback, query it, read
//! today's statement, create and cancel a second order), printing the same steps, with the async
//! client.
//!
//! ```sh
//! cargo run -p chainup-opay --example chainup-opay-async --features sandbox,reqwest
//! ```
//!
//! With no environment set it starts the local sandbox; otherwise it reads exactly the quickstart's
//! `CHAINUP_*` variables, with the quickstart's own code (`real_config`, `settings`, `notify_page`).

use std::io::Write;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use chainup_opay::sandbox::Sandbox;
use chainup_opay::{
    AsyncClient, CancelOrderRequest, CreateThirdOrderRequest, HttpResponse, MerchantBillingDayRequest,
    OrderDetailRequest, PayNotification, Payer,
};
use sandbox_server::SandboxServer;

/// The quickstart's environment reading, shared rather than copied.
#[allow(dead_code)]
#[path = "quickstart.rs"]
pub mod quickstart;

use quickstart::{BoxError, Settings, Vars, notify_page, real_config, settings};

#[tokio::main]
async fn main() -> ExitCode {
    let vars = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let mut out = Vec::new();
    let result = run(&vars, &mut out).await;
    let _ = std::io::stdout().write_all(&out);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("async quickstart failed: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The whole quickstart: against the sandbox, or against the server the variables name.
///
/// # Errors
/// The first failing step.
pub async fn run(vars: Vars<'_>, out: &mut Vec<u8>) -> Result<(), BoxError> {
    let Some(config) = real_config(vars)? else {
        return run_sandbox(vars, out).await;
    };
    let client = AsyncClient::new(config);
    writeln!(out, "Using {}", client.config().base_url())?;
    flow(&client, vars, out, &notify_page(vars), None).await
}

/// The sandbox paying an order, and the callbacks the merchant's endpoint verified.
struct SandboxPayer {
    sandbox: Arc<Sandbox>,
    received: Arc<Mutex<Vec<PayNotification>>>,
    reply: String,
}

impl SandboxPayer {
    /// Has the sandbox pay `order_num` and returns the line to print. `Sandbox::pay` delivers the
    /// callback on the calling thread and waits for the merchant's answer: off the runtime.
    async fn pay(&self, order_num: &str) -> Result<String, BoxError> {
        let (sandbox, order_num) = (Arc::clone(&self.sandbox), order_num.to_owned());
        let delivery =
            tokio::task::spawn_blocking(move || sandbox.pay(&order_num).map_err(|e| e.to_string())).await??;
        if !delivery.acknowledged {
            return Err(format!("callback not acknowledged: HTTP {} {:?}", delivery.status, delivery.body).into());
        }
        let got = self.received.lock().unwrap_or_else(|p| p.into_inner()).pop().ok_or("no callback received")?;
        Ok(format!(
            "3. Sandbox paid it; callback verified: order {} ({}) is {:?}, {} paid; replied {:?}",
            got.order_num, got.out_order_id, got.order_status, got.pay_amount, self.reply
        ))
    }
}

async fn run_sandbox(vars: Vars<'_>, out: &mut Vec<u8>) -> Result<(), BoxError> {
    writeln!(out, "No CHAINUP_BASE_URL set: starting the local sandbox (generating RSA keys)...")?;
    // Key generation takes a moment: off the runtime too.
    let sandbox = Arc::new(tokio::task::spawn_blocking(Sandbox::start).await??);
    let client = AsyncClient::new(sandbox.config_builder().build()?);
    writeln!(out, "Sandbox listening at {}", sandbox.base_url())?;

    // The merchant's callback endpoint: verify (sans-IO), record, reply.
    let received: Arc<Mutex<Vec<PayNotification>>> = Arc::default();
    let (handler_client, store) = (client.clone(), Arc::clone(&received));
    let merchant =
        SandboxServer::start(move |req| match handler_client.verify_notification(&req.headers, &req.body) {
            Ok(n) => {
                store.lock().unwrap_or_else(|p| p.into_inner()).push(n);
                HttpResponse::new(200, handler_client.notification_reply().to_owned())
            }
            Err(chainup_opay::Error::CallbackReplayed(_)) => {
                HttpResponse::new(200, handler_client.notification_reply().to_owned())
            }
            Err(e) => HttpResponse::new(400, e.to_string()),
        })?;
    let notify = format!("{}/opay/notify", merchant.base_url());
    let payer = SandboxPayer { sandbox, received, reply: client.notification_reply().to_owned() };
    flow(&client, vars, out, &notify, Some(&payer)).await
}

async fn flow(
    client: &AsyncClient,
    vars: Vars<'_>,
    out: &mut Vec<u8>,
    notify: &str,
    pay: Option<&SandboxPayer>,
) -> Result<(), BoxError> {
    let Settings { user_id, coin, amount, return_page } = settings(vars)?;
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_millis();
    let payer = Payer::UserId(user_id.clone());
    let app_key = client.sans_io().app_key().to_owned();

    let first = CreateThirdOrderRequest::for_payer(
        payer.clone(),
        format!("qs-{stamp}-1"),
        amount,
        coin.clone(),
        return_page.clone(),
        notify,
    );
    let order_num = client.create_third_order(&first).await?.order_num;
    writeln!(out, "1. Created order {order_num} for {amount} {coin} (merchant order {})", first.app_order_id)?;

    writeln!(out, "2. Payment page: {}", client.sans_io().payment_page(order_num.clone(), payer.clone()).url())?;

    match pay {
        Some(pay) => writeln!(out, "{}", pay.pay(&order_num).await?)?,
        None => writeln!(out, "3. (real server: pay the order on the page above; the callback goes to {notify})")?,
    }

    let detail = client.order_detail(&OrderDetailRequest::new(app_key.as_str(), order_num.clone())).await?;
    writeln!(
        out,
        "4. Order detail: {} is {:?} ({} {})",
        detail.order_num,
        detail.order_status,
        detail.order_amount.map(|a| a.to_string()).unwrap_or_default(),
        detail.pay_coin_symbol.unwrap_or_default()
    )?;

    let today = time::OffsetDateTime::now_utc().date().to_string();
    let statement = client.merchant_billing_day(&MerchantBillingDayRequest::new().with_day(today.clone())).await?;
    let records = statement.list.unwrap_or_default();
    writeln!(
        out,
        "5. Statement for {today}: {} record(s){}",
        statement.count.map_or_else(|| records.len().to_string(), |c| c.to_string()),
        records
            .first()
            .map(|r| format!(
                ", first: order {} {} {}",
                r.app_order_id.as_deref().unwrap_or("?"),
                r.order_amount.map(|a| a.to_string()).unwrap_or_default(),
                r.pay_coin_symbol.as_deref().unwrap_or("")
            ))
            .unwrap_or_default()
    )?;

    let second = CreateThirdOrderRequest::for_payer(payer, format!("qs-{stamp}-2"), amount, coin, return_page, notify);
    let second_num = client.create_third_order(&second).await?.order_num;
    client.cancel_order(&CancelOrderRequest::new(second_num.clone())).await?;
    let after = client.order_detail(&OrderDetailRequest::new(app_key.as_str(), second_num.clone())).await?;
    writeln!(out, "6. Created order {second_num} and cancelled it: now {:?}", after.order_status)?;
    Ok(())
}
