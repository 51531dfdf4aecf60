//! End to end: the real binary in tmux, driven by keys as a person would,
//! reading the screen with capture-pane.

mod common;

use common::Tmux;
use std::path::Path;

#[test]
fn open_funds_and_look_up_a_voucher_in_tmux() {
    let data = tempfile::tempdir().unwrap();
    let t = Tmux::new("fuhe-test");
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
    t.text("/");
    t.wait_for("筛选:");
    t.text("数据局");
    t.keys(&["Enter"]);
    // The filter in force shows as a chip, and in the count.
    t.wait_until("the filter to close on one report, shown as a chip", |s| {
        s.contains("[筛选: 数据局 ✕ Esc]") && s.contains("1/7 份报告") && s.contains("临湘市数据局")
    });
    t.keys(&["Enter"]);
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
    t.wait_without("概况");
    t.keys(&["q"]);
    assert!(t.wait_gone(), "fuhe quit and the session ended");
    assert!(
        Path::new(
            &data
                .path()
                .join("sample-workspace/reports/linxiang-data-bureau-2024.json")
        )
        .exists()
    );
}

/// An interface killed outright (as the kernel does when a memory cap is
/// reached) cannot restore the terminal itself: the process watching it
/// does, and says what happened.
#[test]
fn a_killed_interface_leaves_the_terminal_restored() {
    let data = tempfile::tempdir().unwrap();
    let t = Tmux::new("fuhe-killed");
    let bin = env!("CARGO_BIN_EXE_fuhe");
    let cmd = format!(
        "FUHE_DATA_DIR='{}' FUHE_CONFIG_DIR='{}' '{}' --keymap default",
        data.path().display(),
        data.path().display(),
        bin
    );
    t.run(&["new-session", "-d", "-s", "fuhe", "-x", "100", "-y", "30", &cmd]);
    t.run(&["set-option", "-t", "fuhe", "remain-on-exit", "on"]);
    t.wait_for("临湘市数据局");
    // The interface is the process started with FUHE_WATCHED; kill it.
    let pane = t.run(&["display-message", "-p", "-t", "fuhe", "#{pane_pid}"]);
    let mut interface = None;
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let environ = std::fs::read(e.path().join("environ")).unwrap_or_default();
        let env = String::from_utf8_lossy(&environ);
        if env.contains("FUHE_WATCHED=1") && env.contains(&data.path().display().to_string()) {
            interface = e.file_name().to_str().and_then(|p| p.parse::<u32>().ok());
        }
    }
    let pid = interface.unwrap_or_else(|| panic!("the interface process under pane {pane}"));
    std::process::Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap();
    t.wait_for("restored");
    // The message may have scrolled: read the pane's history too.
    let screen = t.run(&["capture-pane", "-p", "-J", "-S", "-100", "-t", "fuhe"]);
    let text: String = screen.lines().map(str::trim_end).collect();
    assert!(
        text.contains("signal 9") && text.contains("the terminal is restored"),
        "{screen}"
    );
}
