import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import {
  AnnotationQueryBuilder,
  type Dashboard,
  DashboardBuilder,
  DashboardCursorSync,
  type DashboardLink,
  DashboardLinkType,
  type Panel,
  RowBuilder,
  type VariableModel,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { DASHBOARD_TAG } from './stack.js';
import { datasourceVariable } from './variables.js';

/** A titled row of panels, laid out left to right in a 24-column grid. */
export interface RowSpec {
  readonly title: string;
  readonly panels: readonly Builder<Panel>[];
}

/** What differs between launchday's dashboards; {@link launchdayDashboard} adds the rest. */
export interface DashboardSpec {
  readonly uid: string;
  readonly title: string;
  readonly description: string;
  /** Variables after `$datasource`, which every dashboard has first. */
  readonly variables: readonly Builder<VariableModel>[];
  readonly rows: readonly RowSpec[];
}

/**
 * Builds a launchday dashboard: the `$datasource` variable then `spec`'s, the last 30 minutes
 * refreshed every 5 s (a rehearsal is watched live), a shared crosshair, Grafana's annotations,
 * links to the other launchday dashboards keeping the time and the picked runs, and panel ids
 * numbered in order so the JSON stays the same from one generation to the next.
 */
export function launchdayDashboard(spec: DashboardSpec): Dashboard {
  const builder = new DashboardBuilder(spec.title)
    .uid(spec.uid)
    .description(spec.description)
    .tags([DASHBOARD_TAG])
    .time({ from: 'now-30m', to: 'now' })
    .refresh('5s')
    .timezone('browser')
    .tooltip(DashboardCursorSync.Crosshair)
    .readonly()
    .annotation(grafanaAnnotations())
    .link(otherDashboards())
    .variables([datasourceVariable(), ...spec.variables]);
  for (const row of spec.rows) {
    builder.withRow(new RowBuilder(row.title));
    for (const panel of row.panels) builder.withPanel(panel);
  }
  const dashboard = builder.build();
  dashboard.panels?.forEach((panel, index) => {
    panel.id = index + 1;
  });
  return dashboard;
}

/** Grafana's built-in annotations (alerts and hand-made notes), as the UI adds them. */
function grafanaAnnotations(): AnnotationQueryBuilder {
  return new AnnotationQueryBuilder()
    .name('Annotations & Alerts')
    .datasource({ type: 'grafana', uid: '-- Grafana --' })
    .builtIn(1)
    .enable(true)
    .hide(true)
    .iconColor('rgba(0, 211, 255, 1)')
    .type('dashboard');
}

/**
 * A drop-down of the dashboards tagged launchday. A plain object rather than the SDK's builder,
 * which sets `placement: inControlsMenu` and so would tuck the link away in Grafana 12's menu.
 */
function otherDashboards(): Builder<DashboardLink> {
  const link: DashboardLink = {
    title: 'launchday',
    type: DashboardLinkType.Dashboards,
    icon: 'external link',
    tooltip: '',
    tags: [DASHBOARD_TAG],
    asDropdown: true,
    targetBlank: false,
    includeVars: true,
    keepTime: true,
  };
  return { build: () => link };
}
