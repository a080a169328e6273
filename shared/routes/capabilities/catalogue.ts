/**
 * The capability catalogue served by `GET /capabilities`: the `AgoraCapability` entries Chariot's
 * clients read (name, target, executor, parameters…). Capabilities run on workers, not in this API,
 * so the catalogue is static data; `PUT /job` also checks requested capability names against it.
 */
export interface AgoraParameter {
  readonly name: string;
  readonly description: string;
  readonly default: string;
  readonly required: boolean;
  readonly type: 'string' | 'int' | 'bool' | 'float';
  readonly options?: readonly string[];
  readonly value?: string;
}

export interface AgoraCapability {
  readonly name: string;
  readonly title: string;
  /** The entity type a job of this capability runs against. */
  readonly target: 'asset' | 'attribute' | 'port' | 'webpage' | 'preseed' | 'risk';
  readonly description: string;
  /** Comma-joined categories, as the Go model serialises them. */
  readonly category: string;
  readonly runs_on: 'any' | 'windows' | 'linux' | 'macos';
  readonly version: string;
  readonly executor: 'chariot' | 'JanusPlugin' | 'aegis';
  readonly surface: 'internal' | 'external' | 'cloud' | 'repository' | 'application';
  readonly integration: boolean;
  readonly parameters: readonly AgoraParameter[];
  readonly async: boolean;
  readonly largeArtifact: boolean;
  readonly hasGlobalConfig: boolean;
}

const base = {
  runs_on: 'any',
  version: '1.0.0',
  executor: 'chariot',
  surface: 'external',
  integration: false,
  parameters: [],
  async: false,
  largeArtifact: false,
  hasGlobalConfig: false,
} as const;

export const CAPABILITIES: readonly AgoraCapability[] = [
  { ...base, name: 'whois', title: 'WHOIS lookup', target: 'asset', category: 'recon', description: 'Registration data of a domain' },
  { ...base, name: 'subdomain', title: 'Subdomain enumeration', target: 'asset', category: 'recon', description: 'Finds subdomains of a domain from passive sources' },
  {
    ...base,
    name: 'portscan',
    title: 'Port scan',
    target: 'asset',
    category: 'recon,network',
    description: 'TCP port discovery on an IP address or host',
    parameters: [{ name: 'ports', description: 'Port list or range', default: 'top-1000', required: false, type: 'string' }],
  },
  { ...base, name: 'nuclei', title: 'Nuclei templates', target: 'port', category: 'vulnerability', description: 'Template-based vulnerability checks against a service', largeArtifact: true },
  { ...base, name: 'crawler', title: 'Web crawler', target: 'webpage', category: 'recon,web', description: 'Crawls a web application for pages and forms', surface: 'application' },
  { ...base, name: 'tls', title: 'TLS certificate check', target: 'port', category: 'recon', description: 'Reads and validates the TLS certificate of a service' },
  { ...base, name: 'github', title: 'GitHub organisation import', target: 'asset', category: 'integration', description: 'Imports repositories of a GitHub organisation', surface: 'repository', integration: true, hasGlobalConfig: true },
  { ...base, name: 'amazon', title: 'AWS account import', target: 'asset', category: 'integration,cloud', description: 'Imports resources of an AWS account', surface: 'cloud', integration: true },
  { ...base, name: 'secrets', title: 'Secret scanning', target: 'asset', category: 'secrets', description: 'Scans a repository for committed secrets', executor: 'JanusPlugin', surface: 'repository', async: true },
  { ...base, name: 'ad-enum', title: 'Active Directory enumeration', target: 'asset', category: 'ad', description: 'Enumerates an Active Directory domain from an agent', executor: 'aegis', surface: 'internal', runs_on: 'windows' },
  { ...base, name: 'risk-retest', title: 'Risk retest', target: 'risk', category: 'vulnerability', description: 'Re-runs the check that found a risk' },
];

export const capabilityNamed = (name: string): AgoraCapability | undefined => CAPABILITIES.find((c) => c.name === name);

/**
 * The capabilities a job request without any runs (praetorian-cli `jobs.add` with no capabilities): the plain
 * recon capabilities of that target kind, run by Chariot itself (no integration, agent or plugin executor).
 */
export const defaultCapabilities = (target: AgoraCapability['target']): string[] =>
  CAPABILITIES.filter((c) => c.target === target && c.executor === 'chariot' && !c.integration && c.category.split(',').includes('recon')).map((c) => c.name);
