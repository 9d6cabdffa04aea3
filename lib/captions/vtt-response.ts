import "server-only";

// How a caption track is answered (docs/decisions/040-captions.md): `text/vtt`, never sniffed;
// a public track as the chapters are (app/api/hearings/[id]/chapters.vtt), kept a minute by
// browsers and shared caches, like the pages' cached reads (docs/decisions/013-page-cache.md,
// 030-cache-across-instances.md); a candidate's draft track for them alone, kept by no one.

const NOT_FOUND_HEADERS = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

export function vttNotFound(): Response {
  return new Response("Not found.", { status: 404, headers: NOT_FOUND_HEADERS });
}

export function vttResponse(vtt: string, audience: "public" | "private"): Response {
  return new Response(vtt, {
    headers: {
      "Content-Type": "text/vtt; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      ...(audience === "public"
        ? { "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" }
        : { "Cache-Control": "private, no-store", Vary: "Cookie" }),
    },
  });
}
