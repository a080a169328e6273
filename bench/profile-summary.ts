/**
 * `npx tsx bench/profile-summary.ts <file.cpuprofile> [top]`: where a server spent its CPU under load
 * (from `npm run bench -- --profile DIR`), as self time per package (our code as `app`) and per function.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: bench/profile-summary.ts <file.cpuprofile> [top]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const hits = new Map<number, number>();
for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
// Idle samples are time the process waited (for the store, the network): not CPU it spent.
const isIdle = (id: number) => byId.get(id)!.callFrame.functionName === '(idle)';
for (const id of [...hits.keys()]) if (isIdle(id)) hits.delete(id);
const total = [...hits.values()].reduce((a, b) => a + b, 0);

const owner = (url: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url.startsWith('node:') ? 'node' : url ? 'app' : '(vm)');
const packages = new Map<string, number>();
const functions = new Map<string, number>();
for (const [id, count] of hits) {
  const { callFrame } = byId.get(id)!;
  const pkg = owner(callFrame.url);
  packages.set(pkg, (packages.get(pkg) ?? 0) + count);
  const name = `${callFrame.functionName || '(anonymous)'} ${pkg === 'app' ? callFrame.url.replace(/^.*\/(shared|containers|lambdas|local)\//, '$1/') : pkg}:${callFrame.lineNumber + 1}`;
  functions.set(name, (functions.get(name) ?? 0) + count);
}
const top = Number(topArg ?? 25);
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, count] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((count / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
};
console.log(`${total} busy samples (idle left out)`);
print('self time by package', packages);
print('self time by function', functions);
