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

  test('a real preview of dev only (prod\'s state credential never reaches a pull request), run by pulumi-check.sh', () => {
    const j = job('pull-request.yml', 'preview');
    assert.deepEqual(matrixStacks(j), ['dev']);
    assert.match(runs(j), /\.github\/scripts\/pulumi-check\.sh preview/);
    assert.equal(j.permissions['id-token'], 'write');
    assert.equal(j.permissions['pull-requests'], undefined, 'the job running the pull request\'s code cannot comment');
    const upload = j.steps.find((s) => String(s.uses).startsWith('actions/upload-artifact@'));
    assert.equal(upload.if, 'always()', 'the full output is kept also when the preview fails');
    assert.equal(upload.with.name, 'preview-${{ matrix.stack }}');
  });

  test('a preview that cannot run (fork, Dependabot) is a failing check with the reason, never a skipped one', () => {
    const j = job('pull-request.yml', 'preview');
    assert.equal(j.if, undefined, 'a skipped job counts as a passed required check');
    const gate = j.steps[0];
    assert.match(gate.name, /real preview/);
    assert.match(gate.run, /HEAD_REPO" != "\$THIS_REPO"[\s\S]*exit 1/);
    assert.match(gate.run, /dependabot\[bot\][\s\S]*exit 1/);
    assert.match(gate.run, /::error title=No real preview::/);
  });

  test('the comment job posts after a failed preview too, paginating to find its own comment', () => {
    const j = job('pull-request.yml', 'preview-comment');
    assert.match(j.if, /^always\(\) && /);
    assert.deepEqual(j.permissions, { 'pull-requests': 'write' });
    assert.ok(!j.steps.some((s) => String(s.uses).startsWith('actions/checkout@')), 'runs no code of the pull request');
    const script = j.steps.find((s) => String(s.uses).startsWith('actions/github-script@')).with.script;
    assert.match(script, /github\.paginate\(github\.rest\.issues\.listComments/);
  });

  test('previews use the read-only preview role and the read-only preview token of dev', () => {
    const j = job('pull-request.yml', 'preview');
    const vars = j.strategy.matrix.include.map((m) => m['role-variable']);
    assert.deepEqual(vars, ['AWS_PREVIEW_ROLE_ARN_DEV']);
    const aws = j.steps.find((s) => String(s.uses).startsWith('aws-actions/configure-aws-credentials@'));
    assert.equal(aws.with['role-to-assume'], '${{ vars[matrix.role-variable] }}');
    assert.deepEqual(c.secretsOf(j), ['PULUMI_PREVIEW_TOKEN']);
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

  test('one concurrency group per stack, never cancelled in progress, shared with the approver\'s preview', () => {
    const groups = {};
    assert.deepEqual(job('deploy.yml', 'preview-prod').concurrency, { group: 'pulumi-stack-prod', 'cancel-in-progress': false });
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

  test('the approver sees a prod preview before approving, from the environment that holds prod\'s read-only credentials', () => {
    const prod = job('deploy.yml', 'deploy-prod');
    assert.ok([].concat(prod.needs).includes('preview-prod'));
    const preview = job('deploy.yml', 'preview-prod');
    assert.deepEqual(preview.environment, { name: 'production-preview' }, 'main only, no reviewers: no pull request reaches it');
    assert.match(runs(preview), /\.github\/scripts\/pulumi-check\.sh preview/);
    const step = preview.steps.find((s) => s.run && s.run.includes('pulumi-check.sh'));
    assert.equal(step.env.STACK, "${{ vars.PULUMI_ORG && format('{0}/prod', vars.PULUMI_ORG) || 'prod' }}");
    assert.equal(step.env.STACK_SHORT, 'prod');
    const aws = preview.steps.find((s) => String(s.uses).startsWith('aws-actions/configure-aws-credentials@'));
    assert.equal(aws.with['role-to-assume'], '${{ vars.AWS_PREVIEW_ROLE_ARN }}', 'production-preview\'s variable');
    assert.doesNotMatch(JSON.stringify(preview), /\bdev\b/, 'nothing in the approver\'s preview names dev');
  });

  test('deploy timeouts: several times a first prod up, within the deploy role\'s session (plan: maxSessionDuration)', () => {
    const o = require('../oidc');
    const session = o.planRoles('prod').find((r) => r.name === 'ci-deploy-role').maxSessionDuration;
    assert.equal(session, 14400);
    for (const id of ['deploy-dev', 'deploy-prod']) {
      const j = job('deploy.yml', id);
      assert.equal(j['timeout-minutes'], 180, id);
      const aws = j.steps.find((s) => String(s.uses).startsWith('aws-actions/configure-aws-credentials@'));
      assert.equal(aws.with['role-duration-seconds'], session, `${id}: the session the role allows, longer than the job`);
    }
  });

  test('the test job only reads: it holds no write permission and no secret', () => {
    const t = job('deploy.yml', 'test');
    assert.deepEqual(t.permissions, { contents: 'read' });
    assert.doesNotMatch(JSON.stringify(t), /secrets\./);
  });
});

describe('drift.yml', () => {
  const w = byName['drift.yml'];

  test('runs on a schedule and by hand, from main only', () => {
    const on = c.onKeys(w.doc);
    assert.ok(Array.isArray(on.schedule) && on.schedule.length >= 1 && on.schedule[0].cron);
    assert.ok('workflow_dispatch' in on);
    for (const id of ['detect-dev', 'detect-prod']) assert.equal(job('drift.yml', id).if, "github.ref == 'refs/heads/main'");
  });

  test('every stack: pulumi-check.sh drift, in the stack\'s group, prod from production-preview', () => {
    for (const [id, stack] of [['detect-dev', 'dev'], ['detect-prod', 'prod']]) {
      const j = job('drift.yml', id);
      assert.match(runs(j), /\.github\/scripts\/pulumi-check\.sh drift/);
      assert.deepEqual(j.concurrency, { group: `pulumi-stack-${stack}`, 'cancel-in-progress': false });
      assert.equal(j.steps.find((s) => s.run && s.run.includes('pulumi-check.sh')).env.STACK_SHORT, stack);
    }
    assert.deepEqual(job('drift.yml', 'detect-prod').environment, { name: 'production-preview' });
    assert.equal(job('drift.yml', 'detect-dev').environment, undefined);
    assert.deepEqual(c.secretsOf(job('drift.yml', 'detect-dev')), ['PULUMI_PREVIEW_TOKEN']);
    assert.deepEqual(c.secretsOf(job('drift.yml', 'detect-prod')), ['PULUMI_ACCESS_TOKEN']);
  });

  test('drift opens or updates one issue per stack from a job that can only write issues, also after a failed check', () => {
    const report = job('drift.yml', 'report');
    assert.deepEqual(report.permissions, { issues: 'write' });
    assert.deepEqual(report.needs, ['detect-dev', 'detect-prod']);
    assert.match(report.if, /^always\(\)/, 'reports when a check failed or was cancelled (that is the point)');
    const script = report.steps.find((s) => String(s.uses).startsWith('actions/github-script@')).with.script;
    assert.match(script, /issues\.create\(/);
    assert.match(script, /issues\.createComment\(/);
  });
});

test('every stack a workflow names exists as Pulumi.<stack>.yaml', () => {
  const named = [
    ...matrixStacks(job('pull-request.yml', 'preview')),
    ...['detect-dev', 'detect-prod'].map((id) => id.replace('detect-', '')),
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

describe('docs/ci-setup.md and CODEOWNERS stay true to the workflows', () => {
  const setup = fs.readFileSync(path.join(c.ROOT, 'docs', 'ci-setup.md'), 'utf8');
  const integration = fs.readFileSync(path.join(c.ROOT, 'docs', 'integration-test.md'), 'utf8');

  test('every variable and secret a workflow reads is documented where an admin sets it', () => {
    const names = new Set();
    for (const w of Object.values(byName)) {
      for (const m of w.text.matchAll(/\b(vars|secrets)\.([A-Z][A-Z0-9_]+)/g)) names.add(m[2]);
    }
    names.delete('GITHUB_TOKEN');
    for (const n of names) assert.ok(setup.includes(`\`${n}\``) || integration.includes(`\`${n}\``), `${n} documented`);
  });

  test('every GitHub environment a job names is in the environments table', () => {
    for (const w of Object.values(byName)) {
      for (const [id, j] of c.jobs(w)) {
        const env = c.environmentOf(j);
        if (env) assert.match(setup, new RegExp(`^\\| \`${env}\` \\|`, 'm'), `${w.file} ${id}: environment ${env}`);
      }
    }
  });

  test('the gate: required reviewers need Enterprise for private repositories, admins bypass unless told not to', () => {
    assert.match(setup, /Required reviewers exist for private repositories only on GitHub Enterprise/);
    assert.match(setup, /untick "Allow administrators to bypass configured protection\s+rules"/);
    assert.match(setup, /require review\s+from Code Owners/);
  });

  test('CODEOWNERS names an owner for every path', () => {
    const owners = fs.readFileSync(path.join(c.ROOT, '.github', 'CODEOWNERS'), 'utf8');
    assert.match(owners, /^\* @[\w-]+\/[\w-]+$/m);
  });
});
