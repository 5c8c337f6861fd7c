//! `generated/client.rs`: one `Client` method per endpoint without `client: ext`, each
//! `self.call(request)`.

use std::collections::BTreeSet;

use super::{doc, endpoint, fill};
use crate::model::{Doc, Endpoint};

const CLIENT_FILE: &str = r#"
// @generated from {{dir}}/*.md by `cargo xtask codegen`; do not edit.
//! The client's endpoint methods: one per endpoint doc, each [`Client::call`](crate::Client::call)
//! with the endpoint's request type.

use super::{{{types}}};

impl crate::Client {
    {{methods}}
}
"#;

const METHOD: &str = r#"
/// {{summary}}: {{target}}.
///
/// {{retry}}
///
/// The request is [`{{request}}`], the answer [`{{response}}`]; both are generated from
/// `{{dir}}/{{name}}.md`.
///
/// # Errors
/// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
/// invalid request (refused before sending).
pub fn {{name}}(&self, request: &{{request}}) -> Result<{{response}}, crate::Error> {
    self.call(request)
}
"#;

pub const IDEMPOTENT: &str = "Idempotent: the transport may repeat it after it may have reached the provider.";

pub const NOT_IDEMPOTENT: &str =
    "Not idempotent: never repeated once it may have reached the provider. When the error's
/// [`outcome_unknown`](crate::Error::outcome_unknown) is true, look the order up before sending it again.";

/// The file, or `None` when every endpoint's method is hand-written.
pub fn render(dir: &str, docs: &[Doc]) -> Option<String> {
    render_with(CLIENT_FILE, METHOD, dir, docs)
}

/// `file` with one `method` per endpoint without `client: ext` (sorted by name), or `None` when
/// there is none: the blocking client's file, and with its own templates the async client's.
pub fn render_with(file: &str, method: &str, dir: &str, docs: &[Doc]) -> Option<String> {
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
    let methods: String = endpoints.iter().map(|e| format!("\n{}", fill_method(method, dir, e))).collect();
    let types = types.into_iter().collect::<Vec<_>>().join(", ");
    Some(fill(file, &[("dir", dir), ("types", &types), ("methods", &methods)]))
}

fn fill_method(method: &str, dir: &str, e: &Endpoint) -> String {
    fill(
        method,
        &[
            ("summary", &doc::doc_text(doc::summary(&e.summary))),
            ("target", &endpoint::target(e)),
            ("retry", if e.idempotent { IDEMPOTENT } else { NOT_IDEMPOTENT }),
            ("request", &e.request),
            ("response", &e.response_type()),
            ("dir", dir),
            ("name", &e.name),
        ],
    )
}
