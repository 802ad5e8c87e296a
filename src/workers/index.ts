/** The training worker: protocol types, the page-side client, and the session (for tests and Node). */
export { createTrainerWorker, TrainerClient, TrainerRequestError, type WorkerLike } from './client.ts';
export * from './protocol.ts';
