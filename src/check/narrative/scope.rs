//! Whose figures a sentence gives: the reporting agency's own (本机关, 我局, its own name), its
//! area's (全市, 我县: its own in a people's government's report, wider in a department's), or
//! a part's (各部门, 市政府办公室, a county within a city), which the tables do not hold.

use super::Reader;
use crate::report::AgencyKind;
use crate::template::compiled::{Role, ScopeKind};

/// Where the agency's own name stands in the text, in characters: it names the agency itself,
/// however its words would read otherwise (思明区人力资源和社会保障局 is not a part called 思明区).
pub(super) fn own_name_ranges(text: &str, agency: &str) -> Vec<(usize, usize)> {
    let name = agency.trim();
    let len = name.chars().count();
    if len < 2 {
        return Vec::new();
    }
    text.match_indices(name)
        .map(|(b, _)| {
            let start = text[..b].chars().count();
            (start, start + len)
        })
        .collect()
}

impl Reader<'_> {
    /// Whether position `i` is within the agency's own name.
    pub(super) fn is_own_name(&self, i: usize) -> bool {
        self.own_name.iter().any(|&(s, e)| s <= i && i < e)
    }

    /// Whether the sentence names a part of the agency or area (各部门, 市政府办公室) or a
    /// place within it (思明区): its figures are the part's.
    pub(super) fn names_a_part(&self, start: usize, end: usize) -> bool {
        // All scope words are found together, so a part inside an own word (部门 in 本部门) is
        // not read on its own.
        let scope_words = self.find(start, end, |r| matches!(r, Role::Scope(_)));
        if scope_words
            .iter()
            .any(|(o, r)| *r == Role::Scope(ScopeKind::Part) && !self.is_own_name(o.start))
        {
            return true;
        }
        // Place suffixes are single characters (the template is checked for it).
        let suffixes: Vec<char> = self
            .sheet
            .template
            .narrative
            .scope
            .place_suffixes
            .iter()
            .filter_map(|s| s.chars().next())
            .collect();
        let is_place =
            |i: usize| suffixes.contains(&self.chars[i]) && is_ideograph(self.chars[i - 1]);
        let mut places = (start.max(1)..end).filter(|&i| is_place(i)).peekable();
        if places.peek().is_none() {
            return false;
        }
        // Positions covered by a scope word (全区, 我县) are not places.
        let scoped: Vec<(usize, usize)> =
            scope_words.iter().map(|(o, _)| (o.start, o.end)).collect();
        places.any(|i| {
            !self.is_own_name(i)
                && !self.is_own_place(i, &suffixes)
                && !self.masked[i]
                && !scoped.iter().any(|&(s, e)| s <= i && i < e)
        })
    }

    /// Whether the place ending at `i` is the area a people's government reports for: the
    /// place its own name ends with (深汕特别合作区 of 深圳市深汕特别合作区管理委员会, 思明区 of
    /// 厦门市思明区人民政府), whole or by its last three characters or more (合作区). A
    /// department's place is its area, wider than itself, and stays a part.
    fn is_own_place(&self, i: usize, suffixes: &[char]) -> bool {
        if self.sheet.draft.report.kind != AgencyKind::Government {
            return false;
        }
        let Some(place) = own_place(&self.sheet.draft.report.agency, suffixes) else {
            return false;
        };
        let written = &self.chars[..=i];
        let n = place.len();
        (3.min(n)..=n).any(|k| written.ends_with(&place[n - k..]))
    }

    /// Whether the figure at `at` is of a wider area than a department reports on: the last
    /// scope word before it in the sentence is its area (全市) and the report is a department's.
    pub(super) fn wider_scope(&self, sentence_start: usize, at: usize) -> bool {
        if self.sheet.draft.report.kind == AgencyKind::Government {
            return false;
        }
        let last = self
            .find(sentence_start, at, |r| matches!(r, Role::Scope(_)))
            .into_iter()
            .max_by_key(|(o, _)| o.start);
        matches!(last, Some((_, Role::Scope(ScopeKind::Area))))
    }
}

fn is_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The last place an agency's name names: from after the place before it (厦门市) to its
/// suffix (思明区), or from the start of the name.
fn own_place(agency: &str, suffixes: &[char]) -> Option<Vec<char>> {
    let name: Vec<char> = agency.trim().chars().collect();
    let end = name.iter().rposition(|c| suffixes.contains(c))?;
    let start = name[..end]
        .iter()
        .rposition(|c| suffixes.contains(c) || matches!(c, '市' | '省' | '州' | '盟'))
        .map_or(0, |p| p + 1);
    (end > start).then(|| name[start..=end].to_vec())
}

#[cfg(test)]
mod tests {
    use super::own_place;

    #[test]
    fn the_place_an_agency_names_last() {
        let suffixes = ['区', '县', '镇', '乡'];
        let place = |agency: &str| own_place(agency, &suffixes).map(String::from_iter);
        assert_eq!(
            place("深圳市深汕特别合作区管理委员会").as_deref(),
            Some("深汕特别合作区")
        );
        assert_eq!(place("厦门市思明区人民政府").as_deref(), Some("思明区"));
        assert_eq!(place("某某县人民政府").as_deref(), Some("某某县"));
        assert_eq!(place("某某市人力资源和社会保障局"), None);
    }
}
