//! Readiness to scale up: the verdict, each dimension's status and the blockers.

use super::scored::{Nation, Scored, position};
use super::summary;
use super::words::{Words, area_name};
use super::{Block, Column, Page, Scale, Style, Table};
use crate::lang::Lang;
use crate::national::Stat;
use crate::scoring::text::{question_name, subject_name};
use crate::scoring::{AreaScore, Observed, Scorecard, Subject, Verdict};

/// What one test of a blocker saw, as the page lists it: `4.3 CE-märkning = 1`,
/// `4.4 Medicinteknisk produkt = Nej`.
fn seen(w: &Words, subject: &Subject, card: &Scorecard) -> String {
    let name = subject_name(subject, card, w.lang);
    match (subject.answer.as_ref(), subject.observed) {
        (Some(answer), _) => format!("{name} = {}", answer.get(w.lang)),
        (None, Observed::Value(v)) if subject.question.is_some() => {
            format!("{name} = {}", w.level(v))
        }
        (None, Observed::Unknown) if subject.question.is_some() => format!(
            "{name}: {}",
            w.t("vet ej eller obesvarad", "don't know or unanswered")
        ),
        (None, Observed::Value(v)) => format!("{name} = {}", w.n(v)),
        (None, Observed::Unknown) => format!("{name}: {}", w.t("ingen poäng", "no score")),
    }
}

/// Three fifths of the scale up is a good basis, two fifths needs work: 3 and 2 on 0–5.
fn status(w: &Words, area: &AreaScore, scale: Scale) -> String {
    let at = |share: f64| scale.low + share * (scale.high - scale.low);
    match area.score {
        Some(s) if s >= at(0.6) - 1e-9 => w.t("God grund", "Good basis"),
        Some(s) if s >= at(0.4) - 1e-9 => w.t("Behöver arbete", "Needs work"),
        Some(_) => w.t("Brist", "Gap"),
        None => w.t("För lite besvarat", "Too little answered"),
    }
}

/// Whether the questionnaire is the built-in readiness one, whose page keeps its own words
/// ("Beredskap att skala upp", "Dimension").
fn builtin(r: &Scored) -> bool {
    r.part.questionnaire.id == "beredskap"
}

/// The page's title: the built-in's own, else the questionnaire's title.
pub(super) fn title(w: &Words, r: &Scored) -> String {
    if builtin(r) {
        w.t("Beredskap att skala upp", "Readiness to scale up")
    } else {
        r.part.questionnaire.title.get(w.lang).to_string()
    }
}

/// The verdict's name, or why there is none.
pub(super) fn verdict_name(w: &Words, verdict: &Verdict) -> String {
    match &verdict.name {
        Some(name) => name.get(w.lang).to_string(),
        None if !verdict.unsettled.is_empty() => w.t("Väntar på teamet", "Waiting for the team"),
        // No index, but blockers bound it: the best it can be.
        None => match &verdict.at_most_name {
            Some(best) => format!(
                "{} {}",
                w.t("högst", "at most"),
                best.get(w.lang).to_lowercase()
            ),
            None => w.t("kan inte ges", "cannot be given"),
        },
    }
}

/// That the verdict waits until the team has settled the questions a blocker looks at.
pub(super) fn waiting(w: &Words, verdict: &Verdict) -> Option<String> {
    if verdict.unsettled.is_empty() {
        return None;
    }
    let questions: Vec<String> = verdict
        .unsettled
        .iter()
        .map(|u| question_name(&u.number, u.label.as_ref(), w.lang))
        .collect();
    let one = questions.len() == 1;
    Some(if w.lang == Lang::Sv {
        format!(
            "Ingen bedömning ges ännu: den väntar tills teamet har enats om {} {}. Teamet är oenigt där, och ett hinder ser på {}: svaret teamet enas om kan lyfta hindret eller få det att gälla.",
            if one { "fråga" } else { "frågorna" },
            w.list(&questions),
            if one { "den frågan" } else { "de frågorna" }
        )
    } else {
        format!(
            "No verdict is given yet: it waits until the team has settled {} {}. The team is split there, and a blocker looks at {}: the answer the team settles on can lift the blocker or make it hold.",
            if one { "question" } else { "questions" },
            w.list(&questions),
            if one {
                "that question"
            } else {
                "those questions"
            }
        )
    })
}

/// The verdict last year beside this year's and the blockers that came or went, in sentences;
/// those that remain are counted, as the page lists every blocker that holds.
pub(super) fn verdict_change(w: &Words, r: &Scored) -> Vec<String> {
    let Some(comparison) = &r.comparison else {
        return Vec::new();
    };
    let Some(change) = &comparison.verdict else {
        return Vec::new();
    };
    let lang = w.lang;
    let (then, now) = (comparison.then.year, comparison.now.year);
    let name = |n: Option<&crate::lang::Text>| {
        n.map_or_else(
            || w.t("ingen bedömning", "no verdict"),
            |n| n.get(lang).to_lowercase(),
        )
    };
    let mut said = vec![match (change.then == change.now, lang) {
        (true, Lang::Sv) => format!(
            "Bedömningen är densamma som {then}: {}.",
            name(change.now_name.as_ref())
        ),
        (true, Lang::En) => format!(
            "The verdict is the same as in {then}: {}.",
            name(change.now_name.as_ref())
        ),
        (false, Lang::Sv) => format!(
            "Bedömningen var {} {then} och är {} {now}.",
            name(change.then_name.as_ref()),
            name(change.now_name.as_ref())
        ),
        (false, Lang::En) => format!(
            "The verdict was {} in {then} and is {} in {now}.",
            name(change.then_name.as_ref()),
            name(change.now_name.as_ref())
        ),
    }];
    let reasons = |list: &[crate::compare::BlockerChange]| -> Vec<String> {
        list.iter()
            .map(|b| b.reason.get(lang).to_string())
            .collect()
    };
    if !change.went.is_empty() {
        let went = w.list(&reasons(&change.went));
        said.push(match (change.went.len(), lang) {
            (1, Lang::Sv) => format!("Hindret som gällde {then} gäller inte längre: {went}."),
            (_, Lang::Sv) => format!("Hindren som gällde {then} gäller inte längre: {went}."),
            (1, Lang::En) => format!("The blocker that held in {then} no longer holds: {went}."),
            (_, Lang::En) => format!("The blockers that held in {then} no longer hold: {went}."),
        });
    }
    if !change.came.is_empty() {
        let came = w.list(&reasons(&change.came));
        said.push(match (change.came.len(), lang) {
            (1, Lang::Sv) => format!("Nytt hinder sedan {then}: {came}."),
            (_, Lang::Sv) => format!("Nya hinder sedan {then}: {came}."),
            (1, Lang::En) => format!("New blocker since {then}: {came}."),
            (_, Lang::En) => format!("New blockers since {then}: {came}."),
        });
    }
    match (change.stayed.len(), lang) {
        (0, _) => {}
        (1, Lang::Sv) => said.push(format!("Ett hinder från {then} gäller fortfarande.")),
        (n, Lang::Sv) => said.push(format!("{n} hinder från {then} gäller fortfarande.")),
        (1, Lang::En) => said.push(format!("One blocker from {then} still holds.")),
        (n, Lang::En) => said.push(format!("{n} blockers from {then} still hold.")),
    }
    said
}

pub(super) fn readiness_page(w: &Words, r: &Scored, nation: Option<&Nation>) -> Page {
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
    let last = r.comparison.as_ref().map(|c| c.then.year);
    let mut figures = Vec::new();
    if let Some(verdict) = &r.card.verdict {
        let then = r
            .comparison
            .as_ref()
            .and_then(|c| c.verdict.as_ref())
            .zip(last)
            .map(|(v, year)| {
                format!(
                    " ({year}: {})",
                    v.then_name
                        .as_ref()
                        .map_or_else(|| w.t("ingen", "none"), |n| n.get(lang).to_lowercase())
                )
            })
            .unwrap_or_default();
        figures.push((
            format!("{}{then}", w.t("Bedömning", "Verdict")),
            verdict_name(w, verdict),
        ));
    }
    let o = &r.card.overall;
    if let Some(index) = o.score {
        let level = match (o.level, &o.level_name) {
            (Some(level), Some(name)) => {
                format!(", {} {level} {}", w.t("nivå", "level"), name.get(lang))
            }
            _ => String::new(),
        };
        let then = r
            .comparison
            .as_ref()
            .and_then(|c| {
                c.overall
                    .then
                    .map(|t| format!(" ({}: {})", c.then.year, w.n(t)))
            })
            .unwrap_or_default();
        figures.push((
            format!(
                "{} {}{level}{then}",
                w.t("Index", "Index"),
                summary::out_of(w, r.scale)
            ),
            w.n(index),
        ));
    }
    if let Some(nation) = nation
        && let Some((_, median, _)) = nation.section.index().band()
    {
        figures.push((
            format!(
                "{} ({})",
                w.t("Riket, median", "Nation, median"),
                nation.described(w)
            ),
            w.n(median),
        ));
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
    let band = |id: &str| nation.and_then(|n| n.area(id)).and_then(Stat::band);
    let rows = r
        .scored_areas()
        .map(|a| {
            let mut row = vec![
                area_name(a, lang),
                a.score.map_or_else(|| "–".into(), |s| w.n(s)),
                a.level_name.as_ref().map_or_else(
                    || "–".into(),
                    |l| format!("{} {}", a.level.unwrap_or_default(), l.get(lang)),
                ),
                status(w, a, r.scale),
            ];
            if last.is_some() {
                row.push(r.change(&a.id).map_or_else(|| "–".into(), |c| w.signed(c)));
            }
            if let Some(nation) = nation {
                let stat = nation.area(&a.id);
                row.push(match (stat, band(&a.id)) {
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
            row
        })
        .collect();
    let mut columns = vec![
        Column {
            header: if builtin(r) {
                w.t("Dimension", "Dimension")
            } else {
                w.t("Område", "Area")
            },
            width: 0.5,
            numeric: false,
        },
        Column {
            header: w.t("Poäng", "Score"),
            width: 0.09,
            numeric: true,
        },
        Column {
            header: w.t("Nivå", "Level"),
            width: 0.2,
            numeric: false,
        },
        Column {
            header: w.t("Status", "Status"),
            width: 0.21,
            numeric: false,
        },
    ];
    // The area's name takes what the figures leave.
    if let Some(year) = last {
        columns[0].width -= 0.1;
        columns.push(Column {
            header: format!("{} {year}", w.t("Ändring sedan", "Change since")),
            width: 0.1,
            numeric: true,
        });
    }
    if nation.is_some() {
        columns[0].width -= 0.1;
        columns[1].width -= 0.01;
        columns[2].width -= 0.07;
        columns[3].width -= 0.07;
        columns.push(Column {
            header: w.t("Riket median (n)", "Nation median (n)"),
            width: 0.1,
            numeric: true,
        });
        columns.push(Column {
            header: w.t("Läge i riket", "Position in nation"),
            width: 0.15,
            numeric: false,
        });
    }
    blocks.push(Block::Table(Table {
        caption: None,
        columns,
        rows,
    }));
    if let Some(nation) = nation {
        blocks.push(Block::Paragraph {
            text: summary::national_sentence(w, r, nation),
            style: Style::Body,
        });
    }
    if let Some(verdict) = &r.card.verdict {
        blocks.push(Block::Heading {
            text: w.t(
                "Hinder som påverkar bedömningen",
                "Blockers that affect the verdict",
            ),
        });
        if let Some(text) = waiting(w, verdict) {
            blocks.push(Block::Paragraph {
                text,
                style: Style::Lead,
            });
        }
        if verdict.blockers.is_empty() {
            blocks.push(Block::Paragraph {
                text: if verdict.unsettled.is_empty() {
                    w.t(
                        "Inget hinder gäller: bedömningen följer indexet.",
                        "No blocker holds: the verdict follows the index.",
                    )
                } else {
                    w.t(
                        "Inget hinder gäller med de svar teamet har i dag.",
                        "No blocker holds with the answers the team has today.",
                    )
                },
                style: Style::Body,
            });
        } else {
            let items = verdict
                .blockers
                .iter()
                .map(|b| {
                    let seen = std::iter::once(&b.subject)
                        .chain(&b.also)
                        .map(|s| seen(w, s, &r.card))
                        .collect::<Vec<_>>()
                        .join(w.t(" och ", " and ").as_str());
                    let unsettled = std::iter::once(&b.subject)
                        .chain(&b.also)
                        .filter_map(|s| s.question.as_ref())
                        .any(|q| verdict.unsettled.iter().any(|u| &u.id == q));
                    let decisive = if unsettled {
                        w.t(
                            " Svaret är förslaget; teamet har inte enats om det.",
                            " The answer is the proposal; the team has not settled it.",
                        )
                    } else if b.decisive {
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
        // With no blocker at all, the sentence above has said the verdict follows the index.
        let why = if !verdict.unsettled.is_empty() || verdict.blockers.is_empty() {
            None
        } else if let (None, Some(best)) = (&verdict.id, &verdict.at_most_name) {
            Some(if w.lang == Lang::Sv {
                format!(
                    "Indexet saknas, eftersom för få områden har poäng, så bara hindren säger något: bedömningen blir högst {}.",
                    best.get(w.lang).to_lowercase()
                )
            } else {
                format!(
                    "There is no index, since too few areas have a score, so only the blockers tell: the verdict is at most {}.",
                    best.get(w.lang).to_lowercase()
                )
            })
        } else if verdict.blockers.iter().any(|b| b.decisive) {
            Some(w.t(
                "Ett hinder väger tyngre än ett gott genomsnitt: så länge det gäller kan lösningen inte skalas upp, hur väl resten än är på plats.",
                "A blocker outweighs a good average: while it holds, the solution cannot be scaled up, however well the rest is in place.",
            ))
        } else {
            Some(w.t(
                "Bedömningen ges av indexet, eftersom inget hinder gör den sämre.",
                "The verdict is given by the index, since no blocker makes it worse.",
            ))
        };
        if let Some(text) = why {
            blocks.push(Block::Paragraph {
                text,
                style: Style::Body,
            });
        }
        let changed = verdict_change(w, r);
        if !changed.is_empty() {
            blocks.push(Block::Paragraph {
                text: changed.join(" "),
                style: Style::Body,
            });
        }
    }
    Page {
        title: title(w, r),
        blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::super::Part;
    use super::super::fixtures::{example, small, sv, tables, texts};
    use super::*;
    use crate::builtin;

    #[test]
    fn the_status_follows_the_score() {
        let small = small();
        let part = small.part(false);
        let scored = Scored::new(&part);
        let statuses: Vec<String> = scored
            .card
            .areas
            .iter()
            .map(|a| status(&sv(), a, scored.scale))
            .collect();
        assert_eq!(statuses, ["God grund", "Brist", "För lite besvarat"]);
    }

    #[test]
    fn the_readiness_page_gives_the_verdict_and_the_blockers_that_decide_it() {
        let q = builtin::questionnaire_at("beredskap", "2025.1")
            .unwrap()
            .unwrap();
        let r = builtin::rubric_at("beredskap", "2025.1").unwrap().unwrap();
        let answers = example("exempelland-beredskap-2025.json");
        let part = Part {
            questionnaire: &q,
            rubric: &r,
            answers: &answers,
            previous: Vec::new(),
        };
        let page = readiness_page(&sv(), &Scored::new(&part), None);
        assert_eq!(page.title, "Beredskap att skala upp");
        let Some(Block::KeyFigures { items }) = page.blocks.get(1) else {
            panic!("key figures after the solution")
        };
        assert_eq!(items[0], ("Bedömning".to_string(), "Inte redo".to_string()));
        let text = texts(&page);
        assert!(text.contains("Hinder som påverkar bedömningen"), "{text}");
        assert!(text.contains("Avgör bedömningen."), "{text}");
        assert!(text.contains("Ett hinder väger tyngre"), "{text}");
        assert_eq!(tables(&page)[0].columns[0].header, "Dimension");
    }

    #[test]
    fn a_blocker_on_two_answers_is_listed_with_both() {
        let q = builtin::questionnaire_at("beredskap", "2026.1")
            .unwrap()
            .unwrap();
        let r = builtin::rubric_at("beredskap", "2026.1").unwrap().unwrap();
        let mut answers = example("exempelland-beredskap-2026.json");
        // Not a medical device, while staff act on the solution's alerts; the CE question
        // that a No hides goes.
        answers.answers.get_mut("r4-8").unwrap().value = Some(crate::answers::Value("no".into()));
        answers.answers.shift_remove("r4-6");
        let part = Part {
            questionnaire: &q,
            rubric: &r,
            answers: &answers,
            previous: Vec::new(),
        };
        let scored = Scored::new(&part);
        let text = texts(&readiness_page(&sv(), &scored, None));
        assert!(
            text.contains(
                "pröva bedömningen mot MDR regel 11, som brukar göra sådan programvara till en \
                 medicinteknisk produkt (4.4 Medicinteknisk produkt = Nej och 6.3 Data och larm \
                 till personalen = Ja, med larm eller flaggor som personalen ska agera på)."
            ),
            "{text}"
        );
        let en = readiness_page(&Words { lang: Lang::En }, &scored, None);
        assert!(
            texts(&en).contains("(4.4 Medical device = No and 6.3 Data and alerts to staff = Yes"),
            "{}",
            texts(&en)
        );
        // A blocker on one answer reads as before.
        assert!(
            text.contains("(2.1 Finansiering efter projektet = 1)"),
            "{text}"
        );
    }

    #[test]
    fn another_instruments_page_is_titled_by_it_and_speaks_of_areas() {
        let small = small();
        let part = small.part(false);
        let page = readiness_page(&sv(), &Scored::new(&part), None);
        assert_eq!(page.title, "Liten enkät om åtkomst");
        assert_eq!(tables(&page)[0].columns[0].header, "Område");
    }

    #[test]
    fn without_an_index_the_page_says_the_best_the_blockers_allow() {
        let partly = crate::lang::Text {
            sv: "Delvis redo".into(),
            en: "Partly ready".into(),
        };
        let verdict = Verdict {
            id: None,
            name: None,
            from_index: None,
            from_index_name: None,
            at_most: Some("partly_ready".into()),
            at_most_name: Some(partly),
            blockers: Vec::new(),
            unsettled: Vec::new(),
        };
        assert_eq!(verdict_name(&sv(), &verdict), "högst delvis redo");
        let none = Verdict {
            at_most: None,
            at_most_name: None,
            ..verdict
        };
        assert_eq!(verdict_name(&sv(), &none), "kan inte ges");
    }
}
