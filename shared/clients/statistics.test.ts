import { countRows, emptyStatistics } from './statistics';

describe('GET /my/count statistics', () => {
  const assets = [
    { key: '#asset#a.com#a.com', status: 'A', source: 'seed' },
    { key: '#asset#b.com#b.com', status: 'A', source: 'self' },
    { key: '#asset#c.com#c.com', status: 'F', source: 'self' },
  ];
  const risks = [
    { key: '#risk#a.com#x', status: 'RH', source: 'provided' },
    { key: '#risk#a.com#y', status: 'DHF', source: 'provided' },
    { key: '#risk#a.com#z', status: 'TH', source: 'nuclei' },
  ];

  test('assets by status and source', () => {
    expect(countRows(assets)).toEqual({ status: { A: 2, F: 1 }, source: { seed: 1, self: 2 } });
  });

  test('risks in the stored vocabulary, or the UI one (state key[0], sub-state key.slice(2))', () => {
    expect(countRows(risks).status).toEqual({ RH: 1, DHF: 1, TH: 1 });
    expect(countRows(risks, { uiRiskVocabulary: true }).status).toEqual({ CH: 1, CHF: 1, TH: 1 });
  });

  test('jobs by bare code and capability; attributes by name', () => {
    const jobs = [
      { key: '#job#a.com#a.com#nuclei', status: 'JQ#2026-01-01T00:00:00Z', source: 'nuclei#2026-01-01T00:00:00Z' },
      { key: '#job#a.com#a.com#whois', status: 'JP#2026-01-01T00:00:00Z', source: 'whois#2026-01-01T00:00:00Z' },
    ];
    expect(countRows(jobs)).toEqual({ status: { JQ: 1, JP: 1 }, source: { nuclei: 1, whois: 1 } });
    const attributes = [
      { key: '#attribute#port#443#asset#a.com#a.com', name: 'port', status: 'A', source: '#asset#a.com#a.com' },
      { key: '#attribute#port#80#asset#a.com#a.com', name: 'port', status: 'A', source: '#asset#a.com#a.com' },
    ];
    expect(countRows(attributes)).toEqual({ status: { A: 2 }, source: {}, attributes: { port: 2 } });
  });

  test('a fold: pages add up; nothing counted is the empty shape the UI accepts', () => {
    const total = countRows(assets.slice(1), {}, countRows(assets.slice(0, 1)));
    expect(total).toEqual(countRows(assets));
    expect(countRows([])).toEqual(emptyStatistics());
  });
});
