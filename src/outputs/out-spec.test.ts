import { describe, expect, it } from 'vitest';
import { isLaunchdayError, type LaunchdayError } from '../core/errors.js';
import { OUTPUT_KINDS } from './out-registry.js';
import { OUT_SPEC_FORMS, outputsFromSpecs, parseOutSpec } from './out-spec.js';
import { PrometheusRemoteWriteOutput, PrometheusScrapeOutput } from './prometheus/index.js';

function errorOf(spec: string, allowedHosts: string[] = []): LaunchdayError {
  try {
    parseOutSpec(spec, allowedHosts);
  } catch (error) {
    if (isLaunchdayError(error)) return error;
    throw error;
  }
  throw new Error(`'${spec}' was accepted`);
}

describe('parseOutSpec', () => {
  it('reads prometheus-rw=URL and prometheus=[HOST]:PORT[,hold=DURATION]', () => {
    expect(parseOutSpec('prometheus-rw=http://127.0.0.1:9090/api/v1/write', [])).toEqual({
      kind: 'prometheus-rw',
      url: 'http://127.0.0.1:9090/api/v1/write',
    });
    expect(parseOutSpec('prometheus=:9464', [])).toEqual({
      kind: 'prometheus',
      host: '127.0.0.1',
      port: 9464,
      holdMs: 5000,
    });
    expect(parseOutSpec('prometheus=0.0.0.0:9464,hold=30s', [])).toMatchObject({
      host: '0.0.0.0',
      holdMs: 30_000,
    });
    expect(parseOutSpec('prometheus=[::1]:9464,hold=0', [])).toMatchObject({
      host: '::1',
      holdMs: 0,
    });
  });

  it('lets remote write go to another host only when --allow-host names it', () => {
    const spec = 'prometheus-rw=http://prometheus:9090/api/v1/write';
    const error = errorOf(spec);
    expect(error.code).toBe('LAUNCHDAY_ERR_HOST_NOT_ALLOWED');
    expect(error.exitCode).toBe(2);
    expect(error.hint).toContain('--allow-host prometheus');
    expect(parseOutSpec(spec, ['prometheus'])).toMatchObject({ kind: 'prometheus-rw' });
  });

  it.each([
    [
      'influxdb=http://127.0.0.1:8086',
      "unknown output 'influxdb' (the outputs are prometheus-rw, prometheus)",
    ],
    ['prometheus-rw', 'prometheus-rw needs the receiver URL'],
    ['prometheus-rw=127.0.0.1:9090', "'127.0.0.1:9090' is not an http(s) URL"],
    ['prometheus-rw=ftp://127.0.0.1/write', "'ftp://127.0.0.1/write' is not an http(s) URL"],
    ['prometheus=9464', "'9464' is not [HOST]:PORT"],
    ['prometheus=:0', "'0' is not a port (1-65535)"],
    ['prometheus=:70000', "'70000' is not a port (1-65535)"],
    ['prometheus=:http', "'http' is not a port (1-65535)"],
    ['prometheus=:9464,hold=soon', "hold 'soon' is not a duration such as 5s or 1m"],
    ['prometheus=:9464,every=1s', "unknown option 'every=1s' (only hold=DURATION)"],
  ])('rejects %s as a usage error naming the spec and the forms', (spec, why) => {
    const error = errorOf(spec);
    expect(error.code).toBe('LAUNCHDAY_ERR_USAGE');
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(`--out '${spec}': ${why}`);
    expect(error.hint).toBe(`write --out as ${OUT_SPEC_FORMS}`);
    expect(error.issues).toEqual([{ path: '--out', message: why }]);
  });
});

describe('outputsFromSpecs', () => {
  it('builds one output per spec, in order, checking all specs before building any', () => {
    const outputs = outputsFromSpecs(
      ['prometheus=:9464', 'prometheus-rw=http://localhost:9090/api/v1/write'],
      { allowedHosts: [] },
    );
    expect(outputs[0]).toBeInstanceOf(PrometheusScrapeOutput);
    expect(outputs[1]).toBeInstanceOf(PrometheusRemoteWriteOutput);
    expect(() =>
      outputsFromSpecs(['prometheus=:9464', 'prometheus=nope'], { allowedHosts: [] }),
    ).toThrow("--out 'prometheus=nope'");
  });
});

describe('OUTPUT_KINDS', () => {
  it.each(OUTPUT_KINDS.map((kind) => [kind.name, kind] as const))(
    '%s: its example parses to its kind and builds an output, and help shows its form',
    (name, kind) => {
      const spec = parseOutSpec(kind.example, []);
      expect(spec.kind).toBe(name);
      expect(kind.example.startsWith(`${name}=`)).toBe(true);
      expect(outputsFromSpecs([kind.example], { allowedHosts: [] })).toHaveLength(1);
      expect(OUT_SPEC_FORMS).toContain(`${kind.form} (${kind.description}, e.g. ${kind.example})`);
    },
  );

  it('has one output per name', () => {
    const names = OUTPUT_KINDS.map((kind) => kind.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
