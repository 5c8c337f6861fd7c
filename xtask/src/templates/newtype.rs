//! A transparent wrapper, for a request or response whose body is not an object.

use super::{doc, fill};

const NEWTYPE: &str = r#"
{{doc}}
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct {{name}}(pub {{inner}});

impl {{name}} {
    /// Wraps `value`.
    pub fn new(value: impl Into<{{inner}}>) -> Self {
        Self(value.into())
    }
}

impl From<{{inner}}> for {{name}} {
    fn from(value: {{inner}}) -> Self {
        Self(value)
    }
}
"#;

/// `pub struct name(pub inner)`; `doc` is its doc text.
pub fn render(name: &str, doc: &str, inner: &str) -> String {
    fill(NEWTYPE, &[("doc", &doc::comment(doc)), ("name", name), ("inner", inner)])
}
