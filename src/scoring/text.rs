//! The scorecard as a table for people, in Swedish or English, and as CSV for a spreadsheet.
//! Pure: scorecard in, text out.

use std::fmt::Write as _;

use comfy_table::{Cell, CellAlignment, ContentArrangement, LineStyle, Table, TableStyle};

use crate::answers::Rule;
use crate::lang::Lang;
use crate::scoring::targets::standing;
use crate::scoring::{
    AreaScore, NoScore, Observed, QuestionOutcome, QuestionResult, Scorecard, Subject,
};

/// A rule above and below the table and under its header; rows stand without lines between
/// them, which reads better on a projector.
const STYLE: TableStyle = TableStyle::new()
    .top_border(LineStyle::none().fill('─').junction('─'))
    .header_separator(LineStyle::none().fill('─').junction('─'))
    .bottom_border(LineStyle::none().fill('─').junction('─'));

/// How wide wrapped paragraphs are.
const WIDTH: usize = 88;

pub fn render(card: &Scorecard, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} · {} · {} ({} {})",
        card.region,
        card.year,
        card.questionnaire.title.get(lang),
        card.questionnaire.id,
        card.questionnaire.version
    );
    if let Some(solution) = &card.solution {
        let _ = writeln!(
            out,
            "{}: {} · {}: {}",
            lang.pick("Lösning", "Solution"),
            solution.name,
            lang.pick("Målgrupp", "Target group"),
            solution.target_group
        );
    }
    out.push('\n');
    out.push_str(&areas_table(card, lang));
    out.push('\n');
    overall(&mut out, card, lang);
    targets(&mut out, card, lang);
    verdict(&mut out, card, lang);
    team(&mut out, card, lang);
    notes(&mut out, card, lang);
    unscored(&mut out, card, lang);
    next_steps(&mut out, card, lang);
    let _ = writeln!(
        out,
        "\n{}",
        if lang == Lang::Sv {
            format!(
                "Bedömningsmall {} {}. Ett område får poäng när minst {} av dess tillämpliga frågor är besvarade.",
                card.rubric.id,
                card.rubric.version,
                lang.percent(card.coverage_min)
            )
        } else {
            format!(
                "Rubric {} {}. An area is scored when at least {} of its applicable questions are answered.",
                card.rubric.id,
                card.rubric.version,
                lang.percent(card.coverage_min)
            )
        }
    );
    out
}

fn areas_table(card: &Scorecard, lang: Lang) -> String {
    let mut table = Table::new();
    let mut header = vec![
        Cell::new(lang.pick("Område", "Area")),
        Cell::new(lang.pick("Poäng", "Score")),
        Cell::new(lang.pick("Nivå", "Level")),
        Cell::new(lang.pick("Täckning", "Coverage")),
        Cell::new(lang.pick("Vet ej", "Don't know")),
        Cell::new(lang.pick("Ej till.", "N/A")),
    ];
    let targets = card.targets.as_ref();
    let progress = targets.is_some_and(|t| t.since.is_some());
    if targets.is_some() {
        header.push(Cell::new(lang.pick("Mål", "Target")));
        header.push(Cell::new(lang.pick("Kvar", "Gap")));
    }
    if progress {
        // On two lines, to keep the table within a projector's width.
        header.push(Cell::new(lang.pick("Väg till\nmål", "Progress")));
    }
    table
        .load_style(STYLE)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header);
    for area in card.areas.iter().filter(|a| a.scored) {
        let gated = if area.gates.iter().any(|g| g.lowered) {
            " *"
        } else {
            ""
        };
        let mut row = vec![
            Cell::new(format!("{:>2}  {}", area.number, area.title.get(lang))),
            Cell::new(area.score.map_or_else(
                || "–".to_string(),
                |s| format!("{}{gated}", lang.decimal(s)),
            ))
            .set_alignment(CellAlignment::Right),
            Cell::new(level(area, lang)),
            Cell::new(
                area.coverage
                    .map_or_else(|| "–".to_string(), |c| lang.percent(c)),
            )
            .set_alignment(CellAlignment::Right),
            Cell::new(area.dont_know).set_alignment(CellAlignment::Right),
            Cell::new(area.not_applicable).set_alignment(CellAlignment::Right),
        ];
        if targets.is_some() {
            let dash = || "–".to_string();
            row.push(
                Cell::new(area.target.map_or_else(dash, |t| t.to_string()))
                    .set_alignment(CellAlignment::Right),
            );
            row.push(
                Cell::new(match area.gap {
                    Some(gap) if gap > 0.0 => lang.decimal(gap),
                    Some(_) => lang.pick("nått", "reached").to_string(),
                    None => dash(),
                })
                .set_alignment(CellAlignment::Right),
            );
            if progress {
                row.push(
                    Cell::new(area.progress.map_or_else(dash, |p| lang.percent(p)))
                        .set_alignment(CellAlignment::Right),
                );
            }
        }
        table.add_row(row);
    }
    let mut text = String::new();
    for line in table.lines() {
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

/// A team's answers: who answered, the rule, per area how many answered and disagreed, and
/// every split question with each respondent's answer.
fn team(out: &mut String, card: &Scorecard, lang: Lang) {
    let Some(team) = &card.team else {
        return;
    };
    let people: Vec<String> = team
        .respondents
        .iter()
        .map(|r| {
            if r.role.trim().is_empty() {
                r.name.clone()
            } else {
                format!("{} {}", r.role, r.name)
            }
        })
        .collect();
    let rule = match (team.rule, lang) {
        (Rule::Median, Lang::Sv) => {
            "medianen av deras svar (det vanligaste svaret på ja/nej- och flervalsfrågor)"
        }
        (Rule::Min, Lang::Sv) => "det lägsta av deras svar",
        (Rule::Median, Lang::En) => {
            "the median of theirs (the most common answer to yes/no and choice questions)"
        }
        (Rule::Min, Lang::En) => "the lowest of theirs",
    };
    let text = if lang == Lang::Sv {
        format!(
            "Teamet: {} svarande ({}). Teamets svar är {rule}; en skalfråga är oenig när minst {} av dem ligger mer än {} från medianen, andra frågor när svaren skiljer sig åt.",
            people.len(),
            people.join(", "),
            lang.percent(team.split_share),
            levels(team.split_distance, lang)
        )
    } else {
        format!(
            "The team: {} respondents ({}). The team's answer is {rule}; a scale question is split when at least {} of them are more than {} from the median, other questions when the answers differ.",
            people.len(),
            people.join(", "),
            lang.percent(team.split_share),
            levels(team.split_distance, lang)
        )
    };
    out.push('\n');
    paragraph(out, &text, "", "");
    out.push('\n');
    let mut table = Table::new();
    table
        .load_style(STYLE)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(vec![
            Cell::new(lang.pick("Område", "Area")),
            Cell::new(lang.pick("Svarande", "Respondents")),
            Cell::new(lang.pick("Oeniga", "Split")),
            Cell::new(lang.pick("Enade", "Settled")),
        ]);
    for area in &card.areas {
        let count =
            |n: Option<usize>| Cell::new(n.unwrap_or_default()).set_alignment(CellAlignment::Right);
        table.add_row(vec![
            Cell::new(format!("{:>2}  {}", area.number, area.title.get(lang))),
            count(area.respondents),
            count(area.split),
            count(area.settled),
        ]);
    }
    for line in table.lines() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if team.split.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            lang.pick(
                "Inga oeniga frågor: teamet svarade samstämmigt.",
                "No split questions: the team answered alike."
            )
        );
        return;
    }
    let settled = team.split.iter().filter(|q| q.settled).count();
    let _ = writeln!(
        out,
        "\n{} ({settled} {} {} {})",
        lang.pick("Oeniga frågor", "Split questions"),
        lang.pick("av", "of"),
        team.split.len(),
        lang.pick("enade", "settled")
    );
    for question in &team.split {
        let answers: Vec<String> = question
            .answers
            .iter()
            .map(|a| format!("{} {}", a.who, a.words.get(lang).to_lowercase()))
            .collect();
        let team_answer = question
            .team
            .as_ref()
            .map_or_else(|| "–".to_string(), |t| t.get(lang).to_lowercase());
        let mut line = format!(
            "{} {}: {}; ",
            question.number,
            question.label.get(lang),
            answers.join(", "),
        );
        match &question.rationale {
            Some(rationale) => {
                let _ = write!(
                    line,
                    "{} {team_answer}: {rationale}",
                    lang.pick("enade om", "settled on")
                );
            }
            None => {
                let _ = write!(line, "{} {team_answer}", lang.pick("förslag", "proposed"));
            }
        }
        paragraph(out, &line, "  ", "    ");
    }
}

/// `1 nivå`, `2 nivåer`.
fn levels(count: u8, lang: Lang) -> String {
    match (lang, count) {
        (Lang::Sv, 1) => "1 nivå".into(),
        (Lang::Sv, n) => format!("{n} nivåer"),
        (Lang::En, 1) => "1 level".into(),
        (Lang::En, n) => format!("{n} levels"),
    }
}

fn level(area: &AreaScore, lang: Lang) -> String {
    match (&area.level, &area.level_name, &area.no_score) {
        (Some(level), Some(name), _) => format!("{level} {}", name.get(lang)),
        (_, _, Some(NoScore::LowCoverage { .. })) => lang
            .pick(
                "ingen poäng: för lite besvarat",
                "no score: too little answered",
            )
            .into(),
        (_, _, Some(NoScore::NothingApplicable)) => lang
            .pick(
                "ingen poäng: inget tillämpligt",
                "no score: nothing applicable",
            )
            .into(),
        _ => "–".into(),
    }
}

fn overall(out: &mut String, card: &Scorecard, lang: Lang) {
    let o = &card.overall;
    match (o.score, &o.level, &o.level_name) {
        (Some(score), Some(level), Some(name)) => {
            let _ = writeln!(
                out,
                "{}: {} ({} {level} {}), {} {} {} {}.",
                lang.pick("Samlat index", "Overall index"),
                lang.decimal(score),
                lang.pick("nivå", "level"),
                name.get(lang),
                o.areas_scored,
                lang.pick("av", "of"),
                o.areas,
                lang.pick("områden har poäng", "areas scored"),
            );
        }
        _ => {
            let _ = writeln!(
                out,
                "{}",
                if lang == Lang::Sv {
                    format!(
                        "Samlat index: inget, eftersom bara {} av {} områden har poäng (kravet är {}).",
                        o.areas_scored, o.areas, o.min_areas
                    )
                } else {
                    format!(
                        "Overall index: none, since only {} of {} areas are scored (at least {} are needed).",
                        o.areas_scored, o.areas, o.min_areas
                    )
                }
            );
        }
    }
    for gate in o.gates.iter().filter(|g| g.lowered) {
        let _ = writeln!(
            out,
            "  {} {}: {} ({})",
            lang.pick("begränsat till", "capped at"),
            lang.decimal(gate.cap),
            gate.reason.get(lang),
            subject(&gate.subject, lang)
        );
    }
}

fn targets(out: &mut String, card: &Scorecard, lang: Lang) {
    let Some(targets) = &card.targets else {
        return;
    };
    let mut line = if lang == Lang::Sv {
        format!(
            "Mål: {} av de {} områden som har ett mål har nått det.",
            targets.reached, targets.set
        )
    } else {
        format!(
            "Targets: {} of {} areas with a target have reached it.",
            targets.reached, targets.set
        )
    };
    if let Some(since) = targets.since {
        let _ = if lang == Lang::Sv {
            write!(
                line,
                " Väg till mål är hur stor del av vägen från poängen {since} till målet som har gåtts."
            )
        } else {
            write!(
                line,
                " Progress is how much of the way from the {since} score to the target has been gone."
            )
        };
    }
    paragraph(out, &line, "", "");
}

fn verdict(out: &mut String, card: &Scorecard, lang: Lang) {
    let Some(verdict) = &card.verdict else {
        return;
    };
    out.push('\n');
    match &verdict.name {
        Some(name) => {
            let _ = write!(
                out,
                "{}: {}",
                lang.pick("Bedömning", "Verdict"),
                name.get(lang).to_uppercase()
            );
        }
        None => {
            let _ = write!(
                out,
                "{}",
                lang.pick(
                    "Bedömning: kan inte ges, eftersom indexet saknas och inget hinder avgör",
                    "Verdict: cannot be given, since there is no index and no blocker decides it"
                )
            );
        }
    }
    let decisive = verdict.blockers.iter().any(|b| b.decisive);
    if decisive && let Some(name) = &verdict.from_index_name {
        {
            let _ = write!(
                out,
                " ({} {})",
                lang.pick("indexet ensamt ger", "the index alone gives"),
                name.get(lang).to_lowercase()
            );
        }
    }
    out.push('\n');
    if verdict.blockers.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.pick("Inga hinder hindrar bedömningen.", "No blocker holds.")
        );
        return;
    }
    let _ = writeln!(out, "{}", lang.pick("Hinder:", "Blockers:"));
    for blocker in &verdict.blockers {
        let _ = writeln!(
            out,
            "  – {}: {} ({}){}",
            blocker.limit_name.get(lang),
            blocker.reason.get(lang),
            subject(&blocker.subject, lang),
            if blocker.decisive {
                lang.pick(", avgör bedömningen", ", decides the verdict")
            } else {
                ""
            }
        );
    }
}

fn subject(subject: &Subject, lang: Lang) -> String {
    let name = subject
        .question
        .as_deref()
        .or(subject.area.as_deref())
        .unwrap_or_default();
    match subject.observed {
        // A level or whole number of points reads best without a decimal.
        Observed::Value(value) if value.fract() == 0.0 => format!("{name}: {value:.0}"),
        Observed::Value(value) => format!("{name}: {}", lang.decimal(value)),
        Observed::Unknown if subject.question.is_some() => format!(
            "{name}: {}",
            lang.pick("vet ej eller obesvarad", "don't know or unanswered")
        ),
        Observed::Unknown => format!("{name}: {}", lang.pick("ingen poäng", "no score")),
    }
}

fn notes(out: &mut String, card: &Scorecard, lang: Lang) {
    let mut lines = Vec::new();
    for area in card.areas.iter().filter(|a| a.scored) {
        let name = format!("{} {}", area.number, area.title.get(lang));
        match area.no_score {
            Some(NoScore::LowCoverage { coverage, min }) => lines.push(if lang == Lang::Sv {
                format!(
                    "{name}: ingen poäng, {} av {} tillämpliga frågor besvarade ({} under kravet {})",
                    area.answered,
                    area.applicable,
                    lang.percent(coverage),
                    lang.percent(min)
                )
            } else {
                format!(
                    "{name}: no score, {} of {} applicable questions answered ({} is below the required {})",
                    area.answered,
                    area.applicable,
                    lang.percent(coverage),
                    lang.percent(min)
                )
            }),
            Some(NoScore::NothingApplicable) => lines.push(format!(
                "{name}: {}",
                lang.pick("ingen poäng, ingen fråga är tillämplig", "no score, no question is applicable")
            )),
            None => {}
        }
        for gate in area.gates.iter().filter(|g| g.lowered) {
            lines.push(format!(
                "{name}: * {} {} ({} {}): {} ({})",
                lang.pick("begränsad till", "capped at"),
                lang.decimal(gate.cap),
                area.score_before_gates
                    .map(|s| lang.decimal(s))
                    .unwrap_or_default(),
                lang.pick("utan begränsning", "without the cap"),
                gate.reason.get(lang),
                subject(&gate.subject, lang)
            ));
        }
    }
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", lang.pick("Anmärkningar", "Notes"));
    for line in lines {
        paragraph(out, &line, "  ", "    ");
    }
}

fn unscored(out: &mut String, card: &Scorecard, lang: Lang) {
    let areas: Vec<&AreaScore> = card.areas.iter().filter(|a| !a.scored).collect();
    if areas.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\n{}",
        lang.pick("Besvarat men inte poängsatt", "Answered but not scored")
    );
    for area in areas {
        let answers: Vec<String> = area
            .questions
            .iter()
            .map(|q| {
                let name = q.label.as_ref().map_or(q.id.as_str(), |l| l.get(lang));
                format!("{name} {}", answer(q, lang))
            })
            .collect();
        let line = format!(
            "{} {}: {}",
            area.number,
            area.title.get(lang),
            answers.join(", ")
        );
        paragraph(out, &line, "  ", "    ");
    }
}

/// An answer as a word or number: `4`, `ja`, `vet ej`.
fn answer(question: &QuestionResult, lang: Lang) -> String {
    match question.outcome {
        QuestionOutcome::Answered => match &question.value {
            Some(serde_json::Value::Number(n)) => n.to_string(),
            Some(serde_json::Value::String(s)) => match s.as_str() {
                "yes" => lang.pick("ja", "yes").into(),
                "no" => lang.pick("nej", "no").into(),
                "partly" => lang.pick("delvis", "partly").into(),
                other => other.into(),
            },
            Some(other) => other.to_string(),
            None => "–".into(),
        },
        QuestionOutcome::DontKnow => lang.pick("vet ej", "don't know").into(),
        QuestionOutcome::NotApplicable => lang.pick("ej tillämpligt", "not applicable").into(),
        QuestionOutcome::Unanswered | QuestionOutcome::NotAsked => "–".into(),
    }
}

fn next_steps(out: &mut String, card: &Scorecard, lang: Lang) {
    let mut areas: Vec<&AreaScore> = card
        .areas
        .iter()
        .filter(|a| a.score.is_some() && a.next_step.is_some())
        .collect();
    if areas.is_empty() {
        return;
    }
    // The weakest first; between equals, the questionnaire's order. With targets, the areas
    // short of their target come first, furthest (by weight × gap) first.
    areas.sort_by(|a, b| {
        let by_gap = |area: &AreaScore| -(area.weight.unwrap_or(1.0) * area.gap.unwrap_or(0.0));
        (standing(a), by_gap(a), a.score)
            .partial_cmp(&(standing(b), by_gap(b), b.score))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let heading = if card.targets.is_some() {
        lang.pick(
            "Nästa steg där det är längst kvar till målet (alla områden: --format json)",
            "Next steps where the target is furthest away (every area: --format json)",
        )
    } else {
        lang.pick(
            "Nästa steg för de svagaste områdena (alla områden: --format json)",
            "Next steps for the weakest areas (every area: --format json)",
        )
    };
    let _ = writeln!(out, "\n{heading}");
    for area in areas.into_iter().take(3) {
        let Some(step) = &area.next_step else {
            continue;
        };
        let target = match (area.target, area.gap) {
            (Some(target), Some(gap)) if gap > 0.0 => format!(
                " ({} {target}, {} {})",
                lang.pick("mål", "target"),
                lang.pick("kvar", "gap"),
                lang.decimal(gap)
            ),
            _ => String::new(),
        };
        let line = format!(
            "{} {}{target}: {}",
            area.number,
            area.title.get(lang),
            step.get(lang)
        );
        paragraph(out, &line, "  ", "    ");
    }
}

fn paragraph(out: &mut String, text: &str, first: &str, rest: &str) {
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(first)
        .subsequent_indent(rest);
    for line in textwrap::wrap(text, options) {
        let _ = writeln!(out, "{line}");
    }
}

/// One row per area for a spreadsheet, and a last row for the overall index: the score, level
/// and level name, coverage in percent, the counts of answers, and the gates that capped the
/// score. Written as `spreadsheet` writes every table for Excel.
pub fn csv(card: &Scorecard, lang: Lang) -> String {
    let header: Vec<String> = if lang == Lang::Sv {
        [
            "id",
            "nr",
            "område",
            "poäng",
            "nivå",
            "nivånamn",
            "täckning %",
            "besvarade",
            "vet ej",
            "ej tillämpligt",
            "obesvarade",
            "tillämpliga",
            "spärr",
        ]
    } else {
        [
            "id",
            "no",
            "area",
            "score",
            "level",
            "level name",
            "coverage %",
            "answered",
            "don't know",
            "not applicable",
            "unanswered",
            "applicable",
            "gate",
        ]
    }
    .iter()
    .map(ToString::to_string)
    .collect();
    let mut rows = vec![header];
    for area in card.areas.iter().filter(|a| a.scored) {
        rows.push(vec![
            area.id.clone(),
            area.number.to_string(),
            area.title.get(lang).to_string(),
            crate::spreadsheet::number(area.score, lang),
            area.level.map(|l| l.to_string()).unwrap_or_default(),
            area.level_name
                .as_ref()
                .map(|n| n.get(lang).to_string())
                .unwrap_or_default(),
            crate::spreadsheet::percent(area.coverage),
            area.answered.to_string(),
            area.dont_know.to_string(),
            area.not_applicable.to_string(),
            area.unanswered.to_string(),
            area.applicable.to_string(),
            area.gates
                .iter()
                .filter(|g| g.lowered)
                .map(|g| g.reason.get(lang).to_string())
                .collect::<Vec<_>>()
                .join("; "),
        ]);
    }
    let o = &card.overall;
    rows.push(vec![
        "index".into(),
        String::new(),
        lang.pick("Samlat index", "Overall index").into(),
        crate::spreadsheet::number(o.score, lang),
        o.level.map(|l| l.to_string()).unwrap_or_default(),
        o.level_name
            .as_ref()
            .map(|n| n.get(lang).to_string())
            .unwrap_or_default(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        o.gates
            .iter()
            .filter(|g| g.lowered)
            .map(|g| g.reason.get(lang).to_string())
            .collect::<Vec<_>>()
            .join("; "),
    ]);
    crate::spreadsheet::csv(&rows, lang)
}
