//! Safe Markdown for contributor prose (consequences, notes, summaries, dossier texts).
//!
//! Contributors' Markdown ends up on a public website, so it is treated as untrusted:
//!
//! * raw HTML in the input is *escaped* and shown literally, never passed through: a
//!   contributor who writes `<script>` sees `<script>` on the page, which is also what a reader
//!   of the YAML expects;
//! * the HTML that pulldown-cmark produces is then cleaned by ammonia with a strict allow-list
//!   of tags and attributes, link schemes `http`, `https`, `mailto` and relative URLs only,
//!   and `rel="noopener noreferrer"` on every link; so even a parser bug cannot smuggle in a
//!   `style`, an event handler or a `javascript:` URL;
//! * headings `#` and `##` become `h3` and `h4` (every level moves down two, capped at `h6`):
//!   the page owns `h1` and `h2`, and the document outline must stay intact;
//! * images become links to the image: pages stay light, and no third-party server learns who
//!   reads them;
//! * footnotes are collected into a `<section class="footnotes">` at the end, and their ids
//!   start with the caller's prefix, so two provisions rendered on one page never share an id.
//!
//! Template syntax such as `{{ x }}` or `{% if %}` is ordinary text here and comes out
//! literally; the output is meant to be inserted into a template as a value, not rendered as
//! one.

use std::collections::HashMap;
use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The sanitizer for block Markdown, built once: building an ammonia `Builder` allocates a
/// dozen hash sets, and a site renders thousands of fragments.
static BLOCK_SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    sanitizer(
        &[
            "p",
            "br",
            "em",
            "strong",
            "del",
            "s",
            "code",
            "pre",
            "blockquote",
            "ul",
            "ol",
            "li",
            "a",
            "h3",
            "h4",
            "h5",
            "h6",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "sup",
            "section",
            "hr",
        ],
        &[
            ("a", &["href", "title", "aria-label"]),
            ("ol", &["start"]),
            ("li", &["id"]),
            ("sup", &["id"]),
        ],
        &[("section", &["footnotes"]), ("a", &["footnote-backref"])],
    )
});

/// The sanitizer for one-line fields: inline markup only.
static INLINE_SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    sanitizer(
        &["em", "strong", "del", "s", "code", "a"],
        &[("a", &["href", "title"])],
        &[],
    )
});

fn sanitizer(
    tags: &[&'static str],
    attributes: &[(&'static str, &[&'static str])],
    classes: &[(&'static str, &[&'static str])],
) -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(tags.iter().copied().collect())
        .tag_attributes(
            attributes
                .iter()
                .map(|(tag, attrs)| (*tag, attrs.iter().copied().collect()))
                .collect(),
        )
        .allowed_classes(
            classes
                .iter()
                .map(|(tag, names)| (*tag, names.iter().copied().collect()))
                .collect(),
        )
        .generic_attributes(HashSet::new())
        .url_schemes(LINK_SCHEMES.into_iter().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer"))
        .strip_comments(true);
    builder
}

fn parser_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// Makes one event safe and fit for the page: raw HTML becomes text, headings move down two
/// levels, images become links.
fn safe_event(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
        // A block of raw HTML is shown as a paragraph of text.
        Event::Start(Tag::HtmlBlock) => Event::Start(Tag::Paragraph),
        Event::End(TagEnd::HtmlBlock) => Event::End(TagEnd::Paragraph),
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: demote(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }),
        Event::End(TagEnd::Image) => Event::End(TagEnd::Link),
        other => other,
    }
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        HeadingLevel::H4 | HeadingLevel::H5 | HeadingLevel::H6 => HeadingLevel::H6,
    }
}

/// Keeps `[a-z0-9-]`: lowercases ASCII letters, turns anything else into `-`, collapses
/// repeated dashes and trims them from both ends.
fn sanitize_prefix(prefix: &str) -> String {
    let mut out = String::new();
    for c in prefix.chars() {
        let c = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            '-'
        };
        if c == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(c);
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Numbers footnotes in order of first reference and builds their ids.
struct Footnotes {
    prefix: String,
    defined: HashSet<String>,
    numbers: HashMap<String, usize>,
    order: Vec<String>,
    /// How many references each footnote number has, for distinct reference ids and
    /// one back link per reference.
    references: HashMap<usize, usize>,
}

impl Footnotes {
    fn id(&self, kind: &str, number: usize) -> String {
        if self.prefix.is_empty() {
            format!("{kind}-{number}")
        } else {
            format!("{}-{kind}-{number}", self.prefix)
        }
    }

    fn reference_id(&self, number: usize, k: usize) -> String {
        let base = self.id("fnref", number);
        if k <= 1 {
            base
        } else {
            format!("{base}-{k}")
        }
    }

    /// Replaces footnote references by links; references to undefined notes stay as text.
    fn link<'a>(&mut self, events: Vec<Event<'a>>) -> Vec<Event<'a>> {
        events
            .into_iter()
            .map(|event| match event {
                Event::FootnoteReference(name) => self.reference(name),
                other => other,
            })
            .collect()
    }

    fn reference<'a>(&mut self, name: CowStr<'a>) -> Event<'a> {
        let key = name.to_string();
        if !self.defined.contains(&key) {
            return Event::Text(format!("[^{name}]").into());
        }
        let number = match self.numbers.get(&key) {
            Some(n) => *n,
            None => {
                self.order.push(key.clone());
                let n = self.order.len();
                self.numbers.insert(key, n);
                n
            }
        };
        let count = self.references.entry(number).or_insert(0);
        *count += 1;
        let k = *count;
        Event::InlineHtml(
            format!(
                "<sup id=\"{}\"><a href=\"#{}\">{number}</a></sup>",
                self.reference_id(number, k),
                self.id("fn", number)
            )
            .into(),
        )
    }

    fn back_links(&self, number: usize) -> String {
        let count = self.references.get(&number).copied().unwrap_or(0);
        (1..=count)
            .map(|k| {
                format!(
                    " <a href=\"#{}\" class=\"footnote-backref\" \
                     aria-label=\"Back to reference {number}\">\u{21a9}</a>",
                    self.reference_id(number, k)
                )
            })
            .collect()
    }
}

/// A text shown in the dossier's main language for want of a translation starts with a
/// mark (`crate::site::localize`): it is kept out of the Markdown, where it would break a
/// leading list or heading, and put back before the HTML, where the site resolves it.
fn split_fallback_mark(markdown: &str) -> Option<(&str, &str)> {
    let rest = markdown.strip_prefix('\u{E000}')?;
    let end = rest.find('\u{E001}').filter(|&i| i <= 3)?;
    let split = '\u{E000}'.len_utf8() + end + '\u{E001}'.len_utf8();
    Some(markdown.split_at(split))
}

/// Renders block Markdown (paragraphs, lists, tables, footnotes, ...) to safe HTML.
///
/// `id_prefix` keeps footnote ids unique on a page that shows several fragments; it is
/// reduced to `[a-z0-9-]`, and footnote ids read `{prefix}-fn-1` and `{prefix}-fnref-1`.
pub fn to_html(markdown: &str, id_prefix: &str) -> String {
    if let Some((mark, rest)) = split_fallback_mark(markdown) {
        return format!("{mark}{}", to_html(rest, id_prefix));
    }
    let mut body: Vec<Event<'_>> = Vec::new();
    let mut definitions: Vec<(String, Vec<Event<'_>>)> = Vec::new();
    let mut depth = 0usize;
    for event in Parser::new_ext(markdown, parser_options()).map(safe_event) {
        match event {
            Event::Start(Tag::FootnoteDefinition(name)) => {
                depth += 1;
                if depth == 1 {
                    definitions.push((name.to_string(), Vec::new()));
                }
            }
            Event::End(TagEnd::FootnoteDefinition) => depth = depth.saturating_sub(1),
            event if depth > 0 => {
                if let Some((_, events)) = definitions.last_mut() {
                    events.push(event);
                }
            }
            event => body.push(event),
        }
    }

    // The first definition of a name wins, as in CommonMark's link reference definitions.
    let mut seen = HashSet::new();
    definitions.retain(|(name, _)| seen.insert(name.clone()));
    let mut notes = Footnotes {
        prefix: sanitize_prefix(id_prefix),
        defined: seen,
        numbers: HashMap::new(),
        order: Vec::new(),
        references: HashMap::new(),
    };

    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, notes.link(body).into_iter());

    let document_order: Vec<String> = definitions.iter().map(|(name, _)| name.clone()).collect();
    let mut definitions: HashMap<String, Vec<Event<'_>>> = definitions.into_iter().collect();
    // Definitions may reference further notes, which join `order` as they are found.
    let mut items = String::new();
    let mut k = 0;
    loop {
        let name = match notes.order.get(k) {
            Some(name) => name.clone(),
            None => match document_order
                .iter()
                .find(|name| definitions.contains_key(*name))
                .cloned()
            {
                // Notes nobody refers to still appear, after the others.
                Some(name) => {
                    notes.order.push(name.clone());
                    notes.numbers.insert(name.clone(), notes.order.len());
                    name
                }
                None => break,
            },
        };
        k += 1;
        let events = definitions.remove(&name).unwrap_or_default();
        let number = notes.numbers.get(&name).copied().unwrap_or(k);
        let mut events = notes.link(events);
        let back = Event::InlineHtml(notes.back_links(number).into());
        match events
            .iter()
            .rposition(|e| matches!(e, Event::End(TagEnd::Paragraph)))
        {
            Some(at) => events.insert(at, back),
            None => events.push(back),
        }
        items.push_str(&format!("<li id=\"{}\">", notes.id("fn", number)));
        pulldown_cmark::html::push_html(&mut items, events.into_iter());
        items.push_str("</li>\n");
    }
    if !items.is_empty() {
        html.push_str("<section class=\"footnotes\">\n<ol>\n");
        html.push_str(&items);
        html.push_str("</ol>\n</section>\n");
    }
    BLOCK_SANITIZER.clean(&html).to_string()
}

/// Renders Markdown meant for one line (a summary, a title) as inline HTML: emphasis, strong,
/// strikethrough, code and links, without a `<p>` wrapper. Block structure is flattened into
/// the line (blocks are joined with a space, ordered list items keep their numbers), and
/// footnotes are dropped.
pub fn to_inline_html(markdown: &str) -> String {
    if let Some((mark, rest)) = split_fallback_mark(markdown) {
        return format!("{mark}{}", to_inline_html(rest));
    }
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut pending_space = false;
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut in_footnote = 0usize;
    for event in Parser::new_ext(markdown, parser_options()).map(safe_event) {
        let inline = match event {
            Event::Start(Tag::FootnoteDefinition(_)) => {
                in_footnote += 1;
                None
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                in_footnote = in_footnote.saturating_sub(1);
                None
            }
            _ if in_footnote > 0 => None,
            Event::Start(Tag::List(start)) => {
                lists.push(start);
                None
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                pending_space = true;
                None
            }
            Event::Start(Tag::Item) => match lists.last_mut() {
                Some(Some(n)) => {
                    let marker = format!("{n}. ");
                    *n = n.saturating_add(1);
                    pending_space = !events.is_empty();
                    Some(Event::Text(marker.into()))
                }
                _ => {
                    pending_space = !events.is_empty();
                    None
                }
            },
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. })
            | Event::End(
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link,
            )
            | Event::Text(_)
            | Event::Code(_) => Some(event),
            Event::SoftBreak | Event::HardBreak => Some(Event::Text(" ".into())),
            Event::Start(_) | Event::FootnoteReference(_) => None,
            Event::End(_) | Event::Rule => {
                pending_space = true;
                None
            }
            other => Some(other),
        };
        if let Some(event) = inline {
            if pending_space && !events.is_empty() {
                events.push(Event::Text(" ".into()));
            }
            pending_space = false;
            events.push(event);
        }
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    INLINE_SANITIZER.clean(html.trim()).to_string()
}

/// The addresses of the links and images in some Markdown that the renderers remove: those
/// whose scheme (read as a browser reads it: tabs and line breaks ignored, any case) is
/// not http, https or mailto. Validation reports them, so that no link disappears without
/// a word. Relative addresses (no scheme) are kept.
pub fn removed_links(markdown: &str) -> Vec<String> {
    Parser::new_ext(markdown, parser_options())
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .filter(|url| !link_allowed(url, LinkUse::Site))
        .collect()
}

/// The link schemes kept anywhere: web and mail addresses.
pub const LINK_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Where a link is shown, which decides what it may point to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkUse {
    /// A page of the site: an address with one of [`LINK_SCHEMES`], or a relative one.
    Site,
    /// Paper and single files (briefings): only an absolute `http://`, `https://` or
    /// `mailto:` address, since a relative link leads nowhere there.
    Paper,
}

/// The one link policy of the site and the briefings. On the site it is what ammonia
/// keeps (see `sanitizer`), with the scheme read as a browser reads it: tabs and line
/// breaks ignored, any case.
pub fn link_allowed(url: &str, on: LinkUse) -> bool {
    match on {
        LinkUse::Site => {
            let cleaned: String = url
                .trim_matches(|c: char| c <= ' ')
                .chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .collect();
            let Some((scheme, _)) = cleaned.split_once(':') else {
                return true;
            };
            let mut chars = scheme.chars();
            let is_scheme = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
            !is_scheme || LINK_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str())
        }
        LinkUse::Paper => {
            let lower = url.trim().to_ascii_lowercase();
            ["https://", "http://", "mailto:"]
                .iter()
                .any(|prefix| lower.starts_with(prefix))
        }
    }
}

/// The text of some Markdown without any markup, whitespace collapsed to single spaces: for
/// `<meta>` descriptions, the search index and PDFs. Footnotes are left out. The result is
/// plain text, not HTML: the caller escapes it for wherever it goes.
pub fn to_plain_text(markdown: &str) -> String {
    let mut text = String::new();
    let mut in_footnote = 0usize;
    for event in Parser::new_ext(markdown, parser_options()) {
        match event {
            Event::Start(Tag::FootnoteDefinition(_)) => in_footnote += 1,
            Event::End(TagEnd::FootnoteDefinition) => {
                in_footnote = in_footnote.saturating_sub(1);
            }
            _ if in_footnote > 0 => {}
            Event::Text(t)
            | Event::Code(t)
            | Event::Html(t)
            | Event::InlineHtml(t)
            | Event::InlineMath(t)
            | Event::DisplayMath(t) => text.push_str(&t),
            Event::End(end) if is_inline(end) => {}
            Event::SoftBreak | Event::HardBreak | Event::Rule | Event::End(_) => text.push(' '),
            Event::Start(Tag::Item | Tag::TableCell) => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Inline elements end without separating words; every other element ends a block.
fn is_inline(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removed_links_are_the_ones_the_sanitiser_drops() {
        let md = "[a](javascript:alert(1)) [b](JaVaScRiPt:x) [c](java&#x09;script:x) \
                  ![d](data:image/png;base64,AA) <vbscript:x> [e](https://example.org/) \
                  [f](mailto:a@example.org) [g](page.html#x:y) [h](../x.html) [i][r]\n\n\
                  [r]: file:///etc/passwd\n";
        assert_eq!(
            removed_links(md),
            [
                "javascript:alert(1)",
                "JaVaScRiPt:x",
                "java\tscript:x",
                "data:image/png;base64,AA",
                "vbscript:x",
                "file:///etc/passwd"
            ]
        );
        // ... and indeed none of them reaches the HTML as a link.
        let html = to_html(md, "p");
        for bad in ["javascript", "JaVaScRiPt", "data:", "vbscript", "file:"] {
            assert!(!html.contains(&format!("href=\"{bad}")), "{html}");
        }
    }

    #[test]
    fn paragraphs_and_inline_markup() {
        assert_eq!(
            to_html(
                "Some *emphasis*, **strong**, ~~gone~~ and `code`.\n\nNext.",
                "p"
            ),
            "<p>Some <em>emphasis</em>, <strong>strong</strong>, <del>gone</del> and \
             <code>code</code>.</p>\n<p>Next.</p>\n"
        );
    }

    #[test]
    fn raw_html_is_escaped() {
        let html = to_html("<script>alert(1)</script>", "p");
        assert_eq!(html, "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
        let html = to_html("Text <script>alert(1)</script> inline", "p");
        assert_eq!(
            html,
            "<p>Text &lt;script&gt;alert(1)&lt;/script&gt; inline</p>\n"
        );
        let html = to_html("<img src=x onerror=alert(1)>", "p");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        let html = to_html("a <b onclick=\"x()\">bold</b> <!-- comment -->", "p");
        assert!(!html.contains("<b"), "{html}");
        assert!(html.contains("&lt;b onclick=\"x()\"&gt;"), "{html}");
        assert!(html.contains("&lt;!-- comment --&gt;"), "{html}");
        let html = to_html("<div style=\"color:red\">\nblock\n</div>", "p");
        assert!(!html.contains("<div"), "{html}");
        assert!(html.starts_with("<p>&lt;div style="), "{html}");
    }

    #[test]
    fn dangerous_urls_lose_their_href() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "java&#10;script:alert(1)",
            "java&#9;script:alert(1)",
            "&#106;avascript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
        ] {
            let html = to_html(&format!("[x]({url})"), "p");
            let lower = html.to_lowercase();
            assert!(!lower.contains("javascript:"), "{html}");
            assert!(!lower.contains("data:"), "{html}");
            assert!(!lower.contains("vbscript:"), "{html}");
            // Anything left is percent-encoded into a relative path, which is harmless.
            assert!(
                !lower.contains("href=\"java")
                    || lower.contains("href=\"java%0ascript")
                    || lower.contains("href=\"java%09script"),
                "{html}"
            );
        }
        // Percent signs cannot be part of a scheme: this is a harmless relative path.
        let html = to_html("[x](java%0ascript:alert(1))", "p");
        assert!(html.contains("href=\"java%0ascript:alert(1)\""), "{html}");
        let html = to_html("<javascript:alert(1)>", "p");
        assert!(!html.contains("href"), "{html}");
        let inline = to_inline_html("[x](javascript:alert(1))");
        assert!(!inline.contains("javascript:"), "{inline}");
    }

    #[test]
    fn safe_links_survive_with_rel() {
        assert_eq!(
            to_html("[EUR-Lex](https://eur-lex.europa.eu/ \"Title\")", "p"),
            "<p><a href=\"https://eur-lex.europa.eu/\" title=\"Title\" \
             rel=\"noopener noreferrer\">EUR-Lex</a></p>\n"
        );
        assert_eq!(
            to_html("[article](../article-7/)", "p"),
            "<p><a href=\"../article-7/\" rel=\"noopener noreferrer\">article</a></p>\n"
        );
        assert_eq!(
            to_html("[mail](mailto:info@example.org)", "p"),
            "<p><a href=\"mailto:info@example.org\" rel=\"noopener noreferrer\">mail</a></p>\n"
        );
        assert_eq!(
            to_html("<https://example.org>", "p"),
            "<p><a href=\"https://example.org\" rel=\"noopener noreferrer\">\
             https://example.org</a></p>\n"
        );
    }

    #[test]
    fn template_syntax_comes_out_literally() {
        assert_eq!(
            to_html("{{ x }} and {% if %} and {# c #}", "p"),
            "<p>{{ x }} and {% if %} and {# c #}</p>\n"
        );
        assert_eq!(to_inline_html("{{ x }} {% if %}"), "{{ x }} {% if %}");
        assert_eq!(to_plain_text("{{ x }} {% if %}"), "{{ x }} {% if %}");
    }

    #[test]
    fn headings_are_demoted() {
        assert_eq!(
            to_html("# One\n## Two\n### Three\n#### Four\n###### Six", "p"),
            "<h3>One</h3>\n<h4>Two</h4>\n<h5>Three</h5>\n<h6>Four</h6>\n<h6>Six</h6>\n"
        );
        assert_eq!(to_html("Title\n=====", "p"), "<h3>Title</h3>\n");
    }

    #[test]
    fn images_become_links() {
        assert_eq!(
            to_html("![chart](https://example.org/c.png)", "p"),
            "<p><a href=\"https://example.org/c.png\" rel=\"noopener noreferrer\">chart</a></p>\n"
        );
    }

    #[test]
    fn lists_quotes_code_and_tables() {
        assert_eq!(
            to_html("3. three\n4. four\n\n- a\n- b", "p"),
            "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n\
             <ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"
        );
        assert_eq!(
            to_html("> quoted", "p"),
            "<blockquote>\n<p>quoted</p>\n</blockquote>\n"
        );
        assert_eq!(
            to_html("```rust\nlet x = \"<b>\";\n```", "p"),
            "<pre><code>let x = \"&lt;b&gt;\";\n</code></pre>\n"
        );
        assert_eq!(
            to_html("| A | B |\n|:--|--:|\n| 1 | 2 |", "p"),
            "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody>\n\
             <tr><td>1</td><td>2</td></tr>\n</tbody></table>\n"
        );
        assert_eq!(to_html("a\n\n---\n\nb", "p"), "<p>a</p>\n<hr>\n<p>b</p>\n");
        assert_eq!(to_html("a  \nb", "p"), "<p>a<br>\nb</p>\n");
    }

    #[test]
    fn footnotes_get_prefixed_ids() {
        let html = to_html(
            "Scanning[^scan] is costly[^cost].\n\n[^scan]: All *messages*.\n\n[^cost]: Money.",
            "Article 7",
        );
        assert_eq!(
            html,
            "<p>Scanning<sup id=\"article-7-fnref-1\"><a href=\"#article-7-fn-1\" \
             rel=\"noopener noreferrer\">1</a></sup> is costly<sup id=\"article-7-fnref-2\">\
             <a href=\"#article-7-fn-2\" rel=\"noopener noreferrer\">2</a></sup>.</p>\n\
             <section class=\"footnotes\">\n<ol>\n\
             <li id=\"article-7-fn-1\"><p>All <em>messages</em>. <a href=\"#article-7-fnref-1\" \
             class=\"footnote-backref\" aria-label=\"Back to reference 1\" \
             rel=\"noopener noreferrer\">\u{21a9}</a></p>\n</li>\n\
             <li id=\"article-7-fn-2\"><p>Money. <a href=\"#article-7-fnref-2\" \
             class=\"footnote-backref\" aria-label=\"Back to reference 2\" \
             rel=\"noopener noreferrer\">\u{21a9}</a></p>\n</li>\n\
             </ol>\n</section>\n"
        );
        // Two provisions on one page do not clash.
        let other = to_html("Text[^scan].\n\n[^scan]: Note.", "article-8");
        assert!(other.contains("id=\"article-8-fn-1\""), "{other}");
        assert!(other.contains("href=\"#article-8-fn-1\""), "{other}");
    }

    #[test]
    fn footnote_edge_cases() {
        // Numbered by first reference, repeated references get distinct ids.
        let html = to_html("a[^b] c[^a] d[^b]\n\n[^a]: A.\n\n[^b]: B.", "x");
        assert!(
            html.contains("<sup id=\"x-fnref-1\"><a href=\"#x-fn-1\""),
            "{html}"
        );
        assert!(
            html.contains("<sup id=\"x-fnref-2\"><a href=\"#x-fn-2\""),
            "{html}"
        );
        assert!(
            html.contains("<sup id=\"x-fnref-1-2\"><a href=\"#x-fn-1\""),
            "{html}"
        );
        assert!(html.contains("<li id=\"x-fn-1\"><p>B."), "{html}");
        assert!(html.contains("href=\"#x-fnref-1-2\""), "{html}");
        // An undefined reference stays as text; an unreferenced note still appears.
        let html = to_html("a[^missing]\n\n[^lonely]: Alone.", "x");
        assert!(html.contains("a[^missing]"), "{html}");
        assert!(html.contains("<li id=\"x-fn-1\"><p>Alone."), "{html}");
        // The prefix is reduced to [a-z0-9-]; an empty one is fine.
        let html = to_html("a[^1]\n\n[^1]: One.", "\"><script>");
        assert!(html.contains("id=\"script-fn-1\""), "{html}");
        let html = to_html("a[^1]\n\n[^1]: One.", "");
        assert!(html.contains("id=\"fn-1\""), "{html}");
        // Notes referring to each other terminate.
        let html = to_html("a[^x]\n\n[^x]: see[^y]\n\n[^y]: see[^x]", "p");
        assert_eq!(html.matches("<li ").count(), 2, "{html}");
    }

    #[test]
    fn prefix_sanitizing() {
        assert_eq!(sanitize_prefix("Article 7(2)"), "article-7-2");
        assert_eq!(sanitize_prefix("--a__b--"), "a-b");
        assert_eq!(sanitize_prefix("ÄÖ"), "");
    }

    #[test]
    fn inline_html_has_no_block_markup() {
        assert_eq!(
            to_inline_html("Only *targeted* orders, by a **judge**."),
            "Only <em>targeted</em> orders, by a <strong>judge</strong>."
        );
        assert_eq!(to_inline_html("# Title\n\nText"), "Title Text");
        assert_eq!(to_inline_html("line one\nline two"), "line one line two");
        assert_eq!(to_inline_html("1. first\n2. second"), "1. first 2. second");
        assert_eq!(to_inline_html("- a\n- b"), "a b");
        assert_eq!(
            to_inline_html("<script>x</script> & <b>"),
            "&lt;script&gt;x&lt;/script&gt; &amp; &lt;b&gt;"
        );
        assert_eq!(
            to_inline_html("[EUR-Lex](https://eur-lex.europa.eu)"),
            "<a href=\"https://eur-lex.europa.eu\" rel=\"noopener noreferrer\">EUR-Lex</a>"
        );
        assert_eq!(to_inline_html("a[^1]\n\n[^1]: note"), "a");
        assert_eq!(to_inline_html(""), "");
        let html = to_inline_html("> quote\n\n```\ncode\n```\n\n| a |\n|---|\n| b |");
        assert!(!html.contains("<p") && !html.contains("<pre") && !html.contains("<t"));
    }

    #[test]
    fn plain_text() {
        assert_eq!(
            to_plain_text("# Title\n\nSome *emphasis*, [a link](https://x.org)\nand `code`."),
            "Title Some emphasis, a link and code."
        );
        assert_eq!(to_plain_text("- one\n- two"), "one two");
        assert_eq!(to_plain_text("a &amp; b <i>c</i>"), "a & b <i>c</i>");
        assert_eq!(to_plain_text("Text[^1].\n\n[^1]: A note."), "Text.");
        assert_eq!(to_plain_text("  \n\n "), "");
        assert_eq!(to_plain_text("| A | B |\n|---|---|\n| 1 | 2 |"), "A B 1 2");
    }

    #[test]
    fn nothing_panics_on_odd_input() {
        for input in [
            "",
            "[^",
            "[^]: x",
            "[^a]: [^a]",
            "*[",
            "<",
            "```",
            "| |\n|-|",
            "\u{0}",
            "# \n##",
            "[x]( )",
            "![",
            "&#0;",
        ] {
            let _ = to_html(input, input);
            let _ = to_inline_html(input);
            let _ = to_plain_text(input);
        }
        let deep = "> ".repeat(500) + "deep";
        let html = to_html(&deep, "p");
        assert!(html.contains("deep"));
        let long = "*a ".repeat(20_000);
        let _ = to_html(&long, "p");
    }
}
