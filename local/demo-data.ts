/**
 * Demo data for the demo user, sent THROUGH the API (like a client would), so seeding does not
 * depend on how the model stores things. Requests run in order: risks and attributes name the
 * assets created before them.
 */
export interface SeedRequest {
  readonly method: 'PUT' | 'POST';
  readonly path: string;
  readonly body: unknown;
}

export const DEMO_USER = { email: 'demo@chariot.local', password: 'Demo-password-1' } as const;
/** An analyst in the demo user's tenant (seeded below), with a Cognito login of its own: try the `account` header. */
export const DEMO_COLLABORATOR = { email: 'analyst@chariot.local', password: 'Analyst-password-1' } as const;

export const DEMO_REQUESTS: readonly SeedRequest[] = [
  { method: 'PUT', path: '/asset', body: { dns: 'example.com', name: 'example.com' } },
  { method: 'PUT', path: '/asset', body: { dns: 'api.example.com', name: '203.0.113.10' } },
  { method: 'PUT', path: '/asset', body: { dns: 'shop.example.com', name: 'shop.example.com' } },
  {
    method: 'POST',
    path: '/risk',
    body: { key: '#asset#api.example.com#203.0.113.10', name: 'CVE-2024-3400', status: 'TH', comment: 'demo data' },
  },
  {
    method: 'POST',
    path: '/risk',
    body: { key: '#asset#shop.example.com#shop.example.com', name: 'exposed-admin-panel', status: 'TM', comment: 'demo data' },
  },
  { method: 'PUT', path: '/attribute', body: { key: '#asset#api.example.com#203.0.113.10', name: 'port', value: '443' } },
  { method: 'PUT', path: '/attribute', body: { key: '#asset#example.com#example.com', name: 'technology', value: 'nginx' } },
  { method: 'POST', path: `/account/${DEMO_COLLABORATOR.email}`, body: { role: 'analyst', value: '', config: {} } },
];

/** Sends the demo requests; resolves undefined on success, else one line naming the first failure. */
export async function seedDemoData(gatewayUrl: string, idToken: string): Promise<string | undefined> {
  for (const request of DEMO_REQUESTS) {
    const response = await fetch(`${gatewayUrl}${request.path}`, {
      method: request.method,
      headers: { authorization: `Bearer ${idToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(request.body),
    });
    if (!response.ok) {
      const text = (await response.text()).slice(0, 200);
      return `${request.method} ${request.path} answered ${response.status} ${text}`;
    }
  }
  return undefined;
}
