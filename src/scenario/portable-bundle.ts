import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'esbuild';
import { LaunchdayError } from '../core/errors.js';
import { esbuildScenario, rewriteImportMeta } from './bundle-scenario.js';

/** The file name of a portable bundle in the folder it runs from. */
export const PORTABLE_BUNDLE_NAME = 'scenario.mjs';

/** A file a scenario reads, shipped beside its portable bundle. */
export interface PortableAsset {
  /** Its path relative to the bundle's folder, with `/` separators, e.g. `data/curve.csv`. */
  readonly path: string;
  /** Its absolute path on this machine. */
  readonly file: string;
}

/** A scenario bundled to run on another machine: see {@link bundlePortableScenario}. */
export interface PortableBundle {
  /** The ES module, to be saved as {@link PORTABLE_BUNDLE_NAME} and run with `launchday run`. */
  readonly code: string;
  /** The files it reads, to be placed at their `path` beside the bundle; sorted by path. */
  readonly assets: readonly PortableAsset[];
}

// The asset pattern that bundlers recognise (webpack, Vite): a literal relative path.
const ASSET_URL = /new\s+URL\(\s*(['"])(\.{1,2}\/[^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g;

/**
 * Bundles the scenario `file` (absolute) into one ES module that runs wherever launchday is
 * installed, e.g. from a Kubernetes ConfigMap mounted in launchday's image: `import 'launchday'`
 * stays a bare import, which `launchday run` binds to the launchday running it; the scenario's
 * `import.meta.url|filename|dirname` point where each source file sits relative to the bundle
 * (the scenario's folder becomes the bundle's); and the files it reads by
 * `new URL('./data/x.csv', import.meta.url)` are listed as assets to ship beside it. Throws
 * LaunchdayError `LAUNCHDAY_ERR_SCENARIO_LOAD` when bundling fails or such a file lies outside
 * the scenario's folder.
 */
export async function bundlePortableScenario(file: string): Promise<PortableBundle> {
  const root = dirname(file);
  const referenced = new Map<string, string>();
  const relocate = rewriteImportMeta((path, text) => {
    for (const [, , literal] of text.matchAll(ASSET_URL))
      referenced.set(resolve(dirname(path), literal!), path);
    return importMetaBeside(posixPath(relative(root, path)));
  });
  const code = await esbuildScenario(file, {
    outfile: join(root, PORTABLE_BUNDLE_NAME),
    plugins: [bareLaunchday, relocate],
  });
  const assets: PortableAsset[] = [];
  for (const [asset, source] of referenced) {
    const found = await assetBeside(root, asset, source);
    if (found !== undefined) assets.push(found);
  }
  return { code, assets: assets.sort((a, b) => a.path.localeCompare(b.path)) };
}

/** `import.meta` of the source file at `path` (relative to the bundle), from the bundle's own. */
function importMetaBeside(path: string): { url: string; filename: string; dirname: string } {
  const folder = path.includes('/') ? `/${path.slice(0, path.lastIndexOf('/'))}` : '';
  return {
    url: `new URL(${JSON.stringify(`./${path}`)}, import.meta.url).href`,
    filename: `(import.meta.dirname + ${JSON.stringify(`/${path}`)})`,
    dirname:
      folder === '' ? 'import.meta.dirname' : `(import.meta.dirname + ${JSON.stringify(folder)})`,
  };
}

/** The asset `file` that `source` reads, placed relative to `root`; undefined if not a file. */
async function assetBeside(
  root: string,
  file: string,
  source: string,
): Promise<PortableAsset | undefined> {
  const stats = await stat(file).catch(() => undefined);
  // A file that does not exist here would not be found by the scenario here either.
  if (!stats?.isFile()) return undefined;
  const path = relative(root, file);
  if (path.startsWith('..') || isAbsolute(path)) {
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_SCENARIO_LOAD',
      `${source} reads ${file}, outside the scenario's folder ${root}`,
      { hint: "move the file under the scenario's folder, so it can be shipped beside the bundle" },
    );
  }
  return { path: posixPath(path), file };
}

function posixPath(path: string): string {
  return path.split(sep).join('/');
}

const bareLaunchday: Plugin = {
  name: 'launchday-bare',
  setup(build) {
    build.onResolve({ filter: /^launchday$/ }, () => ({ path: 'launchday', external: true }));
  },
};
