//! End to end: the real binary in tmux, driven by keys as a person would,
//! reading the screen with capture-pane.

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs (install it: apt-get install tmux)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
    fn keys(&self, keys: &[&str]) {
        let mut a = vec!["send-keys", "-t", "fuhe"];
        a.extend_from_slice(keys);
        self.run(&a);
    }
    fn text(&self, s: &str) {
        self.run(&["send-keys", "-t", "fuhe", "-l", s]);
    }
    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "fuhe"])
    }
    /// Waits until the screen shows `what` (the program answers keys
    /// asynchronously), returning the screen.
    fn wait_for(&self, what: &str) -> String {
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

#[test]
fn open_funds_and_look_up_a_voucher_in_tmux() {
    let data = tempfile::tempdir().unwrap();
    let t = Tmux {
        socket: format!("fuhe-test-{}", std::process::id()),
    };
    let bin = env!("CARGO_BIN_EXE_fuhe");
    let cmd = format!(
        "FUHE_DATA_DIR='{}' FUHE_CONFIG_DIR='{}' LANG=zh_CN.UTF-8 '{}' --keymap default",
        data.path().display(),
        data.path().display(),
        bin
    );
    t.run(&["new-session", "-d", "-s", "fuhe", "-x", "100", "-y", "30", &cmd]);
    let list = t.wait_for("临湘市数据局");
    assert!(list.contains("内置示例"), "the bundled samples open: {list}");

    // Filter the list to the sample submission, open it, go to the funds.
    t.text("/数据局");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("概况");
    t.text("1");
    let funds = t.wait_for("项目资金");
    let row = funds
        .lines()
        .find(|l| l.contains("1049") && l.contains("1281.79"))
        .unwrap_or_else(|| panic!("1049 and 1281.79 side by side:\n{funds}"));
    assert!(row.contains("+232.79") && row.contains("+22.2%"), "{row}");
    assert!(row.find("1049") < row.find("1281.79"), "planned before arrived: {row}");

    // Voucher lookup for 5月19: every expense line that holds it.
    t.text("v");
    t.wait_for("查凭证号");
    t.text("5月19");
    let lookup = t.wait_for("软件平台系统维护更新支出");
    for line in [
        "智慧大厅政务服务工作经费费支出",
        "智慧政务大厅信息硬件运维经费支出",
        "软件平台系统维护更新支出",
    ] {
        assert!(
            lookup
                .lines()
                .any(|l| l.contains("5月19#") && l.contains(line) && l.contains("×3")),
            "{line}:\n{lookup}"
        );
    }
    // Enter jumps to the line, Esc goes back, q quits and the terminal is restored.
    t.keys(&["Down", "Enter"]);
    let expenses = t.wait_for("支出明细：");
    assert!(expenses.contains("智慧政务大厅信息硬件运维经费支出"), "{expenses}");
    t.keys(&["Escape"]);
    t.wait_for("年度");
    t.keys(&["q"]);
    let start = Instant::now();
    while !t.run(&["list-sessions"]).is_empty() && start.elapsed() < Duration::from_secs(5) {
        sleep(Duration::from_millis(100));
    }
    assert!(t.run(&["list-sessions"]).is_empty(), "fuhe quit and the session ended");
    assert!(
        Path::new(
            &data
                .path()
                .join("sample-workspace/reports/linxiang-data-bureau-2024.json")
        )
        .exists()
    );
}
