#!/bin/sh
# Regenerates the hearing interpretation fixture: a four-second HLS presentation with one video
# rendition and seven alternate audio renditions (EXT-X-MEDIA TYPE=AUDIO): the floor, the
# authentic record, and an interpretation into each of the six languages
# (docs/decisions/039-interpretation-and-player.md). Each audio rendition is a tone of its own
# pitch, so a listener (or a test reading the buffered audio) can tell them apart.
#
# The output is committed (CI has no ffmpeg) and served by the app itself from public/, so the
# demo plays it offline and the page's policy ('self') allows it. Needs Debian's ffmpeg
# (libx264, aac). Run from the repository's root: sh scripts/media/make-interpretation-fixture.sh
set -eu
OUT=public/media/interpretation
SECONDS_LONG=4
rm -rf "$OUT"
mkdir -p "$OUT"

hls() { # <name> <ffmpeg input and encoding options...>
  name=$1
  shift
  mkdir -p "$OUT/$name"
  ffmpeg -hide_banner -loglevel error -y "$@" -t "$SECONDS_LONG" \
    -f hls -hls_time "$SECONDS_LONG" -hls_playlist_type vod -hls_segment_type fmp4 \
    -hls_fmp4_init_filename init.mp4 -hls_segment_filename "$OUT/$name/%d.m4s" \
    -fflags +bitexact -flags:v +bitexact -flags:a +bitexact -map_metadata -1 \
    "$OUT/$name/index.m3u8"
}

# Video: a small moving test card, no audio of its own (every sound is an alternate rendition).
hls video -f lavfi -i "testsrc2=size=160x90:rate=10" -an -c:v libx264 -profile:v baseline -level 3.0 \
  -pix_fmt yuv420p -b:v 40k -g 10 -x264-params keyint=10:min-keyint=10:scenecut=0

# Audio: floor at 440 Hz, then one pitch per language.
for pair in floor:440 ar:330 en:523 es:587 fr:659 ru:698 zh:784; do
  name=${pair%%:*}
  pitch=${pair#*:}
  hls "$name" -f lavfi -i "sine=frequency=$pitch:sample_rate=48000" -vn -ac 1 -c:a aac -b:a 24k
done

# The master playlist: the floor is the default rendition; each interpretation carries its
# language (BCP 47) and its name in that language.
cat >"$OUT/master.m3u8" <<'M3U8'
#EXTM3U
#EXT-X-VERSION:7
#EXT-X-INDEPENDENT-SEGMENTS
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="Floor",LANGUAGE="mul",DEFAULT=YES,AUTOSELECT=YES,URI="floor/index.m3u8"
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="العربية",LANGUAGE="ar",DEFAULT=NO,AUTOSELECT=YES,URI="ar/index.m3u8"
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="English",LANGUAGE="en",DEFAULT=NO,AUTOSELECT=YES,URI="en/index.m3u8"
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="Español",LANGUAGE="es",DEFAULT=NO,AUTOSELECT=YES,URI="es/index.m3u8"
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="Français",LANGUAGE="fr",DEFAULT=NO,AUTOSELECT=YES,URI="fr/index.m3u8"
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="Русский",LANGUAGE="ru",DEFAULT=NO,AUTOSELECT=YES,URI="ru/index.m3u8"
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="中文",LANGUAGE="zh",DEFAULT=NO,AUTOSELECT=YES,URI="zh/index.m3u8"
#EXT-X-STREAM-INF:BANDWIDTH=120000,AVERAGE-BANDWIDTH=80000,CODECS="avc1.42c01e,mp4a.40.2",RESOLUTION=160x90,FRAME-RATE=10.000,AUDIO="audio"
video/index.m3u8
M3U8
du -sh "$OUT"
