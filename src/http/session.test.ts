import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from './client.js';
import { HttpSession } from './session.js';
import { closeServers, RecordingRecorders, startServer } from './test-support.js';

let client: HttpClient | undefined;

afterEach(async () => {
  await client?.destroy();
  await closeServers();
});

async function session() {
  const { origin } = await startServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      const type = req.headers['content-type'] ?? null;
      res.end(JSON.stringify({ method: req.method, url: req.url, body, type }));
    });
  });
  const recorders = new RecordingRecorders();
  client = new HttpClient({}, recorders);
  const timing = { intendedAt: undefined };
  return { http: new HttpSession(client, 'signups', `${origin}/api`, timing), recorders };
}

describe('HttpSession', () => {
  it('sends each method to the base URL under the workload', async () => {
    const { http, recorders } = await session();
    const answers = await Promise.all([
      http.get('/feed', { query: { limit: 5 } }),
      http.delete('/posts/:id', { pathParams: { id: 9 } }),
      http.request('options', '/feed'),
    ]);
    expect(answers.map((res) => res.json<{ method: string; url: string }>())).toMatchObject([
      { method: 'GET', url: '/api/feed?limit=5' },
      { method: 'DELETE', url: '/api/posts/9' },
      { method: 'OPTIONS', url: '/api/feed' },
    ]);
    expect(recorders.samples.map((s) => `${s.workload} ${s.name}`).sort()).toEqual([
      'signups DELETE /posts/:id',
      'signups GET /feed',
      'signups OPTIONS /feed',
    ]);
  });

  it('sends a body as JSON unless it is a string or bytes', async () => {
    const { http } = await session();
    const json = await http.post('/users', { handle: 'ada' });
    const text = await http.put('/users/1', 'raw text');
    const bytes = await http.patch('/users/1', new TextEncoder().encode('bytes'));
    const viaOptions = await http.post('/users', undefined, { json: [1, 2] });
    expect([json, text, bytes, viaOptions].map((res) => res.json())).toEqual([
      { method: 'POST', url: '/api/users', body: '{"handle":"ada"}', type: 'application/json' },
      { method: 'PUT', url: '/api/users/1', body: 'raw text', type: null },
      { method: 'PATCH', url: '/api/users/1', body: 'bytes', type: null },
      { method: 'POST', url: '/api/users', body: '[1,2]', type: 'application/json' },
    ]);
  });
});
