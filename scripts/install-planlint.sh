#!/usr/bin/env bash
# Installs planlint for the GitHub Action (action.yml's "Install planlint"
# step): the release archive for the runner's platform, checked against its
# SHA-256 checksum and kept in the runner's tool cache; planlint is built
# with cargo only when there is no release to download.
#
# Environment (all optional):
#   PLANLINT_VERSION        the release to install: 0.1.0 or v0.1.0; "source"
#                           builds the action's checkout with cargo; empty:
#                           the action's own ref when it is a release tag
#                           (vX.Y.Z), else "source"
#   PLANLINT_ACTION_REF     the ref the action was used at (github.action_ref)
#   PLANLINT_SOURCE_DIR     the checkout cargo builds (default: this script's
#                           repository, i.e. $GITHUB_ACTION_PATH)
#   PLANLINT_DOWNLOAD_BASE  where releases are, as <base>/v<version>/<archive>
#                           (default: GitHub Releases; https:// or file://)
#   PLANLINT_TARGET         the archive's target triple (default: the runner's
#                           platform; musl on Linux, which runs anywhere)
#   RUNNER_TOOL_CACHE       the tool cache (default: ~/.cache/planlint-tools)
#   GITHUB_PATH, GITHUB_OUTPUT   set by the runner: planlint's folder is added
#                           to PATH, and the outputs version and path are set
set -euo pipefail

repository_url="https://github.com/planlint/planlint"
base="${PLANLINT_DOWNLOAD_BASE:-$repository_url/releases/download}"
base="${base%/}"
script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_dir="${PLANLINT_SOURCE_DIR:-$(dirname "$script_dir")}"

fail() {
  echo "::error title=planlint install::$*"
  exit 1
}
note() { echo "planlint install: $*"; }

# A Windows path (C:\...) from the runner, as Git Bash spells it.
unix_path() {
  if command -v cygpath > /dev/null 2>&1; then cygpath -u "$1"; else printf '%s\n' "$1"; fi
}
native_path() {
  if command -v cygpath > /dev/null 2>&1; then cygpath -w "$1"; else printf '%s\n' "$1"; fi
}

publish() { # DIR VERSION: puts DIR on PATH for the next steps, sets the outputs
  local dir=$1 version=$2
  export PATH="$dir:$PATH"
  if [ -n "${GITHUB_PATH:-}" ]; then native_path "$dir" >> "$GITHUB_PATH"; fi
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    { echo "version=$version"; echo "path=$(native_path "$dir")"; } >> "$GITHUB_OUTPUT"
  fi
  "$dir/planlint$exe" --version
}

# --- which planlint ----------------------------------------------------------
version="${PLANLINT_VERSION:-}"
version="${version#v}"
requested=input
semver='^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$'
if [ -z "$version" ]; then
  ref="${PLANLINT_ACTION_REF:-${GITHUB_ACTION_REF:-}}"
  requested=ref
  if [[ "${ref#v}" =~ $semver ]] && [[ "$ref" == v* ]]; then
    version="${ref#v}"
  else
    version=source
  fi
fi
if [ "$version" != source ] && ! [[ "$version" =~ $semver ]]; then
  fail "version '$version' is not a release (X.Y.Z) or 'source'"
fi

# --- which platform ----------------------------------------------------------
os="${RUNNER_OS:-$(uname -s)}"
arch="${RUNNER_ARCH:-$(uname -m)}"
exe=""
case "$os" in
  Windows | MINGW* | MSYS* | CYGWIN*) exe=".exe" ;;
esac
if [ -n "${PLANLINT_TARGET:-}" ]; then
  target="$PLANLINT_TARGET"
else
  case "$os/$arch" in
    Linux/X64 | Linux/x86_64) target=x86_64-unknown-linux-musl ;;
    Linux/ARM64 | Linux/aarch64 | Linux/arm64) target=aarch64-unknown-linux-musl ;;
    macOS/X64 | Darwin/x86_64) target=x86_64-apple-darwin ;;
    macOS/ARM64 | Darwin/arm64 | Darwin/aarch64) target=aarch64-apple-darwin ;;
    # Windows on Arm runs the x64 build.
    Windows/* | MINGW*/* | MSYS*/* | CYGWIN*/*) target=x86_64-pc-windows-msvc ;;
    *) target="" ;;
  esac
fi
case "$target" in
  *windows*) archive="planlint-$target.zip" exe=".exe" ;;
  *) archive="planlint-$target.tar.xz" ;;
esac

# --- from source: only when there is no release to download -----------------
build_from_source() { # REASON
  note "$1: building planlint from $source_dir with cargo (a few minutes)"
  command -v cargo > /dev/null 2>&1 || fail "$1, and cargo is not installed to build planlint from source"
  [ -f "$source_dir/Cargo.toml" ] || fail "$1, and $source_dir has no Cargo.toml to build from"
  local root
  root="$(unix_path "${RUNNER_TEMP:-${TMPDIR:-/tmp}}")/planlint-source"
  cargo install --locked --quiet --path "$source_dir" --root "$root"
  publish "$root/bin" "$(sed -n 's/^version = "\(.*\)"$/\1/p' "$source_dir/Cargo.toml" | head -n 1)"
  exit 0
}
if [ "$version" = source ]; then
  build_from_source "the action's ref '${PLANLINT_ACTION_REF:-}' is not a release tag (set the version input to download a release)"
fi
[ -n "$target" ] || build_from_source "no release archive for $os/$arch"

# --- the tool cache -----------------------------------------------------------
cache_root="$(unix_path "${RUNNER_TOOL_CACHE:-$HOME/.cache/planlint-tools}")"
cache_dir="$cache_root/planlint/$version/$target"
if [ -f "$cache_dir.complete" ] && [ -x "$cache_dir/planlint$exe" ]; then
  note "planlint $version ($target) from the tool cache"
  publish "$cache_dir" "$version"
  exit 0
fi

# --- download, verify, unpack ---------------------------------------------------
command -v curl > /dev/null 2>&1 || fail "curl is needed to download planlint"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
url="$base/v$version/$archive"
download() { # URL FILE -> 0, or 1 when the file does not exist
  curl --proto '=https,file' --proto-redir '=https' --fail --silent --show-error --location \
    --retry 3 --retry-connrefused --connect-timeout 20 --output "$2" "$1" 2> "$work/curl.err"
}
note "downloading $url"
if ! download "$url" "$work/$archive"; then
  # 404 (GitHub) or 37 (a missing file:// file): this release has no such archive.
  # Only the action's own ref falls back to its checkout: a version asked
  # for by the input is that version or nothing.
  if [ "$requested" = ref ] && grep -qE 'error: 404|\(37\)' "$work/curl.err"; then
    build_from_source "$url does not exist ($(tr -d '\n' < "$work/curl.err"))"
  fi
  fail "could not download $url: $(cat "$work/curl.err")"
fi
download "$url.sha256" "$work/$archive.sha256" || fail "could not download the checksum $url.sha256: $(cat "$work/curl.err")"

expected="$(tr -d '\r' < "$work/$archive.sha256" | awk 'NR == 1 { print tolower($1) }')"
[[ "$expected" =~ ^[0-9a-f]{64}$ ]] || fail "$url.sha256 holds no SHA-256 checksum"
if command -v sha256sum > /dev/null 2>&1; then
  actual="$(sha256sum "$work/$archive" | awk '{ print $1 }')"
else
  actual="$(shasum -a 256 "$work/$archive" | awk '{ print $1 }')"
fi
if [ "$actual" != "$expected" ]; then
  fail "checksum mismatch for $archive: expected $expected, got $actual; the archive was not installed"
fi
note "checksum ok (sha256 $actual)"

mkdir -p "$work/unpacked"
case "$archive" in
  *.zip)
    if command -v unzip > /dev/null 2>&1; then
      unzip -q "$work/$archive" -d "$work/unpacked"
    else
      powershell -NoProfile -Command "Expand-Archive -LiteralPath '$(native_path "$work/$archive")' -DestinationPath '$(native_path "$work/unpacked")'"
    fi
    ;;
  *) tar -xJf "$work/$archive" -C "$work/unpacked" ;;
esac
# dist's archives hold planlint-TARGET/planlint; accept the binary at the top too.
binary="$(find "$work/unpacked" -maxdepth 2 -type f -name "planlint$exe" | head -n 1)"
[ -n "$binary" ] || fail "$archive holds no planlint$exe"

rm -rf "$cache_dir" "$cache_dir.complete"
mkdir -p "$cache_dir"
cp "$binary" "$cache_dir/planlint$exe"
chmod 755 "$cache_dir/planlint$exe"
for extra in LICENSE-MIT LICENSE-APACHE README.md; do
  if [ -f "$(dirname "$binary")/$extra" ]; then cp "$(dirname "$binary")/$extra" "$cache_dir/"; fi
done
: > "$cache_dir.complete"
note "planlint $version ($target) installed in $cache_dir"
publish "$cache_dir" "$version"
