//! A doc struct: the struct, its constructor from the required fields, and one `with_*` setter per
//! optional field.

use super::{doc, fill, rust_ty, spaced};
use crate::model::{Field, Ty};
use crate::names::{bare, field_ident};

const STRUCT: &str = r#"
{{doc}}
#[derive(Debug, Clone, PartialEq, {{default}}Serialize, Deserialize)]
#[non_exhaustive]
pub struct {{name}} {
    {{fields}}
}

impl {{name}} {
    /// Creates a `{{name}}` from its required fields; optional fields start unset (set them with `with_*`).
    {{allow_many_arguments}}
    pub fn new({{params}}) -> Self {
        Self {
            {{inits}}
        }
    }
    {{setters}}
}
"#;

const FIELD: &str = r#"
{{doc}}
{{serde}}
pub {{ident}}: {{ty}},
"#;

const SETTER: &str = r#"
/// Sets `{{wire}}`.
#[must_use]
pub fn with_{{name}}(mut self, value: impl Into<{{ty}}>) -> Self {
    self.{{ident}} = Some({{value}});
    self
}
"#;

/// A struct named `name` with `fields`; `doc` is its doc text, `boxed` tells the fields that hold
/// their own type inline (they are boxed).
/// `object` tells the optional fields holding a doc struct (read with
/// `sign_core::lenient::optional_object`, so PHP's `[]` and `""` are `None`) or a list of them
/// (read with `sign_core::lenient::optional_list`: `""` is `None`, one object a list of one).
pub fn render(
    name: &str,
    doc: &str,
    fields: &[Field],
    boxed: impl Fn(&Field) -> bool,
    object: impl Fn(&Field) -> bool,
) -> String {
    let required: Vec<&Field> = fields.iter().filter(|f| f.required).collect();
    let params: Vec<String> =
        required.iter().map(|f| format!("{}: impl Into<{}>", field_ident(&f.wire), rust_ty(&f.ty))).collect();
    let inits: String = fields.iter().map(|f| init(f, boxed(f))).collect();
    let setters = spaced(fields.iter().filter(|f| !f.required).map(|f| setter(f, boxed(f))));
    fill(
        STRUCT,
        &[
            ("doc", &doc::comment(doc)),
            ("default", if required.is_empty() { "Default, " } else { "" }),
            ("name", name),
            ("fields", &fields.iter().map(|f| field(f, boxed(f), object(f))).collect::<String>()),
            ("allow_many_arguments", if required.len() > 7 { "#[allow(clippy::too_many_arguments)]" } else { "" }),
            ("params", &params.join(", ")),
            ("inits", &inits),
            ("setters", &setters),
        ],
    )
}

fn field(f: &Field, boxed: bool, object: bool) -> String {
    let ident = field_ident(&f.wire);
    let desc = if f.description.trim().is_empty() { format!("`{}`", f.wire) } else { doc::doc_text(&f.description) };
    let mut attrs: Vec<String> = Vec::new();
    if bare(&ident) != f.wire {
        attrs.push(format!("rename = {:?}", f.wire));
    }
    if !f.required {
        attrs.push("default".into());
        attrs.push("skip_serializing_if = \"Option::is_none\"".into());
    }
    if lenient(&f.ty) {
        attrs.push("deserialize_with = \"sign_core::lenient::deserialize\"".into());
    } else if object && !f.required && matches!(f.ty, Ty::Array(_)) {
        attrs.push("deserialize_with = \"sign_core::lenient::optional_list\"".into());
    } else if object && !f.required {
        attrs.push("deserialize_with = \"sign_core::lenient::optional_object\"".into());
    } else if self_read(&f.ty) && !f.required {
        attrs.push("deserialize_with = \"sign_core::lenient::optional_value\"".into());
    }
    if f.ty == Ty::Secret {
        let with =
            if f.required { "sign_core::secret::serde_expose" } else { "sign_core::secret::serde_expose::option" };
        attrs.push(format!("with = {with:?}"));
    }
    let serde = if attrs.is_empty() { String::new() } else { format!("#[serde({})]", attrs.join(", ")) };
    let mut ty = rust_ty(&f.ty);
    if boxed {
        ty = format!("Box<{ty}>");
    }
    if !f.required {
        ty = format!("Option<{ty}>");
    }
    fill(FIELD, &[("doc", &doc::comment(&desc)), ("serde", &serde), ("ident", &ident), ("ty", &ty)])
}

/// Whether the field is read with `sign_core::lenient` (a string or a number, one value or a
/// list): the scalar types the providers' backends send in either JSON type. Enums read leniently
/// by themselves; amounts have their own reader.
fn lenient(ty: &Ty) -> bool {
    match ty {
        Ty::String | Ty::Integer | Ty::Boolean | Ty::Date | Ty::DateTime => true,
        Ty::Array(t) => lenient(t),
        _ => false,
    }
}

/// Whether an optional field of this type is read with `sign_core::lenient::optional_value`: an
/// amount, a currency or a hand-written type reads its own value, and `""`, `null` or `[]` is an absent one (a Java or
/// PHP backend's empty amount).
fn self_read(ty: &Ty) -> bool {
    // Hand-written types (an amount in fen, metadata) read their own value too.
    matches!(ty, Ty::Decimal | Ty::DecimalNumber | Ty::Currency | Ty::Hand(_))
}

/// The field's line in `new`: required fields come from the arguments, optional ones start unset.
fn init(f: &Field, boxed: bool) -> String {
    let ident = field_ident(&f.wire);
    match (f.required, boxed) {
        (true, true) => format!("{ident}: Box::new({ident}.into()),\n"),
        (true, false) => format!("{ident}: {ident}.into(),\n"),
        (false, _) => format!("{ident}: None,\n"),
    }
}

fn setter(f: &Field, boxed: bool) -> String {
    let ident = field_ident(&f.wire);
    fill(
        SETTER,
        &[
            ("wire", &f.wire),
            ("name", bare(&ident)),
            ("ty", &rust_ty(&f.ty)),
            ("ident", &ident),
            ("value", if boxed { "Box::new(value.into())" } else { "value.into()" }),
        ],
    )
}
