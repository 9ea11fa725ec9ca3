import { REMOTE_WRITE_KIND } from './prometheus/remote-write-spec.js';
import { SCRAPE_KIND } from './prometheus/scrape-spec.js';

/**
 * Every output `--out` can build, in the order help and errors list them. A new output is one
 * file exporting its `OutputKind` (see types.ts) and one line here.
 */
export const OUTPUT_KINDS = [REMOTE_WRITE_KIND, SCRAPE_KIND] as const;
