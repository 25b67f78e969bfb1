'use strict';
// What each workflow promises: triggers, the approval gate, concurrency, fork safety, drift issues.
const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const c = require('../checks');

const byName = Object.fromEntries(c.loadAll().map((w) => [path.basename(w.file), w]));
const stacksInRepo = fs.readdirSync(c.ROOT).map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)).filter(Boolean).map((m) => m[1]);

function job(file, id) {
  const j = byName[file].doc.jobs[id];
  assert.ok(j, `${file} has job ${id}`);
  return j;
}

function matrixStacks(j) {
  return ((j.strategy && j.strategy.matrix && j.strategy.matrix.include) || []).map((m) => m.stack);
}

function runs(j) {
  return (j.steps || []).map((s) => s.run || '').join('\n');
}

describe('pull-request.yml', () => {
  const w = byName['pull-request.yml'];

  test('runs on pull requests to main', () => {
    assert.deepEqual(c.onKeys(w.doc).pull_request.branches, ['main']);
  });

  test('tests with bin/test', () => {
    assert.match(runs(job('pull-request.yml', 'test')), /\bbin\/test\b/);
  });

  test('the offline plan of every stack goes to the job summary and an artifact, with bin/policy-check', () => {
    const j = job('pull-request.yml', 'offline-plan');
    const script = runs(j);
    assert.match(script, /for file in Pulumi\.\*\.yaml/, 'every stack, not a fixed list');
    assert.match(script, /bin\/plan "\$stack" --json/);
    assert.match(script, /GITHUB_STEP_SUMMARY/);
    assert.match(script, /bin\/policy-check "\$plan"/);
    assert.ok(j.steps.some((s) => String(s.uses).startsWith('actions/upload-artifact@') && s.with.path === 'target/plans/'));
  });

  test('forks get the tests, offline plan and policy check: those jobs need no secrets and no token', () => {
    for (const id of ['test', 'offline-plan']) {
      const j = job('pull-request.yml', id);
      assert.equal(j.if, undefined, `${id} runs for forks too`);
      assert.deepEqual(j.permissions, { contents: 'read' });
      assert.doesNotMatch(JSON.stringify(j), /secrets\./, `${id} uses no secrets`);
    }
  });

  test('pulumi preview of dev and prod through pulumi/actions, commenting once per stack and editing it', () => {
    const j = job('pull-request.yml', 'preview');
    assert.deepEqual(matrixStacks(j), ['dev', 'prod']);
    const [preview] = c.pulumiSteps(j, 'preview');
    assert.ok(preview, 'a pulumi/actions preview step');
    assert.equal(preview.with['comment-on-pr'], true);
    assert.equal(preview.with['edit-pr-comment'], true);
    assert.equal(preview.with.policyPacks, 'policy');
    assert.match(preview.with['stack-name'], /matrix\.stack/);
    assert.equal(j.permissions['pull-requests'], 'write');
    assert.equal(j.permissions['id-token'], 'write');
  });

  test('the preview is skipped for forked pull requests, which have no secrets', () => {
    const j = job('pull-request.yml', 'preview');
    assert.match(j.if, /github\.event\.pull_request\.head\.repo\.full_name == github\.repository/);
  });

  test('previews use the read-only preview role of their stack', () => {
    const j = job('pull-request.yml', 'preview');
    const vars = j.strategy.matrix.include.map((m) => m['role-variable']);
    assert.deepEqual(vars, ['AWS_PREVIEW_ROLE_ARN_DEV', 'AWS_PREVIEW_ROLE_ARN_PROD']);
    const aws = j.steps.find((s) => String(s.uses).startsWith('aws-actions/configure-aws-credentials@'));
    assert.equal(aws.with['role-to-assume'], '${{ vars[matrix.role-variable] }}');
  });
});

describe('deploy.yml', () => {
  const w = byName['deploy.yml'];

  test('runs on push to main only (and by hand)', () => {
    const on = c.onKeys(w.doc);
    assert.deepEqual(on.push.branches, ['main']);
    assert.deepEqual(Object.keys(on).sort(), ['push', 'workflow_dispatch']);
  });

  test('only main is deployed, also when started by hand', () => {
    assert.equal(job('deploy.yml', 'test').if, "github.ref == 'refs/heads/main'");
  });

  test('dev deploys after the tests, in environment dev', () => {
    const dev = job('deploy.yml', 'deploy-dev');
    assert.deepEqual([].concat(dev.needs), ['test']);
    assert.equal(dev.environment.name, 'dev');
  });

  test('prod deploys only after dev succeeded and through the approval environment production', () => {
    const prod = job('deploy.yml', 'deploy-prod');
    assert.ok([].concat(prod.needs).includes('deploy-dev'));
    assert.equal(prod.environment.name, 'production');
    assert.equal(prod.if, undefined, 'no condition that could run it when dev failed');
  });

  test('one concurrency group per stack, never cancelled in progress', () => {
    const groups = {};
    for (const [id, stack] of [['deploy-dev', 'dev'], ['deploy-prod', 'prod']]) {
      const j = job('deploy.yml', id);
      assert.equal(j.concurrency['cancel-in-progress'], false, id);
      assert.match(j.concurrency.group, new RegExp(`\\b${stack}$`), id);
      groups[id] = j.concurrency.group;
    }
    assert.notEqual(groups['deploy-dev'], groups['deploy-prod']);
  });

  test('pulumi up with the policy pack, on the right stack, with the deploy role of the environment', () => {
    for (const [id, stack] of [['deploy-dev', 'dev'], ['deploy-prod', 'prod']]) {
      const j = job('deploy.yml', id);
      const [up] = c.pulumiSteps(j, 'up');
      assert.ok(up, `${id} runs pulumi up`);
      assert.equal(up.with.policyPacks, 'policy');
      assert.match(up.with['stack-name'], new RegExp(`'${stack}'|/${stack}'`));
      const aws = j.steps.find((s) => String(s.uses).startsWith('aws-actions/configure-aws-credentials@'));
      assert.equal(aws.with['role-to-assume'], '${{ vars.AWS_DEPLOY_ROLE_ARN }}', 'environment-scoped variable');
      assert.equal(j.permissions['id-token'], 'write');
      assert.equal(Object.keys(j.permissions).filter((k) => j.permissions[k] === 'write').join(), 'id-token');
    }
  });

  test('the approver sees a prod preview before approving', () => {
    const prod = job('deploy.yml', 'deploy-prod');
    assert.ok([].concat(prod.needs).includes('preview-prod'));
    const preview = job('deploy.yml', 'preview-prod');
    const steps = c.pulumiSteps(preview, 'preview');
    assert.equal(steps.length, 1);
    assert.equal(preview.environment, undefined, 'the preview needs no approval');
    // Of prod, not dev: the stack it previews, the role it previews with, the session it names.
    assert.equal(steps[0].with['stack-name'], "${{ vars.PULUMI_ORG && format('{0}/prod', vars.PULUMI_ORG) || 'prod' }}");
    assert.equal(steps[0].with.policyPacks, 'policy');
    const aws = preview.steps.find((s) => String(s.uses).startsWith('aws-actions/configure-aws-credentials@'));
    assert.equal(aws.with['role-to-assume'], '${{ vars.AWS_PREVIEW_ROLE_ARN_PROD }}');
    assert.doesNotMatch(JSON.stringify(preview), /\bdev\b/, 'nothing in the approver\'s preview names dev');
  });

  test('the test job only reads: it holds no write permission and no secret', () => {
    const t = job('deploy.yml', 'test');
    assert.deepEqual(t.permissions, { contents: 'read' });
    assert.doesNotMatch(JSON.stringify(t), /secrets\./);
  });
});

describe('drift.yml', () => {
  const w = byName['drift.yml'];

  test('runs on a schedule and by hand', () => {
    const on = c.onKeys(w.doc);
    assert.ok(Array.isArray(on.schedule) && on.schedule.length >= 1 && on.schedule[0].cron);
    assert.ok('workflow_dispatch' in on);
  });

  test('every stack: preview --refresh --expect-no-changes with the policy pack', () => {
    const j = job('drift.yml', 'detect');
    assert.deepEqual(matrixStacks(j), ['dev', 'prod']);
    assert.equal(j.strategy['fail-fast'], false, 'one drifted stack must not hide the other');
    const script = runs(j).replace(/\\\n/g, ' ');
    assert.match(script, /pulumi preview [^\n]*--refresh[^\n]*--expect-no-changes[^\n]*--policy-pack policy/);
    assert.match(script, /exit 1/, 'drift fails the job loudly');
  });

  test('drift opens or updates one issue per stack from a job that can only write issues', () => {
    const report = job('drift.yml', 'report');
    assert.deepEqual(report.permissions, { issues: 'write' });
    assert.match(report.if, /always\(\)/, 'reports when detect failed (that is the point)');
    const script = report.steps.find((s) => String(s.uses).startsWith('actions/github-script@')).with.script;
    assert.match(script, /issues\.create\(/);
    assert.match(script, /issues\.createComment\(/);
    assert.match(script, /Infrastructure drift: \$\{r\.stack\}/);
  });
});

test('every stack a workflow names exists as Pulumi.<stack>.yaml', () => {
  const named = [
    ...matrixStacks(job('pull-request.yml', 'preview')),
    ...matrixStacks(job('drift.yml', 'detect')),
    'dev', 'prod',
  ];
  for (const s of named) assert.ok(stacksInRepo.includes(s), `${s} in ${stacksInRepo}`);
});

test('the Pulumi CLI version is pinned in .pulumi-version and every pulumi/actions step uses it', () => {
  const version = fs.readFileSync(path.join(c.ROOT, '.pulumi-version'), 'utf8').trim();
  assert.match(version, /^\d+\.\d+\.\d+$/);
  for (const w of Object.values(byName)) {
    for (const [where, s] of c.steps(w)) {
      if (String(s.uses).startsWith('pulumi/actions@')) {
        assert.equal(s.with['pulumi-version-file'], '.pulumi-version', where);
      }
    }
  }
});
