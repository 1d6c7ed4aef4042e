//! A questionnaire, rubric and answers written from `docs/formats.md` alone
//! (`tests/fixtures/own/`, with the expected figures worked out by hand in `EXPECTED.md`):
//! they load, validate and score as that page says.

use crate::Test;

const DIR: &str = "tests/fixtures/own";

fn scored(lang: &str, format: &str) -> String {
    Test::new()
        .args(&[
            "--lang",
            lang,
            "score",
            &format!("{DIR}/answers.json"),
            "--questionnaire",
            &format!("{DIR}/questionnaire.json"),
            "--rubric",
            &format!("{DIR}/rubric.json"),
            "--format",
            format,
        ])
        .success()
        .stdout
}

#[test]
fn the_files_validate_together() {
    let out = Test::new()
        .args(&[
            "validate",
            &format!("{DIR}/questionnaire.json"),
            &format!("{DIR}/rubric.json"),
            &format!("{DIR}/answers.json"),
        ])
        .success();
    assert_eq!(out.stdout.matches("ok: ").count(), 2, "{}", out.stdout);
    // The answers leave out the optional hash, which is worth a warning and no more.
    assert!(
        out.stdout
            .contains("varning: tests/fixtures/own/answers.json: questionnaire.hash"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_answers_need_their_questionnaire() {
    let out = Test::new()
        .args(&["validate", &format!("{DIR}/answers.json")])
        .code(1);
    assert!(
        out.stdout
            .contains("enkäten `journalatkomst` är inte inbyggd"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_scores_are_the_hand_computed_ones() {
    let card: serde_json::Value = serde_json::from_str(&scored("sv", "json")).unwrap();
    let area = |id: &str| {
        card["areas"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .unwrap()
            .clone()
    };
    let r1 = area("r1");
    assert_eq!(
        (
            r1["score"].as_f64(),
            r1["level"].as_u64(),
            r1["coverage"].as_f64()
        ),
        (Some(2.3), Some(2), Some(1.0))
    );
    let r2 = area("r2");
    assert_eq!(
        (r2["score"].as_f64(), r2["score_before_gates"].as_f64()),
        (Some(3.0), Some(4.0))
    );
    assert_eq!(
        (r2["level"].as_u64(), r2["not_applicable"].as_u64()),
        (Some(3), Some(1))
    );
    assert_eq!(r2["gates"][0]["id"], "teknik-utan-beslut");
    assert_eq!(card["overall"]["score"].as_f64(), Some(2.5));
    assert_eq!(card["verdict"]["id"], "partly_ready");
    let blockers = card["verdict"]["blockers"].as_array().unwrap();
    assert_eq!(blockers.len(), 1);
    assert_eq!(blockers[0]["id"], "ingen-full-menprovning");
    assert_eq!(blockers[0]["decisive"], false);
}

#[test]
fn the_table_shows_them_in_both_languages() {
    let sv = scored("sv", "text");
    assert!(sv.contains("Bedömning: DELVIS REDO"), "{sv}");
    assert!(
        sv.contains("begränsad till 3,0 (4,0 utan begränsning)"),
        "{sv}"
    );
    let en = scored("en", "text");
    assert!(en.contains("Verdict: PARTLY READY"), "{en}");
    assert!(en.contains("capped at 3.0 (4.0 without the cap)"), "{en}");
}

/// The instrument handed out as one folder: found by the id and version the answers name,
/// through `MOGNAD_INSTRUMENTS` or `--instruments`, with nothing else given.
#[test]
fn an_instrument_folder_serves_every_command() {
    let folder = tempfile::tempdir().unwrap();
    for name in ["questionnaire.json", "rubric.json"] {
        std::fs::copy(crate::root().join(DIR).join(name), folder.path().join(name)).unwrap();
    }
    let shown = folder.path().to_str().unwrap();
    let answers = format!("{DIR}/answers.json");
    // Without the folder, the answers cannot be read; a folder that is not there is said.
    Test::new().args(&["score", &answers]).code(2);
    let out = Test::new()
        .args(&["--instruments", "finns-inte", "score", &answers])
        .code(2);
    assert!(out.stderr.contains("finns-inte"), "{}", out.stderr);
    let out = Test::new()
        .env("MOGNAD_INSTRUMENTS", shown)
        .args(&["score", &answers])
        .success();
    assert_eq!(
        out.stdout,
        scored("sv", "text"),
        "scored as with the files named"
    );
    Test::new()
        .args(&["--instruments", shown, "validate", &answers])
        .success();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("profil.pdf");
    Test::new()
        .args(&["--instruments", shown, "report", &answers, "-o"])
        .arg(&pdf)
        .success();
    let words = crate::report::text(&pdf);
    assert!(words.contains("Styrning och rutiner"), "{words}");
    let out = Test::new()
        .env("MOGNAD_INSTRUMENTS", shown)
        .args(&["template", "--questionnaire", "journalatkomst", "-o", "-"])
        .success();
    assert!(out.stdout.contains("journalatkomst 1.0"), "{}", out.stdout);
}

/// An author's mistakes in a rubric, each named with file, path and hint.
#[test]
fn validate_finds_a_gap_in_the_levels_and_says_when_it_could_not_check_a_rubric() {
    let dir = tempfile::tempdir().unwrap();
    let mut rubric = crate::json(&format!("{DIR}/rubric.json"));
    // Levels 0, 1, 2, 4, 5: a score of 3.3 would be shown as level 2.
    rubric["levels"]
        .as_array_mut()
        .unwrap()
        .retain(|l| l["level"] != 3);
    let path = dir.path().join("glapp.json");
    std::fs::write(&path, rubric.to_string()).unwrap();
    let out = Test::new()
        .args(&["validate"])
        .arg(&path)
        .arg(crate::root().join(DIR).join("questionnaire.json"))
        .code(1);
    assert!(
        out.stdout
            .contains("levels[3].level: nivå 2 följs av nivå 4"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("tips: "), "{}", out.stdout);
    // Alone, the rubric's question ids cannot be checked, and validate says so.
    let out = Test::new()
        .args(&["validate", &format!("{DIR}/rubric.json")])
        .success();
    assert!(
        out.stdout
            .contains("bedömningsmallens frågor och områden kunde inte kontrolleras"),
        "{}",
        out.stdout
    );
}

/// A target above the top level of a rubric whose scale ends at 3 is refused.
#[test]
fn a_target_above_the_rubrics_top_level_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut rubric = crate::json(&format!("{DIR}/rubric.json"));
    rubric["levels"]
        .as_array_mut()
        .unwrap()
        .retain(|l| l["level"].as_u64().unwrap() <= 3);
    let rubric_path = dir.path().join("rubric.json");
    std::fs::write(&rubric_path, rubric.to_string()).unwrap();
    let mut answers = crate::json(&format!("{DIR}/answers.json"));
    answers["targets"] = serde_json::json!({"r1": 5});
    let answers_path = dir.path().join("svar.json");
    std::fs::write(&answers_path, answers.to_string()).unwrap();
    let out = Test::new()
        .args(&["score"])
        .arg(&answers_path)
        .args(&[
            "--questionnaire",
            &format!("{DIR}/questionnaire.json"),
            "--rubric",
        ])
        .arg(&rubric_path)
        .code(2);
    assert!(
        out.stderr
            .contains("målet 5 för området `r1` ligger över bedömningsmallens högsta nivå, 3"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("sätt ett mål från 1 till 3"),
        "{}",
        out.stderr
    );
}

/// `benchmark` names a file whose questionnaire it does not know, and how to give it.
#[test]
fn benchmark_names_a_file_of_a_questionnaire_it_was_not_given() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        crate::root().join(DIR).join("answers.json"),
        dir.path().join("egen.json"),
    )
    .unwrap();
    let out = Test::new()
        .args(&["benchmark"])
        .arg(dir.path())
        .args(&["-o"])
        .arg(dir.path().join("riket.json"))
        .code(2);
    assert!(
        out.stderr.contains("egen.json: enkäten `journalatkomst`"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--instruments"), "{}", out.stderr);
}

/// A questionnaire that groups its areas: each group scored as the weighted mean of its areas'
/// scores, in the table and the JSON; a group naming an unknown area, or an area twice, is
/// refused by `validate`.
#[test]
fn groups_of_areas_are_scored_from_their_areas() {
    let dir = tempfile::tempdir().unwrap();
    let mut questionnaire = crate::json(&format!("{DIR}/questionnaire.json"));
    questionnaire["groups"] = serde_json::json!([
        {"id": "g-helhet", "title": {"sv": "Helheten", "en": "The whole"}, "areas": ["r1", "r2"]}
    ]);
    let path = dir.path().join("enkat.json");
    std::fs::write(&path, questionnaire.to_string()).unwrap();
    let score = |format: &str| {
        Test::new()
            .args(&["score", &format!("{DIR}/answers.json"), "--questionnaire"])
            .arg(&path)
            .args(&[
                "--rubric",
                &format!("{DIR}/rubric.json"),
                "--format",
                format,
            ])
            .success()
            .stdout
    };
    // r1 scores 2,3 with weight 2 and r2 3,0 with weight 1: (4,6 + 3,0) / 3 = 2,53.
    let text = score("text");
    assert!(text.contains("Grupper av områden"), "{text}");
    assert!(text.contains("Helheten (1, 2): 2,5"), "{text}");
    let card: serde_json::Value = serde_json::from_str(&score("json")).unwrap();
    assert_eq!(card["groups"][0]["id"], "g-helhet");
    assert_eq!(card["groups"][0]["score"], 2.5);
    assert_eq!(card["groups"][0]["areas_scored"], 2);
    // The profile has a page for the groups.
    let pdf = dir.path().join("profil.pdf");
    Test::new()
        .args(&["report", &format!("{DIR}/answers.json"), "--questionnaire"])
        .arg(&path)
        .args(&["--rubric", &format!("{DIR}/rubric.json"), "-o"])
        .arg(&pdf)
        .success();
    let words = crate::report::text(&pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(words.contains("Grupper av områden"), "{words}");
    assert!(words.contains("Helheten"), "{words}");

    questionnaire["groups"] = serde_json::json!([
        {"id": "g1", "title": {"sv": "Ett", "en": "One"}, "areas": ["r1", "r9"]},
        {"id": "g2", "title": {"sv": "Två", "en": "Two"}, "areas": ["r1"]}
    ]);
    std::fs::write(&path, questionnaire.to_string()).unwrap();
    let out = Test::new().args(&["validate"]).arg(&path).code(1);
    assert!(
        out.stdout
            .contains("groups[0].areas[1]: området `r9` finns inte i enkäten"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("groups[1].areas[0]: området `r1` står redan i en grupp"),
        "{}",
        out.stdout
    );
}

/// Number bands whose first band starts above the question's `min` would count 0–24 % as
/// unanswered: `validate` refuses them with the answers left without points and how to fix
/// it, and `score` will not use the rubric.
#[test]
fn bands_that_leave_answers_without_points_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut rubric = crate::json(&format!("{DIR}/rubric.json"));
    // r1-3 is a whole number 0–100; its bands now start at 25.
    rubric["areas"][0]["questions"][2]["points"]
        .as_array_mut()
        .unwrap()
        .remove(0);
    let path = dir.path().join("luckor.json");
    std::fs::write(&path, rubric.to_string()).unwrap();
    let questionnaire = crate::root().join(DIR).join("questionnaire.json");
    let validate = |lang: &str| {
        Test::new()
            .args(&["--lang", lang, "validate"])
            .arg(&path)
            .arg(&questionnaire)
            .code(1)
            .stdout
    };
    let sv = validate("sv");
    assert!(
        sv.contains("luckor.json: areas[0].questions[2].points[0].at_least: svaren 0–24 får inga poäng: det första intervallet börjar på 25, men frågan tillåter svar från 0"),
        "{sv}"
    );
    assert!(
        sv.contains("tips: sänk det första intervallets `at_least` till 0, frågans lägsta svar"),
        "{sv}"
    );
    let en = validate("en");
    assert!(
        en.contains("areas[0].questions[2].points[0].at_least: answers 0–24 get no points: the first band starts at 25, but the question allows answers from 0"),
        "{en}"
    );
    assert!(
        en.contains("hint: lower the first band's `at_least` to 0"),
        "{en}"
    );

    let out = Test::new()
        .args(&["score", &format!("{DIR}/answers.json"), "--questionnaire"])
        .arg(&questionnaire)
        .arg("--rubric")
        .arg(&path)
        .code(2);
    assert!(
        out.stderr
            .contains("points[0].at_least: svaren 0–24 får inga poäng"),
        "{}",
        out.stderr
    );

    // An empty list of bands gives no answer points.
    rubric["areas"][0]["questions"][2]["points"] = serde_json::json!([]);
    std::fs::write(&path, rubric.to_string()).unwrap();
    assert!(
        validate("sv").contains(
            "areas[0].questions[2].points: listan med intervall är tom, så inget svar får poäng"
        ),
        "{}",
        validate("sv")
    );
}

/// The sheet of a questionnaire handed out as a file, in a folder whose name has a space: the
/// command `template` prints reads it back once filled in, and the one `import` prints scores
/// it, each run exactly as printed.
#[test]
fn the_sheet_s_next_steps_work_as_printed() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("egen enkät");
    std::fs::create_dir(&folder).unwrap();
    for name in ["questionnaire.json", "rubric.json"] {
        std::fs::copy(crate::root().join(DIR).join(name), folder.join(name)).unwrap();
    }
    let run = |words: &[String]| {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        Test::new().dir(dir.path()).args(&words).success()
    };
    let made = Test::new()
        .dir(dir.path())
        .args(&[
            "template",
            "--questionnaire",
            "egen enkät/questionnaire.json",
            "--region",
            "Region Gävleborg",
            "--year",
            "2025",
        ])
        .success();
    let import = crate::plain::printed(&made.stderr, "läs sedan in svaren: ");
    assert_eq!(
        import[2..],
        ["--questionnaire", "egen enkät/questionnaire.json"],
        "{import:?}"
    );

    // The team fills in the answer column.
    let sheet = dir.path().join(&import[1]);
    let text = std::fs::read_to_string(&sheet).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().clone();
    let answer = header.iter().position(|h| h == "svar").unwrap();
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    writer.write_record(&header).unwrap();
    for record in reader.records() {
        let mut row: Vec<String> = record.unwrap().iter().map(str::to_string).collect();
        let given = match &row[0][..] {
            "#respondent" => "Åsa Öberg, CMIO",
            "#solution" => "Journalen via nätet",
            "#target_group" => "Listade patienter",
            "r1-1" => "2",
            "r1-2" => "Delvis",
            "r1-3" => "72",
            "r2-1" => "Via den nationella e-tjänsten",
            "r2-2" => "Ej tillämpligt",
            _ => "",
        };
        if !given.is_empty() {
            row[answer] = given.to_string();
        }
        writer.write_record(&row).unwrap();
    }
    std::fs::write(&sheet, writer.into_inner().unwrap()).unwrap();

    let imported = run(&import);
    let score = crate::plain::printed(&imported.stderr, "Nästa steg: ");
    assert_eq!(
        score[2..],
        [
            "--questionnaire",
            "egen enkät/questionnaire.json",
            "--rubric",
            "egen enkät/rubric.json"
        ],
        "{score:?}"
    );
    let scored = run(&score);
    assert!(scored.stdout.contains("Bedömning: "), "{}", scored.stdout);
}
