/** Captures the process's JSON log lines (Powertools writes straight to process.stdout). */
export interface CapturedLines {
  readonly lines: string[];
  restore(): void;
}

export function captureStdout(): CapturedLines {
  const original = process.stdout.write.bind(process.stdout);
  const lines: string[] = [];
  let pending = '';
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    pending += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const part of parts) if (part.startsWith('{')) lines.push(part);
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof process.stdout.write;
  return {
    lines,
    restore: () => {
      process.stdout.write = original;
    },
  };
}
