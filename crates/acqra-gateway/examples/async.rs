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
//! Otherwise it reads exactly the quickstart's variables, with the same code (the quickstart's
//! `config` and `Plan::payment`): `ACQRA_BASE_URL`, `ACQRA_APP_ID`, `ACQRA_SECRET`, and
//! `ACQRA_TEST_CARD`, `ACQRA_TEST_CARD_EXPIRY_MONTH`/`_YEAR`, `ACQRA_TEST_CVC` for the test card.

use acqra_gateway::{AsyncClient, Error};

/// The quickstart's environment reading, requests, printing and ending, shared rather than copied:
/// only the calls (awaited here) differ.
#[allow(dead_code)]
#[path = "quickstart.rs"]
pub mod quickstart;

use quickstart::{
    Plan, config, finish, show_capture, show_checkout, show_payment, show_query, show_refund, show_refund_query,
    show_token,
};

/// Runs the flow against `client`, printing the blocking quickstart's line per step.
pub async fn run(client: &AsyncClient) -> Result<(), Error> {
    let plan = Plan::new()?;
    show_token(client.access_token().await?.token().expires_in());
    show_checkout(&client.cashier_order(&plan.checkout()).await?);
    let (payment, masked) = plan.payment();
    let paid = client.payment(&payment).await?;
    show_payment(&masked, &paid);
    show_capture(&client.capture(&plan.capture(&paid)).await?);
    show_query(&client.query(&plan.query(&paid)).await?);
    show_refund(&client.refund(&plan.refund(&paid)).await?);
    show_refund_query(&client.refund_query(&plan.refund_query()).await?);
    Ok(())
}

#[tokio::main]
async fn main() {
    let outcome = match config() {
        Ok((config, _sandbox)) => run(&AsyncClient::new(config)).await,
        Err(e) => Err(e),
    };
    finish(outcome);
}
