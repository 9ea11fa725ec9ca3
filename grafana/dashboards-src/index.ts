export { FEED_SERVICE_UID, feedServiceDashboard } from './feed-service.js';
export { launchRehearsalDashboard, REHEARSAL_UID } from './launch-rehearsal.js';
export { expandVariables, panelQueries, panelsOf } from './queries.js';
export { dashboardJson, launchdayDashboards, writeDashboards } from './render.js';
export {
  DASHBOARD_TAG,
  DASHBOARDS_FOLDER,
  DASHBOARDS_MOUNT,
  DATASOURCE_UID,
  TARGET_SCRAPE_JOB,
} from './stack.js';
export type { DashboardFile, PanelQuery, VariableValues } from './types.js';
