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
                "Varje fråga på mognadsskalan ger poäng {scale} efter den nivå som valts; ja/nej- och flervalsfrågor ges poäng enligt bedömningsmallen. På mognadsskalan väljs den högsta nivå där allt som nivån beskriver stämmer; nivåerna bygger på varandra. Ett områdes poäng är det viktade medelvärdet av dess besvarade frågor, avrundat till en decimal, och nivån följer av den avrundade poängen. Ej tillämpligt räknas inte med. Vet ej sänker täckningen men räknas aldrig som 0. Ett område får poäng när minst {} av dess tillämpliga frågor är besvarade; annars står det utan poäng. Det samlade indexet är medelvärdet av områdenas poäng.",
                w.pct(coverage)
            )
        } else {
            format!(
                "Each question on the maturity scale gives points {scale} from the level chosen; yes/no and choice questions get points from the rubric. On the maturity scale the highest level is chosen where everything the level describes holds; the levels build on each other. An area's score is the weighted mean of its answered questions, rounded to one decimal, and the level follows from the rounded score. Not applicable is left out. Don't know lowers coverage but never counts as 0. An area is scored when at least {} of its applicable questions are answered; otherwise it has no score. The overall index is the mean of the area scores.",
                w.pct(coverage)
            )
        },
        style: Style::Body,
    });
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
        // No readiness questionnaire and no indicator questions: neither is spoken of.
        assert!(!text.contains("beredskapsbedömningen"), "{text}");
        assert!(!text.contains("Indikatorerna"), "{text}");
        // Not a team's answers: nothing about merging.
        assert!(!text.contains("mognad merge"), "{text}");
        let versions = &tables(&page)[0].rows[0];
        assert_eq!(versions[0], "Liten enkät om åtkomst");
        assert_eq!(versions[1], "liten 1.0");
        assert_eq!(versions[3], "liten 1.0");
    }
}
