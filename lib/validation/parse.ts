import type { z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";

/** Parses a service's input; a refusal names each field's problem as a message key. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    // A form field is the top-level key: an error deep in a list belongs to the whole field.
    const field = issue.path.length > 0 ? String(issue.path[0]) : "_form";
    fieldErrors[field] ??= issue.message;
  }
  throw new DomainError("INVALID_INPUT", { fieldErrors });
}
