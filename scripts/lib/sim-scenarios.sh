# The scenarios of scripts/runner-sim.sh (sourced by it, after its setup; uses its variables and helpers).
# shellcheck shell=bash

TENANT_ID=7a1c5f35-6f8a-4e4b-9d5e-5a0f2c6b1e01
SUBSCRIPTION_ID=3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12
SHA=0123456789abcdef0123456789abcdef01234567

# A fresh job: directories owned by the runner's uid, the event, the cloud profile in the workspace, and the
# inputs (action.yml's defaults plus the workflow's `with:`). Usage: new_job NAME [INPUT=VALUE...]
new_job() {
  local name=$1
  shift
  new_job_dirs "$work/jobs/$name" "$RUNNER_UID" "$RUNNER_GID"
  cp "${SIM_PROFILE:-$work/emulator/profile.json}" "$job_workspace/cloud-profile.json"
  chown "$RUNNER_UID:$RUNNER_GID" "$job_workspace/cloud-profile.json"
  cat >"$job_workflow/event.json" <<EVENT
{ "ref": "refs/heads/main", "after": "$SHA",
  "repository": { "full_name": "contoso/payments", "name": "payments", "owner": { "login": "contoso" } },
  "sender": { "login": "octocat" },
  "head_commit": { "id": "$SHA", "message": "Rotate the database password", "author": { "name": "Octo Cat" } } }
EVENT
  chown "$RUNNER_UID:$RUNNER_GID" "$job_workflow/event.json"
  declare -gA input=()
  local line
  while IFS='=' read -r n v; do [[ -n $n ]] && input[$n]=$v; done < <(action_yml_defaults "$work/action/action.yml")
  input[TARGET]=azure-role
  input[ROLE]="Key Vault Secrets Officer"
  input[SCOPE]=/subscriptions/$SUBSCRIPTION_ID/resourceGroups/rg-app
  input[STRATEGY]=broker
  input[CLIENT-ID]=c1c1c1c1-0000-4000-8000-0000000000a1
  input[TENANT-ID]=$TENANT_ID
  input[SUBSCRIPTION-ID]=$SUBSCRIPTION_ID
  input[BROKER-CLIENT-ID]=b0b0b0b0-0000-4000-8000-0000000000a1
  input[CLOUD-PROFILE]=cloud-profile.json
  input[DURATION]=30m
  input[REVOKE]=post
  for line in "$@"; do input[${line%%=*}]=${line#*=}; done
  INPUT_ENV=()
  for n in "${!input[@]}"; do INPUT_ENV+=("INPUT_$n=${input[$n]}"); done
  JOB_ENV=(GITHUB_REPOSITORY=contoso/payments GITHUB_REPOSITORY_OWNER=contoso GITHUB_REF=refs/heads/main
    GITHUB_REF_NAME=main GITHUB_REF_TYPE=branch GITHUB_SHA=$SHA GITHUB_EVENT_NAME=push GITHUB_ACTOR=octocat
    GITHUB_TRIGGERING_ACTOR=octocat GITHUB_RUN_ID=1234567890 GITHUB_RUN_NUMBER=42 GITHUB_RUN_ATTEMPT=1
    GITHUB_WORKFLOW=rotate GITHUB_JOB=rotate GITHUB_ACTION=jit GITHUB_SERVER_URL=https://github.com
    GITHUB_API_URL=https://api.github.com "JIT_ELEVATE_MIN_ACTIVE_DURATION=$FLOOR"
    # The job's own AZURE_LOG_LEVEL must not make azure-core print outside the action's log.
    AZURE_LOG_LEVEL=verbose)
}

step() { # step JOB STEP NETWORK IMAGE ENTRYPOINT [VAR=VALUE...] — one step in the foreground
  local job=$1 name=$2 network=$3 image=$4 entrypoint=$5
  shift 5
  prepare_step "$RUNNER_UID" "$RUNNER_GID"
  echo "running the $name step of $job ($entrypoint)"
  run_container "jit-sim-$job-$name" "$network" "$image" "$entrypoint" "$work/$job-$name.log" \
    "${INPUT_ENV[@]}" "${JOB_ENV[@]}" "${STEP_ENV[@]}" "$@"
  sed 's/^/  | /' "$work/$job-$name.log"
}

# The checks every finished job shares: the runner's uid deletes everything, nothing leaked or left active.
job_ends_clean() { # job_ends_clean JOB LOG...
  local job=$1 secret
  shift
  for secret in "${NEVER_PRINTED[@]}"; do
    check "$job: no log, output, state, summary or record shows a known secret (${secret:0:8}…)" \
      never_shown "$secret" "$@" "$job_commands" "$job_workspace" "$job_home"
  done
  check "$job: no azure-core log line reached the step's output (AZURE_LOG_LEVEL=verbose)" \
    bash -c '! grep -hE "(INFO|VERBOSE|DEBUG|WARN)[^a-z]*com\.azure|^\[.*\] (INFO|DEBUG) " "$@"' _ "$@"
  check "$job: the workspace's files belong to the runner's uid" \
    test -z "$(find "$job_workspace" ! -uid "$RUNNER_UID" -print -quit)"
  check "$job: the runner's uid deletes everything the action wrote" \
    as_runner bash -c 'shopt -s dotglob nullglob; rm -rf -- "$1"/* "$2"/* "$3"/* && test -z "$(find "$@" -mindepth 1 -print -quit)"' _ \
    "$job_workspace" "$job_home" "$job_commands"
  local leaked
  leaked=$(leaked_assignments)
  check "$job: the emulator holds no active assignment the scenario did not create" test "$leaked" == "[]"
  [[ $leaked == "[]" ]] || echo "  leaked: $leaked"
}

never_shown() { # VALUE FILE... — only on ::add-mask:: lines, which the runner consumes
  local value=$1
  shift
  ! grep -rhF --exclude=cloud-profile.json -- "$value" "$@" | grep -qv '^::add-mask::'
}

# Main then post, outputs read as the runner reads them, the record opened by a following host step.
# Usage: scenario_main_post JOB IMAGE direct|proxied
scenario_main_post() {
  local job=$1 image=$2 mode=$3 extra=()
  section "sim: $job — main and post steps ($mode)"
  [[ $mode == proxied ]] && extra=("${PROXY_ENV[@]}")
  new_job "$job" OPERATION=keyvault-rotate VAULT=kv-jit-demo SECRETS=db-password
  step "$job" main "$net_name" "$image" /usr/local/bin/jit-elevate-action "${extra[@]}"
  local main_rc=$step_rc main_output=$step_output main_state=$step_state main_summary=$step_summary
  check "$job: the main step exits 0 (exit code $main_rc)" test "$main_rc" -eq 0
  local request_id status expires_at record_path
  request_id=$(value_of "$main_output" request-id)
  status=$(value_of "$main_output" status)
  expires_at=$(value_of "$main_output" expires-at)
  record_path=$(value_of "$main_output" record-path)
  echo "  outputs: request-id=$request_id status=$status expires-at=$expires_at record-path=$record_path"
  check "$job: output status is ACTIVE (held for the post step)" test "$status" == ACTIVE
  check "$job: output expires-at is an ISO-8601 UTC instant" grep -Eq '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z$' <<<"$expires_at"
  check "$job: output secret-versions names db-password" grep -q db-password <<<"$(value_of "$main_output" secret-versions)"
  check "$job: the step summary is written" test -s "$main_summary"
  state_env_of "$main_state"
  check "$job: the main step saved state for the post step" test "${#STATE_ENV[@]}" -gt 0
  step "$job" post "$net_name" "$image" /usr/local/bin/jit-elevate-action-post "${extra[@]}" "${STATE_ENV[@]}"
  check "$job: the post step exits 0 (exit code $step_rc)" test "$step_rc" -eq 0
  # A following `run:` step on the host: working directory = the workspace, as the runner's user.
  check "$job: record-path is relative, so a later step can use it as is" test "${record_path:0:1}" != /
  local record=$work/$job-record.json opened=0
  as_runner bash -c 'cd "$1" && cat -- "$2"' _ "$job_workspace" "$record_path" >"$record" || opened=$?
  check "$job: a following host step opens record-path as the runner's user" test "$opened" -eq 0
  check "$job: the record names the request" json_true --arg id "$request_id" '.requestIds | index($id) != null' "$record"
  check "$job: the record says the post step revoked it" json_true '.revocation.status == "REVOKED"' "$record"
  check "$job: the summary shows a Mermaid timeline" grep -q mermaid "$main_summary" "$step_summary"
  job_ends_clean "$job" "$work/$job-main.log" "$work/$job-post.log"
}

# The runner cancels the main step during its operation, then runs the post step.
scenario_cancel() {
  local image=$1 job=cancel
  section "sim: cancel — SIGINT, SIGTERM after 7.5 s, SIGKILL after 2.5 s more, then post"
  # The operation's validation runs long, so the main step is cancelled while it holds the elevation.
  new_job "$job" OPERATION=keyvault-rotate VAULT=kv-jit-demo SECRETS=db-password \
    "VALIDATE-COMMAND=sleep 120" VALIDATE-TIMEOUT=5m
  prepare_step "$RUNNER_UID" "$RUNNER_GID"
  local main_output=$step_output main_state=$step_state
  run_container "jit-sim-$job-main" "$net_name" "$image" /usr/local/bin/jit-elevate-action "$work/$job-main.log" \
    "${INPUT_ENV[@]}" "${JOB_ENV[@]}" "${STEP_ENV[@]}" "${PROXY_ENV[@]}" &
  local main_job=$!
  local deadline=$((SECONDS + 240))
  until [[ -s $main_state && $(leaked_assignments) != "[]" ]]; do
    if ! kill -0 "$main_job" 2>/dev/null || ((SECONDS > deadline)); then
      sed 's/^/  | /' "$work/$job-main.log"
      check "$job: the main step got to its operation" false
      return
    fi
    sleep 1
  done
  echo "  the main step holds the elevation and runs its operation; cancelling"
  cancel_container "jit-sim-$job-main"
  wait "$main_job" || true
  sed 's/^/  | /' "$work/$job-main.log"
  state_env_of "$main_state"
  check "$job: the main step had handed the elevation to the post step" test "${#STATE_ENV[@]}" -gt 0
  step "$job" post "$net_name" "$image" /usr/local/bin/jit-elevate-action-post "${PROXY_ENV[@]}" "${STATE_ENV[@]}"
  check "$job: the post step exits 0 (exit code $step_rc)" test "$step_rc" -eq 0
  local record
  record=$(find "$job_workspace/.jit-elevate" -name 'record-*.json' -print -quit 2>/dev/null || true)
  check "$job: a record is in the workspace" test -n "$record"
  if [[ -n $record ]]; then
    check "$job: the record says the elevation was revoked" json_true '.revocation.status == "REVOKED"' "$record"
    echo "  record: $(jq -c '{outcome, revocation}' "$record")"
  fi
  # Which step revoked: the record does not say yet (the main step's SIGTERM record is issue 21's); the logs do.
  local by=()
  grep -q 'Revocation: REVOKED\|revoked by the main step\|✔ revoke' "$work/$job-main.log" && by+=(main)
  grep -q 'Revocation: REVOKED' "$work/$job-post.log" && by+=(post)
  echo "  revoked by: ${by[*]:-nobody}"
  check "$job: one step says it revoked the elevation (${by[*]:-none})" test "${#by[@]}" -ge 1
  job_ends_clean "$job" "$work/$job-main.log" "$work/$job-post.log"
}
