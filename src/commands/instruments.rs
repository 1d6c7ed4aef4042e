//! Instruments from folders: the questionnaires and rubrics a national coordinator hands the
//! regions as one folder, named by `--instruments DIR` or `MOGNAD_INSTRUMENTS` (a path list,
//! as `PATH` is written). An answers file's questionnaire id and version find the
//! questionnaire there, and the questionnaire finds the rubric that scores it, so every
//! command works with such an instrument as with a built-in one. Built-in editions come first.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::document::Document;
use crate::files;
use crate::questionnaire::Questionnaire;
use crate::scoring::Rubric;

static FOLDERS: OnceLock<Vec<PathBuf>> = OnceLock::new();
/// Those of the folders named by `--instruments`, which a command in a hint must name again.
static GIVEN: OnceLock<Vec<PathBuf>> = OnceLock::new();

/// Sets the folders searched, once, from the command line and the environment.
pub fn set(given: &[PathBuf], environment: Option<std::ffi::OsString>) {
    let _ = GIVEN.set(given.to_vec());
    let mut folders: Vec<PathBuf> = given.to_vec();
    if let Some(list) = environment {
        folders.extend(std::env::split_paths(&list).filter(|p| !p.as_os_str().is_empty()));
    }
    let _ = FOLDERS.set(folders);
}

fn folders() -> &'static [PathBuf] {
    FOLDERS.get().map_or(&[], Vec::as_slice)
}

/// The `.json` files in a folder, not its dot files, in name order.
pub fn json_files(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"))
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    paths.sort();
    paths
}

/// Every questionnaire and rubric in the folders, in name order; files that are neither (or
/// cannot be read) are passed over, for `validate` to speak of.
fn documents() -> Vec<(PathBuf, Document)> {
    let mut found = Vec::new();
    for folder in folders() {
        for path in json_files(folder) {
            if let Ok(document @ (Document::Questionnaire(_) | Document::Rubric(_))) =
                files::load(&path)
            {
                found.push((path, document));
            }
        }
    }
    found
}

/// Every questionnaire in the folders.
pub fn questionnaires() -> Vec<Questionnaire> {
    documents()
        .into_iter()
        .filter_map(|(_, d)| match d {
            Document::Questionnaire(q) => Some(q),
            _ => None,
        })
        .collect()
}

/// Every questionnaire in the folders with its file, in the folders' order and then name order.
pub fn questionnaire_files() -> Vec<(PathBuf, Questionnaire)> {
    documents()
        .into_iter()
        .filter_map(|(path, d)| match d {
            Document::Questionnaire(q) => Some((path, q)),
            _ => None,
        })
        .collect()
}

/// Every rubric in the folders.
pub fn rubrics() -> Vec<Rubric> {
    documents()
        .into_iter()
        .filter_map(|(_, d)| match d {
            Document::Rubric(r) => Some(r),
            _ => None,
        })
        .collect()
}

/// The questionnaire with this id, of this version or else the newest, from the folders.
pub fn questionnaire(id: &str, version: Option<&str>) -> Option<(PathBuf, Questionnaire)> {
    let mut candidates: Vec<(PathBuf, Questionnaire)> = documents()
        .into_iter()
        .filter_map(|(path, d)| match d {
            Document::Questionnaire(q) if q.id == id => Some((path, q)),
            _ => None,
        })
        .filter(|(_, q)| version.is_none_or(|v| q.version == v))
        .collect();
    candidates.sort_by(|a, b| newer(&a.1.version, &b.1.version));
    candidates.pop()
}

/// The rubric in the folders that scores this questionnaire's id and version.
pub fn rubric(questionnaire: &Questionnaire) -> Option<(PathBuf, Rubric)> {
    documents().into_iter().find_map(|(path, d)| match d {
        Document::Rubric(r)
            if r.questionnaire.id == questionnaire.id
                && r.questionnaire.versions.contains(&questionnaire.version) =>
        {
            Some((path, r))
        }
        _ => None,
    })
}

/// The rubric in the folders with this id, or scoring the questionnaire with this id (the
/// newest questionnaire's version first).
pub fn rubric_named(name: &str) -> Option<(PathBuf, Rubric)> {
    if let Some((_, questionnaire)) = questionnaire(name, None)
        && let Some(found) = rubric(&questionnaire)
    {
        return Some(found);
    }
    documents().into_iter().find_map(|(path, d)| match d {
        Document::Rubric(r) if r.id == name || r.questionnaire.id == name => Some((path, r)),
        _ => None,
    })
}

/// Orders versions such as `2025.1` and `2026.1` (or `1.10` after `1.9`) by their numbers.
fn newer(a: &str, b: &str) -> std::cmp::Ordering {
    let parts = |v: &str| -> Vec<u64> { v.split('.').filter_map(|p| p.parse().ok()).collect() };
    parts(a).cmp(&parts(b)).then_with(|| a.cmp(b))
}

/// Whether any folder is searched, for hints.
pub fn any() -> bool {
    !folders().is_empty()
}

/// The folders named by `--instruments` on the command line, as given.
pub fn given() -> &'static [PathBuf] {
    GIVEN.get().map_or(&[], Vec::as_slice)
}

/// A folder's path as shown in hints.
pub fn shown() -> Vec<String> {
    folders()
        .iter()
        .map(|p| files::display(Path::new(p)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_ordered_by_their_numbers() {
        let mut versions = vec!["1.10", "2026.1", "1.9", "2025.1"];
        versions.sort_by(|a, b| newer(a, b));
        assert_eq!(versions, ["1.9", "1.10", "2025.1", "2026.1"]);
    }
}
