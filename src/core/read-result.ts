import { readFile } from 'node:fs/promises';
import { LAUNCHDAY_VERSION } from './environment.js';
import { LaunchdayError } from './errors.js';
import { RESULT_SCHEMA_VERSION, type RunResult } from './result.js';
import { resultShapeIssues } from './result-shape.js';
import {
  oldestReadableVersion,
  RESULT_UPGRADES,
  type ResultDocument,
  type ResultUpgrades,
  upgradeResult,
} from './result-upgrades.js';

const HINT = 'give the result.json a run wrote: <out-dir>/<run-id>/result.json';
/** How many problems of a malformed result the error lists. */
const ISSUES_SHOWN = 10;

/**
 * Reads the result.json at `file` as a {@link RunResult} of the current schema version: an
 * older version is upgraded through `upgrades` (default: launchday's chain). For `launchday
 * report` and any command reading a saved run. Rejects with a LaunchdayError (exit 2) when the
 * file is missing or unreadable, is not JSON or not a launchday result (`LAUNCHDAY_ERR_USAGE`),
 * or has a schema version this launchday cannot read (`LAUNCHDAY_ERR_RESULT_VERSION`: a newer
 * one names the launchday that wrote it, which is needed at least).
 */
export async function readResult(
  file: string,
  upgrades: ResultUpgrades = RESULT_UPGRADES,
): Promise<RunResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EISDIR'
          ? 'it is a folder; give the result.json in it'
          : (error as Error).message;
    throw new LaunchdayError('LAUNCHDAY_ERR_USAGE', `cannot read ${file}: ${reason}`, {
      hint: HINT,
      cause: error,
    });
  }
  return parseResult(text, file, upgrades);
}

/**
 * {@link readResult} on text already read: `source` names it in errors. Pure.
 */
export function parseResult(
  text: string,
  source: string,
  upgrades: ResultUpgrades = RESULT_UPGRADES,
): RunResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_USAGE',
      `${source} is not valid JSON: ${(error as Error).message}`,
      { hint: `${HINT}; this one may have been cut short or edited`, cause: error },
    );
  }
  const document = upgradeResult(versioned(parsed, source, upgrades), upgrades);
  const issues = resultShapeIssues(document);
  if (issues.length > 0) {
    const shown = issues.slice(0, ISSUES_SHOWN);
    if (issues.length > shown.length)
      shown.push({ path: '…', message: `and ${issues.length - shown.length} more problems` });
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_USAGE',
      `${source} is not a launchday result: ${issues.length} problem(s) with its fields`,
      { hint: HINT, issues: shown },
    );
  }
  return document as unknown as RunResult;
}

/** `parsed` when it is a result of a version `upgrades` can bring to the current one. */
function versioned(parsed: unknown, source: string, upgrades: ResultUpgrades): ResultDocument {
  const version = (parsed as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof parsed !== 'object' || Array.isArray(parsed) || !Number.isInteger(version))
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_USAGE',
      `${source} is not a launchday result: it has no schemaVersion`,
      { hint: HINT, issues: [{ path: 'schemaVersion', message: 'must be a whole number' }] },
    );
  const document = parsed as ResultDocument;
  const oldest = oldestReadableVersion(upgrades);
  if (document.schemaVersion > RESULT_SCHEMA_VERSION || document.schemaVersion < oldest)
    throw unreadableVersion(document, source, oldest);
  return document;
}

/** The error for a version outside `oldest`…current: newer names the launchday needed. */
function unreadableVersion(document: ResultDocument, source: string, oldest: number) {
  const writer = writerVersion(document);
  const reads = `launchday ${LAUNCHDAY_VERSION} reads result schemaVersion`;
  const has = `${source} has result schemaVersion ${document.schemaVersion}`;
  if (document.schemaVersion < oldest)
    return new LaunchdayError(
      'LAUNCHDAY_ERR_RESULT_VERSION',
      `${has}; ${reads} ${oldest} to ${RESULT_SCHEMA_VERSION}`,
      { hint: `read it with the launchday that wrote it${writer ? ` (${writer})` : ''}` },
    );
  return new LaunchdayError(
    'LAUNCHDAY_ERR_RESULT_VERSION',
    `${has}, written by ${writer ? `launchday ${writer}` : 'a newer launchday'}; ` +
      `${reads} ${RESULT_SCHEMA_VERSION} and older`,
    {
      hint: writer
        ? `read it with launchday ${writer} or later, e.g. npx launchday@${writer} report ${source}`
        : 'read it with a newer launchday',
    },
  );
}

/** The launchday version recorded in `document`'s environment, when there is one. */
function writerVersion(document: ResultDocument): string | undefined {
  const version = (document.environment as { launchdayVersion?: unknown } | undefined)
    ?.launchdayVersion;
  return typeof version === 'string' && version !== '' ? version : undefined;
}
