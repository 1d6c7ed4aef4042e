//! Properties of every loader: whatever bytes a file holds, reading it never panics, and a
//! file that cannot be used gets a message that names the file and where in it the problem
//! is. Fed arbitrary bytes and mutated copies of the shipped files of every kind.

use std::path::{Path, PathBuf};

use mognad::document::Document;
use mognad::error::Error;
use mognad::lang::Lang;
use mognad::{builtin, files, scoring, sheet, validate};
use proptest::prelude::*;

/// One shipped file of each kind.
const FILES: [&str; 7] = [
    "questionnaires/tiopunkt.json",
    "scoring/tiopunkt.json",
    "examples/exempelland-tiopunkt-2025.json",
    "examples/exempelland-beredskap-2025.json",
    "examples/national-2025.json",
    "examples/exempelland-mal-2026.json",
    "benchmarks/slit-2025.json",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A change to a file's bytes, as a damaged disk, a bad copy or a hand edit makes.
#[derive(Clone, Debug)]
enum Mutation {
    Flip { at: usize, bit: u8 },
    Cut { at: usize, len: usize },
    Insert { at: usize, bytes: Vec<u8> },
    Truncate { at: usize },
    Value { at: usize, text: String },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        (any::<usize>(), 1usize..200).prop_map(|(at, len)| Mutation::Cut { at, len }),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        (
            any::<usize>(),
            prop_oneof![
                Just("null".to_string()),
                Just("-1".to_string()),
                Just("4294967295".to_string()),
                Just("1e308".to_string()),
                Just("\"\\u001b[2J\"".to_string()),
                Just("[]".to_string()),
                Just("{}".to_string()),
                Just("\"\"".to_string()),
                Just("2.5".to_string()),
            ]
        )
            .prop_map(|(at, text)| Mutation::Value { at, text }),
    ]
}

fn mutate(bytes: &[u8], mutation: &Mutation) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let at = |n: usize| n % (out.len().max(1));
    match mutation {
        Mutation::Flip { at: n, bit } => {
            let i = at(*n);
            out[i] ^= 1 << bit;
        }
        Mutation::Cut { at: n, len } => {
            let i = at(*n);
            let end = (i + len).min(out.len());
            out.drain(i..end);
        }
        Mutation::Insert { at: n, bytes } => {
            let i = at(*n);
            out.splice(i..i, bytes.iter().copied());
        }
        Mutation::Truncate { at: n } => out.truncate(at(*n)),
        // A JSON value in place of the one after a colon: a field of the wrong type or range.
        Mutation::Value { at: n, text } => {
            let colons: Vec<usize> = out
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b':')
                .map(|(i, _)| i)
                .collect();
            if let Some(&colon) = colons.get(n % colons.len().max(1)) {
                let start = colon + 1;
                let end = out[start..]
                    .iter()
                    .position(|b| matches!(b, b',' | b'}' | b']' | b'\n'))
                    .map_or(out.len(), |p| start + p);
                out.splice(start..end, format!(" {text}").bytes());
            }
        }
    }
    out
}

/// Loads the bytes as a file, checks what loads as every command does, and scores answers
/// that are usable. Returns the message when the file cannot be used.
fn load(bytes: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fil.json");
    std::fs::write(&path, bytes).unwrap();
    match files::load(&path) {
        Ok(document) => {
            check(&document);
            None
        }
        Err(error) => Some(located(&error, &path)),
    }
}

fn check(document: &Document) {
    match document {
        Document::Questionnaire(q) => {
            let _ = validate::questionnaire(q);
        }
        Document::Rubric(r) => {
            let q = builtin::questionnaire(&r.questionnaire.id).and_then(Result::ok);
            let _ = validate::rubric(r, q.as_ref());
        }
        Document::Answers(a) => {
            let Some(Ok(q)) = builtin::questionnaire(&a.questionnaire.id) else {
                return;
            };
            let problems = validate::answers(a, &q);
            let usable = problems
                .iter()
                .all(|p| p.severity() != mognad::problem::Severity::Error);
            if usable && let Some(Ok(r)) = builtin::rubric(&q.id) {
                let card = scoring::score(&q, &r, a);
                let _ = scoring::text::render(&card, Lang::Sv);
            }
            for problem in &problems {
                let _ = problem.render("fil.json", Lang::En);
            }
        }
        Document::Published(p) => {
            let _ = validate::published(p);
        }
        Document::National(n) => {
            let _ = validate::national(n);
        }
        Document::Targets(t) => {
            if let Some(Ok(q)) = builtin::questionnaire(&t.questionnaire) {
                let _ = validate::targets(t, &q, None);
            }
        }
    }
}

/// The message, checked to name the file and, for a problem inside it, where: a JSON path or
/// a line and column.
fn located(error: &Error, path: &Path) -> String {
    let message = error.render(Lang::En);
    assert!(
        message.contains(&path.display().to_string()),
        "no file named in: {message}"
    );
    if let Error::Invalid { problems, .. } = error {
        assert!(!problems.is_empty(), "{message}");
        for problem in problems {
            let whole_file = matches!(
                problem.kind,
                mognad::problem::ProblemKind::Structure { .. }
                    | mognad::problem::ProblemKind::UnknownFormat { .. }
            );
            assert!(
                !problem.path.is_empty() || whole_file,
                "no place in the file for: {message}"
            );
            if matches!(problem.kind, mognad::problem::ProblemKind::Syntax { .. }) {
                let (line, column) = problem.path.split_once(':').expect("line:column");
                assert!(
                    line.parse::<usize>().is_ok() && column.parse::<usize>().is_ok(),
                    "{message}"
                );
            }
        }
    }
    message
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_never_panic_and_say_where(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = load(&bytes);
    }

    #[test]
    fn arbitrary_json_text_never_panics(text in "[{}\\[\\]\":,0-9a-z. -]{0,200}") {
        let _ = load(text.as_bytes());
    }

    #[test]
    fn mutated_files_of_every_kind_never_panic_and_say_where(
        file in 0..FILES.len(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let mut bytes = std::fs::read(root().join(FILES[file])).unwrap();
        for m in &mutations {
            bytes = mutate(&bytes, m);
        }
        let _ = load(&bytes);
    }

    #[test]
    fn sheets_of_arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Err(problems) = sheet::read(&bytes) {
            prop_assert!(!problems.is_empty());
            for problem in problems {
                let _ = problem.render("blad.csv", Lang::Sv);
            }
        }
    }

    #[test]
    fn mutated_sheets_never_panic(mutations in prop::collection::vec(mutation(), 1..4)) {
        let q = builtin::questionnaire("tiopunkt").unwrap().unwrap();
        let prefill = sheet::Prefill {
            region: Some("Region Egenskap".into()),
            year: Some(2025),
            respondent: None,
            target_areas: Vec::new(),
        };
        let mut bytes = sheet::template(&q, &prefill, Lang::Sv);
        for m in &mutations {
            bytes = mutate(&bytes, m);
        }
        match sheet::read(&bytes) {
            Ok(read) => {
                if let Err(problems) = sheet::answers(&read, &q, None) {
                    prop_assert!(!problems.is_empty());
                }
            }
            Err(problems) => prop_assert!(!problems.is_empty()),
        }
    }
}
