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
