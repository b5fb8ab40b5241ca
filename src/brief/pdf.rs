//! The PDF briefing, made with Typst as a library.
//!
//! Typst compiles against a [`World`]: where its source files, data files, fonts and "today"
//! come from. This one is closed and deterministic:
//!
//! * the main file is the theme's `briefing.typ` (the project's own if it has one, else the
//!   one compiled into the binary);
//! * the briefing's view model is the virtual file `/data.json`, which the template reads
//!   with `json("data.json")`: data is never pasted into Typst source, so a `#set page(..)`,
//!   a `*` or a `<script>` in a position prints as itself;
//! * other files (an image, a `.typ` module) can only come from the project's `templates/`
//!   folder, under the theme's policy (regular files only, no symbolic links); packages
//!   (`@preview/...`) are refused, since briefings are made offline;
//! * the fonts are the Inter files of `assets/fonts/`, embedded in the binary, so a briefing
//!   looks the same on every machine and no system font is ever looked up;
//! * "today" is the briefing's document date (`SOURCE_DATE_EPOCH` or the latest position),
//!   never the clock, and the same date is the PDF's creation date: two runs on the same
//!   data give byte-identical files.

use std::sync::LazyLock;

use anyhow::{anyhow, Context as _};
use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use super::{Briefing, DateView};
use crate::theme::Theme;

/// The embedded font files: one family, the four faces the table needs (inserted text is
/// bold italic). See `assets/fonts/README.md` for where they come from and their licence.
const FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../../assets/fonts/Inter-Regular.otf"),
    include_bytes!("../../assets/fonts/Inter-Bold.otf"),
    include_bytes!("../../assets/fonts/Inter-Italic.otf"),
    include_bytes!("../../assets/fonts/Inter-BoldItalic.otf"),
];

/// The fonts and their metadata, parsed once per process (the site makes several PDFs).
struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONT_FILES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

/// The SHA-256 of the embedded font files, for the briefing cache's keys (a new font
/// release changes every key).
static FONTS_DIGEST: LazyLock<[u8; 32]> = LazyLock::new(|| {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for data in FONT_FILES {
        h.update((data.len() as u64).to_le_bytes());
        h.update(data);
    }
    h.finalize().into()
});

/// The digest of the fonts every briefing is laid out with.
pub fn fonts_digest() -> &'static [u8] {
    &*FONTS_DIGEST
}

/// Typst's standard library, built once; every briefing has the same.
static LIBRARY: LazyLock<LazyHash<Library>> =
    LazyLock::new(|| LazyHash::new(Library::builder().build()));

fn file_id(path: &str) -> anyhow::Result<FileId> {
    let vpath = VirtualPath::new(path).map_err(|e| anyhow!("bad virtual path {path}: {e:?}"))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

struct BriefWorld<'a> {
    main: Source,
    data_id: FileId,
    data: Bytes,
    /// Where other files may be read from: the project's `templates/` folder.
    theme: &'a Theme,
    today: Option<Datetime>,
}

impl BriefWorld<'_> {
    fn read(&self, id: FileId) -> FileResult<Vec<u8>> {
        if let VirtualRoot::Package(_) = id.root() {
            return Err(FileError::Other(Some(
                "packages are not available: briefings are made offline; put the files you need in templates/".into(),
            )));
        }
        let rel = id.vpath().get_without_slash();
        self.theme
            .read_file(std::path::Path::new(rel))
            .map_err(|e| FileError::Other(Some(format!("{e:#}").into())))
    }
}

impl World for BriefWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        let bytes = self.read(id)?;
        let text = String::from_utf8(bytes).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            return Ok(self.data.clone());
        }
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.text().to_string()));
        }
        self.read(id).map(Bytes::new)
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

fn datetime(d: &DateView) -> Option<Datetime> {
    Datetime::from_ymd_hms(i32::from(d.year), d.month?, d.day?, 0, 0, 0)
}

/// Empty Typst's memoisation cache (`comemo`, re-exported by `typst`).
///
/// Typst memoises every layout it makes in process-wide caches, to speed up the next
/// compilation of a similar document (an editor's). A build lays out each briefing once,
/// so what one briefing leaves there is never used again; yet it stays until evicted,
/// about 2.7 GB per 1,000-provision dossier (issue 17). Emptying them after each briefing keeps
/// a build's memory to one briefing at a time, whatever the number of dossiers. A
/// compilation running at the same time on another thread (tests) only loses its hits.
pub fn evict_cache() {
    typst::comemo::evict(0);
}

/// The view model as the JSON the template reads (`data.json`).
pub fn data_json(briefing: &Briefing) -> anyhow::Result<Vec<u8>> {
    serde_json::to_vec(briefing).context("cannot serialise the briefing")
}

/// Compile the briefing template with the view model and export the PDF.
pub fn render(theme: &Theme, briefing: &Briefing) -> anyhow::Result<Vec<u8>> {
    render_data(theme, briefing, data_json(briefing)?)
}

/// [`render`], with the view model's JSON (`data`, from [`data_json`]) already made.
pub fn render_data(theme: &Theme, briefing: &Briefing, data: Vec<u8>) -> anyhow::Result<Vec<u8>> {
    let template = theme.briefing_typ.text.clone();
    let name = theme.briefing_typ.origin.clone();
    let date = briefing.document_date.as_ref().and_then(datetime);
    let world = BriefWorld {
        main: Source::new(file_id("/briefing.typ")?, template),
        data_id: file_id("/data.json")?,
        data: Bytes::new(data),
        theme,
        today: date,
    };
    let warned = typst::compile::<PagedDocument>(&world);
    for w in &warned.warnings {
        log::debug!("{}", describe(&world, &name, w));
    }
    let document = warned.output.map_err(|errors| {
        let text: Vec<String> = errors.iter().map(|e| describe(&world, &name, e)).collect();
        anyhow!(
            "the briefing template has {} {}:\n{}",
            errors.len(),
            if errors.len() == 1 { "error" } else { "errors" },
            text.join("\n")
        )
    })?;
    let options = PdfOptions {
        // A stable document identifier: the same dossier and selection give the same id.
        ident: Smart::Custom(format!(
            "trilogue/{}/{}/{}",
            briefing.dossier.id,
            briefing
                .rows
                .iter()
                .map(|r| r.id.as_str())
                .collect::<Vec<_>>()
                .join(","),
            briefing.full_text
        )),
        creator: Smart::Custom(Some(briefing.generator.clone())),
        timestamp: date.map(Timestamp::new_utc),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| {
        let text: Vec<String> = errors.iter().map(|e| describe(&world, &name, e)).collect();
        anyhow!("cannot export the briefing as PDF:\n{}", text.join("\n"))
    })
}

/// One diagnostic as `file:line:col: error: message (hint: ...)`, pointing into the
/// template so that whoever edits `templates/briefing.typ` sees where.
fn describe(world: &BriefWorld, name: &str, d: &SourceDiagnostic) -> String {
    let severity = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let location = d
        .span
        .id()
        .and_then(|id| {
            let source = world.source(id).ok()?;
            let range = world.range(d.span)?;
            let (line, col) = source.lines().byte_to_line_column(range.start)?;
            let file = if id == world.main.id() {
                name.to_string()
            } else {
                format!("templates{}", id.vpath().get_with_slash())
            };
            Some(format!("{file}:{}:{}: ", line + 1, col + 1))
        })
        .unwrap_or_default();
    let mut out = format!("{location}{severity}: {}", d.message);
    for hint in &d.hints {
        out.push_str(&format!(" (hint: {})", hint.v));
    }
    out
}
