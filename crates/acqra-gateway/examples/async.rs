//! The Acqra quickstart on tokio + reqwest: the same flow as `examples/quickstart.rs` (access token
//! -> checkout session -> card payment (manual capture) -> capture -> query -> refund -> refund
//! query), printing the same steps, with the async client.
//!
//! With no environment set it starts the local sandbox and runs against it:
//!
//! ```text
//! cargo run -p acqra-gateway --example acqra-gateway-async --features sandbox,reqwest
//! ```
//!
//! Otherwise it reads exactly the quickstart's variables, with the same code (`Config::from_env`
//! and the quickstart's `env_or`): `ACQRA_BASE_URL`, `ACQRA_APP_ID`, `ACQRA_SECRET`, and
//! `ACQRA_TEST_CARD`, `ACQRA_TEST_CARD_EXPIRY_MONTH`/`_YEAR`, `ACQRA_TEST_CVC` for the test card.

use acqra_gateway::sandbox::Sandbox;
use acqra_gateway::{
    Address, AsyncClient, Billing, Browser, CaptureMethod, Card, CashierOrderRequest, Config, Decimal, DeviceInfo,
    Error, PaymentMethodType, PaymentRequest, QueryRequest, RefundQueryRequest, RefundRequest,
};

/// The quickstart's environment reading, shared rather than copied.
#[allow(dead_code)]
#[path = "quickstart.rs"]
pub mod quickstart;

use quickstart::env_or;

/// Runs the flow against `client`, printing the blocking quickstart's line per step.
pub async fn run(client: &AsyncClient) -> Result<(), Error> {
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
    let (session_no, order_no, refund_no) = (format!("CS{stamp}"), format!("OR{stamp}"), format!("RF{stamp}"));
    let amount: Decimal = "100.99".parse().map_err(|_| Error::InvalidRequest("amount".into()))?;
    let part: Decimal = "30.50".parse().map_err(|_| Error::InvalidRequest("amount".into()))?;

    let token = client.access_token().await?;
    let lifetime = token.token().expires_in().map(|d| format!("{} s", d.as_secs())).unwrap_or_else(|| "unknown".into());
    println!("1. token        : issued (value hidden), expiresIn {lifetime}");

    let session = client
        .cashier_order(&CashierOrderRequest::new(amount, acqra_gateway::Currency::USD, session_no.as_str()))
        .await?;
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
    let paid = client.payment(&payment).await?;
    println!(
        "3. payment      : card {masked}, {} {} -> trade {} {}",
        paid.amount,
        paid.currency,
        paid.trade_no,
        paid.order_status.as_ref().map(|s| s.as_str()).unwrap_or("?")
    );

    let captured =
        client.capture(&acqra_gateway::CaptureRequest::new(amount).with_trade_no(paid.trade_no.as_str())).await?;
    println!(
        "4. capture      : {} {} -> {}",
        captured.amount,
        captured.currency,
        captured.order_status.as_ref().map(|s| s.as_str()).unwrap_or("?")
    );

    let query = client.query(&QueryRequest::new(PaymentMethodType::Card).with_trade_no(paid.trade_no.as_str())).await?;
    let status = query.order.as_ref().and_then(|o| o.order_status.as_ref()).map(|s| s.as_str().to_owned());
    println!("5. query        : order status {}", status.unwrap_or_else(|| "?".into()));

    let refund = RefundRequest::new(part, "127.0.0.1", "customer request", refund_no.as_str())
        .with_trade_no(paid.trade_no.as_str());
    let refunded = client.refund(&refund).await?;
    println!(
        "6. refund       : {} {} -> {} ({})",
        refunded.amount, refunded.currency, refunded.refund_status, refunded.refund_trade_no
    );

    let rq = client
        .refund_query(&RefundQueryRequest::new(PaymentMethodType::Card).with_order_no(refund_no.as_str()))
        .await?;
    println!("7. refund query : {} {} {}", rq.refund_order_no, rq.amount, rq.refund_status);
    Ok(())
}

#[tokio::main]
async fn main() {
    let mut _sandbox = None;
    let client = match Config::from_env() {
        Some(Ok(config)) => {
            println!("Running against {}", config.base_url());
            Ok(AsyncClient::new(config))
        }
        Some(Err(e)) => Err(e),
        None => match Sandbox::start() {
            Ok(sandbox) => {
                println!("ACQRA_BASE_URL not set: running against the local sandbox at {}", sandbox.base_url());
                let client = sandbox.config_builder().build().map(AsyncClient::new);
                _sandbox = Some(sandbox);
                client
            }
            Err(e) => {
                eprintln!("error: could not start the sandbox: {e}");
                std::process::exit(1);
            }
        },
    };
    let outcome = match client {
        Ok(client) => run(&client).await,
        Err(e) => Err(e),
    };
    if let Err(e) = outcome {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
    println!("Done.");
}
