//! `mognad template` and `mognad import`: the answers sheet there and back, as Excel with
//! Swedish settings saves it, and every kind of broken sheet refused with its row and column
//! and nothing written.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::{TIOPUNKT_2025, Test, json, root};

const BOM: &str = "\u{feff}";

/// A sheet's rows as a spreadsheet reads them.
fn rows(bytes: &[u8], separator: u8) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).expect("the sheet is UTF-8");
    let text = text.strip_prefix(BOM).expect("the sheet starts with a BOM");
    csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// Rows saved as Excel saves "CSV UTF-8": a BOM, CRLF, quotes around cells with the
/// separator, a quote or a line break, and the empty cells at the end of a row left out.
fn saved(rows: &[Vec<String>], separator: u8) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(separator)
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(BOM.as_bytes().to_vec());
    for row in rows {
        let mut row = row.clone();
        while row.len() > 1 && row.last().is_some_and(String::is_empty) {
            row.pop();
        }
        writer.write_record(&row).unwrap();
    }
    writer.into_inner().unwrap()
}

fn column(rows: &[Vec<String>], name: &str) -> usize {
    rows[0]
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {:?}", rows[0]))
}

fn set(row: &mut Vec<String>, index: usize, text: &str) {
    if row.len() <= index {
        row.resize(index + 1, String::new());
    }
    row[index] = text.to_string();
}

/// The template in a language, from standard output.
fn template(lang: &str) -> Vec<u8> {
    let out = Test::new()
        .args(&[
            "--lang",
            lang,
            "template",
            "--questionnaire",
            "tiopunkt@2025.1",
            "-o",
            "-",
        ])
        .success();
    out.stdout.into_bytes()
}

/// Imports a sheet from a fresh folder into `svar.json`; returns the folder, the answers
/// file's path and the run.
fn import(bytes: &[u8], args: &[&str], code: i32) -> (tempfile::TempDir, PathBuf, crate::Output) {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("ifylld.csv");
    std::fs::write(&sheet, bytes).unwrap();
    let output = dir.path().join("svar.json");
    let out = Test::new()
        .args(&["import"])
        .arg(&sheet)
        .args(&["-o"])
        .arg(&output)
        .args(args)
        .code(code);
    (dir, output, out)
}

/// Imports a broken sheet: exit 2, every fragment in the message, a hint, nothing written.
fn refused(bytes: &[u8], expected: &[&str]) -> String {
    let (dir, output, out) = import(bytes, &[], 2);
    for fragment in expected {
        assert!(
            out.stderr.contains(fragment),
            "missing {fragment:?} in:\n{}",
            out.stderr
        );
    }
    assert!(
        out.stderr
            .contains("kan inte läsas in; ingenting har skrivits"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("\n  tips: "), "{}", out.stderr);
    assert!(!output.exists(), "nothing is written");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "only the sheet is in the folder");
    out.stderr
}

/// The Swedish template with region and year filled in, and changed by `change`.
fn filled(change: impl FnOnce(&mut Vec<Vec<String>>, usize)) -> Vec<u8> {
    let mut sheet = rows(&template("sv"), b';');
    let answer = column(&sheet, "svar");
    for row in &mut sheet {
        match row[0].as_str() {
            "#region" => set(row, answer, "Region Exempelland (fiktiv)"),
            "#year" => set(row, answer, "2025"),
            _ => {}
        }
    }
    change(&mut sheet, answer);
    saved(&sheet, b';')
}

fn answer_row(sheet: &mut [Vec<String>], id: &str) -> usize {
    sheet.iter().position(|r| r[0] == id).unwrap()
}

#[test]
fn the_template_is_for_excel_with_swedish_settings() {
    let bytes = template("sv");
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(
        text.starts_with(
            "\u{feff}id;område;fråga;villkor;vägledning;nivåer;svarsalternativ;svar;kommentar;underlag\r\n"
        ),
        "a BOM, `;` and CRLF:\n{}",
        &text[..200]
    );
    assert_eq!(template("sv"), bytes, "the same every time");
    let sheet = rows(&bytes, b';');
    let ids: Vec<&str> = sheet.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        ids[..6],
        [
            "id",
            "#questionnaire",
            "#region",
            "#year",
            "#respondent",
            "a1-1"
        ]
    );
    assert_eq!(
        sheet.len(),
        1 + 4 + 68 + 10,
        "a row for every question, and a target row for every scored area"
    );
    assert!(sheet.iter().all(|r| r.len() == 10));
    // A few rows as the team sees them, one per kind of cell.
    let shown: Vec<String> = ["id", "#questionnaire", "a1-1", "a5-diabetes", "a6-sso"]
        .iter()
        .map(|id| {
            let row = sheet.iter().find(|r| r[0] == *id).unwrap();
            sheet[0]
                .iter()
                .zip(row)
                .map(|(header, cell)| format!("{header}: {cell}"))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    insta::assert_snapshot!("template_sv", shown.join("\n\n────\n\n"));
}

#[test]
fn the_template_in_english_and_for_readiness() {
    let sheet = rows(&template("en"), b';');
    assert_eq!(
        sheet[0],
        [
            "id",
            "area",
            "question",
            "condition",
            "guidance",
            "levels",
            "allowed answers",
            "answer",
            "comment",
            "evidence"
        ]
    );
    let shown: Vec<String> = ["#region", "a5-diabetes", "a6-sso"]
        .iter()
        .map(|id| sheet.iter().find(|r| r[0] == *id).unwrap().join(" | "))
        .collect();
    insta::assert_snapshot!("template_en", shown.join("\n\n"));

    let out = Test::new()
        .args(&[
            "template",
            "--questionnaire",
            "beredskap",
            "--region",
            "Region Västmanland",
            "--year",
            "2026",
            "--respondent",
            "Åke Öst",
            "--role",
            "CMIO",
            "-o",
            "-",
        ])
        .success();
    let sheet = rows(out.stdout.as_bytes(), b';');
    let key = |id: &str| sheet.iter().find(|r| r[0] == id).unwrap()[7].clone();
    assert_eq!(
        key("#questionnaire"),
        "beredskap 2026.1",
        "the newest edition"
    );
    assert_eq!(key("#region"), "Region Västmanland");
    assert_eq!(key("#year"), "2026");
    assert_eq!(key("#respondent"), "Åke Öst, CMIO");
    assert_eq!(key("#solution"), "");
    assert_eq!(key("#target_group"), "");
}

#[test]
fn the_template_is_written_to_a_file_and_never_over_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = Test::new()
        .dir(dir.path())
        .args(&[
            "template",
            "--questionnaire",
            "tiopunkt@2025.1",
            "--region",
            "Region Jönköpings län",
            "--year",
            "2025",
        ])
        .success();
    let path = dir
        .path()
        .join("svar-tiopunkt-region-jonkopings-lan-2025.csv");
    assert!(path.exists(), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("Skrev svar-tiopunkt-region-jonkopings-lan-2025.csv (68 frågor)"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("mognad import svar-tiopunkt-region-jonkopings-lan-2025.csv"),
        "{}",
        out.stderr
    );
    // A sheet the team has filled in is not written over by a new template.
    std::fs::write(&path, "ifyllt").unwrap();
    let out = Test::new()
        .dir(dir.path())
        .args(&[
            "template",
            "--questionnaire",
            "tiopunkt@2025.1",
            "--region",
            "Region Jönköpings län",
            "--year",
            "2025",
        ])
        .code(2);
    assert!(out.stderr.contains("finns redan"), "{}", out.stderr);
    assert!(out.stderr.contains("--force"), "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "ifyllt");
    Test::new()
        .dir(dir.path())
        .args(&["template", "--force", "-o"])
        .arg(&path)
        .success();
    assert!(std::fs::read(&path).unwrap().starts_with(BOM.as_bytes()));
    Test::new()
        .dir(dir.path())
        .args(&["template", "--questionnaire", "finns-inte"])
        .code(2);
}

/// The words a team writes for an answer in a language: a level as a digit, or with its
/// descriptor as the interview shows it, yes and no, an option's label, don't know.
fn words(question: &Value, answer: &Value, lang: &str, nth: usize) -> String {
    let pick = |sv: &str, en: &str| if lang == "sv" { sv } else { en }.to_string();
    match (&answer["value"], answer["status"].as_str()) {
        (_, Some("dont_know")) => pick("Vet ej", "Don't know"),
        (_, Some("not_applicable")) => pick("Ej tillämpligt", "Not applicable"),
        (Value::Number(level), _) => {
            let level = level.as_u64().unwrap();
            if nth.is_multiple_of(2) {
                level.to_string()
            } else {
                let descriptor = question["levels"][level as usize][lang].as_str().unwrap();
                format!("{level} – {descriptor}")
            }
        }
        (Value::String(value), _) if question["kind"] == "yes_no" => match value.as_str() {
            "yes" => pick("Ja", "Yes"),
            "partly" => pick("Delvis", "Partly"),
            _ => pick("Nej", "No"),
        },
        (Value::String(id), _) => {
            let options = question["options"].as_array().unwrap();
            let option = options.iter().find(|o| o["id"] == *id.as_str()).unwrap();
            option["label"][lang].as_str().unwrap().to_string()
        }
        other => panic!("no words for {other:?}"),
    }
}

/// The example's answers, with a not applicable and comments that have `;`, quotes, line
/// breaks and å, ä, ö, which the example itself lacks.
fn example() -> Value {
    let mut example = json(TIOPUNKT_2025);
    example["answers"]["a4-4"] = json!({
        "status": "not_applicable",
        "comment": "Inga kritiska molntjänster ännu; se förteckningen.\nÅterkommer när \"Molnet 2026\" är beslutat."
    });
    example["answers"]["a1-2"]["comment"] =
        json!("Ägarna utsågs 2024; två av fem är kvar.\nÖvriga ärenden: se bilaga ÅÄÖ.");
    example["answers"]["a1-2"]["evidence"] = json!("Protokoll 2024-03-12, §4; §7");
    example
}

#[test]
fn a_sheet_filled_with_the_examples_answers_imports_to_the_same_answers() {
    let expected = example();
    let questionnaire = json("questionnaires/tiopunkt.json");
    let questions: Vec<&Value> = questionnaire["areas"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["questions"].as_array().unwrap())
        .collect();
    let answers = expected["answers"].as_object().unwrap();
    for (lang, separator) in [("sv", b';'), ("en", b',')] {
        let mut sheet = rows(&template(lang), b';');
        let (answer, comment, evidence) = if lang == "sv" {
            (
                column(&sheet, "svar"),
                column(&sheet, "kommentar"),
                column(&sheet, "underlag"),
            )
        } else {
            (
                column(&sheet, "answer"),
                column(&sheet, "comment"),
                column(&sheet, "evidence"),
            )
        };
        let mut filled = Vec::new();
        for (nth, mut row) in sheet.drain(..).enumerate() {
            let id = row[0].clone();
            match id.as_str() {
                "#region" => set(&mut row, answer, expected["region"].as_str().unwrap()),
                "#year" => set(&mut row, answer, &expected["year"].to_string()),
                "#respondent" => {
                    // One row per person, as the row's text asks.
                    for person in expected["respondents"].as_array().unwrap() {
                        let mut row = row.clone();
                        let name = person["name"].as_str().unwrap();
                        let role = person["role"].as_str().unwrap();
                        set(&mut row, answer, &format!("{name}, {role}"));
                        filled.push(row);
                    }
                    continue;
                }
                _ => {
                    if let Some(given) = answers.get(&id) {
                        let question = questions.iter().find(|q| q["id"] == *id.as_str()).unwrap();
                        set(&mut row, answer, &words(question, given, lang, nth));
                        set(&mut row, comment, given["comment"].as_str().unwrap_or(""));
                        set(&mut row, evidence, given["evidence"].as_str().unwrap_or(""));
                    }
                }
            }
            filled.push(row);
        }
        let bytes = saved(&filled, separator);
        let (dir, output, out) = import(&bytes, &["--lang", lang], 0);
        let imported: Value = serde_json::from_str(&std::fs::read_to_string(&output).unwrap())
            .expect("the answers file parses");
        assert_eq!(imported["answers"], expected["answers"], "{lang}");
        for field in ["format", "questionnaire", "region", "year", "respondents"] {
            assert_eq!(imported[field], expected[field], "{lang}: {field}");
        }
        assert_eq!(imported["date"], "2025-10-09", "the day of the import");
        assert!(
            out.stderr.contains(if lang == "sv" {
                "Läste 64 svar, 3 Vet ej och 1 Ej tillämpligt"
            } else {
                "Read 64 answers, 3 don't know and 1 not applicable"
            }),
            "{}",
            out.stderr
        );
        // The file scores as the example does, and `validate` has nothing to say.
        let example_path = dir.path().join("exempel.json");
        std::fs::write(&example_path, expected.to_string()).unwrap();
        let score = |path: &Path| Test::new().args(&["score"]).arg(path).success().stdout;
        assert_eq!(score(&output), score(&example_path));
        let out = Test::new().args(&["validate"]).arg(&output).success();
        assert!(out.stdout.starts_with("ok: "), "{}", out.stdout);
    }
}

#[test]
fn a_sheet_as_excel_with_swedish_settings_saves_it() {
    let fixture = root().join("tests/fixtures/sheet/excel-sv.csv");
    let bytes = std::fs::read(&fixture).unwrap();
    assert!(
        bytes.starts_with(BOM.as_bytes()),
        "the fixture is as Excel saves"
    );
    assert!(bytes.windows(2).any(|w| w == b"\r\n"));
    let (_dir, output, out) = import(&bytes, &[], 0);
    assert!(
        out.stderr
            .contains("Läste 7 svar, 1 Vet ej och 1 Ej tillämpligt ur"),
        "{}",
        out.stderr
    );
    let imported: Value = serde_json::from_str(&std::fs::read_to_string(&output).unwrap()).unwrap();
    assert_eq!(imported["region"], "Region Jönköpings län");
    assert_eq!(
        imported["respondents"],
        json!([
            {"name": "Åsa Öberg", "role": "Informationssäkerhetschef (CISO)"},
            {"name": "Erik Lind", "role": "Chefläkare"}
        ])
    );
    assert_eq!(
        imported["answers"],
        json!({
            "a1-1": {
                "value": 3,
                "comment": "Beslut i regionstyrelsen; se protokoll §12\nReviderad i maj 2025, \"version 2\"",
                "evidence": "Dnr RS 2024/118"
            },
            "a1-2": {"value": 2},
            "a1-sdk": {"value": "yes"},
            "a2-1": {"status": "dont_know", "comment": "Juristen slutade i våras; tjänsten är vakant"},
            "a4-3": {"status": "not_applicable", "comment": "Inga molntjänster ännu"},
            "a5-egenmonitorering": {"value": "yes"},
            "a5-diabetes": {"value": "no"},
            "a6-sso": {"value": "under_inforande", "comment": "Primärvården först", "evidence": "Projektplan SSO 2025"},
            "hinder-ekonomi": {"value": 4}
        })
    );
    Test::new().args(&["validate"]).arg(&output).success();
}

#[test]
fn the_answers_file_is_named_as_the_interviews_and_never_written_over() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("tests/fixtures/sheet/excel-sv.csv"),
        dir.path().join("ifylld.csv"),
    )
    .unwrap();
    let out = Test::new()
        .dir(dir.path())
        .args(&["import", "ifylld.csv"])
        .success();
    let path = dir
        .path()
        .join("svar-tiopunkt-region-jonkopings-lan-2025.json");
    assert!(path.exists(), "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "Skrev svar-tiopunkt-region-jonkopings-lan-2025.json. Nästa steg: mognad score svar-tiopunkt-region-jonkopings-lan-2025.json"
        ),
        "{}",
        out.stderr
    );
    std::fs::write(&path, "{}").unwrap();
    let out = Test::new()
        .dir(dir.path())
        .args(&["--lang", "en", "import", "ifylld.csv"])
        .code(2);
    assert!(
        out.stderr
            .contains("error: `svar-tiopunkt-region-jonkopings-lan-2025.json` exists already"),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "{}",
        "the answers are kept"
    );
    Test::new()
        .dir(dir.path())
        .args(&["import", "ifylld.csv", "--force"])
        .success();
    assert_ne!(std::fs::read_to_string(&path).unwrap(), "{}");
    // To standard output, for a script.
    let out = Test::new()
        .dir(dir.path())
        .args(&["import", "ifylld.csv", "-o", "-"])
        .success();
    let answers: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(answers["answers"]["a1-1"]["value"], 3);
}

#[test]
fn a_comma_separated_sheet_in_english() {
    let mut sheet = rows(&template("en"), b';');
    let answer = column(&sheet, "answer");
    let comment = column(&sheet, "comment");
    for row in &mut sheet {
        let (text, note) = match row[0].as_str() {
            "#region" => ("Region Gävleborg", ""),
            "#year" => ("2025", ""),
            "a1-1" => ("4", "Decided, see minutes; page 2"),
            "a1-sdk" => ("yes", ""),
            "a6-sso" => ("In operation", ""),
            "a2-1" => ("don't know", ""),
            "a4-4" => ("NOT APPLICABLE", ""),
            _ => continue,
        };
        set(row, answer, text);
        set(row, comment, note);
    }
    let bytes = saved(&sheet, b',');
    assert!(bytes.starts_with(format!("{BOM}id,area,question").as_bytes()));
    let (_dir, output, _) = import(&bytes, &[], 0);
    let imported: Value = serde_json::from_str(&std::fs::read_to_string(&output).unwrap()).unwrap();
    assert_eq!(
        imported["answers"],
        json!({
            "a1-1": {"value": 4, "comment": "Decided, see minutes; page 2"},
            "a1-sdk": {"value": "yes"},
            "a2-1": {"status": "dont_know"},
            "a4-4": {"status": "not_applicable"},
            "a6-sso": {"value": "i_drift"}
        })
    );
}

#[test]
fn a_sheet_saved_in_windows_1252_is_refused() {
    // As Excel's "CSV (kommaavgränsad)" and "CSV (MS-DOS)" save it: å, ä, ö as one byte each.
    let text = String::from_utf8(filled(|_, _| {})).unwrap();
    let bytes: Vec<u8> = text
        .trim_start_matches('\u{feff}')
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    let stderr = refused(
        &bytes,
        &[
            "rad 1, kolumn B: filen är inte sparad som UTF-8",
            "tips: öppna filen i Excel och spara den med Spara som › ”CSV UTF-8 (kommaavgränsad) (*.csv)”",
        ],
    );
    assert!(
        stderr.contains("ifylld.csv"),
        "the file is named:\n{stderr}"
    );
}

#[test]
fn an_unknown_question_id_is_refused() {
    let bytes = filled(|sheet, answer| {
        let row = answer_row(sheet, "a1-3");
        sheet[row][0] = "a1-33".into();
        set(&mut sheet[row], answer, "2");
    });
    refused(
        &bytes,
        &[
            "rad 8, kolumn A (id): frågan `a1-33` finns inte i enkäten",
            "tips: kontrollera id:t mot ett nytt svarsblad från `mognad template`",
        ],
    );
}

#[test]
fn a_bad_level_is_refused_with_every_other_problem() {
    let bytes = filled(|sheet, answer| {
        let row = answer_row(sheet, "a1-1");
        set(&mut sheet[row], answer, "7");
        let row = answer_row(sheet, "a1-sdk");
        set(&mut sheet[row], answer, "kanske");
        let row = answer_row(sheet, "a6-sso");
        set(&mut sheet[row], answer, "Vet inte");
    });
    let stderr = refused(
        &bytes,
        &[
            "rad 6, kolumn H (svar): `7` är inget möjligt svar på frågan; möjliga svar: 0–5 (se nivåerna), Vet ej",
            "rad 11, kolumn H (svar): `kanske` är inget möjligt svar på frågan; möjliga svar: Ja, Nej, Vet ej",
            "kolumn H (svar): `Vet inte` är inget möjligt svar på frågan; möjliga svar: I drift, Under införande, Nej, Vet ej",
            "tips: skriv ett av svaren i kolumnen svarsalternativ",
        ],
    );
    assert_eq!(stderr.matches("\nfel: ").count(), 3, "{stderr}");
    // In English, with the headers as the file has them.
    let (_dir, _, out) = import(&bytes, &["--lang", "en"], 2);
    assert!(
        out.stderr
            .contains("row 6, column H (svar): `7` is not a possible answer to the question; possible answers: 0–5 (see the levels), Don't know"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("nothing was written"), "{}", out.stderr);
}

#[test]
fn a_missing_column_is_named() {
    let bytes = filled(|sheet, answer| {
        for row in sheet.iter_mut() {
            if row.len() > answer {
                row.remove(answer);
            }
        }
    });
    refused(
        &bytes,
        &[
            "rad 1: kolumnen `svar` saknas i rubrikraden",
            "tips: rad 1 ska ha rubrikerna från `mognad template`",
        ],
    );
}

#[test]
fn a_question_on_two_rows_is_refused() {
    let bytes = filled(|sheet, answer| {
        let row = answer_row(sheet, "a2-1");
        set(&mut sheet[row], answer, "2");
        let mut copy = sheet[row].clone();
        set(&mut copy, answer, "3");
        sheet.push(copy);
    });
    // After the header, the key rows, the questions and the target rows; a2-1 follows
    // area 1's questions and its target row.
    let last = 1 + 4 + 68 + 10 + 1;
    refused(
        &bytes,
        &[&format!(
            "rad {last}, kolumn A (id): `a2-1` finns redan på rad 13"
        )],
    );
}

#[test]
fn a_sheet_without_region_year_or_questionnaire() {
    let mut sheet = rows(&template("sv"), b';');
    sheet.retain(|r| r[0] != "#questionnaire");
    let (_dir, _, out) = import(&saved(&sheet, b';'), &[], 2);
    assert!(
        out.stderr.contains(
            "svarsbladet säger inte vilken enkät det gäller (raden `#questionnaire` saknas)"
        ),
        "{}",
        out.stderr
    );
    let (_dir, _, out) = import(&saved(&sheet, b';'), &["--questionnaire", "tiopunkt"], 2);
    assert!(
        out.stderr
            .contains("rad 2, kolumn H (svar): regionen saknas (raden `#region`)"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("rad 3, kolumn H (svar): året saknas (raden `#year`)"),
        "{}",
        out.stderr
    );
    let (_dir, _, out) = import(&filled(|_, _| {}), &["--questionnaire", "beredskap"], 2);
    assert!(
        out.stderr.contains(
            "rad 2, kolumn H (svar): svarsbladet gäller enkäten `tiopunkt`, inte `beredskap`"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn an_answer_to_a_question_not_asked_is_refused() {
    let bytes = filled(|sheet, answer| {
        let row = answer_row(sheet, "a5-egenmonitorering");
        set(&mut sheet[row], answer, "Nej");
        let row = answer_row(sheet, "a5-diabetes");
        set(&mut sheet[row], answer, "Ja");
    });
    refused(
        &bytes,
        &[
            "kolumn H (svar): frågan är besvarad, men den ställs bara om a5-egenmonitorering (Egenmonitorering påbörjad) är Ja",
        ],
    );
}

#[test]
fn help_in_both_languages() {
    for command in ["template", "import"] {
        let sv = Test::new().args(&[command, "--help"]).success();
        for word in ["Användning: mognad", "Visa hjälpen", "Skriv över"] {
            assert!(sv.stdout.contains(word), "{command}: {word}\n{}", sv.stdout);
        }
        assert!(!sv.stdout.contains("Overwrite"), "{}", sv.stdout);
        let en = Test::new()
            .args(&["--lang", "en", command, "--help"])
            .success();
        assert!(en.stdout.contains("Overwrite"), "{}", en.stdout);
    }
    let out = Test::new().args(&["--help"]).success();
    assert!(
        out.stdout
            .contains("Skriv en enkät som ett CSV-svarsblad att fylla i Excel"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_sheet_says_which_answers_need_evidence_and_import_warns_without_it() {
    let out = Test::new()
        .args(&["template", "--questionnaire", "beredskap@2026.1", "-o", "-"])
        .success();
    let mut sheet = rows(out.stdout.as_bytes(), b';');
    let (allowed, answer, evidence) = (
        column(&sheet, "svarsalternativ"),
        column(&sheet, "svar"),
        column(&sheet, "underlag"),
    );
    let suppliers = answer_row(&mut sheet, "r4-12");
    assert_eq!(
        sheet[suppliers][allowed],
        "Ja\nNej\nVet ej\nNej kräver underlag; utan underlag räknas svaret som Vet ej"
    );
    let ownership = answer_row(&mut sheet, "r1-1");
    assert!(!sheet[ownership][allowed].contains("underlag"));
    for row in &mut sheet {
        match row[0].as_str() {
            "#region" => set(row, answer, "Region Exempelland (fiktiv)"),
            "#year" => set(row, answer, "2026"),
            "#solution" => set(row, answer, "Distansmonitorering"),
            "#target_group" => set(row, answer, "Patienter med hjärtsvikt"),
            "r4-12" => set(row, answer, "Nej"),
            _ => {}
        }
    }
    let (_dir, output, out) = import(&saved(&sheet, b';'), &[], 0);
    assert!(
        out.stderr.contains(&format!(
            "ifylld.csv: rad {}, kolumn J (underlag): svaret Nej kräver underlag; utan underlag räknas det som Vet ej\n  tips: skriv i kolumnen underlag vad svaret bygger på",
            suppliers + 1
        )),
        "{}",
        out.stderr
    );
    let imported: Value = serde_json::from_str(&std::fs::read_to_string(&output).unwrap()).unwrap();
    assert_eq!(imported["answers"]["r4-12"], json!({"value": "no"}));

    set(&mut sheet[suppliers], evidence, "Driftavtal 2025-114");
    let (_dir, output, out) = import(&saved(&sheet, b';'), &[], 0);
    assert!(!out.stderr.contains("kräver underlag"), "{}", out.stderr);
    let imported: Value = serde_json::from_str(&std::fs::read_to_string(&output).unwrap()).unwrap();
    assert_eq!(
        imported["answers"]["r4-12"]["evidence"],
        "Driftavtal 2025-114"
    );
}
