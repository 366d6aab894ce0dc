#!/bin/bash
# Benchmark of `jit-elevate records report`: generates N activation records (default 100,000; audit's test
# generator, a month of runs with failures and schema 1.1 exposure sections), then times the CLI reading them
# all and writing the HTML report and, separately, --json. Prints a markdown section for BENCHMARKS.md.
# Goal: 100,000 records in under 10 s.
#
# usage: bench/report.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
jar=action-runner/target/jit-elevate.jar
tests=audit/target/test-classes
if [ ! -f "$jar" ] || [ ! -f "$tests/dev/jitelevate/audit/report/GeneratedRecords.class" ]; then
  echo "bench: building the jar and audit's test classes (./mvnw -o -q package -DskipTests)" >&2
  ./mvnw -B -ntp -o -q package -DskipTests -pl action-runner -am
fi
command -v /usr/bin/time >/dev/null || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "bench: writing $count records to $work/records" >&2
generate() {
  java -cp "$tests:$jar" -XX:+UseSerialGC dev.jitelevate.audit.report.GenerateRecords "$work/records" "$count"
}
generate
bytes=$(du -sb "$work/records" | cut -f1)
sync
millis() { date +%s%3N; }
# Wall milliseconds; the process's CPU seconds (user+sys) go to $work/cpu, a figure the shared cores disturb less.
run() {
  local start end
  start=$(millis)
  /usr/bin/time -f '%U %S' -o "$work/time" java -jar "$jar" records report "$work/records" "$@" >"$work/stdout" 2>"$work/stderr"
  end=$(millis)
  awk '{printf "%.1f", $1 + $2}' "$work/time" >"$work/cpu"
  echo $((end - start))
}
html_ms=$(run --out "$work/report.html"); html_cpu=$(cat "$work/cpu")
json_ms=$(run --json); json_cpu=$(cat "$work/cpu")
html_ms2=$(run --out "$work/report.html"); html_cpu2=$(cat "$work/cpu")
read -r l1 l5 l15 _ < /proc/loadavg
best=$(( html_ms < html_ms2 ? html_ms : html_ms2 ))
verdict=$([ "$best" -le 10000 ] && echo met || echo "**missed**")
cat <<MD
## Activation report over 100,000 records (\`bench/report.sh\`)

### $(date -u '+%Y-%m-%d %H:%M UTC') — one run of \`bench/report.sh $count\`

Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.vm.name/ {n=$2} /java.vm.version/ {v=$2} END {print n " " v}'). Load average $l1 $l5 $l15 at the end (other builds share the cores). $count generated records, one file each, $((bytes / 1048576)) MiB on disk (every third with a schema 1.1 exposure section); wall time of the whole CLI process (JVM start included), files in the page cache after generation.

| target | measured | goal | verdict |
|---|---:|---:|---:|
| \`records report DIR --out report.html\`, $count records, wall (first / second run) | $html_ms / $html_ms2 ms | ≤ 10000 ms | $verdict |
| the same, CPU time of the process, user + sys (first / second run) | $html_cpu / $html_cpu2 s | | |
| \`records report DIR --json\`, $count records, wall (CPU) | $json_ms ms ($json_cpu s) | ≤ 10000 ms | $([ "$json_ms" -le 10000 ] && echo met || echo "**missed**") |
| size of the HTML report | $(( $(stat -c %s "$work/report.html") / 1024 )) KiB | | |
MD
