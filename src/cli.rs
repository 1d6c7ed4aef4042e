//! What the user typed, as clap parses it. Nothing here is checked beyond its shape; the
//! commands resolve these into configurations. The help is written in English on the types
//! and given in Swedish, the default, from the table at the end of this file.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::PathBuf;

use clap::{Arg, ArgAction, Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::lang::Lang;

/// Digital maturity and readiness for Swedish healthcare regions.
///
/// A region's digitalisation team answers SKR's ten-point list (`tiopunkt`) and a readiness
/// instrument for scaling up one solution (`beredskap`), scores the answers against JSON
/// rubrics, and hands leadership a profile.
#[derive(Debug, Parser)]
#[command(name = "mognad", version, max_term_width = 100)]
pub struct Cli {
    /// Language of all output: sv (Swedish) or en (English)
    #[arg(
        long,
        global = true,
        value_enum,
        env = "MOGNAD_LANG",
        default_value = "sv"
    )]
    pub lang: Lang,

    /// A folder of questionnaires and rubrics to use beside the built-in ones, found by the
    /// id and version the answers name (repeatable; `MOGNAD_INSTRUMENTS` adds a path list)
    #[arg(long, global = true, value_name = "DIR")]
    pub instruments: Vec<std::path::PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write example answers, a national reference, the full PDF profile and the national
    /// report into a new folder
    Demo(DemoArgs),
    /// Answer a questionnaire in a guided interview, saved after every answer
    Assess(AssessArgs),
    /// Write a questionnaire as a CSV sheet to fill in Excel, one row per question
    Template(TemplateArgs),
    /// Read a filled CSV sheet into an answers file, checking every row
    Import(ImportArgs),
    /// Merge several respondents' answers into the team's, marking where they disagree
    Merge(MergeArgs),
    /// Score an answers file: per area score, level and coverage, the index, and the verdict
    Score(ScoreArgs),
    /// Compare two years of a region's answers: per area score, change and level, and the
    /// answers that changed
    Compare(CompareArgs),
    /// Make the PDF profile for leadership from one year's answers and earlier years
    Report(ReportArgs),
    /// Build the national reference from every region's answers files
    Benchmark(BenchmarkArgs),
    /// Make the yearly national report (PDF and open data) from every region's answers files
    NationalReport(NationalReportArgs),
    /// Check questionnaire, rubric and answers files, listing every problem
    Validate(ValidateArgs),
    /// List the built-in questionnaires and those in the instrument folders, with versions, rubrics and content hashes
    Questionnaires(QuestionnairesArgs),
    /// Print the JSON Schema of a file format
    Schema(SchemaArgs),
    /// Print shell completions: bash, zsh, fish, powershell or elvish
    Completions(CompletionsArgs),
    /// Print the man page of mognad or of one of its commands
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct AssessArgs {
    /// Questionnaire: `tiopunkt`, `beredskap` or a questionnaire file [default: tiopunkt, or the
    /// one the answers file names]
    #[arg(long, value_name = "ID|PATH")]
    pub questionnaire: Option<String>,
    /// Rubric, for the targets and the scores at the end: a built-in id or a rubric file
    /// [default: the questionnaire's own, or the one beside a questionnaire file]
    #[arg(long, value_name = "ID|PATH")]
    pub rubric: Option<String>,
    /// The answers file: resumed when it exists, created when not; one interview at a time
    /// [default: svar-QUESTIONNAIRE-REGION-YEAR.json, for readiness
    /// svar-QUESTIONNAIRE-REGION-SOLUTION-YEAR.json]
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// The region, municipality or provider answering (asked when left out)
    #[arg(long, value_name = "NAME")]
    pub region: Option<String>,
    /// The year the assessment describes (asked when left out)
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i32).range(2000..=2100))]
    pub year: Option<i32>,
    /// Who answers; each respondent may answer into a file of their own
    #[arg(long, value_name = "NAME", requires = "role")]
    pub respondent: Option<String>,
    /// The respondent's role, for example CIO, CMIO or CISO
    #[arg(long, value_name = "ROLE", requires = "respondent")]
    pub role: Option<String>,
    /// Last year's answers, shown and pre-selected for each question
    #[arg(long, value_name = "FILE")]
    pub previous: Option<PathBuf>,
    /// Settle the split questions of a team's file from `mognad merge`: each respondent's
    /// answer is shown, and the team records the answer it agrees on and why
    #[arg(long, requires = "answers", conflicts_with_all = ["region", "year", "respondent", "previous"])]
    pub consensus: bool,
    /// Ask line by line in plain text, for a screen reader, a dumb terminal or a log: nothing
    /// redrawn, no colours, each choice typed as its key and Enter (also when `TERM=dumb`).
    /// Standard input is read even when it is not a terminal, so a script can answer
    #[arg(long)]
    pub plain: bool,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The answers file (`-` reads standard input)
    pub answers: PathBuf,
    /// Rubric: a built-in id (`tiopunkt`, `beredskap`) or a rubric file [default: the built-in
    /// rubric of the answers' questionnaire]
    #[arg(long, value_name = "ID|PATH")]
    pub rubric: Option<String>,
    /// Questionnaire: a built-in id or a questionnaire file [default: the built-in
    /// questionnaire the answers name]
    #[arg(long, value_name = "ID|PATH")]
    pub questionnaire: Option<String>,
    /// Targets per area (a `mognad.targets/1` file), in place of those in the answers file
    #[arg(long, value_name = "FILE")]
    pub targets: Option<PathBuf>,
    /// An earlier year's answers, for how much of the way to each target has been gone since
    #[arg(long, value_name = "FILE")]
    pub previous: Option<PathBuf>,
    /// Output format: text (a table for people), json (for scripts) or csv (one row per area,
    /// for a spreadsheet)
    #[arg(long, value_enum, default_value = "text")]
    pub format: TableFormat,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The earlier year's answers file (`-` reads standard input)
    #[arg(display_order = 0)]
    pub old: PathBuf,
    /// The later year's answers file (`-` reads standard input)
    #[arg(display_order = 1)]
    pub new: PathBuf,
    /// Rubric: a built-in id (`tiopunkt`, `beredskap`) or a rubric file [default: the built-in
    /// rubric of the answers' questionnaire]
    #[arg(long, value_name = "ID|PATH")]
    pub rubric: Option<String>,
    /// Questionnaire: a built-in id or a questionnaire file [default: the built-in
    /// questionnaire the later answers name]
    #[arg(long, value_name = "ID|PATH")]
    pub questionnaire: Option<String>,
    /// Output format: text (a table for people), json (for scripts) or csv (one row per area,
    /// for a spreadsheet)
    #[arg(long, value_enum, default_value = "text")]
    pub format: TableFormat,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// This year's answers: `tiopunkt`, and `beredskap` when assessed (one file each)
    #[arg(required = true, value_name = "ANSWERS")]
    pub answers: Vec<PathBuf>,
    /// Earlier years of the same region, for the comparison with last year and the trend
    /// (any number)
    #[arg(long, value_name = "FILE")]
    pub previous: Vec<PathBuf>,
    /// A national reference built by `mognad benchmark`, for the national median, quartiles
    /// and the region's position in the nation
    #[arg(long, value_name = "FILE")]
    pub national: Option<PathBuf>,
    /// Targets per area (a `mognad.targets/1` file, one per questionnaire), in place of those
    /// in the answers files
    #[arg(long, value_name = "FILE")]
    pub targets: Vec<PathBuf>,
    /// A questionnaire file for answers to a questionnaire that is not built in (one per
    /// questionnaire; the answers' id and version choose it)
    #[arg(long, value_name = "PATH")]
    pub questionnaire: Vec<String>,
    /// A rubric file for answers to a questionnaire that is not built in (one per
    /// questionnaire; the questionnaire it scores chooses it)
    #[arg(long, value_name = "PATH")]
    pub rubric: Vec<String>,
    /// The PDF to write [default: profil-REGION-YEAR.pdf]
    #[arg(short, long, value_name = "FILE.pdf")]
    pub output: Option<PathBuf>,
    /// The classification printed on every page [default: Intern, or Internal in English]
    #[arg(long, value_name = "TEXT")]
    pub classification: Option<String>,
    /// Replace the file even when it is not a PDF (never one of the files read)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// The folder to write into, new or empty [default: mognad-demo in the current folder]
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BenchmarkArgs {
    /// Answers files, one per region and year, or folders searched for `.json` files
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The national reference to write [default: national-YEAR.json]
    #[arg(short, long, value_name = "FILE.json")]
    pub output: Option<PathBuf>,
    /// The fewest regions a published figure may rest on; figures resting on fewer are
    /// withheld
    #[arg(long, value_name = "K", default_value_t = crate::national::MIN_REGIONS,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub min_regions: u32,
    /// The year to build the reference for [default: the latest year among the files]
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i32).range(2000..=2100))]
    pub year: Option<i32>,
    /// A questionnaire file for answers to a questionnaire that is not built in (repeatable)
    #[arg(long, value_name = "PATH")]
    pub questionnaire: Vec<PathBuf>,
    /// A rubric file that scores such a questionnaire, or replaces a built-in rubric
    /// (repeatable; each is used for the questionnaire it names)
    #[arg(long, value_name = "PATH")]
    pub rubric: Vec<PathBuf>,
    /// Replace the file even when it is not a national reference (never one of the files
    /// read)
    #[arg(long)]
    pub force: bool,
    /// List every rejected file; without it, the first 50 and a count of the rest
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct NationalReportArgs {
    /// Answers files, one per region and year (this year and the year before), or folders
    /// searched for `.json` files
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The PDF to write; the open data are written beside it as .csv and .json [default:
    /// riket-YEAR.pdf]
    #[arg(short, long, value_name = "FILE.pdf")]
    pub output: Option<PathBuf>,
    /// The year of the report [default: the latest year among the files]
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i32).range(2000..=2100))]
    pub year: Option<i32>,
    /// The fewest regions a published figure may rest on, and the fewest the rest of a count
    /// may rest on; other figures are withheld
    #[arg(long, value_name = "K", default_value_t = crate::national::MIN_REGIONS,
          value_parser = clap::value_parser!(u32).range(2..))]
    pub min_regions: u32,
    /// Name the regions that answered (only when they have agreed to be published by name)
    #[arg(long)]
    pub named: bool,
    /// Published national figures that begin the indicators' series [default: SLIT 2025,
    /// built in]
    #[arg(long, value_name = "FILE")]
    pub published: Option<PathBuf>,
    /// The classification printed on every page, such as Publik [default: none]
    #[arg(long, value_name = "TEXT")]
    pub classification: Option<String>,
    /// A questionnaire file for answers to a questionnaire that is not built in (repeatable)
    #[arg(long, value_name = "PATH")]
    pub questionnaire: Vec<PathBuf>,
    /// A rubric file that scores such a questionnaire, or replaces a built-in rubric
    /// (repeatable)
    #[arg(long, value_name = "PATH")]
    pub rubric: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Files to check; the kind of each is read from its `format` field. Questionnaires among
    /// them are used to check rubrics and answers that name them.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// List every problem of a file; without it, the first 50 and a count of the rest
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct QuestionnairesArgs {
    /// Output format: text (a table for people) or json (for scripts)
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// Questionnaire: `tiopunkt`, `beredskap` or a questionnaire file [default: tiopunkt]
    #[arg(long, value_name = "ID|PATH")]
    pub questionnaire: Option<String>,
    /// The region, municipality or provider answering, written into the sheet
    #[arg(long, value_name = "NAME")]
    pub region: Option<String>,
    /// The year the assessment describes, written into the sheet
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i32).range(2000..=2100))]
    pub year: Option<i32>,
    /// Who answers, written into the sheet
    #[arg(long, value_name = "NAME", requires = "role")]
    pub respondent: Option<String>,
    /// The respondent's role, for example CIO, CMIO or CISO
    #[arg(long, value_name = "ROLE", requires = "respondent")]
    pub role: Option<String>,
    /// The CSV file to write (`-` writes standard output) [default:
    /// svar-QUESTIONNAIRE-REGION-YEAR.csv]
    #[arg(short, long, value_name = "FILE.csv")]
    pub output: Option<PathBuf>,
    /// Overwrite the file if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The filled sheet, saved as CSV (`-` reads standard input)
    #[arg(value_name = "FILE.csv")]
    pub sheet: PathBuf,
    /// Questionnaire: a built-in id or a questionnaire file [default: the one the sheet names
    /// in its `#questionnaire` row]
    #[arg(long, value_name = "ID|PATH")]
    pub questionnaire: Option<String>,
    /// The answers file to write (`-` writes standard output) [default:
    /// svar-QUESTIONNAIRE-REGION-YEAR.json, for readiness
    /// svar-QUESTIONNAIRE-REGION-SOLUTION-YEAR.json]
    #[arg(short, long, value_name = "FILE.json")]
    pub output: Option<PathBuf>,
    /// Overwrite the answers file if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// A command, for its own page [default: the page of mognad]
    pub command: Option<String>,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Each respondent's own answers file, one person per file (at least two)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Questionnaire: a built-in id or a questionnaire file [default: the one the answers
    /// name]
    #[arg(long, value_name = "ID|PATH")]
    pub questionnaire: Option<String>,
    /// Rubric, whose blockers decide which questions are proposed by the lowest answer: a
    /// built-in id or a rubric file [default: the questionnaire's own, or the one beside a
    /// questionnaire file]
    #[arg(long, value_name = "ID|PATH")]
    pub rubric: Option<String>,
    /// The team's answers file to write (`-` writes standard output) [default:
    /// team-QUESTIONNAIRE-REGION-YEAR.json, for readiness
    /// team-QUESTIONNAIRE-REGION-SOLUTION-YEAR.json]
    #[arg(short, long, value_name = "FILE.json")]
    pub output: Option<PathBuf>,
    /// How the team's answer is proposed: median (the middle answer, the lower of the two
    /// middle ones with an even number) or min (the lowest answer)
    #[arg(long, value_enum, default_value = "median")]
    pub rule: crate::answers::Rule,
    /// A scale question is split when at least this share of the respondents are far from
    /// the median
    #[arg(long, value_name = "SHARE", default_value_t = crate::team::SPLIT_SHARE)]
    pub split_share: f64,
    /// Far from the median is more than this many levels
    #[arg(long, value_name = "LEVELS", default_value_t = crate::team::SPLIT_DISTANCE)]
    pub split_distance: u8,
    /// Overwrite the team's file if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The file format
    #[arg(value_enum)]
    pub kind: SchemaKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// `score` and `compare` also write CSV, since their results are tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Text,
    Json,
    Csv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    Questionnaire,
    Rubric,
    Answers,
    Published,
    National,
    Targets,
    /// The national report's open data (`riket-ÅR.json`)
    NationalReport,
}

/// The language asked for before the arguments are parsed, so that the help can be given in
/// it: `--lang xx` or `--lang=xx` on the command line, else `MOGNAD_LANG`, else Swedish.
pub fn language(args: &[OsString], env: Option<OsString>) -> Lang {
    let mut asked = env.and_then(|v| v.into_string().ok());
    let mut args = args.iter().filter_map(|a| a.to_str());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        } else if arg == "--lang" {
            asked = args.next().map(str::to_string);
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            asked = Some(value.to_string());
        }
    }
    match asked.as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Sv,
    }
}

/// The command line with its help in one language.
pub fn command(lang: Lang) -> clap::Command {
    let command = described(lang);
    match lang {
        Lang::Sv => swedish_usage(command.subcommand_value_name("KOMMANDO")),
        Lang::En => command,
    }
}

/// The command line with its help in one language, its usage lines as clap makes them: what
/// the man pages show, where the synopsis names every flag.
pub fn described(lang: Lang) -> clap::Command {
    let options = lang.pick("Flaggor", "Options");
    let arguments = lang.pick("Argument", "Arguments");
    let help = || {
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(lang.pick("Visa hjälpen", "Print help"))
    };
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        lang.pick("Användning:", "Usage:")
    );
    let localise = |name: &str, command: clap::Command| -> clap::Command {
        let mut command = command
            .disable_help_flag(true)
            .arg(help())
            .help_template(template.clone())
            .mut_args(|arg| {
                let heading = if arg.is_positional() {
                    arguments
                } else {
                    options
                };
                let arg = arg.help_heading(heading);
                match (lang, help_sv(name, arg.get_id().as_str())) {
                    (Lang::Sv, Some(text)) => swedish(arg, text),
                    _ => arg,
                }
            });
        if let (Lang::Sv, Some(about)) = (lang, about_sv(name)) {
            command = command.about(about).long_about(None);
        }
        command
    };
    let command = localise("", Cli::command())
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(lang.pick("Visa versionen", "Print version"))
                .help_heading(options),
        )
        .subcommand_help_heading(lang.pick("Kommandon", "Commands"))
        .after_help(lang.pick(
            "Slutkoder: 0 klart, 1 problem hittades (validate), 2 fel eller felaktig användning, 130 avbrutet.\nDokumentation: README.md och docs/ i projektet.",
            "Exit codes: 0 done, 1 problems found (validate), 2 error or bad usage, 130 cancelled.\nDocumentation: README.md and docs/ in the project.",
        ));
    command.mut_subcommands(|sub| {
        let name = sub.get_name().to_string();
        localise(&name, sub)
    })
}

/// The usage lines with clap's `[OPTIONS]` said in Swedish, for the command and each of its
/// commands (whose usage names the program too, so it is taken after the whole is built).
fn swedish_usage(mut command: clap::Command) -> clap::Command {
    fn usage(command: &mut clap::Command) -> String {
        let usage = command.render_usage().to_string();
        let usage = usage.split_once(": ").map_or(usage.as_str(), |(_, u)| u);
        usage.replace("[OPTIONS]", "[FLAGGOR]")
    }
    command.build();
    let main = usage(&mut command);
    command.override_usage(main).mut_subcommands(|mut sub| {
        let line = usage(&mut sub);
        sub.override_usage(line)
    })
}

/// Parses the arguments, with help and errors in the language asked for.
pub fn parse(args: Vec<OsString>) -> Result<Cli, clap::Error> {
    use clap::FromArgMatches;
    let lang = language(&args, std::env::var_os("MOGNAD_LANG"));
    let mut command = command(lang);
    let matches = command.try_get_matches_from_mut(args)?;
    Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut command))
}

/// A usage error said in Swedish: the kinds a user meets (a missing or unknown argument, an
/// unknown command, a value that is not allowed, two flags that exclude each other), with the
/// usage line and a hint. Other errors, and help and version output, are left to clap.
pub fn swedish_error(error: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => Some(list.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let quoted = |kind| {
        get(kind).map(|v| {
            let items: Vec<String> = v.split(", ").map(|v| format!("`{v}`")).collect();
            match items.as_slice() {
                [rest @ .., last] if !rest.is_empty() => {
                    format!("{} eller {last}", rest.join(", "))
                }
                _ => items.join(", "),
            }
        })
    };
    let invalid = || quoted(ContextKind::InvalidArg).unwrap_or_default();
    let (headline, mut hint) = match error.kind() {
        ErrorKind::MissingRequiredArgument => (format!("det här saknas: {}", invalid()), None),
        ErrorKind::UnknownArgument => (
            format!("okänd flagga eller argument {}", invalid()),
            quoted(ContextKind::SuggestedArg).map(|s| format!("menade du {s}?")),
        ),
        ErrorKind::InvalidSubcommand => (
            format!(
                "okänt kommando {}",
                quoted(ContextKind::InvalidSubcommand).unwrap_or_default()
            ),
            quoted(ContextKind::SuggestedSubcommand).map(|s| format!("menade du {s}?")),
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => (
            format!(
                "värdet {} passar inte {}",
                quoted(ContextKind::InvalidValue).unwrap_or_else(|| "``".into()),
                invalid()
            ),
            match (
                get(ContextKind::ValidValue),
                std::error::Error::source(error),
            ) {
                (Some(valid), _) => Some(format!("möjliga värden: {valid}")),
                (None, Some(reason)) => Some(range_sv(&reason.to_string())),
                (None, None) => None,
            },
        ),
        // clap calls a flag given twice a conflict with itself.
        ErrorKind::ArgumentConflict if get(ContextKind::PriorArg) == get(ContextKind::InvalidArg) => (
            format!("{} är angiven två gånger", invalid()),
            Some(
                "ange den en gång; flera personer svarar var och en i en egen fil, och `mognad merge` slår ihop filerna"
                    .to_string(),
            ),
        ),
        ErrorKind::ArgumentConflict => (
            format!(
                "{} kan inte användas tillsammans med {}",
                invalid(),
                quoted(ContextKind::PriorArg).unwrap_or_default()
            ),
            None,
        ),
        _ => return None,
    };
    if hint.is_none() {
        hint = Some("`--help` visar vad kommandot tar".to_string());
    }
    let mut out = format!("fel: {headline}\n");
    if let Some(usage) = get(ContextKind::Usage) {
        let usage = usage.split_once(": ").map_or(usage.as_str(), |(_, u)| u);
        let _ = write!(out, "\nAnvändning: {}\n", usage.trim());
    }
    if let Some(hint) = hint {
        let _ = write!(out, "\ntips: {hint}\n");
    }
    Some(out)
}

/// clap's "1999 is not in 2000..=2100" in Swedish; other reasons as they are.
fn range_sv(reason: &str) -> String {
    let Some((value, range)) = reason.split_once(" is not in ") else {
        return reason.to_string();
    };
    match range.split_once("..=") {
        Some((low, high)) if high.len() >= 10 => format!("{value} är mindre än {low}"),
        Some((low, high)) => format!("{value} ligger inte mellan {low} och {high}"),
        None => reason.to_string(),
    }
}

/// An argument with Swedish help, and clap's English notes on defaults, possible values and
/// the environment written in Swedish.
fn swedish(arg: Arg, help: &str) -> Arg {
    // A flag (such as `--force`) has no values, defaults or environment to translate.
    if !arg.get_action().takes_values() {
        return arg.help(help.to_string());
    }
    let mut text = help.to_string();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() {
        let _ = write!(text, " [värden: {}]", values.join(", "));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        let _ = write!(text, " [standard: {}]", defaults.join(", "));
    }
    if let Some(env) = arg.get_env() {
        let _ = write!(text, " [miljövariabel: {}]", env.to_string_lossy());
    }
    arg.help(text)
        .hide_possible_values(true)
        .hide_default_value(true)
        .hide_env(true)
}

fn about_sv(command: &str) -> Option<&'static str> {
    Some(match command {
        "" => {
            "Digital mognad och beredskap för Sveriges regioner.\n\nEn regions digitaliseringsteam besvarar SKR:s 10-punktslista (`tiopunkt`) och en enkät om beredskap att skala upp en lösning (`beredskap`), poängsätter svaren mot bedömningsmallar i JSON och ger ledningen en profil."
        }
        "assess" => "Besvara en enkät i en guidad intervju som sparas efter varje svar",
        "score" => {
            "Poängsätt en svarsfil: poäng, nivå och täckning per område, samlat index och bedömning"
        }
        "compare" => {
            "Jämför två års svar från en region: poäng, förändring och nivå per område, och de svar som ändrats"
        }
        "report" => "Skapa PDF-profilen för ledningen från årets svar och tidigare år",
        "validate" => {
            "Kontrollera enkäter, bedömningsmallar och svarsfiler och lista varje problem"
        }
        "questionnaires" => {
            "Lista de inbyggda enkäterna och dem i instrumentmapparna, med versioner, bedömningsmallar och innehållshashar"
        }
        "schema" => "Skriv ut JSON-schemat för ett filformat",
        "completions" => {
            "Skriv ut kompletteringar för skalet: bash, zsh, fish, powershell eller elvish"
        }
        "man" => "Skriv ut manualsidan för mognad eller för ett av dess kommandon",
        "demo" => {
            "Skriv exempelsvar, en nationell referens, hela PDF-profilen och den nationella rapporten i en ny mapp"
        }
        "benchmark" => "Bygg den nationella referensen av alla regioners svarsfiler",
        "national-report" => {
            "Skapa den årliga nationella rapporten (PDF och öppna data) av alla regioners svarsfiler"
        }
        "template" => "Skriv en enkät som ett CSV-svarsblad att fylla i Excel, en rad per fråga",
        "import" => "Läs in ett ifyllt CSV-svarsblad till en svarsfil och kontrollera varje rad",
        "merge" => "Slå ihop flera personers svar till teamets och markera var de är oeniga",
        _ => return None,
    })
}

fn help_sv(command: &str, arg: &str) -> Option<&'static str> {
    Some(match (command, arg) {
        (_, "lang") => "Språk för allt som visas: sv (svenska) eller en (engelska)",
        (_, "instruments") => {
            "En mapp med enkäter och bedömningsmallar att använda utöver de inbyggda, som hittas på id och version i svaren (kan upprepas; `MOGNAD_INSTRUMENTS` lägger till en lista med sökvägar)"
        }
        ("score", "answers") => "Svarsfilen (`-` läser standard in)",
        ("report", "answers") => {
            "Årets svar: `tiopunkt`, och `beredskap` om den har bedömts (en fil var)"
        }
        ("report", "previous") => {
            "Samma regions svar från tidigare år, för jämförelsen med förra året och utvecklingen (valfritt antal)"
        }
        ("report", "national") => {
            "En nationell referens från `mognad benchmark`, för riksmedianen, kvartilerna och regionens läge i riket"
        }
        ("report", "targets") => {
            "Mål per område (en fil `mognad.targets/1` per enkät), i stället för målen i svarsfilerna"
        }
        ("score", "targets") => {
            "Mål per område (en fil `mognad.targets/1`), i stället för målen i svarsfilen"
        }
        ("score", "previous") => {
            "Ett tidigare års svar, för hur stor del av vägen till varje mål som har gåtts sedan dess"
        }
        ("report", "output") => "PDF-filen att skriva [standard: profil-REGION-ÅR.pdf]",
        ("report", "questionnaire") => {
            "En enkätfil för svar på en enkät som inte är inbyggd (en per enkät; svarens id och version väljer den)"
        }
        ("report", "rubric") => {
            "En bedömningsmall för svar på en enkät som inte är inbyggd (en per enkät; enkäten den poängsätter väljer den)"
        }
        ("report", "classification") => {
            "Klassificeringen som står på varje sida [standard: Intern]"
        }
        ("assess", "questionnaire") => {
            "Enkät: `tiopunkt`, `beredskap` eller en enkätfil [standard: tiopunkt, eller den som svarsfilen anger]"
        }
        ("assess", "answers") => {
            "Svarsfilen: fortsätts om den finns, skapas annars; en intervju i taget [standard: svar-ENKÄT-REGION-ÅR.json, för beredskap svar-ENKÄT-REGION-LÖSNING-ÅR.json]"
        }
        ("assess", "region") => {
            "Regionen, kommunen eller vårdgivaren som svarar (frågas om den utelämnas)"
        }
        ("assess", "year") => "Året som bedömningen gäller (frågas om det utelämnas)",
        ("assess", "respondent") => "Vem som svarar; varje person kan svara i en egen fil",
        ("assess" | "template", "role") => "Personens roll, till exempel CIO, CMIO eller CISO",
        ("assess", "previous") => "Förra årets svar, som visas och är förvalda vid varje fråga",
        ("score" | "compare", "rubric") => {
            "Bedömningsmall: ett inbyggt id (`tiopunkt`, `beredskap`) eller en fil [standard: den inbyggda mallen för svarens enkät]"
        }
        ("score", "questionnaire") => {
            "Enkät: ett inbyggt id eller en enkätfil [standard: den inbyggda enkät som svaren anger]"
        }
        ("compare", "old") => "Det tidigare årets svarsfil (`-` läser standard in)",
        ("compare", "new") => "Det senare årets svarsfil (`-` läser standard in)",
        ("compare", "questionnaire") => {
            "Enkät: ett inbyggt id eller en enkätfil [standard: den inbyggda enkät som det senare årets svar anger]"
        }
        ("compare" | "score", "format") => {
            "Utdataformat: text (en tabell att läsa), json (för skript) eller csv (en rad per område, för kalkylblad)"
        }
        (_, "format") => "Utdataformat: text (en tabell att läsa) eller json (för skript)",
        ("validate", "files") => {
            "Filerna att kontrollera; varje fils typ läses ur fältet `format`. Enkäter bland dem används för att kontrollera de mallar och svar som hänvisar till dem."
        }
        ("schema", "kind") => "Filformatet",
        ("validate", "all") => {
            "Lista varje problem i en fil; utan den de första 50 och hur många som återstår"
        }
        ("completions", "shell") => "Skalet",
        ("man", "command") => "Ett kommando, för dess egen sida [standard: sidan för mognad]",
        ("demo", "output") => {
            "Mappen att skriva i, ny eller tom [standard: mognad-demo i den aktuella mappen]"
        }
        ("benchmark", "inputs") => {
            "Svarsfiler, en per region och år, eller mappar där `.json`-filer söks"
        }
        ("benchmark", "output") => {
            "Den nationella referensen att skriva [standard: national-ÅR.json]"
        }
        ("benchmark", "min_regions") => {
            "Det minsta antal regioner en publicerad siffra får vila på; siffror som vilar på färre undanhålls"
        }
        ("benchmark", "year") => {
            "Året som referensen byggs för [standard: det senaste året bland filerna]"
        }
        ("benchmark" | "national-report", "questionnaire") => {
            "En enkätfil för svar på en enkät som inte är inbyggd (kan anges flera gånger)"
        }
        ("benchmark", "rubric") => {
            "En bedömningsmall som poängsätter en sådan enkät eller ersätter en inbyggd mall (kan anges flera gånger; var och en används för den enkät den anger)"
        }
        ("national-report", "inputs") => {
            "Svarsfiler, en per region och år (året och året innan), eller mappar där `.json`-filer söks"
        }
        ("national-report", "output") => {
            "PDF-filen att skriva; de öppna data skrivs bredvid som .csv och .json [standard: riket-ÅR.pdf]"
        }
        ("national-report", "year") => "Rapportens år [standard: det senaste året bland filerna]",
        ("national-report", "min_regions") => {
            "Det minsta antal regioner en publicerad siffra får vila på, och som resten av ett antal får vila på; andra siffror undanhålls"
        }
        ("national-report", "named") => {
            "Namnge regionerna som svarade (bara när de har gått med på att publiceras med namn)"
        }
        ("national-report", "published") => {
            "Publicerade nationella siffror som inleder indikatorernas serier [standard: SLIT 2025, inbyggd]"
        }
        ("national-report", "classification") => {
            "Klassningen som skrivs på varje sida, till exempel Publik [standard: ingen]"
        }
        ("national-report", "rubric") => {
            "En bedömningsmall som poängsätter en sådan enkät eller ersätter en inbyggd mall (kan anges flera gånger)"
        }
        ("template", "questionnaire") => {
            "Enkät: `tiopunkt`, `beredskap` eller en enkätfil [standard: tiopunkt]"
        }
        ("template", "region") => {
            "Regionen, kommunen eller vårdgivaren som svarar, skrivs in i svarsbladet"
        }
        ("template", "year") => "Året som bedömningen gäller, skrivs in i svarsbladet",
        ("template", "respondent") => "Vem som svarar, skrivs in i svarsbladet",
        ("template", "output") => {
            "CSV-filen att skriva (`-` skriver till standard ut) [standard: svar-ENKÄT-REGION-ÅR.csv]"
        }
        ("template", "force") => "Skriv över filen om den finns",
        ("report", "force") => {
            "Ersätt filen även om den inte är en PDF-fil (aldrig en av filerna som läses)"
        }
        ("benchmark", "all") => {
            "Lista varje avvisad fil; utan den de första 50 och hur många som återstår"
        }
        ("benchmark", "force") => {
            "Ersätt filen även om den inte är en nationell referens (aldrig en av filerna som läses)"
        }
        ("import", "sheet") => "Det ifyllda svarsbladet, sparat som CSV (`-` läser standard in)",
        ("import", "questionnaire") => {
            "Enkät: ett inbyggt id eller en enkätfil [standard: den som svarsbladet anger på raden `#questionnaire`]"
        }
        ("import", "output") => {
            "Svarsfilen att skriva (`-` skriver till standard ut) [standard: svar-ENKÄT-REGION-ÅR.json, för beredskap svar-ENKÄT-REGION-LÖSNING-ÅR.json]"
        }
        ("import", "force") => "Skriv över svarsfilen om den finns",
        ("assess", "consensus") => {
            "Enas om de oeniga frågorna i ett teams fil från `mognad merge`: varje persons svar visas, och teamet skriver in svaret det enas om och varför"
        }
        ("assess", "plain") => {
            "Fråga rad för rad i vanlig text, för skärmläsare, enkla terminaler och loggar: inget ritas om, inga färger, varje val skrivs som sin tangent och Enter (även när `TERM=dumb`). Standard in läses även när den inte är en terminal, så att ett skript kan svara"
        }
        ("merge", "files") => "Varje persons egen svarsfil, en person per fil (minst två)",
        ("merge", "questionnaire") => {
            "Enkät: ett inbyggt id eller en enkätfil [standard: den enkät som svaren anger]"
        }
        ("merge", "rubric") => {
            "Bedömningsmall, vars hinder avgör vilka frågor som föreslås med det lägsta svaret: ett inbyggt id eller en fil [standard: enkätens egen, eller den som ligger bredvid en enkätfil]"
        }
        ("assess", "rubric") => {
            "Bedömningsmall, för målen och poängen i slutet: ett inbyggt id eller en fil [standard: enkätens egen, eller den som ligger bredvid en enkätfil]"
        }
        ("merge", "output") => {
            "Teamets svarsfil att skriva (`-` skriver till standard ut) [standard: team-ENKÄT-REGION-ÅR.json, för beredskap team-ENKÄT-REGION-LÖSNING-ÅR.json]"
        }
        ("merge", "rule") => {
            "Hur teamets svar föreslås: median (mittensvaret, det lägre av de två i mitten vid ett jämnt antal) eller min (det lägsta svaret)"
        }
        ("merge", "split_share") => {
            "En skalfråga är oenig när minst den här andelen av de svarande ligger långt från medianen"
        }
        ("merge", "split_distance") => "Långt från medianen är fler nivåer än så här",
        ("merge", "force") => "Skriv över teamets fil om den finns",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_is_found_before_parsing() {
        assert_eq!(language(&args(&["mognad", "score", "x"]), None), Lang::Sv);
        assert_eq!(
            language(&args(&["mognad", "--lang", "en", "score"]), None),
            Lang::En
        );
        assert_eq!(
            language(&args(&["mognad", "score", "--lang=en"]), None),
            Lang::En
        );
        assert_eq!(language(&args(&["mognad"]), Some("en".into())), Lang::En);
        // The command line wins over the environment, and a file named `--lang` after `--`
        // is a file.
        assert_eq!(
            language(&args(&["mognad", "--lang", "sv"]), Some("en".into())),
            Lang::Sv
        );
        assert_eq!(
            language(&args(&["mognad", "validate", "--", "--lang", "en"]), None),
            Lang::Sv
        );
    }

    #[test]
    fn the_command_line_is_consistent_in_both_languages() {
        command(Lang::Sv).debug_assert();
        command(Lang::En).debug_assert();
    }
}
