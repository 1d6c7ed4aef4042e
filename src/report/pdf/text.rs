//! Measuring and wrapping text in Noto Sans.
//!
//! Widths come from shaping with the same shaper the PDF writer uses, so a measured line is the
//! line that gets drawn. Every string passes through [`Fonts::clean`] first: characters the fonts
//! cannot draw would make the archival and accessibility validators refuse the whole document.

use std::cell::RefCell;
use std::collections::HashMap;

use rustybuzz::{Face, UnicodeBuffer};

/// Noto Sans Regular and Bold, parsed once per document.
pub(super) struct Fonts {
    regular: Face<'static>,
    bold: Face<'static>,
    /// Ascender and descender as shares of the font size (both positive).
    ascent: f32,
    descent: f32,
    /// Advance widths in font units, by weight and text: a report repeats its words a lot.
    widths: RefCell<HashMap<(bool, String), i64>>,
}

/// What stands in for a character neither font can draw.
const REPLACEMENT: char = '?';

impl Fonts {
    pub(super) fn new() -> Self {
        let regular = Face::from_slice(notosans::REGULAR_TTF, 0).expect("Noto Sans Regular parses");
        let bold = Face::from_slice(notosans::BOLD_TTF, 0).expect("Noto Sans Bold parses");
        let em = regular.units_per_em() as f32;
        let ascent = f32::from(regular.ascender()) / em;
        let descent = -f32::from(regular.descender()) / em;
        Self {
            regular,
            bold,
            ascent,
            descent,
            widths: RefCell::default(),
        }
    }

    /// The advance width of `text` at `size` points.
    pub(super) fn measure(&self, text: &str, size: f32, bold: bool) -> f32 {
        if text.is_empty() || !size.is_finite() || size <= 0.0 {
            return 0.0;
        }
        let face = self.face(bold);
        let key = (bold, text.to_owned());
        let cached = self.widths.borrow().get(&key).copied();
        let units = cached.unwrap_or_else(|| {
            let mut buffer = UnicodeBuffer::new();
            buffer.push_str(text);
            let shaped = rustybuzz::shape(face, &[], buffer);
            let units = shaped
                .glyph_positions()
                .iter()
                .map(|position| i64::from(position.x_advance))
                .sum();
            self.widths.borrow_mut().insert(key, units);
            units
        });
        units as f32 / face.units_per_em() as f32 * size
    }

    /// Where the baseline of a line of `size` points sits below the top of its line box of
    /// `height`: the font's ascender to descender span, centred in the box.
    pub(super) fn baseline(&self, size: f32, height: f32) -> f32 {
        (height - (self.ascent + self.descent) * size) / 2.0 + self.ascent * size
    }

    /// The text as it can be drawn: whitespace becomes plain spaces (a no-break space stays
    /// one), control and invisible format characters are dropped, and a character neither font
    /// has becomes `?`. Line breaks are the caller's to split on before this.
    pub(super) fn clean(&self, text: &str) -> String {
        text.chars()
            .filter_map(|c| match c {
                '\u{a0}' | '\u{202f}' | '\u{2007}' => {
                    Some(if self.covers(c) { c } else { '\u{a0}' })
                }
                c if c.is_whitespace() => Some(' '),
                c if c.is_control() || is_invisible(c) => None,
                c if self.covers(c) && !is_private(c) => Some(c),
                _ => Some(REPLACEMENT),
            })
            .collect()
    }

    /// Breaks `text` (already clean, no line breaks) into lines no wider than `width`, at
    /// spaces; a word wider than the line breaks between characters. Runs of spaces collapse.
    pub(super) fn wrap(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        // Always room for one character, so every line makes progress.
        let width = if width.is_finite() {
            width.max(size)
        } else {
            size
        };
        let space = self.measure(" ", size, bold);
        let mut lines = Vec::new();
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in text.split(' ').filter(|word| !word.is_empty()) {
            let word_width = self.measure(word, size, bold);
            if !line.is_empty() && line_width + space + word_width <= width + EPSILON {
                line.push(' ');
                line.push_str(word);
                line_width += space + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if word_width <= width + EPSILON {
                line.push_str(word);
                line_width = word_width;
            } else {
                let mut pieces = self.break_word(word, size, bold, width);
                let last = pieces.pop().unwrap_or_default();
                lines.extend(pieces);
                line_width = self.measure(&last, size, bold);
                line = last;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// Splits one word into pieces no wider than `width`, keeping combining marks with their
    /// base character.
    fn break_word(&self, word: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let mut clusters: Vec<String> = Vec::new();
        for c in word.chars() {
            match clusters.last_mut() {
                Some(cluster) if is_combining(c) => cluster.push(c),
                _ => clusters.push(c.to_string()),
            }
        }
        let mut pieces = Vec::new();
        let mut piece = String::new();
        let mut piece_width = 0.0;
        for cluster in clusters {
            let cluster_width = self.measure(&cluster, size, bold);
            if !piece.is_empty() && piece_width + cluster_width > width + EPSILON {
                pieces.push(std::mem::take(&mut piece));
                piece_width = 0.0;
            }
            piece.push_str(&cluster);
            piece_width += cluster_width;
        }
        if !piece.is_empty() {
            pieces.push(piece);
        }
        pieces
    }

    fn face(&self, bold: bool) -> &Face<'static> {
        if bold { &self.bold } else { &self.regular }
    }

    fn covers(&self, c: char) -> bool {
        self.regular.glyph_index(c).is_some() && self.bold.glyph_index(c).is_some()
    }
}

/// Rounding slack when comparing widths, in points.
const EPSILON: f32 = 0.01;

/// Characters with no glyph of their own (soft hyphen, zero-width spaces and joiners,
/// direction marks, byte order marks): a shaper hides them, and a PDF cannot map a hidden
/// glyph back to them, so they are left out.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{fff0}'..='\u{fffc}'
            | '\u{fffe}'
            | '\u{ffff}'
    )
}

/// Private use characters mean nothing outside the font that defines them; PDF/A-2a forbids
/// them.
fn is_private(c: char) -> bool {
    ('\u{e000}'..='\u{f8ff}').contains(&c) || c >= '\u{f0000}'
}

fn is_combining(c: char) -> bool {
    matches!(
        c,
        '\u{300}'..='\u{36f}'
            | '\u{1ab0}'..='\u{1aff}'
            | '\u{1dc0}'..='\u{1dff}'
            | '\u{20d0}'..='\u{20ff}'
            | '\u{fe20}'..='\u{fe2f}'
    )
}
