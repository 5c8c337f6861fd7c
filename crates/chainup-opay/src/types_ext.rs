//! Hand-written types the generated models refer to, and additions to them.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sign_core::SecretString;

use crate::error::Error;
use crate::generated::{CancelOrderRequest, CreateThirdOrderRequest, MerchantBillingDayRequest, OrderDetailRequest};

/// A scalar the provider documents as a string but whose JSON type is not published for
/// responses: read from a string, a number or a boolean, kept as its text (`10000000002`,
/// `"10000000002"` both become `10000000002`). Written back as a JSON string.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FlexString(pub String);

impl FlexString {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text read as an integer, if it is one.
    pub fn as_i64(&self) -> Option<i64> {
        self.0.trim().parse().ok()
    }
}

impl fmt::Display for FlexString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for FlexString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl From<&str> for FlexString {
    fn from(v: &str) -> Self {
        Self(v.to_owned())
    }
}

impl From<String> for FlexString {
    fn from(v: String) -> Self {
        Self(v)
    }
}

impl PartialEq<str> for FlexString {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for FlexString {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl Serialize for FlexString {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

struct FlexVisitor;

impl Visitor<'_> for FlexVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, a number or a boolean")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
        // Shortest round-trip text; identifiers are integers, so this is for odd counters only.
        Ok(v.to_string())
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }
}

impl<'de> Deserialize<'de> for FlexString {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FlexVisitor).map(Self)
    }
}

/// `orderStatus`: 0 closed, 1 pending payment, 2 payment failed, 3 paid. Read from a string or a
/// number; written as a string (the documented type).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OrderStatus {
    /// `0`: closed (cancelled or expired).
    Closed,
    /// `1`: waiting for payment.
    Pending,
    /// `2`: payment failed.
    Failed,
    /// `3`: paid.
    Paid,
    /// A value the provider documents nowhere (kept so that parsing never breaks).
    Unknown(String),
}

impl OrderStatus {
    /// The wire value (`"0"` to `"3"`).
    pub fn as_str(&self) -> &str {
        match self {
            Self::Closed => "0",
            Self::Pending => "1",
            Self::Failed => "2",
            Self::Paid => "3",
            Self::Unknown(v) => v,
        }
    }

    /// Reads a wire value.
    pub fn from_wire(v: &str) -> Self {
        match v.trim() {
            "0" => Self::Closed,
            "1" => Self::Pending,
            "2" => Self::Failed,
            "3" => Self::Paid,
            other => Self::Unknown(other.to_owned()),
        }
    }

    /// Whether the order can no longer change (closed, failed or paid).
    pub fn is_final(&self) -> bool {
        matches!(self, Self::Closed | Self::Failed | Self::Paid)
    }
}

impl fmt::Display for OrderStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Closed => f.write_str("closed"),
            Self::Pending => f.write_str("pending"),
            Self::Failed => f.write_str("failed"),
            Self::Paid => f.write_str("paid"),
            Self::Unknown(v) => write!(f, "unknown({v})"),
        }
    }
}

impl Serialize for OrderStatus {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for OrderStatus {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FlexVisitor).map(|s| Self::from_wire(&s))
    }
}

/// Who pays: the provider requires `openId` or `userId` (and prefers `openId` when both are
/// sent). Holding one of these makes the requirement impossible to forget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Payer {
    /// The payer's `openId` (payerUserId).
    OpenId(String),
    /// The payer's `userId` (UID, payerUid).
    UserId(String),
}

impl Payer {
    fn query_pair(&self) -> (&'static str, &str) {
        match self {
            Self::OpenId(v) => ("openId", v),
            Self::UserId(v) => ("userId", v),
        }
    }
}

impl CreateThirdOrderRequest {
    /// A create-order request for `payer`, with the other required fields. This is the
    /// constructor to use: the generated `new` leaves both payer fields empty.
    pub fn for_payer(
        payer: Payer,
        app_order_id: impl Into<String>,
        order_amount: impl Into<sign_core::Decimal>,
        pay_coin_symbol: impl Into<String>,
        return_page: impl Into<String>,
        notify_page: impl Into<String>,
    ) -> Self {
        let req = Self::new(app_order_id, order_amount, pay_coin_symbol, return_page, notify_page);
        match payer {
            Payer::OpenId(v) => req.with_open_id(v),
            Payer::UserId(v) => req.with_user_id(v),
        }
    }
}

/// A request type of this API: the client prepares only these (plus raw calls), and checks each
/// before it is encrypted and signed.
pub trait OpayRequest: sign_core::Endpoint + sealed::Sealed {
    /// Rejects a request the provider would reject for a reason visible locally.
    fn validate(&self) -> Result<(), Error> {
        Ok(())
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::CreateThirdOrderRequest {}
    impl Sealed for super::OrderDetailRequest {}
    impl Sealed for super::MerchantBillingDayRequest {}
    impl Sealed for super::CancelOrderRequest {}
}

fn non_empty(v: Option<&String>) -> bool {
    v.is_some_and(|s| !s.trim().is_empty())
}

impl OpayRequest for CreateThirdOrderRequest {
    fn validate(&self) -> Result<(), Error> {
        if !non_empty(self.open_id.as_ref()) && !non_empty(self.user_id.as_ref()) {
            return Err(Error::InvalidRequest("either openId or userId is required".into()));
        }
        if self.order_amount.value() <= sign_core::decimal::rust_decimal::Decimal::ZERO {
            return Err(Error::InvalidRequest("orderAmount must be positive".into()));
        }
        for (name, v) in [
            ("appOrderId", &self.app_order_id),
            ("payCoinSymbol", &self.pay_coin_symbol),
            ("returnPage", &self.return_page),
            ("notifyPage", &self.notify_page),
        ] {
            if v.trim().is_empty() {
                return Err(Error::InvalidRequest(format!("{name} is empty")));
            }
        }
        if let Some(goods) = &self.goods {
            // "passed must be legal json format, otherwise the order creation failure"
            if serde_json::from_str::<serde_json::Value>(goods).is_err() {
                return Err(Error::InvalidRequest("goods is not valid JSON".into()));
            }
        }
        Ok(())
    }
}

impl OpayRequest for OrderDetailRequest {
    fn validate(&self) -> Result<(), Error> {
        if self.order_num.trim().is_empty() {
            return Err(Error::InvalidRequest("orderNum is empty".into()));
        }
        Ok(())
    }
}

impl OpayRequest for MerchantBillingDayRequest {}

impl OpayRequest for CancelOrderRequest {
    fn validate(&self) -> Result<(), Error> {
        if self.order_num.trim().is_empty() {
            return Err(Error::InvalidRequest("orderNum is empty".into()));
        }
        Ok(())
    }
}

/// The payment page URL: `GET {host}/platform/pay.html?appKey=..&orderNum=..&openId=..|userId=..&token=..`.
///
/// `Debug` hides the token; the URL itself carries it, as the provider designed.
#[derive(Clone)]
pub struct PaymentPage {
    base_url: String,
    path: String,
    app_key: String,
    order_num: String,
    payer: Payer,
    token: Option<SecretString>,
}

impl fmt::Debug for PaymentPage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PaymentPage")
            .field("base_url", &self.base_url)
            .field("order_num", &self.order_num)
            .field("payer", &self.payer)
            .field("token", &self.token.as_ref().map(|_| "[REDACTED]"))
            .finish()
    }
}

/// The payment page path below the host.
pub const PAYMENT_PAGE_PATH: &str = "/platform/pay.html";

impl PaymentPage {
    /// The page for `order_num`, to be opened by `payer` (who must be the order's creator).
    pub fn new(
        base_url: impl Into<String>,
        app_key: impl Into<String>,
        order_num: impl Into<String>,
        payer: Payer,
    ) -> Self {
        Self {
            base_url: base_url.into(),
            path: PAYMENT_PAGE_PATH.to_owned(),
            app_key: app_key.into(),
            order_num: order_num.into(),
            payer,
            token: None,
        }
    }

    /// Adds the authorized `token`.
    pub fn with_token(mut self, token: SecretString) -> Self {
        self.token = Some(token);
        self
    }

    /// Uses another path than [`PAYMENT_PAGE_PATH`].
    pub fn with_path(mut self, path: impl Into<String>) -> Self {
        self.path = path.into();
        self
    }

    /// The URL, parameters percent-encoded, in the documented order.
    pub fn url(&self) -> String {
        let (payer_name, payer_value) = self.payer.query_pair();
        let mut pairs = vec![("appKey", self.app_key.as_str()), ("orderNum", self.order_num.as_str())];
        pairs.push((payer_name, payer_value));
        if let Some(t) = &self.token {
            pairs.push(("token", t.expose()));
        }
        let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", percent_encode(v))).collect();
        format!("{}?{}", sign_core::http::join_url(&self.base_url, &self.path), query.join("&"))
    }
}

/// Percent-encodes everything except RFC 3986 unreserved characters.
pub(crate) fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flex_string_reads_strings_numbers_and_bools() {
        let v: Vec<FlexString> = serde_json::from_str(r#"["10000000002", 10000000002, true]"#).unwrap();
        assert_eq!(v[0], "10000000002");
        assert_eq!(v[1], "10000000002");
        assert_eq!(v[2], "true");
        assert_eq!(v[1].as_i64(), Some(10_000_000_002));
        assert_eq!(serde_json::to_string(&v[1]).unwrap(), r#""10000000002""#);
        assert!(serde_json::from_str::<FlexString>("{}").is_err());
    }

    #[test]
    fn order_status_reads_every_documented_value_as_string_or_number() {
        let v: Vec<OrderStatus> = serde_json::from_str(r#"["0","1","2","3",3,"9"]"#).unwrap();
        assert_eq!(
            v,
            [
                OrderStatus::Closed,
                OrderStatus::Pending,
                OrderStatus::Failed,
                OrderStatus::Paid,
                OrderStatus::Paid,
                OrderStatus::Unknown("9".into())
            ]
        );
        assert_eq!(serde_json::to_string(&OrderStatus::Paid).unwrap(), r#""3""#);
        assert!(!OrderStatus::Pending.is_final());
    }

    #[test]
    fn payment_page_url_has_the_documented_shape() {
        let page =
            PaymentPage::new("https://service.xxx.com/", "app key", "1000000009", Payer::UserId("2023203".into()))
                .with_token(SecretString::new("t&k"));
        assert_eq!(
            page.url(),
            "https://service.xxx.com/platform/pay.html?appKey=app%20key&orderNum=1000000009&userId=2023203&token=t%26k"
        );
        assert!(!format!("{page:?}").contains("t&k"));
        let page = PaymentPage::new("https://h", "k", "1", Payer::OpenId("2ae0".into()));
        assert_eq!(page.url(), "https://h/platform/pay.html?appKey=k&orderNum=1&openId=2ae0");
    }

    #[test]
    fn create_order_needs_a_payer_and_a_positive_amount() {
        let no_payer = CreateThirdOrderRequest::new("1", sign_core::Decimal::from(10), "BTC", "https://r", "https://n");
        assert!(matches!(no_payer.validate(), Err(Error::InvalidRequest(_))));
        let ok = CreateThirdOrderRequest::for_payer(
            Payer::OpenId("o".into()),
            "1",
            sign_core::Decimal::from(10),
            "BTC",
            "https://r",
            "https://n",
        );
        assert!(ok.validate().is_ok());
        let zero = CreateThirdOrderRequest::for_payer(
            Payer::UserId("u".into()),
            "1",
            sign_core::Decimal::from(0),
            "BTC",
            "https://r",
            "https://n",
        );
        assert!(zero.validate().is_err());
        assert!(ok.clone().with_goods("not json").validate().is_err());
        assert!(ok.with_goods(r#"[{"name":"P1","desc":"d"}]"#).validate().is_ok());
    }
}
