//! Editions side by side: answers are read with the edition they name, new interviews start
//! on the newest, and a version that is not built in is an error naming those that are.

use crate::{TIOPUNKT_2025, Test, json};

/// Writes the 2025 example with its questionnaire version replaced.
fn pinned_to(version: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let mut answers = json(TIOPUNKT_2025);
    answers["questionnaire"]["version"] = version.into();
    let path = dir.path().join("svar.json");
    std::fs::write(&path, serde_json::to_string_pretty(&answers).unwrap()).unwrap();
    (dir, path)
}

#[test]
fn every_edition_is_listed() {
    let listed: serde_json::Value = serde_json::from_str(
        &Test::new()
            .args(&["questionnaires", "--format", "json"])
            .success()
            .stdout,
    )
    .unwrap();
    let listed: Vec<(String, String)> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["id"].as_str().unwrap().to_string(),
                e["version"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let built_in: Vec<(String, String)> = mognad::builtin::EDITIONS
        .iter()
        .map(|e| (e.id.to_string(), e.version.to_string()))
        .collect();
    assert_eq!(listed, built_in);
    assert!(listed.contains(&("tiopunkt".into(), "2025.1".into())));
    assert!(listed.contains(&("beredskap".into(), "2025.1".into())));
}

#[test]
fn answers_to_a_version_not_built_in_are_refused_with_the_editions_there_are() {
    let (_dir, path) = pinned_to("2019.1");
    let editions: Vec<&str> = mognad::builtin::editions("tiopunkt")
        .map(|e| e.version)
        .collect();
    for command in ["score", "report", "merge"] {
        let mut test = Test::new().arg(command).arg(&path);
        if command == "report" {
            test = test.arg("-o").arg(path.with_extension("pdf"));
        }
        if command == "merge" {
            test = test
                .arg(&path)
                .arg("-o")
                .arg(path.with_extension("team.json"));
        }
        let out = test.code(2);
        assert!(
            out.stderr.contains(&format!(
                "enkäten `tiopunkt` finns inte inbyggd i version 2019.1; inbyggda är {}",
                editions.join(", ")
            )),
            "{command}: {}",
            out.stderr
        );
        assert!(out.stderr.contains("--questionnaire FIL"), "{}", out.stderr);
    }
    let out = Test::new()
        .args(&["--lang", "en", "compare", crate::TIOPUNKT_2024])
        .arg(&path)
        .code(2);
    assert!(
        out.stderr.contains(&format!(
            "questionnaire `tiopunkt` version 2019.1 is not built in; built in are {}",
            editions.join(", ")
        )),
        "{}",
        out.stderr
    );
}

#[test]
fn answers_are_scored_with_the_edition_they_answered() {
    let out = Test::new()
        .args(&["score", TIOPUNKT_2025, "--format", "json"])
        .success();
    let card: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(card["questionnaire"]["version"], "2025.1");
    assert_eq!(card["rubric"]["version"], "2025.1");
}

#[test]
fn an_edition_can_be_named_by_id_and_version() {
    let out = Test::new()
        .args(&["template", "--questionnaire", "tiopunkt@2025.1", "-o", "-"])
        .success();
    assert!(out.stdout.contains("tiopunkt 2025.1"), "{}", out.stdout);
    let out = Test::new()
        .args(&["template", "--questionnaire", "tiopunkt@1999.1", "-o", "-"])
        .code(2);
    assert!(
        out.stderr.contains("finns inte inbyggd i version 1999.1"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_2026_example_compares_with_2025_across_the_editions() {
    let out = Test::new()
        .args(&[
            "compare",
            TIOPUNKT_2025,
            "examples/exempelland-tiopunkt-2026.json",
            "--format",
            "json",
        ])
        .success();
    let comparison: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(comparison["same_version"], false);
    assert_eq!(comparison["then"]["version"], "2025.1");
    assert_eq!(comparison["now"]["version"], "2026.1");
    let left_out = comparison["left_out"].as_array().unwrap();
    let reason = |id: &str| {
        left_out
            .iter()
            .find(|l| l["id"] == id)
            .map(|l| l["reason"].as_str().unwrap().to_string())
    };
    // Split into two questions, so neither continues it.
    assert_eq!(reason("a1-2").as_deref(), Some("not_continued"));
    assert_eq!(
        reason("a8-reservrutiner").as_deref(),
        Some("no_continuation")
    );
    // Carried unchanged: not left out, and compared in its area.
    assert_eq!(reason("a1-1"), None);
    let a1 = comparison["areas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "a1")
        .unwrap();
    assert!(a1["change"].is_number(), "{a1}");
}

#[test]
fn an_earlier_year_on_the_previous_edition_is_checked_against_its_own() {
    // 2025's answers name questions 2026.1 no longer has; they are no error in the earlier
    // year, which is read with its own edition.
    let out = Test::new()
        .args(&[
            "score",
            "examples/exempelland-tiopunkt-2026.json",
            "--previous",
            TIOPUNKT_2025,
        ])
        .success();
    assert_eq!(out.stderr, "", "no warnings");
    assert!(out.stdout.contains("tiopunkt 2026.1"), "{}", out.stdout);
    let dir = tempfile::tempdir().unwrap();
    let out = Test::new()
        .args(&[
            "report",
            "examples/exempelland-tiopunkt-2026.json",
            "--previous",
            TIOPUNKT_2025,
            "-o",
        ])
        .arg(dir.path().join("profil.pdf"))
        .success();
    assert!(!out.stderr.contains("fel:"), "{}", out.stderr);
}

#[test]
fn questionnaires_in_an_instrument_folder_are_listed_after_the_built_ins_with_their_files() {
    let folder = crate::root().join("examples/instrument/ai-stod");
    let listed: serde_json::Value = serde_json::from_str(
        &Test::new()
            .arg("questionnaires")
            .arg("--instruments")
            .arg(&folder)
            .args(&["--format", "json"])
            .success()
            .stdout,
    )
    .unwrap();
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), mognad::builtin::EDITIONS.len() + 1);
    let own = listed.last().unwrap();
    assert_eq!(own["id"], "ai-stod");
    assert!(own["file"].as_str().unwrap().ends_with("enkat.json"));
    assert!(
        own["rubric"]["file"]
            .as_str()
            .unwrap()
            .ends_with("mall.json")
    );
    assert!(listed[0]["file"].is_null());

    // A folder with a questionnaire and no rubric for it says so in words.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(folder.join("enkat.json"), dir.path().join("enkat.json")).unwrap();
    let text = Test::new()
        .arg("questionnaires")
        .arg("--instruments")
        .arg(dir.path())
        .success()
        .stdout;
    assert!(
        text.contains("ai-stod  2026.1  Beredskap att införa ett AI-stöd i vården"),
        "{text}"
    );
    assert!(
        text.contains("bedömningsmall: ingen i mapparna poängsätter den här versionen"),
        "{text}"
    );
}

/// The verdict of beredskap 2026.1 for answers that are the example's with one change.
fn verdict_with(dir: &std::path::Path, change: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut answers = json("examples/exempelland-beredskap-2026.json");
    let questionnaire = json("questionnaires/beredskap-2026.1.json");
    // Every scale question at 3: decided, planned and in use where the roll-out starts.
    for area in questionnaire["areas"].as_array().unwrap() {
        for q in area["questions"].as_array().unwrap() {
            if q["kind"] == "scale" {
                answers["answers"][q["id"].as_str().unwrap()] = serde_json::json!({"value": 3});
            }
        }
    }
    change(&mut answers);
    let path = dir.join("svar.json");
    std::fs::write(&path, answers.to_string()).unwrap();
    let card: serde_json::Value = serde_json::from_str(
        &Test::new()
            .args(&["score", "--format", "json"])
            .arg(&path)
            .success()
            .stdout,
    )
    .unwrap();
    card["verdict"]["id"].as_str().unwrap_or("none").to_string()
}

/// A team that has everything decided, planned and started in the first units is *Redo*. Any
/// one scale question at *Vet ej* then takes *Redo* away, and so does any one at 0, except the
/// six whose 0 lowers the index without stopping a start (workload measured, staff single
/// sign-on, lock-in, patients in the design, the benefit offer, the supplier's viability), as
/// docs/content.md says.
#[test]
fn beredskap_2026_gives_redo_only_while_every_question_holds() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(verdict_with(dir.path(), |_| {}), "ready");
    let questionnaire = json("questionnaires/beredskap-2026.1.json");
    let mut without_floor = Vec::new();
    for area in questionnaire["areas"].as_array().unwrap() {
        for q in area["questions"].as_array().unwrap() {
            if q["kind"] != "scale" {
                continue;
            }
            let id = q["id"].as_str().unwrap();
            let at = |value: serde_json::Value| {
                verdict_with(dir.path(), |a| a["answers"][id] = value.clone())
            };
            assert_ne!(
                at(serde_json::json!({"status": "dont_know"})),
                "ready",
                "{id} Vet ej"
            );
            if at(serde_json::json!({"value": 0})) == "ready" {
                without_floor.push(id.to_string());
            }
        }
    }
    assert_eq!(
        without_floor,
        ["r3-5", "r5-3", "r5-6", "r7-6", "r8-2", "r9-4"]
    );
}
