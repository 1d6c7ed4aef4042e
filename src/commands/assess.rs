//! `mognad assess`: the guided interview in a terminal, saving after every answer, and with
//! `--consensus` the walk in which a team settles its split questions; without a
//! terminal, a check and score of the answers file, never a hang. With `--plain` (or
//! `TERM=dumb`) it asks in plain lines instead of the full screen, and with `--plain` it reads
//! standard input whether or not it is a terminal.

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::answers::{Answers, Respondent};
use crate::cli::{AssessArgs, ScoreArgs, TableFormat};
use crate::commands::{self, Io, score::ScoreConfig};
use crate::error::{Error, Exit};
use crate::files;
use crate::interview::consensus::Settlement;
use crate::interview::plain::Plain;
use crate::interview::screen::Screen;
use crate::interview::start::Intro;
use crate::interview::start::{self, Given};
use crate::interview::{Ending, Interview, Interviewer, words};
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
    if !terminal && !args.plain {
        let Some(path) = args.answers else {
            return Err(Error::NoTerminal);
        };
        // Without a terminal nothing can be asked: check and score what the file holds.
        let config = ScoreConfig::resolve(ScoreArgs {
            answers: path,
            rubric: args.rubric,
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
    // A file being resumed is asked on the edition it was started on; a new one on the newest.
    let resumed = existing.as_ref().map(|(_, a)| a);
    let questionnaire_name = resumed
        .filter(|_| args.questionnaire.is_none())
        .map_or(questionnaire_name, |a| a.questionnaire.id.clone());
    let questionnaire = match resumed {
        Some(answers) => commands::answered(&questionnaire_name, answers)?,
        None => commands::questionnaire(&questionnaire_name)?,
    };
    commands::usable(&questionnaire_name, validate::questionnaire(&questionnaire))?;
    // A rubric the user named must be usable before anything is asked.
    let named_rubric = match &args.rubric {
        Some(named) => Some(commands::rubric_for(
            Some(named),
            &questionnaire_name,
            &questionnaire,
        )?),
        None => None,
    };

    // The terminal is taken over once the file is held: a file in use is refused before.
    let mut source = open(args.plain, lang)?;
    let (mut file, answers) = if let Some(existing) = existing {
        existing
    } else {
        // The questions asked when nothing is answered yet: conditional ones come on top.
        let asked = Interview::new(
            &questionnaire,
            Answers::new(&questionnaire, String::new(), 0),
            None,
        )
        .progress()
        .1;
        let intro = Intro {
            title: questionnaire.title.get(lang),
            questions: asked,
            minutes: asked.div_ceil(10) * 10,
            notes: intro_notes(&questionnaire, path.as_deref(), lang),
        };
        if source.intro(&intro).is_err() {
            drop(source);
            return Err(Error::Cancelled);
        }
        let given = Given {
            region: args.region.clone(),
            year: args.year,
            respondent: args.respondent.clone().zip(args.role.clone()),
        };
        let Ok(started) = start::start(
            source.as_mut(),
            &questionnaire,
            &given,
            previous.as_ref(),
            lang,
            today,
        ) else {
            drop(source);
            return Err(Error::Cancelled);
        };
        let named = path.is_some();
        let path = path.unwrap_or_else(|| {
            default_path(
                &questionnaire.id,
                &started.region,
                started.solution.as_ref().map(|s| s.name.as_str()),
                started.year,
            )
        });
        match files::Locked::create(&path, started.to_json().as_bytes()) {
            Ok(file) => (file, started),
            // The same team resuming without naming the file, unless it is another solution's.
            Err(Error::Exists { .. }) => {
                let mut file = files::Locked::acquire(&path)?;
                let found = commands::locked_answers(&mut file)?;
                same_solution(&path, named, &found, &started)?;
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
    let rubric =
        named_rubric.or_else(|| commands::rubric_near(&questionnaire_name, &questionnaire).ok());
    // Last year's answers shown beside each question, and scored for progress, are those
    // that carry into this edition.
    let previous = previous.map(|p| crate::compare::carry(&p, &questionnaire).answers);
    let last_year = previous.clone();
    let mut interview = Interview::new(&questionnaire, answers, previous);
    if let Some(rubric) = rubric
        .as_ref()
        .filter(|_| questionnaire.kind == QuestionnaireKind::Maturity)
    {
        interview = interview.with_targets(rubric);
    }
    source.context(&context(questionnaire.title.get(lang), interview.answers()));
    let ending = interview.run(source.as_mut(), &mut |answers: &Answers| {
        keep(&mut file, answers)
    })?;
    let kept = interview.kept_draft().map(str::to_string);
    let mut answers = interview.into_answers();
    // The terminal is given back before anything is printed after the interview.
    drop(source);
    let _ = crate::print(io.err, &file.swept().notice(lang));
    match ending {
        Ending::Cancelled => {
            let (answered, total) = Interview::new(&questionnaire, answers, None).progress();
            let shown = files::display(&path);
            let resume = format!(
                "mognad assess --answers {}{}{}{}",
                commands::shell_word(&shown),
                commands::questionnaire_flags(&questionnaire_name, &questionnaire),
                rubric_flag(args.rubric.as_deref()),
                flag(args.plain)
            );
            let text = words::stopped(lang, &shown, answered, total, kept.as_deref(), &resume);
            let _ = writeln!(io.err, "\n{text}");
            Ok(Exit::Cancelled)
        }
        Ending::Finished => {
            answers.date = Some(today.to_string());
            keep(&mut file, &answers)?;
            let rubric = match rubric {
                Some(rubric) => rubric,
                None => commands::rubric_for(None, &questionnaire_name, &questionnaire)?,
            };
            let mut card = scoring::score(&questionnaire, &rubric, &answers);
            if let Some(last_year) = last_year.filter(|p| p.year < answers.year) {
                let earlier = scoring::score(&questionnaire, &rubric, &last_year);
                card = scoring::with_progress(card, &earlier);
            }
            let mut text = match commands::score::width() {
                Some(width) => scoring::text::render_width(&card, lang, width),
                None => scoring::text::render(&card, lang),
            };
            let shown = files::display(&path);
            let report = format!(
                "mognad report {}{}",
                commands::shell_word(&shown),
                commands::instrument_flags_with(
                    &questionnaire_name,
                    args.rubric.as_deref(),
                    &questionnaire,
                    lang
                )
            );
            let _ = if lang == Lang::Sv {
                write!(
                    text,
                    "\nSvaren är sparade i {shown}.\nNästa steg, profilen för ledningen: {report}\n"
                )
            } else {
                write!(
                    text,
                    "\nThe answers are saved in {shown}.\nNext, the profile for leadership: {report}\n"
                )
            };
            crate::print_text(io.out, &text)?;
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
    let mut file = if terminal || args.plain {
        Some(files::Locked::acquire(&path)?)
    } else {
        None
    };
    if let Some(file) = &file {
        let _ = crate::print(io.err, &file.swept().notice(lang));
    }
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
    let questionnaire = commands::answered(&name, &answers)?;
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
    let flags =
        commands::instrument_flags_with(&name, args.rubric.as_deref(), &questionnaire, lang);
    let report = format!("mognad report {}{flags}", commands::shell_word(&shown));
    let again = format!(
        "mognad assess --answers {} --consensus{}{}",
        commands::shell_word(&shown),
        commands::questionnaire_flags(&name, &questionnaire),
        rubric_flag(args.rubric.as_deref())
    );
    if team::open(&questionnaire, &answers).is_empty() {
        let text = if lang == Lang::Sv {
            format!(
                "Teamet är enat om alla oeniga frågor i {shown}.\nNästa steg, profilen för ledningen: {report}\n"
            )
        } else {
            format!(
                "The team has settled every split question in {shown}.\nNext, the profile for leadership: {report}\n"
            )
        };
        crate::print_text(io.out, &text)?;
        return Ok(Exit::Ok);
    }
    let Some(mut file) = file else {
        return Err(Error::ConsensusNoTerminal {
            score: format!("mognad score {}{flags}", commands::shell_word(&shown)),
        });
    };
    let rubric = match &args.rubric {
        Some(named) => Some(commands::rubric_for(Some(named), &name, &questionnaire)?),
        None => commands::rubric_near(&name, &questionnaire).ok(),
    };
    let mut source = open(args.plain, lang)?;
    let mut walk = Settlement::new(&questionnaire, rubric.as_ref(), answers, today.to_string());
    source.context(&context(questionnaire.title.get(lang), walk.answers()));
    let ending = walk.run(source.as_mut(), &mut |answers: &Answers| {
        keep(&mut file, answers)
    })?;
    drop(source);
    let (settled, total) = walk.progress();
    let left = team::open(&questionnaire, walk.answers()).len();
    match ending {
        Ending::Cancelled => {
            let text = if lang == Lang::Sv {
                format!(
                    "Avbrutet. {settled} av {total} oeniga frågor är enade och sparade i {shown}.\nFortsätt där ni slutade: {again}{}",
                    flag(args.plain)
                )
            } else {
                format!(
                    "Stopped. {settled} of {total} split questions are settled and saved in {shown}.\nGo on where you left off: {again}{}",
                    flag(args.plain)
                )
            };
            let _ = writeln!(io.err, "\n{text}");
            Ok(Exit::Cancelled)
        }
        Ending::Finished => {
            let found;
            let rubric = if let Some(rubric) = &rubric {
                rubric
            } else {
                found = commands::rubric_for(None, &name, &questionnaire)?;
                &found
            };
            let card = scoring::score(&questionnaire, rubric, walk.answers());
            let mut text = match commands::score::width() {
                Some(width) => scoring::text::render_width(&card, lang, width),
                None => scoring::text::render(&card, lang),
            };
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
                (0, Lang::Sv) => writeln!(text, "Nästa steg, profilen för ledningen: {report}"),
                (0, Lang::En) => writeln!(text, "Next, the profile for leadership: {report}"),
                (_, Lang::Sv) => writeln!(
                    text,
                    "{left} står kvar; fortsätt med dem: {again}{}",
                    flag(args.plain)
                ),
                (_, Lang::En) => writeln!(
                    text,
                    "{left} are left; go on with them: {again}{}",
                    flag(args.plain)
                ),
            };
            crate::print_text(io.out, &text)?;
            Ok(Exit::Ok)
        }
    }
}

/// The way of asking: the full screen, or plain lines with `--plain` or when the terminal
/// says it is dumb (`TERM=dumb`), where a screen cannot be drawn.
fn open(plain: bool, lang: Lang) -> Result<Box<dyn Interviewer>, Error> {
    if plain || dumb() {
        return Ok(Box::new(Plain::stdio(lang)));
    }
    Screen::open(lang)
        .map(|screen| Box::new(screen) as Box<dyn Interviewer>)
        .map_err(|_| Error::NoTerminal)
}

fn dumb() -> bool {
    std::env::var_os("TERM").is_some_and(|term| term == "dumb")
}

/// Added to the command that goes on, so that it asks the same way.
fn flag(plain: bool) -> &'static str {
    if plain || dumb() { " --plain" } else { "" }
}

/// `Region Skåne · Digitala vårdmöten · Beredskap för uppskalning`: who, what and which
/// questionnaire, for every header.
fn context(title: &str, answers: &Answers) -> String {
    let mut parts = vec![answers.region.clone()];
    if let Some(solution) = &answers.solution {
        parts.push(solution.name.clone());
    }
    parts.push(title.to_string());
    // The region and solution come from the file: shown, never acted on by the terminal.
    crate::text::visible(&parts.join(" · ")).into_owned()
}

/// Writes the answers atomically.
pub fn save(
    path: &Path,
    answers: &Answers,
    output: &files::Output,
) -> Result<files::Written, Error> {
    files::write_atomic(path, answers.to_json().as_bytes(), output)
}

/// Writes the answers into the file this interview holds, atomically and keeping the lock.
fn keep(file: &mut files::Locked, answers: &Answers) -> Result<(), Error> {
    file.write(answers.to_json().as_bytes())
}

/// A readiness file found where a started interview goes must be about the same solution,
/// or one solution's answers would be resumed as another's. `named`: given with `--answers`.
fn same_solution(
    path: &Path,
    named: bool,
    found: &Answers,
    started: &Answers,
) -> Result<(), Error> {
    // Said the same way up to case and spacing, it is the same solution.
    let said = |name: &str| {
        name.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    match (&found.solution, &started.solution) {
        (Some(found), Some(started)) if said(&found.name) != said(&started.name) => {
            Err(Error::OtherSolution {
                path: files::display(path),
                found: found.name.clone(),
                expected: started.name.clone(),
                named,
            })
        }
        _ => Ok(()),
    }
}

/// The longest a solution's part of a file name gets, cut at a word.
const SOLUTION_SLUG: usize = 40;

/// `svar-tiopunkt-region-skane-2025.json`: the file a new interview is saved in. Readiness is
/// answered per solution, and a file for one names it:
/// `svar-beredskap-region-skane-digitala-vardmoten-2025.json`.
pub fn default_path(
    questionnaire: &str,
    region: &str,
    solution: Option<&str>,
    year: i32,
) -> PathBuf {
    let region = cut_slug(&slug(region), REGION_SLUG);
    match solution.map(solution_slug).filter(|s| !s.is_empty()) {
        Some(solution) => PathBuf::from(format!(
            "svar-{questionnaire}-{region}-{solution}-{year}.json"
        )),
        None => PathBuf::from(format!("svar-{questionnaire}-{region}-{year}.json")),
    }
}

/// For a readiness questionnaire, the solutions already answered in the folder the file goes
/// in, so that a team starting another one sees them and one resuming finds its file.
/// What the intro says before the first question: how to choose a level, and for readiness
/// the files already made for other solutions.
fn intro_notes(questionnaire: &Questionnaire, named: Option<&Path>, lang: Lang) -> Vec<String> {
    let mut notes = Vec::new();
    if questionnaire
        .questions()
        .any(|(_, q)| q.kind == crate::questionnaire::QuestionKind::Scale)
    {
        notes.push(
            lang.pick(
                "Välj den högsta nivå där allt som nivån beskriver stämmer; nivåerna bygger på varandra.",
                "Choose the highest level where everything the level describes holds; the levels build on each other.",
            )
            .to_string(),
        );
    }
    notes.extend(readiness_notes(questionnaire, named, lang));
    notes
}

fn readiness_notes(questionnaire: &Questionnaire, named: Option<&Path>, lang: Lang) -> Vec<String> {
    if questionnaire.kind != QuestionnaireKind::Readiness {
        return Vec::new();
    }
    let folder = named
        .and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let prefix = format!("svar-{}-", questionnaire.id);
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(&prefix)
                && Path::new(&name)
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        })
        .filter_map(|e| {
            let answers = commands::answers(&e.path()).ok()?;
            let solution = answers.solution?;
            Some(format!(
                "  {} ({} {}): {}",
                solution.name,
                answers.region,
                answers.year,
                files::display(&e.path())
            ))
        })
        .collect();
    if found.is_empty() {
        return Vec::new();
    }
    found.sort();
    let head = lang.pick(
        "Lösningar som redan har svar här; varje lösning får en egen fil, och ett namn som finns fortsätter i dess fil:",
        "Solutions that already have answers here; each solution gets a file of its own, and a name that is there goes on in its file:",
    );
    vec![format!("{head}\n{}", found.join("\n"))]
}

/// A name in lowercase ASCII, words joined by `-`: `Region Jönköpings län` is
/// `region-jonkopings-lan`.
fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.to_lowercase().chars() {
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
    slug.trim_end_matches('-').to_string()
}

/// The longest a region's part of a file name gets, cut at a word: a file name has room for
/// 255 bytes, and a region's name may be a whole sentence.
const REGION_SLUG: usize = 60;

/// A solution's slug, cut at the last word that ends within [`SOLUTION_SLUG`] characters (a
/// first word longer than that is cut inside).
fn solution_slug(name: &str) -> String {
    cut_slug(&slug(name), SOLUTION_SLUG)
}

/// A slug cut at the last word that ends within `max` characters.
fn cut_slug(slug: &str, max: usize) -> String {
    if slug.len() <= max {
        return slug.to_string();
    }
    // The slug is ASCII, so any index is a character boundary.
    let cut = match slug[..=max].rfind('-') {
        Some(0) | None => max,
        Some(word) => word,
    };
    slug[..cut].trim_end_matches('-').to_string()
}

/// ` --rubric NAME` when the user named a rubric, for a command printed to be run again.
fn rubric_flag(rubric: Option<&str>) -> String {
    rubric.map_or_else(String::new, |r| {
        format!(" --rubric {}", commands::shell_word(r))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_file_name_is_plain_ascii() {
        assert_eq!(
            default_path("tiopunkt", "Region Jönköpings län", None, 2025),
            PathBuf::from("svar-tiopunkt-region-jonkopings-lan-2025.json")
        );
        assert_eq!(
            default_path(
                "beredskap",
                "Västra Götalandsregionen",
                Some("Digitala vårdmöten"),
                2026
            ),
            PathBuf::from("svar-beredskap-vastra-gotalandsregionen-digitala-vardmoten-2026.json")
        );
    }

    #[test]
    fn a_long_solution_is_cut_at_a_word() {
        let name = "Distansmonitorering vid hjärtsvikt för patienter i primärvården";
        assert_eq!(
            default_path("beredskap", "Region Skåne", Some(name), 2025),
            PathBuf::from(
                "svar-beredskap-region-skane-distansmonitorering-vid-hjartsvikt-for-2025.json"
            )
        );
        assert_eq!(
            solution_slug(name),
            "distansmonitorering-vid-hjartsvikt-for"
        );
        // A word that ends exactly at the limit is kept whole.
        let forty = format!("{} {}", "a".repeat(19), "b".repeat(20));
        assert_eq!(solution_slug(&format!("{forty} c")).len(), 40);
        // A first word longer than the limit is cut inside it.
        let long = "x".repeat(60);
        assert_eq!(solution_slug(&long), "x".repeat(40));
        // A solution with no letter or digit leaves the name as without one.
        assert_eq!(
            default_path("beredskap", "Region Skåne", Some(" – "), 2025),
            PathBuf::from("svar-beredskap-region-skane-2025.json")
        );
    }

    /// The example readiness answers, for another region, year or solution.
    fn readiness(region: &str, year: i32, solution: Option<&str>) -> Answers {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/exempelland-beredskap-2025.json");
        let mut answers = commands::answers(&path).unwrap();
        answers.region = region.to_string();
        answers.year = year;
        match solution {
            Some(name) => answers.solution.as_mut().unwrap().name = name.to_string(),
            None => answers.solution = None,
        }
        answers
    }

    #[test]
    fn another_solutions_file_is_not_resumed() {
        let path = Path::new("svar.json");
        let started = readiness("Region Skåne", 2025, Some("Digitala vårdmöten"));
        let same = readiness("Region Skåne", 2025, Some(" digitala  Vårdmöten"));
        assert!(same_solution(path, false, &same, &started).is_ok());
        let other = readiness("Region Skåne", 2025, Some("Digitala vårdmöten i hemmet"));
        match same_solution(path, true, &other, &started) {
            Err(Error::OtherSolution {
                path,
                found,
                expected,
                named,
            }) => {
                assert_eq!(
                    (path.as_str(), found.as_str(), expected.as_str(), named),
                    (
                        "svar.json",
                        "Digitala vårdmöten i hemmet",
                        "Digitala vårdmöten",
                        true
                    )
                );
            }
            other => panic!("not refused: {other:?}"),
        }
        let maturity = readiness("Region Skåne", 2025, None);
        assert!(same_solution(path, false, &maturity, &maturity).is_ok());
    }
}
