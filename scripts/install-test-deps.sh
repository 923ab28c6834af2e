#!/usr/bin/env bash
# Installs what the test suites need beyond the .NET SDK: PostgreSQL (server binaries), Debian's
# Chromium (Playwright drives it; its own browser download cannot work offline) and fonts for Thai,
# Burmese, Khmer and Lao.
set -euo pipefail
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -d /usr/share/fonts/truetype/tlwg ] || need+=(fonts-thai-tlwg)
# Burmese, Khmer and Lao for the public tip page's screenshots.
ls /usr/share/fonts/truetype/noto/NotoSansMyanmar-* >/dev/null 2>&1 || need+=(fonts-noto-core)
# The quarterly report embeds Loma (Thai and Latin); its tests read PDFs with pdftotext.
[ -f /usr/share/fonts/truetype/tlwg/Loma.ttf ] || need+=(fonts-tlwg-loma-ttf)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-test-deps: missing ${need[*]}; install them with: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "install-test-deps: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
