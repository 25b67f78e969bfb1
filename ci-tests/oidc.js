'use strict';
// Which OIDC subject each workflow job that assumes an AWS role presents, and which CI role of the
// plans admits it. The subject is derived from the workflow the way GitHub builds the default claim
// (template "repo" then "context"): a job with an environment presents environment:<name> whatever its
// event; otherwise pull_request, or ref:refs/heads/<branch> for push, schedule (default branch) and
// workflow_dispatch (the branch it is started on). The trust policies are read from the committed
// canonical plans (tests/resources/plans/<stack>.json), as `pulumi up` would create them.
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const c = require('./checks');

const ISSUER = 'token.actions.githubusercontent.com';
const DEFAULT_BRANCH = 'main';
const OTHER_BRANCH = 'some-feature-branch';

function environmentOf(job) {
  if (!job.environment) return null;
  return typeof job.environment === 'string' ? job.environment : job.environment.name;
}

/** True when the job, or a job it needs (transitively), runs only for refs/heads/main. */
function mainOnly(jobs, id, seen = new Set()) {
  if (seen.has(id)) return false;
  seen.add(id);
  const job = jobs[id];
  if (typeof job.if === 'string' && /github\.ref\s*==\s*'refs\/heads\/main'/.test(job.if)) return true;
  return [].concat(job.needs || []).some((n) => mainOnly(jobs, n, seen));
}

/** The role variable(s) a job's configure-aws-credentials step reads, per matrix entry. */
function roleVariables(job, step) {
  const expr = String(step.with['role-to-assume']);
  const direct = /^\$\{\{\s*vars\.([A-Z0-9_]+)\s*\}\}$/.exec(expr);
  if (direct) return [{ variable: direct[1], matrix: null }];
  const viaMatrix = /^\$\{\{\s*vars\[matrix\.([a-z-]+)\]\s*\}\}$/.exec(expr);
  if (viaMatrix) {
    const include = (job.strategy && job.strategy.matrix && job.strategy.matrix.include) || [];
    return include.map((m) => ({ variable: m[viaMatrix[1]], matrix: m }));
  }
  throw new Error(`role-to-assume ${expr}: not a variable this test understands`);
}

/**
 * Every (workflow, job, event, context, role variable) of the jobs that assume a role: what a token of
 * that job says after "repo:<owner>/<name>:".
 */
function jobSubjects(workflows) {
  const out = [];
  for (const w of workflows.filter((x) => x.doc && x.doc.jobs)) {
    const on = c.onKeys(w.doc);
    for (const [id, job] of Object.entries(w.doc.jobs)) {
      const step = (job.steps || []).find((s) => typeof s.uses === 'string' && s.uses.startsWith('aws-actions/configure-aws-credentials@'));
      if (!step) continue;
      const environment = environmentOf(job);
      for (const event of Object.keys(on)) {
        let contexts;
        if (environment) contexts = [`environment:${environment}`];
        else if (event === 'pull_request' || event === 'pull_request_target') contexts = ['pull_request'];
        else if (event === 'push') contexts = ((on.push && on.push.branches) || [DEFAULT_BRANCH]).map((b) => `ref:refs/heads/${b}`);
        else if (event === 'schedule') contexts = [`ref:refs/heads/${DEFAULT_BRANCH}`];
        else if (event === 'workflow_dispatch') {
          contexts = mainOnly(w.doc.jobs, id) ? [`ref:refs/heads/${DEFAULT_BRANCH}`]
            : [`ref:refs/heads/${DEFAULT_BRANCH}`, `ref:refs/heads/${OTHER_BRANCH}`];
        } else throw new Error(`${w.file} ${id}: event ${event} is not one this test knows the subject of`);
        for (const context of contexts) {
          for (const rv of roleVariables(job, step)) {
            out.push({ file: path.basename(w.file), job: id, event, environment, context, variable: rv.variable, matrix: rv.matrix });
          }
        }
      }
    }
  }
  return out;
}

/**
 * The CI roles of a plan (urn ...$aws:iam/role:Role::ci-*-role) that a federated principal assumes, with their parsed
 * trust policies (the CodeBuild runners' role, ci-runners-role, trusts codebuild.amazonaws.com: not a GitHub role).
 */
function planRoles(stack, planDir = path.join(c.ROOT, 'tests', 'resources', 'plans')) {
  const plan = JSON.parse(fs.readFileSync(path.join(planDir, `${stack}.json`), 'utf8'));
  return plan.resources
    .filter((r) => /\$aws:iam\/role:Role::ci-[a-z]+-role$/.test(r.urn) || /::aws:iam\/role:Role::ci-[a-z]+-role$/.test(r.urn))
    .filter((r) => String(r.props.assumeRolePolicy).includes('"Federated"'))
    .map((r) => ({
      stack,
      name: r.urn.split('::').pop(),
      physicalName: r.props.name,
      maxSessionDuration: Number(r.props.maxSessionDuration),
      trust: JSON.parse(String(r.props.assumeRolePolicy).replace(/^policy /, '')),
    }));
}

/** IAM's evaluation of one trust policy for a web-identity token with these claims (Allow statements only). */
function admits(trust, providerArn, claims) {
  const statements = [].concat(trust.Statement);
  if (statements.some((s) => s.Effect === 'Deny')) throw new Error('Deny statements in a trust policy: not modelled here');
  return statements.some((s) => {
    if (s.Effect !== 'Allow') return false;
    if (![].concat(s.Action).includes('sts:AssumeRoleWithWebIdentity')) return false;
    if (!s.Principal || s.Principal.Federated !== providerArn) return false;
    return Object.entries(s.Condition || {}).every(([operator, keys]) => Object.entries(keys).every(([key, values]) => {
      const claim = claims[key.replace(`${ISSUER}:`, '')];
      if (!key.startsWith(`${ISSUER}:`) || claim === undefined) return false;
      const list = [].concat(values);
      if (operator === 'StringEquals') return list.includes(claim);
      if (operator === 'StringLike') {
        return list.some((v) => new RegExp(`^${v.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(claim));
      }
      throw new Error(`condition operator ${operator}: not modelled here`);
    }));
  });
}

/** The subject prefix GitHub gives this repository's tokens, from the stack files' ci section (all must agree). */
function subjectPrefix(stacks) {
  const prefixes = new Set(stacks.map((s) => {
    const doc = YAML.parse(fs.readFileSync(path.join(c.ROOT, `Pulumi.${s}.yaml`), 'utf8'));
    const ci = doc.config['ultibiker-platform:ci'];
    return ci.oidcSubjectPrefix || `repo:${ci.githubRepository}`;
  }));
  if (prefixes.size !== 1) throw new Error(`the stacks disagree on the repository's subject: ${[...prefixes]}`);
  return [...prefixes][0];
}

function ciSection(stack) {
  return YAML.parse(fs.readFileSync(path.join(c.ROOT, `Pulumi.${stack}.yaml`), 'utf8')).config['ultibiker-platform:ci'];
}

module.exports = { ISSUER, DEFAULT_BRANCH, OTHER_BRANCH, jobSubjects, planRoles, admits, subjectPrefix, ciSection, environmentOf };
