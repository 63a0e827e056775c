//! Autosave: the draft being edited goes to its recovery file (never over the draft) within a
//! second of a change, and at least every 200 changes; a clean save removes the file again.
//!
//! The files are written by a thread of its own, newest state first and older ones dropped,
//! so a slow or stuck disk never holds up typing. Everything that touches recovery files while
//! the editor runs goes through that one thread, in order, so an older state can never land
//! over a newer one. For a crash, the last state that was drawn without fault is kept here.

use super::app::{App, Dialog, Doc};
use crate::recovery::Store;
use crate::report::Draft;
use crate::template::Template;
use std::io;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// How long after the first change not yet on disk the recovery file is written.
pub const DELAY: Duration = Duration::from_secs(1);
/// The most changes that wait for [`DELAY`].
pub const MAX_CHANGES: usize = 200;

/// When to write, from the changes seen: no clock of its own, so it can be tested.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Schedule {
    changes: usize,
    first: Option<Instant>,
}

impl Schedule {
    /// `n` changes were made at `now`.
    pub fn changed(&mut self, n: usize, now: Instant) {
        if n > 0 {
            self.changes += n;
            self.first.get_or_insert(now);
        }
    }

    /// Whether the recovery file should be written now.
    pub fn due(&self, now: Instant) -> bool {
        self.changes >= MAX_CHANGES || self.deadline().is_some_and(|d| now >= d)
    }

    /// When it will be due, if anything waits.
    pub fn deadline(&self) -> Option<Instant> {
        self.first.map(|t| t + DELAY)
    }

    /// Everything seen is written (or nothing needs writing).
    pub fn clear(&mut self) {
        *self = Schedule::default();
    }
}

/// Something for the writer to do.
#[derive(Debug)]
pub enum Job {
    Write {
        draft_path: PathBuf,
        template: &'static Template,
        draft: Box<Draft>,
    },
    /// The draft is saved: its recovery file goes, and those its work was restored from.
    Discard {
        draft_path: PathBuf,
        restored_from: Vec<PathBuf>,
    },
}

fn carry_out(store: &Store, job: &Job) -> io::Result<Option<PathBuf>> {
    match job {
        Job::Write {
            draft_path,
            template,
            draft,
        } => store.write(draft_path, template, draft).map(Some),
        Job::Discard {
            draft_path,
            restored_from,
        } => {
            store.discard(draft_path);
            for recovery in restored_from {
                store.remove(recovery);
            }
            Ok(None)
        }
    }
}

#[derive(Default)]
struct State {
    /// The newest job not yet started, and its number.
    job: Option<(u64, Job)>,
    /// The number the next job gets.
    next: u64,
    /// The number of the last job finished.
    done: u64,
    /// The outcome of the last job, until it is read.
    result: Option<io::Result<Option<PathBuf>>>,
    busy: bool,
}

struct Shared {
    state: Mutex<State>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A poisoned lock only means a job panicked; the state itself stays usable.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The thread that writes recovery files.
pub struct Writer {
    shared: Arc<Shared>,
    store: Store,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Writer {
    pub fn new(store: Store) -> Writer {
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                next: 1,
                ..State::default()
            }),
            changed: Condvar::new(),
        });
        let thread = {
            let shared = Arc::clone(&shared);
            let store = store.clone();
            std::thread::Builder::new()
                .name("autosave".into())
                .spawn(move || work(&shared, &store))
                .ok()
        };
        Writer {
            shared,
            store,
            thread,
        }
    }

    fn alive(&self) -> bool {
        self.thread.as_ref().is_some_and(|t| !t.is_finished())
    }

    /// Hands a job to the writer, replacing any job not yet started; returns its number.
    pub fn submit(&self, job: Job) -> u64 {
        let mut state = self.shared.lock();
        let id = state.next;
        state.next += 1;
        state.job = Some((id, job));
        self.shared.changed.notify_all();
        id
    }

    /// Carries out a job and waits for it (up to `timeout`): for signals, quitting, crashes.
    pub fn flush(&self, job: Job, timeout: Duration) -> io::Result<Option<PathBuf>> {
        if !self.alive() {
            // No thread (it could not start, or died): write here.
            return carry_out(&self.store, &job);
        }
        let id = self.submit(job);
        let start = Instant::now();
        let mut state = self.shared.lock();
        while state.done < id {
            let left = timeout.saturating_sub(start.elapsed());
            if left.is_zero() {
                return Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "the recovery file was not written in time",
                ));
            }
            state = self
                .shared
                .changed
                .wait_timeout(state, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        state.result.take().unwrap_or(Ok(None))
    }

    /// The outcome of the last job finished, once.
    pub fn take_result(&self) -> Option<io::Result<Option<PathBuf>>> {
        self.shared.lock().result.take()
    }

    /// Waits (up to `timeout`) until no job is left.
    pub fn wait_idle(&self, timeout: Duration) {
        let start = Instant::now();
        let mut state = self.shared.lock();
        while (state.job.is_some() || state.busy) && self.alive() {
            let left = timeout.saturating_sub(start.elapsed());
            if left.is_zero() {
                return;
            }
            state = self
                .shared
                .changed
                .wait_timeout(state, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }
}

fn work(shared: &Shared, store: &Store) {
    let mut state = shared.lock();
    loop {
        let Some((id, job)) = state.job.take() else {
            state = shared
                .changed
                .wait(state)
                .unwrap_or_else(|e| e.into_inner());
            continue;
        };
        state.busy = true;
        drop(state);
        let result = std::panic::catch_unwind(|| carry_out(store, &job))
            .unwrap_or_else(|_| Err(io::Error::other("internal error in autosave")));
        state = shared.lock();
        state.busy = false;
        state.done = id;
        state.result = Some(result);
        shared.changed.notify_all();
    }
}

/// The state kept for a crash: the last one drawn without fault.
struct Good {
    path: PathBuf,
    template: &'static Template,
    draft: Draft,
    revision: u64,
    dirty: bool,
}

/// Watches the editor between frames and keeps its work: autosave, removal after a clean save,
/// the last good state.
pub struct Keeper {
    writer: Writer,
    schedule: Schedule,
    /// The draft last looked at and its revision.
    seen: Option<(PathBuf, u64)>,
    /// Whether it had unsaved changes then.
    dirty: bool,
    good: Option<Good>,
}

/// The draft whose work is kept: one being edited, not viewed read-only, and with no
/// unanswered recovery offer on it (that file must stay as it is until the officer decides).
fn kept(app: &App) -> Option<&Doc> {
    let doc = app.doc.as_ref()?;
    let offer_open = matches!(app.dialog, Some(Dialog::Recover { .. }));
    (!doc.is_read_only() && !offer_open).then_some(doc)
}

fn write_job(doc: &Doc) -> Job {
    Job::Write {
        draft_path: doc.path.clone(),
        template: doc.template,
        draft: Box::new(doc.draft.clone()),
    }
}

/// How long a signal, a quit or a crash waits for the recovery file.
const FLUSH_TIMEOUT: Duration = Duration::from_secs(5);

impl Keeper {
    pub fn new(store: Store) -> Keeper {
        Keeper {
            writer: Writer::new(store),
            schedule: Schedule::default(),
            seen: None,
            dirty: false,
            good: None,
        }
    }

    /// Looks at the editor after input was applied: counts changes, writes the recovery file
    /// when due, removes it once the draft is saved. Returns what to tell the editor about the
    /// last write, if anything new.
    pub fn observe(&mut self, app: &App, now: Instant) -> Option<Result<(), io::Error>> {
        match kept(app) {
            None => {
                self.schedule.clear();
                self.seen = None;
                self.dirty = false;
            }
            Some(doc) => {
                match &self.seen {
                    Some((path, revision)) if *path == doc.path => {
                        let n = doc.revision.saturating_sub(*revision);
                        self.schedule
                            .changed(usize::try_from(n).unwrap_or(usize::MAX), now);
                    }
                    // Another draft (or the first): what was on disk is its starting point.
                    _ => self.schedule.clear(),
                }
                self.seen = Some((doc.path.clone(), doc.revision));
                let dirty = doc.is_dirty();
                if !dirty {
                    if self.dirty {
                        // Saved (or undone back to the saved draft): nothing left to recover.
                        self.writer.submit(Job::Discard {
                            draft_path: doc.path.clone(),
                            restored_from: doc.restored_from.clone(),
                        });
                    }
                    self.schedule.clear();
                } else if self.schedule.due(now)
                    || (!self.dirty && self.schedule.deadline().is_none())
                {
                    // Due, or dirty without a change seen (restored work): write it.
                    self.writer.submit(write_job(doc));
                    self.schedule.clear();
                }
                self.dirty = dirty;
            }
        }
        self.writer.take_result().map(|r| r.map(|_| ()))
    }

    /// When the next write is due, if one waits.
    pub fn deadline(&self) -> Option<Instant> {
        self.schedule.deadline()
    }

    /// Writes now what waits (before the terminal is handed to another program).
    pub fn write_now(&mut self, app: &App) {
        if let Some(doc) = kept(app)
            && doc.is_dirty()
        {
            self.writer.submit(write_job(doc));
            self.schedule.clear();
        }
    }

    /// The state was drawn without fault: keep it for a crash.
    pub fn good(&mut self, app: &App) {
        let Some(doc) = kept(app) else {
            self.good = None;
            return;
        };
        let dirty = doc.is_dirty();
        let same = self
            .good
            .as_ref()
            .is_some_and(|g| g.path == doc.path && g.revision == doc.revision && g.dirty == dirty);
        if !same {
            self.good = Some(Good {
                path: doc.path.clone(),
                template: doc.template,
                draft: doc.draft.clone(),
                revision: doc.revision,
                dirty,
            });
        }
    }

    /// Writes the editor's unsaved work now and waits for it: on a signal, on quitting without
    /// saving, when the terminal is lost. `Ok(None)`: nothing was unsaved.
    pub fn flush(&mut self, app: &App) -> io::Result<Option<PathBuf>> {
        let Some(doc) = kept(app) else {
            self.writer.wait_idle(FLUSH_TIMEOUT);
            return Ok(None);
        };
        if !doc.is_dirty() {
            self.observe(app, Instant::now());
            self.writer.wait_idle(FLUSH_TIMEOUT);
            return Ok(None);
        }
        self.schedule.clear();
        self.writer.flush(write_job(doc), FLUSH_TIMEOUT)
    }

    /// After a crash: writes the last good state, if it had unsaved work.
    pub fn flush_good(&mut self) -> io::Result<Option<PathBuf>> {
        match self.good.take() {
            Some(g) if g.dirty => self.writer.flush(
                Job::Write {
                    draft_path: g.path,
                    template: g.template,
                    draft: Box::new(g.draft),
                },
                FLUSH_TIMEOUT,
            ),
            _ => {
                self.writer.wait_idle(FLUSH_TIMEOUT);
                Ok(None)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_due_a_second_later_and_not_before() {
        let t0 = Instant::now();
        let mut s = Schedule::default();
        assert!(!s.due(t0 + Duration::from_secs(60)), "nothing changed");
        s.changed(1, t0);
        s.changed(1, t0 + Duration::from_millis(900));
        assert!(!s.due(t0 + Duration::from_millis(999)));
        // Typing on does not put it off: the first change waits at most DELAY.
        assert!(s.due(t0 + DELAY));
        assert_eq!(s.deadline(), Some(t0 + DELAY));
        s.clear();
        assert!(!s.due(t0 + Duration::from_secs(60)));
    }

    #[test]
    fn two_hundred_changes_are_due_at_once() {
        let t0 = Instant::now();
        let mut s = Schedule::default();
        s.changed(MAX_CHANGES - 1, t0);
        assert!(!s.due(t0));
        s.changed(1, t0);
        assert!(s.due(t0));
    }

    #[test]
    fn the_writer_keeps_order_and_reports_failures() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store {
            folder: dir.path().join("recovery"),
        };
        let writer = Writer::new(store.clone());
        let template = Template::for_year(2024).unwrap();
        let draft_path = dir.path().join("a.toml");
        let mut draft = Draft::new(
            &template.id,
            "某局",
            2024,
            crate::report::AgencyKind::Department,
        );
        for n in 0..20 {
            draft.text.insert("other".into(), format!("第{n}稿"));
            writer.submit(Job::Write {
                draft_path: draft_path.clone(),
                template,
                draft: Box::new(draft.clone()),
            });
        }
        draft.text.insert("other".into(), "最后一稿".into());
        let written = writer
            .flush(
                Job::Write {
                    draft_path: draft_path.clone(),
                    template,
                    draft: Box::new(draft.clone()),
                },
                FLUSH_TIMEOUT,
            )
            .unwrap()
            .unwrap();
        let back = crate::report::load::load_file(&written).unwrap();
        assert_eq!(back.text("other"), "最后一稿", "the newest state wins");

        // A folder where the recovery file should be: the failure comes back, not a panic.
        let blocked = Store {
            folder: dir.path().join("blocked"),
        };
        std::fs::create_dir_all(blocked.path_for(&draft_path)).unwrap();
        let writer = Writer::new(blocked);
        let err = writer
            .flush(
                Job::Write {
                    draft_path,
                    template,
                    draft: Box::new(draft),
                },
                FLUSH_TIMEOUT,
            )
            .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::IsADirectory);
    }
}
