import { createServer } from 'node:http';
import { HOSTILE_LOAD } from '../settings.js';
import { serve } from './serve.js';

const chunk = Buffer.alloc(HOSTILE_LOAD.chunkBytes, 'x');

/**
 * The hostile benchmark's endless body: answers 200 with a chunked body that never ends, as
 * fast as the client reads it. Run as its own process.
 */
serve(
  createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    const write = () => {
      while (!res.destroyed && res.write(chunk));
    };
    res.on('drain', write);
    write();
  }),
);
