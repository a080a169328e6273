import { parseMyKey, parseMyQuery, storedField, termSearches } from './my-query';

const bad = (message: string) => expect.objectContaining({ kind: 'invalid-input', message: expect.stringContaining(message) });

describe('GET /my key grammar (the union of the clients)', () => {
  test.each([
    // chariot-ui
    ['#asset', { form: 'prefix', kind: 'asset', value: '#asset#' }],
    ['#risk#example.com', { form: 'prefix', kind: 'risk', value: '#risk#example.com' }],
    ['#attribute#source#kev', { form: 'prefix', kind: 'attribute', value: '#attribute#source#kev' }],
    ['#file#home', { form: 'prefix', kind: 'file', value: '#file#home' }],
    ['#account', { form: 'prefix', kind: 'account', value: '#account#' }],
    ['name:exa', { form: 'field', field: 'name', value: 'exa' }],
    ['source:#asset#a.com#a.com', { form: 'field', field: 'source', value: '#asset#a.com#a.com' }],
    ['example.com', { form: 'term', value: 'example.com' }],
    ['CVE-2024-3400', { form: 'term', value: 'CVE-2024-3400' }],
    // praetorian-cli 1.6.x
    ['#seed#domain#a.com', { form: 'prefix', kind: 'seed', value: '#seed#domain#a.com' }],
    ['#statistic#risks#2026-01-01', { form: 'prefix', kind: 'statistic', value: '#statistic#risks#2026-01-01' }],
    ['ip:10.0.', { form: 'field', field: 'ip', value: '10.0.' }],
    ['status:JR', { form: 'field', field: 'status', value: 'JR' }],
    ['dns:a.com', { form: 'field', field: 'dns', value: 'a.com' }],
    // praetorian-cli 2.x table kinds
    ['#key#', { form: 'prefix', kind: 'key', value: '#key#' }],
    ['#configuration#', { form: 'prefix', kind: 'configuration', value: '#configuration#' }],
    // colons that are not a known field stay bare terms
    ['https://example.com', { form: 'term', value: 'https://example.com' }],
    ['2001:db8::1', { form: 'term', value: '2001:db8::1' }],
  ])('%s', (key, expected) => expect(parseMyKey(key)).toEqual(expected));

  test('a # alone is every row; a # with a bad kind and a field with no value are 400s', () => {
    expect(parseMyKey('#')).toEqual({ form: 'prefix', kind: '', value: '#' }); // every row of the tenant
    expect(() => parseMyKey('#Asset')).toThrow(bad('entity kind'));
    expect(() => parseMyKey('name:')).toThrow(bad('needs a value'));
  });

  test('ip: searches the name', () => {
    expect(storedField('ip')).toBe('name');
    expect(storedField('dns')).toBe('dns');
  });
});

describe('GET /my parameters', () => {
  test('defaults', () => {
    expect(parseMyQuery({ key: '#asset' })).toEqual({
      key: { form: 'prefix', kind: 'asset', value: '#asset#' },
      exact: false,
      desc: false,
      global: false,
      user: false,
      allTenants: false,
      label: undefined,
      to: undefined,
      convId: undefined,
      offset: undefined,
      limit: undefined,
      matchesNothing: false,
    });
  });

  test('every flag the clients send, and the JSON-echoed offset', () => {
    const query = parseMyQuery({ key: 'status:JR', label: 'job', exact: 'true', desc: 'true', global: 'false', user: 'true', allTenants: 'true', offset: '"abc.def"', limit: '50', convId: 'c1' });
    expect(query).toMatchObject({ exact: true, desc: true, global: false, user: true, allTenants: true, label: 'job', offset: 'abc.def', limit: 50, convId: 'c1', matchesNothing: false });
  });

  test('label with a # key: the same kind is redundant, another kind matches nothing (never a 500)', () => {
    expect(parseMyQuery({ key: '#asset#a.com', label: 'asset' }).matchesNothing).toBe(false);
    expect(parseMyQuery({ key: '#asset#a.com', label: 'attribute' }).matchesNothing).toBe(true);
    expect(parseMyQuery({ key: 'source:#asset#a.com#a.com', label: 'attribute' }).matchesNothing).toBe(false);
  });

  test('to: the end of a range of the same kind (statistics)', () => {
    expect(parseMyQuery({ key: '#statistic#risks#2026-01-01', to: '#statistic#risks#now' }).to).toBe('#statistic#risks#now');
    expect(() => parseMyQuery({ key: '#statistic#a', to: '#asset#b' })).toThrow(bad('same kind'));
    expect(() => parseMyQuery({ key: 'name:a', to: '#asset#b' })).toThrow(bad('same kind'));
    expect(() => parseMyQuery({ key: '#statistic#a', to: '#statistic#b', exact: 'true' })).toThrow(bad('cannot be combined'));
  });

  test('malformed values are 400s naming the parameter', () => {
    expect(() => parseMyQuery({})).toThrow(bad('key is required'));
    expect(() => parseMyQuery({ key: '   ' })).toThrow(bad('key is required'));
    expect(() => parseMyQuery({ key: '#asset', exact: 'yes' })).toThrow(bad('exact'));
    expect(() => parseMyQuery({ key: '#asset', label: 'Asset!' })).toThrow(bad('label'));
    expect(() => parseMyQuery({ key: '#asset', limit: '0' })).toThrow(bad('limit'));
    expect(() => parseMyQuery({ key: `#asset#${'a'.repeat(1100)}` })).toThrow(bad('1024'));
  });
});

describe('what a bare term matches', () => {
  test('dns and name prefixes, as typed, lower-cased and slugged like a risk name', () => {
    expect(termSearches('example.com')).toEqual([
      { field: 'dns', value: 'example.com' },
      { field: 'name', value: 'example.com' },
    ]);
    expect(termSearches('SQL Injection').map((s) => s.value)).toEqual(['SQL Injection', 'sql injection', 'sql-injection', 'SQL Injection', 'sql injection', 'sql-injection']);
    expect(termSearches('cve-2024-3400').filter((s) => s.field === 'name').map((s) => s.value)).toEqual(['cve-2024-3400', 'CVE-2024-3400']);
  });
});
