/**
 * Runs sandboxed in the renderer before the page: exposes exactly one function, `invoke`,
 * which forwards an operation name and its input to the main process. No Node, no ipcRenderer
 * object, nothing else crosses.
 */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('thd', {
  invoke: (op: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('thd:invoke', op, input),
});
