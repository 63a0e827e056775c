//! JSON: the whole report for other systems — metadata, the generated title and preamble, each
//! section's paragraphs or table (every figure, computed totals included), the 信息处理费
//! figures, and the findings with their messages. README.md documents the shape.

use super::content::{Block, Content};
use crate::check::{Finding, Outcome};
use crate::i18n::{self, Lang};
use crate::report::Draft;
use crate::template::{SectionKind, Table, Template};
use serde_json::{Map, Value, json};

/// The version of this JSON shape; it changes only when a field changes meaning or goes.
pub const JSON_SCHEMA: u32 = 1;

/// The report as one pretty-printed JSON document (with a final newline): the whole report for
/// other systems. Finding messages are in `lang`; a finished export (`content.draft` false)
/// replaces the officers' acknowledgement reasons with `true`.
pub fn render(
    content: &Content,
    template: &Template,
    draft: &Draft,
    outcome: &Outcome,
    lang: Lang,
) -> Vec<u8> {
    let sections: Vec<Value> = content
        .sections
        .iter()
        .map(|section| {
            let kind = template
                .section(section.key)
                .map_or(SectionKind::Prose, |s| s.kind);
            let mut v = json!({"key": section.key, "heading": section.heading});
            match kind {
                SectionKind::Prose => {
                    let paragraphs: Vec<Value> = section
                        .blocks
                        .iter()
                        .filter_map(|b| match b {
                            Block::Subheading(t) => Some(json!({"heading": t})),
                            Block::Paragraph(t) => Some(json!({"text": t})),
                            Block::Table(_) => None,
                        })
                        .collect();
                    v["kind"] = "prose".into();
                    v["paragraphs"] = paragraphs.into();
                }
                SectionKind::Table => {
                    v["kind"] = "table".into();
                    if let Some(table) = template.table(section.key) {
                        v["table"] = table_value(table, draft, outcome);
                    }
                }
            }
            v
        })
        .collect();
    let fees: Map<String, Value> = template
        .fees
        .iter()
        .map(|f| {
            let value = draft.fees.get(&f.key).map_or(Value::Null, |n| to_value(*n));
            (
                f.key.clone(),
                json!({"label": f.label, "unit": f.unit, "value": value}),
            )
        })
        .collect();
    let doc = json!({
        "schema": JSON_SCHEMA,
        "template": {"id": template.id, "name": template.name, "issued_by": template.issued_by},
        "draft": content.draft,
        "finished": outcome.is_finished(),
        "title": content.title,
        "report": draft.report,
        "preamble": content.preamble,
        "sections": sections,
        "fees": if template.has_fees { Value::Object(fees) } else { Value::Null },
        "findings": outcome
            .findings
            .iter()
            .map(|f| export_finding_value(lang, f, content.draft))
            .collect::<Vec<_>>(),
        "summary": outcome.summary(),
    });
    // A `Value` always serializes.
    let mut bytes = serde_json::to_vec_pretty(&doc).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

fn to_value(n: crate::report::Number) -> Value {
    serde_json::to_value(n).unwrap_or(Value::Null)
}

/// A table as blocks of rows and columns; each row holds every figure by column key, the
/// computed ones included (`null` when blank or when a total has a blank part).
fn table_value(table: &Table, draft: &Draft, outcome: &Outcome) -> Value {
    let blocks: Vec<Value> = table
        .blocks
        .iter()
        .map(|block| {
            let columns: Vec<Value> = block
                .columns
                .iter()
                .map(|c| {
                    json!({
                        "key": c.key,
                        "header": c.header,
                        "path": table.column_path(c),
                        "kind": c.kind,
                        "computed": c.sum.is_some(),
                    })
                })
                .collect();
            let rows: Vec<Value> = block
                .rows
                .iter()
                .map(|row| {
                    let mut values = Map::new();
                    let mut units = Map::new();
                    for column in &block.columns {
                        let key = crate::template::cell_key(&table.key, &row.key, &column.key);
                        let value = match outcome.totals.get(&key) {
                            Some(total) => total.complete(),
                            None => draft.cell(&key),
                        };
                        values.insert(column.key.clone(), value.map_or(Value::Null, to_value));
                        if let Some(unit) = draft.units.get(&key) {
                            units.insert(column.key.clone(), unit.clone().into());
                        }
                    }
                    let mut v = json!({
                        "key": row.key,
                        "label": row.label,
                        "path": table.row_path(row),
                        "computed": row.sum.is_some(),
                        "values": values,
                    });
                    if !units.is_empty() {
                        v["units"] = units.into();
                    }
                    v
                })
                .collect();
            let mut v = json!({"caption": block.caption, "columns": columns, "rows": rows});
            // Table 三's printed note (the 勾稽 relation) is part of the table as published.
            if let Some(note) = table.corner.as_deref().filter(|n| !n.is_empty()) {
                v["note"] = note.into();
            }
            v
        })
        .collect();
    json!({"key": table.key, "blocks": blocks})
}

/// A finding in the exported report. The officer's reason for answering a warning is an
/// internal note for reviewers: a `--draft` export keeps it, a finished (published) one says
/// only that the warning was answered (`"acknowledged": true`).
fn export_finding_value(lang: Lang, f: &Finding, draft: bool) -> Value {
    let mut v = finding_value(lang, f);
    if !draft && f.acknowledged.is_some() {
        v["acknowledged"] = true.into();
    }
    v
}

/// One finding as the findings format of DESIGN.md has it, with its message in `lang`.
pub fn finding_value(lang: Lang, f: &Finding) -> Value {
    let mut v = json!({
        "severity": f.severity,
        "code": f.code,
        "message": i18n::finding(lang, f),
    });
    if let Some(cell) = &f.cell {
        v["cell"] = cell.clone().into();
    }
    if let Some(e) = f.expected {
        v["expected"] = to_value(e);
    }
    if let Some(a) = f.actual {
        v["actual"] = to_value(a);
    }
    if let Some(reason) = &f.acknowledged {
        v["acknowledged"] = reason.clone().into();
    }
    v
}
