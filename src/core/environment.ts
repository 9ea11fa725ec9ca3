import { existsSync, readFileSync } from 'node:fs';
import { cpus, hostname, totalmem } from 'node:os';
import type { Environment } from './result.js';

/** The version of the running launchday, from its package.json. */
export const LAUNCHDAY_VERSION: string = readOwnPackage().version;

// The nearest package.json above this module: two folders up in src/core/, three in dist/src/core/.
function readOwnPackage(): { version: string } {
  for (let url = new URL('../', import.meta.url); url.pathname !== '/'; url = new URL('../', url)) {
    const candidate = new URL('package.json', url);
    if (existsSync(candidate)) return JSON.parse(readFileSync(candidate, 'utf8'));
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
