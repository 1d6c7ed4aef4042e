//! The national reference: how the regions' scores spread, per questionnaire, area, group of
//! areas and scale question, and how many answered yes to each indicator, as read from and
//! written to a `mognad.national/1` file. [`build`] makes one from scored answers; it is pure.
//!
//! The groups were added to the format as an optional field, written only when the
//! questionnaire declares groups: every file written before reads as it did, and a reference
//! of a questionnaire without groups is written as before.
//!
//! Small groups are never exposed: a figure that rests on fewer regions than `min_regions` is
//! withheld, and the file holds only how many regions it would have rested on.

use std::collections::BTreeSet;

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::answers::{Answers, Value};
use crate::questionnaire::{Question, QuestionKind, Questionnaire};
use crate::scoring::Scorecard;
use crate::stats::{self, round2};

pub const FORMAT: &str = "mognad.national/1";

/// The default fewest regions a published figure may rest on.
pub const MIN_REGIONS: u32 = 5;

/// A national reference for one year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "mognad national reference", extend("$id" = "mognad.national/1"))]
pub struct National {
    /// Always `mognad.national/1`.
    pub format: String,
    /// The year the figures describe.
    pub year: i32,
    /// The fewest regions a figure rests on; figures that would rest on fewer are withheld.
    pub min_regions: u32,
    /// The latest answer date among the files used, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// True when the figures were built from example answers of fictional regions. A report
    /// that uses them says *exempeldata* on every page.
    #[serde(default, skip_serializing_if = "is_false")]
    pub example: bool,
    /// One section per questionnaire answered.
    pub questionnaires: Vec<Section>,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(value: &bool) -> bool {
    !*value
}

/// The figures for one questionnaire.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The questionnaire's id.
    pub id: String,
    /// The questionnaire version every file used answered.
    pub version: String,
    /// The questionnaire's content hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
    /// The regions whose answers were used, sorted.
    pub regions: Vec<String>,
    /// The overall index.
    pub overall: Stat,
    /// Each area with a score, in the questionnaire's order.
    pub areas: Vec<Figure>,
    /// Each group of areas the questionnaire declares, in its order: the spread of the groups'
    /// scores (the weighted mean of their areas' scores). Absent when it declares none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Figure>,
    /// Each scale question, by the level answered (*Vet ej* and *Ej tillämpligt* left out).
    pub questions: Vec<Figure>,
    /// Each indicator question: how many regions gave each answer.
    pub indicators: Vec<Count>,
}

/// A statistic of an area, group of areas or question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Figure {
    /// The area, group or question id.
    pub id: String,
    #[serde(flatten)]
    pub stat: Stat,
}

/// How a value spreads over the regions: `n` always; the rest only when `n` reaches
/// `min_regions`, else `withheld` is true and the values are absent.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Stat {
    /// How many regions the figure rests on.
    pub n: u32,
    /// True when `n` is below `min_regions` and the figures are not published.
    #[serde(default, skip_serializing_if = "is_false")]
    pub withheld: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub median: Option<f64>,
    /// The lower quartile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q1: Option<f64>,
    /// The upper quartile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q3: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

/// How many regions gave each answer to an indicator question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Count {
    /// The question id.
    pub question: String,
    /// The question's `indicator` key.
    pub indicator: String,
    /// How many regions answered with a value (*Vet ej*, *Ej tillämpligt* and unanswered left
    /// out).
    pub n: u32,
    /// True when `n` is below `min_regions` and the counts are not published.
    #[serde(default, skip_serializing_if = "is_false")]
    pub withheld: bool,
    /// Per answer value (`yes`, `no`, `partly` or an option id), how many regions gave it.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub counts: IndexMap<String, u32>,
}

/// What the reference needs of one region's answers: its scores and answered values, in the
/// questionnaire's order. Small, so that thousands of files need not be kept in memory.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub region: String,
    pub date: Option<String>,
    pub example: bool,
    pub overall: Option<f64>,
    /// Per area of the questionnaire, its score.
    pub areas: Vec<Option<f64>>,
    /// Whether each area is scored at all (the barrier area is not).
    pub scored: Vec<bool>,
    /// Per group of areas of the questionnaire, its score.
    pub groups: Vec<Option<f64>>,
    /// Per scale question, the level answered.
    pub levels: Vec<Option<u8>>,
    /// Per indicator question, the answer's value as a key (`yes`, an option id).
    pub indicators: Vec<Option<String>>,
    /// The solution assessed, for readiness answers.
    pub solution: Option<String>,
    /// The readiness verdict's id (`ready`, `partly_ready`, `not_ready`), when there is one.
    pub verdict: Option<String>,
    /// The blockers that made the verdict worse than the index alone, by id.
    pub blockers: Vec<String>,
}

impl Row {
    /// The row of one region's answers and their scorecard.
    pub fn new(q: &Questionnaire, answers: &Answers, card: &Scorecard) -> Row {
        let area = |id: &str| card.areas.iter().find(|a| a.id == id);
        Row {
            region: answers.region.clone(),
            date: answers.date.clone(),
            example: answers.example,
            overall: card.overall.score,
            areas: q
                .areas
                .iter()
                .map(|a| area(&a.id).and_then(|a| a.score))
                .collect(),
            scored: q
                .areas
                .iter()
                .map(|a| area(&a.id).is_some_and(|a| a.scored))
                .collect(),
            groups: q
                .groups
                .iter()
                .map(|g| {
                    card.groups
                        .iter()
                        .find(|s| s.id == g.id)
                        .and_then(|s| s.score)
                })
                .collect(),
            levels: scale_questions(q)
                .map(|question| answered(q, question, answers).and_then(Value::as_level))
                .collect(),
            indicators: indicator_questions(q)
                .map(|(question, _)| answered(q, question, answers).map(Value::key))
                .collect(),
            solution: answers.solution.as_ref().map(|s| s.name.trim().to_string()),
            verdict: card.verdict.as_ref().and_then(|v| v.id.clone()),
            blockers: card
                .verdict
                .iter()
                .flat_map(|v| &v.blockers)
                .filter(|b| b.decisive)
                .map(|b| b.id.clone())
                .collect(),
        }
    }
}

/// The questions answered on 0–5: scale questions, and whole-number questions from 0 to 5
/// such as the barrier questions asked as SLIT asked them, without level descriptors.
pub fn scale_questions(q: &Questionnaire) -> impl Iterator<Item = &Question> {
    q.questions()
        .map(|(_, question)| question)
        .filter(|question| on_zero_to_five(question))
}

/// Whether a question is answered on 0–5: a scale, or a whole number from 0 to 5.
pub fn on_zero_to_five(question: &Question) -> bool {
    match question.kind {
        QuestionKind::Scale => true,
        QuestionKind::Number => {
            question.integer && question.min == Some(0.0) && question.max == Some(5.0)
        }
        _ => false,
    }
}

pub fn indicator_questions(q: &Questionnaire) -> impl Iterator<Item = (&Question, &String)> {
    q.questions().filter_map(|(_, question)| {
        question
            .indicator
            .as_ref()
            .filter(|_| question.closed_values().is_some())
            .map(|indicator| (question, indicator))
    })
}

/// What the reference is built from: one questionnaire and every region's row.
pub struct Group<'a> {
    pub questionnaire: &'a Questionnaire,
    /// The rubric the rows were scored with, when there is one: it names the blockers.
    pub rubric: Option<&'a crate::scoring::Rubric>,
    pub rows: Vec<Row>,
}

impl Stat {
    /// The statistic of these values, withheld when there are fewer than `min_regions`.
    pub fn of(values: &[f64], min_regions: u32) -> Stat {
        let n = values.len() as u32;
        match stats::summary(values) {
            Some(s) if n >= min_regions => Stat {
                n,
                withheld: false,
                mean: Some(round2(s.mean)),
                median: Some(round2(s.median)),
                q1: Some(round2(s.q1)),
                q3: Some(round2(s.q3)),
                min: Some(round2(s.min)),
                max: Some(round2(s.max)),
            },
            _ => Stat {
                n,
                withheld: true,
                ..Stat::default()
            },
        }
    }

    /// The statistic of scores given by regions: as [`Stat::of`], and withheld too unless
    /// the scores come from at least `min_regions` regions. A readiness questionnaire is
    /// answered once per solution, so a region may give several scores; `n` counts them.
    pub fn of_regions(scored: &[(&str, f64)], min_regions: u32) -> Stat {
        let regions: BTreeSet<String> = scored.iter().map(|(r, _)| r.to_lowercase()).collect();
        let values: Vec<f64> = scored.iter().map(|(_, v)| *v).collect();
        let stat = Stat::of(&values, min_regions);
        if (regions.len() as u32) < min_regions {
            Stat {
                n: stat.n,
                withheld: true,
                ..Stat::default()
            }
        } else {
            stat
        }
    }

    /// Lower quartile, median and upper quartile, when published.
    pub fn band(&self) -> Option<(f64, f64, f64)> {
        match (self.withheld, self.q1, self.median, self.q3) {
            (false, Some(q1), Some(median), Some(q3)) => Some((q1, median, q3)),
            _ => None,
        }
    }
}

/// Builds the reference for one year from groups of rows, one group per questionnaire. The
/// caller has checked the files: one per region, one year, one version.
pub fn build(year: i32, min_regions: u32, example: bool, groups: &[Group]) -> National {
    let date = groups
        .iter()
        .flat_map(|g| g.rows.iter().filter_map(|r| r.date.clone()))
        .max();
    National {
        format: FORMAT.to_string(),
        year,
        min_regions,
        date,
        example,
        questionnaires: groups.iter().map(|g| section(g, min_regions)).collect(),
    }
}

fn section(group: &Group, min_regions: u32) -> Section {
    let q = group.questionnaire;
    let rows = &group.rows;
    let regions: BTreeSet<String> = rows.iter().map(|r| r.region.clone()).collect();
    // Scores count by region: a readiness questionnaire's rows may be several per region.
    let by_region = |score: &dyn Fn(&Row) -> Option<f64>| -> Stat {
        let scored: Vec<(&str, f64)> = rows
            .iter()
            .filter_map(|r| Some((r.region.as_str(), score(r)?)))
            .collect();
        Stat::of_regions(&scored, min_regions)
    };
    let overall = by_region(&|r| r.overall);
    let areas = q
        .areas
        .iter()
        .enumerate()
        .filter(|(i, _)| rows.first().is_some_and(|r| r.scored[*i]))
        .map(|(i, area)| Figure {
            id: area.id.clone(),
            stat: by_region(&|r| r.areas[i]),
        })
        .collect();
    let groups = q
        .groups
        .iter()
        .enumerate()
        .map(|(i, group)| Figure {
            id: group.id.clone(),
            stat: by_region(&|r| r.groups.get(i).copied().flatten()),
        })
        .collect();
    let questions = scale_questions(q)
        .enumerate()
        .map(|(i, question)| {
            let values: Vec<f64> = rows
                .iter()
                .filter_map(|r| r.levels[i])
                .map(f64::from)
                .collect();
            Figure {
                id: question.id.clone(),
                stat: Stat::of(&values, min_regions),
            }
        })
        .collect();
    let indicators = indicator_questions(q)
        .enumerate()
        .map(|(i, (question, indicator))| {
            let closed = question.closed_values().unwrap_or_default();
            let mut counts: IndexMap<String, u32> = closed.into_iter().map(|v| (v, 0)).collect();
            let mut n = 0;
            for row in rows {
                if let Some(key) = &row.indicators[i]
                    && let Some(count) = counts.get_mut(key)
                {
                    *count += 1;
                    n += 1;
                }
            }
            let withheld = n < min_regions;
            if withheld {
                counts.clear();
            }
            Count {
                question: question.id.clone(),
                indicator: indicator.clone(),
                n,
                withheld,
                counts,
            }
        })
        .collect();
    Section {
        id: q.id.clone(),
        version: q.version.clone(),
        hash: Some(q.content_hash()),
        regions: regions.into_iter().collect(),
        overall,
        areas,
        groups,
        questions,
        indicators,
    }
}

/// A question's value, when it was asked and answered with one.
fn answered<'a>(q: &Questionnaire, question: &Question, answers: &'a Answers) -> Option<&'a Value> {
    let answer = answers.get(&question.id)?;
    match (&answer.value, answer.status) {
        (Some(value), None) if q.is_asked(question, answers) => Some(value),
        _ => None,
    }
}

impl National {
    pub fn section(&self, questionnaire: &str) -> Option<&Section> {
        self.questionnaires.iter().find(|s| s.id == questionnaire)
    }

    /// The figures a region's answers to `questionnaire` can be set beside: its section,
    /// when the reference was built from the same version, whatever its kind. A readiness
    /// questionnaire's section has its index and areas as a maturity one's has.
    pub fn for_questionnaire(&self, questionnaire: &Questionnaire) -> Option<&Section> {
        self.section(&questionnaire.id)
            .filter(|s| s.version == questionnaire.version)
    }
}

impl Section {
    /// The index's figures, to set a region's index beside.
    pub fn index(&self) -> &Stat {
        &self.overall
    }

    /// How many regions' answers the figures rest on, names alike but for case counted once
    /// as the figures count them.
    pub fn region_count(&self) -> usize {
        self.regions
            .iter()
            .map(|r| r.to_lowercase())
            .collect::<BTreeSet<_>>()
            .len()
    }

    /// Every scored area's figures, in the questionnaire's order.
    pub fn areas(&self) -> impl Iterator<Item = (&str, &Stat)> {
        self.areas.iter().map(|f| (f.id.as_str(), &f.stat))
    }

    pub fn area(&self, id: &str) -> Option<&Stat> {
        self.areas.iter().find(|f| f.id == id).map(|f| &f.stat)
    }

    /// A group of areas' figures, to set a region's group score beside; `None` when the
    /// questionnaire has no such group, or the reference was built before groups were.
    pub fn group(&self, id: &str) -> Option<&Stat> {
        self.groups.iter().find(|f| f.id == id).map(|f| &f.stat)
    }

    pub fn question(&self, id: &str) -> Option<&Stat> {
        self.questions.iter().find(|f| f.id == id).map(|f| &f.stat)
    }

    pub fn indicator(&self, question: &str) -> Option<&Count> {
        self.indicators.iter().find(|c| c.question == question)
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;
    use crate::document::{Document, parse};
    use serde_json::json;

    fn reference(section: &serde_json::Value) -> National {
        let value = json!({
            "format": FORMAT, "year": 2025, "min_regions": 5, "questionnaires": [section]
        });
        match parse(&value.to_string()).unwrap() {
            Document::National(n) => n,
            _ => unreachable!(),
        }
    }

    fn section() -> serde_json::Value {
        json!({
            "id": "q", "version": "1", "regions": ["A", "B", "C", "D", "E"],
            "overall": {"n": 5, "mean": 2.0, "median": 2.0, "q1": 1.5, "q3": 2.5, "min": 1.0, "max": 3.0},
            "areas": [], "questions": [], "indicators": []
        })
    }

    #[test]
    fn a_reference_written_before_groups_reads_without_them() {
        let n = reference(&section());
        let s = n.section("q").unwrap();
        assert!(s.groups.is_empty());
        assert_eq!(s.group("g"), None);
        // And is written again as it was.
        let written = serde_json::to_value(&n).unwrap();
        assert!(written["questionnaires"][0].get("groups").is_none());
    }

    #[test]
    fn a_group_figures_are_found_by_id() {
        let mut with = section();
        with["groups"] = json!([
            {"id": "g", "n": 5, "mean": 2.2, "median": 2.5, "q1": 2.0, "q3": 3.0, "min": 1.0, "max": 3.5},
            {"id": "h", "n": 3, "withheld": true}
        ]);
        let n = reference(&with);
        let s = n.section("q").unwrap();
        assert_eq!(s.group("g").and_then(Stat::band), Some((2.0, 2.5, 3.0)));
        assert_eq!(s.group("h").map(|g| (g.n, g.withheld)), Some((3, true)));
        assert_eq!(s.group("h").and_then(Stat::band), None);
        assert_eq!(s.group("x"), None);
    }

    /// Six files of the built-in readiness questionnaire from three regions (two solutions
    /// each) give no published figure at five regions; from six regions they do, and the
    /// section answers for the questionnaire's version with its index and every area.
    #[test]
    fn a_readiness_section_counts_regions_not_files() {
        let q = crate::builtin::questionnaire("beredskap").unwrap().unwrap();
        let row = |region: &str, score: f64| Row {
            region: region.to_string(),
            date: None,
            example: true,
            overall: Some(score),
            areas: vec![Some(score); q.areas.len()],
            scored: vec![true; q.areas.len()],
            groups: vec![Some(score); q.groups.len()],
            levels: scale_questions(&q).map(|_| Some(2)).collect(),
            indicators: indicator_questions(&q).map(|_| None).collect(),
            solution: Some(format!("lösning {score}")),
            verdict: None,
            blockers: Vec::new(),
        };
        let three: Vec<Row> = ["A", "B", "C", "a", "b", "c"]
            .iter()
            .zip([1.0, 2.0, 3.0, 4.0, 5.0, 2.5])
            .map(|(r, s)| row(r, s))
            .collect();
        let group = |rows: Vec<Row>| Group {
            questionnaire: &q,
            rubric: None,
            rows,
        };
        let few = build(2026, 5, true, &[group(three)]);
        let section = few.for_questionnaire(&q).unwrap();
        assert_eq!((section.index().n, section.index().withheld), (6, true));
        assert!(section.areas().all(|(_, stat)| stat.withheld));
        assert_eq!(section.region_count(), 3);
        let six: Vec<Row> = ["A", "B", "C", "D", "E", "F"]
            .iter()
            .zip([1.0, 2.0, 3.0, 4.0, 5.0, 2.5])
            .map(|(r, s)| row(r, s))
            .collect();
        let many = build(2026, 5, true, &[group(six)]);
        let section = many.for_questionnaire(&q).unwrap();
        assert_eq!(section.index().median, Some(2.75));
        assert_eq!(section.areas().count(), q.areas.len());
        assert!(section.areas().all(|(_, stat)| !stat.withheld));
        let mut other = q.clone();
        other.version = "1900.1".into();
        assert!(many.for_questionnaire(&other).is_none());
    }
}
