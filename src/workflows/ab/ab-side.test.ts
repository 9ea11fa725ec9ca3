import { describe, expect, it } from 'vitest';
import { parseAbSide } from './ab-side.js';

describe('parseAbSide', () => {
  it('takes an http(s) URL as a running service, without a trailing slash', () => {
    expect(parseAbSide('http://127.0.0.1:8080/', '--a')).toEqual({
      kind: 'url',
      url: 'http://127.0.0.1:8080',
    });
  });

  it('takes anything else as a command that must say where it listens', () => {
    expect(parseAbSide('node server.js --port {port}', '--b')).toEqual({
      kind: 'command',
      command: 'node server.js --port {port}',
    });
    expect(() => parseAbSide('node server.js', '--b')).toThrow(
      /--b 'node server.js' does not say where the service listens/,
    );
    expect(() => parseAbSide('  ', '--a')).toThrow(/--a is empty/);
  });
});
