//! Acqra's authentication rule, in one place.
//!
//! Acqra does not sign request bodies: a call is authenticated by the access token from
//! `/gateway/v1/connect/token`, sent in one header. The provider's samples send it bare
//! (`Authorization: <accessToken>`); [`AuthHeader`] makes the name and a prefix configurable.

use sign_core::HttpRequest;

use crate::config::AuthHeader;
use crate::token_ext::AccessToken;

/// Adds the access-token header to `request`: `<name>: <prefix><token>`.
///
/// The token lands in the request's header list, whose values `HttpRequest`'s `Debug` never prints.
pub fn authorize(request: HttpRequest, header: &AuthHeader, token: &AccessToken) -> HttpRequest {
    let mut value = String::with_capacity(header.prefix().len() + token.secret().len());
    value.push_str(header.prefix());
    value.push_str(token.secret().expose());
    request.with_header(header.name(), value)
}

#[cfg(test)]
mod tests {
    use sign_core::Method;

    use super::*;

    #[test]
    fn header_formats() {
        let t = AccessToken::new("eyJ.tok", None);
        let r = || HttpRequest::new(Method::Post, "http://h/gateway/v1/query");
        assert_eq!(authorize(r(), &AuthHeader::raw(), &t).header("Authorization"), Some("eyJ.tok"));
        assert_eq!(authorize(r(), &AuthHeader::bearer(), &t).header("Authorization"), Some("Bearer eyJ.tok"));
        let custom = authorize(r(), &AuthHeader::custom("X-Access-Token", ""), &t);
        assert_eq!(custom.header("X-Access-Token"), Some("eyJ.tok"));
        assert!(custom.header("Authorization").is_none());
        assert!(!format!("{custom:?}").contains("eyJ.tok"));
    }
}
