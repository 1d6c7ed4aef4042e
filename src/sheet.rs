//! The answers sheet: a questionnaire as a CSV file that a team fills in a spreadsheet
//! (`mognad template`), and such a file read back into answers (`mognad import`).
//!
//! The file is made as Excel with Swedish settings reads and writes it: UTF-8 with a byte
//! order mark, `;` between cells, CRLF between rows, line breaks inside quoted cells. Reading
//! is forgiving where Excel and people are (`;`, `,` or tab between cells, headers in either
//! language and any order, rows cut short, a decimal comma) and strict where a guess could
//! change an answer (another encoding, a word that is no answer). Every problem is collected
//! with its row and column as the spreadsheet shows them. Typed answers are read with the
//! interview's own words and parsing, so a sheet and the interview accept the same answers.
//! Pure: values in, bytes or answers out.

use std::collections::HashMap;

use indexmap::IndexMap;
use unicode_normalization::UnicodeNormalization;

use crate::answers::{self, Answer, Answers, QuestionnaireRef, Respondent, Solution};
use crate::answers::{self as choices, Choice};
use crate::lang::{Lang, Text};
use crate::problem::{SheetColumn, SheetProblem, SheetProblemKind as K};
use crate::questionnaire::{Condition, Kind, Question, QuestionKind, Questionnaire};

const BOM: &[u8] = "\u{feff}".as_bytes();

/// The columns, in the order the template writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Id,
    Area,
    Question,
    Condition,
    Guidance,
    Levels,
    Allowed,
    Answer,
    Comment,
    Evidence,
}

impl Column {
    pub const ALL: [Column; 10] = [
        Column::Id,
        Column::Area,
        Column::Question,
        Column::Condition,
        Column::Guidance,
        Column::Levels,
        Column::Allowed,
        Column::Answer,
        Column::Comment,
        Column::Evidence,
    ];

    /// The header, as the template writes it in each language.
    pub fn name(self, lang: Lang) -> &'static str {
        let (sv, en) = match self {
            Column::Id => ("id", "id"),
            Column::Area => ("område", "area"),
            Column::Question => ("fråga", "question"),
            Column::Condition => ("villkor", "condition"),
            Column::Guidance => ("vägledning", "guidance"),
            Column::Levels => ("nivåer", "levels"),
            Column::Allowed => ("svarsalternativ", "allowed answers"),
            Column::Answer => ("svar", "answer"),
            Column::Comment => ("kommentar", "comment"),
            Column::Evidence => ("underlag", "evidence"),
        };
        lang.pick(sv, en)
    }

    /// The columns `import` needs; the others are read when present or only help the team.
    fn required(self) -> bool {
        matches!(self, Column::Id | Column::Answer)
    }

    /// The column a header names, in either language, ignoring case and spaces around it.
    fn of_header(header: &str) -> Option<Column> {
        let header = normalize(header);
        Column::ALL
            .into_iter()
            .find(|c| header == c.name(Lang::Sv) || header == c.name(Lang::En))
    }
}

/// The rows above the questions that say what the answers are about. Their id starts with
/// `#` and their value is in the answer column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Questionnaire,
    Region,
    Year,
    Respondent,
    Solution,
    TargetGroup,
}

impl Key {
    const ALL: [Key; 6] = [
        Key::Questionnaire,
        Key::Region,
        Key::Year,
        Key::Respondent,
        Key::Solution,
        Key::TargetGroup,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Key::Questionnaire => "#questionnaire",
            Key::Region => "#region",
            Key::Year => "#year",
            Key::Respondent => "#respondent",
            Key::Solution => "#solution",
            Key::TargetGroup => "#target_group",
        }
    }

    fn of_id(id: &str) -> Option<Key> {
        let id = normalize(id);
        Key::ALL.into_iter().find(|k| k.id() == id)
    }

    /// What the row asks, in the question column.
    fn text(self, lang: Lang) -> &'static str {
        match self {
            Key::Questionnaire => lang.pick(
                "Enkät och version som svarsbladet gäller (ändra inte)",
                "Questionnaire and version the sheet is for (do not change)",
            ),
            Key::Region => lang.pick(
                "Regionen, kommunen eller vårdgivaren som svarar",
                "The region, municipality or provider answering",
            ),
            Key::Year => lang.pick("Året som bedömningen gäller", "The year the assessment describes"),
            Key::Respondent => lang.pick(
                "Vem som svarar: namn, komma, roll (valfritt; en rad per person, kopiera raden för fler)",
                "Who answers: name, comma, role (optional; one row per person, copy the row for more)",
            ),
            Key::Solution => lang.pick(
                "Lösningen som bedöms, till exempel distansmonitorering vid hjärtsvikt",
                "The solution assessed, for example remote monitoring of heart failure",
            ),
            Key::TargetGroup => lang.pick(
                "Målgruppen, till exempel patienter med hjärtsvikt i primärvården",
                "The target group, for example patients with heart failure in primary care",
            ),
        }
    }

    fn allowed(self, lang: Lang) -> &'static str {
        match self {
            Key::Questionnaire => lang.pick("ändra inte", "do not change"),
            Key::Year => "2000–2100",
            Key::Respondent => lang.pick(
                "till exempel: Anna Andersson, CIO",
                "for example: Anna Andersson, CIO",
            ),
            Key::Region | Key::Solution | Key::TargetGroup => lang.pick("fri text", "free text"),
        }
    }

    /// The key rows of a questionnaire, in the order the template writes them.
    fn of(q: &Questionnaire) -> Vec<Key> {
        let mut keys = vec![Key::Questionnaire, Key::Region, Key::Year, Key::Respondent];
        if q.kind == Kind::Readiness {
            keys.extend([Key::Solution, Key::TargetGroup]);
        }
        keys
    }
}

/// What is known when the sheet is made, written into its key rows for the team to check.
#[derive(Clone, Debug, Default)]
pub struct Prefill {
    pub region: Option<String>,
    pub year: Option<i32>,
    pub respondent: Option<Respondent>,
    /// The areas that get a row for their target, after their last question: the areas the
    /// rubric scores. None gets one when empty.
    pub target_areas: Vec<String>,
}

/// The start of a target row's id: `#target:a1` holds area `a1`'s target.
const TARGET: &str = "#target:";

/// The area a target row's id names: `a1` for `#target:a1` (case and spaces as written
/// elsewhere in the id column do not matter).
fn target_area(id: &str) -> Option<&str> {
    let id = id.trim();
    let (head, area) = id.split_at_checked(TARGET.len())?;
    head.eq_ignore_ascii_case(TARGET).then(|| area.trim())
}

/// The sheet for a questionnaire: a header, the key rows, then one row per question in the
/// order asked, as CSV bytes for Excel with Swedish settings. The same input always gives the
/// same bytes.
pub fn template(q: &Questionnaire, prefill: &Prefill, lang: Lang) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    let mut write = |row: [String; 10]| {
        writer
            .write_record(&row)
            .expect("a CSV in memory is always written");
    };
    write(Column::ALL.map(|c| c.name(lang).to_string()));
    for key in Key::of(q) {
        let value = match key {
            Key::Questionnaire => format!("{} {}", q.id, q.version),
            Key::Region => prefill.region.clone().unwrap_or_default(),
            Key::Year => prefill.year.map(|y| y.to_string()).unwrap_or_default(),
            Key::Respondent => prefill.respondent.as_ref().map_or_else(String::new, |r| {
                if r.role.is_empty() {
                    r.name.clone()
                } else {
                    format!("{}, {}", r.name, r.role)
                }
            }),
            Key::Solution | Key::TargetGroup => String::new(),
        };
        write(Column::ALL.map(|column| match column {
            Column::Id => key.id().to_string(),
            Column::Question => key.text(lang).to_string(),
            Column::Allowed => key.allowed(lang).to_string(),
            Column::Answer => value.clone(),
            _ => String::new(),
        }));
    }
    for area in &q.areas {
        for question in &area.questions {
            write(Column::ALL.map(|column| {
                match column {
                    Column::Id => question.id.clone(),
                    Column::Area => format!("{} {}", area.number, area.title.get(lang)),
                    Column::Question => question.text.get(lang).to_string(),
                    Column::Condition => question
                        .show_if
                        .as_ref()
                        .map(|c| {
                            format!(
                                "{} {}",
                                lang.pick("Besvaras bara om", "Answer only if"),
                                condition_text(q, c, lang)
                            )
                        })
                        .unwrap_or_default(),
                    Column::Guidance => format!(
                        "{}\n{}: {}",
                        question.help.get(lang),
                        lang.pick("Titta på", "Look at"),
                        question.evidence.get(lang)
                    ),
                    Column::Levels => question
                        .levels
                        .iter()
                        .enumerate()
                        .map(|(level, text)| format!("{level}: {}", text.get(lang)))
                        .collect::<Vec<_>>()
                        .join("\n"),
                    Column::Allowed => {
                        let mut list = allowed(question, lang);
                        list.extend(needs_evidence(question, lang));
                        list.join("\n")
                    }
                    Column::Answer | Column::Comment | Column::Evidence => String::new(),
                }
            }));
        }
        if prefill.target_areas.contains(&area.id) {
            write(Column::ALL.map(|column| {
                match column {
                    Column::Id => format!("{TARGET}{}", area.id),
                    Column::Area => format!("{} {}", area.number, area.title.get(lang)),
                    Column::Question => lang
                        .pick(
                            "Mål för området: den nivå 1–5 ni vill nå (valfritt)",
                            "Target for the area: the level 1–5 you mean to reach (optional)",
                        )
                        .to_string(),
                    Column::Allowed => lang
                        .pick(
                            "1–5, eller tomt för inget mål",
                            "1–5, or empty for no target",
                        )
                        .to_string(),
                    _ => String::new(),
                }
            }));
        }
    }
    writer
        .into_inner()
        .expect("a CSV in memory is always written")
}

/// Which answers need evidence, for the allowed answers column: `Nej kräver underlag; utan
/// underlag räknas svaret som Vet ej`.
fn needs_evidence(question: &Question, lang: Lang) -> Option<String> {
    let words: Vec<String> = question
        .evidence_required
        .iter()
        .filter_map(|value| {
            let answer = choices::answer_of(&Choice::Value(value.as_str().into()));
            choices::answer_words(question, &answer, lang, false)
        })
        .collect();
    if words.is_empty() {
        return None;
    }
    let words = words.join(lang.pick(" och ", " and "));
    Some(match lang {
        Lang::Sv => format!("{words} kräver underlag; utan underlag räknas svaret som Vet ej"),
        Lang::En => format!("{words} needs evidence; without it the answer counts as Don't know"),
    })
}

/// The answers a question takes, in words, as the allowed answers column lists them.
fn allowed(question: &Question, lang: Lang) -> Vec<String> {
    let mut list = match question.kind {
        QuestionKind::Scale => vec![
            lang.pick("0–5 (se nivåerna)", "0–5 (see the levels)")
                .into(),
        ],
        QuestionKind::YesNo | QuestionKind::Choice => values(question)
            .into_iter()
            .map(|v| words(question, &Choice::Value(v), lang, false))
            .collect(),
        QuestionKind::Number => vec![number_range(question, lang)],
        QuestionKind::Text => vec![lang.pick("fri text", "free text").into()],
    };
    if question.dont_know {
        list.push(words(question, &Choice::DontKnow, lang, false));
    }
    if question.not_applicable {
        list.push(words(question, &Choice::NotApplicable, lang, false));
    }
    list
}

/// `ett heltal 0–100 (procent)`.
fn number_range(question: &Question, lang: Lang) -> String {
    let kind = if question.integer {
        lang.pick("ett heltal", "a whole number")
    } else {
        lang.pick("ett tal", "a number")
    };
    let range = match (question.min, question.max) {
        (Some(min), Some(max)) => format!(" {}–{}", number(min, lang), number(max, lang)),
        (Some(min), None) => format!(" {} {}", lang.pick("minst", "at least"), number(min, lang)),
        (None, Some(max)) => format!(" {} {}", lang.pick("högst", "at most"), number(max, lang)),
        (None, None) => String::new(),
    };
    let unit = question
        .unit
        .as_ref()
        .map(|u| format!(" ({})", u.get(lang)))
        .unwrap_or_default();
    format!("{kind}{range}{unit}")
}

/// A number as the team writes it: `2,5` in Swedish, `2.5` in English, `100` when whole.
fn number(value: f64, lang: Lang) -> String {
    let text = value.to_string();
    match lang {
        Lang::Sv => text.replace('.', ","),
        Lang::En => text,
    }
}

/// `a5-egenmonitorering (Egenmonitorering påbörjad) är Ja`.
fn condition_text(q: &Questionnaire, condition: &Condition, lang: Lang) -> String {
    let target = q.question(&condition.question);
    let name = match target.and_then(|t| t.label.as_ref()) {
        Some(label) => format!("{} ({})", condition.question, label.get(lang)),
        None => condition.question.clone(),
    };
    let test = if let Some(values) = &condition.any_of {
        let words: Vec<String> = values
            .iter()
            .map(|v| match target {
                Some(t) => words(t, &Choice::Value(v.clone()), lang, false),
                None => v.to_string(),
            })
            .collect();
        format!(
            "{} {}",
            lang.pick("är", "is"),
            words.join(lang.pick(" eller ", " or "))
        )
    } else if let Some(min) = condition.at_least {
        format!(
            "{} {}",
            lang.pick("är minst", "is at least"),
            number(min, lang)
        )
    } else if let Some(max) = condition.at_most {
        format!(
            "{} {}",
            lang.pick("är högst", "is at most"),
            number(max, lang)
        )
    } else {
        String::new()
    };
    format!("{name} {test}")
}

/// A choice in words, as the interview and the report say it.
fn words(question: &Question, choice: &Choice, lang: Lang, full: bool) -> String {
    choices::answer_words(question, &choices::answer_of(choice), lang, full).unwrap_or_default()
}

/// The values of a question with a closed set of answers, typed as the answers file keeps
/// them: levels as integers, the rest as strings.
fn values(question: &Question) -> Vec<serde_json::Value> {
    match question.kind {
        QuestionKind::Scale => (0..=5u8).map(serde_json::Value::from).collect(),
        _ => question
            .closed_values()
            .unwrap_or_default()
            .into_iter()
            .map(serde_json::Value::from)
            .collect(),
    }
}

/// A sheet as read: its rows with the numbers a spreadsheet shows, and where each column is.
#[derive(Clone, Debug)]
pub struct Sheet {
    /// The headers as written, for messages.
    headers: Vec<String>,
    columns: HashMap<Column, usize>,
    /// The rows after the header that are not empty.
    rows: Vec<Row>,
}

#[derive(Clone, Debug)]
struct Row {
    number: usize,
    cells: Vec<String>,
}

/// Reads a sheet: the encoding, the separator, the header and the rows. Problems here are
/// of the file as a whole; what the rows say is checked by [`answers`].
pub fn read(bytes: &[u8]) -> Result<Sheet, Vec<SheetProblem>> {
    let mut bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let first_line = first_line.strip_suffix(b"\r").unwrap_or(first_line);
    // `sep=;` on the first line is how some tools tell Excel the separator; Excel reads it,
    // does not show it as a row, and does not save it again.
    let separator = if let [b's', b'e', b'p', b'=', separator] = first_line {
        bytes = &bytes[(first_line.len() + 1).min(bytes.len())..];
        bytes = bytes.strip_prefix(b"\n").unwrap_or(bytes);
        *separator
    } else {
        separator(first_line)
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = Vec::new();
    let mut record = csv::ByteRecord::new();
    let mut counter = RowCounter {
        bytes,
        separator,
        at: 0,
        quoted: false,
        cell_start: true,
        row: 1,
    };
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => {
                return Err(vec![SheetProblem::new(
                    None,
                    None,
                    K::Unreadable {
                        message: error.to_string(),
                    },
                )]);
            }
        }
        // A record's position is where the one before it ended; it starts after the line
        // ends and empty lines that follow.
        let mut start = record
            .position()
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let number = counter.row_at(start);
        let mut cells: Vec<String> = Vec::with_capacity(record.len());
        for (index, cell) in record.iter().enumerate() {
            match std::str::from_utf8(cell) {
                // Composed, so that an å typed on a Mac (an a and a ring) matches the å of
                // a level name or option.
                Ok(cell) => cells.push(cell.replace("\r\n", "\n").nfc().collect()),
                // One is enough: the whole file is in another encoding.
                Err(_) => {
                    return Err(vec![SheetProblem::new(
                        Some(number),
                        Some(SheetColumn { index, name: None }),
                        K::NotUtf8,
                    )]);
                }
            }
        }
        if cells.iter().any(|c| !c.trim().is_empty()) {
            rows.push(Row { number, cells });
        }
    }
    if rows.is_empty() {
        return Err(vec![SheetProblem::new(None, None, K::Empty)]);
    }
    let header = rows.remove(0);
    let mut problems = Vec::new();
    let mut columns = HashMap::new();
    for (index, name) in header.cells.iter().enumerate() {
        let Some(column) = Column::of_header(name) else {
            continue;
        };
        if columns.insert(column, index).is_some() {
            problems.push(SheetProblem::new(
                Some(header.number),
                Some(SheetColumn {
                    index,
                    name: Some(name.clone()),
                }),
                K::DuplicateColumn {
                    name: name.trim().to_string(),
                },
            ));
        }
    }
    for column in Column::ALL {
        if column.required() && !columns.contains_key(&column) {
            problems.push(SheetProblem::new(
                Some(header.number),
                None,
                K::MissingColumn {
                    sv: column.name(Lang::Sv),
                    en: column.name(Lang::En),
                },
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Sheet {
        headers: header.cells,
        columns,
        rows,
    })
}

/// Counts rows as a spreadsheet shows them: every line end outside a quoted cell starts a
/// row, empty lines too. (The CSV reader's own line count skips empty lines and counts line
/// breaks inside cells.) Quotes are read as the CSV reader reads them: a cell is quoted when
/// it starts with `"`, and `""` inside it is a quote.
struct RowCounter<'a> {
    bytes: &'a [u8],
    separator: u8,
    at: usize,
    quoted: bool,
    cell_start: bool,
    row: usize,
}

impl RowCounter<'_> {
    /// The row at a byte offset, which is never before the last one asked for.
    fn row_at(&mut self, offset: usize) -> usize {
        while self.at < offset.min(self.bytes.len()) {
            let byte = self.bytes[self.at];
            let next = self.bytes.get(self.at + 1).copied();
            if self.quoted {
                if byte == b'"' {
                    if next == Some(b'"') {
                        self.at += 1;
                    } else {
                        self.quoted = false;
                    }
                }
            } else if byte == b'\n' || (byte == b'\r' && next != Some(b'\n')) {
                self.row += 1;
                self.cell_start = true;
            } else if byte == self.separator {
                self.cell_start = true;
            } else if byte != b'\r' {
                self.quoted = byte == b'"' && self.cell_start;
                self.cell_start = false;
            }
            self.at += 1;
        }
        self.row
    }
}

/// The separator of a header line: the most frequent of `;`, `,` and tab outside quotes,
/// `;` when there is none.
fn separator(line: &[u8]) -> u8 {
    let mut counts = [(b';', 0), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in line {
        if *byte == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(count) = counts.iter_mut().find(|(s, _)| s == byte) {
            count.1 += 1;
        }
    }
    // The first of the most frequent: `;` wins a tie.
    counts
        .iter()
        .fold(
            (b';', 0),
            |best, &(s, n)| if n > best.1 { (s, n) } else { best },
        )
        .0
}

impl Sheet {
    fn cell<'r>(&self, row: &'r Row, column: Column) -> &'r str {
        self.columns
            .get(&column)
            .and_then(|&index| row.cells.get(index))
            .map_or("", String::as_str)
    }

    fn column(&self, column: Column) -> Option<SheetColumn> {
        self.columns.get(&column).map(|&index| SheetColumn {
            index,
            name: self.headers.get(index).cloned(),
        })
    }

    fn problem(&self, row: &Row, column: Column, kind: K) -> SheetProblem {
        SheetProblem::new(Some(row.number), self.column(column), kind)
    }

    fn key_row(&self, key: Key) -> Option<&Row> {
        self.rows
            .iter()
            .find(|row| Key::of_id(self.cell(row, Column::Id)) == Some(key))
    }

    /// The questionnaire the sheet names in its `#questionnaire` row: its id, and its version
    /// when given.
    pub fn questionnaire(&self) -> Option<(String, Option<String>)> {
        let row = self.key_row(Key::Questionnaire)?;
        let mut words = self.cell(row, Column::Answer).split_whitespace();
        let id = words.next()?.to_string();
        Some((id, words.next().map(str::to_string)))
    }
}

/// Answers read from a sheet, with what is worth knowing about it.
#[derive(Clone, Debug)]
pub struct Imported {
    pub answers: Answers,
    pub warnings: Vec<SheetProblem>,
}

/// The answers a sheet holds for a questionnaire, dated `date`: every row checked, every
/// problem collected. Answers only when there is no error; then they are what the interview
/// would have saved for the same answers.
pub fn answers(
    sheet: &Sheet,
    q: &Questionnaire,
    date: Option<String>,
) -> Result<Imported, Vec<SheetProblem>> {
    let mut problems = Vec::new();
    // The first row of each question id and key.
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut keys: HashMap<Key, (&Row, String)> = HashMap::new();
    let mut respondents = Vec::new();
    // (row, question id, answer) in the order of the rows.
    let mut found: Vec<(&Row, &Question, Answer)> = Vec::new();
    let mut targets: IndexMap<String, u8> = IndexMap::new();
    let expected_keys = Key::of(q);

    for row in &sheet.rows {
        let id = sheet.cell(row, Column::Id).trim();
        let answer = sheet.cell(row, Column::Answer).trim();
        let comment = note(sheet.cell(row, Column::Comment));
        let evidence = note(sheet.cell(row, Column::Evidence));
        if id.is_empty() {
            if !answer.is_empty() || comment.is_some() || evidence.is_some() {
                problems.push(sheet.problem(row, Column::Id, K::MissingId));
            }
            continue;
        }
        let key = Key::of_id(id);
        if key != Some(Key::Respondent) {
            let name = key.map_or_else(|| id.to_string(), |k| k.id().to_string());
            if let Some(&first) = first.get(&name) {
                problems.push(sheet.problem(row, Column::Id, K::DuplicateRow { id: name, first }));
                continue;
            }
            first.insert(name, row.number);
        }
        if let Some(area) = target_area(id) {
            match (q.area(area), answer) {
                (None, _) => problems.push(sheet.problem(
                    row,
                    Column::Id,
                    K::UnknownTargetArea {
                        id: area.to_string(),
                    },
                )),
                (Some(_), "") => {}
                (Some(found), answer) => match answer.parse::<u8>() {
                    Ok(level) if crate::targets::LEVELS.contains(&level) => {
                        targets.insert(found.id.clone(), level);
                    }
                    _ => problems.push(sheet.problem(
                        row,
                        Column::Answer,
                        K::BadTarget {
                            found: answer.to_string(),
                        },
                    )),
                },
            }
            continue;
        }
        if id.starts_with('#') {
            match key {
                None => problems.push(sheet.problem(
                    row,
                    Column::Id,
                    K::UnknownKey {
                        key: id.to_string(),
                    },
                )),
                Some(Key::Respondent) => {
                    if let Some((name, role)) = respondent(answer) {
                        respondents.push(Respondent { name, role });
                    }
                }
                Some(key) if !expected_keys.contains(&key) => {
                    if !answer.is_empty() {
                        problems.push(sheet.problem(
                            row,
                            Column::Answer,
                            K::KeyNotExpected { key: key.id() },
                        ));
                    }
                }
                Some(key) => {
                    keys.insert(key, (row, answer.to_string()));
                }
            }
            continue;
        }
        let Some(question) = q.question(id) else {
            problems.push(sheet.problem(
                row,
                Column::Id,
                K::UnknownQuestion { id: id.to_string() },
            ));
            continue;
        };
        match parse(question, answer) {
            Ok(Some(choice)) => found.push((
                row,
                question,
                Answer {
                    comment,
                    evidence,
                    ..choices::answer_of(&choice)
                },
            )),
            Ok(None) => {
                if comment.is_some() || evidence.is_some() {
                    let column = if comment.is_some() {
                        Column::Comment
                    } else {
                        Column::Evidence
                    };
                    problems.push(sheet.problem(row, column, K::NoteWithoutAnswer));
                }
            }
            Err(()) => problems.push(sheet.problem(
                row,
                Column::Answer,
                K::BadAnswer {
                    found: answer.to_string(),
                    allowed: Text::new(
                        allowed(question, Lang::Sv).join(", "),
                        allowed(question, Lang::En).join(", "),
                    ),
                },
            )),
        }
    }

    // What the key rows say.
    let mut value = |key: Key| -> Option<(&Row, String)> {
        match keys.get(&key) {
            Some((row, value)) if !value.is_empty() => Some((row, value.clone())),
            Some((row, _)) => {
                problems.push(sheet.problem(
                    row,
                    Column::Answer,
                    K::MissingValue { key: key.id() },
                ));
                None
            }
            None => {
                problems.push(SheetProblem::new(
                    None,
                    None,
                    K::MissingValue { key: key.id() },
                ));
                None
            }
        }
    };
    let region = value(Key::Region);
    let year = value(Key::Year);
    let solution = if q.kind == Kind::Readiness {
        let name = value(Key::Solution);
        let target_group = value(Key::TargetGroup);
        name.zip(target_group)
            .map(|((_, name), (_, target_group))| Solution {
                name,
                target_group,
                description: None,
            })
    } else {
        None
    };
    let year = year.and_then(|(row, text)| match text.parse::<i32>() {
        Ok(year) if (2000..=2100).contains(&year) => Some(year),
        _ => {
            problems.push(sheet.problem(row, Column::Answer, K::BadYear { found: text }));
            None
        }
    });
    if let Some(row) = sheet.key_row(Key::Questionnaire)
        && let Some((id, version)) = sheet.questionnaire()
    {
        if id != q.id {
            problems.push(sheet.problem(
                row,
                Column::Answer,
                K::OtherQuestionnaire {
                    found: id,
                    expected: q.id.clone(),
                },
            ));
        } else if let Some(version) = version.filter(|v| *v != q.version) {
            problems.push(sheet.problem(
                row,
                Column::Answer,
                K::OtherVersion {
                    found: version,
                    current: q.version.clone(),
                },
            ));
        }
    }

    // The answers in the questionnaire's order, as the interview keeps them.
    let order: HashMap<&str, usize> = q
        .questions()
        .enumerate()
        .map(|(i, (_, question))| (question.id.as_str(), i))
        .collect();
    found.sort_by_key(|(_, question, _)| order[question.id.as_str()]);
    let answers = Answers {
        format: answers::FORMAT.to_string(),
        questionnaire: QuestionnaireRef {
            id: q.id.clone(),
            version: q.version.clone(),
            hash: Some(q.content_hash()),
        },
        region: region.map(|(_, region)| region).unwrap_or_default(),
        year: year.unwrap_or_default(),
        date,
        respondents,
        solution,
        note: None,
        example: false,
        merge: None,
        // In the questionnaire's order, as the interview keeps them.
        targets: q
            .areas
            .iter()
            .filter_map(|area| Some((area.id.clone(), *targets.get(&area.id)?)))
            .collect(),
        answers: found
            .iter()
            .map(|(_, question, answer)| (question.id.clone(), answer.clone()))
            .collect(),
        drafts: indexmap::IndexMap::new(),
        position: None,
    };
    // A value to a question that is not asked would not count; the interview never keeps one.
    for (row, question, answer) in &found {
        if answer.value.is_some()
            && let Some(condition) = &question.show_if
            && !q.is_asked(question, &answers)
        {
            problems.push(sheet.problem(
                row,
                Column::Answer,
                K::NotAsked {
                    condition: Text::new(
                        condition_text(q, condition, Lang::Sv),
                        condition_text(q, condition, Lang::En),
                    ),
                },
            ));
        }
    }
    // An answer that needs evidence counts as *Vet ej* without it: said, not refused.
    for (row, question, answer) in &found {
        if question.lacks_evidence(answer) && q.is_asked(question, &answers) {
            let words = |lang| choices::answer_words(question, answer, lang, false);
            problems.push(sheet.problem(
                row,
                Column::Evidence,
                K::EvidenceMissing {
                    answer: Text::new(
                        words(Lang::Sv).unwrap_or_default(),
                        words(Lang::En).unwrap_or_default(),
                    ),
                },
            ));
        }
    }
    problems.sort_by_key(|p| p.row.unwrap_or(0));
    if problems
        .iter()
        .any(|p| p.severity() == crate::problem::Severity::Error)
    {
        return Err(problems);
    }
    Ok(Imported {
        answers,
        warnings: problems,
    })
}

/// `Anna Andersson, CIO`: the name before the first comma, the role after it.
fn respondent(cell: &str) -> Option<(String, String)> {
    let (name, role) = cell.split_once(',').unwrap_or((cell, ""));
    let name = name.trim();
    (!name.is_empty()).then(|| (name.to_string(), role.trim().to_string()))
}

/// A comment or evidence note as kept: trimmed, and none when blank.
fn note(cell: &str) -> Option<String> {
    let cell = cell.trim();
    (!cell.is_empty()).then(|| cell.to_string())
}

/// The choice a cell holds: `Ok(None)` when it is empty, `Err(())` when it is no possible
/// answer to the question.
fn parse(question: &Question, cell: &str) -> Result<Option<Choice>, ()> {
    let typed = cell.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    let wanted = normalize(typed);
    let choice = candidates(question)
        .into_iter()
        .find(|(_, words)| words.iter().any(|w| normalize(w) == wanted))
        .map(|(choice, _)| choice)
        .or_else(|| level_with_text(question, typed))
        .or_else(|| match question.kind {
            QuestionKind::Number | QuestionKind::Text => choices::typed(question, typed),
            _ => None,
        });
    match choice {
        Some(choice) if choices::fits(question, &choice) => Ok(Some(choice)),
        _ => Err(()),
    }
}

/// Every choice with a closed set of words, with those words: the value as the answers file
/// writes it (`3`, `yes`, an option's id), and as the interview says it in both languages,
/// short and full (`Ja`, `Yes`, an option's label, `3 – …`, `Vet ej`, `Don't know`).
fn candidates(question: &Question) -> Vec<(Choice, Vec<String>)> {
    let mut list: Vec<(Choice, Vec<String>)> = values(question)
        .into_iter()
        .map(|value| {
            let key = answers::Value(value.clone()).key();
            (Choice::Value(value), vec![key])
        })
        .collect();
    list.push((Choice::DontKnow, vec!["dont_know".into()]));
    list.push((Choice::NotApplicable, vec!["not_applicable".into()]));
    for (choice, words_of_choice) in &mut list {
        for lang in [Lang::Sv, Lang::En] {
            for full in [false, true] {
                words_of_choice.push(words(question, choice, lang, full));
            }
        }
    }
    list
}

/// A level followed by text that begins its descriptor, as `3 – Det finns en beslutad plan`
/// or a descriptor cut short: the level. `35` or `3,5` is no level.
fn level_with_text(question: &Question, typed: &str) -> Option<Choice> {
    if question.kind != QuestionKind::Scale {
        return None;
    }
    let mut chars = typed.chars();
    let level = chars.next()?.to_digit(10).filter(|l| *l <= 5)?;
    let after = chars.as_str();
    let text = after.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '–' | '—' | '-' | ':' | '.' | ')')
    });
    if text.len() == after.len() {
        return None;
    }
    let text = normalize(text);
    let text = text.trim_end_matches(['…', '.']).trim_end();
    let descriptor = question.levels.get(level as usize)?;
    [Lang::Sv, Lang::En]
        .into_iter()
        .any(|lang| normalize(descriptor.get(lang)).starts_with(text))
        .then(|| Choice::Value(level.into()))
}

/// Text as compared: lowercase, one space between words, dashes and apostrophes as typed on
/// a keyboard (Excel's autocorrect makes `Don't` into `Don’t` and `-` into `–`).
fn normalize(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace(['–', '—'], "-")
        .replace('’', "'")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::document::{Document, parse as parse_document};

    /// One question of each kind: a scale, a yes/no with partly, a choice, a number asked only
    /// after yes or partly, and text.
    fn questionnaire(kind: &str) -> Questionnaire {
        let text = |t: &str| json!({"sv": format!("{t} sv"), "en": format!("{t} en")});
        let question = |id: &str, kind: &str| json!({"id": id, "kind": kind, "text": text(id), "help": text("hjälp"), "evidence": text("belägg")});
        let mut scale = question("s", "scale");
        scale["levels"] = json!((0..6)
            .map(|l| json!({"sv": format!("Nivå {l}; med semikolon"), "en": format!("Level {l}")}))
            .collect::<Vec<_>>());
        scale["not_applicable"] = json!(true);
        let mut yes_no = question("yn", "yes_no");
        yes_no["partly"] = json!(true);
        yes_no["label"] = text("Ja eller nej");
        let mut choice = question("c", "choice");
        choice["options"] = json!([
            {"id": "i_drift", "label": {"sv": "I drift", "en": "In operation"}},
            {"id": "planerad", "label": {"sv": "Planerad", "en": "Planned"}}
        ]);
        choice["dont_know"] = json!(false);
        let mut number = question("n", "number");
        number["min"] = json!(0);
        number["max"] = json!(100);
        number["integer"] = json!(true);
        number["unit"] = json!({"sv": "procent", "en": "per cent"});
        number["show_if"] = json!({"question": "yn", "any_of": ["yes", "partly"]});
        let mut decimal = question("d", "number");
        decimal["min"] = json!(0);
        let value = json!({
            "format": "mognad.questionnaire/1", "id": "t", "version": "1", "kind": kind,
            "title": text("T"), "description": text("D"),
            "areas": [{"id": "a", "number": 1, "title": {"sv": "Område å", "en": "Area"},
                "description": text("A"),
                "questions": [scale, yes_no, choice, number, decimal, question("x", "text")]}]
        });
        match parse_document(&value.to_string()).unwrap() {
            Document::Questionnaire(q) => q,
            _ => unreachable!(),
        }
    }

    fn csv(rows: &[&str]) -> Vec<u8> {
        let mut text = String::from("\u{feff}id;svar;kommentar;underlag\r\n");
        text.push_str("#questionnaire;t 1\r\n#region;Region Västerås\r\n#year;2025\r\n");
        for row in rows {
            text.push_str(row);
            text.push_str("\r\n");
        }
        text.into_bytes()
    }

    fn import(bytes: &[u8]) -> Result<Imported, Vec<SheetProblem>> {
        let q = questionnaire("maturity");
        answers(&read(bytes)?, &q, None)
    }

    fn value(imported: &Imported, id: &str) -> serde_json::Value {
        imported.answers.answers[id]
            .value
            .as_ref()
            .map_or(serde_json::Value::Null, |v| v.0.clone())
    }

    fn kinds(problems: &[SheetProblem]) -> Vec<(Option<usize>, Option<String>, K)> {
        problems
            .iter()
            .map(|p| {
                (
                    p.row,
                    p.column.as_ref().map(SheetColumn::letter),
                    p.kind.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn the_template_is_for_excel_with_swedish_settings() {
        let q = questionnaire("maturity");
        let bytes = template(&q, &Prefill::default(), Lang::Sv);
        let text = std::str::from_utf8(&bytes).unwrap();
        assert!(text.starts_with("\u{feff}id;område;fråga;villkor;vägledning;nivåer;svarsalternativ;svar;kommentar;underlag\r\n"), "{text}");
        // Cells with `;` or line breaks are quoted; line breaks inside a cell are LF only.
        assert!(
            text.contains("\"0: Nivå 0; med semikolon\n1: Nivå 1; med semikolon\n"),
            "{text}"
        );
        assert!(
            text.contains(";Besvaras bara om yn (Ja eller nej sv) är Ja eller Delvis;"),
            "{text}"
        );
        assert!(
            text.contains("\"ett heltal 0–100 (procent)\nVet ej\""),
            "{text}"
        );
        assert!(
            text.contains("\"I drift\nPlanerad\""),
            "no Vet ej where it is not allowed: {text}"
        );
        assert!(text.contains("#questionnaire;;Enkät och version"), "{text}");
        assert!(text.contains(";t 1;;\r\n"), "{text}");
        assert_eq!(
            template(&q, &Prefill::default(), Lang::Sv),
            bytes,
            "deterministic"
        );
        let english = template(&q, &Prefill::default(), Lang::En);
        let english = std::str::from_utf8(&english).unwrap();
        assert!(english.contains(
            "id;area;question;condition;guidance;levels;allowed answers;answer;comment;evidence\r\n"
        ));
        assert!(english.contains("Answer only if yn (Ja eller nej en) is Yes or Partly"));
    }

    #[test]
    fn an_empty_template_reads_back_as_no_answers_once_region_and_year_are_filled() {
        let q = questionnaire("maturity");
        let prefill = Prefill {
            region: Some("Region Östergötland".into()),
            year: Some(2026),
            respondent: Some(Respondent {
                name: "Åsa Öberg".into(),
                role: "CMIO, primärvården".into(),
            }),
            target_areas: Vec::new(),
        };
        for lang in [Lang::Sv, Lang::En] {
            let sheet = read(&template(&q, &prefill, lang)).unwrap();
            assert_eq!(sheet.questionnaire(), Some(("t".into(), Some("1".into()))));
            let imported = answers(&sheet, &q, Some("2026-01-02".into())).unwrap();
            let a = imported.answers;
            assert_eq!((a.region.as_str(), a.year), ("Region Östergötland", 2026));
            assert_eq!(a.respondents[0].name, "Åsa Öberg");
            assert_eq!(a.respondents[0].role, "CMIO, primärvården");
            assert!(a.answers.is_empty());
            assert!(crate::validate::answers(&a, &q).is_empty());
        }
        // Without region and year, both are asked for by row.
        let sheet = read(&template(&q, &Prefill::default(), Lang::Sv)).unwrap();
        let problems = answers(&sheet, &q, None).unwrap_err();
        assert_eq!(
            kinds(&problems),
            [
                (
                    Some(3),
                    Some("H".into()),
                    K::MissingValue { key: "#region" }
                ),
                (Some(4), Some("H".into()), K::MissingValue { key: "#year" }),
            ]
        );
    }

    #[test]
    fn letters_typed_as_a_letter_and_a_mark_are_read_as_one() {
        // Excel on a Mac can keep "ä" as "a" and a combining diaeresis.
        let q = questionnaire("maturity");
        let prefill = Prefill {
            region: Some("Region O\u{308}stergo\u{308}tland".into()),
            year: Some(2026),
            respondent: None,
            target_areas: Vec::new(),
        };
        let template = template(&q, &prefill, Lang::Sv);
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .flexible(true)
            .from_reader(&template[3..]);
        let mut writer = ::csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(Vec::new());
        for record in reader.records() {
            let mut record: Vec<String> = record.unwrap().iter().map(String::from).collect();
            if record[0] == "s" {
                record[7] = "Ej tilla\u{308}mpligt".into();
            }
            writer.write_record(&record).unwrap();
        }
        let sheet = read(&writer.into_inner().unwrap()).unwrap();
        let a = answers(&sheet, &q, None).unwrap().answers;
        assert_eq!(a.region, "Region Östergötland");
        assert_eq!(a.answers["s"].status, Some(answers::Status::NotApplicable));
    }

    #[test]
    fn answers_are_read_in_the_interviews_words_in_either_language() {
        let cases: &[(&str, &str, serde_json::Value)] = &[
            ("s", "3", json!(3)),
            ("s", " 0 ", json!(0)),
            ("s", "4 – Nivå 4; med semikolon", json!(4)),
            ("s", "4 - level 4", json!(4)),
            ("s", "2: Nivå 2; med…", json!(2)),
            ("s", "5 –", json!(5)),
            ("yn", "Ja", json!("yes")),
            ("yn", "delvis", json!("partly")),
            ("yn", "NO", json!("no")),
            ("yn", "Partly", json!("partly")),
            ("c", "I drift", json!("i_drift")),
            ("c", "planned", json!("planerad")),
            ("c", "i_drift", json!("i_drift")),
            ("d", "2,5", json!(2.5)),
            ("d", "1 000", json!(1000)),
            ("d", "0.25", json!(0.25)),
            (
                "x",
                "Fritext; med semikolon",
                json!("Fritext; med semikolon"),
            ),
        ];
        let q = questionnaire("maturity");
        for (id, cell, expected) in cases {
            let question = q.question(id).unwrap();
            let choice = parse(question, cell).unwrap().unwrap();
            assert_eq!(choice, Choice::Value(expected.clone()), "{id}: {cell:?}");
        }
        let s = q.question("s").unwrap();
        for cell in ["Vet ej", "vet  EJ", "Don’t know", "don't know", "dont_know"] {
            assert_eq!(parse(s, cell), Ok(Some(Choice::DontKnow)), "{cell:?}");
        }
        for cell in ["Ej tillämpligt", "not applicable"] {
            assert_eq!(parse(s, cell), Ok(Some(Choice::NotApplicable)), "{cell:?}");
        }
        assert_eq!(parse(s, "  "), Ok(None));
        // What is no answer is refused, never guessed.
        for (id, cell) in [
            ("s", "6"),
            ("s", "35"),
            ("s", "3,5"),
            ("s", "3 – Nivå 2"),
            ("s", "tre"),
            ("yn", "kanske"),
            ("yn", "j"),
            ("c", "Vet ej"),
            ("c", "Ej tillämpligt"),
            ("n", "101"),
            ("n", "2,5"),
            ("n", "45 %"),
            ("d", "-1"),
        ] {
            let question = q.question(id).unwrap();
            assert_eq!(parse(question, cell), Err(()), "{id}: {cell:?}");
        }
    }

    #[test]
    fn a_sheet_as_excel_saves_it_is_read() {
        // Excel drops empty cells at the end of a row and quotes cells with `;`, `"` or line
        // breaks, which are LF inside a cell.
        let bytes = csv(&[
            "s;3;\"Beslut i RS; se \"\"protokoll\"\"\nrad två\";Dnr 12",
            "",
            "yn;Delvis",
            "n;45;Ungefär 5\" skärm",
            "c;Vet ej",
        ]);
        let err = import(&bytes).unwrap_err();
        assert_eq!(
            kinds(&err),
            [(
                Some(9),
                Some("B".into()),
                K::BadAnswer {
                    found: "Vet ej".into(),
                    allowed: Text::new("I drift, Planerad", "In operation, Planned")
                }
            )],
            "row 9: the multi-line cell is one row, the empty line is one"
        );
        let bytes = csv(&[
            "s;3;\"Beslut i RS; se \"\"protokoll\"\"\nrad två\";Dnr 12",
            "yn;Delvis",
            "n;45;\"Ungefär\"",
        ]);
        let imported = import(&bytes).unwrap();
        let s = &imported.answers.answers["s"];
        assert_eq!(
            s.comment.as_deref(),
            Some("Beslut i RS; se \"protokoll\"\nrad två")
        );
        assert_eq!(s.evidence.as_deref(), Some("Dnr 12"));
        assert_eq!(value(&imported, "n"), json!(45));
        assert_eq!(imported.answers.region, "Region Västerås");
        assert!(imported.warnings.is_empty());
    }

    #[test]
    fn the_separator_comes_from_the_header_line() {
        let comma = b"id,answer,comment\n#questionnaire,t 1\n#region,\"Region Syd, fiktiv\"\n#year,2025\nd,\"2,5\",\"a, b\"\n";
        let imported = import(comma).unwrap();
        assert_eq!(value(&imported, "d"), json!(2.5));
        assert_eq!(imported.answers.region, "Region Syd, fiktiv");
        let tab = b"answer\tid\nt\t#questionnaire\n2025\t#year\nRegion\t#region\n1\ts\n";
        let imported = import(tab).unwrap();
        assert_eq!(value(&imported, "s"), json!(1), "columns in any order");
        let sep = b"sep=,\r\nid,svar\r\n#questionnaire,t\r\n#region,R\r\n#year,2025\r\ns,x\r\n";
        let problems = import(sep).unwrap_err();
        assert_eq!(
            problems[0].row,
            Some(5),
            "Excel does not show the sep line as a row"
        );
        assert_eq!(separator(b"id;a,b;c"), b';');
        assert_eq!(separator(b"\"a;b\",c"), b',');
        assert_eq!(separator(b"id"), b';');
    }

    #[test]
    fn every_problem_is_given_with_row_and_column() {
        let bytes = csv(&[
            "s;7",
            "okand;3",
            "s;2",
            "#farg;blå",
            ";;en kommentar utan rad",
            "yn;;bara en kommentar",
            "n;50",
        ]);
        let problems = import(&bytes).unwrap_err();
        let found = kinds(&problems);
        let allowed = Text::new(
            "0–5 (se nivåerna), Vet ej, Ej tillämpligt",
            "0–5 (see the levels), Don't know, Not applicable",
        );
        assert_eq!(
            found,
            [
                (
                    Some(5),
                    Some("B".into()),
                    K::BadAnswer {
                        found: "7".into(),
                        allowed
                    }
                ),
                (
                    Some(6),
                    Some("A".into()),
                    K::UnknownQuestion { id: "okand".into() }
                ),
                (
                    Some(7),
                    Some("A".into()),
                    K::DuplicateRow {
                        id: "s".into(),
                        first: 5
                    }
                ),
                (
                    Some(8),
                    Some("A".into()),
                    K::UnknownKey {
                        key: "#farg".into()
                    }
                ),
                (Some(9), Some("A".into()), K::MissingId),
                (Some(10), Some("C".into()), K::NoteWithoutAnswer),
                (
                    Some(11),
                    Some("B".into()),
                    K::NotAsked {
                        condition: Text::new(
                            "yn (Ja eller nej sv) är Ja eller Delvis",
                            "yn (Ja eller nej en) is Yes or Partly"
                        )
                    }
                ),
            ]
        );
        let rendered = problems[0].render("svar.csv", Lang::Sv);
        assert_eq!(
            rendered.lines().next().unwrap(),
            "fel: svar.csv: rad 5, kolumn B (svar): `7` är inget möjligt svar på frågan; möjliga svar: 0–5 (se nivåerna), Vet ej, Ej tillämpligt"
        );
        assert!(
            problems[0]
                .render("svar.csv", Lang::En)
                .contains("row 5, column B (svar): `7` is not a possible answer")
        );
    }

    #[test]
    fn a_target_row_follows_its_areas_questions_and_reads_back() {
        let q = questionnaire("maturity");
        let prefill = Prefill {
            target_areas: vec!["a".into()],
            ..Prefill::default()
        };
        let bytes = template(&q, &prefill, Lang::Sv);
        let text = std::str::from_utf8(&bytes).unwrap();
        let last_question = text.find("\r\nx;").expect("the last question's row");
        let target = text
            .find("\r\n#target:a;1 Område å;Mål för området")
            .unwrap();
        assert!(
            target > last_question,
            "after the area's last question: {text}"
        );
        assert!(text.contains("1–5, eller tomt för inget mål"), "{text}");
        assert!(
            !template(&q, &Prefill::default(), Lang::Sv)
                .windows(8)
                .any(|w| w == b"#target:"),
            "no target rows unless asked for"
        );

        let imported = import(&csv(&["s;3", "#target:a;4"])).unwrap();
        assert_eq!(imported.answers.targets.get("a"), Some(&4));
        let imported = import(&csv(&["s;3", "#TARGET:a ;"])).unwrap();
        assert!(imported.answers.targets.is_empty(), "empty is no target");

        let problems = import(&csv(&["#target:a;7", "#target:zz;3", "#target:a;3,5"])).unwrap_err();
        assert_eq!(
            kinds(&problems),
            [
                (
                    Some(5),
                    Some("B".into()),
                    K::BadTarget { found: "7".into() }
                ),
                (
                    Some(6),
                    Some("A".into()),
                    K::UnknownTargetArea { id: "zz".into() }
                ),
                (
                    Some(7),
                    Some("A".into()),
                    K::DuplicateRow {
                        id: "#target:a".into(),
                        first: 5
                    }
                ),
            ]
        );
        assert_eq!(
            problems[0]
                .render("svar.csv", Lang::Sv)
                .lines()
                .next()
                .unwrap(),
            "fel: svar.csv: rad 5, kolumn B (svar): `7` är ingen nivå 1–5 att ha som mål"
        );
    }

    #[test]
    fn missing_and_doubled_columns_are_named() {
        let problems = read(b"\xef\xbb\xbfid;fr\xc3\xa5ga;kommentar\r\ns;x\r\n").unwrap_err();
        assert_eq!(
            kinds(&problems),
            [(
                Some(1),
                None,
                K::MissingColumn {
                    sv: "svar",
                    en: "answer"
                }
            )]
        );
        assert!(
            problems[0]
                .render("x.csv", Lang::Sv)
                .contains("rad 1: kolumnen `svar` saknas")
        );
        let problems = read(b" ID ;Svar;ANSWER\n").unwrap_err();
        assert_eq!(
            kinds(&problems),
            [(
                Some(1),
                Some("C".into()),
                K::DuplicateColumn {
                    name: "ANSWER".into()
                }
            )]
        );
        assert_eq!(
            kinds(&read(b"\r\n\r\n").unwrap_err()),
            [(None, None, K::Empty)]
        );
    }

    #[test]
    fn another_encoding_is_refused_not_guessed() {
        // `område` in Windows-1252, as Excel's "CSV (MS-DOS)" and "CSV (kommaavgränsad)" save it.
        let problems = read(b"id;omr\xe5de;svar\r\ns;;3\r\n").unwrap_err();
        assert_eq!(kinds(&problems), [(Some(1), Some("B".into()), K::NotUtf8)]);
        assert!(
            problems[0]
                .kind
                .hint(Lang::Sv)
                .contains("CSV UTF-8 (kommaavgränsad)")
        );
        let problems = read(b"id;svar\r\n#region;V\xe4ster\xe5s\r\n").unwrap_err();
        assert_eq!(kinds(&problems), [(Some(2), Some("B".into()), K::NotUtf8)]);
        // UTF-16, as Excel's "Unicode text" saves it.
        let problems = read(b"\xff\xfei\x00d\x00").unwrap_err();
        assert_eq!(problems[0].kind, K::NotUtf8);
    }

    #[test]
    fn the_questionnaire_row_is_checked() {
        let q = questionnaire("maturity");
        let sheet = |first: &str| {
            read(format!("id;svar\n#questionnaire;{first}\n#region;R\n#year;2025\n").as_bytes())
                .unwrap()
        };
        let imported = answers(&sheet("t 0.9"), &q, None).unwrap();
        assert_eq!(
            kinds(&imported.warnings),
            [(
                Some(2),
                Some("B".into()),
                K::OtherVersion {
                    found: "0.9".into(),
                    current: "1".into()
                }
            )]
        );
        assert_eq!(imported.answers.questionnaire.version, "1");
        let problems = answers(&sheet("beredskap 2025.1"), &q, None).unwrap_err();
        assert_eq!(
            problems[0].kind,
            K::OtherQuestionnaire {
                found: "beredskap".into(),
                expected: "t".into()
            }
        );
        let sheet = read(b"id;svar\n#region;R\n#year;20x5\n").unwrap();
        assert_eq!(sheet.questionnaire(), None);
        let problems = answers(&sheet, &q, None).unwrap_err();
        assert_eq!(
            kinds(&problems),
            [(
                Some(3),
                Some("B".into()),
                K::BadYear {
                    found: "20x5".into()
                }
            )]
        );
    }

    #[test]
    fn readiness_needs_the_solution_and_maturity_refuses_it() {
        let readiness = questionnaire("readiness");
        let template_rows = template(&readiness, &Prefill::default(), Lang::Sv);
        let text = String::from_utf8(template_rows).unwrap();
        assert!(text.contains("#solution;;Lösningen som bedöms"), "{text}");
        let sheet =
            read(b"id;svar\n#region;R\n#year;2025\n#solution;Distansmonitorering\n").unwrap();
        let problems = answers(&sheet, &readiness, None).unwrap_err();
        assert_eq!(
            kinds(&problems),
            [(
                None,
                None,
                K::MissingValue {
                    key: "#target_group"
                }
            )]
        );
        let sheet =
            read(b"id;svar\n#region;R\n#year;2025\n#solution;D\n#target_group;M\n").unwrap();
        let solution = answers(&sheet, &readiness, None)
            .unwrap()
            .answers
            .solution
            .unwrap();
        assert_eq!(
            (solution.name.as_str(), solution.target_group.as_str()),
            ("D", "M")
        );
        let maturity = questionnaire("maturity");
        let problems = answers(&sheet, &maturity, None).unwrap_err();
        assert_eq!(problems[0].kind, K::KeyNotExpected { key: "#solution" });
    }

    #[test]
    fn answers_are_kept_in_the_questionnaires_order_and_pass_validation() {
        let bytes = csv(&[
            "x;Fritt",
            "yn;Ja",
            "n;50;;Statistik 2025",
            "s;Ej tillämpligt;Ingen sådan verksamhet",
        ]);
        let imported = import(&bytes).unwrap();
        let a = &imported.answers;
        assert_eq!(a.answers.keys().collect::<Vec<_>>(), ["s", "yn", "n", "x"]);
        assert_eq!(
            a.answers["s"].status,
            Some(crate::answers::Status::NotApplicable)
        );
        assert_eq!(a.answers["n"].evidence.as_deref(), Some("Statistik 2025"));
        assert_eq!(
            a.questionnaire.hash,
            Some(questionnaire("maturity").content_hash())
        );
        assert!(crate::validate::answers(a, &questionnaire("maturity")).is_empty());
    }

    #[test]
    fn column_letters_go_past_z() {
        let letter = |index| SheetColumn { index, name: None }.letter();
        assert_eq!(
            (letter(0), letter(7), letter(25)),
            ("A".into(), "H".into(), "Z".into())
        );
        assert_eq!(
            (letter(26), letter(27), letter(701)),
            ("AA".into(), "AB".into(), "ZZ".into())
        );
    }
}
