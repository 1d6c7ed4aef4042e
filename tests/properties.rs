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
        let [test] = gate.when.tests() else {
            continue;
        };
        let (Some(area), Some(question)) = (&gate.area, &test.question) else {
            continue;
        };
        assert!(
            test.below.is_some_and(|below| below <= 2.0),
            "{} fires only below 2",
            gate.id
        );
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

/// A maturity instrument of `areas` areas (two scale questions each, area weights as given)
/// whose rubric's levels run from `low` to `top`, with answers at `levels` (cycled). With
/// `own`, the scale questions' points follow the levels (an answer below `low` gives `low`,
/// one above `top` gives `top`), so scores run `low`–`top`; without, the points are the
/// answers, 0–5, and the levels spread over them.
fn instrument(
    areas: usize,
    (low, top, own): (u8, u8, bool),
    weights: &[u8],
    levels: &[u8],
) -> (String, String, String) {
    let text = |s: &str| serde_json::json!({"sv": s, "en": s});
    let areas_json: Vec<serde_json::Value> = (0..areas)
        .map(|a| {
            let questions: Vec<serde_json::Value> = (0..2)
                .map(|q| {
                    serde_json::json!({
                        "id": format!("o{a}-{q}"), "kind": "scale",
                        "text": text(&format!("Fråga {q} om område {a}?")),
                        "help": text("Hjälp."), "evidence": text("Underlag."),
                        "levels": (0..6).map(|l| text(&format!("Nivå {l} för område {a}."))).collect::<Vec<_>>()
                    })
                })
                .collect();
            serde_json::json!({
                "id": format!("o{a}"), "number": a + 1,
                "title": text(&format!("Område nummer {a} med ett långt namn")),
                "description": text("Beskrivning."), "questions": questions
            })
        })
        .collect();
    let questionnaire = serde_json::json!({
        "format": "mognad.questionnaire/1", "id": "egen", "version": "1.0", "kind": "maturity",
        "title": text("Eget instrument"), "description": text("Ett genererat instrument."),
        "areas": areas_json
    });
    let step = 5.0 / f64::from(top - low + 1);
    let bands: Vec<serde_json::Value> = (low..=top)
        .map(|l| {
            // The first level starts at 0, as validate asks.
            let min = match (l == low, own) {
                (true, _) => 0.0,
                (false, true) => f64::from(l),
                (false, false) => (f64::from(l - low) * step * 10.0).round() / 10.0,
            };
            serde_json::json!({"level": l, "min": min, "name": text(&format!("Nivå {l}"))})
        })
        .collect();
    let points: serde_json::Value = if own {
        (0u8..=5)
            .map(|a| (a.to_string(), serde_json::json!(a.clamp(low, top))))
            .collect::<serde_json::Map<_, _>>()
            .into()
    } else {
        serde_json::Value::Null
    };
    let rubric_areas: Vec<serde_json::Value> = (0..areas)
        .map(|a| {
            serde_json::json!({
                "area": format!("o{a}"), "weight": weights[a % weights.len()].max(1),
                "aggregation": "weighted_mean",
                "questions": [{"question": format!("o{a}-0"), "points": points}, {"question": format!("o{a}-1"), "points": points}],
                "next_steps": (low..=top).map(|l| serde_json::json!({"level": l, "text": text("Nästa steg.")})).collect::<Vec<_>>()
            })
        })
        .collect();
    let rubric = serde_json::json!({
        "format": "mognad.rubric/1", "id": "egen", "version": "1.0", "title": text("Egen mall"),
        "questionnaire": {"id": "egen", "versions": ["1.0"]}, "coverage": {"min": 0.5},
        "levels": bands, "areas": rubric_areas,
        "overall": {"aggregation": "weighted_mean", "min_areas": 1}
    });
    let mut answers = serde_json::Map::new();
    for a in 0..areas {
        for q in 0..2 {
            let level = levels[(2 * a + q) % levels.len()] % 6;
            answers.insert(format!("o{a}-{q}"), serde_json::json!({"value": level}));
        }
    }
    let answers = serde_json::json!({
        "format": "mognad.answers/1", "questionnaire": {"id": "egen", "version": "1.0"},
        "region": "Region Egenskap", "year": 2026, "answers": answers
    });
    (
        questionnaire.to_string(),
        rubric.to_string(),
        answers.to_string(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// Any valid instrument of 3 to 20 areas, a lowest level of 0 or 1 and a top level of 3
    /// to 5 validates, scores and renders a profile in which every area is named; when its
    /// points follow its levels, the radar runs from the lowest level to the top.
    #[test]
    fn any_instrument_renders_a_profile_with_every_area(
        areas in 3usize..=20,
        low in 0u8..=1,
        top in 3u8..=5,
        own in any::<bool>(),
        weights in proptest::collection::vec(1u8..=5, 1..6),
        levels in proptest::collection::vec(0u8..=5, 1..12),
    ) {
        use mognad::document::{Document, parse};
        let (q, r, a) = instrument(areas, (low, top, own), &weights, &levels);
        let Ok(Document::Questionnaire(q)) = parse(&q) else { panic!("a questionnaire") };
        let Ok(Document::Rubric(r)) = parse(&r) else { panic!("a rubric") };
        let Ok(Document::Answers(a)) = parse(&a) else { panic!("answers") };
        let errors = |problems: Vec<mognad::problem::Problem>| {
            problems
                .into_iter()
                .filter(|p| p.severity() == mognad::problem::Severity::Error)
                .count()
        };
        prop_assert_eq!(errors(mognad::validate::questionnaire(&q)), 0);
        prop_assert_eq!(errors(mognad::validate::rubric(&r, Some(&q))), 0);
        prop_assert_eq!(errors(mognad::validate::answers(&a, &q)), 0);
        let published = mognad::published::Published::builtin();
        let inputs = mognad::report::model::Inputs {
            lang: mognad::lang::Lang::Sv,
            classification: "Intern".into(),
            today: jiff::civil::date(2026, 12, 5),
            parts: vec![mognad::report::model::Part {
                questionnaire: &q,
                rubric: &r,
                answers: &a,
                previous: Vec::new(),
            }],
            published: &published,
            national: None,
        };
        let report = mognad::report::model::build(&inputs);
        let model = serde_json::to_string(&report).unwrap();
        for area in &q.areas {
            prop_assert!(model.contains(area.title.get(mognad::lang::Lang::Sv)), "{}", area.id);
        }
        let radar = report
            .pages
            .iter()
            .flat_map(|p| &p.blocks)
            .find_map(|b| match b {
                mognad::report::model::Block::Radar(radar) => Some(radar),
                _ => None,
            })
            .expect("a radar");
        let scale = if own {
            mognad::report::model::Scale { low: f64::from(low), high: f64::from(top) }
        } else {
            mognad::report::model::Scale::FULL
        };
        prop_assert_eq!(radar.scale, scale);
        let rendered = mognad::report::render(&report).expect("the profile renders");
        prop_assert!(rendered.pages >= 5);
    }
}
