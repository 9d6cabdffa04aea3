import { describe, expect, it } from "vitest";
import { parseStandInFile, parseStandInLength, standInMaster, standInPlaylist, STAND_IN_MAX_SECONDS } from "@/lib/media/stand-in";
import { isOwnMediaPath } from "@/lib/materials/video-playback";

// The demo's stand-in playlists over the committed fixture (docs/decisions/039-interpretation-and-player.md).

describe("the stand-in's addresses", () => {
  it("take a length in seconds, and a known playlist, nothing else", () => {
    expect(parseStandInLength("18060")).toBe(18060);
    for (const bad of ["0", "-4", "01", "4.5", String(STAND_IN_MAX_SECONDS + 1), "1e4", "", "live"]) expect(parseStandInLength(bad), bad).toBeNull();
    expect(parseStandInFile("master.m3u8")).toBe("master");
    expect(parseStandInFile("video.m3u8")).toBe("video");
    expect(parseStandInFile("zh.m3u8")).toBe("zh");
    for (const bad of ["de.m3u8", "../floor.m3u8", "floor.mp4", "floor.m3u8x"]) expect(parseStandInFile(bad), bad).toBeNull();
    expect(isOwnMediaPath("/media/stand-in/18060/master.m3u8")).toBe(true);
  });
});

describe("the stand-in's playlists", () => {
  it("the master names the floor first and as the default, and each interpretation by its language", () => {
    const master = standInMaster();
    const audio = master.split("\n").filter((l) => l.startsWith("#EXT-X-MEDIA:"));
    expect(audio).toHaveLength(7);
    expect(audio[0]).toContain('LANGUAGE="mul",DEFAULT=YES');
    expect(audio.slice(1).every((l) => l.includes("DEFAULT=NO"))).toBe(true);
    expect(master).toContain('URI="fr.m3u8"');
    expect(master.trimEnd().endsWith("video.m3u8")).toBe(true);
  });

  it("a recording repeats the fixture's segment for its whole length, each repeat a discontinuity, and ends", () => {
    const playlist = standInPlaylist("fr", 18_001);
    const segments = playlist.split("\n").filter((l) => l === "/media/interpretation/fr/0.m4s");
    expect(segments).toHaveLength(4501);
    expect(playlist.split("\n").filter((l) => l === "#EXT-X-DISCONTINUITY")).toHaveLength(4500);
    expect(playlist).toContain("#EXT-X-PLAYLIST-TYPE:VOD");
    expect(playlist).toContain('#EXT-X-MAP:URI="/media/interpretation/fr/init.mp4"');
    expect(playlist.trimEnd().endsWith("#EXT-X-ENDLIST")).toBe(true);
  });
});
