//! `narrative.mismatch`: figures in the prose that contradict the tables, read as a reviewer
//! reads them.
//!
//! Each whole number with a unit (件, 起, 条 …) is read, clause by clause, for what it counts:
//!
//! 1. a table term before it in its clause, with nothing but linking words, verbs and
//!    qualifiers between (「受理信息公开申请32件」, 「行政诉讼案件2件、行政复议案件3件」);
//! 2. else a term just after it (「共收到32件申请」, 「有1件涉及政府信息公开的行政复议」);
//! 3. else, when the clause holds nothing of its own (only linking words, verbs, qualifiers),
//!    the term it inherits: the one its verb belongs to (办结, 答复 → 申请), the nearest term
//!    and the subject of its sentence, or the previous sentence's subject
//!    (「全年共收到申请32件，办结31件」).
//!
//! Every figure the phrase could mean — by its verbs, qualifiers, several terms counted together
//! — is worked out, and only a number matching none of them is flagged. Silence is preferred to
//! a false alarm: approximate numbers, ordinals (第…), dates, text inside 《》, figures whose
//! clause names something the tables do not hold (网上申请, 劳动保障的申请), breakdowns after
//! 其中 by such things, sentences about a part (各部门, 市政府办公室, a county), a wider area in
//! a department's report (全市), and anything whose cells are still blank are left alone.
//!
//! The vocabulary comes from the template (`[narrative]`), compiled once
//! (`Template::compiled`), and every word of a section is found in one pass. `text` holds the
//! tokenising; `binding` what a figure counts; `scope` whose figures a sentence gives.

mod binding;
mod scope;
mod text;

use super::totals::Sheet;
use super::{Detail, Finding, Severity, codes};
use crate::report::Number;
use crate::template::compiled::{Lexicon, Occurrence, Role, ScopeKind};
use crate::template::{Qualifier, Term};
use text::{Figure, SENTENCE_ENDS, SPACES};

pub(super) fn mismatches(sheet: &Sheet, out: &mut Vec<Finding>) {
    let lexicon = &sheet.template.compiled().lexicon;
    for section in sheet.template.prose_sections() {
        let chars: Vec<char> = sheet.draft.text(&section.key).chars().collect();
        if chars.is_empty() {
            continue;
        }
        let masked = text::title_mask(&chars);
        // Words inside 《…》 name documents, not figures.
        let words: Vec<Occurrence> = lexicon
            .scan(&chars)
            .into_iter()
            .filter(|o| !masked[o.start])
            .collect();
        // Where a word claiming none stands: few sections have one, and each sentence asks.
        let nones: Vec<usize> = words
            .iter()
            .filter(|o| lexicon.roles(o).contains(&Role::None))
            .map(|o| o.start)
            .collect();
        let reader = Reader {
            sheet,
            lexicon,
            chars: &chars,
            masked: &masked,
            own_name: &scope::own_name_ranges(
                sheet.draft.text(&section.key),
                &sheet.draft.report.agency,
            ),
            words: &words,
            nones: &nones,
        };
        let before = out.len();
        let mut start = 0;
        // The sentences before, whose subject a sentence may inherit; a paragraph starts afresh.
        let mut paragraph: Vec<(usize, usize)> = Vec::new();
        for (i, c) in chars.iter().enumerate().chain([(chars.len(), &'\n')]) {
            // A run-on "sentence" (a pasted list, text without 。) is read in pieces, cut at a
            // clause end where there is one: each figure is read against its sentence, so one
            // of unbounded length would make the reading quadratic.
            let run_on = i - start >= MAX_SENTENCE_CHARS
                && (i - start >= 2 * MAX_SENTENCE_CHARS
                    || (i < chars.len() && text::ends_clause(&chars, i)));
            if SENTENCE_ENDS.contains(c) || run_on {
                reader.sentence(start, i, &paragraph, out);
                paragraph.push((start, i));
                if *c == '\n' {
                    paragraph.clear();
                }
                start = i + 1;
            }
        }
        // A contradiction is fixed where the prose stands, so it is listed there.
        for f in &mut out[before..] {
            f.section = section.key.clone();
        }
    }
}

/// The longest sentence read as one; a longer one is read in pieces.
const MAX_SENTENCE_CHARS: usize = 1000;
/// The most of its clause a finding quotes before the figure.
const MAX_QUOTE_CHARS: usize = 80;

/// What a figure is read as counting.
#[derive(Debug, Default)]
struct Reading {
    /// Terms, by index.
    terms: Vec<usize>,
    /// (term, sense) of the verbs about it.
    verbs: Vec<(usize, usize)>,
    /// Qualifiers, by index.
    qualifiers: Vec<usize>,
    /// The terms may also be counted together (行政复议、行政诉讼共5件; 相关案件5件).
    together: bool,
    /// A claim of none (未发生行政诉讼): only each term's whole figure may be 0, not a part
    /// of it that happens to be (复议后起诉 0 beside 直接起诉 5).
    whole_only: bool,
}

struct Reader<'a> {
    sheet: &'a Sheet<'a>,
    lexicon: &'a Lexicon,
    chars: &'a [char],
    masked: &'a [bool],
    /// The agency's own name where it stands in the text.
    own_name: &'a [(usize, usize)],
    /// Every vocabulary word of the section, by start.
    words: &'a [Occurrence],
    /// Where the words claiming none (未, 无) start, in order.
    nones: &'a [usize],
}

/// Whether a word may stand between a term and its number.
fn links(role: &Role) -> bool {
    matches!(
        role,
        Role::Link
            | Role::Breakdown
            | Role::Term(_)
            | Role::Verb { .. }
            | Role::Qualifier(_)
            | Role::Scope(ScopeKind::Own | ScopeKind::Area)
    )
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
    /// 不予以公开), or inside a word that is not a term (申请 in 申请人), is not a word of its
    /// own.
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
                    .filter(|r| kind(r) || **r == Role::Other)
                    .map(move |r| (*o, *r))
            })
            .collect();
        all.iter()
            .filter(|(_, r)| *r != Role::Other && kind(r))
            .filter(|(o, r)| {
                !all.iter().any(|(g, gr)| {
                    g.start <= o.start
                        && o.end <= g.end
                        && (g.end - g.start) > (o.end - o.start)
                        && (*gr == Role::Other
                            || std::mem::discriminant(gr) == std::mem::discriminant(r))
                })
            })
            .copied()
            .collect()
    }

    fn terms_in(&self, start: usize, end: usize) -> Vec<(Occurrence, usize)> {
        self.find(start, end, |r| matches!(r, Role::Term(_)))
            .into_iter()
            .filter_map(|(o, r)| match r {
                Role::Term(t) => Some((o, t)),
                _ => None,
            })
            .collect()
    }

    fn verbs_in(&self, start: usize, end: usize) -> Vec<(usize, usize)> {
        self.find(start, end, |r| matches!(r, Role::Verb { .. }))
            .into_iter()
            .filter_map(|(_, r)| match r {
                Role::Verb { term, sense } => Some((term, sense)),
                _ => None,
            })
            .collect()
    }

    fn qualifiers_in(&self, start: usize, end: usize) -> Vec<usize> {
        self.find(start, end, |r| matches!(r, Role::Qualifier(_)))
            .into_iter()
            .filter_map(|(_, r)| match r {
                Role::Qualifier(q) => Some(q),
                _ => None,
            })
            .collect()
    }

    /// Reads one sentence; `earlier` are the sentences before it in its paragraph.
    fn sentence(
        &self,
        start: usize,
        end: usize,
        earlier: &[(usize, usize)],
        out: &mut Vec<Finding>,
    ) {
        let narrative = &self.sheet.template.narrative;
        self.upheld_all(start, end, out);
        self.none_claims(start, end, out);
        // Most sentences hold no number at all: nothing more to read in them.
        if !self.chars[start..end]
            .iter()
            .any(|c| text::digit_value(*c).is_some())
        {
            return;
        }
        // A sentence about a part (各部门, 市政府办公室, a county) gives the part's figures;
        // whether it is one is asked only once a figure of it is to be judged.
        let mut about_a_part: Option<bool> = None;
        // A breakdown (其中 …) runs to the end of the sentence.
        let breakdown = self
            .find(start, end, |r| *r == Role::Breakdown)
            .first()
            .map_or(end, |(o, _)| o.start);
        for (clause_start, clause_end) in self.clauses(start, end) {
            let figures = text::figures(self.chars, clause_start, clause_end, &narrative.units);
            // Terms before one number are not also read for the next.
            let mut consumed = clause_start;
            for (k, figure) in figures.iter().enumerate() {
                let next_start = figures.get(k + 1).map_or(clause_end, |f| f.start);
                let before = consumed;
                let window_start = consumed.max(figure.start.saturating_sub(narrative.reach));
                consumed = figure.end;
                if self.masked[figure.start]
                    || self.is_approximate_or_ordinal(window_start, figure)
                    || self.of_another_period(clause_start, figure)
                    || self.wider_scope(start, figure.start)
                {
                    continue;
                }
                let in_breakdown = figure.start > breakdown;
                // Whether nothing of its own stands before the figure in its clause: asked
                // once, for both readings that need it.
                let mut plain_before: Option<bool> = None;
                let mut plain =
                    || *plain_before.get_or_insert_with(|| self.only_links(before, figure.start));
                let reading = self
                    .direct(clause_start, window_start, figure)
                    .or_else(|| {
                        plain()
                            .then(|| self.after(before, figure, next_start))
                            .flatten()
                    })
                    .or_else(|| {
                        if !plain() {
                            return None;
                        }
                        self.inherited(
                            start,
                            clause_start,
                            before,
                            figure,
                            next_start,
                            earlier,
                            in_breakdown,
                        )
                    });
                if let Some(reading) = reading
                    && !*about_a_part.get_or_insert_with(|| self.names_a_part(start, end))
                {
                    self.judge(clause_start, figure, &reading, out);
                }
            }
        }
    }

    /// The clauses of `start..end` (cut at ，：), as `(start, end)`.
    fn clauses(&self, start: usize, end: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let mut at = start;
        std::iter::from_fn(move || {
            if at >= end {
                return None;
            }
            let clause_end = (at..end)
                .find(|&i| text::ends_clause(self.chars, i))
                .unwrap_or(end);
            let clause = (at, clause_end);
            at = clause_end + 1;
            Some(clause)
        })
    }

    /// Whether the figure's clause puts it in another period before it: a word such as 上年度
    /// or 近三年 that is not part of a term or verb (上年结转), or a year before the report's
    /// (「2022年共收到申请90件」 in a 2023 report). A later year (结转至2024年) is this
    /// year's carry-forward, and the report's own year is this year.
    fn of_another_period(&self, clause_start: usize, figure: &Figure) -> bool {
        // Only the words shortly before the figure in its clause: a whole clause's would make
        // a long one without punctuation quadratic.
        let reach = 2 * self.sheet.template.narrative.reach;
        let clause_start = clause_start.max(figure.start.saturating_sub(reach));
        let in_a_term = |o: &Occurrence| {
            self.within(clause_start, figure.start).any(|t| {
                t.start < o.end
                    && o.start < t.end
                    && self
                        .lexicon
                        .roles(t)
                        .iter()
                        .any(|r| matches!(r, Role::Term(_) | Role::Verb { .. }))
            })
        };
        let period_word = self
            .within(clause_start, figure.start)
            .any(|o| self.lexicon.roles(o).contains(&Role::OtherPeriod) && !in_a_term(o));
        period_word
            || text::years(self.chars, clause_start, figure.start)
                .any(|year| year < self.sheet.draft.report.year)
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

    fn judge(
        &self,
        clause_start: usize,
        figure: &Figure,
        reading: &Reading,
        out: &mut Vec<Finding>,
    ) {
        let narrative = &self.sheet.template.narrative;
        let qualifiers: Vec<&Qualifier> = reading
            .qualifiers
            .iter()
            .filter_map(|q| narrative.qualifiers.get(*q))
            .collect();
        // Labels are worded only for the candidate a finding names: most figures agree.
        let candidates_of = |labelled: bool| {
            let mut candidates: Vec<Candidate> = Vec::new();
            for &t in &reading.terms {
                let term = &narrative.terms[t];
                let meant = figures_meant(term, t, &reading.verbs);
                let take = if reading.whole_only { 1 } else { meant.len() };
                for figure in meant.into_iter().take(take) {
                    candidates.extend(figure_values(self.sheet, figure, &qualifiers, labelled));
                }
            }
            // Several terms before one number may be counted together (行政复议、行政诉讼共 5 件).
            if reading.together {
                let sum = reading.terms.iter().try_fold(Number::Count(0), |acc, &t| {
                    let first = narrative.terms[t].figures.first()?;
                    acc.checked_add(
                        figure_values(self.sheet, first, &[], false)
                            .first()?
                            .value?,
                    )
                });
                candidates.push(Candidate {
                    value: sum,
                    cell: String::new(),
                    label: String::new(),
                });
            }
            candidates
        };
        let candidates = candidates_of(false);
        if candidates.is_empty() || candidates.iter().any(|c| c.value.is_none()) {
            // Some cell it could mean is still blank: nothing can be said yet.
            return;
        }
        let found = Number::Count(figure.value);
        if candidates.iter().any(|c| {
            c.value
                .is_some_and(|v| v.as_decimal() == found.as_decimal())
        }) {
            return;
        }
        // The cell the finding names: a sum of several terms has none of its own, and a phrase
        // whose only reading is such a sum is left unsaid rather than pinned on no cell.
        let Some(at) = candidates.iter().position(|c| !c.cell.is_empty()) else {
            return;
        };
        let Some(named) = candidates_of(true).into_iter().nth(at) else {
            return;
        };
        let mut values: Vec<Number> = Vec::new();
        for v in candidates.iter().filter_map(|c| c.value) {
            if !values.contains(&v) {
                values.push(v);
            }
        }
        let quote_start = clause_start.max(figure.start.saturating_sub(MAX_QUOTE_CHARS));
        let quote: String = self.chars[quote_start..figure.end].iter().collect();
        out.push(Finding {
            severity: Severity::Warning,
            code: codes::NARRATIVE,
            section: String::new(),
            detail: Detail::Narrative {
                quote: quote.trim().to_string(),
                found,
                candidates: values,
                label: named.label,
            },
            cell: Some(named.cell),
            expected: named.value,
            actual: Some(found),
            acknowledged: None,
        });
    }

    /// 「全年未收到政府信息公开申请」, 「未发生行政复议、行政诉讼案件」: a clause claiming none of
    /// what its terms count, read as the figure 0 of each. Only a clause of nothing else is
    /// read so: the first such word in it with nothing but linking words (全年, 本机关) before
    /// it, and nothing but verbs, linking words, qualifiers and terms after it
    /// (「无逾期未答复的申请」 claims nothing of 申请, and a clause with a figure is read for it).
    fn none_claims(&self, start: usize, end: usize, out: &mut Vec<Finding>) {
        let first = self.nones.partition_point(|&p| p < start);
        if self.nones.get(first).is_none_or(|&p| p >= end) {
            return;
        }
        let is_none = |o: &Occurrence| self.lexicon.roles(o).contains(&Role::None);
        let units = &self.sheet.template.narrative.units;
        for (here, clause_end) in self.clauses(start, end) {
            let before_clause = out.len();
            // The first word of the clause that claims none, unless it is part of another word
            // (无法提供, 尚未审结, 无正当理由).
            let Some(word) = self.within(here, clause_end).find(|o| is_none(o)).copied() else {
                continue;
            };
            // A longer word holding it, or running across it; a word inside it (有 in 没有)
            // does not count.
            let inside_another = self.within(here, clause_end).any(|w| {
                w.start < word.end
                    && word.start < w.end
                    && !(word.start <= w.start && w.end <= word.end)
            });
            if inside_another
                || self.masked[word.start]
                || !text::figures(self.chars, here, clause_end, units).is_empty()
                || !self.only_links(here, word.start)
                || !self.only_links(word.end, clause_end)
                || self.wider_scope(start, word.start)
                || self.names_a_part(start, end)
            {
                continue;
            }
            // The things claimed: a list (行政复议、行政诉讼) claims each; terms one after another
            // name one thing by its first (上年结转申请, 要求提供公开出版物的申请).
            let mut terms: Vec<usize> = Vec::new();
            let mut last_end: Option<usize> = None;
            for (o, t) in self.terms_in(word.end, clause_end) {
                let listed = last_end.is_none_or(|e| {
                    self.chars[e.min(o.start)..o.start]
                        .iter()
                        .any(|c| matches!(c, '、' | '和' | '及' | '与' | '或'))
                });
                if listed && !terms.contains(&t) {
                    terms.push(t);
                }
                last_end = Some(o.end);
            }
            let claim = Figure {
                start: word.start,
                end: clause_end,
                value: 0,
            };
            let mut claimed = Vec::new();
            for t in terms {
                let reading = Reading {
                    terms: vec![t],
                    verbs: self.verbs_in(word.end, clause_end),
                    qualifiers: self.qualifiers_in(word.end, clause_end),
                    together: false,
                    whole_only: true,
                };
                self.judge(here, &claim, &reading, &mut claimed);
            }
            // Two terms of one figure (上年结转 and 申请 in 「无上年结转申请」) say it once.
            for f in claimed {
                if !out[before_clause..].iter().any(|g| g.cell == f.cell) {
                    out.push(f);
                }
            }
        }
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
                    let key = crate::template::cell_key(&table.key, row, &column.key);
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
            .rposition(|c| text::CLAUSE_ENDS.contains(c))
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
    labelled: bool,
) -> Vec<Candidate> {
    // A fee figure (发出收费通知的件数), which no table holds.
    if let Some(key) = reference.strip_prefix("fees.")
        && let Some(fee) = sheet.template.fee(key)
    {
        return vec![Candidate {
            value: sheet.draft.fees.get(key).copied(),
            cell: reference.to_string(),
            label: if labelled {
                fee.label.clone()
            } else {
                String::new()
            },
        }];
    }
    if reference.matches('.').count() == 2 {
        return vec![Candidate {
            value: sheet.known(reference),
            cell: reference.to_string(),
            label: if labelled {
                sheet.template.cell_label(reference)
            } else {
                String::new()
            },
        }];
    }
    let Some((table_key, row_key)) = crate::template::split_row_key(reference) else {
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
    // The row, or the group the reference names.
    let row_label = match table.row(row_key) {
        _ if !labelled => String::new(),
        Some((_, row)) => table.row_path(row).join(" · "),
        None => table.group_path(Some(row_key)).join(" · "),
    };
    // A column key names a column (商业企业) or a group of them (法人或其他组织).
    let column_label = |key: &str| match block.columns.iter().find(|c| c.key == key) {
        Some(column) => column.header.clone(),
        None => table
            .group_path(Some(key))
            .last()
            .copied()
            .unwrap_or(key)
            .to_string(),
    };
    let qualifier_label = |q: &Qualifier| {
        if !labelled {
            return String::new();
        }
        q.columns
            .iter()
            .map(|c| column_label(c))
            .collect::<Vec<_>>()
            .join("、")
    };
    let mut column_sets: Vec<(Vec<&str>, String)> = applicable
        .iter()
        .map(|q| (expand(q), qualifier_label(q)))
        .collect();
    if applicable.len() > 1 {
        column_sets.push((
            applicable.iter().flat_map(|q| expand(q)).collect(),
            applicable
                .iter()
                .map(|q| qualifier_label(q))
                .collect::<Vec<_>>()
                .join("、"),
        ));
    }
    if column_sets.is_empty()
        && let Some(total) = table.total_column()
    {
        let header = if labelled {
            total.header.clone()
        } else {
            String::new()
        };
        column_sets.push((vec![total.key.as_str()], header));
    }
    column_sets
        .into_iter()
        .filter(|(columns, _)| !columns.is_empty() && !rows.is_empty())
        .map(|(columns, column_label)| Candidate {
            value: sheet.sum(table, &rows, &columns),
            cell: crate::template::cell_key(&table.key, rows[0], columns[0]),
            label: if labelled {
                format!("{row_label} · {column_label}")
            } else {
                String::new()
            },
        })
        .collect()
}

/// One figure of the tables a phrase may mean.
#[derive(Debug, Clone)]
struct Candidate {
    /// Its value; `None` while a cell it sums is blank.
    value: Option<Number>,
    /// The cell a finding points at: the first the figure sums; empty for several terms
    /// counted together.
    cell: String,
    /// The figure as the officer finds it in the tables: the row or row group, then the column
    /// or column group (「（三）不予公开 · 总计」, not its first row's). Empty unless asked for.
    label: String,
}

/// Sums a figure (a list of references); one value per reading of its qualifiers.
fn figure_values(
    sheet: &Sheet,
    figure: &[String],
    qualifiers: &[&Qualifier],
    labelled: bool,
) -> Vec<Candidate> {
    let mut readings: Vec<Candidate> = Vec::new();
    for (i, reference) in figure.iter().enumerate() {
        let parts = resolve(sheet, reference, qualifiers, labelled);
        if i == 0 {
            readings = parts;
            continue;
        }
        // Each reading adds the same reading (the same qualifier) of the next reference.
        readings = readings
            .into_iter()
            .enumerate()
            .map(|(k, reading)| {
                let part = parts.get(k).or(parts.first());
                let add = part.and_then(|p| p.value);
                Candidate {
                    value: reading.value.zip(add).and_then(|(a, b)| a.checked_add(b)),
                    label: match part {
                        Some(p) if labelled => format!("{} + {}", reading.label, p.label),
                        _ => reading.label,
                    },
                    cell: reading.cell,
                }
            })
            .collect();
    }
    readings
}
