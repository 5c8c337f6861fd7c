//! Additions to the generated `create_third_order` module: the [`Payer`] the provider requires, a
//! constructor that always sets it, and the request's validation.

use sign_core::{Endpoint, InvalidRequest};

use crate::generated::CreateThirdOrderRequest;

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
    pub(crate) fn query_pair(&self) -> (&'static str, &str) {
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

fn non_empty(v: Option<&String>) -> bool {
    v.is_some_and(|s| !s.trim().is_empty())
}

impl CreateThirdOrderRequest {
    /// Rejects a request the provider would reject: neither `openId` nor `userId`, an amount
    /// that is not positive, an empty required field, `goods` that is not JSON.
    pub(crate) fn validate_ext(&self) -> Result<(), InvalidRequest> {
        let invalid = |field: &str, rule: &str| InvalidRequest::field(Self::NAME, field, rule);
        if !non_empty(self.open_id.as_ref()) && !non_empty(self.user_id.as_ref()) {
            return Err(invalid("openId or userId", "is required"));
        }
        if self.order_amount.value() <= sign_core::decimal::rust_decimal::Decimal::ZERO {
            return Err(invalid("orderAmount", "must be positive"));
        }
        for (name, v) in [
            ("appOrderId", &self.app_order_id),
            ("payCoinSymbol", &self.pay_coin_symbol),
            ("returnPage", &self.return_page),
            ("notifyPage", &self.notify_page),
        ] {
            if v.trim().is_empty() {
                return Err(invalid(name, "is empty"));
            }
        }
        if let Some(goods) = &self.goods {
            // "passed must be legal json format, otherwise the order creation failure"
            if serde_json::from_str::<serde_json::Value>(goods).is_err() {
                return Err(invalid("goods", "is not valid JSON"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_third_order_needs_a_payer_and_a_positive_amount() {
        let no_payer = CreateThirdOrderRequest::new("1", sign_core::Decimal::from(10), "BTC", "https://r", "https://n");
        assert_eq!(no_payer.validate().unwrap_err().message(), "create_third_order: openId or userId is required");
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
