#!/usr/bin/env bash
# Regenerates the emulator's committed video clips (dev time only; needs ffmpeg).
#
# The emulator has no encoder: it replays these pre-encoded VP8 frames as RTP.
# Every flag below exists for that replay:
#   - VP8 in IVF: trivial container (32-byte header, 12-byte frame headers).
#   - keyframe every 30 frames (-g/-keyint_min): new viewers, PLI/FIR and scene
#     switches restart from a keyframe, which is never more than 1 s away.
#   - -auto-alt-ref 0 -lag-in-frames 0: no hidden alt-ref frames, one IVF frame
#     is one displayed frame, so pacing is simply one frame per 1/30 s.
#   - -error-resilient 1: a lost packet does not corrupt later frames for long.
#   - -threads 1: libvpx output is then deterministic, so regenerating a clip
#     gives the same bytes and does not churn git.
# Each clip must stay at most 200 KB (checked below).
#
# The audio clip (voice.ogg, for models with an audio track) is Opus in Ogg:
# 20 ms packets (one RTP packet each), mono at 24 kbps, a 220 Hz tone whose
# loudness swells three times a second like speech, so a listener and an
# AnalyserNode both hear that sound is playing. -fflags +bitexact keeps the
# Ogg serial number fixed, so regenerating gives the same bytes.
set -euo pipefail

cd "$(dirname "$0")/.."
out_dir="emulator/clips"
mkdir -p "$out_dir"

command -v ffmpeg >/dev/null || {
  echo "ffmpeg not found (Debian/Ubuntu: apt-get install ffmpeg)" >&2
  exit 1
}

seconds=4
size=640x360
fps=30
max_bytes=204800

# Prints a written clip's size and fails when it is over the limit; $2 names
# the encoder flag to lower.
check_size() {
  local bytes
  bytes=$(wc -c <"$1")
  echo "$1: $bytes bytes"
  if [ "$bytes" -gt "$max_bytes" ]; then
    echo "$1 is larger than $max_bytes bytes; lower $2" >&2
    exit 1
  fi
}

# name|lavfi source. Scenes are deliberately unlike each other so a scene
# switch is obvious to a human and to a pixel-sampling test: bright test bars,
# a colourful fractal zoom, and a dark slowly moving gradient.
scenes=(
  "testsrc|testsrc2=size=${size}:rate=${fps}:duration=${seconds}"
  "mandelbrot|mandelbrot=size=${size}:rate=${fps},trim=duration=${seconds}"
  "night|gradients=size=${size}:rate=${fps}:duration=${seconds}:speed=0.03:nb_colors=3:c0=0x05051a:c1=0x1a2a6a:c2=0x2a0a3a:seed=7"
)

for entry in "${scenes[@]}"; do
  name="${entry%%|*}"
  source="${entry#*|}"
  target="$out_dir/$name.ivf"
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "$source" \
    -pix_fmt yuv420p -c:v libvpx \
    -b:v 300k -maxrate 300k -bufsize 300k \
    -g "$fps" -keyint_min "$fps" \
    -auto-alt-ref 0 -lag-in-frames 0 -error-resilient 1 \
    -deadline good -cpu-used 4 -threads 1 \
    -f ivf "$target"
  check_size "$target" -b:v
done

audio="$out_dir/voice.ogg"
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "aevalsrc=0.4*sin(2*PI*220*t)*(0.6+0.4*sin(2*PI*3*t)):s=48000:d=${seconds}" \
  -c:a libopus -b:a 24k -ac 1 -frame_duration 20 -application audio \
  -fflags +bitexact -flags:a +bitexact \
  -f ogg "$audio"
check_size "$audio" -b:a
