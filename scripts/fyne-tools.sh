#!/usr/bin/env bash
# Installs the `fyne` command line tool (fyne.io/tools/cmd/fyne), which
# `make windows` runs as `fyne package -os windows` to give dangjian.exe its
# icon, version resource and GUI subsystem. It is built from source at a
# pinned version with `go install` through the Go module proxy, into the
# git-ignored
#
#   bin/fyne-tools-<version>/fyne
#
# The folder is named after the version, so changing FYNE_TOOLS_VERSION
# installs into a new folder; older bin/fyne-tools-* folders are then
# removed. Prints the folder (absolute path) on stdout. When the binary is
# already there it prints nothing else and takes a few milliseconds; the
# first install takes about ten seconds and needs only Go (the tool itself
# is pure Go; it runs the go command, with cgo, for the build it packages).
#
#   bash scripts/fyne-tools.sh          install when missing, print the folder
#   bash scripts/fyne-tools.sh --dir    print the folder only, install nothing
set -euo pipefail

FYNE_TOOLS_VERSION=v1.7.4

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir="$root/bin/fyne-tools-$FYNE_TOOLS_VERSION"

if [[ "${1:-}" == "--dir" ]]; then
	echo "$dir"
	exit 0
fi
if [[ $# -gt 0 ]]; then
	echo "usage: bash scripts/fyne-tools.sh [--dir]" >&2
	exit 2
fi

if [[ -x "$dir/fyne" ]]; then
	echo "$dir"
	exit 0
fi

# Go from the official tarball lives in /usr/local/go/bin, which a
# non-login shell (CI) may not have on PATH.
export PATH="$PATH:/usr/local/go/bin"
if ! command -v go >/dev/null 2>&1; then
	echo "fyne-tools.sh: go is not on PATH" >&2
	exit 1
fi

# The module proxy is HTTPS: a bare Debian lacks the CA certificates Go
# verifies it with.
if [[ ! -e /etc/ssl/certs/ca-certificates.crt ]] && command -v apt-get >/dev/null 2>&1; then
	sudo=()
	if ((EUID != 0)); then
		sudo=(sudo)
	fi
	echo "fyne-tools.sh: installing ca-certificates" >&2
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends ca-certificates >/dev/null
fi

echo "fyne-tools.sh: installing fyne.io/tools $FYNE_TOOLS_VERSION into ${dir#"$root"/} (once)" >&2

# Build into a scratch folder and rename it at the end, so that an
# interrupted build never leaves a folder that looks complete.
mkdir -p "$root/bin"
tmp=$(mktemp -d "$root/bin/.fyne-tools-tmp.XXXXXX")
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT

# A pure-Go static binary, whatever the machine has; GOFLAGS and GOOS/GOARCH
# from the caller (make windows sets them for its own build) must not reach
# the tool's build.
env -u GOOS -u GOARCH -u CC GOBIN="$tmp" CGO_ENABLED=0 GOFLAGS= GO111MODULE=on \
	go install -trimpath "fyne.io/tools/cmd/fyne@$FYNE_TOOLS_VERSION"

rm -rf "$dir"
mv "$tmp" "$dir"
trap - EXIT

for old in "$root"/bin/fyne-tools-*; do
	if [[ -e "$old" && "$old" != "$dir" ]]; then
		rm -rf "$old"
	fi
done

echo "$dir"
