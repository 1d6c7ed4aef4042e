//! `mognad compare`: two years of a region's answers side by side. Resolves and checks both
//! files, the questionnaire and the rubric, compares, prints.

use crate::answers::Answers;
use crate::cli::{CompareArgs, TableFormat};
use crate::commands::{self, Io};
use crate::compare;
use crate::error::{CompareProblem, Error, Exit};
use crate::files;
use crate::lang::Lang;
use crate::problem::{Problem, ProblemKind};
use crate::questionnaire::Questionnaire;
use crate::scoring::Rubric;
use crate::validate;

/// Everything `compare` needs, found and checked.
pub struct CompareConfig {
    pub old: Answers,
    pub new: Answers,
    pub questionnaire: Questionnaire,
    /// The questionnaire the earlier answers were given to, when it is another version and
    /// built in or in the instrument folders: it says which groups of areas it had.
    pub earlier: Option<Questionnaire>,
    pub rubric: Rubric,
    /// Worth knowing about the files, with each file's name.
    pub warnings: Vec<(String, Problem)>,
    pub format: TableFormat,
}

impl CompareConfig {
    pub fn resolve(args: CompareArgs) -> Result<Self, Error> {
        let CompareArgs {
            old: old_path,
            new: new_path,
            rubric,
            questionnaire,
            format,
        } = args;
        let (old_shown, new_shown) = (files::display(&old_path), files::display(&new_path));
        let old = commands::answers(&old_path)?;
        let new = commands::answers(&new_path)?;
        let cannot = |problem| Error::Compare {
            old: old_shown.clone(),
            new: new_shown.clone(),
            problem,
        };
        if old.questionnaire.id != new.questionnaire.id {
            return Err(cannot(CompareProblem::OtherQuestionnaire {
                old: old.questionnaire.id.clone(),
                new: new.questionnaire.id.clone(),
            }));
        }
        if old.region.trim() != new.region.trim() {
            return Err(cannot(CompareProblem::OtherRegion {
                old: old.region.clone(),
                new: new.region.clone(),
            }));
        }
        if old.year >= new.year {
            return Err(cannot(CompareProblem::NotEarlier {
                old: old.year,
                new: new.year,
            }));
        }
        let (questionnaire, rubric) =
            commands::questionnaire_and_rubric(questionnaire, rubric.as_deref(), &new)?;
        let mut warnings = Vec::new();
        let problems = commands::usable(&new_shown, validate::answers(&new, &questionnaire))?;
        warnings.extend(problems.into_iter().map(|p| (new_shown.clone(), p)));
        let mut problems = validate::answers(&old, &questionnaire);
        if old.questionnaire.version != questionnaire.version {
            // Answers to another version cannot be checked against this one's questions: the
            // comparison carries only what a question declares it continues, and says which
            // earlier answers did not fit. What the file says about itself is still checked.
            problems.retain(|p| {
                !matches!(p.kind, ProblemKind::AnsweredOtherVersion { .. })
                    && !p.path.starts_with("answers.")
            });
        }
        let problems = commands::usable(&old_shown, problems)?;
        warnings.extend(problems.into_iter().map(|p| (old_shown.clone(), p)));
        let earlier = earlier_edition(&old, &questionnaire);
        Ok(CompareConfig {
            old,
            new,
            questionnaire,
            earlier,
            rubric,
            warnings,
            format,
        })
    }
}

/// The edition the earlier answers were given to, when it is not the current one and can be
/// found: built in, or in the instrument folders.
fn earlier_edition(old: &Answers, current: &Questionnaire) -> Option<Questionnaire> {
    let (id, version) = (&old.questionnaire.id, &old.questionnaire.version);
    if *version == current.version {
        return None;
    }
    if let Some(found) = crate::builtin::questionnaire_at(id, version) {
        return found.ok();
    }
    commands::instruments::questionnaire(id, Some(version)).map(|(_, q)| q)
}

pub fn run(config: &CompareConfig, lang: Lang, io: &mut Io) -> Result<Exit, Error> {
    for (path, warning) in &config.warnings {
        let _ = writeln!(io.err, "{}", warning.render(path, lang));
    }
    let comparison = compare::compare_editions(
        &config.questionnaire,
        &config.rubric,
        &config.old,
        &config.new,
        config.earlier.as_ref(),
    );
    let text = match config.format {
        TableFormat::Text => compare::text::render(&comparison, &config.questionnaire, lang),
        TableFormat::Json => {
            let mut json =
                serde_json::to_string_pretty(&comparison).expect("a comparison serializes");
            json.push('\n');
            json
        }
        TableFormat::Csv => compare::csv::render(&comparison, lang),
    };
    // A table for people shows what a file's text holds; JSON and CSV keep it as it is.
    if config.format == TableFormat::Text {
        crate::print_text(io.out, &text)?;
    } else {
        crate::print(io.out, &text)?;
    }
    Ok(Exit::Ok)
}
