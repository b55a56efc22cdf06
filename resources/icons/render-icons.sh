#!/usr/bin/env bash
# Renders schemadesk.svg to the PNG sizes checked in beside it
# (schemadesk-<N>.png): the app's window icon comes from them, since Qt
# reads SVG only where the Qt SVG plugins are installed, and desktops
# without SVG support use the hicolor PNGs. Run after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 32 48 64 128 256; do
  if command -v rsvg-convert >/dev/null; then
    rsvg-convert -w "$size" -h "$size" -o "schemadesk-$size.png" schemadesk.svg
  else  # ImageMagick
    convert -background none -density $((size * 3 / 2)) schemadesk.svg -resize "${size}x${size}" \
            -depth 8 -strip "PNG32:schemadesk-$size.png"
  fi
done
