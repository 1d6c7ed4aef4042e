//! `mognad assess`: the guided interview in a terminal, saving after every answer, and with
//! `--consensus` the walk in which a team settles its split questions; without a
//! terminal, a check and score of the answers file, never a hang. With `--plain` (or
//! `TERM=dumb`) it asks in plain lines instead of the full screen, and with `--plain` it reads
//! standard input whether or not it is a terminal.

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::answers::{Answers, Respondent};
use crate::builtin;
use crate::cli::{AssessArgs, ScoreArgs, TableFormat};
use crate::commands::{self, Io, score::ScoreConfig};
use crate::error::{Error, Exit};
use crate::files;
use crate::interview::consensus::Settlement;
use crate::interview::plain::{self, Plain};
use crate::interview::start::{self, Given};
use crate::interview::terminal::{CursorGuard, TerminalSource};
use crate::interview::{Cancelled, Ending, Interview, Interviewer, Intro, words};
use crate::lang::Lang;
use crate::questionnaire::Kind as QuestionnaireKind;
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
    if !terminal && !args.plain {
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
    let source = Source::new(args.plain, lang);
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
        let answers = commands::answers(given)?;
        if args.year.is_some_and(|year| answers.year < year) && previous.is_none() {
            previous = Some(answers);
            path = None;
        } else {
            existing = Some(answers);
        }
    }
    let questionnaire_name = existing
        .as_ref()
        .filter(|_| args.questionnaire.is_none())
        .map_or(questionnaire_name, |a| a.questionnaire.id.clone());
    let questionnaire = commands::questionnaire(&questionnaire_name)?;
    commands::usable(&questionnaire_name, validate::questionnaire(&questionnaire))?;

    let (path, answers) = if let Some(answers) = existing {
        (path.expect("an existing file has a path"), answers)
    } else {
        let minutes = questionnaire.question_count().div_ceil(10) * 10;
        let intro = Intro {
            title: questionnaire.title.get(lang),
            questions: questionnaire.question_count(),
            minutes,
            notes: Vec::new(),
        };
        if source.asker().intro(&intro).is_err() {
            source.restore();
            return Err(Error::Cancelled);
        }
        let given = Given {
            region: args.region.clone(),
            year: args.year,
            respondent: args.respondent.clone().zip(args.role.clone()),
        };
        let Ok(answers) = start::start(
            source.asker(),
            &questionnaire,
            &given,
            previous.as_ref(),
            lang,
            today,
        ) else {
            source.restore();
            return Err(Error::Cancelled);
        };
        let path =
            path.unwrap_or_else(|| default_path(&questionnaire.id, &answers.region, answers.year));
        if path.exists() {
            // The same team resuming without naming the file.
            (path.clone(), commands::answers(&path)?)
        } else {
            (path, answers)
        }
    };
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
    save(&path, &answers)?;

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
    let ending = interview.run(source.asker(), &mut |answers: &Answers| {
        save(&path, answers)
    })?;
    let kept = interview.kept_draft().map(str::to_string);
    let mut answers = interview.into_answers();
    // The cursor is shown before anything is printed after the interview.
    source.restore();
    match ending {
        Ending::Cancelled => {
            let (answered, total) = Interview::new(&questionnaire, answers, None).progress();
            let text = words::stopped(
                lang,
                &files::display(&path),
                answered,
                total,
                kept.as_deref(),
            );
            let _ = writeln!(io.err, "\n{text}{}", source.flag());
            Ok(Exit::Cancelled)
        }
        Ending::Finished => {
            answers.date = Some(today.to_string());
            save(&path, &answers)?;
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
    let answers = commands::answers(&path)?;
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
    if !terminal && !args.plain {
        return Err(Error::ConsensusNoTerminal { path: shown });
    }
    let rubric = builtin::rubric(&questionnaire.id).and_then(Result::ok);
    let mut source = Source::new(args.plain, lang);
    let _cursor = source.cursor_guard();
    let mut walk = Settlement::new(&questionnaire, rubric.as_ref(), answers, today.to_string());
    let ending = walk.run(source.asker(), &mut |answers: &Answers| {
        save(&path, answers)
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
            let _ = writeln!(io.err, "\n{text}{}", source.flag());
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

fn source_done(source: &mut Source) -> Result<(), Cancelled> {
    match source {
        Source::Screen(screen) => screen.clear(),
        Source::Plain(_) => Ok(()),
    }
}

/// How the interview asks: on the full screen, or in plain lines with `--plain` or when the
/// terminal says it is dumb (`TERM=dumb`), where a screen cannot be drawn.
enum Source {
    Screen(Box<TerminalSource>),
    Plain(plain::Stdio),
}

impl Source {
    fn new(plain: bool, lang: Lang) -> Self {
        let dumb = std::env::var_os("TERM").is_some_and(|term| term == "dumb");
        if plain || dumb {
            Source::Plain(Plain::stdio(lang))
        } else {
            Source::Screen(Box::new(TerminalSource::new(lang)))
        }
    }

    fn asker(&mut self) -> &mut dyn Interviewer {
        match self {
            Source::Screen(screen) => screen.as_mut(),
            Source::Plain(plain) => plain,
        }
    }

    fn cursor_guard(&self) -> Option<CursorGuard> {
        match self {
            Source::Screen(screen) => Some(screen.cursor_guard()),
            Source::Plain(_) => None,
        }
    }

    fn restore(&self) {
        if let Source::Screen(screen) = self {
            screen.restore();
        }
    }

    /// Added to the command that goes on, so that it asks the same way.
    fn flag(&self) -> &'static str {
        match self {
            Source::Screen(_) => "",
            Source::Plain(_) => " --plain",
        }
    }
}

/// Writes the answers atomically.
pub fn save(path: &Path, answers: &Answers) -> Result<(), Error> {
    files::write_atomic(path, answers.to_json().as_bytes())
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
