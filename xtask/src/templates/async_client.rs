//! `generated/async_client.rs`: one `AsyncClient` method per endpoint without `client: ext`, each
//! `self.call(request).await`: the async twin of [`client`](super::client), from the same docs.

use std::collections::BTreeSet;

use super::{doc, endpoint, fill};
use crate::model::{Doc, Endpoint};

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
    let mut endpoints: Vec<&Endpoint> =
        docs.iter().filter_map(|d| d.endpoint.as_ref()).filter(|e| !e.client_ext).collect();
    if endpoints.is_empty() {
        return None;
    }
    endpoints.sort_by(|a, b| a.name.cmp(&b.name));
    let mut types: BTreeSet<String> = BTreeSet::new();
    for e in &endpoints {
        types.insert(e.request.clone());
        types.insert(e.response_type());
    }
    let methods: String = endpoints.iter().map(|e| format!("\n{}", method(dir, e))).collect();
    let types = types.into_iter().collect::<Vec<_>>().join(", ");
    Some(fill(ASYNC_CLIENT_FILE, &[("dir", dir), ("types", &types), ("methods", &methods)]))
}

fn method(dir: &str, e: &Endpoint) -> String {
    fill(
        METHOD,
        &[
            ("summary", &doc::doc_text(doc::summary(&e.summary))),
            ("target", &endpoint::target(e)),
            ("retry", if e.idempotent { super::client::IDEMPOTENT } else { super::client::NOT_IDEMPOTENT }),
            ("request", &e.request),
            ("response", &e.response_type()),
            ("dir", dir),
            ("name", &e.name),
        ],
    )
}
