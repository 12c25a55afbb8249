//! `fetch` against loopback servers: success, 404, oversize (declared and
//! streamed), slow, wrong content; and the files it leaves behind.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::time::{Duration, Instant};

use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::*;

const SPEC: &str = r#"{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}}"#;

/// A scratch `specs/` whose bundle_social is fetched from `url` and whose
/// hooked is hand-maintained.
fn workspace(url: &str) -> (tempfile::TempDir, Providers) {
    let dir = tempfile::tempdir().unwrap();
    let specs = dir.path().join("specs");
    std::fs::create_dir_all(specs.join("bundle_social")).unwrap();
    std::fs::write(
        specs.join("providers.toml"),
        format!(
            r#"
[bundle_social]
title = "bundle.social"
upstream_url = "{url}"
upstream_format = "json"
docs_url = "https://docs.example"
base_url = "https://api.example"
source = "source.json"
auth = {{ kind = "header", header = "x-api-key" }}
error_schema = "ApiError"
licence = "test"

[hooked]
title = "Hooked"
docs_url = "https://docs.hooked.example"
base_url = "https://api.hooked.example"
source = "source.yaml"
auth = {{ kind = "header", header = "x-api-key" }}
error_schema = "ApiError"
licence = "test"
"#
        ),
    )
    .unwrap();
    let providers = Providers::load(&specs).unwrap();
    (dir, providers)
}

fn limits() -> Limits {
    Limits {
        max_bytes: 4096,
        timeout: Duration::from_secs(2),
    }
}

fn fetch(providers: &Providers) -> Result<()> {
    run(
        providers,
        &["bundle_social".into()],
        &Options {
            from: None,
            out: None,
            limits: limits(),
        },
    )
}

/// Serves one canned answer per test on a runtime the test owns; `fetch`
/// runs outside it, as the command does.
fn serve(answer: ResponseTemplate) -> (tokio::runtime::Runtime, MockServer) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let server = runtime.block_on(async {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/openapi.json"))
            .respond_with(answer)
            .mount(&server)
            .await;
        server
    });
    (runtime, server)
}

fn written(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("specs/bundle_social"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_description_is_written_with_a_lock_that_check_verifies() {
    let (_rt, server) = serve(ResponseTemplate::new(200).set_body_string(SPEC));
    let url = format!("{}/openapi.json", server.uri());
    let (dir, providers) = workspace(&url);
    fetch(&providers).unwrap();
    let specs = dir.path().join("specs/bundle_social");
    assert_eq!(written(dir.path()), ["source.json", "source.lock"]);
    assert_eq!(
        std::fs::read_to_string(specs.join("source.json")).unwrap(),
        SPEC
    );
    let lock = SourceLock::read(&specs.join("source.lock"))
        .unwrap()
        .unwrap();
    assert_eq!(lock.url, url);
    assert_eq!(lock.size, SPEC.len() as u64);
    assert_eq!(lock.sha256, lockfile::sha256_hex(SPEC.as_bytes()));
    lockfile::verify(&specs, "source.json", true).unwrap();

    // Editing the fetched file by hand is caught.
    std::fs::write(specs.join("source.json"), SPEC.replace("\"1\"", "\"2\"")).unwrap();
    let err = lockfile::verify(&specs, "source.json", true).unwrap_err();
    assert!(
        err.to_string().contains("run `cargo xtask fetch` again"),
        "{err}"
    );
}

#[test]
fn a_404_names_the_url_and_status_and_writes_nothing() {
    let (_rt, server) = serve(ResponseTemplate::new(404));
    let url = format!("{}/openapi.json", server.uri());
    let (dir, providers) = workspace(&url);
    let err = fetch(&providers).unwrap_err().to_string();
    assert_eq!(
        err,
        format!("GET {url}: the server answered HTTP 404 Not Found")
    );
    assert!(written(dir.path()).is_empty());
}

#[test]
fn an_oversized_answer_is_refused_by_its_length() {
    let big = format!(
        "{}{}",
        &SPEC[..SPEC.len() - 1],
        ",\"x\": \"".to_string() + &"a".repeat(5000) + "\"}"
    );
    let (_rt, server) = serve(ResponseTemplate::new(200).set_body_string(big));
    let (dir, providers) = workspace(&format!("{}/openapi.json", server.uri()));
    let err = fetch(&providers).unwrap_err().to_string();
    assert!(err.contains("over the 4096-byte limit"), "{err}");
    assert!(written(dir.path()).is_empty());
}

/// A server that sends no length and more bytes than allowed: the cap is
/// enforced while reading, not only from the header.
#[test]
fn an_oversized_stream_without_a_length_is_cut_off() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        if let Ok((mut socket, _)) = listener.accept() {
            let mut request = [0u8; 1024];
            let _ = socket.read(&mut request);
            let _ = socket.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
            for _ in 0..64 {
                if socket.write_all(&[b' '; 1024]).is_err() {
                    break;
                }
            }
        }
    });
    let (dir, providers) = workspace(&format!("http://{addr}/openapi.json"));
    let err = fetch(&providers).unwrap_err().to_string();
    assert!(err.contains("over the 4096-byte limit"), "{err}");
    assert!(written(dir.path()).is_empty());
}

#[test]
fn a_slow_server_times_out_within_the_bound() {
    let (_rt, server) = serve(
        ResponseTemplate::new(200)
            .set_body_string(SPEC)
            .set_delay(Duration::from_secs(30)),
    );
    let (dir, providers) = workspace(&format!("{}/openapi.json", server.uri()));
    let started = Instant::now();
    let err = fetch(&providers).unwrap_err().to_string();
    assert!(err.contains("no complete answer within 2s"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(written(dir.path()).is_empty());
}

#[test]
fn wrong_content_is_refused_before_anything_is_written() {
    let cases = [
        (
            ResponseTemplate::new(200).set_body_raw("<html>login</html>", "text/html"),
            "the answer is not valid JSON (Content-Type: text/html)",
        ),
        (
            ResponseTemplate::new(200).set_body_string(r#"{"swagger": "1.2", "paths": {}}"#),
            "unsupported Swagger version",
        ),
        (
            ResponseTemplate::new(200).set_body_string(r#"{"openapi": "3.0.3"}"#),
            "no `paths` object",
        ),
        (
            ResponseTemplate::new(200).set_body_string(&SPEC[..20]),
            "the answer is not valid JSON",
        ),
    ];
    for (answer, expected) in cases {
        let (_rt, server) = serve(answer);
        let (dir, providers) = workspace(&format!("{}/openapi.json", server.uri()));
        let err = fetch(&providers).unwrap_err().to_string();
        assert!(err.contains(expected), "{expected}: {err}");
        assert!(written(dir.path()).is_empty());
    }
}

#[test]
fn a_failed_fetch_keeps_the_previous_description() {
    let (_rt, server) = serve(ResponseTemplate::new(500));
    let (dir, providers) = workspace(&format!("{}/openapi.json", server.uri()));
    let source = dir.path().join("specs/bundle_social/source.json");
    std::fs::write(&source, SPEC).unwrap();
    assert!(fetch(&providers).is_err());
    assert_eq!(std::fs::read_to_string(&source).unwrap(), SPEC);
}

#[test]
fn from_a_local_file_works_offline_and_records_its_origin() {
    let (dir, providers) = workspace("https://unreachable.invalid/openapi.json");
    let local = dir.path().join("local.json");
    std::fs::write(&local, SPEC).unwrap();
    run(
        &providers,
        &["bundle_social".into()],
        &Options {
            from: Some(&local),
            out: None,
            limits: limits(),
        },
    )
    .unwrap();
    let lock = SourceLock::read(&dir.path().join("specs/bundle_social/source.lock"))
        .unwrap()
        .unwrap();
    assert!(
        lock.url.starts_with("file://") && lock.url.ends_with("local.json"),
        "{}",
        lock.url
    );
}

#[test]
fn hand_maintained_providers_are_reported_not_failed() {
    let (_dir, providers) = workspace("https://unreachable.invalid/openapi.json");
    let outcome = fetch_one(
        &providers,
        "hooked",
        &providers.by_module["hooked"],
        &Options {
            from: None,
            out: None,
            limits: limits(),
        },
    )
    .unwrap();
    assert_eq!(outcome, Outcome::HandMaintained);
}

#[test]
fn an_authored_source_is_not_overwritten() {
    let (dir, mut providers) = workspace("https://unreachable.invalid/openapi.json");
    providers.by_module.get_mut("bundle_social").unwrap().source = "source.yaml".into();
    let authored = dir.path().join("specs/bundle_social/source.yaml");
    std::fs::write(&authored, "openapi: 3.0.3\n").unwrap();
    let err = fetch(&providers).unwrap_err().to_string();
    assert!(err.contains("is authored by the project"), "{err}");
    assert_eq!(written(dir.path()), ["source.yaml"]);
    // Fetching every provider keeps it and reports it, without failing.
    let everything = Options {
        from: None,
        out: None,
        limits: limits(),
    };
    run(&providers, &[], &everything).unwrap();
    assert_eq!(written(dir.path()), ["source.yaml"]);
}

/// What bundle.social publishes (the copy in ../shared/upstream, skipped with
/// a notice when absent), fetched and normalized in a scratch copy of
/// `specs/`, gives byte for byte the committed `source.json` and
/// `openapi.json`: the committed files are the published facts plus the
/// project's overlay, and nothing else.
#[test]
fn fetch_and_normalize_reproduce_the_committed_bundle_social_files() {
    let Some(upstream) = crate::workspace::upstream_bundle_social() else {
        return;
    };
    let committed = crate::workspace::root().join("specs");
    let scratch = tempfile::tempdir().unwrap();
    let specs = scratch.path().join("specs");
    std::fs::create_dir_all(specs.join("bundle_social")).unwrap();
    std::fs::copy(
        committed.join("providers.toml"),
        specs.join("providers.toml"),
    )
    .unwrap();
    std::fs::copy(
        committed.join("bundle_social/overlay.yaml"),
        specs.join("bundle_social/overlay.yaml"),
    )
    .unwrap();
    let providers = Providers::load(&specs).unwrap();
    let provider = &providers.by_module["bundle_social"];
    let options = Options {
        from: Some(&upstream),
        out: None,
        limits: Limits::default(),
    };
    fetch_one(&providers, "bundle_social", provider, &options).unwrap();

    let read =
        |dir: &Path, file: &str| std::fs::read(dir.join("bundle_social").join(file)).unwrap();
    let fetched = read(&specs, "source.json");
    assert!(
        fetched == read(&committed, "source.json"),
        "fetch writes a different source.json than the committed one: run `cargo xtask fetch bundle_social` and review"
    );
    let published = std::fs::read_to_string(&upstream).unwrap();
    let some_prose = "Permanently delete";
    assert!(published.contains(some_prose));
    assert!(!String::from_utf8(fetched).unwrap().contains(some_prose));

    let normalized =
        crate::commands::normalize::normalize_provider(&providers, "bundle_social").unwrap();
    assert!(
        normalized.bytes == read(&committed, "openapi.json"),
        "the fetched source normalizes to a different openapi.json: run `cargo xtask normalize bundle_social`"
    );
}
