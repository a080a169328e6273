/** One request before a load row: a load run against a route that answers errors measures nothing. */
export interface Probe {
  status: number;
  body: Buffer;
}

export async function probe(url: string, headers: Readonly<Record<string, string>>): Promise<Probe> {
  const response = await fetch(url, { headers });
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
}

/** Throws a one-line reason unless the route answered 200. */
export function requireOk(what: string, answer: Probe): void {
  if (answer.status !== 200) {
    throw new Error(`${what} answered ${answer.status}: ${answer.body.toString('utf8').slice(0, 120)}`);
  }
}
