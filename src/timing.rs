//! Timings of the build's phases, logged at debug level (`-vv`). Durations only: nothing
//! here reads the wall clock's date, and nothing timed changes what is written.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Times one phase, logged when dropped.
pub struct Phase {
    name: &'static str,
    started: Instant,
}

impl Phase {
    pub fn start(name: &'static str) -> Phase {
        Phase {
            name,
            started: Instant::now(),
        }
    }
}

impl Drop for Phase {
    fn drop(&mut self) {
        log::debug!("phase {}: {:.1?}", self.name, self.started.elapsed());
    }
}

/// A phase that runs once per dossier, its time summed over the dossiers (which run in
/// parallel, so the sum can exceed the wall time).
#[derive(Default)]
pub struct Summed(AtomicU64);

impl Summed {
    /// Run `f`, adding its time to the sum.
    pub fn time<T>(&self, f: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let value = f();
        let nanos = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
        self.0.fetch_add(nanos, Ordering::Relaxed);
        value
    }

    pub fn log(&self, name: &str) {
        let nanos = self.0.load(Ordering::Relaxed);
        log::debug!(
            "phase {name}: {:.1?} (summed over the dossiers)",
            Duration::from_nanos(nanos)
        );
    }
}
