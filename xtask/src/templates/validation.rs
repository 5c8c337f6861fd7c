//! `validate_fields`: the rules of the constraints column, one `sign_core::check` call per rule,
//! for every doc struct with rules of its own or holding (inline, optional or in a list) a type
//! that has them.

use super::fill;
use crate::model::{Field, Rule, Ty};
use crate::names::field_ident;

const VALIDATE_FIELDS: &str = r#"
impl {{name}} {
    /// Checks the rules of the constraints column of `{{file}}`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        {{checks}}
        Ok(())
    }
}
"#;

const WHEN_PRESENT: &str = r#"
if let Some(v) = &self.{{ident}} {
    {{checks}}
}
"#;

const EACH: &str = r#"
for ({{index}}, item) in {{items}}.iter().enumerate() {
    {{checks}}
}
"#;

/// `impl <name> { pub fn validate_fields(..) }` running `checks`; `file` is the doc.
pub fn render(name: &str, file: &str, checks: &str) -> String {
    fill(VALIDATE_FIELDS, &[("name", name), ("file", file), ("checks", checks)])
}

/// Where a value is: a field of `self` (`self.x`, a place) or a reference bound by `if let` / `for`.
struct Place {
    expr: String,
    is_ref: bool,
}

impl Place {
    /// The value itself, for `Copy` numbers.
    fn value(&self) -> String {
        if self.is_ref { format!("*{}", self.expr) } else { self.expr.clone() }
    }
}

/// The checks of a struct's fields, in field order; `holds_checks` tells whether a field type
/// holds a doc type with `validate_fields`.
pub fn struct_checks(fields: &[Field], holds_checks: &dyn Fn(&Ty) -> bool) -> String {
    fields.iter().map(|f| field_checks(f, fields, holds_checks)).collect()
}

/// The checks of a newtype: those of the types it holds.
pub fn newtype_checks(ty: &Ty, holds_checks: &dyn Fn(&Ty) -> bool) -> String {
    nested(ty, &Place { expr: "self.0".into(), is_ref: false }, "{path}", 0, holds_checks)
}

/// A field's name as generated code passes it to `sign_core::check`: behind the value's path.
fn at(wire: &str) -> String {
    format!("&sign_core::check::at(path, {wire:?})")
}

/// `wire` made safe inside a generated `format!` string.
fn format_safe(wire: &str) -> String {
    wire.replace('{', "{{").replace('}', "}}").replace('\\', "\\\\").replace('"', "\\\"")
}

fn field_checks(f: &Field, fields: &[Field], holds_checks: &dyn Fn(&Ty) -> bool) -> String {
    let ident = field_ident(&f.wire);
    let mut out = String::new();
    for rule in &f.rules {
        if let Rule::Either(other) = rule
            && let Some(o) = fields.iter().find(|o| o.wire == *other)
            && !said_before(f, o, fields)
        {
            out.push_str(&format!(
                "sign_core::check::either(context, {}, {}, {}, {})?;\n",
                at(&f.wire),
                given(f),
                at(&o.wire),
                given(o)
            ));
        }
    }
    let place = if f.required {
        Place { expr: format!("self.{ident}"), is_ref: false }
    } else {
        Place { expr: "v".into(), is_ref: true }
    };
    let mut checks: String = f.rules.iter().filter_map(|r| rule_line(r, &f.wire, &f.ty, &place)).collect();
    for rule in &f.rules {
        if let Rule::MinorUnits(other) = rule
            && let Some(o) = fields.iter().find(|o| o.wire == *other)
        {
            checks.push_str(&minor_units_line(&f.wire, &place, o));
        }
    }
    let label = format!("{{path}}{}", format_safe(&f.wire));
    checks.push_str(&nested(&f.ty, &place, &label, 0, holds_checks));
    if checks.is_empty() {
        return out;
    }
    if f.required {
        out.push_str(&checks);
    } else {
        out.push_str(&fill(WHEN_PRESENT, &[("ident", &ident), ("checks", &checks)]));
    }
    out
}

/// Whether the pair `f` / `other` was already checked from `other` (written on both fields).
fn said_before(f: &Field, other: &Field, fields: &[Field]) -> bool {
    let position = |x: &Field| fields.iter().position(|y| y.wire == x.wire);
    position(other) < position(f) && other.rules.contains(&Rule::Either(f.wire.clone()))
}

/// Whether the optional field `f` is given: for text, present and not blank.
fn given(f: &Field) -> String {
    let ident = field_ident(&f.wire);
    match f.ty {
        Ty::String | Ty::Date | Ty::DateTime => format!("sign_core::check::given(self.{ident}.as_deref())"),
        Ty::Secret => format!("sign_core::check::given(self.{ident}.as_ref().map(|v| v.expose()))"),
        _ => format!("self.{ident}.is_some()"),
    }
}

/// The `sign_core::check` call of one rule (`either` is checked apart, on presence).
fn rule_line(rule: &Rule, wire: &str, ty: &Ty, place: &Place) -> Option<String> {
    let text = if *ty == Ty::Secret { format!("{}.expose()", place.expr) } else { format!("{}.as_str()", place.expr) };
    let call = |f: &str, args: String| Some(format!("sign_core::check::{f}(context, {}, {args})?;\n", at(wire)));
    let max = |m: &Option<usize>| m.map_or("usize::MAX".to_string(), |m| m.to_string());
    match rule {
        Rule::Len { min, max: m } if matches!(ty, Ty::Array(_)) => {
            call("items", format!("{}.len(), {min}, {}", place.expr, max(m)))
        }
        Rule::Len { min, max: m } => call("len", format!("{text}, {min}, {}", max(m))),
        Rule::Digits => call("digits", text),
        Rule::Upper => call("upper", text),
        Rule::NotBlank => call("not_blank", text),
        Rule::Pattern(p) => call("pattern", format!("{text}, {p:?}")),
        Rule::OneOf(values) if *ty == Ty::Integer => {
            let list: Vec<String> = values.iter().map(|v| v.parse::<i64>().unwrap_or_default().to_string()).collect();
            call("one_of", format!("{}, &[{}]", place.value(), list.join(", ")))
        }
        Rule::OneOf(values) => {
            let list: Vec<String> = values.iter().map(|v| format!("{v:?}")).collect();
            call("one_of", format!("{text}, &[{}]", list.join(", ")))
        }
        Rule::Positive => call("positive", place.value()),
        Rule::Scale(n) => call("scale", format!("{}, {n}", place.value())),
        Rule::Either(_) | Rule::MinorUnits(_) => None,
    }
}

/// The `minor_units` check of the amount at `place` against the currency field `currency`, when
/// that field is given.
fn minor_units_line(wire: &str, place: &Place, currency: &Field) -> String {
    let ident = field_ident(&currency.wire);
    let call = |c: &str| format!("sign_core::check::minor_units(context, {}, {}, {c})?;\n", at(wire), place.value());
    if currency.required {
        call(&format!("&self.{ident}"))
    } else {
        format!("if let Some(currency) = &self.{ident} {{\n{}}}\n", call("currency"))
    }
}

/// The checks of the doc types a value of type `ty` at `place` holds. `label` is the value's place
/// in the request as the contents of a generated `format!` string (`{path}items[{i0}]`); `depth`
/// numbers the index variables of nested lists.
fn nested(ty: &Ty, place: &Place, label: &str, depth: usize, holds_checks: &dyn Fn(&Ty) -> bool) -> String {
    if !holds_checks(ty) {
        return String::new();
    }
    match ty {
        Ty::Named(_) => format!("{}.validate_fields(context, &format!(\"{label}.\"))?;\n", place.expr),
        Ty::Array(inner) => {
            let index = format!("i{depth}");
            let item_label = format!("{label}[{{{index}}}]");
            let checks =
                nested(inner, &Place { expr: "item".into(), is_ref: true }, &item_label, depth + 1, holds_checks);
            fill(EACH, &[("index", &index), ("items", &place.expr), ("checks", &checks)])
        }
        _ => String::new(),
    }
}
