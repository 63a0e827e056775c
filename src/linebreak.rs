//! Where a line of Chinese text may break: the one rule, for the plain-text export and for the
//! editor's screen alike.
//!
//! Chinese has no spaces between words, so a line may break between any two characters but
//! for the 禁则 of Chinese typesetting: no closing mark (」》），。、；：？！… and the like) at the
//! start of a line, no opening one (「《（“‘ …) at its end — for a run of such marks as for
//! one — and never inside a number, a web address or a word of Latin letters.
//!
//! The rule says only where a break may fall; how wide a piece is, and so where a line is
//! full, is the caller's: a terminal draws the ambiguous marks (“”…) one column wide, a Chinese
//! font in a text file two.

use std::ops::Range;

/// Marks that may not start a line (closing punctuation, and the ones that follow a word).
pub const NO_LINE_START: &str = "，。、；：？！）》」』”’〕】〉…—·%,.;:?!)]}>％";
/// Marks that may not end a line (opening punctuation).
pub const NO_LINE_END: &str = "（《「『“‘〔【〈([{<";

/// Whether a character belongs to a run that is never broken: digits, Latin letters and the
/// characters of numbers and web addresses (1,234.5 · 0592-5327743 · https://…/zwgk/).
pub fn unbreakable(c: char) -> bool {
    c.is_ascii_alphanumeric() || "._-/:%@+~?#=&,'".contains(c)
}

/// The pieces a line may break between, as byte ranges that together make the whole text, in
/// order: a run of [`unbreakable`] characters, one other character, or a space; then closing
/// marks glued to what precedes them and opening marks to what follows, which is the 禁则.
/// A line breaks only between two pieces (or inside one wider than a whole line).
pub fn pieces(text: &str) -> Vec<Range<usize>> {
    let mut units: Vec<Range<usize>> = Vec::new();
    let mut last_unbreakable = false;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let joins = unbreakable(c) && last_unbreakable;
        match units.last_mut() {
            Some(unit) if joins => unit.end = end,
            _ => units.push(i..end),
        }
        last_unbreakable = unbreakable(c);
    }
    // A number's trailing ASCII punctuation (「共 5,」) is a closing mark, not part of it.
    let mut split: Vec<Range<usize>> = Vec::new();
    for unit in units {
        let s = &text[unit.clone()];
        let trimmed = s.trim_end_matches(|c: char| ".,:;?!'".contains(c));
        if trimmed.is_empty() || trimmed.len() == s.len() {
            split.push(unit);
        } else {
            let cut = unit.start + trimmed.len();
            split.push(unit.start..cut);
            split.extend((cut..unit.end).map(|i| i..i + 1));
        }
    }
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut glue_next = false;
    for unit in split {
        let s = &text[unit.clone()];
        let mut chars = s.chars();
        let first = chars.next().unwrap_or(' ');
        let single = chars.next().is_none();
        let closing = single && NO_LINE_START.contains(first);
        let opening = single && NO_LINE_END.contains(first);
        match out.last_mut() {
            Some(prev) if glue_next || (closing && !text[prev.clone()].ends_with(' ')) => {
                prev.end = unit.end;
            }
            _ => out.push(unit),
        }
        glue_next = opening;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        pieces(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn han_characters_break_anywhere() {
        assert_eq!(split("一二三"), ["一", "二", "三"]);
    }

    #[test]
    fn a_run_of_closing_marks_goes_with_the_character_before_it() {
        assert_eq!(split("引文」。后"), ["引", "文」。", "后"]);
        assert_eq!(split("条例》）；"), ["条", "例》）；"]);
        assert_eq!(split("好……"), ["好……"]);
    }

    #[test]
    fn a_run_of_opening_marks_goes_with_the_character_after_it() {
        assert_eq!(split("见「《条"), ["见", "「《条"]);
        assert_eq!(split("说“（甲"), ["说", "“（甲"]);
    }

    #[test]
    fn a_quotation_keeps_both_its_marks_off_the_wrong_ends() {
        assert_eq!(split("甲「乙」。"), ["甲", "「乙」。"]);
    }

    #[test]
    fn numbers_and_addresses_stay_whole_but_not_their_trailing_punctuation() {
        assert_eq!(split("共1,234.5件，"), ["共", "1,234.5", "件，"]);
        assert_eq!(split("电话0592-5327743。"), ["电", "话", "0592-5327743。"]);
        assert_eq!(split("共5,"), ["共", "5,"]);
        assert_eq!(
            split("见https://www.example.gov.cn/zwgk/"),
            ["见", "https://www.example.gov.cn/zwgk/"]
        );
    }

    #[test]
    fn a_closing_mark_after_a_space_stands_alone() {
        assert_eq!(split("a )"), ["a", " ", ")"]);
    }

    #[test]
    fn the_pieces_make_the_whole_text() {
        let text = "一、总体情况：2020年，我局共收到申请31件（其中「当面」2件）。Ok!";
        assert_eq!(split(text).concat(), text);
    }
}
