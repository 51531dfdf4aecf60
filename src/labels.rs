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
    PROJECT_FORMS = "项目", "project";
    DEPARTMENT_FORM = "整体", "dept";
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
