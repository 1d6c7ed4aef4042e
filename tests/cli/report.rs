//! `mognad report`: the PDF as a reader sees it. Text is extracted with poppler's `pdftotext`
//! and the structure read with `pdfinfo` (CI installs poppler-utils).

use std::path::Path;
use std::process::Command;

use crate::{BEREDSKAP_2025, TIOPUNKT_2024, TIOPUNKT_2025, Test, json, root};

fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("`{tool}` is needed for the report tests (Debian: poppler-utils): {e}")
    });
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

pub fn text(pdf: &Path) -> String {
    poppler("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"])
}

fn info(pdf: &Path) -> String {
    poppler("pdfinfo", &[pdf.to_str().unwrap()])
}

fn pages(pdf: &Path) -> usize {
    info(pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count")
}

/// Numbers written with a decimal point, each with what follows it, other than a question's
/// number (`2.1 Finansiering…`, followed by its label or text) and a version (`2025.1`). In
/// Swedish a score has a decimal comma, so this finds a score written the English way.
fn points(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for at in 1..chars.len().saturating_sub(1) {
        if chars[at] != '.' || !chars[at - 1].is_ascii_digit() || !chars[at + 1].is_ascii_digit() {
            continue;
        }
        let start = (0..at)
            .rev()
            .find(|i| !chars[*i].is_ascii_digit())
            .map_or(0, |i| i + 1);
        let mut end = at + 1;
        while chars.get(end).is_some_and(char::is_ascii_digit) {
            end += 1;
        }
        let next = chars[end..].iter().find(|c| **c != ' ');
        let version = at - start > 2;
        let question = next.is_some_and(|c| c.is_uppercase());
        if !version && !question {
            let line_end = (end..chars.len())
                .find(|i| chars[*i] == '\n')
                .unwrap_or(chars.len());
            found.push(chars[start..line_end.min(end + 6)].iter().collect());
        }
    }
    found
}

#[test]
fn a_score_with_a_point_is_found_and_a_question_number_is_not() {
    assert_eq!(
        points("index 2.1 av 5; 4.3 CE-märkning, beredskap 2025.1\n(2.0)\n"),
        ["2.1 av 5;", "2.0)"]
    );
}

fn render(dir: &Path, name: &str, lang: &str) -> std::path::PathBuf {
    let out = dir.join(name);
    Test::new()
        .args(&[
            "--lang",
            lang,
            "report",
            TIOPUNKT_2025,
            BEREDSKAP_2025,
            "--previous",
            TIOPUNKT_2024,
            "-o",
        ])
        .arg(&out)
        .success();
    out
}

#[test]
fn the_swedish_profile_reads_right() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = render(dir.path(), "profil.pdf", "sv");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let text = text(&pdf);
    for expected in [
        "Region Exempelland (fiktiv)",
        "Sammanfattning",
        "Användning av molntjänster",
        "Behörighet och identitet",
        "Hälsodata och AI",
        "Förankring och vetokultur",
        "Inte redo",
        "ingen finansiering av driften efter projektet",
        "Samlat index",
        "2,1",
        "10 av 21 regioner",
        "SLIT 2025",
        "Ingen nationell jämförelse gjordes",
        "Intern",
    ] {
        assert!(
            text.contains(expected),
            "missing {expected:?} in the extracted text"
        );
    }
    // The appendix quotes the region's comments as written ("version 1.2").
    let written = &text[..text.find("Varje fråga med svar och kommentar.").unwrap()];
    assert_eq!(
        points(written),
        Vec::<String>::new(),
        "Swedish decimal commas"
    );
    assert!(
        text.contains("(2.1 Finansiering efter projektet = 1)"),
        "a blocker names its question by number and label"
    );
    let info = info(&pdf);
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        info.contains(
            "Title:           Digital mognad och beredskap – Region Exempelland (fiktiv) 2025"
        ),
        "{info}"
    );
    let count = pages(&pdf);
    assert!((10..=30).contains(&count), "{count} pages");
    // The classification is on every page.
    assert!(
        text.matches("Intern").count() >= count,
        "Intern on every page"
    );
}

#[test]
fn the_english_profile_reads_right() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = render(dir.path(), "profile.pdf", "en");
    let text = text(&pdf);
    for expected in [
        "Summary",
        "Use of cloud services",
        "Not ready",
        "Overall index",
        "10 of 21 regions",
        "Internal",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
}

#[test]
fn the_same_inputs_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let a = std::fs::read(render(dir.path(), "a.pdf", "sv")).unwrap();
    let b = std::fs::read(render(dir.path(), "b.pdf", "sv")).unwrap();
    assert!(a == b, "two renders differ");
}

#[test]
fn a_profile_without_earlier_years_or_readiness() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bara.pdf");
    Test::new()
        .args(&["report", TIOPUNKT_2025, "-o"])
        .arg(&out)
        .success();
    let text = text(&out);
    assert!(
        !text.contains("Utveckling över åren"),
        "no trend without earlier years"
    );
    assert!(
        !text.contains("Beredskap att skala upp"),
        "no readiness page without beredskap"
    );
    assert!(text.contains("Indikatorer mot nationella siffror"));
}

#[test]
fn files_that_do_not_belong_together_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.pdf");
    let err = Test::new()
        .args(&["report", TIOPUNKT_2025, TIOPUNKT_2024, "-o"])
        .arg(&out)
        .code(2)
        .stderr;
    assert!(
        err.contains("är ännu en svarsfil för enkäten `tiopunkt`"),
        "{err}"
    );
    let err = Test::new()
        .args(&["report", TIOPUNKT_2024, "--previous", TIOPUNKT_2025, "-o"])
        .arg(&out)
        .code(2)
        .stderr;
    assert!(err.contains("inte ett tidigare år än 2024"), "{err}");
    let err = Test::new()
        .args(&["report", TIOPUNKT_2025, "--previous", BEREDSKAP_2025, "-o"])
        .arg(&out)
        .code(2)
        .stderr;
    assert!(err.contains("årets svar på den saknas"), "{err}");
    let err = Test::new()
        .args(&["report", "questionnaires/tiopunkt.json", "-o"])
        .arg(&out)
        .code(2)
        .stderr;
    assert!(err.contains("är en enkätfil, inte en svarsfil"), "{err}");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn an_existing_pdf_is_replaced_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("profil.pdf");
    std::fs::write(&out, b"%PDF-1.7 old").unwrap();
    Test::new()
        .args(&["report", TIOPUNKT_2025, "-o"])
        .arg(&out)
        .success();
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file left");
    // A folder that does not exist: an error, and no file.
    let out = dir.path().join("saknas").join("profil.pdf");
    let err = Test::new()
        .args(&["report", TIOPUNKT_2025, "-o"])
        .arg(&out)
        .code(2)
        .stderr;
    assert!(err.contains("kan inte skriva"), "{err}");
}

#[test]
fn warnings_about_the_files_are_said_and_the_report_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let mut answers = crate::json(TIOPUNKT_2025);
    answers["questionnaire"]["hash"] = serde_json::json!("sha256:0000");
    let (_keep, path) = crate::write("svar.json", &answers.to_string());
    let out = dir.path().join("profil.pdf");
    let run = Test::new()
        .args(&["report"])
        .arg(&path)
        .args(&["-o"])
        .arg(&out)
        .success();
    assert!(run.stderr.contains("varning: "), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("questionnaire.hash: enkätens innehåll har ändrats"),
        "{}",
        run.stderr
    );
    assert!(out.exists());
}

#[test]
fn the_full_profile_is_small_and_keeps_what_an_archive_asks_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("profil.pdf");
    Test::new()
        .args(&[
            "report",
            TIOPUNKT_2025,
            BEREDSKAP_2025,
            "--previous",
            TIOPUNKT_2024,
            "--national",
            "examples/national-2025.json",
            "-o",
        ])
        .arg(&pdf)
        .success();
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.len() < 150 * 1024, "{} bytes", bytes.len());
    // PDF/A-2, 6.1.2: the header and a comment of four bytes above 127; 6.1.3: nothing but
    // an end of line after %%EOF.
    assert!(bytes.starts_with(b"%PDF-1.7\n%"));
    assert!(bytes[10..14].iter().all(|b| *b > 127));
    assert!(bytes.trim_ascii_end().ends_with(b"%%EOF"));
    let document = lopdf::Document::load_mem(&bytes).unwrap();
    // 6.1.3: the trailer (here the cross-reference stream) has the file identifier.
    assert!(document.trailer.get(b"ID").is_ok());
    // 6.6.2.1: the XMP metadata stream is not compressed, and names both conformances.
    let catalog = document.catalog().unwrap();
    let metadata = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let stream = document.get_object(metadata).unwrap().as_stream().unwrap();
    assert!(stream.dict.get(b"Filter").is_err());
    let xmp = String::from_utf8_lossy(&stream.content);
    assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "{xmp}");
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "{xmp}");
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"sv");
    assert!(info(&pdf).contains("Tagged:          yes"));
}

#[test]
fn a_questionnaire_and_rubric_from_files_make_a_profile() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("egen.pdf");
    let own = |name: &str| root().join("tests/fixtures/own").join(name);
    // Without the instrument's files the answers cannot be read, and the message says so.
    let out = Test::new()
        .args(&["report"])
        .arg(own("answers.json"))
        .args(&["-o"])
        .arg(&pdf)
        .code(2);
    assert!(out.stderr.contains("journalatkomst"), "{}", out.stderr);
    assert!(!pdf.exists());
    let out = Test::new()
        .args(&["report"])
        .arg(own("answers.json"))
        .args(&["--questionnaire"])
        .arg(own("questionnaire.json"))
        .args(&["--rubric"])
        .arg(own("rubric.json"))
        .args(&["-o"])
        .arg(&pdf)
        .success();
    assert!(out.stderr.contains("Skrev"), "{}", out.stderr);
    let words = text(&pdf).split_whitespace().collect::<Vec<_>>().join(" ");
    let questionnaire = json("tests/fixtures/own/questionnaire.json");
    for area in questionnaire["areas"].as_array().unwrap() {
        let title = area["title"]["sv"].as_str().unwrap();
        assert!(words.contains(title), "{title} is in the profile: {words}");
    }
    assert!(words.contains("Delvis redo"), "the verdict: {words}");
    assert!(
        !words.contains("Indikatorsidan"),
        "no indicator page is promised: {words}"
    );
}

/// The demo's profile: the built-in readiness questionnaire with last year's answers, on
/// another version, and a national reference of maturity alone. The summary says what can
/// and cannot be compared, and the ten areas' trend fits its page.
#[test]
fn the_demo_profile_says_what_readiness_can_be_compared_with() {
    let dir = tempfile::tempdir().unwrap();
    Test::new().args(&["demo", "-o"]).arg(dir.path()).success();
    let pdf = dir.path().join("profil-region-exempelland-2026.pdf");
    let words = text(&pdf).split_whitespace().collect::<Vec<_>>().join(" ");
    for said in [
        "Indexet för beredskap att skala upp en lösning är 2,4 av 5, nivå 2 Planerad. Det kan inte jämföras med 2025: på de frågor som kan jämföras har 7 av 9 områden poäng det året, och indexet kräver 9.",
        "Bedömningen är densamma som 2025: inte redo.",
        "9 hinder från 2025 gäller fortfarande.",
        "Ingen nationell jämförelse gjordes för beredskap att skala upp en lösning: den nationella referensen för 2026 har inga siffror för den.",
        "Dimension",
    ] {
        assert!(words.contains(said), "{said:?} is not in:\n{words}");
    }
    assert!(
        !words.contains("ingen nationell referens angavs"),
        "{words}"
    );
    assert_eq!(pages(&pdf), 25);
}
