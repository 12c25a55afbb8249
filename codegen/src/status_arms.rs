//! One match arm per distinct answer, not per status.
//!
//! progenitor writes a `match response.status().as_u16()` arm for every
//! documented status, so an operation that lists seven error statuses with
//! one error type has seven arms of the same expression, each its own
//! `.await` in the method's state machine. Arms whose patterns are plain
//! status literals and whose bodies are the same tokens are merged into one
//! `400u16 | 401u16 | … =>` arm at the place of the first. The statuses are
//! distinct literals, so the order of the arms never changed which one
//! matched: behaviour is identical, the source and the compiled futures
//! smaller. progenitor has no setting for this.

use crate::syntax::client_methods_mut;
use quote::ToTokens;

/// Merges the arms of every client method; returns how many arms went.
pub fn apply(file: &mut syn::File) -> usize {
    let mut merged = 0;
    for method in client_methods_mut(file) {
        for stmt in &mut method.block.stmts {
            if let syn::Stmt::Expr(syn::Expr::Match(m), _) = stmt {
                if is_status_match(&m.expr) {
                    merged += merge(&mut m.arms);
                }
            }
        }
    }
    merged
}

/// `response.status().as_u16()`
fn is_status_match(expr: &syn::Expr) -> bool {
    let text = expr.to_token_stream().to_string();
    text.replace(' ', "") == "response.status().as_u16()"
}

fn is_literal(pat: &syn::Pat) -> bool {
    matches!(pat, syn::Pat::Lit(_))
}

fn merge(arms: &mut Vec<syn::Arm>) -> usize {
    let before = arms.len();
    let mut out: Vec<syn::Arm> = Vec::with_capacity(arms.len());
    for arm in arms.drain(..) {
        // A guard is a `Pat::Guard` in syn 3, so never a literal.
        let mergeable = is_literal(&arm.pat);
        let body = arm.body.to_token_stream().to_string();
        let same = out.iter_mut().find(|kept| {
            mergeable
                && kept.body.to_token_stream().to_string() == body
                && match &kept.pat {
                    syn::Pat::Or(or) => or.cases.iter().all(is_literal),
                    other => is_literal(other),
                }
        });
        match same {
            Some(kept) => {
                let mut cases = match &kept.pat {
                    syn::Pat::Or(or) => or.cases.clone(),
                    other => std::iter::once(other.clone()).collect(),
                };
                cases.push(arm.pat);
                kept.pat = syn::Pat::Or(syn::PatOr {
                    attrs: Vec::new(),
                    leading_vert: None,
                    cases,
                });
            }
            None => out.push(arm),
        }
    }
    *arms = out;
    before - arms.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_answers_share_one_arm_and_others_keep_theirs() {
        let mut file: syn::File = syn::parse_quote! {
            impl Client {
                pub async fn op(&self) -> R {
                    match response.status().as_u16() {
                        200u16 => decode_answer(response).await,
                        400u16 => Err(Error::ErrorResponse(decode_answer(response).await?)),
                        404u16 => Err(Error::ErrorResponse(decode_answer(response).await?)),
                        204u16 => Ok(ResponseValue::empty(response)),
                        500u16 => Err(Error::ErrorResponse(decode_answer(response).await?)),
                        _ => Err(undocumented_status(response).await),
                    }
                }
            }
        };
        assert_eq!(apply(&mut file), 2);
        let text = file.to_token_stream().to_string().replace(' ', "");
        assert!(text.contains("400u16|404u16|500u16=>Err"), "{text}");
        assert!(text.contains("200u16=>decode_answer"), "{text}");
        assert!(text.contains("204u16=>Ok"), "{text}");
        assert!(text.contains("_=>Err(undocumented_status"), "{text}");
    }
}
