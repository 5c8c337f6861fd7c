//! The VisaGenius quickstart on tokio + reqwest: the same flow as `examples/quickstart.rs` (list
//! products, show the first one's detail, pay an order), printing the same steps, with the async
//! client.
//!
//! With no environment set it starts the local sandbox and runs against it:
//!
//! ```text
//! cargo run -p visagenius --example visagenius-async --features sandbox,reqwest
//! ```
//!
//! Against a real server, set exactly the quickstart's variables (read by the quickstart's own code):
//! `VISAGENIUS_BASE_URL`, `VISAGENIUS_APPID`, `VISAGENIUS_ACCESS_KEY`, `VISAGENIUS_SECRET_KEY`,
//! `VISAGENIUS_ORDER_ID` and `VISAGENIUS_PAY_AMOUNT`. Paying a real order moves real money.

use std::io::Write;
use std::process::ExitCode;

use visagenius::{AsyncClient, OrderPayRequest, ProductBriefQueryRequest, ProductQueryRequest};

/// The quickstart's environment reading (`target`) and output helpers, shared rather than copied.
#[allow(dead_code)]
#[path = "quickstart.rs"]
pub mod quickstart;

use quickstart::{BoxError, Target, address_line};

/// The flow against `target` with the async client, reporting each step to `out` exactly as the
/// blocking quickstart does.
///
/// # Errors
/// The first failing call, as the client reports it.
pub async fn run(target: &Target, out: &mut (impl Write + Send)) -> Result<(), BoxError> {
    let Target { client, order_id, pay_amount, server, .. } = target;
    let client = AsyncClient::new(client.config().clone());
    writeln!(out, "server: {server}")?;

    writeln!(out, "1. product_brief_query (商品列表查询)")?;
    let list = client.product_brief_query(&ProductBriefQueryRequest::new()).await?;
    let products = list.products();
    writeln!(out, "   {} products in total, {} returned", list.total_count, products.len())?;
    let first = products.first().ok_or("the product list is empty")?;
    let product_id = first.product_id.ok_or("the first product has no product_id")?;
    writeln!(out, "   first: #{product_id} {}", first.product_name.as_deref().unwrap_or("(no name)"))?;

    writeln!(out, "2. product_query (商品详情查询) #{product_id}")?;
    let detail = client.product_query(&ProductQueryRequest::new(product_id)).await?;
    writeln!(
        out,
        "   {} | price {} | country {} | stay {} | validity {}",
        detail.product_name.as_deref().unwrap_or("(no name)"),
        detail.price.map_or_else(|| "(none)".to_owned(), |p| p.to_string()),
        detail.country_code.as_deref().unwrap_or("?"),
        detail.stay_duration_unit.as_deref().unwrap_or("?"),
        detail.validity_period_unit.as_deref().unwrap_or("?"),
    )?;

    writeln!(out, "3. order_pay (订单支付) order {order_id}, {pay_amount}")?;
    let paid = client.order_pay(&OrderPayRequest::new(*order_id, *pay_amount)).await?;
    match paid.express_address.as_ref().map(address_line).filter(|line| !line.is_empty()) {
        Some(line) => writeln!(out, "   paid; send the documents to {line}")?,
        None => writeln!(out, "   paid; no address returned (nothing to mail, e.g. an e-visa)")?,
    }
    Ok(())
}

#[tokio::main]
async fn main() -> ExitCode {
    let result = match quickstart::target(|name| std::env::var(name).ok()) {
        Ok(target) => run(&target, &mut std::io::stdout()).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("async quickstart failed: {e}");
            ExitCode::FAILURE
        }
    }
}
