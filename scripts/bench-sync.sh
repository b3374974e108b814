#!/usr/bin/env bash
# Times `dangjian sync push` of a large organization database against the
# pipeline a careful administrator would script for the same job, in the
# same run, against the same local MinIO server:
#   sqlite3 DB ".backup tmp"; zstd tmp; age -r ORG -r COMMITTEE; mc cp
# then runs the consolidation benchmarks (scripts/bench-consolidate.sh: 60
# organizations of 1,000 members with a year of records each, from scratch
# against a plain sqlite3 script, and again after one push).
#
#   bash scripts/bench-sync.sh          from the repository root (make bench-sync)
#
# The database is a demo organization of $MEMBERS members (2,000 make about
# 100 MB). Before each run a one-row change is made, so that every push
# really uploads. Best of $RUNS runs each, wall clock around the processes.
# Installs age and zstd when missing (scripts/deps.sh). Everything goes
# to one temporary directory, removed at the end (KEEP=1 keeps it).
#
# Environment: MEMBERS (2000), RUNS (3), KEEP (0), CONSOLIDATE (1: also run
# the consolidation benchmarks; ORGS=8 makes them a quick round).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PATH:/usr/local/go/bin"

MEMBERS=${MEMBERS:-2000}
RUNS=${RUNS:-3}
KEEP=${KEEP:-0}
CONSOLIDATE=${CONSOLIDATE:-1}

bash scripts/deps.sh age zstd sqlite3 curl
tools=$(bash scripts/minio-tools.sh)

work=$(mktemp -d)
minio_pid=
cleanup() {
	[[ -n $minio_pid ]] && kill "$minio_pid" 2>/dev/null && wait "$minio_pid" 2>/dev/null
	if [[ $KEEP == 1 ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "==> building dangjian"
go build -buildvcs=false -o "$work/dangjian" .
dj="$work/dangjian"

port=$((20000 + RANDOM % 20000))
export MINIO_ROOT_USER=benchadmin MINIO_ROOT_PASSWORD=bench-password-2026 MINIO_BROWSER=off MINIO_UPDATE=off
HOME="$work" "$tools/minio" server --quiet --address "127.0.0.1:$port" --console-address "127.0.0.1:$((port + 1))" "$work/minio" >"$work/minio.log" 2>&1 &
minio_pid=$!
endpoint="http://127.0.0.1:$port"
for _ in $(seq 200); do
	curl -fs "$endpoint/minio/health/ready" >/dev/null && break
	sleep 0.1
done
export MC_HOST_bench="http://$MINIO_ROOT_USER:$MINIO_ROOT_PASSWORD@127.0.0.1:$port" MC_CONFIG_DIR="$work/mc"
mc() { HOME="$work" "$tools/mc" --no-color --quiet "$@"; }
until mc ls bench >/dev/null 2>&1; do sleep 0.2; done

export DANGJIAN_PASSPHRASE=bench-passphrase-2026
db="$work/org/dangjian.db"
echo "==> demo organization of $MEMBERS members"
"$dj" init --db "$db" --org 基准学院党委 >/dev/null
"$dj" demo --db "$db" --members "$MEMBERS" >/dev/null
"$dj" committee init --dir "$work/committee" --endpoint "$endpoint" --bucket bench \
	--access-key "$MINIO_ROOT_USER" --secret-key "$MINIO_ROOT_PASSWORD" >/dev/null
"$dj" keys export --db "$db" --out "$work/org-keys.json" >/dev/null
"$dj" committee enroll --dir "$work/committee" --org-keys "$work/org-keys.json" \
	--access-key benchorg --secret-key bench-org-secret-2026 --out "$work/enrollment.json" >/dev/null
org_id=$(sed -n 's/.*"org_id": "\(.*\)".*/\1/p' "$work/org-keys.json")
mc admin user add bench benchorg bench-org-secret-2026 >/dev/null
mc admin policy create bench "dangjian-org-$org_id" "$work/committee/orgs/$org_id/policy.json" >/dev/null
mc admin policy attach bench "dangjian-org-$org_id" --user benchorg >/dev/null
"$dj" sync join --db "$db" "$work/enrollment.json" >/dev/null
org_recipient=$(sed -n 's/.*"age_recipient": "\(.*\)".*/\1/p' "$work/org-keys.json")
committee_recipient=$(sed -n 's/.*"age_recipient": "\(.*\)".*/\1/p' "$work/committee/committee.json")
export MC_HOST_org="http://benchorg:bench-org-secret-2026@127.0.0.1:$port"
db_mb=$(du -m "$db" | cut -f1)

now() { date +%s.%N; }
best_ours=999999 best_pipe=999999
for i in $(seq "$RUNS"); do
	sqlite3 "$db" "UPDATE orgs SET code = 'run-$i-a'"
	t0=$(now)
	"$dj" sync push --db "$db" >/dev/null
	t1=$(now)
	sqlite3 "$db" "UPDATE orgs SET code = 'run-$i-b'"
	t2=$(now)
	sqlite3 "$db" ".backup '$work/p.db'"
	zstd -q -f "$work/p.db" -o "$work/p.db.zst"
	age -r "$org_recipient" -r "$committee_recipient" -o "$work/p.age" "$work/p.db.zst"
	mc cp "$work/p.age" "org/bench/orgs/$org_id/pipeline/$i.age" >/dev/null
	t3=$(now)
	rm -f "$work/p.db" "$work/p.db.zst" "$work/p.age"
	ours=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
	pipe=$(awk -v a="$t2" -v b="$t3" 'BEGIN { printf "%.3f", b - a }')
	echo "run $i: dangjian sync push ${ours} s, pipeline ${pipe} s"
	best_ours=$(awk -v a="$best_ours" -v b="$ours" 'BEGIN { print (b < a ? b : a) }')
	best_pipe=$(awk -v a="$best_pipe" -v b="$pipe" 'BEGIN { print (b < a ? b : a) }')
done
uploaded=$(mc ls --recursive "bench/bench/orgs/$org_id/snapshots/" | tail -1 | awk '{print $4 $5}')
printf '\nsync push of a %s MB database (%s members), best of %s:\n' "$db_mb" "$MEMBERS" "$RUNS"
printf '  dangjian sync push   %8.3f s  (uploaded %s)\n' "$best_ours" "$uploaded"
printf '  sqlite3+zstd+age+mc  %8.3f s\n' "$best_pipe"
awk -v a="$best_ours" -v b="$best_pipe" 'BEGIN { printf "  ratio (ours / pipeline) %.2f\n", a / b }'

if [[ $CONSOLIDATE == 1 ]]; then
	echo
	bash scripts/bench-consolidate.sh
fi
