import { makeCandidateAccount, makeStatement } from "../support/factories-workspace";
import { expectAccessible, expect, test } from "./support/fixtures";

// 001 / issue 4: a withdrawn candidate's material is marked as such on the public record,
// not deleted.
test("a withdrawn candidate's published material stays public, marked as withdrawn", async ({ page, db }) => {
  const conference = await db.conference.findUniqueOrThrow({ where: { slug: "pp-18" } });
  const { candidate } = await makeCandidateAccount(db, "FORMAL", conference.id);
  const statement = await makeStatement(db, candidate.id, "PUBLISHED");
  await db.candidate.update({ where: { id: candidate.id }, data: { status: "WITHDRAWN" } });

  await page.goto(`/en/candidates/${candidate.id}`);
  await expect(page.getByTestId("withdrawn-note")).toHaveText("This candidature has been withdrawn. The material below is kept for the record.");
  await expect(page.getByText(statement.title)).toBeVisible();
  await expect(page.getByText("candidature withdrawn").first()).toBeVisible();
  await expectAccessible(page);
});
