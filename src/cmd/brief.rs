//! `trilogue brief`: write a printable briefing on one dossier (PDF or HTML).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;

use crate::brief::{self, Format, Selection};
use crate::diagnostics;
use crate::lang::Language;
use crate::model::Institution;

use super::{Context, EXIT_INVALID_DATA};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  trilogue brief csar                                  the whole dossier, summaries, csar-briefing.pdf\n  trilogue brief csar --topic detection --text         full texts with marked changes\n  trilogue brief csar --provision detection-orders --provision \"Article 10\"\n  trilogue brief csar --institutions parliament,council -o meeting.pdf\n  trilogue brief csar --format html                    one self-contained HTML file to print from a browser\n  trilogue brief csar --lang fr                        in French (untranslated prose marked \"(en anglais)\")\n\nWith --topic and --provision together, the briefing has the provisions of either.\nThe date printed is that of the latest position shown; set SOURCE_DATE_EPOCH to add a\n\"prepared on\" date. The same data gives the same file, byte for byte.\nA project's templates/briefing.typ (PDF) or templates/briefing.html (HTML) replaces the\nbuilt-in template."
)]
pub struct Args {
    /// The dossier: its folder name under positions/.
    #[arg(value_name = "DOSSIER")]
    pub dossier: String,
    /// Only provisions with this topic (repeatable).
    #[arg(long = "topic", value_name = "T")]
    pub topics: Vec<String>,
    /// Only this provision, by file name or reference (repeatable).
    #[arg(long = "provision", value_name = "ID")]
    pub provisions: Vec<String>,
    /// Which columns, comma-separated: commission, parliament, council, agreement.
    #[arg(long, value_delimiter = ',', value_name = "LIST", value_parser = parse_institution)]
    pub institutions: Vec<Institution>,
    /// Full texts with changes against the Commission marked, instead of summaries.
    #[arg(long)]
    pub text: bool,
    /// The file format.
    #[arg(long, value_enum, default_value = "pdf")]
    pub format: Format,
    /// The briefing's language (en, fr, de) [default: the dossier's main language]. Prose
    /// without a translation is printed in the main language, marked as such.
    #[arg(long, value_name = "LANG", value_parser = parse_language)]
    pub lang: Option<Language>,
    /// Where to write the briefing [default: <DOSSIER>-briefing.pdf or .html].
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

fn parse_language(s: &str) -> Result<Language, String> {
    Language::parse(s).map_err(|e| e.to_string())
}

fn parse_institution(s: &str) -> Result<Institution, String> {
    Institution::parse(s.trim()).ok_or_else(|| {
        format!("`{s}` is not an institution; use commission, parliament, council or agreement")
    })
}

pub fn execute(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    if args.format == Format::Pdf && !brief::PDF_SUPPORTED {
        anyhow::bail!(
            "this trilogue was built without PDF support (the cargo feature `pdf`); use --format html"
        );
    }
    let (corpus, diags) = crate::check_project(&ctx.root);
    let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).cloned().collect();
    if !errors.is_empty() {
        eprint!(
            "{}",
            diagnostics::render(&errors, diagnostics::Format::Human, ctx.color_stderr)
        );
        eprintln!("no briefing written: fix the errors above (see `trilogue check`)");
        return Ok(ExitCode::from(EXIT_INVALID_DATA));
    }
    let Some(dossier) = corpus.dossiers.iter().find(|d| d.id == args.dossier) else {
        let known: Vec<&str> = corpus.dossiers.iter().map(|d| d.id.as_str()).collect();
        anyhow::bail!(
            "there is no dossier `{}` in {}; the dossiers are: {}",
            args.dossier,
            ctx.root.join("positions").display(),
            if known.is_empty() {
                "(none)".to_string()
            } else {
                known.join(", ")
            }
        );
    };
    let selection = Selection {
        topics: args.topics,
        provisions: args.provisions,
        institutions: (!args.institutions.is_empty()).then_some(args.institutions),
        full_text: args.text,
        language: args.lang,
    };
    let prepared_on = brief::source_date_epoch()?;
    let bytes = brief::make(&ctx.root, dossier, &selection, args.format, prepared_on)?;
    let out = args
        .out
        .unwrap_or_else(|| brief::default_file_name(&dossier.id, args.format));
    write_file(&out, &bytes)?;
    if !ctx.quiet {
        eprintln!(
            "wrote {} ({} KB) in {:.2?}",
            out.display(),
            bytes.len().div_ceil(1024),
            started.elapsed()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Write through a temporary file beside the target and rename it, so that an interrupted
/// run never leaves half a PDF where the last good one was.
fn write_file(path: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .with_context(|| format!("{} is not a file name", path.display()))?;
    let tmp = dir.join(format!(".{}.tmp", name.to_string_lossy()));
    let written = std::fs::write(&tmp, bytes)
        .with_context(|| format!("cannot write {}", tmp.display()))
        .and_then(|()| {
            std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))
        });
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}
