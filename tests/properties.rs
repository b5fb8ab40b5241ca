//! Property tests (proptest) for the diff engine and legal references.
//!
//! The diff: the segments spell out both texts exactly (modulo [`diff::normalize`]),
//! identical texts are "no change", and the deadline bounds the work on adversarial
//! inputs. No test here measures time: the deadline is checked through what it does to the
//! result (`timed_out`, no word-level diff once it has passed), never with a clock.
//!
//! References: the order is total (antisymmetric, transitive, consistent with `Eq`), and
//! parsing and the canonical spelling agree (`parse(canonical(r)) == r`, `Eq` iff the
//! canonical spellings are equal).

use std::cmp::Ordering;
use std::time::Duration;

use proptest::prelude::*;
use trilogue::diff::{self, DiffOptions, ParagraphStatus, SegmentKind, TextDiff};
use trilogue::refs::{LegalRef, Part};

// ---------------------------------------------------------------------------------------
// The diff engine
// ---------------------------------------------------------------------------------------

/// Pieces of legal text, with the things that make diffs hard: labels that start
/// paragraphs, punctuation, repeated words, blank lines, odd whitespace, markup characters
/// and non-ASCII letters.
const PIECES: &[&str] = &[
    "shall",
    "may",
    "the",
    "provider",
    "providers",
    "of",
    "detection",
    "order",
    "orders",
    "Article",
    "7",
    "2025",
    "1.",
    "2.",
    "2a.",
    "(a)",
    "(b)",
    "(iv)",
    ",",
    ";",
    ".",
    ":",
    "(",
    ")",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "\u{a0}",
    "é",
    "Straße",
    "'",
    "\"",
    "<&>",
    "*",
    "_",
    "-",
    "#",
    "\u{200b}",
    "\u{202e}",
    "\r\n",
];

fn piece_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => "\\PC{0,8}",
        ],
        0..max,
    )
    .prop_map(|pieces| {
        let mut out = String::new();
        for (i, p) in pieces.iter().enumerate() {
            out.push_str(p);
            if i % 3 != 2 {
                out.push(' ');
            }
        }
        out
    })
}

/// A text and an edited copy: words replaced, inserted or removed, paragraphs moved.
fn text_pair(max: usize) -> impl Strategy<Value = (String, String)> {
    (
        piece_text(max),
        prop::collection::vec((any::<prop::sample::Index>(), 0u8..4, piece_text(4)), 0..6),
    )
        .prop_map(|(old, edits)| {
            let mut words: Vec<String> = old.split(' ').map(str::to_string).collect();
            for (at, kind, text) in edits {
                if words.is_empty() {
                    words.push(text);
                    continue;
                }
                let i = at.index(words.len());
                match kind {
                    0 => words[i] = text,
                    1 => words.insert(i, text),
                    2 => {
                        words.remove(i);
                    }
                    _ => {
                        let w = words.remove(i);
                        words.push(w);
                    }
                }
            }
            (old, words.join(" "))
        })
}

/// The texts the segments spell out: equal and deleted text for the old side, equal and
/// inserted text for the new side, paragraph by paragraph.
fn sides(d: &TextDiff) -> (Vec<String>, Vec<String>) {
    let side = |skip_status: ParagraphStatus, skip_kind: SegmentKind| -> Vec<String> {
        d.paragraphs
            .iter()
            .filter(|p| p.status != skip_status)
            .map(|p| {
                p.segments
                    .iter()
                    .filter(|s| s.kind != skip_kind)
                    .map(|s| s.text.as_str())
                    .collect()
            })
            .collect()
    };
    (
        side(ParagraphStatus::Inserted, SegmentKind::Insert),
        side(ParagraphStatus::Deleted, SegmentKind::Delete),
    )
}

/// What must hold for any diff of `old` and `new`, deadline or not.
fn check_invariants(old: &str, new: &str, d: &TextDiff) -> Result<(), TestCaseError> {
    let (old_back, new_back) = sides(d);
    prop_assert_eq!(old_back.join("\n\n"), diff::normalize(old));
    prop_assert_eq!(new_back.join("\n\n"), diff::normalize(new));
    prop_assert_eq!(old_back, diff::split_paragraphs(old));
    prop_assert_eq!(new_back, diff::split_paragraphs(new));
    prop_assert_eq!(d.identical, diff::texts_identical(old, new));
    prop_assert!((0.0..=1.0).contains(&d.similarity));
    for p in &d.paragraphs {
        prop_assert!(!p.segments.is_empty());
        prop_assert!(p.segments.iter().all(|s| !s.text.is_empty()));
        for pair in p.segments.windows(2) {
            prop_assert_ne!(pair[0].kind, pair[1].kind, "unmerged segments in {:?}", p);
        }
        let kinds_allowed: &[SegmentKind] = match p.status {
            ParagraphStatus::Unchanged => &[SegmentKind::Equal],
            ParagraphStatus::Inserted => &[SegmentKind::Insert],
            ParagraphStatus::Deleted => &[SegmentKind::Delete],
            ParagraphStatus::Changed => {
                &[SegmentKind::Equal, SegmentKind::Insert, SegmentKind::Delete]
            }
        };
        prop_assert!(p.segments.iter().all(|s| kinds_allowed.contains(&s.kind)));
    }
    let changed_words = d.words_inserted + d.words_deleted;
    if d.identical {
        prop_assert_eq!(changed_words, 0);
        prop_assert_eq!(d.similarity, 1.0);
        prop_assert!(!d.timed_out);
    }
    Ok(())
}

/// A deadline that has already passed when the diff starts.
const EXPIRED: DiffOptions = DiffOptions {
    deadline: Duration::ZERO,
};

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn segments_rebuild_both_texts((old, new) in text_pair(60)) {
        let d = diff::diff_texts(&old, &new, &DiffOptions::default());
        check_invariants(&old, &new, &d)?;
        // Every renderer copes with whatever came out.
        let html = trilogue::render::html::diff(&d);
        prop_assert!(!html.contains("<script"));
        let _ = trilogue::render::markdown::diff(&d);
        let terminal = trilogue::render::terminal::diff(&d, false);
        prop_assert!(!terminal.chars().any(|c| c.is_control() && c != '\n'));
    }

    #[test]
    fn unrelated_texts_rebuild_too(old in piece_text(40), new in piece_text(40)) {
        let d = diff::diff_texts(&old, &new, &DiffOptions::default());
        check_invariants(&old, &new, &d)?;
    }

    #[test]
    fn identical_texts_are_no_change(text in piece_text(60)) {
        let d = diff::diff_texts(&text, &text, &DiffOptions::default());
        prop_assert!(d.identical);
        prop_assert!(!d.timed_out);
        prop_assert!(d.paragraphs.iter().all(|p| p.status == ParagraphStatus::Unchanged));
        check_invariants(&text, &text, &d)?;
        // Whitespace alone is no change either: trailing spaces, doubled spaces, no-break
        // spaces, CRLF line ends.
        let reflowed = text
            .replace(' ', "  ")
            .replace('\u{a0}', " ")
            .replace('\n', " \r\n")
            + "  \n";
        let d = diff::diff_texts(&text, &reflowed, &DiffOptions::default());
        prop_assert!(d.identical, "{:?} vs {:?}", text, reflowed);
        // Identical texts need no time: even an expired deadline reports no change.
        let d = diff::diff_texts(&text, &text, &EXPIRED);
        prop_assert!(d.identical && !d.timed_out);
    }

    #[test]
    fn an_expired_deadline_still_gives_a_correct_diff((old, new) in text_pair(60)) {
        let d = diff::diff_texts(&old, &new, &EXPIRED);
        check_invariants(&old, &new, &d)?;
        if !d.identical {
            // Once the deadline has passed, no paragraph is compared word by word: what
            // changed is shown deleted and inserted whole.
            prop_assert!(d.timed_out);
            prop_assert!(d.paragraphs.iter().all(|p| p.status != ParagraphStatus::Changed));
        }
    }
}

/// Adversarial inputs: long runs of few distinct words (the worst case of Myers' and
/// patience diffs), and many short, similar paragraphs (the worst case of pairing).
fn adversarial() -> impl Strategy<Value = (String, String)> {
    let words = |alphabet: &'static [&'static str]| {
        prop::collection::vec(prop::sample::select(alphabet), 2_000..6_000)
            .prop_map(|w| w.join(" "))
    };
    let paragraphs = (200usize..800, 1usize..7, 1usize..7).prop_map(|(n, a, b)| {
        let old: String = (0..n)
            .map(|i| format!("({}) alpha {}\n", i % a + 1, i % 5))
            .collect();
        let new: String = (0..n)
            .map(|i| format!("({}) beta {}\n", i % b + 1, i % 3))
            .collect();
        (old, new)
    });
    prop_oneof![
        (words(&["a", "b"]), words(&["b", "a", "c"])),
        (
            words(&["shall", "may", ",", "the"]),
            words(&["the", "shall", "."])
        ),
        paragraphs,
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// With the deadline already passed, even the worst inputs get a complete, correct
    /// diff, and the engine says it cut the work short.
    #[test]
    fn the_deadline_bounds_the_work_on_adversarial_inputs((old, new) in adversarial()) {
        let d = diff::diff_texts(&old, &new, &EXPIRED);
        check_invariants(&old, &new, &d)?;
        prop_assert!(d.timed_out);
        prop_assert!(d.paragraphs.iter().all(|p| p.status != ParagraphStatus::Changed));
    }
}

// ---------------------------------------------------------------------------------------
// Legal references
// ---------------------------------------------------------------------------------------

const ROMAN: [&str; 30] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
    "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII",
    "XXVIII", "XXIX", "XXX",
];

/// A reference spelt the many ways contributors write them, from small domains so that
/// equal references come up often. Every one is valid.
fn spelt_ref() -> impl Strategy<Value = String> {
    let suffix = prop::sample::select(vec![
        "", "a", "b", "aa", "z", " a", " bis", " ter", " quater", "A",
    ]);
    let sub = prop_oneof![
        (1u32..4, prop::sample::select(vec!["", "a", " bis", "b"]))
            .prop_map(|(n, s)| format!("({n}{s})")),
        prop::sample::select(vec![
            "(a)", "(b)", "(aa)", "(i)", "(ii)", "(iv)", "(v)", "(vi)", "(ix)", "(x)", "(xi)",
            "(h)", "(j)", "( a )", "(A)", "(a bis)",
        ])
        .prop_map(str::to_string),
    ];
    let article = (
        prop::sample::select(vec![
            "Article ",
            "article ",
            "ARTICLE ",
            "Art. ",
            "Art.",
            "Article  ",
        ]),
        1u32..13,
        suffix.clone(),
        prop::collection::vec(sub, 0..3),
        prop::sample::select(vec!["", " (new)", " (NEW)"]),
    )
        .prop_map(|(word, n, s, subs, new)| format!("{word}{n}{s}{}{new}", subs.concat()));
    let numbered = (
        prop::sample::select(vec!["Citation ", "Recital ", "recital "]),
        1u32..13,
        suffix.clone(),
    )
        .prop_map(|(word, n, s)| format!("{word}{n}{s}"));
    let annex = (
        prop::sample::select(vec!["Annex ", "annex ", "ANNEX "]),
        0usize..30,
        prop::sample::select(vec!["", "a", " bis", "b"]),
        any::<bool>(),
    )
        .prop_map(|(word, n, s, lower)| {
            let r = if lower {
                ROMAN[n].to_lowercase()
            } else {
                ROMAN[n].to_string()
            };
            // A lowercase numeral and a glued lowercase suffix would be one word.
            let s = if lower && !s.is_empty() && !s.starts_with(' ') {
                format!(" {s}")
            } else {
                s.to_string()
            };
            format!("{word}{r}{s}")
        });
    prop_oneof![3 => article, 1 => numbered, 1 => annex]
}

fn parsed() -> impl Strategy<Value = LegalRef> {
    spelt_ref().prop_map(|s| match LegalRef::parse(&s) {
        Ok(r) => r,
        Err(e) => panic!("`{s}` should parse: {e}"),
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn parsing_the_canonical_spelling_gives_the_same_reference(r in parsed()) {
        let canonical = r.canonical();
        let again = LegalRef::parse(&canonical);
        prop_assert_eq!(again.as_ref(), Ok(&r), "{}", canonical);
        prop_assert_eq!(again.map(|a| a.canonical()), Ok(canonical.clone()));
        prop_assert_eq!(r.to_string(), canonical.clone());
        // The anchor is an id: safe in HTML ids and URLs.
        let anchor = r.anchor();
        prop_assert!(anchor.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{}", anchor);
    }

    #[test]
    fn the_order_is_total_and_agrees_with_equality(a in parsed(), b in parsed(), c in parsed()) {
        // Eq iff the canonical spellings are equal, and then the anchors are too.
        prop_assert_eq!(a == b, a.canonical() == b.canonical());
        if a == b {
            prop_assert_eq!(a.anchor(), b.anchor());
        }
        // Antisymmetric, and consistent with Eq and PartialOrd.
        prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        prop_assert_eq!(a.cmp(&b) == Ordering::Equal, a == b);
        prop_assert_eq!(a.partial_cmp(&b), Some(a.cmp(&b)));
        // Transitive.
        if a <= b && b <= c {
            prop_assert!(a <= c, "{} <= {} <= {}", a, b, c);
        }
        if a < b && b < c {
            prop_assert!(a < c, "{} < {} < {}", a, b, c);
        }
        // Sorting any permutation gives one order.
        let mut x = vec![a.clone(), b.clone(), c.clone()];
        let mut y = vec![c, a, b];
        x.sort();
        y.sort();
        prop_assert_eq!(x, y);
    }

    #[test]
    fn parts_and_numbers_come_in_legal_order(a in parsed(), b in parsed()) {
        if a.part() != b.part() {
            prop_assert_eq!(a.cmp(&b), a.part().cmp(&b.part()));
        }
        let order = [Part::Citation, Part::Recital, Part::Article, Part::Annex];
        prop_assert!(order.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn natural_number_order(n in 1u32..500, m in 1u32..500, suffix in "[a-z]{1,2}") {
        prop_assume!(!["bis", "ter"].contains(&suffix.as_str()));
        let art = |s: String| LegalRef::parse(&s).unwrap();
        let plain = art(format!("Article {n}"));
        let other = art(format!("Article {m}"));
        let inserted = art(format!("Article {n}{suffix}"));
        let next = art(format!("Article {}", n + 1));
        let paragraph = art(format!("Article {n}(1)"));
        prop_assert_eq!(plain.cmp(&other), n.cmp(&m));
        // Article 2 < Article 2(1) < Article 2a < Article 3.
        prop_assert!(plain < paragraph);
        prop_assert!(paragraph < inserted);
        prop_assert!(inserted < next);
    }

    #[test]
    fn anything_else_is_an_error_or_a_round_trip(s in "\\PC{0,40}") {
        // Arbitrary text never panics; whatever parses round-trips.
        if let Ok(r) = LegalRef::parse(&s) {
            prop_assert_eq!(LegalRef::parse(&r.canonical()), Ok(r));
        }
    }
}
