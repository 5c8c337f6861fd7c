//! The sandbox's bookkeeping: orders, refunds and trackings, and the payment state machine.
//!
//! ```text
//!                 capture (<= authorized)            refund (sum <= captured)
//!   authorized ─────────────────────────> successed ──────────────────────────> (refunds listed)
//!       │
//!       └── void ──> canceled        (capture, refund: refused)
//!   pending (checkout session, wallet) ── paid via the sandbox's `complete_checkout` ──> successed
//! ```
//!
//! Everything is read from `serde_json::Value` with its own checks, independent of the client's
//! models, so the sandbox also judges requests the client did not build.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use sign_core::decimal::rust_decimal::Decimal;

/// How the ledger's amounts and fixed words are kept in a state file: amounts as their decimal
/// text (never a float), statuses and brands as the words the sandbox uses.
mod saved {
    use serde::{Deserialize, Deserializer, Serializer};
    use sign_core::decimal::rust_decimal::Decimal;

    pub fn ser_decimal<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&d.to_string())
    }

    pub fn de_decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(|_| serde::de::Error::custom(format!("not a decimal amount: {text:?}")))
    }

    pub fn ser_word<S: Serializer>(w: &&'static str, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(w)
    }

    /// The sandbox's own words only: anything else in a state file is an error, not a new word.
    pub fn de_word<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
        const WORDS: [&str; 10] = [
            "pending",
            "authorized",
            "successed",
            "canceled",
            "failed",
            "VISA",
            "MASTERCARD",
            "AMEX",
            "UNIONPAY",
            "UNKNOWN",
        ];
        let text = String::deserialize(d)?;
        WORDS.into_iter().find(|w| *w == text).ok_or_else(|| serde::de::Error::custom(format!("unknown word {text:?}")))
    }
}

/// The sandbox's failure codes (the gateway's own codes are not published).
pub mod codes {
    /// Success.
    pub const SUCCESS: &str = "0000";
    /// Wrong `appId` or `secret`: the token request's refusal (HTTP 200, this code in the
    /// envelope). The client reports it as [`Error::TokenRequest`](crate::Error::TokenRequest)
    /// with [`credentials_refused`](crate::Error::credentials_refused), outcome not sent.
    pub const BAD_CREDENTIALS: &str = "1001";
    /// A required field is missing or malformed.
    pub const BAD_PARAMETER: &str = "1002";
    /// No such order, refund or tracking.
    pub const NOT_FOUND: &str = "1003";
    /// The `orderNo`, `refundNumber` or tracking number was already used.
    pub const DUPLICATE: &str = "1004";
    /// The order's state does not allow the operation (capture after void, void after capture...).
    pub const BAD_STATE: &str = "1005";
    /// The amount is more than is available (capture over the authorization, refund over the
    /// captured amount less earlier refunds).
    pub const AMOUNT_EXCEEDED: &str = "1006";
    /// The card was declined (test card [`DECLINED_CARD`](super::super::DECLINED_CARD)).
    pub const DECLINED: &str = "1007";
}

/// A failure answered with the gateway's envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fail {
    /// `respCode`.
    pub code: &'static str,
    /// `respMsg`.
    pub message: String,
}

pub(crate) fn fail(code: &'static str, message: impl Into<String>) -> Fail {
    Fail { code, message: message.into() }
}

/// The fields of an `Address` the schema marks required.
const ADDRESS_REQUIRED: [&str; 5] = ["city", "country", "line1", "postcode", "state"];

/// The lengths (in characters, as Java's `String.length()` counts them) the schemas give for text fields, `(path, min, max)`: a path is
/// dotted, `[]` stepping into each item of a list. Checked when the field is sent as text.
const PAYMENT_LENGTHS: &[(&str, usize, usize)] = &[
    ("billingDesc", 1, 18),
    ("description", 1, 50),
    ("frontUrl", 3, 128),
    ("billing.email", 3, 255),
    ("shipping.email", 3, 255),
    ("shipping.firstName", 1, 64),
    ("shipping.lastName", 1, 50),
    ("billing.phone.countryCode", 1, 7),
    ("billing.phone.number", 1, 26),
    ("shipping.phone.countryCode", 1, 7),
    ("shipping.phone.number", 1, 26),
    ("productInfo[].imageUrl", 1, 512),
    ("productInfo[].productName", 1, 512),
    ("productInfo[].url", 1, 512),
    ("wechat.attach", 1, 50),
    ("wechat.authCode", 1, 64),
    ("wechat.limitPayMethod", 1, 32),
    ("wechat.openId", 1, 64),
    ("wechat.productType", 1, 16),
    ("wechat.storeId", 1, 30),
    ("wechat.subAppId", 1, 64),
    ("alipay.authCode", 1, 64),
    ("alipay.limitPayMethod", 1, 32),
    ("alipay.openId", 1, 64),
    ("alipay.storeId", 1, 30),
    ("alipay.subAppId", 1, 64),
    ("alipayPlus.authCode", 1, 64),
    ("alipayPlus.limitPayMethod", 1, 32),
    ("alipayPlus.openId", 1, 64),
    ("alipayPlus.storeId", 1, 30),
    ("alipayPlus.subAppId", 1, 64),
    ("upay.authCode", 1, 64),
    ("upay.storeId", 1, 30),
];

/// `MitPayment`'s: its `description` and its `Billing` block.
const MIT_PAYMENT_LENGTHS: &[(&str, usize, usize)] = &[
    ("description", 1, 50),
    ("billing.email", 3, 255),
    ("billing.phone.countryCode", 1, 7),
    ("billing.phone.number", 1, 26),
];

/// `Address` (`<= 50` / `<= 128 characters`: no minimum, a Hong Kong address has no postcode),
/// under `billing` and `shipping`.
const ADDRESS_LENGTHS: &[(&str, usize, usize)] =
    &[("city", 0, 50), ("line1", 0, 128), ("line2", 0, 128), ("line3", 0, 128), ("postcode", 0, 50), ("state", 0, 50)];

/// The text values at `path` in `v` (several under a `[]` step), with their full names.
fn texts_at<'a>(v: &'a Value, path: &str, name: String, out: &mut Vec<(String, &'a str)>) {
    let (head, rest) = path.split_once('.').map_or((path, None), |(h, r)| (h, Some(r)));
    let (key, each) = head.strip_suffix("[]").map_or((head, false), |k| (k, true));
    let Some(value) = v.get(key) else { return };
    let name = if name.is_empty() { key.to_owned() } else { format!("{name}.{key}") };
    let items: Vec<(String, &Value)> = match (each, value) {
        (true, Value::Array(items)) => items.iter().enumerate().map(|(i, x)| (format!("{name}[{i}]"), x)).collect(),
        (true, _) => Vec::new(),
        (false, x) => vec![(name, x)],
    };
    for (name, item) in items {
        match (rest, item) {
            (Some(rest), _) => texts_at(item, rest, name, out),
            (None, Value::String(s)) => out.push((name, s.as_str())),
            _ => {}
        }
    }
}

/// The documented lengths and formats of a payment's or checkout's text fields, as the gateway's
/// validation would refuse them (`1002`).
fn check_documented_formats(v: &Value, lengths: &[(&str, usize, usize)]) -> Result<(), Fail> {
    let mut rules: Vec<(String, usize, usize)> = lengths.iter().map(|(p, a, b)| ((*p).to_owned(), *a, *b)).collect();
    for block in ["billing", "shipping"] {
        rules.extend(ADDRESS_LENGTHS.iter().map(|(f, a, b)| (format!("{block}.address.{f}"), *a, *b)));
    }
    for (path, min, max) in &rules {
        let mut found = Vec::new();
        texts_at(v, path, String::new(), &mut found);
        // Counted as the gateway's Java counts (`String.length()`, UTF-16 units).
        if let Some((name, _)) = found.iter().find(|(_, s)| !(*min..=*max).contains(&s.encode_utf16().count())) {
            return Err(bad(if *min == 0 {
                format!("{name} must be at most {max} characters")
            } else {
                format!("{name} must be {min} to {max} characters")
            }));
        }
    }
    for block in ["billing", "shipping"] {
        let mut found = Vec::new();
        texts_at(v, &format!("{block}.address.country"), String::new(), &mut found);
        if found.iter().any(|(_, c)| !(c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))) {
            return Err(bad(format!("{block}.address.country must be an upper-case ISO 3166-1 alpha-2 code")));
        }
    }
    let mut birthday = Vec::new();
    texts_at(v, "billing.birthday", String::new(), &mut birthday);
    let date_like = |s: &str| {
        let b = s.as_bytes();
        b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    };
    if birthday.iter().any(|(_, s)| !date_like(s)) {
        return Err(bad("billing.birthday must be yyyy-MM-dd"));
    }
    Ok(())
}

fn bad(msg: impl Into<String>) -> Fail {
    fail(codes::BAD_PARAMETER, msg)
}

pub(crate) type Outcome = Result<Value, Fail>;

fn str_field<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty())
}

fn required<'a>(v: &'a Value, key: &str) -> Result<&'a str, Fail> {
    str_field(v, key).ok_or_else(|| bad(format!("{key} is required")))
}

/// The request fields read as amounts. [`exact_amounts`] turns their JSON numbers into the
/// number's own text before anything else reads the request.
pub(crate) const AMOUNT_FIELDS: [&str; 2] = ["amount", "captureAmount"];

/// Replaces every JSON number among `body`'s [`AMOUNT_FIELDS`] by its text exactly as sent:
/// `serde_json::Value` keeps a non-integer number as an `f64`, which rounds
/// `12345678901234567.89` (17 significant digits) to `12345678901234568`. `raw` is the request
/// body `body` was parsed from.
pub(crate) fn exact_amounts(raw: &[u8], body: &mut Value) {
    let Ok(fields) = serde_json::from_slice::<BTreeMap<String, Box<serde_json::value::RawValue>>>(raw) else {
        return;
    };
    for key in AMOUNT_FIELDS {
        if let Some(text) = fields.get(key).map(|v| v.get().trim())
            && text.starts_with(|c: char| c == '-' || c.is_ascii_digit())
        {
            body[key] = Value::String(text.to_owned());
        }
    }
}

fn amount(v: &Value, key: &str) -> Result<Decimal, Fail> {
    let raw = match v.get(key) {
        Some(Value::String(s)) => s.clone(),
        // Requests reach the ledger through `exact_amounts` (numbers as their text); a number here
        // was built in process, and an integer one is exact.
        Some(Value::Number(n)) => n.to_string(),
        _ => return Err(bad(format!("{key} is required"))),
    };
    let d: sign_core::Decimal = raw.parse().map_err(|_| bad(format!("{key} is not a decimal amount")))?;
    let d = d.value();
    if d <= Decimal::ZERO || d.scale() > 2 {
        return Err(bad(format!("{key} must be at least 0.01 with at most two decimals")));
    }
    Ok(d)
}

fn money(d: Decimal) -> String {
    // Two decimals on the wire, like the gateway's examples ("100.99").
    let mut d = d;
    d.rescale(2);
    d.to_string()
}

/// Marks a string of [`money_number`]: the response writer ([`ExactJson`]) writes what follows as
/// a bare JSON number. A NUL never appears in the sandbox's own text.
const EXACT_NUMBER: &str = "\u{0}exact-number:";

/// An amount the response shows as a JSON number (payAmount and refund amounts in the query
/// response): its decimal digits, written by [`ExactJson`] as they are, never through a float.
fn money_number(d: Decimal) -> Value {
    Value::String(format!("{EXACT_NUMBER}{}", money(d)))
}

/// A response document as JSON text, amounts of [`money_number`] written as bare numbers with
/// their exact digits (a `serde_json::Value` number would be an `f64`).
pub(crate) struct ExactJson<'a>(pub(crate) &'a Value);

impl Serialize for ExactJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::String(text) => match text.strip_prefix(EXACT_NUMBER) {
                Some(number) if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit() || b == b'.') => {
                    serde_json::value::RawValue::from_string(number.to_owned())
                        .map_err(serde::ser::Error::custom)?
                        .serialize(s)
                }
                _ => s.serialize_str(text),
            },
            Value::Array(items) => s.collect_seq(items.iter().map(ExactJson)),
            Value::Object(map) => s.collect_map(map.iter().map(|(k, v)| (k, ExactJson(v)))),
            other => other.serialize(s),
        }
    }
}

fn order_no(v: &Value) -> Result<&str, Fail> {
    let o = required(v, "orderNo")?;
    if (5..=64).contains(&o.encode_utf16().count()) { Ok(o) } else { Err(bad("orderNo must be 5 to 64 characters")) }
}

fn currency(v: &Value) -> Result<&str, Fail> {
    let c = required(v, "currency")?;
    if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(c)
    } else {
        Err(bad("currency must be a three-letter upper-case ISO 4217 code"))
    }
}

/// The sandbox's own Luhn (mod 10) check (the client checks no such thing: the gateway judges).
fn luhn(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, c) in digits.bytes().rev().enumerate() {
        let d = u32::from(c - b'0');
        sum += if i % 2 == 1 { [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][d as usize] } else { d };
    }
    sum % 10 == 0
}

/// A status or brand: one of the sandbox's own words. An alias, because serde's derive would
/// borrow a field written `&str` from the input, which a state file cannot lend for `'static`.
type Word = &'static str;

/// A card as the sandbox keeps it: never the full number or the CVC.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct CardOnFile {
    bin: String,
    last4: String,
    #[serde(serialize_with = "saved::ser_word", deserialize_with = "saved::de_word")]
    brand: Word,
    expiry: (u32, u32),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Order {
    order_no: String,
    trade_no: String,
    #[serde(serialize_with = "saved::ser_decimal", deserialize_with = "saved::de_decimal")]
    amount: Decimal,
    currency: String,
    method: String,
    #[serde(serialize_with = "saved::ser_word", deserialize_with = "saved::de_word")]
    status: Word,
    #[serde(serialize_with = "saved::ser_decimal", deserialize_with = "saved::de_decimal")]
    captured: Decimal,
    #[serde(serialize_with = "saved::ser_decimal", deserialize_with = "saved::de_decimal")]
    refunded: Decimal,
    card: Option<CardOnFile>,
    authorize_code: Option<String>,
    transaction_identifier: Option<String>,
    client_ip: Option<String>,
    billing: Option<Value>,
    shipping: Option<Value>,
    created: String,
    finished: Option<String>,
    refunds: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct RefundRecord {
    refund_number: String,
    refund_trade_no: String,
    order_trade_no: String,
    #[serde(serialize_with = "saved::ser_decimal", deserialize_with = "saved::de_decimal")]
    amount: Decimal,
    currency: String,
    time: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct TrackingRecord {
    id: String,
    order_no: String,
    trade_no: String,
    tracking_no: String,
    carrier: String,
    shipment_date: String,
    direction: String,
    status: String,
    number_type: String,
    url: Option<String>,
}

/// What the sandbox knows: orders by trade number, with indexes. Kept in a state file as is.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Ledger {
    orders: HashMap<String, Order>,
    by_order_no: HashMap<String, String>,
    refunds: BTreeMap<String, RefundRecord>,
    refund_by_trade_no: HashMap<String, String>,
    credentials: HashMap<String, String>,
    trackings: Vec<TrackingRecord>,
    counter: u64,
}

/// The merchant id the sandbox reports (`mercId`).
pub const MERCHANT_ID: &str = "M000000000001";

impl Ledger {
    fn next(&mut self) -> u64 {
        self.counter += 1;
        self.counter
    }

    fn new_trade_no(&mut self) -> String {
        format!("{}", 589_327_510_105_900_000u64 + self.next())
    }

    fn find(&self, v: &Value) -> Result<&Order, Fail> {
        let trade = match (str_field(v, "tradeNo"), str_field(v, "orderNo")) {
            (Some(t), _) => t.to_owned(),
            (None, Some(o)) => self.by_order_no.get(o).cloned().unwrap_or_default(),
            (None, None) => return Err(bad("send orderNo or tradeNo")),
        };
        self.orders.get(&trade).ok_or_else(|| fail(codes::NOT_FOUND, "order not found"))
    }

    fn find_mut(&mut self, v: &Value) -> Result<&mut Order, Fail> {
        let trade = self.find(v)?.trade_no.clone();
        self.orders.get_mut(&trade).ok_or_else(|| fail(codes::NOT_FOUND, "order not found"))
    }

    fn insert(&mut self, order: Order) {
        self.by_order_no.insert(order.order_no.clone(), order.trade_no.clone());
        self.orders.insert(order.trade_no.clone(), order);
    }

    fn check_new_order_no<'a>(&self, v: &'a Value) -> Result<&'a str, Fail> {
        let o = order_no(v)?;
        if self.by_order_no.contains_key(o) {
            return Err(fail(codes::DUPLICATE, "orderNo already used"));
        }
        Ok(o)
    }

    /// Marks a pending checkout session or wallet payment as paid.
    pub(crate) fn complete(&mut self, order_no: &str, now: &str) -> bool {
        let Some(trade) = self.by_order_no.get(order_no).cloned() else { return false };
        match self.orders.get_mut(&trade) {
            Some(o) if o.status == "pending" => {
                o.status = "successed";
                o.captured = o.amount;
                o.finished = Some(now.to_owned());
                true
            }
            _ => false,
        }
    }

    /// Settles a pending order as the payer or the back office would: `successed`, `failed` or
    /// `canceled`.
    pub(crate) fn settle(&mut self, order_no: &str, status: &'static str, now: &str) -> Result<(), String> {
        let trade = self.by_order_no.get(order_no).cloned().ok_or_else(|| format!("no order {order_no:?}"))?;
        let order = self.orders.get_mut(&trade).ok_or_else(|| format!("no order {order_no:?}"))?;
        if order.status != "pending" {
            return Err(format!("order {order_no:?} is {}, not pending", order.status));
        }
        order.status = status;
        if status == "successed" {
            order.captured = order.amount;
        }
        order.finished = Some(now.to_owned());
        Ok(())
    }

    /// Pays a pending checkout session with a card typed on the cashier page, by the rules of
    /// `payment` (Luhn, expiry, the declined test card); a declined card fails the order.
    pub(crate) fn pay_checkout_with_card(
        &mut self,
        order_no: &str,
        card: &Value,
        now: &str,
        ym: (u32, u32),
    ) -> Outcome {
        let trade = self.by_order_no.get(order_no).cloned().ok_or_else(|| fail(codes::NOT_FOUND, "order not found"))?;
        let status = self.orders.get(&trade).map(|o| o.status).unwrap_or_default();
        if status != "pending" {
            return Err(fail(codes::BAD_STATE, format!("cannot pay an order that is {status}")));
        }
        let (card_on_file, declined) = Self::read_card(card, ym.0, ym.1)?;
        let code = format!("{:06}", (self.next() * 7919) % 1_000_000);
        let order = self.orders.get_mut(&trade).ok_or_else(|| fail(codes::NOT_FOUND, "order not found"))?;
        order.method = "card".into();
        order.card = Some(card_on_file);
        order.finished = Some(now.to_owned());
        if declined {
            order.status = "failed";
            return Err(fail(codes::DECLINED, "card declined (sandbox test card)"));
        }
        order.status = "successed";
        order.captured = order.amount;
        order.authorize_code = Some(code);
        Ok(json!({ "orderNo": order.order_no, "orderStatus": order.status }))
    }

    /// Every order, for the admin interface: `orderNo`, `tradeNo`, amount, currency, status.
    pub(crate) fn summaries(&self) -> Vec<Value> {
        let mut orders: Vec<&Order> = self.orders.values().collect();
        orders.sort_by(|a, b| a.trade_no.cmp(&b.trade_no));
        orders
            .into_iter()
            .map(|o| {
                json!({
                    "orderNo": o.order_no,
                    "tradeNo": o.trade_no,
                    "amount": money(o.amount),
                    "currency": o.currency,
                    "orderStatus": o.status,
                })
            })
            .collect()
    }

    pub(crate) fn cashier_order(&mut self, v: &Value, now: &str) -> Outcome {
        let amount = amount(v, "amount")?;
        let currency = currency(v)?.to_owned();
        let order_no = self.check_new_order_no(v)?.to_owned();
        Self::check_nested_blocks(v)?;
        check_documented_formats(
            v,
            &[
                ("frontUrl", 3, 128),
                ("productInfo[].imageUrl", 1, 512),
                ("productInfo[].productName", 1, 512),
                ("productInfo[].url", 1, 512),
                ("shipping.email", 3, 255),
                ("shipping.firstName", 1, 64),
                ("shipping.lastName", 1, 50),
                ("shipping.phone.countryCode", 1, 7),
                ("shipping.phone.number", 1, 26),
            ],
        )?;
        let minutes = match str_field(v, "expiryTime") {
            Some(t) => t.parse::<u32>().map_err(|_| bad("expiryTime must be whole minutes"))?,
            None => 1440,
        };
        let trade_no = self.new_trade_no();
        self.insert(Order {
            order_no: order_no.clone(),
            trade_no,
            amount,
            currency,
            method: String::new(),
            status: "pending",
            captured: Decimal::ZERO,
            refunded: Decimal::ZERO,
            card: None,
            authorize_code: None,
            transaction_identifier: None,
            client_ip: None,
            billing: None,
            shipping: v.get("shipping").cloned(),
            created: now.to_owned(),
            finished: None,
            refunds: Vec::new(),
        });
        Ok(json!({
            "expiresIn": minutes,
            "orderNo": order_no,
            "redirectUrl": format!("/h5/zh-cn/cashier.html?orderNo={order_no}"),
        }))
    }

    fn read_card(card: &Value, now_year: u32, now_month: u32) -> Result<(CardOnFile, bool), Fail> {
        let no = required(card, "cardNo")?;
        if !(13..=19).contains(&no.len()) || !no.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("cardNo must be 13 to 19 digits"));
        }
        // Like an issuer: a number failing the Luhn check is declined, except UnionPay's (62...),
        // not all of which pass it (the gateway's own example card 6212454545454690 does not).
        if !luhn(no) && !no.starts_with("62") {
            return Err(fail(codes::DECLINED, "card number declined (fails the Luhn check)"));
        }
        if let Some(cvc) = str_field(card, "cvc")
            && !((3..=4).contains(&cvc.len()) && cvc.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(bad("cvc must be 3 or 4 digits"));
        }
        // "卡到期月份的两位数字" / "卡到期年份的四位数字": exactly two and four digits.
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let month = required(card, "expiryMonth")?;
        let month: u32 =
            month.parse().ok().filter(|_| digits(month, 2)).ok_or_else(|| bad("expiryMonth must be 01 to 12"))?;
        let year = required(card, "expiryYear")?;
        let year: u32 =
            year.parse().ok().filter(|_| digits(year, 4)).ok_or_else(|| bad("expiryYear must be four digits"))?;
        if !(1..=12).contains(&month) || !(1000..=9999).contains(&year) {
            return Err(bad("card expiry is malformed"));
        }
        if (year, month) < (now_year, now_month) {
            return Err(fail(codes::DECLINED, "card expired"));
        }
        required(card, "firstName")?;
        required(card, "lastName")?;
        let brand = match no.as_bytes()[0] {
            b'4' => "VISA",
            b'5' | b'2' => "MASTERCARD",
            b'3' => "AMEX",
            b'6' => "UNIONPAY",
            _ => "UNKNOWN",
        };
        let declined = no == super::DECLINED_CARD;
        Ok((
            CardOnFile { bin: no[..6].to_owned(), last4: no[no.len() - 4..].to_owned(), brand, expiry: (year, month) },
            declined,
        ))
    }

    /// The nested blocks of a payment or checkout, when sent, with the fields their schemas mark
    /// required: `shipping` (`Shipping`), each `productInfo` item (`ProductInfo`) and
    /// `threeDsData` (`ThreeDsData`). A value is present when it is neither missing, `null` nor
    /// blank text (a number counts: the sandbox reads requests leniently).
    fn check_nested_blocks(v: &Value) -> Result<(), Fail> {
        fn present(block: &Value, key: &str) -> bool {
            match block.get(key) {
                None | Some(Value::Null) => false,
                Some(Value::String(s)) => !s.trim().is_empty(),
                Some(_) => true,
            }
        }
        fn need(block: &Value, name: &str, keys: &[&str]) -> Result<(), Fail> {
            match keys.iter().find(|k| !present(block, k)) {
                Some(k) => Err(bad(format!("{name}.{k} is required"))),
                None => Ok(()),
            }
        }
        if let Some(shipping) = v.get("shipping").filter(|s| !s.is_null()) {
            need(shipping, "shipping", &["address", "firstName", "lastName", "phone"])?;
            need(&shipping["address"], "shipping.address", &ADDRESS_REQUIRED)?;
        }
        if let Some(items) = v.get("productInfo").filter(|p| !p.is_null()) {
            let items = items.as_array().ok_or_else(|| bad("productInfo must be a list"))?;
            for (i, item) in items.iter().enumerate() {
                need(item, &format!("productInfo[{i}]"), &["price", "productName", "quantity", "sku"])?;
            }
        }
        if let Some(three_ds) = v.get("threeDsData").filter(|t| !t.is_null()) {
            need(three_ds, "threeDsData", &["dsVersion", "eci", "xid"])?;
        }
        Ok(())
    }

    fn check_device_info(v: &Value, required_here: bool) -> Result<Option<String>, Fail> {
        let Some(d) = v.get("deviceInfo").filter(|d| !d.is_null()) else {
            return if required_here { Err(bad("deviceInfo is required")) } else { Ok(None) };
        };
        let browser = d.get("browser").ok_or_else(|| bad("deviceInfo.browser is required"))?;
        required(browser, "userAgent").map_err(|_| bad("deviceInfo.browser.userAgent is required"))?;
        required(d, "language").map_err(|_| bad("deviceInfo.language is required"))?;
        let ip = required(d, "clientIp").map_err(|_| bad("deviceInfo.clientIp is required"))?;
        Ok(Some(ip.to_owned()))
    }

    /// `payment` and `mitPayment` (`mit` = card and billing required, no wallet).
    pub(crate) fn payment(&mut self, v: &Value, mit: bool, now: &str, ym: (u32, u32)) -> Outcome {
        let amount = amount(v, "amount")?;
        let currency = currency(v)?.to_owned();
        let order_no = self.check_new_order_no(v)?.to_owned();
        let client_ip = Self::check_device_info(v, !mit)?;
        Self::check_nested_blocks(v)?;
        check_documented_formats(v, if mit { MIT_PAYMENT_LENGTHS } else { PAYMENT_LENGTHS })?;
        let method = if mit { "card".to_owned() } else { required(v, "paymentMethodType")?.to_owned() };
        let billing = v.get("billing").filter(|b| !b.is_null()).cloned();
        if mit && billing.is_none() {
            return Err(bad("billing is required"));
        }
        if let Some(b) = &billing {
            let a = b.get("address").ok_or_else(|| bad("billing.address is required"))?;
            for k in ADDRESS_REQUIRED {
                required(a, k).map_err(|_| bad(format!("billing.address.{k} is required")))?;
            }
        }
        let trade_no = self.new_trade_no();
        let mut order = Order {
            order_no: order_no.clone(),
            trade_no: trade_no.clone(),
            amount,
            currency: currency.clone(),
            method: method.clone(),
            status: "pending",
            captured: Decimal::ZERO,
            refunded: Decimal::ZERO,
            card: None,
            authorize_code: None,
            transaction_identifier: None,
            client_ip,
            billing: billing.clone(),
            shipping: v.get("shipping").filter(|s| !s.is_null()).cloned(),
            created: now.to_owned(),
            finished: None,
            refunds: Vec::new(),
        };
        let mut body = json!({
            "amount": money(amount),
            "currency": currency,
            "orderNo": order_no,
            "tradeNo": trade_no,
            "transactionTime": now,
        });
        if method == "card" {
            let card = v.get("card").filter(|c| c.is_object()).ok_or_else(|| bad("card is required"))?;
            let (card_on_file, declined) = Self::read_card(card, ym.0, ym.1)?;
            if declined {
                order.status = "failed";
                order.card = Some(card_on_file);
                self.insert(order);
                return Err(fail(codes::DECLINED, "card declined (sandbox test card)"));
            }
            let manual = str_field(card, "captureMethod") == Some("manual");
            let code = format!("{:06}", (self.next() * 7919) % 1_000_000);
            order.authorize_code = Some(code.clone());
            if manual {
                order.status = "authorized";
            } else {
                order.status = "successed";
                order.captured = amount;
                order.finished = Some(now.to_owned());
            }
            let store = billing.as_ref().and_then(|b| str_field(b, "storedcredentials")) == Some("store");
            if store || mit {
                let id = format!("{:033}", 20_005_060_720_116_005_061u128 + u128::from(self.next()));
                self.credentials.insert(id.clone(), trade_no.clone());
                order.transaction_identifier = Some(id.clone());
                body["transactionIdentifier"] = json!(id);
            }
            order.card = Some(card_on_file);
            body["authorizeCode"] = json!(code);
            body["lastEvent"] = json!(if manual { "capture" } else { "done" });
        } else {
            // Wallets with their own block in the request need it, with its productType.
            let has_block = matches!(
                method.as_str(),
                "wechat" | "alipay" | "alipayPlus" | "upay" | "paypal" | "payNow" | "shopeePay" | "grabPay"
            );
            if has_block {
                let key = method.as_str();
                let b = v.get(key).filter(|b| b.is_object()).ok_or_else(|| bad(format!("{key} is required")))?;
                required(b, "productType").map_err(|_| bad(format!("{key}.productType is required")))?;
            }
            body["payUrl"] = json!(format!("/h5/pay.html?tradeNo={trade_no}"));
            body["lastEvent"] = json!("redirect");
        }
        body["orderStatus"] = json!(order.status);
        self.insert(order);
        Ok(body)
    }

    /// A subscription payment names the first payment's card by its `transactionIdentifier` or by
    /// its `cardNo` (the schema allows either); with both, they must name the same card.
    pub(crate) fn subscription_payment(&mut self, v: &Value, now: &str) -> Outcome {
        let amount = amount(v, "amount")?;
        let order_no = self.check_new_order_no(v)?.to_owned();
        required(v, "expiryMonth")?;
        required(v, "expiryYear")?;
        Self::check_device_info(v, false)?;
        check_documented_formats(v, &[("description", 1, 50), ("transactionIdentifier", 5, 64)])?;
        let card_no = str_field(v, "cardNo");
        if let Some(no) = card_no
            && !((13..=19).contains(&no.len()) && no.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(bad("cardNo must be 13 to 19 digits"));
        }
        let (year, month) = (str_field(v, "expiryYear"), str_field(v, "expiryMonth"));
        let expiry = (year.and_then(|y| y.parse().ok()), month.and_then(|m| m.parse().ok()));
        let id = match (str_field(v, "transactionIdentifier"), card_no) {
            (Some(id), _) => id.to_owned(),
            // By card: the stored credential of a first payment with that card and expiry.
            (None, Some(no)) => self
                .credentials
                .iter()
                .filter_map(|(id, trade)| Some((id, self.orders.get(trade)?.card.as_ref()?)))
                .find(|(_, c)| {
                    no.starts_with(&c.bin) && no.ends_with(&c.last4) && expiry == (Some(c.expiry.0), Some(c.expiry.1))
                })
                .map(|(id, _)| id.clone())
                .ok_or_else(|| fail(codes::NOT_FOUND, "no stored credential for this card"))?,
            (None, None) => return Err(bad("transactionIdentifier or cardNo is required")),
        };
        let first = self
            .credentials
            .get(&id)
            .and_then(|t| self.orders.get(t))
            .ok_or_else(|| fail(codes::NOT_FOUND, "unknown transactionIdentifier"))?;
        let card = first.card.clone();
        if let (Some(no), Some(c)) = (card_no, &card)
            && !(no.starts_with(&c.bin) && no.ends_with(&c.last4))
        {
            return Err(bad("cardNo does not match the stored credential"));
        }
        if let Some(c) = &card
            && expiry != (Some(c.expiry.0), Some(c.expiry.1))
        {
            return Err(bad("expiry does not match the stored credential"));
        }
        let currency = first.currency.clone();
        let trade_no = self.new_trade_no();
        let code = format!("{:06}", (self.next() * 7919) % 1_000_000);
        self.insert(Order {
            order_no: order_no.clone(),
            trade_no: trade_no.clone(),
            amount,
            currency: currency.clone(),
            method: "card".into(),
            status: "successed",
            captured: amount,
            refunded: Decimal::ZERO,
            card,
            authorize_code: Some(code.clone()),
            transaction_identifier: Some(id.clone()),
            client_ip: None,
            billing: None,
            shipping: None,
            created: now.to_owned(),
            finished: Some(now.to_owned()),
            refunds: Vec::new(),
        });
        Ok(json!({
            "amount": money(amount),
            "currency": currency,
            "orderNo": order_no,
            "tradeNo": trade_no,
            "orderStatus": "successed",
            "authorizeCode": code,
            "transactionIdentifier": id,
            "transactionTime": now,
        }))
    }

    pub(crate) fn cancel(&mut self, v: &Value, now: &str) -> Outcome {
        let order = self.find_mut(v)?;
        if order.status != "authorized" {
            return Err(fail(codes::BAD_STATE, format!("cannot void an order that is {}", order.status)));
        }
        order.status = "canceled";
        order.finished = Some(now.to_owned());
        Ok(json!({
            "orderNo": order.order_no,
            "tradeNo": order.trade_no,
            "orderStatus": order.status,
            "lastEvent": "void",
            "transactionTime": now,
        }))
    }

    pub(crate) fn capture(&mut self, v: &Value, now: &str) -> Outcome {
        let amount = amount(v, "captureAmount")?;
        let order = self.find_mut(v)?;
        if order.status != "authorized" {
            return Err(fail(codes::BAD_STATE, format!("cannot capture an order that is {}", order.status)));
        }
        if amount > order.amount {
            return Err(fail(codes::AMOUNT_EXCEEDED, "captureAmount is more than was authorized"));
        }
        order.status = "successed";
        order.captured = amount;
        order.finished = Some(now.to_owned());
        Ok(json!({
            "amount": money(amount),
            "currency": order.currency,
            "orderNo": order.order_no,
            "tradeNo": order.trade_no,
            "orderStatus": order.status,
            "lastEvent": "captured",
            "transactionTime": now,
        }))
    }

    pub(crate) fn refund(&mut self, v: &Value, now: &str) -> Outcome {
        let amount = amount(v, "amount")?;
        required(v, "clientIp")?;
        required(v, "reason")?;
        let number = required(v, "refundNumber")?.to_owned();
        let order_trade = self.find(v)?.trade_no.clone();
        if let Some(existing) = self.refunds.get(&number) {
            // The same refund sent again (a retry after a timeout) gets the same answer; a
            // different refund under a used number is refused.
            if existing.order_trade_no == order_trade && existing.amount == amount {
                return Ok(self.refund_body(&number, "accepted"));
            }
            return Err(fail(codes::DUPLICATE, "refundNumber already used"));
        }
        let refund_trade_no = self.new_trade_no();
        let order = self.orders.get_mut(&order_trade).ok_or_else(|| fail(codes::NOT_FOUND, "order not found"))?;
        if order.status != "successed" {
            return Err(fail(codes::BAD_STATE, format!("cannot refund an order that is {}", order.status)));
        }
        let refunded = match order.refunded.checked_add(amount) {
            Some(total) if total <= order.captured => total,
            _ => return Err(fail(codes::AMOUNT_EXCEEDED, "refund is more than the captured amount not yet refunded")),
        };
        order.refunded = refunded;
        order.refunds.push(number.clone());
        let record = RefundRecord {
            refund_number: number.clone(),
            refund_trade_no: refund_trade_no.clone(),
            order_trade_no: order_trade,
            amount,
            currency: order.currency.clone(),
            time: now.to_owned(),
        };
        self.refund_by_trade_no.insert(refund_trade_no, number.clone());
        self.refunds.insert(number.clone(), record);
        Ok(self.refund_body(&number, "accepted"))
    }

    fn refund_body(&self, number: &str, status: &str) -> Value {
        let Some(r) = self.refunds.get(number) else { return json!({}) };
        json!({
            "amount": money(r.amount),
            "currency": r.currency,
            "mercId": MERCHANT_ID,
            "refundOrderNo": r.refund_number,
            "refundTradeNo": r.refund_trade_no,
            "refundStatus": status,
            "finishTime": r.time,
        })
    }

    /// `refundQuery`: `orderNo`/`tradeNo` name the refund (`refundNumber` / the refund's trade
    /// number); failing that, the original order, whose latest refund is returned.
    pub(crate) fn refund_query(&self, v: &Value) -> Outcome {
        required(v, "paymentMethodType")?;
        let by_refund = str_field(v, "orderNo")
            .filter(|o| self.refunds.contains_key(*o))
            .map(str::to_owned)
            .or_else(|| str_field(v, "tradeNo").and_then(|t| self.refund_by_trade_no.get(t)).cloned());
        let number = match by_refund {
            Some(n) => n,
            None => {
                let order = self.find(v).map_err(|_| fail(codes::NOT_FOUND, "refund not found"))?;
                order.refunds.last().cloned().ok_or_else(|| fail(codes::NOT_FOUND, "refund not found"))?
            }
        };
        // The gateway documents one refund status, `accepted`; the sandbox reports that.
        Ok(self.refund_body(&number, "accepted"))
    }

    pub(crate) fn query(&self, v: &Value) -> Outcome {
        required(v, "paymentMethodType")?;
        let o = self.find(v)?;
        let refunds: Vec<Value> = o
            .refunds
            .iter()
            .filter_map(|n| self.refunds.get(n))
            .map(|r| {
                json!({
                    "amount": money_number(r.amount),
                    "currency": r.currency,
                    "orderNo": r.refund_number,
                    "tradeNo": r.refund_trade_no,
                    "refundStatus": "accepted",
                    "refundTime": r.time,
                    "completeTime": r.time,
                })
            })
            .collect();
        let mut order = json!({
            "orderNo": o.order_no,
            "tradeNo": o.trade_no,
            "orderStatus": o.status,
            "payAmount": money_number(o.amount),
            "tradeCurrency": o.currency,
            "mercName": "Acqra Sandbox Merchant",
            "payTime": o.created,
        });
        if !o.method.is_empty() {
            order["paymentMethodType"] = json!(o.method);
        }
        if let Some(f) = &o.finished {
            order["tradeFinishTime"] = json!(f);
        }
        if let Some(ip) = &o.client_ip {
            order["clientIp"] = json!(ip);
        }
        let mut body = json!({ "order": order, "refund": refunds });
        if let Some(c) = &o.card {
            order_brand(&mut body, c.brand);
            body["extend"] = json!({
                "bin": c.bin,
                "authorizeCode": o.authorize_code,
                "cvcResult": "M",
                "issuerCountryCode": "HK",
            });
        }
        if let Some(b) = &o.billing {
            body["billing"] = b.clone();
        }
        if let Some(s) = &o.shipping {
            body["shipping"] = s.clone();
        }
        Ok(body)
    }

    fn tracking_record(&mut self, v: &Value) -> Result<TrackingRecord, Fail> {
        let carrier = required(v, "carrier")?.to_owned();
        let shipment_date = required(v, "shipmentDate")?.to_owned();
        let direction = required(v, "shipmentDirection")?.to_owned();
        let status = required(v, "shippingStatus")?.to_owned();
        if !matches!(status.as_str(), "SHIPPED" | "CANCELLED" | "DELIVERED") {
            return Err(bad("shippingStatus must be SHIPPED, CANCELLED or DELIVERED"));
        }
        let tracking_no = required(v, "trackingNo")?.to_owned();
        let number_type = required(v, "trackingNumberType")?.to_owned();
        required(v, "orderNo")?;
        let order = self.find(v)?;
        if !matches!(order.status, "authorized" | "successed") {
            return Err(fail(codes::BAD_STATE, format!("cannot ship an order that is {}", order.status)));
        }
        let (order_no, trade_no) = (order.order_no.clone(), order.trade_no.clone());
        if self.trackings.iter().any(|t| t.order_no == order_no && t.tracking_no == tracking_no) {
            return Err(fail(codes::DUPLICATE, "trackingNo already added to this order"));
        }
        Ok(TrackingRecord {
            id: format!("TRK{:010}", self.next()),
            order_no,
            trade_no,
            tracking_no,
            carrier,
            shipment_date,
            direction,
            status,
            number_type,
            url: str_field(v, "trackingUrl").map(str::to_owned),
        })
    }

    pub(crate) fn shipping_tracking(&mut self, v: &Value) -> Outcome {
        let record = self.tracking_record(v)?;
        let id = record.id.clone();
        self.trackings.push(record);
        Ok(json!({ "trackings": [id], "desc": "accepted" }))
    }

    pub(crate) fn shipping_tracking_batch(&mut self, v: &Value) -> Outcome {
        let items = v.as_array().filter(|a| !a.is_empty()).ok_or_else(|| bad("body must be a non-empty array"))?;
        // All or nothing: the whole batch is checked before any of it is kept.
        let mut records: Vec<TrackingRecord> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let r = self
                .tracking_record(item)
                .map_err(|f| Fail { code: f.code, message: format!("[{i}] {}", f.message) })?;
            if records.iter().any(|x| x.order_no == r.order_no && x.tracking_no == r.tracking_no) {
                return Err(fail(codes::DUPLICATE, format!("[{i}] trackingNo repeated in the batch")));
            }
            records.push(r);
        }
        let ids: Vec<String> = records.iter().map(|r| r.id.clone()).collect();
        self.trackings.extend(records);
        Ok(json!({ "trackings": ids, "desc": "accepted" }))
    }

    fn find_tracking(&mut self, v: &Value) -> Result<&mut TrackingRecord, Fail> {
        let tracking_no = required(v, "trackingNo")?.to_owned();
        let order_no = self.find(v)?.order_no.clone();
        self.trackings
            .iter_mut()
            .find(|t| t.order_no == order_no && t.tracking_no == tracking_no)
            .ok_or_else(|| fail(codes::NOT_FOUND, "tracking not found"))
    }

    pub(crate) fn shipping_retrieve(&mut self, v: &Value) -> Outcome {
        // The schema says an object, the provider's example sends a string ("K-V"): either.
        if !v.get("matedata").is_some_and(|m| m.is_object() || m.is_string()) {
            return Err(bad("matedata is required (an object or a string)"));
        }
        required(v, "orderNo")?;
        let t = self.find_tracking(v)?;
        Ok(json!({
            "carrier": t.carrier,
            "orderNo": t.order_no,
            "tradeNo": t.trade_no,
            "trackingNo": t.tracking_no,
            "shipmentDate": t.shipment_date,
            "shipmentDirection": t.direction,
            "shippingStatus": t.status,
            "trackingNumberType": t.number_type,
            "trackingUrl": t.url,
        }))
    }

    pub(crate) fn shipping_tracking_modify(&mut self, v: &Value) -> Outcome {
        if let Some(m) = v.get("matedata")
            && !(m.is_object() || m.is_string() || m.is_null())
        {
            return Err(bad("matedata must be an object or a string"));
        }
        let items = v.get("iterms").and_then(Value::as_array).filter(|a| !a.is_empty());
        let items = items.ok_or_else(|| bad("iterms is required"))?.clone();
        required(v, "orderNo")?;
        let t = self.find_tracking(v)?;
        if t.status == "CANCELLED" {
            return Err(fail(codes::BAD_STATE, "tracking is cancelled"));
        }
        let mut updated = t.clone();
        for item in &items {
            let op = str_field(item, "op").unwrap_or("replace");
            if !matches!(op, "replace" | "add") {
                return Err(bad("op must be replace or add"));
            }
            let value = required(item, "value")?.to_owned();
            match str_field(item, "path").unwrap_or("/status") {
                "/status" | "/shippingStatus" => {
                    if !matches!(value.as_str(), "SHIPPED" | "CANCELLED" | "DELIVERED") {
                        return Err(bad("status must be SHIPPED, CANCELLED or DELIVERED"));
                    }
                    updated.status = value;
                }
                "/carrier" => updated.carrier = value,
                "/trackingUrl" => updated.url = Some(value),
                "/shipmentDate" => updated.shipment_date = value,
                _ => return Err(bad("unsupported path")),
            }
        }
        let id = updated.id.clone();
        *t = updated;
        // An array, as the schema types it (`[string]`); the variant shapes send the example's
        // one string (`"trackings": "ids"`).
        Ok(json!({ "trackings": [id], "desc": "updated" }))
    }
}

fn order_brand(body: &mut Value, brand: &str) {
    if let Some(o) = body.get_mut("order") {
        o["brand"] = json!(brand);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card_payment(order_no: &str) -> Value {
        json!({
            "amount": "100.99", "currency": "USD", "orderNo": order_no, "paymentMethodType": "card",
            "deviceInfo": { "browser": { "userAgent": "t" }, "language": "en", "clientIp": "127.0.0.1" },
            "card": { "cardNo": "4111111111111111", "expiryMonth": "12", "expiryYear": "2030",
                      "firstName": "J", "lastName": "D", "captureMethod": "manual" },
            "billing": { "storedcredentials": "store",
                         "address": { "city": "c", "country": "US", "line1": "l", "postcode": "p", "state": "s" } },
        })
    }

    #[test]
    fn a_state_file_round_trip_keeps_orders_refunds_cards_and_numbering() {
        let now = "2026-01-01T00:00:00Z";
        let mut ledger = Ledger::default();
        let paid = ledger.payment(&card_payment("ORDER-1"), false, now, (2026, 1)).unwrap();
        let trade = paid["tradeNo"].as_str().unwrap().to_owned();
        ledger.capture(&json!({ "tradeNo": trade, "captureAmount": "100.99" }), now).unwrap();
        let refund =
            json!({ "tradeNo": trade, "amount": "30.50", "clientIp": "1", "reason": "r", "refundNumber": "RF-1" });
        ledger.refund(&refund, now).unwrap();
        ledger.cashier_order(&json!({ "amount": "5", "currency": "EUR", "orderNo": "CS-0001" }), now).unwrap();

        let text = serde_json::to_string(&ledger).unwrap();
        assert!(!text.contains("4111111111111111"), "only the BIN and the last four are kept");
        let mut restored: Ledger = serde_json::from_str(&text).unwrap();
        let query = json!({ "paymentMethodType": "card", "tradeNo": trade });
        assert_eq!(restored.query(&query).unwrap(), ledger.query(&query).unwrap());
        assert_eq!(restored.summaries(), ledger.summaries());
        // The refund and its number are known: the same refund again is the same answer, more is refused.
        assert_eq!(restored.refund(&refund, now).unwrap()["refundOrderNo"], "RF-1");
        let too_much =
            json!({ "tradeNo": trade, "amount": "70.50", "clientIp": "1", "reason": "r", "refundNumber": "RF-2" });
        assert_eq!(restored.refund(&too_much, now).unwrap_err().code, codes::AMOUNT_EXCEEDED);
        // New orders take new trade numbers, not ones in use.
        let next = restored.cashier_order(&json!({ "amount": "1", "currency": "USD", "orderNo": "CS-0002" }), now);
        assert!(next.is_ok());
        let trades: Vec<Value> = restored.summaries().iter().map(|o| o["tradeNo"].clone()).collect();
        let unique: std::collections::BTreeSet<String> = trades.iter().map(Value::to_string).collect();
        assert_eq!(unique.len(), trades.len());
    }

    #[test]
    fn a_state_file_with_an_unknown_status_is_refused() {
        let mut ledger = Ledger::default();
        ledger.cashier_order(&json!({ "amount": "5", "currency": "EUR", "orderNo": "CS-0001" }), "t").unwrap();
        let text = serde_json::to_string(&ledger).unwrap().replace("\"pending\"", "\"teleported\"");
        let err = serde_json::from_str::<Ledger>(&text).unwrap_err().to_string();
        assert!(err.contains("unknown word \"teleported\""), "{err}");
    }
}
