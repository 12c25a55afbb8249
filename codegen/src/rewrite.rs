//! The shape shared by the steps that redirect generated calls to a helper
//! function they add to the generated file (`undocumented`, `field_errors`).

use syn::visit_mut::VisitMut;

/// Runs `visitor` over `file`; when it rewrote anything (`rewrites` reads
/// how many from it), appends `helper`, the function the rewritten code
/// calls. Returns the number of rewrites.
pub fn with_helper<V: VisitMut>(
    file: &mut syn::File,
    mut visitor: V,
    rewrites: impl Fn(&V) -> usize,
    helper: impl FnOnce() -> syn::Item,
) -> usize {
    visitor.visit_file_mut(file);
    let count = rewrites(&visitor);
    if count > 0 {
        file.items.push(helper());
    }
    count
}
