//! Pays one order by WeChat, one by Alipay and one by points, printing what the app would receive.
//!
//! With no environment set it starts the local sandbox and runs against it (and also shows a
//! token expiring and the retry after logging in again, and a payment sent as a form):
//!
//! ```text
//! cargo run -p mall-pay --example mall-pay-quickstart --features sandbox
//! ```
//!
//! Against a real mall set:
//!
//! | variable | meaning |
//! |---|---|
//! | `MALLPAY_BASE_URL` | the mall's base URL, e.g. `https://mall.example.com` |
//! | `MALLPAY_PAY_PATH` | the pay endpoint's path (not public: ask the mall's operator) |
//! | `MALLPAY_TOKEN` | a logged-in user's token |
//! | `MALLPAY_ORDER_ID` | unpaid order ids, comma-separated: the 1st is paid by WeChat, the 2nd by Alipay, the 3rd by points (give fewer to run fewer steps) |
//! | `MALLPAY_ADDRESS_ID` | optional, default `1` |
//! | `MALLPAY_PAY_PRICE` | optional yuan for the WeChat and Alipay steps, default `0.01` |
//! | `MALLPAY_PAY_INTEGRAL` | optional points for the points step, default `100` |
//! | `MALLPAY_BODY_ENCODING` | optional `json` (default) or `form` (`application/x-www-form-urlencoded`, for a backend reading `$_POST`) |
//!
//! Exits non-zero with the error printed if any step fails.

use std::io::Write;

use mall_pay::sandbox::Sandbox;
use mall_pay::{
    BodyEncoding, Client, Config, Error, Freight, FreightChoice, OrderPayRequest, OrderPayResponse, PayOrder, PayParam,
    PayWith, Points, Yuan,
};

/// What the flow pays.
pub struct Plan {
    /// Order ids, paid in turn by WeChat, Alipay and points.
    pub order_ids: Vec<i64>,
    /// `address_id`.
    pub address_id: i64,
    /// `pay_price` for the WeChat and Alipay steps.
    pub pay_price: Yuan,
    /// `pay_integral` for the points step.
    pub pay_integral: Points,
}

/// Any failure of the quickstart, printed as it is.
pub type BoxError = Box<dyn std::error::Error>;

fn main() {
    if let Err(e) = real_main() {
        eprintln!("quickstart failed: {e}");
        std::process::exit(1);
    }
}

/// The mall named by the `MALLPAY_*` variables and the plan to pay there, or `None` when
/// `MALLPAY_BASE_URL` is unset (run against the sandbox). Shared with `examples/async.rs`.
///
/// # Errors
/// A missing or malformed variable, named in the message.
pub fn from_env() -> Result<Option<(Config, Plan)>, BoxError> {
    let base_url = match std::env::var("MALLPAY_BASE_URL") {
        Ok(base_url) if !base_url.trim().is_empty() => base_url,
        _ => return Ok(None),
    };
    let env = |name: &str| std::env::var(name).map_err(|_| format!("{name} is not set"));
    let body_encoding = match std::env::var("MALLPAY_BODY_ENCODING").unwrap_or_default().trim() {
        "" | "json" => BodyEncoding::Json,
        "form" => BodyEncoding::Form,
        other => return Err(format!("MALLPAY_BODY_ENCODING: {other:?} is neither json nor form").into()),
    };
    let config = Config::builder()
        .base_url(base_url)
        .pay_path(env("MALLPAY_PAY_PATH")?)
        .token(env("MALLPAY_TOKEN")?)
        .body_encoding(body_encoding)
        .build()?;
    let order_ids = env("MALLPAY_ORDER_ID")?
        .split(',')
        .map(|s| s.trim().parse::<i64>().map_err(|_| format!("MALLPAY_ORDER_ID: {s:?} is not an id")))
        .collect::<Result<Vec<_>, _>>()?;
    let plan = Plan {
        order_ids,
        address_id: std::env::var("MALLPAY_ADDRESS_ID").ok().map(|s| s.trim().parse()).transpose()?.unwrap_or(1),
        pay_price: Yuan::parse(&std::env::var("MALLPAY_PAY_PRICE").unwrap_or_else(|_| "0.01".into()))?,
        pay_integral: Points::new(
            std::env::var("MALLPAY_PAY_INTEGRAL").ok().map(|s| s.trim().parse()).transpose()?.unwrap_or(100),
        )?,
    };
    Ok(Some((config, plan)))
}

/// The plan of a sandbox run.
///
/// # Errors
/// None in practice: the amounts are constants.
pub fn sandbox_plan() -> Result<Plan, BoxError> {
    Ok(Plan {
        order_ids: vec![1001, 1002, 1003],
        address_id: 7,
        pay_price: Yuan::parse("0.1")?,
        pay_integral: Points::new(500)?,
    })
}

fn real_main() -> Result<(), BoxError> {
    let mut out = std::io::stdout().lock();
    if let Some((config, plan)) = from_env()? {
        writeln!(out, "mall-pay quickstart against {}", config.base_url())?;
        return run(&mut out, &Client::new(config), &plan);
    }
    let sandbox = Sandbox::start()?;
    writeln!(out, "mall-pay quickstart against the local sandbox at {}", sandbox.base_url())?;
    let client = sandbox.client()?;
    run(&mut out, &client, &sandbox_plan()?)?;
    relogin_step(&mut out, &sandbox, &client)?;
    form_step(&mut out, &sandbox)
}

/// The main flow: one order per payment kind.
pub fn run(out: &mut dyn Write, client: &Client, plan: &Plan) -> Result<(), BoxError> {
    let steps = [
        ("WeChat", PayWith::wechat(plan.pay_price), Freight::Free),
        ("Alipay", PayWith::alipay(plan.pay_price), Freight::NotFree(FreightChoice::CashOnDelivery)),
        ("points", PayWith::points(plan.pay_integral), Freight::Free),
    ];
    for (&order_id, (label, pay_with, freight)) in plan.order_ids.iter().zip(steps) {
        let order = PayOrder::new(order_id, plan.address_id, pay_with, freight)?;
        writeln!(out, "- pay order {order_id} by {label} ({pay_with:?}, {freight:?})")?;
        let paid = client.order_pay(&order.into())?;
        describe(out, &paid)?;
    }
    Ok(())
}

/// Sandbox only: the token expires, the call fails with `TokenExpired`, the user logs in again
/// and the same payment goes through with the new token.
pub fn relogin_step(out: &mut dyn Write, sandbox: &Sandbox, client: &Client) -> Result<(), BoxError> {
    let order =
        PayOrder::new(1004, 7, PayWith::alipay_and_points(Yuan::from_fen(1990)?, Points::new(100)?), Freight::Free)?;
    sandbox.expire_token(&sandbox.token());
    writeln!(out, "- pay order 1004 by Alipay + points with an expired token")?;
    match client.order_pay(&order.into()) {
        Err(Error::TokenExpired { message }) => writeln!(out, "  token expired ({message}): logging in again")?,
        other => return Err(format!("expected TokenExpired, got {other:?}").into()),
    }
    // The rejected call changed nothing on the server, so sending it again is safe.
    let client = client.with_token(sandbox.issue_token())?;
    describe(out, &client.order_pay(&order.into())?)?;
    Ok(())
}

/// Sandbox only: the provider names no body encoding and its backend is PHP, so the same payment
/// can go as `application/x-www-form-urlencoded` fields; the sandbox reads both.
pub fn form_step(out: &mut dyn Write, sandbox: &Sandbox) -> Result<(), BoxError> {
    // Logged in afresh: the relogin step expired the sandbox's first token.
    let config = sandbox.config_builder().token(sandbox.issue_token()).body_encoding(BodyEncoding::Form).build()?;
    let client = Client::new(config);
    let order = PayOrder::new(1005, 7, PayWith::wechat(Yuan::parse("0.1")?), Freight::Free)?;
    let prepared = client.prepare(&OrderPayRequest::from(order))?;
    writeln!(out, "- pay order 1005 by WeChat as a form: {}", String::from_utf8_lossy(&prepared.body))?;
    describe(out, &client.order_pay(&order.into())?)?;
    Ok(())
}

/// What the app receives to finish the payment, on one line.
///
/// # Errors
/// Writing to `out`.
pub fn describe(out: &mut dyn Write, paid: &OrderPayResponse) -> std::io::Result<()> {
    match &paid.pay_param {
        PayParam::Wechat(w) => writeln!(
            out,
            "  app receives WeChat params: appid={} partnerid={} prepayid={} package={} noncestr={} timestamp={} sign={}",
            w.appid, w.partnerid, w.prepayid, w.package, w.noncestr, w.timestamp, w.sign
        ),
        PayParam::Alipay(s) => {
            let shown: String = s.chars().take(100).collect();
            writeln!(out, "  app receives an Alipay order string ({} bytes): {shown}...", s.len())
        }
        PayParam::Empty => writeln!(out, "  nothing to pay in the app (paid with points)"),
        other => writeln!(out, "  app receives {other:?}"),
    }
}
