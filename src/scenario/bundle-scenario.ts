import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BuildFailure, type BuildOptions, build, type Message, type Plugin } from 'esbuild';
import { type Issue, LaunchdayError } from '../core/errors.js';

/**
 * The file URL of the running launchday's entry module, which a scenario's `import 'launchday'`
 * is bound to: `dist/src/index.js` next to the compiled loader, or `src/index.ts` when this module
 * runs from source (under vitest).
 */
export const LAUNCHDAY_ENTRY_URL = new URL(
  `../index${extname(fileURLToPath(import.meta.url))}`,
  import.meta.url,
).href;

/** Where bundles are cached: `<os tmpdir>/launchday-scenarios/<hash>/scenario.mjs`. */
export const BUNDLE_CACHE_DIR = join(tmpdir(), 'launchday-scenarios');

// Every bundle lives at the same depth, so source-map paths computed for this placeholder
// resolve to the same sources from any `<hash>/scenario.mjs`.
const PLACEHOLDER_OUTFILE = join(BUNDLE_CACHE_DIR, 'bundle', 'scenario.mjs');
const BANNER =
  "import { createRequire as __launchdayCreateRequire } from 'node:module';\n" +
  'const require = __launchdayCreateRequire(import.meta.url);';
const IMPORT_META = /\bimport\.meta\.(url|filename|dirname)\b/g;
const SOURCE_FILE = /\.(m|c)?[jt]sx?$/;
const IN_NODE_MODULES = /[\\/]node_modules[\\/]/;
const LOADERS = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.jsx': 'jsx' } as const;

/**
 * Bundles the scenario `file` (absolute) with esbuild into one ES module that plain Node 20 can
 * import, and returns the bundle's absolute path. `launchday` is bound to the running launchday
 * ({@link LAUNCHDAY_ENTRY_URL}), Node builtins stay external, other packages are bundled from
 * the scenario's folder. The bundle is named by a hash of its content and the launchday entry,
 * so an unchanged scenario reuses its file and an edited one gets a fresh module.
 * Throws LaunchdayError `LAUNCHDAY_ERR_SCENARIO_LOAD` with esbuild's messages (file:line:col).
 */
export async function bundleScenario(file: string): Promise<string> {
  const code = await runEsbuild(file);
  const hash = createHash('sha256').update(code).update('\0').update(LAUNCHDAY_ENTRY_URL);
  const bundleFile = join(BUNDLE_CACHE_DIR, hash.digest('hex').slice(0, 20), 'scenario.mjs');
  if (!(await exists(bundleFile))) await writeAtomically(bundleFile, code);
  return bundleFile;
}

function runEsbuild(file: string): Promise<string> {
  return esbuildScenario(file, {
    outfile: PLACEHOLDER_OUTFILE,
    banner: { js: BANNER },
    plugins: [bindLaunchday, keepImportMeta],
  });
}

/**
 * Bundles the scenario `file` (absolute) with esbuild as launchday does — one ES module for
 * Node 20, builtins external, an inline source map — with `options` (the output file it is
 * placed at, banner, plugins) on top; returns the bundle's code. For `bundleScenario` and the
 * portable bundle of an export. Throws LaunchdayError `LAUNCHDAY_ERR_SCENARIO_LOAD` with
 * esbuild's messages (file:line:col).
 */
export async function esbuildScenario(
  file: string,
  options: Pick<BuildOptions, 'outfile' | 'banner' | 'plugins'>,
): Promise<string> {
  try {
    const result = await build({
      entryPoints: [file],
      absWorkingDir: dirname(file),
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: 'inline',
      logLevel: 'silent',
      ...options,
    });
    return result.outputFiles[0]!.text;
  } catch (error) {
    if (isBuildFailure(error)) throw buildError(file, error.errors);
    throw error;
  }
}

const bindLaunchday: Plugin = {
  name: 'launchday-entry',
  setup(build) {
    build.onResolve({ filter: /^launchday$/ }, () => ({
      path: LAUNCHDAY_ENTRY_URL,
      external: true,
    }));
  },
};

/** The code that stands for `import.meta.url`, `.filename` and `.dirname` in one source file. */
export type ImportMetaCode = Readonly<Record<'url' | 'filename' | 'dirname', string>>;

/**
 * An esbuild plugin that replaces `import.meta.url|filename|dirname` in the scenario's own
 * source files (not in packages) by the code `codeFor(path, text)` gives for that file.
 */
export function rewriteImportMeta(codeFor: (path: string, text: string) => ImportMetaCode): Plugin {
  return {
    name: 'launchday-import-meta',
    setup(build) {
      build.onLoad({ filter: SOURCE_FILE }, async (args) => {
        if (IN_NODE_MODULES.test(args.path)) return undefined;
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta')) return undefined;
        const code = codeFor(args.path, text);
        const contents = text.replace(IMPORT_META, (_, key: keyof ImportMetaCode) => code[key]);
        const ext = extname(args.path);
        return { contents, loader: ext in LOADERS ? LOADERS[ext as keyof typeof LOADERS] : 'js' };
      });
    },
  };
}

// The bundle runs from the cache folder, so the scenario's own `import.meta.url` (used to find
// its data files) is replaced by its real location. Packages are left as they are.
const keepImportMeta = rewriteImportMeta((path) => ({
  url: JSON.stringify(pathToFileURL(path).href),
  filename: JSON.stringify(path),
  dirname: JSON.stringify(dirname(path)),
}));

function buildError(file: string, messages: readonly Message[]): LaunchdayError {
  const issues = messages.map((message) => messageIssue(file, message));
  const unresolved = messages.some((message) => message.text.startsWith('Could not resolve'));
  const list = issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n');
  return new LaunchdayError('LAUNCHDAY_ERR_SCENARIO_LOAD', `cannot bundle ${file}:\n${list}`, {
    hint: unresolved
      ? "install the missing package where the scenario can find it (npm install in the scenario's folder or a parent) or fix the import path"
      : 'fix the code at the locations shown',
    issues,
  });
}

/**
 * An esbuild message as an issue at `file:line:column` (relative locations resolved against the
 * folder of `file`, the bundle's entry), with esbuild's notes appended.
 */
export function messageIssue(file: string, message: Message): Issue {
  const at = message.location;
  const path = at ? `${resolve(dirname(file), at.file)}:${at.line}:${at.column + 1}` : file;
  const notes = message.notes.map((note) => ` (${note.text})`).join('');
  return { path, message: `${message.text}${notes}` };
}

/** True when `error` is esbuild's BuildFailure (it has the `errors` messages). */
export function isBuildFailure(error: unknown): error is BuildFailure {
  return error instanceof Error && Array.isArray((error as Partial<BuildFailure>).errors);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

// Several processes or worker threads may bundle the same scenario at once: each writes its
// own temporary file and renames it into place, so no reader ever sees a partial bundle.
async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}
