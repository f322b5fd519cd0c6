import net from 'node:net';

/**
 * A TCP proxy in front of a real server that loses connections on purpose:
 *  - 'drop-before':   accepts, then closes before the request reaches the server;
 *  - 'drop-after':    forwards the request, then closes before the response comes back;
 *  - 'drop-response': forwards the request and cuts the response halfway;
 *  - 'pass':          forwards both ways.
 * `offline()` stops listening (connection refused) until `online()`.
 */
export type Fault = 'pass' | 'drop-before' | 'drop-after' | 'drop-response';

export async function startFaultProxy(target: { host: string; port: number }, opts: { delayMs?: number } = {}) {
  const plan: Fault[] = [];
  let fallback: Fault = 'pass';
  const seen: Fault[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    const fault = plan.shift() ?? fallback;
    seen.push(fault);
    client.on('error', () => {});
    if (fault === 'drop-before') {
      client.once('data', () => client.destroy());
      return;
    }
    const upstream = net.connect(target.port, target.host);
    upstream.on('error', () => client.destroy());
    // A slow network: the request reaches the server only after the delay.
    if (opts.delayMs) {
      client.pause();
      setTimeout(() => client.resume(), opts.delayMs);
    }
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      if (fault === 'drop-after') {
        client.destroy();
        upstream.destroy();
        return;
      }
      if (fault === 'drop-response') {
        client.write(chunk.subarray(0, Math.max(1, Math.floor(chunk.length / 2))));
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    upstream.on('end', () => client.end());
  });
  let port = 0;
  const listen = () => new Promise<void>((r) => server.listen(port, '127.0.0.1', () => ((port = (server.address() as net.AddressInfo).port), r())));
  await listen();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    /** The next connections, in order; then `always` (pass by default). */
    next(...faults: Fault[]) {
      plan.push(...faults);
    },
    always(fault: Fault) {
      fallback = fault;
    },
    seen,
    async offline() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
    online: listen,
    close: () => new Promise<void>((r) => (server.listening ? server.close(() => r()) : r())),
  };
}
