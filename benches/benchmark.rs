//! How fast `mognad benchmark` builds a national reference as a coordinator runs it: the whole
//! command, from a folder of answers files to the written reference, at 21, 1 000 and 10 000
//! files. The files are the example nation's 2025 answers, copied under new region names.
//! Run with `cargo bench --bench benchmark`.

use std::path::Path;
use std::process::Command;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// Writes `count` answers files for 2025 into `dir`, each for a region of its own.
fn nation(dir: &Path, count: usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources: Vec<serde_json::Value> = std::fs::read_dir(root.join("examples/nation"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with("2025.json"))
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect();
    sources.push(
        serde_json::from_str(
            &std::fs::read_to_string(root.join("examples/exempelland-tiopunkt-2025.json")).unwrap(),
        )
        .unwrap(),
    );
    for i in 0..count {
        let mut answers = sources[i % sources.len()].clone();
        answers["region"] = format!("Kommun {i}").into();
        std::fs::write(
            dir.join(format!("svar-{i:05}.json")),
            serde_json::to_string_pretty(&answers).unwrap(),
        )
        .unwrap();
    }
}

fn bench(c: &mut Criterion) {
    let binary = env!("CARGO_BIN_EXE_mognad");
    let mut group = c.benchmark_group("benchmark");
    group.sample_size(10);
    for count in [21, 1_000, 10_000] {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in");
        std::fs::create_dir(&input).unwrap();
        nation(&input, count);
        let out = dir.path().join("national.json");
        group.throughput(Throughput::Elements(count as u64));
        group.bench_with_input(BenchmarkId::from_parameter(count), &count, |b, _| {
            b.iter(|| {
                let status = Command::new(binary)
                    .args(["benchmark"])
                    .arg(&input)
                    .arg("-o")
                    .arg(&out)
                    .stdout(std::process::Stdio::null())
                    .status()
                    .unwrap();
                assert!(status.success());
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
