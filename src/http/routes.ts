import type { RequestRecorder, RequestRecorderFactory } from '../metrics/types.js';

/** One request series of a workload: method, name tag and the recorder its samples go to. */
export interface Route {
  readonly method: string;
  readonly name: string;
  readonly recorder: RequestRecorder;
}

/** Most distinct request names per workload; further names are recorded as `${METHOD} (other)`. */
export const MAX_NAMES_PER_WORKLOAD = 1000;

/**
 * The routes of one workload, cached by method and name so the hot path builds no keys, and
 * capped at {@link MAX_NAMES_PER_WORKLOAD} names so URLs with ids in them cannot grow memory.
 */
export class WorkloadRoutes {
  private readonly byMethod = new Map<string, Map<string, Route>>();
  private readonly overflow = new Map<string, Route>();
  private readonly names = new Set<string>();

  constructor(
    private readonly workload: string,
    private readonly recorders: RequestRecorderFactory,
  ) {}

  /** The route of `method` (upper case) and `name`, or the method's overflow route past the cap. */
  route(method: string, name: string): Route {
    let routes = this.byMethod.get(method);
    if (routes === undefined) {
      routes = new Map();
      this.byMethod.set(method, routes);
    }
    const route = routes.get(name);
    if (route !== undefined) return route;
    if (this.names.size >= MAX_NAMES_PER_WORKLOAD && !this.names.has(name)) {
      return this.overflowRoute(method);
    }
    this.names.add(name);
    return this.create(routes, method, name);
  }

  private overflowRoute(method: string): Route {
    let route = this.overflow.get(method);
    if (route === undefined) {
      route = this.create(undefined, method, `${method} (other)`);
      this.overflow.set(method, route);
    }
    return route;
  }

  private create(into: Map<string, Route> | undefined, method: string, name: string): Route {
    const recorder = this.recorders.requestRecorder(this.workload, name, method);
    const route: Route = { method, name, recorder };
    into?.set(name, route);
    return route;
  }
}
