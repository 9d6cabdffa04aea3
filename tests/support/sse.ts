// Reads Server-Sent Events frames off a stream: the integration tests, the fault spec and the
// bench use it on a handler's body or on a `fetch` response from a running server.

export type SseFrame = { id?: string; event?: string; data?: Record<string, unknown>; comment?: string; retry?: string };

export function parseFrame(raw: string): SseFrame {
  const frame: SseFrame = {};
  for (const line of raw.split("\n")) {
    if (line.startsWith(":")) frame.comment = line.slice(1).trim();
    else if (line.startsWith("id: ")) frame.id = line.slice(4);
    else if (line.startsWith("event: ")) frame.event = line.slice(7);
    else if (line.startsWith("retry: ")) frame.retry = line.slice(7);
    else if (line.startsWith("data: ")) frame.data = JSON.parse(line.slice(6)) as Record<string, unknown>;
  }
  return frame;
}

export function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return {
    /** The next frame, or null when the stream ended; throws after `timeoutMs` without one. */
    async next(timeoutMs = 5_000): Promise<SseFrame | null> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const raw = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          return parseFrame(raw);
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error("no frame in time");
        let timer: NodeJS.Timeout | undefined;
        const chunk = await Promise.race([
          reader.read(),
          new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("no frame in time")), left))),
        ]).finally(() => clearTimeout(timer));
        if (chunk.done) return null;
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    /** The next frame that carries a state (skipping retry and heartbeat frames). */
    async nextState(timeoutMs = 5_000): Promise<SseFrame> {
      for (;;) {
        const frame = await this.next(timeoutMs);
        if (!frame) throw new Error("the stream ended");
        if (frame.event === "state") return frame;
        if (frame.event === "failure") throw new Error(`the stream failed: ${JSON.stringify(frame.data)}`);
      }
    },
    /** Every frame until the stream ends. */
    async rest(timeoutMs = 5_000): Promise<SseFrame[]> {
      const frames: SseFrame[] = [];
      for (let frame = await this.next(timeoutMs); frame; frame = await this.next(timeoutMs)) frames.push(frame);
      return frames;
    },
    cancel: () => reader.cancel().catch(() => undefined),
  };
}
