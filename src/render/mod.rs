//! Presentation of data the engines return: legal texts and diffs as HTML, Markdown and
//! terminal text, and the escapers of those formats. One escaper per format, here, so that
//! every output escapes the same characters the same way.

pub mod html;
pub mod markdown;
pub mod terminal;
