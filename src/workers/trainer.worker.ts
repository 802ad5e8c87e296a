/**
 * The training Web Worker: `new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module' })`.
 * All logic is in session.ts; this file wires it to the worker's messages and a MessageChannel for
 * yielding between training slices (setTimeout would be clamped to 4 ms).
 */
import type { WorkerEvent, WorkerRequest } from './protocol.ts';
import { TrainingSession } from './session.ts';

interface WorkerScope {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;

const channel = new MessageChannel();
let queued: (() => void)[] = [];
channel.port1.onmessage = () => {
  const run = queued;
  queued = [];
  for (const fn of run) fn();
};

const session = new TrainingSession({
  post: (event: WorkerEvent, transfer?: ArrayBuffer[]) => scope.postMessage(event, transfer ?? []),
  now: () => performance.now(),
  fetchText: async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.text();
  },
  defer: (fn) => {
    queued.push(fn);
    channel.port2.postMessage(0);
  },
});

scope.onmessage = (event) => {
  void session.handle(event.data);
};
