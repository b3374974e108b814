#!/usr/bin/env bash
# Installs the `fyne` command line tool (fyne.io/tools/cmd/fyne), which
# `make windows` runs as `fyne package -os windows` to give dangjian.exe its
# icon, version resource and GUI subsystem, at a pinned version into the
# git-ignored
#
#   bin/fyne-tools-<version>/fyne
#
# with scripts/go-tools.sh: about ten seconds the first time, a few
# milliseconds after. Prints the folder (absolute path).
#
#   bash scripts/fyne-tools.sh          install when missing, print the folder
#   bash scripts/fyne-tools.sh --dir    print the folder only, install nothing
set -euo pipefail

FYNE_TOOLS_VERSION=v1.7.4

if (($# > 1)) || [[ $# == 1 && "$1" != "--dir" ]]; then
	echo "usage: bash scripts/fyne-tools.sh [--dir]" >&2
	exit 2
fi
exec bash "$(dirname "${BASH_SOURCE[0]}")/go-tools.sh" "$@" fyne-tools "$FYNE_TOOLS_VERSION" \
	"fyne.io/tools/cmd/fyne@$FYNE_TOOLS_VERSION"
