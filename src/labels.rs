//! Every label the interface and the command line show, in both languages,
//! in one table: widgets and reports name a label, never a string.

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// From a setting ("zh", "zh_CN.UTF-8", "en"): `zh*` is Chinese.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("zh") {
            Some(Lang::Zh)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn t(self, l: &L) -> &'static str {
        match self {
            Lang::Zh => l.zh,
            Lang::En => l.en,
        }
    }
}

/// A label in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct L {
    pub zh: &'static str,
    pub en: &'static str,
}

macro_rules! labels {
    ($($name:ident = $zh:literal, $en:literal;)*) => {
        $(pub const $name: L = L { zh: $zh, en: $en };)*
        /// Every label, for tests that check none is empty.
        pub const ALL: &[L] = &[$($name),*];
    };
}

labels! {
    // --- words shown in several places: the interface, the commands, the documents
    ERRORS = "错误", "errors";
    WARNINGS = "警告", "warnings";
    INFOS = "提示", "info";
    EXPECTED = "应为", "expected";
    FOUND = "实为", "found";
    NO_FLAGS = "未发现问题", "no findings";
    NOT_READ = "份无法读取", "could not be read";
    WITH_ERRORS = "份有错误", "with errors";
    COL_DEPARTMENT = "部门", "Department";
    COL_YEAR = "年度", "Year";
    COL_SELF = "自评", "Self";
    COL_REVIEW = "复核", "Review";
    COL_SUGGESTED = "建议", "Sugg.";
    SCORED = "已评", "scored";
    COL_STATUS = "状态", "Status";
    TOTAL = "合计", "total";
    SELF = "自评", "self";
    REVIEW = "复核", "review";
    DEPARTMENT = "部门整体", "department";
    READ_ONLY = "只读", "read-only";
    WEIGHT = "分值", "weight";
    HELP = "帮助", "help";
    CANCEL = "取消", "cancel";
    K_DISMISS = "不采纳", "set aside";
    CONFIRMED = "已确认", "confirmed";
    NOT_REVIEWED = "未审", "not reviewed";
    SAVED = "已保存", "saved";
    SUGGESTED_TOTAL = "建议合计", "suggested";
    // --- the frame, the list, the lookup, the help and the footer (src/tui/draw.rs)
    PROJECT_FORMS = "项目", "proj";
    DEPT_SHORT = "整体", "dept";
    APP_TITLE = "复核", "fuhe";
    SAMPLES = "（内置示例）", "(bundled samples)";
    COL_FORMS = "表", "Forms";
    COL_PROJECTS = "项目", "Proj";
    COL_ERRORS = "错", "Err";
    COL_WARNINGS = "警", "Warn";
    CHECKING = "检查中", "checking";
    REPORTS = "份报告", "reports";
    REVIEWED = "已复核", "reviewed";
    FILTER = "筛选", "filter";
    NO_MATCH = "没有匹配的报告", "no report matches";
    NO_REPORTS = "此工作区没有报告", "no reports in this workspace";
    HELP_TITLE = "按键（由当前键位表生成）", "Keys (from the active keymap)";
    HELP_RULES = "检查规则（问题所列规则编号）", "Rules (the ids findings name)";
    LOOKUP_TITLE = "查凭证号：5月19、519、5-19 或支出内容、部门（顺序不限）", "Vouchers: 5月19, 519, 5-19 or words (any order)";
    LOOKUP_HITS = "条", "hits";
    LOOKUP_FORM = "项目表", "form";
    LOOKUP_LINE = "支出内容", "expense line";
    LOOKUP_AMOUNT = "金额", "amount";
    LOOKUP_VOUCHER = "凭证号", "voucher";
    LOOKUP_EMPTY = "没有结果", "no results";
    LOOKUP_DUPS = "（未输入：列出所有重复凭证）", "(empty query: every duplicated voucher)";
    TOO_SMALL = "终端太小", "Terminal too small";
    NOW = "当前", "now";
    NEED = "至少需要", "need at least";
    K_CLEAR_FILTER = "清除筛选", "clear filter";
    K_NEXT_HIT = "下一处", "next hit";
    FIND = "查找", "find";
    K_SHOW = "显示", "show";
    DISMISSED = "不采纳：", "set aside: ";
    KEYMAP = "键位表", "keymap";
    // --- rows of an open report's tabs (src/app/views.rs)
    PROJECT_FUNDS = "项目资金：", "Project funds: ";
    SOURCE = "来源", "source";
    PLANNED = "计划安排", "planned";
    ARRIVED = "实际到位", "arrived";
    CHANGE = "差额", "change";
    CHANGE_PCT = "变动%", "change %";
    SPENT = "实际支出", "spent";
    BALANCE = "结余", "balance";
    EXECUTED = "执行率", "executed";
    INCOME_TABLE = "收入表（万元）", "Income (万元)";
    INCOME_TOTAL = "收入合计", "total";
    CARRY_OVER = "上年结转", "carry-over";
    PUBLIC_FINANCE = "公共财政拨款", "public finance";
    GOV_FUND = "政府基金拨款", "gov. fund";
    SPECIAL_ACCT = "专户非税收入", "special acct";
    OTHER_INCOME = "其他收入", "other";
    EXPENDITURE_AND_BALANCE = "支出和结余表（万元）", "Expenditure and balance (万元)";
    EXPENDITURE_TOTAL = "支出合计", "total";
    BASIC = "基本支出", "basic";
    PERSONNEL = "人员支出", "personnel";
    RUNNING = "公用支出", "running";
    PROJECT_SPENDING = "项目支出", "project";
    YEAR_BAL = "当年结余", "year bal.";
    ACCUM_BAL = "累计结余", "accum. bal.";
    DEPARTMENT_EXECUTION = "部门预算执行", "Department execution";
    EXECUTION_INCOME = "收入合计", "income";
    EXECUTION_SPENT = "支出合计", "spent";
    SUMMARY = "汇总", "summary";
    THREE_PUBLIC_EXPENSES = "三公经费（万元）", "Three public expenses (万元)";
    RECEPTION = "公务接待", "reception";
    VEHICLE_OP = "公车运维", "vehicle op.";
    VEHICLE_BUY = "公车购置", "vehicle buy";
    OVERSEAS = "因公出国", "overseas";
    FIXED_ASSETS = "固定资产（万元）", "Fixed assets (万元)";
    IN_USE = "在用", "in use";
    LEASED = "出租", "leased";
    OTHER_ASSETS = "其他", "other";
    DEPARTMENT_FORM_HEADING = "部门整体", "Department form";
    PROJECT_HEADING = "项目：", "Project: ";
    GROUP = "类别", "group";
    INDICATOR = "指标", "indicator";
    TARGET = "目标值", "target";
    ACTUAL = "实际值", "actual";
    OUTCOME = "完成", "outcome";
    GOALS = "定性目标", "goals";
    GOAL_EXPECTED = "预期目标", "Expected";
    GOAL_ACHIEVED = "实际完成", "Achieved";
    EXPENSE_LINES = "支出明细：", "Expense lines: ";
    CONTENT = "支出内容", "content";
    AMOUNT = "金额", "amount";
    SHARE = "占比", "share";
    DUP = "重复", "dup";
    VOUCHERS = "会计凭证号", "vouchers";
    ALSO_BOOKED_UNDER = "同时记在", "also booked under";
    DEPARTMENT_FORM_NARRATIVE = "部门整体 · 评价报告综述", "Department form · narrative";
    PROJECT_NARRATIVE = "项目综述：", "Project narrative: ";
    FINDINGS_FOUND = "发现问题", "findings";
    SELF_SCORE_AGAINST_THE_EVIDENCE = "自评得分与证据", "Self-score against the evidence";
    EVIDENCE = "证据支持", "evidence";
    GRADE = "  评价等次", "  grade";
    UNSIGNED = "（未签）", " (unsigned)";
    EVALUATORS = "  评价人员", "  evaluators";
    BASIC_FACTS = "基本情况", "Basic facts";
    CONTACT_PHONE = "联系人 / 电话", "contact / phone";
    QUOTA_STAFF = "编制 / 实有", "quota / staff";
    REPORT_DATE = "报告日期", "report date";
    DUTIES = "职能职责", "duties";
    PROJECT_PREFIX = "项目：", "project: ";
    // --- popups: notes, scores, the opinion, the save folder (src/app/popups.rs)
    NOTE_ON_VOUCHER = "批注凭证：", "Note on voucher ";
    SUGGESTED = "建议", "suggested";
    SCORE = "复核分", "score";
    REASON_REQUIRED_WHEN_NOT_THE_SUGGESTION = "理由（与建议不同时必填）", "reason (required when not the suggestion)";
    REOPEN_CONFIRM = "再按 Enter 重新打开复核（将记入复核历史）；按其他键取消", "Enter again reopens the review (recorded in its history); any other key cancels";
    LATER_CHANGES_STAY_IN = "之后的修改仍另存到", "later changes are still kept in";
    // --- jumping back and ahead (src/app/jumps.rs)
    NO_JUMP_BACK = "没有可跳回的位置", "nowhere to jump back to";
    NO_JUMP_AHEAD = "没有向前的位置", "nowhere ahead";
    // --- search in a report (src/app/find.rs)
    NO_HITS = "没有找到", "not found";
    SHOWN_ALL = "全部", "all";
    UNDECIDED = "未决定", "undecided";
    ERRORS_ONLY = "仅错误", "errors only";
    // --- the list and a report (src/app/mod.rs)
    NOT_READ_ROW = "无法读取：", "not read: ";
    OVERVIEW = "概况", "Overview";
    FUNDS = "资金", "Funds";
    INDICATORS = "指标", "Indicators";
    EXPENSES = "支出明细", "Expenses";
    NARRATIVE = "综述", "Narrative";
    FINDINGS = "问题", "Findings";
    FINDINGS_BEING_CHECKED = "正在检查……", "checking…";
    NO_ROW_SHOWS = "找不到对应的行：", "no row shows";
    COPIED = "已复制：", "copied:";
    NOTHING_TO_COPY = "没有可复制的内容", "nothing to copy";
    NONE_SHOWN = "没有", "none";
    A_CONFLICT_WITH_THE_REVIEW_FILE_IS = "复核文件冲突尚未处理", "a conflict with the review file is not resolved";
    CHANGES_ARE_KEPT_ONLY_IN_THE_RESCUE = "改动只保存在救援文件夹中，尚未写入工作区", "changes are kept only in the rescue folder, not in the workspace";
    THE_LAST_CHANGE_COULD_NOT_BE_SAVED = "最近的改动未能保存到任何位置", "the last change could not be saved anywhere";
    THE_NEXT_CHANGE_TRIES_TO_SAVE_AGAIN = "下一次修改会再次尝试保存（有冲突时再次询问）。再按一次同一键则照样离开", "the next change tries to save again (and asks about a conflict again). Press the same key again to leave all the same";
    TYPING_NOT_SAVED = "正在输入的文字尚未保存：请先保存，或按 Esc 放弃。再按一次同一键则照样离开", "what you are typing is not saved yet: save it, or drop it with Esc. Press the same key again to go all the same";
    NO_FINDINGS_ON_THIS_ROW = "此行没有发现问题", "no findings on this row";
    // --- reviewing in the interface (src/app/reviewing.rs)
    STATUS_UNREVIEWED = "未审", "to do";
    INVALID = "文件无效", "invalid";
    STALE = "·过期", " (stale)";
    STATUS = "状态", "status";
    REVIEWER = "复核人", "reviewer";
    CONCLUSION = "结论", "conclusion";
    REVIEW_SCORE = "复核分：", "review score: ";
    UNDECIDED_FINDINGS = "未决定的问题", "undecided findings";
    THE_REPORT_CHANGED_SINCE_THE_REVIEW_BEGA = "报告在复核后已修改：", "The report changed since the review began:";
    REPORT_CHANGED = "报告已修改", "report changed";
    THE_REPORT_FILE_CHANGED_SINCE_THE_REVIEW = "复核后报告文件已变更", "the report file changed since the review";
    THE_WHOLE_REPORT = "整份报告", "the whole report";
    NOTE_ON = "批注：", "Note on ";
    NO_FINDING_HERE = "此行没有发现问题", "no finding here";
    DISMISS = "不采纳：", "Set aside: ";
    REASON_REQUIRED = "理由（必填）", "reason (required)";
    UNDONE = "已撤销", "undone";
    REDONE = "已重做", "redone";
    NOTHING_TO_UNDO_OR_REDO = "没有可撤销（重做）的修改", "nothing to undo or redo";
    A_DISMISSAL_NEEDS_A_REASON = "不采纳需要说明理由", "setting a finding aside needs a reason";
    THE_SCORE_MUST_BE_A_NUMBER_IN = "复核分应为数字，范围", "the score must be a number in";
    CANNOT_MARK_DONE = "不能完成：", "cannot mark done: ";
    DONE_READ_ONLY = "复核已完成，只读：", "The review is done and read-only: ";
    REOPEN_HOW = "要修改，按 o 选“重新打开复核”", "to change it, press o and choose \"reopen the review\"";
    TO_FOLDER = "至", "to";
    TYPE_A_FOLDER = "请输入文件夹路径", "type a folder";
    WORK_AN_EARLIER_RUN_KEPT_ONLY_IN_THE = "已把上次只保存在救援文件夹中的改动并入复核；原件改名保存为", "work an earlier run kept only in the rescue folder is now in the review; the copy is kept as";
    NOTHING_CAN_BE_CHANGED_NO_EDITOR = "不能修改，未打开编辑", "nothing can be changed; no editor opened";
    THIS_ITEM_HAS_NO_SUGGESTION_SCORE_IT = "此项需审核人员判断，没有建议分", "this item has no suggestion: score it";
    FINANCE_SECTION_S_OPINION = "财政部门归口业务科室意见", "Finance section's opinion";
    THE_SCORE_DIFFERS_FROM_THE = "复核分与建议分不同，请填写理由", "the score differs from the suggestion: give a reason";
    NO_LOCK_TO_TAKE_OVER = "没有可接管的锁", "no lock to take over";
    PRESS_T_AGAIN_TO_TAKE_OVER_THE_LOCK = "再按 T 接管", "Press T again to take over the lock of";
    ONLY_IF_THAT_SESSION_IS_GONE_SHOULD = "的锁——仅在该会话确已结束时；之后若对方保存过，会提示冲突，不会覆盖", "— only if that session is gone; should it have saved meanwhile, you are shown the conflict, nothing is overwritten";
    // --- fuhe check (src/cli/check.rs)
    ALSO_AT = "另见", "also at";
    REPORTS_CHECKED = "份报告已检查", "reports checked";
    FINDINGS_UNDECIDED = "个问题未决定", "findings undecided";
    // --- fuhe summary (src/cli/summary.rs)
    COL_CONCLUSION = "结论", "Conclusion";
    ERR = "错误", "Err.";
    // --- fuhe export (src/export/document.rs)
    LIST_SEPARATOR = "；", "; ";
    COLON = "：", ":";
    // --- summary documents (src/export/summary.rs)
    REVIEW_FILE_INVALID = "复核文件无效", "review file invalid";
    REPORT_CHANGED_NOTE = "（报告已改）", " (report changed)";
    REVIEW_SUMMARY = "复核结果汇总表", "Review summary";
    BODY_FONT = "宋体", "Calibri";
    SUMMARY_TOTAL_OPEN = "合计（", "Total (";
    SUMMARY_TOTAL_CLOSE = " 份）", " reports)";
    // --- keymaps (src/keymap.rs)
    EVERYWHERE = "全局", "everywhere";
    REPORT_LIST = "报告列表", "report list";
    REPORT = "报告", "report";
    INPUT_AND_POPUPS = "输入框与弹窗", "input and popups";
    TEXT_EDITOR_NOTES_OPINION_REASONS = "文字编辑（批注、意见、理由）", "text editor (notes, opinion, reasons)";
    SCORE_SHEET = "评分表", "score sheet";
    CONCLUSION_AND_OPINION = "结论与意见", "conclusion and opinion";
    SAVE_CONFLICT = "保存冲突", "save conflict";
    THE_WORKSPACE_CANNOT_BE_WRITTEN = "工作区无法写入：另选保存文件夹", "the workspace cannot be written: another folder";
    // --- review: saving, locks, rescue, conflicts (src/review/session.rs)
    REVIEW_FILE_FORMAT = "复核文件格式版本", "review file format";
    WRITTEN_BY_A_NEWER_FUHE_OPENED_READ = "由更新版本的 fuhe 写成，只读打开（请升级 fuhe）", "written by a newer fuhe; opened read-only (upgrade fuhe)";
    THE_REVIEW_FILE_BELONGS_TO_REPORT = "复核文件属于另一份报告", "the review file belongs to report";
    LEFT_AS_IT_IS_MOVE_IT_AWAY = "保持原样不写入（请移走）", "left as it is (move it away)";
    THE_REVIEW_FILE_IS_NOT_VALID_IT_IS = "复核文件无效，保持原样不写入（请修正或移走）", "the review file is not valid; it is left as it is (fix or move it)";
    TOOK_OVER_A_STALE_LOCK_OF = "已接管失效的锁：", "took over a stale lock of";
    HELD_BY = "正由", "held by";
    SINCE = "审核中，自", "since";
    HELD_ON_ANOTHER_HOST_BY = "另一台主机上正由", "held on another host by";
    READ_ONLY_IF_THAT_SESSION_IS_GONE = "只读。若该会话已结束，按 T 接管", "read-only; if that session is gone, press T to take it over";
    CANNOT_TAKE_THE_LOCK_THE_WORKSPACE = "无法加锁（工作区不可写），复核将另存到别处，保存时会询问", "cannot take the lock (the workspace is not writable); reviews will be kept elsewhere, you will be asked where";
    TOOK_OVER_THE_LOCK_OF = "已接管锁，原持有人：", "took over the lock of";
    NOT_TAKEN_OVER_THE_LOCK_IS_NOW_HELD = "未能接管：锁现由", "not taken over: the lock is now held by";
    RESOLVE_THE_CONFLICT_FIRST_KEEP_MINE = "请先处理冲突（保留我的 / 采用对方的 / 合并）", "resolve the conflict first (keep mine / take theirs / merge)";
    CONFLICT_THE_REVIEW_FILE_WAS_CHANGED = "冲突：复核文件已被他处修改，未写入", "conflict: the review file was changed elsewhere; nothing written";
    SAVED_INSTEAD_TO = "已另存到", "saved instead to";
    NOTHING_LOST_SHORT = "没有丢失", "nothing is lost";
    COULD_NOT_SAVE_ANYWHERE_ELSE_EITHER = "也无法另存到别处：请勿关闭 fuhe", "could not save anywhere else either: keep fuhe open";
    // --- review popups (src/tui/review_draw.rs)
    LAST_CHANGED_BY = "最后修改", "last changed by";
    REPORT_CHANGED_SUFFIX = " · 报告已改", " · report changed";
    NOT_SAVED = " · 保存失败", " · NOT SAVED";
    SAVE = "保存", "save";
    NEW_LINE = "换行", "new line";
    NEXT_FIELD = "下一项", "next field";
    DEPARTMENT_FORM = "部门整体", "department form";
    REVIEW_SCORES = "复核评分：", "Review scores: ";
    ITEM = "评分项", "item";
    SUGGEST = "建议", "suggest";
    BASIS_REASON = "依据 / 理由", "basis / reason";
    TO_JUDGE = "项待判断", " to judge";
    REVIEW_TOTAL = "复核合计", "review";
    CAPPED_AT = "执行率封顶", "capped at ";
    K_SCORE_ONE = "打分", "score";
    TAKE_SUGGESTION = "采用建议", "take suggestion";
    TAKE_ALL = "全部采用", "take all";
    NEXT_FORM = "下一张表", "next form";
    CLOSE = "关闭", "close";
    EMPTY = "（未填写）", "(empty)";
    OPINION = "意见", "opinion";
    DONE_REOPEN = "[已完成] 重新打开复核…", "[done] reopen the review…";
    MARK_THE_REVIEW_DONE = "[ ] 完成复核", "[ ] mark the review done";
    CHOOSE_EDIT = "选择 / 编辑", "choose / edit";
    NOTES = "条批注", "notes";
    DECISIONS = "个决定", "decisions";
    SCORES = "项评分", "scores";
    FILE_REMOVED = "（文件已删除）", "(file removed)";
    NOTHING_WAS_WRITTEN_THE_TWO_VERSIONS = "没有写入任何内容。两个版本：", "Nothing was written. The two versions:";
    MINE = "我的", "mine";
    THEIRS = "对方", "theirs";
    SAVE_FOLDER_TITLE = "无法保存复核", "Reviews cannot be saved";
    CANNOT_SAVE_IN = "复核无法保存到", "Reviews cannot be saved in";
    ALREADY_KEPT_AT = "这次修改已另存到", "This change is already kept at";
    NOTHING_IS_LOST = "，没有丢失。", " — nothing is lost.";
    KEPT_NOWHERE = "也无法另存到个人数据目录：请不要关闭 fuhe，另选一个文件夹。", "It could not be kept in your data folder either: keep fuhe open and choose a folder.";
    KEEP_SAVING_IN = "以后本工作区的复核都保存到此文件夹（文件名同 reviews/，可复制回去）：", "Keep saving this workspace's reviews in this folder (named as in reviews/, to copy back later):";
    USE_THIS_FOLDER = "使用此文件夹", "use this folder";
    KEEP_THE_RESCUE_FOLDER = "仍存到救援文件夹", "keep the rescue folder";
    CLEAR = "清空", "clear";
    SAVED_ELSEWHERE = "已另存", "saved elsewhere";
    JUDGE = "判断", "judge";
    CONCLUSION_AND_THE_FINANCE_SECTION_S = "复核结论与财政部门归口业务科室意见", "Conclusion and the finance section's opinion";
    CONFLICT_TITLE = "保存冲突：复核文件已被他人修改", "Conflict: the review file was changed elsewhere";
    COLON_SPACE = "：", ": ";
    // --- values: grades, statuses, conclusions, severities, categories, outcomes, voucher problems
    // --- Grade (src/model/mod.rs)
    GRADE_EXCELLENT = "优", "excellent";
    GRADE_GOOD = "良", "good";
    GRADE_FAIR = "中", "fair";
    GRADE_POOR = "差", "poor";
    // --- Status (src/review/mod.rs)
    STATUS_IN_PROGRESS = "审核中", "in progress";
    STATUS_DONE = "已完成", "done";
    // --- Conclusion (src/review/mod.rs)
    CONCLUSION_APPROVED = "认可", "approved";
    CONCLUSION_MOSTLY_APPROVED = "基本认可", "mostly approved";
    CONCLUSION_NOT_APPROVED = "不认可", "not approved";
    CONCLUSION_RETURNED = "退回修改", "returned for revision";
    // --- Severity (src/finding.rs)
    SEVERITY_ERROR = "错误", "error";
    SEVERITY_WARNING = "警告", "warning";
    SEVERITY_INFO = "提示", "info";
    // --- Category (src/assess.rs)
    CATEGORY_OUTPUT = "产出", "output";
    CATEGORY_BENEFIT = "效益", "benefit";
    CATEGORY_SATISFACTION = "满意度", "satisfaction";
    // --- Outcome (src/assess.rs)
    OUTCOME_MISSING = "未填", "missing";
    OUTCOME_NOT_MEASURABLE = "不可衡量", "not measurable";
    OUTCOME_MET = "达成", "met";
    OUTCOME_MISSED = "未达成", "missed";
    OUTCOME_UNJUDGED = "待判断", "to judge";
    // --- ProblemKind (src/voucher.rs)
    PROBLEM_KIND_WHITESPACE = "含空格", "contains a space";
    PROBLEM_KIND_STRAY_SEPARATOR = "多余的分隔符", "stray separator";
    PROBLEM_KIND_FULL_WIDTH = "全角字符", "full-width characters";
    PROBLEM_KIND_LEADING_ZERO = "前导零，可能是日期而非凭证号，未计入", "leading zero: may be a date rather than vouchers; not counted";
    PROBLEM_KIND_MONTH_OUT_OF_RANGE = "月份超出1–12，其后凭证号未计入", "month outside 1–12; its numbers are not counted";
    PROBLEM_KIND_REVERSED_RANGE = "区间起止颠倒，未计入", "range runs backwards; not counted";
    PROBLEM_KIND_RANGE_TOO_LONG = "区间过长，未计入", "range too long; not counted";
    PROBLEM_KIND_NO_MONTH = "凭证号前没有月份，未计入", "voucher numbers before any month; not counted";
    PROBLEM_KIND_UNTERMINATED = "数字后缺少“#”或“月”，未计入", "number not followed by # or 月; not counted";
    PROBLEM_KIND_UNEXPECTED = "无法识别的字符，已跳过", "unexpected character; skipped";
    PROBLEM_KIND_NUMBER_TOO_LONG = "数字过长，不是凭证号，未计入", "number too long to be a voucher; not counted";
    // --- Family (src/rules.rs)
    FAMILY_ARITHMETIC = "表内勾稽", "sums within a table";
    FAMILY_CROSS_FORM = "表间核对", "between forms";
    FAMILY_BUDGET = "预算执行", "budget execution";
    FAMILY_NARRATIVE = "文字与表格", "narrative against tables";
    FAMILY_INDICATORS = "绩效指标", "indicators";
    FAMILY_SCORE = "自评分", "self-score";
    FAMILY_VOUCHERS = "会计凭证", "vouchers";
    FAMILY_COMPLETENESS = "填报完整性", "completeness";
    FAMILY_TEXT = "文字质量", "text quality";
    // --- fuhe export, the document (src/export/document.rs)
    DOC_DEPARTMENT_FORM = "部门整体支出绩效自评表", "department form";
    DOC_PROJECT_FORM = "项目支出绩效自评表", "project form ";
    DOC_REVIEW_FILE_INVALID = "复核文件无效", "review file invalid";
    DOC_NOT_REVIEWED = "未审", "not reviewed";
    DOC_DONE = "已完成", "done";
    DOC_IN_PROGRESS_DRAFT = "审核中（草稿）", "in progress (draft)";
    DOC_DEPARTMENT = "部门（单位）", "Department";
    DOC_YEAR = "年度", "Year";
    DOC_FORMS = "评价表", "Forms";
    DOC_REVIEW_STATUS = "复核状态", "Review status";
    DOC_REVIEWER = "复核人", "Reviewer";
    DOC_STARTED_LAST_CHANGED = "复核开始 / 最后修改", "Started / last changed";
    DOC_FINDINGS = "发现的问题", "Findings";
    DOC_REVIEW_FILE = "复核文件", "Review file";
    DOC_PROJECT_FUNDS = "项目资金：", "Project funds:";
    DOC_CONFIRMED_NONE = "复核确认的问题：无。", "Findings the reviewer confirmed: none.";
    DOC_CONFIRMED_HEADING = "复核确认的问题：", "Findings the reviewer confirmed:";
    DOC_SEVERITY = "级别", "Severity";
    DOC_PLACE = "位置", "Item";
    DOC_FINDING = "问题", "Finding";
    DOC_REVIEWER_S_NOTE = "复核说明", "Reviewer's note";
    DOC_FINDINGS_SET_ASIDE_WITH_THE = "不采纳的问题（附理由）：", "Findings set aside, with the reason:";
    DOC_REASON = "不采纳理由", "Reason";
    DOC_DEPARTMENT_FORM_SHORT = "部门整体", "Department form";
    DOC_THE_WHOLE_REPORT = "整份报告", "the whole report";
    DOC_NOTE_ITEM = "项目", "Item";
    DOC_NOTE = "批注", "Note";
    DOC_AUTHOR = "作者", "Author";
    DOC_TIME = "时间", "Time";
    DOC_CONCLUSION = "复核结论：", "Conclusion: ";
    DOC_REVIEW_SCORE_AND_GRADE = "复核得分及等次：", "Review score and grade: ";
    DOC_OPINION = "意见：", "Opinion:";
    DOC_REPORT_FILE = "报告文件：", "Report file: ";
    DOC_INCOME = "收入合计", "Income";
    DOC_EXPENDITURE = "支出合计", "Expenditure";
    DOC_OF_WHICH_BASIC = "　其中：基本支出", "  of which basic";
    DOC_OF_WHICH_PROJECTS = "　　　　项目支出", "  of which projects";
    DOC_INCOME_LESS_EXPENDITURE = "收支差额", "Income less expenditure";
    DOC_THE_DEPARTMENT_S_INCOME_AND = "部门整体收支：", "The department's income and expenditure:";
    DOC_AMOUNT = "金额", "Amount";
    DOC_SHARE_OF_SPENDING = "占支出", "Share of spending";
    DOC_PROJECT = "项目", "Project";
    DOC_SOURCE = "来源", "Source";
    DOC_PLANNED = "计划安排", "Planned";
    DOC_ARRIVED = "实际到位", "Arrived";
    DOC_CHANGE = "变动", "Change";
    DOC_SPENT = "实际支出", "Spent";
    DOC_BALANCE = "结余", "Balance";
    DOC_EXECUTED = "执行率", "Executed";
    DOC_TO_JUDGE = "需判断", "to judge";
    DOC_TOTAL = "合计", "Total";
    DOC_GROUP = "类别", "Group";
    DOC_SCORE_ITEM = "评分项", "Item";
    DOC_WEIGHT = "分值", "Weight";
    DOC_SELF = "自评", "Self";
    DOC_SUGGESTED = "建议", "Suggested";
    DOC_REVIEW = "复核", "Review";
    DOC_BASIS_REASON = "依据 / 理由", "Basis / reason";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages() {
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert!(ALL.iter().all(|l| !l.zh.is_empty() && !l.en.is_empty()));
    }
}
