//! Driving the real binary in tmux, shared by the end-to-end tests.
#![allow(dead_code)]

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A private tmux server (its own socket) with one session named "fuhe".
pub struct Tmux {
    pub socket: String,
}

impl Tmux {
    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs (install it: apt-get install tmux)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
    pub fn keys(&self, keys: &[&str]) {
        let mut a = vec!["send-keys", "-t", "fuhe"];
        a.extend_from_slice(keys);
        self.run(&a);
    }
    pub fn text(&self, s: &str) {
        self.run(&["send-keys", "-t", "fuhe", "-l", s]);
    }
    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "fuhe"])
    }
    /// Waits until the screen shows `what` (the program answers keys
    /// asynchronously), returning the screen. Fails the test, naming what it
    /// waited for and showing the screen it saw, when it does not come: a
    /// wait that times out silently only moves the failure far from its cause.
    pub fn wait_for(&self, what: &str) -> String {
        self.wait_until(&format!("the screen to show {what:?}"), |s| s.contains(what))
    }

    /// Waits until the screen no longer shows `what` (a popup closed).
    pub fn wait_without(&self, what: &str) -> String {
        self.wait_until(&format!("{what:?} to leave the screen"), |s| !s.contains(what))
    }

    /// Waits for a condition on the screen; no fixed sleeps, so a busy
    /// machine only makes the test slower, never wrong.
    pub fn wait_until(&self, expected: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            if start.elapsed() > timeout() {
                panic!("waited {:?} for {expected}; the screen was:\n{s}", start.elapsed());
            }
            sleep(Duration::from_millis(50));
        }
    }
}

/// Long enough for a loaded CI machine; `FUHE_E2E_TIMEOUT` (seconds) sets it.
fn timeout() -> Duration {
    let secs = std::env::var("FUHE_E2E_TIMEOUT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(60);
    Duration::from_secs(secs)
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

impl Tmux {
    pub fn new(name: &str) -> Tmux {
        Tmux {
            socket: format!("{name}-{}", std::process::id()),
        }
    }

    /// Waits for the session to end (the program quit); fails the test with
    /// the last screen when it does not.
    pub fn wait_gone(&self) -> bool {
        let start = Instant::now();
        let mut last = String::new();
        while !self.run(&["list-sessions"]).is_empty() {
            if start.elapsed() > timeout() {
                panic!("waited {:?} for fuhe to quit; the screen was:\n{last}", start.elapsed());
            }
            last = self.screen();
            sleep(Duration::from_millis(50));
        }
        true
    }
}
