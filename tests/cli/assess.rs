//! `mognad assess`: without a terminal it never hangs; in a pseudo-terminal it is driven with
//! keys as a person would, stopped with Ctrl-C and killed with SIGKILL, and the answers file is
//! checked after each.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::process::unix::{Signal, WaitStatus};
use expectrl::session::OsSession as Session;
use expectrl::{Eof, Expect};

use crate::{TIOPUNKT_2024, TIOPUNKT_2025, Test, json, root};

#[test]
fn without_a_terminal_or_a_file_it_says_what_to_do() {
    let start = Instant::now();
    let out = Test::new().args(&["assess"]).code(2);
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "it must not wait for input"
    );
    assert!(
        out.stderr.contains("`mognad assess` behöver en terminal"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("tips: kör det i en terminal, eller ge en svarsfil"),
        "{}",
        out.stderr
    );
    let out = Test::new().args(&["--lang", "en", "assess"]).code(2);
    assert!(out.stderr.contains("needs a terminal"), "{}", out.stderr);
}

#[test]
fn without_a_terminal_a_file_is_checked_and_scored() {
    let out = Test::new()
        .args(&["assess", "--answers", TIOPUNKT_2025])
        .success();
    assert!(out.stdout.contains("Samlat index"), "{}", out.stdout);
    let out = Test::new()
        .args(&["assess", "--answers", "finns-inte.json"])
        .code(2);
    assert!(out.stderr.contains("filen finns inte"), "{}", out.stderr);
}

/// `mognad assess` in a pseudo-terminal of 120 × 50, in an empty environment.
pub fn spawn(dir: &Path, args: &[&str]) -> Session {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mognad"));
    command
        .arg("assess")
        .args(args)
        .env_clear()
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1760000000")
        .current_dir(dir);
    let mut session = expectrl::Session::spawn(command).expect("a pseudo-terminal");
    session.get_process_mut().set_window_size(120, 50).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
}

pub fn exit_code(session: &mut Session) -> i32 {
    session.expect(Eof).ok();
    match session.get_process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("mognad did not exit normally: {other:?}"),
    }
}

pub fn answers_in(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).expect("the answers file parses");
    assert_eq!(value["format"], "mognad.answers/1");
    value
}

/// Sends keys and waits until the screen shows `then`, returning everything printed on the
/// way.
pub fn keys(session: &mut Session, keys: &str, then: &str) -> String {
    session.send(keys).unwrap();
    let found = match session.expect(then) {
        Ok(found) => found,
        Err(e) => {
            // Stopped first, or reading what is left would wait for it forever.
            let _ = session.get_process_mut().kill(Signal::SIGKILL);
            let mut rest = Vec::new();
            let _ = std::io::Read::read_to_end(session, &mut rest);
            panic!(
                "after {keys:?}, {then:?} did not appear: {e}\n{}",
                String::from_utf8_lossy(&rest)
            )
        }
    };
    String::from_utf8_lossy(found.before()).into_owned()
        + &String::from_utf8_lossy(found.get(0).unwrap())
}

/// As `keys`, waiting for a regular expression.
fn keys_until(session: &mut Session, keys: &str, pattern: &str) -> String {
    session.send(keys).unwrap();
    let found = session
        .expect(expectrl::Regex(pattern))
        .unwrap_or_else(|e| panic!("after {keys:?}, /{pattern}/ did not appear: {e}"));
    String::from_utf8_lossy(found.before()).into_owned()
        + &String::from_utf8_lossy(found.get(0).unwrap())
}

const DOWN: &str = "\x1b[B";
pub const ENTER: &str = "\r";
pub const CTRL_C: &str = "\x03";

#[test]
fn answer_comment_stop_resume_and_finish() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("svar.json");
    let mut s = spawn(
        dir.path(),
        &[
            "--region",
            "Region Testland",
            "--year",
            "2025",
            "--respondent",
            "Eva Ek",
            "--role",
            "CMIO",
            "--answers",
            "svar.json",
        ],
    );
    s.expect("Tryck Enter för att börja").unwrap();
    keys(&mut s, ENTER, "Område 1 av 11");
    // A digit answers at once; arrows and Enter answer too.
    keys(&mut s, "3", "Fråga 2 av");
    keys(&mut s, &format!("{DOWN}{DOWN}{ENTER}"), "Fråga 3 av");
    // A comment without leaving the question, then the answer.
    keys(&mut s, "k", "Kommentar");
    keys(
        &mut s,
        "Statistik från Inera\r",
        "Kommentar: Statistik från Inera",
    );
    keys(&mut s, "1", "Fråga 4 av");
    let stopped = keys(&mut s, CTRL_C, "mognad assess --answers svar.json");
    assert!(stopped.contains("Avbrutet. 3 av"), "{stopped}");
    let rest = {
        let found = s.expect(Eof).ok();
        found
            .map(|f| String::from_utf8_lossy(f.before()).into_owned())
            .unwrap_or_default()
    };
    assert_eq!(exit_code(&mut s), 130);
    let printed = stopped + &rest;
    let (shown, hidden) = (printed.rfind("\x1b[?25h"), printed.rfind("\x1b[?25l"));
    assert!(
        shown > hidden,
        "the cursor is visible at the end: {:?}",
        &printed[printed.len().saturating_sub(300)..]
    );

    let saved = answers_in(&file);
    assert_eq!(saved["region"], "Region Testland");
    assert_eq!(saved["respondents"][0]["role"], "CMIO");
    assert_eq!(saved["answers"]["a1-1"]["value"], 3);
    assert_eq!(saved["answers"]["a1-2"]["value"], 2);
    assert_eq!(saved["answers"]["a1-3"]["value"], 1);
    assert_eq!(saved["answers"]["a1-3"]["comment"], "Statistik från Inera");

    // Fill in everything but the last two questions, as if the team had gone on, and resume.
    let mut full = json(TIOPUNKT_2025);
    full["region"] = saved["region"].clone();
    for id in ["hinder-teknik", "hinder-kompetens"] {
        full["answers"].as_object_mut().unwrap().remove(id);
    }
    std::fs::write(&file, full.to_string()).unwrap();
    let mut s = spawn(dir.path(), &["--answers", "svar.json"]);
    keys(&mut s, "", "Område 11 av 11");
    keys(&mut s, "4", "Fråga 6 av 6");
    let review = keys(&mut s, "2", "Avsluta och visa resultatet");
    assert!(review.contains("Granskning"), "{review}");
    let done = keys(&mut s, ENTER, "Nästa steg");
    assert!(done.contains("Samlat index"), "{done}");
    assert_eq!(exit_code(&mut s), 0);
    let finished = answers_in(&file);
    assert_eq!(finished["answers"]["hinder-teknik"]["value"], 4);
    assert_eq!(finished["answers"]["hinder-kompetens"]["value"], 2);
    let out = Test::new().args(&["validate"]).arg(&file).success();
    assert!(out.stdout.contains("ok: "), "{}", out.stdout);
}

/// Runs `mognad assess` in a pseudo-terminal where it must refuse before asking anything:
/// exit 2 within seconds. Returns what it printed.
pub fn refused(dir: &Path, args: &[&str]) -> String {
    let start = Instant::now();
    let mut s = spawn(dir, args);
    let printed = rest(&mut s);
    assert_eq!(exit_code(&mut s), 2, "{printed}");
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "refused at once, not after {:?}",
        start.elapsed()
    );
    printed
}

/// Everything printed until the end.
pub fn rest(session: &mut Session) -> String {
    let found = session
        .expect(Eof)
        .unwrap_or_else(|e| panic!("mognad assess did not stop: {e}"));
    // The end matches all that was left unread.
    String::from_utf8_lossy(found.before()).into_owned()
        + &String::from_utf8_lossy(found.get(0).unwrap_or_default())
}

/// The names in a folder, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_second_interview_on_the_same_file_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("svar.json");
    let start = [
        "--region",
        "Region Testland",
        "--year",
        "2025",
        "--respondent",
        "Eva Ek",
        "--role",
        "CIO",
    ];
    let mut first = spawn(
        dir.path(),
        &[&start[..], &["--answers", "svar.json"]].concat(),
    );
    first.expect("Tryck Enter").unwrap();
    keys(&mut first, ENTER, "Fråga 1 av");
    let before = std::fs::read(&file).unwrap();

    // Named with `--answers`: refused before anything is shown.
    let second = refused(dir.path(), &["--answers", "svar.json"]);
    assert!(
        second.contains("fel: svarsfilen `svar.json` används redan av en annan intervju"),
        "{second}"
    );
    assert!(second.contains("tips: vänta tills"), "{second}");
    assert!(second.contains("`mognad merge`"), "{second}");
    assert!(!second.contains("Fråga"), "nothing asked: {second}");
    let second = refused(dir.path(), &["--lang", "en", "--answers", "svar.json"]);
    assert!(
        second.contains("error: answers file `svar.json` is in use by another interview"),
        "{second}"
    );
    // Left out, the same region and year lead to the same file, after the start screen.
    std::fs::rename(
        &file,
        dir.path().join("svar-tiopunkt-region-testland-2025.json"),
    )
    .unwrap();
    let mut second = spawn(dir.path(), &start);
    second.expect("Tryck Enter").unwrap();
    let printed = keys(&mut second, ENTER, "används redan av en annan intervju");
    assert!(
        printed.contains("svar-tiopunkt-region-testland-2025.json"),
        "{printed}"
    );
    assert_eq!(exit_code(&mut second), 2);
    std::fs::rename(
        dir.path().join("svar-tiopunkt-region-testland-2025.json"),
        &file,
    )
    .unwrap();
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the refused ones wrote nothing"
    );

    // The first goes on and saves as before.
    keys(&mut first, "3", "Fråga 2 av");
    assert_eq!(answers_in(&file)["answers"]["a1-1"]["value"], 3);
    keys(&mut first, "2", "Fråga 3 av");
    assert_eq!(answers_in(&file)["answers"]["a1-2"]["value"], 2);
    refused(dir.path(), &["--answers", "svar.json"]);
    keys(&mut first, CTRL_C, "mognad assess --answers svar.json");
    assert_eq!(exit_code(&mut first), 130);
    assert_eq!(names(dir.path()), ["svar.json"], "no lock file left");

    // Once it has ended, the file can be taken up again.
    let mut again = spawn(dir.path(), &["--answers", "svar.json"]);
    keys(&mut again, "", "Fråga 3 av");
    keys(&mut again, CTRL_C, "mognad assess --answers svar.json");
    assert_eq!(exit_code(&mut again), 130);
}

#[test]
fn sigkill_loses_nothing_answered() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("svar.json");
    let mut s = spawn(
        dir.path(),
        &[
            "--region",
            "Region Testland",
            "--year",
            "2025",
            "--respondent",
            "Eva Ek",
            "--role",
            "CIO",
            "--answers",
            "svar.json",
        ],
    );
    s.expect("Tryck Enter").unwrap();
    keys(&mut s, ENTER, "Fråga 1 av");
    keys(&mut s, "2", "Fråga 2 av");
    keys(&mut s, "v", "Fråga 3 av");
    keys(&mut s, "4", "Fråga 4 av");
    s.get_process_mut().kill(Signal::SIGKILL).unwrap();
    assert!(matches!(
        s.get_process().wait().unwrap(),
        WaitStatus::Signaled(_, Signal::SIGKILL, _)
    ));
    let saved = answers_in(&file);
    assert_eq!(saved["answers"]["a1-1"]["value"], 2);
    assert_eq!(saved["answers"]["a1-2"]["status"], "dont_know");
    assert_eq!(saved["answers"]["a1-3"]["value"], 4);
    // Killed while waiting for a key: no temporary file, and no lock file ever.
    assert_eq!(names(dir.path()), ["svar.json"]);

    // The lock went with the process: the file is resumed at once.
    let mut s = spawn(dir.path(), &["--answers", "svar.json"]);
    keys(&mut s, "", "Fråga 4 av");
    keys(&mut s, "1", "Fråga 5 av");
    keys(&mut s, CTRL_C, "mognad assess --answers svar.json");
    assert_eq!(exit_code(&mut s), 130);
    let saved = answers_in(&file);
    assert_eq!(saved["answers"]["a1-3"]["value"], 4);
    assert_eq!(saved["answers"]["a1-4"]["value"], 1);
    assert_eq!(names(dir.path()), ["svar.json"]);
}

#[test]
fn each_solution_gets_a_readiness_file_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let start = [
        "--questionnaire",
        "beredskap",
        "--region",
        "Region Testland",
        "--year",
        "2025",
        "--respondent",
        "Eva Ek",
        "--role",
        "CMIO",
    ];
    let begin = |solution: &str| {
        let mut s = spawn(dir.path(), &start);
        s.expect("Tryck Enter").unwrap();
        keys(&mut s, ENTER, "Lösningen som bedöms");
        keys(&mut s, &format!("{solution}{ENTER}"), "Målgruppen");
        s.send(format!("Patienter i primärvården{ENTER}")).unwrap();
        s
    };
    let answer_one = |mut s: Session| {
        keys(&mut s, "", "Fråga 1 av");
        keys(&mut s, "2", "Fråga 2 av");
        keys(&mut s, CTRL_C, "mognad assess --answers");
        assert_eq!(exit_code(&mut s), 130);
    };
    answer_one(begin("Digitala vårdmöten"));
    answer_one(begin("Distansmonitorering vid hjärtsvikt för vuxna"));
    let heart = "svar-beredskap-region-testland-distansmonitorering-vid-hjartsvikt-for-2025.json";
    assert_eq!(
        names(dir.path()),
        [
            "svar-beredskap-region-testland-digitala-vardmoten-2025.json",
            heart,
        ]
    );
    for (name, solution) in [
        (
            "svar-beredskap-region-testland-digitala-vardmoten-2025.json",
            "Digitala vårdmöten",
        ),
        (heart, "Distansmonitorering vid hjärtsvikt för vuxna"),
    ] {
        let saved = answers_in(&dir.path().join(name));
        assert_eq!(saved["solution"]["name"], solution, "{name}");
        assert_eq!(saved["answers"].as_object().unwrap().len(), 1, "{name}");
    }

    // The same solution again resumes its file.
    let mut s = begin("Digitala vårdmöten");
    keys(&mut s, "", "Fråga 2 av");
    keys(&mut s, CTRL_C, "mognad assess --answers");
    assert_eq!(exit_code(&mut s), 130);

    // Another solution whose name is cut to the same file name is not resumed as this one.
    let before = std::fs::read(dir.path().join(heart)).unwrap();
    let mut s = begin("Distansmonitorering vid hjärtsvikt för barn");
    let printed = rest(&mut s);
    assert_eq!(exit_code(&mut s), 2, "{printed}");
    let words = printed.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains(&format!(
            "fel: `{heart}` innehåller svar för lösningen `Distansmonitorering vid hjärtsvikt för vuxna`, inte `Distansmonitorering vid hjärtsvikt för barn`"
        )),
        "{words}"
    );
    assert!(
        words.contains("tips: de två lösningarnas namn ger samma filnamn: svara i en egen fil med `--answers FIL`"),
        "{words}"
    );
    assert_eq!(std::fs::read(dir.path().join(heart)).unwrap(), before);

    // A file named with `--answers` that another solution's answers got to first (here while
    // the solution was typed) is not resumed either.
    let mut s = spawn(
        dir.path(),
        &[&start[..], &["--answers", "egen.json"]].concat(),
    );
    s.expect("Tryck Enter").unwrap();
    keys(&mut s, ENTER, "Lösningen som bedöms");
    std::fs::copy(dir.path().join(heart), dir.path().join("egen.json")).unwrap();
    keys(&mut s, &format!("Digitala vårdmöten{ENTER}"), "Målgruppen");
    s.send(format!("Patienter{ENTER}")).unwrap();
    let words = rest(&mut s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(exit_code(&mut s), 2, "{words}");
    assert!(
        words.contains("fel: `egen.json` innehåller svar för lösningen `Distansmonitorering vid hjärtsvikt för vuxna`, inte `Digitala vårdmöten`"),
        "{words}"
    );
    assert!(
        words.contains("eller utelämna `--answers` för att få lösningens egen fil"),
        "{words}"
    );
    std::fs::remove_file(dir.path().join("egen.json")).unwrap();

    // Named with `--answers`, it gets a file of its own.
    let mut s = spawn(
        dir.path(),
        &[&start[..], &["--answers", "barn.json"]].concat(),
    );
    s.expect("Tryck Enter").unwrap();
    keys(&mut s, ENTER, "Lösningen som bedöms");
    keys(
        &mut s,
        &format!("Distansmonitorering vid hjärtsvikt för barn{ENTER}"),
        "Målgruppen",
    );
    s.send(format!("Barn{ENTER}")).unwrap();
    answer_one(s);
    assert_eq!(
        answers_in(&dir.path().join("barn.json"))["solution"]["name"],
        "Distansmonitorering vid hjärtsvikt för barn"
    );
    assert_eq!(names(dir.path()).len(), 3);
}

#[test]
fn unchanged_from_last_year_is_one_key_per_question() {
    let dir = tempfile::tempdir().unwrap();
    let previous = root().join(TIOPUNKT_2024);
    let mut s = spawn(
        dir.path(),
        &[
            "--year",
            "2025",
            "--respondent",
            "Eva Ek",
            "--role",
            "CIO",
            "--previous",
            previous.to_str().unwrap(),
            "--answers",
            "svar.json",
        ],
    );
    s.expect("Tryck Enter").unwrap();
    let mut presses = 0;
    keys(&mut s, ENTER, "Område 1 av 11");
    presses += 1;
    // Enter keeps last year's answer; each screen shows one more answered, until the review.
    for answered in 1.. {
        presses += 1;
        let screen = keys_until(&mut s, ENTER, &format!("· {answered} av |Granskning"));
        if screen.ends_with("Granskning") {
            break;
        }
        assert!(presses < 200, "the interview did not reach the review");
    }
    keys(&mut s, ENTER, "Nästa steg");
    presses += 1;
    assert_eq!(exit_code(&mut s), 0);
    let now = answers_in(&dir.path().join("svar.json"));
    let then = json(TIOPUNKT_2024);
    assert_eq!(now["region"], then["region"]);
    for (id, answer) in then["answers"].as_object().unwrap() {
        assert_eq!(now["answers"][id]["value"], answer["value"], "{id}");
        assert_eq!(now["answers"][id]["status"], answer["status"], "{id}");
    }
    let questions = then["answers"].as_object().unwrap().len();
    // One key per question, plus the start and the finish.
    assert_eq!(presses, questions + 2, "keys for an unchanged year");
}

#[test]
fn targets_are_set_from_the_review() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("svar.json");
    std::fs::copy(root().join(TIOPUNKT_2025), &file).unwrap();
    let previous = root().join(TIOPUNKT_2024);
    let mut s = spawn(
        dir.path(),
        &[
            "--answers",
            "svar.json",
            "--previous",
            previous.to_str().unwrap(),
        ],
    );
    // Every question is answered: the review comes first, with targets last among its choices.
    keys(&mut s, "", "Sätt mål för områdena");
    let screen = keys(&mut s, &format!("{DOWN}{DOWN}{ENTER}"), "Ctrl-C avbryt");
    assert!(screen.contains("Område 1 av 10"), "{screen}");
    assert!(
        screen.contains("Poäng i dag: 2,4 (nivå 2 Planerad)"),
        "{screen}"
    );
    assert!(screen.contains("3 Införd"), "the levels by name: {screen}");
    keys(&mut s, "3", "Område 2 av 10");
    // Enter keeps area 2 without a target; 4 for area 3; Esc back to the review.
    keys(&mut s, ENTER, "Område 3 av 10");
    keys(&mut s, "4", "Område 4 av 10");
    let review = keys(&mut s, "\x1b", "Sätt mål för områdena");
    assert!(review.contains("1 Nationell färdplan  (mål 3)"), "{review}");
    let done = keys(&mut s, ENTER, "Bedömningsmall");
    assert!(
        done.contains("Väg till"),
        "progress since last year: {done}"
    );
    assert!(
        done.contains("Nästa steg där det är längst kvar till målet"),
        "{done}"
    );
    assert_eq!(exit_code(&mut s), 0);
    assert_eq!(
        answers_in(&file)["targets"],
        serde_json::json!({"a1": 3, "a3": 4})
    );
}
