//! `mognad assess --plain`: the interview as plain lines, answered with keys piped in, in a
//! pseudo-terminal as a person types them (stopped with Ctrl-C and resumed where `TERM=dumb`
//! chooses plain lines by itself), and as a team settling its split questions. What is saved
//! validates, and nothing written is an escape sequence.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use expectrl::session::OsSession as Session;
use expectrl::{Eof, Expect};

use expectrl::process::unix::WaitStatus;

use crate::assess::{CTRL_C, answers_in};
use crate::{Test, json, root};

const ESC: char = '\u{1b}';

/// The ids of the built-in `beredskap`, in the order they are asked.
fn beredskap() -> Vec<String> {
    let questionnaire = json("questionnaires/beredskap.json");
    questionnaire["areas"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|area| area["questions"].as_array().unwrap())
        .map(|q| q["id"].as_str().unwrap().to_string())
        .collect()
}

/// The key line answering the `i`th question, and what the file is to hold for it.
fn answer(i: usize, id: &str) -> (&'static str, serde_json::Value) {
    match (i, id) {
        (_, "r4-3") => ("e", serde_json::json!({"status": "not_applicable"})),
        (2, _) => ("v", serde_json::json!({"status": "dont_know"})),
        _ => {
            let level = i % 6;
            (
                ["0", "1", "2", "3", "4", "5"][level],
                serde_json::json!({ "value": level }),
            )
        }
    }
}

const COMMENT: &str = "Beslut i regionstyrelsen; gäller även Öland och Åre";

#[test]
fn plain_answers_a_questionnaire_from_piped_keys() {
    let dir = tempfile::tempdir().unwrap();
    let ids = beredskap();
    let mut lines = vec![
        "",                                   // the introduction
        "gävle",                              // the region, by part of its name
        "",                                   // this year
        "Åsa Öberg",                          // name
        "CMIO",                               // role
        "Distansmonitorering vid hjärtsvikt", // solution
        "Patienter med hjärtsvikt i primärvården",
    ];
    let mut expected = serde_json::Map::new();
    for (i, id) in ids.iter().enumerate() {
        let (key, mut value) = answer(i, id);
        if i == 1 {
            // Refused, then a comment, then the answer.
            lines.extend(["x", "k", COMMENT]);
            value["comment"] = COMMENT.into();
        }
        lines.push(key);
        expected.insert(id.clone(), value);
    }
    lines.push("a"); // finish from the review
    let out = Test::new()
        .dir(dir.path())
        .args(&[
            "assess",
            "--plain",
            "--questionnaire",
            "beredskap@2025.1",
            "--answers",
            "svar.json",
        ])
        .stdin(&(lines.join("\n") + "\n"))
        .success();
    assert!(
        !out.stdout.contains(ESC),
        "an escape sequence in the output"
    );
    assert!(
        !out.stderr.contains(ESC),
        "an escape sequence in the errors"
    );
    for said in [
        "Område 1 av 9: Ägarskap och mandat · fråga 1.1 · 0 av 33 besvarade\n",
        "Region: Region Gävleborg\n",
        "Välj (? visar tangenterna): x\n",
        "”x” är ingen tangent här",
        &format!("Kommentar: {COMMENT}\n"),
        "Granskning: 33 av 33 besvarade\n",
        "Nästa steg, profilen för ledningen: mognad report svar.json",
    ] {
        assert!(
            out.stdout.contains(said),
            "{said:?} is not in:\n{}",
            out.stdout
        );
    }
    let saved = answers_in(&dir.path().join("svar.json"));
    assert_eq!(saved["region"], "Region Gävleborg");
    assert_eq!(saved["year"], 2025);
    assert_eq!(saved["respondents"][0]["name"], "Åsa Öberg");
    assert_eq!(
        saved["solution"]["target_group"],
        "Patienter med hjärtsvikt i primärvården"
    );
    assert_eq!(saved["answers"], serde_json::Value::Object(expected));
    assert!(saved.get("drafts").is_none() && saved.get("position").is_none());
    Test::new()
        .dir(dir.path())
        .args(&["validate", "svar.json"])
        .success();
}

#[test]
fn plain_input_that_ends_early_stops_with_the_answers_saved() {
    let dir = tempfile::tempdir().unwrap();
    let out = Test::new()
        .dir(dir.path())
        .args(&[
            "assess",
            "--plain",
            "--questionnaire",
            "beredskap@2025.1",
            "--answers",
            "svar.json",
            "--region",
            "Region Testland",
            "--year",
            "2025",
            "--respondent",
            "Eva Ek",
            "--role",
            "CIO",
        ])
        .stdin("\nlösningen\nmålgruppen\n2\n4\nk\nfråga Örjan om avtalet\n")
        .code(130);
    assert!(!out.stdout.contains(ESC));
    assert!(
        out.stderr.contains("Avbrutet. 2 av 33 frågor är besvarade"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("Kommentaren ni skrev vid 1.3 är sparad och öppnas igen nästa gång."),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("Fortsätt där ni slutade: mognad assess --answers svar.json --plain\n"),
        "{}",
        out.stderr
    );
    let saved = answers_in(&dir.path().join("svar.json"));
    assert_eq!(saved["answers"]["r1-1"]["value"], 2);
    assert_eq!(saved["answers"]["r1-2"]["value"], 4);
    assert_eq!(saved["drafts"]["r1-3"], "fråga Örjan om avtalet");
    assert_eq!(saved["position"], "r1-3");
    Test::new()
        .dir(dir.path())
        .args(&["validate", "svar.json"])
        .success();

    // The next run opens the comment; the answer takes it.
    let out = Test::new()
        .dir(dir.path())
        .args(&["assess", "--plain", "--answers", "svar.json"])
        .stdin("1\n")
        .code(130);
    assert!(
        out.stdout
            .contains("Fortsätter vid 1.3 · 2 av 33 besvarade\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("Kommentar: fråga Örjan om avtalet\n"),
        "{}",
        out.stdout
    );
    let saved = answers_in(&dir.path().join("svar.json"));
    assert_eq!(
        saved["answers"]["r1-3"]["comment"],
        "fråga Örjan om avtalet"
    );
    assert!(saved.get("drafts").is_none());
}

#[test]
fn without_plain_a_pipe_still_only_checks_and_scores() {
    // `TERM=dumb` chooses plain lines for a terminal; a pipe without `--plain` asks nothing.
    let out = Test::new()
        .env("TERM", "dumb")
        .args(&["assess", "--answers", crate::TIOPUNKT_2025])
        .stdin("3\n")
        .success();
    assert!(out.stdout.contains("Samlat index"), "{}", out.stdout);
    assert!(!out.stdout.contains("Välj"), "{}", out.stdout);
    let help = Test::new().args(&["assess", "--help"]).success().stdout;
    assert!(
        help.contains("--plain") && help.contains("Fråga rad för rad i vanlig text"),
        "{help}"
    );
    let help = Test::new()
        .args(&["--lang", "en", "assess", "--help"])
        .success()
        .stdout;
    assert!(help.contains("Ask line by line in plain text"), "{help}");
}

/// `mognad assess` in a pseudo-terminal with `TERM` as given, in an empty environment.
fn spawn(dir: &Path, term: &str, args: &[&str]) -> Session {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mognad"));
    command
        .arg("assess")
        .args(args)
        .env_clear()
        .env("TERM", term)
        .env("SOURCE_DATE_EPOCH", "1760000000")
        .current_dir(dir);
    let mut session = expectrl::Session::spawn(command).expect("a pseudo-terminal");
    session.get_process_mut().set_window_size(120, 50).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
}

/// Everything printed until the process ends.
fn rest(session: &mut Session) -> String {
    session
        .expect(Eof)
        .map(|found| String::from_utf8_lossy(found.before()).into_owned())
        .unwrap_or_default()
}

const PROMPT: &str = "Välj (? visar tangenterna): ";

/// Sends keys and waits until `then` is printed, returning everything printed on the way.
fn keys(session: &mut Session, keys: &str, then: &str) -> String {
    session.send(keys).unwrap();
    let found = session
        .expect(then)
        .unwrap_or_else(|e| panic!("after {keys:?}, {then:?} did not appear: {e}"));
    String::from_utf8_lossy(found.before()).into_owned()
        + &String::from_utf8_lossy(found.get(0).unwrap())
}

fn exit_code(session: &mut Session) -> i32 {
    session.expect(Eof).ok();
    match session.get_process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("mognad did not exit normally: {other:?}"),
    }
}

#[test]
fn plain_in_a_terminal_answers_stops_with_ctrl_c_and_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("svar.json");
    let ids = beredskap();
    // `--plain` on a terminal that could draw a screen.
    let mut s = spawn(
        dir.path(),
        "xterm-256color",
        &[
            "--plain",
            "--questionnaire",
            "beredskap@2025.1",
            "--answers",
            "svar.json",
            "--year",
            "2025",
        ],
    );
    let mut seen = String::new();
    seen += &keys(&mut s, "", "Tryck Enter för att börja: ");
    seen += &keys(&mut s, "\r", "Skriv numret eller en del av namnet");
    seen += &keys(&mut s, "skå\r", "Ditt namn");
    seen += &keys(&mut s, "Åsa Öberg\r", "Din roll");
    seen += &keys(&mut s, "CMIO\r", "Lösningen som bedöms");
    seen += &keys(&mut s, "Distansmonitorering\r", "Målgruppen");
    seen += &keys(&mut s, "Patienter med hjärtsvikt\r", PROMPT);
    let (first, _) = answer(0, &ids[0]);
    seen += &keys(&mut s, &format!("{first}\r"), "fråga 1.2 · 1 av 33");
    seen += &keys(&mut s, "k\r", "Kommentar på en rad");
    seen += &keys(&mut s, &format!("{COMMENT}\r"), PROMPT);
    let (second, _) = answer(1, &ids[1]);
    seen += &keys(&mut s, &format!("{second}\r"), "fråga 1.3 · 2 av 33");
    seen += &keys(&mut s, CTRL_C, "mognad assess --answers svar.json --plain");
    seen += &rest(&mut s);
    assert_eq!(exit_code(&mut s), 130);
    assert!(seen.contains("Avbrutet. 2 av 33"), "{seen}");
    assert!(seen.contains("Region: Region Skåne"), "{seen}");
    let saved = answers_in(&file);
    assert_eq!(saved["position"], "r1-3");
    assert_eq!(saved["answers"]["r1-2"]["comment"], COMMENT);
    Test::new()
        .dir(dir.path())
        .args(&["validate", "svar.json"])
        .success();

    // `TERM=dumb` asks in plain lines without `--plain`; the rest is answered and finished.
    let mut s = spawn(dir.path(), "dumb", &["--answers", "svar.json"]);
    seen += &keys(&mut s, "", "Fortsätter vid 1.3 · 2 av 33 besvarade");
    seen += &keys(&mut s, "", PROMPT);
    for (i, id) in ids.iter().enumerate().skip(2) {
        let (key, _) = answer(i, id);
        let next = if i + 1 < ids.len() {
            format!("{} av 33 besvarade", i + 1)
        } else {
            "Granskning: 33 av 33 besvarade".to_string()
        };
        seen += &keys(&mut s, &format!("{key}\r"), &next);
    }
    seen += &keys(&mut s, "a\r", "Nästa steg");
    seen += &rest(&mut s);
    assert_eq!(exit_code(&mut s), 0);
    assert!(!seen.contains(ESC), "an escape sequence in:\n{seen}");
    let saved = answers_in(&file);
    for (i, id) in ids.iter().enumerate() {
        let (_, mut value) = answer(i, id);
        if i == 1 {
            value["comment"] = COMMENT.into();
        }
        assert_eq!(saved["answers"][id], value, "{id}");
    }
    assert_eq!(saved["respondents"][0]["name"], "Åsa Öberg");
    Test::new()
        .dir(dir.path())
        .args(&["validate", "svar.json"])
        .success();
}

#[test]
fn a_team_settles_its_split_questions_in_plain_lines() {
    let dir = tempfile::tempdir().unwrap();
    let team = dir.path().join("team.json");
    std::fs::copy(root().join("examples/team/team-tiopunkt-2025.json"), &team).unwrap();
    let out = Test::new()
        .dir(dir.path())
        .args(&["assess", "--plain", "--consensus", "--answers", "team.json"])
        .stdin("3\n\nInventeringen är klar för vården, inte för IT\nh\n")
        .code(130);
    assert!(!out.stdout.contains(ESC));
    for said in [
        "fråga 4.3 · 0 av 6 oeniga enade\n",
        "Var och ens svar:\n",
        "  Maria Öberg (CISO): 0 – Regionen vet inte vilka molntjänster som används",
        "Förslag (medianen): 2 – ",
        "Teamets svar behöver en motivering",
    ] {
        assert!(
            out.stdout.contains(said),
            "{said:?} is not in:\n{}",
            out.stdout
        );
    }
    assert!(
        out.stderr
            .contains("mognad assess --answers team.json --consensus --plain"),
        "{}",
        out.stderr
    );
    let saved = answers_in(&team);
    assert_eq!(saved["answers"]["a4-3"]["value"], 3);
    assert_eq!(
        saved["answers"]["a4-3"]["consensus"]["rationale"],
        "Inventeringen är klar för vården, inte för IT"
    );
    assert!(saved["answers"]["a4-5"].get("consensus").is_none());
}

/// The words of the command a hint prints after `prefix`, read as a shell reads them (single
/// quotes keep a space), without the leading `mognad`.
pub fn printed(text: &str, prefix: &str) -> Vec<String> {
    let line = text
        .lines()
        .find_map(|line| line.split_once(prefix).map(|(_, rest)| rest))
        .unwrap_or_else(|| panic!("no {prefix:?} in:\n{text}"));
    let (mut words, mut word, mut quoted, mut any) = (Vec::new(), String::new(), false, false);
    for c in line.chars() {
        match c {
            '\'' => (quoted, any) = (!quoted, true),
            c if c.is_whitespace() && !quoted => {
                if any {
                    words.push(std::mem::take(&mut word));
                }
                any = false;
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        words.push(word);
    }
    assert_eq!(words.first().map(String::as_str), Some("mognad"), "{line}");
    words.remove(0);
    words
}

/// An interview on a questionnaire handed out as a file, with its rubric beside it in a folder
/// whose name has a space: stopped early, it says how to go on, and that command, run as
/// printed, finishes it; the finished interview names the profile's command, which makes it.
#[test]
fn every_next_step_of_an_own_questionnaire_works_as_printed() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("egen enkät");
    std::fs::create_dir(&folder).unwrap();
    for name in ["questionnaire.json", "rubric.json"] {
        std::fs::copy(
            root().join("tests/fixtures/own").join(name),
            folder.join(name),
        )
        .unwrap();
    }
    let start = [
        "",             // the introduction
        "gävle",        // the region
        "",             // this year
        "Åsa Öberg",    // name
        "CMIO",         // role
        "Journalen",    // solution
        "Alla listade", // target group
        "2",            // 1.1, then the input ends
    ];
    let out = Test::new()
        .dir(dir.path())
        .args(&[
            "assess",
            "--plain",
            "--questionnaire",
            "egen enkät/questionnaire.json",
            "--answers",
            "svar.json",
        ])
        .stdin(&(start.join("\n") + "\n"))
        .code(130);
    let resume = printed(&out.stderr, "Fortsätt där ni slutade: ");
    assert_eq!(
        resume,
        [
            "assess",
            "--answers",
            "svar.json",
            "--questionnaire",
            "egen enkät/questionnaire.json",
            "--plain"
        ]
    );
    // 1.2 partly, 1.3 the number 72, 2.1 the first option, 2.2 not applicable, 2.3 don't
    // know, and finish from the review.
    let words: Vec<&str> = resume.iter().map(String::as_str).collect();
    let out = Test::new()
        .dir(dir.path())
        .args(&words)
        .stdin("d\ns\n72\n1\ne\nv\na\n")
        .success();
    let report = printed(&out.stdout, "Nästa steg, profilen för ledningen: ");
    assert_eq!(
        report,
        [
            "report",
            "svar.json",
            "--questionnaire",
            "egen enkät/questionnaire.json",
            "--rubric",
            "egen enkät/rubric.json"
        ]
    );
    let words: Vec<&str> = report.iter().map(String::as_str).collect();
    Test::new().dir(dir.path()).args(&words).success();
    let made = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .any(|e| e.path().extension().is_some_and(|x| x == "pdf"));
    assert!(made, "no profile was made");
}

/// The example's 2026.1 answers up to 4.6, which asks whether a supplier can reach the data:
/// the interview goes on there.
fn at_the_supplier_question(dir: &Path) {
    let mut answers = json("examples/exempelland-beredskap-2026.json");
    let map = answers["answers"].as_object_mut().unwrap();
    for id in ["r4-12", "r4-4", "r4-9"] {
        map.remove(id);
    }
    answers["position"] = "r4-12".into();
    std::fs::write(
        dir.join("svar.json"),
        serde_json::to_string_pretty(&answers).unwrap(),
    )
    .unwrap();
}

#[test]
fn a_no_that_needs_evidence_asks_for_it_and_without_it_asks_what_it_hides() {
    let dir = tempfile::tempdir().unwrap();
    at_the_supplier_question(dir.path());
    let out = Test::new()
        .dir(dir.path())
        .args(&["assess", "--plain", "--answers", "svar.json"])
        .stdin("n\n\nv\nv\n")
        .code(130);
    // The line is wrapped at the width; its words are what matters.
    let said = out.stdout.replace('\n', " ");
    for fragment in [
        "Välj (? visar tangenterna): n Svaret Nej kräver underlag, eftersom det döljer frågor; utan underlag räknas det som Vet ej. ",
        "Underlag (Enter hoppar över; svaret räknas då som Vet ej):  ",
        "fråga 4.7 ·",
    ] {
        assert!(
            said.contains(fragment),
            "{fragment:?} is not in:\n{}",
            out.stdout
        );
    }
    let saved = answers_in(&dir.path().join("svar.json"));
    assert_eq!(
        saved["answers"]["r4-12"],
        serde_json::json!({"value": "no"})
    );
    // 4.7 and 4.9 are asked after a No without evidence; the review marks the No.
    assert_eq!(
        saved["answers"]["r4-4"],
        serde_json::json!({"status": "dont_know"})
    );
    assert_eq!(
        saved["answers"]["r4-9"],
        serde_json::json!({"status": "dont_know"})
    );
    assert!(
        out.stdout.contains(
            "4.6  Leverantörer med patientuppgifter  Nej  [utan underlag, räknas som Vet ej]\n"
        ),
        "{}",
        out.stdout
    );
    let out = Test::new()
        .dir(dir.path())
        .args(&["score", "svar.json"])
        .success();
    assert!(
        out.stdout.contains(
            "4.6 Leverantörer med patientuppgifter räknas som Vet ej: svaret Nej kräver underlag"
        ),
        "{}",
        out.stdout
    );

    let out = Test::new()
        .dir(dir.path())
        .args(&["validate", "svar.json"])
        .success();
    assert!(
        out.stdout.contains(
            "svar.json: answers.r4-12: svaret `no` kräver underlag (`evidence`) och har inget; det räknas som Vet ej"
        ),
        "{}",
        out.stdout
    );

    // With the evidence written, what the No hides is not asked.
    at_the_supplier_question(dir.path());
    let out = Test::new()
        .dir(dir.path())
        .args(&[
            "assess",
            "--plain",
            "--answers",
            "svar.json",
            "--lang",
            "en",
        ])
        .stdin("n\nOperating agreement 2025-114: the region runs it, no supplier has access\n")
        .code(130);
    assert!(
        out.stdout.replace('\n', " ").contains(
            "The answer No needs evidence, since it hides questions; without evidence it counts as Don't know. "
        ),
        "{}",
        out.stdout
    );
    let saved = answers_in(&dir.path().join("svar.json"));
    assert_eq!(
        saved["answers"]["r4-12"]["evidence"],
        "Operating agreement 2025-114: the region runs it, no supplier has access"
    );
    // 4.7 and 4.9 are not asked, so everything asked is answered: the review comes.
    assert!(
        out.stdout.contains("Review: 56 of 56 answered"),
        "{}",
        out.stdout
    );
    let out = Test::new()
        .dir(dir.path())
        .args(&["score", "svar.json"])
        .success();
    assert!(!out.stdout.contains("räknas som Vet ej"), "{}", out.stdout);
}
