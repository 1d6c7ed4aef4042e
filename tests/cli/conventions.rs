//! The conventions every command follows: completions and man pages from the same definition,
//! CSV for spreadsheets, no colour or progress bars in a pipe, `-` for standard input.

use crate::{TIOPUNKT_2025, Test, root};

#[test]
fn completions_are_generated_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = Test::new().args(&["completions", shell]).success();
        for command in ["assess", "report", "benchmark", "compare", "demo"] {
            assert!(output.stdout.contains(command), "{shell}: {command}");
        }
    }
    // In Swedish by default, in English on request: the descriptions come from the help.
    let fish = Test::new().args(&["completions", "fish"]).success().stdout;
    assert!(fish.contains("Bygg den nationella referensen"), "{fish}");
    let fish = Test::new()
        .args(&["--lang", "en", "completions", "fish"])
        .success()
        .stdout;
    assert!(fish.contains("Build the national reference"), "{fish}");
    Test::new().args(&["completions", "tcsh"]).code(2);
}

#[test]
fn man_pages_are_generated_for_mognad_and_each_command() {
    let page = Test::new().args(&["man"]).success().stdout;
    assert!(page.starts_with(".ie"), "{page}");
    assert!(page.contains(".TH mognad 1"), "{page}");
    assert!(page.contains("mognad\\-score(1)"), "{page}");
    let page = Test::new().args(&["man", "benchmark"]).success().stdout;
    assert!(page.contains(".TH mognad-benchmark 1"), "{page}");
    assert!(page.contains("min\\-regions"), "{page}");
    assert!(page.contains("undanhålls"), "å, ä and ö intact: {page}");
    let output = Test::new().args(&["man", "rapport"]).code(2);
    assert!(output.stderr.contains("`rapport`"), "{}", output.stderr);
    assert!(output.stderr.contains("report"), "{}", output.stderr);
}

#[test]
fn score_as_csv_opens_in_excel_in_either_language() {
    let sv = Test::new()
        .args(&["score", TIOPUNKT_2025, "--format", "csv"])
        .success()
        .stdout;
    assert!(sv.starts_with("\u{feff}id;nr;område;poäng;nivå;"), "{sv}");
    assert!(
        sv.contains("\r\na1;1;Nationell färdplan;2,4;2;Planerad;100;5;0;0;0;5;\r\n"),
        "{sv}"
    );
    assert!(
        sv.ends_with("index;;Samlat index;2,1;2;Planerad;;;;;;;\r\n"),
        "{sv}"
    );
    let en = Test::new()
        .args(&["--lang", "en", "score", TIOPUNKT_2025, "--format", "csv"])
        .success()
        .stdout;
    assert!(
        en.contains("\r\na1,1,National roadmap,2.4,2,Planned,100,5,0,0,0,5,\r\n"),
        "{en}"
    );
    // 11 rows: the header, ten areas and the index.
    assert_eq!(en.lines().count(), 12);
}

#[test]
fn a_pipe_gets_no_colour_and_no_progress_bar() {
    let dir = tempfile::tempdir().unwrap();
    let output = Test::new()
        .args(&["benchmark", "examples/nation", "-o"])
        .arg(dir.path().join("n.json"))
        .success();
    assert!(output.stderr.is_empty(), "{}", output.stderr);
    for text in [
        &output.stdout,
        &Test::new().args(&["score", TIOPUNKT_2025]).success().stdout,
    ] {
        assert!(!text.contains('\u{1b}'), "an escape sequence in {text}");
    }
}

#[test]
fn a_dash_reads_standard_input() {
    let text = std::fs::read_to_string(root().join(TIOPUNKT_2025)).unwrap();
    let output = Test::new()
        .args(&["score", "-", "--format", "csv"])
        .stdin(&text)
        .success();
    assert!(
        output.stdout.contains("Nationell färdplan;2,4"),
        "{}",
        output.stdout
    );
}

#[test]
fn the_usage_line_is_in_the_language_of_the_help() {
    let sv = Test::new().args(&["score", "--help"]).success().stdout;
    assert!(
        sv.contains("Användning: mognad score [FLAGGOR] <ANSWERS>"),
        "{sv}"
    );
    let main = Test::new().args(&["--help"]).success().stdout;
    assert!(
        main.contains("Användning: mognad [FLAGGOR] <KOMMANDO>"),
        "{main}"
    );
    let en = Test::new()
        .args(&["--lang", "en", "score", "--help"])
        .success()
        .stdout;
    assert!(
        en.contains("Usage: mognad score [OPTIONS] <ANSWERS>"),
        "{en}"
    );
}

#[test]
fn usage_errors_are_said_in_swedish_with_a_hint() {
    let output = Test::new().args(&["score"]).code(2);
    assert!(
        output
            .stderr
            .starts_with("fel: det här saknas: `<ANSWERS>`"),
        "{}",
        output.stderr
    );
    assert!(
        output
            .stderr
            .contains("Användning: mognad score [FLAGGOR] <ANSWERS>")
    );
    let output = Test::new()
        .args(&["score", TIOPUNKT_2025, "--formt", "csv"])
        .code(2);
    assert!(
        output
            .stderr
            .contains("okänd flagga eller argument `--formt`"),
        "{}",
        output.stderr
    );
    assert!(
        output.stderr.contains("tips: menade du `--format`?"),
        "{}",
        output.stderr
    );
    let output = Test::new().args(&["scor"]).code(2);
    assert!(
        output.stderr.contains("menade du `compare` eller `score`?"),
        "{}",
        output.stderr
    );
    let output = Test::new()
        .args(&["score", TIOPUNKT_2025, "--format", "xml"])
        .code(2);
    assert!(
        output
            .stderr
            .contains("värdet `xml` passar inte `--format <FORMAT>`"),
        "{}",
        output.stderr
    );
    assert!(
        output.stderr.contains("möjliga värden: text, json, csv"),
        "{}",
        output.stderr
    );
    let output = Test::new().args(&["assess", "--year", "1999"]).code(2);
    assert!(
        output
            .stderr
            .contains("1999 ligger inte mellan 2000 och 2100"),
        "{}",
        output.stderr
    );
    // In English, clap's own words.
    let output = Test::new().args(&["--lang", "en", "score"]).code(2);
    assert!(
        output
            .stderr
            .contains("the following required arguments were not provided")
    );
}
