//! `mognad report`: the PDF profile for leadership, from one year's answers and earlier years.

use std::path::PathBuf;

use crate::answers::Answers;
use crate::cli::ReportArgs;
use crate::commands::{self, Io};
use crate::document::{Document, Kind};
use crate::error::{Error, Exit, ReportProblem, TargetsProblem};
use crate::files;
use crate::lang::Lang;
use crate::national::National;
use crate::problem::Problem;
use crate::published::Published;
use crate::questionnaire::Questionnaire;
use crate::report::{self, model};
use crate::scoring::Rubric;
use crate::validate;

/// One questionnaire's answers, checked, with its questionnaire and rubric.
struct Loaded {
    /// The answers file, as shown in messages.
    path: String,
    questionnaire: Questionnaire,
    rubric: Rubric,
    answers: Answers,
    previous: Vec<Answers>,
}

pub struct ReportConfig {
    /// Every file read, never to be written over.
    inputs: Vec<PathBuf>,
    force: bool,
    parts: Vec<Loaded>,
    national: Option<National>,
    output: PathBuf,
    classification: String,
    /// Worth knowing about the files, with each file's name; said before the report is made.
    warnings: Vec<(String, Problem)>,
}

impl ReportConfig {
    pub fn resolve(args: ReportArgs, lang: Lang) -> Result<Self, Error> {
        // Instruments given as files, for answers to questionnaires that are not built in.
        let mut questionnaires = Vec::new();
        for name in &args.questionnaire {
            let questionnaire = commands::questionnaire(name)?;
            commands::usable(name, validate::questionnaire(&questionnaire))?;
            questionnaires.push(questionnaire);
        }
        let mut rubrics = Vec::new();
        for name in &args.rubric {
            rubrics.push((name.clone(), commands::rubric(name)?));
        }
        let mut parts: Vec<Loaded> = Vec::new();
        let mut warnings = Vec::new();
        for path in &args.answers {
            let answers = commands::answers(path)?;
            if parts
                .iter()
                .any(|p| p.answers.questionnaire.id == answers.questionnaire.id)
            {
                return Err(Error::Report {
                    path: files::display(path),
                    problem: ReportProblem::SameQuestionnaireTwice(
                        answers.questionnaire.id.clone(),
                    ),
                });
            }
            if let Some(first) = parts.first()
                && (first.answers.region != answers.region || first.answers.year != answers.year)
            {
                return Err(Error::Report {
                    path: files::display(path),
                    problem: ReportProblem::OtherRegionOrYear {
                        region: answers.region.clone(),
                        year: answers.year,
                        expected_region: first.answers.region.clone(),
                        expected_year: first.answers.year,
                    },
                });
            }
            let given = questionnaires.iter().find(|q| {
                q.id == answers.questionnaire.id && q.version == answers.questionnaire.version
            });
            let questionnaire = match given {
                Some(q) => q.clone(),
                None => commands::answered(&answers.questionnaire.id, &answers)?,
            };
            let rubric = match rubrics.iter().find(|(_, r)| {
                r.questionnaire.id == questionnaire.id
                    && r.questionnaire.versions.contains(&questionnaire.version)
            }) {
                Some((name, rubric)) => {
                    commands::usable(name, validate::rubric(rubric, Some(&questionnaire)))?;
                    rubric.clone()
                }
                None => match commands::rubric_of(&questionnaire.id, &questionnaire) {
                    Err(Error::NotFound { .. }) => {
                        return Err(Error::NoRubric {
                            questionnaire: questionnaire.id.clone(),
                        });
                    }
                    other => other?,
                },
            };
            let shown = files::display(path);
            let problems = commands::usable(&shown, validate::answers(&answers, &questionnaire))?;
            warnings.extend(problems.into_iter().map(|p| (shown.clone(), p)));
            parts.push(Loaded {
                path: shown,
                questionnaire,
                rubric,
                answers,
                previous: Vec::new(),
            });
        }
        for path in &args.previous {
            let answers = commands::answers(path)?;
            let Some(part) = parts
                .iter_mut()
                .find(|p| p.answers.questionnaire.id == answers.questionnaire.id)
            else {
                return Err(Error::Report {
                    path: files::display(path),
                    problem: ReportProblem::NoCurrentYear(answers.questionnaire.id.clone()),
                });
            };
            if answers.region != part.answers.region || answers.year >= part.answers.year {
                return Err(Error::Report {
                    path: files::display(path),
                    problem: ReportProblem::NotAnEarlierYear {
                        region: answers.region.clone(),
                        year: answers.year,
                        expected_region: part.answers.region.clone(),
                        year_now: part.answers.year,
                    },
                });
            }
            // Earlier years may have answered another questionnaire version: they are checked
            // against their own edition when it is built in, and only what is wrong in itself
            // stops the report.
            let own = (answers.questionnaire.version != part.questionnaire.version)
                .then(|| commands::answered(&answers.questionnaire.id, &answers).ok())
                .flatten();
            let problems: Vec<_> =
                validate::answers(&answers, own.as_ref().unwrap_or(&part.questionnaire))
                    .into_iter()
                    .filter(|p| {
                        !matches!(
                            p.kind,
                            crate::problem::ProblemKind::AnsweredOtherVersion { .. }
                        )
                    })
                    .collect();
            let shown = files::display(path);
            let problems = commands::usable(&shown, problems)?;
            warnings.extend(problems.into_iter().map(|p| (shown.clone(), p)));
            part.previous.push(answers);
        }
        let mut targeted: Vec<String> = Vec::new();
        for path in &args.targets {
            let shown = files::display(path);
            let targets = commands::targets(path)?;
            let Some(part) = parts
                .iter_mut()
                .find(|p| p.questionnaire.id == targets.questionnaire)
            else {
                return Err(Error::Targets {
                    path: shown,
                    problem: TargetsProblem::NoAnswers {
                        questionnaire: targets.questionnaire.clone(),
                    },
                });
            };
            if targeted.contains(&targets.questionnaire) {
                return Err(Error::Targets {
                    path: shown,
                    problem: TargetsProblem::Twice {
                        questionnaire: targets.questionnaire.clone(),
                    },
                });
            }
            let problems = commands::fit_targets(
                &shown,
                &targets,
                &part.questionnaire,
                &part.rubric,
                &part.answers,
            )?;
            warnings.extend(problems.into_iter().map(|p| (shown.clone(), p)));
            targeted.push(targets.questionnaire.clone());
            // The file's targets take the place of the answers' own.
            part.answers.targets = targets.targets;
        }
        for part in parts
            .iter()
            .filter(|p| !targeted.contains(&p.questionnaire.id))
        {
            let problems = commands::usable(
                &part.path,
                validate::unscored_targets(
                    &part.answers.targets,
                    &part.questionnaire,
                    &part.rubric,
                ),
            )?;
            warnings.extend(problems.into_iter().map(|p| (part.path.clone(), p)));
        }
        let national = match &args.national {
            Some(path) => {
                let shown = files::display(path);
                match files::load(path)? {
                    Document::National(national) => {
                        commands::usable(&shown, validate::national(&national))?;
                        Some(national)
                    }
                    other => return Err(commands::wrong_kind(&shown, Kind::National, &other)),
                }
            }
            None => None,
        };
        // Maturity first, then readiness: the order of the pages.
        parts.sort_by_key(|p| p.questionnaire.kind == crate::questionnaire::Kind::Readiness);
        let first = &parts[0].answers;
        let output = args
            .output
            .unwrap_or_else(|| default_output(&first.region, first.year));
        let classification = args
            .classification
            .unwrap_or_else(|| lang.pick("Intern", "Internal").to_string());
        let inputs = args
            .answers
            .iter()
            .chain(&args.previous)
            .chain(&args.targets)
            .chain(&args.national)
            .cloned()
            .chain(
                args.questionnaire
                    .iter()
                    .chain(&args.rubric)
                    .map(PathBuf::from),
            )
            .collect();
        Ok(ReportConfig {
            inputs,
            force: args.force,
            parts,
            national,
            output,
            classification,
            warnings,
        })
    }
}

/// `profil-region-skane-2025.pdf`.
fn default_output(region: &str, year: i32) -> PathBuf {
    let stem = crate::commands::assess::default_path("x", region, None, year);
    let name = stem
        .to_string_lossy()
        .replacen("svar-x-", "profil-", 1)
        .replace(".json", ".pdf");
    PathBuf::from(name)
}

pub fn run(
    config: &ReportConfig,
    lang: Lang,
    today: jiff::civil::Date,
    io: &mut Io,
) -> Result<Exit, Error> {
    for (path, warning) in &config.warnings {
        let _ = writeln!(io.err, "{}", warning.render(path, lang));
    }
    let published = Published::builtin();
    let inputs = model::Inputs {
        lang,
        classification: config.classification.clone(),
        today,
        parts: config
            .parts
            .iter()
            .map(|p| model::Part {
                questionnaire: &p.questionnaire,
                rubric: &p.rubric,
                answers: &p.answers,
                previous: p.previous.iter().collect(),
            })
            .collect(),
        published: &published,
        national: config.national.as_ref(),
    };
    let report = model::build(&inputs);
    let rendered = report::render(&report).map_err(|e| Error::Render(e.to_string()))?;
    let written = files::write_atomic(
        &config.output,
        &rendered.bytes,
        &files::Output {
            kind: files::OutputKind::Pdf,
            inputs: &config.inputs,
            force: config.force,
        },
    )?;
    let _ = crate::print(io.err, &written.notice(lang));
    let shown = files::display(&config.output);
    let size = rendered.bytes.len().div_ceil(1024);
    let pages = rendered.pages;
    let line = if lang == Lang::Sv {
        format!("Skrev {shown} ({pages} sidor, {size} kB).\n")
    } else {
        format!("Wrote {shown} ({pages} pages, {size} kB).\n")
    };
    let _ = crate::print(io.err, &line);
    Ok(Exit::Ok)
}
