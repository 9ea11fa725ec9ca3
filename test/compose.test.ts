import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { argvUse } from './support/cli-help.js';
import {
  type Argv,
  argvsOf,
  type ComposeService,
  hostPathOf,
  listenPorts,
  readCompose,
  urlsIn,
} from './support/compose-file.js';
import { dockerIgnored, readDockerfile, readDockerignore } from './support/dockerfile.js';

// No Docker engine runs here: the stack is checked by reading it against the repository, the
// built CLIs (`npm test` builds first) and the Grafana and Prometheus files it mounts.
const ROOT = new URL('..', import.meta.url).pathname;
const repo = (path: string) => join(ROOT, path);
const compose = readCompose(repo('docker-compose.yml'));
const services = [...compose.services.values()];
const dockerfile = readDockerfile(repo('Dockerfile'));
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function service(name: string): ComposeService {
  const found = compose.services.get(name);
  if (found === undefined) throw new Error(`docker-compose.yml has no service '${name}'`);
  return found;
}

function readYaml<T>(path: string): T {
  return parse(readFileSync(repo(path), 'utf8')) as T;
}

/** `node <file> <args>` runs of the launchday image: its services' commands and its CMD. */
function nodeRuns(): { where: string; file: string; args: Argv }[] {
  const argvs = [
    ...services.filter((s) => s.build).flatMap((s) => argvsOf(s).map((argv) => ({ s, argv }))),
    { s: { name: 'Dockerfile CMD' }, argv: dockerfile.cmd },
  ];
  return argvs
    .filter(({ argv }) => argv[0] === 'node' && argv[1] !== undefined && !argv[1].startsWith('-'))
    .map(({ s, argv }) => ({
      where: s.name,
      file: relative(dockerfile.workdir, resolve(dockerfile.workdir, argv[1]!)),
      args: argv.slice(2),
    }));
}

function option(where: string, name: string): readonly string[] {
  const run = nodeRuns().find((r) => r.where === where);
  if (run === undefined) throw new Error(`${where} runs no node program`);
  return argvUse(repo(run.file), run.args).values.get(name) ?? [];
}

describe('docker-compose.yml', () => {
  it('declares the stack, with the runner only under its profile', () => {
    expect(services.map((s) => s.name).sort()).toEqual(
      ['grafana', 'postgres', 'prometheus', 'runner', 'seed', 'target'].sort(),
    );
    expect(services.filter((s) => s.profiles.length > 0).map((s) => [s.name, s.profiles])).toEqual([
      ['runner', ['runner']],
    ]);
  });

  it('waits only for services that exist, for health only where a healthcheck is', () => {
    const problems = services.flatMap((s) =>
      Object.entries(s.dependsOn).flatMap(([name, condition]) => {
        const dependency = compose.services.get(name);
        if (dependency === undefined) return [`${s.name} depends on unknown service ${name}`];
        if (condition === 'service_healthy' && dependency.healthcheck.length === 0)
          return [`${s.name} waits for ${name} to be healthy, which has no healthcheck`];
        return [];
      }),
    );
    expect(problems).toEqual([]);
    expect(service('target').dependsOn).toEqual({
      seed: 'service_completed_successfully',
      postgres: 'service_healthy',
    });
    expect(service('seed').dependsOn).toEqual({ postgres: 'service_healthy' });
    expect(service('grafana').dependsOn).toEqual({ prometheus: 'service_healthy' });
    expect(service('runner').dependsOn).toEqual({
      target: 'service_healthy',
      prometheus: 'service_healthy',
    });
  });

  it('mounts repository paths that exist and named volumes it declares', () => {
    const problems = services.flatMap((s) =>
      s.mounts.flatMap((mount) => {
        if (mount.kind === 'bind')
          return existsSync(repo(mount.source)) ? [] : [`${s.name}: ./${mount.source} is missing`];
        return compose.volumes.includes(mount.source)
          ? []
          : [`${s.name}: volume ${mount.source} is not declared under volumes`];
      }),
    );
    expect(problems).toEqual([]);
    expect(service('runner').mounts).toContainEqual(
      expect.objectContaining({ kind: 'volume', target: `${dockerfile.workdir}/reports` }),
    );
  });

  it('names only existing files by the container paths its bind mounts cover', () => {
    const problems = services.flatMap((s) => {
      const words = [...argvsOf(s).flat(), ...Object.values(s.environment)];
      return words
        .map((word) => word.replace(/^--[\w.-]+=/, ''))
        .filter((path) => path.startsWith('/') && hostPathOf(s, path) !== null)
        .filter((path) => !existsSync(repo(hostPathOf(s, path)!)))
        .map((path) => `${s.name}: ${path} is ./${hostPathOf(s, path)}, which is missing`);
    });
    expect(problems).toEqual([]);
  });

  it('builds the launchday image from a context and Dockerfile that exist', () => {
    const built = services.filter((s) => s.build);
    expect(built.map((s) => s.name).sort()).toEqual(['runner', 'seed', 'target']);
    for (const { build, image } of built) {
      expect(existsSync(repo(join(build!.context, build!.dockerfile)))).toBe(true);
      expect(image).toBe(built[0]!.image);
    }
  });

  it('runs node only on files the build produces or the repository holds', () => {
    const runs = nodeRuns();
    expect(runs.map((run) => run.where).sort()).toEqual(
      ['Dockerfile CMD', 'runner', 'seed', 'target'].sort(),
    );
    const missing = runs
      .filter((run) => !existsSync(repo(run.file)))
      .map((run) => `${run.where}: ${run.file} (run \`npm run build\` for dist/)`);
    expect(missing).toEqual([]);
  });

  it('passes only options that the CLIs list in --help', () => {
    const unknown = nodeRuns().flatMap((run) => {
      const { command, options, used } = argvUse(repo(run.file), run.args);
      return used
        .filter((name) => !options.has(name))
        .map((name) => `${run.where}: ${run.file} ${command} has no option ${name}`);
    });
    expect(unknown).toEqual([]);
  });

  it('rehearses a built-in scenario against the seeded population', () => {
    const run = nodeRuns().find((r) => r.where === 'runner')!;
    const { command, positionals } = argvUse(repo(run.file), run.args);
    expect(command).toBe('rehearse');
    for (const scenario of positionals)
      expect(existsSync(repo(`scenarios/${scenario}.ts`)), `scenarios/${scenario}.ts`).toBe(true);
    expect(option('runner', '--users')).toEqual(option('seed', '--users'));
  });

  it('keeps the feed service on the postgres service, seeded once (--if-empty)', () => {
    const db = option('target', '--db');
    expect(db).toEqual(option('seed', '--db'));
    expect(new URL(db[0]!).hostname).toBe('postgres');
    expect(new URL(db[0]!).pathname).toBe(`/${service('postgres').environment.POSTGRES_DB}`);
    expect(nodeRuns().find((r) => r.where === 'seed')!.args).toContain('--if-empty');
  });

  it('points every URL at a service and a port that service listens on', () => {
    const problems = services.flatMap((s) => {
      const texts = [...argvsOf(s).flat(), ...Object.values(s.environment)];
      return urlsIn(texts).flatMap((url) => unreachable(s, url.host));
    });
    expect(problems).toEqual([]);
  });

  it('publishes only ports the services listen on', () => {
    const problems = services.flatMap((s) =>
      s.publishedPorts
        .filter((port) => !listenPorts(s).includes(port))
        .map((port) => `${s.name} publishes ${port} but listens on ${listenPorts(s)}`),
    );
    expect(problems).toEqual([]);
  });

  it('lets the runner reach the other containers, with the target’s admin token', () => {
    const hosts = urlsIn(nodeRuns().find((r) => r.where === 'runner')!.args)
      .map((url) => url.hostname)
      .filter((host) => !LOOPBACK.has(host));
    expect(hosts).toContain('target');
    expect(hosts).toContain('prometheus');
    expect([...option('runner', '--allow-host')].sort()).toEqual([...new Set(hosts)].sort());
    const token = service('target').environment.LAUNCHDAY_TARGET_ADMIN_TOKEN;
    expect(token?.length).toBeGreaterThanOrEqual(16);
    expect(service('runner').environment.LAUNCHDAY_TARGET_ADMIN_TOKEN).toBe(token);
    expect(option('runner', '--out')).toEqual([
      'prometheus-rw=http://prometheus:9090/api/v1/write',
    ]);
  });
});

/** Why `host` ("name:port") cannot be reached from `from`, or nothing when it can. */
function unreachable(from: ComposeService, host: string): string[] {
  const [name = '', port = '80'] = host.split(/:(?=\d+$)/);
  const to = LOOPBACK.has(name) ? from : compose.services.get(name);
  if (to === undefined) return [`${from.name}: ${host} names no service`];
  if (listenPorts(to).includes(Number(port))) return [];
  return [`${from.name}: ${host} is not a port ${to.name} listens on (${listenPorts(to)})`];
}

describe('the stack’s Prometheus and Grafana', () => {
  it('runs Prometheus on grafana/prometheus.yml with remote write and native histograms', () => {
    const prometheus = service('prometheus');
    const flags = prometheus.command.flat();
    expect(flags).toContain('--web.enable-remote-write-receiver');
    expect(flags).toContain('--enable-feature=native-histograms');
    const config = flags.find((flag) => flag.startsWith('--config.file='))!.split('=')[1]!;
    expect(hostPathOf(prometheus, config)).toBe('grafana/prometheus.yml');
  });

  it('scrapes only services on ports they listen on', () => {
    const config = readYaml<{
      scrape_configs: { static_configs?: { targets: string[] }[] }[];
    }>('grafana/prometheus.yml');
    const targets = config.scrape_configs.flatMap((job) =>
      (job.static_configs ?? []).flatMap((group) => group.targets),
    );
    expect(targets).toContain('target:8080');
    expect(targets.flatMap((target) => unreachable(service('prometheus'), target))).toEqual([]);
  });

  it('provisions Grafana: data source, dashboards where the provider reads them, home', () => {
    const grafana = service('grafana');
    expect(hostPathOf(grafana, '/etc/grafana/provisioning')).toBe('grafana/provisioning');
    const providers = yamlFiles('grafana/provisioning/dashboards').flatMap(
      (file) => readYaml<{ providers: { options: { path: string } }[] }>(file).providers,
    );
    expect(providers.length).toBeGreaterThan(0);
    for (const provider of providers)
      expect(hostPathOf(grafana, provider.options.path)).toBe('grafana/dashboards');
    const home = grafana.environment.GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH!;
    expect(hostPathOf(grafana, home)).toBe('grafana/dashboards/launch-rehearsal.json');
    expect(existsSync(repo('grafana/dashboards/launch-rehearsal.json'))).toBe(true);
    expect(grafana.environment).toMatchObject({
      GF_AUTH_ANONYMOUS_ENABLED: 'true',
      GF_AUTH_ANONYMOUS_ORG_ROLE: 'Viewer',
    });
    const sources = yamlFiles('grafana/provisioning/datasources').flatMap(
      (file) => readYaml<{ datasources: { url: string }[] }>(file).datasources,
    );
    expect(sources.flatMap((source) => unreachable(grafana, new URL(source.url).host))).toEqual([]);
  });
});

function yamlFiles(folder: string): string[] {
  return readdirSync(repo(folder))
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => `${folder}/${file}`);
}

describe('Dockerfile', () => {
  it('copies only context paths that exist and that .dockerignore keeps', () => {
    const ignored = readDockerignore(repo('.dockerignore'));
    expect(dockerfile.contextSources.length).toBeGreaterThan(0);
    const problems = dockerfile.contextSources.flatMap((source) => [
      ...(existsSync(repo(source)) ? [] : [`COPY ${source}: missing`]),
      ...(dockerIgnored(ignored, source) ? [`COPY ${source}: excluded by .dockerignore`] : []),
    ]);
    expect(problems).toEqual([]);
    for (const local of ['node_modules', 'dist', 'reports/x', 'feed.db', 'test/artifacts/a.png'])
      expect(dockerIgnored(ignored, local), local).toBe(true);
  });

  it('builds on Node 20 and runs as a non-root user', () => {
    expect(dockerfile.baseImages.every((image) => image.startsWith('node:20-'))).toBe(true);
    expect(readFileSync(repo('Dockerfile'), 'utf8')).toMatch(/^USER (?!root\b)\w+$/m);
  });
});
