//! Checking files for meaning, after they parsed: ids that must exist, levels in range,
//! translations present, answers that fit their questions. Every check collects all its
//! problems; nothing stops at the first. Pure: values in, problems out.

use std::collections::{BTreeSet, HashMap, HashSet};

use indexmap::IndexMap;

use crate::answers::{Answer, Answers, Status};
use crate::lang::Text;
use crate::problem::{Problem, ProblemKind as K};
use crate::questionnaire::{
    Condition, Kind as QuestionnaireKind, NO, PARTLY, Question, QuestionKind, Questionnaire, YES,
};
use crate::scoring::EPSILON;
use crate::scoring::rubric::{Band, Condition as RubricCondition, LevelBand, Points, Rubric, Test};
use crate::targets::{self, Targets};

#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn push(&mut self, path: impl Into<String>, kind: K) {
        self.0.push(Problem::new(path, kind));
    }

    fn stat(&mut self, path: &str, stat: &crate::national::Stat, min: u32) {
        let values = [stat.min, stat.q1, stat.median, stat.q3, stat.max];
        if stat.withheld {
            if values.iter().chain([&stat.mean]).any(Option::is_some) {
                self.push(path, K::WithheldWithValues);
            }
        } else if stat.n < min {
            self.push(format!("{path}.n"), K::BelowMinimum { n: stat.n, min });
        } else if let [Some(a), Some(b), Some(c), Some(d), Some(e)] = values
            && stat.mean.is_some()
        {
            if !(a <= b && b <= c && c <= d && d <= e) {
                self.push(path, K::FiguresOutOfOrder);
            }
        } else {
            self.push(path, K::MissingFigures);
        }
    }

    fn text(&mut self, path: &str, text: &Text) {
        for lang in text.missing() {
            self.push(format!("{path}.{lang}"), K::MissingTranslation { lang });
        }
    }

    fn id(&mut self, path: &str, id: &str, seen: &mut HashSet<String>) {
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            self.push(path, K::BadId { id: id.to_string() });
        }
        if !seen.insert(id.to_string()) {
            self.push(path, K::DuplicateId { id: id.to_string() });
        }
    }
}

/// Checks a questionnaire on its own.
pub fn questionnaire(q: &Questionnaire) -> Vec<Problem> {
    let mut p = Problems::default();
    let mut ids = HashSet::new();
    p.id("id", &q.id, &mut HashSet::new());
    p.text("title", &q.title);
    p.text("description", &q.description);
    if q.areas.is_empty() {
        p.push("areas", K::NoAreas);
    }
    let mut numbers = HashSet::new();
    // Question ids in the order asked, to check that conditions look back.
    let mut earlier: HashMap<&str, &Question> = HashMap::new();
    // Earlier versions' ids, and the question that continues each.
    let mut continued: HashMap<&str, &str> = HashMap::new();
    for (a, area) in q.areas.iter().enumerate() {
        let at = format!("areas[{a}]");
        p.id(&format!("{at}.id"), &area.id, &mut ids);
        if !numbers.insert(area.number) {
            p.push(
                format!("{at}.number"),
                K::DuplicateAreaNumber {
                    number: area.number,
                },
            );
        }
        p.text(&format!("{at}.title"), &area.title);
        p.text(&format!("{at}.description"), &area.description);
        if area.questions.is_empty() {
            p.push(format!("{at}.questions"), K::NoQuestions);
        }
        for (i, question) in area.questions.iter().enumerate() {
            let at = format!("{at}.questions[{i}]");
            p.id(&format!("{at}.id"), &question.id, &mut ids);
            check_question(&mut p, &at, question);
            check_continues(&mut p, &at, question, &mut continued);
            if let Some(condition) = &question.show_if {
                check_condition(&mut p, &format!("{at}.show_if"), condition, &earlier, q);
            }
            earlier.insert(&question.id, question);
        }
    }
    let mut grouped = HashSet::new();
    for (g, group) in q.groups.iter().enumerate() {
        let at = format!("groups[{g}]");
        p.id(&format!("{at}.id"), &group.id, &mut ids);
        p.text(&format!("{at}.title"), &group.title);
        if group.areas.is_empty() {
            p.push(format!("{at}.areas"), K::GroupEmpty);
        }
        for (i, area) in group.areas.iter().enumerate() {
            let at = format!("{at}.areas[{i}]");
            if q.area(area).is_none() {
                p.push(at, K::UnknownArea { id: area.clone() });
            } else if !grouped.insert(area.as_str()) {
                p.push(at, K::AreaInTwoGroups { id: area.clone() });
            }
        }
    }
    p.0
}

fn check_question(p: &mut Problems, at: &str, question: &Question) {
    p.text(&format!("{at}.text"), &question.text);
    if let Some(label) = &question.label {
        p.text(&format!("{at}.label"), label);
    }
    p.text(&format!("{at}.help"), &question.help);
    p.text(&format!("{at}.evidence"), &question.evidence);
    let kind = question.kind_name();
    let misplaced = |field: &'static str| K::FieldNotForKind { field, kind };
    if question.kind == QuestionKind::Scale {
        if question.levels.len() != 6 {
            p.push(
                format!("{at}.levels"),
                K::LevelCount {
                    found: question.levels.len(),
                },
            );
        }
        for (l, level) in question.levels.iter().enumerate() {
            p.text(&format!("{at}.levels[{l}]"), level);
        }
    } else if !question.levels.is_empty() {
        p.push(format!("{at}.levels"), misplaced("levels"));
    }
    if question.partly && question.kind != QuestionKind::YesNo {
        p.push(format!("{at}.partly"), misplaced("partly"));
    }
    if matches!(question.kind, QuestionKind::YesNo | QuestionKind::Choice) {
        let possible = question.closed_values().unwrap_or_default();
        for (v, value) in question.evidence_required.iter().enumerate() {
            if !possible.contains(value) {
                p.push(
                    format!("{at}.evidence_required[{v}]"),
                    K::EvidenceValue {
                        value: value.clone(),
                    },
                );
            }
        }
    } else if !question.evidence_required.is_empty() {
        p.push(
            format!("{at}.evidence_required"),
            misplaced("evidence_required"),
        );
    }
    if question.kind == QuestionKind::Choice {
        if question.options.len() < 2 {
            p.push(format!("{at}.options"), K::TooFewOptions);
        }
        let mut seen = HashSet::new();
        for (o, option) in question.options.iter().enumerate() {
            p.id(&format!("{at}.options[{o}].id"), &option.id, &mut seen);
            p.text(&format!("{at}.options[{o}].label"), &option.label);
        }
    } else if !question.options.is_empty() {
        p.push(format!("{at}.options"), misplaced("options"));
    }
    if question.kind == QuestionKind::Number {
        if let (Some(min), Some(max)) = (question.min, question.max)
            && min > max
        {
            p.push(format!("{at}.min"), K::NumberBounds);
        }
        if let Some(unit) = &question.unit {
            p.text(&format!("{at}.unit"), unit);
        }
    } else {
        for (field, present) in [
            ("min", question.min.is_some()),
            ("max", question.max.is_some()),
            ("integer", question.integer),
            ("unit", question.unit.is_some()),
        ] {
            if present {
                p.push(format!("{at}.{field}"), misplaced(field));
            }
        }
    }
}

/// The ids a question continues: well-formed, each listed once, and continued by one
/// question only, so that an earlier answer is carried to at most one question.
fn check_continues<'q>(
    p: &mut Problems,
    at: &str,
    question: &'q Question,
    continued: &mut HashMap<&'q str, &'q str>,
) {
    for (c, id) in question.continues.iter().enumerate() {
        let at = format!("{at}.continues[{c}]");
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            p.push(at, K::BadId { id: id.clone() });
            continue;
        }
        match continued.get(id.as_str()) {
            Some(&by) if by == question.id => p.push(at, K::ContinuesTwice { id: id.clone() }),
            Some(&by) => p.push(
                at,
                K::ContinuedTwice {
                    id: id.clone(),
                    question: by.to_string(),
                },
            ),
            None => {
                continued.insert(id, &question.id);
            }
        }
    }
}

fn check_condition(
    p: &mut Problems,
    at: &str,
    condition: &Condition,
    earlier: &HashMap<&str, &Question>,
    q: &Questionnaire,
) {
    if condition.test_count() != 1 {
        p.push(at, K::ConditionTestCount);
    }
    let Some(target) = earlier.get(condition.question.as_str()) else {
        let kind = if q.question(&condition.question).is_some() {
            K::ConditionNotEarlier {
                id: condition.question.clone(),
            }
        } else {
            K::ConditionUnknownQuestion {
                id: condition.question.clone(),
            }
        };
        p.push(format!("{at}.question"), kind);
        return;
    };
    if let Some(values) = &condition.any_of {
        if let Some(possible) = target.closed_values() {
            for (v, value) in values.iter().enumerate() {
                let key = match value {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                if !possible.contains(&key) {
                    p.push(
                        format!("{at}.any_of[{v}]"),
                        K::ConditionValue {
                            value: key,
                            question: target.id.clone(),
                        },
                    );
                }
            }
        }
    } else if !matches!(target.kind, QuestionKind::Scale | QuestionKind::Number) {
        p.push(
            format!("{at}.question"),
            K::ConditionNotNumeric {
                question: target.id.clone(),
            },
        );
    }
}

/// Checks a rubric on its own and, when given, against the questionnaire it scores.
pub fn rubric(r: &Rubric, q: Option<&Questionnaire>) -> Vec<Problem> {
    // A rubric for another questionnaire would find every question missing: that one cause
    // is said alone.
    if let Some(q) = q.filter(|q| q.id != r.questionnaire.id) {
        return vec![Problem::new(
            "questionnaire.id",
            K::RubricForOther {
                rubric_for: r.questionnaire.id.clone(),
                questionnaire: q.id.clone(),
            },
        )];
    }
    let mut p = Problems::default();
    p.id("id", &r.id, &mut HashSet::new());
    p.text("title", &r.title);
    if !(0.0..=1.0).contains(&r.coverage.min) {
        p.push(
            "coverage.min",
            K::CoverageRange {
                value: r.coverage.min,
            },
        );
    }
    check_levels(&mut p, "levels", &r.levels);
    if r.overall.min_areas > r.areas.len() {
        p.push(
            "overall.min_areas",
            K::MinAreas {
                min: r.overall.min_areas,
                areas: r.areas.len(),
            },
        );
    }

    let mut area_ids = HashSet::new();
    let mut scored = HashSet::new();
    for (a, area) in r.areas.iter().enumerate() {
        let at = format!("areas[{a}]");
        if !area_ids.insert(area.area.clone()) {
            p.push(
                format!("{at}.area"),
                K::DuplicateId {
                    id: area.area.clone(),
                },
            );
        }
        if area.weight.is_nan() || area.weight <= 0.0 {
            p.push(
                format!("{at}.weight"),
                K::WeightNotPositive {
                    weight: area.weight,
                },
            );
        } else if !(area.weight.is_finite() && area.weight <= MAX_WEIGHT) {
            p.push(
                format!("{at}.weight"),
                K::WeightTooLarge {
                    weight: area.weight,
                },
            );
        }
        if let Some(levels) = &area.levels {
            check_levels(&mut p, &format!("{at}.levels"), levels);
        }
        for band in area.levels(r) {
            if area.next_step(band.level).is_none() {
                p.push(
                    format!("{at}.next_steps"),
                    K::NextStepMissing { level: band.level },
                );
            }
        }
        for (s, step) in area.next_steps.iter().enumerate() {
            p.text(&format!("{at}.next_steps[{s}].text"), &step.text);
            if step.level > 5 {
                p.push(
                    format!("{at}.next_steps[{s}].level"),
                    K::LevelOutOfRange { level: step.level },
                );
            }
        }
        let questionnaire_area = q.map(|q| q.area(&area.area));
        if questionnaire_area == Some(None) {
            p.push(
                format!("{at}.area"),
                K::UnknownArea {
                    id: area.area.clone(),
                },
            );
        }
        if area.questions.is_empty() {
            p.push(format!("{at}.questions"), K::NoQuestions);
        }
        for (i, rule) in area.questions.iter().enumerate() {
            let at = format!("{at}.questions[{i}]");
            if !scored.insert(rule.question.clone()) {
                p.push(
                    format!("{at}.question"),
                    K::ScoredTwice {
                        id: rule.question.clone(),
                    },
                );
            }
            if rule.weight.is_nan() || rule.weight <= 0.0 {
                p.push(
                    format!("{at}.weight"),
                    K::WeightNotPositive {
                        weight: rule.weight,
                    },
                );
            } else if !(rule.weight.is_finite() && rule.weight <= MAX_WEIGHT) {
                p.push(
                    format!("{at}.weight"),
                    K::WeightTooLarge {
                        weight: rule.weight,
                    },
                );
            }
            check_points_range(&mut p, &at, rule.points.as_ref());
            let Some(q) = q else { continue };
            let Some((home, question)) = q.questions().find(|(_, x)| x.id == rule.question) else {
                p.push(
                    format!("{at}.question"),
                    K::UnknownQuestion {
                        id: rule.question.clone(),
                    },
                );
                continue;
            };
            if home.id != area.area {
                p.push(
                    format!("{at}.question"),
                    K::QuestionInOtherArea {
                        question: rule.question.clone(),
                        area: home.id.clone(),
                    },
                );
            }
            check_points_fit(&mut p, &at, question, rule.points.as_ref());
        }
    }

    let mut rule_ids = HashSet::new();
    for (g, gate) in r.gates.iter().enumerate() {
        let at = format!("gates[{g}]");
        p.id(&format!("{at}.id"), &gate.id, &mut rule_ids);
        p.text(&format!("{at}.reason"), &gate.reason);
        if !(0.0..=5.0).contains(&gate.cap) {
            p.push(format!("{at}.cap"), K::CapRange { cap: gate.cap });
        }
        if let Some(area) = &gate.area
            && !area_ids.contains(area)
        {
            p.push(
                format!("{at}.area"),
                K::TestUnscoredArea { id: area.clone() },
            );
        }
        check_when(&mut p, &format!("{at}.when"), &gate.when, r, q, &area_ids);
    }

    if let Some(verdict) = &r.verdict {
        if verdict.bands.is_empty() {
            p.push("verdict.bands", K::BandsEmpty);
        }
        let mut band_ids = HashSet::new();
        for (b, band) in verdict.bands.iter().enumerate() {
            p.id(&format!("verdict.bands[{b}].id"), &band.id, &mut band_ids);
            p.text(&format!("verdict.bands[{b}].name"), &band.name);
        }
        let descending = verdict.bands.windows(2).all(|w| w[0].min > w[1].min);
        if !descending || verdict.bands.last().is_some_and(|b| b.min != 0.0) {
            p.push("verdict.bands", K::BandsNotDescending);
        }
        for (b, blocker) in verdict.blockers.iter().enumerate() {
            let at = format!("verdict.blockers[{b}]");
            p.id(&format!("{at}.id"), &blocker.id, &mut rule_ids);
            p.text(&format!("{at}.reason"), &blocker.reason);
            if verdict.band(&blocker.limit).is_none() {
                p.push(
                    format!("{at}.limit"),
                    K::UnknownBand {
                        id: blocker.limit.clone(),
                    },
                );
            }
            check_when(
                &mut p,
                &format!("{at}.when"),
                &blocker.when,
                r,
                q,
                &area_ids,
            );
        }
    }

    if let Some(q) = q {
        if q.id != r.questionnaire.id {
            p.push(
                "questionnaire.id",
                K::RubricForOther {
                    rubric_for: r.questionnaire.id.clone(),
                    questionnaire: q.id.clone(),
                },
            );
        } else if !r.questionnaire.versions.contains(&q.version) {
            p.push(
                "questionnaire.versions",
                K::VersionNotScored {
                    version: q.version.clone(),
                    versions: r.questionnaire.versions.join(", "),
                },
            );
        }
        if q.kind == QuestionnaireKind::Readiness && r.verdict.is_none() {
            p.push("verdict", K::VerdictMissing);
        }
    }
    p.0
}

/// The largest weight a rubric may give: weights count relative to each other, and larger
/// ones only lose precision in the sums.
pub const MAX_WEIGHT: f64 = 1_000_000.0;

/// The longest text a file from a region may hold in one field: room for pages of comment,
/// not for a file pasted in by mistake.
pub const MAX_TEXT: usize = 20_000;

/// Every string in a file's JSON longer than [`MAX_TEXT`] characters, at its path.
fn long_texts(p: &mut Problems, value: &serde_json::Value, at: &str) {
    match value {
        serde_json::Value::String(text) => {
            let length = text.chars().count();
            if length > MAX_TEXT {
                p.push(at, K::TextTooLong { length });
            }
        }
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                long_texts(p, item, &format!("{at}[{i}]"));
            }
        }
        serde_json::Value::Object(fields) => {
            for (key, field) in fields {
                let path = if at.is_empty() {
                    key.clone()
                } else {
                    format!("{at}.{key}")
                };
                long_texts(p, field, &path);
            }
        }
        _ => {}
    }
}

/// The year an edition was made, as its version says: `2025.1` was made in 2025.
fn edition_year(version: &str) -> Option<i32> {
    let (year, _) = version.split_once('.')?;
    year.parse().ok().filter(|y| (2000..=2100).contains(y))
}

fn check_levels(p: &mut Problems, at: &str, levels: &[LevelBand]) {
    if levels.is_empty() {
        p.push(at, K::LevelsEmpty);
        return;
    }
    if levels[0].min != 0.0 {
        p.push(format!("{at}[0].min"), K::LevelsFirstNotZero);
    }
    if levels
        .windows(2)
        .all(|w| w[0].level < w[1].level && w[0].min < w[1].min)
    {
        for (l, w) in levels.windows(2).enumerate() {
            if w[1].level != w[0].level + 1 {
                p.push(
                    format!("{at}[{}].level", l + 1),
                    K::LevelsGap {
                        after: w[0].level,
                        next: w[1].level,
                    },
                );
            }
        }
    } else {
        p.push(at, K::LevelsNotAscending);
    }
    for (l, band) in levels.iter().enumerate() {
        if band.level > 5 {
            p.push(
                format!("{at}[{l}].level"),
                K::LevelOutOfRange { level: band.level },
            );
        }
        if !(0.0..=5.0).contains(&band.min) {
            p.push(format!("{at}[{l}].min"), K::BelowRange { below: band.min });
        }
        p.text(&format!("{at}[{l}].name"), &band.name);
    }
}

fn check_points_range(p: &mut Problems, at: &str, points: Option<&Points>) {
    let values: Vec<(String, f64)> = match points {
        Some(Points::Table(table)) => table
            .iter()
            .map(|(k, v)| (format!("{at}.points.{k}"), *v))
            .collect(),
        Some(Points::Bands(bands)) => {
            if !bands.windows(2).all(|w| w[0].at_least < w[1].at_least) {
                p.push(format!("{at}.points"), K::BandsNotAscending);
            }
            bands
                .iter()
                .enumerate()
                .map(|(b, band)| (format!("{at}.points[{b}].points"), band.points))
                .collect()
        }
        None => Vec::new(),
    };
    for (path, value) in values {
        if !(0.0..=5.0).contains(&value) {
            p.push(path, K::PointsOutOfRange { points: value });
        }
    }
}

fn check_points_fit(p: &mut Problems, at: &str, question: &Question, points: Option<&Points>) {
    let kind = question.kind_name();
    match (question.kind, points) {
        (QuestionKind::Text, _) => p.push(
            format!("{at}.question"),
            K::NotScorable {
                id: question.id.clone(),
            },
        ),
        (QuestionKind::Scale, None) => {}
        (QuestionKind::Number, Some(Points::Bands(bands))) => check_bands(p, at, question, bands),
        (QuestionKind::YesNo | QuestionKind::Choice | QuestionKind::Number, None) => {
            p.push(format!("{at}.points"), K::PointsRequired { kind });
        }
        (QuestionKind::Number, Some(Points::Table(_))) => {
            p.push(
                format!("{at}.points"),
                K::PointsShape {
                    expected: "a list of bands",
                },
            );
        }
        (_, Some(Points::Bands(_))) => {
            p.push(
                format!("{at}.points"),
                K::PointsShape {
                    expected: "an object from answers to points",
                },
            );
        }
        (_, Some(Points::Table(table))) => {
            let possible = question.closed_values().unwrap_or_default();
            for value in &possible {
                if !table.contains_key(value) {
                    p.push(
                        format!("{at}.points"),
                        K::PointsMissing {
                            value: value.clone(),
                        },
                    );
                }
            }
            for key in table.keys() {
                if !possible.contains(key) {
                    p.push(
                        format!("{at}.points.{key}"),
                        K::PointsUnknownKey { key: key.clone() },
                    );
                }
            }
        }
    }
}

/// Number bands must give points to every answer the question allows. Each band reaches up
/// to the next one, and the last has no end, so only the stretch below the first band can be
/// left uncovered: an answer there would count as unanswered and lower coverage, whatever it
/// says. For whole numbers only the whole numbers below the first band matter.
fn check_bands(p: &mut Problems, at: &str, question: &Question, bands: &[Band]) {
    // The lowest band, which is the first unless the bands are out of order (said apart).
    let Some((b, first)) = bands
        .iter()
        .enumerate()
        .min_by(|x, y| x.1.at_least.total_cmp(&y.1.at_least))
    else {
        p.push(format!("{at}.points"), K::PointsBandsEmpty);
        return;
    };
    let path = format!("{at}.points[{b}].at_least");
    let lowest = question.min.map(|min| {
        if question.integer {
            (min - EPSILON).ceil()
        } else {
            min
        }
    });
    let Some(lowest) = lowest else {
        p.push(
            path,
            K::BandsUncovered {
                from: None,
                to: first.at_least,
                to_included: false,
                integer: question.integer,
                first: first.at_least,
            },
        );
        return;
    };
    if lowest + EPSILON >= first.at_least {
        return;
    }
    let max = question.max.unwrap_or(f64::INFINITY);
    let (to, to_included) = if question.integer {
        // The highest whole number that still falls below the first band.
        let below = (first.at_least - EPSILON).ceil() - 1.0;
        ((max + EPSILON).floor().min(below), true)
    } else if max + EPSILON < first.at_least {
        (max, true)
    } else {
        (first.at_least, false)
    };
    if to < lowest {
        // Not one allowed whole number lies below the first band.
        return;
    }
    p.push(
        path,
        K::BandsUncovered {
            from: Some(lowest),
            to,
            to_included,
            integer: question.integer,
            first: first.at_least,
        },
    );
}

/// A gate's or blocker's `when`: one test, or every test in `all` checked as one is.
fn check_when(
    p: &mut Problems,
    at: &str,
    when: &RubricCondition,
    r: &Rubric,
    q: Option<&Questionnaire>,
    scored_areas: &HashSet<String>,
) {
    match when {
        RubricCondition::One(test) => check_test(p, at, test, r, q, scored_areas),
        RubricCondition::All(all) if all.all.is_empty() => {
            p.push(format!("{at}.all"), K::ConditionEmpty);
        }
        RubricCondition::All(all) => {
            for (t, test) in all.all.iter().enumerate() {
                check_test(p, &format!("{at}.all[{t}]"), test, r, q, scored_areas);
            }
        }
    }
}

fn check_test(
    p: &mut Problems,
    at: &str,
    test: &Test,
    r: &Rubric,
    q: Option<&Questionnaire>,
    scored_areas: &HashSet<String>,
) {
    for (field, limit) in [("below", test.below), ("at_least", test.at_least)] {
        if let Some(limit) = limit
            && !(0.0..=5.0).contains(&limit)
        {
            p.push(format!("{at}.{field}"), K::BelowRange { below: limit });
        }
    }
    let thresholds = [
        test.below.is_some(),
        test.at_least.is_some(),
        test.is.is_some(),
    ];
    if thresholds.iter().filter(|set| **set).count() != 1 {
        p.push(at, K::TestThreshold);
    }
    match (&test.question, &test.area) {
        (Some(id), None) => {
            let Some(q) = q else { return };
            match q.question(id) {
                None => p.push(
                    format!("{at}.question"),
                    K::UnknownQuestion { id: id.clone() },
                ),
                Some(question) => {
                    if let Some(named) = &test.is {
                        check_answers(p, at, question, named);
                        return;
                    }
                    let has_points = question.kind == QuestionKind::Scale
                        || r.question_rule(id)
                            .is_some_and(|(_, rule)| rule.points.is_some());
                    if !has_points {
                        p.push(
                            format!("{at}.question"),
                            K::TestUnscoredQuestion { id: id.clone() },
                        );
                    }
                }
            }
        }
        (None, Some(id)) => {
            if !scored_areas.contains(id) {
                p.push(format!("{at}.area"), K::TestUnscoredArea { id: id.clone() });
            }
            if test.is.is_some() {
                p.push(format!("{at}.is"), K::TestAnswerKind { id: id.clone() });
            }
        }
        _ => p.push(at, K::TestSubject),
    }
}

/// The answers an `is` names: a yes/no or choice question's, and at least one.
fn check_answers(p: &mut Problems, at: &str, question: &Question, named: &[String]) {
    let possible: Vec<&str> = match question.kind {
        QuestionKind::YesNo if question.partly => vec![YES, NO, PARTLY],
        QuestionKind::YesNo => vec![YES, NO],
        QuestionKind::Choice => question.options.iter().map(|o| o.id.as_str()).collect(),
        _ => {
            p.push(
                format!("{at}.is"),
                K::TestAnswerKind {
                    id: question.id.clone(),
                },
            );
            return;
        }
    };
    if named.is_empty() {
        p.push(format!("{at}.is"), K::TestThreshold);
    }
    for (n, answer) in named.iter().enumerate() {
        if !possible.contains(&answer.as_str()) {
            p.push(
                format!("{at}.is[{n}]"),
                K::TestUnknownAnswer {
                    id: question.id.clone(),
                    answer: answer.clone(),
                },
            );
        }
    }
}

/// Checks published national figures: counts within the denominator, one of a count or the
/// source's words for each year, years in order, and indicators that a built-in questionnaire
/// asks about.
pub fn published(p: &crate::published::Published) -> Vec<Problem> {
    let mut problems = Problems::default();
    problems.id("id", &p.id, &mut HashSet::new());
    problems.text("title", &p.title);
    problems.text("source", &p.source);
    problems.text("short", &p.short);
    let indicators: HashSet<String> = crate::builtin::EDITIONS
        .iter()
        .filter_map(|e| e.questionnaire().ok())
        .flat_map(|q| {
            q.questions()
                .filter_map(|(_, x)| x.indicator.clone())
                .collect::<Vec<_>>()
        })
        .collect();
    let mut seen = HashSet::new();
    for (f, figure) in p.figures.iter().enumerate() {
        let at = format!("figures[{f}]");
        problems.id(&format!("{at}.indicator"), &figure.indicator, &mut seen);
        if !indicators.contains(&figure.indicator) {
            problems.push(
                format!("{at}.indicator"),
                K::UnknownIndicator {
                    id: figure.indicator.clone(),
                },
            );
        }
        if !figure.values.windows(2).all(|w| w[0].year < w[1].year) {
            problems.push(format!("{at}.values"), K::YearsNotAscending);
        }
        for (v, value) in figure.values.iter().enumerate() {
            let at = format!("{at}.values[{v}]");
            match (&value.count, &value.text) {
                (Some(count), None) if *count > p.of => {
                    problems.push(
                        format!("{at}.count"),
                        K::CountAboveTotal {
                            count: *count,
                            of: p.of,
                        },
                    );
                }
                (Some(_), None) => {}
                (None, Some(text)) => problems.text(&format!("{at}.text"), text),
                _ => problems.push(at, K::CountOrText),
            }
        }
    }
    problems.0
}

/// Checks a national reference: no figure below the minimum published, no withheld figure with
/// values, the statistics in order and the counts adding up. A reference that `benchmark` wrote
/// passes; these catch hand edits and damage.
pub fn national(n: &crate::national::National) -> Vec<Problem> {
    let mut problems = Problems::default();
    if !(2000..=2100).contains(&n.year) {
        problems.push(
            "year",
            K::YearRange {
                year: i64::from(n.year),
            },
        );
    }
    let mut seen = HashSet::new();
    for (s, section) in n.questionnaires.iter().enumerate() {
        let at = format!("questionnaires[{s}]");
        problems.id(&format!("{at}.id"), &section.id, &mut seen);
        problems.stat(&format!("{at}.overall"), &section.overall, n.min_regions);
        for (list, figures) in [
            ("areas", &section.areas),
            ("groups", &section.groups),
            ("questions", &section.questions),
        ] {
            for (f, figure) in figures.iter().enumerate() {
                problems.stat(&format!("{at}.{list}[{f}]"), &figure.stat, n.min_regions);
            }
        }
        for (c, count) in section.indicators.iter().enumerate() {
            let at = format!("{at}.indicators[{c}]");
            if count.withheld && !count.counts.is_empty() {
                problems.push(format!("{at}.counts"), K::WithheldWithValues);
            } else if !count.withheld && count.n < n.min_regions {
                problems.push(
                    format!("{at}.n"),
                    K::BelowMinimum {
                        n: count.n,
                        min: n.min_regions,
                    },
                );
            } else if !count.withheld {
                let sum: u32 = count.counts.values().sum();
                if sum != count.n {
                    problems.push(
                        format!("{at}.counts"),
                        K::CountsDoNotAddUp { sum, n: count.n },
                    );
                }
            }
        }
    }
    problems.0
}

/// Checks answers against the questionnaire they name.
pub fn answers(a: &Answers, q: &Questionnaire) -> Vec<Problem> {
    let mut p = Problems::default();
    if let Ok(value) = serde_json::to_value(a) {
        long_texts(&mut p, &value, "");
    }
    if a.questionnaire.version == q.version {
        match &a.questionnaire.hash {
            None => p.push("questionnaire.hash", K::HashMissing),
            Some(hash) if *hash != q.content_hash() => p.push("questionnaire.hash", K::HashChanged),
            Some(_) => {}
        }
    } else {
        p.push(
            "questionnaire.version",
            K::AnsweredOtherVersion {
                answered: a.questionnaire.version.clone(),
                current: q.version.clone(),
            },
        );
    }
    if a.region.trim().is_empty() {
        p.push("region", K::EmptyRegion);
    }
    if !(2000..=2100).contains(&a.year) {
        p.push(
            "year",
            K::YearRange {
                year: i64::from(a.year),
            },
        );
    } else if let Some(edition) = edition_year(&a.questionnaire.version)
        // An edition may describe the year before it was made (the 2025 edition asked about
        // 2024, as an assessment looks back); further back is a mistake in the year.
        && a.year + 1 < edition
    {
        p.push(
            "year",
            K::YearBeforeEdition {
                year: a.year,
                version: a.questionnaire.version.clone(),
            },
        );
    }
    if let Some(date) = &a.date
        && (date.len() != 10 || date.parse::<jiff::civil::Date>().is_err())
    {
        p.push("date", K::BadDate { date: date.clone() });
    }
    match (q.kind, &a.solution) {
        (QuestionnaireKind::Readiness, None) => p.push("solution", K::SolutionMissing),
        (QuestionnaireKind::Readiness, Some(solution)) => {
            if solution.name.trim().is_empty() || solution.target_group.trim().is_empty() {
                p.push("solution", K::SolutionMissing);
            }
        }
        (QuestionnaireKind::Maturity, Some(_)) => p.push("solution", K::SolutionNotExpected),
        (QuestionnaireKind::Maturity, None) => {}
    }
    if let Some(merge) = &a.merge
        && !(merge.split_share > 0.0 && merge.split_share <= 1.0)
    {
        p.push(
            "merge.split_share",
            K::SplitShareRange {
                value: merge.split_share,
            },
        );
    }
    check_targets(&mut p, &a.targets, q);
    for id in a.drafts.keys().chain(&a.position) {
        if q.question(id).is_none() {
            let at = if a.position.as_ref() == Some(id) {
                "position".to_string()
            } else {
                format!("drafts.{id}")
            };
            p.push(at, K::AnswerUnknownQuestion { id: id.clone() });
        }
    }
    for (id, answer) in &a.answers {
        let at = format!("answers.{id}");
        let Some(question) = q.question(id) else {
            p.push(at, K::AnswerUnknownQuestion { id: id.clone() });
            continue;
        };
        let team = !answer.respondents.is_empty();
        if a.merge.is_none() && (team || answer.split || answer.consensus.is_some()) {
            p.push(at.clone(), K::TeamWithoutMerge);
        }
        check_respondents(&mut p, &at, question, answer, a);
        // A team's answer may be empty while its respondents' answers are kept: nobody gave
        // a value to a text question, or the question is not asked under the team's answers.
        if !(team && answer.value.is_none() && answer.status.is_none()) {
            check_answer(&mut p, &at, question, answer);
        }
        if question.lacks_evidence(answer)
            && q.is_asked(question, a)
            && let Some(value) = &answer.value
        {
            p.push(at.clone(), K::AnswerWithoutEvidence { value: value.key() });
        }
        if answer.value.is_some()
            && !q.is_asked(question, a)
            && let Some(condition) = &question.show_if
        {
            p.push(
                at,
                K::AnsweredButNotAsked {
                    condition: describe(condition),
                },
            );
        }
    }
    p.0
}

/// A team's answer: every respondent's answer fits the question and names a respondent of the
/// file, once; an agreement says why.
fn check_respondents(
    p: &mut Problems,
    at: &str,
    question: &Question,
    answer: &Answer,
    a: &Answers,
) {
    let mut seen = HashSet::new();
    for (r, given) in answer.respondents.iter().enumerate() {
        let at = format!("{at}.respondents[{r}]");
        if !a.respondents.iter().any(|known| known.name == given.name) {
            p.push(
                format!("{at}.name"),
                K::RespondentUnknown {
                    name: given.name.clone(),
                },
            );
        }
        if !seen.insert(given.name.as_str()) {
            p.push(
                format!("{at}.name"),
                K::RespondentTwice {
                    name: given.name.clone(),
                },
            );
        }
        check_answer(p, &at, question, &given.answer());
    }
    if let Some(consensus) = &answer.consensus {
        if consensus.rationale.trim().is_empty() {
            p.push(format!("{at}.consensus.rationale"), K::EmptyRationale);
        }
        if let Some(date) = &consensus.date
            && (date.len() != 10 || date.parse::<jiff::civil::Date>().is_err())
        {
            p.push(
                format!("{at}.consensus.date"),
                K::BadDate { date: date.clone() },
            );
        }
    }
}

/// Checks a targets file against the questionnaire it names and, when given, the rubric that
/// scores it: every area known, every target a level 1–5, and (with the rubric) every area
/// scored.
pub fn targets(t: &Targets, q: &Questionnaire, r: Option<&Rubric>) -> Vec<Problem> {
    let mut p = Problems::default();
    if let Ok(value) = serde_json::to_value(t) {
        long_texts(&mut p, &value, "");
    }
    if t.region.trim().is_empty() {
        p.push("region", K::EmptyRegion);
    }
    if let Some(year) = t.year
        && !(2000..=2100).contains(&year)
    {
        p.push(
            "year",
            K::YearRange {
                year: i64::from(year),
            },
        );
    }
    check_targets(&mut p, &t.targets, q);
    if let Some(r) = r {
        p.0.extend(unscored_targets(&t.targets, q, r));
    }
    p.0
}

/// Targets on areas that the questionnaire has but the rubric does not score: worth a
/// warning, since such a target can never be followed up.
pub fn unscored_targets(
    targets: &IndexMap<String, u8>,
    q: &Questionnaire,
    r: &Rubric,
) -> Vec<Problem> {
    let mut problems: Vec<Problem> = targets
        .keys()
        .filter(|id| q.area(id).is_some() && r.area_rule(id).is_none())
        .map(|id| {
            Problem::new(
                format!("targets.{id}"),
                K::TargetUnscoredArea { id: id.clone() },
            )
        })
        .collect();
    // A target above the area's highest level could never be reached.
    for (id, &target) in targets {
        if let Some(rule) = r.area_rule(id)
            && let Some(top) = rule.levels(r).iter().map(|b| b.level).max()
            && target > top
        {
            problems.push(Problem::new(
                format!("targets.{id}"),
                K::TargetAboveTop {
                    id: id.clone(),
                    target,
                    top,
                },
            ));
        }
    }
    problems
}

fn check_targets(p: &mut Problems, targets: &IndexMap<String, u8>, q: &Questionnaire) {
    for (id, level) in targets {
        let at = format!("targets.{id}");
        if q.area(id).is_none() {
            let areas: Vec<&str> = q.areas.iter().map(|a| a.id.as_str()).collect();
            p.push(
                at.clone(),
                K::TargetUnknownArea {
                    id: id.clone(),
                    areas: areas.join(", "),
                },
            );
        }
        if !targets::LEVELS.contains(level) {
            p.push(at, K::TargetRange { level: *level });
        }
    }
}

fn describe(condition: &Condition) -> String {
    let test = if let Some(values) = &condition.any_of {
        let values: BTreeSet<String> = values.iter().map(ToString::to_string).collect();
        format!(
            "∈ {{{}}}",
            values.into_iter().collect::<Vec<_>>().join(", ")
        )
    } else if let Some(min) = condition.at_least {
        format!("≥ {min}")
    } else if let Some(max) = condition.at_most {
        format!("≤ {max}")
    } else {
        String::new()
    };
    format!("{} {test}", condition.question)
}

/// Whether one answer fits its question: the value's type and range, and whether the
/// question allows *Vet ej* or *Ej tillämpligt*.
pub fn answer_fits(question: &Question, answer: &Answer) -> bool {
    let mut p = Problems::default();
    check_answer(&mut p, "", question, answer);
    p.0.is_empty()
}

fn check_answer(p: &mut Problems, at: &str, question: &Question, answer: &Answer) {
    match (&answer.value, answer.status) {
        (Some(_), Some(_)) => p.push(at, K::ValueAndStatus),
        (None, None) => p.push(at, K::NoValue),
        (None, Some(Status::DontKnow)) if !question.dont_know => {
            p.push(format!("{at}.status"), K::DontKnowNotAllowed);
        }
        (None, Some(Status::NotApplicable)) if !question.not_applicable => {
            p.push(format!("{at}.status"), K::NotApplicableNotAllowed);
        }
        (None, Some(_)) => {}
        (Some(value), None) => {
            let at = format!("{at}.value");
            let found = value.0.to_string();
            match question.kind {
                QuestionKind::Scale => {
                    if value.as_level().is_none() {
                        match value.0.as_f64() {
                            // 2.5 is inside the scale, only not a level: said as such.
                            Some(f) if (0.0..=5.0).contains(&f) => {
                                p.push(at, K::NotInteger { found });
                            }
                            Some(_) => p.push(at, K::LevelRange { found }),
                            None => p.push(
                                at,
                                K::ValueType {
                                    expected: "a level 0–5",
                                    found,
                                },
                            ),
                        }
                    }
                }
                QuestionKind::YesNo | QuestionKind::Choice => {
                    let possible = question.closed_values().unwrap_or_default();
                    match value.as_str() {
                        Some(s) if possible.iter().any(|v| v == s) => {}
                        Some(s) => p.push(
                            at,
                            K::NotAnOption {
                                found: s.to_string(),
                                options: possible.join(", "),
                            },
                        ),
                        None => {
                            let expected = match (question.kind, question.partly) {
                                (QuestionKind::Choice, _) => "an option id",
                                (_, true) => "\"yes\", \"partly\" or \"no\"",
                                (_, false) => "\"yes\" or \"no\"",
                            };
                            p.push(at, K::ValueType { expected, found });
                        }
                    }
                }
                QuestionKind::Number => match value.as_number() {
                    None => p.push(
                        at,
                        K::ValueType {
                            expected: "a number",
                            found,
                        },
                    ),
                    Some(number) => {
                        let below = question.min.is_some_and(|min| number < min);
                        let above = question.max.is_some_and(|max| number > max);
                        if below || above {
                            let bound = |b: Option<f64>| {
                                b.map_or_else(|| "…".to_string(), |b| b.to_string())
                            };
                            p.push(
                                at.clone(),
                                K::NumberRange {
                                    found: found.clone(),
                                    min: bound(question.min),
                                    max: bound(question.max),
                                },
                            );
                        }
                        if question.integer && number.fract() != 0.0 {
                            p.push(at, K::NotInteger { found });
                        }
                    }
                },
                QuestionKind::Text => {
                    if value.as_str().is_none() {
                        p.push(
                            at,
                            K::ValueType {
                                expected: "text",
                                found,
                            },
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use serde_json::json;

    fn number(extra: &serde_json::Value) -> Question {
        let mut q = json!({"id": "n", "kind": "number", "text": {"sv": "T", "en": "T"},
            "help": {"sv": "H", "en": "H"}, "evidence": {"sv": "E", "en": "E"}});
        q.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        serde_json::from_value(q).unwrap()
    }

    /// The problems with bands starting at each of `starts`, in both languages.
    fn bands(question: &serde_json::Value, starts: &[f64]) -> Vec<(String, String, String)> {
        let bands: Vec<Band> = starts
            .iter()
            .map(|&at_least| Band {
                at_least,
                points: 1.0,
            })
            .collect();
        let mut p = Problems::default();
        check_bands(&mut p, "areas[0].questions[2]", &number(question), &bands);
        p.0.iter()
            .map(|problem| {
                (
                    problem.path.clone(),
                    problem.kind.message(Lang::Sv),
                    problem.kind.message(Lang::En),
                )
            })
            .collect()
    }

    #[test]
    fn bands_from_the_questions_min_cover_every_answer() {
        assert_eq!(bands(&json!({"min": 0, "max": 100}), &[0.0, 25.0]), vec![]);
        assert_eq!(bands(&json!({"min": 5}), &[0.0, 25.0]), vec![]);
        // A whole-number question from 0.5 allows 1 and up; a band from 1 covers them.
        assert_eq!(
            bands(&json!({"min": 0.5, "integer": true}), &[1.0, 25.0]),
            vec![]
        );
        // A band at 0.5 gives points to every whole number from 1: 0 is the only gap.
        let found = bands(&json!({"min": 0, "integer": true}), &[0.5]);
        assert_eq!(
            found[0].1,
            "svaret 0 får inga poäng: det första intervallet börjar på 0,5, men frågan tillåter svar från 0"
        );
        assert_eq!(
            found[0].2,
            "the answer 0 gets no points: the first band starts at 0.5, but the question allows answers from 0"
        );
    }

    #[test]
    fn a_first_band_above_the_min_names_the_answers_left_without_points() {
        let found = bands(
            &json!({"min": 0, "max": 100, "integer": true}),
            &[25.0, 50.0],
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "areas[0].questions[2].points[0].at_least");
        assert_eq!(
            found[0].1,
            "svaren 0–24 får inga poäng: det första intervallet börjar på 25, men frågan tillåter svar från 0"
        );
        assert_eq!(
            found[0].2,
            "answers 0–24 get no points: the first band starts at 25, but the question allows answers from 0"
        );

        let found = bands(&json!({"min": 0, "max": 100}), &[2.5]);
        assert_eq!(
            found[0].1,
            "svar från 0 till strax under 2,5 får inga poäng: det första intervallet börjar på 2,5, men frågan tillåter svar från 0"
        );
        assert_eq!(
            found[0].2,
            "answers from 0 up to just below 2.5 get no points: the first band starts at 2.5, but the question allows answers from 0"
        );

        // A band beyond the question's max leaves the whole range without points.
        let found = bands(&json!({"min": 0, "max": 5}), &[10.0]);
        assert_eq!(
            found[0].2,
            "answers from 0 to 5 get no points: the first band starts at 10, but the question allows answers from 0"
        );
        let found = bands(&json!({"min": 0, "max": 5, "integer": true}), &[10.0]);
        assert_eq!(
            found[0].2,
            "answers 0–5 get no points: the first band starts at 10, but the question allows answers from 0"
        );
    }

    #[test]
    fn without_a_min_no_first_band_covers_every_answer() {
        let found = bands(&json!({"max": 100}), &[0.0]);
        assert_eq!(found[0].0, "areas[0].questions[2].points[0].at_least");
        assert_eq!(
            found[0].1,
            "svar under 0 får inga poäng: det första intervallet börjar på 0, och frågan har inget `min`"
        );
        let hint = Problem::new(
            "",
            K::BandsUncovered {
                from: None,
                to: 0.0,
                to_included: false,
                integer: false,
                first: 0.0,
            },
        )
        .kind
        .hint(Lang::En);
        assert!(hint.contains("give the question a `min`"), "{hint}");
    }

    #[test]
    fn bands_out_of_order_are_checked_from_their_lowest() {
        let mut p = Problems::default();
        let bands = [(25.0, 3.0), (0.0, 0.0)].map(|(at_least, points)| Band { at_least, points });
        check_bands(&mut p, "q", &number(&json!({"min": 0})), &bands);
        assert!(p.0.is_empty(), "{:?}", p.0);
        let bands = [(25.0, 3.0), (10.0, 0.0)].map(|(at_least, points)| Band { at_least, points });
        check_bands(&mut p, "q", &number(&json!({"min": 0})), &bands);
        assert_eq!(p.0[0].path, "q.points[1].at_least");
    }

    #[test]
    fn an_empty_list_of_bands_is_refused() {
        let found = bands(&json!({"min": 0}), &[]);
        assert_eq!(found[0].0, "areas[0].questions[2].points");
        assert_eq!(
            found[0].1,
            "listan med intervall är tom, så inget svar får poäng"
        );
    }
}

#[cfg(test)]
mod condition_tests {
    use crate::document::{Document, parse};
    use crate::lang::Lang;
    use serde_json::json;

    /// The problems with the 2026.1 readiness rubric when blocker 3 has `when`.
    fn with_when(when: serde_json::Value) -> Vec<(String, String, String)> {
        let Ok(Document::Questionnaire(q)) =
            parse(include_str!("../questionnaires/beredskap-2026.1.json"))
        else {
            panic!("the built-in questionnaire parses")
        };
        let mut rubric: serde_json::Value =
            serde_json::from_str(include_str!("../scoring/beredskap-2026.1.json")).unwrap();
        rubric["verdict"]["blockers"][3]["when"] = when;
        let Ok(Document::Rubric(r)) = parse(&rubric.to_string()) else {
            panic!("the changed rubric parses")
        };
        super::rubric(&r, Some(&q))
            .iter()
            .map(|problem| {
                (
                    problem.path.clone(),
                    problem.kind.message(Lang::Sv),
                    problem.kind.hint(Lang::En),
                )
            })
            .collect()
    }

    #[test]
    fn a_condition_on_two_answers_that_exist_passes() {
        let when = json!({"all": [
            {"question": "r4-8", "is": ["no"], "unknown": "ignore"},
            {"question": "r6-9", "is": ["larm", "data"]},
            {"area": "r6", "at_least": 2}
        ]});
        assert_eq!(with_when(when), vec![]);
    }

    #[test]
    fn every_test_in_all_is_checked_as_a_single_one_is() {
        let problems = with_when(json!({"all": [
            {"question": "r4-8", "is": ["nej"]},
            {"question": "r9-99", "below": 2},
            {"question": "r1-1", "at_least": 7},
            {"question": "r1-1", "below": 2, "at_least": 1},
            {"question": "r1-1", "is": ["yes"]},
            {"area": "r6", "is": ["yes"]}
        ]}));
        let paths: Vec<&str> = problems.iter().map(|(path, _, _)| path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "verdict.blockers[3].when.all[0].is[0]",
                "verdict.blockers[3].when.all[1].question",
                "verdict.blockers[3].when.all[2].at_least",
                "verdict.blockers[3].when.all[3]",
                "verdict.blockers[3].when.all[4].is",
                "verdict.blockers[3].when.all[5].is",
            ],
            "{problems:#?}"
        );
        assert_eq!(problems[0].1, "frågan `r4-8` har inget svar `nej`");
        assert!(
            problems[0].2.contains("`options[].id`"),
            "{}",
            problems[0].2
        );
        assert_eq!(problems[2].1, "gränsen 7 ligger utanför 0–5");
        assert_eq!(
            problems[3].1,
            "ett villkor ska ha exakt ett av `below`, `at_least` och `is`"
        );
        assert_eq!(
            problems[4].1,
            "`is` anger svar, och `r1-1` är ingen ja/nej- eller flervalsfråga"
        );
    }

    #[test]
    fn an_empty_all_is_refused() {
        let problems = with_when(json!({"all": []}));
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(problems[0].0, "verdict.blockers[3].when.all");
        assert_eq!(problems[0].1, "`all` har inget villkor");
        assert!(problems[0].2.contains("one test without `all`"));
    }
}
