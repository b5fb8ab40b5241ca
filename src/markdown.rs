//! PLACEHOLDER until the real module lands (same API): escapes everything.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}
pub fn to_html(markdown: &str, _id_prefix: &str) -> String {
    format!("<p>{}</p>", esc(markdown))
}
pub fn to_inline_html(markdown: &str) -> String {
    esc(markdown)
}
pub fn to_plain_text(markdown: &str) -> String {
    markdown.split_whitespace().collect::<Vec<_>>().join(" ")
}
