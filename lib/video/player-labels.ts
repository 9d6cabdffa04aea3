// The player's own words (media-chrome, under Mux's player) by the key of our catalogue
// (lib/i18n/messages/<locale>/player.json, "controls"): media-chrome looks its labels up by
// their English text, which contains dots and braces a catalogue key cannot hold. Cast is
// never offered (components/video/video-player.tsx), so its words are not here.
// docs/decisions/039-interpretation-and-player.md

export const PLAYER_LABELS = {
  startAirplayButton: "Start airplay",
  stopAirplayButton: "Stop airplay",
  audioMenu: "Audio",
  captionsMenu: "Captions",
  enableCaptionsButton: "Enable captions",
  disableCaptionsButton: "Disable captions",
  enterFullscreenButton: "Enter fullscreen mode",
  exitFullscreenButton: "Exit fullscreen mode",
  muteButton: "Mute",
  unmuteButton: "Unmute",
  loopButton: "Loop",
  enterPipButton: "Enter picture in picture mode",
  exitPipButton: "Exit picture in picture mode",
  playButton: "Play",
  pauseButton: "Pause",
  playbackRateMenu: "Playback rate",
  playbackRateValue: "Playback rate {playbackRate}",
  qualityMenu: "Quality",
  seekBackwardButton: "Seek backward",
  seekForwardButton: "Seek forward",
  settingsMenu: "Settings",
  auto: "Auto",
  audioPlayer: "audio player",
  videoPlayer: "video player",
  volume: "volume",
  seek: "seek",
  closedCaptions: "closed captions",
  currentPlaybackRate: "current playback rate",
  playbackTime: "playback time",
  mediaLoading: "media loading",
  settings: "settings",
  audioTracks: "audio tracks",
  quality: "quality",
  play: "play",
  pause: "pause",
  mute: "mute",
  unmute: "unmute",
  chapter: "chapter: {chapterName}",
  live: "live",
  off: "Off",
  startAirplay: "start airplay",
  stopAirplay: "stop airplay",
  enterFullscreen: "enter fullscreen mode",
  exitFullscreen: "exit fullscreen mode",
  enterPip: "enter picture in picture mode",
  exitPip: "exit picture in picture mode",
  seekToLive: "seek to live",
  playingLive: "playing live",
  seekBackSeconds: "seek back {seekOffset} seconds",
  seekForwardSeconds: "seek forward {seekOffset} seconds",
  networkError: "Network Error",
  decodeError: "Decode Error",
  sourceNotSupported: "Source Not Supported",
  encryptionError: "Encryption Error",
  networkErrorText: "A network error caused the media download to fail.",
  decodeErrorText: "A media error caused playback to be aborted. The media could be corrupt or your browser does not support this format.",
  sourceNotSupportedText: "An unsupported error occurred. The server or network failed, or your browser does not support this format.",
  encryptionErrorText: "The media is encrypted and there are no keys to decrypt it.",
  hour: "hour",
  hours: "hours",
  minute: "minute",
  minutes: "minutes",
  second: "second",
  seconds: "seconds",
  timeRemaining: "{time} remaining",
  timeOf: "{currentTime} of {totalTime}",
  timeUnknown: "video not loaded, unknown time.",
} as const;

export type PlayerLabelKey = keyof typeof PLAYER_LABELS;

/** The placeholders media-chrome fills in itself: handed back to it untouched. */
export const PLAYER_PLACEHOLDERS = {
  playbackRate: "{playbackRate}",
  chapterName: "{chapterName}",
  seekOffset: "{seekOffset}",
  time: "{time}",
  currentTime: "{currentTime}",
  totalTime: "{totalTime}",
} as const;

/** media-chrome's dictionary for one language, from our catalogue's `controls`. */
export function playerDictionary(translate: (key: PlayerLabelKey) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(PLAYER_LABELS).map(([key, english]) => [english, translate(key as PlayerLabelKey)]));
}
