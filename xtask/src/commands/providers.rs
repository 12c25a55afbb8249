//! `cargo xtask providers`: what the tooling knows about each provider.

use crate::providers::{Auth, Providers};

pub fn run(providers: &Providers) {
    for (module, p) in &providers.by_module {
        println!("{module} ({})", p.title);
        println!("  base URL     {}", p.base_url);
        println!(
            "  auth         {}",
            match &p.auth {
                Auth::Header { header } => format!("{header}: <key>"),
                Auth::Bearer { header } => format!("{header}: Bearer <key>"),
            }
        );
        match (&p.upstream_url, &p.upstream_format) {
            (Some(url), format) => println!(
                "  description  published at {url} ({}); project copy specs/{module}/{}",
                format.as_deref().unwrap_or("json"),
                p.source
            ),
            (None, _) => println!(
                "  description  hand-maintained in specs/{module}/{} from {}",
                p.source, p.docs_url
            ),
        }
        if let Ok(Some(lock)) =
            crate::lockfile::SourceLock::read(&crate::lockfile::path(&providers.dir(module)))
        {
            println!("  fetched      {} from {}", lock.fetched_at, lock.url);
        }
        if let Some(select) = &p.select {
            println!(
                "  binds        tags {:?}, operations {:?}",
                select.tags, select.operations
            );
        }
        println!("  error type   {}", p.error_schema);
        println!("  licence      {}", p.licence);
    }
}
