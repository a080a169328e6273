/** Attributes of an asset or risk: list, add-or-update, delete. */
import { BulkRequest } from '../../clients/bulk';
import * as z from 'zod';
import type { ApiDependencies } from '../../api/dependencies';
import { requireRole } from '../../auth/authenticate';
import type { Whoami } from '../../auth/whoami';
import { invalidInput, notFound } from '../../errors';
import { AttributeInput, entityType, newAttribute, parseEntityKey, parseInput, type Attribute, type BaseRow } from '../../model';
import type { ListQuery } from '../../api/input';
import { listEntities } from '../../api/list';

type Deps = Pick<ApiDependencies, 'repository'>;

export const listAttributes = (deps: Deps, whoami: Whoami, query: ListQuery) => listEntities<Attribute>(deps, whoami, 'attribute', query);

/** `PUT /attribute`: `key` is the parent's (asset or risk) key. */
export const AttributeRequest = AttributeInput.extend({ key: z.string({ error: 'key (the parent asset or risk key) is required' }) });

/** Analyst or above. 404 when the parent does not exist; an existing attribute is merged (status, metadata). */
export async function putAttribute(deps: Deps, whoami: Whoami, body: unknown): Promise<Attribute> {
  requireRole(whoami, 'analyst');
  const { key, ...input } = parseInput(AttributeRequest, body);
  const parentKey = parseEntityKey(key);
  const parentType = entityType(parentKey);
  if (parentType !== 'asset' && parentType !== 'risk') throw invalidInput('key must be the key of an asset or risk');
  const incoming = newAttribute(whoami.tenant, parentKey, input);
  const repository = deps.repository(whoami);
  if (!(await repository.get<BaseRow>(parentKey))) throw notFound(`${parentType} ${parentKey} not found`);
  return (await repository.upsert(incoming, 'merge')).row;
}

/** Analyst or above. Attributes have no soft delete: the row goes (and its graph node with it). */
export async function removeAttribute(deps: Deps, whoami: Whoami, key: unknown): Promise<Attribute> {
  requireRole(whoami, 'analyst');
  const attributeKey = parseEntityKey(key, 'attribute');
  const removed = await deps.repository(whoami).remove<Attribute>(attributeKey);
  if (!removed) throw notFound(`${attributeKey} not found`);
  return removed;
}

/** `POST /bulk/attribute` (praetorian-cli 2.x): every item checked first, then each written like `PUT /attribute`. */
export async function bulkAttributes(deps: Deps, whoami: Whoami, body: unknown): Promise<Attribute[]> {
  requireRole(whoami, 'analyst');
  const items = parseInput(BulkRequest, body).items;
  for (const item of items) {
    const { key, ...input } = parseInput(AttributeRequest, item);
    newAttribute(whoami.tenant, parseEntityKey(key), input);
  }
  const written: Attribute[] = [];
  for (const item of items) written.push(await putAttribute(deps, whoami, item));
  return written;
}
