//! Text fit to keep in a draft and to write into any export: the one rule for characters that
//! have no place in a report.
//!
//! XML 1.0 (and so every .docx) cannot hold C0 control characters other than tab, line feed
//! and carriage return, nor U+FFFE and U+FFFF; a terminal takes them as commands. They arrive
//! easily — pdftotext's form feed between pages, Word's manual line break (U+000B), a paste —
//! so they are dealt with where text enters: a form feed or a line tabulation becomes a line
//! break, every other such character is dropped, and the caller is told how many.

use super::Draft;
use std::borrow::Cow;

/// Whether a character may stand in report text (and in XML 1.0).
pub fn is_allowed(c: char) -> bool {
    !matches!(c, '\0'..='\u{8}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// Whether a character is turned into a line break rather than dropped.
fn is_line_break(c: char) -> bool {
    matches!(c, '\u{b}' | '\u{c}')
}

/// Text with control characters dealt with, and how many were dropped (line breaks made of a
/// form feed or a line tabulation are not counted: nothing of the text is lost).
pub fn clean(text: &str) -> (Cow<'_, str>, usize) {
    if text.chars().all(|c| is_allowed(c) && !is_line_break(c)) {
        return (Cow::Borrowed(text), 0);
    }
    let mut dropped = 0;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_line_break(c) {
            out.push('\n');
        } else if is_allowed(c) {
            out.push(c);
        } else {
            dropped += 1;
        }
    }
    (Cow::Owned(out), dropped)
}

/// Cleans a string in place; returns how many characters were dropped.
fn clean_in_place(text: &mut String) -> usize {
    match clean(text) {
        (Cow::Borrowed(_), _) => 0,
        (Cow::Owned(cleaned), dropped) => {
            *text = cleaned;
            dropped
        }
    }
}

/// Cleans every text of a draft — metadata, prose, units, last year's file, answers,
/// sources — and returns how many characters were dropped.
pub fn clean_draft(draft: &mut Draft) -> usize {
    let mut dropped = clean_in_place(&mut draft.template);
    dropped += clean_in_place(&mut draft.report.agency);
    for key in super::META_TEXT_FIELDS {
        if let Some(text) = draft.report.text_mut(key) {
            dropped += clean_in_place(text);
        }
    }
    for text in draft.text.values_mut() {
        dropped += clean_in_place(text);
    }
    for unit in draft.units.values_mut() {
        dropped += clean_in_place(unit);
    }
    if let Some(file) = draft.previous.as_mut().and_then(|p| p.file.as_mut()) {
        dropped += clean_in_place(file);
    }
    for answer in &mut draft.acknowledged {
        dropped += clean_in_place(&mut answer.code);
        dropped += clean_in_place(&mut answer.reason);
        if let Some(cell) = answer.cell.as_mut() {
            dropped += clean_in_place(cell);
        }
        if let Some(quote) = answer.quote.as_mut() {
            dropped += clean_in_place(quote);
        }
    }
    if let Some(ledger) = draft.ledger.as_mut() {
        dropped += clean_in_place(&mut ledger.file);
        if let Some(sheet) = ledger.sheet.as_mut() {
            dropped += clean_in_place(sheet);
        }
    }
    for source in &mut draft.sources {
        dropped += clean_in_place(source);
    }
    dropped
}

/// Text made safe to print on a terminal: control characters (C0, DEL and C1, which a
/// terminal takes as commands: clearing the screen, setting its title) are shown as `\u{…}`
/// escapes, tabs and line breaks kept.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && !matches!(c, '\n' | '\t');
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_feeds_and_line_tabulations_become_line_breaks() {
        let (text, dropped) = clean("第一页\u{c}第二页\u{b}换行");
        assert_eq!(text, "第一页\n第二页\n换行");
        assert_eq!(dropped, 0);
    }

    #[test]
    fn other_controls_are_dropped_and_counted() {
        let (text, dropped) = clean("a\u{0}b\u{7}c\u{1b}[2Jd\u{fffe}e\u{ffff}");
        assert_eq!(text, "abc[2Jde");
        assert_eq!(dropped, 5);
        let (text, dropped) = clean("制表\t换行\n回车\r");
        assert!(matches!(text, Cow::Borrowed(_)));
        assert_eq!(dropped, 0);
    }

    #[test]
    fn every_text_of_a_draft_is_cleaned() {
        let mut draft = Draft::new("gip-2021", "某\u{7}局", 2024, Default::default());
        draft.text.insert("other".into(), "一\u{c}二".into());
        draft.report.phone = "0592\u{1}".into();
        assert_eq!(clean_draft(&mut draft), 2);
        assert_eq!(draft.report.agency, "某局");
        assert_eq!(draft.text("other"), "一\n二");
        assert_eq!(draft.report.phone, "0592");
        let again = draft.clone();
        assert_eq!(clean_draft(&mut draft), 0);
        assert_eq!(draft, again);
    }

    #[test]
    fn a_terminal_is_shown_escapes_not_commands() {
        assert_eq!(
            for_terminal("某局\u{1b}]0;标题\u{7}"),
            "某局\\u{1b}]0;标题\\u{7}"
        );
        assert_eq!(for_terminal("a\u{9b}b"), "a\\u{9b}b");
        assert!(matches!(for_terminal("普通\n文字"), Cow::Borrowed(_)));
    }
}
