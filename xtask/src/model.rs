//! What a provider's API docs say, once parsed: endpoints, structs, enums and field types.

use std::fmt;

/// A problem in a doc, pointing at the file and line that cause it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocError {
    /// The doc's path relative to the workspace root, e.g. `docs/acqra-gateway/payment.md`.
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for DocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// One parsed doc file.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Path relative to the workspace root.
    pub file: String,
    /// The Rust module the file becomes (file stem, `-` replaced by `_`).
    pub module: String,
    /// The `# Title` of the file, if any.
    pub title: Option<String>,
    /// The endpoint header block, if the file describes an endpoint.
    pub endpoint: Option<Endpoint>,
    /// Types defined in the file, in order.
    pub types: Vec<TypeDef>,
}

/// The endpoint header block.
#[derive(Debug, Clone)]
pub struct Endpoint {
    pub line: usize,
    pub name: String,
    pub method: String,
    pub path: String,
    pub summary: String,
    pub idempotent: bool,
    pub request: String,
    pub request_line: usize,
    pub response: Ty,
    pub response_line: usize,
    /// `client: ext`: no generated client method; the crate writes it by hand in `<name>_ext.rs`.
    pub client_ext: bool,
    /// `validate: ext`: the generated `Endpoint::validate` also calls the hand-written
    /// `validate_ext` of `<name>_ext.rs`.
    pub validate_ext: bool,
}

impl Endpoint {
    /// `UpperCamelCase` of the endpoint name: `refund_query` -> `RefundQuery`.
    pub fn camel(&self) -> String {
        crate::names::camel(&self.name)
    }

    /// The request type the naming rule demands: `<Camel>Request`.
    pub fn request_type(&self) -> String {
        format!("{}Request", self.camel())
    }

    /// The response type name the generator always provides: `<Camel>Response`.
    pub fn response_type(&self) -> String {
        format!("{}Response", self.camel())
    }
}

/// A type defined by a `## TypeName` heading and its table.
#[derive(Debug, Clone)]
pub struct TypeDef {
    pub name: String,
    pub line: usize,
    /// Prose between the heading and the table.
    pub doc: Vec<String>,
    pub kind: TypeKind,
}

#[derive(Debug, Clone)]
pub enum TypeKind {
    Struct(Vec<Field>),
    Enum {
        repr: EnumRepr,
        variants: Vec<Variant>,
    },
    /// `## Name (newtype T)`: a transparent wrapper, e.g. a request whose body is a JSON array.
    Newtype(Ty),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnumRepr {
    String,
    Integer,
}

#[derive(Debug, Clone)]
pub struct Field {
    /// The provider's spelling.
    pub wire: String,
    pub ty: Ty,
    pub required: bool,
    pub description: String,
    pub line: usize,
    /// The rules of the `constraints` column, in the order written.
    pub rules: Vec<Rule>,
}

/// One rule of a field's `constraints` cell, checked by generated `validate_fields` when the
/// field is present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// `len 5..=64`, `len 3`, `len ..=64`, `len 5..`: characters of a text, items of a list.
    Len { min: usize, max: Option<usize> },
    /// `digits`: one or more ASCII digits.
    Digits,
    /// `upper`: one or more letters A-Z.
    Upper,
    /// `pattern [A-Z]{3}`: `[class]{m,n}` segments.
    Pattern(String),
    /// `one-of a|b|c`: a text or integer value from the list.
    OneOf(Vec<String>),
    /// `either otherField`: this field or the other (wire name, same struct) is given.
    Either(String),
    /// `positive`: a number greater than zero.
    Positive,
    /// `scale 2`: at most that many decimal places.
    Scale(u32),
    /// `not-blank`: not empty, not only whitespace.
    NotBlank,
    /// `minor-units currencyField`: an amount with no more decimal places than the currency (a
    /// `currency` field of the same struct) allows.
    MinorUnits(String),
}

#[derive(Debug, Clone)]
pub struct Variant {
    /// The wire value (a string, or an integer's text).
    pub value: String,
    pub name: String,
    pub description: String,
}

/// A field type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ty {
    String,
    Integer,
    Decimal,
    DecimalNumber,
    Boolean,
    Date,
    DateTime,
    Secret,
    /// `currency`: an ISO 4217 code, `sign_core::Currency`.
    Currency,
    Map,
    Json,
    /// A type defined in the provider's docs.
    Named(String),
    /// A hand-written type, `crate::path::Type`.
    Hand(String),
    Array(Box<Ty>),
}

impl Ty {
    /// Every named type this type refers to.
    pub fn named(&self, out: &mut Vec<String>) {
        match self {
            Ty::Named(n) => out.push(n.clone()),
            Ty::Array(t) => t.named(out),
            _ => {}
        }
    }
}
