# The hardened pattern of scripts/runner-sim.sh (sourced after sim-scenarios.sh; uses its helpers): the caller's
# three jobs of examples/hardened-broker/workflow.yml run as GitHub runs them. The grant and revoke jobs run
# inside the reusable workflow .github/workflows/jit-broker.yml (the action container, `mode: grant` /
# `mode: revoke`), so their ID tokens name it as job_workflow_ref; the work job's host steps get tokens that
# name the caller's own workflow. The emulator runs the hardened-broker scenario: the broker's federated
# credential trusts only the reusable workflow's subject.
# shellcheck shell=bash

HARDENED_BROKER_WORKFLOW=contoso/jit-elevate/.github/workflows/jit-broker.yml@refs/tags/v1
HARDENED_CI_APP=c1c1c1c1-0000-4000-8000-0000000000a1
HARDENED_CI_OBJECT=c1c1c1c1-0000-4000-8000-000000000001
HARDENED_BROKER_APP=b0b0b0b0-0000-4000-8000-0000000000a1

emulator_admin() { # emulator_admin METHOD PATH [JSON] — the emulator's admin API
  curl -fsS --noproxy '*' --cacert "$cacert" -X "$1" -H 'Content-Type: application/json' \
    ${3:+--data "$3"} "${emulator_url}_emulator/$2"
}

# GitHub gives a job inside a reusable workflow tokens naming that workflow; other jobs, their own.
in_broker_workflow() {
  emulator_admin PUT github/oidc "{\"jobWorkflowRef\":\"$HARDENED_BROKER_WORKFLOW\",\"jobWorkflowSha\":\"$SHA\"}" >/dev/null
}
in_caller_workflow() { emulator_admin PUT github/oidc '{"jobWorkflowRef":null}' >/dev/null; }

# A broker job of the reusable workflow: the policy checked out from the broker's repository, mode and inputs.
# Usage: broker_job NAME [INPUT=VALUE...]
broker_job() {
  local name=$1
  shift
  new_job "$name" PRINCIPAL-ID=$HARDENED_CI_OBJECT BROKER-POLICY=broker-policy.yml \
    "BROKER-JWKS-URL=${emulator_url}_github/.well-known/jwks" "JUSTIFICATION=Deploy $SHA from refs/heads/main" "$@"
  cat >"$job_workspace/broker-policy.yml" <<POLICY
version: 1
rules:
  - name: no-pull-requests
    effect: deny
    when:
      event_name: [pull_request, pull_request_target]
  - name: payments-deploy
    effect: allow
    when:
      repository: contoso/payments
      ref: refs/heads/main
      ref_protected: true
      environment: production
      event_name: [push, workflow_dispatch]
      job_workflow_ref: contoso/jit-elevate/.github/workflows/jit-broker.yml@*
    grant:
      target: azure-role
      roles: [Key Vault Secrets Officer]
      scope-prefix: /subscriptions/$SUBSCRIPTION_ID/resourceGroups/rg-app
      max-duration: 1h
POLICY
  chown "$RUNNER_UID:$RUNNER_GID" "$job_workspace/broker-policy.yml"
}

# A `run:` step of the work job on the host, as the runner's user: any step with id-token: write can mint the
# job's ID token and present it to Entra for an app. Prints the token endpoint's HTTP status, then its body.
# Usage: work_sign_in CLIENT_ID SCOPE
work_sign_in() {
  local profile=$work/jobs/hardened-work/_work/payments/payments/cloud-profile.json
  as_runner bash -c '
    set -euo pipefail
    url=$(jq -r .github.oidcRequestUrl "$1"); request=$(jq -r .github.oidcRequestToken "$1")
    id_token=$(curl -fsS --cacert "$2" -H "Authorization: Bearer $request" \
      "$url&audience=api%3A%2F%2FAzureADTokenExchange" | jq -r .value)
    curl -sS --cacert "$2" -o /dev/stdout -w "\n%{http_code}\n" "$3$4/oauth2/v2.0/token" \
      --data-urlencode grant_type=client_credentials --data-urlencode "client_id=$5" --data-urlencode "scope=$6" \
      --data-urlencode client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \
      --data-urlencode "client_assertion=$id_token" | tac' _ "$profile" "$cacert" "$emulator_url" "$TENANT_ID" "$1" "$2"
}

# The work itself: writes a secret into the vault the grant covers with the workload identity's token.
# Prints the HTTP status. Usage: work_writes_secret ACCESS_TOKEN
work_writes_secret() {
  as_runner curl -sS --noproxy '*' --cacert "$cacert" -o /dev/null -w '%{http_code}' -X PUT \
    -H "Authorization: Bearer $1" -H 'Content-Type: application/json' --data '{"value":"rotated-by-the-work-job"}' \
    "${emulator_url}kv/kv-jit-demo/secrets/db-password?api-version=7.4"
}

vault_token() { work_sign_in "$HARDENED_CI_APP" https://vault.azure.net/.default | sed -n 2p | jq -r '.access_token // empty'; }

scenario_hardened() {
  local image=$1
  section "sim: hardened — grant job → work job → revoke job (if: always()), emulator on the hardened set-up"
  mkdir -p "$work/emulator-hardened"
  sim_emulator "$EMULATOR_JAR" "$net_gateway" "$FLOOR" "$work/emulator-hardened" hardened-broker
  cacert=$work/emulator-hardened/ca.pem
  SIM_PROFILE=$work/emulator-hardened/profile.json

  in_broker_workflow
  broker_job hardened-grant MODE=grant
  step hardened-grant main "$net_name" "$image" /usr/local/bin/jit-elevate-action
  local grant_output=$step_output grant_state=$step_state
  check "grant job: the main step exits 0 (exit code $step_rc)" test "$step_rc" -eq 0
  local handle rule
  handle=$(value_of "$grant_output" revocation-handle)
  rule=$(value_of "$grant_output" policy-rule)
  echo "  outputs: status=$(value_of "$grant_output" status) policy-rule=$rule expires-at=$(value_of "$grant_output" expires-at)"
  check "grant job: output status is ACTIVE" test "$(value_of "$grant_output" status)" == ACTIVE
  check "grant job: output policy-rule names the rule that allowed it (payments-deploy)" test "$rule" == payments-deploy
  check "grant job: output revocation-handle is set for the revoke job" test -n "$handle"
  state_env_of "$grant_state"
  step hardened-grant post "$net_name" "$image" /usr/local/bin/jit-elevate-action-post "${STATE_ENV[@]}"
  check "grant job: the post step exits 0 (exit code $step_rc)" test "$step_rc" -eq 0
  check "grant job: the grant outlives its job (held for the work job)" test "$(leaked_assignments)" != "[]"
  local grant_logs=("$work/hardened-grant-main.log" "$work/hardened-grant-post.log")

  section "sim: hardened — the work job (the caller's own workflow; its steps on the host)"
  in_caller_workflow
  new_job hardened-work
  local token status body
  token=$(vault_token)
  check "work job: its workload identity signs in with the job's ID token" test -n "$token"
  status=$(work_writes_secret "$token")
  check "work job: the work succeeds with the granted access (Key Vault write: HTTP $status)" test "$status" == 200
  local as_broker
  as_broker=$(work_sign_in "$HARDENED_BROKER_APP" https://management.azure.com/.default)
  status=$(head -1 <<<"$as_broker")
  body=$(sed -n 2p <<<"$as_broker")
  echo "  a step signing in as the broker: HTTP $status $(jq -r '.error_description // .error // empty' <<<"$body" | head -1)"
  check "work job: a step signing in as the broker with the job's ID token is refused (HTTP $status)" test "$status" == 400
  check "work job: Entra says AADSTS70021 (no federated credential matches the subject)" grep -q AADSTS70021 <<<"$body"

  section "sim: hardened — the revoke job (if: always(); the handle from the grant job's outputs)"
  in_broker_workflow
  broker_job hardened-revoke MODE=revoke "REVOCATION-HANDLE=$handle"
  step hardened-revoke main "$net_name" "$image" /usr/local/bin/jit-elevate-action
  local revoke_output=$step_output revoke_state=$step_state
  check "revoke job: the main step exits 0 (exit code $step_rc)" test "$step_rc" -eq 0
  check "revoke job: output status is SUCCEEDED" test "$(value_of "$revoke_output" status)" == SUCCEEDED
  state_env_of "$revoke_state"
  step hardened-revoke post "$net_name" "$image" /usr/local/bin/jit-elevate-action-post "${STATE_ENV[@]}"
  check "revoke job: the post step exits 0 (exit code $step_rc)" test "$step_rc" -eq 0
  local record_path record=$work/hardened-record.json opened=0
  record_path=$(value_of "$revoke_output" record-path)
  as_runner bash -c 'cd "$1" && cat -- "$2"' _ "$job_workspace" "$record_path" >"$record" || opened=$?
  check "revoke job: a following host step opens record-path" test "$opened" -eq 0
  check "revoke job: the record says REVOKED and names the policy rule" \
    bash -c 'grep -q REVOKED "$1" && grep -q "\"broker.policy.rule\"" "$1" && grep -q payments-deploy "$1"' _ "$record"
  in_caller_workflow
  status=$(work_writes_secret "$(vault_token)")
  check "work job's identity: the same Key Vault write is refused after the revoke (HTTP $status)" test "$status" == 403
  job_ends_clean hardened-revoke "$work/hardened-revoke-main.log" "$work/hardened-revoke-post.log" "${grant_logs[@]}"

  section "sim: hardened — a grant outside the broker policy (2h > max-duration 1h)"
  in_broker_workflow
  emulator_admin DELETE journal >/dev/null
  broker_job hardened-denied MODE=grant DURATION=2h
  step hardened-denied main "$net_name" "$image" /usr/local/bin/jit-elevate-action
  local denied_output=$step_output
  check "denied grant: the main step exits 3 (exit code $step_rc)" test "$step_rc" -eq 3
  check "denied grant: an ::error:: names the rule (DENIED by rule 'payments-deploy')" \
    grep -q "^::error.*DENIED by rule 'payments-deploy'" "$work/hardened-denied-main.log"
  check "denied grant: no revocation-handle output" test -z "$(value_of "$denied_output" revocation-handle)"
  local surfaces
  surfaces=$(emulator_admin GET journal | jq -c '[.value[].surface | select(. != "admin")] | unique')
  echo "  the emulator's journal since the denied grant: surfaces $surfaces"
  check "denied grant: the emulator's journal shows no ARM, Graph or Entra request (only the OIDC issuer)" \
    json_true -n --argjson s "$surfaces" '$s - ["github-oidc"] == []'
  job_ends_clean hardened-denied "$work/hardened-denied-main.log"
  kill "$emulator_pid" 2>/dev/null && wait "$emulator_pid" 2>/dev/null || true
  unset SIM_PROFILE
}
