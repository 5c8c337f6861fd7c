//! The generated code, item by item: each output item is one template that shows the whole item
//! as it is generated, with `{{name}}` placeholders that [`fill`] replaces.
//!
//! | file | items |
//! |---|---|
//! | [`structs`] | a doc struct with its constructor and `with_*` setters |
//! | [`builder`] | a request struct's builder with named setters (two or more required fields) |
//! | [`enums`] | an open enum (string or integer) with its conversions and serde |
//! | [`newtype`] | a transparent wrapper |
//! | [`endpoint`] | the `sign_core::Endpoint` impl of a request, and the response alias |
//! | [`validation`] | `validate_fields`, from the constraints column |
//! | [`client`] | `generated/client.rs`: one `Client` method per endpoint |
//! | [`async_client`] | `generated/async_client.rs`: the same methods on `AsyncClient`, `async` |
//! | [`modules`] | a module file's header and `generated/mod.rs` |
//! | [`readme`] | the endpoint table of the crate README |
//! | [`doc`] | doc comments: provider prose made safe for rustdoc |

pub mod async_client;
pub mod builder;
pub mod client;
pub mod doc;
pub mod endpoint;
pub mod enums;
pub mod modules;
pub mod newtype;
pub mod readme;
pub mod structs;
pub mod validation;

use crate::model::Ty;

/// Fills a template's `{{name}}` placeholders from `values`.
///
/// Templates start on the line after `r#"`: one leading newline is dropped. A placeholder alone on
/// its line is replaced by its value's lines, each indented like the placeholder, and the line is
/// dropped when the value is empty (an optional attribute, an empty list). Elsewhere a placeholder
/// is replaced in place. `{` or `}` next to a placeholder stays literal (`use super::{{{types}}};`).
///
/// # Panics
/// On a placeholder without a value or a value without a placeholder: a bug in the generator,
/// caught by its tests.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let template = template.strip_prefix('\n').unwrap_or(template);
    if let Some((unused, _)) = values.iter().find(|(n, _)| !template.contains(&format!("{{{{{n}}}}}"))) {
        panic!("the template has no placeholder `{{{{{unused}}}}}`");
    }
    let value = |name: &str| -> &str {
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, v)) => v,
            None => panic!("template placeholder `{{{{{name}}}}}` has no value"),
        }
    };
    let mut out = String::with_capacity(template.len() * 2);
    for line in template.lines() {
        let trimmed = line.trim_start();
        if let Some(name) = whole_placeholder(trimmed) {
            let indent = &line[..line.len() - trimmed.len()];
            for l in value(name).lines() {
                if !l.is_empty() {
                    out.push_str(indent);
                }
                out.push_str(l);
                out.push('\n');
            }
            continue;
        }
        let mut rest = line;
        while let Some((before, name, after)) = next_placeholder(rest) {
            out.push_str(before);
            out.push_str(value(name));
            rest = after;
        }
        out.push_str(rest);
        out.push('\n');
    }
    out
}

/// The name of a line that is exactly one placeholder.
fn whole_placeholder(trimmed: &str) -> Option<&str> {
    let name = trimmed.trim_end().strip_prefix("{{")?.strip_suffix("}}")?;
    is_name(name).then_some(name)
}

/// The first `{{name}}` of `s`: the text before it, the name, and the text after it.
fn next_placeholder(s: &str) -> Option<(&str, &str, &str)> {
    let mut from = 0;
    while let Some(at) = s[from..].find("{{").map(|i| i + from) {
        let after = &s[at + 2..];
        if let Some(end) = after.find("}}")
            && is_name(&after[..end])
        {
            return Some((&s[..at], &after[..end], &after[end + 2..]));
        }
        from = at + 1;
    }
    None
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Each item of `items` preceded by an empty line: methods in an impl, items in a module.
pub fn spaced(items: impl IntoIterator<Item = String>) -> String {
    items.into_iter().map(|i| format!("\n{i}")).collect()
}

/// The Rust type of a field type.
pub fn rust_ty(ty: &Ty) -> String {
    match ty {
        Ty::String | Ty::Date | Ty::DateTime => "String".into(),
        Ty::Integer => "i64".into(),
        Ty::Decimal => "sign_core::Decimal".into(),
        Ty::DecimalNumber => "sign_core::DecimalNumber".into(),
        Ty::Boolean => "bool".into(),
        Ty::Secret => "sign_core::SecretString".into(),
        Ty::Currency => "sign_core::Currency".into(),
        Ty::Map => "std::collections::BTreeMap<String, serde_json::Value>".into(),
        Ty::Json => "serde_json::Value".into(),
        Ty::Named(n) => n.clone(),
        Ty::Hand(p) => p.clone(),
        Ty::Array(t) => format!("Vec<{}>", rust_ty(t)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_inline_and_whole_line_placeholders() {
        let t = r#"
impl {{name}} {
    {{attr}}
    fn f() -> Self {
        {{body}}
    }
}
use super::{{{types}}};
"#;
        let out = fill(t, &[("name", "A"), ("attr", ""), ("body", "let x = 1;\n\nSelf(x)"), ("types", "B, C")]);
        assert_eq!(
            out,
            "impl A {\n    fn f() -> Self {\n        let x = 1;\n\n        Self(x)\n    }\n}\nuse super::{B, C};\n"
        );
        // Braces that are not placeholders are kept.
        assert_eq!(fill("{{ x }} {{X}} {}", &[]), "{{ x }} {{X}} {}\n");
        assert_eq!(spaced(["a".to_string(), "b".to_string()]), "\na\nb");
    }

    #[test]
    #[should_panic(expected = "template placeholder `{{missing}}` has no value")]
    fn a_placeholder_without_a_value_is_a_generator_bug() {
        fill("{{missing}}", &[]);
    }

    #[test]
    #[should_panic(expected = "the template has no placeholder `{{extra}}`")]
    fn a_value_without_a_placeholder_is_a_generator_bug() {
        fill("{{a}}", &[("a", "1"), ("extra", "2")]);
    }
}
