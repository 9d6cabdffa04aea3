import { z } from "@/lib/validation/zod";

// Which of the profile's two files a form changes (the photo and the CV).
export const profileFileSchema = z.object({ kind: z.enum(["photo", "cv"]) });
