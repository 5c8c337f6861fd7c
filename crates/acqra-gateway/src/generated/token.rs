// @generated from docs/acqra-gateway/token.md by `cargo xtask codegen`; do not edit.
//! Request an access token
//!
//! Generated from `docs/acqra-gateway/token.md`.

use serde::{Deserialize, Serialize};

/// The `AccessToken` schema of the provider's documentation.
///
/// Request of the `token` endpoint, `POST /gateway/v1/connect/token`, sent with [`Client::token`](crate::Client::token): 创建token开始使用我们的Api (create an access token to use the API).
/// Not idempotent: never retried once it may have been sent. Response: `TokenResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TokenRequest {
    /// 平台分配应用id参数 (application id assigned by the gateway)
    #[serde(rename = "appId", deserialize_with = "sign_core::lenient::deserialize")]
    pub app_id: String,
    /// 平台分配接入秘钥 (access secret assigned by the gateway)
    #[serde(with = "sign_core::secret::serde_expose")]
    pub secret: sign_core::SecretString,
}

impl TokenRequest {
    /// Creates a `TokenRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(app_id: impl Into<String>, secret: impl Into<sign_core::SecretString>) -> Self {
        Self { app_id: app_id.into(), secret: secret.into() }
    }
}

impl TokenRequest {
    /// A builder naming every field:
    /// `TokenRequest::builder().app_id(..).secret(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> TokenRequestBuilder {
        TokenRequestBuilder::default()
    }
}

/// Builds a [`TokenRequest`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct TokenRequestBuilder {
    app_id: Option<String>,
    secret: Option<sign_core::SecretString>,
}

impl TokenRequestBuilder {
    /// Sets `appId` (required).
    pub fn app_id(mut self, value: impl Into<String>) -> Self {
        self.app_id = Some(value.into());
        self
    }

    /// Sets `secret` (required).
    pub fn secret(mut self, value: impl Into<sign_core::SecretString>) -> Self {
        self.secret = Some(value.into());
        self
    }

    /// The `TokenRequest`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"TokenRequest: appId must be set"`.
    pub fn build(self) -> Result<TokenRequest, sign_core::InvalidRequest> {
        Ok(TokenRequest {
            app_id: self
                .app_id
                .ok_or_else(|| sign_core::InvalidRequest::field("TokenRequest", "appId", "must be set"))?,
            secret: self
                .secret
                .ok_or_else(|| sign_core::InvalidRequest::field("TokenRequest", "secret", "must be set"))?,
        })
    }
}

impl sign_core::Endpoint for TokenRequest {
    type Response = TokenResponse;
    const NAME: &'static str = "token";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/gateway/v1/connect/token";
    const IDEMPOTENT: bool = false;
}

/// The `AccessToken Response` schema of the provider's documentation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TokenResponse {
    /// 凭证 (access token)
    #[serde(
        rename = "accessToken",
        default,
        skip_serializing_if = "Option::is_none",
        with = "sign_core::secret::serde_expose::option"
    )]
    pub access_token: Option<sign_core::SecretString>,
    /// 有效期 (lifetime)
    #[serde(
        rename = "expiresIn",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub expires_in: Option<i64>,
    /// 应答码 (response code)
    #[serde(rename = "respCode", deserialize_with = "sign_core::lenient::deserialize")]
    pub resp_code: String,
    /// 应答描述 (response message; the schema marks it required here only, in 2 of 10 responses: read as optional, a gateway that leaves it out on success must not fail the call)
    #[serde(
        rename = "respMsg",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub resp_msg: Option<String>,
}

impl TokenResponse {
    /// Creates a `TokenResponse` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(resp_code: impl Into<String>) -> Self {
        Self { access_token: None, expires_in: None, resp_code: resp_code.into(), resp_msg: None }
    }

    /// Sets `accessToken`.
    #[must_use]
    pub fn with_access_token(mut self, value: impl Into<sign_core::SecretString>) -> Self {
        self.access_token = Some(value.into());
        self
    }

    /// Sets `expiresIn`.
    #[must_use]
    pub fn with_expires_in(mut self, value: impl Into<i64>) -> Self {
        self.expires_in = Some(value.into());
        self
    }

    /// Sets `respMsg`.
    #[must_use]
    pub fn with_resp_msg(mut self, value: impl Into<String>) -> Self {
        self.resp_msg = Some(value.into());
        self
    }
}
