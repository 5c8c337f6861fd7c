//! The endpoint table of a crate README, between its `<!-- endpoints:begin -->` and
//! `<!-- endpoints:end -->` lines (Markdown, not Rust: written as is).

use super::{doc, fill};
use crate::model::{Doc, Endpoint};

const TABLE_HEADER: &str = r#"
| client method | provider endpoint | request | response | idempotent |
|---|---|---|---|---|
"#;

const ROW: &str = r#"
| `{{name}}` | {{summary}}, {{target}} | `{{request}}` | `{{response}}` | {{idempotent}} |
"#;

/// The table, one row per endpoint in name order.
pub fn render(docs: &[Doc]) -> String {
    let mut endpoints: Vec<&Endpoint> = docs.iter().filter_map(|d| d.endpoint.as_ref()).collect();
    endpoints.sort_by(|a, b| a.name.cmp(&b.name));
    let mut table = fill(TABLE_HEADER, &[]);
    for e in endpoints {
        let target = if e.path.is_empty() {
            format!("`{}` (path from the config)", e.method)
        } else {
            format!("`{} {}`", e.method, e.path)
        };
        table.push_str(&fill(
            ROW,
            &[
                ("name", &e.name),
                ("summary", &doc::summary(&e.summary).replace('|', "\\|")),
                ("target", &target),
                ("request", &e.request),
                ("response", &e.response_type()),
                ("idempotent", if e.idempotent { "yes (retried)" } else { "no (never repeated once sent)" }),
            ],
        ));
    }
    table
}
