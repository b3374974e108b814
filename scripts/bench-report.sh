#!/usr/bin/env bash
# Times the printed documents of a large organization against what staff do
# today (export the member sheet and print it with LibreOffice), and the
# per-member forms against their goal, in one run (issue 14, point 6).
#
#   bash scripts/bench-report.sh          from the repository root
#   make bench-report
#
# Builds the binary into a temporary directory, makes two demo databases as
# of $AS_OF (same seed): $MEMBERS members for the roster and $FORMS members
# for the forms; then, best of $RUNS runs each, wall clock around the
# process (and the CPU time, user + system, of that run):
#   roster      `dangjian report roster` of the $MEMBERS members
#   LibreOffice `dangjian export members` to roster.xlsx (once, not timed),
#               then `soffice --headless --convert-to pdf roster.xlsx` with a
#               fresh profile; one warm-up conversion first (LibreOffice's
#               first start builds its profile and is slow), not counted
#   appraisal   `dangjian report appraisal` (民主评议党员登记表) of the $FORMS
#   agreement   `dangjian report agreement` (党员目标管理责任书) of the $FORMS
# and prints a table: document, members, seconds, CPU seconds, LibreOffice's
# seconds and its ratio to dangjian's (goal ≥ 10×), the goal of the forms
# (under 2 s), PDF sizes and page counts (pdfinfo). Installs nothing, except
# LibreOffice Calc (libreoffice-calc-nogui) with apt-get when soffice or its
# spreadsheet part is missing and the script runs as root. Everything it
# writes goes to one temporary directory, removed at the end (KEEP=1 keeps
# it).
#
# Environment: MEMBERS (20000), FORMS (2000), AS_OF (2026-11-26), RUNS (3),
# KEEP (0).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PATH:/usr/local/go/bin"

MEMBERS=${MEMBERS:-20000}
FORMS=${FORMS:-2000}
AS_OF=${AS_OF:-2026-11-26}
RUNS=${RUNS:-3}
KEEP=${KEEP:-0}
YEAR=${AS_OF%%-*}

for tool in go pdfinfo awk; do
	command -v "$tool" >/dev/null || { echo "bench-report: $tool not found (poppler-utils: scripts/deps.sh)" >&2; exit 2; }
done
# soffice alone may be Writer only (libreoffice-writer-nogui): a spreadsheet
# then fails with "source file could not be loaded". Calc's library is
# libsclo.so beside soffice.bin.
has_calc() {
	command -v soffice >/dev/null || return 1
	local bin
	bin=$(readlink -f "$(command -v soffice)")
	[[ -e $(dirname "$bin")/libsclo.so || -e /usr/lib/libreoffice/program/libsclo.so ]]
}
if ! has_calc; then
	if ((EUID != 0)); then
		echo "bench-report: LibreOffice Calc not found; install libreoffice-calc-nogui (as root this script does)" >&2
		exit 2
	fi
	echo "==> installing libreoffice-calc-nogui"
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y --no-install-recommends libreoffice-calc-nogui >/dev/null ||
		{ apt-get update >/dev/null && apt-get install -y --no-install-recommends libreoffice-calc-nogui >/dev/null; }
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
FORMS_DB=$WORK/demo-forms.db

echo "==> building $BIN"
go build -o "$BIN" .

echo "==> demo databases: $MEMBERS and $FORMS members as of $AS_OF"
"$BIN" demo --db "$DB" --members "$MEMBERS" --as-of "$AS_OF" >/dev/null
"$BIN" demo --db "$FORMS_DB" --members "$FORMS" --as-of "$AS_OF" >/dev/null

# best runs "$@" $RUNS times and sets best_s to the shortest wall-clock
# time and best_cpu to the CPU time (user + system) of that run, in
# seconds; the command's output goes to $WORK/last.log.
best() {
	local t real user sys
	best_s="" best_cpu=""
	for ((i = 0; i < RUNS; i++)); do
		t=$( {
			TIMEFORMAT='%3R %3U %3S'
			time "$@" >"$WORK/last.log" 2>&1
		} 2>&1) || { cat "$WORK/last.log" >&2; echo "bench-report: failed: $*" >&2; exit 1; }
		read -r real user sys <<<"$t"
		if [[ -z $best_s ]] || awk -v t="$real" -v b="$best_s" 'BEGIN { exit !(t < b) }'; then
			best_s=$real
			best_cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }')
		fi
	done
}

pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
size_mb() { awk -v n="$(stat -c %s "$1")" 'BEGIN { printf "%.2f", n / 1048576 }'; }

echo "==> dangjian report roster ($MEMBERS), appraisal and agreement ($FORMS) (best of $RUNS)"
best "$BIN" report roster --db "$DB" --year "$YEAR" --date "$AS_OF" --out "$WORK/roster.pdf"
t_roster=$best_s c_roster=$best_cpu
best "$BIN" report appraisal --db "$FORMS_DB" --year "$YEAR" --out "$WORK/appraisal.pdf"
t_appraisal=$best_s c_appraisal=$best_cpu
best "$BIN" report agreement --db "$FORMS_DB" --year "$YEAR" --out "$WORK/agreement.pdf"
t_agreement=$best_s c_agreement=$best_cpu

echo "==> dangjian export members; soffice --convert-to pdf (warm-up, then best of $RUNS)"
LO=$WORK/lo
mkdir -p "$LO"
"$BIN" export members --db "$DB" --out "$LO/roster.xlsx" >/dev/null
soffice_pdf() {
	soffice -env:UserInstallation="file://$WORK/lo-profile" --headless --norestore \
		--convert-to pdf --outdir "$LO" "$LO/roster.xlsx"
}
RUNS=1 best soffice_pdf
t_warm=$best_s
[[ -s $LO/roster.pdf ]] || { cat "$WORK/last.log" >&2; echo "bench-report: LibreOffice made no PDF" >&2; exit 1; }
best soffice_pdf
t_lo=$best_s

ratio=$(awk -v lo="$t_lo" -v dj="$t_roster" 'BEGIN { printf "%.1fx", lo / dj }')
verdict() { # verdict VALUE OP GOAL: "met" or "NOT met"
	awk -v v="$1" -v g="$3" -v op="$2" 'BEGIN { ok = (op == ">=") ? v >= g : v < g; print ok ? "met" : "NOT met" }'
}
echo
echo "as of $AS_OF; best of $RUNS, wall clock (CPU: user + system of that run); LibreOffice's warm-up run took ${t_warm} s; $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
fmt='%-10s %7s %6s %6s %7s %7s %-15s %6s %6s %6s %6s\n'
# shellcheck disable=SC2059
printf "$fmt" document members "dj s" "dj CPU" "LO s" ratio goal "dj MB" "LO MB" "dj pp" "LO pp"
# shellcheck disable=SC2059
printf "$fmt" roster "$MEMBERS" "$t_roster" "$c_roster" "$t_lo" "$ratio" \
	"≥10x: $(verdict "${ratio%x}" ">=" 10)" "$(size_mb "$WORK/roster.pdf")" \
	"$(size_mb "$LO/roster.pdf")" "$(pages "$WORK/roster.pdf")" "$(pages "$LO/roster.pdf")"
for doc in appraisal agreement; do
	t_var=t_$doc c_var=c_$doc
	# shellcheck disable=SC2059
	printf "$fmt" "$doc" "$FORMS" "${!t_var}" "${!c_var}" - - "<2 s: $(verdict "${!t_var}" "<" 2)" \
		"$(size_mb "$WORK/$doc.pdf")" - "$(pages "$WORK/$doc.pdf")" -
done
echo
echo "ratio: LibreOffice's time over dangjian's for the same members (LibreOffice prints the exported sheet as it is);"
echo "the forms: one part per member, each numbered by itself; $FORMS members of a demo database of their own"
