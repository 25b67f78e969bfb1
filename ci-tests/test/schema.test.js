'use strict';
// Every workflow and local action parses and validates against GitHub's schemas (action-validator,
// pinned in package.json), which also checks that globs in path filters match files.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { ROOT, loadAll } = require('../checks');

const validator = path.join(__dirname, '..', 'node_modules', '.bin', 'action-validator');

test('there are workflows to check', () => {
  const files = loadAll().map((w) => w.file);
  for (const name of ['pull-request.yml', 'deploy.yml', 'drift.yml']) {
    assert.ok(files.includes(path.join('.github', 'workflows', name)), `${name} in ${files}`);
  }
});

for (const w of loadAll()) {
  test(`schema: ${w.file}`, () => {
    const r = spawnSync(validator, [w.file], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, `action-validator rejected ${w.file}:\n${r.stdout}${r.stderr}`);
  });
}

test('schema: the validator rejects a broken workflow (it is really checking)', () => {
  const fs = require('node:fs');
  const os = require('node:os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ci-tests-'));
  const bad = path.join(dir, 'bad.yml');
  fs.writeFileSync(bad, 'name: bad\non: [push]\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    stepz: []\n');
  const r = spawnSync(validator, [bad], { encoding: 'utf8' });
  assert.notEqual(r.status, 0);
});
