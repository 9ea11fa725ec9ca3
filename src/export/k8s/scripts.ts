/**
 * The shell scripts the pods run (`sh -c`). The launchday arguments that shape the run are the
 * container's `args` (`"$@"`), so they need no quoting; the scripts add what only the pod knows:
 * its segment (from `JOB_COMPLETION_INDEX`) and the start (`START_AT`, from the start ConfigMap).
 * One start, one run folder on the volume: `/results/<name>/<start without - and :>/`.
 */
import { IMAGE_CLI, RESULTS_MOUNT } from './layout.js';

/** How often the merge's init container looks for the segments' results, in seconds. */
export const WAIT_POLL_SECONDS = 5;

function runFolderLine(name: string): string {
  return `run="${RESULTS_MOUNT}/${name}/$(printf %s "$START_AT" | tr -d :-)"`;
}

/** Where segment results land, relative to the run folder: `segments/<I>/<run-id>/result.json`. */
const SEGMENT_RESULTS = '"$run"/segments/*/*/result.json';

/**
 * The generator pod's script: `launchday run "$@" --segment $((JOB_COMPLETION_INDEX+1))/N
 * --start-at "$START_AT" --out-dir <run folder>/segments/<I>`. A segment whose own thresholds
 * fail (exit 3) still succeeds: the thresholds are the whole run's, evaluated by the merge.
 */
export function generatorScript(name: string, parallelism: number): string {
  return [
    'set -eu',
    'segment=$((JOB_COMPLETION_INDEX + 1))',
    runFolderLine(name),
    "# exit 3 (thresholds) is the segment's: the merge evaluates them on the whole run",
    `node ${IMAGE_CLI} run "$@" --segment "$segment/${parallelism}" --start-at "$START_AT" --out-dir "$run/segments/$segment" || [ $? -eq 3 ]`,
    '',
  ].join('\n');
}

/**
 * The merge's init container script: waits until the N segments' result.json files are on the
 * volume (each is written atomically, so one that exists is whole), polling every
 * {@link WAIT_POLL_SECONDS} s; gives up (exit 1) `waitSeconds` after the start.
 */
export function waitScript(name: string, parallelism: number, waitSeconds: number): string {
  return [
    'set -eu',
    runFolderLine(name),
    `deadline=$(( $(date -d "$START_AT" +%s) + ${waitSeconds} ))`,
    'seen=-1',
    'while :; do',
    `  count=$(ls ${SEGMENT_RESULTS} 2>/dev/null | wc -l)`,
    `  [ "$count" -ge ${parallelism} ] && break`,
    `  [ "$count" -eq "$seen" ] || echo "$count of ${parallelism} segment results in $run/segments"`,
    '  seen=$count',
    '  if [ "$(date +%s)" -ge "$deadline" ]; then',
    `    echo "gave up: $count of ${parallelism} segment results ${waitSeconds} s after $START_AT" >&2`,
    '    exit 1',
    '  fi',
    `  sleep ${WAIT_POLL_SECONDS}`,
    'done',
    '',
  ].join('\n');
}

/** The merge container's script: `launchday merge <the N results> --out-dir <run>/merged`. */
export function mergeScript(name: string): string {
  return [
    'set -eu',
    runFolderLine(name),
    `exec node ${IMAGE_CLI} merge ${SEGMENT_RESULTS} --out-dir "$run/merged"`,
    '',
  ].join('\n');
}
