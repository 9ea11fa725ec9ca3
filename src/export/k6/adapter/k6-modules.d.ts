/**
 * The few k6 modules the adapter uses, typed as far as it uses them (k6's own types are not a
 * dependency: the adapter runs only in k6, bundled by `launchday export k6`).
 */
declare module 'k6' {
  export function check<T>(value: T, sets: Record<string, (value: T) => boolean>): boolean;
  export function sleep(seconds: number): void;
}

declare module 'k6/http' {
  export interface K6Response {
    readonly status: number;
    readonly headers: Record<string, string>;
    readonly body: string | ArrayBuffer | null;
    readonly error: string;
    readonly error_code: number;
    readonly url: string;
    readonly timings: {
      readonly blocked: number;
      readonly connecting: number;
      readonly tls_handshaking: number;
      readonly sending: number;
      readonly waiting: number;
      readonly receiving: number;
      readonly duration: number;
    };
  }
  export interface K6Params {
    headers?: Record<string, string>;
    tags?: Record<string, string>;
    timeout?: string | number;
    responseType?: 'text' | 'binary' | 'none';
    responseCallback?: unknown;
  }
  type Body = string | ArrayBuffer | null;
  interface K6Http {
    request(method: string, url: string, body?: Body, params?: K6Params): K6Response;
    asyncRequest?(method: string, url: string, body?: Body, params?: K6Params): Promise<K6Response>;
    expectedStatuses(...statuses: ReadonlyArray<number | { min: number; max: number }>): unknown;
    setResponseCallback(callback: unknown): void;
  }
  const http: K6Http;
  export default http;
}

declare module 'k6/execution' {
  const exec: {
    readonly vu: { readonly idInTest: number; readonly iterationInScenario: number };
    readonly scenario: { readonly name: string; readonly iterationInTest: number };
  };
  export default exec;
}

declare module 'k6/metrics' {
  export class Counter {
    constructor(name: string);
    add(value: number, tags?: Record<string, string>): void;
  }
}

declare module 'k6/crypto' {
  export function randomBytes(size: number): ArrayBuffer;
}
