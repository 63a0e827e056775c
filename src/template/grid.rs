//! The printed layout of a table as a grid of slots with row and column spans.
//!
//! Every slot is either the origin of a cell (with its spans) or covered by one. The grid is
//! derived from the template alone — group labels become merged cells — so the screen, HTML,
//! Word and plain text all draw the same official table.

use super::{Layout, Table};

/// What a cell of the printed table is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The top-left note of a matrix table.
    Corner,
    /// A block caption spanning the table (第二十条第（一）项).
    Caption,
    /// A column header or column group label.
    ColumnHeader,
    /// A row label or row group label.
    RowHeader,
    /// A number the officer types.
    Input,
    /// A number gongkai computes (总计).
    Computed,
}

/// What a cell of the printed table shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// Printed wording: a caption, header, label or the corner note (empty when the template
    /// gives none).
    Text(String),
    /// A number cell, by cell key (`table.row.column`).
    Value(String),
}

/// A cell of the printed table, possibly merged over several slots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridCell {
    /// What the cell is for, which decides how it is drawn.
    pub role: Role,
    /// Its wording, or the key of the number it shows.
    pub content: Content,
    /// How many grid rows it covers, downward from its origin.
    pub row_span: usize,
    /// How many grid columns it covers, rightward from its origin.
    pub col_span: usize,
}

/// One position of the grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// The top-left position of a cell, holding the cell.
    Origin(GridCell),
    /// Covered by the cell whose origin is at (row, column).
    Covered(usize, usize),
}

/// A table as printed ([`Table::grid`]): rows of slots, every row as wide as the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    /// Rows at the top that repeat on every page (column headers).
    pub header_rows: usize,
    /// The slots, by grid row, then grid column.
    pub slots: Vec<Vec<Slot>>,
}

impl Grid {
    /// The number of grid rows, header rows included.
    pub fn height(&self) -> usize {
        self.slots.len()
    }

    /// The number of grid columns, label columns included.
    pub fn width(&self) -> usize {
        self.slots.first().map_or(0, Vec::len)
    }

    /// The origin cell at (row, column), if that slot is one.
    pub fn origin(&self, row: usize, column: usize) -> Option<&GridCell> {
        match self.slots.get(row)?.get(column)? {
            Slot::Origin(cell) => Some(cell),
            Slot::Covered(..) => None,
        }
    }

    /// Origin cells of one grid row, with their column.
    pub fn row_origins(&self, row: usize) -> impl Iterator<Item = (usize, &GridCell)> {
        self.slots[row]
            .iter()
            .enumerate()
            .filter_map(|(c, slot)| match slot {
                Slot::Origin(cell) => Some((c, cell)),
                Slot::Covered(..) => None,
            })
    }

    fn new(height: usize, width: usize, header_rows: usize) -> Grid {
        Grid {
            header_rows,
            slots: vec![vec![Slot::Covered(usize::MAX, usize::MAX); width]; height],
        }
    }

    fn place(&mut self, row: usize, column: usize, cell: GridCell) {
        for r in row..row + cell.row_span {
            for c in column..column + cell.col_span {
                self.slots[r][c] = Slot::Covered(row, column);
            }
        }
        self.slots[row][column] = Slot::Origin(cell);
    }
}

fn text(role: Role, text: &str, row_span: usize, col_span: usize) -> GridCell {
    GridCell {
        role,
        content: Content::Text(text.to_string()),
        row_span,
        col_span,
    }
}

/// One merged label along an axis: `level` is the depth, `index` the first item it covers.
struct Band<'a> {
    level: usize,
    index: usize,
    /// Items covered along the axis (column span for headers, row span for row labels).
    across: usize,
    /// Levels covered (a leaf stretches to the deepest level).
    deep: usize,
    label: &'a str,
}

/// Merges label paths into bands: a group label spans the consecutive items that share it; a
/// leaf shallower than `depth` stretches down to the last level.
fn bands<'a>(paths: &[Vec<&'a str>], depth: usize) -> Vec<Band<'a>> {
    let mut out = Vec::new();
    for level in 0..depth {
        let mut i = 0;
        while i < paths.len() {
            let path = &paths[i];
            if level >= path.len() {
                i += 1;
                continue;
            }
            if level + 1 == path.len() {
                out.push(Band {
                    level,
                    index: i,
                    across: 1,
                    deep: depth - level,
                    label: path[level],
                });
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < paths.len()
                && paths[j].len() > level + 1
                && paths[j][..=level] == path[..=level]
            {
                j += 1;
            }
            out.push(Band {
                level,
                index: i,
                across: j - i,
                deep: 1,
                label: path[level],
            });
            i = j;
        }
    }
    out
}

impl Table {
    /// The official printed grid of this table.
    pub fn grid(&self) -> Grid {
        match self.layout {
            Layout::Matrix => self.matrix_grid(),
            Layout::Blocks => self.blocks_grid(),
            Layout::Across => self.across_grid(),
        }
    }

    fn value(&self, row: &super::Row, column: &super::Column) -> GridCell {
        let computed = row.sum.is_some() || column.sum.is_some();
        GridCell {
            role: if computed {
                Role::Computed
            } else {
                Role::Input
            },
            content: Content::Value(crate::template::cell_key(&self.key, &row.key, &column.key)),
            row_span: 1,
            col_span: 1,
        }
    }

    fn matrix_grid(&self) -> Grid {
        let block = &self.blocks[0];
        let column_paths: Vec<Vec<&str>> =
            block.columns.iter().map(|c| self.column_path(c)).collect();
        let row_paths: Vec<Vec<&str>> = self.rows().map(|(_, r)| self.row_path(r)).collect();
        let header_rows = column_paths.iter().map(Vec::len).max().unwrap_or(1);
        let labels = self.label_columns;
        let mut grid = Grid::new(
            header_rows + row_paths.len(),
            labels + column_paths.len(),
            header_rows,
        );
        let corner = self.corner.as_deref().unwrap_or("");
        grid.place(0, 0, text(Role::Corner, corner, header_rows, labels));
        for b in bands(&column_paths, header_rows) {
            let cell = text(Role::ColumnHeader, b.label, b.deep, b.across);
            grid.place(b.level, labels + b.index, cell);
        }
        for b in bands(&row_paths, labels) {
            let cell = text(Role::RowHeader, b.label, b.across, b.deep);
            grid.place(header_rows + b.index, b.level, cell);
        }
        for (i, (_, row)) in self.rows().enumerate() {
            for (j, column) in block.columns.iter().enumerate() {
                grid.place(header_rows + i, labels + j, self.value(row, column));
            }
        }
        grid
    }

    fn blocks_grid(&self) -> Grid {
        let width = 1 + self
            .blocks
            .iter()
            .map(|b| b.columns.len())
            .max()
            .unwrap_or(1);
        let height: usize = self
            .blocks
            .iter()
            .map(|b| usize::from(b.caption.is_some()) + 1 + b.rows.len())
            .sum();
        let mut grid = Grid::new(height, width, 0);
        let label_header = self.label_header.as_deref().unwrap_or("");
        let mut r = 0;
        for block in &self.blocks {
            // A block with fewer columns than the widest lets its last column take the rest.
            let last_span = width - block.columns.len();
            if let Some(caption) = &block.caption {
                grid.place(r, 0, text(Role::Caption, caption, 1, width));
                r += 1;
            }
            grid.place(r, 0, text(Role::ColumnHeader, label_header, 1, 1));
            for (j, column) in block.columns.iter().enumerate() {
                let span = if j + 1 == block.columns.len() {
                    last_span
                } else {
                    1
                };
                grid.place(r, 1 + j, text(Role::ColumnHeader, &column.header, 1, span));
            }
            r += 1;
            for row in &block.rows {
                grid.place(r, 0, text(Role::RowHeader, &row.label, 1, 1));
                for (j, column) in block.columns.iter().enumerate() {
                    let mut cell = self.value(row, column);
                    if j + 1 == block.columns.len() {
                        cell.col_span = last_span;
                    }
                    grid.place(r, 1 + j, cell);
                }
                r += 1;
            }
        }
        grid
    }

    fn across_grid(&self) -> Grid {
        let block = &self.blocks[0];
        let mut paths = Vec::new();
        let mut cells = Vec::new();
        for row in &block.rows {
            for column in &block.columns {
                let mut path = self.row_path(row);
                path.push(&column.header);
                paths.push(path);
                cells.push(self.value(row, column));
            }
        }
        let header_rows = paths.iter().map(Vec::len).max().unwrap_or(1);
        let mut grid = Grid::new(header_rows + 1, paths.len(), header_rows);
        for b in bands(&paths, header_rows) {
            let cell = text(Role::ColumnHeader, b.label, b.deep, b.across);
            grid.place(b.level, b.index, cell);
        }
        for (j, cell) in cells.into_iter().enumerate() {
            grid.place(header_rows, j, cell);
        }
        grid
    }
}
