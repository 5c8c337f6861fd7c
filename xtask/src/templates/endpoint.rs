//! What an endpoint adds to its request type (a doc paragraph and the `sign_core::Endpoint` impl)
//! and the `<Name>Response` alias when the response has another name.

use super::{doc, fill, rust_ty};
use crate::model::{Endpoint, Ty};

const ENDPOINT_IMPL: &str = r#"
impl sign_core::Endpoint for {{request}} {
    type Response = {{response}};
    const NAME: &'static str = {{name}};
    const METHOD: sign_core::Method = sign_core::Method::{{method}};
    const PATH: &'static str = {{path}};
    const IDEMPOTENT: bool = {{idempotent}};
    {{validate}}
}
"#;

const VALIDATE: &str = r#"
/// {{what}}
fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
    {{body}}
}
"#;

const REQUEST_DOC: &str = r#"
Request of the `{{name}}` endpoint, {{target}}, sent with [`Client::{{name}}`](crate::Client::{{name}}){{summary}}.
{{idempotency}} Response: `{{response}}`.
"#;

const RESPONSE_ALIAS: &str = r#"
/// The response of the `{{name}}` endpoint ([`Client::{{name}}`](crate::Client::{{name}})): {{what}}.
pub type {{alias}} = {{ty}};
"#;

/// The paragraph an endpoint adds to its request type's doc (after an empty line).
pub fn request_doc(e: &Endpoint) -> String {
    let summary = doc::summary(&e.summary);
    let summary = if summary.is_empty() { String::new() } else { format!(": {}", doc::doc_text(summary)) };
    let idempotency = if e.idempotent {
        "Idempotent (safe to retry)."
    } else {
        "Not idempotent: never retried once it may have been sent."
    };
    let text = fill(
        REQUEST_DOC,
        &[
            ("name", &e.name),
            ("target", &target(e)),
            ("summary", &summary),
            ("idempotency", idempotency),
            ("response", &e.response_type()),
        ],
    );
    text.trim_end().to_string()
}

/// `impl sign_core::Endpoint for <request>`; `checked`: the request has `validate_fields`.
pub fn endpoint_impl(e: &Endpoint, checked: bool) -> String {
    let method = match e.method.as_str() {
        "GET" => "Get",
        "PUT" => "Put",
        "DELETE" => "Delete",
        _ => "Post",
    };
    let (what, body) = match (checked, e.validate_ext) {
        (false, false) => ("", ""),
        (false, true) => ("The checks of `validate_ext` (hand-written beside this module).", "self.validate_ext()"),
        (true, false) => ("The rules of the doc's constraints column.", "self.validate_fields(Self::NAME, \"\")"),
        (true, true) => (
            "The rules of the doc's constraints column, then the checks of `validate_ext` (hand-written beside \
             this module).",
            "self.validate_fields(Self::NAME, \"\")?;\nself.validate_ext()",
        ),
    };
    let validate = if body.is_empty() {
        String::new()
    } else {
        format!("\n{}", fill(VALIDATE, &[("what", what), ("body", body)]))
    };
    fill(
        ENDPOINT_IMPL,
        &[
            ("request", &e.request),
            ("response", &rust_ty(&e.response)),
            ("name", &format!("{:?}", e.name)),
            ("method", method),
            ("path", &format!("{:?}", e.path)),
            ("idempotent", if e.idempotent { "true" } else { "false" }),
            ("validate", &validate),
        ],
    )
}

/// The name of the alias an endpoint's response needs, when the doc's response type is not
/// already `<Camel>Response`.
pub fn response_alias_name(e: &Endpoint) -> Option<String> {
    let name = e.response_type();
    (e.response != Ty::Named(name.clone())).then_some(name)
}

/// `pub type <Camel>Response = ...;` for an endpoint whose response has another name.
pub fn response_alias(e: &Endpoint) -> Option<String> {
    let alias = response_alias_name(e)?;
    let what = match &e.response {
        Ty::Json => "untyped JSON: the provider does not document this response's fields".to_string(),
        Ty::Hand(path) => format!("[`{path}`], read by hand-written code"),
        other => format!("[`{}`], a response shared with other endpoints", rust_ty(other)),
    };
    Some(fill(RESPONSE_ALIAS, &[("name", &e.name), ("what", &what), ("alias", &alias), ("ty", &rust_ty(&e.response))]))
}

/// The target of an endpoint in prose: `` `POST /path` ``, or the method alone when the path is not
/// published.
pub fn target(e: &Endpoint) -> String {
    if e.path.is_empty() {
        format!("`{}` to the path the client configuration supplies (the provider does not publish it)", e.method)
    } else {
        format!("`{} {}`", e.method, e.path)
    }
}
