import type { Whoami } from '../../shared/auth/whoami';
import { domainErrorResponse } from '../../shared/api/respond';
import { DomainError } from '../../shared/errors';
import { EmbeddedGraphStore } from '../../shared/graph/embedded-store';
import { applyMutations, projectRow } from '../../shared/graph/projection';
import { MAX_PAGE_SIZE } from '../../shared/graph/query';
import { pluralOf, searchGraph } from '../../shared/graph/search';
import { assetRow, attributeRow, riskRow } from './fixtures';

const alice: Whoami = { username: 'alice@example.com', tenant: 'alice@example.com', role: 'readonly', credential: 'jwt' };

describe('POST /my graph search', () => {
  const graph = new EmbeddedGraphStore();
  beforeAll(async () => {
    const asset = assetRow(alice.tenant, 'example.com');
    for (const row of [asset, riskRow(alice.tenant, asset.key as string, 'example.com', 'xss'), attributeRow(alice.tenant, asset.key as string, 'port', '80')])
      await applyMutations(graph, projectRow(row));
  });

  const run = async (body: unknown) => ({ status: 200, body: await searchGraph(graph, alice, body) });
  const rejection = async (body: unknown) => {
    const error = await run(body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    return { status: domainErrorResponse(error)!.status, message: (error as DomainError).message };
  };

  test('answers 200 with the plural of the first label', async () => {
    const query = (label: string) => ({ node: { labels: [label], filters: [{ field: 'key', operator: 'STARTS WITH', value: '#' }] } });
    expect(await run(query('Asset'))).toEqual({ status: 200, body: { assets: [expect.objectContaining({ dns: 'example.com' })] } });
    expect(await run(query('Risk'))).toEqual({ status: 200, body: { risks: [expect.objectContaining({ name: 'xss' })] } });
    expect(await run(query('Attribute'))).toEqual({ status: 200, body: { attributes: [expect.objectContaining({ value: '80' })] } });
    expect(await run(query('Seed'))).toEqual({ status: 200, body: { seeds: [] } });
    expect(pluralOf('Technology')).toBe('technologies');
  });

  test('a page larger than the maximum answers 413 "reduce page size"', async () => {
    expect(await rejection({ node: { labels: ['Asset'] }, limit: MAX_PAGE_SIZE + 1 })).toEqual({ status: 413, message: 'reduce page size' });
    expect(await run({ node: { labels: ['Asset'] }, limit: MAX_PAGE_SIZE })).toMatchObject({ status: 200 });
  });

  test.each([
    ['no node', {}, /node/],
    ['no labels', { node: {} }, /at least one label/],
    ['an unknown label', { node: { labels: ['Job'] } }, /labels/],
    ['a field that is not a property name', { node: { labels: ['Asset'], filters: [{ field: 'key) DETACH DELETE (n', operator: '=', value: 1 }] } }, /property name/],
    ['an unknown operator', { node: { labels: ['Asset'], filters: [{ field: 'key', operator: '=~', value: '.*' }] } }, /operator/],
    ['a missing value', { node: { labels: ['Asset'], filters: [{ field: 'key', operator: '=' }] } }, /needs a value/],
    ['IN without a list', { node: { labels: ['Asset'], filters: [{ field: 'key', operator: 'IN', value: 'x' }] } }, /list/],
    ['an unknown relationship type', { node: { labels: ['Asset'], relationships: [{ label: 'OWNS', target: { labels: ['Risk'] } }] } }, /label/],
    ['both source and target', { node: { labels: ['Asset'], relationships: [{ label: 'DISCOVERED', source: {}, target: {} }] } }, /exactly one of source or target/],
    ['a relationship longer than 4 hops', { node: { labels: ['Asset'], relationships: [{ label: 'DISCOVERED', source: {}, length: 5 }] } }, /length is at most 4/],
    ['an empty AND', { node: { labels: ['Asset'], filters: [{ field: '', operator: 'AND', value: [] }] } }, /AND\/OR needs a list/],
    ['a negative page', { node: { labels: ['Asset'] }, page: -1 }, /page/],
  ])('%s answers 400', async (_, body, message) => {
    const { status, message: text } = await rejection(body);
    expect(status).toBe(400);
    expect(text).toMatch(message);
  });

  test('relationships nest only so deep', async () => {
    let node: Record<string, unknown> = { labels: ['Asset'] };
    for (let i = 0; i < 5; i++) node = { labels: ['Asset'], relationships: [{ label: 'DISCOVERED', source: node }] };
    expect(await rejection({ node })).toMatchObject({ status: 400, message: expect.stringMatching(/nest/) });
  });

  test('another tenant sees nothing of alice', async () => {
    const bob: Whoami = { ...alice, username: 'bob@example.com', tenant: 'bob@example.com' };
    expect(await searchGraph(graph, bob, { node: { labels: ['Asset'] } })).toEqual({ assets: [] });
  });
});
