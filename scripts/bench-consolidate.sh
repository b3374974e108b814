#!/usr/bin/env bash
# Times the committee's consolidation, in one run, as ratios between runs on
# the same machine (absolute times differ from one machine to another):
#   - from scratch: 60 organizations of 1,000 members with a year of demo
#     records each, pushed to a local MinIO server; its verification
#     (download, decryption, checks, with the merge running meanwhile) and
#     its merge reported apart;
#   - the floor: a plain sqlite3 script that ATTACHes the same 60 decrypted
#     snapshots and INSERT-SELECTs every merged table into one file (tables
#     first, indexes at the end, no journal), and our merge of the same files
#     alone (target: from scratch at most 2x the floor);
#   - the consolidation again after one organization pushed, which updates
#     the term's result in place (target: at most 1/10 of from scratch).
#
#   bash scripts/bench-consolidate.sh                from the repository root (make bench-consolidate)
#   ORGS=8 bash scripts/bench-consolidate.sh         a quick round of 8 organizations
#   bash scripts/bench-consolidate.sh --merged-db F  only write a consolidated database of 60 demo
#                                                    organizations to F (a new file), for the
#                                                    benchmarks of the committee's screens
#
# Environment: ORGS (60, or 8), MERGED_ORGS (60: organizations in --merged-db).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PATH:/usr/local/go/bin"

if [[ ${1:-} == --merged-db ]]; then
	out=${2:?"--merged-db needs a file"}
	out=$(realpath -m "$out")
	echo "==> writing a consolidated database of ${MERGED_ORGS:-60} demo organizations to $out"
	DANGJIAN_MERGED_DB="$out" DANGJIAN_MERGED_ORGS="${MERGED_ORGS:-60}" \
		go test -run '^TestWriteMergedDatabase$' -count=1 -v -timeout 60m ./sync/ | grep -E '^(---|ok|FAIL)|wrote'
	exit 0
fi

ORGS=${ORGS:-60}
bash scripts/deps.sh sqlite3
tools=$(bash scripts/minio-tools.sh)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "==> consolidation of $ORGS organizations: go test -bench Consolidate${ORGS}Orgs ./sync/"
DANGJIAN_MINIO_BIN_DIR="$tools" go test -run '^$' -bench "^BenchmarkConsolidate${ORGS}Orgs\$" -benchtime 1x -timeout 120m ./sync/ | tee "$log"

line=$(grep "^BenchmarkConsolidate${ORGS}Orgs" "$log")
metric() { awk -v unit="$1" '{ for (i = 3; i < NF; i += 2) if ($(i + 1) == unit) print $i }' <<<"$line"; }
printf '\nconsolidation of %s organizations of 1,000 members (%s MB merged):\n' "$ORGS" "$(metric MB-merged)"
printf '  from scratch              %8.2f s  (verification with the merge meanwhile %.2f s, of which merge %.2f s; indexes %.2f s; cross-organization findings with the checksum and the flush %.2f s; put in place %.2f s)\n' \
	"$(metric s-scratch)" "$(metric s-verify)" "$(metric s-merge-in-scratch)" "$(metric s-indexes)" "$(metric s-findings)" "$(metric s-install)"
printf '  floor (sqlite3 script)    %8.2f s\n' "$(metric s-floor)"
printf '  merge alone               %8.2f s\n' "$(metric s-merge)"
printf '  again after one push      %8.2f s  (the result updated in place: checks %.2f s, merge in one transaction %.2f s, findings %.2f s, record %.2f s)\n' \
	"$(metric s-incremental)" "$(metric s-incr-verify)" "$(metric s-incr-merge)" "$(metric s-incr-findings)" "$(metric s-incr-install)"
printf '  from scratch / floor      %8.2f   (target <= 2)\n' "$(metric scratch/floor)"
printf '  merge alone / floor       %8.2f\n' "$(metric merge/floor)"
printf '  after one push / scratch  %8.3f   (target <= 0.1)\n' "$(metric incremental/scratch)"
