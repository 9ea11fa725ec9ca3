import { createServer } from 'node:http';
import { replyOk, serve } from './serve.js';

/** The cost and memory benchmarks' target: answers 200 "ok" at once. Run as its own process. */
serve(createServer((_req, res) => replyOk(res)));
