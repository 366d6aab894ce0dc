#!/bin/bash
# The usual alternative to jit-elevate, for comparison in bench/run.sh: a pipeline step written with
# `az rest` that has a broker assign the CI identity Key Vault Secrets Officer on rg-app through PIM
# (AdminAssign), polls the request every 10 s until Provisioned, polls the CI identity's permissions every
# 10 s until the role works (the same guarantee jit-elevate's verify step gives), then removes it (AdminRemove).
# Tokens come from the emulator's Entra endpoint with curl (the broker's secret; the CI identity's GitHub OIDC
# token) and are handed to `az rest --skip-authorization-header`, so no `az login` is involved.
#
# usage: az-rest-baseline.sh BASE_URL CA_FILE TENANT_ID OIDC_REQUEST_URL OIDC_REQUEST_TOKEN
set -euo pipefail
base=${1%/}; ca=$2; tenant=$3; oidc_url=$4; oidc_token=$5
sub=3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12
scope=/subscriptions/$sub/resourceGroups/rg-app
role=/subscriptions/$sub/providers/Microsoft.Authorization/roleDefinitions/b86a8fe4-44ce-4948-aee5-eccb2c155cd7
ci_app=c1c1c1c1-0000-4000-8000-0000000000a1
ci_object=c1c1c1c1-0000-4000-8000-000000000001
broker_app=b0b0b0b0-0000-4000-8000-0000000000a1
broker_secret=${BROKER_SECRET:-demo-broker-secret-7f3e9c21}
interval=${POLL_SECONDS:-10}

export REQUESTS_CA_BUNDLE=$ca AZURE_CORE_COLLECT_TELEMETRY=false AZURE_CORE_ONLY_SHOW_ERRORS=true
AZURE_CONFIG_DIR=$(mktemp -d)
export AZURE_CONFIG_DIR
trap 'rm -rf "$AZURE_CONFIG_DIR"' EXIT

token() { # form fields... -> access token
  curl -sf --cacert "$ca" "$base/$tenant/oauth2/v2.0/token" "$@" -d scope=https://management.azure.com/.default \
    | jq -r .access_token
}
arm() { # token method path [body]
  local t=$1 m=$2 p=$3
  shift 3
  az rest --skip-authorization-header --headers "Authorization=Bearer $t" --method "$m" \
    --url "$base$p" "$@"
}
schedule_request() { # requestType -> request path
  local path="$scope/providers/Microsoft.Authorization/roleAssignmentScheduleRequests/$(cat /proc/sys/kernel/random/uuid)?api-version=2020-10-01"
  local body
  body=$(jq -nc --arg p "$ci_object" --arg r "$role" --arg t "$1" --arg s "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    '{properties:{principalId:$p,roleDefinitionId:$r,requestType:$t,justification:"az rest baseline",
      scheduleInfo:{startDateTime:$s,expiration:{type:"AfterDuration",duration:"PT30M"}}}}')
  arm "$broker" PUT "$path" --body "$body" --query properties.status -o tsv >&2
  echo "$path"
}

broker=$(token -d grant_type=client_credentials -d client_id=$broker_app --data-urlencode client_secret="$broker_secret")
id_token=$(curl -sf --cacert "$ca" -H "Authorization: Bearer $oidc_token" "$oidc_url&audience=api://AzureADTokenExchange" | jq -r .value)
ci=$(token -d grant_type=client_credentials -d client_id=$ci_app \
  -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer --data-urlencode client_assertion="$id_token")

request=$(schedule_request AdminAssign)
until [ "$(arm "$broker" GET "$request" --query properties.status -o tsv)" = Provisioned ]; do sleep "$interval"; done
echo "provisioned" >&2
until arm "$ci" GET "$scope/providers/Microsoft.Authorization/permissions?api-version=2022-04-01" \
    --query "value[].dataActions[]" -o tsv | grep -qx 'Microsoft.KeyVault/vaults/secrets/\*'; do sleep "$interval"; done
echo "effective" >&2
schedule_request AdminRemove >/dev/null
echo "removed" >&2
