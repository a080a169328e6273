/** Parses a raw query string the same way on both runtimes: decoded, and the last value wins. */
export function parseQueryString(raw: string | undefined): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(raw ?? '')) query[name] = value;
  return query;
}
