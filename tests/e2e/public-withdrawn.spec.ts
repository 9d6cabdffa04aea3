import { makeStatement } from "../support/factories-workspace";
import { expectAccessible, expect, test } from "./support/fixtures";
import { makeWorldConference, makeWorldPost, makeWorldCandidate } from "./support/world";

// docs/domain.md#public-record: a withdrawn candidate's material is marked as such on the public record,
// not deleted.
test("a withdrawn candidate's published material stays public, marked as withdrawn", async ({ page, db }) => {
  const conference = await makeWorldConference(db);
  const candidate = await makeWorldCandidate(db, await makeWorldPost(db, conference), { status: "WITHDRAWN", account: false });
  const statement = await makeStatement(db, candidate.id, "PUBLISHED");

  await page.goto(`/en/candidates/${candidate.id}`);
  await expect(page.getByTestId("withdrawn-note")).toHaveText("This candidature has been withdrawn. The material below is kept for the record.");
  await expect(page.getByText(statement.title)).toBeVisible();
  await expect(page.getByText("candidature withdrawn").first()).toBeVisible();
  await expectAccessible(page);
});
