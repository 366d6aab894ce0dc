#!/usr/bin/env bash
# Measures the action image for BENCHMARKS.md: the size it adds on top of its base, how fast
# `jit-elevate --version` starts (as a whole `podman run`, what a job step pays after the pull, and as the JVM
# alone inside one running container, against a plain `java -jar`), and how soon the action's main step makes
# its first request after it starts, with and without the class cache the image build made (an AOT cache on the
# default JDK 25 base), and the same on an image of the same source on a JDK 17 base (its static AppCDS archive),
# side by side, plus the JVM flags' peak memory.
# All medians of RUNS runs measured in one go. Prints Markdown.
#
# The first request: the main step with inputs and a cloud profile whose endpoints are a listener on the
# host's loopback (python3: it stamps each connection's arrival; the container shares the host's network),
# from the moment its entrypoint starts to the arrival of its first connection (the GitHub ID token request);
# the run is stopped there. CPU is the JVM's user+sys at that moment (10 ms ticks).
#
# Usage: scripts/bench-image.sh [RUNS]        (default 9; builds the image from source like the runner simulation when missing)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib/common.sh
source "$here/lib/common.sh"
cd "$here/.."

runs=${1:-9}
BASE_IMAGE=${JIT_BASE_IMAGE:-localhost/jit-elevate-base:trixie-jre25}
BUILD_IMAGE=${JIT_BUILD_IMAGE:-localhost/jit-elevate-build:bookworm-jdk17}
IMAGE=${JIT_SMOKE_IMAGE:-localhost/jit-elevate:smoke}
JRE17_BASE=localhost/jit-elevate-base:bookworm-jre17
JRE17_IMAGE=${IMAGE}-jre17
ensure_podman
ensure_debs time python3
build_image() { # build_image BASE TAG
  pm build --ulimit nofile=1024:1024 --ulimit nproc=4096:4096 --pull=never \
    --build-arg BUILD_IMAGE="$BUILD_IMAGE" --build-arg BASE_IMAGE="$1" -t "$2" . >&2
}
if ! pm image exists "$IMAGE"; then
  "$here/build-base-image.sh" >&2
  "$here/build-base-image.sh" --jdk >&2
  build_image "$BASE_IMAGE" "$IMAGE"
fi
if ! pm image exists "$JRE17_IMAGE"; then
  "$here/build-base-image.sh" --jre17 >&2
  "$here/build-base-image.sh" --jdk >&2
  build_image "$JRE17_BASE" "$JRE17_IMAGE"
fi

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Whole container runs: create, start, JVM, exit, remove.
container_ms() {
  local t0
  for _ in $(seq "$runs"); do
    t0=$(now_ms)
    pm run --rm "${PODMAN_CONTAINER_FLAGS[@]}" --entrypoint /usr/local/bin/jit-elevate "$IMAGE" --version >/dev/null
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

# The main step up to its first request: prints RUNS lines "wall-ms cpu-ms". Arguments: the launcher's CDS
# switch and JIT_ELEVATE_JAVA_OPTS, then optionally the image (default $IMAGE).
first_request_samples() { # first_request_samples CDS(on|off) JAVA_OPTS [IMAGE]
  local dir port listener samples
  dir=$(mktemp -d)
  python3 -c '
import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(16)
open(sys.argv[1] + "/port.tmp", "w").write(str(s.getsockname()[1])); __import__("os").rename(sys.argv[1] + "/port.tmp", sys.argv[1] + "/port")
while True:
    c, _ = s.accept(); t = time.time_ns() // 1000; c.close()
    with open(sys.argv[1] + "/stamps", "a") as f: f.write("%d\n" % t)
' "$dir" &
  listener=$!
  while [[ ! -s $dir/port ]]; do sleep 0.1; done
  port=$(<"$dir/port")
  # Inside: start the step in its own session, wait (bash's read timeout: no extra processes) for the first
  # stamp, read the JVM's CPU ticks, stop the session, and wait until no JVM is left before the next run.
  samples=$(pm run --rm "${PODMAN_CONTAINER_FLAGS[@]}" --network host -v "$dir:/w" -e "JIT_ELEVATE_CDS=$1" \
    -e "JIT_ELEVATE_JAVA_OPTS=$2" -e "CDS_TRAINING_ENDPOINT=https://127.0.0.1:$port" --entrypoint /bin/bash "${3:-$IMAGE}" -c '
      mkfifo /tmp/tick && exec 9<>/tmp/tick
      tck=$(getconf CLK_TCK)
      java_pid() { local c; for c in /proc/[0-9]*/comm; do [[ $(<"$c") == java ]] 2>/dev/null && { echo "${c//[^0-9]/}"; return; }; done; }
      # The whole session (timeout(1) moves the JVM into a process group of its own).
      kill_session() { local p s g; for p in /proc/[0-9]*/stat; do s=$(<"$p") 2>/dev/null || continue; read -ra g <<<"${s##*) }"
        [[ ${g[3]} == "$1" ]] && kill -KILL "${p//[^0-9]/}" 2>/dev/null; done; }
      for i in $(seq '"$runs"'); do
        : >/w/stamps
        t0=${EPOCHREALTIME/./}
        setsid /usr/local/bin/cds-training 2>/dev/null & pid=$!; disown "$pid"
        until [[ -s /w/stamps ]]; do read -t 0.005 -u 9 || true; done
        jp=$(java_pid); stat=$(<"/proc/$jp/stat"); read -ra f <<<"${stat##*) }"
        kill_session "$pid"
        while [[ -n $(java_pid) ]]; do read -t 0.01 -u 9 || true; done
        read -r t1 </w/stamps
        echo "$(((t1 - t0) / 1000)) $(((f[11] + f[12]) * 1000 / tck))"
      done')
  kill "$listener"
  rm -rf "$dir"
  echo "$samples"
}
# Samples on stdin: prints "median-wall-ms median-cpu-ms".
medians() {
  local samples
  samples=$(cat)
  echo "$(awk 'NF { print $1 }' <<<"$samples" | median) $(awk 'NF { print $2 }' <<<"$samples" | median)"
}

size_of() { pm image inspect --format '{{.Size}}' "$1"; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
# What an image holds, read in one container, one line each: the jar's size; the class cache the image build
# made beside it (an AOT cache on JDK 25+, a static CDS archive on JDK 17) and its size; the runtime's version.
image_facts() { # image_facts IMAGE
  pm run --rm "${PODMAN_CONTAINER_FLAGS[@]}" --entrypoint /bin/sh "$1" -c '
    stat -c %s /opt/jit-elevate/jit-elevate.jar
    if [ -s /opt/jit-elevate/jit-elevate.aot ]; then f=/opt/jit-elevate/jit-elevate.aot; else f=/opt/jit-elevate/jit-elevate.jsa; fi
    echo "$f"; stat -c %s "$f"
    java -version 2>&1 | head -n 1'
}

base=$(size_of "$BASE_IMAGE")
image=$(size_of "$IMAGE")
{ read -r jar; read -r cache_file; read -r cache; read -r runtime; } < <(image_facts "$IMAGE")
case $cache_file in
  *.aot) cache_flags="-XX:AOTCache=$cache_file -Xlog:aot=off" ;;
  *) cache_flags="-XX:SharedArchiveFile=$cache_file -Xlog:cds=off" ;;
esac
runtime17=$(image_facts "$JRE17_IMAGE" | tail -n 1)

whole_run=$(container_ms)
# The launcher runs --version without the archive (mapping it costs more than the ~50 classes it saves);
# the second row forces the image's archive onto it, the third is a plain `java -jar` (G1, both JITs).
jvm_launcher=$(jvm_ms on "" /usr/local/bin/jit-elevate)
jvm_forced=$(jvm_ms on "$cache_flags" /usr/local/bin/jit-elevate)
jvm_plain=$(jvm_ms on "" "java -jar /opt/jit-elevate/jit-elevate.jar")
# The two images in turn, twice, so that a slow spell of the machine does not land on one of them only; each
# figure is the median of all its runs.
action_cds= action_17=
for _ in 1 2; do
  action_cds+="$(first_request_samples on "")"$'\n'
  action_17+="$(first_request_samples on "" "$JRE17_IMAGE")"$'\n'
done
action_cds=$(medians <<<"$action_cds")
action_17=$(medians <<<"$action_17")
action_nocds=$(first_request_samples off "" | medians)

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
image \`$IMAGE\` on \`$BASE_IMAGE\` ($runtime); the comparison image \`$JRE17_IMAGE\`, the same source on
\`$JRE17_BASE\` ($runtime17); medians of $runs runs each (the first-request rows of both images: of $((2 * runs)),
measured in turns), measured in one go by \`scripts/bench-image.sh $runs\`.

| size | MiB |
|---|---:|
| base image (\`$BASE_IMAGE\`: Debian minbase + the JRE) | $(mib "$base") |
| **added by the action image** | **$(mib $((image - base)))** |
| of which the shaded jar | $(mib "$jar") |
| of which the class cache (\`${cache_file##*/}\`) | $(mib "$cache") |

| \`jit-elevate --version\` | median ms |
|---|---:|
| \`podman run\` of the image (create, start, JVM, exit, remove) | $whole_run |

| \`jit-elevate --version\`, the JVM alone inside one container | median wall ms | median CPU ms (user+sys) |
|---|---:|---:|
| the launcher (its flags, no archive for \`--version\`) | ${jvm_launcher% *} | ${jvm_launcher#* } |
| the launcher with the image's class cache forced on | ${jvm_forced% *} | ${jvm_forced#* } |
| plain \`java -jar\` (G1, C2, default stacks, no archive) | ${jvm_plain% *} | ${jvm_plain#* } |

| the action's main step, from its start to its first request, inside one container | median wall ms | median JVM CPU ms (user+sys) |
|---|---:|---:|
| **the image**: launcher flags + its class cache (\`${cache_file##*/}\`) | **${action_cds% *}** | ${action_cds#* } |
| the image, no cache (\`JIT_ELEVATE_CDS=off\`) | ${action_nocds% *} | ${action_nocds#* } |
| the same source on JDK 17 (\`$JRE17_IMAGE\`): launcher flags + its static AppCDS archive | ${action_17% *} | ${action_17#* } |
| ratio, the image / JDK 17's | $(awk -v a="${action_cds% *}" -v b="${action_17% *}" 'BEGIN { printf "%.2f", a / b }') | $(awk -v a="${action_cds#* }" -v b="${action_17#* }" 'BEGIN { printf "%.2f", a / b }') |

| peak RSS of \`--version\` (host JVM $(java -version 2>&1 | awk -F'"' '/version/ { print $2 }'), same jar) | MiB |
|---|---:|
| \`-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k\` | $(mib $((rss_flags * 1024))) |
| plain \`java -jar\` | $(mib $((rss_plain * 1024))) |
EOF
