//! Every kind of broken file gives its file, its JSON path and a hint, with the right exit
//! code, and never a panic (the helper fails on one).

use serde_json::json;

use crate::{BEREDSKAP_2025, TIOPUNKT_2025, Test, json, write};

/// Validates a file with this text: exit 1, and every expected fragment in the report.
fn problems(name: &str, text: &str, expected: &[&str]) -> String {
    let (_dir, path) = write(name, text);
    let out = Test::new().args(&["validate"]).arg(&path).code(1);
    for fragment in expected {
        assert!(
            out.stdout.contains(fragment),
            "missing {fragment:?} in:\n{}",
            out.stdout
        );
    }
    assert!(
        out.stdout.contains(&format!("{}: ", path.display())),
        "the file is named:\n{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("\n  tips: "),
        "a hint is given:\n{}",
        out.stdout
    );
    out.stdout
}

fn answers_with(change: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut answers = json(TIOPUNKT_2025);
    change(&mut answers);
    answers.to_string()
}

#[test]
fn text_that_is_not_json() {
    problems(
        "svar.json",
        "{\n  \"format\": \"mognad.answers/1\",\n  \"year\": 20 25\n}",
        &["3:14", "inte giltig JSON"],
    );
    // An empty file is named as empty, not as JSON that ends too soon.
    let (_dir, path) = write("tom.json", "");
    let out = Test::new().args(&["validate"]).arg(&path).code(2);
    assert!(out.stderr.contains("tom.json` är tom"), "{}", out.stderr);
}

#[test]
fn unknown_and_newer_formats() {
    problems(
        "x.json",
        r#"{"format": "mognad.rapport/1"}"#,
        &["format: okänt filformat `mognad.rapport/1`"],
    );
    problems(
        "x.json",
        r#"{"region": "Region Syd"}"#,
        &["okänt filformat `(none)`"],
    );
    problems(
        "x.json",
        r#"{"format": "mognad.answers/2"}"#,
        &[
            "formatversionen `mognad.answers/2` stöds inte",
            "uppdatera mognad",
        ],
    );
    problems("x.json", "[1, 2]", &["JSON object"]);
}

#[test]
fn a_field_of_the_wrong_type_is_named_by_its_path() {
    let text = answers_with(|a| a["year"] = json!("tjugotjugofem"));
    problems(
        "svar.json",
        &text,
        &[": year: fel typ: texten \"tjugotjugofem\", väntade ett heltal"],
    );
    let text = answers_with(|a| a["answers"]["a8-2"]["status"] = json!("kanske"));
    problems(
        "svar.json",
        &text,
        &["answers.a8-2.status: okänt värde `kanske`; väntade `dont_know` eller `not_applicable`"],
    );
    // In English, serde's own words.
    let (_dir, path) = write("svar.json", &answers_with(|a| a["year"] = json!("2025")));
    let out = Test::new()
        .args(&["--lang", "en", "validate"])
        .arg(&path)
        .code(1);
    assert!(
        out.stdout
            .contains("year: invalid type: string \"2025\", expected i32"),
        "{}",
        out.stdout
    );
    let text = answers_with(|a| a["colour"] = json!(1));
    problems(
        "svar.json",
        &text,
        &["okänt fält `colour`; möjliga: `format`"],
    );
    let text = answers_with(|a| {
        a.as_object_mut().unwrap().remove("region");
    });
    problems("svar.json", &text, &["fältet `region` saknas"]);
}

#[test]
fn answers_that_do_not_fit_their_questions_are_all_listed() {
    let text = answers_with(|a| {
        let answers = &mut a["answers"];
        answers["a8-2"] = json!({"value": 7});
        answers["a8-1"] = json!({"value": 2.5});
        answers["a1-sdk"] = json!({"value": "kanske"});
        answers["a6-sso"] = json!({"value": 1});
        answers["a99-1"] = json!({"value": 3});
        answers["a2-1"] = json!({"value": 2, "status": "dont_know"});
        answers["a3-1"] = json!({"comment": "glömde svara"});
        a["date"] = json!("2025-13-01");
        a["region"] = json!(" ");
    });
    let report = problems(
        "svar.json",
        &text,
        &[
            "answers.a8-2.value: 7 ligger utanför nivåerna 0–5",
            "answers.a8-1.value: 2.5 är inget heltal",
            "answers.a1-sdk.value: `kanske` är inget av alternativen (yes, no)",
            "answers.a6-sso.value: väntade ett alternativs id, fick 1",
            "answers.a99-1: frågan `a99-1` finns inte i enkäten",
            "answers.a2-1: ett svar har antingen `value` eller `status`, inte båda",
            "answers.a3-1: svaret har varken `value` eller `status`",
            "date: `2025-13-01` är inget datum",
            "region: region saknas",
        ],
    );
    assert_eq!(report.matches("fel: ").count(), 9, "{report}");
    // `score` refuses the same file, names the file and lists the problems.
    let (_dir, path) = write("svar.json", &text);
    let out = Test::new().args(&["score"]).arg(&path).code(2);
    assert!(out.stderr.contains("kan inte användas"), "{}", out.stderr);
    assert!(out.stderr.contains("answers.a8-2.value"), "{}", out.stderr);
    assert_eq!(out.stdout, "", "nothing is scored");
}

#[test]
fn answers_to_another_questionnaire_version() {
    let text = answers_with(|a| a["questionnaire"]["version"] = json!("2023.1"));
    problems(
        "svar.json",
        &text,
        &["questionnaire.version: svaren gavs på enkätversion 2023.1, den här är 2026.1"],
    );
    let (_dir, path) = write("svar.json", &text);
    let out = Test::new().args(&["score"]).arg(&path).code(2);
    assert!(
        out.stderr.contains("--questionnaire"),
        "the hint says what to do:\n{}",
        out.stderr
    );
}

#[test]
fn a_changed_questionnaire_is_a_warning_not_an_error() {
    let text = answers_with(|a| a["questionnaire"]["hash"] = json!("sha256:0000"));
    let (_dir, path) = write("svar.json", &text);
    let out = Test::new().args(&["validate"]).arg(&path).success();
    assert!(out.stdout.contains("varning: "), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("questionnaire.hash: enkätens innehåll har ändrats"),
        "{}",
        out.stdout
    );
    let out = Test::new().args(&["score"]).arg(&path).success();
    assert!(
        out.stderr.contains("enkätens innehåll har ändrats"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("Samlat index"), "{}", out.stdout);
}

#[test]
fn a_readiness_assessment_without_its_solution() {
    let mut answers = json(BEREDSKAP_2025);
    answers.as_object_mut().unwrap().remove("solution");
    problems(
        "svar.json",
        &answers.to_string(),
        &["solution: en beredskapsbedömning måste ange lösningen"],
    );
}

#[test]
fn a_questionnaire_with_many_problems_lists_them_all() {
    let mut q = json("questionnaires/tiopunkt.json");
    let area = &mut q["areas"][0];
    area["questions"][1]["id"] = area["questions"][0]["id"].clone();
    area["questions"][2]["levels"].as_array_mut().unwrap().pop();
    area["questions"][3]["help"]["en"] = json!("");
    area["questions"][0]["show_if"] = json!({"question": "a2-1", "at_least": 3});
    area["questions"][4]["partly"] = json!(true);
    q["areas"][1]["number"] = json!(1);
    let report = problems(
        "enkat.json",
        &q.to_string(),
        &[
            "areas[0].questions[1].id: id `a1-1` finns redan tidigare i filen",
            "areas[0].questions[2].levels: en skalfråga ska ha sex nivåer (0–5), den här har 5",
            "areas[0].questions[3].help.en: engelsk text saknas",
            "areas[0].questions[0].show_if.question: villkoret hänvisar till frågan `a2-1`, som inte kommer före den här",
            "areas[0].questions[4].partly: fältet `partly` hör inte till frågetypen `scale`",
            "areas[1].number: område nummer 1 finns redan",
        ],
    );
    assert_eq!(report.matches("fel: ").count(), 6, "{report}");
}

#[test]
fn evidence_can_be_required_only_for_answers_a_question_takes() {
    let mut q = json("questionnaires/beredskap-2026.1.json");
    let area = &mut q["areas"][3];
    // 4.6 is a yes/no question without partly; 4.1 is a scale question.
    area["questions"][5]["evidence_required"] = json!(["no", "partly", "kanske"]);
    area["questions"][0]["evidence_required"] = json!(["no"]);
    let report = problems(
        "enkat.json",
        &q.to_string(),
        &[
            "areas[3].questions[5].evidence_required[1]: `partly` är inget möjligt svar på frågan, så det kan inte kräva underlag",
            "areas[3].questions[5].evidence_required[2]: `kanske` är inget möjligt svar på frågan",
            "areas[3].questions[0].evidence_required: fältet `evidence_required` hör inte till frågetypen `scale`",
            "tips: ja/nej-frågor svarar `yes`, `no` (och `partly`), flervalsfrågor med alternativens id",
        ],
    );
    assert_eq!(report.matches("fel: ").count(), 3, "{report}");
}

#[test]
fn a_rubric_that_names_what_does_not_exist() {
    let mut r = json("scoring/tiopunkt.json");
    r["areas"][0]["questions"][0]["question"] = json!("a1-99");
    r["areas"][0]["questions"][1]["weight"] = json!(0);
    r["areas"][1]["questions"]
        .as_array_mut()
        .unwrap()
        .push(json!({"question": "a1-sdk", "points": {"yes": 5}}));
    r["areas"][2]["next_steps"].as_array_mut().unwrap().pop();
    r["gates"][0]["when"] = json!({"question": "a5-nytt-vis", "below": 3});
    r["overall"]["min_areas"] = json!(12);
    r["coverage"]["min"] = json!(75);
    let report = problems(
        "mall.json",
        &r.to_string(),
        &[
            "areas[0].questions[0].question: frågan `a1-99` finns inte i enkäten",
            "areas[0].questions[1].weight: vikten måste vara större än 0, den är 0",
            "areas[1].questions[5].question: frågan `a1-sdk` hör till området `a1` i enkäten",
            "areas[1].questions[5].points: poäng saknas för svaret `no`",
            "areas[2].next_steps: nästa steg saknas för nivå 5",
            "gates[0].when.question: frågan `a5-nytt-vis` ger inga poäng att jämföra med",
            "overall.min_areas: `min_areas` är 12, men bara 10 områden poängsätts",
            "coverage.min: täckningskravet 75 ligger utanför 0–1",
        ],
    );
    assert_eq!(report.matches("fel: ").count(), 8, "{report}");
}

#[test]
fn a_verdict_blocker_with_an_unknown_band() {
    let mut r = json("scoring/beredskap.json");
    r["verdict"]["blockers"][0]["limit"] = json!("kanske_redo");
    problems(
        "mall.json",
        &r.to_string(),
        &["verdict.blockers[0].limit: bedömningsnivån `kanske_redo` finns inte"],
    );
}

#[test]
fn unreadable_files_exit_2() {
    let out = Test::new().args(&["validate", "finns-inte.json"]).code(2);
    assert!(
        out.stderr
            .contains("kan inte läsa `finns-inte.json`: filen finns inte"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("tips: "), "{}", out.stderr);

    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.json");
    std::fs::write(&latin1, b"{\"region\": \"V\xe4stra G\xf6taland\"}").unwrap();
    let out = Test::new().args(&["validate"]).arg(&latin1).code(2);
    assert!(
        out.stderr.contains("latin1.json` är inte UTF-8-text"),
        "{}",
        out.stderr
    );

    let out = Test::new().args(&["validate"]).arg(dir.path()).code(2);
    assert!(
        out.stderr.contains("är en mapp, inte en fil"),
        "{}",
        out.stderr
    );

    // One unreadable file among good ones still exits 2, after checking the rest.
    let out = Test::new()
        .args(&["validate", TIOPUNKT_2025, "finns-inte.json"])
        .code(2);
    assert!(out.stdout.contains("ok: "), "{}", out.stdout);
}

#[test]
fn score_refuses_what_it_cannot_use() {
    let out = Test::new().args(&["score", "finns-inte.json"]).code(2);
    assert!(out.stderr.contains("filen finns inte"), "{}", out.stderr);

    let out = Test::new()
        .args(&["score", TIOPUNKT_2025, "--rubric", "beredskap"])
        .code(2);
    assert!(
        out.stderr
            .contains("bedömningsmallen gäller enkäten `beredskap`, inte `tiopunkt`"),
        "{}",
        out.stderr
    );

    let out = Test::new()
        .args(&["score", TIOPUNKT_2025, "--rubric", "saknas"])
        .code(2);
    assert!(
        out.stderr
            .contains("bedömningsmallen `saknas` är varken inbyggd eller en fil"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("tips: `mognad questionnaires`"),
        "{}",
        out.stderr
    );

    let out = Test::new()
        .args(&["score", "questionnaires/tiopunkt.json"])
        .code(2);
    assert!(
        out.stderr.contains("är en enkätfil, inte en svarsfil"),
        "{}",
        out.stderr
    );

    let mut answers = json(TIOPUNKT_2025);
    answers["questionnaire"]["id"] = json!("egen");
    let (_dir, path) = write("svar.json", &answers.to_string());
    let out = Test::new().args(&["score"]).arg(&path).code(2);
    assert!(
        out.stderr
            .contains("enkäten `egen` är varken inbyggd eller en fil"),
        "{}",
        out.stderr
    );
}

#[test]
fn messages_and_hints_in_english() {
    let text = answers_with(|a| a["answers"]["a8-2"] = json!({"value": 7}));
    let (_dir, path) = write("answers.json", &text);
    let out = Test::new()
        .args(&["--lang", "en", "validate"])
        .arg(&path)
        .code(1);
    assert!(out.stdout.contains("error: "), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("answers.a8-2.value: 7 is outside levels 0–5"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("\n  hint: the answer must fit the question's kind"),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr.contains("1 file checked: 0 clean, 1 error"),
        "{}",
        out.stderr
    );
}

#[test]
fn published_figures_that_do_not_add_up() {
    let mut p = json("benchmarks/slit-2025.json");
    p["figures"][0]["values"][0]["count"] = json!(22);
    p["figures"][1]["values"][0] = json!({"year": 2022});
    p["figures"][2]["indicator"] = json!("fax-machines");
    p["figures"][3]["values"] = json!([{"year": 2025, "count": 1}, {"year": 2024, "count": 2}]);
    let report = problems(
        "siffror.json",
        &p.to_string(),
        &[
            "figures[0].values[0].count: antalet 22 är större än totalen 21",
            "figures[1].values[0]: varje år har antingen `count` eller `text`",
            "figures[2].indicator: ingen inbyggd enkät har indikatorn `fax-machines`",
            "figures[3].values: åren ska stå i stigande ordning",
        ],
    );
    assert_eq!(report.matches("fel: ").count(), 4, "{report}");
}
