'use strict';
// Issue 15.1: every job that assumes an AWS role presents a subject that exactly the intended CI role's
// trust policy admits, and no other CI role of any stack. Subjects are derived from the workflow files
// (event, environment, branch: ../oidc.js), trust policies read from the committed plans.
const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const c = require('../checks');
const o = require('../oidc');

const STACKS = ['dev', 'prod'];
const roles = STACKS.flatMap((s) => o.planRoles(s));
const prefix = o.subjectPrefix(STACKS);
const PROVIDER = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';
const subjects = o.jobSubjects(c.loadAll());

/** The role a job means to assume, from the variable it reads and the stack files' ci sections. */
function intended(s) {
  const byEnv = (key) => STACKS.find((st) => (o.ciSection(st)[key] || (key === 'githubEnvironment' ? st : undefined)) === s.environment);
  if (s.variable === 'AWS_DEPLOY_ROLE_ARN') {
    const stack = byEnv('githubEnvironment');
    return stack ? `${stack}/ci-deploy-role` : null;
  }
  if (s.variable === 'AWS_PREVIEW_ROLE_ARN') {
    const stack = byEnv('previewEnvironment');
    return stack ? `${stack}/ci-preview-role` : null;
  }
  const m = /^AWS_PREVIEW_ROLE_ARN_([A-Z]+)$/.exec(s.variable);
  if (m) return `${m[1].toLowerCase()}/ci-preview-role`;
  throw new Error(`unknown role variable ${s.variable}`);
}

function admittedBy(subject, rolesToCheck = roles) {
  const claims = { aud: 'sts.amazonaws.com', sub: `${prefix}:${subject.context}` };
  return rolesToCheck.filter((r) => o.admits(r.trust, PROVIDER, claims)).map((r) => `${r.stack}/${r.name}`);
}

describe('OIDC subjects of the workflows against the plans\' trust policies', () => {
  test('the plans hold a deploy and a preview role per stack, through the one provider', () => {
    assert.deepEqual(roles.map((r) => `${r.stack}/${r.name}`).sort(),
      ['dev/ci-deploy-role', 'dev/ci-preview-role', 'prod/ci-deploy-role', 'prod/ci-preview-role']);
    assert.equal(prefix, 'repo:ultibiker/ultibiker-platform');
  });

  test('what each job presents, derived from the workflow files', () => {
    const seen = subjects.map((s) => `${s.file} ${s.job} ${s.event} ${s.context} ${s.variable}`).sort();
    assert.deepEqual(seen, [
      'deploy.yml deploy-dev push environment:dev AWS_DEPLOY_ROLE_ARN',
      'deploy.yml deploy-dev workflow_dispatch environment:dev AWS_DEPLOY_ROLE_ARN',
      'deploy.yml deploy-prod push environment:production AWS_DEPLOY_ROLE_ARN',
      'deploy.yml deploy-prod workflow_dispatch environment:production AWS_DEPLOY_ROLE_ARN',
      'deploy.yml preview-prod push environment:production-preview AWS_PREVIEW_ROLE_ARN',
      'deploy.yml preview-prod workflow_dispatch environment:production-preview AWS_PREVIEW_ROLE_ARN',
      'drift.yml detect-dev schedule ref:refs/heads/main AWS_PREVIEW_ROLE_ARN_DEV',
      'drift.yml detect-dev workflow_dispatch ref:refs/heads/main AWS_PREVIEW_ROLE_ARN_DEV',
      'drift.yml detect-prod schedule environment:production-preview AWS_PREVIEW_ROLE_ARN',
      'drift.yml detect-prod workflow_dispatch environment:production-preview AWS_PREVIEW_ROLE_ARN',
      'integration.yml deploy-and-check pull_request environment:sandbox AWS_DEPLOY_ROLE_ARN',
      'integration.yml deploy-and-check schedule environment:sandbox AWS_DEPLOY_ROLE_ARN',
      'integration.yml deploy-and-check workflow_dispatch environment:sandbox AWS_DEPLOY_ROLE_ARN',
      'integration.yml destroy pull_request environment:sandbox AWS_DEPLOY_ROLE_ARN',
      'integration.yml destroy schedule environment:sandbox AWS_DEPLOY_ROLE_ARN',
      'integration.yml destroy workflow_dispatch environment:sandbox AWS_DEPLOY_ROLE_ARN',
      'pull-request.yml preview pull_request pull_request AWS_PREVIEW_ROLE_ARN_DEV',
    ]);
  });

  for (const s of subjects) {
    test(`${s.file} ${s.job} (${s.event}, ${s.context}): admitted by exactly its role`, () => {
      const want = intended(s);
      // The sandbox's deploy role lives in the sandbox account, outside the plans (docs/integration-test.md).
      assert.deepEqual(admittedBy(s), want ? [want] : [], `subject ${prefix}:${s.context}`);
    });
  }

  test('a pull request can assume no prod role and no deploy role', () => {
    const pr = admittedBy({ context: 'pull_request' });
    assert.deepEqual(pr, ['dev/ci-preview-role']);
  });

  test('a branch other than main is admitted by no role (a run by hand from it fails closed)', () => {
    assert.deepEqual(admittedBy({ context: `ref:refs/heads/${o.OTHER_BRANCH}` }), []);
  });

  test('the check catches a trust that admits one job for two roles (planted: prod preview trusting pull requests)', () => {
    const widened = roles.map((r) => (r.stack === 'prod' && r.name === 'ci-preview-role'
      ? { ...r, trust: JSON.parse(JSON.stringify(r.trust).replace(
        `"${prefix}:environment:production-preview"`, `["${prefix}:environment:production-preview","${prefix}:pull_request"]`)) }
      : r));
    const pr = subjects.find((s) => s.file === 'pull-request.yml' && s.job === 'preview');
    assert.deepEqual(admittedBy(pr, widened), ['dev/ci-preview-role', 'prod/ci-preview-role']);
  });

  test('IAM matching: StringEquals is exact, StringLike wildcards, the provider and audience must match', () => {
    const trust = (cond) => ({ Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity', Principal: { Federated: PROVIDER }, Condition: cond }] });
    const claims = { aud: 'sts.amazonaws.com', sub: 'repo:o/r:ref:refs/heads/main' };
    assert.equal(o.admits(trust({ StringEquals: { [`${o.ISSUER}:sub`]: 'repo:o/r:ref:refs/heads/main' } }), PROVIDER, claims), true);
    assert.equal(o.admits(trust({ StringEquals: { [`${o.ISSUER}:sub`]: 'repo:o/r:*' } }), PROVIDER, claims), false);
    assert.equal(o.admits(trust({ StringLike: { [`${o.ISSUER}:sub`]: 'repo:o/r:*' } }), PROVIDER, claims), true);
    assert.equal(o.admits(trust({ StringEquals: { [`${o.ISSUER}:aud`]: 'other' } }), PROVIDER, claims), false);
    assert.equal(o.admits(trust({}), 'arn:aws:iam::999999999999:oidc-provider/x', claims), false);
  });

  test('the immutable form: a legacy subject is not admitted by an immutable trust and the reverse', () => {
    const trust = (sub) => ({ Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity', Principal: { Federated: PROVIDER },
      Condition: { StringEquals: { [`${o.ISSUER}:aud`]: 'sts.amazonaws.com', [`${o.ISSUER}:sub`]: sub } } }] });
    const immutable = 'repo:octo-org@123456/octo-repo@789012:environment:production';
    const legacy = 'repo:octo-org/octo-repo:environment:production';
    assert.equal(o.admits(trust(legacy), PROVIDER, { aud: 'sts.amazonaws.com', sub: immutable }), false);
    assert.equal(o.admits(trust(immutable), PROVIDER, { aud: 'sts.amazonaws.com', sub: immutable }), true);
  });
});
