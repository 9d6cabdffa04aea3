#!/bin/sh
# Regenerates demo-video.webm (docs/demo-content.md): a 2 s title card and a 4 s test
# pattern with a quiet 440 Hz tone, 320×180, VP9/Opus in WebM, about 100 KB. Everything
# is drawn by ffmpeg's own lavfi sources; the title uses DejaVu Sans (Bitstream Vera licence).
# Needs ffmpeg with libvpx, libopus and libfreetype (Debian: apt-get install -y ffmpeg).
set -eu
cd "$(dirname "$0")"
BOLD=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
BOOK=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "color=c=0x1d3557:s=320x180:d=2:r=24" \
  -f lavfi -i "testsrc2=s=320x180:d=4:r=24" \
  -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=6" \
  -filter_complex "[0:v]drawtext=fontfile=$BOLD:text='Hustings':fontcolor=white:fontsize=28:x=(w-text_w)/2:y=60,drawtext=fontfile=$BOOK:text='Demonstration video':fontcolor=white:fontsize=16:x=(w-text_w)/2:y=104,format=yuv420p[t];[1:v]format=yuv420p[p];[t][p]concat=n=2:v=1:a=0[v];[2:a]volume=0.1[a]" \
  -map "[v]" -map "[a]" -c:v libvpx-vp9 -crf 45 -b:v 0 -g 48 -deadline good -cpu-used 4 -row-mt 1 \
  -c:a libopus -b:a 24k -ac 1 -map_metadata -1 -fflags +bitexact -t 6 demo-video.webm
