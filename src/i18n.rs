//! Every sentence gongkai says to a person, in Chinese and English.
//!
//! Chinese is the default; `--lang en` (or an English `LANG`) switches. Official labels — row
//! and column names, section headings — stay Chinese in both, as the format prints them.

use crate::check::{Detail, Finding, Severity};
use crate::report::number::{InputError, MAX_WHOLE};
use crate::report::{LoadError, Number, Problem, load::Expected};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// From `LANG`/`LC_ALL`: English when they say so, Chinese otherwise.
    pub fn from_env() -> Lang {
        let english = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .is_some_and(|v| v.starts_with("en"));
        if english { Lang::En } else { Lang::Zh }
    }

    /// Picks the sentence in this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    fn list(self, items: &[String]) -> String {
        items.join(self.pick("、", ", "))
    }
}

// ------------------------------------------------------------------ findings

pub fn severity(lang: Lang, s: Severity) -> &'static str {
    match (s, lang) {
        (Severity::Error, Lang::Zh) => "错误",
        (Severity::Warning, Lang::Zh) => "警告",
        (Severity::Hint, Lang::Zh) => "提示",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Hint, Lang::En) => "hint",
    }
}

pub fn input_problem(lang: Lang, p: InputError) -> String {
    match p {
        InputError::Empty => lang.pick("空白", "blank").into(),
        InputError::NotANumber => lang.pick("不是数字", "not a number").into(),
        InputError::Negative => lang.pick("不能为负数", "cannot be negative").into(),
        InputError::NotWhole => lang.pick("应为整数", "must be a whole number").into(),
        InputError::TooManyPlaces => lang.pick("最多四位小数", "at most four decimal places").into(),
        InputError::TooLarge => match lang {
            Lang::Zh => format!("数值过大（最大 {MAX_WHOLE}）"),
            Lang::En => format!("too large (at most {MAX_WHOLE})"),
        },
    }
}

fn numbers(lang: Lang, values: &[Number]) -> String {
    lang.list(&values.iter().map(Number::to_string).collect::<Vec<_>>())
}

/// The sentence for a finding.
pub fn finding(lang: Lang, f: &Finding) -> String {
    use Lang::*;
    match (&f.detail, lang) {
        (Detail::Balance { column, left, right }, Zh) => {
            format!("{column}列：一+二={left}，（七）总计+四={right}")
        }
        (Detail::Balance { column, left, right }, En) => {
            format!("column {column}: 一+二 = {left} but （七）总计+四 = {right}")
        }
        (Detail::Blank { label }, Zh) => format!("{label}：空白（没有的请填 0）"),
        (Detail::Blank { label }, En) => format!("{label}: blank (enter 0 if there were none)"),
        (Detail::Value { label, problem }, _) => {
            format!("{label}{}{}", lang.pick("：", ": "), input_problem(lang, *problem))
        }
        (Detail::Overflow { label }, Zh) => format!("{label}：合计超出可计算的范围"),
        (Detail::Overflow { label }, En) => format!("{label}: the sum is too large to compute"),
        (Detail::UnitMissing { label, units }, Zh) => {
            format!("{label}：请注明金额单位（{}）", lang.list(units))
        }
        (Detail::UnitMissing { label, units }, En) => {
            format!("{label}: record the unit of the amount ({})", lang.list(units))
        }
        (Detail::TemplateYear { template, year, expected: Some(e) }, Zh) => {
            format!("{year}年的报告应使用 {e} 格式，当前为 {template}")
        }
        (Detail::TemplateYear { template, year, expected: Some(e) }, En) => {
            format!("a {year} report uses the {e} format, not {template}")
        }
        (Detail::TemplateYear { year, .. }, Zh) => format!("{year}年没有适用的年度报告格式"),
        (Detail::TemplateYear { year, .. }, En) => format!("no report format applies to {year}"),
        (Detail::TextEmpty { heading }, Zh) => format!("{heading}：内容为空"),
        (Detail::TextEmpty { heading }, En) => format!("{heading}: empty"),
        (Detail::Topics { missing }, Zh) => {
            format!("总体情况未提到：{}（格式要求写明五个方面）", lang.list(missing))
        }
        (Detail::Topics { missing }, En) => format!(
            "the overview does not mention: {} (the format asks for five topics)",
            lang.list(missing)
        ),
        (Detail::Accountability { missing }, Zh) => format!(
            "人民政府的报告应在总体情况中写明工作考核、社会评议和责任追究结果情况，未提到：{}",
            lang.list(missing)
        ),
        (Detail::Accountability { missing }, En) => format!(
            "a people's government's overview must cover 工作考核、社会评议、责任追究; missing: {}",
            lang.list(missing)
        ),
        (Detail::FeesNotStated { missing }, Zh) => format!(
            "未说明信息处理费：{}（自2021年起即使为 0 也须说明）",
            lang.list(missing)
        ),
        (Detail::FeesNotStated { missing }, En) => format!(
            "信息处理费 not stated: {} (required from 2021, even when 0)",
            lang.list(missing)
        ),
        (Detail::FeesUnpaid { unpaid, notices }, Zh) => format!(
            "因逾期未缴费不再处理的申请有 {unpaid} 件，但本年只发出收费通知 {notices} 件"
        ),
        (Detail::FeesUnpaid { unpaid, notices }, En) => format!(
            "{unpaid} requests were closed for unpaid fees, but only {notices} fee notices were sent"
        ),
        (Detail::Narrative { quote, found, candidates, label }, Zh) => {
            if candidates.len() == 1 {
                format!("正文「{quote}」写的是 {found}，表中{label}为 {}", candidates[0])
            } else {
                format!(
                    "正文「{quote}」写的是 {found}，与表中可能对应的数字（{}）都不符",
                    numbers(lang, candidates)
                )
            }
        }
        (Detail::Narrative { quote, found, candidates, label }, En) => {
            if candidates.len() == 1 {
                format!("the text 「{quote}」 says {found}, the table has {} ({label})", candidates[0])
            } else {
                format!(
                    "the text 「{quote}」 says {found}, which matches none of the table's figures ({})",
                    numbers(lang, candidates)
                )
            }
        }
        (Detail::UpheldAll { quote, contradicting }, _) => {
            let parts: Vec<String> = contradicting
                .iter()
                .map(|(header, n)| match lang {
                    Zh => format!("{header} {n} 件"),
                    En => format!("{header} {n}"),
                })
                .collect();
            match lang {
                Zh => format!("正文「{quote}」，但表四中{}", lang.list(&parts)),
                En => format!("the text says 「{quote}」 but table 四 shows {}", lang.list(&parts)),
            }
        }
        (Detail::Carry { column, last, this }, Zh) => {
            format!("{column}列：上年结转填 {this}，上年报告的结转下年度为 {last}")
        }
        (Detail::Carry { column, last, this }, En) => format!(
            "column {column}: carried over is {this}, last year's report carried forward {last}"
        ),
        (Detail::InForce { row, last, issued, repealed, expected, actual }, Zh) => format!(
            "{row}现行有效件数应为 {last}（上年）+{issued}（制发）−{repealed}（废止）={expected}，填的是 {actual}"
        ),
        (Detail::InForce { row, last, issued, repealed, expected, actual }, En) => format!(
            "{row}: in force should be {last} (last year) + {issued} issued − {repealed} repealed = {expected}, not {actual}"
        ),
        (Detail::Same { last_year }, Zh) => match last_year {
            Some(y) => format!("所有数字与{y}年报告完全相同，是否沿用了上年报告？"),
            None => "所有数字与上年报告完全相同，是否沿用了上年报告？".into(),
        },
        (Detail::Same { .. }, En) => {
            "every figure equals last year's: was last year's report copied?".into()
        }
        (Detail::Jump { label, last, this }, Zh) => {
            format!("{label}：上年 {last}，今年 {this}，变化超过一倍，请核实")
        }
        (Detail::Jump { label, last, this }, En) => {
            format!("{label}: {last} last year, {this} this year — more than doubled or halved")
        }
        (Detail::PreviousText { heading, percent }, Zh) => format!(
            "{heading}有 {percent}% 的文字与上年报告相同（格式要求避免内容雷同）"
        ),
        (Detail::PreviousText { heading, percent }, En) => {
            format!("{heading}: {percent}% of the text is the same as last year's")
        }
        (Detail::Deadline { year, month, day, days_left }, Zh) => {
            if *days_left >= 0 {
                format!("距法定公开期限（{year}年{month}月{day}日）还有 {days_left} 天")
            } else {
                format!("已超过法定公开期限（{year}年{month}月{day}日）{} 天", -days_left)
            }
        }
        (Detail::Deadline { year, month, day, days_left }, En) => {
            if *days_left >= 0 {
                format!("{days_left} days left to the statutory deadline ({year}-{month:02}-{day:02})")
            } else {
                format!("{} days past the statutory deadline ({year}-{month:02}-{day:02})", -days_left)
            }
        }
    }
}

/// The name of a section for grouping findings (`report` is 基本信息).
pub fn section_name(lang: Lang, template: &crate::template::Template, key: &str) -> String {
    if key == "report" {
        return lang.pick("基本信息", "Report details").to_string();
    }
    template
        .section(key)
        .map_or(key.to_string(), |s| s.heading.clone())
}

// ------------------------------------------------------------------ loading

fn expected_kind(lang: Lang, e: Expected) -> &'static str {
    match e {
        Expected::Text => lang.pick("加引号的文字", "text in quotes"),
        Expected::Integer => lang.pick("整数", "a whole number"),
        Expected::Table => lang.pick("表（{ … } 或 [节]）", "a table ({ … } or [section])"),
        Expected::List => lang.pick("列表", "a list"),
    }
}

fn suggestion(lang: Lang, key: &str, expected: &[String]) -> String {
    let best = expected
        .iter()
        .map(|e| (strsim::levenshtein(key, e), e))
        .filter(|(d, e)| *d <= 2 && *d < e.len())
        .min_by_key(|(d, _)| *d);
    match best {
        Some((_, e)) => match lang {
            Lang::Zh => format!("是不是“{e}”？"),
            Lang::En => format!("did you mean “{e}”? "),
        },
        None => String::new(),
    }
}

pub fn problem(lang: Lang, p: &Problem) -> String {
    use Lang::*;
    match (p, lang) {
        (Problem::Io(e), Zh) => format!("无法读取：{e}"),
        (Problem::Io(e), En) => format!("cannot read: {e}"),
        (Problem::NotAFile, _) => lang
            .pick("不是普通文件（是文件夹、管道或设备）", "not a regular file (a folder, pipe or device)")
            .into(),
        (Problem::NotUtf8, _) => lang
            .pick("此处起不是 UTF-8 文字，请将文件另存为 UTF-8 编码", "not UTF-8 text from here on: save the file as UTF-8")
            .into(),
        (Problem::Syntax(m), Zh) => format!("TOML 语法错误：{m}"),
        (Problem::Syntax(m), En) => format!("TOML syntax error: {m}"),
        (Problem::UnknownKey { key, expected }, Zh) => format!(
            "未知的键“{key}”。{}此处可用：{}",
            suggestion(lang, key, expected),
            lang.list(expected)
        ),
        (Problem::UnknownKey { key, expected }, En) => format!(
            "unknown key “{key}”. {}Expected one of: {}",
            suggestion(lang, key, expected),
            lang.list(expected)
        ),
        (Problem::Missing { key }, Zh) => format!("缺少“{key}”"),
        (Problem::Missing { key }, En) => format!("“{key}” is missing"),
        (Problem::WrongType { key, expected }, Zh) => {
            format!("“{key}”应为{}", expected_kind(lang, *expected))
        }
        (Problem::WrongType { key, expected }, En) => {
            format!("“{key}” should be {}", expected_kind(lang, *expected))
        }
        (Problem::Negative { key }, Zh) => format!("“{key}”不能为负数"),
        (Problem::Negative { key }, En) => format!("“{key}” cannot be negative"),
        (Problem::NotWhole { key }, Zh) => format!("“{key}”应为整数"),
        (Problem::NotWhole { key }, En) => format!("“{key}” must be a whole number"),
        (Problem::NotANumber { key }, Zh) => {
            format!("“{key}”应为数字（不加引号，例如 12）")
        }
        (Problem::NotANumber { key }, En) => {
            format!("“{key}” should be a number (without quotes, e.g. 12)")
        }
        (Problem::TooLarge { key }, Zh) => format!("“{key}”数值过大（最大 {MAX_WHOLE}）"),
        (Problem::TooLarge { key }, En) => format!("“{key}” is too large (at most {MAX_WHOLE})"),
        (Problem::Computed { key, label }, Zh) => {
            format!("“{key}”（{label}）由程序自动计算，不能填写")
        }
        (Problem::Computed { key, label }, En) => {
            format!("“{key}” ({label}) is computed and cannot be typed")
        }
        (Problem::UnknownTemplate { id, known }, Zh) => {
            format!("未知的报告格式“{id}”，可用：{}", lang.list(known))
        }
        (Problem::UnknownTemplate { id, known }, En) => {
            format!("unknown report format “{id}”; known: {}", lang.list(known))
        }
        (Problem::SchemaTooNew { found }, Zh) => format!(
            "文件格式版本 schema = {found} 不是本程序能读的版本（{}），请使用新版 gongkai",
            crate::report::SCHEMA
        ),
        (Problem::SchemaTooNew { found }, En) => format!(
            "schema = {found} is not a version this program reads ({}); use a newer gongkai",
            crate::report::SCHEMA
        ),
        (Problem::BadYear { found }, Zh) => format!("年份 {found} 不合理"),
        (Problem::BadYear { found }, En) => format!("{found} is not a plausible year"),
        (Problem::BadChoice { key, expected }, Zh) => {
            format!("“{key}”应为以下之一：{}", lang.list(expected))
        }
        (Problem::BadChoice { key, expected }, En) => {
            format!("“{key}” should be one of: {}", lang.list(expected))
        }
        (Problem::NoFees { template }, Zh) => format!(
            "{template} 格式没有信息处理费（[fees]），信息处理费自 2021 年（gip-2021）起才填报"
        ),
        (Problem::NoFees { template }, En) => format!(
            "the {template} format has no 信息处理费 ([fees]); they are reported from 2021 (gip-2021)"
        ),
    }
}

/// `file:line:column: problem`, the way compilers say it.
pub fn load_error(lang: Lang, e: &LoadError) -> String {
    let file = e
        .file
        .as_ref()
        .map_or_else(|| "<input>".to_string(), |p| p.display().to_string());
    if e.line == 0 {
        format!("{file}: {}", problem(lang, &e.problem))
    } else {
        format!("{file}:{}:{}: {}", e.line, e.column, problem(lang, &e.problem))
    }
}

// ------------------------------------------------------------------ command line

/// Help for each command and argument: (command, argument id, Chinese, English). The command
/// "" is the program itself.
const CLI_HELP: &[(&str, &str, &str, &str)] = &[
    ("", "", "编制、检查和导出政府信息公开工作年度报告", "Compile, check and export the annual report on government information disclosure"),
    ("", "lang", "界面语言（zh 中文，en 英文）", "interface language (zh Chinese, en English)"),
    ("check", "", "检查报告草稿：勾稽关系、空白、正文与表格是否一致等", "check drafts: balances, blanks, prose against tables and more"),
    ("check", "paths", "草稿文件或文件夹（文件夹即其中所有 .toml 草稿）", "draft files or folders (a folder means every .toml draft in it)"),
    ("check", "previous", "上年度的报告草稿，用于跨年度检查", "last year's draft, for the cross-year checks"),
    ("check", "json", "以 JSON 输出检查结果", "print the findings as JSON"),
    ("check", "sort", "多份草稿时汇总表的排序：errors 按错误数，agency 按单位", "order of the summary table: errors (most first) or agency"),
    ("new", "", "新建报告草稿（格式由年度决定）", "write a new draft (the format follows from the year)"),
    ("new", "agency", "报告单位名称", "name of the reporting agency"),
    ("new", "year", "报告年度", "report year"),
    ("new", "kind", "单位类型：department 政府部门（1月31日前公开），government 人民政府（3月31日前公开）", "department (publishes by 31 January) or government (by 31 March)"),
    ("new", "output", "写入的文件（默认在数据文件夹中）", "file to write (default: in the data folder)"),
    ("list", "", "列出数据文件夹中的报告草稿", "list the drafts in the data folder"),
];

fn cli_help(lang: Lang, command: &str, arg: &str) -> Option<&'static str> {
    CLI_HELP
        .iter()
        .find(|(c, a, _, _)| *c == command && *a == arg)
        .map(|(_, _, zh, en)| lang.pick(zh, en))
}

fn localize_one(mut cmd: clap::Command, lang: Lang, name: &str) -> clap::Command {
    let (usage, commands, options, help, version) = match lang {
        Lang::Zh => ("用法：", "命令", "选项", "显示帮助", "显示版本"),
        Lang::En => ("Usage:", "Commands", "Options", "Print help", "Print version"),
    };
    if let Some(about) = cli_help(lang, name, "") {
        cmd = cmd.about(about);
    }
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        let text = match id.as_str() {
            "help" => Some(help),
            "version" => Some(version),
            other => cli_help(lang, name, other).or_else(|| cli_help(lang, "", other)),
        };
        if let Some(text) = text {
            cmd = cmd.mut_arg(id.as_str(), |a| a.help(text));
        }
    }
    cmd.help_template(format!(
        "{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
    ))
    .subcommand_help_heading(commands)
    .next_help_heading(options)
}

/// The clap command with its help in the given language.
pub fn localize_cli(cmd: clap::Command, lang: Lang) -> clap::Command {
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    let mut cmd = localize_one(cmd.disable_help_flag(false), lang, "");
    for name in names {
        cmd = cmd.mut_subcommand(name.as_str(), |s| localize_one(s, lang, &name));
    }
    cmd
}

pub fn io_error(lang: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let what = match e.kind() {
        NotFound => lang.pick("找不到", "not found"),
        PermissionDenied => lang.pick("没有权限", "permission denied"),
        ReadOnlyFilesystem => lang.pick("文件系统只读", "read-only file system"),
        StorageFull => lang.pick("磁盘已满", "disk full"),
        IsADirectory => lang.pick("这是一个文件夹", "is a folder"),
        NotADirectory => lang.pick("路径中有一段不是文件夹", "a part of the path is not a folder"),
        _ => return format!("{}{e}", lang.pick("错误：", "error: ")),
    };
    what.to_string()
}

pub fn year(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Zh => format!("{year}年"),
        Lang::En => year.to_string(),
    }
}

pub fn blank_row(lang: Lang, row: &str, columns: Option<&[String]>) -> String {
    match (lang, columns) {
        (Lang::Zh, None) => format!("{row}：整行空白"),
        (Lang::En, None) => format!("{row}: the whole row is blank"),
        (Lang::Zh, Some(c)) => format!("{row}：{} 空白", lang.list(c)),
        (Lang::En, Some(c)) => format!("{row}: {} blank", lang.list(c)),
    }
}

pub fn acknowledged_suffix(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::Zh => format!("（已确认：{reason}）"),
        Lang::En => format!(" (acknowledged: {reason})"),
    }
}

pub fn summary_line(lang: Lang, p: &crate::library::Progress) -> String {
    let s = &p.summary;
    match lang {
        Lang::Zh => format!(
            "合计：{} 个错误，{} 个警告，{} 个提示，{} 个空白格（已填 {}/{}）{}",
            s.errors,
            s.warnings,
            s.hints,
            s.blank,
            p.filled,
            p.cells,
            if s.acknowledged > 0 { format!("，{} 个警告已确认", s.acknowledged) } else { String::new() }
        ),
        Lang::En => format!(
            "total: {} errors, {} warnings, {} hints, {} blank cells (filled {}/{}){}",
            s.errors,
            s.warnings,
            s.hints,
            s.blank,
            p.filled,
            p.cells,
            if s.acknowledged > 0 { format!(", {} warnings acknowledged", s.acknowledged) } else { String::new() }
        ),
    }
}

pub fn progress_short(lang: Lang, p: &crate::library::Progress) -> String {
    let percent = if p.cells == 0 { 100 } else { p.filled * 100 / p.cells };
    match lang {
        Lang::Zh => format!("已填 {percent:>3}%  错误 {:>3}", p.summary.errors),
        Lang::En => format!("filled {percent:>3}%  errors {:>3}", p.summary.errors),
    }
}

pub fn table_headings(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Zh => ["单位", "年度", "错误", "警告", "空白"],
        Lang::En => ["Agency", "Year", "Errors", "Warns", "Blank"],
    }
}

pub fn unreadable(lang: Lang) -> &'static str {
    lang.pick("  无法读取", "  unreadable")
}

pub fn year_refused(lang: Lang, year: i32, first: i32, last: i32) -> String {
    match lang {
        Lang::Zh if year < first => format!(
            "不能新建 {year} 年的报告：现行格式自 {first} 年起适用（请填 {first}–{last} 之间的年度）"
        ),
        Lang::Zh => format!("不能新建 {year} 年的报告：最晚只能为明年（{last} 年）新建"),
        Lang::En if year < first => format!(
            "cannot create a {year} report: the formats apply from {first} (use a year from {first} to {last})"
        ),
        Lang::En => format!("cannot create a {year} report: the latest year is next year ({last})"),
    }
}

pub fn agency_missing(lang: Lang) -> &'static str {
    lang.pick("请填写报告单位名称（--agency）", "give the agency's name (--agency)")
}

pub fn created(lang: Lang, path: &std::path::Path, template: &str) -> String {
    match lang {
        Lang::Zh => format!("已新建 {}（格式 {template}）", path.display()),
        Lang::En => format!("created {} (format {template})", path.display()),
    }
}

pub fn write_refused(lang: Lang, e: &crate::cli::NewError) -> String {
    match e {
        crate::cli::NewError::Exists => lang
            .pick("文件已存在，未覆盖（请用 -o 指定其他文件）", "the file exists and was not overwritten (choose another with -o)")
            .into(),
        crate::cli::NewError::Io(e) => io_error(lang, e),
    }
}

pub fn list_heading(lang: Lang, dir: &std::path::Path, count: usize) -> String {
    match lang {
        Lang::Zh => format!("{}：{count} 份草稿", dir.display()),
        Lang::En => format!("{}: {count} drafts", dir.display()),
    }
}
