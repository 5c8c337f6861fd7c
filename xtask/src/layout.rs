//! `cargo xtask layout`: every provider crate has the common shape described in `docs/README.md`,
//! so a reader who knows one crate finds their way in all of them.
//!
//! A provider crate is `crates/<p>` with a `docs/<p>/` directory. [`check`] reads the tree and
//! returns one message per problem, each naming the crate (or doc) and the file.

use std::path::{Path, PathBuf};

/// The modules every provider crate has in `src/`.
const MODULES: [&str; 7] = ["lib", "config", "auth", "envelope", "client", "async_client", "error"];

/// Hand-written files `src/` may hold besides [`MODULES`] and `*_ext.rs`.
const ALSO_ALLOWED: [&str; 1] = ["callback"];

/// Directories of `src/` that are not hand-written modules of their own.
const SRC_DIRS: [&str; 2] = ["sandbox", "generated"];

/// The test files every provider crate has.
const TESTS: [&str; 4] = ["client", "sandbox", "secrets", "quickstart"];

/// Lines that must appear in `src/lib.rs`.
const LIB_LINES: [&str; 2] = ["#![doc = include_str!(\"../README.md\")]", "pub use sign_core;"];

/// How many attribute and comment lines above a `fn` its `#[test]` may be (`#[ignore]`, `#[cfg]`,
/// doc comments).
const TEST_ATTRIBUTE_REACH: usize = 5;

/// The provider crates under `root`: `crates/<p>` with `docs/<p>/`, sorted; only those named in
/// `only` when it is not empty.
pub fn providers(root: &Path, only: &[String]) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(root.join("crates"))
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    out.retain(|p| root.join("docs").join(p).is_dir() && (only.is_empty() || only.contains(p)));
    out.sort();
    out
}

/// Checks `providers` (and, for a second request trait, also the crates under `crates/` that are
/// not providers: sign-core, ...); one message per problem.
pub fn check(root: &Path, providers: &[String]) -> Vec<String> {
    let mut problems = Vec::new();
    for p in providers {
        let krate = root.join("crates").join(p);
        let at = |file: &str| format!("crates/{p}/{file}");
        if !krate.join("Cargo.toml").is_file() {
            problems.push(format!("{}: missing (docs/{p}/ documents a provider without a crate)", at("Cargo.toml")));
            continue;
        }
        required_files(&krate, &at, &mut problems);
        lib_and_readme(&krate, &at, &mut problems);
        unspecified_table(&krate, &at, &mut problems);
        src_names(&krate, &at, &mut problems);
        endpoints(root, p, &mut problems);
    }
    second_request_traits(root, providers, &mut problems);
    problems
}

/// The modules, `src/generated/`, the example and the test files.
fn required_files(krate: &Path, at: &dyn Fn(&str) -> String, problems: &mut Vec<String>) {
    let mut files: Vec<String> = MODULES.iter().map(|m| format!("src/{m}.rs")).collect();
    files.push("examples/quickstart.rs".into());
    files.push("examples/async.rs".into());
    files.extend(TESTS.iter().map(|t| format!("tests/{t}.rs")));
    for f in files {
        if !krate.join(&f).is_file() {
            problems.push(format!("{}: missing (every provider crate has it)", at(&f)));
        }
    }
    if !krate.join("src/generated").is_dir() {
        problems
            .push(format!("{}: missing (the code `cargo xtask codegen` writes from the docs)", at("src/generated/")));
    }
}

/// `lib.rs` takes its docs from the README and re-exports sign-core; the README has the markers of
/// the generated endpoint table.
fn lib_and_readme(krate: &Path, at: &dyn Fn(&str) -> String, problems: &mut Vec<String>) {
    if let Ok(lib) = std::fs::read_to_string(krate.join("src/lib.rs")) {
        for line in LIB_LINES {
            if !lib.lines().any(|l| l.trim() == line) {
                problems.push(format!("{}: lacks the line `{line}`", at("src/lib.rs")));
            }
        }
    }
    match std::fs::read_to_string(krate.join("README.md")) {
        Err(_) => problems.push(format!("{}: missing (the crate's front page, included by lib.rs)", at("README.md"))),
        Ok(readme) => {
            for marker in [crate::TABLE_BEGIN, crate::TABLE_END] {
                if !readme.lines().any(|l| l.trim() == marker) {
                    problems
                        .push(format!("{}: lacks the line `{marker}` (the generated endpoint table)", at("README.md")));
                }
            }
        }
    }
}

/// The README section every provider crate has (issue 12): what its provider leaves unspecified.
const UNSPECIFIED: &str = "## What the provider leaves unspecified";

/// The header of that section's table.
const UNSPECIFIED_HEADER: [&str; 4] = ["ambiguity", "what the crate does", "setting that overrides it", "tests"];

/// The README's "What the provider leaves unspecified" table: the four columns of
/// [`UNSPECIFIED_HEADER`], and every row backed by at least one `#[test]` function of the crate,
/// named in backticks in its `tests` cell.
fn unspecified_table(krate: &Path, at: &dyn Fn(&str) -> String, problems: &mut Vec<String>) {
    let Ok(readme) = std::fs::read_to_string(krate.join("README.md")) else { return };
    let at = at("README.md");
    let Some(start) = readme.lines().position(|l| l.trim() == UNSPECIFIED) else {
        problems.push(format!("{at}: lacks the section `{UNSPECIFIED}`"));
        return;
    };
    let section: Vec<(usize, &str)> = readme
        .lines()
        .enumerate()
        .skip(start + 1)
        .take_while(|(_, l)| !l.starts_with("## "))
        .filter(|(_, l)| l.trim_start().starts_with('|'))
        .collect();
    let header = section.first().map(|(_, l)| table_cells(l));
    let header: Option<Vec<String>> = header.map(|h| h.iter().map(|c| c.to_lowercase()).collect());
    if header.as_deref() != Some(&UNSPECIFIED_HEADER.map(str::to_owned)[..]) {
        problems.push(format!(
            "{at}: the table under `{UNSPECIFIED}` must have the columns | {} |",
            UNSPECIFIED_HEADER.join(" | ")
        ));
        return;
    }
    let tests: Vec<String> = ["src", "tests", "examples"]
        .iter()
        .flat_map(|d| rust_files(&krate.join(d)))
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .flat_map(|text| test_fns(&text))
        .collect();
    let rows: Vec<&(usize, &str)> = section.iter().skip(2).collect();
    if rows.is_empty() {
        problems.push(format!("{at}: the table under `{UNSPECIFIED}` has no rows"));
    }
    for (line, row) in rows {
        let cells = table_cells(row);
        let line = line + 1;
        if cells.len() != UNSPECIFIED_HEADER.len() {
            problems.push(format!(
                "{at}:{line}: a row needs {} cells, found {}",
                UNSPECIFIED_HEADER.len(),
                cells.len()
            ));
            continue;
        }
        let names = backticked(&cells[3]);
        if names.is_empty() {
            problems.push(format!("{at}:{line}: the tests cell names no test (write `test_fn_name`)"));
        }
        for name in names {
            if !tests.contains(&name) {
                problems.push(format!("{at}:{line}: `{name}` is not a #[test] function of this crate"));
            }
        }
    }
}

/// The cells of a Markdown table row, trimmed; `|` inside backticks or escaped as `\|` does not
/// split.
fn table_cells(row: &str) -> Vec<String> {
    let row = row.trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let row = row.strip_suffix('|').unwrap_or(row);
    let mut cells = vec![String::new()];
    let (mut code, mut escaped) = (false, false);
    for c in row.chars() {
        match c {
            '|' if !code && !escaped => cells.push(String::new()),
            _ => {
                if c == '`' {
                    code = !code;
                }
                cells.last_mut().expect("one cell at least").push(c);
            }
        }
        escaped = c == '\\';
    }
    cells.iter().map(|c| c.trim().to_owned()).collect()
}

/// The identifiers written in backticks in `cell` (`` `a_test` `` -> `a_test`); other code spans
/// (paths, values) are ignored.
fn backticked(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .map(str::to_owned)
        .collect()
}

/// Every other hand-written file directly in `src/` is an `*_ext.rs` file.
fn src_names(krate: &Path, at: &dyn Fn(&str) -> String, problems: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(krate.join("src")) else { return };
    let mut names: Vec<(String, bool)> =
        entries.flatten().map(|e| (e.file_name().to_string_lossy().into_owned(), e.path().is_dir())).collect();
    names.sort();
    for (name, is_dir) in names {
        let ok = if is_dir {
            SRC_DIRS.contains(&name.as_str()) || name.ends_with("_ext")
        } else {
            let Some(stem) = name.strip_suffix(".rs") else { continue };
            MODULES.contains(&stem) || ALSO_ALLOWED.contains(&stem) || stem.ends_with("_ext")
        };
        if !ok {
            let what = if is_dir { format!("src/{name}/") } else { format!("src/{name}") };
            problems.push(format!(
                "{}: a hand-written module is named `<doc stem>_ext` or `<concept>_ext` (besides {}, {}, \
                 sandbox/ and generated/)",
                at(&what),
                MODULES.join(", "),
                ALSO_ALLOWED.join(", ")
            ));
        }
    }
}

/// The facts of an endpoint doc the layout depends on.
struct EndpointDoc {
    file: String,
    name: String,
    client_ext: bool,
}

/// Every endpoint has a test named after it; a hand-written client method is in its `_ext.rs`.
fn endpoints(root: &Path, p: &str, problems: &mut Vec<String>) {
    let krate = root.join("crates").join(p);
    let mut sources = rust_files(&krate.join("tests"));
    sources.extend(rust_files(&krate.join("src")));
    let tests: Vec<String> =
        sources.iter().filter_map(|f| std::fs::read_to_string(f).ok()).flat_map(|t| test_fns(&t)).collect();
    for e in endpoint_docs(&root.join("docs").join(p), p) {
        let prefix = format!("{}_", e.name);
        if !tests.iter().any(|t| t.starts_with(&prefix)) {
            problems.push(format!(
                "{}: endpoint `{}` has no test: name one `fn {prefix}...` (a #[test] in crates/{p}/tests/ or src/)",
                e.file, e.name
            ));
        }
        if e.client_ext {
            let ext = format!("src/{}_ext.rs", e.name);
            let has_method =
                std::fs::read_to_string(krate.join(&ext)).is_ok_and(|t| t.contains(&format!("fn {}(", e.name)));
            if !has_method {
                problems.push(format!(
                    "crates/{p}/{ext}: lacks `fn {}(`: {} says `client: ext`, so the client method is written there",
                    e.name, e.file
                ));
            }
        }
    }
}

/// The endpoint docs of `dir`: the `name:` and `client:` keys of each `endpoint` block.
fn endpoint_docs(dir: &Path, p: &str) -> Vec<EndpointDoc> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    files.retain(|f| f.extension().is_some_and(|x| x == "md"));
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else { continue };
        let file = format!("docs/{p}/{}", f.file_name().unwrap_or_default().to_string_lossy());
        let mut fence: Option<(String, bool)> = None;
        let (mut name, mut client_ext) = (None, false);
        for line in text.lines().map(str::trim) {
            match &fence {
                None => fence = crate::parse::fence_open(line).map(|(f, info)| (f, info == "endpoint")),
                Some((f, _)) if crate::parse::is_fence_close(line, f) => fence = None,
                Some((_, true)) => match line.split_once(':').map(|(k, v)| (k.trim(), v.trim())) {
                    Some(("name", v)) => name = Some(v.to_string()),
                    Some(("client", v)) => client_ext = v == "ext",
                    _ => {}
                },
                Some((_, false)) => {}
            }
        }
        if let Some(name) = name.filter(|n| !n.is_empty()) {
            out.push(EndpointDoc { file, name, client_ext });
        }
    }
    out
}

/// Every `.rs` file under `dir`, recursively, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    for e in entries.flatten() {
        let path = e.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The names of the `#[test]` functions of a source file.
fn test_fns(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(name) = fn_name(line) else { continue };
        let above = lines[i.saturating_sub(TEST_ATTRIBUTE_REACH)..i].iter().rev();
        if above.take_while(|l| l.starts_with("#[") || l.starts_with("//")).any(|l| l.starts_with("#[test]")) {
            out.push(name.to_string());
        }
    }
    out
}

/// The name of the function a line declares.
fn fn_name(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("pub ").unwrap_or(line);
    let rest = rest.strip_prefix("async ").unwrap_or(rest);
    let rest = rest.strip_prefix("fn ")?;
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
    (end > 0).then_some(&rest[..end])
}

/// No crate defines a request trait of its own: a trait whose supertraits (or `where Self:`
/// bounds) name `Endpoint`. `sign_core::Endpoint` itself is the one.
fn second_request_traits(root: &Path, providers: &[String], problems: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(root.join("crates")) else { return };
    let mut crates: Vec<String> = entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    crates.retain(|c| providers.contains(c) || !root.join("docs").join(c).is_dir());
    crates.sort();
    for c in crates {
        let src = root.join("crates").join(&c).join("src");
        for file in rust_files(&src) {
            let Ok(text) = std::fs::read_to_string(&file) else { continue };
            let rel = file.strip_prefix(root).unwrap_or(&file).to_string_lossy().replace('\\', "/");
            for (line, name) in request_traits(&text) {
                if c == "sign-core" && name == "Endpoint" {
                    continue;
                }
                problems.push(format!(
                    "{rel}:{line}: trait `{name}` extends `Endpoint`: sign_core::Endpoint is the one request trait \
                     (its `validate` holds the checks)"
                ));
            }
        }
    }
}

/// `(line, name)` of every trait declared in `text` whose supertraits mention `Endpoint`.
fn request_traits(text: &str) -> Vec<(usize, String)> {
    // Comments out, lines kept, so positions map back to line numbers.
    let code: String = text
        .lines()
        .map(|l| if l.trim_start().starts_with("//") { "" } else { l.split(" //").next().unwrap_or(l) })
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = code[from..].find("trait ").map(|i| i + from) {
        from = at + "trait ".len();
        if at > 0 && code[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &code[from..];
        let name_end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
        let header_end = rest.find(['{', ';']).unwrap_or(rest.len());
        if name_end == 0 || name_end > header_end {
            continue;
        }
        let bounds = supertraits(&rest[name_end..header_end]);
        if has_word(&bounds, "Endpoint") {
            let line = code[..at].matches('\n').count() + 1;
            out.push((line, rest[..name_end].to_string()));
        }
    }
    out
}

/// The supertrait bounds of a trait header after its name: `<..>: A + B where Self: C`.
fn supertraits(header: &str) -> String {
    let mut rest = header.trim_start();
    if rest.starts_with('<') {
        // Skip the generic parameters (their bounds are not supertraits).
        let mut depth = 0;
        let end = rest
            .char_indices()
            .find(|&(_, c)| {
                depth += match c {
                    '<' => 1,
                    '>' => -1,
                    _ => 0,
                };
                depth == 0
            })
            .map_or(rest.len(), |(i, _)| i + 1);
        rest = &rest[end..];
    }
    let (bounds, clause) = match rest.find("where") {
        Some(w) => (&rest[..w], &rest[w + "where".len()..]),
        None => (rest, ""),
    };
    let mut out = bounds.trim_start().strip_prefix(':').unwrap_or("").to_string();
    for predicate in clause.split(',') {
        if let Some(b) = predicate.trim().strip_prefix("Self") {
            out.push_str(b);
        }
    }
    out
}

fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENDPOINT_DOC: &str = "# Pay\n\n```endpoint\nname: pay\nmethod: POST\npath: /pay\nsummary: s\nidempotent: false\n\
                                request: PayRequest\nresponse: json\n```\n";

    /// A scratch tree with one provider `p` that follows the layout, and sign-core.
    fn good_tree(name: &str) -> PathBuf {
        let root = std::env::temp_dir().join(format!("xtask-layout-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let files: &[(&str, &str)] = &[
            ("docs/p/pay.md", ENDPOINT_DOC),
            (
                "docs/p/refund.md",
                &ENDPOINT_DOC
                    .replace("name: pay", "name: refund")
                    .replace("response: json", "response: json\nclient: ext"),
            ),
            ("docs/p/README.md", "# Notes\n"),
            ("docs/README.md", "# not a provider\n"),
            ("crates/p/Cargo.toml", "[package]\n"),
            (
                "crates/p/README.md",
                "# p\n\n## Endpoints\n\n<!-- endpoints:begin -->\n<!-- endpoints:end -->\n\n\
                 ## What the provider leaves unspecified\n\n\
                 | ambiguity | what the crate does | setting that overrides it | tests |\n|---|---|---|---|\n\
                 | a `\\|` b | reads `x|y` | `Config::x` | `reads_numbers_for_texts` |\n\n## Next\n",
            ),
            (
                "crates/p/src/lib.rs",
                "#![doc = include_str!(\"../README.md\")]\npub mod generated;\nmod refund_ext;\npub use sign_core;\n",
            ),
            ("crates/p/src/config.rs", ""),
            ("crates/p/src/auth.rs", ""),
            ("crates/p/src/envelope.rs", ""),
            ("crates/p/src/client.rs", "/// See the trait Foo: Endpoint note.\npub trait Sealed {}\n"),
            ("crates/p/src/async_client.rs", ""),
            ("crates/p/src/error.rs", ""),
            ("crates/p/src/callback.rs", ""),
            (
                "crates/p/src/refund_ext.rs",
                "impl crate::Client {\n    pub fn refund(&self) {}\n}\n#[cfg(test)]\nmod tests {\n    #[test]\n    \
                 fn refund_is_hand_written() {}\n}\n",
            ),
            ("crates/p/src/generated/mod.rs", ""),
            ("crates/p/src/sandbox/mod.rs", "pub fn pay_sandbox() {}\n"),
            ("crates/p/examples/quickstart.rs", ""),
            ("crates/p/examples/async.rs", ""),
            ("crates/p/tests/client.rs", "#[test]\n/// doc\n#[ignore]\nfn pay_sends_the_order() {}\n"),
            ("crates/p/tests/sandbox.rs", "#[test]\nfn reads_numbers_for_texts() {}\n"),
            ("crates/p/tests/secrets.rs", ""),
            ("crates/p/tests/quickstart.rs", ""),
            ("crates/sign-core/Cargo.toml", "[package]\n"),
            ("crates/sign-core/src/http.rs", "pub trait Endpoint: Serialize {\n    const NAME: &'static str;\n}\n"),
        ];
        for (path, text) in files {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        root
    }

    fn problems(root: &Path) -> Vec<String> {
        check(root, &providers(root, &[]))
    }

    #[test]
    fn a_tree_with_the_common_layout_passes() {
        let root = good_tree("good");
        assert_eq!(providers(&root, &[]), ["p"], "crates with a docs directory");
        assert_eq!(problems(&root), Vec::<String>::new());
        let _ = std::fs::remove_dir_all(&root);
    }

    /// Applies `change` to a good tree and returns the problems found.
    fn broken(name: &str, change: impl FnOnce(&Path)) -> Vec<String> {
        let root = good_tree(name);
        change(&root);
        let found = problems(&root);
        let _ = std::fs::remove_dir_all(&root);
        found
    }

    fn write(root: &Path, path: &str, text: &str) {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn missing_modules_generated_dir_example_and_tests() {
        let e = broken("missing", |r| {
            std::fs::remove_file(r.join("crates/p/src/envelope.rs")).unwrap();
            std::fs::remove_dir_all(r.join("crates/p/src/generated")).unwrap();
            std::fs::remove_file(r.join("crates/p/examples/quickstart.rs")).unwrap();
            std::fs::remove_file(r.join("crates/p/tests/secrets.rs")).unwrap();
        });
        assert_eq!(
            e,
            [
                "crates/p/src/envelope.rs: missing (every provider crate has it)",
                "crates/p/examples/quickstart.rs: missing (every provider crate has it)",
                "crates/p/tests/secrets.rs: missing (every provider crate has it)",
                "crates/p/src/generated/: missing (the code `cargo xtask codegen` writes from the docs)",
            ]
        );
    }

    #[test]
    fn lib_rs_includes_the_readme_and_reexports_sign_core() {
        let e = broken("lib", |r| write(r, "crates/p/src/lib.rs", "//! Hand-kept guide.\npub mod generated;\n"));
        assert_eq!(
            e,
            [
                "crates/p/src/lib.rs: lacks the line `#![doc = include_str!(\"../README.md\")]`",
                "crates/p/src/lib.rs: lacks the line `pub use sign_core;`",
            ]
        );
    }

    #[test]
    fn the_readme_has_the_endpoint_table_markers() {
        let e = broken("readme", |r| write(r, "crates/p/README.md", "# p\n\n<!-- endpoints:begin -->\n"));
        assert_eq!(
            e,
            [
                "crates/p/README.md: lacks the line `<!-- endpoints:end -->` (the generated endpoint table)",
                "crates/p/README.md: lacks the section `## What the provider leaves unspecified`",
            ]
        );
        let e = broken("no-readme", |r| std::fs::remove_file(r.join("crates/p/README.md")).unwrap());
        assert_eq!(e, ["crates/p/README.md: missing (the crate's front page, included by lib.rs)"]);
    }

    #[test]
    fn other_hand_written_modules_are_ext_files() {
        let e = broken("names", |r| {
            write(r, "crates/p/src/models.rs", "");
            write(r, "crates/p/src/money/mod.rs", "");
            write(r, "crates/p/src/money_ext.rs", "");
            write(r, "crates/p/src/notes.txt", "");
        });
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(e[0].starts_with("crates/p/src/models.rs: a hand-written module is named `<doc stem>_ext`"), "{e:?}");
        assert!(e[1].starts_with("crates/p/src/money/: a hand-written module"), "{e:?}");
    }

    #[test]
    fn no_second_request_trait_anywhere() {
        let e = broken("trait", |r| {
            write(r, "crates/p/src/order_ext.rs", "use x;\n\npub trait GatewayRequest: Endpoint {\n}\n");
            write(r, "crates/other/src/lib.rs", "trait OpayRequest:\n    sign_core::Endpoint + Sealed\n{\n}\n");
            write(r, "crates/p/src/where_ext.rs", "pub trait Checked where Self: sign_core::Endpoint {}\n");
            // Not request traits: a generic parameter bound, a name that only contains the word.
            write(r, "crates/p/src/fine_ext.rs", "pub trait Batch<E: Endpoint> {}\npub trait X: EndpointLike {}\n");
        });
        assert_eq!(
            e,
            [
                "crates/other/src/lib.rs:1: trait `OpayRequest` extends `Endpoint`: sign_core::Endpoint is the one \
                 request trait (its `validate` holds the checks)",
                "crates/p/src/order_ext.rs:3: trait `GatewayRequest` extends `Endpoint`: sign_core::Endpoint is the one \
                 request trait (its `validate` holds the checks)",
                "crates/p/src/where_ext.rs:1: trait `Checked` extends `Endpoint`: sign_core::Endpoint is the one \
                 request trait (its `validate` holds the checks)",
            ]
        );
    }

    #[test]
    fn a_named_provider_is_checked_with_the_shared_crates_only() {
        let root = good_tree("only");
        write(&root, "docs/q/x.md", "");
        write(&root, "crates/q/src/lib.rs", "pub trait QRequest: Endpoint {}\n");
        write(&root, "crates/shared/src/lib.rs", "pub trait SharedRequest: Endpoint {}\n");
        let e = check(&root, &providers(&root, &["p".to_string()]));
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].starts_with("crates/shared/src/lib.rs:1: trait `SharedRequest`"), "{e:?}");
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn every_endpoint_has_a_test_named_after_it() {
        let e = broken("tests", |r| {
            // A test of another name, and a non-test fn with the right name, do not count.
            write(r, "crates/p/tests/client.rs", "#[test]\nfn sends_a_payment() {}\n\nfn pay_helper() {}\n");
        });
        assert_eq!(
            e,
            ["docs/p/pay.md: endpoint `pay` has no test: name one `fn pay_...` (a #[test] in crates/p/tests/ or src/)"]
        );
    }

    #[test]
    fn a_hand_written_client_method_is_in_its_ext_file() {
        let e = broken("ext", |r| write(r, "crates/p/src/refund_ext.rs", "#[test]\nfn refund_works() {}\n"));
        assert_eq!(
            e,
            ["crates/p/src/refund_ext.rs: lacks `fn refund(`: docs/p/refund.md says `client: ext`, so the client \
              method is written there"]
        );
    }

    #[test]
    fn a_docs_directory_without_a_crate() {
        let e = broken("orphan", |r| std::fs::create_dir_all(r.join("docs/q")).unwrap());
        assert!(e.is_empty(), "only crates with docs are providers: {e:?}");
        let root = good_tree("orphan2");
        assert_eq!(providers(&root, &["p".to_string(), "q".to_string()]), ["p"]);
        std::fs::create_dir_all(root.join("crates/q")).unwrap();
        std::fs::create_dir_all(root.join("docs/q")).unwrap();
        assert_eq!(
            check(&root, &providers(&root, &[])),
            ["crates/q/Cargo.toml: missing (docs/q/ documents a provider without a crate)"]
        );
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn every_unspecified_row_names_an_existing_test() {
        let table = |rows: &str| {
            format!(
                "# p\n\n<!-- endpoints:begin -->\n<!-- endpoints:end -->\n\n## What the provider leaves unspecified\n\n\
                 | ambiguity | what the crate does | setting that overrides it | tests |\n|---|---|---|---|\n{rows}"
            )
        };
        let readme = |text: String| move |r: &Path| write(r, "crates/p/README.md", &text);
        let e =
            broken("unspecified-missing-test", readme(table("| a | b | — | `no_such_test` |\n| c | d | — | none |\n")));
        assert_eq!(
            e,
            [
                "crates/p/README.md:10: `no_such_test` is not a #[test] function of this crate",
                "crates/p/README.md:11: the tests cell names no test (write `test_fn_name`)",
            ]
        );
        let e = broken("unspecified-cells", readme(table("| a | b | `reads_numbers_for_texts` |\n")));
        assert_eq!(e, ["crates/p/README.md:10: a row needs 4 cells, found 3"]);
        let e = broken("unspecified-empty", readme(table("")));
        assert_eq!(e, ["crates/p/README.md: the table under `## What the provider leaves unspecified` has no rows"]);
        let e = broken(
            "unspecified-header",
            readme(table("").replace("| tests |", "| test |") + "| a | b | — | `reads_numbers_for_texts` |\n"),
        );
        assert_eq!(
            e,
            ["crates/p/README.md: the table under `## What the provider leaves unspecified` must have the columns \
                 | ambiguity | what the crate does | setting that overrides it | tests |"]
        );
    }

    #[test]
    fn table_cells_keep_pipes_in_code_and_escapes() {
        assert_eq!(table_cells("| a `x|y` | b \\| c | d |"), ["a `x|y`", "b \\| c", "d"]);
        assert_eq!(backticked("`one_test`, `Config::x`, `two`"), ["one_test", "two"]);
    }
}
