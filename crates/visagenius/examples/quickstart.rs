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

use std::process::ExitCode;

use visagenius::sandbox::{SEEDED_ORDER_AMOUNT, SEEDED_ORDER_ID, Sandbox};
use visagenius::{Client, Config, Fen, OrderPayRequest, ProductBriefQueryRequest, ProductQueryRequest};

type BoxError = Box<dyn std::error::Error>;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("quickstart failed: {e}");
            ExitCode::FAILURE
        }
    }
}

fn env(name: &str) -> Result<String, BoxError> {
    std::env::var(name).map_err(|_| format!("{name} is not set (required with VISAGENIUS_BASE_URL)").into())
}

fn run() -> Result<(), BoxError> {
    // Kept alive until the end of `run` when used.
    let mut _sandbox = None;
    let (client, order_id, pay_amount) = match std::env::var("VISAGENIUS_BASE_URL") {
        Ok(base_url) => {
            let config = Config::builder()
                .base_url(base_url)
                .appid(env("VISAGENIUS_APPID")?)
                .access_key(env("VISAGENIUS_ACCESS_KEY")?)
                .secret_key(env("VISAGENIUS_SECRET_KEY")?)
                .build()?;
            let order_id: i64 =
                env("VISAGENIUS_ORDER_ID")?.parse().map_err(|_| "VISAGENIUS_ORDER_ID must be an integer")?;
            let fen: i64 = env("VISAGENIUS_PAY_AMOUNT")?
                .parse()
                .map_err(|_| "VISAGENIUS_PAY_AMOUNT must be an integer amount in fen")?;
            println!("server: {}", config.base_url());
            (Client::new(config)?, order_id, Fen::new(fen))
        }
        Err(_) => {
            let sandbox = Sandbox::start()?;
            println!("server: local sandbox at {}", sandbox.base_url());
            let client = sandbox.client()?;
            _sandbox = Some(sandbox);
            (client, SEEDED_ORDER_ID, SEEDED_ORDER_AMOUNT)
        }
    };

    println!("1. product_brief_query (商品列表查询)");
    let list = client.product_brief_query(&ProductBriefQueryRequest::new())?;
    let products = list.products();
    println!("   {} products in total, {} returned", list.total_count, products.len());
    let first = products.first().ok_or("the product list is empty")?;
    let product_id = first.product_id.ok_or("the first product has no product_id")?;
    println!("   first: #{product_id} {}", first.product_name.as_deref().unwrap_or("(no name)"));

    println!("2. product_query (商品详情查询) #{product_id}");
    let detail = client.product_query(&ProductQueryRequest::new(product_id))?;
    println!(
        "   {} | price {} | country {} | stay {} | validity {}",
        detail.product_name.as_deref().unwrap_or("(no name)"),
        detail.price.map_or_else(|| "(none)".to_owned(), |p| p.to_string()),
        detail.country_code.as_deref().unwrap_or("?"),
        detail.stay_duration_unit.as_deref().unwrap_or("?"),
        detail.validity_period_unit.as_deref().unwrap_or("?"),
    );

    println!("3. order_pay (订单支付) order {order_id}, {pay_amount}");
    let paid = client.order_pay(&OrderPayRequest::new(order_id, pay_amount))?;
    let a = &paid.express_address;
    println!(
        "   paid; send the documents to {} {}, {}{}{} {}",
        a.addressee,
        a.mobile_phone,
        a.province_name.as_deref().unwrap_or(&a.province_code),
        a.city_name.as_deref().unwrap_or(""),
        a.county_name.as_deref().unwrap_or(""),
        a.detail_address
    );
    Ok(())
}
