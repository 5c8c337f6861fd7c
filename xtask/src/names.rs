//! Rust names for provider names.

const KEYWORDS: [&str; 52] = [
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in",
    "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super",
    "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn", "abstract", "become", "box",
    "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

/// `snake_case` of a provider's name: `orderNo` -> `order_no`, `threeDSMode` -> `three_ds_mode`,
/// `card-holder` -> `card_holder`.
pub fn snake(wire: &str) -> String {
    let chars: Vec<char> = wire.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && i > 0 && !out.is_empty() && !out.ends_with('_') {
                let prev = chars[i - 1];
                let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
                if prev.is_ascii_lowercase() || prev.is_ascii_digit() || (prev.is_ascii_uppercase() && next_lower) {
                    out.push('_');
                }
            }
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("field");
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert_str(0, "field_");
    }
    out
}

/// The Rust identifier of a field: its snake case, raw (`r#type`) when it is a keyword.
pub fn field_ident(wire: &str) -> String {
    let s = snake(wire);
    match s.as_str() {
        "crate" | "self" | "super" | "Self" => format!("{s}_"),
        _ if KEYWORDS.contains(&s.as_str()) => format!("r#{s}"),
        _ => s,
    }
}

/// The field identifier without a raw prefix, for building other names (`with_type`).
pub fn bare(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

/// `UpperCamelCase` of a snake_case name: `refund_query` -> `RefundQuery`.
pub fn camel(snake: &str) -> String {
    snake
        .split('_')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

/// Whether `s` can name a module.
pub fn is_module_name(s: &str) -> bool {
    let mut c = s.chars();
    c.next().is_some_and(|f| f.is_ascii_lowercase() || f == '_')
        && c.all(|x| x.is_ascii_lowercase() || x.is_ascii_digit() || x == '_')
        && !KEYWORDS.contains(&s)
        && s != "mod"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_of_provider_names() {
        for (wire, want) in [
            ("orderNo", "order_no"),
            ("matedata", "matedata"),
            ("iterms", "iterms"),
            ("threeDSMode", "three_ds_mode"),
            ("threeDsMode", "three_ds_mode"),
            ("orderID", "order_id"),
            ("URLPath", "url_path"),
            ("card-holder", "card_holder"),
            ("order_id", "order_id"),
            ("3ds", "field_3ds"),
            ("line1", "line1"),
            ("ThreeDsData", "three_ds_data"),
        ] {
            assert_eq!(snake(wire), want, "{wire}");
        }
    }

    #[test]
    fn keywords_become_raw_identifiers() {
        assert_eq!(field_ident("type"), "r#type");
        assert_eq!(bare("r#type"), "type");
        assert_eq!(field_ident("self"), "self_");
        assert_eq!(field_ident("Type"), "r#type");
        assert!(is_module_name("payment_query"));
        assert!(!is_module_name("type") && !is_module_name("mod") && !is_module_name("2x"));
    }
}
