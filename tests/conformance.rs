//! Every operation of every provider against Prism, an independent
//! implementation of the contract: `prism mock` serves each committed
//! `specs/<p>/openapi.json` on loopback, validates the requests the
//! generated client sends (built from the spec by the generated harness in
//! `tests/conformance/<p>.rs`), and answers with the spec's examples, which
//! the client must decode. Each documented error status is asked for with
//! `Prefer: code=N` and must decode as the provider's typed error.
//!
//! Prism is installed by `.ci/run` (`npm ci --prefix .ci/prism`); without it
//! the test prints a notice and passes, except in CI, where it fails.

// Each test uses a part of the shared harness.
#[allow(dead_code)]
#[path = "conformance/harness.rs"]
mod harness;

// The harnesses are written by `cargo xtask generate` and compared byte for
// byte by `cargo xtask check`, so rustfmt must leave them alone.
#[cfg(feature = "bundle-social")]
#[rustfmt::skip]
#[path = "conformance/bundle_social.rs"]
mod bundle_social;
#[cfg(feature = "gipper")]
#[rustfmt::skip]
#[path = "conformance/gipper.rs"]
mod gipper;
#[cfg(feature = "hooked")]
#[rustfmt::skip]
#[path = "conformance/hooked.rs"]
mod hooked;
#[cfg(feature = "postbreeze")]
#[rustfmt::skip]
#[path = "conformance/postbreeze.rs"]
mod postbreeze;

mod prism {
    //! Starting and stopping `prism mock` on a free loopback port.

    use std::net::{TcpListener, TcpStream};
    use std::path::PathBuf;
    use std::process::{Child, Command};
    use std::time::{Duration, Instant};

    pub struct Prism {
        child: Child,
        pub base_url: String,
        pub log: PathBuf,
    }

    impl Drop for Prism {
        fn drop(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    fn binary() -> Option<PathBuf> {
        if let Some(path) = std::env::var_os("SOCIAL_CLIENTS_PRISM") {
            return Some(PathBuf::from(path));
        }
        let installed =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".ci/prism/node_modules/.bin/prism");
        installed.exists().then_some(installed)
    }

    /// Prism serving `specs/<module>/openapi.json`, or `None` (with a
    /// notice) when Prism is not installed outside CI.
    pub fn start(module: &str) -> Option<Prism> {
        let Some(binary) = binary() else {
            assert!(
                std::env::var_os("CI").is_none(),
                "Prism is not installed; .ci/run installs it with `npm ci --prefix .ci/prism`"
            );
            eprintln!(
                "skipped: Prism is not installed (npm ci --prefix .ci/prism --ignore-scripts)"
            );
            return None;
        };
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let spec = root.join("specs").join(module).join("openapi.json");
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free loopback port")
            .port();
        let log = std::env::temp_dir().join(format!("social-clients-prism-{module}-{port}.log"));
        let out = std::fs::File::create(&log).expect("a log file");
        let child = Command::new(&binary)
            .args(["mock", "--host", "127.0.0.1", "--port", &port.to_string()])
            .arg(&spec)
            .stdout(out.try_clone().expect("log handle"))
            .stderr(out)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", binary.display()));
        let prism = Prism {
            child,
            base_url: format!("http://127.0.0.1:{port}"),
            log,
        };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(90),
                "Prism did not start within 90 s; see {}",
                prism.log.display()
            );
            std::thread::sleep(Duration::from_millis(200));
        }
        Some(prism)
    }
}

/// The tally of one spec; failures name the operation and the status.
#[derive(Default)]
struct Tally {
    passed: usize,
    failed: Vec<String>,
}

impl Tally {
    fn record(
        &mut self,
        operation: &str,
        expected: harness::Answer,
        got: Result<harness::Answer, harness::Failure>,
    ) {
        match got {
            Ok(answer) if answer == expected => self.passed += 1,
            Ok(answer) => self.failed.push(format!(
                "{operation}: expected {expected:?}, got {answer:?}"
            )),
            Err(harness::Failure(why)) => self.failed.push(format!("{operation}: {why}")),
        }
    }

    fn finish(self, module: &str, operations: usize, hand_written: &[&str]) {
        println!(
            "conformance {module}: {} passed, {} failed ({operations} operations, success and every documented error status; {} hand-written multipart operation(s) not covered: {hand_written:?})",
            self.passed,
            self.failed.len(),
            hand_written.len(),
        );
        assert!(
            self.failed.is_empty(),
            "conformance {module}: {} failed:\n{}",
            self.failed.len(),
            self.failed.join("\n")
        );
    }
}

/// One test per provider: every operation's success answer, then each
/// documented error status.
macro_rules! conformance {
    ($module:ident, $feature:literal) => {
        #[cfg(feature = $feature)]
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $module() {
            use reqwest::header::{HeaderName, HeaderValue};
            use social_clients::RetryPolicy;

            let module = stringify!($module);
            let Some(prism) = prism::start(module) else {
                return;
            };
            let client = |prefer: Option<u16>| {
                let mut builder = social_clients::$module::Client::builder("conformance-key")
                    .base_url(prism.base_url.clone())
                    .retry(RetryPolicy::disabled());
                if let Some(code) = prefer {
                    builder = builder.header(
                        HeaderName::from_static("prefer"),
                        HeaderValue::from_str(&format!("code={code}")).unwrap(),
                    );
                }
                builder.build().unwrap()
            };
            let mut tally = Tally::default();
            let plain = client(None);
            for op in $module::OPERATIONS {
                let got = $module::call(&plain, op.id).await;
                let status = match &got {
                    Ok(harness::Answer::Success(s)) => *s,
                    _ => 200,
                };
                let name = format!("{} ({} {})", op.id, op.method, op.path);
                tally.record(&name, harness::Answer::Success(status), got);
                for &code in op.errors {
                    let got = $module::call(&client(Some(code)), op.id).await;
                    tally.record(
                        &format!("{name} Prefer code={code}"),
                        harness::Answer::TypedError(code),
                        got,
                    );
                }
            }
            tally.finish(module, $module::OPERATIONS.len(), $module::HAND_WRITTEN);
        }
    };
}

conformance!(bundle_social, "bundle-social");
conformance!(hooked, "hooked");
conformance!(postbreeze, "postbreeze");
conformance!(gipper, "gipper");
