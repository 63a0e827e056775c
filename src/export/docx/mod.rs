//! Word (.docx), laid out after GB/T 9704 (党政机关公文格式), the standard official documents
//! follow: A4; text area 156 mm × 225 mm (top margin 37 mm, binding side 28 mm); 22 lines of
//! 28 characters a page; title in 小标宋 二号; body in 仿宋 三号; headings of the first level in
//! 黑体, of the second in 楷体; page numbers in 宋体 四号 between dashes, odd pages right and
//! even pages left.
//!
//! Tables are built from the official grid with real merged cells (`gridSpan`, `vMerge`),
//! column headers repeated on each page and numbers right-aligned. docx-rs builds the package;
//! [`patch`] adds what it cannot express (and puts property elements in schema order), and
//! [`package`] writes the compressed package with only the parts the document uses.

mod package;
mod patch;

use super::ExportError;
use super::content::{Block, Content, TableContent};
use super::layout;
use crate::i18n::DRAFT_MARK;
use crate::template::grid::{Role, Slot};
use docx_rs::{
    AlignmentType, DocGrid, DocGridType, Docx, Footer, Header, LineSpacing, LineSpacingType,
    PageMargin, Paragraph, Run, RunFonts, SpecialIndentType, Table, TableAlignmentType, TableCell,
    TableCellMargins, TableLayoutType, TableRow, VAlignType, VMergeType, WidthType,
};
use patch::FontEntry;

// Page geometry in twentieths of a point (twips); 1 mm = 56.7 twips.
const PAGE_WIDTH: u32 = 11906; // 210 mm
const PAGE_HEIGHT: u32 = 16838; // 297 mm
const MARGIN_TOP: i32 = 2098; // 37 mm
const MARGIN_BOTTOM: i32 = 1984; // 35 mm: 297 − 37 − 225
const MARGIN_LEFT: i32 = 1587; // 28 mm
const MARGIN_RIGHT: i32 = 1474; // 26 mm: 210 − 28 − 156
const HEADER_DISTANCE: i32 = 851; // 15 mm
/// The page number's dash sits 7 mm under the text area.
const FOOTER_DISTANCE: i32 = 1304;
/// The text area's width, 156 mm.
const TEXT_WIDTH: usize = 8845;
/// 225 mm / 22 lines.
const LINE_PITCH: i32 = 579;
/// Narrows each character by a quarter point, in twips, so that 28 characters of 三号 fit the
/// 156 mm line. A character grid (`linesAndChars`) would say the same to Word, but LibreOffice
/// reads it differently and spreads the text out; a plain spacing reads the same everywhere.
const CHAR_SPACING: i32 = -5;

// Sizes in half points.
const SIZE_TITLE: usize = 44; // 二号, 22 pt
const SIZE_BODY: usize = 32; // 三号, 16 pt
const SIZE_PAGE_NUMBER: usize = 28; // 四号, 14 pt
const SIZE_TABLE: usize = 21; // 五号, 10.5 pt
const SIZE_TABLE_NOTE: usize = 18; // 小五, 9 pt
/// A title line: the title is set tighter than the text grid.
const TITLE_LINE: i32 = 700;
/// Two characters of 三号: the paragraph indent.
const INDENT_BODY: i32 = 640;
/// One character of 四号: how far the page number stands from the margin.
const INDENT_PAGE_NUMBER: i32 = 280;

const FONT_TITLE: &str = "方正小标宋简体";
const FONT_BODY: &str = "仿宋_GB2312";
const FONT_HEADING_1: &str = "黑体";
const FONT_HEADING_2: &str = "楷体_GB2312";
const FONT_PAGE_NUMBER: &str = "宋体";
const FONT_LATIN: &str = "Times New Roman";

/// Every font the document names. The GB2312-era names are what government machines have;
/// their alternates are the faces current Windows and WPS ship.
const FONTS: [FontEntry; 6] = [
    FontEntry {
        name: FONT_LATIN,
        alt_name: None,
        family: "roman",
        charset: "00",
    },
    FontEntry {
        name: FONT_BODY,
        alt_name: Some("仿宋"),
        family: "modern",
        charset: "86",
    },
    FontEntry {
        name: FONT_TITLE,
        alt_name: Some("宋体"),
        family: "script",
        charset: "86",
    },
    FontEntry {
        name: FONT_HEADING_1,
        alt_name: Some("SimHei"),
        family: "modern",
        charset: "86",
    },
    FontEntry {
        name: FONT_HEADING_2,
        alt_name: Some("楷体"),
        family: "modern",
        charset: "86",
    },
    FontEntry {
        name: FONT_PAGE_NUMBER,
        alt_name: Some("SimSun"),
        family: "auto",
        charset: "86",
    },
];

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii(FONT_LATIN)
        .hi_ansi(FONT_LATIN)
        .cs(FONT_LATIN)
}

fn exact(line: i32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(line)
        .before(0)
        .after(0)
}

pub fn render(content: &Content, made: jiff::Timestamp) -> Result<Vec<u8>, ExportError> {
    // gongkai's own export is marked in the package's app.xml (see `package`).
    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TOP)
                .bottom(MARGIN_BOTTOM)
                .left(MARGIN_LEFT)
                .right(MARGIN_RIGHT)
                .header(HEADER_DISTANCE)
                .footer(FOOTER_DISTANCE),
        )
        .default_fonts(fonts(FONT_BODY))
        .default_size(SIZE_BODY)
        .default_spacing(CHAR_SPACING)
        // Placeholders: they make docx-rs refer to the footers from the section and turn on
        // odd and even pages; [`package`] writes the footers themselves.
        .footer(Footer::new())
        .even_footer(Footer::new());
    docx.document = docx.document.doc_grid(
        DocGrid::new()
            .grid_type(DocGridType::Lines)
            .line_pitch(LINE_PITCH as usize),
    );
    if content.draft {
        docx = docx.header(Header::new()).even_header(Header::new());
    }

    docx = docx.add_paragraph(title(&content.title_lines));
    for paragraph in &content.preamble {
        docx = docx.add_paragraph(body(paragraph));
    }
    let mut header_rows = Vec::new();
    for section in &content.sections {
        docx = docx.add_paragraph(heading(section.heading, FONT_HEADING_1, 0));
        for block in &section.blocks {
            docx = match block {
                Block::Subheading(text) => docx.add_paragraph(heading(text, FONT_HEADING_2, 1)),
                Block::Paragraph(text) => docx.add_paragraph(body(text)),
                Block::Table(table) => {
                    header_rows.push(table.grid.header_rows);
                    docx.add_table(word_table(table))
                        .add_paragraph(Paragraph::new().line_spacing(exact(LINE_PITCH)))
                }
            };
        }
    }

    let mut xml = docx.build();
    xml.styles = patch::schema_order(&patch::document_language(&xml.styles)?)?;
    xml.document = patch::schema_order(&patch::repeat_header_rows(&xml.document, &header_rows)?)?;
    xml.settings = patch::schema_order(&xml.settings)?;
    xml.font_table = patch::font_table(&FONTS);
    xml.doc_props.core = patch::core_properties(&content.title, content.agency, made);
    let footer = |right| {
        package::page_number_footer(
            right,
            FONT_PAGE_NUMBER,
            SIZE_PAGE_NUMBER,
            INDENT_PAGE_NUMBER,
        )
    };
    let header = || package::draft_header(DRAFT_MARK, FONT_HEADING_1, SIZE_BODY);
    let headers = content.draft.then(|| [header(), header()]);
    package::write(&package::Parts::from_docx(
        xml,
        [footer(true), footer(false)],
        headers,
    ))
}

/// Characters of 二号 a title line holds: 156 mm over 7.76 mm, less the tightened spacing.
const TITLE_LINE_CHARS: usize = 20;

/// The title, broken as GB/T 9704 asks when it does not fit one line: at a whole word, the
/// agency on the first line and 「YYYY年政府信息公开工作年度报告」 on the second, centred.
fn title(lines: &[String]) -> Paragraph {
    use unicode_width::UnicodeWidthStr;
    let whole: usize = lines.iter().map(|l| l.width()).sum();
    let break_lines = whole > TITLE_LINE_CHARS * 2;
    let mut p = Paragraph::new();
    for (i, line) in lines.iter().enumerate() {
        let mut run = Run::new();
        if i > 0 && break_lines {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        p = p.add_run(run.add_text(line).fonts(fonts(FONT_TITLE)).size(SIZE_TITLE));
    }
    p.align(AlignmentType::Center)
        // One blank line of the grid between the title and the text, as GB/T 9704 sets it.
        .line_spacing(exact(TITLE_LINE).after(LINE_PITCH as u32))
        .snap_to_grid(false)
}

fn first_line_indent(p: Paragraph) -> Paragraph {
    p.indent(
        None,
        Some(SpecialIndentType::FirstLine(INDENT_BODY)),
        None,
        None,
    )
}

fn body(text: &str) -> Paragraph {
    first_line_indent(Paragraph::new().add_run(Run::new().add_text(text)))
        .align(AlignmentType::Both)
        .line_spacing(exact(LINE_PITCH))
}

fn heading(text: &str, font: &str, level: usize) -> Paragraph {
    first_line_indent(
        Paragraph::new().add_run(Run::new().add_text(text).fonts(fonts(font)).size(SIZE_BODY)),
    )
    .line_spacing(exact(LINE_PITCH))
    .outline_lvl(level)
    .keep_next(true)
}

fn cell_paragraph(text: &str, role: Role, row_span: usize, keep_next: bool) -> Paragraph {
    let align = match role {
        Role::Input | Role::Computed => AlignmentType::Right,
        Role::ColumnHeader => AlignmentType::Center,
        Role::RowHeader if row_span > 1 => AlignmentType::Center,
        Role::RowHeader | Role::Corner | Role::Caption => AlignmentType::Left,
    };
    let size = if role == Role::Corner {
        SIZE_TABLE_NOTE
    } else {
        SIZE_TABLE
    };
    let mut p = Paragraph::new()
        .align(align)
        .snap_to_grid(false)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Auto)
                .line(240)
                .before(0)
                .after(0),
        )
        .size(size)
        .keep_next(keep_next);
    for (i, line) in layout::cell_lines(text, role, row_span)
        .into_iter()
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        let mut run = Run::new();
        if i > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        p = p.add_run(run.add_text(line).size(size));
    }
    p
}

/// A table from the official grid: an origin becomes a cell spanning its columns
/// (`gridSpan`) and starting a vertical merge when it spans rows (`vMerge restart`); each
/// slot it covers below its first row becomes a continuing cell (`vMerge continue`).
fn word_table(table: &TableContent) -> Table {
    let grid = &table.grid;
    let widths = layout::page_widths(table, TEXT_WIDTH);
    let span_width = |c: usize, span: usize| widths[c..c + span].iter().sum::<usize>();
    let mut rows = Vec::with_capacity(grid.height());
    for (r, slots) in grid.slots.iter().enumerate() {
        // Every row keeps with the next, up to the table's end or the next block's caption:
        // a table (or a block of table 二) that fits on a page is not split across two.
        let keep = r + 1 < grid.height()
            && !grid
                .row_origins(r + 1)
                .next()
                .is_some_and(|(_, cell)| cell.role == Role::Caption);
        let mut cells = Vec::new();
        for (c, slot) in slots.iter().enumerate() {
            let cell = match slot {
                Slot::Origin(cell) => {
                    let mut tc = TableCell::new()
                        .add_paragraph(cell_paragraph(
                            table.text(r, c),
                            cell.role,
                            cell.row_span,
                            keep,
                        ))
                        .width(span_width(c, cell.col_span), WidthType::Dxa)
                        .vertical_align(VAlignType::Center);
                    if cell.col_span > 1 {
                        tc = tc.grid_span(cell.col_span);
                    }
                    if cell.row_span > 1 {
                        tc = tc.vertical_merge(VMergeType::Restart);
                    }
                    tc
                }
                // Covered from above, at the origin's first column: the merge goes on.
                &Slot::Covered(or, oc) if or != r && oc == c => {
                    let span = grid.origin(or, oc).map_or(1, |o| o.col_span);
                    let mut tc = TableCell::new()
                        .add_paragraph(cell_paragraph("", Role::Input, 1, keep))
                        .width(span_width(c, span), WidthType::Dxa)
                        .vertical_merge(VMergeType::Continue);
                    if span > 1 {
                        tc = tc.grid_span(span);
                    }
                    tc
                }
                // Covered from the left: part of a cell's gridSpan.
                Slot::Covered(..) => continue,
            };
            cells.push(cell);
        }
        rows.push(TableRow::new(cells).cant_split());
    }
    Table::new(rows)
        .set_grid(widths)
        .margins(
            TableCellMargins::new()
                .margin_left(layout::CELL_MARGIN, WidthType::Dxa)
                .margin_right(layout::CELL_MARGIN, WidthType::Dxa),
        )
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .align(TableAlignmentType::Center)
}
