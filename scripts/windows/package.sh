#!/usr/bin/env bash
# Builds the Windows program of dangjian with `fyne package -os windows`
# (fyne.io/tools, installed by scripts/fyne-tools.sh), cross-compiled with cgo
# and MinGW (CC=x86_64-w64-mingw32-gcc), for windows/amd64:
#
#   OUT_DIR/dangjian.exe   GUI subsystem (-H=windowsgui), release build
#                          (-trimpath -s -w, -tags release), with the icon,
#                          a manifest and the version resource from
#                          FyneApp.toml (name 党员教育管理, version, build)
#   OUT_DIR/dangjian.ico   the icon in 8 sizes, 16 to 256 pixels, which the
#                          installer puts beside it for the shortcuts
#   OUT_DIR/welcome.bmp    the picture of the installer's welcome and
#                          finish pages
#
#   bash scripts/windows/package.sh [OUT_DIR]     (default dist/windows/build)
#
# A file in OUT_DIR is replaced only when its content changed. The program
# is checked to be a GUI program (subsystem 2) with a resource section.
#
# fyne package writes into the folder it packages: a fyne.syso and a
# fyne_metadata_init.go for the duration of the build, the program itself,
# and afterwards it raises Build in FyneApp.toml. So it packages a copy of
# the sources in a scratch folder, and the work tree (where others may be
# building and testing meanwhile) is left alone. The build is -trimpath, so
# the copy's changing path does not defeat Go's build cache: the first build
# takes about 7 minutes (cgo packages with MinGW), later ones about 3 seconds
# when nothing changed (Go caches the linked program too), and the result is
# the same file byte for byte.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=${1:-$root/dist/windows/build}
mkdir -p "$out"
out=$(cd "$out" && pwd)

export PATH="$PATH:/usr/local/go/bin"
go=${GO:-go}
fyne="$(bash "$root/scripts/fyne-tools.sh")/fyne"

# toml_value KEY: the value of KEY in FyneApp.toml, without quotes.
toml_value() {
	sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*\$/\1/p" \
		"$root/FyneApp.toml" | head -n 1
}
icon=$(toml_value Icon)
if [[ -z "$icon" || ! -f "$root/$icon" ]]; then
	echo "package.sh: FyneApp.toml names no icon file (Icon = \"$icon\")" >&2
	exit 1
fi

stage=$(mktemp -d "${TMPDIR:-/tmp}/dangjian-windows.XXXXXX")
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/src"

# The sources: what git tracks plus new files not ignored (so bin/, dist/,
# binaries and databases stay out); without git, the tree minus those.
if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	(
		cd "$root"
		git ls-files -z --cached --others --exclude-standard |
			while IFS= read -r -d '' f; do
				# Tracked files deleted in the work tree are listed too.
				[[ -f "$f" ]] && printf '%s\0' "$f"
			done |
			tar --null --files-from=- -cf -
	) | tar -C "$stage/src" -xf -
else
	tar -C "$root" --exclude=./.git --exclude=./bin --exclude=./dist \
		--exclude='*.test' --exclude='*.db' --exclude=./dangjian --exclude=./dangjian.exe \
		-cf - . | tar -C "$stage/src" -xf -
fi

# The icons: 256 pixels for the program's own icon resource (fyne puts the
# image it is given into the .exe as it is, and 256 is the largest size a
# Windows icon holds), the multi-size .ico for the shortcuts, and the
# picture of the installer's welcome page.
(cd "$root" && env -u GOOS -u GOARCH CGO_ENABLED=0 "$go" run ./scripts/icon \
	-in "$icon" -o "$stage/icon-256.png" -size 256 -ico "$stage/dangjian.ico" \
	-welcome "$stage/welcome.bmp")

# fyne package builds the program twice when it is not given one: once
# plain, then again with the resources. An existing (here empty) --exe makes
# it skip the first build; the second writes over it.
: >"$stage/src/dangjian.exe"
(
	cd "$stage/src"
	env CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc GO="$go" GOFLAGS= \
		"$fyne" package --os windows --release \
		--icon "$stage/icon-256.png" --exe "$stage/src/dangjian.exe"
)

# It names the result after the application (党员教育管理.exe).
name=$(toml_value Name)
built="$stage/src/$name.exe"
[[ -f "$built" ]] || built="$stage/src/dangjian.exe"
if [[ ! -s "$built" ]]; then
	echo "package.sh: fyne package left no program in $stage/src" >&2
	exit 1
fi

# A Windows GUI program (subsystem 2) with resources (icon, version, manifest).
headers=$(x86_64-w64-mingw32-objdump -p "$built")
if ! grep -Eq '^Subsystem[[:space:]]+0*2[[:space:]]' <<<"$headers"; then
	echo "package.sh: $built is not a Windows GUI program:" >&2
	grep '^Subsystem' <<<"$headers" >&2 || true
	exit 1
fi
if ! grep -q 'Resource Directory \[\.rsrc\]' <<<"$headers"; then
	echo "package.sh: $built has no resources (icon, version)" >&2
	exit 1
fi

# Replace the outputs only when they changed (the build is reproducible), so
# that make does not sign and pack an unchanged program again.
update() {
	if cmp -s "$1" "$2"; then
		rm -f "$1"
	else
		mv -f "$1" "$2"
	fi
}
update "$built" "$out/dangjian.exe"
update "$stage/dangjian.ico" "$out/dangjian.ico"
update "$stage/welcome.bmp" "$out/welcome.bmp"
