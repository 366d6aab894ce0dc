#!/usr/bin/env bash
# Runs the reliability suites (fault matrix, process faults, hostile input, concurrency, the CLI's exit paths,
# paged revokes and on-conflict) against the embedded
# emulator, at the core level and at the runner level (the action and the CLI as processes), and regenerates
# RELIABILITY.md from the lines the tests wrote (graph/target/reliability/*.jsonl: the core-level suites live
# in the graph module, the one whose class path has every surface; and action-runner/target/reliability/*.jsonl).
# The results are never hand-written: a suite that did not run leaves no line, and the table says so.
set -euo pipefail
cd "$(dirname "$0")/.."
SUITES='FaultMatrixIT,ProcessFaultsIT,HostileInputIT,ConcurrencyIT,RunnerProcessFaultsIT,RunnerHostileInputIT,CliExitPathsIT,CliPagedHistoryIT,CliOnConflictIT'
status=0
if [[ "${1:-}" != "--report-only" ]]; then
  rm -rf graph/target/reliability action-runner/target/reliability
  # action-runner's package phase builds the jar the CLI cases run before failsafe starts.
  ./mvnw -B -ntp -o -q verify -pl graph,action-runner -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test="$SUITES" -Dfailsafe.failIfNoSpecifiedTests=false || status=$?
fi
python3 scripts/reliability_report.py graph/target/reliability action-runner/target/reliability RELIABILITY.md
exit "$status"
