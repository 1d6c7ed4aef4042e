//! How long one redraw of the interview's longest question screen takes: the longest question
//! of `tiopunkt` (its text and six level descriptors) at 80×24 and 120×40, with last year's
//! answer. Each ↓ redraws the whole screen (layout, wrapping, the buffer's diff); the figure is
//! for 50 redraws on ratatui's test backend, which keeps the buffer instead of writing escape
//! sequences. Run with `cargo bench --bench screen`.

use criterion::{Criterion, criterion_group, criterion_main};
use mognad::answers::Answers;
use mognad::builtin;
use mognad::document::{Document, parse};
use mognad::interview::Interview;
use mognad::interview::screen::view::Theme;
use mognad::interview::screen::{Screen, Scripted};
use mognad::lang::Lang;
use ratatui::backend::TestBackend;

const REDRAWS: usize = 50;

fn example(name: &str) -> Answers {
    let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    match parse(&std::fs::read_to_string(path).unwrap()).unwrap() {
        Document::Answers(a) => a,
        _ => unreachable!(),
    }
}

fn bench(c: &mut Criterion) {
    let q = builtin::questionnaire("tiopunkt").unwrap().unwrap();
    let last_year = example("exempelland-tiopunkt-2025.json");
    let longest = q
        .questions()
        .max_by_key(|(_, question)| {
            question.text.get(Lang::Sv).len()
                + question
                    .levels
                    .iter()
                    .map(|l| l.get(Lang::Sv).len())
                    .sum::<usize>()
        })
        .unwrap()
        .1;
    let mut start = last_year.clone();
    start.answers.clear();
    start.position = Some(longest.id.clone());
    let keys = "{down}".repeat(REDRAWS - 1);
    for (w, h) in [(80, 24), (120, 40)] {
        c.bench_function(
            &format!("{REDRAWS} redraws of the longest question at {w}x{h}"),
            |b| {
                b.iter(|| {
                    let mut screen = Screen::new(
                        TestBackend::new(w, h),
                        Scripted::keys(&keys),
                        Lang::Sv,
                        Theme { colour: true },
                    )
                    .unwrap();
                    let mut interview = Interview::new(&q, start.clone(), Some(last_year.clone()));
                    interview
                        .run(&mut screen, &mut |_: &Answers| -> Result<(), ()> { Ok(()) })
                        .unwrap()
                });
            },
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
