//! Forms of departments fuhe was not built on (tests/fixtures/unseen), each
//! with the problems planted in it and the correct statements a naive
//! checker calls wrong. Every planted problem must be found, no error may
//! call a correct statement wrong, and at most one warning in ten may.

use fuhe::checks::{CheckConfig, Severity, check_report};
use fuhe::precision::{Expectations, Table, Verdict};

#[test]
fn unseen_forms_every_planted_problem_found_no_false_error() {
    let dir = std::path::Path::new("tests/fixtures/unseen");
    let mut forms: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    forms.sort();
    assert!(forms.len() >= 4, "the fixtures are there: {forms:?}");
    let mut table = Table::default();
    for form in &forms {
        let exp: Expectations =
            serde_json::from_slice(&std::fs::read(form.with_extension("expect.json")).unwrap()).unwrap();
        assert!(
            exp.planted.len() >= 3 && exp.correct.len() >= 8,
            "{form:?} has its lists"
        );
        let (_, mapped) = fuhe::import::read_file(form).unwrap();
        assert!(mapped.not_placed.is_empty(), "{form:?} imports whole");
        let flags = check_report(&mapped.report, &CheckConfig::default());
        for f in &flags {
            assert!(
                !(f.severity == Severity::Error && exp.judge(f) == Verdict::Wrong),
                "{form:?}: an error calls a correct statement wrong: {f:#?}"
            );
        }
        let missed: Vec<_> = exp
            .missed(&flags)
            .into_iter()
            .filter(|p| p.known_miss.is_none())
            .collect();
        assert!(missed.is_empty(), "{form:?}: missed {missed:#?}");
        table.add(&form.display().to_string(), &exp, &flags);
    }
    let w = table.total(Severity::Warning);
    assert!(
        w.wrong * 10 <= w.flags,
        "at most one warning in ten wrong:\n{}",
        table.markdown()
    );
    assert_eq!(table.total(Severity::Error).wrong, 0);
    // The README's table is this one: it stays honest as rules change.
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme
        .find("<!-- precision:start -->\n")
        .expect("README has the precision table");
    let end = readme.find("<!-- precision:end -->").unwrap();
    let shown = &readme[start + "<!-- precision:start -->\n".len()..end];
    assert_eq!(
        shown.trim(),
        table.markdown().trim(),
        "README's precision table is out of date; put this in it (fuhe check --precision tests/fixtures/unseen):\n{}",
        table.markdown()
    );
}
