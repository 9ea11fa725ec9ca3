import { assertHostAllowed } from '../../http/host-guard.js';
import type { OutputKind } from '../types.js';
import { prometheusRemoteWrite } from './remote-write-output.js';

/** A parsed `--out prometheus-rw=URL`: the receiver's URL, normalized. */
export interface RemoteWriteSpec {
  readonly kind: 'prometheus-rw';
  readonly url: string;
}

/**
 * `--out prometheus-rw=URL`: an http or https URL, whose host must be loopback or named with
 * `--allow-host` (as for the run's target: metrics must not leak to a host by accident).
 */
export const REMOTE_WRITE_KIND: OutputKind<RemoteWriteSpec> = {
  name: 'prometheus-rw',
  form: 'prometheus-rw=URL',
  description: 'Prometheus remote write',
  example: 'prometheus-rw=http://127.0.0.1:9090/api/v1/write',
  parse(value, { allowedHosts, fail }) {
    if (value === '') return fail('prometheus-rw needs the receiver URL');
    const url = URL.canParse(value) ? new URL(value) : undefined;
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:'))
      return fail(`'${value}' is not an http(s) URL`);
    assertHostAllowed(url, allowedHosts, '--out');
    return { kind: 'prometheus-rw', url: url.href };
  },
  create: (spec, context) => prometheusRemoteWrite({ url: spec.url, onProblem: context.onProblem }),
};
