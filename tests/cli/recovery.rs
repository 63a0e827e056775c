//! Recovery files, backups and locks: the pieces that keep an officer's work.

use crate::common::*;
use gongkai::lock::{self, Acquired, LockError};
use gongkai::recovery::Store;
use gongkai::report::{Number, save};

fn store(dir: &std::path::Path) -> Store {
    Store {
        folder: dir.join("state/recovery"),
    }
}

#[test]
fn recovery_newer_than_the_draft_is_pending_until_discarded() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let draft_path = dir.path().join("a.toml");
    let saved = sample();
    save::save(&draft_path, template(&saved), &saved).unwrap();
    assert!(store.pending(&draft_path).is_none());

    // Typing goes on; the editor writes its state.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let mut typed = saved.clone();
    typed
        .cells
        .insert("requests.granted.business".into(), Number::Count(7));
    typed.text.insert("other".into(), "新写的一段话。".into());
    store.write(&draft_path, template(&typed), &typed).unwrap();

    let pending = store.pending(&draft_path).expect("newer recovery");
    assert_eq!(gongkai::recovery::read(&pending).unwrap(), typed);
    let all = store.all_pending();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].draft_path, std::path::absolute(&draft_path).unwrap());

    let diff = gongkai::recovery::differences(template(&saved), &saved, &typed);
    let keys: Vec<&str> = diff.iter().map(|d| d.key.as_str()).collect();
    assert_eq!(keys, ["text.other", "requests.granted.business"]);
    assert_eq!(diff[1].saved, "0");
    assert_eq!(diff[1].recovered, "7");

    store.discard(&draft_path);
    assert!(store.pending(&draft_path).is_none());
    assert!(store.all_pending().is_empty());
}

#[test]
fn a_clean_save_after_the_recovery_makes_it_stale() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let draft_path = dir.path().join("a.toml");
    let d = sample();
    store.write(&draft_path, template(&d), &d).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    save::save(&draft_path, template(&d), &d).unwrap();
    assert!(store.pending(&draft_path).is_none());
}

#[test]
fn drafts_of_the_same_name_in_different_folders_do_not_share_a_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let a = store.path_for(&dir.path().join("x/report.toml"));
    let b = store.path_for(&dir.path().join("y/report.toml"));
    assert_ne!(a, b);
    assert!(
        a.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("report-")
    );
}

#[test]
fn a_second_lock_names_the_holder_of_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("a.toml");
    let held = lock::acquire(&draft).unwrap();
    assert!(matches!(held, Acquired::Fresh(_)));
    match lock::acquire(&draft) {
        Err(LockError::Held(holder)) => assert_eq!(holder.pid, std::process::id()),
        other => panic!("{other:?}"),
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_refuses_the_lock_and_the_save_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("ro");
    std::fs::create_dir(&folder).unwrap();
    let draft_path = folder.join("a.toml");
    let d = sample();
    save::save(&draft_path, template(&d), &d).unwrap();
    let before = std::fs::read(&draft_path).unwrap();
    let Some(_guard) = read_only(&folder) else {
        eprintln!("no way to make a read-only folder here; skipped");
        return;
    };
    let mut changed = d.clone();
    changed.text.insert("other".into(), "改动".into());
    let err = save::save(&draft_path, template(&changed), &changed).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
        ),
        "{err:?}"
    );
    assert_eq!(std::fs::read(&draft_path).unwrap(), before);
    assert!(matches!(lock::acquire(&draft_path), Err(LockError::Io(_))));
}

// ------------------------------------------------------------ one lock per file, no links

#[cfg(unix)]
#[test]
fn a_symlinked_draft_shares_the_lock_of_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("a.toml");
    std::fs::write(&draft, "x").unwrap();
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    let link = other.join("link.toml");
    std::os::unix::fs::symlink(&draft, &link).unwrap();
    let _held = lock::acquire(&draft).unwrap();
    assert!(matches!(lock::acquire(&link), Err(LockError::Held(_))));
    let dotted = other.join("..").join("a.toml");
    assert!(matches!(lock::acquire(&dotted), Err(LockError::Held(_))));
}

#[cfg(unix)]
#[test]
fn a_hard_linked_draft_is_locked_under_every_name_and_says_so() {
    let home = tempfile::tempdir().unwrap();
    // The lock by inode lives in the state folder.
    if !with_own_home(
        "a_hard_linked_draft_is_locked_under_every_name_and_says_so",
        home.path(),
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("a.toml");
    std::fs::write(&draft, "x").unwrap();
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let second = elsewhere.join("b.toml");
    std::fs::hard_link(&draft, &second).unwrap();
    let held = lock::acquire(&draft).unwrap().into_lock();
    assert_eq!(held.hard_links, 2);
    assert!(matches!(lock::acquire(&second), Err(LockError::Held(_))));
    drop(held);
    assert!(lock::acquire(&second).is_ok());
}

/// Runs the test `name` of this module again in a process of its own whose state folder is in
/// `home` (`GONGKAI_HOME`), and waits for it to pass: the environment of this binary, which other
/// tests read, is never changed. True in that process, where the test goes on to do its work.
fn with_own_home(name: &str, home: &std::path::Path) -> bool {
    const OWN: &str = "GONGKAI_TEST_OWN_HOME";
    if std::env::var_os(OWN).is_some() {
        return true;
    }
    let module = module_path!().split_once("::").map_or("", |(_, m)| m);
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([&format!("{module}::{name}"), "--exact", "--test-threads=1"])
        .env(OWN, "1")
        .env("GONGKAI_HOME", home)
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success() && said.contains("1 passed"), "{said}");
    false
}

#[cfg(unix)]
#[test]
fn a_link_planted_at_the_lock_is_replaced_and_its_target_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let draft = dir.path().join("a.toml");
    std::fs::write(&draft, "x").unwrap();
    std::os::unix::fs::symlink(&victim, lock::lock_path(&draft)).unwrap();
    let held = lock::acquire(&draft).unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(
        !lock::lock_path(&draft)
            .symlink_metadata()
            .unwrap()
            .is_symlink()
    );
    drop(held);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_folder_at_the_lock_is_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("a.toml");
    std::fs::write(&draft, "x").unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(lock::lock_path(&draft))
        .status();
    if made.is_ok_and(|s| s.success()) {
        assert!(matches!(lock::acquire(&draft), Err(LockError::NotAFile(_))));
        std::fs::remove_file(lock::lock_path(&draft)).unwrap();
    }
    std::fs::create_dir(lock::lock_path(&draft)).unwrap();
    assert!(matches!(lock::acquire(&draft), Err(LockError::NotAFile(_))));
}

#[test]
fn the_lock_is_never_held_twice_while_holders_come_and_go() {
    let dir = tempfile::tempdir().unwrap();
    let draft = std::sync::Arc::new(dir.path().join("a.toml"));
    let holders = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let twice = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let (draft, holders, twice) = (draft.clone(), holders.clone(), twice.clone());
            std::thread::spawn(move || {
                for _ in 0..1000 {
                    if let Ok(held) = lock::acquire(&draft) {
                        if holders.fetch_add(1, std::sync::atomic::Ordering::SeqCst) > 0 {
                            twice.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        }
                        std::thread::yield_now();
                        holders.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                        drop(held);
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert_eq!(twice.load(std::sync::atomic::Ordering::SeqCst), 0);
}

#[cfg(unix)]
#[test]
fn recovery_files_and_their_folder_are_as_private_as_the_draft() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let draft_path = dir.path().join("a.toml");
    let d = sample();
    save::save(&draft_path, template(&d), &d).unwrap();
    std::fs::set_permissions(&draft_path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let written = store.write(&draft_path, template(&d), &d).unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&written), 0o600);
    assert_eq!(mode(&store.folder), 0o700);
    let _lock = lock::acquire(&draft_path).unwrap();
    assert_eq!(mode(&lock::lock_path(&draft_path)), 0o600);
}

#[test]
fn a_lock_that_names_nobody_is_not_called_process_0() {
    let holder = lock::Holder {
        pid: 0,
        host: String::new(),
        since: String::new(),
    };
    for lang in [gongkai::i18n::Lang::Zh, gongkai::i18n::Lang::En] {
        let lines = gongkai::i18n::tui::lock_held_lines(lang, &holder).join("\n");
        assert!(
            !lines.contains("进程 0") && !lines.contains("process 0"),
            "{lines}"
        );
        assert!(!lines.contains('?'), "{lines}");
    }
}
