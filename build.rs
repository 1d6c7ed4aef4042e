//! Finds the built-in editions: every questionnaire in `questionnaires/` named
//! `ID-VERSION.json` (such as `tiopunkt-2026.1.json`) with its rubric of the same name in
//! `scoring/`, and the first editions, which keep the names they were released under. An
//! edition dropped in by name is built in at the next build; one that is absent is simply not
//! in the list.

use std::fmt::Write as _;
use std::path::Path;

/// The first editions, released as `ID.json` before editions were named by version. Their
/// files never change (answers record their hashes), so they keep those names.
const FIRST: &[(&str, &str)] = &[("tiopunkt", "2025.1"), ("beredskap", "2025.1")];

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&root);
    println!("cargo::rerun-if-changed=questionnaires");
    println!("cargo::rerun-if-changed=scoring");

    let mut editions: Vec<(String, (u32, u32), String, String)> = FIRST
        .iter()
        .map(|(id, version)| {
            let file = format!("{id}.json");
            (
                (*id).to_string(),
                parse_version(version).expect("the first editions' versions are YEAR.N"),
                (*version).to_string(),
                file,
            )
        })
        .collect();
    let mut names: Vec<String> = std::fs::read_dir(root.join("questionnaires"))
        .expect("the questionnaires folder is there")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    for name in names {
        let Some(stem) = name.strip_suffix(".json") else {
            continue;
        };
        let Some((id, version)) = stem.rsplit_once('-') else {
            continue;
        };
        let Some(order) = parse_version(version) else {
            continue;
        };
        assert!(
            root.join("scoring").join(&name).is_file(),
            "questionnaires/{name} has no rubric: add scoring/{name}, or remove the questionnaire"
        );
        editions.push((id.to_string(), order, version.to_string(), name.clone()));
    }
    // By id in the order first met, then oldest edition first.
    let ids: Vec<String> = editions.iter().fold(Vec::new(), |mut ids, (id, ..)| {
        if !ids.contains(id) {
            ids.push(id.clone());
        }
        ids
    });
    editions.sort_by_key(|(id, order, ..)| (ids.iter().position(|i| i == id), *order));

    let mut code = String::from("&[\n");
    for (id, _, version, file) in &editions {
        let _ = writeln!(
            code,
            "    Edition {{ id: {id:?}, version: {version:?}, \
             questionnaire: include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/questionnaires/{file}\")), \
             rubric: include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/scoring/{file}\")) }},"
        );
    }
    code.push_str("]\n");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("editions.rs"), code).expect("OUT_DIR is writable");
}

/// `YEAR.N` as numbers, so that 2026.10 comes after 2026.9.
fn parse_version(version: &str) -> Option<(u32, u32)> {
    let (year, n) = version.split_once('.')?;
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(year) || !all_digits(n) {
        return None;
    }
    Some((year.parse().ok()?, n.parse().ok()?))
}
