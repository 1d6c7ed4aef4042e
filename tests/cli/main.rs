//! Tests through the real binary, as a user runs it: hermetic (empty environment, no stdin,
//! a fixed `SOURCE_DATE_EPOCH`), from the project's root so paths read as in the README.

mod assess;
mod benchmark;
mod broken;
mod compare;
mod conditions;
mod conventions;
mod editions;
mod national_report;
mod own;
mod plain;
mod report;
mod safety;
mod score;
mod sheet;
mod targets;
mod team;
mod third;
mod validate;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// One run of `mognad`.
#[must_use]
pub struct Test {
    args: Vec<String>,
    env: Vec<(String, String)>,
    dir: PathBuf,
    stdin: Option<String>,
}

pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Default for Test {
    fn default() -> Self {
        Self::new()
    }
}

impl Test {
    pub fn new() -> Self {
        Test {
            args: Vec::new(),
            env: Vec::new(),
            dir: root(),
            stdin: None,
        }
    }

    pub fn args(mut self, args: &[&str]) -> Self {
        self.args.extend(args.iter().map(ToString::to_string));
        self
    }

    pub fn arg(mut self, arg: impl AsRef<Path>) -> Self {
        self.args.push(arg.as_ref().display().to_string());
        self
    }

    /// Runs in this folder instead of the project's root.
    pub fn dir(mut self, dir: &Path) -> Self {
        self.dir = dir.to_path_buf();
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.into(), value.into()));
        self
    }

    /// Gives this text as standard input, which is otherwise empty.
    pub fn stdin(mut self, text: &str) -> Self {
        self.stdin = Some(text.to_string());
        self
    }

    pub fn run(self) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mognad"))
            .args(&self.args)
            .env_clear()
            .env("NO_COLOR", "1")
            .env("SOURCE_DATE_EPOCH", "1760000000")
            .envs(self.env)
            .current_dir(&self.dir)
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("mognad runs");
        if let (Some(text), Some(mut input)) = (&self.stdin, child.stdin.take()) {
            use std::io::Write;
            // mognad may stop before reading it all; a closed pipe is then no failure here.
            let _ = input.write_all(text.as_bytes());
        }
        let output = child.wait_with_output().expect("mognad runs");
        let out = Output {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        };
        assert!(
            !out.stderr.contains("panicked"),
            "mognad {:?} panicked:\n{}",
            self.args,
            out.stderr
        );
        out
    }

    /// Runs and checks the exit code.
    pub fn code(self, expected: i32) -> Output {
        let args = self.args.clone();
        let out = self.run();
        assert_eq!(
            out.code, expected,
            "mognad {args:?} exited {}, not {expected}\nstdout:\n{}\nstderr:\n{}",
            out.code, out.stdout, out.stderr
        );
        out
    }

    pub fn success(self) -> Output {
        self.code(0)
    }
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub const TIOPUNKT_2024: &str = "examples/exempelland-tiopunkt-2024.json";
pub const TIOPUNKT_2025: &str = "examples/exempelland-tiopunkt-2025.json";
pub const BEREDSKAP_2025: &str = "examples/exempelland-beredskap-2025.json";

/// A file's JSON, to be changed into a broken copy.
pub fn json(path: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(root().join(path)).unwrap()).unwrap()
}

/// Writes text into a fresh temporary folder and returns the folder (kept alive) and path.
pub fn write(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

#[test]
fn version_and_help_work_for_every_command() {
    let out = Test::new().args(&["--version"]).success();
    assert!(out.stdout.starts_with("mognad "));
    for command in [
        "score",
        "compare",
        "validate",
        "questionnaires",
        "schema",
        "merge",
    ] {
        let sv = Test::new().args(&[command, "--help"]).success();
        assert!(
            sv.stdout.contains("Användning: mognad"),
            "{command} --help:\n{}",
            sv.stdout
        );
        assert!(
            sv.stdout.contains("Visa hjälpen"),
            "{command} --help:\n{}",
            sv.stdout
        );
        assert!(
            !sv.stdout.contains("Print help"),
            "{command} --help:\n{}",
            sv.stdout
        );
        let en = Test::new()
            .args(&["--lang", "en", command, "--help"])
            .success();
        assert!(
            en.stdout.contains("Usage: mognad"),
            "{command} --help:\n{}",
            en.stdout
        );
        let en = Test::new()
            .env("MOGNAD_LANG", "en")
            .args(&[command, "-h"])
            .success();
        assert!(
            en.stdout.contains("Print help"),
            "{command} -h:\n{}",
            en.stdout
        );
    }
    let out = Test::new().args(&["--help"]).success();
    for word in [
        "Kommandon:",
        "Poängsätt en svarsfil",
        "Slutkoder: 0 klart",
        "[standard: sv]",
    ] {
        assert!(
            out.stdout.contains(word),
            "missing {word:?}:\n{}",
            out.stdout
        );
    }
}

#[test]
fn bad_usage_exits_2() {
    let out = Test::new().args(&["score"]).code(2);
    assert!(out.stderr.contains("ANSWERS"), "{}", out.stderr);
    Test::new()
        .args(&["score", "x.json", "--format", "pdf"])
        .code(2);
    Test::new()
        .args(&["--lang", "de", "questionnaires"])
        .code(2);
}

#[test]
fn questionnaires_lists_the_built_ins_with_hashes() {
    let out = Test::new().args(&["questionnaires"]).success();
    assert!(
        out.stdout.contains("tiopunkt  2025.1  10-punktslistan"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("beredskap  2025.1  Beredskap att skala upp"),
        "{}",
        out.stdout
    );
    let json: serde_json::Value = serde_json::from_str(
        &Test::new()
            .args(&["questionnaires", "--format", "json", "--lang", "en"])
            .success()
            .stdout,
    )
    .unwrap();
    let list = json.as_array().unwrap();
    assert_eq!(list.len(), mognad::builtin::EDITIONS.len());
    for entry in list {
        assert!(entry["hash"].as_str().unwrap().starts_with("sha256:"));
        assert!(entry["questions"].as_u64().unwrap() > 20);
    }
    assert_eq!(
        list[0]["title"],
        "The ten-point list for national digital infrastructure"
    );
}

#[test]
fn the_published_schemas_are_the_generated_ones() {
    for kind in [
        "questionnaire",
        "rubric",
        "answers",
        "published",
        "national",
        "targets",
        "national-report",
    ] {
        let generated = Test::new().args(&["schema", kind]).success().stdout;
        let path = root().join(format!("docs/schemas/{kind}.schema.json"));
        if std::env::var_os("MOGNAD_UPDATE_SCHEMAS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let published = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            published == generated,
            "{} is out of date: run `MOGNAD_UPDATE_SCHEMAS=1 cargo test --test cli schemas`",
            path.display()
        );
    }
}
