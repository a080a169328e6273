/** Jobs, agents, files, keys, capabilities, settings and the other 2.x routes, the webhook (§2.3, §3.7–3.10). */
import { randomUUID } from 'node:crypto';
import { cli1, cli2, hookPath, shownAsNotAvailable, succeeded, TENANT, ui, type CaseContext, type ClientCall } from '../support/catalogue';
import { addAsset, addFile, addJob, addWebhook, rowsOf, uploadFile } from './arrange';

export const JOB_CALLS: readonly ClientCall[] = [
  cli1('jobs.add', 'POST /job {key,capabilities}', 'sdk/entities/jobs.py:8-13', {
    arrange: async (c) => void (c.state.asset = await addAsset(c, 'v1-job-add.example.com')),
    request: (c) => ({ method: 'POST', path: '/job', body: { key: c.state.asset, capabilities: ['whois'] } }),
    reads: succeeded,
  }),
  cli1('jobs.add (default capabilities)', 'POST /job {key}', 'sdk/entities/jobs.py:8-13', {
    arrange: async (c) => void (c.state.asset = await addAsset(c, 'v1-job-default.example.com')),
    request: (c) => ({ method: 'POST', path: '/job', body: { key: c.state.asset } }),
    reads: succeeded,
  }),
  cli2('jobs.add', 'POST /job {key,capabilities,config} (reads a bare list)', 'sdk/entities/jobs.py:66-81; sdk/test/test_job.py:36-44', {
    arrange: async (c) => void (c.state.asset = await addAsset(c, 'v2-job-add.example.com')),
    request: (c) => ({ method: 'POST', path: '/job', body: { key: c.state.asset, capabilities: ['whois'], config: { test_config_key: 'v' } } }),
    reads: ({ status, body }) => {
      expect(status).toBeLessThan(300);
      expect(body[0].config.test_config_key).toBe('v');
    },
  }),
  cli2('jobs.add (unknown capability)', 'POST /job {key,capabilities:["nope"]}', 'sdk/test/test_job.py:30-34', {
    arrange: async (c) => void (c.state.asset = await addAsset(c, 'v2-job-bad.example.com')),
    request: (c) => ({ method: 'POST', path: '/job', body: { key: c.state.asset, capabilities: ['no-such-capability'] } }),
    reads: ({ status, body }) => {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(JSON.stringify(body)).toContain('unknown capability: no-such-capability');
    },
  }),
  ui('useBulkReRunJob (Scan Now)', 'POST /job/ {name:<capability>,key:"#asset#<dns>"} (trailing slash)', 'src/hooks/useJobs.ts:52-60', {
    arrange: async (c) => void (await addAsset(c, 'ui-job-add.example.com')),
    request: () => ({ method: 'POST', path: '/job/', body: { name: 'whois', key: '#asset#ui-job-add.example.com' } }),
    reads: succeeded,
  }),
  ui('useReRunJob', 'POST /job/ {name:<capability>,key:<job key>} (trailing slash)', 'src/hooks/useJobs.ts:12-33', {
    arrange: async (c) => void (c.state.job = await addJob(c, await addAsset(c, 'ui-job-rerun.example.com'))),
    request: (c) => ({ method: 'POST', path: '/job/', body: { name: 'whois', key: c.state.job } }),
    reads: succeeded,
  }),
  ui('useJobsStatus', 'GET /my?key=<job key> (reads jobs[0].status, compared exactly)', 'src/hooks/useJobs.ts:85-110, :112-150', {
    arrange: async (c) => void (c.state.job = await addJob(c, await addAsset(c, 'ui-job-status.example.com'))),
    request: (c) => ({ method: 'GET', path: '/my', query: { key: c.state.job } }),
    reads: ({ status, body }, c) => {
      expect(status).toBe(200);
      expect(body.jobs[0]).toMatchObject({ key: c.state.job, updated: expect.any(String) });
      expect(['JQ', 'JR', 'JF', 'JP']).toContain(body.jobs[0].status);
    },
  }),
  ...([cli1, cli2] as const).map((client, i) =>
    client('agents.affiliation', 'PUT /agent {key,agent:"affiliation"}', i ? 'sdk/chariot.py:282-286; sdk/entities/agents.py:17' : 'sdk/chariot.py:139-143; sdk/entities/agents.py:12-35', {
      arrange: async (c) => void (c.state.asset = await addAsset(c, `v${i + 1}-agent.example.com`)),
      request: (c) => ({ method: 'PUT', path: '/agent', body: { key: c.state.asset, agent: 'affiliation' } }),
      reads: ({ status, body }) => {
        expect(status).toBe(200);
        expect(body).toEqual(expect.any(Object)); // a job; then polled as #job#<key>#system#affiliation
      },
    }),
  ),
];

const uploadCall = (client: typeof cli1, call: string, source: string, name: string) =>
  client(call, 'PUT /file?name=<path> (no body; reads url)', source, {
    request: () => ({ method: 'PUT', path: '/file', query: { name } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.url).toEqual(expect.any(String));
    },
  });

export const FILE_CALLS: readonly ClientCall[] = [
  uploadCall(cli1, 'files.add', 'sdk/chariot.py:107-115', 'home/v1-upload.txt'),
  uploadCall(cli2, 'files.add', 'sdk/chariot.py:232-244', 'home/v2-upload.txt'),
  uploadCall(ui, 'useUploadFile', 'src/hooks/useFiles.ts:41-70', 'home/ui-upload.txt'),
  ui('useUploadFile (logo)', 'PUT /file?name=#profilePicture#', 'src/hooks/profilePicture.ts:10, :42-46', {
    request: () => ({ method: 'PUT', path: '/file', query: { name: '#profilePicture#' } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.url).toEqual(expect.any(String));
    },
  }),
  ui('useGetFile', 'GET /file?name=proofs/… (reads the bytes)', 'src/hooks/useFiles.ts:111-134, :162-205', {
    arrange: (c) => uploadFile(c, 'proofs/ui.example.com/x', 'proof of concept'),
    request: () => ({ method: 'GET', path: '/file', query: { name: 'proofs/ui.example.com/x' } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body).toBe('proof of concept'); // the body is the file, not {url}
    },
  }),
  cli1('files.get', 'GET /file?name=<path> (reads resp.content after redirects)', 'sdk/chariot.py:117-124', {
    arrange: (c) => addFile(c, 'home/v1-download.txt'),
    request: () => ({ method: 'GET', path: '/file', query: { name: 'home/v1-download.txt' } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(typeof body === 'object' && body && 'url' in body).toBe(false);
    },
    knownFailing: 'answers {url}: 1.6.5 sends the same headers as 2.x, which reads {url}; 1.6.5 loses this conflict',
  }),
  cli2('files.get', 'GET /file?name=<path> (reads {url})', 'sdk/chariot.py:246-271', {
    arrange: (c) => addFile(c, 'home/v2-download.txt'),
    request: () => ({ method: 'GET', path: '/file', query: { name: 'home/v2-download.txt' } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.url).toEqual(expect.any(String));
    },
  }),
  cli2('files.get (global enrichment)', 'GET /file?name=enrichments/…&global=true', 'sdk/chariot.py:278-280', {
    request: () => ({ method: 'GET', path: '/file', query: { name: 'enrichments/cve/CVE-2024-3400.json', global: 'true' } }),
    reads: ({ status }) => expect([200, 404]).toContain(status), // nothing is in the global partition here
  }),
  ...([cli1, cli2] as const).map((client, i) =>
    client('files.delete', 'DELETE /file?name=<path> {}', i ? 'sdk/entities/files.py:110' : 'sdk/entities/files.py:45', {
      arrange: (c) => addFile(c, `home/v${i + 1}-delete.txt`),
      request: () => ({ method: 'DELETE', path: '/file', query: { name: `home/v${i + 1}-delete.txt` }, body: {} }),
      reads: async (answer, c) => {
        succeeded(answer);
        expect(await rowsOf(c, `#file#home/v${i + 1}-delete.txt`, 'files')).toEqual([]);
      },
    }),
  ),
  cli2('files.add_encrypted', 'PUT /encrypted-file?name=_encrypted/… (raw bytes)', 'sdk/chariot.py:233-234', {
    request: () => ({ method: 'PUT', path: '/encrypted-file', query: { name: '_encrypted/secret.txt' }, rawBody: 'the secret' }),
    reads: succeeded,
  }),
  cli2('files.get_encrypted', 'GET /encrypted-file?name=_encrypted/… (Accept: application/octet-stream)', 'sdk/chariot.py:250-254', {
    arrange: async (c) => void (await c.native('PUT', '/encrypted-file', { query: { name: '_encrypted/read.txt' }, rawBody: 'read me' })),
    request: () => ({ method: 'GET', path: '/encrypted-file', query: { name: '_encrypted/read.txt' }, headers: { accept: 'application/octet-stream' } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body).toBe('read me'); // resp.content
    },
  }),
];

const notYet = (client: typeof cli2, call: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH', path: string, body: unknown, source: string): ClientCall =>
  client(call, `${method} ${path}${body === undefined ? '' : ` ${JSON.stringify(body)}`}`, source, { request: () => ({ method, path, body }), reads: succeeded });

/** A call whose machinery this deployment lacks: what the client shows is the 501 error (shownAsNotAvailable). */
const notAvailableCall = (client: typeof cli2, call: string, method: 'GET' | 'POST' | 'DELETE', path: string, body: unknown, source: string): ClientCall =>
  client(call, `${method} ${path} (answers 501: not available here)`, source, { request: () => ({ method, path, body }), reads: shownAsNotAvailable });

export const KEY_AND_2X_CALLS: readonly ClientCall[] = [
  cli2('keys.add', 'POST /key {name,expires} (reads a bare {key,name,secret})', 'sdk/entities/keys.py:30-39; sdk/test/test_key.py:15-20', {
    request: () => ({ method: 'POST', path: '/key', body: { name: 'v2-key', expires: '2099-01-01T00:00:00Z' } }),
    reads: ({ status, body }) => {
      expect(status).toBeLessThan(300);
      expect(body).toMatchObject({ key: expect.stringMatching(/^#key#/), name: 'v2-key', secret: expect.any(String) });
    },
  }),
  cli2('keys.delete', 'DELETE /key {key}', 'sdk/entities/keys.py:90-97', {
    arrange: async (c) => void (c.state.key = (await c.native('POST', '/key', { body: { name: 'v2-key-delete' } })).body.key),
    request: (c) => ({ method: 'DELETE', path: '/key', body: { key: c.state.key } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: 'D', deleted: expect.any(String), deleter: TENANT });
    },
  }),
  cli2('keychain.login (API key)', 'GET /token + X-GUARD-API-KEY-ID/SECRET, no Authorization', 'sdk/keychain.py:96-110', {
    arrange: async (c) => void (c.state.apiKey = (await c.native('POST', '/key', { body: { name: 'v2-login' } })).body.token),
    request: (c) => {
      const [id, secret] = c.state.apiKey.split('.');
      return { method: 'GET', path: '/token', as: null, headers: { 'x-guard-api-key-id': id, 'x-guard-api-key-secret': secret } };
    },
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.token ?? body.IdToken).toEqual(expect.any(String));
    },
  }),
  cli2('capabilities.list', 'GET /capabilities?name=&target=&executor= (reads a bare list)', 'sdk/entities/capabilities.py:58; handlers/run.py:219-225', {
    request: () => ({ method: 'GET', path: '/capabilities', query: { name: '', target: '', executor: '' } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(Array.isArray(body) && body.length > 0).toBe(true);
    },
  }),
  notYet(cli2, 'settings.add', 'PUT', '/setting', { name: 'scan-level', value: 'A' }, 'sdk/entities/settings.py:22'),
  notYet(cli2, 'settings.delete', 'DELETE', '/setting', { name: 'scan-level' }, 'sdk/entities/settings.py:50'),
  notYet(cli2, 'configurations.add', 'PUT', '/configuration', { name: 'customer_type', value: 'x' }, 'sdk/entities/configurations.py:17-20'),
  notYet(cli2, 'configurations.delete', 'DELETE', '/configuration', { name: 'customer_type' }, 'sdk/entities/configurations.py:27-30'),
  notAvailableCall(cli2, 'agents.planner', 'POST', '/planner', { message: 'hi', mode: 'query' }, 'sdk/entities/agents.py:67-72'),
  notAvailableCall(cli2, 'credentials.get', 'POST', '/broker', { Operation: 'get', CredentialID: 'c1', Category: 'integration', Type: 'aws', Format: 'token', Resolution: 'by-target', Parameters: {} }, 'sdk/entities/credentials.py:80-118'),
  notAvailableCall(cli2, 'credentials.add', 'POST', '/broker', { Operation: 'add', ResourceKey: '#account#a#b#c', Category: 'integration', Type: 'aws', Parameters: { label: 'x' } }, 'sdk/entities/credentials.py:13-39'),
  notAvailableCall(cli2, 'credentials.delete', 'DELETE', '/broker', { CredentialID: 'c1', ResourceKey: '#account#a#b#c', Type: 'aws' }, 'sdk/entities/credentials.py:41-60'),
  notAvailableCall(cli2, 'reports.export', 'POST', '/export/report', { status_filter: ['O', 'T'], config: { title: 'Report', client_name: 'Acme', report_date: '2026-01-01', draft: false, retest: false, version: '1.0' }, shared_output: false, customer_email: TENANT, export_format: 'pdf', group_by: 'attack_surface' }, 'sdk/entities/reports.py:94-147'),
  notAvailableCall(cli2, 'aegis.enhanced', 'GET', '/agent/enhanced', undefined, 'sdk/entities/aegis.py:65'),
  notAvailableCall(ui, 'useUpgrade', 'POST', '/upgrade', undefined, 'src/hooks/useUpgrade.ts:15'),
  cli2('schema.get', 'GET /schema (indexes the answer by entity type)', 'sdk/entities/schema.py:21', {
    request: () => ({ method: 'GET', path: '/schema' }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.asset).toMatchObject({ type: 'object', properties: expect.any(Object) });
    },
  }),
];

/** All seven days, as the SDK's docstring builds them: Monday 10:00 UTC. */
const WEEK = Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((day) => [day, { enabled: day === 'monday', time: day === 'monday' ? '10:00' : '' }]));
/** A stored schedule's id, made with the route as today's API. */
const addSchedule = async (c: CaseContext): Promise<string> => {
  const answer = await c.native('POST', '/capability/schedule', { body: { capabilityName: 'whois', targetKey: await addAsset(c, 'v2-schedule.example.com'), weeklySchedule: WEEK, startDate: '2030-01-15T00:00:00Z' } });
  if (answer.status !== 200) throw new Error(`arrange schedule: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.scheduleId;
};
const scheduleState = (call: 'pause' | 'resume', status: 'paused' | 'active') =>
  cli2(`schedules.${call}`, `PATCH /capability/schedule/<id>/${call} (reads status)`, 'sdk/entities/schedules.py:196-233; sdk/chariot.py:192-195', {
    arrange: async (c) => {
      c.state.id = await addSchedule(c);
      if (call === 'resume') await c.native('PATCH', `/capability/schedule/${c.state.id}/pause`);
    },
    request: (c) => ({ method: 'PATCH', path: `/capability/schedule/${c.state.id}/${call}` }),
    reads: ({ status: code, body }) => {
      expect(code).toBe(200);
      expect(body.status).toBe(status);
    },
  });

export const SCHEDULE_CALLS: readonly ClientCall[] = [
  cli2('schedules.create', 'POST /capability/schedule {capabilityName,targetKey,weeklySchedule,startDate}', 'sdk/entities/schedules.py:80-136', {
    arrange: async (c) => void (await addAsset(c, 'v2-schedule.example.com')),
    request: () => ({ method: 'POST', path: '/capability/schedule', body: { capabilityName: 'whois', targetKey: '#asset#v2-schedule.example.com#v2-schedule.example.com', weeklySchedule: WEEK, startDate: '2030-01-15T00:00:00Z' } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body).toMatchObject({ scheduleId: expect.stringMatching(/^[a-f0-9-]+$/), capabilityName: 'whois', status: 'active', weeklySchedule: WEEK });
    },
  }),
  cli2('schedules.list', 'GET /my?key=#capability_schedule# (reads capabilityschedules)', 'sdk/entities/schedules.py:22-58', {
    arrange: async (c) => void (c.state.id = await addSchedule(c)),
    request: () => ({ method: 'GET', path: '/my', query: { key: '#capability_schedule#' } }),
    reads: ({ status, body }, c) => {
      expect(status).toBe(200);
      expect(body.capabilityschedules).toEqual(expect.arrayContaining([expect.objectContaining({ scheduleId: c.state.id, capabilityName: 'whois', status: 'active' })]));
    },
  }),
  cli2('schedules.update', 'PUT /capability/schedule/<id> {weeklySchedule}', 'sdk/entities/schedules.py:138-183', {
    arrange: async (c) => void (c.state.id = await addSchedule(c)),
    request: (c) => ({ method: 'PUT', path: `/capability/schedule/${c.state.id}`, body: { weeklySchedule: { ...WEEK, friday: { enabled: true, time: '14:00' } } } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.weeklySchedule.friday).toEqual({ enabled: true, time: '14:00' });
    },
  }),
  cli2('schedules.delete', 'DELETE /capability/schedule/<id> {}', 'sdk/entities/schedules.py:185-194', {
    arrange: async (c) => void (c.state.id = await addSchedule(c)),
    request: (c) => ({ method: 'DELETE', path: `/capability/schedule/${c.state.id}`, body: {} }),
    reads: succeeded,
  }),
  scheduleState('pause', 'paused'),
  scheduleState('resume', 'active'),
];

const PAGE = 'https://v2-webpage.example.com/login';
const addPage = async (c: CaseContext): Promise<void> => void (await c.native('POST', '/webpage', { body: { webpage: { url: PAGE, status: 'A' } } }));

export const WEBPAGE_CALLS: readonly ClientCall[] = [
  cli2('webpage.add', 'POST /webpage {"webpage":{"url":…,"status":"A"},"parent_key":…} (reads the webpage)', 'sdk/entities/webpage.py:11-61', {
    request: () => ({ method: 'POST', path: '/webpage', body: { webpage: { url: 'https://v2-webpage.example.com/admin', status: 'A' }, parent_key: '#webapplication#https://v2-webpage.example.com/' } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body).toMatchObject({ key: '#webpage#https://v2-webpage.example.com/admin', url: 'https://v2-webpage.example.com/admin', status: 'A' });
    },
  }),
  cli2('webpage.delete', 'DELETE /webpage {"webpage":{"key":…}}', 'sdk/entities/webpage.py:131-142', {
    arrange: addPage,
    request: () => ({ method: 'DELETE', path: '/webpage', body: { webpage: { key: `#webpage#${PAGE}` } } }),
    reads: succeeded,
  }),
  ...(['PUT', 'DELETE'] as const).map((method) =>
    cli2(method === 'PUT' ? 'webpages.link_source' : 'webpages.unlink_source', `${method} /webpage/link {webpageKey,entityKey} (needs exactly 200)`, 'sdk/entities/webpages.py:41-85; webpage.py:160, :178', {
      arrange: async (c) => {
        await addPage(c);
        if (method === 'DELETE') await c.native('PUT', '/webpage/link', { body: { webpageKey: `#webpage#${PAGE}`, entityKey: '#file#src/login.ts' } });
      },
      request: () => ({ method, path: '/webpage/link', body: { webpageKey: `#webpage#${PAGE}`, entityKey: '#file#src/login.ts' } }),
      reads: ({ status }) => expect(status).toBe(200),
    }),
  ),
];

export const HOOK_CALLS: readonly ClientCall[] = [
  ...([cli1, cli2] as const).flatMap((client, i) => [
    client('test_webhook (asset)', 'PUT /hook/<b64 tenant>/<pin> {dns,name}', 'sdk/test/test_webhook.py:27-35', {
      arrange: async (c) => {
        c.state.pin = randomUUID();
        await addWebhook(c, c.state.pin);
      },
      request: (c) => ({ method: 'PUT', path: hookPath(TENANT, c.state.pin), as: null, body: { dns: `v${i + 1}-hook.example.com`, name: `v${i + 1}-hook.example.com` } }),
      reads: async ({ status }, c) => {
        expect(status).toBe(200);
        const key = `#asset#v${i + 1}-hook.example.com#v${i + 1}-hook.example.com`;
        const attributes = await rowsOf(c, `source:${key}`, 'attributes');
        expect(attributes).toEqual([expect.objectContaining({ name: 'source', value: 'webhook', source: key })]);
      },
    }),
    client('test_webhook (risk)', 'PUT /hook/<b64 tenant>/<pin> {dns,name,finding}', 'sdk/test/test_webhook.py:39-48', {
      arrange: async (c) => {
        c.state.pin = randomUUID();
        await addWebhook(c, c.state.pin);
      },
      request: (c) => ({ method: 'PUT', path: hookPath(TENANT, c.state.pin), as: null, body: { dns: `v${i + 1}-hookrisk.example.com`, name: `v${i + 1}-hookrisk.example.com`, finding: 'hook-finding' } }),
      reads: async ({ status }, c) => {
        expect(status).toBe(200);
        const key = `#risk#v${i + 1}-hookrisk.example.com#hook-finding`;
        expect(await rowsOf(c, `source:${key}`, 'attributes')).toEqual([expect.objectContaining({ name: 'source', value: 'webhook', source: key })]);
      },
    }),
  ]),
];
