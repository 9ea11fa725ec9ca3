import {
  LegendDisplayMode,
  LegendPlacement,
  SortOrder,
  TooltipDisplayMode,
  VizLegendOptionsBuilder,
  VizTooltipOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import { MappingType } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StateTimelineBuilder } from '@grafana/grafana-foundation-sdk/statetimeline';
import { PanelBuilder as TimeSeriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import type { PanelSpec } from './types.js';
import { PROMETHEUS } from './variables.js';

const PANEL_HEIGHT = 8;

/** A time series panel of `spec`: one line per series, a table legend with mean, max and last. */
export function timeSeries(spec: PanelSpec): TimeSeriesBuilder {
  const panel = withSpec(new TimeSeriesBuilder(), spec)
    .lineWidth(1)
    .fillOpacity(10)
    .legend(
      new VizLegendOptionsBuilder()
        .showLegend(true)
        .displayMode(LegendDisplayMode.Table)
        .placement(LegendPlacement.Bottom)
        .calcs(['mean', 'max', 'lastNotNull']),
    )
    .tooltip(
      new VizTooltipOptionsBuilder().mode(TooltipDisplayMode.Multi).sort(SortOrder.Descending),
    );
  if (spec.min !== undefined) panel.min(spec.min);
  if (spec.max !== undefined) panel.max(spec.max);
  return panel;
}

/**
 * A state timeline of `spec` whose series are 1 (`ok`, green) or 0 (`failing`, red), one band
 * per series: for pass/fail gauges such as `launchday_threshold_ok`.
 */
export function passFailTimeline(spec: PanelSpec): StateTimelineBuilder {
  return withSpec(new StateTimelineBuilder(), spec)
    .mergeValues(true)
    .mappings([
      {
        type: MappingType.ValueToText,
        options: {
          '0': { text: 'failing', color: 'red', index: 0 },
          '1': { text: 'ok', color: 'green', index: 1 },
        },
      },
    ])
    .legend(new VizLegendOptionsBuilder().showLegend(false));
}

/** Sets what every panel has: title, description, unit, width, the data source and queries. */
function withSpec<B extends TimeSeriesBuilder | StateTimelineBuilder>(
  panel: B,
  spec: PanelSpec,
): B {
  panel
    .title(spec.title)
    .description(spec.description)
    .unit(spec.unit)
    .datasource(PROMETHEUS)
    .span(spec.span ?? 12)
    .height(PANEL_HEIGHT);
  spec.queries.forEach((query, index) => {
    panel.withTarget(
      new DataqueryBuilder()
        .refId(String.fromCharCode(65 + index))
        .datasource(PROMETHEUS)
        .expr(query.expr)
        .legendFormat(query.legend)
        .range(),
    );
  });
  return panel;
}
