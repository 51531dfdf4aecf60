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

/// Run only as a child of the test below: waits for the start signal,
/// then tries to take the lock and says how it went.
#[test]
fn child_racer() {
    let Ok(dir) = std::env::var("FUHE_RACE_DIR") else {
        return;
    };
    let dir = Path::new(&dir);
    while !dir.join("go").exists() {
        std::thread::sleep(Duration::from_millis(1));
    }
    let me = std::process::id();
    match fuhe::review::lock::acquire(&fuhe::review::lock::lock_path(dir, "r"), &format!("审核员{me}")) {
        Ok(_lock) => {
            std::fs::write(dir.join(format!("won-{me}")), "").unwrap();
            // Hold it until every racer has answered.
            while !dir.join("done").exists() {
                std::thread::sleep(Duration::from_millis(5));
            }
        }
        Err(fuhe::review::lock::LockError::Held(_)) => std::fs::write(dir.join(format!("held-{me}")), "").unwrap(),
        Err(e) => std::fs::write(dir.join(format!("error-{me}")), format!("{e:?}")).unwrap(),
    }
}

#[test]
fn of_many_sessions_opening_at_once_exactly_one_writes() {
    for round in 0..10 {
        let dir = tempfile::tempdir().unwrap();
        let n = 6;
        let mut children: Vec<_> = (0..n)
            .map(|_| {
                std::process::Command::new(std::env::current_exe().unwrap())
                    .args(["child_racer", "--exact", "--nocapture"])
                    .env("FUHE_RACE_DIR", dir.path())
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        std::fs::write(dir.path().join("go"), "").unwrap();
        let start = Instant::now();
        let answers = || {
            std::fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("won-") || n.starts_with("held-") || n.starts_with("error-"))
                .collect::<Vec<_>>()
        };
        while answers().len() < n {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "round {round}: {:?}",
                answers()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        std::fs::write(dir.path().join("done"), "").unwrap();
        for c in &mut children {
            c.wait().unwrap();
        }
        let a = answers();
        assert_eq!(
            a.iter().filter(|n| n.starts_with("won-")).count(),
            1,
            "round {round}: {a:?}"
        );
        assert!(!a.iter().any(|n| n.starts_with("error-")), "round {round}: {a:?}");
    }
}
