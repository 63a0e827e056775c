//! Recovery files, backups and locks: the pieces that keep an officer's work.

mod common;

use common::*;
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
