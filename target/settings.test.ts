import { describe, expect, it } from 'vitest';
import { resolveTargetConfig, SettingsError } from './settings.js';

function issuesOf(flags: Record<string, string>): SettingsError['issues'] {
  try {
    resolveTargetConfig(flags, {});
  } catch (error) {
    if (error instanceof SettingsError) return error.issues;
    throw error;
  }
  throw new Error('the settings were accepted');
}

describe('resolveTargetConfig --store', () => {
  it('keeps the data in SQLite unless told otherwise', () => {
    expect(resolveTargetConfig({}, {}).store).toBe('sqlite');
    expect(resolveTargetConfig({ store: 'sqlite' }, {}).store).toBe('sqlite');
  });

  it('refuses a store that is not registered, naming the registered ones', () => {
    expect(issuesOf({ store: 'cassandra' })).toEqual([
      {
        setting: '--store',
        message: expect.stringMatching(/^"cassandra" is not a store; the stores: sqlite \(/),
      },
    ]);
  });

  it('names a bad store beside the other bad settings', () => {
    const settings = issuesOf({ store: 'cassandra', port: 'eighty', workers: '0' }).map(
      (issue) => issue.setting,
    );
    expect(settings).toEqual(['--port', '--store', '--workers']);
  });
});
