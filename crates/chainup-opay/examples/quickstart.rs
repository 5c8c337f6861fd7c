//! The opay main flow, end to end.
//!
//! ```sh
//! cargo run -p chainup-opay --example chainup-opay-quickstart --features sandbox
//! ```
//!
//! With no environment set it starts the local sandbox and a small merchant callback server,
//! then: creates an order, prints the payment page URL, has the sandbox pay it and receives and
//! verifies the notify callback, queries the order, reads today's statement, and creates and
//! cancels a second order.
//!
//! To run against a real server set `CHAINUP_BASE_URL`, `CHAINUP_APP_KEY`,
//! `CHAINUP_MERCHANT_PRIVATE_KEY_FILE` and `CHAINUP_PLATFORM_PUBLIC_KEY_FILE` (PEM or bare
//! Base64 DER). Optional: `CHAINUP_USER_ID` (payer UID, default 22033390), `CHAINUP_COIN`
//! (default USDT), `CHAINUP_AMOUNT` (default 1), `CHAINUP_NOTIFY_PAGE`, `CHAINUP_RETURN_PAGE`,
//! `CHAINUP_CANCEL_PATH` (if your server has cancelOrder under another path). Against a real
//! server nobody pays the order, so the payment and callback step is skipped.

use std::io::Write;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use chainup_opay::sandbox::{Delivery, Sandbox};
use chainup_opay::{
    CancelOrderRequest, Client, Config, CreateThirdOrderRequest, Decimal, HttpResponse, MerchantBillingDayRequest,
    MerchantBillingDayResponse, OrderDetailRequest, OrderDetailResponse, OrderStatus, PayNotification, Payer,
};
use sandbox_server::SandboxServer;

/// Any failure of the quickstart.
pub type BoxError = Box<dyn std::error::Error>;
/// Reads one environment variable (`None` when unset or blank).
pub type Vars<'a> = &'a dyn Fn(&str) -> Option<String>;
/// Pays an order and checks its callback (sandbox only); returns the line to print.
type PayStep<'a> = &'a dyn Fn(&str) -> Result<String, BoxError>;

fn main() -> ExitCode {
    let vars = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    match run(&vars, &mut std::io::stdout()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("quickstart failed: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The whole quickstart: against the sandbox, or against the server the variables name.
pub fn run(vars: Vars<'_>, out: &mut dyn Write) -> Result<(), BoxError> {
    let Some(config) = real_config(vars)? else {
        return run_sandbox(vars, out);
    };
    let client = Client::new(config);
    writeln!(out, "Using {}", client.config().base_url())?;
    flow(&client, vars, out, &notify_page(vars), None)
}

/// The configuration of the real server the variables name, or `None` when none of them is set
/// (run against the sandbox). Shared with `examples/async.rs`.
///
/// # Errors
/// Some but not all of the required variables set, or a key that does not load.
pub fn real_config(vars: Vars<'_>) -> Result<Option<Config>, BoxError> {
    const REQUIRED: [&str; 4] = [
        "CHAINUP_BASE_URL",
        "CHAINUP_APP_KEY",
        "CHAINUP_MERCHANT_PRIVATE_KEY_FILE",
        "CHAINUP_PLATFORM_PUBLIC_KEY_FILE",
    ];
    let set: Vec<_> = REQUIRED.iter().filter(|v| vars(v).is_some()).collect();
    if set.is_empty() {
        return Ok(None);
    }
    if set.len() != REQUIRED.len() {
        let missing: Vec<_> = REQUIRED.iter().filter(|v| vars(v).is_none()).collect();
        return Err(format!("set all of {REQUIRED:?} to use a real server; missing {missing:?}").into());
    }
    let var = |n: &str| vars(n).unwrap_or_default();
    let mut builder = Config::builder()
        .base_url(var("CHAINUP_BASE_URL"))
        .app_key(var("CHAINUP_APP_KEY"))
        .merchant_private_key_file(var("CHAINUP_MERCHANT_PRIVATE_KEY_FILE"))
        .platform_public_key_file(var("CHAINUP_PLATFORM_PUBLIC_KEY_FILE"));
    if let Some(path) = vars("CHAINUP_CANCEL_PATH") {
        builder = builder.path("cancel_order", path);
    }
    Ok(Some(builder.build()?))
}

/// `CHAINUP_NOTIFY_PAGE`, or an example page.
pub fn notify_page(vars: Vars<'_>) -> String {
    vars("CHAINUP_NOTIFY_PAGE").unwrap_or_else(|| "https://merchant.example.com/opay/notify".into())
}

/// The flow's settings from the variables: payer, coin, amount, return page.
pub struct Settings {
    /// `CHAINUP_USER_ID`.
    pub user_id: String,
    /// `CHAINUP_COIN`.
    pub coin: String,
    /// `CHAINUP_AMOUNT`.
    pub amount: Decimal,
    /// `CHAINUP_RETURN_PAGE`.
    pub return_page: String,
}

/// Reads [`Settings`] (with their defaults).
///
/// # Errors
/// A `CHAINUP_AMOUNT` that is not a decimal.
pub fn settings(vars: Vars<'_>) -> Result<Settings, BoxError> {
    Ok(Settings {
        user_id: vars("CHAINUP_USER_ID").unwrap_or_else(|| "22033390".into()),
        coin: vars("CHAINUP_COIN").unwrap_or_else(|| "USDT".into()),
        amount: vars("CHAINUP_AMOUNT").unwrap_or_else(|| "1".into()).parse()?,
        return_page: vars("CHAINUP_RETURN_PAGE").unwrap_or_else(|| "https://merchant.example.com/paid".into()),
    })
}

/// What the flow orders: two orders of the [`Settings`] for one payer, numbered from the time.
pub struct Plan {
    /// The settings read from the variables.
    pub settings: Settings,
    /// The payer of both orders (`CHAINUP_USER_ID`).
    pub payer: Payer,
    stamp: u128,
}

impl Plan {
    /// The plan of the settings the variables give.
    ///
    /// # Errors
    /// As [`settings`]; a clock before 1970.
    pub fn new(vars: Vars<'_>) -> Result<Self, BoxError> {
        let settings = settings(vars)?;
        let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_millis();
        Ok(Self { payer: Payer::UserId(settings.user_id.clone()), settings, stamp })
    }

    /// Order `n` (1 is paid, 2 cancelled), its callback going to `notify`.
    pub fn order(&self, n: u8, notify: &str) -> CreateThirdOrderRequest {
        let Settings { coin, amount, return_page, .. } = &self.settings;
        let merchant_order = format!("qs-{}-{n}", self.stamp);
        CreateThirdOrderRequest::for_payer(
            self.payer.clone(),
            merchant_order,
            *amount,
            coin.clone(),
            return_page.clone(),
            notify,
        )
    }
}

/// Step 1: the first order created.
///
/// # Errors
/// `out` fails.
pub fn show_created(
    out: &mut dyn Write,
    plan: &Plan,
    order_num: &str,
    first: &CreateThirdOrderRequest,
) -> std::io::Result<()> {
    let Settings { amount, coin, .. } = &plan.settings;
    writeln!(out, "1. Created order {order_num} for {amount} {coin} (merchant order {})", first.app_order_id)
}

/// Step 3 against a real server: nobody pays the order here.
///
/// # Errors
/// `out` fails.
pub fn show_unpaid(out: &mut dyn Write, notify: &str) -> std::io::Result<()> {
    writeln!(out, "3. (real server: pay the order on the page above; the callback goes to {notify})")
}

/// Step 4: the first order looked up.
///
/// # Errors
/// `out` fails.
pub fn show_detail(out: &mut dyn Write, detail: OrderDetailResponse) -> std::io::Result<()> {
    writeln!(
        out,
        "4. Order detail: {} is {:?} ({} {})",
        detail.order_num,
        detail.order_status,
        detail.order_amount.map(|a| a.to_string()).unwrap_or_default(),
        detail.pay_coin_symbol.unwrap_or_default()
    )
}

/// Today's date (UTC), the day of the statement.
pub fn today() -> String {
    time::OffsetDateTime::now_utc().date().to_string()
}

/// Step 5: today's statement.
///
/// # Errors
/// `out` fails.
pub fn show_statement(out: &mut dyn Write, today: &str, statement: MerchantBillingDayResponse) -> std::io::Result<()> {
    let records = statement.list.unwrap_or_default();
    writeln!(
        out,
        "5. Statement for {today}: {} record(s){}",
        statement.count.map_or_else(|| records.len().to_string(), |c| c.to_string()),
        records
            .first()
            .map(|r| format!(
                ", first: order {} {} {}",
                r.app_order_id.as_deref().unwrap_or("?"),
                r.order_amount.map(|a| a.to_string()).unwrap_or_default(),
                r.pay_coin_symbol.as_deref().unwrap_or("")
            ))
            .unwrap_or_default()
    )
}

/// Step 6: the second order, cancelled.
///
/// # Errors
/// `out` fails.
pub fn show_cancelled(out: &mut dyn Write, order_num: &str, status: OrderStatus) -> std::io::Result<()> {
    writeln!(out, "6. Created order {order_num} and cancelled it: now {status:?}")
}

/// The callbacks the merchant's endpoint accepted.
pub type Received = Arc<Mutex<Vec<PayNotification>>>;

/// The merchant's callback endpoint, on a local server, and its notify URL: verify with `verifier`
/// (sans-IO: the async example passes its client's `sans_io()`), record, reply; a notification
/// already accepted once (a platform retry or a replay) is acknowledged and not processed again;
/// anything else is answered 400.
///
/// # Errors
/// The server does not start.
pub fn merchant_endpoint(verifier: Client) -> Result<(SandboxServer, Received, String), BoxError> {
    let received: Received = Arc::default();
    let store = Arc::clone(&received);
    let merchant = SandboxServer::start(move |req| match verifier.verify_notification(&req.headers, &req.body) {
        Ok(n) => {
            store.lock().unwrap_or_else(|p| p.into_inner()).push(n);
            HttpResponse::new(200, verifier.notification_reply().to_owned())
        }
        Err(chainup_opay::Error::CallbackReplayed(_)) => {
            HttpResponse::new(200, verifier.notification_reply().to_owned())
        }
        Err(e) => HttpResponse::new(400, e.to_string()),
    })?;
    let notify = format!("{}/opay/notify", merchant.base_url());
    Ok((merchant, received, notify))
}

/// Step 3 against the sandbox: the line for the `delivery` of the payment's callback, which the
/// endpoint must have acknowledged and recorded in `received`.
///
/// # Errors
/// The callback was not acknowledged or not received.
pub fn paid_line(delivery: Delivery, received: &Received, reply: &str) -> Result<String, BoxError> {
    if !delivery.acknowledged {
        return Err(format!("callback not acknowledged: HTTP {} {:?}", delivery.status, delivery.body).into());
    }
    let got = received.lock().unwrap_or_else(|p| p.into_inner()).pop().ok_or("no callback received")?;
    Ok(format!(
        "3. Sandbox paid it; callback verified: order {} ({}) is {:?}, {} paid; replied {reply:?}",
        got.order_num, got.out_order_id, got.order_status, got.pay_amount
    ))
}

fn run_sandbox(vars: Vars<'_>, out: &mut dyn Write) -> Result<(), BoxError> {
    writeln!(out, "No CHAINUP_BASE_URL set: starting the local sandbox (generating RSA keys)...")?;
    let sandbox = Sandbox::start()?;
    let client = sandbox.client()?;
    writeln!(out, "Sandbox listening at {}", sandbox.base_url())?;
    let (_merchant, received, notify) = merchant_endpoint(client.clone())?;
    let pay = |order_num: &str| paid_line(sandbox.pay(order_num)?, &received, client.notification_reply());
    flow(&client, vars, out, &notify, Some(&pay))
}

fn flow(
    client: &Client,
    vars: Vars<'_>,
    out: &mut dyn Write,
    notify: &str,
    pay: Option<PayStep<'_>>,
) -> Result<(), BoxError> {
    let plan = Plan::new(vars)?;
    let first = plan.order(1, notify);
    let order_num = client.create_third_order(&first)?.order_num;
    show_created(out, &plan, &order_num, &first)?;
    writeln!(out, "2. Payment page: {}", client.payment_page(order_num.clone(), plan.payer.clone()).url())?;
    match pay {
        Some(pay) => writeln!(out, "{}", pay(&order_num)?)?,
        None => show_unpaid(out, notify)?,
    }
    show_detail(out, client.order_detail(&OrderDetailRequest::new(client.app_key(), order_num.clone()))?)?;
    let today = today();
    show_statement(
        out,
        &today,
        client.merchant_billing_day(&MerchantBillingDayRequest::new().with_day(today.clone()))?,
    )?;
    let second_num = client.create_third_order(&plan.order(2, notify))?.order_num;
    client.cancel_order(&CancelOrderRequest::new(second_num.clone()))?;
    let after = client.order_detail(&OrderDetailRequest::new(client.app_key(), second_num.clone()))?;
    show_cancelled(out, &second_num, after.order_status)?;
    Ok(())
}
