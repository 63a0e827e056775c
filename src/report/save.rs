//! Writing a draft as TOML that reads well and diffs cleanly.
//!
//! Keys follow the template's order; each row sits on its own line under a comment with its
//! official label; long prose is a block string. What [`to_toml`] writes, `load::load_str` reads
//! back to the same draft (a property test holds it to that).

use super::{Draft, META_TEXT_FIELDS, Number, SCHEMA};
use crate::template::Template;
use std::fmt::Write;
use std::path::Path;

/// Prose longer than this, or with a line break, is written as a `"""` block.
const INLINE_TEXT_LIMIT: usize = 40;

/// Renders a draft in the draft file format of DESIGN.md.
pub fn to_toml(template: &Template, draft: &Draft) -> String {
    let mut out = String::with_capacity(4096);
    // Writing to a String cannot fail.
    let _ = write_draft(&mut out, template, draft);
    out
}

/// Saves a draft atomically: the old file stays whole until the new one is on disk, and is
/// then kept as `<name>.toml.bak`.
pub fn save(path: &Path, template: &Template, draft: &Draft) -> std::io::Result<()> {
    crate::atomic::write_keeping_backup(path, to_toml(template, draft).as_bytes())
}

fn write_draft(out: &mut String, template: &Template, draft: &Draft) -> std::fmt::Result {
    writeln!(out, "schema = {SCHEMA}")?;
    writeln!(out, "template = {}", quote(&draft.template))?;
    if !draft.sources.is_empty() {
        let list: Vec<String> = draft.sources.iter().map(|s| quote(s)).collect();
        writeln!(out, "sources = [{}]", list.join(", "))?;
    }

    let meta = &draft.report;
    writeln!(out, "\n[report]")?;
    writeln!(out, "agency = {}", quote(&meta.agency))?;
    writeln!(out, "year = {}", meta.year)?;
    writeln!(out, "kind = {}", quote(meta.kind.as_str()))?;
    for key in META_TEXT_FIELDS.iter().skip(1) {
        writeln!(out, "{key} = {}", quote(meta.text(key).unwrap_or_default()))?;
    }

    writeln!(out, "\n[text]")?;
    for section in template.prose_sections() {
        if let Some(text) = draft.text.get(&section.key) {
            writeln!(out, "# {}", section.heading)?;
            writeln!(out, "{} = {}", section.key, prose(text))?;
        }
    }

    if template.has_fees {
        writeln!(out, "\n[fees]")?;
        for field in &template.fees {
            writeln!(out, "# {}（{}）", field.label, field.unit)?;
            match draft.fees.get(&field.key) {
                Some(n) => writeln!(out, "{} = {}", field.key, number(*n))?,
                None => writeln!(out, "# {} =", field.key)?,
            }
        }
    }

    for table in &template.tables {
        writeln!(out, "\n[{}]", table.key)?;
        for block in &table.blocks {
            if let Some(caption) = &block.caption {
                writeln!(out, "# {caption}")?;
            }
            for row in block.rows.iter().filter(|r| r.sum.is_none()) {
                let mut parts = Vec::new();
                for column in block.columns.iter().filter(|c| c.sum.is_none()) {
                    let key = crate::template::cell_key(&table.key, &row.key, &column.key);
                    if let Some(n) = draft.cells.get(&key) {
                        parts.push(format!("{} = {}", column.key, number(*n)));
                    }
                    if let Some(unit) = draft.units.get(&key) {
                        parts.push(format!("{}_unit = {}", column.key, quote(unit)));
                    }
                }
                writeln!(out, "# {}", table.row_path(row).join(" · "))?;
                if parts.is_empty() {
                    writeln!(out, "{} = {{}}", row.key)?;
                } else {
                    writeln!(out, "{} = {{ {} }}", row.key, parts.join(", "))?;
                }
            }
        }
    }

    if let Some(previous) = &draft.previous {
        writeln!(out, "\n[previous]")?;
        if let Some(year) = previous.year {
            writeln!(out, "year = {year}")?;
        }
        if let Some(file) = &previous.file {
            writeln!(out, "file = {}", quote(file))?;
        }
        // In the template's order: the carry row's columns, the in-force rows.
        let carry_columns: Vec<&str> = template
            .cell_row(&template.checks.carry.last_year)
            .map(|(block, _)| block.columns.iter().map(|c| c.key.as_str()).collect())
            .unwrap_or_default();
        let in_force_rows: Vec<&str> = template
            .checks
            .in_force
            .iter()
            .flat_map(|f| f.rows.iter().map(String::as_str))
            .collect();
        for (key, values, order) in [
            ("carried_forward", &previous.carried_forward, carry_columns),
            ("in_force", &previous.in_force, in_force_rows),
        ] {
            if values.is_empty() {
                continue;
            }
            let mut keys: Vec<&String> = values.keys().collect();
            keys.sort_by_key(|k| order.iter().position(|o| o == k).unwrap_or(usize::MAX));
            let parts: Vec<String> = keys
                .iter()
                .map(|k| format!("{k} = {}", values[*k]))
                .collect();
            writeln!(out, "{key} = {{ {} }}", parts.join(", "))?;
        }
    }

    if let Some(ledger) = &draft.ledger {
        writeln!(out, "\n[ledger]")?;
        writeln!(out, "file = {}", quote(&ledger.file))?;
        if let Some(sheet) = &ledger.sheet {
            writeln!(out, "sheet = {}", quote(sheet))?;
        }
    }

    for ack in &draft.acknowledged {
        writeln!(out, "\n[[acknowledged]]")?;
        writeln!(out, "code = {}", quote(&ack.code))?;
        if let Some(cell) = &ack.cell {
            writeln!(out, "cell = {}", quote(cell))?;
        }
        if let Some(words) = &ack.quote {
            writeln!(out, "quote = {}", quote(words))?;
        }
        writeln!(out, "reason = {}", quote(&ack.reason))?;
    }
    Ok(())
}

fn number(n: Number) -> String {
    match n {
        // Amounts keep a decimal point, so the file shows they are amounts.
        Number::Amount(d) => {
            let d = d.normalize();
            if d.scale() == 0 {
                format!("{d}.0")
            } else {
                d.to_string()
            }
        }
        other => other.to_string(),
    }
}

/// A TOML basic string.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => push_unicode_escape(&mut out, c),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Prose: a block when long or multi-line, otherwise a basic string. The block is a literal
/// `'''` one when nothing in the text needs escaping (it reads back faster and shows the text
/// exactly as typed), else a `"""` one with escapes.
fn prose(text: &str) -> String {
    if !text.contains('\n') && text.chars().count() <= INLINE_TEXT_LIMIT {
        return quote(text);
    }
    let literal_safe = !text.contains("'''")
        && !text.ends_with('\'')
        && !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t');
    if literal_safe {
        return format!("'''\n{text}'''");
    }
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str("\"\"\"\n");
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' => out.push_str("\\\\"),
            // A quote is escaped only where it could close the block.
            '"' if chars.get(i + 1).is_none_or(|&n| n == '"') => out.push_str("\\\""),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => push_unicode_escape(&mut out, c),
            c => out.push(c),
        }
    }
    out.push_str("\"\"\"");
    out
}

fn push_unicode_escape(out: &mut String, c: char) {
    let _ = write!(out, "\\u{:04X}", c as u32);
}
