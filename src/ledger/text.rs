//! Normalising what people type in a spreadsheet so that labels compare as meant: full-width
//! letters, digits and brackets as half-width, no spaces or quotation marks, one kind of dash.

/// One character in its half-width form, with one kind of dash and bracket.
fn half_width(c: char) -> char {
    match c {
        '—' | '–' | '―' | '─' | '－' | '‐' | '‑' | '~' | '～' => '-',
        '【' | '〔' | '［' => '(',
        '】' | '〕' | '］' => ')',
        '\u{3000}' => ' ',
        // Full-width ASCII (！ to ～) is ASCII shifted by 0xFEE0.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// The text in half-width form, spaces kept.
pub fn half_width_text(text: &str) -> String {
    text.chars().map(half_width).collect()
}

/// The comparable form of a label or header.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = half_width(c);
        if c.is_whitespace() || matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | '「' | '」' | '*')
        {
            continue;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Drops separators people put between a group and a row (「不予公开—属于国家秘密」).
pub fn trim_separators(text: &str) -> &str {
    text.trim_start_matches(['-', '·', '•', ':', '/', '|', '>', ',', '，', '、', '_', '.'])
}

/// Drops a leading list number: 「(一)」, 「一、」, 「1.」, 「1、」, 「(1)」, 「1)」.
pub fn strip_numbering(text: &str) -> &str {
    const NUMERALS: &str = "一二三四五六七八九十";
    let is_numeral = |c: char| c.is_ascii_digit() || NUMERALS.contains(c);
    if let Some(rest) = text.strip_prefix('(') {
        let end = rest.find(|c: char| !is_numeral(c)).unwrap_or(rest.len());
        if end > 0
            && let Some(after) = rest[end..].strip_prefix(')')
        {
            return after;
        }
        return text;
    }
    let end = text.find(|c: char| !is_numeral(c)).unwrap_or(text.len());
    if end == 0 {
        return text;
    }
    let rest = &text[end..];
    for mark in ['.', '、', ')'] {
        if let Some(after) = rest.strip_prefix(mark) {
            return after;
        }
    }
    text
}

/// A label without a trailing note in brackets: 「部分公开(区分处理的,…)」 → 「部分公开」.
pub fn strip_trailing_note(text: &str) -> &str {
    if text.ends_with(')')
        && let Some(open) = text.rfind('(')
        && open > 0
    {
        return &text[..open];
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_spaces_and_quotes_do_not_matter() {
        assert_eq!(
            normalize("（三）不予公开　4.保护第三方"),
            "(三)不予公开4.保护第三方"
        );
        assert_eq!(
            normalize("危及“三安全一稳定”"),
            normalize("危及三安全一稳定")
        );
        assert_eq!(normalize("不予公开—属于国家秘密"), "不予公开-属于国家秘密");
        assert_eq!(normalize(" 1．属于 国家秘密"), "1.属于国家秘密");
    }

    #[test]
    fn list_numbers_are_dropped_in_every_notation() {
        for text in [
            "(一)予以公开",
            "一、予以公开",
            "1.予以公开",
            "1、予以公开",
            "(1)予以公开",
            "1)予以公开",
        ] {
            assert_eq!(strip_numbering(text), "予以公开", "{text}");
        }
        assert_eq!(strip_numbering("予以公开"), "予以公开");
        assert_eq!(strip_trailing_note("部分公开(区分处理的)"), "部分公开");
    }
}
