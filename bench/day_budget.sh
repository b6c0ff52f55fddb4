# bench/day_budget.sh: section 6 of bench/run (sourced by it; uses its helpers).
#
# One simulated day of the shipped schedule against the stand-in with TSH's
# catalog (--catalog tsh: 2,204 items, 41% inactive, 9 price books), time
# compressed, in Books mode (--books-items documented: no last_modified_time
# filter, no /itemdetails) and in Inventory mode (issue 13):
#   - the runs: every line of crontab.example that calls Zoho (pull-products,
#     pull-stock, pull-prices, with and without --full, replay-dlq), at its
#     minutes (the systemd timers hold the same schedule, a test keeps them in
#     step); health, validate, fix-stuck, backfill-prices and archive-logs call
#     no Zoho API and are not played. Each run sees the simulated wall clock
#     through faketime (the share of the budget grows with the hour of the day);
#     the database and the stand-in keep the real clock.
#   - the changes: each hour 10 item renames, 3 stock levels and 1 price-book row
#     (per_item books), at seeded random seconds, on active items, through the
#     stand-in's admin API; each writes the webhook_logs row the ERP's receiver
#     writes (item.update {"item": {"item_id"}}, inventoryadjustment.create with
#     line_items, pricebook.update {"pricebook": {"pricebook_id"}}), except 2% of
#     them (seeded), whose webhook is lost.
#   - [zoho].daily_call_budget = 500 with the default [zoho.call_shares]; the
#     initial full sync before the day is not counted (its calls are cleared).
#   - after 24:00 the day turns (the counters start again, as Zoho's UTC day
#     does) and the schedule goes on, without new changes, until the next
#     day's backstop listings (02:45), so changes whose webhook was lost late in
#     the day are caught; only the first 24 hours' calls are counted.
# Figures: API calls per command and in all (tshsync's api_calls, and the
# stand-in's own count), the worst delay from a change in Zoho to the ERP with
# and without a webhook (the simulated time of the first run after which the
# ERP row differs from what it held before the change), rows written (the
# metrics' write counts; and a bench trigger on products, product_prices,
# pricelists and product_stock_locations counting every row written and those
# an UPDATE left as they were but for updated_at: target 0), writes by runs
# that had nothing to apply (target 0), deferrals (exit 75).

day_seed=13
day_budget=500

# cron_minutes MINUTE HOUR: the minutes of the day (0..1439) a daily cron line fires at.
cron_minutes() {
  awk -v mf="$1" -v hf="$2" '
    function expand(field, max, out,    parts, n, i, p, step, range, a, b, v, r) {
      n = split(field, parts, ",")
      for (i = 1; i <= n; i++) {
        p = parts[i]; step = 1
        if (index(p, "/")) { split(p, r, "/"); p = r[1]; step = r[2] + 0 }
        if (p == "*") { a = 0; b = max }
        else if (index(p, "-")) { split(p, range, "-"); a = range[1] + 0; b = range[2] + 0 }
        else { a = p + 0; b = (step > 1 ? max : a) }
        for (v = a; v <= b; v += step) out[v] = 1
      }
    }
    BEGIN {
      expand(mf, 59, mins); expand(hf, 23, hours)
      for (h in hours) for (m in mins) print h * 60 + m
    }' | sort -n
}

# The Zoho-calling runs of crontab.example: "MINUTE<TAB>JOB" for one day.
schedule_runs() {
  local minute hour dom month dow rest job m
  while read -r minute hour dom month dow rest; do
    [[ $minute =~ ^[0-9*] ]] || continue
    [[ $rest =~ tshsync\ (-q\ )?((pull-products|pull-stock|pull-prices|replay-dlq)( --[a-z-]+)*) ]] || continue
    job=${BASH_REMATCH[2]}
    for m in $(cron_minutes "$minute" "$hour"); do printf '%s\t%s\n' "$m" "$job"; done
  done <"$root/crontab.example"
}

# The day's changes: "SECOND<TAB>KIND<TAB>N<TAB>WEBHOOK(1|0)", seeded.
schedule_changes() {
  awk -v seed="$day_seed" 'BEGIN {
    srand(seed); n = 0
    for (h = 0; h < 24; h++) {
      for (i = 0; i < 14; i++) {
        kind = i < 10 ? "item" : (i < 13 ? "stock" : "price")
        printf "%d\t%s\t%d\t%d\n", h * 3600 + int(rand() * 3600), kind, ++n, (rand() < 0.02 ? 0 : 1)
      }
    }
  }' | sort -n
}

hms() { printf '%02d:%02d:%02d' $(($1 / 3600)) $(($1 % 3600 / 60)) $(($1 % 60)); }

# admin_body METHOD PATH JSON: like admin, with a JSON body.
admin_body() {
  local fd response status
  exec {fd}<>"/dev/tcp/127.0.0.1/$standin_port" || die "cannot connect to the stand-in on port $standin_port"
  printf '%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
    "$1" "$2" "${#3}" "$3" >&"$fd"
  response=$(cat <&"$fd")
  exec {fd}<&-
  status=${response%%$'\r\n'*}
  [[ $status == "HTTP/1."[01]" 2"* ]] || die "the stand-in answered $1 $2 with '$status'"
}

# day_mode books|inventory [summary]: plays the day, adds the section's rows.
# Books' GET /pricebooks rows carry their pricebook_items, as Books documents
# them; "summary" plays the Books day with rows without them (whether live
# Books sends them is not confirmed).
day_mode() {
  local mode=$1 pricebook_rows=${2:-} db=bench_day
  day_label="Books"
  [ "$mode" = inventory ] && day_label="Inventory"
  [ "$pricebook_rows" = summary ] && day_label="Books (list rows without items)"
  log "6. a day of the schedule, $day_label: TSH's catalog, 10 item / 3 stock / 1 price changes an hour, 2% of webhooks lost"
  local standin_args=(--catalog tsh --rate-limit 0)
  [ "$mode" = books ] && standin_args+=(--books-items documented)
  [ "$pricebook_rows" = summary ] && standin_args+=(--books-pricebook-list summary)
  start_standin "${standin_args[@]}"
  fresh_db "$db"
  local job
  for job in "pull-products --full" "pull-stock --full" "pull-prices --full"; do
    # shellcheck disable=SC2086
    timed setup env PGDATABASE=$db ZOHO_PRODUCT=$mode "$bin" $job
    expect_rc setup "the initial $job ($mode)" 0
  done
  # Before the day: the ERP has been receiving webhooks; nothing counted yet.
  q "$db" "INSERT INTO webhook_logs (event_id, event_type, status, payload) VALUES
           ('evt-bench-start', 'invoice.create', 'success', '{\"invoice\": {\"invoice_id\": \"1\"}}')" >/dev/null
  q "$db" "DELETE FROM tshsync_call_usage; UPDATE tshsync_rate_account SET calls_today = 0" >/dev/null
  # Every row the day writes into the data tables, and whether it changed anything
  # (an UPDATE whose row is the same but for updated_at changed nothing).
  q "$db" "CREATE TABLE bench_writes (tbl text, noop boolean);
    CREATE FUNCTION bench_note_write() RETURNS trigger LANGUAGE plpgsql AS \$\$
    BEGIN
      INSERT INTO bench_writes VALUES (TG_TABLE_NAME,
        TG_OP = 'UPDATE' AND (to_jsonb(OLD) - 'updated_at') = (to_jsonb(NEW) - 'updated_at'));
      RETURN NULL;
    END \$\$;
    CREATE TRIGGER bench_note AFTER INSERT OR UPDATE OR DELETE ON products FOR EACH ROW EXECUTE FUNCTION bench_note_write();
    CREATE TRIGGER bench_note AFTER INSERT OR UPDATE OR DELETE ON product_prices FOR EACH ROW EXECUTE FUNCTION bench_note_write();
    CREATE TRIGGER bench_note AFTER INSERT OR UPDATE OR DELETE ON pricelists FOR EACH ROW EXECUTE FUNCTION bench_note_write();
    CREATE TRIGGER bench_note AFTER INSERT OR UPDATE OR DELETE ON product_stock_locations FOR EACH ROW EXECUTE FUNCTION bench_note_write();" >/dev/null
  q "$db" "CREATE TABLE bench_changes (n int PRIMARY KEY, kind text, zoho_id text, book_id text, sim_at int,
             webhook boolean, before text, applied_at int)" >/dev/null
  # The targets, seeded: active items, and (book, item) rows of active per_item books.
  local items=() price_rows=()
  mapfile -t items < <(q "$db" "SELECT zoho_item_id FROM products WHERE is_active AND zoho_item_id IS NOT NULL ORDER BY zoho_item_id")
  local book_ids=() book
  for book in $(q "$db" "SELECT zoho_pricebook_id FROM pricelists WHERE is_active AND zoho_pricebook_id IS NOT NULL"); do
    local detail
    detail=$(admin GET "/_admin/pricebooks/$book")
    # A book whose detail lists no items (TSH's "Technical IQD") is priced per
    # item on Books and not at all on Inventory (no /items/pricebookrate): left out.
    [[ $detail =~ \"pricebook_type\":\ *\"per_item\" ]] && [[ $detail =~ \"pricebook_items\":\ *\[\ *\{ ]] &&
      book_ids+=("$book")
  done
  mapfile -t price_rows < <(q "$db" "SELECT l.zoho_pricebook_id || ' ' || p.zoho_item_id FROM product_prices pp
      JOIN products p ON p.id = pp.product_id JOIN pricelists l ON l.id = pp.pricelist_id
      WHERE l.zoho_pricebook_id IN ($(printf "'%s'," "${book_ids[@]}" | sed 's/,$//')) AND p.is_active
      ORDER BY 1")
  [ ${#price_rows[@]} -gt 0 ] || die "no priced rows in the per_item books"

  local date next_date jsonl="$work/day_$mode.jsonl"
  # The simulated day is tomorrow (UTC): Zoho's times (the real clock) then never
  # lie in a run's future. The database keeps today's date for the counters.
  date=$(date -u -d tomorrow +%Y-%m-%d) next_date=$(date -u -d '2 days' +%Y-%m-%d)
  rm -f "$jsonl"
  # Events in time order: changes (0) before runs (1) within a second.
  {
    schedule_changes | awk -F'\t' '{ printf "%d\t0\t%s\t%s\t%s\n", $1, $2, $3, $4 }'
    schedule_runs | awk -F'\t' '{ printf "%d\t1\t%s\n", $1 * 60, $2 }'
    # After midnight, until the backstops of the next day have run.
    schedule_runs | awk -F'\t' '$1 * 60 < 2 * 3600 + 45 * 60 { printf "%d\t1\t%s\n", 86400 + $1 * 60, $2 }'
  } | sort -t$'\t' -k1,1n -k2,2n >"$work/day_events"
  admin POST /_admin/stats/reset >/dev/null
  local at kind a b c sql="" runs_played=0 deferred=0 turned=0 standin_day_calls="" day_writes=""
  local pick=7
  while IFS=$'\t' read -r at kind a b c; do
    if [ "$kind" = 0 ]; then
      # A change in Zoho, and the row the ERP's receiver writes for it.
      local n=$b webhook=$c id book payload type expr
      pick=$(((pick * 1103515245 + 12345) % 2147483648))
      case $a in
        item)
          id=${items[$((pick % ${#items[@]}))]}
          admin_body POST "/_admin/items/$id" "{\"name\": \"Bench change $n\"}"
          type=item.update payload="{\"item\": {\"item_id\": \"$id\"}}" book=""
          expr="(SELECT name FROM products WHERE zoho_item_id = '$id')" ;;
        stock)
          id=${items[$((pick % ${#items[@]}))]}
          admin_body POST "/_admin/items/$id" "{\"stock_on_hand\": $((1000 + n))}"
          type=inventoryadjustment.create book=""
          payload="{\"inventory_adjustment\": {\"inventory_adjustment_id\": \"9$n\", \"line_items\": [{\"item_id\": \"$id\"}]}}"
          expr="(SELECT stock_quantity::text FROM products WHERE zoho_item_id = '$id')" ;;
        price)
          read -r book id <<<"${price_rows[$((pick % ${#price_rows[@]}))]}"
          admin_body POST "/_admin/pricebooks/$book/items/$id" "{\"pricebook_rate\": $((20000 + n * 7))}"
          type=pricebook.update payload="{\"pricebook\": {\"pricebook_id\": \"$book\"}}"
          expr="(SELECT pp.price::text FROM product_prices pp JOIN products p ON p.id = pp.product_id
                 JOIN pricelists l ON l.id = pp.pricelist_id WHERE p.zoho_item_id = '$id' AND l.zoho_pricebook_id = '$book')" ;;
      esac
      sql+="INSERT INTO bench_changes VALUES ($n, '$a', '$id', '$book', $at, $webhook = 1, $expr, NULL);"
      [ "$webhook" = 1 ] && sql+="INSERT INTO webhook_logs (event_id, event_type, status, payload)
          VALUES ('evt-bench-$n', '$type', 'success', '$payload'::jsonb);"
      continue
    fi
    if [ -n "$sql" ]; then q "$db" "$sql" >/dev/null; sql=""; fi
    if [ "$at" -ge 86400 ] && [ "$turned" = 0 ]; then
      # Midnight: Zoho's day turns, and so do tshsync's counters.
      standin_day_calls=$(jget "$(admin GET /_admin/stats)" api_requests)
      day_writes=$(q "$db" "SELECT count(*) || ' ' || count(*) FILTER (WHERE noop) FROM bench_writes")
      q "$db" "DELETE FROM tshsync_call_usage; UPDATE tshsync_rate_account SET calls_today = 0" >/dev/null
      turned=1
    fi
    local sim_date=$date clock=$at
    [ "$at" -ge 86400 ] && sim_date=$next_date clock=$((at - 86400))
    T_RC=0
    # shellcheck disable=SC2086
    env PGDATABASE=$db ZOHO_PRODUCT=$mode ZOHO_DAILY_CALL_BUDGET=$day_budget TSHSYNC_METRICS_JSONL="$jsonl" \
      FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f "@$sim_date $(hms "$clock")" "$bin" -q $a >/dev/null 2>>"$work/day_$mode.err" || T_RC=$?
    case $T_RC in
      0) ;;
      75) deferred=$((deferred + 1)) ;;
      *) die "$a at $(hms "$clock") ($mode) exited $T_RC: $(tail -n 3 "$work/day_$mode.err")" ;;
    esac
    runs_played=$((runs_played + 1))
    q "$db" "UPDATE bench_changes c SET applied_at = $at WHERE applied_at IS NULL AND sim_at <= $at
             AND CASE kind WHEN 'item' THEN (SELECT name FROM products WHERE zoho_item_id = c.zoho_id)
                           WHEN 'stock' THEN (SELECT stock_quantity::text FROM products WHERE zoho_item_id = c.zoho_id)
                           ELSE (SELECT pp.price::text FROM product_prices pp JOIN products p ON p.id = pp.product_id
                                 JOIN pricelists l ON l.id = pp.pricelist_id
                                 WHERE p.zoho_item_id = c.zoho_id AND l.zoho_pricebook_id = c.book_id) END
                 IS DISTINCT FROM c.before" >/dev/null
  done <"$work/day_events"
  stop_standin
  day_report "$mode" "$db" "$jsonl" "$runs_played" "$deferred" "$standin_day_calls" "$next_date" "$day_writes"
  drop_db "$db"
}

# day_report MODE DB JSONL RUNS DEFERRED STANDIN_CALLS DAY_END "WRITES NOOPS": the figures of one mode.
day_report() {
  local mode=$1 db=$2 jsonl=$3 runs_played=$4 deferred=$5 standin_calls=$6 day_end=$7 db_writes db_noops
  read -r db_writes db_noops <<<"$8"
  q "$db" "CREATE TABLE bench_runs (m jsonb)" >/dev/null
  q "$db" "\\copy bench_runs FROM '$jsonl' WITH (FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02')" >/dev/null
  # Runs of the first 24 hours (ts is the simulated clock); writes are the metrics' write counts.
  local first_day="(m->>'ts')::timestamptz < '${day_end}T00:00:00Z'"
  local writes="COALESCE((m->>'inserted')::int,0) + COALESCE((m->>'updated')::int,0) + COALESCE((m->>'deactivated')::int,0)
     + COALESCE((m->>'prices_inserted')::int,0) + COALESCE((m->>'prices_updated')::int,0)
     + COALESCE((m->>'prices_deleted')::int,0) + COALESCE((m->>'locations_updated')::int,0)"
  local per_command total
  per_command=$(q "$db" "SELECT string_agg(job || ' ' || calls, ' · ' ORDER BY job) FROM (
      SELECT m->>'command' || CASE WHEN m->>'strategy' IS DISTINCT FROM 'change_feed'
                                    AND (m->>'feed') IS NULL AND m->>'command' <> 'replay-dlq' THEN ' --full' ELSE '' END AS job,
             sum(COALESCE((m->>'api_calls')::int, 0)) AS calls
      FROM bench_runs WHERE $first_day GROUP BY 1) x")
  total=$(q "$db" "SELECT COALESCE(sum((m->>'api_calls')::int), 0) FROM bench_runs WHERE $first_day")
  local worst_hook worst_lost unapplied lost changes
  read -r worst_hook worst_lost unapplied lost changes <<<"$(q "$db" "SELECT
      COALESCE(max(applied_at - sim_at) FILTER (WHERE webhook), 0), COALESCE(max(applied_at - sim_at) FILTER (WHERE NOT webhook), 0),
      count(*) FILTER (WHERE applied_at IS NULL), count(*) FILTER (WHERE NOT webhook), count(*) FROM bench_changes" | tr '|' ' ')"
  local written idle_written records
  read -r written idle_written <<<"$(q "$db" "SELECT COALESCE(sum($writes), 0),
      COALESCE(sum($writes) FILTER (WHERE COALESCE((m->>'feed_events')::int, -1) = 0), 0)
      FROM bench_runs WHERE $first_day" | tr '|' ' ')"
  records=$(q "$db" "SELECT count(DISTINCT (kind, zoho_id, book_id)) FROM bench_changes")
  local mins_hook mins_lost
  mins_hook=$(awk -v s="$worst_hook" 'BEGIN { printf "%.1f min", s / 60 }')
  mins_lost=$(awk -v s="$worst_lost" 'BEGIN { printf "%.1f h", s / 3600 }')
  local label=$day_label target_calls="≤ 500" met_calls
  [ "$mode" = inventory ] && target_calls=""
  met_calls=$([ "$mode" = books ] && mark "$total" "<=" 500 || echo "")
  row 6 "$label day: API calls in all (stand-in: ${standin_calls:--}) · per command: $per_command" "$total" "" "" "$target_calls" "$met_calls"
  row 6 "$label day: worst delay, change with a webhook → ERP ($((changes - lost)) changes)" "$mins_hook" "" "" "≤ 15 min" \
    "$(if [ "$unapplied" = 0 ]; then mark "$worst_hook" "<=" 900; else echo "✗ ($unapplied never)"; fi)"
  row 6 "$label day: worst delay, webhook lost → ERP ($lost changes)" "$mins_lost" "" "" "≤ 24 h" \
    "$(if [ "$unapplied" = 0 ]; then mark "$worst_lost" "<=" 86400; else echo "✗ ($unapplied never)"; fi)"
  row 6 "$label day: rows written (metrics / database) · of them unchanged · by runs with nothing to apply · records changed" \
    "$written / $db_writes · $db_noops · $idle_written · $records" "" "" "0 unchanged, 0 by idle runs" \
    "$(if [ "$db_noops" = 0 ] && [ "$idle_written" = 0 ]; then echo "✓"; else echo "✗"; fi)"
  row 6 "$label day: runs played · deferred (exit 75, [zoho].daily_call_budget $day_budget)" "$runs_played · $deferred" "" "" "" ""
  log "   $label: $total calls ($per_command), worst delay $mins_hook with webhook, $mins_lost lost; $written rows written ($db_writes in the database, $db_noops unchanged) for $records records, $idle_written by idle runs; $deferred deferred"
}

section_day() {
  command -v faketime >/dev/null || die "faketime is missing (Debian package 'faketime'): run scripts/install-deps"
  day_mode books
  day_mode books summary
  day_mode inventory
}
