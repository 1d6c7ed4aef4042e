//! Measuring, wrapping and shaping text in Noto Sans.
//!
//! Text is shaped a word at a time and each distinct word only once: a report repeats its words
//! a lot. The same shaped words give both the widths the layout measures and the glyphs the PDF
//! writer draws, so a measured line is exactly the line that gets drawn. Every string passes
//! through [`Fonts::clean`] first: characters the fonts cannot draw would make the archival and
//! accessibility validators refuse the whole document.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use rustybuzz::{Direction, Face, Script, ShapePlan, UnicodeBuffer, script};

/// Noto Sans Regular and Bold, parsed once per document, with the words shaped so far.
pub(super) struct Fonts {
    regular: Weight,
    bold: Weight,
    /// Ascender and descender as shares of the font size (both positive).
    ascent: f32,
    descent: f32,
    shaper: RefCell<Shaper>,
    /// Whether both weights have a character, for those outside ASCII met so far.
    covered: RefCell<HashMap<char, bool, BuildHasherDefault<WordHasher>>>,
}

/// One weight of the font and the words shaped in it so far.
struct Weight {
    face: Face<'static>,
    words: RefCell<HashMap<String, Word, BuildHasherDefault<WordHasher>>>,
}

/// What shaping needs besides the font, kept from word to word.
#[derive(Default)]
struct Shaper {
    /// Compiling a plan costs more than shaping a word with it, so each weight, direction and
    /// script gets one, made the first time it is needed.
    plans: Vec<(bool, Direction, Option<Script>, ShapePlan)>,
    /// Reused, to save allocating one for each word.
    buffer: Option<UnicodeBuffer>,
}

/// A shaped word: its glyphs in drawing order and their total advance, in font units.
#[derive(Debug, Default)]
struct Word {
    glyphs: Vec<Glyph>,
    advance: i32,
}

/// A glyph as shaped, in font units.
#[derive(Debug, Clone)]
pub(super) struct Glyph {
    pub id: u16,
    pub x_advance: i32,
    pub y_advance: i32,
    pub x_offset: i32,
    pub y_offset: i32,
    /// The bytes of the text (of the word while cached, of the line once drawn) that the
    /// glyph's cluster covers: what the glyph reads as when the text is extracted.
    pub text: Range<usize>,
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
            regular: Weight::new(regular),
            bold: Weight::new(bold),
            ascent,
            descent,
            shaper: RefCell::default(),
            covered: RefCell::default(),
        }
    }

    /// The advance width of `text` at `size` points: its words as shaped, and its spaces.
    pub(super) fn measure(&self, text: &str, size: f32, bold: bool) -> f32 {
        if text.is_empty() || !size.is_finite() || size <= 0.0 {
            return 0.0;
        }
        let mut units = 0_i64;
        for (_, segment) in segments(text) {
            units += i64::from(self.word(bold, segment, |word| word.advance));
        }
        units as f32 / self.units_per_em(bold) as f32 * size
    }

    /// Calls `each` with the glyphs that draw `text` (one line), left to right. Each word is
    /// shaped on its own, with kerning and any ligatures within it, and each space is the space
    /// glyph, so the widths are those [`Fonts::measure`] gives. Text ranges are into `text`.
    /// The words are borrowed while `each` runs, so it must not measure or shape.
    pub(super) fn glyphs(&self, text: &str, bold: bool, mut each: impl FnMut(Glyph)) {
        for (start, segment) in segments(text) {
            self.word(bold, segment, |word| {
                for glyph in &word.glyphs {
                    each(Glyph {
                        text: glyph.text.start + start..glyph.text.end + start,
                        ..*glyph
                    });
                }
            });
        }
    }

    /// The font units in an em.
    pub(super) fn units_per_em(&self, bold: bool) -> i32 {
        self.weight(bold).face.units_per_em()
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
        if text
            .bytes()
            .all(|byte| byte.is_ascii_graphic() || byte == b' ')
        {
            return text.to_owned();
        }
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
        // As `measure`, but a word has no spaces to look for.
        let em = self.units_per_em(bold) as f32;
        let measure = |word: &str| self.word(bold, word, |word| word.advance) as f32 / em * size;
        let space = measure(" ");
        let mut lines = Vec::new();
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in text.split(' ').filter(|word| !word.is_empty()) {
            let word_width = measure(word);
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

    fn weight(&self, bold: bool) -> &Weight {
        if bold { &self.bold } else { &self.regular }
    }

    /// Calls `f` with `text` (a word, or a space) shaped in bold or not, shaping it if it is new.
    fn word<R>(&self, bold: bool, text: &str, f: impl FnOnce(&Word) -> R) -> R {
        let weight = self.weight(bold);
        if let Some(word) = weight.words.borrow().get(text) {
            return f(word);
        }
        let word = self.shaper.borrow_mut().shape(&weight.face, bold, text);
        f(weight
            .words
            .borrow_mut()
            .entry(text.to_owned())
            .or_insert(word))
    }

    fn covers(&self, c: char) -> bool {
        // Noto Sans has every printable ASCII character; the rest are looked up once.
        if c.is_ascii_graphic() || c == ' ' {
            return true;
        }
        *self.covered.borrow_mut().entry(c).or_insert_with(|| {
            self.regular.face.glyph_index(c).is_some() && self.bold.face.glyph_index(c).is_some()
        })
    }
}

impl Weight {
    fn new(face: Face<'static>) -> Self {
        Self {
            face,
            words: RefCell::default(),
        }
    }
}

impl Shaper {
    /// `text` shaped in `face`, which is the bold one if `bold`.
    fn shape(&mut self, face: &Face, bold: bool, text: &str) -> Word {
        let mut buffer = self.buffer.take().unwrap_or_default();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let direction = buffer.direction();
        let script = Some(buffer.script()).filter(|&script| script != script::UNKNOWN);
        let key = (bold, direction, script);
        let index = self
            .plans
            .iter()
            .position(|plan| (plan.0, plan.1, plan.2) == key)
            .unwrap_or_else(|| {
                let plan = ShapePlan::new(face, direction, script, None, &[]);
                self.plans.push((bold, direction, script, plan));
                self.plans.len() - 1
            });
        let shaped = rustybuzz::shape_with_plan(face, &self.plans[index].3, buffer);
        let infos = shaped.glyph_infos();
        let backwards = matches!(direction, Direction::RightToLeft | Direction::BottomToTop);
        let glyphs = infos
            .iter()
            .zip(shaped.glyph_positions())
            .enumerate()
            .map(|(index, (info, position))| {
                let start = info.cluster as usize;
                Glyph {
                    id: u16::try_from(info.glyph_id).unwrap_or(0),
                    x_advance: position.x_advance,
                    y_advance: position.y_advance,
                    x_offset: position.x_offset,
                    y_offset: position.y_offset,
                    text: start..cluster_end(infos, index, backwards).unwrap_or(text.len()),
                }
            })
            .collect::<Vec<_>>();
        let advance = glyphs.iter().map(|glyph| glyph.x_advance).sum();
        self.buffer = Some(shaped.clear());
        Word { glyphs, advance }
    }
}

/// Where the cluster of glyph `index` ends in the text: at the start of the next cluster in
/// reading order, or at the end of the text (`None`).
fn cluster_end(infos: &[rustybuzz::GlyphInfo], index: usize, backwards: bool) -> Option<usize> {
    let cluster = infos[index].cluster;
    let next = if backwards {
        infos[..index]
            .iter()
            .rev()
            .find(|info| info.cluster != cluster)
    } else {
        infos[index + 1..]
            .iter()
            .find(|info| info.cluster != cluster)
    };
    next.map(|info| info.cluster as usize)
}

/// A quick hash for the word caches, whose keys are short and come from the report itself
/// (the standard hasher guards against keys chosen to collide, which costs more than the
/// lookup it protects here). It mixes eight bytes at a time, as rustc's own hasher does.
#[derive(Default)]
struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// `text` cut into words and single spaces, each with its byte offset.
fn segments(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    std::iter::from_fn(move || {
        let rest = &text[start..];
        let len = match rest.find(' ') {
            None if rest.is_empty() => return None,
            None => rest.len(),
            Some(0) => 1,
            Some(space) => space,
        };
        let segment = (start, &rest[..len]);
        start += len;
        Some(segment)
    })
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
