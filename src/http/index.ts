export { HttpClient } from './client.js';
export { DEFAULT_HTTP_OPTIONS, resolveHttpOptions } from './options.js';
export { MAX_NAMES_PER_WORKLOAD } from './routes.js';
export { HttpSession } from './session.js';
export type {
  ByteSize,
  HttpClientOptions,
  HttpError,
  HttpOptions,
  HttpResponse,
  IterationTiming,
  QueryValue,
  RequestOptions,
  ResponseTimings,
  ScenarioHttpOptions,
  StatusRange,
} from './types.js';
