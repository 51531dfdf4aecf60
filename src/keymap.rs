//! Keymaps: named actions bound to keys per mode, loaded from JSON.
//!
//! The shipped maps (`keymaps/default.json`, `keymaps/vim.json`) are built
//! into the binary; a user's `keymap.json` in the config folder lists only
//! the keys it changes over the chosen base. A keymap with an unknown
//! action, a key name we cannot read, or two actions on one key in one mode
//! is refused with a message naming the file and the entry, and the
//! built-in default stays in force: a typo must never leave an auditor with
//! a screen they cannot leave.
//!
//! Keys here are terminal-agnostic; the terminal layer converts its events.

use serde::de::{Deserializer, MapAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

macro_rules! actions {
    (@short $lang:ident, $zh:literal, $en:literal) => { $lang.pick($zh, $en) };
    (@short $lang:ident, $zh:literal, $en:literal, $szh:literal, $sen:literal) => { $lang.pick($szh, $sen) };
    ($($name:ident = $id:literal, $zh:literal, $en:literal $(/ $szh:literal, $sen:literal)?;)*) => {
        /// Everything a key can do.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action { $($name),* }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$name),*];

            /// The action's name in keymap files.
            pub fn id(self) -> &'static str {
                match self { $(Action::$name => $id),* }
            }

            pub fn from_id(id: &str) -> Option<Action> {
                match id { $($id => Some(Action::$name),)* _ => None }
            }

            /// What the action does, for the help screen.
            pub fn describe(self, lang: crate::labels::Lang) -> &'static str {
                match self { $(Action::$name => lang.pick($zh, $en)),* }
            }

            /// Its word in the footer (after `/` in the table below), else
            /// what it does.
            pub fn short(self, lang: crate::labels::Lang) -> &'static str {
                match self { $(Action::$name => actions!(@short lang, $zh, $en $(, $szh, $sen)?)),* }
            }
        }
    };
}

// Each action: its id in keymap files, what it does (zh, en), and after
// `/` its word in the footer when it has one there.
actions! {
    Quit = "quit", "退出", "quit" / "退出", "quit";
    Help = "help", "帮助（全部按键）", "help: every key" / "帮助", "help";
    Back = "back", "返回 / 关闭", "back / close" / "返回", "back";
    VoucherLookup = "voucher_lookup", "查凭证号（全部报告）", "voucher lookup (all reports)" / "查凭证", "vouchers";
    Copy = "copy", "复制所选内容到剪贴板（OSC 52）", "copy the selection to the clipboard (OSC 52)" / "复制", "copy";
    NextRow = "next_row", "下一行", "next row";
    PrevRow = "prev_row", "上一行", "previous row";
    PageDown = "page_down", "下一页", "page down";
    PageUp = "page_up", "上一页", "page up";
    FirstRow = "first_row", "第一行", "first row";
    LastRow = "last_row", "最后一行", "last row";
    NextFlagged = "next_flagged", "下一个有问题的行", "next row with findings" / "下个问题", "next finding";
    PrevFlagged = "prev_flagged", "上一个有问题的行", "previous row with findings";
    Open = "open", "打开 / 跳转", "open / jump" / "打开", "open";
    Search = "search", "筛选报告列表（模糊匹配）；在报告中查找（n / N 到下一处 / 上一处）", "filter the list (fuzzy); find in a report (n / N: next / previous hit)" / "筛选", "filter";
    SortNext = "sort_next", "按光标所在列排序（再按：倒序）", "sort by the column under the cursor (again: reverse)" / "排序", "sort";
    ColumnLeft = "column_left", "列光标左移", "column cursor left";
    ColumnRight = "column_right", "列光标右移", "column cursor right" / "选列", "column";
    SortReverse = "sort_reverse", "倒序", "reverse the sort" / "倒序", "reverse";
    NextTab = "next_tab", "下一个标签页", "next tab" / "切换", "tab";
    PrevTab = "prev_tab", "上一个标签页", "previous tab";
    TabOverview = "tab_overview", "概况（得分、签字、基本情况）", "overview: scores, sign-offs, basic facts";
    TabFunds = "tab_funds", "资金（预算与实际）", "funds: budget beside actual";
    TabIndicators = "tab_indicators", "指标", "indicators";
    TabExpenses = "tab_expenses", "支出明细", "expense lines";
    TabNarrative = "tab_narrative", "综述", "narrative";
    TabFlags = "tab_flags", "问题清单", "findings";
    JumpToFlag = "jump_to_flag", "跳到所选问题指向的项目", "jump to the item the finding points at" / "跳转", "jump";
    TakeOverLock = "take_over_lock", "接管另一台主机上的锁（该会话已结束时；再按一次确认）", "take over another host's lock (when that session is gone; press again to confirm)" / "接管锁", "take over the lock";
    CycleShown = "cycle_shown", "问题清单：依次只显示未决定 / 已确认 / 不采纳 / 错误 / 全部", "findings: show undecided / confirmed / set aside / errors only / all in turn" / "显示", "show";
    JumpBack = "jump_back", "跳回上一处（跳转历史；没有时返回上一级）", "jump back (the jump list; up a level when empty)" / "跳回", "jump back";
    JumpForward = "jump_forward", "跳回后再向前", "jump forward again after jumping back";
    Annotate = "annotate", "批注所选项目", "annotate the selected item" / "批注", "note";
    ConfirmFlag = "confirm_flag", "确认所选问题", "confirm the selected finding" / "确认", "confirm";
    DismissFlag = "dismiss_flag", "不采纳所选问题（需说明理由）", "set the selected finding aside (with a reason)" / "不采纳", "set aside";
    Score = "score", "复核评分", "review scores" / "评分", "scores";
    Opinion = "opinion", "复核结论与意见、完成复核", "conclusion, opinion, mark the review done" / "意见", "opinion";
    Undo = "undo", "撤销", "undo" / "撤销", "undo";
    Redo = "redo", "重做", "redo";
    SaveText = "save_text", "保存所写文字", "save the text" / "保存", "save";
    NextField = "next_field", "下一个输入框", "next field";
    TakeSuggestion = "take_suggestion", "采用建议分", "take the suggested score" / "采用建议", "take suggestion";
    TakeAllSuggestions = "take_all_suggestions", "未评分项全部采用建议分", "take every suggestion not yet scored" / "全部采用", "take all";
    KeepMine = "keep_mine", "冲突：保留我的版本", "conflict: keep my version";
    TakeTheirs = "take_theirs", "冲突：采用对方版本", "conflict: take the other version";
    Merge = "merge", "冲突：合并批注、决定和评分", "conflict: merge notes, decisions and scores";
    Accept = "accept", "确定", "accept" / "确定", "accept";
    Cancel = "cancel", "取消", "cancel" / "取消", "cancel";
    ClearInput = "clear_input", "清空输入", "clear the input";
}

/// Where a key is pressed. `global` keys work in every mode that does not
/// bind the same key itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    Global,
    List,
    Report,
    Input,
    Help,
    Editor,
    Score,
    Opinion,
    Conflict,
    SaveFolder,
}

impl Mode {
    pub const ALL: &'static [Mode] = &[
        Mode::Global,
        Mode::List,
        Mode::Report,
        Mode::Input,
        Mode::Help,
        Mode::Editor,
        Mode::Score,
        Mode::Opinion,
        Mode::Conflict,
        Mode::SaveFolder,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Mode::Global => "global",
            Mode::List => "list",
            Mode::Report => "report",
            Mode::Input => "input",
            Mode::Help => "help",
            Mode::Editor => "editor",
            Mode::Score => "score",
            Mode::Opinion => "opinion",
            Mode::Conflict => "conflict",
            Mode::SaveFolder => "save_folder",
        }
    }

    fn from_id(s: &str) -> Option<Mode> {
        Mode::ALL.iter().copied().find(|m| m.id() == s)
    }

    pub fn describe(self, lang: crate::labels::Lang) -> &'static str {
        match self {
            Mode::Global => lang.t(&crate::labels::EVERYWHERE),
            Mode::List => lang.t(&crate::labels::REPORT_LIST),
            Mode::Report => lang.t(&crate::labels::REPORT),
            Mode::Input => lang.t(&crate::labels::INPUT_AND_POPUPS),
            Mode::Help => lang.t(&crate::labels::HELP),
            Mode::Editor => lang.t(&crate::labels::TEXT_EDITOR_NOTES_OPINION_REASONS),
            Mode::Score => lang.t(&crate::labels::SCORE_SHEET),
            Mode::Opinion => lang.t(&crate::labels::CONCLUSION_AND_OPINION),
            Mode::Conflict => lang.t(&crate::labels::SAVE_CONFLICT),
            Mode::SaveFolder => lang.t(&crate::labels::THE_WORKSPACE_CANNOT_BE_WRITTEN),
        }
    }

    /// Modes with a text field: there a plain character is text, never a
    /// `global` key.
    pub fn takes_text(self) -> bool {
        matches!(self, Mode::Input | Mode::Editor | Mode::SaveFolder)
    }
}

/// The actions each mode needs bound, checked for every shipped keymap.
pub fn required(mode: Mode) -> &'static [Action] {
    use Action::*;
    match mode {
        Mode::Global => &[Quit, Help, VoucherLookup, Copy],
        Mode::List => &[
            NextRow,
            PrevRow,
            PageDown,
            PageUp,
            FirstRow,
            LastRow,
            NextFlagged,
            PrevFlagged,
            Open,
            Search,
            SortNext,
            SortReverse,
        ],
        Mode::Report => &[
            Back,
            NextRow,
            PrevRow,
            PageDown,
            PageUp,
            FirstRow,
            LastRow,
            NextFlagged,
            PrevFlagged,
            NextTab,
            PrevTab,
            TabOverview,
            TabFunds,
            TabIndicators,
            TabExpenses,
            TabNarrative,
            TabFlags,
            JumpToFlag,
            Annotate,
            ConfirmFlag,
            DismissFlag,
            Score,
            Opinion,
            Undo,
            Redo,
        ],
        Mode::Input => &[Accept, Cancel, NextRow, PrevRow, ClearInput, NextField],
        Mode::Help => &[Back, NextRow, PrevRow, PageDown, PageUp],
        Mode::Editor => &[SaveText, Cancel],
        Mode::Score => &[
            Back,
            NextRow,
            PrevRow,
            PageDown,
            PageUp,
            Accept,
            TakeSuggestion,
            TakeAllSuggestions,
            NextTab,
        ],
        Mode::Opinion => &[Back, NextRow, PrevRow, Accept],
        Mode::Conflict => &[KeepMine, TakeTheirs, Merge],
        Mode::SaveFolder => &[Accept, Cancel, ClearInput],
    }
}

/// A key without terminal specifics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    F(u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }
    pub fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }
    pub fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// Reads a key name: `j`, `G`, `?`, `space`, `enter`, `ctrl-d`, `alt-x`,
    /// `pagedown`, `f1`, `shift-tab` …
    pub fn parse(name: &str) -> Result<Key, String> {
        let mut ctrl = false;
        let mut alt = false;
        let mut shift = false;
        let mut rest = name;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 1 && lower.starts_with("ctrl-") {
                ctrl = true;
                rest = &rest[5..];
            } else if rest.chars().count() > 1 && lower.starts_with("alt-") {
                alt = true;
                rest = &rest[4..];
            } else if rest.chars().count() > 1 && lower.starts_with("shift-") {
                shift = true;
                rest = &rest[6..];
            } else {
                break;
            }
        }
        let lower = rest.to_ascii_lowercase();
        let code = match lower.as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" if shift => KeyCode::BackTab,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "space" => KeyCode::Char(' '),
            "minus" => KeyCode::Char('-'),
            f if f.len() >= 2 && f.starts_with('f') && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) => {
                KeyCode::F(f[1..].parse().unwrap_or(1))
            }
            _ => {
                let mut cs = rest.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) if !c.is_control() => {
                        let c = if shift { c.to_ascii_uppercase() } else { c };
                        // ctrl-D and ctrl-d are the same key.
                        KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c })
                    }
                    _ => return Err(format!("\"{name}\" is not a key name")),
                }
            }
        };
        Ok(Key { code, ctrl, alt })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PageUp"),
            KeyCode::PageDown => f.write_str("PageDown"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::F(n) => write!(f, "F{n}"),
        }
    }
}

/// One or more keys pressed in turn ("g g").
pub type Sequence = Vec<Key>;

pub fn show_sequence(seq: &[Key]) -> String {
    seq.iter().map(|k| k.to_string()).collect::<Vec<_>>().join(" ")
}

/// A complete keymap.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Keymap {
    pub name: String,
    pub bindings: BTreeMap<Mode, BTreeMap<Sequence, Action>>,
}

/// What a key press means, given the keys pressed before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    Action(Action),
    /// The keys so far start a longer sequence: wait for the next key.
    Pending,
    None,
}

impl Keymap {
    /// Looks up the keys pressed so far in a mode, then in `global`.
    pub fn lookup(&self, mode: Mode, keys: &[Key]) -> Lookup {
        // In an input field a plain character is text, never a global key.
        let typing = mode.takes_text()
            && keys.len() == 1
            && matches!(
                keys[0],
                Key {
                    code: KeyCode::Char(_),
                    ctrl: false,
                    alt: false
                }
            );
        let typing_modes = [mode];
        let modes: &[Mode] = if typing { &typing_modes } else { &[mode, Mode::Global] };
        for &m in modes {
            let Some(map) = self.bindings.get(&m) else {
                continue;
            };
            if let Some(a) = map.get(keys) {
                return Lookup::Action(*a);
            }
            if map.keys().any(|s| s.len() > keys.len() && s.starts_with(keys)) {
                return Lookup::Pending;
            }
        }
        Lookup::None
    }

    /// The key sequences bound to an action in a mode (for the help screen
    /// and the status bar hints).
    /// The README's key table: every action bound in a mode of the default
    /// or the vim keymap, with its keys in both (`tests/app.rs` checks that
    /// the README shows exactly this).
    pub fn readme_table() -> String {
        let (d, v) = (
            Keymap::default_map(),
            Keymap::builtin("vim").unwrap_or_else(Keymap::default_map),
        );
        let mut out = String::from("| mode | action | what it does | default | vim |\n|---|---|---|---|---|\n");
        let keys = |k: &Keymap, m: Mode, a: Action| {
            k.keys_for(m, a)
                .iter()
                .map(|x| format!("`{x}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        for &m in Mode::ALL {
            for &a in Action::ALL {
                let (kd, kv) = (keys(&d, m, a), keys(&v, m, a));
                if kd.is_empty() && kv.is_empty() {
                    continue;
                }
                out.push_str(&format!(
                    "| {} | `{}` | {} | {} | {} |\n",
                    m.id(),
                    a.id(),
                    a.describe(crate::labels::Lang::En),
                    if kd.is_empty() { "—".into() } else { kd },
                    if kv.is_empty() { "—".into() } else { kv },
                ));
            }
        }
        out
    }

    pub fn keys_for(&self, mode: Mode, action: Action) -> Vec<String> {
        self.bindings
            .get(&mode)
            .map(|m| {
                let mut seqs: Vec<&Sequence> = m.iter().filter(|(_, a)| **a == action).map(|(s, _)| s).collect();
                // Plain keys first: they are what a hint should show.
                seqs.sort_by_key(|s| (s.iter().any(|k| k.ctrl || k.alt), s.len()));
                seqs.into_iter().map(|s| show_sequence(s)).collect()
            })
            .unwrap_or_default()
    }

    /// Applies an overlay: its entries replace the base's for the same key;
    /// an entry "none" unbinds the key.
    fn overlay(&mut self, over: &RawKeymap, source: &str) -> Result<(), String> {
        for (mode_name, entries) in &over.modes {
            let mode = Mode::from_id(mode_name).ok_or_else(|| {
                format!("{source}: unknown mode \"{mode_name}\" (modes: global, list, report, input, help, editor, score, opinion, conflict, save_folder)")
            })?;
            let mut seen: BTreeMap<Sequence, (String, String)> = BTreeMap::new();
            for (key_name, action_name) in entries {
                let seq: Result<Sequence, String> = key_name.split_whitespace().map(Key::parse).collect();
                let seq = seq.map_err(|e| format!("{source}: modes.{mode_name}.\"{key_name}\": {e}"))?;
                if seq.is_empty() {
                    return Err(format!("{source}: modes.{mode_name}: an empty key name"));
                }
                if let Some((k, a)) = seen.get(&seq)
                    && a != action_name
                {
                    return Err(format!(
                        "{source}: modes.{mode_name}: \"{key_name}\" → {action_name} and \"{k}\" → {a} bind the same key to two actions"
                    ));
                }
                seen.insert(seq.clone(), (key_name.clone(), action_name.clone()));
                let map = self.bindings.entry(mode).or_default();
                if action_name == "none" {
                    map.remove(&seq);
                    continue;
                }
                let action = Action::from_id(action_name).ok_or_else(|| {
                    format!("{source}: modes.{mode_name}.\"{key_name}\": unknown action \"{action_name}\"")
                })?;
                map.insert(seq, action);
            }
        }
        // A key that is both bound and the start of a longer sequence
        // could never reach the longer one.
        for (mode, map) in &self.bindings {
            for s in map.keys() {
                if let Some(longer) = map.keys().find(|l| l.len() > s.len() && l.starts_with(s)) {
                    return Err(format!(
                        "{source}: modes.{}: \"{}\" is bound, so \"{}\" can never be typed",
                        mode.id(),
                        show_sequence(s),
                        show_sequence(longer)
                    ));
                }
            }
        }
        Ok(())
    }

    /// Reads a complete keymap from JSON text.
    pub fn from_json(text: &str, source: &str) -> Result<Keymap, String> {
        let raw = RawKeymap::parse(text, source)?;
        let mut k = Keymap {
            name: raw.name.clone().unwrap_or_else(|| source.to_string()),
            bindings: BTreeMap::new(),
        };
        k.overlay(&raw, source)?;
        Ok(k)
    }

    /// A shipped keymap by name.
    pub fn builtin(name: &str) -> Option<Keymap> {
        BUILTIN
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(n, text)| Keymap::from_json(text, &format!("keymaps/{n}.json")).ok())
    }

    /// The default keymap; shipped, tested, always loads.
    pub fn default_map() -> Keymap {
        Keymap::builtin("default").unwrap_or_default()
    }
}

/// The shipped keymaps: (name, JSON).
pub const BUILTIN: &[(&str, &str)] = &[
    ("default", include_str!("../keymaps/default.json")),
    ("vim", include_str!("../keymaps/vim.json")),
];

/// Resolves the keymap to use: `choice` is a shipped name or a path; the
/// user's overlay is applied on top. On any error the built-in default is
/// returned with the error messages.
pub fn resolve(choice: Option<&str>, user_overlay: Option<&Path>) -> (Keymap, Vec<String>) {
    let mut problems = Vec::new();
    let base = match choice {
        None | Some("default") => Ok(Keymap::default_map()),
        Some(name) if BUILTIN.iter().any(|(n, _)| *n == name) => {
            Keymap::builtin(name).ok_or_else(|| format!("keymaps/{name}.json does not load"))
        }
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| format!("{path}: cannot read keymap: {e} (shipped keymaps: default, vim)"))
            .and_then(|t| Keymap::from_json(&t, path)),
    };
    let mut map = match base {
        Ok(m) => m,
        Err(e) => {
            problems.push(format!("{e}; using the default keymap"));
            return (Keymap::default_map(), problems);
        }
    };
    if let Some(p) = user_overlay {
        match std::fs::read_to_string(p) {
            Ok(text) => {
                let source = p.display().to_string();
                let applied = RawKeymap::parse(&text, &source).and_then(|raw| {
                    let mut m = map.clone();
                    m.overlay(&raw, &source).map(|_| m)
                });
                match applied {
                    Ok(m) => map = m,
                    Err(e) => {
                        problems.push(format!("{e}; using the default keymap"));
                        return (Keymap::default_map(), problems);
                    }
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => problems.push(format!("{}: cannot read: {e}", p.display())),
        }
    }
    (map, problems)
}

/// A keymap file as written, duplicates kept so they can be reported.
#[derive(Debug, Default)]
struct RawKeymap {
    name: Option<String>,
    modes: Vec<(String, Vec<(String, String)>)>,
}

impl RawKeymap {
    fn parse(text: &str, source: &str) -> Result<RawKeymap, String> {
        let mut de = serde_json::Deserializer::from_str(text);
        de.deserialize_map(RawVisitor).map_err(|e| format!("{source}: {e}"))
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = RawKeymap;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a keymap object with \"modes\"")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawKeymap, A::Error> {
        use serde::de::Error;
        let mut raw = RawKeymap::default();
        while let Some(k) = map.next_key::<String>()? {
            match k.as_str() {
                "name" => raw.name = Some(map.next_value()?),
                "description" | "$schema" => {
                    let _: serde_json::Value = map.next_value()?;
                }
                "modes" => {
                    raw.modes = map
                        .next_value::<Ordered<Ordered<String>>>()?
                        .0
                        .into_iter()
                        .map(|(mode, pairs)| (mode, pairs.0))
                        .collect()
                }
                other => {
                    return Err(A::Error::custom(format!(
                        "unknown entry \"{other}\" (expected name, description, modes)"
                    )));
                }
            }
        }
        Ok(raw)
    }
}

/// A JSON object read in order with its duplicate keys kept, so that two
/// bindings of one key can be reported instead of one silently winning.
struct Ordered<T>(Vec<(String, T)>);

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Ordered<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: serde::Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Ordered<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered<T>, A::Error> {
                let mut out = Vec::new();
                while let Some(k) = map.next_key::<String>()? {
                    out.push((k, map.next_value::<T>()?));
                }
                Ok(Ordered(out))
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names() {
        assert_eq!(Key::parse("j").unwrap(), Key::ch('j'));
        assert_eq!(Key::parse("G").unwrap(), Key::ch('G'));
        assert_eq!(Key::parse("shift-g").unwrap(), Key::ch('G'));
        assert_eq!(Key::parse("ctrl-d").unwrap(), Key::ctrl('d'));
        assert_eq!(Key::parse("Ctrl-D").unwrap(), Key::ctrl('d'));
        assert_eq!(Key::parse("pagedown").unwrap(), Key::plain(KeyCode::PageDown));
        assert_eq!(Key::parse("shift-tab").unwrap(), Key::plain(KeyCode::BackTab));
        assert_eq!(Key::parse("space").unwrap(), Key::ch(' '));
        assert_eq!(Key::parse("f5").unwrap(), Key::plain(KeyCode::F(5)));
        assert!(Key::parse("hyper-x").is_err());
        assert!(Key::parse("pageway").is_err());
        assert!(Key::parse("").is_err());
    }

    #[test]
    fn every_shipped_keymap_loads_and_binds_every_action() {
        for (name, text) in BUILTIN {
            let k = Keymap::from_json(text, name).unwrap_or_else(|e| panic!("{e}"));
            for mode in Mode::ALL {
                for a in required(*mode) {
                    let bound = !k.keys_for(*mode, *a).is_empty()
                        || (*mode != Mode::Global && !k.keys_for(Mode::Global, *a).is_empty());
                    assert!(bound, "{name}: {} has no key for {}", mode.id(), a.id());
                }
            }
            let used: std::collections::BTreeSet<Action> =
                k.bindings.values().flat_map(|m| m.values().copied()).collect();
            for a in Action::ALL {
                assert!(used.contains(a), "{name}: action {} is bound nowhere", a.id());
            }
        }
    }

    #[test]
    fn sequences() {
        let k = Keymap::builtin("vim").unwrap();
        assert_eq!(k.lookup(Mode::List, &[Key::ch('g')]), Lookup::Pending);
        assert_eq!(
            k.lookup(Mode::List, &[Key::ch('g'), Key::ch('g')]),
            Lookup::Action(Action::FirstRow)
        );
        assert_eq!(k.lookup(Mode::List, &[Key::ch('G')]), Lookup::Action(Action::LastRow));
        assert_eq!(
            k.lookup(Mode::Report, &[Key::ctrl('d')]),
            Lookup::Action(Action::PageDown)
        );
        // Global keys reach every mode.
        assert_eq!(k.lookup(Mode::Report, &[Key::ch('?')]), Lookup::Action(Action::Help));
    }

    #[test]
    fn bad_keymaps_are_refused_with_the_entry_named() {
        let e = Keymap::from_json(r#"{"modes": {"list": {"j": "jump_around"}}}"#, "my.json").unwrap_err();
        assert!(
            e.contains("my.json") && e.contains("jump_around") && e.contains("modes.list"),
            "{e}"
        );
        let e = Keymap::from_json(r#"{"modes": {"list": {"hyper-j": "next_row"}}}"#, "my.json").unwrap_err();
        assert!(e.contains("hyper-j"), "{e}");
        let e = Keymap::from_json(r#"{"modes": {"list": {"j": "next_row", "j": "prev_row"}}}"#, "my.json").unwrap_err();
        assert!(e.contains("two actions"), "{e}");
        let e =
            Keymap::from_json(r#"{"modes": {"list": {"G": "last_row", "shift-g": "first_row"}}}"#, "m").unwrap_err();
        assert!(e.contains("two actions"), "{e}");
        let e = Keymap::from_json(r#"{"modes": {"lsit": {"j": "next_row"}}}"#, "m").unwrap_err();
        assert!(e.contains("lsit"), "{e}");
        let e = Keymap::from_json(r#"{"modes": {"list": {"g": "open", "g g": "first_row"}}}"#, "m").unwrap_err();
        assert!(e.contains("never be typed"), "{e}");
        assert!(Keymap::from_json("{", "m").unwrap_err().starts_with("m: "));
    }

    #[test]
    fn a_user_overlay_changes_only_its_keys_and_a_bad_one_falls_back() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("keymap.json");
        std::fs::write(&p, r#"{"modes": {"list": {"x": "open", "enter": "none"}}}"#).unwrap();
        let (k, problems) = resolve(Some("default"), Some(&p));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(k.lookup(Mode::List, &[Key::ch('x')]), Lookup::Action(Action::Open));
        assert_eq!(k.lookup(Mode::List, &[Key::plain(KeyCode::Enter)]), Lookup::None);
        assert_eq!(
            k.lookup(Mode::List, &[Key::plain(KeyCode::Down)]),
            Lookup::Action(Action::NextRow)
        );
        std::fs::write(&p, r#"{"modes": {"list": {"x": "explode"}}}"#).unwrap();
        let (k, problems) = resolve(Some("vim"), Some(&p));
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("keymap.json") && problems[0].contains("explode"));
        assert_eq!(k, Keymap::default_map());
        let (_, problems) = resolve(Some("/no/such/keymap.json"), None);
        assert!(problems[0].contains("/no/such/keymap.json"));
    }
}

#[cfg(test)]
mod schema_tests {
    use super::*;

    /// The published schema lists exactly the actions this build knows.
    /// `FUHE_UPDATE_README=1 cargo test` writes the list from `Action::ALL`
    /// (as it does the README's tables), so a new action is named once, here.
    #[test]
    fn schema_lists_every_action() {
        let file = concat!(env!("CARGO_MANIFEST_DIR"), "/keymaps/keymap.schema.json");
        if std::env::var_os("FUHE_UPDATE_README").is_some() {
            let text = std::fs::read_to_string(file).unwrap();
            let start = text.find("\"action\": {").expect("the action definition");
            let open = start + text[start..].find('[').expect("its enum") + 1;
            let close = open + text[open..].find(']').expect("its end");
            let mut names: Vec<String> = Action::ALL.iter().map(|a| format!("        \"{}\"", a.id())).collect();
            names.push("        \"none\"".into());
            let updated = format!("{}\n{}\n      {}", &text[..open], names.join(",\n"), &text[close..]);
            std::fs::write(file, updated).unwrap();
        }
        let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        let listed: Vec<&str> = schema["$defs"]["action"]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|v| v.as_str())
            .filter(|a| *a != "none")
            .collect();
        let known: Vec<&str> = Action::ALL.iter().map(|a| a.id()).collect();
        assert_eq!(listed, known);
    }
}
