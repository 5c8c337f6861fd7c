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

/// The quickstart's environment reading (`target`), printing and exit status, shared rather than
/// copied: only the calls (awaited here) differ.
#[allow(dead_code)]
#[path = "quickstart.rs"]
pub mod quickstart;

use quickstart::{BoxError, Target, exit_code, show_detail, show_paid, show_products};

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
    let product_id = show_products(out, &client.product_brief_query(&ProductBriefQueryRequest::new()).await?)?;
    writeln!(out, "2. product_query (商品详情查询) #{product_id}")?;
    show_detail(out, &client.product_query(&ProductQueryRequest::new(product_id)).await?)?;
    writeln!(out, "3. order_pay (订单支付) order {order_id}, {pay_amount}")?;
    show_paid(out, &client.order_pay(&OrderPayRequest::new(*order_id, *pay_amount)).await?)
}

#[tokio::main]
async fn main() -> ExitCode {
    let result = match quickstart::target(|name| std::env::var(name).ok()) {
        Ok(target) => run(&target, &mut std::io::stdout()).await,
        Err(e) => Err(e),
    };
    exit_code(result, "async quickstart")
}
