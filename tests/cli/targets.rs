//! Targets per area: from a targets file, an answers file or a sheet, into the score table,
//! the JSON, the next steps and the PDF; and every file that does not fit refused with its
//! file, its JSON path and a hint.

use serde_json::{Value, json};

use crate::{BEREDSKAP_2025, TIOPUNKT_2024, TIOPUNKT_2025, Test, write};

const TARGETS: &str = "examples/exempelland-mal-2026.json";

fn targets_with(change: impl FnOnce(&mut Value)) -> String {
    let mut targets = crate::json(TARGETS);
    change(&mut targets);
    targets.to_string()
}

#[test]
fn score_with_targets_and_last_year_in_swedish() {
    let out = Test::new()
        .args(&[
            "score",
            TIOPUNKT_2025,
            "--targets",
            TARGETS,
            "--previous",
            TIOPUNKT_2024,
        ])
        .success();
    assert_eq!(out.stderr, "", "no warnings on the examples");
    for expected in [
        "Mål   Kvar   Väg till\n",
        // 1,6 → 2,2 with target 2: reached, all the way there.
        "  4  Användning av molntjänster                       2,2   2 Planerad      100\u{a0}%        0          0     2   nått      100\u{a0}%",
        // 2,2 → 2,5 toward 3: 0,3 of 0,8.
        "0,5       38\u{a0}%",
        "Mål: 3 av de 10 områden som har ett mål har nått det.",
        "Nästa steg där det är längst kvar till målet",
        "  3 Nationellt ramverk och standarder (mål 3, kvar 1,2):",
    ] {
        assert!(
            out.stdout.contains(expected),
            "missing {expected:?}:\n{}",
            out.stdout
        );
    }
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn score_with_targets_in_english() {
    let out = Test::new()
        .args(&["--lang", "en", "score", TIOPUNKT_2025, "--targets", TARGETS])
        .success();
    assert!(out.stdout.contains("Target   Gap"), "{}", out.stdout);
    assert!(
        !out.stdout.contains("Progress"),
        "no progress column without an earlier year:\n{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("Targets: 3 of 10 areas with a target have reached it."),
        "{}",
        out.stdout
    );
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn the_help_names_the_targets_in_both_languages() {
    let sv = Test::new().args(&["score", "--help"]).success().stdout;
    assert!(sv.contains("--targets <FILE>"), "{sv}");
    assert!(
        sv.contains("Mål per område (en fil `mognad.targets/1`)"),
        "{sv}"
    );
    assert!(sv.contains("Ett tidigare års svar"), "{sv}");
    let sv = Test::new().args(&["report", "--help"]).success().stdout;
    assert!(sv.contains("en fil `mognad.targets/1` per enkät"), "{sv}");
    let en = Test::new()
        .args(&["--lang", "en", "score", "--help"])
        .success()
        .stdout;
    assert!(en.contains("Targets per area"), "{en}");
}

#[test]
fn the_json_carries_target_gap_and_progress() {
    let out = Test::new()
        .args(&[
            "score",
            TIOPUNKT_2025,
            "--targets",
            TARGETS,
            "--previous",
            TIOPUNKT_2024,
            "--format",
            "json",
        ])
        .success();
    let card: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        card["targets"],
        json!({"set": 10, "reached": 3, "since": 2024})
    );
    let area = |id: &str| {
        card["areas"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .unwrap()
            .clone()
    };
    let a1 = area("a1");
    assert_eq!(
        (
            &a1["target"],
            &a1["target_score"],
            &a1["gap"],
            &a1["progress"]
        ),
        (&json!(3), &json!(3.0), &json!(0.6), &json!(0.1429))
    );
    assert_eq!(area("a4")["progress"], json!(1.0));
    assert_eq!(area("a8")["progress"], json!(0.0), "2,9 both years");
    assert!(area("a9").get("progress").is_none(), "reached in 2024");
    assert!(area("hinder").get("target").is_none(), "not scored");

    // Without targets the scorecard says nothing of them.
    let plain: Value = serde_json::from_str(
        &Test::new()
            .args(&["score", TIOPUNKT_2025, "--format", "json"])
            .success()
            .stdout,
    )
    .unwrap();
    assert!(plain.get("targets").is_none());
    assert!(plain["areas"][0].get("gap").is_none());
}

#[test]
fn targets_in_the_answers_file_count_and_a_targets_file_takes_their_place() {
    let mut answers = crate::json(TIOPUNKT_2025);
    answers["targets"] = json!({"a1": 2, "a7": 5});
    let (_dir, path) = write("svar.json", &answers.to_string());
    let own = Test::new()
        .args(&["score", "--format", "json"])
        .arg(&path)
        .success();
    let card: Value = serde_json::from_str(&own.stdout).unwrap();
    assert_eq!(card["targets"]["set"], 2);
    assert_eq!(card["areas"][6]["gap"], json!(3.8));
    let replaced = Test::new()
        .args(&["score", "--format", "json", "--targets", TARGETS])
        .arg(&path)
        .success();
    let card: Value = serde_json::from_str(&replaced.stdout).unwrap();
    assert_eq!(card["targets"]["set"], 10);
    assert_eq!(card["areas"][6]["target"], 2, "the file's target for a7");
    Test::new().args(&["validate"]).arg(&path).success();
}

#[test]
fn the_next_steps_follow_the_targets() {
    let steps = |args: &[&str]| -> Vec<String> {
        let out = Test::new()
            .args(&["score", TIOPUNKT_2025])
            .args(args)
            .success();
        let from = out.stdout.find("Nästa steg").unwrap();
        out.stdout[from..]
            .lines()
            .skip(1)
            .filter(|l| l.starts_with("  ") && !l.starts_with("    "))
            .map(|l| l.split(':').next().unwrap().trim().to_string())
            .collect()
    };
    assert_eq!(
        steps(&[]),
        [
            "7 Hälsodata och AI",
            "2 Lagstiftning som möjliggör interoperabilitet",
            "3 Nationellt ramverk och standarder"
        ],
        "without targets, the weakest"
    );
    assert_eq!(
        steps(&["--targets", TARGETS]),
        [
            "3 Nationellt ramverk och standarder (mål 3, kvar 1,2)",
            "8 Cybersäkerhet och attacker (mål 4, kvar 1,1)",
            "7 Hälsodata och AI (mål 2, kvar 0,8)"
        ],
        "with targets, the furthest from its target"
    );
}

#[test]
fn a_targets_file_that_does_not_fit_is_refused_with_file_and_path() {
    let (_dir, path) = write(
        "mål.json",
        &targets_with(|t| {
            t["targets"]["a99"] = json!(3);
            t["targets"]["a2"] = json!(7);
        }),
    );
    let err = Test::new()
        .args(&["score", TIOPUNKT_2025, "--targets"])
        .arg(&path)
        .code(2)
        .stderr;
    let shown = path.display().to_string();
    for expected in [
        format!("fel: `{shown}` kan inte användas"),
        format!("fel: {shown}: targets.a99: området `a99` finns inte i enkäten"),
        "tips: ett mål gäller ett av enkätens områden: a1, a2, a3".to_string(),
        format!("fel: {shown}: targets.a2: målet 7 är ingen nivå 1–5"),
        "tips: skriv målet som en hel nivå 1–5".to_string(),
    ] {
        assert!(err.contains(&expected), "missing {expected:?} in:\n{err}");
    }
    let err = Test::new()
        .args(&["--lang", "en", "score", TIOPUNKT_2025, "--targets"])
        .arg(&path)
        .code(2)
        .stderr;
    assert!(
        err.contains(&format!(
            "error: {shown}: targets.a2: the target 7 is not a level 1–5"
        )),
        "{err}"
    );

    // Another questionnaire, another region.
    let (_dir, path) = write(
        "mål.json",
        &targets_with(|t| t["questionnaire"] = json!("beredskap")),
    );
    let err = Test::new()
        .args(&["score", TIOPUNKT_2025, "--targets"])
        .arg(&path)
        .code(2)
        .stderr;
    assert!(
        err.contains("sätter mål för enkäten `beredskap`, inte `tiopunkt`"),
        "{err}"
    );
    assert!(err.contains("tips: ge målfilen för samma enkät"), "{err}");
    let (_dir, path) = write(
        "mål.json",
        &targets_with(|t| t["region"] = json!("Region Askeby (fiktiv)")),
    );
    let err = Test::new()
        .args(&["score", TIOPUNKT_2025, "--targets"])
        .arg(&path)
        .code(2)
        .stderr;
    assert!(
        err.contains("sätter mål för Region Askeby (fiktiv), inte för Region Exempelland (fiktiv)"),
        "{err}"
    );

    // A file of another kind, and a structure error with its path.
    let err = Test::new()
        .args(&["score", TIOPUNKT_2025, "--targets", TIOPUNKT_2024])
        .code(2)
        .stderr;
    assert!(err.contains("är en svarsfil, inte en målfil"), "{err}");
    let (_dir, path) = write(
        "mål.json",
        &targets_with(|t| t["targets"]["a3"] = json!(2.5)),
    );
    let err = Test::new()
        .args(&["score", TIOPUNKT_2025, "--targets"])
        .arg(&path)
        .code(2)
        .stderr;
    assert!(
        err.contains("targets.a3: fel typ: talet `2.5`, väntade ett heltal"),
        "{err}"
    );
}

#[test]
fn validate_checks_targets_files_and_the_targets_in_answers() {
    let out = Test::new().args(&["validate", TARGETS]).success();
    assert!(
        out.stdout.contains(
            "ok: examples/exempelland-mal-2026.json (mål Region Exempelland (fiktiv) 2026, tiopunkt, 10 områden)"
        ),
        "{}",
        out.stdout
    );
    let (_dir, path) = write(
        "mål.json",
        &targets_with(|t| {
            t["targets"]["hinder"] = json!(3);
            t["targets"]["a5"] = json!(0);
            t["region"] = json!(" ");
        }),
    );
    let out = Test::new().args(&["validate"]).arg(&path).code(1);
    for expected in [
        "fel: ",
        ": region: region saknas",
        ": targets.a5: målet 0 är ingen nivå 1–5",
        "varning: ",
        ": targets.hinder: området `hinder` poängsätts inte",
    ] {
        assert!(
            out.stdout.contains(expected),
            "missing {expected:?}:\n{}",
            out.stdout
        );
    }
    let (_dir, path) = write(
        "mål.json",
        &targets_with(|t| t["questionnaire"] = json!("okand")),
    );
    let out = Test::new().args(&["validate"]).arg(&path).code(1);
    assert!(
        out.stdout
            .contains("questionnaire: enkäten `okand` är inte inbyggd"),
        "{}",
        out.stdout
    );

    let mut answers = crate::json(TIOPUNKT_2025);
    answers["targets"] = json!({"hinder": 2, "a12": 3});
    let (_dir, path) = write("svar.json", &answers.to_string());
    let out = Test::new().args(&["validate"]).arg(&path).code(1);
    assert!(
        out.stdout
            .contains("targets.a12: området `a12` finns inte i enkäten"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("varning: ") && out.stdout.contains("targets.hinder"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_targets_schema_is_printed() {
    let schema: Value =
        serde_json::from_str(&Test::new().args(&["schema", "targets"]).success().stdout).unwrap();
    assert_eq!(schema["$id"], "mognad.targets/1");
    assert!(schema["properties"]["targets"].is_object());
}

#[test]
fn targets_go_through_the_sheet_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("svar.csv");
    Test::new()
        .args(&[
            "template",
            "--region",
            "Region Exempelland (fiktiv)",
            "--year",
            "2025",
            "-o",
        ])
        .arg(&sheet)
        .success();
    let text = std::fs::read_to_string(&sheet).unwrap();
    let target_rows: Vec<&str> = text.lines().filter(|l| l.starts_with("#target:")).collect();
    assert_eq!(
        target_rows.len(),
        10,
        "one per scored area, none for the barriers"
    );
    assert!(
        text.contains("\r\n#target:a1;1 Nationell färdplan;Mål för området: den nivå 1–5 ni vill nå (valfritt);"),
        "{text}"
    );
    // Fill in two targets, leave the rest empty, and read the sheet back.
    let filled = text
        .replace(
            "#target:a1;1 Nationell färdplan;Mål för området: den nivå 1–5 ni vill nå (valfritt);;;;1–5, eller tomt för inget mål;",
            "#target:a1;1 Nationell färdplan;Mål för området: den nivå 1–5 ni vill nå (valfritt);;;;1–5, eller tomt för inget mål;3",
        )
        .replace(
            "#target:a8;8 Cybersäkerhet och attacker;Mål för området: den nivå 1–5 ni vill nå (valfritt);;;;1–5, eller tomt för inget mål;",
            "#target:a8;8 Cybersäkerhet och attacker;Mål för området: den nivå 1–5 ni vill nå (valfritt);;;;1–5, eller tomt för inget mål;4",
        );
    assert_ne!(filled, text, "the target cells were found");
    std::fs::write(&sheet, &filled).unwrap();
    let answers = dir.path().join("svar.json");
    Test::new()
        .args(&["import"])
        .arg(&sheet)
        .args(&["-o"])
        .arg(&answers)
        .success();
    let read: Value = serde_json::from_str(&std::fs::read_to_string(&answers).unwrap()).unwrap();
    assert_eq!(read["targets"], json!({"a1": 3, "a8": 4}));
    Test::new().args(&["validate"]).arg(&answers).success();

    // A level that is no target is refused by row and column, and nothing is written.
    std::fs::remove_file(&answers).unwrap();
    std::fs::write(&sheet, filled.replace("inget mål;4", "inget mål;7")).unwrap();
    let err = Test::new()
        .args(&["import"])
        .arg(&sheet)
        .args(&["-o"])
        .arg(&answers)
        .code(2)
        .stderr;
    assert!(
        err.contains("kolumn H (svar): `7` är ingen nivå 1–5 att ha som mål"),
        "{err}"
    );
    assert!(!answers.exists());
}

#[test]
fn the_readiness_sheet_has_no_target_rows() {
    let out = Test::new()
        .args(&["template", "--questionnaire", "beredskap", "-o", "-"])
        .success();
    assert!(!out.stdout.contains("#target:"), "{}", out.stdout);
}

#[test]
fn the_report_shows_the_targets() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("profil.pdf");
    Test::new()
        .args(&[
            "report",
            TIOPUNKT_2025,
            BEREDSKAP_2025,
            "--previous",
            TIOPUNKT_2024,
            "--targets",
            TARGETS,
            "-o",
        ])
        .arg(&pdf)
        .success();
    let text = crate::report::text(&pdf);
    for expected in [
        "Mål per område",
        "Väg till mål",
        "3 av 10 områden har nått sitt mål; längst kvar har Nationellt ramverk och standarder",
        "först områden som inte har nått sitt mål",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
    // The targets table: 2,2 → 2,5 toward 3 in identity.
    let row = text
        .lines()
        .find(|l| l.contains("6 Behörighet och identitet") && l.contains('%'))
        .expect("the identity row of the targets table");
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(
        cells[cells.len() - 6..],
        ["2,2", "2,5", "3", "0,5", "38", "%"]
    );
}

#[test]
fn a_targets_file_without_its_answers_is_refused_by_report() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("profil.pdf");
    let (_keep, other) = write(
        "mål.json",
        &targets_with(|t| t["questionnaire"] = json!("beredskap")),
    );
    let err = Test::new()
        .args(&["report", TIOPUNKT_2025, "--targets"])
        .arg(&other)
        .args(&["-o"])
        .arg(&pdf)
        .code(2)
        .stderr;
    assert!(
        err.contains("sätter mål för enkäten `beredskap`, men årets svar på den saknas"),
        "{err}"
    );
    let err = Test::new()
        .args(&[
            "report",
            TIOPUNKT_2025,
            "--targets",
            TARGETS,
            "--targets",
            TARGETS,
            "-o",
        ])
        .arg(&pdf)
        .code(2)
        .stderr;
    assert!(
        err.contains("är ännu en målfil för enkäten `tiopunkt`"),
        "{err}"
    );
    assert!(!pdf.exists());
}

#[test]
fn score_refuses_an_earlier_year_that_is_not_one() {
    let err = Test::new()
        .args(&["score", TIOPUNKT_2024, "--previous", TIOPUNKT_2025])
        .code(2)
        .stderr;
    assert!(err.contains("inte ett tidigare år än 2024"), "{err}");
    let err = Test::new()
        .args(&["score", TIOPUNKT_2025, "--previous", BEREDSKAP_2025])
        .code(2)
        .stderr;
    assert!(err.contains("svar på enkäten `beredskap`"), "{err}");
}
