#!/bin/sh
# Rebuilds the fonts in assets/fonts from Debian's Noto CJK packages:
# installs the packages if missing, checks that the source faces cover the
# 8,105 characters of the 通用规范汉字表, then subsets, converts to TrueType
# outlines and renames each face (make_faces.py), and writes the OFL text.
# The same package versions give the same bytes.
#
# Usage: sh scripts/fonts/make-faces.sh   (from anywhere; run as root or with sudo)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out=$here/../../assets/fonts
pkgs="fonts-noto-cjk fonts-noto-cjk-extra python3-fonttools"

missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
	sudo=""
	[ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get update
	# shellcheck disable=SC2086
	$sudo apt-get install -y --no-install-recommends $missing
fi
for p in $pkgs; do
	echo "$p $(dpkg-query -W -f='${Version}' "$p")"
done

# Debian's python3 (the one with python3-fonttools), not another on PATH.
/usr/bin/python3 "$here/make_faces.py" "$out" "$@"

# The licence: the copyright notice of the faces and the OFL 1.1 text, as in
# Debian's copyright file of fonts-noto-cjk.
{
	echo "Copyright 2014-2022 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'."
	echo "(As upstream noto-cjk's LICENSE states; the faces' own notices read © 2014-2021 Adobe for"
	echo "Noto Sans CJK and © 2017-2022 Adobe for Noto Serif CJK. Noto is a trademark of Google Inc.)"
	echo "Modified (subset, converted to TrueType outlines, renamed) for dangjian; see README.md."
	echo
	# The stand-alone "License: SIL-1.1" paragraph (after a blank line), unindented.
	awk 'p && /^$/ { exit }
		p { sub(/^ /, ""); if ($0 == ".") $0 = ""; print }
		/^License: SIL-1.1$/ && prev == "" { p = 1 }
		{ prev = $0 }' /usr/share/doc/fonts-noto-cjk/copyright
} >"$out/OFL.txt"
ls -l "$out"/*.ttf
