//! How long the full example profile takes: from parsed inputs to PDF bytes (the model and
//! the rendering), and the whole `mognad report` command as a user runs it (reading the
//! files, checking, scoring, rendering and writing the PDF). Both questionnaires, two earlier
//! years (2024 and a 2023 made from it) and the example national reference. Run with
//! `cargo bench --bench report`.

use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};
use mognad::answers::Answers;
use mognad::builtin;
use mognad::document::{Document, parse};
use mognad::lang::Lang;
use mognad::published::Published;
use mognad::report::{self, model};

fn example(name: &str) -> Answers {
    let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    match parse(&std::fs::read_to_string(path).unwrap()).unwrap() {
        Document::Answers(a) => a,
        _ => unreachable!(),
    }
}

fn bench(c: &mut Criterion) {
    let tq = builtin::questionnaire_at("tiopunkt", "2025.1")
        .unwrap()
        .unwrap();
    let tr = builtin::rubric_at("tiopunkt", "2025.1").unwrap().unwrap();
    let bq = builtin::questionnaire_at("beredskap", "2025.1")
        .unwrap()
        .unwrap();
    let br = builtin::rubric_at("beredskap", "2025.1").unwrap().unwrap();
    let t25 = example("exempelland-tiopunkt-2025.json");
    let t24 = example("exempelland-tiopunkt-2024.json");
    let t23 = Answers {
        year: 2023,
        ..t24.clone()
    };
    let text = std::fs::read_to_string(format!(
        "{}/examples/national-2025.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let Document::National(national) = parse(&text).unwrap() else {
        unreachable!()
    };
    let b25 = example("exempelland-beredskap-2025.json");
    let published = Published::builtin();
    let inputs = || model::Inputs {
        lang: Lang::Sv,
        classification: "Intern".into(),
        today: jiff::civil::date(2025, 11, 1),
        parts: vec![
            model::Part {
                questionnaire: &tq,
                rubric: &tr,
                answers: &t25,
                previous: vec![&t24, &t23],
            },
            model::Part {
                questionnaire: &bq,
                rubric: &br,
                answers: &b25,
                previous: vec![],
            },
        ],
        published: &published,
        national: Some(&national),
    };
    let rendered = report::render(&model::build(&inputs())).unwrap();
    eprintln!(
        "profile: {} pages, {} bytes",
        rendered.pages,
        rendered.bytes.len()
    );

    let mut group = c.benchmark_group("report");
    group.sample_size(30);
    group.bench_function("model", |b| b.iter(|| model::build(&inputs())));
    group.bench_function("model+render", |b| {
        b.iter(|| report::render(&model::build(&inputs())).unwrap());
    });

    let binary = env!("CARGO_BIN_EXE_mognad");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("profil.pdf");
    let earlier = dir.path().join("exempelland-tiopunkt-2023.json");
    std::fs::write(&earlier, t23.to_json()).unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    group.bench_function("command", |b| {
        b.iter(|| {
            let status = Command::new(binary)
                .current_dir(root)
                .args([
                    "report",
                    "examples/exempelland-tiopunkt-2025.json",
                    "examples/exempelland-beredskap-2025.json",
                    "--previous",
                    "examples/exempelland-tiopunkt-2024.json",
                    "--national",
                    "examples/national-2025.json",
                    "--previous",
                ])
                .arg(&earlier)
                .arg("-o")
                .arg(&out)
                .env("SOURCE_DATE_EPOCH", "1760000000")
                .status()
                .unwrap();
            assert!(status.success());
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
