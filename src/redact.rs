//! `Debug` and `Display` that never print a secret's value.

/// Implements `Debug` as `Name(<redacted>)` and `Display` as `<redacted>`
/// for a type holding a secret, so it cannot leak through logs, panics or
/// error messages by accident.
macro_rules! redacted {
    ($type:ident) => {
        impl ::std::fmt::Debug for $type {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(concat!(stringify!($type), "(<redacted>)"))
            }
        }

        impl ::std::fmt::Display for $type {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str("<redacted>")
            }
        }
    };
}

pub(crate) use redacted;
