import * as z from 'zod';
import { defineRouteGroup } from '../../routing/route-group';

/** The bodies praetorian-cli 2.x sends, documented (nothing in them is acted on). */
const PlannerRequest = z.looseObject({ message: z.string().optional(), mode: z.string().optional(), conversationId: z.string().optional() });
/** `credentials.add|get|delete` (sdk/entities/credentials.py): Go-style capitalised fields. */
const BrokerRequest = z.looseObject({
  Operation: z.string().optional(),
  CredentialID: z.string().optional(),
  ResourceKey: z.string().optional(),
  Category: z.string().optional(),
  Type: z.string().optional(),
  Format: z.union([z.string(), z.array(z.string())]).optional(),
  Resolution: z.string().optional(),
  Parameters: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Routes Chariot's clients call whose machinery this deployment does not have. Each answers 501
 * `{"error": "<machinery> is not available in this deployment"}` after authentication (so tenants and roles
 * behave as everywhere else): the SDKs raise it as `[501] Request failed` with that text, chariot-ui shows the
 * error. Nothing is faked (docs/client-compat.md, "Answered as not available"). Building the machinery means
 * moving the route into a real group.
 */
export default defineRouteGroup({
  name: 'unavailable',
  service: 'operations',
  access: { table: 'read' },
  routes: {
    'POST /planner': {
      auth: 'jwt',
      summary: 'praetorian-cli 2.x AI planner conversation: not available here (no LLM)',
      body: PlannerRequest,
      notAvailable: 'the AI planner (an LLM agent)',
      responses: {},
    },
    'GET /agent/enhanced': {
      auth: 'jwt',
      summary: 'praetorian-cli 2.x Aegis agent list: not available here (no Aegis agents can connect)',
      notAvailable: 'Aegis agents (the remote agents and their tunnels)',
      responses: {},
    },
    'POST /broker': {
      auth: 'jwt',
      summary: 'praetorian-cli 2.x credential broker (add/get): not available here',
      body: BrokerRequest,
      notAvailable: 'the credential broker',
      responses: {},
    },
    'DELETE /broker': {
      auth: 'jwt',
      summary: 'praetorian-cli 2.x credential broker (delete): not available here',
      body: BrokerRequest,
      notAvailable: 'the credential broker',
      responses: {},
    },
    'POST /upgrade': {
      auth: 'jwt',
      summary: "chariot-ui's plan upgrade: not available here (no licensing)",
      notAvailable: 'licensing (plan upgrades)',
      responses: {},
    },
  },
});
