//! `mognad assess`: without a terminal it never hangs; in a pseudo-terminal it is driven with
//! keys as a person would, the screen read through a terminal emulator (`vt100`) as a team on
//! a projector sees it, stopped with Ctrl-C and killed with SIGKILL, and the answers file is
//! checked after each.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::process::unix::{Signal, WaitStatus};
use expectrl::session::OsSession as Session;

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

/// `mognad assess` in a pseudo-terminal, its screen kept by a terminal emulator.
pub struct Pty {
    session: Session,
    parser: vt100::Parser,
    ended: bool,
}

/// Text with its whitespace made single spaces, as it reads across wrapped lines and the
/// frames of panels.
pub fn words(text: &str) -> String {
    text.replace(['│', '┌', '┐', '└', '┘', '─'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Pty {
    /// Reads what is there to read into the screen; `false` once the program has ended.
    fn pump(&mut self) -> bool {
        let mut buffer = [0u8; 8192];
        loop {
            match self.session.try_read(&mut buffer) {
                Ok(0) => {
                    self.ended = true;
                    return false;
                }
                Ok(n) => self.parser.process(&buffer[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return true,
                Err(_) => {
                    self.ended = true;
                    return false;
                }
            }
        }
    }

    /// The screen as shown, one line per row.
    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    pub fn send(&mut self, keys: &str) {
        use std::io::Write as _;
        self.session.write_all(keys.as_bytes()).unwrap();
        self.session.flush().unwrap();
    }

    /// Waits until the screen shows `text` (across wrapped lines) and returns the screen.
    pub fn until(&mut self, text: &str) -> String {
        let start = Instant::now();
        let wanted = words(text);
        loop {
            let running = self.pump();
            let screen = self.screen();
            if words(&screen).contains(&wanted) {
                return screen;
            }
            if !running || start.elapsed() > Duration::from_secs(20) {
                let _ = self.session.get_process_mut().kill(Signal::SIGKILL);
                panic!("{text:?} did not appear; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until the screen no longer shows `text` and returns the screen.
    pub fn until_gone(&mut self, text: &str) -> String {
        let start = Instant::now();
        let gone = words(text);
        loop {
            let running = self.pump();
            let screen = self.screen();
            if !words(&screen).contains(&gone) {
                return screen;
            }
            if !running || start.elapsed() > Duration::from_secs(20) {
                let _ = self.session.get_process_mut().kill(Signal::SIGKILL);
                panic!("{text:?} stayed; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
        self.session
            .get_process_mut()
            .set_window_size(cols, rows)
            .unwrap();
    }

    /// Whether the cursor is hidden now.
    pub fn cursor_hidden(&self) -> bool {
        self.parser.screen().hide_cursor()
    }

    pub fn kill(&mut self) {
        self.session
            .get_process_mut()
            .kill(Signal::SIGKILL)
            .unwrap();
        assert!(matches!(
            self.session.get_process().wait().unwrap(),
            WaitStatus::Signaled(_, Signal::SIGKILL, _)
        ));
    }
}

fn nonzero(n: u16) -> std::num::NonZero<u16> {
    std::num::NonZero::new(n).expect("a terminal has rows and columns")
}

/// `mognad assess` in a pseudo-terminal of 80 × 24, in an empty environment.
pub fn spawn(dir: &Path, args: &[&str]) -> Pty {
    spawn_sized(dir, args, (80, 24))
}

pub fn spawn_sized(dir: &Path, args: &[&str], (cols, rows): (u16, u16)) -> Pty {
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
    session
        .get_process_mut()
        .set_window_size(cols, rows)
        .unwrap();
    Pty {
        session,
        parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
        ended: false,
    }
}

/// Waits for the program to end and returns its exit code.
pub fn exit_code(pty: &mut Pty) -> i32 {
    let start = Instant::now();
    while pty.pump() && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(10));
    }
    match pty.session.get_process().wait().unwrap() {
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

/// Sends keys and waits until the screen shows `then`; returns the screen.
pub fn keys(pty: &mut Pty, keys: &str, then: &str) -> String {
    pty.send(keys);
    pty.until(then)
}

const DOWN: &str = "\x1b[B";
pub const ENTER: &str = "\r";
pub const CTRL_C: &str = "\x03";
const ESC: &str = "\x1b";

/// The screen once the program has ended: what it printed after giving the terminal back.
pub fn rest(pty: &mut Pty) -> String {
    let start = Instant::now();
    while pty.pump() && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(pty.ended, "mognad assess did not stop:\n{}", pty.screen());
    pty.screen()
}

/// Runs `mognad assess` in a pseudo-terminal where it must refuse before asking anything:
/// exit 2 within seconds. Returns what it printed.
pub fn refused(dir: &Path, args: &[&str]) -> String {
    let start = Instant::now();
    let mut s = spawn_sized(dir, args, (120, 30));
    let printed = rest(&mut s);
    assert_eq!(exit_code(&mut s), 2, "{printed}");
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "refused at once, not after {:?}",
        start.elapsed()
    );
    printed
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

/// The edition the 2025 examples answered: these interviews follow its questions.
const EDITION_2025: [&str; 2] = ["--questionnaire", "tiopunkt@2025.1"];

const TESTLAND: [&str; 8] = [
    "--region",
    "Region Testland",
    "--year",
    "2025",
    "--respondent",
    "Eva Ek",
    "--role",
    "CMIO",
];

fn tiopunkt() -> mognad::questionnaire::Questionnaire {
    mognad::builtin::questionnaire_at("tiopunkt", "2025.1")
        .unwrap()
        .unwrap()
}

#[test]
fn answer_comment_stop_resume_and_finish() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("svar.json");
    let mut s = spawn(
        dir.path(),
        &[
            &EDITION_2025[..],
            &TESTLAND[..],
            &["--answers", "svar.json"],
        ]
        .concat(),
    );
    s.until("Tryck Enter för att börja");
    keys(&mut s, ENTER, "Område 1/11 · 1.1 ·");
    // A digit answers at once; so do the arrows and Enter, from no choice at all.
    keys(&mut s, "3", "· 1.2 ·");
    keys(&mut s, &format!("{DOWN}{DOWN}{ENTER}"), "· 1.3 ·");
    // A comment without leaving the question, kept at once, then the answer.
    keys(&mut s, "k", "Kommentar till 1.3");
    keys(
        &mut s,
        "Statistik från Inera\r",
        "Kommentar: Statistik från Inera",
    );
    assert_eq!(
        answers_in(&file)["drafts"]["a1-3"],
        "Statistik från Inera",
        "saved before the answer"
    );
    keys(&mut s, "1", "· 1.4 ·");
    keys(&mut s, CTRL_C, "mognad assess --answers svar.json");
    let stopped = words(&s.screen());
    assert!(stopped.contains("Avbrutet. 3 av"), "{stopped}");
    assert_eq!(exit_code(&mut s), 130);
    assert!(!s.cursor_hidden(), "the cursor is shown again");

    let saved = answers_in(&file);
    assert_eq!(saved["region"], "Region Testland");
    assert_eq!(saved["respondents"][0]["role"], "CMIO");
    assert_eq!(saved["answers"]["a1-1"]["value"], 3);
    assert_eq!(saved["answers"]["a1-2"]["value"], 1);
    assert_eq!(saved["answers"]["a1-3"]["value"], 1);
    assert_eq!(saved["answers"]["a1-3"]["comment"], "Statistik från Inera");
    assert_eq!(saved.get("drafts"), None);
    assert_eq!(saved["position"], "a1-4", "where it stopped");

    // Resumed, it goes on where it stopped and says so.
    let mut s = spawn(dir.path(), &["--answers", "svar.json"]);
    s.until("Fortsätter vid 1.4 · 3 av");
    keys(&mut s, CTRL_C, "mognad assess --answers svar.json");
    assert_eq!(exit_code(&mut s), 130);

    // Fill in everything but the last two questions, as if the team had gone on, and resume.
    let mut full = json(TIOPUNKT_2025);
    full["region"] = saved["region"].clone();
    for id in ["hinder-teknik", "hinder-kompetens"] {
        full["answers"].as_object_mut().unwrap().remove(id);
    }
    std::fs::write(&file, full.to_string()).unwrap();
    let q = tiopunkt();
    let (teknik, kompetens) = (
        q.number("hinder-teknik").unwrap(),
        q.number("hinder-kompetens").unwrap(),
    );
    let mut s = spawn(dir.path(), &["--answers", "svar.json"]);
    s.until(&format!("Fortsätter vid {teknik}"));
    keys(&mut s, "4", &format!("· {kompetens} ·"));
    let review = keys(&mut s, "2", "Granskning");
    assert!(words(&review).contains("0 öppna"), "{review}");
    keys(&mut s, "a", "Nästa steg");
    let done = words(&s.screen());
    assert!(done.contains("Samlat index"), "{done}");
    assert_eq!(exit_code(&mut s), 0);
    let finished = answers_in(&file);
    assert_eq!(finished["answers"]["hinder-teknik"]["value"], 4);
    assert_eq!(finished["answers"]["hinder-kompetens"]["value"], 2);
    assert_eq!(
        finished.get("position"),
        None,
        "a finished file is not resumed"
    );
    let out = Test::new().args(&["validate"]).arg(&file).success();
    assert!(out.stdout.contains("ok: "), "{}", out.stdout);
}

#[test]
fn the_first_area_at_80_by_24_keeps_every_question_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let q = tiopunkt();
    let mut s = spawn(
        dir.path(),
        &[
            &EDITION_2025[..],
            &TESTLAND[..],
            &["--answers", "svar.json"],
        ]
        .concat(),
    );
    s.until("Tryck Enter för att börja");
    s.send(ENTER);
    let area = &q.areas[0];
    for (i, question) in area.questions.iter().enumerate() {
        let number = format!("1.{}", i + 1);
        s.until(&format!("· {number} ·"));
        let screen = s.until(&format!(
            "{number} {}",
            question.text.get(mognad::lang::Lang::Sv)
        ));
        assert!(
            words(&screen).contains(&format!("1 {}", area.title.get(mognad::lang::Lang::Sv))),
            "{screen}"
        );
        assert!(
            screen.contains("Ctrl-C avbryt"),
            "the keys are in view: {screen}"
        );
        for line in screen.lines() {
            assert!(line.chars().count() <= 80, "{line}");
        }
        s.send(
            if question.kind == mognad::questionnaire::QuestionKind::YesNo {
                "j"
            } else {
                "2"
            },
        );
    }
    s.until("Område 2/11");
    // A window made too small says how large it must be, and the question comes back.
    s.resize(70, 20);
    s.until("Fönstret är 70×20 tecken. Intervjun behöver minst 80×24");
    s.resize(80, 24);
    s.until("Område 2/11");
    keys(&mut s, CTRL_C, "mognad assess --answers svar.json");
    assert_eq!(exit_code(&mut s), 130);
}

#[test]
fn a_long_comment_is_saved_exactly_as_shown_and_a_stop_keeps_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("svar.json");
    let mut s = spawn(
        dir.path(),
        &[
            &EDITION_2025[..],
            &TESTLAND[..],
            &["--answers", "svar.json"],
        ]
        .concat(),
    );
    s.until("Tryck Enter för att börja");
    keys(&mut s, ENTER, "· 1.1 ·");
    // 170 characters with å, ä and ö: two lines and more in the editor at 80 columns.
    let typed = "Vi behöver statistik från Inera om användningen per förvaltning, och en ägare för varje tjänst; i dag är det oklart vem som äger vad i förvaltningsmodellen för SDK.";
    assert!(typed.chars().count() >= 160, "{}", typed.chars().count());
    keys(&mut s, "k", "Kommentar till 1.1");
    keys(&mut s, typed, "förvaltningsmodellen för SDK.");
    // Backspace across the wrap, and type the end again with another word.
    let cut = 70;
    let head: String = typed.chars().take(typed.chars().count() - cut).collect();
    let tail: String = typed.chars().skip(typed.chars().count() - cut).collect();
    let changed = tail.replace("oklart", "otydligt");
    s.send(&"\x7f".repeat(cut));
    // What was deleted is gone from the screen, across the wrap, and the rest stays.
    let shown = s.until_gone("vem som äger");
    assert!(words(&shown).contains(&words(&head)), "{shown}");
    assert!(!words(&shown).contains("förvaltningsmodellen"), "{shown}");
    keys(&mut s, &changed, "förvaltningsmodellen för SDK.");
    let expected = format!("{head}{changed}");
    let editor = s.screen();
    assert!(words(&editor).contains(&words(&expected)), "{editor}");
    keys(&mut s, ENTER, "Kommentar: Vi behöver");
    keys(&mut s, "3", "· 1.2 ·");
    assert_eq!(
        answers_in(&file)["answers"]["a1-1"]["comment"],
        expected.as_str(),
        "the file holds exactly what was shown"
    );

    // Ctrl-C while a comment is written keeps it, and says so.
    keys(&mut s, "k", "Kommentar till 1.2");
    keys(&mut s, "Utkast: åäö ÅÄÖ", "Utkast: åäö ÅÄÖ");
    s.send(CTRL_C);
    let stopped = words(&rest(&mut s));
    assert!(
        stopped.contains("Kommentaren ni skrev vid 1.2 är sparad och öppnas igen nästa gång"),
        "{stopped}"
    );
    assert_eq!(exit_code(&mut s), 130);
    let saved = answers_in(&file);
    assert_eq!(saved["drafts"]["a1-2"], "Utkast: åäö ÅÄÖ");
    // The next run opens at the question with the draft.
    let mut s = spawn(dir.path(), &["--answers", "svar.json"]);
    s.until("Kommentar: Utkast: åäö ÅÄÖ");
    keys(&mut s, "2", "· 1.3 ·");
    keys(&mut s, CTRL_C, "mognad assess --answers svar.json");
    assert_eq!(exit_code(&mut s), 130);
    let saved = answers_in(&file);
    assert_eq!(saved["answers"]["a1-2"]["comment"], "Utkast: åäö ÅÄÖ");
    assert_eq!(saved.get("drafts"), None);
}

#[test]
fn a_second_interview_on_the_same_file_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("svar.json");
    let mut first = spawn(
        dir.path(),
        &[
            &EDITION_2025[..],
            &TESTLAND[..],
            &["--answers", "svar.json"],
        ]
        .concat(),
    );
    first.until("Tryck Enter");
    keys(&mut first, ENTER, "· 1.1 ·");
    let before = std::fs::read(&file).unwrap();

    // Named with `--answers`: refused before anything is shown.
    let second = words(&refused(dir.path(), &["--answers", "svar.json"]));
    assert!(
        second.contains("fel: svarsfilen `svar.json` används redan av en annan intervju"),
        "{second}"
    );
    assert!(second.contains("tips: vänta tills"), "{second}");
    assert!(second.contains("`mognad merge`"), "{second}");
    assert!(!second.contains("Område"), "nothing asked: {second}");
    let second = words(&refused(
        dir.path(),
        &["--lang", "en", "--answers", "svar.json"],
    ));
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
    let mut second = spawn_sized(
        dir.path(),
        &[&EDITION_2025[..], &TESTLAND[..]].concat(),
        (120, 30),
    );
    second.until("Tryck Enter");
    second.send(ENTER);
    let printed = words(&rest(&mut second));
    assert!(
        printed.contains("används redan av en annan intervju"),
        "{printed}"
    );
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
    keys(&mut first, "3", "· 1.2 ·");
    assert_eq!(answers_in(&file)["answers"]["a1-1"]["value"], 3);
    keys(&mut first, "2", "· 1.3 ·");
    assert_eq!(answers_in(&file)["answers"]["a1-2"]["value"], 2);
    refused(dir.path(), &["--answers", "svar.json"]);
    keys(&mut first, CTRL_C, "mognad assess --answers svar.json");
    assert_eq!(exit_code(&mut first), 130);
    assert_eq!(names(dir.path()), ["svar.json"], "no lock file left");

    // Once it has ended, the file can be taken up again.
    let mut again = spawn(dir.path(), &["--answers", "svar.json"]);
    again.until("Fortsätter vid 1.3");
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
            &EDITION_2025[..],
            &TESTLAND[..],
            &["--answers", "svar.json"],
        ]
        .concat(),
    );
    s.until("Tryck Enter");
    keys(&mut s, ENTER, "· 1.1 ·");
    keys(&mut s, "2", "· 1.2 ·");
    keys(&mut s, "v", "· 1.3 ·");
    keys(&mut s, "4", "· 1.4 ·");
    keys(&mut s, "k", "Kommentar till 1.4");
    keys(&mut s, "hållen\r", "Kommentar: hållen");
    s.kill();
    let saved = answers_in(&file);
    assert_eq!(saved["answers"]["a1-1"]["value"], 2);
    assert_eq!(saved["answers"]["a1-2"]["status"], "dont_know");
    assert_eq!(saved["answers"]["a1-3"]["value"], 4);
    assert_eq!(
        saved["drafts"]["a1-4"], "hållen",
        "a kept comment is saved at once"
    );
    // Killed while waiting for a key: no temporary file, and no lock file ever.
    assert_eq!(names(dir.path()), ["svar.json"]);

    // The lock went with the process: the file is resumed at once.
    let mut s = spawn(dir.path(), &["--answers", "svar.json"]);
    s.until("Fortsätter vid 1.4");
    keys(&mut s, "1", "· 1.5 ·");
    keys(&mut s, CTRL_C, "mognad assess --answers svar.json");
    assert_eq!(exit_code(&mut s), 130);
    let saved = answers_in(&file);
    assert_eq!(saved["answers"]["a1-3"]["value"], 4);
    assert_eq!(saved["answers"]["a1-4"]["value"], 1);
    assert_eq!(saved["answers"]["a1-4"]["comment"], "hållen");
    assert_eq!(names(dir.path()), ["svar.json"]);
}

#[test]
fn each_solution_gets_a_readiness_file_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let start = [&["--questionnaire", "beredskap"][..], &TESTLAND[..]].concat();
    let begin = |solution: &str| {
        let mut s = spawn(dir.path(), &start);
        s.until("Tryck Enter");
        keys(&mut s, ENTER, "Lösningen som bedöms");
        keys(&mut s, &format!("{solution}{ENTER}"), "Målgruppen");
        s.send(&format!("Patienter i primärvården{ENTER}"));
        s
    };
    let answer_one = |mut s: Pty| {
        s.until("· 1.1 ·");
        keys(&mut s, "2", "· 1.2 ·");
        keys(&mut s, CTRL_C, "mognad assess --answers");
        assert_eq!(exit_code(&mut s), 130);
    };
    answer_one(begin("Digitala vårdmöten"));
    // Starting another, the first screen lists the solutions answered here.
    let mut s = spawn(dir.path(), &start);
    s.until("Lösningar som redan har svar här");
    s.until("Digitala vårdmöten (Region Testland 2025)");
    keys(&mut s, CTRL_C, "");
    assert_eq!(exit_code(&mut s), 130);
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
    s.until("Fortsätter vid 1.2");
    keys(&mut s, CTRL_C, "mognad assess --answers");
    assert_eq!(exit_code(&mut s), 130);

    // Another solution whose name is cut to the same file name is not resumed as this one.
    let before = std::fs::read(dir.path().join(heart)).unwrap();
    let mut s = begin("Distansmonitorering vid hjärtsvikt för barn");
    let printed = words(&rest(&mut s));
    assert_eq!(exit_code(&mut s), 2, "{printed}");
    assert!(
        printed.contains(&format!(
            "fel: `{heart}` innehåller svar för lösningen `Distansmonitorering vid hjärtsvikt för vuxna`, inte `Distansmonitorering vid hjärtsvikt för barn`"
        )),
        "{printed}"
    );
    assert!(
        printed.contains("tips: de två lösningarnas namn ger samma filnamn: svara i en egen fil med `--answers FIL`"),
        "{printed}"
    );
    assert_eq!(std::fs::read(dir.path().join(heart)).unwrap(), before);

    // Named with `--answers`, it gets a file of its own.
    let mut s = spawn(
        dir.path(),
        &[&start[..], &["--answers", "barn.json"]].concat(),
    );
    s.until("Tryck Enter");
    keys(&mut s, ENTER, "Lösningen som bedöms");
    keys(
        &mut s,
        &format!("Distansmonitorering vid hjärtsvikt för barn{ENTER}"),
        "Målgruppen",
    );
    s.send(&format!("Barn{ENTER}"));
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
            "--questionnaire",
            "tiopunkt@2025.1",
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
    s.until("Tryck Enter");
    let mut presses = 1;
    keys(&mut s, ENTER, "· 1.1 ·");
    // Enter keeps last year's answer; each screen shows one more answered, until the review.
    for answered in 1.. {
        presses += 1;
        s.send(ENTER);
        let start = Instant::now();
        loop {
            s.pump();
            let screen = words(&s.screen());
            if screen.contains(&format!("{answered} av ")) && screen.contains("besvarade") {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "{screen}");
            std::thread::sleep(Duration::from_millis(5));
        }
        if s.screen().contains("Granskning") {
            break;
        }
        assert!(presses < 200, "the interview did not reach the review");
    }
    keys(&mut s, "a", "Nästa steg");
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
    // Every question is answered: the review comes first, with the key for targets.
    s.until("t mål");
    let screen = keys(&mut s, "t", "Område 1 av 10");
    assert!(
        words(&screen).contains("Poäng i dag: 2,4 (nivå 2 Planerad)"),
        "{screen}"
    );
    assert!(screen.contains("3  Införd"), "the levels by name: {screen}");
    keys(&mut s, "3", "Område 2 av 10");
    // Enter keeps area 2 without a target; 4 for area 3; Esc back to the review.
    keys(&mut s, ENTER, "Område 3 av 10");
    keys(&mut s, "4", "Område 4 av 10");
    let review = keys(&mut s, ESC, "1 Nationell färdplan · mål 3");
    assert!(review.contains("Granskning"), "{review}");
    keys(&mut s, "a", "Nästa steg");
    let done = words(&s.screen());
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
