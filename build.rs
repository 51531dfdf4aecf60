//! Embeds the sample workspace (`sample-data/reports/*.json`) in the binary,
//! so that `fuhe` shows real reports from any folder and after `cargo install`.

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("sample-data/reports");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".json"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let manifest = env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let mut out = String::from("&[\n");
    for n in &names {
        let path = Path::new(&manifest).join(dir).join(n);
        println!("cargo:rerun-if-changed={}", path.display());
        out.push_str(&format!(
            "    ({n:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push(']');
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_default()).join("samples.rs");
    fs::write(dest, out).expect("write samples.rs");
}
