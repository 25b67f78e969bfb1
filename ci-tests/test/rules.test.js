'use strict';
// The repository-wide rules over every workflow and local action.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const c = require('../checks');

const all = c.loadAll();

for (const w of all) {
  test(`every uses: is pinned to a commit SHA with its release tag, never @main/@master: ${w.file}`, () => {
    assert.deepEqual(c.checkPinnedActions(w), []);
  });
  test(`least-privilege permissions: ${w.file}`, () => {
    assert.deepEqual(c.checkLeastPrivilege(w), []);
  });
  test(`AWS only through OIDC: ${w.file}`, () => {
    assert.deepEqual(c.checkOidc(w), []);
  });
  test(`write permissions only where a step uses them, read-only test jobs: ${w.file}`, () => {
    assert.deepEqual(c.checkWritePermissions(w), []);
  });
  test(`Pulumi credentials only where they belong (environment token, read-only preview token): ${w.file}`, () => {
    assert.deepEqual(c.checkPulumiSecrets(w), []);
  });
  test(`never half an up: shared stack groups, never cancelled, timeouts within the session: ${w.file}`, () => {
    assert.deepEqual(c.checkNeverHalfAnUp(w), []);
  });
  test(`the policy pack on every preview and up: ${w.file}`, () => {
    assert.deepEqual(c.checkPolicyPack(w), []);
  });
}

test('Maven and npm caches', () => {
  assert.deepEqual(c.checkCaches(all), []);
});

test('no workflow runs untrusted code with secrets (pull_request_target)', () => {
  for (const w of all.filter((x) => x.doc.jobs)) {
    assert.ok(!('pull_request_target' in c.onKeys(w.doc)), w.file);
  }
});
