#!/usr/bin/env bash
# The reviewer's workload, end to end with the release binary: `gongkai check` and
# `gongkai merge` over a folder of 10,000 drafts. Prints hyperfine's timings and the
# peak memory from /usr/bin/time -v. Targets: under 2 s and 200 MB each.
#
#   benches/many-drafts.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
cargo build --release -q
bin=target/release/gongkai
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# Variants of the sample: another agency name and another 行政许可 figure in each.
awk -v n="$count" -v dir="$dir" '
  { lines[NR] = $0 }
  END {
    for (i = 0; i < n; i++) {
      f = sprintf("%s/d%05d.toml", dir, i)
      for (j = 1; j <= NR; j++) {
        line = lines[j]
        sub(/厦门市人力资源和社会保障局/, sprintf("测试单位%05d", i), line)
        sub(/decisions = 1037/, sprintf("decisions = %d", 1000 + i % 50), line)
        print line > f
      }
      close(f)
    }
  }' assets/samples/xiamen-hrss-2020.toml
echo "$count drafts in a folder"

export GONGKAI_TODAY=2026-11-28
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs 10 -i "$bin check $dir > /dev/null"
fi
/usr/bin/time -v "$bin" check "$dir" 2>&1 >/dev/null | grep -E "Maximum resident|Elapsed"
out=$(mktemp -d)
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs 10 -i --prepare "rm -f $out/sum.toml" \
    "$bin merge $dir --agency 汇总 -o $out/sum.toml > /dev/null"
fi
rm -f "$out/sum.toml"
/usr/bin/time -v "$bin" merge "$dir" --agency 汇总 -o "$out/sum.toml" 2>&1 >/dev/null | grep -E "Maximum resident|Elapsed"
rm -rf "$out"
