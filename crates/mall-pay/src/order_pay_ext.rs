//! Hand-written additions to the generated `order_pay` endpoint: the typed request
//! [`PayOrder`], the rules every [`OrderPayRequest`] is checked against before sending
//! (`validate_ext`), and [`Client::order_pay`], which also checks that the answer's `pay_param`
//! fits the payment method.
//!
//! The wire model ([`OrderPayRequest`], generated from the docs) is flat: a `pay_method` code with
//! optional `pay_price` / `pay_integral`, a `freight_mode` code with an optional
//! `freight_json_arr_key`. [`PayOrder`] replaces those codes with enums that carry exactly the
//! amounts and choices each case needs, and becomes an [`OrderPayRequest`] with `From`:
//!
//! | [`PayWith`] | `pay_method` | `pay_price` | `pay_integral` |
//! |---|---|---|---|
//! | `Wechat` | 1 | yes | no |
//! | `Alipay` | 2 | yes | no |
//! | `Points` | 3 | no | yes |
//! | `WechatAndPoints` | 4 | yes | yes |
//! | `AlipayAndPoints` | 5 | yes | yes |
//!
//! | [`Freight`] | `freight_mode` | `freight_json_arr_key` |
//! |---|---|---|
//! | `Free` | 1 | not sent (the provider's default is 0) |
//! | `NotFree(choice)` | 2 | 1 cash on delivery / 2 merchant's choice |

use std::fmt;
use std::str::FromStr;

use sign_core::DecimalNumber;
use sign_core::decimal::rust_decimal::Decimal as RustDecimal;

use sign_core::HttpResponse;

use crate::Client;
use crate::error::{Error, RequestError};
use crate::generated::{FreightJsonArrKey, FreightMode, OrderPayRequest, OrderPayResponse, PayMethod};
use crate::pay_param_ext::PayParam;

/// The largest `pay_price` accepted: 13 integer digits plus 2 decimals keeps every amount within
/// the 15 significant digits a float-based server (the provider's examples are PHP) reads exactly.
const MAX_YUAN_INTEGER_DIGITS: u32 = 13;

/// An amount in yuan (元) for `pay_price`: more than zero, at most two decimal places (fen).
///
/// On the wire it is a JSON number with exactly the digits given: `Yuan::parse("0.1")` is sent as
/// `0.1`, never `0.10000000000000001`. Build one with [`Yuan::parse`], [`Yuan::from_fen`] or
/// [`Yuan::new`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Yuan(DecimalNumber);

impl Yuan {
    /// Checks an exact decimal amount: positive, at most two decimal places, not absurdly large.
    pub fn new(amount: DecimalNumber) -> Result<Self, RequestError> {
        let v = amount.value();
        if v <= RustDecimal::ZERO {
            return Err(RequestError::PriceNotPositive(v.to_string()));
        }
        // `normalize` drops trailing zeros, so `1.50` (scale 2) and `1.500` (scale 3) both pass.
        if v.normalize().scale() > 2 {
            return Err(RequestError::PriceTooPrecise(v.to_string()));
        }
        if v.trunc() >= RustDecimal::from(10_i64.pow(MAX_YUAN_INTEGER_DIGITS)) {
            return Err(RequestError::PriceTooLarge(v.to_string()));
        }
        Ok(Self(amount))
    }

    /// Parses a decimal text such as `"0.1"` or `"199.00"` (digits kept as written).
    pub fn parse(text: &str) -> Result<Self, RequestError> {
        let amount = DecimalNumber::from_str(text).map_err(|_| RequestError::PriceNotDecimal(text.to_owned()))?;
        Self::new(amount)
    }

    /// An amount of `fen` hundredths of a yuan, written without trailing zeros (`10` fen is
    /// `0.1`, `100` fen is `1`).
    pub fn from_fen(fen: i64) -> Result<Self, RequestError> {
        Self::new(DecimalNumber::from(RustDecimal::new(fen, 2).normalize()))
    }

    /// The amount as sent.
    pub fn amount(self) -> DecimalNumber {
        self.0
    }

    /// The amount in fen (always exact: at most two decimal places).
    pub fn to_fen(self) -> i64 {
        // Checked in `new`: scale <= 2 and fewer than 13 integer digits, so this always fits.
        self.0.to_minor(2).unwrap_or(i64::MAX)
    }
}

impl fmt::Display for Yuan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Yuan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Yuan({})", self.0)
    }
}

impl FromStr for Yuan {
    type Err = RequestError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<DecimalNumber> for Yuan {
    type Error = RequestError;

    fn try_from(v: DecimalNumber) -> Result<Self, Self::Error> {
        Self::new(v)
    }
}

/// A number of points (积分) for `pay_integral`: more than zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Points(i64);

impl Points {
    /// Checks a points amount: more than zero.
    pub fn new(points: i64) -> Result<Self, RequestError> {
        if points <= 0 {
            return Err(RequestError::PointsNotPositive(points));
        }
        Ok(Self(points))
    }

    /// The number of points.
    pub fn get(self) -> i64 {
        self.0
    }
}

impl fmt::Display for Points {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl TryFrom<i64> for Points {
    type Error = RequestError;

    fn try_from(v: i64) -> Result<Self, Self::Error> {
        Self::new(v)
    }
}

/// How the order is paid (`pay_method`), with the amounts that method needs.
///
/// The provider's rule (支付方式说明): when the user's points cover the order, API pay may not be
/// chosen; when they do not, API pay must be chosen. The client cannot know the user's balance,
/// so that rule is left to the server; everything else is checked here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PayWith {
    /// `pay_method = 1`: WeChat pay (微信支付) of `pay_price`.
    Wechat {
        /// `pay_price`.
        pay_price: Yuan,
    },
    /// `pay_method = 2`: Alipay (支付宝支付) of `pay_price`.
    Alipay {
        /// `pay_price`.
        pay_price: Yuan,
    },
    /// `pay_method = 3`: points only (积分).
    Points {
        /// `pay_integral`.
        pay_integral: Points,
    },
    /// `pay_method = 4`: WeChat for `pay_price` plus `pay_integral` points (微信和积分支付).
    WechatAndPoints {
        /// `pay_price`.
        pay_price: Yuan,
        /// `pay_integral`.
        pay_integral: Points,
    },
    /// `pay_method = 5`: Alipay for `pay_price` plus `pay_integral` points (支付宝和积分支付).
    AlipayAndPoints {
        /// `pay_price`.
        pay_price: Yuan,
        /// `pay_integral`.
        pay_integral: Points,
    },
}

/// The kind of `pay_param` an answer must carry for a `pay_method` (none for points only or an
/// undocumented method).
fn app_pay(method: &PayMethod) -> AppPay {
    match method {
        PayMethod::Wechat | PayMethod::WechatIntegral => AppPay::Wechat,
        PayMethod::Alipay | PayMethod::AlipayIntegral => AppPay::Alipay,
        _ => AppPay::None,
    }
}

/// Which app payment an answer must carry for a [`PayWith`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AppPay {
    /// WeChat app-pay parameters (an object).
    Wechat,
    /// An Alipay order string.
    Alipay,
    /// Nothing to pay in the app (points only).
    None,
}

impl PayWith {
    /// WeChat pay of `pay_price`.
    pub fn wechat(pay_price: Yuan) -> Self {
        Self::Wechat { pay_price }
    }

    /// Alipay of `pay_price`.
    pub fn alipay(pay_price: Yuan) -> Self {
        Self::Alipay { pay_price }
    }

    /// Points only.
    pub fn points(pay_integral: Points) -> Self {
        Self::Points { pay_integral }
    }

    /// WeChat for `pay_price` plus `pay_integral` points.
    pub fn wechat_and_points(pay_price: Yuan, pay_integral: Points) -> Self {
        Self::WechatAndPoints { pay_price, pay_integral }
    }

    /// Alipay for `pay_price` plus `pay_integral` points.
    pub fn alipay_and_points(pay_price: Yuan, pay_integral: Points) -> Self {
        Self::AlipayAndPoints { pay_price, pay_integral }
    }

    /// The `pay_method` code.
    pub fn pay_method(self) -> PayMethod {
        match self {
            Self::Wechat { .. } => PayMethod::Wechat,
            Self::Alipay { .. } => PayMethod::Alipay,
            Self::Points { .. } => PayMethod::Integral,
            Self::WechatAndPoints { .. } => PayMethod::WechatIntegral,
            Self::AlipayAndPoints { .. } => PayMethod::AlipayIntegral,
        }
    }

    /// `pay_price`, for the methods that pay through WeChat or Alipay.
    pub fn pay_price(self) -> Option<Yuan> {
        match self {
            Self::Wechat { pay_price }
            | Self::Alipay { pay_price }
            | Self::WechatAndPoints { pay_price, .. }
            | Self::AlipayAndPoints { pay_price, .. } => Some(pay_price),
            Self::Points { .. } => None,
        }
    }

    /// `pay_integral`, for the methods that use points.
    pub fn pay_integral(self) -> Option<Points> {
        match self {
            Self::Points { pay_integral }
            | Self::WechatAndPoints { pay_integral, .. }
            | Self::AlipayAndPoints { pay_integral, .. } => Some(pay_integral),
            Self::Wechat { .. } | Self::Alipay { .. } => None,
        }
    }

    /// The kind of `pay_param` the app needs for this method.
    pub fn app_pay(self) -> AppPay {
        app_pay(&self.pay_method())
    }
}

/// Who pays the shipping when it is not free (`freight_json_arr_key`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FreightChoice {
    /// `1`: cash on delivery (到付).
    CashOnDelivery,
    /// `2`: the merchant's choice (商家自选).
    MerchantChoice,
}

impl FreightChoice {
    /// The `freight_json_arr_key` code.
    pub fn code(self) -> FreightJsonArrKey {
        match self {
            Self::CashOnDelivery => FreightJsonArrKey::CashOnDelivery,
            Self::MerchantChoice => FreightJsonArrKey::MerchantChoice,
        }
    }
}

/// Whether shipping is free (`freight_mode`), with the choice "not free" requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Freight {
    /// `freight_mode = 1`: free shipping (包邮).
    Free,
    /// `freight_mode = 2`: not free (不包邮); `freight_json_arr_key` is required.
    NotFree(FreightChoice),
}

impl Freight {
    /// The `freight_mode` code.
    pub fn freight_mode(self) -> FreightMode {
        match self {
            Self::Free => FreightMode::Free,
            Self::NotFree(_) => FreightMode::NotFree,
        }
    }
}

/// One "pay this order now" request (订单立即支付), valid by construction: the typed way to
/// build an [`OrderPayRequest`] (`OrderPayRequest::from(order)`, or `order.into()` where an
/// `OrderPayRequest` is expected).
///
/// ```
/// use mall_pay::{Freight, FreightChoice, OrderPayRequest, PayOrder, PayWith, Points, Yuan};
///
/// let wechat = PayOrder::new(1001, 7, PayWith::wechat(Yuan::parse("0.1")?), Freight::Free)?;
/// let wire = serde_json::to_string(&OrderPayRequest::from(wechat))?;
/// assert_eq!(wire, r#"{"order_id":1001,"pay_method":1,"pay_price":0.1,"address_id":7,"freight_mode":1}"#);
///
/// let mixed = PayWith::alipay_and_points(Yuan::from_fen(1990)?, Points::new(300)?);
/// let order = PayOrder::new(1002, 7, mixed, Freight::NotFree(FreightChoice::CashOnDelivery))?;
/// assert_eq!(order.to_wire().freight_json_arr_key.map(|k| k.as_i64()), Some(1));
///
/// // Impossible amounts are refused before anything is sent.
/// assert!(Yuan::parse("-1").is_err());
/// assert!(Yuan::parse("0.001").is_err());
/// assert!(Points::new(0).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PayOrder {
    order_id: i64,
    address_id: i64,
    pay_with: PayWith,
    freight: Freight,
}

impl PayOrder {
    /// Pay order `order_id`, shipping to address `address_id`. Both ids must be more than zero.
    pub fn new(order_id: i64, address_id: i64, pay_with: PayWith, freight: Freight) -> Result<Self, RequestError> {
        if order_id <= 0 {
            return Err(RequestError::IdNotPositive { field: "order_id", value: order_id });
        }
        if address_id <= 0 {
            return Err(RequestError::IdNotPositive { field: "address_id", value: address_id });
        }
        Ok(Self { order_id, address_id, pay_with, freight })
    }

    /// `order_id`.
    pub fn order_id(&self) -> i64 {
        self.order_id
    }

    /// `address_id`.
    pub fn address_id(&self) -> i64 {
        self.address_id
    }

    /// The payment method and amounts.
    pub fn pay_with(&self) -> PayWith {
        self.pay_with
    }

    /// The freight mode and choice.
    pub fn freight(&self) -> Freight {
        self.freight
    }

    /// The flat wire model sent to the provider.
    pub fn to_wire(&self) -> OrderPayRequest {
        let mut wire = OrderPayRequest::new(
            self.order_id,
            self.pay_with.pay_method(),
            self.address_id,
            self.freight.freight_mode(),
        );
        if let Some(price) = self.pay_with.pay_price() {
            wire = wire.with_pay_price(price.amount());
        }
        if let Some(points) = self.pay_with.pay_integral() {
            wire = wire.with_pay_integral(points.get());
        }
        if let Freight::NotFree(choice) = self.freight {
            wire = wire.with_freight_json_arr_key(choice.code());
        }
        wire
    }
}

impl From<PayOrder> for OrderPayRequest {
    fn from(order: PayOrder) -> Self {
        order.to_wire()
    }
}

impl From<&PayOrder> for OrderPayRequest {
    fn from(order: &PayOrder) -> Self {
        order.to_wire()
    }
}

/// Checks a flat wire request against every rule, e.g. one built by hand or read back from a
/// queue: the same checks [`PayOrder`] makes impossible to get wrong.
impl TryFrom<&OrderPayRequest> for PayOrder {
    type Error = RequestError;

    fn try_from(wire: &OrderPayRequest) -> Result<Self, Self::Error> {
        let code = wire.pay_method.as_i64();
        let need_price = || match wire.pay_price {
            Some(p) => Yuan::new(p),
            None => Err(RequestError::MissingAmount { pay_method: code, field: "pay_price" }),
        };
        let no_price = || match wire.pay_price {
            Some(_) => Err(RequestError::UnexpectedAmount { pay_method: code, field: "pay_price" }),
            None => Ok(()),
        };
        let need_points = || match wire.pay_integral {
            Some(p) => Points::new(p),
            None => Err(RequestError::MissingAmount { pay_method: code, field: "pay_integral" }),
        };
        let no_points = || match wire.pay_integral {
            Some(_) => Err(RequestError::UnexpectedAmount { pay_method: code, field: "pay_integral" }),
            None => Ok(()),
        };
        let pay_with = match wire.pay_method {
            PayMethod::Wechat => {
                no_points()?;
                PayWith::wechat(need_price()?)
            }
            PayMethod::Alipay => {
                no_points()?;
                PayWith::alipay(need_price()?)
            }
            PayMethod::Integral => {
                no_price()?;
                PayWith::points(need_points()?)
            }
            PayMethod::WechatIntegral => PayWith::wechat_and_points(need_price()?, need_points()?),
            PayMethod::AlipayIntegral => PayWith::alipay_and_points(need_price()?, need_points()?),
            _ => return Err(RequestError::UnknownCode { field: "pay_method", value: code }),
        };
        let mode = wire.freight_mode.as_i64();
        let freight = match (&wire.freight_mode, &wire.freight_json_arr_key) {
            // 0 is the provider's documented default for "no choice".
            (FreightMode::Free, None | Some(FreightJsonArrKey::Unknown(0))) => Freight::Free,
            (FreightMode::Free, Some(_)) => {
                return Err(RequestError::Freight {
                    freight_mode: mode,
                    problem: "(free) takes no freight_json_arr_key",
                });
            }
            (FreightMode::NotFree, None) => {
                return Err(RequestError::Freight {
                    freight_mode: mode,
                    problem: "(not free) needs freight_json_arr_key",
                });
            }
            (FreightMode::NotFree, Some(FreightJsonArrKey::CashOnDelivery)) => {
                Freight::NotFree(FreightChoice::CashOnDelivery)
            }
            (FreightMode::NotFree, Some(FreightJsonArrKey::MerchantChoice)) => {
                Freight::NotFree(FreightChoice::MerchantChoice)
            }
            (FreightMode::NotFree, Some(other)) => {
                return Err(RequestError::UnknownCode { field: "freight_json_arr_key", value: other.as_i64() });
            }
            (other, _) => return Err(RequestError::UnknownCode { field: "freight_mode", value: other.as_i64() }),
        };
        PayOrder::new(wire.order_id, wire.address_id, pay_with, freight)
    }
}

impl OrderPayRequest {
    /// The payment rules (the same [`PayOrder`] makes impossible to break), checked by
    /// [`Client::prepare`] before anything is sent: `pay_price` exactly for methods 1, 2, 4, 5 and
    /// `pay_integral` exactly for 3, 4, 5 (both more than 0, `pay_price` with at most two decimals
    /// and 13 integer digits), `freight_json_arr_key` exactly when `freight_mode` is 2, ids more
    /// than 0, documented codes only.
    pub(crate) fn validate_ext(&self) -> Result<(), sign_core::InvalidRequest> {
        PayOrder::try_from(self).map(|_| ()).map_err(Into::into)
    }
}

impl Client {
    /// 订单立即支付: pays an order now and returns what the app needs to finish paying
    /// ([`OrderPayResponse::pay_param`]); `POST` to the configured pay path
    /// ([`ConfigBuilder::pay_path`](crate::ConfigBuilder::pay_path): the provider does not
    /// publish it).
    ///
    /// [`PayOrder`] builds a request that cannot break the payment rules: pass it as
    /// `&order.into()`. A request built otherwise is checked against the same rules before
    /// sending ([`Error::InvalidRequest`]).
    ///
    /// Not idempotent: sent once, the client only retries when the request cannot have reached
    /// the server. After [`Error::outcome_unknown`] (a response timeout, a 5xx, an unreadable
    /// answer), check the order in the mall before paying again.
    ///
    /// # Errors
    /// Any [`Error`]; an expired token is [`Error::TokenExpired`], another refusal [`Error::Api`],
    /// and an answer whose `pay_param` does not fit the method (WeChat parameters for an Alipay
    /// payment, or the reverse) [`Error::UnexpectedPayParam`].
    pub fn order_pay(&self, request: &OrderPayRequest) -> Result<OrderPayResponse, Error> {
        let response = self.call(request)?;
        check_pay_param(request, &response.pay_param)?;
        Ok(response)
    }

    /// The sans-IO half of [`Client::order_pay`]: reads the response to the prepared `request`
    /// ([`Client::prepare`]) and checks that `pay_param` fits its method: WeChat parameters for
    /// WeChat (with or without points), an Alipay string for Alipay (with or without points).
    /// Points-only payments accept any `pay_param`, since the provider does not say what they
    /// return. [`Client::parse`] reads the answer without this check.
    ///
    /// # Errors
    /// As [`Client::order_pay`], without the transport errors.
    pub fn parse_order_pay(
        &self,
        request: &OrderPayRequest,
        response: &HttpResponse,
    ) -> Result<OrderPayResponse, Error> {
        let data = self.parse::<OrderPayRequest>(response)?;
        check_pay_param(request, &data.pay_param)?;
        Ok(data)
    }
}

fn check_pay_param(request: &OrderPayRequest, param: &PayParam) -> Result<(), Error> {
    let expected = match app_pay(&request.pay_method) {
        AppPay::Wechat if param.wechat().is_none() => "wechat",
        AppPay::Alipay if param.alipay().is_none() => "alipay",
        _ => return Ok(()),
    };
    Err(Error::UnexpectedPayParam { expected, got: param.kind() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yuan(s: &str) -> Yuan {
        Yuan::parse(s).unwrap()
    }

    fn pts(n: i64) -> Points {
        Points::new(n).unwrap()
    }

    fn wire_json(order: &PayOrder) -> String {
        serde_json::to_string(&order.to_wire()).unwrap()
    }

    #[test]
    fn every_method_sends_exactly_its_fields() {
        let cases = [
            (PayWith::wechat(yuan("0.1")), r#""pay_method":1,"pay_price":0.1,"#),
            (PayWith::alipay(yuan("199.00")), r#""pay_method":2,"pay_price":199.00,"#),
            (PayWith::points(pts(500)), r#""pay_method":3,"pay_integral":500,"#),
            (
                PayWith::wechat_and_points(yuan("0.29"), pts(70)),
                r#""pay_method":4,"pay_price":0.29,"pay_integral":70,"#,
            ),
            (
                PayWith::alipay_and_points(yuan("12345.67"), pts(1)),
                r#""pay_method":5,"pay_price":12345.67,"pay_integral":1,"#,
            ),
        ];
        for (pay_with, middle) in cases {
            let order = PayOrder::new(42, 9, pay_with, Freight::Free).unwrap();
            let expected = format!(r#"{{"order_id":42,{middle}"address_id":9,"freight_mode":1}}"#);
            assert_eq!(wire_json(&order), expected);
        }
    }

    #[test]
    fn freight_not_free_carries_its_choice() {
        let w = PayWith::wechat(yuan("1"));
        let cod = PayOrder::new(1, 2, w, Freight::NotFree(FreightChoice::CashOnDelivery)).unwrap();
        assert_eq!(
            wire_json(&cod),
            r#"{"order_id":1,"pay_method":1,"pay_price":1,"address_id":2,"freight_mode":2,"freight_json_arr_key":1}"#
        );
        let mc = PayOrder::new(1, 2, w, Freight::NotFree(FreightChoice::MerchantChoice)).unwrap();
        assert!(wire_json(&mc).ends_with(r#""freight_mode":2,"freight_json_arr_key":2}"#));
    }

    #[test]
    fn prices_keep_their_digits() {
        // Amounts that f64 cannot hold exactly are written with their own digits.
        for text in ["0.1", "0.2", "0.3", "1.1", "0.07", "9999999999999.99"] {
            let y = Yuan::parse(text).unwrap();
            assert_eq!(serde_json::to_string(&y.amount()).unwrap(), text);
        }
        assert_eq!(Yuan::from_fen(10).unwrap().to_string(), "0.1");
        assert_eq!(Yuan::from_fen(1990).unwrap().to_string(), "19.9");
        assert_eq!(Yuan::from_fen(100).unwrap().to_string(), "1");
        assert_eq!(yuan("19.90").to_fen(), 1990);
        assert_eq!(yuan("1.500").to_fen(), 150);
    }

    #[test]
    fn bad_amounts_are_refused() {
        assert!(matches!(Yuan::parse("0"), Err(RequestError::PriceNotPositive(_))));
        assert!(matches!(Yuan::parse("0.00"), Err(RequestError::PriceNotPositive(_))));
        assert!(matches!(Yuan::parse("-0.01"), Err(RequestError::PriceNotPositive(_))));
        assert!(matches!(Yuan::parse("2.675"), Err(RequestError::PriceTooPrecise(_))));
        assert!(matches!(Yuan::parse("0.001"), Err(RequestError::PriceTooPrecise(_))));
        assert!(matches!(Yuan::parse("10000000000000"), Err(RequestError::PriceTooLarge(_))));
        assert!(matches!(Yuan::parse("1e3"), Err(RequestError::PriceNotDecimal(_))));
        assert!(matches!(Yuan::parse("abc"), Err(RequestError::PriceNotDecimal(_))));
        assert!(matches!(Yuan::parse(""), Err(RequestError::PriceNotDecimal(_))));
        assert!(matches!(Yuan::from_fen(0), Err(RequestError::PriceNotPositive(_))));
        assert!(matches!(Points::new(0), Err(RequestError::PointsNotPositive(0))));
        assert!(matches!(Points::new(-5), Err(RequestError::PointsNotPositive(-5))));
        let w = PayWith::wechat(yuan("1"));
        assert!(matches!(
            PayOrder::new(0, 1, w, Freight::Free),
            Err(RequestError::IdNotPositive { field: "order_id", value: 0 })
        ));
        assert!(matches!(
            PayOrder::new(1, -3, w, Freight::Free),
            Err(RequestError::IdNotPositive { field: "address_id", value: -3 })
        ));
    }

    #[test]
    fn wire_requests_round_trip_through_the_rules() {
        let orders = [
            PayOrder::new(1, 2, PayWith::wechat(yuan("0.1")), Freight::Free).unwrap(),
            PayOrder::new(1, 2, PayWith::points(pts(3)), Freight::NotFree(FreightChoice::MerchantChoice)).unwrap(),
            PayOrder::new(1, 2, PayWith::alipay_and_points(yuan("5"), pts(3)), Freight::Free).unwrap(),
        ];
        for order in orders {
            assert_eq!(PayOrder::try_from(&order.to_wire()), Ok(order));
        }
    }

    fn wire(json: &str) -> OrderPayRequest {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn invalid_wire_combinations_are_refused() {
        use RequestError as E;
        let cases: [(&str, E); 11] = [
            // points only, but with a pay_price
            (
                r#"{"order_id":1,"pay_method":3,"pay_price":1,"pay_integral":5,"address_id":1,"freight_mode":1}"#,
                E::UnexpectedAmount { pay_method: 3, field: "pay_price" },
            ),
            // API pay without pay_price
            (
                r#"{"order_id":1,"pay_method":1,"address_id":1,"freight_mode":1}"#,
                E::MissingAmount { pay_method: 1, field: "pay_price" },
            ),
            (
                r#"{"order_id":1,"pay_method":5,"pay_integral":5,"address_id":1,"freight_mode":1}"#,
                E::MissingAmount { pay_method: 5, field: "pay_price" },
            ),
            (
                r#"{"order_id":1,"pay_method":4,"pay_price":1,"address_id":1,"freight_mode":1}"#,
                E::MissingAmount { pay_method: 4, field: "pay_integral" },
            ),
            (
                r#"{"order_id":1,"pay_method":2,"pay_price":1,"pay_integral":5,"address_id":1,"freight_mode":1}"#,
                E::UnexpectedAmount { pay_method: 2, field: "pay_integral" },
            ),
            (
                r#"{"order_id":1,"pay_method":3,"address_id":1,"freight_mode":1}"#,
                E::MissingAmount { pay_method: 3, field: "pay_integral" },
            ),
            // negative / zero amounts
            (
                r#"{"order_id":1,"pay_method":1,"pay_price":-1,"address_id":1,"freight_mode":1}"#,
                E::PriceNotPositive("-1".into()),
            ),
            (
                r#"{"order_id":1,"pay_method":3,"pay_integral":0,"address_id":1,"freight_mode":1}"#,
                E::PointsNotPositive(0),
            ),
            // freight_mode 2 without its choice
            (
                r#"{"order_id":1,"pay_method":1,"pay_price":1,"address_id":1,"freight_mode":2}"#,
                E::Freight { freight_mode: 2, problem: "(not free) needs freight_json_arr_key" },
            ),
            // undocumented codes
            (
                r#"{"order_id":1,"pay_method":6,"pay_price":1,"address_id":1,"freight_mode":1}"#,
                E::UnknownCode { field: "pay_method", value: 6 },
            ),
            (
                r#"{"order_id":1,"pay_method":1,"pay_price":1,"address_id":1,"freight_mode":2,"freight_json_arr_key":0}"#,
                E::UnknownCode { field: "freight_json_arr_key", value: 0 },
            ),
        ];
        for (json, expected) in cases {
            assert_eq!(PayOrder::try_from(&wire(json)), Err(expected), "{json}");
        }
        let free_with_key = wire(
            r#"{"order_id":1,"pay_method":1,"pay_price":1,"address_id":1,"freight_mode":1,"freight_json_arr_key":1}"#,
        );
        assert!(matches!(PayOrder::try_from(&free_with_key), Err(E::Freight { freight_mode: 1, .. })));
        let free_with_default = wire(
            r#"{"order_id":1,"pay_method":1,"pay_price":1,"address_id":1,"freight_mode":1,"freight_json_arr_key":0}"#,
        );
        assert_eq!(PayOrder::try_from(&free_with_default).map(|o| o.freight()), Ok(Freight::Free));
        let mode3 = wire(r#"{"order_id":1,"pay_method":1,"pay_price":1,"address_id":1,"freight_mode":3}"#);
        assert_eq!(PayOrder::try_from(&mode3), Err(E::UnknownCode { field: "freight_mode", value: 3 }));
    }
}
