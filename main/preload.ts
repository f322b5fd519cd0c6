import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// The renderer gets exactly two functions: invoke a core method, subscribe to core events.
contextBridge.exposeInMainWorld('beranda', {
  invoke: (method: string, input: unknown, lang: string) => ipcRenderer.invoke('beranda:invoke', { method, input, lang }),
  subscribe: (listener: (event: unknown) => void) => {
    const wrapped = (_e: IpcRendererEvent, event: unknown) => listener(event);
    ipcRenderer.on('beranda:event', wrapped);
    return () => {
      ipcRenderer.removeListener('beranda:event', wrapped);
    };
  },
});
