//! `mognad compare` on the examples in both languages, as JSON and CSV; across two versions of
//! a small questionnaire (`tests/fixtures/compare/`); and the files it refuses.

use serde_json::json;

use crate::{BEREDSKAP_2025, Output, TIOPUNKT_2024, TIOPUNKT_2025, Test, json, write};

const FIXTURES: &str = "tests/fixtures/compare";

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

/// `compare` of the fixtures' two years, across the questionnaire's two versions.
fn across_versions(extra: &[&str]) -> Test {
    Test::new()
        .args(&["compare"])
        .arg(fixture("svar-2024.json"))
        .arg(fixture("svar-2025.json"))
        .args(&["--questionnaire"])
        .arg(fixture("enkat-2025.json"))
        .args(&["--rubric"])
        .arg(fixture("mall.json"))
        .args(extra)
}

fn parse(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("valid JSON")
}

#[test]
fn tiopunkt_in_swedish() {
    let out = Test::new()
        .args(&["compare", TIOPUNKT_2024, TIOPUNKT_2025])
        .success();
    assert_eq!(out.stderr, "", "no warnings on the examples");
    for words in [
        "Region Exempelland (fiktiv) · 2024 → 2025",
        "Förändring",
        "Användning av molntjänster                      1,6    2,2         +0,6   1 → 2",
        "Digital mognad och kompetens                    2,3    2,0         −0,3   2 → 2",
        "Samlat index: 2,0 → 2,1 (+0,1), nivå 2 → 2.",
        "Ändrade svar (19)",
        "Åtkomst till ultraljudsbilder: Nej → Ja",
        "Jämlik digital vård: 2 → Vet ej",
        "2024: SDK används hittills av registraturen",
    ] {
        assert!(
            out.stdout.contains(words),
            "missing {words:?}:\n{}",
            out.stdout
        );
    }
    // The same version: everything is compared, and nothing is said to be left out.
    assert!(!out.stdout.contains("Inte jämfört"), "{}", out.stdout);
    assert!(!out.stdout.contains("Jämförda frågor"), "{}", out.stdout);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn tiopunkt_in_english() {
    let out = Test::new()
        .args(&["--lang", "en", "compare", TIOPUNKT_2024, TIOPUNKT_2025])
        .success();
    for words in [
        "Change",
        "Overall index: 2.0 → 2.1 (+0.1), level 2 → 2.",
        "Changed answers (19)",
        "Access to ultrasound images: No → Yes",
        "Equitable digital care: 2 → Don't know",
    ] {
        assert!(
            out.stdout.contains(words),
            "missing {words:?}:\n{}",
            out.stdout
        );
    }
    assert!(!out.stdout.contains("Område"), "{}", out.stdout);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn the_scores_now_and_then_are_those_of_score() {
    let card = |path: &str| {
        parse(
            &Test::new()
                .args(&["score", path, "--format", "json"])
                .success()
                .stdout,
        )
    };
    let (then, now) = (card(TIOPUNKT_2024), card(TIOPUNKT_2025));
    let comparison = parse(
        &Test::new()
            .args(&["compare", TIOPUNKT_2024, TIOPUNKT_2025, "--format", "json"])
            .success()
            .stdout,
    );
    for area in comparison["areas"].as_array().unwrap() {
        let scored = |card: &serde_json::Value| {
            card["areas"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["id"] == area["id"])
                .unwrap()["score"]
                .clone()
        };
        assert_eq!(area["then"], scored(&then), "{}", area["id"]);
        assert_eq!(area["now"], scored(&now), "{}", area["id"]);
    }
    assert_eq!(comparison["overall"]["then"], then["overall"]["score"]);
    assert_eq!(comparison["overall"]["now"], now["overall"]["score"]);
}

#[test]
fn json_has_its_format_and_what_scripts_need() {
    let out = Test::new()
        .args(&["compare", TIOPUNKT_2024, TIOPUNKT_2025, "--format", "json"])
        .success();
    let c = parse(&out.stdout);
    assert_eq!(c["format"], "mognad.comparison/1");
    assert_eq!(c["same_version"], true);
    assert_eq!(
        (c["then"]["year"].clone(), c["now"]["year"].clone()),
        (json!(2024), json!(2025))
    );
    assert_eq!(c["left_out"], json!([]));
    let areas = c["areas"].as_array().unwrap();
    assert_eq!(areas.len(), 10, "the scored areas");
    let a4 = areas.iter().find(|a| a["id"] == "a4").unwrap();
    assert_eq!(
        (&a4["then"], &a4["now"], &a4["change"]),
        (&json!(1.6), &json!(2.2), &json!(0.6))
    );
    assert_eq!(
        (&a4["level_then"], &a4["level_now"]),
        (&json!(1), &json!(2))
    );
    assert_eq!((&a4["compared"], &a4["questions"]), (&json!(5), &json!(5)));
    let changed = c["changed"].as_array().unwrap();
    assert_eq!(changed.len(), 19);
    let sdk = changed.iter().find(|x| x["id"] == "a1-3").unwrap();
    assert_eq!(sdk["then"]["value"], 2);
    assert_eq!(sdk["now"]["value"], 3);
    assert!(
        sdk["then"]["comment"]
            .as_str()
            .unwrap()
            .starts_with("SDK används hittills")
    );
    // A changed comment alone is no changed answer.
    assert!(
        changed.iter().all(|x| x["id"] != "a1-5"),
        "a1-5: 1 both years"
    );
}

#[test]
fn csv_has_one_row_per_area_for_a_spreadsheet() {
    let out = Test::new()
        .args(&["compare", TIOPUNKT_2024, TIOPUNKT_2025, "--format", "csv"])
        .success();
    let text = out
        .stdout
        .strip_prefix('\u{feff}')
        .expect("a byte order mark for Excel");
    let lines: Vec<&str> = text.split_terminator("\r\n").collect();
    assert_eq!(
        lines[0],
        "id;område;poäng 2024;poäng 2025;förändring;nivå 2024;nivå 2025;jämförda frågor;poängsatta frågor"
    );
    assert_eq!(lines.len(), 11, "a header and ten areas:\n{text}");
    assert!(lines.iter().all(|l| l.matches(';').count() == 8), "{text}");
    assert!(lines.contains(&"a4;Användning av molntjänster;1,6;2,2;0,6;1;2;5;5"));
    assert!(lines.contains(&"a10;Digital mognad och kompetens;2,3;2,0;-0,3;2;2;5;5"));

    let en = Test::new()
        .args(&[
            "compare",
            TIOPUNKT_2024,
            TIOPUNKT_2025,
            "--format",
            "csv",
            "--lang",
            "en",
        ])
        .success();
    let lines: Vec<&str> = en.stdout.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "id,area,score 2024,score 2025,change,level 2024,level 2025,questions compared,questions scored"
    );
    assert!(lines.contains(&"a4,Use of cloud services,1.6,2.2,0.6,1,2,5,5"));
}

#[test]
fn compare_across_versions_uses_only_declared_continuations() {
    let c = parse(&across_versions(&["--format", "json"]).success().stdout);
    assert_eq!(c["same_version"], false);
    assert_eq!(
        (c["then"]["version"].clone(), c["now"]["version"].clone()),
        (json!("2024.1"), json!("2025.1"))
    );
    let area = |id: &str| {
        c["areas"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .unwrap()
            .clone()
    };
    // o1-3 keeps its id but declares no continuation: left out of both years, so Styrning is
    // scored on o1-1 and o1-uppf (which continues o1-2): (2 + 1) ÷ 2 then, (3 + 2) ÷ 2 now.
    // Matching ids alone would have given (2 + 1 + 0) ÷ 3 = 1.0 and (3 + 2 + 5) ÷ 3 = 3.3.
    let o1 = area("o1");
    assert_eq!((&o1["compared"], &o1["questions"]), (&json!(2), &json!(3)));
    assert_eq!(o1["note"], "subset");
    assert_eq!((&o1["then"], &o1["now"]), (&json!(1.5), &json!(2.5)));
    let o2 = area("o2");
    assert_eq!(
        (&o2["then"], &o2["now"], &o2["change"]),
        (&json!(2.5), &json!(3.5), &json!(1.0))
    );
    assert!(o2.get("note").is_none());
    // Nothing in Kompetens continues anything: no score then, no change, its score now.
    let o3 = area("o3");
    assert_eq!(o3["note"], "not_compared");
    assert_eq!(
        (&o3["then"], &o3["now"], &o3["change"]),
        (&json!(null), &json!(3.0), &json!(null))
    );
    assert_eq!(
        (&c["overall"]["then"], &c["overall"]["now"]),
        (&json!(2.0), &json!(3.0))
    );

    let changed: Vec<(&str, Option<&str>)> = c["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x["id"].as_str().unwrap(), x["from"].as_str()))
        .collect();
    assert_eq!(
        changed,
        [("o1-1", None), ("o1-uppf", Some("o1-2")), ("o2-2", None)],
        "o1-3 went from no to yes, but is not comparable"
    );
    assert_eq!(
        c["left_out"],
        json!([
            {"id": "o1-3", "number": "1.3", "reason": "no_continuation"},
            {"id": "o3-ny", "number": "3.1", "reason": "no_continuation"},
            {"id": "o1-3", "reason": "not_continued"},
            {"id": "o3-1", "reason": "not_continued"}
        ])
    );
}

#[test]
fn across_versions_the_text_says_what_was_left_out_and_why() {
    let sv = across_versions(&[]).success();
    assert_eq!(sv.stderr, "");
    for words in [
        "(liten 2024.1 → 2025.1)",
        "Svaren gavs på olika versioner av enkäten",
        "Jämförda frågor",
        "1  Styrning     1,5    2,5         +1,0   1 → 2            2 av 3",
        "1.2 Uppföljning: 1 → 2 (tidigare o1-2)",
        "Inte jämfört",
        "1.3 Strategi med mål, 3.1 Digital",
    ] {
        assert!(
            sv.stdout.contains(words),
            "missing {words:?}:\n{}",
            sv.stdout
        );
    }
    insta::assert_snapshot!("across_versions_sv", sv.stdout);
    let en = across_versions(&["--lang", "en"]).success();
    assert!(en.stdout.contains("Not compared"), "{}", en.stdout);
    assert!(
        en.stdout.contains("1.2 Follow-up: 1 → 2 (formerly o1-2)"),
        "{}",
        en.stdout
    );
    insta::assert_snapshot!("across_versions_en", en.stdout);
}

#[test]
fn one_file_can_come_from_standard_input() {
    let text = std::fs::read_to_string(crate::root().join(TIOPUNKT_2024)).unwrap();
    let piped = Test::new()
        .args(&["compare", "-", TIOPUNKT_2025])
        .stdin(&text)
        .success();
    let named = Test::new()
        .args(&["compare", TIOPUNKT_2024, TIOPUNKT_2025])
        .success();
    assert_eq!(piped.stdout, named.stdout);
}

#[test]
fn the_earlier_year_comes_first() {
    let out = Test::new()
        .args(&["compare", TIOPUNKT_2025, TIOPUNKT_2024])
        .code(2);
    assert!(
        out.stderr.contains(&format!(
            "fel: `{TIOPUNKT_2025}` gäller 2025, som inte är före 2024 i `{TIOPUNKT_2024}`"
        )),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("tips: byt plats på filerna"),
        "{}",
        out.stderr
    );
    let en = Test::new()
        .args(&["--lang", "en", "compare", TIOPUNKT_2025, TIOPUNKT_2024])
        .code(2);
    assert!(en.stderr.contains("hint: swap the files"), "{}", en.stderr);
    let same = Test::new()
        .args(&["compare", TIOPUNKT_2025, TIOPUNKT_2025])
        .code(2);
    assert!(same.stderr.contains("två olika år"), "{}", same.stderr);
    assert_eq!(same.stdout, "");
}

#[test]
fn another_region_is_refused() {
    let mut other = json(TIOPUNKT_2024);
    other["region"] = json!("Region Annanstans");
    let (_dir, path) = write("svar-2024.json", &other.to_string());
    let out = Test::new()
        .args(&["compare"])
        .arg(&path)
        .arg(TIOPUNKT_2025)
        .code(2);
    assert!(
        out.stderr.contains(&format!(
            "`{}` gäller Region Annanstans och `{TIOPUNKT_2025}` gäller Region Exempelland (fiktiv)",
            path.display()
        )),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("tips: jämför samma regions svar"),
        "{}",
        out.stderr
    );
}

#[test]
fn another_questionnaire_is_refused() {
    let mut readiness = json(BEREDSKAP_2025);
    readiness["year"] = json!(2024);
    let (_dir, path) = write("beredskap-2024.json", &readiness.to_string());
    let out = Test::new()
        .args(&["--lang", "en", "compare"])
        .arg(&path)
        .arg(TIOPUNKT_2025)
        .code(2);
    assert!(
        out.stderr
            .contains("holds answers to questionnaire `beredskap` and"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("answers to `tiopunkt`"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_broken_file_is_named_with_its_problem() {
    let (_dir, path) = write("trasig.json", "{\"format\": \"mognad.answers/1\",");
    let out = Test::new()
        .args(&["compare"])
        .arg(&path)
        .arg(TIOPUNKT_2025)
        .code(2);
    assert!(
        out.stderr
            .contains(&format!("`{}` kan inte användas", path.display())),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("inte giltig JSON"), "{}", out.stderr);

    let mut wrong = json(TIOPUNKT_2024);
    wrong["answers"]["a8-2"] = json!({"value": 7});
    let (_dir, path) = write("svar-2024.json", &wrong.to_string());
    let out = Test::new()
        .args(&["compare"])
        .arg(&path)
        .arg(TIOPUNKT_2025)
        .code(2);
    assert!(
        out.stderr.contains(&format!(
            "{}: answers.a8-2.value: 7 ligger utanför nivåerna 0–5",
            path.display()
        )),
        "{}",
        out.stderr
    );
}

#[test]
fn a_continuation_listed_twice_is_a_problem_in_the_questionnaire() {
    let mut q = json(&fixture("enkat-2025.json"));
    q["areas"][0]["questions"][0]["continues"] = json!(["o1-1", "o1-2"]);
    let (_dir, path) = write("enkat.json", &q.to_string());
    let out = Test::new().args(&["validate"]).arg(&path).code(1);
    assert!(
        out.stdout.contains(
            "areas[0].questions[1].continues[0]: den tidigare frågan `o1-2` fortsätts redan av frågan `o1-1`"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("tips: ett tidigare svar kan bara föras till en fråga"),
        "{}",
        out.stdout
    );
}

#[test]
fn every_reason_for_leaving_out_is_said() {
    // o1-1 continues o1-1 and o1-3, both answered in 2024: the first is used. The yes/no o1-3
    // continues the scale o3-1, whose 2024 answer (1) is no possible answer to it.
    let mut q = json(&fixture("enkat-2025.json"));
    q["areas"][0]["questions"][0]["continues"] = json!(["o1-1", "o1-3"]);
    q["areas"][0]["questions"][2]["continues"] = json!(["o3-1"]);
    let (dir, path) = write("enkat.json", &q.to_string());
    let out = Test::new()
        .args(&["compare"])
        .arg(fixture("svar-2024.json"))
        .arg(fixture("svar-2025.json"))
        .args(&["--questionnaire"])
        .arg(&path)
        .args(&["--rubric"])
        .arg(fixture("mall.json"))
        .success();
    let flat = out.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    for words in [
        "o1-3: svaret används inte, eftersom 1.1 Ägarskap fortsätter både o1-1 och o1-3, och o1-1 står först och besvarades",
        "o3-1: svaret från 2024 är inget möjligt svar på 1.3 Strategi med mål, som fortsätter frågan; den frågan jämförs inte",
        "Nya frågor som inte fortsätter någon fråga i 2024.1: 3.1 Digital kompetens o1-3:",
    ] {
        assert!(flat.contains(words), "missing {words:?}:\n{}", out.stdout);
    }
    assert!(
        !out.stdout.contains("som ingen fråga i 2025.1 fortsätter"),
        "{}",
        out.stdout
    );
    // The answers name the questionnaire as it was; this copy changed, which is worth a warning.
    assert!(out.stderr.contains("varning"), "{}", out.stderr);
    drop(dir);
}

/// The instrument written from `docs/formats.md` (`tests/fixtures/own/`), with its two areas
/// in one group, in `dir`: the questionnaire (of `version`, each question continuing itself
/// when that is not the fixture's), its rubric (for both versions), and the region's answers
/// for 2025 as the fixture has them and for 2024 with `r1-1` one level lower.
struct Own {
    questionnaire: std::path::PathBuf,
    rubric: std::path::PathBuf,
    old: std::path::PathBuf,
    new: std::path::PathBuf,
}

const OWN: &str = "tests/fixtures/own";

fn own_questionnaire(version: &str, grouped: bool) -> serde_json::Value {
    let mut q = json(&format!("{OWN}/questionnaire.json"));
    q["version"] = json!(version);
    if grouped {
        q["groups"] = json!([
            {"id": "g-helhet", "title": {"sv": "Helheten", "en": "The whole"}, "areas": ["r1", "r2"]}
        ]);
    } else if let Some(q) = q.as_object_mut() {
        q.remove("groups");
    }
    if version != "1.0" {
        for area in q["areas"].as_array_mut().unwrap() {
            for question in area["questions"].as_array_mut().unwrap() {
                question["continues"] = json!([question["id"].clone()]);
            }
        }
    }
    q
}

fn own(dir: &std::path::Path, version: &str) -> Own {
    let write = |name: &str, value: &serde_json::Value| {
        let path = dir.join(name);
        std::fs::write(&path, serde_json::to_string_pretty(value).unwrap()).unwrap();
        path
    };
    let mut rubric = json(&format!("{OWN}/rubric.json"));
    rubric["questionnaire"]["versions"] = json!(["1.0", "2.0"]);
    let mut new = json(&format!("{OWN}/answers.json"));
    new["questionnaire"]["version"] = json!(version);
    let mut old = json(&format!("{OWN}/answers.json"));
    old["year"] = json!(2024);
    old["date"] = json!("2024-11-04");
    old["answers"]["r1-1"]["value"] = json!(1);
    Own {
        questionnaire: write(
            &format!("enkat-{version}.json"),
            &own_questionnaire(version, true),
        ),
        rubric: write("mall.json", &rubric),
        old: write("svar-2024.json", &old),
        new: write("svar-2025.json", &new),
    }
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn own_compare(files: &Own, extra: &[&str]) -> String {
    Test::new()
        .args(&["compare"])
        .arg(&files.old)
        .arg(&files.new)
        .args(&["--questionnaire"])
        .arg(&files.questionnaire)
        .args(&["--rubric"])
        .arg(&files.rubric)
        .args(extra)
        .success()
        .stdout
}

/// A group of areas is compared as its areas are. By hand (`tests/fixtures/own/EXPECTED.md`):
/// 2025 r1 2,3 (weight 2) and r2 3,0 give (4,6 + 3,0) / 3 = 2,53, shown 2,5; in 2024 `r1-1` at
/// 1 gives r1 (2 + 2 + 3) / 4 = 1,75, shown 1,8, and r2 is still capped at 3,0, so the group is
/// (3,6 + 3,0) / 3 = 2,2: a change of +0,3.
#[test]
fn a_group_of_areas_is_compared_beside_the_areas() {
    let dir = tempfile::tempdir().unwrap();
    let files = own(dir.path(), "1.0");
    let sv = own_compare(&files, &[]);
    for words in [
        "  2  Teknik och uppföljning    3,0    3,0          0,0   3 → 3",
        " Grupper av områden",
        "     Helheten (1, 2)           2,2    2,5         +0,3   2 → 2",
    ] {
        assert!(sv.contains(words), "missing {words:?}:\n{sv}");
    }
    // The groups come under the areas, in the same table, and before the index.
    let (areas, group, index) = (
        sv.find("Område").unwrap(),
        sv.find("Grupper av områden").unwrap(),
        sv.find("Samlat index").unwrap(),
    );
    assert!(areas < group && group < index, "{sv}");
    assert!(!sv.contains("Anmärkningar"), "{sv}");
    insta::assert_snapshot!("own_grouped_sv", sv);

    let en = own_compare(&files, &["--lang", "en"]);
    assert!(en.contains(" Groups of areas"), "{en}");
    assert!(
        en.contains("     The whole (1, 2)            2.2    2.5     +0.3   2 → 2"),
        "{en}"
    );
    assert!(!en.contains("Helheten"), "{en}");
    insta::assert_snapshot!("own_grouped_en", en);

    let c = parse(&own_compare(&files, &["--format", "json"]));
    let g = &c["groups"][0];
    assert_eq!(g["id"], "g-helhet");
    assert_eq!(g["areas"], json!(["r1", "r2"]));
    assert_eq!(
        (&g["then"], &g["now"], &g["change"]),
        (&json!(2.2), &json!(2.5), &json!(0.3))
    );
    assert_eq!((&g["level_then"], &g["level_now"]), (&json!(2), &json!(2)));
    assert_eq!((&g["areas_then"], &g["areas_now"]), (&json!(2), &json!(2)));
    assert!(g.get("note").is_none(), "{g}");

    let csv = own_compare(&files, &["--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].ends_with(";slag"), "{csv}");
    assert!(
        lines[1].starts_with("r1;") && lines[1].ends_with(";område"),
        "{csv}"
    );
    assert_eq!(
        lines[3], "g-helhet;Helheten;2,2;2,5;0,3;2;2;5;5;grupp",
        "{csv}"
    );
    let csv = own_compare(&files, &["--format", "csv", "--lang", "en"]);
    assert!(
        csv.contains("g-helhet,The whole,2.2,2.5,0.3,2,2,5,5,group"),
        "{csv}"
    );
}

/// Without groups, nothing about groups is said or written.
#[test]
fn a_questionnaire_without_groups_compares_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let files = own(dir.path(), "1.0");
    std::fs::write(
        &files.questionnaire,
        own_questionnaire("1.0", false).to_string(),
    )
    .unwrap();
    let text = own_compare(&files, &[]);
    assert!(!text.contains("Grupp"), "{text}");
    let c = parse(&own_compare(&files, &["--format", "json"]));
    assert!(c.get("groups").is_none(), "{c}");
    let csv = own_compare(&files, &["--format", "csv"]);
    assert!(!csv.contains("slag"), "{csv}");
}

/// Across editions a group is compared only where the earlier edition has it: found in an
/// instrument folder, it says; given only as the later file, it cannot, and the group has a
/// score now and none then.
#[test]
fn a_group_across_editions_is_compared_where_both_have_it() {
    let dir = tempfile::tempdir().unwrap();
    let files = own(dir.path(), "2.0");
    let group = |text: &str| parse(text)["groups"][0].clone();

    // Only the later edition is at hand.
    let c = group(&own_compare(&files, &["--format", "json"]));
    assert_eq!(c["note"], "earlier_unknown", "{c}");
    assert_eq!((&c["then"], &c["now"]), (&json!(null), &json!(2.5)));
    let text = own_compare(&files, &[]);
    assert!(
        text.contains(
            "     Helheten (1, 2)             –    2,5            –   – → 2            0 av 5"
        ),
        "{text}"
    );
    assert!(
        words(&text).contains("Gruppen Helheten: inte jämförd, eftersom version 1.0 av enkäten inte finns till hands för att visa om den hade gruppen; poängen 2025 räknas på alla dess områdens frågor"),
        "{text}"
    );

    // Both editions in an instrument folder; the earlier without the group.
    let folder = dir.path().join("instrument");
    std::fs::create_dir(&folder).unwrap();
    let put = |name: &str, value: &serde_json::Value| {
        std::fs::write(folder.join(name), value.to_string()).unwrap();
    };
    put("enkat-1.json", &own_questionnaire("1.0", false));
    put("enkat-2.json", &own_questionnaire("2.0", true));
    put("mall.json", &json(&files.rubric.display().to_string()));
    let by_folder = |extra: &[&str]| {
        Test::new()
            .args(&["--instruments"])
            .arg(&folder)
            .args(&["compare"])
            .arg(&files.old)
            .arg(&files.new)
            .args(extra)
            .success()
            .stdout
    };
    let c = group(&by_folder(&["--format", "json"]));
    assert_eq!(c["note"], "new", "{c}");
    assert_eq!((&c["then"], &c["now"]), (&json!(null), &json!(2.5)));
    let text = by_folder(&["--lang", "en"]);
    assert!(
        words(&text).contains("Group The whole: not compared, since version 1.0 of the questionnaire does not have it; the 2025 score counts all its areas' questions"),
        "{text}"
    );

    // The earlier edition with the same group: compared, on the continued questions.
    put("enkat-1.json", &own_questionnaire("1.0", true));
    let c = group(&by_folder(&["--format", "json"]));
    assert!(c.get("note").is_none(), "{c}");
    assert_eq!(
        (&c["then"], &c["now"], &c["change"]),
        (&json!(2.2), &json!(2.5), &json!(0.3))
    );
}

const AI_STOD: &str = "examples/instrument/ai-stod";
const AI_2025: &str = "examples/instrument/svar-ai-stod-region-norrsund-fiktiv-2025.json";
const AI_2026: &str = "examples/instrument/svar-ai-stod-region-norrsund-fiktiv-2026.json";

fn ai_stod(lang: &str, extra: &[&str]) -> Output {
    Test::new()
        .args(&["--lang", lang, "compare", AI_2025, AI_2026])
        .args(&["--instruments", AI_STOD])
        .args(extra)
        .success()
}

/// Question 4.2 (cases in the validation) is asked only once the local validation has begun
/// (4.1 at 3): in 2025, at 2, it was not asked, which is not the same as left blank. The
/// verdict went from Inte redo to Delvis redo as funding came and the tool was tried on the
/// region's own patients.
#[test]
fn an_instrument_says_what_was_not_asked_and_how_the_verdict_moved() {
    for (lang, expected, absent) in [
        (
            "sv",
            [
                "4.2 Fall i valideringen: Ej ställd → 240",
                "Bedömning: Inte redo → Delvis redo.",
                "Hinder som inte längre gäller:",
                "– Ingen finansiering av drift och förvaltning efter piloten",
                "– AI-stödet är inte prövat på regionens egna patienter",
            ],
            "Obesvarad → 240",
        ),
        (
            "en",
            [
                "4.2 Cases in the validation: Not asked → 240",
                "Verdict: Not ready → Partly ready.",
                "Blockers that no longer hold:",
                "– No funding for operation and maintenance after the pilot",
                "– The AI tool has not been tried on the region's own patients",
            ],
            "Unanswered → 240",
        ),
    ] {
        let out = ai_stod(lang, &[]);
        for words in expected {
            assert!(
                out.stdout.contains(words),
                "{lang}: {words:?} in\n{}",
                out.stdout
            );
        }
        assert!(!out.stdout.contains(absent), "{}", out.stdout);
        assert!(!out.stdout.contains("Nya hinder"), "{}", out.stdout);
    }
    let c = parse(&ai_stod("sv", &["--format", "json"]).stdout);
    let verdict = &c["verdict"];
    assert_eq!(verdict["then"], "not_ready");
    assert_eq!(verdict["now"], "partly_ready");
    assert_eq!(verdict["now_name"]["sv"], "Delvis redo");
    let went: Vec<&str> = verdict["went"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    assert_eq!(went, ["ingen-finansiering", "ingen-lokal-validering"]);
    assert_eq!(verdict["came"], json!([]));
    let case = c["changed"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "a4-2")
        .unwrap();
    assert_eq!(case["not_asked_then"], true);
    assert_eq!(case["then"], serde_json::Value::Null);
    assert!(case.get("not_asked_now").is_none(), "{case}");
    // An answer that was asked both years says neither.
    let first = &c["changed"][0];
    assert!(first.get("not_asked_then").is_none(), "{first}");
}

/// The other way round, and with the blockers that came: the later year's answers have lost
/// their funding decision and gone back on the local validation, so 4.2 is no longer asked.
#[test]
fn a_question_no_longer_asked_and_blockers_that_came() {
    let mut later = json(AI_2026);
    later["answers"]["a1-2"]["value"] = json!("no");
    later["answers"]["a4-1"]["value"] = json!(2);
    later["answers"].as_object_mut().unwrap().remove("a4-2");
    let (_dir, path) = write("svar-2026.json", &later.to_string());
    let out = Test::new()
        .args(&["compare", AI_2025])
        .arg(&path)
        .args(&["--instruments", AI_STOD])
        .success();
    assert!(
        out.stdout
            .contains("Bedömning: Inte redo → Inte redo, oförändrad."),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("Hinder som kvarstår:"),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains("4.2 Fall i valideringen"),
        "not asked either year: {}",
        out.stdout
    );
}

/// The ten-point list gives no verdict: the JSON has none and the text says none.
#[test]
fn a_maturity_comparison_has_no_verdict() {
    let out = Test::new()
        .args(&["compare", TIOPUNKT_2024, TIOPUNKT_2025, "--format", "json"])
        .success();
    assert!(parse(&out.stdout).get("verdict").is_none());
    let out = Test::new()
        .args(&["compare", TIOPUNKT_2024, TIOPUNKT_2025])
        .success();
    assert!(!out.stdout.contains("Bedömning:"), "{}", out.stdout);
}
