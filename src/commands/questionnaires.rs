//! `mognad questionnaires`: every built-in edition of the questionnaires and rubrics, with
//! versions and the content hashes answers files record.

use std::fmt::Write as _;

use serde::Serialize;

use crate::builtin;
use crate::cli::Format;
use crate::commands::Io;
use crate::error::{Error, Exit};
use crate::lang::Lang;

#[derive(Serialize)]
struct Listed {
    id: String,
    version: String,
    kind: String,
    title: String,
    areas: usize,
    questions: usize,
    hash: String,
    rubric: ListedRubric,
}

#[derive(Serialize)]
struct ListedRubric {
    id: String,
    version: String,
    scores_versions: Vec<String>,
}

pub fn run(format: Format, lang: Lang, io: &mut Io) -> Result<Exit, Error> {
    let mut listed = Vec::new();
    // Every edition, oldest first: answers files name the one they answered.
    for edition in builtin::EDITIONS {
        let (q, r) = (edition.questionnaire()?, edition.rubric()?);
        listed.push(Listed {
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
            rubric: ListedRubric {
                id: r.id.clone(),
                version: r.version.clone(),
                scores_versions: r.questionnaire.versions.clone(),
            },
        });
    }
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
                    "{}  {}  {}\n  {}: {} {}, {} {}\n  {}: {} {} ({} {})\n  {}: {}\n\n",
                    l.id,
                    l.version,
                    l.title,
                    lang.pick("enkät", "questionnaire"),
                    l.areas,
                    lang.pick("områden", "areas"),
                    l.questions,
                    lang.pick("frågor", "questions"),
                    lang.pick("bedömningsmall", "rubric"),
                    l.rubric.id,
                    l.rubric.version,
                    lang.pick("poängsätter", "scores"),
                    l.rubric.scores_versions.join(", "),
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
