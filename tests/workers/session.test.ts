import { describe, expect, it } from 'vitest';
import { createTsBackend } from '../../src/engine/kernels/index.ts';
import { TrainerClient, type TrainerRequestError, type WorkerLike } from '../../src/workers/client.ts';
import type { WorkerEvent, WorkerRequest } from '../../src/workers/protocol.ts';
import { TrainingSession } from '../../src/workers/session.ts';

const tiny = 'the cat sat on the mat. the dog sat on the log. '.repeat(60);
const cfg = { hidden: 16, seqLen: 8, batch: 4, lr: 0.02, seed: 3 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A session wired to an in-process fake Worker, plus a record of tick lengths. */
function setup(fetchText: (url: string) => Promise<string> = async () => tiny) {
  const events: (WorkerEvent & { at: number })[] = [];
  const ticks: number[] = [];
  let onmessage: ((e: MessageEvent) => void) | null = null;
  const session = new TrainingSession({
    post: (event) => {
      const copy = structuredClone(event);
      events.push({ ...copy, at: performance.now() });
      onmessage?.({ data: copy } as MessageEvent);
    },
    now: () => performance.now(),
    fetchText,
    defer: (fn) =>
      setImmediate(() => {
        const t0 = performance.now();
        fn();
        ticks.push(performance.now() - t0);
      }),
    createBackend: createTsBackend,
  });
  let terminated = false;
  const worker: WorkerLike = {
    postMessage: (msg) => {
      if (!terminated) setImmediate(() => void session.handle(structuredClone(msg) as WorkerRequest));
    },
    get onmessage() {
      return onmessage;
    },
    set onmessage(fn) {
      onmessage = fn;
    },
    onerror: null,
    terminate: () => {
      terminated = true;
    },
  };
  const client = new TrainerClient(worker);
  return { client, events, ticks, session };
}

async function waitFor(cond: () => boolean, ms = 10_000) {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await sleep(10);
  }
}

describe('training worker session', () => {
  it('start, progress (≤10/s), pause, resume, sample, stop', async () => {
    const { client, events, ticks } = setup();
    const info = await client.start(cfg, { kind: 'text', text: tiny });
    expect(info.vocabSize).toBeGreaterThan(5);
    expect(info.config.hidden).toBe(16);
    const progress = () => events.filter((e) => e.type === 'progress');
    await waitFor(() => progress().length >= 4);
    const ps = progress();
    for (let i = 1; i < ps.length; i++) expect(ps[i].at - ps[i - 1].at).toBeGreaterThanOrEqual(95);
    const first = ps[0].type === 'progress' ? ps[0].progress : null;
    expect(first?.step).toBeGreaterThan(0);
    expect(first?.tokensPerSecond).toBeGreaterThan(0);

    expect((await client.pause()).status).toBe('paused');
    const n = progress().length;
    await sleep(300);
    expect(progress().length).toBe(n);

    const s = await client.sample({ prefix: 'the ', length: 30, temperature: 0.8, seed: 1 });
    expect(s.text.startsWith('the ')).toBe(true);
    expect([...s.generated].length).toBe(30);

    expect((await client.resume()).status).toBe('training');
    await waitFor(() => progress().length > n);
    // a sample while training
    const s2 = await client.sample({ prefix: 'the', length: 10, greedy: true });
    expect([...s2.generated].length).toBe(10);
    expect((await client.stop()).status).toBe('stopped');
    const statuses = events
      .filter((e) => e.type === 'status')
      .map((e) => (e.type === 'status' ? e.status : ''));
    expect(statuses).toEqual(['preparing', 'training', 'paused', 'training', 'stopped']);
    // slices of SLICE_MS (20 ms) plus at most one small step; wall-clock time on a busy machine
    // stretches some, so check the typical slice rather than the worst
    const sorted = [...ticks].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(50);
    const after = (await client.sample({ prefix: 'the', length: 5 })).generated;
    expect([...after].length).toBe(5);
  });

  it('bad corpora and configs come back as typed errors', async () => {
    const { client } = setup(async () => {
      throw new Error('HTTP 404');
    });
    const err = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (e) {
        return e as TrainerRequestError;
      }
      throw new Error('no error');
    };
    const empty = await err(client.start(cfg, { kind: 'text', text: '' }));
    expect(empty.code).toBe('bad-corpus');
    expect(empty.corpusCode).toBe('empty');
    const ws = await err(client.start(cfg, { kind: 'text', text: '  \n ' }));
    expect(ws.corpusCode).toBe('whitespace-only');
    const one = await err(
      client.start(cfg, { kind: 'text', text: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }),
    );
    expect(one.corpusCode).toBe('single-character');
    const short = await err(client.start(cfg, { kind: 'text', text: 'abcdefgh' }));
    expect(short.corpusCode).toBe('too-short');
    const conf = await err(client.start({ ...cfg, hidden: -4 }, { kind: 'text', text: tiny }));
    expect(conf.code).toBe('bad-config');
    const fetchFail = await err(client.start(cfg, { kind: 'builtin', id: 'tang', url: '/corpora/tang.txt' }));
    expect(fetchFail.code).toBe('fetch-failed');
    const none = await err(client.sample({ prefix: 'a', length: 3 }));
    expect(none.code).toBe('no-model');
    const badFile = await err(client.load('{"format":"nope"}'));
    expect(badFile.code).toBe('bad-model-file');
  });

  it('save, load (validated) and sample identically; divergence is an error event', async () => {
    const { client, events } = setup();
    await client.start(cfg, { kind: 'text', text: tiny }, { maxSteps: 15 });
    await waitFor(() => events.some((e) => e.type === 'status' && e.status === 'stopped'));
    const opts = { prefix: 'the ', length: 40, temperature: 0.7, seed: 5 };
    const before = await client.sample(opts);
    const snap = await client.snapshot();
    expect(snap.names).toContain('weight_hh_l0');
    expect(snap.data[snap.names.indexOf('head.weight')]).toBeInstanceOf(Float32Array);
    const saved = await client.save();
    expect(saved.fileName).toMatch(/^char-lm-lstm-h16-l1-v\d+\.json$/);
    const json = new TextDecoder().decode(saved.bytes);
    const loaded = await client.load(json);
    expect(loaded.architecture.cell).toBe('lstm');
    expect(await client.sample(opts)).toEqual(before);

    // poison the head so the loss overflows, and continue training from it
    const file = JSON.parse(json);
    file.state_dict['head.weight'].data = file.state_dict['head.weight'].data.map(() => 3e38);
    await client.load(JSON.stringify(file));
    await client.start(cfg, { kind: 'text', text: tiny }, { continueFromLoaded: true });
    await waitFor(() => events.some((e) => e.type === 'error'));
    const error = events.find((e) => e.type === 'error');
    expect(error?.type === 'error' && error.error.code).toBe('diverged');
    expect(error?.type === 'error' && error.error.message).toMatch(/diverged at step 1/);
    expect(events.some((e) => e.type === 'status' && e.status === 'failed')).toBe(true);
  });

  it('terminate rejects pending requests', async () => {
    const { client } = setup();
    const p = client.start(cfg, { kind: 'text', text: tiny });
    client.terminate();
    await expect(p).rejects.toMatchObject({ code: 'cancelled' });
    await expect(client.pause()).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('a worker that crashes', () => {
  it('fails pending requests, reports the run failed, ends the worker; a new client starts afresh', async () => {
    let terminated = 0;
    const worker: WorkerLike = {
      postMessage: () => undefined,
      onmessage: null,
      onerror: null,
      terminate: () => {
        terminated++;
      },
    };
    const client = new TrainerClient(worker);
    const events: WorkerEvent[] = [];
    client.on((e) => events.push(e));
    const pending = client.start(cfg, { kind: 'text', text: tiny });
    let prevented = false;
    worker.onerror?.({
      message: 'Uncaught RangeError: Array buffer allocation failed',
      preventDefault: () => {
        prevented = true;
      },
    } as ErrorEvent);
    await expect(pending).rejects.toMatchObject({
      code: 'internal',
      message: 'The training worker failed: Uncaught RangeError: Array buffer allocation failed',
    });
    expect(prevented).toBe(true);
    expect(events.map((e) => (e.type === 'status' ? `status ${e.status}` : e.type))).toEqual([
      'error',
      'status failed',
    ]);
    expect(client.isTerminated).toBe(true);
    expect(terminated).toBe(1);
    // a second error from the dead worker is ignored
    worker.onerror?.({ message: 'again' } as ErrorEvent);
    expect(events).toHaveLength(2);
    await expect(client.pause()).rejects.toMatchObject({ code: 'cancelled' });

    // the widget's next request makes a new client, which trains as usual
    const { client: fresh, events: freshEvents } = setup();
    await fresh.start(cfg, { kind: 'text', text: tiny }, { maxSteps: 3 });
    await waitFor(() => freshEvents.some((e) => e.type === 'status' && e.status === 'stopped'));
    fresh.terminate();
  });
});
