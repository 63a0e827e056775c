#!/usr/bin/env bash
# Builds what an office installs without Rust, into dist/, and checks it:
#
#   gongkai-VERSION-x86_64-linux-gnu-glibc2.28   one portable binary: needs glibc 2.28 or newer
#                                               (统信UOS 20, 麒麟 V10 and every newer Linux)
#   gongkai_VERSION-1_amd64.deb                  the same binary, man pages, completions,
#                                               README, licenses and a menu entry
#   SHA256SUMS
#
# Checks: the binary asks for no GLIBC symbol newer than 2.28 (objdump -T), it checks and
# exports the sample, and the .deb installs, runs (`gongkai --version`, `man gongkai`) and
# removes again (dpkg -i / dpkg -r: run as root, or with sudo at hand).
#
# Needs Rust (cargo, rustup). Installs what a fresh machine lacks: the Zig toolchain (pip
# ziglang, in a virtual environment under target/), cargo-zigbuild and cargo-deb (cargo
# install), and objdump, dpkg-shlibdeps, man and python3-venv (apt-get).
#
# Environment:
#   OLD_ROOT=DIR         also run the binary, and install the .deb, inside this older system's
#                        root (chroot, as root), e.g. one made by `debootstrap bullseye DIR`
#                        (glibc 2.31)
#   SKIP_INSTALL_CHECK=1 build and check the files, but do not install the .deb here
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=x86_64-unknown-linux-gnu
GLIBC=2.28
SAMPLE=assets/samples/xiamen-hrss-2020.toml
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
DIST=dist
BIN_NAME="gongkai-${VERSION}-x86_64-linux-gnu-glibc${GLIBC}"
PACKAGE_FILES=target/package-files

step() { printf '\n==> %s\n' "$*"; }
fail() {
  printf 'release: %s\n' "$*" >&2
  exit 1
}

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  SUDO=(sudo)
fi

# ------------------------------------------------------------------ tools
step "tools"
need_apt=()
command -v objdump >/dev/null 2>&1 || need_apt+=(binutils)
command -v dpkg-shlibdeps >/dev/null 2>&1 || need_apt+=(dpkg-dev)
command -v man >/dev/null 2>&1 || need_apt+=(man-db)
if ! command -v zig >/dev/null 2>&1; then
  command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
  python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need_apt+=(python3-venv)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || fail "missing ${need_apt[*]} and no apt-get to install them"
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi
# Zig from PyPI (ziglang), in a virtual environment of its own under target/: Debian's
# Python refuses `pip install` outside one. cargo-zigbuild finds it as `python3 -m ziglang`.
if ! command -v zig >/dev/null 2>&1; then
  venv=target/release-tools/python
  [ -x "$venv/bin/python3" ] || python3 -m venv "$venv"
  "$venv/bin/python3" -m pip install --quiet --disable-pip-version-check ziglang
  PATH="$PWD/$venv/bin:$PATH"
  export PATH
fi
command -v cargo-zigbuild >/dev/null 2>&1 || cargo install --locked cargo-zigbuild
command -v cargo-deb >/dev/null 2>&1 || cargo install --locked cargo-deb
grep -qx "$TARGET" <<<"$(rustup target list --installed 2>/dev/null)" || rustup target add "$TARGET"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate packaging/gongkai.desktop
fi
echo "zig $(zig version 2>/dev/null || python3 -m ziglang version), $(cargo-zigbuild --version), $(cargo deb --version)"

mkdir -p "$DIST"
rm -f "$DIST"/gongkai-* "$DIST"/gongkai_* "$DIST"/SHA256SUMS

# ------------------------------------------------------------------ the portable binary
step "building the binary for $TARGET against glibc $GLIBC"
cargo zigbuild --release --locked --target "$TARGET.$GLIBC"
BUILT="target/$TARGET/release/gongkai"
cp "$BUILT" "$DIST/$BIN_NAME"
strip "$DIST/$BIN_NAME"

step "checking the GLIBC symbol versions it needs"
highest=$(objdump -T "$DIST/$BIN_NAME" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -u -V | tail -n 1)
[ -n "$highest" ] || fail "objdump found no GLIBC symbol versions in $BIN_NAME"
if [ "$(printf '%s\n%s\n' "$highest" "$GLIBC" | sort -V | tail -n 1)" != "$GLIBC" ]; then
  fail "$BIN_NAME needs GLIBC_$highest, newer than $GLIBC"
fi
echo "highest GLIBC symbol version: $highest (at most $GLIBC: ok)"
echo "libraries: $(objdump -p "$DIST/$BIN_NAME" | awk '/NEEDED/ {print $2}' | tr '\n' ' ')"

# Checks the sample and exports it with a given gongkai, in a scratch data folder.
run_sample() {
  local gongkai=$1 work=$2
  GONGKAI_HOME="$work/home" "$gongkai" --version
  GONGKAI_HOME="$work/home" "$gongkai" check "$SAMPLE"
  # The sample keeps one warning unanswered: exported as a draft, into a folder.
  mkdir -p "$work/out"
  GONGKAI_HOME="$work/home" "$gongkai" export "$SAMPLE" --draft --to docx --to html --to txt -o "$work/out"
  compgen -G "$work/out/*.docx" >/dev/null || fail "no .docx written by $gongkai"
}

step "the binary checks and exports the sample"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
run_sample "$DIST/$BIN_NAME" "$scratch/here"

if [ -n "${OLD_ROOT:-}" ]; then
  step "the binary in the older system at OLD_ROOT ($(chroot "$OLD_ROOT" /bin/sh -c 'ldd --version 2>/dev/null | head -n 1' || echo 'glibc ?'))"
  old_work=$(mktemp -d "$OLD_ROOT/tmp/gongkai-release.XXXXXX")
  cp "$DIST/$BIN_NAME" "$old_work/gongkai"
  mkdir -p "$old_work/assets/samples"
  cp "$SAMPLE" "$old_work/$SAMPLE"
  inside=${old_work#"$OLD_ROOT"}
  chroot "$OLD_ROOT" /bin/sh -c "cd '$inside' && SAMPLE='$SAMPLE' && \
    GONGKAI_HOME=home ./gongkai --version && \
    GONGKAI_HOME=home ./gongkai check \"\$SAMPLE\" && \
    mkdir -p out && GONGKAI_HOME=home ./gongkai export \"\$SAMPLE\" --draft --to docx --to html -o out && ls -l out"
  rm -rf "$old_work"
fi

# ------------------------------------------------------------------ the .deb
step "man pages and completions from the command line's definition"
rm -rf "$PACKAGE_FILES"
cargo run --quiet --locked --example package_files -- "$PACKAGE_FILES"

step "building the .deb"
# xz: the dpkg of UOS 20 and Kylin V10 reads it (zstd it would not).
cargo deb --no-build --locked --strip -Z xz --target "$TARGET" --output "$DIST/"
DEB=$(ls "$DIST"/gongkai_"${VERSION}"*_amd64.deb)
dpkg-deb --field "$DEB" Package Version Architecture Depends
depends=$(dpkg-deb --field "$DEB" Depends)
[ "$depends" = "libc6 (>= $GLIBC)" ] || fail "the .deb depends on '$depends', not libc6 (>= $GLIBC)"
contents=$(dpkg-deb --contents "$DEB")
for path in usr/bin/gongkai usr/share/man/man1/gongkai.1.gz usr/share/man/zh_CN/man1/gongkai.1.gz \
  usr/share/bash-completion/completions/gongkai usr/share/zsh/vendor-completions/_gongkai \
  usr/share/doc/gongkai/README.md usr/share/doc/gongkai/copyright usr/share/doc/gongkai/LICENSE-MIT \
  usr/share/applications/gongkai.desktop usr/lib/gongkai/open-in-terminal; do
  grep -q " \./$path\$" <<<"$contents" || fail "$path missing from $DEB"
done
echo "contents: ok"

if [ -n "${OLD_ROOT:-}" ]; then
  step "the .deb in the older system at OLD_ROOT"
  cp "$DEB" "$OLD_ROOT/tmp/"
  chroot "$OLD_ROOT" /bin/sh -c "dpkg -i '/tmp/$(basename "$DEB")' && gongkai --lang en --version && \
    dpkg -r gongkai && [ ! -e /usr/bin/gongkai ]"
  rm -f "$OLD_ROOT/tmp/$(basename "$DEB")"
fi

step "SHA-256 sums"
(cd "$DIST" && sha256sum "$BIN_NAME" "$(basename "$DEB")" >SHA256SUMS && cat SHA256SUMS)

# ------------------------------------------------------------------ install, run, remove
if [ "${SKIP_INSTALL_CHECK:-}" = 1 ]; then
  step "not installing the .deb here (SKIP_INSTALL_CHECK=1)"
else
  step "installing, running and removing the .deb"
  if [ "$(dpkg-query -W -f '${Status}' gongkai 2>/dev/null || true)" = "install ok installed" ]; then
    fail "gongkai is already installed here: remove it first (dpkg -r gongkai) or set SKIP_INSTALL_CHECK=1"
  fi
  # Whatever fails from here, the package does not stay installed.
  trap 'rm -rf "$scratch"; "${SUDO[@]}" dpkg -r gongkai >/dev/null' EXIT
  "${SUDO[@]}" dpkg -i "$DEB"
  installed_version=$(/usr/bin/gongkai --lang en --version)
  echo "$installed_version"
  case $installed_version in
  "gongkai $VERSION "*) ;;
  *) fail "the installed gongkai says: $installed_version" ;;
  esac
  # Docker images often tell dpkg to leave out man pages (path-exclude in /etc/dpkg/dpkg.cfg.d).
  man -w gongkai >/dev/null 2>&1 ||
    fail "man gongkai finds no page: does /etc/dpkg/dpkg.cfg.d exclude /usr/share/man?"
  man_text=$(MANPAGER=cat MANWIDTH=80 man gongkai 2>/dev/null)
  if ! grep -q 'gongkai' <<<"$man_text" || ! grep -q 'check' <<<"$man_text"; then
    fail "man gongkai does not render"
  fi
  head -n 12 <<<"$man_text"
  zh_text=$(MANPAGER=cat MANWIDTH=80 man -L zh_CN gongkai 2>/dev/null || true)
  if grep -q '年度报告' <<<"$zh_text"; then
    echo "man -L zh_CN gongkai: the Chinese page"
  else
    echo "man -L zh_CN gongkai: no Chinese page shown (the locale may be missing here)"
  fi
  trap 'rm -rf "$scratch"' EXIT
  "${SUDO[@]}" dpkg -r gongkai
  if [ -e /usr/bin/gongkai ]; then fail "/usr/bin/gongkai is still there after dpkg -r"; fi
  echo "installed, ran, removed: ok"
fi

step "done"
for f in "$DIST/$BIN_NAME" "$DEB" "$DIST/SHA256SUMS"; do
  printf '%s  %s bytes\n' "$(realpath "$f")" "$(stat -c %s "$f")"
done
echo "highest GLIBC symbol version of the binary: $highest"
