//! `mognad national-report`: the example nation's report as a reader sees it (pdftotext), the
//! open data against the PDF's text, no region named unless asked, small groups withheld, and
//! the same bytes from the same files.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::report::text;
use crate::{BEREDSKAP_2025, TIOPUNKT_2024, TIOPUNKT_2025, Test, json, root};

/// The text in the order it is drawn, which keeps a table cell's wrapped lines together.
fn raw(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed for the report tests");
    words(&String::from_utf8(out.stdout).unwrap())
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The example nation's report for 2025 in `dir`, with these extra arguments; the nation's
/// 2026 files, on the questionnaire's next edition, are other years here.
fn nation(dir: &Path, extra: &[&str]) -> PathBuf {
    let pdf = dir.join("riket-2025.pdf");
    Test::new()
        .args(&[
            "national-report",
            "--year",
            "2025",
            "examples/nation",
            TIOPUNKT_2024,
            TIOPUNKT_2025,
        ])
        .args(&[BEREDSKAP_2025])
        .args(extra)
        .arg("-o")
        .arg(&pdf)
        .success();
    pdf
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn region_names() -> Vec<String> {
    let mut names = vec![json(TIOPUNKT_2025)["region"].as_str().unwrap().to_string()];
    for entry in std::fs::read_dir(root().join("examples/nation")).unwrap() {
        let answers: Value =
            serde_json::from_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
        names.push(answers["region"].as_str().unwrap().to_string());
    }
    names.sort();
    names.dedup();
    names
}

#[test]
fn the_example_nation_in_both_languages_shows_every_indicator_area_and_barrier() {
    let q = json("questionnaires/tiopunkt.json");
    for (lang, slit, files) in [
        ("sv", "12 av 21", "regionernas filer"),
        ("en", "12 of 21", "the regions' files"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let pdf = nation(dir.path(), &["--lang", lang]);
        let text = words(&text(&pdf));
        let drawn = raw(&pdf);
        for area in q["areas"].as_array().unwrap() {
            let title = area["title"][lang].as_str().unwrap();
            assert!(drawn.contains(title), "{lang}: area {title} missing");
            for question in area["questions"].as_array().unwrap() {
                let label = question["label"][lang].as_str();
                if (question["indicator"].is_string() || area["id"] == "hinder")
                    && let Some(label) = label
                {
                    assert!(text.contains(label), "{lang}: {label} missing");
                }
            }
        }
        // X-ray: SLIT's four counts, then the files' rows after them.
        let xray = text.find(slit).expect("SLIT's 2022 x-ray count");
        for later in ["14", "18", "20"] {
            assert!(text[xray..].contains(&format!("{later} {}", &slit[3..])));
        }
        assert!(
            text[xray..].contains(files),
            "{lang}: the files' counts follow"
        );
        assert!(text.contains("Exempeldata") || text.contains("Example data"));
        for name in region_names() {
            assert!(!text.contains(&name), "{lang}: {name} is named");
        }
        let data = read(&pdf.with_extension("json"));
        assert_eq!(data["format"], "mognad.national-report/1");
        assert!(
            !data.to_string().contains("(fiktiv)"),
            "the data name no region"
        );
        let csv = std::fs::read_to_string(pdf.with_extension("csv")).unwrap();
        assert!(!csv.contains("(fiktiv)"));
    }
}

#[test]
fn every_page_says_example_data() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = nation(dir.path(), &[]);
    let text = text(&pdf);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() >= 6);
    for page in pages {
        assert!(page.contains("Exempeldata"), "{page}");
    }
}

#[test]
fn named_names_the_regions() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = nation(dir.path(), &["--named", "--classification", "Publik"]);
    let text = words(&text(&pdf));
    assert!(text.contains("gått med på att namnges"));
    assert!(text.contains("Publik"));
    for name in region_names() {
        assert!(text.contains(&name), "{name} is not named");
    }
}

#[test]
fn two_runs_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    let (a, b) = (nation(&a, &[]), nation(&b, &[]));
    for ext in ["pdf", "csv", "json"] {
        assert_eq!(
            std::fs::read(a.with_extension(ext)).unwrap(),
            std::fs::read(b.with_extension(ext)).unwrap(),
            "{ext}"
        );
    }
}

/// A median and middle half as the PDF writes it in Swedish.
fn band(stat: &Value) -> String {
    let n = |v: &Value| format!("{:.1}", v.as_f64().unwrap()).replace('.', ",");
    format!(
        "{} ({}–{})",
        n(&stat["median"]),
        n(&stat["q1"]),
        n(&stat["q3"])
    )
}

#[test]
fn the_data_files_figures_are_the_pdfs() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = nation(dir.path(), &[]);
    let text = words(&text(&pdf));
    let data = read(&pdf.with_extension("json"));
    let mut checked = 0;
    for indicator in data["indicators"].as_array().unwrap() {
        for year in indicator["years"].as_array().unwrap() {
            let n = year["n"].as_u64().unwrap();
            if let Some(counted) = year["counted"].as_u64() {
                assert!(text.contains(&format!("{counted} av {n}")), "{indicator}");
                checked += 1;
            } else {
                assert_eq!(year["withheld"], true);
                assert!(year.get("counts").is_none(), "withheld counts are absent");
            }
        }
        for published in indicator["published"].as_array().unwrap() {
            if let Some(count) = published["count"].as_u64() {
                assert!(text.contains(&format!("{count} av 21")));
            }
        }
    }
    for area in data["areas"].as_array().unwrap() {
        for year in area["years"].as_array().unwrap() {
            if year.get("withheld").is_none() {
                assert!(text.contains(&band(year)), "{}", band(year));
                checked += 1;
            }
        }
    }
    for barrier in data["barriers"].as_array().unwrap() {
        let mean = barrier["years"][0]["mean"].as_f64().unwrap();
        let label = barrier["label"]["sv"].as_str().unwrap();
        let shown = format!("{label} {}", format!("{mean:.1}").replace('.', ","));
        assert!(text.contains(&shown), "{shown}");
    }
    assert!(checked > 20);
    // The CSV holds the same figures as the JSON: every area's median, per year.
    let csv = std::fs::read_to_string(pdf.with_extension("csv")).unwrap();
    for area in data["areas"].as_array().unwrap() {
        for year in area["years"].as_array().unwrap() {
            if let Some(median) = year["median"].as_f64() {
                let row = format!(
                    "{};{};median;{}",
                    area["title"]["sv"].as_str().unwrap(),
                    year["year"],
                    format!("{median:.2}").replace('.', ",")
                );
                assert!(csv.contains(&row), "{row}");
            }
        }
    }
}

#[test]
fn four_regions_are_withheld_and_show_no_distribution() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for (i, entry) in std::fs::read_dir(root().join("examples/nation"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with("2025.json"))
        .enumerate()
        .take(4)
    {
        std::fs::copy(&entry, input.join(format!("r{i}.json"))).unwrap();
    }
    let pdf = dir.path().join("riket.pdf");
    Test::new()
        .args(&["national-report"])
        .arg(&input)
        .arg("-o")
        .arg(&pdf)
        .success();
    let text = words(&text(&pdf));
    assert!(text.contains("Ingen fördelning visas"), "{text}");
    assert!(text.contains("Färre än 5 regioner"));
    assert!(text.contains("undanhållen"));
    let data = read(&pdf.with_extension("json"));
    for area in data["areas"].as_array().unwrap() {
        assert_eq!(area["years"][0]["withheld"], true);
        assert!(area["years"][0].get("scores").is_none());
        assert!(area["years"][0].get("median").is_none());
    }
    assert_eq!(data["overall"][0]["withheld"], true);
}

#[test]
fn a_solution_assessed_by_fewer_than_k_regions_is_not_named() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = nation(dir.path(), &[]);
    let solution = json(BEREDSKAP_2025)["solution"]["name"]
        .as_str()
        .unwrap()
        .to_string();
    let text = words(&text(&pdf));
    assert!(!text.contains(&solution), "{solution} is named");
    assert!(text.contains("Andra lösningar, färre än 5 regioner var"));
    assert!(
        !std::fs::read_to_string(pdf.with_extension("json"))
            .unwrap()
            .contains(&solution)
    );
}

#[test]
fn demo_writes_the_example_nations_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = Test::new().dir(dir.path()).args(&["demo"]).success();
    assert!(out.stdout.contains("riket-2026.pdf"), "{}", out.stdout);
    assert!(out.stdout.contains("mognad national-report"));
    let folder = dir.path().join("mognad-demo");
    for ext in ["csv", "json"] {
        assert!(folder.join(format!("riket-2026.{ext}")).is_file());
    }
    let text = text(&folder.join("riket-2026.pdf"));
    assert!(text.contains("Exempeldata"));
    assert!(text.contains("Indikatorer"));
}

#[test]
fn year_picks_an_earlier_report_and_the_default_name_follows_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = Test::new()
        .dir(dir.path())
        .args(&["national-report", "--year", "2024"])
        .arg(root().join("examples/nation"))
        .success();
    assert!(out.stdout.contains("riket-2024.pdf"), "{}", out.stdout);
    let data = read(&dir.path().join("riket-2024.json"));
    assert_eq!(data["year"], 2024);
    assert!(data.get("previous_year").is_none());
    // Only the 2024 files are counted, and the 2025 files are not used.
    for indicator in data["indicators"].as_array().unwrap() {
        let years: Vec<&Value> = indicator["years"]
            .as_array()
            .unwrap()
            .iter()
            .map(|y| &y["year"])
            .collect();
        assert_eq!(years, [&Value::from(2024)]);
    }
}

#[test]
fn published_figures_can_be_given_as_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut published = json("benchmarks/slit-2025.json");
    published["short"] = serde_json::json!({ "sv": "Källa X 2025", "en": "Source X 2025" });
    let path = dir.path().join("published.json");
    std::fs::write(&path, published.to_string()).unwrap();
    let pdf = dir.path().join("riket.pdf");
    Test::new()
        .args(&["national-report", "examples/nation", "--published"])
        .arg(&path)
        .arg("-o")
        .arg(&pdf)
        .success();
    assert!(words(&text(&pdf)).contains("Källa X 2025"));
    let wrong = Test::new()
        .args(&[
            "national-report",
            "examples/nation",
            "--published",
            TIOPUNKT_2025,
        ])
        .code(2);
    assert!(
        wrong.stderr.contains("exempelland-tiopunkt-2025.json"),
        "{}",
        wrong.stderr
    );
}

/// The instrument of `tests/fixtures/own/` with its two areas in one group, and five regions'
/// answers for 2024 and for 2025 in `dir/in`, `r1-1` at the levels given per year.
fn grouped_nation(dir: &Path) -> (PathBuf, PathBuf) {
    let own = "tests/fixtures/own";
    let mut q = json(&format!("{own}/questionnaire.json"));
    q["groups"] = serde_json::json!([
        {"id": "g-helhet", "title": {"sv": "Helheten", "en": "The whole"}, "areas": ["r1", "r2"]}
    ]);
    let (questionnaire, rubric) = (dir.join("enkat.json"), dir.join("mall.json"));
    std::fs::write(&questionnaire, q.to_string()).unwrap();
    std::fs::copy(root().join(own).join("rubric.json"), &rubric).unwrap();
    let folder = dir.join("in");
    std::fs::create_dir_all(&folder).unwrap();
    for (year, levels) in [(2024, [0, 1, 2, 3, 4]), (2025, [3, 1, 5, 2, 4])] {
        for (i, level) in levels.iter().enumerate() {
            let mut answers = json(&format!("{own}/answers.json"));
            answers["region"] = serde_json::json!(format!("Region {i}"));
            answers["year"] = serde_json::json!(year);
            answers["date"] = serde_json::json!(format!("{year}-11-03"));
            answers["answers"]["r1-1"]["value"] = serde_json::json!(level);
            std::fs::write(
                folder.join(format!("svar-{year}-{i}.json")),
                answers.to_string(),
            )
            .unwrap();
        }
    }
    (questionnaire, rubric)
}

/// A page for the groups of areas, in both languages, with the figures of the data file. By
/// hand (`tests/fixtures/own/EXPECTED.md`): the group is (2·r1 + r2) / 3, with r1 at
/// (2·L + 5) / 4 and r2 at 4,0, capped at 3,0 while `r1-1` is below 3. In 2025, `r1-1` at 1 to
/// 5 gives 2,2 2,5 3,2 3,5 3,9: median 3,2 (2,5–3,5); in 2024, 0 to 4 gives 1,9 2,2 2,5 3,2
/// 3,5: median 2,5 (2,2–3,2). The median rose 0,7.
#[test]
fn groups_of_areas_have_a_page_and_their_data() {
    let dir = tempfile::tempdir().unwrap();
    let (questionnaire, rubric) = grouped_nation(dir.path());
    for (lang, words_expected) in [
        (
            "sv",
            [
                "Grupper av områden, median och förändring sedan förra året: Helheten 3,2 (+0,7).",
                "Grupp Områden Helheten 1, 2",
                "3,2 (2,5–3,5) 2,5 (2,2–3,2) +0,7 5 av 5",
                "Gruppernas poäng i journalatkomst 1.0: median och mittenhalva",
            ],
        ),
        (
            "en",
            [
                "Groups of areas, median and change since last year: The whole 3.2 (+0.7).",
                "Group Areas The whole 1, 2",
                "3.2 (2.5–3.5) 2.5 (2.2–3.2) +0.7 5 of 5",
                "The groups' scores in journalatkomst 1.0: median and middle half",
            ],
        ),
    ] {
        let pdf = dir.path().join(format!("riket-{lang}.pdf"));
        Test::new()
            .args(&["--lang", lang, "national-report"])
            .arg(dir.path().join("in"))
            .args(&["--questionnaire"])
            .arg(&questionnaire)
            .args(&["--rubric"])
            .arg(&rubric)
            .arg("-o")
            .arg(&pdf)
            .success();
        let drawn = raw(&pdf);
        // The readiness verdicts are the one figure withheld (five regions, all one verdict).
        assert!(
            drawn.contains(if lang == "sv" {
                "1 siffra för 2025 är undanhållen"
            } else {
                "1 figure for 2025 is withheld"
            }),
            "{drawn}"
        );
        for expected in words_expected {
            assert!(
                drawn.contains(expected),
                "{lang}: {expected:?} missing:\n{drawn}"
            );
        }
        let data = read(&pdf.with_extension("json"));
        let group = &data["groups"][0];
        assert_eq!(group["questionnaire"], "journalatkomst");
        assert_eq!(group["id"], "g-helhet");
        assert_eq!(group["areas"], serde_json::json!([1, 2]));
        assert_eq!(group["change"], 0.7);
        let (now, before) = (&group["years"][0], &group["years"][1]);
        assert_eq!(
            (&now["year"], &now["n"], &now["of"]),
            (&2025.into(), &5.into(), &5.into())
        );
        assert_eq!(
            (&now["median"], &now["q1"], &now["q3"]),
            (&3.2.into(), &2.5.into(), &3.5.into())
        );
        assert_eq!(now["scores"], serde_json::json!([2.2, 2.5, 3.2, 3.5, 3.9]));
        assert_eq!(
            (&before["year"], &before["median"]),
            (&2024.into(), &2.5.into())
        );
        let csv = std::fs::read_to_string(pdf.with_extension("csv")).unwrap();
        let group_rows = csv.lines().filter(|l| l.contains("g-helhet")).count();
        assert!(group_rows > 10, "{csv}");
    }

    // Too few regions: the group is withheld, named among the withheld figures.
    let pdf = dir.path().join("riket-k6.pdf");
    Test::new()
        .args(&["national-report"])
        .arg(dir.path().join("in"))
        .args(&["--questionnaire"])
        .arg(&questionnaire)
        .args(&["--rubric"])
        .arg(&rubric)
        .args(&["--min-regions", "6", "-o"])
        .arg(&pdf)
        .success();
    let drawn = raw(&pdf);
    // The index, both areas, the group and the verdicts.
    assert!(
        drawn.contains("5 siffror för 2025 är undanhållna"),
        "{drawn}"
    );
    assert!(
        drawn.contains("undanhållen undanhållen – 5 av 5"),
        "{drawn}"
    );
    assert!(drawn.contains("gruppen Helheten 2025"), "{drawn}");
    let data = read(&pdf.with_extension("json"));
    assert_eq!(data["groups"][0]["years"][0]["withheld"], true);
    assert!(data["groups"][0]["years"][0].get("scores").is_none());
}

/// The example nation's questionnaire has no groups: no page and no field for them.
#[test]
fn no_groups_no_group_page() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = nation(dir.path(), &[]);
    assert!(!raw(&pdf).contains("Grupper av områden"));
    assert!(read(&pdf.with_extension("json")).get("groups").is_none());
}

const AI_STOD: &str = "examples/instrument/ai-stod";
const AI_STOD_2026: &str = "examples/instrument/svar-ai-stod-region-norrsund-fiktiv-2026.json";
const SIX: [&str; 6] = [
    "Region Åsby (fiktiv)",
    "Region Ekö (fiktiv)",
    "Region Mälarby (fiktiv)",
    "Region Norrsund (fiktiv)",
    "Region Västvik (fiktiv)",
    "Region Hälleberg (fiktiv)",
];

/// Six regions' copies of `answers`, each with its own name and, for the scale questions of
/// `questionnaire`, its own level: the first region 0, the next 1, and so on up to `top`.
fn six_regions(dir: &Path, answers: &str, questionnaire: &Value, top: u64) {
    for (i, name) in SIX.iter().enumerate() {
        let mut copy = json(answers);
        copy["region"] = Value::from(*name);
        for area in questionnaire["areas"].as_array().unwrap() {
            for q in area["questions"].as_array().unwrap() {
                if q["kind"] == "scale" {
                    let level = (i as u64).min(top);
                    copy["answers"][q["id"].as_str().unwrap()] =
                        serde_json::json!({"value": level});
                }
            }
        }
        std::fs::write(dir.join(format!("svar-{i}.json")), copy.to_string()).unwrap();
    }
}

/// A nation that answered only a readiness instrument of its own: the report's pages are its
/// areas, groups and verdicts, titled by the questionnaire, in either language, and it has
/// no pages of indicators or barriers the questionnaire never asked about.
#[test]
fn an_instrument_of_its_own_gives_its_areas_and_verdicts_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let questionnaire = json(&format!("{AI_STOD}/enkat.json"));
    six_regions(&input, AI_STOD_2026, &questionnaire, 5);
    for (lang, title, areas, verdict, absent) in [
        (
            "sv",
            "Beredskap att införa ett AI-stöd i vården: riket 2026",
            ["Ägarskap och finansiering", "Uppföljning och förvaltning"],
            "Delvis redo",
            ["Indikatorer", "Hinder för digitalisering", "tiopunktslista"],
        ),
        (
            "en",
            "Readiness to introduce an AI tool in care: the nation 2026",
            ["Ownership and funding", "Follow-up and maintenance"],
            "Partly ready",
            ["Indicators", "Barriers to digitalisation", "ten-point list"],
        ),
    ] {
        let pdf = dir.path().join(format!("riket-{lang}.pdf"));
        Test::new()
            .args(&["--lang", lang, "national-report"])
            .arg(&input)
            .args(&["--instruments", AI_STOD, "-o"])
            .arg(&pdf)
            .success();
        let text = words(&text(&pdf));
        assert!(text.contains(title), "{lang}: {text}");
        for said in areas.iter().chain([&verdict]) {
            assert!(text.contains(said), "{lang}: {said} is not in {text}");
        }
        for page in absent {
            assert!(!text.contains(page), "{lang}: {page} is in {text}");
        }
        assert!(!text.contains("Ingen fördelning visas"), "{text}");
    }
    // The area page's title words in a sentence begin with a small letter.
    let sv = words(&text(&dir.path().join("riket-sv.pdf")));
    assert!(
        sv.contains("område av beredskap att införa ett AI-stöd i vården år 2026"),
        "{sv}"
    );
    let data = read(&dir.path().join("riket-sv.json"));
    assert_eq!(data["scored"], "ai-stod");
    assert_eq!(data["questionnaires"][0]["kind"], "readiness");
    let areas = data["areas"].as_array().unwrap();
    assert_eq!(areas.len(), 6);
    // Levels 0 to 5, one region each: area 2's median is 2,5 of six regions.
    assert_eq!(areas[1]["years"][0]["n"], 6);
    assert_eq!(areas[1]["years"][0]["scores"].as_array().unwrap().len(), 6);
    assert_eq!(data["overall"][0]["year"], 2026);
    assert_eq!(data["overall"][0]["withheld"], Value::Null);
    assert!(data["indicators"].as_array().unwrap().is_empty());
    assert!(data["barriers"].as_array().unwrap().is_empty());
}

/// Five files of one readiness questionnaire from fewer than five regions are not enough: a
/// region answers once per solution, and the areas and index count regions, not files.
#[test]
fn a_readiness_figure_counts_regions_not_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let questionnaire = json(&format!("{AI_STOD}/enkat.json"));
    six_regions(&input, AI_STOD_2026, &questionnaire, 5);
    // Two of the six files become a second solution of two other regions: four regions.
    for (i, region) in [(4, SIX[0]), (5, SIX[1])] {
        let path = input.join(format!("svar-{i}.json"));
        let mut answers = json(path.to_str().unwrap());
        answers["region"] = Value::from(region);
        answers["solution"]["name"] = Value::from("Ett annat AI-stöd");
        std::fs::write(&path, answers.to_string()).unwrap();
    }
    let pdf = dir.path().join("riket.pdf");
    Test::new()
        .args(&["national-report"])
        .arg(&input)
        .args(&["--instruments", AI_STOD, "-o"])
        .arg(&pdf)
        .success();
    let data = read(&pdf.with_extension("json"));
    for area in data["areas"].as_array().unwrap() {
        assert_eq!(area["years"][0]["n"], 6);
        assert_eq!(area["years"][0]["withheld"], true, "{area}");
    }
    assert_eq!(data["overall"][0]["withheld"], true);
    let text = words(&text(&pdf));
    assert!(text.contains("Ingen fördelning visas"), "{text}");
}

/// A nation that answered only the built-in readiness questionnaire: its areas and index
/// under its own title, and no word of the ten-point list, SLIT's series or barriers.
#[test]
fn a_nation_of_readiness_only_speaks_of_readiness() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let questionnaire = json("questionnaires/beredskap.json");
    six_regions(&input, BEREDSKAP_2025, &questionnaire, 5);
    for (lang, title, said, absent) in [
        (
            "sv",
            "Beredskap att skala upp en lösning: riket 2025",
            "Områdena",
            ["tiopunktslista", "10-punktslistan", "SLIT", "Hinder för"],
        ),
        (
            "en",
            "Readiness to scale up a solution: the nation 2025",
            "The areas",
            ["ten-point list", "ten-point", "SLIT", "Barriers to"],
        ),
    ] {
        let pdf = dir.path().join(format!("riket-{lang}.pdf"));
        Test::new()
            .args(&["--lang", lang, "national-report"])
            .arg(&input)
            .arg("-o")
            .arg(&pdf)
            .success();
        let text = words(&text(&pdf));
        assert!(text.contains(title), "{lang}: {text}");
        assert!(text.contains(said), "{lang}: {text}");
        assert!(
            text.contains("Distansmonitorering vid hjärtsvikt"),
            "{text}"
        );
        for word in absent {
            assert!(!text.contains(word), "{lang}: {word} is in {text}");
        }
    }
    let data = read(&dir.path().join("riket-sv.json"));
    assert_eq!(data["scored"], "beredskap");
    assert!(!data["areas"].as_array().unwrap().is_empty());
    assert_eq!(data["readiness"][0]["n"], 6);
}
