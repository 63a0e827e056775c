//! `narrative.mismatch`: figures in the prose that contradict the tables.
//!
//! The reader looks, clause by clause, for a number followed by a unit (件, 条, 份, 次) with a
//! table term shortly before it (行政许可, 申请, 行政复议 …) and nothing but linking words in
//! between. It works out every figure the phrase could mean — with its verbs (收到, 办结),
//! qualifiers (自然人) and the sum of several terms — and speaks only when the number matches
//! none of them. Silence is preferred to a false alarm: approximate numbers, ordinals (第…),
//! figures after 其中, text inside 《》, and anything whose cells are still blank are left alone.
//!
//! The vocabulary comes from the template (`[narrative]`), compiled once
//! (`Template::compiled`), and every word of a section is found in one pass.

use super::totals::Sheet;
use super::{Detail, Finding, Severity, codes};
use crate::report::Number;
use crate::template::compiled::{Lexicon, Occurrence, Role};
use crate::template::{Qualifier, Term};

/// Where a sentence ends.
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '；', '!', '?', ';', '\n'];
/// Where a clause ends within a sentence.
const CLAUSE_ENDS: &[char] = &['，', ','];
/// Spaces that may stand between a number and its unit.
const SPACES: &[char] = &[' ', '\u{3000}', '\u{a0}'];

pub(super) fn mismatches(sheet: &Sheet, out: &mut Vec<Finding>) {
    let lexicon = &sheet.template.compiled().lexicon;
    for section in sheet.template.prose_sections() {
        let chars: Vec<char> = sheet.draft.text(&section.key).chars().collect();
        if chars.is_empty() {
            continue;
        }
        let masked = title_mask(&chars);
        // Words inside 《…》 name documents, not figures.
        let words: Vec<Occurrence> = lexicon
            .scan(&chars)
            .into_iter()
            .filter(|o| !masked[o.start])
            .collect();
        let reader = Reader {
            sheet,
            lexicon,
            chars: &chars,
            masked: &masked,
            words: &words,
        };
        let before = out.len();
        let mut start = 0;
        for (i, c) in chars.iter().enumerate().chain([(chars.len(), &'\n')]) {
            if SENTENCE_ENDS.contains(c) {
                reader.sentence(start, i, out);
                start = i + 1;
            }
        }
        // A contradiction is fixed where the prose stands, so it is listed there.
        for f in &mut out[before..] {
            f.section = section.key.clone();
        }
    }
}

/// Positions inside 《…》.
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

/// A whole number followed by a unit.
struct Figure {
    start: usize,
    /// Just after the unit.
    end: usize,
    value: u64,
}

/// Reads the number starting at `i` (within `..limit`), if it is a whole number followed by
/// one of the units.
fn figure_at(chars: &[char], i: usize, limit: usize, units: &[String]) -> Option<Figure> {
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

struct Reader<'a> {
    sheet: &'a Sheet<'a>,
    lexicon: &'a Lexicon,
    chars: &'a [char],
    masked: &'a [bool],
    /// Every vocabulary word of the section, by start.
    words: &'a [Occurrence],
}

impl Reader<'_> {
    /// The words lying wholly within `start..end`.
    fn within(&self, start: usize, end: usize) -> impl Iterator<Item = &Occurrence> {
        let first = self.words.partition_point(|o| o.start < start);
        self.words[first..]
            .iter()
            .take_while(move |o| o.start < end)
            .filter(move |o| o.end <= end)
    }

    /// Words of one kind within a range; one inside a longer one of the same kind (予以公开 in
    /// 不予以公开) is not a word of its own.
    fn find(
        &self,
        start: usize,
        end: usize,
        kind: impl Fn(&Role) -> bool,
    ) -> Vec<(Occurrence, Role)> {
        let all: Vec<(Occurrence, Role)> = self
            .within(start, end)
            .flat_map(|o| {
                self.lexicon
                    .roles(o)
                    .iter()
                    .filter(|r| kind(r))
                    .map(move |r| (*o, *r))
            })
            .collect();
        all.iter()
            .filter(|(o, _)| {
                !all.iter().any(|(g, _)| {
                    g.start <= o.start && o.end <= g.end && (g.end - g.start) > (o.end - o.start)
                })
            })
            .copied()
            .collect()
    }

    fn sentence(&self, start: usize, end: usize, out: &mut Vec<Finding>) {
        let narrative = &self.sheet.template.narrative;
        self.upheld_all(start, end, out);
        // A breakdown (其中 …) runs to the end of the sentence.
        let limit = self
            .find(start, end, |r| *r == Role::Breakdown)
            .first()
            .map_or(end, |(o, _)| o.start);
        let mut clause_start = start;
        while clause_start < limit {
            let clause_end = (clause_start..limit)
                .find(|&i| {
                    CLAUSE_ENDS.contains(&self.chars[i]) && !is_thousands_separator(self.chars, i)
                })
                .unwrap_or(limit);
            // Terms before one number are not also read for the next.
            let mut consumed = clause_start;
            let mut i = clause_start;
            while i < clause_end {
                let Some(figure) = figure_at(self.chars, i, clause_end, &narrative.units) else {
                    i += 1;
                    continue;
                };
                i = figure.end;
                let window_start = consumed.max(figure.start.saturating_sub(narrative.reach));
                consumed = figure.end;
                if self.masked[figure.start]
                    || self.is_approximate_or_ordinal(window_start, &figure)
                {
                    continue;
                }
                self.judge(clause_start, window_start, &figure, out);
            }
            clause_start = clause_end + 1;
        }
    }

    fn is_approximate_or_ordinal(&self, window_start: usize, figure: &Figure) -> bool {
        let mut end = figure.start;
        while end > window_start && SPACES.contains(&self.chars[end - 1]) {
            end -= 1;
        }
        if end > 0 && self.chars[end - 1] == '第' {
            return true;
        }
        self.find(window_start, end, |r| *r == Role::Approximate)
            .iter()
            .any(|(o, _)| o.end == end)
    }

    /// Whether nothing but linking words, other terms, verbs, qualifiers and spaces stand in
    /// `start..end`. Anything else names the thing counted (相关微信 293 条).
    fn only_links(&self, start: usize, end: usize) -> bool {
        let mut covered: Vec<bool> = self.chars[start..end]
            .iter()
            .map(|c| SPACES.contains(c) || matches!(c, '、' | '：' | ':'))
            .collect();
        for o in self.within(start, end) {
            let linking = self.lexicon.roles(o).iter().any(|r| {
                matches!(
                    r,
                    Role::Link | Role::Term(_) | Role::Verb { .. } | Role::Qualifier(_)
                )
            });
            if linking {
                covered[o.start - start..o.end - start].fill(true);
            }
        }
        covered.iter().all(|&c| c)
    }

    /// Whether nothing narrows a term from before. Walking back over linking words (的,
    /// 信息公开 …), the first thing met must be the clause's start, punctuation, a verb, a
    /// qualifier or another term; a word of its own (网上申请, 劳动保障的申请) makes the figure a
    /// part of the term's, which the tables do not show.
    fn stands_free(&self, start: usize, clause_start: usize) -> bool {
        let mut p = start;
        loop {
            while p > clause_start && SPACES.contains(&self.chars[p - 1]) {
                p -= 1;
            }
            if p <= clause_start || !self.chars[p - 1].is_alphanumeric() {
                return true;
            }
            let ending = self
                .within(clause_start, p)
                .filter(|o| o.end == p)
                .max_by_key(|o| o.end - o.start);
            let Some(word) = ending else { return false };
            let roles = self.lexicon.roles(word);
            let stops = roles
                .iter()
                .any(|r| matches!(r, Role::Verb { .. } | Role::Qualifier(_) | Role::Term(_)));
            if stops {
                return true;
            }
            if !roles.contains(&Role::Link) {
                return false;
            }
            p = word.start;
        }
    }

    fn judge(
        &self,
        clause_start: usize,
        window_start: usize,
        figure: &Figure,
        out: &mut Vec<Finding>,
    ) {
        let narrative = &self.sheet.template.narrative;
        let window = (window_start, figure.start);
        let mut terms: Vec<usize> = Vec::new();
        for (o, role) in self.find(window.0, window.1, |r| matches!(r, Role::Term(_))) {
            if let Role::Term(t) = role
                && !terms.contains(&t)
                && self.only_links(o.end, figure.start)
                && self.stands_free(o.start, clause_start)
            {
                terms.push(t);
            }
        }
        if terms.is_empty() {
            return;
        }
        let qualifiers: Vec<&Qualifier> = self
            .find(window.0, window.1, |r| matches!(r, Role::Qualifier(_)))
            .iter()
            .filter_map(|(_, r)| match r {
                Role::Qualifier(q) => narrative.qualifiers.get(*q),
                _ => None,
            })
            .collect();
        let verbs: Vec<(usize, usize)> = self
            .find(window.0, window.1, |r| matches!(r, Role::Verb { .. }))
            .iter()
            .filter_map(|(_, r)| match r {
                Role::Verb { term, sense } => Some((*term, *sense)),
                _ => None,
            })
            .collect();

        let mut candidates: Vec<(Option<Number>, String)> = Vec::new();
        for &t in &terms {
            let term = &narrative.terms[t];
            for figure in figures_meant(term, t, &verbs) {
                candidates.extend(figure_values(self.sheet, figure, &qualifiers));
            }
        }
        // Several terms before one number may be counted together (行政复议、行政诉讼共 5 件).
        if terms.len() > 1 {
            let sum = terms.iter().try_fold(Number::Count(0), |acc, &t| {
                let first = narrative.terms[t].figures.first()?;
                acc.checked_add(figure_values(self.sheet, first, &[]).first()?.0?)
            });
            candidates.push((sum, String::new()));
        }
        if candidates.is_empty() || candidates.iter().any(|(v, _)| v.is_none()) {
            // Some cell it could mean is still blank: nothing can be said yet.
            return;
        }
        let found = Number::Count(figure.value);
        if candidates
            .iter()
            .any(|(v, _)| v.is_some_and(|v| v.as_decimal() == found.as_decimal()))
        {
            return;
        }
        let (expected, cell) = candidates[0].clone();
        let mut values: Vec<Number> = Vec::new();
        for v in candidates.iter().filter_map(|(v, _)| *v) {
            if !values.contains(&v) {
                values.push(v);
            }
        }
        let quote: String = self.chars[clause_start..figure.end].iter().collect();
        out.push(Finding {
            severity: Severity::Warning,
            code: codes::NARRATIVE,
            section: String::new(),
            detail: Detail::Narrative {
                quote: quote.trim().to_string(),
                found,
                candidates: values,
                label: super::cell_label(self.sheet.template, &cell),
            },
            cell: Some(cell),
            expected,
            actual: Some(found),
            acknowledged: None,
        });
    }

    /// 「均获维持」 while table 四 shows a 纠正 or a case 尚未审结.
    fn upheld_all(&self, start: usize, end: usize, out: &mut Vec<Finding>) {
        let t = self.sheet.template;
        let rule = &t.narrative.upheld_all;
        let Some((hit, _)) = self
            .find(start, end, |r| *r == Role::UpheldAll)
            .first()
            .copied()
        else {
            return;
        };
        let Some(table) = t.table(&rule.table) else {
            return;
        };
        // The rows the sentence speaks of (行政复议 / 行政诉讼), or all of them.
        let prefix = format!("{}.", table.key);
        let mut rows: Vec<&str> = Vec::new();
        for (_, role) in self.find(start, end, |r| matches!(r, Role::Term(_))) {
            let Role::Term(i) = role else { continue };
            for reference in t.narrative.terms[i].figures.iter().flatten() {
                if let Some(row) = reference.strip_prefix(&prefix)
                    && !row.contains('.')
                {
                    for r in table.expand_rows(row) {
                        if !rows.contains(&r.key.as_str()) {
                            rows.push(&r.key);
                        }
                    }
                }
            }
        }
        if rows.is_empty() {
            rows = table.rows().map(|(_, r)| r.key.as_str()).collect();
        }
        let block = &table.blocks[0];
        let mut contradicting = Vec::new();
        let mut first_cell = None;
        for column_key in &rule.contradicted_by {
            for column in table.expand_columns(block, column_key) {
                let mut sum = Number::Count(0);
                for row in &rows {
                    let key = format!("{}.{row}.{}", table.key, column.key);
                    if let Some(v) = self.sheet.known(&key).filter(|v| !v.is_zero()) {
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
        let from = self.chars[start..hit.start]
            .iter()
            .rposition(|c| CLAUSE_ENDS.contains(c))
            .map_or(start, |p| start + p + 1);
        let quote: String = self.chars[from..hit.end].iter().collect();
        out.push(Finding {
            severity: Severity::Warning,
            code: codes::NARRATIVE,
            section: String::new(),
            cell: Some(cell),
            detail: Detail::UpheldAll {
                quote: quote.trim().to_string(),
                contradicting,
            },
            expected: None,
            actual: None,
            acknowledged: None,
        });
    }
}

/// The figures a term means here: those of the senses whose verbs stand near it, or its own.
fn figures_meant<'t>(
    term: &'t Term,
    index: usize,
    verbs: &[(usize, usize)],
) -> Vec<&'t Vec<String>> {
    let senses: Vec<&crate::template::Sense> = verbs
        .iter()
        .filter(|(t, _)| *t == index)
        .filter_map(|(_, s)| term.senses.get(*s))
        .collect();
    if senses.is_empty() {
        term.figures.iter().collect()
    } else {
        // A sense without figures (废止 where nothing repealed is counted) means nothing to
        // check: no figures, so silence.
        senses.iter().flat_map(|s| s.figures.iter()).collect()
    }
}

/// The values one reference (a cell, or a row or group of rows) can mean, given the qualifiers
/// nearby, each with the cell to point at.
fn resolve(
    sheet: &Sheet,
    reference: &str,
    qualifiers: &[&Qualifier],
) -> Vec<(Option<Number>, String)> {
    if reference.matches('.').count() == 2 {
        return vec![(sheet.known(reference), reference.to_string())];
    }
    let Some((table_key, row_key)) = reference.split_once('.') else {
        return Vec::new();
    };
    let Some(table) = sheet.template.table(table_key) else {
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
    let expand = |q: &Qualifier| -> Vec<&str> {
        q.columns
            .iter()
            .flat_map(|c| table.expand_columns(block, c))
            .map(|c| c.key.as_str())
            .collect()
    };
    let applicable: Vec<&&Qualifier> = qualifiers
        .iter()
        .filter(|q| q.columns.iter().all(|c| table.has_column_key(c)))
        .collect();
    let mut column_sets: Vec<Vec<&str>> = applicable.iter().map(|q| expand(q)).collect();
    if applicable.len() > 1 {
        column_sets.push(applicable.iter().flat_map(|q| expand(q)).collect());
    }
    if column_sets.is_empty()
        && let Some(total) = table.total_column()
    {
        column_sets.push(vec![total.key.as_str()]);
    }
    column_sets
        .into_iter()
        .filter(|columns| !columns.is_empty() && !rows.is_empty())
        .map(|columns| {
            let cell = format!("{}.{}.{}", table.key, rows[0], columns[0]);
            (sheet.sum(table, &rows, &columns), cell)
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
        // Each reading adds the same reading (the same qualifier) of the next reference.
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
