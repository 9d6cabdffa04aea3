import { describe, expect, it } from "vitest";
import { can, permissionsOf, ROLES, type Actor, type Permission, type RoleName } from "@/lib/auth/permissions";

function actor(role: RoleName, extra: Partial<Actor> = {}): Actor {
  return { id: `user-${role}`, role, candidateId: role === "CANDIDATE" ? "cand-1" : null, disabled: false, ...extra };
}

// What each role may enter, and nobody else (the roles of docs/domain.md#users-and-roles).
const AREA_OF: Record<RoleName, Permission> = {
  SECRETARIAT: "enter:admin-area:any",
  CHAIR: "enter:chair-area:any",
  CANDIDATE: "enter:workspace:own",
  ETHICS_OFFICER: "enter:ethics-area:any",
  MEMBER: "enter:member-area:any",
};

describe("role → permission map", () => {
  it.each(ROLES)("%s enters its own area and no other", (role) => {
    const user = actor(role);
    for (const other of ROLES) {
      const allowed = can(user, AREA_OF[other], { userId: user.id, candidateId: user.candidateId });
      expect(allowed, `${role} entering ${other}'s area`).toBe(other === role);
    }
  });

  it("gives the secretariat the console's powers, and nobody else", () => {
    const console: Permission[] = [
      "manage:conference:any",
      "manage:post:any",
      "manage:candidate:any",
      "manage:user:any",
      "manage:hearing:any",
      "manage:cost:any",
      "read:audit:any",
      "takedown:material:any",
      "hide:question:any",
    ];
    for (const role of ROLES) {
      for (const permission of console) {
        expect(can(actor(role), permission), `${role}: ${permission}`).toBe(role === "SECRETARIAT");
      }
    }
  });

  it("never lets the secretariat or the chair answer or publish on a candidate's behalf", () => {
    for (const role of ["SECRETARIAT", "CHAIR", "ETHICS_OFFICER", "MEMBER"] as const) {
      expect(can(actor(role), "moderate:question:own", { candidateId: "cand-1" })).toBe(false);
      expect(can(actor(role), "edit:profile:own", { candidateId: "cand-1" })).toBe(false);
    }
  });

  it("lets a candidate act on their own records only", () => {
    const candidate = actor("CANDIDATE");
    expect(can(candidate, "edit:profile:own", { candidateId: "cand-1" })).toBe(true);
    expect(can(candidate, "edit:profile:own", { candidateId: "cand-2" })).toBe(false);
    expect(can(candidate, "edit:profile:own")).toBe(false);
    expect(can(candidate, "moderate:question:own", { candidateId: "cand-2" })).toBe(false);
  });

  it("does not treat an 'own' grant as 'any'", () => {
    expect(can(actor("CANDIDATE"), "edit:profile:any", { candidateId: "cand-1" })).toBe(false);
  });

  it("lets the chair run only the hearing they chair", () => {
    const chair = actor("CHAIR");
    expect(can(chair, "run:hearing:own", { chairId: chair.id })).toBe(true);
    expect(can(chair, "run:hearing:own", { chairId: "someone-else" })).toBe(false);
  });

  it("keeps ethics review to the Ethics Office (001: confidential)", () => {
    for (const role of ROLES) {
      expect(can(actor(role), "review:material:any"), role).toBe(role === "ETHICS_OFFICER");
    }
  });

  it("lets every account, and no anonymous visitor, watch a members-only webcast", () => {
    for (const role of ROLES) expect(can(actor(role), "watch:members-webcast:any")).toBe(true);
    expect(can(null, "watch:members-webcast:any")).toBe(false);
  });

  it("refuses everything to a disabled account and to nobody", () => {
    for (const role of ROLES) {
      for (const permission of permissionsOf(role)) {
        expect(can(actor(role, { disabled: true }), permission, { userId: `user-${role}`, candidateId: "cand-1" })).toBe(false);
        expect(can(undefined, permission)).toBe(false);
      }
    }
  });

  it("refuses a permission no role has", () => {
    for (const role of ROLES) expect(can(actor(role), "delete:audit:any")).toBe(false);
  });
});
