#!/usr/bin/env bash
# Smoke test of the Windows build under Debian's Wine, on a virtual X server.
#
#   scripts/wine-smoke.sh [SETUP_EXE]
#
# With SETUP_EXE (the NSIS installer, dist/windows/dangjian-setup.exe) it
# installs the program silently, checks what the installer left (the program,
# uninstall.exe, the shortcuts, the uninstall registry key), runs the
# command line and the GUI of the installed program, then uninstalls it and
# checks that the program is gone and the user's data are not. Without
# SETUP_EXE it skips the install and uninstall steps and runs
# dist/windows/dangjian.exe as built; a SETUP_EXE that does not exist fails.
#
# Steps, each of which stops the script with a message naming it on failure:
#   1  build the bcryptprimitives.dll stand-in (scripts/windows/), make a fresh
#      64-bit Wine prefix (wineboot) and put the DLL into its system32: Wine 8
#      lacks that DLL, and Go programs need its ProcessPrng to start
#   2  install: `setup.exe /S`, then check the files, shortcuts and registry
#   3  command line, on a folder whose path has Chinese characters and a
#      space: init, demo --members 50, report roster to a PDF that pdfinfo
#      reads and whose text has the organization's name and 党员花名册; and an
#      init without --db, which writes %APPDATA%\dangjian\dangjian.db
#   4  GUI: open that database, wait for the main window (its title names the
#      organization), save a screenshot to dist/windows/wine-gui.png, check
#      it is not blank, close the window as a user would (WM_CLOSE)
#   5  uninstall: `uninstall.exe /S`, then check the program, its shortcuts
#      and registry key are gone and the databases and the PDF are still there
#
# Installs what it needs (Wine, Xvfb, xdotool, ImageMagick, poppler-utils,
# MinGW, Mesa's software OpenGL), only when missing, like scripts/deps.sh.
# Works in a temporary folder with its own HOME (Wine links the Windows
# user's Documents and Desktop to $HOME), removed at the end with the prefix;
# KEEP=1 keeps them and prints where. WINE_SMOKE_SETTLE sets the seconds the
# GUI gets to fill its window before the screenshot (5).
set -Eeuo pipefail

# Wine converts command lines and file names between Windows' UTF-16 and the
# locale's character set: in the C locale the Chinese names it writes are
# not the UTF-8 ones this script looks for (the Start-menu shortcut is
# "missing"), so run in UTF-8 whatever CI has.
export LC_ALL=C.UTF-8
unset LANGUAGE
# Nothing here reads standard input, and Wine breaks when it is closed (as it
# may be in CI: "wine client error:0: recvmsg: Socket operation on
# non-socket"): give it /dev/null.
exec </dev/null

prog=wine-smoke.sh
setup=${1:-}
if [[ -n "$setup" && -e "$setup" ]]; then
	setup=$(realpath "$setup")
fi
cd "$(dirname "$0")/.."
repo=$PWD

plain_exe=dist/windows/dangjian.exe
shot=dist/windows/wine-gui.png
settle=${WINE_SMOKE_SETTLE:-5}
org=测试学院党委      # the organization the test database is made for
title=党员教育管理    # the start of the main window's title
timeout_cmd=180       # seconds any one Wine command may take
timeout_window=60     # seconds the GUI may take to show its window

# ------------------------------------------------------------- bookkeeping

ms() { # milliseconds since the epoch
	local us=${EPOCHREALTIME//[!0-9]/}
	echo $((us / 1000))
}

t_start=$(ms)
step_name=
step_start=
summary=()

# step NAME: ends the step before (as passed) and starts the next one.
step() {
	end_step ok
	step_name=$1
	step_start=$(ms)
	printf '\n==> %s\n' "$step_name"
}

end_step() {
	if [[ -n "$step_name" ]]; then
		local t=$(($(ms) - step_start))
		summary+=("$(printf '  %-44s %6d.%01d s  %s' "$step_name" $((t / 1000)) $((t % 1000 / 100)) "$1")")
		step_name=
	fi
}

skip() {
	end_step ok
	summary+=("$(printf '  %-44s %8s  %s' "$1" - skipped)")
}

# fail MESSAGE...: stops the script, naming the step it failed in.
fail() {
	trap - ERR
	echo >&2
	echo "$prog: FAILED in step '${step_name:-setup}': $*" >&2
	end_step FAILED
	exit 1
}

trap 'fail "command failed (exit $?) at line $LINENO: $BASH_COMMAND"' ERR

print_summary() {
	local t=$(($(ms) - t_start))
	printf '\n==> %s summary (%d.%01d s in all)\n' "$prog" $((t / 1000)) $((t % 1000 / 100))
	printf '%s\n' "${summary[@]}"
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/wine-smoke.XXXXXX")
xvfb_pid=
gui_pid=

cleanup() {
	local status=$?
	trap - ERR
	set +e
	if [[ -n "$gui_pid" ]]; then kill "$gui_pid" 2>/dev/null; fi
	if [[ -d "${WINEPREFIX:-}" ]]; then timeout 30 wineserver -k >/dev/null 2>&1; fi
	if [[ -n "$xvfb_pid" ]]; then kill "$xvfb_pid" 2>/dev/null; fi
	wait 2>/dev/null
	if [[ "${KEEP:-}" == 1 ]]; then
		echo "$prog: kept the prefix and logs in $tmp (WINEPREFIX=$WINEPREFIX HOME=$tmp/home)"
	else
		rm -rf "$tmp"
	fi
	print_summary
	if ((status == 0)); then
		echo "$prog: all steps passed"
	fi
	exit "$status"
}
trap cleanup EXIT

# Wine: a fresh 64-bit prefix, quiet; no Mono or Gecko download prompts, no
# menu entries on the Linux side, the bcryptprimitives stand-in from
# system32; no XInput: GLFW loads xinput1_4.dll for gamepads and frees it
# when the window closes, and Wine 8's still has a thread running in it
# then, which crashes the program on many closes (5 of 12 measured: a page
# fault at an address inside the unloaded xinput1_4.dll; a Wine bug, not the
# program's, and GLFW does without XInput); a HOME of its own, which the
# Windows user's folders link to.
export WINEPREFIX=$tmp/prefix
export WINEARCH=win64
export WINEDEBUG=-all
export WINEDLLOVERRIDES='mscoree,mshtml=;winemenubuilder.exe=d;bcryptprimitives=n;xinput1_1,xinput1_2,xinput1_3,xinput1_4,xinput9_1_0='
export HOME=$tmp/home
unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME XDG_DESKTOP_DIR XDG_DOCUMENTS_DIR
mkdir -p "$HOME"

# wine_run LOG COMMAND...: runs a Wine command with a time limit, its output
# to LOG; returns its exit status (124 when it ran out of time).
#
# A wine process started while the wineserver of the previous one is
# shutting down (it lingers 3 s after its last client) can lose its
# connection before the program runs: it prints only "wine client error:0:
# recvmsg: Connection reset by peer" and exits 1. That is Wine's race, not
# the program's: wine_run waits for that server to end and runs the command
# once more.
wine_run() {
	local log=$1 rc=0
	shift
	timeout "$timeout_cmd" wine "$@" >"$log" 2>&1 || rc=$?
	if ((rc != 0)) && grep -q '^wine client error:.*Connection reset by peer' "$log"; then
		echo "    (Wine lost its server while starting; running it again)" >&2
		timeout "$timeout_cmd" wineserver -w || true
		rc=0
		timeout "$timeout_cmd" wine "$@" >"$log" 2>&1 || rc=$?
	fi
	return "$rc"
}

# crashed LOG: whether LOG has Wine's report of an unhandled exception
# (printed even with WINEDEBUG=-all; the exit status does not always show it).
crashed() {
	grep -q '^wine: Unhandled' "$1"
}

# check_run LABEL LOG COMMAND...: wine_run, failing with the log on a
# non-zero exit.
check_run() {
	local label=$1 log=$2 rc=0
	shift 2
	wine_run "$log" "$@" || rc=$?
	if ((rc == 0)) && crashed "$log"; then
		rc=crash
	fi
	if [[ "$rc" != 0 ]]; then
		echo "--- output of $label:" >&2
		cat "$log" >&2
		case $rc in
		124) fail "$label: did not finish within ${timeout_cmd}s" ;;
		crash) fail "$label: exited 0 but crashed (Wine's 'Unhandled' message above)" ;;
		*) fail "$label: exit status $rc" ;;
		esac
	fi
	echo "    $label: exit 0"
}

# unix_path WINDOWS_PATH: its Linux path in the prefix, through the drive's
# link in dosdevices/. Not winepath: that is one more Wine process, and one
# run in about forty saw it exit 1 for a path that was there. The names
# checked here are all spelt with the case they have on disk.
unix_path() {
	local w=$1 drive
	[[ "$w" == [A-Za-z]:\\* ]] || fail "not an absolute Windows path: $w"
	drive=${w:0:1}
	w=${w:2}
	printf '%s\n' "$WINEPREFIX/dosdevices/${drive,,}:${w//\\//}"
}

must_exist() { # must_exist DESCRIPTION WINDOWS_PATH
	local p
	p=$(unix_path "$2")
	[[ -e "$p" ]] || fail "$1 is missing: $2"
	echo "    ok: $1 ($2)"
}

must_not_exist() { # must_not_exist DESCRIPTION WINDOWS_PATH
	local p
	p=$(unix_path "$2")
	[[ ! -e "$p" ]] || fail "$1 is still there: $2"
	echo "    ok: gone: $1 ($2)"
}

uninstall_key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\dangjian'

# must_be_64bit FILE: Debian's Wine 8 without wine32 runs only 64-bit
# programs; a 32-bit one (NSIS's default stub is x86) exits 0 at once having
# done nothing, so catch it here with a clear message.
must_be_64bit() {
	local format
	format=$(x86_64-w64-mingw32-objdump -f "$1" 2>/dev/null | sed -n 's/.*file format //p')
	if [[ "$format" != pei-x86-64 ]]; then
		fail "$1 is not a 64-bit Windows program (objdump: '${format:-unreadable}'); a 64-bit Wine prefix would exit 0 without running it (an NSIS installer needs 'Target amd64-unicode')"
	fi
}

# ---------------------------------------------------------------- packages

packages=(
	wine
	wine64
	xvfb
	xauth
	xdotool
	imagemagick
	poppler-utils
	gcc-mingw-w64-x86-64
	# What Wine's X11 driver and OpenGL need (recommended by libwine, which
	# --no-install-recommends leaves out): GLX on Xvfb is Mesa's llvmpipe.
	libgl1
	libgl1-mesa-dri
	libxcursor1
	libxi6
	libxinerama1
	libxrandr2
	libxrender1
)

step '0 packages'
bash "$repo/scripts/deps.sh" "${packages[@]}" || fail "could not install ${packages[*]}"
echo "    all present"

# ------------------------------------------------------------------ inputs

end_step ok

if [[ -n "$setup" && -f "$setup" ]]; then
	with_setup=1
	echo "$prog: testing the installer $setup"
else
	with_setup=0
	[[ -z "$setup" ]] || fail "the installer $setup does not exist (run make windows)"
	[[ -f "$plain_exe" ]] || fail "$plain_exe does not exist (run make windows)"
	echo "$prog: testing $plain_exe (no installer)"
fi

# ------------------------------------------------------------------ step 1

step '1a build the bcryptprimitives.dll stand-in'
x86_64-w64-mingw32-gcc -O2 -Wall -Wextra -Werror -shared -nostdlib -Wl,--entry,DllMain -s \
	-o "$tmp/bcryptprimitives.dll" \
	scripts/windows/bcryptprimitives.c scripts/windows/bcryptprimitives.def -ladvapi32 ||
	fail "x86_64-w64-mingw32-gcc could not build scripts/windows/bcryptprimitives.c"

step '1b Xvfb and a fresh prefix (wineboot -i)'
# Xvfb picks a free display itself and writes its number to fd 3.
Xvfb -displayfd 3 -screen 0 1280x860x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do
	[[ -s "$tmp/display" ]] && break
	kill -0 "$xvfb_pid" 2>/dev/null || break
	sleep 0.1
done
[[ -s "$tmp/display" ]] || { cat "$tmp/xvfb.log" >&2; fail "Xvfb did not start"; }
DISPLAY=:$(<"$tmp/display")
export DISPLAY
echo "    Xvfb on $DISPLAY"
rc=0
timeout "$timeout_cmd" wineboot -i >"$tmp/wineboot.log" 2>&1 || rc=$?
((rc == 0)) || { cat "$tmp/wineboot.log" >&2; fail "wineboot -i: exit status $rc"; }
timeout "$timeout_cmd" wineserver -w || fail "wineserver -w after wineboot did not return"
system32=$WINEPREFIX/drive_c/windows/system32
[[ -d "$system32" ]] || fail "wineboot made no $system32"
cp "$tmp/bcryptprimitives.dll" "$system32/"
echo "    $(wine --version), prefix $WINEPREFIX"

# The Windows user's folders, as Wine names them.
IFS=';' read -r appdata localappdata profile < <(wine cmd /c 'echo %APPDATA%;%LOCALAPPDATA%;%USERPROFILE%' | tr -d '\r')
[[ "$appdata" == [A-Z]:\\* && "$localappdata" == [A-Z]:\\* && "$profile" == [A-Z]:\\* ]] ||
	fail "could not read %APPDATA%, %LOCALAPPDATA% and %USERPROFILE% (got '$appdata' '$localappdata' '$profile')"
echo "    USERPROFILE=$profile"

instdir="$localappdata\\Programs\\dangjian"
startmenu_lnk="$appdata\\Microsoft\\Windows\\Start Menu\\Programs\\党员教育管理\\党员教育管理.lnk"
desktop_lnk="$profile\\Desktop\\党员教育管理.lnk"
datadir="$profile\\Documents\\党员 数据"
db="$datadir\\测试.db"
pdf="$datadir\\花名册 2026.pdf"
default_db="$appdata\\dangjian\\dangjian.db"

# ------------------------------------------------------------------ step 2

if ((with_setup)); then
	step '2 install (setup.exe /S)'
	must_be_64bit "$setup"
	check_run 'dangjian-setup.exe /S' "$tmp/setup.log" "$setup" /S
	timeout "$timeout_cmd" wineserver -w || fail "the installer's processes did not end"
	exe="$instdir\\dangjian.exe"
	must_exist 'the program' "$exe"
	must_exist 'the uninstaller' "$instdir\\uninstall.exe"
	must_exist 'the Start-menu shortcut' "$startmenu_lnk"
	must_exist 'the desktop shortcut' "$desktop_lnk"
	wine_run "$tmp/reg.log" reg query "$uninstall_key" ||
		{ cat "$tmp/reg.log" >&2; fail "no registry key $uninstall_key"; }
	grep -q DisplayName "$tmp/reg.log" || { cat "$tmp/reg.log" >&2; fail "$uninstall_key has no DisplayName"; }
	echo "    ok: the registry key $uninstall_key"
	exe_label='installed dangjian.exe'
else
	skip '2 install (no installer)'
	exe=$repo/$plain_exe
	exe_label=$plain_exe
fi

# ------------------------------------------------------------------ step 3

step "3 command line ($exe_label)"
if ((!with_setup)); then must_be_64bit "$exe"; fi
check_run "init --db '$db'" "$tmp/init.log" "$exe" init --db "$db" --org "$org"
check_run 'demo --members 50' "$tmp/demo.log" "$exe" demo --db "$db" --members 50
check_run "report roster --out '$pdf'" "$tmp/report.log" "$exe" report roster --db "$db" --out "$pdf"
must_exist 'the database' "$db"
pdf_unix=$(unix_path "$pdf")
[[ -s "$pdf_unix" ]] || fail "the report is missing or empty: $pdf"
pdfinfo "$pdf_unix" >"$tmp/pdfinfo.txt" 2>&1 || { cat "$tmp/pdfinfo.txt" >&2; fail "pdfinfo cannot read $pdf"; }
pages=$(awk '/^Pages:/ {print $2}' "$tmp/pdfinfo.txt")
if ! [[ "$pages" =~ ^[0-9]+$ ]] || ((pages < 1)); then
	fail "the report has no pages: $pdf"
fi
pdftotext -enc UTF-8 "$pdf_unix" "$tmp/report.txt" || fail "pdftotext cannot read $pdf"
for want in "$org" 党员花名册; do
	grep -qF "$want" "$tmp/report.txt" || fail "the report's text has no $want: $pdf"
done
echo "    ok: the report: $pages pages, with $org and 党员花名册"
# The default database (no --db) is under %APPDATA%\dangjian: data the
# uninstaller must leave.
check_run 'init (default database)' "$tmp/init-default.log" "$exe" init --org "$org"
must_exist 'the default database' "$default_db"

# ------------------------------------------------------------------ step 4

step '4 GUI'
exe_name=${exe##*[\\/]}
wine "$exe" --db "$db" >"$tmp/gui.log" 2>&1 &
gui_pid=$!
window=
seen=
deadline=$((SECONDS + timeout_window))
while ((SECONDS < deadline)); do
	# Only the main window's title names the organization: a message box
	# (the program's own, when OpenGL fails) is titled 党员教育管理 alone.
	for id in $(xdotool search --name "$title" 2>/dev/null || true); do
		name=$(xdotool getwindowname "$id" 2>/dev/null || true)
		seen=$name
		if [[ "$name" == *"$org"* ]]; then
			window=$id
			break 2
		fi
	done
	kill -0 "$gui_pid" 2>/dev/null || break
	sleep 0.5
done
if [[ -z "$window" ]]; then
	import -window root "$shot" 2>/dev/null || true
	echo "--- output of the GUI:" >&2
	cat "$tmp/gui.log" >&2
	if ! kill -0 "$gui_pid" 2>/dev/null; then
		rc=0
		wait "$gui_pid" || rc=$?
		gui_pid=
		fail "the GUI exited (status $rc) before showing its window (screen in $shot)"
	fi
	fail "no window titled '$title … $org' within ${timeout_window}s (last seen: '${seen:-none}'; screen in $shot)"
fi
echo "    window '$(xdotool getwindowname "$window")' after $((timeout_window - (deadline - SECONDS)))s"
sleep "$settle"
import -window root "$shot" || fail "import could not take a screenshot"
colours=$(identify -format '%k' "$shot")
echo "    screenshot $shot: $colours colours"
((colours > 10)) || fail "the screenshot is blank ($colours colours): $shot"
# Close the window as a user would: taskkill without /f sends WM_CLOSE.
wine_run "$tmp/taskkill.log" taskkill /im "$exe_name" || true
rc=
for _ in $(seq 60); do
	if ! kill -0 "$gui_pid" 2>/dev/null; then
		rc=0
		wait "$gui_pid" || rc=$?
		gui_pid=
		break
	fi
	sleep 0.5
done
if [[ -z "$rc" ]]; then
	echo "    WARNING: the GUI did not close within 30s of WM_CLOSE; stopping Wine" >&2
	timeout 30 wineserver -k || true
	wait "$gui_pid" 2>/dev/null || true
	gui_pid=
elif ((rc != 0)) || crashed "$tmp/gui.log"; then
	echo "--- output of the GUI:" >&2
	cat "$tmp/gui.log" >&2
	fail "the GUI exited with status $rc when closed, or crashed"
else
	echo "    closed (exit 0)"
fi

# ------------------------------------------------------------------ step 5

if ((with_setup)); then
	step '5 uninstall (uninstall.exe /S)'
	# The NSIS uninstaller copies itself to %TEMP% and returns at once; the
	# copy does the work: wait for every Wine process to end.
	check_run 'uninstall.exe /S' "$tmp/uninstall.log" "$instdir\\uninstall.exe" /S
	timeout "$timeout_cmd" wineserver -w || fail "the uninstaller's processes did not end"
	must_not_exist 'the program' "$instdir\\dangjian.exe"
	must_not_exist 'the uninstaller' "$instdir\\uninstall.exe"
	must_not_exist 'the install folder' "$instdir"
	must_not_exist 'the Start-menu shortcut' "$startmenu_lnk"
	must_not_exist 'the Start-menu folder' "${startmenu_lnk%\\*}"
	must_not_exist 'the desktop shortcut' "$desktop_lnk"
	if wine_run "$tmp/reg.log" reg query "$uninstall_key"; then
		fail "the registry key is still there: $uninstall_key"
	fi
	echo "    ok: gone: the registry key $uninstall_key"
	must_exist 'the default database' "$default_db"
	must_exist 'the test database' "$db"
	must_exist 'the report' "$pdf"
else
	skip '5 uninstall (no installer)'
fi

end_step ok
