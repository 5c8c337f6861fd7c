//! An open enum: the listed wire values as variants plus `Unknown(..)` for any other value, so a
//! value the provider adds later never breaks parsing; read from a JSON string or number alike.

use super::{doc, fill};
use crate::model::{EnumRepr, Variant};

const STRING_ENUM: &str = r#"
{{doc}}
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum {{name}} {
    {{variants}}
    /// A value these docs do not list, kept verbatim.
    Unknown(String),
}

impl {{name}} {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            {{to_wire}}
            Self::Unknown(v) => v,
        }
    }
}

impl From<&str> for {{name}} {
    fn from(v: &str) -> Self {
        match v {
            {{from_wire}}
            _ => Self::Unknown(v.to_string()),
        }
    }
}

impl std::fmt::Display for {{name}} {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for {{name}} {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for {{name}} {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A string or a number: `3` and `"3"` are the same value to a Java or PHP backend.
        let v = sign_core::lenient::text(deserializer)?;
        Ok(Self::from(v.as_str()))
    }
}
"#;

const INTEGER_ENUM: &str = r#"
{{doc}}
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum {{name}} {
    {{variants}}
    /// A value these docs do not list, kept verbatim.
    Unknown(i64),
}

impl {{name}} {
    /// The value as sent on the wire.
    pub fn as_i64(&self) -> i64 {
        match self {
            {{to_wire}}
            Self::Unknown(v) => *v,
        }
    }
}

impl From<i64> for {{name}} {
    fn from(v: i64) -> Self {
        match v {
            {{from_wire}}
            _ => Self::Unknown(v),
        }
    }
}

impl std::fmt::Display for {{name}} {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.as_i64())
    }
}

impl serde::Serialize for {{name}} {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.as_i64())
    }
}

impl<'de> serde::Deserialize<'de> for {{name}} {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A number or a string holding one: `"3"` and `3` are the same value to a Java or PHP backend.
        let v = sign_core::lenient::integer(deserializer)?;
        Ok(Self::from(v))
    }
}
"#;

const VARIANT: &str = r#"
{{doc}}
{{name}},
"#;

/// The enum `name` with `variants`; `doc` is its doc text.
pub fn render(name: &str, doc: &str, repr: EnumRepr, variants: &[Variant]) -> String {
    let doc = format!(
        "{doc}\n\nValues these docs do not list are kept in `Unknown`, so a new provider value never breaks parsing. Read from a JSON string or a number alike."
    );
    // The wire value as a Rust literal: a quoted string, or the integer as written.
    let literal = |v: &Variant| match repr {
        EnumRepr::String => format!("{:?}", v.value),
        EnumRepr::Integer => v.value.clone(),
    };
    let listed: String = variants.iter().map(variant).collect();
    let to_wire: String = variants.iter().map(|v| format!("Self::{} => {},\n", v.name, literal(v))).collect();
    let from_wire: String = variants.iter().map(|v| format!("{} => Self::{},\n", literal(v), v.name)).collect();
    let template = match repr {
        EnumRepr::String => STRING_ENUM,
        EnumRepr::Integer => INTEGER_ENUM,
    };
    fill(
        template,
        &[
            ("doc", &doc::comment(&doc)),
            ("name", name),
            ("variants", &listed),
            ("to_wire", &to_wire),
            ("from_wire", &from_wire),
        ],
    )
}

fn variant(v: &Variant) -> String {
    let desc = if v.description.trim().is_empty() {
        format!("`{}`", v.value)
    } else {
        format!("`{}`: {}", v.value, doc::doc_text(&v.description))
    };
    fill(VARIANT, &[("doc", &doc::comment(&desc)), ("name", &v.name)])
}
