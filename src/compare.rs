//! Two years of one region's answers side by side: per area the score then and now, the change
//! and the level change; every answer that changed, with its comments; and what could not be
//! compared, with the reason. Pure: a questionnaire, a rubric and two sets of answers in, a
//! [`Comparison`] out; [`text`] writes it for people and [`csv`] for a spreadsheet.
//!
//! Answers given to another version of the questionnaire are carried into the current one only
//! through the questions' declared `continues` ([`carry`]), never by a matching id alone. Where
//! an area can be compared on only some of its scored questions, both years are scored on those
//! same questions, so that the change compares like with like.
//!
//! A questionnaire that groups its areas has each group compared too, from the area scores as
//! compared: when both files answered its version, or when the earlier edition is at hand and
//! declares the same group. A group new in this edition has a score now and none then.

pub mod csv;
pub mod text;

use std::collections::HashSet;

use indexmap::IndexMap;
use serde::Serialize;

use crate::answers::{Answer, Answers, Status};
use crate::answers::{choice_of, same};
use crate::lang::Text;
use crate::questionnaire::{Area, Question, Questionnaire};
use crate::scoring::{self, AreaScore, Reference, Rubric, Scorecard, round1};
use crate::validate::answer_fits;

pub const FORMAT: &str = "mognad.comparison/1";

/// Two years of answers compared.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    pub format: &'static str,
    pub region: String,
    /// The questionnaire both years are read in: the one the later answers were given to.
    pub questionnaire: Reference,
    /// The rubric both years are scored with.
    pub rubric: Reference,
    pub then: Side,
    pub now: Side,
    /// Whether both files answered the same version of the questionnaire. When not, only
    /// questions that declare an earlier question in `continues` are compared.
    pub same_version: bool,
    /// The areas the rubric scores, in the questionnaire's order.
    pub areas: Vec<AreaChange>,
    /// The questionnaire's groups of areas, in its order; absent when it declares none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<GroupChange>,
    pub overall: OverallChange,
    /// For a questionnaire whose rubric gives a verdict, the verdict then and now and the
    /// blockers that came or went; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<VerdictChange>,
    /// The compared questions whose answer changed, in the questionnaire's order.
    pub changed: Vec<ChangedAnswer>,
    /// What could not be compared, and why; empty when the versions are the same.
    pub left_out: Vec<LeftOut>,
}

/// One of the two files.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Side {
    pub year: i32,
    /// The questionnaire version answered.
    pub version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AreaChange {
    pub id: String,
    pub number: u32,
    pub title: Text,
    /// The score then, on the compared questions; `null` when there is none.
    pub then: Option<f64>,
    /// The score now, on the compared questions; on all of them when none could be compared.
    pub now: Option<f64>,
    /// `now − then`, rounded to one decimal, when both have a score.
    pub change: Option<f64>,
    pub level_then: Option<u8>,
    pub level_now: Option<u8>,
    /// How many of the area's scored questions are compared.
    pub compared: usize,
    /// How many questions the rubric scores in the area.
    pub questions: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<AreaNote>,
}

/// Why an area was not compared on all its scored questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaNote {
    /// Some of its scored questions are compared, and both years are scored on those only.
    Subset,
    /// None of its scored questions is compared: no score then, and no change.
    NotCompared,
}

/// A group of areas then and now: the weighted mean of its areas' scores as compared (with the
/// rubric's area weights), rounded as an area's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupChange {
    pub id: String,
    pub title: Text,
    /// The ids of its areas.
    pub areas: Vec<String>,
    /// The score then; `null` when none of its areas has one, or the group is not compared.
    pub then: Option<f64>,
    pub now: Option<f64>,
    /// `now − then`, rounded to one decimal, when both have a score.
    pub change: Option<f64>,
    pub level_then: Option<u8>,
    pub level_now: Option<u8>,
    /// How many of its areas have a score then and now.
    pub areas_then: usize,
    pub areas_now: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<GroupNote>,
}

/// Why a group has no score then.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupNote {
    /// The earlier edition does not declare the group: it is new.
    New,
    /// The earlier answers are to another version, whose questionnaire is not at hand to say
    /// whether it had the group.
    EarlierUnknown,
}

/// The overall index then and now, both from the area scores as compared.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OverallChange {
    pub then: Option<f64>,
    pub now: Option<f64>,
    pub change: Option<f64>,
    pub level_then: Option<u8>,
    pub level_now: Option<u8>,
    /// Areas with a score then and now, of `areas`; an index needs `min_areas`.
    pub areas_then: usize,
    pub areas_now: usize,
    pub areas: usize,
    pub min_areas: usize,
}

/// The verdict band then and now, both from the answers as compared, and the blockers that
/// held only then (`went`), only now (`came`) or both years (`stayed`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VerdictChange {
    /// The band's id then; `null` when there was no verdict.
    pub then: Option<String>,
    pub then_name: Option<Text>,
    pub now: Option<String>,
    pub now_name: Option<Text>,
    pub came: Vec<BlockerChange>,
    pub went: Vec<BlockerChange>,
    pub stayed: Vec<BlockerChange>,
}

/// A blocker of the verdict that holds in one year or both.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BlockerChange {
    pub id: String,
    pub reason: Text,
    /// The best band possible while it holds.
    pub limit: String,
    /// Whether it made that year's verdict worse than the index alone (now, for `stayed`
    /// and `came`; then, for `went`).
    pub decisive: bool,
}

/// A compared question whose answer changed, from or to unanswered included. A question
/// that was not asked in a year (its condition did not hold) has no answer that year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChangedAnswer {
    /// The current question.
    pub id: String,
    /// Its number, as people see it: `1.3`.
    pub number: String,
    /// Its area's id.
    pub area: String,
    /// The earlier question whose answer is `then`, when its id is another.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    pub text: Text,
    /// The answer then, with its comment; `null` when unanswered.
    pub then: Option<Answer>,
    /// The answer now, with its comment; `null` when unanswered.
    pub now: Option<Answer>,
    /// True when the question was not asked then: its condition did not hold.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub not_asked_then: bool,
    /// True when the question is not asked now.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub not_asked_now: bool,
}

/// A question that could not be compared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    /// The question's id: a current one for `no_continuation`, an earlier one otherwise.
    pub id: String,
    /// The number of the current question it concerns, as people see it: `id`'s for
    /// `no_continuation`, `question`'s for `superseded` and `does_not_fit`; none for
    /// `not_continued`, whose question is only in the earlier version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    #[serde(flatten)]
    pub reason: Reason,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// A current question that names no earlier question in `continues`.
    NoContinuation,
    /// An earlier question, answered then, that no current question continues.
    NotContinued,
    /// An earlier question whose answer was not used: `question` continues it, but also
    /// `used`, which comes first in its `continues` and was answered.
    Superseded { question: String, used: String },
    /// An earlier answer that is not a possible answer to `question`, which continues it;
    /// `question` is then not compared.
    DoesNotFit { question: String },
}

/// Earlier answers carried into the current questionnaire.
#[derive(Clone, Debug, PartialEq)]
pub struct Carried {
    /// Whether the earlier answers were given to the current version.
    pub same_version: bool,
    /// The earlier answers under the current questions' ids, in the questionnaire's order.
    pub answers: Answers,
    /// For each carried answer, the earlier id it was given under.
    pub from: IndexMap<String, String>,
    /// The current questions that can be compared, in the questionnaire's order.
    pub comparable: Vec<String>,
    /// What could not be carried, and why.
    pub left_out: Vec<LeftOut>,
}

/// Carries earlier answers into the current questionnaire. When they were given to the same
/// version, every question is comparable and keeps its answer. Otherwise a question takes an
/// earlier answer only through its `continues` (its own id counts only when listed); when it
/// continues several earlier questions, the first in its list that was answered (with a value,
/// *Vet ej* or *Ej tillämpligt*) is used. A question without `continues`, and an earlier answer
/// no question continues, are left out with the reason.
pub fn carry(old: &Answers, questionnaire: &Questionnaire) -> Carried {
    let same_version = old.questionnaire.version == questionnaire.version;
    let mut answers = IndexMap::new();
    let mut from = IndexMap::new();
    let mut comparable = Vec::new();
    let mut left_out = Vec::new();
    let answered = |id: &str| old.get(id).filter(|a| choice_of(a).is_some());
    for (area, at, question) in numbered(questionnaire) {
        let number = || Some(area.question_number(at));
        if same_version {
            comparable.push(question.id.clone());
            if let Some(answer) = old.get(&question.id) {
                answers.insert(question.id.clone(), answer.clone());
                from.insert(question.id.clone(), question.id.clone());
            }
            continue;
        }
        if question.continues.is_empty() {
            left_out.push(LeftOut {
                id: question.id.clone(),
                number: number(),
                reason: Reason::NoContinuation,
            });
            continue;
        }
        let mut used: Option<&str> = None;
        let mut fits = true;
        for id in &question.continues {
            let Some(answer) = answered(id) else {
                continue;
            };
            if let Some(first) = used {
                left_out.push(LeftOut {
                    id: id.clone(),
                    number: number(),
                    reason: Reason::Superseded {
                        question: question.id.clone(),
                        used: first.to_string(),
                    },
                });
                continue;
            }
            used = Some(id);
            if answer_fits(question, answer) {
                answers.insert(question.id.clone(), answer.clone());
                from.insert(question.id.clone(), id.clone());
            } else {
                fits = false;
                left_out.push(LeftOut {
                    id: id.clone(),
                    number: number(),
                    reason: Reason::DoesNotFit {
                        question: question.id.clone(),
                    },
                });
            }
        }
        if fits {
            comparable.push(question.id.clone());
        }
    }
    if !same_version {
        let continued: HashSet<&str> = questionnaire
            .questions()
            .flat_map(|(_, q)| q.continues.iter().map(String::as_str))
            .collect();
        for id in old.answers.keys() {
            if !continued.contains(id.as_str()) && answered(id).is_some() {
                left_out.push(LeftOut {
                    id: id.clone(),
                    number: None,
                    reason: Reason::NotContinued,
                });
            }
        }
    }
    Carried {
        same_version,
        answers: Answers {
            answers,
            ..old.clone()
        },
        from,
        comparable,
        left_out,
    }
}

/// Compares earlier answers (`old`) with later ones (`new`), both read in `questionnaire`
/// (the one `new` was given to) and scored with `rubric`. The answers should have passed
/// `validate`, and `old` be the earlier year of the same region. Groups of areas are compared
/// only when both answered the same version: [`compare_editions`] knows the earlier edition.
pub fn compare(
    questionnaire: &Questionnaire,
    rubric: &Rubric,
    old: &Answers,
    new: &Answers,
) -> Comparison {
    compare_editions(questionnaire, rubric, old, new, None)
}

/// As [`compare`], with the questionnaire `old` answered when it is another version and at
/// hand (`earlier`): a group is compared when that edition declares a group of the same id.
pub fn compare_editions(
    questionnaire: &Questionnaire,
    rubric: &Rubric,
    old: &Answers,
    new: &Answers,
    earlier: Option<&Questionnaire>,
) -> Comparison {
    let carried = carry(old, questionnaire);
    let comparable: HashSet<&str> = carried.comparable.iter().map(String::as_str).collect();
    // Both years are scored on the comparable questions only; with the same version that is
    // every question.
    let then = scoring::score(
        questionnaire,
        rubric,
        &compared_only(&carried.answers, questionnaire, &comparable),
    );
    let now = scoring::score(
        questionnaire,
        rubric,
        &compared_only(new, questionnaire, &comparable),
    );
    let now_all = scoring::score(questionnaire, rubric, new);

    let mut areas = Vec::new();
    for area in &questionnaire.areas {
        let Some(rule) = rubric.area_rule(&area.id) else {
            continue;
        };
        let scored: Vec<&str> = area
            .questions
            .iter()
            .filter(|q| rule.questions.iter().any(|r| r.question == q.id))
            .map(|q| q.id.as_str())
            .collect();
        let compared = scored.iter().filter(|id| comparable.contains(*id)).count();
        let (before, after, note) = if compared == 0 {
            (
                None,
                area_in(&now_all, &area.id),
                Some(AreaNote::NotCompared),
            )
        } else {
            (
                area_in(&then, &area.id),
                area_in(&now, &area.id),
                (compared < scored.len()).then_some(AreaNote::Subset),
            )
        };
        let score_then = before.and_then(|a| a.score);
        let score_now = after.and_then(|a| a.score);
        areas.push(AreaChange {
            id: area.id.clone(),
            number: area.number,
            title: area.title.clone(),
            then: score_then,
            now: score_now,
            change: change(score_then, score_now),
            level_then: before.and_then(|a| a.level),
            level_now: after.and_then(|a| a.level),
            compared,
            questions: scored.len(),
            note,
        });
    }

    let in_both = |id: &str| -> Result<(), GroupNote> {
        if carried.same_version {
            return Ok(());
        }
        match earlier {
            Some(q) if q.version == old.questionnaire.version => {
                if q.groups.iter().any(|g| g.id == id) {
                    Ok(())
                } else {
                    Err(GroupNote::New)
                }
            }
            _ => Err(GroupNote::EarlierUnknown),
        }
    };
    // A group compared is scored on the compared questions both years, as its areas are; one
    // that is not has its score now on all the questions, as `score` gives it.
    let groups = now_all
        .groups
        .iter()
        .map(|all| {
            let (before, after, note) = match in_both(&all.id) {
                Ok(()) => (
                    then.groups.iter().find(|g| g.id == all.id),
                    now.groups.iter().find(|g| g.id == all.id).unwrap_or(all),
                    None,
                ),
                Err(note) => (None, all, Some(note)),
            };
            let score_then = before.and_then(|g| g.score);
            GroupChange {
                id: after.id.clone(),
                title: after.title.clone(),
                areas: after.areas.clone(),
                then: score_then,
                now: after.score,
                change: change(score_then, after.score),
                level_then: before.and_then(|g| g.level),
                level_now: after.level,
                areas_then: before.map_or(0, |g| g.areas_scored),
                areas_now: after.areas_scored,
                note,
            }
        })
        .collect();

    let overall = OverallChange {
        then: then.overall.score,
        now: now.overall.score,
        change: change(then.overall.score, now.overall.score),
        level_then: then.overall.level,
        level_now: now.overall.level,
        areas_then: then.overall.areas_scored,
        areas_now: now.overall.areas_scored,
        areas: now.overall.areas,
        min_areas: now.overall.min_areas,
    };

    let mut changed = Vec::new();
    for (area, at, question) in numbered(questionnaire) {
        if !comparable.contains(question.id.as_str()) {
            continue;
        }
        // A question whose condition did not hold was not asked: an answer left in the file
        // from before the condition changed answers nothing.
        let asked_then = questionnaire.is_asked(question, &carried.answers);
        let asked_now = questionnaire.is_asked(question, new);
        let before = carried
            .answers
            .get(&question.id)
            .filter(|a| asked_then && choice_of(a).is_some());
        let after = new
            .get(&question.id)
            .filter(|a| asked_now && choice_of(a).is_some());
        let differs = match (before.and_then(choice_of), after.and_then(choice_of)) {
            (Some(b), Some(a)) => !same(&b, &a),
            (None, None) => false,
            _ => true,
        };
        if !differs {
            continue;
        }
        changed.push(ChangedAnswer {
            id: question.id.clone(),
            number: area.question_number(at),
            area: area.id.clone(),
            from: carried
                .from
                .get(&question.id)
                .filter(|id| **id != question.id)
                .cloned(),
            label: question.label.clone(),
            text: question.text.clone(),
            then: before.cloned(),
            now: after.cloned(),
            not_asked_then: !asked_then,
            not_asked_now: !asked_now,
        });
    }
    let verdict = verdict_change(&then, &now);

    Comparison {
        format: FORMAT,
        region: new.region.clone(),
        questionnaire: now_all.questionnaire,
        rubric: now_all.rubric,
        then: side(old),
        now: side(new),
        same_version: carried.same_version,
        areas,
        groups,
        overall,
        verdict,
        changed,
        left_out: carried.left_out,
    }
}

/// The verdict then and now, when the rubric gives one.
fn verdict_change(then: &Scorecard, now: &Scorecard) -> Option<VerdictChange> {
    if then.verdict.is_none() && now.verdict.is_none() {
        return None;
    }
    let hits = |card: &Scorecard| -> Vec<scoring::BlockerHit> {
        card.verdict
            .iter()
            .flat_map(|v| v.blockers.clone())
            .collect()
    };
    let (before, after) = (hits(then), hits(now));
    let change = |b: &scoring::BlockerHit| BlockerChange {
        id: b.id.clone(),
        reason: b.reason.clone(),
        limit: b.limit.clone(),
        decisive: b.decisive,
    };
    let held = |list: &[scoring::BlockerHit], id: &str| list.iter().any(|b| b.id == id);
    Some(VerdictChange {
        then: then.verdict.as_ref().and_then(|v| v.id.clone()),
        then_name: then.verdict.as_ref().and_then(|v| v.name.clone()),
        now: now.verdict.as_ref().and_then(|v| v.id.clone()),
        now_name: now.verdict.as_ref().and_then(|v| v.name.clone()),
        came: after
            .iter()
            .filter(|b| !held(&before, &b.id))
            .map(change)
            .collect(),
        went: before
            .iter()
            .filter(|b| !held(&after, &b.id))
            .map(change)
            .collect(),
        stayed: after
            .iter()
            .filter(|b| held(&before, &b.id))
            .map(change)
            .collect(),
    })
}

impl Comparison {
    /// How many of a group's scored questions are compared, of how many: its areas'; none
    /// when the group is not compared.
    pub fn group_questions(&self, group: &GroupChange) -> (usize, usize) {
        let (compared, questions) = self
            .areas
            .iter()
            .filter(|a| group.areas.contains(&a.id))
            .fold((0, 0), |(c, q), a| (c + a.compared, q + a.questions));
        (if group.note.is_some() { 0 } else { compared }, questions)
    }
}

/// Every question with its area and its place there, in the questionnaire's order.
fn numbered(questionnaire: &Questionnaire) -> impl Iterator<Item = (&Area, usize, &Question)> {
    questionnaire.areas.iter().flat_map(|area| {
        area.questions
            .iter()
            .enumerate()
            .map(move |(at, question)| (area, at, question))
    })
}

fn side(answers: &Answers) -> Side {
    Side {
        year: answers.year,
        version: answers.questionnaire.version.clone(),
        date: answers.date.clone(),
    }
}

/// The answers with every question that is not compared set to *Ej tillämpligt*, so that it
/// leaves the denominator as scoring already knows how: left unanswered, it would count
/// against coverage. A gate or condition on such a question then holds in neither year.
fn compared_only(
    answers: &Answers,
    questionnaire: &Questionnaire,
    comparable: &HashSet<&str>,
) -> Answers {
    let mut kept = answers.clone();
    for (_, question) in questionnaire.questions() {
        if !comparable.contains(question.id.as_str()) {
            kept.answers.insert(
                question.id.clone(),
                Answer {
                    status: Some(Status::NotApplicable),
                    ..Answer::default()
                },
            );
        }
    }
    kept
}

fn area_in<'a>(card: &'a Scorecard, id: &str) -> Option<&'a AreaScore> {
    card.areas.iter().find(|a| a.id == id)
}

/// The change between two rounded scores, itself rounded so that 2,3 − 2,1 is 0,2 and not
/// 0,19999999999999973.
fn change(then: Option<f64>, now: Option<f64>) -> Option<f64> {
    // Adding 0.0 turns a negative zero into zero, which would print as "-0.0".
    Some(round1(now? - then?) + 0.0)
}

#[cfg(test)]
#[allow(clippy::float_cmp, clippy::needless_pass_by_value)]
mod tests {
    use super::*;
    use crate::document::{Document, parse};
    use serde_json::json;

    fn text(t: &str) -> serde_json::Value {
        json!({"sv": t, "en": t})
    }

    fn scale(id: &str, continues: &[&str]) -> serde_json::Value {
        let mut q = json!({
            "id": id, "kind": "scale", "text": text(&format!("Fråga {id}")),
            "label": text(&format!("Etikett {id}")), "help": text("H"), "evidence": text("E"),
            "levels": (0..6).map(|l| text(&format!("N{l}"))).collect::<Vec<_>>()
        });
        if !continues.is_empty() {
            q["continues"] = json!(continues);
        }
        q
    }

    /// Area `a` with questions `a-1`, `a-2`, `a-3` (or as given) and area `b` with `b-1`,
    /// `b-2`, all scale questions, scored by weighted mean with weight 1.
    fn questionnaire(version: &str, a: Vec<serde_json::Value>) -> Questionnaire {
        let value = json!({
            "format": "mognad.questionnaire/1", "id": "t", "version": version, "kind": "maturity",
            "title": text("T"), "description": text("D"),
            "areas": [
                {"id": "a", "number": 1, "title": text("A"), "description": text("A"), "questions": a},
                {"id": "b", "number": 2, "title": text("B"), "description": text("B"), "questions": [
                    scale("b-1", if version == "1" { &[] } else { &["b-1"] }),
                    scale("b-2", if version == "1" { &[] } else { &["b-2"] }),
                ]}
            ]
        });
        match parse(&value.to_string()).unwrap() {
            Document::Questionnaire(q) => q,
            _ => unreachable!(),
        }
    }

    fn first() -> Questionnaire {
        questionnaire(
            "1",
            vec![scale("a-1", &[]), scale("a-2", &[]), scale("a-3", &[])],
        )
    }

    fn rubric(q: &Questionnaire) -> Rubric {
        let steps: Vec<_> = (0..6)
            .map(|l| json!({"level": l, "text": text("S")}))
            .collect();
        let areas: Vec<_> = q
            .areas
            .iter()
            .map(|area| {
                json!({"area": area.id, "next_steps": steps, "aggregation": "weighted_mean",
                    "questions": area.questions.iter().map(|q| json!({"question": q.id})).collect::<Vec<_>>()})
            })
            .collect();
        let value = json!({
            "format": "mognad.rubric/1", "id": "t", "version": "1", "title": text("R"),
            "questionnaire": {"id": "t", "versions": ["1", "2"]},
            "coverage": {"min": 0.75},
            "levels": (0..6).map(|l| json!({"level": l, "min": l, "name": text(&format!("L{l}"))})).collect::<Vec<_>>(),
            "areas": areas,
            "overall": {"aggregation": "weighted_mean", "min_areas": 2}
        });
        match parse(&value.to_string()).unwrap() {
            Document::Rubric(r) => r,
            _ => unreachable!(),
        }
    }

    fn answers(version: &str, year: i32, values: serde_json::Value) -> Answers {
        let value = json!({
            "format": "mognad.answers/1", "questionnaire": {"id": "t", "version": version},
            "region": "R", "year": year, "answers": values
        });
        match parse(&value.to_string()).unwrap() {
            Document::Answers(a) => a,
            _ => unreachable!(),
        }
    }

    fn area<'a>(c: &'a Comparison, id: &str) -> &'a AreaChange {
        c.areas.iter().find(|a| a.id == id).unwrap()
    }

    fn reasons(c: &Carried) -> Vec<(&str, &Reason)> {
        c.left_out
            .iter()
            .map(|l| (l.id.as_str(), &l.reason))
            .collect()
    }

    #[test]
    fn the_setup_is_valid() {
        let q = first();
        assert_eq!(crate::validate::questionnaire(&q), vec![]);
        assert_eq!(crate::validate::rubric(&rubric(&q), Some(&q)), vec![]);
    }

    #[test]
    fn the_same_version_compares_everything() {
        let q = first();
        let old = answers(
            "1",
            2024,
            json!({"a-1": {"value": 1}, "a-2": {"value": 2}, "a-3": {"value": 3},
                "b-1": {"value": 2}, "b-2": {"value": 2}}),
        );
        let new = answers(
            "1",
            2025,
            json!({"a-1": {"value": 2}, "a-2": {"value": 2}, "a-3": {"value": 5},
                "b-1": {"value": 2}, "b-2": {"value": 1}}),
        );
        let c = compare(&q, &rubric(&q), &old, &new);
        assert!(c.same_version);
        assert!(c.left_out.is_empty());
        let a = area(&c, "a");
        assert_eq!((a.then, a.now, a.change), (Some(2.0), Some(3.0), Some(1.0)));
        assert_eq!((a.level_then, a.level_now), (Some(2), Some(3)));
        assert_eq!((a.compared, a.questions, a.note), (3, 3, None));
        let b = area(&c, "b");
        assert_eq!(
            (b.then, b.now, b.change),
            (Some(2.0), Some(1.5), Some(-0.5))
        );
        assert_eq!(c.overall.then, Some(2.0));
        assert_eq!(c.overall.now, Some(2.3));
        assert_eq!(c.overall.change, Some(0.3));
        // The area scores now are what `score` gives.
        let card = scoring::score(&q, &rubric(&q), &new);
        assert_eq!(a.now, card.areas[0].score);
        let ids: Vec<&str> = c.changed.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(ids, ["a-1", "a-3", "b-2"]);
    }

    #[test]
    fn changed_answers_keep_their_comments_and_an_unanswered_side() {
        let q = first();
        let old = answers(
            "1",
            2024,
            json!({"a-1": {"value": 1, "comment": "Förut"}, "a-2": {"value": 2, "comment": "Samma"},
                "b-1": {"status": "dont_know"}}),
        );
        let new = answers(
            "1",
            2025,
            json!({"a-1": {"value": 3, "comment": "Nu"}, "a-2": {"value": 2, "comment": "Annan kommentar"},
                "a-3": {"value": 4}, "b-1": {"value": 2}}),
        );
        let c = compare(&q, &rubric(&q), &old, &new);
        let ids: Vec<&str> = c.changed.iter().map(|x| x.id.as_str()).collect();
        // A changed comment alone is no changed answer; a first answer is.
        assert_eq!(ids, ["a-1", "a-3", "b-1"]);
        let a1 = &c.changed[0];
        assert_eq!(a1.then.as_ref().unwrap().comment.as_deref(), Some("Förut"));
        assert_eq!(a1.now.as_ref().unwrap().comment.as_deref(), Some("Nu"));
        assert_eq!(a1.from, None);
        assert_eq!(c.changed[1].then, None);
        assert_eq!(
            c.changed[2].then.as_ref().unwrap().status,
            Some(crate::answers::Status::DontKnow)
        );
    }

    /// Version 2: `a-1` keeps its id and says so, `a-ny` continues `a-2` under a new id,
    /// `a-3` keeps its id but not its meaning (no `continues`), and `b-*` continue themselves.
    fn second() -> Questionnaire {
        questionnaire(
            "2",
            vec![
                scale("a-1", &["a-1"]),
                scale("a-ny", &["a-2"]),
                scale("a-3", &[]),
            ],
        )
    }

    #[test]
    fn another_version_carries_only_declared_continuations() {
        let q = second();
        let old = answers(
            "1",
            2024,
            json!({"a-1": {"value": 1}, "a-2": {"value": 2}, "a-3": {"value": 0}}),
        );
        let carried = carry(&old, &q);
        assert!(!carried.same_version);
        let ids: Vec<&String> = carried.answers.answers.keys().collect();
        assert_eq!(ids, ["a-1", "a-ny"]);
        assert_eq!(carried.from["a-ny"], "a-2");
        assert_eq!(carried.comparable, ["a-1", "a-ny", "b-1", "b-2"]);
        assert_eq!(
            reasons(&carried),
            [
                ("a-3", &Reason::NoContinuation),
                ("a-3", &Reason::NotContinued)
            ],
            "`a-3` keeps its id, but a new meaning: neither side is compared"
        );
    }

    #[test]
    fn an_area_compared_on_a_subset_is_scored_on_it_both_years() {
        let q = second();
        let old = answers(
            "1",
            2024,
            json!({"a-1": {"value": 1}, "a-2": {"value": 3}, "a-3": {"value": 0},
                "b-1": {"value": 2}, "b-2": {"value": 2}}),
        );
        let new = answers(
            "2",
            2025,
            json!({"a-1": {"value": 2}, "a-ny": {"value": 3}, "a-3": {"value": 5},
                "b-1": {"value": 2}, "b-2": {"value": 2}}),
        );
        let c = compare(&q, &rubric(&q), &old, &new);
        let a = area(&c, "a");
        assert_eq!((a.compared, a.questions), (2, 3));
        assert_eq!(a.note, Some(AreaNote::Subset));
        // Then (1 + 3) ÷ 2 = 2.0; now (2 + 3) ÷ 2 = 2.5 on the same two questions, not the
        // 3.3 that all three give.
        assert_eq!((a.then, a.now, a.change), (Some(2.0), Some(2.5), Some(0.5)));
        assert_eq!(
            scoring::score(&q, &rubric(&q), &new).areas[0].score,
            Some(3.3)
        );
        assert_eq!(area(&c, "b").note, None);
        assert_eq!(c.overall.then, Some(2.0));
        assert_eq!(c.overall.now, Some(2.3));
        let changed: Vec<(&str, Option<&str>)> = c
            .changed
            .iter()
            .map(|x| (x.id.as_str(), x.from.as_deref()))
            .collect();
        assert_eq!(changed, [("a-1", None)], "a-ny: 3 then and now");
    }

    #[test]
    fn an_area_with_nothing_comparable_has_no_score_then() {
        let q = questionnaire(
            "2",
            vec![scale("a-1", &[]), scale("a-2", &[]), scale("a-3", &[])],
        );
        let old = answers(
            "1",
            2024,
            json!({"a-1": {"value": 1}, "b-1": {"value": 2}, "b-2": {"value": 2}}),
        );
        let new = answers(
            "2",
            2025,
            json!({"a-1": {"value": 4}, "a-2": {"value": 4}, "a-3": {"value": 4},
                "b-1": {"value": 3}, "b-2": {"value": 3}}),
        );
        let c = compare(&q, &rubric(&q), &old, &new);
        let a = area(&c, "a");
        assert_eq!(a.note, Some(AreaNote::NotCompared));
        assert_eq!((a.then, a.now, a.change), (None, Some(4.0), None));
        assert_eq!(a.compared, 0);
        // The index counts only what was compared: b alone is too few areas.
        assert_eq!((c.overall.then, c.overall.now), (None, None));
        assert_eq!((c.overall.areas_then, c.overall.areas_now), (1, 1));
        let ids: Vec<&str> = c.left_out.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["a-1", "a-2", "a-3", "a-1"]);
        assert!(c.changed.iter().all(|x| x.area == "b"));
    }

    #[test]
    fn a_question_continuing_two_takes_the_first_answered() {
        let q = questionnaire(
            "2",
            vec![scale("a-1", &["x", "y", "z"]), scale("a-2", &["a-2"])],
        );
        let carried = carry(
            &answers(
                "1",
                2024,
                json!({"x": {}, "y": {"value": 2}, "z": {"value": 4}}),
            ),
            &q,
        );
        assert_eq!(
            carried.answers.answers["a-1"].value,
            Some(crate::answers::Value(json!(2)))
        );
        assert_eq!(carried.from["a-1"], "y");
        assert_eq!(
            reasons(&carried),
            [(
                "z",
                &Reason::Superseded {
                    question: "a-1".into(),
                    used: "y".into()
                }
            )],
            "`x` has no answer, so `y` is the first answered"
        );
    }

    #[test]
    fn an_earlier_answer_that_does_not_fit_is_not_compared() {
        let mut yes_no = scale("a-1", &["a-1"]);
        yes_no["kind"] = json!("yes_no");
        yes_no.as_object_mut().unwrap().remove("levels");
        let q = questionnaire("2", vec![yes_no, scale("a-2", &["a-2"])]);
        let carried = carry(&answers("1", 2024, json!({"a-1": {"value": 3}})), &q);
        assert!(!carried.comparable.contains(&"a-1".to_string()));
        assert!(carried.answers.answers.is_empty());
        assert_eq!(
            reasons(&carried),
            [(
                "a-1",
                &Reason::DoesNotFit {
                    question: "a-1".into()
                }
            )]
        );
    }

    #[test]
    fn continuations_are_checked_by_validate() {
        use crate::problem::ProblemKind as K;
        let q = questionnaire(
            "2",
            vec![
                scale("a-1", &["x", "x", "bad id"]),
                scale("a-2", &["x"]),
                scale("a-3", &[""]),
            ],
        );
        let kinds: Vec<(String, crate::problem::ProblemKind)> = crate::validate::questionnaire(&q)
            .into_iter()
            .map(|p| (p.path, p.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                (
                    "areas[0].questions[0].continues[1]".to_string(),
                    K::ContinuesTwice { id: "x".into() }
                ),
                (
                    "areas[0].questions[0].continues[2]".to_string(),
                    K::BadId {
                        id: "bad id".into()
                    }
                ),
                (
                    "areas[0].questions[1].continues[0]".to_string(),
                    K::ContinuedTwice {
                        id: "x".into(),
                        question: "a-1".into()
                    }
                ),
                (
                    "areas[0].questions[2].continues[0]".to_string(),
                    K::BadId { id: String::new() }
                ),
            ]
        );
    }

    fn grouped(mut q: Questionnaire) -> Questionnaire {
        q.groups = vec![crate::questionnaire::Group {
            id: "g".into(),
            title: crate::lang::Text::new("Gruppen", "The group"),
            areas: vec!["a".into(), "b".into()],
        }];
        q
    }

    #[test]
    fn a_group_is_compared_from_its_areas_as_compared() {
        let q = grouped(first());
        let old = answers(
            "1",
            2024,
            json!({"a-1": {"value": 1}, "a-2": {"value": 2}, "a-3": {"value": 3},
                "b-1": {"value": 2}, "b-2": {"value": 2}}),
        );
        let new = answers(
            "1",
            2025,
            json!({"a-1": {"value": 2}, "a-2": {"value": 2}, "a-3": {"value": 5},
                "b-1": {"value": 2}, "b-2": {"value": 1}}),
        );
        let c = compare(&q, &rubric(&q), &old, &new);
        let g = &c.groups[0];
        // Then (2,0 + 2,0) ÷ 2; now (3,0 + 1,5) ÷ 2 = 2,25, rounded as an area's.
        assert_eq!((g.then, g.now, g.change), (Some(2.0), Some(2.3), Some(0.3)));
        assert_eq!((g.level_then, g.level_now), (Some(2), Some(2)));
        assert_eq!((g.areas_then, g.areas_now, g.note), (2, 2, None));
        // The group now is what `score` gives.
        assert_eq!(g.now, scoring::score(&q, &rubric(&q), &new).groups[0].score);
        assert!(compare(&first(), &rubric(&q), &old, &new).groups.is_empty());
    }

    #[test]
    fn across_editions_a_group_is_compared_only_where_both_have_it() {
        let q = grouped(second());
        let old = answers(
            "1",
            2024,
            json!({"a-1": {"value": 1}, "a-2": {"value": 3}, "a-3": {"value": 0},
                "b-1": {"value": 2}, "b-2": {"value": 2}}),
        );
        let new = answers(
            "2",
            2025,
            json!({"a-1": {"value": 2}, "a-ny": {"value": 3}, "a-3": {"value": 5},
                "b-1": {"value": 2}, "b-2": {"value": 2}}),
        );
        let r = rubric(&q);
        let unknown = &compare(&q, &r, &old, &new).groups[0];
        assert_eq!(unknown.note, Some(GroupNote::EarlierUnknown));
        // Not compared: now on every question, as `score` gives it: (3,3 + 2,0) ÷ 2 = 2,65.
        assert_eq!(
            (unknown.then, unknown.now, unknown.change),
            (None, Some(2.7), None)
        );
        assert_eq!(unknown.areas_then, 0);

        let new_group = &compare_editions(&q, &r, &old, &new, Some(&first())).groups[0];
        assert_eq!(new_group.note, Some(GroupNote::New));
        assert_eq!(new_group.then, None);

        // An earlier edition of another version than the answers' says nothing.
        let wrong = grouped(questionnaire("0", vec![scale("a-1", &[])]));
        let c = compare_editions(&q, &r, &old, &new, Some(&wrong));
        assert_eq!(c.groups[0].note, Some(GroupNote::EarlierUnknown));

        // Both have it: area a on its two compared questions, (2,0 + 2,0) ÷ 2 then and
        // (2,5 + 2,0) ÷ 2 = 2,25 now.
        let g = &compare_editions(&q, &r, &old, &new, Some(&grouped(first()))).groups[0];
        assert_eq!(g.note, None);
        assert_eq!((g.then, g.now, g.change), (Some(2.0), Some(2.3), Some(0.3)));
    }

    #[test]
    fn the_json_names_its_format_and_reasons() {
        let q = second();
        let old = answers("1", 2024, json!({"a-3": {"value": 1}}));
        let new = answers("2", 2025, json!({}));
        let value = serde_json::to_value(compare(&q, &rubric(&q), &old, &new)).unwrap();
        assert_eq!(value["format"], FORMAT);
        assert_eq!(value["same_version"], false);
        assert_eq!(
            value["left_out"],
            json!([
                {"id": "a-3", "number": "1.3", "reason": "no_continuation"},
                {"id": "a-3", "reason": "not_continued"}
            ])
        );
    }
}
