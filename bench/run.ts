// `npm run bench`: the performance figures each issue asks for, measured on this machine.
// Medians and p95s; the machine is noisy, so compare ratios rather than single numbers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchFoundation, reportFoundation } from './foundation';
import { benchReleases, keystrokeToPaint, reportReleases, reportTyping } from './releases';
import { benchCases, reportCases } from './cases';
import { benchMonitoring, reportMonitoring } from './monitoring';
import { benchPublishing, reportPublishing } from './publishing';

async function main(): Promise<void> {
  const started = new Date().toISOString();
  const log = (line: string) => console.log(`  · ${line}`);
  console.log(`Beranda Humas bench — ${os.cpus().length} cores, Node ${process.version}, ${started}`);
  // `npm run bench -- releases` runs one part; no argument runs all.
  const only = process.argv[2];
  const foundation = !only || only === 'foundation' ? await benchFoundation(log) : undefined;
  if (only === 'editor') {
    console.log(reportTyping(await keystrokeToPaint(log)).join('\n'));
    return;
  }
  const releases = !only || only === 'releases' ? await benchReleases(log) : undefined;
  const cases = !only || only === 'cases' ? await benchCases(log) : undefined;
  const monitoring = !only || only === 'monitoring' ? await benchMonitoring(log) : undefined;
  const publishing = !only || only === 'publishing' ? await benchPublishing(log) : undefined;
  const lines = [
    ...(foundation ? reportFoundation(foundation) : []),
    '',
    ...(releases ? reportReleases(releases) : []),
    '',
    ...(cases ? reportCases(cases) : []),
    '',
    ...(monitoring ? reportMonitoring(monitoring) : []),
    '',
    ...(publishing ? reportPublishing(publishing) : []),
  ];
  console.log(`\n${lines.join('\n')}`);
  fs.mkdirSync('bench-results', { recursive: true });
  const file = path.join('bench-results', 'latest.json');
  fs.writeFileSync(file, JSON.stringify({ started, node: process.version, cores: os.cpus().length, foundation, releases, cases, monitoring, publishing }, null, 2));
  console.log(`\nFigures written to ${file}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
