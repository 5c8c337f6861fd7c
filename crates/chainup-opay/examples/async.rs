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
//! `CHAINUP_*` variables, with the quickstart's own code (`real_config`, `Plan`, `notify_page`).

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use chainup_opay::sandbox::Sandbox;
use chainup_opay::{AsyncClient, CancelOrderRequest, MerchantBillingDayRequest, OrderDetailRequest};

/// The quickstart's environment reading, orders, printing and callback endpoint, shared rather
/// than copied: only the calls (awaited here) differ.
#[allow(dead_code)]
#[path = "quickstart.rs"]
pub mod quickstart;

use quickstart::{
    BoxError, Plan, Received, Vars, merchant_endpoint, notify_page, paid_line, real_config, show_cancelled,
    show_created, show_detail, show_statement, show_unpaid, today,
};

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
    received: Received,
    reply: String,
}

impl SandboxPayer {
    /// Has the sandbox pay `order_num` and returns the line to print. `Sandbox::pay` delivers the
    /// callback on the calling thread and waits for the merchant's answer: off the runtime.
    async fn pay(&self, order_num: &str) -> Result<String, BoxError> {
        let (sandbox, order_num) = (Arc::clone(&self.sandbox), order_num.to_owned());
        let delivery =
            tokio::task::spawn_blocking(move || sandbox.pay(&order_num).map_err(|e| e.to_string())).await??;
        paid_line(delivery, &self.received, &self.reply)
    }
}

async fn run_sandbox(vars: Vars<'_>, out: &mut Vec<u8>) -> Result<(), BoxError> {
    writeln!(out, "No CHAINUP_BASE_URL set: starting the local sandbox (generating RSA keys)...")?;
    // Key generation takes a moment: off the runtime too.
    let sandbox = Arc::new(tokio::task::spawn_blocking(Sandbox::start).await??);
    let client = AsyncClient::new(sandbox.config_builder().build()?);
    writeln!(out, "Sandbox listening at {}", sandbox.base_url())?;
    // The merchant's callback endpoint: verification is sans-IO, the async client's sans-IO half
    // verifies.
    let (_merchant, received, notify) = merchant_endpoint(client.sans_io().clone())?;
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
    let plan = Plan::new(vars)?;
    let app_key = client.sans_io().app_key().to_owned();
    let first = plan.order(1, notify);
    let order_num = client.create_third_order(&first).await?.order_num;
    show_created(out, &plan, &order_num, &first)?;
    writeln!(out, "2. Payment page: {}", client.sans_io().payment_page(order_num.clone(), plan.payer.clone()).url())?;
    match pay {
        Some(pay) => writeln!(out, "{}", pay.pay(&order_num).await?)?,
        None => show_unpaid(out, notify)?,
    }
    show_detail(out, client.order_detail(&OrderDetailRequest::new(app_key.as_str(), order_num.clone())).await?)?;
    let today = today();
    let statement = client.merchant_billing_day(&MerchantBillingDayRequest::new().with_day(today.clone())).await?;
    show_statement(out, &today, statement)?;
    let second_num = client.create_third_order(&plan.order(2, notify)).await?.order_num;
    client.cancel_order(&CancelOrderRequest::new(second_num.clone())).await?;
    let after = client.order_detail(&OrderDetailRequest::new(app_key.as_str(), second_num.clone())).await?;
    show_cancelled(out, &second_num, after.order_status)?;
    Ok(())
}
