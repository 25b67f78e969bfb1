'use strict';
// Issue 14.4: jobs that need a private Kubernetes API run on the stack's CodeBuild-hosted runner, in the label form
// CodeBuild requires, within the project's build timeout; the runner projects' webhooks take workflow jobs; the
// OIDC subjects of jobs moved to CodeBuild are still checked (the token comes from GitHub either way).
const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const c = require('../checks');
const r = require('../runners');
const oidc = require('../oidc');

const all = c.loadAll();
const STACKS = ['dev', 'prod'];
const plans = Object.fromEntries(STACKS.map((s) => [s, r.planOf(s)]));

function workflow(text) {
  return [c.parse('.github/workflows/example.yml', text)];
}

const PROD_JOB = (runsOn, timeout = 180) => `on: {push: {branches: [main]}}
jobs:
  deploy-prod:
    runs-on: ${runsOn}
    timeout-minutes: ${timeout}
    environment: {name: production}
    concurrency: {group: pulumi-stack-prod, cancel-in-progress: false}
    steps:
      - uses: pulumi/actions@8e5e406f4007fca908480587cb9893c07090f58d # v7.0.0
        with: {command: up, stack-name: "\${{ vars.PULUMI_ORG && format('{0}/prod', vars.PULUMI_ORG) || 'prod' }}"}
`;
const RUNNER = 'codebuild-ultibiker-prod-runner-us-east-1-${{ github.run_id }}-${{ github.run_attempt }}';

describe('CI runners (issue 14.4)', () => {
  test('the plans: prod has a private API and a runner per region; dev has a public API and none', () => {
    assert.equal(plans.prod.privateApi, true);
    assert.deepEqual(plans.prod.projects.map((p) => `${p.region} ${p.name}`).sort(),
      ['eu-west-1 ultibiker-prod-runner-eu-west-1', 'us-east-1 ultibiker-prod-runner-us-east-1']);
    assert.equal(plans.dev.privateApi, false);
    assert.deepEqual(plans.dev.projects, []);
  });

  test('every job takes the runner its stack needs: prod\'s preview, deploy and drift on prod\'s us-east-1 runner, the rest GitHub-hosted', () => {
    assert.deepEqual(r.checkRunners(all, plans), []);
    const onRunner = [];
    for (const w of all.filter((x) => x.doc && x.doc.jobs)) {
      for (const [id, job] of Object.entries(w.doc.jobs)) {
        if (r.runnerProject(job['runs-on'])) onRunner.push(`${w.file} ${id}`);
      }
    }
    assert.deepEqual(onRunner.sort(), ['.github/workflows/deploy.yml deploy-prod', '.github/workflows/deploy.yml preview-prod',
      '.github/workflows/drift.yml detect-prod']);
  });

  test('a prod job on a GitHub-hosted runner, a label of another form, an unknown project or the standby\'s runner are caught', () => {
    assert.match(r.checkRunners(workflow(PROD_JOB('ubuntu-24.04')), plans).join('\n'), /private Kubernetes API; the job must run on its CodeBuild runner/);
    assert.match(r.checkRunners(workflow(PROD_JOB('codebuild-ultibiker-prod-runner-us-east-1-${{ github.run_id }}')), plans).join('\n'),
      /must be codebuild-<project>-\$\{\{ github.run_id \}\}-\$\{\{ github.run_attempt \}\}/);
    assert.match(r.checkRunners(workflow(PROD_JOB(RUNNER.replace('prod', 'staging'))), plans).join('\n'), /which no committed plan creates/);
    assert.match(r.checkRunners(workflow(PROD_JOB(RUNNER.replace('us-east-1', 'eu-west-1'))), plans).join('\n'), /primary region's runner \(us-east-1\)/);
    assert.deepEqual(r.checkRunners(workflow(PROD_JOB(RUNNER)), plans), []);
  });

  test('a job on a runner must end before CodeBuild\'s build timeout (240 minutes) stops it', () => {
    assert.deepEqual(plans.prod.projects.map((p) => p.buildTimeout), [240, 240]);
    assert.match(r.checkRunners(workflow(PROD_JOB(RUNNER, 300)), plans).join('\n'), /timeout-minutes 300 must be below the runner project's buildTimeout 240/);
  });

  test('a dev job or a job on no stack on a CodeBuild runner is caught (GitHub-hosted runners reach dev\'s public API)', () => {
    const devJob = PROD_JOB(RUNNER).replace(/prod/g, 'dev').replace('codebuild-ultibiker-dev', 'codebuild-ultibiker-prod');
    assert.match(r.checkRunners(workflow(devJob), plans).join('\n'), /touches no private cluster API/);
  });

  test('each runner project takes GitHub workflow jobs: a GITHUB source on this repository and a WORKFLOW_JOB_QUEUED webhook', () => {
    const repository = oidc.ciSection('prod').githubRepository.replace(/@[0-9]+/g, '');
    for (const p of plans.prod.projects) {
      assert.equal(p.source.type, 'GITHUB', p.name);
      assert.equal(p.source.location, `https://github.com/${repository}.git`, p.name);
      assert.equal(p.source.auth.type, 'CODECONNECTIONS', p.name);
      assert.ok(p.webhook, `${p.name} has a webhook`);
      assert.deepEqual(p.webhook.filterGroups, [{ filters: [{ pattern: 'WORKFLOW_JOB_QUEUED', type: 'EVENT' }] }], p.name);
    }
  });

  test('jobs moved to CodeBuild runners still present their environment subject (oidc.test.js checks the roles admit exactly those)', () => {
    const subjects = oidc.jobSubjects(all);
    for (const job of ['preview-prod', 'deploy-prod', 'detect-prod']) {
      const mine = subjects.filter((s) => s.job === job);
      assert.ok(mine.length > 0, `${job} assumes a role through OIDC`);
      assert.ok(mine.every((s) => s.context === `environment:${s.environment}` && s.environment.startsWith('production')), job);
    }
  });
});
