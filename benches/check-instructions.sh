#!/usr/bin/env bash
# Instructions for one check of the sample (load excluded), counted by callgrind: steady where
# wall-clock timings on a shared machine are not. Compare two commits by running it on each.
#
#   benches/check-instructions.sh [CHECKS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
cargo build --release -q --example check_many
bin=target/release/examples/check_many
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
base=$(count 0)
all=$(count "$n")
echo "instructions per check: $(((all - base) / n))"
