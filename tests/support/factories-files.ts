import type { PrismaClient } from "@/lib/db/client";
import { unique } from "./factories";

/** A brochure of `candidateId` with no file yet, in the state asked for. */
export async function makeBrochure(db: PrismaClient, candidateId: string, state: "DRAFT" | "PUBLISHED" = "DRAFT") {
  return db.material.create({
    data: { candidateId, kind: "BROCHURE", title: unique("Brochure"), language: "en", state, publishedAt: state === "PUBLISHED" ? new Date() : null },
  });
}
