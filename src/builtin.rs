//! The questionnaires and rubrics compiled into the binary, so the tool works with no files
//! beside it. The same files are in `questionnaires/` and `scoring/` for users to copy.
//!
//! A released edition never changes: answers record its content hash. A revision is a new
//! edition beside the old, so each id has a list of editions, oldest first. New interviews
//! start on the newest; an answers file is always read with the edition it names.

use crate::document::{self, Document};
use crate::error::Error;
use crate::questionnaire::Questionnaire;
use crate::scoring::Rubric;

/// One built-in edition: a questionnaire version and the rubric that scores it.
#[derive(Debug)]
pub struct Edition {
    pub id: &'static str,
    pub version: &'static str,
    pub questionnaire: &'static str,
    pub rubric: &'static str,
}

/// Every built-in edition, by id in a fixed order, then oldest first. `build.rs` makes the
/// list from the files in `questionnaires/` and `scoring/`.
pub const EDITIONS: &[Edition] = include!(concat!(env!("OUT_DIR"), "/editions.rs"));

impl Edition {
    pub fn questionnaire(&self) -> Result<Questionnaire, Error> {
        match self.parse("questionnaires", self.questionnaire)? {
            Document::Questionnaire(q) => Ok(q),
            _ => unreachable!("built-in questionnaires are questionnaires (checked by tests)"),
        }
    }

    pub fn rubric(&self) -> Result<Rubric, Error> {
        match self.parse("scoring", self.rubric)? {
            Document::Rubric(r) => Ok(r),
            _ => unreachable!("built-in rubrics are rubrics (checked by tests)"),
        }
    }

    fn parse(&self, folder: &str, text: &str) -> Result<Document, Error> {
        document::parse(text).map_err(|problem| Error::Invalid {
            path: format!("{folder}/{}-{}.json", self.id, self.version),
            problems: vec![problem],
        })
    }
}

/// The built-in ids, each once, in the order of the list.
pub fn ids() -> Vec<&'static str> {
    ids_in(EDITIONS)
}

/// The editions of one id, oldest first; empty when the id is not built in.
pub fn editions(id: &str) -> impl Iterator<Item = &'static Edition> {
    editions_in(EDITIONS, id)
}

/// The newest edition of an id: the one new interviews start on.
pub fn newest(id: &str) -> Option<&'static Edition> {
    editions(id).last()
}

/// The edition of an id with this version. `None` when the id is not built in; an error
/// naming the editions there are when the id is but the version is not.
pub fn edition(id: &str, version: &str) -> Option<Result<&'static Edition, Error>> {
    edition_in(EDITIONS, id, version)
}

/// The newest built-in questionnaire with this id.
pub fn questionnaire(id: &str) -> Option<Result<Questionnaire, Error>> {
    newest(id).map(Edition::questionnaire)
}

/// The rubric of the newest built-in edition with this id.
pub fn rubric(id: &str) -> Option<Result<Rubric, Error>> {
    newest(id).map(Edition::rubric)
}

/// The built-in questionnaire of one edition.
pub fn questionnaire_at(id: &str, version: &str) -> Option<Result<Questionnaire, Error>> {
    edition(id, version).map(|e| e.and_then(Edition::questionnaire))
}

/// The rubric of one built-in edition.
pub fn rubric_at(id: &str, version: &str) -> Option<Result<Rubric, Error>> {
    edition(id, version).map(|e| e.and_then(Edition::rubric))
}

fn ids_in(list: &'static [Edition]) -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = Vec::new();
    for edition in list {
        if !ids.contains(&edition.id) {
            ids.push(edition.id);
        }
    }
    ids
}

fn editions_in<'a>(list: &'a [Edition], id: &str) -> impl Iterator<Item = &'a Edition> {
    let id = id.to_string();
    list.iter().filter(move |e| e.id == id)
}

fn edition_in<'a>(
    list: &'a [Edition],
    id: &str,
    version: &str,
) -> Option<Result<&'a Edition, Error>> {
    let mut editions = editions_in(list, id).peekable();
    editions.peek()?;
    let editions: Vec<&Edition> = editions.collect();
    Some(
        editions
            .iter()
            .find(|e| e.version == version)
            .copied()
            .ok_or_else(|| Error::UnknownEdition {
                id: id.to_string(),
                version: version.to_string(),
                editions: editions.iter().map(|e| e.version.to_string()).collect(),
            }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &[Edition] = &[
        Edition {
            id: "tiopunkt",
            version: "2025.1",
            questionnaire: "",
            rubric: "",
        },
        Edition {
            id: "tiopunkt",
            version: "2026.1",
            questionnaire: "",
            rubric: "",
        },
        Edition {
            id: "beredskap",
            version: "2025.1",
            questionnaire: "",
            rubric: "",
        },
    ];

    #[test]
    fn a_version_finds_its_edition_and_an_unknown_one_names_those_there_are() {
        assert_eq!(
            edition_in(LIST, "tiopunkt", "2025.1")
                .unwrap()
                .unwrap()
                .version,
            "2025.1"
        );
        assert_eq!(
            edition_in(LIST, "tiopunkt", "2026.1")
                .unwrap()
                .unwrap()
                .version,
            "2026.1"
        );
        match edition_in(LIST, "tiopunkt", "2024.1") {
            Some(Err(Error::UnknownEdition {
                id,
                version,
                editions,
            })) => {
                assert_eq!((id.as_str(), version.as_str()), ("tiopunkt", "2024.1"));
                assert_eq!(editions, ["2025.1", "2026.1"]);
            }
            other => panic!("expected an unknown edition, got {other:?}"),
        }
        assert!(edition_in(LIST, "okand", "2025.1").is_none());
    }

    #[test]
    fn ids_are_listed_once_in_order() {
        assert_eq!(ids_in(LIST), ["tiopunkt", "beredskap"]);
    }

    #[test]
    fn every_edition_parses_and_says_the_version_it_is_listed_under() {
        for edition in EDITIONS {
            let q = edition.questionnaire().unwrap();
            let r = edition.rubric().unwrap();
            assert_eq!(
                (q.id.as_str(), q.version.as_str()),
                (edition.id, edition.version)
            );
            assert_eq!(r.questionnaire.id, edition.id);
            assert!(
                r.questionnaire
                    .versions
                    .iter()
                    .any(|v| v == edition.version),
                "the rubric of {} {} scores {:?}",
                edition.id,
                edition.version,
                r.questionnaire.versions
            );
        }
    }

    #[test]
    fn every_edition_file_is_built_in() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/questionnaires");
        for entry in std::fs::read_dir(folder).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            let stem = name.strip_suffix(".json").unwrap();
            let found = match stem.rsplit_once('-') {
                Some((id, version)) => edition(id, version).and_then(Result::ok),
                None => newest(stem).and_then(|_| editions(stem).next()),
            };
            assert!(found.is_some(), "questionnaires/{name} is not built in");
        }
    }

    #[test]
    fn the_newest_edition_is_the_last_of_its_id() {
        for id in ids() {
            let newest = newest(id).unwrap();
            assert!(editions(id).all(|e| {
                let order = |v: &str| {
                    let (y, n) = v.split_once('.').unwrap();
                    (y.parse::<u32>().unwrap(), n.parse::<u32>().unwrap())
                };
                order(e.version) <= order(newest.version)
            }));
        }
    }

    #[test]
    fn the_first_editions_are_built_in_unchanged() {
        // Answers made in 2025 record these hashes; they must keep matching.
        for (id, hash) in [("tiopunkt", FIRST_TIOPUNKT), ("beredskap", FIRST_BEREDSKAP)] {
            let q = edition(id, "2025.1")
                .unwrap()
                .unwrap()
                .questionnaire()
                .unwrap();
            assert_eq!(q.content_hash(), hash, "{id} 2025.1");
        }
    }

    const FIRST_TIOPUNKT: &str =
        "sha256:8960cb0c3f182464e1ed3724a23db0218c36ca3b5d07c3f5c55ea260a60edeec";
    const FIRST_BEREDSKAP: &str =
        "sha256:d48e97929acae7ef55114900cd1c8338135c8be868c8ef537bba59ba362a9f76";
}
