#!/usr/bin/env bash
# Times the printed documents of a large organization against what staff do
# today: export the member sheet and print it with LibreOffice.
#
#   bash scripts/bench-report.sh          from the repository root
#
# Builds the binary into a temporary directory, makes a demo database of
# $MEMBERS members as of $AS_OF, then, best of $RUNS runs each, wall clock
# around the process:
#   dangjian   `dangjian report roster` and `dangjian report appraisal`
#   LibreOffice `dangjian export members` to roster.xlsx (once, not timed),
#              then `soffice --headless --convert-to pdf roster.xlsx` with a
#              fresh profile; one warm-up conversion first (LibreOffice's
#              first start builds its profile and is slow), not counted
# and prints a table: document, seconds, ratio, PDF sizes and page counts
# (pdfinfo). Installs nothing, except libreoffice-calc with apt-get when
# soffice is missing and the script runs as root. Everything it writes goes
# to one temporary directory, removed at the end (KEEP=1 keeps it).
#
# Environment: MEMBERS (20000), AS_OF (2026-11-26), RUNS (3), KEEP (0).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PATH:/usr/local/go/bin"

MEMBERS=${MEMBERS:-20000}
AS_OF=${AS_OF:-2026-11-26}
RUNS=${RUNS:-3}
KEEP=${KEEP:-0}
YEAR=${AS_OF%%-*}

for tool in go pdfinfo awk; do
	command -v "$tool" >/dev/null || { echo "bench-report: $tool not found (poppler-utils: scripts/deps.sh)" >&2; exit 2; }
done
if ! command -v soffice >/dev/null; then
	if ((EUID != 0)); then
		echo "bench-report: soffice not found; install libreoffice-calc (as root this script does)" >&2
		exit 2
	fi
	echo "==> installing libreoffice-calc"
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y --no-install-recommends libreoffice-calc >/dev/null ||
		{ apt-get update >/dev/null && apt-get install -y --no-install-recommends libreoffice-calc >/dev/null; }
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dangjian-bench-report.XXXXXX")
cleanup() {
	if [[ $KEEP == 1 ]]; then
		echo "==> kept $WORK"
	else
		rm -rf "$WORK"
	fi
}
trap cleanup EXIT
BIN=$WORK/dangjian
DB=$WORK/demo.db

echo "==> building $BIN"
go build -o "$BIN" .

echo "==> demo database: $MEMBERS members as of $AS_OF"
"$BIN" demo --db "$DB" --members "$MEMBERS" --as-of "$AS_OF" >/dev/null

# now prints the wall clock in seconds with nanoseconds.
now() { date +%s.%N; }

# best runs "$@" $RUNS times and prints the shortest wall-clock time in
# seconds; the command's output goes to $WORK/last.log.
best() {
	local b="" start end t
	for ((i = 0; i < RUNS; i++)); do
		start=$(now)
		"$@" >"$WORK/last.log" 2>&1 || { cat "$WORK/last.log" >&2; echo "bench-report: failed: $*" >&2; exit 1; }
		end=$(now)
		t=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
		if [[ -z $b ]] || awk -v t="$t" -v b="$b" 'BEGIN { exit !(t < b) }'; then
			b=$t
		fi
	done
	echo "$b"
}

pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
size_mb() { awk -v n="$(stat -c %s "$1")" 'BEGIN { printf "%.2f", n / 1048576 }'; }

echo "==> dangjian report roster, appraisal (best of $RUNS)"
t_roster=$(best "$BIN" report roster --db "$DB" --year "$YEAR" --out "$WORK/roster.pdf")
t_appraisal=$(best "$BIN" report appraisal --db "$DB" --year "$YEAR" --out "$WORK/appraisal.pdf")

echo "==> dangjian export members; soffice --convert-to pdf (warm-up, then best of $RUNS)"
LO=$WORK/lo
mkdir -p "$LO"
"$BIN" export members --db "$DB" --out "$LO/roster.xlsx" >/dev/null
soffice_pdf() {
	soffice -env:UserInstallation="file://$WORK/lo-profile" --headless --norestore \
		--convert-to pdf --outdir "$LO" "$LO/roster.xlsx"
}
start=$(now)
soffice_pdf >"$WORK/last.log" 2>&1 || { cat "$WORK/last.log" >&2; exit 1; }
t_warm=$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')
[[ -s $LO/roster.pdf ]] || { cat "$WORK/last.log" >&2; echo "bench-report: LibreOffice made no PDF" >&2; exit 1; }
t_lo=$(best soffice_pdf)

ratio=$(awk -v lo="$t_lo" -v dj="$t_roster" 'BEGIN { printf "%.1fx", lo / dj }')
echo
echo "$MEMBERS members, as of $AS_OF; best of $RUNS, wall clock; LibreOffice's warm-up run took ${t_warm} s"
echo
fmt='%-10s %12s %15s %8s %12s %9s %10s %8s\n'
# shellcheck disable=SC2059
printf "$fmt" document "dangjian s" "LibreOffice s" ratio "dangjian MB" "LO MB" "dj pages" "LO pages"
# shellcheck disable=SC2059
printf "$fmt" "roster" "$t_roster" "$t_lo" "$ratio" "$(size_mb "$WORK/roster.pdf")" \
	"$(size_mb "$LO/roster.pdf")" "$(pages "$WORK/roster.pdf")" "$(pages "$LO/roster.pdf")"
# shellcheck disable=SC2059
printf "$fmt" "appraisal" "$t_appraisal" "-" "-" "$(size_mb "$WORK/appraisal.pdf")" "-" \
	"$(pages "$WORK/appraisal.pdf")" "-"
echo
echo "ratio: LibreOffice's time over dangjian's for the same members (LibreOffice prints the exported sheet as it is)"
