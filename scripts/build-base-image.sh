#!/usr/bin/env bash
# Builds the action's base images offline from Debian's packages, without any container registry:
# a Debian rootfs (debootstrap --variant=minbase) plus a JDK package, trimmed, and imported with
# `podman import`:
#   (default)  Debian trixie + openjdk-25-jre-headless as localhost/jit-elevate-base:trixie-jre25 (the
#              Dockerfile's BASE_IMAGE: the action runs on JDK 25 for its AOT cache, BENCHMARKS.md)
#   --jdk      Debian bookworm + openjdk-17-jdk-headless as localhost/jit-elevate-build:bookworm-jdk17 (its
#              BUILD_IMAGE: the Maven build stage, on the JDK the project targets)
#   --jre17    Debian bookworm + openjdk-17-jre-headless as localhost/jit-elevate-base:bookworm-jre17 (the
#              image on the JDK the project targets, for comparison)
#
# Idempotent and cached: it does nothing when the image already exists (pass --force to rebuild).
# Installs debootstrap and podman with apt-get when they are missing.
#
# Usage: scripts/build-base-image.sh [--jdk|--jre17] [--force]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib/common.sh
source "$here/lib/common.sh"

force=false
kind=jre25
for arg in "$@"; do
  case $arg in
    --force) force=true ;;
    --jdk) kind=jdk17 ;;
    --jre17) kind=jre17 ;;
    *) die "unknown argument '$arg'; usage: scripts/build-base-image.sh [--jdk|--jre17] [--force]" ;;
  esac
done
case $kind in
  jdk17)
    SUITE=bookworm
    IMAGE=${JIT_BUILD_IMAGE:-localhost/jit-elevate-build:bookworm-jdk17}
    JAVA_PACKAGE="openjdk-17-jdk-headless curl"  # curl: ./mvnw downloads Maven with it
    JAVA_HOME_IN=/usr/lib/jvm/java-17-openjdk-amd64 ;;
  jre17)
    SUITE=bookworm
    IMAGE=localhost/jit-elevate-base:bookworm-jre17
    JAVA_PACKAGE=openjdk-17-jre-headless
    JAVA_HOME_IN=/usr/lib/jvm/java-17-openjdk-amd64 ;;
  jre25)
    SUITE=trixie
    IMAGE=${JIT_BASE_IMAGE:-localhost/jit-elevate-base:trixie-jre25}
    JAVA_PACKAGE=openjdk-25-jre-headless
    JAVA_HOME_IN=/usr/lib/jvm/java-25-openjdk-amd64 ;;
esac

ensure_podman
ensure_debs debootstrap debian-archive-keyring ca-certificates  # the keyring: on Ubuntu CI hosts too

if ! $force && pm image exists "$IMAGE"; then
  echo "base image $IMAGE exists; nothing to do (--force rebuilds it)"
  exit 0
fi

# The Debian mirror this machine's apt already uses, so the rootfs comes from the same place as every
# other package here; debootstrap's default mirror when none is configured.
debian_mirror() {
  local uri
  uri=$(awk -v suite="$SUITE" '
    /^URIs:/ { uris = $2 }
    /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == suite) { print uris; exit } }
  ' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  if [[ -z $uri && -r /etc/apt/sources.list ]]; then
    uri=$(awk -v suite="$SUITE" '$1 == "deb" && $3 == suite { print $2; exit }' /etc/apt/sources.list)
  fi
  printf '%s' "$uri"
}

work=$(mktemp -d /var/tmp/jit-elevate-base.XXXXXX)
rootfs=$work/rootfs
cleanup() {
  mountpoint -q "$rootfs/proc" 2>/dev/null && umount "$rootfs/proc" || true
  rm -rf "$work"
}
trap cleanup EXIT

mirror=$(debian_mirror)
section "debootstrap $SUITE (minbase) from ${mirror:-the default mirror}"
started=$SECONDS
# trixie's packages require the merged /usr layout; bookworm's images keep the split one they always had.
merged_usr=--no-merged-usr
[[ $SUITE == bookworm ]] || merged_usr=--merged-usr
debootstrap --variant=minbase "$merged_usr" "$SUITE" "$rootfs" ${mirror:+"$mirror"} >"$work/debootstrap.log" 2>&1 \
  || { tail -30 "$work/debootstrap.log" >&2; die "debootstrap failed (log above)"; }

section "install $JAVA_PACKAGE"
# The JRE's maintainer scripts run java (ca-certificates-java), which needs /proc.
mount -t proc proc "$rootfs/proc"
cat >"$rootfs/usr/sbin/policy-rc.d" <<'POLICY'
#!/bin/sh
exit 101
POLICY
chmod +x "$rootfs/usr/sbin/policy-rc.d"
cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
# Trust what this machine trusts: CAs added here locally (e.g. a TLS-inspecting egress proxy) go into the image's
# store before the JDK's ca-certificates-java builds its cacerts, so ./mvnw in the build stage reaches Maven
# Central the way the host does. Nothing is added on a machine without local CAs.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  mkdir -p "$rootfs/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$rootfs/usr/local/share/ca-certificates/"
fi
chroot "$rootfs" /usr/bin/env DEBIAN_FRONTEND=noninteractive LC_ALL=C \
  sh -c "apt-get update -q && apt-get install -y -q --no-install-recommends $JAVA_PACKAGE" \
  >"$work/apt.log" 2>&1 || { tail -30 "$work/apt.log" >&2; die "installing the JRE in the rootfs failed (log above)"; }
chroot "$rootfs" java -version 2>&1 | sed 's/^/  /'
umount "$rootfs/proc"

section "trim the rootfs"
before=$(du -sm "$rootfs" | cut -f1)
rm -f "$rootfs/usr/sbin/policy-rc.d" "$rootfs/etc/resolv.conf"
chroot "$rootfs" apt-get clean
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/var/cache/debconf/*-old \
  "$rootfs"/var/log/* "$rootfs"/tmp/* "$rootfs"/var/tmp/* \
  "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
  "$rootfs"/usr/share/lintian "$rootfs"/usr/share/linda "$rootfs"/usr/share/bug \
  "$rootfs"/usr/share/common-licenses
# Keep only the C/English locale data (the JVM runs with LANG=C.UTF-8).
find "$rootfs/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name 'en' ! -name 'locale.alias' -exec rm -rf {} +
# Keep copyright files out too but leave a pointer to where they are (Debian's packages, by name).
mkdir -p "$rootfs/usr/share/doc"
chroot "$rootfs" dpkg-query -W -f='${Package} ${Version}\n' >"$rootfs/usr/share/doc/PACKAGES"
after=$(du -sm "$rootfs" | cut -f1)
echo "rootfs: ${before} MiB -> ${after} MiB"

section "podman import $IMAGE"
tar -C "$rootfs" --numeric-owner -cf "$work/rootfs.tar" .
pm import \
  --change 'ENV LANG=C.UTF-8' \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change "ENV JAVA_HOME=$JAVA_HOME_IN" \
  --change 'CMD ["/bin/bash"]' \
  --message "Debian $SUITE minbase + $JAVA_PACKAGE, built by scripts/build-base-image.sh" \
  "$work/rootfs.tar" "$IMAGE" >/dev/null
pm image ls "$IMAGE"
echo "built $IMAGE in $((SECONDS - started)) s"
