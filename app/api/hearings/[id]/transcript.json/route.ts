import { jsonResponse, notFound, requestedTranscript } from "@/lib/transcripts/download";

export const dynamic = "force-dynamic";

/** A hearing's transcript in one language as JSON (`?lang=floor|<locale>`): open data, once the hearing has ended. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const found = await requestedTranscript(request, (await params).id);
  return found ? jsonResponse(found.transcript, found.locale) : notFound();
}
