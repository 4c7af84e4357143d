# LUONG_STATS_FD=N: the counts as a record stream on descriptor N
# (luong-stream(5)).  rows_written counts every row written, groups and
# total rows; luong-rates rejects nothing (a bad value is an error).
$ LUONG_STATS_FD=3 luong-rates -g level,district --rate 'v=sum(vocational)/sum(graduates)' --total district=ALL data/small.tsv 3>"$T/st" >/dev/null; cat "$T/st"
> program	rows_read	rows_written	rows_rejected	groups	total_rows	skipped	source_rows
> luong-rates	7	7	0	5	2	0	7
! luong-rates: 7 rows read, 5 groups, 7 rows written
! luong-rates: v: 1 row left out: a value it needs is missing

# -l: the rows of another level are read and skipped; source_rows are
# the rows aggregated.
$ LUONG_STATS_FD=3 luong-rates -g district -i ../../../config/indicators.yaml -l THCS data/students.tsv 3>"$T/st" >/dev/null; cat "$T/st"
> program	rows_read	rows_written	rows_rejected	groups	total_rows	skipped	source_rows
> luong-rates	14	2	0	2	0	6	8
! luong-rates: 14 rows read, 6 skipped (level is not THCS), 2 groups, 2 rows written
! luong-rates: vocational: 1 row left out: a value it needs is missing

# --merge: rows_read are the partial rows, source_rows the rows they
# stand for (the sum of their _rows).
$ luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --partial data/small.tsv >"$T/p" 2>/dev/null
$ LUONG_STATS_FD=3 luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --merge "$T/p" "$T/p" 3>"$T/st" >/dev/null; cat "$T/st"
> program	rows_read	rows_written	rows_rejected	groups	total_rows	skipped	source_rows
> luong-rates	4	2	0	2	0	0	14
! luong-rates: 4 partial rows read (14 source rows), 2 groups, 2 rows written
! luong-rates: v: 2 rows left out: a value it needs is missing

$ LUONG_STATS_FD=3 luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --partial data/small.tsv 3>"$T/st" >/dev/null; cat "$T/st"
> program	rows_read	rows_written	rows_rejected	groups	total_rows	skipped	source_rows
> luong-rates	7	2	0	2	0	0	7
! luong-rates: 7 rows read, 2 groups, 2 rows written
! luong-rates: v: 1 row left out: a value it needs is missing

# After an error, the counts so far: the bad row was read, two groups
# were made, nothing was written.
$ printf 'g\tx\na\t1\nb\t2\na\tx\nc\t3\n' | LUONG_STATS_FD=3 luong-rates -g g --rate 'r=sum(x)/count()' 3>"$T/st"; echo "status $?"; cat "$T/st"
> status 1
> program	rows_read	rows_written	rows_rejected	groups	total_rows	skipped	source_rows
> luong-rates	3	0	0	2	0	0	2
! luong-rates: <stdin>:4: r: field "x": "x" is not a number

$ printf 'g\t_rows\tr_num\tr_den\tr_miss\na\t2\t1\t2\t0\nb\tx\t1\t1\t0\n' | LUONG_STATS_FD=3 luong-rates -g g --rate 'r=sum(x)/count()' --merge 3>"$T/st"; echo "status $?"; cat "$T/st"
> status 1
> program	rows_read	rows_written	rows_rejected	groups	total_rows	skipped	source_rows
> luong-rates	2	0	0	1	0	0	2
! luong-rates: <stdin>:3: field "_rows": "x" is not a count

# A usage error: the record all the same, every count 0.
$ LUONG_STATS_FD=3 luong-rates -g district data/small.tsv 3>"$T/st" 2>/dev/null; echo "status $?"; cat "$T/st"
> status 2
> program	rows_read	rows_written	rows_rejected	groups	total_rows	skipped	source_rows
> luong-rates	0	0	0	0	0	0	0
