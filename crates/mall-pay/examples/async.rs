//! The mall-pay quickstart on tokio + reqwest: the same flow as `examples/quickstart.rs` (one order
//! paid by WeChat, one by Alipay, one by points; against the sandbox also the expired token and the
//! payment sent as a form), printing the same steps, with the async client.
//!
//! ```text
//! cargo run -p mall-pay --example mall-pay-async --features sandbox,reqwest
//! ```
//!
//! With no environment set it starts the local sandbox. Against a real mall it reads exactly the
//! quickstart's `MALLPAY_*` variables, with the quickstart's own code (`from_env`).

use std::io::Write;

use mall_pay::sandbox::Sandbox;
use mall_pay::{AsyncClient, BodyEncoding, Error, Freight, OrderPayRequest, PayOrder, PayWith, Points, Yuan};

/// The quickstart's environment reading, plan and output, shared rather than copied.
#[allow(dead_code)]
#[path = "quickstart.rs"]
pub mod quickstart;

use quickstart::{BoxError, Plan, describe, from_env, sandbox_plan};

#[tokio::main]
async fn main() {
    if let Err(e) = real_main().await {
        eprintln!("async quickstart failed: {e}");
        std::process::exit(1);
    }
}

async fn real_main() -> Result<(), BoxError> {
    let mut out = Vec::new();
    let result = flow(&mut out).await;
    std::io::stdout().write_all(&out)?;
    result
}

/// The whole flow, as the blocking quickstart's `real_main`, writing to `out`.
///
/// # Errors
/// The first failing step.
pub async fn flow(out: &mut Vec<u8>) -> Result<(), BoxError> {
    if let Some((config, plan)) = from_env()? {
        writeln!(out, "mall-pay quickstart against {}", config.base_url())?;
        return run(out, &AsyncClient::new(config), &plan).await;
    }
    let sandbox = Sandbox::start()?;
    writeln!(out, "mall-pay quickstart against the local sandbox at {}", sandbox.base_url())?;
    let client = AsyncClient::new(sandbox.config_builder().build()?);
    run(out, &client, &sandbox_plan()?).await?;
    relogin_step(out, &sandbox, &client).await?;
    form_step(out, &sandbox).await
}

/// The main flow: one order per payment kind.
///
/// # Errors
/// The first failing payment.
pub async fn run(out: &mut Vec<u8>, client: &AsyncClient, plan: &Plan) -> Result<(), BoxError> {
    let steps = [
        ("WeChat", PayWith::wechat(plan.pay_price), Freight::Free),
        ("Alipay", PayWith::alipay(plan.pay_price), Freight::NotFree(mall_pay::FreightChoice::CashOnDelivery)),
        ("points", PayWith::points(plan.pay_integral), Freight::Free),
    ];
    for (&order_id, (label, pay_with, freight)) in plan.order_ids.iter().zip(steps) {
        let order = PayOrder::new(order_id, plan.address_id, pay_with, freight)?;
        writeln!(out, "- pay order {order_id} by {label} ({pay_with:?}, {freight:?})")?;
        let paid = client.order_pay(&order.into()).await?;
        describe(out, &paid)?;
    }
    Ok(())
}

/// Sandbox only: the token expires, the call fails with `TokenExpired`, the user logs in again and
/// the same payment goes through with the new token.
async fn relogin_step(out: &mut Vec<u8>, sandbox: &Sandbox, client: &AsyncClient) -> Result<(), BoxError> {
    let order =
        PayOrder::new(1004, 7, PayWith::alipay_and_points(Yuan::from_fen(1990)?, Points::new(100)?), Freight::Free)?;
    sandbox.expire_token(&sandbox.token());
    writeln!(out, "- pay order 1004 by Alipay + points with an expired token")?;
    match client.order_pay(&order.into()).await {
        Err(Error::TokenExpired { message }) => writeln!(out, "  token expired ({message}): logging in again")?,
        other => return Err(format!("expected TokenExpired, got {other:?}").into()),
    }
    let client = client.with_token(sandbox.issue_token())?;
    describe(out, &client.order_pay(&order.into()).await?)?;
    Ok(())
}

/// Sandbox only: the same payment as `application/x-www-form-urlencoded` fields.
async fn form_step(out: &mut Vec<u8>, sandbox: &Sandbox) -> Result<(), BoxError> {
    let config = sandbox.config_builder().token(sandbox.issue_token()).body_encoding(BodyEncoding::Form).build()?;
    let client = AsyncClient::new(config);
    let order = PayOrder::new(1005, 7, PayWith::wechat(Yuan::parse("0.1")?), Freight::Free)?;
    let prepared = client.prepare(&OrderPayRequest::from(order))?;
    writeln!(out, "- pay order 1005 by WeChat as a form: {}", String::from_utf8_lossy(&prepared.body))?;
    describe(out, &client.order_pay(&order.into()).await?)?;
    Ok(())
}
