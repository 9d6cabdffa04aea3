// Video players seek with HTTP range requests (RFC 9110 §14); one range is all they send.

export type ByteRange = { start: number; end: number } | "unsatisfiable" | null;

/** The single range of a `Range` header against a body of `size` bytes; null means "send it all". */
export function parseByteRange(header: string | null, size: number): ByteRange {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return null;
  if (first === "") {
    // "bytes=-500": the last 500 bytes.
    const length = Math.min(Number(last), size);
    return length > 0 ? { start: size - length, end: size - 1 } : "unsatisfiable";
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  return start < size && start <= end ? { start, end } : "unsatisfiable";
}
