import { ServiceBusyError } from "@/lib/errors/infrastructure";

// An admission limit (docs/decisions/019-database-capacity.md): at most `concurrent` of one
// kind of work run at once in this process, a few more wait briefly in memory, and the rest
// are refused at once with ServiceBusyError (503 with Retry-After). A burst of the public then
// waits here, where waiting costs nothing, instead of in the database pool's queue, where it
// holds every other request up and ends in timeouts.

export type AdmissionLimit = {
  /** Run at once. */
  concurrent: number;
  /** Wait for a turn, in arrival order; beyond this many, refused at once. */
  waiting: number;
  /** Longest wait for a turn before being refused. */
  maxWaitMs: number;
  /** What is refused, for the error's message ("viewer questions"). */
  what: string;
};

export type Admission = {
  /** Runs `work` when a turn is free, or throws ServiceBusyError. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Running and waiting now, for tests and health. */
  load(): { running: number; waiting: number };
};

export function createAdmission(limit: AdmissionLimit): Admission {
  let running = 0;
  const queue: { admit: () => void; timer: NodeJS.Timeout }[] = [];

  const release = () => {
    const next = queue.shift();
    if (next) {
      clearTimeout(next.timer);
      next.admit();
    } else running -= 1;
  };

  const turn = (): Promise<void> => {
    if (running < limit.concurrent) {
      running += 1;
      return Promise.resolve();
    }
    if (queue.length >= limit.waiting) return Promise.reject(new ServiceBusyError(limit.what));
    return new Promise<void>((resolve, reject) => {
      // The turn passes straight from the one who leaves to the first in line: `running` stays.
      const entry = { admit: resolve, timer: setTimeout(() => giveUp(), limit.maxWaitMs) };
      const giveUp = () => {
        const at = queue.indexOf(entry);
        if (at >= 0) queue.splice(at, 1);
        reject(new ServiceBusyError(limit.what));
      };
      entry.timer.unref?.();
      queue.push(entry);
    });
  };

  return {
    async run(work) {
      await turn();
      try {
        return await work();
      } finally {
        release();
      }
    },
    load: () => ({ running, waiting: queue.length }),
  };
}
