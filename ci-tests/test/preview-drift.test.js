'use strict';
// Issue 15.5-15.7: the real preview and the drift check (.github/scripts/pulumi-check.sh) against a
// stand-in Pulumi CLI that prints what Pulumi 3.248 prints and exits as it does, and the comment and
// issue scripts of pull-request.yml and drift.yml run against a stand-in GitHub API.
const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const c = require('../checks');

const script = path.join(c.ROOT, '.github', 'scripts', 'pulumi-check.sh');
const fakes = path.join(__dirname, '..', 'fakes');
const byName = Object.fromEntries(c.loadAll().map((w) => [path.basename(w.file), w]));

// What `pulumi preview --refresh --expect-no-changes` prints on drift (3.248: backenderr.NoChangesExpectedError
// "no changes were expected for preview but changes were proposed", exit 7 = ExitNoChanges).
const DRIFT_OUTPUT = `Previewing update (prod)

     Type                 Name            Plan       Info
     pulumi:pulumi:Stack  ultibiker-prod
 ~   ├─ aws:ec2:SecurityGroup  edge-sg   update     [diff: ~ingress]

Resources:
    ~ 1 to update
    611 unchanged

error: no changes were expected for preview but changes were proposed
`;
const CLEAN_OUTPUT = 'Previewing update (dev)\n\nResources:\n    540 unchanged\n\n';
const FAILED_OUTPUT = `Previewing update (dev)

Diagnostics:
  pulumi:pulumi:Stack (ultibiker-dev):
    error: Invalid stack configuration (1 problem):
      - ultibiker-platform:eks.version: found "1.99"; allowed: 1.31 to 1.33

Resources:
    1 unchanged
`;

function run(mode, { output, rc, loginRc, maxChars } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pulumi-check-'));
  const out = path.join(dir, 'preview.txt');
  fs.writeFileSync(out, output || '');
  const summary = path.join(dir, 'summary.md');
  const log = path.join(dir, 'calls.log');
  fs.writeFileSync(log, '');
  const r = spawnSync('bash', [script, mode], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: `${fakes}:${process.env.PATH}`, HOME: dir, FAKE_LOG: log, FAKE_PREVIEW_OUTPUT: out,
      FAKE_PREVIEW_RC: String(rc || 0), FAKE_LOGIN_RC: String(loginRc || 0), GITHUB_STEP_SUMMARY: summary,
      STACK: 'acme/prod', STACK_SHORT: 'prod', RUN_URL: 'https://github.example/run/1', ARTIFACT: `${mode}-prod`,
      ...(maxChars ? { MAX_CHARS: String(maxChars) } : {}),
    },
  });
  const read = (f) => (fs.existsSync(path.join(dir, 'target', 'pulumi-check', f)) ? fs.readFileSync(path.join(dir, 'target', 'pulumi-check', f), 'utf8') : null);
  return { code: r.status, out: r.stdout, err: r.stderr, json: JSON.parse(read('prod.json')), md: read('prod.md'), txt: read('prod.txt'),
    calls: fs.readFileSync(log, 'utf8').trim().split('\n'), summary: fs.existsSync(summary) ? fs.readFileSync(summary, 'utf8') : '' };
}

describe('pulumi-check.sh drift', () => {
  test('exit 7 with 3.248\'s message is drift, and fails the job', () => {
    const r = run('drift', { output: DRIFT_OUTPUT, rc: 7 });
    assert.equal(r.json.status, 'drift');
    assert.equal(r.json.exitCode, 7);
    assert.equal(r.code, 1);
    assert.match(r.out, /::error title=Infrastructure drift in prod::/);
    assert.ok(r.calls.some((l) => /^pulumi preview --stack acme\/prod --refresh --expect-no-changes --diff --policy-pack policy/.test(l)), r.calls.join('\n'));
  });

  test('exit 7 is drift whatever the text says (the exit code decides)', () => {
    assert.equal(run('drift', { output: 'Resources:\n    ~ 1 to update\n', rc: 7 }).json.status, 'drift');
  });

  test('the message is the fallback when the exit code is not 7, in either wording', () => {
    assert.equal(run('drift', { output: DRIFT_OUTPUT, rc: 1 }).json.status, 'drift');
    assert.equal(run('drift', { output: 'error: no changes were expected but changes were proposed\n', rc: 255 }).json.status, 'drift');
  });

  test('any other failure is "the check failed, drift unknown", not drift', () => {
    const r = run('drift', { output: FAILED_OUTPUT, rc: 1 });
    assert.equal(r.json.status, 'error');
    assert.match(r.md, /the check itself FAILED \(exit 1\), drift unknown/);
    assert.equal(r.code, 1);
    assert.equal(run('drift', { output: '', loginRc: 1 }).json.status, 'error', 'a failed login is a failed check');
  });

  test('no drift is clean and passes', () => {
    const r = run('drift', { output: CLEAN_OUTPUT, rc: 0 });
    assert.equal(r.json.status, 'clean');
    assert.equal(r.code, 0);
  });
});

describe('pulumi-check.sh preview', () => {
  test('a failed preview is a failure: the job fails and the body says so first', () => {
    const r = run('preview', { output: FAILED_OUTPUT, rc: 1 });
    assert.equal(r.code, 1);
    assert.equal(r.json.status, 'failed');
    assert.match(r.md.split('\n')[0], /^### :x: `pulumi preview` of `prod`: FAILED \(exit 1\)$/);
    assert.match(r.md, /\*\*Errors and policy violations\*\*[\s\S]*error: Invalid stack configuration/);
    assert.equal(r.summary, r.md, 'the same body in the job summary');
  });

  test('the summary comes first and a large output is cut at the end, never the summary; all of it is kept', () => {
    const big = `Previewing update (prod)\n${'  ~ aws:ec2:SecurityGroup sg update [diff: ~ingress]\n'.repeat(4000)}\nResources:\n    ~ 4000 to update\n    12 unchanged\n`;
    const r = run('preview', { output: big, rc: 0, maxChars: 20000 });
    assert.equal(r.code, 0);
    assert.ok(r.md.length <= 20000, `body of ${r.md.length} characters`);
    const summaryAt = r.md.indexOf('~ 4000 to update');
    const detailsAt = r.md.indexOf('<details>');
    assert.ok(summaryAt > 0 && summaryAt < detailsAt, 'the counts before the output');
    assert.match(r.md, /Output: the first \d+ of \d+ characters \(all of it: artifact <code>preview-prod<\/code>\)/);
    assert.equal(r.txt, big, 'the artifact file holds the whole output');
  });
});

/** Runs a github-script body from a workflow with a stand-in GitHub API; returns the calls it made. */
async function runScript(file, jobId, { env = {}, comments = [], issues = [], cwd }) {
  const step = byName[file].doc.jobs[jobId].steps.find((s) => String(s.uses).startsWith('actions/github-script@'));
  const calls = [];
  const github = {
    rest: {
      issues: {
        listComments: 'listComments', listForRepo: 'listForRepo',
        updateComment: async (a) => calls.push(['updateComment', a]),
        createComment: async (a) => calls.push(['createComment', a]),
        create: async (a) => { calls.push(['create', a]); return { data: { number: 99 } }; },
        update: async (a) => calls.push(['update', a]),
      },
    },
    // Serves every page, as Octokit's paginate does; the first page alone would be 30 items.
    paginate: async (what, params) => { calls.push(['paginate', what, params]); return what === 'listComments' ? comments : issues; },
  };
  const context = { repo: { owner: 'o', repo: 'r' }, payload: { pull_request: { number: 7 } } };
  const core = { warning: () => {}, setFailed: (m) => calls.push(['setFailed', m]) };
  const saved = { cwd: process.cwd(), env: { ...process.env } };
  process.chdir(cwd);
  Object.assign(process.env, env);
  try {
    const fn = new (Object.getPrototypeOf(async () => {}).constructor)('github', 'context', 'core', 'require', step.with.script);
    await fn(github, context, core, require);
  } finally {
    process.chdir(saved.cwd);
    process.env = saved.env;
  }
  return calls;
}

describe('the preview comment (pull-request.yml preview-comment)', () => {
  const bot = (id, body) => ({ id, user: { type: 'Bot' }, body });

  test('finds its comment among all of a busy pull request\'s comments and edits it, never a duplicate', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comment-'));
    fs.mkdirSync(path.join(dir, 'preview'));
    fs.writeFileSync(path.join(dir, 'preview', 'dev.md'), '### :x: `pulumi preview` of `dev`: FAILED (exit 1)\n');
    const comments = Array.from({ length: 150 }, (_, i) => bot(i, `chatter ${i}`));
    comments[120] = bot(120, '<!-- ultibiker-preview:dev -->\nold');
    const calls = await runScript('pull-request.yml', 'preview-comment', { cwd: dir, comments, env: { STACKS: 'dev', PREVIEW_RESULT: 'failure', RUN_URL: 'u' } });
    assert.deepEqual(calls.filter((x) => x[0] !== 'paginate').map((x) => [x[0], x[1].comment_id]), [['updateComment', 120]]);
    const body = calls.find((x) => x[0] === 'updateComment')[1].body;
    assert.ok(body.startsWith('<!-- ultibiker-preview:dev -->\n### :x: `pulumi preview` of `dev`: FAILED'), body);
    assert.equal(calls.find((x) => x[0] === 'paginate')[2].per_page, 100);
  });

  test('a preview job that died before its preview is reported as not run, in a new comment', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comment-'));
    const calls = await runScript('pull-request.yml', 'preview-comment', { cwd: dir, comments: [], env: { STACKS: 'dev', PREVIEW_RESULT: 'failure', RUN_URL: 'https://run' } });
    const created = calls.find((x) => x[0] === 'createComment');
    assert.ok(created, 'a comment is created');
    assert.match(created[1].body, /did not run[\s\S]*ended \(failure\) before its preview: see https:\/\/run/);
  });
});

describe('the drift report (drift.yml report)', () => {
  test('a check that failed before its preview opens the issue too ("drift unknown")', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drift-'));
    fs.mkdirSync(path.join(dir, 'drift'));
    fs.writeFileSync(path.join(dir, 'drift', 'dev.json'), JSON.stringify({ stack: 'dev', status: 'clean', runUrl: 'u' }));
    const needs = JSON.stringify({ 'detect-dev': { result: 'success' }, 'detect-prod': { result: 'failure' } });
    const calls = await runScript('drift.yml', 'report', { cwd: dir, issues: [], env: { NEEDS: needs, RUN_URL: 'https://run' } });
    const created = calls.filter((x) => x[0] === 'create');
    assert.equal(created.length, 1);
    assert.equal(created[0][1].title, 'Infrastructure drift: prod');
    assert.match(created[0][1].body, /the job ended \(failure\) before its preview ran, so drift is unknown/);
  });

  test('drift updates the open issue; a clean run closes it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drift-'));
    fs.mkdirSync(path.join(dir, 'drift'));
    fs.writeFileSync(path.join(dir, 'drift', 'prod.json'), JSON.stringify({ stack: 'prod', status: 'drift', runUrl: 'u' }));
    fs.writeFileSync(path.join(dir, 'drift', 'prod.md'), '### :warning: Drift check of `prod`: DRIFT (exit 7)\n');
    fs.writeFileSync(path.join(dir, 'drift', 'dev.json'), JSON.stringify({ stack: 'dev', status: 'clean', runUrl: 'u' }));
    const issues = [{ number: 3, title: 'Infrastructure drift: prod' }, { number: 4, title: 'Infrastructure drift: dev' }];
    const needs = JSON.stringify({ 'detect-dev': { result: 'success' }, 'detect-prod': { result: 'failure' } });
    const calls = await runScript('drift.yml', 'report', { cwd: dir, issues, env: { NEEDS: needs, RUN_URL: 'r' } });
    assert.ok(calls.some((x) => x[0] === 'createComment' && x[1].issue_number === 3 && /DRIFT \(exit 7\)/.test(x[1].body)));
    assert.ok(calls.some((x) => x[0] === 'update' && x[1].issue_number === 4 && x[1].state === 'closed'));
    assert.ok(!calls.some((x) => x[0] === 'create'), 'no duplicate issue');
  });
});
