//! The only place files are read and written. Writes are atomic: a temporary file in the same
//! folder, flushed and then renamed over the target, so a crash never leaves half a file.

use std::io::{Read, Write};
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
    let text = String::from_utf8(bytes)
        .map_err(|_| error(std::io::Error::from(std::io::ErrorKind::InvalidData)))?;
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
    let text = read_text(path)?;
    document::parse(&text).map_err(|problem| Error::Invalid {
        path: display(path),
        problems: vec![problem],
    })
}

/// Writes bytes to a file atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
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
    temporary.persist(path).map_err(|e| error(e.error))?;
    Ok(())
}

/// A path as shown in messages.
pub fn display(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}
