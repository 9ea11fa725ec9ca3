/**
 * The contracts of a scenario: what a scenario author writes (`defineScenario`), the parameter
 * specs and their typed values, and the contexts a journey, `setup` and `teardown` receive.
 */
import type { Faker } from '@faker-js/faker';
import type { ExecutorConfig } from '../executors/index.js';
import type { HttpSession, ScenarioHttpOptions } from '../http/index.js';

/** What every parameter spec has. Specs are plain serializable data. */
interface ParamSpecBase {
  /** One line for `launchday validate` and `--help`. */
  readonly description?: string;
}

/** A number parameter; `--param key=12.5`. */
export interface NumberParamSpec extends ParamSpecBase {
  readonly type: 'number';
  readonly default: number;
  /** Smallest allowed value, inclusive. */
  readonly min?: number;
  /** Largest allowed value, inclusive. */
  readonly max?: number;
  /** When true, only whole numbers are allowed. */
  readonly integer?: boolean;
}

/** A free-text parameter; `--param key=text`. */
export interface StringParamSpec extends ParamSpecBase {
  readonly type: 'string';
  readonly default: string;
  /** A regular expression (source text) the whole value must match. */
  readonly pattern?: string;
}

/** A boolean parameter; `--param key=true|false|yes|no|1|0`. */
export interface BooleanParamSpec extends ParamSpecBase {
  readonly type: 'boolean';
  readonly default: boolean;
}

/** One of a fixed list of strings; `--param key=value`. */
export interface EnumParamSpec<V extends string = string> extends ParamSpecBase {
  readonly type: 'enum';
  readonly values: readonly V[];
  readonly default: V;
}

/**
 * A k6-style duration (`500ms`, `30s`, `1m30s`). The value a scenario receives is the duration
 * STRING as given (trimmed, validated with `parseDuration`), so it can be passed straight into an
 * executor config's `duration` or `startTime` and into a k6 export unchanged.
 */
export interface DurationParamSpec extends ParamSpecBase {
  readonly type: 'duration';
  readonly default: string;
}

/** Any parameter spec; `type` is the discriminator. */
export type ParamSpec =
  | NumberParamSpec
  | StringParamSpec
  | BooleanParamSpec
  | EnumParamSpec
  | DurationParamSpec;

/** The `params` of a scenario: spec per parameter name. */
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

/** The value type a parameter spec yields. */
export type ParamValue<S extends ParamSpec> =
  S extends EnumParamSpec<infer V>
    ? V
    : S extends NumberParamSpec
      ? number
      : S extends BooleanParamSpec
        ? boolean
        : string;

/** The typed, resolved values of a scenario's parameters (`p.rate` is a `number`). */
export type ParamValues<P extends ParamSpecs> = { readonly [K in keyof P]: ParamValue<P[K]> };

/** A value made read-only all the way down, as `ctx.data` is (it is deep-frozen). */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** A threshold with options, as k6 writes it. */
export interface ThresholdObject {
  /** The expression, e.g. `p(99)<250`. */
  readonly threshold: string;
  /** Abort the run as soon as the threshold fails. */
  readonly abortOnFail?: boolean;
  /** Do not evaluate for abort before this much of the run has passed (duration string). */
  readonly delayAbortEval?: string;
}

/** Thresholds per metric selector, e.g. `{ 'http_req_duration{name:feed}': ['p(99)<250'] }`. */
export type Thresholds = Readonly<Record<string, ReadonlyArray<string | ThresholdObject>>>;

/**
 * How `launchday compare` treats runs of this scenario, unless its flags say otherwise. The texts
 * are checked by `compare` (when it reads them back from result.json `config.compare`), not here.
 */
export interface ScenarioCompare {
  /** The metrics to compare, as `--metric` takes them, e.g. `http_req_duration{name:feed}:p(99)`. */
  readonly metrics?: readonly string[];
  /** Budgets per metric selector, as `--budget selector=budget` sets them: `{ 'http_req_duration{name:feed}:p(99)': '+5%' }`. */
  readonly budgets?: Readonly<Record<string, string>>;
  /** The significance level of a verdict, above 0 and below 0.5. */
  readonly alpha?: number;
}

/** Test-wide or per-workload tags added to every sample. */
export type Tags = Readonly<Record<string, string>>;

/** What `setup` receives. Runs once, before any workload starts. */
export interface SetupContext<P extends ParamSpecs = ParamSpecs> {
  /** The resolved parameters, frozen. */
  readonly params: ParamValues<P>;
  /** HTTP against the scenario's `baseUrl`. */
  readonly http: HttpSession;
  /** A Faker (locale en) seeded from the run seed, so `--seed` reproduces setup data. */
  readonly faker: Faker;
}

/** What `teardown` receives: the setup context plus what `setup` returned. */
export interface TeardownContext<P extends ParamSpecs = ParamSpecs, D = unknown>
  extends SetupContext<P> {
  /** What `setup` returned (undefined without `setup`), deep-frozen. */
  readonly data: DeepReadonly<D>;
}

/** What a journey receives: one context per VU, reused across that VU's iterations. */
export interface JourneyContext<P extends ParamSpecs = ParamSpecs, D = unknown> {
  /** HTTP against the scenario's `baseUrl`, measured from the iteration's planned start. */
  readonly http: HttpSession;
  /** Records a check named `name` as passed or failed and returns `condition`, like k6's `check`. */
  check(name: string, condition: boolean): boolean;
  /**
   * Records that the target acknowledged a write of `kind` with this id, e.g.
   * `ctx.recordWrite('posts', post.id)` after a 201. Kinds are named as the target counts them
   * (the reference service: users, posts, follows as `follower:followee`, likes as
   * `user:post`). Record only writes that created something and that the journey does not undo.
   *
   * `kind` must match `/^[a-z][a-z0-9_]{0,39}$/`; `id` must be a non-empty string of at most 200
   * characters or a whole number. Otherwise it throws a TypeError, which ends the iteration as a
   * journey error. The run's result.json counts the writes per kind and keeps a sample of their
   * ids (`writes`), which `launchday rehearse` looks up in the target after the run.
   */
  recordWrite(kind: string, id: string | number): void;
  /** Waits `seconds`; the next request is measured from its own issue time, not the plan. */
  sleep(seconds: number): Promise<void>;
  /** The VU id, 1-based, unique across worker threads within the workload. */
  readonly vu: number;
  /** The iteration number the executor gave this iteration (see the executor's docs). */
  readonly iteration: number;
  /** The workload's name, the key in `workloads`. */
  readonly workload: string;
  /** The resolved parameters, frozen. */
  readonly params: ParamValues<P>;
  /** What `setup` returned (undefined without `setup`), deep-frozen. */
  readonly data: DeepReadonly<D>;
  /**
   * A Faker (locale en) seeded per iteration from (run seed, workload, iteration): the same
   * `--seed` gives the same data for the same iteration, whichever VU or worker thread runs it.
   */
  readonly faker: Faker;
  /** A number in [0, 1), seeded like {@link JourneyContext.faker} but an independent stream. */
  random(): number;
}

/**
 * A function of one argument, checked bivariantly in it (as methods are), so that a scenario
 * typed with its own params and data is assignable to the general {@link ScenarioDefinition}.
 */
export type Callback<A, R> = { bivariant(arg: A): R }['bivariant'];

/** The journey of a workload: what one iteration does. A rejection counts as a failed iteration. */
export type Journey<P extends ParamSpecs = ParamSpecs, D = unknown> = Callback<
  JourneyContext<P, D>,
  Promise<void> | void
>;

/** One workload: a load model (executor) driving a journey. */
export interface WorkloadDefinition<P extends ParamSpecs = ParamSpecs, D = unknown> {
  /** When and how often the journey runs; validated by the executors registry. */
  readonly executor: ExecutorConfig;
  /** What one iteration does. */
  readonly journey: Journey<P, D>;
  /** Tags added to every sample of this workload. */
  readonly tags?: Tags;
}

/** The workloads of a scenario by name. */
export type Workloads<P extends ParamSpecs = ParamSpecs, D = unknown> = Readonly<
  Record<string, WorkloadDefinition<P, D>>
>;

/** Either a value or a function of the resolved parameters that returns it. */
export type OrParamsFn<T, P extends ParamSpecs> = T | Callback<ParamValues<P>, T>;

/**
 * A scenario: what `defineScenario` takes and a scenario module's default export is.
 * `P` is inferred from `params`, `D` from what `setup` returns.
 */
export interface ScenarioDefinition<P extends ParamSpecs = ParamSpecs, D = unknown> {
  /** A short identifier, shown in reports and used as the test id. */
  readonly name: string;
  readonly description?: string;
  /** Where relative URLs in journeys go, e.g. `http://127.0.0.1:8080`; `--base-url` overrides. */
  readonly baseUrl?: string;
  /** The parameters `--param key=value` may set. */
  readonly params?: P;
  /** Runs once before the workloads; its result becomes `ctx.data`. */
  readonly setup?: Callback<SetupContext<P>, Promise<D> | D>;
  /** Runs once after the workloads, with `ctx.data`. */
  readonly teardown?: Callback<TeardownContext<P, D>, Promise<void> | void>;
  /** The workloads by name, or a function of the parameters returning them. */
  readonly workloads: OrParamsFn<Workloads<P, D>, P>;
  /** Pass/fail criteria, k6 syntax, or a function of the parameters returning them. */
  readonly thresholds?: OrParamsFn<Thresholds, P>;
  /** HTTP client options for this scenario; sizes in bytes or as size strings (`'10MB'`). */
  readonly http?: ScenarioHttpOptions;
  /** How `launchday compare` compares runs of this scenario: metrics, budgets, alpha. */
  readonly compare?: ScenarioCompare;
  /** Tags added to every sample of the run. */
  readonly tags?: Tags;
}

/** A scenario module after loading: where it came from and its validated definition. */
export interface LoadedScenario {
  /** The scenario file, absolute. */
  readonly file: string;
  /** The bundled ES module, absolute; importable by plain Node (worker threads import it). */
  readonly bundleFile: string;
  /** The module's default export, validated. */
  readonly definition: ScenarioDefinition;
}
