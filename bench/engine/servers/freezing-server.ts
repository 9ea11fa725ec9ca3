import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { FREEZE_SCHEDULE } from '../settings.js';
import { announce, replyOk, serve } from './serve.js';

/**
 * The accuracy benchmark's target: answers 200 "ok" after a ~1 ms timer, and every `periodMs`
 * freezes its event loop for `freezeMs` with a synchronous busy-wait, so requests queue in the
 * kernel. Each freeze is announced with its real start and end (epoch ms). Run as its own process.
 */
const { periodMs, freezeMs, serviceMs } = FREEZE_SCHEDULE;

function epochMs(): number {
  return performance.timeOrigin + performance.now();
}

function freeze(): void {
  const startMs = epochMs();
  let endMs = startMs;
  while (endMs - startMs < freezeMs) endMs = epochMs();
  announce({ freeze: { startMs, endMs } });
}

serve(createServer((_req, res) => setTimeout(replyOk, serviceMs, res)));
setInterval(freeze, periodMs);
