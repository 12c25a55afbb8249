//! The voice and music catalogs, read wherever the answer holds them.
//!
//! The only example of these answers that the reference shows puts the list
//! at the top level (`{"voices": [...]}`), while every other Hooked answer
//! wraps its content in `{"success", "data": {...}}`; the description types
//! both places (see `specs/hooked/source.yaml`), and these accessors return
//! whichever is filled, so a caller does not depend on which one Hooked sends.

use super::types;

impl types::ListVoicesResponse {
    /// The voices, from the `data` envelope or the top level.
    ///
    /// Example: `tests/hooked.rs` (`voice_and_music_lists_read_either_shape`).
    pub fn voices(&self) -> &[types::Voice] {
        either(
            self.data.as_ref().map(|d| d.voices.as_slice()),
            &self.voices,
        )
    }
}

impl types::ListMusicResponse {
    /// The tracks, from the `data` envelope or the top level.
    ///
    /// Example: `tests/hooked.rs` (`voice_and_music_lists_read_either_shape`).
    pub fn tracks(&self) -> &[types::MusicTrack] {
        either(
            self.data.as_ref().map(|d| d.tracks.as_slice()),
            &self.tracks,
        )
    }
}

/// The enveloped list when it holds anything, else the top-level one.
fn either<'a, T>(enveloped: Option<&'a [T]>, top: &'a [T]) -> &'a [T] {
    match enveloped {
        Some(list) if !list.is_empty() => list,
        _ => top,
    }
}
