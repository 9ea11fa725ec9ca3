import { TARGET_ENV, type TargetConfig, TargetConfigSchema } from './config.js';
import { parseFaultSpec } from './faults/fault-spec.js';
import { DEFAULT_STORE, describeStores, findStore, storeForDb } from './store/index.js';

/** One bad setting: the flag (or environment variable) and what is wrong with it. */
export interface SettingIssue {
  readonly setting: string;
  readonly message: string;
}

/** Settings that cannot be used; `issues` names every problem. */
export class SettingsError extends Error {
  constructor(readonly issues: readonly SettingIssue[]) {
    super(issues.map((issue) => `${issue.setting}: ${issue.message}`).join('\n'));
    this.name = 'SettingsError';
  }
}

/** The `start` flags as commander gives them (strings, or undefined when absent). */
export type StartFlags = Readonly<Record<string, string | undefined>>;

/** Config keys of the numeric `start` flags, by commander's camel-cased flag name. */
const NUMERIC_FLAGS = {
  port: 'port',
  workers: 'workers',
  maxInFlight: 'maxInFlight',
  queueBudgetMs: 'queueBudgetMs',
  passwordCost: 'passwordCost',
  poolSize: 'poolSize',
} as const;

/**
 * Resolves the service's settings from `start` flags and the environment (secrets), applying
 * the defaults of {@link TargetConfigSchema}. Throws {@link SettingsError} naming every bad flag.
 */
export function resolveTargetConfig(flags: StartFlags, env: NodeJS.ProcessEnv): TargetConfig {
  const issues: SettingIssue[] = [];
  const input: Record<string, unknown> = {
    host: flags.host,
    store: flags.store ?? (flags.db === undefined ? undefined : storeForDb(flags.db).name),
    db: flags.db,
    sync: flags.sync,
    secret: env[TARGET_ENV.secret] || undefined,
    adminToken: env[TARGET_ENV.adminToken] || undefined,
  };
  for (const [flag, key] of Object.entries(NUMERIC_FLAGS)) {
    const text = flags[flag];
    if (text === undefined) continue;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) {
      issues.push({ setting: flagName(flag), message: `"${text}" is not a number` });
    } else input[key] = value;
  }
  if (flags.faults !== undefined) {
    try {
      input.faults = parseFaultSpec(flags.faults);
    } catch (error) {
      issues.push({ setting: '--faults', message: (error as Error).message });
    }
  }
  issues.push(...storeIssues(flags.store, flags.db));
  const parsed = TargetConfigSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({ setting: settingName(issue.path), message: issue.message });
    }
  }
  if (issues.length > 0 || !parsed.success) throw new SettingsError(issues);
  if (parsed.data.db === ':memory:' && parsed.data.workers > 1) {
    throw new SettingsError([
      { setting: '--db', message: ':memory: cannot be shared by several workers; give a file' },
    ]);
  }
  return parsed.data;
}

/**
 * The problem with `--store NAME`: no store is registered under NAME, or `--db` is one that
 * only another store reads (a `postgres://` URL given to `--store sqlite`).
 */
function storeIssues(name: string | undefined, db: string | undefined): SettingIssue[] {
  if (name === undefined) return [];
  const store = findStore(name);
  if (store === undefined)
    return [
      { setting: '--store', message: `"${name}" is not a store; the stores: ${describeStores()}` },
    ];
  // Every store but the default is told by the form of its --db (a URL).
  if (name !== DEFAULT_STORE && !store.claims(db ?? ''))
    return [{ setting: '--db', message: `the ${name} store needs ${store.description}` }];
  const reader = db === undefined ? undefined : storeForDb(db);
  if (reader === undefined || reader.name === name || !reader.claims(db!)) return [];
  return [
    {
      setting: '--store',
      message: `--db ${db} is for the ${reader.name} store, not ${name}; leave --store out`,
    },
  ];
}

function settingName(path: readonly PropertyKey[]): string {
  const [key] = path;
  if (key === 'secret') return TARGET_ENV.secret;
  if (key === 'adminToken') return TARGET_ENV.adminToken;
  return flagName(String(key));
}

/** `maxInFlight` → `--max-in-flight`. */
function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}
