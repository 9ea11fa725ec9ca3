import { LaunchdayError } from '../core/errors.js';
import type { CapacityPlan, Forecast } from './types.js';

// Float rounding of an exact fit (e.g. 3.0000000000000004 instances) must not add an instance.
const ROUNDING_SLACK = 1e-9;

/**
 * Sizes the launch: for each request name in `peak` (requests/s, from `peakDemand`), the
 * instances it needs alone are ⌈peak × burst / (capacity × utilisation)⌉, `capacity` being one
 * instance's measured requests/s of that name (`capacityPerInstance`). The plan runs the most
 * any name needs (at least 1) plus `intent.redundancy`; `saturatesFirst` is the name with the
 * largest exact need peak × burst / (capacity × utilisation), before rounding up.
 * `headroom` is the share of capacity left at the burst peak by the name that saturates first
 * when the redundant instances are down — 1 − peak × burst / (capacity × (instances −
 * redundancy)) — the worst case the plan is sized for (at least 1 − utilisation); with all
 * instances up there is more. Called by the capacity command. Throws LaunchdayError
 * LAUNCHDAY_ERR_INVALID_CONFIG when `peak` is empty, or a name in it has no measured capacity
 * (or one that is not above 0), naming it and the measured names.
 */
export function planCapacity(
  peak: Readonly<Record<string, number>>,
  capacityPerInstance: Readonly<Record<string, number>>,
  intent: Forecast['intent'],
): CapacityPlan {
  checkNames(peak, capacityPerInstance);
  const needs = Object.entries(peak).map(([name, peakRps]) => {
    const capacityRps = capacityPerInstance[name]!;
    const exact = (peakRps * intent.burst) / (capacityRps * intent.utilisation);
    return { name, peakRps, capacityRps, exact, instances: Math.ceil(exact - ROUNDING_SLACK) };
  });
  const first = needs.reduce((most, need) => (need.exact > most.exact ? need : most));
  const base = Math.max(1, ...needs.map((need) => need.instances));
  return {
    endpoints: needs.map(({ name, peakRps, capacityRps, instances }) => ({
      name,
      peakRps,
      capacityRps,
      instances,
    })),
    instances: base + intent.redundancy,
    saturatesFirst: first.name,
    headroom: 1 - (first.peakRps * intent.burst) / (first.capacityRps * base),
  };
}

function checkNames(
  peak: Readonly<Record<string, number>>,
  capacity: Readonly<Record<string, number>>,
): void {
  const measured = Object.keys(capacity).filter((name) => capacity[name]! > 0);
  const list = measured.length > 0 ? measured.join(', ') : 'none';
  const issues = Object.keys(peak)
    .filter((name) => !measured.includes(name))
    .map((name) => ({
      path: name,
      message: `has a forecast demand but no measured capacity (measured: ${list})`,
    }));
  if (Object.keys(peak).length === 0) {
    throw new LaunchdayError('LAUNCHDAY_ERR_INVALID_CONFIG', 'the forecast demands no request', {
      hint: "give the forecast's demand at least one request name with a rate above 0",
      issues: [{ path: 'demand', message: 'names no request: nothing to plan' }],
    });
  }
  if (issues.length === 0) return;
  const names = issues.map((issue) => issue.path).join(', ');
  throw new LaunchdayError(
    'LAUNCHDAY_ERR_INVALID_CONFIG',
    `cannot plan capacity for ${names}: no measured capacity (measured: ${list})`,
    {
      hint: "name in the forecast's demand only requests the capacity run measured (their `name` in the scenario), or measure a scenario that sends them",
      issues,
    },
  );
}
