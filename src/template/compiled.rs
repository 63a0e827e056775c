//! What a template's checks need, worked out once per template rather than on every keystroke:
//! the cell keys in report order, the parts of every computed cell, and the prose vocabulary as
//! a lookup that finds every word of the text in one pass.

use super::{CellRef, Kind, Template};
use std::collections::HashMap;

/// One typed cell.
#[derive(Debug, Clone)]
pub struct InputCell {
    /// The cell's key, `table.row.column`.
    pub key: String,
    /// What the cell holds, from its column.
    pub kind: Kind,
    /// The unit the format prints for an amount (万元), if any.
    pub unit: Option<String>,
    /// The units an amount may record (采购总金额: 元 or 万元).
    pub units: Vec<String>,
}

impl InputCell {
    /// How many decimal places the cell's amount may have, given the unit the draft records
    /// for it: the printed unit, else the recorded one, else the first it may record (the one
    /// the editor offers first, 元), so a figure typed before its unit is chosen is not taken
    /// finer than that unit allows.
    pub fn places(&self, recorded: Option<&str>) -> u32 {
        use crate::number::max_places;
        let unit = self
            .unit
            .as_deref()
            .or(recorded)
            .or(self.units.first().map(String::as_str));
        max_places(unit)
    }
}

/// One computed cell and the typed cells it adds up.
#[derive(Debug, Clone)]
pub struct ComputedCell {
    /// The cell's key, in a sum row or a sum column (`requests.total_handled.total`).
    pub key: String,
    /// Its column's kind, which the sum keeps.
    pub kind: Kind,
    /// Indices into `Compiled::inputs`.
    pub parts: Vec<usize>,
}

/// What a word of the prose vocabulary is to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A table term, by index into `narrative.terms`.
    Term(usize),
    /// A verb of a term's sense.
    Verb {
        /// The term, by index into `narrative.terms`.
        term: usize,
        /// The sense, by index into that term's `senses`.
        sense: usize,
    },
    /// A qualifier, by index into `narrative.qualifiers`.
    Qualifier(usize),
    /// A word that may stand between a term and its number (`narrative.links`: 共, 案件).
    Link,
    /// A word that opens a breakdown (其中).
    Breakdown,
    /// A word that makes a figure approximate (约, 近).
    Approximate,
    /// A phrase claiming every appeal was upheld (均获维持).
    UpheldAll,
    /// Whose figures the sentence gives.
    Scope(ScopeKind),
    /// A word that holds a term but is not it (申请人).
    Other,
    /// A word that puts a figure in another period (上年度, 近三年).
    OtherPeriod,
    /// A word that claims there was none (未, 无).
    None,
}

/// See [`Scope`](super::Scope).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    /// The reporting agency itself (本机关): its figures are the tables'.
    Own,
    /// Its area (全市): the tables' figures only in a people's government's report.
    Area,
    /// A part of the agency or area (各部门): figures the tables do not hold.
    Part,
}

/// A distinct word of the prose vocabulary.
#[derive(Debug, Clone)]
pub struct Word {
    /// The word, as characters: texts are scanned character by character.
    pub chars: Vec<char>,
    /// One string may play several roles.
    pub roles: Vec<Role>,
}

/// A word found in a text, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    /// Index of its first character in the scanned text.
    pub start: usize,
    /// Index just past its last character.
    pub end: usize,
    /// The word, by index into [`Lexicon::words`].
    pub word: usize,
}

/// The prose vocabulary of a template's `narrative`, indexed by first character so that one
/// pass over a text finds every word ([`Lexicon::scan`]).
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Every distinct word once, with all its roles.
    pub words: Vec<Word>,
    /// The words starting with each character: `lists[slot - 1]`.
    lists: Vec<Vec<usize>>,
    /// Per Basic Multilingual Plane character, its slot in `lists` (0: it starts no word). A
    /// direct index: most characters of a text start no word, and none needs hashing.
    slots: Vec<u16>,
    /// Slots of characters beyond the Basic Multilingual Plane.
    wide: HashMap<char, usize>,
}

impl Lexicon {
    fn add(&mut self, text: &str, role: Role) {
        let chars: Vec<char> = text.chars().collect();
        if chars.is_empty() {
            return;
        }
        if let Some(i) = self.words.iter().position(|w| w.chars == chars) {
            self.words[i].roles.push(role);
            return;
        }
        let slot = match self.slot(chars[0]) {
            Some(slot) => slot,
            None => {
                self.lists.push(Vec::new());
                let slot = self.lists.len();
                let first = chars[0] as usize;
                if first < 0x10000 {
                    if self.slots.is_empty() {
                        self.slots = vec![0; 0x10000];
                    }
                    // A template has far fewer than 65,535 distinct first characters.
                    self.slots[first] = u16::try_from(slot).unwrap_or(u16::MAX);
                } else {
                    self.wide.insert(chars[0], slot);
                }
                slot
            }
        };
        self.lists[slot - 1].push(self.words.len());
        self.words.push(Word {
            chars,
            roles: vec![role],
        });
    }

    fn slot(&self, c: char) -> Option<usize> {
        let code = c as usize;
        if code < 0x10000 {
            match self.slots.get(code).copied().unwrap_or(0) {
                0 => None,
                slot => Some(usize::from(slot)),
            }
        } else {
            self.wide.get(&c).copied()
        }
    }

    /// Every occurrence of every word, overlapping ones included, ordered by start.
    pub fn scan(&self, text: &[char]) -> Vec<Occurrence> {
        let mut out = Vec::new();
        for (start, c) in text.iter().enumerate() {
            let Some(slot) = self.slot(*c) else {
                continue;
            };
            for &word in &self.lists[slot - 1] {
                let w = &self.words[word].chars;
                // Compared by hand: most candidates fail at their second character, and a
                // call to memcmp per candidate costs more than that.
                let rest = &text[start + 1..];
                if rest.len() + 1 >= w.len() && w[1..].iter().zip(rest).all(|(a, b)| a == b) {
                    out.push(Occurrence {
                        start,
                        end: start + w.len(),
                        word,
                    });
                }
            }
        }
        out
    }

    /// The roles of the word found at an occurrence.
    pub fn roles(&self, o: &Occurrence) -> &[Role] {
        &self.words[o.word].roles
    }
}

/// A template's derived lookups.
#[derive(Debug, Clone, Default)]
pub struct Compiled {
    /// Every typed cell, in report order.
    pub inputs: Vec<InputCell>,
    /// Indices into `inputs`, ordered by key (the order a draft's cells are stored in).
    pub inputs_by_key: Vec<usize>,
    /// Every computed cell (总计 rows and columns), in report order.
    pub computed: Vec<ComputedCell>,
    /// The prose vocabulary, for `narrative.mismatch`.
    pub lexicon: Lexicon,
}

impl Compiled {
    pub(super) fn new(t: &Template) -> Compiled {
        let inputs: Vec<InputCell> = t
            .input_cells()
            .map(|c| InputCell {
                key: c.key(),
                kind: c.column.kind,
                unit: c.column.unit.clone(),
                units: c.column.units.clone(),
            })
            .collect();
        let mut inputs_by_key: Vec<usize> = (0..inputs.len()).collect();
        inputs_by_key.sort_by(|&a, &b| inputs[a].key.cmp(&inputs[b].key));
        let index_of = |key: &str| inputs.iter().position(|c| c.key == key);
        let computed: Vec<ComputedCell> = t
            .tables
            .iter()
            .flat_map(|tb| tb.cells())
            .filter(CellRef::is_computed)
            .map(|cell| ComputedCell {
                key: cell.key(),
                kind: cell.column.kind,
                parts: parts(&cell)
                    .iter()
                    .filter_map(|p| index_of(&p.key()))
                    .collect(),
            })
            .collect();
        let n = &t.narrative;
        let mut lexicon = Lexicon::default();
        for (i, term) in n.terms.iter().enumerate() {
            for w in &term.words {
                lexicon.add(w, Role::Term(i));
            }
            for (j, sense) in term.senses.iter().enumerate() {
                for v in &sense.verbs {
                    lexicon.add(v, Role::Verb { term: i, sense: j });
                }
            }
        }
        for (i, q) in n.qualifiers.iter().enumerate() {
            for w in &q.words {
                lexicon.add(w, Role::Qualifier(i));
            }
        }
        for (words, role) in [
            (&n.links, Role::Link),
            (&n.breakdown, Role::Breakdown),
            (&n.approximate, Role::Approximate),
            (&n.upheld_all.words, Role::UpheldAll),
            (&n.scope.own, Role::Scope(ScopeKind::Own)),
            (&n.scope.area, Role::Scope(ScopeKind::Area)),
            (&n.scope.parts, Role::Scope(ScopeKind::Part)),
            (&n.not_terms, Role::Other),
            (&n.other_period, Role::OtherPeriod),
            (&n.none, Role::None),
        ] {
            for w in words {
                lexicon.add(w, role);
            }
        }
        Compiled {
            inputs,
            inputs_by_key,
            computed,
            lexicon,
        }
    }
}

/// The typed cells a computed cell adds up.
pub fn parts<'t>(cell: &CellRef<'t>) -> Vec<CellRef<'t>> {
    let table = cell.table;
    let rows = match &cell.row.sum {
        Some(keys) => keys.iter().flat_map(|k| table.expand_rows(k)).collect(),
        None => vec![cell.row],
    };
    let columns = match &cell.column.sum {
        Some(keys) => keys
            .iter()
            .flat_map(|k| table.expand_columns(cell.block, k))
            .collect(),
        None => vec![cell.column],
    };
    let mut out = Vec::with_capacity(rows.len() * columns.len());
    for row in &rows {
        for column in &columns {
            out.push(CellRef {
                table,
                block: cell.block,
                row,
                column,
            });
        }
    }
    out
}

impl Compiled {
    /// The draft's value of every typed cell, by index into `inputs`: one ordered walk over
    /// both, rather than a map lookup per cell.
    pub fn input_values(
        &self,
        cells: &std::collections::BTreeMap<String, crate::number::Number>,
    ) -> Vec<Option<crate::number::Number>> {
        let mut values = vec![None; self.inputs.len()];
        let mut wanted = self.inputs_by_key.iter().peekable();
        for (key, value) in cells {
            while let Some(&&i) = wanted.peek() {
                match self.inputs[i].key.as_str().cmp(key.as_str()) {
                    std::cmp::Ordering::Less => {
                        wanted.next();
                    }
                    std::cmp::Ordering::Equal => {
                        values[i] = Some(*value);
                        wanted.next();
                        break;
                    }
                    std::cmp::Ordering::Greater => break,
                }
            }
        }
        values
    }
}
