//! Words: tokens at Unicode word boundaries (with a fast path for ASCII), what counts as a
//! word, and the word diff inside a pair of paragraphs.

use std::time::Instant;

use similar::{capture_diff_slices_deadline, Algorithm, DiffTag};
use unicode_segmentation::UnicodeSegmentation;

use super::{expired, Segment, SegmentKind};

pub(super) fn is_word(token: &str) -> bool {
    if token.is_ascii() {
        return token.bytes().any(|b| b.is_ascii_alphanumeric());
    }
    token.chars().any(char::is_alphanumeric)
}

pub(super) fn alnum_chars(text: &str) -> usize {
    if text.is_ascii() {
        return text.bytes().filter(u8::is_ascii_alphanumeric).count();
    }
    text.chars().filter(|c| c.is_alphanumeric()).count()
}

pub(super) fn count_words(text: &str) -> usize {
    word_bounds(text).into_iter().filter(|t| is_word(t)).count()
}

/// The tokens of `text` between Unicode word boundaries (UAX #29), exactly as
/// `split_word_bounds` gives them, with a fast path for ASCII text (most legal text is).
pub(super) fn word_bounds(text: &str) -> Vec<&str> {
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
pub(super) enum WordCat {
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

pub(super) fn ascii_word_cat(b: u8) -> WordCat {
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
pub(super) fn ascii_word_break(cats: &[WordCat], i: usize) -> bool {
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

/// A paragraph's tokens (see [`word_bounds`]) and their numbers in its [`Run`].
pub(super) struct Tokens<'a> {
    pub(super) text: Vec<&'a str>,
    pub(super) ids: Vec<u32>,
}

/// The paragraphs of a replaced run, each split into tokens once; every distinct token of
/// the run has a number, so that pairing and word diffs compare numbers, not strings.
pub(super) struct Run<'a> {
    pub(super) old: Vec<Tokens<'a>>,
    pub(super) new: Vec<Tokens<'a>>,
    /// Whether the token with this number is a word (has a letter or digit).
    pub(super) is_word: Vec<bool>,
}

impl<'a> Run<'a> {
    pub(super) fn new(old: &'a [String], new: &'a [String]) -> Run<'a> {
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

    pub(super) fn words(&self, side: &[Tokens<'_>], k: usize) -> usize {
        side.get(k)
            .map_or(0, |t| count_numbered_words(t, &self.is_word))
    }
}

pub(super) fn count_numbered_words(tokens: &Tokens<'_>, is_word: &[bool]) -> usize {
    tokens
        .ids
        .iter()
        .filter(|id| is_word.get(**id as usize).copied().unwrap_or(false))
        .count()
}

/// The word-level diff of one paragraph pair.
pub(super) struct WordDiff {
    pub(super) segments: Vec<Segment>,
    pub(super) inserted: usize,
    pub(super) deleted: usize,
    pub(super) equal_chars: usize,
}

/// Diffs two paragraphs token by token; `None` when the deadline ran out. The diff runs
/// on token numbers (equal tokens, equal numbers): the same operations as on the strings,
/// with cheaper hashing and comparing.
pub(super) fn diff_words(
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
pub(super) enum Item {
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
pub(super) fn push_item(items: &mut Vec<Item>, item: Item) {
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
pub(super) fn flatten(items: Vec<Item>) -> Vec<Segment> {
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
