import { describe, expect, it } from 'vitest';
import { buildCapacityReport, HOSTILE_NAME, withHostileNames } from './fixtures.js';
import { unfinishedReport } from './fixtures-phases.js';
import { renderCapacityMarkdown } from './markdown.js';

const report = buildCapacityReport();
const markdown = renderCapacityMarkdown(report);

/** The lines of the table under `heading`: its header, rule and rows. */
function tableUnder(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line, i) => i > lines.indexOf(heading) && line.startsWith('|'));
  const end = lines.findIndex((line, i) => i > start && !line.startsWith('|'));
  return lines.slice(start, end === -1 ? undefined : end);
}

/** The cells of a pipe-table row, unpadded; escaped pipes stay inside their cell. */
function cells(row: string): string[] {
  return row
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((cell) => cell.trim());
}

describe('renderCapacityMarkdown', () => {
  it('puts the verdict first, then plan, capacity, overload, assumptions and steps', () => {
    expect(
      markdown.startsWith('## Capacity: read-heavy-feed\n\n**Verdict:** Run 11 instances'),
    ).toBe(true);
    const order = [
      '### Demand and plan',
      '### Measured capacity',
      '### Overload',
      '### Phases',
      '### Assumptions',
      '### Steps',
    ];
    const positions = order.map((heading) => markdown.indexOf(`\n${heading}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(markdown.endsWith('|\n')).toBe(true);
    expect(markdown).toContain('SLOs: p(99)\\<250ms, errors\\<0.1%.');
  });

  it('shows the demand model, the plan with N + k, headroom and what saturates first', () => {
    expect(markdown).toContain(
      '- **demand model:** sign-ups following the Threads launch curve, scaled to 100,000,000 sign-ups',
    );
    expect(markdown).toContain('- **requests per sign-up:** signup 1, feed 2');
    expect(markdown).toContain('- **instances to run:** 11 (N = 9 + k = 2 spare)');
    expect(markdown).toContain(
      `- **headroom at peak:** ${(report.plan!.headroom * 100).toFixed(2)}%`,
    );
    expect(markdown).toContain('- **saturates first:** feed');
    const plan = tableUnder(markdown, '### Demand and plan');
    expect(plan[1]).toBe('|:---|---:|---:|---:|');
    expect([plan[0]!, ...plan.slice(2)].map(cells)).toEqual([
      ['endpoint', 'peak req/s', 'capacity req/s per instance', 'instances alone'],
      ['signup', '2400', '795', '5'],
      ['feed', '4800', '795', '9'],
    ]);
    const daily = renderCapacityMarkdown(buildCapacityReport({ demand: 'daily-active' }));
    expect(daily).toContain(
      "- **demand model:** 5,000,000 daily active users, 20 active minutes a day each, peak hour ×3 the day's average",
    );
    expect(daily).toContain('- **instances to run:** 10 (N = 9 + k = 1 spare)');
  });

  it('leaves the plan out without a forecast', () => {
    const text = renderCapacityMarkdown(buildCapacityReport({ demand: 'none' }));
    expect(text).not.toContain('### Demand and plan');
    expect(text).not.toContain('instances to run');
    expect(
      text.startsWith('## Capacity: read-heavy-feed\n\n**Verdict:** The service sustains'),
    ).toBe(true);
  });

  it('shows the measured capacity: rate, knee, USL parameters with standard errors and peak', () => {
    for (const line of [
      '- **maximum sustainable rate:** 800 iterations/s, 1594 requests/s',
      '- **quick-ramp breakpoint:** 1000 iterations/s',
      '- **knee:** at 600 iterations/s offered: 1198 requests/s, p99 24.0 ms',
      '- **USL fit:** supported (R² 0.93)',
      '- **σ (contention):** 0.05 ± 0.008',
      '- **κ (coherency):** 0.0009 ± 0.00021',
      '- **λ (requests/s at concurrency 1):** 225 ± 6.5',
      '- **USL peak:** 2091.3 requests/s at concurrency 32.5',
    ])
      expect(markdown).toContain(`\n${line}\n`);
  });

  it('says why the USL fit is not supported, and when no knee was found', () => {
    const text = renderCapacityMarkdown(buildCapacityReport({ usl: 'unsupported', knee: false }));
    expect(text).toContain(
      '- **USL fit:** not supported by the measurements (R² 0.41, standard errors not estimable): ' +
        'Only 3 steps span more than one concurrency level: the fit needs 5 or more. R² is 0.41',
    );
    expect(text).toContain('- **σ (contention):** 0.02\n');
    expect(text).toContain('- **USL peak:** none: κ is 0, so the model never turns down');
    expect(text).toContain('- **knee:** none found');
    const none = renderCapacityMarkdown(buildCapacityReport({ usl: 'none' }));
    expect(none).toContain('- **USL fit:** not computed');
    expect(none).not.toContain('σ');
  });

  it('tabulates the overload runs and every step with why it was not sustainable', () => {
    expect(tableUnder(markdown, '### Overload').map(cells).slice(2)).toEqual([
      ['2x', '1600', '1010', '1500', '94.10%', '2100', '5.00%'],
      ['10x', '8000', '1020', '900', '56.50%', '5000', '42.00%'],
    ]);
    const steps = tableUnder(markdown, '### Steps').map(cells);
    expect(steps[0]).toEqual([
      'offered it/s',
      'achieved it/s',
      'throughput req/s',
      'p50 ms',
      'p99 ms',
      'errors',
      'concurrency',
      'target CPU cores',
      'ELU',
      'sustainable',
    ]);
    expect(steps.slice(2).map((row) => row[0])).toEqual(report.steps.map((s) => String(s.offered)));
    expect(steps[2]).toEqual([
      '100',
      '100',
      '200',
      '4.00',
      '12.0',
      '0.00%',
      '0.9',
      '0.11',
      '8.00%',
      'yes',
    ]);
    expect(steps[7]![9]).toBe(
      'no: p(99) 420 ms \\> 250 ms; errors 0.30% \\> 0.10%; achieved 94.0% of offered \\< 98%',
    );
  });

  it('shows a dash for target figures that were not measured', () => {
    const input = buildCapacityReport();
    const copy = { ...input, steps: input.steps.map((s) => ({ ...s, target: null })) };
    const row = cells(tableUnder(renderCapacityMarkdown(copy), '### Steps')[2]!);
    expect(row.slice(7, 9)).toEqual(['–', '–']);
  });

  it('lists the phases of the search and how each ended; a complete search has no warning', () => {
    expect(markdown).not.toContain('⚠️');
    const phases = tableUnder(markdown, '### Phases');
    expect(phases[1]).toBe('|:---|---:|---:|---:|---:|:---|:---|');
    expect([phases[0]!, ...phases.slice(2)].map(cells)).toEqual([
      ['phase', 'levels', 'measured', 's per level', 'cut off', 'ended', 'note'],
      ...report.phases.map((p) => [
        p.name,
        String(p.planned.length),
        String(p.measured.length),
        String(p.levelS),
        '0',
        p.end.replace('-', ' '),
        p.note,
      ]),
    ]);
  });

  it('warns under the verdict when a phase did not finish cleanly, quoting its note', () => {
    const cutOff = unfinishedReport(buildCapacityReport(), 'overload-cut-off');
    const text = renderCapacityMarkdown(cutOff);
    const overload = cutOff.phases.at(-1)!;
    expect(text).toContain(
      `\n\n> **⚠️ Search incomplete: a phase did not finish cleanly.**\n> - ${overload.note}\n\nSLOs:`,
    );
    const row = cells(tableUnder(text, '### Phases').at(-1)!);
    expect(row.slice(4, 6)).toEqual(['41250', 'not clean: cut off']);
    expect(text).toContain('- **maximum sustainable rate:** 800 iterations/s, 1594 requests/s\n');
  });

  it('calls the answers of an interrupted search provisional', () => {
    const text = renderCapacityMarkdown(
      unfinishedReport(buildCapacityReport(), 'staircase-interrupted'),
    );
    expect(text).toContain(
      '> **⚠️ Search interrupted (SIGINT or SIGTERM): the report holds what was measured until ' +
        'then. The answers are provisional: they rest on the levels measured before the search stopped.**\n' +
        '> - The staircase was interrupted (SIGINT or SIGTERM) after 4 of 7 levels.\n',
    );
    expect(text).toContain(
      '- **maximum sustainable rate:** 600 iterations/s, 1198 requests/s (provisional: the search stopped before establishing it)',
    );
    expect(text).toContain(
      '- **knee:** not established: the search stopped before its staircase finished',
    );
    expect(text).not.toContain('### Overload');
  });

  it('escapes every name and sentence: no markup, no broken table, one line per item', () => {
    const text = renderCapacityMarkdown(withHostileNames(buildCapacityReport()));
    const raw = HOSTILE_NAME.replace('\u2028', '');
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('*bold*');
    expect(text).not.toContain(raw.slice(0, 20));
    expect(text).toContain('\\<script\\>window.\\_\\_pwned=1\\</script\\>');
    expect(text).toContain('\\*bold\\* \\| \\`code\\` \\[l\\](x) \\&');
    const steps = tableUnder(text, '### Steps');
    expect(steps.slice(2).every((row) => cells(row).length === 10)).toBe(true);
    expect(text).toContain('- **saturates first:** \\<');
  });
});
