//! Completeness that cannot be faked: 一 that is only the outline's headings, 六 that names the
//! 信息处理费 without stating them, the contact the preamble prints, and the optional cap on the
//! length of 一.
//!
//! These read the prose for what a reviewer asks of it — text under every heading, figures or an
//! explicit none for the fees — rather than for the presence of a word, which a pasted outline
//! or a sentence with a year in it would satisfy.

use super::totals::Sheet;
use super::{Detail, Finding, Severity, codes};
use crate::report::Draft;
use crate::template::Template;

/// Chinese numerals a heading may be numbered with: （一） … （十五）.
const NUMERALS: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/// Where a heading's own words end.
const HEADING_ENDS: &[char] = &['。', '：', ':', '；', '\n'];
/// A heading longer than this (in characters after its number) is a sentence: it counts as text.
const LONGEST_HEADING: usize = 30;

/// One numbered heading of a section and how much text stands beneath it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// The heading as written, with its number: 「（一）主动公开」.
    pub title: String,
    /// Letters and digits beneath it, up to the next heading (punctuation and spaces are not text).
    pub text_chars: usize,
}

/// Whether a character is text rather than punctuation or space: a Chinese character, a
/// letter or a digit. (Cheaper than `char::is_alphanumeric`, which looks CJK up in tables.)
fn is_text_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || ('\u{4e00}'..='\u{9fff}').contains(&c)
        || ('\u{3400}'..='\u{4dbf}').contains(&c)
        || ('０'..='９').contains(&c)
        || ('Ａ'..='Ｚ').contains(&c)
        || ('ａ'..='ｚ').contains(&c)
}

/// The byte length of a heading number (（一）, (十二)) starting at byte `i`, if one starts there.
fn number_at(text: &str, i: usize) -> Option<usize> {
    let mut chars = text[i..].chars();
    let open = chars.next()?;
    if !matches!(open, '（' | '(') {
        return None;
    }
    let mut len = open.len_utf8();
    let mut digits = 0;
    for c in chars {
        len += c.len_utf8();
        if NUMERALS.contains(&c) {
            digits += 1;
            if digits > 3 {
                return None;
            }
        } else {
            return (matches!(c, '）' | ')') && digits > 0).then_some(len);
        }
    }
    None
}

/// The numbered headings of a text, each with the amount of text beneath it, counted up to
/// `enough` (more is not needed to judge it).
///
/// A heading starts a line, or follows a sentence's end on its line (「……。（二）依申请公开」).
/// Each line is read only until its last heading has `enough` text: a long paragraph is not
/// read through, so 一 costs little to check on every keystroke.
pub fn headings(text: &str, enough: usize) -> Vec<Heading> {
    let mut out: Vec<Heading> = Vec::new();
    // The heading text is being counted for, if its count is still open.
    let mut open: Option<usize> = None;
    for line in text.split('\n') {
        let trimmed = line.trim_start_matches([' ', '\u{3000}', '\t']);
        let mut rest = trimmed;
        let mut at_start = true;
        loop {
            let heading = if at_start { number_at(rest, 0) } else { None };
            if let Some(len) = heading {
                // A new heading: its title runs to the first 。：；, or the line's end.
                let after = &rest[len..];
                let title_len = after.find(HEADING_ENDS).unwrap_or(after.len());
                let title = &rest[..len + title_len];
                let own = after[..title_len]
                    .chars()
                    .filter(|c| is_text_char(*c))
                    .take(LONGEST_HEADING + 1)
                    .count();
                // A long "heading", or one ended by 。 with a comma in it, is a sentence: its
                // words are text.
                let sentence_like =
                    after[title_len..].starts_with('。') && after[..title_len].contains('，');
                out.push(Heading {
                    title: title.trim().to_string(),
                    text_chars: if own > LONGEST_HEADING || sentence_like {
                        own
                    } else {
                        0
                    },
                });
                open = Some(out.len() - 1);
                rest = &after[title_len..];
                at_start = false;
                continue;
            }
            let Some(index) = open else { break };
            if out[index].text_chars >= enough {
                // Enough under this heading: the rest of the line is its text.
                break;
            }
            let mut chars = rest.char_indices();
            let Some((_, c)) = chars.next() else { break };
            let next = chars.next().map_or(rest.len(), |(i, _)| i);
            if is_text_char(c) {
                out[index].text_chars += 1;
            }
            at_start = matches!(c, '。' | '；' | '！' | '？');
            rest = &rest[next..];
        }
    }
    out
}

/// `text.empty` for headings with (almost) no text beneath them.
pub(super) fn topics_without_text(sheet: &Sheet, out: &mut Vec<Finding>) {
    let t = sheet.template;
    for key in &t.checks.headings_need_text {
        let text = sheet.draft.text(key);
        if text.trim().is_empty() {
            // An empty section is reported as such.
            continue;
        }
        let min_chars = t.checks.topic_min_chars;
        let found = headings(text, min_chars);
        let heading = t.section(key).map_or(key.clone(), |s| s.heading.clone());
        // Without headings the whole text is one topic: a word or two (「0」, 「略」) is no
        // account of the year's work either.
        if found.is_empty() {
            let chars = text
                .chars()
                .filter(|c| is_text_char(*c))
                .take(min_chars)
                .count();
            if chars < min_chars {
                out.push(Finding {
                    severity: Severity::Error,
                    code: codes::TEXT_EMPTY,
                    cell: Some(key.clone()),
                    section: key.clone(),
                    detail: Detail::TextTooShort {
                        heading,
                        chars,
                        min_chars,
                    },
                    expected: None,
                    actual: None,
                    acknowledged: None,
                });
            }
            continue;
        }
        let topics: Vec<String> = found
            .into_iter()
            .filter(|h| h.text_chars < min_chars)
            .map(|h| h.title)
            .collect();
        if topics.is_empty() {
            continue;
        }
        out.push(Finding {
            severity: Severity::Error,
            code: codes::TEXT_EMPTY,
            cell: Some(key.clone()),
            section: key.clone(),
            detail: Detail::TopicsWithoutText {
                heading,
                topics,
                min_chars,
            },
            expected: None,
            actual: None,
            acknowledged: None,
        });
    }
}

/// `overview.length`: 一 longer than the template's cap (off unless the template sets one).
pub(super) fn overview_length(sheet: &Sheet, out: &mut Vec<Finding>) {
    let Some(max) = sheet.template.checks.overview_max_chars else {
        return;
    };
    // 字 as a reader counts them: spaces and line breaks are not.
    let chars = sheet
        .draft
        .text("overview")
        .chars()
        .filter(|c| !c.is_whitespace())
        .count();
    if chars > max {
        out.push(Finding {
            severity: Severity::Hint,
            code: codes::OVERVIEW_LENGTH,
            cell: Some("overview".into()),
            section: "overview".into(),
            detail: Detail::OverviewLength { chars, max },
            expected: None,
            actual: None,
            acknowledged: None,
        });
    }
}

/// The `[report]` fields the preamble prints a contact from.
const CONTACT_FIELDS: [&str; 3] = ["contact_office", "phone", "address"];

/// `report.contact`: an empty 联系机构, 电话 or 地址.
pub(super) fn contact(sheet: &Sheet, out: &mut Vec<Finding>) {
    let meta = &sheet.draft.report;
    let missing: Vec<String> = CONTACT_FIELDS
        .iter()
        .filter(|k| meta.text(k).is_none_or(|v| v.trim().is_empty()))
        .map(|k| k.to_string())
        .collect();
    let Some(first) = missing.first() else { return };
    out.push(Finding {
        severity: Severity::Warning,
        code: codes::REPORT_CONTACT,
        cell: Some(format!("report.{first}")),
        section: "report".into(),
        detail: Detail::Contact { missing },
        expected: None,
        actual: None,
        acknowledged: None,
    });
}

/// Whether a number with one of `units` after it stands in `sentence` (0件, 12.5 元): a figure,
/// where a year (2023年) or an article (第3条) is not.
fn states_a_figure(sentence: &[char], units: &[String]) -> bool {
    let digit = |c: &char| c.is_ascii_digit() || ('０'..='９').contains(c);
    let mut i = 0;
    while i < sentence.len() {
        if !digit(&sentence[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < sentence.len() && (digit(&sentence[j]) || matches!(sentence[j], '.' | ',')) {
            j += 1;
        }
        while j < sentence.len() && matches!(sentence[j], ' ' | '\u{3000}') {
            j += 1;
        }
        let rest = &sentence[j..];
        if units
            .iter()
            .any(|u| rest.starts_with(&u.chars().collect::<Vec<_>>()))
        {
            return true;
        }
        i = j.max(i + 1);
    }
    false
}

/// The fee figures of 基本信息 (gip-2021) still to give: those left blank, unless 六 states the
/// fees instead, which the format allows. What `fees.stated` names, and what the editor's
/// progress and its 基本信息 page count as blank.
pub fn fees_left_blank<'t>(
    template: &'t Template,
    draft: &Draft,
) -> Vec<&'t crate::template::FeeField> {
    let blank: Vec<&crate::template::FeeField> = template
        .fees
        .iter()
        .filter(|f| !draft.fees.contains_key(&f.key))
        .collect();
    if !blank.is_empty() && fees_stated_in_prose(template, draft) {
        Vec::new()
    } else {
        blank
    }
}

/// Whether 六 states the 信息处理费: a sentence that names them (the template's `fees_words`)
/// and gives a figure with its unit (发出收费通知0件, 收取0元) or says plainly there were none
/// (未收取, 未发生收费, 「信息处理费：无」). Naming them alone — 「严格执行信息处理费管理办法」, or
/// 「2023年，本机关信息处理费相关工作情况良好」 with its year — states nothing.
pub fn fees_stated_in_prose(template: &Template, draft: &Draft) -> bool {
    let c = &template.checks;
    if c.fees_words.is_empty() {
        return false;
    }
    draft
        .text("other")
        .split(['。', '！', '？', '；', '\n'])
        .filter(|s| c.fees_words.iter().any(|w| s.contains(w.as_str())))
        .any(|sentence| {
            let chars: Vec<char> = sentence.chars().collect();
            states_a_figure(&chars, &c.fees_units)
                || c.fees_none.iter().any(|w| sentence.contains(w.as_str()))
                || sentence
                    .split(['，', ',', '：', ':'])
                    .any(|clause| clause.trim() == "无")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_letters_digits_and_chinese_not_the_marks_between_full_width_letters() {
        for c in "政府信息公开ａｚＡＺ０９azAZ09㐀".chars() {
            assert!(is_text_char(c), "{c}");
        }
        // U+FF3B–FF40 sit between Ｚ and ａ.
        for c in "［＼］＾＿｀，。、；：（）《》 \n".chars() {
            assert!(!is_text_char(c), "{c:?}");
        }
    }

    #[test]
    fn headings_count_the_text_beneath_them() {
        let h = headings(
            "（一）主动公开\n\n（二）依申请公开\n本年度共收到申请十件，均按期答复，无逾期情况发生，群众满意。",
            100,
        );
        assert_eq!(h.len(), 2);
        assert_eq!(h[0].title, "（一）主动公开");
        assert_eq!(h[0].text_chars, 0);
        assert!(h[1].text_chars >= 20);
    }

    #[test]
    fn a_heading_run_into_its_sentence_is_text() {
        let h = headings("（一）主动公开全年共收到申请5件，均在法定期限内办结。", 100);
        assert!(h[0].text_chars >= 20);
        let h = headings("（一）聚焦权力配置运行，进一步加强用权公开\n", 100);
        assert_eq!(h[0].text_chars, 0);
    }

    #[test]
    fn an_outline_on_one_line_is_headings_without_text() {
        let h = headings("（一）主动公开。（二）依申请公开。（三）政府信息管理。", 20);
        assert_eq!(h.len(), 3);
        assert!(h.iter().all(|h| h.text_chars == 0));
    }

    #[test]
    fn a_reference_is_not_a_heading() {
        assert!(headings("依据第二十条第（一）项公开规章。", 100).is_empty());
    }

    #[test]
    fn a_year_is_not_a_fee_figure() {
        let units = vec!["件".to_string(), "元".to_string()];
        let s = |t: &str| t.chars().collect::<Vec<_>>();
        assert!(!states_a_figure(
            &s("2023年，本机关信息处理费相关工作情况良好"),
            &units
        ));
        assert!(states_a_figure(&s("收取信息处理费0.00元"), &units));
        assert!(states_a_figure(&s("发出收费通知 3 件"), &units));
    }
}
