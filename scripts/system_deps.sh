#!/usr/bin/env bash
# Installs the Debian packages Qt needs to draw (offscreen or on screen), those the tests use
# (poppler-utils renders report PDFs, librsvg2-bin renders the SVG map as other programs do,
# scram analyses the MEF exports) and those packaging needs
# (objdump for PyInstaller, dpkg-deb for the .deb), when they are missing and we may install (root
# with apt-get); otherwise lists them.
set -euo pipefail
packages=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
          libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 fonts-dejavu-core poppler-utils librsvg2-bin
          binutils dpkg scram)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Please install these system packages: ${missing[*]}" >&2
fi
