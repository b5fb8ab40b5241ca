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

mod pairs;
mod words;

use pairs::pair_paragraphs;
use words::{alnum_chars, count_numbered_words, count_words, diff_words, Run, Tokens};

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

#[cfg(test)]
mod tests {
    use super::words::word_bounds;
    use super::*;
    use crate::render::html::{
        diff as render_html, text as render_text_html, LEGEND as LEGEND_HTML,
    };
    use crate::render::markdown::diff as render_markdown;
    use crate::render::terminal::diff as render_terminal;
    use unicode_segmentation::UnicodeSegmentation;

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
