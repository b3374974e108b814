#!/usr/bin/env bash
# Benchmarks `dangjian import` on large sheets against a floor: loading the
# same data, as CSV, with the sqlite3 shell's `.import` into a table of TEXT
# columns (no parsing, validation, audit log or indexes).
#
#   bash scripts/bench-import.sh          from the repository root
#
# Builds the binary, generates the sheets with scripts/benchsheets (kept in
# $BENCH_DIR and reused while the generator and the sizes are unchanged),
# then, best of $RUNS runs each:
#   members   a fresh `dangjian init` database, `dangjian import members`
#   training  `dangjian import training` into that database (members there)
#   floor     for each CSV a fresh sqlite3 database: CREATE TABLE, .mode csv,
#             .import --skip 1, in one sqlite3 run
# Every run is timed by wall clock around the process; dangjian's peak RSS
# comes from /usr/bin/time -v when it is installed. After each import the
# database must hold exactly the generated rows. Exits non-zero when an
# import fails (exit code other than 0) or a count is wrong.
#
# Environment: MEMBERS (20000), TRAINING (200000), RUNS (3),
# BENCH_DIR (${TMPDIR:-/tmp}/dangjian-bench).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PATH:/usr/local/go/bin"

MEMBERS=${MEMBERS:-20000}
TRAINING=${TRAINING:-200000}
RUNS=${RUNS:-3}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/dangjian-bench}
BIN=$BENCH_DIR/dangjian

for tool in go sqlite3 sha256sum awk; do
	command -v "$tool" >/dev/null || { echo "bench-import: $tool not found" >&2; exit 2; }
done
TIME_V=
if [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; then
	TIME_V=/usr/bin/time
fi

mkdir -p "$BENCH_DIR"
echo "==> building $BIN"
go build -o "$BIN" .

# The data directory is named after the sizes and the generator's source,
# so a changed generator never reuses stale sheets.
gen_hash=$(sha256sum scripts/benchsheets/main.go | cut -c1-12)
DATA=$BENCH_DIR/sheets-m$MEMBERS-t$TRAINING-$gen_hash
if [[ -f $DATA/members.xlsx && -f $DATA/members.csv && -f $DATA/training.xlsx && -f $DATA/training.csv ]]; then
	echo "==> reusing the sheets in $DATA"
else
	echo "==> generating $MEMBERS members and $TRAINING training rows into $DATA"
	rm -rf "$DATA.tmp"
	go run ./scripts/benchsheets -members "$MEMBERS" -training "$TRAINING" -out "$DATA.tmp"
	rm -rf "$DATA"
	mv "$DATA.tmp" "$DATA"
fi

WORK=$(mktemp -d "$BENCH_DIR/run.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# timed LOG CMD...: runs CMD with its output in LOG, sets ELAPSED (seconds)
# and RSS_KB (peak resident set, empty without /usr/bin/time). Fails the
# script, showing the start of LOG, unless CMD exits 0.
timed() {
	local log=$1 start end rc=0
	shift
	start=$(date +%s.%N)
	if [[ -n $TIME_V ]]; then
		"$TIME_V" -v -o "$log.time" "$@" >"$log" 2>&1 || rc=$?
	else
		"$@" >"$log" 2>&1 || rc=$?
	fi
	end=$(date +%s.%N)
	if ((rc != 0)); then
		echo "bench-import: exit code $rc (0 expected) from: $*" >&2
		head -n 30 "$log" >&2
		exit 1
	fi
	ELAPSED=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }')
	RSS_KB=
	if [[ -n $TIME_V ]]; then
		RSS_KB=$(awk -F': *' '/Maximum resident set size/ { print $2 }' "$log.time")
	fi
}

# lower A B and higher A B print the smaller and the larger number.
lower() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }'; }
higher() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 > a + 0) ? b : a }'; }

# expect_count DB SQL WANT WHAT: fails unless the query gives WANT.
expect_count() {
	local got
	got=$(sqlite3 -readonly "$1" "$2")
	if [[ $got != "$3" ]]; then
		echo "bench-import: $4: $got rows in the database, $3 expected" >&2
		exit 1
	fi
}

dj_members= dj_training= rss_members= rss_training=
for ((i = 1; i <= RUNS; i++)); do
	db=$WORK/dangjian-$i.db
	echo "==> dangjian, run $i of $RUNS"
	timed "$WORK/init.log" "$BIN" init --db "$db" --org "基准测试学院党委"

	timed "$WORK/members-$i.log" "$BIN" import members --db "$db" "$DATA/members.xlsx"
	echo "    members   ${ELAPSED}s  $(tail -n 1 "$WORK/members-$i.log")"
	dj_members=$(lower "$dj_members" "$ELAPSED")
	rss_members=$(higher "$rss_members" "$RSS_KB")
	expect_count "$db" "SELECT count(*) FROM members WHERE deleted_at IS NULL" "$MEMBERS" "members"

	timed "$WORK/training-$i.log" "$BIN" import training --db "$db" "$DATA/training.xlsx"
	echo "    training  ${ELAPSED}s  $(tail -n 1 "$WORK/training-$i.log")"
	dj_training=$(lower "$dj_training" "$ELAPSED")
	rss_training=$(higher "$rss_training" "$RSS_KB")
	expect_count "$db" "SELECT count(*) FROM training_attendees WHERE deleted_at IS NULL" "$TRAINING" "training"
	rm -f "$db" "$db"-*
done

# The floor: the CSV into a table of the same columns, all TEXT.
declare -A floor
for kind in members training; do
	csv=$DATA/$kind.csv
	cols=$(head -n 1 "$csv" | awk -F, '{ for (i = 1; i <= NF; i++) printf "%s\"%s\" TEXT", (i > 1 ? ", " : ""), $i }')
	if [[ $kind == members ]]; then rows=$MEMBERS; else rows=$TRAINING; fi
	best=
	for ((i = 1; i <= RUNS; i++)); do
		db=$WORK/sqlite-$kind-$i.db
		rm -f "$db"
		printf 'CREATE TABLE %s (%s);\n.mode csv\n.import --skip 1 "%s" %s\n' "$kind" "$cols" "$csv" "$kind" >"$WORK/$kind.sql"
		timed "$WORK/sqlite-$kind-$i.log" sqlite3 -bail "$db" ".read $WORK/$kind.sql"
		if [[ -s $WORK/sqlite-$kind-$i.log ]]; then
			echo "bench-import: sqlite3 .import of $csv said:" >&2
			head -n 30 "$WORK/sqlite-$kind-$i.log" >&2
			exit 1
		fi
		expect_count "$db" "SELECT count(*) FROM $kind" "$rows" "sqlite3 $kind"
		best=$(lower "$best" "$ELAPSED")
		rm -f "$db"
	done
	floor[$kind]=$best
done

mib() { [[ -n $1 ]] && awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }' || echo "-"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }'; }

echo
echo "Best of $RUNS runs, wall clock seconds (sheets in $DATA):"
printf '%-10s %8s %12s %16s %8s %16s\n' sheet rows dangjian "sqlite3 .import" ratio "dangjian RSS MiB"
printf '%-10s %8d %12s %16s %8s %16s\n' members "$MEMBERS" "$dj_members" "${floor[members]}" \
	"$(ratio "$dj_members" "${floor[members]}")" "$(mib "$rss_members")"
printf '%-10s %8d %12s %16s %8s %16s\n' training "$TRAINING" "$dj_training" "${floor[training]}" \
	"$(ratio "$dj_training" "${floor[training]}")" "$(mib "$rss_training")"
