// Types of invalidation-bus.mjs.
import type { Invalidation } from "./invalidations.mjs";

export type BusOptions = {
  connectionString: string;
  onInvalidation: (invalidation: Invalidation) => void | Promise<void>;
  onListening: () => void;
  onError?: (error: unknown) => void;
  probeEveryMs?: number;
  probeTimeoutMs?: number;
  publishWaitMs?: number;
};

export class InvalidationBus {
  constructor(options: BusOptions);
  readonly id: string;
  readonly listening: boolean;
  readonly backendPid: number | null;
  start(): void;
  publish(invalidation: Invalidation): Promise<void>;
  close(): Promise<void>;
}
