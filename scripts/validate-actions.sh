#!/usr/bin/env bash
# Validates action.yml, every workflow in .github/workflows/ and every example workflow in examples/
# against GitHub's schemas with @action-validator/cli (pinned), then checks the hardening rules of
# scripts/lint-workflows.sh. The validator is installed with npm into
# a cache directory outside the repository, so nothing downloaded lands in the work tree.
#
# Usage: scripts/validate-actions.sh [FILE...]     (default: all of the above)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib/common.sh
source "$here/lib/common.sh"
cd "$here/.."

VALIDATOR_VERSION=0.6.0
cache=${JIT_ELEVATE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jit-elevate}/action-validator-$VALIDATOR_VERSION
validator=$cache/node_modules/.bin/action-validator

command -v npm >/dev/null || ensure_debs nodejs npm
if [[ ! -x $validator ]]; then
  echo "installing @action-validator/cli@$VALIDATOR_VERSION into $cache"
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-audit --no-fund --loglevel=error "@action-validator/cli@$VALIDATOR_VERSION" >/dev/null
fi

# The validator must reject a broken workflow, or a green run below would prove nothing.
probe=$(mktemp --suffix=.yml)
trap 'rm -f "$probe"' EXIT
printf 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    stepz: []\n' >"$probe"
if "$validator" "$probe" >/dev/null 2>&1; then
  die "action-validator accepted a workflow without steps; the validator install is broken"
fi

files=("$@")
if ((${#files[@]} == 0)); then
  if [[ -f action.yml ]]; then
    files+=(action.yml)
  else
    echo "NOTE: no action.yml at the repository root yet; nothing to validate for it"
  fi
  while IFS= read -r f; do files+=("$f"); done < <(
    # Examples hold other YAML too (a broker policy): validate their workflow files only.
    { find .github/workflows -type f \( -name '*.yml' -o -name '*.yaml' \); find examples -type f -name 'workflow.yml'; } 2>/dev/null | sort)
  # The copy-paste workflows in the READMEs: every ```yaml block that has jobs.
  blocks=$(mktemp -d)
  trap 'rm -f "$probe"; rm -rf "$blocks"' EXIT
  for doc in README.md examples/README.md examples/*/README.md; do
    [[ -f $doc ]] || continue
    awk -v dir="$blocks" -v name="${doc//\//_}" '
      /^```ya?ml[[:space:]]*$/ { n++; out = dir "/" name "-block" n ".yml"; inside = 1; next }
      /^```/ { inside = 0; next }
      inside { print > out }' "$doc"
  done
  for f in "$blocks"/*.yml; do
    [[ -f $f ]] && grep -q '^jobs:' "$f" && files+=("$f")
  done
fi

failed=0
for f in "${files[@]}"; do
  if out=$("$validator" "$f" 2>&1); then
    echo "ok    $f"
  else
    echo "FAIL  $f"
    printf '%s\n' "$out" | sed 's/^/      /'
    failed=$((failed + 1))
  fi
done
echo "${#files[@]} files validated, $failed failed"
if (($# == 0)); then
  # What the schema cannot see: SHA pins, per-job permissions, no ${{ }} inside run: (GitHub's hardening guide).
  "$here/lint-workflows.sh" || failed=$((failed + 1))
fi
((failed == 0))
