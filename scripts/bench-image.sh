#!/usr/bin/env bash
# Measures the action image for BENCHMARKS.md: the size it adds on top of its base, and how fast
# `jit-elevate --version` and the action's main step (up to its first network call) start — as a whole
# `podman run` (what a job step pays after the pull) and as the JVM alone inside one running container —
# with and without the AppCDS archive, plus the JVM flags' effect on time and peak memory. All medians of RUNS runs measured in one go. Prints Markdown.
#
# Usage: scripts/bench-image.sh [RUNS]        (default 9; builds the image from source like the runner simulation when missing)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib/common.sh
source "$here/lib/common.sh"
cd "$here/.."

runs=${1:-9}
BASE_IMAGE=${JIT_BASE_IMAGE:-localhost/jit-elevate-base:bookworm-jre17}
BUILD_IMAGE=${JIT_BUILD_IMAGE:-localhost/jit-elevate-build:bookworm-jdk17}
IMAGE=${JIT_SMOKE_IMAGE:-localhost/jit-elevate:smoke}
ensure_podman
ensure_debs time
if ! pm image exists "$IMAGE"; then
  "$here/build-base-image.sh" >&2
  "$here/build-base-image.sh" --jdk >&2
  pm build --ulimit nofile=1024:1024 --ulimit nproc=4096:4096 --pull=never \
    --build-arg BUILD_IMAGE="$BUILD_IMAGE" --build-arg BASE_IMAGE="$BASE_IMAGE" -t "$IMAGE" . >&2
fi

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Whole container runs: create, start, JVM, exit, remove.
container_ms() { # container_ms CDS(on|off)
  local t0
  for _ in $(seq "$runs"); do
    t0=$(now_ms)
    pm run --rm "${PODMAN_CONTAINER_FLAGS[@]}" -e "JIT_ELEVATE_CDS=$1" --entrypoint /usr/local/bin/jit-elevate \
      "$IMAGE" --version >/dev/null
    echo $(($(now_ms) - t0))
  done | median
}

# The JVM alone: RUNS invocations inside one container, timed there by bash, so container start-up is
# excluded. Prints "median-wall-ms median-cpu-ms" (cpu = user + sys: less sensitive to a busy machine).
# Arguments: the launcher's CDS switch, JIT_ELEVATE_JAVA_OPTS, and the command that starts the JVM.
jvm_ms() { # jvm_ms CDS JAVA_OPTS LAUNCHER_CMD
  local samples
  samples=$(pm run --rm "${PODMAN_CONTAINER_FLAGS[@]}" -e "JIT_ELEVATE_CDS=$1" -e "JIT_ELEVATE_JAVA_OPTS=$2" \
    --entrypoint /bin/bash "$IMAGE" -c '
      TIMEFORMAT="%R %U %S"
      for i in $(seq '"$runs"'); do { time '"$3"' --version >/dev/null 2>&1; } 2>&1; done')
  echo "$(awk '{ print int($1 * 1000) }' <<<"$samples" | median) $(awk '{ print int(($2 + $3) * 1000) }' <<<"$samples" | median)"
}

size_of() { pm image inspect --format '{{.Size}}' "$1"; }
in_image_size() { pm run --rm "${PODMAN_CONTAINER_FLAGS[@]}" --entrypoint /bin/sh "$IMAGE" -c "stat -c %s $1"; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

base=$(size_of "$BASE_IMAGE")
image=$(size_of "$IMAGE")
jar=$(in_image_size /opt/jit-elevate/jit-elevate.jar)
jsa=$(in_image_size /opt/jit-elevate/jit-elevate.jsa)

with_cds=$(container_ms on)
without_cds=$(container_ms off)
jvm_cds=$(jvm_ms on "" /usr/local/bin/jit-elevate)
jvm_nocds=$(jvm_ms off "" /usr/local/bin/jit-elevate)
# The launcher's flags against a plain `java -jar` (G1, both JITs, default stacks); CDS on in both.
plain="java -XX:SharedArchiveFile=/opt/jit-elevate/jit-elevate.jsa -jar /opt/jit-elevate/jit-elevate.jar"
jvm_plain=$(jvm_ms on "" "$plain")
# The main step up to its first network call (scripts/container/cds-training, the archive's training run).
action_cds=$(jvm_ms on "" /usr/local/bin/cds-training)
action_nocds=$(jvm_ms off "" /usr/local/bin/cds-training)

# Peak RSS on the host's JVM (the base image has no GNU time), same jar and flags.
host_jar=action-runner/target/jit-elevate.jar
rss() { /usr/bin/time -f '%M' "$@" --version 2>&1 >/dev/null | tail -1; }
rss_flags=$(for _ in $(seq "$runs"); do rss java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -jar "$host_jar"; done | median)
rss_plain=$(for _ in $(seq "$runs"); do rss java -jar "$host_jar"; done | median)

load=$(cut -d' ' -f1-3 /proc/loadavg)
cat <<EOF
Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(awk '/MemTotal/ { printf "%d GiB", $2 / 1048576 }' /proc/meminfo),
$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); podman $(podman --version | awk '{ print $3 }') with runc;
load average at the end $load (other builds share the machine: CPU times are the steadier figure);
image \`$IMAGE\` on \`$BASE_IMAGE\`; medians of $runs runs each, measured in one go by \`scripts/bench-image.sh $runs\`.

| size | MiB |
|---|---:|
| base image (Debian bookworm minbase + openjdk-17-jre-headless) | $(mib "$base") |
| **added by the action image** | **$(mib $((image - base)))** |
| of which the shaded jar | $(mib "$jar") |
| of which the AppCDS archive | $(mib "$jsa") |

| \`jit-elevate --version\` | median ms |
|---|---:|
| \`podman run\` of the image, with AppCDS | $with_cds |
| \`podman run\` of the image, without AppCDS (\`JIT_ELEVATE_CDS=off\`) | $without_cds |

| \`jit-elevate --version\`, the JVM alone inside one container | median wall ms | median CPU ms (user+sys) |
|---|---:|---:|
| launcher flags + AppCDS | ${jvm_cds% *} | ${jvm_cds#* } |
| launcher flags, no AppCDS | ${jvm_nocds% *} | ${jvm_nocds#* } |
| plain \`java -jar\` + AppCDS (G1, C2, default stacks) | ${jvm_plain% *} | ${jvm_plain#* } |

| \`jit-elevate action\` up to its first network call (offline), inside one container | median wall ms | median CPU ms (user+sys) |
|---|---:|---:|
| launcher flags + AppCDS | ${action_cds% *} | ${action_cds#* } |
| launcher flags, no AppCDS | ${action_nocds% *} | ${action_nocds#* } |

| peak RSS of \`--version\` (host JVM $(java -version 2>&1 | awk -F'"' '/version/ { print $2 }'), same jar) | MiB |
|---|---:|
| \`-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k\` | $(mib $((rss_flags * 1024))) |
| plain \`java -jar\` | $(mib $((rss_plain * 1024))) |
EOF
