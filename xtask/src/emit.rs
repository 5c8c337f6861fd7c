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
    for d in &modules {
        let _ = writeln!(m, "mod {};", d.module);
    }
    m.push('\n');
    for d in &modules {
        if d.types.is_empty() {
            continue;
        }
        let mut names: Vec<&str> = d.types.iter().map(|t| t.name.as_str()).collect();
        names.sort_unstable();
        let _ = writeln!(m, "pub use {}::{{{}}};", d.module, names.join(", "));
    }
    out.push(("mod.rs".to_string(), m));
    out
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
        let target = if e.path.is_empty() {
            format!("`{}` (path not published: the client config supplies it)", e.method)
        } else {
            format!("`{} {}`", e.method, e.path)
        };
        let _ = write!(doc, "\n\nRequest of the `{}` endpoint, {target}", e.name);
        let summary = e.summary.trim().trim_end_matches(['.', '。']);
        if !summary.is_empty() {
            let _ = write!(doc, ": {}", doc_text(summary));
        }
        let _ = write!(
            doc,
            ".\n{} Response: `{}`{}.",
            if e.idempotent {
                "Idempotent (safe to retry)."
            } else {
                "Not idempotent: never retried once it may have been sent."
            },
            rust_ty(&e.response),
            if e.envelope.is_empty() { String::new() } else { format!(" inside the `{}` envelope", e.envelope) }
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
request: PayRequest\nresponse: PayResponse\nenvelope: code-msg\n```\n\n## PayRequest\n\n\
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
        assert_eq!(names, ["common.rs", "pay.rs", "mod.rs"]);
        let pay = squash(&out[1].1);
        let mod_rs = squash(&out[2].1);
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
            "Request of the `pay` endpoint, `POST /v1/pay`: 支付.",
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
            e.contains(&"docs/p/pay.md:10: response type `Nope` is not defined in these docs".to_string()),
            "{e:?}"
        );
        assert!(e.iter().any(|x| x.starts_with("docs/p/pay.md:") && x.contains("type `Item` is not defined")), "{e:?}");
    }
}
