import type { RouteId } from '../routing/routes';
import type { Operation } from './operation';
import { accountOperations } from '../services/account/operations';
import { assetOperations } from '../services/asset/operations';
import { attributeOperations } from '../services/attribute/operations';
import { capabilitiesOperations } from '../services/capabilities/operations';
import { fileOperations } from '../services/file/operations';
import { hookOperations } from '../services/hook/operations';
import { jobOperations } from '../services/job/operations';
import { keyOperations } from '../services/key/operations';
import { tokenOperations } from '../services/token/operations';
import { riskOperations } from '../services/risk/operations';
import { searchOperations } from '../services/search/operations';

/**
 * Every route id in the route table → its operation, for both runtimes. Each route group keeps its
 * operations next to its service (`shared/services/<group>/`); `operations.test.ts` checks this map
 * and the route table name exactly the same routes.
 */
export const OPERATIONS: Readonly<Record<RouteId, Operation>> = {
  ...searchOperations,
  ...assetOperations,
  ...riskOperations,
  ...attributeOperations,
  ...hookOperations,
  ...accountOperations,
  ...keyOperations,
  ...tokenOperations,
  ...jobOperations,
  ...fileOperations,
  ...capabilitiesOperations,
};
