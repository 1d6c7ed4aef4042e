//! `mognad template`: a questionnaire as a CSV sheet that a team fills in Excel and reads
//! back with `mognad import`.

use std::path::{Path, PathBuf};

use crate::answers::Respondent;
use crate::cli::TemplateArgs;
use crate::commands::{self, Io, assess};
use crate::error::{Error, Exit};
use crate::files;
use crate::lang::Lang;
use crate::questionnaire::{Kind as QuestionnaireKind, Questionnaire};
use crate::sheet::{self, Prefill};
use crate::validate;

/// The questionnaire a sheet is made for when none is named, as in `assess`.
const DEFAULT_QUESTIONNAIRE: &str = "tiopunkt";

pub struct TemplateConfig {
    questionnaire: Questionnaire,
    prefill: Prefill,
    /// `-` for standard output.
    output: PathBuf,
    force: bool,
    /// A questionnaire given as a file, never to be written over.
    inputs: Vec<PathBuf>,
    /// What `mognad import` needs to find the questionnaire again: none when it is built in.
    flags: String,
}

impl TemplateConfig {
    pub fn resolve(args: TemplateArgs) -> Result<Self, Error> {
        let name = args
            .questionnaire
            .unwrap_or_else(|| DEFAULT_QUESTIONNAIRE.to_string());
        let questionnaire = commands::questionnaire(&name)?;
        commands::usable(&name, validate::questionnaire(&questionnaire))?;
        let output = args
            .output
            .unwrap_or_else(|| match (&args.region, args.year) {
                (Some(region), Some(year)) => {
                    assess::default_path(&questionnaire.id, region, None, year)
                        .with_extension("csv")
                }
                _ => PathBuf::from(format!("svar-{}.csv", questionnaire.id)),
            });
        // A maturity questionnaire's sheet gets a target row for each area its built-in rubric
        // scores; readiness is judged by its verdict, not by targets per dimension.
        let target_areas = match commands::rubric_near(&name, &questionnaire) {
            Ok(rubric) if questionnaire.kind == QuestionnaireKind::Maturity => {
                rubric.areas.iter().map(|a| a.area.clone()).collect()
            }
            _ => Vec::new(),
        };
        let respondent = args
            .respondent
            .zip(args.role)
            .map(|(name, role)| Respondent { name, role });
        let inputs = vec![PathBuf::from(&name)];
        Ok(TemplateConfig {
            inputs,
            flags: commands::questionnaire_flags(&name, &questionnaire),
            questionnaire,
            prefill: Prefill {
                region: args.region,
                year: args.year,
                respondent,
                target_areas,
            },
            output,
            force: args.force,
        })
    }
}

pub fn run(config: &TemplateConfig, lang: Lang, io: &mut Io) -> Result<Exit, Error> {
    let bytes = sheet::template(&config.questionnaire, &config.prefill, lang);
    if config.output == Path::new("-") {
        let text = String::from_utf8(bytes).expect("the sheet is UTF-8");
        crate::print(io.out, &text)?;
        return Ok(Exit::Ok);
    }
    // A filled sheet holds the team's answers: never written over unasked.
    let written = files::write_atomic(
        &config.output,
        &bytes,
        &files::Output {
            kind: files::OutputKind::Sheet,
            inputs: &config.inputs,
            force: config.force,
        },
    )?;
    let _ = crate::print(io.err, &written.notice(lang));
    let shown = files::display(&config.output);
    let questions = config.questionnaire.question_count();
    let import = format!(
        "mognad import {}{}",
        commands::shell_word(&shown),
        config.flags
    );
    let text = if lang == Lang::Sv {
        format!(
            "Skrev {shown} ({questions} frågor).\nFyll i kolumnen svar i Excel och spara som ”CSV UTF-8 (kommaavgränsad)”; läs sedan in svaren: {import}\n"
        )
    } else {
        format!(
            "Wrote {shown} ({questions} questions).\nFill in the answer column in Excel and save as “CSV UTF-8 (Comma delimited)”; then read the answers: {import}\n"
        )
    };
    let _ = crate::print(io.err, &text);
    Ok(Exit::Ok)
}
