//! The report model: every page's numbers and sentences, decided before any layout. It is
//! built from scorecards and answers, in one language, and is what the PDF renderer draws
//! and what the snapshot tests read. Pure: values in, values out.

use std::fmt::Write as _;

use serde::Serialize;

use crate::answers::Answers;
use crate::answers::answer_words;
use crate::compare::{self, Comparison};
use crate::lang::Lang;
use crate::national::{National, Section, Stat};
use crate::published::Published;
use crate::questionnaire::{Kind, Question, Questionnaire};
use crate::scoring::targets::{Standing, standing};
use crate::scoring::text::{question_name, subject_name};
use crate::scoring::{self, AreaScore, NoScore, Observed, Rubric, Scorecard};

/// One questionnaire's part of the profile: this year's answers and earlier years'.
pub struct Part<'a> {
    pub questionnaire: &'a Questionnaire,
    pub rubric: &'a Rubric,
    pub answers: &'a Answers,
    /// Earlier years of the same region, any order.
    pub previous: Vec<&'a Answers>,
}

/// What the report is made from.
pub struct Inputs<'a> {
    pub lang: Lang,
    pub classification: String,
    /// The date printed on the cover: the answers' date, else this one.
    pub today: jiff::civil::Date,
    pub parts: Vec<Part<'a>>,
    pub published: &'a Published,
    /// The national reference to compare with, when one is given.
    pub national: Option<&'a National>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub lang: &'static str,
    pub title: String,
    pub subject: String,
    pub author: String,
    pub keywords: Vec<String>,
    pub date: String,
    pub classification: String,
    /// Said on every page when example data of fictional regions is used.
    pub stamp: Option<String>,
    pub footer: String,
    pub pages: Vec<Page>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Page {
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Style {
    Lead,
    Body,
    Muted,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Cover {
        title: String,
        subtitle: String,
        lines: Vec<(String, String)>,
    },
    Heading {
        text: String,
    },
    Paragraph {
        text: String,
        style: Style,
    },
    Bullets {
        items: Vec<String>,
    },
    KeyFigures {
        items: Vec<(String, String)>,
    },
    Table(Table),
    Radar(Radar),
    Bars(Bars),
    Trend(Trend),
    Strip(Strip),
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Table {
    pub caption: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Column {
    pub header: String,
    /// Share of the text width.
    pub width: f32,
    pub numeric: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SeriesKind {
    Region,
    LastYear,
    National,
    /// The level the region means to reach.
    Target,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Series {
    pub name: String,
    pub kind: SeriesKind,
    pub values: Vec<Option<f64>>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Radar {
    pub alt: String,
    pub axes: Vec<String>,
    pub series: Vec<Series>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bars {
    pub alt: String,
    pub rows: Vec<BarRow>,
    /// Legend texts: this year, the national median and band, last year.
    pub legend: Vec<(SeriesKind, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BarRow {
    pub label: String,
    pub value: Option<f64>,
    /// The score and level as printed beside the bar.
    pub text: String,
    pub previous: Option<f64>,
    /// Lower quartile, median, upper quartile.
    pub national: Option<(f64, f64, f64)>,
    /// The lowest score at the area's target level, when it has a target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
}

/// How many regions scored what, one row per area: a dot per region, the middle half and
/// median this year, and last year's middle half beside it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Strip {
    pub alt: String,
    pub rows: Vec<StripRow>,
    pub legend: Vec<(SeriesKind, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StripRow {
    pub label: String,
    /// Every region's score, unnamed.
    pub values: Vec<f64>,
    /// Lower quartile, median, upper quartile this year.
    pub band: Option<(f64, f64, f64)>,
    /// The same last year.
    pub previous: Option<(f64, f64, f64)>,
    /// The median and count as printed beside the row.
    pub text: String,
}

/// The nation a maturity profile is compared with: the reference and its section for the
/// questionnaire.
struct Nation<'a> {
    reference: &'a National,
    section: &'a Section,
}

impl Nation<'_> {
    fn area(&self, id: &str) -> Option<&Stat> {
        self.section.area(id)
    }

    /// "21 regioner 2025" or "21 regioner 2025, exempeldata".
    fn described(&self, w: &Words) -> String {
        let mut text = format!(
            "{} {}",
            w.lang.regions(self.section.regions.len()),
            self.reference.year
        );
        if self.reference.example {
            text.push_str(&w.t(", exempeldata", ", example data"));
        }
        text
    }
}

/// Where a score stands in the national distribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Position {
    Below,
    Middle,
    Above,
}

fn position(score: f64, (q1, _, q3): (f64, f64, f64)) -> Position {
    if score < q1 {
        Position::Below
    } else if score > q3 {
        Position::Above
    } else {
        Position::Middle
    }
}

impl Position {
    fn words(self, w: &Words) -> String {
        match self {
            Position::Below => w.t("nedre fjärdedelen", "bottom quarter"),
            Position::Middle => w.t("mittenhalvan", "middle half"),
            Position::Above => w.t("övre fjärdedelen", "top quarter"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Trend {
    pub alt: String,
    pub years: Vec<i32>,
    pub lines: Vec<(String, Vec<Option<f64>>)>,
    /// Years answered with another questionnaire version than the latest.
    pub version_changed: Vec<i32>,
}

struct Words {
    lang: Lang,
}

impl Words {
    fn t(&self, sv: &str, en: &str) -> String {
        self.lang.pick(sv, en).to_string()
    }
    fn n(&self, value: f64) -> String {
        self.lang.decimal(value)
    }
    /// A level or whole number of points without decimals, other points with one.
    fn level(&self, value: f64) -> String {
        if value.fract() == 0.0 {
            format!("{value:.0}")
        } else {
            self.n(value)
        }
    }
    fn signed(&self, value: f64) -> String {
        if value > 0.05 {
            format!("+{}", self.n(value))
        } else if value < -0.05 {
            self.n(value)
        } else {
            self.n(0.0)
        }
    }
    fn pct(&self, share: f64) -> String {
        self.lang.percent(share)
    }
    /// "a, b och c".
    fn list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} {} {last}", rest.join(", "), self.t("och", "and")),
        }
    }
}

/// A scored part: this year's scorecard and earlier years', oldest first, and the comparison
/// with last year.
struct Scored<'a> {
    part: &'a Part<'a>,
    card: Scorecard,
    /// Each earlier year's scorecard of the answers that carry into today's questionnaire,
    /// and whether that year answered another version.
    history: Vec<(i32, Scorecard, bool)>,
    /// Last year against this year, as `mognad compare` makes it: on another version, both
    /// years are scored on the questions that continue.
    comparison: Option<Comparison>,
}

impl<'a> Scored<'a> {
    fn new(part: &'a Part<'a>) -> Self {
        let card = scoring::score(part.questionnaire, part.rubric, part.answers);
        let mut history: Vec<(i32, Scorecard, bool)> = part
            .previous
            .iter()
            .filter(|p| p.year < part.answers.year)
            .map(|p| {
                let carried = compare::carry(p, part.questionnaire);
                (
                    p.year,
                    scoring::score(part.questionnaire, part.rubric, &carried.answers),
                    !carried.same_version,
                )
            })
            .collect();
        history.sort_by_key(|(year, _, _)| *year);
        history.dedup_by_key(|(year, _, _)| *year);
        // Progress toward the targets is measured from last year.
        let card = match history.last() {
            Some((_, last, _)) => scoring::with_progress(card, last),
            None => card,
        };
        let comparison = part
            .previous
            .iter()
            .filter(|p| p.year < part.answers.year)
            .max_by_key(|p| p.year)
            .map(|last| compare::compare(part.questionnaire, part.rubric, last, part.answers));
        Scored {
            part,
            card,
            history,
            comparison,
        }
    }

    /// An area's score last year, as compared with this year's.
    fn then(&self, id: &str) -> Option<f64> {
        self.area_change(id).and_then(|a| a.then)
    }

    /// An area's change since last year, when it can be compared.
    fn change(&self, id: &str) -> Option<f64> {
        self.area_change(id).and_then(|a| a.change)
    }

    fn area_change(&self, id: &str) -> Option<&compare::AreaChange> {
        self.comparison
            .as_ref()
            .and_then(|c| c.areas.iter().find(|a| a.id == id))
    }

    fn last_year(&self) -> Option<&(i32, Scorecard, bool)> {
        self.history.last()
    }

    fn scored_areas(&self) -> impl Iterator<Item = &AreaScore> {
        self.card.areas.iter().filter(|a| a.scored)
    }
}

/// An area's score in an earlier year's scorecard.
fn previous_score(history: Option<&(i32, Scorecard, bool)>, id: &str) -> Option<f64> {
    history
        .and_then(|(_, card, _)| card.areas.iter().find(|a| a.id == id))
        .and_then(|a| a.score)
}

fn area_name(area: &AreaScore, lang: Lang) -> String {
    format!("{} {}", area.number, area.title.get(lang))
}

/// Builds the whole report.
pub fn build(inputs: &Inputs) -> Report {
    let w = Words { lang: inputs.lang };
    let lang = inputs.lang;
    let scored: Vec<Scored> = inputs.parts.iter().map(Scored::new).collect();
    let maturity = scored
        .iter()
        .find(|s| s.part.questionnaire.kind == Kind::Maturity);
    let readiness = scored
        .iter()
        .find(|s| s.part.questionnaire.kind == Kind::Readiness);
    let first = &inputs.parts[0].answers;
    let region = first.region.clone();
    let year = first.year;
    let date = inputs
        .parts
        .iter()
        .filter_map(|p| p.answers.date.clone())
        .max()
        .unwrap_or_else(|| inputs.today.to_string());

    let title = w.t(
        "Digital mognad och beredskap",
        "Digital maturity and readiness",
    );
    let example = inputs.national.is_some_and(|n| n.example)
        || inputs
            .parts
            .iter()
            .any(|p| p.answers.example || p.previous.iter().any(|a| a.example));
    let nation = maturity.and_then(|m| {
        let reference = inputs.national?;
        let section = reference.section(&m.part.questionnaire.id)?;
        Some(Nation { reference, section })
    });
    let nation = nation.as_ref();
    let mut pages = vec![cover(&w, &title, &region, year, &date, inputs, &scored)];
    pages.push(summary(&w, &region, year, maturity, readiness, nation));
    pages.extend(team_page(&w, &scored));
    if let Some(m) = maturity {
        pages.push(radar_page(&w, m, nation));
        pages.push(bars_page(&w, m, nation));
        pages.extend(targets_page(&w, m));
        if !m.history.is_empty() {
            pages.push(trend_page(&w, m));
        }
    }
    if let Some(r) = readiness {
        pages.push(readiness_page(&w, r));
    }
    pages.extend(scored.iter().filter_map(|s| groups_page(&w, s)));
    pages.push(next_steps_page(&w, &scored));
    // Indicators only for a questionnaire that ties questions to national figures.
    if let Some(m) = maturity.filter(|m| {
        m.part
            .questionnaire
            .questions()
            .any(|(_, q)| q.indicator.is_some())
    }) {
        pages.push(indicators_page(&w, m, inputs.published));
    }
    pages.push(method_page(
        &w,
        &scored,
        inputs.published,
        inputs.national,
        nation,
    ));
    pages.push(appendix(&w, &scored));

    Report {
        lang: lang.code(),
        title: format!("{title} – {region} {year}"),
        // Named by the questionnaires answered, whichever they are.
        subject: format!(
            "{}: {}",
            w.t("Profil för ledningen", "Profile for leadership"),
            scored
                .iter()
                .map(|s| s.part.questionnaire.title.get(lang).to_string())
                .collect::<Vec<_>>()
                .join(w.t(" och ", " and ").as_str())
        ),
        author: region.clone(),
        keywords: std::iter::once(w.t("digital mognad", "digital maturity"))
            .chain(
                scored
                    .iter()
                    .map(|s| s.part.questionnaire.title.get(lang).to_string()),
            )
            .chain([region.clone()])
            .collect(),
        date,
        classification: inputs.classification.clone(),
        stamp: example.then(|| {
            w.t(
                "Exempeldata: fiktiva regioner",
                "Example data (exempeldata): fictional regions",
            )
        }),
        footer: format!("{region} · {title} {year}"),
        pages,
    }
}

fn cover(
    w: &Words,
    title: &str,
    region: &str,
    year: i32,
    date: &str,
    inputs: &Inputs,
    scored: &[Scored],
) -> Page {
    let mut lines = vec![
        (w.t("Region", "Region"), region.to_string()),
        (w.t("År", "Year"), year.to_string()),
        (w.t("Datum", "Date"), date.to_string()),
    ];
    for s in scored {
        lines.push((
            s.part.questionnaire.title.get(w.lang).to_string(),
            format!(
                "{} {} {}, {} {}",
                w.t("enkät", "questionnaire"),
                s.part.questionnaire.id,
                s.part.questionnaire.version,
                w.t("bedömningsmall", "rubric"),
                s.part.rubric.version
            ),
        ));
    }
    if let Some(solution) = scored.iter().find_map(|s| s.card.solution.as_ref()) {
        lines.push((
            w.t("Lösning som bedöms", "Solution assessed"),
            solution.name.clone(),
        ));
    }
    lines.push((
        w.t("Klassificering", "Classification"),
        inputs.classification.clone(),
    ));
    let respondents: Vec<String> = scored
        .iter()
        .flat_map(|s| s.part.answers.respondents.iter())
        .map(|r| {
            if r.role.is_empty() {
                r.name.clone()
            } else {
                format!("{} ({})", r.name, r.role)
            }
        })
        .fold(Vec::new(), |mut all, r| {
            if !all.contains(&r) {
                all.push(r);
            }
            all
        });
    if !respondents.is_empty() {
        lines.push((w.t("Besvarad av", "Answered by"), respondents.join(", ")));
    }
    Page {
        title: title.to_string(),
        blocks: vec![Block::Cover {
            title: title.to_string(),
            subtitle: format!("{region} {year}"),
            lines,
        }],
    }
}

fn summary(
    w: &Words,
    region: &str,
    year: i32,
    maturity: Option<&Scored>,
    readiness: Option<&Scored>,
    nation: Option<&Nation>,
) -> Page {
    let lang = w.lang;
    let mut blocks = Vec::new();
    let mut figures = Vec::new();
    let mut sentences = Vec::new();
    if let Some(m) = maturity {
        let o = &m.card.overall;
        match (o.score, &o.level_name) {
            (Some(index), Some(level)) => {
                figures.push((
                    if lang == Lang::Sv {
                        format!("Samlat index, nivå {} {}", o.level.unwrap_or_default(), level.get(lang))
                    } else {
                        format!("Overall index, level {} {}", o.level.unwrap_or_default(), level.get(lang))
                    },
                    w.n(index),
                ));
                let mut s = if lang == Lang::Sv {
                    format!("{region} har ett samlat index på {} av 5 för {} {year}, nivå {} {}.", w.n(index), in_sentence(m.part.questionnaire.title.get(lang)), o.level.unwrap_or_default(), level.get(lang))
                } else {
                    format!("{region} has an overall index of {} out of 5 on {} in {year}, level {} {}.", w.n(index), in_sentence(m.part.questionnaire.title.get(lang)), o.level.unwrap_or_default(), level.get(lang))
                };
                if let Some(comparison) = &m.comparison
                    && let (Some(before), Some(change)) =
                        (comparison.overall.then, comparison.overall.change)
                {
                    let then_year = comparison.then.year;
                    let _ = write!(
                        s,
                        " {}",
                        match (lang, change) {
                            (Lang::Sv, c) if c > 0.05 => format!("Det är {} högre än {then_year} ({}).", w.n(c), w.n(before)),
                            (Lang::Sv, c) if c < -0.05 => format!("Det är {} lägre än {then_year} ({}).", w.n(-c), w.n(before)),
                            (Lang::Sv, _) => format!("Det är samma som {then_year}."),
                            (Lang::En, c) if c > 0.05 => format!("That is {} higher than in {then_year} ({}).", w.n(c), w.n(before)),
                            (Lang::En, c) if c < -0.05 => format!("That is {} lower than in {then_year} ({}).", w.n(-c), w.n(before)),
                            (Lang::En, _) => format!("That is the same as in {then_year}."),
                        }
                    );
                }
                sentences.push(s);
            }
            _ => sentences.push(if lang == Lang::Sv {
                format!("Inget samlat index kan ges, eftersom bara {} av {} områden har tillräckligt många besvarade frågor.", o.areas_scored, o.areas)
            } else {
                format!("No overall index can be given, since only {} of {} areas have enough questions answered.", o.areas_scored, o.areas)
            }),
        }
        let mut ranked: Vec<&AreaScore> = m.scored_areas().filter(|a| a.score.is_some()).collect();
        ranked.sort_by(|a, b| {
            b.score
                .partial_cmp(&a.score)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let named = |areas: &[&AreaScore]| -> Vec<String> {
            areas
                .iter()
                .map(|a| {
                    format!(
                        "{} ({})",
                        a.title.get(lang),
                        w.n(a.score.unwrap_or_default())
                    )
                })
                .collect()
        };
        if ranked.len() >= 6 {
            let strongest = named(&ranked[..3]);
            let mut weakest: Vec<&AreaScore> = ranked[ranked.len() - 3..].to_vec();
            weakest.reverse();
            let weakest = named(&weakest);
            sentences.push(format!(
                "{} {}.",
                w.t("Starkast är", "The strongest areas are"),
                w.list(&strongest)
            ));
            sentences.push(format!(
                "{} {}.",
                w.t("Svagast är", "The weakest are"),
                w.list(&weakest)
            ));
        }
        let applicable: usize = m.scored_areas().map(|a| a.applicable).sum();
        let answered: usize = m.scored_areas().map(|a| a.answered).sum();
        let dont_know: usize = m.scored_areas().map(|a| a.dont_know).sum();
        if applicable > 0 {
            let share = answered as f64 / applicable as f64;
            figures.push((
                if lang == Lang::Sv {
                    format!("Täckning, {dont_know} Vet ej")
                } else {
                    format!("Coverage, {dont_know} don't know")
                },
                w.pct(share),
            ));
            sentences.push(if lang == Lang::Sv {
                format!("Poängen bygger på {answered} av {applicable} tillämpliga frågor ({}); {dont_know} besvarades med Vet ej.", w.pct(share))
            } else {
                format!("The scores rest on {answered} of {applicable} applicable questions ({}); {dont_know} were answered don't know.", w.pct(share))
            });
        }
        let unscored: Vec<String> = m
            .scored_areas()
            .filter(|a| a.score.is_none())
            .map(|a| a.title.get(lang).to_string())
            .collect();
        if !unscored.is_empty() {
            sentences.push(format!(
                "{} {}.",
                w.t(
                    "För lite besvarat för att ge poäng:",
                    "Too little answered to be scored:"
                ),
                w.list(&unscored)
            ));
        }
        let capped: Vec<String> = m
            .scored_areas()
            .filter(|a| a.gates.iter().any(|g| g.lowered))
            .map(|a| a.title.get(lang).to_string())
            .collect();
        if !capped.is_empty() {
            sentences.push(format!(
                "{} {}.",
                w.t(
                    "En grundläggande brist begränsar poängen för",
                    "A basic gap caps the score of"
                ),
                w.list(&capped)
            ));
        }
        sentences.extend(targets_sentence(w, m));
    }
    if let Some(r) = readiness
        && let (Some(verdict), Some(solution)) = (&r.card.verdict, &r.card.solution)
    {
        let name = verdict.name.as_ref().map_or_else(
            || w.t("kan inte ges", "cannot be given"),
            |n| n.get(lang).to_string(),
        );
        figures.push((w.t("Beredskap", "Readiness"), name.clone()));
        let mut s = if lang == Lang::Sv {
            format!(
                "För {} ({}) är bedömningen: {}.",
                solution.name,
                solution.target_group.to_lowercase_first(),
                name.to_lowercase()
            )
        } else {
            format!(
                "For {} ({}) the verdict is: {}.",
                solution.name,
                solution.target_group.to_lowercase_first(),
                name.to_lowercase()
            )
        };
        let decisive: Vec<String> = verdict
            .blockers
            .iter()
            .filter(|b| b.decisive)
            .map(|b| b.reason.get(lang).to_string())
            .collect();
        if !decisive.is_empty() {
            let from = verdict
                .from_index_name
                .as_ref()
                .map(|n| n.get(lang).to_lowercase())
                .unwrap_or_default();
            let _ = write!(
                s,
                " {}",
                if lang == Lang::Sv {
                    format!(
                        "Indexet ensamt skulle ge {from}, men {} avgör: {}.",
                        if decisive.len() == 1 {
                            "ett hinder"
                        } else {
                            "flera hinder"
                        },
                        w.list(&decisive)
                    )
                } else {
                    format!(
                        "The index alone would give {from}, but {} decide{}: {}.",
                        if decisive.len() == 1 {
                            "a blocker"
                        } else {
                            "blockers"
                        },
                        if decisive.len() == 1 { "s" } else { "" },
                        w.list(&decisive)
                    )
                }
            );
        }
        sentences.push(s);
    }
    if let (Some(m), Some(nation)) = (maturity, nation) {
        if let Some(median) = nation.section.overall.band().map(|(_, median, _)| median) {
            figures.push((
                format!(
                    "{} ({})",
                    w.t("Riket, median", "Nation, median"),
                    nation.described(w)
                ),
                w.n(median),
            ));
        }
        sentences.push(national_sentence(w, m, nation));
    } else {
        let indicators = maturity.is_some_and(|m| {
            m.part
                .questionnaire
                .questions()
                .any(|(_, q)| q.indicator.is_some())
        });
        sentences.push(if indicators {
                w.t(
                    "Ingen nationell jämförelse gjordes: ingen nationell referens angavs. Indikatorsidan jämför med publicerade nationella siffror.",
                    "No national comparison was made: no national reference was given. The indicator page compares with published national figures.",
                )
            } else {
                w.t(
                    "Ingen nationell jämförelse gjordes: ingen nationell referens angavs.",
                    "No national comparison was made: no national reference was given.",
                )
            });
    }
    blocks.push(Block::KeyFigures { items: figures });
    for s in sentences {
        blocks.push(Block::Paragraph {
            text: s,
            style: Style::Body,
        });
    }
    Page {
        title: w.t("Sammanfattning", "Summary"),
        blocks,
    }
}

trait LowerFirst {
    fn to_lowercase_first(&self) -> String;
}

impl LowerFirst for String {
    /// "Patienter med …" inside a sentence reads "patienter med …".
    fn to_lowercase_first(&self) -> String {
        let mut chars = self.chars();
        match chars.next() {
            Some(first) if chars.clone().next().is_some_and(char::is_lowercase) => {
                first.to_lowercase().chain(chars).collect()
            }
            _ => self.clone(),
        }
    }
}

/// Where the region stands in the nation, area by area, in one or two sentences.
fn national_sentence(w: &Words, m: &Scored, nation: &Nation) -> String {
    let mut by: [Vec<String>; 3] = Default::default();
    let mut withheld = 0;
    for area in m.scored_areas() {
        match (area.score, nation.area(&area.id).and_then(Stat::band)) {
            (Some(score), Some(band)) => {
                let slot = match position(score, band) {
                    Position::Below => 0,
                    Position::Middle => 1,
                    Position::Above => 2,
                };
                by[slot].push(area.title.get(w.lang).to_string());
            }
            (Some(_), None) => withheld += 1,
            _ => {}
        }
    }
    let [below, middle, above] = by;
    if below.is_empty() && middle.is_empty() && above.is_empty() {
        return if w.lang == Lang::Sv {
            format!(
                "Ingen jämförelse med riket ({}) kan göras: i varje område vilar siffran på färre än {} regioner och undanhålls.",
                nation.described(w),
                nation.reference.min_regions
            )
        } else {
            format!(
                "No comparison with the nation ({}) can be made: in every area the figure rests on fewer than {} regions and is withheld.",
                nation.described(w),
                nation.reference.min_regions
            )
        };
    }
    let mut s = if w.lang == Lang::Sv {
        format!(
            "Jämfört med riket ({}) ligger {} av regionens områden i rikets övre fjärdedel (över den övre kvartilen), {} i mittenhalvan och {} i den nedre fjärdedelen (under den nedre kvartilen).",
            nation.described(w),
            above.len(),
            middle.len(),
            below.len()
        )
    } else {
        format!(
            "Compared with the nation ({}), {} of the region's areas are in the nation's top quarter (above the upper quartile), {} in the middle half and {} in the bottom quarter (below the lower quartile).",
            nation.described(w),
            above.len(),
            middle.len(),
            below.len()
        )
    };
    if !below.is_empty() {
        let _ = write!(
            s,
            " {} {}.",
            w.t("I den nedre fjärdedelen:", "In the bottom quarter:"),
            w.list(&below)
        );
    }
    if withheld > 0 {
        let _ = write!(
            s,
            " {}",
            if w.lang == Lang::Sv {
                format!(
                    "{withheld} områden jämförs inte, eftersom färre än {} regioner har poäng i dem.",
                    nation.reference.min_regions
                )
            } else {
                format!(
                    "{withheld} areas are not compared, since fewer than {} regions have a score in them.",
                    nation.reference.min_regions
                )
            }
        );
    }
    s
}

fn radar_page(w: &Words, m: &Scored, nation: Option<&Nation>) -> Page {
    let lang = w.lang;
    let areas: Vec<&AreaScore> = m.scored_areas().collect();
    let mut series = vec![Series {
        name: format!("{} {}", m.card.region, m.card.year),
        kind: SeriesKind::Region,
        values: areas.iter().map(|a| a.score).collect(),
    }];
    if let Some((year, _, _)) = m.last_year() {
        series.push(Series {
            name: year.to_string(),
            kind: SeriesKind::LastYear,
            values: areas.iter().map(|a| m.then(&a.id)).collect(),
        });
    }
    if let Some(nation) = nation {
        let values: Vec<Option<f64>> = areas
            .iter()
            .map(|a| {
                nation
                    .area(&a.id)
                    .and_then(Stat::band)
                    .map(|(_, median, _)| median)
            })
            .collect();
        // A nation whose every area is withheld has no line to draw.
        if values.iter().any(Option::is_some) {
            series.push(Series {
                name: format!(
                    "{} ({})",
                    w.t("Riket, median", "Nation, median"),
                    nation.described(w)
                ),
                kind: SeriesKind::National,
                values,
            });
        }
    }
    let described: Vec<String> = areas
        .iter()
        .map(|a| {
            format!(
                "{} {}",
                a.title.get(lang),
                a.score.map_or_else(|| "–".to_string(), |s| w.n(s))
            )
        })
        .collect();
    let alt = if lang == Lang::Sv {
        format!(
            "Spindeldiagram över de {} områdena på skalan 0–5. {}: {}.",
            count_words(m.scored_areas().count(), lang),
            series[0].name,
            described.join("; ")
        )
    } else {
        format!(
            "Radar chart of the {} areas on the scale 0–5. {}: {}.",
            count_words(m.scored_areas().count(), lang),
            series[0].name,
            described.join("; ")
        )
    };
    let mut alt = alt;
    for other in &series[1..] {
        let values: Vec<String> = areas
            .iter()
            .zip(&other.values)
            .map(|(a, v)| {
                format!(
                    "{} {}",
                    a.title.get(lang),
                    v.map_or_else(|| "–".to_string(), |v| w.n(v))
                )
            })
            .collect();
        let _ = write!(alt, " {}: {}.", other.name, values.join("; "));
    }
    let mut blocks = vec![Block::Paragraph {
        text: if lang == Lang::Sv {
            format!(
                "Diagrammet visar regionens poäng 0–5 i varje område av {}. Ju längre ut, desto högre mognad.",
                in_sentence(m.part.questionnaire.title.get(lang))
            )
        } else {
            format!(
                "The chart shows the region's score 0–5 in each area of {}. The further out, the higher the maturity.",
                in_sentence(m.part.questionnaire.title.get(lang))
            )
        },
        style: Style::Body,
    }];
    let drawn = series.iter().any(|s| s.kind == SeriesKind::National);
    blocks.push(Block::Radar(Radar {
        alt,
        axes: areas.iter().map(|a| area_name(a, lang)).collect(),
        series,
    }));
    blocks.push(Block::Paragraph {
        text: match nation {
            Some(nation) if !drawn => if lang == Lang::Sv {
                format!("Ingen riksmedian visas: i varje område vilar den på färre än {} regioner och undanhålls.", nation.reference.min_regions)
            } else {
                format!("No national median is shown: in every area it rests on fewer than {} regions and is withheld.", nation.reference.min_regions)
            },
            Some(nation) => if lang == Lang::Sv {
                format!("Den tjocka linjen är riksmedianen per område ({}). Områden där färre än {} regioner har poäng saknar median.", nation.described(w), nation.reference.min_regions)
            } else {
                format!("The thick line is the national median per area ({}). Areas where fewer than {} regions have a score have no median.", nation.described(w), nation.reference.min_regions)
            },
            None => w.t(
                "Ingen nationell median visas: ingen nationell referens angavs.",
                "No national median is shown: no national reference was given.",
            ),
        },
        style: Style::Muted,
    });
    Page {
        title: if lang == Lang::Sv {
            format!(
                "Profil över de {} områdena",
                count_words(m.scored_areas().count(), lang)
            )
        } else {
            format!(
                "Profile of the {} areas",
                count_words(m.scored_areas().count(), lang)
            )
        },
        blocks,
    }
}

fn bars_page(w: &Words, m: &Scored, nation: Option<&Nation>) -> Page {
    let lang = w.lang;
    let last = m.last_year();
    let band = |id: &str| nation.and_then(|n| n.area(id)).and_then(Stat::band);
    let rows: Vec<BarRow> = m
        .scored_areas()
        .map(|a| BarRow {
            label: area_name(a, lang),
            value: a.score,
            text: match (a.score, &a.level_name) {
                (Some(s), Some(level)) => format!("{} {}", w.n(s), level.get(lang)),
                _ => w.t("ingen poäng", "no score"),
            },
            previous: m.then(&a.id),
            national: band(&a.id),
            target: a.target_score,
        })
        .collect();
    let mut legend = vec![(SeriesKind::Region, format!("{}", m.card.year))];
    if rows.iter().any(|r| r.target.is_some()) {
        legend.push((SeriesKind::Target, w.t("Mål", "Target")));
    }
    if let Some(nation) = nation.filter(|_| rows.iter().any(|r| r.national.is_some())) {
        legend.push((
            SeriesKind::National,
            format!(
                "{} ({})",
                w.t(
                    "Riket: median och mittenhalva",
                    "Nation: median and middle half"
                ),
                nation.described(w)
            ),
        ));
    }
    if let Some((year, _, _)) = last {
        legend.push((SeriesKind::LastYear, year.to_string()));
    }
    let alt_rows: Vec<String> = rows
        .iter()
        .map(|r| match r.national {
            Some((q1, median, q3)) => format!(
                "{}: {} ({} {}, {} {}–{})",
                r.label,
                r.text,
                w.t("riket median", "national median"),
                w.n(median),
                w.t("mittenhalva", "middle half"),
                w.n(q1),
                w.n(q3)
            ),
            None => format!("{}: {}", r.label, r.text),
        })
        .collect();
    let mut alt = format!(
        "{} {}",
        w.t(
            "Stapeldiagram med poäng per område.",
            "Bar chart of the score per area."
        ),
        alt_rows.join("; ")
    );
    let targets: Vec<String> = m
        .scored_areas()
        .filter_map(|a| Some(format!("{} {}", area_name(a, lang), a.target?)))
        .collect();
    if !targets.is_empty() {
        let _ = write!(alt, ". {}: {}", w.t("Mål", "Targets"), targets.join("; "));
    }
    // Shares of the width: the area takes what the other columns leave.
    let national_width = if nation.is_some() { 0.3 } else { 0.0 };
    let change_width = if last.is_some() { 0.12 } else { 0.0 };
    let mut columns = vec![
        Column {
            header: w.t("Område", "Area"),
            width: 0.72 - national_width - change_width,
            numeric: false,
        },
        Column {
            header: w.t("Poäng", "Score"),
            width: 0.09,
            numeric: true,
        },
        Column {
            header: w.t("Nivå", "Level"),
            width: 0.19,
            numeric: false,
        },
    ];
    if nation.is_some() {
        columns.push(Column {
            header: w.t("Riket median (n)", "Nation median (n)"),
            width: 0.13,
            numeric: true,
        });
        columns.push(Column {
            header: w.t("Läge i riket", "Position in nation"),
            width: 0.17,
            numeric: false,
        });
    }
    if let Some((year, _, _)) = last {
        columns.push(Column {
            header: format!("{} {year}", w.t("Ändring sedan", "Change since")),
            width: change_width,
            numeric: true,
        });
    }
    let table_rows = m
        .scored_areas()
        .map(|a| {
            let mut row = vec![
                area_name(a, lang),
                a.score.map_or_else(|| "–".into(), |s| w.n(s)),
                a.level_name.as_ref().map_or_else(
                    || w.t("ingen poäng", "no score"),
                    |l| format!("{} {}", a.level.unwrap_or_default(), l.get(lang)),
                ),
            ];
            if let Some(nation) = nation {
                let stat = nation.area(&a.id);
                row.push(match (stat, stat.and_then(Stat::band)) {
                    (Some(stat), Some((_, median, _))) => format!("{} ({})", w.n(median), stat.n),
                    (Some(stat), None) => format!("– ({})", stat.n),
                    (None, _) => "–".into(),
                });
                row.push(match (a.score, band(&a.id)) {
                    (Some(score), Some(band)) => position(score, band).words(w),
                    (_, None) if stat.is_some_and(|s| s.withheld) => w.t("undanhållen", "withheld"),
                    _ => "–".into(),
                });
            }
            if last.is_some() {
                row.push(m.change(&a.id).map_or_else(|| "–".into(), |c| w.signed(c)));
            }
            row
        })
        .collect();
    Page {
        title: w.t("Poäng per område", "Score per area"),
        blocks: vec![
            Block::Bars(Bars { alt, rows, legend }),
            Block::Table(Table { caption: None, columns, rows: table_rows }),
            Block::Paragraph {
                text: match nation {
                    Some(nation) => if lang == Lang::Sv {
                        format!("Det ljusa bandet är rikets mittenhalva, från nedre till övre kvartilen, och strecket i det riksmedianen ({}). n är antalet regioner bakom siffran; en siffra som vilar på färre än {} regioner undanhålls.", nation.described(w), nation.reference.min_regions)
                    } else {
                        format!("The light band is the nation's middle half, from the lower to the upper quartile, and the line in it the national median ({}). n is the number of regions behind the figure; a figure resting on fewer than {} regions is withheld.", nation.described(w), nation.reference.min_regions)
                    },
                    None => w.t(
                        "Nationell median och kvartilband visas när en nationell referens anges; här angavs ingen.",
                        "The national median and quartile band are shown when a national reference is given; none was given here.",
                    ),
                },
                style: Style::Muted,
            },
        ],
    }
}

/// How the areas stand against their targets, in one sentence: how many have reached theirs,
/// and which is furthest from its own (by weight × gap, as the next steps are ordered).
fn targets_sentence(w: &Words, m: &Scored) -> Option<String> {
    let summary = m.card.targets.as_ref()?;
    let lang = w.lang;
    let all = summary.set == m.scored_areas().count();
    let mut s = match (lang, all) {
        (Lang::Sv, true) => format!(
            "{} av {} områden har nått sitt mål",
            summary.reached, summary.set
        ),
        (Lang::Sv, false) => format!(
            "{} av de {} områden som har ett mål har nått det",
            summary.reached, summary.set
        ),
        (Lang::En, true) => format!(
            "{} of {} areas have reached their target",
            summary.reached, summary.set
        ),
        (Lang::En, false) => format!(
            "{} of the {} areas with a target have reached it",
            summary.reached, summary.set
        ),
    };
    let furthest = m
        .scored_areas()
        .filter(|a| standing(a) == Standing::Short)
        .map(|a| (a.weight.unwrap_or(1.0) * a.gap.unwrap_or_default(), a))
        .fold(
            None::<(f64, &AreaScore)>,
            |best, (priority, a)| match best {
                Some((top, _)) if top >= priority => best,
                _ => Some((priority, a)),
            },
        );
    if let Some((_, area)) = furthest
        && let (Some(score), Some(target)) = (area.score, area.target)
    {
        let _ = write!(
            s,
            "{}",
            if lang == Lang::Sv {
                format!(
                    "; längst kvar har {} ({} mot målet {target})",
                    area.title.get(lang),
                    w.n(score)
                )
            } else {
                format!(
                    "; furthest from its target is {} ({} against the target {target})",
                    area.title.get(lang),
                    w.n(score)
                )
            }
        );
    }
    s.push('.');
    Some(s)
}

/// Each area against its target: the score, the target, what is left and, with last year,
/// how much of the way from last year's score has been gone. Only when targets are set.
fn targets_page(w: &Words, m: &Scored) -> Option<Page> {
    let summary = m.card.targets.as_ref()?;
    let lang = w.lang;
    let last = m.last_year().filter(|_| summary.since.is_some());
    let mut columns = vec![
        Column {
            header: w.t("Område", "Area"),
            width: if last.is_some() { 0.44 } else { 0.6 },
            numeric: false,
        },
        Column {
            header: format!("{} {}", w.t("Poäng", "Score"), m.card.year),
            width: if last.is_some() { 0.11 } else { 0.14 },
            numeric: true,
        },
        Column {
            header: w.t("Mål", "Target"),
            width: if last.is_some() { 0.1 } else { 0.12 },
            numeric: true,
        },
        Column {
            header: w.t("Kvar", "Gap"),
            width: if last.is_some() { 0.1 } else { 0.14 },
            numeric: true,
        },
    ];
    if let Some((year, _, _)) = last {
        columns.insert(
            1,
            Column {
                header: format!("{} {year}", w.t("Poäng", "Score")),
                width: 0.11,
                numeric: true,
            },
        );
        columns.push(Column {
            header: w.t("Väg till mål", "Progress"),
            width: 0.14,
            numeric: true,
        });
    }
    let dash = || "–".to_string();
    let rows = m
        .scored_areas()
        .map(|a| {
            let mut row = vec![area_name(a, lang)];
            if last.is_some() {
                row.push(previous_score(last, &a.id).map_or_else(dash, |s| w.n(s)));
            }
            row.push(a.score.map_or_else(dash, |s| w.n(s)));
            row.push(a.target.map_or_else(dash, |t| t.to_string()));
            row.push(match a.gap {
                Some(gap) if gap > 0.0 => w.n(gap),
                Some(_) => w.t("nått", "reached"),
                None => dash(),
            });
            if last.is_some() {
                row.push(a.progress.map_or_else(dash, |p| w.pct(p)));
            }
            row
        })
        .collect();
    let mut blocks = Vec::new();
    if let Some(sentence) = targets_sentence(w, m) {
        blocks.push(Block::Paragraph {
            text: sentence,
            style: Style::Body,
        });
    }
    blocks.push(Block::Table(Table {
        caption: None,
        columns,
        rows,
    }));
    let explained = match last {
        Some((year, _, _)) => if lang == Lang::Sv {
            format!("Målet är den nivå regionen vill att området ska nå. Kvar är avståndet från poängen till målnivåns lägsta poäng. Väg till mål är hur stor del av vägen från poängen {year} till målet som har gåtts: 0 % när poängen inte har stigit, 100 % när målet är nått. Ett område som redan hade nått sitt mål {year} har ingen väg att mäta.")
        } else {
            format!("The target is the level the region means the area to reach. The gap is the distance from the score to the lowest score at the target level. Progress is how much of the way from the {year} score to the target has been gone: 0% when the score has not risen, 100% when the target is reached. An area that had reached its target in {year} has no way to measure.")
        },
        None => w.t(
            "Målet är den nivå regionen vill att området ska nå. Kvar är avståndet från poängen till målnivåns lägsta poäng. Med förra årets svar visas också hur stor del av vägen till målet som har gåtts.",
            "The target is the level the region means the area to reach. The gap is the distance from the score to the lowest score at the target level. With last year's answers, the report also shows how much of the way to the target has been gone.",
        ),
    };
    blocks.push(Block::Paragraph {
        text: explained,
        style: Style::Muted,
    });
    Some(Page {
        title: w.t("Mål per område", "Targets per area"),
        blocks,
    })
}

/// The questionnaire's groups of areas, each with its score, level and areas.
fn groups_page(w: &Words, s: &Scored) -> Option<Page> {
    if s.card.groups.is_empty() {
        return None;
    }
    let lang = w.lang;
    let dash = || "–".to_string();
    let rows = s
        .card
        .groups
        .iter()
        .map(|group| {
            let areas: Vec<String> = group
                .areas
                .iter()
                .filter_map(|id| s.card.areas.iter().find(|a| &a.id == id))
                .map(|a| area_name(a, lang))
                .collect();
            vec![
                group.title.get(lang).to_string(),
                areas.join(", "),
                group.score.map_or_else(dash, |score| w.n(score)),
                match (group.level, &group.level_name) {
                    (Some(level), Some(name)) => format!("{level} {}", name.get(lang)),
                    _ => dash(),
                },
            ]
        })
        .collect();
    Some(Page {
        title: format!(
            "{}: {}",
            w.t("Grupper av områden", "Groups of areas"),
            s.part.questionnaire.title.get(lang)
        ),
        blocks: vec![
            Block::Paragraph {
                text: w.t(
                    "En grupps poäng är det viktade medelvärdet av poängen för dess områden som har poäng, med bedömningsmallens vikter.",
                    "A group's score is the weighted mean of the scores of its areas that have one, with the rubric's weights.",
                ),
                style: Style::Body,
            },
            Block::Table(Table {
                caption: None,
                columns: vec![
                    Column {
                        header: w.t("Grupp", "Group"),
                        width: 0.24,
                        numeric: false,
                    },
                    Column {
                        header: w.t("Områden", "Areas"),
                        width: 0.46,
                        numeric: false,
                    },
                    Column {
                        header: w.t("Poäng", "Score"),
                        width: 0.12,
                        numeric: true,
                    },
                    Column {
                        header: w.t("Nivå", "Level"),
                        width: 0.18,
                        numeric: false,
                    },
                ],
                rows,
            }),
        ],
    })
}

fn trend_page(w: &Words, m: &Scored) -> Page {
    let lang = w.lang;
    let mut years: Vec<i32> = m.history.iter().map(|(y, _, _)| *y).collect();
    years.push(m.card.year);
    let cards: Vec<&Scorecard> = m
        .history
        .iter()
        .map(|(_, c, _)| c)
        .chain(std::iter::once(&m.card))
        .collect();
    let version_changed: Vec<i32> = m
        .history
        .iter()
        .filter(|(_, _, changed)| *changed)
        .map(|(y, _, _)| *y)
        .collect();
    let lines: Vec<(String, Vec<Option<f64>>)> = m
        .scored_areas()
        .map(|a| {
            (
                area_name(a, lang),
                cards
                    .iter()
                    .map(|c| c.areas.iter().find(|x| x.id == a.id).and_then(|x| x.score))
                    .collect(),
            )
        })
        .collect();
    let mut columns = vec![Column {
        header: w.t("Område", "Area"),
        width: 0.4,
        numeric: false,
    }];
    let share = 0.6 / years.len() as f32;
    for year in &years {
        let mark = if version_changed.contains(year) {
            " *"
        } else {
            ""
        };
        columns.push(Column {
            header: format!("{year}{mark}"),
            width: share,
            numeric: true,
        });
    }
    let mut rows: Vec<Vec<String>> = lines
        .iter()
        .map(|(label, values)| {
            std::iter::once(label.clone())
                .chain(
                    values
                        .iter()
                        .map(|v| v.map_or_else(|| "–".into(), |s| w.n(s))),
                )
                .collect()
        })
        .collect();
    rows.push(
        std::iter::once(w.t("Samlat index", "Overall index"))
            .chain(
                cards
                    .iter()
                    .map(|c| c.overall.score.map_or_else(|| "–".into(), |s| w.n(s))),
            )
            .collect(),
    );
    let alt = format!(
        "{} {}.",
        w.t(
            "Linjediagram per område över åren",
            "Line charts per area over the years"
        ),
        years
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut blocks = vec![Block::Trend(Trend {
        alt,
        years: years.clone(),
        lines,
        version_changed: version_changed.clone(),
    })];
    blocks.push(Block::Table(Table {
        caption: None,
        columns,
        rows,
    }));
    if !version_changed.is_empty() {
        blocks.push(Block::Paragraph {
            text: w.t(
                "* Besvarat med en annan version av enkäten. Poängen räknas med dagens bedömningsmall på de svar som förs över: bara frågor som enkäten anger som fortsättningar på tidigare frågor jämförs, och ändringen sedan förra året räknas på samma frågor båda åren (se mognad compare).",
                "* Answered with another version of the questionnaire. The scores are computed with today's rubric on the answers that carry over: only questions the questionnaire declares as continuing earlier ones are compared, and the change since last year is computed on the same questions in both years (see mognad compare).",
            ),
            style: Style::Muted,
        });
    }
    Page {
        title: w.t("Utveckling över åren", "Change over the years"),
        blocks,
    }
}

fn status(w: &Words, area: &AreaScore) -> String {
    match area.score {
        Some(s) if s >= 3.0 => w.t("God grund", "Good basis"),
        Some(s) if s >= 2.0 => w.t("Behöver arbete", "Needs work"),
        Some(_) => w.t("Brist", "Gap"),
        None => w.t("För lite besvarat", "Too little answered"),
    }
}

fn readiness_page(w: &Words, r: &Scored) -> Page {
    let lang = w.lang;
    let mut blocks = Vec::new();
    if let Some(solution) = &r.card.solution {
        blocks.push(Block::Paragraph {
            text: format!(
                "{}: {}. {}: {}.",
                w.t("Lösning", "Solution"),
                solution.name,
                w.t("Målgrupp", "Target group"),
                solution.target_group
            ),
            style: Style::Lead,
        });
    }
    let mut figures = Vec::new();
    if let Some(verdict) = &r.card.verdict {
        figures.push((
            w.t("Bedömning", "Verdict"),
            verdict.name.as_ref().map_or_else(
                || w.t("kan inte ges", "cannot be given"),
                |n| n.get(lang).to_string(),
            ),
        ));
    }
    if let Some(index) = r.card.overall.score {
        figures.push((w.t("Index", "Index"), w.n(index)));
    }
    let applicable: usize = r.scored_areas().map(|a| a.applicable).sum();
    let answered: usize = r.scored_areas().map(|a| a.answered).sum();
    if applicable > 0 {
        figures.push((
            w.t("Täckning", "Coverage"),
            w.pct(answered as f64 / applicable as f64),
        ));
    }
    blocks.push(Block::KeyFigures { items: figures });
    let rows = r
        .scored_areas()
        .map(|a| {
            vec![
                area_name(a, lang),
                a.score.map_or_else(|| "–".into(), |s| w.n(s)),
                a.level_name.as_ref().map_or_else(
                    || "–".into(),
                    |l| format!("{} {}", a.level.unwrap_or_default(), l.get(lang)),
                ),
                status(w, a),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        caption: None,
        columns: vec![
            Column {
                header: w.t("Dimension", "Dimension"),
                width: 0.5,
                numeric: false,
            },
            Column {
                header: w.t("Poäng", "Score"),
                width: 0.12,
                numeric: true,
            },
            Column {
                header: w.t("Nivå", "Level"),
                width: 0.18,
                numeric: false,
            },
            Column {
                header: w.t("Status", "Status"),
                width: 0.2,
                numeric: false,
            },
        ],
        rows,
    }));
    if let Some(verdict) = &r.card.verdict {
        blocks.push(Block::Heading {
            text: w.t(
                "Hinder som påverkar bedömningen",
                "Blockers that affect the verdict",
            ),
        });
        if verdict.blockers.is_empty() {
            blocks.push(Block::Paragraph {
                text: w.t(
                    "Inget hinder gäller: bedömningen följer indexet.",
                    "No blocker holds: the verdict follows the index.",
                ),
                style: Style::Body,
            });
        } else {
            let items = verdict
                .blockers
                .iter()
                .map(|b| {
                    let seen = match (subject_name(&b.subject, &r.card, lang), b.subject.observed) {
                        (name, Observed::Value(v)) if b.subject.question.is_some() => {
                            format!("{name} = {}", w.level(v))
                        }
                        (name, Observed::Unknown) if b.subject.question.is_some() => format!(
                            "{name}: {}",
                            w.t("vet ej eller obesvarad", "don't know or unanswered")
                        ),
                        (name, Observed::Value(v)) => format!("{name} = {}", w.n(v)),
                        (name, Observed::Unknown) => {
                            format!("{name}: {}", w.t("ingen poäng", "no score"))
                        }
                    };
                    let decisive = if b.decisive {
                        w.t(" Avgör bedömningen.", " Decides the verdict.")
                    } else {
                        String::new()
                    };
                    format!(
                        "{} {}: {} ({seen}).{decisive}",
                        w.t("Högst", "At most"),
                        b.limit_name.get(lang).to_lowercase(),
                        b.reason.get(lang)
                    )
                })
                .collect();
            blocks.push(Block::Bullets { items });
        }
        let why = if verdict.blockers.iter().any(|b| b.decisive) {
            w.t(
                "Ett hinder väger tyngre än ett gott genomsnitt: så länge det gäller kan lösningen inte skalas upp, hur väl resten än är på plats.",
                "A blocker outweighs a good average: while it holds, the solution cannot be scaled up, however well the rest is in place.",
            )
        } else {
            w.t(
                "Bedömningen ges av indexet, eftersom inget hinder gör den sämre.",
                "The verdict is given by the index, since no blocker makes it worse.",
            )
        };
        blocks.push(Block::Paragraph {
            text: why,
            style: Style::Body,
        });
    }
    Page {
        title: w.t("Beredskap att skala upp", "Readiness to scale up"),
        blocks,
    }
}

fn next_steps_page(w: &Words, scored: &[Scored]) -> Page {
    let lang = w.lang;
    let targets = scored.iter().any(|s| s.card.targets.is_some());
    let mut blocks = vec![Block::Paragraph {
        text: if targets {
            w.t(
                "Stegen kommer från bedömningsmallen och gäller den nivå området har i dag. De står i prioritetsordning: först områden som inte har nått sitt mål, efter områdets vikt gånger avståndet kvar till målet; sedan områden utan mål, efter vikt gånger avståndet till nästa nivå; sist områden som har nått sitt mål.",
                "The steps come from the rubric and apply to the level the area has today. They are in order of priority: first the areas short of their target, by the area's weight times the distance left to the target; then the areas without a target, by weight times the distance to the next level; last the areas that have reached their target.",
            )
        } else {
            w.t(
                "Stegen kommer från bedömningsmallen och gäller den nivå området har i dag. De står i prioritetsordning: områdets vikt gånger avståndet till nästa nivå.",
                "The steps come from the rubric and apply to the level the area has today. They are in order of priority: the area's weight times the distance to the next level.",
            )
        },
        style: Style::Body,
    }];
    for s in scored {
        // Priority: the area's weight × the distance to the next level, or to the target for
        // an area short of its target; those come first, and areas that reached theirs last.
        let mut steps: Vec<(Standing, f64, String, String, String, String)> = Vec::new();
        for area in s.scored_areas() {
            let (Some(score), Some(level), Some(text)) = (area.score, area.level, &area.next_step)
            else {
                continue;
            };
            let levels = s
                .part
                .rubric
                .area_rule(&area.id)
                .map(|r| r.levels(s.part.rubric))
                .unwrap_or_default();
            let next = levels
                .iter()
                .find(|b| b.level > level)
                .map_or(5.0, |b| b.min);
            let distance = match (standing(area), area.gap) {
                (Standing::Short, Some(gap)) => gap,
                _ => (next - score).max(0.0),
            };
            let priority = area.weight.unwrap_or(1.0) * distance;
            let level_name = area
                .level_name
                .as_ref()
                .map(|l| l.get(lang))
                .unwrap_or_default();
            steps.push((
                standing(area),
                priority,
                area_name(area, lang),
                format!("{level} {level_name}"),
                area.target
                    .map_or_else(|| "–".to_string(), |t| t.to_string()),
                text.get(lang).to_string(),
            ));
        }
        if steps.is_empty() {
            continue;
        }
        steps.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal))
        });
        let with_target = s.card.targets.is_some();
        blocks.push(Block::Heading {
            text: s.part.questionnaire.title.get(lang).to_string(),
        });
        let mut columns = vec![
            Column {
                header: "#".into(),
                width: 0.05,
                numeric: true,
            },
            Column {
                header: w.t("Område", "Area"),
                width: 0.27,
                numeric: false,
            },
            Column {
                header: w.t("Nivå i dag", "Level today"),
                width: 0.14,
                numeric: false,
            },
            Column {
                header: w.t("Nästa steg", "Next step"),
                width: 0.54,
                numeric: false,
            },
        ];
        if with_target {
            columns[3].width = 0.47;
            columns.insert(
                3,
                Column {
                    header: w.t("Mål", "Target"),
                    width: 0.07,
                    numeric: true,
                },
            );
        }
        blocks.push(Block::Table(Table {
            caption: None,
            columns,
            rows: steps
                .into_iter()
                .enumerate()
                .map(|(i, (_, _, name, level, target, text))| {
                    let mut row = vec![(i + 1).to_string(), name, level];
                    if with_target {
                        row.push(target);
                    }
                    row.push(text);
                    row
                })
                .collect(),
        }));
    }
    Page {
        title: w.t("Rekommenderade nästa steg", "Recommended next steps"),
        blocks,
    }
}

/// An answer in words: "Ja", "3 – …", "Vet ej".
fn answer_text(w: &Words, question: &Question, answers: &Answers, full: bool) -> String {
    answers
        .get(&question.id)
        .and_then(|answer| answer_words(question, answer, w.lang, full))
        .unwrap_or_else(|| w.t("Obesvarad", "Unanswered"))
}

fn indicators_page(w: &Words, m: &Scored, published: &Published) -> Page {
    let lang = w.lang;
    let mut rows = Vec::new();
    for (_, question) in m.part.questionnaire.questions() {
        let Some(indicator) = &question.indicator else {
            continue;
        };
        let label = question.label.as_ref().map_or_else(
            || question.text.get(lang).to_string(),
            |l| l.get(lang).to_string(),
        );
        let label = match m.part.questionnaire.number(&question.id) {
            Some(number) => format!("{number} {label}"),
            None => label,
        };
        let answer = if m.part.questionnaire.is_asked(question, m.part.answers) {
            answer_text(w, question, m.part.answers, false)
        } else {
            w.t("Ställdes inte", "Not asked")
        };
        let (national, source) = match published.figure(indicator).and_then(|f| f.latest()) {
            Some(value) => {
                let short = published.short.get(lang);
                let source = if short.contains(&value.year.to_string()) {
                    short.to_string()
                } else {
                    format!("{short}, {}", value.year)
                };
                (published.describe(value, lang), source)
            }
            None => (
                w.t("Ingen publicerad siffra", "No published figure"),
                "–".into(),
            ),
        };
        rows.push(vec![label, answer, national, source]);
    }
    Page {
        title: w.t(
            "Indikatorer mot nationella siffror",
            "Indicators against national figures",
        ),
        blocks: vec![
            Block::Paragraph {
                text: if lang == Lang::Sv {
                    format!(
                        "Regionens svar står bredvid det publicerade nationella antalet. Siffrorna kommer från {}; där rapporten inte ger ett exakt antal återges dess ord.",
                        published.source.get(lang)
                    )
                } else {
                    format!(
                        "The region's answer stands beside the published national count. The figures come from {}; where the report gives no exact count, its words are given.",
                        published.source.get(lang)
                    )
                },
                style: Style::Body,
            },
            Block::Table(Table {
                caption: None,
                columns: vec![
                    Column {
                        header: w.t("Indikator", "Indicator"),
                        width: 0.36,
                        numeric: false,
                    },
                    Column {
                        header: w.t("Regionens svar", "The region's answer"),
                        width: 0.18,
                        numeric: false,
                    },
                    Column {
                        header: w.t("Nationellt", "Nationally"),
                        width: 0.28,
                        numeric: false,
                    },
                    Column {
                        header: w.t("Källa", "Source"),
                        width: 0.18,
                        numeric: false,
                    },
                ],
                rows,
            }),
        ],
    }
}

fn method_page(
    w: &Words,
    scored: &[Scored],
    published: &Published,
    national: Option<&National>,
    nation: Option<&Nation>,
) -> Page {
    let lang = w.lang;
    let mut blocks = Vec::new();
    let coverage = scored.first().map_or(0.75, |s| s.card.coverage_min);
    blocks.push(Block::Paragraph {
        text: if lang == Lang::Sv {
            format!(
                "Varje fråga på mognadsskalan ger poäng 0–5 efter den nivå som valts; ja/nej- och flervalsfrågor ges poäng enligt bedömningsmallen. På mognadsskalan väljs den högsta nivå där allt som nivån beskriver stämmer; nivåerna bygger på varandra. Ett områdes poäng är det viktade medelvärdet av dess besvarade frågor, avrundat till en decimal, och nivån följer av den avrundade poängen. Ej tillämpligt räknas inte med. Vet ej sänker täckningen men räknas aldrig som 0. Ett område får poäng när minst {} av dess tillämpliga frågor är besvarade; annars står det utan poäng. Det samlade indexet är medelvärdet av områdenas poäng.",
                w.pct(coverage)
            )
        } else {
            format!(
                "Each question on the maturity scale gives points 0–5 from the level chosen; yes/no and choice questions get points from the rubric. On the maturity scale the highest level is chosen where everything the level describes holds; the levels build on each other. An area's score is the weighted mean of its answered questions, rounded to one decimal, and the level follows from the rounded score. Not applicable is left out. Don't know lowers coverage but never counts as 0. An area is scored when at least {} of its applicable questions are answered; otherwise it has no score. The overall index is the mean of the area scores.",
                w.pct(coverage)
            )
        },
        style: Style::Body,
    });
    blocks.push(Block::Paragraph {
        text: w.t(
            "Spärrar begränsar ett område när en grundläggande fråga har ett lågt svar, hur bra genomsnittet än är. I beredskapsbedömningen kan ett kritiskt hinder på samma sätt avgöra bedömningen.",
            "Gates cap an area when a basic question has a low answer, however good the average. In the readiness assessment a critical blocker can decide the verdict in the same way.",
        ),
        style: Style::Body,
    });
    blocks.extend(team_method(w, scored));
    blocks.push(Block::Heading {
        text: w.t(
            "Spärrar som påverkade poängen",
            "Gates that affected the scores",
        ),
    });
    let mut fired = Vec::new();
    for s in scored {
        for area in s.card.areas.iter().filter(|a| a.scored) {
            for gate in area.gates.iter().filter(|g| g.lowered) {
                fired.push(if lang == Lang::Sv {
                    format!(
                        "{}: begränsad till {} ({} utan spärren) eftersom {}.",
                        area_name(area, lang),
                        w.n(gate.cap),
                        area.score_before_gates.map(|s| w.n(s)).unwrap_or_default(),
                        gate.reason.get(lang)
                    )
                } else {
                    format!(
                        "{}: capped at {} ({} without the gate) because of {}.",
                        area_name(area, lang),
                        w.n(gate.cap),
                        area.score_before_gates.map(|s| w.n(s)).unwrap_or_default(),
                        gate.reason.get(lang)
                    )
                });
            }
        }
    }
    if fired.is_empty() {
        blocks.push(Block::Paragraph {
            text: w.t(
                "Ingen spärr sänkte någon poäng.",
                "No gate lowered any score.",
            ),
            style: Style::Body,
        });
    } else {
        blocks.push(Block::Bullets { items: fired });
    }
    blocks.push(Block::Heading {
        text: w.t("Versioner och källor", "Versions and sources"),
    });
    let mut rows = Vec::new();
    for s in scored {
        rows.push(vec![
            s.part.questionnaire.title.get(lang).to_string(),
            format!(
                "{} {}",
                s.part.questionnaire.id, s.part.questionnaire.version
            ),
            s.part
                .questionnaire
                .content_hash()
                .chars()
                .take(23)
                .collect::<String>()
                + "…",
            format!("{} {}", s.part.rubric.id, s.part.rubric.version),
        ]);
    }
    blocks.push(Block::Table(Table {
        caption: None,
        columns: vec![
            Column {
                header: w.t("Enkät", "Questionnaire"),
                width: 0.36,
                numeric: false,
            },
            Column {
                header: w.t("Version", "Version"),
                width: 0.16,
                numeric: false,
            },
            Column {
                header: w.t("Innehållshash", "Content hash"),
                width: 0.3,
                numeric: false,
            },
            Column {
                header: w.t("Bedömningsmall", "Rubric"),
                width: 0.18,
                numeric: false,
            },
        ],
        rows,
    }));
    blocks.push(Block::Heading {
        text: w.t("Nationell jämförelse", "National comparison"),
    });
    blocks.push(Block::Paragraph {
        text: national_method(w, scored, published, national, nation),
        style: Style::Body,
    });
    blocks.push(Block::Heading {
        text: w.t("Det som inte besvarades", "What was not answered"),
    });
    let mut open = Vec::new();
    for s in scored {
        for area in &s.card.areas {
            let missing: Vec<String> = area
                .questions
                .iter()
                .filter(|q| {
                    matches!(
                        q.outcome,
                        scoring::QuestionOutcome::DontKnow | scoring::QuestionOutcome::Unanswered
                    )
                })
                .map(|q| {
                    let label = question_name(&q.number, q.label.as_ref(), lang);
                    let how = if q.outcome == scoring::QuestionOutcome::DontKnow {
                        w.t("vet ej", "don't know")
                    } else {
                        w.t("obesvarad", "unanswered")
                    };
                    format!("{label} ({how})")
                })
                .collect();
            if !missing.is_empty() {
                open.push(format!(
                    "{}: {}.",
                    area_name(area, lang),
                    missing.join(", ")
                ));
            }
            if let Some(NoScore::LowCoverage { .. }) = area.no_score {
                open.push(format!(
                    "{}: {}",
                    area_name(area, lang),
                    w.t(
                        "har ingen poäng, för lite besvarat.",
                        "has no score, too little answered."
                    )
                ));
            }
        }
    }
    if open.is_empty() {
        blocks.push(Block::Paragraph {
            text: w.t("Alla frågor besvarades.", "Every question was answered."),
            style: Style::Body,
        });
    } else {
        blocks.push(Block::Bullets { items: open });
    }
    Page {
        title: w.t("Metod och källor", "Method and sources"),
        blocks,
    }
}

/// A team's answers: who answered, per area how many answered and where they disagreed, and
/// each split question with every respondent's answer and what the team agreed. Only when an
/// answers file is a team's.
fn team_page(w: &Words, scored: &[Scored]) -> Option<Page> {
    let lang = w.lang;
    let teams: Vec<(&Scored, &scoring::Team)> = scored
        .iter()
        .filter_map(|s| s.card.team.as_ref().map(|t| (s, t)))
        .collect();
    if teams.is_empty() {
        return None;
    }
    let mut blocks = Vec::new();
    for (s, team) in &teams {
        if teams.len() > 1 {
            blocks.push(Block::Heading {
                text: s.part.questionnaire.title.get(lang).to_string(),
            });
        }
        let people: Vec<String> = team
            .respondents
            .iter()
            .map(|r| {
                if r.role.trim().is_empty() {
                    r.name.clone()
                } else {
                    format!("{} ({})", r.name, r.role)
                }
            })
            .collect();
        let settled = team.split.iter().filter(|q| q.settled).count();
        let rule = match team.rule {
            crate::answers::Rule::Median => w.t(
                "medianen av deras svar (det vanligaste svaret på ja/nej- och flervalsfrågor)",
                "the median of theirs (the most common answer to yes/no and choice questions)",
            ),
            crate::answers::Rule::Min => w.t("det lägsta av deras svar", "the lowest of theirs"),
        };
        let mut text = if lang == Lang::Sv {
            format!(
                "Svaren kommer från {} personer som svarade var för sig: {}. Teamets svar på varje fråga är {rule}.",
                people.len(),
                w.list(&people)
            )
        } else {
            format!(
                "The answers come from {} people who answered separately: {}. The team's answer to each question is {rule}.",
                people.len(),
                w.list(&people)
            )
        };
        text.push(' ');
        let _ = match (team.split.len(), lang) {
            (0, _) => write!(
                text,
                "{}",
                w.t(
                    "De var eniga om varje fråga.",
                    "They agreed on every question."
                )
            ),
            (split, Lang::Sv) if settled == 0 => write!(
                text,
                "De var oeniga om {split} {}, som teamet inte har stämt av än; där står regelns förslag.",
                if split == 1 { "fråga" } else { "frågor" }
            ),
            (split, Lang::En) if settled == 0 => write!(
                text,
                "They disagreed on {split} {}, which the team has not discussed yet; there the rule's proposal stands.",
                if split == 1 { "question" } else { "questions" }
            ),
            (split, Lang::Sv) => write!(
                text,
                "De var oeniga om {split} {}; teamet har stämt av och enats om {settled} av dem.",
                if split == 1 { "fråga" } else { "frågor" }
            ),
            (split, Lang::En) => write!(
                text,
                "They disagreed on {split} {}; the team has discussed and settled {settled} of them.",
                if split == 1 { "question" } else { "questions" }
            ),
        };
        blocks.push(Block::Paragraph {
            text,
            style: Style::Lead,
        });
        let rows = s
            .card
            .areas
            .iter()
            .map(|area| {
                vec![
                    area_name(area, lang),
                    area.respondents.unwrap_or_default().to_string(),
                    area.split.unwrap_or_default().to_string(),
                    area.settled.unwrap_or_default().to_string(),
                ]
            })
            .collect();
        blocks.push(Block::Table(Table {
            caption: None,
            columns: vec![
                Column {
                    header: w.t("Område", "Area"),
                    width: 0.55,
                    numeric: false,
                },
                Column {
                    header: w.t("Svarande", "Respondents"),
                    width: 0.15,
                    numeric: true,
                },
                Column {
                    header: w.t("Oeniga frågor", "Split questions"),
                    width: 0.15,
                    numeric: true,
                },
                Column {
                    header: w.t("Enade", "Settled"),
                    width: 0.15,
                    numeric: true,
                },
            ],
            rows,
        }));
        if team.split.is_empty() {
            continue;
        }
        blocks.push(Block::Heading {
            text: w.t("Där teamet var oenigt", "Where the team disagreed"),
        });
        let items = team
            .split
            .iter()
            .map(|question| {
                let answers: Vec<String> = question
                    .answers
                    .iter()
                    .map(|a| format!("{}: {}", a.who, a.words.get(lang)))
                    .collect();
                let team_answer = question
                    .team
                    .as_ref()
                    .map_or_else(|| "–".to_string(), |t| t.get(lang).to_string());
                let outcome = match (&question.rationale, lang) {
                    (Some(rationale), Lang::Sv) => {
                        format!("Teamet enades om {team_answer}: {rationale}")
                    }
                    (Some(rationale), Lang::En) => {
                        format!("The team settled on {team_answer}: {rationale}")
                    }
                    (None, Lang::Sv) => {
                        format!("Teamets svar {team_answer} är regelns förslag och inte avstämt.")
                    }
                    (None, Lang::En) => format!(
                        "The team's answer {team_answer} is the rule's proposal, not yet discussed."
                    ),
                };
                let area = s
                    .card
                    .areas
                    .iter()
                    .find(|a| a.id == question.area)
                    .map_or_else(String::new, |a| area_name(a, lang));
                format!(
                    "{area} · {} {}: {}. {outcome}",
                    question.number,
                    question.label.get(lang),
                    answers.join(", ")
                )
            })
            .collect();
        blocks.push(Block::Bullets { items });
    }
    Some(Page {
        title: w.t("Teamets bedömning", "The team's assessment"),
        blocks,
    })
}

/// How a team's answers were merged and when a question counts as split, with the numbers
/// used; nothing when no answers file is a team's.
fn team_method(w: &Words, scored: &[Scored]) -> Option<Block> {
    let team = scored.iter().find_map(|s| s.card.team.as_ref())?;
    let share = w.pct(team.split_share);
    let distance = team.split_distance;
    let text = match (team.rule, w.lang) {
        (crate::answers::Rule::Median, Lang::Sv) => format!(
            "Teamets svar slogs ihop med kommandot mognad merge av {} personers egna svar. Teamets svar på en skalfråga är medianen av deras nivåer, med ett jämnt antal den lägre av de två i mitten, så att teamet aldrig påstår mer än hälften av det säger; på en ja/nej- eller flervalsfråga det vanligaste svaret, vid lika många det försiktigare.",
            team.respondents.len()
        ),
        (crate::answers::Rule::Min, Lang::Sv) => format!(
            "Teamets svar slogs ihop med kommandot mognad merge av {} personers egna svar. Teamets svar på varje fråga är det lägsta, eller försiktigaste, av deras svar.",
            team.respondents.len()
        ),
        (crate::answers::Rule::Median, Lang::En) => format!(
            "The team's answers were merged with the command mognad merge from {} people's own answers. The team's answer to a scale question is the median of their levels, with an even number the lower of the two in the middle, so that the team never claims more than half of it says; to a yes/no or choice question the most common answer, and with a tie the more cautious.",
            team.respondents.len()
        ),
        (crate::answers::Rule::Min, Lang::En) => format!(
            "The team's answers were merged with the command mognad merge from {} people's own answers. The team's answer to each question is the lowest, or most cautious, of theirs.",
            team.respondents.len()
        ),
    };
    let rest = if w.lang == Lang::Sv {
        format!(
            "Vet ej och Ej tillämpligt räknas men vägs aldrig in i ett värde: svarar fler än hälften Ej tillämpligt blir teamets svar Ej tillämpligt, och har ingen gett ett värde blir det Vet ej. En skalfråga räknas som oenig när minst {share} av dem som angav en nivå ligger mer än {distance} {} från medianen; en annan fråga när svaren skiljer sig åt, och varje fråga där några svarat Ej tillämpligt och andra gett ett värde. Teamet stämmer av de oeniga frågorna och skriver in svaret det enas om med en motivering.",
            if distance == 1 { "nivå" } else { "nivåer" }
        )
    } else {
        format!(
            "Don't know and not applicable are counted but never weighed into a value: when more than half answer not applicable, so does the team, and when nobody gave a value, the team's answer is don't know. A scale question counts as split when at least {share} of those who gave a level are more than {distance} {} from the median; another question when the answers differ, and any question where some answered not applicable and others gave a value. The team discusses the split questions and records the answer it agrees on with a rationale.",
            if distance == 1 { "level" } else { "levels" }
        )
    };
    Some(Block::Paragraph {
        text: format!("{text} {rest}"),
        style: Style::Body,
    })
}

/// What the national comparison rests on, or that none was made.
fn national_method(
    w: &Words,
    scored: &[Scored],
    published: &Published,
    national: Option<&National>,
    nation: Option<&Nation>,
) -> String {
    let lang = w.lang;
    let sv = lang == Lang::Sv;
    let indicators = if sv {
        format!("Indikatorerna jämförs med {}.", published.source.get(lang))
    } else {
        format!(
            "The indicators are compared with {}.",
            published.source.get(lang)
        )
    };
    let Some(national) = national else {
        return if sv {
            format!(
                "Ingen nationell referens användes, så ingen nationell median eller spridning visas. {indicators}"
            )
        } else {
            format!(
                "No national reference was used, so no national median or spread is shown. {indicators}"
            )
        };
    };
    let Some(nation) = nation else {
        return if sv {
            format!(
                "Den nationella referensen för {} har inga siffror för 10-punktslistan, så ingen nationell median visas. {indicators}",
                national.year
            )
        } else {
            format!(
                "The national reference for {} has no figures for the ten-point list, so no national median is shown. {indicators}",
                national.year
            )
        };
    };
    let section = nation.section;
    let withheld = section.areas.iter().filter(|f| f.stat.withheld).count();
    let mut text = if sv {
        format!(
            "Den nationella referensen bygger på svar från {} regioner för {} på enkäten {} version {}, sammanställda med kommandot mognad benchmark{}. Medianen och kvartilerna räknas som i Excels KVARTIL.INK. En siffra som vilar på färre än {} regioner undanhålls och visas inte; {} av {} områden är undanhållna.",
            section.regions.len(),
            national.year,
            section.id,
            section.version,
            national
                .date
                .as_ref()
                .map_or_else(String::new, |d| format!(" (senaste svar {d})")),
            national.min_regions,
            withheld,
            section.areas.len()
        )
    } else {
        format!(
            "The national reference rests on answers from {} regions for {} to questionnaire {} version {}, compiled with the command mognad benchmark{}. The median and quartiles are computed as Excel's QUARTILE.INC. A figure resting on fewer than {} regions is withheld and not shown; {} of {} areas are withheld.",
            section.regions.len(),
            national.year,
            section.id,
            section.version,
            national
                .date
                .as_ref()
                .map_or_else(String::new, |d| format!(" (latest answer {d})")),
            national.min_regions,
            withheld,
            section.areas.len()
        )
    };
    if national.example {
        text.push(' ');
        text.push_str(&w.t(
            "Referensen är exempeldata: den bygger på fiktiva regioners svar och beskriver inte riket.",
            "The reference is example data: it rests on fictional regions' answers and does not describe the nation.",
        ));
    }
    if let Some(m) = scored
        .iter()
        .find(|s| s.part.questionnaire.id == section.id)
    {
        if m.card.year != national.year {
            let _ = write!(
                text,
                " {}",
                if sv {
                    format!(
                        "Observera att referensen gäller {} men regionens svar {}.",
                        national.year, m.card.year
                    )
                } else {
                    format!(
                        "Note that the reference is for {} but the region's answers for {}.",
                        national.year, m.card.year
                    )
                }
            );
        }
        if m.part.questionnaire.version != section.version {
            let _ = write!(
                text,
                " {}",
                if sv {
                    format!(
                        "Referensen bygger på version {} av enkäten, regionens svar på version {}; jämförelsen kan vara osäker där frågorna har ändrats.",
                        section.version, m.part.questionnaire.version
                    )
                } else {
                    format!(
                        "The reference rests on version {} of the questionnaire, the region's answers on version {}; the comparison can be uncertain where questions changed.",
                        section.version, m.part.questionnaire.version
                    )
                }
            );
        }
    }
    text.push(' ');
    text.push_str(&indicators);
    text
}

fn appendix(w: &Words, scored: &[Scored]) -> Page {
    let lang = w.lang;
    let mut blocks = vec![Block::Paragraph {
        text: w.t(
            "Varje fråga med svar och kommentar.",
            "Every question with its answer and comment.",
        ),
        style: Style::Body,
    }];
    for s in scored {
        let q = s.part.questionnaire;
        blocks.push(Block::Heading {
            text: q.title.get(lang).to_string(),
        });
        for area in &q.areas {
            let rows: Vec<Vec<String>> = area
                .questions
                .iter()
                .enumerate()
                .map(|(at, question)| {
                    let answer = if q.is_asked(question, s.part.answers) {
                        answer_text(w, question, s.part.answers, false)
                    } else {
                        w.t("Ställdes inte", "Not asked")
                    };
                    let note = s.part.answers.get(&question.id);
                    let mut comment = note.and_then(|a| a.comment.clone()).unwrap_or_default();
                    if let Some(evidence) = note.and_then(|a| a.evidence.as_deref()) {
                        if !comment.is_empty() {
                            comment.push(' ');
                        }
                        let _ = write!(comment, "({}: {evidence})", w.t("underlag", "evidence"));
                    }
                    vec![
                        area.question_number(at),
                        question.text.get(lang).to_string(),
                        answer,
                        comment,
                    ]
                })
                .collect();
            blocks.push(Block::Table(Table {
                caption: Some(format!("{} {}", area.number, area.title.get(lang))),
                columns: vec![
                    Column {
                        header: w.t("Nr", "No."),
                        width: 0.1,
                        numeric: false,
                    },
                    Column {
                        header: w.t("Fråga", "Question"),
                        width: 0.45,
                        numeric: false,
                    },
                    Column {
                        header: w.t("Svar", "Answer"),
                        width: 0.12,
                        numeric: false,
                    },
                    Column {
                        header: w.t("Kommentar", "Comment"),
                        width: 0.33,
                        numeric: false,
                    },
                ],
                rows,
            }));
        }
    }
    Page {
        title: w.t("Bilaga: alla svar", "Appendix: every answer"),
        blocks,
    }
}

/// A title inside a sentence: its first letter small, unless it begins an abbreviation
/// (`SAMM`) or a number (`10-punktslistan`).
fn in_sentence(title: &str) -> String {
    let mut chars = title.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(title.chars().skip(1)).collect()
        }
        _ => title.to_string(),
    }
}

/// A count in words up to twelve, as a heading says it (*de tio områdena*), else in digits.
fn count_words(n: usize, lang: Lang) -> String {
    const SV: [&str; 13] = [
        "noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
        "tolv",
    ];
    const EN: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    let words = if lang == Lang::Sv { &SV } else { &EN };
    words
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;
    use crate::document::{Document, parse};

    fn example(name: &str) -> Answers {
        let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
        match parse(&std::fs::read_to_string(path).unwrap()).unwrap() {
            Document::Answers(a) => a,
            _ => unreachable!(),
        }
    }

    fn report(lang: Lang) -> Report {
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

    #[test]
    fn the_model_in_swedish() {
        insta::assert_json_snapshot!(report(Lang::Sv));
    }

    #[test]
    fn the_model_in_english() {
        insta::assert_json_snapshot!(report(Lang::En));
    }

    #[test]
    fn the_pages_come_in_the_order_leadership_reads_them() {
        let titles: Vec<String> = report(Lang::Sv)
            .pages
            .iter()
            .map(|p| p.title.clone())
            .collect();
        assert_eq!(
            titles,
            [
                "Digital mognad och beredskap",
                "Sammanfattning",
                "Profil över de tio områdena",
                "Poäng per område",
                "Utveckling över åren",
                "Beredskap att skala upp",
                "Rekommenderade nästa steg",
                "Indikatorer mot nationella siffror",
                "Metod och källor",
                "Bilaga: alla svar",
            ]
        );
    }

    #[test]
    fn the_summary_says_the_verdict_and_what_decides_it() {
        let summary = &report(Lang::Sv).pages[1];
        let text: Vec<&str> = summary
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        let all = text.join(" ");
        assert!(all.contains("bedömningen: inte redo"), "{all}");
        assert!(
            all.contains("ingen finansiering av driften efter projektet"),
            "{all}"
        );
        assert!(
            all.contains("Jämfört med riket (21 regioner 2025, exempeldata)"),
            "{all}"
        );
        assert!(all.contains("Starkast är"), "{all}");
    }

    #[test]
    fn without_a_national_reference_the_report_says_no_comparison_was_made() {
        let tq = builtin::questionnaire_at("tiopunkt", "2025.1")
            .unwrap()
            .unwrap();
        let tr = builtin::rubric_at("tiopunkt", "2025.1").unwrap().unwrap();
        let t25 = example("exempelland-tiopunkt-2025.json");
        let published = Published::builtin();
        let report = build(&Inputs {
            lang: Lang::Sv,
            classification: "Intern".into(),
            today: jiff::civil::date(2025, 11, 1),
            parts: vec![Part {
                questionnaire: &tq,
                rubric: &tr,
                answers: &t25,
                previous: vec![],
            }],
            published: &published,
            national: None,
        });
        let json = serde_json::to_string(&report).unwrap();
        assert!(json.contains("Ingen nationell jämförelse gjordes"));
        assert!(!json.contains("\"kind\":\"national\""));
        // The answers are examples, so every page still says so.
        assert_eq!(
            report.stamp.as_deref(),
            Some("Exempeldata: fiktiva regioner")
        );
    }

    /// This year's and last year's tiopunkt, with the example targets in place of the answers'
    /// own (they have none), and without a national reference.
    fn report_with_targets(lang: Lang, targets: bool) -> Report {
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

    fn page<'r>(report: &'r Report, title: &str) -> &'r Page {
        report
            .pages
            .iter()
            .find(|p| p.title == title)
            .unwrap_or_else(|| panic!("no page {title}"))
    }

    fn first_table(page: &Page) -> &Table {
        page.blocks
            .iter()
            .find_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .expect("a table")
    }

    #[test]
    fn targets_get_their_page_a_sentence_and_a_tick_on_each_bar() {
        let report = report_with_targets(Lang::Sv, true);
        let titles: Vec<&str> = report.pages.iter().map(|p| p.title.as_str()).collect();
        let bars = titles
            .iter()
            .position(|t| *t == "Poäng per område")
            .unwrap();
        assert_eq!(titles[bars + 1], "Mål per område");

        let summary = serde_json::to_string(page(&report, "Sammanfattning")).unwrap();
        assert!(
            summary.contains("3 av 10 områden har nått sitt mål; längst kvar har Nationellt ramverk och standarder (1,8 mot målet 3)."),
            "{summary}"
        );

        let table = first_table(page(&report, "Mål per område"));
        let headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
        assert_eq!(
            headers,
            [
                "Område",
                "Poäng 2024",
                "Poäng 2025",
                "Mål",
                "Kvar",
                "Väg till mål"
            ]
        );
        // 1,6 → 2,2 with target 2: reached, all the way; 2,2 → 2,5 toward 3: 0,3 of 0,8.
        assert_eq!(
            table.rows[3],
            [
                "4 Användning av molntjänster",
                "1,6",
                "2,2",
                "2",
                "nått",
                "100\u{a0}%"
            ]
        );
        assert_eq!(table.rows[5][4..], ["0,5", "38\u{a0}%"]);
        // 2,3 → 2,0 with target 2: reached both years, no way to measure.
        assert_eq!(table.rows[9][4..], ["nått", "–"]);

        let Some(Block::Bars(bars)) = page(&report, "Poäng per område")
            .blocks
            .iter()
            .find(|b| matches!(b, Block::Bars(_)))
        else {
            panic!("no bars");
        };
        assert_eq!(bars.rows[7].target, Some(4.0));
        assert!(
            bars.legend
                .iter()
                .any(|(kind, _)| *kind == SeriesKind::Target)
        );
        assert!(
            bars.alt.contains(". Mål: 1 Nationell färdplan 3; "),
            "{}",
            bars.alt
        );
        assert!(bars.alt.contains("; 8 Cybersäkerhet och attacker 4; "));

        let english = report_with_targets(Lang::En, true);
        let summary = serde_json::to_string(page(&english, "Summary")).unwrap();
        assert!(
            summary.contains("3 of 10 areas have reached their target; furthest from its target is National framework and standards (1.8 against the target 3)."),
            "{summary}"
        );
        assert!(english.pages.iter().any(|p| p.title == "Targets per area"));
    }

    #[test]
    fn with_targets_the_next_steps_go_by_what_is_left_to_each_target() {
        let areas = |report: &Report| -> Vec<String> {
            first_table(page(report, "Rekommenderade nästa steg"))
                .rows
                .iter()
                .map(|r| r[1].clone())
                .collect()
        };
        let without = report_with_targets(Lang::Sv, false);
        let with = report_with_targets(Lang::Sv, true);
        // Without targets, the distance to the next level: 2,0 is a whole level from 3.
        assert_eq!(areas(&without)[0], "10 Digital mognad och kompetens");
        // With them, the gap: 1,8 toward 3 and 2,9 toward 4 first; the three areas that
        // reached their targets last.
        let with_areas = areas(&with);
        assert_eq!(
            with_areas[..2],
            [
                "3 Nationellt ramverk och standarder",
                "8 Cybersäkerhet och attacker"
            ]
        );
        assert_eq!(
            with_areas[7..],
            [
                "10 Digital mognad och kompetens",
                "4 Användning av molntjänster",
                "9 Utbuds- och samtyckestjänst"
            ]
        );
        let steps = serde_json::to_string(page(&with, "Rekommenderade nästa steg")).unwrap();
        assert!(
            steps.contains("först områden som inte har nått sitt mål"),
            "{steps}"
        );
        let steps = serde_json::to_string(page(&without, "Rekommenderade nästa steg")).unwrap();
        assert!(!steps.contains("sitt mål"), "{steps}");
        let headers = &first_table(page(&without, "Rekommenderade nästa steg")).columns;
        assert!(!headers.iter().any(|c| c.header == "Mål"));
        assert!(!without.pages.iter().any(|p| p.title == "Mål per område"));
    }

    #[test]
    fn last_year_on_another_version_is_compared_only_through_continuations() {
        // Today's questionnaire is a new version in which only area a1's questions declare
        // that they continue last year's.
        let mut tq = builtin::questionnaire_at("tiopunkt", "2025.1")
            .unwrap()
            .unwrap();
        tq.version = "2026.1".into();
        for question in &mut tq.areas[0].questions {
            question.continues = vec![question.id.clone()];
        }
        let tr = builtin::rubric_at("tiopunkt", "2025.1").unwrap().unwrap();
        let mut now = example("exempelland-tiopunkt-2025.json");
        now.questionnaire.version = "2026.1".into();
        now.questionnaire.hash = None;
        let then = example("exempelland-tiopunkt-2024.json");
        let published = Published::builtin();
        let report = build(&Inputs {
            lang: Lang::Sv,
            classification: "Intern".into(),
            today: jiff::civil::date(2025, 11, 1),
            parts: vec![Part {
                questionnaire: &tq,
                rubric: &tr,
                answers: &now,
                previous: vec![&then],
            }],
            published: &published,
            national: None,
        });
        let bars = report
            .pages
            .iter()
            .flat_map(|p| &p.blocks)
            .find_map(|b| match b {
                Block::Bars(bars) => Some(bars),
                _ => None,
            })
            .unwrap();
        assert!(bars.rows[0].previous.is_some(), "area 1 continues");
        assert!(
            bars.rows[1..].iter().all(|r| r.previous.is_none()),
            "no other area declares a continuation"
        );
        let trend = report
            .pages
            .iter()
            .flat_map(|p| &p.blocks)
            .find_map(|b| match b {
                Block::Trend(trend) => Some(trend),
                _ => None,
            })
            .unwrap();
        assert_eq!(trend.version_changed, vec![2024]);
        assert!(trend.lines[0].1[0].is_some() && trend.lines[1].1[0].is_none());
    }

    #[test]
    fn the_indicator_page_gives_the_published_counts_with_their_source() {
        let page = &report(Lang::Sv).pages[7];
        let Some(Block::Table(table)) = page.blocks.iter().find(|b| matches!(b, Block::Table(_)))
        else {
            panic!("no table");
        };
        let sso = table
            .rows
            .iter()
            .find(|r| r[2].contains("10 av 21"))
            .expect("single sign-on");
        assert_eq!(sso[3], "SLIT 2025");
        assert!(
            table.rows.iter().any(|r| r[2] == "20 av 21 regioner"),
            "X-ray, 2025"
        );
        assert!(
            table
                .rows
                .iter()
                .any(|r| r[2] == "över hälften av regionerna"),
            "SDK, no exact count"
        );
    }
}
