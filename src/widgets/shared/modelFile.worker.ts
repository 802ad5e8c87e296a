/**
 * Reads a saved model file off the main thread: a Tang-poem model is a JSON file of tens of MB, and
 * parsing and checking it takes hundreds of milliseconds. Receives the text, answers with a
 * `ModelFileResult` whose weight buffers are transferred. Started by `readModelFileOffThread`.
 */
import { type ModelFileResult, readModelFile, transferList } from './trainedModelFile';

interface WorkerScope {
  postMessage(message: ModelFileResult, transfer: ArrayBuffer[]): void;
  onmessage: ((event: MessageEvent<string>) => void) | null;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  let result: ModelFileResult;
  try {
    result = readModelFile(event.data);
  } catch (e) {
    result = { ok: false, problem: 'invalid', message: (e as Error).message ?? String(e) };
  }
  scope.postMessage(result, result.ok ? transferList(result.model) : []);
};
