import * as z from 'zod';
import { defineRouteGroup } from '../../routing/route-group';

/** The bodies the clients send, documented and bounded; nothing in them is acted on. */
const AnyObject = z.looseObject({});

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
      body: AnyObject,
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
      body: AnyObject,
      notAvailable: 'the credential broker',
      responses: {},
    },
    'DELETE /broker': {
      auth: 'jwt',
      summary: 'praetorian-cli 2.x credential broker (delete): not available here',
      body: AnyObject,
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
