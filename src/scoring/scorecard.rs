//! The scoring engine. `score` turns a questionnaire, its rubric and one set of answers into
//! a `Scorecard`: per area points, score, level, coverage and the gates that capped it; the
//! overall index; and for readiness the verdict with every blocker that decided it.
//!
//! Two rules carry the engine's honesty: *Ej tillämpligt* leaves the denominator, and *Vet ej*
//! lowers coverage but is never scored as 0. An area below the coverage rule has no score.
//!
//! A team's answers (from `mognad merge`) are scored as any answers are; the scorecard then
//! also says, per area, how many respondents answered and where they disagreed.

use serde::Serialize;

use crate::answers::answer_words;
use crate::answers::{Answers, Outcome, Respondent, Rule, Solution, Status, Value};
use crate::lang::{Lang, Text};
use crate::questionnaire::{Question, QuestionKind, Questionnaire};
use crate::scoring::rubric::{
    Aggregation, AreaRule, Condition, LevelBand, Points, QuestionRule, Rubric, Test, Unknown,
};
use crate::scoring::targets;

pub const FORMAT: &str = "mognad.scorecard/1";

/// Scores compare with this tolerance, so that a mean that floating point puts at
/// 2.4999999 still rounds and levels as the 2.5 it is.
pub(crate) const EPSILON: f64 = 1e-9;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scorecard {
    pub format: &'static str,
    pub questionnaire: Reference,
    pub rubric: Reference,
    pub region: String,
    pub year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub solution: Option<Solution>,
    pub coverage_min: f64,
    pub areas: Vec<AreaScore>,
    /// The questionnaire's groups of areas, each scored as the weighted mean of its areas'.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<GroupScore>,
    pub overall: Overall,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// The asked questions whose answer needs evidence (`evidence_required`) and has none, in
    /// the questionnaire's order: each counts as *Vet ej* in scores, conditions and blockers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub without_evidence: Vec<WithoutEvidence>,
    /// Only for a team's answers: who answered, the merge rule and every split question.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<Team>,
    /// How the areas stand against their targets, when any area has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub targets: Option<TargetSummary>,
}

/// An answer that counts as *Vet ej* because it needs evidence and has none.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WithoutEvidence {
    pub id: String,
    /// The question's number, as people see it: `4.6`.
    pub number: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// The answer as given.
    pub value: serde_json::Value,
    /// The answer in words: `Nej`.
    pub words: Text,
}

/// How a team's answers were merged, and where its respondents disagreed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Team {
    pub respondents: Vec<Respondent>,
    pub rule: Rule,
    pub split_share: f64,
    pub split_distance: u8,
    /// Every split question asked, in the questionnaire's order.
    pub split: Vec<SplitQuestion>,
}

/// A question on which a team's respondents disagreed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SplitQuestion {
    pub id: String,
    /// The question's number, as people see it: `4.3`.
    pub number: String,
    pub area: String,
    /// The question's label, else its text.
    pub label: Text,
    /// Each respondent's answer.
    pub answers: Vec<RespondentWords>,
    /// The team's answer in words; `null` when it has none.
    pub team: Option<Text>,
    /// Whether the team has agreed on its answer.
    pub settled: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rationale: Option<String>,
}

/// One respondent's answer to a split question.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RespondentWords {
    pub name: String,
    /// The role, or the name when the role is missing or shared.
    pub who: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// The answer in words: `3`, `Ja`, `Vet ej`.
    pub words: Text,
}

/// The targets at a glance.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetSummary {
    /// Scored areas with a target.
    pub set: usize,
    /// Of those, the areas whose score has reached it.
    pub reached: usize,
    /// The year the progress toward each target is measured from, when an earlier year's
    /// answers were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<i32>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reference {
    pub id: String,
    pub version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
    pub title: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AreaScore {
    pub id: String,
    pub number: u32,
    pub title: Text,
    /// Whether the rubric scores this area at all; a scored area can still be left without
    /// a score, and `no_score` then says why.
    pub scored: bool,
    /// The score 0–5 after gates, rounded to one decimal; `null` when there is none, and
    /// then `no_score` says why.
    pub score: Option<f64>,
    /// The score before gates, when a gate lowered it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score_before_gates: Option<f64>,
    pub level: Option<u8>,
    pub level_name: Option<Text>,
    /// Answered ÷ applicable; `null` when nothing is applicable.
    pub coverage: Option<f64>,
    /// The questions counted, in order: the scored ones in a scored area, all in an unscored
    /// one.
    pub questions: Vec<QuestionResult>,
    pub applicable: usize,
    pub answered: usize,
    pub dont_know: usize,
    pub not_applicable: usize,
    pub unanswered: usize,
    /// Questions whose condition did not hold.
    pub not_asked: usize,
    /// Why the area has no score; present exactly when `score` is `null`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_score: Option<NoScore>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub gates: Vec<GateHit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_step: Option<Text>,
    /// The area's weight in the overall index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// Only for a team's answers: how many respondents answered at least one of the area's
    /// questions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub respondents: Option<usize>,
    /// Only for a team's answers: how many of the area's questions are split (all its asked
    /// questions, scored or not).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub split: Option<usize>,
    /// Only for a team's answers: how many of the split questions the team has settled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub settled: Option<usize>,
    /// The level 1–5 the team means to reach, when it has set one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<u8>,
    /// The lowest score at the target level (with the built-in levels, the level itself).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_score: Option<f64>,
    /// How far the score is below `target_score`, rounded to one decimal; 0 once reached.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap: Option<f64>,
    /// The share 0–1 of the way from the earlier year's score to `target_score` that is gone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<f64>,
}

/// How one question was answered and what it gave.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionResult {
    pub id: String,
    /// The question's number, as people see it: `1.3`.
    pub number: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    pub outcome: QuestionOutcome,
    /// The answer as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
    /// Its points, when the question is scored and the answer could be.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// The answer needs evidence and has none, so it counts as *Vet ej* (`outcome` is
    /// `dont_know`, `value` the answer given).
    #[serde(skip_serializing_if = "is_false")]
    pub without_evidence: bool,
    /// Only for a team's answers: the respondents disagreed on it.
    #[serde(skip_serializing_if = "is_false")]
    pub split: bool,
    /// Only for a team's answers: the team agreed on its answer.
    #[serde(skip_serializing_if = "is_false")]
    pub settled: bool,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(value: &bool) -> bool {
    !*value
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionOutcome {
    Answered,
    DontKnow,
    NotApplicable,
    Unanswered,
    /// Its condition did not hold.
    NotAsked,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum NoScore {
    /// The rubric does not score the area (`scored` is false).
    NotScored,
    /// Too little of the area was answered.
    LowCoverage { coverage: f64, min: f64 },
    /// Every question was not applicable or not asked.
    NothingApplicable,
    /// No applicable question was answered, and the rubric's `coverage.min` of 0 let that
    /// pass.
    NothingAnswered,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GateHit {
    pub id: String,
    pub cap: f64,
    pub reason: Text,
    pub subject: Subject,
    /// For a condition on several answers (`all`): what the tests after the first saw.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Subject>,
    /// Whether the cap lowered the score (a gate can hold on a score already below its cap).
    pub lowered: bool,
}

/// What a gate or blocker looked at, and what it saw.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Subject {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// The question's number, as people see it: `4.3`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The question's short label, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    pub observed: Observed,
    /// The answer in words, when the test named answers (`is`) rather than points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<Text>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Observed {
    /// The question's points or the area's score.
    Value(f64),
    /// *Vet ej*, unanswered, or an area without a score.
    Unknown,
}

/// A group of areas: the weighted mean of the scores its areas have (with the rubric's area
/// weights), rounded as an area's is; `null` when none of them has a score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupScore {
    pub id: String,
    pub title: Text,
    pub areas: Vec<String>,
    pub score: Option<f64>,
    pub level: Option<u8>,
    pub level_name: Option<Text>,
    /// How many of its areas have a score.
    pub areas_scored: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Overall {
    pub score: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score_before_gates: Option<f64>,
    pub level: Option<u8>,
    pub level_name: Option<Text>,
    pub areas_scored: usize,
    pub areas: usize,
    pub min_areas: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub gates: Vec<GateHit>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verdict {
    /// The verdict band's id (`ready`, `partly_ready`, `not_ready` in the built-in rubric);
    /// `null` when there is no index and no blocker decides it.
    pub id: Option<String>,
    pub name: Option<Text>,
    /// The band the index alone would give.
    pub from_index: Option<String>,
    pub from_index_name: Option<Text>,
    /// Only when no verdict is given and a blocker holds: the best band the verdict can be,
    /// which the blockers allow (`partly_ready` when the index is missing and a blocker limits
    /// the verdict to it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_most: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_most_name: Option<Text>,
    /// Every blocker that holds, in the rubric's order.
    pub blockers: Vec<BlockerHit>,
    /// Only for a team's answers: the split questions a blocker looks at that the team has
    /// not settled, in the questionnaire's order. While there is one, no verdict is given
    /// (`id` is `null`): settling it could lift a blocker or make one hold.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unsettled: Vec<Unsettled>,
}

/// A split question the verdict waits for.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unsettled {
    pub id: String,
    /// The question's number, as people see it: `4.3`.
    pub number: String,
    /// The question's short label, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BlockerHit {
    pub id: String,
    pub limit: String,
    pub limit_name: Text,
    pub reason: Text,
    pub subject: Subject,
    /// For a condition on several answers (`all`): what the tests after the first saw.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Subject>,
    /// Whether this blocker made the verdict worse than the index alone.
    pub decisive: bool,
}

/// Scores one set of answers. The questionnaire and rubric should have passed `validate`;
/// anything that did not (an unknown id, a value of the wrong type) is passed over, never a
/// panic.
pub fn score(questionnaire: &Questionnaire, rubric: &Rubric, answers: &Answers) -> Scorecard {
    let context = Context {
        questionnaire,
        rubric,
        answers,
    };
    let mut areas: Vec<AreaScore> = questionnaire
        .areas
        .iter()
        .map(|area| context.area(area))
        .collect();

    // Gates see the scores before any gate, so their order in the rubric does not matter.
    let before: Vec<(String, Option<f64>)> =
        areas.iter().map(|a| (a.id.clone(), a.score)).collect();
    for area in &mut areas {
        let Some(rule) = rubric.area_rule(&area.id) else {
            continue;
        };
        context.apply_gates(area, rule, &before);
    }

    let overall = context.overall(&areas, &before);
    // Blockers see the scores as shown, after the gates.
    let after: Vec<(String, Option<f64>)> = areas.iter().map(|a| (a.id.clone(), a.score)).collect();
    let verdict = context.verdict(&overall, &after);
    let targets = targets::apply(&mut areas, rubric, &answers.targets);
    let groups = groups(questionnaire, rubric, &areas);

    Scorecard {
        format: FORMAT,
        questionnaire: Reference {
            id: questionnaire.id.clone(),
            version: questionnaire.version.clone(),
            hash: Some(questionnaire.content_hash()),
            title: questionnaire.title.clone(),
        },
        rubric: Reference {
            id: rubric.id.clone(),
            version: rubric.version.clone(),
            hash: None,
            title: rubric.title.clone(),
        },
        region: answers.region.clone(),
        year: answers.year,
        solution: answers.solution.clone(),
        coverage_min: rubric.coverage.min,
        team: team(questionnaire, answers),
        without_evidence: without_evidence(questionnaire, answers),
        areas,
        groups,
        overall,
        verdict,
        targets,
    }
}

/// Each group's score from its areas' scores as shown (after gates).
fn groups(questionnaire: &Questionnaire, rubric: &Rubric, areas: &[AreaScore]) -> Vec<GroupScore> {
    questionnaire
        .groups
        .iter()
        .map(|group| {
            let weighted: Vec<(f64, f64)> = areas
                .iter()
                .filter(|a| group.areas.contains(&a.id))
                .filter_map(|a| Some((a.weight.unwrap_or(1.0), a.score?)))
                .collect();
            let score = aggregate(Aggregation::WeightedMean, &weighted).map(round1);
            let band = score.and_then(|s| level_of(s, &rubric.levels));
            GroupScore {
                id: group.id.clone(),
                title: group.title.clone(),
                areas: group.areas.clone(),
                score,
                level: band.map(|b| b.level),
                level_name: band.map(|b| b.name.clone()),
                areas_scored: weighted.len(),
            }
        })
        .collect()
}

/// Who answered a team's answers and where they disagreed.
fn team(questionnaire: &Questionnaire, answers: &Answers) -> Option<Team> {
    let merge = answers.merge.as_ref()?;
    let words = |question: &Question, answer: &crate::answers::Answer| {
        Text::new(
            answer_words(question, answer, Lang::Sv, false).unwrap_or_else(|| "–".into()),
            answer_words(question, answer, Lang::En, false).unwrap_or_else(|| "–".into()),
        )
    };
    let split = questionnaire
        .areas
        .iter()
        .flat_map(|area| area.questions.iter().enumerate().map(move |q| (area, q)))
        .filter_map(|(area, (at, question))| {
            let answer = answers.get(&question.id).filter(|a| a.split)?;
            if !questionnaire.is_asked(question, answers) {
                return None;
            }
            let has_answer = answer.value.is_some() || answer.status.is_some();
            Some(SplitQuestion {
                id: question.id.clone(),
                number: area.question_number(at),
                area: area.id.clone(),
                label: question
                    .label
                    .clone()
                    .unwrap_or_else(|| question.text.clone()),
                answers: answer
                    .respondents
                    .iter()
                    .map(|r| RespondentWords {
                        name: r.name.clone(),
                        who: crate::team::who(&answers.respondents, &r.name),
                        value: r.value.as_ref().map(|v| v.0.clone()),
                        status: r.status,
                        words: words(question, &r.answer()),
                    })
                    .collect(),
                team: has_answer.then(|| words(question, answer)),
                settled: answer.consensus.is_some(),
                rationale: answer.consensus.as_ref().map(|c| c.rationale.clone()),
            })
        })
        .collect();
    Some(Team {
        respondents: answers.respondents.clone(),
        rule: merge.rule,
        split_share: merge.split_share,
        split_distance: merge.split_distance,
        split,
    })
}

/// The asked questions whose answer counts as *Vet ej* for want of evidence.
fn without_evidence(questionnaire: &Questionnaire, answers: &Answers) -> Vec<WithoutEvidence> {
    questionnaire
        .areas
        .iter()
        .flat_map(|area| area.questions.iter().enumerate().map(move |q| (area, q)))
        .filter_map(|(area, (at, question))| {
            let answer = answers.get(&question.id)?;
            if !question.lacks_evidence(answer) || !questionnaire.is_asked(question, answers) {
                return None;
            }
            let words = |lang| answer_words(question, answer, lang, false).unwrap_or_default();
            Some(WithoutEvidence {
                id: question.id.clone(),
                number: area.question_number(at),
                label: question.label.clone(),
                value: answer.value.as_ref()?.0.clone(),
                words: Text::new(words(Lang::Sv), words(Lang::En)),
            })
        })
        .collect()
}

/// Rounds to one decimal, halves away from zero, as every score is shown.
pub fn round1(value: f64) -> f64 {
    ((value * 10.0) + EPSILON).round() / 10.0
}

/// The level of a rounded score: the highest band whose minimum it reaches.
pub fn level_of(score: f64, levels: &[LevelBand]) -> Option<&LevelBand> {
    levels.iter().rev().find(|band| score + EPSILON >= band.min)
}

/// An answer's points on 0–5 under its rule, or `None` when the value cannot be scored.
pub fn points(question: &Question, rule: Option<&QuestionRule>, value: &Value) -> Option<f64> {
    let points = match rule.and_then(|r| r.points.as_ref()) {
        Some(Points::Table(table)) => table.get(&value.key()).copied(),
        Some(Points::Bands(bands)) => {
            let number = value.as_number()?;
            bands
                .iter()
                .rev()
                .find(|band| number + EPSILON >= band.at_least)
                .map(|band| band.points)
        }
        None if question.kind == QuestionKind::Scale => value.as_level().map(f64::from),
        None => None,
    }?;
    points.is_finite().then(|| points.clamp(0.0, 5.0))
}

fn aggregate(aggregation: Aggregation, weighted: &[(f64, f64)]) -> Option<f64> {
    if weighted.is_empty() {
        return None;
    }
    let value = match aggregation {
        Aggregation::WeightedMean => {
            let total: f64 = weighted.iter().map(|(w, _)| w).sum();
            if total <= 0.0 {
                return None;
            }
            weighted.iter().map(|(w, p)| w * p).sum::<f64>() / total
        }
        Aggregation::Minimum => weighted
            .iter()
            .map(|(_, p)| *p)
            .fold(f64::INFINITY, f64::min),
        Aggregation::Sum => weighted.iter().map(|(w, p)| w * p).sum::<f64>().min(5.0),
    };
    Some(round1(value.clamp(0.0, 5.0)))
}

struct Context<'a> {
    questionnaire: &'a Questionnaire,
    rubric: &'a Rubric,
    answers: &'a Answers,
}

impl Context<'_> {
    /// How a question was answered, as scoring counts it: an answer that needs evidence and
    /// has none counts as *Vet ej*.
    fn outcome(&self, question: &Question) -> Outcome {
        match self.answers.get(&question.id) {
            Some(answer) if question.lacks_evidence(answer) => Outcome::DontKnow,
            _ => self.answers.outcome(&question.id),
        }
    }

    fn area(&self, area: &crate::questionnaire::Area) -> AreaScore {
        let rule = self.rubric.area_rule(&area.id);
        let mut result = AreaScore {
            id: area.id.clone(),
            number: area.number,
            title: area.title.clone(),
            scored: rule.is_some(),
            score: None,
            score_before_gates: None,
            level: None,
            level_name: None,
            coverage: None,
            questions: Vec::new(),
            applicable: 0,
            answered: 0,
            dont_know: 0,
            not_applicable: 0,
            unanswered: 0,
            not_asked: 0,
            no_score: None,
            gates: Vec::new(),
            next_step: None,
            weight: rule.map(|r| r.weight),
            respondents: None,
            split: None,
            settled: None,
            target: None,
            target_score: None,
            gap: None,
            progress: None,
        };
        if self.answers.is_team() {
            let mut names = std::collections::HashSet::new();
            let (mut split, mut settled) = (0, 0);
            for question in &area.questions {
                let Some(answer) = self.answers.get(&question.id) else {
                    continue;
                };
                names.extend(answer.respondents.iter().map(|r| r.name.as_str()));
                if answer.split && self.questionnaire.is_asked(question, self.answers) {
                    split += 1;
                    settled += usize::from(answer.consensus.is_some());
                }
            }
            result.respondents = Some(names.len());
            result.split = Some(split);
            result.settled = Some(settled);
        }
        let mut weighted = Vec::new();
        for (at, question) in area.questions.iter().enumerate() {
            let question_rule =
                rule.and_then(|r| r.questions.iter().find(|q| q.question == question.id));
            if rule.is_some() && question_rule.is_none() {
                continue;
            }
            let weight = rule.map(|_| question_rule.map_or(1.0, |q| q.weight));
            let given = self
                .answers
                .get(&question.id)
                .and_then(|a| a.value.as_ref());
            let asked = self.questionnaire.is_asked(question, self.answers);
            let without_evidence = asked
                && self
                    .answers
                    .get(&question.id)
                    .is_some_and(|a| question.lacks_evidence(a));
            let outcome = if asked {
                match self.outcome(question) {
                    Outcome::NotApplicable => QuestionOutcome::NotApplicable,
                    Outcome::DontKnow => QuestionOutcome::DontKnow,
                    Outcome::Unanswered => QuestionOutcome::Unanswered,
                    Outcome::Answered => QuestionOutcome::Answered,
                }
            } else {
                QuestionOutcome::NotAsked
            };
            let mut points_given = None;
            match outcome {
                QuestionOutcome::NotAsked => result.not_asked += 1,
                QuestionOutcome::NotApplicable => result.not_applicable += 1,
                QuestionOutcome::DontKnow => result.dont_know += 1,
                QuestionOutcome::Unanswered => result.unanswered += 1,
                // An unscored area counts what was answered, and scores nothing.
                QuestionOutcome::Answered if rule.is_none() => result.answered += 1,
                QuestionOutcome::Answered => {
                    match given.and_then(|v| points(question, question_rule, v)) {
                        Some(p) => {
                            result.answered += 1;
                            points_given = Some(p);
                            weighted.push((weight.unwrap_or(1.0), p));
                        }
                        // A value the rubric cannot score counts as unanswered, never as 0.
                        None => result.unanswered += 1,
                    }
                }
            }
            let team_answer = self.answers.get(&question.id);
            result.questions.push(QuestionResult {
                id: question.id.clone(),
                number: area.question_number(at),
                label: question.label.clone(),
                outcome,
                value: given
                    .filter(|_| outcome == QuestionOutcome::Answered || without_evidence)
                    .map(|v| v.0.clone()),
                points: points_given,
                weight,
                without_evidence,
                split: team_answer.is_some_and(|a| a.split) && outcome != QuestionOutcome::NotAsked,
                settled: team_answer.is_some_and(|a| a.split && a.consensus.is_some())
                    && outcome != QuestionOutcome::NotAsked,
            });
        }
        result.applicable = result.answered + result.dont_know + result.unanswered;
        if result.applicable > 0 {
            result.coverage = Some(result.answered as f64 / result.applicable as f64);
        }
        let Some(rule) = rule else {
            result.no_score = Some(NoScore::NotScored);
            return result;
        };
        match result.coverage {
            None => result.no_score = Some(NoScore::NothingApplicable),
            Some(coverage) if coverage + EPSILON < self.rubric.coverage.min => {
                result.no_score = Some(NoScore::LowCoverage {
                    coverage,
                    min: self.rubric.coverage.min,
                });
            }
            Some(_) => {
                result.score = aggregate(rule.aggregation, &weighted);
                if result.score.is_none() {
                    result.no_score = Some(NoScore::NothingAnswered);
                }
                self.set_level(&mut result, rule);
            }
        }
        result
    }

    fn set_level(&self, area: &mut AreaScore, rule: &AreaRule) {
        let Some(score) = area.score else {
            return;
        };
        if let Some(band) = level_of(score, rule.levels(self.rubric)) {
            area.level = Some(band.level);
            area.level_name = Some(band.name.clone());
            area.next_step = rule.next_step(band.level).cloned();
        }
    }

    fn apply_gates(&self, area: &mut AreaScore, rule: &AreaRule, before: &[(String, Option<f64>)]) {
        let Some(score) = area.score else {
            return;
        };
        let (capped, hits) = self.gates(Some(&area.id), score, before);
        area.gates = hits;
        if capped < score {
            area.score_before_gates = Some(score);
            area.score = Some(round1(capped));
            self.set_level(area, rule);
        }
    }

    /// The gates on one area (or with `None` on the overall index) that hold, and the score
    /// they leave.
    fn gates(
        &self,
        area: Option<&str>,
        score: f64,
        before: &[(String, Option<f64>)],
    ) -> (f64, Vec<GateHit>) {
        let mut capped = score;
        let mut hits = Vec::new();
        for gate in self
            .rubric
            .gates
            .iter()
            .filter(|g| g.area.as_deref() == area)
        {
            if let Some((subject, also)) = self.holds(&gate.when, before) {
                let lowered = score > gate.cap + EPSILON;
                if lowered {
                    capped = capped.min(gate.cap);
                }
                hits.push(GateHit {
                    id: gate.id.clone(),
                    cap: gate.cap,
                    reason: gate.reason.clone(),
                    subject,
                    also,
                    lowered,
                });
            }
        }
        (capped, hits)
    }

    /// Whether a condition holds, and if so what its first test and the others saw.
    fn holds(
        &self,
        when: &Condition,
        scores: &[(String, Option<f64>)],
    ) -> Option<(Subject, Vec<Subject>)> {
        let mut seen = when
            .tests()
            .iter()
            .map(|test| self.test_holds(test, scores))
            .collect::<Option<Vec<Subject>>>()?
            .into_iter();
        // An empty `all` holds nothing: `validate` refuses it.
        let first = seen.next()?;
        Some((first, seen.collect()))
    }

    /// Whether a test holds, and if so what it saw; area tests look up `scores`.
    fn test_holds(&self, test: &Test, scores: &[(String, Option<f64>)]) -> Option<Subject> {
        let mut answer = None;
        let observed = if let Some(id) = &test.question {
            let question = self.questionnaire.question(id)?;
            if !self.questionnaire.is_asked(question, self.answers) {
                return None;
            }
            match self.outcome(question) {
                Outcome::NotApplicable => return None,
                Outcome::DontKnow | Outcome::Unanswered => Observed::Unknown,
                Outcome::Answered => {
                    let given = self.answers.get(id);
                    let value = given.and_then(|a| a.value.as_ref());
                    if let (Some(named), Some(value)) = (&test.is, value) {
                        if !value.as_str().is_some_and(|v| named.iter().any(|n| n == v)) {
                            return None;
                        }
                        answer = given.and_then(|given| {
                            Some(Text {
                                sv: answer_words(question, given, Lang::Sv, false)?,
                                en: answer_words(question, given, Lang::En, false)?,
                            })
                        });
                    }
                    let rule = self.rubric.question_rule(id).map(|(_, q)| q);
                    value
                        .and_then(|v| points(question, rule, v))
                        .map_or(Observed::Unknown, Observed::Value)
                }
            }
        } else if let Some(id) = &test.area {
            if test.is.is_some() {
                return None;
            }
            let (_, score) = scores.iter().find(|(area, _)| area == id)?;
            score.map_or(Observed::Unknown, Observed::Value)
        } else {
            return None;
        };
        let holds = match observed {
            Observed::Unknown if answer.is_none() => test.unknown == Unknown::Holds,
            // The answer was one of those named (checked above), whatever its points.
            _ if test.is.is_some() => answer.is_some(),
            Observed::Value(value) => match (test.below, test.at_least) {
                (None, None) => false,
                (below, at_least) => {
                    below.is_none_or(|below| value + EPSILON < below)
                        && at_least.is_none_or(|at_least| value + EPSILON >= at_least)
                }
            },
            Observed::Unknown => test.unknown == Unknown::Holds,
        };
        holds.then(|| Subject {
            question: test.question.clone(),
            number: test
                .question
                .as_deref()
                .and_then(|id| self.questionnaire.number(id)),
            label: test
                .question
                .as_deref()
                .and_then(|id| self.questionnaire.question(id))
                .and_then(|q| q.label.clone()),
            area: test.area.clone(),
            observed,
            answer,
        })
    }

    fn overall(&self, areas: &[AreaScore], before: &[(String, Option<f64>)]) -> Overall {
        let weighted: Vec<(f64, f64)> = areas
            .iter()
            .filter_map(|a| Some((a.weight?, a.score?)))
            .collect();
        let scored_areas = areas.iter().filter(|a| a.scored).count();
        let mut overall = Overall {
            score: None,
            score_before_gates: None,
            level: None,
            level_name: None,
            areas_scored: weighted.len(),
            areas: scored_areas,
            min_areas: self.rubric.overall.min_areas,
            gates: Vec::new(),
        };
        if weighted.is_empty() || weighted.len() < self.rubric.overall.min_areas {
            return overall;
        }
        let Some(score) = aggregate(self.rubric.overall.aggregation, &weighted) else {
            return overall;
        };
        let (capped, hits) = self.gates(None, score, before);
        overall.gates = hits;
        if capped < score {
            overall.score_before_gates = Some(score);
        }
        let capped = round1(capped);
        overall.score = Some(capped);
        if let Some(band) = level_of(capped, &self.rubric.levels) {
            overall.level = Some(band.level);
            overall.level_name = Some(band.name.clone());
        }
        overall
    }

    fn verdict(&self, overall: &Overall, scores: &[(String, Option<f64>)]) -> Option<Verdict> {
        let rule = self.rubric.verdict.as_ref()?;
        let from_index = overall.score.and_then(|index| {
            rule.bands
                .iter()
                .position(|band| index + EPSILON >= band.min)
        });
        let mut hits = Vec::new();
        let mut worst_limit: Option<usize> = None;
        for blocker in &rule.blockers {
            let Some((subject, also)) = self.holds(&blocker.when, scores) else {
                continue;
            };
            let Some((limit, band)) = rule.band(&blocker.limit) else {
                continue;
            };
            worst_limit = Some(worst_limit.map_or(limit, |w| w.max(limit)));
            hits.push(BlockerHit {
                id: blocker.id.clone(),
                limit: blocker.limit.clone(),
                limit_name: band.name.clone(),
                reason: blocker.reason.clone(),
                subject,
                also,
                decisive: false,
            });
        }
        let unsettled: Vec<Unsettled> = crate::team::open(self.questionnaire, self.answers)
            .into_iter()
            .filter(|question| self.rubric.blocks(&question.id))
            .map(|question| Unsettled {
                id: question.id.clone(),
                number: self.questionnaire.number(&question.id).unwrap_or_default(),
                label: question.label.clone(),
            })
            .collect();
        let worst_band = rule.bands.len().checked_sub(1);
        let position = match (from_index, worst_limit) {
            // The team's answer to a question a blocker looks at is not settled: any band
            // given now could change when it is.
            _ if !unsettled.is_empty() => None,
            (Some(index), Some(limit)) => Some(index.max(limit)),
            (Some(index), None) => Some(index),
            // Without an index only a blocker that forces the worst band can decide.
            (None, Some(limit)) if Some(limit) == worst_band => Some(limit),
            (None, _) => None,
        };
        if let Some(position) = position {
            for hit in &mut hits {
                let limit = rule.band(&hit.limit).map(|(i, _)| i);
                hit.decisive = limit == Some(position) && from_index.is_none_or(|i| i < position);
            }
        }
        let band = position.and_then(|p| rule.bands.get(p));
        let at_most = worst_limit
            .filter(|_| position.is_none())
            .and_then(|p| rule.bands.get(p));
        Some(Verdict {
            id: band.map(|b| b.id.clone()),
            name: band.map(|b| b.name.clone()),
            at_most: at_most.map(|b| b.id.clone()),
            at_most_name: at_most.map(|b| b.name.clone()),
            from_index: from_index
                .and_then(|p| rule.bands.get(p))
                .map(|b| b.id.clone()),
            from_index_name: from_index
                .and_then(|p| rule.bands.get(p))
                .map(|b| b.name.clone()),
            blockers: hits,
            unsettled,
        })
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp, clippy::needless_pass_by_value)]
mod tests {
    use super::*;
    use crate::document::{Document, parse};
    use serde_json::json;

    /// Two areas: `a` with three scale questions (a-1 weighs 2) and a yes/no; `b` with two scale
    /// questions aggregated by minimum. `a-3` is asked only when `a-yn` is yes.
    fn questionnaire() -> Questionnaire {
        let scale = |id: &str, extra: serde_json::Value| {
            let mut q = json!({
                "id": id, "kind": "scale", "text": {"sv": "F", "en": "Q"}, "help": {"sv": "H", "en": "H"},
                "evidence": {"sv": "E", "en": "E"}, "not_applicable": true,
                "levels": (0..6).map(|l| json!({"sv": format!("N{l}"), "en": format!("L{l}")})).collect::<Vec<_>>()
            });
            q.as_object_mut()
                .unwrap()
                .extend(extra.as_object().unwrap().clone());
            q
        };
        let text = |t: &str| json!({"sv": t, "en": t});
        let value = json!({
            "format": "mognad.questionnaire/1", "id": "t", "version": "1", "kind": "readiness",
            "title": text("T"), "description": text("D"),
            "areas": [
                {"id": "a", "number": 1, "title": text("A"), "description": text("A"), "questions": [
                    scale("a-1", json!({})),
                    scale("a-2", json!({})),
                    {"id": "a-yn", "kind": "yes_no", "partly": true, "text": text("Q"), "help": text("H"), "evidence": text("E")},
                    scale("a-3", json!({"show_if": {"question": "a-yn", "any_of": ["yes"]}})),
                ]},
                {"id": "b", "number": 2, "title": text("B"), "description": text("B"), "questions": [
                    scale("b-1", json!({})),
                    scale("b-2", json!({})),
                ]}
            ]
        });
        match parse(&value.to_string()).unwrap() {
            Document::Questionnaire(q) => q,
            _ => unreachable!(),
        }
    }

    fn rubric(gates: serde_json::Value, blockers: serde_json::Value) -> Rubric {
        let text = |t: &str| json!({"sv": t, "en": t});
        let steps: Vec<_> = (0..6)
            .map(|l| json!({"level": l, "text": text("S")}))
            .collect();
        let value = json!({
            "format": "mognad.rubric/1", "id": "t", "version": "1", "title": text("R"),
            "questionnaire": {"id": "t", "versions": ["1"]},
            "coverage": {"min": 0.75},
            "levels": (0..6).map(|l| json!({"level": l, "min": l, "name": text(&format!("L{l}"))})).collect::<Vec<_>>(),
            "areas": [
                {"area": "a", "aggregation": "weighted_mean", "next_steps": steps, "questions": [
                    {"question": "a-1", "weight": 2}, {"question": "a-2"},
                    {"question": "a-yn", "points": {"yes": 5, "partly": 2.5, "no": 0}},
                    {"question": "a-3"}
                ]},
                {"area": "b", "aggregation": "minimum", "next_steps": steps, "questions": [
                    {"question": "b-1"}, {"question": "b-2"}
                ]}
            ],
            "overall": {"aggregation": "weighted_mean", "min_areas": 2},
            "gates": gates,
            "verdict": {
                "bands": [
                    {"id": "ready", "min": 3.5, "name": text("Ready")},
                    {"id": "partly_ready", "min": 2, "name": text("Partly")},
                    {"id": "not_ready", "min": 0, "name": text("Not")}
                ],
                "blockers": blockers
            }
        });
        match parse(&value.to_string()).unwrap() {
            Document::Rubric(r) => r,
            _ => unreachable!(),
        }
    }

    fn answers(values: serde_json::Value) -> Answers {
        let value = json!({
            "format": "mognad.answers/1", "questionnaire": {"id": "t", "version": "1"},
            "region": "R", "year": 2025, "answers": values
        });
        match parse(&value.to_string()).unwrap() {
            Document::Answers(a) => a,
            _ => unreachable!(),
        }
    }

    fn area<'a>(card: &'a Scorecard, id: &str) -> &'a AreaScore {
        card.areas.iter().find(|a| a.id == id).unwrap()
    }

    #[test]
    fn the_setup_is_valid() {
        let q = questionnaire();
        assert!(crate::validate::questionnaire(&q).is_empty());
        let r = rubric(json!([]), json!([]));
        assert_eq!(crate::validate::rubric(&r, Some(&q)), vec![]);
    }

    #[test]
    fn targets_give_the_gap_and_with_last_year_the_progress() {
        let (q, r) = (questionnaire(), rubric(json!([]), json!([])));
        let mut now = answers(
            json!({"a-1": {"value": 4}, "a-2": {"value": 1}, "a-yn": {"value": "no"},
                "b-1": {"value": 3}, "b-2": {"value": 4}}),
        );
        now.targets = [("a".to_string(), 3), ("b".to_string(), 2)].into();
        let card = score(&q, &r, &now);
        // a: 2.3 toward 3; b: 3.0, past its target 2.
        assert_eq!(
            (area(&card, "a").gap, area(&card, "a").target),
            (Some(0.7), Some(3))
        );
        assert_eq!(area(&card, "b").gap, Some(0.0));
        assert_eq!(area(&card, "a").progress, None, "no earlier year given");
        let summary = card.targets.clone().unwrap();
        assert_eq!((summary.set, summary.reached, summary.since), (2, 1, None));

        let mut then = answers(
            json!({"a-1": {"value": 2}, "a-2": {"value": 1}, "a-yn": {"value": "no"},
                "b-1": {"value": 3}, "b-2": {"value": 3}}),
        );
        then.year = 2024;
        // (2×2 + 1 + 0) ÷ 4 = 1.25, shown as 1.3: 1.0 of the 1.7 to 3 is gone.
        let card = crate::scoring::with_progress(card, &score(&q, &r, &then));
        assert_eq!(area(&card, "a").progress, Some(0.5882));
        assert_eq!(area(&card, "b").progress, None, "b had reached 2 in 2024");
        assert_eq!(card.targets.unwrap().since, Some(2024));

        // Without targets the scorecard says nothing of them.
        let json = serde_json::to_string(&score(&q, &r, &then)).unwrap();
        assert!(!json.contains("target") && !json.contains("gap"), "{json}");
    }

    #[test]
    fn weights_count_in_the_weighted_mean() {
        let card = score(
            &questionnaire(),
            &rubric(json!([]), json!([])),
            &answers(json!({"a-1": {"value": 4}, "a-2": {"value": 1}, "a-yn": {"value": "no"}})),
        );
        // (2×4 + 1×1 + 1×0) ÷ 4 = 2.25, shown as 2.3; a-3 is not asked.
        let a = area(&card, "a");
        assert_eq!(a.score, Some(2.3));
        assert_eq!(a.level, Some(2));
        assert_eq!(a.not_asked, 1);
        assert_eq!(a.applicable, 3);
        assert_eq!(a.coverage, Some(1.0));
    }

    #[test]
    fn not_applicable_leaves_the_denominator() {
        let card = score(
            &questionnaire(),
            &rubric(json!([]), json!([])),
            &answers(json!({"b-1": {"value": 3}, "b-2": {"status": "not_applicable"}})),
        );
        let b = area(&card, "b");
        assert_eq!((b.applicable, b.answered, b.not_applicable), (1, 1, 1));
        assert_eq!(b.coverage, Some(1.0));
        assert_eq!(b.score, Some(3.0));
    }

    #[test]
    fn dont_know_lowers_coverage_and_is_never_scored_as_zero() {
        let r = rubric(json!([]), json!([]));
        let q = questionnaire();
        let answered = |a2: serde_json::Value| {
            score(
                &q,
                &r,
                &answers(
                    json!({"a-1": {"value": 4}, "a-2": a2, "a-yn": {"value": "yes"}, "a-3": {"value": 4}}),
                ),
            )
        };
        let card = answered(json!({"status": "dont_know"}));
        let a = area(&card, "a");
        assert_eq!((a.applicable, a.answered, a.dont_know), (4, 3, 1));
        assert_eq!(a.coverage, Some(0.75));
        // (2×4 + 5 + 4) ÷ 4 = 4.25: the don't-know is left out, not counted as 0.
        assert_eq!(a.score, Some(4.3));
        let zero = answered(json!({"value": 0}));
        assert_eq!(area(&zero, "a").score, Some(3.4));
    }

    #[test]
    fn too_little_coverage_gives_no_score_and_says_why() {
        let card = score(
            &questionnaire(),
            &rubric(json!([]), json!([])),
            &answers(json!({"b-1": {"value": 3}, "b-2": {"status": "dont_know"}})),
        );
        let b = area(&card, "b");
        assert_eq!(b.score, None);
        assert_eq!(b.level, None);
        assert_eq!(
            b.no_score,
            Some(NoScore::LowCoverage {
                coverage: 0.5,
                min: 0.75
            })
        );
        let a = area(&card, "a");
        assert_eq!(
            a.no_score,
            Some(NoScore::LowCoverage {
                coverage: 0.0,
                min: 0.75
            })
        );
        assert_eq!(
            card.overall.score, None,
            "no index without enough scored areas"
        );
    }

    #[test]
    fn an_area_with_nothing_applicable_has_no_score() {
        let card = score(
            &questionnaire(),
            &rubric(json!([]), json!([])),
            &answers(
                json!({"b-1": {"status": "not_applicable"}, "b-2": {"status": "not_applicable"}}),
            ),
        );
        assert_eq!(area(&card, "b").no_score, Some(NoScore::NothingApplicable));
        assert_eq!(area(&card, "b").coverage, None);
    }

    #[test]
    fn minimum_takes_the_weakest_answer() {
        let card = score(
            &questionnaire(),
            &rubric(json!([]), json!([])),
            &answers(json!({"b-1": {"value": 5}, "b-2": {"value": 1}})),
        );
        assert_eq!(area(&card, "b").score, Some(1.0));
    }

    #[test]
    fn a_gate_caps_the_area_and_says_why() {
        let gates = json!([{"id": "g", "area": "a", "cap": 2, "when": {"question": "a-2", "below": 3},
            "reason": {"sv": "ingen ägare", "en": "no owner"}}]);
        let card = score(
            &questionnaire(),
            &rubric(gates, json!([])),
            &answers(
                json!({"a-1": {"value": 5}, "a-2": {"value": 2}, "a-yn": {"value": "yes"}, "a-3": {"value": 5}}),
            ),
        );
        let a = area(&card, "a");
        assert_eq!(a.score_before_gates, Some(4.4));
        assert_eq!(a.score, Some(2.0));
        assert_eq!(a.level, Some(2));
        assert_eq!(a.gates.len(), 1);
        assert!(a.gates[0].lowered);
        assert_eq!(a.gates[0].reason.en, "no owner");
        assert_eq!(a.gates[0].subject.observed, Observed::Value(2.0));
    }

    #[test]
    fn a_gate_on_an_unknown_answer_holds_unless_told_to_ignore_it() {
        let gate = |unknown: &str| {
            json!([{"id": "g", "area": "b", "cap": 1, "when": {"question": "a-1", "below": 3, "unknown": unknown},
                "reason": {"sv": "x", "en": "x"}}])
        };
        let a = answers(
            json!({"a-1": {"status": "dont_know"}, "b-1": {"value": 4}, "b-2": {"value": 4}}),
        );
        let held = score(&questionnaire(), &rubric(gate("holds"), json!([])), &a);
        assert_eq!(area(&held, "b").score, Some(1.0));
        assert_eq!(
            area(&held, "b").gates[0].subject.observed,
            Observed::Unknown
        );
        let ignored = score(&questionnaire(), &rubric(gate("ignore"), json!([])), &a);
        assert_eq!(area(&ignored, "b").score, Some(4.0));
    }

    #[test]
    fn one_blocker_decides_the_verdict_whatever_the_average() {
        let blockers = json!([{"id": "owner", "when": {"question": "b-2", "below": 2}, "limit": "not_ready",
            "reason": {"sv": "ingen ägare", "en": "no owner"}}]);
        let good = json!({"a-1": {"value": 5}, "a-2": {"value": 5}, "a-yn": {"value": "yes"}, "a-3": {"value": 5},
            "b-1": {"value": 5}, "b-2": {"value": 2}});
        let q = questionnaire();
        let r = rubric(json!([]), blockers);
        let ready = score(&q, &r, &answers(good.clone()));
        let verdict = ready.verdict.unwrap();
        assert_eq!(verdict.id.as_deref(), Some("ready"));
        assert!(verdict.blockers.is_empty());

        let mut blocked = good;
        blocked["b-2"] = json!({"value": 1});
        let card = score(&q, &r, &answers(blocked));
        let verdict = card.verdict.unwrap();
        assert_eq!(verdict.id.as_deref(), Some("not_ready"));
        assert_eq!(verdict.from_index.as_deref(), Some("partly_ready"));
        assert_eq!(verdict.blockers.len(), 1);
        assert!(verdict.blockers[0].decisive);
        assert_eq!(verdict.blockers[0].reason.sv, "ingen ägare");
    }

    /// A blocker on two answers together: `a-yn` answered No while `b-2` is at least 4.
    fn contradiction() -> serde_json::Value {
        json!([{"id": "both", "when": {"all": [
                {"question": "a-yn", "is": ["no"], "unknown": "ignore"},
                {"question": "b-2", "at_least": 4}
            ]}, "limit": "partly_ready", "reason": {"sv": "motsägelse", "en": "contradiction"}}])
    }

    #[test]
    fn a_condition_on_several_answers_holds_only_when_every_test_does() {
        let (q, r) = (questionnaire(), rubric(json!([]), contradiction()));
        let held = |yn: serde_json::Value, b2: u8| {
            let card = score(
                &q,
                &r,
                &answers(json!({"a-1": {"value": 5}, "a-2": {"value": 5}, "a-yn": yn,
                    "b-1": {"value": 5}, "b-2": {"value": b2}})),
            );
            card.verdict.unwrap().blockers
        };
        let hits = held(json!({"value": "no"}), 4);
        assert_eq!(hits.len(), 1, "{hits:?}");
        let hit = &hits[0];
        assert_eq!(hit.subject.question.as_deref(), Some("a-yn"));
        assert_eq!(hit.subject.observed, Observed::Value(0.0));
        assert_eq!(
            hit.subject.answer.as_ref().map(|a| a.sv.as_str()),
            Some("Nej")
        );
        assert_eq!(hit.also.len(), 1);
        assert_eq!(hit.also[0].question.as_deref(), Some("b-2"));
        assert_eq!(hit.also[0].observed, Observed::Value(4.0));
        assert_eq!(hit.also[0].answer, None, "a test on points names no answer");
        // `at_least` is the counterpart of `below`: 3 is not at least 4.
        assert!(held(json!({"value": "no"}), 3).is_empty());
        assert!(held(json!({"value": "no"}), 5).len() == 1);
        // `is` names the answer, not the points.
        assert!(held(json!({"value": "partly"}), 5).is_empty());
        assert!(held(json!({"value": "yes"}), 5).is_empty());
        // The first test passes over what nobody knows.
        assert!(held(json!({"status": "dont_know"}), 5).is_empty());
    }

    #[test]
    fn a_test_on_answers_holds_on_an_unknown_answer_unless_told_to_ignore_it() {
        let blockers = json!([{"id": "no", "when": {"question": "a-yn", "is": ["no", "partly"]},
            "limit": "partly_ready", "reason": {"sv": "nej", "en": "no"}}]);
        let (q, r) = (questionnaire(), rubric(json!([]), blockers));
        let card = score(&q, &r, &answers(json!({"a-yn": {"status": "dont_know"}})));
        let hits = card.verdict.unwrap().blockers;
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].subject.observed, Observed::Unknown);
        assert_eq!(hits[0].subject.answer, None);
        let card = score(&q, &r, &answers(json!({"a-yn": {"value": "partly"}})));
        let hits = card.verdict.unwrap().blockers;
        assert_eq!(
            hits[0].subject.answer.as_ref().map(|a| a.en.as_str()),
            Some("Partly")
        );
    }

    #[test]
    fn a_gate_may_hold_on_several_answers_too() {
        let gates = json!([{"id": "g", "area": "a", "cap": 2, "when": {"all": [
                {"question": "a-1", "at_least": 4}, {"question": "b-1", "below": 2}
            ]}, "reason": {"sv": "G", "en": "G"}}]);
        let (q, r) = (questionnaire(), rubric(gates, json!([])));
        let values = |b1: u8| {
            answers(
                json!({"a-1": {"value": 5}, "a-2": {"value": 5}, "a-yn": {"value": "yes"},
                "a-3": {"value": 5}, "b-1": {"value": b1}, "b-2": {"value": 5}}),
            )
        };
        let card = score(&q, &r, &values(1));
        let capped = area(&card, "a");
        assert_eq!(capped.score, Some(2.0));
        assert_eq!(capped.gates[0].also[0].question.as_deref(), Some("b-1"));
        assert_eq!(area(&score(&q, &r, &values(2)), "a").score, Some(5.0));
    }

    #[test]
    fn a_blocker_looks_at_every_question_in_its_condition() {
        let r = rubric(json!([]), contradiction());
        assert!(r.blocks("a-yn"));
        assert!(r.blocks("b-2"));
        assert!(!r.blocks("b-1"));
    }

    #[test]
    fn a_no_without_the_evidence_it_needs_counts_as_dont_know_and_hides_nothing() {
        // a-yn's *no* hides a-3; a blocker holds on a-3 unknown, one on a-yn unknown.
        let blockers = json!([
            {"id": "a3-unknown", "when": {"question": "a-3", "below": 2}, "limit": "not_ready",
                "reason": {"sv": "a-3 saknas", "en": "a-3 missing"}},
            {"id": "yn-unknown", "when": {"question": "a-yn", "below": 0}, "limit": "partly_ready",
                "reason": {"sv": "a-yn okänd", "en": "a-yn unknown"}}
        ]);
        let values = json!({"a-1": {"value": 5}, "a-2": {"value": 5}, "a-yn": {"value": "no"},
            "b-1": {"value": 5}, "b-2": {"value": 5}});
        let r = rubric(json!([]), blockers);
        let plain = questionnaire();
        let mut q = questionnaire();
        q.areas[0].questions[2].evidence_required = vec!["no".into()];
        let ids = |card: &Scorecard| -> Vec<String> {
            let verdict = card.verdict.as_ref().unwrap();
            verdict.blockers.iter().map(|b| b.id.clone()).collect()
        };

        // Without the field, a No is scored and hides a-3, as always.
        let card = score(&plain, &r, &answers(values.clone()));
        assert!(ids(&card).is_empty());
        assert!(card.without_evidence.is_empty());
        assert_eq!(
            area(&card, "a").questions[3].outcome,
            QuestionOutcome::NotAsked
        );

        // Without evidence, the No is Vet ej, a-3 is asked and unknown: both blockers hold.
        let card = score(&q, &r, &answers(values.clone()));
        assert_eq!(ids(&card), ["a3-unknown", "yn-unknown"]);
        assert_eq!(
            card.verdict.as_ref().unwrap().id.as_deref(),
            Some("not_ready")
        );
        let a = area(&card, "a");
        assert_eq!(a.questions[2].outcome, QuestionOutcome::DontKnow);
        assert!(a.questions[2].without_evidence);
        assert_eq!(a.questions[2].value, Some(json!("no")));
        assert_eq!(a.questions[3].outcome, QuestionOutcome::Unanswered);
        assert_eq!((a.dont_know, a.unanswered, a.not_asked), (1, 1, 0));
        assert_eq!(card.without_evidence.len(), 1);
        assert_eq!(card.without_evidence[0].number, "1.3");
        assert_eq!(card.without_evidence[0].words.sv, "Nej");
        let text = crate::scoring::text::render(&card, Lang::Sv);
        assert!(
            text.contains("1.3 räknas som Vet ej: svaret Nej kräver underlag"),
            "{text}"
        );
        let text = crate::scoring::text::render(&card, Lang::En);
        assert!(
            text.contains("1.3 counts as Don't know: the answer No needs evidence"),
            "{text}"
        );

        // With evidence, the No counts and hides a-3; a blank note is none.
        let mut with = values.clone();
        with["a-yn"]["evidence"] = json!("Beslut 2025-03-12");
        let card = score(&q, &r, &answers(with));
        assert!(ids(&card).is_empty());
        assert!(card.without_evidence.is_empty());
        assert_eq!(area(&card, "a").questions[2].points, Some(0.0));
        // A blank, a dash or a question mark is no evidence either.
        for none in ["  ", "-", "?", " . "] {
            let mut blank = values.clone();
            blank["a-yn"]["evidence"] = json!(none);
            assert_eq!(ids(&score(&q, &r, &answers(blank))).len(), 2, "{none:?}");
        }
    }

    #[test]
    fn a_blocker_on_an_area_sees_the_score_after_gates() {
        let gates = json!([{"id": "g", "area": "b", "cap": 2, "when": {"question": "b-1", "below": 5},
            "reason": {"sv": "x", "en": "x"}}]);
        let blockers = json!([{"id": "weak-b", "when": {"area": "b", "below": 3}, "limit": "partly_ready",
            "reason": {"sv": "svagt b", "en": "weak b"}}]);
        let card = score(
            &questionnaire(),
            &rubric(gates, blockers),
            &answers(
                json!({"a-1": {"value": 5}, "a-2": {"value": 5}, "a-yn": {"value": "yes"}, "a-3": {"value": 5},
                "b-1": {"value": 4}, "b-2": {"value": 4}}),
            ),
        );
        assert_eq!(area(&card, "b").score, Some(2.0));
        let verdict = card.verdict.unwrap();
        assert_eq!(verdict.blockers[0].subject.observed, Observed::Value(2.0));
        assert_eq!(verdict.id.as_deref(), Some("partly_ready"));
    }

    #[test]
    fn without_an_index_only_a_blocker_to_the_worst_band_gives_a_verdict() {
        let blockers = |limit: &str| json!([{"id": "x", "when": {"question": "b-1", "below": 2}, "limit": limit, "reason": {"sv": "x", "en": "x"}}]);
        let a = answers(json!({"b-1": {"value": 0}, "b-2": {"value": 0}}));
        let worst = score(
            &questionnaire(),
            &rubric(json!([]), blockers("not_ready")),
            &a,
        );
        assert_eq!(worst.overall.score, None);
        assert_eq!(
            worst.verdict.as_ref().unwrap().id.as_deref(),
            Some("not_ready")
        );
        let partly = score(
            &questionnaire(),
            &rubric(json!([]), blockers("partly_ready")),
            &a,
        );
        let verdict = partly.verdict.clone().unwrap();
        assert_eq!(verdict.id, None);
        assert_eq!(verdict.blockers.len(), 1);
        // No verdict, but the best it can be is said, and in words.
        assert_eq!(verdict.at_most.as_deref(), Some("partly_ready"));
        assert_eq!(worst.verdict.unwrap().at_most, None);
        let text = crate::scoring::text::render(&partly, Lang::Sv);
        assert!(
            text.contains("Bedömning: högst PARTLY; mer kan inte sägas, eftersom indexet saknas"),
            "{text}"
        );
        let text = crate::scoring::text::render(&partly, Lang::En);
        assert!(
            text.contains("Verdict: at most PARTLY; no more can be said, since there is no index"),
            "{text}"
        );
    }

    /// The answers as a team's: `split` lists the split questions, `settled` those of them the
    /// team has agreed on.
    fn team(values: serde_json::Value, split: &[&str], settled: &[&str]) -> Answers {
        let mut answers = answers(values);
        answers.merge = Some(crate::answers::Merge {
            rule: crate::answers::Rule::Median,
            split_share: 0.33,
            split_distance: 1,
            from: Vec::new(),
        });
        for id in split {
            let answer = answers.answers.get_mut(*id).unwrap();
            answer.split = true;
            if settled.contains(id) {
                answer.consensus = Some(crate::answers::Consensus {
                    rationale: "enade".into(),
                    date: None,
                });
            }
        }
        answers
    }

    #[test]
    fn a_verdict_waits_while_a_split_blocker_question_is_unsettled() {
        let blockers = json!([{"id": "owner", "when": {"question": "b-2", "below": 2}, "limit": "not_ready",
            "reason": {"sv": "ingen ägare", "en": "no owner"}}]);
        let values = json!({"a-1": {"value": 5}, "a-2": {"value": 5}, "a-yn": {"value": "yes"}, "a-3": {"value": 5},
            "b-1": {"value": 5}, "b-2": {"value": 1}});
        let (q, r) = (questionnaire(), rubric(json!([]), blockers));

        // Split on b-2, which the blocker looks at: no band, whichever way it would go.
        let card = score(&q, &r, &team(values.clone(), &["b-2", "a-1"], &[]));
        let verdict = card.verdict.unwrap();
        assert_eq!((verdict.id, verdict.name), (None, None));
        assert_eq!(verdict.from_index.as_deref(), Some("partly_ready"));
        let waiting: Vec<(&str, &str)> = verdict
            .unsettled
            .iter()
            .map(|u| (u.id.as_str(), u.number.as_str()))
            .collect();
        assert_eq!(
            waiting,
            [("b-2", "2.2")],
            "a-1 is split too, but no blocker looks at it"
        );
        assert_eq!(
            verdict.blockers.len(),
            1,
            "the blocker that holds is still listed"
        );
        assert!(!verdict.blockers[0].decisive);

        // Settled, the verdict is given as for anyone's answers.
        let card = score(&q, &r, &team(values.clone(), &["b-2", "a-1"], &["b-2"]));
        let verdict = card.verdict.unwrap();
        assert_eq!(verdict.id.as_deref(), Some("not_ready"));
        assert!(verdict.unsettled.is_empty());
        assert!(verdict.blockers[0].decisive);

        // Split only where no blocker looks: the verdict is given.
        let card = score(&q, &r, &team(values.clone(), &["a-1"], &[]));
        assert_eq!(card.verdict.unwrap().id.as_deref(), Some("not_ready"));

        // Two of them, in the questionnaire's order, named in the text in both languages.
        let blockers = json!([
            {"id": "owner", "when": {"question": "b-2", "below": 2}, "limit": "not_ready",
                "reason": {"sv": "ingen ägare", "en": "no owner"}},
            {"id": "plan", "when": {"question": "b-1", "below": 2}, "limit": "partly_ready",
                "reason": {"sv": "ingen plan", "en": "no plan"}}]);
        let card = score(
            &q,
            &rubric(json!([]), blockers),
            &team(values, &["b-2", "b-1"], &[]),
        );
        let ids: Vec<&str> = card
            .verdict
            .as_ref()
            .unwrap()
            .unsettled
            .iter()
            .map(|u| u.id.as_str())
            .collect();
        assert_eq!(ids, ["b-1", "b-2"]);
        let sv = crate::scoring::text::render(&card, Lang::Sv);
        assert!(sv.contains("Bedömning: väntar tills teamet har enats om 2.1 och 2.2 (indexet ensamt ger partly)"), "{sv}");
        assert!(
            sv.contains("Hinder ser på de frågorna, så bedömningen kan ändras när teamet enas."),
            "{sv}"
        );
        assert!(
            sv.contains("(2.2: 1), enligt förslaget; teamet har inte enats"),
            "{sv}"
        );
        let en = crate::scoring::text::render(&card, Lang::En);
        assert!(en.contains("Verdict: waits until the team has settled 2.1 and 2.2 (the index alone gives partly)"), "{en}");
        assert!(en.contains("Blockers look at those questions, so the verdict can change when the team settles them."), "{en}");
    }

    #[test]
    fn a_split_blocker_question_that_is_not_asked_holds_nothing_back() {
        let blockers = json!([{"id": "x", "when": {"question": "a-3", "below": 2}, "limit": "not_ready",
            "reason": {"sv": "x", "en": "x"}}]);
        let values = json!({"a-1": {"value": 5}, "a-2": {"value": 5}, "a-yn": {"value": "no"}, "a-3": {"value": 1},
            "b-1": {"value": 5}, "b-2": {"value": 5}});
        let card = score(
            &questionnaire(),
            &rubric(json!([]), blockers),
            &team(values, &["a-3"], &[]),
        );
        let verdict = card.verdict.unwrap();
        assert!(
            verdict.unsettled.is_empty(),
            "a-3 is asked only after a yes"
        );
        assert!(verdict.id.is_some());
    }

    #[test]
    fn a_score_is_missing_only_with_a_reason() {
        let q = questionnaire();
        let mut r = rubric(json!([]), json!([]));
        // Area b is left out of the rubric; with a coverage rule of 0, area a can have
        // nothing answered and still pass it.
        r.areas.retain(|a| a.area == "a");
        r.overall.min_areas = 1;
        r.coverage.min = 0.0;
        let card = score(
            &q,
            &r,
            &answers(
                json!({"a-1": {"status": "dont_know"}, "a-2": {"status": "dont_know"},
                "a-yn": {"status": "dont_know"}, "b-1": {"value": 3}}),
            ),
        );
        let (a, b) = (area(&card, "a"), area(&card, "b"));
        assert!(a.scored);
        assert_eq!(
            (a.score, a.no_score),
            (None, Some(NoScore::NothingAnswered))
        );
        assert!(!b.scored);
        assert_eq!((b.score, b.no_score), (None, Some(NoScore::NotScored)));
        let json = serde_json::to_value(&card).unwrap();
        assert_eq!(json["areas"][0]["no_score"]["reason"], "nothing_answered");
        assert_eq!(json["areas"][1]["no_score"]["reason"], "not_scored");

        // Whatever is answered, `score` is null exactly when `no_score` says why.
        for values in [
            json!({}),
            json!({"a-1": {"value": 4}, "a-2": {"value": 1}, "a-yn": {"value": "no"}}),
            json!({"b-1": {"status": "not_applicable"}, "b-2": {"status": "not_applicable"}}),
            json!({"b-1": {"value": 3}, "b-2": {"status": "dont_know"}}),
        ] {
            for rubric in [&r, &rubric(json!([]), json!([]))] {
                let card = score(&q, rubric, &answers(values.clone()));
                for area in &card.areas {
                    assert_eq!(area.score.is_none(), area.no_score.is_some(), "{area:?}");
                }
            }
        }
    }

    #[test]
    fn a_rounded_score_always_has_the_level_it_shows() {
        let r = rubric(json!([]), json!([]));
        // 2.95 rounds to 3.0, and 3.0 is level 3.
        assert_eq!(round1(2.95), 3.0);
        assert_eq!(level_of(round1(2.95), &r.levels).unwrap().level, 3);
        assert_eq!(level_of(2.9, &r.levels).unwrap().level, 2);
        assert_eq!(round1(2.25), 2.3);
        assert_eq!(round1(0.1 + 0.2), 0.3);
    }

    #[test]
    fn number_answers_score_by_their_band() {
        let q = Question {
            kind: QuestionKind::Number,
            ..questionnaire().areas[0].questions[0].clone()
        };
        let rule: QuestionRule = serde_json::from_value(json!({"question": "x", "points": [
            {"at_least": 0, "points": 0}, {"at_least": 10, "points": 3}, {"at_least": 50, "points": 5}]}))
        .unwrap();
        let at = |n: f64| points(&q, Some(&rule), &Value(json!(n)));
        assert_eq!(at(9.9), Some(0.0));
        assert_eq!(at(10.0), Some(3.0));
        assert_eq!(at(75.0), Some(5.0));
        assert_eq!(at(-1.0), None);
    }
}
