import { parseStandInFile, parseStandInLength, standInMaster, standInPlaylist } from "@/lib/media/stand-in";

export const dynamic = "force-dynamic";

/**
 * The demo's stand-in recording (`/media/stand-in/<seconds>/master.m3u8`): playlists over the
 * committed fixture (lib/media/stand-in.ts, docs/decisions/039-interpretation-and-player.md),
 * which never change.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ length: string; file: string }> }) {
  const { length: lengthText, file: fileText } = await params;
  const length = parseStandInLength(lengthText);
  const file = parseStandInFile(fileText);
  if (length === null || file === null)
    return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  const body = file === "master" ? standInMaster() : standInPlaylist(file, length);
  return new Response(body, {
    headers: { "Content-Type": "application/vnd.apple.mpegurl", "Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff" },
  });
}
