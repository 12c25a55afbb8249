#!/usr/bin/env bash
# What a user pays to build the crate: a cold `cargo build` (dev profile,
# dependencies included, empty target directory) of a fresh downstream crate
# that depends on social-clients with the given features.
#
#   benches/downstream_build.sh [FEATURES] [CRATE_DIR]
#
# FEATURES: "default" (the default), "all", or a comma-separated list such as
# "postbreeze,rustls". CRATE_DIR: the social-clients checkout to depend on
# (default: this one), so two trees can be timed side by side. The
# downstream crate reuses this checkout's Cargo.lock, so both sides build the
# same dependency versions. Prints the wall seconds, then the crate's own
# units from `cargo build --timings`: the build script run (build.rs
# generating the clients) and the library (compiling them).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
features="${1:-default}"
crate="$(cd "${2:-$here}" && pwd)"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
case "$features" in
    default) dep="{ path = \"$crate\" }" ;;
    all) dep="{ path = \"$crate\", features = [\"bundle-social\", \"hooked\", \"postbreeze\", \"gipper\"] }" ;;
    *)
        list=$(printf '"%s", ' ${features//,/ })
        dep="{ path = \"$crate\", default-features = false, features = [${list%, }] }"
        ;;
esac
mkdir -p "$scratch/src"
cat > "$scratch/Cargo.toml" <<EOF
[package]
name = "downstream"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
social-clients = $dep

[workspace]
EOF
echo 'fn main() {}' > "$scratch/src/main.rs"
cp "$here/Cargo.lock" "$scratch/Cargo.lock"

start=$(date +%s.%N)
CARGO_TARGET_DIR="$scratch/target" cargo build --quiet --timings --manifest-path "$scratch/Cargo.toml"
end=$(date +%s.%N)
echo "cold build ($features): $(python3 -c "print(round($end - $start, 1))") s"
# cargo's timing page lists every unit with its duration; the build script's
# run is where progenitor generates the clients.
python3 - "$scratch/target/cargo-timings/cargo-timing.html" <<'PY'
import json, re, sys
html = open(sys.argv[1]).read()
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);", html, re.S).group(1))
for u in units:
    if u["name"] == "social-clients":
        print(f"  social-clients {u['target'].strip() or 'lib'}: {u['duration']:.1f} s")
PY
