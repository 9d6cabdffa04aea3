import { makeMemberState, makeUser, unique } from "../support/factories";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { aWeekAgoInput, makeStaff, makeWorldCandidate, makeWorldConference, makeWorldPost } from "./support/world";
import { confirmDialog } from "./support/confirm";

// Each test works in a conference of its own (opening 28 October 2030: GR170's deadline is
// still ahead, so any past receipt is in time). The services' refusals (a state outside the seat's region,
// a receipt after the deadline, a move the status does not allow) and the history and audit
// rows are tests/integration/candidates-services.test.ts's; here, the pages and their forms.

test("the secretariat registers a candidature and moves it along announced → formal → elected", async ({ page, db }) => {
  // A journey of many pages and saves: three times the usual time on a busy machine.
  test.slow();
  const conference = await makeWorldConference(db);
  const post = await makeWorldPost(db, conference);
  const postLabel = `${post.name} (${post.code})`;
  // A state admitted after this conference could not nominate at it.
  const latecomer = await makeMemberState(db);
  await db.memberState.update({ where: { id: latecomer.id }, data: { admittedOn: new Date("2031-01-15") } });
  const nominating = await makeMemberState(db);
  const name = unique("Candidate");
  const admin = `/en/admin/conferences/${conference.slug}/candidates`;
  await signInAs(page, await makeStaff(db, "SECRETARIAT"));
  await page.goto(admin);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Candidatures");
  await expectAccessible(page);

  const register = page.getByRole("form", { name: "Register a candidature" });
  await register.getByLabel("Candidate's name").fill(name);
  await register.getByLabel("Post").selectOption({ label: postLabel });
  await register.getByLabel("Nominating Member State").selectOption({ label: latecomer.nameEn });
  await register.getByLabel("Internal candidate (current ITU official)").check();
  await register.getByRole("button", { name: "Register" }).click();
  await expect(register.getByTestId("form-error")).toContainText("was not a Member State of the Union at the time of this conference");
  await expect(register.getByLabel("Candidate's name")).toHaveValue(name);
  await expectAccessible(page);

  // The shared SelectField does not yet keep a refused choice (React resets a <select>): choose the post again.
  await register.getByLabel("Post").selectOption({ label: postLabel });
  await register.getByLabel("Nominating Member State").selectOption({ label: nominating.nameEn });
  await register.getByRole("button", { name: "Register" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("candidate-status")).toHaveText("Announced");
  await expect(page.getByTestId("candidate-account")).toHaveText("No account is bound to this candidature.");
  const candidate = await db.candidate.findFirstOrThrow({ where: { conferenceId: conference.id, name } });
  expect(candidate.isInternal).toBe(true);
  await expect(page).toHaveURL(new RegExp(`${admin}/${candidate.id}$`));
  await expect(page.getByRole("link", { name: "Create the candidate's account in Users and roles" })).toHaveAttribute(
    "href",
    `/en/admin/users?candidate=${candidate.id}`,
  );
  await expectAccessible(page);

  // Only the allowed move is offered; the date is required before anything is sent.
  const statusForm = page.getByRole("form", { name: "Change the status" });
  await expect(statusForm.getByLabel("New status").locator("option")).toHaveText(["Choose…", "Formal"]);
  await statusForm.getByLabel("New status").selectOption("FORMAL");
  await statusForm.getByRole("button", { name: "Change the status" }).click();
  await confirmDialog(page);
  await expect(statusForm.getByText("Enter the date and time the candidature was formally received.").first()).toBeVisible();
  await statusForm.getByLabel("Date and time of formal receipt (Geneva time)").fill(aWeekAgoInput());
  await statusForm.getByRole("button", { name: "Change the status" }).click();
  await confirmDialog(page);
  await expect(statusForm.getByTestId("form-success")).toContainText("The status is now: Formal.");

  await page.reload();
  await expect(page.getByTestId("candidate-status")).toHaveText("Formal");
  const next = page.getByRole("form", { name: "Change the status" });
  await expect(next.getByLabel("New status").locator("option")).toHaveText(["Choose…", "Withdrawn", "Elected", "Not elected"]);
  await next.getByLabel("New status").selectOption({ label: "Elected" });
  await next.getByLabel("Note for the history (optional)").fill("Elected in the first round.");
  await next.getByRole("button", { name: "Change the status" }).click();
  await confirmDialog(page);
  // The page shows the change at once: an ended candidature has no status form left.
  await expect(page.getByText("This candidature has ended: its status can no longer change.")).toBeVisible();
  await expect(page.getByTestId("status-history").locator("li")).toHaveCount(3);
  await expect(page.getByTestId("status-history")).toContainText("Elected in the first round.");

  await page.goto(`/ar/admin/conferences/${conference.slug}/candidates/${candidate.id}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);
  await page.goto(`/ar/admin/conferences/${conference.slug}/candidates`);
  await expectAccessible(page);
});

test("the secretariat corrects a candidature and sees its bound account", async ({ page, db }) => {
  const conference = await makeWorldConference(db);
  const candidate = await makeWorldCandidate(db, await makeWorldPost(db, conference), { status: "ANNOUNCED", account: false });
  const account = await makeUser(db, "CANDIDATE", { candidateId: candidate.id, disabled: true });
  await signInAs(page, await makeStaff(db, "SECRETARIAT"));
  await page.goto(`/en/admin/conferences/${conference.slug}/candidates/${candidate.id}`);
  await expect(page.getByTestId("candidate-account")).toHaveText(`Disabled account: ${account.email}`);
  const edit = page.getByRole("form", { name: "Correct the candidature" });
  await edit.getByLabel("Candidate's name").fill("");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByText("This field is required.")).toBeVisible();
  const corrected = unique("Corrected");
  await edit.getByLabel("Candidate's name").fill(corrected);
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByTestId("form-success")).toBeVisible();
  expect((await db.candidate.findUniqueOrThrow({ where: { id: candidate.id } })).name).toBe(corrected);
});

test("a member, and a visitor, cannot open the candidatures pages", async ({ page, db, consoleErrors }) => {
  consoleErrors.allow(/status of 403/);
  const conference = await makeWorldConference(db);
  const candidate = await makeWorldCandidate(db, await makeWorldPost(db, conference), { account: false });
  const admin = `/en/admin/conferences/${conference.slug}/candidates`;
  const anonymous = await page.goto(`${admin}/${candidate.id}`);
  expect(anonymous?.url()).toContain("/en/sign-in");
  await signInAs(page, await makeStaff(db, "MEMBER"));
  for (const path of [admin, `${admin}/${candidate.id}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
});
