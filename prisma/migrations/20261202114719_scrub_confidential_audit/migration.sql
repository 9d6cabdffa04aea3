-- Hand-written, no schema change (docs/audit.md#the-scrub): audit rows about drafts, profiles
-- and Ethics Office reviews keep ids and statuses only (docs/domain.md#confidentiality). Rows
-- written before the application kept them so held a draft's title, text, link, video address,
-- file key and name, a profile's words and contact details, and the Office's outcome; they
-- are rewritten here to the shapes lib/audit/confidential.ts writes now:
--   material               id, candidateId, kind, state, publishedAt, takenDownAt, takedownReason,
--                          declaredNoSymbols, declaredNoResources, videoSource, and booleans
--                          hasFile (fileKey), hasPlaybackId (muxPlaybackId), videoFailed (videoError)
--   ethics                 id, materialId, candidateId, status (PENDING, or ANSWERED for an answer)
--   candidate, actions profile-*, photo-*, cv-*, vision-*
--                          id, candidateId, locale, publishedAt, declaredNoSymbols,
--                          declaredNoResources, takenDownAt, takedownReason, reason, digest, booleans
--                          hasPhoto (photoKey), hasCv (cvKey), and a nested "version" the same way
-- Only the snapshots change: who, when, what and which record stay as written.
--
-- The table refuses UPDATE (trigger "AuditEvent_append_only", 20261122194355_init). Migrations
-- run as the table's owner, which may set the trigger aside: it is disabled for the three
-- statements below and enabled again before the migration ends, inside the migration's own
-- transaction (ALTER TABLE holds the table's lock until the commit), so no other session ever
-- writes to the table without it.

CREATE FUNCTION "audit_scrub_keep"(v jsonb, kept text[], presence jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE((SELECT jsonb_object_agg(k, x) FROM jsonb_each(v) AS e(k, x) WHERE k = ANY (kept)), '{}'::jsonb)
      || COALESCE((SELECT jsonb_object_agg(p.value #>> '{}', to_jsonb(v -> p.key <> 'null'::jsonb))
                     FROM jsonb_each(presence) AS p WHERE v ? p.key), '{}'::jsonb)
$$;

CREATE FUNCTION "audit_scrub_material"(v jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN NULL WHEN jsonb_typeof(v) <> 'object' THEN NULL ELSE "audit_scrub_keep"(v,
    ARRAY['id', 'candidateId', 'kind', 'state', 'publishedAt', 'takenDownAt', 'takedownReason',
          'declaredNoSymbols', 'declaredNoResources', 'videoSource', 'hasFile', 'hasPlaybackId', 'videoFailed'],
    '{"fileKey": "hasFile", "muxPlaybackId": "hasPlaybackId", "videoError": "videoFailed"}'::jsonb) END
$$;

CREATE FUNCTION "audit_scrub_review"(v jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN NULL WHEN jsonb_typeof(v) <> 'object' THEN NULL ELSE
    "audit_scrub_keep"(v, ARRAY['id', 'materialId', 'candidateId'], '{}'::jsonb)
    || CASE WHEN v ? 'status' THEN jsonb_build_object('status', CASE WHEN v ->> 'status' = 'PENDING' THEN 'PENDING' ELSE 'ANSWERED' END)
            ELSE '{}'::jsonb END END
$$;

CREATE FUNCTION "audit_scrub_profile"(v jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF v IS NULL THEN RETURN NULL; END IF;
  IF jsonb_typeof(v) <> 'object' THEN RETURN NULL; END IF;
  RETURN "audit_scrub_keep"(v,
      ARRAY['id', 'candidateId', 'locale', 'publishedAt', 'declaredNoSymbols', 'declaredNoResources',
            'takenDownAt', 'takedownReason', 'reason', 'digest', 'hasPhoto', 'hasCv'],
      '{"photoKey": "hasPhoto", "cvKey": "hasCv"}'::jsonb)
    || CASE WHEN v ? 'version' THEN
         jsonb_build_object('version', CASE WHEN jsonb_typeof(v -> 'version') = 'object' THEN "audit_scrub_profile"(v -> 'version') ELSE 'null'::jsonb END)
       ELSE '{}'::jsonb END;
END
$$;

ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";

UPDATE "AuditEvent"
   SET "before" = "audit_scrub_material"("before"), "after" = "audit_scrub_material"("after")
 WHERE "area" = 'material'
   AND ("before" IS DISTINCT FROM "audit_scrub_material"("before") OR "after" IS DISTINCT FROM "audit_scrub_material"("after"));

UPDATE "AuditEvent"
   SET "before" = "audit_scrub_review"("before"), "after" = "audit_scrub_review"("after")
 WHERE "area" = 'ethics'
   AND ("before" IS DISTINCT FROM "audit_scrub_review"("before") OR "after" IS DISTINCT FROM "audit_scrub_review"("after"));

UPDATE "AuditEvent"
   SET "before" = "audit_scrub_profile"("before"), "after" = "audit_scrub_profile"("after")
 WHERE "area" = 'candidate' AND "action" ~ '^(profile|photo|cv|vision)-'
   AND ("before" IS DISTINCT FROM "audit_scrub_profile"("before") OR "after" IS DISTINCT FROM "audit_scrub_profile"("after"));

ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";

DROP FUNCTION "audit_scrub_profile"(jsonb);
DROP FUNCTION "audit_scrub_review"(jsonb);
DROP FUNCTION "audit_scrub_material"(jsonb);
DROP FUNCTION "audit_scrub_keep"(jsonb, text[], jsonb);
