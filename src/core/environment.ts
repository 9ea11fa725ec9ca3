import { readFileSync } from 'node:fs';
import { cpus, hostname, totalmem } from 'node:os';
import type { Environment } from './result.js';

/** The version of the running launchday, from its package.json. */
export const LAUNCHDAY_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

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
