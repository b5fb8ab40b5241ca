//! Search records written as small HTML documents, for the pages whose results should be
//! grouped: Pagefind gives a record with headings that carry ids one result, with a
//! sub-result (its own excerpt and link) per heading. A provision's four institutions'
//! versions are then one result whose snippets each say which institution wrote them, and
//! the Council page one result whose snippets land on a meeting or a government.
//!
//! Every text is escaped: the documents are parsed by Pagefind's HTML reader, and the data
//! must reach the index as text, never as markup.

use crate::analyse::CouncilMoment;
use crate::model::{Dossier, Stance};
use crate::render::html::{escape_into, escaped};
use crate::vocabulary::{Phrase, Vocabulary};

/// An HTML document for Pagefind: a title, metadata and filters, then sections.
pub(super) struct HtmlRecord {
    html: String,
}

impl HtmlRecord {
    /// A document in `lang` whose result is titled `title`, in the dossier `dossier`.
    pub(super) fn new(lang: &str, title: &str, dossier: &str) -> HtmlRecord {
        let mut html = format!(
            "<!DOCTYPE html><html lang=\"{}\"><head><title>{}</title></head><body>\
             <h1 data-pagefind-meta=\"title\">{}</h1>",
            escaped(lang),
            escaped(title),
            escaped(title)
        );
        html.push_str("<p data-pagefind-ignore data-pagefind-filter=\"dossier\" data-pagefind-meta=\"dossier\">");
        escape_into(&mut html, dossier);
        html.push_str("</p>");
        HtmlRecord { html }
    }

    /// A piece of metadata the results show (`ref`: `Article 7`).
    pub(super) fn meta(&mut self, key: &str, value: &str) {
        self.html.push_str(&format!(
            "<p data-pagefind-ignore data-pagefind-meta=\"{}\">",
            escaped(key)
        ));
        escape_into(&mut self.html, value);
        self.html.push_str("</p>");
    }

    /// A section: a heading (a sub-result's title) whose `id` is the anchor on the page,
    /// and its text.
    pub(super) fn section(&mut self, level: u8, id: &str, heading: &str, text: &str) {
        let level = level.clamp(2, 6);
        self.html
            .push_str(&format!("<h{level} id=\"{}\">", escaped(id)));
        escape_into(&mut self.html, heading);
        self.html.push_str(&format!("</h{level}><p>"));
        escape_into(&mut self.html, text);
        self.html.push_str("</p>");
    }

    /// Text before the first section, found as the page itself.
    pub(super) fn text(&mut self, text: &str) {
        self.html.push_str("<p>");
        escape_into(&mut self.html, text);
        self.html.push_str("</p>");
    }

    pub(super) fn finish(mut self) -> String {
        self.html.push_str("</body></html>");
        self.html
    }
}

/// The Council page: one section per moment (its date, headline and the stances that
/// count) and one per government with a recorded stance (its name and history), so that a
/// search for "Germany" lands on Germany's history.
pub(super) fn council(
    words: &Vocabulary,
    d: &Dossier,
    moments: &[CouncilMoment],
    short: &str,
) -> String {
    let lang = &d.lang;
    let mut r = HtmlRecord::new(
        lang,
        &words.text(&Phrase::Council(short.to_string())),
        short,
    );
    r.text(&words.text(&Phrase::CouncilDescription(short.to_string())));
    for (i, m) in moments.iter().enumerate() {
        let headline = match &m.meeting {
            Some(mt) => words.text(&Phrase::MeetingHeadline {
                body: mt.body,
                outcome: mt.outcome,
            }),
            None => words.text(&Phrase::RangeHeadline {
                decided: m.range.decided,
                unknown: m.range.unknown_states,
            }),
        };
        let mut text = Vec::new();
        if let Some(source) = m.meeting.as_ref().and_then(|mt| d.source(&mt.text)) {
            text.push(source.title.get(lang).to_string());
        }
        for s in &m.states {
            // The latest moment names every state; earlier ones the states recorded.
            if s.stance.is_some() || i == 0 {
                let name = words.country(s.code).unwrap_or(s.code);
                text.push(format!("{name}: {}", stance_words(words, s.stance, m)));
            }
        }
        r.section(
            2,
            &format!("moment-{}", m.date.iso()),
            &format!("{}: {headline}", words.date(m.date)),
            &text.join(". "),
        );
    }
    for state in d.member_states.iter().filter(|s| !s.history.is_empty()) {
        let name = words.country(&state.country).unwrap_or(&state.country);
        let history: Vec<String> = state
            .history
            .iter()
            .map(|h| {
                let note = h
                    .note
                    .as_ref()
                    .map(|n| format!(" {}", crate::markdown::to_plain_text(n.get(lang))))
                    .unwrap_or_default();
                format!(
                    "{}: {}.{note}",
                    words.date(h.date),
                    words.stance(Some(h.stance))
                )
            })
            .collect();
        r.section(
            3,
            &format!("state-{}", state.country),
            name,
            &format!("{} {}", state.country, history.join(" ")),
        );
    }
    r.finish()
}

fn stance_words(words: &Vocabulary, stance: Option<Stance>, m: &CouncilMoment) -> String {
    match stance {
        None if m.meeting.is_some() => words.text(&Phrase::NoPositionOnText),
        s => words.stance(s).to_string(),
    }
}

/// The negotiators page: every actor's name, role, committee, group and note.
pub(super) fn negotiators(words: &Vocabulary, d: &Dossier, short: &str) -> String {
    let lang = &d.lang;
    let mut r = HtmlRecord::new(
        lang,
        &words.text(&Phrase::Negotiators(short.to_string())),
        short,
    );
    for a in &d.actors {
        let mut parts = vec![a.name.clone(), words.role(a.role).to_string()];
        if let Some(i) = a.institution {
            parts.push(words.institution(i).to_string());
        }
        parts.extend(a.committee.iter().cloned());
        parts.extend(a.group.iter().cloned());
        if let Some(n) = &a.note {
            parts.push(crate::markdown::to_plain_text(n.get(lang)));
        }
        r.text(&parts.join(", "));
    }
    r.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_escape_every_text() {
        let mut r = HtmlRecord::new("en", "<b>T</b>", "D\"x");
        r.meta("ref", "Article 7 <i>");
        r.section(2, "a\"b", "Council & co", "<script>alert(1)</script>");
        let html = r.finish();
        assert!(!html.contains("<script>") && !html.contains("<b>") && !html.contains("<i>"));
        assert!(html.contains("<h2 id=\"a&quot;b\">Council &amp; co</h2>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("data-pagefind-meta=\"dossier\">D&quot;x</p>"));
    }
}
