//! How text from a file reaches a terminal: a file may hold any character, and control
//! characters (an escape sequence, a carriage return, a bidirectional override) would let it
//! retitle, clear or recolour the terminal, or hide and reorder what is shown. Every
//! human-readable output shows them as visible escapes instead; JSON and CSV keep the data as
//! it is.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether a character would act on a terminal instead of being shown: C0 controls other
/// than newline and tab, DEL, C1 controls, and the bidirectional overrides and isolates.
pub fn is_control(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// The text with every control character shown as an escape, `\u{1b}` for ESC; text
/// without one is returned as it is.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_control(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A writer that shows control characters visibly, for a stream that carries only
/// human-readable text (standard error). Bytes that are not yet a whole UTF-8 character are
/// held until the rest comes; bytes that are not UTF-8 at all are shown as `\x..`.
pub struct Visible<W: std::io::Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: std::io::Write> Visible<W> {
    pub fn new(inner: W) -> Self {
        Visible {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: std::io::Write> std::io::Write for Visible<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(bytes);
        let mut out = String::new();
        let mut rest: &[u8] = &self.pending;
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    out.push_str(&visible(text));
                    rest = &[];
                    break;
                }
                Err(error) => {
                    let (good, bad) = rest.split_at(error.valid_up_to());
                    out.push_str(&visible(std::str::from_utf8(good).unwrap_or_default()));
                    // No length: an unfinished character, to wait for the rest of.
                    let Some(len) = error.error_len() else {
                        rest = bad;
                        break;
                    };
                    for byte in &bad[..len] {
                        let _ = write!(out, "\\x{byte:02x}");
                    }
                    rest = &bad[len..];
                }
            }
        }
        let rest = rest.to_vec();
        self.pending = rest;
        self.inner.write_all(out.as_bytes())?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn control_characters_are_shown_and_the_rest_kept() {
        assert_eq!(visible("Region Skåne\n\tå"), "Region Skåne\n\tå");
        assert!(matches!(visible("vanlig text"), Cow::Borrowed(_)));
        assert_eq!(
            visible("a\u{1b}]0;titel\u{7}b\rc\u{7f}\u{9b}"),
            "a\\u{1b}]0;titel\\u{7}b\\u{d}c\\u{7f}\\u{9b}"
        );
        assert_eq!(
            visible("\u{202e}cod.exe\u{2066}"),
            "\\u{202e}cod.exe\\u{2066}"
        );
        // Ordinary letters beyond ASCII, and the joiners of emoji, are not controls.
        assert_eq!(visible("ÅÄÖ é ß 👩‍⚕️"), "ÅÄÖ é ß 👩‍⚕️");
    }

    #[test]
    fn the_writer_shows_controls_even_when_a_character_is_split() {
        let mut out = Visible::new(Vec::new());
        let text = "å\u{1b}[2Jö".as_bytes();
        out.write_all(&text[..1]).unwrap();
        out.write_all(&text[1..]).unwrap();
        out.write_all(&[0xff, b'x']).unwrap();
        assert_eq!(String::from_utf8(out.inner).unwrap(), "å\\u{1b}[2Jö\\xffx");
    }
}
