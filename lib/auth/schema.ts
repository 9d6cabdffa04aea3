import { z } from "zod";

// Shared by the sign-in form and the server (docs/conventions.md#schemas-and-limits).
export const signInSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});
