//! Sentences of `gongkai ledger` and the editor's ledger dialog: what a ledger lacks, each row
//! that cannot be counted, the changes made, the ledger template's explanations.

use super::Lang;
use crate::ledger::template_file::{TemplateColumn, Wording};
use crate::ledger::vocabulary::Vocabulary;
use crate::ledger::{BadRow, LedgerError, Role, RowProblem};
use crate::report::Number;
use std::path::Path;

/// Help of `gongkai ledger` and its arguments: (command, argument id, Chinese, English).
pub(super) const HELP: &[(&str, &str, &str, &str)] = &[
    (
        "ledger",
        "",
        "从依申请公开登记台账（.xlsx/.xls/.ods/.csv）统计表三（及信息处理费），或生成空白台账",
        "count table 三 (and the fees) from the case ledger (.xlsx/.xls/.ods/.csv), or write an empty ledger",
    ),
    ("ledger", "ledger", "台账文件", "the ledger file"),
    (
        "ledger",
        "into",
        "把统计结果写入这份草稿（原文件保留为 .bak）",
        "write the figures into this draft (the old file is kept as .bak)",
    ),
    (
        "ledger",
        "year",
        "统计的年度（不用 --into 时必填；用 --template 时为台账的格式年度，默认今年）",
        "the year to count (needed without --into; with --template, the format's year, default this year)",
    ),
    (
        "ledger",
        "sheet",
        "读取的工作表（默认：以年度命名的工作表，否则第一个）",
        "the sheet to read (default: the one named for the year, else the first)",
    ),
    (
        "ledger",
        "json",
        "以 JSON 输出统计结果、改动和不能读取的行",
        "print the table, the changes and the unread rows as JSON",
    ),
    (
        "ledger",
        "template",
        "生成空白台账（带下拉选项和填写说明），与 -o 一起使用",
        "write an empty ledger (with drop-down lists and an explanation sheet); use with -o",
    ),
    (
        "ledger",
        "output",
        "空白台账写入的文件（.xlsx）",
        "the file to write the empty ledger to (.xlsx)",
    ),
];

/// What a column holds, in words.
pub fn role(lang: Lang, role: Role) -> String {
    match lang {
        Lang::Zh => Vocabulary::get().header(role).to_string(),
        Lang::En => match role {
            Role::Received => "date received (收到日期)",
            Role::Applicant => "applicant type (申请人类型)",
            Role::Result => "result (办理结果)",
            Role::Concluded => "date concluded (办结日期)",
            Role::FeeNoticeDate => "fee notice date (收费通知日期)",
            Role::FeeNotice => "fee notice sent (是否发出收费通知)",
            Role::FeeBilled => "amount billed (收费金额)",
            Role::FeeCollected => "amount collected (实收金额)",
        }
        .to_string(),
    }
}

fn quoted(text: &str) -> String {
    format!("“{text}”")
}

/// The applicant types expected: 「自然人（公民、个人）、商业企业（企业、公司）、…」.
fn applicant_types(lang: Lang, expected: &[(String, Vec<String>)]) -> String {
    let items: Vec<String> = expected
        .iter()
        .map(|(header, others)| match (others.is_empty(), lang) {
            (true, _) => header.clone(),
            (false, Lang::Zh) => format!("{header}（{}）", lang.list(others)),
            (false, Lang::En) => format!("{header} ({})", lang.list(others)),
        })
        .collect();
    lang.list(&items)
}

/// 「台账.xlsx，工作表“2024”」: the file and, for a workbook, the sheet.
fn place(lang: Lang, file: &Path, sheet: Option<&str>) -> String {
    match (lang, sheet) {
        (Lang::Zh, Some(s)) => format!("{}，工作表“{s}”", file.display()),
        (Lang::En, Some(s)) => format!("{}, sheet “{s}”", file.display()),
        (_, None) => file.display().to_string(),
    }
}

/// The sentences for a ledger that cannot be counted: one line each.
pub fn ledger_error(lang: Lang, e: &LedgerError) -> Vec<String> {
    use Lang::*;
    match (e, lang) {
        (
            LedgerError::Io {
                file,
                kind,
                message,
            },
            _,
        ) => {
            let e = std::io::Error::new(*kind, message.clone());
            vec![format!("{}: {}", file.display(), super::io_error(lang, &e))]
        }
        (LedgerError::UnknownKind { file }, Zh) => vec![format!(
            "{}: 不是可读取的台账，应为 .xlsx、.xls、.ods 或 .csv 文件",
            file.display()
        )],
        (LedgerError::UnknownKind { file }, En) => vec![format!(
            "{}: not a ledger gongkai reads: expected an .xlsx, .xls, .ods or .csv file",
            file.display()
        )],
        // The reader's own words are English: the sentence says what it means.
        (LedgerError::Workbook { file, .. }, Zh) => vec![format!(
            "{}: 无法作为电子表格读取：文件损坏、受密码保护，或内容与扩展名不符",
            file.display()
        )],
        (LedgerError::Workbook { file, message }, En) => vec![format!(
            "{}: cannot be read as a spreadsheet (damaged, or not what its name says): {message}",
            file.display()
        )],
        (LedgerError::Encoding { file }, Zh) => vec![format!(
            "{}: 编码无法识别，应为 UTF-8 或 GB18030（GBK）",
            file.display()
        )],
        (LedgerError::Encoding { file }, En) => vec![format!(
            "{}: unknown text encoding: expected UTF-8 or GB18030 (GBK)",
            file.display()
        )],
        (
            LedgerError::NoSuchSheet {
                file,
                sheet,
                available,
            },
            _,
        ) => vec![match lang {
            Zh => format!(
                "{}: 没有名为“{sheet}”的工作表；现有：{}",
                file.display(),
                lang.list(available)
            ),
            En => format!(
                "{}: no sheet named “{sheet}”; it has: {}",
                file.display(),
                lang.list(available)
            ),
        }],
        (
            LedgerError::Headers {
                file,
                sheet,
                row,
                found,
                missing,
            },
            _,
        ) => {
            let place = place(lang, file, sheet.as_deref());
            let missing: Vec<String> = missing.iter().map(|r| role(lang, *r)).collect();
            let found: Vec<String> = found
                .iter()
                .map(|(r, text)| {
                    format!(
                        "{}{}",
                        quoted(text),
                        match lang {
                            Zh => format!("（{}）", role(lang, *r)),
                            En => format!(" ({})", role(lang, *r)),
                        }
                    )
                })
                .collect();
            let synonyms = |r: Role| -> String {
                let words: Vec<String> = Vocabulary::get().headers(r).to_vec();
                lang.list(&words)
            };
            let mut lines = vec![match (lang, row) {
                (Zh, Some(row)) => format!(
                    "{place}：找不到表头。最接近的是第 {row} 行，找到 {}；缺少 {}",
                    if found.is_empty() {
                        "无".to_string()
                    } else {
                        lang.list(&found)
                    },
                    lang.list(&missing)
                ),
                (Zh, None) => format!(
                    "{place}：前 20 行中找不到表头；需要的列：{}",
                    lang.list(&missing)
                ),
                (En, Some(row)) => format!(
                    "{place}: no header row. The closest is row {row}, with {}; missing {}",
                    if found.is_empty() {
                        "none".to_string()
                    } else {
                        lang.list(&found)
                    },
                    lang.list(&missing)
                ),
                (En, None) => format!(
                    "{place}: no header row among the first 20 rows; needed: {}",
                    lang.list(&missing)
                ),
            }];
            for r in Role::REQUIRED {
                lines.push(match lang {
                    Zh => format!("  {}列的表头可写作：{}", role(lang, r), synonyms(r)),
                    En => format!(
                        "  the {} column may be headed: {}",
                        role(lang, r),
                        synonyms(r)
                    ),
                });
            }
            lines
        }
        (LedgerError::BadRows { file, sheet, rows }, _) => {
            let place = place(lang, file, sheet.as_deref());
            let mut lines = vec![match lang {
                Zh => format!("{place}：{} 处不能统计，未写入任何内容：", rows.len()),
                En => format!(
                    "{place}: {} problems; nothing was counted or written:",
                    rows.len()
                ),
            }];
            lines.extend(rows.iter().map(|r| format!("  {}", bad_row(lang, r))));
            lines
        }
        (LedgerError::NoFormat { year }, Zh) => {
            vec![format!("没有适用于 {year} 年的报告格式")]
        }
        (LedgerError::NoFormat { year }, En) => {
            vec![format!("no report format applies to {year}")]
        }
    }
}

/// One row that cannot be counted: where it is, what it says, what was expected.
pub fn bad_row(lang: Lang, r: &BadRow) -> String {
    let at = match (lang, &r.column) {
        (Lang::Zh, Some((letter, header))) => format!("第 {} 行 {letter} 列（{header}）", r.row),
        (Lang::Zh, None) => format!("第 {} 行", r.row),
        (Lang::En, Some((letter, header))) => format!("row {}, column {letter} ({header})", r.row),
        (Lang::En, None) => format!("row {}", r.row),
    };
    format!(
        "{at}{}{}",
        lang.pick("：", ": "),
        row_problem(lang, &r.problem)
    )
}

/// What is wrong with a row, and what was expected.
pub fn row_problem(lang: Lang, p: &RowProblem) -> String {
    use Lang::*;
    match (p, lang) {
        (RowProblem::Missing(role), Zh) => format!("{}为空", self::role(lang, *role)),
        (RowProblem::Missing(role), En) => format!("{} is empty", self::role(lang, *role)),
        (RowProblem::BadDate { value }, Zh) => {
            format!("“{value}”不是有效日期，应如 2024-03-05、2024/3/5、2024.3.5 或 2024年3月5日")
        }
        (RowProblem::BadDate { value }, En) => format!(
            "“{value}” is not a valid date: expected e.g. 2024-03-05, 2024/3/5, 2024.3.5 or 2024年3月5日"
        ),
        (RowProblem::UnknownApplicant { value, expected }, Zh) => format!(
            "“{value}”不是申请人类型，应为：{}",
            applicant_types(lang, expected)
        ),
        (RowProblem::UnknownApplicant { value, expected }, En) => format!(
            "“{value}” is not an applicant type: expected {}",
            applicant_types(lang, expected)
        ),
        (
            RowProblem::UnknownResult {
                value,
                template,
                year,
                closest,
            },
            Zh,
        ) => {
            let hint = closest
                .as_ref()
                .map(|c| format!("；最接近的是“{c}”"))
                .unwrap_or_default();
            format!(
                "“{value}”不是 {template}（{year}年办结）表三的办理结果，应为其中一行的名称，可带所属类别{hint}"
            )
        }
        (
            RowProblem::UnknownResult {
                value,
                template,
                year,
                closest,
            },
            En,
        ) => {
            let hint = closest
                .as_ref()
                .map(|c| format!("; the closest is “{c}”"))
                .unwrap_or_default();
            format!(
                "“{value}” is not a result row of table 三 in {template} (concluded in {year}): expected one row's label, with or without its group{hint}"
            )
        }
        (RowProblem::AmbiguousResult { value, candidates }, Zh) => format!(
            "“{value}”可指多行：{}，请写明所属类别",
            lang.list(candidates)
        ),
        (RowProblem::AmbiguousResult { value, candidates }, En) => format!(
            "“{value}” could be several rows: {}; add its group",
            lang.list(candidates)
        ),
        (
            RowProblem::ConcludedBeforeReceived {
                received,
                concluded,
            },
            Zh,
        ) => format!("办结日期 {concluded} 早于收到日期 {received}"),
        (
            RowProblem::ConcludedBeforeReceived {
                received,
                concluded,
            },
            En,
        ) => format!("concluded on {concluded}, before it was received on {received}"),
        (RowProblem::ResultWithoutConclusion { value }, Zh) => {
            format!("有办理结果“{value}”但办结日期为空；尚未办结的申请应不填办理结果")
        }
        (RowProblem::ResultWithoutConclusion { value }, En) => format!(
            "has the result “{value}” but no date concluded; leave the result empty while the case is open"
        ),
        (RowProblem::ConclusionWithoutResult, Zh) => "有办结日期但办理结果为空".to_string(),
        (RowProblem::ConclusionWithoutResult, En) => {
            "has a date concluded but no result".to_string()
        }
        (RowProblem::BadAmount { value }, Zh) => {
            format!("“{value}”不是金额，应为不小于 0 的数（元），最多四位小数")
        }
        (RowProblem::BadAmount { value }, En) => format!(
            "“{value}” is not an amount: expected a number ≥ 0 (元) with at most four places"
        ),
        (RowProblem::BadAnswer { value }, Zh) => format!("“{value}”应为“是”或“否”"),
        (RowProblem::BadAnswer { value }, En) => format!("“{value}”: expected 是 or 否"),
    }
}

pub fn needs_year(lang: Lang) -> String {
    lang.pick(
        "请用 --year 指定统计年度，或用 --into 指定草稿（年度取自草稿）",
        "give the year with --year, or a draft with --into (its year is used)",
    )
    .to_string()
}

pub fn needs_ledger(lang: Lang) -> String {
    lang.pick(
        "请指定台账文件，或用 --template -o 台账.xlsx 生成空白台账",
        "give a ledger file, or write an empty one with --template -o 台账.xlsx",
    )
    .to_string()
}

/// `--year` outside the years a report may be for (a typo such as 20225 or 3025).
pub fn year_out_of_range(lang: Lang, year: i32, first: i32, last: i32) -> String {
    match lang {
        Lang::Zh => format!("--year {year} 不是可用的统计年度：请填 {first}–{last} 之间的年度"),
        Lang::En => {
            format!("--year {year} is not a year to count for: use a year from {first} to {last}")
        }
    }
}

pub fn year_conflict(lang: Lang, given: i32, draft: i32) -> String {
    match lang {
        Lang::Zh => format!("--year {given} 与草稿的年度 {draft} 不同"),
        Lang::En => format!("--year {given} differs from the draft's year {draft}"),
    }
}

pub fn format_mismatch(
    lang: Lang,
    draft: &Path,
    draft_template: &str,
    year: i32,
    wanted: &str,
) -> String {
    match lang {
        Lang::Zh => format!(
            "{}: 草稿使用 {draft_template}，但 {year} 年的格式是 {wanted}；请先改正草稿的格式",
            draft.display()
        ),
        Lang::En => format!(
            "{}: the draft uses {draft_template}, but {year}'s format is {wanted}; correct the draft's format first",
            draft.display()
        ),
    }
}

/// `key`: the editor's key that imports a ledger, from its key table.
pub fn lock_held(lang: Lang, draft: &Path, holder: &crate::lock::Holder, key: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{}: 正在被编辑器打开（进程 {}，主机 {}，自 {} 起），未写入；请在编辑器中按 {} 从台账导入，或关闭编辑器后重试",
            draft.display(),
            holder.pid,
            holder.host,
            holder.since,
            key
        ),
        Lang::En => format!(
            "{}: open in an editor (process {}, host {}, since {}); nothing written. Import the ledger there with {}, or close the editor and try again",
            draft.display(),
            holder.pid,
            holder.host,
            holder.since,
            key
        ),
    }
}

pub fn write_failed(lang: Lang, path: &Path, e: &std::io::Error) -> String {
    match lang {
        Lang::Zh => format!("{}: 无法写入：{}", path.display(), super::io_error(lang, e)),
        Lang::En => format!(
            "{}: cannot be written: {}",
            path.display(),
            super::io_error(lang, e)
        ),
    }
}

/// The heading over a printed table: which ledger, which year, how many cases.
pub fn table_heading(
    lang: Lang,
    file: &Path,
    sheet: Option<&str>,
    year: i32,
    template: &str,
    cases: usize,
) -> String {
    let place = place(lang, file, sheet);
    match lang {
        Lang::Zh => format!("{place}：{year}年表三（{template}），台账共 {cases} 件申请"),
        Lang::En => {
            format!("{place}: table 三 of {year} ({template}); the ledger has {cases} applications")
        }
    }
}

/// A figure as a change shows it: blank for a blank cell.
pub fn figure(lang: Lang, n: Option<Number>) -> String {
    match n {
        Some(n) => n.to_string(),
        None => lang.pick("空", "blank").to_string(),
    }
}

/// One change: 「label · column：old → new」.
pub fn change(lang: Lang, label: &str, old: Option<Number>, new: Number) -> String {
    format!(
        "{label}{}{} → {new}",
        lang.pick("：", ": "),
        figure(lang, old)
    )
}

pub fn written(lang: Lang, draft: &Path, changed: usize, backup: &Path) -> String {
    match lang {
        Lang::Zh => format!(
            "已写入 {}：{changed} 处改动（原文件保留为 {}）",
            draft.display(),
            backup.display()
        ),
        Lang::En => format!(
            "wrote {}: {changed} figures changed (the old file is kept as {})",
            draft.display(),
            backup.display()
        ),
    }
}

pub fn unchanged(lang: Lang, draft: &Path) -> String {
    match lang {
        Lang::Zh => format!("{}: 表三已与台账一致，未作改动", draft.display()),
        Lang::En => format!(
            "{}: table 三 already equals the ledger; nothing changed",
            draft.display()
        ),
    }
}

/// The fee lines under a printed table.
pub fn fee_line(lang: Lang, label: &str, value: &str, unit: &str) -> String {
    format!("{label}{}{value} {unit}", lang.pick("：", ": "))
}

pub fn template_written(lang: Lang, path: &Path, template: &str, year: i32) -> String {
    match lang {
        Lang::Zh => format!(
            "已生成空白台账 {}（{year}年格式 {template}）。每行填一件申请，然后运行：gongkai ledger {} --into 草稿.toml",
            path.display(),
            path.display()
        ),
        Lang::En => format!(
            "wrote an empty ledger {} ({year}'s format, {template}). Fill one application per row, then run: gongkai ledger {} --into draft.toml",
            path.display(),
            path.display()
        ),
    }
}

pub fn template_exists(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Zh => format!(
            "{}: 文件已存在，未覆盖（台账中可能已有登记）",
            path.display()
        ),
        Lang::En => format!(
            "{}: already exists; not overwritten (it may hold cases)",
            path.display()
        ),
    }
}

pub fn template_failed(lang: Lang, path: &Path, message: &str) -> String {
    match lang {
        Lang::Zh => format!("{}: 无法生成台账（{message}）", path.display()),
        Lang::En => format!("{}: cannot write the ledger: {message}", path.display()),
    }
}

/// The words of the ledger template: sheet names, the explanation of each column.
pub fn template_wording(lang: Lang, columns: &[TemplateColumn], year: i32) -> Wording {
    let explain = |column: &TemplateColumn| -> String {
        match (column.role, lang) {
            (Some(Role::Received), Lang::Zh) => "收到申请的日期（如 2024-03-05）。收到日期在本年的计入“一、本年新收”；上年收到、本年仍在办理的计入“二、上年结转”。".into(),
            (Some(Role::Received), Lang::En) => "the day the application was received (e.g. 2024-03-05). Received this year: 一 本年新收; received earlier and still open on 1 January: 二 上年结转.".into(),
            (Some(Role::Applicant), Lang::Zh) => "从下拉列表选择表三的申请人类型之一；也可写 公民、个人（自然人），企业、公司（商业企业），律师事务所（法律服务机构），其他组织（其他）。".into(),
            (Some(Role::Applicant), Lang::En) => "pick one of table 三's applicant types from the list; 公民/个人, 企业/公司, 律师事务所 and 其他组织 are understood too.".into(),
            (Some(Role::Result), Lang::Zh) => format!("办结时从下拉列表选择表三的办理结果（{year}年格式的原文）；区分处理的只计“部分公开”。尚未办结的留空。"),
            (Some(Role::Result), Lang::En) => format!("when concluded, pick table 三's result from the list ({year}'s format, word for word); a partly granted request counts only as 部分公开. Leave empty while open."),
            (Some(Role::Concluded), Lang::Zh) => "办结（答复）的日期。留空表示尚未办结，年末计入“四、结转下年度继续办理”。办结日期不能早于收到日期。".into(),
            (Some(Role::Concluded), Lang::En) => "the day it was concluded (answered). Empty means still open: 四 结转下年度 at the year's end. Not before the day received.".into(),
            (Some(Role::FeeNoticeDate), Lang::Zh) => "发出信息处理费收费通知的日期；填写即计为发出一件收费通知，计入通知日期所在年度。未收费的留空。".into(),
            (Some(Role::FeeNoticeDate), Lang::En) => "the day a fee notice (信息处理费) was sent; counts as one notice in that year. Empty when no fee was asked.".into(),
            (Some(Role::FeeBilled), Lang::Zh) => "收费通知的金额（元）。".into(),
            (Some(Role::FeeBilled), Lang::En) => "the amount the notice asked for (元).".into(),
            (Some(Role::FeeCollected), Lang::Zh) => "实际收取的金额（元）；逾期未缴的填 0，办理结果选“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用…”。".into(),
            (Some(Role::FeeCollected), Lang::En) => "the amount actually collected (元); 0 when unpaid, with the result （六）2 (逾期未按收费通知要求缴纳费用).".into(),
            (Some(Role::FeeNotice), _) => String::new(),
            (None, Lang::Zh) => "本单位自用，gongkai 不读取。".into(),
            (None, Lang::En) => "for the office's own use; gongkai does not read it.".into(),
        }
    };
    Wording {
        ledger_sheet: lang.pick("台账", "ledger").to_string(),
        help_sheet: lang.pick("填写说明", "how to fill").to_string(),
        lists_sheet: lang.pick("选项", "lists").to_string(),
        help_headers: [
            lang.pick("列", "column").to_string(),
            lang.pick("填写说明", "what to write").to_string(),
        ],
        explanations: columns.iter().map(explain).collect(),
        not_on_list: lang
            .pick("请从下拉列表中选择", "pick a value from the list")
            .to_string(),
    }
}

/// The editor's ledger dialog.
pub mod editor {
    use super::Lang;

    pub fn title(lang: Lang) -> &'static str {
        lang.pick("从台账导入：表三", "Import the ledger: table 三")
    }

    pub fn prompt(lang: Lang) -> &'static str {
        lang.pick("台账文件", "ledger file")
    }

    pub fn only_in_requests(lang: Lang) -> &'static str {
        lang.pick(
            "从台账导入用于表三（三、收到和处理政府信息公开申请情况）",
            "importing a ledger fills table 三 (applications received and handled)",
        )
    }

    pub fn path_needed(lang: Lang) -> &'static str {
        lang.pick(
            "请填写台账文件（.xlsx、.xls、.ods 或 .csv）的路径",
            "enter the path of the ledger (.xlsx, .xls, .ods or .csv)",
        )
    }

    pub fn intro(lang: Lang) -> &'static str {
        lang.pick(
            "按台账统计本年度的表三（及信息处理费），先显示改动，确认后再写入。",
            "counts this year's table 三 (and the fees) from the ledger; shows the changes before writing them.",
        )
    }

    pub fn path_hint(lang: Lang) -> &'static str {
        lang.pick(
            "Enter 读取台账 · Esc 取消",
            "Enter read the ledger · Esc cancel",
        )
    }

    pub fn preview_hint(lang: Lang) -> &'static str {
        lang.pick(
            "Enter 写入这些改动（Ctrl-Z 可撤销）· ↑↓ 滚动 · Esc 取消",
            "Enter write these changes (Ctrl-Z undoes) · ↑↓ scroll · Esc cancel",
        )
    }

    pub fn problems_hint(lang: Lang) -> &'static str {
        lang.pick(
            "改正台账后按 Enter 重新读取 · ↑↓ 滚动 · Esc 取消",
            "correct the ledger, then Enter to read it again · ↑↓ scroll · Esc cancel",
        )
    }

    pub fn changes_heading(lang: Lang, n: usize, cells: usize) -> String {
        match (lang, n) {
            (Lang::Zh, 0) => format!("台账统计的 {cells} 个数字与草稿一致，没有改动。"),
            (Lang::En, 0) => {
                format!("the ledger's {cells} figures equal the draft's: nothing changes.")
            }
            (Lang::Zh, _) => format!("将改变 {n} 处（共 {cells} 个数字；旧 → 新）："),
            (Lang::En, _) => format!("{n} figures change (of {cells}; old → new):"),
        }
    }

    pub fn unchanged(lang: Lang) -> &'static str {
        lang.pick(
            "表三已与台账一致，未作改动",
            "table 三 already equals the ledger; nothing changed",
        )
    }

    pub fn applied(lang: Lang, n: usize) -> String {
        match lang {
            Lang::Zh => format!("已从台账写入 {n} 处（Ctrl-Z 撤销）"),
            Lang::En => format!("wrote {n} figures from the ledger (Ctrl-Z undoes)"),
        }
    }
}
