//! Data safety around good files: no command writes over a file it reads or a file of another
//! kind unasked, a file rewritten keeps its mode, temporary files of interrupted writes are
//! cleared away, and nothing a file holds can drive the terminal.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::{TIOPUNKT_2024, TIOPUNKT_2025, Test, root};

const CIO: &str = "examples/team/svar-tiopunkt-2025-cio.json";
const CMIO: &str = "examples/team/svar-tiopunkt-2025-cmio.json";

/// A copy of an example file in a folder.
fn copy(dir: &Path, from: &str, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(root().join(from), &path).unwrap();
    path
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Issue 11, defect 1: `mognad report a.json -o a.json` turned the answers into a PDF.
#[test]
fn report_never_writes_over_its_own_answers() {
    let dir = tempfile::tempdir().unwrap();
    let a = copy(dir.path(), TIOPUNKT_2025, "a.json");
    let before = std::fs::read(&a).unwrap();
    for force in [false, true] {
        let mut test = Test::new()
            .dir(dir.path())
            .args(&["--lang", "en", "report", "a.json", "-o", "a.json"]);
        if force {
            test = test.args(&["--force"]);
        }
        let err = test.code(2).stderr;
        assert!(
            err.contains("`a.json` is one of the files this command reads"),
            "{err}"
        );
        assert!(err.contains("-o FILE"), "{err}");
        assert_eq!(std::fs::read(&a).unwrap(), before);
    }
    // Nor a file given with `--previous`, in Swedish.
    let old = copy(dir.path(), TIOPUNKT_2024, "old.json");
    let err = Test::new()
        .dir(dir.path())
        .args(&[
            "report",
            "a.json",
            "--previous",
            "old.json",
            "-o",
            "old.json",
        ])
        .code(2)
        .stderr;
    assert!(err.contains("en av filerna som kommandot läser"), "{err}");
    assert!(
        std::fs::read_to_string(&old)
            .unwrap()
            .contains("mognad.answers/1")
    );
    assert_eq!(crate::assess::names(dir.path()), ["a.json", "old.json"]);
}

#[test]
fn report_writes_over_a_pdf_and_another_kind_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    copy(dir.path(), TIOPUNKT_2025, "a.json");
    let other = copy(dir.path(), CIO, "cio.json");
    let err = Test::new()
        .dir(dir.path())
        .args(&["--lang", "en", "report", "a.json", "-o", "cio.json"])
        .code(2)
        .stderr;
    assert!(
        err.contains("`cio.json` is an answers file, and it is not replaced by the PDF"),
        "{err}"
    );
    assert!(err.contains("--force"), "{err}");
    std::fs::write(dir.path().join("notes.txt"), "anteckningar").unwrap();
    let err = Test::new()
        .dir(dir.path())
        .args(&["report", "a.json", "-o", "notes.txt"])
        .code(2)
        .stderr;
    assert!(
        err.contains(
            "`notes.txt` är en fil av ett annat slag, och den skrivs inte över med PDF-filen"
        ),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        "anteckningar"
    );
    // A PDF is replaced by a PDF; `--force` replaces the rest.
    Test::new()
        .dir(dir.path())
        .args(&["report", "a.json", "-o", "p.pdf"])
        .success();
    Test::new()
        .dir(dir.path())
        .args(&["report", "a.json", "-o", "p.pdf"])
        .success();
    Test::new()
        .dir(dir.path())
        .args(&["report", "a.json", "--force", "-o", "cio.json"])
        .success();
    assert!(std::fs::read(&other).unwrap().starts_with(b"%PDF-"));
}

/// Issue 11, defect 2: `mognad benchmark nat -o nat/svar-…-2025.json` replaced an input.
#[test]
fn benchmark_never_writes_over_its_inputs_and_only_over_a_reference() {
    let dir = tempfile::tempdir().unwrap();
    let nat = dir.path().join("nat");
    std::fs::create_dir(&nat).unwrap();
    for entry in std::fs::read_dir(root().join("examples/nation")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, nat.join(path.file_name().unwrap())).unwrap();
    }
    let first = crate::assess::names(&nat)
        .into_iter()
        .find(|n| n.contains("2025"))
        .unwrap();
    let input = nat.join(&first);
    let before = std::fs::read(&input).unwrap();
    for force in [false, true] {
        let mut test =
            Test::new()
                .dir(dir.path())
                .args(&["--lang", "en", "benchmark", "nat", "-o"]);
        test = test.arg(Path::new("nat").join(&first));
        if force {
            test = test.args(&["--force"]);
        }
        let err = test.code(2).stderr;
        assert!(
            err.contains("is one of the files this command reads"),
            "{err}"
        );
        assert_eq!(std::fs::read(&input).unwrap(), before);
    }
    let a = copy(dir.path(), TIOPUNKT_2025, "a.json");
    let err = Test::new()
        .dir(dir.path())
        .args(&["--lang", "en", "benchmark", "nat", "-o", "a.json"])
        .code(2)
        .stderr;
    assert!(
        err.contains(
            "`a.json` is an answers file, and it is not replaced by the national reference"
        ),
        "{err}"
    );
    assert!(
        std::fs::read_to_string(&a)
            .unwrap()
            .contains("mognad.answers/1")
    );
    Test::new()
        .dir(dir.path())
        .args(&["benchmark", "nat", "-o", "ref.json"])
        .success();
    Test::new()
        .dir(dir.path())
        .args(&["benchmark", "nat", "-o", "ref.json"])
        .success();
}

/// Issue 11, defect 3: a rewritten file became 644 whatever it was before.
#[test]
fn a_600_file_stays_600_after_every_command_that_rewrites_it() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| Test::new().dir(dir.path()).args(args).success();

    let team = dir.path().join("team.json");
    std::fs::write(&team, "{}").unwrap();
    set_mode(&team, 0o600);
    let team_args = [
        "merge".to_string(),
        root().join(CIO).display().to_string(),
        root().join(CMIO).display().to_string(),
        "--force".into(),
        "-o".into(),
        "team.json".into(),
    ];
    let team_args: Vec<&str> = team_args.iter().map(String::as_str).collect();
    run(&team_args);
    assert_eq!(mode(&team), 0o600, "merge --force");

    let sheet = dir.path().join("blad.csv");
    run(&[
        "template",
        "--region",
        "Region Exempelland",
        "--year",
        "2025",
        "-o",
        "blad.csv",
    ]);
    set_mode(&sheet, 0o600);
    run(&["template", "--force", "-o", "blad.csv"]);
    assert_eq!(mode(&sheet), 0o600, "template --force");

    run(&[
        "template",
        "--region",
        "Region Exempelland",
        "--year",
        "2025",
        "-o",
        "ifylld.csv",
    ]);
    let svar = copy(dir.path(), TIOPUNKT_2025, "svar.json");
    set_mode(&svar, 0o640);
    run(&["import", "ifylld.csv", "--force", "-o", "svar.json"]);
    assert_eq!(mode(&svar), 0o640, "import --force");

    let pdf = dir.path().join("p.pdf");
    run(&["report", "svar.json", "-o", "p.pdf"]);
    set_mode(&pdf, 0o600);
    run(&["report", "svar.json", "-o", "p.pdf"]);
    assert_eq!(mode(&pdf), 0o600, "report");

    let reference = dir.path().join("ref.json");
    let nation = root().join("examples/nation").display().to_string();
    run(&["benchmark", &nation, "-o", "ref.json"]);
    set_mode(&reference, 0o600);
    run(&["benchmark", &nation, "-o", "ref.json"]);
    assert_eq!(mode(&reference), 0o600, "benchmark");

    // An interview saves after the answer; the file keeps its mode.
    let interview = copy(dir.path(), TIOPUNKT_2025, "intervju.json");
    set_mode(&interview, 0o600);
    let before = std::fs::read(&interview).unwrap();
    Test::new()
        .dir(dir.path())
        .args(&["assess", "--plain", "--answers", "intervju.json"])
        .stdin("1\n")
        .code(130);
    assert_ne!(
        std::fs::read(&interview).unwrap(),
        before,
        "the interview saved"
    );
    assert_eq!(mode(&interview), 0o600, "assess");
}

/// Issue 11, defect 6: temporary files of interrupted writes stayed beside the target.
#[test]
fn an_interrupted_write_leaves_no_temporary_after_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    copy(dir.path(), TIOPUNKT_2025, "a.json");
    // What a write killed midway leaves: a temporary file beside the target, a while ago.
    let stale = dir.path().join(".mognad-Ab12Cd");
    std::fs::write(&stale, b"%PDF-1.7 halv").unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_mins(5);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let err = Test::new()
        .dir(dir.path())
        .args(&["--lang", "en", "report", "a.json", "-o", "p.pdf"])
        .success()
        .stderr;
    assert!(
        err.contains("Removed `./.mognad-Ab12Cd`, a temporary file left by an interrupted write."),
        "{err}"
    );
    assert_eq!(crate::assess::names(dir.path()), ["a.json", "p.pdf"]);
}

const ESC: char = '\u{1b}';
/// A region name that would retitle the terminal and clear it.
const REGION: &str = "Region \u{1b}]0;kapad\u{7}Exempelland\u{1b}[2J";
/// A comment that would colour the rest red and turn it around.
const COMMENT: &str = "Klart \u{1b}[31mröd\u{202e}text";

/// An example answers file with the region and a comment changed.
fn escaped(
    dir: &Path,
    from: &str,
    name: &str,
    change: impl FnOnce(&mut serde_json::Value),
) -> PathBuf {
    let mut value = crate::json(from);
    value["region"] = REGION.into();
    let answers = value["answers"].as_object_mut().unwrap();
    for answer in answers.values_mut() {
        answer["comment"] = COMMENT.into();
    }
    change(&mut value);
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    path
}

/// Nothing the terminal would act on, and the escape shown where the file's text is.
#[track_caller]
fn shown_not_acted_on(out: &crate::Output, what: &str) {
    let all = format!("{}{}", out.stdout, out.stderr);
    assert!(
        !all.contains(ESC) && !all.contains('\u{202e}') && !all.contains('\u{7}'),
        "{what}: raw control characters in:\n{all}"
    );
    assert!(
        all.contains("\\u{1b}"),
        "{what}: the escape is not shown:\n{all}"
    );
}

/// Issue 11, defect 4: escape sequences in a file's text reached the terminal raw.
#[test]
fn escape_sequences_in_a_region_and_a_comment_are_shown_not_acted_on() {
    let dir = tempfile::tempdir().unwrap();
    let new = escaped(dir.path(), TIOPUNKT_2025, "ny.json", |_| {});
    let old = escaped(dir.path(), TIOPUNKT_2024, "gammal.json", |_| {});
    let bad = escaped(dir.path(), TIOPUNKT_2025, "fel.json", |v| {
        let first = v["answers"]
            .as_object()
            .unwrap()
            .keys()
            .next()
            .unwrap()
            .clone();
        v["answers"][first]["value"] = "\u{1b}[41mhög".into();
    });
    let run = |args: &[&str]| Test::new().dir(dir.path()).args(args).run();

    let out = run(&["validate", "ny.json", "fel.json"]);
    shown_not_acted_on(&out, "validate");
    assert!(
        out.stdout
            .contains("Region \\u{1b}]0;kapad\\u{7}Exempelland\\u{1b}[2J"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("fel.json: answers."), "{}", out.stdout);
    shown_not_acted_on(&run(&["score", "ny.json"]), "score");
    let compared = run(&["compare", "gammal.json", "ny.json"]);
    shown_not_acted_on(&compared, "compare");
    assert!(
        compared.stdout.contains("röd\\u{202e}text"),
        "{}",
        compared.stdout
    );
    // JSON keeps the data as it is, escaped as JSON escapes it.
    let json = run(&["score", "ny.json", "--format", "json"]);
    assert!(json.stdout.contains("\\u001b]0;kapad"), "{}", json.stdout);

    std::fs::create_dir(dir.path().join("nat")).unwrap();
    std::fs::copy(&bad, dir.path().join("nat/fel.json")).unwrap();
    std::fs::copy(&new, dir.path().join("nat/ny.json")).unwrap();
    shown_not_acted_on(&run(&["benchmark", "nat", "-o", "ref.json"]), "benchmark");

    // merge: the region named when the files do not belong together.
    let other = dir.path().join("cmio.json");
    std::fs::copy(root().join(CMIO), &other).unwrap();
    let cio = escaped(dir.path(), CIO, "cio.json", |_| {});
    let _ = (old, cio);
    let merged = run(&["merge", "cio.json", "cmio.json", "-o", "team.json"]);
    shown_not_acted_on(&merged, "merge");

    // A file's name is text from outside too: import names its sheet.
    let sheet = format!("blad{ESC}[2J.csv");
    Test::new()
        .dir(dir.path())
        .args(&[
            "template",
            "--region",
            "Region Exempelland",
            "--year",
            "2025",
            "-o",
            &sheet,
        ])
        .run();
    shown_not_acted_on(&run(&["import", &sheet, "-o", "importerad.json"]), "import");
    let report = run(&["report", "ny.json", "-o", &format!("p{ESC}[2J.pdf")]);
    shown_not_acted_on(&report, "report");
    assert_eq!(report.code, 0, "{}", report.stderr);
}

#[test]
fn the_plain_interview_shows_escapes_in_a_file_visibly() {
    let dir = tempfile::tempdir().unwrap();
    escaped(dir.path(), TIOPUNKT_2025, "svar.json", |_| {});
    let out = Test::new()
        .dir(dir.path())
        .args(&["assess", "--plain", "--answers", "svar.json"])
        .stdin("\n")
        .run();
    shown_not_acted_on(&out, "assess --plain");
    assert!(
        out.stdout.contains("Region \\u{1b}]0;kapad"),
        "{}",
        out.stdout
    );
}

/// Issue 11, defect 5: 100 000 answers to unknown questions printed 100 000 errors (17 MB).
#[test]
fn a_long_list_of_problems_is_cut_at_50_and_counted_unless_all() {
    let dir = tempfile::tempdir().unwrap();
    let mut value = crate::json(TIOPUNKT_2025);
    let answers = value["answers"].as_object_mut().unwrap();
    for i in 0..100_000 {
        answers.insert(format!("x{i}"), serde_json::json!({"value": 1}));
    }
    let path = dir.path().join("svar.json");
    std::fs::write(&path, value.to_string()).unwrap();
    let out = Test::new()
        .dir(dir.path())
        .args(&["validate", "svar.json"])
        .code(1);
    assert_eq!(out.stdout.matches("finns inte i enkäten").count(), 50);
    assert!(
        out.stdout
            .contains("och 99 950 till av samma slag (okänd fråga ×99 950)\n"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("`mognad validate svar.json --all`"));
    assert!(out.stdout.len() < 20_000, "{} bytes", out.stdout.len());
    let en = Test::new()
        .dir(dir.path())
        .args(&["--lang", "en", "validate", "svar.json"])
        .code(1);
    assert!(
        en.stdout
            .contains("and 99 950 more of the same kinds (unknown question ×99 950)\n"),
        "{}",
        en.stdout
    );
    let all = Test::new()
        .dir(dir.path())
        .args(&["validate", "--all", "svar.json"])
        .code(1);
    assert_eq!(all.stdout.matches("finns inte i enkäten").count(), 100_000);
    // A command that refuses the file says the same, bounded.
    let score = Test::new()
        .dir(dir.path())
        .args(&["score", "svar.json"])
        .code(2);
    assert_eq!(score.stderr.matches("finns inte i enkäten").count(), 50);
    assert!(score.stderr.contains("och 99 950 till"), "{}", score.stderr);
}

/// Issue 11, defect 5: the one real cause was buried among 121 lines.
#[test]
fn a_rubric_for_another_questionnaire_is_said_first_and_alone() {
    let out = Test::new()
        .args(&[
            "--lang",
            "en",
            "score",
            "--rubric",
            "beredskap",
            TIOPUNKT_2025,
        ])
        .code(2);
    assert_eq!(
        out.stderr,
        "error: `beredskap` cannot be used\nerror: beredskap: questionnaire.id: the rubric is for questionnaire `beredskap`, not `tiopunkt`\n  hint: choose the rubric that belongs to the questionnaire with `--rubric`\n"
    );
}

/// Issue 11, defect 7: what is not a mognad file is named as what it is, with a remedy.
#[test]
fn a_pdf_utf16_an_empty_file_a_folder_and_closed_stdin_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| Test::new().dir(dir.path()).args(args).code(2).stderr;
    copy(dir.path(), TIOPUNKT_2025, "a.json");
    Test::new()
        .dir(dir.path())
        .args(&["report", "a.json", "-o", "p.pdf"])
        .success();
    let err = run(&["score", "p.pdf"]);
    assert!(
        err.starts_with("fel: `p.pdf` är en PDF-fil, inte en JSON-fil från mognad\ntips: ange svarsfilen (`.json`)"),
        "{err}"
    );
    let text = std::fs::read_to_string(dir.path().join("a.json")).unwrap();
    let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let with_bom: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(utf16.iter().copied())
        .collect();
    std::fs::write(dir.path().join("bom16.json"), &with_bom).unwrap();
    std::fs::write(dir.path().join("nul16.json"), &utf16).unwrap();
    for name in ["bom16.json", "nul16.json"] {
        let err = run(&["--lang", "en", "score", name]);
        assert!(
            err.contains(&format!(
                "`{name}` is saved as UTF-16; mognad reads UTF-8\nhint: save the file as UTF-8"
            )),
            "{err}"
        );
    }
    // A UTF-8 byte order mark is accepted and read on.
    std::fs::write(dir.path().join("bom8.json"), format!("\u{feff}{text}")).unwrap();
    Test::new()
        .dir(dir.path())
        .args(&["score", "bom8.json"])
        .success();
    std::fs::write(dir.path().join("tom.json"), "").unwrap();
    let err = run(&["score", "tom.json"]);
    assert!(err.starts_with("fel: `tom.json` är tom\ntips:"), "{err}");
    assert!(!err.contains("EOF"), "{err}");
    let err = run(&["--lang", "en", "score", "-"]);
    assert!(err.starts_with("error: standard input is empty"), "{err}");
    assert!(err.contains("mognad score - < svar.json"), "{err}");
    std::fs::create_dir(dir.path().join("mapp")).unwrap();
    let err = run(&["--lang", "en", "validate", "mapp"]);
    assert!(err.contains("`mapp` is a folder, not a file"), "{err}");
}

#[test]
fn a_year_out_of_bounds_and_a_year_before_the_edition_are_said_as_years() {
    let dir = tempfile::tempdir().unwrap();
    let mut value = crate::json(TIOPUNKT_2025);
    value["year"] = serde_json::json!(4_294_967_295_u64);
    std::fs::write(dir.path().join("stor.json"), value.to_string()).unwrap();
    let err = Test::new()
        .dir(dir.path())
        .args(&["--lang", "en", "score", "stor.json"])
        .code(2)
        .stderr;
    assert!(
        err.contains("stor.json: year: the year must be 2000–2100, not 4294967295"),
        "{err}"
    );
    assert!(!err.contains("i32"), "{err}");
    value["year"] = 2019.into();
    std::fs::write(dir.path().join("gammal.json"), value.to_string()).unwrap();
    let out = Test::new()
        .dir(dir.path())
        .args(&["validate", "gammal.json"])
        .success();
    assert!(
        out.stdout.contains(
            "varning: gammal.json: year: svaren gäller 2019, men enkätens utgåva 2025.1 gjordes senare"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn a_long_region_name_gives_a_shortened_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let region = format!("Region {}", "Långnamn ".repeat(33));
    assert!(region.chars().count() > 300);
    let out = Test::new()
        .dir(dir.path())
        .args(&["template", "--region", &region, "--year", "2025"])
        .success();
    assert!(!out.stderr.contains("too long"), "{}", out.stderr);
    let names = crate::assess::names(dir.path());
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(
        names[0].starts_with("svar-tiopunkt-region-langnamn-"),
        "{names:?}"
    );
    assert!(
        names[0].ends_with("-2025.csv") && names[0].len() < 100,
        "{names:?}"
    );
}

#[test]
fn a_respondent_given_twice_is_said_so() {
    let err = Test::new()
        .args(&[
            "assess",
            "--respondent",
            "Åsa",
            "--respondent",
            "Per",
            "--role",
            "CIO",
        ])
        .code(2)
        .stderr;
    assert!(
        err.starts_with("fel: `--respondent <NAME>` är angiven två gånger\n"),
        "{err}"
    );
    assert!(!err.contains("tillsammans med"), "{err}");
}

#[test]
fn a_closed_pipe_ends_quietly_with_success() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_mognad"))
        .args(["score", TIOPUNKT_2025])
        .current_dir(root())
        .env_clear()
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader takes nothing and goes away, as `| head -0` does.
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
}

/// The formats' bounds, checked by `validate` with a hint.
#[test]
fn validate_checks_weights_and_text_lengths_against_their_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let mut rubric = crate::json("scoring/tiopunkt.json");
    rubric["areas"][0]["weight"] = serde_json::json!(5_000_000.0);
    std::fs::write(dir.path().join("mall.json"), rubric.to_string()).unwrap();
    let out = Test::new()
        .dir(dir.path())
        .args(&["--lang", "en", "validate", "mall.json"])
        .code(1);
    assert!(
        out.stdout
            .contains("mall.json: areas[0].weight: the weight must be at most 1 000 000, it is 5000000\n  hint: weights count relative to each other"),
        "{}",
        out.stdout
    );
    let mut answers = crate::json(TIOPUNKT_2025);
    let first = answers["answers"]
        .as_object()
        .unwrap()
        .keys()
        .next()
        .unwrap()
        .clone();
    answers["answers"][&first]["comment"] = "å".repeat(30_000).into();
    std::fs::write(dir.path().join("svar.json"), answers.to_string()).unwrap();
    let out = Test::new()
        .dir(dir.path())
        .args(&["validate", "svar.json"])
        .code(1);
    assert!(
        out.stdout.contains(&format!(
            "svar.json: answers.{first}.comment: texten är 30 000 tecken lång; högst 20 000 går"
        )),
        "{}",
        out.stdout
    );
}

#[test]
fn benchmark_lists_the_first_50_rejected_files_unless_all() {
    let dir = tempfile::tempdir().unwrap();
    let nat = dir.path().join("nat");
    std::fs::create_dir(&nat).unwrap();
    std::fs::copy(root().join(TIOPUNKT_2025), nat.join("bra.json")).unwrap();
    let mut broken = crate::json(TIOPUNKT_2025);
    broken["answers"]["x"] = serde_json::json!({"value": 1});
    for i in 0..60 {
        broken["region"] = format!("Kommun {i}").into();
        std::fs::write(nat.join(format!("fel-{i:02}.json")), broken.to_string()).unwrap();
    }
    let out = Test::new()
        .dir(dir.path())
        .args(&["benchmark", "nat", "-o", "ref.json"])
        .success();
    assert!(out.stdout.contains("avvisade: 60\n"), "{}", out.stdout);
    assert_eq!(out.stdout.matches("frågan `x` finns inte").count(), 50);
    assert!(
        out.stdout
            .contains("    och 10 avvisade filer till; `--all` visar alla\n"),
        "{}",
        out.stdout
    );
    let all = Test::new()
        .dir(dir.path())
        .args(&["benchmark", "nat", "-o", "ref.json", "--all"])
        .success();
    assert_eq!(all.stdout.matches("frågan `x` finns inte").count(), 60);
}

/// Issue 11, defect 6, as reported: a write cut off by `ulimit -f` leaves its temporary file,
/// and the next run in the folder clears it once it is older than a minute.
#[test]
fn a_write_cut_off_by_a_file_size_limit_is_cleared_by_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    copy(dir.path(), TIOPUNKT_2025, "a.json");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -f 8; exec {} report a.json -o p.pdf",
            env!("CARGO_BIN_EXE_mognad")
        ))
        .current_dir(dir.path())
        .env_clear()
        .env("SOURCE_DATE_EPOCH", "1760000000")
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(!status.success());
    let left: Vec<String> = crate::assess::names(dir.path())
        .into_iter()
        .filter(|n| n.starts_with(".mognad-"))
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
    // A run at once keeps it: it may be another command's write in progress.
    Test::new()
        .dir(dir.path())
        .args(&["report", "a.json", "-o", "p.pdf"])
        .success();
    assert!(dir.path().join(&left[0]).exists());
    let old = std::time::SystemTime::now() - std::time::Duration::from_mins(2);
    std::fs::File::options()
        .write(true)
        .open(dir.path().join(&left[0]))
        .unwrap()
        .set_modified(old)
        .unwrap();
    let err = Test::new()
        .dir(dir.path())
        .args(&["report", "a.json", "-o", "p.pdf"])
        .success()
        .stderr;
    assert!(err.contains(&format!("Tog bort `./{}`", left[0])), "{err}");
    assert_eq!(crate::assess::names(dir.path()), ["a.json", "p.pdf"]);
}
