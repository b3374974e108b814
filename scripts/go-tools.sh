#!/usr/bin/env bash
# Installs Go command-line tools at pinned versions, built from source with
# `go install` through the Go module proxy, into the git-ignored
#
#   bin/FAMILY-TAG/<tool>...
#
# TAG names the versions, so changing a version installs into a new folder;
# the family's other folders (bin/FAMILY-*) are then removed, so a lookup of
# bin/FAMILY-*/ finds the current one only. Prints the folder (absolute
# path) on stdout. When every tool is already there it prints nothing else
# and takes a few milliseconds. Needs only Go (the tools are built as static
# pure-Go binaries; on Debian the CA certificates the module proxy needs are
# installed when missing).
#
#   bash scripts/go-tools.sh [--dir] FAMILY TAG MODULE/PATH@VERSION...
#
# --dir prints the folder only and installs nothing. scripts/minio-tools.sh
# and scripts/fyne-tools.sh name what they install and call this.
set -euo pipefail

only_dir=0
if [[ "${1:-}" == "--dir" ]]; then
	only_dir=1
	shift
fi
if (($# < 3)); then
	echo "usage: bash scripts/go-tools.sh [--dir] FAMILY TAG MODULE/PATH@VERSION..." >&2
	exit 2
fi
family=$1 tag=$2
shift 2

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir="$root/bin/$family-$tag"
if ((only_dir)); then
	echo "$dir"
	exit 0
fi

present=1
for pkg in "$@"; do
	tool=${pkg%@*}
	[[ -x "$dir/${tool##*/}" ]] || present=0
done
if ((present)); then
	echo "$dir"
	exit 0
fi

# Go from the official tarball lives in /usr/local/go/bin, which a
# non-login shell (CI) may not have on PATH.
export PATH="$PATH:/usr/local/go/bin"
if ! command -v go >/dev/null 2>&1; then
	echo "go-tools.sh: go is not on PATH" >&2
	exit 1
fi

# The module proxy is HTTPS: a bare Debian (say a slim image with Go
# unpacked into it) lacks the CA certificates Go verifies it with.
if [[ ! -e /etc/ssl/certs/ca-certificates.crt ]] && command -v apt-get >/dev/null 2>&1; then
	bash "$root/scripts/deps.sh" ca-certificates >&2
fi

echo "go-tools.sh: installing $* into ${dir#"$root"/} (once)" >&2

# Build into a scratch folder and rename it at the end, so that an
# interrupted build never leaves a folder that looks complete.
mkdir -p "$root/bin"
tmp=$(mktemp -d "$root/bin/.$family-tmp.XXXXXX")
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT

# Static pure-Go binaries, whatever the machine has; GOFLAGS and
# GOOS/GOARCH/CC from the caller (make windows sets them for its own build)
# must not reach the tools' builds.
for pkg in "$@"; do
	env -u GOOS -u GOARCH -u CC GOBIN="$tmp" CGO_ENABLED=0 GOFLAGS= GO111MODULE=on \
		go install -trimpath "$pkg"
done

rm -rf "$dir"
mv "$tmp" "$dir"
trap - EXIT

for old in "$root/bin/$family"-* "$root/bin/$family"; do
	if [[ -e "$old" && "$old" != "$dir" ]]; then
		rm -rf "$old"
	fi
done

echo "$dir"
