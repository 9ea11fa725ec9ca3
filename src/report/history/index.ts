export { buildHistoryCharts, segmentMeans } from './chart-data.js';
export { renderHistoryHtml } from './html.js';
export { renderHistoryMarkdown } from './markdown.js';
export { type HistoryTextOptions, renderHistoryText } from './text.js';
export type { ChartChange, HistoryChart, HistoryChartGroup, HistoryData } from './types.js';
