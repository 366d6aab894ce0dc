#!/usr/bin/env bash
# The runner simulation: the action installed and run the way GitHub's runner does it, as strictly as a
# machine without GitHub can. Replaces the host-network smoke test. Scenarios:
#   source     `uses: owner/jit-elevate@ref`: a `git archive` of HEAD (no target/) built with its Dockerfile,
#              run on the job's own podman network, reaching the emulator at the bridge address; main, post,
#              outputs parsed as the runner parses them, record-path opened by a following step on the host
#   registry   `image: docker://…`: that image pushed to a local registry (Debian's docker-registry) and pulled
#              by digest with no credentials; HTTPS_PROXY/NO_PROXY at a real forward proxy (Debian's
#              tinyproxy), the emulator reachable only through it (asserted from a container and from the
#              proxy's log)
#   hardened   the hardened three-job pattern (examples/hardened-broker): grant job (`mode: grant`, the broker's
#              credential bound to the reusable workflow's job_workflow_ref), work job (its own token refused
#              for the broker with AADSTS70021), revoke job (`mode: revoke`, the handle from the grant's
#              outputs); a grant outside the policy ends with ::error:: naming the rule, no ARM/Graph request
#   cancel     the runner's cancellation of the main step during its operation: SIGINT, SIGTERM 7.5 s later,
#              SIGKILL 2.5 s after that; then the post step; nothing may be left active
# The workspace, home and file-command directories belong to a non-root uid, as on a runner; after the post
# step that uid must be able to delete everything the action wrote.
#
# Usage: scripts/runner-sim.sh [--keep] [--only hardened]   (root: podman, iptables; installs what it needs
#        with apt-get). --only hardened: build the image, then run only the hardened scenario.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib/common.sh
source "$here/lib/common.sh"
# shellcheck source=lib/runner.sh
source "$here/lib/runner.sh"
# shellcheck source=lib/sim-infra.sh
source "$here/lib/sim-infra.sh"
root=$(cd "$here/.." && pwd)
cd "$root"

keep=false only=
while (($# > 0)); do
  case $1 in
    --keep) keep=true ;;
    --only) [[ ${2:-} == hardened ]] || die "--only takes a scenario: hardened"; only=$2; shift ;;
    *) die "unknown argument $1; usage: scripts/runner-sim.sh [--keep] [--only hardened]" ;;
  esac
  shift
done
[[ $(id -u) -eq 0 ]] || die "run as root (podman, iptables and chown need it): sudo scripts/runner-sim.sh"

BASE_IMAGE=${JIT_BASE_IMAGE:-localhost/jit-elevate-base:trixie-jre25}
BUILD_IMAGE=${JIT_BUILD_IMAGE:-localhost/jit-elevate-build:bookworm-jdk17}
SOURCE_IMAGE=localhost/jit-elevate-sim:source
EMULATOR_JAR=emulator/target/jit-emulator.jar
RUNNER_UID=1001 RUNNER_GID=1001
FLOOR=20s
NEVER_PRINTED=(demo-broker-secret-7f3e9c21 demo-oidc-request-token-5b7d)

work=$(mktemp -d /var/tmp/jit-elevate-sim.XXXXXX)
chmod 0755 "$work"
failures=0
finish() {
  sim_cleanup
  pm rmi -f "$SOURCE_IMAGE" >/dev/null 2>&1 || true
  if $keep; then echo "kept $work"; else rm -rf "$work"; fi
}
trap finish EXIT

check() { # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then echo "  ok    $what"; else echo "  FAIL  $what"; failures=$((failures + 1)); fi
}
json_true() { jq -e "$@" >/dev/null 2>&1; }
as_runner() { setpriv --reuid "$RUNNER_UID" --regid "$RUNNER_GID" --clear-groups "$@"; }

# ---------------------------------------------------------------------------------------------------------
section "sim: prerequisites"
ensure_podman
ensure_debs curl jq ca-certificates git iptables iproute2 util-linux docker-registry tinyproxy debootstrap
command -v tinyproxy >/dev/null || die "tinyproxy is not on the PATH after installing it"
"$here/build-base-image.sh"
"$here/build-base-image.sh" --jdk
if [[ ! -f $EMULATOR_JAR ]]; then
  echo "building the emulator jar (tests skipped; ./mvnw verify runs them)"
  ./mvnw -B -ntp -q -pl emulator -am package -DskipTests
fi

section "sim: install like 'uses: owner/jit-elevate@ref': git archive HEAD, then build its Dockerfile"
mkdir -p "$work/action"
git archive --format=tar HEAD | tar -x -C "$work/action"
check "the archive holds no build output (target/)" test -z "$(find "$work/action" -name target -type d -print -quit)"
check "the archive holds no jar" test -z "$(find "$work/action" -name '*.jar' -print -quit)"
started=$SECONDS
pm build --ulimit nofile=1024:1024 --ulimit nproc=4096:4096 --pull=never \
  --build-arg BUILD_IMAGE="$BUILD_IMAGE" --build-arg BASE_IMAGE="$BASE_IMAGE" \
  -t "$SOURCE_IMAGE" -f "$work/action/Dockerfile" "$work/action" >"$work/build.log" 2>&1 \
  || { tail -60 "$work/build.log" >&2; die "podman build of the archived source failed (log above)"; }
echo "built $SOURCE_IMAGE from source in $((SECONDS - started)) s"
check "the image made the main step's AOT cache for its JDK 25 (the launcher uses it)" \
  pm run --rm "${PODMAN_CONTAINER_FLAGS[@]}" --entrypoint /bin/sh "$SOURCE_IMAGE" -c \
  'test -s /opt/jit-elevate/jit-elevate.aot && JIT_ELEVATE_JAVA_OPTS=-XX:AOTMode=on jit-elevate --help >/dev/null'

section "sim: the job's network"
sim_network "jit-sim-$$" "$BASE_IMAGE"
leaked_assignments() { # the emulator at emulator_url (whose CA is cacert)
  curl -fsS --noproxy '*' --cacert "$cacert" "${emulator_url}_emulator/assignments" \
    | jq -c '(if type == "array" then . else (.value // .assignments // []) end) | map(select(.fromScenario != true))'
}
# shellcheck source=lib/sim-scenarios.sh
source "$here/lib/sim-scenarios.sh"
# shellcheck source=lib/sim-hardened.sh
source "$here/lib/sim-hardened.sh"

# Its own emulator (the hardened set-up), stopped when it is done.
scenario_hardened "$SOURCE_IMAGE"
if [[ $only == hardened ]]; then
  ((failures == 0)) || { echo "runner simulation (hardened only): $failures check(s) FAILED"; exit 1; }
  echo "runner simulation (hardened only): all checks passed"
  exit 0
fi

section "sim: the emulator (demo scenario) on the network's bridge address"
mkdir -p "$work/emulator"
sim_emulator "$EMULATOR_JAR" "$net_gateway" "$FLOOR" "$work/emulator"
cacert=$work/emulator/ca.pem
[[ $(leaked_assignments) == "[]" ]] || die "the emulator holds non-scenario assignments before the test"

scenario_main_post source "$SOURCE_IMAGE" direct

section "sim: publish like a release: push to a local registry, pull by digest without credentials"
mkdir -p "$work/registry"
sim_registry "$work/registry"
pm push --tls-verify=false --digestfile "$work/digest" "$SOURCE_IMAGE" "docker://$registry/jit-elevate:sim" \
  >"$work/push.log" 2>&1 || { cat "$work/push.log" >&2; die "podman push to $registry failed"; }
digest=$(cat "$work/digest")
pm rmi -f "$SOURCE_IMAGE" >/dev/null
echo '{"auths":{}}' >"$work/no-credentials.json"
pulled="$registry/jit-elevate@$digest"
SIM_CLEANUP+=("pm rmi -f $pulled")
check "the pushed digest pulls anonymously (no credentials at all)" \
  pm pull --tls-verify=false --authfile "$work/no-credentials.json" "docker://$pulled"
check "the pulled image is the pushed digest" \
  test "$(pm image inspect --format '{{.Digest}}' "$pulled" 2>/dev/null)" == "$digest"

section "sim: a forward proxy as the only way from the job's network to the emulator"
sim_proxy "$work/proxy" "$net_gateway" "$net_subnet"
for port in "${emulator_ports[@]}"; do
  check "a container reaches the emulator's port $port directly before the rule" \
    container_reaches "$net_name" "$BASE_IMAGE" "$net_gateway" "$port"
done
sim_only_through_proxy "$net_subnet" "$net_gateway" "$(IFS=,; echo "${emulator_ports[*]}")"
container_blocked() { ! container_reaches "$@"; }
for port in "${emulator_ports[@]}"; do
  check "a container no longer reaches the emulator's port $port directly" \
    container_blocked "$net_name" "$BASE_IMAGE" "$net_gateway" "$port"
done
PROXY_ENV=("HTTPS_PROXY=$proxy_url" "https_proxy=$proxy_url" "HTTP_PROXY=$proxy_url"
  "NO_PROXY=.internal.example,metadata.azure.internal" "no_proxy=.internal.example,metadata.azure.internal")

scenario_main_post registry "$pulled" proxied
check "the proxy's log shows the action's tunnels to the emulator's sign-in host" \
  grep -q "CONNECT $net_gateway:$emulator_port" "$proxy_log"
check "the proxy's log shows the action's tunnels to ARM's own host" \
  grep -q "CONNECT $net_gateway:$emulator_arm_port" "$proxy_log"

scenario_cancel "$pulled"

if ((failures > 0)); then
  echo "runner simulation: $failures check(s) FAILED"
  exit 1
fi
echo "runner simulation: all checks passed"
