//! How the areas stand against their targets: one sentence for the summary and a page.

use std::fmt::Write as _;

use super::scored::{Scored, previous_score};
use super::words::{Words, area_name};
use super::{Block, Column, Page, Style, Table};
use crate::lang::Lang;
use crate::scoring::AreaScore;
use crate::scoring::targets::{Standing, standing};

/// and which is furthest from its own (by weight × gap, as the next steps are ordered).
pub(super) fn targets_sentence(w: &Words, m: &Scored) -> Option<String> {
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
pub(super) fn targets_page(w: &Words, m: &Scored) -> Option<Page> {
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

#[cfg(test)]
mod tests {
    use super::super::fixtures::{first_table, page, report_with_targets};
    use super::super::{Block, SeriesKind};
    use crate::lang::Lang;

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

        let Some(Block::ScoreBars { bars, .. }) = page(&report, "Poäng per område")
            .blocks
            .iter()
            .find(|b| matches!(b, Block::ScoreBars { .. }))
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
}
