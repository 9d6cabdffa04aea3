// The messages that carry a page-cache invalidation from the instance that made a change to
// every other instance (docs/decisions/030-cache-across-instances.md). A message names tags,
// not times: each receiver expires them at the moment it hears of them, on its own clock, the
// clock its entries are stamped with (docs/decisions/013-page-cache.md), so no two machines'
// clocks are ever compared.

/** The PostgreSQL channel the instances NOTIFY and LISTEN on. */
export const CACHE_CHANNEL = "page_cache_invalidations";

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; kept well below. */
export const MAX_PAYLOAD_BYTES = 7_900;

/**
 * One invalidation as the handler received it: `updateTag` and `revalidateTag(tag, { expire: 0 })`
 * expire at once (`swr` false); `revalidateTag(tag, profile)` marks stale (`swr` true) and
 * expires after `expireSeconds`.
 * @typedef {{ tags: string[], swr: boolean, expireSeconds?: number }} Invalidation
 * @typedef {{ from: string, invalidations: Invalidation[] }} Message
 */

/** @param {Invalidation} a @param {Invalidation} b */
const sameKind = (a, b) => a.swr === b.swr && a.expireSeconds === b.expireSeconds;

/**
 * Merges invalidations of the same kind (their tags, each once): what piled up while a
 * NOTIFY was under way or the connection was down goes out as few messages as it can.
 * @param {Invalidation[]} list
 * @returns {Invalidation[]}
 */
export function coalesce(list) {
  /** @type {Invalidation[]} */
  const merged = [];
  for (const item of list) {
    const into = merged.find((m) => sameKind(m, item));
    if (!into) merged.push({ ...item, tags: [...new Set(item.tags)] });
    else for (const tag of item.tags) if (!into.tags.includes(tag)) into.tags.push(tag);
  }
  return merged.filter((m) => m.tags.length > 0);
}

/** @param {string} from @param {Invalidation} kind @param {string[]} tags */
function payload(from, kind, tags) {
  /** @type {Record<string, unknown>} */
  const body = { v: 1, from, swr: kind.swr, tags };
  if (kind.expireSeconds !== undefined) body.expire = kind.expireSeconds;
  return JSON.stringify(body);
}

/**
 * The NOTIFY payloads for `list`, each under MAX_PAYLOAD_BYTES: one per kind of invalidation,
 * split across several when its tags do not fit in one (Next caps a tag at 256 characters).
 * @param {string} from this instance's id @param {Invalidation[]} list
 * @returns {string[]}
 */
export function encode(from, list) {
  /** @type {string[]} */
  const out = [];
  for (const kind of coalesce(list)) {
    /** @type {string[]} */
    let tags = [];
    for (const tag of kind.tags) {
      if (Buffer.byteLength(payload(from, kind, [tag])) > MAX_PAYLOAD_BYTES) continue;
      if (tags.length > 0 && Buffer.byteLength(payload(from, kind, [...tags, tag])) > MAX_PAYLOAD_BYTES) {
        out.push(payload(from, kind, tags));
        tags = [];
      }
      tags.push(tag);
    }
    if (tags.length > 0) out.push(payload(from, kind, tags));
  }
  return out;
}

/**
 * A payload read back, or null for anything that is not one (another version, a stray NOTIFY).
 * @param {string} text
 * @returns {Message | null}
 */
export function decode(text) {
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (!body || body.v !== 1 || typeof body.from !== "string" || typeof body.swr !== "boolean") return null;
  if (!Array.isArray(body.tags) || !body.tags.every((/** @type {unknown} */ t) => typeof t === "string")) return null;
  if (body.expire !== undefined && (typeof body.expire !== "number" || !(body.expire >= 0))) return null;
  /** @type {Invalidation} */
  const invalidation = { tags: body.tags, swr: body.swr };
  if (body.expire !== undefined) invalidation.expireSeconds = body.expire;
  return { from: body.from, invalidations: [invalidation] };
}
