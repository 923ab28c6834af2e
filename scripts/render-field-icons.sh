#!/usr/bin/env bash
# Renders the field app's PNG icons from src/Saphan.Web/wwwroot/field-icon.svg with headless Chromium (run once after
# changing the SVG; the PNGs are committed). "any": the SVG as it is; "maskable": the artwork within the central 80%
# safe zone on a full-bleed background, so a launcher's circle or squircle mask does not cut it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
www="$root/src/Saphan.Web/wwwroot"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for s in 192 512; do
  inner=$((s * 70 / 100)); offset=$(((s - inner) / 2))
  printf '<html><body style="margin:0;background:transparent"><img src="file://%s/field-icon.svg" width="%s" height="%s" style="display:block"></body></html>' \
    "$www" "$s" "$s" > "$work/any$s.html"
  printf '<html><body style="margin:0;background:#0b6e6e"><img src="file://%s/field-icon.svg" width="%s" height="%s" style="position:absolute;left:%spx;top:%spx"></body></html>' \
    "$www" "$inner" "$inner" "$offset" "$offset" > "$work/mask$s.html"
  for kind in any mask; do
    out="$www/field-icon-$s.png"; [ "$kind" = mask ] && out="$www/field-icon-maskable-$s.png"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
      --window-size="$s,$s" --screenshot="$out" "file://$work/$kind$s.html" 2>/dev/null
  done
done
ls -l "$www"/field-icon-*.png
