//! Reading every kind of file: recognise the kind from the `format` field, check its
//! version, and parse it with the JSON path of any problem. Pure: text in, values out.

use serde::de::DeserializeOwned;

use crate::answers::{self, Answers};
use crate::national::{self, National};
use crate::problem::{Problem, ProblemKind};
use crate::published::{self, Published};
use crate::questionnaire::{self, Questionnaire};
use crate::scoring::rubric::{self, Rubric};
use crate::targets::{self, Targets};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Questionnaire,
    Rubric,
    Answers,
    Published,
    National,
    Targets,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Questionnaire,
        Kind::Rubric,
        Kind::Answers,
        Kind::Published,
        Kind::National,
        Kind::Targets,
    ];

    pub fn format(self) -> &'static str {
        match self {
            Kind::Questionnaire => questionnaire::FORMAT,
            Kind::Rubric => rubric::FORMAT,
            Kind::Answers => answers::FORMAT,
            Kind::Published => published::FORMAT,
            Kind::National => national::FORMAT,
            Kind::Targets => targets::FORMAT,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Questionnaire => "questionnaire",
            Kind::Rubric => "rubric",
            Kind::Answers => "answers",
            Kind::Published => "published figures",
            Kind::National => "national reference",
            Kind::Targets => "targets",
        }
    }

    /// The kind's name as `mognad.NAME/VERSION` spells it.
    fn stem(self) -> &'static str {
        self.format().split('/').next().unwrap_or_default()
    }
}

// A document is read and handed on one at a time; its size on the stack does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum Document {
    Questionnaire(Questionnaire),
    Rubric(Rubric),
    Answers(Answers),
    Published(Published),
    National(National),
    Targets(Targets),
}

impl Document {
    pub fn kind(&self) -> Kind {
        match self {
            Document::Questionnaire(_) => Kind::Questionnaire,
            Document::Rubric(_) => Kind::Rubric,
            Document::Answers(_) => Kind::Answers,
            Document::Published(_) => Kind::Published,
            Document::National(_) => Kind::National,
            Document::Targets(_) => Kind::Targets,
        }
    }
}

/// Parses a file's text as whichever kind its `format` names.
pub fn parse(text: &str) -> Result<Document, Problem> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|error| {
        Problem::new(
            format!("{}:{}", error.line(), error.column()),
            ProblemKind::Syntax {
                message: syntax_reason(&error),
            },
        )
    })?;
    let kind = recognise(&value)?;
    year_fits(&value)?;
    Ok(match kind {
        Kind::Questionnaire => Document::Questionnaire(typed(value)?),
        Kind::Rubric => Document::Rubric(typed(value)?),
        Kind::Answers => Document::Answers(typed(value)?),
        Kind::Published => Document::Published(typed(value)?),
        Kind::National => Document::National(typed(value)?),
        Kind::Targets => Document::Targets(typed(value)?),
    })
}

/// The kind a JSON value's `format` field names.
pub fn recognise(value: &serde_json::Value) -> Result<Kind, Problem> {
    let Some(object) = value.as_object() else {
        return Err(Problem::new(
            "",
            ProblemKind::Structure {
                message: "the file must hold a JSON object `{ … }`".into(),
            },
        ));
    };
    let found = match object.get("format") {
        Some(serde_json::Value::String(format)) => format.clone(),
        Some(other) => other.to_string(),
        None => "(none)".to_string(),
    };
    if let Some(kind) = Kind::ALL.into_iter().find(|k| k.format() == found) {
        return Ok(kind);
    }
    let stem = found.split('/').next().unwrap_or_default();
    if let Some(kind) = Kind::ALL.into_iter().find(|k| k.stem() == stem) {
        return Err(Problem::new(
            "format",
            ProblemKind::UnsupportedVersion {
                found,
                supported: kind.format().to_string(),
            },
        ));
    }
    Err(Problem::new("format", ProblemKind::UnknownFormat { found }))
}

fn typed<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, Problem> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        let path = if path == "." { String::new() } else { path };
        Problem::new(
            path,
            ProblemKind::Structure {
                message: error.into_inner().to_string(),
            },
        )
    })
}

/// A year too large for a year (`4294967295`) is said as a year, not as a number type.
fn year_fits(value: &serde_json::Value) -> Result<(), Problem> {
    let Some(number) = value.get("year").and_then(serde_json::Value::as_number) else {
        return Ok(());
    };
    let year = match (number.as_i64(), number.as_u64()) {
        (Some(year), _) => year,
        (None, Some(year)) => i64::try_from(year).unwrap_or(i64::MAX),
        (None, None) => return Ok(()),
    };
    if i32::try_from(year).is_ok() {
        return Ok(());
    }
    Err(Problem::new("year", ProblemKind::YearRange { year }))
}

/// `serde_json`'s message without its trailing "at line L column C", which the path shows.
fn syntax_reason(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_give_line_and_column() {
        let problem = parse("{\n  \"format\": \"mognad.answers/1\",\n}").unwrap_err();
        assert_eq!(problem.path, "3:1");
        assert!(matches!(problem.kind, ProblemKind::Syntax { .. }));
    }

    #[test]
    fn a_newer_format_version_is_named() {
        let problem = parse(r#"{"format": "mognad.rubric/2"}"#).unwrap_err();
        assert_eq!(
            problem.kind,
            ProblemKind::UnsupportedVersion {
                found: "mognad.rubric/2".into(),
                supported: "mognad.rubric/1".into()
            }
        );
    }

    #[test]
    fn structure_errors_give_the_json_path() {
        let text = r#"{"format": "mognad.answers/1", "questionnaire": {"id": "x", "version": "1"},
            "region": "R", "year": 2025, "answers": {"a8-2": {"value": 3, "colour": 1}}}"#;
        let problem = parse(text).unwrap_err();
        assert_eq!(problem.path, "answers.a8-2.colour");
        let ProblemKind::Structure { message } = problem.kind else {
            panic!("not a structure problem");
        };
        assert!(message.contains("colour"), "{message}");
    }
}
