//! Telling which official label a printed one is: normalising width, numbering, spaces and
//! known wording variants, then allowing a typo or two by edit distance. The labels themselves
//! always come from the template; nothing here lists rows.

/// The label reduced to what identifies it: half-width, no spaces, no quotes, no leading
/// numbering (「一、」「（三）」「1.」「1、」), 「行政规范性文件」 read as 「规范性文件」.
pub fn normalize(label: &str) -> String {
    let half = half_width(label);
    let mut text: String = half
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '“' | '”' | '"' | '\'' | '‘' | '’'))
        .collect();
    text = strip_numbering(&text).to_string();
    text.replace("行政规范性文件", "规范性文件")
}

/// Full-width ASCII (Ｕ+FF01–FF5E) and the ideographic space to their half-width forms; the
/// Chinese brackets 「（）」 count as ASCII ones.
pub fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

const CHINESE_NUMERALS: &str = "一二三四五六七八九十";

/// The label without its leading numbering.
pub fn strip_numbering(text: &str) -> &str {
    let (_, rest) = split_numbering(text);
    rest
}

/// The leading numbering of a label (「三」 of 「三、」 or 「（三）」, 「2」 of 「2.」) and the rest.
pub fn split_numbering(text: &str) -> (Option<String>, &str) {
    let t = text.trim_start();
    // (三) or （三）
    if let Some(rest) = t.strip_prefix('(').or_else(|| t.strip_prefix('（')) {
        let numeral: String = rest
            .chars()
            .take_while(|c| CHINESE_NUMERALS.contains(*c) || c.is_ascii_digit())
            .collect();
        if !numeral.is_empty() {
            let after = &rest[numeral.len()..];
            if let Some(r) = after.strip_prefix(')').or_else(|| after.strip_prefix('）')) {
                return (Some(numeral), r.trim_start());
            }
        }
    }
    let numeral: String = t
        .chars()
        .take_while(|c| CHINESE_NUMERALS.contains(*c) || c.is_ascii_digit())
        .collect();
    if !numeral.is_empty() {
        let after = &t[numeral.len()..];
        for mark in ['、', '.', '．', '，', ','] {
            if let Some(r) = after.strip_prefix(mark) {
                // 「1.5」 is a number, not a numbered label.
                if mark == '.' && r.starts_with(|c: char| c.is_ascii_digit()) {
                    break;
                }
                return (Some(numeral), r.trim_start());
            }
        }
    }
    (None, t)
}

/// How well a printed label matches an official one; `None` when it does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Match {
    /// The same once normalised.
    Exact,
    /// A typo or two (「行政法复议」, 「其他法律行政止公开」): the edit distance.
    Typo(usize),
    /// The printed label is the start of the official one, cut at a page break or a lost line.
    Prefix,
}

/// Compares a printed label with an official one, both already normalised.
pub fn compare(printed: &str, official: &str) -> Option<Match> {
    if printed.is_empty() || official.is_empty() {
        return None;
    }
    if printed == official {
        return Some(Match::Exact);
    }
    // A long official label with its bracketed note left out (（二）部分公开).
    if let Some(head) = official.split(['(', '（']).next()
        && head.chars().count() >= 4
        && printed == head
    {
        return Some(Match::Exact);
    }
    let n = official.chars().count();
    let allowed = match n {
        0..=3 => 0,
        4..=7 => 1,
        8..=11 => 2,
        // 「其他法律行政止公开」 for 其他法律行政法规禁止公开: three characters lost.
        _ => n / 4,
    };
    if allowed > 0 {
        let d = strsim::levenshtein(printed, official);
        if d <= allowed {
            return Some(Match::Typo(d));
        }
    }
    let p = printed.chars().count();
    if p >= 4 && p * 2 >= n.min(8) && official.starts_with(printed) {
        return Some(Match::Prefix);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_width_and_spaces_do_not_matter() {
        assert_eq!(normalize("（ 三 ）不予公开"), normalize("(三) 不予公开"));
        assert_eq!(normalize("1、属于国家秘密"), normalize("1. 属于国家秘密"));
        assert_eq!(normalize("１．属于国家秘密"), "属于国家秘密");
        assert_eq!(normalize("行政规范性文件"), normalize("规范性文件"));
        assert_eq!(normalize("3.危及“三安全一稳定”"), "危及三安全一稳定");
    }

    #[test]
    fn typos_are_matched_by_edit_distance() {
        let official = normalize("2.其他法律行政法规禁止公开");
        assert!(matches!(
            compare(&normalize("2.其他法律行政止公开"), &official),
            Some(Match::Typo(_))
        ));
        assert_eq!(
            compare(&normalize("行政法复议"), &normalize("行政复议")),
            Some(Match::Typo(1))
        );
        assert_eq!(compare(&normalize("规章"), &normalize("行政许可")), None);
    }

    #[test]
    fn a_label_cut_at_a_page_break_matches_by_its_start() {
        let official = normalize("5.要求行政机关确认或重新出具已获取信息");
        assert_eq!(
            compare(&normalize("5. 要求行政机关"), &official),
            Some(Match::Prefix)
        );
    }

    #[test]
    fn a_decimal_is_not_numbering() {
        assert_eq!(split_numbering("1.5万元"), (None, "1.5万元"));
    }
}
