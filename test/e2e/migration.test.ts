/**
 * Progressive migration on the real local stack: a canary's weight moves 0 → 50 → 100 → rollback under
 * a steady load (`npm run shift -- --url`), and shadowed routes compare Lambda's answer with the
 * service's. The service perturbs one route's answers (CHARIOT_TEST_PERTURB, test-only) so there is a
 * real difference to find; the other shadowed route must match every time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signIn } from '../../local/emulators';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { contextFromArgs } from '../../tooling/deploy-config/load';
import { formatLiveTable } from '../../tooling/route-report';
import { runShift } from '../../tooling/shift/run';
import { waitFor } from '../support/wait';

/**
 * The observed share of Fargate must be within this many percentage points of the weight: 3 standard
 * deviations of a 50 % split over PHASE_REQUESTS (13.7), plus the up to CONCURRENCY requests already in
 * flight when the weight moved, which the counters attribute to the new phase.
 */
const PHASE_REQUESTS = 120;
const CONCURRENCY = 8;
const TOLERANCE = Math.ceil(300 * Math.sqrt(0.25 / PHASE_REQUESTS) + (100 * CONCURRENCY) / PHASE_REQUESTS);

describe('migration on the local gateway', () => {
  jest.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'chariot-migration-'));
  const logs: string[] = [];
  let stack: LocalStack;
  let token: string;

  beforeAll(async () => {
    process.env.CHARIOT_TEST_PERTURB = 'GET /risk'; // the service processes copy the environment at start
    try {
      stack = await startLocalStack({
        dataDir,
        port: 0,
        context: contextFromArgs(['-c', 'migrate:GET /asset=canary:0', '-c', 'migrate:GET /risk=shadow', '-c', 'migrate:GET /attribute=shadow']),
        log: (line) => logs.push(line),
        logLevel: 'ERROR',
      });
    } finally {
      delete process.env.CHARIOT_TEST_PERTURB;
    }
    ({ idToken: token } = await signIn(stack.endpoints.cognito, stack.userPool, stack.demoUser.email, stack.demoUser.password));
  });

  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = (path: string) => fetch(`${stack.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const live = async () => ((await (await fetch(`${stack.url}/__local/routes`)).json()) as { routes: Parameters<typeof formatLiveTable>[0] }).routes;
  const counts = async (id: string) => (await live()).find((r) => r.route === id)!;
  const shift = async (weight: string) => {
    const lines: string[] = [];
    const code = await runShift(['--url', stack.url, 'GET /asset', weight], { print: (l) => lines.push(l), elb: () => ({}) as never, localGatewayUrl: () => undefined });
    expect({ code, out: lines.join('\n') }).toMatchObject({ code: 0 });
    return lines.join('\n');
  };

  test('0 failed requests while the weight moves 0 → 50 → 100 → rollback; the split follows the weight', async () => {
    const failures: string[] = [];
    let sent = 0;
    let stop = false;
    const worker = async () => {
      while (!stop) {
        sent++;
        const response = await get('/asset');
        const body = await response.text();
        if (response.status !== 200) failures.push(`${response.status} ${body.slice(0, 80)}`);
      }
    };
    const load = Array.from({ length: CONCURRENCY }, worker);
    const phases: { weight: string; lambda: number; fargate: number }[] = [];
    for (const weight of ['0', '50', '100', 'rollback']) {
      if (weight !== '0') expect(await shift(weight)).toMatch(new RegExp(`after +canary:${weight === 'rollback' ? 0 : weight}`));
      const before = (await counts('GET /asset')).runtimes;
      const target = sent + PHASE_REQUESTS;
      await waitFor(`${PHASE_REQUESTS} requests at weight ${weight}`, () => sent >= target, { timeoutMs: 60_000, intervalMs: 10 });
      const after = (await counts('GET /asset')).runtimes;
      phases.push({ weight, lambda: after.lambda.requests - before.lambda.requests, fargate: after.fargate.requests - before.fargate.requests });
    }
    stop = true;
    await Promise.all(load);
    expect(failures).toEqual([]);
    for (const { weight, lambda, fargate } of phases) {
      const percent = weight === 'rollback' ? 0 : Number(weight);
      const observed = (100 * fargate) / (lambda + fargate);
      expect({ weight, observed: Math.abs(observed - percent) <= TOLERANCE }).toEqual({ weight, observed: true });
    }
    console.log(`observed Fargate share per phase: ${phases.map((p) => `${p.weight}→${((100 * p.fargate) / (p.lambda + p.fargate)).toFixed(1)}% of ${p.lambda + p.fargate}`).join(', ')}`);
  });

  test('shadow: identical answers count as matches; an injected difference is counted and logged without the data', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await get('/attribute')).status).toBe(200);
      expect((await get('/risk')).status).toBe(200);
    }
    await waitFor('10 comparisons on each shadowed route', async () => {
      const [attribute, risk] = [await counts('GET /attribute'), await counts('GET /risk')];
      return attribute.shadow.matches + attribute.shadow.mismatches >= 10 && risk.shadow.matches + risk.shadow.mismatches >= 10;
    });
    expect((await counts('GET /attribute')).shadow).toEqual({ matches: 10, mismatches: 0, errors: 0 });
    expect((await counts('GET /risk')).shadow).toEqual({ matches: 0, mismatches: 10, errors: 0 });
    const mismatch = logs.find((l) => l.startsWith('shadow mismatch GET /risk'));
    expect(mismatch).toMatch(/: \$\.perturbed: absent != boolean#[0-9a-f]{6}$/);
    // The callers only ever saw Lambda: the service answered the copies.
    expect((await counts('GET /risk')).runtimes.fargate.requests).toBe(0);

    // Too few matches for the policy's shadow → canary gate (and a perturbed route has none).
    const lines: string[] = [];
    expect(await runShift(['--url', stack.url, 'GET /risk', '10'], { print: (l) => lines.push(l), elb: () => ({}) as never, localGatewayUrl: () => undefined })).toBe(1);
    expect(lines[0]).toMatch(/^error: "GET \/risk" has 0 matched shadow comparisons \(10 mismatches\); the policy wants 100/);

    const table = formatLiveTable(await live());
    expect(table).toMatch(/GET \/risk\s+shadow\s+10 \/ 0\/0 \/ [\d.]+ ms\s+-\s+0\/10\/0/);
    expect(table).toMatch(/GET \/asset\s+canary:0\s+\d+ \/ 0\/0 \/ [\d.]+ ms\s+\d+ \/ 0\/0/);
  });
});
