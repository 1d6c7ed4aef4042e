//! The instrument in `examples/instrument/`, written from nothing as `docs/formats.md`
//! walks through it: readiness to introduce an AI tool in care, six areas in three groups,
//! levels 0–3, a condition, gates and blockers. Every command is run with it, once with the
//! files named (`--questionnaire`, `--rubric`) and once with the folder (`--instruments`), and
//! the figures are those worked out by hand in the document.

use std::path::Path;

use serde_json::{Value, json};

use crate::{Test, root};

const FOLDER: &str = "examples/instrument/ai-stod";
const QUESTIONNAIRE: &str = "examples/instrument/ai-stod/enkat.json";
const RUBRIC: &str = "examples/instrument/ai-stod/mall.json";
const Y2025: &str = "examples/instrument/svar-ai-stod-region-norrsund-fiktiv-2025.json";
const Y2026: &str = "examples/instrument/svar-ai-stod-region-norrsund-fiktiv-2026.json";

const AREAS_SV: [&str; 6] = [
    "Ägarskap och finansiering",
    "Regelverk",
    "Data och informationssäkerhet",
    "Klinisk validering",
    "Kompetens och arbetssätt",
    "Uppföljning och förvaltning",
];
const AREAS_EN: [&str; 6] = [
    "Ownership and funding",
    "Regulation",
    "Data and information security",
    "Clinical validation",
    "Skills and ways of working",
    "Follow-up and maintenance",
];
const GROUPS_SV: [&str; 3] = [
    "Styrning och regelverk",
    "Data och evidens",
    "Verksamhet och uppföljning",
];
const GROUPS_EN: [&str; 3] = [
    "Governance and regulation",
    "Data and evidence",
    "Practice and follow-up",
];

/// A run with the questionnaire and rubric named as files, after every other argument.
fn with_files(args: &[&str]) -> Test {
    Test::new()
        .args(args)
        .args(&["--questionnaire", QUESTIONNAIRE, "--rubric", RUBRIC])
}

/// A run that finds the instrument in its folder, named after every other argument.
fn with_folder(args: &[&str]) -> Test {
    Test::new().args(args).args(&["--instruments", FOLDER])
}

fn s(path: &Path) -> String {
    path.display().to_string()
}

fn card(answers: &Path) -> Value {
    let out = with_files(&["score", &s(answers), "--format", "json"]).success();
    serde_json::from_str(&out.stdout).unwrap()
}

fn area(card: &Value, id: &str) -> Value {
    card["areas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap_or_else(|| panic!("no area {id}"))
        .clone()
}

fn scores(card: &Value) -> Vec<(String, Option<f64>, Option<u64>)> {
    card["areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_string(),
                a["score"].as_f64(),
                a["level"].as_u64(),
            )
        })
        .collect()
}

fn group(card: &Value, id: &str) -> (Option<f64>, Option<u64>) {
    let group = card["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == id)
        .unwrap_or_else(|| panic!("no group {id}"));
    (group["score"].as_f64(), group["level"].as_u64())
}

fn blockers(card: &Value) -> Vec<(String, bool)> {
    card["verdict"]["blockers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["id"].as_str().unwrap().to_string(),
                b["decisive"].as_bool().unwrap(),
            )
        })
        .collect()
}

/// The 2026 answers changed by `change`, written into `dir`.
fn changed(dir: &Path, name: &str, change: impl FnOnce(&mut Value)) -> std::path::PathBuf {
    let mut answers = crate::json(Y2026);
    change(&mut answers);
    let path = dir.join(name);
    std::fs::write(&path, answers.to_string()).unwrap();
    path
}

/// The PDF's text in reading order (without `-layout`, which sets a table's wrapped cells
/// side by side), as one line, so that a title wrapped in its cell still reads as one.
fn pdf_words(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed for the report tests");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn pdf_pages(pdf: &Path) -> usize {
    let out = std::process::Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) is needed for the report tests");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count")
}

#[test]
fn third_the_instrument_validates_and_the_answers_pin_its_hash() {
    let out = Test::new()
        .args(&["validate", QUESTIONNAIRE, RUBRIC])
        .success();
    assert_eq!(out.stdout.matches("ok: ").count(), 2, "{}", out.stdout);
    assert!(
        out.stdout
            .contains("(enkät ai-stod 2026.1, 20 frågor, sha256:"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("(bedömningsmall ai-stod 2026.1 för ai-stod)"),
        "{}",
        out.stdout
    );
    // The hash the answers name is the one validate computes for the questionnaire.
    let hash = out
        .stdout
        .split_whitespace()
        .find_map(|w| w.strip_prefix("sha256:"))
        .map(|h| format!("sha256:{}", h.trim_end_matches(')')))
        .unwrap();
    for answers in [Y2025, Y2026] {
        assert_eq!(crate::json(answers)["questionnaire"]["hash"], hash.as_str());
    }
    // Answers with their questionnaire given in the same command, and from the folder: clean.
    let out = Test::new()
        .args(&["validate", QUESTIONNAIRE, RUBRIC, Y2025, Y2026])
        .success();
    assert!(
        out.stderr
            .contains("4 filer kontrollerade: 4 utan anmärkning, 0 fel, 0 varningar"),
        "{}",
        out.stderr
    );
    let out = with_folder(&["validate", Y2025, Y2026]).success();
    assert!(
        out.stdout
            .contains("(svar Region Norrsund (fiktiv) 2026, 20 svar)"),
        "{}",
        out.stdout
    );
    // A changed questionnaire no longer matches the hash the answers pinned.
    let dir = tempfile::tempdir().unwrap();
    let mut questionnaire = crate::json(QUESTIONNAIRE);
    questionnaire["areas"][0]["questions"][0]["text"]["sv"] = json!("Finns det en ägare?");
    let path = dir.path().join("enkat.json");
    std::fs::write(&path, questionnaire.to_string()).unwrap();
    let out = Test::new()
        .args(&["validate"])
        .arg(&path)
        .args(&[Y2026])
        .success();
    assert!(
        out.stdout.contains(
            "svar-ai-stod-region-norrsund-fiktiv-2026.json: questionnaire.hash: enkätens innehåll har ändrats sedan svaren gavs"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn third_score_gives_the_hand_computed_figures() {
    let now = card(&root().join(Y2026));
    let expected = [
        ("a1", 3.8, 3),
        ("a2", 4.4, 3),
        ("a3", 3.0, 2),
        ("a4", 2.8, 2),
        ("a5", 2.9, 2),
        ("a6", 2.3, 1),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|(id, s, l)| (id.to_string(), Some(*s), Some(*l)))
        .collect();
    assert_eq!(scores(&now), expected);
    // Area 4 by hand: 4.1 at level 3 (weight 2), 4.2 = 240 cases reaches the band at 200
    // (3 points), 4.3 at level 2: (2·3 + 3 + 2) / 4 = 2,75, shown 2,8.
    let a4 = area(&now, "a4");
    assert_eq!(a4["questions"][1]["points"].as_f64(), Some(3.0));
    assert_eq!(a4["answered"].as_u64(), Some(3));
    assert_eq!(group(&now, "styrning"), (Some(4.1), Some(3)));
    assert_eq!(group(&now, "teknik"), (Some(2.9), Some(2)));
    assert_eq!(group(&now, "verksamhet"), (Some(2.6), Some(2)));
    assert_eq!(now["overall"]["score"].as_f64(), Some(3.4));
    assert_eq!(now["overall"]["level"].as_u64(), Some(2));
    assert_eq!(now["verdict"]["id"], "partly_ready");
    assert!(blockers(&now).is_empty());

    let then = card(&root().join(Y2025));
    let a3 = area(&then, "a3");
    assert_eq!(
        (a3["score"].as_f64(), a3["score_before_gates"].as_f64()),
        (Some(2.0), Some(2.3))
    );
    assert_eq!(a3["gates"][0]["id"], "data-utanfor-eu");
    let a5 = area(&then, "a5");
    assert_eq!(
        (a5["answered"].as_u64(), a5["applicable"].as_u64()),
        (Some(2), Some(3))
    );
    assert_eq!(a5["score"].as_f64(), Some(0.7));
    // 4.2 is asked only from level 3 of 4.1: in 2025 (level 2) it was not asked.
    assert_eq!(area(&then, "a4")["not_asked"].as_u64(), Some(1));
    assert_eq!(area(&then, "a4")["score"].as_f64(), Some(1.7));
    assert_eq!(group(&then, "verksamhet"), (Some(0.6), Some(0)));
    assert_eq!(then["overall"]["score"].as_f64(), Some(1.8));
    assert_eq!(then["verdict"]["id"], "not_ready");
    assert_eq!(
        blockers(&then),
        vec![
            ("ingen-finansiering".to_string(), false),
            ("ingen-lokal-validering".to_string(), false)
        ]
    );
}

#[test]
fn third_score_text_in_swedish_and_english_from_files_and_folder() {
    let sv = with_files(&["score", Y2026]).success().stdout;
    for said in [
        "Region Norrsund (fiktiv) · 2026 · Beredskap att införa ett AI-stöd i vården (ai-stod 2026.1)",
        "  1  Ägarskap och finansiering         3,8   3 Säkrad",
        "  6  Uppföljning och förvaltning       2,3   1 Påbörjad",
        "  Styrning och regelverk (1, 2): 4,1, nivå 3 Säkrad",
        "  Data och evidens (3, 4): 2,9, nivå 2 På plats",
        "Samlat index: 3,4 (nivå 2 På plats), 6 av 6 områden har poäng.",
        "Bedömning: DELVIS REDO",
    ] {
        assert!(sv.contains(said), "{said:?} is not in:\n{sv}");
    }
    let en = with_files(&["--lang", "en", "score", Y2025])
        .success()
        .stdout;
    for said in [
        "Readiness to introduce an AI tool in care",
        "Governance and regulation (1, 2): 2.3, level 1 Started",
        "Practice and follow-up (5, 6): 0.6, level 0 Absent",
        "Verdict: NOT READY",
        "no funding for operation and maintenance after the pilot",
        "capped at 2.0 (2.3 without the cap)",
    ] {
        assert!(en.contains(said), "{said:?} is not in:\n{en}");
    }
    // The folder finds the same instrument by the id and version the answers name.
    assert_eq!(with_folder(&["score", Y2026]).success().stdout, sv);
    let out = Test::new()
        .env("MOGNAD_INSTRUMENTS", FOLDER)
        .args(&["--lang", "en", "score", Y2025])
        .success();
    assert_eq!(out.stdout, en);
}

/// One critical answer outweighs a good average; the condition and the gates act on the
/// choice question.
#[test]
fn third_a_blocker_decides_and_the_condition_and_gate_follow_the_choice() {
    let dir = tempfile::tempdir().unwrap();
    let no_ce = changed(dir.path(), "utan-ce.json", |a| {
        a["answers"]["a2-2"] = json!({"value": "no"});
    });
    let c = card(&no_ce);
    // The index stays in the band of partly ready; the blocker makes it not ready.
    assert_eq!(c["verdict"]["from_index"], "partly_ready");
    assert_eq!(c["verdict"]["id"], "not_ready");
    assert_eq!(blockers(&c), vec![("ingen-ce-markning".to_string(), true)]);
    let text = with_files(&["score", &s(&no_ce)]).success().stdout;
    assert!(
        text.contains("Bedömning: INTE REDO (indexet ensamt ger delvis redo)"),
        "{text}"
    );
    assert!(
        text.contains("AI-stödet är inte CE-märkt för den planerade användningen"),
        "{text}"
    );

    // Nobody knows whether it is CE marked: an unknown answer holds the blocker too.
    let unknown = changed(dir.path(), "vet-ej.json", |a| {
        a["answers"]["a2-2"] = json!({"status": "dont_know"});
    });
    let c = card(&unknown);
    assert_eq!(c["verdict"]["id"], "not_ready");
    assert_eq!(blockers(&c), vec![("ingen-ce-markning".to_string(), true)]);

    // Not a medical device: 2.2 is not asked, and area 2 is (5 + 2 + 5) / 3 = 4,0.
    let not_device = changed(dir.path(), "inte-mt.json", |a| {
        a["answers"]["a2-1"] = json!({"value": "inte-mt"});
        a["answers"].as_object_mut().unwrap().remove("a2-2");
    });
    let a2 = area(&card(&not_device), "a2");
    assert_eq!(a2["not_asked"].as_u64(), Some(1));
    assert_eq!(a2["score"].as_f64(), Some(4.0));
    // An answer to a question not asked is said, and not counted.
    let asked_anyway = changed(dir.path(), "ce-utan-fraga.json", |a| {
        a["answers"]["a2-1"] = json!({"value": "inte-mt"});
    });
    let out = Test::new()
        .args(&["validate", QUESTIONNAIRE])
        .arg(&asked_anyway)
        .success();
    assert!(
        out.stdout
            .contains("answers.a2-2: frågan är besvarad fast dess villkor inte gäller"),
        "{}",
        out.stdout
    );
    assert_eq!(
        area(&card(&asked_anyway), "a2")["score"].as_f64(),
        Some(4.0)
    );

    // Class not examined: the gate caps area 2 at 1, from (0 + 2 + 5) / 3 = 2,3.
    let unexamined = changed(dir.path(), "inte-utrett.json", |a| {
        a["answers"]["a2-1"] = json!({"value": "inte-utrett"});
        a["answers"].as_object_mut().unwrap().remove("a2-2");
    });
    let a2 = area(&card(&unexamined), "a2");
    assert_eq!(
        (a2["score"].as_f64(), a2["score_before_gates"].as_f64()),
        (Some(1.0), Some(2.3))
    );
    assert_eq!(a2["level"].as_u64(), Some(0));
    assert_eq!(a2["gates"][0]["id"], "mdr-inte-utrett");
}

#[test]
fn third_compare_two_years() {
    let text = with_files(&["compare", Y2025, Y2026]).success().stdout;
    for said in [
        "Region Norrsund (fiktiv) · 2025 → 2026",
        "  1  Ägarskap och finansiering            1,0    3,8         +2,8   0 → 3",
        "  3  Data och informationssäkerhet        2,0    3,0         +1,0   1 → 2",
        " Grupper av områden",
        "     Styrning och regelverk (1, 2)        2,3    4,1         +1,8   1 → 3",
        "     Verksamhet och uppföljning (5, 6)    0,6    2,6         +2,0   0 → 2",
        "Samlat index: 1,8 → 3,4 (+1,6), nivå 1 → 2.",
        "1.2 Finansiering efter piloten: Nej → Ja",
        "6.3 Reservrutin och exit: Det finns ingen plan → En reservrutin för driftstopp",
    ] {
        assert!(text.contains(said), "{said:?} is not in:\n{text}");
    }
    assert_eq!(
        with_folder(&["compare", Y2025, Y2026]).success().stdout,
        text
    );
    let json: Value = serde_json::from_str(
        &with_folder(&["compare", Y2025, Y2026, "--format", "json"])
            .success()
            .stdout,
    )
    .unwrap();
    assert_eq!(json["same_version"], true);
    assert_eq!(
        (
            json["overall"]["then"].as_f64(),
            json["overall"]["now"].as_f64(),
            json["overall"]["change"].as_f64()
        ),
        (Some(1.8), Some(3.4), Some(1.6))
    );
    let a5 = &json["areas"][4];
    assert_eq!(
        (
            a5["then"].as_f64(),
            a5["now"].as_f64(),
            a5["change"].as_f64()
        ),
        (Some(0.7), Some(2.9), Some(2.2))
    );
    // Every answer that changed, the one not asked in 2025 included; 2.1 and 2.2 did not.
    let changed: Vec<&str> = json["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(changed.len(), 17, "{changed:?}");
    assert!(changed.contains(&"a4-2") && !changed.contains(&"a2-1"));
    let csv = with_files(&["compare", Y2025, Y2026, "--format", "csv"])
        .success()
        .stdout;
    assert!(
        csv.contains("a4;Klinisk validering;1,7;2,8;1,1;1;2;3;3"),
        "{csv}"
    );
}

#[test]
fn third_merge_two_respondents_into_a_team() {
    let dir = tempfile::tempdir().unwrap();
    let cmio = changed(dir.path(), "cmio.json", |a| {
        a["respondents"] = json!([{"name": "Åsa Lindström", "role": "CMIO"}]);
    });
    let ciso = changed(dir.path(), "ciso.json", |a| {
        a["respondents"] = json!([{"name": "Jörgen Öhman", "role": "CISO"}]);
        a["answers"]["a3-3"] = json!({"value": 0, "comment": "Riskanalysen är inte beslutad."});
        a["answers"]["a1-2"] = json!({"value": "partly"});
        a["answers"]["a5-1"] = json!({"status": "dont_know"});
    });
    let team = dir.path().join("team.json");
    let out = with_folder(&["merge", &s(&cmio), &s(&ciso), "-o", &s(&team)]).success();
    assert!(
        out.stderr
            .contains("Slog ihop 2 personers svar på 20 frågor; 2 är oeniga."),
        "{}",
        out.stderr
    );
    let merged = crate::json(team.to_str().unwrap());
    assert_eq!(merged["merge"]["rule"], "median");
    // The median of 2 and 0 is the lower of the two: 0; split, more than a level apart.
    assert_eq!(merged["answers"]["a3-3"]["value"], 0);
    assert_eq!(merged["answers"]["a3-3"]["split"], true);
    assert_eq!(merged["answers"]["a1-2"]["split"], true);
    // A don't know beside a number leaves the number.
    assert_eq!(merged["answers"]["a5-1"]["value"], 80);
    assert_eq!(
        merged["answers"]["a5-1"]["respondents"][1],
        json!({"name": "Jörgen Öhman", "status": "dont_know"})
    );
    // The team's file scores with the instrument: area 1 (2·3 + 2·2 + 3) / 5 = 2,6 with
    // partly, area 3 (4 + 3 + 0) / 3 = 2,3.
    let c = card(&team);
    assert_eq!(area(&c, "a1")["score"].as_f64(), Some(2.6));
    assert_eq!(area(&c, "a3")["score"].as_f64(), Some(2.3));
    Test::new()
        .args(&["validate", QUESTIONNAIRE, &s(&team)])
        .success();
}

/// The answers to fill a sheet row with, as a person types them.
fn sheet_answer(question: &Value, answer: &Value) -> String {
    match (&answer["value"], answer["status"].as_str()) {
        (_, Some("dont_know")) => "Vet ej".into(),
        (_, Some("not_applicable")) => "Ej tillämpligt".into(),
        (Value::Number(n), _) => n.to_string(),
        (Value::String(s), _) => match question["kind"].as_str().unwrap() {
            "yes_no" => match s.as_str() {
                "yes" => "Ja".into(),
                "partly" => "Delvis".into(),
                _ => "Nej".into(),
            },
            "choice" => question["options"]
                .as_array()
                .unwrap()
                .iter()
                .find(|o| o["id"] == *s.as_str())
                .unwrap()["label"]["sv"]
                .as_str()
                .unwrap()
                .to_string(),
            _ => s.clone(),
        },
        other => panic!("no words for {other:?}"),
    }
}

#[test]
fn third_template_and_import_round_trip() {
    let expected = crate::json(Y2026);
    let questionnaire = crate::json(QUESTIONNAIRE);
    let questions: Vec<&Value> = questionnaire["areas"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["questions"].as_array().unwrap())
        .collect();
    let out = Test::new()
        .args(&[
            "template",
            "--questionnaire",
            QUESTIONNAIRE,
            "--region",
            "Region Norrsund (fiktiv)",
            "--year",
            "2026",
            "-o",
            "-",
        ])
        .success();
    // The folder gives the same sheet for the questionnaire's id.
    assert_eq!(
        with_folder(&[
            "template",
            "--questionnaire",
            "ai-stod",
            "--region",
            "Region Norrsund (fiktiv)",
            "--year",
            "2026",
            "-o",
            "-"
        ])
        .success()
        .stdout,
        out.stdout
    );
    let text = out.stdout.strip_prefix('\u{feff}').expect("a BOM");
    let mut rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let col = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    let (answer, comment, evidence, condition) = (
        col("svar"),
        col("kommentar"),
        col("underlag"),
        col("villkor"),
    );
    let condition_of = |id: &str| rows.iter().find(|r| r[0] == id).unwrap()[condition].clone();
    assert_eq!(
        condition_of("a4-2"),
        "Besvaras bara om a4-1 (Lokal validering) är minst 3"
    );
    assert!(condition_of("a2-2").starts_with("Besvaras bara om a2-1 (Klass enligt MDR)"));
    let answers = expected["answers"].as_object().unwrap();
    for row in &mut rows[1..] {
        let id = row[0].clone();
        let value = match id.as_str() {
            "#solution" => expected["solution"]["name"].as_str().unwrap().to_string(),
            "#target_group" => expected["solution"]["target_group"]
                .as_str()
                .unwrap()
                .to_string(),
            "#respondent" => "Åsa Lindström, CMIO".into(),
            _ => match answers.get(&id) {
                Some(given) => {
                    let question = questions.iter().find(|q| q["id"] == *id.as_str()).unwrap();
                    row.resize(row.len().max(evidence + 1), String::new());
                    row[comment] = given["comment"].as_str().unwrap_or("").into();
                    row[evidence] = given["evidence"].as_str().unwrap_or("").into();
                    sheet_answer(question, given)
                }
                None => continue,
            },
        };
        row.resize(row.len().max(answer + 1), String::new());
        row[answer] = value;
    }
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer("\u{feff}".as_bytes().to_vec());
    for row in &rows {
        writer.write_record(row).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("ifylld.csv");
    std::fs::write(&sheet, writer.into_inner().unwrap()).unwrap();
    let imported = dir.path().join("svar.json");
    let out = Test::new()
        .args(&["import"])
        .arg(&sheet)
        .args(&["--questionnaire", QUESTIONNAIRE, "-o"])
        .arg(&imported)
        .success();
    assert!(out.stderr.contains("Läste 20 svar"), "{}", out.stderr);
    let got = crate::json(imported.to_str().unwrap());
    assert_eq!(got["answers"], expected["answers"]);
    assert_eq!(got["questionnaire"], expected["questionnaire"]);
    assert_eq!(got["solution"]["name"], expected["solution"]["name"]);
    // The imported file scores as the example does.
    assert_eq!(card(&imported)["areas"], card(&root().join(Y2026))["areas"]);
    // From the folder, the sheet's own `#questionnaire` row finds the instrument.
    let again = dir.path().join("svar2.json");
    with_folder(&["import", &s(&sheet), "-o", &s(&again)]).success();
    assert_eq!(
        crate::json(again.to_str().unwrap())["answers"],
        expected["answers"]
    );
}

/// The keys that answer every question as the 2026 example does, in the order asked.
const KEYS_2026: &[&str] = &[
    "3",
    "j",
    "3", // 1.1–1.3
    "3",
    "j",
    "2",
    "j", // 2.1 Klass IIa (third option), 2.2 asked, 2.3, 2.4
    "2",
    "3",
    "2", // 3.1 within the EU (second option), 3.2, 3.3
    "3",
    "s",
    "240",
    "2", // 4.1 at 3, so 4.2 is asked; 4.3
    "s",
    "80",
    "3",
    "2",
    "s",
    "Oro för hudton", // 5.1–5.4
    "2",
    "d",
    "2", // 6.1–6.3
];

fn interview(folder: bool, keys: &[&str]) -> (tempfile::TempDir, crate::Output) {
    let dir = tempfile::tempdir().unwrap();
    let out = if folder {
        let folder = root().join(FOLDER).display().to_string();
        interview_in(dir.path(), "ai-stod", &["--instruments", &folder], keys)
    } else {
        let questionnaire = root().join(QUESTIONNAIRE).display().to_string();
        interview_in(dir.path(), &questionnaire, &[], keys)
    };
    (dir, out)
}

/// The plain interview in `dir` on `questionnaire`, with `extra` flags: the start's answers
/// (respondent and solution), then `keys`, then `a` to finish.
fn interview_in(dir: &Path, questionnaire: &str, extra: &[&str], keys: &[&str]) -> crate::Output {
    let mut lines = vec![
        "",
        "Åsa Lindström",
        "CMIO",
        "AI-stöd för bedömning av hudförändringar",
        "Patienter som söker vårdcentral för en hudförändring",
    ];
    lines.extend_from_slice(keys);
    lines.push("a");
    Test::new()
        .dir(dir)
        .args(&[
            "assess",
            "--plain",
            "--questionnaire",
            questionnaire,
            "--answers",
            "svar.json",
            "--region",
            "Region Norrsund (fiktiv)",
            "--year",
            "2026",
        ])
        .args(extra)
        .stdin(&(lines.join("\n") + "\n"))
        .run()
}

#[test]
fn third_assess_plain_from_the_folder() {
    let (dir, out) = interview(true, KEYS_2026);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    for said in [
        "Område 1 av 6: Ägarskap och finansiering · fråga 1.1 · 0 av 18 besvarade",
        "2.2  Är AI-stödet CE-märkt enligt MDR",
        "4.2  Hur många patientfall",
        "Bedömning: DELVIS REDO",
    ] {
        assert!(
            out.stdout.contains(said),
            "{said:?} is not in:\n{}",
            out.stdout
        );
    }
    let saved = crate::json(dir.path().join("svar.json").to_str().unwrap());
    let example = crate::json(Y2026);
    let values = |answers: &Value| -> Vec<(String, Value)> {
        answers
            .as_object()
            .unwrap()
            .iter()
            .filter(|(id, _)| *id != "a5-4")
            .map(|(id, a)| (id.clone(), a["value"].clone()))
            .collect()
    };
    assert_eq!(values(&saved["answers"]), values(&example["answers"]));
    assert_eq!(saved["answers"]["a5-4"]["value"], "Oro för hudton");
    assert_eq!(saved["questionnaire"], example["questionnaire"]);
    assert_eq!(
        saved["solution"]["target_group"],
        "Patienter som söker vårdcentral för en hudförändring"
    );
}

#[test]
fn third_assess_plain_skips_the_questions_whose_condition_does_not_hold() {
    // 2.1 not a medical device (first option): 2.2 is not asked; 4.1 at 2: 4.2 is not asked.
    let keys = [
        "3", "j", "3", "1", "2", "j", "2", "3", "2", "2", "2", "s", "80", "3", "2", "s", "Inga",
        "2", "d", "2",
    ];
    let (dir, out) = interview(true, &keys);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    assert!(
        !out.stdout.contains("2.2  Är AI-stödet CE-märkt"),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains("4.2  Hur många patientfall"),
        "{}",
        out.stdout
    );
    let saved = crate::json(dir.path().join("svar.json").to_str().unwrap());
    let answers = saved["answers"].as_object().unwrap();
    assert_eq!(answers.len(), 18);
    assert!(!answers.contains_key("a2-2") && !answers.contains_key("a4-2"));
    assert_eq!(answers["a2-1"]["value"], "inte-mt");
    // 4.1 at 2 is below 3: the local validation blocker holds.
    let c = card(&dir.path().join("svar.json"));
    assert_eq!(c["verdict"]["blockers"][0]["id"], "ingen-lokal-validering");
}

/// The interview with the questionnaire given as a file finds the rubric beside it for the
/// score at the end.
#[test]
fn third_assess_plain_with_the_questionnaire_file() {
    let (dir, out) = interview(false, KEYS_2026);
    assert!(dir.path().join("svar.json").exists());
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains("Bedömning: DELVIS REDO"),
        "{}",
        out.stdout
    );
}

/// Copies the questionnaire and the rubric into folders of their own, so that neither is
/// found beside the other: the rubric must be named.
fn apart(dir: &Path) -> (String, String) {
    for folder in ["enkät", "mall"] {
        std::fs::create_dir(dir.join(folder)).unwrap();
    }
    let questionnaire = dir.join("enkät/ai-stod.json");
    let rubric = dir.join("mall/ai-stod mall.json");
    std::fs::copy(root().join(QUESTIONNAIRE), &questionnaire).unwrap();
    std::fs::copy(root().join(RUBRIC), &rubric).unwrap();
    (s(&questionnaire), s(&rubric))
}

/// Runs the command a hint printed (from the first `mognad ` at or after `marker` to the end
/// of its line), as a shell would split it.
fn run_printed(dir: &Path, said: &str, marker: &str) -> crate::Output {
    let line = said
        .lines()
        .find_map(|l| l.find(marker).map(|at| &l[at..]))
        .and_then(|rest| rest.find("mognad ").map(|at| &rest[at + "mognad ".len()..]))
        .unwrap_or_else(|| panic!("no {marker:?} in:\n{said}"));
    // A command inside a sentence stands in backticks.
    let line = line.split('`').next().unwrap_or_default();
    let words = shell_words(line.trim());
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    Test::new().dir(dir).args(&words).run()
}

/// Splits a command line as a shell does for plain words and single quotes.
fn shell_words(line: &str) -> Vec<String> {
    let (mut words, mut word, mut quoted, mut any) = (Vec::new(), String::new(), false, false);
    for c in line.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    words.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        words.push(word);
    }
    words
}

#[test]
fn third_assess_and_merge_take_a_rubric_that_is_not_beside_the_questionnaire() {
    let dir = tempfile::tempdir().unwrap();
    let (questionnaire, rubric) = apart(dir.path());
    let interview = |rubric: Option<&str>| {
        let extra: Vec<&str> = rubric.map(|r| vec!["--rubric", r]).unwrap_or_default();
        interview_in(dir.path(), &questionnaire, &extra, KEYS_2026)
    };
    // A rubric named wrong is refused before anything is asked, and nothing is written.
    let out = interview(Some("ingen-mall.json"));
    assert_eq!(out.code, 2, "{}\n{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("ingen-mall.json"), "{}", out.stderr);
    assert!(
        !out.stdout.contains("Tryck Enter för att börja"),
        "{}",
        out.stdout
    );
    assert!(!dir.path().join("svar.json").exists());
    // Without the rubric the answers are kept and the missing rubric is said.
    let out = interview(None);
    assert_eq!(out.code, 2, "{}\n{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("ai-stod"), "{}", out.stderr);
    std::fs::remove_file(dir.path().join("svar.json")).unwrap();
    let out = interview(Some(&rubric));
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains("Bedömning: DELVIS REDO"),
        "{}",
        out.stdout
    );
    // The printed report command names both files, quoted, and works as written.
    assert!(out.stdout.contains("--rubric '"), "{}", out.stdout);
    let pdf = run_printed(
        dir.path(),
        &out.stdout,
        "Nästa steg, profilen för ledningen: ",
    );
    assert_eq!(pdf.code, 0, "{}\n{}", pdf.stdout, pdf.stderr);

    // Two respondents merged with the questionnaire and rubric named as files.
    let answers = dir.path().join("svar.json");
    let cmio = changed(dir.path(), "cmio.json", |a| {
        *a = crate::json(answers.to_str().unwrap());
        a["respondents"] = json!([{"name": "Åsa Lindström", "role": "CMIO"}]);
    });
    let ciso = changed(dir.path(), "ciso.json", |a| {
        *a = crate::json(answers.to_str().unwrap());
        a["respondents"] = json!([{"name": "Jörgen Öhman", "role": "CISO"}]);
        // 2.2 CE marking is a blocker's question: the lowest answer is proposed, split.
        a["answers"]["a2-2"] = json!({"value": "no"});
    });
    let refused = Test::new()
        .dir(dir.path())
        .args(&["merge", &s(&cmio), &s(&ciso), "-o", "team.json"])
        .args(&[
            "--questionnaire",
            &questionnaire,
            "--rubric",
            "ingen-mall.json",
        ])
        .code(2);
    assert!(
        refused.stderr.contains("ingen-mall.json"),
        "{}",
        refused.stderr
    );
    assert!(!dir.path().join("team.json").exists());
    let merged = Test::new()
        .dir(dir.path())
        .args(&["merge", &s(&cmio), &s(&ciso), "-o", "team.json"])
        .args(&["--questionnaire", &questionnaire, "--rubric", &rubric])
        .run();
    assert_eq!(merged.code, 0, "{}\n{}", merged.stdout, merged.stderr);
    let team = crate::json(dir.path().join("team.json").to_str().unwrap());
    assert_eq!(team["answers"]["a2-2"]["value"], "no");
    assert_eq!(team["answers"]["a2-2"]["split"], true);
    // The printed consensus command names the files; without a terminal it says how to score,
    // and that command works as written.
    let consensus = run_printed(
        dir.path(),
        &merged.stderr,
        "Nästa steg, enas om de oeniga frågorna: ",
    );
    assert_eq!(consensus.code, 2, "{}", consensus.stderr);
    assert!(
        consensus.stderr.contains("--rubric '"),
        "{}",
        consensus.stderr
    );
    let scored = run_printed(dir.path(), &consensus.stderr, "mognad score");
    assert_eq!(scored.code, 0, "{}\n{}", scored.stdout, scored.stderr);
    assert!(
        scored.stdout.contains("Bedömning: väntar"),
        "{}",
        scored.stdout
    );
}

/// Six fictional regions whose scale answers are all at level `i` (0–5), the rest as the
/// example's 2026: area 1 is then (2i + 2·5 + i) / 5 = 2,0; 2,6; 3,2; 3,8; 4,4; 5,0.
fn nation(dir: &Path) {
    let names = [
        "Region Åsby (fiktiv)",
        "Region Ekö (fiktiv)",
        "Region Mälarby (fiktiv)",
        "Region Norrsund (fiktiv)",
        "Region Västvik (fiktiv)",
        "Region Hälleberg (fiktiv)",
    ];
    let questionnaire = crate::json(QUESTIONNAIRE);
    for (level, name) in names.iter().enumerate() {
        let mut answers = crate::json(Y2026);
        answers["region"] = json!(name);
        for area in questionnaire["areas"].as_array().unwrap() {
            for q in area["questions"].as_array().unwrap() {
                if q["kind"] == "scale" {
                    answers["answers"][q["id"].as_str().unwrap()] = json!({"value": level});
                }
            }
        }
        if level < 3 {
            answers["answers"].as_object_mut().unwrap().remove("a4-2");
        }
        std::fs::write(dir.join(format!("svar-{level}.json")), answers.to_string()).unwrap();
    }
}

#[test]
fn third_benchmark_builds_a_national_reference() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inkommet");
    std::fs::create_dir(&inbox).unwrap();
    nation(&inbox);
    let reference = dir.path().join("national-2026.json");
    let out = with_files(&["benchmark", &s(&inbox), "-o", &s(&reference)]).success();
    assert!(
        out.stdout
            .contains("ai-stod 2026.1 2026: 6 regioner, 20 siffror publicerade, 0 undanhållna"),
        "{}",
        out.stdout
    );
    for group in [
        "grupp Styrning och regelverk: median 4,0, mittenhalvan 3,5–4,5, 6 regioner",
        "grupp Data och evidens: median 2,6",
        "grupp Verksamhet och uppföljning: median 2,7",
    ] {
        assert!(
            out.stdout.contains(group),
            "{group:?} is not in:\n{}",
            out.stdout
        );
    }
    let national = crate::json(reference.to_str().unwrap());
    let edition = &national["questionnaires"][0];
    assert_eq!(edition["id"], "ai-stod");
    assert_eq!(edition["regions"].as_array().unwrap().len(), 6);
    let a1 = edition["areas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "a1")
        .unwrap();
    assert_eq!(
        (
            a1["n"].as_u64(),
            a1["median"].as_f64(),
            a1["min"].as_f64(),
            a1["max"].as_f64()
        ),
        (Some(6), Some(3.5), Some(2.0), Some(5.0))
    );
    // The folder gives the same reference.
    let again = dir.path().join("national-igen.json");
    with_folder(&["benchmark", &s(&inbox), "-o", &s(&again)]).success();
    assert_eq!(
        crate::json(again.to_str().unwrap()),
        national,
        "the same figures from the folder"
    );
}

#[test]
fn third_national_report_from_several_regions() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inkommet");
    std::fs::create_dir(&inbox).unwrap();
    nation(&inbox);
    let pdf = dir.path().join("riket-2026.pdf");
    let out = with_files(&["national-report", &s(&inbox), "-o", &s(&pdf)]).success();
    assert!(
        out.stdout.contains("riket-2026.pdf (5 sidor"),
        "{}",
        out.stdout
    );
    let data = crate::json(dir.path().join("riket-2026.json").to_str().unwrap());
    assert_eq!(
        data["editions"],
        json!([{"year": 2026, "questionnaire": "ai-stod", "version": "2026.1", "regions": 6}])
    );
    assert_eq!(
        data["readiness"][0]["name"],
        "AI-stöd för bedömning av hudförändringar"
    );
    assert_eq!(data["readiness"][0]["n"], 6);
    let words = pdf_words(&pdf);
    assert!(words.contains("6 regioner svarade"), "{words}");
    assert!(
        words.contains("AI-stöd för bedömning av hudförändringar"),
        "{words}"
    );
    let folder = dir.path().join("mapp.pdf");
    with_folder(&["national-report", &s(&inbox), "-o", &s(&folder)]).success();
    assert_eq!(pdf_pages(&folder), 5);
}

/// The regions' area scores are the national report's main figures, for this instrument too:
/// every area with its six regions, in the questionnaire's own words.
#[test]
fn third_national_report_shows_the_instruments_areas() {
    let dir = tempfile::tempdir().unwrap();
    nation(dir.path());
    let pdf = dir.path().join("riket-2026.pdf");
    with_folder(&["national-report", &s(dir.path()), "-o", &s(&pdf)]).success();
    let words = pdf_words(&pdf);
    for name in AREAS_SV {
        assert!(words.contains(name), "{name} is not in:\n{words}");
    }
    assert!(!words.contains("tiopunktslista"), "{words}");
}

#[test]
fn third_report_names_every_area_group_and_the_verdict() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, areas, groups, verdict, expected) in [
        (
            "sv",
            AREAS_SV,
            GROUPS_SV,
            "Delvis redo",
            [
                // The summary: the index on the rubric's scale and the groups.
                "Indexet för beredskap att införa ett AI-stöd i vården är 3,4 av 5, nivå 2 På plats.",
                "Grupperna av områden: Styrning och regelverk (4,1), Data och evidens (2,9) och Verksamhet och uppföljning (2,6).",
                // The readiness page in the questionnaire's words.
                "Beredskap att införa ett AI-stöd i vården Lösning:",
                // The appendix: numbers with the question's unit, a text answer whole.
                "240 patientfall",
                "80 procent",
                "Färre farhågor efter valideringen; oro kvar",
                // The method: the index weighted as the rubric weighs, and its levels 0–3.
                "Det samlade indexet är det viktade medelvärdet av områdenas poäng med bedömningsmallens vikter",
                "2 På plats 2,5–3,4",
            ],
        ),
        (
            "en",
            AREAS_EN,
            GROUPS_EN,
            "Partly ready",
            [
                "The index for readiness to introduce an AI tool in care is 3.4 out of 5, level 2 In place.",
                "The groups of areas: Governance and regulation (4.1), Data and evidence (2.9) and Practice and follow-up (2.6).",
                "Readiness to introduce an AI tool in care Solution:",
                "240 patient cases",
                "80 per cent",
                "Färre farhågor efter valideringen; oro kvar",
                "The overall index is the weighted mean of the area scores with the rubric's weights",
                "2 In place 2.5–3.4",
            ],
        ),
    ] {
        let pdf = dir.path().join(format!("profil-{lang}.pdf"));
        let out = with_files(&["--lang", lang, "report", Y2026, "-o", &s(&pdf)]).success();
        let said = out.stdout + &out.stderr;
        assert!(said.contains(" (8 "), "{said}");
        assert_eq!(pdf_pages(&pdf), 8);
        let words = pdf_words(&pdf);
        for name in areas.iter().chain(groups.iter()) {
            assert!(words.contains(name), "{lang}: {name} is not in:\n{words}");
        }
        assert!(
            words.contains(verdict),
            "{lang}: {verdict} is not in:\n{words}"
        );
        assert!(words.contains("Region Norrsund (fiktiv)"), "{words}");
        for said in expected {
            assert!(words.contains(said), "{lang}: {said:?} is not in:\n{words}");
        }
        // Nothing of the built-in questionnaires: their title, their word for an area, the
        // published indicators they are compared with, or an unweighted mean.
        for builtin in [
            "Beredskap att skala upp",
            "Readiness to scale up",
            "Dimension",
            "SLIT",
            "Indikator",
            "medelvärdet av områdenas poäng.",
            "mean of the area scores.",
        ] {
            assert!(!words.contains(builtin), "{lang}: {words}");
        }
    }
    // With the folder, and for 2025: the blockers and the gate in the profile.
    let pdf = dir.path().join("profil-2025.pdf");
    with_folder(&["report", Y2025, "-o", &s(&pdf)]).success();
    let words = pdf_words(&pdf);
    for said in [
        "Inte redo",
        "ingen finansiering av drift och förvaltning efter piloten",
        "AI-stödet är inte prövat på regionens egna patienter",
        "patientuppgifterna kan nås från ett land utanför EU/EES",
    ] {
        assert!(words.contains(said), "{said:?} is not in:\n{words}");
    }
    for name in AREAS_SV.iter().chain(GROUPS_SV.iter()) {
        assert!(words.contains(name), "{name} is not in:\n{words}");
    }
}

/// With last year's answers and a national reference, the profile says what changed and
/// where the region stands, in the questionnaire's own words.
#[test]
fn third_report_compares_with_last_year_and_the_nation() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inkommet");
    std::fs::create_dir(&inbox).unwrap();
    nation(&inbox);
    let reference = dir.path().join("national-2026.json");
    with_folder(&["benchmark", &s(&inbox), "-o", &s(&reference)]).success();
    let pdf = dir.path().join("profil.pdf");
    with_folder(&[
        "report",
        Y2026,
        "--previous",
        Y2025,
        "--national",
        &s(&reference),
        "-o",
        &s(&pdf),
    ])
    .success();
    let words = pdf_words(&pdf);
    for said in [
        // Last year's index, verdict and areas beside this year's, as `compare` gives them.
        "Det är 1,6 högre än 2025 (1,8).",
        "Bedömningen var inte redo 2025 och är delvis redo 2026.",
        "Hindren som gällde 2025 gäller inte längre: ingen finansiering av drift och förvaltning efter piloten och AI-stödet är inte prövat på regionens egna patienter.",
        "Ändring sedan 2025",
        "Grupperna av områden: Styrning och regelverk (4,1, +1,8 sedan 2025), Data och evidens (2,9, +1,1 sedan 2025)",
        // Area 1: 1,0 → 3,8.
        "1 Ägarskap och finansiering 3,8 3 Säkrad God grund +2,8",
        // The index and the areas against the nation's median and quartiles.
        "Med indexet 3,4 ligger regionen i mittenhalvan i riket (median 3,3, kvartiler 2,5–4,0).",
        "Riket median (n)",
        "ligger 0 av regionens områden i rikets övre fjärdedel",
        // The groups against the nation's group figures.
        "Riket median (mittenhalva, n)",
        "4,0 (3,5–4,5, 6)",
        "Den nationella referensen för beredskap att införa ett AI-stöd i vården bygger på svar från 6 regioner",
    ] {
        assert!(words.contains(said), "{said:?} is not in:\n{words}");
    }
    assert!(
        !words.contains("ingen nationell referens angavs"),
        "{words}"
    );
    assert!(!words.contains("10-punktslistan"), "{words}");
    assert!(!words.contains("Beredskap att skala upp"), "{words}");
}

/// Two people split on 1.1, a question a blocker looks at: the profile gives no verdict until
/// the team has settled it, and names the question, in Swedish and English.
#[test]
fn third_report_the_verdict_waits_until_the_team_has_settled_a_blocker_question() {
    let dir = tempfile::tempdir().unwrap();
    let asa = changed(dir.path(), "asa.json", |a| {
        a["respondents"] = json!([{"name": "Åsa Lindström", "role": "CMIO"}]);
    });
    let jorgen = changed(dir.path(), "jorgen.json", |a| {
        a["respondents"] = json!([{"name": "Jörgen Öhman", "role": "Verksamhetsutvecklare"}]);
        a["answers"]["a1-1"] = json!({"value": 0});
    });
    let team = dir.path().join("team.json");
    with_folder(&["merge", &s(&asa), &s(&jorgen), "-o", &s(&team)]).success();
    for (lang, waits, index) in [
        (
            "sv",
            "Ingen bedömning ges ännu: den väntar tills teamet har enats om fråga 1.1",
            "Bedömningen ges av indexet",
        ),
        (
            "en",
            "No verdict is given yet: it waits until the team has settled question 1.1",
            "The verdict is given by the index",
        ),
    ] {
        let pdf = dir.path().join(format!("team-{lang}.pdf"));
        with_folder(&["--lang", lang, "report", &s(&team), "-o", &s(&pdf)]).success();
        let words = pdf_words(&pdf);
        // Said on the summary and on the readiness page.
        assert_eq!(
            words.matches(&waits[waits.find(':').unwrap()..]).count(),
            2,
            "{lang}: {words}"
        );
        assert!(
            words.contains(waits),
            "{lang}: {waits:?} is not in:\n{words}"
        );
        assert!(!words.contains(index), "{lang}: {words}");
        for verdict in ["Delvis redo", "Inte redo", "Partly ready", "Not ready"] {
            assert!(!words.contains(verdict), "{lang}: {words}");
        }
    }
}
