//! Matching what a ledger says — a result, an applicant type — to exactly one row or column of
//! a format's table 三. The labels are the template's own; the synonyms are
//! `assets/ledger.toml`'s. A result may be written with or without its group
//! (「不予公开—属于国家秘密」, 「（三）不予公开 4.保护第三方合法权益」), numbered or not, in full
//! or half width.

use super::text::{normalize, strip_numbering, strip_trailing_note, trim_separators};
use super::vocabulary::Vocabulary;
use crate::template::{Table, Template};
use std::collections::HashMap;

/// How a result label matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResultMatch {
    /// The row key.
    Row(String),
    /// No row: the closest label, if one is close.
    Unknown {
        /// The official label most like what was written, when at least half alike.
        closest: Option<String>,
    },
    /// Several rows: their labels.
    Ambiguous(Vec<String>),
}

/// The result rows of one format, with every form each may be written in.
#[derive(Debug)]
pub struct ResultLabels {
    /// (row key, label, accepted normalised forms, groups above it by key).
    rows: Vec<(String, String, Vec<String>, Vec<String>)>,
    /// (group key, accepted normalised forms), innermost groups after their parents.
    groups: Vec<(String, Vec<String>)>,
}

/// The forms of a label: as printed, without its number, and without a trailing note.
fn forms(label: &str) -> Vec<String> {
    let full = normalize(label);
    let bare = strip_numbering(&full).to_string();
    let short = strip_trailing_note(&bare).to_string();
    let mut out = vec![full, bare, short];
    out.dedup();
    out.retain(|f| !f.is_empty());
    out
}

fn ancestors(table: &Table, group: Option<&str>) -> Vec<String> {
    let mut out = Vec::new();
    let mut next = group;
    while let Some(key) = next {
        if out.iter().any(|k| k == key) || out.len() > table.groups.len() {
            break;
        }
        out.push(key.to_string());
        next = table.group(key).and_then(|g| g.parent.as_deref());
    }
    out
}

impl ResultLabels {
    /// The result rows of the format's table 三 (those under
    /// [`Rows::results`](super::vocabulary::Rows::results)) and the groups above them.
    pub fn new(template: &Template) -> ResultLabels {
        let v = Vocabulary::get();
        let mut rows = Vec::new();
        let mut groups = Vec::new();
        if let Some(table) = template.table(&v.rows.table) {
            for row in table.expand_rows(&v.rows.results) {
                rows.push((
                    row.key.clone(),
                    row.label.clone(),
                    forms(&row.label),
                    ancestors(table, row.group.as_deref()),
                ));
            }
            for group in &table.groups {
                if rows
                    .iter()
                    .any(|(_, _, _, above)| above.contains(&group.key))
                {
                    groups.push((group.key.clone(), forms(&group.label)));
                }
            }
        }
        ResultLabels { rows, groups }
    }

    /// The full label of a row with its group, as a drop-down list offers it: 「（三）不予公开 ·
    /// 1.属于国家秘密」 tells the eight 不予公开 rows from the three 无法提供 ones.
    pub fn list_labels(&self, template: &Template) -> Vec<String> {
        let v = Vocabulary::get();
        let Some(table) = template.table(&v.rows.table) else {
            return Vec::new();
        };
        self.rows
            .iter()
            .filter_map(|(key, ..)| table.row(key))
            .map(|(_, row)| {
                let path = table.row_path(row);
                // The outermost group (三、本年度办理结果) is common to all: leave it out.
                path[1.min(path.len() - 1)..].join(" ")
            })
            .collect()
    }

    fn candidates(&self, text: &str, within: Option<&str>) -> Vec<usize> {
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, (_, _, forms, above))| {
                forms.iter().any(|f| f == text)
                    && within.is_none_or(|g| above.iter().any(|a| a == g))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Which row a ledger's result means.
    pub fn find(&self, written: &str) -> ResultMatch {
        let text = normalize(written);
        let exact = self.candidates(strip_numbering(trim_separators(&text)), None);
        if exact.len() == 1 {
            return ResultMatch::Row(self.rows[exact[0]].0.clone());
        }
        // Peel group labels off the front: 「三、本年度办理结果 (三)不予公开 4.保护…」.
        let mut rest = text.as_str();
        let mut within: Option<&str> = None;
        'peel: loop {
            rest = trim_separators(rest);
            for (key, forms) in &self.groups {
                for form in forms {
                    if rest.len() > form.len() && rest.starts_with(form.as_str()) {
                        rest = &rest[form.len()..];
                        within = Some(key);
                        continue 'peel;
                    }
                }
            }
            break;
        }
        let rest = strip_numbering(trim_separators(rest));
        let found = if within.is_some() {
            self.candidates(rest, within)
        } else {
            exact
        };
        match found.as_slice() {
            [one] => ResultMatch::Row(self.rows[*one].0.clone()),
            [] => ResultMatch::Unknown {
                closest: self.closest(&text),
            },
            many => ResultMatch::Ambiguous(many.iter().map(|i| self.rows[*i].1.clone()).collect()),
        }
    }

    fn closest(&self, text: &str) -> Option<String> {
        let bare = strip_numbering(text);
        self.rows
            .iter()
            .map(|(_, label, forms, _)| {
                let score = forms
                    .iter()
                    .map(|f| strsim::normalized_levenshtein(f, bare))
                    .fold(0.0, f64::max);
                (score, label)
            })
            .filter(|(score, _)| *score >= 0.5)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, label)| label.clone())
    }
}

/// The six applicant sub-columns, with the words offices use for each.
#[derive(Debug)]
pub struct ApplicantLabels {
    /// (column key, header, accepted normalised forms), in the table's order.
    columns: Vec<(String, String, Vec<String>)>,
    /// The normalised label of the group above the organisations (法人或其他组织), which may
    /// be written before the type.
    group_forms: Vec<String>,
}

impl ApplicantLabels {
    /// The applicant columns of the format's table 三 (总计 left out), each accepted by its
    /// header and by the words `assets/ledger.toml` lists for it.
    pub fn new(template: &Template) -> ApplicantLabels {
        let v = Vocabulary::get();
        let mut columns = Vec::new();
        let mut group_forms = Vec::new();
        if let Some(table) = template.table(&v.rows.table)
            && let Some(block) = table.blocks.first()
        {
            for column in block.columns.iter().filter(|c| c.sum.is_none()) {
                let mut accepted = vec![normalize(&column.header)];
                for synonym in v.applicants.get(&column.key).into_iter().flatten() {
                    accepted.push(normalize(synonym));
                }
                columns.push((column.key.clone(), column.header.clone(), accepted));
                if let Some(group) = column.group.as_deref().and_then(|g| table.group(g))
                    && block
                        .columns
                        .iter()
                        .filter(|c| c.group == column.group)
                        .count()
                        > 1
                {
                    group_forms.push(normalize(&group.label));
                }
            }
        }
        group_forms.dedup();
        ApplicantLabels {
            columns,
            group_forms,
        }
    }

    /// The column keys in order.
    pub fn keys(&self) -> Vec<String> {
        self.columns.iter().map(|(k, ..)| k.clone()).collect()
    }

    /// The official headers in order, each with the other words accepted for it.
    pub fn described(&self) -> Vec<(String, Vec<String>)> {
        let v = Vocabulary::get();
        self.columns
            .iter()
            .map(|(key, header, _)| {
                (
                    header.clone(),
                    v.applicants.get(key).cloned().unwrap_or_default(),
                )
            })
            .collect()
    }

    /// The official headers in order.
    pub fn headers(&self) -> Vec<String> {
        self.columns.iter().map(|(_, h, _)| h.clone()).collect()
    }

    /// The index of the column a ledger's applicant type means.
    pub fn find(&self, written: &str) -> Option<usize> {
        let text = normalize(written);
        let mut rest = trim_separators(&text);
        for group in &self.group_forms {
            if rest.len() > group.len() && rest.starts_with(group.as_str()) {
                rest = trim_separators(&rest[group.len()..]);
            }
        }
        self.columns
            .iter()
            .position(|(_, _, forms)| forms.iter().any(|f| f == rest))
    }
}

/// Per-format matchers, built once per format a ledger's years need, with each distinct text
/// matched once (a ledger repeats the same dozen labels thousands of times).
#[derive(Debug, Default)]
pub struct Matchers {
    results: HashMap<String, (ResultLabels, HashMap<String, ResultMatch>)>,
}

impl Matchers {
    /// Which result row of `template` the ledger's `written` result means.
    pub fn result(&mut self, template: &Template, written: &str) -> ResultMatch {
        let (labels, seen) = self
            .results
            .entry(template.id.clone())
            .or_insert_with(|| (ResultLabels::new(template), HashMap::new()));
        if let Some(found) = seen.get(written) {
            return found.clone();
        }
        let found = labels.find(written);
        seen.insert(written.to_string(), found.clone());
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(id: &str, text: &str) -> ResultMatch {
        ResultLabels::new(Template::builtin(id).expect("built in")).find(text)
    }

    fn row(key: &str) -> ResultMatch {
        ResultMatch::Row(key.to_string())
    }

    #[test]
    fn results_match_with_or_without_their_group_in_any_width() {
        for text in ["予以公开", "（一）予以公开", "(一)予以公开"] {
            assert_eq!(find("gip-2021", text), row("granted"), "{text}");
        }
        for text in [
            "属于国家秘密",
            "1.属于国家秘密",
            "不予公开—属于国家秘密",
            "（三）不予公开 1.属于国家秘密",
            "(三)不予公开-1．属于国家秘密",
            "三、本年度办理结果 （三）不予公开 1.属于国家秘密",
        ] {
            assert_eq!(
                find("gip-2021", text),
                row("refused_state_secret"),
                "{text}"
            );
        }
        assert_eq!(find("gip-2021", "部分公开"), row("partly_granted"));
        assert_eq!(
            find("gip-2021", "（三）不予公开 4.保护第三方合法权益"),
            row("refused_third_party")
        );
        assert_eq!(
            find("gip-2021", "本机关不掌握相关政府信息"),
            row("unavailable_not_held")
        );
        assert_eq!(
            find("gip-2021", "危及三安全一稳定"),
            row("refused_security_stability")
        );
        assert_eq!(find("gip-2021", "其他处理—其他"), row("other_misc"));
        assert_eq!(find("gip-2019", "其他处理"), row("other_handling"));
    }

    #[test]
    fn a_result_of_another_format_or_in_the_wrong_group_is_not_matched() {
        assert!(matches!(
            find("gip-2019", "其他处理—其他"),
            ResultMatch::Unknown { .. }
        ));
        assert!(matches!(
            find("gip-2021", "无法提供—属于国家秘密"),
            ResultMatch::Unknown { .. }
        ));
        assert_eq!(
            find("gip-2021", "予以公布"),
            ResultMatch::Unknown {
                closest: Some("（一）予以公开".into())
            }
        );
    }

    #[test]
    fn applicant_synonyms_name_one_column() {
        let labels = ApplicantLabels::new(Template::builtin("gip-2021").expect("built in"));
        let keys = labels.keys();
        let key = |text: &str| labels.find(text).map(|i| keys[i].clone());
        assert_eq!(key("自然人").as_deref(), Some("natural_person"));
        assert_eq!(key("公民").as_deref(), Some("natural_person"));
        assert_eq!(key("个人").as_deref(), Some("natural_person"));
        assert_eq!(key("企业").as_deref(), Some("business"));
        assert_eq!(key("公司").as_deref(), Some("business"));
        assert_eq!(key("律师事务所").as_deref(), Some("legal_service"));
        assert_eq!(key("其他组织").as_deref(), Some("other_org"));
        assert_eq!(key("其他").as_deref(), Some("other_org"));
        assert_eq!(key("法人或其他组织—科研机构").as_deref(), Some("research"));
        assert_eq!(key("外星人"), None);
    }
}
