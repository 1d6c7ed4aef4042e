//! `mognad benchmark` and `mognad demo`, and the national reference in the report: figures
//! against hand-computed values, withheld figures that never leak, every file accounted for.

use std::path::{Path, PathBuf};

use serde_json::{Value, json as j};

use crate::{BEREDSKAP_2025, TIOPUNKT_2024, TIOPUNKT_2025, Test, json, root};

const NATIONAL: &str = "examples/national-2025.json";
const NATIONAL_2026: &str = "examples/national-2026.json";

/// Region Exempelland's 2025 answers as region `name`, with every answered scale question of
/// area `a2` at `level`.
fn region(name: &str, level: u8) -> Value {
    let mut answers = json(TIOPUNKT_2025);
    answers["region"] = j!(name);
    for (id, answer) in answers["answers"].as_object_mut().unwrap() {
        if id.starts_with("a2-") && answer["value"].is_u64() {
            answer["value"] = j!(level);
        }
    }
    answers
}

fn write_all(dir: &Path, files: &[(String, Value)]) {
    for (name, value) in files {
        std::fs::write(dir.join(name), serde_json::to_string_pretty(value).unwrap()).unwrap();
    }
}

fn benchmark(dir: &Path, extra: &[&str]) -> (crate::Output, PathBuf) {
    let out = dir.join("out").join("national.json");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let output = Test::new()
        .args(&["benchmark"])
        .arg(dir.join("in"))
        .args(extra)
        .arg("-o")
        .arg(&out)
        .run();
    (output, out)
}

fn inputs(levels: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    let files: Vec<(String, Value)> = levels
        .iter()
        .enumerate()
        .map(|(i, level)| (format!("r{i}.json"), region(&format!("Region {i}"), *level)))
        .collect();
    write_all(&dir.path().join("in"), &files);
    dir
}

/// The text with every run of white space as one space, so that wrapped lines read on.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn question<'a>(reference: &'a Value, id: &str) -> &'a Value {
    reference["questionnaires"][0]["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == id)
        .unwrap()
}

/// The first scale question of area a2 that Exempelland answered with a level.
fn a2_question() -> String {
    let answers = json(TIOPUNKT_2025);
    answers["answers"]
        .as_object()
        .unwrap()
        .iter()
        .find(|(id, a)| id.starts_with("a2-") && a["value"].is_u64())
        .map(|(id, _)| id.clone())
        .unwrap()
}

#[test]
fn figures_match_hand_computed_values_for_odd_and_even_counts() {
    // Five regions at levels 1 2 2 4 5: mean 2.8, median 2, quartiles 2 and 4 (a tie at q1).
    let dir = inputs(&[4, 1, 2, 5, 2]);
    let (output, out) = benchmark(dir.path(), &[]);
    assert_eq!(output.code, 0, "{}", output.stderr);
    let q = question(&read(&out), &a2_question()).clone();
    assert_eq!(
        q,
        j!({"id": a2_question(), "n": 5, "mean": 2.8, "median": 2.0, "q1": 2.0, "q3": 4.0, "min": 1.0, "max": 5.0})
    );

    // Four regions at 1 2 4 5 with K = 4: median 3, q1 1.75, q3 4.25 (interpolated).
    let dir = inputs(&[1, 2, 4, 5]);
    let (output, out) = benchmark(dir.path(), &["--min-regions", "4"]);
    assert_eq!(output.code, 0, "{}", output.stderr);
    let q = question(&read(&out), &a2_question()).clone();
    assert_eq!(
        q,
        j!({"id": a2_question(), "n": 4, "mean": 3.0, "median": 3.0, "q1": 1.75, "q3": 4.25, "min": 1.0, "max": 5.0})
    );
}

#[test]
fn a_figure_on_too_few_regions_is_withheld_everywhere() {
    // Four regions and the default K = 5: every figure is withheld.
    let dir = inputs(&[1, 2, 4, 5]);
    let (output, out) = benchmark(dir.path(), &[]);
    assert_eq!(output.code, 0, "{}", output.stderr);
    assert!(
        output.stdout.contains("0 siffror publicerade"),
        "{}",
        output.stdout
    );
    let text = std::fs::read_to_string(&out).unwrap();
    for key in ["mean", "median", "q1", "q3", "min", "max", "counts"] {
        assert!(
            !text.contains(&format!("\"{key}\"")),
            "{key} leaked:\n{text}"
        );
    }
    let reference = read(&out);
    assert_eq!(question(&reference, &a2_question())["withheld"], true);
    assert_eq!(question(&reference, &a2_question())["n"], 4);

    // The report given that reference shows no national figure, only that it was withheld.
    let pdf = dir.path().join("profil.pdf");
    Test::new()
        .args(&["report", TIOPUNKT_2025, "--national"])
        .arg(&out)
        .arg("-o")
        .arg(&pdf)
        .success();
    let text = words(&crate::report::text(&pdf));
    assert!(text.contains("undanhållen"), "{text}");
    assert!(!text.contains("Riket, median ("), "{text}");
    assert!(!text.contains("i mittenhalvan"), "{text}");
}

#[test]
fn one_area_below_the_threshold_is_withheld_and_the_rest_published() {
    // In the example nation, 20 regions have a score in area a1 and 21 in the others.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("national.json");
    Test::new()
        .args(&[
            "benchmark",
            "examples/nation",
            TIOPUNKT_2024,
            TIOPUNKT_2025,
            "--year",
            "2025",
            "--min-regions",
            "21",
            "-o",
        ])
        .arg(&out)
        .success();
    let reference = read(&out);
    let areas = reference["questionnaires"][0]["areas"].as_array().unwrap();
    for area in areas {
        if area["id"] == "a1" || area["id"] == "a4" {
            assert_eq!(area["n"], 20);
            assert_eq!(area["withheld"], true);
            assert!(area.get("median").is_none());
        } else {
            assert_eq!(area["n"], 21);
            assert!(area["median"].is_number());
        }
    }

    let pdf = dir.path().join("profil.pdf");
    Test::new()
        .args(&["report", TIOPUNKT_2025, "--national"])
        .arg(&out)
        .arg("-o")
        .arg(&pdf)
        .success();
    let text = crate::report::text(&pdf);
    let row = text
        .lines()
        .find(|l| l.contains("1 Nationell färdplan") && l.contains("(20)"))
        .unwrap_or_else(|| panic!("no table row for area 1:\n{text}"));
    assert!(
        row.contains("– (20)") && row.contains("undanhållen"),
        "{row}"
    );
}

#[test]
fn the_example_reference_is_what_benchmark_builds_and_every_file_is_accounted_for() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("national-2025.json");
    let output = Test::new()
        .args(&[
            "benchmark",
            "examples/nation",
            TIOPUNKT_2024,
            TIOPUNKT_2025,
            "--year",
            "2025",
            "-o",
        ])
        .arg(&out)
        .success();
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        std::fs::read_to_string(root().join(NATIONAL)).unwrap(),
        "examples/national-2025.json is not what benchmark builds"
    );
    assert!(
        output.stdout.contains("Lästa filer: 62"),
        "{}",
        output.stdout
    );
    assert!(output.stdout.contains("använda: 21"), "{}", output.stdout);
    assert!(
        output
            .stdout
            .contains("andra år, inte använda: 41 (2024: 21, 2026: 20)"),
        "{}",
        output.stdout
    );

    // The examples folder, but for `examples/team` (one region's respondents' own files, which
    // would count the region four times): the readiness answers are a section of their own,
    // all of it withheld, and the reference itself is counted as not an answers file.
    let output = Test::new()
        .args(&[
            "--lang",
            "en",
            "benchmark",
            "examples/nation",
            "examples/national-2025.json",
            TIOPUNKT_2024,
            TIOPUNKT_2025,
            "--year",
            "2025",
            "examples/exempelland-beredskap-2025.json",
            "examples/exempelland-mal-2026.json",
            "-o",
        ])
        .arg(dir.path().join("all.json"))
        .success();
    assert!(
        output.stdout.contains("Files read: 65"),
        "{}",
        output.stdout
    );
    assert!(
        output
            .stdout
            .contains("beredskap 2025.1 2025: 1 region, 0 figures published"),
        "{}",
        output.stdout
    );
    assert!(
        output
            .stdout
            .contains("examples/national-2025.json (national reference)"),
        "{}",
        output.stdout
    );
    assert!(
        output
            .stdout
            .contains("examples/exempelland-mal-2026.json (targets)"),
        "{}",
        output.stdout
    );
}

#[test]
fn broken_and_other_files_are_listed_not_skipped() {
    let dir = inputs(&[1, 2, 3, 4, 5]);
    std::fs::write(dir.path().join("in/broken.json"), "{ \"format\": ").unwrap();
    std::fs::write(dir.path().join("in/notes.txt"), "anteckningar").unwrap();
    let mut wrong = region("Region Fel", 3);
    wrong["answers"]["a1-fardplan"] = j!({"value": 9});
    write_all(&dir.path().join("in"), &[("wrong.json".into(), wrong)]);
    let (output, out) = benchmark(dir.path(), &[]);
    assert_eq!(output.code, 0, "{}", output.stderr);
    assert!(out.exists());
    let said = &output.stdout;
    assert!(said.contains("Lästa filer: 7"), "{said}");
    assert!(said.contains("använda: 5"), "{said}");
    assert!(said.contains("avvisade: 2"), "{said}");
    assert!(said.contains("broken.json"), "{said}");
    assert!(said.contains("wrong.json"), "{said}");
    assert!(said.contains("inte lästa (inte .json): 1"), "{said}");
}

#[test]
fn two_files_for_one_region_are_an_error_naming_both() {
    let dir = inputs(&[1, 2, 3, 4, 5]);
    write_all(
        &dir.path().join("in"),
        &[("copy.json".into(), region("region 3 ", 3))],
    );
    let (output, out) = benchmark(dir.path(), &[]);
    assert_eq!(output.code, 2);
    assert!(
        output.stderr.contains("flera svarsfiler"),
        "{}",
        output.stderr
    );
    assert!(output.stderr.contains("copy.json"), "{}", output.stderr);
    assert!(output.stderr.contains("r3.json"), "{}", output.stderr);
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn answers_to_another_questionnaire_version_are_refused() {
    let dir = inputs(&[1, 2, 3, 4, 5]);
    let mut old = region("Region Gammal", 3);
    old["questionnaire"]["version"] = j!("2024.1");
    write_all(&dir.path().join("in"), &[("old.json".into(), old)]);
    let (output, out) = benchmark(dir.path(), &["--lang", "en"]);
    assert_eq!(output.code, 2);
    assert!(
        output
            .stderr
            .contains("version 2024.1: 1 files, for example"),
        "{}",
        output.stderr
    );
    assert!(output.stderr.contains("old.json"), "{}", output.stderr);
    assert!(output.stderr.contains("hint:"), "{}", output.stderr);
    assert!(!out.exists());
}

#[test]
fn no_answers_for_the_year_is_an_error() {
    let dir = inputs(&[1, 2, 3]);
    let (output, _) = benchmark(dir.path(), &["--year", "2019"]);
    assert_eq!(output.code, 2);
    assert!(
        output.stderr.contains("ingen svarsfil för 2019"),
        "{}",
        output.stderr
    );
}

#[test]
fn a_hand_edited_reference_that_publishes_a_withheld_figure_is_refused() {
    let mut reference = json(NATIONAL);
    reference["min_regions"] = j!(25);
    let (_dir, path) = crate::write("edited.json", &reference.to_string());
    let output = Test::new().args(&["validate"]).arg(&path).code(1);
    assert!(
        output.stdout.contains("questionnaires[0].overall.n"),
        "{}",
        output.stdout
    );
    let pdf = path.with_extension("pdf");
    let output = Test::new()
        .args(&["report", TIOPUNKT_2025, "--national"])
        .arg(&path)
        .arg("-o")
        .arg(&pdf)
        .code(2);
    assert!(
        output.stderr.contains("färre än minsta antalet 25"),
        "{}",
        output.stderr
    );
    assert!(!pdf.exists());
}

#[test]
fn the_profile_compares_with_the_nation_and_says_exempeldata_on_every_page() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["sv", "en"] {
        let pdf = dir.path().join(format!("profil-{lang}.pdf"));
        Test::new()
            .args(&[
                "--lang",
                lang,
                "report",
                TIOPUNKT_2025,
                BEREDSKAP_2025,
                "--previous",
                TIOPUNKT_2024,
                "--national",
                NATIONAL,
                "-o",
            ])
            .arg(&pdf)
            .success();
        let text = crate::report::text(&pdf);
        let words = words(&text);
        let pages = text.split('\u{c}').filter(|p| !p.trim().is_empty()).count();
        let stamped = text
            .split('\u{c}')
            .filter(|p| p.to_lowercase().contains("exempeldata"))
            .count();
        assert_eq!(stamped, pages, "every page says exempeldata ({lang})");
        let (position, median) = if lang == "sv" {
            ("i mittenhalvan", "Riket: median och mittenhalva")
        } else {
            ("in the middle half", "Nation: median and middle half")
        };
        assert!(words.contains(position), "{words}");
        assert!(words.contains(median), "{words}");
        assert!(words.contains("(21)"), "{words}");
    }
}

#[test]
fn demo_writes_everything_into_a_new_folder_without_any_files() {
    let dir = tempfile::tempdir().unwrap();
    let output = Test::new().dir(dir.path()).args(&["demo"]).success();
    let demo = dir.path().join("mognad-demo");
    assert!(output.stdout.contains("mognad-demo"), "{}", output.stdout);
    let pdf = demo.join("profil-region-exempelland-2026.pdf");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    // The generated nation is exactly the one in examples/, and so is the reference.
    let mut names: Vec<String> = std::fs::read_dir(root().join("examples/nation"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 60);
    for name in &names {
        assert_eq!(
            std::fs::read_to_string(demo.join("nation").join(name)).unwrap(),
            std::fs::read_to_string(root().join("examples/nation").join(name)).unwrap(),
            "{name} differs from what demo generates"
        );
    }
    assert_eq!(
        std::fs::read_to_string(demo.join("national-2026.json")).unwrap(),
        std::fs::read_to_string(root().join(NATIONAL_2026)).unwrap()
    );
    let text = crate::report::text(&pdf);
    assert!(text.contains("Region Exempelland (fiktiv)"));
    assert!(
        text.contains("SLIT 2025"),
        "the real published figures, with their source"
    );

    // A second run makes a second folder; a folder with files in it is refused.
    Test::new().dir(dir.path()).args(&["demo"]).success();
    assert!(dir.path().join("mognad-demo-2").is_dir());
    let output = Test::new()
        .dir(dir.path())
        .args(&["--lang", "en", "demo", "-o", "mognad-demo"])
        .code(2);
    assert!(output.stderr.contains("not empty"), "{}", output.stderr);
}

#[test]
fn a_questionnaire_that_is_not_built_in_is_given_with_its_rubric() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    let own = json("tests/fixtures/own/answers.json");
    let files: Vec<(String, Value)> = (0..5)
        .map(|i| {
            let mut answers = own.clone();
            answers["region"] = j!(format!("Vårdgivare {i}"));
            (format!("v{i}.json"), answers)
        })
        .collect();
    write_all(&dir.path().join("in"), &files);

    // Without the rubric the files cannot be scored: each is rejected, and nothing written.
    let (output, out) = benchmark(
        dir.path(),
        &["--questionnaire", "tests/fixtures/own/questionnaire.json"],
    );
    assert_eq!(output.code, 2);
    assert!(output.stderr.contains("avvisade: 5"), "{}", output.stderr);
    assert!(
        output.stderr.contains("ingen inbyggd bedömningsmall"),
        "{}",
        output.stderr
    );
    assert!(!out.exists());

    let (output, out) = benchmark(
        dir.path(),
        &[
            "--questionnaire",
            "tests/fixtures/own/questionnaire.json",
            "--rubric",
            "tests/fixtures/own/rubric.json",
        ],
    );
    assert_eq!(output.code, 0, "{}", output.stderr);
    assert!(
        output
            .stdout
            .contains("journalatkomst 1.0 2025: 5 regioner"),
        "{}",
        output.stdout
    );
    let reference = read(&out);
    let section = &reference["questionnaires"][0];
    assert_eq!(section["id"], "journalatkomst");
    assert!(section["overall"]["median"].is_number(), "{section}");
}

#[test]
fn a_reference_for_another_year_is_used_and_said_to_be() {
    let mut reference = json(NATIONAL);
    reference["year"] = j!(2024);
    let (dir, path) = crate::write("national-2024.json", &reference.to_string());
    let pdf = dir.path().join("profil.pdf");
    Test::new()
        .args(&["report", TIOPUNKT_2025, "--national"])
        .arg(&path)
        .arg("-o")
        .arg(&pdf)
        .success();
    let text = words(&crate::report::text(&pdf));
    assert!(
        text.contains("Observera att referensen gäller 2024 men regionens svar 2025."),
        "{text}"
    );
    assert!(text.contains("21 regioner 2024, exempeldata"), "{text}");
}

#[test]
fn the_2026_reference_is_built_from_the_new_edition() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("national-2026.json");
    let output = Test::new()
        .args(&[
            "benchmark",
            "examples/nation",
            TIOPUNKT_2024,
            TIOPUNKT_2025,
            "examples/exempelland-tiopunkt-2026.json",
            "-o",
        ])
        .arg(&out)
        .success();
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        std::fs::read_to_string(root().join(NATIONAL_2026)).unwrap(),
        "examples/national-2026.json is not what benchmark builds"
    );
    assert!(
        output.stdout.contains("tiopunkt 2026.1 2026: 21 regioner"),
        "{}",
        output.stdout
    );
    let reference = read(&out);
    assert_eq!(reference["questionnaires"][0]["version"], "2026.1");
    let questions = reference["questionnaires"][0]["questions"]
        .as_array()
        .unwrap();
    assert!(questions.iter().any(|q| q["id"] == "a8-reservrutiner"));
    assert!(!questions.iter().any(|q| q["id"] == "a1-2"));
    // The barrier questions, asked 0–5 without levels as SLIT asked them, are summarised too.
    let barrier = questions
        .iter()
        .find(|q| q["id"] == "hinder-resurser")
        .unwrap();
    // One fictional region says *Vet ej*, carried from 2025 as the barrier continues.
    assert_eq!(barrier["n"], 20);
    assert!(barrier["median"].is_number());
}

/// The instrument of `tests/fixtures/own/`, its two areas in one group, in `dir`: the
/// questionnaire and rubric, and one answers file per `r1-1` level given, each another region.
fn grouped_instrument(dir: &Path, year: i32, levels: &[u8]) -> (PathBuf, PathBuf) {
    let own = "tests/fixtures/own";
    let mut q = json(&format!("{own}/questionnaire.json"));
    q["groups"] = j!([
        {"id": "g-helhet", "title": {"sv": "Helheten", "en": "The whole"}, "areas": ["r1", "r2"]}
    ]);
    let (questionnaire, rubric) = (dir.join("enkat.json"), dir.join("mall.json"));
    std::fs::write(&questionnaire, q.to_string()).unwrap();
    std::fs::copy(root().join(own).join("rubric.json"), &rubric).unwrap();
    let folder = dir.join("in");
    std::fs::create_dir_all(&folder).unwrap();
    let files: Vec<(String, Value)> = levels
        .iter()
        .enumerate()
        .map(|(i, level)| {
            let mut answers = json(&format!("{own}/answers.json"));
            answers["region"] = j!(format!("Region {i}"));
            answers["year"] = j!(year);
            answers["date"] = j!(format!("{year}-11-03"));
            answers["answers"]["r1-1"]["value"] = j!(level);
            (format!("svar-{year}-{i}.json"), answers)
        })
        .collect();
    write_all(&folder, &files);
    (questionnaire, rubric)
}

/// Each group of areas gets the areas' statistics. By hand (`tests/fixtures/own/EXPECTED.md`):
/// r1 is (2·L + 2 + 3) / 4 and r2 is 4,0, capped at 3,0 while `r1-1` is below 3; the group is
/// (2·r1 + r2) / 3. `r1-1` at 1 to 5 gives r1 1,8 2,3 2,8 3,3 3,8 and the group 2,2 2,5 3,2
/// 3,5 3,9: mean 3,06, median 3,2, quartiles 2,5 and 3,5.
#[test]
fn groups_of_areas_get_their_figures_and_a_line_each() {
    let dir = tempfile::tempdir().unwrap();
    let (questionnaire, rubric) = grouped_instrument(dir.path(), 2025, &[3, 1, 5, 2, 4]);
    let run = |extra: &[&str]| {
        let (output, out) = benchmark(
            dir.path(),
            &[
                &["--questionnaire", &questionnaire.display().to_string()][..],
                &["--rubric", &rubric.display().to_string()],
                extra,
            ]
            .concat(),
        );
        assert_eq!(output.code, 0, "{}", output.stderr);
        (output.stdout, read(&out))
    };
    let (text, reference) = run(&[]);
    let section = &reference["questionnaires"][0];
    assert_eq!(
        section["groups"],
        j!([{"id": "g-helhet", "n": 5, "mean": 3.06, "median": 3.2, "q1": 2.5, "q3": 3.5, "min": 2.2, "max": 3.9}])
    );
    assert!(
        text.contains("      grupp Helheten: median 3,2, mittenhalvan 2,5–3,5, 5 regioner"),
        "{text}"
    );
    // The overall index, two areas, the group and scale question 1.1; scale question 2.2 is
    // answered *Ej tillämpligt* everywhere.
    assert!(
        text.contains("5 siffror publicerade, 1 undanhållna"),
        "{text}"
    );

    let (text, _) = run(&["--lang", "en"]);
    assert!(
        text.contains("      group The whole: median 3.2, middle half 2.5–3.5, 5 regions"),
        "{text}"
    );

    // Too few regions: withheld, with its count only.
    let (text, reference) = run(&["--min-regions", "6"]);
    assert_eq!(
        reference["questionnaires"][0]["groups"],
        j!([{"id": "g-helhet", "n": 5, "withheld": true}])
    );
    assert!(
        text.contains("grupp Helheten: undanhållen, 5 regioner (färre än 6)"),
        "{text}"
    );

    // The reference reads back, as `validate` and `report --national` read it.
    let out = Test::new()
        .args(&["validate"])
        .arg(dir.path().join("out").join("national.json"))
        .run();
    assert!(!out.stdout.contains("groups"), "{}", out.stdout);

    // A hand edit that publishes the withheld group's figures is refused, with its path.
    let edited = dir.path().join("out").join("national.json");
    let mut reference = read(&edited);
    reference["questionnaires"][0]["groups"][0] =
        j!({"id": "g-helhet", "n": 5, "withheld": true, "median": 3.2});
    std::fs::write(&edited, reference.to_string()).unwrap();
    let out = Test::new().args(&["validate"]).arg(&edited).code(1);
    assert!(
        out.stdout.contains("questionnaires[0].groups[0]"),
        "{}",
        out.stdout
    );
}

/// A reference of a questionnaire without groups is written as before, and one written before
/// groups existed is read as it was.
#[test]
fn a_reference_without_groups_has_no_groups_field() {
    let dir = inputs(&[1, 2, 3, 4, 5]);
    let (output, out) = benchmark(dir.path(), &[]);
    assert_eq!(output.code, 0, "{}", output.stderr);
    let reference = read(&out);
    assert!(reference["questionnaires"][0].get("groups").is_none());
    assert!(!output.stdout.contains("grupp"), "{}", output.stdout);
    let out = Test::new().args(&["validate", NATIONAL]).success();
    assert!(out.stdout.contains("ok: "), "{}", out.stdout);
}

/// The national reference of the built-in readiness questionnaire has its index and every
/// area, as the maturity one has, so that a region's profile can stand beside it.
#[test]
fn a_readiness_reference_has_its_index_and_areas() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let questionnaire = crate::json("questionnaires/beredskap.json");
    for (i, name) in ["Åsby", "Ekö", "Mälarby", "Norrsund", "Västvik", "Hälleberg"]
        .iter()
        .enumerate()
    {
        let mut answers = crate::json(crate::BEREDSKAP_2025);
        answers["region"] = serde_json::json!(format!("Region {name} (fiktiv)"));
        for area in questionnaire["areas"].as_array().unwrap() {
            for q in area["questions"].as_array().unwrap() {
                if q["kind"] == "scale" {
                    answers["answers"][q["id"].as_str().unwrap()] =
                        serde_json::json!({"value": i.min(5)});
                }
            }
        }
        std::fs::write(input.join(format!("svar-{i}.json")), answers.to_string()).unwrap();
    }
    let reference = dir.path().join("national.json");
    Test::new()
        .args(&["benchmark"])
        .arg(&input)
        .arg("-o")
        .arg(&reference)
        .success();
    let national = crate::json(reference.to_str().unwrap());
    let section = &national["questionnaires"][0];
    assert_eq!(section["id"], "beredskap");
    assert_eq!(section["regions"].as_array().unwrap().len(), 6);
    assert_eq!(section["overall"]["n"], 6);
    assert!(section["overall"]["median"].is_number(), "{section}");
    let areas = section["areas"].as_array().unwrap();
    assert_eq!(
        areas.len(),
        questionnaire["areas"].as_array().unwrap().len()
    );
    for area in areas {
        assert_eq!(area["n"], 6, "{area}");
        assert!(area["median"].is_number(), "{area}");
    }
}
