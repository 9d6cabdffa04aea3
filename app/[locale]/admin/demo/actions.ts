"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { resetDemo } from "@/lib/demo/reset-service";

// The local demo's reset (docs/decisions/017-demo-reset.md). Everything was rewritten, so every
// cached page is dropped; the accounts were made anew, so the session is gone: sign in again.
export const resetDemoAction = formAction({
  run: async (actor, input) => {
    const result = await resetDemo({ actor, input });
    revalidatePath("/", "layout");
    return result;
  },
  success: (t) => t("admin.demoReset.done"),
  redirectTo: () => "/sign-in",
});
