'use strict';
// The pull request's cost estimate: every stack against main, one edited comment per stack, the diagram.
const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const c = require('../checks');

const w = c.loadAll().find((x) => path.basename(x.file) === 'pull-request.yml');
const jobs = w.doc.jobs;
const runs = (j) => (j.steps || []).map((s) => s.run || '').join('\n');

describe('pull-request.yml cost estimate', () => {
  test('estimates every stack against the plan of main, with its diagram in the job summary', () => {
    const j = jobs.cost;
    assert.ok(j, 'a cost job');
    assert.deepEqual(j.permissions, { contents: 'read' }, 'it runs the code of the pull request and of main: read only');
    const script = runs(j);
    assert.match(script, /for file in Pulumi\.\*\.yaml/, 'every stack, not a fixed list');
    assert.match(script, /git worktree add --detach \.\.\/base "\$BASE_SHA"/);
    assert.equal(j.steps.find((s) => s.env && s.env.BASE_SHA).env.BASE_SHA, '${{ github.event.pull_request.base.sha }}');
    assert.match(script, /bin\/plan "\$stack" --json "\$GITHUB_WORKSPACE\/target\/base-plans\/\$stack\.json"/);
    assert.match(script, /bin\/cost "\$stack" --plan "target\/plans\/\$stack\.json" "\$\{against\[@\]\}" --markdown/);
    assert.match(script, /--diagram "target\/plans\/\$stack\.mmd"/);
    assert.match(script, /```mermaid/);
    assert.match(script, /GITHUB_STEP_SUMMARY/);
    assert.doesNotMatch(JSON.stringify(j), /secrets\./);
  });

  test('one comment per stack, found by its marker and edited, from a job that runs no pull-request code', () => {
    const j = jobs['cost-comment'];
    assert.ok(j, 'a cost-comment job');
    assert.deepEqual(j.permissions, { 'pull-requests': 'write' });
    assert.deepEqual(j.needs, 'cost');
    assert.match(j.if, /github\.event\.pull_request\.head\.repo\.full_name == github\.repository/, 'forks cannot comment');
    assert.ok(!j.steps.some((s) => String(s.uses).startsWith('actions/checkout@')), 'no checkout: nothing of the PR runs with write access');
    assert.ok(!j.steps.some((s) => s.run), 'no shell step');
    const script = j.steps.find((s) => String(s.uses).startsWith('actions/github-script@')).with.script;
    assert.match(script, /<!-- ultibiker-cost:\$\{stack\} -->/);
    assert.match(script, /issues\.updateComment\(/);
    assert.match(script, /issues\.createComment\(/);
  });
});
