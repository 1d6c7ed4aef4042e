//! Everything `validate` (and every command that reads a file) can find wrong in a file, with
//! its message and hint in both languages. This is the one place those sentences live.

use std::fmt::Write as _;

use crate::lang::{Lang, Text};

/// A problem found in a file, at a JSON path.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Where in the file, as `areas[2].questions[0].levels` or `answers.a8-2.value`; empty for
    /// the whole file.
    pub path: String,
    pub kind: ProblemKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth knowing; the file can be used.
    Warning,
    /// The file cannot be used until it is fixed.
    Error,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    // Reading
    Syntax {
        message: String,
    },
    Structure {
        message: String,
    },
    UnknownFormat {
        found: String,
    },
    UnsupportedVersion {
        found: String,
        supported: String,
    },
    // Shared
    BadId {
        id: String,
    },
    DuplicateId {
        id: String,
    },
    MissingTranslation {
        lang: Lang,
    },
    // Questionnaire
    NoAreas,
    NoQuestions,
    DuplicateAreaNumber {
        number: u32,
    },
    LevelCount {
        found: usize,
    },
    FieldNotForKind {
        field: &'static str,
        kind: &'static str,
    },
    TooFewOptions,
    NumberBounds,
    ConditionUnknownQuestion {
        id: String,
    },
    ConditionNotEarlier {
        id: String,
    },
    ConditionTestCount,
    ConditionValue {
        value: String,
        question: String,
    },
    ConditionNotNumeric {
        question: String,
    },
    EvidenceValue {
        value: String,
    },
    ContinuesTwice {
        id: String,
    },
    ContinuedTwice {
        id: String,
        question: String,
    },
    // Rubric
    RubricForOther {
        rubric_for: String,
        questionnaire: String,
    },
    VersionNotScored {
        version: String,
        versions: String,
    },
    UnknownArea {
        id: String,
    },
    /// An area named by two groups, or twice by one.
    AreaInTwoGroups {
        id: String,
    },
    /// A group without areas.
    GroupEmpty,
    UnknownQuestion {
        id: String,
    },
    QuestionInOtherArea {
        question: String,
        area: String,
    },
    ScoredTwice {
        id: String,
    },
    WeightNotPositive {
        weight: f64,
    },
    /// A weight above [`crate::validate::MAX_WEIGHT`], or not finite.
    WeightTooLarge {
        weight: f64,
    },
    /// A text longer than [`crate::validate::MAX_TEXT`] characters.
    TextTooLong {
        length: usize,
    },
    NotScorable {
        id: String,
    },
    PointsMissing {
        value: String,
    },
    PointsUnknownKey {
        key: String,
    },
    PointsOutOfRange {
        points: f64,
    },
    PointsShape {
        expected: &'static str,
    },
    PointsRequired {
        kind: &'static str,
    },
    BandsNotAscending,
    /// A number question's `points` is an empty list of bands.
    PointsBandsEmpty,
    /// Answers a number question allows that fall below its first band and so get no points:
    /// from `from` (the lowest allowed answer; `None` when the question has no `min`) to `to`.
    BandsUncovered {
        from: Option<f64>,
        to: f64,
        /// Whether `to` itself is uncovered (a whole number, or the question's `max`), or the
        /// range stops just below it (the first band's `at_least`).
        to_included: bool,
        integer: bool,
        /// The first band's `at_least`.
        first: f64,
    },
    LevelsEmpty,
    LevelsFirstNotZero,
    LevelsNotAscending,
    /// A level is missing between two thresholds: a score there would get the lower one.
    LevelsGap {
        after: u8,
        next: u8,
    },
    LevelOutOfRange {
        level: u8,
    },
    NextStepMissing {
        level: u8,
    },
    CoverageRange {
        value: f64,
    },
    MinAreas {
        min: usize,
        areas: usize,
    },
    CapRange {
        cap: f64,
    },
    BelowRange {
        below: f64,
    },
    TestSubject,
    /// A test without exactly one of `below`, `at_least` and `is`.
    TestThreshold,
    /// `is` on an area, or on a question that is not yes/no or choice.
    TestAnswerKind {
        id: String,
    },
    /// `is` names an answer the question does not have.
    TestUnknownAnswer {
        id: String,
        answer: String,
    },
    /// `all` with no test in it.
    ConditionEmpty,
    TestUnscoredQuestion {
        id: String,
    },
    TestUnscoredArea {
        id: String,
    },
    VerdictMissing,
    BandsEmpty,
    BandsNotDescending,
    UnknownBand {
        id: String,
    },
    // Published figures
    UnknownIndicator {
        id: String,
    },
    YearsNotAscending,
    CountAboveTotal {
        count: u32,
        of: u32,
    },
    CountOrText,
    // National references
    WithheldWithValues,
    BelowMinimum {
        n: u32,
        min: u32,
    },
    MissingFigures,
    FiguresOutOfOrder,
    CountsDoNotAddUp {
        sum: u32,
        n: u32,
    },
    // Answers
    /// A rubric checked without its questionnaire: its question and area ids were not.
    RubricUnchecked {
        id: String,
    },
    QuestionnaireNotFound {
        id: String,
    },
    AnsweredOtherVersion {
        answered: String,
        current: String,
    },
    HashChanged,
    HashMissing,
    EmptyRegion,
    YearRange {
        year: i64,
    },
    /// An answers file for a year before the edition of the questionnaire it answers was made.
    YearBeforeEdition {
        year: i32,
        version: String,
    },
    BadDate {
        date: String,
    },
    SolutionMissing,
    SolutionNotExpected,
    AnswerUnknownQuestion {
        id: String,
    },
    ValueAndStatus,
    NoValue,
    ValueType {
        expected: &'static str,
        found: String,
    },
    LevelRange {
        found: String,
    },
    NotAnOption {
        found: String,
        options: String,
    },
    NumberRange {
        found: String,
        min: String,
        max: String,
    },
    NotInteger {
        found: String,
    },
    DontKnowNotAllowed,
    NotApplicableNotAllowed,
    AnswerWithoutEvidence {
        value: String,
    },
    AnsweredButNotAsked {
        condition: String,
    },
    // Team answers
    TeamWithoutMerge,
    SplitShareRange {
        value: f64,
    },
    RespondentUnknown {
        name: String,
    },
    RespondentTwice {
        name: String,
    },
    EmptyRationale,
    // Targets, in a targets file or an answers file
    TargetUnknownArea {
        id: String,
        /// The ids of the areas that can have a target, for the hint.
        areas: String,
    },
    TargetRange {
        level: u8,
    },
    /// A target above the highest level the rubric gives the area.
    TargetAboveTop {
        id: String,
        target: u8,
        top: u8,
    },
    TargetUnscoredArea {
        id: String,
    },
}

/// How many problems a list shows before it counts the rest: a file broken throughout would
/// otherwise bury the terminal (100 000 unknown questions made 17 MB of messages).
pub const SHOWN: usize = 50;

/// The first [`SHOWN`] problems, in the order found (the file's), and a line counting the rest
/// by kind, most common first: `och 99 950 till av samma slag (okänd fråga ×99 950)`. With
/// `all`, every problem and no line.
pub fn bounded(problems: &[Problem], all: bool, lang: Lang) -> (&[Problem], Option<String>) {
    if all || problems.len() <= SHOWN {
        return (problems, None);
    }
    let (shown, rest) = problems.split_at(SHOWN);
    let mut kinds: Vec<(&str, usize)> = Vec::new();
    for problem in rest {
        let label = problem.kind.label(lang);
        match kinds.iter_mut().find(|(l, _)| *l == label) {
            Some((_, count)) => *count += 1,
            None => kinds.push((label, 1)),
        }
    }
    kinds.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    let counts: Vec<String> = kinds
        .iter()
        .map(|(label, count)| format!("{label} ×{}", thousands(*count)))
        .collect();
    let more = thousands(rest.len());
    let counts = counts.join(", ");
    let line = if lang == Lang::Sv {
        format!("och {more} till av samma slag ({counts})")
    } else {
        format!("and {more} more of the same kinds ({counts})")
    };
    (shown, Some(line))
}

/// A number from a file as Swedish or English writes it: `2,5` or `2.5`, `−1` with a minus
/// sign in Swedish; whole numbers without decimals.
fn number(lang: Lang, value: f64) -> String {
    // Adding 0 turns a −0 (the ceiling of −0,4) into 0.
    let text = (value + 0.0).to_string();
    match lang {
        Lang::Sv => text.replace('.', ",").replace('-', "\u{2212}"),
        Lang::En => text,
    }
}

/// Which answers below a number question's first band get no points, and why.
fn uncovered(
    lang: Lang,
    from: Option<f64>,
    to: f64,
    to_included: bool,
    integer: bool,
    first: f64,
) -> String {
    let n = |value: f64| number(lang, value);
    let sv = lang == Lang::Sv;
    let Some(from) = from else {
        return if sv {
            format!(
                "svar under {} får inga poäng: det första intervallet börjar på {}, och frågan har inget `min`",
                n(first),
                n(first)
            )
        } else {
            format!(
                "answers below {} get no points: the first band starts at {}, and the question has no `min`",
                n(first),
                n(first)
            )
        };
    };
    #[allow(clippy::float_cmp)]
    let one = integer && from == to;
    let answers = match (sv, one, integer || to_included) {
        (true, true, _) => format!("svaret {}", n(from)),
        (false, true, _) => format!("the answer {}", n(from)),
        (true, false, true) if integer => format!("svaren {}–{}", n(from), n(to)),
        (false, false, true) if integer => format!("answers {}–{}", n(from), n(to)),
        (true, false, true) => format!("svar från {} till {}", n(from), n(to)),
        (false, false, true) => format!("answers from {} to {}", n(from), n(to)),
        (true, false, false) => format!("svar från {} till strax under {}", n(from), n(to)),
        (false, false, false) => format!("answers from {} up to just below {}", n(from), n(to)),
    };
    if sv {
        format!(
            "{answers} får inga poäng: det första intervallet börjar på {}, men frågan tillåter svar från {}",
            n(first),
            n(from)
        )
    } else {
        let verb = if one { "gets" } else { "get" };
        format!(
            "{answers} {verb} no points: the first band starts at {}, but the question allows answers from {}",
            n(first),
            n(from)
        )
    }
}

/// `99 950`: thousands set apart by a space, as Swedish writes them.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

impl ProblemKind {
    /// A few words naming the kind of problem, for counting many: `okänd fråga ×99 950`.
    pub fn label(&self, lang: Lang) -> &'static str {
        use ProblemKind as K;
        let (sv, en) = match self {
            K::Syntax { .. } => ("ogiltig JSON", "invalid JSON"),
            K::Structure { .. } => ("fel struktur", "structure"),
            K::UnknownFormat { .. } => ("okänt format", "unknown format"),
            K::UnsupportedVersion { .. } => ("formatversion som inte stöds", "unsupported version"),
            K::BadId { .. } => ("ogiltigt id", "bad id"),
            K::DuplicateId { .. } => ("id som finns två gånger", "duplicate id"),
            K::MissingTranslation { .. } => ("översättning saknas", "missing translation"),
            K::NoAreas => ("inga områden", "no areas"),
            K::NoQuestions => ("inga frågor", "no questions"),
            K::DuplicateAreaNumber { .. } => ("områdesnummer två gånger", "duplicate area number"),
            K::LevelCount { .. } => ("fel antal nivåer", "level count"),
            K::FieldNotForKind { .. } => {
                ("fält som inte hör till frågetypen", "field not for kind")
            }
            K::TooFewOptions => ("för få alternativ", "too few options"),
            K::NumberBounds => ("fel talgränser", "number bounds"),
            K::ConditionUnknownQuestion { .. } => {
                ("villkor på okänd fråga", "condition unknown question")
            }
            K::ConditionNotEarlier { .. } => ("villkor på senare fråga", "condition not earlier"),
            K::ConditionTestCount => ("fel antal villkorstester", "condition test count"),
            K::ConditionValue { .. } => ("fel villkorsvärde", "condition value"),
            K::EvidenceValue { .. } => ("fel värde som kräver underlag", "evidence value"),
            K::ConditionNotNumeric { .. } => ("villkor på fråga utan tal", "condition not numeric"),
            K::ContinuesTwice { .. } => ("fortsätter två gånger", "continues twice"),
            K::ContinuedTwice { .. } => ("fortsatt två gånger", "continued twice"),
            K::RubricForOther { .. } => {
                ("mall för annan enkät", "rubric for another questionnaire")
            }
            K::VersionNotScored { .. } => {
                ("version som mallen inte poängsätter", "version not scored")
            }
            K::UnknownArea { .. } => ("okänt område", "unknown area"),
            K::AreaInTwoGroups { .. } => ("område i två grupper", "area in two groups"),
            K::GroupEmpty => ("tom grupp", "empty group"),
            K::UnknownQuestion { .. } => ("okänd fråga i mallen", "unknown question in the rubric"),
            K::QuestionInOtherArea { .. } => ("fråga i annat område", "question in other area"),
            K::ScoredTwice { .. } => ("poängsatt två gånger", "scored twice"),
            K::WeightNotPositive { .. } => ("vikt som inte är positiv", "weight not positive"),
            K::WeightTooLarge { .. } => ("för stor vikt", "weight too large"),
            K::TextTooLong { .. } => ("för lång text", "text too long"),
            K::NotScorable { .. } => ("fråga som inte kan poängsättas", "not scorable"),
            K::PointsMissing { .. } => ("poäng saknas", "points missing"),
            K::PointsUnknownKey { .. } => ("poäng för okänt alternativ", "points unknown key"),
            K::PointsOutOfRange { .. } => ("poäng utanför intervallet", "points out of range"),
            K::PointsShape { .. } => ("fel poängform", "points shape"),
            K::PointsRequired { .. } => ("poäng krävs", "points required"),
            K::BandsNotAscending => ("gränser inte stigande", "bands not ascending"),
            K::PointsBandsEmpty => ("inga intervall", "no bands"),
            K::BandsUncovered { .. } => ("svar utan poäng", "answers without points"),
            K::LevelsEmpty => ("inga nivåer", "levels empty"),
            K::LevelsFirstNotZero => ("första nivån börjar inte på 0", "levels first not zero"),
            K::LevelsNotAscending => ("nivåer inte stigande", "levels not ascending"),
            K::LevelsGap { .. } => ("lucka bland nivåerna", "gap in the levels"),
            K::LevelOutOfRange { .. } => ("nivå utanför intervallet", "level out of range"),
            K::NextStepMissing { .. } => ("nästa steg saknas", "next step missing"),
            K::CoverageRange { .. } => ("täckning utanför intervallet", "coverage range"),
            K::MinAreas { .. } => ("för få områden", "min areas"),
            K::CapRange { .. } => ("tak utanför intervallet", "cap range"),
            K::BelowRange { .. } => ("gräns utanför intervallet", "below range"),
            K::TestSubject => ("fel testobjekt", "test subject"),
            K::TestThreshold => ("fel gräns i villkor", "test threshold"),
            K::TestAnswerKind { .. } => ("svar i villkor på fel fråga", "test answer kind"),
            K::TestUnknownAnswer { .. } => ("okänt svar i villkor", "test unknown answer"),
            K::ConditionEmpty => ("tomt villkor", "condition empty"),
            K::TestUnscoredQuestion { .. } => {
                ("test på opoängsatt fråga", "test unscored question")
            }
            K::TestUnscoredArea { .. } => ("test på opoängsatt område", "test unscored area"),
            K::VerdictMissing => ("utlåtande saknas", "verdict missing"),
            K::BandsEmpty => ("inga gränser", "bands empty"),
            K::BandsNotDescending => ("gränser inte fallande", "bands not descending"),
            K::UnknownBand { .. } => ("okänd gräns", "unknown band"),
            K::UnknownIndicator { .. } => ("okänd indikator", "unknown indicator"),
            K::YearsNotAscending => ("år inte stigande", "years not ascending"),
            K::CountAboveTotal { .. } => ("antal över totalen", "count above total"),
            K::CountOrText => ("antal eller text", "count or text"),
            K::WithheldWithValues => ("undanhållen med värden", "withheld with values"),
            K::BelowMinimum { .. } => ("under minsta antal", "below minimum"),
            K::MissingFigures => ("siffror saknas", "missing figures"),
            K::FiguresOutOfOrder => ("siffror i fel ordning", "figures out of order"),
            K::CountsDoNotAddUp { .. } => ("antal som inte går ihop", "counts do not add up"),
            K::QuestionnaireNotFound { .. } => ("okänd enkät", "questionnaire not found"),
            K::RubricUnchecked { .. } => {
                ("bedömningsmall utan enkät", "rubric without questionnaire")
            }
            K::AnsweredOtherVersion { .. } => ("svar på annan version", "answered other version"),
            K::HashChanged => ("ändrad kontrollsumma", "hash changed"),
            K::HashMissing => ("kontrollsumma saknas", "hash missing"),
            K::EmptyRegion => ("region saknas", "empty region"),
            K::YearRange { .. } => ("år utanför 2000–2100", "year outside 2000–2100"),
            K::YearBeforeEdition { .. } => ("år före enkätens utgåva", "year before the edition"),
            K::BadDate { .. } => ("ogiltigt datum", "bad date"),
            K::SolutionMissing => ("lösning saknas", "solution missing"),
            K::SolutionNotExpected => ("lösning som inte hör hit", "solution not expected"),
            K::AnswerUnknownQuestion { .. } => ("okänd fråga", "unknown question"),
            K::ValueAndStatus => ("både värde och status", "value and status"),
            K::NoValue => ("värde saknas", "no value"),
            K::ValueType { .. } => ("fel värdetyp", "value type"),
            K::LevelRange { .. } => ("nivå utanför 0–5", "level outside 0–5"),
            K::NotAnOption { .. } => ("inte ett alternativ", "not an option"),
            K::NumberRange { .. } => ("tal utanför intervallet", "number range"),
            K::NotInteger { .. } => ("inte ett heltal", "not integer"),
            K::DontKnowNotAllowed => ("Vet ej inte tillåtet", "don't know not allowed"),
            K::NotApplicableNotAllowed => {
                ("Ej tillämpligt inte tillåtet", "not applicable not allowed")
            }
            K::AnsweredButNotAsked { .. } => ("besvarad men inte ställd", "answered but not asked"),
            K::AnswerWithoutEvidence { .. } => ("svar utan underlag", "answer without evidence"),
            K::TeamWithoutMerge => ("team utan sammanslagning", "team without merge"),
            K::SplitShareRange { .. } => ("andel utanför intervallet", "split share range"),
            K::RespondentUnknown { .. } => ("okänd person", "respondent unknown"),
            K::RespondentTwice { .. } => ("person två gånger", "respondent twice"),
            K::EmptyRationale => ("motivering saknas", "empty rationale"),
            K::TargetUnknownArea { .. } => ("mål för okänt område", "target unknown area"),
            K::TargetRange { .. } => ("mål utanför intervallet", "target range"),
            K::TargetUnscoredArea { .. } => ("mål för opoängsatt område", "target unscored area"),
            K::TargetAboveTop { .. } => ("mål över högsta nivån", "target above the top level"),
        };
        lang.pick(sv, en)
    }
}

impl Problem {
    pub fn new(path: impl Into<String>, kind: ProblemKind) -> Self {
        Problem {
            path: path.into(),
            kind,
        }
    }

    pub fn severity(&self) -> Severity {
        use ProblemKind as K;
        match self.kind {
            K::HashChanged
            | K::HashMissing
            | K::AnsweredButNotAsked { .. }
            | K::AnswerWithoutEvidence { .. }
            | K::SolutionNotExpected
            | K::TargetUnscoredArea { .. }
            | K::YearBeforeEdition { .. }
            | K::RubricUnchecked { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// `file: path: message`, then the hint on its own line.
    pub fn render(&self, file: &str, lang: Lang) -> String {
        let mut out = String::new();
        let label = match self.severity() {
            Severity::Error => lang.pick("fel", "error"),
            Severity::Warning => lang.pick("varning", "warning"),
        };
        let _ = write!(out, "{label}: {file}");
        if !self.path.is_empty() {
            let _ = write!(out, ": {}", self.path);
        }
        let _ = write!(out, ": {}", self.kind.message(lang));
        let _ = write!(
            out,
            "\n  {}: {}",
            lang.pick("tips", "hint"),
            self.kind.hint(lang)
        );
        out
    }
}

impl ProblemKind {
    #[allow(clippy::match_same_arms)]
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind as K;
        let sv = lang == Lang::Sv;
        match self {
            K::Syntax { message } => if sv { format!("inte giltig JSON: {message}") } else { format!("not valid JSON: {message}") },
            K::Structure { message } => match lang {
                Lang::Sv => structure_sv(message),
                Lang::En => message.clone(),
            },
            K::UnknownFormat { found } => if sv { format!("okänt filformat `{found}`") } else { format!("unknown file format `{found}`") },
            K::UnsupportedVersion { found, supported } => if sv { format!("formatversionen `{found}` stöds inte av den här versionen av mognad (den läser `{supported}`)") } else { format!("format version `{found}` is not supported by this version of mognad (it reads `{supported}`)") },
            K::BadId { id } => if sv { format!("id `{id}` får bara innehålla a–z, A–Z, 0–9, `-` och `_`") } else { format!("id `{id}` may only contain a–z, A–Z, 0–9, `-` and `_`") },
            K::DuplicateId { id } => if sv { format!("id `{id}` finns redan tidigare i filen") } else { format!("id `{id}` is already used earlier in the file") },
            K::MissingTranslation { lang: missing } => match (sv, missing) {
                (true, Lang::Sv) => "svensk text saknas".into(),
                (true, Lang::En) => "engelsk text saknas".into(),
                (false, Lang::Sv) => "the Swedish text is missing".into(),
                (false, Lang::En) => "the English text is missing".into(),
            },
            K::NoAreas => lang.pick("enkäten har inga områden", "the questionnaire has no areas").into(),
            K::NoQuestions => lang.pick("området har inga frågor", "the area has no questions").into(),
            K::DuplicateAreaNumber { number } => if sv { format!("område nummer {number} finns redan") } else { format!("area number {number} is already used") },
            K::LevelCount { found } => if sv { format!("en skalfråga ska ha sex nivåer (0–5), den här har {found}") } else { format!("a scale question needs six levels (0–5), this one has {found}") },
            K::FieldNotForKind { field, kind } => if sv { format!("fältet `{field}` hör inte till frågetypen `{kind}`") } else { format!("field `{field}` does not belong to question kind `{kind}`") },
            K::TooFewOptions => lang.pick("en flervalsfråga behöver minst två alternativ", "a choice question needs at least two options").into(),
            K::NumberBounds => lang.pick("`min` är större än `max`", "`min` is greater than `max`").into(),
            K::ConditionUnknownQuestion { id } => if sv { format!("villkoret hänvisar till frågan `{id}`, som inte finns") } else { format!("the condition refers to question `{id}`, which does not exist") },
            K::ConditionNotEarlier { id } => if sv { format!("villkoret hänvisar till frågan `{id}`, som inte kommer före den här") } else { format!("the condition refers to question `{id}`, which does not come before this one") },
            K::ConditionTestCount => lang.pick("ett villkor ska ha exakt ett av `any_of`, `at_least` och `at_most`", "a condition needs exactly one of `any_of`, `at_least` and `at_most`").into(),
            K::ConditionValue { value, question } => if sv { format!("`{value}` är inget möjligt svar på frågan `{question}`") } else { format!("`{value}` is not a possible answer to question `{question}`") },
            K::EvidenceValue { value } => if sv { format!("`{value}` är inget möjligt svar på frågan, så det kan inte kräva underlag") } else { format!("`{value}` is not a possible answer to the question, so it cannot need evidence") },
            K::ConditionNotNumeric { question } => if sv { format!("`at_least` och `at_most` kräver en skal- eller talfråga, `{question}` är ingen sådan") } else { format!("`at_least` and `at_most` need a scale or number question, `{question}` is neither") },
            K::ContinuesTwice { id } => if sv { format!("`{id}` står redan tidigare i `continues`") } else { format!("`{id}` is already listed earlier in `continues`") },
            K::ContinuedTwice { id, question } => if sv { format!("den tidigare frågan `{id}` fortsätts redan av frågan `{question}`") } else { format!("the earlier question `{id}` is already continued by question `{question}`") },
            K::RubricForOther { rubric_for, questionnaire } => if sv { format!("bedömningsmallen gäller enkäten `{rubric_for}`, inte `{questionnaire}`") } else { format!("the rubric is for questionnaire `{rubric_for}`, not `{questionnaire}`") },
            K::VersionNotScored { version, versions } => if sv { format!("bedömningsmallen poängsätter inte enkätversion `{version}` (bara {versions})") } else { format!("the rubric does not score questionnaire version `{version}` (only {versions})") },
            K::UnknownArea { id } => if sv { format!("området `{id}` finns inte i enkäten") } else { format!("area `{id}` does not exist in the questionnaire") },
            K::AreaInTwoGroups { id } => if sv { format!("området `{id}` står redan i en grupp") } else { format!("area `{id}` is already in a group") },
            K::GroupEmpty => lang.pick("gruppen har inga områden", "the group has no areas").into(),
            K::UnknownQuestion { id } => if sv { format!("frågan `{id}` finns inte i enkäten") } else { format!("question `{id}` does not exist in the questionnaire") },
            K::QuestionInOtherArea { question, area } => if sv { format!("frågan `{question}` hör till området `{area}` i enkäten") } else { format!("question `{question}` belongs to area `{area}` in the questionnaire") },
            K::ScoredTwice { id } => if sv { format!("frågan `{id}` poängsätts redan") } else { format!("question `{id}` is already scored") },
            K::WeightTooLarge { weight } => if sv { format!("vikten får vara högst 1 000 000, den är {weight}") } else { format!("the weight must be at most 1 000 000, it is {weight}") },
            K::TextTooLong { length } => if sv { format!("texten är {} tecken lång; högst {} går", crate::problem::thousands(*length), crate::problem::thousands(crate::validate::MAX_TEXT)) } else { format!("the text is {} characters long; at most {} are allowed", crate::problem::thousands(*length), crate::problem::thousands(crate::validate::MAX_TEXT)) },
            K::WeightNotPositive { weight } => if sv { format!("vikten måste vara större än 0, den är {weight}") } else { format!("the weight must be above 0, it is {weight}") },
            K::NotScorable { id } => if sv { format!("frågan `{id}` har fritextsvar och kan inte poängsättas") } else { format!("question `{id}` takes free text and cannot be scored") },
            K::PointsMissing { value } => if sv { format!("poäng saknas för svaret `{value}`") } else { format!("no points for the answer `{value}`") },
            K::PointsUnknownKey { key } => if sv { format!("`{key}` är inget möjligt svar på frågan") } else { format!("`{key}` is not a possible answer to the question") },
            K::PointsOutOfRange { points } => if sv { format!("poängen {points} ligger utanför 0–5") } else { format!("points {points} are outside 0–5") },
            K::PointsShape { expected } => if sv { format!("`points` ska vara {}", shape_sv(expected)) } else { format!("`points` should be {expected}") },
            K::PointsRequired { kind } => if sv { format!("en fråga av typen `{kind}` behöver `points`") } else { format!("a question of kind `{kind}` needs `points`") },
            K::BandsNotAscending => lang.pick("intervallen ska stå i stigande ordning efter `at_least`", "the bands must be in ascending order of `at_least`").into(),
            K::PointsBandsEmpty => lang.pick("listan med intervall är tom, så inget svar får poäng", "the list of bands is empty, so no answer gets points").into(),
            K::BandsUncovered { from, to, to_included, integer, first } => uncovered(lang, *from, *to, *to_included, *integer, *first),
            K::LevelsEmpty => lang.pick("nivåtrösklar saknas", "no level thresholds").into(),
            K::LevelsFirstNotZero => lang.pick("den första nivåtröskeln ska ha `min` 0", "the first level threshold must have `min` 0").into(),
            K::LevelsNotAscending => lang.pick("nivåtrösklarna ska stå i stigande ordning, både `level` och `min`", "the level thresholds must be in ascending order, both `level` and `min`").into(),
            K::LevelsGap { after, next } => if sv { format!("nivå {after} följs av nivå {next}: nivåerna ska komma utan lucka, en poäng mellan trösklarna skulle annars visas som nivå {after}") } else { format!("level {after} is followed by level {next}: levels must run without a gap, or a score between the thresholds is shown as level {after}") },
            K::LevelOutOfRange { level } => if sv { format!("nivå {level} ligger utanför 0–5") } else { format!("level {level} is outside 0–5") },
            K::NextStepMissing { level } => if sv { format!("nästa steg saknas för nivå {level}") } else { format!("no next step for level {level}") },
            K::CoverageRange { value } => if sv { format!("täckningskravet {value} ligger utanför 0–1") } else { format!("the coverage rule {value} is outside 0–1") },
            K::MinAreas { min, areas } => if sv { format!("`min_areas` är {min}, men bara {areas} områden poängsätts") } else { format!("`min_areas` is {min}, but only {areas} areas are scored") },
            K::CapRange { cap } => if sv { format!("taket {cap} ligger utanför 0–5") } else { format!("the cap {cap} is outside 0–5") },
            K::BelowRange { below } => if sv { format!("gränsen {below} ligger utanför 0–5") } else { format!("the limit {below} is outside 0–5") },
            K::TestSubject => lang.pick("ett villkor ska ha exakt ett av `question` och `area`", "a condition needs exactly one of `question` and `area`").into(),
            K::TestUnscoredQuestion { id } => if sv { format!("frågan `{id}` ger inga poäng att jämföra med") } else { format!("question `{id}` has no points to compare") },
            K::TestThreshold => lang.pick("ett villkor ska ha exakt ett av `below`, `at_least` och `is`", "a condition needs exactly one of `below`, `at_least` and `is`").into(),
            K::TestAnswerKind { id } => if sv { format!("`is` anger svar, och `{id}` är ingen ja/nej- eller flervalsfråga") } else { format!("`is` names answers, and `{id}` is not a yes/no or choice question") },
            K::TestUnknownAnswer { id, answer } => if sv { format!("frågan `{id}` har inget svar `{answer}`") } else { format!("question `{id}` has no answer `{answer}`") },
            K::ConditionEmpty => lang.pick("`all` har inget villkor", "`all` has no condition").into(),
            K::TestUnscoredArea { id } => if sv { format!("området `{id}` poängsätts inte") } else { format!("area `{id}` is not scored") },
            K::VerdictMissing => lang.pick("en beredskapsenkät behöver `verdict` i bedömningsmallen", "a readiness questionnaire needs `verdict` in the rubric").into(),
            K::BandsEmpty => lang.pick("inga bedömningsnivåer", "no verdict bands").into(),
            K::BandsNotDescending => lang.pick("bedömningsnivåerna ska stå bäst först, med fallande `min`, och den sista ska ha `min` 0", "the verdict bands must be best first, with falling `min`, the last with `min` 0").into(),
            K::UnknownBand { id } => if sv { format!("bedömningsnivån `{id}` finns inte") } else { format!("verdict band `{id}` does not exist") },
            K::UnknownIndicator { id } => if sv { format!("ingen inbyggd enkät har indikatorn `{id}`") } else { format!("no built-in questionnaire has the indicator `{id}`") },
            K::YearsNotAscending => lang.pick("åren ska stå i stigande ordning", "the years must be in ascending order").into(),
            K::CountAboveTotal { count, of } => if sv { format!("antalet {count} är större än totalen {of}") } else { format!("the count {count} is larger than the total {of}") },
            K::CountOrText => lang.pick("varje år har antingen `count` eller `text`", "each year has either `count` or `text`").into(),
            K::WithheldWithValues => lang.pick("en undanhållen siffra har värden", "a withheld figure has values").into(),
            K::BelowMinimum { n, min } => if sv { format!("siffran vilar på {n} regioner, färre än minsta antalet {min}, men är inte undanhållen") } else { format!("the figure rests on {n} regions, fewer than the minimum {min}, but is not withheld") },
            K::MissingFigures => lang.pick("siffran är inte undanhållen men saknar värden", "the figure is not withheld but has no values").into(),
            K::FiguresOutOfOrder => lang.pick("värdena ska gälla min ≤ q1 ≤ median ≤ q3 ≤ max", "the values must satisfy min ≤ q1 ≤ median ≤ q3 ≤ max").into(),
            K::CountsDoNotAddUp { sum, n } => if sv { format!("antalen summerar till {sum}, inte till n = {n}") } else { format!("the counts add up to {sum}, not to n = {n}") },
            K::RubricUnchecked { id } => if sv { format!("bedömningsmallens frågor och områden kunde inte kontrolleras: enkäten `{id}` är varken inbyggd, angiven eller i en instrumentmapp") } else { format!("the rubric's questions and areas could not be checked: questionnaire `{id}` is neither built in, given nor in an instruments folder") },
            K::QuestionnaireNotFound { id } => if sv { format!("enkäten `{id}` är inte inbyggd och ingen enkätfil angavs") } else { format!("questionnaire `{id}` is not built in and no questionnaire file was given") },
            K::AnsweredOtherVersion { answered, current } => if sv { format!("svaren gavs på enkätversion {answered}, den här är {current}") } else { format!("the answers were given to questionnaire version {answered}, this is {current}") },
            K::HashChanged => lang.pick("enkätens innehåll har ändrats sedan svaren gavs, fast versionen är densamma", "the questionnaire's content changed since the answers were given, although its version is the same").into(),
            K::HashMissing => lang.pick("svarsfilen saknar enkätens innehållshash, så en ändrad enkät kan inte upptäckas", "the answers file has no content hash of the questionnaire, so a changed questionnaire cannot be detected").into(),
            K::EmptyRegion => lang.pick("region saknas", "the region is missing").into(),
            K::YearRange { year } => if sv { format!("året ska vara 2000–2100, inte {year}") } else { format!("the year must be 2000–2100, not {year}") },
            K::YearBeforeEdition { year, version } => if sv { format!("svaren gäller {year}, men enkätens utgåva {version} gjordes senare") } else { format!("the answers are for {year}, but edition {version} of the questionnaire was made later") },
            K::BadDate { date } => if sv { format!("`{date}` är inget datum på formen ÅÅÅÅ-MM-DD") } else { format!("`{date}` is not a date of the form YYYY-MM-DD") },
            K::SolutionMissing => lang.pick("en beredskapsbedömning måste ange lösningen och målgruppen (`solution`)", "a readiness assessment must name the solution and its target group (`solution`)").into(),
            K::SolutionNotExpected => lang.pick("`solution` används bara för beredskapsenkäter och ignoreras här", "`solution` is only used for readiness questionnaires and is ignored here").into(),
            K::AnswerUnknownQuestion { id } => if sv { format!("frågan `{id}` finns inte i enkäten") } else { format!("question `{id}` does not exist in the questionnaire") },
            K::ValueAndStatus => lang.pick("ett svar har antingen `value` eller `status`, inte båda", "an answer has either `value` or `status`, not both").into(),
            K::NoValue => lang.pick("svaret har varken `value` eller `status`", "the answer has neither `value` nor `status`").into(),
            K::ValueType { expected, found } => if sv { format!("väntade {}, fick {found}", expected_sv(expected)) } else { format!("expected {expected}, found {found}") },
            K::LevelRange { found } => if sv { format!("{found} ligger utanför nivåerna 0–5") } else { format!("{found} is outside levels 0–5") },
            K::NotAnOption { found, options } => if sv { format!("`{found}` är inget av alternativen ({options})") } else { format!("`{found}` is not one of the options ({options})") },
            K::NumberRange { found, min, max } => if sv { format!("{found} ligger utanför {min}–{max}") } else { format!("{found} is outside {min}–{max}") },
            K::NotInteger { found } => if sv { format!("{found} är inget heltal") } else { format!("{found} is not a whole number") },
            K::DontKnowNotAllowed => lang.pick("frågan tillåter inte Vet ej", "the question does not allow don't know").into(),
            K::NotApplicableNotAllowed => lang.pick("frågan tillåter inte Ej tillämpligt", "the question does not allow not applicable").into(),
            K::TeamWithoutMerge => lang.pick("svaret har fält från ett teams svar (`respondents`, `split`, `consensus`), men filen saknar `merge`", "the answer has fields of a team's answers (`respondents`, `split`, `consensus`), but the file has no `merge`").into(),
            K::SplitShareRange { value } => if sv { format!("andelen {value} ska vara större än 0 och högst 1") } else { format!("the share {value} must be above 0 and at most 1") },
            K::RespondentUnknown { name } => if sv { format!("`{name}` finns inte bland filens `respondents`") } else { format!("`{name}` is not among the file's `respondents`") },
            K::RespondentTwice { name } => if sv { format!("`{name}` har redan ett svar på frågan") } else { format!("`{name}` already has an answer to the question") },
            K::EmptyRationale => lang.pick("motiveringen är tom", "the rationale is empty").into(),
            K::AnswerWithoutEvidence { value } => if sv { format!("svaret `{value}` kräver underlag (`evidence`) och har inget; det räknas som Vet ej") } else { format!("the answer `{value}` needs evidence (`evidence`) and has none; it counts as Don't know") },
            K::AnsweredButNotAsked { condition } => if sv { format!("frågan är besvarad fast dess villkor inte gäller ({condition}); svaret räknas inte") } else { format!("the question is answered although its condition does not hold ({condition}); the answer is not counted") },
            K::TargetUnknownArea { id, .. } => if sv { format!("området `{id}` finns inte i enkäten") } else { format!("area `{id}` does not exist in the questionnaire") },
            K::TargetRange { level } => if sv { format!("målet {level} är ingen nivå 1–5") } else { format!("the target {level} is not a level 1–5") },
            K::TargetAboveTop { id, target, top } => if sv { format!("målet {target} för området `{id}` ligger över bedömningsmallens högsta nivå, {top}") } else { format!("the target {target} for area `{id}` is above the rubric's top level, {top}") },
            K::TargetUnscoredArea { id } => if sv { format!("området `{id}` poängsätts inte, så målet kan inte följas upp och visas inte") } else { format!("area `{id}` is not scored, so its target cannot be followed up and is not shown") },
        }
    }

    #[allow(clippy::match_same_arms)]
    /// What to do about it; every problem has a hint.
    pub fn hint(&self, lang: Lang) -> String {
        use ProblemKind as K;
        let text = |sv: &str, en: &str| lang.pick(sv, en).to_string();
        match self {
            K::Syntax { .. } => text(
                "rätta JSON-syntaxen på den platsen (kommatecken, citattecken, klamrar)",
                "fix the JSON syntax at that place (commas, quotes, brackets)",
            ),
            K::Structure { .. } => text(
                "jämför med docs/formats.md eller JSON-schemat i docs/schemas/",
                "compare with docs/formats.md or the JSON Schema in docs/schemas/",
            ),
            K::UnknownFormat { .. } => text(
                "`format` ska vara `mognad.questionnaire/1`, `mognad.rubric/1`, `mognad.answers/1`, `mognad.targets/1`, `mognad.published/1` eller `mognad.national/1`",
                "`format` should be `mognad.questionnaire/1`, `mognad.rubric/1`, `mognad.answers/1`, `mognad.targets/1`, `mognad.published/1` or `mognad.national/1`",
            ),
            K::UnsupportedVersion { .. } => text(
                "uppdatera mognad, eller spara filen i den formatversion som stöds",
                "update mognad, or save the file in the supported format version",
            ),
            K::BadId { .. } => text(
                "använd korta ASCII-id som `a6-2`; texten visas för användaren, inte id:t",
                "use short ASCII ids such as `a6-2`; users see the text, not the id",
            ),
            K::DuplicateId { .. } => text(
                "ge varje område, fråga och regel ett eget id",
                "give every area, question and rule its own id",
            ),
            K::MissingTranslation { .. } => text(
                "all text ska finnas på både svenska (`sv`) och engelska (`en`)",
                "every text needs both Swedish (`sv`) and English (`en`)",
            ),
            K::LevelCount { .. } => text(
                "skriv en beskrivning för varje nivå 0–5 av vad som går att se på den nivån",
                "write a descriptor for every level 0–5 of what is observably true at that level",
            ),
            K::FieldNotForKind { .. } => text(
                "ta bort fältet eller ändra `kind`",
                "remove the field or change `kind`",
            ),
            K::ConditionNotEarlier { .. } => text(
                "ett villkor kan bara bero på en fråga som ställs tidigare",
                "a condition can only depend on a question asked earlier",
            ),
            K::RubricForOther { .. } | K::VersionNotScored { .. } => text(
                "välj bedömningsmallen som hör till enkäten med `--rubric`",
                "choose the rubric that belongs to the questionnaire with `--rubric`",
            ),
            K::PointsMissing { .. } => text(
                "ge varje möjligt svar en poäng 0–5 i `points`",
                "give every possible answer points 0–5 in `points`",
            ),
            K::PointsShape { .. } | K::PointsRequired { .. } => text(
                "se avsnittet om `points` i docs/formats.md",
                "see the section on `points` in docs/formats.md",
            ),
            K::NextStepMissing { .. } => text(
                "skriv ett rekommenderat nästa steg för varje nivå 0–5",
                "write a recommended next step for every level 0–5",
            ),
            K::RubricUnchecked { .. } | K::QuestionnaireNotFound { .. } => text(
                "ge enkätfilen i samma kommando (`mognad validate ENKÄT SVAR`, `mognad score SVAR --questionnaire ENKÄT`); `mognad questionnaires` listar de inbyggda",
                "give the questionnaire file in the same command (`mognad validate QUESTIONNAIRE ANSWERS`, `mognad score ANSWERS --questionnaire QUESTIONNAIRE`); `mognad questionnaires` lists the built-in ones",
            ),
            K::AnsweredOtherVersion { .. } => text(
                "ange den enkätversion svaren gavs på med `--questionnaire FIL`",
                "give the questionnaire version the answers were given to with `--questionnaire FILE`",
            ),
            K::HashChanged => text(
                "kontrollera att frågorna betyder samma sak; höj annars enkätens version",
                "check that the questions mean the same; otherwise raise the questionnaire's version",
            ),
            K::HashMissing => text(
                "`mognad questionnaires` visar de inbyggda enkäternas hash och `mognad validate ENKÄT` en egen enkäts; skriv den i `questionnaire.hash`",
                "`mognad questionnaires` shows the built-in questionnaires' hashes and `mognad validate QUESTIONNAIRE` your own one's; write it in `questionnaire.hash`",
            ),
            K::BadDate { .. } => text(
                "skriv datumet som till exempel 2025-10-14",
                "write the date as for example 2025-10-14",
            ),
            K::SolutionMissing => text(
                "lägg till `\"solution\": { \"name\": …, \"target_group\": … }`",
                "add `\"solution\": { \"name\": …, \"target_group\": … }`",
            ),
            K::AnswerUnknownQuestion { .. } => text(
                "kontrollera frågans id mot enkäten; `mognad validate` på enkätfilen listar dem",
                "check the question id against the questionnaire",
            ),
            K::ValueAndStatus | K::NoValue => text(
                "skriv `{ \"value\": 3 }`, `{ \"status\": \"dont_know\" }` eller `{ \"status\": \"not_applicable\" }`",
                "write `{ \"value\": 3 }`, `{ \"status\": \"dont_know\" }` or `{ \"status\": \"not_applicable\" }`",
            ),
            K::ValueType { .. }
            | K::LevelRange { .. }
            | K::NotAnOption { .. }
            | K::NumberRange { .. }
            | K::NotInteger { .. } => text(
                "svaret ska passa frågans typ; se enkäten",
                "the answer must fit the question's kind; see the questionnaire",
            ),
            K::DontKnowNotAllowed | K::NotApplicableNotAllowed => text(
                "ge ett svar, eller tillåt det i enkäten (`dont_know`, `not_applicable`)",
                "give an answer, or allow it in the questionnaire (`dont_know`, `not_applicable`)",
            ),
            K::TeamWithoutMerge => text(
                "gör teamets fil med `mognad merge` av respondenternas egna filer, eller ta bort fälten",
                "make the team's file with `mognad merge` from the respondents' own files, or remove the fields",
            ),
            K::SplitShareRange { .. } => text(
                "skriv andelen som ett tal mellan 0 och 1, till exempel 0.33 för en tredjedel",
                "write the share as a number between 0 and 1, for example 0.33 for a third",
            ),
            K::RespondentUnknown { .. } => text(
                "lägg till personen i filens `respondents`, eller rätta namnet",
                "add the person to the file's `respondents`, or correct the name",
            ),
            K::RespondentTwice { .. } => text(
                "varje person har ett svar per fråga; ta bort det ena",
                "each person has one answer per question; remove one of them",
            ),
            K::EmptyRationale => text(
                "skriv en rad om varför teamet enades om svaret",
                "write a line on why the team agreed on the answer",
            ),
            K::AnswerWithoutEvidence { .. } => text(
                "skriv i `evidence` vad svaret bygger på, till exempel ett avtal eller ett beslut; `mognad assess` frågar efter det",
                "write in `evidence` what the answer rests on, such as an agreement or a decision; `mognad assess` asks for it",
            ),
            K::AnsweredButNotAsked { .. } => text(
                "ta bort svaret, eller ändra svaret på frågan villkoret bygger på",
                "remove the answer, or change the answer the condition depends on",
            ),
            K::TestUnscoredQuestion { .. } => text(
                "villkor på frågor kräver en skalfråga eller en fråga med `points`",
                "conditions on questions need a scale question or one with `points`",
            ),
            K::NoAreas => text(
                "lägg till minst ett område med frågor i `areas`",
                "add at least one area with questions to `areas`",
            ),
            K::NoQuestions => text(
                "lägg till minst en fråga, eller ta bort området",
                "add at least one question, or remove the area",
            ),
            K::DuplicateAreaNumber { .. } => text(
                "numrera områdena i den ordning de står i listan",
                "number the areas in the order of their list",
            ),
            K::TooFewOptions => text(
                "lägg till alternativ i `options`, eller gör frågan till `yes_no`",
                "add options to `options`, or make the question `yes_no`",
            ),
            K::NumberBounds => text("byt plats på `min` och `max`", "swap `min` and `max`"),
            K::ConditionUnknownQuestion { .. } | K::UnknownQuestion { .. } => text(
                "kontrollera frågans id mot enkäten",
                "check the question id against the questionnaire",
            ),
            K::ConditionTestCount => text(
                "skriv till exempel `{ \"question\": \"a5-1\", \"any_of\": [\"yes\"] }`",
                "write for example `{ \"question\": \"a5-1\", \"any_of\": [\"yes\"] }`",
            ),
            K::EvidenceValue { .. } => text(
                "ja/nej-frågor svarar `yes`, `no` (och `partly`), flervalsfrågor med alternativens id",
                "yes/no questions answer `yes`, `no` (and `partly`), choice questions an option's id",
            ),
            K::ConditionValue { .. } | K::PointsUnknownKey { .. } => text(
                "ja/nej-frågor svarar `yes`, `no` (och `partly`), flervalsfrågor med alternativens id, skalfrågor med 0–5",
                "yes/no questions answer `yes`, `no` (and `partly`), choice questions an option's id, scale questions 0–5",
            ),
            K::ContinuesTwice { .. } => text(
                "ta bort dubbletten ur `continues`",
                "remove the duplicate from `continues`",
            ),
            K::ContinuedTwice { .. } => text(
                "ett tidigare svar kan bara föras till en fråga; låt den fråga som betyder samma sak fortsätta det",
                "an earlier answer can be carried to one question only; let the question that means the same continue it",
            ),
            K::ConditionNotNumeric { .. } => text(
                "använd `any_of` med frågans möjliga svar",
                "use `any_of` with the question's possible answers",
            ),
            K::AreaInTwoGroups { .. } | K::GroupEmpty => text(
                "låt varje grupp nämna sina områdens id, och varje område stå i högst en grupp",
                "let each group name its areas' ids, and each area stand in at most one group",
            ),
            K::UnknownArea { .. } | K::TestUnscoredArea { .. } => text(
                "områdets id ska finnas i enkäten och poängsättas i bedömningsmallens `areas`",
                "the area id must exist in the questionnaire and be scored in the rubric's `areas`",
            ),
            K::QuestionInOtherArea { .. } => text(
                "flytta regeln till det område där frågan står",
                "move the rule to the area the question is in",
            ),
            K::ScoredTwice { .. } => text(
                "ta bort den ena regeln; en fråga poängsätts en gång",
                "remove one of the rules; a question is scored once",
            ),
            K::WeightTooLarge { .. } => text(
                "vikterna räknas i förhållande till varandra: använd små tal, till exempel 1 och 2",
                "weights count relative to each other: use small numbers, for example 1 and 2",
            ),
            K::TextTooLong { .. } => text(
                "korta texten; lägg långa underlag i ett eget dokument och hänvisa till det",
                "shorten the text; keep long material in a document of its own and refer to it",
            ),
            K::WeightNotPositive { .. } => text(
                "en fråga som inte ska räknas tas bort ur bedömningsmallen i stället",
                "leave a question that should not count out of the rubric instead",
            ),
            K::NotScorable { .. } => text(
                "ta bort frågan ur bedömningsmallen; fritext visas men poängsätts aldrig",
                "remove the question from the rubric; free text is shown but never scored",
            ),
            K::PointsOutOfRange { .. } | K::CapRange { .. } | K::BelowRange { .. } => text(
                "poäng, tak och gränser ligger på samma skala som nivåerna, 0–5",
                "points, caps and limits are on the same scale as the levels, 0–5",
            ),
            K::PointsBandsEmpty => text(
                "skriv minst ett intervall, det första med `at_least` lika med frågans `min`, till exempel `[{ \"at_least\": 0, \"points\": 0 }]`",
                "write at least one band, the first with `at_least` equal to the question's `min`, for example `[{ \"at_least\": 0, \"points\": 0 }]`",
            ),
            K::BandsUncovered {
                from: Some(from), ..
            } => {
                let from = number(lang, *from);
                if lang == Lang::Sv {
                    format!(
                        "sänk det första intervallets `at_least` till {from}, frågans lägsta svar, så att varje tillåtet svar får poäng; ett svar utan poäng räknas som obesvarat och sänker täckningen"
                    )
                } else {
                    format!(
                        "lower the first band's `at_least` to {from}, the question's lowest answer, so that every allowed answer gets points; an answer without points counts as unanswered and lowers coverage"
                    )
                }
            }
            K::BandsUncovered { from: None, .. } => text(
                "ge frågan ett `min` i enkäten (0 för ett antal eller en andel) och låt det första intervallet börja där",
                "give the question a `min` in the questionnaire (0 for a count or a share) and start the first band there",
            ),
            K::BandsNotAscending => text(
                "sortera intervallen från lägst till högst `at_least`",
                "sort the bands from lowest to highest `at_least`",
            ),
            K::LevelsEmpty
            | K::LevelsFirstNotZero
            | K::LevelsNotAscending
            | K::LevelsGap { .. }
            | K::LevelOutOfRange { .. } => text(
                "skriv nivåerna 0–5 i ordning, den första med `min` 0, till exempel `{ \"level\": 3, \"min\": 3.0, \"name\": … }`",
                "write the levels 0–5 in order, the first with `min` 0, for example `{ \"level\": 3, \"min\": 3.0, \"name\": … }`",
            ),
            K::CoverageRange { .. } => text(
                "täckning är en andel: 0.75 betyder 75 %",
                "coverage is a share: 0.75 means 75%",
            ),
            K::MinAreas { .. } => text(
                "sänk `min_areas` till högst antalet poängsatta områden",
                "lower `min_areas` to at most the number of scored areas",
            ),
            K::TestThreshold => text(
                "skriv `\"below\": 2` (poäng under 2), `\"at_least\": 2` (poäng 2 eller mer) eller `\"is\": [\"no\"]` (svaret är Nej)",
                "write `\"below\": 2` (points below 2), `\"at_least\": 2` (points 2 or more) or `\"is\": [\"no\"]` (the answer is No)",
            ),
            K::TestAnswerKind { .. } => text(
                "jämför poängen med `below` eller `at_least` i stället",
                "compare the points with `below` or `at_least` instead",
            ),
            K::TestUnknownAnswer { .. } => text(
                "skriv `yes`, `no` (eller `partly`) för en ja/nej-fråga, eller ett av flervalsfrågans `options[].id`",
                "write `yes`, `no` (or `partly`) for a yes/no question, or one of the choice question's `options[].id`",
            ),
            K::ConditionEmpty => text(
                "skriv de villkor som alla ska gälla i `all`, eller ett enda villkor utan `all`",
                "write the tests that must all hold in `all`, or one test without `all`",
            ),
            K::TestSubject => text(
                "skriv `{ \"question\": ID, \"below\": 2 }` eller `{ \"area\": ID, \"below\": 2 }`",
                "write `{ \"question\": ID, \"below\": 2 }` or `{ \"area\": ID, \"below\": 2 }`",
            ),
            K::VerdictMissing | K::BandsEmpty => text(
                "lägg till `verdict` med `bands` och `blockers`; se docs/formats.md",
                "add `verdict` with `bands` and `blockers`; see docs/formats.md",
            ),
            K::BandsNotDescending => text(
                "skriv den bästa nivån först och låt den sista ha `min` 0",
                "write the best band first and give the last one `min` 0",
            ),
            K::UnknownBand { .. } => text(
                "`limit` ska vara id:t på en av `verdict.bands`",
                "`limit` must be the id of one of `verdict.bands`",
            ),
            K::UnknownIndicator { .. } => text(
                "använd en `indicator`-nyckel från enkätens frågor",
                "use an `indicator` key from the questionnaire's questions",
            ),
            K::YearsNotAscending => text(
                "sortera värdena efter år, äldst först",
                "sort the values by year, oldest first",
            ),
            K::CountAboveTotal { .. } => text(
                "kontrollera antalet mot källan och mot `of`",
                "check the count against the source and against `of`",
            ),
            K::CountOrText => text(
                "skriv ett exakt antal i `count`, eller källans egna ord i `text` där den inte ger något antal",
                "write an exact count in `count`, or the source's own words in `text` where it gives no number",
            ),
            K::WithheldWithValues | K::BelowMinimum { .. } => text(
                "en siffra som vilar på färre regioner än `min_regions` får inte publiceras; bygg om referensen med `mognad benchmark`",
                "a figure resting on fewer regions than `min_regions` must not be published; rebuild the reference with `mognad benchmark`",
            ),
            K::MissingFigures | K::FiguresOutOfOrder | K::CountsDoNotAddUp { .. } => text(
                "filen har ändrats för hand eller skadats; bygg om referensen med `mognad benchmark`",
                "the file was edited by hand or damaged; rebuild the reference with `mognad benchmark`",
            ),
            K::EmptyRegion => text(
                "skriv regionens namn i `region`",
                "write the region's name in `region`",
            ),
            K::YearRange { .. } => text(
                "skriv året bedömningen gäller, till exempel 2025",
                "write the year the assessment describes, for example 2025",
            ),
            K::YearBeforeEdition { .. } => text(
                "kontrollera `year`: en utgåva kan inte ha besvarats innan den fanns",
                "check `year`: an edition cannot have been answered before it existed",
            ),
            K::SolutionNotExpected => text(
                "ta bort `solution`, eller svara på en beredskapsenkät",
                "remove `solution`, or answer a readiness questionnaire",
            ),
            K::TargetUnknownArea { areas, .. } => {
                if lang == Lang::Sv {
                    format!("ett mål gäller ett av enkätens områden: {areas}")
                } else {
                    format!("a target is for one of the questionnaire's areas: {areas}")
                }
            }
            K::TargetRange { .. } => text(
                "skriv målet som en hel nivå 1–5, den nivå området ska nå; ta bort området för att inte ha något mål",
                "write the target as a whole level 1–5, the level the area is to reach; leave the area out for no target",
            ),
            K::TargetAboveTop { top, .. } => {
                if lang == Lang::Sv {
                    format!("sätt ett mål från 1 till {top}, den nivå området ska nå")
                } else {
                    format!("set a target from 1 to {top}, the level the area is to reach")
                }
            }
            K::TargetUnscoredArea { .. } => text(
                "ta bort målet; bara områden som får poäng kan ha mål",
                "remove the target; only areas that are scored can have one",
            ),
        }
    }
}

fn shape_sv(expected: &str) -> &'static str {
    match expected {
        "a list of bands" => "en lista med intervall",
        _ => "ett objekt från svar till poäng",
    }
}

fn expected_sv(expected: &str) -> &'static str {
    match expected {
        "a level 0–5" => "en nivå 0–5",
        "\"yes\" or \"no\"" => "\"yes\" eller \"no\"",
        "\"yes\", \"partly\" or \"no\"" => "\"yes\", \"partly\" eller \"no\"",
        "an option id" => "ett alternativs id",
        "a number" => "ett tal",
        _ => "en text",
    }
}

/// A problem in an answers sheet (a CSV file that `mognad import` reads), at the row and
/// column a spreadsheet shows: rows count from 1 with the header as row 1, columns are
/// lettered A, B, … and named by their header.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetProblem {
    /// The row; `None` for the whole file.
    pub row: Option<usize>,
    pub column: Option<SheetColumn>,
    pub kind: SheetProblemKind,
}

/// A column of a sheet: its place (0 is column A) and its header as written, when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetColumn {
    pub index: usize,
    pub name: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SheetProblemKind {
    NotUtf8,
    Unreadable {
        message: String,
    },
    Empty,
    MissingColumn {
        sv: &'static str,
        en: &'static str,
    },
    DuplicateColumn {
        name: String,
    },
    NoQuestionnaire,
    OtherQuestionnaire {
        found: String,
        expected: String,
    },
    OtherVersion {
        found: String,
        current: String,
    },
    UnknownKey {
        key: String,
    },
    MissingValue {
        key: &'static str,
    },
    BadYear {
        found: String,
    },
    KeyNotExpected {
        key: &'static str,
    },
    MissingId,
    UnknownQuestion {
        id: String,
    },
    DuplicateRow {
        id: String,
        first: usize,
    },
    BadAnswer {
        found: String,
        allowed: Text,
    },
    NoteWithoutAnswer,
    NotAsked {
        condition: Text,
    },
    /// The answer needs evidence (`evidence_required`) and the row has none.
    EvidenceMissing {
        answer: Text,
    },
    UnknownTargetArea {
        id: String,
    },
    BadTarget {
        found: String,
    },
}

impl SheetColumn {
    /// The column's letter as a spreadsheet shows it: A–Z, then AA, AB, …
    pub fn letter(&self) -> String {
        let mut letters = Vec::new();
        let mut n = self.index + 1;
        while n > 0 {
            let rest = (n - 1) % 26;
            letters.push(char::from(b'A' + rest as u8));
            n = (n - 1) / 26;
        }
        letters.iter().rev().collect()
    }
}

impl SheetProblem {
    pub fn new(row: Option<usize>, column: Option<SheetColumn>, kind: SheetProblemKind) -> Self {
        SheetProblem { row, column, kind }
    }

    pub fn severity(&self) -> Severity {
        match self.kind {
            SheetProblemKind::OtherVersion { .. } | SheetProblemKind::EvidenceMissing { .. } => {
                Severity::Warning
            }
            _ => Severity::Error,
        }
    }

    /// `file: row 12, column H (answer): message`, then the hint on its own line.
    pub fn render(&self, file: &str, lang: Lang) -> String {
        let label = match self.severity() {
            Severity::Error => lang.pick("fel", "error"),
            Severity::Warning => lang.pick("varning", "warning"),
        };
        let mut place = Vec::new();
        if let Some(row) = self.row {
            place.push(format!("{} {row}", lang.pick("rad", "row")));
        }
        if let Some(column) = &self.column {
            let mut text = format!("{} {}", lang.pick("kolumn", "column"), column.letter());
            if let Some(name) = column.name.as_deref().filter(|n| !n.trim().is_empty()) {
                let _ = write!(text, " ({})", name.trim());
            }
            place.push(text);
        }
        let mut out = format!("{label}: {file}");
        if !place.is_empty() {
            let _ = write!(out, ": {}", place.join(", "));
        }
        let _ = write!(
            out,
            ": {}\n  {}: {}",
            self.kind.message(lang),
            lang.pick("tips", "hint"),
            self.kind.hint(lang)
        );
        out
    }
}

impl SheetProblemKind {
    pub fn message(&self, lang: Lang) -> String {
        use SheetProblemKind as K;
        let sv = lang == Lang::Sv;
        match self {
            K::NotUtf8 => lang.pick(
                "filen är inte sparad som UTF-8, så å, ä och ö kan inte läsas säkert (Excel sparar så med ”CSV (MS-DOS)” och ”CSV (kommaavgränsad)”)",
                "the file is not saved as UTF-8, so å, ä and ö cannot be read safely (Excel saves so with “CSV (MS-DOS)” and “CSV (Comma delimited)”)",
            ).into(),
            K::Unreadable { message } => if sv { format!("filen kan inte läsas som CSV: {message}") } else { format!("the file cannot be read as CSV: {message}") },
            K::Empty => lang.pick("filen har ingen rubrikrad", "the file has no header row").into(),
            K::MissingColumn { sv: name_sv, en: name_en } => if sv { format!("kolumnen `{name_sv}` saknas i rubrikraden") } else { format!("the header row has no column `{name_en}`") },
            K::DuplicateColumn { name } => if sv { format!("kolumnen `{name}` finns två gånger i rubrikraden") } else { format!("the column `{name}` is in the header row twice") },
            K::NoQuestionnaire => lang.pick(
                "svarsbladet säger inte vilken enkät det gäller (raden `#questionnaire` saknas)",
                "the sheet does not say which questionnaire it is for (the row `#questionnaire` is missing)",
            ).into(),
            K::OtherQuestionnaire { found, expected } => if sv { format!("svarsbladet gäller enkäten `{found}`, inte `{expected}`") } else { format!("the sheet is for questionnaire `{found}`, not `{expected}`") },
            K::OtherVersion { found, current } => if sv { format!("svarsbladet gjordes för enkätversion {found}, den här är {current}; svaren kontrolleras mot {current}") } else { format!("the sheet was made for questionnaire version {found}, this is {current}; the answers are checked against {current}") },
            K::UnknownKey { key } => if sv { format!("okänd rad `{key}`") } else { format!("unknown row `{key}`") },
            K::MissingValue { key } => {
                let (what_sv, what_en) = match *key {
                    "#region" => ("regionen", "the region"),
                    "#year" => ("året", "the year"),
                    "#solution" => ("lösningen som bedöms", "the solution assessed"),
                    "#target_group" => ("målgruppen", "the target group"),
                    _ => ("ett värde", "a value"),
                };
                if sv { format!("{what_sv} saknas (raden `{key}`)") } else { format!("{what_en} is missing (the row `{key}`)") }
            }
            K::BadYear { found } => if sv { format!("`{found}` är inget år 2000–2100") } else { format!("`{found}` is not a year 2000–2100") },
            K::KeyNotExpected { key } => if sv { format!("raden `{key}` hör bara till beredskapsenkäter") } else { format!("the row `{key}` only belongs to readiness questionnaires") },
            K::MissingId => lang.pick("raden har ett svar eller en kommentar men inget id", "the row has an answer or a comment but no id").into(),
            K::UnknownQuestion { id } => if sv { format!("frågan `{id}` finns inte i enkäten") } else { format!("question `{id}` does not exist in the questionnaire") },
            K::DuplicateRow { id, first } => if sv { format!("`{id}` finns redan på rad {first}") } else { format!("`{id}` is already on row {first}") },
            K::BadAnswer { found, allowed } => if sv { format!("`{found}` är inget möjligt svar på frågan; möjliga svar: {}", allowed.sv) } else { format!("`{found}` is not a possible answer to the question; possible answers: {}", allowed.en) },
            K::NoteWithoutAnswer => lang.pick("kommentar eller underlag utan svar", "a comment or evidence without an answer").into(),
            K::NotAsked { condition } => if sv { format!("frågan är besvarad, men den ställs bara om {}", condition.sv) } else { format!("the question is answered, but it is only asked if {}", condition.en) },
            K::EvidenceMissing { answer } => if sv { format!("svaret {} kräver underlag; utan underlag räknas det som Vet ej", answer.sv) } else { format!("the answer {} needs evidence; without it, it counts as Don't know", answer.en) },
            K::UnknownTargetArea { id } => if sv { format!("området `{id}` finns inte i enkäten") } else { format!("area `{id}` does not exist in the questionnaire") },
            K::BadTarget { found } => if sv { format!("`{found}` är ingen nivå 1–5 att ha som mål") } else { format!("`{found}` is no level 1–5 to have as a target") },
        }
    }

    /// What to do about it; every problem has a hint.
    pub fn hint(&self, lang: Lang) -> String {
        use SheetProblemKind as K;
        let text = |sv: &str, en: &str| lang.pick(sv, en).to_string();
        match self {
            K::NotUtf8 => text(
                "öppna filen i Excel och spara den med Spara som › ”CSV UTF-8 (kommaavgränsad) (*.csv)”",
                "open the file in Excel and save it with Save As › “CSV UTF-8 (Comma delimited) (*.csv)”",
            ),
            K::Unreadable { .. } | K::Empty => text(
                "gör ett nytt svarsblad med `mognad template` och fyll i det",
                "make a new sheet with `mognad template` and fill it in",
            ),
            K::MissingColumn { .. } => text(
                "rad 1 ska ha rubrikerna från `mognad template`; `id` och `svar` (eller `answer`) krävs, `kommentar` och `underlag` läses när de finns",
                "row 1 must have the headers from `mognad template`; `id` and `answer` (or `svar`) are required, `comment` and `evidence` are read when present",
            ),
            K::DuplicateColumn { .. } => text(
                "ta bort den ena kolumnen eller byt namn på den",
                "delete one of the columns or rename it",
            ),
            K::NoQuestionnaire => text(
                "lägg till en rad med `#questionnaire` i kolumnen id och till exempel `tiopunkt 2025.1` i kolumnen svar, eller ange enkäten med `--questionnaire`",
                "add a row with `#questionnaire` in the id column and for example `tiopunkt 2025.1` in the answer column, or give the questionnaire with `--questionnaire`",
            ),
            K::OtherQuestionnaire { .. } => text(
                "läs in svarsbladet utan `--questionnaire`, eller med enkäten det gjordes för",
                "import the sheet without `--questionnaire`, or with the questionnaire it was made for",
            ),
            K::OtherVersion { .. } => text(
                "kontrollera att frågorna betyder samma sak; `mognad template` gör ett svarsblad för den här versionen",
                "check that the questions mean the same; `mognad template` makes a sheet for this version",
            ),
            K::UnknownKey { .. } => text(
                "raderna som börjar med # är #questionnaire, #region, #year, #respondent, #solution, #target_group och #target:OMRÅDE",
                "the rows starting with # are #questionnaire, #region, #year, #respondent, #solution, #target_group and #target:AREA",
            ),
            K::UnknownTargetArea { .. } => text(
                "kontrollera områdets id efter `#target:` mot ett nytt svarsblad från `mognad template`",
                "check the area's id after `#target:` against a new sheet from `mognad template`",
            ),
            K::BadTarget { .. } => text(
                "skriv den nivå området ska nå som en siffra 1–5, eller töm cellen för inget mål",
                "write the level the area is to reach as a digit 1–5, or clear the cell for no target",
            ),
            K::MissingValue { .. } => text(
                "skriv det i kolumnen svar på den raden; `mognad template` gör raden",
                "write it in the answer column of that row; `mognad template` makes the row",
            ),
            K::BadYear { .. } => text(
                "skriv året bedömningen gäller, till exempel 2025",
                "write the year the assessment describes, for example 2025",
            ),
            K::KeyNotExpected { .. } => text(
                "töm cellen eller ta bort raden",
                "clear the cell or delete the row",
            ),
            K::MissingId => text(
                "skriv frågans id i kolumnen id, eller töm raden",
                "write the question's id in the id column, or clear the row",
            ),
            K::UnknownQuestion { .. } => text(
                "kontrollera id:t mot ett nytt svarsblad från `mognad template`; ändra inte kolumnen id",
                "check the id against a new sheet from `mognad template`; do not change the id column",
            ),
            K::DuplicateRow { .. } => text(
                "slå ihop raderna till en; varje fråga besvaras på en rad",
                "merge the rows into one; each question is answered on one row",
            ),
            K::BadAnswer { .. } => text(
                "skriv ett av svaren i kolumnen svarsalternativ (en nivå som siffra), eller lämna cellen tom om frågan inte är besvarad",
                "write one of the answers in the allowed answers column (a level as a digit), or leave the cell empty if the question is not answered",
            ),
            K::NoteWithoutAnswer => text(
                "skriv ett svar (eller Vet ej) på raden, eller flytta texten; en tom svarscell betyder att frågan inte är besvarad",
                "write an answer (or Don't know) on the row, or move the text; an empty answer cell means the question is not answered",
            ),
            K::NotAsked { .. } => text(
                "töm svaret, eller ändra svaret på frågan villkoret bygger på (kolumnen villkor)",
                "clear the answer, or change the answer the condition depends on (the condition column)",
            ),
            K::EvidenceMissing { .. } => text(
                "skriv i kolumnen underlag vad svaret bygger på, till exempel ett avtal eller ett beslut",
                "write in the evidence column what the answer rests on, such as an agreement or a decision",
            ),
        }
    }
}

/// serde's messages about a file's structure in Swedish, for the kinds a person editing a file
/// meets: a missing or unknown field, an unknown value, a value of the wrong type. Others are
/// left as serde words them.
fn structure_sv(message: &str) -> String {
    let between = |text: &str| {
        text.replace(", expected one of ", "; möjliga: ")
            .replace(", expected ", "; väntade ")
            .replace("` or `", "` eller `")
    };
    if let Some(field) = message.strip_prefix("missing field ") {
        return format!("fältet {field} saknas");
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let rest = rest.replace(", there are no fields", "; här finns inga fält");
        return format!("okänt fält {}", between(&rest));
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return format!("okänt värde {}", between(rest));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let found = found
            .replace("string ", "texten ")
            .replace("integer ", "talet ")
            .replace("floating point ", "talet ")
            .replace("boolean ", "sanningsvärdet ")
            .replace("map", "ett objekt { … }")
            .replace("sequence", "en lista [ … ]");
        let expected = match expected {
            "a string" => "en text".to_string(),
            "i32" | "u32" | "u8" | "usize" | "i64" | "u64" => "ett heltal".to_string(),
            "f64" => "ett tal".to_string(),
            "a boolean" => "true eller false".to_string(),
            "a sequence" => "en lista [ … ]".to_string(),
            "a map" => "ett objekt { … }".to_string(),
            other => other.to_string(),
        };
        return format!("fel typ: {found}, väntade {expected}");
    }
    message.to_string()
}
