//! The payment page (no API endpoint: a URL the payer opens), [`PaymentPage`] and
//! [`Client::payment_page`].

use std::fmt;

use sign_core::SecretString;

use crate::Client;
use crate::create_third_order_ext::Payer;

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

impl Client {
    /// The payment page for `order_num`, opened by `payer` (the order's creator). Add a token
    /// with [`PaymentPage::with_token`], then take [`PaymentPage::url`].
    pub fn payment_page(&self, order_num: impl Into<String>, payer: Payer) -> PaymentPage {
        let config = self.config();
        let base = config.payment_page_base_url.clone().unwrap_or_else(|| config.base_url.clone());
        PaymentPage::new(base, config.app_key.clone(), order_num, payer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
