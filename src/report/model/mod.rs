//! The report model: every page's numbers and sentences, decided before any layout. It is
//! built from scorecards and answers, in one language, and is what the PDF renderer draws
//! and what the snapshot tests read. Pure: values in, values out.
//!
//! Each page is made in its own module from a [`scored::Scored`] part; this one holds the
//! model's types and puts the pages together in the order leadership reads them.

mod appendix;
mod bars;
mod cover;
mod groups;
mod indicators;
mod method;
mod next_steps;
mod radar;
mod readiness;
mod scale;
mod scored;
mod summary;
mod targets;
mod team;
mod trend;
mod words;

#[cfg(test)]
mod fixtures;

use serde::Serialize;

use crate::answers::Answers;
use crate::lang::Lang;
use crate::national::National;
use crate::published::Published;
use crate::questionnaire::{Kind, Questionnaire};
use crate::scoring::Rubric;

pub use scale::Scale;
use scored::{Nation, Scored};
use words::Words;

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
    /// Bars on the 0–5 scale of the built-in questionnaires.
    Bars(Bars),
    /// A profile's bars of area scores, on its rubric's scale.
    ScoreBars {
        scale: Scale,
        #[serde(flatten)]
        bars: Bars,
    },
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
    /// The scale the rings run over, from the centre out.
    pub scale: Scale,
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

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Trend {
    pub alt: String,
    /// The scale up each chart.
    pub scale: Scale,
    pub years: Vec<i32>,
    pub lines: Vec<(String, Vec<Option<f64>>)>,
    /// Years answered with another questionnaire version than the latest.
    pub version_changed: Vec<i32>,
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

    // The title names what was assessed: a profile of maturity alone does not speak of
    // readiness.
    let title = match (maturity, readiness) {
        (Some(_), None) => w.t("Digital mognad", "Digital maturity"),
        (None, Some(r)) => readiness::title(&w, r),
        _ => w.t(
            "Digital mognad och beredskap",
            "Digital maturity and readiness",
        ),
    };
    let example = inputs.national.is_some_and(|n| n.example)
        || inputs
            .parts
            .iter()
            .any(|p| p.answers.example || p.previous.iter().any(|a| a.example));
    // Each questionnaire is set beside the nation's figures for the same questionnaire,
    // whatever its kind.
    let nations: Vec<Nation> = inputs
        .national
        .map(|reference| {
            scored
                .iter()
                .filter_map(|s| {
                    let section = reference.section(&s.part.questionnaire.id)?;
                    Some(Nation { reference, section })
                })
                .collect()
        })
        .unwrap_or_default();
    let find = |s: Option<&Scored>| {
        let id = &s?.part.questionnaire.id;
        nations.iter().find(|n| &n.section.id == id)
    };
    let nation = find(maturity);
    let readiness_nation = find(readiness);
    let mut pages = vec![cover::cover(
        &w, &title, &region, year, &date, inputs, &scored,
    )];
    pages.push(summary::summary(
        &w,
        &summary::Subject {
            region: &region,
            year,
            national: inputs.national,
        },
        (maturity, nation),
        (readiness, readiness_nation),
    ));
    pages.extend(team::team_page(&w, &scored));
    if let Some(m) = maturity {
        pages.push(radar::radar_page(&w, m, nation));
        pages.push(bars::bars_page(&w, m, nation));
        pages.extend(targets::targets_page(&w, m));
        if !m.history.is_empty() {
            pages.push(trend::trend_page(&w, m));
        }
    }
    if let Some(r) = readiness {
        pages.push(readiness::readiness_page(&w, r, readiness_nation));
    }
    pages.extend(
        scored
            .iter()
            .filter_map(|s| groups::groups_page(&w, s, find(Some(s)))),
    );
    pages.push(next_steps::next_steps_page(&w, &scored));
    // Indicators only for a questionnaire that ties questions to national figures.
    if let Some(m) = maturity.filter(|m| {
        m.part
            .questionnaire
            .questions()
            .any(|(_, q)| q.indicator.is_some())
    }) {
        pages.push(indicators::indicators_page(&w, m, inputs.published));
    }
    pages.push(method::method_page(
        &w,
        &scored,
        inputs.published,
        inputs.national,
        &nations,
    ));
    pages.push(appendix::appendix(&w, &scored));

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

#[cfg(test)]
mod tests {
    use super::fixtures::{example, report};
    use super::*;
    use crate::builtin;

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
}

#[cfg(test)]
mod scale_tests {
    use super::fixtures::small;
    use super::*;
    use crate::scoring::rubric::{LevelBand, Points};

    #[test]
    fn a_rubric_on_1_to_4_is_shown_and_said_on_1_to_4() {
        let mut small = small();
        // Levels 1–4, and each answer's points within them: 0 and 1 give 1, 5 gives 4.
        let name = small.rubric.levels[0].name.clone();
        small.rubric.levels = [(1, 0.0), (2, 2.0), (3, 3.0), (4, 4.0)]
            .map(|(level, min)| LevelBand {
                level,
                min,
                name: name.clone(),
            })
            .to_vec();
        let points: std::collections::BTreeMap<String, f64> = (0u8..=5)
            .map(|a| (a.to_string(), f64::from(a.clamp(1, 4))))
            .collect();
        for area in &mut small.rubric.areas {
            for question in &mut area.questions {
                question.points = Some(Points::Table(points.clone()));
            }
        }
        let published = Published::builtin();
        let report = build(&Inputs {
            lang: Lang::Sv,
            classification: "Intern".into(),
            today: jiff::civil::date(2026, 12, 5),
            parts: vec![small.part(true)],
            published: &published,
            national: None,
        });
        let scale = Scale {
            low: 1.0,
            high: 4.0,
        };
        let blocks: Vec<&Block> = report.pages.iter().flat_map(|p| &p.blocks).collect();
        assert!(
            blocks
                .iter()
                .any(|b| matches!(b, Block::Radar(r) if r.scale == scale))
        );
        assert!(
            blocks
                .iter()
                .any(|b| matches!(b, Block::ScoreBars { scale: s, .. } if *s == scale))
        );
        assert!(
            blocks
                .iter()
                .any(|b| matches!(b, Block::Trend(t) if t.scale == scale))
        );
        let json = serde_json::to_string(&report).unwrap();
        assert!(
            json.contains("ett samlat index på 2,3 på skalan 1–4"),
            "{json}"
        );
        assert!(
            json.contains("regionens poäng 1–4 i varje område"),
            "{json}"
        );
        assert!(
            json.contains("ger poäng 1–4 efter den nivå som valts"),
            "{json}"
        );
        assert!(!json.contains("0–5"), "{json}");
    }

    #[test]
    fn a_profile_of_maturity_alone_is_titled_so() {
        let small = small();
        let published = Published::builtin();
        let report = build(&Inputs {
            lang: Lang::Sv,
            classification: "Intern".into(),
            today: jiff::civil::date(2026, 12, 5),
            parts: vec![small.part(false)],
            published: &published,
            national: None,
        });
        assert_eq!(report.title, "Digital mognad – Region Åbo 2026");
        assert_eq!(report.pages[0].title, "Digital mognad");
        assert_eq!(report.footer, "Region Åbo · Digital mognad 2026");
    }

    #[test]
    fn the_index_is_said_out_of_the_top_or_on_a_scale_that_does_not_start_at_0() {
        let say = |lang, low, high| summary::out_of(&Words { lang }, Scale { low, high });
        assert_eq!(say(Lang::Sv, 0.0, 3.0), "av 3");
        assert_eq!(say(Lang::En, 0.0, 5.0), "out of 5");
        assert_eq!(say(Lang::Sv, 1.0, 4.0), "på skalan 1–4");
        assert_eq!(say(Lang::En, 1.0, 4.0), "(scale 1–4)");
    }
}
