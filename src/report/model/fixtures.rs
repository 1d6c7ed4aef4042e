//! What the model's tests are built from: the examples' reports, and a small instrument of
//! three areas whose pages each test builds alone.

use super::*;
use crate::builtin;
use crate::document::{Document, parse};

pub(super) fn example(name: &str) -> Answers {
    let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    match parse(&std::fs::read_to_string(path).unwrap()).unwrap() {
        Document::Answers(a) => a,
        _ => unreachable!(),
    }
}

pub(super) fn report(lang: Lang) -> Report {
    let tq = builtin::questionnaire_at("tiopunkt", "2025.1")
        .unwrap()
        .unwrap();
    let tr = builtin::rubric_at("tiopunkt", "2025.1").unwrap().unwrap();
    let bq = builtin::questionnaire_at("beredskap", "2025.1")
        .unwrap()
        .unwrap();
    let br = builtin::rubric_at("beredskap", "2025.1").unwrap().unwrap();
    let (t25, t24, b25) = (
        example("exempelland-tiopunkt-2025.json"),
        example("exempelland-tiopunkt-2024.json"),
        example("exempelland-beredskap-2025.json"),
    );
    let published = Published::builtin();
    let text = std::fs::read_to_string(format!(
        "{}/examples/national-2025.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let Document::National(national) = parse(&text).unwrap() else {
        unreachable!()
    };
    build(&Inputs {
        lang,
        classification: lang.pick("Intern", "Internal").to_string(),
        today: jiff::civil::date(2025, 11, 1),
        parts: vec![
            Part {
                questionnaire: &tq,
                rubric: &tr,
                answers: &t25,
                previous: vec![&t24],
            },
            Part {
                questionnaire: &bq,
                rubric: &br,
                answers: &b25,
                previous: vec![],
            },
        ],
        published: &published,
        national: Some(&national),
    })
}

/// This year's and last year's tiopunkt, with the example targets in place of the answers'
/// own (they have none), and without a national reference.
pub(super) fn report_with_targets(lang: Lang, targets: bool) -> Report {
    let tq = builtin::questionnaire_at("tiopunkt", "2025.1")
        .unwrap()
        .unwrap();
    let tr = builtin::rubric_at("tiopunkt", "2025.1").unwrap().unwrap();
    let (mut t25, t24) = (
        example("exempelland-tiopunkt-2025.json"),
        example("exempelland-tiopunkt-2024.json"),
    );
    assert!(
        t25.targets.is_empty(),
        "the example answers have no targets"
    );
    if targets {
        let text = std::fs::read_to_string(format!(
            "{}/examples/exempelland-mal-2026.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let Document::Targets(file) = parse(&text).unwrap() else {
            unreachable!()
        };
        t25.targets = file.targets;
    }
    let published = Published::builtin();
    build(&Inputs {
        lang,
        classification: "Intern".into(),
        today: jiff::civil::date(2025, 11, 1),
        parts: vec![Part {
            questionnaire: &tq,
            rubric: &tr,
            answers: &t25,
            previous: vec![&t24],
        }],
        published: &published,
        national: None,
    })
}

pub(super) fn page<'r>(report: &'r Report, title: &str) -> &'r Page {
    report
        .pages
        .iter()
        .find(|p| p.title == title)
        .unwrap_or_else(|| panic!("no page {title}"))
}

pub(super) fn first_table(page: &Page) -> &Table {
    page.blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .expect("a table")
}

/// A small instrument: three areas in two groups, the built-in six levels, answers that give
/// the first area a score, the second a low one on half its questions, and the third none.
pub(super) struct Small {
    pub(super) questionnaire: Questionnaire,
    pub(super) rubric: Rubric,
    pub(super) answers: Answers,
    pub(super) previous: Answers,
}

impl Small {
    pub(super) fn part(&self, with_previous: bool) -> Part<'_> {
        Part {
            questionnaire: &self.questionnaire,
            rubric: &self.rubric,
            answers: &self.answers,
            previous: if with_previous {
                vec![&self.previous]
            } else {
                Vec::new()
            },
        }
    }
}

pub(super) fn small() -> Small {
    let text = |s: &str| serde_json::json!({ "sv": s, "en": s });
    let scale = |id: &str, subject: &str| {
        serde_json::json!({
            "id": id, "kind": "scale", "label": text(subject),
            "text": text(&format!("Hur långt har regionen kommit med {subject}?")),
            "help": text("Gäller hela regionen."), "evidence": text("Beslut och loggar."),
            "levels": (0..6).map(|l| text(&format!("Nivå {l} för {subject}."))).collect::<Vec<_>>()
        })
    };
    let questionnaire = serde_json::json!({
        "format": "mognad.questionnaire/1", "id": "liten", "version": "1.0", "kind": "maturity",
        "title": text("Liten enkät om åtkomst"), "description": text("Tre områden."),
        "areas": [
            { "id": "s1", "number": 1, "title": text("Styrning och ägarskap"), "description": text("Ägarskap."),
              "questions": [scale("s1-1", "ägarskap"), scale("s1-2", "förvaltning")] },
            { "id": "s2", "number": 2, "title": text("Säkerhet och åtkomst"), "description": text("Åtkomst."),
              "questions": [scale("s2-1", "behörigheter"), scale("s2-2", "loggning")] },
            { "id": "s3", "number": 3, "title": text("Övervakning för vården"), "description": text("Övervakning."),
              "questions": [scale("s3-1", "övervakning")] }
        ],
        "groups": [
            { "id": "g1", "title": text("Grund"), "areas": ["s1", "s2"] },
            { "id": "g2", "title": text("Drift"), "areas": ["s3"] }
        ]
    });
    let levels = [
        (0, 0.0, "Saknas"),
        (1, 1.0, "Initial"),
        (2, 2.0, "Påbörjad"),
        (3, 3.0, "Etablerad"),
        (4, 4.0, "Styrd"),
        (5, 4.6, "Ledande"),
    ];
    let area = |id: &str, questions: &[&str]| {
        serde_json::json!({
            "area": id, "aggregation": "weighted_mean",
            "questions": questions.iter().map(|q| serde_json::json!({ "question": q })).collect::<Vec<_>>(),
            "next_steps": (0..6).map(|l| serde_json::json!({ "level": l, "text": text(&format!("Steg från nivå {l} i {id}.")) })).collect::<Vec<_>>()
        })
    };
    let rubric = serde_json::json!({
        "format": "mognad.rubric/1", "id": "liten", "version": "1.0", "title": text("Liten mall"),
        "questionnaire": { "id": "liten", "versions": ["1.0"] }, "coverage": { "min": 0.5 },
        "levels": levels.iter().map(|(l, min, name)| serde_json::json!({ "level": l, "min": min, "name": text(name) })).collect::<Vec<_>>(),
        "areas": [area("s1", &["s1-1", "s1-2"]), area("s2", &["s2-1", "s2-2"]), area("s3", &["s3-1"])],
        "overall": { "aggregation": "weighted_mean", "min_areas": 2 }
    });
    let answers = |year: i32, values: serde_json::Value| {
        serde_json::json!({
            "format": "mognad.answers/1", "questionnaire": { "id": "liten", "version": "1.0" },
            "region": "Region Åbo", "year": year, "answers": values
        })
    };
    let now = answers(
        2026,
        serde_json::json!({
            "s1-1": { "value": 3, "comment": "Beslut i regionledningen.", "evidence": "protokoll § 12" },
            "s1-2": { "value": 4 },
            "s2-1": { "value": 1 },
            "s2-2": { "status": "dont_know" }
        }),
    );
    let then = answers(
        2025,
        serde_json::json!({ "s1-1": { "value": 2 }, "s1-2": { "value": 2 }, "s2-1": { "value": 1 } }),
    );
    let Ok(Document::Questionnaire(questionnaire)) = parse(&questionnaire.to_string()) else {
        panic!("a questionnaire")
    };
    let Ok(Document::Rubric(rubric)) = parse(&rubric.to_string()) else {
        panic!("a rubric")
    };
    let (Ok(Document::Answers(answers)), Ok(Document::Answers(previous))) =
        (parse(&now.to_string()), parse(&then.to_string()))
    else {
        panic!("answers")
    };
    Small {
        questionnaire,
        rubric,
        answers,
        previous,
    }
}

pub(super) fn sv() -> Words {
    Words { lang: Lang::Sv }
}

/// Every heading, paragraph and bullet of a page, one after another.
pub(super) fn texts(page: &Page) -> String {
    page.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text } | Block::Paragraph { text, .. } => Some(text.clone()),
            Block::Bullets { items } => Some(items.join(" ")),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn tables(page: &Page) -> Vec<&Table> {
    page.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}
