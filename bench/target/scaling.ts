import { fitUsl } from 'launchday';
import type { FeedPhase, PhaseResult, ScalingFit, StoreKind } from './types.js';

/** Server-side CPU at the most processes at or above this share of its cores: saturated. */
const SATURATED = 0.9;

/** Scaling below this share of the ideal (linear in processes) counts as flat. */
const FLAT = 0.8;

/** What may contend besides the CPU, by store. */
const WAITS: Record<StoreKind, string> = {
  sqlite: "SQLite's one writer, which every sign-up's transaction waits for",
  postgres:
    'commits waiting for the WAL flush, and row locks on the popular accounts every sign-up follows',
};

/**
 * The USL fitted to each store's feed and sign-up phases over their process counts (throughput
 * against processes), with what contended read off the server side's CPU; none for a store
 * measured at fewer than two counts. `serverCores` is how many cores the server side had.
 */
export function fitScaling(phases: readonly PhaseResult[], serverCores: number): ScalingFit[] {
  const fits: ScalingFit[] = [];
  for (const store of ['sqlite', 'postgres'] as const)
    for (const phase of ['feed', 'signup'] as const) {
      const points = phases
        .filter((result) => result.store === store && result.phase === phase)
        .sort((a, b) => a.processes - b.processes);
      if (points.length >= 2) fits.push(fitOne(store, phase, points, serverCores));
    }
  return fits;
}

function fitOne(
  store: StoreKind,
  phase: FeedPhase,
  points: readonly PhaseResult[],
  serverCores: number,
): ScalingFit {
  const fit = fitUsl(
    points.map((point) => ({ concurrency: point.processes, throughput: point.requestsPerSecond })),
  );
  return {
    store,
    phase,
    lambda: fit.lambda,
    sigma: fit.sigma,
    kappa: fit.kappa,
    rSquared: fit.rSquared,
    warnings: [...fit.warnings],
    contention: contention(store, points, serverCores),
  };
}

/** What limited the scaling from the fewest processes to the most, in plain words. */
export function contention(
  store: StoreKind,
  points: readonly PhaseResult[],
  serverCores: number,
): string {
  const first = points[0]!;
  const last = points.at(-1)!;
  const grew = last.requestsPerSecond / first.requestsPerSecond;
  const ideal = last.processes / first.processes;
  const cores = `${serverCores} core${serverCores === 1 ? '' : 's'}`;
  const busy = points.map((point) => point.serverSideCores);
  const used = `${Math.min(...busy).toFixed(2)}–${Math.max(...busy).toFixed(2)} of its ${cores}`;
  const scaled = `throughput ×${grew.toFixed(2)} for ×${ideal} the processes`;
  if (last.serverSideCores >= SATURATED * serverCores) {
    const share = Math.max(...points.map((point) => point.databaseCpuShare));
    const database = share > 0 ? `, the database taking up to ${percent(share)} of it` : '';
    return `${scaled}; the server side used ${used}${database}: the CPU contends, so σ and κ measure processes sharing it, not a lock.`;
  }
  if (grew < FLAT * ideal)
    return `${scaled} while the server side used ${used}: a wait contends, not the CPU — ${WAITS[store]}.`;
  return `${scaled}, the server side using ${used}: little contention at these counts.`;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
