//! A dossier in one of its languages: every prose field resolved to that language, for
//! renderers that print one language (the briefings).
//!
//! A prose field without a translation falls back to the dossier's main language and is
//! marked ("(en anglais)"), so that a reader knows why it is not in their language; a legal
//! text falls back unmarked, since a marker inside it would show in the word diffs.

use crate::model::{Content, Dossier, Localized};

/// `d` with every prose field in `lang` (plain strings), and `lang` as its language.
/// `marker` follows a field shown in the main language instead ("(in English)").
pub fn dossier_in(d: &Dossier, lang: &str, marker: &str) -> Dossier {
    let main = d.lang.as_str();
    let prose = |l: &Localized| -> Localized {
        match l.get_in(lang, main) {
            (text, true) => Localized::Plain(text.to_string()),
            (text, false) => Localized::Plain(format!("{text} {marker}")),
        }
    };
    let optional = |l: &Option<Localized>| l.as_ref().map(prose);
    let mut out = d.clone();
    out.title = prose(&d.title);
    out.short_title = prose(&d.short_title);
    out.summary = prose(&d.summary);
    for t in &mut out.topics {
        t.label = prose(&t.label);
    }
    for s in &mut out.sources {
        s.title = prose(&s.title);
        s.note = optional(&s.note);
    }
    for p in &mut out.provisions {
        p.title = prose(&p.title);
        p.consequences = optional(&p.consequences);
        for v in p.positions.values_mut().flatten() {
            v.summary = optional(&v.summary);
            v.note = optional(&v.note);
            if let Content::Text(text) = &v.content {
                v.content = Content::Text(Localized::Plain(text.get_in(lang, main).0.to_string()));
            }
        }
    }
    for m in &mut out.member_states {
        for h in &mut m.history {
            h.note = optional(&h.note);
        }
    }
    for e in &mut out.timeline {
        e.title = prose(&e.title);
        e.description = optional(&e.description);
    }
    for a in &mut out.actors {
        a.note = optional(&a.note);
    }
    out.lang = lang.to_string();
    out
}
