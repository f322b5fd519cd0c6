import { utilityProcess, type UtilityProcess } from 'electron';
import type { DispatchOutcome } from '../src/api/dispatch';
import type { CoreEvent } from '../src/api/contract';
import type { CoreRequest } from './ipc-adapter';
import { safeStorageSecretBox } from './secrets';

type FromCore =
  | { type: 'ready'; dataDir: string }
  | { type: 'fatal'; message: string }
  | { type: 'reply'; id: number; outcome: DispatchOutcome }
  | { type: 'event'; event: CoreEvent }
  | { type: 'secret'; id: number; op: 'encrypt' | 'decrypt'; value: string };

export interface CoreRelay {
  call(req: CoreRequest): Promise<DispatchOutcome>;
  stop(): void;
}

/** Starts the core process and resolves once it has opened the workspace (or rejects with why not). */
export function startCore(entry: string, env: Record<string, string>, onEvent: (e: CoreEvent) => void): Promise<CoreRelay> {
  const child: UtilityProcess = utilityProcess.fork(entry, [], { env: { ...process.env, ...env }, serviceName: 'Beranda Humas core' });
  const pending = new Map<number, (o: DispatchOutcome) => void>();
  let nextId = 1;
  const lost: DispatchOutcome = {
    result: { ok: false, error: { code: 'UNAVAILABLE', message: 'Inti aplikasi berhenti; mulai ulang aplikasi. / The app core stopped; restart the app.' } },
  };
  return new Promise((resolve, reject) => {
    child.on('message', (msg: FromCore) => {
      if (msg.type === 'ready') {
        resolve({
          call(request) {
            const id = nextId++;
            return new Promise((done) => {
              pending.set(id, done);
              child.postMessage({ type: 'call', id, request });
            });
          },
          stop: () => child.kill(),
        });
      } else if (msg.type === 'fatal') reject(new Error(msg.message));
      else if (msg.type === 'reply') {
        pending.get(msg.id)?.(msg.outcome);
        pending.delete(msg.id);
      } else if (msg.type === 'secret') {
        safeStorageSecretBox[msg.op](msg.value).then(
          (value) => child.postMessage({ type: 'secret-reply', id: msg.id, ok: true, value }),
          (e: unknown) => child.postMessage({ type: 'secret-reply', id: msg.id, ok: false, value: String(e) }),
        );
      } else onEvent(msg.event);
    });
    child.on('exit', () => {
      for (const done of pending.values()) done(lost);
      pending.clear();
      reject(new Error('core exited'));
    });
  });
}
