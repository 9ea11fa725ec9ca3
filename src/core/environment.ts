import { existsSync, readFileSync } from 'node:fs';
import { cpus, hostname, totalmem } from 'node:os';
import type { Environment } from './result.js';

/**
 * The folder of launchday's package.json (with scenarios/ beside src/), as a file URL ending in
 * `/`: the nearest one above this module, two folders up in src/core/, three in dist/src/core/.
 */
export const LAUNCHDAY_ROOT: URL = findPackageRoot();

/** The version of the running launchday, from its package.json. */
export const LAUNCHDAY_VERSION: string = JSON.parse(
  readFileSync(new URL('package.json', LAUNCHDAY_ROOT), 'utf8'),
).version;

function findPackageRoot(): URL {
  for (let url = new URL('../', import.meta.url); url.pathname !== '/'; url = new URL('../', url)) {
    if (existsSync(new URL('package.json', url))) return url;
  }
  throw new Error(`no package.json above ${import.meta.url}`);
}

/** Describes the machine and software running the generator, for the result. */
export function describeEnvironment(): Environment {
  const cpuList = cpus();
  return {
    launchdayVersion: LAUNCHDAY_VERSION,
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    cpus: cpuList.length,
    totalMemoryBytes: totalmem(),
    hostname: hostname(),
  };
}
