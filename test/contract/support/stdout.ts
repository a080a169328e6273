/** Captures the process's JSON log lines (Powertools writes straight to process.stdout). */
export interface CapturedLines {
  readonly lines: string[];
  restore(): void;
}

/** `stream`: Powertools writes warnings and errors to stderr. */
export function captureStdout(stream: NodeJS.WriteStream = process.stdout): CapturedLines {
  const original = stream.write.bind(stream);
  const lines: string[] = [];
  let pending = '';
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    pending += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const part of parts) if (part.startsWith('{')) lines.push(part);
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof stream.write;
  return {
    lines,
    restore: () => {
      stream.write = original;
    },
  };
}
