// `npm run bench`: the performance figures each issue asks for, measured on this machine.
// Medians and p95s; the machine is noisy, so compare ratios rather than single numbers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchFoundation, reportFoundation } from './foundation';

async function main(): Promise<void> {
  const started = new Date().toISOString();
  const log = (line: string) => console.log(`  · ${line}`);
  console.log(`Beranda Humas bench — ${os.cpus().length} cores, Node ${process.version}, ${started}`);
  const foundation = await benchFoundation(log);
  const lines = reportFoundation(foundation);
  console.log(`\n${lines.join('\n')}`);
  fs.mkdirSync('bench-results', { recursive: true });
  const file = path.join('bench-results', 'latest.json');
  fs.writeFileSync(file, JSON.stringify({ started, node: process.version, cores: os.cpus().length, foundation }, null, 2));
  console.log(`\nFigures written to ${file}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
