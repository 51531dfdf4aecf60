//! End to end in tmux: annotate a cell, dismiss a finding, change a score,
//! write the opinion, quit — and find all of it in the review file and in
//! `fuhe export`.

mod common;

use common::Tmux;
use std::process::Command;

#[test]
fn review_in_tmux_then_export() {
    let ws = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(ws.path().join("reports")).unwrap();
    std::fs::copy(
        "sample-data/reports/linxiang-data-bureau-2024.json",
        ws.path().join("reports/linxiang-data-bureau-2024.json"),
    )
    .unwrap();
    let bin = env!("CARGO_BIN_EXE_fuhe");
    let t = Tmux::new("fuhe-review");
    let cmd = format!(
        "FUHE_CONFIG_DIR='{}' LANG=zh_CN.UTF-8 '{}' '{}' --reviewer 王审核",
        ws.path().display(),
        bin,
        ws.path().display()
    );
    t.run(&["new-session", "-d", "-s", "fuhe", "-x", "110", "-y", "32", &cmd]);
    t.wait_for("临湘市数据局");
    t.keys(&["Enter"]);
    t.wait_for("概况");

    // Annotate the arrived-funds cell on the funds tab.
    t.text("1");
    t.wait_for("项目资金");
    t.text("a");
    t.wait_for("批注");
    t.text("到位资金比计划多232.79万元，需核实追加文件");
    t.keys(&["C-s"]);
    t.wait_for("已保存");
    t.wait_without("Ctrl-s 保存");

    // Dismiss the first finding with a reason.
    t.text("5");
    t.wait_for("错误 (");
    t.text("-");
    t.wait_for("不采纳");
    t.text("资金来源表述为笔误");
    t.keys(&["Enter"]);
    t.wait_for("×");
    t.wait_without("理由（必填）");

    // Change the project's budget-execution score.
    t.text("s");
    t.wait_for("复核评分");
    t.keys(&["Tab"]);
    t.wait_for("复核评分：项目1");
    t.keys(&["Enter"]);
    t.wait_for("复核分");
    t.keys(&["C-u"]);
    t.text("8");
    t.keys(&["Tab"]);
    t.text("到位超计划22.2%");
    t.keys(&["Enter"]);
    t.wait_for("到位超计划");
    t.wait_without("理由（与建议不同时必填）");
    // Esc and the next key in one write, as they arrive over SSH: both act.
    t.keys(&["Escape", "o"]);
    t.wait_for("财政部门归口业务科室意见");
    t.keys(&["Down", "Down", "Down", "Enter", "Down", "Enter"]);
    t.wait_for("Enter 换行");
    t.text("自评打分明显偏高，退回修改。");
    t.keys(&["C-s"]);
    t.wait_for("退回修改。");
    t.wait_without("Enter 换行");
    t.keys(&["Escape"]);
    t.wait_without("财政部门归口业务科室意见");
    t.keys(&["Escape"]);
    t.wait_for("份报告");
    t.keys(&["q"]);
    assert!(t.wait_gone(), "fuhe quit");

    let review: serde_json::Value = serde_json::from_slice(
        &std::fs::read(ws.path().join("reviews/linxiang-data-bureau-2024.review.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(review["reviewer"], "王审核");
    assert_eq!(
        review["annotations"][0]["target"],
        "project_forms[0].funds.arrived.total"
    );
    assert_eq!(
        review["annotations"][0]["text"],
        "到位资金比计划多232.79万元，需核实追加文件"
    );
    assert_eq!(review["flag_decisions"][0]["decision"], "dismissed");
    assert_eq!(review["flag_decisions"][0]["reason"], "资金来源表述为笔误");
    assert_eq!(review["scores"][0]["item"], "project_forms[0]#budget_execution");
    assert_eq!(review["scores"][0]["score"], "8");
    assert_eq!(review["opinion"]["conclusion"], "returned");
    assert_eq!(review["opinion"]["text"], "自评打分明显偏高，退回修改。");
    assert!(review["history"].as_array().unwrap().len() >= 5);
    assert!(
        !ws.path().join("reviews/linxiang-data-bureau-2024.lock").exists(),
        "the lock is released on quit"
    );

    let out = Command::new(bin)
        .args(["export", "linxiang-data-bureau-2024", "--workspace"])
        .arg(ws.path())
        .args(["--format", "md"])
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&out.stdout);
    for want in [
        "到位资金比计划多232.79万元",
        "资金来源表述为笔误",
        "不采纳",
        "到位超计划22.2%",
        "退回修改",
        "自评打分明显偏高",
        "王审核",
    ] {
        assert!(md.contains(want), "{want} missing from the export:\n{md}");
    }
    let html = Command::new(bin)
        .args(["export", "linxiang-data-bureau-2024", "--workspace"])
        .arg(ws.path())
        .args(["--format", "html"])
        .output()
        .unwrap();
    let html = String::from_utf8_lossy(&html.stdout);
    assert!(html.contains("size: A4") && html.contains("<table>") && html.contains("退回修改"));
}
