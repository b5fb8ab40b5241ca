use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    trilogue::cmd::run(trilogue::cmd::Cli::parse())
}
