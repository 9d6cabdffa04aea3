"use client";

import dynamic from "next/dynamic";

/**
 * A campaign video on the candidate's page: the player's wrapper (its chapters, audio tracks,
 * languages and errors) loads after the page, as the Mux player itself already does, so that a
 * page showing a video is not heavier to open than one without (docs/decisions/036-page-weight.md).
 * Until then the same 16:9 box is reserved, so nothing moves when the player arrives.
 */
export const CampaignVideo = dynamic(() => import("@/components/video/video-player").then((m) => m.VideoPlayer), {
  ssr: false,
  loading: () => <div className="aspect-video w-full max-w-3xl rounded bg-slate-900" />,
});
