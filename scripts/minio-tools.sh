#!/usr/bin/env bash
# Installs the MinIO server and the mc client that the integration tests run
# (as separate processes on 127.0.0.1; their AGPL Go packages are never
# imported), at pinned versions, into the git-ignored
#
#   bin/minio-tools-minio-<commit>-mc-<commit>/{minio,mc}
#
# with scripts/go-tools.sh: the first install builds for a few minutes,
# later runs take a few milliseconds. Prints the folder (absolute path).
#
#   bash scripts/minio-tools.sh          install when missing, print the folder
#   bash scripts/minio-tools.sh --dir    print the folder only, install nothing
#
# The integration tests find the binaries through DANGJIAN_MINIO_BIN_DIR
# (make test exports it); when it is unset (make check, a plain go test)
# they are skipped with one line and every unit test still runs.
set -euo pipefail

MINIO_VERSION=v0.0.0-20260212201848-7aac2a2c5b7c
MC_VERSION=v0.0.0-20250313080218-cf909e1063a9

if (($# > 1)) || [[ $# == 1 && "$1" != "--dir" ]]; then
	echo "usage: bash scripts/minio-tools.sh [--dir]" >&2
	exit 2
fi
exec bash "$(dirname "${BASH_SOURCE[0]}")/go-tools.sh" "$@" minio-tools "minio-${MINIO_VERSION##*-}-mc-${MC_VERSION##*-}" \
	"github.com/minio/minio@$MINIO_VERSION" "github.com/minio/mc@$MC_VERSION"
