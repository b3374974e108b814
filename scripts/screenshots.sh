#!/usr/bin/env bash
# Takes a screenshot of every sidebar entry of the desktop application on a
# demo database, on a 1366x768 screen into docs/screenshots/<n>-<title>.png
# and on a 1024x768 screen into docs/screenshots/1024x768/<n>-<title>.png.
#
# Builds the binary, makes a demo database in a temporary folder (5,000
# members in 135 branches by default), starts Xvfb on a free display (from
# :93 up) at each size, and for each title starts the application with a
# fresh HOME whose Fyne preferences name that screen as the one last shown
# (key ui.lastScreenTitle), waits for it to load, takes the screenshot of
# the window with ImageMagick's `import` and stops it. The window is the
# screen less 70 pixels in the height, what a task bar and a title bar leave
# on an office laptop. A title whose screen does not exist shows the first
# screen.
#
# Needs Xvfb, ImageMagick (import) and xdotool; not part of CI.
#
#   scripts/screenshots.sh [members]     members of the demo: 5000 by default
#
# SCREENSHOT_OUT names another folder; SCREENSHOT_TITLES="党员 设置" takes
# only those screens.
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"

members=${1:-5000}
titles=(工作台 党员 党支部 党小组 学习培训 组织生活 民主评议 目标管理 党费 组织关系转接 谈心谈话
	关心关爱 联系群众 干部监督 意见建议 先进典型 培训计划 经费 报表 导入导出 回收站 同步 设置)
if [[ -n "${SCREENSHOT_TITLES:-}" ]]; then # a quick look at a few: numbered from 1, not as in the README
	read -ra titles <<<"$SCREENSHOT_TITLES"
fi
app_id=cn.edu.dangjian
out=${SCREENSHOT_OUT:-docs/screenshots}
settle=${SCREENSHOT_SETTLE:-4} # seconds to let a screen load after its window shows

for tool in Xvfb import xdotool; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "screenshots.sh: $tool is missing" >&2
		exit 1
	fi
done

tmp=$(mktemp -d)
xvfb_pid=
app_pid=
cleanup() {
	if [[ -n "$app_pid" ]]; then kill "$app_pid" 2>/dev/null || true; fi
	if [[ -n "$xvfb_pid" ]]; then kill "$xvfb_pid" 2>/dev/null || true; fi
	wait 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

echo "==> build"
go build -o "$tmp/dangjian" .

echo "==> demo database ($members members)"
"$tmp/dangjian" demo --db "$tmp/demo.db" --members "$members"

# shoot takes every screen on a screen of $1 x $2 pixels into the folder $3.
shoot() {
	local width=$1 height=$2 dir=$3
	local win_height=$((height - 70))
	local display=93
	while [[ -e /tmp/.X$display-lock || -e /tmp/.X11-unix/X$display ]]; do
		display=$((display + 1))
	done
	echo "==> Xvfb on :$display at ${width}x$height"
	Xvfb ":$display" -screen 0 "${width}x${height}x24" -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
	xvfb_pid=$!
	local ready=
	for _ in $(seq 100); do # the socket, then an answer from the server
		if [[ -e /tmp/.X11-unix/X$display ]] && DISPLAY=":$display" xdotool getdisplaygeometry >/dev/null 2>&1; then
			ready=1
			break
		fi
		sleep 0.1
	done
	if [[ -z "$ready" ]]; then
		echo "screenshots.sh: Xvfb did not start" >&2
		cat "$tmp/xvfb.log" >&2
		exit 1
	fi
	export DISPLAY=":$display"

	mkdir -p "$dir"
	n=0
	for title in "${titles[@]}"; do
		n=$((n + 1))
		home="$tmp/home-$width-$n"
		mkdir -p "$home/.config/fyne/$app_id"
		printf '{"ui.lastScreenTitle":"%s","ui.width":%d,"ui.height":%d}\n' "$title" "$width" "$win_height" \
			>"$home/.config/fyne/$app_id/preferences.json"
		env -u XDG_CONFIG_HOME -u XDG_DATA_HOME HOME="$home" FYNE_THEME=light \
			"$tmp/dangjian" --db "$tmp/demo.db" >"$tmp/app-$n.log" 2>&1 &
		app_pid=$!
		window=
		for _ in $(seq 100); do
			window=$(xdotool search --pid "$app_pid" --onlyvisible 2>/dev/null | head -n1 || true)
			[[ -n "$window" ]] && break
			sleep 0.1
		done
		if [[ -z "$window" ]]; then
			echo "screenshots.sh: no window for $title" >&2
			cat "$tmp/app-$n.log" >&2
			exit 1
		fi
		xdotool windowmove "$window" 0 0 windowsize "$window" "$width" "$win_height" 2>/dev/null || true
		sleep "$settle"
		file="$dir/$(printf '%02d' "$n")-$title.png"
		import -window "$window" "$file"
		echo "    $file"
		kill "$app_pid"
		wait "$app_pid" 2>/dev/null || true
		app_pid=
	done

	kill "$xvfb_pid"
	wait "$xvfb_pid" 2>/dev/null || true
	xvfb_pid=
}

shoot 1366 768 "$out"
shoot 1024 768 "$out/1024x768"
echo "==> $n screenshots at each size in $out/ and $out/1024x768/"
