//! Where an item is in a report, as a path built from its parts: the
//! department form or project form N, then fields and numbered rows
//! (`ItemPath::project(0).row("expenses", 3).field("vouchers")`).
//!
//! Its text is the JSON path into the report file
//! (`project_forms[0].expenses[3].vouchers`), which findings, notes, score
//! lines and jumps store and compare: building it from parts instead of
//! formatting strings in each place keeps every one of them spelling it the
//! same way, and reading one back (`form`, `row_of`) needs no string
//! surgery at the call site.

use std::fmt;

/// A path to an item of a report (see the module's documentation).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemPath(String);

impl ItemPath {
    /// The department form (部门整体支出绩效自评表).
    pub fn department() -> ItemPath {
        ItemPath("department_form".into())
    }

    /// Project form `i` (0-based) (项目支出绩效自评表).
    pub fn project(i: usize) -> ItemPath {
        ItemPath(format!("project_forms[{i}]"))
    }

    /// The department form (None) or project form `i`.
    pub fn form(form: Option<usize>) -> ItemPath {
        form.map_or_else(ItemPath::department, ItemPath::project)
    }

    /// Expense line `line` of project form `project`.
    pub fn expense(project: usize, line: usize) -> ItemPath {
        ItemPath::project(project).row("expenses", line)
    }

    /// A field of this item (`.name`).
    pub fn field(&self, name: &str) -> ItemPath {
        ItemPath(format!("{}.{name}", self.0))
    }

    /// Row `i` (0-based) of a list of this item (`.name[i]`).
    pub fn row(&self, name: &str, i: usize) -> ItemPath {
        ItemPath(format!("{}.{name}[{i}]", self.0))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Which form a path is in: Some(None) for the department form,
    /// Some(Some(i)) for project form i, None for anything else (a note on
    /// a voucher, on the whole report).
    pub fn form_of(path: &str) -> Option<Option<usize>> {
        if path == "department_form" || path.starts_with("department_form.") {
            return Some(None);
        }
        let rest = path.strip_prefix("project_forms[")?;
        let (n, after) = rest.split_once(']')?;
        (after.is_empty() || after.starts_with('.') || after.starts_with('[')).then_some(())?;
        n.parse().ok().map(Some)
    }

    /// Every place that holds `path`, outermost first, ending with `path`
    /// itself: `project_forms[0]`, `project_forms[0].expenses`,
    /// `project_forms[0].expenses[3]` for the last.
    pub fn places(path: &str) -> impl Iterator<Item = &str> {
        path.match_indices(['.', '[']).map(|(k, _)| &path[..k]).chain([path])
    }

    /// Whether `path` is `place` or lies inside it (`place.x`, `place[3]`).
    pub fn is_under(path: &str, place: &str) -> bool {
        path.strip_prefix(place)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
    }
}

impl fmt::Display for ItemPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<ItemPath> for String {
    fn from(p: ItemPath) -> String {
        p.0
    }
}

impl AsRef<str> for ItemPath {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_the_report_files_json_paths() {
        assert_eq!(
            ItemPath::department()
                .field("income")
                .field("summary")
                .field("total")
                .as_str(),
            "department_form.income.summary.total"
        );
        assert_eq!(
            ItemPath::expense(0, 3).field("vouchers").as_str(),
            "project_forms[0].expenses[3].vouchers"
        );
        assert_eq!(
            ItemPath::form(Some(2)).row("indicators", 0).as_str(),
            "project_forms[2].indicators[0]"
        );
        assert_eq!(ItemPath::form(None).to_string(), "department_form");
    }

    #[test]
    fn the_form_of_a_path() {
        assert_eq!(ItemPath::form_of("department_form.income.rows[1]"), Some(None));
        assert_eq!(ItemPath::form_of("project_forms[12].expenses[3]"), Some(Some(12)));
        assert_eq!(ItemPath::form_of("project_forms[1]"), Some(Some(1)));
        assert_eq!(ItemPath::form_of("project_forms[x]"), None);
        assert_eq!(ItemPath::form_of("project_forms[1]x"), None);
        assert_eq!(ItemPath::form_of("voucher:5月19#"), None);
        assert_eq!(ItemPath::form_of("department_formx"), None);
    }

    #[test]
    fn the_places_holding_a_path() {
        let all: Vec<&str> = ItemPath::places("project_forms[0].expenses[3].vouchers").collect();
        assert_eq!(
            all,
            [
                "project_forms",
                "project_forms[0]",
                "project_forms[0].expenses",
                "project_forms[0].expenses[3]",
                "project_forms[0].expenses[3].vouchers"
            ]
        );
        for place in &all {
            assert!(ItemPath::is_under("project_forms[0].expenses[3].vouchers", place));
        }
    }

    #[test]
    fn inside_a_place() {
        assert!(ItemPath::is_under(
            "project_forms[0].expenses[3].vouchers",
            "project_forms[0].expenses[3]"
        ));
        assert!(ItemPath::is_under("project_forms[0]", "project_forms[0]"));
        assert!(!ItemPath::is_under(
            "project_forms[0].expenses[13]",
            "project_forms[0].expenses[1]"
        ));
        assert!(!ItemPath::is_under(
            "department_form.indicators_x",
            "department_form.indicators"
        ));
    }
}
