import { checkbox } from "@/lib/validation/fields";
import { z } from "@/lib/validation/zod";

// Which of the profile's two files a form changes (the photo and the CV).
export const profileFileSchema = z.object({ kind: z.enum(["photo", "cv"]) });

/** Setting a file publishes it once the profile is public: the two declarations of 001 A, each time. */
export const setProfileFileSchema = profileFileSchema.extend({ declaredNoSymbols: checkbox, declaredNoResources: checkbox });
