'use strict';
// The integration workflow (.github/workflows/integration.yml) and its script, which cannot run here
// (they need a sandbox account): the workflow's promises are read from it, and the script's checks are
// run against stand-ins for aws, kubectl, pulumi, openssl and curl (ci-tests/fakes) that answer as the
// real tools do, so each check is shown to pass on a healthy stack and to fail on the broken one.
const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const c = require('../checks');

const w = c.loadAll().find((x) => x.file === path.join('.github', 'workflows', 'integration.yml'));
const script = path.join(c.ROOT, '.github', 'scripts', 'integration.sh');
const fakes = path.join(__dirname, '..', 'fakes');
const docs = fs.readFileSync(path.join(c.ROOT, 'docs', 'integration-test.md'), 'utf8');

function job(id) {
  const j = w.doc.jobs[id];
  assert.ok(j, `integration.yml has job ${id}`);
  return j;
}

function runOf(j) {
  return (j.steps || []).map((s) => s.run || '').filter(Boolean);
}

/** Runs integration.sh with the fakes first on PATH; FAKE_* variables shape what "AWS" answers. */
function sh(cmd, env = {}, cwd = c.ROOT) {
  const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'integration-')), 'calls.log');
  fs.writeFileSync(log, '');
  const r = spawnSync('bash', [script, cmd], {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: `${fakes}:${process.env.PATH}`, HOME: os.tmpdir(), FAKE_LOG: log,
      STACK_ENV: 'it-7', STACK: 'ultibiker/it-7', AWS_REGION: 'us-east-1',
      WAIT_SECONDS: '0', POLL_SECONDS: '0', RETRY_SECONDS: '0', ...env,
    },
  });
  return { code: r.status, out: r.stdout, err: r.stderr, calls: fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) };
}

describe('integration.yml', () => {
  test('runs nightly, by hand, and when the label integration-test is added to a pull request', () => {
    const on = c.onKeys(w.doc);
    assert.ok(on.schedule[0].cron);
    assert.ok('workflow_dispatch' in on);
    assert.deepEqual(on.pull_request.types, ['labeled']);
    const cond = job('deploy-and-check').if;
    assert.match(cond, /github\.event\.label\.name == 'integration-test'/);
    assert.match(cond, /github\.event\.pull_request\.head\.repo\.full_name == github\.repository/, 'no run for forks');
  });

  test('an ephemeral stack per run, never dev or prod', () => {
    assert.equal(w.doc.env.STACK_ENV, 'it-${{ github.run_number }}');
    assert.match(w.doc.env.STACK, /it-\$\{\{ github\.run_number \}\}$/);
    assert.doesNotMatch(JSON.stringify(w.doc), /stack-name|Pulumi\.prod|--stack (dev|prod)\b/);
    for (const env of ['dev', 'prod', 'production', 'nightly']) {
      const r = sh('config', { STACK_ENV: env, SANDBOX_DOMAIN: 'x', SANDBOX_PARENT_ZONE_ID: 'Z', DEPLOY_ROLE_ARN: 'a', SANDBOX_ALERT_EMAIL: 'e', GITHUB_REPOSITORY: 'o/r' });
      assert.equal(r.code, 1, env);
      assert.match(r.err, /ephemeral/);
      assert.deepEqual(r.calls, [], `${env}: nothing was called`);
    }
  });

  test('deploys through the sandbox deploy role, in environment sandbox, with the policy pack', () => {
    const j = job('deploy-and-check');
    assert.equal(j.environment.name, 'sandbox');
    assert.deepEqual(j.permissions, { contents: 'read', 'id-token': 'write' });
    const aws = j.steps.find((s) => String(s.uses).startsWith('aws-actions/configure-aws-credentials@'));
    assert.equal(aws.with['role-to-assume'], '${{ vars.AWS_DEPLOY_ROLE_ARN }}');
    assert.deepEqual(runOf(j), [
      '.github/scripts/integration.sh config',
      'pulumi up --stack "$STACK" --yes --policy-pack policy',
      '.github/scripts/integration.sh check',
      'pulumi preview --stack "$STACK" --expect-no-changes --diff --policy-pack policy',
    ]);
  });

  test('destroys in every case: after the test job whatever its result, never cancelled half-way', () => {
    const d = job('destroy');
    assert.deepEqual([].concat(d.needs), ['deploy-and-check']);
    assert.equal(d.if, "always() && needs.deploy-and-check.result != 'skipped'");
    assert.equal(d.environment.name, 'sandbox');
    assert.deepEqual(runOf(d), ['.github/scripts/integration.sh destroy']);
    assert.equal(w.doc.concurrency['cancel-in-progress'], false);
    assert.ok(d['timeout-minutes'] >= 60, 'an EKS and RDS teardown takes its time');
  });

  test('every variable and secret it reads is in the one-time setup (docs/integration-test.md), with the cost per run', () => {
    const names = new Set([...w.text.matchAll(/\b(vars|secrets)\.([A-Z_]+)/g)].map((m) => m[2]));
    assert.ok(names.size >= 6, [...names].join());
    for (const n of names) assert.ok(docs.includes(`\`${n}\``), `docs/integration-test.md names ${n}`);
    assert.match(docs, /## Cost per run/);
    assert.match(docs, /\$\d+(\.\d+)? per run/);
  });
});

describe('integration.sh config', () => {
  test('writes the ephemeral stack from Pulumi.dev.yaml with what makes it ephemeral and alone in the account', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'integration-config-'));
    fs.copyFileSync(path.join(c.ROOT, 'Pulumi.dev.yaml'), path.join(dir, 'Pulumi.dev.yaml'));
    const r = sh('config', {
      SANDBOX_DOMAIN: 'sandbox.example.com', SANDBOX_PARENT_ZONE_ID: 'Z0123456789ABCDEFGHIJ',
      DEPLOY_ROLE_ARN: 'arn:aws:iam::210987654321:role/sandbox-deploy', SANDBOX_ALERT_EMAIL: 'ci@example.com',
      GITHUB_REPOSITORY: 'acme/platform',
    }, dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(fs.readFileSync(path.join(dir, 'Pulumi.it-7.yaml'), 'utf8'), fs.readFileSync(path.join(c.ROOT, 'Pulumi.dev.yaml'), 'utf8'));
    const set = (k, v) => `pulumi config set --stack ultibiker/it-7 --path ultibiker-platform:${k} ${v}`;
    for (const line of [
      set('environment', 'it-7'),
      set('dns.domain', 'it-7.sandbox.example.com'),
      set('dns.parentZoneId', 'Z0123456789ABCDEFGHIJ'),
      set('dns.delegation', 'parentZone'),
      set('ci.enabled', 'false'),
      // a real up refuses the shipped example repository (config/Placeholders), even with CI off
      set('ci.githubRepository', 'acme/platform'),
      set('eks.adminPrincipalArns[0]', 'arn:aws:iam::210987654321:role/sandbox-deploy'),
    ]) assert.ok(r.calls.includes(line), `${line}\nin\n${r.calls.join('\n')}`);
  });
});

describe('integration.sh check (against stand-ins answering as AWS and Kubernetes do)', () => {
  test('passes on a healthy stack and asks every API it promises', () => {
    const r = sh('check');
    assert.equal(r.code, 0, r.err + r.out);
    const calls = r.calls.join('\n');
    for (const want of ['aws eks describe-cluster --name ultibiker-it-7-us-east-1', 'kubectl wait --for=condition=Ready nodes --all',
      'app.kubernetes.io/instance=aws-load-balancer-controller', 'app.kubernetes.io/instance=cluster-autoscaler',
      'aws rds describe-db-instances --db-instance-identifier ultibiker-it-7-postgres',
      'aws elasticache describe-replication-groups --replication-group-id ultibiker-it-7-redis',
      'aws acm describe-certificate --certificate-arn arn:aws:acm:us-east-1:123456789012:certificate/c1 --query Certificate.Status',
      'openssl s_client -connect entry-us-east-1-123.us-east-1.elb.amazonaws.com:443 -servername api.it-7.sandbox.example.com',
      'curl --silent --show-error --output /dev/null']) {
      assert.ok(calls.includes(want), `${want} not called:\n${calls}`);
    }
    assert.match(r.out, /https:\/\/api\.it-7\.sandbox\.example\.com answers 503 with ACM certificate/);
  });

  const broken = [
    ['the cluster is not ACTIVE', { FAKE_CLUSTER_STATUS: 'CREATING' }, /EKS cluster ultibiker-it-7-us-east-1 is CREATING after 0s, expected ACTIVE/],
    ['a node group is degraded', { FAKE_NODEGROUP_STATUS: 'DEGRADED' }, /node group system is DEGRADED/],
    ['a pool has no Ready node', { FAKE_NODES: '2' }, /2 nodes Ready for 3 node groups/],
    ['a controller never becomes Available', { FAKE_KUBECTL_FAIL: 'instance=cluster-autoscaler' }, /timed out waiting/],
    ['the database is not available', { FAKE_DB_STATUS: 'storage-full' }, /RDS instance ultibiker-it-7-postgres is storage-full/],
    ['the cache is not available', { FAKE_CACHE_STATUS: 'create-failed' }, /ElastiCache replication group ultibiker-it-7-redis is create-failed/],
    ['no HTTPS listener', { FAKE_CERT_ARN: 'None' }, /has no HTTPS listener on 443/],
    ['the certificate is not ISSUED', { FAKE_CERT_STATUS: 'PENDING_VALIDATION' }, /certificate .* is PENDING_VALIDATION after 0s, expected ISSUED/],
    ['the listener serves another certificate', { FAKE_SERVED_SERIAL: '0DEADBEEF' }, /serves certificate serial 0DEADBEEF for api\.it-7\.sandbox\.example\.com, expected ACM's 0A1B2C3D/],
    ['TLS does not verify', { FAKE_CURL_RC: '60' }, /TLS to https:\/\/api\.it-7\.sandbox\.example\.com via .* failed/],
  ];
  for (const [title, env, message] of broken) {
    test(`fails when ${title}`, () => {
      const r = sh('check', env);
      assert.equal(r.code, 1, `${title}: exit ${r.code}\n${r.out}`);
      assert.match(r.err, message);
    });
  }
});

describe('integration.sh destroy', () => {
  test('destroys and removes the stack', () => {
    const r = sh('destroy');
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.calls, [
      'pulumi stack select ultibiker/it-7',
      'pulumi destroy --stack ultibiker/it-7 --yes --skip-preview --continue-on-error',
      'pulumi stack rm --stack ultibiker/it-7 --yes',
    ]);
  });

  test('succeeds with nothing to do when the stack was never created', () => {
    const r = sh('destroy', { FAKE_STACK_SELECT_RC: '1' });
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.calls, ['pulumi stack select ultibiker/it-7']);
  });

  test('retries, then fails loudly listing what is left (and keeps the stack to retry)', () => {
    const r = sh('destroy', { FAKE_DESTROY_RC: '255' });
    assert.equal(r.code, 1);
    assert.equal(r.calls.filter((l) => l.startsWith('pulumi destroy')).length, 3);
    assert.ok(!r.calls.some((l) => l.startsWith('pulumi stack rm')), 'the stack (its state) is kept');
    assert.match(r.err, /ultibiker\/it-7 was not destroyed; resources still tagged Environment=it-7/);
    assert.match(r.err, /arn:aws:rds:us-east-1:123456789012:db:ultibiker-it-7-postgres/);
  });
});
