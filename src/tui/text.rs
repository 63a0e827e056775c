//! Editing text: a caret in a string, and wrapping by display width.
//!
//! Chinese has no spaces to break at, so lines are wrapped by the display width of each
//! character (a Han character takes two columns), never by words alone, and only where
//! [`crate::linebreak`] — the rule the plain-text export follows too — lets a line break: no
//! closing mark at a line's start, no opening one at its end, numbers and words kept whole when
//! they fit on a line. The same wrap decides what the screen draws and where the real terminal
//! cursor goes, so an input method's candidate window opens at the caret.

use unicode_width::UnicodeWidthChar;

/// Display width of one character (control characters take none).
pub fn char_width(c: char) -> usize {
    if c == '\t' {
        return 4;
    }
    c.width().unwrap_or(0)
}

/// Display width of a string.
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Cuts a string to at most `width` columns, ending with `…` when something was cut.
///
/// Every cut on screen goes through this or [`fit_middle`], so nothing is cut silently.
pub fn fit_end(s: &str, width: usize) -> String {
    if str_width(s) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Cuts a string to at most `width` columns by taking out its middle, marked with `…`: the
/// tail (a file name with its extension) is kept whole while it fits, then as much of the
/// head as there is room for.
pub fn fit_middle(s: &str, width: usize) -> String {
    if str_width(s) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    // The tail: everything after the last path separator, or the second half.
    let tail_start = s
        .rfind(['/', '\\'])
        .unwrap_or_else(|| s.len() - s.len() / 2);
    let tail_start = floor_boundary(s, tail_start);
    let tail = &s[tail_start..];
    let room = width - 1;
    if str_width(tail) >= room {
        // Not even the tail fits: keep its end.
        let mut kept: Vec<char> = Vec::new();
        let mut used = 0;
        for c in s.chars().rev() {
            let w = char_width(c);
            if used + w > room {
                break;
            }
            kept.push(c);
            used += w;
        }
        kept.reverse();
        return format!("…{}", kept.into_iter().collect::<String>());
    }
    let head_room = room - str_width(tail);
    let mut head = String::new();
    let mut used = 0;
    for c in s[..tail_start].chars() {
        let w = char_width(c);
        if used + w > head_room {
            break;
        }
        head.push(c);
        used += w;
    }
    format!("{head}…{tail}")
}

/// Wraps text into at most `lines` lines of `width` columns, as the screen shows it: the last
/// line ends with `…` when there was more.
pub fn wrap_lines(s: &str, width: usize, lines: usize) -> Vec<String> {
    let wrapped = wrap(s, width);
    // A line broken at a space does not start with it: a message is read, not edited, so the
    // space that was the break is no indent.
    let line_text = |i: usize, from: usize, to: usize| {
        let text = &s[from..to];
        let after_break = i > 0 && !s[..from].ends_with('\n');
        if after_break {
            text.trim_start_matches(' ')
        } else {
            text
        }
    };
    let mut out: Vec<String> = wrapped
        .iter()
        .take(lines)
        .enumerate()
        .map(|(i, l)| line_text(i, l.start, l.end).to_string())
        .collect();
    if wrapped.len() > lines
        && let Some(last) = out.last_mut()
    {
        // The rest of its own paragraph only: the next one would read as running on from it.
        let from = wrapped[lines - 1].start;
        let rest = line_text(lines - 1, from, s.len());
        let rest = rest.split('\n').next().unwrap_or(rest);
        *last = fit_end(&format!("{rest}…"), width);
    }
    out
}

/// Pads (or cuts) to exactly `width` columns, text on the left.
pub fn pad_right(s: &str, width: usize) -> String {
    let s = fit_end(s, width);
    let w = str_width(&s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// Pads (or cuts) to exactly `width` columns, text on the right.
pub fn pad_left(s: &str, width: usize) -> String {
    let s = fit_end(s, width);
    let w = str_width(&s);
    format!("{}{s}", " ".repeat(width.saturating_sub(w)))
}

/// Centres (or cuts) within `width` columns.
pub fn center(s: &str, width: usize) -> String {
    let s = fit_end(s, width);
    let w = str_width(&s);
    let left = (width.saturating_sub(w)) / 2;
    let right = width.saturating_sub(w + left);
    format!("{}{s}{}", " ".repeat(left), " ".repeat(right))
}

/// One line on screen: a byte range of the text (without its line break).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisualLine {
    pub start: usize,
    pub end: usize,
}

/// Wraps text into lines at most `width` columns wide, breaking only where
/// [`crate::linebreak`] allows (the 禁则, numbers and words kept whole), and inside a piece only
/// when it is wider than a whole line.
pub fn wrap(text: &str, width: usize) -> Vec<VisualLine> {
    let width = width.max(2);
    let mut out = Vec::new();
    for (offset, para) in split_inclusive_lines(text) {
        let mut start = offset;
        let mut used = 0;
        for piece in crate::linebreak::pieces(para) {
            let (from, to) = (offset + piece.start, offset + piece.end);
            let w = str_width(&text[from..to]);
            if used + w > width && from > start {
                out.push(VisualLine { start, end: from });
                start = from;
                used = 0;
            }
            if w <= width {
                used += w;
                continue;
            }
            // Wider than any line: broken by characters.
            for (i, c) in text[from..to].char_indices() {
                let cw = char_width(c);
                if used + cw > width && from + i > start {
                    out.push(VisualLine {
                        start,
                        end: from + i,
                    });
                    start = from + i;
                    used = 0;
                }
                used += cw;
            }
        }
        out.push(VisualLine {
            start,
            end: offset + para.len(),
        });
    }
    if out.is_empty() {
        out.push(VisualLine { start: 0, end: 0 });
    }
    out
}

/// The paragraphs of a text with their byte offsets, without the line breaks; an empty text
/// and a text ending with a line break have an empty last paragraph.
fn split_inclusive_lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            out.push((start, &text[start..i]));
            start = i + 1;
        }
    }
    out.push((start, &text[start..]));
    out
}

/// Where a caret (byte offset) stands on screen: (line, column).
pub fn caret_position(text: &str, lines: &[VisualLine], caret: usize) -> (usize, usize) {
    let mut found = 0;
    for (n, line) in lines.iter().enumerate() {
        if caret >= line.start && caret <= line.end {
            found = n;
            // A caret at the end of a wrapped line belongs to the start of the next.
            let next_continues = lines.get(n + 1).is_some_and(|next| next.start == line.end);
            if !(caret == line.end && next_continues) {
                break;
            }
        }
    }
    let line = lines[found];
    let col = str_width(&text[line.start..caret.clamp(line.start, line.end)]);
    (found, col)
}

/// Where a caret stands on screen, as [`caret_position`] has it, except that a caret at a wrap
/// with `line_end` set (after End, or a click past a line's end) stays at the end of the line
/// above rather than at the start of the next.
pub fn caret_position_at(
    text: &str,
    lines: &[VisualLine],
    caret: usize,
    line_end: bool,
) -> (usize, usize) {
    let (line, col) = caret_position(text, lines, caret);
    if line_end && line > 0 && lines[line].start == caret && lines[line - 1].end == caret {
        let above = lines[line - 1];
        return (line - 1, str_width(&text[above.start..above.end]));
    }
    (line, col)
}

/// Whether a caret at the end of visual line `line` is also the start of the next (a wrap, not
/// a line break): there it is drawn on the next line unless it is kept at the line's end.
pub fn is_wrap_point(lines: &[VisualLine], line: usize, caret: usize) -> bool {
    lines[line].end == caret && lines.get(line + 1).is_some_and(|next| next.start == caret)
}

/// The byte offset in `line` closest to display column `col` (not past it).
pub fn offset_at_column(text: &str, line: VisualLine, col: usize) -> usize {
    let mut used = 0;
    for (i, c) in text[line.start..line.end].char_indices() {
        let w = char_width(c);
        if used + w > col {
            return line.start + i;
        }
        used += w;
    }
    line.end
}

/// A single-line field being edited: its text and a caret (byte offset).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Field {
    pub text: String,
    pub caret: usize,
}

impl Field {
    /// A field with the caret at the end.
    pub fn new(text: &str) -> Field {
        Field {
            text: text.to_string(),
            caret: text.len(),
        }
    }

    pub fn insert(&mut self, c: char) {
        let c = if c == '\n' || c == '\r' { ' ' } else { c };
        self.text.insert(self.caret, c);
        self.caret += c.len_utf8();
    }

    pub fn insert_str(&mut self, s: &str) {
        for c in s.chars().filter(|c| *c != '\r') {
            self.insert(c);
        }
    }

    pub fn backspace(&mut self) -> bool {
        match prev_boundary(&self.text, self.caret) {
            Some(p) => {
                self.text.replace_range(p..self.caret, "");
                self.caret = p;
                true
            }
            None => false,
        }
    }

    pub fn delete(&mut self) -> bool {
        match next_boundary(&self.text, self.caret) {
            Some(n) => {
                self.text.replace_range(self.caret..n, "");
                true
            }
            None => false,
        }
    }

    pub fn left(&mut self) {
        if let Some(p) = prev_boundary(&self.text, self.caret) {
            self.caret = p;
        }
    }

    pub fn right(&mut self) {
        if let Some(n) = next_boundary(&self.text, self.caret) {
            self.caret = n;
        }
    }

    pub fn home(&mut self) {
        self.caret = 0;
    }

    pub fn end(&mut self) {
        self.caret = self.text.len();
    }

    /// Display column of the caret.
    pub fn caret_column(&self) -> usize {
        str_width(&self.text[..self.caret])
    }

    /// The part of the text to show in `width` columns so that the caret is visible, and the
    /// caret's column within it; an end cut off is marked with `…`.
    pub fn window(&self, width: usize) -> (String, usize) {
        let width = width.max(3);
        let caret_col = self.caret_column();
        if str_width(&self.text) < width {
            return (self.text.clone(), caret_col);
        }
        // A cut end takes a column for its mark; the caret keeps its own cell (two under a wide
        // character), so what it stands on is never hidden behind a mark.
        let inner = width - 2;
        let under = self.text[self.caret..].chars().next().map_or(1, char_width);
        let mut start = 0;
        let mut skipped = 0;
        for (i, c) in self.text.char_indices() {
            if caret_col - skipped + under <= inner {
                start = i;
                break;
            }
            skipped += char_width(c);
            start = i + c.len_utf8();
        }
        let left_mark = start > 0;
        let room = width - usize::from(left_mark);
        let mut visible: Vec<char> = Vec::new();
        let mut used = 0;
        let mut shown_to = start;
        for c in self.text[start..].chars() {
            let w = char_width(c);
            if used + w > room {
                break;
            }
            visible.push(c);
            used += w;
            shown_to += c.len_utf8();
        }
        if shown_to < self.text.len() {
            // More after: the last column is the mark.
            while used + 1 > room {
                used -= visible.pop().map_or(0, char_width);
            }
            visible.push('…');
        }
        if left_mark {
            visible.insert(0, '…');
        }
        let col = caret_col - skipped + usize::from(left_mark);
        (visible.into_iter().collect(), col)
    }
}

pub fn prev_boundary(text: &str, at: usize) -> Option<usize> {
    text[..at].char_indices().next_back().map(|(i, _)| i)
}

pub fn next_boundary(text: &str, at: usize) -> Option<usize> {
    text[at..].chars().next().map(|c| at + c.len_utf8())
}

/// Moves a byte offset back to the nearest character boundary at or before it.
pub fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width)
            .iter()
            .map(|l| &text[l.start..l.end])
            .collect()
    }

    #[test]
    fn chinese_wraps_by_display_width() {
        assert_eq!(
            lines_of("一二三四五六七", 6),
            vec!["一二三", "四五六", "七"]
        );
        // An odd width cannot take half a character.
        assert_eq!(lines_of("一二三四", 5), vec!["一二", "三四"]);
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        assert_eq!(lines_of("一二三，四", 6), vec!["一二", "三，四"]);
    }

    #[test]
    fn a_run_of_closing_marks_never_starts_a_line() {
        assert_eq!(lines_of("一二「三」。四", 10), vec!["一二", "「三」。四"]);
        assert_eq!(lines_of("一二三」。", 8), vec!["一二", "三」。"]);
    }

    #[test]
    fn an_opening_mark_never_ends_a_line() {
        assert_eq!(lines_of("一二三「四」", 8), vec!["一二三", "「四」"]);
        assert_eq!(lines_of("一二三《（四", 8), vec!["一二三", "《（四"]);
    }

    #[test]
    fn a_run_of_marks_wider_than_a_line_is_broken_all_the_same() {
        let text = "」」」」」」";
        let lines = lines_of(text, 4);
        assert_eq!(lines.concat(), text);
        assert!(lines.iter().all(|l| str_width(l) <= 4), "{lines:?}");
    }

    #[test]
    fn a_caret_kept_at_a_line_end_stays_on_that_line() {
        let text = "一二三四";
        let lines = wrap(text, 4);
        assert!(is_wrap_point(&lines, 0, 6));
        assert_eq!(caret_position_at(text, &lines, 6, true), (0, 4));
        assert_eq!(caret_position_at(text, &lines, 6, false), (1, 0));
        // At a line break there is no doubt where the caret is.
        let text = "一二\n三";
        let lines = wrap(text, 4);
        assert!(!is_wrap_point(&lines, 0, 6));
        assert_eq!(caret_position_at(text, &lines, 7, true), (1, 0));
    }

    #[test]
    fn latin_words_stay_whole() {
        assert_eq!(lines_of("一二ab12", 6), vec!["一二", "ab12"]);
    }

    #[test]
    fn line_breaks_are_kept_and_trailing_break_opens_a_line() {
        assert_eq!(lines_of("甲\n\n乙\n", 10), vec!["甲", "", "乙", ""]);
    }

    #[test]
    fn caret_at_a_wrap_belongs_to_the_next_line() {
        let text = "一二三四";
        let lines = wrap(text, 4);
        assert_eq!(caret_position(text, &lines, 6), (1, 0));
        assert_eq!(caret_position(text, &lines, 3), (0, 2));
        assert_eq!(caret_position(text, &lines, text.len()), (1, 4));
    }

    #[test]
    fn field_edits_by_character() {
        let mut f = Field::new("厦门");
        f.backspace();
        f.insert('市');
        f.home();
        f.insert('福');
        assert_eq!(f.text, "福厦市");
        assert_eq!(f.caret_column(), 2);
    }

    #[test]
    fn cuts_are_marked_and_the_tail_of_a_path_is_kept() {
        assert_eq!(fit_end("一二三四", 5), "一二…");
        let path = "/home/officer/文档/某某县人民政府2024年报告.docx";
        let cut = fit_middle(path, 40);
        assert!(str_width(&cut) <= 40, "{cut}");
        assert!(cut.starts_with("/home/"), "{cut}");
        assert!(cut.ends_with("/某某县人民政府2024年报告.docx"), "{cut}");
        assert!(cut.contains('…'));
        assert!(fit_middle(path, 12).ends_with(".docx"));
        assert_eq!(fit_middle("short", 10), "short");
        let lines = wrap_lines("一二三四五六七八九十", 6, 2);
        assert_eq!(lines, vec!["一二三", "四五…"]);
        // A cut last line keeps to its paragraph: the next is not run on after it.
        assert_eq!(wrap_lines("一二\n三四\n五六", 6, 1), vec!["一二…"]);
        assert_eq!(
            wrap_lines("一二\n三四五六七八九", 6, 2),
            vec!["一二", "三四…"]
        );
    }

    #[test]
    fn field_window_keeps_the_caret_visible() {
        let mut f = Field::new("一二三四五六七八九十");
        let (shown, col) = f.window(8);
        assert!(str_width(&shown) <= 8);
        assert!(col <= 8);
        assert!(shown.ends_with('十'));
        assert!(shown.starts_with('…'), "the cut start is marked: {shown}");
        f.home();
        let (shown, col) = f.window(8);
        assert_eq!(
            (shown.as_str(), col),
            ("一二三…", 0),
            "and so is the cut end"
        );
        // Wherever the caret is, what it stands on is shown, never the mark.
        for step in 0..10 {
            let (shown, col) = f.window(8);
            assert!(str_width(&shown) <= 8, "{shown}");
            let under: String = f.text[f.caret..].chars().take(1).collect();
            let at: String = {
                let mut x = 0;
                shown
                    .chars()
                    .skip_while(|c| {
                        let before = x < col;
                        x += char_width(*c);
                        before
                    })
                    .take(1)
                    .collect()
            };
            if !under.is_empty() {
                assert_eq!(at, under, "step {step}: {shown} caret at {col}");
            }
            f.right();
        }
    }
}
