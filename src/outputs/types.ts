import type { ResolvedRun } from '../config/types.js';
import type { IntervalPoint, RunResult, ServicePoint } from '../core/result.js';
import type { ThresholdResult } from '../metrics/threshold-types.js';
import type { SeriesDelta } from '../metrics/types.js';

/** What an output learns when the load starts. */
export interface RunStart {
  readonly runId: string;
  readonly run: ResolvedRun;
  /** When interval 0 begins, epoch ms. */
  readonly startAt: number;
}

/** The live state after each second. */
export interface LiveState {
  /** Run time so far, ms. */
  readonly elapsedMs: number;
  /** The thresholds as evaluated now. */
  readonly thresholds: readonly ThresholdResult[];
  /**
   * What the series recorded in this second, as every worker sent it (a series appears once per
   * worker that recorded it), tags including the test-wide ones: trends as microsecond
   * histograms, counters and rates as the second's counts, gauges as values to sum across
   * workers. Outputs that need run-long values merge them (e.g. with a `SeriesStore`).
   */
  readonly series: readonly SeriesDelta[];
  /** The service's side of the newest second with one (see `ServiceScraper`), else null. */
  readonly service: ServicePoint | null;
}

/**
 * Where a run's measurements go: the engine knows only this contract (as k6's `output`). Every
 * method is optional; `interval` is called once per second of the run, in order, and must not
 * block; `end` may write files.
 */
export interface Output {
  start?(start: RunStart): void | Promise<void>;
  interval?(point: IntervalPoint, live: LiveState): void;
  end?(result: RunResult): void | Promise<void>;
}

/** Where the report files of a run are: absolute or as given, one path per format. */
export interface ReportFilePaths {
  /** report.html: the self-contained page for reviewers. */
  readonly html: string;
  /** report.md: the Markdown summary for a pull-request comment or a job summary. */
  readonly markdown: string;
  /** junit.xml: thresholds and checks as test cases for CI. */
  readonly junit: string;
}

/** What the outputs built from `--out` specs need besides their specs. */
export interface OutSpecContext {
  /** The run's `--allow-host` list: remote-write hosts other than loopback must be on it. */
  readonly allowedHosts: readonly string[];
  /** Where the outputs report trouble (remote-write failures), one sentence each. */
  readonly onProblem?: (message: string) => void;
}

/** What an {@link OutputKind}'s parser is given besides the text after `NAME=`. */
export interface OutParseContext {
  /** The run's `--allow-host` list, for outputs that send to a host. */
  readonly allowedHosts: readonly string[];
  /** Throws the usage error of the spec being parsed (exit code 2), saying `why`. */
  fail(why: string): never;
}

/**
 * One output that `--out NAME=VALUE` can build, registered in `OUTPUT_KINDS`
 * (out-registry.ts): its name, what help and errors say of it, its spec parser and its
 * factory. `Spec` is the parsed spec, whose `kind` is the name.
 */
export interface OutputKind<Spec extends { readonly kind: string }> {
  readonly name: Spec['kind'];
  /** The spec's form, e.g. `prometheus-rw=URL`. */
  readonly form: string;
  /** What the output does, in a few words, e.g. `Prometheus remote write`. */
  readonly description: string;
  /** A spec that parses, e.g. `prometheus-rw=http://127.0.0.1:9090/api/v1/write`. */
  readonly example: string;
  /**
   * Parses the text after `NAME=` (empty when the spec has no `=`); throws with
   * `context.fail(why)` when it is not valid. Called before any load is sent.
   */
  parse(value: string, context: OutParseContext): Spec;
  /** Builds the output of a parsed spec, once per run. */
  create(spec: Spec, context: OutSpecContext): Output;
}
