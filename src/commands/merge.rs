//! `mognad merge`: several respondents' answers files into the team's, keeping every answer
//! beside the team's and marking where the respondents disagree. Nothing is written unless
//! every file can be merged, and an existing file is never written over unasked.

use std::path::{Path, PathBuf};

use crate::answers::{Answers, Merge};
use crate::cli::MergeArgs;
use crate::commands::{self, Io, assess};
use crate::error::{Error, Exit};
use crate::files;
use crate::lang::Lang;
use crate::problem::Problem;
use crate::questionnaire::Questionnaire;
use crate::team;
use crate::validate;

pub struct MergeConfig {
    team: Answers,
    /// Worth knowing about the respondents' files, with each file's name.
    warnings: Vec<(String, Problem)>,
    /// `-` for standard output.
    output: PathBuf,
    force: bool,
    /// The respondents' files: never written over.
    inputs: Vec<PathBuf>,
    /// The questionnaire answered, for the next command's flags.
    questionnaire: Questionnaire,
    /// The questionnaire and rubric as the user named them, for the next command's flags.
    name: String,
    rubric_name: Option<String>,
}

impl MergeConfig {
    /// Reads and checks every file, and merges them.
    pub fn resolve(args: MergeArgs) -> Result<Self, Error> {
        if !(args.split_share > 0.0 && args.split_share <= 1.0) {
            return Err(Error::SplitShare {
                value: args.split_share,
            });
        }
        let mut files = Vec::new();
        for path in &args.files {
            files.push((files::display(path), commands::answers(path)?));
        }
        let Some((_, first)) = files.first() else {
            return Err(Error::Merge(crate::error::MergeProblem::TooFew));
        };
        let name = args
            .questionnaire
            .clone()
            .unwrap_or_else(|| first.questionnaire.id.clone());
        let questionnaire = commands::answered(&name, first)?;
        commands::usable(&name, validate::questionnaire(&questionnaire))?;
        // A rubric the user named must be usable; the questionnaire's own is used when found.
        let rubric = match &args.rubric {
            Some(named) => Some(commands::rubric_for(Some(named), &name, &questionnaire)?),
            None => commands::rubric_near(&name, &questionnaire).ok(),
        };
        let rules = Merge {
            rule: args.rule,
            split_share: args.split_share,
            split_distance: args.split_distance,
            from: Vec::new(),
        };
        // Whether the files belong together is said before what is wrong inside one of them.
        let team =
            team::merge(&questionnaire, rubric.as_ref(), &files, &rules).map_err(Error::Merge)?;
        let mut warnings = Vec::new();
        for (shown, answers) in &files {
            let problems = commands::usable(shown, validate::answers(answers, &questionnaire))?;
            warnings.extend(problems.into_iter().map(|p| (shown.clone(), p)));
        }
        let output = args.output.unwrap_or_else(|| default_path(&team));
        Ok(MergeConfig {
            // Files named as the questionnaire or rubric are read, never written over.
            inputs: args
                .files
                .iter()
                .cloned()
                .chain(
                    [&args.questionnaire, &args.rubric]
                        .into_iter()
                        .flatten()
                        .map(PathBuf::from),
                )
                .collect(),
            team,
            warnings,
            output,
            force: args.force,
            questionnaire,
            name,
            rubric_name: args.rubric,
        })
    }
}

/// `team-tiopunkt-region-skane-2025.json`.
fn default_path(team: &Answers) -> PathBuf {
    let answers = assess::default_path(
        &team.questionnaire.id,
        &team.region,
        team.solution.as_ref().map(|s| s.name.as_str()),
        team.year,
    );
    let name = answers.to_string_lossy().replacen("svar-", "team-", 1);
    PathBuf::from(name)
}

pub fn run(config: &MergeConfig, lang: Lang, io: &mut Io) -> Result<Exit, Error> {
    for (path, warning) in &config.warnings {
        let _ = writeln!(io.err, "{}", warning.render(path, lang));
    }
    let to_stdout = config.output == Path::new("-");
    if to_stdout {
        crate::print(io.out, &config.team.to_json())?;
    } else {
        // The team's file may hold what the team has agreed: never written over unasked.
        let written = assess::save(
            &config.output,
            &config.team,
            &files::Output {
                kind: files::OutputKind::Answers,
                inputs: &config.inputs,
                force: config.force,
            },
        )?;
        let _ = crate::print(io.err, &written.notice(lang));
    }
    let people = config.team.respondents.len();
    let questions = config.team.answers.len();
    let split = config.team.answers.values().filter(|a| a.split).count();
    let mut text = if lang == Lang::Sv {
        format!("Slog ihop {people} personers svar på {questions} frågor; {split} är oeniga.")
    } else {
        format!("Merged {people} people's answers to {questions} questions; {split} are split.")
    };
    if !to_stdout {
        let shown = files::display(&config.output);
        let (id, questionnaire) = (&config.name, &config.questionnaire);
        let file = commands::shell_word(&shown);
        let next = if split > 0 {
            let mut flags = commands::questionnaire_flags(id, questionnaire);
            if let Some(rubric) = &config.rubric_name {
                flags.push_str(" --rubric ");
                flags.push_str(&commands::shell_word(rubric));
            }
            if lang == Lang::Sv {
                format!(
                    "Skrev {shown}. Nästa steg, enas om de oeniga frågorna: mognad assess --answers {file} --consensus{flags}"
                )
            } else {
                format!(
                    "Wrote {shown}. Next, settle the split questions: mognad assess --answers {file} --consensus{flags}"
                )
            }
        } else {
            let flags = commands::instrument_flags_with(
                id,
                config.rubric_name.as_deref(),
                questionnaire,
                lang,
            );
            if lang == Lang::Sv {
                format!("Skrev {shown}. Nästa steg: mognad report {file}{flags}")
            } else {
                format!("Wrote {shown}. Next: mognad report {file}{flags}")
            }
        };
        text = format!("{text}\n{next}");
    }
    let _ = writeln!(io.err, "{text}");
    Ok(Exit::Ok)
}
