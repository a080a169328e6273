/**
 * Row 11: the asset group's Lambda bundle alone, in a process of its own (`servers/handler-loop.cjs`),
 * answering `GET /asset` events back to back, one at a time as a Lambda container does. Its CPU per
 * request is the Lambda side of issue 16's target, measured the way the services' is.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { routeById } from '../../shared/routing/table';
import type { Fixture } from '../fixture';
import { LoadFigures } from '../results';
import { lastErrorLine } from '../servers/spawn';
import { bundleGroup, coldStartEvent, lambdaEnv } from './cold-start';

export async function measureLambdaHandler(fixture: Fixture, load: { durationSeconds: number; warmupSeconds: number; requests?: number }, notes: string[]): Promise<LoadFigures> {
  const dir = join(fixture.workDir, 'handler-loop');
  const { outfile, bytes } = await bundleGroup('asset', dir);
  const route = routeById('GET /asset')!;
  const eventFile = join(dir, 'asset', 'event.json');
  const resultFile = join(dir, 'result.json');
  writeFileSync(eventFile, JSON.stringify(coldStartEvent(route, { ...fixture.authHeaders }, 'bench-handler')));
  notes.push(`the asset bundle (${Math.round(bytes / 1000)} KB), one invocation at a time, no gateway`);

  const logFile = join(dir, 'handler.log');
  const log = openSync(logFile, 'w');
  const child = spawn(
    process.execPath,
    [join(__dirname, '..', 'servers', 'handler-loop.cjs'), outfile, eventFile, resultFile, String(load.durationSeconds), String(Math.max(0.2, load.warmupSeconds)), String(load.requests ?? '')],
    { env: lambdaEnv(fixture), stdio: ['ignore', log, log] },
  );
  closeSync(log);
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`handler loop exited ${code}: ${lastErrorLine(readFileSync(logFile, 'utf8').slice(-4000))}`);
  const figures = LoadFigures.parse(JSON.parse(readFileSync(resultFile, 'utf8')));
  if (figures.requests === 0) throw new Error(`no invocation answered 2xx: ${lastErrorLine(readFileSync(logFile, 'utf8').slice(-4000))}`);
  return figures;
}
