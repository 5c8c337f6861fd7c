//! The `constraints` cell of a struct table: comma-separated rules, each checked when the field is
//! present (the grammar is in `docs/README.md`; the runtime is `sign_core::check`).

use crate::model::{Field, Rule, Ty};

/// What a field's type lets a rule check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `string`, `date`, `date-time`, `secret`.
    Text,
    Integer,
    /// `decimal`, `decimal-number`.
    Amount,
    /// `[T]`.
    List,
    /// Anything else: only `either` applies.
    Other,
}

fn kind(ty: &Ty) -> Kind {
    match ty {
        Ty::String | Ty::Date | Ty::DateTime | Ty::Secret => Kind::Text,
        Ty::Integer => Kind::Integer,
        Ty::Decimal | Ty::DecimalNumber => Kind::Amount,
        Ty::Array(_) => Kind::List,
        _ => Kind::Other,
    }
}

/// The rules of a `constraints` cell for a field of type `ty`; an error says which rule is wrong
/// and why. Whether an `either` names a field of the struct is checked by [`check_either`].
pub fn parse_cell(cell: &str, ty: &Ty, required: bool) -> Result<Vec<Rule>, String> {
    let mut rules: Vec<Rule> = Vec::new();
    for text in split_rules(strip_code(cell)) {
        let text = strip_code(text);
        if text.is_empty() {
            return Err("an empty rule (two commas, or a comma at the end)".into());
        }
        let rule = parse_rule(text).map_err(|e| format!("`{text}`: {e}"))?;
        fits(&rule, ty, required).map_err(|e| format!("`{text}`: {e}"))?;
        if rules.iter().any(|r| std::mem::discriminant(r) == std::mem::discriminant(&rule)) {
            return Err(format!("`{text}`: a rule of this kind is already given for this field"));
        }
        rules.push(rule);
    }
    Ok(rules)
}

/// Splits at the commas outside `[...]` and `{...}` (a pattern's `{2,4}` keeps its comma).
fn split_rules(cell: &str) -> Vec<&str> {
    if cell.trim().is_empty() {
        return Vec::new();
    }
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0_i32, 0);
    for (i, c) in cell.char_indices() {
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(cell[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(cell[start..].trim());
    parts
}

fn strip_code(s: &str) -> &str {
    let t = s.trim();
    if t.len() >= 2 && t.starts_with('`') && t.ends_with('`') { t[1..t.len() - 1].trim() } else { t }
}

fn parse_rule(text: &str) -> Result<Rule, String> {
    let (word, arg) = match text.split_once(char::is_whitespace) {
        Some((w, a)) => (w, a.trim()),
        None => (text, ""),
    };
    let no_arg = |rule: Rule| if arg.is_empty() { Ok(rule) } else { Err(format!("`{word}` takes no argument")) };
    match word {
        "len" => parse_len(arg),
        "digits" => no_arg(Rule::Digits),
        "upper" => no_arg(Rule::Upper),
        "positive" => no_arg(Rule::Positive),
        "not-blank" => no_arg(Rule::NotBlank),
        "pattern" if pattern_ok(arg) => Ok(Rule::Pattern(arg.to_string())),
        "pattern" => Err("a pattern is one or more `[class]{m,n}` segments over ASCII characters and ranges, \
                          e.g. `[A-Z]{3}` or `[A-Z0-9]{2,4}[-][0-9]{1,8}`"
            .into()),
        "one-of" => {
            let values: Vec<String> = arg.split('|').map(|v| v.trim().to_string()).collect();
            if values.iter().any(String::is_empty) {
                return Err(
                    "expected values separated by `|` (written `\\|` in a table), e.g. `one-of CNY\\|USD`".into()
                );
            }
            if values.iter().enumerate().any(|(i, v)| values[..i].contains(v)) {
                return Err("a value is listed twice".into());
            }
            Ok(Rule::OneOf(values))
        }
        "either" if !arg.is_empty() && !arg.contains(char::is_whitespace) => Ok(Rule::Either(arg.to_string())),
        "either" => Err("expected the other field's name, e.g. `either tradeNo`".into()),
        "minor-units" if !arg.is_empty() && !arg.contains(char::is_whitespace) => Ok(Rule::MinorUnits(arg.to_string())),
        "minor-units" => Err("expected the currency field's name, e.g. `minor-units currency`".into()),
        "scale" => match arg.parse::<u32>() {
            Ok(n) if n <= 28 => Ok(Rule::Scale(n)),
            _ => Err("expected the most decimal places, 0 to 28, e.g. `scale 2`".into()),
        },
        _ => {
            Err("unknown rule (expected len, digits, upper, pattern, one-of, either, positive, scale, minor-units or \
                 not-blank)"
                .into())
        }
    }
}

/// `3`, `5..=64`, `..=64` or `5..`.
fn parse_len(arg: &str) -> Result<Rule, String> {
    let usage = "expected `len N`, `len MIN..=MAX`, `len ..=MAX` or `len MIN..`";
    let number = |s: &str| s.trim().parse::<usize>().map_err(|_| usage.to_string());
    let (min, max) = if let Some((a, b)) = arg.split_once("..=") {
        (if a.trim().is_empty() { 0 } else { number(a)? }, Some(number(b)?))
    } else if let Some(a) = arg.strip_suffix("..") {
        (number(a)?, None)
    } else if arg.contains("..") {
        return Err(format!("{usage} (ranges include their end: `..=`)"));
    } else {
        let n = number(arg)?;
        (n, Some(n))
    };
    match max {
        Some(0) => Err("a length of at most 0 allows nothing but empty values".into()),
        Some(m) if m < min => Err(format!("the range {min}..={m} is empty")),
        None if min == 0 => Err("`len 0..` allows every value".into()),
        _ => Ok(Rule::Len { min, max }),
    }
}

/// Whether `rule` can check a field of type `ty`.
fn fits(rule: &Rule, ty: &Ty, required: bool) -> Result<(), String> {
    let k = kind(ty);
    let ok = match rule {
        Rule::Len { .. } => matches!(k, Kind::Text | Kind::List),
        Rule::Digits | Rule::Upper | Rule::Pattern(_) | Rule::NotBlank => k == Kind::Text,
        Rule::OneOf(values) => match k {
            Kind::Text => true,
            Kind::Integer if values.iter().all(|v| v.parse::<i64>().is_ok()) => true,
            Kind::Integer => return Err("the values of an integer field must be integers".into()),
            _ => false,
        },
        Rule::Positive => matches!(k, Kind::Integer | Kind::Amount),
        Rule::Scale(_) | Rule::MinorUnits(_) => k == Kind::Amount,
        Rule::Either(_) if required => {
            return Err("`either` is for two optional fields, and this field is required".into());
        }
        Rule::Either(_) => true,
    };
    if ok { Ok(()) } else { Err(format!("does not apply to a field of type `{}`", type_word(ty))) }
}

fn type_word(ty: &Ty) -> String {
    match ty {
        Ty::String => "string".into(),
        Ty::Integer => "integer".into(),
        Ty::Decimal => "decimal".into(),
        Ty::DecimalNumber => "decimal-number".into(),
        Ty::Boolean => "boolean".into(),
        Ty::Date => "date".into(),
        Ty::DateTime => "date-time".into(),
        Ty::Secret => "secret".into(),
        Ty::Currency => "currency".into(),
        Ty::Map => "map".into(),
        Ty::Json => "json".into(),
        Ty::Named(n) | Ty::Hand(n) => n.clone(),
        Ty::Array(t) => format!("[{}]", type_word(t)),
    }
}

/// Every `either` names another optional field of the same struct, and every `minor-units` a
/// `currency` field of it: `(line, message)` per problem.
pub fn check_either(fields: &[Field]) -> Vec<(usize, String)> {
    let mut problems = Vec::new();
    for f in fields {
        for rule in &f.rules {
            if let Rule::MinorUnits(other) = rule {
                if !fields.iter().any(|o| o.wire == *other && o.ty == Ty::Currency) {
                    problems.push((
                        f.line,
                        format!(
                            "field `{}`: constraint `minor-units {other}` names no `currency` field of this table",
                            f.wire
                        ),
                    ));
                }
                continue;
            }
            let Rule::Either(other) = rule else { continue };
            let problem = match fields.iter().find(|o| o.wire == *other) {
                _ if *other == f.wire => "names the field itself",
                None => "names no field of this table",
                Some(o) if o.required => "names a required field (`either` is for two optional fields)",
                Some(_) => continue,
            };
            problems.push((f.line, format!("field `{}`: constraint `either {other}` {problem}", f.wire)));
        }
    }
    problems
}

/// The pattern grammar of `sign_core::check::pattern`: `[class]` segments, each optionally followed
/// by `{n}` or `{m,n}` (m <= n, n > 0); a class holds printable ASCII characters other than `[`,
/// `]` and `\`, and ranges `a-z` (a `-` first or last is itself).
pub fn pattern_ok(pattern: &str) -> bool {
    let mut rest = pattern;
    while !rest.is_empty() {
        let Some(after) = rest.strip_prefix('[') else { return false };
        let Some((class, tail)) = after.split_once(']') else { return false };
        if !class_ok(class.as_bytes()) {
            return false;
        }
        rest = tail;
        if let Some(after) = rest.strip_prefix('{') {
            let Some((counts, tail)) = after.split_once('}') else { return false };
            let (a, b) = counts.split_once(',').unwrap_or((counts, counts));
            match (a.parse::<usize>(), b.parse::<usize>()) {
                (Ok(min), Ok(max)) if min <= max && max > 0 => {}
                _ => return false,
            }
            rest = tail;
        }
    }
    !pattern.is_empty()
}

fn class_ok(class: &[u8]) -> bool {
    let plain = |c: u8| c.is_ascii_graphic() && !matches!(c, b'[' | b']' | b'\\');
    let mut i = 0;
    while i < class.len() {
        if !plain(class[i]) {
            return false;
        }
        if class.get(i + 1) == Some(&b'-') && i + 2 < class.len() {
            if !plain(class[i + 2]) || class[i + 2] < class[i] {
                return false;
            }
            i += 3;
        } else {
            i += 1;
        }
    }
    !class.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(cell: &str, ty: &Ty) -> Result<Vec<Rule>, String> {
        parse_cell(cell, ty, false)
    }

    #[test]
    fn every_rule() {
        let text = Ty::String;
        assert_eq!(rules("", &text), Ok(vec![]));
        assert_eq!(
            rules("len 5..=64, digits, not-blank", &text),
            Ok(vec![Rule::Len { min: 5, max: Some(64) }, Rule::Digits, Rule::NotBlank])
        );
        assert_eq!(rules("`len 3`", &text), Ok(vec![Rule::Len { min: 3, max: Some(3) }]));
        assert_eq!(rules("len ..=64", &text), Ok(vec![Rule::Len { min: 0, max: Some(64) }]));
        assert_eq!(rules("len 1..", &Ty::Array(Box::new(Ty::String))), Ok(vec![Rule::Len { min: 1, max: None }]));
        assert_eq!(rules("upper, len 3", &Ty::Secret), Ok(vec![Rule::Upper, Rule::Len { min: 3, max: Some(3) }]));
        assert_eq!(
            rules("pattern [A-Z0-9]{2,4}[-][0-9]{1,8}, len ..=13", &text),
            Ok(vec![Rule::Pattern("[A-Z0-9]{2,4}[-][0-9]{1,8}".into()), Rule::Len { min: 0, max: Some(13) }])
        );
        assert_eq!(rules("one-of CNY | USD", &text), Ok(vec![Rule::OneOf(vec!["CNY".into(), "USD".into()])]));
        assert_eq!(rules("one-of 1|2", &Ty::Integer), Ok(vec![Rule::OneOf(vec!["1".into(), "2".into()])]));
        assert_eq!(rules("either tradeNo", &Ty::Named("X".into())), Ok(vec![Rule::Either("tradeNo".into())]));
        assert_eq!(rules("positive, scale 2", &Ty::Decimal), Ok(vec![Rule::Positive, Rule::Scale(2)]));
        assert_eq!(rules("positive", &Ty::Integer), Ok(vec![Rule::Positive]));
        assert_eq!(rules("scale 0", &Ty::DecimalNumber), Ok(vec![Rule::Scale(0)]));
    }

    #[test]
    fn bad_rules_say_what_is_wrong() {
        let err = |cell: &str, ty: &Ty| rules(cell, ty).unwrap_err();
        let text = Ty::String;
        assert!(err("len 5..64", &text).contains("ranges include their end"));
        assert!(err("len 9..=3", &text).contains("the range 9..=3 is empty"));
        assert!(err("len ..=0", &text).contains("at most 0"));
        assert!(err("len 0..", &text).contains("allows every value"));
        assert!(err("len five", &text).starts_with("`len five`: expected `len N`"));
        assert!(err("digits 3", &text).contains("takes no argument"));
        assert!(err("lenght 3", &text).contains("unknown rule"));
        assert!(err("len 3,, digits", &text).contains("empty rule"));
        assert!(err("len 3, len 4", &text).contains("already given"));
        assert!(err("pattern [A-Z", &text).contains("`[class]{m,n}` segments"));
        assert!(err("one-of a||b", &text).contains("separated by `|`"));
        assert!(err("one-of a|a", &text).contains("listed twice"));
        assert!(err("one-of 1|x", &Ty::Integer).contains("must be integers"));
        assert!(err("either", &text).contains("the other field's name"));
        assert!(err("scale 29", &Ty::Decimal).contains("0 to 28"));
        // Rules that do not fit the field's type.
        for (cell, ty, word) in [
            ("len 3", Ty::Integer, "integer"),
            ("digits", Ty::Array(Box::new(Ty::String)), "[string]"),
            ("positive", Ty::String, "string"),
            ("scale 2", Ty::Integer, "integer"),
            ("one-of a", Ty::Boolean, "boolean"),
            ("not-blank", Ty::Named("Card".into()), "Card"),
        ] {
            assert_eq!(err(cell, &ty), format!("`{cell}`: does not apply to a field of type `{word}`"));
        }
        assert!(parse_cell("either b", &text, true).unwrap_err().contains("this field is required"));
    }

    #[test]
    fn minor_units_names_a_currency_field_and_applies_to_amounts() {
        assert_eq!(rules("minor-units currency", &Ty::Decimal), Ok(vec![Rule::MinorUnits("currency".into())]));
        assert!(rules("minor-units", &Ty::Decimal).unwrap_err().contains("currency field's name"));
        assert!(rules("minor-units currency", &Ty::Integer).unwrap_err().contains("does not apply"));
        let field = |wire: &str, ty: Ty, rules: Vec<Rule>| Field {
            wire: wire.into(),
            ty,
            required: true,
            description: String::new(),
            line: 7,
            rules,
        };
        let ok =
            [field("amount", Ty::Decimal, vec![Rule::MinorUnits("cur".into())]), field("cur", Ty::Currency, vec![])];
        assert!(check_either(&ok).is_empty());
        let text =
            [field("amount", Ty::Decimal, vec![Rule::MinorUnits("cur".into())]), field("cur", Ty::String, vec![])];
        assert_eq!(
            check_either(&text),
            [(7, "field `amount`: constraint `minor-units cur` names no `currency` field of this table".to_string())]
        );
    }

    #[test]
    fn either_names_another_optional_field() {
        let field = |wire: &str, required: bool, rules: Vec<Rule>| Field {
            wire: wire.into(),
            ty: Ty::String,
            required,
            description: String::new(),
            line: wire.len(),
            rules,
        };
        let fields = [
            field("a", false, vec![Rule::Either("bb".into())]),
            field("bb", false, vec![Rule::Either("a".into())]),
            field("ccc", false, vec![Rule::Either("nope".into())]),
            field("dddd", false, vec![Rule::Either("dddd".into())]),
            field("eeeee", false, vec![Rule::Either("req".into())]),
            field("req", true, vec![]),
        ];
        assert_eq!(
            check_either(&fields),
            [
                (3, "field `ccc`: constraint `either nope` names no field of this table".to_string()),
                (4, "field `dddd`: constraint `either dddd` names the field itself".to_string()),
                (5, "field `eeeee`: constraint `either req` names a required field (`either` is for two optional fields)"
                    .to_string()),
            ]
        );
    }

    #[test]
    fn the_pattern_grammar() {
        for ok in ["[A-Z]{3}", "[A-Z]", "[-]{1}", "[a-z_-]{0,3}[0-9]", "[A-Z0-9]{2,4}[-][0-9]{1,8}", "[.:/]{1,2}"] {
            assert!(pattern_ok(ok), "{ok}");
        }
        for bad in [
            "",
            "[]",
            "[A-Z",
            "A-Z]",
            "[A-Z]{3",
            "[A-Z]{4,2}",
            "[A-Z]{0}",
            "[Z-A]",
            "[A-Z]x",
            "[\\d]",
            "[A-Z]{a}",
            "[é]",
        ] {
            assert!(!pattern_ok(bad), "{bad}");
        }
    }
}
