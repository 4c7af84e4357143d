# luong-rank: the command line every program shares (cli.h): comma lists
# for -b and -p, names in NFC, and the counts (LUONG_STATS_FD).

$ luong-rank --bogus data/ties.tsv
! luong-rank: unknown option --bogus
! usage: luong-rank [-b field[:asc|desc]] ... [-c field] [-p field] ...
!                   [--keep-order] [--rank-column name]
!                   [--ties competition|dense|ordinal]
!                   [--total field=value] ... [file ...]
? 2

# -b: a comma list, the same as the keys given one by one.
$ luong-rank -p level -b vocational_met,vocational:asc --total district_code=80 data/long-an-2023.tsv >"$T/a" && luong-rank -p level -b vocational_met -b vocational:asc --total district_code=80 data/long-an-2023.tsv | cmp - "$T/a" && cut -f 2,18,21,23 "$T/a" | sed -n '1,4p'
> district	vocational	vocational_met	rank
> Cần Đước	11.52	1	1
> Vĩnh Hưng	18.61	1	2
> Thạnh Hóa	23.51	1	3
! luong-rank: 32 rows read, 32 written, 29 ranked by vocational_met:desc then vocational:asc within level, ties: competition (1-2-2-4)
! luong-rank: 1 row not ranked: an indicator's value is empty
! luong-rank: 32 rows read, 32 written, 29 ranked by vocational_met:desc then vocational:asc within level, ties: competition (1-2-2-4)
! luong-rank: 1 row not ranked: an indicator's value is empty

$ luong-rank -b score, data/ties.tsv
! luong-rank: -b: empty item in "score,"
? 2

$ luong-rank -b score,:asc data/ties.tsv
! luong-rank: -b: ":asc": no field name
? 2

# -p: a comma list too.
$ printf 'year\tlevel\tscore\n2024\tTHPT\t1\n2023\tTHPT\t2\n2024\tTHCS\t3\n2024\tTHCS\t4\n' | luong-rank -b score -p year,level
> year	level	score	rank	rank_rule
> 2023	THPT	2	1	score:desc
> 2024	THCS	4	1	score:desc
> 2024	THCS	3	2	score:desc
> 2024	THPT	1	1	score:desc
! luong-rank: 4 rows read, 4 written, 4 ranked by score:desc within year and level, ties: competition (1-2-2-4)

# Field names are taken in NFC: typed in NFD they find the header's.
$ printf 'huy\303\252n\t\304\221i\341\273\203m\nA\t1\nB\t2\n' | luong-rank -b "$(printf '\304\221ie\314\202\314\211m')" -p "$(printf 'huye\314\202n')" -c "$(printf 'huye\314\202n')"
> huyên	điểm	rank	rank_rule
> A	1	1	điểm:desc
> B	2	1	điểm:desc
! luong-rank: 2 rows read, 2 written, 2 ranked by điểm:desc within huyên, ties: competition (1-2-2-4)

$ luong-rank -b "$(printf 'T\377')" data/ties.tsv
! luong-rank: -b: not valid UTF-8
? 2

# Counts as data: rows read and written (a rank rejects none: a bad value
# stops it), partitions, rows ranked, rows not ranked (a value missing)
# and total rows.
$ LUONG_STATS_FD=3 luong-rank -p level --total 'district=Tổng cộng' data/long-an-2023.tsv 3>"$T/st" >/dev/null 2>&1; cat "$T/st"
> program	rows_read	rows_written	rows_rejected	partitions	ranked	unranked	totals
> luong-rank	32	32	0	2	29	1	2

$ LUONG_STATS_FD=3 luong-rank -b score data/ties.tsv 3>"$T/st" >/dev/null 2>&1; cat "$T/st"
> program	rows_read	rows_written	rows_rejected	partitions	ranked	unranked	totals
> luong-rank	7	7	0	1	7	0	0

# A bad value stops the run: the rows read so far, none written.
$ printf 'district\tvocational\tvocational_target\nA\t30.00\t35.09\nB\t31\t30\nC\t27,92\t27.92\nD\t1\t1\n' | LUONG_STATS_FD=3 luong-rank 3>"$T/st" >/dev/null; echo "status $?"; cat "$T/st"
> status 1
> program	rows_read	rows_written	rows_rejected	partitions	ranked	unranked	totals
> luong-rank	3	0	0	0	0	0	0
! luong-rank: <stdin>:4: field "vocational": "27,92" is not a number

$ LUONG_STATS_FD=3 luong-rank -b score </dev/null 3>"$T/st" 2>/dev/null; echo "status $?"; cat "$T/st"
> status 2
> program	rows_read	rows_written	rows_rejected	partitions	ranked	unranked	totals
> luong-rank	0	0	0	0	0	0	0
