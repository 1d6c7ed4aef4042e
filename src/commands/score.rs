//! `mognad score`: resolve the answers, questionnaire and rubric, check them, score, print.

use crate::answers::Answers;
use crate::cli::{ScoreArgs, TableFormat};
use crate::commands::{self, Io};
use crate::error::{Error, Exit};
use crate::files;
use crate::lang::Lang;
use crate::problem::Problem;
use crate::questionnaire::Questionnaire;
use crate::scoring::{self, Rubric};
use crate::validate;

/// Everything `score` needs, found and checked.
pub struct ScoreConfig {
    pub answers_path: String,
    pub answers: Answers,
    pub questionnaire: Questionnaire,
    pub rubric: Rubric,
    pub warnings: Vec<Problem>,
    pub format: TableFormat,
}

impl ScoreConfig {
    pub fn resolve(args: ScoreArgs) -> Result<Self, Error> {
        let ScoreArgs {
            answers: path,
            rubric,
            questionnaire,
            format,
        } = args;
        let answers_path = files::display(&path);
        let answers = commands::answers(&path)?;
        let (questionnaire, rubric) =
            commands::questionnaire_and_rubric(questionnaire, rubric, &answers)?;
        let warnings =
            commands::usable(&answers_path, validate::answers(&answers, &questionnaire))?;
        Ok(ScoreConfig {
            answers_path,
            answers,
            questionnaire,
            rubric,
            warnings,
            format,
        })
    }
}

pub fn run(config: &ScoreConfig, lang: Lang, io: &mut Io) -> Result<Exit, Error> {
    for warning in &config.warnings {
        let _ = writeln!(io.err, "{}", warning.render(&config.answers_path, lang));
    }
    let card = scoring::score(&config.questionnaire, &config.rubric, &config.answers);
    let text = match config.format {
        TableFormat::Text => scoring::text::render(&card, lang),
        TableFormat::Csv => scoring::text::csv(&card, lang),
        TableFormat::Json => {
            let mut json = serde_json::to_string_pretty(&card).expect("a scorecard serializes");
            json.push('\n');
            json
        }
    };
    crate::print(io.out, &text)?;
    Ok(Exit::Ok)
}
