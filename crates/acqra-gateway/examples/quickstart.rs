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

use std::time::Duration;

use acqra_gateway::sandbox::Sandbox;
use acqra_gateway::{
    Address, Billing, Browser, CaptureMethod, CaptureRequest, CaptureResponse, Card, CashierOrderRequest,
    CashierOrderResponse, Client, Config, Currency, Decimal, DeviceInfo, Error, PaymentMethodType, PaymentRequest,
    PaymentResponse, QueryRequest, QueryResponse, RefundQueryRequest, RefundRequest, RefundResponse,
};

/// The variable `name`, or `default` when it is unset or empty.
pub fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).ok().filter(|v| !v.is_empty()).unwrap_or_else(|| default.to_owned())
}

/// Runs the flow against `client`, printing a line per step (also driven by `tests/quickstart.rs`).
pub fn run(client: &Client) -> Result<(), Error> {
    let plan = Plan::new()?;
    show_token(client.access_token()?.token().expires_in());
    show_checkout(&client.cashier_order(&plan.checkout())?);
    let (payment, masked) = plan.payment();
    let paid = client.payment(&payment)?;
    show_payment(&masked, &paid);
    show_capture(&client.capture(&plan.capture(&paid))?);
    show_query(&client.query(&plan.query(&paid))?);
    show_refund(&client.refund(&plan.refund(&paid))?);
    show_refund_query(&client.refund_query(&plan.refund_query())?);
    Ok(())
}

/// What the flow sends: unique order numbers and the amounts; the blocking and the async
/// quickstart build every request here.
pub struct Plan {
    session_no: String,
    order_no: String,
    refund_no: String,
    amount: Decimal,
    part: Decimal,
}

impl Plan {
    /// Order numbers derived from the time (they must be unique per merchant), 100.99 to pay and
    /// 30.50 to refund.
    ///
    /// # Errors
    /// None in practice: the amounts are constants.
    pub fn new() -> Result<Self, Error> {
        let stamp =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
        let (session_no, order_no, refund_no) = (format!("CS{stamp}"), format!("OR{stamp}"), format!("RF{stamp}"));
        let amount: Decimal = "100.99".parse().map_err(|_| Error::InvalidRequest("amount".into()))?;
        let part: Decimal = "30.50".parse().map_err(|_| Error::InvalidRequest("amount".into()))?;
        Ok(Self { session_no, order_no, refund_no, amount, part })
    }

    /// Step 2: the checkout session.
    pub fn checkout(&self) -> CashierOrderRequest {
        CashierOrderRequest::new(self.amount, Currency::USD, self.session_no.as_str())
    }

    /// Step 3: the card payment (manual capture) with the test card the `ACQRA_TEST_*` variables
    /// choose, and the card number masked for printing.
    pub fn payment(&self) -> (PaymentRequest, String) {
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
            PaymentRequest::new(self.amount, Currency::USD, device, self.order_no.as_str(), PaymentMethodType::Card)
                .with_card(card)
                .with_billing(billing);
        (payment, masked)
    }

    /// Step 4: capture the whole payment.
    pub fn capture(&self, paid: &PaymentResponse) -> CaptureRequest {
        CaptureRequest::new(self.amount).with_trade_no(paid.trade_no.as_str())
    }

    /// Step 5: query the payment.
    pub fn query(&self, paid: &PaymentResponse) -> QueryRequest {
        QueryRequest::new(PaymentMethodType::Card).with_trade_no(paid.trade_no.as_str())
    }

    /// Step 6: refund part of it.
    pub fn refund(&self, paid: &PaymentResponse) -> RefundRequest {
        RefundRequest::new(self.part, "127.0.0.1", "customer request", self.refund_no.as_str())
            .with_trade_no(paid.trade_no.as_str())
    }

    /// Step 7: query the refund.
    pub fn refund_query(&self) -> RefundQueryRequest {
        RefundQueryRequest::new(PaymentMethodType::Card).with_order_no(self.refund_no.as_str())
    }
}

/// Step 1: the token's lifetime (never its value).
pub fn show_token(expires_in: Option<Duration>) {
    let lifetime = expires_in.map(|d| format!("{} s", d.as_secs())).unwrap_or_else(|| "unknown".into());
    println!("1. token        : issued (value hidden), expiresIn {lifetime}");
}

/// Step 2.
pub fn show_checkout(session: &CashierOrderResponse) {
    println!("2. checkout     : order {} -> pay at {}", session.order_no, session.redirect_url);
}

/// Step 3.
pub fn show_payment(masked: &str, paid: &PaymentResponse) {
    println!(
        "3. payment      : card {masked}, {} {} -> trade {} {}",
        paid.amount,
        paid.currency,
        paid.trade_no,
        paid.order_status.as_ref().map(|s| s.as_str()).unwrap_or("?")
    );
}

/// Step 4.
pub fn show_capture(captured: &CaptureResponse) {
    println!(
        "4. capture      : {} {} -> {}",
        captured.amount,
        captured.currency,
        captured.order_status.as_ref().map(|s| s.as_str()).unwrap_or("?")
    );
}

/// Step 5.
pub fn show_query(query: &QueryResponse) {
    let status = query.order.as_ref().and_then(|o| o.order_status.as_ref()).map(|s| s.as_str().to_owned());
    println!("5. query        : order status {}", status.unwrap_or_else(|| "?".into()));
}

/// Step 6.
pub fn show_refund(refunded: &RefundResponse) {
    println!(
        "6. refund       : {} {} -> {} ({})",
        refunded.amount, refunded.currency, refunded.refund_status, refunded.refund_trade_no
    );
}

/// Step 7.
pub fn show_refund_query(rq: &RefundResponse) {
    println!("7. refund query : {} {} {}", rq.refund_order_no, rq.amount, rq.refund_status);
}

/// The configuration to run with: the gateway the `ACQRA_*` variables name (`Config::from_env`),
/// else a local sandbox started here (kept alive in the `Option`). Prints which.
///
/// # Errors
/// A bad variable; the sandbox's configuration.
pub fn config() -> Result<(Config, Option<Sandbox>), Error> {
    match Config::from_env() {
        Some(Ok(config)) => {
            println!("Running against {}", config.base_url());
            Ok((config, None))
        }
        Some(Err(e)) => Err(e),
        None => match Sandbox::start() {
            Ok(sandbox) => {
                println!("ACQRA_BASE_URL not set: running against the local sandbox at {}", sandbox.base_url());
                Ok((sandbox.config_builder().build()?, Some(sandbox)))
            }
            Err(e) => {
                eprintln!("error: could not start the sandbox: {e}");
                std::process::exit(1);
            }
        },
    }
}

/// Ends the example: `Done.`, or the error and exit status 1.
pub fn finish(outcome: Result<(), Error>) {
    if let Err(e) = outcome {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
    println!("Done.");
}

fn main() {
    let config = config();
    finish(config.and_then(|(config, _sandbox)| run(&Client::new(config))));
}
