//! `upload_create` (`POST /api/v1/upload/`), bound by hand: its body is
//! multipart/form-data, which progenitor cannot generate (the normalizer
//! lists it as unbound; `specs/providers.toml` lists it as hand-written).

use super::{types, Client, Error, ResponseValue};
use crate::multipart::{post, FilePart, Statuses};

impl Client {
    /// Upload a file (image, video or document) to a team's media library.
    ///
    /// Sends `POST /api/v1/upload/` as multipart/form-data with the fields
    /// `teamId` (when given) and `file`.
    ///
    /// # Errors
    /// As the generated methods: a documented error status (400, 401, 403,
    /// 404, 429, 500) is `Error::ErrorResponse` with the typed body.
    ///
    /// Example: [`crate::FilePart`].
    pub async fn upload_create(
        &self,
        team_id: Option<&str>,
        file: FilePart,
    ) -> Result<ResponseValue<types::Upload>, Error<types::ApiError>> {
        let mut form = reqwest::multipart::Form::new();
        if let Some(team_id) = team_id {
            form = form.text("teamId", team_id.to_string());
        }
        let form = form.part("file", file.into_part().map_err(Error::InvalidRequest)?);
        let statuses = Statuses {
            operation_id: "upload_create",
            success: 200,
            errors: &[400, 401, 403, 404, 429, 500],
        };
        post(
            &self.client,
            &self.inner,
            format!("{}/api/v1/upload/", self.baseurl),
            form,
            statuses,
        )
        .await
    }
}
