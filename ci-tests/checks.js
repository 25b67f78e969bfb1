'use strict';
// Rules every workflow of this repository must follow. Each check takes parsed workflow(s) and
// returns a list of problems ("<file> <job>: X must Y"), empty when the rule holds, so the tests
// can show both that the real workflows pass and that a broken example fails.
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const ROOT = path.resolve(__dirname, '..');
const WORKFLOWS_DIR = path.join(ROOT, '.github', 'workflows');
const ACTIONS_DIR = path.join(ROOT, '.github', 'actions');

/** Every workflow file and local composite action, as { file, text, doc }. */
function loadAll() {
  const files = [];
  for (const f of fs.readdirSync(WORKFLOWS_DIR).sort()) {
    if (/\.ya?ml$/.test(f)) files.push(path.join(WORKFLOWS_DIR, f));
  }
  if (fs.existsSync(ACTIONS_DIR)) {
    for (const d of fs.readdirSync(ACTIONS_DIR).sort()) {
      for (const name of ['action.yml', 'action.yaml']) {
        const p = path.join(ACTIONS_DIR, d, name);
        if (fs.existsSync(p)) files.push(p);
      }
    }
  }
  return files.map((file) => parse(path.relative(ROOT, file), fs.readFileSync(file, 'utf8')));
}

function parse(file, text) {
  const doc = YAML.parse(text);
  return { file, text, doc };
}

function isWorkflow(w) {
  return w.doc && w.doc.jobs !== undefined;
}

function jobs(w) {
  return Object.entries((w.doc && w.doc.jobs) || {});
}

/** Steps of a workflow's jobs or of a composite action, as [where, step]. */
function steps(w) {
  if (isWorkflow(w)) {
    return jobs(w).flatMap(([id, job]) => (job.steps || []).map((s) => [`${w.file} ${id}`, s, id, job]));
  }
  return ((w.doc.runs && w.doc.runs.steps) || []).map((s) => [w.file, s, null, null]);
}

const PINNED = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.\/-]+@[0-9a-f]{40}$/;
const VERSION_COMMENT = /#\s*v\d+(\.\d+){0,2}\b/;

/** Every `uses:` is a local action or owner/repo@<full commit SHA> with a `# vX.Y.Z` comment. */
function checkPinnedActions(w) {
  const problems = [];
  if (/@(main|master)\b/.test(w.text)) problems.push(`${w.file}: actions must not be referenced by @main or @master`);
  const lines = w.text.split('\n');
  for (const [where, step] of steps(w)) {
    if (!step.uses) continue;
    if (step.uses.startsWith('./')) continue;
    if (!PINNED.test(step.uses)) {
      problems.push(`${where}: ${step.uses} must be pinned to a full 40-character commit SHA`);
      continue;
    }
    const line = lines.find((l) => l.includes(`uses: ${step.uses}`));
    if (!line || !VERSION_COMMENT.test(line)) {
      problems.push(`${where}: ${step.uses} must carry the release tag it pins as a comment (# vX.Y.Z)`);
    }
  }
  for (const [id, job] of jobs(w)) {
    if (typeof job.uses === 'string' && !job.uses.startsWith('./') && !PINNED.test(job.uses)) {
      problems.push(`${w.file} ${id}: reusable workflow ${job.uses} must be pinned to a full commit SHA`);
    }
  }
  return problems;
}

const READ_ONLY = new Set(['read', 'none']);

function isReadOnly(permissions) {
  if (permissions === undefined) return false;
  if (permissions === 'read-all') return true;
  if (typeof permissions !== 'object' || permissions === null) return false;
  return Object.values(permissions).every((v) => READ_ONLY.has(v));
}

/** Top level `permissions: {}` (or read-only); every job declares its own. */
function checkLeastPrivilege(w) {
  if (!isWorkflow(w)) return [];
  const problems = [];
  if (!isReadOnly(w.doc.permissions)) {
    problems.push(`${w.file}: top-level permissions must be {} or read-only`);
  }
  for (const [id, job] of jobs(w)) {
    if (job.permissions === undefined) problems.push(`${w.file} ${id}: the job must declare its permissions`);
    if (job.permissions === 'write-all') problems.push(`${w.file} ${id}: permissions must not be write-all`);
  }
  return problems;
}

function usesAction(job, name) {
  return (job.steps || []).some((s) => typeof s.uses === 'string' && s.uses.startsWith(`${name}@`));
}

/** AWS only through OIDC: id-token: write exactly on the jobs that assume a role, never static keys. */
function checkOidc(w) {
  if (!isWorkflow(w)) return [];
  const problems = [];
  if (/secrets\.AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN)/.test(w.text)) {
    problems.push(`${w.file}: AWS access must use OIDC, not long-lived keys from secrets`);
  }
  for (const [id, job] of jobs(w)) {
    const aws = usesAction(job, 'aws-actions/configure-aws-credentials');
    const idToken = job.permissions && job.permissions['id-token'] === 'write';
    if (aws && !idToken) problems.push(`${w.file} ${id}: a job that assumes an AWS role must have id-token: write`);
    if (!aws && idToken) problems.push(`${w.file} ${id}: id-token: write must only be on jobs that assume an AWS role`);
    for (const s of job.steps || []) {
      if (typeof s.uses !== 'string' || !s.uses.startsWith('aws-actions/configure-aws-credentials@')) continue;
      const withs = s.with || {};
      if (!withs['role-to-assume']) problems.push(`${w.file} ${id}: configure-aws-credentials must assume a role (role-to-assume)`);
      for (const k of ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token']) {
        if (withs[k] !== undefined) problems.push(`${w.file} ${id}: configure-aws-credentials must not take ${k}`);
      }
      if (!/^\$\{\{\s*vars[.[]/.test(String(withs['role-to-assume']))) {
        problems.push(`${w.file} ${id}: role-to-assume must come from a repository or environment variable`);
      }
    }
  }
  return problems;
}

const PULUMI_ACTION = 'pulumi/actions';

function stepsUsing(job, name) {
  return (job.steps || []).filter((s) => typeof s.uses === 'string' && s.uses.startsWith(`${name}@`));
}

/**
 * What may justify each write scope: a job holds a write permission only when one of its steps
 * needs it. id-token is checkOidc's; contents, packages, actions, deployments, ... are never needed.
 */
const WRITE_NEEDS = {
  'id-token': (job) => usesAction(job, 'aws-actions/configure-aws-credentials'),
  'pull-requests': (job) => stepsUsing(job, PULUMI_ACTION).some((s) => s.with && s.with['comment-on-pr'] === true)
    || usesAction(job, 'actions/github-script'),
  issues: (job) => usesAction(job, 'actions/github-script'),
};

/** Every write permission of a job is used by one of its steps; a job running bin/test reads only. */
function checkWritePermissions(w) {
  if (!isWorkflow(w)) return [];
  const problems = [];
  for (const [id, job] of jobs(w)) {
    const perms = job.permissions && typeof job.permissions === 'object' ? job.permissions : {};
    for (const [scope, level] of Object.entries(perms)) {
      if (level !== 'write') continue;
      const need = WRITE_NEEDS[scope];
      if (!need) problems.push(`${w.file} ${id}: ${scope}: write must not be granted (no step of this repository needs it)`);
      else if (!need(job)) problems.push(`${w.file} ${id}: ${scope}: write must only be on a job whose steps use it`);
    }
    const runsTests = (job.steps || []).some((s) => typeof s.run === 'string' && /(^|\s)bin\/test(\s|$)/m.test(s.run));
    if (runsTests && JSON.stringify(job.permissions) !== JSON.stringify({ contents: 'read' })) {
      problems.push(`${w.file} ${id}: a job that runs bin/test must have exactly permissions { contents: read } (it runs the PR's code)`);
    }
  }
  return problems;
}

/** Every `pulumi preview|up|update` (action or shell) runs the policy pack in policy/. */
function checkPolicyPack(w) {
  const problems = [];
  for (const [where, step] of steps(w)) {
    if (typeof step.uses === 'string' && step.uses.startsWith(`${PULUMI_ACTION}@`)) {
      const command = step.with && step.with.command;
      if (['preview', 'up', 'update'].includes(command) && (step.with.policyPacks || '').trim() !== 'policy') {
        problems.push(`${where}: pulumi ${command} must run with policyPacks: policy`);
      }
      if (step.with && step.with.command && !(step.env && /secrets\.PULUMI_(ACCESS|PREVIEW)_TOKEN/.test(step.env.PULUMI_ACCESS_TOKEN || ''))) {
        problems.push(`${where}: the Pulumi access token must come from secrets.PULUMI_ACCESS_TOKEN or secrets.PULUMI_PREVIEW_TOKEN`);
      }
    }
    if (typeof step.run === 'string') {
      // Join continued lines so flags on the next line count.
      const script = step.run.replace(/\\\n/g, ' ');
      for (const line of script.split('\n')) {
        // Quoted text (messages) is not a command.
        const command = line.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '""');
        if (/\bpulumi\s+(preview|up|update)\b/.test(command) && !/--policy-pack[ =]policy\b/.test(command)) {
          problems.push(`${where}: "${line.trim()}" must pass --policy-pack policy`);
        }
      }
    }
  }
  return problems;
}

function pulumiSteps(job, command) {
  return (job.steps || []).filter((s) => typeof s.uses === 'string' && s.uses.startsWith(`${PULUMI_ACTION}@`)
    && s.with && s.with.command === command);
}

function onKeys(doc) {
  const on = doc.on;
  if (typeof on === 'string') return { [on]: null };
  if (Array.isArray(on)) return Object.fromEntries(on.map((k) => [k, null]));
  return on || {};
}

/** Setup steps use the Maven and npm caches (in the shared setup action or inline). */
function checkCaches(all) {
  const problems = [];
  const setupSteps = all.flatMap((w) => steps(w).map(([, s]) => s)).filter((s) => typeof s.uses === 'string');
  const java = setupSteps.filter((s) => s.uses.startsWith('actions/setup-java@'));
  const node = setupSteps.filter((s) => s.uses.startsWith('actions/setup-node@'));
  if (java.length === 0) problems.push('setup-java must be used');
  if (node.length === 0) problems.push('setup-node must be used');
  java.filter((s) => !s.with || s.with.cache !== 'maven').forEach(() => problems.push('setup-java must use cache: maven'));
  java.filter((s) => !s.with || String(s.with['java-version']) !== '17').forEach(() => problems.push('setup-java must install Java 17'));
  node.filter((s) => !s.with || s.with.cache !== 'npm' || !/policy\/package-lock\.json/.test(s.with['cache-dependency-path'] || ''))
    .forEach(() => problems.push('setup-node must use cache: npm keyed on policy/package-lock.json'));
  node.filter((s) => !s.with || String(s.with['node-version']) !== '20').forEach(() => problems.push('setup-node must install Node 20'));
  return problems;
}


/** The GitHub environment a job runs in, or null. */
function environmentOf(job) {
  if (!job.environment) return null;
  return typeof job.environment === 'string' ? job.environment : job.environment.name;
}

/** Every secrets.<NAME> a job references (steps, env, with). */
function secretsOf(job) {
  return [...new Set([...JSON.stringify(job).matchAll(/secrets\.([A-Za-z0-9_]+)/g)].map((m) => m[1]))].sort();
}

/** Shell text and action commands of a job that change a stack (state or resources). */
const WRITES = /\bpulumi\s+(up|update|destroy|refresh|cancel|import|state|stack\s+(rm|import|init)|config\s+set)\b|integration\.sh\s+(config|destroy)/;

function writesState(job) {
  return (job.steps || []).some((s) => (typeof s.run === 'string' && WRITES.test(s.run))
    || (typeof s.uses === 'string' && s.uses.startsWith(`${PULUMI_ACTION}@`) && s.with && ['up', 'update', 'destroy', 'refresh'].includes(s.with.command)));
}

/**
 * Where the Pulumi credentials may be referenced (issue 15.2). secrets.PULUMI_ACCESS_TOKEN is an
 * environment secret (each gated environment holds its own token): only jobs that run in an environment
 * may name it. secrets.PULUMI_PREVIEW_TOKEN (read-only, dev only) is the one a pull request may see: only
 * jobs without environment that change nothing. No repository-level token can write or read prod.
 */
function checkPulumiSecrets(w) {
  if (!isWorkflow(w)) return [];
  const problems = [];
  for (const [id, job] of jobs(w)) {
    const secrets = secretsOf(job);
    const env = environmentOf(job);
    if (secrets.includes('PULUMI_ACCESS_TOKEN') && !env) {
      problems.push(`${w.file} ${id}: secrets.PULUMI_ACCESS_TOKEN only in a job that runs in a GitHub environment (an environment secret)`);
    }
    if (secrets.includes('PULUMI_PREVIEW_TOKEN') && (env || writesState(job))) {
      problems.push(`${w.file} ${id}: secrets.PULUMI_PREVIEW_TOKEN only in a job without environment that changes no stack`);
    }
    for (const other of secrets.filter((n) => /PULUMI/.test(n) && !['PULUMI_ACCESS_TOKEN', 'PULUMI_PREVIEW_TOKEN'].includes(n))) {
      problems.push(`${w.file} ${id}: secrets.${other} is not one of the two Pulumi credentials`);
    }
  }
  return problems;
}

/** The stack a job runs Pulumi on: from a pulumi/actions stack-name or a STACK_SHORT env, if any. */
function stackOf(job) {
  for (const s of job.steps || []) {
    if (s.env && typeof s.env.STACK_SHORT === 'string') return s.env.STACK_SHORT.replace(/\$\{\{\s*matrix\.stack\s*\}\}/, '${{ matrix.stack }}');
    if (typeof s.uses === 'string' && s.uses.startsWith(`${PULUMI_ACTION}@`) && s.with && s.with['stack-name']) {
      const m = /'([a-z0-9-]+)'\s*\}\}$/.exec(s.with['stack-name']) || /(matrix\.stack)/.exec(s.with['stack-name']);
      if (m) return m[1] === 'matrix.stack' ? '${{ matrix.stack }}' : m[1];
    }
  }
  return null;
}

function runsUp(job) {
  return (job.steps || []).some((s) => (typeof s.run === 'string' && /\bpulumi\s+(up|update|destroy)\b|integration\.sh\s+destroy/.test(s.run))
    || (typeof s.uses === 'string' && s.uses.startsWith(`${PULUMI_ACTION}@`) && s.with && ['up', 'update', 'destroy'].includes(s.with.command)));
}

/**
 * Never half an `up` (issue 15.8). A job that runs `up`/`destroy` is never cancelled in progress (job
 * and workflow concurrency), its timeout leaves a first prod `up` (about 45 minutes) room
 * (>= MIN_UP_TIMEOUT) and ends before its credentials do (<= role-duration-seconds). Every job that
 * previews, checks drift or deploys a named stack is in that stack's group pulumi-stack-<stack>.
 */
const MIN_UP_TIMEOUT = 120;
function checkNeverHalfAnUp(w) {
  if (!isWorkflow(w)) return [];
  const problems = [];
  const wfc = w.doc.concurrency;
  for (const [id, job] of jobs(w)) {
    const stack = stackOf(job);
    if (stack && !(job.concurrency && job.concurrency.group === `pulumi-stack-${stack}`)) {
      problems.push(`${w.file} ${id}: a job on stack ${stack} must be in concurrency group pulumi-stack-${stack}`);
    }
    if (stack && job.concurrency && job.concurrency['cancel-in-progress'] !== false) {
      problems.push(`${w.file} ${id}: the group pulumi-stack-${stack} must have cancel-in-progress: false`);
    }
    if (!runsUp(job)) continue;
    const jobCancel = job.concurrency ? job.concurrency['cancel-in-progress'] : undefined;
    const wfCancel = wfc && typeof wfc === 'object' ? wfc['cancel-in-progress'] : undefined;
    if (jobCancel !== false && wfCancel !== false) problems.push(`${w.file} ${id}: an up/destroy job must run with cancel-in-progress: false`);
    if (wfCancel !== undefined && wfCancel !== false) problems.push(`${w.file} ${id}: the workflow's concurrency must never cancel an up in progress`);
    const timeout = job['timeout-minutes'];
    if (!(Number.isInteger(timeout) && timeout >= MIN_UP_TIMEOUT)) {
      problems.push(`${w.file} ${id}: timeout-minutes ${timeout} must be at least ${MIN_UP_TIMEOUT} (a first prod up takes about 45 minutes)`);
    }
    for (const s of job.steps || []) {
      if (s['timeout-minutes'] !== undefined) problems.push(`${w.file} ${id}: no step timeout in an up/destroy job (it would kill the up)`);
      if (typeof s.uses === 'string' && s.uses.startsWith('aws-actions/configure-aws-credentials@')) {
        const seconds = Number((s.with || {})['role-duration-seconds'] || 3600);
        if (Number.isInteger(timeout) && seconds < timeout * 60) {
          problems.push(`${w.file} ${id}: role-duration-seconds ${seconds} must outlast timeout-minutes ${timeout}`);
        }
      }
    }
  }
  return problems;
}

module.exports = {
  environmentOf, secretsOf, writesState, checkPulumiSecrets, checkNeverHalfAnUp, stackOf, runsUp, MIN_UP_TIMEOUT,
  ROOT, loadAll, parse, jobs, steps, onKeys, pulumiSteps, usesAction, isReadOnly,
  checkPinnedActions, checkLeastPrivilege, checkOidc, checkPolicyPack, checkCaches, checkWritePermissions,
};
