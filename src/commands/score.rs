//! `mognad score`: resolve the answers, questionnaire and rubric (and targets and an earlier
//! year, when given), check them, score, print.

use std::fmt::Write as _;
use std::path::Path;

use crate::answers::Answers;
use crate::cli::{ScoreArgs, TableFormat};
use crate::commands::{self, Io};
use crate::error::{CompareProblem, Error, Exit, ReportProblem};
use crate::files;
use crate::lang::Lang;
use crate::problem::{Problem, ProblemKind};
use crate::questionnaire::Questionnaire;
use crate::scoring::{self, Rubric};
use crate::validate;

/// Everything `score` needs, found and checked.
pub struct ScoreConfig {
    pub answers_path: String,
    /// The answers, with the targets of a targets file in place of their own when one was
    /// given.
    pub answers: Answers,
    pub questionnaire: Questionnaire,
    /// The questionnaire as the user named it (its id when not named), for the next
    /// command's flags.
    pub questionnaire_name: String,
    pub rubric: Rubric,
    /// An earlier year's answers of the same region, for the progress toward each target.
    pub previous: Option<Answers>,
    /// Worth knowing about the files, each with the file's name.
    pub warnings: Vec<(String, Problem)>,
    pub format: TableFormat,
    /// The width the text is laid out for: `COLUMNS`, else the terminal's; `None` when the
    /// output goes to a pipe or a file, which get the full table.
    pub width: Option<usize>,
}

impl ScoreConfig {
    pub fn resolve(args: ScoreArgs) -> Result<Self, Error> {
        let ScoreArgs {
            answers: path,
            rubric,
            questionnaire,
            targets,
            previous,
            format,
        } = args;
        let answers_path = files::display(&path);
        let mut answers = commands::answers(&path)?;
        let questionnaire_name = questionnaire
            .clone()
            .unwrap_or_else(|| answers.questionnaire.id.clone());
        let (questionnaire, rubric) =
            commands::questionnaire_and_rubric(questionnaire, rubric.as_deref(), &answers)?;
        let mut warnings: Vec<(String, Problem)> =
            commands::usable(&answers_path, validate::answers(&answers, &questionnaire))?
                .into_iter()
                .map(|p| (answers_path.clone(), p))
                .collect();
        match targets {
            Some(targets_path) => {
                let shown = files::display(&targets_path);
                let targets = commands::targets(&targets_path)?;
                let problems =
                    commands::fit_targets(&shown, &targets, &questionnaire, &rubric, &answers)?;
                warnings.extend(problems.into_iter().map(|p| (shown.clone(), p)));
                answers.targets = targets.targets;
            }
            None => warnings.extend(
                commands::usable(
                    &answers_path,
                    validate::unscored_targets(&answers.targets, &questionnaire, &rubric),
                )?
                .into_iter()
                .map(|p| (answers_path.clone(), p)),
            ),
        }
        let previous = match previous {
            Some(previous_path) => {
                let (earlier, problems) =
                    earlier_year(&previous_path, &path, &answers, &questionnaire)?;
                let shown = files::display(&previous_path);
                warnings.extend(problems.into_iter().map(|p| (shown.clone(), p)));
                Some(earlier)
            }
            None => None,
        };
        Ok(ScoreConfig {
            answers_path,
            answers,
            questionnaire,
            questionnaire_name,
            rubric,
            previous,
            warnings,
            format,
            width: width(),
        })
    }
}

/// `COLUMNS` when it is set to a number, else the terminal's width when standard output is a
/// terminal.
pub(crate) fn width() -> Option<usize> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|columns| columns.trim().parse::<usize>().ok())
        .filter(|columns| *columns > 0)
        .or_else(|| {
            use std::io::IsTerminal;
            std::io::stdout()
                .is_terminal()
                .then(ratatui::crossterm::terminal::size)
                .and_then(Result::ok)
                .map(|(columns, _)| usize::from(columns))
        })
}

/// An earlier year's answers of the same region to the same questionnaire, checked. They may
/// have answered another version of it: only what is wrong in itself stops the score.
fn earlier_year(
    path: &Path,
    answers_path: &Path,
    answers: &Answers,
    questionnaire: &Questionnaire,
) -> Result<(Answers, Vec<Problem>), Error> {
    let shown = files::display(path);
    let earlier = commands::answers(path)?;
    if earlier.questionnaire.id != answers.questionnaire.id {
        return Err(Error::Compare {
            old: shown,
            new: files::display(answers_path),
            problem: CompareProblem::OtherQuestionnaire {
                old: earlier.questionnaire.id.clone(),
                new: answers.questionnaire.id.clone(),
            },
        });
    }
    if earlier.region != answers.region || earlier.year >= answers.year {
        return Err(Error::Report {
            path: shown,
            problem: ReportProblem::NotAnEarlierYear {
                region: earlier.region.clone(),
                year: earlier.year,
                expected_region: answers.region.clone(),
                year_now: answers.year,
            },
        });
    }
    // Checked against its own edition when it answered another one that is built in.
    let own = (earlier.questionnaire.version != questionnaire.version)
        .then(|| commands::answered(&earlier.questionnaire.id, &earlier).ok())
        .flatten();
    let problems: Vec<Problem> = validate::answers(&earlier, own.as_ref().unwrap_or(questionnaire))
        .into_iter()
        .filter(|p| !matches!(p.kind, ProblemKind::AnsweredOtherVersion { .. }))
        .collect();
    let warnings = commands::usable(&shown, problems)?;
    Ok((earlier, warnings))
}

pub fn run(config: &ScoreConfig, lang: Lang, io: &mut Io) -> Result<Exit, Error> {
    for (path, warning) in &config.warnings {
        let _ = writeln!(io.err, "{}", warning.render(path, lang));
    }
    let mut card = scoring::score(&config.questionnaire, &config.rubric, &config.answers);
    if let Some(previous) = &config.previous {
        // An earlier year on another edition counts through the questions that continue it.
        let carried = crate::compare::carry(previous, &config.questionnaire);
        let earlier = scoring::score(&config.questionnaire, &config.rubric, &carried.answers);
        card = scoring::with_progress(card, &earlier);
    }
    let text = match config.format {
        TableFormat::Text => {
            let mut text = match config.width {
                Some(width) => scoring::text::render_width(&card, lang, width),
                None => scoring::text::render(&card, lang),
            };
            if card
                .verdict
                .as_ref()
                .is_some_and(|v| !v.unsettled.is_empty())
            {
                let settle = format!(
                    "mognad assess --answers {} --consensus{}",
                    commands::shell_word(&config.answers_path),
                    commands::questionnaire_flags(
                        &config.questionnaire_name,
                        &config.questionnaire
                    )
                );
                let _ = if lang == Lang::Sv {
                    write!(text, "\nNästa steg, enas om de oeniga frågorna: {settle}\n")
                } else {
                    write!(text, "\nNext, settle the split questions: {settle}\n")
                };
            }
            text
        }
        TableFormat::Csv => scoring::text::csv(&card, lang),
        TableFormat::Json => {
            let mut json = serde_json::to_string_pretty(&card).expect("a scorecard serializes");
            json.push('\n');
            json
        }
    };
    // A table for people shows what a file's text holds; JSON and CSV keep it as it is.
    if config.format == TableFormat::Text {
        crate::print_text(io.out, &text)?;
    } else {
        crate::print(io.out, &text)?;
    }
    Ok(Exit::Ok)
}
