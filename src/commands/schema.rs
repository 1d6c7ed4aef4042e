//! `mognad schema`: the JSON Schema of a file format, generated from the types that read it.

use crate::answers::Answers;
use crate::cli::SchemaKind;
use crate::commands::Io;
use crate::error::{Error, Exit};
use crate::questionnaire::Questionnaire;
use crate::scoring::Rubric;

/// The schema of a format, as pretty JSON with a final newline.
pub fn schema(kind: SchemaKind) -> String {
    let schema = match kind {
        SchemaKind::Questionnaire => schemars::schema_for!(Questionnaire),
        SchemaKind::Rubric => schemars::schema_for!(Rubric),
        SchemaKind::Answers => schemars::schema_for!(Answers),
        SchemaKind::Published => schemars::schema_for!(crate::published::Published),
        SchemaKind::National => schemars::schema_for!(crate::national::National),
        SchemaKind::Targets => schemars::schema_for!(crate::targets::Targets),
        SchemaKind::NationalReport => {
            schemars::schema_for!(crate::national_report::NationalReport)
        }
    };
    let mut json = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    json.push('\n');
    json
}

pub fn run(kind: SchemaKind, io: &mut Io) -> Result<Exit, Error> {
    crate::print(io.out, &schema(kind))?;
    Ok(Exit::Ok)
}
