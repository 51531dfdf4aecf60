//! A review writer killed (SIGKILL) between writing its temporary file and
//! the rename leaves the old review intact and loadable.

use fuhe::review::store::{OnDisk, Store, read, review_path};
use fuhe::review::{Annotation, Change, Review, now};
use std::path::Path;
use std::time::{Duration, Instant};

fn noted(text: &str) -> Review {
    let mut r = Review::new("r", "reports/r.json", "abc", "张三");
    let a = Annotation {
        target: "report".into(),
        text: text.into(),
        author: "张三".into(),
        time: now(),
    };
    r.apply(
        &Change::Annotation {
            target: "report".into(),
            old: None,
            new: Some(a),
        },
        "张三",
    );
    r
}

/// Run only as the child of the test below: writes, and hangs before the rename.
#[test]
fn child_writer() {
    let Ok(dir) = std::env::var("FUHE_KILL_TEST_DIR") else {
        return;
    };
    let dir = Path::new(&dir);
    let (mut store, _) = Store::open(review_path(dir, "r"));
    let marker = dir.join("temp-written");
    let _ = store.save_with(&noted("new"), || {
        std::fs::write(&marker, "")?;
        std::thread::sleep(Duration::from_secs(60));
        Ok(())
    });
}

#[test]
fn a_killed_writer_leaves_the_old_review() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_path(dir.path(), "r");
    let (mut store, _) = Store::open(path.clone());
    let old = noted("old");
    store.save(&old).unwrap();
    let before = std::fs::read(&path).unwrap();

    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["child_writer", "--exact", "--nocapture"])
        .env("FUHE_KILL_TEST_DIR", dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !dir.path().join("temp-written").exists() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the child never wrote its temp file"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    assert_eq!(std::fs::read(&path).unwrap(), before, "the old review is intact");
    assert_eq!(read(&path).0, OnDisk::Valid(Box::new(old)));
    // The killed writer's temporary file is hidden and never taken for a review.
    let leftovers: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.iter().all(|n| n.starts_with('.')), "{leftovers:?}");
}

/// Run only as the child of the test below: takes the lock and hangs.
#[test]
fn child_lock_holder() {
    let Ok(dir) = std::env::var("FUHE_LOCK_TEST_DIR") else {
        return;
    };
    let dir = Path::new(&dir);
    let _lock = fuhe::review::lock::acquire(&fuhe::review::lock::lock_path(dir, "r"), "被杀的会话").unwrap();
    std::fs::write(dir.join("locked"), "").unwrap();
    std::thread::sleep(Duration::from_secs(60));
}

#[test]
fn a_killed_holder_lets_go_at_once() {
    use fuhe::review::lock::{LockError, acquire, lock_path};
    let dir = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["child_lock_holder", "--exact", "--nocapture"])
        .env("FUHE_LOCK_TEST_DIR", dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !dir.path().join("locked").exists() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the child never took the lock"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let path = lock_path(dir.path(), "r");
    match acquire(&path, "张三") {
        Err(LockError::Held(h)) => assert_eq!(h.reviewer, "被杀的会话"),
        other => panic!("a live holder keeps it: {other:?}"),
    }
    child.kill().unwrap();
    child.wait().unwrap();
    // No waiting for a timeout: the process is gone, so is its lock.
    let lock = acquire(&path, "张三").expect("taken at once");
    assert_eq!(lock.took_over.as_ref().map(|h| h.reviewer.as_str()), Some("被杀的会话"));
}
