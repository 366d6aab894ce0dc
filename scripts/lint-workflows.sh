#!/usr/bin/env bash
# GitHub's hardening guidance for the workflows users copy (examples/*/workflow.yml) and this repository's
# own CI and self-test, checked where the schema validator cannot see it:
#   - every action is pinned by a full commit SHA with a version comment (`uses: owner/repo@<40 hex> # v1.2.3`);
#     local actions (./) are exempt, and so are this project's own action and reusable workflow in the examples, whose README says
#     to pin it to the release commit the user reviewed (no release exists to name here);
#   - the workflow grants nothing at the top (`permissions: {}`) and every job says what it needs;
#   - no `run:` script expands `${{ … }}` inline (values reach scripts through `env:`).
# Exits 1 naming each file:line that breaks a rule.
#
# Usage: scripts/lint-workflows.sh [FILE...]   (default: the files above)
set -euo pipefail
cd "$(dirname "$0")/.."

files=("$@")
if ((${#files[@]} == 0)); then
  files=(examples/*/workflow.yml .github/workflows/*.yml)
fi

status=0
for file in "${files[@]}"; do
  own_action_allowed=false
  [[ $file == examples/* ]] && own_action_allowed=true
  awk -v file="$file" -v own="$own_action_allowed" '
    function fail(msg) { printf "%s:%d: %s\n", file, NR, msg; bad = 1 }
    function indent(s) { match(s, /^ */); return RLENGTH }
    # leaving a run: block when the indentation drops back
    in_run && $0 !~ /^[[:space:]]*$/ && indent($0) <= run_indent { in_run = 0 }
    in_run && /\$\{\{/ { fail("run: expands ${{ }} inline; pass the value through env: instead") }
    /^[[:space:]]*(- )?run:[[:space:]]*[|>][-+]?[[:space:]]*$/ { in_run = 1; run_indent = indent($0); sub(/- /, "  "); run_indent = indent($0); next }
    /^[[:space:]]*(- )?run:[[:space:]]*[^|>[:space:]]/ && /\$\{\{/ { fail("run: expands ${{ }} inline; pass the value through env: instead") }
    /^[[:space:]]*(- )?uses:/ {
      value = $0; sub(/^[[:space:]]*(- )?uses:[[:space:]]*/, "", value)
      ref = value; sub(/[[:space:]].*$/, "", ref); gsub(/["\x27]/, "", ref)
      if (ref ~ /^\.\// || ref ~ /^docker:\/\//) next
      if (own == "true" && ref ~ /^jit-elevate\/jit-elevate(\/\.github\/workflows\/[A-Za-z0-9_.-]+)?@/) next
      sha = ref; sub(/^.*@/, "", sha)
      if (index(ref, "@") == 0 || length(sha) != 40 || sha !~ /^[0-9a-f]+$/) fail("uses: " ref " is not pinned to a full commit SHA")
      else if (value !~ /#[[:space:]]*v[0-9]/) fail("uses: " ref " has no version comment (# vX.Y.Z)")
    }
    /^permissions:/ { top = 1; if ($0 !~ /^permissions:[[:space:]]*\{\}[[:space:]]*(#.*)?$/) fail("top-level permissions grant something; use permissions: {} and grant per job") }
    /^jobs:/ { in_jobs = 1; next }
    in_jobs && /^  [A-Za-z0-9_-]+:[[:space:]]*$/ { if (job != "" && !job_perm) { printf "%s:%d: job %s sets no permissions\n", file, job_line, job; bad = 1 }
                                                  job = $1; job_line = NR; job_perm = 0; next }
    in_jobs && /^    permissions:/ { job_perm = 1 }
    END {
      if (job != "" && !job_perm) { printf "%s:%d: job %s sets no permissions\n", file, job_line, job; bad = 1 }
      if (!top) { printf "%s: no top-level permissions: {}\n", file; bad = 1 }
      exit bad
    }' "$file" || status=1
done
if ((status == 0)); then
  echo "workflow hardening: ${#files[@]} file(s) pin actions by SHA, grant permissions per job and keep \${{ }} out of run:"
fi
exit "$status"
