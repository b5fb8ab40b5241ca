//! The diff engine on arbitrary pairs of texts: the segments must spell out both texts
//! exactly (after `diff::normalize`), identical texts must be "no change", and every
//! renderer must cope. A short deadline keeps each run bounded, as in a build.
#![no_main]

use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use trilogue::diff::{self, DiffOptions, ParagraphStatus, SegmentKind};

fuzz_target!(|input: (String, String)| {
    let (old, new) = input;
    let options = DiffOptions {
        deadline: Duration::from_millis(200),
    };
    let d = diff::diff_texts(&old, &new, &options);
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
    assert_eq!(
        side(ParagraphStatus::Inserted, SegmentKind::Insert),
        diff::split_paragraphs(&old)
    );
    assert_eq!(
        side(ParagraphStatus::Deleted, SegmentKind::Delete),
        diff::split_paragraphs(&new)
    );
    assert_eq!(d.identical, diff::normalize(&old) == diff::normalize(&new));
    assert!((0.0..=1.0).contains(&d.similarity));
    for p in &d.paragraphs {
        assert!(p.segments.iter().all(|s| !s.text.is_empty()));
    }
    let html = trilogue::render::html::diff(&d);
    assert!(!html.contains("<script"), "{html}");
    let _ = trilogue::render::markdown::diff(&d);
    let term = trilogue::render::terminal::diff(&d, false);
    assert!(!term.chars().any(|c| c.is_control() && c != '\n'));
});
