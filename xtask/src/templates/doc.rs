//! Doc comments: provider prose made safe for rustdoc, and `///` lines.

use crate::model::TypeDef;

/// `text` as `///` lines; an empty line of `text` is an empty `///` line.
pub fn comment(text: &str) -> String {
    let mut s = String::new();
    for line in text.lines() {
        if line.is_empty() {
            s.push_str("///\n");
        } else {
            s.push_str("/// ");
            s.push_str(line);
            s.push('\n');
        }
    }
    s
}

/// The doc of a type: its prose, or its name when the doc has none.
pub fn type_doc(t: &TypeDef) -> String {
    let prose: Vec<String> = t.doc.iter().map(|l| if l.is_empty() { String::new() } else { doc_text(l) }).collect();
    let text = prose.join("\n").trim().to_string();
    if text.is_empty() { format!("`{}`.", t.name) } else { text }
}

/// One line of provider text as a summary: without its final full stop.
pub fn summary(text: &str) -> &str {
    text.trim().trim_end_matches(['.', '。'])
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
