//! Reading the figure in a table cell as printed: digits in either width, thousands
//! separators, a unit written into the cell (「75394432.52元」), and the marks officers put in a
//! cell with nothing to report (「—」「/」「无」), which are kept blank, never read as 0.

use super::labels::half_width;
use rust_decimal::Decimal;
use std::str::FromStr;

/// What a value cell holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Printed {
    /// An empty cell.
    Empty,
    /// A mark meaning 「nothing」 (「—」「/」「无」), as written.
    Mark(String),
    /// A figure, with the unit written beside it if any.
    Figure {
        /// The figure exactly as printed, full-width digits and thousands separators undone;
        /// it may be negative or fractional, and whether the cell takes it is decided later.
        value: Decimal,
        /// The unit written after it in the cell (万元, 元, 件, 项, 个); `None` when there is
        /// none, and the column header may still give one.
        unit: Option<String>,
    },
    /// Text that is not a figure.
    Other(String),
}

impl Printed {
    /// The figure, when the cell holds one; `None` for a blank, a mark or other text.
    pub fn figure(&self) -> Option<Decimal> {
        match self {
            Printed::Figure { value, .. } => Some(*value),
            _ => None,
        }
    }

    /// A cell that may stand in a row of figures: a figure, a blank or a blank mark.
    pub fn is_value_like(&self) -> bool {
        !matches!(self, Printed::Other(_))
    }

    /// Zero or blank: what a stray cell left by a merged cell holds.
    pub fn is_zero_or_blank(&self) -> bool {
        match self {
            Printed::Empty | Printed::Mark(_) => true,
            Printed::Figure { value, .. } => value.is_zero(),
            Printed::Other(_) => false,
        }
    }
}

const BLANK_MARKS: [&str; 9] = ["—", "——", "-", "--", "－", "/", "／", "无", "\\"];
const UNITS: [&str; 5] = ["万元", "元", "件", "项", "个"];

/// Reads one cell's text.
pub fn read(text: &str) -> Printed {
    let compact: String = half_width(text)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if compact.is_empty() {
        return Printed::Empty;
    }
    if BLANK_MARKS.contains(&compact.as_str()) || compact.chars().all(|c| c == '—' || c == '-') {
        return Printed::Mark(text.trim().to_string());
    }
    let mut body = compact.as_str();
    let mut unit = None;
    for u in UNITS {
        if let Some(rest) = body.strip_suffix(u) {
            body = rest;
            unit = Some(u.to_string());
            break;
        }
    }
    let digits: String = body
        .replace([',', '，'], "")
        .replace('−', "-")
        .trim_start_matches('+')
        .to_string();
    let plausible = !digits.is_empty()
        && digits.len() <= 24
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        && digits.chars().any(|c| c.is_ascii_digit());
    match plausible.then(|| Decimal::from_str(&digits).ok()).flatten() {
        Some(value) => Printed::Figure { value, unit },
        None => Printed::Other(text.trim().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_in_either_width_with_separators_and_units() {
        assert_eq!(read("１，０３７").figure(), Some(Decimal::from(1037)));
        assert_eq!(
            read("75394432.52元"),
            Printed::Figure {
                value: Decimal::from_str("75394432.52").unwrap_or_default(),
                unit: Some("元".into())
            }
        );
        assert_eq!(read("+3").figure(), Some(Decimal::from(3)));
        assert_eq!(read("−2").figure(), Some(Decimal::from(-2)));
    }

    #[test]
    fn blank_marks_are_kept_as_written() {
        assert_eq!(read("—"), Printed::Mark("—".into()));
        assert_eq!(read(" 无 "), Printed::Mark("无".into()));
        assert_eq!(read("\u{3000}"), Printed::Empty);
        assert!(matches!(read("规章"), Printed::Other(_)));
    }
}
