import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';
import {
  DatasourceVariableBuilder,
  QueryVariableBuilder,
  VariableRefresh,
  VariableSort,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { DATASOURCE_UID } from './stack.js';

/** The data source every panel and variable queries: the one picked in `$datasource`. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's variable syntax, not a template
export const PROMETHEUS: DataSourceRef = { type: 'prometheus', uid: '${datasource}' };

/** `$datasource`: any Prometheus data source, the provisioned one (uid `prometheus`) by default. */
export function datasourceVariable(): DatasourceVariableBuilder {
  return new DatasourceVariableBuilder('datasource')
    .label('Data source')
    .type('prometheus')
    .current({ text: 'Prometheus', value: DATASOURCE_UID });
}

/**
 * `$testid`: the runs to show, from the `testid` values of `metric`; several or all may be
 * picked ("All" is `.*`). Newest first, since launchday's run ids start with their start time.
 */
export function testidVariable(metric: string): QueryVariableBuilder {
  return multiValue('testid', `label_values(${metric}, testid)`)
    .label('Run (testid)')
    .description('The run id, or the value of --tag testid=... (k6 runs too)')
    .sort(VariableSort.AlphabeticalDesc);
}

/** `$scenario`: the workloads (k6 scenarios) of the picked runs, by the requests they sent. */
export function scenarioVariable(): QueryVariableBuilder {
  return multiValue('scenario', 'label_values(k6_http_reqs_total{testid=~"$testid"}, scenario)')
    .label('Scenario')
    .sort(VariableSort.AlphabeticalAsc);
}

function multiValue(name: string, query: string): QueryVariableBuilder {
  return new QueryVariableBuilder(name)
    .datasource(PROMETHEUS)
    .query(query)
    .definition(query)
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .multi(true)
    .includeAll(true)
    .allValue('.*')
    .current({ text: ['All'], value: ['$__all'] });
}
