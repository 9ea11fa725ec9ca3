import { readFileSync } from 'node:fs';
import type { Argv } from './compose-file.js';

/** The parts of a Dockerfile the stack tests check. */
export interface Dockerfile {
  /** The final stage's WORKDIR: where relative paths of the image's commands point. */
  readonly workdir: string;
  /** Sources of the COPY/ADD instructions that read the build context (not `--from=`). */
  readonly contextSources: readonly string[];
  /** The final stage's CMD as an argv (exec form). */
  readonly cmd: Argv;
  /** Every FROM image, in order. */
  readonly baseImages: readonly string[];
}

/** Reads a Dockerfile: continuation lines joined, comments skipped. */
export function readDockerfile(file: string): Dockerfile {
  const instructions = readFileSync(file, 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
  const workdirs = instructions.filter((i) => i.keyword === 'WORKDIR').map((i) => i.args);
  const cmd = instructions.filter((i) => i.keyword === 'CMD').at(-1)?.args;
  return {
    workdir: workdirs.at(-1) ?? '/',
    contextSources: instructions
      .filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && !i.args.includes('--from='))
      .flatMap((i) => copySources(i.args)),
    cmd: cmd === undefined ? [] : (JSON.parse(cmd) as string[]),
    baseImages: instructions.filter((i) => i.keyword === 'FROM').map((i) => i.args.split(' ')[0]!),
  };
}

function copySources(args: string): string[] {
  const words = args.startsWith('[')
    ? (JSON.parse(args) as string[])
    : args.split(/\s+/).filter((word) => !word.startsWith('--'));
  return words.slice(0, -1);
}

/**
 * Whether `.dockerignore` `patterns` leave `path` (relative to the context) out of the build
 * context: a pattern matches the path or one of its parent folders. Negations (`!`) are not
 * supported, and a pattern using one fails loudly.
 */
export function dockerIgnored(patterns: readonly string[], path: string): boolean {
  const parts = path.split('/');
  const candidates = parts.map((_, index) => parts.slice(0, index + 1).join('/'));
  return patterns.some((pattern) => {
    if (pattern.startsWith('!')) throw new Error(`negated .dockerignore pattern: ${pattern}`);
    const regex = patternRegex(pattern);
    return candidates.some((candidate) => regex.test(candidate));
  });
}

/** The patterns of a .dockerignore file, comments and blank lines left out. */
export function readDockerignore(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function patternRegex(pattern: string): RegExp {
  const source = pattern
    .replace(/^\/+/, '')
    .split(/(\*\*\/|\*|\?)/)
    .map((part) => {
      if (part === '**/') return '(?:.*/)?';
      if (part === '*') return '[^/]*';
      if (part === '?') return '[^/]';
      return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}
