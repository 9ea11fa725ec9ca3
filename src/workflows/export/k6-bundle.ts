import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, extname, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Message, type Plugin } from 'esbuild';
import { LaunchdayError } from '../../core/errors.js';
import {
  type EntryImports,
  entrySource,
  type K6Options,
  type K6RuntimeConfig,
} from '../../export/k6/index.js';
import { isBuildFailure, messageIssue } from '../../scenario/bundle-scenario.js';

// The adapter's modules, beside this file's counterpart in src/export/k6/adapter/: `.ts` when
// running from source (vitest), `.js` in dist/.
const EXT = extname(fileURLToPath(import.meta.url));
const ADAPTER = (name: string) =>
  fileURLToPath(new URL(`../../export/k6/adapter/${name}${EXT}`, import.meta.url));

const ENTRY = 'launchday-k6-entry';
const NODE_BUILTIN = new RegExp(`^(node:.*|${builtinModules.map(escapeRegExp).join('|')})(/.*)?$`);
const SOURCE_FILE = /\.(m|c)?[jt]sx?$/;
const IN_NODE_MODULES = /[\\/]node_modules[\\/]/;
const FILE_URL = /new\s+URL\(\s*(['"])([^'"\n]+)\1\s*,\s*import\.meta\.url\s*\)/g;
const IMPORT_META = /\bimport\.meta\.(url|filename|dirname)\b/g;
const NOT_IN_ADAPTER =
  /^No matching export in "[^"]*adapter\/launchday\.[jt]s" for import "([^"]+)"/;
const LOADERS = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.jsx': 'jsx' } as const;

/**
 * The syntax esbuild writes for k6's JavaScript runtime (goja): ES2017, async/await included
 * (native in k6 since v0.43); later syntax (optional chaining, class fields, ...) is lowered.
 */
export const K6_TARGET = 'es2017';

/**
 * Bundles the scenario `scenarioFile` (absolute) with the k6 adapter into one k6 script (ES
 * module, platform neutral) that imports only k6's modules: 'launchday' is bound to the
 * adapter, node:crypto to its randomBytes over k6/crypto, `setTimeout` to a k6 shim, packages
 * such as faker are bundled in, and the scenario's `new URL('./file', import.meta.url)` files are
 * embedded. Throws LaunchdayError LAUNCHDAY_ERR_INVALID_SCENARIO (exit 2) naming each import k6
 * cannot satisfy at its file:line:column — another Node module, a launchday API that is not for
 * scenarios — and esbuild's other errors.
 */
export async function bundleK6Script(
  scenarioFile: string,
  options: K6Options,
  config: K6RuntimeConfig,
): Promise<string> {
  const imports: EntryImports = { scenarioFile, runnerFile: ADAPTER('runner') };
  try {
    const result = await build({
      entryPoints: [ENTRY],
      absWorkingDir: dirname(scenarioFile),
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      target: K6_TARGET,
      mainFields: ['module', 'main'],
      conditions: ['import', 'default'],
      inject: [ADAPTER('timers')],
      legalComments: 'none',
      logLevel: 'silent',
      banner: {
        js: `// k6 script exported by launchday from ${shownPath(scenarioFile)}; do not edit.`,
      },
      plugins: [k6Bindings(entrySource(options, config, imports)), embedFiles],
    });
    return result.outputFiles[0]!.text;
  } catch (error) {
    if (isBuildFailure(error)) throw exportError(scenarioFile, error.errors);
    throw error;
  }
}

function k6Bindings(entry: string): Plugin {
  return {
    name: 'launchday-k6-bindings',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${ENTRY}$`) }, () => ({
        path: ENTRY,
        namespace: ENTRY,
      }));
      build.onLoad({ filter: /.*/, namespace: ENTRY }, () => ({
        contents: entry,
        loader: 'js',
        resolveDir: dirname(ADAPTER('runner')),
      }));
      build.onResolve({ filter: /^launchday$/ }, () => ({ path: ADAPTER('launchday') }));
      build.onResolve({ filter: /^k6(\/.*)?$/ }, (args) => ({ path: args.path, external: true }));
      build.onResolve({ filter: /^(node:)?crypto$/ }, () => ({ path: ADAPTER('node-crypto') }));
      build.onResolve({ filter: NODE_BUILTIN }, (args) => ({
        errors: [
          {
            text: `'${args.path}' is a Node.js module: k6 has no equivalent, so the scenario cannot run in k6`,
          },
        ],
      }));
    },
  };
}

// The scenario's own files (not packages, not launchday): file URLs beside them become embedded
// files, and other uses of import.meta become the file's real location.
const embedFiles: Plugin = {
  name: 'launchday-k6-files',
  setup(build) {
    build.onLoad({ filter: SOURCE_FILE }, async (args) => {
      if (IN_NODE_MODULES.test(args.path)) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta')) return undefined;
      const contents = text
        .replace(FILE_URL, (_, _quote, relative: string) => embeddedFile(relative, args.path))
        .replace(IMPORT_META, (_, key: 'url' | 'filename' | 'dirname') =>
          JSON.stringify(
            {
              url: pathToFileURL(args.path).href,
              filename: args.path,
              dirname: dirname(args.path),
            }[key],
          ),
        );
      const ext = extname(args.path);
      return { contents, loader: ext in LOADERS ? LOADERS[ext as keyof typeof LOADERS] : 'js' };
    });
  },
};

/** The object literal that stands for `new URL(relative, import.meta.url)` in `sourceFile`. */
function embeddedFile(relative: string, sourceFile: string): string {
  const url = new URL(relative, pathToFileURL(sourceFile));
  const path = fileURLToPath(url);
  const text = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  return `(${JSON.stringify({ href: url.href, pathname: path, text })})`;
}

function exportError(file: string, messages: readonly Message[]): LaunchdayError {
  const issues = messages.map((message) => {
    const issue = messageIssue(file, message);
    const missing = NOT_IN_ADAPTER.exec(issue.message)?.[1];
    return missing === undefined
      ? issue
      : {
          ...issue,
          message: `'launchday' has no ${missing} in k6: only the scenario API runs there`,
        };
  });
  return new LaunchdayError(
    'LAUNCHDAY_ERR_INVALID_SCENARIO',
    `cannot export ${file} to k6: ${problems(issues.length)}`,
    {
      hint:
        "in k6 a scenario may import from 'launchday' what scenarios use (defineScenario, param, parseDuration, readCurveCsv, LaunchdayError, createPrng), " +
        "randomBytes from node:crypto, k6's own modules and npm packages that need no Node.js; other imports stop the export",
      issues,
    },
  );
}

/** `file` relative to the current folder when it is under it, else as it is. */
function shownPath(file: string): string {
  const shown = relative(process.cwd(), file);
  return shown.startsWith('..') ? file : shown;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function problems(count: number): string {
  return count === 1 ? 'a problem' : `${count} problems`;
}
