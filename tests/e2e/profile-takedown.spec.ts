import { expectAccessible, expect, signInAs, signOut, test } from "./support/fixtures";
import { makeStaff, makeWorldCandidate, makeWorldConference, makeWorldPost } from "./support/world";
import { confirmDialog } from "./support/confirm";

// docs/domain.md#takedown: the secretariat takes down a published vision statement as it takes
// down material; the public page stops showing it at once, and the candidate is told why.
test("a vision statement taken down leaves the public page, and the candidate is told why", async ({ page, db }) => {
  const conference = await makeWorldConference(db);
  const vision = "Our emblem-led plan for every Member State.";
  const candidate = await makeWorldCandidate(db, await makeWorldPost(db, conference), { vision });
  const secretariat = await makeStaff(db, "SECRETARIAT");
  const reason = "The statement's heading uses the Union's emblem.";

  await page.goto(`/en/candidates/${candidate.id}`);
  await expect(page.getByText(vision)).toBeVisible();

  await signInAs(page, secretariat);
  await page.goto(`/en/admin/conferences/${conference.slug}/materials`);
  const form = page.getByRole("form", { name: `Take down the version in English of the profile of ${candidate.name}` });
  await expect(page.getByTestId("takedown-profile").getByText(vision)).toBeVisible();
  await expectAccessible(page);
  await form.getByLabel("Reason").fill(reason);
  await form.getByRole("button", { name: `Take down the version in English of the profile of ${candidate.name}` }).click();
  await confirmDialog(page);
  // Taken down, the version leaves the list of public profiles (and its form with it).
  await expect(form).toHaveCount(0);
  await signOut(page);

  await page.goto(`/en/candidates/${candidate.id}`);
  await expect(page.getByText(vision)).toHaveCount(0);
  await expect(page.getByText("The candidate has not published a vision statement yet.")).toBeVisible();

  await signInAs(page, candidate.user);
  await page.goto("/en/my/profile");
  await expect(page.getByTestId("version-state")).toHaveText("This version is a draft, visible only to you.");
  await expect(page.getByTestId("version-taken-down")).toContainText(reason);
  await expectAccessible(page);
});
