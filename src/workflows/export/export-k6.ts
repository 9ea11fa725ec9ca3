import { chmod, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { resolveRun } from '../../config/resolve-run.js';
import type { ResolvedRun, RunOptions } from '../../config/types.js';
import { type Issue, LaunchdayError } from '../../core/errors.js';
import {
  k6Mapping,
  remoteWriteArguments,
  remoteWriteEnv,
  scriptConfigMap,
  testRun,
} from '../../export/k6/index.js';
import { kubernetesName, MAX_CONFIG_MAP_BYTES } from '../../export/kubernetes-names.js';
import { writeFileAtomic } from '../../outputs/atomic-file.js';
import { loadScenario } from '../../scenario/index.js';
import { bundleK6Script } from './k6-bundle.js';

/** What `launchday export k6` is asked for. */
export interface ExportK6Options {
  /** The scenario file. */
  readonly scenario: string;
  /** The run options that shape the load and data (params, seed, base URL, tags). */
  readonly run: RunOptions;
  /** Where the files go; created if missing. */
  readonly outDir: string;
  /** k6-operator runners (`spec.parallelism`). */
  readonly parallelism: number;
  /** Prometheus's remote-write endpoint, e.g. `http://127.0.0.1:9090/api/v1/write`. */
  readonly remoteWriteUrl: string;
}

/** What an export wrote, and how to run it. */
export interface ExportK6Outcome {
  readonly run: ResolvedRun;
  /** The k6 script, k6-operator manifests (ConfigMap + TestRun) and run command, absolute. */
  readonly files: { readonly script: string; readonly manifests: string; readonly command: string };
  /** `k6 run` with Prometheus remote write, as written to `files.command`. */
  readonly k6Command: string;
  /** The script's size in bytes. */
  readonly scriptBytes: number;
}

const SCRIPT = 'script.js';

/**
 * Exports a scenario to k6: resolves it as `validate` does (bad input throws exit 2 before any
 * file is written), maps it to k6 options (anything k6 cannot do throws exit 2 naming it and its
 * path), bundles the k6 script, and writes into `outDir` script.js, k6-operator.yaml (the
 * script's ConfigMap and a TestRun of `parallelism` runners) and run-k6.sh (the k6 command with
 * Prometheus remote write as launchday's dashboards read it).
 */
export async function exportK6(options: ExportK6Options): Promise<ExportK6Outcome> {
  const loaded = await loadScenario(options.scenario);
  const run = resolveRun(loaded, options.run);
  const mapped = k6Mapping(run, loaded.definition.http);
  if ('issues' in mapped) throw unmappable(loaded.file, mapped.issues);
  const script = await bundleK6Script(loaded.file, mapped.mapping.options, mapped.mapping.runtime);
  const scriptBytes = Buffer.byteLength(script);
  if (scriptBytes > MAX_CONFIG_MAP_BYTES) throw tooLarge(loaded.file, scriptBytes);
  const name = kubernetesName(run.scenario.name, 'k6-export');
  const { parallelism, remoteWriteUrl } = options;
  const input = { name, file: SCRIPT, script, parallelism, remoteWriteUrl };
  const manifests = [scriptConfigMap(input), testRun(input)].map((m) => stringify(m)).join('---\n');
  const k6Command = commandText(options.remoteWriteUrl, name);
  const outDir = resolve(options.outDir);
  const files = {
    script: join(outDir, SCRIPT),
    manifests: join(outDir, 'k6-operator.yaml'),
    command: join(outDir, 'run-k6.sh'),
  };
  await mkdir(outDir, { recursive: true });
  await writeFileAtomic(files.script, script);
  await writeFileAtomic(files.manifests, manifests);
  await writeFileAtomic(
    files.command,
    `#!/bin/sh\n# Runs ${SCRIPT} in k6, pushing its metrics to Prometheus for launchday's dashboards.\ncd "$(dirname "$0")" && ${k6Command}\n`,
  );
  await chmod(files.command, 0o755);
  return { run, files, k6Command, scriptBytes };
}

/** `k6 run` of the script with the remote-write output, tagged with the dashboards' testid. */
function commandText(remoteWriteUrl: string, testid: string): string {
  const env = Object.entries(remoteWriteEnv(remoteWriteUrl))
    .map(([key, value]) => `${key}='${value}'`)
    .join(' ');
  return `${env} k6 run ${remoteWriteArguments(testid)} ${SCRIPT}`;
}

function unmappable(file: string, issues: readonly Issue[]): LaunchdayError {
  return new LaunchdayError(
    'LAUNCHDAY_ERR_INVALID_SCENARIO',
    `cannot export ${file} to k6: ${problems(issues.length)}`,
    {
      hint: 'change or remove what is listed (README: "Run in k6 and k6-operator" says what maps to k6); `launchday run` runs the scenario as it is',
      issues,
    },
  );
}

function tooLarge(file: string, bytes: number): LaunchdayError {
  const message = `the k6 script is ${bytes} bytes, more than a ConfigMap holds (${MAX_CONFIG_MAP_BYTES})`;
  return new LaunchdayError(
    'LAUNCHDAY_ERR_INVALID_SCENARIO',
    `cannot export ${file} to k6: ${message}`,
    {
      hint: 'import less into the scenario (each npm package is bundled into the script)',
      issues: [{ path: file, message }],
    },
  );
}

function problems(count: number): string {
  return count === 1 ? 'a problem' : `${count} problems`;
}
