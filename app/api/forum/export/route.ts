import { isDomainError } from "@/lib/errors/domain-error";
import { exportForum } from "@/lib/forum/export";

export const dynamic = "force-dynamic";

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });

/** Open data: `?format=csv|json`, one forum with `&candidate=<id>`, else every forum. The public record only:
 * published questions, and those published then withdrawn, without their text (lib/forum/export.ts). */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const format = params.get("format") ?? "csv";
  if (format !== "csv" && format !== "json") return plain(400, "format must be csv or json.");
  const candidate = params.get("candidate")?.trim() || undefined;
  if (candidate !== undefined && !/^[A-Za-z0-9_-]{1,40}$/.test(candidate)) return plain(404, "Not found.");
  try {
    const file = await exportForum({ candidateId: candidate, format });
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        // Public data; a minute old at most.
        "Cache-Control": "public, max-age=60",
        // Open data, without credentials: any site may read it.
        "Access-Control-Allow-Origin": "*",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") return plain(404, "Not found.");
    throw error;
  }
}
