#!/usr/bin/env bash
# The load benchmark (docs/performance.md), run by `./suite bench` on the running suite, which passes the
# environment below. In one run: pgbench -S on the suite's PostgreSQL (the anchor), then wrk with real tokens
# against the gateway and the services; every figure is also given as a ratio to the anchor. Writes
# target/bench/bench-<time>.json and .md. It loads its own patients through the public API first.
#
# From ./suite: BENCH_GATEWAY, BENCH_ENROLLMENT, BENCH_SAFETY, BENCH_EFFICACY, BENCH_KEYCLOAK (URLs),
#   BENCH_PG_HOST, BENCH_PG_PORT, BENCH_PG_USER (an admin of the suite's PostgreSQL; PGPASSWORD if it needs one),
#   BENCH_PIDS (the suite's .suite/pids), BENCH_OUT (where the report goes),
#   BENCH_STARTS (JSON lines: each service's start, timed by ./suite just before).
# Settings: BENCH_PATIENTS (100), BENCH_SITES (5), BENCH_AES (5 adverse events a patient), BENCH_COUNTS (10 platelet
#   counts a patient), BENCH_DURATION (10 s a measurement), BENCH_CONNECTIONS (32), BENCH_LOADERS (4 parallel loaders),
#   BENCH_LAB_ROWS (rows of the lab batch and of COPY, 10000), BENCH_BATCH_ROWS (rows a batch, 1000),
#   BENCH_LAB_WARMUP_BATCHES (batches sent before the lab batch is timed, 3), BENCH_PAUSE (11 s
#   between wrk runs), BENCH_WARMUP (seconds of a warm-up round, 10), BENCH_WARMUP_MAX (most seconds of warm-up before a
#   measurement, 120), BENCH_SUITE_WARMUP (seconds of gateway reads before the first measurement, 45).
#   BENCH_REPORT_REPEATS (each report timed alone this many times, 5), BENCH_LISTING_PAGES (line-listing pages walked, 20).
# The issue's scale, BENCH_SCALE patients in all (default BENCH_PATIENTS): the BENCH_PATIENTS loaded through the API are
#   copied in the databases (scale.sql) until there are BENCH_SCALE, e.g. BENCH_PATIENTS=50 BENCH_SITES=50 BENCH_AES=50
#   BENCH_COUNTS=100 BENCH_SCALE=10000 (loading 10 000 patients through the API would take hours here).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PATIENTS=${BENCH_PATIENTS:-100}
SITES=${BENCH_SITES:-5}
AES=${BENCH_AES:-5}
COUNTS=${BENCH_COUNTS:-10}
DURATION=${BENCH_DURATION:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
LOADERS=${BENCH_LOADERS:-4}
LAB_ROWS=${BENCH_LAB_ROWS:-10000}
SCALE=${BENCH_SCALE:-$PATIENTS}
REPORT_REPEATS=${BENCH_REPORT_REPEATS:-5}
LISTING_PAGES=${BENCH_LISTING_PAGES:-20}
# The JIT needs more than a few seconds of a request's load on 2 shared cores: a third of the measurement (2 s in short
# runs) left most reads far below what they reached later, and even 10 s left the first measurement, the gateway
# GET, on a gateway not yet compiled for it (docs/performance.md, run 8). So the suite is first warmed as a whole
# (BENCH_SUITE_WARMUP seconds of gateway reads), then each measurement after its own warm-up: rounds of the same load
# until one is no more than 5 % faster than the best before it. A fixed 10 s measured the compiler, not the service,
# for writes: POST vitals went 32, 73, 125, 174, 215, 236, 258 a second in 20 s rounds from a fresh start, its C2
# compiler thread taking half as much CPU as its event loops at first (docs/performance.md, run 18).
WARMUP=${BENCH_WARMUP:-10}
WARMUP_MAX=${BENCH_WARMUP_MAX:-120}
SUITE_WARMUP=${BENCH_SUITE_WARMUP:-45}
# Seconds between wrk runs: wrk drops its connections mid-request when it stops, which opened the gateway's circuit to
# the service for 10 s before the gateway stopped counting hung-up callers as failures (docs/performance.md); the
# pause keeps runs of the old and the new gateway comparable, and lets the machine settle.
PAUSE=${BENCH_PAUSE:-11}
RUN=$(date -u +%Y%m%dT%H%M%SZ)
WORK="$BENCH_OUT/work-$RUN"
RESULTS="$WORK/results.jsonl"
mkdir -p "$WORK"
: >"$RESULTS"

say() { printf '%s\n' "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

for tool in wrk pgbench psql jq curl; do
    command -v "$tool" >/dev/null || die "$tool is needed (apt-get install -y wrk postgresql-client jq curl)"
done

# A fresh token for USER (password <user>-pw, dev realm); tokens live 5 minutes, so each phase takes its own.
token() {
    curl -sf -d grant_type=password -d client_id=celltrial-cli -d "username=$1" -d "password=$1-pw" \
        "$BENCH_KEYCLOAK/realms/celltrial/protocol/openid-connect/token" | jq -r .access_token
}

# Appends one result line: NAME KIND and the figures as JSON (from wrk's script or computed here).
record() { jq -c --arg name "$1" --arg kind "$2" '. + {name: $name, kind: $kind}' <<<"$3" >>"$RESULTS"; }

# ------------------------------------------------------------------------------------------ data loading

# Loads the patients through the gateway as data-manager: screened, eligible, enrolled, lymphodepleted as planned,
# infused, with adverse events and platelet counts (one POST /efficacy/platelet-counts:batch per patient). Runs
# BENCH_LOADERS loaders; the token file is renewed meanwhile.
TOKEN_FILE="$WORK/token"
renew_token() { token data-manager >"$TOKEN_FILE.new" && mv "$TOKEN_FILE.new" "$TOKEN_FILE"; }

# METHOD PATH [BODY] [CONTENT-TYPE (application/json)] -> body of a 2xx answer, else fails naming the call; a 503 is
# tried again 5 times (a 503 stores nothing, a batch's included).
api() {
    local answer status attempt
    for attempt in 1 2 3 4 5 6; do
        answer=$(curl -s -w '\n%{http_code}' -X "$1" -H "Authorization: Bearer $(cat "$TOKEN_FILE")" \
            -H "Content-Type: ${4:-application/json}" ${3:+--data-binary "$3"} "$BENCH_GATEWAY$2")
        status=${answer##*$'\n'}
        [[ "$status" == 503 && $attempt -lt 6 ]] || break
        sleep 2
    done
    [[ "$status" == 2* ]] || { say "$1 $2 -> $status ${answer%$'\n'*}"; return 1; }
    printf '%s' "${answer%$'\n'*}"
}

ensure_sites() {
    local admin i code
    admin=$(token admin-user)
    local status attempt
    for ((i = 1; i <= SITES; i++)); do
        code=$(printf 'BENCH-%02d' "$i")
        # A 503 is retried: before the proxy sent a read once more on a closed connection, the gateway's first
        # request on each pooled connection to a service that `./suite starts` had just restarted failed so
        # (docs/performance.md, run 16); a service still busy starting may answer 503 too.
        for attempt in 1 2 3; do
            status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $admin" \
                "$BENCH_GATEWAY/api/v1/enrollment/sites/$code")
            [[ "$status" == 503 ]] || break
            sleep 1
        done
        case "$status" in
            200) ;;
            404) curl -sf -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
                    --data "{\"code\":\"$code\",\"name\":\"Benchmark site $i\"}" \
                    "$BENCH_GATEWAY/api/v1/enrollment/sites" || die "cannot open site $code" ;;
            *) die "site $code: $status" ;;
        esac
    done
}

load_patient() {   # N -> prints the patient's ID
    local n=$1 site id base plan dose k counts='' sex=F
    site=$(printf 'BENCH-%02d' $(((n - 1) % SITES + 1)))
    ((n % 3)) || sex=M
    id=$(api POST /api/v1/enrollment/patients "{\"siteCode\":\"$site\",\"screeningNumber\":\"B$RUN-$n\",\"sex\":\"$sex\",
        \"birthDate\":\"199$((n % 10))-03-14\",\"heightCm\":170,\"weightKg\":70,\"itpDiagnosisDate\":\"2015-06-01\",
        \"baselinePlateletCountPer1e9L\":$((5 + n % 20)),\"screeningDate\":\"2025-12-01\",\"gpAutoantibodyPositive\":true,
        \"priorTherapies\":[{\"category\":\"GLUCOCORTICOID\",\"agent\":\"prednisone\",\"start\":\"2015-06-01\",\"end\":\"2015-08-01\"},
        {\"category\":\"IVIG\",\"agent\":\"IVIG\",\"start\":\"2015-06-02\",\"end\":\"2015-06-03\"},
        {\"category\":\"TPO_RA\",\"agent\":\"eltrombopag\",\"start\":\"2017-01-01\",\"end\":\"2025-10-31\"},
        {\"category\":\"RITUXIMAB\",\"agent\":\"rituximab\",\"start\":\"2019-05-06\",\"end\":\"2019-05-27\"}]}" \
        | jq -r .id) || return 1
    base=/api/v1/enrollment/patients/$id
    api POST "$base/eligibility" '{"assessedOn":"2025-12-05","answers":{"NO_SECONDARY_ITP":true,"NO_ACTIVE_INFECTION":true,
        "ADEQUATE_ORGAN_FUNCTION":true,"NOT_PREGNANT_OR_BREASTFEEDING":true,"INFORMED_CONSENT":true,"NO_PRIOR_CAR_T":true,
        "CONTRACEPTION":true,"NO_PREVENTIVE_SPLENECTOMY":true,"NO_HEMOSTATIC_DISORDER":true,"NO_OTHER_TRIAL_WITHIN_4_WEEKS":true}}' \
        >/dev/null || return 1
    api POST "$base/enrollment" '{"consentDate":"2025-11-30","doseLevel":"DL1"}' >/dev/null || return 1
    plan=$(api POST "$base/lymphodepletion/plan" \
        '{"plannedInfusionDate":"2026-01-10","heightCm":170,"weightKg":70,"creatinineClearanceMlMin":110}') || return 1
    while read -r dose; do
        api POST "$base/lymphodepletion/administrations" "$dose" >/dev/null || return 1
    done < <(jq -c '.doses[] | select(.doseMg > 0) | {agent, date, doseMg}' <<<"$plan")
    api POST "$base/infusion" '{"date":"2026-01-10","weightKg":70,"doseLevel":"DL1","totalCellsInfused":10500000}' \
        >/dev/null || return 1
    for ((k = 1; k <= AES; k++)); do
        api POST "/api/v1/safety/patients/$id/adverse-events" "{\"ctcaeTerm\":\"Nausea\",\"meddraCode\":\"10028813\",
            \"onset\":\"$(date -u -d "2026-01-10 + $k days" +%F)\",\"grade\":$((k % 3 + 1)),\"serious\":false,\"seriousnessCriteria\":[],\"treatments\":[]}" >/dev/null || return 1
    done
    # the patient's platelet counts in one batch (NDJSON, one count a line; 100 counts are about 12 KB)
    for ((k = 1; k <= COUNTS; k++)); do
        counts+="{\"patientId\":\"$id\",\"date\":\"$(date -u -d "2026-01-10 + $((k * 3)) days" +%F)\","
        counts+="\"valuePer1e9L\":$((10 + (k * 7 + n) % 90)),\"bleeding\":0,\"source\":\"benchmark\"}"$'\n'
    done
    if ((COUNTS > 0)); then
        api POST /api/v1/efficacy/platelet-counts:batch "$counts" application/x-ndjson >/dev/null || return 1
    fi
    printf '%s\n' "$id"
}

load_data() {
    say "Loading $PATIENTS patients at $SITES sites ($AES adverse events and $COUNTS platelet counts each) through the gateway..."
    ensure_sites
    renew_token
    (while sleep 120; do renew_token || true; done) &
    local renewer=$! started=$SECONDS
    export -f load_patient api say
    export TOKEN_FILE BENCH_GATEWAY SITES AES COUNTS RUN
    if ! seq 1 "$PATIENTS" | xargs -P "$LOADERS" -I{} bash -c 'load_patient {}' >"$WORK/ids"; then
        kill "$renewer"
        die "loading failed (see above)"
    fi
    kill "$renewer"
    local loaded seconds
    loaded=$(wc -l <"$WORK/ids")
    seconds=$((SECONDS - started))
    ((loaded == PATIENTS)) || die "loaded $loaded of $PATIENTS patients"
    say "  loaded $loaded patients in $seconds s"
    record load-patients load "{\"patients\":$loaded,\"seconds\":$seconds,\"callsPerPatient\":$((13 + AES + (COUNTS > 0)))}"
}

# scale_data: each loaded patient copied in the three databases until there are BENCH_SCALE patients; the copies'
# IDs join the loaded ones, so every measurement spreads over all of them.
scale_data() {
    ((SCALE > PATIENTS)) || return 0
    local copies=$(((SCALE + PATIENTS - 1) / PATIENTS - 1)) templates db started=$SECONDS
    templates=$(paste -sd, "$WORK/ids")
    say "Copying each of the $PATIENTS patients $copies times in the databases (benchmarks/load/scale.sql)..."
    for db in enrollment safety efficacy; do
        psql -h "$BENCH_PG_HOST" -p "$BENCH_PG_PORT" -U "$BENCH_PG_USER" -d "$db" -q -v templates="$templates" \
            -v copies="$copies" -f "$HERE/scale.sql" >/dev/null || die "copying the patients in $db failed"
    done
    psql -h "$BENCH_PG_HOST" -p "$BENCH_PG_PORT" -U "$BENCH_PG_USER" -d enrollment -Atc \
        "select md5(t || '/' || n)::uuid from unnest(string_to_array('$templates', ',')) t, generate_series(1, $copies) n" \
        >>"$WORK/ids"
    say "  $(wc -l <"$WORK/ids") patients in $((SECONDS - started)) s"
    record scale-patients load "{\"patients\":$(wc -l <"$WORK/ids"),\"copiesEach\":$copies,\"seconds\":$((SECONDS - started))}"
}

# ------------------------------------------------------------------------------------------- measurement

BENCH_DB=celltrial_pgbench

pg_anchor() {
    local output tps
    if [[ -z "$(psql -h "$BENCH_PG_HOST" -p "$BENCH_PG_PORT" -U "$BENCH_PG_USER" -d postgres -Atc \
        "select 1 from pg_database where datname = '$BENCH_DB'")" ]]; then
        psql -h "$BENCH_PG_HOST" -p "$BENCH_PG_PORT" -U "$BENCH_PG_USER" -d postgres -qc "create database $BENCH_DB"
        pgbench -h "$BENCH_PG_HOST" -p "$BENCH_PG_PORT" -U "$BENCH_PG_USER" -i -s 10 -q "$BENCH_DB" >/dev/null 2>&1
    fi
    output=$(pgbench -h "$BENCH_PG_HOST" -p "$BENCH_PG_PORT" -U "$BENCH_PG_USER" -S -c 8 -j 2 -T "$DURATION" "$BENCH_DB" 2>&1)
    tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$output" | head -n 1)
    [[ -n "$tps" ]] || die "pgbench gave no tps: $output"
    say "  pgbench -S -c 8 -j 2: $tps tps"
    record pgbench-select anchor "{\"rps\":$tps}"
}

# load_env PATH [BODY] [RATE] [USER]: what request.lua reads to send PATH ({id} a loaded patient's) as USER (default
# data-manager) with BODY, paced at RATE requests a second when given.
load_env() {
    export BENCH_TOKEN BENCH_IDS="$WORK/ids" BENCH_PATH="$1" BENCH_BODY="${2:-}" BENCH_RATE="${3:-}" BENCH_THREADS=2
    BENCH_TOKEN=$(token "${4:-data-manager}")
}

# warm_up HOST CONNECTIONS: rounds of BENCH_WARMUP seconds of the load load_env set until a round's ok req/s is no more
# than 5 % above the best round before it, or BENCH_WARMUP_MAX seconds have passed; prints the seconds warmed.
warm_up() {
    local host=$1 connections=$2 best=0 rps seconds=0
    while ((seconds < WARMUP_MAX)); do
        rps=$(wrk -t "$BENCH_THREADS" -c "$connections" -d "${WARMUP}s" --timeout 60s -s "$HERE/request.lua" "$host" \
            | sed -n 's/^BENCH_JSON //p' | jq -r '.rps // 0')
        seconds=$((seconds + WARMUP))
        jq -ne --argjson rps "${rps:-0}" --argjson best "$best" '$best > 0 and $rps <= $best * 1.05' >/dev/null && break
        best=$(jq -n --argjson rps "${rps:-0}" --argjson best "$best" '[$rps, $best] | max')
    done
    printf '%s' "$seconds"
}

# measure NAME URL [BODY] [CONNECTIONS] [USER] [RATE]: wrk for BENCH_DURATION seconds, after warm_up with the same
# load; with RATE, the requests are paced at RATE a second in all (request.lua), warm-up included.
measure() {
    local name=$1 url=$2 body=${3:-} connections=${4:-$CONNECTIONS} user=${5:-data-manager} rate=${6:-} figures warmed
    local host=${url%%/api/*}
    load_env "/api/${url#*/api/}" "$body" "$rate" "$user"
    # (--timeout: a report over many patients may take seconds; wrk's default 2 s would drop it from the figures)
    warmed=$(warm_up "$host" "$connections")
    sleep "$PAUSE"
    figures=$(wrk -t "$BENCH_THREADS" -c "$connections" -d "${DURATION}s" --timeout 60s --latency -s "$HERE/request.lua" "$host" \
        | sed -n 's/^BENCH_JSON //p')
    sleep "$PAUSE"
    [[ -n "$figures" ]] || die "wrk gave no figures for $name"
    say "  $name: $(jq -r '"\(.rps) ok req/s, p50 \(.p50Ms) ms, p99 \(.p99Ms) ms, \(.errorStatus) answers >= 400, \(.incomplete) incomplete"' <<<"$figures") (warmed ${warmed} s)"
    record "$name" http "$(jq -c --argjson c "$connections" --arg rate "$rate" --argjson warmed "$warmed" \
        '. + {connections: $c, warmupSeconds: $warmed} + (if $rate == "" then {} else {pacedRate: ($rate | tonumber)} end)' <<<"$figures")"
}

# measure_at_half_peak NAME URL: the request NAME measured at full speed, again at half its ok req/s, for the p99 at
# a load the service keeps up with (the issue's p99 target).
measure_at_half_peak() {
    local name=$1 url=$2 peak
    peak=$(jq -r --arg name "$name" 'select(.name == $name) | .rps' "$RESULTS")
    [[ -n "$peak" ]] || die "no peak measured for $name"
    measure "$name at half its peak" "$url" "" "$CONNECTIONS" data-manager "$(jq -n --argjson peak "$peak" '$peak / 2 | floor')"
}

# The gateway, enrollment and their reads warmed as a whole before the first measurement (half of it the GET of a
# patient, half GET …/me), after the services' restart for the start timing.
warm_up_suite() {
    local half=$(((SUITE_WARMUP + 1) / 2)) path
    say "  warming the suite up: ${SUITE_WARMUP} s of gateway reads"
    for path in "/api/v1/enrollment/patients/{id}" /api/v1/enrollment/me; do
        load_env "$path"
        wrk -t "$BENCH_THREADS" -c "$CONNECTIONS" -d "${half}s" -s "$HERE/request.lua" "$BENCH_GATEWAY" >/dev/null
    done
    sleep "$PAUSE"
}

# Each service's start, timed by ./suite before the load (BENCH_STARTS: launch to ready alone, Quarkus's figure, RSS
# once ready), and its resident memory now, after the load.
processes() {
    local name pid rss start
    for name in enrollment safety efficacy gateway; do
        read -r pid _ <"$BENCH_PIDS/$name.pid"
        rss=$(awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
        start=$(jq -c --arg name "$name" 'select(.name == $name) | del(.name, .kind)' "$BENCH_STARTS")
        [[ -n "$start" ]] || start='{}'
        say "  $name: RSS $rss MB after the load"
        record "$name" process "$(jq -c --argjson rss "$rss" '. + {rssMb: $rss}' <<<"$start")"
    done
}

# lab_rows START ROWS NDJSON CSV: ROWS ANC results a minute apart from START (epoch seconds), one patient after the
# other of $WORK/ids, as the batch endpoint's NDJSON and as the CSV that COPY reads.
lab_rows() {
    # (the IDs read from their file: 10 000 of them passed as one argument are past the kernel's limit of one)
    awk -v start="$1" -v rows="$2" '{ id[++n] = $1 } END {
        for (k = 0; k < rows; k++) {
            at = strftime("%Y-%m-%dT%H:%M:%SZ", start + k * 60, 1); value = 0.5 + (k % 40) / 10
            printf "{\"patientId\":\"%s\",\"at\":\"%s\",\"analyte\":\"ANC\",\"value\":%.1f,\"unit\":\"10*9/L\",\"lowerLimitNormal\":1.5,\"upperLimitNormal\":8.0}\n", id[k % n + 1], at, value > "/dev/stdout"
            printf "%s,BENCH-01,CT-BENCH,%s,ANC,%.1f,10*9/L,1.5,8.0,0,bench,1,%s,bench,bench,5.0,1\n", id[k % n + 1], at, value, at > "/dev/stderr"
        } }' "$WORK/ids" >"$3" 2>"$4"
}

# post_lab_batch BATCH ANSWER TOKEN: one NDJSON batch sent to POST /safety/labs:batch, its answer written to ANSWER;
# prints the status.
post_lab_batch() {
    curl -s -o "$2" -w '%{http_code}' -H "Authorization: Bearer $3" -H 'Content-Type: application/x-ndjson' \
        --data-binary "@$1" "$BENCH_GATEWAY/api/v1/safety/labs:batch"
}

# Lab ingest in bulk: BENCH_LAB_ROWS results sent through the gateway to POST /safety/labs:batch in batches of
# BENCH_BATCH_ROWS (NDJSON, one after the other), against PostgreSQL's COPY of the same rows into a copy of the
# lab_result table (its indexes too) in the safety database: rows per second each, and their ratio. As every other
# figure is taken after a warm-up, BENCH_LAB_WARMUP_BATCHES batches (3) of results a month earlier go first, not
# timed: before run 38 the first timed batch was also the service's first, still compiling.
lab_ingest() {
    local rows=$LAB_ROWS per=${BENCH_BATCH_ROWS:-1000} warm_batches=${BENCH_LAB_WARMUP_BATCHES:-3}
    local ndjson="$WORK/labs.ndjson" csv="$WORK/labs.csv" token batch
    token=$(token data-manager)
    if ((warm_batches > 0)); then
        lab_rows 1777593600 $((warm_batches * per)) "$WORK/labs-warm.ndjson" /dev/null   # 2026-05-01T00:00:00Z
        rm -f "$WORK"/warm-batch-*
        split -l "$per" -d -a 4 "$WORK/labs-warm.ndjson" "$WORK/warm-batch-"
        local refused=0
        for batch in "$WORK"/warm-batch-*; do
            [[ "$(post_lab_batch "$batch" /dev/null "$token")" == 200 ]] || refused=$((refused + 1))
        done
        say "  lab batch: warmed with $warm_batches batches of $per, not timed ($refused not stored)"
    fi
    lab_rows 1780272000 "$rows" "$ndjson" "$csv"   # 2026-06-01T00:00:00Z
    split -l "$per" -d -a 4 "$ndjson" "$WORK/batch-"
    local status started elapsed stored=0
    started=$(date +%s%N)
    for batch in "$WORK"/batch-*; do
        status=$(post_lab_batch "$batch" "$WORK/batch-answer" "$token")
        if [[ "$status" != 200 ]]; then
            say "  lab batch: $status $(head -c 300 "$WORK/batch-answer") (not measured)"
            record "gateway POST /safety/labs:batch" rows "{\"rps\":null,\"status\":$status}"
            break
        fi
        stored=$((stored + $(jq .stored "$WORK/batch-answer")))
    done
    elapsed=$(( $(date +%s%N) - started ))
    if ((stored == rows)); then
        say "  lab batch: $rows rows in $((elapsed / 1000000)) ms"
        record "gateway POST /safety/labs:batch" rows \
            "{\"rows\":$rows,\"batchRows\":$per,\"warmupBatches\":$warm_batches,\"ms\":$((elapsed / 1000000)),\"rps\":$(awk -v r="$rows" -v ns="$elapsed" 'BEGIN {printf "%.1f", r / (ns / 1e9)}')}"
    fi
    local copy_ms
    copy_ms=$(psql -h "$BENCH_PG_HOST" -p "$BENCH_PG_PORT" -U "$BENCH_PG_USER" -d safety -q -v ON_ERROR_STOP=1 <<SQL | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n 1
DROP TABLE IF EXISTS bench_lab_copy;
CREATE TABLE bench_lab_copy (LIKE lab_result INCLUDING ALL);
ALTER TABLE bench_lab_copy ALTER COLUMN id SET DEFAULT gen_random_uuid();
\timing on
\copy bench_lab_copy (patient_id, site_code, subject_id, collected_at, analyte, value, unit, lower_limit_normal, upper_limit_normal, ctcae_grade, ctcae_rule, version, created_at, created_by, ctcae_engine, ctcae_version, protocol_version) from '$csv' csv
\timing off
DROP TABLE bench_lab_copy;
SQL
    )
    [[ -n "$copy_ms" ]] || die "COPY gave no time"
    say "  COPY: $rows rows in $copy_ms ms"
    record "PostgreSQL COPY of the same rows" rows \
        "{\"rows\":$rows,\"ms\":$copy_ms,\"rps\":$(awk -v r="$rows" -v ms="$copy_ms" 'BEGIN {printf "%.1f", r / (ms / 1000)}')}"
}

# time_report NAME URL [PAGES]: the report asked for alone, one unmeasured request then BENCH_REPORT_REPEATS timed
# ones (curl's time_total); with PAGES, each request walks PAGES pages by their nextCursor and each page is timed.
time_report() {
    local name=$1 url=$2 pages=${3:-1} token i page status seconds cursor bytes=0
    local -a times=()
    token=$(token data-manager)
    for ((i = 0; i <= REPORT_REPEATS; i++)); do
        cursor=''
        for ((page = 0; page < pages; page++)); do
            read -r status seconds < <(curl -s -o "$WORK/report" -w '%{http_code} %{time_total}\n' --max-time 300 \
                -H "Authorization: Bearer $token" "$url$cursor")
            if [[ "$status" != 200 ]] || [[ "$(jq -r '.unavailable // [] | length' "$WORK/report")" != 0 ]]; then
                say "  $name: $status $(head -c 300 "$WORK/report") (an error or incomplete: not measured)"
                record "$name" latency "{\"status\":$status}"
                return
            fi
            ((i == 0)) || times+=("$seconds")
            bytes=$(wc -c <"$WORK/report")
            cursor=$(jq -r '.nextCursor // empty | "&cursor=\(@uri)"' "$WORK/report" 2>/dev/null || true)
            [[ -n "$cursor" ]] || break
        done
    done
    record "$name" latency "$(printf '%s\n' "${times[@]}" | jq -sc --argjson bytes "$bytes" --argjson pages "$pages" \
        'sort | {requests: length, pages: $pages, lastBytes: $bytes, medianSeconds: .[length / 2 | floor], maxSeconds: max}')"
    say "  $name alone: $(jq -r --arg name "$name" 'select(.name == $name and .kind == "latency") | "median \(.medianSeconds) s, max \(.maxSeconds) s"' "$RESULTS")"
}

time_reports() {
    say "Timing the reports alone over $(wc -l <"$WORK/ids") patients..."
    time_report "gateway GET /study/summary" "$BENCH_GATEWAY/api/v1/study/summary?asOf=2026-12-01"
    time_report "gateway GET /safety/summary" "$BENCH_GATEWAY/api/v1/safety/summary?asOf=2026-12-01"
    time_report "gateway GET /safety/line-listing, a page of 200" \
        "$BENCH_GATEWAY/api/v1/safety/line-listing?asOf=2026-12-01&limit=200" "$LISTING_PAGES"
}

# ------------------------------------------------------------------------------------------------ report

report() {
    local json="$BENCH_OUT/bench-$RUN.json" md="$BENCH_OUT/bench-$RUN.md" patients
    patients=$(wc -l <"$WORK/ids")
    jq -s --arg run "$RUN" --argjson patients "$patients" --argjson duration "$DURATION" '
        (map(select(.kind == "anchor"))[0].rps) as $anchor
        | {run: $run, patients: $patients, secondsPerMeasurement: $duration,
           machine: {cores: '"$(nproc)"'}, anchorTps: $anchor,
           results: map(if .rps then . + {ratioToAnchor: ((.rps / $anchor * 100000 | round) / 100000)} else . end)}' \
        "$RESULTS" >"$json"
    {
        printf '# Load benchmark %s\n\n' "$RUN"
        printf '%s patients (%s loaded through the API); the suite warmed %s s, then %s s a measurement after warm-up rounds of %s s until one was no more than 5 %% faster than the best before it (at most %s s; "warmed s"); %s cores. Anchor: `pgbench -S -c 8 -j 2` = %s tps.\n\n' \
            "$patients" "$PATIENTS" "$SUITE_WARMUP" "$DURATION" "$WARMUP" "$WARMUP_MAX" "$(nproc)" "$(jq -r .anchorTps "$json")"
        printf '| what | conns | paced at, req/s | warmed s | ok req/s | vs anchor | p50 ms | p99 ms | answers >= 400 | incomplete |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
        jq -r '.results[] | select(.kind == "http" or .kind == "rows")
            | "| \(.name) | \(.connections // "") | \(.pacedRate // "") | \(.warmupSeconds // "") | \(.rps // "n/a") | \(if .ratioToAnchor then "\(.ratioToAnchor * 10000 | round / 100) %" else "" end) | \(.p50Ms // "") | \(.p99Ms // "") | \(.errorStatus // "") | \(.incomplete // "") |"' "$json"
        printf '\n| report, asked for alone | requests | median s | max s | bytes of the last |\n|---|---:|---:|---:|---:|\n'
        jq -r '.results[] | select(.kind == "latency")
            | "| \(.name) | \(.requests // "failed \(.status)") | \(.medianSeconds // "") | \(.maxSeconds // "") | \(.lastBytes // "") |"' "$json"
        jq -r '[.results[] | select(.kind == "rows")] | select(length == 2 and .[0].rps and .[1].rps)
            | "\nLab ingest: the batch endpoint stores \(.[0].rps / .[1].rps * 1000 | round / 10) % of COPY'"'"'s rows per second."' "$json"
        printf '\n| service | start to ready alone, s | Quarkus "started in", s | CPU s to ready | RSS MB ready | RSS MB after the load |\n|---|---:|---:|---:|---:|---:|\n'
        jq -r '.results[] | select(.kind == "process")
            | "| \(.name) | \(if .readyMs then .readyMs / 1000 else "" end) | \(.startedSeconds // "") | \(.cpuSecondsReady // "") | \(.rssMbReady // "") | \(.rssMb) |"' "$json"
        jq -r '[.results[] | select(.kind == "process")][0] | select(.cache)
            | "\nStarts: Java \(.javaMajor), cache \(.cache) (CELLTRIAL_JAVA_CACHE)."' "$json"
    } >"$md"
    rm -f "$TOKEN_FILE"
    cat "$md"
    say ""
    say "Report: ${json} and ${md}"
}

# -------------------------------------------------------------------------------------------------- run

load_data
scale_data
say "Measuring (each ${DURATION} s after warm-up rounds of ${WARMUP} s, at most ${WARMUP_MAX} s; $CONNECTIONS connections unless said)..."
warm_up_suite
pg_anchor
measure "gateway GET /enrollment/patients/{id}" "$BENCH_GATEWAY/api/v1/enrollment/patients/{id}"
measure_at_half_peak "gateway GET /enrollment/patients/{id}" "$BENCH_GATEWAY/api/v1/enrollment/patients/{id}"
measure "direct GET /enrollment/patients/{id}" "$BENCH_ENROLLMENT/api/v1/enrollment/patients/{id}"
measure "gateway GET /enrollment/me (token only)" "$BENCH_GATEWAY/api/v1/enrollment/me"
measure "direct GET /enrollment/me (token only)" "$BENCH_ENROLLMENT/api/v1/enrollment/me"
measure "gateway GET /study/patients/{id}/course" "$BENCH_GATEWAY/api/v1/study/patients/{id}/course"
measure "gateway POST /safety/patients/{id}/vitals" "$BENCH_GATEWAY/api/v1/safety/patients/{id}/vitals" vitals
measure "gateway POST /safety/patients/{id}/labs" "$BENCH_GATEWAY/api/v1/safety/patients/{id}/labs" lab
measure "gateway GET /study/summary" "$BENCH_GATEWAY/api/v1/study/summary?asOf=2026-12-01" "" 2
measure "gateway GET /safety/summary" "$BENCH_GATEWAY/api/v1/safety/summary?asOf=2026-12-01" "" 2
measure "gateway GET /safety/line-listing" "$BENCH_GATEWAY/api/v1/safety/line-listing?asOf=2026-12-01&limit=200" "" 2
lab_ingest
time_reports
processes
report
