import { notFound, requestedTranscript, textResponse } from "@/lib/transcripts/download";

export const dynamic = "force-dynamic";

/** A hearing's transcript in one language as plain text (`?lang=`), its labels in `?locale=`. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const found = await requestedTranscript(request, (await params).id);
  return found ? textResponse(found.transcript, found.locale) : notFound();
}
