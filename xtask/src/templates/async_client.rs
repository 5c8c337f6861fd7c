//! `generated/async_client.rs`: one `AsyncClient` method per endpoint without `client: ext`, each
//! `self.call(request).await`: the async twin of [`client`](super::client), from the same docs.

use crate::model::Doc;

const ASYNC_CLIENT_FILE: &str = r#"
// @generated from {{dir}}/*.md by `cargo xtask codegen`; do not edit.
//! The async client's endpoint methods: one per endpoint doc, each
//! [`AsyncClient::call`](crate::AsyncClient::call) with the endpoint's request type. The same names,
//! request and response types and errors as the blocking [`Client`](crate::Client)'s.

use super::{{{types}}};

impl crate::AsyncClient {
    {{methods}}
}
"#;

const METHOD: &str = r#"
/// {{summary}}: {{target}}, without blocking a thread.
///
/// {{retry}}
///
/// The request is [`{{request}}`], the answer [`{{response}}`]; both are generated from
/// `{{dir}}/{{name}}.md`.
///
/// # Errors
/// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
/// invalid request (refused before sending).
pub async fn {{name}}(&self, request: &{{request}}) -> Result<{{response}}, crate::Error> {
    self.call(request).await
}
"#;

/// The file, or `None` when every endpoint's method is hand-written.
pub fn render(dir: &str, docs: &[Doc]) -> Option<String> {
    super::client::render_with(ASYNC_CLIENT_FILE, METHOD, dir, docs)
}
