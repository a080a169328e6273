/**
 * The single DynamoDB table's shape, defined once: the CDK table construct and the local
 * emulator setup (tests and `npm start`) both create the table from this.
 *
 * Partition key `username` is the tenant; sort key `key` is the entity key (`#asset#…`).
 */
export interface IndexSchema {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey?: string;
}

export const TABLE_SCHEMA = {
  partitionKey: 'username',
  sortKey: 'key',
  timeToLiveAttribute: 'ttl',
  /** Global secondary indexes, all projecting every attribute. */
  globalIndexes: [
    /** `GET /my?key=status:JR&label=job`: field searches within a tenant. */
    { indexName: 'byStatus', partitionKey: 'username', sortKey: 'status' },
    { indexName: 'bySource', partitionKey: 'username', sortKey: 'source' },
    { indexName: 'byDns', partitionKey: 'username', sortKey: 'dns' },
    /** `name:`, `ip:` and bare-term searches (chariot-ui's search boxes, praetorian-cli `search.by_name`). */
    { indexName: 'byName', partitionKey: 'username', sortKey: 'name' },
    /** Account rows by member: the tenants a user may act in. */
    { indexName: 'byMember', partitionKey: 'member', sortKey: 'key' },
    /** API key lookup by key id (sparse: only Key rows carry `keyId`). */
    { indexName: 'byKeyId', partitionKey: 'keyId' },
  ] satisfies readonly IndexSchema[],
} as const;
