//! Servers that misbehave at the transport level, on raw loopback sockets:
//! one that never answers, one that closes the connection mid-body, one
//! that trickles bytes, one that is not listening. Each call ends within the
//! configured timeout with a typed transport error, never a hang or a panic.
#![cfg(feature = "postbreeze")]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

use social_clients::postbreeze::{self, Error};
use social_clients::RetryPolicy;

const TIMEOUT: Duration = Duration::from_millis(800);
/// Scheduling slack on a loaded 2-core machine.
const SLACK: Duration = Duration::from_secs(3);

/// A loopback server whose every connection is handled by `behave`, after
/// the request head has been read.
fn server(behave: fn(TcpStream)) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut stream = stream;
                let mut head = [0u8; 4096];
                let _ = stream.read(&mut head);
                behave(stream);
            });
        }
    });
    format!("http://{addr}")
}

fn client(base_url: String) -> postbreeze::Client {
    postbreeze::Client::builder("pb_live_secret")
        .base_url(base_url)
        .timeout(TIMEOUT)
        .connect_timeout(TIMEOUT)
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap()
}

/// Runs one call and returns its error and how long it took.
async fn fails(base_url: String) -> (Error<postbreeze::types::ApiError>, Duration) {
    let started = Instant::now();
    let err = client(base_url)
        .list_workspaces()
        .await
        .expect_err("a broken server cannot give an answer");
    let took = started.elapsed();
    assert!(took < TIMEOUT + SLACK, "took {took:?}");
    assert!(!err.to_string().contains("pb_live_secret"), "{err}");
    (err, took)
}

fn is_timeout(err: &Error<postbreeze::types::ApiError>) -> bool {
    match err {
        Error::CommunicationError(e) | Error::ResponseBodyError(e) => e.is_timeout(),
        _ => false,
    }
}

#[tokio::test]
async fn a_server_that_never_answers_times_out() {
    let url = server(|stream| {
        std::thread::sleep(Duration::from_secs(30));
        drop(stream);
    });
    let (err, took) = fails(url).await;
    assert!(is_timeout(&err), "{err:?}");
    assert!(took >= TIMEOUT, "gave up early: {took:?}");
}

#[tokio::test]
async fn a_connection_closed_mid_body_is_a_transport_error() {
    let url = server(|mut stream| {
        let _ = stream.write_all(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n[{\"id\": \"ws_1\", \"na",
        );
        // Dropping the stream closes the connection 980 bytes short.
    });
    let (err, _) = fails(url).await;
    assert!(
        matches!(
            err,
            Error::ResponseBodyError(_) | Error::CommunicationError(_)
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_server_that_trickles_bytes_hits_the_whole_request_timeout() {
    let url = server(|mut stream| {
        let _ = stream.write_all(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n[",
        );
        // One byte every 100 ms: each arrives well within any read timeout,
        // the whole body never does.
        for _ in 0..600 {
            std::thread::sleep(Duration::from_millis(100));
            if stream.write_all(b" ").is_err() {
                return;
            }
        }
    });
    let (err, took) = fails(url).await;
    assert!(is_timeout(&err), "{err:?}");
    assert!(took >= TIMEOUT, "gave up early: {took:?}");
}

#[tokio::test]
async fn a_garbage_status_line_is_a_transport_error() {
    let url = server(|mut stream| {
        let _ = stream.write_all(b"SMTP ready\r\n\r\n");
    });
    let (err, _) = fails(url).await;
    assert!(matches!(err, Error::CommunicationError(_)), "{err:?}");
}

#[tokio::test]
async fn nobody_listening_is_a_connect_error_at_once() {
    // Bind and drop: the port is free and nothing listens on it.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let (err, _) = fails(format!("http://127.0.0.1:{port}")).await;
    match err {
        Error::CommunicationError(e) => assert!(e.is_connect(), "{e:?}"),
        other => panic!("{other:?}"),
    }
}
