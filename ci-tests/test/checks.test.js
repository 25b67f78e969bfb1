'use strict';
// The checks themselves: a broken workflow is caught (so a green run means something).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const c = require('../checks');

const SHA = 'a'.repeat(40);

function wf(text) {
  return c.parse('fixture.yml', text);
}

const GOOD = `
name: ok
on: [push]
permissions: {}
jobs:
  deploy:
    runs-on: ubuntu-24.04
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: actions/checkout@${SHA} # v7.0.1
      - uses: aws-actions/configure-aws-credentials@${SHA} # v6.2.3
        with:
          role-to-assume: \${{ vars.AWS_DEPLOY_ROLE_ARN }}
          aws-region: us-east-1
      - uses: pulumi/actions@${SHA} # v7.0.0
        with:
          command: up
          stack-name: dev
          policyPacks: policy
        env:
          PULUMI_ACCESS_TOKEN: \${{ secrets.PULUMI_ACCESS_TOKEN }}
      - run: pulumi preview --stack dev --policy-pack policy
`;

test('the happy-path fixture passes every check', () => {
  const w = wf(GOOD);
  assert.deepEqual([...c.checkPinnedActions(w), ...c.checkLeastPrivilege(w), ...c.checkOidc(w), ...c.checkPolicyPack(w)], []);
});

test('an action on @main is caught', () => {
  const w = wf(GOOD.replace(`actions/checkout@${SHA} # v7.0.1`, 'actions/checkout@main'));
  assert.ok(c.checkPinnedActions(w).some((p) => /@main or @master/.test(p)));
});

test('a moving major tag is not a pin', () => {
  const w = wf(GOOD.replace(`actions/checkout@${SHA} # v7.0.1`, 'actions/checkout@v7'));
  assert.ok(c.checkPinnedActions(w).some((p) => /full 40-character commit SHA/.test(p)));
});

test('a SHA without its release tag comment is caught', () => {
  const w = wf(GOOD.replace(`actions/checkout@${SHA} # v7.0.1`, `actions/checkout@${SHA}`));
  assert.ok(c.checkPinnedActions(w).some((p) => /release tag/.test(p)));
});

test('write-all at the top is caught', () => {
  const w = wf(GOOD.replace('permissions: {}', 'permissions: write-all'));
  assert.ok(c.checkLeastPrivilege(w).some((p) => /top-level permissions/.test(p)));
});

test('a job without its own permissions is caught', () => {
  const w = wf(GOOD.replace('    permissions:\n      contents: read\n      id-token: write\n', ''));
  assert.ok(c.checkLeastPrivilege(w).some((p) => /must declare its permissions/.test(p)));
});

test('assuming a role without id-token: write is caught', () => {
  const w = wf(GOOD.replace('      id-token: write\n', ''));
  assert.ok(c.checkOidc(w).some((p) => /must have id-token: write/.test(p)));
});

test('long-lived AWS keys are caught', () => {
  const w = wf(GOOD.replace('role-to-assume: ${{ vars.AWS_DEPLOY_ROLE_ARN }}',
    'aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}'));
  const problems = c.checkOidc(w);
  assert.ok(problems.some((p) => /not long-lived keys/.test(p)));
  assert.ok(problems.some((p) => /must assume a role/.test(p)));
});

test('id-token: write on a job that assumes no role is caught', () => {
  const w = wf(GOOD.replace(/      - uses: aws-actions[\s\S]*?aws-region: us-east-1\n/, ''));
  assert.ok(c.checkOidc(w).some((p) => /only be on jobs that assume an AWS role/.test(p)));
});

test('pulumi up through the action without the policy pack is caught', () => {
  const w = wf(GOOD.replace('          policyPacks: policy\n', ''));
  assert.ok(c.checkPolicyPack(w).some((p) => /pulumi up must run with policyPacks: policy/.test(p)));
});

test('a shell pulumi preview without --policy-pack is caught', () => {
  const w = wf(GOOD.replace('--stack dev --policy-pack policy', '--stack dev'));
  assert.ok(c.checkPolicyPack(w).some((p) => /must pass --policy-pack policy/.test(p)));
});

test('a flag on a continued line counts', () => {
  const w = wf(GOOD.replace('--stack dev --policy-pack policy', '--stack dev \\\n            --policy-pack policy'));
  assert.deepEqual(c.checkPolicyPack(w), []);
});

test('a Pulumi token not from the secret is caught', () => {
  const w = wf(GOOD.replace('${{ secrets.PULUMI_ACCESS_TOKEN }}', 'pul-0123'));
  assert.ok(c.checkPolicyPack(w).some((p) => /secrets\.PULUMI_ACCESS_TOKEN/.test(p)));
});

test('a job granted a write permission none of its steps uses is caught', () => {
  const w = wf(GOOD.replace('      contents: read\n      id-token: write\n', '      contents: write\n      id-token: write\n'));
  assert.ok(c.checkWritePermissions(w).some((p) => /deploy: contents: write must not be granted/.test(p)));
  const w2 = wf(GOOD.replace('      id-token: write\n', '      id-token: write\n      pull-requests: write\n'));
  assert.ok(c.checkWritePermissions(w2).some((p) => /deploy: pull-requests: write must only be on a job whose steps use it/.test(p)));
});

test('a test job with anything beyond contents: read is caught', () => {
  const w = wf(`
name: t
on: [push]
permissions: {}
jobs:
  test:
    runs-on: ubuntu-24.04
    permissions:
      contents: read
      issues: write
    steps:
      - uses: actions/checkout@${SHA} # v7.0.1
      - run: bin/test
`);
  const problems = c.checkWritePermissions(w);
  assert.ok(problems.some((p) => /test: a job that runs bin\/test must have exactly permissions \{ contents: read \}/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /test: issues: write must only be on a job whose steps use it/.test(p)));
});

test('the happy path holds no unneeded write', () => {
  assert.deepEqual(c.checkWritePermissions(wf(GOOD)), []);
});

test('a setup-node without the npm cache on the policy lockfile is caught', () => {
  const w = wf(`
runs:
  using: composite
  steps:
    - uses: actions/setup-java@${SHA} # v5.7.0
      with: {distribution: temurin, java-version: "17", cache: maven}
    - uses: actions/setup-node@${SHA} # v7.0.0
      with: {node-version: "20"}
`);
  assert.deepEqual(c.checkCaches([w]), ['setup-node must use cache: npm keyed on policy/package-lock.json']);
});

test('a message that mentions pulumi preview is not a command', () => {
  const w = wf(GOOD.replace('run: pulumi preview --stack dev --policy-pack policy',
    'run: echo "::error::pulumi preview failed"'));
  assert.deepEqual(c.checkPolicyPack(w), []);
});
