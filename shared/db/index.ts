/** The single table: client, repository, offsets, schema. */
export { createDocumentClient } from './client';
export { decodeOffset, encodeOffset, parseOffsetKeyRing, type OffsetKeyRing } from './offset';
export * from './repository';
export { TABLE_SCHEMA, type IndexSchema } from './table-schema';
