//! `cargo xtask providers`: what the tooling knows about each provider.

use crate::output::outln;
use crate::providers::{Auth, Providers};

pub fn run(providers: &Providers) {
    for (module, p) in &providers.by_module {
        outln!("{module} ({})", p.title);
        outln!("  base URL     {}", p.base_url);
        outln!(
            "  auth         {}",
            match &p.auth {
                Auth::Header { header } => format!("{header}: <key>"),
                Auth::Bearer { header } => format!("{header}: Bearer <key>"),
            }
        );
        match (&p.upstream_url, &p.upstream_format) {
            (Some(url), format) => outln!(
                "  description  published at {url} ({}); project copy specs/{module}/{}",
                format.as_deref().unwrap_or("json"),
                p.source
            ),
            (None, _) => outln!(
                "  description  hand-maintained in specs/{module}/{} from {}",
                p.source,
                p.docs_url
            ),
        }
        if let Ok(Some(lock)) =
            crate::lockfile::SourceLock::read(&crate::lockfile::path(&providers.dir(module)))
        {
            outln!("  fetched      {} from {}", lock.fetched_at, lock.url);
        }
        if let Some(select) = &p.select {
            outln!(
                "  binds        tags {:?}, operations {:?}",
                select.tags,
                select.operations
            );
        }
        outln!("  error type   {}", p.error_schema);
        outln!("  licence      {}", p.licence);
    }
}
