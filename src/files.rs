//! The only place files are read and written. Writes are atomic: a temporary file in the same
//! folder, flushed and then renamed over the target, so a crash never leaves half a file.
//! A file an interview is answered into is also [`Locked`], so that two interviews never
//! write over each other's answers.

use std::fmt::Write as _;
use std::fs::{File, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::document::{self, Document};
use crate::error::Error;

/// Reads a file as UTF-8 text; `-` reads standard input. What is not text for mognad (a PDF,
/// UTF-16, an empty file, a folder) is named as what it is.
pub fn read_text(path: &Path) -> Result<String, Error> {
    let error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let unusable = |why| Error::Unusable {
        path: path.to_path_buf(),
        why,
    };
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(error)?;
        if bytes.is_empty() {
            return Err(unusable(Unusable::EmptyStdin));
        }
        return utf8(bytes).map_err(unusable);
    }
    if path.is_dir() {
        return Err(unusable(Unusable::Folder));
    }
    let bytes = std::fs::read(path).map_err(error)?;
    utf8(bytes).map_err(unusable)
}

/// Why a file's bytes are not text mognad can read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unusable {
    /// Nothing in it, or only spaces and line breaks.
    Empty,
    /// Standard input was closed with nothing on it.
    EmptyStdin,
    /// A folder where a file was expected.
    Folder,
    /// A PDF, such as the profile `report` makes.
    Pdf,
    /// UTF-16 text, as some Windows programs save.
    Utf16,
    /// Bytes that are not UTF-8 text.
    NotUtf8,
}

fn utf8(bytes: Vec<u8>) -> Result<String, Unusable> {
    if bytes.starts_with(b"%PDF-") {
        return Err(Unusable::Pdf);
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(Unusable::Utf16);
    }
    if bytes.iter().take(4096).any(|b| *b == 0) {
        // Text with a NUL beside every ASCII letter is UTF-16 without its byte order mark.
        let nuls = bytes.iter().take(4096).filter(|b| **b == 0).count();
        return Err(if nuls * 3 >= bytes.len().min(4096) {
            Unusable::Utf16
        } else {
            Unusable::NotUtf8
        });
    }
    let text = String::from_utf8(bytes).map_err(|_| Unusable::NotUtf8)?;
    // A byte order mark is how some editors on Windows start UTF-8; it is not part of the JSON.
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Unusable::Empty);
    }
    Ok(text)
}

/// Reads a file as bytes, whatever its encoding; `-` reads standard input.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, Error> {
    let error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(error)?;
        return Ok(bytes);
    }
    std::fs::read(path).map_err(error)
}

/// Reads and parses a file of any kind.
pub fn load(path: &Path) -> Result<Document, Error> {
    parse(path, &read_text(path)?)
}

fn parse(path: &Path, text: &str) -> Result<Document, Error> {
    document::parse(text).map_err(|problem| Error::Invalid {
        path: display(path),
        problems: vec![problem],
    })
}

/// What a command writes, and what it may replace: the one check before any file is written.
#[derive(Clone, Copy, Debug)]
pub struct Output<'a> {
    pub kind: OutputKind,
    /// The files the command read: never replaced, even with `--force`.
    pub inputs: &'a [PathBuf],
    /// `--force`: replace a file of another kind (never an input).
    pub force: bool,
}

/// The kind of file a command writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputKind {
    /// A PDF: replaces only a PDF unasked.
    Pdf,
    /// A national reference: replaces only a national reference unasked.
    National,
    /// An answers file: replaces nothing unasked.
    Answers,
    /// A CSV sheet: replaces nothing unasked.
    Sheet,
    /// A file in a folder the command has just made.
    New,
}

impl OutputKind {
    pub fn name(self) -> &'static str {
        match self {
            OutputKind::Pdf => "PDF",
            OutputKind::National => "national reference",
            OutputKind::Answers => "answers",
            OutputKind::Sheet => "sheet",
            OutputKind::New => "file",
        }
    }
}

/// How old a `.mognad-*` temporary file must be to count as left behind by a write that was
/// interrupted: a write takes far less.
const STALE: std::time::Duration = std::time::Duration::from_mins(1);

/// The temporary files of interrupted writes, found and removed beside a file just written.
#[derive(Debug, Default)]
pub struct Written {
    pub swept: Vec<PathBuf>,
}

impl Written {
    /// One line per temporary file removed, for standard error.
    pub fn notice(&self, lang: crate::lang::Lang) -> String {
        let mut out = String::new();
        for path in &self.swept {
            let shown = crate::text::visible(&path.display().to_string()).into_owned();
            let _ = writeln!(
                out,
                "{}",
                lang.pick(
                    &format!(
                        "Tog bort `{shown}`, en tillfällig fil som ett avbrutet skrivande lämnade kvar."
                    ),
                    &format!("Removed `{shown}`, a temporary file left by an interrupted write."),
                )
            );
        }
        out
    }
}

/// Writes bytes to a file atomically, after [`check`]ing that the file may be replaced, and
/// removes temporary files that interrupted writes left beside it.
pub fn write_atomic(path: &Path, bytes: &[u8], output: &Output) -> Result<Written, Error> {
    check(path, output)?;
    let swept = sweep(path);
    let temporary = temporary(path, bytes)?;
    temporary.persist(path).map_err(|e| Error::Write {
        path: path.to_path_buf(),
        source: e.error,
    })?;
    Ok(Written { swept })
}

/// Whether a command may write `path`: never over one of its inputs, and over an existing file
/// only when it is of the kind written (a PDF over a PDF, a reference over a reference) or
/// with `--force`.
pub fn check(path: &Path, output: &Output) -> Result<(), Error> {
    let Ok(existing) = std::fs::metadata(path) else {
        return Ok(());
    };
    if existing.is_dir() {
        return Err(Error::Write {
            path: path.to_path_buf(),
            source: std::io::ErrorKind::IsADirectory.into(),
        });
    }
    for input in output.inputs {
        if std::fs::metadata(input).is_ok_and(|m| same_file(&m, &existing)) {
            return Err(Error::OwnInput {
                path: path.to_path_buf(),
                writing: output.kind.name(),
            });
        }
    }
    if output.force {
        return Ok(());
    }
    let found = kind_of(path);
    match (output.kind, found) {
        (OutputKind::Pdf, Found::Pdf)
        | (OutputKind::National, Found::Document(document::Kind::National))
        | (OutputKind::New, _) => Ok(()),
        (OutputKind::Answers | OutputKind::Sheet, _) => Err(Error::Exists {
            path: path.to_path_buf(),
        }),
        (OutputKind::Pdf | OutputKind::National, found) => Err(Error::Replace {
            path: path.to_path_buf(),
            found: found.name(),
            writing: output.kind.name(),
        }),
    }
}

/// What an existing file is, as far as a write needs to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    Pdf,
    Document(document::Kind),
    Other,
}

impl Found {
    pub fn name(self) -> &'static str {
        match self {
            Found::Pdf => "PDF",
            Found::Document(kind) => kind.name(),
            Found::Other => "other",
        }
    }
}

/// Reads enough of a file to say what it is: the `%PDF-` a PDF starts with, or the `format` of
/// a mognad file.
pub fn kind_of(path: &Path) -> Found {
    // A reference is far smaller than this; a larger file is only looked at for a PDF's start.
    const LARGEST: u64 = 64 * 1024 * 1024;
    let Ok(file) = File::open(path) else {
        return Found::Other;
    };
    let mut bytes = Vec::new();
    if file.take(LARGEST + 1).read_to_end(&mut bytes).is_err() {
        return Found::Other;
    }
    if bytes.starts_with(b"%PDF-") {
        return Found::Pdf;
    }
    if bytes.len() as u64 > LARGEST {
        return Found::Other;
    }
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return Found::Other;
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|value| document::recognise(&value).ok())
        .map_or(Found::Other, Found::Document)
}

/// Removes the `.mognad-*` temporary files older than a minute in the folder of `path`: what
/// a write killed midway (`kill -9`, `ulimit -f`, a power cut) leaves behind.
pub fn sweep(path: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder(path)) else {
        return Vec::new();
    };
    let now = std::time::SystemTime::now();
    let mut swept: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().starts_with(".mognad-"))
        .filter(|entry| {
            entry.file_type().is_ok_and(|t| t.is_file())
                && entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .is_ok_and(|modified| now.duration_since(modified).unwrap_or_default() > STALE)
        })
        .map(|entry| entry.path())
        .filter(|stale| std::fs::remove_file(stale).is_ok())
        .collect();
    swept.sort();
    swept
}

fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A temporary file beside `path` that holds `bytes`, flushed to the disk. It is removed when
/// dropped, so every error path after this leaves nothing behind. It takes the mode and, where
/// the process may set it, the owner of the file it replaces; a new file gets the umask's mode.
fn temporary(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, Error> {
    let error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let existing = std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".mognad-");
    // A new file is an ordinary one: read-write as the umask allows, as any program makes
    // it. In place of an existing file the temporary stays private (0600) until it has the
    // old one's owner and mode.
    #[cfg(unix)]
    if existing.is_none() {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temporary = builder.tempfile_in(folder(path)).map_err(error)?;
    if let Some(existing) = &existing {
        keep_owner_and_mode(temporary.as_file(), existing).map_err(error)?;
    }
    temporary.write_all(bytes).map_err(error)?;
    temporary.as_file().sync_all().map_err(error)?;
    Ok(temporary)
}

/// Gives a new file the owner (where permitted) and mode of the file it replaces; the owner
/// first, as a change of owner clears the set-id bits of the mode.
#[cfg(unix)]
fn keep_owner_and_mode(file: &File, existing: &std::fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let (uid, gid) = (existing.uid(), existing.gid());
    // Only root may give a file away; anyone may give their file a group they are in.
    if std::os::unix::fs::fchown(file, Some(uid), Some(gid)).is_err() {
        let _ = std::os::unix::fs::fchown(file, None, Some(gid));
    }
    file.set_permissions(std::fs::Permissions::from_mode(existing.mode() & 0o7777))
}

#[cfg(not(unix))]
fn keep_owner_and_mode(file: &File, existing: &std::fs::Metadata) -> std::io::Result<()> {
    file.set_permissions(existing.permissions())
}

/// How often [`Locked::acquire`] starts again when the file it locked was replaced before
/// it could check; each time means another process renamed a new file into place just then.
const ATTEMPTS: usize = 20;

/// A file held by one running interview: an exclusive OS lock (flock on Unix) on whatever file
/// is at the path, released when this is dropped or the process ends, however it ends. No
/// lock file is made, so none can be left behind.
///
/// An atomic write puts a new file at the path, and a lock on the old one no longer protects
/// the path; so [`Locked::write`] locks the new file before it is renamed into place and then
/// holds that one. A process that does not lock (another command, an editor) is not stopped.
#[derive(Debug)]
pub struct Locked {
    path: PathBuf,
    file: File,
    /// Temporary files of interrupted writes removed beside it when it was taken.
    swept: Vec<PathBuf>,
}

impl Locked {
    /// Locks the existing file at `path`, or says that another process holds it.
    pub fn acquire(path: &Path) -> Result<Locked, Error> {
        for _ in 0..ATTEMPTS {
            // Writable where it may be: NFS locks an exclusive flock only through a handle
            // open for writing. The lock itself asks for no more than reading.
            let file = match File::options().read(true).write(true).open(path) {
                Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => File::open(path),
                other => other,
            }
            .map_err(|source| Error::Read {
                path: path.to_path_buf(),
                source,
            })?;
            if let Some(locked) = Locked::attempt(path, file)? {
                return Ok(locked);
            }
        }
        Err(Error::InUse {
            path: display(path),
        })
    }

    /// Locks a file opened at `path`, and checks that it is still the one there: between the
    /// open and the lock another process may have renamed a new file into place, and a lock
    /// on the old one would protect nothing. `None` then, to start again.
    fn attempt(path: &Path, file: File) -> Result<Option<Locked>, Error> {
        let error = |source| Error::Read {
            path: path.to_path_buf(),
            source,
        };
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(Error::InUse {
                    path: display(path),
                });
            }
            Err(TryLockError::Error(source)) => return Err(error(source)),
        }
        let locked = file.metadata().map_err(error)?;
        match std::fs::metadata(path) {
            Ok(now) if same_file(&locked, &now) => Ok(Some(Locked {
                path: path.to_path_buf(),
                file,
                swept: sweep(path),
            })),
            Ok(_) => Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(error(e)),
        }
    }

    /// Writes a new file at `path` and locks it, never replacing one: [`Error::Exists`] when
    /// a file is there already, also one that appeared a moment ago.
    pub fn create(path: &Path, bytes: &[u8]) -> Result<Locked, Error> {
        let swept = sweep(path);
        let temporary = locked_temporary(path, bytes)?;
        let file = match temporary.persist_noclobber(path) {
            Ok(file) => file,
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists || path.exists() => {
                return Err(Error::Exists {
                    path: path.to_path_buf(),
                });
            }
            // A filesystem that can neither rename without replacing nor link (some network
            // shares and FUSE mounts): the check above, then a plain rename.
            Err(e) => e.file.persist(path).map_err(|e| Error::Write {
                path: path.to_path_buf(),
                source: e.error,
            })?,
        };
        Ok(Locked {
            path: path.to_path_buf(),
            file,
            swept,
        })
    }

    /// Replaces the file atomically with one holding `bytes`, locked before it is renamed into
    /// place, so the file at the path is never without the lock.
    pub fn write(&mut self, bytes: &[u8]) -> Result<(), Error> {
        let temporary = locked_temporary(&self.path, bytes)?;
        let file = temporary.persist(&self.path).map_err(|e| Error::Write {
            path: self.path.clone(),
            source: e.error,
        })?;
        // The old file, no longer at the path, is closed and so unlocked.
        self.file = file;
        Ok(())
    }

    /// Reads and parses the locked file, through the handle that holds the lock (on Windows
    /// a lock keeps every other handle from reading, even this process's own).
    pub fn load(&mut self) -> Result<Document, Error> {
        let error = |source| Error::Read {
            path: self.path.clone(),
            source,
        };
        let mut bytes = Vec::new();
        self.file.rewind().map_err(error)?;
        self.file.read_to_end(&mut bytes).map_err(error)?;
        let text = utf8(bytes).map_err(|why| Error::Unusable {
            path: self.path.clone(),
            why,
        })?;
        parse(&self.path, &text)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The temporary files of interrupted writes removed when the file was taken.
    pub fn swept(&self) -> Written {
        Written {
            swept: self.swept.clone(),
        }
    }
}

/// A temporary file as [`temporary`], and locked, so that the lock is there from the moment
/// it is renamed into place.
fn locked_temporary(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, Error> {
    let temporary = temporary(path, bytes)?;
    // Nobody else knows the file yet; a refusal here is a filesystem without locks.
    temporary.as_file().try_lock().map_err(|e| Error::Write {
        path: path.to_path_buf(),
        source: e.into(),
    })?;
    Ok(temporary)
}

/// Whether two metadata are of the same file: the same device and inode.
#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

/// Stable Rust has no file identity on Windows (`file_index` is unstable): a file renamed into
/// place is told from the one that was there by its times and length, which is weaker.
#[cfg(not(unix))]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.created().ok() == b.created().ok()
        && a.modified().ok() == b.modified().ok()
        && a.len() == b.len()
}

/// A path as shown in messages.
pub fn display(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANY: Output = Output {
        kind: OutputKind::New,
        inputs: &[],
        force: false,
    };

    /// The names in a folder, sorted.
    fn names(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn in_use(result: Result<Locked, Error>) -> String {
        match result {
            Err(Error::InUse { path }) => path,
            other => panic!("not refused as in use: {other:?}"),
        }
    }

    #[test]
    fn a_file_is_held_by_one_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("svar.json");
        std::fs::write(&path, "{}").unwrap();
        let held = Locked::acquire(&path).unwrap();
        assert_eq!(in_use(Locked::acquire(&path)), display(&path));
        // Another process that locks the path on its own, not through `acquire`, is refused too.
        assert!(matches!(
            File::open(&path).unwrap().try_lock(),
            Err(TryLockError::WouldBlock)
        ));
        drop(held);
        let again = Locked::acquire(&path).unwrap();
        assert_eq!(again.path(), path);
        assert_eq!(names(dir.path()), ["svar.json"], "no lock file");
    }

    #[test]
    fn a_file_that_is_not_there_cannot_be_acquired() {
        let dir = tempfile::tempdir().unwrap();
        let result = Locked::acquire(&dir.path().join("finns-inte.json"));
        assert!(
            matches!(&result, Err(Error::Read { source, .. }) if source.kind() == std::io::ErrorKind::NotFound),
            "{result:?}"
        );
        assert!(names(dir.path()).is_empty());
    }

    #[test]
    fn a_write_replaces_the_file_and_keeps_it_locked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("svar.json");
        std::fs::write(&path, "första").unwrap();
        let before = std::fs::metadata(&path).unwrap();
        let mut held = Locked::acquire(&path).unwrap();
        held.write("andra".as_bytes()).unwrap();
        let after = std::fs::metadata(&path).unwrap();
        assert!(!same_file(&before, &after), "an atomic write is a new file");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "andra");
        // The new file at the path is the locked one.
        in_use(Locked::acquire(&path));
        assert!(matches!(
            File::open(&path).unwrap().try_lock(),
            Err(TryLockError::WouldBlock)
        ));
        held.write("tredje".as_bytes()).unwrap();
        in_use(Locked::acquire(&path));
        assert_eq!(
            String::from_utf8(std::fs::read(&path).unwrap()).unwrap(),
            "tredje"
        );
        assert_eq!(names(dir.path()), ["svar.json"], "no temporary file left");
        drop(held);
        Locked::acquire(&path).unwrap();
    }

    #[test]
    fn a_new_file_is_written_and_held_and_never_replaces_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("svar.json");
        let held = Locked::create(&path, b"ny").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "ny");
        in_use(Locked::acquire(&path));
        let again = Locked::create(&path, b"annan");
        assert!(matches!(again, Err(Error::Exists { .. })), "{again:?}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "ny");
        assert_eq!(names(dir.path()), ["svar.json"], "no temporary file left");
        drop(held);
        Locked::acquire(&path).unwrap();
    }

    #[test]
    fn a_file_renamed_into_place_before_the_lock_is_locked_instead() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("svar.json");
        std::fs::write(&path, "gammal").unwrap();
        // Opened, and then another process renames a new file into place before the lock: the
        // old file is locked but protects nothing, so it is let go and the new one is taken.
        let stale = File::open(&path).unwrap();
        write_atomic(&path, b"ny", &ANY).unwrap();
        assert!(Locked::attempt(&path, stale).unwrap().is_none());
        let held = Locked::acquire(&path).unwrap();
        let at_path = std::fs::metadata(&path).unwrap();
        assert!(same_file(&held.file.metadata().unwrap(), &at_path));
        in_use(Locked::acquire(&path));
    }

    #[test]
    fn a_file_opened_just_before_a_save_of_the_holder_is_not_taken() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("svar.json");
        std::fs::write(&path, "gammal").unwrap();
        let mut holder = Locked::acquire(&path).unwrap();
        // A second interview opens the file, the holder saves (and lets the old file go), and
        // only then does the second lock what it opened: it must not count as held.
        let stale = File::open(&path).unwrap();
        holder.write(b"ny").unwrap();
        assert!(Locked::attempt(&path, stale).unwrap().is_none());
        in_use(Locked::acquire(&path));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "ny");
    }

    #[test]
    fn the_held_file_is_read_through_its_lock() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("svar.json");
        let text = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/exempelland-tiopunkt-2025.json"),
        )
        .unwrap();
        std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
        let mut held = Locked::acquire(&path).unwrap();
        let Document::Answers(first) = held.load().unwrap() else {
            panic!("an answers file")
        };
        held.write(b"[").unwrap();
        let problem = held.load();
        assert!(
            matches!(&problem, Err(Error::Invalid { path: shown, .. }) if *shown == display(&path)),
            "{problem:?}"
        );
        held.write(text.as_bytes()).unwrap();
        let Document::Answers(again) = held.load().unwrap() else {
            panic!("an answers file")
        };
        assert_eq!(first.region, again.region);
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("svar.json");
        let mut held = Locked::create(&path, b"ny").unwrap();
        // Someone puts a folder with a file in it where the file was: the rename must fail.
        std::fs::remove_file(&path).unwrap();
        std::fs::create_dir(&path).unwrap();
        std::fs::write(path.join("inne.txt"), "x").unwrap();
        let result = held.write(b"andra");
        assert!(matches!(&result, Err(Error::Write { .. })), "{result:?}");
        assert_eq!(names(dir.path()), ["svar.json"], "no temporary file left");
        let result = Locked::create(&dir.path().join("saknas").join("svar.json"), b"x");
        assert!(matches!(&result, Err(Error::Write { .. })), "{result:?}");
        assert_eq!(names(dir.path()), ["svar.json"]);
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode_and_a_locked_one_too() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("svar.json");
        for wanted in [0o600, 0o640, 0o604] {
            std::fs::write(&path, "gammal").unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(wanted)).unwrap();
            write_atomic(&path, b"ny", &ANY).unwrap();
            assert_eq!(mode(&path), wanted, "{wanted:o}");
            let mut held = Locked::acquire(&path).unwrap();
            held.write(b"tredje").unwrap();
            assert_eq!(mode(&path), wanted, "{wanted:o}");
        }
        assert_eq!(names(dir.path()), ["svar.json"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_gets_the_umask_not_a_fixed_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ny.json");
        write_atomic(&path, b"ny", &ANY).unwrap();
        // Whatever the umask of the test run is, it applies to 0666: group and others may
        // write only if the umask lets them, and nothing is executable.
        let made = mode(&path);
        assert_eq!(made & 0o111, 0, "{made:o}");
        assert_eq!(made & 0o600, 0o600, "{made:o}");
        let probe = dir.path().join("probe");
        std::fs::File::create(&probe).unwrap();
        assert_eq!(made, mode(&probe), "as any program makes a file");
    }

    #[test]
    fn an_input_is_never_replaced_and_another_kind_only_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let answers = dir.path().join("svar.json");
        std::fs::write(&answers, r#"{"format": "mognad.answers/1"}"#).unwrap();
        let inputs = [answers.clone()];
        let pdf = |force| Output {
            kind: OutputKind::Pdf,
            inputs: &inputs,
            force,
        };
        for force in [false, true] {
            let result = write_atomic(&answers, b"%PDF-1.7", &pdf(force));
            assert!(matches!(result, Err(Error::OwnInput { .. })), "{result:?}");
        }
        let other = dir.path().join("annan.json");
        std::fs::copy(&answers, &other).unwrap();
        let result = write_atomic(&other, b"%PDF-1.7", &pdf(false));
        assert!(
            matches!(
                result,
                Err(Error::Replace {
                    found: "answers",
                    writing: "PDF",
                    ..
                })
            ),
            "{result:?}"
        );
        let national = Output {
            kind: OutputKind::National,
            inputs: &[],
            force: false,
        };
        let result = write_atomic(&other, b"{}", &national);
        assert!(matches!(result, Err(Error::Replace { .. })), "{result:?}");
        assert!(std::fs::read_to_string(&other).unwrap().contains("answers"));
        write_atomic(&other, b"%PDF-1.7", &pdf(true)).unwrap();
        assert_eq!(kind_of(&other), Found::Pdf);
        write_atomic(&other, b"%PDF-1.7 again", &pdf(false)).unwrap();
        let answers_out = Output {
            kind: OutputKind::Answers,
            inputs: &[],
            force: false,
        };
        let result = write_atomic(&other, b"{}", &answers_out);
        assert!(matches!(result, Err(Error::Exists { .. })), "{result:?}");
        let mut names = names(dir.path());
        names.sort();
        assert_eq!(names, ["annan.json", "svar.json"]);
    }

    #[test]
    fn stale_temporaries_are_removed_and_fresh_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".mognad-gammal");
        let fresh = dir.path().join(".mognad-pagaende");
        std::fs::write(&stale, "halv").unwrap();
        std::fs::write(&fresh, "halv").unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_mins(2);
        File::options()
            .write(true)
            .open(&stale)
            .unwrap()
            .set_modified(old)
            .unwrap();
        let path = dir.path().join("svar.json");
        let written = write_atomic(&path, b"ny", &ANY).unwrap();
        assert_eq!(written.swept, [stale]);
        assert!(
            written
                .notice(crate::lang::Lang::En)
                .contains(".mognad-gammal")
        );
        assert_eq!(names(dir.path()), [".mognad-pagaende", "svar.json"]);
    }
}
