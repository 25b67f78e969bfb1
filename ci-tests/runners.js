'use strict';
// Which runner each workflow job takes, against the committed plans' CodeBuild runner projects (issue 14.4).
// A job that previews, refreshes or deploys a stack whose Kubernetes API is private (every cluster of its plan
// has vpcConfig.endpointPublicAccess false) must run on a CodeBuild-hosted runner of that stack in its primary
// region: GitHub-hosted runners cannot reach the API. Every other job stays on GitHub-hosted runners.
// The label form is CodeBuild's: "codebuild-<project-name>-${{ github.run_id }}-${{ github.run_attempt }}" (required;
// CodeBuild User Guide, "Label overrides supported with the CodeBuild-hosted GitHub Actions runner"; project names
// are ^[A-Za-z0-9][A-Za-z0-9\-_]{1,254}$, terraform-provider-aws internal/service/codebuild validProjectName).
const fs = require('node:fs');
const path = require('node:path');
const c = require('./checks');

const PLAN_DIR = path.join(c.ROOT, 'tests', 'resources', 'plans');
const LABEL = /^codebuild-([A-Za-z0-9][A-Za-z0-9_-]{1,254})-\$\{\{ github\.run_id \}\}-\$\{\{ github\.run_attempt \}\}$/;
const PROJECT = 'aws:codebuild/project:Project';
const WEBHOOK = 'aws:codebuild/webhook:Webhook';
const CLUSTER = 'aws:eks/cluster:Cluster';

function typeOf(r) {
  const tail = r.urn.split('::');
  return tail[tail.length - 2].split('$').pop();
}

/** The committed plan of a stack: its primary region, runner projects (with webhooks) and whether its API is private. */
function planOf(stack, dir = PLAN_DIR) {
  const plan = JSON.parse(fs.readFileSync(path.join(dir, `${stack}.json`), 'utf8'));
  const webhooks = plan.resources.filter((r) => typeOf(r) === WEBHOOK).map((r) => r.props);
  const projects = plan.resources.filter((r) => typeOf(r) === PROJECT).map((r) => ({
    name: r.props.name,
    region: r.region,
    buildTimeout: Number(r.props.buildTimeout),
    source: r.props.source,
    webhook: webhooks.find((w) => w.projectName === r.props.name) || null,
  }));
  const clusters = plan.resources.filter((r) => typeOf(r) === CLUSTER);
  const regions = [].concat(plan.outputs.regions || []);
  return {
    stack,
    primary: regions[0],
    projects,
    privateApi: clusters.length > 0 && clusters.every((r) => r.props.vpcConfig && r.props.vpcConfig.endpointPublicAccess === false),
  };
}

/** The CodeBuild project a runs-on names, null for any other runner; a codebuild- label of another form is an error. */
function runnerProject(runsOn) {
  const labels = [].concat(runsOn);
  const first = String(labels[0]);
  if (!first.startsWith('codebuild-')) return null;
  const m = LABEL.exec(first);
  if (!m) {
    throw new Error(`runs-on ${first} must be codebuild-<project>-\${{ github.run_id }}-\${{ github.run_attempt }} (CodeBuild's required label)`);
  }
  return m[1];
}

/** The stacks a job works on: its pulumi step's stack, per matrix entry. */
function stacksOf(job) {
  const s = c.stackOf(job);
  if (!s) return [];
  if (s === '${{ matrix.stack }}') {
    return ((job.strategy && job.strategy.matrix && job.strategy.matrix.include) || []).map((m) => m.stack);
  }
  return [s];
}

/** Problems with the runner each job takes; plans maps stack name to planOf(stack). */
function checkRunners(workflows, plans) {
  const problems = [];
  const projects = new Map();
  Object.values(plans).forEach((p) => p.projects.forEach((pr) => projects.set(pr.name, { ...pr, stack: p.stack, primary: p.primary })));
  for (const w of workflows.filter((x) => x.doc && x.doc.jobs)) {
    for (const [id, job] of Object.entries(w.doc.jobs)) {
      const where = `${w.file} ${id}`;
      let name;
      try {
        name = runnerProject(job['runs-on']);
      } catch (e) {
        problems.push(`${where}: ${e.message}`);
        continue;
      }
      const stacks = stacksOf(job).filter((s) => plans[s]);
      const privateStacks = stacks.filter((s) => plans[s].privateApi);
      if (name === null) {
        privateStacks.forEach((s) => problems.push(`${where}: stack ${s} has a private Kubernetes API; the job must run on its CodeBuild runner`
          + ` (codebuild-<project>-...) in ${plans[s].primary}`));
        continue;
      }
      const project = projects.get(name);
      if (!project) {
        problems.push(`${where}: runs-on names CodeBuild project ${name}, which no committed plan creates`);
        continue;
      }
      if (privateStacks.length === 0) {
        problems.push(`${where}: a job that touches no private cluster API stays on a GitHub-hosted runner (found ${name})`);
      }
      stacks.filter((s) => s !== project.stack).forEach((s) => problems.push(`${where}: works on stack ${s} but runs on ${project.stack}'s runner ${name}`));
      if (stacks.includes(project.stack) && project.region !== project.primary) {
        problems.push(`${where}: the stack's preview/up runs on the primary region's runner (${project.primary}), peered to the others; found ${project.region}`);
      }
      const timeout = job['timeout-minutes'];
      if (!(Number.isInteger(timeout) && timeout < project.buildTimeout)) {
        problems.push(`${where}: timeout-minutes ${timeout} must be below the runner project's buildTimeout ${project.buildTimeout}`
          + ' (CodeBuild stops the build, and the job with it, at its timeout)');
      }
    }
  }
  return problems;
}

module.exports = { LABEL, planOf, runnerProject, stacksOf, checkRunners, typeOf };
