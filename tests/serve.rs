//! `trilogue serve` end to end: the real binary on 127.0.0.1, edited data, the errors
//! banner, the last good build kept, and the reload after a fix.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A minimal HTTP GET (the server closes each response with Content-Length or EOF).
fn get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).ok()?;
    let text = String::from_utf8_lossy(&raw).to_string();
    let status = text.split_whitespace().nth(1)?.parse().ok()?;
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    Some((status, body))
}

/// Poll until `check` holds; the limit only guards against a hang.
fn wait_for(what: &str, mut check: impl FnMut() -> bool) {
    let started = Instant::now();
    while !check() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "gave up waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn serve_rebuilds_shows_errors_and_keeps_the_last_good_build() {
    let project = common::fixture("basic");
    let root = project.path();
    let port = free_port();
    let _server = Server(
        Command::new(env!("CARGO_BIN_EXE_trilogue"))
            .arg("--root")
            .arg(root)
            .args(["serve", "--port", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    wait_for("the server", || {
        get(port, "/").is_some_and(|(s, _)| s == 200)
    });

    let (status, body) = get(port, "/demo/provisions/article-10.html").unwrap();
    assert_eq!(status, 200);
    assert!(body.contains("/_trilogue/livereload.js"));
    assert!(body.contains("Only targeted detection."));
    assert_eq!(get(port, "/_trilogue/livereload.js").unwrap().0, 200);
    assert_eq!(get(port, "/no/such/page.html").unwrap().0, 404);

    // An edit is picked up.
    common::edit(
        root,
        "positions/demo/provisions/article-10.yaml",
        "summary: Only targeted detection.",
        "summary: Only targeted detection, by order of a judge.",
    );
    wait_for("the rebuilt page", || {
        get(port, "/demo/provisions/article-10.html")
            .is_some_and(|(_, b)| b.contains("by order of a judge"))
    });

    // Invalid data: the diagnostics appear in the page; the last good build stays.
    common::edit(
        root,
        "positions/demo/provisions/article-10.yaml",
        "source: ep-1",
        "source: ep-9",
    );
    wait_for("the errors banner", || {
        get(port, "/demo/index.html")
            .is_some_and(|(_, b)| b.contains("id=\"trilogue-errors\"") && b.contains("E0003"))
    });
    let (_, body) = get(port, "/demo/provisions/article-10.html").unwrap();
    assert!(
        body.contains("by order of a judge"),
        "the last good build is served"
    );

    // Fixed: the banner goes.
    common::edit(
        root,
        "positions/demo/provisions/article-10.yaml",
        "source: ep-9",
        "source: ep-1",
    );
    wait_for("the banner to go", || {
        get(port, "/demo/index.html").is_some_and(|(_, b)| !b.contains("trilogue-errors"))
    });
}
