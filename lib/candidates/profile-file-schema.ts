import { z } from "@/lib/validation/zod";

// Which of the profile's two files a form changes (issue 4: photo and CV).
export const profileFileSchema = z.object({ kind: z.enum(["photo", "cv"]) });
