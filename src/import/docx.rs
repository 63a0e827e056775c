//! The Word front end: `word/document.xml` of a .docx, its paragraphs and its tables with
//! `w:gridSpan` and `w:vMerge` turned into spans. Every part is read with a size limit, so a
//! zip bomb is refused after reading at most that much, never inflated whole.

use super::ImportError;
use super::document::{Block, Document, Grid, SpanCell, tidy};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::Read;

/// The most a report's `document.xml` may inflate to; real reports are under 2 MB.
pub const MAX_PART_BYTES: u64 = 32 * 1024 * 1024;

/// Reads a .docx held in memory.
pub fn read(bytes: &[u8]) -> Result<Document, ImportError> {
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| ImportError::Damaged)?;
    let document = part(&mut archive, "word/document.xml")?.ok_or(ImportError::NotWord)?;
    // gongkai names itself as the application that wrote the file (older versions: a custom
    // property).
    let own_export = part(&mut archive, "docProps/app.xml")
        .ok()
        .flatten()
        .is_some_and(|xml| String::from_utf8_lossy(&xml).contains("<Application>gongkai"))
        || part(&mut archive, "docProps/custom.xml")
            .ok()
            .flatten()
            .is_some_and(|xml| is_own_export(&xml));
    let blocks = body(&document)?;
    Ok(Document { blocks, own_export })
}

fn part(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<Vec<u8>>, ImportError> {
    let file = match archive.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(_) => return Err(ImportError::Damaged),
    };
    if file.size() > MAX_PART_BYTES {
        return Err(ImportError::ZipBomb);
    }
    let mut out = Vec::new();
    // The declared size may lie: read one byte past the limit to know.
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|_| ImportError::Damaged)?;
    if out.len() as u64 > MAX_PART_BYTES {
        return Err(ImportError::ZipBomb);
    }
    Ok(Some(out))
}

/// The custom property `generator` = `gongkai …` marks gongkai's own export.
fn is_own_export(xml: &[u8]) -> bool {
    let text = String::from_utf8_lossy(xml);
    text.split("name=\"generator\"").nth(1).is_some_and(|rest| {
        rest.split("</property>")
            .next()
            .is_some_and(|p| p.contains(">gongkai"))
    })
}

/// A cell of a table being read, with its vertical-merge mark.
struct RawCell {
    text: String,
    grid_span: usize,
    merge: Merge,
}

#[derive(Clone, Copy, PartialEq)]
enum Merge {
    None,
    Restart,
    Continue,
}

#[derive(Default)]
struct TableBuild {
    rows: Vec<Vec<RawCell>>,
}

fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

fn body(xml: &[u8]) -> Result<Vec<Block>, ImportError> {
    let mut reader = Reader::from_reader(xml);
    let mut blocks = Vec::new();
    let mut tables: Vec<TableBuild> = Vec::new();
    let mut paragraph = String::new();
    let mut in_text = false;
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|_| ImportError::Damaged)?;
        let event_kind = match &event {
            Event::Start(_) => Kind::Start,
            _ => Kind::Other,
        };
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let opens = matches!(event_kind, Kind::Start);
                match e.name().as_ref() {
                    b"w:t" => in_text = opens,
                    b"w:tab" => paragraph.push('\t'),
                    b"w:br" | b"w:cr" => paragraph.push('\n'),
                    b"w:tbl" => {
                        flush_paragraph(&mut paragraph, &mut tables, &mut blocks);
                        tables.push(TableBuild::default());
                    }
                    b"w:tr" => {
                        if let Some(t) = tables.last_mut() {
                            t.rows.push(Vec::new());
                        }
                    }
                    b"w:tc" => {
                        if let Some(row) = tables.last_mut().and_then(|t| t.rows.last_mut()) {
                            row.push(RawCell {
                                text: String::new(),
                                grid_span: 1,
                                merge: Merge::None,
                            });
                        }
                    }
                    b"w:gridSpan" => {
                        if let Some(cell) = current_cell(&mut tables) {
                            cell.grid_span = attr(&e, b"w:val")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1usize)
                                .max(1);
                        }
                    }
                    b"w:vMerge" => {
                        if let Some(cell) = current_cell(&mut tables) {
                            cell.merge = match attr(&e, b"w:val").as_deref() {
                                Some("restart") => Merge::Restart,
                                _ => Merge::Continue,
                            };
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text => {
                paragraph.push_str(&t.decode().map_err(|_| ImportError::Damaged)?);
            }
            Event::GeneralRef(r) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    paragraph.push(c);
                } else {
                    let name = r.decode().map_err(|_| ImportError::Damaged)?;
                    paragraph.push_str(match name.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:p" => flush_paragraph(&mut paragraph, &mut tables, &mut blocks),
                b"w:tbl" => {
                    if let Some(table) = tables.pop() {
                        let grid = resolve(table);
                        match current_cell(&mut tables) {
                            // A table inside a cell is read as that cell's text.
                            Some(cell) => cell.text.push_str(&grid.all_text()),
                            None => blocks.push(Block::Table(grid)),
                        }
                    }
                }
                _ => {}
            },
            _ => {}
        }
        buf.clear();
    }
    flush_paragraph(&mut paragraph, &mut tables, &mut blocks);
    Ok(blocks)
}

/// Whether an element event opens an element with content (`<w:t>`) or is self-closing.
enum Kind {
    Start,
    Other,
}

fn current_cell(tables: &mut [TableBuild]) -> Option<&mut RawCell> {
    tables.last_mut()?.rows.last_mut()?.last_mut()
}

/// Ends a paragraph: into the current cell (paragraphs of a cell are joined), or as a block.
fn flush_paragraph(paragraph: &mut String, tables: &mut [TableBuild], blocks: &mut Vec<Block>) {
    if let Some(cell) = current_cell(tables) {
        cell.text.push_str(paragraph);
    } else {
        for line in paragraph.split('\n') {
            let text = tidy(line);
            if !text.is_empty() {
                blocks.push(Block::Paragraph(text));
            }
        }
    }
    paragraph.clear();
}

/// Turns vertical merges into row spans: a continuing cell lengthens the cell that started the
/// merge in the same grid column, and takes no slot of its own.
fn resolve(table: TableBuild) -> Grid {
    let mut rows: Vec<Vec<SpanCell>> = Vec::new();
    // For each grid column, the (row, cell) that started a vertical merge there.
    let mut open: Vec<Option<(usize, usize)>> = Vec::new();
    for raw_row in table.rows {
        let r = rows.len();
        let mut row = Vec::new();
        let mut column = 0usize;
        for cell in raw_row {
            let span = cell.grid_span.min(super::document::MAX_SPAN);
            if open.len() < column + span {
                open.resize(column + span, None);
            }
            match cell.merge {
                Merge::Continue => {
                    if let Some((or, oc)) = open[column]
                        && let Some(origin) = rows.get_mut(or).and_then(|x| x.get_mut(oc))
                    {
                        origin.row_span += 1;
                    } else {
                        // A continuation with nothing to continue: keep it as a cell.
                        row.push(SpanCell {
                            text: tidy(&cell.text),
                            row_span: 1,
                            col_span: span,
                        });
                    }
                }
                merge => {
                    open[column] = (merge == Merge::Restart).then_some((r, row.len()));
                    row.push(SpanCell {
                        text: tidy(&cell.text),
                        row_span: 1,
                        col_span: span,
                    });
                }
            }
            column += span;
        }
        rows.push(row);
    }
    Grid::from_spans(&rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn docx(body: &str) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", options).expect("start");
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        );
        zip.write_all(xml.as_bytes()).expect("write");
        zip.finish().expect("finish");
        out.into_inner()
    }

    fn cell(props: &str, text: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
    }

    #[test]
    fn merged_cells_become_spans_and_ideographic_spaces_blanks() {
        let restart = r#"<w:vMerge w:val="restart"/>"#;
        let body = format!(
            "<w:p><w:r><w:t>标题</w:t></w:r></w:p><w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
            cell(restart, "（三）不予公开"),
            cell("", "1.属于国家秘密"),
            cell("", "\u{3000}"),
            cell("<w:vMerge/>", ""),
            cell(r#"<w:gridSpan w:val="2"/>"#, "2.其他法律行政法规禁止公开 0"),
            cell("", "1"),
        );
        let document = read(&docx(&body)).expect("reads");
        assert_eq!(document.blocks[0], Block::Paragraph("标题".into()));
        let Block::Table(grid) = &document.blocks[1] else {
            panic!("a table");
        };
        assert_eq!(grid.rows[1][0].text, "（三）不予公开");
        assert!(!grid.rows[1][0].origin);
        assert_eq!(grid.rows[0][2].text, "");
        assert_eq!(grid.rows[1][1].col_span, 2);
        assert_eq!(grid.rows[1][3].text, "1");
    }

    #[test]
    fn a_zip_that_is_not_word_is_refused() {
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        zip.start_file("a.txt", zip::write::SimpleFileOptions::default())
            .expect("start");
        zip.write_all(b"x").expect("write");
        zip.finish().expect("finish");
        assert!(matches!(read(&out.into_inner()), Err(ImportError::NotWord)));
    }
}
