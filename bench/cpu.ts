/**
 * CPU time of the processes that serve a row, over the measured window: the cost that decides how many
 * requests one Fargate vCPU (or one Lambda's share of a core) can serve, whatever the store or the
 * neighbours on a shared machine do to throughput. Read from /proc/<pid>/stat (utime + stime of every
 * thread: JIT, GC and libuv included) for other processes, and process.cpuUsage() for this one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { LoadFigures } from './results';

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux ABI Node supports

/** CPU seconds a process has used so far, or undefined where /proc is missing (not Linux) or the process is gone. */
export function cpuSecondsOf(pid: number | 'self'): number | undefined {
  if (pid === 'self') {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  }
  try {
    // Fields after the `(comm)`, which may hold spaces: state is field 3, utime 14, stime 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** The pid of the process whose command line holds every one of `parts` (DynamoDB Local: `-port`, `<port>`). */
export function findPid(parts: string[]): number | undefined {
  for (const entry of readdirSafe('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (parts.every((part) => args.includes(part))) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

const readdirSafe = (dir: string) => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

export interface CpuWatch {
  /** The processes that serve the row (their CPU is summed): the service, the gateway, or `self`. */
  serving: (number | 'self')[];
  /** DynamoDB Local's JVM. */
  store?: number;
}

type CpuFigures = Pick<LoadFigures, 'cpuMsPerRequest' | 'requestsPerSecondPerVcpu' | 'storeCpuMsPerRequest'>;

/** Starts counting the CPU time of the watched processes; `figures(requests)` turns what they used since into per-request figures. */
export function cpuWindow(watch: CpuWatch | undefined): { figures(requests: number): CpuFigures } {
  const pids = watch ? [...watch.serving, ...(watch.store ? [watch.store] : [])] : [];
  const before = pids.map(cpuSecondsOf);
  return {
    figures(requests) {
      const used = pids.map((pid, i) => {
        const now = cpuSecondsOf(pid);
        return now === undefined || before[i] === undefined ? undefined : now - before[i]!;
      });
      if (!watch || requests === 0) return {};
      const serving = used.slice(0, watch.serving.length);
      const store = watch.store ? used.at(-1) : undefined;
      const figures: CpuFigures = {};
      if (serving.every((s) => s !== undefined)) {
        const ms = (serving.reduce((a, b) => a + b, 0) * 1000) / requests;
        figures.cpuMsPerRequest = ms;
        if (ms > 0) figures.requestsPerSecondPerVcpu = 1000 / ms;
      }
      if (store !== undefined) figures.storeCpuMsPerRequest = (store * 1000) / requests;
      return figures;
    },
  };
}
