//! Turns a provider's parsed docs into Rust source text (not yet rustfmt-formatted).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::model::{Doc, DocError, Endpoint, EnumRepr, Field, Ty, TypeDef, TypeKind, Variant};
use crate::names::{bare, field_ident};

/// Checks what only the whole provider can tell: duplicate types across files, references to
/// undefined types, endpoints whose request is not a struct.
pub fn validate(docs: &[Doc]) -> Vec<DocError> {
    let mut errors = Vec::new();
    let mut err = |file: &str, line: usize, message: String| {
        errors.push(DocError { file: file.to_string(), line, message });
    };
    let mut defined: BTreeMap<&str, (&Doc, &TypeDef)> = BTreeMap::new();
    for d in docs {
        for t in &d.types {
            if let Some((od, ot)) = defined.get(t.name.as_str()) {
                err(&d.file, t.line, format!("type `{}` is already defined at {}:{}", t.name, od.file, ot.line));
            } else {
                defined.insert(&t.name, (d, t));
            }
        }
    }
    let mut requests: BTreeMap<&str, &Doc> = BTreeMap::new();
    let mut endpoint_names: BTreeMap<&str, &Doc> = BTreeMap::new();
    for d in docs {
        for t in &d.types {
            match &t.kind {
                TypeKind::Struct(fields) => {
                    for f in fields {
                        let mut refs = Vec::new();
                        f.ty.named(&mut refs);
                        for r in refs {
                            if !defined.contains_key(r.as_str()) {
                                err(
                                    &d.file,
                                    f.line,
                                    format!("field `{}`: type `{r}` is not defined in these docs", f.wire),
                                );
                            }
                        }
                    }
                }
                TypeKind::Newtype(ty) => {
                    let mut refs = Vec::new();
                    ty.named(&mut refs);
                    for r in refs {
                        if !defined.contains_key(r.as_str()) {
                            err(
                                &d.file,
                                t.line,
                                format!("newtype `{}`: type `{r}` is not defined in these docs", t.name),
                            );
                        }
                    }
                }
                TypeKind::Enum { .. } => {}
            }
        }
        if let Some(e) = &d.endpoint {
            match defined.get(e.request.as_str()) {
                None => {
                    err(&d.file, e.request_line, format!("request type `{}` is not defined in these docs", e.request))
                }
                Some((_, t)) if matches!(t.kind, TypeKind::Enum { .. }) => err(
                    &d.file,
                    e.request_line,
                    format!("request type `{}` must be a struct or newtype, not an enum", e.request),
                ),
                Some(_) => {}
            }
            if let Some(other) = requests.insert(&e.request, d) {
                err(
                    &d.file,
                    e.request_line,
                    format!("request type `{}` is already the request of {}", e.request, other.file),
                );
            }
            naming_rule(d, e, &defined, &mut err);
            if let Some(other) = endpoint_names.insert(&e.name, d) {
                err(&d.file, e.line, format!("endpoint name `{}` is already used by {}", e.name, other.file));
            }
            let mut refs = Vec::new();
            e.response.named(&mut refs);
            for r in refs {
                if !defined.contains_key(r.as_str()) {
                    err(&d.file, e.response_line, format!("response type `{r}` is not defined in these docs"));
                }
            }
        }
    }
    errors
}

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

/// The one naming rule: endpoint `name: foo_bar` is the client method, the doc file is
/// `foo_bar.md`, the request type `FooBarRequest` (defined in that file), and the response is
/// reachable as `FooBarResponse` (the type itself, or an alias the generator writes).
fn naming_rule(
    d: &Doc,
    e: &Endpoint,
    defined: &BTreeMap<&str, (&Doc, &TypeDef)>,
    err: &mut impl FnMut(&str, usize, String),
) {
    let stem = d.file.rsplit('/').next().unwrap_or(&d.file).trim_end_matches(".md");
    if stem != e.name {
        err(
            &d.file,
            e.line,
            format!(
                "the file of endpoint `{}` must be named `{}.md` (the endpoint name is the file stem)",
                e.name, e.name
            ),
        );
    }
    if CLIENT_METHODS.contains(&e.name.as_str()) || crate::names::field_ident(&e.name) != e.name {
        err(
            &d.file,
            e.line,
            format!("endpoint name `{}` cannot be a client method name (reserved or a keyword)", e.name),
        );
    }
    let request = e.request_type();
    if e.request != request {
        err(
            &d.file,
            e.request_line,
            format!("the request type of endpoint `{}` must be named `{request}`, not `{}`", e.name, e.request),
        );
    } else if defined.get(e.request.as_str()).is_some_and(|(od, _)| od.file != d.file) {
        err(&d.file, e.request_line, format!("request type `{request}` must be defined in this file"));
    }
    let response = e.response_type();
    if e.response != Ty::Named(response.clone())
        && let Some((od, ot)) = defined.get(response.as_str())
    {
        err(
            &d.file,
            e.response_line,
            format!(
                "endpoint `{}` answers with `{}`, but `{response}` (the name the generator gives its response) is \
                 defined at {}:{}",
                e.name,
                rust_ty(&e.response),
                od.file,
                ot.line
            ),
        );
    }
}

/// Generates `(file name, source)` for every module and `mod.rs`. `docs` must have passed
/// [`validate`]; `dir` is the docs directory as shown in headers, e.g. `docs/acqra-gateway`.
pub fn generate(dir: &str, docs: &[Doc]) -> Vec<(String, String)> {
    let mut owner: BTreeMap<&str, &str> = BTreeMap::new();
    let mut types: BTreeMap<&str, &TypeDef> = BTreeMap::new();
    for d in docs {
        for t in &d.types {
            owner.insert(&t.name, &d.module);
            types.insert(&t.name, t);
        }
    }
    let endpoints: BTreeMap<&str, &Endpoint> =
        docs.iter().filter_map(|d| d.endpoint.as_ref()).map(|e| (e.request.as_str(), e)).collect();
    let mut out = Vec::new();
    let mut modules: Vec<&Doc> = docs.iter().collect();
    modules.sort_by(|a, b| a.module.cmp(&b.module));
    for d in &modules {
        out.push((format!("{}.rs", d.module), module_source(d, &owner, &types, &endpoints)));
    }
    let mut m = String::new();
    let _ = writeln!(m, "// @generated from {dir}/*.md by `cargo xtask codegen`; do not edit.");
    let _ = writeln!(m, "//! Models and endpoint bindings generated from `{dir}/`: one module per doc file.");
    let _ = writeln!(m, "//!");
    let _ = writeln!(m, "//! Do not edit: change the docs and run `cargo xtask codegen`.");
    m.push('\n');
    let client = client_source(dir, docs);
    if client.is_some() {
        m.push_str("mod client;\n");
    }
    for d in &modules {
        let _ = writeln!(m, "mod {};", d.module);
    }
    m.push('\n');
    for d in &modules {
        let mut names: Vec<String> = d.types.iter().map(|t| t.name.clone()).collect();
        names.extend(d.endpoint.as_ref().and_then(response_alias));
        if names.is_empty() {
            continue;
        }
        names.sort_unstable();
        let _ = writeln!(m, "pub use {}::{{{}}};", d.module, names.join(", "));
    }
    out.push(("mod.rs".to_string(), m));
    if let Some(client) = client {
        out.push(("client.rs".to_string(), client));
    }
    out
}

/// The name of the alias an endpoint's response needs, when the doc's response type is not
/// already `<Camel>Response`.
fn response_alias(e: &Endpoint) -> Option<String> {
    let name = e.response_type();
    (e.response != Ty::Named(name.clone())).then_some(name)
}

/// `pub type <Camel>Response = ...;` for an endpoint whose response has another name.
fn alias_source(s: &mut String, e: &Endpoint) {
    let Some(alias) = response_alias(e) else { return };
    let what = match &e.response {
        Ty::Json => "untyped JSON: the provider does not document this response's fields".to_string(),
        Ty::Hand(path) => format!("[`{path}`], read by hand-written code"),
        other => format!("[`{}`], a response shared with other endpoints", rust_ty(other)),
    };
    let _ = write!(
        s,
        "\n/// The response of the `{name}` endpoint ([`Client::{name}`](crate::Client::{name})): {what}.\n\
         pub type {alias} = {ty};\n",
        name = e.name,
        ty = rust_ty(&e.response),
    );
}

/// The target of an endpoint in prose: `` `POST /path` ``, or the method alone when the path is not
/// published.
fn endpoint_target(e: &Endpoint) -> String {
    if e.path.is_empty() {
        format!("`{}` to the path the client configuration supplies (the provider does not publish it)", e.method)
    } else {
        format!("`{} {}`", e.method, e.path)
    }
}

/// `generated/client.rs`: one `Client` method per endpoint without `client: ext`, each
/// `self.call(request)`. `None` when every endpoint's method is hand-written.
fn client_source(dir: &str, docs: &[Doc]) -> Option<String> {
    let mut endpoints: Vec<&Endpoint> =
        docs.iter().filter_map(|d| d.endpoint.as_ref()).filter(|e| !e.client_ext).collect();
    if endpoints.is_empty() {
        return None;
    }
    endpoints.sort_by(|a, b| a.name.cmp(&b.name));
    let mut types: BTreeSet<String> = BTreeSet::new();
    for e in &endpoints {
        types.insert(e.request.clone());
        types.insert(e.response_type());
    }
    let mut methods = String::new();
    for e in &endpoints {
        let summary = doc_text(e.summary.trim().trim_end_matches(['.', '。']));
        let retry = if e.idempotent {
            "Idempotent: the transport may repeat it after it may have reached the provider."
        } else {
            "Not idempotent: never repeated once it may have reached the provider. When the error's\n\
             /// [`outcome_unknown`](crate::Error::outcome_unknown) is true, look the order up before sending it again."
        };
        let _ = write!(
            methods,
            r#"
/// {summary}: {target}.
///
/// {retry}
///
/// The request is [`{request}`], the answer [`{response}`]; both are generated from
/// `{dir}/{name}.md`.
///
/// # Errors
/// Any [`Error`](crate::Error): the provider's refusal, a transport, status or decoding failure, or an
/// invalid request (refused before sending).
pub fn {name}(&self, request: &{request}) -> Result<{response}, crate::Error> {{
    self.call(request)
}}
"#,
            target = endpoint_target(e),
            request = e.request,
            response = e.response_type(),
            name = e.name,
        );
    }
    Some(format!(
        r#"// @generated from {dir}/*.md by `cargo xtask codegen`; do not edit.
//! The client's endpoint methods: one per endpoint doc, each [`Client::call`](crate::Client::call)
//! with the endpoint's request type.

use super::{{{types}}};

impl crate::Client {{
{methods}}}
"#,
        types = types.into_iter().collect::<Vec<_>>().join(", "),
    ))
}

/// The endpoint table of the crate README (Markdown), between its `<!-- endpoints:begin -->` and
/// `<!-- endpoints:end -->` lines.
pub fn readme_table(docs: &[Doc]) -> String {
    let mut endpoints: Vec<&Endpoint> = docs.iter().filter_map(|d| d.endpoint.as_ref()).collect();
    endpoints.sort_by(|a, b| a.name.cmp(&b.name));
    let mut t = String::from(
        "| client method | provider endpoint | request | response | idempotent |\n|---|---|---|---|---|\n",
    );
    for e in endpoints {
        let summary = e.summary.trim().trim_end_matches(['.', '。']).replace('|', "\\|");
        let target = if e.path.is_empty() {
            format!("`{}` (path from the config)", e.method)
        } else {
            format!("`{} {}`", e.method, e.path)
        };
        let _ = writeln!(
            t,
            "| `{}` | {summary}, {target} | `{}` | `{}` | {} |",
            e.name,
            e.request,
            e.response_type(),
            if e.idempotent { "yes (retried)" } else { "no (never repeated once sent)" }
        );
    }
    t
}

fn module_source(
    d: &Doc,
    owner: &BTreeMap<&str, &str>,
    types: &BTreeMap<&str, &TypeDef>,
    endpoints: &BTreeMap<&str, &Endpoint>,
) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "// @generated from {} by `cargo xtask codegen`; do not edit.", d.file);
    match &d.title {
        Some(t) => {
            let _ = writeln!(s, "//! {}", doc_text(t));
            let _ = writeln!(s, "//!");
            let _ = writeln!(s, "//! Generated from `{}`.", d.file);
        }
        None => {
            let _ = writeln!(s, "//! Types generated from `{}`.", d.file);
        }
    }
    s.push('\n');
    let has_struct = d.types.iter().any(|t| !matches!(t.kind, TypeKind::Enum { .. }));
    if has_struct {
        s.push_str("use serde::{Deserialize, Serialize};\n");
    }
    // Types of other modules used here.
    let mut imports: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut refs = Vec::new();
    for t in &d.types {
        match &t.kind {
            TypeKind::Struct(fields) => fields.iter().for_each(|f| f.ty.named(&mut refs)),
            TypeKind::Newtype(ty) => ty.named(&mut refs),
            TypeKind::Enum { .. } => {}
        }
    }
    if let Some(e) = &d.endpoint {
        e.response.named(&mut refs);
    }
    for r in refs {
        if let Some(m) = owner.get(r.as_str()) {
            if *m != d.module {
                imports.entry(m).or_default().insert(r);
            }
        }
    }
    for (m, names) in &imports {
        let list: Vec<&str> = names.iter().map(String::as_str).collect();
        let _ = writeln!(s, "use super::{m}::{{{}}};", list.join(", "));
    }
    for t in &d.types {
        s.push('\n');
        match &t.kind {
            TypeKind::Struct(fields) => {
                let endpoint = endpoints.get(t.name.as_str()).copied();
                struct_source(&mut s, t, fields, types, endpoint);
            }
            TypeKind::Enum { repr, variants } => enum_source(&mut s, t, *repr, variants),
            TypeKind::Newtype(ty) => {
                let endpoint = endpoints.get(t.name.as_str()).copied();
                newtype_source(&mut s, t, ty, endpoint);
            }
        }
    }
    if let Some(e) = &d.endpoint {
        alias_source(&mut s, e);
    }
    s
}

/// The Rust type of a field type.
fn rust_ty(ty: &Ty) -> String {
    match ty {
        Ty::String | Ty::Date | Ty::DateTime => "String".into(),
        Ty::Integer => "i64".into(),
        Ty::Decimal => "sign_core::Decimal".into(),
        Ty::DecimalNumber => "sign_core::DecimalNumber".into(),
        Ty::Boolean => "bool".into(),
        Ty::Secret => "sign_core::SecretString".into(),
        Ty::Map => "std::collections::BTreeMap<String, serde_json::Value>".into(),
        Ty::Json => "serde_json::Value".into(),
        Ty::Named(n) => n.clone(),
        Ty::Hand(p) => p.clone(),
        Ty::Array(t) => format!("Vec<{}>", rust_ty(t)),
    }
}

/// Whether `from` reaches `target` through fields held inline (not behind a `Vec`), which makes
/// a field of type `from` in `target` recursive: it must be boxed.
fn reaches(from: &str, target: &str, types: &BTreeMap<&str, &TypeDef>, seen: &mut BTreeSet<String>) -> bool {
    if from == target {
        return true;
    }
    if !seen.insert(from.to_string()) {
        return false;
    }
    let Some(TypeKind::Struct(fields)) = types.get(from).map(|t| &t.kind) else { return false };
    fields.iter().any(|f| matches!(&f.ty, Ty::Named(n) if reaches(n, target, types, seen)))
}

fn doc_lines(s: &mut String, text: &str) {
    for line in text.lines() {
        if line.is_empty() {
            s.push_str("///\n");
        } else {
            let _ = writeln!(s, "/// {line}");
        }
    }
}

fn endpoint_doc(doc: &mut String, endpoint: Option<&Endpoint>) {
    if let Some(e) = endpoint {
        let _ = write!(
            doc,
            "\n\nRequest of the `{name}` endpoint, {target}, sent with [`Client::{name}`](crate::Client::{name})",
            name = e.name,
            target = endpoint_target(e),
        );
        let summary = e.summary.trim().trim_end_matches(['.', '。']);
        if !summary.is_empty() {
            let _ = write!(doc, ": {}", doc_text(summary));
        }
        let _ = write!(
            doc,
            ".\n{} Response: `{}`.",
            if e.idempotent {
                "Idempotent (safe to retry)."
            } else {
                "Not idempotent: never retried once it may have been sent."
            },
            e.response_type(),
        );
    }
}

fn endpoint_impl(s: &mut String, name: &str, endpoint: Option<&Endpoint>) {
    if let Some(e) = endpoint {
        let method = match e.method.as_str() {
            "GET" => "Get",
            "PUT" => "Put",
            "DELETE" => "Delete",
            _ => "Post",
        };
        let _ = writeln!(s, "\nimpl sign_core::Endpoint for {name} {{");
        let _ = writeln!(s, "type Response = {};", rust_ty(&e.response));
        let _ = writeln!(s, "const NAME: &'static str = {:?};", e.name);
        let _ = writeln!(s, "const METHOD: sign_core::Method = sign_core::Method::{method};");
        let _ = writeln!(s, "const PATH: &'static str = {:?};", e.path);
        let _ = writeln!(s, "const IDEMPOTENT: bool = {};", e.idempotent);
        if e.validate_ext {
            s.push_str(
                "\n/// The checks of `validate_ext` (hand-written beside this module).\n\
                 fn validate(&self) -> Result<(), sign_core::InvalidRequest> {\nself.validate_ext()\n}\n",
            );
        }
        s.push_str("}\n");
    }
}

fn newtype_source(s: &mut String, t: &TypeDef, ty: &Ty, endpoint: Option<&Endpoint>) {
    let mut doc = type_doc(t);
    endpoint_doc(&mut doc, endpoint);
    doc_lines(s, &doc);
    let name = &t.name;
    let inner = rust_ty(ty);
    s.push_str("#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]\n#[serde(transparent)]\n");
    let _ = writeln!(s, "pub struct {name}(pub {inner});\n");
    let _ = writeln!(
        s,
        "impl {name} {{\n/// Wraps `value`.\npub fn new(value: impl Into<{inner}>) -> Self {{\nSelf(value.into())\n}}\n}}\n"
    );
    let _ = writeln!(s, "impl From<{inner}> for {name} {{\nfn from(value: {inner}) -> Self {{\nSelf(value)\n}}\n}}");
    endpoint_impl(s, name, endpoint);
}

fn struct_source(
    s: &mut String,
    t: &TypeDef,
    fields: &[Field],
    types: &BTreeMap<&str, &TypeDef>,
    endpoint: Option<&Endpoint>,
) {
    let mut doc = type_doc(t);
    endpoint_doc(&mut doc, endpoint);
    doc_lines(s, &doc);
    let required: Vec<&Field> = fields.iter().filter(|f| f.required).collect();
    let default = if required.is_empty() { "Default, " } else { "" };
    let _ = writeln!(s, "#[derive(Debug, Clone, PartialEq, {default}Serialize, Deserialize)]");
    s.push_str("#[non_exhaustive]\n");
    let _ = writeln!(s, "pub struct {} {{", t.name);
    let boxed = |f: &Field| matches!(&f.ty, Ty::Named(n) if reaches(n, &t.name, types, &mut BTreeSet::new()));
    for f in fields {
        let ident = field_ident(&f.wire);
        let desc = if f.description.trim().is_empty() { format!("`{}`", f.wire) } else { doc_text(&f.description) };
        doc_lines(s, &desc);
        let mut attrs: Vec<String> = Vec::new();
        if bare(&ident) != f.wire {
            attrs.push(format!("rename = {:?}", f.wire));
        }
        if !f.required {
            attrs.push("default".into());
            attrs.push("skip_serializing_if = \"Option::is_none\"".into());
        }
        if f.ty == Ty::Secret {
            let with =
                if f.required { "sign_core::secret::serde_expose" } else { "sign_core::secret::serde_expose::option" };
            attrs.push(format!("with = {with:?}"));
        }
        if !attrs.is_empty() {
            let _ = writeln!(s, "#[serde({})]", attrs.join(", "));
        }
        let mut ty = rust_ty(&f.ty);
        if boxed(f) {
            ty = format!("Box<{ty}>");
        }
        if !f.required {
            ty = format!("Option<{ty}>");
        }
        let _ = writeln!(s, "pub {ident}: {ty},");
    }
    s.push_str("}\n\n");
    let _ = writeln!(s, "impl {} {{", t.name);
    let _ = writeln!(
        s,
        "/// Creates a `{}` from its required fields; optional fields start unset (set them with `with_*`).",
        t.name
    );
    if required.len() > 7 {
        s.push_str("#[allow(clippy::too_many_arguments)]\n");
    }
    let params: Vec<String> =
        required.iter().map(|f| format!("{}: impl Into<{}>", field_ident(&f.wire), rust_ty(&f.ty))).collect();
    let _ = writeln!(s, "pub fn new({}) -> Self {{", params.join(", "));
    s.push_str("Self {\n");
    for f in fields {
        let ident = field_ident(&f.wire);
        if f.required {
            if boxed(f) {
                let _ = writeln!(s, "{ident}: Box::new({ident}.into()),");
            } else {
                let _ = writeln!(s, "{ident}: {ident}.into(),");
            }
        } else {
            let _ = writeln!(s, "{ident}: None,");
        }
    }
    s.push_str("}\n}\n");
    for f in fields.iter().filter(|f| !f.required) {
        let ident = field_ident(&f.wire);
        let name = bare(&ident);
        let _ = writeln!(s, "\n/// Sets `{}`.", f.wire);
        s.push_str("#[must_use]\n");
        let _ = writeln!(s, "pub fn with_{name}(mut self, value: impl Into<{}>) -> Self {{", rust_ty(&f.ty));
        if boxed(f) {
            let _ = writeln!(s, "self.{ident} = Some(Box::new(value.into()));");
        } else {
            let _ = writeln!(s, "self.{ident} = Some(value.into());");
        }
        s.push_str("self\n}\n");
    }
    s.push_str("}\n");
    endpoint_impl(s, &t.name, endpoint);
}

fn type_doc(t: &TypeDef) -> String {
    let prose: Vec<String> = t.doc.iter().map(|l| if l.is_empty() { String::new() } else { doc_text(l) }).collect();
    let text = prose.join("\n").trim().to_string();
    if text.is_empty() { format!("`{}`.", t.name) } else { text }
}

fn enum_source(s: &mut String, t: &TypeDef, repr: EnumRepr, variants: &[Variant]) {
    let name = &t.name;
    let mut doc = type_doc(t);
    doc.push_str(
        "\n\nValues these docs do not list are kept in `Unknown`, so a new provider value never breaks parsing.",
    );
    doc_lines(s, &doc);
    s.push_str("#[derive(Debug, Clone, PartialEq, Eq, Hash)]\n#[non_exhaustive]\n");
    let _ = writeln!(s, "pub enum {name} {{");
    for v in variants {
        let desc = if v.description.trim().is_empty() {
            format!("`{}`", v.value)
        } else {
            format!("`{}`: {}", v.value, doc_text(&v.description))
        };
        doc_lines(s, &desc);
        let _ = writeln!(s, "{},", v.name);
    }
    let (unknown_ty, wire_ty) = match repr {
        EnumRepr::String => ("String", "&str"),
        EnumRepr::Integer => ("i64", "i64"),
    };
    s.push_str("/// A value these docs do not list, kept verbatim.\n");
    let _ = writeln!(s, "Unknown({unknown_ty}),");
    s.push_str("}\n\n");
    let _ = writeln!(s, "impl {name} {{");
    match repr {
        EnumRepr::String => {
            s.push_str("/// The value as sent on the wire.\npub fn as_str(&self) -> &str {\nmatch self {\n");
            for v in variants {
                let _ = writeln!(s, "Self::{} => {:?},", v.name, v.value);
            }
            s.push_str("Self::Unknown(v) => v,\n}\n}\n}\n\n");
        }
        EnumRepr::Integer => {
            s.push_str("/// The value as sent on the wire.\npub fn as_i64(&self) -> i64 {\nmatch self {\n");
            for v in variants {
                let _ = writeln!(s, "Self::{} => {},", v.name, v.value);
            }
            s.push_str("Self::Unknown(v) => *v,\n}\n}\n}\n\n");
        }
    }
    let _ = writeln!(s, "impl From<{wire_ty}> for {name} {{");
    let _ = writeln!(s, "fn from(v: {wire_ty}) -> Self {{\nmatch v {{");
    for v in variants {
        match repr {
            EnumRepr::String => {
                let _ = writeln!(s, "{:?} => Self::{},", v.value, v.name);
            }
            EnumRepr::Integer => {
                let _ = writeln!(s, "{} => Self::{},", v.value, v.name);
            }
        }
    }
    match repr {
        EnumRepr::String => s.push_str("_ => Self::Unknown(v.to_string()),\n}\n}\n}\n\n"),
        EnumRepr::Integer => s.push_str("_ => Self::Unknown(v),\n}\n}\n}\n\n"),
    }
    let _ = writeln!(s, "impl std::fmt::Display for {name} {{");
    s.push_str("fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {\n");
    match repr {
        EnumRepr::String => s.push_str("f.write_str(self.as_str())\n}\n}\n\n"),
        EnumRepr::Integer => s.push_str("write!(f, \"{}\", self.as_i64())\n}\n}\n\n"),
    }
    let _ = writeln!(s, "impl serde::Serialize for {name} {{");
    s.push_str("fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {\n");
    match repr {
        EnumRepr::String => s.push_str("serializer.serialize_str(self.as_str())\n}\n}\n\n"),
        EnumRepr::Integer => s.push_str("serializer.serialize_i64(self.as_i64())\n}\n}\n\n"),
    }
    let _ = writeln!(s, "impl<'de> serde::Deserialize<'de> for {name} {{");
    s.push_str("fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {\n");
    match repr {
        EnumRepr::String => s.push_str(
            "let v = <String as serde::Deserialize>::deserialize(deserializer)?;\nOk(Self::from(v.as_str()))\n}\n}\n",
        ),
        EnumRepr::Integer => {
            s.push_str("let v = <i64 as serde::Deserialize>::deserialize(deserializer)?;\nOk(Self::from(v))\n}\n}\n")
        }
    }
}

/// Makes provider text safe as Markdown in a doc comment while keeping it readable: brackets that
/// rustdoc could take for a link are escaped, `<` that could open an HTML tag is escaped, bare URLs
/// become autolinks. Everything else, code spans included, is kept as written.
pub fn doc_text(text: &str) -> String {
    let chars: Vec<char> = text.trim().chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect();
    let mut out = String::new();
    let mut in_code = false;
    let mut escape_close: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '`' {
            in_code = !in_code;
            out.push(c);
            i += 1;
            continue;
        }
        if in_code {
            out.push(c);
            i += 1;
            continue;
        }
        let rest: String = chars[i..chars.len().min(i + 8)].iter().collect();
        if rest.starts_with("http://") || rest.starts_with("https://") {
            let mut j = i;
            while j < chars.len()
                && chars[j].is_ascii_graphic()
                && !matches!(chars[j], '<' | '>' | '"' | '`' | '[' | ']')
            {
                j += 1;
            }
            while j > i && matches!(chars[j - 1], '.' | ',' | ';' | ':' | ')' | '!' | '?') {
                j -= 1;
            }
            out.push('<');
            out.extend(&chars[i..j]);
            out.push('>');
            i = j;
            continue;
        }
        let next = chars.get(i + 1).copied();
        match c {
            '[' => {
                // `[text](..)`, `[text][..]` and `[path]` are links to rustdoc; `[1..18]` is not.
                let close = chars[i + 1..].iter().position(|&x| x == ']' || x == '[').map(|p| p + i + 1);
                match close {
                    Some(j) if chars[j] == ']' => {
                        let inner: String = chars[i + 1..j].iter().filter(|&&x| x != '`').collect();
                        let after = chars.get(j + 1).copied();
                        if matches!(after, Some('(' | '[')) || is_path(&inner) {
                            out.push_str("\\[");
                            escape_close.push(j);
                        } else {
                            out.push('[');
                        }
                    }
                    _ => out.push('['),
                }
            }
            ']' if escape_close.contains(&i) => out.push_str("\\]"),
            '<' if next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')) => out.push_str("\\<"),
            '\\' if next.is_some_and(|n| n.is_ascii_punctuation()) => out.push_str("\\\\"),
            _ => out.push(c),
        }
        i += 1;
    }
    if in_code {
        // An unbalanced backtick would swallow the rest of the comment.
        out = out.replace('`', "'");
    }
    out
}

/// Whether rustdoc would try `s` as an intra-doc link (and warn when it does not resolve): its rule
/// is "only alphanumerics and `:_<>, !*&;@()`", so `[O,11]` and `[3位]` are tried, `[1..18]` is not.
fn is_path(s: &str) -> bool {
    !s.trim().is_empty() && s.chars().all(|c| c.is_alphanumeric() || ":_<>, !*&;@()".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_text_escapes_markdown_and_links_urls() {
        assert_eq!(doc_text("see [A](#x) <b>"), "see \\[A\\](#x) \\<b>");
        assert_eq!(doc_text("[Address] and [a::B] and [x][y]"), "\\[Address\\] and \\[a::B\\] and \\[x\\]\\[y\\]");
        assert_eq!(doc_text("string[1..18] [auto、manual] [a-b] <= 50"), "string[1..18] [auto、manual] [a-b] <= 50");
        assert_eq!(doc_text("[3位] [O,11]"), "\\[3位\\] \\[O,11\\]");
        assert_eq!(doc_text("a\\*b c\\d"), "a\\\\*b c\\d");
        assert_eq!(doc_text("url https://a.example/p?q=1."), "url <https://a.example/p?q=1>.");
        assert_eq!(doc_text("`[a]` 中文"), "`[a]` 中文");
        assert_eq!(doc_text("a `b"), "a 'b");
        assert_eq!(doc_text("snake_case *x*"), "snake_case *x*");
    }
}

#[cfg(test)]
mod generate_tests {
    use super::*;
    use crate::parse::parse_doc;

    const PAY: &str = "# Pay\n\n```endpoint\nname: pay\nmethod: POST\npath: /v1/pay\nsummary: 支付.\nidempotent: false\n\
request: PayRequest\nresponse: PayResponse\n```\n\n## PayRequest\n\n\
| field | type | required | description |\n|---|---|---|---|\n| orderNo | string | yes | 订单号 |\n\
| cardNo | secret | yes | 卡号 |\n| cvc | secret | no | |\n| matedata | map | no | 元数据 |\n| type | Kind | no | kind |\n\
| items | [Item] | no | |\n| amount | decimal | yes | |\n\n## PayResponse\n\n\
| field | type | required | description |\n|---|---|---|---|\n| node | Node | no | |\n| code | Code | no | |\n\n\
## Node\n\n| field | type | required | description |\n|---|---|---|---|\n| parent | Node | no | |\n| kids | [Node] | no | |\n\n\
## Kind (enum string)\n\n| value | variant | description |\n|---|---|---|\n| a | A | 甲 |\n\n\
## Code (enum integer)\n\n| value | variant | description |\n|---|---|---|\n| -1 | Fail | |\n";
    const COMMON: &str =
        "## Item\n\n| field | type | required | description |\n|---|---|---|---|\n| sku | string | yes | |\n";

    fn docs() -> Vec<Doc> {
        vec![parse_doc("docs/p/pay.md", "pay", PAY).unwrap(), parse_doc("docs/p/common.md", "common", COMMON).unwrap()]
    }

    fn squash(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn generates_models_bindings_and_reexports() {
        let docs = docs();
        assert!(validate(&docs).is_empty());
        let out = generate("docs/p", &docs);
        let names: Vec<&str> = out.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["common.rs", "pay.rs", "mod.rs", "client.rs"]);
        let pay = squash(&out[1].1);
        let mod_rs = squash(&out[2].1);
        let client = squash(&out[3].1);
        assert!(mod_rs.contains("mod client;"), "{mod_rs}");
        for want in [
            "use super::{PayRequest, PayResponse};",
            "impl crate::Client {",
            "/// 支付: `POST /v1/pay`.",
            "Not idempotent: never repeated once it may have reached the provider.",
            "pub fn pay(&self, request: &PayRequest) -> Result<PayResponse, crate::Error> { self.call(request) }",
        ] {
            assert!(client.contains(&squash(want)), "missing `{want}` in\n{}", out[3].1);
        }
        assert!(out[1].1.starts_with("// @generated from docs/p/pay.md by `cargo xtask codegen`; do not edit.\n"));
        assert!(mod_rs.contains("mod common; mod pay;"), "{mod_rs}");
        assert!(mod_rs.contains("pub use pay::{Code, Kind, Node, PayRequest, PayResponse};"), "{mod_rs}");
        for want in [
            "use super::common::{Item};",
            "/// 订单号 #[serde(rename = \"orderNo\")] pub order_no: String,",
            "#[serde(rename = \"cardNo\", with = \"sign_core::secret::serde_expose\")] pub card_no: sign_core::SecretString,",
            "#[serde(default, skip_serializing_if = \"Option::is_none\", with = \"sign_core::secret::serde_expose::option\")] pub cvc: Option<sign_core::SecretString>,",
            "pub matedata: Option<std::collections::BTreeMap<String, serde_json::Value>>,",
            "pub r#type: Option<Kind>,",
            "pub items: Option<Vec<Item>>,",
            "pub amount: sign_core::Decimal,",
            "pub fn new(order_no: impl Into<String>, card_no: impl Into<sign_core::SecretString>, amount: impl Into<sign_core::Decimal>) -> Self",
            "pub fn with_type(mut self, value: impl Into<Kind>) -> Self { self.r#type = Some(value.into()); self }",
            "impl sign_core::Endpoint for PayRequest { type Response = PayResponse; const NAME: &'static str = \"pay\"; \
             const METHOD: sign_core::Method = sign_core::Method::Post; const PATH: &'static str = \"/v1/pay\"; const IDEMPOTENT: bool = false; }",
            "Request of the `pay` endpoint, `POST /v1/pay`, sent with [`Client::pay`](crate::Client::pay): 支付.",
            // Recursion through an inline field is boxed; through a Vec it is not.
            "pub parent: Option<Box<Node>>,",
            "pub kids: Option<Vec<Node>>,",
            "self.parent = Some(Box::new(value.into()));",
            // Structs without required fields also get Default (clippy: new_without_default).
            "#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)] #[non_exhaustive] pub struct Node",
            // Enum catch-alls and wire values.
            "/// `a`: 甲 A,",
            "Unknown(String),",
            "\"a\" => Self::A, _ => Self::Unknown(v.to_string()),",
            "Unknown(i64),",
            "Self::Fail => -1,",
            "-1 => Self::Fail, _ => Self::Unknown(v),",
        ] {
            assert!(pay.contains(&squash(want)), "missing `{want}` in\n{}", out[1].1);
        }
        // Required fields are constructor arguments, never `Option`.
        assert!(!pay.contains("order_no: Option"));
        // Fields spelled like their Rust name need no rename.
        assert!(!pay.contains("rename = \"matedata\""));
    }

    #[test]
    fn truncated_or_mangled_docs_give_errors_not_panics() {
        // Every prefix, and the doc with each line dropped or each `|` removed in turn: parsing,
        // validating and generating must never panic, whatever the outcome.
        let mut variants: Vec<String> = PAY.char_indices().map(|(i, _)| PAY[..i].to_string()).collect();
        let lines: Vec<&str> = PAY.lines().collect();
        for skip in 0..lines.len() {
            let v: Vec<&str> = lines.iter().enumerate().filter(|(i, _)| *i != skip).map(|(_, l)| *l).collect();
            variants.push(v.join("\n"));
        }
        for (i, _) in PAY.match_indices('|') {
            variants.push(format!("{}{}", &PAY[..i], &PAY[i + 1..]));
        }
        for v in &variants {
            if let Ok(doc) = parse_doc("docs/p/pay.md", "pay", v) {
                let docs = vec![doc, parse_doc("docs/p/common.md", "common", COMMON).unwrap()];
                if validate(&docs).is_empty() {
                    let _ = generate("docs/p", &docs);
                }
            }
        }
    }

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
        // A response type named otherwise gets the `<Name>Response` alias; one that would clash is an error.
        let shared = PAY.replace("response: PayResponse", "response: Node").replace("## PayResponse", "## PayResult");
        let shared_docs = vec![parse_doc("docs/p/pay.md", "pay", &shared).unwrap(), docs().remove(1)];
        assert_eq!(validate(&shared_docs), []);
        let out = generate("docs/p", &shared_docs);
        let pay = squash(&out.iter().find(|(n, _)| n == "pay.rs").unwrap().1);
        assert!(pay.contains("pub type PayResponse = Node;"), "{pay}");
        assert!(pay.contains("a response shared with other endpoints"), "{pay}");
        let mod_rs = squash(&out.iter().find(|(n, _)| n == "mod.rs").unwrap().1);
        assert!(mod_rs.contains("PayResponse, PayResult"), "{mod_rs}");
        let json = PAY.replace("response: PayResponse", "response: json").replace("## PayResponse", "## PayResult");
        let out = generate("docs/p", &[parse_doc("docs/p/pay.md", "pay", &json).unwrap()]);
        let pay = squash(&out.iter().find(|(n, _)| n == "pay.rs").unwrap().1);
        assert!(pay.contains("pub type PayResponse = serde_json::Value;"), "{pay}");
        let clash = PAY.replace("response: PayResponse", "response: Node");
        let e: Vec<String> = validate(&[parse_doc("docs/p/pay.md", "pay", &clash).unwrap(), docs().remove(1)])
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(e.iter().any(|m| m.contains("`PayResponse` (the name the generator gives its response)")), "{e:?}");
    }

    #[test]
    fn ext_endpoints_get_no_method_and_call_their_hand_written_checks() {
        let ext = PAY.replace("response: PayResponse\n", "response: PayResponse\nclient: ext\nvalidate: ext\n");
        let out = generate("docs/p", &[parse_doc("docs/p/pay.md", "pay", &ext).unwrap()]);
        let names: Vec<&str> = out.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["pay.rs", "mod.rs"], "no client.rs when every method is hand-written");
        let pay = squash(&out[0].1);
        assert!(
            pay.contains("fn validate(&self) -> Result<(), sign_core::InvalidRequest> { self.validate_ext() }"),
            "{pay}"
        );
        let plain = squash(&generate("docs/p", &docs())[1].1);
        assert!(!plain.contains("validate_ext"), "{plain}");
    }

    #[test]
    fn the_readme_table_lists_every_endpoint() {
        let table = readme_table(&docs());
        assert_eq!(
            table,
            "| client method | provider endpoint | request | response | idempotent |\n|---|---|---|---|---|\n\
             | `pay` | 支付, `POST /v1/pay` | `PayRequest` | `PayResponse` | no (never repeated once sent) |\n"
        );
    }
}
