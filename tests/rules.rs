//! The rule registry is the one list of rules (a finding can only be made
//! from a registered rule), and the README's table is made from it.

use fuhe::rules;

const START: &str = "<!-- rules:start (generated from src/rules.rs; tests/rules.rs fails when they differ) -->\n";
const END: &str = "<!-- rules:end -->";

#[test]
fn the_readme_rule_table_is_the_registry() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = rules::readme_table();
    let (Some(s), Some(e)) = (readme.find(START), readme.find(END)) else {
        panic!("README.md lacks the rules markers");
    };
    let written = &readme[s + START.len()..e];
    if written != table {
        if std::env::var_os("FUHE_UPDATE_README").is_some() {
            let updated = format!("{}{table}{}", &readme[..s + START.len()], &readme[e..]);
            std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"), updated).unwrap();
        }
        panic!(
            "README.md's rule table differs from src/rules.rs; run with FUHE_UPDATE_README=1 to rewrite it. It should be:\n{table}"
        );
    }
}
