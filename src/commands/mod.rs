//! The commands: the shell around the pure core, and the only code that reads files and
//! prints. Each has one `run`.

pub mod assess;
pub mod benchmark;
pub mod compare;
pub mod demo;
pub mod import;
pub mod instruments;
pub mod merge;
pub mod national_report;
pub mod questionnaires;
pub mod report;
pub mod schema;
pub mod score;
pub mod shell;
pub mod template;
pub mod validate;

use std::path::{Path, PathBuf};

use crate::answers::Answers;
use crate::builtin;
use crate::document::{Document, Kind};
use crate::error::{Error, Lookup, TargetsProblem};
use crate::files;
use crate::problem::{Problem, Severity};
use crate::questionnaire::Questionnaire;
use crate::scoring::Rubric;
use crate::targets::Targets;

/// Where output goes: standard output and standard error, or buffers in tests.
pub struct Io<'a> {
    pub out: &'a mut dyn std::io::Write,
    pub err: &'a mut dyn std::io::Write,
}

/// An answers file, or an error naming what the file is instead.
pub fn answers(path: &Path) -> Result<Answers, Error> {
    match files::load(path)? {
        Document::Answers(answers) => Ok(answers),
        other => Err(wrong_kind(&files::display(path), Kind::Answers, &other)),
    }
}

/// An answers file this interview holds, read through its lock.
pub fn locked_answers(file: &mut files::Locked) -> Result<Answers, Error> {
    match file.load()? {
        Document::Answers(answers) => Ok(answers),
        other => Err(wrong_kind(
            &files::display(file.path()),
            Kind::Answers,
            &other,
        )),
    }
}

/// The warnings among a file's problems, or an error naming the file if any problem is an
/// error: what every command does with a file it is about to use.
pub fn usable(path: &str, problems: Vec<Problem>) -> Result<Vec<Problem>, Error> {
    if problems.iter().any(|p| p.severity() == Severity::Error) {
        return Err(Error::Invalid {
            path: path.to_string(),
            problems,
        });
    }
    Ok(problems)
}

/// The questionnaire and rubric to score answers with, each checked: the ones named, else
/// the built-in edition the answers name and its rubric.
pub fn questionnaire_and_rubric(
    questionnaire: Option<String>,
    rubric: Option<&str>,
    answers: &Answers,
) -> Result<(Questionnaire, Rubric), Error> {
    let questionnaire_name = questionnaire.unwrap_or_else(|| answers.questionnaire.id.clone());
    let questionnaire = self::answered(&questionnaire_name, answers)?;
    usable(
        &questionnaire_name,
        crate::validate::questionnaire(&questionnaire),
    )?;
    let rubric = rubric_for(rubric, &questionnaire_name, &questionnaire)?;
    Ok((questionnaire, rubric))
}

/// The rubric for a questionnaire the user named `questionnaire_name`, checked against it:
/// the one named, else the questionnaire's own (built in, in the folders, or beside its file).
pub fn rubric_for(
    named: Option<&str>,
    questionnaire_name: &str,
    questionnaire: &Questionnaire,
) -> Result<Rubric, Error> {
    let (shown, rubric) = match named {
        Some(name) => (name.to_string(), rubric_of(name, questionnaire)?),
        None => match rubric_near(questionnaire_name, questionnaire) {
            Err(Error::NotFound { .. }) => {
                return Err(Error::NoRubric {
                    questionnaire: questionnaire.id.clone(),
                });
            }
            other => (questionnaire.id.clone(), other?),
        },
    };
    usable(
        &shown,
        crate::validate::rubric(&rubric, Some(questionnaire)),
    )?;
    Ok(rubric)
}

/// A questionnaire named by a built-in id (its newest edition: for new answers), a built-in
/// edition `ID@VERSION` such as `tiopunkt@2025.1`, or a path.
pub fn questionnaire(name: &str) -> Result<Questionnaire, Error> {
    if let Some(found) = builtin::questionnaire(name) {
        return found;
    }
    if let Some(edition) = named_edition(name) {
        return edition?.questionnaire();
    }
    // An id in the instrument folders, as `ID` (the newest) or `ID@VERSION`.
    if !Path::new(name).exists() {
        let (id, version) = match name.split_once('@') {
            Some((id, version)) => (id, Some(version)),
            None => (name, None),
        };
        if let Some((_, q)) = instruments::questionnaire(id, version) {
            return Ok(q);
        }
    }
    load_questionnaire(name)
}

/// The flags a hint's `score` or `report` command needs for answers to this questionnaire,
/// named `name` by the user, so that the command works as written: none when it is built in;
/// the `--instruments` folders given on the command line when it was found in one (a folder
/// from `MOGNAD_INSTRUMENTS` is found again without a flag); else the questionnaire file and
/// the rubric beside it that scores it (or a placeholder for one).
pub fn instrument_flags(
    name: &str,
    questionnaire: &Questionnaire,
    lang: crate::lang::Lang,
) -> String {
    instrument_flags_with(name, None, questionnaire, lang)
}

/// As [`instrument_flags`], with the rubric the user named (`--rubric`) in place of the one
/// beside the questionnaire.
pub fn instrument_flags_with(
    name: &str,
    rubric: Option<&str>,
    questionnaire: &Questionnaire,
    lang: crate::lang::Lang,
) -> String {
    if builtin::edition(&questionnaire.id, &questionnaire.version).is_some() {
        return String::new();
    }
    if let Some(rubric) = rubric.filter(|r| Path::new(r).is_file()) {
        let questionnaire_flag = if Path::new(name).is_file() {
            format!(" --questionnaire {}", shell_word(name))
        } else {
            folder_flags()
        };
        return format!("{questionnaire_flag} --rubric {}", shell_word(rubric));
    }
    if instruments::questionnaire(&questionnaire.id, Some(&questionnaire.version)).is_some() {
        return folder_flags();
    }
    let rubric = rubric_beside(name, questionnaire).map_or_else(
        || lang.pick("BEDÖMNINGSMALL.json", "RUBRIC.json").to_string(),
        |(p, _)| files::display(&p),
    );
    format!(
        " --questionnaire {} --rubric {}",
        shell_word(name),
        shell_word(&rubric)
    )
}

/// The flags a hint's `assess` command needs to find this questionnaire again: as
/// [`instrument_flags`], without the rubric, which `assess` finds beside the questionnaire.
pub fn questionnaire_flags(name: &str, questionnaire: &Questionnaire) -> String {
    if builtin::edition(&questionnaire.id, &questionnaire.version).is_some() {
        return String::new();
    }
    if instruments::questionnaire(&questionnaire.id, Some(&questionnaire.version)).is_some() {
        return folder_flags();
    }
    format!(" --questionnaire {}", shell_word(name))
}

/// ` --instruments DIR` for each folder given on the command line.
fn folder_flags() -> String {
    let mut flags = String::new();
    for folder in instruments::given() {
        flags.push_str(" --instruments ");
        flags.push_str(&shell_word(&files::display(folder)));
    }
    flags
}

/// A path or name as a shell reads it back: as it is, or in single quotes when it holds a
/// space or a character the shell would take for its own (`svar region.json` becomes
/// `'svar region.json'`). Letters such as å, ä and ö need no quotes.
pub fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word.chars().all(|c| {
            c.is_alphanumeric()
                || matches!(c, '-' | '_' | '.' | '/' | ',' | ':' | '@' | '+' | '=' | '%')
        });
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// The rubric in the folder of a questionnaire file named `name` that scores it: how a
/// questionnaire handed out as a file with its rubric beside it is scored without naming both.
pub fn rubric_beside(name: &str, questionnaire: &Questionnaire) -> Option<(PathBuf, Rubric)> {
    let path = Path::new(name);
    if !path.is_file() {
        return None;
    }
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    instruments::json_files(folder)
        .into_iter()
        .find_map(|p| match files::load(&p) {
            Ok(Document::Rubric(r))
                if r.questionnaire.id == questionnaire.id
                    && r.questionnaire.versions.contains(&questionnaire.version) =>
            {
                Some((p, r))
            }
            _ => None,
        })
}

/// The rubric for a questionnaire the user named `name`: as [`rubric_of`] finds it, else the
/// one beside the questionnaire's file.
pub fn rubric_near(name: &str, questionnaire: &Questionnaire) -> Result<Rubric, Error> {
    rubric_of(&questionnaire.id, questionnaire).or_else(|error| {
        rubric_beside(name, questionnaire)
            .map(|(_, rubric)| rubric)
            .ok_or(error)
    })
}

/// The built-in edition `ID@VERSION` names, when its id is built in and no file has the name.
fn named_edition(name: &str) -> Option<Result<&'static builtin::Edition, Error>> {
    let (id, version) = name.split_once('@')?;
    if Path::new(name).exists() {
        return None;
    }
    builtin::edition(id, version)
}

/// The questionnaire to read these answers with, named by a built-in id or a path. The
/// answers' own id names the built-in edition of the version they answered, so that answers
/// are always read with the questions they answered; an edition that is not built in is an
/// error naming those that are.
pub fn answered(name: &str, answers: &Answers) -> Result<Questionnaire, Error> {
    if name == answers.questionnaire.id {
        if let Some(edition) = builtin::edition(name, &answers.questionnaire.version) {
            return edition?.questionnaire();
        }
        // Not built in: the edition the answers pin, from the instrument folders.
        if let Some((_, q)) = instruments::questionnaire(name, Some(&answers.questionnaire.version))
        {
            return Ok(q);
        }
    }
    questionnaire(name)
}

fn load_questionnaire(name: &str) -> Result<Questionnaire, Error> {
    match load_named(name, Lookup::Questionnaire)? {
        Document::Questionnaire(q) => Ok(q),
        other => Err(wrong_kind(name, Kind::Questionnaire, &other)),
    }
}

/// A rubric named by a built-in id (its newest edition), a built-in edition `ID@VERSION`, or
/// a path.
pub fn rubric(name: &str) -> Result<Rubric, Error> {
    if let Some(found) = builtin::rubric(name) {
        return found;
    }
    if let Some(edition) = named_edition(name) {
        return edition?.rubric();
    }
    if !Path::new(name).exists()
        && let Some((_, rubric)) = instruments::rubric_named(name)
    {
        return Ok(rubric);
    }
    load_rubric(name)
}

/// The rubric to score answers to this questionnaire with, named by a built-in id or a path:
/// a built-in id names the rubric of the questionnaire's edition when it is built in.
pub fn rubric_of(name: &str, questionnaire: &Questionnaire) -> Result<Rubric, Error> {
    if name == questionnaire.id {
        if let Some(Ok(edition)) = builtin::edition(name, &questionnaire.version) {
            return edition.rubric();
        }
        if builtin::questionnaire(name).is_none()
            && let Some((_, rubric)) = instruments::rubric(questionnaire)
        {
            return Ok(rubric);
        }
    }
    rubric(name)
}

fn load_rubric(name: &str) -> Result<Rubric, Error> {
    match load_named(name, Lookup::Rubric)? {
        Document::Rubric(r) => Ok(r),
        other => Err(wrong_kind(name, Kind::Rubric, &other)),
    }
}

fn load_named(name: &str, kind: Lookup) -> Result<Document, Error> {
    let path = Path::new(name);
    if !path.exists() {
        return Err(Error::NotFound {
            kind,
            name: name.to_string(),
        });
    }
    files::load(path)
}

/// A targets file.
pub fn targets(path: &Path) -> Result<Targets, Error> {
    match files::load(path)? {
        Document::Targets(targets) => Ok(targets),
        other => Err(wrong_kind(&files::display(path), Kind::Targets, &other)),
    }
}

/// Checks a targets file (`path` as shown) for use with these answers: for their
/// questionnaire and region, and every target fit for the questionnaire and rubric. Returns
/// its warnings.
pub fn fit_targets(
    path: &str,
    targets: &Targets,
    questionnaire: &Questionnaire,
    rubric: &Rubric,
    answers: &Answers,
) -> Result<Vec<Problem>, Error> {
    if targets.questionnaire != questionnaire.id {
        return Err(Error::Targets {
            path: path.to_string(),
            problem: TargetsProblem::OtherQuestionnaire {
                found: targets.questionnaire.clone(),
                expected: questionnaire.id.clone(),
            },
        });
    }
    if targets.region != answers.region {
        return Err(Error::Targets {
            path: path.to_string(),
            problem: TargetsProblem::OtherRegion {
                found: targets.region.clone(),
                expected: answers.region.clone(),
            },
        });
    }
    usable(
        path,
        crate::validate::targets(targets, questionnaire, Some(rubric)),
    )
}

pub fn wrong_kind(path: &str, expected: Kind, found: &Document) -> Error {
    Error::WrongKind {
        path: path.to_string(),
        expected: expected.name(),
        found: found.kind().name(),
    }
}
