import { createServer } from 'node:http';
import { HOSTILE_LOAD } from '../settings.js';
import { serve } from './serve.js';

/**
 * The hostile benchmark's huge body: answers 200 with a `Content-Length` of 1 GB, sends its
 * first chunk and nothing more. Run as its own process.
 */
serve(
  createServer((_req, res) => {
    res.writeHead(200, { 'content-length': String(HOSTILE_LOAD.announcedBytes) });
    res.write(Buffer.alloc(HOSTILE_LOAD.chunkBytes, 'x'));
  }),
);
