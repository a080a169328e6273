/** The graph projection of the table: stores, projection, search and config. */
export * from './model';
export type { GraphStore, SearchWindow } from './store';
export { parseGraphQuery, GraphSearchParams, MAX_PAGE_SIZE, OPERATORS, type GraphQuery, type NodeQuery, type Filter, type RelationshipQuery } from './query';
export { projectRow, projectStreamRecord, applyMutations, type TableStreamRecord } from './projection';
export { EmbeddedGraphStore } from './embedded-store';
export { Neo4jGraphStore, GRAPH_UNAVAILABLE, toGraphError } from './neo4j-store';
export { loadGraphConfig, createGraphStore, sharedGraphStore, type GraphConfig, type Neo4jConfig, type SecretFetcher } from './config';
export { searchGraph, pluralOf, type GraphSearchResult, type GraphTree } from './search';
export { graphWriter } from './graph-writer';
export { rebuildGraph, type RebuildOptions, type RebuildReport } from './rebuild';
