//! The checks only the whole provider can answer, run after every doc parsed: duplicate types
//! across files, references to undefined types, endpoint requests that are not structs, and the
//! naming rule that ties an endpoint's name to its file, types and client method.

use std::collections::BTreeMap;

use crate::model::{Doc, DocError, Endpoint, Ty, TypeDef, TypeKind};
use crate::templates::rust_ty;

/// Client methods every provider `Client` writes by hand: an endpoint cannot take these names.
const CLIENT_METHODS: [&str; 12] = [
    "new",
    "with_transport",
    "with_clock",
    "config",
    "prepare",
    "parse",
    "call",
    "prepare_raw",
    "parse_raw",
    "raw_call",
    "raw_call_json",
    "outcome",
];

/// Every type defined in the provider's docs, with the doc that defines it.
type Defined<'a> = BTreeMap<&'a str, (&'a Doc, &'a TypeDef)>;

/// Collects the errors of one provider, in the order the checks find them.
struct Checker {
    errors: Vec<DocError>,
}

impl Checker {
    fn err(&mut self, file: &str, line: usize, message: String) {
        self.errors.push(DocError { file: file.to_string(), line, message });
    }
}

/// Checks a provider's parsed docs as a whole; every problem names its file and line.
pub fn validate(docs: &[Doc]) -> Vec<DocError> {
    let mut c = Checker { errors: Vec::new() };
    let defined = definitions(&mut c, docs);
    let mut requests: BTreeMap<&str, &Doc> = BTreeMap::new();
    let mut endpoint_names: BTreeMap<&str, &Doc> = BTreeMap::new();
    for d in docs {
        for t in &d.types {
            references(&mut c, d, t, &defined);
        }
        if let Some(e) = &d.endpoint {
            request_type(&mut c, d, e, &defined);
            if let Some(other) = requests.insert(&e.request, d) {
                let message = format!("request type `{}` is already the request of {}", e.request, other.file);
                c.err(&d.file, e.request_line, message);
            }
            naming_rule(&mut c, d, e, &defined);
            if let Some(other) = endpoint_names.insert(&e.name, d) {
                c.err(&d.file, e.line, format!("endpoint name `{}` is already used by {}", e.name, other.file));
            }
            for r in named(&e.response) {
                if !defined.contains_key(r.as_str()) {
                    c.err(&d.file, e.response_line, format!("response type `{r}` is not defined in these docs"));
                }
            }
        }
    }
    c.errors
}

/// The types every doc defines; a name defined twice is an error at its second definition.
fn definitions<'a>(c: &mut Checker, docs: &'a [Doc]) -> Defined<'a> {
    let mut defined: Defined<'a> = BTreeMap::new();
    for d in docs {
        for t in &d.types {
            if let Some((od, ot)) = defined.get(t.name.as_str()) {
                let message = format!("type `{}` is already defined at {}:{}", t.name, od.file, ot.line);
                c.err(&d.file, t.line, message);
            } else {
                defined.insert(&t.name, (d, t));
            }
        }
    }
    defined
}

/// The doc types `ty` names.
fn named(ty: &Ty) -> Vec<String> {
    let mut refs = Vec::new();
    ty.named(&mut refs);
    refs
}

/// Every type a struct's fields or a newtype name must be defined.
fn references(c: &mut Checker, d: &Doc, t: &TypeDef, defined: &Defined<'_>) {
    match &t.kind {
        TypeKind::Struct(fields) => {
            for f in fields {
                for r in named(&f.ty).into_iter().filter(|r| !defined.contains_key(r.as_str())) {
                    c.err(&d.file, f.line, format!("field `{}`: type `{r}` is not defined in these docs", f.wire));
                }
            }
        }
        TypeKind::Newtype(ty) => {
            for r in named(ty).into_iter().filter(|r| !defined.contains_key(r.as_str())) {
                c.err(&d.file, t.line, format!("newtype `{}`: type `{r}` is not defined in these docs", t.name));
            }
        }
        TypeKind::Enum { .. } => {}
    }
}

/// An endpoint's request is a struct or newtype defined in the docs.
fn request_type(c: &mut Checker, d: &Doc, e: &Endpoint, defined: &Defined<'_>) {
    match defined.get(e.request.as_str()) {
        None => c.err(&d.file, e.request_line, format!("request type `{}` is not defined in these docs", e.request)),
        Some((_, t)) if matches!(t.kind, TypeKind::Enum { .. }) => c.err(
            &d.file,
            e.request_line,
            format!("request type `{}` must be a struct or newtype, not an enum", e.request),
        ),
        Some(_) => {}
    }
}

/// The one naming rule: endpoint `name: foo_bar` is the client method, the doc file is
/// `foo_bar.md`, the request type `FooBarRequest` (defined in that file), and the response is
/// reachable as `FooBarResponse` (the type itself, or an alias the generator writes).
fn naming_rule(c: &mut Checker, d: &Doc, e: &Endpoint, defined: &Defined<'_>) {
    let stem = d.file.rsplit('/').next().unwrap_or(&d.file).trim_end_matches(".md");
    if stem != e.name {
        let message = format!(
            "the file of endpoint `{}` must be named `{}.md` (the endpoint name is the file stem)",
            e.name, e.name
        );
        c.err(&d.file, e.line, message);
    }
    if CLIENT_METHODS.contains(&e.name.as_str()) || crate::names::field_ident(&e.name) != e.name {
        let message = format!("endpoint name `{}` cannot be a client method name (reserved or a keyword)", e.name);
        c.err(&d.file, e.line, message);
    }
    let request = e.request_type();
    if e.request != request {
        let message =
            format!("the request type of endpoint `{}` must be named `{request}`, not `{}`", e.name, e.request);
        c.err(&d.file, e.request_line, message);
    } else if defined.get(e.request.as_str()).is_some_and(|(od, _)| od.file != d.file) {
        c.err(&d.file, e.request_line, format!("request type `{request}` must be defined in this file"));
    }
    let response = e.response_type();
    if e.response != Ty::Named(response.clone())
        && let Some((od, ot)) = defined.get(response.as_str())
    {
        let message = format!(
            "endpoint `{}` answers with `{}`, but `{response}` (the name the generator gives its response) is \
             defined at {}:{}",
            e.name,
            rust_ty(&e.response),
            od.file,
            ot.line
        );
        c.err(&d.file, e.response_line, message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{PAY, docs};
    use crate::parse::parse_doc;

    #[test]
    fn cross_file_errors_name_file_and_line() {
        let mut d = docs();
        d.push(
            parse_doc(
                "docs/p/dup.md",
                "dup",
                "## Item\n\n| field | type | required | description |\n|---|---|---|---|\n| x | Missing | no | |\n",
            )
            .unwrap(),
        );
        let e: Vec<String> = validate(&d).iter().map(ToString::to_string).collect();
        assert_eq!(
            e,
            [
                "docs/p/dup.md:1: type `Item` is already defined at docs/p/common.md:1",
                "docs/p/dup.md:5: field `x`: type `Missing` is not defined in these docs",
            ]
        );
        let bad =
            PAY.replace("response: PayResponse", "response: [Nope]").replace("request: PayRequest", "request: Kind");
        let e: Vec<String> =
            validate(&[parse_doc("docs/p/pay.md", "pay", &bad).unwrap()]).iter().map(ToString::to_string).collect();
        assert!(
            e.contains(&"docs/p/pay.md:9: request type `Kind` must be a struct or newtype, not an enum".to_string()),
            "{e:?}"
        );
        assert!(
            e.contains(
                &"docs/p/pay.md:9: the request type of endpoint `pay` must be named `PayRequest`, not `Kind`"
                    .to_string()
            ),
            "{e:?}"
        );
        assert!(
            e.contains(&"docs/p/pay.md:10: response type `Nope` is not defined in these docs".to_string()),
            "{e:?}"
        );
        assert!(e.iter().any(|x| x.starts_with("docs/p/pay.md:") && x.contains("type `Item` is not defined")), "{e:?}");
    }

    #[test]
    fn one_name_from_file_to_request_response_and_method() {
        // The file stem is the endpoint name.
        let misnamed = [parse_doc("docs/p/pay-order.md", "pay_order", PAY).unwrap(), docs().remove(1)];
        let wrong_file: Vec<String> = validate(&misnamed).iter().map(ToString::to_string).collect();
        assert_eq!(
            wrong_file,
            [
                "docs/p/pay-order.md:3: the file of endpoint `pay` must be named `pay.md` (the endpoint name is the file stem)"
            ]
        );
        // Reserved client method names and keywords cannot be endpoint names.
        for name in ["call", "prepare", "type"] {
            let doc = PAY.replace("name: pay", &format!("name: {name}"));
            let file = format!("docs/p/{name}.md");
            let e: Vec<String> =
                validate(&[parse_doc(&file, name, &doc).unwrap()]).iter().map(ToString::to_string).collect();
            assert!(e.iter().any(|m| m.contains("cannot be a client method name")), "{name}: {e:?}");
        }
        // The `<Name>Response` name is the generator's: a doc type by that name that is not the response clashes.
        let clash = PAY.replace("response: PayResponse", "response: Node");
        let e: Vec<String> = validate(&[parse_doc("docs/p/pay.md", "pay", &clash).unwrap(), docs().remove(1)])
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(e.iter().any(|m| m.contains("`PayResponse` (the name the generator gives its response)")), "{e:?}");
    }
}
