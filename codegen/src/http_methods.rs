//! HTTP methods reqwest has no shorthand for.
//!
//! progenitor calls `self.client.<method>(url)` for every operation, but
//! `reqwest::Client` has shorthands only for GET, POST, PUT, PATCH, DELETE
//! and HEAD; an OPTIONS operation (Box publishes two) does not compile.
//! Such calls become `request(reqwest::Method::OPTIONS, url)`.

use syn::{parse_quote, visit_mut::VisitMut, Expr, ExprMethodCall};

/// Rewrites every `.options(x)` / `.trace(x)` call on `self.client`.
pub fn apply(file: &mut syn::File) {
    Shorthands.visit_file_mut(file);
}

struct Shorthands;

impl VisitMut for Shorthands {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        syn::visit_mut::visit_expr_mut(self, expr);
        let Expr::MethodCall(ExprMethodCall {
            receiver,
            method,
            args,
            ..
        }) = expr
        else {
            return;
        };
        let constant = match method.to_string().as_str() {
            "options" => quote::format_ident!("OPTIONS"),
            "trace" => quote::format_ident!("TRACE"),
            _ => return,
        };
        let on_client = matches!(&**receiver, Expr::Field(f) if matches!(&f.member, syn::Member::Named(n) if n == "client"));
        if !on_client || args.len() != 1 {
            return;
        }
        let url = &args[0];
        *expr = parse_quote!(#receiver.request(::reqwest::Method::#constant, #url));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_becomes_a_request_with_the_method() {
        let mut file: syn::File = parse_quote! {
            fn f(&self) { let r = self.client.options(url).build(); let g = self.client.get(url); }
        };
        apply(&mut file);
        let text = quote::ToTokens::to_token_stream(&file).to_string();
        assert!(
            text.contains("self . client . request (:: reqwest :: Method :: OPTIONS , url)"),
            "{text}"
        );
        assert!(text.contains("self . client . get (url)"), "{text}");
    }
}
