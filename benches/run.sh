#!/usr/bin/env bash
# Benchmarks (issue 7): fuhe check against jq merely parsing the same files,
# (cold, and again from the check cache), the share of parsing and checking,
# and the interface's startup, lookup and bytes per keystroke. Figures are
# printed, not asserted. Usage: benches/run.sh [N...]   (default: 2000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin fuhe --example synth --example bench_ui --example bench_check
sizes=("${@:-2000 10000}")
for n in ${sizes[@]}; do
  ws="${TMPDIR:-/tmp}/fuhe-bench-$n"
  [ -d "$ws/reports" ] || ./target/release/examples/synth --reports "$n" --out "$ws" --seed "$n"
  echo "== $n reports ($(du -sh "$ws/reports" | cut -f1))"
  # Every run below reads the files from the page cache, not the disk.
  find "$ws/reports" -name '*.json' -print0 | xargs -0 cat > /dev/null
  # A cache folder of its own: the first run finds nothing cached.
  cache="$(mktemp -d)"
  /usr/bin/time -f "fuhe check --format json --no-cache: %e s wall, %M KB peak" \
    ./target/release/fuhe check "$ws" --format json --no-cache > /dev/null || true
  FUHE_CACHE_DIR="$cache" /usr/bin/time -f "fuhe check --format json, first run (fills the cache): %e s wall, %M KB peak" \
    ./target/release/fuhe check "$ws" --format json > /dev/null || true
  FUHE_CACHE_DIR="$cache" /usr/bin/time -f "fuhe check --format json, again (cached): %e s wall, %M KB peak" \
    ./target/release/fuhe check "$ws" --format json > /dev/null || true
  rm -rf "$cache"
  ./target/release/examples/bench_check "$ws"
  if command -v jq >/dev/null; then
    /usr/bin/time -f "jq -c . (baseline):       %e s wall, %M KB peak" \
      sh -c "find '$ws/reports' -name '*.json' -print0 | xargs -0 jq -c . > /dev/null"
  fi
  /usr/bin/time -f "interface (bench_ui) peak memory: %M KB" \
    ./target/release/examples/bench_ui "$ws" "$ws/entries.txt"
  if command -v fzf >/dev/null; then
    for q in 5 5月 5月1 5月19 费; do
      /usr/bin/time -f "fzf --filter '$q': %e s" fzf --filter "$q" < "$ws/entries.txt" > /dev/null
    done
  fi
done
