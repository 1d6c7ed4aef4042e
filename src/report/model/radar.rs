//! The radar page: every area's score in one figure, with last year and the nation.

use std::fmt::Write as _;

use super::scored::{Nation, Scored};
use super::words::{Words, area_name, count_words, in_sentence};
use super::{Block, Page, Radar, Series, SeriesKind, Style};
use crate::lang::Lang;
use crate::national::Stat;
use crate::scoring::AreaScore;

pub(super) fn radar_page(w: &Words, m: &Scored, nation: Option<&Nation>) -> Page {
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
            "Spindeldiagram över de {} områdena på skalan {}. {}: {}.",
            count_words(m.scored_areas().count(), lang),
            m.scale.words(),
            series[0].name,
            described.join("; ")
        )
    } else {
        format!(
            "Radar chart of the {} areas on the scale {}. {}: {}.",
            count_words(m.scored_areas().count(), lang),
            m.scale.words(),
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
                "Diagrammet visar regionens poäng {} i varje område av {}. Ju längre ut, desto högre mognad.",
                m.scale.words(),
                in_sentence(m.part.questionnaire.title.get(lang))
            )
        } else {
            format!(
                "The chart shows the region's score {} in each area of {}. The further out, the higher the maturity.",
                m.scale.words(),
                in_sentence(m.part.questionnaire.title.get(lang))
            )
        },
        style: Style::Body,
    }];
    let drawn = series.iter().any(|s| s.kind == SeriesKind::National);
    blocks.push(Block::Radar(Radar {
        alt,
        scale: m.scale,
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

#[cfg(test)]
mod tests {
    use super::super::fixtures::{small, sv, texts};
    use super::*;

    fn radar(page: &Page) -> &Radar {
        page.blocks
            .iter()
            .find_map(|b| match b {
                Block::Radar(r) => Some(r),
                _ => None,
            })
            .expect("a radar")
    }

    #[test]
    fn the_radar_has_an_axis_per_area_and_leaves_out_what_is_not_there() {
        let small = small();
        let part = small.part(false);
        let page = radar_page(&sv(), &Scored::new(&part), None);
        assert_eq!(page.title, "Profil över de tre områdena");
        let radar = radar(&page);
        assert_eq!(
            radar.axes,
            [
                "1 Styrning och ägarskap",
                "2 Säkerhet och åtkomst",
                "3 Övervakning för vården"
            ]
        );
        // Without last year or a nation, the region's line is the only one; an area without a
        // score has no point.
        assert_eq!(radar.series.len(), 1);
        assert_eq!(radar.series[0].values, [Some(3.5), Some(1.0), None]);
        assert!(
            radar.alt.contains("Övervakning för vården –"),
            "{}",
            radar.alt
        );
        assert!(texts(&page).contains("ingen nationell referens angavs"));
    }

    #[test]
    fn last_year_is_a_second_line() {
        let small = small();
        let part = small.part(true);
        let page = radar_page(&sv(), &Scored::new(&part), None);
        let radar = radar(&page);
        assert_eq!(radar.series[1].kind, SeriesKind::LastYear);
        assert_eq!(radar.series[1].name, "2025");
        assert_eq!(radar.series[1].values, [Some(2.0), Some(1.0), None]);
    }
}
