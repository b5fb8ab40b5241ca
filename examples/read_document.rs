//! Reads a published document the way `trilogue import` does and prints what was found: the
//! format, the language, the counts of units, and optionally every unit's text. Used to
//! check the readers against real documents and to time them.
//!
//! ```text
//! cargo run --release --example read_document -- FILE [--units] [--apply BASE]
//! ```
//!
//! `--apply BASE` applies the amendments in FILE to the Commission's text read from BASE and
//! prints the problems.

use std::process::ExitCode;
use std::time::Instant;

use trilogue::import::document::Document;
use trilogue::import::read::{self, Read};
use trilogue::refs::Part;

fn counts(doc: &Document) -> String {
    format!(
        "citations {}, recitals {}, articles {}, annexes {}",
        doc.count(Part::Citation),
        doc.count(Part::Recital),
        doc.count(Part::Article),
        doc.count(Part::Annex)
    )
}

fn load(path: &str) -> Result<Read, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let format = read::detect(&bytes).ok_or_else(|| format!("{path}: unknown format"))?;
    println!("{path}: format {}", format.key());
    read::read(&bytes, format).map_err(|e| format!("{path}: {e}"))
}

fn print_units(doc: &Document) {
    for unit in &doc.units {
        println!(
            "== {} | {}\n{}\n",
            unit.reference,
            unit.title.as_deref().unwrap_or("-"),
            unit.text()
        );
    }
}

/// Prints the units whose texts or titles differ between two readings of one act.
fn compare(a: &Document, b: &Document) {
    let mut differ = 0;
    for unit in &a.units {
        match b.unit(&unit.reference) {
            None => println!("only in the first: {}", unit.reference),
            Some(other) if other.text() != unit.text() || other.title != unit.title => {
                differ += 1;
                println!(
                    "== {} differs\n-- {:?}\n{}\n++ {:?}\n{}\n",
                    unit.reference,
                    unit.title,
                    unit.text(),
                    other.title,
                    other.text()
                );
            }
            Some(_) => {}
        }
    }
    for unit in &b.units {
        if a.unit(&unit.reference).is_none() {
            println!("only in the second: {}", unit.reference);
        }
    }
    println!("{differ} units differ");
}

fn run(args: &[String]) -> Result<(), String> {
    let path = args
        .first()
        .ok_or("usage: read_document FILE [--units] [--apply BASE]")?;
    let units = args.iter().any(|a| a == "--units");
    let bases: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(_, a)| *a == "--apply")
        .filter_map(|(i, _)| args.get(i + 1))
        .collect();
    let other = args
        .iter()
        .position(|a| a == "--compare")
        .and_then(|i| args.get(i + 1));
    let start = Instant::now();
    let read = load(path)?;
    match read {
        Read::Document(doc) => {
            println!(
                "lang {:?} ({:?}), identifier {:?}\n{}",
                doc.lang,
                read::language(&doc),
                doc.identifier,
                counts(&doc)
            );
            if units {
                print_units(&doc);
            }
            if let Some(other) = other {
                let Read::Document(other) = load(other)? else {
                    return Err("the other file is not a document".into());
                };
                compare(&doc, &other);
            }
        }
        Read::Amendments(amendments) => {
            println!(
                "lang {:?}, identifier {:?}, amendments {} (+{} naming no provision)",
                amendments.lang,
                amendments.identifier,
                amendments.items.len(),
                amendments.unplaced.len()
            );
            if !bases.is_empty() {
                let mut base = Document::default();
                for path in &bases {
                    let Read::Document(part) = load(path)? else {
                        return Err("the base is not a document".into());
                    };
                    base.units.extend(part.units);
                }
                let applied = read::apply_amendments(&base, &amendments);
                println!(
                    "applied: {} units amended ({}), {} deleted, {} problems",
                    applied.document.units.len(),
                    counts(&applied.document),
                    applied.deleted.len(),
                    applied.problems.len()
                );
                for problem in &applied.problems {
                    println!("  {problem}");
                }
                if units {
                    print_units(&applied.document);
                }
            }
        }
    }
    eprintln!("{:.3} s", start.elapsed().as_secs_f64());
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
