/** The flags `compare` and `ab` share: what to compare, the budgets, the statistics. */
import { type Command, InvalidArgumentError, Option } from 'commander';
import {
  type CompareOptions,
  DEFAULT_COMPARE_OPTIONS,
  INCOMPARABILITY_KINDS,
} from '../compare/index.js';
import type { CompareMethod, Incomparability } from '../compare/types.js';
import { collect, wholeNumberAtLeast } from './flag-parsers.js';

/** The parsed compare flags. */
export interface CompareFlags {
  metric: string[];
  budget: string[];
  allow: Incomparability['kind'][];
  method: CompareMethod | 'auto';
  alpha?: number;
  bootstrapSeed: number;
  resamples: number;
  blockSeconds: number;
  outDir?: string;
}

/**
 * Adds the compare flags to `command`; `--out-dir` too unless the command has its own (`ab`
 * takes the run flags').
 */
export function addCompareFlags(command: Command, { outDir = true } = {}): Command {
  command
    .option(
      '--metric <selector>',
      "a metric to compare, in threshold syntax, e.g. 'http_req_duration{name:feed}:p(99)' (repeatable; default: latency percentiles, errors, throughput, drops, checks, per request name too)",
      collect,
      [],
    )
    .option(
      '--budget <budget>',
      "the smallest change that counts: '+5%', '+2ms', '+0.5pt', or per metric 'http_req_duration{name:signup}:p(99)=+5%' (repeatable; default +10% and +1 ms for latencies, +0.5 points for rates)",
      collect,
      [],
    )
    .option(
      '--allow <difference>',
      `compare anyway despite a difference: ${INCOMPARABILITY_KINDS.join(', ')} (repeatable)`,
      allowKind,
      [],
    )
    .addOption(
      new Option(
        '--method <method>',
        'the statistics (auto: Mann-Whitney with 4+ runs a side, else a block bootstrap over seconds)',
      )
        .choices(['auto', 'mann-whitney', 'block-bootstrap'])
        .default(DEFAULT_COMPARE_OPTIONS.method),
    )
    .option('--alpha <alpha>', 'significance level, above 0 and below 0.5 (default 0.05)', alpha)
    .option(
      '--bootstrap-seed <n>',
      'seed of the bootstrap: the same runs and seed give the same report',
      wholeNumberAtLeast(0),
      DEFAULT_COMPARE_OPTIONS.seed,
    )
    .option(
      '--resamples <n>',
      'bootstrap resamples',
      wholeNumberAtLeast(200),
      DEFAULT_COMPARE_OPTIONS.resamples,
    )
    .option(
      '--block-seconds <n>',
      'block length of the block bootstrap, in seconds',
      wholeNumberAtLeast(1),
      DEFAULT_COMPARE_OPTIONS.blockSeconds,
    );
  if (outDir)
    command.option(
      '--out-dir <dir>',
      "where to write compare.json, compare.md, compare-junit.xml and compare.html (default: the candidate's folder)",
    );
  return command;
}

/** The comparison options of parsed `flags`, made now. */
export function compareOptionsFrom(flags: CompareFlags): CompareOptions {
  return {
    ...DEFAULT_COMPARE_OPTIONS,
    metrics: flags.metric,
    budgets: flags.budget,
    allow: flags.allow,
    method: flags.method,
    ...(flags.alpha === undefined ? {} : { alpha: flags.alpha }),
    seed: flags.bootstrapSeed,
    resamples: flags.resamples,
    blockSeconds: flags.blockSeconds,
    now: new Date(),
  };
}

function allowKind(value: string, previous: Incomparability['kind'][]): Incomparability['kind'][] {
  const kind = INCOMPARABILITY_KINDS.find((k) => k === value);
  if (kind === undefined)
    throw new InvalidArgumentError(`expected one of ${INCOMPARABILITY_KINDS.join(', ')}`);
  return [...previous, kind];
}

function alpha(value: string): number {
  const number = Number(value);
  if (!(number > 0 && number < 0.5))
    throw new InvalidArgumentError('expected a level above 0 and below 0.5, e.g. 0.05');
  return number;
}
