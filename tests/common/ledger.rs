//! Ledgers with known counts for the ledger tests and the benchmark: cases generated from a
//! seed, written as CSV (every date notation) or xlsx (a title row, date cells), and table 三
//! counted from the generated cases by a count of the test's own.
#![allow(dead_code)]

use gongkai::template::Template;
use jiff::civil::{Date, date};
use std::collections::BTreeMap;

pub const COLUMNS: [&str; 6] = [
    "natural_person",
    "business",
    "research",
    "nonprofit",
    "legal_service",
    "other_org",
];

/// What offices write for each applicant column (the official header first).
const APPLICANT_WORDS: [&[&str]; 6] = [
    &["自然人", "公民", "个人"],
    &["商业企业", "企业", "公司"],
    &["科研机构"],
    &["社会公益组织"],
    &["法律服务机构", "律师事务所"],
    &["其他", "其他组织"],
];

/// A small deterministic generator, so a failing case can be reproduced.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407))
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

/// One generated application.
#[derive(Debug, Clone)]
pub struct GenCase {
    pub received: Date,
    pub concluded: Option<Date>,
    pub applicant: usize,
    pub applicant_written: String,
    /// The result's row key, and how the ledger writes it.
    pub result: Option<(String, String)>,
    /// Fee notice: the day sent, billed and collected in fen.
    pub fee: Option<(Date, u64, u64)>,
}

/// The result rows of the format of a year: (key, label, group label).
fn result_rows(year: i16) -> Vec<(String, String, Option<String>)> {
    let template = Template::for_year(i32::from(year)).unwrap_or(&Template::all()[0]);
    let table = template.table("requests").unwrap();
    table
        .expand_rows("results")
        .into_iter()
        .map(|r| {
            let group = r
                .group
                .as_deref()
                .filter(|g| *g != "results")
                .and_then(|g| table.group(g))
                .map(|g| g.label.clone());
            (r.key.clone(), r.label.clone(), group)
        })
        .collect()
}

fn to_full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' | '.' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
            _ => c,
        })
        .collect()
}

/// A label without its list number: 「1.属于国家秘密」 → 「属于国家秘密」.
fn without_number(label: &str) -> String {
    if let Some(rest) = label.strip_prefix('（') {
        return rest.split_once('）').map_or(label, |(_, r)| r).to_string();
    }
    match label.split_once('.') {
        Some((n, rest)) if n.chars().all(|c| c.is_ascii_digit()) => rest.to_string(),
        _ => label.to_string(),
    }
}

fn written_result(rng: &mut Rng, label: &str, group: Option<&str>) -> String {
    match (rng.below(5), group) {
        (0, _) => label.to_string(),
        (1, Some(g)) => format!("{}—{label}", without_number(g)),
        (2, Some(g)) => format!("{g} {label}"),
        (3, _) => to_full_width(label),
        _ => without_number(label),
    }
}

/// `n` cases received between `first` and `last` (inclusive), some still open, some with a fee.
pub fn cases(seed: u64, n: usize, first: Date, last: Date) -> Vec<GenCase> {
    let mut rng = Rng::new(seed);
    let span = (last - first).get_days() as u64 + 1;
    (0..n)
        .map(|_| {
            let received = first + jiff::Span::new().days(rng.below(span) as i64);
            let concluded = (rng.below(100) >= 12)
                .then(|| received + jiff::Span::new().days(rng.below(120) as i64));
            let applicant = match rng.below(10) {
                0..=5 => 0,
                6 | 7 => 1,
                8 => 4,
                _ => [2, 3, 5][rng.below(3) as usize],
            };
            let words = APPLICANT_WORDS[applicant];
            let applicant_written = words[rng.below(words.len() as u64) as usize].to_string();
            let result = concluded.map(|day| {
                let rows = result_rows(day.year());
                let (key, label, group) = &rows[rng.below(rows.len() as u64) as usize];
                (
                    key.clone(),
                    written_result(&mut rng, label, group.as_deref()),
                )
            });
            let fee = (rng.below(20) == 0).then(|| {
                let billed = 100 * (10 + rng.below(200)) + rng.below(100);
                let collected = if rng.below(3) == 0 { 0 } else { billed };
                (received + jiff::Span::new().days(3), billed, collected)
            });
            GenCase {
                received,
                concluded,
                applicant,
                applicant_written,
                result,
                fee,
            }
        })
        .collect()
}

/// Table 三 of `year` counted from the generated cases: cell key → count, every input cell of
/// the rows a ledger fills.
pub fn expected(cases: &[GenCase], year: i16) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    let mut rows = vec![
        "new_received".to_string(),
        "carried_over".to_string(),
        "carried_forward".to_string(),
    ];
    rows.extend(result_rows(year).into_iter().map(|(k, ..)| k));
    for row in &rows {
        for column in COLUMNS {
            out.insert(format!("requests.{row}.{column}"), 0);
        }
    }
    let mut bump = |row: &str, column: usize| {
        *out.get_mut(&format!("requests.{row}.{}", COLUMNS[column]))
            .unwrap() += 1;
    };
    for c in cases {
        let open_on = |day: Date| c.concluded.is_none_or(|done| done >= day);
        if c.received.year() == year {
            bump("new_received", c.applicant);
        }
        if c.received.year() < year && open_on(date(year, 1, 1)) {
            bump("carried_over", c.applicant);
        }
        if let (Some(done), Some((key, _))) = (c.concluded, &c.result)
            && done.year() == year
        {
            bump(key, c.applicant);
        }
        if c.received <= date(year, 12, 31) && c.concluded.is_none_or(|d| d > date(year, 12, 31)) {
            bump("carried_forward", c.applicant);
        }
    }
    out
}

/// The fee figures of `year`: notices, billed and collected in fen.
pub fn expected_fees(cases: &[GenCase], year: i16) -> (u64, u64, u64) {
    cases
        .iter()
        .filter_map(|c| c.fee)
        .filter(|(day, ..)| day.year() == year)
        .fold((0, 0, 0), |(n, b, c), (_, billed, collected)| {
            (n + 1, b + billed, c + collected)
        })
}

/// The Excel serial number of a day.
pub fn serial(day: Date) -> i64 {
    (day - date(1899, 12, 30)).get_days() as i64
}

/// A date in the `i`-th of the notations ledgers use.
pub fn notation(day: Date, i: usize) -> String {
    let (y, m, d) = (day.year(), day.month(), day.day());
    match i % 6 {
        0 => format!("{y}-{m:02}-{d:02}"),
        1 => format!("{y}/{m}/{d}"),
        2 => format!("{y}.{m}.{d}"),
        3 => format!("{y}年{m}月{d}日"),
        4 => serial(day).to_string(),
        _ => format!("{y}-{m:02}-{d:02} 09:30"),
    }
}

fn money(fen: u64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

pub const HEADER: [&str; 9] = [
    "序号",
    "受理日期",
    "申请人类别",
    "申请内容",
    "答复类型",
    "答复日期",
    "收费通知日期",
    "应收金额",
    "实收金额",
];

/// The ledger as CSV text: a title row, the header, one row per case, dates in every notation.
pub fn csv_text(cases: &[GenCase]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(["某某局依申请公开登记台账", "", "", "", "", "", "", "", ""])
        .unwrap();
    writer.write_record(HEADER).unwrap();
    for (i, c) in cases.iter().enumerate() {
        let (notice, billed, collected) = match c.fee {
            Some((day, b, col)) => (notation(day, i + 1), money(b), money(col)),
            None => (String::new(), String::new(), String::new()),
        };
        writer
            .write_record([
                (i + 1).to_string(),
                notation(c.received, i),
                c.applicant_written.clone(),
                "关于某事项的信息".to_string(),
                c.result
                    .as_ref()
                    .map(|(_, w)| w.clone())
                    .unwrap_or_default(),
                c.concluded.map(|d| notation(d, i + 3)).unwrap_or_default(),
                notice,
                billed,
                collected,
            ])
            .unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

/// The ledger as an xlsx workbook: a first sheet of notes, then a sheet named for `year` with
/// a title row, the header on row 3, and dates as date cells (some as serial numbers).
pub fn xlsx_bytes(cases: &[GenCase], year: i16) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut workbook = Workbook::new();
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    let notes = workbook.add_worksheet();
    notes.set_name("说明").unwrap();
    notes.write_string(0, 0, "本台账按年度分表").unwrap();
    let sheet = workbook.add_worksheet();
    sheet.set_name(format!("{year}年台账")).unwrap();
    sheet
        .write_string(0, 0, "某某局依申请公开登记台账")
        .unwrap();
    for (i, h) in HEADER.iter().enumerate() {
        sheet.write_string(2, i as u16, *h).unwrap();
    }
    let put_date =
        |sheet: &mut rust_xlsxwriter::Worksheet, row: u32, col: u16, day: Date, i: usize| {
            if i % 4 == 3 {
                sheet.write_number(row, col, serial(day) as f64).unwrap();
            } else {
                let value =
                    ExcelDateTime::from_ymd(day.year() as u16, day.month() as u8, day.day() as u8)
                        .unwrap();
                sheet
                    .write_datetime_with_format(row, col, &value, &date_format)
                    .unwrap();
            }
        };
    for (i, c) in cases.iter().enumerate() {
        let row = 3 + i as u32;
        sheet.write_number(row, 0, (i + 1) as f64).unwrap();
        put_date(sheet, row, 1, c.received, i);
        sheet.write_string(row, 2, &c.applicant_written).unwrap();
        if let Some((_, written)) = &c.result {
            sheet.write_string(row, 4, written).unwrap();
        }
        if let Some(day) = c.concluded {
            put_date(sheet, row, 5, day, i + 1);
        }
        if let Some((day, billed, collected)) = c.fee {
            put_date(sheet, row, 6, day, i);
            sheet.write_number(row, 7, billed as f64 / 100.0).unwrap();
            sheet
                .write_number(row, 8, collected as f64 / 100.0)
                .unwrap();
        }
    }
    workbook.save_to_buffer().unwrap()
}
