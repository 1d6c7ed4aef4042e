//! The only place files are read and written. Writes are atomic: a temporary file in the same
//! folder, flushed and then renamed over the target, so a crash never leaves half a file.
//! A file an interview is answered into is also [`Locked`], so that two interviews never
//! write over each other's answers.

use std::fs::{File, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::document::{self, Document};
use crate::error::Error;

/// Reads a file as UTF-8 text; `-` reads standard input.
pub fn read_text(path: &Path) -> Result<String, Error> {
    let error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    if path == Path::new("-") {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map_err(error)?;
        return Ok(text);
    }
    let bytes = std::fs::read(path).map_err(error)?;
    utf8(bytes).map_err(error)
}

fn utf8(bytes: Vec<u8>) -> Result<String, std::io::Error> {
    let text = String::from_utf8(bytes)
        .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidData))?;
    // A byte order mark is how some editors on Windows start UTF-8; it is not part of the JSON.
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
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

/// Writes bytes to a file atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let temporary = temporary(path, bytes)?;
    temporary.persist(path).map_err(|e| Error::Write {
        path: path.to_path_buf(),
        source: e.error,
    })?;
    Ok(())
}

/// A temporary file beside `path` that holds `bytes`, flushed to the disk. It is removed when
/// dropped, so every error path after this leaves nothing behind.
fn temporary(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, Error> {
    let error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".mognad-");
    // A temporary file is private by default; the file it becomes is an ordinary one, readable
    // as the user's other files are (the umask still applies).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut temporary = builder.tempfile_in(&folder).map_err(error)?;
    temporary.write_all(bytes).map_err(error)?;
    temporary.as_file().sync_all().map_err(error)?;
    Ok(temporary)
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
            })),
            Ok(_) => Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(error(e)),
        }
    }

    /// Writes a new file at `path` and locks it, never replacing one: [`Error::Exists`] when
    /// a file is there already, also one that appeared a moment ago.
    pub fn create(path: &Path, bytes: &[u8]) -> Result<Locked, Error> {
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
        parse(&self.path, &utf8(bytes).map_err(error)?)
    }

    pub fn path(&self) -> &Path {
        &self.path
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
        write_atomic(&path, b"ny").unwrap();
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
}
