//! multipart/form-data operations, which progenitor cannot generate.
//!
//! The normalizer lists such operations as unbound; each provider module binds
//! the ones it needs by hand (listed in `specs/providers.toml`,
//! `hand_written`) with these helpers, answering with the same
//! `ResponseValue`/`Error` types as the generated methods.

use progenitor_client::{Error, ResponseValue};
use reqwest::multipart::{Form, Part};
use serde::de::DeserializeOwned;

/// A file to upload: its bytes, the name the server sees, and optionally its
/// media type (the server guesses from the name otherwise).
#[derive(Clone)]
///
/// # Example
/// ```no_run
/// # async fn run(client: social_clients::bundle_social::Client) -> Result<(), Box<dyn std::error::Error>> {
/// use social_clients::FilePart;
///
/// let image = FilePart::new(std::fs::read("cat.png")?, "cat.png").mime("image/png");
/// let upload = client.upload_create(Some("team_1"), image).await?.into_inner();
/// # let _ = upload; Ok(()) }
/// ```
pub struct FilePart {
    bytes: Vec<u8>,
    file_name: String,
    mime: Option<String>,
}

impl FilePart {
    /// A file named `file_name` holding `bytes`.
    ///
    /// Example: [`FilePart`].
    pub fn new(bytes: impl Into<Vec<u8>>, file_name: impl Into<String>) -> Self {
        FilePart {
            bytes: bytes.into(),
            file_name: file_name.into(),
            mime: None,
        }
    }

    /// Sets the media type, e.g. `image/png`.
    ///
    /// Example: [`FilePart`].
    pub fn mime(mut self, mime: impl Into<String>) -> Self {
        self.mime = Some(mime.into());
        self
    }

    /// The form part; the error says why the media type is unusable (it
    /// becomes `Error::InvalidRequest`).
    pub(crate) fn into_part(self) -> Result<Part, String> {
        let part = Part::bytes(self.bytes).file_name(self.file_name);
        match self.mime {
            Some(mime) => part
                .mime_str(&mime)
                .map_err(|_| format!("invalid media type {mime:?}")),
            None => Ok(part),
        }
    }
}

impl std::fmt::Debug for FilePart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FilePart")
            .field("file_name", &self.file_name)
            .field("mime", &self.mime)
            .field("len", &self.bytes.len())
            .finish()
    }
}

/// A multipart operation: its id (for tracing) and what it answers, as its
/// spec documents it.
pub(crate) struct Statuses {
    pub operation_id: &'static str,
    /// The success status (its body decodes as `T`).
    pub success: u16,
    /// Error statuses whose body decodes as the provider's error type `E`.
    pub errors: &'static [u16],
}

/// POSTs `form` to `url` through the same hook as generated methods
/// (tracing; one attempt, since a streamed body cannot be resent) and
/// decodes the answer exactly as a generated method would: the success body
/// as `T`, a documented error as `Error::ErrorResponse(E)`, anything else as
/// `Error::UnexpectedResponse`.
pub(crate) async fn post<T: DeserializeOwned, E: DeserializeOwned>(
    http: &reqwest::Client,
    runtime: &crate::Runtime,
    url: String,
    form: Form,
    statuses: Statuses,
) -> Result<ResponseValue<T>, Error<E>> {
    let request = http
        .post(url)
        .header(reqwest::header::ACCEPT, "application/json")
        .multipart(form)
        .build()
        .map_err(Error::CommunicationError)?;
    let info = progenitor_client::OperationInfo {
        operation_id: statuses.operation_id,
    };
    let response = crate::hooks::execute(http, runtime, request, &info)
        .await
        .map_err(Error::CommunicationError)?;
    let status = response.status().as_u16();
    if status == statuses.success {
        decode(response).await
    } else if statuses.errors.contains(&status) {
        Err(Error::ErrorResponse(decode(response).await?))
    } else {
        Err(Error::UnexpectedResponse(response))
    }
}

async fn decode<T: DeserializeOwned, E>(
    response: reqwest::Response,
) -> Result<ResponseValue<T>, Error<E>> {
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.bytes().await.map_err(Error::ResponseBodyError)?;
    let inner =
        serde_json::from_slice(&body).map_err(|e| Error::InvalidResponsePayload(body, e))?;
    Ok(ResponseValue::new(inner, status, headers))
}
