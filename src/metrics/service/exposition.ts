import parsePrometheusTextFormat from 'parse-prometheus-text-format';

/** A metric family's type, as its `# TYPE` line gives it (`untyped` without one). */
export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

/** One sample: its labels and its value. */
export interface ExpositionSample {
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/**
 * One reading of a Prometheus /metrics page: the samples by series name (a histogram `h`
 * appears as `h_bucket`, `h_sum` and `h_count`, as Prometheus itself stores it) and the type
 * each family declared.
 */
export interface Exposition {
  readonly samples: ReadonlyMap<string, readonly ExpositionSample[]>;
  readonly types: ReadonlyMap<string, MetricType>;
}

const TYPE_LINE = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)\s*$/gm;

/**
 * Parses a page in Prometheus' text exposition format with `parse-prometheus-text-format`.
 * Histograms and summaries are handed to it as untyped families, so that it returns their
 * bucket, sum and count series with every label: its own grouping of them drops the labels
 * (yunyu/parse-prometheus-text-format#13). Throws what the parser throws on a malformed page.
 */
export function parseExposition(text: string): Exposition {
  const types = new Map<string, MetricType>();
  const untyped = text.replace(TYPE_LINE, (_line, name: string, type: MetricType) => {
    types.set(name, type);
    return type === 'histogram' || type === 'summary' ? `# TYPE ${name} untyped` : _line;
  });
  const samples = new Map<string, ExpositionSample[]>();
  for (const family of parsePrometheusTextFormat(untyped)) {
    const list = samples.get(family.name) ?? [];
    for (const sample of family.metrics)
      list.push({ labels: sample.labels ?? {}, value: sampleValue(sample.value) });
    samples.set(family.name, list);
  }
  return { samples, types };
}

/** A sample's value as written: a float, `NaN`, `+Inf` or `-Inf`. */
function sampleValue(text: string): number {
  if (text === '+Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  return Number(text);
}
