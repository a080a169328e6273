/**
 * Rebuilds the graph from the table (the system of record): clear, then scan every projected row and apply
 * its projection. Used by `npm run graph:rebuild` and by the local stack at start.
 */
import { DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PROJECTED_PREFIXES, type GraphMutation } from './model';
import { applyMutations, projectRow } from './projection';
import type { GraphStore } from './store';

export interface RebuildOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly store: GraphStore;
  /** Remove the whole graph first (default true); false only upserts, leaving nodes of deleted rows. */
  readonly clear?: boolean;
  /** Rows per scan page, i.e. per graph transaction. */
  readonly pageSize?: number;
}

export interface RebuildReport {
  readonly rowsScanned: number;
  readonly nodesWritten: number;
}


export async function rebuildGraph(options: RebuildOptions): Promise<RebuildReport> {
  const { store, tableName, clear = true, pageSize = 500 } = options;
  const documents = DynamoDBDocumentClient.from(options.client);
  if (clear) await store.clear();

  let rowsScanned = 0;
  let nodesWritten = 0;
  const pages = paginateScan(
    { client: documents, pageSize },
    {
      TableName: tableName,
      FilterExpression: PROJECTED_PREFIXES.map((_, i) => `begins_with(#key, :p${i})`).join(' OR '),
      ExpressionAttributeNames: { '#key': 'key' },
      ExpressionAttributeValues: Object.fromEntries(PROJECTED_PREFIXES.map((prefix, i) => [`:p${i}`, prefix])),
    },
  );
  for await (const page of pages) {
    const items = page.Items ?? [];
    rowsScanned += items.length;
    const mutations = items.flatMap(projectRow);
    // Nodes first, then edges: the same graph as row-by-row order (edges MERGE placeholders either way),
    // but consecutive mutations of one shape batch into a few UNWIND statements on Neo4j.
    const nodes = mutations.filter((m) => m.kind === 'upsertNode');
    const edges = mutations.filter((m): m is GraphMutation => m.kind !== 'upsertNode');
    await applyMutations(store, [...nodes, ...edges]);
    nodesWritten += nodes.length;
  }
  return { rowsScanned, nodesWritten };
}
