//! `narrative.mismatch`: figures in the prose that contradict the tables.
//!
//! The reader looks, clause by clause, for a number followed by a unit (件, 条, 份, 次) with a
//! table term shortly before it (行政许可, 申请, 行政复议 …). It works out every figure the
//! phrase could mean — with its verbs (收到, 办结), qualifiers (自然人) and the sums of several
//! terms — and speaks only when the number matches none of them. Silence is preferred to a false
//! alarm: approximate numbers, ordinals (第…), figures after 其中, text inside 《》, and anything
//! whose cells are still blank are left alone.

use super::totals::Sheet;
use super::{Detail, Finding, Severity, codes};
use crate::report::Number;
use crate::template::{Qualifier, Template, Term};

/// Where a sentence ends.
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '；', '!', '?', ';', '\n'];
/// Where a clause ends within a sentence.
const CLAUSE_ENDS: &[char] = &['，', ','];

pub(super) fn mismatches(sheet: &Sheet, out: &mut Vec<Finding>) {
    for section in sheet.template.prose_sections() {
        let text: Vec<char> = sheet.draft.text(&section.key).chars().collect();
        for sentence in text.split(|c| SENTENCE_ENDS.contains(c)) {
            let before = out.len();
            read_sentence(sheet, sentence, out);
            // A contradiction is fixed where the prose stands, so it is listed there.
            for f in &mut out[before..] {
                f.section = section.key.clone();
            }
        }
    }
}

/// A word found in the text: where it starts and ends (in characters).
#[derive(Clone, Copy)]
struct Found<'w> {
    start: usize,
    end: usize,
    word: &'w str,
}

fn find_all<'w>(
    chars: &[char],
    masked: &[bool],
    words: impl Iterator<Item = &'w str>,
) -> Vec<Found<'w>> {
    let mut found = Vec::new();
    for word in words {
        let w: Vec<char> = word.chars().collect();
        if w.is_empty() || w.len() > chars.len() {
            continue;
        }
        for start in 0..=chars.len() - w.len() {
            if chars[start..start + w.len()] == w[..] && !masked[start] {
                found.push(Found {
                    start,
                    end: start + w.len(),
                    word,
                });
            }
        }
    }
    // A word inside a longer one (予以公开 in 不予以公开) is not a word of its own.
    let all = found.clone();
    found.retain(|f| {
        !all.iter()
            .any(|g| g.start <= f.start && f.end <= g.end && (g.end - g.start) > (f.end - f.start))
    });
    found
}

/// Positions inside 《…》, where titles of documents may name anything.
fn title_mask(chars: &[char]) -> Vec<bool> {
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

fn digit_value(c: char) -> Option<u64> {
    match c {
        '0'..='9' => Some(c as u64 - '0' as u64),
        '０'..='９' => Some(c as u64 - '０' as u64),
        _ => None,
    }
}

/// A number followed by a unit.
struct Figure {
    start: usize,
    /// Just after the unit.
    end: usize,
    value: u64,
}

/// Reads the number starting at `i`, if it is a whole number followed by one of the units.
fn figure_at(chars: &[char], i: usize, units: &[Vec<char>]) -> Option<Figure> {
    let before = i.checked_sub(1).map(|j| chars[j]);
    if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || digit_value(c).is_some()) {
        return None;
    }
    let mut j = i;
    let mut value: u64 = 0;
    while j < chars.len() {
        if let Some(d) = digit_value(chars[j]) {
            value = value.checked_mul(10)?.checked_add(d)?;
            j += 1;
        } else if chars[j] == ','
            && j + 3 < chars.len() + 1
            && chars
                .get(j + 1..j + 4)
                .is_some_and(|s| s.iter().all(|c| c.is_ascii_digit()))
            && chars.get(j + 4).is_none_or(|c| digit_value(*c).is_none())
        {
            // A thousands separator: exactly three digits follow.
            j += 1;
        } else {
            break;
        }
    }
    if j == i {
        return None;
    }
    // A decimal (1.5 件) is not a count.
    if matches!(chars.get(j), Some('.') | Some('．'))
        && chars.get(j + 1).is_some_and(|c| digit_value(*c).is_some())
    {
        return None;
    }
    let mut k = j;
    while chars
        .get(k)
        .is_some_and(|c| matches!(c, ' ' | '\u{3000}' | '\u{a0}'))
    {
        k += 1;
    }
    let unit = units
        .iter()
        .find(|u| chars.get(k..k + u.len()) == Some(&u[..]))?;
    Some(Figure {
        start: i,
        end: k + unit.len(),
        value,
    })
}

/// A `,` between a digit and exactly three digits (1,037) separates thousands, not clauses.
fn is_thousands_separator(chars: &[char], i: usize) -> bool {
    chars[i] == ','
        && i > 0
        && chars[i - 1].is_ascii_digit()
        && chars
            .get(i + 1..i + 4)
            .is_some_and(|s| s.iter().all(char::is_ascii_digit))
        && chars.get(i + 4).is_none_or(|c| digit_value(*c).is_none())
}

fn ends_with_any(chars: &[char], words: &[String]) -> bool {
    let mut end = chars.len();
    while end > 0 && matches!(chars[end - 1], ' ' | '\u{3000}' | '\u{a0}') {
        end -= 1;
    }
    let trimmed = &chars[..end];
    words.iter().any(|w| {
        let w: Vec<char> = w.chars().collect();
        trimmed.ends_with(&w)
    })
}

fn read_sentence(sheet: &Sheet, sentence: &[char], out: &mut Vec<Finding>) {
    let n = &sheet.template.narrative;
    let masked = title_mask(sentence);
    upheld_all(sheet, sentence, &masked, out);

    // A breakdown (其中 …) runs to the end of the sentence.
    let limit = find_all(sentence, &masked, n.breakdown.iter().map(String::as_str))
        .iter()
        .map(|f| f.start)
        .min()
        .unwrap_or(sentence.len());
    let units: Vec<Vec<char>> = n.units.iter().map(|u| u.chars().collect()).collect();
    let term_words = n
        .terms
        .iter()
        .flat_map(|t| t.words.iter().map(String::as_str));
    let terms_found = find_all(sentence, &masked, term_words);

    let mut clause_start = 0;
    while clause_start < limit {
        let clause_end = (clause_start..limit)
            .find(|&i| CLAUSE_ENDS.contains(&sentence[i]) && !is_thousands_separator(sentence, i))
            .unwrap_or(limit);
        let mut consumed = clause_start;
        let mut i = clause_start;
        while i < clause_end {
            let Some(figure) = figure_at(&sentence[..clause_end], i, &units) else {
                i += 1;
                continue;
            };
            i = figure.end;
            let window_start = consumed.max(figure.start.saturating_sub(n.reach));
            consumed = figure.end;
            if masked[figure.start] {
                continue;
            }
            let before = &sentence[window_start..figure.start];
            if before.last() == Some(&'第') || ends_with_any(before, &n.approximate) {
                continue;
            }
            let terms: Vec<Found> = terms_found
                .iter()
                .filter(|f| f.start >= window_start && f.end <= figure.start)
                .filter(|f| only_links_between(n, &sentence[f.end..figure.start]))
                .copied()
                .collect();
            if terms.is_empty() {
                continue;
            }
            judge(
                sheet,
                sentence,
                clause_start,
                &figure,
                window_start,
                &terms,
                out,
            );
        }
        clause_start = clause_end + 1;
    }
}

/// Whether the text between a term and its number holds nothing but linking words (案件, 共,
/// 为), other terms, verbs, qualifiers, spaces and enumeration marks. Anything else names the
/// thing counted (相关微信 293 条), which is then not the term's figure.
fn only_links_between(n: &crate::template::Narrative, gap: &[char]) -> bool {
    let allowed = n
        .links
        .iter()
        .chain(
            n.terms
                .iter()
                .flat_map(|t| t.words.iter().chain(t.senses.iter().flat_map(|s| &s.verbs))),
        )
        .chain(n.qualifiers.iter().flat_map(|q| &q.words))
        .map(String::as_str);
    let mut covered: Vec<bool> = gap
        .iter()
        .map(|c| matches!(c, ' ' | '\u{3000}' | '\u{a0}' | '、' | '：' | ':'))
        .collect();
    for f in find_all(gap, &vec![false; gap.len()], allowed) {
        covered[f.start..f.end].iter_mut().for_each(|c| *c = true);
    }
    covered.iter().all(|&c| c)
}

/// The figures one reference to a cell, row or group can mean, given the qualifiers nearby.
fn resolve(
    sheet: &Sheet,
    reference: &str,
    qualifiers: &[&Qualifier],
) -> Vec<(Option<Number>, String)> {
    let t = sheet.template;
    if reference.matches('.').count() == 2 {
        return vec![(sheet.known(reference), reference.to_string())];
    }
    let Some((table_key, row_key)) = reference.split_once('.') else {
        return Vec::new();
    };
    let Some(table) = t.table(table_key) else {
        return Vec::new();
    };
    let rows: Vec<&str> = match table.row(row_key) {
        Some((_, row)) => vec![row.key.as_str()],
        None => table
            .expand_rows(row_key)
            .iter()
            .map(|r| r.key.as_str())
            .collect(),
    };
    let block = &table.blocks[0];
    let applicable: Vec<&Qualifier> = qualifiers
        .iter()
        .filter(|q| q.columns.iter().all(|c| table.has_column_key(c)))
        .copied()
        .collect();
    let mut column_sets: Vec<Vec<&str>> = Vec::new();
    if applicable.is_empty() {
        if let Some(total) = table.total_column() {
            column_sets.push(vec![total.key.as_str()]);
        }
    } else {
        let expand = |q: &Qualifier| -> Vec<&str> {
            q.columns
                .iter()
                .flat_map(|c| table.expand_columns(block, c))
                .map(|c| c.key.as_str())
                .collect()
        };
        for q in &applicable {
            column_sets.push(expand(q));
        }
        if applicable.len() > 1 {
            column_sets.push(applicable.iter().flat_map(|q| expand(q)).collect());
        }
    }
    column_sets
        .into_iter()
        .filter(|cols| !cols.is_empty() && !rows.is_empty())
        .map(|cols| {
            let cell = format!("{}.{}.{}", table.key, rows[0], cols[0]);
            (sheet.sum(table, &rows, &cols), cell)
        })
        .collect()
}

/// Sums a figure (a list of references); one value per reading of its qualifiers.
fn figure_values(
    sheet: &Sheet,
    figure: &[String],
    qualifiers: &[&Qualifier],
) -> Vec<(Option<Number>, String)> {
    let mut readings: Vec<(Option<Number>, String)> = Vec::new();
    for (i, reference) in figure.iter().enumerate() {
        let parts = resolve(sheet, reference, qualifiers);
        if i == 0 {
            readings = parts;
            continue;
        }
        // Each reading of the figure adds the matching reading of the next reference.
        readings = readings
            .into_iter()
            .enumerate()
            .map(|(k, (v, cell))| {
                let add = parts.get(k).or(parts.first()).and_then(|p| p.0);
                (v.zip(add).and_then(|(a, b)| a.checked_add(b)), cell)
            })
            .collect();
    }
    readings
}

fn senses_figures<'t>(term: &'t Term, window: &[char], masked: &[bool]) -> &'t [Vec<String>] {
    for sense in &term.senses {
        if !find_all(window, masked, sense.verbs.iter().map(String::as_str)).is_empty() {
            return &sense.figures;
        }
    }
    &term.figures
}

#[allow(clippy::too_many_arguments)]
fn judge(
    sheet: &Sheet,
    sentence: &[char],
    clause_start: usize,
    figure: &Figure,
    window_start: usize,
    found: &[Found],
    out: &mut Vec<Finding>,
) {
    let n = &sheet.template.narrative;
    let window = &sentence[window_start..figure.start];
    let window_mask = vec![false; window.len()];
    let qualifiers: Vec<&Qualifier> = n
        .qualifiers
        .iter()
        .filter(|q| !find_all(window, &window_mask, q.words.iter().map(String::as_str)).is_empty())
        .collect();

    let mut terms: Vec<&Term> = Vec::new();
    for f in found {
        if let Some(term) = n.terms.iter().find(|t| t.words.iter().any(|w| w == f.word))
            && !terms.iter().any(|t| std::ptr::eq(*t, term))
        {
            terms.push(term);
        }
    }

    let mut candidates: Vec<(Option<Number>, String)> = Vec::new();
    for term in &terms {
        for figure in senses_figures(term, window, &window_mask) {
            candidates.extend(figure_values(sheet, figure, &qualifiers));
        }
    }
    // Several terms before one number may be counted together (行政复议、行政诉讼共 5 件).
    if terms.len() > 1 {
        let mut sum = Some(Number::Count(0));
        for term in &terms {
            let first = term.figures.first().map(|f| figure_values(sheet, f, &[]));
            let value = first.and_then(|v| v.first().and_then(|p| p.0));
            sum = sum.zip(value).and_then(|(a, b)| a.checked_add(b));
        }
        candidates.push((sum, String::new()));
    }
    if candidates.is_empty() || candidates.iter().any(|(v, _)| v.is_none()) {
        // Some cell it could mean is still blank: nothing can be said yet.
        return;
    }
    let found_value = Number::Count(figure.value);
    if candidates
        .iter()
        .any(|(v, _)| v.is_some_and(|v| v.as_decimal() == found_value.as_decimal()))
    {
        return;
    }
    let (expected, cell) = candidates[0].clone();
    let label = super::cell_label(sheet.template, &cell);
    let mut values: Vec<Number> = Vec::new();
    for (v, _) in &candidates {
        if let Some(v) = v
            && !values.contains(v)
        {
            values.push(*v);
        }
    }
    let quote: String = sentence[clause_start..figure.end]
        .iter()
        .collect::<String>()
        .trim()
        .to_string();
    out.push(Finding {
        severity: Severity::Warning,
        code: codes::NARRATIVE,
        section: String::new(),
        cell: Some(cell),
        detail: Detail::Narrative {
            quote,
            found: found_value,
            candidates: values,
            label,
        },
        expected,
        actual: Some(found_value),
        acknowledged: None,
    });
}

/// 「均获维持」 while table 四 shows a 纠正 or a case 尚未审结.
fn upheld_all(sheet: &Sheet, sentence: &[char], masked: &[bool], out: &mut Vec<Finding>) {
    let t: &Template = sheet.template;
    let rule = &t.narrative.upheld_all;
    let hits = find_all(sentence, masked, rule.words.iter().map(String::as_str));
    let Some(hit) = hits.first() else { return };
    let Some(table) = t.table(&rule.table) else {
        return;
    };
    // The rows the sentence speaks of (行政复议 / 行政诉讼), or all of them.
    let term_words = t
        .narrative
        .terms
        .iter()
        .flat_map(|term| term.words.iter().map(String::as_str));
    let mut rows: Vec<String> = Vec::new();
    for f in find_all(sentence, masked, term_words) {
        let Some(term) = t
            .narrative
            .terms
            .iter()
            .find(|term| term.words.iter().any(|w| w == f.word))
        else {
            continue;
        };
        for reference in term.figures.iter().flatten() {
            if let Some(row) = reference.strip_prefix(&format!("{}.", table.key))
                && !row.contains('.')
            {
                for r in table.expand_rows(row) {
                    if !rows.contains(&r.key) {
                        rows.push(r.key.clone());
                    }
                }
            }
        }
    }
    if rows.is_empty() {
        rows = table.rows().map(|(_, r)| r.key.clone()).collect();
    }
    let block = &table.blocks[0];
    let mut contradicting = Vec::new();
    let mut first_cell = None;
    for column_key in &rule.contradicted_by {
        for column in table.expand_columns(block, column_key) {
            let mut sum = Number::Count(0);
            for row in &rows {
                let key = format!("{}.{row}.{}", table.key, column.key);
                if let Some(v) = sheet.known(&key)
                    && !v.is_zero()
                {
                    first_cell.get_or_insert(key);
                    sum = sum.checked_add(v).unwrap_or(sum);
                }
            }
            if !sum.is_zero() {
                contradicting.push((column.header.clone(), sum));
            }
        }
    }
    let Some(cell) = first_cell else { return };
    let start = sentence[..hit.start]
        .iter()
        .rposition(|c| CLAUSE_ENDS.contains(c))
        .map_or(0, |p| p + 1);
    let quote: String = sentence[start..hit.end]
        .iter()
        .collect::<String>()
        .trim()
        .to_string();
    out.push(Finding {
        severity: Severity::Warning,
        code: codes::NARRATIVE,
        section: String::new(),
        cell: Some(cell),
        detail: Detail::UpheldAll {
            quote,
            contradicting,
        },
        expected: None,
        actual: None,
        acknowledged: None,
    });
}
