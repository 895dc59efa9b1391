import { describe, expect, it } from 'vitest';
import { dbConnector, openNewsmarkDb } from './open-db.ts';
import { uniqueName } from './test-helpers.ts';

describe('opening the database', () => {
  it('an old connection steps aside for an upgrade instead of blocking it', async () => {
    const name = uniqueName();
    let gone = 0;
    const old = await openNewsmarkDb(name, 1, () => gone++);
    await old.put('settings', { saveMode: 'never', categories: { company: true, person: true, figure: true, move: true }, disabledSites: [], savePrivate: false }, 'settings');
    const upgraded = await openNewsmarkDb(name);
    expect(gone).toBe(1);
    expect(upgraded.version).toBe(2);
    expect((await upgraded.get('settings', 'settings'))?.saveMode).toBe('never');
    upgraded.close();
  });

  it('the connector reuses one connection and opens a new one after it closed', async () => {
    const name = uniqueName();
    const connect = dbConnector(name);
    const a = await connect();
    expect(await connect()).toBe(a);
    // Another context upgrading the database makes this connection close itself...
    const newer = await import('idb').then(({ openDB }) => openDB(name, 3));
    newer.close();
    // ...and the next call opens afresh (here it fails: the stored version is now newer than ours).
    await expect(connect()).rejects.toThrow();
  });
});
