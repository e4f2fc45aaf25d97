#!/usr/bin/env bash
# Shared helpers for tools/*. Source it; it defines functions only.
#   ensure_packages PKG...  installs the Debian packages that are missing.
#   STRATA_BUILD_PACKAGES   what building and testing Strata needs.
#   STRATA_FUZZ_PACKAGES    what tools/fuzz needs on top.

# shellcheck disable=SC2034  # used by the scripts that source this file
STRATA_BUILD_PACKAGES=(
  g++ cmake ninja-build pkg-config
  libyaml-cpp-dev libyaml-dev libpugixml-dev libpq-dev libfmt-dev
  libgtest-dev libgmock-dev libsqlite3-dev libcli11-dev libssl-dev
)
# What tools/fuzz needs on top: clang and its libFuzzer/ASan/UBSan runtimes.
STRATA_FUZZ_PACKAGES=(clang libclang-rt-14-dev)

export DEBIAN_FRONTEND=noninteractive

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs "$@" as root: directly when we are root, through sudo otherwise.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root to run '$*' (not root and no sudo)"
  fi
}

# True when the Debian package is installed (not just known or half-removed).
package_installed() {
  local status
  status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
  [[ $status == "install ok installed" ]]
}

# Installs whichever of the named packages are missing. Quick and silent when
# all are present; runs apt-get update only when something must be installed.
ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    package_installed "$pkg" || missing+=("$pkg")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    return 0
  fi
  command -v apt-get >/dev/null 2>&1 ||
    die "missing packages (${missing[*]}) and no apt-get to install them"
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The repository root (the folder above tools/).
repo_root() {
  local here
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  printf '%s\n' "$here"
}
