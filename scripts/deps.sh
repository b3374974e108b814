#!/usr/bin/env bash
# Installs the Debian packages that building and testing dangjian need:
# a C toolchain and X11/OpenGL headers for Fyne (cgo), the MinGW compiler for
# the Windows cross-build, NSIS (makensis) for the Windows installer,
# osslsigncode and openssl for signing it, Xvfb (with xauth for xvfb-run),
# poppler-utils (pdftotext, pdftoppm) and the sqlite3 shell. Only missing
# packages are installed, and `apt-get update` runs only when something is
# missing, so a second run takes well under a second. Runs as root, or
# through sudo otherwise.
#
# osslsigncode: Debian 12 has 2.5 in bookworm main and 2.9 in
# bookworm-backports, both enough for scripts/windows-sign.sh and
# scripts/test-signing.sh; whichever the machine has is kept. Should no
# configured source offer it at all, bookworm-backports is added to the apt
# sources (/etc/apt/sources.list.d/bookworm-backports.list) and it comes
# from there.
#
#   scripts/deps.sh              the packages the build and tests need
#   scripts/deps.sh PACKAGE...   these packages instead (other scripts'
#                                needs: Wine for the smoke test, age and
#                                zstd for a benchmark), on the same terms
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
	nsis
	osslsigncode
	openssl
	sqlite3
)
if (($#)); then
	packages=("$@")
fi

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

# osslsigncode offered by none of the configured sources (a trimmed sources
# list): add bookworm-backports, once; a package only there is then
# installable as any other.
candidate=$(apt-cache policy osslsigncode 2>/dev/null | sed -n 's/^ *Candidate: *//p')
# shellcheck source=/dev/null
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
if [[ " ${missing[*]} " == *" osslsigncode "* ]] &&
	[[ -z "$candidate" || "$candidate" == "(none)" ]] &&
	[[ "$codename" == bookworm ]] &&
	! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
	echo "deps.sh: adding bookworm-backports to the apt sources (for osslsigncode)"
	echo 'deb http://deb.debian.org/debian bookworm-backports main' |
		"${sudo[@]}" tee /etc/apt/sources.list.d/bookworm-backports.list >/dev/null
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
fi

"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
