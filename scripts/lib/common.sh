# Shared helpers for the scripts in scripts/ (sourced, not executed).
# shellcheck shell=bash

# A clear stage header, so a CI log can be scanned by eye.
section() {
  printf '\n==== %s ====\n' "$*"
}

die() {
  printf 'ERROR: %s\n' "$*" >&2
  exit 1
}

# Installs Debian packages that are missing, running `apt-get update` at most once per machine boot
# (CI starts from a fresh machine with only JDK 17 and Maven).
ensure_debs() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if ((${#missing[@]} == 0)); then
    return 0
  fi
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    sudo=(sudo)
  fi
  local stamp=/tmp/.jit-elevate-apt-updated
  if [[ ! -e $stamp ]]; then
    echo "apt-get update (once)"
    "${sudo[@]}" apt-get update -q >/dev/null
    touch "$stamp"
  fi
  echo "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

# podman as it must be invoked on these machines. The sandbox forbids raising resource limits, so every
# container gets explicit, modest rlimits; crun is not packaged for the runtime we need, so runc is used.
# JIT_PODMAN_STORAGE_DRIVER=vfs switches the storage driver where overlay does not work.
PODMAN_CONTAINER_FLAGS=(--runtime runc --ulimit nofile=1024:1024 --ulimit nproc=4096:4096)

pm() {
  local global=()
  if [[ -n ${JIT_PODMAN_STORAGE_DRIVER:-} ]]; then
    global+=(--storage-driver "$JIT_PODMAN_STORAGE_DRIVER")
  fi
  podman "${global[@]}" "$@"
}

ensure_podman() {
  ensure_debs podman runc uidmap
}
