#!/usr/bin/env bash
# Installs the MinIO server and the mc client that the integration tests run
# (as separate processes on 127.0.0.1; their AGPL Go packages are never
# imported), built from source at pinned versions with `go install` through
# the Go module proxy, into the git-ignored
#
#   bin/minio-tools-minio-<commit>-mc-<commit>/{minio,mc}
#
# The folder is named after both versions, so changing a version installs
# into a new folder; older bin/minio-tools-* folders are then removed. Prints
# the folder (absolute path) on stdout. When both binaries are already there
# it prints nothing else and takes a few milliseconds; the first install
# builds for a few minutes and needs only Go (no git, no C compiler; on
# Debian the CA certificates are installed when missing).
#
#   bash scripts/minio-tools.sh          install when missing, print the folder
#   bash scripts/minio-tools.sh --dir    print the folder only, install nothing
#
# The tests find the binaries through DANGJIAN_MINIO_BIN_DIR (the Makefile
# exports it) or, when unset, in bin/minio-tools-*/ of the repository.
set -euo pipefail

MINIO_VERSION=v0.0.0-20260212201848-7aac2a2c5b7c
MC_VERSION=v0.0.0-20250313080218-cf909e1063a9

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir="$root/bin/minio-tools-minio-${MINIO_VERSION##*-}-mc-${MC_VERSION##*-}"

if [[ "${1:-}" == "--dir" ]]; then
	echo "$dir"
	exit 0
fi
if [[ $# -gt 0 ]]; then
	echo "usage: bash scripts/minio-tools.sh [--dir]" >&2
	exit 2
fi

if [[ -x "$dir/minio" && -x "$dir/mc" ]]; then
	echo "$dir"
	exit 0
fi

# Go from the official tarball lives in /usr/local/go/bin, which a
# non-login shell (CI) may not have on PATH.
export PATH="$PATH:/usr/local/go/bin"
if ! command -v go >/dev/null 2>&1; then
	echo "minio-tools.sh: go is not on PATH" >&2
	exit 1
fi

# The module proxy is HTTPS: a bare Debian (say a slim image with Go
# unpacked into it) lacks the CA certificates Go verifies it with.
if [[ ! -e /etc/ssl/certs/ca-certificates.crt ]] && command -v apt-get >/dev/null 2>&1; then
	sudo=()
	if ((EUID != 0)); then
		sudo=(sudo)
	fi
	echo "minio-tools.sh: installing ca-certificates" >&2
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends ca-certificates >/dev/null
fi

echo "minio-tools.sh: installing minio $MINIO_VERSION and mc $MC_VERSION into ${dir#"$root"/} (a few minutes, once)" >&2

# Build into a scratch folder and rename it at the end, so that an
# interrupted build never leaves a folder that looks complete.
mkdir -p "$root/bin"
tmp=$(mktemp -d "$root/bin/.minio-tools-tmp.XXXXXX")
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT

# Pure-Go static binaries, whatever the machine has; GOFLAGS from the
# caller (-mod=..., -tags=...) must not reach the foreign modules.
go_install() {
	env GOBIN="$tmp" CGO_ENABLED=0 GOFLAGS= GO111MODULE=on \
		go install -trimpath "$1"
}
go_install "github.com/minio/minio@$MINIO_VERSION"
go_install "github.com/minio/mc@$MC_VERSION"

rm -rf "$dir"
mv "$tmp" "$dir"
trap - EXIT

# Only the current versions stay: the tests' fallback lookup of
# bin/minio-tools-*/ must not pick an old one.
for old in "$root"/bin/minio-tools-* "$root"/bin/minio-tools; do
	if [[ -e "$old" && "$old" != "$dir" ]]; then
		rm -rf "$old"
	fi
done

echo "$dir"
