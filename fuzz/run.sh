#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60). cargo fuzz needs the
# nightly-only sanitizer flags; RUSTC_BOOTSTRAP lets the one stable
# toolchain of this machine accept them. Crashes land in fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-60}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
for t in voucher indicator report import_txt import_docx; do
  echo "== $t"
  RUSTC_BOOTSTRAP=1 cargo fuzz run -O "$t" "corpus/$t" -- -max_total_time="$secs" -rss_limit_mb=4096 2>&1 | grep -E "^#[0-9]+.*(DONE|pulse)|SUMMARY|panicked|ERROR" | tail -3
done
