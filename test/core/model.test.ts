/** Key formats, statuses, validation and merge/visit rules of every entity (pure, no emulator). */
import { InvalidInput } from '../../shared/errors';
import {
  assetKey,
  attributeKey,
  base32,
  combine,
  deleteAsset,
  deleteRisk,
  entityType,
  mergeAsset,
  mergeRisk,
  newAccount,
  newApiKey,
  newAsset,
  newAttribute,
  newFile,
  newJob,
  newRisk,
  newSeed,
  newSetting,
  now,
  RISK_STATUSES,
  riskName,
  secretMatches,
  setJobStatus,
  visitAsset,
  visitRisk,
  type Asset,
} from '../../shared/model';
import { MAX_HISTORY, recordHistory } from '../../shared/model/common';

const T = 'ada@example.com';
const AT = new Date('2026-01-02T03:04:05.678Z');
const epoch = (d: Date) => Math.floor(d.getTime() / 1000);

function expect400(fn: () => unknown, message?: RegExp) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInput);
    if (message) expect((error as InvalidInput).message).toMatch(message);
    return;
  }
  throw new Error('expected a 400');
}

describe('history', () => {
  test('keeps only the newest entries, so a row stays under the item size limit however often it is commented on', () => {
    let history = recordHistory(undefined, { from: 'A', to: 'F', by: T }).history;
    for (let i = 0; i < MAX_HISTORY + 20; i++) history = recordHistory(history, { from: 'F', by: T, comment: `note ${i}` }).history;
    expect(history).toHaveLength(MAX_HISTORY);
    expect(history.at(-1)).toMatchObject({ comment: `note ${MAX_HISTORY + 19}` });
  });
});

describe('timestamps and ttl', () => {
  test('RFC3339 seconds UTC', () => expect(now(AT)).toBe('2026-01-02T03:04:05Z'));
});

describe('asset', () => {
  test('key is lower-cased, dns/name keep case, defaults applied', () => {
    const a = newAsset(T, { dns: 'Example.COM', name: '1.2.3.4' }, AT);
    expect(a).toMatchObject({ username: T, key: '#asset#example.com#1.2.3.4', dns: 'Example.COM', name: '1.2.3.4', status: 'A', source: 'self', class: 'ipv4', private: false });
    expect(a.created).toBe('2026-01-02T03:04:05Z');
    expect(a.ttl).toBe(epoch(AT) + 30 * 86400);
  });
  test('punycode before the key; name defaults to dns; class tld/domain/cidr/ipv6; private ranges', () => {
    expect(newAsset(T, { dns: 'münchen.de' }, AT)).toMatchObject({ key: '#asset#xn--mnchen-3ya.de#xn--mnchen-3ya.de', class: 'tld' });
    expect(newAsset(T, { dns: 'sub.example.co.uk' }).class).toBe('domain');
    expect(newAsset(T, { dns: '10.0.0.0/8' })).toMatchObject({ class: 'cidr', private: true });
    expect(newAsset(T, { dns: 'example.com', name: '2001:DB8::1' }).key).toBe(assetKey('example.com', '2001:db8::1'));
    expect(newAsset(T, { dns: 'example.com', name: '192.168.0.1' })).toMatchObject({ class: 'ipv4', private: true });
    expect(newAsset(T, { group: 'g.example.com', identifier: 'id.example.com', dns: 'ignored.com' }).key).toBe('#asset#g.example.com#id.example.com');
  });
  test('seed: source seed, status P, ttl 0', () => {
    expect(newSeed(T, { dns: 'example.com' }, AT)).toMatchObject({ key: '#asset#example.com#example.com', source: 'seed', status: 'P', ttl: 0 });
  });
  test('bad dns, status or key segment is a 400', () => {
    expect400(() => newAsset(T, { dns: 'not a domain' }), /dns/);
    expect400(() => newAsset(T, { dns: 'exa#mple.com' }), /#/);
    expect400(() => newAsset(T, { dns: 'example.com', status: 'X' }), /status/);
    expect400(() => newAsset(T, { dns: 'bad_domain' }), /dns/);
    expect400(() => newAsset(T, {}), /dns/);
  });
  test('merge writes history and clears ttl when no longer active; visit refreshes and unions', () => {
    const a = newAsset(T, { dns: 'example.com', tags: ['x'] }, AT);
    const merged = mergeAsset(a, { ...a, status: 'F', comment: 'freeze' }, 'bob@example.com', AT);
    expect(merged.status).toBe('F');
    expect(merged.ttl).toBe(0);
    expect(merged.history).toEqual([{ from: 'A', to: 'F', by: 'bob@example.com', comment: 'freeze', updated: '2026-01-02T03:04:05Z' }]);
    const later = new Date(AT.getTime() + 3600_000);
    const seen = newAsset(T, { dns: 'example.com', tags: ['y'] }, later);
    const visited = visitAsset(a, seen);
    expect(visited).toMatchObject({ visited: now(later), ttl: seen.ttl, tags: ['x', 'y'], status: 'A' });
    expect(visited.history).toBeUndefined();
    expect(deleteAsset(a, 'bob@example.com').status).toBe('D');
  });
  test('a pending self asset becomes active on visit; a seed promotes an existing asset', () => {
    const pending: Asset = { ...newAsset(T, { dns: 'example.com' }), status: 'P' };
    expect(visitAsset(pending, newAsset(T, { dns: 'example.com', status: 'AH' })).status).toBe('AH');
    const promoted = combine('merge', newAsset(T, { dns: 'example.com' }), newSeed(T, { dns: 'example.com' }), 'ada') as Asset;
    expect(promoted).toMatchObject({ source: 'seed', ttl: 0 });
  });
});

describe('risk', () => {
  const asset = newAsset(T, { dns: 'Example.com', name: '1.2.3.4' });
  test('slugged name, CVE upper-cased, dns not lower-cased, target kept', () => {
    const r = newRisk(T, asset, { name: 'SQL Injection', status: 'TH' }, AT);
    expect(r).toMatchObject({ key: '#risk#Example.com#sql-injection', title: 'SQL Injection', target: asset.key, dns: 'Example.com', priority: 10, source: 'provided' });
    expect(newRisk(T, asset, { name: 'cve-2024-1234' }).key).toBe('#risk#Example.com#CVE-2024-1234');
    expect(riskName('Open  Port')).toBe('open--port');
  });
  test('status list: 5 triage + 18 open/accepted/remediated + 24 deleted, no TE', () => {
    expect(RISK_STATUSES).toHaveLength(47);
    expect(RISK_STATUSES).toContain('DMF');
    expect(RISK_STATUSES).not.toContain('TE');
    expect400(() => newRisk(T, asset, { name: 'x', status: 'TE' }), /status/);
    expect400(() => newRisk(T, asset, { name: 'a#b' }), /#/);
  });
  test('merge: history, priority, ttl 0 out of triage; delete: D + severity + reason', () => {
    const r = newRisk(T, asset, { name: 'xss', status: 'TM' }, AT);
    const opened = mergeRisk(r, { status: 'OM', comment: 'confirmed' }, 'bob', AT);
    expect(opened).toMatchObject({ status: 'OM', ttl: 0, priority: 20 });
    expect(opened.history).toHaveLength(1);
    expect(deleteRisk(opened, 'bob', { status: 'F' }).status).toBe('DMF');
    expect400(() => deleteRisk(opened, 'bob', { status: 'OM' }));
    expect400(() => mergeRisk(r, { status: 'ZZ' }, 'bob'));
  });
  test('visit re-opens a remediated risk', () => {
    const r = { ...newRisk(T, asset, { name: 'xss', status: 'TH' }), status: 'RH' };
    const again = visitRisk(r, newRisk(T, asset, { name: 'xss', status: 'TH' }));
    expect(again.status).toBe('OH');
    expect(again.history?.[0]).toMatchObject({ from: 'RH', to: 'OH' });
  });
});

describe('attribute, job, account, key, file, setting', () => {
  const asset = newAsset(T, { dns: 'example.com' });
  test('attribute key and 1024-byte cut (bytes, not characters)', () => {
    expect(newAttribute(T, asset.key, { name: 'open_port', value: '80' }, AT)).toMatchObject({
      key: '#attribute#open_port#80#asset#example.com#example.com',
      source: asset.key,
      status: 'A',
    });
    const long = attributeKey('n', 'é'.repeat(1000), asset.key);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(1024);
    expect(long.endsWith(asset.key)).toBe(true);
    expect400(() => newAttribute(T, '#job#x', { name: 'a', value: 'b' }), /asset or risk/);
  });
  test('job key, composite status/source, 7-day ttl, status transitions', () => {
    const ip = newAsset(T, { dns: 'example.com', name: '1.2.3.4' });
    const job = newJob(T, ip, { capability: 'nuclei' }, AT);
    expect(job).toMatchObject({ key: '#job#example.com#1.2.3.4#nuclei', dns: 'example.com', status: 'JQ#2026-01-02T03:04:05Z', source: 'nuclei#2026-01-02T03:04:05Z', ttl: epoch(AT) + 7 * 86400, Queue: 'standard' });
    const risk = newRisk(T, ip, { name: 'xss' });
    expect(newJob(T, risk, { capability: 'verify' }).key).toBe('#job#example.com##risk#example.com#xss#verify');
    const done = setJobStatus(setJobStatus(job, 'JR', AT), 'JP', AT);
    expect(done).toMatchObject({ status: 'JP#2026-01-02T03:04:05Z', started: now(AT), finished: now(AT) });
  });
  test('account: collaborator, integration, webhook', () => {
    expect(newAccount(T, 'Bob@Example.com', { role: 'analyst' })).toMatchObject({ key: `#account#${T}#bob@example.com#`, member: 'bob@example.com', role: 'analyst' });
    expect(newAccount(T, 'github', { value: 'org' }).key).toBe(`#account#${T}#github#org`);
    const pin = '0b0e6f0c-1111-4222-8333-444455556666';
    expect(newAccount(T, 'hook', { value: pin })).toMatchObject({ key: `#account#${T}#hook#${pin}`, role: 'readonly' });
    expect400(() => newAccount(T, 'hook', { value: 'not-a-uuid' }), /UUID/);
    expect400(() => newAccount(T, 'bob@example.com', { role: 'root' }), /role/);
    expect400(() => newAccount(T, 'Bad Name', {}), /member/);
  });
  test('api key: base32 id, hashed secret, role ceiling', () => {
    expect(base32(Buffer.from('foobar'))).toBe('MZXW6YTBOI======');
    const { row, secret, token } = newApiKey(T, T, { name: 'ci', role: 'readonly' }, AT);
    expect(row.id).toMatch(/^[A-Z2-7]{26}={6}$/);
    expect(row).toMatchObject({ key: `#key#${row.id}`, keyId: row.id, status: 'A', creator: T, role: 'readonly' });
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(token).toBe(`${row.id}.${secret}`);
    expect(secretMatches(row, secret)).toBe(true);
    expect(secretMatches(row, secret + 'x')).toBe(false);
    expect400(() => newApiKey(T, T, { name: 'old', expires: '2000-01-01T00:00:00Z' }), /future/);
  });
  test('file and setting keys', () => {
    expect(newFile(T, 'proofs/example.com/xss', AT)).toMatchObject({ key: '#file#proofs/example.com/xss', updated: now(AT) });
    expect400(() => newFile(T, '../etc/passwd'));
    expect400(() => newFile(T, '/abs'));
    expect(newSetting(T, { name: 'scan-level', value: 'AL' }, AT)).toMatchObject({ key: '#setting#scan-level', value: 'AL', last_modified: AT.toISOString() });
    expect400(() => newSetting(T, { name: 'scan-level', value: 'AH' }), /scan-level/);
  });
  test('entity type from key', () => {
    expect(entityType('#asset#a#b')).toBe('asset');
    expect(entityType('#nope#x')).toBeUndefined();
  });
});
