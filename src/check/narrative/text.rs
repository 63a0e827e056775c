//! The prose as the reader sees it: where sentences and clauses end, which characters are inside
//! 《…》 or a date, and where a whole number with its unit stands.

/// Where a sentence ends.
pub(super) const SENTENCE_ENDS: &[char] = &['。', '！', '？', '；', '!', '?', ';', '\n'];
/// Where a clause ends within a sentence.
pub(super) const CLAUSE_ENDS: &[char] = &['，', ',', '：', ':'];
/// Spaces that may stand between a number and its unit.
pub(super) const SPACES: &[char] = &[' ', '\u{3000}', '\u{a0}'];
/// What a number is a date with (2026年, 3月, 17日, 2023年度): it is no figure, and it stands
/// between a term and its figure as a linking word does (结转至2026年1件).
const DATE_UNITS: &[char] = &['年', '月', '日', '号'];

/// Positions inside 《…》.
pub(super) fn title_mask(chars: &[char]) -> Vec<bool> {
    let mut depth = 0usize;
    chars
        .iter()
        .map(|&c| match c {
            '《' => {
                depth += 1;
                true
            }
            '》' => {
                depth = depth.saturating_sub(1);
                true
            }
            _ => depth > 0,
        })
        .collect()
}

/// Whether position `i` is part of a date (the digits and their 年/月/日, 2023年度): asked only
/// of the few characters between a term and its figure, so no mask of the whole text is kept.
pub(super) fn in_date(chars: &[char], i: usize) -> bool {
    let is_digit = |j: usize| digit_value(chars[j]).is_some();
    let unit_after_digits = |from: usize| {
        let mut k = from;
        while k < chars.len() && is_digit(k) {
            k += 1;
        }
        while k < chars.len() && SPACES.contains(&chars[k]) {
            k += 1;
        }
        chars.get(k).is_some_and(|c| DATE_UNITS.contains(c))
    };
    let digits_before = |to: usize| {
        let mut k = to;
        while k > 0 && SPACES.contains(&chars[k - 1]) {
            k -= 1;
        }
        k > 0 && is_digit(k - 1)
    };
    match chars[i] {
        c if digit_value(c).is_some() => unit_after_digits(i),
        c if SPACES.contains(&c) => digits_before(i) && unit_after_digits(i),
        '度' => i > 0 && chars[i - 1] == '年' && digits_before(i - 1),
        c if DATE_UNITS.contains(&c) => digits_before(i),
        _ => false,
    }
}

pub(super) fn digit_value(c: char) -> Option<u64> {
    match c {
        '0'..='9' => Some(c as u64 - '0' as u64),
        '０'..='９' => Some(c as u64 - '０' as u64),
        _ => None,
    }
}

/// A `,` between a digit and exactly three digits (1,037) separates thousands, not clauses.
pub(super) fn is_thousands_separator(chars: &[char], i: usize) -> bool {
    chars[i] == ','
        && i > 0
        && chars[i - 1].is_ascii_digit()
        && chars
            .get(i + 1..i + 4)
            .is_some_and(|s| s.iter().all(char::is_ascii_digit))
        && chars.get(i + 4).is_none_or(|c| digit_value(*c).is_none())
}

/// Whether a clause ends at `i`.
pub(super) fn ends_clause(chars: &[char], i: usize) -> bool {
    CLAUSE_ENDS.contains(&chars[i]) && !is_thousands_separator(chars, i)
}

/// A whole number followed by a unit.
#[derive(Debug, Clone, Copy)]
pub(super) struct Figure {
    pub start: usize,
    /// Just after the unit.
    pub end: usize,
    pub value: u64,
}

/// Reads the number starting at `i` (within `..limit`), if it is a whole number followed by
/// one of the units.
pub(super) fn figure_at(
    chars: &[char],
    i: usize,
    limit: usize,
    units: &[String],
) -> Option<Figure> {
    digit_value(chars[i])?;
    let before = i.checked_sub(1).map(|j| chars[j]);
    if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || digit_value(c).is_some()) {
        return None;
    }
    let mut j = i;
    let mut value: u64 = 0;
    while j < limit {
        if let Some(d) = digit_value(chars[j]) {
            value = value.checked_mul(10)?.checked_add(d)?;
            j += 1;
        } else if is_thousands_separator(chars, j) {
            j += 1;
        } else {
            break;
        }
    }
    if j == i {
        return None;
    }
    // A decimal (1.5 件) is not a count.
    if matches!(chars.get(j), Some('.' | '．'))
        && chars.get(j + 1).is_some_and(|c| digit_value(*c).is_some())
    {
        return None;
    }
    let mut k = j;
    while k < limit && SPACES.contains(&chars[k]) {
        k += 1;
    }
    let unit = units.iter().find(|u| {
        let len = u.chars().count();
        k + len <= limit && chars[k..k + len].iter().copied().eq(u.chars())
    })?;
    Some(Figure {
        start: i,
        end: k + unit.chars().count(),
        value,
    })
}

/// Every figure of `start..end`, in order.
pub(super) fn figures(chars: &[char], start: usize, end: usize, units: &[String]) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut i = start;
    while i < end {
        match figure_at(chars, i, end, units) {
            Some(f) => {
                i = f.end;
                out.push(f);
            }
            None => i += 1,
        }
    }
    out
}

/// The years written in `start..end` (four digits and 年, as in 2022年 or 2022年度), in order.
pub(super) fn years(chars: &[char], start: usize, end: usize) -> impl Iterator<Item = i32> + '_ {
    (start..end).filter_map(move |i| {
        if chars.get(i) != Some(&'年') || i < start + 4 {
            return None;
        }
        // Exactly four digits before 年: not the tail of a longer number.
        let before_digits = i - 4;
        if before_digits > 0 && digit_value(chars[before_digits - 1]).is_some() {
            return None;
        }
        chars[before_digits..i].iter().try_fold(0i32, |year, c| {
            let d = i32::try_from(digit_value(*c)?).ok()?;
            Some(year * 10 + d)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_four_digits_before_nian() {
        let chars: Vec<char> = "与2022年相比，12023年，２０２１年度，3年".chars().collect();
        let found: Vec<i32> = years(&chars, 0, chars.len()).collect();
        assert_eq!(found, [2022, 2021]);
    }

    #[test]
    fn a_year_is_a_date_and_no_figure() {
        let chars: Vec<char> = "结转至2026年1件".chars().collect();
        assert!(in_date(&chars, 3) && in_date(&chars, 7) && !in_date(&chars, 8));
        let units = vec!["件".to_string()];
        let found = figures(&chars, 0, chars.len(), &units);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].value, 1);
    }
}
