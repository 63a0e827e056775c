//! Reading a draft from TOML, strictly: every problem names its line and column.
//!
//! The text is parsed into a tree that keeps each key's and value's place in the file, then
//! walked against the template, so an unknown key, a word where a number belongs or a row the
//! format lacks is reported where it stands. Loading never writes anything.

use super::{
    Acknowledgement, AgencyKind, Draft, LedgerSource, META_TEXT_FIELDS, Number, Previous, SCHEMA,
};
use crate::template::{Kind, SectionKind, Table, Template};
use rust_decimal::Decimal;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A draft that cannot be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The draft file, as the caller named it; `None` when the draft was read from text or bytes
    /// rather than a file (the message then says `<input>`).
    pub file: Option<PathBuf>,
    /// 1-based; 0 when the problem is the file as a whole.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// What is wrong there; [`crate::i18n::load_error`] words it with the file and place.
    pub problem: Problem,
}

/// What was wrong, in terms the message catalogue turns into a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file could not be read: what the system said, kept by kind to be worded.
    Io(IoFault),
    /// The path is a folder, a pipe or a device, refused without being opened: name the draft
    /// file itself.
    NotAFile,
    /// Larger than a draft can be ([`MAX_DRAFT_BYTES`]).
    TooBig {
        /// The limit in whole megabytes, as the message states it.
        limit_mb: u64,
    },
    /// The bytes stop being UTF-8 at the place given (a file saved as GBK, say): save it as
    /// UTF-8.
    NotUtf8,
    /// The text is not valid TOML (an unclosed quote or bracket, a key written twice): fix it
    /// at the place given.
    Syntax(String),
    /// A key the draft's format has no place for — a misspelling, a row of the other format:
    /// rename or remove it.
    UnknownKey {
        /// The key as written, without the tables above it.
        key: String,
        /// The keys allowed where it stands, offered as the likely fix.
        expected: Vec<String>,
    },
    /// A key every draft must have is absent (`schema`, `template`, `[report]`, its `agency`
    /// and `year`, `ledger.file`, an acknowledgement's `code` and `reason`): add it.
    Missing {
        /// The dotted path of the missing key, such as `report.agency`.
        key: String,
    },
    /// A value of the wrong kind, such as a number where text belongs or a lone value where a
    /// table belongs: rewrite it as the kind asked for.
    WrongType {
        /// The dotted path of the value, such as `report.agency`.
        key: String,
        /// The kind of value that belongs there.
        expected: Expected,
    },
    /// A negative figure in a cell or fee that only takes counts or amounts (only
    /// `本年增/减` cells may go below 0).
    Negative {
        /// The dotted path of the figure, such as `requests.new_received.natural_person`.
        key: String,
    },
    /// A decimal where only a count belongs: write a whole number.
    NotWhole {
        /// The dotted path of the figure.
        key: String,
    },
    /// Text or another non-number where a figure belongs, often a number written in quotes:
    /// drop the quotes.
    NotANumber {
        /// The dotted path of the figure.
        key: String,
    },
    /// A figure beyond [`crate::number::MAX_WHOLE`], or a whole number too long to read at all
    /// (a huge `schema`): almost always a typing slip.
    TooLarge {
        /// The dotted path of the figure.
        key: String,
    },
    /// An amount too small for the decimal type to hold (`1e-30`): the message asks for at
    /// most four decimal places.
    TooManyPlaces {
        /// The dotted path of the amount.
        key: String,
    },
    /// A figure typed for a total row or column, which drafts never store since the totals are
    /// computed: remove it.
    Computed {
        /// The dotted path of the row or cell, such as `requests.total_handled` or
        /// `requests.new_received.total`.
        key: String,
        /// The row's label or the column's header in the template, so the officer sees which
        /// total it is.
        label: String,
    },
    /// `template` names no built-in format: write one of those known.
    UnknownTemplate {
        /// The format id as written.
        id: String,
        /// The ids of the built-in formats.
        known: Vec<String>,
    },
    /// `schema` is a version this program cannot read: newer than [`SCHEMA`] (the draft came
    /// from a newer gongkai, which is needed to read it) or below 1.
    SchemaTooNew {
        /// The schema number as written.
        found: i64,
    },
    /// A year out of range, or not a number a year can be (as written, cut if long).
    BadYear {
        /// The value as written, cut after 12 characters with 「…」.
        found: String,
    },
    /// `nan`, `inf` or a float beyond any number (`1e400`).
    NotFinite {
        /// The dotted path of the amount.
        key: String,
    },
    /// Text that must be one of a fixed set — `report.kind`, an amount's unit — is not:
    /// write one of those listed.
    BadChoice {
        /// The dotted path of the value, such as `report.kind`.
        key: String,
        /// The values allowed.
        expected: Vec<String>,
    },
    /// A `[fees]` table in a draft whose format has no 信息处理费 (gip-2019): remove it, or
    /// correct the year and format.
    NoFees {
        /// The draft's format id.
        template: String,
    },
}

/// An operating-system error kept for wording: its kind and code (which the sentence is
/// chosen by) and the system's English text (shown in brackets after it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IoFault {
    /// The kind of error, which picks the sentence (file not found, permission denied …).
    pub kind: std::io::ErrorKind,
    /// The operating system's error number, when there is one; it tells a full disk or a
    /// read-only file system where the kind does not.
    pub raw: Option<i32>,
    /// The system's own English message, shown in brackets after the sentence.
    pub detail: String,
}

impl From<&std::io::Error> for IoFault {
    fn from(e: &std::io::Error) -> IoFault {
        IoFault {
            kind: e.kind(),
            raw: e.raw_os_error(),
            detail: e.to_string(),
        }
    }
}

/// The kind of value a key wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// Text in quotes.
    Text,
    /// A whole number without quotes.
    Integer,
    /// A table: `{ … }` inline, or a `[section]` of its own.
    Table,
    /// A list in `[ … ]`.
    List,
}

/// The largest draft read: far above the megabyte of prose an officer might paste, far below
/// what would hold up the start screen (which reads every draft) or exhaust memory.
pub const MAX_DRAFT_BYTES: u64 = 20 * 1024 * 1024;

/// Reads a draft file. Refuses folders, FIFOs and other non-files without opening them, and
/// files over [`MAX_DRAFT_BYTES`] without reading them.
pub fn load_file(path: &Path) -> Result<Draft, LoadError> {
    load_file_noting(path).map(|(draft, _)| draft)
}

/// Reads a draft file, and says how many control characters were dropped from its texts.
pub fn load_file_noting(path: &Path) -> Result<(Draft, usize), LoadError> {
    use std::io::Read;
    let whole_file = |problem| LoadError {
        file: Some(path.to_path_buf()),
        line: 0,
        column: 0,
        problem,
    };
    let io = |e: std::io::Error| whole_file(Problem::Io(IoFault::from(&e)));
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(whole_file(Problem::NotAFile));
    }
    let too_big = || {
        whole_file(Problem::TooBig {
            limit_mb: MAX_DRAFT_BYTES / (1024 * 1024),
        })
    };
    if meta.len() > MAX_DRAFT_BYTES {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    // A file that grows while it is read is still cut at the limit.
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_DRAFT_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io)?;
    if bytes.len() as u64 > MAX_DRAFT_BYTES {
        return Err(too_big());
    }
    load_bytes_noting(&bytes).map_err(|mut e| {
        e.file = Some(path.to_path_buf());
        e
    })
}

/// Reads a draft from bytes that should be UTF-8 TOML.
pub fn load_bytes(bytes: &[u8]) -> Result<Draft, LoadError> {
    load_bytes_noting(bytes).map(|(draft, _)| draft)
}

fn load_bytes_noting(bytes: &[u8]) -> Result<(Draft, usize), LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => load_str_noting(text),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            // The prefix is valid UTF-8 by construction.
            let text = std::str::from_utf8(valid).unwrap_or_default();
            let (line, column) = position(text, text.len());
            Err(LoadError {
                file: None,
                line,
                column,
                problem: Problem::NotUtf8,
            })
        }
    }
}

/// Reads a draft from TOML text.
pub fn load_str(text: &str) -> Result<Draft, LoadError> {
    load_str_noting(text).map(|(draft, _)| draft)
}

/// Reads a draft from TOML text, and says how many control characters its texts held that a
/// report cannot (they are dropped; a form feed or line tabulation becomes a line break).
pub fn load_str_noting(text: &str) -> Result<(Draft, usize), LoadError> {
    let reader = Reader { text };
    let doc = DeTable::parse(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        reader.error(offset, Problem::Syntax(e.message().trim().to_string()))
    })?;
    let mut draft = reader.draft(doc.get_ref())?;
    let dropped = super::text::clean_draft(&mut draft);
    Ok((draft, dropped))
}

/// (line, column) of a byte offset, both 1-based, the column in characters.
pub fn position(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut start = offset;
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let before = &text[..start];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

type Entry<'a, 'i> = (
    &'a Spanned<std::borrow::Cow<'i, str>>,
    &'a Spanned<DeValue<'i>>,
);

/// Entries in file order, so the first problem reported is the first in the file.
fn entries<'a, 'i>(table: &'a DeTable<'i>) -> Vec<Entry<'a, 'i>> {
    let mut all: Vec<_> = table.iter().collect();
    all.sort_by_key(|(k, _)| k.span().start);
    all
}

struct Reader<'t> {
    text: &'t str,
}

impl Reader<'_> {
    fn error(&self, offset: usize, problem: Problem) -> LoadError {
        let (line, column) = position(self.text, offset);
        LoadError {
            file: None,
            line,
            column,
            problem,
        }
    }

    fn at(&self, span: Range<usize>, problem: Problem) -> LoadError {
        self.error(span.start, problem)
    }

    fn unknown(&self, span: Range<usize>, key: &str, expected: Vec<String>) -> LoadError {
        self.at(
            span,
            Problem::UnknownKey {
                key: key.to_string(),
                expected,
            },
        )
    }

    fn string(&self, key: &str, value: &Spanned<DeValue>) -> Result<String, LoadError> {
        match value.get_ref() {
            DeValue::String(s) => Ok(s.to_string()),
            _ => Err(self.at(
                value.span(),
                Problem::WrongType {
                    key: key.to_string(),
                    expected: Expected::Text,
                },
            )),
        }
    }

    fn integer(&self, key: &str, value: &Spanned<DeValue>) -> Result<i64, LoadError> {
        match value.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
                .map_err(|_| {
                    self.at(
                        value.span(),
                        Problem::TooLarge {
                            key: key.to_string(),
                        },
                    )
                }),
            _ => Err(self.at(
                value.span(),
                Problem::WrongType {
                    key: key.to_string(),
                    expected: Expected::Integer,
                },
            )),
        }
    }

    fn table<'a, 'i>(
        &self,
        key: &str,
        value: &'a Spanned<DeValue<'i>>,
    ) -> Result<&'a DeTable<'i>, LoadError> {
        match value.get_ref() {
            DeValue::Table(t) => Ok(t),
            _ => Err(self.at(
                value.span(),
                Problem::WrongType {
                    key: key.to_string(),
                    expected: Expected::Table,
                },
            )),
        }
    }

    /// A year: a whole number a report can be for. Anything else, however long, is said to be
    /// no year (not that it passes a number's limit).
    fn year(&self, key: &str, value: &Spanned<DeValue>) -> Result<i64, LoadError> {
        let found = match value.get_ref() {
            DeValue::Integer(i) => i.as_str().to_string(),
            _ => return self.integer(key, value),
        };
        match self.integer(key, value) {
            Ok(year) if (1949..=2200).contains(&year) => Ok(year),
            _ => {
                let cut: String = found.chars().take(12).collect();
                let found = if cut.len() < found.len() {
                    format!("{cut}…")
                } else {
                    cut
                };
                Err(self.at(value.span(), Problem::BadYear { found }))
            }
        }
    }

    /// A number of the given kind, exactly as written.
    fn number(&self, key: &str, kind: Kind, value: &Spanned<DeValue>) -> Result<Number, LoadError> {
        // The key is copied only for an error: this runs for every cell of every draft.
        let fail =
            |problem: fn(String) -> Problem| Err(self.at(value.span(), problem(key.to_string())));
        match value.get_ref() {
            DeValue::Integer(i) => {
                let digits = i.as_str().replace('_', "");
                let Ok(n) = i128::from_str_radix(&digits, i.radix()) else {
                    return fail(|key| Problem::TooLarge { key });
                };
                if n < 0 && kind != Kind::Signed {
                    return fail(|key| Problem::Negative { key });
                }
                if n.unsigned_abs() > u128::from(super::number::MAX_WHOLE) {
                    return fail(|key| Problem::TooLarge { key });
                }
                // Both casts are in range: |n| ≤ MAX_WHOLE.
                Ok(match kind {
                    Kind::Count => Number::Count(n as u64),
                    Kind::Signed => Number::Signed(n as i64),
                    Kind::Amount => Number::Amount(Decimal::from(n as i64)),
                })
            }
            DeValue::Float(f) if kind == Kind::Amount => {
                let raw = f.as_str().replace('_', "");
                let parsed = if raw.contains(['e', 'E']) {
                    Decimal::from_scientific(&raw)
                } else {
                    raw.parse::<Decimal>()
                };
                match parsed {
                    Ok(d) if d.is_sign_negative() && !d.is_zero() => {
                        fail(|key| Problem::Negative { key })
                    }
                    Ok(d) if d > Decimal::from(super::number::MAX_WHOLE) => {
                        fail(|key| Problem::TooLarge { key })
                    }
                    Ok(d) => Ok(Number::Amount(d)),
                    // A float the decimal type cannot hold: too small (1e-30) or too large.
                    Err(_) => match raw.parse::<f64>() {
                        Ok(x) if x.is_finite() && x.abs() < 1.0 => {
                            fail(|key| Problem::TooManyPlaces { key })
                        }
                        Ok(x) if x.is_finite() => fail(|key| Problem::TooLarge { key }),
                        _ => fail(|key| Problem::NotFinite { key }),
                    },
                }
            }
            DeValue::Float(_) => fail(|key| Problem::NotWhole { key }),
            _ => fail(|key| Problem::NotANumber { key }),
        }
    }

    fn draft(&self, doc: &DeTable) -> Result<Draft, LoadError> {
        // `schema` and `template` decide how the rest is read, so they come first.
        let Some(schema) = doc.get("schema") else {
            return Err(self.error(
                0,
                Problem::Missing {
                    key: "schema".into(),
                },
            ));
        };
        let found = self.integer("schema", schema)?;
        if found > SCHEMA || found < 1 {
            return Err(self.at(schema.span(), Problem::SchemaTooNew { found }));
        }
        let Some(template_value) = doc.get("template") else {
            return Err(self.error(
                0,
                Problem::Missing {
                    key: "template".into(),
                },
            ));
        };
        let id = self.string("template", template_value)?;
        let Some(template) = Template::builtin(&id) else {
            return Err(self.at(
                template_value.span(),
                Problem::UnknownTemplate {
                    id,
                    known: Template::all().iter().map(|t| t.id.clone()).collect(),
                },
            ));
        };
        let mut draft = Draft {
            template: id,
            ..Draft::default()
        };
        let mut saw_report = false;
        for (key, value) in entries(doc) {
            let name = key.get_ref().as_ref();
            match name {
                "schema" | "template" => {}
                "report" => {
                    saw_report = true;
                    self.report(&mut draft, value)?;
                }
                "text" => self.text(template, &mut draft, value)?,
                "fees" => {
                    if !template.has_fees {
                        return Err(self.at(
                            key.span(),
                            Problem::NoFees {
                                template: template.id.clone(),
                            },
                        ));
                    }
                    self.fees(template, &mut draft, value)?;
                }
                "previous" => self.previous(template, &mut draft, value)?,
                "ledger" => self.ledger(&mut draft, value)?,
                "acknowledged" => self.acknowledged(&mut draft, value)?,
                "sources" => self.sources(&mut draft, value)?,
                other => match template.table(other) {
                    Some(table) => self.table_values(table, &mut draft, value)?,
                    None => {
                        let mut expected: Vec<String> = [
                            "schema",
                            "template",
                            "report",
                            "text",
                            "previous",
                            "ledger",
                            "acknowledged",
                            "sources",
                        ]
                        .map(String::from)
                        .to_vec();
                        if template.has_fees {
                            expected.push("fees".into());
                        }
                        expected.extend(template.tables.iter().map(|t| t.key.clone()));
                        return Err(self.unknown(key.span(), other, expected));
                    }
                },
            }
        }
        if !saw_report {
            return Err(self.error(
                self.text.len(),
                Problem::Missing {
                    key: "report".into(),
                },
            ));
        }
        Ok(draft)
    }

    fn report(&self, draft: &mut Draft, value: &Spanned<DeValue>) -> Result<(), LoadError> {
        let table = self.table("report", value)?;
        let mut saw_year = false;
        let mut saw_agency = false;
        for (key, value) in entries(table) {
            let name = key.get_ref().as_ref();
            match name {
                "year" => {
                    let year = self.year("report.year", value)?;
                    draft.report.year = year as i32;
                    saw_year = true;
                }
                "kind" => {
                    let kind = self.string("report.kind", value)?;
                    draft.report.kind = AgencyKind::parse(&kind).ok_or_else(|| {
                        self.at(
                            value.span(),
                            Problem::BadChoice {
                                key: "report.kind".into(),
                                expected: vec!["department".into(), "government".into()],
                            },
                        )
                    })?;
                }
                _ => {
                    let Some(field) = draft.report.text_mut(name) else {
                        let mut expected: Vec<String> =
                            META_TEXT_FIELDS.iter().map(|s| s.to_string()).collect();
                        expected.extend(["year".to_string(), "kind".to_string()]);
                        return Err(self.unknown(key.span(), name, expected));
                    };
                    *field = self.string(&format!("report.{name}"), value)?;
                    saw_agency |= name == "agency";
                }
            }
        }
        for (seen, key) in [(saw_agency, "report.agency"), (saw_year, "report.year")] {
            if !seen {
                return Err(self.at(value.span(), Problem::Missing { key: key.into() }));
            }
        }
        Ok(())
    }

    fn text(
        &self,
        template: &Template,
        draft: &mut Draft,
        value: &Spanned<DeValue>,
    ) -> Result<(), LoadError> {
        let table = self.table("text", value)?;
        for (key, value) in entries(table) {
            let name = key.get_ref().as_ref();
            if template
                .section(name)
                .is_none_or(|s| s.kind != SectionKind::Prose)
            {
                let expected = template.prose_sections().map(|s| s.key.clone()).collect();
                return Err(self.unknown(key.span(), name, expected));
            }
            let text = self.string(&format!("text.{name}"), value)?;
            draft.text.insert(name.to_string(), text);
        }
        Ok(())
    }

    fn fees(
        &self,
        template: &Template,
        draft: &mut Draft,
        value: &Spanned<DeValue>,
    ) -> Result<(), LoadError> {
        let table = self.table("fees", value)?;
        for (key, value) in entries(table) {
            let name = key.get_ref().as_ref();
            let Some(field) = template.fee(name) else {
                let expected = template.fees.iter().map(|f| f.key.clone()).collect();
                return Err(self.unknown(key.span(), name, expected));
            };
            let n = self.number(&format!("fees.{name}"), field.kind, value)?;
            draft.fees.insert(name.to_string(), n);
        }
        Ok(())
    }

    fn table_values(
        &self,
        table: &Table,
        draft: &mut Draft,
        value: &Spanned<DeValue>,
    ) -> Result<(), LoadError> {
        let rows = self.table(&table.key, value)?;
        for (row_key, row_value) in entries(rows) {
            let row_name = row_key.get_ref().as_ref();
            let Some((block, row)) = table.row(row_name) else {
                let expected = table
                    .rows()
                    .filter(|(_, r)| r.sum.is_none())
                    .map(|(_, r)| r.key.clone())
                    .collect();
                return Err(self.unknown(row_key.span(), row_name, expected));
            };
            let path = crate::template::row_key(&table.key, row_name);
            if row.sum.is_some() {
                return Err(self.at(
                    row_key.span(),
                    Problem::Computed {
                        key: path,
                        label: row.label.clone(),
                    },
                ));
            }
            let cells = self.table(&path, row_value)?;
            for (column_key, cell_value) in entries(cells) {
                let column_name = column_key.get_ref().as_ref();
                let key = [path.as_str(), ".", column_name].concat();
                if let Some(column) = block.columns.iter().find(|c| c.key == column_name) {
                    if column.sum.is_some() {
                        return Err(self.at(
                            column_key.span(),
                            Problem::Computed {
                                key,
                                label: column.header.clone(),
                            },
                        ));
                    }
                    let n = self.number(&key, column.kind, cell_value)?;
                    draft.cells.insert(key, n);
                    continue;
                }
                let unit_of = column_name
                    .strip_suffix("_unit")
                    .and_then(|base| block.columns.iter().find(|c| c.key == base))
                    .filter(|c| !c.units.is_empty());
                if let Some(column) = unit_of {
                    let unit = self.string(&key, cell_value)?;
                    if !column.units.contains(&unit) {
                        return Err(self.at(
                            cell_value.span(),
                            Problem::BadChoice {
                                key,
                                expected: column.units.clone(),
                            },
                        ));
                    }
                    let key = crate::template::cell_key(&table.key, row_name, &column.key);
                    draft.units.insert(key, unit);
                    continue;
                }
                let mut expected: Vec<String> = block
                    .columns
                    .iter()
                    .filter(|c| c.sum.is_none())
                    .map(|c| c.key.clone())
                    .collect();
                expected.extend(
                    block
                        .columns
                        .iter()
                        .filter(|c| !c.units.is_empty())
                        .map(|c| format!("{}_unit", c.key)),
                );
                return Err(self.unknown(column_key.span(), column_name, expected));
            }
        }
        Ok(())
    }

    fn previous(
        &self,
        template: &Template,
        draft: &mut Draft,
        value: &Spanned<DeValue>,
    ) -> Result<(), LoadError> {
        let table = self.table("previous", value)?;
        let mut previous = Previous::default();
        let carry_table = template.checks.carry.last_year.as_str();
        let carry_table =
            crate::template::split_row_key(carry_table).and_then(|(t, _)| template.table(t));
        for (key, value) in entries(table) {
            let name = key.get_ref().as_ref();
            match name {
                "year" => {
                    let year = self.year("previous.year", value)?;
                    previous.year = Some(year as i32);
                }
                "file" => previous.file = Some(self.string("previous.file", value)?),
                "carried_forward" if carry_table.is_some() => {
                    let columns: Vec<String> = carry_table
                        .into_iter()
                        .flat_map(|t| t.blocks[0].columns.iter())
                        .filter(|c| c.sum.is_none())
                        .map(|c| c.key.clone())
                        .collect();
                    previous.carried_forward =
                        self.counts("previous.carried_forward", &columns, value)?;
                }
                "in_force" if template.checks.in_force.is_some() => {
                    let rows = template
                        .checks
                        .in_force
                        .as_ref()
                        .map(|f| f.rows.clone())
                        .unwrap_or_default();
                    previous.in_force = self.counts("previous.in_force", &rows, value)?;
                }
                _ => {
                    let mut expected = ["year", "file", "carried_forward"]
                        .map(String::from)
                        .to_vec();
                    if template.checks.in_force.is_some() {
                        expected.push("in_force".into());
                    }
                    return Err(self.unknown(key.span(), name, expected));
                }
            }
        }
        draft.previous = Some(previous);
        Ok(())
    }

    fn ledger(&self, draft: &mut Draft, value: &Spanned<DeValue>) -> Result<(), LoadError> {
        let table = self.table("ledger", value)?;
        let mut file = None;
        let mut sheet = None;
        for (key, value) in entries(table) {
            match key.get_ref().as_ref() {
                "file" => file = Some(self.string("ledger.file", value)?),
                "sheet" => sheet = Some(self.string("ledger.sheet", value)?),
                other => {
                    let expected = vec!["file".into(), "sheet".into()];
                    return Err(self.unknown(key.span(), other, expected));
                }
            }
        }
        let file = file.ok_or_else(|| {
            self.at(
                value.span(),
                Problem::Missing {
                    key: "ledger.file".into(),
                },
            )
        })?;
        draft.ledger = Some(LedgerSource { file, sheet });
        Ok(())
    }

    fn counts(
        &self,
        path: &str,
        allowed: &[String],
        value: &Spanned<DeValue>,
    ) -> Result<std::collections::BTreeMap<String, u64>, LoadError> {
        let table = self.table(path, value)?;
        let mut out = std::collections::BTreeMap::new();
        for (key, value) in entries(table) {
            let name = key.get_ref().as_ref();
            if !allowed.iter().any(|a| a == name) {
                return Err(self.unknown(key.span(), name, allowed.to_vec()));
            }
            if let Number::Count(n) = self.number(&format!("{path}.{name}"), Kind::Count, value)? {
                out.insert(name.to_string(), n);
            }
        }
        Ok(out)
    }

    fn acknowledged(&self, draft: &mut Draft, value: &Spanned<DeValue>) -> Result<(), LoadError> {
        let DeValue::Array(items) = value.get_ref() else {
            return Err(self.at(
                value.span(),
                Problem::WrongType {
                    key: "acknowledged".into(),
                    expected: Expected::List,
                },
            ));
        };
        for item in items.iter() {
            let table = self.table("acknowledged", item)?;
            let mut ack = Acknowledgement {
                code: String::new(),
                cell: None,
                quote: None,
                reason: String::new(),
            };
            let (mut saw_code, mut saw_reason) = (false, false);
            for (key, value) in entries(table) {
                let name = key.get_ref().as_ref();
                match name {
                    "code" => {
                        ack.code = self.string("acknowledged.code", value)?;
                        saw_code = true;
                    }
                    "cell" => ack.cell = Some(self.string("acknowledged.cell", value)?),
                    "quote" => ack.quote = Some(self.string("acknowledged.quote", value)?),
                    "reason" => {
                        ack.reason = self.string("acknowledged.reason", value)?;
                        saw_reason = true;
                    }
                    _ => {
                        let expected = ["code", "cell", "quote", "reason"]
                            .map(String::from)
                            .to_vec();
                        return Err(self.unknown(key.span(), name, expected));
                    }
                }
            }
            for (seen, key) in [
                (saw_code, "acknowledged.code"),
                (saw_reason, "acknowledged.reason"),
            ] {
                if !seen {
                    return Err(self.at(item.span(), Problem::Missing { key: key.into() }));
                }
            }
            draft.acknowledged.push(ack);
        }
        Ok(())
    }

    fn sources(&self, draft: &mut Draft, value: &Spanned<DeValue>) -> Result<(), LoadError> {
        let DeValue::Array(items) = value.get_ref() else {
            return Err(self.at(
                value.span(),
                Problem::WrongType {
                    key: "sources".into(),
                    expected: Expected::List,
                },
            ));
        };
        for item in items.iter() {
            draft.sources.push(self.string("sources", item)?);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_counts_characters_not_bytes() {
        let text = "a = 1\n中文 = x";
        assert_eq!(position(text, text.find('x').unwrap()), (2, 6));
    }
}
