//! A request struct's builder: one named setter per field and a `build()` that names the first
//! required field left unset. Written for structs sent to a provider with two or more required
//! fields, where `new(a, b, ...)` would let two arguments of the same type be swapped silently.

use super::{fill, rust_ty, spaced};
use crate::model::Field;
use crate::names::{bare, field_ident};

const BUILDER: &str = r#"
impl {{name}} {
    /// A builder naming every field:
    /// `{{name}}::builder(){{example}}.build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> {{name}}Builder {
        {{name}}Builder::default()
    }
}

/// Builds a [`{{name}}`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct {{name}}Builder {
    {{fields}}
}

impl {{name}}Builder {
    {{setters}}

    /// The `{{name}}`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"{{name}}: {{first}} must be set"`.
    pub fn build(self) -> Result<{{name}}, sign_core::InvalidRequest> {
        Ok({{name}} {
            {{inits}}
        })
    }
}
"#;

const SETTER: &str = r#"
/// Sets `{{wire}}`{{required}}.
pub fn {{ident}}(mut self, value: impl Into<{{ty}}>) -> Self {
    self.{{ident}} = Some({{value}});
    self
}
"#;

/// Whether a struct with `fields` gets a builder: two or more required fields.
pub fn wanted(fields: &[Field]) -> bool {
    fields.iter().filter(|f| f.required).count() >= 2
}

/// The builder of struct `name`; `boxed` tells the fields held in a `Box`.
pub fn render(name: &str, fields: &[Field], boxed: impl Fn(&Field) -> bool) -> String {
    let slot = |f: &Field| {
        let ty = rust_ty(&f.ty);
        if boxed(f) { format!("Box<{ty}>") } else { ty }
    };
    let field_lines: String =
        fields.iter().map(|f| format!("{}: Option<{}>,\n", field_ident(&f.wire), slot(f))).collect();
    let setters = spaced(fields.iter().map(|f| {
        fill(
            SETTER,
            &[
                ("wire", &f.wire),
                ("required", if f.required { " (required)" } else { "" }),
                ("ident", &field_ident(&f.wire)),
                ("ty", &rust_ty(&f.ty)),
                ("value", if boxed(f) { "Box::new(value.into())" } else { "value.into()" }),
            ],
        )
    }));
    let inits: String = fields
        .iter()
        .map(|f| {
            let ident = field_ident(&f.wire);
            if f.required {
                format!(
                    "{ident}: self.{ident}.ok_or_else(|| sign_core::InvalidRequest::field({name:?}, {:?}, \"must be set\"))?,\n",
                    f.wire
                )
            } else {
                format!("{ident}: self.{ident},\n")
            }
        })
        .collect();
    let required: Vec<&Field> = fields.iter().filter(|f| f.required).collect();
    let example: String = required.iter().take(2).map(|f| format!(".{}(..)", bare(&field_ident(&f.wire)))).collect();
    fill(
        BUILDER,
        &[
            ("name", name),
            ("example", &example),
            ("fields", &field_lines),
            ("setters", &setters),
            ("first", required.first().map_or("", |f| f.wire.as_str())),
            ("inits", &inits),
        ],
    )
}
