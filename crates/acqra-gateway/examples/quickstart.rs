//! The main Acqra flow end to end: access token -> checkout session -> card payment (manual
//! capture) -> capture -> query -> refund -> refund query.
//!
//! With no environment set it starts the local sandbox and runs against it:
//!
//! ```text
//! cargo run -p acqra-gateway --example acqra-gateway-quickstart --features sandbox
//! ```
//!
//! With `ACQRA_BASE_URL`, `ACQRA_APP_ID` and `ACQRA_SECRET` set it runs against that gateway
//! instead (`ACQRA_TEST_CARD`, `ACQRA_TEST_CARD_EXPIRY_MONTH`/`_YEAR`, `ACQRA_TEST_CVC` choose the test card). It exits
//! non-zero with the error printed if any step fails.

use acqra_gateway::sandbox::Sandbox;
use acqra_gateway::{
    Address, Billing, Browser, CaptureMethod, Card, CashierOrderRequest, Client, Config, Decimal, DeviceInfo, Error,
    PaymentMethodType, PaymentRequest, QueryRequest, RefundQueryRequest, RefundRequest,
};

/// The variable `name`, or `default` when it is unset or empty.
pub fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).ok().filter(|v| !v.is_empty()).unwrap_or_else(|| default.to_owned())
}

/// Runs the flow against `client`, printing a line per step (also driven by `tests/quickstart.rs`).
pub fn run(client: &Client) -> Result<(), Error> {
    // Order numbers must be unique per merchant: derive them from the time.
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
    let (session_no, order_no, refund_no) = (format!("CS{stamp}"), format!("OR{stamp}"), format!("RF{stamp}"));
    let amount: Decimal = "100.99".parse().map_err(|_| Error::InvalidRequest("amount".into()))?;
    let part: Decimal = "30.50".parse().map_err(|_| Error::InvalidRequest("amount".into()))?;

    let token = client.access_token()?;
    let lifetime = token.token().expires_in().map(|d| format!("{} s", d.as_secs())).unwrap_or_else(|| "unknown".into());
    println!("1. token        : issued (value hidden), expiresIn {lifetime}");

    let session =
        client.cashier_order(&CashierOrderRequest::new(amount, acqra_gateway::Currency::USD, session_no.as_str()))?;
    println!("2. checkout     : order {} -> pay at {}", session.order_no, session.redirect_url);

    let card = Card::new(
        env_or("ACQRA_TEST_CARD", "4111111111111111"),
        env_or("ACQRA_TEST_CARD_EXPIRY_MONTH", "12"),
        env_or("ACQRA_TEST_CARD_EXPIRY_YEAR", "2030"),
        "Jane",
        "Doe",
    )
    .with_cvc(env_or("ACQRA_TEST_CVC", "737"))
    .with_capture_method(CaptureMethod::Manual);
    let masked = card.masked_card_no();
    let device = DeviceInfo::new(Browser::new("paykit-quickstart"), "127.0.0.1", "en-US");
    let billing = Billing::new(Address::new("Seattle", "US", "1 Main St", "98102", "WA"));
    let payment =
        PaymentRequest::new(amount, acqra_gateway::Currency::USD, device, order_no.as_str(), PaymentMethodType::Card)
            .with_card(card)
            .with_billing(billing);
    let paid = client.payment(&payment)?;
    println!(
        "3. payment      : card {masked}, {} {} -> trade {} {}",
        paid.amount,
        paid.currency,
        paid.trade_no,
        paid.order_status.as_ref().map(|s| s.as_str()).unwrap_or("?")
    );

    let captured = client.capture(&acqra_gateway::CaptureRequest::new(amount).with_trade_no(paid.trade_no.as_str()))?;
    println!(
        "4. capture      : {} {} -> {}",
        captured.amount,
        captured.currency,
        captured.order_status.as_ref().map(|s| s.as_str()).unwrap_or("?")
    );

    let query = client.query(&QueryRequest::new(PaymentMethodType::Card).with_trade_no(paid.trade_no.as_str()))?;
    let status = query.order.as_ref().and_then(|o| o.order_status.as_ref()).map(|s| s.as_str().to_owned());
    println!("5. query        : order status {}", status.unwrap_or_else(|| "?".into()));

    let refund = RefundRequest::new(part, "127.0.0.1", "customer request", refund_no.as_str())
        .with_trade_no(paid.trade_no.as_str());
    let refunded = client.refund(&refund)?;
    println!(
        "6. refund       : {} {} -> {} ({})",
        refunded.amount, refunded.currency, refunded.refund_status, refunded.refund_trade_no
    );

    let rq =
        client.refund_query(&RefundQueryRequest::new(PaymentMethodType::Card).with_order_no(refund_no.as_str()))?;
    println!("7. refund query : {} {} {}", rq.refund_order_no, rq.amount, rq.refund_status);
    Ok(())
}

fn main() {
    let mut _sandbox = None;
    let client = match Config::from_env() {
        Some(Ok(config)) => {
            println!("Running against {}", config.base_url());
            Ok(Client::new(config))
        }
        Some(Err(e)) => Err(e),
        None => match Sandbox::start() {
            Ok(sandbox) => {
                println!("ACQRA_BASE_URL not set: running against the local sandbox at {}", sandbox.base_url());
                let client = sandbox.client();
                _sandbox = Some(sandbox);
                client
            }
            Err(e) => {
                eprintln!("error: could not start the sandbox: {e}");
                std::process::exit(1);
            }
        },
    };
    let outcome = client.and_then(|c| run(&c));
    if let Err(e) = outcome {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
    println!("Done.");
}
