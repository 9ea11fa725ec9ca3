export { buildCompareCharts, percentileX } from './chart-data.js';
export { renderCompareHtml } from './html.js';
export { renderCompareJunit } from './junit.js';
export { renderCompareMarkdown } from './markdown.js';
export { type CompareTerminalOptions, renderCompareTerminal } from './terminal.js';
export type { CompareChart, CompareChartGroup, CompareData, CompareSeries } from './types.js';
