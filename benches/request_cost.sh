#!/usr/bin/env bash
# Instructions per request (valgrind callgrind) for the generated client and
# a hand-written reqwest call sending the same request; see
# examples/request_cost.rs. Needs valgrind (Debian: apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release --example request_cost
bin=target/release/examples/request_cost
url_file=$(mktemp)
"$bin" serve > "$url_file" &
server=$!
trap 'kill $server; rm -f "$url_file"' EXIT
while [ ! -s "$url_file" ]; do sleep 0.1; done
url=$(cat "$url_file")

# Instructions the client process executes for $2 requests of variant $1.
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$url" "$2" 2>&1 \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

low=500
high=1500
for variant in hand-written generated-no-retries generated; do
    a=$(count "$variant" "$low")
    b=$(count "$variant" "$high")
    echo "$variant: $(( (b - a) / (high - low) )) instructions per request"
done
