//! Binding a figure to what it counts: a term before it in its clause, a term just after it,
//! or the term its clause inherits (through its verb, from its sentence, or from the sentence
//! before). Each step says which terms, verbs and qualifiers the figure is read with; `judge`
//! in the parent module works out the figures they could mean.

use super::text::{self, Figure, SPACES};
use super::{Reader, Reading, links};
use crate::template::compiled::Role;

impl Reader<'_> {
    /// The subject of the sentence just before (its first term), if it has one.
    pub(super) fn previous_subject(&self, earlier: &[(usize, usize)]) -> Vec<usize> {
        earlier
            .last()
            .and_then(|&(s, e)| self.terms_in(s, e).first().map(|(_, t)| vec![*t]))
            .unwrap_or_default()
    }

    /// Whether nothing but linking words, terms, verbs, qualifiers, the agency's own scope,
    /// dates and spaces stand in `start..end`. Anything else names the thing counted (相关微信
    /// 293 条, 网上申请).
    pub(super) fn only_links(&self, start: usize, end: usize) -> bool {
        if start >= end {
            return true;
        }
        let plain = |i: usize| {
            let c = self.chars[i];
            SPACES.contains(&c)
                || matches!(c, '、' | '“' | '”' | '"' | '（' | '）' | '(' | ')')
                || text::in_date(self.chars, i)
                || self.is_own_name(i)
        };
        // Most stretches are short: a bit per character, no allocation.
        if end - start <= 128 {
            let mut covered: u128 = 0;
            for i in start..end {
                if plain(i) {
                    covered |= 1 << (i - start);
                }
            }
            for o in self.within(start, end) {
                let roles = self.lexicon.roles(o);
                if !roles.contains(&Role::Other) && roles.iter().any(links) {
                    for i in o.start..o.end {
                        covered |= 1 << (i - start);
                    }
                }
            }
            let all = if end - start == 128 {
                u128::MAX
            } else {
                (1u128 << (end - start)) - 1
            };
            return covered == all;
        }
        let mut covered: Vec<bool> = (start..end).map(plain).collect();
        for o in self.within(start, end) {
            let roles = self.lexicon.roles(o);
            if roles.contains(&Role::Other) {
                continue;
            }
            if roles.iter().any(links) {
                covered[o.start - start..o.end - start].fill(true);
            }
        }
        covered.iter().all(|&c| c)
    }

    /// Whether nothing narrows a term from before. Walking back over linking words (的,
    /// 信息公开 …), the first thing met must be the clause's start, punctuation, a verb, a
    /// qualifier or another term; a word of its own (网上申请, 劳动保障的申请) makes the figure a
    /// part of the term's, which the tables do not show.
    pub(super) fn stands_free(&self, start: usize, clause_start: usize) -> bool {
        let mut p = start;
        loop {
            while p > clause_start
                && (SPACES.contains(&self.chars[p - 1])
                    || text::in_date(self.chars, p - 1)
                    || self.is_own_name(p - 1))
            {
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
            // A word holding a term (申请人) is a subject of its own, like a term: it does not
            // narrow the term after it (申请人提起行政诉讼).
            let stops = roles.iter().any(|r| {
                matches!(
                    r,
                    Role::Verb { .. } | Role::Qualifier(_) | Role::Term(_) | Role::Other
                )
            });
            if stops {
                return true;
            }
            if !roles.iter().any(links) {
                return false;
            }
            p = word.start;
        }
    }

    /// Step 1: terms before the figure in its clause.
    pub(super) fn direct(
        &self,
        clause_start: usize,
        window_start: usize,
        figure: &Figure,
    ) -> Option<Reading> {
        let mut terms: Vec<usize> = Vec::new();
        for (o, t) in self.terms_in(window_start, figure.start) {
            if !terms.contains(&t)
                && self.only_links(o.end, figure.start)
                && self.stands_free(o.start, clause_start)
            {
                terms.push(t);
            }
        }
        if terms.is_empty() {
            return None;
        }
        let together = terms.len() > 1;
        Some(Reading {
            terms,
            verbs: self.verbs_in(window_start, figure.start),
            qualifiers: self.qualifiers_in(window_start, figure.start),
            together,
            whole_only: false,
        })
    }

    /// Step 2: a term just after the figure (共收到32件申请), when nothing of its own stands
    /// before (the caller asks).
    pub(super) fn after(
        &self,
        before: usize,
        figure: &Figure,
        next_start: usize,
    ) -> Option<Reading> {
        let mut terms: Vec<usize> = Vec::new();
        let mut reach = figure.end;
        for (o, t) in self.terms_in(figure.end, next_start) {
            if !self.only_links(figure.end, o.start) {
                break;
            }
            if !terms.contains(&t) {
                terms.push(t);
            }
            reach = o.end;
        }
        if terms.is_empty() {
            return None;
        }
        let mut verbs = self.verbs_in(before, figure.start);
        verbs.extend(self.verbs_in(figure.end, next_start));
        let mut qualifiers = self.qualifiers_in(before, figure.start);
        qualifiers.extend(self.qualifiers_in(figure.end, reach));
        let together = terms.len() > 1;
        Some(Reading {
            terms,
            verbs,
            qualifiers,
            together,
            whole_only: false,
        })
    }

    /// Step 3: the term a clause with nothing of its own inherits: its verb's (办结 → 申请),
    /// else the nearest term and the subject of the sentence, else the previous sentence's
    /// subject.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn inherited(
        &self,
        sentence_start: usize,
        clause_start: usize,
        before: usize,
        figure: &Figure,
        next_start: usize,
        earlier_sentences: &[(usize, usize)],
        in_breakdown: bool,
    ) -> Option<Reading> {
        // Nothing of its own stands before the figure (the caller asks), nor after it.
        if !self.only_links(figure.end, next_start) {
            return None;
        }
        let earlier: Vec<usize> = {
            let mut seen = Vec::new();
            for (_, t) in self.terms_in(sentence_start, clause_start) {
                if !seen.contains(&t) {
                    seen.push(t);
                }
            }
            seen
        };
        let previous = if earlier.is_empty() {
            self.previous_subject(earlier_sentences)
        } else {
            Vec::new()
        };
        // Nothing spoken of before: nothing to inherit.
        if earlier.is_empty() && previous.is_empty() {
            return None;
        }
        let mut qualifiers = self.qualifiers_in(before, figure.start);
        qualifiers.extend(self.qualifiers_in(figure.end, next_start));
        // A breakdown by something of its own is not in the tables; one by a qualifier is.
        if in_breakdown && qualifiers.is_empty() {
            return None;
        }
        let mut verbs = self.verbs_in(before, figure.start);
        verbs.extend(self.verbs_in(figure.end, next_start));
        let in_reach: Vec<usize> = if earlier.is_empty() {
            previous.clone()
        } else {
            earlier.clone()
        };
        let terms: Vec<usize> = if verbs.is_empty() {
            let mut terms: Vec<usize> = Vec::new();
            for t in [earlier.last(), earlier.first()].into_iter().flatten() {
                if !terms.contains(t) {
                    terms.push(*t);
                }
            }
            if terms.is_empty() { previous } else { terms }
        } else {
            // The verb says what is counted, if that was spoken of.
            let mut terms: Vec<usize> = Vec::new();
            for (t, _) in &verbs {
                if in_reach.contains(t) && !terms.contains(t) {
                    terms.push(*t);
                }
            }
            terms
        };
        if terms.is_empty() {
            return None;
        }
        // 「复议3件、诉讼2件，相关案件5件」: the terms of the sentence together.
        let together = verbs.is_empty() && earlier.len() > 1;
        let terms = if together { earlier } else { terms };
        Some(Reading {
            terms,
            verbs,
            qualifiers,
            together,
            whole_only: false,
        })
    }
}
