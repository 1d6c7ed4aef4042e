//! The one error type of the command line, with every message and hint in both languages, and
//! the exit codes.

use std::path::PathBuf;

use crate::lang::Lang;
use crate::problem::{Problem, Severity, SheetProblem};

/// The documented exit codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Everything went well.
    Ok = 0,
    /// A negative result: `validate` found problems.
    Problems = 1,
    /// An error or bad usage.
    Error = 2,
    /// Cancelled by the user.
    Cancelled = 130,
}

#[derive(Debug)]
pub enum Error {
    /// A file could not be read.
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A file was read but is not text mognad can read: named as what it is.
    Unusable {
        path: PathBuf,
        why: crate::files::Unusable,
    },
    /// A file could not be written.
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A file was read but has problems that keep it from being used.
    Invalid {
        path: String,
        problems: Vec<Problem>,
    },
    /// `--rubric` or `--questionnaire` named neither a built-in nor an existing file.
    NotFound { kind: Lookup, name: String },
    /// The questionnaire of an answers file has no built-in rubric.
    NoRubric { questionnaire: String },
    /// A file names a version of a built-in questionnaire that is not built in.
    UnknownEdition {
        id: String,
        version: String,
        /// The versions that are built in, oldest first.
        editions: Vec<String>,
    },
    /// `assess` has no terminal to ask in, and no file to check instead.
    NoTerminal,
    /// The user stopped before anything was saved.
    Cancelled,
    /// An answers file to resume belongs to another questionnaire.
    WrongQuestionnaire {
        path: String,
        found: String,
        expected: String,
    },
    /// An answers file is held by another interview running now.
    InUse { path: String },
    /// A readiness file to resume is about another solution than the one started; `named`
    /// when the file was given with `--answers`, not found by the solution's name.
    OtherSolution {
        path: String,
        found: String,
        expected: String,
        named: bool,
    },
    /// Files that cannot make one report together.
    Report {
        path: String,
        problem: ReportProblem,
    },
    /// `mognad man COMMAND` named no command.
    NoSuchCommand { name: String, known: Vec<String> },
    /// A folder to write into already holds files.
    NotEmpty { path: PathBuf },
    /// The answers files cannot make one national reference.
    Benchmark(BenchmarkProblem),
    /// Two answers files that cannot be compared.
    Compare {
        old: String,
        new: String,
        problem: CompareProblem,
    },
    /// The PDF could not be made.
    Render(String),
    /// A file of another kind was given where one kind was expected.
    WrongKind {
        path: String,
        expected: &'static str,
        found: &'static str,
    },
    /// An answers sheet with problems; nothing was written.
    Sheet {
        path: String,
        problems: Vec<SheetProblem>,
    },
    /// A file to write exists already and `--force` was not given.
    Exists { path: PathBuf },
    /// The file to write is one the command reads.
    OwnInput {
        path: PathBuf,
        writing: &'static str,
    },
    /// The file to write is of another kind than the one written, and `--force` was not given.
    Replace {
        path: PathBuf,
        found: &'static str,
        writing: &'static str,
    },
    /// Respondents' files that cannot be merged into one team's file.
    Merge(MergeProblem),
    /// A rule for `merge` that makes no sense.
    SplitShare { value: f64 },
    /// `assess --consensus` on a file that is not a team's.
    NotTeam { path: String },
    /// `assess --consensus` has no terminal to ask in.
    ConsensusNoTerminal {
        /// The `mognad score` command, as it works for the file, that shows the split
        /// questions.
        score: String,
    },
    /// A targets file that does not fit the answers it is given with.
    Targets {
        path: String,
        problem: TargetsProblem,
    },
}

/// Why respondents' files cannot be merged into one team's file.
#[derive(Debug)]
pub enum MergeProblem {
    /// Fewer than two files.
    TooFew,
    /// A file that is a team's file already.
    AlreadyMerged { file: String },
    /// A file that does not name exactly one respondent.
    Respondents { file: String, count: usize },
    /// A file for another region, year, questionnaire version or solution than the first.
    OtherAnswers {
        file: String,
        found: String,
        first: String,
        expected: String,
    },
    /// A second file from the same respondent.
    SameRespondent {
        file: String,
        first: String,
        name: String,
    },
}

/// Why a targets file cannot be used with the answers it is given with.
#[derive(Debug)]
pub enum TargetsProblem {
    /// It sets targets for another questionnaire than the answers answer.
    OtherQuestionnaire { found: String, expected: String },
    /// It sets targets for another region than the answers are from.
    OtherRegion { found: String, expected: String },
    /// `report`: no answers to its questionnaire among this year's.
    NoAnswers { questionnaire: String },
    /// `report`: a second targets file for one questionnaire.
    Twice { questionnaire: String },
}

/// Why a set of answers files cannot make one report.
#[derive(Debug)]
pub enum ReportProblem {
    SameQuestionnaireTwice(String),
    OtherRegionOrYear {
        region: String,
        year: i32,
        expected_region: String,
        expected_year: i32,
    },
    NoCurrentYear(String),
    NotAnEarlierYear {
        region: String,
        year: i32,
        expected_region: String,
        year_now: i32,
    },
}

/// Why a set of answers files cannot make one national reference.
#[derive(Debug)]
pub enum BenchmarkProblem {
    /// No answers file among the inputs (for the year asked for).
    NoAnswers { year: Option<i32> },
    /// Files answered another version of a questionnaire than the one the others answered.
    MixedVersions {
        questionnaire: String,
        version: String,
        /// Each other version: how many files, and the first of them.
        others: Vec<(String, usize, String)>,
    },
    /// Two or more files for one region, questionnaire and year.
    Duplicates {
        questionnaire: String,
        year: i32,
        /// Each region with its files.
        regions: Vec<(String, Vec<String>)>,
    },
}

/// Why two answers files cannot be compared.
#[derive(Debug)]
pub enum CompareProblem {
    OtherQuestionnaire { old: String, new: String },
    OtherRegion { old: String, new: String },
    NotEarlier { old: i32, new: i32 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup {
    Questionnaire,
    Rubric,
}

impl Error {
    pub fn exit(&self) -> Exit {
        match self {
            Error::Cancelled => Exit::Cancelled,
            _ => Exit::Error,
        }
    }

    /// The message: a lowercase headline, then problems or a hint, each on its own line.
    pub fn render(&self, lang: Lang) -> String {
        let sv = lang == Lang::Sv;
        let (headline, hint) = match self {
            Error::Read { path, source } => (
                if sv {
                    format!(
                        "kan inte läsa `{}`: {}",
                        path.display(),
                        io_reason(source, lang)
                    )
                } else {
                    format!(
                        "cannot read `{}`: {}",
                        path.display(),
                        io_reason(source, lang)
                    )
                },
                Some(
                    lang.pick(
                        "kontrollera sökvägen och att filen går att läsa",
                        "check the path and that the file is readable",
                    )
                    .to_string(),
                ),
            ),
            Error::Unusable { path, why } => unusable_message(&path.display().to_string(), *why, lang),
            Error::Write { path, source } if full(source) => (
                if sv {
                    format!(
                        "kan inte skriva `{}`: disken är full; ingenting har ändrats",
                        path.display()
                    )
                } else {
                    format!(
                        "cannot write `{}`: the disk is full; nothing was changed",
                        path.display()
                    )
                },
                Some(
                    lang.pick(
                        "frigör plats på disken, eller skriv till en annan disk med `-o FIL`, och kör kommandot igen",
                        "free some space on the disk, or write to another disk with `-o FILE`, and run the command again",
                    )
                    .to_string(),
                ),
            ),
            Error::Write { path, source } => (
                if sv {
                    format!(
                        "kan inte skriva `{}`: {}",
                        path.display(),
                        io_reason(source, lang)
                    )
                } else {
                    format!(
                        "cannot write `{}`: {}",
                        path.display(),
                        io_reason(source, lang)
                    )
                },
                Some(
                    lang.pick(
                        "kontrollera att mappen finns och att du får skriva i den",
                        "check that the folder exists and is writable",
                    )
                    .to_string(),
                ),
            ),
            Error::Invalid { path, problems } => {
                let mut lines = vec![if sv {
                    format!("`{path}` kan inte användas")
                } else {
                    format!("`{path}` cannot be used")
                }];
                let errors: Vec<Problem> = problems
                    .iter()
                    .filter(|p| p.severity() == Severity::Error)
                    .cloned()
                    .collect();
                let (shown, more) = crate::problem::bounded(&errors, false, lang);
                for problem in shown {
                    lines.push(problem.render(path, lang));
                }
                if let Some(more) = more {
                    lines.push(more);
                    lines.push(if sv {
                        format!("tips: `mognad validate {path} --all` visar alla")
                    } else {
                        format!("hint: `mognad validate {path} --all` shows them all")
                    });
                }
                return format!("{}: {}", lang.pick("fel", "error"), lines.join("\n"));
            }
            Error::Sheet { path, problems } => {
                let mut lines = vec![if sv {
                    format!("`{path}` kan inte läsas in; ingenting har skrivits")
                } else {
                    format!("`{path}` cannot be imported; nothing was written")
                }];
                lines.extend(
                    problems
                        .iter()
                        .take(crate::problem::SHOWN)
                        .map(|p| p.render(path, lang)),
                );
                if problems.len() > crate::problem::SHOWN {
                    let more = crate::problem::thousands(problems.len() - crate::problem::SHOWN);
                    lines.push(if sv {
                        format!("och {more} problem till på andra rader")
                    } else {
                        format!("and {more} more problems on other rows")
                    });
                }
                return format!("{}: {}", lang.pick("fel", "error"), lines.join("\n"));
            }
            Error::Exists { path } => (
                if sv {
                    format!("`{}` finns redan", path.display())
                } else {
                    format!("`{}` exists already", path.display())
                },
                Some(
                    lang.pick(
                        "välj en annan fil med `-o FIL`, eller skriv över den med `--force`",
                        "choose another file with `-o FILE`, or overwrite it with `--force`",
                    )
                    .to_string(),
                ),
            ),
            Error::OwnInput { path, writing } => (
                if sv {
                    format!(
                        "`{}` är en av filerna som kommandot läser; den skrivs inte över med {}",
                        path.display(),
                        written_sv(writing)
                    )
                } else {
                    format!(
                        "`{}` is one of the files this command reads; it is not replaced by the {writing}",
                        path.display()
                    )
                },
                Some(
                    lang.pick(
                        "välj en annan fil att skriva med `-o FIL`",
                        "choose another file to write with `-o FILE`",
                    )
                    .to_string(),
                ),
            ),
            Error::Replace {
                path,
                found,
                writing,
            } => (
                if sv {
                    format!(
                        "`{}` är {}, och den skrivs inte över med {}",
                        path.display(),
                        found_sv(found),
                        written_sv(writing)
                    )
                } else {
                    format!(
                        "`{}` is {}, and it is not replaced by the {writing}",
                        path.display(),
                        found_en(found)
                    )
                },
                Some(
                    lang.pick(
                        "välj en annan fil med `-o FIL`, eller ersätt den ändå med `--force`",
                        "choose another file with `-o FILE`, or replace it all the same with `--force`",
                    )
                    .to_string(),
                ),
            ),
            Error::NotFound { kind, name } => (
                match (kind, sv) {
                    (Lookup::Questionnaire, true) => {
                        format!("enkäten `{name}` är varken inbyggd eller en fil")
                    }
                    (Lookup::Questionnaire, false) => {
                        format!("questionnaire `{name}` is neither built in nor a file")
                    }
                    (Lookup::Rubric, true) => {
                        format!("bedömningsmallen `{name}` är varken inbyggd eller en fil")
                    }
                    (Lookup::Rubric, false) => {
                        format!("rubric `{name}` is neither built in nor a file")
                    }
                },
                Some(
                    lang.pick(
                        "`mognad questionnaires` listar de inbyggda",
                        "`mognad questionnaires` lists the built-in ones",
                    )
                    .to_string(),
                ),
            ),
            Error::UnknownEdition {
                id,
                version,
                editions,
            } => (
                if sv {
                    format!(
                        "enkäten `{id}` finns inte inbyggd i version {version}; inbyggda är {}",
                        editions.join(", ")
                    )
                } else {
                    format!(
                        "questionnaire `{id}` version {version} is not built in; built in are {}",
                        editions.join(", ")
                    )
                },
                Some(
                    lang.pick(
                        "ge den versionens enkätfil med `--questionnaire FIL`, eller använd en nyare mognad",
                        "give that version's questionnaire file with `--questionnaire FILE`, or use a newer mognad",
                    )
                    .to_string(),
                ),
            ),
            Error::NoRubric { questionnaire } => (
                if sv {
                    format!("enkäten `{questionnaire}` har ingen inbyggd bedömningsmall")
                } else {
                    format!("questionnaire `{questionnaire}` has no built-in rubric")
                },
                Some(
                    lang.pick(
                        "ange bedömningsmallen med `--rubric FIL`",
                        "give the rubric with `--rubric FILE`",
                    )
                    .to_string(),
                ),
            ),
            Error::Report { path, problem } => {
                let (sv_text, en_text, sv_hint, en_hint) = match problem {
                    ReportProblem::SameQuestionnaireTwice(id) => (
                        format!("`{path}` är ännu en svarsfil för enkäten `{id}`"),
                        format!("`{path}` is another answers file for questionnaire `{id}`"),
                        "ge en svarsfil per enkät för året, och tidigare år med `--previous`".to_string(),
                        "give one answers file per questionnaire for the year, and earlier years with `--previous`".to_string(),
                    ),
                    ReportProblem::OtherRegionOrYear { region, year, expected_region, expected_year } => (
                        format!("`{path}` gäller {region} {year}, inte {expected_region} {expected_year}"),
                        format!("`{path}` is for {region} {year}, not {expected_region} {expected_year}"),
                        "en profil gäller en region och ett år; tidigare år ges med `--previous`".to_string(),
                        "a profile is for one region and one year; earlier years are given with `--previous`".to_string(),
                    ),
                    ReportProblem::NoCurrentYear(id) => (
                        format!("`{path}` är ett tidigare år av enkäten `{id}`, men årets svar på den saknas"),
                        format!("`{path}` is an earlier year of questionnaire `{id}`, but this year's answers to it are missing"),
                        "ge årets svarsfil för samma enkät bland SVAR".to_string(),
                        "give this year's answers file for the same questionnaire among ANSWERS".to_string(),
                    ),
                    ReportProblem::NotAnEarlierYear { region, year, expected_region, year_now } => (
                        format!("`{path}` gäller {region} {year}, inte ett tidigare år än {year_now} för {expected_region}"),
                        format!("`{path}` is for {region} {year}, not a year before {year_now} for {expected_region}"),
                        "`--previous` tar samma regions svar från tidigare år".to_string(),
                        "`--previous` takes the same region's answers from earlier years".to_string(),
                    ),
                };
                if sv { (sv_text, Some(sv_hint)) } else { (en_text, Some(en_hint)) }
            }
            Error::Benchmark(problem) => benchmark_message(problem, lang),
            Error::NoSuchCommand { name, known } => (
                if sv {
                    format!("mognad har inget kommando `{name}`")
                } else {
                    format!("mognad has no command `{name}`")
                },
                Some(format!(
                    "{} {}",
                    lang.pick("kommandona är", "the commands are"),
                    known.join(", ")
                )),
            ),
            Error::Targets { path, problem } => {
                let (sv_text, en_text, sv_hint, en_hint) = match problem {
                    TargetsProblem::OtherQuestionnaire { found, expected } => (
                        format!("`{path}` sätter mål för enkäten `{found}`, inte `{expected}`"),
                        format!("`{path}` sets targets for questionnaire `{found}`, not `{expected}`"),
                        "ge målfilen för samma enkät som svaren; fältet `questionnaire` säger vilken den gäller",
                        "give the targets file for the same questionnaire as the answers; its field `questionnaire` says which it is for",
                    ),
                    TargetsProblem::OtherRegion { found, expected } => (
                        format!("`{path}` sätter mål för {found}, inte för {expected}"),
                        format!("`{path}` sets targets for {found}, not for {expected}"),
                        "ge samma regions målfil; fältet `region` ska stå som i svarsfilen",
                        "give the same region's targets file; its field `region` must read as in the answers file",
                    ),
                    TargetsProblem::NoAnswers { questionnaire } => (
                        format!("`{path}` sätter mål för enkäten `{questionnaire}`, men årets svar på den saknas"),
                        format!("`{path}` sets targets for questionnaire `{questionnaire}`, but this year's answers to it are missing"),
                        "ge årets svarsfil för den enkäten bland SVAR, eller lämna bort målfilen",
                        "give this year's answers file for that questionnaire among ANSWERS, or leave the targets file out",
                    ),
                    TargetsProblem::Twice { questionnaire } => (
                        format!("`{path}` är ännu en målfil för enkäten `{questionnaire}`"),
                        format!("`{path}` is another targets file for questionnaire `{questionnaire}`"),
                        "ge en målfil per enkät",
                        "give one targets file per questionnaire",
                    ),
                };
                if sv { (sv_text, Some(sv_hint.to_string())) } else { (en_text, Some(en_hint.to_string())) }
            }
            Error::NotEmpty { path } => (
                if sv {
                    format!("mappen `{}` är inte tom", path.display())
                } else {
                    format!("the folder `{}` is not empty", path.display())
                },
                Some(lang.pick(
                    "välj en ny eller tom mapp med `-o MAPP`, så skrivs inga filer över",
                    "choose a new or empty folder with `-o DIR`, so that no file is overwritten",
                ).to_string()),
            ),
            Error::Compare { old: old_path, new: new_path, problem } => {
                let (sv_text, en_text, sv_hint, en_hint) = match problem {
                    CompareProblem::OtherQuestionnaire { old, new } => (
                        format!("`{old_path}` innehåller svar på enkäten `{old}` och `{new_path}` svar på `{new}`"),
                        format!("`{old_path}` holds answers to questionnaire `{old}` and `{new_path}` answers to `{new}`"),
                        "jämför två års svar på samma enkät",
                        "compare two years' answers to the same questionnaire",
                    ),
                    CompareProblem::OtherRegion { old, new } => (
                        format!("`{old_path}` gäller {old} och `{new_path}` gäller {new}"),
                        format!("`{old_path}` is for {old} and `{new_path}` is for {new}"),
                        "jämför samma regions svar från två år",
                        "compare the same region's answers from two years",
                    ),
                    CompareProblem::NotEarlier { old, new } => (
                        format!("`{old_path}` gäller {old}, som inte är före {new} i `{new_path}`"),
                        format!("`{old_path}` is for {old}, which is not before {new} in `{new_path}`"),
                        if old == new {
                            "jämför svar från två olika år, det tidigare först: `mognad compare TIDIGARE SENARE`"
                        } else {
                            "byt plats på filerna, så att det tidigare året kommer först: `mognad compare TIDIGARE SENARE`"
                        },
                        if old == new {
                            "compare answers from two different years, the earlier first: `mognad compare OLD NEW`"
                        } else {
                            "swap the files, so that the earlier year comes first: `mognad compare OLD NEW`"
                        },
                    ),
                };
                if sv { (sv_text, Some(sv_hint.to_string())) } else { (en_text, Some(en_hint.to_string())) }
            }
            Error::Render(message) => (
                if sv {
                    format!("PDF-filen kunde inte skapas: {message}")
                } else {
                    format!("the PDF could not be made: {message}")
                },
                Some(lang.pick("det här är ett fel i mognad; rapportera det med svarsfilerna", "this is a bug in mognad; report it with the answers files").to_string()),
            ),
            Error::NoTerminal => (
                lang.pick(
                    "`mognad assess` behöver en terminal för att ställa frågorna",
                    "`mognad assess` needs a terminal to ask its questions",
                )
                .to_string(),
                Some(
                    lang.pick(
                        "kör det i en terminal, eller ge en svarsfil att kontrollera och poängsätta: `mognad assess --answers FIL`",
                        "run it in a terminal, or give an answers file to check and score: `mognad assess --answers FILE`",
                    )
                    .to_string(),
                ),
            ),
            Error::Cancelled => (
                lang.pick("avbrutet innan något sparades", "stopped before anything was saved").to_string(),
                Some(lang.pick("börja igen med `mognad assess`", "start again with `mognad assess`").to_string()),
            ),
            Error::WrongQuestionnaire { path, found, expected } => (
                if sv {
                    format!("`{path}` innehåller svar på enkäten `{found}`, inte `{expected}`")
                } else {
                    format!("`{path}` holds answers to questionnaire `{found}`, not `{expected}`")
                },
                Some(if sv {
                    format!("fortsätt den med `mognad assess --answers {path} --questionnaire {found}`, eller välj en annan fil")
                } else {
                    format!("resume it with `mognad assess --answers {path} --questionnaire {found}`, or choose another file")
                }),
            ),
            Error::InUse { path } => (
                if sv {
                    format!("svarsfilen `{path}` används redan av en annan intervju")
                } else {
                    format!("answers file `{path}` is in use by another interview")
                },
                Some(lang.pick(
                    "vänta tills den andra intervjun är klar, eller svara i en egen fil och slå ihop filerna med `mognad merge`",
                    "wait until the other interview is finished, or answer into a file of your own and combine the files with `mognad merge`",
                ).to_string()),
            ),
            Error::OtherSolution { path, found, expected, named } => (
                if sv {
                    format!("`{path}` innehåller svar för lösningen `{found}`, inte `{expected}`")
                } else {
                    format!("`{path}` holds answers for solution `{found}`, not `{expected}`")
                },
                Some(if *named {
                    lang.pick(
                        "ange en annan fil med `--answers FIL`, eller utelämna `--answers` för att få lösningens egen fil",
                        "name another file with `--answers FILE`, or leave `--answers` out to get the solution's own file",
                    )
                } else {
                    lang.pick(
                        "de två lösningarnas namn ger samma filnamn: svara i en egen fil med `--answers FIL`",
                        "the two solutions' names give the same file name: answer into a file of its own with `--answers FILE`",
                    )
                }.to_string()),
            ),
            Error::Merge(problem) => merge_message(problem, lang),
            Error::SplitShare { value } => (
                if sv {
                    format!("`--split-share` ska vara större än 0 och högst 1, inte {value}")
                } else {
                    format!("`--split-share` must be above 0 and at most 1, not {value}")
                },
                Some(lang.pick(
                    "andelen svarande långt från medianen som gör en fråga oenig, till exempel 0.33 för en tredjedel",
                    "the share of respondents far from the median that makes a question split, for example 0.33 for a third",
                ).to_string()),
            ),
            Error::NotTeam { path } => (
                if sv {
                    format!("`{path}` är inte ett teams sammanslagna svar")
                } else {
                    format!("`{path}` is not a team's merged answers")
                },
                Some(lang.pick(
                    "slå först ihop respondenternas egna filer: `mognad merge FIL... -o team.json`, och enas sedan med `mognad assess --answers team.json --consensus`",
                    "first merge the respondents' own files: `mognad merge FILE... -o team.json`, then settle with `mognad assess --answers team.json --consensus`",
                ).to_string()),
            ),
            Error::ConsensusNoTerminal { score } => (
                lang.pick(
                    "`mognad assess --consensus` behöver en terminal för att ställa frågorna",
                    "`mognad assess --consensus` needs a terminal to ask its questions",
                )
                .to_string(),
                Some(if sv {
                    format!("kör det i en terminal; `{score}` visar de oeniga frågorna och varje persons svar")
                } else {
                    format!("run it in a terminal; `{score}` shows the split questions and everyone's answers")
                }),
            ),
            Error::WrongKind {
                path,
                expected,
                found,
            } => (
                if sv {
                    format!(
                        "`{path}` är en {}, inte en {}",
                        kind_sv(found),
                        kind_sv(expected)
                    )
                } else {
                    format!("`{path}` is {}, not {}", kind_en(found), kind_en(expected))
                },
                Some(
                    lang.pick(
                        "`mognad validate FIL` visar vad en fil är",
                        "`mognad validate FILE` shows what a file is",
                    )
                    .to_string(),
                ),
            ),
        };
        let mut out = format!("{}: {headline}", lang.pick("fel", "error"));
        if let Some(hint) = hint {
            out.push('\n');
            out.push_str(lang.pick("tips", "hint"));
            out.push_str(": ");
            out.push_str(&hint);
        }
        out
    }
}

fn unusable_message(
    path: &str,
    why: crate::files::Unusable,
    lang: Lang,
) -> (String, Option<String>) {
    use crate::files::Unusable as U;
    let sv = lang == Lang::Sv;
    let (headline, hint) = match why {
        U::Empty => (
            if sv { format!("`{path}` är tom") } else { format!("`{path}` is empty") },
            lang.pick(
                "filen innehåller ingenting: kontrollera att det är rätt fil och att den sparades färdigt",
                "the file holds nothing: check that it is the right file and that it was saved completely",
            ),
        ),
        U::EmptyStdin => (
            lang.pick(
                "standard in är tom: ingenting kom på den",
                "standard input is empty: nothing came on it",
            )
            .to_string(),
            lang.pick(
                "skicka in filen, till exempel `mognad score - < svar.json`, eller ange filens namn i stället för `-`",
                "send the file in, for example `mognad score - < svar.json`, or give the file's name instead of `-`",
            ),
        ),
        U::Folder => (
            if sv { format!("`{path}` är en mapp, inte en fil") } else { format!("`{path}` is a folder, not a file") },
            lang.pick(
                "ange en fil i mappen; `mognad benchmark MAPP` läser alla svarsfiler i en mapp",
                "give a file in the folder; `mognad benchmark FOLDER` reads every answers file in a folder",
            ),
        ),
        U::Pdf => (
            if sv { format!("`{path}` är en PDF-fil, inte en JSON-fil från mognad") } else { format!("`{path}` is a PDF, not a JSON file from mognad") },
            lang.pick(
                "ange svarsfilen (`.json`) som PDF-filen gjordes av; en profil från `mognad report` kan inte läsas tillbaka",
                "give the answers file (`.json`) the PDF was made from; a profile from `mognad report` cannot be read back",
            ),
        ),
        U::Utf16 => (
            if sv { format!("`{path}` är sparad som UTF-16; mognad läser UTF-8") } else { format!("`{path}` is saved as UTF-16; mognad reads UTF-8") },
            lang.pick(
                "spara filen som UTF-8 (i Anteckningar: Spara som, Kodning UTF-8)",
                "save the file as UTF-8 (in Notepad: Save as, Encoding UTF-8)",
            ),
        ),
        U::NotUtf8 => (
            if sv { format!("`{path}` är inte UTF-8-text") } else { format!("`{path}` is not UTF-8 text") },
            lang.pick(
                "en fil från mognad är JSON i UTF-8; kontrollera att det är rätt fil, eller spara den som UTF-8",
                "a file from mognad is JSON in UTF-8; check that it is the right file, or save it as UTF-8",
            ),
        ),
    };
    (headline, Some(hint.to_string()))
}

/// What is written, after "replaced by the" / "skrivs inte över med".
fn written_sv(writing: &str) -> &'static str {
    match writing {
        "PDF" => "PDF-filen",
        "national reference" => "den nationella referensen",
        "answers" => "svarsfilen",
        "sheet" => "svarsbladet",
        _ => "filen",
    }
}

/// What a file found in the way is, as [`crate::files::Found::name`] names it.
fn found_sv(found: &str) -> String {
    match found {
        "PDF" => "en PDF-fil".to_string(),
        "other" => "en fil av ett annat slag".to_string(),
        kind => format!("en {}", kind_sv(kind)),
    }
}

fn found_en(found: &str) -> String {
    match found {
        "PDF" => "a PDF".to_string(),
        "other" => "a file of another kind".to_string(),
        kind => kind_en(kind),
    }
}

/// A kind of file, as [`crate::document::Kind::name`] names it, with its article: `an answers
/// file`, `a questionnaire`.
fn kind_en(kind: &str) -> String {
    match kind {
        "answers" => "an answers file".to_string(),
        "targets" | "published figures" => format!("a {kind} file"),
        "questionnaire" | "rubric" | "national reference" => format!("a {kind}"),
        _ => "a file of another kind".to_string(),
    }
}

/// Whether a write failed for want of room: a full disk, or a quota or file size limit.
fn full(error: &std::io::Error) -> bool {
    use std::io::ErrorKind;
    matches!(
        error.kind(),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded | ErrorKind::FileTooLarge
    )
}

fn kind_sv(kind: &str) -> &'static str {
    match kind {
        "questionnaire" => "enkätfil",
        "rubric" => "bedömningsmall",
        "answers" => "svarsfil",
        "published figures" => "fil med publicerade siffror",
        "national reference" => "nationell referens",
        "targets" => "målfil",
        _ => "fil",
    }
}

fn benchmark_message(problem: &BenchmarkProblem, lang: Lang) -> (String, Option<String>) {
    let sv = lang == Lang::Sv;
    match problem {
        BenchmarkProblem::NoAnswers { year } => (
            match (year, sv) {
                (Some(year), true) => format!("ingen svarsfil för {year} bland filerna"),
                (Some(year), false) => format!("no answers file for {year} among the files"),
                (None, true) => "ingen svarsfil bland filerna".to_string(),
                (None, false) => "no answers file among the files".to_string(),
            },
            Some(
                lang.pick(
                    "ange regionernas svarsfiler eller mappar med dem; `--year` väljer året",
                    "give the regions' answers files or folders of them; `--year` chooses the year",
                )
                .to_string(),
            ),
        ),
        BenchmarkProblem::MixedVersions {
            questionnaire,
            version,
            others,
        } => {
            let mut lines = vec![if sv {
                format!(
                    "svaren på `{questionnaire}` gäller olika versioner av enkäten; referensen byggs för version {version}"
                )
            } else {
                format!(
                    "the answers to `{questionnaire}` are for different versions of the questionnaire; the reference is built for version {version}"
                )
            }];
            for (other, count, first) in others {
                lines.push(if sv {
                    format!("  version {other}: {count} filer, till exempel `{first}`")
                } else {
                    format!("  version {other}: {count} files, for example `{first}`")
                });
            }
            (
                lines.join("\n"),
                Some(lang.pick(
                    "en nationell siffra jämför bara svar på samma frågor: bygg en referens per version, eller ge enkätfilen för versionen med `--questionnaire FIL`",
                    "a national figure compares only answers to the same questions: build one reference per version, or give the questionnaire file of the version with `--questionnaire FILE`",
                ).to_string()),
            )
        }
        BenchmarkProblem::Duplicates {
            questionnaire,
            year,
            regions,
        } => {
            let mut lines = vec![if sv {
                format!("flera svarsfiler på `{questionnaire}` {year} för samma region")
            } else {
                format!("several answers files to `{questionnaire}` {year} for one region")
            }];
            for (region, files) in regions {
                let files: Vec<String> = files.iter().map(|f| format!("`{f}`")).collect();
                lines.push(format!("  {region}: {}", files.join(", ")));
            }
            (
                lines.join("\n"),
                Some(lang.pick(
                    "varje region räknas en gång per år: flytta undan de filer som inte ska räknas (ett teams svar slås ihop till en fil)",
                    "each region counts once a year: move away the files that should not count (a team's answers are merged into one file)",
                ).to_string()),
            )
        }
    }
}

fn merge_message(problem: &MergeProblem, lang: Lang) -> (String, Option<String>) {
    let sv = lang == Lang::Sv;
    let (headline, hint) = match problem {
        MergeProblem::TooFew => (
            lang.pick(
                "`mognad merge` behöver minst två svarsfiler",
                "`mognad merge` needs at least two answers files",
            )
            .to_string(),
            lang.pick(
                "ge varje respondents egen svarsfil: `mognad merge cio.json cmio.json ciso.json -o team.json`",
                "give each respondent's own answers file: `mognad merge cio.json cmio.json ciso.json -o team.json`",
            )
            .to_string(),
        ),
        MergeProblem::AlreadyMerged { file } => (
            if sv {
                format!("`{file}` är redan ett teams sammanslagna svar")
            } else {
                format!("`{file}` is a team's merged answers already")
            },
            lang.pick(
                "slå ihop respondenternas egna filer, var och en en gång",
                "merge the respondents' own files, each once",
            )
            .to_string(),
        ),
        MergeProblem::Respondents { file, count: 0 } => (
            if sv {
                format!("`{file}` säger inte vem som svarade")
            } else {
                format!("`{file}` does not say who answered")
            },
            lang.pick(
                "varje person svarar i en egen fil med `mognad assess --respondent NAMN --role ROLL`, eller skriv personen i filens `respondents`",
                "each person answers into a file of their own with `mognad assess --respondent NAME --role ROLE`, or write the person in the file's `respondents`",
            )
            .to_string(),
        ),
        MergeProblem::Respondents { file, count } => (
            if sv {
                format!("`{file}` är besvarad av {count} personer tillsammans")
            } else {
                format!("`{file}` was answered by {count} people together")
            },
            lang.pick(
                "`mognad merge` tar en persons svar per fil, så att varje persons svar räknas en gång",
                "`mognad merge` takes one person's answers per file, so that each person's answers count once",
            )
            .to_string(),
        ),
        MergeProblem::OtherAnswers {
            file,
            found,
            first,
            expected,
        } => (
            if sv {
                format!("`{file}` gäller {found}, men `{first}` gäller {expected}")
            } else {
                format!("`{file}` is for {found}, but `{first}` is for {expected}")
            },
            lang.pick(
                "ett team slår ihop svar för samma region, år och enkätversion",
                "a team merges answers for the same region, year and questionnaire version",
            )
            .to_string(),
        ),
        MergeProblem::SameRespondent { file, first, name } => (
            if sv {
                format!("`{file}` och `{first}` är båda besvarade av {name}")
            } else {
                format!("`{file}` and `{first}` were both answered by {name}")
            },
            lang.pick(
                "varje person räknas en gång: ge bara den ena filen",
                "each person counts once: give only one of the files",
            )
            .to_string(),
        ),
    };
    (headline, Some(hint))
}

fn io_reason(error: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => lang.pick("filen finns inte", "no such file").into(),
        ErrorKind::PermissionDenied => lang.pick("åtkomst nekad", "permission denied").into(),
        ErrorKind::InvalidData => lang
            .pick("filen är inte UTF-8-text", "the file is not UTF-8 text")
            .into(),
        ErrorKind::IsADirectory => lang.pick("det är en mapp", "it is a folder").into(),
        ErrorKind::StorageFull => lang.pick("disken är full", "the disk is full").into(),
        // The temporary file's path that some errors carry is no concern of the user's.
        _ => {
            let text = error.to_string();
            match text.split_once(" at path ") {
                Some((reason, _)) => reason.to_string(),
                None => text,
            }
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_says_so_and_that_nothing_was_changed() {
        for kind in [
            std::io::ErrorKind::StorageFull,
            std::io::ErrorKind::QuotaExceeded,
        ] {
            let error = Error::Write {
                path: "svar.json".into(),
                source: std::io::Error::new(
                    kind,
                    "No space left on device at path /x/.mognad-VIjwnz",
                ),
            };
            let en = error.render(Lang::En);
            assert!(
                en.starts_with("error: cannot write `svar.json`: the disk is full; nothing was changed\nhint: free some space"),
                "{en}"
            );
            assert!(!en.contains(".mognad-"), "{en}");
            assert!(
                error
                    .render(Lang::Sv)
                    .contains("disken är full; ingenting har ändrats")
            );
        }
    }

    #[test]
    fn a_file_of_the_wrong_kind_is_named_with_the_right_article() {
        let wrong = |found, expected| Error::WrongKind {
            path: "x.json".into(),
            expected,
            found,
        };
        let en = |found, expected| wrong(found, expected).render(Lang::En);
        let sv = |found, expected| wrong(found, expected).render(Lang::Sv);
        assert!(
            en("questionnaire", "answers")
                .starts_with("error: `x.json` is a questionnaire, not an answers file"),
            "{}",
            en("questionnaire", "answers")
        );
        assert!(
            en("answers", "rubric").starts_with("error: `x.json` is an answers file, not a rubric")
        );
        assert!(
            en("targets", "national reference")
                .contains("is a targets file, not a national reference")
        );
        assert!(
            en("published figures", "questionnaire")
                .contains("is a published figures file, not a questionnaire")
        );
        assert!(
            sv("questionnaire", "answers")
                .starts_with("fel: `x.json` är en enkätfil, inte en svarsfil")
        );
        assert!(sv("answers", "targets").contains("är en svarsfil, inte en målfil"));
        assert!(
            sv("national reference", "rubric")
                .contains("är en nationell referens, inte en bedömningsmall")
        );
        for kind in crate::document::Kind::ALL {
            let text = en(kind.name(), "answers");
            assert!(!text.contains(" a a") && !text.contains(" a an"), "{text}");
            assert!(!text.contains("file file"), "{text}");
        }
    }
}
