//! `mognad score` on the examples, in both languages and as JSON.

use crate::{BEREDSKAP_2025, TIOPUNKT_2024, TIOPUNKT_2025, Test, json};

#[test]
fn tiopunkt_in_swedish() {
    let out = Test::new().args(&["score", TIOPUNKT_2025]).success();
    assert_eq!(out.stderr, "", "no warnings on the example");
    for word in [
        "Område",
        "Poäng",
        "Nivå",
        "Täckning",
        "Behörighet och identitet",
        "Samlat index",
    ] {
        assert!(
            out.stdout.contains(word),
            "missing {word:?}:\n{}",
            out.stdout
        );
    }
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn tiopunkt_in_english() {
    let out = Test::new()
        .args(&["--lang", "en", "score", TIOPUNKT_2025])
        .success();
    assert!(out.stdout.contains("Overall index"), "{}", out.stdout);
    assert!(!out.stdout.contains("Område"), "{}", out.stdout);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn the_language_can_come_from_the_environment() {
    let out = Test::new()
        .env("MOGNAD_LANG", "en")
        .args(&["score", TIOPUNKT_2024])
        .success();
    assert!(out.stdout.contains("Overall index"), "{}", out.stdout);
}

#[test]
fn beredskap_in_both_languages() {
    let sv = Test::new().args(&["score", BEREDSKAP_2025]).success();
    assert!(sv.stdout.contains("Bedömning: INTE REDO"), "{}", sv.stdout);
    assert!(
        sv.stdout
            .contains("Lösning: Distansmonitorering vid hjärtsvikt"),
        "{}",
        sv.stdout
    );
    insta::assert_snapshot!("beredskap_sv", sv.stdout);
    let en = Test::new()
        .args(&["score", BEREDSKAP_2025, "--lang", "en"])
        .success();
    assert!(en.stdout.contains("Verdict: NOT READY"), "{}", en.stdout);
    insta::assert_snapshot!("beredskap_en", en.stdout);
}

#[test]
fn json_has_what_scripts_need() {
    let out = Test::new()
        .args(&["score", TIOPUNKT_2025, "--format", "json"])
        .success();
    let card: serde_json::Value = serde_json::from_str(&out.stdout).expect("valid JSON");
    assert_eq!(card["format"], "mognad.scorecard/1");
    let areas = card["areas"].as_array().unwrap();
    assert_eq!(areas.len(), 11);
    for area in areas {
        for field in [
            "id",
            "score",
            "level",
            "coverage",
            "answered",
            "dont_know",
            "not_applicable",
        ] {
            assert!(
                area.get(field).is_some(),
                "area {} lacks {field}",
                area["id"]
            );
        }
        if area["scored"] == true {
            let score = area["score"]
                .as_f64()
                .expect("every example area is scored");
            assert!((0.0..=5.0).contains(&score));
            assert_eq!(area.get("no_score"), None);
        } else {
            // A score that is `null` always comes with the reason.
            assert!(area["score"].is_null());
            assert_eq!(area["no_score"]["reason"], "not_scored");
        }
    }
    assert!(card["overall"]["score"].as_f64().is_some());
    insta::assert_json_snapshot!(card);
}

#[test]
fn json_for_readiness_has_verdict_and_blockers() {
    let out = Test::new()
        .args(&["score", BEREDSKAP_2025, "--format", "json"])
        .success();
    let card: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(card["verdict"]["id"], "not_ready");
    let blockers = card["verdict"]["blockers"].as_array().unwrap();
    assert!(
        blockers.iter().any(|b| b["decisive"] == true),
        "{blockers:?}"
    );
    for blocker in blockers {
        assert!(!blocker["reason"]["sv"].as_str().unwrap().is_empty());
    }
}

#[test]
fn answers_can_come_from_standard_input() {
    // `-` reads standard input; the helper gives none, and an empty input is said so.
    let out = Test::new().args(&["score", "-"]).code(2);
    assert!(out.stderr.contains("standard in är tom"), "{}", out.stderr);
}

#[test]
fn a_user_rubric_changes_the_scores() {
    let mut rubric = json("scoring/tiopunkt.json");
    // Raise the coverage rule to everything: an area with one don't-know loses its score.
    rubric["coverage"]["min"] = serde_json::json!(1.0);
    let (_dir, path) = crate::write("strikt.json", &rubric.to_string());
    let strict: serde_json::Value = serde_json::from_str(
        &Test::new()
            .args(&["score", TIOPUNKT_2025, "--format", "json", "--rubric"])
            .arg(&path)
            .success()
            .stdout,
    )
    .unwrap();
    let normal: serde_json::Value = serde_json::from_str(
        &Test::new()
            .args(&["score", TIOPUNKT_2025, "--format", "json"])
            .success()
            .stdout,
    )
    .unwrap();
    let unscored = |card: &serde_json::Value| {
        card["areas"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["scored"] == true && a["score"].is_null())
            .count()
    };
    assert_eq!(unscored(&normal), 0);
    let with_dont_know = normal["areas"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["scored"] == true && a["dont_know"].as_u64().unwrap() > 0)
        .count();
    assert!(with_dont_know > 0, "the example has don't-knows");
    assert_eq!(unscored(&strict), with_dont_know);
    for area in strict["areas"].as_array().unwrap() {
        assert_eq!(
            area["score"].is_null(),
            area.get("no_score").is_some(),
            "{area}"
        );
        if area["scored"] == true && area["score"].is_null() {
            assert_eq!(area["no_score"]["reason"], "low_coverage");
        }
    }
}

/// The display width of the widest line.
fn widest(text: &str) -> usize {
    text.lines()
        .map(textwrap::core::display_width)
        .max()
        .unwrap_or(0)
}

#[test]
fn columns_lays_the_text_out_for_that_width() {
    let targets = [
        "--targets",
        "examples/exempelland-mal-2026.json",
        "--previous",
        TIOPUNKT_2024,
    ];
    for lang in ["sv", "en"] {
        for (file, extra) in [
            (TIOPUNKT_2025, &[][..]),
            (TIOPUNKT_2025, &targets[..]),
            (BEREDSKAP_2025, &[][..]),
        ] {
            let piped = Test::new()
                .args(&["--lang", lang, "score", file])
                .args(extra)
                .success()
                .stdout;
            assert!(widest(&piped) > 100, "the full table:\n{piped}");
            let out = Test::new()
                .env("COLUMNS", "80")
                .args(&["--lang", lang, "score", file])
                .args(extra)
                .success();
            assert_eq!(out.stderr, "");
            assert!(
                widest(&out.stdout) <= 80,
                "{file} {extra:?} in {lang} is {} wide:\n{}",
                widest(&out.stdout),
                out.stdout
            );
            let heading = if lang == "sv" {
                "Täckning"
            } else {
                "Coverage"
            };
            assert!(out.stdout.contains(heading), "a table:\n{}", out.stdout);
            // Wide enough, it is the full table, as piped.
            let wide = Test::new()
                .env("COLUMNS", "200")
                .args(&["--lang", lang, "score", file])
                .args(extra)
                .success();
            assert_eq!(wide.stdout, piped);
        }
    }
    let sv = Test::new()
        .env("COLUMNS", "80")
        .args(&["score", TIOPUNKT_2025])
        .success()
        .stdout;
    assert!(
        sv.contains("Vet ej: 1 svar vardera i område 2, 3 och 5. Ej tillämpligt: inga."),
        "{sv}"
    );
    // A COLUMNS that is no number is passed over; without a terminal that is the full table.
    let unset = Test::new().args(&["score", TIOPUNKT_2025]).success().stdout;
    let garbled = Test::new()
        .env("COLUMNS", "bred")
        .args(&["score", TIOPUNKT_2025])
        .success()
        .stdout;
    assert_eq!(garbled, unset);
    // JSON and CSV keep their form whatever the width.
    for format in ["json", "csv"] {
        let narrow = Test::new()
            .env("COLUMNS", "60")
            .args(&["score", TIOPUNKT_2025, "--format", format])
            .success()
            .stdout;
        let piped = Test::new()
            .args(&["score", TIOPUNKT_2025, "--format", format])
            .success()
            .stdout;
        assert_eq!(narrow, piped, "{format}");
    }
}

#[test]
fn json_names_questions_by_number_beside_the_id() {
    let card: serde_json::Value = serde_json::from_str(
        &Test::new()
            .args(&["score", BEREDSKAP_2025, "--format", "json"])
            .success()
            .stdout,
    )
    .unwrap();
    let blocker = &card["verdict"]["blockers"][0]["subject"];
    assert_eq!(blocker["question"], "r2-1");
    assert_eq!(blocker["number"], "2.1");
    assert_eq!(blocker["label"]["sv"], "Finansiering efter projektet");
    // Ids and numbers part ways where questions were moved: r7-5 is asked second in area 7.
    let area7 = card["areas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "r7")
        .unwrap();
    let second = &area7["questions"][1];
    assert_eq!(
        (&second["id"], &second["number"]),
        (&"r7-5".into(), &"7.2".into())
    );
}
