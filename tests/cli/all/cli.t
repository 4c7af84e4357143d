# What every luong program answers the same way (tools/lib/cli): an
# unknown option, long or short, is "PROG: unknown option X" and then the
# usage, which is exactly what --help prints, with exit 2 and nothing on
# stdout; --help that cannot be written is exit 1.
$ cd "$T" && for p in luong-ingest luong-normalise luong-expect luong-rates luong-join luong-rank luong-render luong-run; do "$p" --help >help; for o in --bogus -Z --bogus=1; do "$p" $o >out 2>err; s=$?; { echo "$p: unknown option ${o%=*}"; cat help; } | cmp -s - err && [ ! -s out ] && echo "$p $o: $s, as one" || { echo "$p $o: $s"; cat err; }; done; "$p" --help >/dev/full 2>/dev/null; echo "$p --help >/dev/full: $?"; done
> luong-ingest --bogus: 2, as one
> luong-ingest -Z: 2, as one
> luong-ingest --bogus=1: 2, as one
> luong-ingest --help >/dev/full: 1
> luong-normalise --bogus: 2, as one
> luong-normalise -Z: 2, as one
> luong-normalise --bogus=1: 2, as one
> luong-normalise --help >/dev/full: 1
> luong-expect --bogus: 2, as one
> luong-expect -Z: 2, as one
> luong-expect --bogus=1: 2, as one
> luong-expect --help >/dev/full: 1
> luong-rates --bogus: 2, as one
> luong-rates -Z: 2, as one
> luong-rates --bogus=1: 2, as one
> luong-rates --help >/dev/full: 1
> luong-join --bogus: 2, as one
> luong-join -Z: 2, as one
> luong-join --bogus=1: 2, as one
> luong-join --help >/dev/full: 1
> luong-rank --bogus: 2, as one
> luong-rank -Z: 2, as one
> luong-rank --bogus=1: 2, as one
> luong-rank --help >/dev/full: 1
> luong-render --bogus: 2, as one
> luong-render -Z: 2, as one
> luong-render --bogus=1: 2, as one
> luong-render --help >/dev/full: 1
> luong-run --bogus: 2, as one
> luong-run -Z: 2, as one
> luong-run --bogus=1: 2, as one
> luong-run --help >/dev/full: 1

# The usage each prints is its man page's SYNOPSIS, word for word.
$ for p in luong-ingest luong-normalise luong-expect luong-rates luong-join luong-rank luong-render luong-run; do a=$("$p" --help | sed 's/^usage: //' | tr -s ' \t\n' '   ' | sed 's/^ //; s/ $//'); b=$(mandoc -Tascii "$TOP/man/man1/$p.1" 2>/dev/null | sed 's/.\x08//g' | awk '/^SYNOPSIS/ { on = 1; next } /^[A-Z]/ { on = 0 } on' | tr -s ' \t\n' '   ' | sed 's/^ //; s/ $//'); [ "$a" = "$b" ] && echo "$p: as the man page" || printf '%s:\n  %s\n  %s\n' "$p" "$a" "$b"; done
> luong-ingest: as the man page
> luong-normalise: as the man page
> luong-expect: as the man page
> luong-rates: as the man page
> luong-join: as the man page
> luong-rank: as the man page
> luong-render: as the man page
> luong-run: as the man page

# Every program writes its counts to LUONG_STATS_FD: a header that starts
# with the four fields every record has, and one row for the program.
$ cd "$TOP" && printf 'district\tlevel\tn\nTân An\tTHCS\t1\n' >"$T/s.tsv" && { LUONG_STATS_FD=3 luong-ingest samples/long-an/thcs-2022-2023-bo-sung.xlsx 3>&1 >/dev/null 2>&1; LUONG_STATS_FD=3 luong-normalise -g config/long-an/districts.yaml -c district "$T/s.tsv" 3>&1 >/dev/null 2>&1; printf 'school_id\tlevel\n80794201\tTHCS\n' | LUONG_STATS_FD=3 luong-expect -t config/long-an/schools-2023.tsv -k school_id,level 3>&1 >/dev/null 2>&1; LUONG_STATS_FD=3 luong-rates -g district -i config/indicators.yaml "$T/s.tsv" 3>&1 >/dev/null 2>&1; LUONG_STATS_FD=3 luong-join -t "$T/s.tsv" -k district "$T/s.tsv" 3>&1 >/dev/null 2>&1; LUONG_STATS_FD=3 luong-rank -b n "$T/s.tsv" 3>&1 >/dev/null 2>&1; LUONG_STATS_FD=3 luong-render -f tsv "$T/s.tsv" 3>&1 >/dev/null 2>&1; printf 'steps:\n  - [luong-render, -f, tsv, %s]\n' "$T/s.tsv" >"$T/p.yaml"; LUONG_STATS_FD=3 luong-run -q "$T/p.yaml" 3>&1 >/dev/null 2>&1; } | awk -F'\t' 'NR % 2 == 1 { h = ($1 == "program" && $2 == "rows_read" && $3 == "rows_written" && $4 == "rows_rejected") } NR % 2 == 0 { print $1 ": " (h ? "ok" : "BAD") ", " NF " fields" }'
> luong-ingest: ok, 12 fields
> luong-normalise: ok, 12 fields
> luong-expect: ok, 9 fields
> luong-rates: ok, 8 fields
> luong-join: ok, 8 fields
> luong-rank: ok, 8 fields
> luong-render: ok, 8 fields
> luong-run: ok, 6 fields
