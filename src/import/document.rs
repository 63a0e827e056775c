//! The intermediate every front end produces and the one back end reads: the report as a
//! sequence of paragraphs and tables, each table a grid of cell texts with its row and column
//! spans already resolved. A new front end only has to produce this.

/// A published report reduced to what the importer reads.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// The paragraphs and tables in reading order.
    pub blocks: Vec<Block>,
    /// The file says it was written by gongkai's own export (a `generator` mark).
    pub own_export: bool,
}

/// One paragraph of text or one table, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The text of one paragraph or heading, its wrapped lines joined; never empty.
    Paragraph(String),
    /// A table, its merged cells spread over the slots they cover.
    Table(Grid),
}

/// A table with every merged cell spread over the slots it covers: a label spanning three rows
/// appears in each of them, marked as a copy everywhere but its top-left slot.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    /// The rows, top to bottom, each its slots left to right; rows may differ in length.
    pub rows: Vec<Vec<Slot>>,
}

/// One slot of a grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// The text of the cell covering this slot, repeated in every slot it spans; empty for an
    /// empty cell or a slot no cell covers.
    pub text: String,
    /// The top-left slot of its cell (false for the slots a span covers).
    pub origin: bool,
    /// How many columns the cell spans (1 for a plain cell).
    pub col_span: usize,
}

/// A cell as a front end finds it, before its spans are resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct SpanCell {
    /// The cell's text; the HTML and Word front ends collapse its whitespace with [`tidy`].
    pub text: String,
    /// How many rows it covers (`rowspan`, a Word vertical merge); 1 for a plain cell.
    pub row_span: usize,
    /// How many columns it covers (`colspan`, `w:gridSpan`); 1 for a plain cell.
    pub col_span: usize,
}

/// Most columns a real report's table has is 17 (table 四 with its label); a cell claiming more
/// is a malformed or hostile file, cut down so a grid stays small.
pub const MAX_SPAN: usize = 64;
/// A grid larger than this (in slots) is not a report table; the rest is dropped.
pub const MAX_SLOTS: usize = 200_000;

impl Grid {
    /// Lays out rows of cells with `rowspan`/`colspan` as HTML does: each cell takes the next
    /// free slot of its row, and a cell spanning rows occupies the same columns below.
    pub fn from_spans(rows: &[Vec<SpanCell>]) -> Grid {
        let mut grid: Vec<Vec<Option<Slot>>> = Vec::new();
        let mut slots = 0usize;
        for (r, row) in rows.iter().enumerate() {
            if grid.len() <= r {
                grid.push(Vec::new());
            }
            let mut c = 0;
            for cell in row {
                while grid[r].get(c).is_some_and(Option::is_some) {
                    c += 1;
                }
                let col_span = cell.col_span.clamp(1, MAX_SPAN);
                let row_span = cell.row_span.clamp(1, MAX_SPAN).min(rows.len() - r);
                slots += col_span * row_span;
                if slots > MAX_SLOTS {
                    break;
                }
                for dr in 0..row_span {
                    while grid.len() <= r + dr {
                        grid.push(Vec::new());
                    }
                    let line = &mut grid[r + dr];
                    if line.len() < c + col_span {
                        line.resize(c + col_span, None);
                    }
                    for dc in 0..col_span {
                        line[c + dc] = Some(Slot {
                            text: cell.text.clone(),
                            origin: dr == 0 && dc == 0,
                            col_span,
                        });
                    }
                }
                c += col_span;
            }
        }
        Grid {
            rows: grid
                .into_iter()
                .map(|row| {
                    row.into_iter()
                        .map(|s| {
                            s.unwrap_or(Slot {
                                text: String::new(),
                                origin: true,
                                col_span: 1,
                            })
                        })
                        .collect()
                })
                .collect(),
        }
    }

    /// A grid of plain cells, one row per line of texts.
    pub fn from_texts(rows: Vec<Vec<String>>) -> Grid {
        Grid {
            rows: rows
                .into_iter()
                .map(|r| {
                    r.into_iter()
                        .map(|text| Slot {
                            text,
                            origin: true,
                            col_span: 1,
                        })
                        .collect()
                })
                .collect(),
        }
    }

    /// All the text of the grid, for telling which table it is.
    pub fn all_text(&self) -> String {
        let mut out = String::new();
        for row in &self.rows {
            for slot in row.iter().filter(|s| s.origin) {
                out.push_str(&slot.text);
                out.push(' ');
            }
        }
        out
    }
}

/// Collapses runs of whitespace (including U+3000 and no-break spaces) into one space and trims.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for ch in text.chars() {
        if ch.is_whitespace() || ch == '\u{a0}' || ch == '\u{3000}' {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str, row_span: usize, col_span: usize) -> SpanCell {
        SpanCell {
            text: text.into(),
            row_span,
            col_span,
        }
    }

    #[test]
    fn a_row_spanning_label_is_copied_into_the_rows_below() {
        let grid = Grid::from_spans(&[
            vec![cell("三", 2, 1), cell("（一）", 1, 1), cell("1", 1, 1)],
            vec![cell("（二）", 1, 1), cell("2", 1, 1)],
        ]);
        let texts: Vec<Vec<&str>> = grid
            .rows
            .iter()
            .map(|r| r.iter().map(|s| s.text.as_str()).collect())
            .collect();
        assert_eq!(
            texts,
            vec![vec!["三", "（一）", "1"], vec!["三", "（二）", "2"]]
        );
        assert!(!grid.rows[1][0].origin);
    }

    #[test]
    fn a_huge_span_is_cut_down() {
        let grid = Grid::from_spans(&[vec![cell("x", 1_000_000, 1_000_000)]]);
        assert_eq!(grid.rows.len(), 1);
        assert_eq!(grid.rows[0].len(), MAX_SPAN);
    }

    #[test]
    fn tidy_collapses_ideographic_and_no_break_spaces() {
        assert_eq!(tidy("\u{3000}\u{a0} 规章 \n 0 "), "规章 0");
    }
}
