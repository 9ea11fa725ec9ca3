import { createRateCurve } from './rate-profile.js';
import type {
  ArrivalDistribution,
  ArrivalRatePlan,
  ExecutorType,
  PlanStage,
  RateSegment,
  VuSegment,
  VusPlan,
} from './types.js';

// Float sums of many segments may fall a hair short of a whole iteration count.
const COUNT_EPSILON = 1e-6;

/** The parsed options every executor has, in ms. */
export interface ParsedBase {
  readonly startTime: number;
  readonly gracefulStop: number;
}

/** The parsed options every arrival-rate executor has, in ms. */
export interface ParsedArrivalRate extends ParsedBase {
  readonly timeUnit: number;
  readonly arrivals: ArrivalDistribution;
  readonly maxInFlight: number;
}

/** One parsed stage: reach `target` over `duration` ms. */
export interface ParsedStage {
  readonly target: number;
  readonly duration: number;
}

/**
 * The linear pieces of k6 stages: each goes from the previous target (`start` for the first)
 * to its own target over its duration, one after the other from 0.
 */
export function stagePieces(start: number, stages: readonly ParsedStage[]): VuSegment[] {
  let startMs = 0;
  let from = start;
  return stages.map((stage) => {
    const piece = { startMs, durationMs: stage.duration, from, to: stage.target };
    startMs += stage.duration;
    from = stage.target;
    return piece;
  });
}

/**
 * The plan of an arrival-rate executor whose rate follows `pieces`, given in iterations per
 * `config.timeUnit`; the plan's rate is in iterations per second.
 */
export function arrivalRatePlan(
  type: ExecutorType,
  config: ParsedArrivalRate,
  pieces: readonly VuSegment[],
): ArrivalRatePlan {
  const perSecond = (perUnit: number): number => (perUnit * 1000) / config.timeUnit;
  const segments: RateSegment[] = pieces.map((piece) => ({
    startMs: piece.startMs,
    durationMs: piece.durationMs,
    fromRate: perSecond(piece.from),
    toRate: perSecond(piece.to),
  }));
  const stages = segments.map((s) =>
    planStage(s.startMs, s.durationMs, s.fromRate, s.toRate, 'iterations/s'),
  );
  return ratePlan(type, config, segments, stages);
}

/**
 * The plan of an arrival-rate executor whose rate, in iterations per second, follows
 * `segments` (contiguous from 0); `stages` are what `launchday validate` shows of it.
 */
export function ratePlan(
  type: ExecutorType,
  config: Omit<ParsedArrivalRate, 'timeUnit'>,
  segments: readonly RateSegment[],
  stages: readonly PlanStage[],
): ArrivalRatePlan {
  const curve = createRateCurve({ segments });
  return {
    type,
    model: 'arrival-rate',
    startTimeMs: config.startTime,
    durationMs: curve.durationMs,
    gracefulStopMs: config.gracefulStop,
    rate: { segments },
    arrivals: config.arrivals,
    maxInFlight: config.maxInFlight,
    plannedIterations: Math.floor(curve.total + COUNT_EPSILON),
    stages,
  };
}

/** The plan of a VU executor whose VU count follows `vus`. */
export function vusPlan(
  type: ExecutorType,
  config: ParsedBase,
  vus: readonly VuSegment[],
  gracefulRampDownMs?: number,
): VusPlan {
  const last = vus.at(-1);
  return {
    type,
    model: 'vus',
    startTimeMs: config.startTime,
    durationMs: last ? last.startMs + last.durationMs : 0,
    gracefulStopMs: config.gracefulStop,
    vus,
    maxVUs: Math.max(0, ...vus.flatMap((piece) => [piece.from, piece.to])),
    ...(gracefulRampDownMs === undefined ? {} : { gracefulRampDownMs }),
    stages: vus.map((s) => planStage(s.startMs, s.durationMs, s.from, s.to, 'VUs')),
  };
}

/** One row of a plan's stages. */
export function planStage(
  startMs: number,
  durationMs: number,
  from: number,
  to: number,
  unit: PlanStage['unit'],
): PlanStage {
  return { startMs, durationMs, from, to, unit };
}
