//! The VisaGenius main flow: list products, show the first one's detail, pay an order.
//!
//! With no environment set it starts the local sandbox and runs against it:
//!
//! ```text
//! cargo run -p visagenius --example visagenius-quickstart --features sandbox
//! ```
//!
//! Against a real server, set all of:
//! `VISAGENIUS_BASE_URL`, `VISAGENIUS_APPID`, `VISAGENIUS_ACCESS_KEY`, `VISAGENIUS_SECRET_KEY`,
//! `VISAGENIUS_ORDER_ID` (an unpaid order) and `VISAGENIUS_PAY_AMOUNT` (its amount, in fen).
//! Paying a real order moves real money.

use std::io::Write;
use std::process::ExitCode;

use visagenius::sandbox::{SANDBOX_ORDER_AMOUNT, SANDBOX_ORDER_ID, Sandbox};
use visagenius::{
    Client, Config, ExpressAddress, Fen, OrderPayRequest, OrderPayResponse, ProductBriefQueryRequest,
    ProductBriefQueryResponse, ProductQueryRequest, ProductQueryResponse,
};

/// Any failure of the quickstart, printed as it is.
pub type BoxError = Box<dyn std::error::Error>;

/// Where the flow runs: the client, the order it pays and a description of the server.
pub struct Target {
    /// The client for the server.
    pub client: Client,
    /// The unpaid order to pay.
    pub order_id: i64,
    /// Its amount.
    pub pay_amount: Fen,
    /// The server, as printed.
    pub server: String,
    /// The local sandbox when no server was configured (it stops when dropped).
    pub sandbox: Option<Sandbox>,
}

/// The target read through `var` (the environment in `main`): the server of
/// `VISAGENIUS_BASE_URL` with the other `VISAGENIUS_*` values, or a local sandbox when it is unset.
///
/// # Errors
/// A missing or malformed variable (named in the message), or a sandbox that cannot start.
pub fn target(var: impl Fn(&str) -> Option<String>) -> Result<Target, BoxError> {
    let Some(base_url) = var("VISAGENIUS_BASE_URL") else {
        let sandbox = Sandbox::start()?;
        return Ok(Target {
            client: sandbox.client()?,
            order_id: SANDBOX_ORDER_ID,
            pay_amount: SANDBOX_ORDER_AMOUNT,
            server: format!("local sandbox at {}", sandbox.base_url()),
            sandbox: Some(sandbox),
        });
    };
    let env = |name: &str| var(name).ok_or_else(|| format!("{name} is not set (required with VISAGENIUS_BASE_URL)"));
    let config = Config::builder()
        .base_url(base_url)
        .appid(env("VISAGENIUS_APPID")?)
        .access_key(env("VISAGENIUS_ACCESS_KEY")?)
        .secret_key(env("VISAGENIUS_SECRET_KEY")?)
        .build()?;
    let order_id: i64 = env("VISAGENIUS_ORDER_ID")?.parse().map_err(|_| "VISAGENIUS_ORDER_ID must be an integer")?;
    let fen: i64 =
        env("VISAGENIUS_PAY_AMOUNT")?.parse().map_err(|_| "VISAGENIUS_PAY_AMOUNT must be an integer amount in fen")?;
    let server = config.base_url().to_owned();
    Ok(Target { client: Client::new(config), order_id, pay_amount: Fen::new(fen), server, sandbox: None })
}

/// The flow against `target`, reporting each step to `out`.
///
/// # Errors
/// The first failing call, as the client reports it.
pub fn run(target: &Target, out: &mut impl Write) -> Result<(), BoxError> {
    let Target { client, order_id, pay_amount, server, .. } = target;
    writeln!(out, "server: {server}")?;
    writeln!(out, "1. product_brief_query (商品列表查询)")?;
    let product_id = show_products(out, &client.product_brief_query(&ProductBriefQueryRequest::new())?)?;
    writeln!(out, "2. product_query (商品详情查询) #{product_id}")?;
    show_detail(out, &client.product_query(&ProductQueryRequest::new(product_id))?)?;
    writeln!(out, "3. order_pay (订单支付) order {order_id}, {pay_amount}")?;
    show_paid(out, &client.order_pay(&OrderPayRequest::new(*order_id, *pay_amount))?)
}

/// Step 1's answer: the count and the first product, whose id it returns.
///
/// # Errors
/// An empty list, a first product without an id, or `out` failing.
pub fn show_products(out: &mut dyn Write, list: &ProductBriefQueryResponse) -> Result<i64, BoxError> {
    let products = list.products();
    match list.total_count {
        Some(total) => writeln!(out, "   {total} products in total, {} returned", products.len())?,
        None => writeln!(out, "   {} products returned (no total given)", products.len())?,
    }
    let first = products.first().ok_or("the product list is empty")?;
    let product_id = first.product_id.ok_or("the first product has no product_id")?;
    writeln!(out, "   first: #{product_id} {}", first.product_name.as_deref().unwrap_or("(no name)"))?;
    Ok(product_id)
}

/// Step 2's answer: the product's detail.
///
/// # Errors
/// `out` fails.
pub fn show_detail(out: &mut dyn Write, detail: &ProductQueryResponse) -> Result<(), BoxError> {
    writeln!(
        out,
        "   {} | price {} | country {} | stay {} | validity {}",
        detail.product_name.as_deref().unwrap_or("(no name)"),
        detail.price.map_or_else(|| "(none)".to_owned(), |p| p.to_string()),
        detail.country_code.as_deref().unwrap_or("?"),
        detail.stay_duration_unit.as_deref().unwrap_or("?"),
        detail.validity_period_unit.as_deref().unwrap_or("?"),
    )?;
    Ok(())
}

/// Step 3's answer: where to send the documents.
///
/// # Errors
/// `out` fails.
pub fn show_paid(out: &mut dyn Write, paid: &OrderPayResponse) -> Result<(), BoxError> {
    match paid.express_address.as_ref().map(address_line).filter(|line| !line.is_empty()) {
        Some(line) => writeln!(out, "   paid; send the documents to {line}")?,
        None => writeln!(out, "   paid; no address returned (nothing to mail, e.g. an e-visa)")?,
    }
    Ok(())
}

/// The exit status of a run: success, or the error printed after `name`.
pub fn exit_code(result: Result<(), BoxError>, name: &str) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{name} failed: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The supplier's address on one line, from whichever of its fields the provider sent (every one
/// is optional: the documentation shows them only in an example).
pub fn address_line(a: &ExpressAddress) -> String {
    let region = [
        a.province_name.as_ref().or(a.province_code.as_ref()),
        a.city_name.as_ref().or(a.city_code.as_ref()),
        a.county_name.as_ref().or(a.county_code.as_ref()),
    ];
    let region: String = region.into_iter().flatten().map(String::as_str).collect::<Vec<_>>().join(" ");
    [a.addressee.as_deref(), a.mobile_phone.as_deref(), Some(region.as_str()), a.detail_address.as_deref()]
        .into_iter()
        .flatten()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

fn main() -> ExitCode {
    let result = target(|name| std::env::var(name).ok()).and_then(|target| run(&target, &mut std::io::stdout()));
    exit_code(result, "quickstart")
}
