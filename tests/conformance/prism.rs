//! `prism mock` on a free loopback port, stopped when dropped.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
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

/// Starts `binary mock <spec>` and waits until it accepts connections.
pub fn start(binary: &Path, spec: &Path, name: &str) -> Prism {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free loopback port")
        .port();
    let log = std::env::temp_dir().join(format!("social-clients-prism-{name}-{port}.log"));
    let out = std::fs::File::create(&log).expect("a log file");
    let child = Command::new(binary)
        .args(["mock", "--host", "127.0.0.1", "--port", &port.to_string()])
        // Answers asked for with `Prefer: dynamic=true` are random; a fixed
        // seed makes them the same every run.
        .args(["--seed", "social-clients"])
        .arg(spec)
        .stdout(out.try_clone().expect("log handle"))
        .stderr(out)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", binary.display()));
    let prism = Prism {
        child,
        base_url: format!("http://127.0.0.1:{port}"),
        log,
    };
    let mut prism = prism;
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        // Prism exits at once on a description it cannot read; waiting out
        // the whole start-up bound would only hide that.
        if let Ok(Some(status)) = prism.child.try_wait() {
            let text = std::fs::read_to_string(&prism.log).unwrap_or_default();
            let tail: String = text
                .chars()
                .rev()
                .take(1500)
                .collect::<String>()
                .chars()
                .rev()
                .collect();
            panic!("Prism exited ({status}) before it listened:\n{tail}");
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "Prism did not start within 120 s; see {}",
            prism.log.display()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    prism
}
