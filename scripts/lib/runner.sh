# How GitHub's runner treats a container action, for scripts/runner-sim.sh (sourced, not executed): the
# INPUT_* defaults it derives from action.yml, the file-command files it creates per step and how it parses
# them back, and `docker run` the way ContainerActionHandler does it (the workspace, home, workflow and
# file_commands mounts, the work dir, the job's network, GITHUB_* and RUNNER_* variables).
# shellcheck shell=bash

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

value_of() { # value_of FILE NAME — the runner keeps the last value of a name
  read_file_commands "$1" | awk -F'\t' -v n="$2" '$1 == n { v = $2 } END { printf "%s", v }'
}

# Prints NAME=DEFAULT for each input of an action.yml (two-space-indented input names, a four-space-indented
# `default:` with a plain, single- or double-quoted scalar).
action_yml_defaults() {
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

# A runner's directories for one job, owned by the runner's (non-root) user as on a real runner:
# _work/<repo>/<repo> (the workspace), _temp/_github_home, _temp/_github_workflow, _temp/_runner_file_commands.
new_job_dirs() { # new_job_dirs ROOT UID GID — sets job_root, job_workspace, job_home, job_workflow, job_commands
  job_root=$1
  job_workspace=$job_root/_work/payments/payments
  job_home=$job_root/_work/_temp/_github_home
  job_workflow=$job_root/_work/_temp/_github_workflow
  job_commands=$job_root/_work/_temp/_runner_file_commands
  mkdir -p "$job_workspace" "$job_home" "$job_workflow" "$job_commands"
  chown -R "$2:$3" "$job_root"
}

# Sets STEP_ENV (the environment the runner gives a container action's step, without the inputs) and creates
# the step's file-command files, owned by the runner's user. Usage: prepare_step UID GID
prepare_step() {
  local id
  id=$(cat /proc/sys/kernel/random/uuid)
  step_output=$job_commands/set_output_$id
  step_state=$job_commands/save_state_$id
  step_summary=$job_commands/step_summary_$id
  local f
  for f in "$step_output" "$step_state" "$step_summary" "$job_commands/set_env_$id" "$job_commands/add_path_$id"; do
    : >"$f"
    chown "$1:$2" "$f"
  done
  STEP_ENV=(
    HOME=/github/home CI=true GITHUB_ACTIONS=true
    GITHUB_WORKSPACE=/github/workspace GITHUB_EVENT_PATH=/github/workflow/event.json
    "GITHUB_OUTPUT=/github/file_commands/set_output_$id" "GITHUB_STATE=/github/file_commands/save_state_$id"
    "GITHUB_STEP_SUMMARY=/github/file_commands/step_summary_$id"
    "GITHUB_ENV=/github/file_commands/set_env_$id" "GITHUB_PATH=/github/file_commands/add_path_$id"
    RUNNER_OS=Linux RUNNER_ARCH=X64 RUNNER_NAME=sim RUNNER_ENVIRONMENT=self-hosted
    RUNNER_TEMP=/home/runner/work/_temp RUNNER_TOOL_CACHE=/opt/hostedtoolcache
  )
}

# `docker run` as ContainerActionHandler builds it: --workdir /github/workspace, the four mounts, the job's
# network, -e for every variable. Usage: run_container NAME NETWORK IMAGE ENTRYPOINT LOG VAR=VALUE...
# Runs in the foreground; sets step_rc.
run_container() {
  local name=$1 network=$2 image=$3 entrypoint=$4 log=$5
  shift 5
  local env_args=() e
  for e in "$@"; do env_args+=(-e "$e"); done
  set +e
  timeout 600 podman ${JIT_PODMAN_STORAGE_DRIVER:+--storage-driver "$JIT_PODMAN_STORAGE_DRIVER"} run --rm --name "$name" \
    "${PODMAN_CONTAINER_FLAGS[@]}" --network "$network" --workdir /github/workspace \
    -v "$job_home:/github/home" -v "$job_workflow:/github/workflow" \
    -v "$job_commands:/github/file_commands" -v "$job_workspace:/github/workspace" \
    "${env_args[@]}" --entrypoint "$entrypoint" "$image" >"$log" 2>&1
  step_rc=$?
  set -e
}

# The STATE_* variables the runner gives the post step from the main step's GITHUB_STATE file.
state_env_of() { # state_env_of STATE_FILE — sets STATE_ENV
  STATE_ENV=()
  local name value
  while IFS=$'\t' read -r name value; do
    [[ -n $name ]] && STATE_ENV+=("STATE_$name=$(printf '%b' "$value")")
  done < <(read_file_commands "$1")
}

# The runner's cancellation of a step: SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that, each only if
# the container still runs. Usage: cancel_container NAME — prints which signals it had to send.
cancel_container() {
  local name=$1 signal
  for signal in INT TERM KILL; do
    running "$name" || return 0
    echo "  sending SIG$signal to $name"
    podman kill --signal "$signal" "$name" >/dev/null 2>&1 || true
    case $signal in
      INT) wait_gone "$name" 7.5 ;;
      TERM) wait_gone "$name" 2.5 ;;
      KILL) wait_gone "$name" 10 ;;
    esac
  done
}

running() {
  [[ $(podman container inspect --format '{{.State.Running}}' "$1" 2>/dev/null) == true ]]
}

wait_gone() { # wait_gone NAME SECONDS
  local deadline
  deadline=$(($(date +%s%N) + ${2/./} * 100000000))
  [[ $2 == *.* ]] || deadline=$(($(date +%s%N) + $2 * 1000000000))
  while running "$1" && (($(date +%s%N) < deadline)); do
    sleep 0.1
  done
}
