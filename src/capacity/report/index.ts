export { buildCapacityCharts } from './chart-data.js';
export { renderCapacityMarkdown } from './markdown.js';
export { renderCapacityHtml } from './render-html.js';
export type {
  CapacityChart,
  CapacityChartGroup,
  CapacityData,
  CapacitySeries,
  ChartMarker,
} from './types.js';
