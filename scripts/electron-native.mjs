// Builds better-sqlite3 for Electron's ABI into node_modules/.beranda-electron/<electron version>/,
// leaving node_modules/better-sqlite3/build (the Node build used by tests and `serve`) untouched.
// So after one `npm install`, both `npm test` and `npm start` work, in either order.
//
//   node scripts/electron-native.mjs               build if missing (npm start / dist); fail loudly
//   node scripts/electron-native.mjs --if-possible build if Electron is installed, else say why not
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const ifPossible = process.argv.includes('--if-possible');
const electronPkg = path.join(root, 'node_modules', 'electron', 'package.json');
const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3');

function stop(message) {
  if (ifPossible) {
    console.log(`[electron-native] skipped: ${message}`);
    process.exit(0);
  }
  console.error(`[electron-native] ${message}`);
  process.exit(1);
}

if (!fs.existsSync(electronPkg)) stop('electron is not installed (npm install).');
const electronVersion = JSON.parse(fs.readFileSync(electronPkg, 'utf8')).version;
const electronBinary = path.join(root, 'node_modules', 'electron', 'path.txt');
if (!fs.existsSync(electronBinary)) {
  stop('the Electron binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD?). Run "npm install" with network access to start the desktop app.');
}

const outDir = path.join(root, 'node_modules', '.beranda-electron', electronVersion);
const target = path.join(outDir, 'better_sqlite3.node');
if (fs.existsSync(target)) process.exit(0);

const work = path.join(root, 'node_modules', '.beranda-electron', 'build');
fs.rmSync(work, { recursive: true, force: true });
fs.cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`) });

const arch = process.env.npm_config_arch || process.arch;
const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion, npm_config_disturl: 'https://electronjs.org/headers' };
const prebuild = path.join(root, 'node_modules', 'prebuild-install', 'bin.js');
console.log(`[electron-native] building better-sqlite3 for Electron ${electronVersion} (${process.platform}-${arch})…`);
try {
  execFileSync(process.execPath, [prebuild, '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`], { cwd: work, env, stdio: 'inherit' });
} catch {
  const gyp = process.env.npm_config_node_gyp;
  const [cmd, args] = gyp ? [process.execPath, [gyp]] : [process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--yes', 'node-gyp']];
  execFileSync(cmd, [...args, 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'], { cwd: work, env, stdio: 'inherit' });
}
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
fs.rmSync(work, { recursive: true, force: true });
console.log(`[electron-native] ready: ${path.relative(root, target)}`);
