//! The yearly national report: every figure the regions' own files give for a year and the
//! year before, with SLIT's published counts as the earlier part of each indicator's series.
//! [`build`] takes the rows `benchmark` reads and returns the figures; [`pages`] words them as
//! the PDF's pages and [`data`] as the open data beside it. Pure: values in, values out.
//!
//! Nothing here names a region unless asked to, and the k-rule is applied twice: a figure
//! that rests on fewer than `min_regions` regions is withheld, and so is a count whose
//! complement (the other regions that answered) is below `min_regions`, since 20 of 21 tells
//! the 21st region's answer to anyone who knows which regions answered.

pub mod data;
pub mod pages;

use std::collections::BTreeMap;

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::lang::Text;
use crate::national::{self, Group, Stat};
use crate::published::Published;
use crate::questionnaire::{Kind, Questionnaire};
use crate::stats::round2;

pub const FORMAT: &str = "mognad.national-report/1";

/// The id of the barrier area, asked each year on 0–5 (5 the biggest barrier).
pub const BARRIER_AREA: &str = "hinder";

/// One year of the regions' files: the groups `benchmark` reads, one per questionnaire.
pub struct Year<'a> {
    pub year: i32,
    pub groups: &'a [Group<'a>],
}

/// The national report's figures: exactly what the PDF and the open data publish.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "mognad national report", extend("$id" = "mognad.national-report/1"))]
pub struct NationalReport {
    /// Always `mognad.national-report/1`.
    pub format: String,
    /// The year the report is for.
    pub year: i32,
    /// The year before, when the files have answers for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_year: Option<i32>,
    /// The fewest regions a published figure rests on, and the fewest a count's complement
    /// may rest on.
    pub min_regions: u32,
    /// True when the regions agreed to be named, and are.
    #[serde(default)]
    pub named: bool,
    /// True when any file used was example data of fictional regions.
    #[serde(default)]
    pub example: bool,
    /// The latest answer date among the files used, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Per year and questionnaire edition, how many regions answered.
    pub editions: Vec<Edition>,
    /// The questionnaires answered this year, with what they are and their titles: what the
    /// pages choose their pages and words from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questionnaires: Vec<Answered>,
    /// The questionnaire whose index and areas `overall` and `areas` give: the maturity
    /// questionnaire when one was answered this year, else the first answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scored: Option<String>,
    /// The national index per year.
    pub overall: Vec<YearStat>,
    /// Per scored area of the questionnaire `scored` names, the regions' scores per year.
    pub areas: Vec<AreaFigures>,
    /// Per group of areas of any questionnaire answered this year that declares groups, the
    /// regions' group scores per year; absent when none does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<GroupFigures>,
    /// The barriers, ranked by their mean this year, biggest first.
    pub barriers: Vec<Barrier>,
    /// Per indicator question, the published series and the files' counts per year.
    pub indicators: Vec<Indicator>,
    /// Per solution assessed for readiness this year, the verdicts and deciding blockers.
    pub readiness: Vec<Solution>,
    /// Every figure withheld, and why.
    pub withheld: Vec<Withheld>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    pub year: i32,
    pub questionnaire: String,
    pub version: String,
    /// How many regions' files answered it.
    pub regions: u32,
    /// The regions, only when they agreed to be named.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
}

/// A questionnaire answered this year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Answered {
    pub id: String,
    /// `maturity` or `readiness`.
    pub kind: Kind,
    pub title: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearStat {
    pub year: i32,
    #[serde(flatten)]
    pub stat: Stat,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AreaFigures {
    pub id: String,
    pub number: u32,
    pub title: Text,
    /// This year first, then the year before when there is one.
    pub years: Vec<Distribution>,
    /// The change of the median since the year before, when both are published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<f64>,
}

/// A group of areas of one questionnaire: its score is the weighted mean of its areas' scores.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupFigures {
    /// The questionnaire's id.
    pub questionnaire: String,
    /// The questionnaire's title, which heads its groups.
    pub questionnaire_title: Text,
    pub id: String,
    pub title: Text,
    /// The numbers of its areas.
    pub areas: Vec<u32>,
    /// This year first, then the year before when that year's edition has the group too.
    pub years: Vec<Distribution>,
    /// The change of the median since the year before, when both are published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<f64>,
}

/// How the regions' scores of an area spread in one year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Distribution {
    pub year: i32,
    /// How many regions scored the area, of how many answered the questionnaire.
    pub of: u32,
    #[serde(flatten)]
    pub stat: Stat,
    /// Every region's score, lowest first, unnamed; only when the figure is published.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scores: Vec<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Barrier {
    /// The question id.
    pub id: String,
    pub label: Text,
    /// This year first, then the year before when there is one.
    pub years: Vec<YearStat>,
    /// The rank by mean this year (1 the biggest) and last year, when published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank_previous: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// The question id in this year's edition.
    pub question: String,
    /// The question's `indicator` key, which ties it to the published figure.
    pub indicator: String,
    pub title: Text,
    /// The answers, in the question's order, with their names.
    pub answers: Vec<AnswerName>,
    /// The answers the published figure counts (`yes`, or the options it names).
    pub counted: Vec<String>,
    /// The published figures, oldest first: the earlier part of the series.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub published: Vec<PublishedCount>,
    /// The files' counts per year, oldest first.
    pub years: Vec<Counts>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerName {
    pub value: String,
    pub name: Text,
}

/// A count from the published source, or its words where it gives no count.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PublishedCount {
    pub year: i32,
    /// The short source, such as "SLIT 2025".
    pub source: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Out of how many regions.
    pub of: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
}

/// How many regions gave each answer in one year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    pub year: i32,
    /// How many regions answered with a value.
    pub n: u32,
    /// True when the counts are withheld (see `withheld` at the top for why).
    #[serde(default)]
    pub withheld: bool,
    /// Per answer value, how many regions gave it; empty when withheld.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub counts: IndexMap<String, u32>,
    /// The count as the published figure counts it; absent when withheld.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counted: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Solution {
    /// The solution as the files name it.
    pub name: String,
    /// How many regions assessed it.
    pub n: u32,
    #[serde(default)]
    pub withheld: bool,
    /// Per verdict (`ready`, `partly_ready`, `not_ready`), how many regions; empty when
    /// withheld.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub verdicts: IndexMap<String, u32>,
    /// The blockers that decided a verdict, most often first; only those whose count is
    /// published.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blockers: Vec<BlockerCount>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BlockerCount {
    pub id: String,
    pub reason: Text,
    pub count: u32,
}

/// A figure that is not published.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Withheld {
    /// What the figure is: `overall`, an area id, a question id, or a solution.
    pub figure: String,
    pub year: i32,
    pub reason: Reason,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The figure rests on fewer than `min_regions` regions.
    FewRegions,
    /// A count, or the rest of the regions beside it, is below `min_regions`, so the count
    /// would tell a small group's answer; the other counts of the same question go with it,
    /// since they would give it away by subtraction.
    Complement,
}

/// Whether a row of counts out of `n` may be published: `n` reaches `k`, and every count is
/// either 0 or at least `k` with at least `k` regions beside it. Then no reader who knows the
/// answers of fewer than `k` regions (their own, say) can tell another region's answer: each
/// answer given is shared by at least `k` regions and not given by at least `k`.
pub fn disclosure(counts: impl IntoIterator<Item = u32>, n: u32, k: u32) -> Option<Reason> {
    if n < k {
        return Some(Reason::FewRegions);
    }
    let safe = |c: u32| c == 0 || (c >= k && n - c >= k);
    if counts.into_iter().all(safe) {
        None
    } else {
        Some(Reason::Complement)
    }
}

/// What [`build`] needs besides the years.
pub struct Options<'a> {
    pub min_regions: u32,
    pub named: bool,
    pub published: &'a Published,
}

/// The report for the latest of `years` (oldest first), with the one before it as last year.
pub fn build<'a>(years: &[Year<'a>], options: &Options) -> NationalReport {
    let k = options.min_regions;
    let this = years.last().expect("at least one year");
    let previous = years
        .iter()
        .rev()
        .nth(1)
        .filter(|y| y.year == this.year - 1);
    let mut withheld = Vec::new();
    let editions = years
        .iter()
        .flat_map(|y| {
            y.groups.iter().map(move |g| {
                let mut names: Vec<String> = g.rows.iter().map(|r| r.region.clone()).collect();
                names.sort();
                names.dedup();
                Edition {
                    year: y.year,
                    questionnaire: g.questionnaire.id.clone(),
                    version: g.questionnaire.version.clone(),
                    regions: names.len() as u32,
                    names: if options.named { names } else { Vec::new() },
                }
            })
        })
        .collect();
    let shown_years: Vec<&Year> = previous.into_iter().chain([this]).collect();
    let scored = scored(this);
    let scored_in = |y: &Year<'a>| {
        let id = &scored?.questionnaire.id;
        y.groups.iter().find(|g| &g.questionnaire.id == id)
    };
    let overall = shown_years
        .iter()
        .filter_map(|y| {
            let g = scored_in(y)?;
            let values: Vec<(&str, f64)> = g
                .rows
                .iter()
                .filter_map(|r| Some((r.region.as_str(), r.overall?)))
                .collect();
            let (stat, _) = spread(values, k);
            note(&mut withheld, &stat, "overall", y.year);
            Some(YearStat { year: y.year, stat })
        })
        .collect();
    let areas = scored.map_or_else(Vec::new, |g| {
        areas(g, previous.and_then(scored_in), this.year, k, &mut withheld)
    });
    let groups = this
        .groups
        .iter()
        .flat_map(|g| {
            let last = previous.and_then(|p| {
                p.groups
                    .iter()
                    .find(|l| l.questionnaire.id == g.questionnaire.id)
            });
            groups(g, last, this.year, k, &mut withheld)
        })
        .collect();
    let barriers = maturity(this).map_or_else(Vec::new, |g| {
        barriers(g, previous.and_then(maturity), this.year, k, &mut withheld)
    });
    let indicators = maturity(this).map_or_else(Vec::new, |g| {
        indicators(g.questionnaire, years, options, &mut withheld)
    });
    let readiness = this
        .groups
        .iter()
        .filter(|g| g.questionnaire.kind == Kind::Readiness)
        .flat_map(|g| readiness(g, this.year, k, &mut withheld))
        .collect();
    let readiness = unnamed_few(readiness, k);
    let all_rows = || {
        years
            .iter()
            .flat_map(|y| y.groups.iter().flat_map(|g| &g.rows))
    };
    NationalReport {
        format: FORMAT.to_string(),
        year: this.year,
        previous_year: previous.map(|p| p.year),
        min_regions: k,
        named: options.named,
        example: all_rows().any(|r| r.example),
        date: this
            .groups
            .iter()
            .flat_map(|g| g.rows.iter().filter_map(|r| r.date.clone()))
            .max(),
        editions,
        questionnaires: this
            .groups
            .iter()
            .map(|g| Answered {
                id: g.questionnaire.id.clone(),
                kind: g.questionnaire.kind,
                title: g.questionnaire.title.clone(),
            })
            .collect(),
        scored: scored.map(|g| g.questionnaire.id.clone()),
        overall,
        areas,
        groups,
        barriers,
        indicators,
        readiness,
        withheld,
    }
}

fn maturity<'a>(y: &Year<'a>) -> Option<&'a Group<'a>> {
    y.groups
        .iter()
        .find(|g| g.questionnaire.kind == Kind::Maturity)
}

/// The questionnaire whose index and areas the report shows: the maturity one, else the first
/// answered (a readiness questionnaire, whose areas and index are scored as well).
fn scored<'a>(y: &Year<'a>) -> Option<&'a Group<'a>> {
    maturity(y).or_else(|| y.groups.first())
}

/// The statistic of scores given by regions, with the scores when published. A readiness
/// questionnaire may have several files per region (one per solution), so a figure is
/// withheld unless its scores come from at least `k` regions, not just `k` files.
fn spread(scored: Vec<(&str, f64)>, k: u32) -> (Stat, Vec<f64>) {
    let stat = Stat::of_regions(&scored, k);
    let mut values: Vec<f64> = if stat.withheld {
        Vec::new()
    } else {
        scored.into_iter().map(|(_, v)| round2(v)).collect()
    };
    values.sort_by(f64::total_cmp);
    (stat, values)
}

fn note(withheld: &mut Vec<Withheld>, stat: &Stat, figure: &str, year: i32) {
    if stat.withheld {
        withheld.push(Withheld {
            figure: figure.to_string(),
            year,
            reason: Reason::FewRegions,
        });
    }
}

fn areas(
    this: &Group,
    last: Option<&Group>,
    year: i32,
    k: u32,
    withheld: &mut Vec<Withheld>,
) -> Vec<AreaFigures> {
    let q = this.questionnaire;
    let distribution = |g: &Group, id: &str, year: i32, withheld: &mut Vec<Withheld>| {
        let i = g.questionnaire.areas.iter().position(|a| a.id == id)?;
        if !g.rows.first().is_some_and(|r| r.scored[i]) {
            return None;
        }
        let values: Vec<(&str, f64)> = g
            .rows
            .iter()
            .filter_map(|r| Some((r.region.as_str(), r.areas[i]?)))
            .collect();
        let (stat, scores) = spread(values, k);
        note(withheld, &stat, id, year);
        Some(Distribution {
            year,
            of: g.rows.len() as u32,
            scores,
            stat,
        })
    };
    q.areas
        .iter()
        .filter_map(|area| {
            let now = distribution(this, &area.id, year, withheld)?;
            let before = last.and_then(|g| distribution(g, &area.id, year - 1, withheld));
            let (years, change) = this_and_last(now, before);
            Some(AreaFigures {
                id: area.id.clone(),
                number: area.number,
                title: area.title.clone(),
                years,
                change,
            })
        })
        .collect()
}

/// The groups of areas of one questionnaire, this year and, where its edition has the same
/// group, the year before. A readiness questionnaire may have several files per region (one
/// per solution): a figure is then withheld unless its scores come from at least `k` regions.
fn groups(
    this: &Group,
    last: Option<&Group>,
    year: i32,
    k: u32,
    withheld: &mut Vec<Withheld>,
) -> Vec<GroupFigures> {
    let q = this.questionnaire;
    let distribution = |g: &Group, id: &str, year: i32, withheld: &mut Vec<Withheld>| {
        let i = g.questionnaire.groups.iter().position(|x| x.id == id)?;
        let values: Vec<(&str, f64)> = g
            .rows
            .iter()
            .filter_map(|r| Some((r.region.as_str(), r.groups.get(i).copied().flatten()?)))
            .collect();
        let (stat, scores) = spread(values, k);
        note(withheld, &stat, id, year);
        Some(Distribution {
            year,
            of: g.rows.len() as u32,
            scores,
            stat,
        })
    };
    q.groups
        .iter()
        .filter_map(|group| {
            let now = distribution(this, &group.id, year, withheld)?;
            let before = last.and_then(|g| distribution(g, &group.id, year - 1, withheld));
            let (years, change) = this_and_last(now, before);
            Some(GroupFigures {
                questionnaire: q.id.clone(),
                questionnaire_title: q.title.clone(),
                id: group.id.clone(),
                title: group.title.clone(),
                areas: group
                    .areas
                    .iter()
                    .filter_map(|id| q.area(id).map(|a| a.number))
                    .collect(),
                years,
                change,
            })
        })
        .collect()
}

/// This year's distribution and last year's when there is one, and the change of the median.
fn this_and_last(
    now: Distribution,
    before: Option<Distribution>,
) -> (Vec<Distribution>, Option<f64>) {
    let change = match (now.stat.median, before.as_ref().and_then(|b| b.stat.median)) {
        (Some(a), Some(b)) => Some(round2(a - b)),
        _ => None,
    };
    (std::iter::once(now).chain(before).collect(), change)
}

/// The level each region gave a scale question, found by id or by the ids it continues.
fn levels(g: &Group, id: &str, continues: &[String]) -> Option<Vec<f64>> {
    let i = national::scale_questions(g.questionnaire)
        .position(|q| q.id == id || continues.contains(&q.id))?;
    Some(
        g.rows
            .iter()
            .filter_map(|r| r.levels[i])
            .map(f64::from)
            .collect(),
    )
}

fn barriers(
    this: &Group,
    last: Option<&Group>,
    year: i32,
    k: u32,
    withheld: &mut Vec<Withheld>,
) -> Vec<Barrier> {
    let Some(area) = this.questionnaire.area(BARRIER_AREA) else {
        return Vec::new();
    };
    let mut ranked: Vec<Barrier> = area
        .questions
        .iter()
        .filter(|q| national::on_zero_to_five(q))
        .map(|question| {
            let now = Stat::of(&levels(this, &question.id, &[]).unwrap_or_default(), k);
            note(withheld, &now, &question.id, year);
            let mut years = vec![YearStat { year, stat: now }];
            if let Some(values) = last.and_then(|g| levels(g, &question.id, &question.continues)) {
                let stat = Stat::of(&values, k);
                note(withheld, &stat, &question.id, year - 1);
                years.push(YearStat {
                    year: year - 1,
                    stat,
                });
            }
            Barrier {
                id: question.id.clone(),
                label: question
                    .label
                    .clone()
                    .unwrap_or_else(|| question.text.clone()),
                years,
                rank: None,
                rank_previous: None,
            }
        })
        .collect();
    for at in 0..2 {
        let mut means: Vec<(usize, f64)> = ranked
            .iter()
            .enumerate()
            .filter_map(|(i, b)| Some((i, b.years.get(at)?.stat.mean?)))
            .collect();
        means.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for (rank, (i, _)) in means.into_iter().enumerate() {
            let rank = Some(rank as u32 + 1);
            if at == 0 {
                ranked[i].rank = rank;
            } else {
                ranked[i].rank_previous = rank;
            }
        }
    }
    ranked.sort_by_key(|b| (b.rank.unwrap_or(u32::MAX), b.id.clone()));
    ranked
}

fn answer_name(q: &crate::questionnaire::Question, value: &str) -> Text {
    match value {
        crate::questionnaire::YES => Text::new("Ja", "Yes"),
        crate::questionnaire::NO => Text::new("Nej", "No"),
        crate::questionnaire::PARTLY => Text::new("Delvis", "Partly"),
        other => q
            .options
            .iter()
            .find(|o| o.id == other)
            .map_or_else(|| Text::new(other, other), |o| o.label.clone()),
    }
}

fn indicators(
    questionnaire: &Questionnaire,
    years: &[Year],
    options: &Options,
    withheld: &mut Vec<Withheld>,
) -> Vec<Indicator> {
    let k = options.min_regions;
    national::indicator_questions(questionnaire)
        .map(|(question, key)| {
            let values = question.closed_values().unwrap_or_default();
            let figure = options.published.figure(key);
            let counted = figure
                .and_then(|f| f.answers.clone())
                .unwrap_or_else(|| vec![values[0].clone()]);
            let published = figure
                .map(|f| {
                    f.values
                        .iter()
                        .map(|v| PublishedCount {
                            year: v.year,
                            source: options.published.short.clone(),
                            count: v.count,
                            of: options.published.of,
                            text: v.text.clone(),
                        })
                        .collect()
                })
                .unwrap_or_default();
            let counts = years
                .iter()
                .filter_map(|y| {
                    // The same indicator in that year's edition, whatever its question id.
                    let g = y
                        .groups
                        .iter()
                        .find(|g| g.questionnaire.kind == Kind::Maturity)?;
                    let i = national::indicator_questions(g.questionnaire)
                        .position(|(_, other)| other == key)?;
                    let mut counts: IndexMap<String, u32> =
                        values.iter().map(|v| (v.clone(), 0)).collect();
                    let mut n = 0;
                    for row in &g.rows {
                        if let Some(value) = &row.indicators[i]
                            && let Some(count) = counts.get_mut(value)
                        {
                            *count += 1;
                            n += 1;
                        }
                    }
                    let reason = disclosure(counts.values().copied(), n, k);
                    if let Some(reason) = reason {
                        withheld.push(Withheld {
                            figure: question.id.clone(),
                            year: y.year,
                            reason,
                        });
                        counts.clear();
                    }
                    let sum = counted.iter().filter_map(|v| counts.get(v)).sum();
                    Some(Counts {
                        year: y.year,
                        n,
                        withheld: reason.is_some(),
                        counted: reason.is_none().then_some(sum),
                        counts,
                    })
                })
                .collect();
            Indicator {
                question: question.id.clone(),
                indicator: key.clone(),
                title: question
                    .label
                    .clone()
                    .unwrap_or_else(|| question.text.clone()),
                answers: values
                    .iter()
                    .map(|v| AnswerName {
                        value: v.clone(),
                        name: answer_name(question, v),
                    })
                    .collect(),
                counted,
                published,
                years: counts,
            }
        })
        .collect()
}

/// The verdicts a readiness rubric gives, best first.
pub const VERDICTS: [&str; 3] = ["ready", "partly_ready", "not_ready"];

fn readiness(g: &Group, year: i32, k: u32, withheld: &mut Vec<Withheld>) -> Vec<Solution> {
    let builtin = crate::builtin::rubric(&g.questionnaire.id).and_then(Result::ok);
    let rubric = g.rubric.or(builtin.as_ref());
    let reason_of = |id: &str| {
        rubric
            .and_then(|r| r.verdict.as_ref())
            .and_then(|v| v.blockers.iter().find(|b| b.id == id))
            .map_or_else(|| Text::new(id, id), |b| b.reason.clone())
    };
    // Solutions named alike (case and spaces aside) are one kind of solution.
    let mut by_name: BTreeMap<String, (String, Vec<&national::Row>)> = BTreeMap::new();
    for row in &g.rows {
        let name = row.solution.clone().unwrap_or_default();
        by_name
            .entry(name.to_lowercase())
            .or_insert_with(|| (name, Vec::new()))
            .1
            .push(row);
    }
    by_name
        .into_values()
        .map(|(name, rows)| {
            let n = rows.len() as u32;
            let mut verdicts: IndexMap<String, u32> =
                VERDICTS.iter().map(|v| ((*v).to_string(), 0)).collect();
            let mut judged = 0;
            for row in &rows {
                if let Some(count) = row.verdict.as_ref().and_then(|v| verdicts.get_mut(v)) {
                    *count += 1;
                    judged += 1;
                }
            }
            let reason = disclosure(verdicts.values().copied(), judged, k);
            if let Some(reason) = reason {
                withheld.push(Withheld {
                    figure: if n < k { String::new() } else { name.clone() },
                    year,
                    reason,
                });
                verdicts.clear();
            }
            let mut blockers: BTreeMap<&str, u32> = BTreeMap::new();
            for row in &rows {
                for b in &row.blockers {
                    *blockers.entry(b).or_default() += 1;
                }
            }
            let mut blockers: Vec<BlockerCount> = blockers
                .into_iter()
                .filter(|(_, count)| disclosure([*count], n, k).is_none())
                .map(|(id, count)| BlockerCount {
                    id: id.to_string(),
                    reason: reason_of(id),
                    count,
                })
                .collect();
            blockers.sort_by(|a, b| b.count.cmp(&a.count).then(a.id.cmp(&b.id)));
            Solution {
                name,
                n,
                withheld: reason.is_some(),
                verdicts,
                blockers,
            }
        })
        .collect()
}

/// Solutions assessed by fewer than `k` regions are not named, since a solution's name can
/// tell which region assessed it: they stand together as one row with an empty name.
fn unnamed_few(solutions: Vec<Solution>, k: u32) -> Vec<Solution> {
    let (few, many): (Vec<Solution>, Vec<Solution>) = solutions.into_iter().partition(|s| s.n < k);
    let mut all = many;
    if !few.is_empty() {
        all.push(Solution {
            name: String::new(),
            n: few.iter().map(|s| s.n).sum(),
            withheld: true,
            verdicts: IndexMap::new(),
            blockers: Vec::new(),
        });
    }
    all
}

impl NationalReport {
    /// The areas whose median moved most since last year, largest change first.
    pub fn moved(&self, count: usize) -> Vec<&AreaFigures> {
        let mut moved: Vec<&AreaFigures> =
            self.areas.iter().filter(|a| a.change.is_some()).collect();
        moved.sort_by(|a, b| {
            let size = |x: &AreaFigures| x.change.unwrap_or(0.0).abs();
            size(b).total_cmp(&size(a)).then(a.number.cmp(&b.number))
        });
        moved.truncate(count);
        moved
    }

    /// The barriers whose mean grew since last year, by how much, largest first.
    pub fn grown(&self) -> Vec<(&Barrier, f64)> {
        let mut grown: Vec<(&Barrier, f64)> = self
            .barriers
            .iter()
            .filter_map(|b| {
                let now = b.years.first()?.stat.mean?;
                let before = b.years.get(1)?.stat.mean?;
                (now > before).then(|| (b, round2(now - before)))
            })
            .collect();
        grown.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.id.cmp(&b.0.id)));
        grown
    }
}

#[cfg(test)]
mod tests;
