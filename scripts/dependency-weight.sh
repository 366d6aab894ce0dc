#!/usr/bin/env bash
# Measures what a consumer pulls with one of our artifacts: the runtime classpath Maven resolves for the
# module (its own classes plus every transitive runtime/compile dependency), as jars, MiB and classes.
#   scripts/dependency-weight.sh core            # one line: module  jars  MiB  classes  graph-sdk-classes
# Runs offline against ~/.m2 (packages the module and what it needs first); prints nothing else on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
module=${1:?usage: scripts/dependency-weight.sh MODULE (e.g. core, graph)}
[[ -f $module/pom.xml ]] || { echo "no module '$module' here (expected $module/pom.xml)" >&2; exit 2; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
./mvnw -B -q -ntp -o -pl "$module" -am package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$out" -Dmdep.appendOutput=true >/dev/null
# -am writes the upstream modules' classpaths too: the last module's line is the consumer's view, but the
# reactor modules it depends on appear there as target/classes directories, counted below as their classes.
cp_line=$(tail -n 1 "$out")
jars=0 bytes=0 classes=0 graph=0
IFS=: read -ra entries <<<"$cp_line"
own="$module/target/classes"
for entry in "$own" "${entries[@]}"; do
  if [[ -d $entry ]]; then
    jars=$((jars + 1))
    n=$(find "$entry" -name '*.class' | wc -l)
    classes=$((classes + n))
    bytes=$((bytes + $(du -sb "$entry" | cut -f1)))
  elif [[ -f $entry ]]; then
    jars=$((jars + 1))
    bytes=$((bytes + $(stat -c %s "$entry")))
    listing=$(jar tf "$entry" 2>/dev/null || true)
    classes=$((classes + $(grep -c '\.class$' <<<"$listing" || true)))
    if [[ $(basename "$entry") =~ ^microsoft-graph ]]; then
      graph=$((graph + $(grep -c '\.class$' <<<"$listing" || true)))
    fi
  fi
done
awk -v m="$module" -v j="$jars" -v b="$bytes" -v c="$classes" -v g="$graph" \
  'BEGIN { printf "%-10s jars=%d MiB=%.1f classes=%d graph-sdk-classes=%d\n", m, j, b / 1048576, c, g }'
