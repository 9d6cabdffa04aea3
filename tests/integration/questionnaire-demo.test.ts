import { beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { seedArchiveQuestionnaire, seedQuestionnaireDemo } from "@/prisma/demo/questionnaire";
import { withAppDatabase } from "../support/app-database";
import { makeCandidate, makeConference, makeMemberState, makeUser } from "../support/factories";

// The demo's questionnaire (prisma/demo/questionnaire.ts) on a conference shaped like the live
// demo's: a round past its deadline shows answers side by side, one candidate without; a round
// still open hides its answers and waits for the demo candidate account's. The whole demo's load
// (tests/integration/demo.test.ts) runs it too, and checks that a second load changes nothing.

const { readPublicQuestionnaire } = await import("@/lib/questionnaire/public-queries");
const { getOwnQuestionnaire } = await import("@/lib/questionnaire/queries");

const database = withAppDatabase();
let db: PrismaClient;
beforeAll(() => {
  db = createDb(database.url());
});

describe("the demo's questionnaire", () => {
  it("is alive on the day it loads, and loaded again adds nothing", async () => {
    const conference = await makeConference(db);
    const state = await makeMemberState(db);
    const post = async (code: string, sortOrder: number) =>
      db.post.create({ data: { conferenceId: conference.id, code, kind: "ELECTED_OFFICIAL", names: { en: code }, sortOrder } });
    const [sg, bdt] = [await post("SG", 0), await post("BDT", 4)];
    const vision = (theme: string) => `[Demo content — a fictional candidate.]\n\n${theme}\n\nMore.`;
    const candidates: { id: string }[] = [];
    for (const [postId, name, themes] of [
      [sg.id, "Ana", { en: "Budget line by line.", es: "Presupuesto partida por partida." }],
      [sg.id, "Bo", { en: "Open standards." }],
      [bdt.id, "Cy", { en: "Schools online.", ar: "المدارس على الإنترنت." }],
      [bdt.id, "Di", { en: "Rural towers." }],
    ] as const) {
      const c = await makeCandidate(db, { conferenceId: conference.id, postId, memberStateId: state.id });
      await db.candidate.update({ where: { id: c.id }, data: { name, isDemo: true } });
      await db.candidateProfile.createMany({
        data: Object.entries(themes).map(([locale, theme]) => ({ candidateId: c.id, locale, vision: vision(theme), publishedAt: new Date() })),
      });
      candidates.push(c);
    }
    const bound = await makeUser(db, "CANDIDATE", { candidateId: candidates[0]!.id });

    expect(await seedQuestionnaireDemo(db, { conferenceId: conference.id })).toEqual({ created: true });
    const [closed, open] = await readPublicQuestionnaire(conference.id);
    expect(closed).toMatchObject({ number: 1, revealed: true });
    expect(open).toMatchObject({ number: 2, revealed: false });
    const priority = closed!.questions[0]!;
    // Every candidate answered in each language of their profile, but Di (BDT), who gave none.
    expect(priority.answers.map((a) => a.language).sort()).toEqual(["ar", "en", "en", "en", "es"]);
    expect(priority.answers.some((a) => a.candidateId === candidates[3]!.id)).toBe(false);
    expect(priority.answers.every((a) => a.body.startsWith("[Demo content"))).toBe(true);
    // The second question is for the SG only.
    expect(closed!.posts.find((p) => p.code === "BDT")!.questionIds).toEqual([priority.id]);
    expect(closed!.posts.find((p) => p.code === "SG")!.questionIds).toHaveLength(2);
    // Round 2 is open, with answers kept back, and the demo account has one to give.
    expect(open!.questions[0]!.answers).toEqual([]);
    expect(await db.questionnaireAnswer.count({ where: { question: { questionnaireId: open!.id } } })).toBe(2);
    const own = await getOwnQuestionnaire({ id: bound.id, role: "CANDIDATE", candidateId: candidates[0]!.id, disabled: false });
    expect(own?.rounds.find((r) => r.number === 2)).toMatchObject({ open: true, questions: [{ answers: [] }] });

    const rows = await db.questionnaireAnswer.count();
    expect(await seedQuestionnaireDemo(db, { conferenceId: conference.id })).toEqual({ created: false });
    expect(await db.questionnaireAnswer.count()).toBe(rows);
  });

  it("gives the archive one completed round, closed in 2018, without the announced candidature", async () => {
    const conference = await makeConference(db, { opensOn: "2018-10-29", closesOn: "2018-11-16", closedAt: new Date("2018-11-23T10:00:00Z") });
    const state = await makeMemberState(db);
    const sg = await db.post.create({ data: { conferenceId: conference.id, code: "SG", kind: "ELECTED_OFFICIAL", names: { en: "SG" } } });
    const ids: string[] = [];
    for (const [name, status] of [
      ["Amaia", "FORMAL"],
      ["Tomasz", "FORMAL"],
      ["Late", "ANNOUNCED"],
    ] as const) {
      const c = await makeCandidate(db, { conferenceId: conference.id, postId: sg.id, memberStateId: state.id, status });
      await db.candidate.update({ where: { id: c.id }, data: { name, isDemo: true } });
      await db.candidateProfile.create({
        data: { candidateId: c.id, locale: "en", vision: `[Demo content — a fictional candidate.]\n${name}'s plan.`, publishedAt: new Date("2018-10-01") },
      });
      ids.push(c.id);
    }
    expect(await seedArchiveQuestionnaire(db, conference.id)).toEqual({ created: true });
    const [round] = await readPublicQuestionnaire(conference.id);
    expect(round).toMatchObject({ number: 1, revealed: true, deadlineAt: "2018-10-21T19:59:00.000Z" });
    // Amaia answered with her plan, the demo label once; Tomasz (the last, with no BDT) gave none; the announced one is not asked.
    expect(round!.questions[0]!.answers).toEqual([
      expect.objectContaining({ candidateId: ids[0], body: "[Demo content — a fictional candidate.]\n\nAmaia's plan." }),
    ]);
    expect(round!.posts[0]!.candidates.map((c) => c.id)).toEqual([ids[0], ids[1]]);
    expect(await seedArchiveQuestionnaire(db, conference.id)).toEqual({ created: false });
  });
});
