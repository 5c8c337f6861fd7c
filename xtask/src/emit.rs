//! Turns a provider's parsed docs into Rust source text (not yet rustfmt-formatted): which items
//! go into which file, in which order, with which imports. The items themselves are the
//! [`crate::templates`].

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Doc, Endpoint, Field, Ty, TypeDef, TypeKind};
use crate::templates::{self, doc, endpoint, rust_ty};

/// What the items of one module need to know about the whole provider.
struct Provider<'a> {
    /// Type name -> the module that defines it.
    owner: BTreeMap<&'a str, &'a str>,
    /// Type name -> its definition.
    types: BTreeMap<&'a str, &'a TypeDef>,
    /// Request type name -> its endpoint.
    endpoints: BTreeMap<&'a str, &'a Endpoint>,
    /// The types with `validate_fields`: rules of their own, or holding a type with them.
    checked: BTreeSet<&'a str>,
    /// The types a request holds (request types included): they get builders.
    sent: BTreeSet<&'a str>,
}

/// Whether a value of type `ty` holds one of the `checked` types.
fn holds(ty: &Ty, checked: &BTreeSet<&str>) -> bool {
    let mut names = Vec::new();
    ty.named(&mut names);
    names.iter().any(|n| checked.contains(n.as_str()))
}

/// The types with `validate_fields`, found by adding the types that hold one until none is added.
fn checked_types<'a>(types: &BTreeMap<&'a str, &'a TypeDef>) -> BTreeSet<&'a str> {
    let mut checked: BTreeSet<&'a str> = BTreeSet::new();
    loop {
        let before = checked.len();
        for (name, t) in types {
            let has = match &t.kind {
                TypeKind::Struct(fields) => fields.iter().any(|f| !f.rules.is_empty() || holds(&f.ty, &checked)),
                TypeKind::Newtype(ty) => holds(ty, &checked),
                TypeKind::Enum { .. } => false,
            };
            if has {
                checked.insert(name);
            }
        }
        if checked.len() == before {
            return checked;
        }
    }
}

/// The types reachable from the request types through fields and newtypes (the requests included).
fn sent_types<'a>(
    types: &BTreeMap<&'a str, &'a TypeDef>,
    requests: impl Iterator<Item = &'a str>,
) -> BTreeSet<&'a str> {
    let mut sent: BTreeSet<&'a str> = BTreeSet::new();
    let mut todo: Vec<&'a str> = requests.collect();
    while let Some(name) = todo.pop() {
        let Some((key, t)) = types.get_key_value(name) else { continue };
        if !sent.insert(key) {
            continue;
        }
        let mut refs = Vec::new();
        match &t.kind {
            TypeKind::Struct(fields) => fields.iter().for_each(|f| f.ty.named(&mut refs)),
            TypeKind::Newtype(ty) => ty.named(&mut refs),
            TypeKind::Enum { .. } => {}
        }
        todo.extend(refs.iter().filter_map(|r| types.get_key_value(r.as_str()).map(|(k, _)| *k)));
    }
    sent
}

/// Generates `(file name, source)` for every module, `mod.rs`, `client.rs` and `async_client.rs`. `docs` must have
/// passed [`check::validate`](crate::check::validate); `dir` is the docs directory as shown in
/// headers, e.g. `docs/acqra-gateway`.
pub fn generate(dir: &str, docs: &[Doc]) -> Vec<(String, String)> {
    let mut p = Provider {
        owner: BTreeMap::new(),
        types: BTreeMap::new(),
        endpoints: BTreeMap::new(),
        checked: BTreeSet::new(),
        sent: BTreeSet::new(),
    };
    for d in docs {
        for t in &d.types {
            p.owner.insert(&t.name, &d.module);
            p.types.insert(&t.name, t);
        }
        if let Some(e) = &d.endpoint {
            p.endpoints.insert(&e.request, e);
        }
    }
    p.checked = checked_types(&p.types);
    p.sent = sent_types(&p.types, p.endpoints.keys().copied());
    let mut modules: Vec<&Doc> = docs.iter().collect();
    modules.sort_by(|a, b| a.module.cmp(&b.module));
    let mut out: Vec<(String, String)> =
        modules.iter().map(|d| (format!("{}.rs", d.module), module_source(d, &p))).collect();
    let client = templates::client::render(dir, docs);
    let async_client = templates::async_client::render(dir, docs);
    let names: Vec<&str> = modules.iter().map(|d| d.module.as_str()).collect();
    let reexports: Vec<(&str, Vec<String>)> = modules
        .iter()
        .map(|d| {
            let mut names: Vec<String> = d.types.iter().map(|t| t.name.clone()).collect();
            names.extend(d.endpoint.as_ref().and_then(endpoint::response_alias_name));
            names.sort_unstable();
            (d.module.as_str(), names)
        })
        .collect();
    out.push(("mod.rs".to_string(), templates::modules::mod_rs(dir, client.is_some(), &names, &reexports)));
    if let Some(client) = client {
        out.push(("client.rs".to_string(), client));
    }
    // Rendered from the same endpoints as client.rs: both exist or neither does.
    if let Some(async_client) = async_client {
        out.push(("async_client.rs".to_string(), async_client));
    }
    out
}

/// The endpoint table of the crate README.
pub fn readme_table(docs: &[Doc]) -> String {
    templates::readme::render(docs)
}

fn module_source(d: &Doc, p: &Provider<'_>) -> String {
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
    // Types of other modules used here.
    let mut imports: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for r in refs {
        if let Some(m) = p.owner.get(r.as_str())
            && *m != d.module
        {
            imports.entry(m).or_default().insert(r);
        }
    }
    let mut items: Vec<String> = d.types.iter().map(|t| type_source(d, t, p)).collect();
    items.extend(d.endpoint.as_ref().and_then(endpoint::response_alias));
    templates::modules::module(&templates::modules::Module {
        file: &d.file,
        title: d.title.as_deref(),
        uses_serde: d.types.iter().any(|t| !matches!(t.kind, TypeKind::Enum { .. })),
        imports,
        items,
    })
}

/// One type with everything generated for it: the type, its impls, its `validate_fields` and,
/// for a request, its `Endpoint` impl.
fn type_source(d: &Doc, t: &TypeDef, p: &Provider<'_>) -> String {
    let endpoint = p.endpoints.get(t.name.as_str()).copied();
    let mut doc = doc::type_doc(t);
    if let Some(e) = endpoint
        && !matches!(t.kind, TypeKind::Enum { .. })
    {
        doc = format!("{doc}\n\n{}", endpoint::request_doc(e));
    }
    let mut s = match &t.kind {
        TypeKind::Struct(fields) => {
            let boxed =
                |f: &Field| matches!(&f.ty, Ty::Named(n) if reaches(n, &t.name, &p.types, &mut BTreeSet::new()));
            let is_struct = |ty: &Ty| matches!(ty, Ty::Named(n) if matches!(p.types.get(n.as_str()).map(|t| &t.kind), Some(TypeKind::Struct(_))));
            // A doc struct, or a list of them (or of JSON values).
            let object = |f: &Field| match &f.ty {
                Ty::Array(item) => is_struct(item) || **item == Ty::Json,
                ty => is_struct(ty),
            };
            let mut s = templates::structs::render(&t.name, &doc, fields, boxed, object);
            if p.sent.contains(t.name.as_str()) && templates::builder::wanted(fields) {
                s.push('\n');
                s.push_str(&templates::builder::render(&t.name, fields, boxed));
            }
            s
        }
        TypeKind::Enum { repr, variants } => templates::enums::render(&t.name, &doc, *repr, variants),
        TypeKind::Newtype(ty) => templates::newtype::render(&t.name, &doc, &rust_ty(ty)),
    };
    let checked = p.checked.contains(t.name.as_str());
    if checked {
        let holds = |ty: &Ty| holds(ty, &p.checked);
        let checks = match &t.kind {
            TypeKind::Struct(fields) => templates::validation::struct_checks(fields, &holds),
            TypeKind::Newtype(ty) => templates::validation::newtype_checks(ty, &holds),
            TypeKind::Enum { .. } => String::new(),
        };
        s.push('\n');
        s.push_str(&templates::validation::render(&t.name, &d.file, &checks));
    }
    if let Some(e) = endpoint
        && !matches!(t.kind, TypeKind::Enum { .. })
    {
        s.push('\n');
        s.push_str(&endpoint::endpoint_impl(e, checked));
    }
    s
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

#[cfg(test)]
mod generate_tests {
    use super::*;
    use crate::check::validate;
    use crate::fixtures::{COMMON, PAY, docs, squash};
    use crate::parse::parse_doc;

    #[test]
    fn generates_models_bindings_and_reexports() {
        let docs = docs();
        assert!(validate(&docs).is_empty());
        let out = generate("docs/p", &docs);
        let names: Vec<&str> = out.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["common.rs", "pay.rs", "mod.rs", "client.rs", "async_client.rs"]);
        let pay = squash(&out[1].1);
        let mod_rs = squash(&out[2].1);
        let client = squash(&out[3].1);
        assert!(mod_rs.contains("mod async_client; mod client;"), "{mod_rs}");
        let async_client = squash(&out[4].1);
        for want in [
            "use super::{PayRequest, PayResponse};",
            "impl crate::AsyncClient {",
            "/// 支付: `POST /v1/pay`, without blocking a thread.",
            "Not idempotent: never repeated once it may have reached the provider.",
            "pub async fn pay(&self, request: &PayRequest) -> Result<PayResponse, crate::Error> { self.call(request).await }",
        ] {
            assert!(async_client.contains(&squash(want)), "missing `{want}` in\n{}", out[4].1);
        }
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
        // An optional amount reads a backend's `""` as absent.
        let want =
            "deserialize_with = \"sign_core::lenient::optional_value\")] pub rate: Option<sign_core::DecimalNumber>,";
        assert!(squash(&out[0].1).contains(&squash(want)), "missing `{want}` in\n{}", out[0].1);
        assert!(mod_rs.contains("mod common; mod pay;"), "{mod_rs}");
        assert!(mod_rs.contains("pub use pay::{Code, Kind, Node, PayRequest, PayResponse};"), "{mod_rs}");
        for want in [
            "use super::common::{Item};",
            // Text, integer and boolean fields are read leniently (a string or a number).
            "/// 订单号 #[serde(rename = \"orderNo\", deserialize_with = \"sign_core::lenient::deserialize\")] pub order_no: String,",
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
            // An optional doc struct reads PHP's `[]` and `""` as absent.
            "#[serde(default, skip_serializing_if = \"Option::is_none\", deserialize_with = \"sign_core::lenient::optional_object\")] \
             pub parent: Option<Box<Node>>,",
            // An optional list of doc structs reads `""` as absent and one object as a list of one.
            "#[serde(default, skip_serializing_if = \"Option::is_none\", deserialize_with = \"sign_core::lenient::optional_list\")] \
             pub kids: Option<Vec<Node>>,",
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
            // Enums read a string or a number alike.
            "let v = sign_core::lenient::text(deserializer)?; Ok(Self::from(v.as_str()))",
            "let v = sign_core::lenient::integer(deserializer)?; Ok(Self::from(v))",
        ] {
            assert!(pay.contains(&squash(want)), "missing `{want}` in\n{}", out[1].1);
        }
        // A request with two or more required fields has a builder naming each; `build` names a
        // missing one. Responses have none.
        for want in [
            "pub fn builder() -> PayRequestBuilder { PayRequestBuilder::default() }",
            "pub fn order_no(mut self, value: impl Into<String>) -> Self { self.order_no = Some(value.into()); self }",
            "order_no: self.order_no.ok_or_else(|| sign_core::InvalidRequest::field(\"PayRequest\", \"orderNo\", \"must be set\"))?,",
            "cvc: self.cvc,",
        ] {
            assert!(pay.contains(&squash(want)), "missing `{want}` in\n{}", out[1].1);
        }
        assert!(!pay.contains("PayResponseBuilder"), "{pay}");
        // Required fields are constructor arguments, never `Option`.
        assert!(!pay.contains("pub order_no: Option"));
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
    fn a_response_named_otherwise_gets_the_name_as_an_alias() {
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

#[cfg(test)]
mod constraint_tests {
    use super::*;
    use crate::check::validate;
    use crate::fixtures::{CHECKED, squash};
    use crate::parse::parse_doc;

    fn pay_rs(doc: &str) -> String {
        let docs = vec![parse_doc("docs/p/pay.md", "pay", doc).unwrap()];
        assert!(validate(&docs).is_empty());
        squash(&generate("docs/p", &docs).into_iter().find(|(n, _)| n == "pay.rs").unwrap().1)
    }

    #[test]
    fn constraints_become_validate_fields_run_by_the_endpoint() {
        let pay = pay_rs(CHECKED);
        for want in [
            "impl PayRequest { /// Checks the rules of the constraints column of `docs/p/pay.md`",
            "#[doc(hidden)] pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {",
            // `either`, written on both fields, is checked once, on presence.
            "sign_core::check::either(context, &sign_core::check::at(path, \"orderNo\"), \
             sign_core::check::given(self.order_no.as_deref()), &sign_core::check::at(path, \"tradeNo\"), \
             sign_core::check::given(self.trade_no.as_deref()))?;",
            // Optional fields are checked when present; secrets through expose().
            "if let Some(v) = &self.order_no { sign_core::check::len(context, &sign_core::check::at(path, \"orderNo\"), v.as_str(), 5, 64)?; }",
            "sign_core::check::len(context, &sign_core::check::at(path, \"currency\"), self.currency.as_str(), 3, 3)?; \
             sign_core::check::upper(context, &sign_core::check::at(path, \"currency\"), self.currency.as_str())?; \
             sign_core::check::pattern(context, &sign_core::check::at(path, \"currency\"), self.currency.as_str(), \"[A-Z]{3}\")?;",
            "if let Some(v) = &self.channel { sign_core::check::one_of(context, &sign_core::check::at(path, \"channel\"), *v, &[1, 2])?; \
             sign_core::check::positive(context, &sign_core::check::at(path, \"channel\"), *v)?; }",
            "sign_core::check::positive(context, &sign_core::check::at(path, \"amount\"), self.amount)?; \
             sign_core::check::scale(context, &sign_core::check::at(path, \"amount\"), self.amount, 2)?;",
            "sign_core::check::one_of(context, &sign_core::check::at(path, \"lang\"), v.as_str(), &[\"zh\", \"en\"])?;",
            // An amount against a currency field: checked when the currency is given.
            "if let Some(currency) = &self.cur { sign_core::check::minor_units(context, &sign_core::check::at(path, \"amount\"), \
             self.amount, currency)?; }",
            "if let Some(v) = &self.rate { sign_core::check::scale(context, &sign_core::check::at(path, \"rate\"), *v, 4)?; \
             sign_core::check::minor_units(context, &sign_core::check::at(path, \"rate\"), *v, &self.code)?; }",
            "pub cur: Option<sign_core::Currency>,",
            "sign_core::check::not_blank(context, &sign_core::check::at(path, \"refundNumber\"), self.refund_number.as_str())?;",
            "if let Some(v) = &self.cvc { sign_core::check::len(context, &sign_core::check::at(path, \"cvc\"), v.expose(), 3, 4)?; \
             sign_core::check::digits(context, &sign_core::check::at(path, \"cvc\"), v.expose())?; }",
            "sign_core::check::given(self.token.as_ref().map(|v| v.expose()))",
            // Nested doc types: inline, optional, in a list (with its own rule), in nested lists, in a newtype.
            "self.card.validate_fields(context, &format!(\"{path}card.\"))?; \
             if let Some(v) = &self.billing { v.validate_fields(context, &format!(\"{path}billing.\"))?; }",
            "if let Some(v) = &self.items { sign_core::check::items(context, &sign_core::check::at(path, \"items\"), v.len(), 1, usize::MAX)?; \
             for (i0, item) in v.iter().enumerate() { item.validate_fields(context, &format!(\"{path}items[{i0}].\"))?; } }",
            "sign_core::check::len(context, &sign_core::check::at(path, \"sku\"), self.sku.as_str(), 0, 32)?; if let Some(v) = &self.sub { \
             for (i0, item) in v.iter().enumerate() { for (i1, item) in item.iter().enumerate() { \
             item.validate_fields(context, &format!(\"{path}sub[{i0}][{i1}].\"))?; } } }",
            "for (i0, item) in self.0.iter().enumerate() { item.validate_fields(context, &format!(\"{path}[{i0}].\"))?; }",
            "sign_core::check::len(context, &sign_core::check::at(path, \"cardNo\"), self.card_no.expose(), 13, 19)?;",
            // The endpoint runs them.
            "/// The rules of the doc's constraints column. fn validate(&self) -> Result<(), sign_core::InvalidRequest> { \
             self.validate_fields(Self::NAME, \"\") }",
        ] {
            assert!(pay.contains(&squash(want)), "missing `{want}` in\n{pay}");
        }
        assert_eq!(pay.matches("sign_core::check::either(").count(), 2, "{pay}");
        assert_eq!(pay.matches("pub fn validate_fields").count(), 4, "PayRequest, Card, Item, Batch: {pay}");
        assert!(!pay.contains("impl Plain { /// Checks"), "a type without rules has no checks: {pay}");
    }

    #[test]
    fn constraints_then_the_hand_written_checks() {
        let pay = pay_rs(&CHECKED.replace("response: json\n", "response: json\nvalidate: ext\n"));
        let want = "fn validate(&self) -> Result<(), sign_core::InvalidRequest> { self.validate_fields(Self::NAME, \"\")?; \
                    self.validate_ext() }";
        assert!(pay.contains(&squash(want)), "{pay}");
    }

    #[test]
    fn without_rules_nothing_changes() {
        let out = generate("docs/p", &crate::fixtures::docs());
        for (_, text) in out {
            assert!(!text.contains("validate_fields") && !text.contains("fn validate(&self)"), "{text}");
        }
    }
}
