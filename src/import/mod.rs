//! `trilogue import`: turn a document an institution publishes into provision records.
//!
//! ```text
//! file ──read──> Document ──incoming──> items ──align──> placements ──decide/merge──> file changes
//!                                                                    ──verify──> checked ──write (all or nothing)
//! ```
//!
//! [`read`] knows the formats; [`document`] is the structure they share. [`incoming`]
//! turns what was read into one item per unit (applying the Parliament's amendments to
//! the dossier's Commission text, [`base`]); [`align`] finds each unit's record
//! ([`similarity`], [`mapping`]); [`decide`] works out each record's edit, which
//! [`merge`] makes on the file's text ([`edit`], [`yaml`]) without loss; [`verify`]
//! validates the result in a scratch copy; [`write`] writes it all or nothing; [`plan`]
//! runs these steps and [`report`] tells the contributor what happened. A document in
//! another of the dossier's languages skips alignment: [`translate`] adds its texts to
//! the versions the import in the main language wrote.

pub mod align;
pub mod base;
pub mod decide;
pub mod document;
pub mod edit;
pub mod error;
pub mod incoming;
pub mod mapping;
pub mod merge;
pub mod plan;
pub mod read;
pub mod report;
pub mod similarity;
pub mod translate;
pub mod verify;
pub mod write;
pub mod yaml;

#[cfg(test)]
pub(crate) mod tests {
    use crate::model::{Dossier, Localized, Provision, Status};

    /// A dossier in English with these provisions, for unit tests.
    pub fn dossier(provisions: Vec<Provision>) -> Dossier {
        let plain = |s: &str| Localized::Plain(s.to_string());
        Dossier {
            id: "d".into(),
            title: plain("A regulation"),
            short_title: plain("Regulation"),
            procedure: "2022/0155(COD)".into(),
            lang: "en".into(),
            languages: vec!["en".into()],
            status: Status::Proposal,
            summary: plain("Summary."),
            topics: Vec::new(),
            sources: Vec::new(),
            provisions,
            rows: vec![],
            member_states: Vec::new(),
            council_meetings: Vec::new(),
            timeline: Vec::new(),
            actors: Vec::new(),
        }
    }
}
