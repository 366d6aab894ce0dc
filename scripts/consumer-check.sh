#!/usr/bin/env bash
# The consumer build: installs the libraries into a private local repository (target/consumer-check/repository,
# seeded from ~/.m2 by hard links so nothing is downloaded twice and ~/.m2 is never written), then builds
# consumer-check/ from a copy outside the source tree's layout, as a Java user would: by coordinates only, with
# the versions from jit-elevate-bom. It runs examples/java-library's ElevateAndRotateIT against the emulator
# (elevate, rotate, revoke, record), proving the installed POMs resolve and the example works.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$PWD/target/consumer-check
repo=$work/repository
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)

rm -rf "$work"
mkdir -p "$work"
if [[ -d $HOME/.m2/repository ]]; then
  cp -al "$HOME/.m2/repository" "$repo"
  rm -rf "$repo/dev/jitelevate"   # only links: ours must come from this install, not an older one
fi

echo "consumer-check: installing jit-elevate $version into $repo"
./mvnw -B -ntp -q install -Dmaven.repo.local="$repo" -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
  -pl bom,emulator,core,graph,audit,examples/java-library -am

cp -r consumer-check "$work/project"
echo "consumer-check: building $work/project against the installed artifacts"
(cd "$work/project" && "$OLDPWD/mvnw" -B -ntp verify -Dmaven.repo.local="$repo" -Djit-elevate.version="$version")

# failsafe cannot tell "no test found in the scanned test-jar" from success here (the project has no test
# sources of its own), so count what ran.
ran=$(sed -n 's:.*<completed>\([0-9]*\)</completed>.*:\1:p' "$work/project/target/failsafe-reports/failsafe-summary.xml")
if [[ -z $ran || $ran == 0 ]]; then
  echo "consumer-check: no test ran from the example's test-jar (check dependenciesToScan in consumer-check/pom.xml)" >&2
  exit 1
fi
echo "consumer-check: $ran tests of examples/java-library passed from the installed artifacts"
