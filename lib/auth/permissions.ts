// docs/conventions.md#permissions: permissions are named verbs on things, with ownership. Roles map to them
// here and only here; services call `can` (or `authorize`), the interface only uses it to
// hide what a user cannot do.

export const ROLES = ["SECRETARIAT", "CHAIR", "CANDIDATE", "ETHICS_OFFICER", "MEMBER"] as const;
export type RoleName = (typeof ROLES)[number];

export type Scope = "own" | "any";
export type Permission = `${string}:${string}:${Scope}`;

const ROLE_PERMISSIONS: Record<RoleName, readonly Permission[]> = {
  SECRETARIAT: [
    "enter:admin-area:any",
    "manage:conference:any",
    "manage:post:any",
    "manage:candidate:any",
    "manage:user:any",
    "manage:hearing:any",
    "manage:cost:any",
    "read:audit:any",
    "takedown:material:any",
    "hide:question:any",
    "read:forum-queue:any",
    "enter:hearing-question:any",
    "watch:members-webcast:any",
    "reset:demo:any",
    // docs/fairness.md#common-questionnaire: writes, orders and publishes the common questions.
    "manage:questionnaire:any",
  ],
  // ¶6: the chair runs the hearing they chair, and only that one.
  CHAIR: ["enter:chair-area:any", "run:hearing:own", "moderate:hearing-question:own", "watch:members-webcast:any"],
  CANDIDATE: [
    "enter:workspace:own",
    "edit:profile:own",
    "manage:material:own",
    "request:ethics-review:own",
    "moderate:question:own",
    "read:forum-queue:own",
    // docs/fairness.md#after-the-hearing: written answers to their own drawn questions not reached.
    "answer:hearing-question:own",
    "watch:members-webcast:any",
    "answer:questionnaire:own",
  ],
  // 001: the Ethics Office reads drafts sent for review, and nobody else's drafts.
  ETHICS_OFFICER: ["enter:ethics-area:any", "review:material:any", "answer:ethics-review:any", "watch:members-webcast:any"],
  MEMBER: ["enter:member-area:any", "watch:members-webcast:any"],
};

/** What a permission check needs to know about the user: nothing the browser could forge. */
export type Actor = {
  id: string;
  role: RoleName;
  candidateId: string | null;
  disabled: boolean;
};

/** Who owns a record: the candidate it belongs to, the user it belongs to, or its chair. */
export type OwnedResource = { candidateId?: string | null; userId?: string | null; chairId?: string | null };

export function permissionsOf(role: RoleName): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

function owns(actor: Actor, resource: OwnedResource | undefined): boolean {
  if (!resource) return false;
  if (resource.candidateId && actor.candidateId && resource.candidateId === actor.candidateId) return true;
  if (resource.userId && resource.userId === actor.id) return true;
  if (resource.chairId && resource.chairId === actor.id) return true;
  return false;
}

/**
 * May `actor` do `permission` to `resource`? An "any" grant covers every record; an "own"
 * grant covers only records the actor owns, so an "own" check needs the resource. Nobody
 * (including a disabled account) may do anything not granted.
 */
export function can(actor: Actor | null | undefined, permission: Permission, resource?: OwnedResource): boolean {
  if (!actor || actor.disabled) return false;
  const [verb, thing, scope] = permission.split(":");
  const granted = ROLE_PERMISSIONS[actor.role];
  if (granted.includes(`${verb}:${thing}:any`)) return true;
  // Asking for "any" needs an "any" grant; an "own" grant never widens.
  if (scope === "own" && granted.includes(`${verb}:${thing}:own`)) return owns(actor, resource);
  return false;
}
