/**
 * X-Ray on Fargate, end to end without AWS: a UDP socket stands in for the daemon sidecar (the SDK sends segments
 * to AWS_XRAY_DAEMON_ADDRESS over UDP), a Hono app on @hono/node-server traces its requests, and the segment that
 * arrives continues the caller's trace. Off (no daemon address), nothing is wrapped.
 */
import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { traceClient, traceRequests, tracingEnabled } from './xray';

test('tracing is on only where a daemon address is set and Powertools tracing is not switched off', () => {
  expect(tracingEnabled({})).toBe(false);
  expect(tracingEnabled({ AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000' })).toBe(true);
  expect(tracingEnabled({ AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000', POWERTOOLS_TRACE_ENABLED: 'false' })).toBe(false);
  const client = { send: async () => ({}) };
  expect(traceClient(client)).toBe(client); // this process has no daemon address
});

test('a service request becomes a segment, continuing the X-Amzn-Trace-Id, sent to the daemon', async () => {
  const daemon = createSocket('udp4');
  await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
  const received = new Promise<string>((resolve) => daemon.once('message', (message) => resolve(message.toString())));
  // The SDK reads the address when it first loads, which traceRequests does.
  process.env.AWS_XRAY_DAEMON_ADDRESS = `127.0.0.1:${(daemon.address() as AddressInfo).port}`;
  const app = new Hono();
  app.use(traceRequests('inventory') as never);
  app.get('/asset', (c) => c.json({ ok: true }));
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  try {
    await new Promise((resolve) => server.once('listening', resolve));
    const root = '1-5759e988-bd862e3fe1be46a994272793';
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/asset`, {
      headers: { 'x-amzn-trace-id': `Root=${root};Parent=53995c3f42cd8ad8;Sampled=1` },
    });
    expect(response.status).toBe(200);
    const segment = JSON.parse((await received).split('\n')[1]) as Record<string, any>;
    expect(segment).toMatchObject({ name: 'inventory', trace_id: root, parent_id: '53995c3f42cd8ad8', http: { response: { status: 200 } } });
  } finally {
    delete process.env.AWS_XRAY_DAEMON_ADDRESS;
    server.close();
    daemon.close();
  }
});
