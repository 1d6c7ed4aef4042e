//! mognad: a region's digital maturity and readiness, from answers to scores.
//!
//! The pipeline, in the order the data flows: a [`questionnaire`] is answered ([`answers`]),
//! several respondents' answers are merged into a team's ([`team`]), the answers are checked
//! ([`validate`]) and scored against a rubric ([`scoring`]), and two years are set side by side
//! ([`compare`]). The [`commands`] are the shell around that pure
//! core, and [`run`] is the whole program.

pub mod answers;
pub mod builtin;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod demo;
pub mod document;
pub mod error;
pub mod files;
pub mod interview;
pub mod lang;
pub mod national;
pub mod national_report;
pub mod problem;
pub mod published;
pub mod questionnaire;
pub mod report;
pub mod scoring;
pub mod sheet;
pub mod spreadsheet;
pub mod stats;
pub mod targets;
pub mod team;
pub mod text;
pub mod validate;

use std::ffi::OsString;
use std::io::Write;

use crate::cli::Command;
use crate::commands::Io;
use crate::error::{Error, Exit};

/// Runs mognad with these arguments and returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> Exit {
    let args: Vec<OsString> = args.into_iter().collect();
    let asked = cli::language(&args, std::env::var_os("MOGNAD_LANG"));
    let cli = match cli::parse(args) {
        Ok(cli) => cli,
        Err(error) => {
            match cli::swedish_error(&error).filter(|_| asked == lang::Lang::Sv) {
                Some(text) => {
                    let _ = write!(std::io::stderr(), "{text}");
                }
                None => {
                    let _ = error.print();
                }
            }
            return if error.use_stderr() {
                Exit::Error
            } else {
                Exit::Ok
            };
        }
    };
    let lang = cli.lang;
    commands::instruments::set(&cli.instruments, std::env::var_os("MOGNAD_INSTRUMENTS"));
    // A folder named on the command line that is not there is a typing mistake, said at once.
    if let Some(missing) = cli.instruments.iter().find(|d| !d.is_dir()) {
        let error = Error::Read {
            path: missing.clone(),
            source: std::io::ErrorKind::NotFound.into(),
        };
        let _ = writeln!(std::io::stderr(), "{}", error.render(lang));
        return error.exit();
    }
    let (stdout, stderr) = (std::io::stdout(), std::io::stderr());
    // Standard error carries only messages for people: whatever a file's text holds is shown,
    // never acted on by the terminal.
    let (mut out, mut err) = (stdout.lock(), text::Visible::new(stderr.lock()));
    let mut io = Io {
        out: &mut out,
        err: &mut err,
    };
    match dispatch(cli.command, lang, &mut io) {
        Ok(exit) => exit,
        Err(error) => {
            let _ = writeln!(io.err, "{}", error.render(lang));
            error.exit()
        }
    }
}

fn dispatch(command: Command, lang: lang::Lang, io: &mut Io) -> Result<Exit, Error> {
    match command {
        Command::Demo(args) => commands::demo::run(args, lang, today(), io),
        Command::Assess(args) => commands::assess::run(args, lang, today(), io),
        Command::Score(args) => {
            let config = commands::score::ScoreConfig::resolve(args)?;
            commands::score::run(&config, lang, io)
        }
        Command::Compare(args) => {
            let config = commands::compare::CompareConfig::resolve(args)?;
            commands::compare::run(&config, lang, io)
        }
        Command::Report(args) => {
            let config = commands::report::ReportConfig::resolve(args, lang)?;
            commands::report::run(&config, lang, today(), io)
        }
        Command::Benchmark(args) => {
            let config = commands::benchmark::BenchmarkConfig::resolve(args)?;
            commands::benchmark::run(&config, lang, io)
        }
        Command::NationalReport(args) => {
            let config = commands::national_report::NationalReportConfig::resolve(args)?;
            commands::national_report::run(&config, lang, io)
        }
        Command::Validate(args) => {
            let config = commands::validate::ValidateConfig::resolve(args);
            commands::validate::run(&config, lang, io)
        }
        Command::Questionnaires(args) => commands::questionnaires::run(args.format, lang, io),
        Command::Schema(args) => commands::schema::run(args.kind, io),
        Command::Completions(args) => commands::shell::completions(args.shell, lang, io),
        Command::Man(args) => commands::shell::man(&args, lang, io),
        Command::Template(args) => {
            let config = commands::template::TemplateConfig::resolve(args)?;
            commands::template::run(&config, lang, io)
        }
        Command::Import(args) => {
            let config = commands::import::ImportConfig::resolve(args, today())?;
            commands::import::run(&config, lang, io)
        }
        Command::Merge(args) => {
            let config = commands::merge::MergeConfig::resolve(args)?;
            commands::merge::run(&config, lang, io)
        }
    }
}

/// Today, in UTC: from `SOURCE_DATE_EPOCH` when it is set (for reproducible files and tests),
/// else from the clock. The only place the clock is read.
fn today() -> jiff::civil::Date {
    let now = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .unwrap_or_else(jiff::Timestamp::now);
    jiff::tz::Offset::UTC.to_datetime(now).date()
}

/// Writes text for people: a file's control characters shown, never acted on (see [`text`]).
pub(crate) fn print_text(out: &mut dyn Write, text: &str) -> Result<(), Error> {
    print(out, &text::visible(text))
}

/// Writes output; a closed pipe (`mognad … | head`) is not an error.
pub(crate) fn print(out: &mut dyn Write, text: &str) -> Result<(), Error> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Write {
            path: "<stdout>".into(),
            source: error,
        }),
        _ => Ok(()),
    }
}
