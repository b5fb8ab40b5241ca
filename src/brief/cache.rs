//! The cache of the site's briefing PDFs, in `.trilogue-cache/briefings/` under the
//! project's root.
//!
//! Laying out a briefing of a large dossier takes Typst seconds and much memory, and most
//! builds change a few provisions, if any. So each PDF is stored under a hash of everything
//! it is made from (see [`key`]): the briefing's view model as JSON (which holds every word
//! it prints, its language and trilogue's version), the Typst template and the files of
//! the project's `templates/` it may read, the embedded fonts, and the cache's own format.
//! The same inputs give the same key, and Typst gives the same bytes, so a PDF from the
//! cache is byte-identical to one laid out again (`tests/briefing_cache.rs`).
//!
//! An entry is the PDF after a header with its length and its SHA-256, so that a truncated
//! or altered file is recognised, ignored and rewritten, never served. Entries are written
//! to a temporary file and renamed, so a build that is stopped half-way leaves either the
//! old entry or the new one. A cache that cannot be read or written costs time, never the
//! build: the PDF is laid out and the problem is logged.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use sha2::{Digest, Sha256};

use crate::theme::Theme;

/// Where the cache lives, relative to the project's root.
pub const CACHE_DIR: &str = ".trilogue-cache/briefings";

/// The start of every entry; change the number when the entry's layout or the key's
/// inputs change, so that older entries are no longer found.
const MAGIC: &[u8] = b"trilogue briefing cache 1\n";
/// What an entry's file name ends with (the key's hex digits come first).
const EXTENSION: &str = "pdf.cache";

/// A key: the hex SHA-256 of a briefing's inputs.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key(String);

impl Key {
    fn file_name(&self) -> String {
        format!("{}.{EXTENSION}", self.0)
    }
}

/// The key of a briefing whose view model serialises to `data`, laid out with `theme`'s
/// Typst template and `fonts` (the embedded font files' digest). A project's own
/// template may read any file of `templates/`, so then all of them are part of the key.
pub fn key(theme: &Theme, fonts: &[u8], data: &[u8]) -> anyhow::Result<Key> {
    let mut h = Sha256::new();
    let mut part = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    part(MAGIC);
    part(env!("CARGO_PKG_VERSION").as_bytes());
    part(fonts);
    part(theme.briefing_typ.origin.as_bytes());
    part(theme.briefing_typ.text.as_bytes());
    let own_template = theme.briefing_typ.origin.starts_with("templates/");
    if let (Some(dir), true) = (theme.dir(), own_template) {
        for (rel, bytes) in template_files(theme, dir)? {
            part(rel.as_bytes());
            part(&bytes);
        }
    }
    part(data);
    Ok(Key(hex(&h.finalize())))
}

/// Every regular file under `dir`, by its path there with `/`, in sorted order, read
/// under the theme's policy (what the Typst template could read).
fn template_files(theme: &Theme, dir: &Path) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir)?;
        out.push((
            rel.to_string_lossy().replace('\\', "/"),
            theme.read_file(rel)?,
        ));
    }
    Ok(out)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The cache folder of one build, and the keys it used (to prune the others).
#[derive(Debug)]
pub struct PdfCache {
    dir: PathBuf,
    used: Mutex<BTreeSet<Key>>,
}

impl PdfCache {
    pub fn new(dir: PathBuf) -> PdfCache {
        PdfCache {
            dir,
            used: Mutex::default(),
        }
    }

    fn mark_used(&self, key: &Key) {
        self.used
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key.clone());
    }

    /// The PDF stored under `key`, if there is a sound entry.
    pub fn get(&self, key: &Key) -> Option<Vec<u8>> {
        self.mark_used(key);
        let path = self.dir.join(key.file_name());
        let bytes = std::fs::read(&path).ok()?;
        let pdf = unwrap_entry(&bytes);
        if pdf.is_none() {
            log::warn!(
                "ignoring the damaged cache entry {}: the briefing is laid out again",
                path.display()
            );
        }
        pdf.map(<[u8]>::to_vec)
    }

    /// Store `pdf` under `key`; a failure is logged, not returned (the build has the PDF).
    pub fn put(&self, key: &Key, pdf: &[u8]) {
        self.mark_used(key);
        if let Err(e) = self.write(key, pdf) {
            log::warn!(
                "cannot write the briefing cache in {}: {e:#}",
                self.dir.display()
            );
        }
    }

    fn write(&self, key: &Key, pdf: &[u8]) -> anyhow::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let mut tmp = tempfile::NamedTempFile::new_in(&self.dir)?;
        tmp.write_all(&entry(pdf))?;
        tmp.as_file().sync_data()?;
        tmp.persist(self.dir.join(key.file_name()))?;
        Ok(())
    }

    /// Remove the entries this build did not use: after a whole build, they belong to
    /// data or templates that are gone. Returns how many were removed.
    pub fn prune(&self) -> usize {
        let used = self.used.lock().unwrap_or_else(PoisonError::into_inner);
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return 0;
        };
        let mut removed = 0;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(hex) = name.strip_suffix(&format!(".{EXTENSION}")) else {
                continue;
            };
            if !used.contains(&Key(hex.to_string())) && std::fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
        removed
    }
}

/// An entry: the magic line, the PDF's length (8 bytes, little-endian) and SHA-256, then
/// the PDF.
fn entry(pdf: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(MAGIC.len() + 40 + pdf.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(pdf.len() as u64).to_le_bytes());
    out.extend_from_slice(&Sha256::digest(pdf));
    out.extend_from_slice(pdf);
    out
}

/// The PDF of an entry, if the entry is whole: right header, length and digest.
fn unwrap_entry(bytes: &[u8]) -> Option<&[u8]> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (len, rest) = rest.split_first_chunk::<8>()?;
    let (digest, pdf) = rest.split_first_chunk::<32>()?;
    let sound = u64::try_from(pdf.len()).ok()? == u64::from_le_bytes(*len)
        && Sha256::digest(pdf).as_slice() == digest;
    sound.then_some(pdf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_gives_back_its_pdf_and_any_damage_is_refused() {
        let pdf = b"%PDF-1.7 a small document".to_vec();
        let e = entry(&pdf);
        assert_eq!(unwrap_entry(&e), Some(&pdf[..]));
        for cut in [0, 5, MAGIC.len(), MAGIC.len() + 8, e.len() - 1] {
            assert_eq!(unwrap_entry(&e[..cut]), None, "cut at {cut}");
        }
        let mut flipped = e.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert_eq!(unwrap_entry(&flipped), None);
        let mut longer = e.clone();
        longer.push(b'x');
        assert_eq!(unwrap_entry(&longer), None);
    }

    #[test]
    fn the_key_changes_with_the_data_the_template_and_the_fonts() {
        let theme = Theme::builtin();
        let k = |fonts: &[u8], data: &[u8]| key(&theme, fonts, data).unwrap();
        assert_eq!(k(b"f", b"{}"), k(b"f", b"{}"));
        assert_ne!(k(b"f", b"{}"), k(b"f", b"{ }"));
        assert_ne!(k(b"f", b"{}"), k(b"g", b"{}"));
        let mut other = Theme::builtin();
        other.briefing_typ.text.push(' ');
        assert_ne!(k(b"f", b"{}"), key(&other, b"f", b"{}").unwrap());
    }

    #[test]
    fn a_project_templates_files_are_part_of_its_own_templates_key() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("templates");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("briefing.typ"), "#image(\"logo.svg\")").unwrap();
        std::fs::write(dir.join("logo.svg"), "<svg/>").unwrap();
        let before = key(&Theme::load(root.path()).unwrap(), b"f", b"{}").unwrap();
        std::fs::write(dir.join("logo.svg"), "<svg></svg>").unwrap();
        let after = key(&Theme::load(root.path()).unwrap(), b"f", b"{}").unwrap();
        assert_ne!(before, after);
    }

    #[test]
    fn damaged_entries_are_ignored_rewritten_and_unused_ones_pruned() {
        let dir = tempfile::tempdir().unwrap();
        let cache = PdfCache::new(dir.path().join("briefings"));
        let (a, b) = (Key("aa".into()), Key("bb".into()));
        assert_eq!(cache.get(&a), None);
        cache.put(&a, b"%PDF a");
        cache.put(&b, b"%PDF b");
        assert_eq!(cache.get(&a).as_deref(), Some(&b"%PDF a"[..]));
        let path = dir.path().join("briefings").join(a.file_name());
        let whole = std::fs::read(&path).unwrap();
        std::fs::write(&path, &whole[..whole.len() - 2]).unwrap();
        assert_eq!(cache.get(&a), None);
        cache.put(&a, b"%PDF a");
        assert_eq!(cache.get(&a).as_deref(), Some(&b"%PDF a"[..]));
        let next = PdfCache::new(dir.path().join("briefings"));
        assert!(next.get(&b).is_some());
        assert_eq!(next.prune(), 1);
        assert!(!path.exists());
        assert!(next.get(&b).is_some());
    }
}
