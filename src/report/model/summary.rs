//! The summary: the key figures and the sentences leadership reads first.

use std::fmt::Write as _;

use super::readiness;
use super::scored::{Nation, Position, Scored, position};
use super::targets::targets_sentence;
use super::words::{LowerFirst, Words, in_sentence};
use super::{Block, Page, Scale, Style};
use crate::lang::Lang;
use crate::national::{National, Stat};
use crate::scoring::AreaScore;

/// Whose profile it is, and the national reference given, if any.
pub(super) struct Subject<'a> {
    pub(super) region: &'a str,
    pub(super) year: i32,
    pub(super) national: Option<&'a National>,
}

pub(super) fn summary(
    w: &Words,
    subject: &Subject,
    (maturity, nation): (Option<&Scored>, Option<&Nation>),
    (readiness, readiness_nation): (Option<&Scored>, Option<&Nation>),
) -> Page {
    let lang = w.lang;
    let (region, year) = (subject.region, subject.year);
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
                    format!("{region} har ett samlat index på {} {} för {} {year}, nivå {} {}.", w.n(index), out_of(w, m.scale), in_sentence(m.part.questionnaire.title.get(lang)), o.level.unwrap_or_default(), level.get(lang))
                } else {
                    format!("{region} has an overall index of {} {} on {} in {year}, level {} {}.", w.n(index), out_of(w, m.scale), in_sentence(m.part.questionnaire.title.get(lang)), o.level.unwrap_or_default(), level.get(lang))
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
        sentences.extend(groups_sentence(w, m));
        sentences.extend(targets_sentence(w, m));
    }
    // The maturity questionnaire's figures and sentences first, the nation's included, then
    // the readiness one's.
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
    }
    if let Some(r) = readiness {
        readiness_summary(
            w,
            r,
            readiness_nation,
            maturity.is_some(),
            &mut figures,
            &mut sentences,
        );
    }
    if let Some(national) = subject.national {
        // A reference was given: say which questionnaires it has no figures for.
        let missing: Vec<String> = maturity
            .filter(|_| nation.is_none())
            .into_iter()
            .chain(readiness.filter(|_| readiness_nation.is_none()))
            .map(|s| in_sentence(s.part.questionnaire.title.get(lang)))
            .collect();
        if !missing.is_empty() {
            sentences.push(if lang == Lang::Sv {
                format!(
                    "Ingen nationell jämförelse gjordes för {}: den nationella referensen för {} har inga siffror för {}.",
                    w.list(&missing),
                    national.year,
                    if missing.len() == 1 { "den" } else { "dem" }
                )
            } else {
                format!(
                    "No national comparison was made for {}: the national reference for {} has no figures for {}.",
                    w.list(&missing),
                    national.year,
                    if missing.len() == 1 { "it" } else { "them" }
                )
            });
        }
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

/// A readiness questionnaire's part of the summary: the verdict and what decides it, or what
/// it waits for; the index on the rubric's scale with last year's; the groups; the nation.
fn readiness_summary(
    w: &Words,
    r: &Scored,
    nation: Option<&Nation>,
    with_maturity: bool,
    figures: &mut Vec<(String, String)>,
    sentences: &mut Vec<String>,
) {
    let lang = w.lang;
    let title = r.part.questionnaire.title.get(lang);
    let (index_label, median_label) = if with_maturity {
        (
            w.t("Beredskapsindex", "Readiness index"),
            w.t(
                "Riket, median för beredskap",
                "Nation, median for readiness",
            ),
        )
    } else {
        (
            w.t("Index", "Index"),
            w.t("Riket, median", "Nation, median"),
        )
    };
    if let Some(verdict) = &r.card.verdict {
        let name = readiness::verdict_name(w, verdict);
        figures.push((w.t("Beredskap", "Readiness"), name.clone()));
        let of = match (&r.card.solution, lang) {
            (Some(solution), Lang::Sv) => format!(
                "För {} ({})",
                solution.name,
                solution.target_group.to_lowercase_first()
            ),
            (Some(solution), Lang::En) => format!(
                "For {} ({})",
                solution.name,
                solution.target_group.to_lowercase_first()
            ),
            (None, Lang::Sv) => format!("För {}", in_sentence(title)),
            (None, Lang::En) => format!("For {}", in_sentence(title)),
        };
        let mut sentence = match (readiness::waiting(w, verdict), lang) {
            (Some(waiting), _) => format!("{of}: {}", waiting.to_lowercase_first()),
            (None, Lang::Sv) => format!("{of} är bedömningen: {}.", name.to_lowercase()),
            (None, Lang::En) => format!("{of} the verdict is: {}.", name.to_lowercase()),
        };
        let decisive: Vec<String> = verdict
            .blockers
            .iter()
            .filter(|b| b.decisive)
            .map(|b| b.reason.get(lang).to_string())
            .collect();
        if !decisive.is_empty() && verdict.unsettled.is_empty() {
            let from = verdict
                .from_index_name
                .as_ref()
                .map(|n| n.get(lang).to_lowercase())
                .unwrap_or_default();
            let _ = write!(
                sentence,
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
        sentences.push(sentence);
    }
    let overall = &r.card.overall;
    if let Some(index) = overall.score {
        let level = match (overall.level, &overall.level_name) {
            (Some(level), Some(name)) => {
                format!("{} {level} {}", w.t("nivå", "level"), name.get(lang))
            }
            _ => String::new(),
        };
        figures.push((
            if level.is_empty() {
                index_label.clone()
            } else {
                format!("{index_label}, {level}")
            },
            w.n(index),
        ));
        let mut sentence = if lang == Lang::Sv {
            format!(
                "Indexet för {} är {} {}",
                in_sentence(title),
                w.n(index),
                out_of(w, r.scale)
            )
        } else {
            format!(
                "The index for {} is {} {}",
                in_sentence(title),
                w.n(index),
                out_of(w, r.scale)
            )
        };
        if !level.is_empty() {
            let _ = write!(sentence, ", {level}");
        }
        sentence.push('.');
        if let Some(comparison) = &r.comparison
            && let (Some(before), Some(change)) =
                (comparison.overall.then, comparison.overall.change)
        {
            let then_year = comparison.then.year;
            let _ = write!(
                sentence,
                " {}",
                match (lang, change) {
                    (Lang::Sv, c) if c > 0.05 =>
                        format!("Det är {} högre än {then_year} ({}).", w.n(c), w.n(before)),
                    (Lang::Sv, c) if c < -0.05 =>
                        format!("Det är {} lägre än {then_year} ({}).", w.n(-c), w.n(before)),
                    (Lang::Sv, _) => format!("Det är samma som {then_year}."),
                    (Lang::En, c) if c > 0.05 => format!(
                        "That is {} higher than in {then_year} ({}).",
                        w.n(c),
                        w.n(before)
                    ),
                    (Lang::En, c) if c < -0.05 => format!(
                        "That is {} lower than in {then_year} ({}).",
                        w.n(-c),
                        w.n(before)
                    ),
                    (Lang::En, _) => format!("That is the same as in {then_year}."),
                }
            );
        } else if let Some(comparison) = &r.comparison
            && comparison.overall.then.is_none()
        {
            // Compared only on the questions that continue, last year may have too few areas.
            let compared = &comparison.overall;
            let _ = write!(
                sentence,
                " {}",
                if lang == Lang::Sv {
                    format!(
                        "Det kan inte jämföras med {}: på de frågor som kan jämföras har {} av {} områden poäng det året, och indexet kräver {}.",
                        comparison.then.year,
                        compared.areas_then,
                        compared.areas,
                        compared.min_areas
                    )
                } else {
                    format!(
                        "It cannot be compared with {}: on the questions that can be compared, {} of {} areas have a score that year, and the index needs {}.",
                        comparison.then.year,
                        compared.areas_then,
                        compared.areas,
                        compared.min_areas
                    )
                }
            );
        }
        sentences.push(sentence);
    }
    let changed = readiness::verdict_change(w, r);
    if !changed.is_empty() {
        sentences.push(changed.join(" "));
    }
    sentences.extend(groups_sentence(w, r));
    if let Some(nation) = nation {
        if let (Some(index), Some((q1, median, q3))) =
            (overall.score, nation.section.index().band())
        {
            figures.push((
                format!("{median_label} ({})", nation.described(w)),
                w.n(median),
            ));
            sentences.push(if lang == Lang::Sv {
                format!(
                    "Med indexet {} ligger regionen i {} i riket (median {}, kvartiler {}–{}).",
                    w.n(index),
                    position(index, (q1, median, q3)).words(w),
                    w.n(median),
                    w.n(q1),
                    w.n(q3)
                )
            } else {
                format!(
                    "With an index of {} the region is in the {} of the nation (median {}, quartiles {}–{}).",
                    w.n(index),
                    position(index, (q1, median, q3)).words(w),
                    w.n(median),
                    w.n(q1),
                    w.n(q3)
                )
            });
        }
        sentences.push(national_sentence(w, r, nation));
    }
}

/// The groups of areas with their scores and the change since last year, when the
/// questionnaire groups its areas.
fn groups_sentence(w: &Words, r: &Scored) -> Option<String> {
    let lang = w.lang;
    let groups: Vec<String> = r
        .card
        .groups
        .iter()
        .map(|g| {
            let change = r
                .comparison
                .as_ref()
                .and_then(|c| {
                    let change = c.groups.iter().find(|x| x.id == g.id)?.change?;
                    Some(format!(
                        ", {} {} {}",
                        w.signed(change),
                        w.t("sedan", "since"),
                        c.then.year
                    ))
                })
                .unwrap_or_default();
            format!(
                "{} {}",
                g.title.get(lang),
                g.score.map_or_else(
                    || format!("({})", w.t("ingen poäng", "no score")),
                    |s| format!("({}{change})", w.n(s))
                )
            )
        })
        .collect();
    (!groups.is_empty()).then(|| {
        if lang == Lang::Sv {
            format!("Grupperna av områden: {}.", w.list(&groups))
        } else {
            format!("The groups of areas: {}.", w.list(&groups))
        }
    })
}

/// "av 5" on a scale from 0, "på skalan 1–4" ("(scale 1–4)") on another.
pub(super) fn out_of(w: &Words, scale: Scale) -> String {
    match (scale.low == 0.0, w.lang) {
        (true, _) => format!("{} {}", w.t("av", "out of"), scale.high),
        (false, Lang::Sv) => format!("på skalan {}", scale.words()),
        (false, Lang::En) => format!("(scale {})", scale.words()),
    }
}

/// Where the region stands in the nation, area by area, in one or two sentences.
pub(super) fn national_sentence(w: &Words, m: &Scored, nation: &Nation) -> String {
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

#[cfg(test)]
mod tests {
    use super::super::Block;
    use super::super::fixtures::{report, small, sv};
    use super::super::scored::Scored;
    use crate::lang::Lang;

    #[test]
    fn the_groups_are_named_with_their_scores_and_change() {
        let small = small();
        let part = small.part(true);
        let scored = Scored::new(&part);
        let said = super::groups_sentence(&sv(), &scored).expect("the questionnaire has groups");
        assert!(
            said.starts_with("Grupperna av områden: Grund (2,3"),
            "{said}"
        );
        assert!(said.contains("sedan 2025"), "{said}");
        assert!(said.ends_with("och Drift (ingen poäng)."), "{said}");
        let part = small.part(false);
        let mut scored = Scored::new(&part);
        scored.card.groups.clear();
        assert_eq!(super::groups_sentence(&sv(), &scored), None);
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
}
