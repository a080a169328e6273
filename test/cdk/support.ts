import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp, type ChariotStacks } from '../../bin/build-app';
import { readCdkJsonContext } from '../../tooling/deploy-config/load';
import { REPO_ROOT } from '../../tooling/paths';

/** The context the CDK CLI would pass: cdk.json context, cdk.context.json (AZ lookups), then `-c` overrides. */
export function cliContext(overrides: Record<string, unknown> = {}, { bundling = false } = {}): Record<string, unknown> {
  const lookups = JSON.parse(readFileSync(path.join(REPO_ROOT, 'cdk.context.json'), 'utf8')) as Record<string, unknown>;
  return {
    ...readCdkJsonContext(),
    ...lookups,
    // prod's cdk.json values are examples; the deploy guard refuses them unless told (tooling/deploy-config/placeholders.ts).
    allowPlaceholders: 'true',
    // Skips esbuild for speed; one test keeps real bundling.
    ...(bundling ? {} : { 'aws:cdk:bundling-stacks': [] }),
    ...overrides,
  };
}

const synthesized = new Map<string, ReturnType<typeof synthUncached>>();

/** Every stack of the app, data first. */
export const stacksOf = (stacks: ChariotStacks): Stack[] => [stacks.data, stacks.network, ...stacks.services.values(), stacks.api];

/** One template holding every stack's resources (logical ids are unique across the app's stacks), for assertions that do not care where a resource lives. */
export function mergedTemplate(templates: readonly Template[]): Template {
  const resources: Record<string, unknown> = {};
  for (const template of templates) {
    for (const [id, resource] of Object.entries((template.toJSON().Resources ?? {}) as Record<string, unknown>)) {
      if (id in resources) throw new Error(`logical id ${id} appears in two stacks`);
      resources[id] = resource;
    }
  }
  return Template.fromJSON({ Resources: resources });
}

function synthUncached(overrides: Record<string, unknown>, options: { bundling?: boolean }) {
  const app = new App({ context: cliContext(overrides, options) });
  const built = buildApp(app);
  // Template.fromStack runs the cdk-nag plugin: any unacknowledged finding throws "Validation failed".
  const templates = new Map(stacksOf(built.stacks).map((stack) => [stack, Template.fromStack(stack)]));
  return { app, ...built, templates, template: mergedTemplate([...templates.values()]) };
}

/**
 * Builds and synthesizes one environment (memoized per test file: synth is the slow part).
 * Throws on a bad flag/config, or on any unacknowledged cdk-nag finding.
 */
export function synth(overrides: Record<string, unknown> = {}, options: { bundling?: boolean } = {}) {
  const key = JSON.stringify([overrides, options]);
  if (!synthesized.has(key)) synthesized.set(key, synthUncached(overrides, options));
  return synthesized.get(key)!;
}

type Resources = Record<string, { Type: string; Properties?: Record<string, any> }>;

export function resourcesOfType(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}

/** The logical id of the API Gateway route whose RouteKey is `id` (`GET /asset`). */
export function routeLogicalId(template: Template, id: string): string {
  const ids = Object.entries(resourcesOfType(template, 'AWS::ApiGatewayV2::Route'))
    .filter(([, r]) => r.Properties?.RouteKey === id)
    .map(([logicalId]) => logicalId);
  if (ids.length !== 1) throw new Error(`expected one route ${id}, found ${ids.length}`);
  return ids[0];
}

/** The properties of the API Gateway route `id`. */
export function routeResource(template: Template, id: string) {
  return resourcesOfType(template, 'AWS::ApiGatewayV2::Route')[routeLogicalId(template, id)].Properties!;
}

/** The integration a route points at (`Target: integrations/<Ref>`). */
export function integrationOf(template: Template, id: string) {
  const target = routeResource(template, id).Target as { 'Fn::Join': [string, [string, { Ref: string }]] };
  const logicalId = target['Fn::Join'][1][1].Ref;
  return { logicalId, properties: resourcesOfType(template, 'AWS::ApiGatewayV2::Integration')[logicalId].Properties! };
}
