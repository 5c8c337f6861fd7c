//! The frame of the generated files: a module file (header, imports, items) and `mod.rs`.

use std::collections::{BTreeMap, BTreeSet};

use super::{doc, fill, spaced};

const MODULE: &str = r#"
// @generated from {{file}} by `cargo xtask codegen`; do not edit.
{{title}}

{{serde}}
{{imports}}
{{items}}
"#;

const TITLE: &str = r#"
//! {{title}}
//!
//! Generated from `{{file}}`.
"#;

const NO_TITLE: &str = r#"
//! Types generated from `{{file}}`.
"#;

const MOD_RS: &str = r#"
// @generated from {{dir}}/*.md by `cargo xtask codegen`; do not edit.
//! Models and endpoint bindings generated from `{{dir}}/`: one module per doc file.
//!
//! Do not edit: change the docs and run `cargo xtask codegen`.

{{client}}
{{modules}}

{{reexports}}
"#;

/// A module file generated from the doc `file`.
pub struct Module<'a> {
    pub file: &'a str,
    pub title: Option<&'a str>,
    /// Whether an item derives serde's traits (structs and newtypes do).
    pub uses_serde: bool,
    /// Types of other modules used here: module -> type names.
    pub imports: BTreeMap<&'a str, BTreeSet<String>>,
    /// The items, in doc order.
    pub items: Vec<String>,
}

/// The module file's text.
pub fn module(m: &Module<'_>) -> String {
    let title = match m.title {
        Some(t) => fill(TITLE, &[("title", &doc::doc_text(t)), ("file", m.file)]),
        None => fill(NO_TITLE, &[("file", m.file)]),
    };
    let imports: String = m
        .imports
        .iter()
        .map(|(module, names)| {
            let list: Vec<&str> = names.iter().map(String::as_str).collect();
            format!("use super::{module}::{{{}}};\n", list.join(", "))
        })
        .collect();
    fill(
        MODULE,
        &[
            ("file", m.file),
            ("title", &title),
            ("serde", if m.uses_serde { "use serde::{Deserialize, Serialize};" } else { "" }),
            ("imports", &imports),
            ("items", &spaced(m.items.iter().cloned())),
        ],
    )
}

/// `generated/mod.rs`: the modules (sorted), `mod client;` and `mod async_client;` when there are client
/// files, and
/// `reexports` (module, type names) as `pub use` lines.
pub fn mod_rs(dir: &str, has_client: bool, modules: &[&str], reexports: &[(&str, Vec<String>)]) -> String {
    let modules: String = modules.iter().map(|m| format!("mod {m};\n")).collect();
    let reexports: String = reexports
        .iter()
        .filter(|(_, names)| !names.is_empty())
        .map(|(m, names)| format!("pub use {m}::{{{}}};\n", names.join(", ")))
        .collect();
    fill(
        MOD_RS,
        &[
            ("dir", dir),
            ("client", if has_client { "mod async_client;\nmod client;" } else { "" }),
            ("modules", &modules),
            ("reexports", &reexports),
        ],
    )
}
