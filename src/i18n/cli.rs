//! Help and messages of the command line.

use super::Lang;

/// Help for each command and argument: (command, argument id, Chinese, English). The command
/// "" is the program itself.
const CLI_HELP: &[(&str, &str, &str, &str)] = &[
    (
        "",
        "",
        "编制、检查和导出政府信息公开工作年度报告",
        "Compile, check and export the annual report on government information disclosure",
    ),
    (
        "",
        "lang",
        "界面语言（zh 中文，en 英文）",
        "interface language (zh Chinese, en English)",
    ),
    (
        "",
        "ascii",
        "用 ASCII 字符画边框（终端把制表符显示为双宽时使用）",
        "draw borders in ASCII (for terminals that show box characters double-width)",
    ),
    (
        "edit",
        "",
        "在全屏编辑器中打开草稿（文件不存在时先询问单位和年度再新建）；不带命令运行 gongkai 则显示草稿列表",
        "open a draft in the full-screen editor (asks agency and year first when the file does not exist); plain `gongkai` shows the drafts",
    ),
    (
        "edit",
        "file",
        "草稿文件（assets/samples/ 中的示例会先复制到数据文件夹，示例本身不变）",
        "the draft file (a sample in assets/samples/ is copied to the data folder first and stays clean)",
    ),
    (
        "check",
        "",
        "检查报告草稿：勾稽关系、空白、正文与表格是否一致等",
        "check drafts: balances, blanks, prose against tables and more",
    ),
    (
        "check",
        "paths",
        "草稿文件或文件夹（文件夹即其中所有 .toml 草稿）",
        "draft files or folders (a folder means every .toml draft in it)",
    ),
    (
        "check",
        "previous",
        "上年度的报告草稿，用于跨年度检查",
        "last year's draft, for the cross-year checks",
    ),
    (
        "check",
        "json",
        "以 JSON 输出检查结果",
        "print the findings as JSON",
    ),
    (
        "check",
        "sort",
        "多份草稿时汇总表的排序：errors 按错误数，agency 按单位",
        "order of the summary table: errors (most first) or agency",
    ),
    (
        "new",
        "",
        "新建报告草稿（格式由年度决定）",
        "write a new draft (the format follows from the year)",
    ),
    (
        "new",
        "agency",
        "报告单位名称",
        "name of the reporting agency",
    ),
    (
        "new",
        "year",
        "报告年度（用 --from 时为上年加一）",
        "report year (with --from: last year + 1)",
    ),
    (
        "new",
        "kind",
        "单位类型：department 政府部门（1月31日前公开），government 人民政府（3月31日前公开）",
        "department (publishes by 31 January) or government (by 31 March)",
    ),
    (
        "new",
        "from",
        "上年度的报告草稿：从中带入结转数等，新建本年度草稿",
        "last year's draft: start this year's from it, carrying its figures over",
    ),
    (
        "new",
        "output",
        "写入的文件（默认在数据文件夹中）",
        "file to write (default: in the data folder)",
    ),
    (
        "merge",
        "",
        "把各单位的草稿逐格相加，汇总成一份草稿（本级政府或部门的汇总报告）",
        "sum units' drafts cell by cell into a summary draft",
    ),
    (
        "merge",
        "paths",
        "各单位的草稿文件或文件夹（文件夹即其中所有 .toml 草稿）",
        "the units' draft files or folders (a folder means every .toml draft in it)",
    ),
    (
        "merge",
        "agency",
        "汇总报告的单位名称",
        "name of the agency of the summary",
    ),
    (
        "merge",
        "kind",
        "汇总报告的单位类型：government 人民政府（默认），department 政府部门",
        "kind of the summary: government (default) or department",
    ),
    (
        "merge",
        "output",
        "写入的文件（默认在数据文件夹中）",
        "file to write (default: in the data folder)",
    ),
    (
        "merge",
        "expect",
        "应报单位名单（每行一个，# 开头为注释）：列出缺报的单位",
        "list of the units expected (one per line, # starts a comment): names those missing",
    ),
    (
        "merge",
        "allow_errors",
        "有错误的草稿也计入汇总",
        "sum drafts with errors too",
    ),
    (
        "export",
        "",
        "导出正式格式的年度报告（Word、HTML、纯文本、Markdown、JSON）",
        "export the report in the official layout (Word, HTML, plain text, Markdown, JSON)",
    ),
    ("export", "file", "报告草稿文件", "the draft file"),
    (
        "export",
        "to",
        "导出格式：docx、html、txt、md、json（可多次指定）",
        "format: docx, html, txt, md or json (may be given several times)",
    ),
    (
        "export",
        "output",
        "写入的文件或文件夹（默认：草稿旁的“<单位><年度>年政府信息公开工作年度报告.<格式>”）",
        "file or folder to write (default: “<agency><year>年政府信息公开工作年度报告.<ext>” next to the draft)",
    ),
    (
        "export",
        "draft",
        "导出草稿：不检查是否完成，每页标注“草稿”",
        "export a draft: written whatever remains to fix, marked 草稿 on every page",
    ),
    (
        "list",
        "",
        "列出数据文件夹中的报告草稿",
        "list the drafts in the data folder",
    ),
    (
        "import",
        "",
        "读取已公开的年度报告（门户网站页面 .html、Word 文件 .docx、文本 .txt），生成草稿",
        "read published reports (portal page .html, Word .docx, text .txt) into drafts",
    ),
    (
        "import",
        "files",
        "已公开的报告文件（按内容识别格式；超过 100 MB 的不读）",
        "published report files (the format is told by content; files over 100 MB are refused)",
    ),
    (
        "import",
        "output",
        "草稿写到此文件（只能导入一个文件时用；已存在则不覆盖）",
        "write the draft to this file (one input only; an existing file is never overwritten)",
    ),
    (
        "import",
        "dir",
        "草稿写到此文件夹，按单位和年度命名（默认为数据文件夹）",
        "write the drafts into this folder, named by agency and year (default: the data folder)",
    ),
    (
        "import",
        "json",
        "以 JSON 输出导入摘要",
        "print the import summaries as JSON",
    ),
];

fn cli_help(lang: Lang, command: &str, arg: &str) -> Option<&'static str> {
    CLI_HELP
        .iter()
        .chain(super::ledger::HELP)
        .find(|(c, a, _, _)| *c == command && *a == arg)
        .map(|(_, _, zh, en)| lang.pick(zh, en))
}

fn localize_one(mut cmd: clap::Command, lang: Lang, name: &str) -> clap::Command {
    use clap::{Arg, ArgAction};
    // Chinese headings take a full-width colon, as Chinese text does: 用法：命令：选项：
    let (usage, commands, arguments, options, help, version) = match lang {
        Lang::Zh => (
            "用法：",
            "命令：",
            "参数：",
            "选项：",
            "显示帮助",
            "显示版本",
        ),
        Lang::En => (
            "Usage: ",
            "Commands:",
            "Arguments:",
            "Options:",
            "Print help",
            "Print version",
        ),
    };
    if let Some(about) = cli_help(lang, name, "") {
        cmd = cmd.about(about);
    }
    // clap's own flags are replaced so their help is in the user's language too.
    cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(help),
    );
    if name.is_empty() {
        // Once per run: clap keeps the text for the program's life.
        let text: &'static str = Box::leak(version_text(lang).into_boxed_str());
        cmd = cmd.version(text).disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(version),
        );
    }
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    let has_positionals = ids.iter().any(|(_, positional)| *positional);
    for (id, _) in ids {
        let text = cli_help(lang, name, &id).or_else(|| cli_help(lang, "", &id));
        cmd = cmd.mut_arg(id.as_str(), |a| {
            let takes_values = a.get_action().takes_values();
            // A default is said in the description, in the user's language (clap's would
            // add “[default: …]”).
            let a = a
                .hide_possible_values(takes_values)
                .hide_default_value(takes_values);
            match text {
                Some(text) => a.help(text),
                None => a,
            }
        });
    }
    // clap writes its headings with a half-width colon: the template writes them instead.
    let mut template = format!("{{about-with-newline}}\n{usage}{{usage}}");
    if cmd.has_subcommands() {
        template.push_str(&format!("\n\n{commands}\n{{subcommands}}"));
    }
    if has_positionals {
        template.push_str(&format!("\n\n{arguments}\n{{positionals}}"));
    }
    template.push_str(&format!("\n\n{options}\n{{options}}{{after-help}}"));
    cmd.help_template(template)
}

/// The clap command with its help in the given language.
pub fn localize_cli(cmd: clap::Command, lang: Lang) -> clap::Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let mut cmd = localize_one(cmd, lang, "");
    for name in names {
        cmd = cmd.mut_subcommand(name.as_str(), |s| localize_one(s, lang, &name));
    }
    cmd
}

/// What `gongkai --version` prints after the name: the version, and the commit and date it
/// was built from (“unknown” when it was built outside a git checkout).
pub fn version_text(lang: Lang) -> String {
    use crate::build_info::{VERSION, commit, date};
    let unknown = lang.pick("未知", "unknown");
    let commit = commit().unwrap_or(unknown);
    let date = date().unwrap_or(unknown);
    match lang {
        Lang::Zh => format!("{VERSION}（提交 {commit}，日期 {date}）"),
        Lang::En => format!("{VERSION} (commit {commit}, date {date})"),
    }
}

/// An operating-system error in a sentence of the user's language, by its kind, with the
/// system's own (English) words in brackets after it:
/// 「找不到文件或文件夹（No such file or directory, os error 2）」.
pub fn io_error(lang: Lang, e: &std::io::Error) -> String {
    io_words(lang, e.kind(), e.raw_os_error(), &e.to_string())
}

/// [`io_error`] from an error kept for later wording.
pub fn io_fault(lang: Lang, e: &crate::report::IoFault) -> String {
    io_words(lang, e.kind, e.raw, &e.detail)
}

/// [`io_error`] from what is kept of an error: its kind, its OS code and its English text.
pub fn io_words(lang: Lang, kind: std::io::ErrorKind, raw: Option<i32>, detail: &str) -> String {
    let what = io_kind_sentence(lang, kind, raw);
    // “No such file or directory (os error 2)” reads better in brackets as
    // “No such file or directory, os error 2”.
    let detail = match detail.rsplit_once(" (os error ") {
        Some((text, code)) if code.ends_with(')') => {
            format!("{text}, os error {}", &code[..code.len() - 1])
        }
        _ => detail.to_string(),
    };
    let detail = detail.trim();
    if detail.is_empty() || detail == what {
        return what.to_string();
    }
    match lang {
        Lang::Zh => format!("{what}（{detail}）"),
        Lang::En => format!("{what} ({detail})"),
    }
}

/// The sentence for a kind of operating-system error.
fn io_kind_sentence(lang: Lang, kind: std::io::ErrorKind, raw: Option<i32>) -> &'static str {
    use std::io::ErrorKind::*;
    // ENOSPC and EROFS (Linux's numbers), for an error made from a raw code without its kind;
    // elsewhere these numbers mean other things.
    let kind = match raw {
        Some(28) if cfg!(target_os = "linux") => StorageFull,
        Some(30) if cfg!(target_os = "linux") => ReadOnlyFilesystem,
        _ => kind,
    };
    match kind {
        NotFound => lang.pick("找不到文件或文件夹", "file or folder not found"),
        PermissionDenied => lang.pick("没有权限", "permission denied"),
        AlreadyExists => lang.pick("文件已存在", "the file already exists"),
        IsADirectory => lang.pick("这是一个文件夹，不是文件", "it is a folder, not a file"),
        NotADirectory => lang.pick(
            "路径中有一段不是文件夹",
            "a part of the path is not a folder",
        ),
        DirectoryNotEmpty => lang.pick("文件夹不是空的", "the folder is not empty"),
        StorageFull => lang.pick("磁盘已满", "the disk is full"),
        QuotaExceeded => lang.pick("磁盘配额已用完", "the disk quota is used up"),
        ReadOnlyFilesystem => lang.pick("文件系统只读，不能写入", "the file system is read-only"),
        FileTooLarge => lang.pick("文件过大", "the file is too large"),
        InvalidInput => lang.pick("不是普通文件", "not a regular file"),
        InvalidData => lang.pick("文件内容无效，不是预期的格式", "the contents are not valid"),
        InvalidFilename => lang.pick("文件名无效或过长", "the file name is not valid or too long"),
        UnexpectedEof => lang.pick("文件意外结束，可能不完整", "the file ends unexpectedly"),
        TimedOut => lang.pick("操作超时", "the operation timed out"),
        Interrupted => lang.pick("操作被中断", "the operation was interrupted"),
        WouldBlock | ResourceBusy | ExecutableFileBusy => {
            lang.pick("文件正被占用", "the file is busy")
        }
        BrokenPipe => lang.pick("输出已关闭", "the output was closed"),
        CrossesDevices => lang.pick("不能跨磁盘移动文件", "a file cannot be moved across disks"),
        TooManyLinks => lang.pick("链接过多", "too many links"),
        OutOfMemory => lang.pick("内存不足", "out of memory"),
        Unsupported => lang.pick("此系统不支持该操作", "not supported on this system"),
        ConnectionRefused
        | ConnectionReset
        | ConnectionAborted
        | NotConnected
        | NetworkDown
        | NetworkUnreachable
        | HostUnreachable
        | AddrInUse
        | AddrNotAvailable
        | StaleNetworkFileHandle => {
            lang.pick("网络或网络磁盘出错", "a network or network drive error")
        }
        _ => lang.pick("系统错误", "system error"),
    }
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
    // Blank fee figures (gip-2021) are blanks as the tables' cells are, and counted with them.
    let blank = p.cells - p.filled;
    match lang {
        Lang::Zh => format!(
            "合计：{} 个错误，{} 个警告，{} 个提示，{} 个空白格（已填 {}/{}）{}",
            s.errors,
            s.warnings,
            s.hints,
            blank,
            p.filled,
            p.cells,
            if s.acknowledged > 0 {
                format!("，{} 个警告已确认", s.acknowledged)
            } else {
                String::new()
            }
        ),
        Lang::En => format!(
            "total: {}, {}, {}, {} (filled {}/{}){}",
            count_en(s.errors, "error"),
            count_en(s.warnings, "warning"),
            count_en(s.hints, "hint"),
            count_en(blank, "blank cell"),
            p.filled,
            p.cells,
            if s.acknowledged > 0 {
                format!(", {} acknowledged", count_en(s.acknowledged, "warning"))
            } else {
                String::new()
            }
        ),
    }
}

pub fn progress_short(lang: Lang, p: &crate::library::Progress) -> String {
    let percent = (p.filled * 100).checked_div(p.cells).unwrap_or(100);
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
    lang.pick(
        "请填写报告单位名称（--agency）",
        "give the agency's name (--agency)",
    )
}

pub fn created(lang: Lang, path: &std::path::Path, template: &str) -> String {
    match lang {
        Lang::Zh => format!("已新建 {}（格式 {template}）", path.display()),
        Lang::En => format!("created {} (format {template})", path.display()),
    }
}

/// A new file that was not written. `o_helps`: the file's name came from the agency and year,
/// so the command's `-o` can name another; otherwise (named with `-o`, or a file the command
/// makes beside another) the file that is there must be moved.
pub fn write_refused(lang: Lang, e: &crate::library::NewError, o_helps: bool) -> String {
    match e {
        crate::library::NewError::Exists if o_helps => lang
            .pick(
                "文件已存在，未覆盖（请用 -o 指定其他文件）",
                "the file exists and was not overwritten (choose another with -o)",
            )
            .into(),
        crate::library::NewError::Exists => lang
            .pick(
                "文件已存在，未覆盖（请把已有的文件改名或移走后再试）",
                "the file exists and was not overwritten (rename or move it, then try again)",
            )
            .into(),
        crate::library::NewError::Io(e) => io_error(lang, e),
    }
}

pub fn list_heading(lang: Lang, dir: &std::path::Path, count: usize) -> String {
    match lang {
        Lang::Zh => format!("{}：{count} 份草稿", dir.display()),
        Lang::En => format!("{}: {count} drafts", dir.display()),
    }
}

/// A command-line mistake, said in the user's language (clap's own text is English).
pub fn clap_error(lang: Lang, e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if lang == Lang::En {
        return e.render().to_string();
    }
    let context = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join("、"),
        _ => String::new(),
    };
    let usage = match e.get(ContextKind::Usage) {
        Some(ContextValue::StyledStr(s)) => {
            s.to_string().replace("Usage:", "用法：").trim().to_string()
        }
        _ => String::new(),
    };
    let what = match e.kind() {
        ErrorKind::MissingRequiredArgument => {
            format!("缺少必填的参数：{}", context(ContextKind::InvalidArg))
        }
        ErrorKind::UnknownArgument => format!("没有这个选项：{}", context(ContextKind::InvalidArg)),
        ErrorKind::InvalidSubcommand => {
            let given = context(ContextKind::InvalidSubcommand);
            // A file named where a command goes: the officer meant to open it.
            if given.ends_with(".toml") || std::path::Path::new(&given).is_file() {
                format!("没有这个命令：{given}。要打开这份草稿，请用：gongkai edit {given}")
            } else {
                format!("没有这个命令：{given}")
            }
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => format!(
            "{} 的值“{}”无效{}",
            context(ContextKind::InvalidArg),
            context(ContextKind::InvalidValue),
            match e.get(ContextKind::ValidValue) {
                Some(ContextValue::Strings(v)) => format!("，可用：{}", v.join("、")),
                _ => String::new(),
            }
        ),
        ErrorKind::MissingSubcommand => "请指定一个命令".to_string(),
        _ => return e.render().to_string(),
    };
    if usage.is_empty() {
        format!("错误：{what}\n用 --help 查看说明。")
    } else {
        format!("错误：{what}\n{usage}\n用 --help 查看说明。")
    }
}

pub fn from_year_mismatch(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Zh => format!("从上年报告新建的是 {year} 年的报告，--year 应为 {year} 或不填"),
        Lang::En => {
            format!("a draft started from last year's is for {year}: give --year {year} or none")
        }
    }
}

/// What `new --from` carried.
pub fn carried(
    lang: Lang,
    template: &crate::template::Template,
    draft: &crate::report::Draft,
) -> String {
    let row = &template.checks.carry.this_year;
    let label = template
        .cell_row(row)
        .map_or(row.clone(), |(_, r)| r.label.clone());
    let last_year = draft
        .previous
        .as_ref()
        .and_then(|p| p.year)
        .unwrap_or(draft.report.year - 1);
    match lang {
        Lang::Zh => format!(
            "已从 {last_year} 年报告结转：单位信息、{label}（上年的结转下年度）及上年数据；正文未复制"
        ),
        Lang::En => format!(
            "carried from the {last_year} report: agency details, {label} (last year's carried forward) and last year's figures; prose is not copied"
        ),
    }
}

pub fn not_carried(lang: Lang, item: &crate::report::carry::NotCarried) -> String {
    use crate::report::carry::NotCarried;
    match (item, lang) {
        (NotCarried::Blank { label }, Lang::Zh) => {
            format!("未结转：{label}（上年报告中这一项空白，请直接填写）")
        }
        (NotCarried::Unfit { label, sum }, Lang::Zh) => {
            format!(
                "未结转：{label}（上年报告中的数字相加得 {sum}，不能作为这一项，请核对后直接填写）"
            )
        }
        (NotCarried::Unfit { label, sum }, Lang::En) => {
            format!(
                "not carried: {label} (last year's figures add up to {sum}, which this cell cannot hold; check them and fill it in)"
            )
        }
        (NotCarried::Blank { label }, Lang::En) => {
            format!("not carried: {label} (blank in last year's report; fill it in)")
        }
        (
            NotCarried::Cell {
                label,
                from_template,
            },
            Lang::Zh,
        ) => {
            format!("未结转：{label}（上年报告 {from_template} 中没有对应的数字）")
        }
        (
            NotCarried::Cell {
                label,
                from_template,
            },
            Lang::En,
        ) => {
            format!(
                "not carried: {label} (last year's {from_template} report has no matching figure)"
            )
        }
        (
            NotCarried::InForce {
                label, blank: true, ..
            },
            Lang::Zh,
        ) => format!("未结转上年数据：{label}（上年报告中这一项空白）"),
        (
            NotCarried::InForce {
                label, blank: true, ..
            },
            Lang::En,
        ) => format!("last year's {label} not carried (blank in last year's report)"),
        (
            NotCarried::InForce {
                label,
                from_template,
                ..
            },
            Lang::Zh,
        ) => {
            format!("未结转上年数据：{label}（上年报告 {from_template} 中没有这一项）")
        }
        (
            NotCarried::InForce {
                label,
                from_template,
                ..
            },
            Lang::En,
        ) => {
            format!("last year's {label} not carried ({from_template} has no such figure)")
        }
        (NotCarried::Note(note), _) => note.clone(),
    }
}

pub fn merge_nothing_written(lang: Lang) -> &'static str {
    lang.pick(
        "未汇总，未写入任何文件。",
        "nothing merged, nothing written.",
    )
}

pub fn merge_no_drafts(lang: Lang) -> &'static str {
    lang.pick("没有可汇总的草稿", "no drafts to merge")
}

pub fn merge_refusal(
    lang: Lang,
    name: &str,
    r: &crate::report::merge::Refusal,
    year: i32,
    template: &str,
) -> String {
    use crate::report::merge::Refusal;
    match (r, lang) {
        (
            Refusal::OtherYear {
                year: y,
                template: t,
            },
            Lang::Zh,
        ) => format!("{name}：是 {y} 年（{t}）的报告，本次汇总的是 {year} 年（{template}）"),
        (
            Refusal::OtherYear {
                year: y,
                template: t,
            },
            Lang::En,
        ) => format!("{name}: a {y} ({t}) report; this merge is of {year} ({template})"),
        (Refusal::HasErrors { errors }, Lang::Zh) => {
            format!("{name}：有 {errors} 个错误，请先改正（或加 --allow-errors 仍然汇总）")
        }
        (Refusal::HasErrors { errors }, Lang::En) => {
            format!("{name}: {errors} errors; fix them first (or add --allow-errors)")
        }
        (Refusal::SameName, Lang::Zh) => format!("{name}：同一单位有不止一份草稿，会重复计算"),
        (Refusal::SameName, Lang::En) => {
            format!("{name}: more than one draft of this unit would be counted twice")
        }
        (Refusal::NoName, _) => lang
            .pick("草稿没有填写单位名称", "the draft names no agency")
            .to_string(),
    }
}

pub fn merged(
    lang: Lang,
    count: usize,
    year: i32,
    template: &str,
    path: &std::path::Path,
) -> String {
    match lang {
        Lang::Zh => format!(
            "已汇总 {count} 个单位的 {year} 年报告（{template}）→ {}",
            path.display()
        ),
        Lang::En => format!(
            "merged {count} units' {year} reports ({template}) → {}",
            path.display()
        ),
    }
}

pub fn merge_blanks_heading(lang: Lang) -> &'static str {
    lang.pick(
        "以下数字有单位空白，汇总结果中保留为空白（空白不等于 0）：",
        "these cells are blank in some units and stay blank in the summary (blank is not 0):",
    )
}

pub fn merge_overflow(lang: Lang, label: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{label}：合计超过报告能填的最大数 999,999,999,999，已保留为空白，请核对各单位的数字"
        ),
        Lang::En => format!(
            "{label}: the sum exceeds the largest figure a report holds (999,999,999,999) and is left blank; check the units' figures"
        ),
    }
}

pub fn merge_missing(lang: Lang, names: &[String]) -> String {
    match lang {
        Lang::Zh => format!("下级缺报（名单中有、但没有草稿）：{}", names.join("、")),
        Lang::En => format!("missing units (listed, no draft): {}", names.join(", ")),
    }
}

pub fn merge_unexpected(lang: Lang, names: &[String]) -> String {
    match lang {
        Lang::Zh => format!("名单外的单位（有草稿、但不在名单中）：{}", names.join("、")),
        Lang::En => format!("units not on the list: {}", names.join(", ")),
    }
}

pub fn merge_skipped_summary(lang: Lang, path: &std::path::Path, name: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "跳过 {}：这是汇总草稿（{name}），不是下级单位的报告",
            path.display()
        ),
        Lang::En => format!(
            "skipped {}: a summary draft ({name}), not a unit's report",
            path.display()
        ),
    }
}

/// `1 error`, `2 errors`.
pub fn count_en(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod io_wording_tests {
    use super::{Lang, io_error};
    use std::io::{Error, ErrorKind};

    /// Every kind an officer may meet, in Chinese and English: the sentence, then the
    /// system's own words in brackets.
    #[test]
    fn each_kind_has_a_sentence_in_both_languages() {
        let cases: &[(ErrorKind, &str, &str)] = &[
            (
                ErrorKind::NotFound,
                "找不到文件或文件夹",
                "file or folder not found",
            ),
            (ErrorKind::PermissionDenied, "没有权限", "permission denied"),
            (
                ErrorKind::AlreadyExists,
                "文件已存在",
                "the file already exists",
            ),
            (
                ErrorKind::IsADirectory,
                "这是一个文件夹，不是文件",
                "it is a folder, not a file",
            ),
            (
                ErrorKind::NotADirectory,
                "路径中有一段不是文件夹",
                "a part of the path is not a folder",
            ),
            (ErrorKind::StorageFull, "磁盘已满", "the disk is full"),
            (
                ErrorKind::ReadOnlyFilesystem,
                "文件系统只读，不能写入",
                "the file system is read-only",
            ),
            (
                ErrorKind::InvalidData,
                "文件内容无效，不是预期的格式",
                "the contents are not valid",
            ),
            (ErrorKind::TimedOut, "操作超时", "the operation timed out"),
            (
                ErrorKind::UnexpectedEof,
                "文件意外结束，可能不完整",
                "the file ends unexpectedly",
            ),
            (ErrorKind::Other, "系统错误", "system error"),
        ];
        for (kind, zh, en) in cases {
            let e = Error::new(*kind, "some detail");
            assert_eq!(
                io_error(Lang::Zh, &e),
                format!("{zh}（some detail）"),
                "{kind:?}"
            );
            assert_eq!(
                io_error(Lang::En, &e),
                format!("{en} (some detail)"),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn os_errors_are_worded_by_their_number_with_the_english_in_brackets() {
        let missing = Error::from_raw_os_error(2);
        assert_eq!(
            io_error(Lang::Zh, &missing),
            "找不到文件或文件夹（No such file or directory, os error 2）"
        );
        assert_eq!(
            io_error(Lang::En, &missing),
            "file or folder not found (No such file or directory, os error 2)"
        );
        // ENOSPC and EROFS.
        assert!(io_error(Lang::Zh, &Error::from_raw_os_error(28)).starts_with("磁盘已满（"));
        assert!(
            io_error(Lang::Zh, &Error::from_raw_os_error(30))
                .starts_with("文件系统只读，不能写入（")
        );
        assert!(io_error(Lang::Zh, &Error::from_raw_os_error(13)).starts_with("没有权限（"));
    }

    /// No English outside the brackets: the Chinese sentence never falls back to the
    /// system's words, whatever the kind.
    #[test]
    fn an_unknown_kind_is_a_system_error_not_english() {
        let e = Error::other("the lock file kept changing");
        let zh = io_error(Lang::Zh, &e);
        assert_eq!(zh, "系统错误（the lock file kept changing）");
        let e: Error = ErrorKind::IsADirectory.into();
        assert!(io_error(Lang::Zh, &e).starts_with("这是一个文件夹，不是文件"));
    }
}
