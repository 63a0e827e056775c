//! The editor's whole state: one plain struct, changed only by `update`, drawn by `view`.

use super::history::History;
use super::text::Field;
use crate::check::{self, Finding, LastYear, Outcome, Severity, codes};
use crate::i18n::Lang;
use crate::report::{AgencyKind, Draft, META_TEXT_FIELDS, Number};
use crate::template::{Kind, SectionKind, Template};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

pub use crate::facts::{Instead, OpenKind, PageState, ReadOnly};

/// Above this much prose (all sections together, in bytes) the findings are brought up to date
/// when typing pauses rather than after every keystroke: reading a megabyte of prose takes
/// longer than a frame. Totals still follow every keystroke.
pub const DEFER_CHECKS_ABOVE: usize = 64 * 1024;

/// Whether the draft may be changed, and why not.
#[derive(Debug, Clone)]
pub enum Access {
    /// This editor holds the draft's lock (`None`: none could be taken where locks are not
    /// supported, or in tests).
    Editing(Option<Arc<crate::lock::DraftLock>>),
    /// Viewing only: nothing is saved or autosaved.
    ReadOnly(ReadOnly),
}

/// Work found in a recovery file that the draft does not have, offered when the draft is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryOffer {
    pub pending: crate::recovery::Pending,
    pub recovered: Draft,
    pub differences: Vec<crate::recovery::Difference>,
    /// When it was written, local time, as shown.
    pub saved_at: String,
}

/// The 打开文件 dialog.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OpenFile {
    pub path: Field,
    /// What is listed under the path: a folder's drafts and reports, or Tab's matches.
    pub items: Vec<OpenItem>,
    /// The folder listed (`None`: the list is Tab's matches, or nothing yet).
    pub folder: Option<PathBuf>,
    /// The item picked; `None`: the path field.
    pub selected: Option<usize>,
    pub error: Option<String>,
}

/// One line of the 打开文件 list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenItem {
    /// As shown: the file's (or folder's) name.
    pub label: String,
    /// As it goes in the path field (a folder ends with `/`).
    pub target: String,
    pub kind: OpenKind,
}

/// What a folder holds for 打开文件, and what matches the name being typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Browse {
    pub folder: PathBuf,
    /// The drafts and published reports of the folder, by name.
    pub listing: Vec<OpenItem>,
    /// The entries whose names start with the typed name (for Tab), by name.
    pub matches: Vec<OpenItem>,
}

/// A draft that cannot be read, with what can be opened in its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableOffer {
    pub path: PathBuf,
    /// Why it cannot be read: file, line, column and what is wrong.
    pub why: crate::report::LoadError,
    /// Readable copies of it, the `.bak` beside it first, then recovery files, newest first.
    pub choices: Vec<Instead>,
}

/// What another program left in the draft's file, found when saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedOnDisk {
    /// What the file holds now (`None`: gone, or not a draft any more).
    pub theirs: Option<Draft>,
    /// How it differs from the editor's draft (theirs → mine).
    pub differences: Vec<crate::recovery::Difference>,
    pub disk: Option<crate::atomic::OnDisk>,
    pub then_quit: bool,
}

/// The smallest window the editor draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// How things are drawn: borders, colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    /// ASCII borders and marks, for terminals that draw box characters double-width.
    pub ascii: bool,
    /// Colour, unless `NO_COLOR` is set.
    pub color: bool,
}

/// A draft open in the editor.
#[derive(Debug, Clone)]
pub struct Doc {
    pub path: PathBuf,
    pub template: &'static Template,
    pub draft: Draft,
    /// The draft as it is on disk: the editor has unsaved changes while they differ.
    pub saved: Draft,
    pub outcome: Outcome,
    pub history: History,
    /// When the file opened is a copy of a sample that must stay clean: the sample.
    pub copied_from: Option<PathBuf>,
    pub access: Access,
    /// Unrecovered work found on opening, newest first, each offered in turn until the officer
    /// answers it.
    pub offers: Vec<RecoveryOffer>,
    /// Recovery files the officer restored from: their work is in the editor now, and they go
    /// once it is saved.
    pub restored_from: Vec<PathBuf>,
    /// Something to tell the officer on opening (a stale lock taken over, no lock possible).
    pub notice: Option<String>,
    /// Counts changes to the draft: what autosave and the prose layout cache go by.
    pub revision: u64,
    /// The findings are behind the draft (a long prose is checked when typing pauses).
    pub checks_stale: bool,
    /// Last year's whole draft, through `[previous].file`, when it can be read.
    pub last: Option<LastDraft>,
    /// The file as the editor last read or wrote it: a save first looks whether another
    /// program has changed it since.
    pub disk: Option<crate::atomic::OnDisk>,
    /// What the ledger of `[ledger].file` counted when the draft was opened (or imported
    /// from), for the `ledger.stale` hint.
    pub ledger: Option<check::LedgerNow>,
}

/// Last year's draft, read-only: for the checks, the previous value of a cell, and last year's
/// text beside this year's.
#[derive(Debug, Clone)]
pub struct LastDraft {
    pub template: &'static Template,
    pub draft: Draft,
}

impl Doc {
    /// Whether the screens show a finding: each wrong cell once, so the 总计 column's balance,
    /// repeating another column's, is neither listed nor counted again. The one rule for every
    /// list and count of the editor; `check` keeps one finding per column.
    pub fn shows(&self, f: &Finding) -> bool {
        !crate::check::repeats_another(self.template, &self.outcome.findings, f)
    }

    /// The findings counted as the screens list them (see [`Doc::shows`]).
    pub fn shown_summary(&self) -> crate::check::Summary {
        let mut s = self.outcome.summary();
        let repeats = self
            .outcome
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error && !self.shows(f))
            .count();
        s.errors = s.errors.saturating_sub(repeats);
        s
    }

    pub fn new(
        path: PathBuf,
        template: &'static Template,
        draft: Draft,
        today: Option<jiff::civil::Date>,
    ) -> Doc {
        let outcome = run_checks(template, &draft, None, None, today);
        Doc {
            path,
            template,
            saved: draft.clone(),
            draft,
            outcome,
            history: History::default(),
            copied_from: None,
            access: Access::Editing(None),
            offers: Vec::new(),
            restored_from: Vec::new(),
            notice: None,
            revision: 0,
            checks_stale: false,
            last: None,
            disk: None,
            ledger: None,
        }
    }

    /// The same draft, checked against what its ledger counts now.
    pub fn with_ledger(
        mut self,
        ledger: Option<check::LedgerNow>,
        today: Option<jiff::civil::Date>,
    ) -> Doc {
        self.ledger = ledger;
        self.recheck(today);
        self
    }

    /// The same draft, checked against last year's whole draft.
    pub fn with_last_year(
        mut self,
        last: Option<LastDraft>,
        today: Option<jiff::civil::Date>,
    ) -> Doc {
        self.last = last;
        self.recheck(today);
        self
    }

    pub fn is_dirty(&self) -> bool {
        self.draft != self.saved
    }

    pub fn is_read_only(&self) -> bool {
        matches!(self.access, Access::ReadOnly(_))
    }

    /// After a change: totals at once; findings at once too, unless the prose is so long that
    /// reading it would hold up typing, when they wait for [`Doc::recheck`].
    pub fn changed(&mut self, today: Option<jiff::civil::Date>) {
        self.revision += 1;
        let prose: usize = self.draft.text.values().map(String::len).sum();
        if prose > DEFER_CHECKS_ABOVE {
            self.outcome.totals = check::totals(self.template, &self.draft);
            self.checks_stale = true;
        } else {
            self.recheck(today);
        }
    }

    /// Brings the findings up to date with the draft (and last year's, when there is one).
    pub fn recheck(&mut self, today: Option<jiff::civil::Date>) {
        self.outcome = run_checks(
            self.template,
            &self.draft,
            self.last.as_ref(),
            self.ledger.as_ref(),
            today,
        );
        self.checks_stale = false;
    }

    /// Last year's figures: last year's whole draft where it has them, else `[previous]`.
    pub fn last_year(&self) -> Option<LastYear<'_>> {
        let whole = self
            .last
            .as_ref()
            .map(|l| LastYear::from_draft(l.template, &l.draft));
        LastYear::in_use(whole.as_ref(), &self.draft)
    }

    /// Last year's figures for a typed cell, when last year says anything about it.
    pub fn last_value(&self, key: &str) -> Option<check::LastValue> {
        check::last_value(self.template, key, &self.last_year()?)
    }
}

/// The checks, asked of the core: with last year's whole draft when there is one (else the
/// draft's own `[previous]`), and what the draft's ledger counts.
pub fn run_checks(
    template: &Template,
    draft: &Draft,
    last: Option<&LastDraft>,
    ledger: Option<&check::LedgerNow>,
    today: Option<jiff::civil::Date>,
) -> Outcome {
    crate::library::check_against(
        template,
        draft,
        last.map(|l| (l.template, &l.draft)),
        ledger,
        today,
    )
}

/// A page of the editor, in the order of the section list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// 基本信息.
    Meta,
    /// A section of the template, by index.
    Section(usize),
    /// 检查.
    Review,
    /// 导出.
    Export,
}

/// A field of the 基本信息 form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    Text(&'static str),
    Year,
    Kind,
    /// A 信息处理费 figure, by index in the template's fees.
    Fee(usize),
}

/// The form's fields for a template.
pub fn form_fields(template: &Template) -> Vec<FormField> {
    let mut out = vec![
        FormField::Text(META_TEXT_FIELDS[0]),
        FormField::Year,
        FormField::Kind,
    ];
    out.extend(META_TEXT_FIELDS[1..].iter().map(|k| FormField::Text(k)));
    out.extend((0..template.fees.len()).map(FormField::Fee));
    out
}

/// Where the focus is in a table: a row (index in the table's rows) and a column (index in
/// that row's block).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TableFocus {
    pub row: usize,
    pub col: usize,
    /// First line of the table body on screen.
    pub scroll: usize,
}

/// A cell being typed into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellEdit {
    pub key: String,
    pub kind: Kind,
    /// The decimal places an amount may take here (6 in 万元, 4 in 元).
    pub places: u32,
    pub field: Field,
    /// The value before editing, restored by Esc.
    pub original: Option<Number>,
}

/// The caret and scroll of a prose section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ProseFocus {
    /// Byte offset in the text.
    pub caret: usize,
    /// First visual line on screen.
    pub scroll: usize,
    /// The caret is at a wrap and drawn at the end of the line above, not at the start of the
    /// next: after End, or a click past a line's end. Any other key clears it.
    pub line_end: bool,
}

/// The 基本信息 form's focus: the field and its text while it is typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormFocus {
    pub field: usize,
    pub input: Field,
    /// The field was just entered: a digit typed into a number field (year, fees) replaces its
    /// value, as in a table cell.
    pub fresh: bool,
}

/// A list with a selection that scrolls (检查, the start screen).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListFocus {
    pub selected: usize,
    pub scroll: usize,
}

/// The 导出 page's fields.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExportFocus {
    /// 0 format, 1 draft mark, 2 file, 3 the export button.
    pub field: usize,
    pub format: usize,
    pub draft_mark: bool,
    pub path: Field,
    /// The path was typed by the officer (it no longer follows the format).
    pub path_edited: bool,
}

/// Where a change was made, so undo can go back there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub page: usize,
    pub focus: PlaceFocus,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaceFocus {
    Cell { row: usize, col: usize },
    Caret(usize),
    Field(usize),
    Item(usize),
}

/// A question or a small form over the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialog {
    /// Quit with unsaved changes?
    ConfirmQuit,
    /// The new year takes another format: switch?
    ConfirmYear {
        year: i32,
        template: String,
        dropped: usize,
    },
    /// The reason for acknowledging a warning.
    Reason {
        finding: Box<crate::check::Finding>,
        field: Field,
    },
    /// 新建报告: agency, year, kind; `path` when `edit` named a file that does not exist.
    NewReport {
        agency: Field,
        year: Field,
        kind: AgencyKind,
        focus: usize,
        path: Option<PathBuf>,
        error: Option<String>,
        /// A draft of that name is there already: Ctrl-O opens it, or the name is changed.
        existing: Option<PathBuf>,
    },
    /// 打开文件: a path (Tab completes it), over the drafts and published reports of its folder
    /// (or the names Tab found), to pick from.
    OpenFile(Box<OpenFile>),
    /// A draft cannot be read: why, and its `.bak` or recovery file to open instead.
    Unreadable {
        offer: Box<UnreadableOffer>,
        selected: usize,
    },
    /// 从上年报告新建: last year's draft, from the data folder's drafts or by its path.
    FromLastYear {
        /// The readable drafts of the data folder offered, as the start screen lists them.
        choices: Vec<ListEntry>,
        /// The choice selected; `choices.len()` is the path typed below them.
        selected: usize,
        path: Field,
        /// Where the new draft goes when `edit FILE` named it.
        target: Option<PathBuf>,
        error: Option<String>,
    },
    /// What was carried from last year's report into the new draft, and what was not.
    Carried { lines: Vec<String> },
    /// What was read from a published report opened (imported into a draft).
    Imported { lines: Vec<String> },
    /// Unrecovered work was found: 恢复 / 丢弃 / 查看差异.
    /// Quit with unsaved changes while the recovery file cannot be written: only saving, or
    /// giving the changes up on purpose. Why the recovery file fails.
    ConfirmQuitUnkept { why: crate::report::IoFault },
    /// The draft was changed on disk by another program: keep mine, take theirs, save a copy.
    ChangedOnDisk(Box<ChangedOnDisk>),
    Recover {
        offer: Box<RecoveryOffer>,
        view: RecoverView,
    },
    /// Another gongkai has the draft open: view it read-only, or go back.
    LockHeld { holder: crate::lock::Holder },
    /// 从台账导入: the ledger's path, then what it would change, or the rows it cannot read.
    Ledger {
        path: Field,
        preview: Option<Box<LedgerPreview>>,
        /// Why the ledger cannot be counted, one line each (bad rows, missing columns).
        problems: Vec<String>,
        /// First line of the preview or the problems shown.
        scroll: usize,
    },
}

/// What a ledger would change in the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerPreview {
    pub path: PathBuf,
    /// Everything the ledger counts, cell or fee key → figure.
    pub values: Vec<(String, Number)>,
    pub changes: Vec<crate::ledger::Change>,
}

/// What the recovery dialog shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoverView {
    /// The question.
    Offer,
    /// The list of differences, scrolled to a line.
    Differences { scroll: usize },
    /// 丢弃: are you sure?
    ConfirmDiscard,
}

impl Dialog {
    pub fn is_question(&self) -> bool {
        matches!(self, Dialog::ConfirmQuit | Dialog::ConfirmYear { .. })
    }
}

/// Last year's text beside a prose section: shown or not, and how far each section's is
/// scrolled.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LastText {
    pub shown: bool,
    pub scroll: HashMap<String, usize>,
}

/// A line in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
    /// A hint (what a key did not do, and what to press instead): neither ✓ nor ✗.
    pub hint: bool,
}

/// One draft on the start screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListEntry {
    pub path: PathBuf,
    pub agency: String,
    pub year: i32,
    pub template: String,
    pub filled: usize,
    pub cells: usize,
    pub errors: usize,
    /// Why it cannot be read, if it cannot.
    pub problem: Option<String>,
    /// When it has work in a recovery file newer than it: when that was written.
    pub unrecovered: Option<String>,
    /// How many recovery files hold such work (several spellings of its path, older versions).
    pub recovery_files: usize,
    /// A published report (a PDF, a page, a Word file), not a draft: opening it imports it.
    pub published: bool,
}

impl ListEntry {
    /// An entry for a file nothing has been read of yet: a published report, a draft gone.
    pub fn unread(path: PathBuf) -> ListEntry {
        ListEntry {
            path,
            agency: String::new(),
            year: 0,
            template: String::new(),
            filled: 0,
            cells: 0,
            errors: 0,
            problem: None,
            unrecovered: None,
            recovery_files: 0,
            published: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    Editor,
}

/// The editor.
#[derive(Debug, Clone)]
pub struct App {
    pub lang: Lang,
    pub look: Look,
    pub width: u16,
    pub height: u16,
    pub today: Option<jiff::civil::Date>,
    /// Which gongkai this is and what it was built from, shown under the help (tests fix it,
    /// as they fix `today`).
    pub about: String,
    pub screen: Screen,
    /// The data folder's drafts (start screen).
    pub drafts_dir: PathBuf,
    pub entries: Vec<ListEntry>,
    pub start: ListFocus,
    pub doc: Option<Doc>,
    pub pages: Vec<Page>,
    pub page: usize,
    pub form: FormFocus,
    pub tables: HashMap<String, TableFocus>,
    pub cell: Option<CellEdit>,
    pub prose: HashMap<String, ProseFocus>,
    /// Last year's text beside 一, 五, 六.
    pub last_text: LastText,
    pub review: ListFocus,
    pub export: ExportFocus,
    pub dialog: Option<Dialog>,
    pub help: bool,
    pub message: Option<Message>,
    pub quit: bool,
    /// Where recovery files are kept.
    pub recovery: crate::recovery::Store,
    /// The last autosave failed: why (shown until one succeeds).
    pub recovery_error: Option<crate::report::IoFault>,
    /// The current prose section wrapped for the screen, kept between keystrokes.
    pub wrapped_prose: Option<WrappedProse>,
    /// Tab stopped on the last cell of this table (its key): a figure typed now is refused
    /// rather than taken into the cell or the next section, and Tab again goes on.
    pub table_end: Option<String>,
}

/// A prose section wrapped at a width, for one revision of the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedProse {
    pub key: String,
    pub width: u16,
    pub revision: u64,
    pub len: usize,
    pub lines: Vec<super::text::VisualLine>,
    /// Characters other than whitespace, for the count beside the heading.
    pub chars: usize,
}

impl WrappedProse {
    pub fn new(key: &str, text: &str, width: u16, revision: u64) -> WrappedProse {
        WrappedProse {
            key: key.to_string(),
            width,
            revision,
            len: text.len(),
            lines: super::layout::editor_lines(text, width),
            chars: text.chars().filter(|c| !c.is_whitespace()).count(),
        }
    }

    pub fn fits(&self, key: &str, text: &str, width: u16, revision: u64) -> bool {
        self.key == key
            && self.width == width
            && self.revision == revision
            && self.len == text.len()
    }
}

impl App {
    /// The calendar year, from the app's `today` (fixed in tests) or the clock.
    pub fn this_year(&self) -> i32 {
        self.today
            .map_or_else(crate::clock::this_year, |d| i32::from(d.year()))
    }

    /// An editor on the start screen.
    pub fn new(lang: Lang, look: Look, width: u16, height: u16) -> App {
        App {
            lang,
            look,
            width,
            height,
            today: None,
            about: crate::i18n::tui::about_line(lang),
            screen: Screen::Start,
            drafts_dir: crate::paths::drafts_dir(),
            entries: Vec::new(),
            start: ListFocus::default(),
            doc: None,
            pages: Vec::new(),
            page: 0,
            form: FormFocus::default(),
            tables: HashMap::new(),
            cell: None,
            prose: HashMap::new(),
            last_text: LastText::default(),
            review: ListFocus::default(),
            export: ExportFocus::default(),
            dialog: None,
            help: false,
            message: None,
            quit: false,
            recovery: crate::recovery::Store::default(),
            recovery_error: None,
            wrapped_prose: None,
            table_end: None,
        }
    }

    /// The wrapped lines of a prose section at a width: the kept layout when it is current.
    pub fn wrapped_prose(
        &self,
        key: &str,
        text: &str,
        width: u16,
    ) -> std::borrow::Cow<'_, WrappedProse> {
        let revision = self.doc.as_ref().map_or(0, |d| d.revision);
        match &self.wrapped_prose {
            Some(l) if l.fits(key, text, width, revision) => std::borrow::Cow::Borrowed(l),
            _ => std::borrow::Cow::Owned(WrappedProse::new(key, text, width, revision)),
        }
    }

    /// Puts a draft in the editor, on its first page.
    pub fn open(&mut self, doc: Doc) {
        self.pages = pages(doc.template);
        self.doc = Some(doc);
        self.screen = Screen::Editor;
        self.page = 0;
        self.form = FormFocus::default();
        self.tables.clear();
        self.prose.clear();
        self.last_text = LastText::default();
        self.cell = None;
        self.review = ListFocus::default();
        self.export = ExportFocus::default();
        self.dialog = None;
        self.wrapped_prose = None;
        self.recovery_error = None;
        super::update::enter_page(self);
    }

    pub fn current_page(&self) -> Option<Page> {
        self.pages.get(self.page).copied()
    }

    /// The template section of a page.
    pub fn section(&self, page: Page) -> Option<&'static crate::template::Section> {
        match page {
            Page::Section(i) => self.doc.as_ref().and_then(|d| d.template.sections.get(i)),
            _ => None,
        }
    }

    /// Whether a command of the key table does anything where the focus is: the footer and
    /// the help show only those (从台账导入 belongs to table 三, not to every table).
    /// Viewing read-only, the keys that would change the draft are not offered either.
    pub fn offers(&self, command: super::action::Command) -> bool {
        if self.doc.as_ref().is_some_and(Doc::is_read_only)
            && self.screen == Screen::Editor
            && self.dialog.is_none()
            && read_only_refuses(self.context_below_help(), command)
        {
            return false;
        }
        match command {
            super::action::Command::ImportLedger => super::update::current_table_key(self)
                .is_some_and(|k| k == crate::ledger::vocabulary::Vocabulary::get().rows.table),
            _ => true,
        }
    }

    pub fn too_small(&self) -> bool {
        self.width < MIN_WIDTH || self.height < MIN_HEIGHT
    }

    /// Where keys are pressed now.
    pub fn context(&self) -> super::keys::Context {
        use super::keys::Context;
        if self.too_small() {
            return Context::TooSmall;
        }
        if self.help {
            return Context::Help;
        }
        self.context_below_help()
    }

    /// The context the help overlay describes: where keys go once it is closed.
    pub fn context_below_help(&self) -> super::keys::Context {
        use super::keys::Context;
        if let Some(d) = &self.dialog {
            return match d {
                Dialog::Recover { .. } => Context::Recover,
                Dialog::ChangedOnDisk(_) => Context::ChangedOnDisk,
                Dialog::ConfirmQuitUnkept { .. } => Context::QuitUnkept,
                Dialog::LockHeld { .. } => Context::LockHeld,
                _ if d.is_question() => Context::Confirm,
                Dialog::NewReport { .. } => Context::NewReport,
                Dialog::OpenFile(_) => Context::OpenFile,
                _ => Context::Dialog,
            };
        }
        if self.screen == Screen::Start {
            return Context::Start;
        }
        match self.current_page() {
            Some(Page::Meta) => Context::Form,
            Some(Page::Section(_)) => match self.section(self.pages[self.page]).map(|s| s.kind) {
                Some(SectionKind::Prose) if self.last_text.shown => Context::ProseLast,
                Some(SectionKind::Prose) => Context::Prose,
                _ if self.cell.is_some() => Context::Cell,
                _ => Context::Table,
            },
            Some(Page::Review) => Context::Review,
            Some(Page::Export) | None => Context::Export,
        }
    }

    /// Whether a table carries the balance line (table 三): a question the view and the mouse
    /// both ask of the state.
    pub fn is_balanced(&self, table: &crate::template::Table) -> bool {
        self.doc
            .as_ref()
            .is_some_and(|d| d.template.checks.balance.table == table.key)
    }

    /// How far a page has come.
    pub fn page_state(&self, page: Page) -> PageState {
        let Some(doc) = &self.doc else {
            return PageState::NotReady;
        };
        let outcome = &doc.outcome;
        let summarize = |section: &str| {
            let mut errors = 0;
            let mut warnings = 0;
            let mut blanks = 0;
            // Each wrong cell once, as the section's panel lists it.
            let shown = outcome
                .findings
                .iter()
                .filter(|f| match section {
                    "report" => on_meta_page(f),
                    _ => f.section == section,
                })
                .filter(|f| doc.shows(f));
            for f in shown {
                match f.severity {
                    Severity::Error => errors += 1,
                    Severity::Warning if f.code == codes::BLANK => blanks += 1,
                    Severity::Warning if f.acknowledged.is_none() => warnings += 1,
                    _ => {}
                }
            }
            (errors, warnings, blanks)
        };
        let state = |(e, w, b): (usize, usize, usize)| {
            if e > 0 {
                PageState::Errors(e)
            } else if w > 0 {
                PageState::Warnings(w)
            } else if b > 0 {
                PageState::Blanks(b)
            } else {
                PageState::Complete
            }
        };
        match page {
            Page::Meta => {
                let (e, w, b) = summarize("report");
                let blank_fees = crate::check::fees_left_blank(doc.template, &doc.draft).len();
                state((e, w, b + blank_fees))
            }
            Page::Section(i) => state(summarize(&doc.template.sections[i].key)),
            Page::Review => {
                let s = doc.shown_summary();
                state((s.errors, s.warnings, s.blank))
            }
            Page::Export => {
                if outcome.is_finished() {
                    PageState::Ready
                } else {
                    PageState::NotReady
                }
            }
        }
    }

    /// Cells filled and all cells to fill, sections complete and all sections.
    pub fn progress(&self) -> Option<(usize, usize, usize, usize)> {
        let doc = self.doc.as_ref()?;
        let p = crate::library::progress_of(doc.template, &doc.draft, &doc.outcome);
        let sections: Vec<Page> = self
            .pages
            .iter()
            .copied()
            .filter(|p| matches!(p, Page::Meta | Page::Section(_)))
            .collect();
        let done = sections
            .iter()
            .filter(|p| self.page_state(**p) == PageState::Complete)
            .count();
        Some((p.filled, p.cells, done, sections.len()))
    }
}

/// Whether a command would change the draft (or save it) where it is pressed: refused while
/// viewing read-only, and so neither in the footer nor in the help there.
pub fn read_only_refuses(context: super::keys::Context, command: super::action::Command) -> bool {
    use super::action::Command as C;
    use super::keys::Context;
    match command {
        C::Save => true,
        // The 导出 page's fields are not the draft.
        _ if context == Context::Export => false,
        C::Backspace
        | C::Delete
        | C::Newline
        | C::FillZeros
        | C::CycleUnit
        | C::ImportLedger
        | C::ExternalEditor
        | C::InsertOutline
        | C::Acknowledge
        | C::Unacknowledge
        | C::Undo
        | C::Redo
        | C::Toggle => true,
        C::Enter => matches!(context, Context::Table | Context::Cell),
        _ => false,
    }
}

/// Whether 基本信息 lists a finding: its own, and those about the fee figures it holds (whose
/// section is 六, where the prose may state the fees instead). Its count in the section list
/// is of the same findings.
pub fn on_meta_page(f: &Finding) -> bool {
    f.section == "report" || f.cell.as_deref().is_some_and(|c| c.starts_with("fees."))
}

/// The pages of a draft: 基本信息, each section, 检查, 导出.
pub fn pages(template: &Template) -> Vec<Page> {
    let mut out = vec![Page::Meta];
    out.extend((0..template.sections.len()).map(Page::Section));
    out.push(Page::Review);
    out.push(Page::Export);
    out
}
