/**
 * Graph kinds beyond assets, risks and attributes, with Chariot's key formats (tabularium): each is a table row
 * like any other, and the graph projection turns it into a node (shared/graph/model.ts NODE_KINDS says which
 * label and which owned relationship). Their HTTP routes (`PUT /seed`, `POST /preseed`, …) come later; the
 * builders here are what those routes and the webhook will call.
 */
import { invalidInput } from '../errors';
import { compact, cutToFit, future, now, TTL_HOURS, type BaseRow } from './common';

const PARENT_ASSET = /^#asset(#[^#]+){2,}$/;
const URL_PATTERN = /^https?:\/\/[^\s]+$/i;
const MAX_URL_KEY_BYTES = 2048;

interface Timestamps {
  created: string;
  visited: string;
  ttl: number;
}
const stamps = (at: Date): Timestamps => ({ created: now(at), visited: now(at), ttl: future(TTL_HOURS.asset, at) });

/** Port `#port#<protocol>#<port><asset key>`: the graph's `(Asset)-[:HAS_PORT]->(Port)`. */
export interface Port extends BaseRow, Timestamps {
  source: string;
  protocol: 'tcp' | 'udp';
  port: number;
  service?: string;
  status: string;
}
export const portKey = (protocol: string, port: number, assetKey: string) => `#port#${protocol}#${port}${assetKey}`;
export function newPort(tenant: string, assetKey: string, input: { protocol: 'tcp' | 'udp'; port: number; service?: string }, at = new Date()): Port {
  if (!PARENT_ASSET.test(assetKey)) throw invalidInput('a port needs the key of its asset');
  if (!Number.isInteger(input.port) || input.port < 1 || input.port > 65535) throw invalidInput('port must be 1-65535');
  return compact({ username: tenant, key: portKey(input.protocol, input.port, assetKey), source: assetKey, ...input, status: 'A', ...stamps(at) });
}

/** Technology `#technology#<CPE 2.3>`; `source` is the asset that runs it: `(Asset)-[:HAS_TECHNOLOGY]->(Technology)`. */
export interface Technology extends BaseRow, Timestamps {
  cpe: string;
  name?: string;
  source?: string;
}
const CPE = /^cpe:2\.3(:[^:]+){11}$/;
export function newTechnology(tenant: string, cpe: string, assetKey?: string, at = new Date()): Technology {
  if (!CPE.test(cpe)) throw invalidInput('cpe must be a 13-part CPE 2.3 formatted string');
  if (assetKey !== undefined && !PARENT_ASSET.test(assetKey)) throw invalidInput('source must be an asset key');
  return compact({ username: tenant, key: `#technology#${cpe}`, cpe, name: cpe.split(':')[4], source: assetKey, ...stamps(at) });
}

/** Lower-cased scheme and host, no default port, `/` for an empty path, no query or fragment (Chariot's normalize). */
export function normaliseUrl(raw: string): string {
  if (!URL_PATTERN.test(raw)) throw invalidInput('url must be an http(s) URL');
  const url = new URL(raw);
  return `${url.protocol}//${url.host}${url.pathname || '/'}`;
}

/** WebApplication `#webapplication#<normalised URL>` (labels WebApplication + Asset; a seed when source is `seed`). */
export interface WebApplication extends BaseRow, Timestamps {
  primary_url: string;
  name: string;
  source: string;
  status: string;
}
export function newWebApplication(tenant: string, url: string, input: { name?: string; source?: 'self' | 'seed' } = {}, at = new Date()): WebApplication {
  const primary = normaliseUrl(url);
  const prefix = '#webapplication#';
  const source = input.source ?? 'self';
  return { username: tenant, key: prefix + cutToFit(prefix, primary, '', MAX_URL_KEY_BYTES), primary_url: primary, name: input.name ?? primary, source, status: source === 'seed' ? 'P' : 'A', ...stamps(at) };
}

/** Webpage `#webpage#<URL>`; `parent` is its web application: `(WebApplication)-[:HAS_WEBPAGE]->(Webpage)`. */
export interface Webpage extends BaseRow, Timestamps {
  url: string;
  parent?: string;
  status: string;
}
export function newWebpage(tenant: string, url: string, webApplicationKey?: string, at = new Date()): Webpage {
  if (!URL_PATTERN.test(url)) throw invalidInput('url must be an http(s) URL');
  if (webApplicationKey !== undefined && !webApplicationKey.startsWith('#webapplication#')) throw invalidInput('parent must be a web application key');
  const prefix = '#webpage#';
  return compact({ username: tenant, key: prefix + cutToFit(prefix, url, '', MAX_URL_KEY_BYTES), url, parent: webApplicationKey, status: 'A', ...stamps(at) });
}

/** ADDomain `#addomain#<lower(domain)>#<UPPER(object id)>` (labels ADDomain + ADObject + Asset; a seed when source is `seed`). */
export interface ADDomain extends BaseRow, Timestamps {
  domain: string;
  objectid: string;
  name: string;
  source: string;
  status: string;
}
export function newADDomain(tenant: string, domain: string, objectId: string, input: { source?: 'self' | 'seed' } = {}, at = new Date()): ADDomain {
  if (!/^[^#\s]+$/.test(domain) || !/^[A-Fa-fSs0-9-]+$/.test(objectId)) throw invalidInput('domain and object id must be non-empty, without # or spaces');
  const source = input.source ?? 'self';
  return { username: tenant, key: `#addomain#${domain.toLowerCase()}#${objectId.toUpperCase()}`, domain, objectid: objectId.toUpperCase(), name: domain, source, status: source === 'seed' ? 'P' : 'A', ...stamps(at), ttl: 0 };
}

/** Preseed `#preseed#<type>#<title>#<value>` (the value is cut so the key fits 1024 bytes); status `P` by default. */
export interface Preseed extends BaseRow, Timestamps {
  type: string;
  title: string;
  value: string;
  display: string;
  status: string;
}
const DISPLAY: Readonly<Record<string, string>> = { csp: 'base64', favicon: 'image', tlscert: 'tlscert' };
export function newPreseed(tenant: string, input: { type: string; title: string; value: string; status?: string }, at = new Date()): Preseed {
  for (const part of [input.type, input.title]) if (!part || part.includes('#')) throw invalidInput('type and title must be non-empty, without #');
  const prefix = `#preseed#${input.type}#${input.title}#`;
  return {
    username: tenant,
    key: prefix + cutToFit(prefix, input.value, ''),
    type: input.type,
    title: input.title,
    value: input.value,
    display: DISPLAY[input.type] ?? 'text',
    status: input.status ?? 'P',
    ...stamps(at),
  };
}
