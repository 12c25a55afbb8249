//! The file type of multipart/form-data operations. Their methods are
//! generated (`codegen/src/multipart.rs`): each required form field is an
//! argument, the optional ones are named parameters, a file field takes a
//! [`FilePart`].
//!
//! This file depends on nothing of the crate: `cargo xtask` compiles it
//! into the scratch crates that check code generated for other
//! descriptions, so both use the same type.

use reqwest::multipart::Part;

/// A file to upload: its bytes, the name the server sees, and optionally its
/// media type (the server guesses from the name otherwise).
///
/// # Example
/// ```no_run
/// # async fn run(client: social_clients::bundle_social::Client) -> Result<(), Box<dyn std::error::Error>> {
/// use social_clients::bundle_social::params::UploadCreateParams;
/// use social_clients::FilePart;
///
/// let image = FilePart::new(std::fs::read("cat.png")?, "cat.png").mime("image/png");
/// let upload = client
///     .upload_create(image, UploadCreateParams::new().team_id("team_1"))
///     .await?
///     .into_inner();
/// # let _ = upload; Ok(()) }
/// ```
#[derive(Clone)]
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
    /// becomes `Error::InvalidRequest`). Only generated form methods call
    /// it, and a build with no provider that has one has none.
    #[allow(dead_code)]
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
