export type FieldChange = { field: string; before: string; after: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A snapshot value as readable text: strings as they are, anything else as JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/**
 * The fields an audit event changed, one line each, in a stable order. Null when the two
 * snapshots cannot be compared field by field (a creation, or not both objects).
 */
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] | null {
  if (!isRecord(before) || !isRecord(after)) return null;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((field) => ({ field, before: showValue(before[field]), after: showValue(after[field]) }));
}
