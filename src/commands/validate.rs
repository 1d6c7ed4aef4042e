//! `mognad validate`: recognise each file's kind, check it completely, list every problem.
//! Questionnaires among the files are used to check the rubrics, answers and targets that name
//! them, and rubrics among them to check targets; otherwise the built-in ones of that id are
//! used.

use std::path::PathBuf;

use crate::builtin;
use crate::cli::ValidateArgs;
use crate::commands::{self, Io};
use crate::document::Document;
use crate::error::{Error, Exit};
use crate::files;
use crate::lang::Lang;
use crate::problem::{Problem, ProblemKind, Severity};
use crate::questionnaire::Questionnaire;
use crate::scoring::Rubric;
use crate::validate;

pub struct ValidateConfig {
    pub files: Vec<PathBuf>,
    /// Every problem of a file, not the first [`crate::problem::SHOWN`].
    pub all: bool,
}

impl ValidateConfig {
    pub fn resolve(args: ValidateArgs) -> Self {
        ValidateConfig {
            files: args.files,
            all: args.all,
        }
    }
}

/// One file's fate.
enum Checked {
    Unreadable(Error),
    Parsed(Box<Document>),
    Broken(Problem),
}

pub fn run(config: &ValidateConfig, lang: Lang, io: &mut Io) -> Result<Exit, Error> {
    let checked: Vec<(String, Checked)> = config
        .files
        .iter()
        .map(|path| {
            let shown = files::display(path);
            let result = match files::load(path) {
                Ok(document) => Checked::Parsed(Box::new(document)),
                Err(Error::Invalid { mut problems, .. }) if problems.len() == 1 => {
                    Checked::Broken(problems.remove(0))
                }
                Err(error) => Checked::Unreadable(error),
            };
            (shown, result)
        })
        .collect();

    let given: Vec<&Questionnaire> = checked
        .iter()
        .filter_map(|(_, c)| match c {
            Checked::Parsed(document) => match document.as_ref() {
                Document::Questionnaire(q) => Some(q),
                _ => None,
            },
            _ => None,
        })
        .collect();
    // Every built-in edition, newest first, so that a file naming no version gets the newest.
    // Then those in the instrument folders.
    let builtins: Vec<Questionnaire> = builtin::EDITIONS
        .iter()
        .rev()
        .filter_map(|e| e.questionnaire().ok())
        .chain(commands::instruments::questionnaires())
        .collect();
    let given_rubrics: Vec<&Rubric> = checked
        .iter()
        .filter_map(|(_, c)| match c {
            Checked::Parsed(document) => match document.as_ref() {
                Document::Rubric(r) => Some(r),
                _ => None,
            },
            _ => None,
        })
        .collect();
    let builtin_rubrics: Vec<Rubric> = builtin::EDITIONS
        .iter()
        .rev()
        .filter_map(|e| e.rubric().ok())
        .chain(commands::instruments::rubrics())
        .collect();
    // The rubric that scores a questionnaire, for the targets set on its areas: one given on
    // the command line, else the built-in one of its edition, else the newest.
    let rubric_for = |q: &Questionnaire| -> Option<&Rubric> {
        let candidates = || {
            given_rubrics
                .iter()
                .copied()
                .chain(builtin_rubrics.iter())
                .filter(|r| r.questionnaire.id == q.id)
        };
        candidates()
            .find(|r| r.questionnaire.versions.contains(&q.version))
            .or_else(|| candidates().next())
    };
    // A questionnaire given on the command line wins over the built-in one; the same version
    // wins over another.
    let find = |id: &str, version: Option<&str>| -> Option<&Questionnaire> {
        let candidates = || {
            given
                .iter()
                .copied()
                .chain(builtins.iter())
                .filter(|q| q.id == id)
        };
        candidates()
            .find(|q| version.is_none_or(|v| q.version == v))
            .or_else(|| candidates().next())
    };

    let (mut errors, mut warnings, mut unreadable, mut clean) = (0, 0, 0, 0);
    for (path, result) in &checked {
        let (what, problems) = match result {
            Checked::Unreadable(error) => {
                unreadable += 1;
                let _ = writeln!(io.err, "{}", error.render(lang));
                continue;
            }
            Checked::Broken(problem) => (None, vec![problem.clone()]),
            Checked::Parsed(document) => {
                let problems = match document.as_ref() {
                    Document::Questionnaire(q) => validate::questionnaire(q),
                    Document::Rubric(r) => {
                        // With several versions of a questionnaire given, one the rubric scores.
                        let q = r
                            .questionnaire
                            .versions
                            .iter()
                            .find_map(|v| {
                                find(&r.questionnaire.id, Some(v)).filter(|q| q.version == *v)
                            })
                            .or_else(|| find(&r.questionnaire.id, None));
                        let mut problems = validate::rubric(r, q);
                        if q.is_none() {
                            problems.push(Problem::new(
                                "questionnaire.id",
                                ProblemKind::RubricUnchecked {
                                    id: r.questionnaire.id.clone(),
                                },
                            ));
                        }
                        problems
                    }
                    Document::Targets(t) => match find(&t.questionnaire, None) {
                        Some(q) => validate::targets(t, q, rubric_for(q)),
                        None => vec![Problem::new(
                            "questionnaire",
                            ProblemKind::QuestionnaireNotFound {
                                id: t.questionnaire.clone(),
                            },
                        )],
                    },
                    Document::Published(p) => validate::published(p),
                    Document::National(n) => validate::national(n),
                    Document::Answers(a) => {
                        match find(&a.questionnaire.id, Some(&a.questionnaire.version)) {
                            Some(q) => {
                                let mut problems = validate::answers(a, q);
                                if let Some(r) = rubric_for(q) {
                                    problems.extend(validate::unscored_targets(&a.targets, q, r));
                                }
                                problems
                            }
                            None => vec![Problem::new(
                                "questionnaire.id",
                                ProblemKind::QuestionnaireNotFound {
                                    id: a.questionnaire.id.clone(),
                                },
                            )],
                        }
                    }
                };
                (Some(describe(document, lang)), problems)
            }
        };
        let file_errors = problems
            .iter()
            .filter(|p| p.severity() == Severity::Error)
            .count();
        errors += file_errors;
        warnings += problems.len() - file_errors;
        if problems.is_empty() {
            clean += 1;
            crate::print_text(
                io.out,
                &format!("ok: {path} ({})\n", what.unwrap_or_default()),
            )?;
        }
        let (shown, more) = crate::problem::bounded(&problems, config.all, lang);
        for problem in shown {
            crate::print_text(io.out, &format!("{}\n", problem.render(path, lang)))?;
        }
        if let Some(more) = more {
            let hint = if lang == Lang::Sv {
                format!("  tips: `mognad validate {path} --all` visar alla")
            } else {
                format!("  hint: `mognad validate {path} --all` shows them all")
            };
            crate::print_text(io.out, &format!("{more}\n{hint}\n"))?;
        }
    }

    let files = checked.len();
    let summary = if lang == Lang::Sv {
        format!(
            "{files} {}: {clean} utan anmärkning, {errors} fel, {warnings} {}, {unreadable} olästa",
            if files == 1 {
                "fil kontrollerad"
            } else {
                "filer kontrollerade"
            },
            if warnings == 1 {
                "varning"
            } else {
                "varningar"
            },
        )
    } else {
        format!(
            "{files} {} checked: {clean} clean, {errors} {}, {warnings} {}, {unreadable} unreadable",
            if files == 1 { "file" } else { "files" },
            if errors == 1 { "error" } else { "errors" },
            if warnings == 1 { "warning" } else { "warnings" },
        )
    };
    let _ = writeln!(io.err, "{summary}");
    Ok(if unreadable > 0 {
        Exit::Error
    } else if errors > 0 {
        Exit::Problems
    } else {
        Exit::Ok
    })
}

fn describe(document: &Document, lang: Lang) -> String {
    match document {
        Document::Questionnaire(q) => format!(
            "{} {} {}, {} {}, {}",
            lang.pick("enkät", "questionnaire"),
            q.id,
            q.version,
            q.question_count(),
            lang.pick("frågor", "questions"),
            q.content_hash()
        ),
        Document::Rubric(r) => format!(
            "{} {} {} {} {}",
            lang.pick("bedömningsmall", "rubric"),
            r.id,
            r.version,
            lang.pick("för", "for"),
            r.questionnaire.id
        ),
        Document::Published(p) => format!(
            "{} {}, {} {}",
            lang.pick("publicerade siffror", "published figures"),
            p.id,
            p.figures.len(),
            lang.pick("indikatorer", "indicators")
        ),
        Document::National(n) => format!(
            "{} {}, {}",
            lang.pick("nationell referens", "national reference"),
            n.year,
            n.questionnaires
                .iter()
                .map(|s| format!("{} {} ({})", s.id, s.version, lang.regions(s.regions.len())))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Document::Targets(t) => format!(
            "{} {}{}, {}, {} {}",
            lang.pick("mål", "targets"),
            t.region,
            t.year.map(|y| format!(" {y}")).unwrap_or_default(),
            t.questionnaire,
            t.targets.len(),
            lang.pick("områden", "areas")
        ),
        Document::Answers(a) => format!(
            "{} {} {}, {} {}",
            lang.pick("svar", "answers"),
            a.region,
            a.year,
            a.answers.len(),
            lang.pick("svar", "answers")
        ),
    }
}
