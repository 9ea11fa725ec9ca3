import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** A bind mount (a path of the repository) or a named volume, as a service mounts it. */
export interface Mount {
  readonly kind: 'bind' | 'volume';
  /** Repository-relative path without `./` (bind) or the volume's name. */
  readonly source: string;
  /** Absolute path in the container. */
  readonly target: string;
}

/** A command as the container runs it: one argv per shell segment (`a || b` gives two). */
export type Argv = readonly string[];

/** The parts of a compose service the stack tests check. */
export interface ComposeService {
  readonly name: string;
  readonly image?: string;
  /** The build context, when the service is built from this repository. */
  readonly build?: { readonly context: string; readonly dockerfile: string };
  /** The service's command, split into argv segments; empty when the image's default runs. */
  readonly command: readonly Argv[];
  /** The healthcheck's command, split the same way; empty without a healthcheck. */
  readonly healthcheck: readonly Argv[];
  readonly environment: Readonly<Record<string, string>>;
  readonly mounts: readonly Mount[];
  /** Container ports published on the host. */
  readonly publishedPorts: readonly number[];
  /** Services it waits for, with the condition (`service_healthy`, ...). */
  readonly dependsOn: Readonly<Record<string, string>>;
  readonly profiles: readonly string[];
}

/** A docker-compose.yml read for the stack tests. */
export interface ComposeFile {
  readonly services: ReadonlyMap<string, ComposeService>;
  /** Names declared under the top-level `volumes`. */
  readonly volumes: readonly string[];
}

type Raw = Record<string, unknown>;

/** Reads and normalizes a compose file (YAML anchors and `<<` merge keys resolved). */
export function readCompose(file: string): ComposeFile {
  const raw = parse(readFileSync(file, 'utf8'), { merge: true }) as Raw;
  const services = new Map<string, ComposeService>();
  for (const [name, service] of Object.entries((raw.services ?? {}) as Record<string, Raw>))
    services.set(name, normalizeService(name, service));
  return { services, volumes: Object.keys((raw.volumes ?? {}) as Raw) };
}

function normalizeService(name: string, raw: Raw): ComposeService {
  const health = raw.healthcheck as { test?: string | string[] } | undefined;
  return {
    name,
    ...(typeof raw.image === 'string' && { image: raw.image }),
    ...(raw.build !== undefined && { build: normalizeBuild(raw.build) }),
    command: commandArgv(raw.command as string | string[] | undefined),
    healthcheck: healthcheckArgv(health?.test),
    environment: normalizeEnvironment(raw.environment),
    mounts: ((raw.volumes ?? []) as (string | Raw)[]).map(normalizeMount),
    publishedPorts: ((raw.ports ?? []) as (string | number)[]).map(containerPort),
    dependsOn: normalizeDependsOn(raw.depends_on),
    profiles: (raw.profiles ?? []) as string[],
  };
}

function normalizeBuild(build: unknown): { context: string; dockerfile: string } {
  if (typeof build === 'string') return { context: build, dockerfile: 'Dockerfile' };
  const { context = '.', dockerfile = 'Dockerfile' } = build as Raw as {
    context?: string;
    dockerfile?: string;
  };
  return { context, dockerfile };
}

function normalizeEnvironment(environment: unknown): Record<string, string> {
  if (Array.isArray(environment))
    return Object.fromEntries(
      environment.map((entry: string) => [
        entry.split('=')[0]!,
        entry.split('=').slice(1).join('='),
      ]),
    );
  return Object.fromEntries(
    Object.entries((environment ?? {}) as Raw).map(([key, value]) => [key, String(value ?? '')]),
  );
}

function normalizeDependsOn(dependsOn: unknown): Record<string, string> {
  if (Array.isArray(dependsOn))
    return Object.fromEntries(dependsOn.map((name: string) => [name, 'service_started']));
  return Object.fromEntries(
    Object.entries((dependsOn ?? {}) as Record<string, { condition?: string }>).map(
      ([name, spec]) => [name, spec.condition ?? 'service_started'],
    ),
  );
}

function normalizeMount(volume: string | Raw): Mount {
  const [source, target] =
    typeof volume === 'string'
      ? (volume.split(':') as [string, string])
      : [String(volume.source), String(volume.target)];
  const bind = source.startsWith('.') || source.startsWith('/');
  return { kind: bind ? 'bind' : 'volume', source: bind ? stripDotSlash(source) : source, target };
}

function containerPort(port: string | number): number {
  return Number(String(port).split('/')[0]!.split(':').at(-1));
}

function stripDotSlash(path: string): string {
  return path.replace(/^\.\/?/, '') || '.';
}

function commandArgv(command: string | string[] | undefined): Argv[] {
  if (command === undefined) return [];
  if (typeof command === 'string') return shellSegments(command);
  const [program, flag, script] = command;
  if ((program === 'sh' || program === 'bash') && flag === '-c' && script !== undefined)
    return shellSegments(script);
  return [command];
}

function healthcheckArgv(test: string | string[] | undefined): Argv[] {
  if (test === undefined) return [];
  if (typeof test === 'string') return shellSegments(test);
  const [kind, ...rest] = test;
  if (kind === 'CMD-SHELL') return shellSegments(rest.join(' '));
  return kind === 'CMD' ? [rest] : [];
}

const OPERATORS = new Set(['||', '&&', ';', '|']);

/** Splits a POSIX shell command line into the argv of each `||`, `&&`, `;` or `|` segment. */
export function shellSegments(script: string): Argv[] {
  const segments: string[][] = [[]];
  for (const word of shellWords(script)) {
    if (OPERATORS.has(word)) segments.push([]);
    else segments.at(-1)!.push(word);
  }
  return segments.filter((segment) => segment.length > 0);
}

/** Shell words with single and double quotes removed; enough for compose commands. */
export function shellWords(script: string): string[] {
  const words: string[] = [];
  const pattern = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\|\||&&|[;|])|([^\s'";|&]+)|(\s+)/g;
  let current: string | null = null;
  for (const match of script.matchAll(pattern)) {
    const [, single, double, operator, bare, space] = match;
    if (space !== undefined || operator !== undefined) {
      if (current !== null) words.push(current);
      current = null;
      if (operator !== undefined) words.push(operator);
      continue;
    }
    current = (current ?? '') + (single ?? double?.replace(/\\(.)/g, '$1') ?? bare ?? '');
  }
  if (current !== null) words.push(current);
  return words;
}

/** Every argv the service may run: its command and its healthcheck. */
export function argvsOf(service: ComposeService): readonly Argv[] {
  return [...service.command, ...service.healthcheck];
}

/**
 * The ports the service's program listens on, read from its command line and environment:
 * `--port N` (the feed service), `--web.listen-address=HOST:N` (Prometheus),
 * GF_SERVER_HTTP_PORT (Grafana).
 */
export function listenPorts(service: ComposeService): number[] {
  const ports: number[] = [];
  for (const argv of service.command) {
    argv.forEach((word, index) => {
      if (word === '--port') ports.push(Number(argv[index + 1]));
      const listen = /^--web\.listen-address=.*:(\d+)$/.exec(word);
      if (listen) ports.push(Number(listen[1]));
      // PostgreSQL's `-c port=N`.
      const postgresPort = /^port=(\d+)$/.exec(word);
      if (postgresPort && argv[index - 1] === '-c') ports.push(Number(postgresPort[1]));
    });
  }
  const grafanaPort = service.environment.GF_SERVER_HTTP_PORT;
  if (grafanaPort !== undefined) ports.push(Number(grafanaPort));
  return ports;
}

/**
 * The repository path a container path of `service` comes from through its bind mounts, or
 * null when no bind mount covers it.
 */
export function hostPathOf(service: ComposeService, containerPath: string): string | null {
  for (const mount of service.mounts) {
    if (mount.kind !== 'bind') continue;
    if (containerPath === mount.target) return mount.source;
    if (containerPath.startsWith(`${mount.target}/`))
      return `${mount.source}/${containerPath.slice(mount.target.length + 1)}`;
  }
  return null;
}

/** Every `http(s)://…` URL inside `texts` (whole words or `key=URL` values). */
export function urlsIn(texts: readonly string[]): URL[] {
  return texts.flatMap((text) =>
    [...text.matchAll(/https?:\/\/[^\s'"`)]+/g)].map((match) => new URL(match[0])),
  );
}
