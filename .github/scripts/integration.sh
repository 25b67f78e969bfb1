#!/usr/bin/env bash
# The steps of .github/workflows/integration.yml: an ephemeral dev-shaped stack in the sandbox
# account, checked with AWS's and Kubernetes' own APIs, and destroyed whatever happened.
#
#   integration.sh config    writes Pulumi.<stack>.yaml from Pulumi.dev.yaml and selects (or creates) the stack
#   integration.sh check     cluster ACTIVE and nodes Ready, controllers running, database and cache available,
#                            certificate ISSUED and served by the HTTPS listener
#   integration.sh destroy   pulumi destroy (retried), stack rm; lists what is left on failure
#
# Environment: STACK_ENV (the ephemeral environment name, e.g. it-123), STACK (the Pulumi stack,
# with its organization if any), AWS_REGION, and for `config`: SANDBOX_DOMAIN,
# SANDBOX_PARENT_ZONE_ID, DEPLOY_ROLE_ARN, SANDBOX_ALERT_EMAIL, GITHUB_REPOSITORY (set by Actions). Timeouts: WAIT_SECONDS (default 900).
set -euo pipefail

cmd="${1:?usage: integration.sh config|check|destroy}"
: "${STACK_ENV:?}" "${STACK:?}" "${AWS_REGION:?}"
WAIT_SECONDS="${WAIT_SECONDS:-900}"
PROJECT=ultibiker-platform

fail() { echo "::error::integration: $*" >&2; exit 1; }
note() { echo "integration: $*"; }

# The ephemeral stack must never be one of the long-lived ones.
case "$STACK_ENV" in
  dev|prod|production|staging) fail "STACK_ENV $STACK_ENV is a long-lived stack; the integration test only makes ephemeral ones" ;;
  it-*) ;;
  *) fail "STACK_ENV $STACK_ENV must start with it- (ephemeral integration stacks only)" ;;
esac

# Polls `$@` until it prints $want (or the wait runs out), echoing the last answer.
wait_for() {
  local want="$1" what="$2"; shift 2
  local deadline=$(( $(date +%s) + WAIT_SECONDS )) got=""
  while :; do
    got="$("$@" 2>/dev/null || true)"
    [[ "$got" == "$want" ]] && { note "$what: $got"; return 0; }
    (( $(date +%s) >= deadline )) && fail "$what is ${got:-<no answer>} after ${WAIT_SECONDS}s, expected $want"
    sleep "${POLL_SECONDS:-20}"
  done
}

config() {
  : "${SANDBOX_DOMAIN:?}" "${SANDBOX_PARENT_ZONE_ID:?}" "${DEPLOY_ROLE_ARN:?}" "${SANDBOX_ALERT_EMAIL:?}" "${GITHUB_REPOSITORY:?}"
  local file="Pulumi.${STACK_ENV}.yaml"
  cp Pulumi.dev.yaml "$file"
  pulumi stack select "$STACK" 2>/dev/null || pulumi stack init "$STACK"
  # Dev-shaped, with what makes it ephemeral and alone in the sandbox account:
  #  - its own environment name, so every physical name differs from dev's and from other runs;
  #  - its own zone under the sandbox domain, delegated from the sandbox parent zone (ACM DNS validation);
  #  - no CI access (the account has one GitHub OIDC provider, owned by the sandbox setup);
  #  - the deploy role as the one cluster admin (kubectl below runs as it).
  # The Auto Scaling service-linked role is left to its default (created by the stack before the EBS
  # keys, deleted by the destroy): every run walks the first deploy into an empty account.
  local c=(pulumi config set --stack "$STACK" --path)
  "${c[@]}" "$PROJECT:environment" "$STACK_ENV"
  "${c[@]}" "$PROJECT:dns.domain" "${STACK_ENV}.${SANDBOX_DOMAIN}"
  "${c[@]}" "$PROJECT:dns.parentZoneId" "$SANDBOX_PARENT_ZONE_ID"
  "${c[@]}" "$PROJECT:dns.delegation" parentZone
  "${c[@]}" "$PROJECT:ci.enabled" false
  # The example repository of Pulumi.dev.yaml is refused by a real up (config/Placeholders), even with CI off.
  "${c[@]}" "$PROJECT:ci.githubRepository" "$GITHUB_REPOSITORY"
  "${c[@]}" "$PROJECT:eks.adminPrincipalArns[0]" "$DEPLOY_ROLE_ARN"
  "${c[@]}" "$PROJECT:observability.alertEmails[0]" "$SANDBOX_ALERT_EMAIL"
  "${c[@]}" "$PROJECT:tags.extra.Purpose" integration-test
  # No GuardDuty: its automated EKS agent leaves a VPC endpoint and security group outside the stack that keep the
  # VPC from being destroyed (README, "Destroying"), and the sandbox may already have the account's one detector.
  "${c[@]}" "$PROJECT:audit.guardDuty" off
  note "stack $STACK configured from Pulumi.dev.yaml (environment $STACK_ENV, domain ${STACK_ENV}.${SANDBOX_DOMAIN})"
}

output() {
  jq -er --arg k "$1" '.[$k] // empty' "$OUTPUTS" || fail "stack output $1 is missing"
}

check() {
  OUTPUTS="$(mktemp)"
  pulumi stack output --stack "$STACK" --json --show-secrets=false > "$OUTPUTS"
  local cluster db_endpoint cache_endpoint lb_dns api_url api_host
  cluster="$(output "eks.clusterName.$AWS_REGION")"
  db_endpoint="$(output database.endpoint)"
  cache_endpoint="$(output "cache.primaryEndpoint.$AWS_REGION")"
  lb_dns="$(output "loadBalancerDnsName.$AWS_REGION")"
  api_url="$(output apiUrl)"
  api_host="${api_url#https://}"; api_host="${api_host%%/*}"

  # EKS: the control plane, then every node of every pool Ready.
  wait_for ACTIVE "EKS cluster $cluster" aws eks describe-cluster --name "$cluster" --query cluster.status --output text
  aws eks update-kubeconfig --name "$cluster" --region "$AWS_REGION" --alias integration >/dev/null
  local pools nodes
  pools="$(aws eks list-nodegroups --cluster-name "$cluster" --query 'length(nodegroups)' --output text)"
  for ng in $(aws eks list-nodegroups --cluster-name "$cluster" --query 'nodegroups[]' --output text); do
    wait_for ACTIVE "node group $ng" aws eks describe-nodegroup --cluster-name "$cluster" --nodegroup-name "$ng" --query nodegroup.status --output text
  done
  kubectl wait --for=condition=Ready nodes --all --timeout="${WAIT_SECONDS}s"
  nodes="$(kubectl get nodes --no-headers | wc -l | tr -d ' ')"
  (( nodes >= pools )) || fail "$nodes nodes Ready for $pools node groups (every pool has at least one)"
  note "$nodes nodes Ready in $pools node groups"

  # Controllers and workloads the program installs.
  for release in aws-load-balancer-controller cluster-autoscaler; do
    kubectl -n kube-system wait --for=condition=Available deployment -l "app.kubernetes.io/instance=$release" --timeout="${WAIT_SECONDS}s"
    note "$release Available"
  done
  kubectl -n kube-system wait --for=condition=Available deployment/coredns --timeout="${WAIT_SECONDS}s"
  kubectl -n monitoring wait --for=condition=Available deployment -l app.kubernetes.io/instance=kube-prometheus-stack --timeout="${WAIT_SECONDS}s"
  kubectl -n ultibiker rollout status statefulset/influxdb --timeout="${WAIT_SECONDS}s"

  # Data stores: RDS and ElastiCache say available.
  local db_id="${db_endpoint%%.*}" rg_id
  rg_id="$(cut -d. -f2 <<<"$cache_endpoint")"
  wait_for available "RDS instance $db_id" aws rds describe-db-instances --db-instance-identifier "$db_id" \
    --query 'DBInstances[0].DBInstanceStatus' --output text
  wait_for available "ElastiCache replication group $rg_id" aws elasticache describe-replication-groups \
    --replication-group-id "$rg_id" --query 'ReplicationGroups[0].Status' --output text

  # The public entry: an HTTPS listener whose ACM certificate is ISSUED, and that certificate is what it serves.
  local lb_arn cert_arn acm_serial served_serial code
  lb_arn="$(aws elbv2 describe-load-balancers --query "LoadBalancers[?DNSName=='$lb_dns'].LoadBalancerArn | [0]" --output text)"
  [[ -n "$lb_arn" && "$lb_arn" != None ]] || fail "no load balancer with DNS name $lb_dns"
  cert_arn="$(aws elbv2 describe-listeners --load-balancer-arn "$lb_arn" \
    --query "Listeners[?Protocol=='HTTPS' && Port==\`443\`].Certificates[0].CertificateArn | [0]" --output text)"
  [[ -n "$cert_arn" && "$cert_arn" != None ]] || fail "load balancer $lb_dns has no HTTPS listener on 443 with a certificate"
  wait_for ISSUED "certificate $cert_arn" aws acm describe-certificate --certificate-arn "$cert_arn" --query Certificate.Status --output text
  acm_serial="$(aws acm describe-certificate --certificate-arn "$cert_arn" --query Certificate.Serial --output text | tr -d ':' | tr 'a-f' 'A-F')"
  served_serial="$(openssl s_client -connect "$lb_dns:443" -servername "$api_host" </dev/null 2>/dev/null \
    | openssl x509 -noout -serial | sed 's/^serial=//' | tr 'a-f' 'A-F')"
  [[ -n "$served_serial" && "$served_serial" == "$acm_serial" ]] \
    || fail "the HTTPS listener serves certificate serial ${served_serial:-<none>} for $api_host, expected ACM's $acm_serial"
  # curl verifies the chain and the host name against that certificate (any HTTP status will do: no app is deployed).
  code="$(curl --silent --show-error --output /dev/null --write-out '%{http_code}' --max-time 30 \
    --connect-to "$api_host:443:$lb_dns:443" "https://$api_host/")" || fail "TLS to https://$api_host via $lb_dns failed"
  note "https://$api_host answers $code with ACM certificate $cert_arn (serial $acm_serial)"
}

destroy() {
  if ! pulumi stack select "$STACK" 2>/dev/null; then
    note "no stack $STACK: nothing to destroy"
    return 0
  fi
  local attempt
  for attempt in 1 2 3; do
    if pulumi destroy --stack "$STACK" --yes --skip-preview --continue-on-error; then
      pulumi stack rm --stack "$STACK" --yes
      note "stack $STACK destroyed and removed"
      return 0
    fi
    note "destroy attempt $attempt failed; retrying"
    sleep "${RETRY_SECONDS:-60}"
  done
  echo "::error::integration: $STACK was not destroyed; resources still tagged Environment=$STACK_ENV:" >&2
  aws resourcegroupstaggingapi get-resources --tag-filters "Key=Environment,Values=$STACK_ENV" \
    --query 'ResourceTagMappingList[].ResourceARN' --output text >&2 || true
  return 1
}

case "$cmd" in
  config) config ;;
  check) check ;;
  destroy) destroy ;;
  *) fail "unknown command $cmd" ;;
esac
