import { execFileSync } from 'node:child_process';
import type { Argv } from './compose-file.js';

/** The options a CLI command lists in its --help: name (`--port`, `-p`) → takes a value. */
export type HelpOptions = ReadonlyMap<string, boolean>;

/** How an argv uses a command's options, read against its --help. */
export interface ArgvUse {
  readonly command: string;
  readonly options: HelpOptions;
  /** Every option name the argv passes, in order (`--x=1` gives `--x`). */
  readonly used: readonly string[];
  readonly positionals: readonly string[];
  /** The values given to each option, in order. */
  readonly values: ReadonlyMap<string, readonly string[]>;
}

const cache = new Map<string, HelpOptions>();

/**
 * Runs `node <script> <command> --help` (commander's layout) and returns the options it lists.
 * `script` is an absolute path to a built CLI; answers are cached per script and command.
 */
export function helpOptions(script: string, command: string): HelpOptions {
  const key = `${script} ${command}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const help = execFileSync(process.execPath, [script, command, '--help'], { encoding: 'utf8' });
  const options = new Map<string, boolean>();
  for (const [, short, long, value] of help.matchAll(/^ {2}(?:(-\w), )?(--[\w-]+)( [<[])?/gm)) {
    if (short) options.set(short, value !== undefined);
    options.set(long!, value !== undefined);
  }
  cache.set(key, options);
  return options;
}

/** Splits `[command, ...args]` into the options used and the positionals, per the help. */
export function argvUse(script: string, [command = '', ...args]: Argv): ArgvUse {
  const options = helpOptions(script, command);
  const used: string[] = [];
  const positionals: string[] = [];
  const values = new Map<string, string[]>();
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    if (!word.startsWith('-')) {
      positionals.push(word);
      continue;
    }
    const [name, inline] = word.split(/=(.*)/s) as [string, string | undefined];
    used.push(name);
    // An option the help does not list is taken to have a value when a word follows, so one
    // unknown option is reported alone instead of turning its value into a positional.
    const takesValue = options.get(name) ?? !args[index + 1]?.startsWith('-');
    const value = inline ?? (takesValue ? args[++index] : undefined);
    if (value !== undefined) values.set(name, [...(values.get(name) ?? []), value]);
  }
  return { command, options, used, positionals, values };
}
