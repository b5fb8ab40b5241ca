fn main() {
    // The default theme is compiled into the binary; a project's own templates/ folder
    // overrides it file by file at run time (see src/site/templates.rs).
    minijinja_embed::embed_templates!("templates", &[".html"]);
}
