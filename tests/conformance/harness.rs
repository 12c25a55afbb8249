//! What the generated harnesses (`tests/conformance/<p>.rs`) call: decode a
//! sample into the argument's Rust type, and judge what the client made of
//! Prism's answer.

use progenitor_client::ResponseValue;

// The crate's error type: `social_clients::error` in the crate's tests, the
// same file compiled in as a module in the corpus's scratch crates.
use crate::error::Error;

/// One operation of a spec, as the harness lists it.
pub struct Operation {
    pub id: &'static str,
    pub method: &'static str,
    pub path: &'static str,
    /// The documented error statuses (asked for with `Prefer: code=N`).
    pub errors: &'static [u16],
}

/// One answer type of the client and a body valid for it (the hostile-body
/// tests start from it).
pub struct Body {
    pub operation: &'static str,
    /// `success` or `error`.
    pub answer: &'static str,
    pub sample: &'static str,
    /// JSON pointers of the enum values in `sample`.
    pub enums: &'static [&'static str],
    /// JSON pointers of the free-form maps in `sample`.
    pub maps: &'static [&'static str],
    /// Decodes bytes as the client does (`serde_json::from_slice`).
    pub decode: fn(&[u8]) -> Result<(), String>,
}

/// The sample success answer of `operation` among `bodies` (a generated
/// harness's `BODIES`), decoded as `T`: a valid answer for workflow and mock
/// tests to start from.
pub fn success_sample<T: serde::de::DeserializeOwned>(bodies: &[Body], operation: &str) -> T {
    let body = bodies
        .iter()
        .find(|b| b.operation == operation && b.answer == "success")
        .unwrap_or_else(|| panic!("the generated harness has no success sample of {operation}"));
    serde_json::from_str(body.sample)
        .unwrap_or_else(|e| panic!("the success sample of {operation}: {e}"))
}

pub fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<(), String> {
    serde_json::from_slice::<T>(bytes)
        .map(drop)
        .map_err(|e| e.to_string())
}

/// What the client made of the answer when it made something typed of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// A 2xx decoded as the operation's success type.
    Success(u16),
    /// An error status decoded as the provider's typed error.
    TypedError(u16),
}

/// Why a call did not give a typed answer: Prism rejected the request, or
/// the client could not decode the answer, or the sample does not fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure(pub String);

/// How a [`Failure`] starts when Prism's static generator gave up on the
/// answer's schema (Discord's messages: deeply nested and recursive), which
/// says nothing about the client; the call is then made again with
/// `Prefer: dynamic=true`.
pub const TOO_COMPLEX: &str = "Prism's static generator gave up (SCHEMA_TOO_COMPLEX)";

/// How the report's line for a check answered dynamically starts.
pub const DYNAMIC: &str = "answered dynamically (SCHEMA_TOO_COMPLEX): ";
/// How the report's line for a failed check starts.
pub const FAILED: &str = "FAILED ";

/// What a call asks Prism for in its `Prefer` header.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prefer {
    /// A documented status (`code=N`).
    pub code: Option<u16>,
    /// An answer made by json-schema-faker from the schema (`dynamic=true`)
    /// instead of the static example generator; `prism::start` seeds it,
    /// so it is the same each run.
    pub dynamic: bool,
}

impl Prefer {
    /// The `Prefer` header's value, if anything is asked for.
    pub fn header(self) -> Option<String> {
        let code = self.code.map(|code| format!("code={code}"));
        let dynamic = self.dynamic.then(|| "dynamic=true".to_string());
        let parts: Vec<String> = code.into_iter().chain(dynamic).collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// The sample (JSON text) as the argument's type.
pub fn sample<T: serde::de::DeserializeOwned>(argument: &str, json: &str) -> Result<T, Failure> {
    serde_json::from_str(json).map_err(|e| {
        Failure(format!(
            "sample for `{argument}` does not fit its type: {e}"
        ))
    })
}

pub async fn outcome<T, E>(result: Result<ResponseValue<T>, Error<E>>) -> Result<Answer, Failure> {
    match result {
        Ok(value) => Ok(Answer::Success(value.status().as_u16())),
        Err(Error::ErrorResponse(value)) => {
            // Prism answers a request it rejects with a documented error
            // status too; this header is how it says so.
            match value.headers().get("sl-violations") {
                Some(violations) => Err(Failure(format!(
                    "Prism rejected the request (HTTP {}): {}",
                    value.status(),
                    violations.to_str().unwrap_or("?")
                ))),
                None => Ok(Answer::TypedError(value.status().as_u16())),
            }
        }
        Err(Error::UnexpectedResponse(response)) => {
            let status = response.status();
            // Prism explains a rejected request in this header.
            let violations = response
                .headers()
                .get("sl-violations")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string();
            let body = response.text().await.unwrap_or_default();
            if status.as_u16() == 500 && body.contains("errors#SCHEMA_TOO_COMPLEX") {
                return Err(Failure(format!("{TOO_COMPLEX}: {}", clip(&body))));
            }
            Err(Failure(format!(
                "unexpected HTTP {status}: {violations} {}",
                clip(&body)
            )))
        }
        Err(Error::InvalidResponsePayload(decode)) => Err(Failure(format!(
            "answer does not decode: {decode}; body: {}",
            clip(&decode.excerpt())
        ))),
        Err(Error::CommunicationError(e)) | Err(Error::ResponseBodyError(e)) => {
            Err(Failure(format!("transport: {e}")))
        }
        Err(Error::InvalidRequest(e)) => Err(Failure(format!("request not built: {e}"))),
        Err(_) => Err(Failure("unexpected error kind".into())),
    }
}

/// The tally of one spec; failures name the operation and the status.
#[derive(Debug, Default)]
pub struct Tally {
    pub passed: usize,
    pub failed: Vec<String>,
    /// Checks whose answer Prism's dynamic generator made (see [`TOO_COMPLEX`]).
    pub dynamic: Vec<String>,
}

impl Tally {
    fn record(&mut self, check: &str, expected: Answer, got: Result<Answer, Failure>) {
        match got {
            Ok(answer) if answer == expected => self.passed += 1,
            Ok(answer) => self
                .failed
                .push(format!("{check}: expected {expected:?}, got {answer:?}")),
            Err(Failure(why)) => self.failed.push(format!("{check}: {why}")),
        }
    }

    /// `conformance: N passed, M failed for <name> (...)`, then each failure.
    pub fn report(&self, name: &str, operations: usize, hand_written: &[&str]) -> String {
        let mut text = format!(
            "conformance: {} passed, {} failed for {name} ({operations} operations: the success answer and every documented error status)",
            self.passed,
            self.failed.len(),
        );
        if !self.dynamic.is_empty() {
            text.push_str(&format!(
                "; {} answered by Prism's dynamic generator",
                self.dynamic.len()
            ));
        }
        if !hand_written.is_empty() {
            text.push_str(&format!(
                "; not called: the hand-written operation(s) {}",
                hand_written.join(", ")
            ));
        }
        for check in &self.dynamic {
            text.push_str("\n  ");
            text.push_str(DYNAMIC);
            text.push_str(check);
        }
        for failure in &self.failed {
            text.push_str("\n  ");
            text.push_str(FAILED);
            text.push_str(failure);
        }
        text
    }
}

/// Calls every operation once for its success answer (any 2xx, decoded),
/// then once per documented error status with a client `make(prefer)` that
/// asks Prism for it (`Prefer: code=N`), which must decode as the typed
/// error. A call whose answer Prism's static generator cannot make is made
/// again with a dynamic answer.
pub async fn check_operations<C, Fut>(
    operations: &'static [Operation],
    make: impl Fn(Prefer) -> C,
    call: impl Fn(C, &'static str) -> Fut,
) -> Tally
where
    Fut: std::future::Future<Output = Result<Answer, Failure>>,
{
    let mut tally = Tally::default();
    for op in operations {
        let name = format!("{} ({} {})", op.id, op.method, op.path);
        let checks = std::iter::once((name.clone(), None)).chain(
            op.errors
                .iter()
                .map(|&code| (format!("{name} Prefer code={code}"), Some(code))),
        );
        for (check, code) in checks {
            let mut prefer = Prefer {
                code,
                dynamic: false,
            };
            let mut got = call(make(prefer), op.id).await;
            if matches!(&got, Err(Failure(why)) if why.starts_with(TOO_COMPLEX)) {
                prefer.dynamic = true;
                got = call(make(prefer), op.id).await;
                tally.dynamic.push(check.clone());
            }
            let expected = match (code, &got) {
                (Some(code), _) => Answer::TypedError(code),
                (None, Ok(Answer::Success(status))) if (200..300).contains(status) => {
                    Answer::Success(*status)
                }
                (None, _) => Answer::Success(200),
            };
            tally.record(&check, expected, got);
        }
    }
    tally
}

fn clip(text: &str) -> String {
    text.chars().take(400).collect()
}
