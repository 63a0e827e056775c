//! What every format prints, worked out once: the title (with the draft mark), the generated
//! preamble, the six sections under their canonical headings with the prose split into
//! paragraphs, each table's official grid with the text of every cell (typed figures and
//! computed totals), and for gip-2021 the 信息处理费 sentence in 六.
//!
//! The formats only decide how this looks; none of them builds text or table layout itself.

use crate::check::Outcome;
use crate::i18n::{self, FeeFigure, PreambleFacts};
use crate::report::Draft;
use crate::template::grid::{Content as SlotContent, Grid, GridCell, Slot};
use crate::template::{SectionKind, Table, Template};

/// The report as every format prints it.
pub struct Content<'a> {
    /// The title, with （草稿） appended on a draft.
    pub title: String,
    /// The title in the pieces it may break between (GB/T 9704 breaks a title at whole words):
    /// the agency, then 「YYYY年政府信息公开工作年度报告」 (with （草稿）). Joined, they are
    /// `title`.
    pub title_lines: Vec<String>,
    /// The reporting agency (the document's author).
    pub agency: &'a str,
    /// A draft export: the title carries （草稿）, blank cells read 「□」, and each format
    /// marks every page (or the page top).
    pub draft: bool,
    /// The unnumbered opening paragraphs.
    pub preamble: Vec<String>,
    /// The template's sections in order, each under its canonical heading.
    pub sections: Vec<SectionContent<'a>>,
}

/// One of the six sections.
pub struct SectionContent<'a> {
    /// The section's key in the template (`overview`, `requests`, `other` …).
    pub key: &'a str,
    /// The canonical heading, e.g. 一、总体情况.
    pub heading: &'a str,
    /// What stands under the heading: the prose's paragraphs, or the table (and, in a draft,
    /// the note explaining 「□」).
    pub blocks: Vec<Block<'a>>,
}

/// What a section is made of.
pub enum Block<'a> {
    /// A second-level heading the officer wrote in the prose, e.g. （一）主动公开.
    Subheading(String),
    /// One paragraph: a line of the officer's prose with its typed indent removed, or a
    /// generated sentence (the 信息处理费 item of 六, the note on blank cells).
    Paragraph(String),
    /// The section's table.
    Table(TableContent<'a>),
}

/// A table laid out as its official grid, with the text of every origin cell.
pub struct TableContent<'a> {
    /// The template's table: its key, rows and columns.
    pub table: &'a Table,
    /// Where each printed cell stands and what it spans, as the official form lays it out.
    pub grid: Grid,
    /// Text by slot; empty for covered slots and blank cells (「□」 in a draft's).
    texts: Vec<Vec<String>>,
    /// Whether a figure is blank (marked, in a draft).
    pub blanks: bool,
}

impl TableContent<'_> {
    /// The text of the origin cell at (row, column); empty for a covered slot or a blank cell.
    pub fn text(&self, row: usize, column: usize) -> &str {
        &self.texts[row][column]
    }

    /// The slot's origin: its own position, or the position of the cell covering it.
    pub fn owner(&self, row: usize, column: usize) -> (usize, usize) {
        match self.grid.slots[row][column] {
            Slot::Origin(_) => (row, column),
            Slot::Covered(r, c) => (r, c),
        }
    }

    /// The cell whose origin is at (row, column), or that covers it.
    pub fn owning_cell(&self, row: usize, column: usize) -> &GridCell {
        let (r, c) = self.owner(row, column);
        match &self.grid.slots[r][c] {
            Slot::Origin(cell) => cell,
            // `Grid::place` makes every covered slot point at an origin.
            Slot::Covered(..) => unreachable!("a covered slot points at an origin"),
        }
    }
}

impl<'a> Content<'a> {
    /// Works out the content of a report.
    pub fn build(
        template: &'a Template,
        draft: &'a Draft,
        outcome: &Outcome,
        draft_mark: bool,
    ) -> Content<'a> {
        let meta = &draft.report;
        let title = i18n::report_title(&meta.agency, meta.year);
        let title = if draft_mark {
            i18n::draft_title(&title)
        } else {
            title
        };
        let title_lines = match title.strip_prefix(meta.agency.as_str()) {
            Some(rest) if !meta.agency.is_empty() && !rest.is_empty() => {
                vec![meta.agency.clone(), rest.to_string()]
            }
            _ => vec![title.clone()],
        };
        let preamble = vec![i18n::preamble(&PreambleFacts {
            agency: &meta.agency,
            year: meta.year,
            format_name: &template.name,
            format_issued_by: &template.issued_by,
            website: &meta.website,
            contact_office: &meta.contact_office,
            address: &meta.address,
            postcode: &meta.postcode,
            phone: &meta.phone,
            email: &meta.email,
        })];
        let sections = template
            .sections
            .iter()
            .map(|section| {
                let mut blocks = Vec::new();
                match section.kind {
                    SectionKind::Table => {
                        if let Some(table) = template.table(&section.key) {
                            let table = table_content(table, draft, outcome, draft_mark);
                            let blanks = table.blanks;
                            blocks.push(Block::Table(table));
                            // The mark in a blank cell is explained under its table.
                            if blanks {
                                blocks.push(Block::Paragraph(i18n::blank_cell_note()));
                            }
                        }
                    }
                    SectionKind::Prose => {
                        let prose = prose_blocks(draft.text(&section.key));
                        match fee_sentence(template, draft).filter(|_| section.key == "other") {
                            Some(sentence) => blocks.extend(with_fee_item(prose, &sentence)),
                            None => blocks.extend(prose),
                        }
                    }
                }
                SectionContent {
                    key: &section.key,
                    heading: &section.heading,
                    blocks,
                }
            })
            .collect();
        Content {
            title,
            title_lines,
            agency: &meta.agency,
            draft: draft_mark,
            preamble,
            sections,
        }
    }
}

/// Splits prose into paragraphs, one per line; blank lines and the full-width spaces people
/// type to indent are dropped (every format indents paragraphs itself).
fn prose_blocks<'a>(text: &str) -> Vec<Block<'a>> {
    text.lines()
        .map(|line| line.trim_matches(|c: char| c.is_whitespace()))
        .filter(|line| !line.is_empty())
        .map(|line| {
            if is_subheading(line) {
                Block::Subheading(line.to_string())
            } else {
                Block::Paragraph(line.to_string())
            }
        })
        .collect()
}

/// Longest line still taken for a heading rather than a paragraph.
const SUBHEADING_MAX_CHARS: usize = 40;

/// A line of its own like 「（一）聚焦权力配置运行，进一步加强用权公开」: the second level of
/// headings in an official document (（一）、（二）…), short and not a finished sentence.
fn is_subheading(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('（') else {
        return false;
    };
    let Some((number, title)) = rest.split_once('）') else {
        return false;
    };
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    !number.is_empty()
        && number.chars().count() <= 3
        && number.chars().all(numeral)
        && !title.is_empty()
        && line.chars().count() <= SUBHEADING_MAX_CHARS
        && !line.contains('。')
}

/// How the officer numbered the items of a section.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Numbering {
    /// （一）（二）…
    Parenthesised,
    /// 一、二、…
    Enumerated,
    /// 1. 2. … (or 1．, 1、)
    Arabic,
}

/// `n` in Chinese numerals as items are numbered (一 … 十、十一 … 二十、二十一 … 九十九); past
/// 99, which no 六 reaches, in Arabic digits rather than nothing.
fn chinese_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[n].to_string(),
        10..=19 => format!("十{}", DIGITS[n % 10]),
        20..=99 => format!("{}十{}", DIGITS[n / 10], DIGITS[n % 10]),
        _ => n.to_string(),
    }
}

impl Numbering {
    /// The numbering a line starts with, if any.
    fn of(line: &str) -> Option<Numbering> {
        let chinese =
            |s: &str| !s.is_empty() && s.chars().all(|c| "一二三四五六七八九十".contains(c));
        if let Some(rest) = line.strip_prefix('（')
            && let Some((n, _)) = rest.split_once('）')
            && chinese(n)
        {
            return Some(Numbering::Parenthesised);
        }
        if let Some((n, _)) = line.split_once('、')
            && chinese(n)
        {
            return Some(Numbering::Enumerated);
        }
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        let after = line[digits..].chars().next();
        (digits > 0 && matches!(after, Some('.' | '．' | '、'))).then_some(Numbering::Arabic)
    }

    /// The label of item `n` (from 1).
    fn label(self, n: usize) -> String {
        let chinese = chinese_number(n);
        match self {
            Numbering::Parenthesised => format!("（{chinese}）"),
            Numbering::Enumerated => format!("{chinese}、"),
            Numbering::Arabic => format!("{n}."),
        }
    }
}

/// 六 with the generated 信息处理费 sentence as one of its numbered items, not a loose
/// paragraph before them: after the officer's items, numbered as they are; where the officer
/// numbered nothing, the sentence is item （一） and each of their paragraphs an item after it.
fn with_fee_item<'a>(prose: Vec<Block<'a>>, sentence: &str) -> Vec<Block<'a>> {
    let text_of = |b: &Block| match b {
        Block::Subheading(t) | Block::Paragraph(t) => Some(t.clone()),
        Block::Table(_) => None,
    };
    let numbering = prose
        .iter()
        .filter_map(text_of)
        .find_map(|t| Numbering::of(&t));
    match numbering {
        Some(numbering) => {
            let items = prose
                .iter()
                .filter_map(text_of)
                .filter(|t| Numbering::of(t) == Some(numbering))
                .count();
            let mut blocks = prose;
            blocks.push(Block::Paragraph(format!(
                "{}{sentence}",
                numbering.label(items + 1)
            )));
            blocks
        }
        None => {
            let numbering = Numbering::Parenthesised;
            let mut blocks = vec![Block::Paragraph(format!(
                "{}{sentence}",
                numbering.label(1)
            ))];
            let mut n = 1;
            for block in prose {
                blocks.push(match block {
                    Block::Paragraph(t) => {
                        n += 1;
                        Block::Paragraph(format!("{}{t}", numbering.label(n)))
                    }
                    other => other,
                });
            }
            blocks
        }
    }
}

/// The 信息处理费 sentence for 六, when the format asks for the fees, the draft has them, and
/// the prose does not already state them.
fn fee_sentence(template: &Template, draft: &Draft) -> Option<String> {
    if !template.has_fees {
        return None;
    }
    if crate::check::fees_stated_in_prose(template, draft) {
        return None;
    }
    let figures: Vec<FeeFigure> = template
        .fees
        .iter()
        .filter_map(|field| {
            draft.fees.get(&field.key).map(|n| FeeFigure {
                label: &field.label,
                value: n.to_string(),
                unit: &field.unit,
            })
        })
        .collect();
    (!figures.is_empty()).then(|| i18n::fee_sentence(&figures))
}

/// The text of a number cell: the typed figure (with its unit, where the format prints none),
/// or the computed total once none of its parts is blank; empty when blank.
fn value_text(key: &str, draft: &Draft, outcome: &Outcome) -> String {
    if let Some(total) = outcome.totals.get(key) {
        return total.complete().map_or_else(String::new, |n| n.to_string());
    }
    match draft.cell(key) {
        Some(n) => match draft.units.get(key) {
            Some(unit) => format!("{n}{unit}"),
            None => n.to_string(),
        },
        None => String::new(),
    }
}

/// A table's content; in a draft export (`mark_blanks`) a blank figure reads 「□」, so a
/// reviewer sees at a glance what is unfinished (a finished export has no blank cells).
fn table_content<'a>(
    table: &'a Table,
    draft: &Draft,
    outcome: &Outcome,
    mark_blanks: bool,
) -> TableContent<'a> {
    let grid = table.grid();
    let mut blanks = false;
    let texts = grid
        .slots
        .iter()
        .map(|row| {
            row.iter()
                .map(|slot| match slot {
                    Slot::Origin(cell) => match &cell.content {
                        SlotContent::Text(text) => text.clone(),
                        SlotContent::Value(key) => {
                            let text = value_text(key, draft, outcome);
                            if text.is_empty() && mark_blanks {
                                blanks = true;
                                i18n::BLANK_MARK.to_string()
                            } else {
                                text
                            }
                        }
                    },
                    Slot::Covered(..) => String::new(),
                })
                .collect()
        })
        .collect();
    TableContent {
        table,
        grid,
        texts,
        blanks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_numbered_past_twenty() {
        let label = |n| Numbering::Parenthesised.label(n);
        assert_eq!(label(1), "（一）");
        assert_eq!(label(10), "（十）");
        assert_eq!(label(11), "（十一）");
        assert_eq!(label(20), "（二十）");
        assert_eq!(label(21), "（二十一）");
        assert_eq!(label(99), "（九十九）");
        assert_eq!(Numbering::Enumerated.label(35), "三十五、");
        assert_eq!(label(100), "（100）");
    }

    #[test]
    fn numbered_short_lines_are_subheadings() {
        assert!(is_subheading("（一）聚焦权力配置运行，进一步加强用权公开"));
        assert!(is_subheading("（十二）其他"));
        assert!(!is_subheading(
            "（一）主动公开情况。本年度共主动公开信息 12 条。"
        ));
        assert!(!is_subheading("（本列数据的勾稽关系）"));
        assert!(!is_subheading("一是加强权力配置信息公开。"));
        assert!(!is_subheading("（一）"));
    }

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) | Block::Subheading(p) => p.clone(),
                Block::Table(_) => "t".into(),
            })
            .collect()
    }

    #[test]
    fn fee_sentence_is_the_next_item_of_the_officers_numbering() {
        let prose = prose_blocks("1.本年度无其他事项。\n2.已完成整改。");
        assert_eq!(
            texts(&with_fee_item(prose, "本年度收取……。")),
            ["1.本年度无其他事项。", "2.已完成整改。", "3.本年度收取……。"]
        );
        let prose = prose_blocks("（一）关于建议提案办理情况。本年度办理3件。");
        assert_eq!(texts(&with_fee_item(prose, "费。"))[1], "（二）费。");
        let prose = prose_blocks("无其他需要报告的事项。");
        assert_eq!(
            texts(&with_fee_item(prose, "费。")),
            ["（一）费。", "（二）无其他需要报告的事项。"]
        );
    }

    #[test]
    fn prose_keeps_paragraphs_and_drops_typed_indents() {
        let blocks = prose_blocks("　　第一段。\n\n  第二段。\r\n（一）小标题\n");
        let kinds: Vec<String> = blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => format!("p:{p}"),
                Block::Subheading(h) => format!("h:{h}"),
                Block::Table(_) => "t".into(),
            })
            .collect();
        assert_eq!(kinds, ["p:第一段。", "p:第二段。", "h:（一）小标题"]);
    }
}
