//! A comparison as text for people, in Swedish or English. Pure: comparison in, text out. The
//! questionnaire is needed to put answers into words (a level, `Ja`, an option's label).

use std::fmt::Write as _;

use comfy_table::{Cell, CellAlignment, ContentArrangement, LineStyle, Table, TableStyle};

use crate::answers::answer_words;
use crate::compare::{
    AreaChange, AreaNote, ChangedAnswer, Comparison, GroupChange, GroupNote, LeftOut, Reason,
};
use crate::lang::Lang;
use crate::questionnaire::Questionnaire;

/// The same look as the scorecard's table: rules above, under the header and below.
const STYLE: TableStyle = TableStyle::new()
    .top_border(LineStyle::none().fill('─').junction('─'))
    .header_separator(LineStyle::none().fill('─').junction('─'))
    .bottom_border(LineStyle::none().fill('─').junction('─'));

/// How wide wrapped paragraphs are.
const WIDTH: usize = 88;

pub fn render(comparison: &Comparison, questionnaire: &Questionnaire, lang: Lang) -> String {
    let c = comparison;
    let mut out = String::new();
    let versions = if c.same_version {
        c.now.version.clone()
    } else {
        format!("{} → {}", c.then.version, c.now.version)
    };
    let _ = writeln!(
        out,
        "{} · {} → {} · {} ({} {versions})",
        c.region,
        c.then.year,
        c.now.year,
        c.questionnaire.title.get(lang),
        c.questionnaire.id,
    );
    if !c.same_version {
        let line = if lang == Lang::Sv {
            format!(
                "Svaren gavs på olika versioner av enkäten: bara frågor som uttryckligen fortsätter en fråga i {} jämförs.",
                c.then.version
            )
        } else {
            format!(
                "The answers were given to different versions of the questionnaire: only questions that declare they continue a question of {} are compared.",
                c.then.version
            )
        };
        paragraph(&mut out, &line, "", "");
    }
    out.push('\n');
    out.push_str(&areas_table(c, questionnaire, lang));
    out.push('\n');
    overall(&mut out, c, lang);
    verdict(&mut out, c, lang);
    notes(&mut out, c, lang);
    changed(&mut out, c, questionnaire, lang);
    left_out(&mut out, c, questionnaire, lang);
    let _ = writeln!(
        out,
        "\n{}",
        if lang == Lang::Sv {
            format!(
                "Båda åren poängsätts med bedömningsmall {} {}.",
                c.rubric.id, c.rubric.version
            )
        } else {
            format!(
                "Both years are scored with rubric {} {}.",
                c.rubric.id, c.rubric.version
            )
        }
    );
    out
}

/// The areas, and under them the groups of areas when there are any, in one table so that
/// their columns line up.
fn areas_table(c: &Comparison, questionnaire: &Questionnaire, lang: Lang) -> String {
    let mut header = vec![
        Cell::new(lang.pick("Område", "Area")),
        Cell::new(c.then.year),
        Cell::new(c.now.year),
        Cell::new(lang.pick("Förändring", "Change")),
        Cell::new(lang.pick("Nivå", "Level")),
    ];
    if !c.same_version {
        header.push(Cell::new(
            lang.pick("Jämförda frågor", "Questions compared"),
        ));
    }
    let mut table = Table::new();
    table
        .load_style(STYLE)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header);
    let row = |name: String, then, now, change, level_then, level_now| {
        vec![
            Cell::new(name),
            Cell::new(score(then, lang)).set_alignment(CellAlignment::Right),
            Cell::new(score(now, lang)).set_alignment(CellAlignment::Right),
            Cell::new(signed(change, lang)).set_alignment(CellAlignment::Right),
            Cell::new(levels(level_then, level_now)),
        ]
    };
    for area in &c.areas {
        let mut cells = row(
            format!("{:>2}  {}", area.number, area.title.get(lang)),
            area.then,
            area.now,
            area.change,
            area.level_then,
            area.level_now,
        );
        if !c.same_version {
            cells.push(
                Cell::new(of(area.compared, area.questions, lang))
                    .set_alignment(CellAlignment::Right),
            );
        }
        table.add_row(cells);
    }
    if !c.groups.is_empty() {
        table.add_row(vec![Cell::new(
            lang.pick("Grupper av områden", "Groups of areas"),
        )]);
    }
    for group in &c.groups {
        let mut cells = row(
            format!("    {}", group_name(group, questionnaire, lang)),
            group.then,
            group.now,
            group.change,
            group.level_then,
            group.level_now,
        );
        if !c.same_version {
            let (compared, questions) = c.group_questions(group);
            cells
                .push(Cell::new(of(compared, questions, lang)).set_alignment(CellAlignment::Right));
        }
        table.add_row(cells);
    }
    let lines: Vec<String> = table.lines().collect();
    let mut text = String::new();
    // The rule above the groups is the table's own: rows are one line each, after the top
    // rule, the header and its rule.
    let groups_at = 3 + c.areas.len();
    for (at, line) in lines.iter().enumerate() {
        if at == groups_at && !c.groups.is_empty() {
            text.push_str(lines[0].trim_end());
            text.push('\n');
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

/// A group as `score` names it: its title and its areas' numbers, `Helheten (1, 2)`.
fn group_name(group: &GroupChange, questionnaire: &Questionnaire, lang: Lang) -> String {
    let numbers: Vec<String> = group
        .areas
        .iter()
        .filter_map(|id| questionnaire.area(id))
        .map(|area| area.number.to_string())
        .collect();
    format!("{} ({})", group.title.get(lang), numbers.join(", "))
}

fn score(value: Option<f64>, lang: Lang) -> String {
    value.map_or_else(|| "–".to_string(), |s| lang.decimal(s))
}

/// A change with its sign: `+0,3`, `−0,3`, `0,0`.
fn signed(value: Option<f64>, lang: Lang) -> String {
    match value {
        Some(v) if v > 0.0 => format!("+{}", lang.decimal(v)),
        Some(v) => lang.decimal(v),
        None => "–".to_string(),
    }
}

fn levels(then: Option<u8>, now: Option<u8>) -> String {
    let level = |l: Option<u8>| l.map_or_else(|| "–".to_string(), |l| l.to_string());
    format!("{} → {}", level(then), level(now))
}

fn of(part: usize, whole: usize, lang: Lang) -> String {
    format!("{part} {} {whole}", lang.pick("av", "of"))
}

fn overall(out: &mut String, c: &Comparison, lang: Lang) {
    let o = &c.overall;
    let mut line = format!(
        "{}: {} → {}",
        lang.pick("Samlat index", "Overall index"),
        score(o.then, lang),
        score(o.now, lang)
    );
    if o.change.is_some() {
        let _ = write!(
            line,
            " ({}), {} {}",
            signed(o.change, lang),
            lang.pick("nivå", "level"),
            levels(o.level_then, o.level_now)
        );
    }
    let missing: Vec<String> = [(o.then, c.then.year), (o.now, c.now.year)]
        .iter()
        .filter(|(score, _)| score.is_none())
        .map(|(_, year)| year.to_string())
        .collect();
    if !missing.is_empty() {
        let years = missing.join(lang.pick(" och ", " and "));
        let _ = write!(
            line,
            "{}",
            if lang == Lang::Sv {
                format!(
                    "; inget index {years}, eftersom färre än {} områden har poäng",
                    o.min_areas
                )
            } else {
                format!(
                    "; no index for {years}, since fewer than {} areas are scored",
                    o.min_areas
                )
            }
        );
    }
    line.push('.');
    paragraph(out, &line, "", "  ");
}

/// The verdict band then and now, and the blockers that came, went or stayed.
fn verdict(out: &mut String, c: &Comparison, lang: Lang) {
    let Some(v) = &c.verdict else {
        return;
    };
    let band = |name: &Option<crate::lang::Text>| {
        name.as_ref().map_or_else(
            || lang.pick("ingen bedömning", "no verdict").to_string(),
            |n| n.get(lang).to_string(),
        )
    };
    let line = format!(
        "{}: {} → {}{}",
        lang.pick("Bedömning", "Verdict"),
        band(&v.then_name),
        band(&v.now_name),
        if v.then == v.now {
            lang.pick(", oförändrad.", ", unchanged.")
        } else {
            "."
        }
    );
    paragraph(out, &line, "", "  ");
    for (list, sv, en) in [
        (&v.came, "Nya hinder", "New blockers"),
        (
            &v.went,
            "Hinder som inte längre gäller",
            "Blockers that no longer hold",
        ),
        (&v.stayed, "Hinder som kvarstår", "Blockers that remain"),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  {}:", lang.pick(sv, en));
        for b in list {
            let text = b.reason.get(lang);
            let mut chars = text.chars();
            let reason = chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().collect::<String>() + chars.as_str()
            });
            paragraph(out, &format!("– {reason}"), "    ", "      ");
        }
    }
}

fn notes(out: &mut String, c: &Comparison, lang: Lang) {
    let lines: Vec<String> = c
        .areas
        .iter()
        .filter_map(|area| note(area, c, lang))
        .collect();
    let groups: Vec<String> = c
        .groups
        .iter()
        .filter_map(|group| group_note(group, c, lang))
        .collect();
    if lines.is_empty() && groups.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", lang.pick("Anmärkningar", "Notes"));
    for line in lines.iter().chain(&groups) {
        paragraph(out, line, "  ", "    ");
    }
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "  {}",
        lang.pick(
            "Det samlade indexet räknas båda åren på de jämförda frågorna.",
            "The overall index is computed on the compared questions both years."
        )
    );
}

fn note(area: &AreaChange, c: &Comparison, lang: Lang) -> Option<String> {
    let name = format!("{} {}", area.number, area.title.get(lang));
    let sv = lang == Lang::Sv;
    Some(match area.note? {
        AreaNote::Subset if sv => format!(
            "{name}: jämfört på {} poängsatta frågor; båda årens poäng räknas bara på dem",
            of(area.compared, area.questions, lang)
        ),
        AreaNote::Subset => format!(
            "{name}: compared on {} scored questions; both years are scored on those only",
            of(area.compared, area.questions, lang)
        ),
        AreaNote::NotCompared if sv => format!(
            "{name}: inte jämfört, eftersom ingen av dess poängsatta frågor fortsätter en fråga i {}; poängen {} räknas på alla frågorna",
            c.then.version, c.now.year
        ),
        AreaNote::NotCompared => format!(
            "{name}: not compared, since none of its scored questions continues a question of {}; the {} score counts all its questions",
            c.then.version, c.now.year
        ),
    })
}

fn group_note(group: &GroupChange, c: &Comparison, lang: Lang) -> Option<String> {
    let name = group.title.get(lang);
    let sv = lang == Lang::Sv;
    Some(match group.note? {
        GroupNote::New if sv => format!(
            "Gruppen {name}: inte jämförd, eftersom version {} av enkäten inte har den; poängen {} räknas på alla dess områdens frågor",
            c.then.version, c.now.year
        ),
        GroupNote::New => format!(
            "Group {name}: not compared, since version {} of the questionnaire does not have it; the {} score counts all its areas' questions",
            c.then.version, c.now.year
        ),
        GroupNote::EarlierUnknown if sv => format!(
            "Gruppen {name}: inte jämförd, eftersom version {} av enkäten inte finns till hands för att visa om den hade gruppen; poängen {} räknas på alla dess områdens frågor",
            c.then.version, c.now.year
        ),
        GroupNote::EarlierUnknown => format!(
            "Group {name}: not compared, since version {} of the questionnaire is not at hand to show whether it had the group; the {} score counts all its areas' questions",
            c.then.version, c.now.year
        ),
    })
}

fn changed(out: &mut String, c: &Comparison, questionnaire: &Questionnaire, lang: Lang) {
    if c.changed.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            lang.pick("Inga svar har ändrats.", "No answer has changed.")
        );
        return;
    }
    let _ = writeln!(
        out,
        "\n{} ({})",
        lang.pick("Ändrade svar", "Changed answers"),
        c.changed.len()
    );
    let mut area_shown = None;
    for change in &c.changed {
        let Some(question) = questionnaire.question(&change.id) else {
            continue;
        };
        if area_shown != Some(change.area.as_str()) {
            area_shown = Some(change.area.as_str());
            if let Some(area) = questionnaire.area(&change.area) {
                let _ = writeln!(out, "  {} {}", area.number, area.title.get(lang));
            }
        }
        let words = |answer: Option<&crate::answers::Answer>, asked: bool| {
            if !asked {
                return lang.pick("Ej ställd", "Not asked").to_string();
            }
            answer
                .and_then(|a| answer_words(question, a, lang, false))
                .unwrap_or_else(|| lang.pick("Obesvarad", "Unanswered").to_string())
        };
        let mut line = format!(
            "{}: {} → {}",
            name(change, lang),
            words(change.then.as_ref(), !change.not_asked_then),
            words(change.now.as_ref(), !change.not_asked_now)
        );
        if let Some(from) = &change.from {
            let _ = write!(line, " ({} {from})", lang.pick("tidigare", "formerly"));
        }
        paragraph(out, &line, "    ", "      ");
        for (year, answer) in [(c.then.year, &change.then), (c.now.year, &change.now)] {
            if let Some(comment) = answer.as_ref().and_then(|a| a.comment.as_deref()) {
                paragraph(out, &format!("{year}: {comment}"), "      ", "        ");
            }
        }
    }
}

/// A question as people find it: its number, and its label when it has one.
fn name(change: &ChangedAnswer, lang: Lang) -> String {
    match &change.label {
        Some(label) => format!("{} {}", change.number, label.get(lang)),
        None => change.number.clone(),
    }
}

fn left_out(out: &mut String, c: &Comparison, questionnaire: &Questionnaire, lang: Lang) {
    if c.left_out.is_empty() {
        return;
    }
    let sv = lang == Lang::Sv;
    let _ = writeln!(out, "\n{}", lang.pick("Inte jämfört", "Not compared"));
    // A current question by its number and label; an earlier version's question has only
    // its id, since that version's questionnaire is not at hand.
    let current = |id: &str| {
        let Some(number) = questionnaire.number(id) else {
            return id.to_string();
        };
        match questionnaire.question(id).and_then(|q| q.label.as_ref()) {
            Some(label) => format!("{number} {}", label.get(lang)),
            None => number,
        }
    };
    let ids = |reason: fn(&Reason) -> bool, show: &dyn Fn(&str) -> String| -> Vec<String> {
        c.left_out
            .iter()
            .filter(|l| reason(&l.reason))
            .map(|l| show(&l.id))
            .collect()
    };
    let new = ids(|r| matches!(r, Reason::NoContinuation), &current);
    if !new.is_empty() {
        let line = if sv {
            format!(
                "Nya frågor som inte fortsätter någon fråga i {}: {}",
                c.then.version,
                new.join(", ")
            )
        } else {
            format!(
                "New questions that continue no question of {}: {}",
                c.then.version,
                new.join(", ")
            )
        };
        paragraph(out, &line, "  ", "    ");
    }
    let gone = ids(|r| matches!(r, Reason::NotContinued), &str::to_string);
    if !gone.is_empty() {
        let line = if sv {
            format!(
                "Frågor i {} som besvarades {} men som ingen fråga i {} fortsätter: {}",
                c.then.version,
                c.then.year,
                c.now.version,
                gone.join(", ")
            )
        } else {
            format!(
                "Questions of {} answered in {} that no question of {} continues: {}",
                c.then.version,
                c.then.year,
                c.now.version,
                gone.join(", ")
            )
        };
        paragraph(out, &line, "  ", "    ");
    }
    for LeftOut { id, reason, .. } in &c.left_out {
        let line = match reason {
            Reason::Superseded { question, used } if sv => format!(
                "{id}: svaret används inte, eftersom {} fortsätter både {used} och {id}, och {used} står först och besvarades",
                current(question)
            ),
            Reason::Superseded { question, used } => format!(
                "{id}: the answer is not used, since {} continues both {used} and {id}, and {used} comes first and was answered",
                current(question)
            ),
            Reason::DoesNotFit { question } if sv => format!(
                "{id}: svaret från {} är inget möjligt svar på {}, som fortsätter frågan; den frågan jämförs inte",
                c.then.year,
                current(question)
            ),
            Reason::DoesNotFit { question } => format!(
                "{id}: the {} answer is no possible answer to {}, which continues it; that question is not compared",
                c.then.year,
                current(question)
            ),
            Reason::NoContinuation | Reason::NotContinued => continue,
        };
        paragraph(out, &line, "  ", "    ");
    }
}

fn paragraph(out: &mut String, text: &str, first: &str, rest: &str) {
    let options = crate::scoring::text::wrapping(WIDTH)
        .initial_indent(first)
        .subsequent_indent(rest);
    for line in textwrap::wrap(text, options) {
        let _ = writeln!(out, "{line}");
    }
}
