//! `mognad national-report`: the yearly national report from every region's answers files,
//! read and checked as `benchmark` reads them, written as a PDF with its open data beside it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::cli::NationalReportArgs;
use crate::commands::benchmark::{Inputs, Read};
use crate::commands::{self, Io};
use crate::document::{Document, Kind};
use crate::error::{BenchmarkProblem, Error, Exit};
use crate::files;
use crate::lang::Lang;
use crate::national_report::{self, Year, data, pages};
use crate::published::Published;

pub struct NationalReportConfig {
    inputs: Inputs,
    output: Option<PathBuf>,
    year: Option<i32>,
    min_regions: u32,
    named: bool,
    published: Published,
    classification: Option<String>,
}

impl NationalReportConfig {
    pub fn resolve(args: NationalReportArgs) -> Result<Self, Error> {
        let published = match &args.published {
            None => Published::builtin(),
            Some(path) => match files::load(path)? {
                Document::Published(p) => p,
                other => {
                    return Err(commands::wrong_kind(
                        &files::display(path),
                        Kind::Published,
                        &other,
                    ));
                }
            },
        };
        Ok(NationalReportConfig {
            inputs: Inputs::resolve(&args.inputs, &args.questionnaire, &args.rubric, false)?,
            output: args.output,
            year: args.year,
            min_regions: args.min_regions,
            named: args.named,
            published,
            classification: args.classification,
        })
    }
}

/// The three files written: the PDF, and the CSV and JSON beside it with the same name.
pub struct Written {
    pub pdf: PathBuf,
    pub csv: PathBuf,
    pub json: PathBuf,
    pub pages: usize,
    pub bytes: usize,
}

/// The report's files for the year: `riket-ÅR.pdf` and its data, or beside the given PDF.
fn paths(output: Option<&Path>, year: i32) -> (PathBuf, PathBuf, PathBuf) {
    let pdf = output.map_or_else(
        || PathBuf::from(format!("riket-{year}.pdf")),
        Path::to_path_buf,
    );
    (
        pdf.clone(),
        pdf.with_extension("csv"),
        pdf.with_extension("json"),
    )
}

pub fn run(config: &NationalReportConfig, lang: Lang, io: &mut Io) -> Result<Exit, Error> {
    let (written, summary) = write(config, lang)?;
    let mut text = summary;
    let (pdf, csv, json) = (
        files::display(&written.pdf),
        files::display(&written.csv),
        files::display(&written.json),
    );
    let (pages, size) = (written.pages, written.bytes.div_ceil(1024));
    let _ = writeln!(
        text,
        "{}",
        lang.pick(
            &format!("Skrev den nationella rapporten till {pdf} ({pages} sidor, {size} kB) och dess öppna data till {csv} och {json}."),
            &format!("Wrote the national report to {pdf} ({pages} pages, {size} kB) and its open data to {csv} and {json}."),
        )
    );
    crate::print(io.out, &text)?;
    Ok(Exit::Ok)
}

/// Reads the files and writes the report and its data; returns what was written and the
/// summary of the files read for the report's year.
pub fn write(config: &NationalReportConfig, lang: Lang) -> Result<(Written, String), Error> {
    let read = Read::all(&config.inputs, lang);
    let Some(year) = config.year.or_else(|| read.latest_year()) else {
        return Err(Error::Benchmark(BenchmarkProblem::NoAnswers { year: None }));
    };
    let mut groups = Vec::new();
    let mut summary = None;
    for y in read.years().into_iter().filter(|y| *y <= year) {
        let (sections, s) = read.year(y, true)?;
        if y == year {
            summary = Some(s);
        }
        if !sections.is_empty() {
            groups.push((y, sections));
        }
    }
    let (Some(mut summary), Some((last, _))) = (summary, groups.last()) else {
        return Err(Error::Benchmark(BenchmarkProblem::NoAnswers {
            year: Some(year),
        }));
    };
    if *last != year {
        return Err(Error::Benchmark(BenchmarkProblem::NoAnswers {
            year: Some(year),
        }));
    }
    for (y, _) in &groups {
        summary.also_used(*y);
    }
    let years: Vec<Year> = groups
        .iter()
        .map(|(year, groups)| Year {
            year: *year,
            groups,
        })
        .collect();
    let figures = national_report::build(
        &years,
        &national_report::Options {
            min_regions: config.min_regions,
            named: config.named,
            published: &config.published,
        },
    );
    let report = pages::report(
        &figures,
        &pages::Options {
            lang,
            classification: config.classification.as_deref(),
        },
    );
    let rendered = crate::report::render(&report).map_err(|e| Error::Render(e.to_string()))?;
    let (pdf, csv, json) = paths(config.output.as_deref(), year);
    // The open data go with the PDF: replaced as it is, once it may be; never an input.
    let inputs = config.inputs.files().to_vec();
    let output = |kind| files::Output {
        kind,
        inputs: &inputs,
        force: false,
    };
    files::write_atomic(&pdf, &rendered.bytes, &output(files::OutputKind::Pdf))?;
    files::write_atomic(
        &csv,
        data::csv(&figures, lang).as_bytes(),
        &output(files::OutputKind::New),
    )?;
    files::write_atomic(
        &json,
        data::json(&figures).as_bytes(),
        &output(files::OutputKind::New),
    )?;
    Ok((
        Written {
            pdf,
            csv,
            json,
            pages: rendered.pages,
            bytes: rendered.bytes.len(),
        },
        summary.render(&read, None, lang),
    ))
}
