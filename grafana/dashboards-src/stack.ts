/**
 * The names the dashboards share with the stack that serves them: grafana/provisioning/,
 * grafana/prometheus.yml and docker-compose.yml must use the same ones (grafana's tests check
 * the first two against these).
 */

/** The uid of the provisioned Prometheus data source, the dashboards' default data source. */
export const DATASOURCE_UID = 'prometheus';

/** Where Grafana's container mounts grafana/dashboards/ (the file provider's path). */
export const DASHBOARDS_MOUNT = '/var/lib/grafana/dashboards';

/**
 * The Prometheus scrape job of the feed service (the compose service `target`). The "Feed
 * service" dashboard selects its series by this job, because Prometheus' own process metrics
 * carry the same names (`process_cpu_seconds_total`, ...).
 */
export const TARGET_SCRAPE_JOB = 'target';

/** The Grafana folder (uid and title) the provisioned dashboards are filed in. */
export const DASHBOARDS_FOLDER = 'launchday';

/** The tag every launchday dashboard carries; the dashboards link to each other by it. */
export const DASHBOARD_TAG = 'launchday';
