//! Words of the full-screen editor.

use super::Lang;
use crate::report::AgencyKind;
use crate::report::number::InputError;
use std::path::Path;

/// What each key does, by the id the key table gives it.
/// What a key does, as the footer and the help overlay say it: one sentence each, so that a
/// binding cannot name a description that does not exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyHelp {
    Help,
    CloseHelp,
    Save,
    Quit,
    NextField,
    PrevField,
    NextSection,
    PrevSection,
    NextBlank,
    FillZeros,
    EditCell,
    ConfirmCell,
    CancelCell,
    BlankCell,
    CycleUnit,
    ImportLedger,
    Newline,
    ExternalEditor,
    InsertOutline,
    Toggle,
    GoToFinding,
    Acknowledge,
    Unacknowledge,
    Export,
    Open,
    NewReport,
    OpenFile,
    CompletePath,
    OpenExisting,
    FromLastYear,
    LastText,
    HideLastText,
    LastTextDown,
    LastTextUp,
    Confirm,
    Cancel,
    Yes,
    No,
    Undo,
    Redo,
    Up,
    Down,
    Left,
    Right,
    Home,
    Move,
    HomeEnd,
    End,
    TextStart,
    TextEnd,
    UndoRedo,
    TextStartEnd,
    Backspace,
    Delete,
    Restore,
    KeepMine,
    SaveAndQuit,
    GiveUpChanges,
    TakeTheirs,
    SaveCopy,
    NotNow,
    Discard,
    ShowDifferences,
    Back,
    StartEsc,
    PageDown,
    PageUp,
    ViewReadOnly,
}

pub fn key_help(lang: Lang, id: KeyHelp) -> &'static str {
    let (zh, en) = match id {
        KeyHelp::Help => ("帮助", "help"),
        KeyHelp::CloseHelp => ("关闭帮助", "close help"),
        KeyHelp::Save => ("保存", "save"),
        KeyHelp::Quit => ("退出", "quit"),
        KeyHelp::NextField => ("下一项", "next field"),
        KeyHelp::PrevField => ("上一项", "previous field"),
        KeyHelp::NextSection => ("下一部分", "next section"),
        KeyHelp::PrevSection => ("上一部分", "previous section"),
        KeyHelp::NextBlank => ("下一个空白", "next blank"),
        KeyHelp::FillZeros => ("本表空白填0", "fill blanks with 0"),
        KeyHelp::EditCell => ("修改", "edit"),
        KeyHelp::ConfirmCell => ("确定", "confirm"),
        KeyHelp::CancelCell => ("取消修改", "cancel edit"),
        KeyHelp::BlankCell => ("清空本格", "blank the cell"),
        KeyHelp::CycleUnit => ("切换金额单位", "change the amount's unit"),
        KeyHelp::ImportLedger => ("从台账导入", "import the ledger"),
        KeyHelp::Newline => ("换行", "new line"),
        KeyHelp::ExternalEditor => ("用外部编辑器", "external editor"),
        KeyHelp::InsertOutline => ("插入提纲", "insert outline"),
        KeyHelp::Toggle => ("切换", "toggle"),
        KeyHelp::GoToFinding => ("转到", "go to"),
        KeyHelp::Acknowledge => ("确认警告并写理由", "acknowledge with a reason"),
        KeyHelp::Unacknowledge => ("撤销确认", "withdraw acknowledgement"),
        KeyHelp::Export => ("导出", "export"),
        KeyHelp::Open => ("打开", "open"),
        KeyHelp::NewReport => ("新建报告", "new report"),
        KeyHelp::OpenFile => ("打开文件", "open file"),
        KeyHelp::CompletePath => ("补全路径", "complete the path"),
        KeyHelp::OpenExisting => ("打开已有的同名草稿", "open the draft of that name"),
        KeyHelp::FromLastYear => ("从上年报告新建", "new from last year's"),
        KeyHelp::LastText => ("对照上年正文", "last year's text"),
        KeyHelp::HideLastText => ("关闭上年正文", "hide last year's text"),
        KeyHelp::LastTextDown => ("上年正文下翻", "scroll last year's down"),
        KeyHelp::LastTextUp => ("上年正文上翻", "scroll last year's up"),
        KeyHelp::Confirm => ("确定", "OK"),
        KeyHelp::Cancel => ("取消", "cancel"),
        KeyHelp::Yes => ("是", "yes"),
        KeyHelp::No => ("否", "no"),
        KeyHelp::Undo => ("撤销", "undo"),
        KeyHelp::Redo => ("重做", "redo"),
        KeyHelp::Up => ("上移", "up"),
        KeyHelp::Down => ("下移", "down"),
        KeyHelp::Left => ("左移", "left"),
        KeyHelp::Right => ("右移", "right"),
        KeyHelp::Home => ("行首", "start"),
        KeyHelp::Move => ("移动", "move"),
        KeyHelp::HomeEnd => ("行首 / 行尾", "start / end"),
        KeyHelp::End => ("行尾", "end"),
        KeyHelp::TextStart => ("全文开头", "start of the text"),
        KeyHelp::TextEnd => ("全文末尾", "end of the text"),
        KeyHelp::UndoRedo => ("撤销 / 重做", "undo / redo"),
        KeyHelp::TextStartEnd => ("全文开头 / 全文末尾", "start / end of the whole text"),
        KeyHelp::Backspace => (
            "删除前一字（表格中：修改）",
            "delete back (in a table: edit)",
        ),
        KeyHelp::Delete => ("删除后一字", "delete forward"),
        KeyHelp::Restore => ("恢复", "restore"),
        KeyHelp::KeepMine => ("保留我的，覆盖保存", "keep mine, save over"),
        KeyHelp::SaveAndQuit => ("保存后退出", "save and quit"),
        KeyHelp::GiveUpChanges => ("放弃修改并退出", "give up the changes and quit"),
        KeyHelp::TakeTheirs => ("改用文件里的版本", "take the file's version"),
        KeyHelp::SaveCopy => ("另存一份", "save a copy"),
        KeyHelp::NotNow => ("暂不保存", "not now"),
        KeyHelp::Discard => ("丢弃", "discard"),
        KeyHelp::ShowDifferences => ("查看差异", "differences"),
        KeyHelp::Back => ("返回", "back"),
        KeyHelp::StartEsc => ("说明如何退出", "say how to quit"),
        KeyHelp::PageDown => ("下一页", "page down"),
        KeyHelp::PageUp => ("上一页", "page up"),
        KeyHelp::ViewReadOnly => ("只读查看", "view read-only"),
    };
    lang.pick(zh, en)
}

pub fn app_title(lang: Lang) -> &'static str {
    lang.pick(
        "公开 · 政府信息公开工作年度报告",
        "gongkai · annual disclosure report",
    )
}

pub fn page_meta(lang: Lang) -> &'static str {
    lang.pick("基本信息", "Basics")
}

pub fn page_review(lang: Lang) -> &'static str {
    lang.pick("检查", "Review")
}

pub fn page_export(lang: Lang) -> &'static str {
    lang.pick("导出", "Export")
}

/// The word for a page's state in the section list.
pub fn state_word(lang: Lang, state: crate::facts::PageState) -> String {
    use crate::facts::PageState::*;
    match (state, lang) {
        (Complete, Lang::Zh) => "完成".into(),
        (Complete, Lang::En) => "done".into(),
        (Errors(n), Lang::Zh) => format!("{n}个错误"),
        (Errors(n), Lang::En) => format!("{n} errors"),
        (Warnings(n), Lang::Zh) => format!("{n}个警告"),
        (Warnings(n), Lang::En) => format!("{n} warnings"),
        (Blanks(n), Lang::Zh) => format!("{n}处空白"),
        (Blanks(n), Lang::En) => format!("{n} blank"),
        (Ready, Lang::Zh) => "可以导出".into(),
        (Ready, Lang::En) => "ready".into(),
        (NotReady, Lang::Zh) => "尚未完成".into(),
        (NotReady, Lang::En) => "not ready".into(),
    }
}

pub fn saved_mark(lang: Lang, dirty: bool) -> &'static str {
    match dirty {
        true => lang.pick("● 未保存", "● unsaved"),
        false => lang.pick("已保存", "saved"),
    }
}

pub fn unsaved_ascii(lang: Lang) -> &'static str {
    lang.pick("* 未保存", "* unsaved")
}

pub fn progress(lang: Lang, filled: usize, cells: usize, done: usize, sections: usize) -> String {
    match lang {
        Lang::Zh => format!("已填 {filled}/{cells} 格 · 完成 {done}/{sections} 部分"),
        Lang::En => format!("{filled}/{cells} cells · {done}/{sections} sections done"),
    }
}

/// Progress in two short lines, for the foot of the section list.
pub fn progress_lines(
    lang: Lang,
    filled: usize,
    cells: usize,
    done: usize,
    sections: usize,
) -> [String; 2] {
    match lang {
        Lang::Zh => [
            format!(" 已填 {filled}/{cells}"),
            format!(" 完成 {done}/{sections} 部分"),
        ],
        Lang::En => [
            format!(" {filled}/{cells} cells"),
            format!(" {done}/{sections} sections"),
        ],
    }
}

pub fn year(lang: Lang, year: i32) -> String {
    super::year(lang, year)
}

pub fn blank_mark(lang: Lang) -> &'static str {
    lang.pick("空", "__")
}

pub fn too_small(lang: Lang, w: u16, h: u16) -> Vec<String> {
    match lang {
        Lang::Zh => vec![
            "窗口太小".into(),
            format!("现在 {w}×{h}，至少需要 80×24。"),
            "请把终端窗口拉大一些。".into(),
            "Ctrl-Q 退出".into(),
        ],
        Lang::En => vec![
            "The window is too small".into(),
            format!("It is {w}×{h}; at least 80×24 is needed."),
            "Please make the terminal larger.".into(),
            "Ctrl-Q quits".into(),
        ],
    }
}

pub fn help_title(lang: Lang) -> &'static str {
    lang.pick("按键（此处可用）", "Keys that work here")
}

/// Under the help: which gongkai this is and what it was built from, so a reviewer knows
/// which version checked a report.
pub fn about_line(lang: Lang) -> String {
    use crate::build_info::{VERSION, commit, date};
    let unknown = lang.pick("未知", "unknown");
    format!(
        "gongkai {VERSION} · {} · {}",
        commit().unwrap_or(unknown),
        date().unwrap_or(unknown)
    )
}

pub fn help_more(lang: Lang) -> &'static str {
    lang.pick(
        "表格中直接输入数字即开始填写；Del 清空；计算格（总计）自动得出，不能填写。",
        "In a table, type a digit to start; Del blanks a cell; computed cells (总计) fill themselves.",
    )
}

/// The help's note on table 三: [`help_more`], shortened, and what the sign of the balance
/// line's difference means.
pub fn help_more_balanced(lang: Lang) -> &'static str {
    lang.pick(
        "直接输入数字即开始填写；Del 清空；总计自动得出。勾稽行 ✗ 后为 一+二 减（七）+四 之差，负数即办理结果与结转多于收到的申请。",
        "Type a digit to start; Del blanks a cell; 总计 fills itself. After ✗ the balance line shows 一+二 minus （七）+四: below zero, results and carry-over exceed the applications.",
    )
}

/// The help's note while viewing read-only: nothing is typed, and what still works.
pub fn help_more_read_only(lang: Lang) -> &'static str {
    lang.pick(
        "只读查看：不能修改或保存；检查与导出仍可用。",
        "Viewing read-only: nothing can be changed or saved; 检查 and 导出 still work.",
    )
}

/// [`help_more_read_only`] on table 三, with what the balance line's difference means.
pub fn help_more_read_only_balanced(lang: Lang) -> &'static str {
    lang.pick(
        "只读查看：不能修改或保存。勾稽行 ✗ 后为 一+二 减（七）+四 之差，负数即办理结果与结转多于收到的申请。",
        "Viewing read-only: nothing can be changed or saved. After ✗ the balance line shows 一+二 minus （七）+四: below zero, results and carry-over exceed the applications.",
    )
}

// ---------------------------------------------------------------- start screen

pub fn start_heading(lang: Lang, dir: &Path) -> String {
    match lang {
        Lang::Zh => format!("报告草稿（{}）", dir.display()),
        Lang::En => format!("Drafts ({})", dir.display()),
    }
}

pub fn start_new(lang: Lang) -> &'static str {
    lang.pick("＋ 新建报告", "+ New report")
}

pub fn start_from_last(lang: Lang) -> &'static str {
    lang.pick("  从上年报告新建…", "  New from last year's report…")
}

pub fn start_open(lang: Lang) -> &'static str {
    lang.pick("  打开文件…", "  Open a file…")
}

pub fn start_empty(lang: Lang) -> &'static str {
    lang.pick(
        "数据文件夹中还没有草稿。选“新建报告”开始。",
        "No drafts in the data folder yet. Choose “New report” to begin.",
    )
}

pub fn start_entry(lang: Lang, filled: usize, cells: usize, errors: usize) -> String {
    let percent = (filled * 100).checked_div(cells).unwrap_or(100);
    match lang {
        Lang::Zh => format!("已填 {percent:>3}%  错误 {errors}"),
        Lang::En => format!("filled {percent:>3}%  errors {errors}"),
    }
}

// ---------------------------------------------------------------- form

pub fn form_label(lang: Lang, key: &str) -> &'static str {
    let (zh, en) = match key {
        "agency" => ("报告单位", "Agency"),
        "year" => ("报告年度", "Year"),
        "kind" => ("单位类型", "Kind"),
        "contact_office" => ("联系机构", "Contact office"),
        "address" => ("地址", "Address"),
        "postcode" => ("邮编", "Postcode"),
        "phone" => ("电话", "Phone"),
        "email" => ("电子邮箱", "Email"),
        "website" => ("网站", "Website"),
        _ => ("", ""),
    };
    lang.pick(zh, en)
}

pub fn kind_name(lang: Lang, kind: AgencyKind) -> &'static str {
    match kind {
        AgencyKind::Department => lang.pick("政府部门（1月31日前公开）", "department (by 31 Jan)"),
        AgencyKind::Government => lang.pick(
            "人民政府（3月31日前公开）",
            "people's government (by 31 Mar)",
        ),
    }
}

pub fn kind_hint(lang: Lang) -> &'static str {
    lang.pick("空格或 ←→ 切换", "Space or ←→ to change")
}

pub fn fees_heading(lang: Lang) -> &'static str {
    lang.pick(
        "信息处理费（写入“六、其他需要报告的事项”）",
        "Information processing fees (in 六)",
    )
}

pub fn template_line(lang: Lang, id: &str, name: &str) -> String {
    match lang {
        Lang::Zh => format!("格式：{id}《{name}》（由年度决定）"),
        Lang::En => format!("Format: {id} 《{name}》 (follows the year)"),
    }
}

pub fn year_help(lang: Lang) -> &'static str {
    lang.pick(
        "改年度后按 Enter 或 Tab 生效；2020 与 2021 之间格式不同，会先询问。",
        "A new year takes effect on Enter or Tab; 2020 and 2021 use different formats: you are asked first.",
    )
}

// ---------------------------------------------------------------- tables and prose

pub fn balance_left(lang: Lang) -> &'static str {
    lang.pick("勾稽 一+二", "一+二")
}

pub fn balance_right(lang: Lang) -> &'static str {
    lang.pick("　（七）+四", "（七）+四")
}

pub fn balance_check(lang: Lang) -> &'static str {
    lang.pick("　是否相等", "balance")
}

pub fn balance_short(lang: Lang) -> &'static str {
    lang.pick("勾稽 一+二=（七）+四", "一+二 = （七）+四")
}

pub fn balance_unknown(lang: Lang) -> &'static str {
    lang.pick("待填", "…")
}

pub fn unit_label(lang: Lang, unit: Option<&str>) -> String {
    match (unit, lang) {
        (Some(u), Lang::Zh) => format!("金额单位：{u}（按 u 切换）"),
        (Some(u), Lang::En) => format!("unit: {u} (u changes it)"),
        (None, Lang::Zh) => "金额单位：未注明（按 u 选择 元/万元）".into(),
        (None, Lang::En) => "unit: not given (u picks 元/万元)".into(),
    }
}

/// Last year's figure for the focused cell: 「上年：1037」, and what should carry into it.
pub fn last_value(lang: Lang, v: &crate::check::LastValue) -> String {
    let mut parts = Vec::new();
    if let Some(n) = v.same {
        parts.push(match lang {
            Lang::Zh => format!("上年：{n}"),
            Lang::En => format!("last year: {n}"),
        });
    }
    if let Some(c) = &v.carried {
        let value = c.value;
        parts.push(match lang {
            Lang::Zh => format!("应等于上年“{}”：{value}", c.from.join("＋")),
            Lang::En => format!("should equal last year's {}: {value}", c.from.join(" + ")),
        });
    }
    parts.join(" · ")
}

pub fn computed_note(lang: Lang) -> &'static str {
    lang.pick("自动计算，不需填写", "computed, not typed")
}

pub fn blanks_line(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => {
            format!("- 还有 {n} 处空白：Ctrl-F 下一个；没有的填 0，Ctrl-O 全部填 0")
        }
        Lang::En => {
            format!("- {n} blank cells here (Ctrl-F goes to the next; Ctrl-O fills them with 0)")
        }
    }
}

/// Why last year's text cannot be shown.
pub fn no_last_text(lang: Lang, file: Option<&str>) -> String {
    match (file, lang) {
        (Some(f), Lang::Zh) => format!("无法读取上年报告 {f}（[previous].file），不能对照上年正文"),
        (Some(f), Lang::En) => {
            format!("last year's report {f} ([previous].file) cannot be read: no text to compare")
        }
        (None, Lang::Zh) => {
            "本报告没有指明上年报告（[previous].file）；“从上年报告新建”的报告才有".into()
        }
        (None, Lang::En) => {
            "this draft names no report of last year ([previous].file); drafts made from last year's do".into()
        }
    }
}

/// The title over last year's text: its year and heading, read-only.
pub fn last_text_title(lang: Lang, year: i32, heading: &str) -> String {
    match lang {
        Lang::Zh => format!("上年（{year}年）{heading} · 只读"),
        Lang::En => format!("{year}: {heading} · read-only"),
    }
}

/// Which lines of a text are on screen: 「1–10/48 行」.
pub fn lines_shown(lang: Lang, from: usize, to: usize, total: usize) -> String {
    match lang {
        Lang::Zh => format!(" {from}–{to}/{total} 行 "),
        Lang::En => format!(" lines {from}–{to} of {total} "),
    }
}

pub fn last_text_title_short(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Zh => format!("上年（{year}年）· 只读"),
        Lang::En => format!("{year} · read-only"),
    }
}

pub fn last_text_empty(lang: Lang) -> &'static str {
    lang.pick("（上年此部分为空）", "(empty last year)")
}

pub fn prose_empty(lang: Lang) -> &'static str {
    lang.pick(
        "（尚未填写。直接输入；Ctrl-E 用外部编辑器）",
        "(empty: type here; Ctrl-E opens an external editor)",
    )
}

pub fn outline_offer(lang: Lang) -> &'static str {
    lang.pick("按 Ctrl-T 插入以下提纲：", "Ctrl-T inserts this outline:")
}

/// The outline offered for an empty section, as text.
pub fn outline_text(outline: &[String]) -> String {
    const NUMBERS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    outline
        .iter()
        .enumerate()
        .map(|(i, t)| match t.starts_with('（') {
            // The format's own numbering, as the template gives it.
            true => format!("{t}\n"),
            false => format!("（{}）{t}\n", NUMBERS.get(i).unwrap_or(&"")),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn no_outline(lang: Lang) -> &'static str {
    lang.pick("本部分没有提纲", "this section has no outline")
}

pub fn outline_only_when_empty(lang: Lang) -> &'static str {
    lang.pick(
        "提纲只在本部分为空时插入",
        "the outline is inserted only into an empty section",
    )
}

pub fn no_findings(lang: Lang) -> &'static str {
    lang.pick("本部分没有发现问题 ✓", "nothing found here ✓")
}

pub fn no_findings_ascii(lang: Lang) -> &'static str {
    lang.pick("本部分没有发现问题", "nothing found here")
}

pub fn chars_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("{n} 字"),
        Lang::En => format!("{n} characters"),
    }
}

// ---------------------------------------------------------------- review and export

pub fn review_heading(
    lang: Lang,
    errors: usize,
    warnings: usize,
    blank: usize,
    acked: usize,
) -> String {
    match lang {
        Lang::Zh => {
            format!("错误 {errors} · 待处理警告 {warnings} · 空白 {blank} · 已确认 {acked}")
        }
        Lang::En => format!(
            "errors {errors} · open warnings {warnings} · blank {blank} · acknowledged {acked}"
        ),
    }
}

pub fn review_empty(lang: Lang) -> &'static str {
    lang.pick("没有发现任何问题。", "Nothing found.")
}

pub fn review_blanks(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("{n} 处空白（没有的请填 0）"),
        Lang::En => format!("{n} blank cells (enter 0 where there were none)"),
    }
}

pub fn review_hint(lang: Lang) -> &'static str {
    lang.pick(
        "Enter 转到 · a 确认警告（须写理由）· x 撤销确认 · 错误只能改正，不能确认",
        "Enter goes there · a acknowledges a warning (with a reason) · x withdraws · errors must be fixed",
    )
}

pub fn acknowledged_mark(lang: Lang) -> &'static str {
    lang.pick("已确认", "acknowledged")
}

pub fn export_ready(lang: Lang) -> &'static str {
    lang.pick(
        "✓ 报告已完成：没有错误，警告均已处理，可以导出定稿。",
        "✓ Finished: no errors, every warning answered.",
    )
}

pub fn export_ready_ascii(lang: Lang) -> &'static str {
    lang.pick(
        "报告已完成：没有错误，警告均已处理，可以导出定稿。",
        "Finished: no errors, every warning answered.",
    )
}

pub fn export_not_ready(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("尚不能导出定稿，还有 {n} 项需处理："),
        Lang::En => format!("Not finished: {n} things block a final export:"),
    }
}

/// The last line of a blocker list that does not all fit.
pub fn export_more(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("还有 {n} 项…（全部见“检查”页）"),
        Lang::En => format!("{n} more… (all of them on 检查)"),
    }
}

pub fn export_fields(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Zh => ["格式", "草稿", "文件", ""],
        Lang::En => ["Format", "Draft", "File", ""],
    }
}

pub fn export_hint(lang: Lang) -> &'static str {
    lang.pick(
        "↑↓ 选择 · ←→ 换格式 · 空格 切换草稿 · 在“文件”行可改路径 · Enter 导出。未完成时可先导出草稿：每页标注“草稿”。",
        "↑↓ choose · ←→ format · Space draft mark · edit the path on the File line · Enter exports. An unfinished report can be exported as a draft, marked 草稿 on every page.",
    )
}

pub fn export_button(lang: Lang) -> &'static str {
    lang.pick("[ 导出 ]", "[ Export ]")
}

pub fn export_no_formats(lang: Lang) -> &'static str {
    lang.pick(
        "（导出模块尚未并入，暂无可用格式）",
        "(the export module is not merged yet: no formats)",
    )
}

pub fn draft_mark_value(lang: Lang, on: bool) -> &'static str {
    match on {
        // A box's words stay the same whichever way it is ticked; what unticked means follows.
        true => lang.pick("[x] 每页标注“草稿”", "[x] mark every page 草稿"),
        false => lang.pick(
            "[ ] 每页标注“草稿”（不勾选即导出定稿）",
            "[ ] mark every page 草稿 (unticked: the final text)",
        ),
    }
}

pub fn export_unavailable(lang: Lang) -> &'static str {
    lang.pick("导出功能尚未就绪", "export is not available yet")
}

pub fn export_blocked(lang: Lang) -> &'static str {
    lang.pick(
        "还有错误或未处理的警告，不能导出定稿；请先处理，或勾选“草稿”",
        "errors or open warnings remain: fix them, or export a draft",
    )
}

pub fn exported(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Zh => format!("已导出 {}", path.display()),
        Lang::En => format!("exported {}", path.display()),
    }
}

pub fn export_failed(lang: Lang, e: &crate::facts::ExportFailed) -> String {
    use crate::facts::ExportFailed;
    let why = match e {
        ExportFailed::UnknownFormat(f) => match lang {
            Lang::Zh => format!("不认识的格式“{f}”"),
            Lang::En => format!("unknown format “{f}”"),
        },
        ExportFailed::Render { format, error } => crate::i18n::render_failed(lang, format, error),
        ExportFailed::OutputIsADraft(path) => crate::i18n::output_is_a_draft(lang, path),
        ExportFailed::Write { path, error } => written_nothing(lang, path, error),
    };
    match lang {
        Lang::Zh => format!("导出失败：{why}"),
        Lang::En => format!("export failed: {why}"),
    }
}

// ---------------------------------------------------------------- dialogs

pub fn quit_question(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Zh => [
            "有未保存的修改。",
            "y 保存后退出 · n 不保存退出 · Esc 返回",
            "不保存退出时，修改留在恢复文件中，下次打开可恢复。",
        ],
        Lang::En => [
            "There are unsaved changes.",
            "y save and quit · n quit without saving · Esc back",
            "Quit without saving keeps them in the recovery file for next time.",
        ],
    }
}

/// Quitting unsaved while the recovery file cannot be written: no promise of recovery.
pub fn quit_unkept_question(lang: Lang, why: &str) -> Vec<String> {
    match lang {
        Lang::Zh => vec![
            "有未保存的修改，而恢复文件写不进去：".into(),
            why.to_string(),
            "不保存就退出，这些修改将无法找回。".into(),
            "y 保存后退出 · D（大写）放弃修改并退出 · Esc 返回".into(),
        ],
        Lang::En => vec![
            "There are unsaved changes, and the recovery file cannot be written:".into(),
            why.to_string(),
            "Quitting without saving loses them for good.".into(),
            "y save and quit · D (capital) give them up and quit · Esc back".into(),
        ],
    }
}

pub fn year_question(lang: Lang, year: i32, template: &str, dropped: usize) -> Vec<String> {
    match lang {
        Lang::Zh => vec![
            format!("{year} 年的报告使用格式 {template}，与现在的格式不同。"),
            if dropped > 0 {
                format!("新格式中没有的 {dropped} 个数字将被舍弃（可撤销）。")
            } else {
                "已填的数字都会保留。".into()
            },
            "y 切换格式 · n/Esc 保持原年度".into(),
        ],
        Lang::En => vec![
            format!("A {year} report uses the format {template}, not the current one."),
            if dropped > 0 {
                format!("{dropped} figures the new format lacks will be dropped (undoable).")
            } else {
                "Every figure entered is kept.".into()
            },
            "y switch format · n/Esc keep the year".into(),
        ],
    }
}

pub fn reason_title(lang: Lang) -> &'static str {
    lang.pick(
        "确认警告：请写明理由（将保存在草稿中）",
        "Acknowledge: give the reason (saved in the draft)",
    )
}

pub fn reason_hint(lang: Lang) -> &'static str {
    lang.pick("Enter 确定 · Esc 取消", "Enter OK · Esc cancel")
}

pub fn new_title(lang: Lang) -> &'static str {
    lang.pick("新建报告", "New report")
}

pub fn new_labels(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Zh => ["报告单位", "报告年度", "单位类型"],
        Lang::En => ["Agency", "Year", "Kind"],
    }
}

pub fn new_hint(lang: Lang) -> &'static str {
    lang.pick(
        "Tab 换项 · Enter 创建 · Esc 取消 · Ctrl-L 从上年报告新建",
        "Tab next · Enter create · Esc cancel · Ctrl-L from last year's",
    )
}

/// 新建报告 found a draft of the name already: it is kept, and what can be done.
pub fn new_exists(lang: Lang, path: &Path) -> String {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    match lang {
        Lang::Zh => format!("已有同名草稿 {name}，未覆盖。"),
        Lang::En => format!("{name} exists already and was not overwritten."),
    }
}

/// The keys under a 新建报告 that found a draft of the name already.
pub fn new_exists_hint(lang: Lang) -> &'static str {
    lang.pick(
        "Ctrl-O 打开已有草稿 · 修改名称后按 Enter 新建 · Esc 取消",
        "Ctrl-O open it · change the name and press Enter · Esc cancel",
    )
}

pub fn new_file_note(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Zh => format!("将创建 {}", path.display()),
        Lang::En => format!("will create {}", path.display()),
    }
}

pub fn from_last_title(lang: Lang) -> &'static str {
    lang.pick("从上年报告新建", "New from last year's report")
}

pub fn from_last_intro(lang: Lang) -> &'static str {
    lang.pick(
        "选上年的报告，将新建下一年度的报告并结转上年数据：",
        "Pick last year's report; next year's is made from it:",
    )
}

pub fn from_last_other(lang: Lang) -> &'static str {
    lang.pick("其他文件", "Other file")
}

pub fn from_last_none(lang: Lang) -> &'static str {
    lang.pick(
        "（数据文件夹中没有可用的草稿：请在下面输入上年报告的路径）",
        "(no readable drafts in the data folder: type the path of last year's report below)",
    )
}

/// What the selected choice will make: the year, format and file.
pub fn from_last_will_make(lang: Lang, year: i32, template: &str, path: &Path) -> String {
    match lang {
        Lang::Zh => format!("将新建 {year} 年报告（{template}）：{}", path.display()),
        Lang::En => format!("makes the {year} report ({template}): {}", path.display()),
    }
}

pub fn from_last_will_read(lang: Lang) -> &'static str {
    lang.pick(
        "将读取该文件，新建其下一年度的报告",
        "reads that file and makes the next year's report",
    )
}

pub fn from_last_hint(lang: Lang) -> &'static str {
    lang.pick(
        "↑↓ 选择 · Enter 新建 · Esc 取消",
        "↑↓ choose · Enter create · Esc cancel",
    )
}

pub fn from_last_path_needed(lang: Lang) -> &'static str {
    lang.pick(
        "请输入上年报告的路径，或在列表中选一份",
        "type the path of last year's report, or pick one from the list",
    )
}

pub fn target_exists(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Zh => format!(
            "{} 已存在，未覆盖：今年的报告可能已经建好，请在列表中打开它",
            path.display()
        ),
        Lang::En => format!(
            "{} exists and was not overwritten: this year's report may already be there; open it from the list",
            path.display()
        ),
    }
}

pub fn carried_title(lang: Lang) -> &'static str {
    lang.pick("已从上年报告新建", "Made from last year's report")
}

pub fn carried_hint(lang: Lang) -> &'static str {
    lang.pick(
        "表格中选中一格，下方显示上年的数字；在一、五、六中按 Ctrl-L 对照上年正文。",
        "In a table, last year's figure shows under the focused cell; in 一, 五, 六 Ctrl-L shows last year's text.",
    )
}

pub fn notice_hint(lang: Lang) -> &'static str {
    lang.pick("Enter 或 Esc 关闭", "Enter or Esc closes")
}

pub fn open_title(lang: Lang) -> &'static str {
    lang.pick(
        "打开文件：草稿或已公开报告的路径",
        "Open a file: a draft's or a published report's path",
    )
}

pub fn open_hint(lang: Lang) -> &'static str {
    lang.pick(
        "Tab 补全路径 · ↑↓ 选择 · Enter 打开 · Esc 取消",
        "Tab complete · ↑↓ pick · Enter open · Esc cancel",
    )
}

/// Over the list of a folder's drafts and reports.
pub fn open_listing(lang: Lang, folder: &Path, count: usize) -> String {
    match (lang, count) {
        (Lang::Zh, 0) => format!("{} 中没有草稿或已公开的报告", folder.display()),
        (Lang::En, 0) => format!("no drafts or published reports in {}", folder.display()),
        (Lang::Zh, _) => format!("{} 中的草稿和已公开报告：", folder.display()),
        (Lang::En, _) => format!("drafts and published reports in {}:", folder.display()),
    }
}

/// Over Tab's matches.
pub fn open_matches(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Zh => format!("以此开头的有 {count} 个（再输入几个字后按 Tab，或用 ↑↓ 选择）："),
        Lang::En => format!("{count} names begin so (type more and press Tab, or pick with ↑↓):"),
    }
}

pub fn open_kind(lang: Lang, kind: crate::facts::OpenKind) -> &'static str {
    use crate::facts::OpenKind;
    match kind {
        OpenKind::Draft => lang.pick("草稿", "draft"),
        OpenKind::Published => lang.pick("已公开", "published"),
        OpenKind::Folder => lang.pick("文件夹", "folder"),
        OpenKind::Other => lang.pick("文件", "file"),
    }
}

/// Tab found nothing that begins with what was typed.
pub fn no_match(lang: Lang, typed: &str) -> String {
    match (lang, typed.is_empty()) {
        (Lang::Zh, true) => "此文件夹是空的".into(),
        (Lang::En, true) => "the folder is empty".into(),
        (Lang::Zh, false) => format!("没有以“{typed}”开头的文件或文件夹"),
        (Lang::En, false) => format!("no file or folder begins with “{typed}”"),
    }
}

pub fn unreadable_title(lang: Lang) -> &'static str {
    lang.pick("草稿无法读取", "The draft cannot be read")
}

/// A readable copy of an unreadable draft, as offered.
pub fn unreadable_choice(lang: Lang, choice: &crate::facts::Instead) -> String {
    let name = choice
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    match (lang, choice.recovery) {
        (Lang::Zh, false) => format!("打开备份 {name}（上次保存前的版本，{}）", choice.saved_at),
        (Lang::En, false) => format!(
            "open the backup {name} (the version before the last save, {})",
            choice.saved_at
        ),
        (Lang::Zh, true) => format!("打开恢复文件（自动保存于 {}）", choice.saved_at),
        (Lang::En, true) => format!(
            "open the recovery file (kept automatically {})",
            choice.saved_at
        ),
    }
}

pub fn unreadable_offer(lang: Lang) -> &'static str {
    lang.pick(
        "可以打开它的备份或恢复文件代替：内容载入编辑器，按 Ctrl-S 保存后才替换这个文件（原文件留作 .bak）。",
        "Its backup or recovery file can be opened instead: the content comes into the editor, and only Ctrl-S replaces this file (kept as .bak).",
    )
}

pub fn unreadable_hint(lang: Lang) -> &'static str {
    lang.pick(
        "↑↓ 选择 · Enter 打开 · Esc 取消",
        "↑↓ pick · Enter open · Esc cancel",
    )
}

/// An unreadable draft was opened from its backup or recovery file.
pub fn opened_instead(lang: Lang, from: &Path, path: &Path) -> String {
    let name = |p: &Path| {
        p.file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    };
    match lang {
        Lang::Zh => format!(
            "已载入 {} 的内容，尚未保存：按 Ctrl-S 保存后替换无法读取的 {}（它留作 {}.bak）",
            name(from),
            name(path),
            name(path)
        ),
        Lang::En => format!(
            "the content of {} is loaded, not saved yet: Ctrl-S replaces the unreadable {} (kept as {}.bak)",
            name(from),
            name(path),
            name(path)
        ),
    }
}

pub fn agency_needed(lang: Lang) -> &'static str {
    lang.pick("请填写报告单位名称", "enter the agency's name")
}

pub fn year_invalid(lang: Lang) -> &'static str {
    lang.pick(
        "年度应为四位数字，如 2024",
        "the year is four digits, like 2024",
    )
}

// ---------------------------------------------------------------- messages

pub fn saved(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Zh => format!("已保存 {}", path.display()),
        Lang::En => format!("saved {}", path.display()),
    }
}

/// A save failed: why, that nothing is lost, where the work is kept meanwhile.
/// Why a save wrote nothing, with what became of the work (in the recovery file, or only in
/// the editor).
pub fn save_failed(
    lang: Lang,
    failed: &crate::facts::SaveFailed,
    recovery: Option<&Path>,
) -> String {
    use crate::facts::SaveFailed;
    let e = match failed {
        SaveFailed::ReadOnly(why) => read_only_refused(lang, why),
        SaveFailed::Exists(path) => match lang {
            Lang::Zh => format!("{} 已存在，未覆盖", path.display()),
            Lang::En => format!("{} exists and was not overwritten", path.display()),
        },
        SaveFailed::Write { path, error } => written_nothing(lang, path, error),
    };
    match (lang, recovery) {
        (Lang::Zh, Some(r)) => format!(
            "保存失败：{e}。修改未丢失，仍在编辑器中，也已存入恢复文件；请处理后再按 Ctrl-S。恢复文件：{}",
            r.display()
        ),
        (Lang::Zh, None) => {
            format!("保存失败：{e}。修改仍在内存中，未丢失；请处理后再按 Ctrl-S。")
        }
        (Lang::En, Some(r)) => format!(
            "save failed: {e}. Nothing is lost: your changes are here and in the recovery file; fix it and press Ctrl-S again. Recovery file: {}",
            r.display()
        ),
        (Lang::En, None) => {
            format!("save failed: {e}. Your changes are still here; fix it and press Ctrl-S again.")
        }
    }
}

/// Between two sentences of one message.
pub fn sentence_gap(lang: Lang) -> &'static str {
    lang.pick("；", "; ")
}

// ---------------------------------------------------------------- keeping the work

pub fn read_only_mark(lang: Lang) -> &'static str {
    lang.pick("只读", "read-only")
}

/// Why the draft is only viewed, said when a change is refused.
pub fn read_only_refused(lang: Lang, why: &crate::facts::ReadOnly) -> String {
    use crate::facts::ReadOnly;
    match (why, lang) {
        (ReadOnly::Held(h), Lang::Zh) if h.pid == 0 => {
            "只读查看：另一个程序正锁定此草稿，不能修改或保存。".into()
        }
        (ReadOnly::Held(h), Lang::En) if h.pid == 0 => {
            "read-only: another program holds this draft's lock; nothing can be changed or saved."
                .into()
        }
        (ReadOnly::Held(h), Lang::Zh) => format!(
            "只读查看：此草稿正由进程 {}（{}）编辑，不能修改或保存。请在那里修改，或等它关闭后重新打开。",
            h.pid, h.host
        ),
        (ReadOnly::Held(h), Lang::En) => format!(
            "read-only: process {} on {} is editing this draft; nothing can be changed or saved here. Edit it there, or reopen it once that one is closed.",
            h.pid, h.host
        ),
        (ReadOnly::Unwritable(e), Lang::Zh) => format!(
            "只读查看：草稿所在的文件夹不能写入（{}），不能修改或保存。请把草稿复制到可写的文件夹再打开。",
            crate::i18n::io_fault(lang, e)
        ),
        (ReadOnly::Unwritable(e), Lang::En) => format!(
            "read-only: the draft's folder cannot be written ({}); nothing can be changed or saved. Copy the draft to a folder you can write and open it there.",
            crate::i18n::io_fault(lang, e)
        ),
        (ReadOnly::LockNotAFile(path), Lang::Zh) => {
            format!("只读查看：{}。", lock_not_a_file(lang, path))
        }
        (ReadOnly::LockNotAFile(path), Lang::En) => {
            format!("read-only: {}.", lock_not_a_file(lang, path))
        }
    }
}

/// 「<file>：无法写入：<why>」.
fn written_nothing(lang: Lang, path: &Path, error: &crate::report::IoFault) -> String {
    let why = crate::i18n::io_fault(lang, error);
    match lang {
        Lang::Zh => format!("{}：无法写入：{why}", path.display()),
        Lang::En => format!("{}: cannot write: {why}", path.display()),
    }
}

/// Why a draft or a published report did not open.
pub fn open_failed(lang: Lang, e: &crate::facts::OpenFailed) -> String {
    use crate::facts::OpenFailed;
    match e {
        OpenFailed::CopySample { copy, error } => match lang {
            Lang::Zh => format!(
                "无法把示例复制为 {}：{}",
                copy.display(),
                crate::i18n::io_fault(lang, error)
            ),
            Lang::En => format!(
                "the sample cannot be copied to {}: {}",
                copy.display(),
                crate::i18n::io_fault(lang, error)
            ),
        },
        OpenFailed::Load(e) => crate::i18n::load_error(lang, e),
        OpenFailed::Import { source, error } => match error.as_ref() {
            // The command line's words for this suggest its -o, which the editor does not have.
            crate::library::ImportIntoError::Write(path, crate::library::NewError::Exists) => {
                match lang {
                    Lang::Zh => format!(
                        "{} 已存在，但不是这份报告导入的草稿，未覆盖；请把它改名或移走后再打开",
                        path.display()
                    ),
                    Lang::En => format!(
                        "{} exists and is not a draft imported from this report; it was not overwritten. Rename or move it, then open the report again",
                        path.display()
                    ),
                }
            }
            other => crate::i18n::import_into_error(lang, source, other),
        },
    }
}

/// Why this year's draft was not made from last year's.
pub fn carry_failed(lang: Lang, e: &crate::facts::CarryFailed) -> String {
    use crate::facts::CarryFailed;
    match e {
        CarryFailed::Open(e) => open_failed(lang, e),
        CarryFailed::Year { year, first, last } => {
            crate::i18n::year_refused(lang, *year, *first, *last)
        }
        CarryFailed::Exists(path) => target_exists(lang, path),
        CarryFailed::Write { path, error } => written_nothing(lang, path, error),
    }
}

/// Why 新建报告 made no draft (a file of that name being there is said in the dialog).
pub fn create_refused(lang: Lang, e: &crate::facts::CreateRefused) -> String {
    use crate::facts::CreateRefused;
    match e {
        CreateRefused::Exists(path) => new_exists(lang, path),
        CreateRefused::Year => year_invalid(lang).to_string(),
        CreateRefused::Write { path, error } => written_nothing(lang, path, error),
        CreateRefused::Open(e) => open_failed(lang, e),
    }
}

pub fn viewing_read_only(lang: Lang) -> &'static str {
    lang.pick(
        "只读查看：可以翻看和导出，不能修改或保存。",
        "viewing read-only: you can look and export, not change or save.",
    )
}

pub fn lock_title(lang: Lang) -> &'static str {
    lang.pick("草稿已在别处打开", "Draft open elsewhere")
}

/// Another gongkai has the draft open.
pub fn lock_held_lines(lang: Lang, h: &crate::lock::Holder) -> Vec<String> {
    let since = if h.since.is_empty() { "?" } else { &h.since };
    let host = if h.host.is_empty() { "?" } else { &h.host };
    // A lock taken by a program that wrote no holder (or is still writing it).
    if h.pid == 0 {
        return match lang {
            Lang::Zh => vec![
                "另一个程序正锁定此草稿，没有留下是谁。".into(),
                "两处同时修改会互相覆盖，所以这里只能只读查看。".into(),
                "r 或 Enter 只读查看 · Esc 返回".into(),
            ],
            Lang::En => vec![
                "Another program holds this draft's lock and left no name.".into(),
                "Two editors would overwrite each other: here it can only be viewed.".into(),
                "r or Enter view read-only · Esc back".into(),
            ],
        };
    }
    match lang {
        Lang::Zh => vec![
            "另一个 gongkai 正在编辑此草稿：".into(),
            format!("进程 {}，主机 {host}，自 {since} 起。", h.pid),
            "两处同时修改会互相覆盖，所以这里只能只读查看。".into(),
            "r 或 Enter 只读查看 · Esc 返回".into(),
        ],
        Lang::En => vec![
            "Another gongkai is editing this draft:".into(),
            format!("process {}, host {host}, since {since}.", h.pid),
            "Two editors would overwrite each other: here it can only be viewed.".into(),
            "r or Enter view read-only · Esc back".into(),
        ],
    }
}

/// A lock file left by a process that has ended was taken over.
pub fn lock_taken_over(lang: Lang, h: &crate::lock::Holder) -> String {
    match lang {
        Lang::Zh => format!(
            "此草稿上次由进程 {}（主机 {}，自 {} 起）打开，该进程已不在运行，已接管它的锁。",
            h.pid, h.host, h.since
        ),
        Lang::En => format!(
            "process {} (host {}, since {}) had this draft open and no longer runs: its lock is taken over.",
            h.pid, h.host, h.since
        ),
    }
}

pub fn no_lock(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Zh => format!("无法给此草稿加锁（{why}）：请确认没有别人同时编辑它。"),
        Lang::En => format!(
            "the draft cannot be locked ({why}): make sure nobody else edits it at the same time."
        ),
    }
}

pub fn recover_title(lang: Lang) -> &'static str {
    lang.pick("发现未保存的修改", "Unsaved work found")
}

/// The offer of unrecovered work.
pub fn recover_offer_lines(lang: Lang, saved_at: &str, n: usize) -> Vec<String> {
    match lang {
        Lang::Zh => vec![
            format!("上次编辑此草稿时有修改没有保存（自动保存于 {saved_at}），"),
            format!("与已保存的草稿有 {n} 处不同。"),
            String::new(),
            "r 恢复这些修改 · d 丢弃 · v 查看差异".into(),
            "Ctrl-Q 暂不处理并退出（恢复文件保留）".into(),
        ],
        Lang::En => vec![
            format!("Unsaved changes from last time (autosaved {saved_at})"),
            format!(
                "differ from the saved draft in {n} {}.",
                if n == 1 { "place" } else { "places" }
            ),
            String::new(),
            "r restore them · d discard · v show the differences".into(),
            "Ctrl-Q quit and decide later (the recovery file is kept)".into(),
        ],
    }
}

pub fn recover_confirm_discard(lang: Lang, n: usize) -> Vec<String> {
    match lang {
        Lang::Zh => vec![
            format!("丢弃后，这 {n} 处未保存的修改将无法找回。"),
            "确定丢弃吗？".into(),
            String::new(),
            "y 丢弃 · n 或 Esc 返回".into(),
        ],
        Lang::En => vec![
            format!("Once discarded, the unsaved changes ({n}) cannot be brought back."),
            "Discard them?".into(),
            String::new(),
            "y discard · n or Esc back".into(),
        ],
    }
}

pub fn recover_diff_title(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("未保存的修改：{n} 处与已保存的草稿不同"),
        Lang::En => format!(
            "Unsaved work: {n} {} from the saved draft",
            if n == 1 { "difference" } else { "differences" }
        ),
    }
}

pub fn recover_diff_hint(lang: Lang) -> &'static str {
    lang.pick(
        "↑↓ PgUp PgDn 翻看 · r 恢复 · d 丢弃 · Esc 返回",
        "↑↓ PgUp PgDn scroll · r restore · d discard · Esc back",
    )
}

/// The label of a difference that is not a cell or a section.
pub fn difference_label(lang: Lang, key: &str, label: &str) -> String {
    match key.strip_prefix("report.") {
        Some(field) => form_label(lang, field).to_string(),
        None if key == "acknowledged" => lang.pick("已确认的警告", "acknowledged warnings").into(),
        None => label.to_string(),
    }
}

/// A figure or short value as the difference list shows it.
pub fn difference_value(lang: Lang, v: &str) -> String {
    if v.is_empty() {
        lang.pick("（空）", "(blank)").into()
    } else {
        v.to_string()
    }
}

/// A prose section that differs: its length before and after.
pub fn difference_text(lang: Lang, saved: usize, recovered: usize) -> String {
    match lang {
        Lang::Zh => format!("正文 {saved} 字 → {recovered} 字"),
        Lang::En => format!("text {saved} → {recovered} characters"),
    }
}

pub fn difference_from(lang: Lang, at: usize, snippet: &str) -> String {
    match lang {
        Lang::Zh => format!("，自第 {at} 字起：“{snippet}”"),
        Lang::En => format!(", from character {at}: “{snippet}”"),
    }
}

pub fn recovered(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("已恢复 {n} 处修改，尚未保存：Ctrl-S 保存，Ctrl-Z 撤回恢复。"),
        Lang::En => format!(
            "{n} changes restored, not yet saved: Ctrl-S saves, Ctrl-Z takes the restore back."
        ),
    }
}

pub fn recovery_discarded(lang: Lang) -> &'static str {
    lang.pick(
        "已丢弃恢复文件中的修改；打开的是已保存的草稿。",
        "the unsaved work was discarded; this is the saved draft.",
    )
}

pub fn recovery_answer_needed(lang: Lang) -> &'static str {
    lang.pick(
        "请选择：r 恢复 · d 丢弃 · v 查看差异（Ctrl-Q 退出，恢复文件保留）",
        "choose: r restore · d discard · v differences (Ctrl-Q quits, keeping the recovery file)",
    )
}

pub fn recovery_unreadable(lang: Lang, path: &Path, why: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "恢复文件无法读取（{why}），已原样移到 {}，未使用。",
            path.display()
        ),
        Lang::En => format!(
            "a recovery file cannot be read ({why}); it was moved, unchanged, to {} and not used.",
            path.display()
        ),
    }
}

pub fn recovery_failed(lang: Lang, e: &crate::report::IoFault) -> String {
    let e = crate::i18n::io_fault(lang, e);
    match lang {
        Lang::Zh => format!(
            "自动保存失败：恢复文件无法写入（{e}）。修改仍在编辑器中；请尽快按 Ctrl-S 保存。"
        ),
        Lang::En => format!(
            "autosave failed: the recovery file cannot be written ({e}). Your changes are still here; save with Ctrl-S soon."
        ),
    }
}

pub fn recovery_written_again(lang: Lang) -> &'static str {
    lang.pick("自动保存已恢复正常", "autosave works again")
}

pub fn draft_gone(lang: Lang, recovery: &Path) -> String {
    match lang {
        Lang::Zh => format!(
            "草稿文件已不存在；未保存的修改在恢复文件 {} 中（可用“打开文件”打开它）",
            recovery.display()
        ),
        Lang::En => format!(
            "the draft file is gone; the unsaved work is in the recovery file {} (open it with “Open a file”)",
            recovery.display()
        ),
    }
}

pub fn checks_pending(lang: Lang) -> &'static str {
    lang.pick(
        "… 正文很长：停止输入片刻后更新检查结果",
        "… long text: findings catch up when typing pauses",
    )
}

/// A draft on the start screen with unrecovered work.
pub fn start_unrecovered(lang: Lang, when: &str, files: usize) -> String {
    match (lang, files) {
        (Lang::Zh, 0 | 1) => format!("未恢复的修改 {when}"),
        (Lang::Zh, n) => format!("未恢复的修改 {when}（共 {n} 份）"),
        (Lang::En, 0 | 1) => format!("unsaved work {when}"),
        (Lang::En, n) => format!("unsaved work {when} ({n} files)"),
    }
}

pub fn start_unrecovered_note(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("! {n} 份草稿有未保存的修改（标 !）：打开后可恢复、丢弃或查看差异。"),
        Lang::En => format!(
            "! {n} drafts have unsaved work (marked !): open one to restore, discard or compare."
        ),
    }
}

/// How the editor ended on a signal: that the work is kept, and where.
pub fn stopped_by_signal(
    lang: Lang,
    signal: &str,
    kept: &Result<Option<std::path::PathBuf>, crate::report::IoFault>,
    draft: Option<&Path>,
) -> String {
    let reopen = draft.map_or_else(String::new, |d| format!("gongkai edit {}", d.display()));
    match (lang, kept) {
        (Lang::Zh, Ok(Some(r))) => format!(
            "gongkai 收到 {signal}，已退出。未保存的修改已写入恢复文件 {}；再次打开草稿即可恢复：{reopen}",
            r.display()
        ),
        (Lang::Zh, Ok(None)) => format!("gongkai 收到 {signal}，已退出；没有未保存的修改。"),
        (Lang::Zh, Err(e)) => format!(
            "gongkai 收到 {signal}，已退出；未保存的修改未能写入恢复文件（{}）。",
            crate::i18n::io_fault(lang, e)
        ),
        (Lang::En, Ok(Some(r))) => format!(
            "gongkai received {signal} and quit. Unsaved work was written to the recovery file {}; open the draft again to restore it: {reopen}",
            r.display()
        ),
        (Lang::En, Ok(None)) => format!("gongkai received {signal} and quit; nothing was unsaved."),
        (Lang::En, Err(e)) => format!(
            "gongkai received {signal} and quit; the unsaved work could not be written to the recovery file ({}).",
            crate::i18n::io_fault(lang, e)
        ),
    }
}

/// Quit without saving: where the work waits.
pub fn quit_unsaved(lang: Lang, recovery: &Path, draft: Option<&Path>) -> String {
    let reopen = draft.map_or_else(String::new, |d| format!("gongkai edit {}", d.display()));
    match lang {
        Lang::Zh => format!(
            "修改没有保存，留在恢复文件 {} 中；再次打开草稿可以恢复或丢弃：{reopen}",
            recovery.display()
        ),
        Lang::En => format!(
            "the changes were not saved; they wait in the recovery file {}. Open the draft again to restore or discard them: {reopen}",
            recovery.display()
        ),
    }
}

/// The terminal could not be used any more (a dropped connection, say).
pub fn terminal_lost(
    lang: Lang,
    why: &str,
    kept: &Result<Option<std::path::PathBuf>, crate::report::IoFault>,
    draft: Option<&Path>,
) -> String {
    let what = match lang {
        Lang::Zh => format!("终端无法再使用（{why}）"),
        Lang::En => format!("the terminal could not be used any more ({why})"),
    };
    stopped_by_signal(lang, &what, kept, draft)
}

/// After an internal error: where the work was saved and how to get it back.
pub fn crashed(
    lang: Lang,
    kept: &Result<Option<std::path::PathBuf>, crate::report::IoFault>,
    draft: Option<&Path>,
) -> String {
    let reopen = draft.map_or_else(String::new, |d| format!("gongkai edit {}", d.display()));
    let first = lang.pick(
        "gongkai 遇到内部错误（程序缺陷）而退出，上面是错误信息，请告知开发者。",
        "gongkai stopped on an internal error (a defect); the message above is for its developers.",
    );
    let kept = match (lang, kept) {
        (Lang::Zh, Ok(Some(r))) => format!(
            "你的修改已保存到恢复文件 {}。再次打开草稿，选“恢复”即可取回：{reopen}",
            r.display()
        ),
        (Lang::Zh, Ok(None)) => "没有未保存的修改，草稿文件完好。".into(),
        (Lang::Zh, Err(e)) => format!(
            "未保存的修改未能写入恢复文件（{}）。",
            crate::i18n::io_fault(lang, e)
        ),
        (Lang::En, Ok(Some(r))) => format!(
            "Your work was saved to the recovery file {}. Open the draft again and choose “restore”: {reopen}",
            r.display()
        ),
        (Lang::En, Ok(None)) => "Nothing was unsaved; the draft file is whole.".into(),
        (Lang::En, Err(e)) => format!(
            "The unsaved work could not be written to the recovery file ({}).",
            crate::i18n::io_fault(lang, e)
        ),
    };
    format!("{first}\n{kept}")
}

pub fn editing_copy(lang: Lang, sample: &Path, copy: &Path) -> String {
    match lang {
        Lang::Zh => format!(
            "示例 {} 保持不变：正在编辑副本 {}",
            sample.display(),
            copy.display()
        ),
        Lang::En => format!(
            "the sample {} stays clean: editing a copy, {}",
            sample.display(),
            copy.display()
        ),
    }
}

/// Why the external editor gave no text back.
pub fn editor_failed(lang: Lang, failed: &crate::facts::EditorFailed) -> String {
    use crate::facts::EditorFailed;
    let e = match failed {
        EditorFailed::NoEditor => no_editor(lang),
        EditorFailed::Io(e) => crate::i18n::io_fault(lang, e),
        EditorFailed::Exit(code) => editor_exit(lang, *code),
    };
    match lang {
        Lang::Zh => format!("外部编辑器未能运行：{e}"),
        Lang::En => format!("the external editor did not run: {e}"),
    }
}

/// The external editor ended with an error (its exit code, if it had one).
fn editor_exit(lang: Lang, code: Option<i32>) -> String {
    match (lang, code) {
        (Lang::Zh, Some(c)) => format!("编辑器以退出码 {c} 结束，文字未改动"),
        (Lang::Zh, None) => "编辑器被中断，文字未改动".into(),
        (Lang::En, Some(c)) => format!("the editor exited with code {c}; the text is unchanged"),
        (Lang::En, None) => "the editor was interrupted; the text is unchanged".into(),
    }
}

fn no_editor(lang: Lang) -> String {
    lang.pick(
        "未设置 $VISUAL 或 $EDITOR",
        "neither $VISUAL nor $EDITOR is set",
    )
    .into()
}

pub fn undone(lang: Lang) -> String {
    lang.pick("已撤销（Ctrl-Y 重做）", "undone (Ctrl-Y redoes)")
        .into()
}

pub fn redone(lang: Lang) -> String {
    lang.pick("已重做", "redone").into()
}

pub fn nothing_to_undo(lang: Lang) -> String {
    lang.pick("没有可撤销的修改", "nothing to undo").into()
}

pub fn nothing_to_redo(lang: Lang) -> String {
    lang.pick("没有可重做的修改", "nothing to redo").into()
}

pub fn year_kept(lang: Lang) -> String {
    lang.pick("年度未改", "the year is unchanged").into()
}

pub fn switched(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Zh => format!("已改用格式 {id}（Ctrl-Z 可撤销）"),
        Lang::En => format!("now in format {id} (Ctrl-Z undoes)"),
    }
}

pub fn reason_needed(lang: Lang) -> &'static str {
    lang.pick("请写明理由", "give a reason")
}

pub fn acknowledged(lang: Lang) -> String {
    lang.pick(
        "已确认此警告，理由已记录",
        "acknowledged; the reason is recorded",
    )
    .into()
}

pub fn unacknowledged(lang: Lang) -> &'static str {
    lang.pick("已撤销确认", "acknowledgement withdrawn")
}

pub fn not_acknowledged(lang: Lang) -> &'static str {
    lang.pick("此项尚未确认", "this is not acknowledged")
}

pub fn cannot_acknowledge_error(lang: Lang) -> &'static str {
    lang.pick(
        "错误不能确认，只能改正",
        "an error cannot be acknowledged: fix it",
    )
}

pub fn cannot_acknowledge_blank(lang: Lang) -> &'static str {
    lang.pick(
        "空白格不能确认：请填写（没有的填 0）",
        "a blank cannot be acknowledged: enter a figure (0 if none)",
    )
}

pub fn hint_needs_nothing(lang: Lang) -> &'static str {
    lang.pick(
        "提示不影响导出，无需确认",
        "a hint never blocks: nothing to acknowledge",
    )
}

pub fn no_blanks(lang: Lang) -> &'static str {
    lang.pick("没有空白了", "no blanks left")
}

pub fn no_blanks_here(lang: Lang) -> &'static str {
    lang.pick("本表没有空白格", "no blank cells in this table")
}

pub fn filled_zeros(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("已将 {n} 个空白格填为 0（Ctrl-Z 撤销）"),
        Lang::En => format!("filled {n} blank cells with 0 (Ctrl-Z undoes)"),
    }
}

pub fn no_unit(lang: Lang) -> &'static str {
    lang.pick(
        "单位未切换：这一格没有单位可选（u 只用于可选 元 / 万元 的金额）",
        "no unit changed: this cell has no unit to choose (u is for an amount in 元 or 万元)",
    )
}

/// `u` refused: the figure has more decimal places than the other unit takes.
pub fn unit_places_refused(lang: Lang, value: &str, unit: &str, places: u32) -> String {
    match lang {
        Lang::Zh => {
            format!("单位未切换：{value} 的小数位多于以{unit}计的 {places} 位，请先改这个数字")
        }
        Lang::En => format!(
            "no unit changed: {value} has more decimal places than the {places} an amount in {unit} takes; change the figure first"
        ),
    }
}

/// `u` did it.
pub fn unit_changed(lang: Lang, unit: &str) -> String {
    match lang {
        Lang::Zh => format!("这一格的单位改为{unit}（Ctrl-Z 撤销）"),
        Lang::En => format!("this cell's unit is now {unit} (Ctrl-Z undoes)"),
    }
}

/// Tab on a table's last cell stops there and says how to go on.
pub fn table_end(lang: Lang, next: &str) -> String {
    match lang {
        Lang::Zh => format!("本表已到末尾：再按 Tab 或 PgDn 进入“{next}”"),
        Lang::En => format!("end of this table: Tab again or PgDn goes on to “{next}”"),
    }
}

/// A figure typed after Tab stopped at a table's end: taken nowhere.
pub fn table_end_typed(lang: Lang, c: char, next: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("“{c}”未输入：本表已到末尾。方向键回到表内，再按 Tab 或 PgDn 进入“{next}”")
        }
        Lang::En => format!(
            "“{c}” refused: end of this table. Arrows go back into it; Tab again or PgDn goes on to “{next}”"
        ),
    }
}

/// Esc on the start screen: nothing to cancel, and how to quit.
pub fn start_esc(lang: Lang) -> &'static str {
    lang.pick(
        "这里没有可取消的内容：按 Ctrl-Q 或 q 退出",
        "nothing to cancel here: Ctrl-Q or q quits",
    )
}

/// Why a typed character was refused.
pub fn refused_char(lang: Lang, c: char, e: InputError) -> String {
    let why = match e {
        InputError::Negative => lang.pick("这一格不能为负数", "this cell cannot be negative"),
        InputError::NotWhole => lang.pick(
            "这一格应为整数，不能有小数点",
            "this cell takes whole numbers",
        ),
        InputError::TooManyPlaces(places) => {
            return refused(lang, c, &super::findings::at_most_places(lang, places));
        }
        InputError::TooLarge => lang.pick("数字太长", "the number is too long"),
        InputError::NotANumber | InputError::Empty => {
            lang.pick("只能输入数字", "only digits can be typed here")
        }
    };
    refused(lang, c, why)
}

fn refused(lang: Lang, c: char, why: &str) -> String {
    match lang {
        Lang::Zh => format!("“{c}”未输入：{why}"),
        Lang::En => format!("“{c}” refused: {why}"),
    }
}

pub fn invalid_cell(lang: Lang, e: InputError) -> String {
    match lang {
        Lang::Zh => format!(
            "这一格的数字不完整：{}（Esc 取消）",
            super::input_problem(lang, e)
        ),
        Lang::En => format!(
            "not a complete number: {} (Esc cancels)",
            super::input_problem(lang, e)
        ),
    }
}

/// Control characters were dropped from pasted or edited text.
pub fn controls_dropped(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("已删除 {n} 个控制字符（报告和 Word 文件中不能有这类字符）。"),
        Lang::En => format!(
            "{n} control character{} removed (a report and a Word file cannot hold them).",
            if n == 1 { "" } else { "s" }
        ),
    }
}

/// The draft has other names (hard links) that a save does not reach.
pub fn hard_links(lang: Lang, n: u64) -> String {
    match lang {
        Lang::Zh => format!(
            "注意：此草稿文件有 {n} 个名字（硬链接）。经其他名字打开的编辑器只能只读查看；保存后只有这个名字是新内容，其他名字仍是旧文件。"
        ),
        Lang::En => format!(
            "note: this draft file has {n} names (hard links). An editor opening it by another name can only view it; once saved, only this name has the new text and the others keep the old file."
        ),
    }
}

/// Something that is no lock file stands where the draft's lock goes.
pub fn lock_not_a_file(lang: Lang, path: &std::path::Path) -> String {
    match lang {
        Lang::Zh => format!(
            "锁文件的位置 {} 上是文件夹、管道或设备，不是锁文件，无法加锁；请删除它后重新打开",
            path.display()
        ),
        Lang::En => format!(
            "{} stands where the lock goes and is a folder, pipe or device, not a lock file; remove it and reopen",
            path.display()
        ),
    }
}

/// Saving found the draft changed on disk by another program.
pub fn changed_on_disk_title(lang: Lang) -> &'static str {
    lang.pick("草稿已被其他程序修改", "Draft changed by another program")
}

pub fn changed_on_disk_lines(lang: Lang, n: usize, gone: bool) -> Vec<String> {
    match (lang, gone) {
        (Lang::Zh, false) => vec![
            "打开后，另一个程序修改了此草稿文件。".into(),
            format!("它与这里有 {n} 处不同（文件里的 → 这里的）："),
        ],
        (Lang::En, false) => vec![
            "Another program changed this draft's file since it was opened.".into(),
            format!(
                "It differs from yours in {n} place{} (the file's → yours):",
                if n == 1 { "" } else { "s" }
            ),
        ],
        (Lang::Zh, true) => vec!["打开后，此草稿文件被其他程序删除或改得无法读取。".into()],
        (Lang::En, true) => {
            vec!["Since it was opened, another program removed this draft's file or made it unreadable.".into()]
        }
    }
}

pub fn changed_on_disk_keys(lang: Lang) -> &'static str {
    lang.pick(
        "k 保留我的（原文件存 .bak）· t 用文件里的 · s 另存一份 · Esc 暂不保存",
        "k keep mine (theirs to .bak) · t take the file's · s save a copy · Esc not now",
    )
}

pub fn took_theirs(lang: Lang) -> &'static str {
    lang.pick(
        "已改用文件里的版本（Ctrl-Z 可回到你的修改）。",
        "now showing the file's version (Ctrl-Z brings yours back).",
    )
}

pub fn saved_copy(lang: Lang, path: &std::path::Path) -> String {
    match lang {
        Lang::Zh => format!(
            "你的版本已另存为 {}；原草稿保持另一个程序改后的样子。",
            path.display()
        ),
        Lang::En => format!(
            "your version is saved as {}; the draft stays as the other program left it.",
            path.display()
        ),
    }
}

/// The summary shown after opening a published report.
pub fn imported_title(lang: Lang) -> &'static str {
    lang.pick("已导入发布的报告", "Published report imported")
}

/// A published report in the data folder, on the start screen.
pub fn start_published(lang: Lang) -> &'static str {
    lang.pick(
        "已发布的报告 · 打开时导入为草稿",
        "a published report · opening it imports it as a draft",
    )
}

/// 从上年报告新建 with a published report chosen.
pub fn from_last_published(lang: Lang) -> &'static str {
    lang.pick(
        "将先把这份发布的报告导入为草稿，再新建下一年度的报告",
        "the published report is imported as a draft first, then next year's report is made",
    )
}
