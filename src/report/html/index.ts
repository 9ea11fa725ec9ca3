export { renderHtmlReport } from './render-html-report.js';
export { loadReportAssets } from './report-assets.js';
export type { ChartGroup, ChartSeries, ChartSpec, ReportAssets, ReportData } from './types.js';
