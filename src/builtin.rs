//! The questionnaires and rubrics compiled into the binary, so the tool works with no files
//! beside it. The same files are in `questionnaires/` and `scoring/` for users to copy.

use crate::document::{self, Document};
use crate::error::Error;
use crate::questionnaire::Questionnaire;
use crate::scoring::Rubric;

pub struct Builtin {
    pub id: &'static str,
    pub questionnaire: &'static str,
    pub rubric: &'static str,
}

pub const BUILTINS: &[Builtin] = &[
    Builtin {
        id: "tiopunkt",
        questionnaire: include_str!("../questionnaires/tiopunkt.json"),
        rubric: include_str!("../scoring/tiopunkt.json"),
    },
    Builtin {
        id: "beredskap",
        questionnaire: include_str!("../questionnaires/beredskap.json"),
        rubric: include_str!("../scoring/beredskap.json"),
    },
];

fn find(id: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.id == id)
}

/// The built-in questionnaire with this id.
pub fn questionnaire(id: &str) -> Option<Result<Questionnaire, Error>> {
    let builtin = find(id)?;
    Some(match parse(id, "questionnaires", builtin.questionnaire) {
        Ok(Document::Questionnaire(q)) => Ok(q),
        Ok(_) => unreachable!("built-in questionnaires are questionnaires (checked by tests)"),
        Err(e) => Err(e),
    })
}

/// The built-in rubric with this id.
pub fn rubric(id: &str) -> Option<Result<Rubric, Error>> {
    let builtin = find(id)?;
    Some(match parse(id, "scoring", builtin.rubric) {
        Ok(Document::Rubric(r)) => Ok(r),
        Ok(_) => unreachable!("built-in rubrics are rubrics (checked by tests)"),
        Err(e) => Err(e),
    })
}

fn parse(id: &str, folder: &str, text: &str) -> Result<Document, Error> {
    document::parse(text).map_err(|problem| Error::Invalid {
        path: format!("{folder}/{id}.json"),
        problems: vec![problem],
    })
}
