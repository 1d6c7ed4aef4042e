//! `mognad questionnaires`: every built-in edition of the questionnaires and rubrics, then
//! every questionnaire in the instrument folders (`--instruments`, `MOGNAD_INSTRUMENTS`), with
//! versions, the rubric that scores each, and the content hashes answers files record.

use std::fmt::Write as _;

use serde::Serialize;

use crate::builtin;
use crate::cli::Format;
use crate::commands::{Io, instruments};
use crate::error::{Error, Exit};
use crate::files;
use crate::lang::Lang;
use crate::questionnaire::Questionnaire;
use crate::scoring::Rubric;

#[derive(Serialize)]
struct Listed {
    id: String,
    version: String,
    kind: String,
    title: String,
    areas: usize,
    questions: usize,
    hash: String,
    /// `null` for a built-in edition, else the file it was found in.
    file: Option<String>,
    /// `null` when no rubric in the built-in editions or the folders scores it.
    rubric: Option<ListedRubric>,
}

#[derive(Serialize)]
struct ListedRubric {
    id: String,
    version: String,
    scores_versions: Vec<String>,
    /// `null` for a built-in rubric, else its file.
    file: Option<String>,
}

fn listed(
    q: &Questionnaire,
    file: Option<String>,
    rubric: Option<(Option<String>, Rubric)>,
    lang: Lang,
) -> Listed {
    Listed {
        id: q.id.clone(),
        version: q.version.clone(),
        kind: serde_json::to_value(q.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        title: q.title.get(lang).to_string(),
        areas: q.areas.len(),
        questions: q.question_count(),
        hash: q.content_hash(),
        file,
        rubric: rubric.map(|(file, r)| ListedRubric {
            id: r.id.clone(),
            version: r.version.clone(),
            scores_versions: r.questionnaire.versions.clone(),
            file,
        }),
    }
}

pub fn run(format: Format, lang: Lang, io: &mut Io) -> Result<Exit, Error> {
    let mut all = Vec::new();
    // Every edition, oldest first: answers files name the one they answered.
    for edition in builtin::EDITIONS {
        let (q, r) = (edition.questionnaire()?, edition.rubric()?);
        all.push(listed(&q, None, Some((None, r)), lang));
    }
    for (path, q) in instruments::questionnaire_files() {
        let rubric = instruments::rubric(&q).map(|(path, r)| (Some(files::display(&path)), r));
        all.push(listed(&q, Some(files::display(&path)), rubric, lang));
    }
    let listed = all;
    let text = match format {
        Format::Json => {
            let mut json = serde_json::to_string_pretty(&listed).expect("the list serializes");
            json.push('\n');
            json
        }
        Format::Text => {
            let mut text = String::new();
            for l in &listed {
                let _ = write!(
                    text,
                    "{}  {}  {}\n  {}: {} {}, {} {}{}\n",
                    l.id,
                    l.version,
                    l.title,
                    lang.pick("enkät", "questionnaire"),
                    l.areas,
                    lang.pick("områden", "areas"),
                    l.questions,
                    lang.pick("frågor", "questions"),
                    l.file
                        .as_ref()
                        .map(|f| format!(" ({f})"))
                        .unwrap_or_default(),
                );
                match &l.rubric {
                    Some(r) => {
                        let _ = writeln!(
                            text,
                            "  {}: {} {} ({} {}){}",
                            lang.pick("bedömningsmall", "rubric"),
                            r.id,
                            r.version,
                            lang.pick("poängsätter", "scores"),
                            r.scores_versions.join(", "),
                            r.file
                                .as_ref()
                                .map(|f| format!(" ({f})"))
                                .unwrap_or_default(),
                        );
                    }
                    None => {
                        let _ = writeln!(
                            text,
                            "  {}",
                            lang.pick(
                                "bedömningsmall: ingen i mapparna poängsätter den här versionen",
                                "rubric: none in the folders scores this version"
                            ),
                        );
                    }
                }
                let _ = write!(
                    text,
                    "  {}: {}\n\n",
                    lang.pick("innehållshash", "content hash"),
                    l.hash
                );
            }
            text.push_str(lang.pick(
                "Kopiera filerna i questionnaires/ och scoring/ för att göra egna; docs/formats.md beskriver formaten.\n",
                "Copy the files in questionnaires/ and scoring/ to make your own; docs/formats.md describes the formats.\n",
            ));
            text
        }
    };
    crate::print(io.out, &text)?;
    Ok(Exit::Ok)
}
