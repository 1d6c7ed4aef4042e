//! What the user typed, as clap parses it. Nothing here is checked beyond its shape; the
//! commands resolve these into configurations.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score an answers file: per area score, level and coverage, the index, and the verdict
    Score(ScoreArgs),
    /// Check questionnaire, rubric and answers files, listing every problem
    Validate(ValidateArgs),
    /// List the built-in questionnaires and rubrics with their versions and content hashes
    Questionnaires(QuestionnairesArgs),
    /// Print the JSON Schema of a file format
    Schema(SchemaArgs),
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
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Files to check; the kind of each is read from its `format` field. Questionnaires among
    /// them are used to check rubrics and answers that name them.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct QuestionnairesArgs {
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The file format
    #[arg(value_enum)]
    pub kind: SchemaKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for people
    Text,
    /// JSON for scripts
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    Questionnaire,
    Rubric,
    Answers,
}
