/**
 * Resolves the CloudFormation values of a synthesized app (Ref, Fn::GetAtt, Fn::Join, Fn::ImportValue
 * across stacks, ...) to strings, the way a deploy would, with each resource's physical value chosen by
 * the caller: plausible AWS values for the binding test, emulator names and ARNs for the artifact suite.
 * Also lists every backend of the app: each Lambda function with its env, each container with env and secrets.
 */
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, any>;
  readonly Metadata?: Record<string, unknown>;
}
export interface CfnTemplate {
  readonly Resources?: Record<string, CfnResource>;
  readonly Outputs?: Record<string, { Value: Json; Export?: { Name: Json } }>;
}

/** What a resource's Ref / GetAtt is (`attribute` undefined for Ref). */
export type PhysicalValue = (resource: { logicalId: string; stack: string; type: string; properties: Record<string, any> }, attribute?: string) => string;

export interface ResolveContext {
  readonly region: string;
  readonly account: string;
  readonly physical: PhysicalValue;
}

export class AppTemplates {
  readonly templates: ReadonlyMap<string, CfnTemplate>;
  private readonly regions: ReadonlyMap<string, { region: string; account: string }>;

  constructor(assembly: CloudAssembly) {
    this.templates = new Map(assembly.stacks.map((stack) => [stack.stackName, stack.template as CfnTemplate]));
    this.regions = new Map(assembly.stacks.map((stack) => [stack.stackName, { region: stack.environment.region, account: stack.environment.account }]));
  }

  /** `value` (a template value in `stack`) as a string; throws on anything it cannot resolve. */
  resolve(stack: string, value: unknown, physical: PhysicalValue): string {
    const { region, account } = this.regions.get(stack) ?? { region: 'us-east-1', account: '123456789012' };
    const resolve = (v: unknown): unknown => {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
      if (Array.isArray(v)) return v.map(resolve);
      const node = v as Record<string, any>;
      if ('Ref' in node) {
        const pseudo: Record<string, string> = {
          'AWS::Region': region,
          'AWS::AccountId': account,
          'AWS::Partition': 'aws',
          'AWS::URLSuffix': 'amazonaws.com',
          'AWS::StackName': stack,
        };
        if (pseudo[node.Ref]) return pseudo[node.Ref];
        return physical(this.resource(stack, node.Ref));
      }
      if ('Fn::GetAtt' in node) {
        const [logicalId, attribute] = Array.isArray(node['Fn::GetAtt']) ? node['Fn::GetAtt'] : String(node['Fn::GetAtt']).split('.');
        return physical(this.resource(stack, logicalId), attribute);
      }
      if ('Fn::Join' in node) return (resolve(node['Fn::Join'][1]) as string[]).join(node['Fn::Join'][0]);
      if ('Fn::Select' in node) return (resolve(node['Fn::Select'][1]) as string[])[Number(resolve(node['Fn::Select'][0]))];
      if ('Fn::Split' in node) return String(resolve(node['Fn::Split'][1])).split(node['Fn::Split'][0]);
      if ('Fn::ImportValue' in node) return this.imported(String(resolve(node['Fn::ImportValue'])), physical);
      throw new Error(`cannot resolve ${JSON.stringify(v)} in ${stack}`);
    };
    const resolved = resolve(value);
    if (typeof resolved !== 'string') throw new Error(`${JSON.stringify(value)} in ${stack} is not a string`);
    return resolved;
  }

  private resource(stack: string, logicalId: string) {
    const resource = this.templates.get(stack)?.Resources?.[logicalId];
    if (!resource) throw new Error(`no resource ${logicalId} in ${stack}`);
    return { logicalId, stack, type: resource.Type, properties: resource.Properties ?? {} };
  }

  private imported(name: string, physical: PhysicalValue): string {
    for (const [stack, template] of this.templates) {
      for (const output of Object.values(template.Outputs ?? {})) {
        if (output.Export && this.resolve(stack, output.Export.Name, physical) === name) return this.resolve(stack, output.Value, physical);
      }
    }
    throw new Error(`no stack exports ${name}`);
  }

  /** Every Lambda function of the app that names its backend (POWERTOOLS_SERVICE_NAME): CDK's own helper functions name none. */
  functions(): { stack: string; logicalId: string; name: string; env: Record<string, unknown>; role?: unknown; assetPath?: string; handler: string }[] {
    return this.ofType('AWS::Lambda::Function').flatMap(({ stack, logicalId, properties, metadata }) => {
      const env = (properties.Environment?.Variables ?? {}) as Record<string, unknown>;
      const name = env.POWERTOOLS_SERVICE_NAME;
      const assetPath = metadata?.['aws:asset:path'] as string | undefined;
      return typeof name === 'string' ? [{ stack, logicalId, name, env, role: properties.Role, assetPath, handler: String(properties.Handler) }] : [];
    });
  }

  /** Every service container of every task definition (not its sidecars): env, and secrets as `{name: valueFrom}`. */
  containers(): { stack: string; logicalId: string; name: string; env: Record<string, unknown>; secrets: Record<string, unknown> }[] {
    return this.ofType('AWS::ECS::TaskDefinition').flatMap(({ stack, logicalId, properties }) =>
      (properties.ContainerDefinitions as Record<string, any>[]).flatMap((container) => {
        const env = Object.fromEntries((container.Environment ?? []).map((e: { Name: string; Value: unknown }) => [e.Name, e.Value]));
        const secrets = Object.fromEntries((container.Secrets ?? []).map((s: { Name: string; ValueFrom: unknown }) => [s.Name, s.ValueFrom]));
        // The service's own container; sidecars (the X-Ray daemon) carry no service name and run no project code.
        return env.POWERTOOLS_SERVICE_NAME ? [{ stack, logicalId, name: String(env.POWERTOOLS_SERVICE_NAME), env, secrets }] : [];
      }),
    );
  }

  ofType(type: string) {
    return [...this.templates].flatMap(([stack, template]) =>
      Object.entries(template.Resources ?? {})
        .filter(([, resource]) => resource.Type === type)
        .map(([logicalId, resource]) => ({ stack, logicalId, properties: resource.Properties ?? {}, metadata: resource.Metadata })),
    );
  }

  /** The template resource a value refers to directly (`{Ref}` or `{Fn::GetAtt}`), following imports; undefined otherwise. */
  referenced(stack: string, value: unknown): { stack: string; logicalId: string; type: string; properties: Record<string, any> } | undefined {
    const node = value as Record<string, any>;
    if (node && typeof node === 'object' && 'Ref' in node) return this.templates.get(stack)?.Resources?.[node.Ref] ? this.resource(stack, node.Ref) : undefined;
    if (node && typeof node === 'object' && 'Fn::GetAtt' in node) return this.resource(stack, node['Fn::GetAtt'][0]);
    if (node && typeof node === 'object' && 'Fn::ImportValue' in node) {
      for (const [other, template] of this.templates) {
        for (const output of Object.values(template.Outputs ?? {})) {
          if (output.Export && JSON.stringify(output.Export.Name) === JSON.stringify(node['Fn::ImportValue'])) return this.referenced(other, output.Value);
          if (output.Export && typeof node['Fn::ImportValue'] === 'string' && output.Export.Name === node['Fn::ImportValue']) return this.referenced(other, output.Value);
        }
      }
    }
    return undefined;
  }
}

/** The secret resource a container secret's ValueFrom points at (a Ref, or a Join of a Ref and a field); undefined when imported. */
export function secretResourceOf(templates: AppTemplates, stack: string, valueFrom: unknown) {
  const join = (valueFrom as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  for (const part of join ? join[1] : [valueFrom]) {
    const resource = templates.referenced(stack, part);
    if (resource?.type === 'AWS::SecretsManager::Secret') return resource;
  }
  return undefined;
}

/** The JSON field an ECS secret's ValueFrom selects (`<arn>:<field>::`), if any. */
export const secretFieldOf = (resolvedValueFrom: string): string | undefined => /:([A-Za-z0-9_]+)::$/.exec(resolvedValueFrom)?.[1];

/** Plausible deployed values (the binding test): names and ARNs in the shapes AWS gives them. */
export function plausibleValue(region: string, account: string): PhysicalValue {
  return ({ logicalId, type }, attribute) => {
    if (type === 'AWS::SecretsManager::Secret') return `arn:aws:secretsmanager:${region}:${account}:secret:${logicalId}-AbCdEf`;
    if (type === 'AWS::DynamoDB::Table') return attribute ? `arn:aws:dynamodb:${region}:${account}:table/${logicalId}${attribute === 'StreamArn' ? '/stream/2026-01-01T00:00:00.000' : ''}` : logicalId;
    if (type === 'AWS::S3::Bucket') return attribute ? `arn:aws:s3:::${logicalId.toLowerCase()}` : logicalId.toLowerCase();
    if (type === 'AWS::Cognito::UserPool') {
      if (attribute === 'ProviderURL') return `https://cognito-idp.${region}.amazonaws.com/${region}_${logicalId.slice(0, 9)}`;
      return attribute ? `arn:aws:cognito-idp:${region}:${account}:userpool/${region}_${logicalId.slice(0, 9)}` : `${region}_${logicalId.slice(0, 9)}`;
    }
    return attribute ? `arn:aws:${type.split('::')[1].toLowerCase()}:${region}:${account}:${logicalId}` : logicalId;
  };
}
