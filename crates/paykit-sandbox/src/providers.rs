//! Each provider's sandbox, started from the settings, behind one interface the admin endpoints
//! and the pages drive.
//!
//! Every sandbox is served through one [`Running`]; what differs between the providers (how the
//! sandbox starts, what it prints, how its orders look and are settled) is stated once per
//! provider: its `start_*` function and its [`Glue`] table.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use sandbox_server::{Faults, Hooks, Listen};
use serde_json::{Value, json};
use sign_core::HttpRequest;
use sign_core::rsa::PrivateKey;

use crate::Provider;
use crate::args::Args;
use crate::pages::Answered;

/// What the admin interface can ask of an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Paid,
    Failed,
    Closed,
    Callback,
}

impl Action {
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "paid" => Some(Self::Paid),
            "failed" => Some(Self::Failed),
            "closed" => Some(Self::Closed),
            "callback" => Some(Self::Callback),
            _ => None,
        }
    }
}

/// An admin request the provider cannot do, with the HTTP status to answer.
pub type Refusal = (u16, String);

fn not_here(what: &str) -> Refusal {
    (409, what.to_owned())
}

/// One running provider sandbox.
pub trait Served: Send + Sync {
    fn provider(&self) -> Provider;
    fn base_url(&self) -> &str;
    fn hooks(&self) -> &Hooks;
    fn faults(&self) -> &Faults;
    /// The orders as JSON.
    fn orders(&self) -> Value;
    /// Marks an order paid, failed or closed, or fires its callback again.
    fn act(&self, order: &str, action: Action) -> Result<String, Refusal>;
    /// Back to a fresh state.
    fn reset(&self);
    /// The state kept in a `--state` file.
    fn export_state(&self) -> Value;
    /// Restores the state from a `--state` file.
    fn import_state(&self, state: &Value) -> Result<(), String>;
    /// The page a payer sees at this path, if the provider has one there, with its verdict.
    fn page(&self, request: &HttpRequest) -> Option<Answered>;
}

/// The parts of a sandbox's HTTP server the admin interface reaches.
struct Server<'a> {
    base_url: &'a str,
    hooks: &'a Hooks,
    faults: &'a Faults,
}

/// How the admin interface, the payer's pages and the state file reach one provider's sandbox
/// `S`: plain functions of it, since the provider crates' sandboxes share method names but no
/// trait.
struct Glue<S> {
    provider: Provider,
    server: for<'a> fn(&'a S) -> Server<'a>,
    orders: fn(&S) -> Value,
    act: fn(&S, &str, Action) -> Result<String, Refusal>,
    kept: Kept<S>,
    page: fn(&S, &HttpRequest) -> Option<Answered>,
}

/// The state a `--state` file keeps of a sandbox `S`: reset, exported, imported.
struct Kept<S> {
    reset: fn(&S),
    export: fn(&S) -> Value,
    import: fn(&S, &Value) -> Result<(), String>,
}

/// A started sandbox and its provider's glue.
struct Running<S: 'static> {
    sandbox: S,
    glue: &'static Glue<S>,
}

impl<S: Send + Sync> Served for Running<S> {
    fn provider(&self) -> Provider {
        self.glue.provider
    }
    fn base_url(&self) -> &str {
        (self.glue.server)(&self.sandbox).base_url
    }
    fn hooks(&self) -> &Hooks {
        (self.glue.server)(&self.sandbox).hooks
    }
    fn faults(&self) -> &Faults {
        (self.glue.server)(&self.sandbox).faults
    }
    fn orders(&self) -> Value {
        (self.glue.orders)(&self.sandbox)
    }
    fn act(&self, order: &str, action: Action) -> Result<String, Refusal> {
        (self.glue.act)(&self.sandbox, order, action)
    }
    fn reset(&self) {
        (self.glue.kept.reset)(&self.sandbox)
    }
    fn export_state(&self) -> Value {
        (self.glue.kept.export)(&self.sandbox)
    }
    fn import_state(&self, state: &Value) -> Result<(), String> {
        (self.glue.kept.import)(&self.sandbox, state)
    }
    fn page(&self, request: &HttpRequest) -> Option<Answered> {
        (self.glue.page)(&self.sandbox, request)
    }
}

impl<S: Send + Sync> Glue<S> {
    /// The sandbox `start` gave, or why it could not listen.
    fn listening(&self, common: &Common<'_>, start: std::io::Result<S>) -> Result<S, String> {
        start.map_err(|e| format!("{}: cannot listen on {}: {e}", self.provider.name(), common.listen.addr()))
    }

    /// `sandbox` served, with the lines the provider prints at start.
    fn started(&'static self, sandbox: S, env: Vec<(&'static str, String)>, notes: Vec<String>) -> Started {
        Started { served: Arc::new(Running { sandbox, glue: self }), env, notes }
    }
}

/// What a provider prints at start: `NAME=value` lines (its quickstart's variables) and notes.
pub struct Started {
    pub served: Arc<dyn Served>,
    pub env: Vec<(&'static str, String)>,
    pub notes: Vec<String>,
}

/// The settings shared by every provider.
pub struct Common<'a> {
    pub listen: Listen,
    pub keys_dir: &'a Path,
    /// `--variant-shapes`: answer with the undocumented variants instead of the documents' shapes.
    pub variant_shapes: bool,
}

/// A credential given, or a generated one.
fn credential(given: Option<String>, len: usize) -> String {
    given.unwrap_or_else(|| sign_core::clock::random_nonce(len))
}

/// A URL option where callbacks go: an `http://` or `https://` URL with a host, checked at start.
/// The sandboxes send nothing to anything else, so a URL without its scheme would mean callbacks
/// that silently never come.
fn callback_url_option(args: &Args, option: &str) -> Result<Option<String>, String> {
    let Some(url) = args.value(option) else { return Ok(None) };
    let url = url.trim().to_owned();
    let rest = url.strip_prefix("http://").or_else(|| url.strip_prefix("https://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
    if host.is_none_or(str::is_empty) || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "--{option}: {url:?} is not an http:// or https:// URL with a host (for example http://127.0.0.1:9000/notify)"
        ));
    }
    Ok(Some(url))
}

fn read_key_file(option: &str, path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("--{option}: cannot read {path}: {e}"))
}

/// Writes a key file (readable by its owner only) where the option `<name>` says, else as
/// `name` in the keys directory, and returns its path.
fn write_key(args: &Args, common: &Common<'_>, name: &str, text: &str) -> Result<PathBuf, String> {
    let path = match args.value(&format!("{}-out", name.trim_end_matches(".txt"))) {
        Some(path) => PathBuf::from(path),
        None => common.keys_dir.join(name),
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create the directory {}: {e}", dir.display()))?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let write = |path: &Path| -> std::io::Result<()> {
        use std::io::Write;
        let mut file = options.open(path)?;
        file.write_all(text.as_bytes())?;
        file.write_all(b"\n")
    };
    write(&path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

fn parse_private_key(option: &str, path: &str) -> Result<PrivateKey, String> {
    PrivateKey::parse(&read_key_file(option, path)?).map_err(|e| format!("--{option}: {path}: {e}"))
}

/// The providers without a payer's page.
fn no_page<S>(_: &S, _: &HttpRequest) -> Option<Answered> {
    None
}

// ---------------------------------------------------------------------------------------------
// visagenius

static VISAGENIUS: Glue<visagenius::sandbox::Sandbox> = Glue {
    provider: Provider::Visagenius,
    server: |s| Server { base_url: s.base_url(), hooks: s.hooks(), faults: s.faults() },
    orders: visagenius_orders,
    act: visagenius_act,
    kept: Kept { reset: |s| s.reset(), export: |s| s.export_state(), import: |s, state| s.import_state(state) },
    page: no_page,
};

pub fn start_visagenius(args: &Args, common: &Common<'_>) -> Result<Started, String> {
    use visagenius::sandbox::{SANDBOX_ORDER_AMOUNT, SANDBOX_ORDER_ID, Sandbox};
    let appid = credential(args.value("visagenius-appid"), 16);
    let access_key = credential(args.value("visagenius-access-key"), 24);
    let secret_key = credential(args.value("visagenius-secret-key"), 32);
    let builder = Sandbox::builder()
        .appid(appid.as_str())
        .access_key(access_key.as_str())
        .secret_key(secret_key.as_str())
        .variant_shapes(common.variant_shapes);
    let sandbox = VISAGENIUS.listening(common, builder.listen(common.listen.clone()).start())?;
    let env = vec![
        ("VISAGENIUS_BASE_URL", sandbox.base_url().to_owned()),
        ("VISAGENIUS_APPID", appid),
        ("VISAGENIUS_ACCESS_KEY", access_key),
        ("VISAGENIUS_SECRET_KEY", secret_key),
        ("VISAGENIUS_ORDER_ID", SANDBOX_ORDER_ID.to_string()),
        ("VISAGENIUS_PAY_AMOUNT", SANDBOX_ORDER_AMOUNT.fen().to_string()),
    ];
    let notes = vec!["orders 1000012680 (20.00), 1000012681 (450.00), 1000012683 (230.00) are unpaid".into()];
    Ok(VISAGENIUS.started(sandbox, env, notes))
}

fn visagenius_orders(sandbox: &visagenius::sandbox::Sandbox) -> Value {
    let orders = sandbox.orders().into_iter();
    Value::from_iter(orders.map(|o| json!({ "order_id": o.order_id, "amount_fen": o.amount.fen(), "paid": o.paid })))
}

fn visagenius_act(sandbox: &visagenius::sandbox::Sandbox, order: &str, action: Action) -> Result<String, Refusal> {
    let id: i64 = order.parse().map_err(|_| (400, format!("order id {order:?} is not an integer")))?;
    match action {
        Action::Paid | Action::Failed => {
            let paid = action == Action::Paid;
            if sandbox.set_paid(id, paid) {
                Ok(format!("order {id} is now {}", if paid { "paid" } else { "unpaid" }))
            } else {
                Err((404, format!("no order {id}")))
            }
        }
        Action::Closed => Err(not_here("VisaGenius orders are paid or unpaid: use paid or failed (unpaid)")),
        Action::Callback => Err(not_here("VisaGenius sends no callbacks")),
    }
}

// ---------------------------------------------------------------------------------------------
// acqra-gateway

/// The gateway keeps the orders and the request log; the socket in front of it, the faults.
static ACQRA: Glue<acqra_gateway::sandbox::Sandbox> = Glue {
    provider: Provider::Acqra,
    server: |s| Server { base_url: s.base_url(), hooks: s.gateway().hooks(), faults: s.faults() },
    orders: |s| Value::from(s.gateway().orders()),
    act: acqra_act,
    kept: Kept {
        reset: |s| {
            s.gateway().reset();
            s.faults().clear();
        },
        export: |s| s.gateway().export_state(),
        import: |s, state| s.gateway().import_state(state),
    },
    page: |s, request| crate::pages::acqra_cashier(s.gateway(), request),
};

pub fn start_acqra(args: &Args, common: &Common<'_>) -> Result<Started, String> {
    use acqra_gateway::sandbox::{Sandbox, SandboxOptions};
    let app_id = credential(args.value("acqra-app-id"), 16);
    let secret = credential(args.value("acqra-secret"), 32);
    let mut options = SandboxOptions::default()
        .with_credentials(app_id.as_str(), secret.as_str())
        .with_listen(common.listen.clone())
        .variant_shapes(common.variant_shapes);
    if let Some(seconds) = args.parsed::<u64>("acqra-token-lifetime")? {
        options = options.with_token_lifetime(std::time::Duration::from_secs(seconds));
    }
    let sandbox = ACQRA.listening(common, Sandbox::start_with(options))?;
    let env =
        vec![("ACQRA_BASE_URL", sandbox.base_url().to_owned()), ("ACQRA_APP_ID", app_id), ("ACQRA_SECRET", secret)];
    let notes = vec![format!(
        "test cards: {} approved, {} declined; checkout sessions are paid on {}/h5/zh-cn/cashier.html?orderNo=...",
        acqra_gateway::sandbox::APPROVED_CARD,
        acqra_gateway::sandbox::DECLINED_CARD,
        sandbox.base_url()
    )];
    Ok(ACQRA.started(sandbox, env, notes))
}

fn acqra_act(sandbox: &acqra_gateway::sandbox::Sandbox, order: &str, action: Action) -> Result<String, Refusal> {
    let status = match action {
        Action::Paid => "successed",
        Action::Failed => "failed",
        Action::Closed => "canceled",
        Action::Callback => return Err(not_here("the Acqra gateway sends no callbacks")),
    };
    // An unknown order is a 404, as on the other providers; what the order's state forbids, a 409.
    sandbox.gateway().settle(order, status).map_err(|e| if e.starts_with("no order") { (404, e) } else { (409, e) })?;
    Ok(format!("order {order} is now {status}"))
}

// ---------------------------------------------------------------------------------------------
// vip-charge

static VIP_CHARGE: Glue<vip_charge::sandbox::Sandbox> = Glue {
    provider: Provider::VipCharge,
    server: |s| Server { base_url: s.base_url(), hooks: s.hooks(), faults: s.faults() },
    orders: |s| Value::from(s.orders()),
    act: vip_charge_act,
    kept: Kept { reset: |s| s.reset(), export: |s| s.export_state(), import: |s, state| s.import_state(state) },
    page: no_page,
};

pub fn start_vip_charge(args: &Args, common: &Common<'_>) -> Result<Started, String> {
    use vip_charge::sandbox::Sandbox;
    // Checked before the (slow) key generation.
    let callback_url = callback_url_option(args, "vip-charge-callback-url")?;
    let md5_secret = credential(args.value("vip-charge-md5-secret"), 32);
    let mut builder = Sandbox::builder()
        .md5_secret_key(md5_secret.as_str())
        .listen(common.listen.clone())
        .variant_shapes(common.variant_shapes);
    let merchant_file = args.value("vip-charge-merchant-key");
    let merchant_key = match &merchant_file {
        Some(path) => parse_private_key("vip-charge-merchant-key", path)?,
        None => PrivateKey::generate(2048).map_err(|e| format!("vip-charge: cannot generate a key: {e}"))?,
    };
    let platform_key = match args.value("vip-charge-platform-key") {
        Some(path) => parse_private_key("vip-charge-platform-key", &path)?,
        None => PrivateKey::generate(2048).map_err(|e| format!("vip-charge: cannot generate a key: {e}"))?,
    };
    builder = builder.merchant_key(merchant_key.clone()).platform_key(platform_key.clone());
    if let Some(status) = args.parsed::<i64>("vip-charge-success-status")? {
        builder = builder.success_status(status);
    }
    if let Some(scale) = args.parsed::<u32>("vip-charge-time-scale")? {
        builder = builder.time_scale(scale);
    }
    if let Some(url) = &callback_url {
        builder = builder.default_callback_url(url.as_str());
    }
    let sandbox = VIP_CHARGE.listening(common, builder.start())?;
    let merchant_path = match merchant_file {
        Some(path) => PathBuf::from(path),
        None => write_key(args, common, "vip-charge-merchant-private-key.txt", merchant_key.to_base64_der().expose())?,
    };
    let platform_path =
        write_key(args, common, "vip-charge-platform-public-key.txt", &platform_key.public_key().to_base64_der())?;
    let env = vec![
        ("VIPCHARGE_BASE_URL", sandbox.base_url().to_owned()),
        ("VIPCHARGE_BUSINESS_ID", sandbox.business_id().to_owned()),
        ("VIPCHARGE_MERCHANT_ID", sandbox.merchant_id().to_owned()),
        ("VIPCHARGE_PRODUCT_CODE", "87103".into()),
        ("VIPCHARGE_ACCOUNT", "demo-account-001".into()),
        ("VIPCHARGE_SUCCESS_STATUS", sandbox.success_status().to_string()),
        ("VIPCHARGE_SIGN_TYPE", "SHA256-RSA".into()),
        ("VIPCHARGE_SECRET_KEY", md5_secret),
        ("VIPCHARGE_PRIVATE_KEY_FILE", merchant_path.display().to_string()),
        ("VIPCHARGE_PLATFORM_PUBLIC_KEY_FILE", platform_path.display().to_string()),
    ];
    let mut notes = vec![
        "an account starting with `fail` makes the order fail; VIPCHARGE_SIGN_TYPE=MD5 signs \
                          with VIPCHARGE_SECRET_KEY instead of the keys"
            .to_owned(),
    ];
    notes.push(match callback_url {
        Some(url) => format!("callbacks of orders without a callbackUrl go to {url}"),
        None => "orders without a callbackUrl get no callback (set --vip-charge-callback-url)".into(),
    });
    Ok(VIP_CHARGE.started(sandbox, env, notes))
}

fn vip_charge_act(sandbox: &vip_charge::sandbox::Sandbox, order: &str, action: Action) -> Result<String, Refusal> {
    let known = |e: String| if e.starts_with("no order") { (404, e) } else { (409, e) };
    match action {
        Action::Paid | Action::Failed => {
            sandbox.set_order_status(order, action == Action::Paid).map_err(known)?;
            Ok(format!(
                "order {order} is now {}; its callback is on its way",
                if action == Action::Paid { "SUCCESS" } else { "FAILED" }
            ))
        }
        Action::Closed => Err(not_here("vip-charge orders are SUCCESS or FAILED: use paid or failed")),
        Action::Callback => {
            sandbox.notify_again(order).map_err(known)?;
            Ok(format!("the callback of order {order} is on its way"))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// mall-pay

static MALL_PAY: Glue<mall_pay::sandbox::Sandbox> = Glue {
    provider: Provider::MallPay,
    server: |s| Server { base_url: s.base_url(), hooks: s.hooks(), faults: s.faults() },
    orders: mall_pay_orders,
    act: |_, _, _| {
        Err(not_here("the mall's orders exist only once paid through its pay endpoint, and it sends no callbacks"))
    },
    kept: Kept { reset: |s| s.reset(), export: |s| s.export_state(), import: |s, state| s.import_state(state) },
    page: no_page,
};

pub fn start_mall_pay(args: &Args, common: &Common<'_>) -> Result<Started, String> {
    use mall_pay::sandbox::Sandbox;
    let mut builder = Sandbox::builder().listen(common.listen.clone()).variant_shapes(common.variant_shapes);
    if let Some(token) = args.value("mall-pay-token") {
        builder = builder.token(token);
    }
    let sandbox = MALL_PAY.listening(common, builder.start())?;
    let env = vec![
        ("MALLPAY_BASE_URL", sandbox.base_url().to_owned()),
        ("MALLPAY_PAY_PATH", Sandbox::PAY_PATH.to_owned()),
        ("MALLPAY_TOKEN", sandbox.token().expose().to_owned()),
        ("MALLPAY_ORDER_ID", "1001,1002,1003".into()),
    ];
    let notes =
        vec![format!("any order id can be paid once; the user has {} points", mall_pay::sandbox::STARTING_POINTS)];
    Ok(MALL_PAY.started(sandbox, env, notes))
}

fn mall_pay_orders(sandbox: &mall_pay::sandbox::Sandbox) -> Value {
    let orders: Vec<Value> = sandbox
        .paid_orders()
        .into_iter()
        .map(|o| {
            json!({
                "order_id": o.order_id,
                "pay_method": o.pay_method,
                "pay_price": o.pay_price,
                "pay_integral": o.pay_integral,
                "address_id": o.address_id,
            })
        })
        .collect();
    json!({ "paid": orders, "points_balance": sandbox.points_balance() })
}

// ---------------------------------------------------------------------------------------------
// chainup-opay

static CHAINUP: Glue<chainup_opay::sandbox::Sandbox> = Glue {
    provider: Provider::Chainup,
    server: |s| Server { base_url: s.base_url(), hooks: s.hooks(), faults: s.faults() },
    orders: chainup_orders,
    act: chainup_act,
    kept: Kept { reset: |s| s.reset(), export: |s| s.export_state(), import: |s, state| s.import_state(state) },
    page: crate::pages::chainup_payment,
};

pub fn start_chainup(args: &Args, common: &Common<'_>) -> Result<Started, String> {
    use chainup_opay::sandbox::{Sandbox, SandboxKeys};
    let notify = callback_url_option(args, "chainup-notify-url")?;
    let app_key = credential(args.value("chainup-app-key"), 24);
    let platform_file = args.value("chainup-platform-key");
    let merchant_file = args.value("chainup-merchant-key");
    let merchant_public_file = args.value("chainup-merchant-public-key");
    let generated = platform_file.is_none() && merchant_file.is_none() && merchant_public_file.is_none();
    let keys = if generated {
        SandboxKeys::generate().map_err(|e| format!("chainup: cannot generate keys: {e}"))?
    } else {
        let platform = match &platform_file {
            Some(path) => read_key_file("chainup-platform-key", path)?,
            None => PrivateKey::generate(2048).map_err(|e| e.to_string())?.to_base64_der().expose().to_owned(),
        };
        let (merchant_public, merchant_private) = match (&merchant_file, &merchant_public_file) {
            (Some(path), _) => {
                let key = parse_private_key("chainup-merchant-key", path)?;
                (key.public_key().to_base64_der(), Some(read_key_file("chainup-merchant-key", path)?))
            }
            (None, Some(path)) => (read_key_file("chainup-merchant-public-key", path)?, None),
            (None, None) => {
                return Err("chainup: give --chainup-merchant-key or --chainup-merchant-public-key with \
                            --chainup-platform-key"
                    .into());
            }
        };
        SandboxKeys::new(&platform, &merchant_public, merchant_private.as_deref())
            .map_err(|e| format!("chainup: unreadable key: {e}"))?
    };
    let mut builder = Sandbox::builder()
        .app_key(app_key.as_str())
        .keys(keys)
        .listen(common.listen.clone())
        .variant_shapes(common.variant_shapes);
    if let Some(url) = &notify {
        builder = builder.notify_url_override(url.as_str());
    }
    let sandbox = CHAINUP.listening(common, builder.start())?;
    let platform_path =
        write_key(args, common, "chainup-platform-public-key.txt", &sandbox.keys().platform_public_key())?;
    let mut env = vec![("CHAINUP_BASE_URL", sandbox.base_url().to_owned()), ("CHAINUP_APP_KEY", app_key)];
    match (&merchant_file, generated) {
        (Some(path), _) => env.push(("CHAINUP_MERCHANT_PRIVATE_KEY_FILE", path.clone())),
        (None, true) => {
            let key =
                sandbox.keys().merchant_private_key().ok_or("chainup: the generated keys lack the merchant key")?;
            let path = write_key(args, common, "chainup-merchant-private-key.txt", key.expose())?;
            env.push(("CHAINUP_MERCHANT_PRIVATE_KEY_FILE", path.display().to_string()));
        }
        (None, false) => {}
    }
    env.push(("CHAINUP_PLATFORM_PUBLIC_KEY_FILE", platform_path.display().to_string()));
    let notes = vec![match notify {
        Some(url) => format!("every callback goes to {url} (not the orders' notifyPage)"),
        None => "callbacks go to each order's notifyPage".into(),
    }];
    Ok(CHAINUP.started(sandbox, env, notes))
}

fn chainup_orders(sandbox: &chainup_opay::sandbox::Sandbox) -> Value {
    let orders: Vec<Value> = sandbox
        .orders()
        .into_iter()
        .map(|o| {
            json!({
                "orderNum": o.order_num,
                "appOrderId": o.app_order_id,
                "orderAmount": o.order_amount.to_string(),
                "payCoinSymbol": o.pay_coin_symbol,
                "status": format!("{:?}", o.status),
                "notifyPage": o.notify_page,
            })
        })
        .collect();
    Value::from(orders)
}

fn chainup_act(sandbox: &chainup_opay::sandbox::Sandbox, order: &str, action: Action) -> Result<String, Refusal> {
    use chainup_opay::sandbox::SandboxError;
    let result = match action {
        Action::Paid => sandbox.pay_in_background(order),
        Action::Failed => sandbox.fail_in_background(order),
        Action::Closed => sandbox.close_in_background(order),
        Action::Callback => sandbox.deliver_in_background(order),
    };
    result.map_err(|e| match e {
        SandboxError::UnknownOrder => (404, format!("no order {order}")),
        other => (409, other.to_string()),
    })?;
    Ok(format!("order {order}: done; its callback is on its way"))
}
