/** File: `#file#<name>` where name is a relative path (`proofs/…`, `definitions/…`); bytes live in the FileStore. */
import * as z from 'zod';
import { assertKeyLength, now, parseInput, type BaseRow } from './common';

export interface FileRow extends BaseRow {
  name: string;
  updated: string;
}

export const FileName = z
  .string({ error: 'name is required' })
  .min(1, 'name is required')
  .max(1000, 'name is too long')
  .refine((n) => !n.startsWith('/') && !n.split('/').some((part) => part === '..' || part === '.' || part === ''), 'name must be a relative path without empty, . or .. segments')
  // `#` is allowed: chariot-ui stores its logo as `#profilePicture#` (the object key URL-encodes it; the row's kind is
  // still the key's second segment, `file`).
  .refine((n) => !/[\u0000-\u001f\u007f\\]/.test(n), 'name must not contain control characters or backslashes');

export const fileKey = (name: string): string => assertKeyLength(`#file#${name}`);

export function newFile(tenant: string, rawName: unknown, at = new Date()): FileRow {
  const name = parseInput(FileName, rawName);
  return { username: tenant, key: fileKey(name), name, updated: now(at) };
}
