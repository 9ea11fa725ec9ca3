/**
 * Whether two sides of runs can be compared: the same scenario, the same load plan (every
 * workload's executor configuration), valid generators, and alike machines. Each difference is
 * named with how to compare anyway (`--allow <kind>`).
 */
import { LaunchdayError } from '../core/errors.js';
import type { RunResult } from '../core/result.js';
import type { Incomparability } from './types.js';

/** Every kind of difference `--allow` accepts. */
export const INCOMPARABILITY_KINDS: readonly Incomparability['kind'][] = [
  'scenario',
  'plan',
  'generator',
  'machine',
];

/** The differences between `baseline` and `candidate` runs (and within each side), in kind order. */
export function findIncomparabilities(
  baseline: readonly RunResult[],
  candidate: readonly RunResult[],
): Incomparability[] {
  const all = [...baseline, ...candidate];
  const first = all[0]!;
  const found: Incomparability[] = [];
  const other = all.find((run) => run.scenario.name !== first.scenario.name);
  if (other !== undefined)
    found.push({
      kind: 'scenario',
      message:
        `run ${other.runId} ran scenario '${other.scenario.name}', run ${first.runId} ` +
        `'${first.scenario.name}'; add --allow scenario to compare them anyway`,
    });
  const otherPlan = all.find((run) => planOf(run) !== planOf(first));
  if (otherPlan !== undefined)
    found.push({
      kind: 'plan',
      message:
        `run ${otherPlan.runId} has another load plan than run ${first.runId} ` +
        `(${planDifference(first, otherPlan)}); add --allow plan to compare them anyway`,
    });
  const invalid = all.find((run) => !run.generator.valid);
  if (invalid !== undefined)
    found.push({
      kind: 'generator',
      message:
        `the generator of run ${invalid.runId} did not keep its schedule ` +
        `(${invalid.generator.reasons[0] ?? 'see its report'}), so its figures measure the ` +
        'generator as much as the target; add --allow generator to compare anyway',
    });
  const otherMachine = all.find((run) => machineOf(run) !== machineOf(first));
  if (otherMachine !== undefined)
    found.push({
      kind: 'machine',
      message:
        `run ${otherMachine.runId} ran on ${machineOf(otherMachine)}, run ${first.runId} on ` +
        `${machineOf(first)}; add --allow machine to compare them anyway`,
    });
  return found;
}

/**
 * The differences that `allowed` lets through; throws a `LAUNCHDAY_ERR_INCOMPARABLE` naming
 * every other one.
 */
export function checkComparable(
  baseline: readonly RunResult[],
  candidate: readonly RunResult[],
  allowed: readonly Incomparability['kind'][],
): Incomparability[] {
  const found = findIncomparabilities(baseline, candidate);
  const refused = found.filter((difference) => !allowed.includes(difference.kind));
  if (refused.length > 0)
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_INCOMPARABLE',
      `the runs are not comparable: ${refused.map((d) => d.message).join('; ')}`,
      {
        hint: 'compare runs of one scenario and load plan, from valid generators on alike machines',
      },
    );
  return found;
}

/** The machine of a run, as a comparison names it: `AMD EPYC 7B13 ×2, linux x64`. */
export function machineOf(run: RunResult): string {
  const { cpuModel, cpus, platform, arch } = run.environment;
  return `${cpuModel} ×${cpus}, ${platform} ${arch}`;
}

interface PlannedWorkload {
  readonly name: string;
  readonly plan: unknown;
}

function workloadsOf(run: RunResult): readonly PlannedWorkload[] {
  const config = run.config as { workloads?: readonly PlannedWorkload[] } | null;
  return config?.workloads ?? [];
}

/** A run's load plan (every workload's name and plan) as one comparable string. */
export function planOf(run: RunResult): string {
  return JSON.stringify(workloadsOf(run).map(({ name, plan }) => ({ name, plan })));
}

/** The first workload whose plan differs between `a` and `b`, named in a phrase. */
export function planDifference(a: RunResult, b: RunResult): string {
  const plansB = new Map(workloadsOf(b).map((w) => [w.name, JSON.stringify(w.plan)]));
  const namesA = workloadsOf(a).map((w) => w.name);
  for (const workload of workloadsOf(a)) {
    const other = plansB.get(workload.name);
    if (other === undefined) return `workload '${workload.name}' is missing in run ${b.runId}`;
    if (other !== JSON.stringify(workload.plan))
      return `workload '${workload.name}' is planned differently`;
  }
  const extra = workloadsOf(b).find((w) => !namesA.includes(w.name));
  return extra === undefined
    ? 'workloads differ'
    : `workload '${extra.name}' is only in run ${b.runId}`;
}
