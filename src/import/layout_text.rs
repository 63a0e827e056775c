//! Tables in text laid out with spaces, as `pdftotext -layout` gives a report's PDF: a row is a
//! label followed, after a wide gap, by its figures; a label wrapped over two lines leaves a
//! line of figures alone under it; column headers sit on the lines above the first row. Each
//! line becomes a row of the grid (label cells split at wide gaps, then the figures), and
//! the back end matches them as it matches any other grid.

use super::document::{Grid, tidy};
use super::labels::split_numbering;
use super::values::{Printed, read};

/// A line's cells, split at runs of two or more spaces.
fn cells(line: &str) -> Vec<String> {
    line.split("  ")
        .map(tidy)
        .filter(|c| !c.is_empty())
        .collect()
}

/// A line that is a row of figures: a label then, after a gap of two spaces or more, one or
/// more figures; or two figures or more alone. Returns the label (possibly empty) and figures.
pub fn row(line: &str) -> Option<(String, Vec<String>)> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let figures = tokens
        .iter()
        .rev()
        .take_while(|t| matches!(read(t), Printed::Figure { .. }))
        .count();
    if figures == 0 {
        return None;
    }
    let label_tokens = &tokens[..tokens.len() - figures];
    let values: Vec<String> = tokens[tokens.len() - figures..]
        .iter()
        .map(|t| t.to_string())
        .collect();
    if label_tokens.is_empty() {
        return (figures >= 2).then(|| (String::new(), values));
    }
    // The label must end before a wide gap: 「…截至 12 月 31」 in prose is not a row.
    let first_figure = values[0].as_str();
    let label_end = line.rfind(label_tokens[label_tokens.len() - 1])?
        + label_tokens[label_tokens.len() - 1].len();
    let gap = &line[label_end..];
    let gap_width = gap.len() - gap.trim_start().len();
    (gap_width >= 2 && gap.trim_start().starts_with(first_figure))
        .then(|| (tidy(&label_tokens.join(" ")), values))
}

/// A numbered section heading (「三、收到和处理…」) ends a table.
fn is_section_heading(line: &str) -> bool {
    let t = line.trim();
    matches!(split_numbering(t), (Some(n), _) if !n.chars().all(|c| c.is_ascii_digit()))
        && t.contains('、')
        && !t.starts_with(['(', '（'])
}

/// A line that may belong to a table without figures: a header, a caption, a wrapped label.
pub fn may_be_table_text(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && tidy(t).chars().count() <= 50 && !t.ends_with('。') && !is_section_heading(t)
}

/// Reads the lines of one table: each line a row of the grid.
pub fn grid(lines: &[&str]) -> Grid {
    let rows = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|line| match row(line) {
            Some((label, mut values)) => {
                let mut row: Vec<String> = if label.is_empty() {
                    Vec::new()
                } else {
                    vec![label]
                };
                row.append(&mut values);
                row
            }
            None => cells(line),
        })
        .collect();
    Grid::from_texts(rows)
}

/// Where a table laid out with spaces starts and ends, given the line of its first row: it
/// takes in the header lines above (back to a section heading or a sentence) and goes on
/// while lines are rows or table text.
pub fn extent(lines: &[&str], first_row: usize) -> (usize, usize) {
    let mut start = first_row;
    while start > 0 && (lines[start - 1].trim().is_empty() || may_be_table_text(lines[start - 1])) {
        start -= 1;
    }
    while start < first_row && lines[start].trim().is_empty() {
        start += 1;
    }
    let mut end = first_row + 1;
    while end < lines.len() {
        let line = lines[end];
        if row(line).is_some() || line.trim().is_empty() || may_be_table_text(line) {
            end += 1;
        } else {
            break;
        }
    }
    // Trailing blank and table-text lines after the last row belong to what follows.
    while end > first_row + 1 && row(lines[end - 1]).is_none() {
        end -= 1;
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_a_label_a_gap_and_figures() {
        assert_eq!(
            row("一、本年新收政府信息公开申请数量        21    0      0     0   0   0     21"),
            Some((
                "一、本年新收政府信息公开申请数量".into(),
                ["21", "0", "0", "0", "0", "0", "21"]
                    .map(String::from)
                    .to_vec()
            ))
        );
        assert_eq!(
            row("行政事业性收费          7730.28").map(|r| r.1),
            Some(vec!["7730.28".into()])
        );
        assert_eq!(
            row("   4    0      0     0").map(|r| r.0),
            Some(String::new())
        );
        assert_eq!(row("统计期限自 2023 年 1 月 1"), None);
        assert_eq!(row("政府网站主动公开政府信息 1136 条。"), None);
        assert_eq!(row("     -3-"), None);
    }

    #[test]
    fn headings_end_a_table_but_labels_do_not() {
        assert!(is_section_heading(
            "     四、政府信息公开行政复议、行政诉讼情况"
        ));
        assert!(!is_section_heading("（三）不予公开"));
        assert!(!is_section_heading("三 、本 年 度办 理 结果"));
    }
}
