import { parser } from '@prometheus-io/lezer-promql';

/** Offsets in `expr` where lezer-promql found a syntax error (none for valid PromQL). */
export function syntaxErrors(expr: string): number[] {
  const errors: number[] = [];
  parser.parse(expr).iterate({
    enter(node) {
      if (node.type.isError) errors.push(node.from);
    },
  });
  return errors;
}

/** The metric names `expr` selects, in order of appearance, each once. */
export function metricNames(expr: string): string[] {
  const names = new Set<string>();
  parser.parse(expr).iterate({
    enter(node) {
      if (node.type.name === 'Identifier' && node.node.parent?.type.name === 'VectorSelector') {
        names.add(expr.slice(node.from, node.to));
      }
    },
  });
  return [...names];
}
