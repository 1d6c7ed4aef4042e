//! Example data: the fictional nation of twenty regions beside Region Exempelland, answering
//! `tiopunkt` in two years. Generated from fixed seeds, so the files in `examples/nation/` are
//! exactly what [`nation`] returns (a test holds them to it), and `mognad demo` can write them
//! anew without reading anything.
//!
//! The spread is made to look like a nation, not to describe one: each region has a general
//! maturity, each area is a little easier or harder everywhere, each answer scatters around
//! that, the earlier year is somewhat lower, and a few answers are *Vet ej* or *Ej tillämpligt*.
//! Indicator questions are answered yes about as often as the published national counts say.

use indexmap::IndexMap;

use crate::answers::{self, Answer, Answers, QuestionnaireRef, Status, Value};
use crate::published::Published;
use crate::questionnaire::{NO, PARTLY, Question, QuestionKind, Questionnaire, YES};

/// The fictional regions; every name ends in "(fiktiv)".
pub const REGIONS: [&str; 20] = [
    "Region Askeby (fiktiv)",
    "Region Björkdal (fiktiv)",
    "Region Dalmyra (fiktiv)",
    "Region Ekholmen (fiktiv)",
    "Region Fjällvik (fiktiv)",
    "Region Granås (fiktiv)",
    "Region Hagmark (fiktiv)",
    "Region Ismyra (fiktiv)",
    "Region Järnvik (fiktiv)",
    "Region Kvarnby (fiktiv)",
    "Region Lindås (fiktiv)",
    "Region Mossby (fiktiv)",
    "Region Norrvik (fiktiv)",
    "Region Ormdal (fiktiv)",
    "Region Påskmo (fiktiv)",
    "Region Rönnmark (fiktiv)",
    "Region Sjövik (fiktiv)",
    "Region Tallmo (fiktiv)",
    "Region Uddebo (fiktiv)",
    "Region Vassvik (fiktiv)",
];

/// Region Exempelland's own answers, written by hand with comments and evidence: the region
/// the demo profile is made for. File name and text.
pub const EXEMPELLAND: [(&str, &str); 5] = [
    (
        "exempelland-tiopunkt-2024.json",
        include_str!("../examples/exempelland-tiopunkt-2024.json"),
    ),
    (
        "exempelland-tiopunkt-2025.json",
        include_str!("../examples/exempelland-tiopunkt-2025.json"),
    ),
    (
        "exempelland-tiopunkt-2026.json",
        include_str!("../examples/exempelland-tiopunkt-2026.json"),
    ),
    (
        "exempelland-beredskap-2025.json",
        include_str!("../examples/exempelland-beredskap-2025.json"),
    ),
    (
        "exempelland-beredskap-2026.json",
        include_str!("../examples/exempelland-beredskap-2026.json"),
    ),
];

/// The years of the example nation: 2024 and 2025 answer the 2025.1 edition, 2026 the
/// 2026.1 edition.
pub const YEARS: [i32; 3] = [2024, 2025, 2026];

const NOTE: &str = "Regionen och alla svar är fiktiva exempeldata, genererade för demonstration. The region and all answers are fictional example data, generated for demonstration.";

/// How much easier (positive) or harder every region finds each area, in levels, by the
/// area's position in the questionnaire.
const AREA_EASE: [f64; 11] = [0.3, -0.3, 0.6, -0.2, 0.1, -0.6, 0.2, 0.4, -0.7, 0.0, 0.0];

/// Every fictional region's answers, every year, in the order of [`REGIONS`] and then year:
/// 2024 and 2025 to `first` (the 2025.1 edition), 2026 to `second` (the 2026.1 edition).
pub fn nation(
    first: &Questionnaire,
    second: &Questionnaire,
    published: &Published,
) -> Vec<Answers> {
    let mut all = Vec::with_capacity(REGIONS.len() * YEARS.len());
    for (i, region) in REGIONS.iter().enumerate() {
        let mut rng = fastrand::Rng::with_seed(0x6d6f_676e_6164 + i as u64);
        // From about level 1 to level 3.5: the nation's weakest and strongest.
        let base = 1.0 + 2.5 * rng.f64();
        let now = region_year(first, published, region, YEARS[1], base, &mut rng, None);
        let before = region_year(
            first,
            published,
            region,
            YEARS[0],
            base,
            &mut rng,
            Some(&now),
        );
        // The next year draws from its own seed, so the first two years stay as they were.
        let mut next_rng = fastrand::Rng::with_seed(0x6d6f_676e_6164_2026 + i as u64);
        let next = next_year(
            second,
            published,
            region,
            YEARS[2],
            base,
            &mut next_rng,
            &now,
        );
        all.push(before);
        all.push(now);
        all.push(next);
    }
    all
}

/// One region's answers for the year after `earlier`, on another edition: what carries over
/// through `continues` stays, a level higher for about a quarter of the answers; the rest is
/// drawn as for a first year.
fn next_year(
    q: &Questionnaire,
    published: &Published,
    region: &str,
    year: i32,
    base: f64,
    rng: &mut fastrand::Rng,
    earlier: &Answers,
) -> Answers {
    let carried = crate::compare::carry(earlier, q).answers;
    let mut answers = region_year(q, published, region, year, base, rng, None);
    for (id, answer) in &mut answers.answers {
        let chance = rng.f64();
        let Some(then) = carried.get(id) else {
            continue;
        };
        *answer = then.clone();
        if let Some(level) = then.value.as_ref().and_then(Value::as_level)
            && q.question(id)
                .is_some_and(|x| x.kind == QuestionKind::Scale)
        {
            answer.value = Some(Value((level + u8::from(chance < 0.25)).min(5).into()));
        }
    }
    // A carried answer may hide a question drawn for this year.
    let hidden: Vec<String> = answers
        .answers
        .keys()
        .filter(|id| q.question(id).is_some_and(|x| !q.is_asked(x, &answers)))
        .cloned()
        .collect();
    for id in hidden {
        answers.answers.shift_remove(&id);
    }
    answers
}

/// One region's answers for one year; the earlier year is derived from the later one, mostly
/// the same and sometimes a level lower.
fn region_year(
    q: &Questionnaire,
    published: &Published,
    region: &str,
    year: i32,
    base: f64,
    rng: &mut fastrand::Rng,
    later: Option<&Answers>,
) -> Answers {
    let mut answers = Answers {
        format: answers::FORMAT.to_string(),
        questionnaire: QuestionnaireRef {
            id: q.id.clone(),
            version: q.version.clone(),
            hash: Some(q.content_hash()),
        },
        region: region.to_string(),
        year,
        date: Some(format!("{year}-10-{:02}", rng.u32(1..=28))),
        respondents: Vec::new(),
        solution: None,
        note: Some(NOTE.to_string()),
        example: true,
        merge: None,
        targets: IndexMap::new(),
        answers: IndexMap::new(),
        drafts: indexmap::IndexMap::new(),
        position: None,
    };
    for (a, area) in q.areas.iter().enumerate() {
        let ease = AREA_EASE.get(a).copied().unwrap_or_default();
        for question in &area.questions {
            if !q.is_asked(question, &answers) {
                continue;
            }
            let then = later.and_then(|l| l.answers.get(&question.id));
            if let Some(answer) = answer(question, published, year, base + ease, rng, then) {
                answers.answers.insert(question.id.clone(), answer);
            }
        }
    }
    answers
}

fn answer(
    question: &Question,
    published: &Published,
    year: i32,
    level: f64,
    rng: &mut fastrand::Rng,
    later: Option<&Answer>,
) -> Option<Answer> {
    let status = |status| {
        Some(Answer {
            status: Some(status),
            ..Answer::default()
        })
    };
    let value = |v: serde_json::Value| {
        Some(Answer {
            value: Some(Value(v)),
            ..Answer::default()
        })
    };
    // Drawn for every question, so that one question's kind does not shift the next's draws.
    let (chance, noise) = (rng.f64(), rng.f64() + rng.f64() - 1.0);
    if question.not_applicable && chance < 0.15 {
        return status(Status::NotApplicable);
    }
    if question.dont_know && chance > 0.97 {
        return status(Status::DontKnow);
    }
    match question.kind {
        QuestionKind::Scale => {
            let level = match later
                .and_then(|l| l.value.as_ref())
                .and_then(Value::as_level)
            {
                // A year earlier: a level lower for about a quarter of the answers.
                Some(later) => later.saturating_sub(u8::from(chance < 0.25)),
                None => (level + 1.4 * noise).round().clamp(0.0, 5.0) as u8,
            };
            value(level.into())
        }
        QuestionKind::YesNo => {
            let share = question
                .indicator
                .as_ref()
                .and_then(|i| published.figure(i))
                .and_then(|f| {
                    f.values
                        .iter()
                        .filter(|v| v.year <= year)
                        .max_by_key(|v| v.year)
                })
                .and_then(|v| v.count)
                .map_or(0.5, |count| f64::from(count) / f64::from(published.of));
            let draw = rng.f64();
            let answer = if draw < share {
                YES
            } else if question.partly && draw < share + 0.15 {
                PARTLY
            } else {
                NO
            };
            value(answer.into())
        }
        QuestionKind::Choice => {
            let option = &question.options[rng.usize(..question.options.len())];
            value(option.id.clone().into())
        }
        QuestionKind::Number => {
            let (min, max) = (question.min.unwrap_or(0.0), question.max.unwrap_or(100.0));
            let number = min + (max - min) * rng.f64();
            if question.integer {
                value((number.round() as i64).into())
            } else {
                value(((number * 10.0).round() / 10.0).into())
            }
        }
        QuestionKind::Text => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;

    fn tiopunkt() -> (Questionnaire, Questionnaire) {
        let edition = |v| builtin::questionnaire_at("tiopunkt", v).unwrap().unwrap();
        (edition("2025.1"), edition("2026.1"))
    }

    #[test]
    fn the_nation_is_fictional_and_valid() {
        let (first, second) = tiopunkt();
        let nation = nation(&first, &second, &Published::builtin());
        assert_eq!(nation.len(), 60);
        for answers in &nation {
            assert!(answers.example && answers.region.ends_with("(fiktiv)"));
            let q = if answers.year < 2026 { &first } else { &second };
            assert_eq!(answers.questionnaire.version, q.version);
            let problems = crate::validate::answers(answers, q);
            assert!(problems.is_empty(), "{}: {problems:?}", answers.region);
        }
    }

    #[test]
    fn the_nation_is_the_same_every_time() {
        let (first, second) = tiopunkt();
        assert_eq!(
            nation(&first, &second, &Published::builtin()),
            nation(&first, &second, &Published::builtin())
        );
    }

    #[test]
    fn the_nation_has_spread_and_a_few_missing_answers() {
        let (first, second) = tiopunkt();
        let nation = nation(&first, &second, &Published::builtin());
        let statuses: usize = nation
            .iter()
            .flat_map(|a| a.answers.values())
            .filter(|a| a.status.is_some())
            .count();
        assert!(statuses > 10, "{statuses} don't-knows and N/As");
        let levels: std::collections::BTreeSet<u8> = nation
            .iter()
            .flat_map(|a| a.answers.values())
            .filter_map(|a| a.value.as_ref().and_then(Value::as_level))
            .collect();
        assert_eq!(levels.len(), 6, "every level is used: {levels:?}");
    }
}
