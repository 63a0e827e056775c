#!/usr/bin/env bash
# Refreshes a fuzz target's seeds: the smallest set of the inputs in fuzz/seeds/TARGET and
# fuzz/corpus/TARGET (what `cargo fuzz run` grew) that still reaches every edge of the code
# either reaches, written back to fuzz/seeds/TARGET. Needs nightly Rust and cargo-fuzz.
#
#   scripts/fuzz-seeds.sh draft
#
# Edges only (no hit counts, no comparison operands): with those, nearly every input looks new
# and the seeds would stay in the thousands.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

target=${1:?usage: scripts/fuzz-seeds.sh TARGET (draft, template, import or pdf)}
cargo +nightly fuzz build -O "$target"
binary=target/$(rustc -vV | sed -n 's/^host: //p')/release/$target

mkdir -p "corpus/$target" "seeds/$target"
# Beside the seeds, so that putting the new set in place is a rename: the old seeds stay
# whole until the new ones are complete.
fresh=$(mktemp -d "seeds/.$target.new.XXXXXX")
old="seeds/.$target.old"
trap 'rm -rf "$fresh" "$old"' EXIT
"$binary" -set_cover_merge=1 -use_counters=0 -use_cmp=0 -use_value_profile=0 \
  "$fresh" "seeds/$target" "corpus/$target"
rm -rf "$old"
mv "seeds/$target" "$old"
mv "$fresh" "seeds/$target"
echo "seeds/$target: $(ls "seeds/$target" | wc -l) inputs"
