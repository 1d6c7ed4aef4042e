//! `mognad import`: a filled CSV sheet read into an answers file. Nothing is written unless
//! the whole sheet is valid, and an existing answers file is never written over unasked.

use std::path::{Path, PathBuf};

use crate::answers::{Answers, Outcome};
use crate::cli::ImportArgs;
use crate::commands::{self, Io, assess};
use crate::error::{Error, Exit};
use crate::files;
use crate::lang::Lang;
use crate::problem::{Problem, SheetProblem, SheetProblemKind};
use crate::questionnaire::Questionnaire;
use crate::sheet;
use crate::validate;

pub struct ImportConfig {
    /// The sheet as shown in messages.
    sheet: String,
    answers: Answers,
    /// Worth knowing about the sheet and the answers; said before they are written.
    sheet_warnings: Vec<SheetProblem>,
    answer_warnings: Vec<Problem>,
    /// `-` for standard output.
    output: PathBuf,
    force: bool,
    /// The sheet, and a questionnaire given as a file: never written over.
    inputs: Vec<PathBuf>,
    /// The questionnaire as the user named it, for the next command's flags.
    name: String,
    questionnaire: Questionnaire,
}

impl ImportConfig {
    /// Reads and checks the sheet against its questionnaire; the answers are dated `today`.
    pub fn resolve(args: ImportArgs, today: jiff::civil::Date) -> Result<Self, Error> {
        let shown = files::display(&args.sheet);
        let refuse = |problems| Error::Sheet {
            path: shown.clone(),
            problems,
        };
        let bytes = files::read_bytes(&args.sheet)?;
        let read = sheet::read(&bytes).map_err(refuse)?;
        let named = read.questionnaire();
        let Some(name) = args
            .questionnaire
            .or_else(|| named.as_ref().map(|(id, _)| id.clone()))
        else {
            return Err(refuse(vec![SheetProblem::new(
                None,
                None,
                SheetProblemKind::NoQuestionnaire,
            )]));
        };
        // A sheet made for a built-in edition is read with that edition; for one that is not
        // built in, the newest is used and the sheet's version is warned about.
        let edition = named
            .as_ref()
            .filter(|(id, _)| *id == name)
            .and_then(|(id, version)| crate::builtin::edition(id, version.as_deref()?))
            .and_then(Result::ok);
        let questionnaire = match edition {
            Some(edition) => edition.questionnaire()?,
            None => commands::questionnaire(&name)?,
        };
        commands::usable(&name, validate::questionnaire(&questionnaire))?;
        let imported =
            sheet::answers(&read, &questionnaire, Some(today.to_string())).map_err(refuse)?;
        // The sheet's own checks cover what `validate` checks; this keeps the promise that an
        // imported file is one `validate` accepts.
        let answer_warnings =
            commands::usable(&shown, validate::answers(&imported.answers, &questionnaire))?;
        let output = args.output.unwrap_or_else(|| {
            assess::default_path(
                &questionnaire.id,
                &imported.answers.region,
                imported.answers.solution.as_ref().map(|s| s.name.as_str()),
                imported.answers.year,
            )
        });
        let inputs = vec![args.sheet.clone(), PathBuf::from(&name)];
        Ok(ImportConfig {
            name: name.clone(),
            questionnaire: questionnaire.clone(),
            inputs,
            sheet: shown,
            answers: imported.answers,
            sheet_warnings: imported.warnings,
            answer_warnings,
            output,
            force: args.force,
        })
    }
}

pub fn run(config: &ImportConfig, lang: Lang, io: &mut Io) -> Result<Exit, Error> {
    for warning in &config.sheet_warnings {
        let _ = writeln!(io.err, "{}", warning.render(&config.sheet, lang));
    }
    for warning in &config.answer_warnings {
        let _ = writeln!(io.err, "{}", warning.render(&config.sheet, lang));
    }
    let to_stdout = config.output == Path::new("-");
    if to_stdout {
        let mut json = serde_json::to_string_pretty(&config.answers).expect("answers serialize");
        json.push('\n');
        crate::print(io.out, &json)?;
    } else {
        let written = assess::save(
            &config.output,
            &config.answers,
            &files::Output {
                kind: files::OutputKind::Answers,
                inputs: &config.inputs,
                force: config.force,
            },
        )?;
        let _ = crate::print(io.err, &written.notice(lang));
    }
    let count = |outcome: Outcome| {
        config
            .answers
            .answers
            .values()
            .filter(|a| a.outcome() == outcome)
            .count()
    };
    let (answered, dont_know, not_applicable) = (
        count(Outcome::Answered),
        count(Outcome::DontKnow),
        count(Outcome::NotApplicable),
    );
    let sheet = &config.sheet;
    let mut text = if lang == Lang::Sv {
        format!(
            "Läste {answered} svar, {dont_know} Vet ej och {not_applicable} Ej tillämpligt ur {sheet}."
        )
    } else {
        format!(
            "Read {answered} answers, {dont_know} don't know and {not_applicable} not applicable from {sheet}."
        )
    };
    if !to_stdout {
        let shown = files::display(&config.output);
        let flags = commands::instrument_flags(&config.name, &config.questionnaire, lang);
        text = if lang == Lang::Sv {
            format!(
                "{text}\nSkrev {shown}. Nästa steg: mognad score {}{flags}",
                commands::shell_word(&shown)
            )
        } else {
            format!(
                "{text}\nWrote {shown}. Next: mognad score {}{flags}",
                commands::shell_word(&shown)
            )
        };
    }
    let _ = writeln!(io.err, "{text}");
    Ok(Exit::Ok)
}
