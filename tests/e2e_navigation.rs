//! End to end at 80×24, in both keymaps and both languages: the list in
//! pinyin order, a filter shown as a chip that Esc clears, a report opened,
//! a jump from a finding to its cell and back with Ctrl-o, a search and a
//! narrowed findings list, and the voucher lookup finding `519` and
//! `数据局 软件`.

mod common;

use common::Tmux;

/// The words each language shows for what the test waits on.
struct Words {
    lang: &'static str,
    filter_chip: &'static str,
    one_of_seven: &'static str,
    seven: &'static str,
    findings_footer: &'static str,
    other_footer: &'static str,
    find_chip: &'static str,
    shown_chip: &'static str,
    lookup_hits: &'static str,
}

const ZH: Words = Words {
    lang: "zh",
    filter_chip: "[筛选: 数据局 ✕ Esc]",
    one_of_seven: "1/7 份报告",
    seven: "7 份报告",
    findings_footer: "+ 确认",
    other_footer: "a 批注",
    find_chip: "[查找: 软件",
    shown_chip: "[显示: 未决定 ✕ Esc]",
    lookup_hits: "3 条",
};

const EN: Words = Words {
    lang: "en",
    filter_chip: "[filter: 数据局 ✕ Esc]",
    one_of_seven: "1/7 reports",
    seven: "7 reports",
    findings_footer: "+ confirm",
    other_footer: "a note",
    find_chip: "[find: 软件",
    shown_chip: "[show: undecided ✕ Esc]",
    lookup_hits: "3 hits",
};

fn drive(keymap: &str, w: &Words) {
    let data = tempfile::tempdir().unwrap();
    let t = Tmux::new(&format!("fuhe-nav-{keymap}-{}", w.lang));
    let cmd = format!(
        "FUHE_DATA_DIR='{}' FUHE_CONFIG_DIR='{}' LANG=C.UTF-8 '{}' --keymap {keymap} --lang {}",
        data.path().display(),
        data.path().display(),
        env!("CARGO_BIN_EXE_fuhe"),
        w.lang
    );
    t.run(&["new-session", "-d", "-s", "fuhe", "-x", "80", "-y", "24", &cmd]);

    // Departments in pinyin order: 交通 教育 民政 农业 数据 卫生 自然.
    let list = t.wait_until("every report read", |s| {
        ["交通", "教育", "民政", "农业", "数据", "卫生", "自然"]
            .iter()
            .all(|n| s.contains(n))
    });
    let order: Vec<usize> = ["交通", "教育", "民政", "农业", "数据", "卫生", "自然"]
        .iter()
        .map(|n| list.find(n).unwrap_or_else(|| panic!("{n} missing:\n{list}")))
        .collect();
    assert!(order.windows(2).all(|p| p[0] < p[1]), "pinyin order:\n{list}");

    // A filter shows as a chip and in the count; Esc clears it.
    t.text("/");
    t.text("数据局");
    t.keys(&["Enter"]);
    t.wait_until("the filter chip and count", |s| {
        s.contains(w.filter_chip) && s.contains(w.one_of_seven)
    });
    t.keys(&["Escape"]);
    t.wait_until("the filter cleared", |s| {
        !s.contains(w.filter_chip) && s.contains(w.seven)
    });

    // Open the data bureau: filter again, open, go to the findings.
    t.text("/");
    t.text("数据局");
    t.keys(&["Enter"]);
    t.wait_for(w.filter_chip);
    t.keys(&["Enter"]);
    t.wait_for("linxiang-data-bureau-2024");
    t.text("5");
    t.wait_for(w.findings_footer);
    // Jump from a finding to its cell, and back with Ctrl-o.
    t.keys(&["Down", "Enter"]);
    t.wait_for(w.other_footer);
    t.keys(&["C-o"]);
    t.wait_for(w.findings_footer);

    // Search the findings; Esc clears the search, not the report.
    t.text("/");
    t.text("软件");
    t.keys(&["Enter"]);
    t.wait_for(w.find_chip);
    t.keys(&["Escape"]);
    t.wait_until("the search cleared, still in the report", |s| {
        !s.contains(w.find_chip) && s.contains("linxiang-data-bureau-2024")
    });
    // Only the undecided findings; Esc shows all again.
    t.text("f");
    t.wait_for(w.shown_chip);
    t.keys(&["Escape"]);
    t.wait_without(w.shown_chip);

    // The voucher lookup: digits alone, and names in any order.
    t.text("v");
    t.wait_for("5-19");
    t.text("519");
    let found = t.wait_for(w.lookup_hits);
    assert_eq!(found.matches("5月19#").count(), 3, "{found}");
    t.keys(&["C-u"]);
    t.text("数据局 软件");
    t.wait_for("软件平台系统维护更新支出");
    t.keys(&["Escape"]);
    t.wait_without("5-19");
    t.keys(&["Escape"]);
    t.wait_for(w.seven);
    t.keys(&["q"]);
    assert!(t.wait_gone(), "fuhe quit");
}

#[test]
fn navigation_default_keymap_chinese() {
    drive("default", &ZH);
}

#[test]
fn navigation_vim_keymap_english() {
    drive("vim", &EN);
}

#[test]
fn navigation_vim_keymap_chinese() {
    drive("vim", &ZH);
}

#[test]
fn navigation_default_keymap_english() {
    drive("default", &EN);
}
