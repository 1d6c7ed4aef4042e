//! `mognad benchmark`: the national reference from every region's answers files. Files are
//! read and scored in parallel; every file read is accounted for in the summary, as used, of
//! another year, of another kind, or rejected with its reason.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::answers::Answers;
use crate::cli::BenchmarkArgs;
use crate::commands::{self, Io};
use crate::document::{self, Document, Kind};
use crate::error::{BenchmarkProblem, Error, Exit};
use crate::files;
use crate::lang::Lang;
use crate::national::{self, National, Row};
use crate::problem::Severity;
use crate::questionnaire::Questionnaire;
use crate::scoring::{self, Rubric};
use crate::validate;

pub struct BenchmarkConfig {
    inputs: Inputs,
    output: Option<PathBuf>,
    force: bool,
    /// The questionnaire and rubric files given, never to be written over, as the answers.
    given: Vec<PathBuf>,
    min_regions: u32,
    year: Option<i32>,
}

/// The regions' answers files to read, and the questionnaires and rubrics to read them with:
/// what `benchmark` and `national-report` share.
pub struct Inputs {
    /// The files to read, in the order given, folders expanded in name order.
    files: Vec<PathBuf>,
    /// Files in the folders that are not `.json`, and so not read.
    skipped: Vec<PathBuf>,
    /// Questionnaires given as files, before the built-in ones.
    questionnaires: Vec<Questionnaire>,
    /// Rubrics given as files, before the built-in ones.
    rubrics: Vec<Rubric>,
    /// Every rejected file in the summary, not the first [`crate::problem::SHOWN`].
    all: bool,
}

impl BenchmarkConfig {
    pub fn resolve(args: BenchmarkArgs) -> Result<Self, Error> {
        Ok(BenchmarkConfig {
            inputs: Inputs::resolve(&args.inputs, &args.questionnaire, &args.rubric, args.all)?,
            output: args.output,
            force: args.force,
            given: args
                .questionnaire
                .iter()
                .chain(&args.rubric)
                .cloned()
                .collect(),
            min_regions: args.min_regions,
            year: args.year,
        })
    }
}

impl Inputs {
    /// The answers files to read.
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// Expands folders and reads the given questionnaires and rubrics, checking each.
    pub fn resolve(
        inputs: &[PathBuf],
        questionnaire: &[PathBuf],
        rubric: &[PathBuf],
        all: bool,
    ) -> Result<Self, Error> {
        let mut files = Vec::new();
        let mut skipped = Vec::new();
        for input in inputs {
            if input.is_dir() {
                for entry in walkdir::WalkDir::new(input).sort_by_file_name() {
                    let entry = entry.map_err(|e| Error::Read {
                        path: e.path().unwrap_or(input).to_path_buf(),
                        source: e.into(),
                    })?;
                    if !entry.file_type().is_file() || is_hidden(entry.path()) {
                        continue;
                    }
                    if entry.path().extension().is_some_and(|e| e == "json") {
                        files.push(entry.into_path());
                    } else {
                        skipped.push(entry.into_path());
                    }
                }
            } else if input.exists() || input == Path::new("-") {
                files.push(input.clone());
            } else {
                return Err(Error::Read {
                    path: input.clone(),
                    source: std::io::ErrorKind::NotFound.into(),
                });
            }
        }
        let questionnaires = questionnaire
            .iter()
            .map(|path| match files::load(path)? {
                Document::Questionnaire(q) => {
                    let shown = files::display(path);
                    commands::usable(&shown, validate::questionnaire(&q))?;
                    Ok(q)
                }
                other => Err(commands::wrong_kind(
                    &files::display(path),
                    Kind::Questionnaire,
                    &other,
                )),
            })
            .collect::<Result<Vec<Questionnaire>, Error>>()?;
        let rubrics = rubric
            .iter()
            .map(|path| {
                let shown = files::display(path);
                let rubric = commands::rubric(&path.to_string_lossy())?;
                let scored = questionnaires
                    .iter()
                    .find(|q| q.id == rubric.questionnaire.id)
                    .cloned()
                    .or_else(|| commands::questionnaire(&rubric.questionnaire.id).ok());
                commands::usable(&shown, validate::rubric(&rubric, scored.as_ref()))?;
                Ok(rubric)
            })
            .collect::<Result<_, Error>>()?;
        Ok(Inputs {
            files,
            skipped,
            questionnaires,
            rubrics,
            all,
        })
    }
}

/// Dot files, such as the temporary files of an interrupted write.
fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// What became of one file.
enum Outcome {
    Answers(Box<Entry>),
    OtherKind(Kind),
    Rejected(String),
}

/// An answers file, checked and scored against its questionnaire, kept as a row.
struct Entry {
    year: i32,
    questionnaire: String,
    version: String,
    region: String,
    /// The solution assessed, for readiness answers.
    solution: Option<String>,
    /// The row, or why the file cannot be used.
    row: Result<Row, String>,
}

/// A questionnaire the files may answer, with its rubric when there is one.
struct Known {
    questionnaire: Questionnaire,
    rubric: Option<Rubric>,
    /// Given with `--questionnaire`, so it stands before every built-in edition of its id.
    given: bool,
}

/// The questionnaire answers to `id` in `version` are read with: a given one of that id (of
/// that version if several are given), else the built-in edition of that version, else the
/// newest built-in edition.
fn known_for<'a>(known: &'a [Known], id: &str, version: &str) -> Option<&'a Known> {
    let of_id = || known.iter().filter(|k| k.questionnaire.id == id);
    let given = || of_id().filter(|k| k.given);
    given()
        .find(|k| k.questionnaire.version == version)
        .or_else(|| given().next())
        .or_else(|| of_id().find(|k| k.questionnaire.version == version))
        .or_else(|| of_id().last())
}

pub fn run(config: &BenchmarkConfig, lang: Lang, io: &mut Io) -> Result<Exit, Error> {
    let read = Read::all(&config.inputs, lang);
    let Some(year) = config.year.or_else(|| read.latest_year()) else {
        return Err(Error::Benchmark(BenchmarkProblem::NoAnswers { year: None }));
    };
    let (sections, summary) = read.year(year, false)?;
    if sections.is_empty() {
        let _ = writeln!(io.err, "{}", summary.render(&read, None, lang));
        return Err(Error::Benchmark(BenchmarkProblem::NoAnswers {
            year: Some(year),
        }));
    }
    let example = sections.iter().flat_map(|g| &g.rows).any(|r| r.example);
    let reference = national::build(year, config.min_regions, example, &sections);
    let output = config
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("national-{year}.json")));
    let inputs: Vec<PathBuf> = config
        .inputs
        .files
        .iter()
        .chain(&config.given)
        .cloned()
        .collect();
    let written = files::write_atomic(
        &output,
        national_json(&reference).as_bytes(),
        &files::Output {
            kind: files::OutputKind::National,
            inputs: &inputs,
            force: config.force,
        },
    )?;
    let _ = crate::print(io.err, &written.notice(lang));
    let mut text = summary.render(&read, Some(&reference), lang);
    let written = files::display(&output);
    let _ = writeln!(
        text,
        "{}",
        lang.pick(
            &format!("Skrev den nationella referensen till {written}."),
            &format!("Wrote the national reference to {written}."),
        )
    );
    crate::print_text(io.out, &text)?;
    Ok(Exit::Ok)
}

/// Every file read, checked and scored, and what became of it: the part of `benchmark` that
/// `national-report` shares.
pub struct Read<'a> {
    inputs: &'a Inputs,
    known: Vec<Known>,
    outcomes: Vec<Outcome>,
    shown: Vec<String>,
}

impl<'a> Read<'a> {
    /// Reads, checks and scores every file, in parallel.
    pub fn all(inputs: &'a Inputs, lang: Lang) -> Read<'a> {
        // Given questionnaires first, so that they stand before a built-in one with the same
        // id. A given rubric for the questionnaire, else the built-in one of its edition.
        let rubric = |q: &Questionnaire| {
            inputs
                .rubrics
                .iter()
                .find(|r| r.questionnaire.id == q.id)
                .cloned()
                .or_else(|| match crate::builtin::edition(&q.id, &q.version) {
                    Some(Ok(edition)) => edition.rubric().ok(),
                    _ => crate::builtin::rubric(&q.id)
                        .and_then(Result::ok)
                        .or_else(|| commands::instruments::rubric(q).map(|(_, r)| r)),
                })
        };
        let mut known: Vec<Known> = inputs
            .questionnaires
            .iter()
            .map(|q| Known {
                rubric: rubric(q),
                questionnaire: q.clone(),
                given: true,
            })
            .collect();
        // Every built-in edition, oldest first: each year's answers are read with the edition
        // they answered; then the instrument folders'.
        for edition in crate::builtin::EDITIONS {
            if let Ok(q) = edition.questionnaire() {
                known.push(Known {
                    rubric: rubric(&q),
                    questionnaire: q,
                    given: false,
                });
            }
        }
        for q in commands::instruments::questionnaires() {
            known.push(Known {
                rubric: rubric(&q),
                questionnaire: q,
                given: false,
            });
        }
        let bar = progress(inputs.files.len() as u64, lang);
        let outcomes: Vec<Outcome> = inputs
            .files
            .par_iter()
            .map(|path| {
                let outcome = read(path, &known, lang);
                bar.inc(1);
                outcome
            })
            .collect();
        bar.finish_and_clear();
        let shown = inputs.files.iter().map(|p| files::display(p)).collect();
        Read {
            inputs,
            known,
            outcomes,
            shown,
        }
    }

    /// The latest year any answers file is for.
    pub fn latest_year(&self) -> Option<i32> {
        self.years().last().copied()
    }

    /// Every year answers files are for, oldest first.
    pub fn years(&self) -> Vec<i32> {
        let years: std::collections::BTreeSet<i32> = self
            .outcomes
            .iter()
            .filter_map(|o| match o {
                Outcome::Answers(a) => Some(a.year),
                _ => None,
            })
            .collect();
        years.into_iter().collect()
    }

    /// One year's rows, one group per questionnaire in the order first met, and the summary
    /// of every file read. Two files for one region, or answers to another version, stop it;
    /// with `per_solution`, a region may have one readiness file per solution.
    pub fn year(
        &self,
        year: i32,
        per_solution: bool,
    ) -> Result<(Vec<national::Group<'_>>, Summary), Error> {
        let mut summary = Summary::default();
        let mut groups: Vec<(&str, Vec<(usize, &Entry)>)> = Vec::new();
        for (i, outcome) in self.outcomes.iter().enumerate() {
            match outcome {
                Outcome::Answers(entry) if entry.year == year => {
                    match groups.iter_mut().find(|(g, _)| *g == entry.questionnaire) {
                        Some((_, files)) => files.push((i, entry)),
                        None => groups.push((&entry.questionnaire, vec![(i, entry)])),
                    }
                }
                Outcome::Answers(entry) => {
                    *summary.other_years.entry(entry.year).or_default() += 1;
                }
                Outcome::OtherKind(kind) => summary.other_kinds.push((i, *kind)),
                Outcome::Rejected(reason) => summary.rejected.push((i, reason.clone())),
            }
        }
        if groups.is_empty() {
            return Err(Error::Benchmark(BenchmarkProblem::NoAnswers {
                year: Some(year),
            }));
        }
        let mut sections: Vec<national::Group> = Vec::new();
        for (id, files) in groups {
            // The year's answers are one edition; the first file names it.
            let version = files.first().map_or("", |(_, e)| e.version.as_str());
            let Some(known) = known_for(&self.known, id, version) else {
                for (i, entry) in files {
                    if let Err(reason) = &entry.row {
                        summary.rejected.push((i, reason.clone()));
                    }
                }
                continue;
            };
            check_versions(&known.questionnaire, &files, &self.shown)?;
            check_duplicates(id, year, &files, &self.shown, per_solution)?;
            let mut rows = Vec::new();
            for (i, entry) in files {
                match &entry.row {
                    Ok(row) => rows.push(row.clone()),
                    Err(reason) => summary.rejected.push((i, reason.clone())),
                }
            }
            if !rows.is_empty() {
                sections.push(national::Group {
                    questionnaire: &known.questionnaire,
                    rubric: known.rubric.as_ref(),
                    rows,
                });
            }
        }
        summary.rejected.sort_by_key(|(i, _)| *i);
        summary.other_kinds.sort_by_key(|(i, _)| *i);
        summary.used = sections.iter().map(|g| g.rows.len()).sum();
        Ok((sections, summary))
    }
}

/// The reference's file text: pretty JSON with a final newline.
pub fn national_json(reference: &National) -> String {
    let mut json = serde_json::to_string_pretty(reference).expect("a reference serializes");
    json.push('\n');
    json
}

fn progress(total: u64, lang: Lang) -> ProgressBar {
    // Drawn on standard error only when it is a terminal; hidden in pipes and files.
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    let template = format!(
        "{{bar:40}} {{pos}}/{{len}} {}",
        lang.pick("filer lästa", "files read")
    );
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style.progress_chars("█▌ "));
    }
    bar
}

/// Reads, parses, checks and scores one file. Everything a file needs is done here, on the
/// worker that read it, so that only its row is kept.
fn read(path: &Path, known: &[Known], lang: Lang) -> Outcome {
    let text = match files::read_text(path) {
        Ok(text) => text,
        Err(error) => return Outcome::Rejected(error.render(lang)),
    };
    let answers = match document::parse(&text) {
        Ok(Document::Answers(answers)) => answers,
        Ok(other) => return Outcome::OtherKind(other.kind()),
        Err(problem) => return Outcome::Rejected(problem.render(&files::display(path), lang)),
    };
    let shown = files::display(path);
    let row = match known_for(
        known,
        &answers.questionnaire.id,
        &answers.questionnaire.version,
    ) {
        Some(known) => check(known, &answers, &shown, lang),
        None => Err(unknown_questionnaire(
            &answers.questionnaire.id,
            &shown,
            lang,
        )),
    };
    Outcome::Answers(Box::new(Entry {
        year: answers.year,
        region: answers.region.trim().to_string(),
        solution: answers.solution.as_ref().map(|s| s.name.clone()),
        questionnaire: answers.questionnaire.id,
        version: answers.questionnaire.version,
        row,
    }))
}

/// Checks and scores one file; a file with errors is rejected with the first of them.
fn check(known: &Known, answers: &Answers, shown: &str, lang: Lang) -> Result<Row, String> {
    let questionnaire = &known.questionnaire;
    let problems = validate::answers(answers, questionnaire);
    let errors: Vec<_> = problems
        .iter()
        .filter(|p| p.severity() == Severity::Error)
        .collect();
    if let Some(first) = errors.first() {
        let mut reason = first.render(shown, lang);
        if errors.len() > 1 {
            let _ = write!(
                reason,
                "\n{}",
                if lang == Lang::Sv {
                    format!(
                        "  och {} fel till; `mognad validate {shown}` visar alla",
                        errors.len() - 1
                    )
                } else {
                    format!(
                        "  and {} more errors; `mognad validate {shown}` shows all",
                        errors.len() - 1
                    )
                }
            );
        }
        return Err(reason);
    }
    let Some(rubric) = &known.rubric else {
        return Err(Error::NoRubric {
            questionnaire: questionnaire.id.clone(),
        }
        .render(lang));
    };
    let card = scoring::score(questionnaire, rubric, answers);
    Ok(Row::new(questionnaire, answers, &card))
}

/// Why a file whose questionnaire is not known is rejected: the file, the questionnaire, and
/// how to give it (with its rubric, or in an instrument folder).
fn unknown_questionnaire(id: &str, shown: &str, lang: Lang) -> String {
    if lang == Lang::Sv {
        format!(
            "fel: {shown}: enkäten `{id}` är varken inbyggd eller angiven\ntips: ge enkäten och dess bedömningsmall med `--questionnaire FIL --rubric FIL`, eller lägg dem i en mapp som `--instruments MAPP` anger"
        )
    } else {
        format!(
            "error: {shown}: questionnaire `{id}` is neither built in nor given\nhint: give the questionnaire and its rubric with `--questionnaire FILE --rubric FILE`, or put them in a folder named by `--instruments DIR`"
        )
    }
}

/// Every file must have answered the version of the questionnaire the reference is built for.
fn check_versions(
    q: &Questionnaire,
    files: &[(usize, &Entry)],
    shown: &[String],
) -> Result<(), Error> {
    let mut others: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (i, entry) in files {
        if entry.version != q.version {
            others.entry(&entry.version).or_insert((0, *i)).0 += 1;
        }
    }
    if others.is_empty() {
        return Ok(());
    }
    Err(Error::Benchmark(BenchmarkProblem::MixedVersions {
        questionnaire: q.id.clone(),
        version: q.version.clone(),
        others: others
            .into_iter()
            .map(|(version, (count, first))| (version.to_string(), count, shown[first].clone()))
            .collect(),
    }))
}

/// One file per region (and solution, with `per_solution`): two for the same region are an
/// error that names both.
fn check_duplicates(
    id: &str,
    year: i32,
    files: &[(usize, &Entry)],
    shown: &[String],
    per_solution: bool,
) -> Result<(), Error> {
    let mut by_region: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    for (i, entry) in files {
        let mut key = entry.region.to_lowercase();
        if per_solution && let Some(solution) = &entry.solution {
            key = format!("{key}\n{}", solution.trim().to_lowercase());
        }
        by_region
            .entry(key)
            .or_insert_with(|| (entry.region.clone(), Vec::new()))
            .1
            .push(shown[*i].clone());
    }
    let regions: Vec<(String, Vec<String>)> = by_region
        .into_values()
        .filter(|(_, files)| files.len() > 1)
        .collect();
    if regions.is_empty() {
        return Ok(());
    }
    Err(Error::Benchmark(BenchmarkProblem::Duplicates {
        questionnaire: id.to_string(),
        year,
        regions,
    }))
}

/// Every file read, and what became of it.
#[derive(Default)]
pub struct Summary {
    /// The files used.
    used: usize,
    /// Files of other years that were used too, by year.
    used_earlier: BTreeMap<i32, usize>,
    other_years: BTreeMap<i32, usize>,
    other_kinds: Vec<(usize, Kind)>,
    rejected: Vec<(usize, String)>,
}

impl Summary {
    /// Counts the files of another year as used, not left out.
    pub fn also_used(&mut self, year: i32) {
        if let Some(count) = self.other_years.remove(&year) {
            self.used += count;
            self.used_earlier.insert(year, count);
        }
    }

    pub fn render(&self, read: &Read, reference: Option<&National>, lang: Lang) -> String {
        let (config, shown, known) = (read.inputs, &read.shown, &read.known);
        let sv = lang == Lang::Sv;
        let mut out = String::new();
        let read = config.files.len();
        let used: usize = reference.map_or(self.used, |r| {
            r.questionnaires.iter().map(|s| s.regions.len()).sum()
        });
        let _ = writeln!(out, "{} {read}", lang.pick("Lästa filer:", "Files read:"));
        if self.used_earlier.is_empty() {
            let _ = writeln!(out, "  {} {used}", lang.pick("använda:", "used:"));
        } else {
            let years: Vec<String> = self
                .used_earlier
                .iter()
                .map(|(year, count)| format!("{year}: {count}"))
                .collect();
            let _ = writeln!(
                out,
                "  {} {used} ({})",
                lang.pick("använda:", "used:"),
                years.join(", ")
            );
        }
        if let Some(reference) = reference {
            for section in &reference.questionnaires {
                let (published, withheld) = figures(section);
                let _ = writeln!(
                    out,
                    "    {} {} {}: {}, {} {}, {} {}",
                    section.id,
                    section.version,
                    reference.year,
                    lang.regions(section.regions.len()),
                    published,
                    lang.pick("siffror publicerade", "figures published"),
                    withheld,
                    if sv {
                        format!("undanhållna (färre än {} regioner)", reference.min_regions)
                    } else {
                        format!("withheld (fewer than {} regions)", reference.min_regions)
                    }
                );
                let questionnaire = known.iter().find(|k| {
                    k.questionnaire.id == section.id && k.questionnaire.version == section.version
                });
                if let Some(known) = questionnaire {
                    for line in
                        group_lines(section, &known.questionnaire, reference.min_regions, lang)
                    {
                        let _ = writeln!(out, "      {line}");
                    }
                }
            }
        }
        if !self.other_years.is_empty() {
            let years: Vec<String> = self
                .other_years
                .iter()
                .map(|(year, count)| format!("{year}: {count}"))
                .collect();
            let count: usize = self.other_years.values().sum();
            let _ = writeln!(
                out,
                "  {} {count} ({})",
                lang.pick("andra år, inte använda:", "other years, not used:"),
                years.join(", ")
            );
        }
        if !self.other_kinds.is_empty() {
            let _ = writeln!(
                out,
                "  {} {}",
                lang.pick("inte svarsfiler:", "not answers files:"),
                self.other_kinds.len()
            );
            for (i, kind) in &self.other_kinds {
                let _ = writeln!(out, "    {} ({})", shown[*i], kind_name(*kind, lang));
            }
        }
        if !self.rejected.is_empty() {
            let _ = writeln!(
                out,
                "  {} {}",
                lang.pick("avvisade:", "rejected:"),
                self.rejected.len()
            );
            let listed = if config.all {
                self.rejected.len()
            } else {
                crate::problem::SHOWN
            };
            for (_, reason) in self.rejected.iter().take(listed) {
                for line in reason.lines() {
                    let _ = writeln!(out, "    {line}");
                }
            }
            if self.rejected.len() > listed {
                let more = crate::problem::thousands(self.rejected.len() - listed);
                let _ = writeln!(
                    out,
                    "    {}",
                    if sv {
                        format!("och {more} avvisade filer till; `--all` visar alla")
                    } else {
                        format!("and {more} more rejected files; `--all` shows them all")
                    }
                );
            }
        }
        if !config.skipped.is_empty() {
            let _ = writeln!(
                out,
                "{} {}",
                lang.pick(
                    "Andra filer i mapparna, inte lästa (inte .json):",
                    "Other files in the folders, not read (not .json):"
                ),
                config.skipped.len()
            );
        }
        out
    }
}

/// Each group of areas' figures in a line: the median and middle half, or that it is
/// withheld.
fn group_lines(
    section: &national::Section,
    questionnaire: &Questionnaire,
    min_regions: u32,
    lang: Lang,
) -> Vec<String> {
    questionnaire
        .groups
        .iter()
        .filter_map(|group| {
            let stat = section.group(&group.id)?;
            let title = group.title.get(lang);
            let regions = lang.regions(stat.n as usize);
            Some(match stat.band() {
                Some((q1, median, q3)) => {
                    let (q1, median, q3) =
                        (lang.decimal(q1), lang.decimal(median), lang.decimal(q3));
                    lang.pick(
                        &format!(
                            "grupp {title}: median {median}, mittenhalvan {q1}–{q3}, {regions}"
                        ),
                        &format!(
                            "group {title}: median {median}, middle half {q1}–{q3}, {regions}"
                        ),
                    )
                    .to_string()
                }
                None => lang
                    .pick(
                        &format!("grupp {title}: undanhållen, {regions} (färre än {min_regions})"),
                        &format!("group {title}: withheld, {regions} (fewer than {min_regions})"),
                    )
                    .to_string(),
            })
        })
        .collect()
}

/// How many figures of a section are published and how many withheld.
fn figures(section: &national::Section) -> (usize, usize) {
    let stats = std::iter::once(&section.overall)
        .chain(section.areas.iter().map(|f| &f.stat))
        .chain(section.groups.iter().map(|f| &f.stat))
        .chain(section.questions.iter().map(|f| &f.stat))
        .map(|s| s.withheld)
        .chain(section.indicators.iter().map(|c| c.withheld));
    stats.fold((0, 0), |(published, withheld), w| {
        if w {
            (published, withheld + 1)
        } else {
            (published + 1, withheld)
        }
    })
}

fn kind_name(kind: Kind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (Kind::Questionnaire, Lang::Sv) => "enkät",
        (Kind::Rubric, Lang::Sv) => "bedömningsmall",
        (Kind::Published, Lang::Sv) => "publicerade siffror",
        (Kind::National, Lang::Sv) => "nationell referens",
        (Kind::Answers, Lang::Sv) => "svarsfil",
        (Kind::Targets, Lang::Sv) => "målfil",
        (kind, Lang::En) => kind.name(),
    }
}
