//! The cover: region, year, date, the questionnaires and rubrics, the classification and who
//! answered.

use super::scored::Scored;
use super::words::Words;
use super::{Block, Inputs, Page};

pub(super) fn cover(
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

#[cfg(test)]
mod tests {
    use super::super::fixtures::{small, sv};
    use super::super::{Block, Inputs};
    use super::*;
    use crate::lang::Lang;
    use crate::published::Published;

    #[test]
    fn the_cover_names_the_region_the_questionnaire_and_the_classification() {
        let small = small();
        let part = small.part(false);
        let scored = [Scored::new(&part)];
        let published = Published::builtin();
        let inputs = Inputs {
            lang: Lang::Sv,
            classification: "Intern".into(),
            today: jiff::civil::date(2026, 12, 5),
            parts: vec![small.part(false)],
            published: &published,
            national: None,
        };
        let page = cover(
            &sv(),
            "Titel",
            "Region Åbo",
            2026,
            "2026-12-05",
            &inputs,
            &scored,
        );
        let [
            Block::Cover {
                subtitle, lines, ..
            },
        ] = page.blocks.as_slice()
        else {
            panic!("one cover block")
        };
        assert_eq!(subtitle, "Region Åbo 2026");
        let labels: Vec<&str> = lines.iter().map(|(label, _)| label.as_str()).collect();
        // Nobody is named as respondent and no solution is assessed, so neither line is there.
        assert_eq!(
            labels,
            [
                "Region",
                "År",
                "Datum",
                "Liten enkät om åtkomst",
                "Klassificering"
            ]
        );
        assert_eq!(lines[3].1, "enkät liten 1.0, bedömningsmall 1.0");
        assert_eq!(lines[4].1, "Intern");
    }
}
