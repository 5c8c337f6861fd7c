//! Additions to the generated `create_third_order` module: the [`Payer`] the provider requires, a
//! constructor that always sets it, and the check of `goods` that the docs' constraints cannot state.

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

impl CreateThirdOrderRequest {
    /// Rejects `goods` that is not JSON, which the provider would refuse. The payer (`openId` or
    /// `userId`), the positive amount and the non-blank required fields are checked from the
    /// docs' `constraints` column before this runs.
    pub(crate) fn validate_ext(&self) -> Result<(), InvalidRequest> {
        if let Some(goods) = &self.goods {
            // "passed must be legal json format, otherwise the order creation failure"
            if serde_json::from_str::<serde_json::Value>(goods).is_err() {
                return Err(InvalidRequest::field(Self::NAME, "goods", "is not valid JSON"));
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
        assert_eq!(
            no_payer.validate().unwrap_err().message(),
            "create_third_order: openId or userId must be given (not blank)"
        );
        assert!(no_payer.clone().with_open_id(" ").with_user_id("").validate().is_err());
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
        assert_eq!(zero.validate().unwrap_err().message(), "create_third_order: orderAmount must be greater than zero");
        let blank = CreateThirdOrderRequest::for_payer(
            Payer::OpenId("o".into()),
            "1",
            sign_core::Decimal::from(10),
            " ",
            "https://r",
            "https://n",
        );
        assert_eq!(blank.validate().unwrap_err().message(), "create_third_order: payCoinSymbol must not be blank");
        assert_eq!(
            ok.clone().with_goods("not json").validate().unwrap_err().message(),
            "create_third_order: goods is not valid JSON"
        );
        assert!(ok.with_goods(r#"[{"name":"P1","desc":"d"}]"#).validate().is_ok());
    }
}
