#!/bin/bash
# Benchmarks of jit-elevate against the embedded emulator: cold start, one elevation end to end, detection
# lag and poll rate, 100 concurrent elevations and 20 concurrent CLI processes under a 20 rps throttle,
# footprint, and the az rest baseline side by side. Prints a markdown section and writes it into
# BENCHMARKS.md (--no-write: print only). About 5-8 minutes on 2 busy cores.
#
# usage: bench/run.sh [--runs N] [--no-write] [--only version,demo,cli,jvm,scale-cli [--plain-java | --bare]]
# (--only: a focused subset for iterating, printed and not written; the CLI runs as the README's launcher,
# action-runner/target/jit-elevate, or with --plain-java as `java -jar`; with --bare the elevation parts run
# BareElevation instead, the same requests made by the SDKs alone, started by the same launcher)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=action-runner/target/jit-elevate.jar
demo=action-runner/target/jit-elevate-demo.jar
bench=bench/target/jit-elevate-bench-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ] || [ ! -f "$demo" ] || [ ! -x action-runner/target/jit-elevate ] || [ ! -f "$bench" ]; then
  echo "bench: building the jars (./mvnw -o -q package -DskipTests)" >&2
  ./mvnw -B -ntp -o -q package -DskipTests -pl action-runner,bench -am
fi
for tool in az curl jq /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install azure-cli curl jq time)" >&2; exit 2; }
done
# The bench's own JVM embeds the emulator: the production jar plus the demo's jar (emulator, WireMock).
# BENCH_JAVA_OPTS goes to that JVM only, e.g. -Dbench.latency=100 (every request answered 100 ms late).
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:-} -cp "$bench:$jar:$demo" dev.jitelevate.bench.Bench "$jar" BENCHMARKS.md bench/az-rest-baseline.sh "$@"
