//! How fast `mognad national-report` writes the national report and its open data as a
//! coordinator runs it: the whole command, from folders of answers files to the written PDF,
//! CSV and JSON. Two cases: the example nation (21 regions, 2024 and 2025, and Exempelland's
//! readiness), and 290 files for each of two years (every municipality), the example nation's
//! answers copied under new names. Run with `cargo bench --bench national_report`.

use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Writes `count` answers files for each of 2024 and 2025 into `dir`, a region of its own each.
fn municipalities(dir: &Path, count: usize) {
    for year in ["2024", "2025"] {
        let sources: Vec<serde_json::Value> = std::fs::read_dir(root().join("examples/nation"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(&format!("{year}.json")))
            .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
            .collect();
        for i in 0..count {
            let mut answers = sources[i % sources.len()].clone();
            answers["region"] = format!("Kommun {i}").into();
            std::fs::write(
                dir.join(format!("svar-{year}-{i:03}.json")),
                serde_json::to_string_pretty(&answers).unwrap(),
            )
            .unwrap();
        }
    }
}

fn run(inputs: &[PathBuf], out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_mognad"))
        .arg("national-report")
        .args(inputs)
        .arg("-o")
        .arg(out)
        .env("SOURCE_DATE_EPOCH", "1760000000")
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("national-report");
    group.sample_size(10);
    let dir = tempfile::tempdir().unwrap();
    let example: Vec<PathBuf> = [
        "examples/nation",
        "examples/exempelland-tiopunkt-2024.json",
        "examples/exempelland-tiopunkt-2025.json",
        "examples/exempelland-beredskap-2025.json",
    ]
    .iter()
    .map(|p| root().join(p))
    .collect();
    let out = dir.path().join("riket-2025.pdf");
    group.bench_with_input(
        BenchmarkId::from_parameter("example-nation"),
        &(),
        |b, ()| {
            b.iter(|| run(&example, &out));
        },
    );
    let input = dir.path().join("kommuner");
    std::fs::create_dir(&input).unwrap();
    municipalities(&input, 290);
    group.bench_with_input(BenchmarkId::from_parameter("290x2"), &(), |b, ()| {
        b.iter(|| run(std::slice::from_ref(&input), &out));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
