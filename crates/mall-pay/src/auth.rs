//! The provider's authentication rule: every call carries the user's token in a `token` header.
//! Nothing is signed (the provider documents no signature), so this is the whole rule.

use sign_core::{HttpRequest, SecretString};

/// The header that carries the token, spelled as the provider documents it.
pub const TOKEN_HEADER: &str = "token";

/// Adds the `token` header to `request` (replacing any earlier one, so a request is never sent
/// with two tokens).
pub fn authorize(mut request: HttpRequest, token: &SecretString) -> HttpRequest {
    request.headers.retain(|(name, _)| !name.eq_ignore_ascii_case(TOKEN_HEADER));
    request.with_header(TOKEN_HEADER, token.expose())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sign_core::Method;

    #[test]
    fn adds_exactly_one_token_header() {
        let req = HttpRequest::new(Method::Post, "http://127.0.0.1/pay").with_header("Token", "old");
        let req = authorize(req, &SecretString::new("abc123"));
        let tokens: Vec<_> = req.headers.iter().filter(|(n, _)| n.eq_ignore_ascii_case("token")).collect();
        assert_eq!(tokens, vec![&("token".to_owned(), "abc123".to_owned())]);
        // The request's Debug shows header names only.
        assert!(!format!("{req:?}").contains("abc123"));
    }
}
