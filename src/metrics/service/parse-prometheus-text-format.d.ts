/** Types of `parse-prometheus-text-format` (it ships none), as far as launchday reads it. */
declare module 'parse-prometheus-text-format' {
  /** One sample of a family: its value as written (`NaN`, `+Inf` included) and its labels. */
  interface ParsedSample {
    readonly value: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly timestamp_ms?: string;
  }
  /** One metric family, in prom2json's shape. */
  interface ParsedFamily {
    readonly name: string;
    readonly help: string;
    readonly type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
    readonly metrics: readonly ParsedSample[];
  }
  /** Parses Prometheus' text exposition format; throws on a malformed line. */
  export default function parsePrometheusTextFormat(text: string): ParsedFamily[];
}
