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
    /// asynchronously), returning the screen.
    pub fn wait_for(&self, what: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(what) || start.elapsed() > Duration::from_secs(10) {
                return s;
            }
            sleep(Duration::from_millis(100));
        }
    }
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

    /// Waits up to 5 s for the session to end (the program quit).
    pub fn wait_gone(&self) -> bool {
        let start = Instant::now();
        while !self.run(&["list-sessions"]).is_empty() && start.elapsed() < Duration::from_secs(5) {
            sleep(Duration::from_millis(100));
        }
        self.run(&["list-sessions"]).is_empty()
    }
}
