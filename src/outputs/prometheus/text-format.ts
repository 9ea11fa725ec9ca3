import { MICROSECONDS_PER_SECOND } from './bucket-values.js';
import { CLASSIC_BUCKETS, toClassicBuckets } from './classic-histogram.js';
import type { Labels, PromSeries } from './types.js';

/** The Content-Type of Prometheus' text exposition format 0.0.4. */
export const TEXT_FORMAT_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * Renders `series` in Prometheus' text exposition format (0.0.4): one family per name, in the
 * order names first appear, with its HELP and TYPE lines; histograms as classic ones
 * (`_bucket{le="..."}` over {@link CLASSIC_BUCKETS} and `+Inf`, `_sum` and `_count`, seconds).
 * What the scrape output serves on /metrics.
 */
export function renderTextFormat(series: readonly PromSeries[]): string {
  const families = new Map<string, PromSeries[]>();
  for (const s of series) {
    const family = families.get(s.name);
    if (family === undefined) families.set(s.name, [s]);
    else family.push(s);
  }
  const lines: string[] = [];
  for (const [name, members] of families) {
    const first = members[0]!;
    lines.push(`# HELP ${name} ${escapeHelp(first.help)}`, `# TYPE ${name} ${first.type}`);
    for (const member of members) lines.push(...seriesLines(member));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function seriesLines(series: PromSeries): string[] {
  const { name } = series;
  const labels = labelPairs(series.labels);
  const braced = labels === '' ? '' : `{${labels}}`;
  if (series.type !== 'histogram') return [`${name}${braced} ${number(series.value)}`];
  const { histogram } = series;
  // Built once per series: a histogram has a line per bucket with the same labels.
  const bucket = `${name}_bucket{${labels}${labels === '' ? '' : ','}le="`;
  return [
    ...toClassicBuckets(histogram).map(({ le, count }) => `${bucket}${number(le)}"} ${count}`),
    `${bucket}+Inf"} ${histogram.count}`,
    `${name}_sum${braced} ${number(histogram.sum / MICROSECONDS_PER_SECOND)}`,
    `${name}_count${braced} ${histogram.count}`,
  ];
}

function labelPairs(labels: Labels): string {
  return Object.entries(labels)
    .map(([name, value]) => `${name}="${escapeValue(value)}"`)
    .join(',');
}

function number(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  return String(value);
}

function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function escapeHelp(help: string): string {
  return help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}
