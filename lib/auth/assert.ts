import { DomainError } from "@/lib/errors/domain-error";
import { can, type Actor, type OwnedResource, type Permission } from "./permissions";

/** First line of every service: no actor, or an actor without the permission, stops here. */
export function assertCan(actor: Actor | null | undefined, permission: Permission, resource?: OwnedResource): asserts actor is Actor {
  if (!actor) throw new DomainError("UNAUTHENTICATED");
  if (!can(actor, permission, resource)) throw new DomainError("FORBIDDEN");
}
