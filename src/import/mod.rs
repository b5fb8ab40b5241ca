//! `trilogue import`: turn a document an institution publishes into provision records.
//!
//! ```text
//! file ──read──> Document ──align──> provision per unit ──merge──> YAML edits ──write (all or nothing)
//! ```
//!
//! [`read`] knows the formats; [`document`] is the structure they share.

pub mod align;
pub mod document;
pub mod edit;
pub mod mapping;
pub mod merge;
pub mod read;
pub mod similarity;
pub mod yaml;
