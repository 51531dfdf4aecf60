//! Every label the interface and the command line show, in both languages,
//! in one table: widgets and reports name a label, never a string.

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    Zh,
    #[default]
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

    /// From LC_ALL, then LANG: `zh*` → Chinese, otherwise English.
    pub fn from_env() -> Lang {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var)
                && !v.is_empty()
            {
                return if v.to_ascii_lowercase().starts_with("zh") {
                    Lang::Zh
                } else {
                    Lang::En
                };
            }
        }
        Lang::En
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
    ERRORS = "错误", "errors";
    WARNINGS = "警告", "warnings";
    INFOS = "提示", "info";
    EXPECTED = "应为", "expected";
    FOUND = "实为", "found";
    ALSO_AT = "另见", "also at";
    NO_FLAGS = "未发现问题", "no findings";
    REPORTS_CHECKED = "份报告已检查", "reports checked";
    NOT_READ = "份无法读取", "could not be read";
    WITH_ERRORS = "份有错误", "with errors";
    PROJECT_FORMS = "项目", "proj";
    DEPARTMENT_FORM = "整体", "dept";
    APP_TITLE = "复核", "fuhe";
    SAMPLES = "（内置示例）", "(bundled samples)";
    COL_DEPARTMENT = "部门", "Department";
    COL_YEAR = "年度", "Year";
    COL_FORMS = "表", "Forms";
    COL_SELF = "自评", "Self";
    COL_REVIEW = "复核", "Review";
    COL_ERRORS = "错", "Err";
    COL_WARNINGS = "警", "Warn";
    COL_STATUS = "状态", "Status";
    STATUS_UNREVIEWED = "未审", "to do";
    CHECKING = "检查中", "checking";
    REPORTS = "份报告", "reports";
    REVIEWED = "已复核", "reviewed";
    SORTED_BY = "排序", "sort";
    FILTER = "筛选", "filter";
    NO_MATCH = "没有匹配的报告", "no report matches";
    NO_REPORTS = "此工作区没有报告", "no reports in this workspace";
    HELP_TITLE = "按键（由当前键位表生成）", "Keys (from the active keymap)";
    LOOKUP_TITLE = "查凭证号：输入 5月19、12月3 或支出内容", "Voucher lookup: type 5月19, 12月3 or part of a line's name";
    LOOKUP_EMPTY = "没有结果", "no results";
    LOOKUP_DUPS = "（未输入：列出所有重复凭证）", "(empty query: every duplicated voucher)";
    TOO_SMALL = "终端太小", "Terminal too small";
    NEED = "至少需要", "need at least";
    FLAGS_HERE = "此项的问题", "findings here";
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
