//! `mognad assess`: the guided interview in a terminal, saving after every answer, and with
//! `--consensus` the walk in which a team settles its split questions; without a
//! terminal, a check and score of the answers file, never a hang.

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::answers::{self, Answers, QuestionnaireRef, Respondent, Solution};
use crate::builtin;
use crate::cli::{AssessArgs, ScoreArgs, TableFormat};
use crate::commands::{self, Io, score::ScoreConfig};
use crate::error::{Error, Exit};
use crate::files;
use crate::interview::consensus::Settlement;
use crate::interview::terminal::TerminalSource;
use crate::interview::{Ending, Interview};
use crate::lang::Lang;
use crate::questionnaire::{Kind as QuestionnaireKind, Questionnaire};
use crate::scoring;
use crate::team;
use crate::validate;

/// The questionnaire asked when none is named.
const DEFAULT_QUESTIONNAIRE: &str = "tiopunkt";

pub fn run(
    args: AssessArgs,
    lang: Lang,
    today: jiff::civil::Date,
    io: &mut Io,
) -> Result<Exit, Error> {
    let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    if args.consensus {
        return consensus(args, lang, today, terminal, io);
    }
    if !terminal {
        let Some(path) = args.answers else {
            return Err(Error::NoTerminal);
        };
        // Without a terminal nothing can be asked: check and score what the file holds.
        let config = ScoreConfig::resolve(ScoreArgs {
            answers: path,
            rubric: None,
            questionnaire: args.questionnaire,
            targets: None,
            previous: args.previous,
            format: TableFormat::Text,
        })?;
        return commands::score::run(&config, lang, io);
    }

    let questionnaire_name = args
        .questionnaire
        .clone()
        .unwrap_or_else(|| DEFAULT_QUESTIONNAIRE.to_string());
    let source = TerminalSource::new(lang);
    let _cursor = source.cursor_guard();
    let mut source = source;

    // An existing file is resumed; one from an earlier year than asked for becomes last year's.
    let mut previous = match &args.previous {
        Some(path) => Some(commands::answers(path)?),
        None => None,
    };
    let mut existing = None;
    let mut path = args.answers.clone();
    if let Some(given) = &args.answers
        && given.exists()
    {
        // Held from before anything is shown, so that a second interview on the file stops
        // at once; read through the lock, as the interview that had it may just have saved.
        let mut file = files::Locked::acquire(given)?;
        let answers = commands::locked_answers(&mut file)?;
        if args.year.is_some_and(|year| answers.year < year) && previous.is_none() {
            previous = Some(answers);
            path = None;
        } else {
            existing = Some((file, answers));
        }
    }
    let questionnaire_name = existing
        .as_ref()
        .filter(|_| args.questionnaire.is_none())
        .map_or(questionnaire_name, |(_, a)| a.questionnaire.id.clone());
    let questionnaire = commands::questionnaire(&questionnaire_name)?;
    commands::usable(&questionnaire_name, validate::questionnaire(&questionnaire))?;

    let cancelled = |path: &Path, answers: &Answers, io: &mut Io| {
        let (answered, total) = Interview::new(&questionnaire, answers.clone(), None).progress();
        let _ = writeln!(io.err, "\n{}", stopped(lang, path, answered, total));
        Ok(Exit::Cancelled)
    };

    let (mut file, answers) = if let Some(existing) = existing {
        existing
    } else {
        let minutes = questionnaire.question_count().div_ceil(10) * 10;
        if source
            .intro(
                questionnaire.title.get(lang),
                questionnaire.question_count(),
                minutes,
            )
            .is_err()
        {
            source.restore();
            return Err(Error::Cancelled);
        }
        let Ok(started) = start(
            &mut source,
            &questionnaire,
            &args,
            previous.as_ref(),
            lang,
            today,
        ) else {
            source.restore();
            return Err(Error::Cancelled);
        };
        let path =
            path.unwrap_or_else(|| default_path(&questionnaire.id, &started.region, started.year));
        match files::Locked::create(&path, started.to_json().as_bytes()) {
            Ok(file) => (file, started),
            // The same team resuming without naming the file.
            Err(Error::Exists { .. }) => {
                let mut file = files::Locked::acquire(&path)?;
                let found = commands::locked_answers(&mut file)?;
                (file, found)
            }
            Err(error) => return Err(error),
        }
    };
    let path = file.path().to_path_buf();
    if answers.questionnaire.id != questionnaire.id {
        return Err(Error::WrongQuestionnaire {
            path: files::display(&path),
            found: answers.questionnaire.id.clone(),
            expected: questionnaire.id.clone(),
        });
    }
    let mut answers = answers;
    if let (Some(name), Some(role)) = (&args.respondent, &args.role)
        && !answers.respondents.iter().any(|r| &r.name == name)
    {
        answers.respondents.push(Respondent {
            name: name.clone(),
            role: role.clone(),
        });
    }
    keep(&mut file, &answers)?;

    // A maturity questionnaire's areas can be given targets from the review; readiness is
    // judged by its verdict instead.
    let rubric = commands::rubric(&questionnaire.id).ok();
    let last_year = previous.clone();
    let mut interview = Interview::new(&questionnaire, answers, previous);
    if let Some(rubric) = rubric
        .as_ref()
        .filter(|_| questionnaire.kind == QuestionnaireKind::Maturity)
    {
        interview = interview.with_targets(rubric);
    }
    let ending = interview.run(&mut source, &mut |answers: &Answers| {
        keep(&mut file, answers)
    })?;
    let mut answers = interview.into_answers();
    // The cursor is shown before anything is printed after the interview.
    source.restore();
    match ending {
        Ending::Cancelled => cancelled(&path, &answers, io),
        Ending::Finished => {
            answers.date = Some(today.to_string());
            keep(&mut file, &answers)?;
            let _ = source_done(&mut source);
            let rubric = match rubric {
                Some(rubric) => rubric,
                None => commands::rubric(&questionnaire.id)?,
            };
            let mut card = scoring::score(&questionnaire, &rubric, &answers);
            if let Some(last_year) = last_year.filter(|p| p.year < answers.year) {
                let earlier = scoring::score(&questionnaire, &rubric, &last_year);
                card = scoring::with_progress(card, &earlier);
            }
            let mut text = scoring::text::render(&card, lang);
            let shown = files::display(&path);
            let _ = if lang == Lang::Sv {
                write!(
                    text,
                    "\nSvaren är sparade i {shown}.\nNästa steg, profilen för ledningen: mognad report {shown}\n"
                )
            } else {
                write!(
                    text,
                    "\nThe answers are saved in {shown}.\nNext, the profile for leadership: mognad report {shown}\n"
                )
            };
            crate::print(io.out, &text)?;
            Ok(Exit::Ok)
        }
    }
}

/// `--consensus`: the team settles the split questions of its merged file, one by one, saved
/// after each.
fn consensus(
    args: AssessArgs,
    lang: Lang,
    today: jiff::civil::Date,
    terminal: bool,
    io: &mut Io,
) -> Result<Exit, Error> {
    let path = args
        .answers
        .expect("the command line requires --answers with --consensus");
    let shown = files::display(&path);
    // With a terminal the walk writes: the file is held from before anything is shown.
    let mut file = if terminal {
        Some(files::Locked::acquire(&path)?)
    } else {
        None
    };
    let answers = match &mut file {
        Some(file) => commands::locked_answers(file)?,
        None => commands::answers(&path)?,
    };
    if !answers.is_team() {
        return Err(Error::NotTeam { path: shown });
    }
    let name = args
        .questionnaire
        .unwrap_or_else(|| answers.questionnaire.id.clone());
    let questionnaire = commands::questionnaire(&name)?;
    commands::usable(&name, validate::questionnaire(&questionnaire))?;
    if answers.questionnaire.id != questionnaire.id {
        return Err(Error::WrongQuestionnaire {
            path: shown,
            found: answers.questionnaire.id.clone(),
            expected: questionnaire.id.clone(),
        });
    }
    for warning in commands::usable(&shown, validate::answers(&answers, &questionnaire))? {
        let _ = writeln!(io.err, "{}", warning.render(&shown, lang));
    }
    if team::open(&questionnaire, &answers).is_empty() {
        let text = if lang == Lang::Sv {
            format!(
                "Teamet är enat om alla oeniga frågor i {shown}.\nNästa steg, profilen för ledningen: mognad report {shown}\n"
            )
        } else {
            format!(
                "The team has settled every split question in {shown}.\nNext, the profile for leadership: mognad report {shown}\n"
            )
        };
        crate::print(io.out, &text)?;
        return Ok(Exit::Ok);
    }
    let Some(mut file) = file else {
        return Err(Error::ConsensusNoTerminal { path: shown });
    };
    let rubric = builtin::rubric(&questionnaire.id).and_then(Result::ok);
    let mut source = TerminalSource::new(lang);
    let _cursor = source.cursor_guard();
    let mut walk = Settlement::new(&questionnaire, rubric.as_ref(), answers, today.to_string());
    let ending = walk.run(&mut source, &mut |answers: &Answers| {
        keep(&mut file, answers)
    })?;
    source.restore();
    let (settled, total) = walk.progress();
    let left = team::open(&questionnaire, walk.answers()).len();
    match ending {
        Ending::Cancelled => {
            let text = if lang == Lang::Sv {
                format!(
                    "Avbrutet. {settled} av {total} oeniga frågor är enade och sparade i {shown}.\nFortsätt där ni slutade: mognad assess --answers {shown} --consensus"
                )
            } else {
                format!(
                    "Stopped. {settled} of {total} split questions are settled and saved in {shown}.\nGo on where you left off: mognad assess --answers {shown} --consensus"
                )
            };
            let _ = writeln!(io.err, "\n{text}");
            Ok(Exit::Cancelled)
        }
        Ending::Finished => {
            let _ = source_done(&mut source);
            let rubric = commands::rubric(&questionnaire.id)?;
            let card = scoring::score(&questionnaire, &rubric, walk.answers());
            let mut text = scoring::text::render(&card, lang);
            let _ = if lang == Lang::Sv {
                write!(
                    text,
                    "\n{settled} av {total} oeniga frågor är enade och sparade i {shown}.\n"
                )
            } else {
                write!(
                    text,
                    "\n{settled} of {total} split questions are settled and saved in {shown}.\n"
                )
            };
            let _ = match (left, lang) {
                (0, Lang::Sv) => writeln!(
                    text,
                    "Nästa steg, profilen för ledningen: mognad report {shown}"
                ),
                (0, Lang::En) => writeln!(
                    text,
                    "Next, the profile for leadership: mognad report {shown}"
                ),
                (_, Lang::Sv) => writeln!(
                    text,
                    "{left} står kvar; fortsätt med dem: mognad assess --answers {shown} --consensus"
                ),
                (_, Lang::En) => writeln!(
                    text,
                    "{left} are left; go on with them: mognad assess --answers {shown} --consensus"
                ),
            };
            crate::print(io.out, &text)?;
            Ok(Exit::Ok)
        }
    }
}

fn source_done(source: &mut TerminalSource) -> Result<(), crate::interview::Cancelled> {
    source.clear()
}

/// The start: who answers, for which region and year, and for readiness which solution.
fn start(
    source: &mut TerminalSource,
    questionnaire: &Questionnaire,
    args: &AssessArgs,
    previous: Option<&Answers>,
    lang: Lang,
    today: jiff::civil::Date,
) -> Result<Answers, crate::interview::Cancelled> {
    let region = match (&args.region, previous) {
        (Some(region), _) => region.clone(),
        (None, Some(previous)) => previous.region.clone(),
        (None, None) => source.region()?,
    };
    let year = match args.year {
        Some(year) => year,
        None => loop {
            let typed = source
                .text(
                    lang.pick("År som bedömningen gäller", "Year the assessment describes"),
                    &today.year().to_string(),
                    true,
                )?
                .unwrap_or_default();
            if let Ok(year) = typed.parse::<i32>()
                && (2000..=2100).contains(&year)
            {
                break year;
            }
        },
    };
    let mut respondents = Vec::new();
    if let (Some(name), Some(role)) = (&args.respondent, &args.role) {
        respondents.push(Respondent {
            name: name.clone(),
            role: role.clone(),
        });
    } else if let Some(name) = source.text(
        lang.pick("Ditt namn (Enter hoppar över)", "Your name (Enter skips)"),
        "",
        false,
    )? {
        let role = source
            .text(
                lang.pick(
                    "Din roll, till exempel CIO eller CMIO",
                    "Your role, for example CIO or CMIO",
                ),
                "",
                false,
            )?
            .unwrap_or_default();
        respondents.push(Respondent { name, role });
    }
    let solution = if questionnaire.kind == QuestionnaireKind::Readiness {
        let last = previous.and_then(|p| p.solution.clone());
        let name = source
            .text(
                lang.pick(
                    "Lösningen som bedöms, till exempel distansmonitorering vid hjärtsvikt",
                    "The solution assessed, for example remote monitoring of heart failure",
                ),
                last.as_ref().map_or("", |s| s.name.as_str()),
                true,
            )?
            .unwrap_or_default();
        let target_group = source
            .text(
                lang.pick(
                    "Målgruppen, till exempel patienter med hjärtsvikt i primärvården",
                    "The target group, for example patients with heart failure in primary care",
                ),
                last.as_ref().map_or("", |s| s.target_group.as_str()),
                true,
            )?
            .unwrap_or_default();
        Some(Solution {
            name,
            target_group,
            description: None,
        })
    } else {
        None
    };
    Ok(Answers {
        format: answers::FORMAT.to_string(),
        questionnaire: QuestionnaireRef {
            id: questionnaire.id.clone(),
            version: questionnaire.version.clone(),
            hash: Some(questionnaire.content_hash()),
        },
        region,
        year,
        date: Some(today.to_string()),
        respondents,
        solution,
        note: None,
        example: false,
        merge: None,
        targets: indexmap::IndexMap::new(),
        answers: indexmap::IndexMap::new(),
    })
}

/// Writes the answers atomically.
pub fn save(path: &Path, answers: &Answers) -> Result<(), Error> {
    files::write_atomic(path, answers.to_json().as_bytes())
}

/// Writes the answers into the file this interview holds, atomically and keeping the lock.
fn keep(file: &mut files::Locked, answers: &Answers) -> Result<(), Error> {
    file.write(answers.to_json().as_bytes())
}

/// `svar-tiopunkt-region-skane-2025.json`: the file a new interview is saved in.
pub fn default_path(questionnaire: &str, region: &str, year: i32) -> PathBuf {
    let mut slug = String::new();
    for c in region.to_lowercase().chars() {
        match c {
            'å' | 'ä' | 'á' | 'à' => slug.push('a'),
            'ö' | 'ø' => slug.push('o'),
            'é' | 'è' => slug.push('e'),
            'ü' => slug.push('u'),
            c if c.is_ascii_alphanumeric() => slug.push(c),
            _ if !slug.is_empty() && !slug.ends_with('-') => slug.push('-'),
            _ => {}
        }
    }
    let slug = slug.trim_end_matches('-');
    PathBuf::from(format!("svar-{questionnaire}-{slug}-{year}.json"))
}

fn stopped(lang: Lang, path: &Path, answered: usize, total: usize) -> String {
    let shown = files::display(path);
    if lang == Lang::Sv {
        format!(
            "Avbrutet. {answered} av {total} frågor är besvarade och sparade i {shown}.\nFortsätt där ni slutade: mognad assess --answers {shown}"
        )
    } else {
        format!(
            "Stopped. {answered} of {total} questions are answered and saved in {shown}.\nGo on where you left off: mognad assess --answers {shown}"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_file_name_is_plain_ascii() {
        assert_eq!(
            default_path("tiopunkt", "Region Jönköpings län", 2025),
            PathBuf::from("svar-tiopunkt-region-jonkopings-lan-2025.json")
        );
        assert_eq!(
            default_path("beredskap", "Västra Götalandsregionen", 2026),
            PathBuf::from("svar-beredskap-vastra-gotalandsregionen-2026.json")
        );
    }
}
