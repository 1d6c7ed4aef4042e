//! Conditions on several answers together: `score` names every answer a blocker on two
//! answers saw, and `validate` checks every test in `all`.

use crate::{Test, json};

/// The 2026.1 example with answers that contradict each other: *Nej* on 4.4 (not a medical
/// device) while 6.3 says staff act on alerts, and *Nej* on 4.6 (no supplier reaches the
/// data) while 5.5 says patients use the solution. The questions a *Nej* hides go.
fn contradicting(alerts: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let mut answers = json("examples/exempelland-beredskap-2026.json");
    let given = answers["answers"].as_object_mut().unwrap();
    given.insert(
        "r4-8".into(),
        serde_json::json!({ "value": "no", "evidence": "MT-bedömning 2025-11-03" }),
    );
    given.insert(
        "r4-12".into(),
        serde_json::json!({ "value": "no", "evidence": "Regionen driftar plattformen själv" }),
    );
    given.insert("r6-9".into(), serde_json::json!({ "value": alerts }));
    for hidden in ["r4-6", "r4-4", "r4-9"] {
        given.remove(hidden);
    }
    crate::write("motsagelse.json", &answers.to_string())
}

/// The text with its line breaks and indents read as single spaces, as the reader reads it.
fn flowing(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_blocker_on_two_answers_names_both_in_swedish_and_english() {
    let (_dir, path) = contradicting("larm");
    let sv = Test::new().arg("score").arg(&path).success();
    assert_eq!(
        sv.stderr, "",
        "the answers are consistent with the questionnaire"
    );
    let text = flowing(&sv.stdout);
    for said in [
        "Delvis redo: lösningen skickar larm som personalen agerar på men är bedömd som \
         icke-medicinteknisk: pröva bedömningen mot MDR regel 11",
        "(4.4 Medicinteknisk produkt: Nej och 6.3 Data och larm till personalen: Ja, med larm \
         eller flaggor som personalen ska agera på)",
        "Delvis redo: patienterna använder lösningen själva men ingen leverantör sägs nå \
         patientuppgifterna",
        "(4.6 Leverantörer med patientuppgifter: Nej och 5.5 Patienter använder lösningen: Ja)",
    ] {
        assert!(text.contains(said), "missing {said:?}:\n{}", sv.stdout);
    }
    let en = Test::new()
        .args(&["--lang", "en", "score"])
        .arg(&path)
        .success();
    let text = flowing(&en.stdout);
    for said in [
        "Partly ready: the solution sends alerts that staff act on but is assessed as not a \
         medical device: test the assessment against MDR rule 11",
        "(4.4 Medical device: No and 6.3 Data and alerts to staff: Yes, with alerts or flags \
         that staff must act on)",
        "(4.6 Suppliers with patient data: No and 5.5 Patients use the solution: Yes)",
    ] {
        assert!(text.contains(said), "missing {said:?}:\n{}", en.stdout);
    }
}

#[test]
fn json_gives_every_answer_a_blocker_on_two_answers_saw() {
    let (_dir, path) = contradicting("larm");
    let out = Test::new()
        .args(&["score", "--format", "json"])
        .arg(&path)
        .success();
    let card: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let blockers = card["verdict"]["blockers"].as_array().unwrap();
    let device = blockers
        .iter()
        .find(|b| b["id"] == "mt-bedomning-mot-larm")
        .unwrap_or_else(|| panic!("{blockers:#?}"));
    assert_eq!(device["limit"], "partly_ready");
    assert_eq!(device["subject"]["question"], "r4-8");
    assert_eq!(device["subject"]["answer"]["sv"], "Nej");
    assert_eq!(device["also"][0]["question"], "r6-9");
    assert_eq!(device["also"][0]["number"], "6.3");
    assert_eq!(
        device["also"][0]["answer"]["en"],
        "Yes, with alerts or flags that staff must act on"
    );
    assert_eq!(device["also"].as_array().unwrap().len(), 1);
    // A blocker on one answer says no more than it did.
    let single = blockers
        .iter()
        .find(|b| b["id"] == "ingen-finansiering")
        .unwrap();
    assert!(single.get("also").is_none(), "{single}");
    assert!(single["subject"].get("answer").is_none(), "{single}");
}

#[test]
fn a_blocker_on_two_answers_holds_only_when_both_do() {
    // Data without alerts does not contradict a device assessment of No.
    let (_dir, path) = contradicting("data");
    let out = Test::new()
        .args(&["score", "--format", "json"])
        .arg(&path)
        .success();
    let card: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let ids: Vec<&str> = card["verdict"]["blockers"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| b["id"].as_str())
        .collect();
    assert!(!ids.contains(&"mt-bedomning-mot-larm"), "{ids:?}");
    assert!(
        ids.contains(&"leverantorer-mot-patientanvandning"),
        "{ids:?}"
    );
    // The example as given answers both questions Yes: neither holds.
    let out = Test::new()
        .args(&[
            "score",
            "examples/exempelland-beredskap-2026.json",
            "--format",
            "json",
        ])
        .success();
    let card: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let blockers = card["verdict"]["blockers"].as_array().unwrap();
    assert!(
        blockers.iter().all(|b| b.get("also").is_none()),
        "{blockers:#?}"
    );
}

#[test]
fn validate_names_the_test_in_all_that_is_wrong() {
    let mut rubric = json("scoring/beredskap-2026.1.json");
    rubric["verdict"]["blockers"][3]["when"] = serde_json::json!({"all": [
        {"question": "r4-8", "is": ["nej"]},
        {"question": "r6-99", "below": 2}
    ]});
    rubric["verdict"]["blockers"][4]["when"] = serde_json::json!({"all": []});
    let (_dir, path) = crate::write("villkor.json", &rubric.to_string());
    let out = Test::new().arg("validate").arg(&path).code(1);
    for said in [
        "villkor.json: verdict.blockers[3].when.all[0].is[0]: frågan `r4-8` har inget svar `nej`",
        "tips: skriv `yes`, `no` (eller `partly`) för en ja/nej-fråga",
        "villkor.json: verdict.blockers[3].when.all[1].question: frågan `r6-99` finns inte",
        "villkor.json: verdict.blockers[4].when.all: `all` har inget villkor",
    ] {
        assert!(
            out.stdout.contains(said),
            "missing {said:?}:\n{}",
            out.stdout
        );
    }
    let out = Test::new()
        .args(&["--lang", "en", "validate"])
        .arg(&path)
        .code(1);
    assert!(
        out.stdout
            .contains("verdict.blockers[4].when.all: `all` has no condition"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(
            "hint: write the tests that must all hold in `all`, or one test without `all`"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn the_built_in_readiness_rubric_with_its_new_blockers_is_valid() {
    let out = Test::new()
        .args(&["validate", "scoring/beredskap-2026.1.json"])
        .success();
    assert!(
        out.stdout.contains("ok: scoring/beredskap-2026.1.json"),
        "{}",
        out.stdout
    );
}
