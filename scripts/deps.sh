#!/usr/bin/env bash
# Installs the Debian packages that building and testing dangjian need:
# a C toolchain and X11/OpenGL headers for Fyne (cgo), the MinGW compiler for
# the Windows cross-build, Xvfb (with xauth for xvfb-run), poppler-utils (pdftotext, pdftoppm) and the
# sqlite3 shell. Only missing packages are installed, and `apt-get update`
# runs only when something is missing, so a second run takes well under a
# second. Runs as root, or through sudo otherwise.
set -euo pipefail

packages=(
	ca-certificates
	gcc
	libc6-dev
	pkg-config
	libxcursor-dev
	libxrandr-dev
	libxinerama-dev
	libxi-dev
	libxxf86vm-dev
	libgl1-mesa-dev
	xvfb
	xauth
	poppler-utils
	gcc-mingw-w64-x86-64
	sqlite3
)

missing=()
for p in "${packages[@]}"; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	if [[ "$status" != "install ok installed" ]]; then
		missing+=("$p")
	fi
done

if ((${#missing[@]} == 0)); then
	exit 0
fi

sudo=()
if ((EUID != 0)); then
	if ! command -v sudo >/dev/null 2>&1; then
		echo "deps.sh: missing packages (${missing[*]}) and not root, and sudo is not available" >&2
		exit 1
	fi
	sudo=(sudo)
fi

echo "deps.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
