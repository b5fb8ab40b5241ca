//! The word diff engine: compares two versions of a legal text and describes the changes as
//! data (paragraphs of equal, inserted and deleted segments), which the renderers of
//! [`crate::render`] turn into HTML, Markdown for pull-request comments, or coloured
//! terminal output.
//!
//! # How texts are compared
//!
//! 1. Both texts are split into paragraphs ([`split_paragraphs`]): a blank line ends a
//!    paragraph, and so does a line that starts with a numbered label (`1.`, `2a.`) or a point
//!    (`(a)`, `(iv)`), because legal texts are often pasted one paragraph per line. Inside a
//!    paragraph all whitespace (including line breaks and no-break spaces, which EUR-Lex and
//!    Council documents use inconsistently) is collapsed to single spaces. Two texts whose
//!    paragraphs are equal after this are *identical*: reflowing a text is not a change.
//! 2. Paragraphs are aligned with a diff over whole paragraphs. Where paragraphs were
//!    replaced, old and new paragraphs are paired when they carry the same label or share at
//!    least half of their words; unpaired ones are shown as inserted or deleted whole. This is
//!    what keeps an inserted paragraph 2 from being shown as a rewrite of every paragraph
//!    after it.
//! 3. Inside each pair, the words are diffed. Tokens follow Unicode word boundaries, so
//!    punctuation and whitespace are tokens of their own: changing `;` to `, and` marks just
//!    those characters, not the word the semicolon was glued to.
//!
//! Both diffs use the patience algorithm (falling back to Myers between its anchors): it
//! anchors on words that occur once in both texts, which keeps a rewritten clause from being
//! shown as a jumble of common words ("the", "of") kept in place. For "scan all messages" →
//! "scan messages of suspects" it gives `scan [-all-] messages {+of suspects+}`, where Myers
//! may give `scan [-all messages-] {+messages of suspects+}`.
//!
//! Every call has a deadline ([`DiffOptions::deadline`], two seconds by default) shared by all
//! steps. When it runs out, the remaining changed paragraphs are shown deleted and inserted
//! whole and [`TextDiff::timed_out`] is set, so no input can stall a build.

use std::time::{Duration, Instant};

use similar::{capture_diff_slices_deadline, Algorithm, DiffTag};
use unicode_segmentation::UnicodeSegmentation;

/// What happened to a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    Equal,
    Insert,
    Delete,
}

/// A run of text with one kind. Adjacent segments never share a kind.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Segment {
    pub kind: SegmentKind,
    pub text: String,
}

/// What happened to a whole paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphStatus {
    /// The same in both texts; one `Equal` segment.
    Unchanged,
    /// Present in both texts with edits; a word diff.
    Changed,
    /// Only in the new text; one `Insert` segment.
    Inserted,
    /// Only in the old text; one `Delete` segment.
    Deleted,
}

/// One paragraph of the comparison.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Paragraph {
    /// The paragraph's label (`1.`, `(a)`) if it has one; for a changed paragraph the new
    /// text's label, or the old one if the new text has none.
    pub label: Option<String>,
    pub status: ParagraphStatus,
    pub segments: Vec<Segment>,
}

/// The comparison of two texts.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TextDiff {
    pub paragraphs: Vec<Paragraph>,
    /// Word tokens (tokens with a letter or digit) only in the new text.
    pub words_inserted: usize,
    /// Word tokens only in the old text.
    pub words_deleted: usize,
    /// `2 × equal / (old + new)`, counted in letters and digits, from 0 (nothing in common)
    /// to 1 (the same words). Two texts without any letters or digits score 1 when identical
    /// and 0 otherwise.
    pub similarity: f64,
    /// The texts are the same after [`normalize`]: report "no change", not an empty diff.
    pub identical: bool,
    /// The deadline ran out; some changed paragraphs are shown deleted and inserted whole.
    pub timed_out: bool,
}

/// Limits for [`diff_texts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiffOptions {
    /// Time budget for the whole call. A duration too large to add to the current instant
    /// (such as `Duration::MAX`) means no deadline.
    pub deadline: Duration,
}

impl Default for DiffOptions {
    fn default() -> Self {
        DiffOptions {
            deadline: Duration::from_secs(2),
        }
    }
}

/// Above this many candidate pairs in one replaced run (500 × 500 paragraphs), paragraphs are
/// paired by a cheaper windowed walk instead of the full table.
const MAX_PAIR_CELLS: usize = 250_000;

/// How far ahead [`pair_in_window`] looks for a partner paragraph.
const PAIR_WINDOW: usize = 16;

/// Above this many word look-ups for the pairing similarity, pairing uses labels only.
const MAX_PAIR_WORK: usize = 4_000_000;

/// A shared label allows a pair but only tips the balance between similar candidates: after
/// an inserted paragraph the old "2." usually reappears as "3.", and its words say so.
const LABEL_BONUS: f64 = 0.1;

/// Paragraphs sharing at least this share of their words are paired as "changed".
const PAIR_SIMILARITY: f64 = 0.5;

/// The whitespace-normalized form used to decide whether two texts are identical:
/// the paragraphs of [`split_paragraphs`], separated by one blank line.
pub fn normalize(text: &str) -> String {
    split_paragraphs(text).join("\n\n")
}

/// Whether two texts are the same once whitespace is normalized (see [`normalize`]).
pub fn texts_identical(a: &str, b: &str) -> bool {
    split_paragraphs(a) == split_paragraphs(b)
}

/// Splits a text into paragraphs: a blank line ends one, and a line starting with a label
/// (see [`paragraph_label`]) starts a new one. Whitespace inside a paragraph, line breaks
/// included, is collapsed to single spaces; no paragraph is empty.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || (!current.is_empty() && paragraph_label(line).is_some()) {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            if line.is_empty() {
                continue;
            }
        }
        for word in line.split_whitespace() {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

/// The label at the start of a paragraph: a number of at most three digits with an optional
/// letter suffix and a full stop (`1.`, `2a.`), or a point in parentheses (`(a)`, `(iv)`,
/// `(2)`, `(2a)`), followed by whitespace or the end. Four-digit numbers are left alone so a
/// line starting with a year ("2025. The Commission ...") does not become a paragraph.
pub fn paragraph_label(par: &str) -> Option<&str> {
    let s = par.trim_start();
    let bytes = s.as_bytes();
    let count = |from: usize, f: fn(&u8) -> bool| -> usize {
        bytes
            .get(from..)
            .map_or(0, |rest| rest.iter().take_while(|b| f(b)).count())
    };
    let end = if bytes.first() == Some(&b'(') {
        let digits = count(1, u8::is_ascii_digit);
        let letters = count(1 + digits, u8::is_ascii_lowercase);
        let valid = if digits > 0 {
            digits <= 3 && letters <= 3
        } else {
            (1..=6).contains(&letters)
        };
        let close = 1 + digits + letters;
        if !valid || bytes.get(close) != Some(&b')') {
            return None;
        }
        close + 1
    } else {
        let digits = count(0, u8::is_ascii_digit);
        let letters = count(digits, u8::is_ascii_lowercase);
        let dot = digits + letters;
        if !(1..=3).contains(&digits) || letters > 3 || bytes.get(dot) != Some(&b'.') {
            return None;
        }
        dot + 1
    };
    let label = s.get(..end)?;
    let after = s.get(end..)?;
    if after.is_empty() || after.starts_with(char::is_whitespace) {
        Some(label)
    } else {
        None
    }
}

/// Compares two texts paragraph by paragraph, then word by word (see the module
/// documentation). Never panics, and returns soon after `options.deadline`.
pub fn diff_texts(old: &str, new: &str, options: &DiffOptions) -> TextDiff {
    let deadline = Instant::now().checked_add(options.deadline);
    let old_pars = split_paragraphs(old);
    let new_pars = split_paragraphs(new);
    let old_chars: usize = old_pars.iter().map(|p| alnum_chars(p)).sum();
    let new_chars: usize = new_pars.iter().map(|p| alnum_chars(p)).sum();

    if old_pars == new_pars {
        let paragraphs = new_pars
            .into_iter()
            .map(|text| whole(text, ParagraphStatus::Unchanged))
            .collect();
        return TextDiff {
            paragraphs,
            words_inserted: 0,
            words_deleted: 0,
            similarity: 1.0,
            identical: true,
            timed_out: false,
        };
    }

    let mut b = Builder {
        deadline,
        paragraphs: Vec::new(),
        words_inserted: 0,
        words_deleted: 0,
        equal_chars: 0,
        timed_out: false,
    };
    let ops = capture_diff_slices_deadline(Algorithm::Patience, &old_pars, &new_pars, deadline);
    if expired(deadline) {
        b.timed_out = true;
    }
    for op in ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let old_run = old_pars.get(old_range).unwrap_or(&[]);
        let new_run = new_pars.get(new_range).unwrap_or(&[]);
        match tag {
            DiffTag::Equal => {
                for text in old_run {
                    b.equal_chars += alnum_chars(text);
                    b.paragraphs
                        .push(whole(text.clone(), ParagraphStatus::Unchanged));
                }
            }
            DiffTag::Delete => old_run.iter().for_each(|text| b.deleted(text)),
            DiffTag::Insert => new_run.iter().for_each(|text| b.inserted(text)),
            DiffTag::Replace => b.replaced(old_run, new_run),
        }
    }

    let total = old_chars + new_chars;
    let similarity = if total == 0 {
        0.0
    } else {
        (2 * b.equal_chars) as f64 / total as f64
    };
    TextDiff {
        paragraphs: b.paragraphs,
        words_inserted: b.words_inserted,
        words_deleted: b.words_deleted,
        similarity: similarity.clamp(0.0, 1.0),
        identical: false,
        timed_out: b.timed_out,
    }
}

fn expired(deadline: Option<Instant>) -> bool {
    deadline.is_some_and(|d| Instant::now() > d)
}

fn is_word(token: &str) -> bool {
    if token.is_ascii() {
        return token.bytes().any(|b| b.is_ascii_alphanumeric());
    }
    token.chars().any(char::is_alphanumeric)
}

fn alnum_chars(text: &str) -> usize {
    if text.is_ascii() {
        return text.bytes().filter(u8::is_ascii_alphanumeric).count();
    }
    text.chars().filter(|c| c.is_alphanumeric()).count()
}

fn count_words(text: &str) -> usize {
    word_bounds(text).into_iter().filter(|t| is_word(t)).count()
}

/// The tokens of `text` between Unicode word boundaries (UAX #29), exactly as
/// `split_word_bounds` gives them, with a fast path for ASCII text (most legal text is).
fn word_bounds(text: &str) -> Vec<&str> {
    if !text.is_ascii() {
        return text.split_word_bounds().collect();
    }
    let cats: Vec<WordCat> = text.bytes().map(ascii_word_cat).collect();
    let mut out = Vec::with_capacity(cats.len() / 3 + 1);
    let mut start = 0;
    for i in 1..cats.len() {
        if ascii_word_break(&cats, i) {
            out.push(text.get(start..i).unwrap_or_default());
            start = i;
        }
    }
    if !cats.is_empty() {
        out.push(text.get(start..).unwrap_or_default());
    }
    out
}

/// The word-break property (UAX #29) of an ASCII byte.
#[derive(Clone, Copy, PartialEq, Eq)]
enum WordCat {
    Cr,
    Lf,
    Newline,
    Space,
    Letter,
    Numeric,
    MidLetter,
    MidNum,
    MidNumLet,
    SingleQuote,
    ExtendNumLet,
    Other,
}

fn ascii_word_cat(b: u8) -> WordCat {
    match b {
        b'\r' => WordCat::Cr,
        b'\n' => WordCat::Lf,
        0x0b | 0x0c => WordCat::Newline,
        b' ' => WordCat::Space,
        b'a'..=b'z' | b'A'..=b'Z' => WordCat::Letter,
        b'0'..=b'9' => WordCat::Numeric,
        b':' => WordCat::MidLetter,
        b',' | b';' => WordCat::MidNum,
        b'.' => WordCat::MidNumLet,
        b'\'' => WordCat::SingleQuote,
        b'_' => WordCat::ExtendNumLet,
        _ => WordCat::Other,
    }
}

/// Whether UAX #29 puts a word boundary before the byte `i` (ASCII text, given as the
/// word-break property of each byte; `0 < i < len`). The rules that involve no ASCII
/// character (Extend, Format, ZWJ, Hebrew letters, Katakana, regional indicators) cannot
/// apply.
fn ascii_word_break(cats: &[WordCat], i: usize) -> bool {
    use WordCat::*;
    let at = |k: usize| cats.get(k).copied().unwrap_or(Other);
    let (prev, next) = (at(i - 1), at(i));
    if prev == Letter && next == Letter {
        return false; // WB5, by far the most common case
    }
    let before = || i.checked_sub(2).map_or(Other, at);
    let after = || at(i + 1);
    let mid_letter = |c: WordCat| matches!(c, MidLetter | MidNumLet | SingleQuote);
    let mid_num = |c: WordCat| matches!(c, MidNum | MidNumLet | SingleQuote);
    match (prev, next) {
        (Cr, Lf) => false,                                                   // WB3
        (Cr | Lf | Newline, _) | (_, Cr | Lf | Newline) => true,             // WB3a, WB3b
        (Space, Space) => false,                                             // WB3d
        (Letter, Letter) => false,                                           // WB5
        (Letter, c) if mid_letter(c) && after() == Letter => false,          // WB6
        (c, Letter) if mid_letter(c) && before() == Letter => false,         // WB7
        (Numeric, Numeric) | (Letter, Numeric) | (Numeric, Letter) => false, // WB8-10
        (c, Numeric) if mid_num(c) && before() == Numeric => false,          // WB11
        (Numeric, c) if mid_num(c) && after() == Numeric => false,           // WB12
        (Letter | Numeric | ExtendNumLet, ExtendNumLet) => false,            // WB13a
        (ExtendNumLet, Letter | Numeric) => false,                           // WB13b
        _ => true,                                                           // WB999
    }
}

fn whole(text: String, status: ParagraphStatus) -> Paragraph {
    let kind = match status {
        ParagraphStatus::Inserted => SegmentKind::Insert,
        ParagraphStatus::Deleted => SegmentKind::Delete,
        ParagraphStatus::Unchanged | ParagraphStatus::Changed => SegmentKind::Equal,
    };
    Paragraph {
        label: paragraph_label(&text).map(str::to_string),
        status,
        segments: vec![Segment { kind, text }],
    }
}

/// Accumulates paragraphs and counts while walking the paragraph alignment.
struct Builder {
    deadline: Option<Instant>,
    paragraphs: Vec<Paragraph>,
    words_inserted: usize,
    words_deleted: usize,
    equal_chars: usize,
    timed_out: bool,
}

impl Builder {
    fn deleted(&mut self, text: &str) {
        self.words_deleted += count_words(text);
        self.paragraphs
            .push(whole(text.to_string(), ParagraphStatus::Deleted));
    }

    fn inserted(&mut self, text: &str) {
        self.words_inserted += count_words(text);
        self.paragraphs
            .push(whole(text.to_string(), ParagraphStatus::Inserted));
    }

    /// A run of old paragraphs replaced by a run of new ones: pair what belongs together,
    /// diff the pairs word by word, show the rest whole.
    fn replaced(&mut self, old: &[String], new: &[String]) {
        if self.timed_out {
            old.iter().for_each(|t| self.deleted(t));
            new.iter().for_each(|t| self.inserted(t));
            return;
        }
        let run = Run::new(old, new);
        let pairs = match pair_paragraphs(old, new, &run, self.deadline) {
            Some(pairs) => pairs,
            None => {
                self.timed_out = true;
                Vec::new()
            }
        };
        let (mut next_old, mut next_new) = (0, 0);
        for (i, j) in pairs {
            for k in next_old..i {
                self.deleted_counted(old.get(k), run.words(&run.old, k));
            }
            for k in next_new..j {
                self.inserted_counted(new.get(k), run.words(&run.new, k));
            }
            if let (Some(o), Some(n), Some(ot), Some(nt)) =
                (old.get(i), new.get(j), run.old.get(i), run.new.get(j))
            {
                self.changed(o, n, ot, nt, &run.is_word);
            }
            next_old = i + 1;
            next_new = j + 1;
        }
        for k in next_old..old.len() {
            self.deleted_counted(old.get(k), run.words(&run.old, k));
        }
        for k in next_new..new.len() {
            self.inserted_counted(new.get(k), run.words(&run.new, k));
        }
    }

    fn deleted_counted(&mut self, text: Option<&String>, words: usize) {
        if let Some(text) = text {
            self.words_deleted += words;
            self.paragraphs
                .push(whole(text.clone(), ParagraphStatus::Deleted));
        }
    }

    fn inserted_counted(&mut self, text: Option<&String>, words: usize) {
        if let Some(text) = text {
            self.words_inserted += words;
            self.paragraphs
                .push(whole(text.clone(), ParagraphStatus::Inserted));
        }
    }

    fn changed(
        &mut self,
        old: &str,
        new: &str,
        old_tokens: &Tokens<'_>,
        new_tokens: &Tokens<'_>,
        is_word: &[bool],
    ) {
        let words = if self.timed_out {
            None
        } else {
            diff_words(old_tokens, new_tokens, is_word, self.deadline)
        };
        let Some(words) = words else {
            self.timed_out = true;
            self.deleted_counted(
                Some(&old.to_string()),
                count_numbered_words(old_tokens, is_word),
            );
            self.inserted_counted(
                Some(&new.to_string()),
                count_numbered_words(new_tokens, is_word),
            );
            return;
        };
        self.words_inserted += words.inserted;
        self.words_deleted += words.deleted;
        self.equal_chars += words.equal_chars;
        self.paragraphs.push(Paragraph {
            label: paragraph_label(new)
                .or_else(|| paragraph_label(old))
                .map(str::to_string),
            status: ParagraphStatus::Changed,
            segments: words.segments,
        });
    }
}

/// A paragraph's tokens (see [`word_bounds`]) and their numbers in its [`Run`].
struct Tokens<'a> {
    text: Vec<&'a str>,
    ids: Vec<u32>,
}

/// The paragraphs of a replaced run, each split into tokens once; every distinct token of
/// the run has a number, so that pairing and word diffs compare numbers, not strings.
struct Run<'a> {
    old: Vec<Tokens<'a>>,
    new: Vec<Tokens<'a>>,
    /// Whether the token with this number is a word (has a letter or digit).
    is_word: Vec<bool>,
}

impl<'a> Run<'a> {
    fn new(old: &'a [String], new: &'a [String]) -> Run<'a> {
        let mut numbers: std::collections::HashMap<&'a str, u32> = std::collections::HashMap::new();
        // One-byte tokens (spaces, punctuation: half of all tokens) skip the hash map.
        let mut ascii = [u32::MAX; 128];
        let mut is_word = Vec::new();
        let mut tokenize = |p: &'a String| {
            let text = word_bounds(p);
            let ids = text
                .iter()
                .map(|t| {
                    let next = is_word.len() as u32;
                    let slot = match t.as_bytes() {
                        [b] => ascii.get_mut(*b as usize),
                        _ => None,
                    };
                    match slot {
                        Some(id) if *id != u32::MAX => *id,
                        Some(id) => {
                            *id = next;
                            is_word.push(self::is_word(t));
                            next
                        }
                        None => *numbers.entry(t).or_insert_with(|| {
                            is_word.push(self::is_word(t));
                            next
                        }),
                    }
                })
                .collect();
            Tokens { text, ids }
        };
        let old = old.iter().map(&mut tokenize).collect();
        let new = new.iter().map(&mut tokenize).collect();
        Run { old, new, is_word }
    }

    fn words(&self, side: &[Tokens<'_>], k: usize) -> usize {
        side.get(k)
            .map_or(0, |t| count_numbered_words(t, &self.is_word))
    }
}

fn count_numbered_words(tokens: &Tokens<'_>, is_word: &[bool]) -> usize {
    tokens
        .ids
        .iter()
        .filter(|id| is_word.get(**id as usize).copied().unwrap_or(false))
        .count()
}

/// The word-level diff of one paragraph pair.
struct WordDiff {
    segments: Vec<Segment>,
    inserted: usize,
    deleted: usize,
    equal_chars: usize,
}

/// Diffs two paragraphs token by token; `None` when the deadline ran out. The diff runs
/// on token numbers (equal tokens, equal numbers): the same operations as on the strings,
/// with cheaper hashing and comparing.
fn diff_words(
    old: &Tokens<'_>,
    new: &Tokens<'_>,
    is_word: &[bool],
    deadline: Option<Instant>,
) -> Option<WordDiff> {
    if expired(deadline) {
        return None;
    }
    let (old_tokens, new_tokens) = (&old.text, &new.text);
    let ops = capture_diff_slices_deadline(Algorithm::Patience, &old.ids, &new.ids, deadline);
    if expired(deadline) {
        return None;
    }
    let mut out = WordDiff {
        segments: Vec::new(),
        inserted: 0,
        deleted: 0,
        equal_chars: 0,
    };
    let mut items: Vec<Item> = Vec::new();
    for op in ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let old_run = old_tokens.get(old_range.clone()).unwrap_or(&[]);
        let new_run = new_tokens.get(new_range.clone()).unwrap_or(&[]);
        let deleted = if tag == DiffTag::Equal {
            String::new()
        } else {
            old_run.concat()
        };
        let inserted = if tag == DiffTag::Equal {
            String::new()
        } else {
            new_run.concat()
        };
        if tag == DiffTag::Equal {
            let text = old_run.concat();
            out.equal_chars += alnum_chars(&text);
            push_item(&mut items, Item::Equal(text));
        } else {
            let words = |ids: Option<&[u32]>| {
                ids.unwrap_or(&[])
                    .iter()
                    .filter(|id| is_word.get(**id as usize).copied().unwrap_or(false))
                    .count()
            };
            out.deleted += words(old.ids.get(old_range));
            out.inserted += words(new.ids.get(new_range));
            push_item(&mut items, Item::Change { deleted, inserted });
        }
    }
    out.segments = flatten(items);
    Some(out)
}

/// A stretch of a paragraph diff before it is flattened into segments: equal text, or one
/// change holding everything deleted and everything inserted between two equal stretches.
enum Item {
    Equal(String),
    Change { deleted: String, inserted: String },
}

/// Appends an item, merging it with what is already there so that the result alternates
/// between equal text and changes, and absorbing a whitespace-only equal stretch between two
/// changes of the same kind(s): "[-deleted words-]" reads better than "[-deleted-] [-words-]".
/// The segments must still spell out both texts, which decides how:
///
/// * both changes delete *and* insert: the space joins both the deletion and the insertion,
///   so old and new keep it;
/// * both only insert (or only delete) text `A` and `B` around a space `w`: the side without
///   the change still needs `w`, so this only works when the change can slide over it, that
///   is when `A` starts with `w` (`w` equal, then `A' w B` changed) or `B` ends with `w`
///   (`A w B'` changed, then `w` equal). Otherwise the items stay as they are.
fn push_item(items: &mut Vec<Item>, item: Item) {
    match item {
        Item::Equal(text) => {
            if text.is_empty() {
                return;
            }
            if let Some(Item::Equal(last)) = items.last_mut() {
                last.push_str(&text);
            } else {
                items.push(Item::Equal(text));
            }
        }
        Item::Change { deleted, inserted } => {
            if deleted.is_empty() && inserted.is_empty() {
                return;
            }
            if let Some(Item::Change {
                deleted: d,
                inserted: i,
            }) = items.last_mut()
            {
                d.push_str(&deleted);
                i.push_str(&inserted);
                return;
            }
            let absorbable = match items.as_slice() {
                [.., Item::Change {
                    deleted: d,
                    inserted: i,
                }, Item::Equal(ws)] => {
                    !ws.is_empty()
                        && ws.chars().all(char::is_whitespace)
                        && d.is_empty() == deleted.is_empty()
                        && i.is_empty() == inserted.is_empty()
                }
                _ => false,
            };
            if !absorbable {
                items.push(Item::Change { deleted, inserted });
                return;
            }
            let (
                Some(Item::Equal(ws)),
                Some(Item::Change {
                    deleted: d,
                    inserted: i,
                }),
            ) = (items.pop(), items.pop())
            else {
                // Unreachable after the check above; keep the items rather than panic.
                items.push(Item::Change { deleted, inserted });
                return;
            };
            if !d.is_empty() && !i.is_empty() {
                items.push(Item::Change {
                    deleted: format!("{d}{ws}{deleted}"),
                    inserted: format!("{i}{ws}{inserted}"),
                });
                return;
            }
            // One-sided: `a` and `b` are the changed texts, on the same side.
            let only_deletes = !d.is_empty();
            let (a, b) = if only_deletes {
                (d, deleted)
            } else {
                (i, inserted)
            };
            let one_sided = |text: String| {
                if only_deletes {
                    Item::Change {
                        deleted: text,
                        inserted: String::new(),
                    }
                } else {
                    Item::Change {
                        deleted: String::new(),
                        inserted: text,
                    }
                }
            };
            if let Some(b_rest) = b.strip_suffix(ws.as_str()) {
                items.push(one_sided(format!("{a}{ws}{b_rest}")));
                items.push(Item::Equal(ws));
            } else if let Some(a_rest) = a.strip_prefix(ws.as_str()) {
                let merged = format!("{a_rest}{ws}{b}");
                push_item(items, Item::Equal(ws));
                items.push(one_sided(merged));
            } else {
                items.push(one_sided(a));
                items.push(Item::Equal(ws));
                items.push(one_sided(b));
            }
        }
    }
}

/// Turns items into segments, deletions before insertions (the EU habit: strike the old
/// wording, then show the new).
fn flatten(items: Vec<Item>) -> Vec<Segment> {
    let mut segments = Vec::new();
    for item in items {
        match item {
            Item::Equal(text) => segments.push(Segment {
                kind: SegmentKind::Equal,
                text,
            }),
            Item::Change { deleted, inserted } => {
                if !deleted.is_empty() {
                    segments.push(Segment {
                        kind: SegmentKind::Delete,
                        text: deleted,
                    });
                }
                if !inserted.is_empty() {
                    segments.push(Segment {
                        kind: SegmentKind::Insert,
                        text: inserted,
                    });
                }
            }
        }
    }
    segments
}

/// The words of a paragraph as a multiset (word number, count), for the cheap similarity
/// used to pair paragraphs: the Dice coefficient, the share of words two paragraphs have
/// in common.
struct Bag {
    counts: Vec<(u32, u32)>,
    total: usize,
}

impl Bag {
    /// Leaves the label out: paragraph numbers change when a paragraph is inserted before
    /// them, and must not make a renumbered paragraph look like its new namesake. A label
    /// ends at a word boundary (it is followed by whitespace), so the tokens after it are
    /// those of the text without it.
    fn new(text: &str, tokens: &Tokens<'_>, is_word: &[bool]) -> Self {
        let skip =
            (text.len() - text.trim_start().len()) + paragraph_label(text).map_or(0, str::len);
        let mut offset = 0;
        let mut ids: Vec<u32> = Vec::with_capacity(tokens.ids.len());
        for (t, id) in tokens.text.iter().zip(&tokens.ids) {
            let start = offset;
            offset += t.len();
            if start >= skip && is_word.get(*id as usize).copied().unwrap_or(false) {
                ids.push(*id);
            }
        }
        let total = ids.len();
        ids.sort_unstable();
        let mut counts: Vec<(u32, u32)> = Vec::new();
        for id in ids {
            match counts.last_mut() {
                Some((last, n)) if *last == id => *n += 1,
                _ => counts.push((id, 1)),
            }
        }
        Bag { counts, total }
    }
}

/// Pairs old and new paragraphs of a replaced run, in order, maximising the total pairing
/// weight (similarity, plus a bonus for the same label). A pair is allowed when the labels are
/// equal or at least half of the words are shared. `None` when the deadline ran out.
fn pair_paragraphs(
    old: &[String],
    new: &[String],
    run: &Run<'_>,
    deadline: Option<Instant>,
) -> Option<Vec<(usize, usize)>> {
    let (n, m) = (old.len(), new.len());
    if n == 0 || m == 0 {
        return Some(Vec::new());
    }
    let old_labels: Vec<Option<&str>> = old.iter().map(|p| paragraph_label(p)).collect();
    let new_labels: Vec<Option<&str>> = new.iter().map(|p| paragraph_label(p)).collect();
    let bags = |texts: &[String], tokens: &[Tokens<'_>]| -> Vec<Bag> {
        texts
            .iter()
            .zip(tokens)
            .map(|(p, t)| Bag::new(p, t, &run.is_word))
            .collect()
    };
    let old_bags = bags(old, &run.old);
    let new_bags = bags(new, &run.new);
    // The counts of old paragraph `loaded`, indexed by word number: both pairings ask for
    // all candidates of one old paragraph before moving to the next.
    let scratch = std::cell::RefCell::new((vec![0u32; run.is_word.len()], None::<usize>));
    let similarity = |i: usize, old_bag: &Bag, new_bag: &Bag| -> f64 {
        let total = old_bag.total + new_bag.total;
        if total == 0 {
            return 0.0;
        }
        let mut scratch = scratch.borrow_mut();
        let (counts, loaded) = &mut *scratch;
        if *loaded != Some(i) {
            for (id, _) in loaded
                .and_then(|k| old_bags.get(k))
                .map_or(&[][..], |b| &b.counts)
            {
                if let Some(c) = counts.get_mut(*id as usize) {
                    *c = 0;
                }
            }
            for (id, n) in &old_bag.counts {
                if let Some(c) = counts.get_mut(*id as usize) {
                    *c = *n;
                }
            }
            *loaded = Some(i);
        }
        let common: usize = new_bag
            .counts
            .iter()
            .map(|(id, n)| (*n).min(counts.get(*id as usize).copied().unwrap_or(0)) as usize)
            .sum();
        (2 * common) as f64 / total as f64
    };
    let pair_weight = |i: usize, j: usize, use_words: bool| -> Option<f64> {
        let (old_bag, new_bag) = (old_bags.get(i)?, new_bags.get(j)?);
        let old_label = old_labels.get(i).copied().flatten();
        let same_label = old_label.is_some() && old_label == new_labels.get(j).copied().flatten();
        let sim = if use_words {
            similarity(i, old_bag, new_bag)
        } else {
            0.0
        };
        (same_label || sim >= PAIR_SIMILARITY)
            .then_some(sim + if same_label { LABEL_BONUS } else { 0.0 })
    };
    if n.saturating_mul(m) > MAX_PAIR_CELLS {
        return pair_in_window(n, m, |i, j| pair_weight(i, j, true), deadline);
    }
    let work: usize = old_bags
        .iter()
        .flat_map(|a| new_bags.iter().map(|b| a.counts.len().min(b.counts.len())))
        .fold(0usize, usize::saturating_add);
    let use_words = work <= MAX_PAIR_WORK;

    // weight[i * m + j]: how well old i pairs with new j; negative means "not allowed".
    let mut weight = vec![-1.0f64; n * m];
    for i in 0..n {
        if expired(deadline) {
            return None;
        }
        for j in 0..m {
            if let (Some(w), Some(cell)) = (pair_weight(i, j, use_words), weight.get_mut(i * m + j))
            {
                *cell = w;
            }
        }
    }

    // best[i * (m + 1) + j]: the best total weight pairing old[i..] with new[j..].
    let width = m + 1;
    let mut best = vec![0.0f64; (n + 1) * width];
    let at = |v: &[f64], i: usize, j: usize| v.get(i * width + j).copied().unwrap_or(0.0);
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let mut value = at(&best, i + 1, j).max(at(&best, i, j + 1));
            let w = weight.get(i * m + j).copied().unwrap_or(-1.0);
            if w >= 0.0 {
                value = value.max(w + at(&best, i + 1, j + 1));
            }
            if let Some(cell) = best.get_mut(i * width + j) {
                *cell = value;
            }
        }
    }

    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let here = at(&best, i, j);
        let w = weight.get(i * m + j).copied().unwrap_or(-1.0);
        if w >= 0.0 && here == w + at(&best, i + 1, j + 1) {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if here == at(&best, i + 1, j) {
            i += 1;
        } else {
            j += 1;
        }
    }
    Some(pairs)
}

/// Pairing for long replaced runs, where the full table would be too big: walks both runs in
/// order and pairs each old paragraph with the best candidate among the next
/// [`PAIR_WINDOW`] new ones, so it costs `n × PAIR_WINDOW` comparisons. This handles the
/// common large case, a term replaced throughout a long text, plus a few paragraphs inserted
/// or deleted here and there.
fn pair_in_window(
    n: usize,
    m: usize,
    weight: impl Fn(usize, usize) -> Option<f64>,
    deadline: Option<Instant>,
) -> Option<Vec<(usize, usize)>> {
    let mut pairs = Vec::new();
    let mut j = 0;
    for i in 0..n {
        if j >= m {
            break;
        }
        if expired(deadline) {
            return None;
        }
        let end = j.saturating_add(PAIR_WINDOW).min(m);
        let best = (j..end).filter_map(|k| weight(i, k).map(|w| (k, w))).fold(
            None,
            |best: Option<(usize, f64)>, (k, w)| match best {
                Some((_, bw)) if bw >= w => best,
                _ => Some((k, w)),
            },
        );
        if let Some((k, _)) = best {
            pairs.push((i, k));
            j = k + 1;
        }
    }
    Some(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::html::{
        diff as render_html, text as render_text_html, LEGEND as LEGEND_HTML,
    };
    use crate::render::markdown::diff as render_markdown;
    use crate::render::terminal::diff as render_terminal;

    fn diff(old: &str, new: &str) -> TextDiff {
        diff_texts(old, new, &DiffOptions::default())
    }

    fn seg(kind: SegmentKind, text: &str) -> Segment {
        Segment {
            kind,
            text: text.to_string(),
        }
    }

    fn eq(text: &str) -> Segment {
        seg(SegmentKind::Equal, text)
    }

    fn ins(text: &str) -> Segment {
        seg(SegmentKind::Insert, text)
    }

    fn del(text: &str) -> Segment {
        seg(SegmentKind::Delete, text)
    }

    /// Old side of a paragraph: equal and deleted text.
    fn old_side(p: &Paragraph) -> String {
        p.segments
            .iter()
            .filter(|s| s.kind != SegmentKind::Insert)
            .map(|s| s.text.as_str())
            .collect()
    }

    /// New side of a paragraph: equal and inserted text.
    fn new_side(p: &Paragraph) -> String {
        p.segments
            .iter()
            .filter(|s| s.kind != SegmentKind::Delete)
            .map(|s| s.text.as_str())
            .collect()
    }

    /// The invariant: the segments spell out both texts, paragraph by paragraph, in order;
    /// segments are never empty and adjacent ones differ in kind.
    fn check_invariants(old: &str, new: &str, d: &TextDiff) {
        let old_back: Vec<String> = d
            .paragraphs
            .iter()
            .filter(|p| p.status != ParagraphStatus::Inserted)
            .map(old_side)
            .collect();
        let new_back: Vec<String> = d
            .paragraphs
            .iter()
            .filter(|p| p.status != ParagraphStatus::Deleted)
            .map(new_side)
            .collect();
        assert_eq!(old_back, split_paragraphs(old), "old side");
        assert_eq!(new_back, split_paragraphs(new), "new side");
        for p in &d.paragraphs {
            assert!(!p.segments.is_empty());
            for s in &p.segments {
                assert!(!s.text.is_empty(), "empty segment in {p:?}");
            }
            for pair in p.segments.windows(2) {
                if let [a, b] = pair {
                    assert_ne!(a.kind, b.kind, "unmerged segments in {p:?}");
                }
            }
            match p.status {
                ParagraphStatus::Unchanged => {
                    assert!(p.segments.iter().all(|s| s.kind == SegmentKind::Equal))
                }
                ParagraphStatus::Inserted => {
                    assert!(p.segments.iter().all(|s| s.kind == SegmentKind::Insert))
                }
                ParagraphStatus::Deleted => {
                    assert!(p.segments.iter().all(|s| s.kind == SegmentKind::Delete))
                }
                ParagraphStatus::Changed => {}
            }
        }
        assert!((0.0..=1.0).contains(&d.similarity));
        assert_eq!(d.identical, texts_identical(old, new));
    }

    #[test]
    fn split_paragraphs_on_blank_lines_and_labels() {
        let text = "1. The Coordinating Authority\nshall request.\n\n\n2. Providers shall:\n(a) assess;\n(b) mitigate;\n(iv) report.\nSecond   line\ttabbed\r\n\n  \n";
        assert_eq!(
            split_paragraphs(text),
            [
                "1. The Coordinating Authority shall request.",
                "2. Providers shall:",
                "(a) assess;",
                "(b) mitigate;",
                "(iv) report. Second line tabbed",
            ]
        );
        assert!(split_paragraphs("").is_empty());
        assert!(split_paragraphs(" \n\n\t\n").is_empty());
        assert_eq!(
            split_paragraphs("by 31 December\n2025. The Commission"),
            ["by 31 December 2025. The Commission"]
        );
        assert_eq!(
            split_paragraphs("see\n(EU) 2016/679 and\n(a)b"),
            ["see (EU) 2016/679 and (a)b"]
        );
        assert_eq!(split_paragraphs("EUR\u{a0}10 000"), ["EUR 10 000"]);
    }

    #[test]
    fn labels() {
        assert_eq!(paragraph_label("1. The"), Some("1."));
        assert_eq!(paragraph_label("2a. The"), Some("2a."));
        assert_eq!(paragraph_label("12. "), Some("12."));
        assert_eq!(paragraph_label("3."), Some("3."));
        assert_eq!(paragraph_label("(a) assess"), Some("(a)"));
        assert_eq!(paragraph_label("(iv) report"), Some("(iv)"));
        assert_eq!(paragraph_label("(2) text"), Some("(2)"));
        assert_eq!(paragraph_label("(2a) text"), Some("(2a)"));
        assert_eq!(paragraph_label("  (b) x"), Some("(b)"));
        assert_eq!(paragraph_label("2025. The"), None);
        assert_eq!(paragraph_label("1.5 million"), None);
        assert_eq!(paragraph_label("(EU) 2016/679"), None);
        assert_eq!(paragraph_label("(a)b"), None);
        assert_eq!(paragraph_label("(see Article 5)"), None);
        assert_eq!(paragraph_label("()"), None);
        assert_eq!(paragraph_label("("), None);
        assert_eq!(paragraph_label(""), None);
        assert_eq!(paragraph_label("The"), None);
        assert_eq!(paragraph_label("é. x"), None);
        assert_eq!(paragraph_label("(é) x"), None);
    }

    #[test]
    fn normalize_and_identical() {
        assert_eq!(normalize("  a\n b  \n\n\n c "), "a b\n\nc");
        assert!(texts_identical("a  b\nc", "a b c"));
        assert!(texts_identical("1. a\n2. b", "1. a\n\n2. b"));
        assert!(!texts_identical("a b", "a c"));
        assert!(!texts_identical("a\n\nb", "a b"));
        assert!(texts_identical("", "  \n"));
    }

    #[test]
    fn identical_texts_are_no_change() {
        let d = diff(
            "1. The   text\nwraps.\n\n2. More.",
            "1. The text wraps.\n2. More.",
        );
        assert!(d.identical);
        assert!(!d.timed_out);
        assert_eq!(d.similarity, 1.0);
        assert_eq!((d.words_inserted, d.words_deleted), (0, 0));
        assert_eq!(d.paragraphs.len(), 2);
        assert!(d
            .paragraphs
            .iter()
            .all(|p| p.status == ParagraphStatus::Unchanged));
        assert_eq!(d.paragraphs[0].label.as_deref(), Some("1."));
        assert_eq!(d.paragraphs[0].segments, [eq("1. The text wraps.")]);
    }

    #[test]
    fn empty_texts() {
        let d = diff("", "");
        assert!(d.identical);
        assert_eq!(d.similarity, 1.0);
        assert!(d.paragraphs.is_empty());
        assert_eq!(render_html(&d), "");
        assert_eq!(render_markdown(&d), "");
        assert_eq!(render_terminal(&d, true), "");

        let d = diff("", "New text.");
        assert!(!d.identical);
        assert_eq!(d.similarity, 0.0);
        assert_eq!(d.words_inserted, 2);
        assert_eq!(d.paragraphs[0].status, ParagraphStatus::Inserted);

        let d = diff("Old text.", "");
        assert_eq!(d.words_deleted, 2);
        assert_eq!(d.paragraphs[0].status, ParagraphStatus::Deleted);

        let d = diff(".", ";");
        assert_eq!(d.similarity, 0.0);
        check_invariants(".", ";", &d);
    }

    #[test]
    fn word_change_inside_a_paragraph() {
        let old = "Providers shall scan all messages.";
        let new = "Providers may scan suspects' messages, with a warrant.";
        // Dice similarity of the words: 2 × 3 / (5 + 8) < 0.5, so shown whole...
        let d = diff(old, new);
        check_invariants(old, new, &d);
        assert_eq!(d.paragraphs.len(), 2);
        // ... and with more words in common, as a word diff.
        let old = "Providers shall scan all messages of users.";
        let new = "Providers may scan suspects' messages of users, with a warrant.";
        let d = diff(old, new);
        check_invariants(old, new, &d);
        assert_eq!(d.paragraphs.len(), 1);
        assert_eq!(d.paragraphs[0].status, ParagraphStatus::Changed);
        assert_eq!(
            d.paragraphs[0].segments,
            [
                eq("Providers "),
                del("shall"),
                ins("may"),
                eq(" scan "),
                del("all"),
                ins("suspects'"),
                eq(" messages of users"),
                ins(", with a warrant"),
                eq("."),
            ]
        );
        assert_eq!(d.words_deleted, 2);
        assert_eq!(d.words_inserted, 5);
    }

    #[test]
    fn punctuation_is_its_own_token() {
        let d = diff("(a) assess the risk;", "(a) assess the risk, and");
        assert_eq!(
            d.paragraphs[0].segments,
            [eq("(a) assess the risk"), del(";"), ins(", and")]
        );
        assert_eq!(d.words_deleted, 0);
        assert_eq!(d.words_inserted, 1);
        assert_eq!(d.paragraphs[0].label.as_deref(), Some("(a)"));
    }

    #[test]
    fn whitespace_between_changes_is_absorbed() {
        let d = diff("one two three four", "one five six four");
        assert_eq!(
            d.paragraphs[0].segments,
            [eq("one "), del("two three"), ins("five six"), eq(" four")]
        );
        let d = diff("keep a b keep", "keep keep");
        check_invariants("keep a b keep", "keep keep", &d);
        assert_eq!(
            d.paragraphs[0].segments,
            [eq("keep "), del("a b "), eq("keep")]
        );
        let d = diff("x y", "x new words y");
        assert_eq!(
            d.paragraphs[0].segments,
            [eq("x "), ins("new words "), eq("y")]
        );
    }

    #[test]
    fn inserted_paragraph_does_not_shift_the_rest() {
        let old = "1. Member States shall designate authorities.\n\n\
                   2. The authorities shall be independent.";
        let new = "1. Member States shall designate authorities.\n\n\
                   2. Those authorities shall have adequate resources.\n\n\
                   3. The authorities shall be fully independent.";
        let d = diff(old, new);
        check_invariants(old, new, &d);
        let statuses: Vec<ParagraphStatus> = d.paragraphs.iter().map(|p| p.status).collect();
        assert_eq!(
            statuses,
            [
                ParagraphStatus::Unchanged,
                ParagraphStatus::Inserted,
                ParagraphStatus::Changed,
            ]
        );
        assert_eq!(
            d.paragraphs[2].segments,
            [
                del("2"),
                ins("3"),
                eq(". The authorities shall be "),
                ins("fully "),
                eq("independent."),
            ]
        );
        assert_eq!(d.paragraphs[2].label.as_deref(), Some("3."));
    }

    #[test]
    fn same_label_pairs_even_when_rewritten() {
        let old = "(a) scan everything;\n(b) keep logs.";
        let new = "(a) nothing at all is scanned here;\n(b) keep logs.";
        let d = diff(old, new);
        check_invariants(old, new, &d);
        assert_eq!(d.paragraphs[0].status, ParagraphStatus::Changed);
        assert_eq!(d.paragraphs[1].status, ParagraphStatus::Unchanged);
    }

    #[test]
    fn unrelated_paragraphs_are_not_paired() {
        let old = "Detection orders shall be issued by a court.";
        let new = "This Regulation enters into force on the twentieth day.";
        let d = diff(old, new);
        check_invariants(old, new, &d);
        let statuses: Vec<ParagraphStatus> = d.paragraphs.iter().map(|p| p.status).collect();
        assert_eq!(
            statuses,
            [ParagraphStatus::Deleted, ParagraphStatus::Inserted]
        );
        assert_eq!(d.similarity, 0.0);
    }

    #[test]
    fn deleted_paragraph_in_the_middle() {
        let old = "1. First.\n2. Second paragraph goes.\n3. Third.";
        let new = "1. First.\n3. Third.";
        let d = diff(old, new);
        check_invariants(old, new, &d);
        let statuses: Vec<ParagraphStatus> = d.paragraphs.iter().map(|p| p.status).collect();
        assert_eq!(
            statuses,
            [
                ParagraphStatus::Unchanged,
                ParagraphStatus::Deleted,
                ParagraphStatus::Unchanged,
            ]
        );
        assert_eq!(d.words_deleted, 4);
        assert_eq!(d.paragraphs[1].label.as_deref(), Some("2."));
    }

    #[test]
    fn similarity_counts_letters_and_digits() {
        // "ab cd" vs "ab ef": 2 equal of 4 + 4.
        let d = diff("ab cd", "ab ef");
        assert!((d.similarity - 0.5).abs() < 1e-9, "{}", d.similarity);
        let d = diff("same words here", "same words here!");
        assert_eq!(d.similarity, 1.0);
        assert!(!d.identical);
    }

    #[test]
    fn html_snapshot() {
        let old = "1. Providers shall scan <all> messages & \"files\".\n\n2. Gone paragraph.";
        let new = "1. Providers may scan <all> messages & 'files'.\n\n3. Brand new text.";
        let d = diff(old, new);
        check_invariants(old, new, &d);
        assert_eq!(
            render_html(&d),
            "<p>1. Providers <del>shall</del><ins>may</ins> scan &lt;all&gt; messages &amp; \
             <del>&quot;</del><ins>&#39;</ins>files<del>&quot;</del><ins>&#39;</ins>.</p>\n\
             <p class=\"par-del\"><del>2. Gone paragraph.</del></p>\n\
             <p class=\"par-ins\"><ins>3. Brand new text.</ins></p>\n"
        );
    }

    #[test]
    fn html_of_identical_and_plain_text() {
        let d = diff("a < b\n\nc", "a  <  b\nc");
        assert!(!d.identical);
        let same = diff("a < b", "a <  b");
        assert_eq!(render_html(&same), "<p>a &lt; b</p>\n");
        assert_eq!(
            render_text_html("1. Tom's \"text\" & <b>\n2. next"),
            "<p>1. Tom&#39;s &quot;text&quot; &amp; &lt;b&gt;</p>\n<p>2. next</p>\n"
        );
        assert_eq!(render_text_html(""), "");
    }

    #[test]
    fn legend_mentions_both_marks() {
        assert!(LEGEND_HTML.starts_with("<p class=\"legend\">"));
        assert!(LEGEND_HTML.contains("<ins>inserted text</ins>"));
        assert!(LEGEND_HTML.contains("<del>deleted text</del>"));
        assert!(LEGEND_HTML.contains("bold italic"));
        assert!(LEGEND_HTML.contains("struck through"));
    }

    #[test]
    fn markdown_snapshot() {
        let old = "1. Providers shall scan all messages.\n\n2. Gone *now*.";
        let new = "1. Providers may scan messages of suspects.\n\n(a) New_point.";
        let d = diff(old, new);
        check_invariants(old, new, &d);
        assert_eq!(
            render_markdown(&d),
            "1\\. Providers ~~shall~~***may*** scan ~~all~~ messages ***of suspects***.\n\n\
             ~~2. Gone \\*now\\*.~~\n\n\
             ***(a) New\\_point.***\n"
        );
    }

    #[test]
    fn markdown_falls_back_to_html_when_flanking_fails() {
        // A comma glued to the word before cannot open `***` in CommonMark.
        let d = diff("the risk; and", "the risk, and");
        assert_eq!(render_markdown(&d), "the risk<del>;</del>***,*** and\n");
        // At the start of a paragraph punctuation can open.
        let d = diff("(a) x", "(b) x");
        assert_eq!(render_markdown(&d), "\\(~~a~~***b***) x\n");
    }

    /// Renders the Markdown with pulldown-cmark (GitHub-flavoured: strikethrough on) and
    /// checks that every marked change became emphasis or strikethrough, not literal `*`/`~`.
    fn assert_markdown_renders(d: &TextDiff) {
        let markdown = render_markdown(d);
        let parser = pulldown_cmark::Parser::new_ext(
            &markdown,
            pulldown_cmark::Options::ENABLE_STRIKETHROUGH,
        );
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, parser);
        let visible = |kind| {
            d.paragraphs
                .iter()
                .flat_map(|p| &p.segments)
                .filter(|s| s.kind == kind && !s.text.trim().is_empty())
                .count()
        };
        assert_eq!(
            html.matches("<del>").count(),
            visible(SegmentKind::Delete),
            "{markdown}\n{html}"
        );
        assert_eq!(
            html.matches("<strong>").count(),
            visible(SegmentKind::Insert),
            "{markdown}\n{html}"
        );
        assert_eq!(
            html.matches("<em>").count(),
            visible(SegmentKind::Insert),
            "{markdown}\n{html}"
        );
        let literal = d
            .paragraphs
            .iter()
            .flat_map(|p| &p.segments)
            .any(|s| s.text.contains(['*', '~']));
        assert!(
            literal || (!html.contains('*') && !html.contains('~')),
            "{markdown}\n{html}"
        );
        for tag in [
            "<ul",
            "<ol",
            "<blockquote",
            "<h",
            "<code",
            "<a ",
            "<table",
            "<pre",
        ] {
            assert!(!html.contains(tag), "{tag} in {markdown}\n{html}");
        }
        // One paragraph per diff paragraph, nothing else.
        assert_eq!(
            html.matches("<p>").count(),
            d.paragraphs.len(),
            "{markdown}\n{html}"
        );
    }

    #[test]
    fn markdown_marks_always_render() {
        for (old, new) in [
            ("the risk; and", "the risk, and"),
            ("(a) x", "(b) x"),
            ("a-b", "a+b"),
            ("word.", "word!"),
            ("x (y) z", "x [y] z"),
            ("\"quoted\" text", "'quoted' text"),
            ("1. First.\n2. Second.", "1. First!\n\n(a) New."),
            ("Article 7(2)", "Article 7(3)"),
            ("- a bullet", "- a *bullet*"),
            ("> quote # 1", "> quote # 2"),
            ("1) x", "2) x"),
            ("12. x", "12. y"),
            ("@someone pays $5", "@someone pays $6"),
            ("a | b", "a | c"),
            ("`code` and <b>", "`code` or <b>"),
            ("x\n\n---", "y\n\n==="),
        ] {
            assert_markdown_renders(&diff(old, new));
        }
        let mut rng = Lcg(7);
        for _ in 0..300 {
            let old = rng.text();
            let new = rng.text();
            assert_markdown_renders(&diff(&old, &new));
        }
    }

    #[test]
    fn markdown_moves_spaces_outside_markers() {
        let segments = vec![eq("a"), ins(" new words "), eq("b")];
        let d = TextDiff {
            paragraphs: vec![Paragraph {
                label: None,
                status: ParagraphStatus::Changed,
                segments,
            }],
            words_inserted: 2,
            words_deleted: 0,
            similarity: 0.5,
            identical: false,
            timed_out: false,
        };
        assert_eq!(render_markdown(&d), "a ***new words*** b\n");
    }

    #[test]
    fn terminal_without_colour_uses_wdiff_markers() {
        let d = diff(
            "1. keep old text\n\n2. gone",
            "1. keep new text\n\n(a) added",
        );
        assert_eq!(
            render_terminal(&d, false),
            "1. keep [-old-]{+new+} text\n\n[-2. gone-]\n\n{+(a) added+}\n"
        );
    }

    #[test]
    fn terminal_with_colour() {
        let d = diff("keep old", "keep new");
        let out = render_terminal(&d, true);
        assert_eq!(
            out,
            "keep \u{1b}[9m\u{1b}[31mold\u{1b}[0m\u{1b}[1m\u{1b}[4m\u{1b}[32mnew\u{1b}[0m\n"
        );
        let d = diff("a \u{1b}[2J b", "a \u{1b}[2J c");
        assert!(!render_terminal(&d, false).contains('\u{1b}'));
    }

    #[test]
    fn serializes_as_plain_data() {
        let d = diff("a b", "a c");
        let json = serde_json::to_string(&d).unwrap_or_default();
        assert_eq!(
            json,
            "{\"paragraphs\":[{\"label\":null,\"status\":\"changed\",\"segments\":[\
             {\"kind\":\"equal\",\"text\":\"a \"},{\"kind\":\"delete\",\"text\":\"b\"},\
             {\"kind\":\"insert\",\"text\":\"c\"}]}],\"words_inserted\":1,\"words_deleted\":1,\
             \"similarity\":0.5,\"identical\":false,\"timed_out\":false}"
        );
    }

    /// A tiny deterministic generator, so the invariant is checked on many inputs without
    /// pulling in a property-testing crate.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) as usize
        }

        fn text(&mut self) -> String {
            const PIECES: [&str; 28] = [
                "shall", "may", "the", "provider", "(a)", "1.", "2a.", ",", ";", " ", "  ", "\n",
                "\n\n", "é", "'", "<&>", "- ", "# ", "> ", "1)", "+", "`", "[x](y)", "|", "_",
                "\\", "&amp;", "---",
            ];
            let len = self.next() % 40;
            let mut out = String::new();
            for _ in 0..len {
                let piece = PIECES
                    .get(self.next() % PIECES.len())
                    .copied()
                    .unwrap_or("");
                out.push_str(piece);
                if self.next() % 2 == 0 {
                    out.push(' ');
                }
            }
            out
        }
    }

    #[test]
    fn segments_reproduce_both_texts() {
        let mut rng = Lcg(42);
        for _ in 0..500 {
            let old = rng.text();
            let new = if rng.next() % 4 == 0 {
                old.replace("shall", "may")
            } else {
                rng.text()
            };
            let d = diff(&old, &new);
            check_invariants(&old, &new, &d);
            assert!(!d.timed_out);
            let _ = render_html(&d);
            let _ = render_markdown(&d);
            let _ = render_terminal(&d, true);
        }
    }

    /// The ASCII fast path of [`word_bounds`] splits exactly as `split_word_bounds`: every
    /// string of up to four characters over an alphabet with one character of each
    /// word-break class (and a few more), and longer random ones.
    #[test]
    fn ascii_word_bounds_match_unicode_segmentation() {
        const ALPHABET: &[u8] = b"aZ7_'\".:,;. \t\n\r\x0b-(";
        let check = |s: &str| {
            let expected: Vec<&str> = s.split_word_bounds().collect();
            assert_eq!(word_bounds(s), expected, "in {s:?}");
        };
        let n = ALPHABET.len();
        for len in 1..=4u32 {
            for mut k in 0..n.pow(len) {
                let mut s = String::new();
                for _ in 0..len {
                    s.push(char::from(ALPHABET[k % n]));
                    k /= n;
                }
                check(&s);
            }
        }
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            let mut s = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 24) as usize;
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push(char::from(ALPHABET[(seed % n as u64) as usize]));
            }
            check(&s);
        }
        check("Article 7(2)(a): the provider's e.g. 3.5 million, 1,000; x_y. U.S.A.");
    }

    #[test]
    fn one_megabyte_finishes_quickly() {
        let sentence = "The provider shall assess, on a regular basis, the risk of use of the \
                        service for the purpose of online child sexual abuse. ";
        let mut old = String::new();
        let mut n = 0;
        while old.len() < 1_000_000 {
            n += 1;
            old.push_str(&format!("{n}. "));
            old.push_str(&sentence.repeat(4));
            old.push_str("\n\n");
        }
        let new = old
            .replace("regular basis", "yearly basis")
            .replace("42. ", "42. Where necessary, ");
        let options = DiffOptions {
            deadline: Duration::from_secs(2),
        };
        let d = diff_texts(&old, &new, &options);
        check_invariants(&old, &new, &d);

        // One huge paragraph each.
        let old_one = old.replace("\n\n", " ");
        let new_one = new.replace("\n\n", " ");
        let d = diff_texts(&old_one, &new_one, &options);
        check_invariants(&old_one, &new_one, &d);
    }

    #[test]
    fn pathological_input_respects_the_deadline() {
        let old: String = (0..50_000)
            .map(|i| if i % 2 == 0 { "a " } else { "b " })
            .collect();
        let new: String = (0..50_000)
            .map(|i| match i % 3 {
                0 => "b ",
                1 => "a ",
                _ => "c ",
            })
            .collect();
        let options = DiffOptions {
            deadline: Duration::from_millis(200),
        };
        let d = diff_texts(&old, &new, &options);
        check_invariants(&old, &new, &d);

        // Many short paragraphs replaced by many others: the pairing table is bounded too.
        let old: String = (0..3000)
            .map(|i| format!("({}) alpha {i}\n", i % 7))
            .collect();
        let new: String = (0..3000)
            .map(|i| format!("({}) beta {i}\n", i % 5))
            .collect();
        let d = diff_texts(&old, &new, &options);
        check_invariants(&old, &new, &d);
    }

    #[test]
    fn long_replaced_runs_are_paired_in_a_window() {
        // A term replaced in every paragraph of a long text, and one paragraph inserted: the
        // replaced run is too long for the full pairing table.
        let old: String = (1..=600)
            .map(|i| format!("{i}. The Coordinating Authority shall act in case {i}.\n"))
            .collect();
        let new = old
            .replace("Coordinating Authority", "competent authority")
            .replace(
                "300. ",
                "299a. A new paragraph about something else.\n300. ",
            );
        let options = DiffOptions {
            deadline: Duration::from_secs(60),
        };
        let d = diff_texts(&old, &new, &options);
        check_invariants(&old, &new, &d);
        assert!(!d.timed_out);
        let count = |status| d.paragraphs.iter().filter(|p| p.status == status).count();
        assert_eq!(count(ParagraphStatus::Changed), 600);
        assert_eq!(count(ParagraphStatus::Inserted), 1);
        assert_eq!(count(ParagraphStatus::Deleted), 0);
        assert_eq!(d.words_deleted, 1200);
        assert_eq!(d.words_inserted, 1200 + 7);
    }

    #[test]
    fn zero_deadline_falls_back_to_whole_paragraphs() {
        let options = DiffOptions {
            deadline: Duration::ZERO,
        };
        let d = diff_texts("1. a b c", "1. a x c", &options);
        assert!(d.timed_out);
        check_invariants("1. a b c", "1. a x c", &d);
        let statuses: Vec<ParagraphStatus> = d.paragraphs.iter().map(|p| p.status).collect();
        assert_eq!(
            statuses,
            [ParagraphStatus::Deleted, ParagraphStatus::Inserted]
        );
        assert_eq!((d.words_deleted, d.words_inserted), (4, 4));
        // Identical texts need no time at all.
        let d = diff_texts("a", "a", &options);
        assert!(d.identical && !d.timed_out);
    }
}
