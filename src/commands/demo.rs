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

/// The demo writes into a folder that is new or empty.
const NEW: files::Output = files::Output {
    kind: files::OutputKind::New,
    inputs: &[],
    force: false,
};

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
        files::write_atomic(&path, text.as_bytes(), &NEW)?;
        region_files.push(path);
    }
    // The nation answers 2025.1 in 2024 and 2025, and 2026.1 in 2026.
    let first = commands::questionnaire("tiopunkt@2025.1")?;
    let second = commands::questionnaire("tiopunkt@2026.1")?;
    let nation = demo::nation(&first, &second, &Published::builtin());
    for answers in &nation {
        let name = commands::assess::default_path(
            &answers.questionnaire.id,
            &answers.region,
            answers.solution.as_ref().map(|s| s.name.as_str()),
            answers.year,
        );
        files::write_atomic(&nation_dir.join(name), answers.to_json().as_bytes(), &NEW)?;
    }

    // The national reference, as a coordinator builds it: the nation and Exempelland's
    // ten-point answers; the latest year is the reference's.
    let national = dir.join("national-2026.json");
    let mut quiet = Vec::new();
    let mut sink = Vec::new();
    let config = commands::benchmark::BenchmarkConfig::resolve(BenchmarkArgs {
        inputs: vec![
            nation_dir.clone(),
            region_files[0].clone(),
            region_files[1].clone(),
            region_files[2].clone(),
        ],
        output: Some(national.clone()),
        force: false,
        all: false,
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
        Lang::Sv => "profil-region-exempelland-2026.pdf",
        Lang::En => "profile-region-exempelland-2026.pdf",
    });
    let config = commands::report::ReportConfig::resolve(
        ReportArgs {
            // 2026 beside 2025 and 2024, across the change of edition, with the readiness of
            // the solution assessed both years.
            answers: vec![region_files[2].clone(), region_files[4].clone()],
            previous: vec![
                region_files[0].clone(),
                region_files[1].clone(),
                region_files[3].clone(),
            ],
            national: Some(national.clone()),
            targets: Vec::new(),
            questionnaire: Vec::new(),
            rubric: Vec::new(),
            output: Some(profile.clone()),
            force: false,
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
    let riket = dir.join("riket-2026.pdf");
    let config = commands::national_report::NationalReportConfig::resolve(NationalReportArgs {
        inputs: std::iter::once(nation_dir.clone())
            .chain(region_files.iter().cloned())
            .collect(),
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
    let [t24, t25, t26, b25, b26] = [0, 1, 2, 3, 4].map(|i| shown(&region_files[i]));
    let (count, regions) = (nation.len(), demo::REGIONS.len());
    let text = if lang == Lang::Sv {
        format!(
            "Exempeldata och profil i {dir}:\n  {t24}, {t25}, {t26}: Region Exempelland (fiktiv), svar 2024, 2025 och 2026 (2026 på enkätens nya utgåva 2026.1)\n  {b25}, {b26}: Region Exempelland (fiktiv), beredskap 2025 och 2026\n  {nation_dir}: {count} svarsfiler från {regions} fiktiva regioner, 2024–2026\n  {national}: nationell referens 2026, byggd av 21 regioners svar\n  {profile}: profilen för ledningen, 2026 jämfört med tidigare år\n  {riket}: den nationella rapporten 2026, med öppna data i .csv och .json bredvid\n\nSå görs samma sak med egna filer:\n"
        )
    } else {
        format!(
            "Example data and profile in {dir}:\n  {t24}, {t25}, {t26}: Region Exempelland (fiktiv), answers for 2024, 2025 and 2026 (2026 on the questionnaire's new edition 2026.1)\n  {b25}, {b26}: Region Exempelland (fiktiv), readiness 2025 and 2026\n  {nation_dir}: {count} answers files from {regions} fictional regions, 2024–2026\n  {national}: national reference for 2026, built from 21 regions' answers\n  {profile}: the profile for leadership, 2026 compared with earlier years\n  {riket}: the national report for 2026, with open data in .csv and .json beside it\n\nThe same with your own files:\n"
        )
    } + &format!(
        "  mognad benchmark {nation_dir} {t24} {t25} {t26} -o {national}\n  mognad report {t26} {b26} --previous {t24} --previous {t25} --previous {b25} --national {national} -o {profile}\n  mognad national-report {nation_dir} {t24} {t25} {t26} {b25} {b26} -o {riket}\n"
    );
    crate::print_text(io.out, &text)?;
    Ok(Exit::Ok)
}
