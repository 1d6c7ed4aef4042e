//! `mognad demo`: with no files at all, the example region's answers, the fictional nation's
//! answers, the national reference built from them and the full profile, in a new folder. It
//! runs the same commands a user would, in the same order.

use std::path::{Path, PathBuf};

use crate::cli::{BenchmarkArgs, DemoArgs, NationalReportArgs, ReportArgs};
use crate::commands::{self, Io};
use crate::demo;
use crate::error::{Error, Exit};
use crate::files;
use crate::lang::Lang;
use crate::published::Published;

/// The folder made when none is given: `mognad-demo`, or `mognad-demo-2` and on when it exists.
fn free_folder() -> PathBuf {
    let first = PathBuf::from("mognad-demo");
    if !first.exists() {
        return first;
    }
    let mut n = 2;
    loop {
        let candidate = PathBuf::from(format!("mognad-demo-{n}"));
        if !candidate.exists() {
            return candidate;
        }
        n += 1;
    }
}

pub fn run(
    args: DemoArgs,
    lang: Lang,
    today: jiff::civil::Date,
    io: &mut Io,
) -> Result<Exit, Error> {
    let dir = args.output.unwrap_or_else(free_folder);
    if dir.is_dir() && std::fs::read_dir(&dir).is_ok_and(|mut d| d.next().is_some()) {
        return Err(Error::NotEmpty { path: dir });
    }
    let nation_dir = dir.join("nation");
    std::fs::create_dir_all(&nation_dir).map_err(|source| Error::Write {
        path: nation_dir.clone(),
        source,
    })?;
    let mut region_files = Vec::new();
    for (name, text) in demo::EXEMPELLAND {
        let path = dir.join(name);
        files::write_atomic(&path, text.as_bytes())?;
        region_files.push(path);
    }
    let questionnaire = commands::questionnaire("tiopunkt")?;
    let nation = demo::nation(&questionnaire, &Published::builtin());
    for answers in &nation {
        let name = commands::assess::default_path(
            &answers.questionnaire.id,
            &answers.region,
            answers.solution.as_ref().map(|s| s.name.as_str()),
            answers.year,
        );
        files::write_atomic(&nation_dir.join(name), answers.to_json().as_bytes())?;
    }

    // The national reference, as a coordinator builds it: the nation and Exempelland's
    // ten-point answers; the latest year is the reference's.
    let national = dir.join("national-2025.json");
    let mut quiet = Vec::new();
    let mut sink = Vec::new();
    let config = commands::benchmark::BenchmarkConfig::resolve(BenchmarkArgs {
        inputs: vec![
            nation_dir.clone(),
            region_files[0].clone(),
            region_files[1].clone(),
        ],
        output: Some(national.clone()),
        min_regions: crate::national::MIN_REGIONS,
        year: None,
        questionnaire: Vec::new(),
        rubric: Vec::new(),
    })?;
    commands::benchmark::run(
        &config,
        lang,
        &mut Io {
            out: &mut quiet,
            err: &mut sink,
        },
    )?;

    let profile = dir.join(match lang {
        Lang::Sv => "profil-region-exempelland-2025.pdf",
        Lang::En => "profile-region-exempelland-2025.pdf",
    });
    let config = commands::report::ReportConfig::resolve(
        ReportArgs {
            answers: vec![region_files[1].clone(), region_files[2].clone()],
            previous: vec![region_files[0].clone()],
            national: Some(national.clone()),
            targets: Vec::new(),
            output: Some(profile.clone()),
            classification: None,
        },
        lang,
    )?;
    // The report's own line ("Wrote …") is said below, with the rest.
    commands::report::run(
        &config,
        lang,
        today,
        &mut Io {
            out: &mut quiet,
            err: &mut sink,
        },
    )?;

    // The nation's own report, as the body that collects the files publishes it.
    let riket = dir.join("riket-2025.pdf");
    let config = commands::national_report::NationalReportConfig::resolve(NationalReportArgs {
        inputs: vec![
            nation_dir.clone(),
            region_files[0].clone(),
            region_files[1].clone(),
            region_files[2].clone(),
        ],
        output: Some(riket.clone()),
        year: None,
        min_regions: crate::national::MIN_REGIONS,
        named: false,
        published: None,
        classification: None,
        questionnaire: Vec::new(),
        rubric: Vec::new(),
    })?;
    commands::national_report::write(&config, lang)?;

    let shown = |p: &Path| files::display(p);
    let (dir, nation_dir, national, profile, riket) = (
        shown(&dir),
        shown(&nation_dir),
        shown(&national),
        shown(&profile),
        shown(&riket),
    );
    let [a, b, c] = [0, 1, 2].map(|i| shown(&region_files[i]));
    let (count, regions) = (nation.len(), demo::REGIONS.len());
    let text = if lang == Lang::Sv {
        format!(
            "Exempeldata och profil i {dir}:\n  {a}, {b}, {c}: Region Exempelland (fiktiv), svar 2024 och 2025\n  {nation_dir}: {count} svarsfiler från {regions} fiktiva regioner, 2024 och 2025\n  {national}: nationell referens 2025, byggd av 21 regioners svar\n  {profile}: profilen för ledningen\n  {riket}: den nationella rapporten, med öppna data i .csv och .json bredvid\n\nSå görs samma sak med egna filer:\n"
        )
    } else {
        format!(
            "Example data and profile in {dir}:\n  {a}, {b}, {c}: Region Exempelland (fiktiv), answers for 2024 and 2025\n  {nation_dir}: {count} answers files from {regions} fictional regions, 2024 and 2025\n  {national}: national reference for 2025, built from 21 regions' answers\n  {profile}: the profile for leadership\n  {riket}: the national report, with open data in .csv and .json beside it\n\nThe same with your own files:\n"
        )
    } + &format!(
        "  mognad benchmark {nation_dir} {a} {b} -o {national}\n  mognad report {b} {c} --previous {a} --national {national} -o {profile}\n  mognad national-report {nation_dir} {a} {b} {c} -o {riket}\n"
    );
    crate::print(io.out, &text)?;
    Ok(Exit::Ok)
}
