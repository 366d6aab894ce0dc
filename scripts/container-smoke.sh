#!/usr/bin/env bash
# The container smoke test: builds the action's image with podman from the offline Debian base, then runs
# it exactly as the GitHub runner runs a container action — work dir /github/workspace, the workspace,
# home, workflow and file_commands mounts, INPUT_* and GITHUB_* variables pointing into them — main step
# then post step (with STATE_* from the main step's state file), against the emulator on the host network.
#
# It checks the exit codes, the outputs, the step summary, the activation record, that no secret or token
# reached a log or a file, and that the emulator holds no active assignment that the scenario did not
# create once the post step is done.
#
# Usage: scripts/container-smoke.sh [--keep]   (--keep leaves the temporary runner directories behind)
# Needs: action-runner/target/jit-elevate.jar and emulator/target/jit-emulator.jar (built by ./mvnw verify;
# built here with -DskipTests when missing), root (podman), network access to Debian's mirror the first time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib/common.sh
source "$here/lib/common.sh"
root=$(cd "$here/.." && pwd)
cd "$root"

keep=false
[[ ${1:-} == --keep ]] && keep=true

BASE_IMAGE=${JIT_BASE_IMAGE:-localhost/jit-elevate-base:bookworm-jre17}
IMAGE=${JIT_SMOKE_IMAGE:-localhost/jit-elevate:smoke}
RUNNER_JAR=action-runner/target/jit-elevate.jar
EMULATOR_JAR=emulator/target/jit-emulator.jar

# Well-known ids of the emulator's demo scenario (emulator/docs/scenario-format.md).
TENANT_ID=7a1c5f35-6f8a-4e4b-9d5e-5a0f2c6b1e01
SUBSCRIPTION_ID=3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12
CI_CLIENT_ID=c1c1c1c1-0000-4000-8000-0000000000a1
BROKER_CLIENT_ID=b0b0b0b0-0000-4000-8000-0000000000a1
SCOPE=/subscriptions/$SUBSCRIPTION_ID/resourceGroups/rg-app
# Values that must never appear in a log, an output, the summary or the record.
NEVER_PRINTED=(demo-broker-secret-7f3e9c21 demo-oidc-request-token-5b7d)

work=$(mktemp -d /tmp/jit-elevate-smoke.XXXXXX)
emulator_pid=
failures=0

cleanup() {
  if [[ -n $emulator_pid ]] && kill -0 "$emulator_pid" 2>/dev/null; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  if $keep; then
    echo "kept the runner directories in $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

check() { # check DESCRIPTION COMMAND... — records a failed expectation and goes on
  local what=$1
  shift
  if "$@"; then
    echo "  ok    $what"
  else
    echo "  FAIL  $what"
    failures=$((failures + 1))
  fi
}

# Prints "name<TAB>value" per entry of a runner file-command file (GITHUB_OUTPUT / GITHUB_STATE), in both
# forms the runner accepts: `name=value` and the multiline `name<<DELIMITER ... DELIMITER`. Multiline
# values have their newlines escaped as \n.
read_file_commands() {
  awk '
    delim != "" { if ($0 == delim) { printf "%s\t%s\n", name, value; delim = ""; next }
                  value = (first ? $0 : value "\\n" $0); first = 0; next }
    index($0, "<<") > 0 && (index($0, "=") == 0 || index($0, "<<") < index($0, "=")) {
      name = substr($0, 1, index($0, "<<") - 1); delim = substr($0, index($0, "<<") + 2); value = ""; first = 1; next }
    index($0, "=") > 0 { printf "%s\t%s\n", substr($0, 1, index($0, "=") - 1), substr($0, index($0, "=") + 1) }
  ' "$1"
}

# True when VALUE appears in none of the files (recursively), except on the `::add-mask::` lines of the
# logs, which the runner consumes to mask the value and never displays, and in the copied cloud profile.
never_shown() {
  local value=$1
  shift
  ! grep -rhF --exclude=cloud-profile.json -- "$value" "$@" | grep -qv '^::add-mask::'
}

json_true() { # json_true [jq args] FILTER FILE — true when the filter yields true
  jq -e "$@" >/dev/null
}

value_of() { # value_of FILE NAME
  read_file_commands "$1" | awk -F'\t' -v n="$2" '$1 == n { v = $2 } END { printf "%s", v }'
}

# Prints NAME=DEFAULT for each input of an action.yml (the runner's own format: two-space-indented input
# names, a four-space-indented `default:` with a plain, single- or double-quoted scalar).
action_yml_defaults() {
  [[ -f $1 ]] || return 0
  awk '
    /^inputs:/ { inside = 1; next }
    /^[^ #]/ { inside = 0 }
    inside && /^  [A-Za-z0-9_-]+:[[:space:]]*$/ { name = $1; sub(/:$/, "", name); next }
    inside && /^    default:/ {
      v = $0; sub(/^    default:[[:space:]]*/, "", v)
      if (v ~ /^\x27.*\x27$/) { v = substr(v, 2, length(v) - 2); gsub(/\x27\x27/, "\x27", v) }
      else if (v ~ /^".*"$/) { v = substr(v, 2, length(v) - 2) }
      printf "%s=%s\n", toupper(name), v }' "$1"
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  die "no free TCP port found"
}

# ---------------------------------------------------------------------------------------------------------
section "smoke: prerequisites"
ensure_podman
ensure_debs curl jq ca-certificates
if [[ ! -f $RUNNER_JAR || ! -f $EMULATOR_JAR ]]; then
  echo "building the jars (tests skipped; ./mvnw verify runs them)"
  ./mvnw -B -ntp -q package -DskipTests
fi
[[ -f $RUNNER_JAR ]] || die "$RUNNER_JAR was not built: the action-runner module does not produce the shaded jar yet"
[[ -f $EMULATOR_JAR ]] || die "$EMULATOR_JAR was not built: the emulator module does not produce its jar yet"
"$here/build-base-image.sh"

section "smoke: build the image $IMAGE from $BASE_IMAGE"
started=$SECONDS
pm build --ulimit nofile=1024:1024 --ulimit nproc=4096:4096 --layers=false --pull=never \
  --build-arg BASE_IMAGE="$BASE_IMAGE" -t "$IMAGE" . >"$work/build.log" 2>&1 \
  || { tail -40 "$work/build.log" >&2; die "podman build failed (log above)"; }
echo "built in $((SECONDS - started)) s"
base_size=$(pm image inspect --format '{{.Size}}' "$BASE_IMAGE")
image_size=$(pm image inspect --format '{{.Size}}' "$IMAGE")
echo "the image adds $(((image_size - base_size) / 1024 / 1024)) MiB to its base ($((image_size / 1024 / 1024)) MiB in all)"

section "smoke: jit-elevate --version in the container"
version=$(pm run --rm "${PODMAN_CONTAINER_FLAGS[@]}" --entrypoint /usr/local/bin/jit-elevate "$IMAGE" --version) \
  || die "jit-elevate --version failed in the container"
echo "$version"
help=$(pm run --rm "${PODMAN_CONTAINER_FLAGS[@]}" --entrypoint /usr/local/bin/jit-elevate "$IMAGE" --help 2>&1 || true)
if ! grep -q 'action-post' <<<"$help"; then
  printf '%s\n' "$help" | head -20 | sed 's/^/  | /'
  die "the jar has no 'action' / 'action-post' subcommands yet (issue 5, branch runner): the image builds and starts, but the action cannot be run"
fi

# ---------------------------------------------------------------------------------------------------------
section "smoke: start the emulator (demo scenario) on the host"
port=$(free_port)
# PIM's deactivation floor is 5 minutes; a 20 s floor keeps the post step's wait-then-revoke path real (main
# and post run back to back here) without spending 5 minutes of CI on it. Both steps are told the same floor.
FLOOR=20s
java -jar "$EMULATOR_JAR" --port "$port" --scenario demo --min-active-duration "$FLOOR" \
  --profile-out "$work/profile.json" >"$work/emulator.log" 2>&1 &
emulator_pid=$!
deadline=$((SECONDS + 90))
until grep -q '^READY ' "$work/emulator.log"; do
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator.log" >&2; die "the emulator exited before READY"; }
  ((SECONDS < deadline)) || { tail -20 "$work/emulator.log" >&2; die "the emulator printed no READY line within 90 s"; }
  sleep 0.5
done
base_url=$(awk '/^READY / { print $2; exit }' "$work/emulator.log")
[[ $base_url == */ ]] || base_url="$base_url/"
echo "emulator ready at $base_url"
jq -r '.caCertificatePem' "$work/profile.json" >"$work/emulator-ca.pem"
id_token_url=$(jq -r '.github.oidcRequestUrl // empty' "$work/profile.json")
id_token_request_token=$(jq -r '.github.oidcRequestToken // empty' "$work/profile.json")
[[ -n $id_token_url && -n $id_token_request_token ]] \
  || die "the profile $work/profile.json has no github section with the OIDC request URL and token"

assignments() {
  curl -fsS --cacert "$work/emulator-ca.pem" "${base_url}_emulator/assignments"
}
leaked_assignments() { # active assignments the scenario did not create
  assignments | jq -c '(if type == "array" then . else (.value // .assignments // []) end) | map(select(.fromScenario != true))'
}
[[ $(leaked_assignments) == "[]" ]] || die "the emulator holds non-scenario assignments before the test: $(leaked_assignments)"

# ---------------------------------------------------------------------------------------------------------
# The runner's layout: temp dirs on the host mounted at fixed paths in the container.
runner=$work/runner
mkdir -p "$runner/workspace" "$runner/home" "$runner/workflow" "$runner/file_commands"
cp "$work/profile.json" "$runner/workspace/cloud-profile.json"
sha=0123456789abcdef0123456789abcdef01234567
cat >"$runner/workflow/event.json" <<EVENT
{
  "ref": "refs/heads/main",
  "before": "0000000000000000000000000000000000000000",
  "after": "$sha",
  "repository": { "full_name": "contoso/payments", "name": "payments", "owner": { "login": "contoso" },
                  "html_url": "https://github.com/contoso/payments" },
  "pusher": { "name": "octocat" },
  "sender": { "login": "octocat" },
  "head_commit": { "id": "$sha", "message": "Rotate the database password", "author": { "name": "Octo Cat" } }
}
EVENT

# The runner sets INPUT_<NAME> for every input action.yml declares (its default unless the workflow
# gives a value), upper-casing the name and keeping hyphens.
declare -A input=()
while IFS='=' read -r name value; do
  [[ -n $name ]] && input[$name]=$value
done < <(action_yml_defaults action.yml)
input[TARGET]=azure-role
input[ROLE]="Key Vault Secrets Officer"
input[SCOPE]=$SCOPE
input[STRATEGY]=broker
input[CLIENT-ID]=$CI_CLIENT_ID
input[TENANT-ID]=$TENANT_ID
input[SUBSCRIPTION-ID]=$SUBSCRIPTION_ID
input[BROKER-CLIENT-ID]=$BROKER_CLIENT_ID
input[CLOUD-PROFILE]=cloud-profile.json
input[DURATION]=30m
input[OPERATION]=keyvault-rotate
input[VAULT]=kv-jit-demo
input[SECRETS]=db-password
input[REVOKE]=post
inputs=()
for name in "${!input[@]}"; do
  inputs+=("INPUT_$name=${input[$name]}")
done

run_step() { # run_step NAME ENTRYPOINT [EXTRA_ENV...] — one step as the runner runs it; sets step_rc
  local name=$1 entrypoint=$2
  shift 2
  local id
  id=$(cat /proc/sys/kernel/random/uuid)
  step_output=$runner/file_commands/set_output_$id
  step_state=$runner/file_commands/save_state_$id
  step_summary=$runner/file_commands/step_summary_$id
  : >"$step_output"; : >"$step_state"; : >"$step_summary"
  : >"$runner/file_commands/set_env_$id"; : >"$runner/file_commands/add_path_$id"
  local env=(
    "${inputs[@]}" "$@"
    HOME=/github/home CI=true GITHUB_ACTIONS=true
    GITHUB_WORKSPACE=/github/workspace GITHUB_EVENT_PATH=/github/workflow/event.json
    "GITHUB_OUTPUT=/github/file_commands/set_output_$id" "GITHUB_STATE=/github/file_commands/save_state_$id"
    "GITHUB_STEP_SUMMARY=/github/file_commands/step_summary_$id"
    "GITHUB_ENV=/github/file_commands/set_env_$id" "GITHUB_PATH=/github/file_commands/add_path_$id"
    GITHUB_REPOSITORY=contoso/payments GITHUB_REPOSITORY_OWNER=contoso GITHUB_REF=refs/heads/main
    GITHUB_REF_NAME=main GITHUB_REF_TYPE=branch GITHUB_SHA=$sha GITHUB_EVENT_NAME=push GITHUB_ACTOR=octocat
    GITHUB_TRIGGERING_ACTOR=octocat GITHUB_RUN_ID=1234567890 GITHUB_RUN_NUMBER=42 GITHUB_RUN_ATTEMPT=1
    GITHUB_WORKFLOW=rotate GITHUB_JOB=rotate GITHUB_ACTION=jit GITHUB_SERVER_URL=https://github.com
    GITHUB_API_URL=https://api.github.com GITHUB_GRAPHQL_URL=https://api.github.com/graphql
    RUNNER_OS=Linux RUNNER_ARCH=X64 RUNNER_NAME=smoke RUNNER_ENVIRONMENT=github-hosted
    RUNNER_TEMP=/home/runner/work/_temp RUNNER_TOOL_CACHE=/opt/hostedtoolcache
    "ACTIONS_ID_TOKEN_REQUEST_URL=$id_token_url" "ACTIONS_ID_TOKEN_REQUEST_TOKEN=$id_token_request_token"
    "JIT_ELEVATE_MIN_ACTIVE_DURATION=$FLOOR"
  )
  local env_args=() e
  for e in "${env[@]}"; do env_args+=(-e "$e"); done
  echo "running the $name step ($entrypoint)"
  set +e
  timeout 600 podman ${JIT_PODMAN_STORAGE_DRIVER:+--storage-driver "$JIT_PODMAN_STORAGE_DRIVER"} run --rm \
    "${PODMAN_CONTAINER_FLAGS[@]}" --network host --workdir /github/workspace \
    -v "$runner/home:/github/home" -v "$runner/workflow:/github/workflow" \
    -v "$runner/file_commands:/github/file_commands" -v "$runner/workspace:/github/workspace" \
    "${env_args[@]}" --entrypoint "$entrypoint" "$IMAGE" >"$work/$name.log" 2>&1
  step_rc=$?
  set -e
  sed 's/^/  | /' "$work/$name.log"
}

section "smoke: main step"
run_step main /usr/local/bin/jit-elevate-action
main_rc=$step_rc
main_output=$step_output main_state=$step_state main_summary=$step_summary
check "the main step exits 0 (exit code $main_rc)" test "$main_rc" -eq 0
request_id=$(value_of "$main_output" request-id)
status=$(value_of "$main_output" status)
expires_at=$(value_of "$main_output" expires-at)
record_path=$(value_of "$main_output" record-path)
echo "  outputs: request-id=$request_id status=$status expires-at=$expires_at record-path=$record_path"
check "output request-id is set" test -n "$request_id"
check "output status is set" test -n "$status"
check "output expires-at is an ISO-8601 UTC instant" grep -Eq '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z$' <<<"$expires_at"
check "output record-path is set" test -n "$record_path"
check "the step summary is written" test -s "$main_summary"
check "the main step saved state for the post step" test -s "$main_state"
check "the secret was rotated (output secret-versions names db-password)" \
  grep -q 'db-password' <<<"$(value_of "$main_output" secret-versions)"

section "smoke: post step (STATE_* from the main step)"
state_env=()
while IFS=$'\t' read -r name value; do
  [[ -n $name ]] && state_env+=("STATE_$name=$(printf '%b' "$value")")
done < <(read_file_commands "$main_state")
echo "passing ${#state_env[@]} state value(s) to the post step"
run_step post /usr/local/bin/jit-elevate-action-post "${state_env[@]}"
post_rc=$step_rc
post_summary=$step_summary
check "the post step exits 0 (exit code $post_rc)" test "$post_rc" -eq 0

section "smoke: the record, the summary, the emulator"
host_record=
[[ -n $record_path ]] && host_record=$runner/workspace/${record_path#/github/workspace/}
check "the record ${record_path:-(no record-path)} exists in the workspace" test -n "$host_record" -a -f "$host_record"
if [[ -n $host_record && -s $host_record ]]; then
  check "the record is JSON with schemaVersion 1.0" json_true '.schemaVersion == "1.0"' "$host_record"
  check "the record names the request $request_id" json_true --arg id "$request_id" '.requestIds | index($id) != null' "$host_record"
  check "the record's outcome is SUCCEEDED" json_true '.outcome == "SUCCEEDED"' "$host_record"
  check "the record says the elevation was REVOKED" json_true '.revocation.status == "REVOKED"' "$host_record"
  check "the record holds the CI metadata (run id)" grep -q '1234567890' "$host_record"
  echo "  record: $(jq -c '{outcome, strategy, revocation, target: .target.roleName}' "$host_record")"
fi
summaries=$(cat "$main_summary" "$post_summary")
check "the summary shows a Mermaid timeline" grep -q 'mermaid' <<<"$summaries"
check "the summary names the role" grep -q 'Key Vault Secrets Officer' <<<"$summaries"
for secret in "${NEVER_PRINTED[@]}"; do
  check "no log, output, state, summary or record contains a known secret (${secret:0:8}…)" \
    never_shown "$secret" "$work/main.log" "$work/post.log" "$runner/file_commands" "$runner/workspace"
done
leaked=$(leaked_assignments)
check "the emulator holds no active assignment that the scenario did not create" test "$leaked" == "[]"
[[ $leaked == "[]" ]] || echo "  leaked: $leaked"

if ((failures > 0)); then
  echo "container smoke test: $failures check(s) FAILED"
  exit 1
fi
echo "container smoke test: all checks passed"
