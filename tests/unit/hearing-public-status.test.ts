import { describe, expect, it } from "vitest";
import { publicHearingStatus, webcastBox } from "@/lib/hearings/public-status";
import { HEARING_STAGES } from "@/lib/hearings/stage";

describe("the hearing's public status follows its stage", () => {
  it("is scheduled until it starts, live while it runs, ended after, with its recording once published", () => {
    const said = HEARING_STAGES.map((stage) => [stage, publicHearingStatus(stage, false), publicHearingStatus(stage, true)]);
    expect(said).toEqual([
      ["SET_UP", "scheduled", "scheduled"],
      ["COMMITTED", "scheduled", "scheduled"],
      ["RUNNING", "live", "live"],
      ["ENDED", "ended", "recording"],
      ["REVEALED", "ended", "recording"],
      ["CLOSED", "ended", "recording"],
    ]);
  });
});

describe("the webcast box shows the player only when there is something to play", () => {
  it("announces a configured stream before the start instead of playing it", () => {
    expect(webcastBox("scheduled", true)).toBe("startsLater");
    expect(webcastBox("scheduled", false)).toBe("none");
  });

  it("plays the stream while the hearing runs, when there is one", () => {
    expect(webcastBox("live", true)).toBe("player");
    expect(webcastBox("live", false)).toBe("none");
  });

  it("after the hearing plays the recording, or says it will come; never the ended stream", () => {
    expect(webcastBox("recording", false)).toBe("player");
    expect(webcastBox("recording", true)).toBe("player");
    expect(webcastBox("ended", true)).toBe("recordingLater");
    expect(webcastBox("ended", false)).toBe("recordingLater");
  });
});
