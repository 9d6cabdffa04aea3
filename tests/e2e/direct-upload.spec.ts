import path from "node:path";
import { asAppRole } from "../../lib/db/roles";
import { storeOrigin } from "../../lib/security/media-origins";
import { startNextServer } from "../support/next-server";
import { corsFor, S3RVER_CREDENTIALS, startLocalS3 } from "../support/s3-store";
import { unique } from "../support/factories";
import { expect, signInAs, test } from "./support/fixtures";
import { makeWorldCandidate, makeWorldConference, makeWorldPost } from "./support/world";

// With an object store, a candidate's video goes from the browser straight to the store by a
// signed address, and the portal checks it there before attaching it
// (docs/decisions/033-object-storage.md): a server of its own, given a local S3-compatible
// store (s3rver) whose bucket lets this site's pages PUT, as the deployment guide says.

test("with an object store, a video goes from the browser to the store, is checked there and attached", async ({ browser, db }) => {
  test.slow();
  // The server's port is known only once it runs; the bucket's rule names every loopback origin's scheme.
  const s3 = await startLocalS3(
    unique("videos")
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, "-")
      .slice(0, 40),
    { cors: corsFor("*") },
  );
  const env = {
    S3_BUCKET: s3.bucket,
    S3_REGION: "us-east-1",
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
  };
  const server = await startNextServer({ databaseUrl: asAppRole(process.env.E2E_DATABASE_URL ?? "", process.env.TEST_APP_ROLE_PASSWORD), env });
  const context = await browser.newContext({ baseURL: server.url });
  try {
    const conference = await makeWorldConference(db);
    const candidate = await makeWorldCandidate(db, await makeWorldPost(db, conference));
    const material = await db.material.create({
      data: { candidateId: candidate.id, kind: "VIDEO", title: unique("Direct video"), language: "en", state: "DRAFT" },
    });
    await signInAs(context, candidate.user!, { url: server.url });
    const page = await context.newPage();
    const answer = await page.goto(`/en/my/materials/${material.id}`);
    // The page lets the browser reach the store, and nothing else new.
    expect(answer?.headers()["content-security-policy"], server.output()).toContain(`connect-src 'self' ${storeOrigin(env)}`);

    const upload = page.getByRole("form", { name: "Upload a video file" });
    await upload.getByLabel("Video file").setInputFiles(path.resolve("tests/fixtures/video/sample.mp4"));
    await upload.getByRole("button", { name: "Upload the video" }).click();
    await expect(upload.getByTestId("video-upload-done")).toHaveText("The video was uploaded.");

    // The bytes went from the browser to the store, not through the portal's streaming route.
    const stored = await db.material.findUniqueOrThrow({ where: { id: material.id }, select: { fileKey: true, mimeType: true } });
    expect(stored.fileKey).toMatch(/^[a-f0-9]{32}\.mp4$/);
    expect(stored.mimeType).toBe("video/mp4");
    expect(await s3.keys()).toContain(stored.fileKey);
    expect(s3.requests.filter((r) => r.startsWith(`PUT /${s3.bucket}/${stored.fileKey}?`))).toHaveLength(1);
    // The candidate's preview plays it from the store through the portal's file route.
    await page.goto(`/en/my/materials/${material.id}`);
    await expect(page.locator("mux-player")).toHaveCount(1);
  } finally {
    await context.close();
    await server.stop();
    await s3.close();
  }
});
