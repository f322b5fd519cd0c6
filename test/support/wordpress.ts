import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A real WordPress from Debian's packages (wordpress, apache2, libapache2-mod-php, php-mysql,
 * mariadb-server), started on 127.0.0.1 in a temp folder: its own MariaDB data directory and
 * socket, its own Apache on a free port, installed with wp_install() and given an application
 * password. Nothing outside the temp folder is touched.
 */
export interface WordPress {
  url: string;
  user: string;
  appPassword: string;
  /** GET/POST against its REST API with the admin's application password. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- WordPress's JSON, read by the assertions
  rest(route: string, init?: { method?: string; body?: unknown; query?: Record<string, string> }): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

const PACKAGES = ['/usr/share/wordpress/wp-settings.php', '/usr/sbin/mariadbd', '/usr/sbin/apache2', '/usr/lib/apache2/modules/libphp8.2.so'];

export function wordpressAvailable(): boolean {
  return PACKAGES.every((p) => fs.existsSync(p));
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WordPress test setup: ${what} did not come up in ${ms / 1000} s`);
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

export async function startWordPress(): Promise<WordPress> {
  if (!wordpressAvailable()) throw new Error('A real WordPress is needed: apt-get install wordpress mariadb-server apache2 libapache2-mod-php php-mysql');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'beranda-wp-'));
  fs.chmodSync(root, 0o755);
  const www = path.join(root, 'www');
  const sock = path.join(root, 'mysql.sock');
  const children: ChildProcess[] = [];
  // If the test process dies, the servers must not outlive it.
  const killAll = () => {
    for (const c of children) {
      try {
        process.kill(-c.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', killAll);

  // MariaDB: a private data directory and socket, no TCP.
  run('mariadb-install-db', ['--no-defaults', `--datadir=${root}/db`, '--auth-root-authentication-method=normal', '--skip-test-db', '--user=root']);
  const db = spawn('mariadbd', ['--no-defaults', `--datadir=${root}/db`, `--socket=${sock}`, '--skip-networking', '--user=root', `--pid-file=${root}/db.pid`, '--innodb-flush-log-at-trx-commit=2'], { stdio: 'ignore', detached: true });
  children.push(db);
  await waitFor(() => fs.existsSync(sock), 'MariaDB');
  run('mariadb', ['--no-defaults', '-S', sock, '-uroot', '-e', 'CREATE DATABASE wp CHARACTER SET utf8mb4']);

  // WordPress files: a private copy, with our own wp-config.php (Debian's reads /etc/wordpress).
  fs.cpSync('/usr/share/wordpress', www, { recursive: true, dereference: true });
  fs.rmSync(path.join(www, '.htaccess'), { force: true });
  fs.cpSync('/var/lib/wordpress/wp-content', path.join(www, 'wp-content'), { recursive: true, dereference: true });
  fs.mkdirSync(path.join(www, 'wp-content/uploads'), { recursive: true });
  run('chown', ['-R', 'www-data:www-data', path.join(www, 'wp-content')]);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const salt = () => randomBytes(24).toString('hex');
  fs.writeFileSync(
    path.join(www, 'wp-config.php'),
    `<?php
define('DB_NAME', 'wp'); define('DB_USER', 'root'); define('DB_PASSWORD', ''); define('DB_HOST', 'localhost:${sock}');
define('DB_CHARSET', 'utf8mb4'); define('DB_COLLATE', '');
${['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'].map((k) => `define('${k}', '${salt()}');`).join('\n')}
define('WP_HOME', '${url}'); define('WP_SITEURL', '${url}');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content'); define('WP_CONTENT_URL', '${url}/wp-content');
// Application passwords over plain http on 127.0.0.1.
define('WP_ENVIRONMENT_TYPE', 'local');
define('AUTOMATIC_UPDATER_DISABLED', true); define('DISABLE_WP_CRON', true); define('WP_HTTP_BLOCK_EXTERNAL', true);
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`,
  );
  const pass = `admin-${salt().slice(0, 12)}`;
  fs.writeFileSync(
    path.join(root, 'install.php'),
    `<?php
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}';
require '${www}/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Dinkominfo Purbalingga (uji)', 'admin', 'admin@example.test', true, '', '${pass}', 'id_ID');
update_option('timezone_string', 'Asia/Jakarta');
update_option('permalink_structure', '');
[$password] = WP_Application_Passwords::create_new_application_password(1, ['name' => 'Beranda Humas']);
echo $password;
`,
  );
  const appPassword = run('php', [path.join(root, 'install.php')]).trim().split('\n').pop()!;

  // Apache on the free port, running PHP as www-data; Authorization passed to PHP.
  fs.writeFileSync(
    path.join(root, 'apache.conf'),
    `ServerRoot /etc/apache2
DefaultRuntimeDir ${root}
PidFile ${root}/apache.pid
Mutex file:${root}
Listen 127.0.0.1:${port}
ServerName 127.0.0.1
User www-data
Group www-data
ErrorLog ${root}/apache-error.log
LogLevel warn
LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
LoadModule rewrite_module /usr/lib/apache2/modules/mod_rewrite.so
LoadModule php_module /usr/lib/apache2/modules/libphp8.2.so
StartServers 2
MinSpareServers 2
MaxRequestWorkers 8
TypesConfig /etc/mime.types
DocumentRoot ${www}
DirectoryIndex index.php
<Directory ${www}>
  AllowOverride None
  Require all granted
  RewriteEngine On
  RewriteRule .* - [E=HTTP_AUTHORIZATION:%{HTTP:Authorization}]
</Directory>
<FilesMatch "\\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
`,
  );
  // Own process groups: Apache signals its whole group when it stops.
  const apache = spawn('apache2', ['-f', path.join(root, 'apache.conf'), '-DFOREGROUND'], { stdio: 'ignore', detached: true });
  children.push(apache);
  const auth = `Basic ${Buffer.from(`admin:${appPassword}`).toString('base64')}`;
  const rest: WordPress['rest'] = async (route, init = {}) => {
    const q = new URLSearchParams({ rest_route: route, ...(init.query ?? {}) });
    const res = await fetch(`${url}/?${q}`, {
      method: init.method ?? 'GET',
      headers: { Authorization: auth, ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text for the assertion message
    }
    return { status: res.status, body };
  };
  await waitFor(async () => {
    try {
      return (await rest('/wp/v2/users/me')).status === 200;
    } catch {
      return false;
    }
  }, 'Apache with WordPress');
  return {
    url,
    user: 'admin',
    appPassword,
    rest,
    async stop() {
      for (const c of children.reverse()) {
        if (c.exitCode !== null || c.signalCode !== null) continue;
        const exited = new Promise((r) => c.once('exit', r));
        process.kill(-c.pid!, 'SIGTERM');
        const timer = setTimeout(() => process.kill(-c.pid!, 'SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      process.off('exit', killAll);
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
