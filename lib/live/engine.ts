// What the production server's own event-stream path (lib/live/lean-stream.ts) borrows from the
// app (docs/decisions/034-lean-live-stream.md): the viewer's stream on the process's one LISTEN
// connection (lib/hearings/live-stream.ts, lib/hearings/live-bus.ts) and the hearing's webcast
// access. The app provides it when its modules load (instrumentation.ts loads them as the server
// starts); server.ts reads it from globalThis. server.ts thereby never loads the app's database
// client or its "server-only" modules itself, and the viewers of both paths share one bus, one
// set of open streams, one viewers' gauge and one shutdown hook.
//
// No "server-only" and no "@/" imports here: server.ts loads this file under plain tsx.

/** Where a viewer's frames go: the server's own response, or the route's ReadableStream. */
export type LiveSink = {
  /** One frame, shared with the other viewers: never modified. Throwing closes the stream. */
  write(bytes: Uint8Array): void;
  /** The stream is over (called at most once). */
  end(): void;
};

export type FollowOptions = {
  hearingId: string;
  lastEventId: number | null;
  sink: LiveSink;
};

export type LiveEngine = {
  /** Starts a viewer's stream on `sink` (retry hint, opening, changes, heartbeat); returns its close, for a viewer who left. */
  follow(options: FollowOptions): () => void;
  /**
   * "open" when anyone may read the hearing's stream (a public webcast, or no such hearing: its
   * stream says NOT_FOUND itself); "members" when a session decides (Next's route asks it).
   * Rejects when the database cannot be read (logged).
   */
  access(hearingId: string): Promise<"open" | "members">;
};

const KEY = Symbol.for("hustings.liveEngine");
const holder = globalThis as unknown as Record<symbol, LiveEngine | undefined>;

export function provideLiveEngine(engine: LiveEngine): void {
  holder[KEY] = engine;
}

/** The app's engine, once its modules have loaded. */
export function liveEngine(): LiveEngine | undefined {
  return holder[KEY];
}
