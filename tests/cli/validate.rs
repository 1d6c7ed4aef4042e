//! `mognad validate` on good files.

use crate::Test;

#[test]
fn the_shipped_files_are_clean() {
    let mut files: Vec<String> = Vec::new();
    for folder in ["questionnaires", "scoring", "examples", "benchmarks"] {
        for entry in std::fs::read_dir(crate::root().join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                files.push(format!(
                    "{folder}/{}",
                    path.file_name().unwrap().to_string_lossy()
                ));
            }
        }
    }
    assert!(files.len() >= 8, "{files:?}");
    let args: Vec<&str> = std::iter::once("validate")
        .chain(files.iter().map(String::as_str))
        .collect();
    let out = Test::new().args(&args).success();
    assert_eq!(
        out.stdout.lines().filter(|l| l.starts_with("ok: ")).count(),
        files.len(),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr.contains("0 fel, 0 varningar, 0 olästa"),
        "{}",
        out.stderr
    );
}

#[test]
fn validate_says_what_each_file_is_in_english_too() {
    let out = Test::new()
        .args(&[
            "--lang",
            "en",
            "validate",
            "questionnaires/tiopunkt.json",
            crate::BEREDSKAP_2025,
        ])
        .success();
    assert!(
        out.stdout
            .contains("ok: questionnaires/tiopunkt.json (questionnaire tiopunkt 2025.1"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("(answers Region Exempelland (fiktiv) 2025"),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr.contains("2 files checked: 2 clean"),
        "{}",
        out.stderr
    );
}
