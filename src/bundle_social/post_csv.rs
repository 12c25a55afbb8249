//! `post_csv_create` (`POST /api/v1/post-csv-import/`), bound by hand: its
//! body is multipart/form-data, which progenitor cannot generate (the
//! normalizer lists it as unbound; `specs/providers.toml` lists it as
//! hand-written).

use super::{types, Client, Error, ResponseValue};
use crate::multipart::{post, FilePart, Statuses};

impl Client {
    /// Import posts from a CSV file. The import runs in the background; poll
    /// it with [`Client::post_csv_get_by_id`].
    ///
    /// Sends `POST /api/v1/post-csv-import/` as multipart/form-data with the
    /// field `file`; answers 201 with the queued import.
    ///
    /// # Errors
    /// As the generated methods: a documented error status (400, 401, 403,
    /// 404, 429, 500) is `Error::ErrorResponse` with the typed body.
    ///
    /// # Example
    /// ```no_run
    /// # async fn run(client: social_clients::bundle_social::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// use social_clients::FilePart;
    ///
    /// let csv = FilePart::new(std::fs::read("posts.csv")?, "posts.csv").mime("text/csv");
    /// let import = client.post_csv_create(csv).await?.into_inner();
    /// # let _ = import; Ok(()) }
    /// ```
    pub async fn post_csv_create(
        &self,
        file: FilePart,
    ) -> Result<ResponseValue<types::PostCsvImport>, Error<types::ApiError>> {
        let part = file.into_part().map_err(Error::InvalidRequest)?;
        let form = reqwest::multipart::Form::new().part("file", part);
        let statuses = Statuses {
            operation_id: "post_csv_create",
            success: 201,
            errors: &[400, 401, 403, 404, 429, 500],
        };
        post(
            &self.client,
            &self.inner,
            format!("{}/api/v1/post-csv-import/", self.baseurl),
            form,
            statuses,
        )
        .await
    }
}
