/** Attributes of an asset or risk: list, add-or-update, delete. */
import * as z from 'zod';
import type { ApiDependencies } from '../../api/dependencies';
import { requireRole } from '../../auth/authenticate';
import type { Whoami } from '../../auth/whoami';
import { invalidInput, notFound } from '../../errors';
import { AttributeInput, entityType, newAttribute, parseEntityKey, parseInput, type Attribute, type BaseRow } from '../../model';
import type { ListQuery } from '../input';
import { listEntities } from '../list';

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
