//! Parses one Markdown API doc (the format in `docs/README.md`) into a [`Doc`].
//!
//! The parser never panics on input: every problem becomes a [`DocError`] with the file and
//! line, and it keeps going so that one run reports every problem in the file.

use crate::model::{Doc, DocError, Endpoint, EnumRepr, Field, Ty, TypeDef, TypeKind, Variant};

/// Header keys of the `endpoint` block that every endpoint gives.
const ENDPOINT_KEYS: [&str; 7] = ["name", "method", "path", "summary", "idempotent", "request", "response"];

/// Header keys an endpoint may give: `client: ext` (the client method is hand-written) and
/// `validate: ext` (the generated validation also calls the hand-written `validate_ext`).
const OPTIONAL_ENDPOINT_KEYS: [&str; 2] = ["client", "validate"];

/// Type names that would clash with what generated code refers to.
const RESERVED_TYPE_NAMES: [&str; 16] = [
    "String",
    "Option",
    "Vec",
    "Box",
    "Result",
    "Self",
    "Some",
    "None",
    "Ok",
    "Err",
    "Serialize",
    "Deserialize",
    "Default",
    "BTreeMap",
    "Value",
    "Unknown",
];

struct Parser<'a> {
    file: &'a str,
    errors: Vec<DocError>,
}

impl Parser<'_> {
    fn err(&mut self, line: usize, message: impl Into<String>) {
        self.errors.push(DocError { file: self.file.to_string(), line, message: message.into() });
    }
}

/// A `## ...` heading that a table may follow.
struct Section {
    line: usize,
    text: String,
    doc: Vec<String>,
    has_table: bool,
    /// `## Name (newtype T)`: a type without a table.
    newtype: Option<(String, Ty)>,
}

/// The state of one doc being read line by line.
struct DocReader<'a> {
    p: Parser<'a>,
    doc: Doc,
    /// The `##` section being read, if any.
    section: Option<Section>,
}

/// Parses `text`, the contents of `file` (a path relative to the workspace root, used in errors).
pub fn parse_doc(file: &str, module: &str, text: &str) -> Result<Doc, Vec<DocError>> {
    let lines: Vec<&str> = text.strip_prefix('\u{feff}').unwrap_or(text).lines().collect();
    let mut r = DocReader {
        p: Parser { file, errors: Vec::new() },
        doc: Doc { file: file.to_string(), module: module.to_string(), title: None, endpoint: None, types: Vec::new() },
        section: None,
    };
    let mut i = 0;
    while i < lines.len() {
        let trimmed = lines[i].trim();
        i = if let Some((fence, info)) = fence_open(trimmed) {
            r.code_block(&lines, i, &fence, &info)
        } else if let Some((level, heading)) = heading(trimmed) {
            r.heading(i + 1, level, heading);
            i + 1
        } else if trimmed.starts_with('|') {
            r.table(&lines, i)
        } else {
            r.prose(trimmed);
            i + 1
        };
    }
    finish(r.section.take(), &mut r.doc.types);
    duplicate_types(&mut r.p, &r.doc.types);
    if r.p.errors.is_empty() { Ok(r.doc) } else { Err(r.p.errors) }
}

impl DocReader<'_> {
    /// A fenced code block opening at `lines[start]`: the `endpoint` block is parsed, others are
    /// prose. Returns the index of the line after the block.
    fn code_block(&mut self, lines: &[&str], start: usize, fence: &str, info: &str) -> usize {
        // An unclosed fence runs to the end of the file.
        let end = (start + 1..lines.len()).find(|&j| is_fence_close(lines[j].trim(), fence)).unwrap_or(lines.len());
        if end == lines.len() {
            self.p.err(start + 1, format!("code block opened with `{fence}` is never closed"));
        }
        if info == "endpoint" {
            if self.doc.endpoint.is_some() {
                self.p.err(start + 1, "a second `endpoint` block: one endpoint per file");
            } else {
                let body: Vec<(usize, &str)> = (start + 1..end).map(|k| (k + 1, lines[k])).collect();
                self.doc.endpoint = parse_endpoint(&mut self.p, start + 1, &body);
            }
        }
        end + 1
    }

    /// A heading: `#` is the title, `##` starts a section (a type, or prose), deeper ones are
    /// prose (a table under one is an error).
    fn heading(&mut self, lineno: usize, level: usize, heading: &str) {
        finish(self.section.take(), &mut self.doc.types);
        if level == 1 && self.doc.title.is_none() {
            self.doc.title = Some(heading.to_string());
        }
        if level != 2 {
            return;
        }
        let newtype = newtype_heading(heading).and_then(|(name, ty)| newtype_of(&mut self.p, lineno, name, ty));
        self.section = Some(Section {
            line: lineno,
            text: heading.to_string(),
            doc: Vec::new(),
            has_table: newtype.is_some(),
            newtype,
        });
    }

    /// The table starting at `lines[start]`, which must be the first under a type heading.
    /// Returns the index of the line after it.
    fn table(&mut self, lines: &[&str], start: usize) -> usize {
        let end = (start..lines.len()).find(|&j| !lines[j].trim().starts_with('|')).unwrap_or(lines.len());
        let rows: Vec<(usize, &str)> = (start..end).map(|k| (k + 1, lines[k].trim())).collect();
        let lineno = start + 1;
        match self.section.as_mut() {
            None => self.p.err(lineno, "a table must directly follow a `## TypeName` heading"),
            Some(s) if s.newtype.is_some() => {
                self.p.err(lineno, format!("`## {}` is a newtype: it takes no table", s.text))
            }
            Some(s) if s.has_table => {
                self.p.err(lineno, format!("a second table under `## {}`: one table per type", s.text))
            }
            Some(s) => {
                s.has_table = true;
                let (line, text, doc) = (s.line, s.text.clone(), s.doc.clone());
                if let Some(t) = parse_type(&mut self.p, line, &text, doc, &rows) {
                    self.doc.types.push(t);
                }
            }
        }
        end
    }

    /// A line of prose: under a type heading, before its table, it is the type's doc.
    fn prose(&mut self, trimmed: &str) {
        let Some(s) = self.section.as_mut() else { return };
        if s.has_table && s.newtype.is_none() {
            return;
        }
        if !trimmed.is_empty() {
            s.doc.push(trimmed.to_string());
        } else if s.doc.last().is_some_and(|l| !l.is_empty()) {
            s.doc.push(String::new());
        }
    }
}

/// `## Name (newtype T)`: the name and type, or `None` after reporting why they are unusable.
fn newtype_of(p: &mut Parser<'_>, lineno: usize, name: &str, ty: &str) -> Option<(String, Ty)> {
    if !is_type_name(name) || RESERVED_TYPE_NAMES.contains(&name) {
        p.err(lineno, format!("`{name}` is not a usable type name: use UpperCamelCase letters and digits"));
        return None;
    }
    match parse_ty(ty) {
        Ok(Ty::Secret) => p.err(lineno, "a newtype of `secret` is not supported"),
        Ok(t) => return Some((name.to_string(), t)),
        Err(e) => p.err(lineno, format!("newtype `{name}`: {e}")),
    }
    None
}

/// Turns a finished newtype section into its type.
fn finish(section: Option<Section>, types: &mut Vec<TypeDef>) {
    if let Some(Section { line, mut doc, newtype: Some((name, ty)), .. }) = section {
        while doc.last().is_some_and(String::is_empty) {
            doc.pop();
        }
        types.push(TypeDef { name, line, doc, kind: TypeKind::Newtype(ty) });
    }
}

/// Structs and enums may be defined once per file (duplicates across files are checked later).
fn duplicate_types(p: &mut Parser<'_>, types: &[TypeDef]) {
    let mut seen: Vec<(&str, usize)> = Vec::new();
    for t in types {
        if let Some((_, first)) = seen.iter().find(|(n, _)| *n == t.name) {
            p.err(t.line, format!("type `{}` is already defined at line {first}", t.name));
        } else {
            seen.push((&t.name, t.line));
        }
    }
}

/// `Name (newtype T)` -> the name and the type text.
fn newtype_heading(heading: &str) -> Option<(&str, &str)> {
    let (name, rest) = heading.split_once('(')?;
    let inner = rest.trim_end().strip_suffix(')')?.trim().strip_prefix("newtype")?;
    if !inner.starts_with(char::is_whitespace) {
        return None;
    }
    Some((name.trim(), inner.trim()))
}

pub fn fence_open(trimmed: &str) -> Option<(String, String)> {
    for c in ['`', '~'] {
        let n = trimmed.chars().take_while(|&x| x == c).count();
        if n >= 3 {
            let fence: String = std::iter::repeat_n(c, n).collect();
            let info = trimmed[n..].trim().to_string();
            return Some((fence, info));
        }
    }
    None
}

pub fn is_fence_close(trimmed: &str, fence: &str) -> bool {
    let Some(c) = fence.chars().next() else { return false };
    let n = trimmed.chars().take_while(|&x| x == c).count();
    n >= fence.len() && trimmed.chars().all(|x| x == c)
}

fn heading(trimmed: &str) -> Option<(usize, &str)> {
    let level = trimmed.chars().take_while(|&c| c == '#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let rest = &trimmed[level..];
    if rest.is_empty() {
        return Some((level, ""));
    }
    if !rest.starts_with(' ') {
        return None;
    }
    Some((level, rest.trim().trim_end_matches('#').trim()))
}

/// The endpoint block's `key: value` lines, each with its line number.
struct Values {
    block_line: usize,
    entries: Vec<(&'static str, usize, String)>,
}

impl Values {
    /// The value of `key` and its line (the block's line and `""` when it is not given).
    fn get(&self, key: &str) -> (usize, String) {
        self.entries
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, l, v)| (*l, v.clone()))
            .unwrap_or((self.block_line, String::new()))
    }
}

/// Reads the endpoint block's lines into `key: value` pairs: unknown, repeated and removed keys
/// are errors, blank lines and `#` comments are skipped.
fn endpoint_values(p: &mut Parser<'_>, block_line: usize, body: &[(usize, &str)]) -> Values {
    let mut values = Values { block_line, entries: Vec::new() };
    for &(lineno, raw) in body {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            p.err(lineno, format!("expected `key: value` in the endpoint block, found `{line}`"));
            continue;
        };
        let key = key.trim();
        if key == "envelope" {
            let message =
                "the `envelope:` key is gone (the crate's envelope.rs holds the provider's envelope): remove it";
            p.err(lineno, message);
            continue;
        }
        let Some(known) = ENDPOINT_KEYS.iter().chain(&OPTIONAL_ENDPOINT_KEYS).find(|k| **k == key) else {
            let expected = format!("{}, {}", ENDPOINT_KEYS.join(", "), OPTIONAL_ENDPOINT_KEYS.join(", "));
            p.err(lineno, format!("unknown endpoint key `{key}` (expected one of {expected})"));
            continue;
        };
        if values.entries.iter().any(|(k, _, _)| k == known) {
            p.err(lineno, format!("endpoint key `{key}` is given twice"));
            continue;
        }
        values.entries.push((known, lineno, value.trim().to_string()));
    }
    values
}

fn parse_endpoint(p: &mut Parser<'_>, block_line: usize, body: &[(usize, &str)]) -> Option<Endpoint> {
    let values = endpoint_values(p, block_line, body);
    let missing: Vec<&str> =
        ENDPOINT_KEYS.into_iter().filter(|key| !values.entries.iter().any(|(k, _, _)| k == key)).collect();
    for key in &missing {
        p.err(block_line, format!("the endpoint block is missing `{key}:`"));
    }
    if !missing.is_empty() {
        return None;
    }
    let before = p.errors.len();
    let (name_line, name) = values.get("name");
    if !is_snake_ident(&name) {
        p.err(name_line, format!("endpoint name `{name}` must be a snake_case identifier"));
    }
    let (method_line, method) = values.get("method");
    let method = method.to_ascii_uppercase();
    if !["GET", "POST", "PUT", "DELETE"].contains(&method.as_str()) {
        p.err(method_line, format!("method `{method}` must be GET, POST, PUT or DELETE"));
    }
    let (path_line, path) = values.get("path");
    let path = strip_code(&path).to_string();
    if !path.is_empty() && !path.starts_with('/') {
        p.err(path_line, format!("path `{path}` must start with `/` (or be empty when unpublished)"));
    }
    let (idem_line, idem) = values.get("idempotent");
    let idempotent = parse_bool(&idem).unwrap_or_else(|| {
        p.err(idem_line, format!("idempotent must be `true` or `false`, found `{idem}`"));
        false
    });
    let (request_line, request) = values.get("request");
    let request = strip_code(&request).to_string();
    if !is_type_name(&request) {
        p.err(request_line, format!("request `{request}` must name a struct defined in the docs"));
    }
    let (response_line, response) = values.get("response");
    let response = parse_ty(&response).map_err(|e| p.err(response_line, format!("response: {e}"))).ok();
    let client_ext = ext_key(p, &values, "client");
    let validate_ext = ext_key(p, &values, "validate");
    if p.errors.len() > before {
        return None;
    }
    Some(Endpoint {
        line: block_line,
        name,
        method,
        path,
        summary: values.get("summary").1,
        idempotent,
        request,
        request_line,
        response: response?,
        response_line,
        client_ext,
        validate_ext,
    })
}

/// An optional `client:` / `validate:` key: `ext`, or `generated` (the default).
fn ext_key(p: &mut Parser<'_>, values: &Values, key: &str) -> bool {
    let (line, value) = values.get(key);
    match value.as_str() {
        "ext" => true,
        "" | "generated" => false,
        other => {
            p.err(line, format!("{key} must be `generated` (the default) or `ext`, found `{other}`"));
            false
        }
    }
}

fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" => Some(true),
        "false" | "no" => Some(false),
        _ => None,
    }
}

/// Removes one pair of surrounding backticks.
fn strip_code(s: &str) -> &str {
    let t = s.trim();
    if t.len() >= 2 && t.starts_with('`') && t.ends_with('`') { t[1..t.len() - 1].trim() } else { t }
}

/// Splits a table row into trimmed cells; `\|` is a literal pipe.
pub fn split_row(row: &str) -> Vec<String> {
    let mut t = row.trim();
    t = t.strip_prefix('|').unwrap_or(t);
    if t.ends_with('|') && !t.ends_with("\\|") {
        t = &t[..t.len() - 1];
    }
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cur.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cur).trim().to_string()),
            _ => cur.push(c),
        }
    }
    cells.push(cur.trim().to_string());
    cells
}

fn is_separator(cells: &[String]) -> bool {
    cells.iter().all(|c| !c.is_empty() && c.chars().all(|x| matches!(x, '-' | ':' | ' ')) && c.contains('-'))
}

/// The columns of a struct table (`constraints` is optional) and of an enum table.
const STRUCT_COLUMNS: [&str; 5] = ["field", "type", "required", "description", "constraints"];
const ENUM_COLUMNS: [&str; 3] = ["value", "variant", "description"];

/// A type heading and its table (`rows`: the table's lines, header first).
fn parse_type(
    p: &mut Parser<'_>,
    heading_line: usize,
    heading: &str,
    doc: Vec<String>,
    rows: &[(usize, &str)],
) -> Option<TypeDef> {
    let (name, repr) = type_heading(p, heading_line, heading)?;
    let columns = table_header(p, name, repr.is_some(), rows)?;
    let before = p.errors.len();
    let mut fields = Vec::new();
    let mut variants: Vec<Variant> = Vec::new();
    for &(lineno, row) in &rows[2..] {
        let cells = split_row(row);
        if cells.len() != columns.len() {
            let (n, m) = (cells.len(), columns.len());
            p.err(lineno, format!("row has {n} cells, the table has {m} columns ({})", columns.join(", ")));
            continue;
        }
        match repr {
            None => fields.extend(field_row(p, lineno, &cells)),
            Some(r) => {
                if let Some(v) = variant_row(p, lineno, &cells, r, &variants) {
                    variants.push(v);
                }
            }
        }
    }
    if p.errors.len() > before {
        return None;
    }
    let kind = match repr {
        None => {
            distinct_rust_fields(p, &fields);
            for (line, message) in crate::constraints::check_either(&fields) {
                p.err(line, message);
            }
            TypeKind::Struct(fields)
        }
        Some(_) if variants.is_empty() => {
            p.err(heading_line, format!("enum `{name}` lists no values"));
            return None;
        }
        Some(r) => TypeKind::Enum { repr: r, variants },
    };
    if p.errors.len() > before {
        return None;
    }
    let mut doc = doc;
    while doc.last().is_some_and(String::is_empty) {
        doc.pop();
    }
    Some(TypeDef { name: name.to_string(), line: heading_line, doc, kind })
}

/// `Name`, `Name (enum string)` or `Name (enum integer)`: the name, and the enum's representation.
fn type_heading<'h>(p: &mut Parser<'_>, line: usize, heading: &'h str) -> Option<(&'h str, Option<EnumRepr>)> {
    let (name, repr) = match heading.split_once('(') {
        None => (heading.trim(), None),
        Some((n, rest)) => {
            let kind = rest.trim_end().strip_suffix(')').map(|k| k.split_whitespace().collect::<Vec<_>>().join(" "));
            let repr = match kind.as_deref() {
                Some("enum string") => EnumRepr::String,
                Some("enum integer") => EnumRepr::Integer,
                _ => {
                    p.err(
                        line,
                        format!("heading `{heading}`: expected `TypeName`, `TypeName (enum string)` or `TypeName (enum integer)`"),
                    );
                    return None;
                }
            };
            (n.trim(), Some(repr))
        }
    };
    if !is_type_name(name) {
        p.err(line, format!("`{name}` is not a type name: use UpperCamelCase letters and digits"));
        return None;
    }
    if RESERVED_TYPE_NAMES.contains(&name) {
        p.err(line, format!("`{name}` is reserved: it clashes with names generated code uses"));
        return None;
    }
    Some((name, repr))
}

/// The table's header row names the columns of an enum table (`is_enum`) or a struct table (the
/// `constraints` column being optional) and a `|---|` separator follows it. Returns the columns.
fn table_header(
    p: &mut Parser<'_>,
    name: &str,
    is_enum: bool,
    rows: &[(usize, &str)],
) -> Option<&'static [&'static str]> {
    let &(hline, hrow) = rows.first()?;
    let header: Vec<String> = split_row(hrow).iter().map(|c| strip_code(c).to_ascii_lowercase()).collect();
    let columns: &'static [&'static str] = match is_enum {
        true => &ENUM_COLUMNS,
        false if header.len() == STRUCT_COLUMNS.len() => &STRUCT_COLUMNS,
        false => &STRUCT_COLUMNS[..4],
    };
    if header != columns {
        let missing: Vec<&str> = columns.iter().filter(|e| !header.iter().any(|h| h == *e)).copied().collect();
        let want = format!("| {} |", columns.join(" | "));
        let detail = if missing.is_empty() {
            format!("found `| {} |`", header.join(" | "))
        } else {
            format!("missing column{} {}", if missing.len() > 1 { "s" } else { "" }, missing.join(", "))
        };
        p.err(hline, format!("table header of `{name}` must be `{want}`: {detail}"));
        return None;
    }
    match rows.get(1) {
        Some((_, r)) if is_separator(&split_row(r)) => Some(columns),
        _ => {
            p.err(hline, "a table header must be followed by a `|---|` separator row");
            None
        }
    }
}

/// A struct table row: `| field | type | required | description |` and maybe `constraints |`.
fn field_row(p: &mut Parser<'_>, lineno: usize, cells: &[String]) -> Option<Field> {
    let wire = strip_code(&cells[0]).to_string();
    if wire.is_empty() || wire.contains(char::is_whitespace) {
        p.err(lineno, format!("field name `{wire}` must be non-empty without spaces"));
        return None;
    }
    let ty = parse_ty(&cells[1]).map_err(|e| p.err(lineno, format!("field `{wire}`: {e}"))).ok()?;
    let Some(required) = parse_bool(&cells[2]) else {
        p.err(lineno, format!("field `{wire}`: required must be `yes` or `no`, found `{}`", cells[2]));
        return None;
    };
    let cell = cells.get(4).map_or("", String::as_str);
    let rules = crate::constraints::parse_cell(cell, &ty, required)
        .map_err(|e| p.err(lineno, format!("field `{wire}`: constraints: {e}")))
        .ok()?;
    Some(Field { wire, ty, required, description: cells[3].clone(), line: lineno, rules })
}

/// An enum table row: `| value | variant | description |`; values and variants are unique.
fn variant_row(
    p: &mut Parser<'_>,
    lineno: usize,
    cells: &[String],
    repr: EnumRepr,
    earlier: &[Variant],
) -> Option<Variant> {
    let value = strip_code(&cells[0]).to_string();
    let name = strip_code(&cells[1]).to_string();
    let problem = if repr == EnumRepr::Integer && value.parse::<i64>().is_err() {
        format!("`{value}` is not an integer value")
    } else if !is_type_name(&name) || name == "Unknown" {
        format!("variant `{name}` must be UpperCamelCase and not `Unknown` (the catch-all)")
    } else if earlier.iter().any(|v| v.name == name) {
        format!("variant `{name}` is listed twice")
    } else if earlier.iter().any(|v| v.value == value) {
        format!("value `{value}` is listed twice")
    } else {
        return Some(Variant { value, name, description: cells[2].clone() });
    };
    p.err(lineno, problem);
    None
}

/// Two provider names must not map to the same Rust field.
fn distinct_rust_fields(p: &mut Parser<'_>, fields: &[Field]) {
    let mut seen: Vec<(String, usize)> = Vec::new();
    for f in fields {
        let rust = crate::names::field_ident(&f.wire);
        if let Some((_, l)) = seen.iter().find(|(n, _)| *n == rust) {
            p.err(f.line, format!("field `{}` becomes `{rust}`, like the field on line {l}", f.wire));
        } else {
            seen.push((rust, f.line));
        }
    }
}

/// Parses a type cell: `string`, `[T]`, `` `crate::x::Y` ``, `TypeName` ...
pub fn parse_ty(cell: &str) -> Result<Ty, String> {
    let raw = cell.trim();
    let s = strip_code(raw);
    if s.is_empty() {
        return Err("empty type".into());
    }
    if let Some(inner) = s.strip_prefix('[').and_then(|x| x.strip_suffix(']')) {
        let t = parse_ty(inner)?;
        if t == Ty::Secret {
            return Err("`[secret]` is not supported: wrap the secret in a named type".into());
        }
        return Ok(Ty::Array(Box::new(t)));
    }
    if let Some(path) = s.strip_prefix("crate::") {
        let ok = !path.is_empty()
            && path
                .split("::")
                .all(|seg| !seg.is_empty() && seg.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
        return if ok { Ok(Ty::Hand(s.to_string())) } else { Err(format!("`{s}` is not a valid crate path")) };
    }
    Ok(match s {
        "string" => Ty::String,
        "integer" => Ty::Integer,
        "decimal" => Ty::Decimal,
        "decimal-number" => Ty::DecimalNumber,
        "boolean" => Ty::Boolean,
        "date" => Ty::Date,
        "date-time" => Ty::DateTime,
        "secret" => Ty::Secret,
        "currency" => Ty::Currency,
        "map" => Ty::Map,
        "json" => Ty::Json,
        _ if is_type_name(s) => Ty::Named(s.to_string()),
        _ => {
            return Err(format!(
                "unknown type `{s}` (expected string, integer, decimal, decimal-number, boolean, date, date-time, \
                 secret, map, json, a TypeName, [T] or `crate::path::Type`)"
            ));
        }
    })
}

pub fn is_type_name(s: &str) -> bool {
    let mut c = s.chars();
    c.next().is_some_and(|f| f.is_ascii_uppercase()) && c.all(|x| x.is_ascii_alphanumeric())
}

fn is_snake_ident(s: &str) -> bool {
    let mut c = s.chars();
    c.next().is_some_and(|f| f.is_ascii_lowercase() || f == '_')
        && c.all(|x| x.is_ascii_lowercase() || x.is_ascii_digit() || x == '_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rule;

    fn parse(text: &str) -> Result<Doc, Vec<DocError>> {
        parse_doc("docs/p/x.md", "x", text)
    }

    fn errors(text: &str) -> Vec<String> {
        match parse(text) {
            Ok(_) => panic!("expected an error"),
            Err(e) => e.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn every_type_form() {
        let cases = [
            ("string", Ty::String),
            ("integer", Ty::Integer),
            ("decimal", Ty::Decimal),
            ("decimal-number", Ty::DecimalNumber),
            ("boolean", Ty::Boolean),
            ("date", Ty::Date),
            ("date-time", Ty::DateTime),
            ("secret", Ty::Secret),
            ("currency", Ty::Currency),
            ("map", Ty::Map),
            ("json", Ty::Json),
            ("`string`", Ty::String),
            ("Address", Ty::Named("Address".into())),
            ("[Address]", Ty::Array(Box::new(Ty::Named("Address".into())))),
            ("[[integer]]", Ty::Array(Box::new(Ty::Array(Box::new(Ty::Integer))))),
            ("`[string]`", Ty::Array(Box::new(Ty::String))),
            ("`crate::Fen`", Ty::Hand("crate::Fen".into())),
            ("`crate::money::Fen`", Ty::Hand("crate::money::Fen".into())),
        ];
        for (cell, want) in cases {
            assert_eq!(parse_ty(cell), Ok(want), "{cell}");
        }
        for bad in ["float", "", "[secret]", "address", "crate::", "`crate::a b`", "[string"] {
            assert!(parse_ty(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn byte_order_mark_and_crlf_are_accepted() {
        let doc = parse("\u{feff}# T\r\n\r\n## A\r\n\r\n| field | type | required | description |\r\n|---|---|---|---|\r\n| a | string | yes | x |\r\n").unwrap();
        assert_eq!(doc.title.as_deref(), Some("T"));
        let TypeKind::Struct(fields) = &doc.types[0].kind else { panic!("struct expected") };
        assert_eq!(fields[0].description, "x");
    }

    #[test]
    fn rows_split_on_unescaped_pipes() {
        assert_eq!(split_row("| a | b \\| c |  |"), vec!["a", "b | c", ""]);
    }

    #[test]
    fn endpoint_struct_and_enum() {
        let doc = parse(
            "# Pay\n\n```endpoint\nname: pay\nmethod: post\npath: /v1/pay\nsummary: 支付\nidempotent: false\n\
             request: PayRequest\nresponse: PayResponse\n```\n\n## PayRequest\n\nThe request.\n\n\
             | field | type | required | description |\n|---|---|---|---|\n| orderNo | string | yes | 订单号 |\n\
             | matedata | map | no | |\n\n## PayStatus (enum string)\n\n| value | variant | description |\n\
             |:--|--|--|\n| `S` | Success | 成功 |\n| F | Failed | |\n",
        )
        .unwrap();
        let e = doc.endpoint.unwrap();
        assert_eq!(
            (e.name.as_str(), e.method.as_str(), e.path.as_str(), e.idempotent),
            ("pay", "POST", "/v1/pay", false)
        );
        assert_eq!(e.response, Ty::Named("PayResponse".into()));
        assert_eq!(doc.title.as_deref(), Some("Pay"));
        assert_eq!(doc.types.len(), 2);
        assert_eq!(doc.types[0].doc, vec!["The request."]);
        let TypeKind::Struct(fields) = &doc.types[0].kind else { panic!() };
        assert_eq!(fields[0].wire, "orderNo");
        assert!(fields[0].required && !fields[1].required);
        assert_eq!(fields[0].description, "订单号");
        assert_eq!(fields[1].line, 20);
        let TypeKind::Enum { repr, variants } = &doc.types[1].kind else { panic!() };
        assert_eq!(*repr, EnumRepr::String);
        assert_eq!(variants[0].value, "S");
        assert_eq!(variants[1].name, "Failed");
    }

    #[test]
    fn other_code_blocks_and_prose_sections_are_ignored() {
        let doc = parse(
            "# T\n\n## Example\n\n```json\n| not | a | table |\n```\n\n~~~markdown\n## Fake\n| a |\n~~~\n\n\
             ## Real\n\n| field | type | required | description |\n|---|---|---|---|\n| a | integer | no | x |\n",
        )
        .unwrap();
        assert_eq!(doc.types.len(), 1);
        assert_eq!(doc.types[0].name, "Real");
        assert!(doc.endpoint.is_none());
    }

    #[test]
    fn newtypes() {
        let doc = parse("## Batch (newtype [Item])\n\nSeveral items.\n\n## Item\n\n| field | type | required | description |\n|---|---|---|---|\n").unwrap();
        assert_eq!(doc.types[0].name, "Batch");
        assert_eq!(doc.types[0].doc, vec!["Several items."]);
        assert!(matches!(&doc.types[0].kind, TypeKind::Newtype(Ty::Array(t)) if **t == Ty::Named("Item".into())));
        assert_eq!(doc.types[1].name, "Item");
        let e = errors("## Batch (newtype [Item])\n\n| field | type | required | description |\n|---|---|---|---|\n");
        assert!(
            e[0].starts_with("docs/p/x.md:3: `## Batch (newtype [Item])` is a newtype: it takes no table"),
            "{e:?}"
        );
        let e = errors("## Batch (newtype floaty)\n");
        assert!(e[0].starts_with("docs/p/x.md:1: newtype `Batch`: unknown type `floaty`"), "{e:?}");
    }

    #[test]
    fn table_with_a_missing_column_names_file_and_line() {
        let e = errors("## A\n\n| field | type | description |\n|---|---|---|\n| a | string | x |\n");
        assert_eq!(e.len(), 1);
        assert!(e[0].starts_with("docs/p/x.md:3: "), "{e:?}");
        assert!(e[0].contains("missing column required"), "{e:?}");
    }

    #[test]
    fn unknown_type_names_file_and_line() {
        let e =
            errors("## A\n\n| field | type | required | description |\n|---|---|---|---|\n| a | float | yes | x |\n");
        assert!(e[0].starts_with("docs/p/x.md:5: field `a`: unknown type `float`"), "{e:?}");
    }

    #[test]
    fn row_with_missing_cell_is_an_error() {
        let e = errors("## A\n\n| field | type | required | description |\n|---|---|---|---|\n| a | string | yes |\n");
        assert!(e[0].starts_with("docs/p/x.md:5: row has 3 cells"), "{e:?}");
    }

    #[test]
    fn bad_required_and_enum_rows() {
        let e = errors(
            "## A\n\n| field | type | required | description |\n|---|---|---|---|\n| a | string | maybe | x |\n\n\
             ## B (enum integer)\n\n| value | variant | description |\n|---|---|---|\n| x | X | |\n| 1 | Unknown | |\n\
             | 2 | Two | |\n| 2 | Deux | |\n",
        );
        assert_eq!(e.len(), 4, "{e:?}");
        assert!(e[0].starts_with("docs/p/x.md:5: field `a`: required"));
        assert!(e[1].starts_with("docs/p/x.md:11: `x` is not an integer"));
        assert!(e[2].starts_with("docs/p/x.md:12: variant `Unknown`"));
        assert!(e[3].starts_with("docs/p/x.md:14: value `2` is listed twice"));
    }

    #[test]
    fn endpoint_block_errors() {
        let e = errors("```endpoint\nname: Pay\nmethod: FETCH\nsummary: s\nfoo: bar\n```\n");
        let joined = e.join("\n");
        assert!(joined.contains("docs/p/x.md:5: unknown endpoint key `foo`"), "{joined}");
        assert!(joined.contains("docs/p/x.md:1: the endpoint block is missing `path:`"), "{joined}");
        assert!(joined.contains("missing `request:`"), "{joined}");
    }

    #[test]
    fn tables_need_a_type_heading_and_valid_names() {
        let e = errors("| field | type | required | description |\n|---|---|---|---|\n");
        assert!(e[0].starts_with("docs/p/x.md:1: a table must directly follow"), "{e:?}");
        let e = errors("## Order item\n\n| field | type | required | description |\n|---|---|---|---|\n");
        assert!(e[0].starts_with("docs/p/x.md:1: `Order item` is not a type name"), "{e:?}");
        let e = errors("## A (enum float)\n\n| value | variant | description |\n|---|---|---|\n");
        assert!(e[0].starts_with("docs/p/x.md:1: heading"), "{e:?}");
        let e = errors("## String\n\n| field | type | required | description |\n|---|---|---|---|\n");
        assert!(e[0].contains("reserved"), "{e:?}");
    }

    #[test]
    fn duplicate_fields_and_types() {
        let e = errors(
            "## A\n\n| field | type | required | description |\n|---|---|---|---|\n| orderNo | string | no | |\n\
             | order_no | string | no | |\n\n## B\n\n| field | type | required | description |\n|---|---|---|---|\n\n\
             ## B\n\n| field | type | required | description |\n|---|---|---|---|\n",
        );
        assert!(e[0].starts_with("docs/p/x.md:6: field `order_no` becomes `order_no`"), "{e:?}");
        assert!(e[1].starts_with("docs/p/x.md:13: type `B` is already defined at line 8"), "{e:?}");
    }

    #[test]
    fn the_constraints_column() {
        let head = "## A\n\n| field | type | required | description | constraints |\n|---|---|---|---|---|\n";
        let doc = parse(&format!(
            "{head}| orderNo | string | no | 订单号 | `len 5..=64`, either tradeNo |\n| tradeNo | string | no | | |\n\
             | kind | string | yes | | one-of a\\|b |\n"
        ))
        .unwrap();
        let TypeKind::Struct(fields) = &doc.types[0].kind else { panic!("struct expected") };
        assert_eq!(fields[0].rules, [Rule::Len { min: 5, max: Some(64) }, Rule::Either("tradeNo".into())]);
        assert!(fields[1].rules.is_empty());
        assert_eq!(fields[2].rules, [Rule::OneOf(vec!["a".into(), "b".into()])]);
        // Bad syntax, a rule that does not fit the type, `either` naming no field: file and line.
        let e = errors(&format!(
            "{head}| a | string | no | | len 5..64 |\n| b | integer | no | | digits |\n| c | string | no | | either z |\n"
        ));
        assert_eq!(
            e,
            [
                "docs/p/x.md:5: field `a`: constraints: `len 5..64`: expected `len N`, `len MIN..=MAX`, `len ..=MAX` or \
                 `len MIN..` (ranges include their end: `..=`)",
                "docs/p/x.md:6: field `b`: constraints: `digits`: does not apply to a field of type `integer`",
            ]
        );
        let e = errors(&format!("{head}| c | string | no | | either z |\n"));
        assert_eq!(e, ["docs/p/x.md:5: field `c`: constraint `either z` names no field of this table"]);
        // The fifth column must be called `constraints`; enum tables take none.
        let e = errors("## A\n\n| field | type | required | description | rules |\n|---|---|---|---|---|\n");
        assert!(
            e[0].starts_with(
                "docs/p/x.md:3: table header of `A` must be `| field | type | required | description | constraints |`"
            ),
            "{e:?}"
        );
        let e = errors("## A (enum string)\n\n| value | variant | description | constraints |\n|---|---|---|---|\n");
        assert!(
            e[0].starts_with("docs/p/x.md:3: table header of `A` must be `| value | variant | description |`"),
            "{e:?}"
        );
    }

    #[test]
    fn the_examples_of_docs_readme_parse() {
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/README.md")).unwrap();
        let blocks: Vec<&str> = readme.split("~~~markdown\n").skip(1).filter_map(|b| b.split("~~~\n").next()).collect();
        assert!(blocks.len() >= 2, "{blocks:?}");
        for block in blocks {
            let doc = if block.starts_with('|') { format!("## Example\n\n{block}") } else { block.to_string() };
            assert!(parse(&doc).is_ok(), "{:?}\n{doc}", parse(&doc).err());
        }
    }
}
