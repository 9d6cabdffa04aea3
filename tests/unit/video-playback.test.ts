import { describe, expect, it } from "vitest";
import { videoPlayback, type VideoFields } from "@/lib/materials/video-playback";

const base: VideoFields = { kind: "VIDEO", videoSource: null, fileKey: null, url: null, muxPlaybackId: null };

describe("what a video material plays", () => {
  it("plays the Mux playback id once Mux has prepared the asset, nothing before", () => {
    expect(videoPlayback({ ...base, videoSource: "MUX" })).toBeNull();
    expect(videoPlayback({ ...base, videoSource: "MUX", muxPlaybackId: "abc123" })).toEqual({ kind: "mux", playbackId: "abc123" });
  });

  it("plays an uploaded file through the file route, which applies the access rules", () => {
    expect(videoPlayback({ ...base, videoSource: "UPLOAD", fileKey: "0123456789abcdef0123456789abcdef.mp4" })).toEqual({
      kind: "src",
      src: "/api/files/0123456789abcdef0123456789abcdef.mp4",
      external: false,
      stream: "progressive",
    });
    expect(videoPlayback({ ...base, videoSource: "UPLOAD" })).toBeNull();
  });

  it("plays an external address as given", () => {
    expect(videoPlayback({ ...base, videoSource: "URL", url: "https://video.example.org/v.m3u8" })).toEqual({
      kind: "src",
      src: "https://video.example.org/v.m3u8",
      external: true,
      stream: "hls",
    });
    expect(videoPlayback({ ...base, videoSource: "URL", url: "https://video.example.org/live/Master.M3U8?token=1" })).toMatchObject({ stream: "hls" });
    expect(videoPlayback({ ...base, videoSource: "URL", url: "https://video.example.org/v.webm" })).toMatchObject({ stream: "progressive" });
  });

  it("follows the recorded source, not whichever column happens to be filled", () => {
    // A leftover file key must not play when the candidate switched to an external address.
    expect(videoPlayback({ ...base, videoSource: "URL", url: "https://v.example.org/a.mp4", fileKey: "0123456789abcdef0123456789abcdef.mp4" })).toMatchObject({
      src: "https://v.example.org/a.mp4",
    });
    expect(videoPlayback({ ...base, fileKey: "0123456789abcdef0123456789abcdef.mp4" })).toBeNull();
  });

  it("is nothing for other kinds of material", () => {
    expect(videoPlayback({ ...base, kind: "LINK", videoSource: "URL", url: "https://example.org" })).toBeNull();
  });
});
