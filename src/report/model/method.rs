//! Method and sources: how scores are made, the gates that fired, versions, the national
//! comparison, a team's merge and what was not answered.

use std::fmt::Write as _;

use super::scored::{Nation, Scored};
use super::words::{Words, area_name, in_sentence};
use super::{Block, Column, Page, Scale, Style, Table};
use crate::lang::Lang;
use crate::national::National;
use crate::published::Published;
use crate::questionnaire::Kind;
use crate::scoring::rubric::Aggregation;
use crate::scoring::text::question_name;
use crate::scoring::{self, NoScore};

pub(super) fn method_page(
    w: &Words,
    scored: &[Scored],
    published: &Published,
    national: Option<&National>,
    nations: &[Nation],
) -> Page {
    let lang = w.lang;
    let mut blocks = Vec::new();
    let coverage = scored.first().map_or(0.75, |s| s.card.coverage_min);
    let scale = scored.first().map_or(Scale::FULL, |s| s.scale).words();
    blocks.push(Block::Paragraph {
        text: if lang == Lang::Sv {
            format!(
                "Varje fråga på mognadsskalan ger poäng {scale} efter den nivå som valts; ja/nej- och flervalsfrågor ges poäng enligt bedömningsmallen. På mognadsskalan väljs den högsta nivå där allt som nivån beskriver stämmer; nivåerna bygger på varandra. Ett områdes poäng är det viktade medelvärdet av dess besvarade frågor, avrundat till en decimal, och nivån följer av den avrundade poängen. Ej tillämpligt räknas inte med. Vet ej sänker täckningen men räknas aldrig som 0. Ett område får poäng när minst {} av dess tillämpliga frågor är besvarade; annars står det utan poäng.",
                w.pct(coverage)
            )
        } else {
            format!(
                "Each question on the maturity scale gives points {scale} from the level chosen; yes/no and choice questions get points from the rubric. On the maturity scale the highest level is chosen where everything the level describes holds; the levels build on each other. An area's score is the weighted mean of its answered questions, rounded to one decimal, and the level follows from the rounded score. Not applicable is left out. Don't know lowers coverage but never counts as 0. An area is scored when at least {} of its applicable questions are answered; otherwise it has no score.",
                w.pct(coverage)
            )
        },
        style: Style::Body,
    });
    blocks.push(Block::Paragraph {
        text: scored
            .iter()
            .map(|s| index_method(w, s, scored.len() > 1))
            .collect::<Vec<_>>()
            .join(" "),
        style: Style::Body,
    });
    blocks.extend(
        scored
            .iter()
            .filter_map(|s| levels_table(w, s, scored.len() > 1)),
    );
    let mut gates = w.t(
        "Spärrar begränsar ett område när en grundläggande fråga har ett lågt svar, hur bra genomsnittet än är.",
        "Gates cap an area when a basic question has a low answer, however good the average.",
    );
    if scored
        .iter()
        .any(|s| s.part.questionnaire.kind == Kind::Readiness)
    {
        gates.push_str(&w.t(
            " I beredskapsbedömningen kan ett kritiskt hinder på samma sätt avgöra bedömningen.",
            " In the readiness assessment a critical blocker can decide the verdict in the same way.",
        ));
    }
    blocks.push(Block::Paragraph {
        text: gates,
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
        text: national_method(w, scored, published, national, nations),
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

/// How the rubric makes the index of the areas' scores: a mean, weighted when the areas
/// weigh differently, the lowest, or a sum; and how many areas it needs.
fn index_method(w: &Words, s: &Scored, named: bool) -> String {
    let lang = w.lang;
    let sv = lang == Lang::Sv;
    let rubric = s.part.rubric;
    let index = if named {
        if sv {
            format!(
                "Indexet för {}",
                in_sentence(s.part.questionnaire.title.get(lang))
            )
        } else {
            format!(
                "The index for {}",
                in_sentence(s.part.questionnaire.title.get(lang))
            )
        }
    } else {
        w.t("Det samlade indexet", "The overall index")
    };
    let weights: Vec<(String, f64)> = s
        .card
        .areas
        .iter()
        .filter(|a| a.scored)
        .filter_map(|a| Some((area_name(a, lang), a.weight?)))
        .collect();
    let even = weights.windows(2).all(|p| (p[0].1 - p[1].1).abs() < 1e-9);
    // The weight most areas have; the others are named with theirs.
    let common = weights
        .iter()
        .map(|(_, weight)| *weight)
        .max_by_key(|weight| {
            weights
                .iter()
                .filter(|(_, other)| (other - weight).abs() < 1e-9)
                .count()
        })
        .unwrap_or(1.0);
    let others: Vec<String> = weights
        .iter()
        .filter(|(_, weight)| (weight - common).abs() >= 1e-9)
        .map(|(name, weight)| format!("{name} ({})", w.level(*weight)))
        .collect();
    let how = match (rubric.overall.aggregation, even, sv) {
        (Aggregation::WeightedMean, true, true) => {
            "är medelvärdet av områdenas poäng, där alla områden väger lika".to_string()
        }
        (Aggregation::WeightedMean, true, false) => {
            "is the mean of the area scores, every area weighing the same".to_string()
        }
        (Aggregation::WeightedMean, false, true) => format!(
            "är det viktade medelvärdet av områdenas poäng med bedömningsmallens vikter: områdena har vikten {}, utom {}",
            w.level(common),
            w.list(&others)
        ),
        (Aggregation::WeightedMean, false, false) => format!(
            "is the weighted mean of the area scores with the rubric's weights: the areas weigh {}, except {}",
            w.level(common),
            w.list(&others)
        ),
        (Aggregation::Minimum, _, true) => {
            "är den lägsta av områdenas poäng, så det svagaste området avgör".to_string()
        }
        (Aggregation::Minimum, _, false) => {
            "is the lowest of the area scores, so the weakest area decides".to_string()
        }
        (Aggregation::Sum, _, true) => {
            "är summan av områdenas poäng gånger deras vikter, högst 5".to_string()
        }
        (Aggregation::Sum, _, false) => {
            "is the sum of the area scores times their weights, at most 5".to_string()
        }
    };
    let min = rubric.overall.min_areas;
    if sv {
        format!(
            "{index} {how}, avrundat till en decimal; det ges när minst {min} av {} områden har poäng.",
            weights.len()
        )
    } else {
        format!(
            "{index} {how}, rounded to one decimal; it is given when at least {min} of {} areas have a score.",
            weights.len()
        )
    }
}

/// The rubric's own levels with the lowest score of each, when they are not the format's
/// levels 0–5 at scores 0–5.
fn levels_table(w: &Words, s: &Scored, named: bool) -> Option<Block> {
    let lang = w.lang;
    let levels = &s.part.rubric.levels;
    let usual = levels.len() == 6
        && levels
            .iter()
            .enumerate()
            .all(|(at, band)| usize::from(band.level) == at && (band.min - at as f64).abs() < 1e-9);
    if usual {
        return None;
    }
    let scale = s.scale.words();
    let mut caption = if lang == Lang::Sv {
        format!(
            "Bedömningsmallens nivåer och de poäng på skalan {scale} som ger varje nivå. Poängen avrundas till en decimal innan nivån bestäms."
        )
    } else {
        format!(
            "The rubric's levels and the scores on the scale {scale} that give each. The score is rounded to one decimal before the level is found."
        )
    };
    if named {
        caption = format!("{}: {caption}", s.part.questionnaire.title.get(lang));
    }
    Some(Block::Table(Table {
        caption: Some(caption),
        columns: vec![
            Column {
                header: w.t("Nivå", "Level"),
                width: 0.6,
                numeric: false,
            },
            Column {
                header: w.t("Poäng som ger nivån", "Scores that give the level"),
                width: 0.4,
                numeric: true,
            },
        ],
        rows: levels
            .iter()
            .enumerate()
            .map(|(at, band)| {
                // Scores have one decimal, so a level ends a tenth below the next one's.
                let top = levels
                    .get(at + 1)
                    .map_or(s.scale.high, |next| next.min - 0.1);
                vec![
                    format!("{} {}", band.level, band.name.get(lang)),
                    format!("{}–{}", w.n(band.min), w.n(top.max(band.min))),
                ]
            })
            .collect(),
    }))
}

/// How a team's answers were merged and when a question counts as split, with the numbers
/// used; nothing when no answers file is a team's.
pub(super) fn team_method(w: &Words, scored: &[Scored]) -> Option<Block> {
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

/// What the national comparison rests on, questionnaire by questionnaire, or that none was
/// made.
pub(super) fn national_method(
    w: &Words,
    scored: &[Scored],
    published: &Published,
    national: Option<&National>,
    nations: &[Nation],
) -> String {
    let lang = w.lang;
    let sv = lang == Lang::Sv;
    // Said only when a questionnaire ties questions to published figures.
    let indicators = if !scored.iter().any(|s| {
        s.part
            .questionnaire
            .questions()
            .any(|(_, q)| q.indicator.is_some())
    }) {
        String::new()
    } else if sv {
        format!(" Indikatorerna jämförs med {}.", published.source.get(lang))
    } else {
        format!(
            " The indicators are compared with {}.",
            published.source.get(lang)
        )
    };
    let Some(national) = national else {
        return if sv {
            format!(
                "Ingen nationell referens användes, så ingen nationell median eller spridning visas.{indicators}"
            )
        } else {
            format!(
                "No national reference was used, so no national median or spread is shown.{indicators}"
            )
        };
    };
    let mut said = Vec::new();
    let mut missing = Vec::new();
    for s in scored {
        let title = s.part.questionnaire.title.get(lang);
        match nations
            .iter()
            .find(|n| n.section.id == s.part.questionnaire.id)
        {
            Some(nation) => said.push(section_method(w, s, national, nation)),
            None => missing.push(in_sentence(title)),
        }
    }
    if !missing.is_empty() {
        said.push(if sv {
            format!(
                "Den nationella referensen för {} har inga siffror för {}, så ingen nationell median visas för {}.",
                national.year,
                w.list(&missing),
                if missing.len() == 1 { "den" } else { "dem" }
            )
        } else {
            format!(
                "The national reference for {} has no figures for {}, so no national median is shown for {}.",
                national.year,
                w.list(&missing),
                if missing.len() == 1 { "it" } else { "them" }
            )
        });
    }
    if national.example {
        said.push(w.t(
            "Referensen är exempeldata: den bygger på fiktiva regioners svar och beskriver inte riket.",
            "The reference is example data: it rests on fictional regions' answers and does not describe the nation.",
        ));
    }
    let mut text = said.join(" ");
    text.push_str(&indicators);
    text
}

/// What one questionnaire's national figures rest on.
fn section_method(w: &Words, s: &Scored, national: &National, nation: &Nation) -> String {
    let lang = w.lang;
    let sv = lang == Lang::Sv;
    let section = nation.section;
    let title = in_sentence(s.part.questionnaire.title.get(lang));
    let withheld = section.areas.iter().filter(|f| f.stat.withheld).count();
    let latest = national.date.as_ref().map_or_else(String::new, |d| {
        if sv {
            format!(" (senaste svar {d})")
        } else {
            format!(" (latest answer {d})")
        }
    });
    let mut text = if sv {
        format!(
            "Den nationella referensen för {title} bygger på svar från {} regioner {} på version {} ({}), sammanställda med kommandot mognad benchmark{latest}. Medianen och kvartilerna räknas som i Excels KVARTIL.INK. En siffra som vilar på färre än {} regioner undanhålls och visas inte; {} av {} områden är undanhållna.",
            section.region_count(),
            national.year,
            section.version,
            section.id,
            national.min_regions,
            withheld,
            section.areas.len()
        )
    } else {
        format!(
            "The national reference for {title} rests on answers from {} regions in {} to version {} ({}), compiled with the command mognad benchmark{latest}. The median and quartiles are computed as Excel's QUARTILE.INC. A figure resting on fewer than {} regions is withheld and not shown; {} of {} areas are withheld.",
            section.region_count(),
            national.year,
            section.version,
            section.id,
            national.min_regions,
            withheld,
            section.areas.len()
        )
    };
    if s.card.year != national.year {
        let _ = write!(
            text,
            " {}",
            if sv {
                format!(
                    "Observera att referensen gäller {} men regionens svar {}.",
                    national.year, s.card.year
                )
            } else {
                format!(
                    "Note that the reference is for {} but the region's answers for {}.",
                    national.year, s.card.year
                )
            }
        );
    }
    if s.part.questionnaire.version != section.version {
        let _ = write!(
            text,
            " {}",
            if sv {
                format!(
                    "Referensen bygger på version {} av enkäten, regionens svar på version {}; jämförelsen kan vara osäker där frågorna har ändrats.",
                    section.version, s.part.questionnaire.version
                )
            } else {
                format!(
                    "The reference rests on version {} of the questionnaire, the region's answers on version {}; the comparison can be uncertain where questions changed.",
                    section.version, s.part.questionnaire.version
                )
            }
        );
    }
    text
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{small, sv, tables, texts};
    use super::*;

    #[test]
    fn the_method_says_what_was_left_unanswered_and_that_no_nation_was_used() {
        let small = small();
        let part = small.part(false);
        let scored = [Scored::new(&part)];
        let published = Published::builtin();
        let page = method_page(&sv(), &scored, &published, None, &[]);
        let text = texts(&page);
        assert!(text.contains("Ingen spärr sänkte någon poäng."), "{text}");
        assert!(text.contains("Ingen nationell referens användes"), "{text}");
        assert!(
            text.contains("2 Säkerhet och åtkomst: 2.2 loggning (vet ej)."),
            "{text}"
        );
        assert!(
            text.contains("3 Övervakning för vården: 3.1 övervakning (obesvarad)."),
            "{text}"
        );
        assert!(
            text.contains("3 Övervakning för vården: har ingen poäng, för lite besvarat."),
            "{text}"
        );
        // The small rubric's areas weigh the same; its top level starts at 4,6, not 5, so
        // its levels are shown.
        assert!(
            text.contains("Det samlade indexet är medelvärdet av områdenas poäng, där alla områden väger lika, avrundat till en decimal; det ges när minst"),
            "{text}"
        );
        let levels = tables(&page)
            .into_iter()
            .find(|t| t.columns[1].header == "Poäng som ger nivån")
            .expect("a table of the rubric's levels");
        assert_eq!(levels.rows[4], ["4 Styrd", "4,0–4,5"]);
        assert_eq!(levels.rows[5], ["5 Ledande", "4,6–5,0"]);
        // No readiness questionnaire and no indicator questions: neither is spoken of.
        assert!(!text.contains("beredskapsbedömningen"), "{text}");
        assert!(!text.contains("Indikatorerna"), "{text}");
        // Not a team's answers: nothing about merging.
        assert!(!text.contains("mognad merge"), "{text}");
        let versions = &tables(&page)
            .into_iter()
            .find(|t| t.columns[0].header == "Enkät")
            .expect("the versions")
            .rows[0];
        assert_eq!(versions[0], "Liten enkät om åtkomst");
        assert_eq!(versions[1], "liten 1.0");
        assert_eq!(versions[3], "liten 1.0");
    }
}

#[cfg(test)]
mod rubric_tests {
    use super::super::fixtures::{small, sv, tables, texts};
    use super::*;
    use crate::scoring::rubric::LevelBand;

    /// Areas that weigh differently and levels 0–3 on the 0–5 score, as a coordinator's own
    /// rubric may have them: the method page says so, with a table of the levels.
    #[test]
    fn the_method_says_what_the_rubric_weighs_and_its_own_levels() {
        let mut small = small();
        small.rubric.areas[0].weight = 2.0;
        let name = |sv: &str| crate::lang::Text {
            sv: sv.into(),
            en: sv.into(),
        };
        small.rubric.levels = [
            (0, 0.0, "Saknas"),
            (1, 1.5, "Påbörjad"),
            (2, 2.5, "På plats"),
            (3, 3.5, "Säkrad"),
        ]
        .map(|(level, min, n)| LevelBand {
            level,
            min,
            name: name(n),
        })
        .to_vec();
        let part = small.part(false);
        let scored = [Scored::new(&part)];
        let published = Published::builtin();
        let page = method_page(&sv(), &scored, &published, None, &[]);
        let text = texts(&page);
        assert!(
            text.contains("Det samlade indexet är det viktade medelvärdet av områdenas poäng med bedömningsmallens vikter: områdena har vikten 1, utom 1 Styrning och ägarskap (2)"),
            "{text}"
        );
        assert!(!text.contains("medelvärdet av områdenas poäng."), "{text}");
        let levels = tables(&page)
            .into_iter()
            .find(|t| t.columns[1].header == "Poäng som ger nivån")
            .expect("a table of the rubric's levels");
        assert_eq!(
            levels.rows,
            [
                ["0 Saknas", "0,0–1,4"],
                ["1 Påbörjad", "1,5–2,4"],
                ["2 På plats", "2,5–3,4"],
                ["3 Säkrad", "3,5–5,0"],
            ]
        );
    }
}
