//! Properties of scoring that must hold for any answers to the built-in questionnaires:
//! scores stay within 0–5, and raising one answer never lowers its area.

use mognad::answers::{Answer, Answers, QuestionnaireRef, Solution, Status, Value};
use mognad::builtin;
use mognad::questionnaire::{QuestionKind, Questionnaire};
use mognad::scoring::{Rubric, score};
use proptest::prelude::*;

fn load(id: &str) -> (Questionnaire, Rubric) {
    (
        builtin::questionnaire(id).unwrap().unwrap(),
        builtin::rubric(id).unwrap().unwrap(),
    )
}

/// One possible answer to a scale question: a level, don't know, not applicable, or nothing.
#[derive(Clone, Copy, Debug)]
enum Pick {
    Level(u8),
    DontKnow,
    NotApplicable,
    Unanswered,
}

fn pick() -> impl Strategy<Value = Pick> {
    prop_oneof![
        8 => (0u8..=5).prop_map(Pick::Level),
        1 => Just(Pick::DontKnow),
        1 => Just(Pick::NotApplicable),
        1 => Just(Pick::Unanswered),
    ]
}

/// Answers where every scale question gets its pick (in order) and every other question a
/// fixed, valid value.
fn answers(q: &Questionnaire, picks: &[Pick]) -> Answers {
    let mut answers = Answers {
        format: "mognad.answers/1".into(),
        questionnaire: QuestionnaireRef {
            id: q.id.clone(),
            version: q.version.clone(),
            hash: None,
        },
        region: "Region Egenskap".into(),
        year: 2025,
        date: None,
        respondents: Vec::new(),
        solution: Some(Solution {
            name: "Lösning".into(),
            target_group: "Målgrupp".into(),
            description: None,
        }),
        note: None,
        example: false,
        merge: None,
        targets: indexmap::IndexMap::default(),
        answers: indexmap::IndexMap::default(),
        drafts: indexmap::IndexMap::default(),
        position: None,
    };
    let mut picks = picks.iter().cycle();
    for (_, question) in q.questions() {
        let answer = match question.kind {
            QuestionKind::Scale => match picks.next().copied().unwrap_or(Pick::Unanswered) {
                Pick::Level(level) => Some(Answer {
                    value: Some(Value(level.into())),
                    ..Answer::default()
                }),
                Pick::DontKnow if question.dont_know => Some(Answer {
                    status: Some(Status::DontKnow),
                    ..Answer::default()
                }),
                Pick::NotApplicable if question.not_applicable => Some(Answer {
                    status: Some(Status::NotApplicable),
                    ..Answer::default()
                }),
                _ => None,
            },
            _ => question.closed_values().map(|values| Answer {
                value: Some(Value(values[0].clone().into())),
                ..Answer::default()
            }),
        };
        if let Some(answer) = answer {
            answers.answers.insert(question.id.clone(), answer);
        }
    }
    answers
}

fn scale_count(q: &Questionnaire) -> usize {
    q.questions()
        .filter(|(_, x)| x.kind == QuestionKind::Scale)
        .count()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn scores_stay_within_0_to_5(picks in prop::collection::vec(pick(), 100), which in 0usize..2) {
        let (q, r) = load(["tiopunkt", "beredskap"][which]);
        let card = score(&q, &r, &answers(&q, &picks));
        for area in &card.areas {
            if let Some(s) = area.score {
                prop_assert!((0.0..=5.0).contains(&s), "{}: {s}", area.id);
                prop_assert!(area.level.is_some());
            }
            if let Some(c) = area.coverage {
                prop_assert!((0.0..=1.0).contains(&c));
            }
        }
        if let Some(s) = card.overall.score {
            prop_assert!((0.0..=5.0).contains(&s));
        }
    }

    #[test]
    fn raising_one_answer_never_lowers_its_area(
        picks in prop::collection::vec(pick(), 100),
        which in 0usize..2,
        raised in 0usize..100,
        by in 1u8..=5,
    ) {
        let (q, r) = load(["tiopunkt", "beredskap"][which]);
        let raised = raised % scale_count(&q);
        let Pick::Level(before) = picks[raised] else { return Ok(()) };
        let mut higher = picks.clone();
        higher[raised] = Pick::Level((before + by).min(5));
        let low = score(&q, &r, &answers(&q, &picks));
        let high = score(&q, &r, &answers(&q, &higher));
        for (a, b) in low.areas.iter().zip(&high.areas) {
            if let (Some(x), Some(y)) = (a.score, b.score) {
                prop_assert!(y >= x, "{}: {x} → {y}", a.id);
            }
            prop_assert_eq!(a.score.is_some(), b.score.is_some(), "coverage does not depend on the value");
        }
        if let (Some(x), Some(y)) = (low.overall.score, high.overall.score) {
            prop_assert!(y >= x);
        }
        if let (Some(x), Some(y)) = (&low.verdict, &high.verdict) {
            let rank = |id: &Option<String>| ["ready", "partly_ready", "not_ready"].iter().position(|b| Some(*b) == id.as_deref());
            if let (Some(x), Some(y)) = (rank(&x.id), rank(&y.id)) {
                prop_assert!(y <= x, "the verdict never gets worse");
            }
        }
    }
}

/// Any small JSON value, to put where an answer's value belongs.
fn any_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        (-10i64..10).prop_map(serde_json::Value::from),
        (-10.0f64..110.0).prop_map(serde_json::Value::from),
        prop::sample::select(vec![
            "yes", "no", "partly", "i_drift", "nej", "", "Vet ej", "å"
        ])
        .prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(2, 4, 3, |inner| {
        prop::collection::vec(inner, 0..3).prop_map(serde_json::Value::from)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever values a hand-edited answers file holds, reading, checking and scoring it
    /// never panics (scoring unchecked answers passes over what it cannot use).
    #[test]
    fn broken_answers_never_panic(
        changes in prop::collection::vec((0usize..200, any_value(), any::<bool>()), 1..12),
        which in 0usize..2,
    ) {
        let (q, r) = load(["tiopunkt", "beredskap"][which]);
        let path = ["examples/exempelland-tiopunkt-2025.json", "examples/exempelland-beredskap-2025.json"][which];
        let mut json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let ids: Vec<String> = q.questions().map(|(_, x)| x.id.clone()).collect();
        for (index, value, as_status) in changes {
            let id = &ids[index % ids.len()];
            let answer = if as_status {
                serde_json::json!({"status": "dont_know", "value": value})
            } else {
                serde_json::json!({"value": value})
            };
            json["answers"][id] = answer;
        }
        if let Ok(mognad::document::Document::Answers(answers)) = mognad::document::parse(&json.to_string()) {
            let _ = mognad::validate::answers(&answers, &q);
            let card = score(&q, &r, &answers);
            for area in &card.areas {
                if let Some(s) = area.score {
                    prop_assert!((0.0..=5.0).contains(&s));
                }
            }
        }
    }
}

/// A gate fires where nothing is decided (its question below 2); the area it caps must then
/// stay below level 2, *Planerad*, whose descriptors say a decision exists, however good the
/// rest of the area is.
#[test]
fn a_gate_on_nothing_decided_keeps_its_area_below_planned() {
    let (q, r) = load("tiopunkt");
    for gate in &r.gates {
        let (Some(area), Some(question)) = (&gate.area, &gate.when.question) else {
            continue;
        };
        assert!(gate.when.below <= 2.0, "{} fires only below 2", gate.id);
        let mut a = answers(&q, &[Pick::Level(5)]);
        a.answers.insert(
            question.clone(),
            Answer {
                value: Some(Value(0.into())),
                ..Answer::default()
            },
        );
        let card = score(&q, &r, &a);
        let scored = card.areas.iter().find(|x| &x.id == area).unwrap();
        assert!(
            scored.level.is_some_and(|level| level < 2),
            "{}: area {area} is at level {:?} while nothing is decided",
            gate.id,
            scored.level
        );
    }
}
