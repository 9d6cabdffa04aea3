import { makePost, makeUser, unique } from "../support/factories";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";

const code = () => unique("E2E").toUpperCase().replace(/[^A-Z0-9-]/g, "").slice(0, 32);

async function pp18Post(db: Parameters<typeof makePost>[0]) {
  const conference = await db.conference.findUniqueOrThrow({ where: { slug: "pp-18" } });
  return makePost(db, conference.id, code());
}

test("the secretariat registers a candidature and moves it along announced → formal → elected", async ({ page, db }) => {
  const user = await makeUser(db, "SECRETARIAT");
  const post = await pp18Post(db);
  const postLabel = `${(post.names as { en: string }).en} (${post.code})`;
  const name = unique("Candidate");
  await signInAs(page, "en", user);
  await page.goto("/en/admin/candidates");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Candidatures");
  await expectAccessible(page);

  // Palau acceded in 2024: it could not nominate at PP-18.
  const register = page.getByRole("form", { name: "Register a candidature" });
  await register.getByLabel("Candidate's name").fill(name);
  await register.getByLabel("Post").selectOption({ label: postLabel });
  await register.getByLabel("Nominating Member State").selectOption({ label: "Palau" });
  await register.getByLabel("Internal candidate (current ITU official)").check();
  await register.getByRole("button", { name: "Register" }).click();
  await expect(register.getByTestId("form-error")).toContainText("was not a Member State of the Union at the time of this conference");
  await expect(register.getByLabel("Candidate's name")).toHaveValue(name);
  await expectAccessible(page);

  // The shared SelectField does not yet keep a refused choice (React resets a <select>): choose the post again.
  await register.getByLabel("Post").selectOption({ label: postLabel });
  await register.getByLabel("Nominating Member State").selectOption({ label: "Switzerland" });
  await register.getByRole("button", { name: "Register" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("candidate-status")).toHaveText("Announced");
  await expect(page.getByTestId("candidate-account")).toHaveText("No account is bound to this candidature.");
  const candidate = await db.candidate.findFirstOrThrow({ where: { name } });
  expect(candidate.isInternal).toBe(true);
  await expect(page.getByRole("link", { name: "Create the candidate's account in Users and roles" })).toHaveAttribute(
    "href",
    `/en/admin/users?candidate=${candidate.id}`,
  );
  await expectAccessible(page);

  // Only the allowed move is offered; the date is required and must not be after the deadline.
  const statusForm = page.getByRole("form", { name: "Change the status" });
  const options = statusForm.getByLabel("New status").locator("option");
  await expect(options).toHaveText(["Formal"]);
  await statusForm.getByRole("button", { name: "Change the status" }).click();
  await expect(statusForm.getByText("Enter the date and time the candidature was formally received.").first()).toBeVisible();
  await statusForm.getByLabel("Date and time of formal receipt (Geneva time)").fill("2018-10-02T09:00");
  await statusForm.getByRole("button", { name: "Change the status" }).click();
  await expect(statusForm.getByTestId("form-error")).toContainText("received after the deadline in force");
  await expectAccessible(page);
  await statusForm.getByLabel("Date and time of formal receipt (Geneva time)").fill("2018-09-28T11:30");
  await statusForm.getByRole("button", { name: "Change the status" }).click();
  await expect(statusForm.getByTestId("form-success")).toContainText("The status is now: Formal.");

  await page.reload();
  await expect(page.getByTestId("candidate-status")).toHaveText("Formal");
  await expect(page.getByRole("form", { name: "Change the status" }).getByLabel("New status").locator("option")).toHaveText([
    "Withdrawn",
    "Elected",
    "Not elected",
  ]);
  const next = page.getByRole("form", { name: "Change the status" });
  await next.getByLabel("New status").selectOption({ label: "Elected" });
  await next.getByLabel("Note for the history (optional)").fill("Elected in the first round.");
  await next.getByRole("button", { name: "Change the status" }).click();
  // The page shows the change at once: an ended candidature has no status form left.
  await expect(page.getByText("This candidature has ended: its status can no longer change.")).toBeVisible();
  await expect(page.getByTestId("status-history").locator("li")).toHaveCount(3);
  await expect(page.getByTestId("status-history")).toContainText("Elected in the first round.");

  await page.goto(`/ar/admin/candidates/${candidate.id}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);
  await page.goto("/ar/admin/candidates");
  await expectAccessible(page);

  const audit = await db.auditEvent.findMany({ where: { entityId: candidate.id }, orderBy: { id: "asc" } });
  expect(audit.map((a) => a.action)).toEqual(["registered", "status-changed", "status-changed"]);
});

test("the secretariat corrects a candidature and sees its bound account", async ({ page, db }) => {
  const user = await makeUser(db, "SECRETARIAT");
  const post = await pp18Post(db);
  const switzerland = await db.memberState.findUniqueOrThrow({ where: { iso3: "CHE" } });
  const candidate = await db.candidate.create({
    data: { conferenceId: post.conferenceId, postId: post.id, memberStateId: switzerland.id, name: unique("Candidate"), status: "ANNOUNCED" },
  });
  const account = await makeUser(db, "CANDIDATE", { candidateId: candidate.id, disabled: true });
  await signInAs(page, "en", user);
  await page.goto(`/en/admin/candidates/${candidate.id}`);
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
  const post = await pp18Post(db);
  const switzerland = await db.memberState.findUniqueOrThrow({ where: { iso3: "CHE" } });
  const candidate = await db.candidate.create({
    data: { conferenceId: post.conferenceId, postId: post.id, memberStateId: switzerland.id, name: unique("Candidate") },
  });
  const anonymous = await page.goto(`/en/admin/candidates/${candidate.id}`);
  expect(anonymous?.url()).toContain("/en/sign-in");
  await signInAs(page, "en", await makeUser(db, "MEMBER"));
  for (const path of ["/en/admin/candidates", `/en/admin/candidates/${candidate.id}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
});
