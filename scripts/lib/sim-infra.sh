# The infrastructure around scripts/runner-sim.sh (sourced, not executed): a podman network of its own, the
# emulator bound to that network's bridge address, a local registry (Debian's docker-registry), a forward
# proxy (Debian's tinyproxy) and the firewall rule that leaves the proxy the only way to the emulator.
# Every function records what it started in SIM_CLEANUP; sim_cleanup undoes it in reverse order.
# shellcheck shell=bash

SIM_CLEANUP=()

sim_cleanup() {
  local i
  for ((i = ${#SIM_CLEANUP[@]} - 1; i >= 0; i--)); do
    eval "${SIM_CLEANUP[$i]}" >/dev/null 2>&1 || true
  done
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

wait_for_port() { # wait_for_port HOST PORT SECONDS WHAT
  local deadline=$((SECONDS + $3))
  until (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; do
    ((SECONDS < deadline)) || die "$4 did not listen on $1:$2 within $3 s"
    sleep 0.3
  done
}

# A network of the job's own, as the runner creates one per job, and a placeholder container on it: netavark
# brings the bridge (and its address on the host) up only while a container is attached.
# Usage: sim_network NAME IMAGE — sets net_name, net_gateway, net_subnet
sim_network() {
  net_name=$1
  pm network rm -f "$net_name" >/dev/null 2>&1 || true
  pm network create "$net_name" >/dev/null
  SIM_CLEANUP+=("pm network rm -f $net_name")
  net_gateway=$(pm network inspect --format '{{range .Subnets}}{{.Gateway}}{{end}}' "$net_name")
  net_subnet=$(pm network inspect --format '{{range .Subnets}}{{.Subnet}}{{end}}' "$net_name")
  [[ -n $net_gateway && -n $net_subnet ]] || die "podman network $net_name has no subnet/gateway"
  pm run -d --rm --name "$net_name-anchor" "${PODMAN_CONTAINER_FLAGS[@]}" --network "$net_name" \
    --entrypoint /bin/sleep "$2" infinity >/dev/null
  SIM_CLEANUP+=("pm rm -f -t 0 $net_name-anchor")
  local deadline=$((SECONDS + 30))
  until ip -br addr | grep -qw "${net_gateway}"; do
    ((SECONDS < deadline)) || die "the bridge of $net_name did not come up with $net_gateway"
    sleep 0.3
  done
  echo "network $net_name: $net_subnet, bridge address $net_gateway"
}

# Usage: sim_emulator JAR ADDRESS FLOOR DIR [SCENARIO] — sets emulator_url, emulator_port (the main port: sign-in,
# Key Vault, GitHub, admin), emulator_arm_port, emulator_graph_port (ARM's and Graph's own, as Azure has a host
# per service), emulator_ports (the three), emulator_pid; writes DIR/profile.json, DIR/ca.pem. SCENARIO: demo (default) or hardened-broker.
sim_emulator() {
  local jar=$1 address=$2 floor=$3 dir=$4 scenario=${5:-demo}
  java -jar "$jar" --bind "$address" --scenario "$scenario" --min-active-duration "$floor" \
    --profile-out "$dir/profile.json" >"$dir/emulator.log" 2>&1 &
  local pid=$!
  emulator_pid=$pid
  SIM_CLEANUP+=("kill $pid; wait $pid")
  local deadline=$((SECONDS + 120))
  until grep -q '^READY ' "$dir/emulator.log"; do
    kill -0 "$pid" 2>/dev/null || { cat "$dir/emulator.log" >&2; die "the emulator exited before READY"; }
    ((SECONDS < deadline)) || { tail -20 "$dir/emulator.log" >&2; die "the emulator printed no READY line within 120 s"; }
    sleep 0.5
  done
  emulator_url=$(awk '/^READY / { print $2; exit }' "$dir/emulator.log")
  [[ $emulator_url == */ ]] || emulator_url="$emulator_url/"
  # The ports from the profile the clients read: sign-in's host is the main port.
  read -r emulator_port emulator_arm_port emulator_graph_port < <(jq -r '[.authorityHost, .resourceManager.endpoint,
    .graph.endpoint] | map(capture(":(?<p>[0-9]+)/?$").p) | join(" ")' "$dir/profile.json")
  emulator_ports=("$emulator_port" "$emulator_arm_port" "$emulator_graph_port")
  jq -r '.caCertificatePem' "$dir/profile.json" >"$dir/ca.pem"
  echo "emulator ready at $emulator_url (ARM on port $emulator_arm_port, Graph on $emulator_graph_port)"
}

# Debian's docker-registry on loopback, no auth. Usage: sim_registry DIR — sets registry (host:port)
sim_registry() {
  local dir=$1 port
  port=$(free_port)
  mkdir -p "$dir/storage"
  cat >"$dir/config.yml" <<CONFIG
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/storage
http:
  addr: 127.0.0.1:$port
CONFIG
  docker-registry serve "$dir/config.yml" >"$dir/registry.log" 2>&1 &
  local pid=$!
  SIM_CLEANUP+=("kill $pid; wait $pid")
  wait_for_port 127.0.0.1 "$port" 30 "docker-registry"
  registry=127.0.0.1:$port
  echo "registry at $registry"
}

# Debian's tinyproxy on the bridge address, logging every CONNECT. Usage: sim_proxy DIR ADDRESS SUBNET —
# sets proxy_url, proxy_log
sim_proxy() {
  local dir=$1 address=$2 subnet=$3 port
  port=$(free_port)
  mkdir -p "$dir"
  chmod 0777 "$dir"
  proxy_log=$dir/tinyproxy.log
  cat >"$dir/tinyproxy.conf" <<CONFIG
User nobody
Group nogroup
Port $port
Listen $address
Timeout 120
LogFile "$proxy_log"
LogLevel Connect
MaxClients 50
Allow 127.0.0.1
Allow $subnet
CONFIG
  tinyproxy -d -c "$dir/tinyproxy.conf" >"$dir/tinyproxy.out" 2>&1 &
  local pid=$!
  SIM_CLEANUP+=("kill $pid; wait $pid")
  wait_for_port "$address" "$port" 30 "tinyproxy"
  proxy_url=http://$address:$port
  echo "proxy at $proxy_url (log $proxy_log)"
}

# From now on a container on SUBNET reaches ADDRESS on PORTS only through the proxy, which connects from the host
# itself (over lo, which the rule leaves alone). Usage: sim_only_through_proxy SUBNET ADDRESS PORT[,PORT...]
sim_only_through_proxy() {
  local rule=(INPUT ! -i lo -s "$1" -d "$2" -p tcp -m multiport --dports "$3" -j REJECT --reject-with tcp-reset)
  iptables -I "${rule[@]}"
  SIM_CLEANUP+=("iptables -D ${rule[*]}")
}

# True when a container on NETWORK can open a TCP connection to HOST:PORT directly.
# Usage: container_reaches NETWORK IMAGE HOST PORT
container_reaches() {
  pm run --rm "${PODMAN_CONTAINER_FLAGS[@]}" --network "$1" --entrypoint /bin/bash "$2" \
    -c "exec 3<>/dev/tcp/$3/$4" >/dev/null 2>&1
}
