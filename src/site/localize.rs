//! A dossier in one of its languages: every prose field resolved to that language, or to the
//! dossier's main language where it has no translation, marked so that the page can say so.
//!
//! The views read prose with `field.get(&d.lang)`; rather than teach each of them about
//! fallbacks, the site renders a *localized copy* of the dossier ([`localized`]) whose prose
//! is plain text in the page's language. A field that fell back starts with a mark
//! ([`mark`]: two private-use characters around the main language's code), which no
//! contributor text can contain. Once a page is rendered, [`resolve_marks`] turns each mark
//! into HTML: the fallback text gets `lang="en"` and a note "(in English)" in the page's
//! language. Marks inside a tag (an attribute) or the `<title>` are dropped, as are marks
//! in files that are not HTML ([`strip_marks`]).
//!
//! Legal texts (`Content::Text`) are not localized here: the analysis compares the main
//! language's texts, and the templates give their containers the main language's `lang`.

use crate::model::{Content, Dossier, Localized};
use crate::vocabulary::Vocabulary;

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// The mark that starts a text shown in `main` because it has no translation.
pub fn mark(main: &str) -> String {
    format!("{OPEN}{main}{CLOSE}")
}

/// `d` with its prose in `lang`; a field without a translation in `lang` keeps the main
/// language's text, marked when `marked` (pages; not the search index, whose records are
/// compressed before any mark could be resolved). The copy's `lang` is `lang`.
pub fn localized(d: &Dossier, lang: &str, marked: bool) -> Dossier {
    let main = d.lang.clone();
    let one = |l: &Localized| -> Localized {
        let (text, translated) = l.get_in(lang, &main);
        if translated || !marked || text.is_empty() {
            Localized::Plain(text.to_string())
        } else {
            Localized::Plain(format!("{}{text}", mark(&main)))
        }
    };
    let opt = |l: &Option<Localized>| l.as_ref().map(one);
    let mut c = d.clone();
    c.lang = lang.to_string();
    c.title = one(&d.title);
    c.short_title = one(&d.short_title);
    c.summary = one(&d.summary);
    for t in &mut c.topics {
        t.label = one(&t.label);
    }
    for s in &mut c.sources {
        s.title = one(&s.title);
        s.note = opt(&s.note);
    }
    for p in c.provisions.iter_mut().chain(c.rows.iter_mut()) {
        p.title = one(&p.title);
        p.consequences = opt(&p.consequences);
        for v in p.positions.values_mut().flatten() {
            v.summary = opt(&v.summary);
            v.note = opt(&v.note);
            // The legal text stays in the main language (see the module's comment).
            if let Content::Text(t) = &v.content {
                v.content = Content::Text(Localized::Plain(t.get(&main).to_string()));
            }
        }
    }
    for m in &mut c.member_states {
        for h in &mut m.history {
            h.note = opt(&h.note);
        }
    }
    for m in &mut c.council_meetings {
        m.note = opt(&m.note);
    }
    for e in &mut c.timeline {
        e.title = one(&e.title);
        e.description = opt(&e.description);
    }
    for a in &mut c.actors {
        a.note = opt(&a.note);
    }
    c
}

/// A file without its marks: feeds, CSV, JSON.
pub fn strip_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(OPEN) {
        out.push_str(&rest[..i]);
        rest = &rest[i + OPEN.len_utf8()..];
        rest = rest
            .find(CLOSE)
            .map_or("", |j| &rest[j + CLOSE.len_utf8()..]);
    }
    out.push_str(rest);
    out
}

/// A rendered HTML page with each mark resolved, in the words of the page's language: the
/// fallback text, up to the end of the element it is in, is wrapped in an element with the
/// main language's `lang` (a `<div>` around blocks of rendered Markdown, else a `<span>`)
/// that starts with the note "(in English)" in the page's language. Inside a tag or the
/// `<title>`, the mark is dropped.
pub fn resolve_marks(html: &str, words: &Vocabulary) -> String {
    if !html.contains(OPEN) {
        return html.to_string();
    }
    let page_lang = words.language().code();
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(i) = rest.find(OPEN) {
        let (before, after) = rest.split_at(i);
        out.push_str(before);
        let after = &after[OPEN.len_utf8()..];
        let Some(j) = after.find(CLOSE) else {
            rest = "";
            break;
        };
        let code = &after[..j];
        let text_start = &after[j + CLOSE.len_utf8()..];
        if in_tag_or_title(&out) || !valid_code(code) {
            rest = text_start;
            continue;
        }
        let end = end_of_parent(text_start);
        let (text, tail) = text_start.split_at(end);
        // A field inside a field (rare): its own mark, resolved first.
        let text = &resolve_marks(text, words);
        let note = words.in_language(code);
        let note = format!("<span class=\"fallback-note\" lang=\"{page_lang}\">{note}</span>");
        if has_blocks(text) {
            out.push_str(&format!(
                "<div lang=\"{code}\" class=\"fallback\">{note} {text}</div>"
            ));
        } else {
            out.push_str(&format!(
                "<span lang=\"{code}\" class=\"fallback\">{text} {note}</span>"
            ));
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// Where the element that `html` starts inside ends: the offset of the first closing tag
/// that closes more than it has opened since (void elements such as `<br>` open nothing).
fn end_of_parent(html: &str) -> usize {
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(i) = html[at..].find('<') {
        let start = at + i;
        let close = html[start..]
            .find('>')
            .map_or(html.len(), |k| start + k + 1);
        let tag = &html[start..close];
        if tag.starts_with("</") {
            if depth == 0 {
                return start;
            }
            depth -= 1;
        } else if depth == 0 && is_template_tag(tag) {
            // The fallback is a value the template placed; what follows is the template's.
            return start;
        } else if !tag.starts_with("<!") && !is_void(tag) && !tag.ends_with("/>") {
            depth += 1;
        }
        at = close;
    }
    html.len()
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect()
}

fn is_void(tag: &str) -> bool {
    matches!(
        tag_name(tag).as_str(),
        "br" | "hr" | "img" | "input" | "meta" | "link" | "wbr" | "source" | "col"
    )
}

/// Elements the templates write and rendered Markdown never does: where one opens, the
/// text of a field has ended (`<h1>{{ title }}<span class="subtitle">…`).
fn is_template_tag(tag: &str) -> bool {
    matches!(
        tag_name(tag).as_str(),
        "span" | "time" | "div" | "label" | "input" | "button" | "small" | "nav" | "details"
    )
}

/// Whether rendered Markdown holds blocks, which a `<span>` may not contain.
fn has_blocks(html: &str) -> bool {
    [
        "<p",
        "<ul",
        "<ol",
        "<table",
        "<h",
        "<blockquote",
        "<pre",
        "<section",
        "<div",
        "<dl",
    ]
    .iter()
    .any(|t| html.contains(t))
}

/// Whether the end of `html` is inside a tag (`<a href="…`) or a `<title>` element.
fn in_tag_or_title(html: &str) -> bool {
    let open = html.rfind('<');
    let close = html.rfind('>');
    if open > close || (open.is_some() && close.is_none()) {
        return true;
    }
    match (html.rfind("<title>"), html.rfind("</title>")) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        _ => false,
    }
}

/// A language code as marks carry it: two to three ASCII letters.
fn valid_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    fn fr() -> Vocabulary {
        Vocabulary::of(Language::Fr).unwrap()
    }

    #[test]
    fn a_mark_in_text_gets_the_main_language_and_a_note() {
        let html = format!("<h1><span>Art. 1</span> {}Scope</h1>", mark("en"));
        assert_eq!(
            resolve_marks(&html, &fr()),
            "<h1><span>Art. 1</span> <span lang=\"en\" class=\"fallback\">Scope \
             <span class=\"fallback-note\" lang=\"fr\">(en anglais)</span></span></h1>"
        );
        // Rendered Markdown, up to the end of its container: a <div> around blocks.
        let html = format!(
            "<div class=\"note\">{}<p>A <em>b</em></p><p>C</p></div>",
            mark("en")
        );
        assert_eq!(
            resolve_marks(&html, &fr()),
            "<div class=\"note\"><div lang=\"en\" class=\"fallback\">\
             <span class=\"fallback-note\" lang=\"fr\">(en anglais)</span> \
             <p>A <em>b</em></p><p>C</p></div></div>"
        );
    }

    #[test]
    fn marks_in_attributes_and_titles_are_dropped() {
        let m = mark("en");
        let html = format!("<title>{m}Scope</title><a title=\"{m}Scope\">x</a>");
        assert_eq!(
            resolve_marks(&html, &fr()),
            "<title>Scope</title><a title=\"Scope\">x</a>"
        );
        assert_eq!(strip_marks(&format!("a{m}b{m}c")), "abc");
    }

    #[test]
    fn a_translated_field_is_not_marked_and_a_missing_one_is() {
        let mut map = std::collections::BTreeMap::new();
        map.insert("en".to_string(), "Scope".to_string());
        map.insert("fr".to_string(), "Objet".to_string());
        let l = Localized::Map(map);
        let (text, ok) = l.get_in("fr", "en");
        assert_eq!((text, ok), ("Objet", true));
        let (text, ok) = l.get_in("de", "en");
        assert_eq!((text, ok), ("Scope", false));
    }
}
