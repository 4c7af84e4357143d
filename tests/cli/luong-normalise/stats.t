# luong-normalise: with LUONG_STATS_FD, the counts as a record stream
# (luong-stream(5)): rows read = written + rejected; how each row was
# resolved; the distinct values, each resolved once.
$ LUONG_STATS_FD=3 luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district -m 5 data/schools.tsv 3>"$T/st" >/dev/null 2>&1; echo "exit $?"; cat "$T/st"
> exit 0
> program	rows_read	rows_written	rows_rejected	match_exact	match_alias	match_code	match_ascii	match_folded	match_fuzzy	unresolved	distinct_values
> luong-normalise	11	9	2	5	1	1	1	1	0	2	11

# A value seen again is not a new distinct value; --unknown keep writes
# the unresolved rows.
$ printf 'd\nLong An\nTân An\nLong An\nTP Tân An\n' | LUONG_STATS_FD=3 luong-normalise -g "$TOP/config/long-an/districts.yaml" -c d --unknown keep --fuzzy 3>"$T/st" >/dev/null 2>&1; echo "exit $?"; cat "$T/st"
> exit 0
> program	rows_read	rows_written	rows_rejected	match_exact	match_alias	match_code	match_ascii	match_folded	match_fuzzy	unresolved	distinct_values
> luong-normalise	4	4	0	2	0	0	0	0	0	2	3

# Over -m: the same counts, exit 1.
$ LUONG_STATS_FD=3 luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district -m 1 data/schools.tsv 3>"$T/st" >/dev/null 2>&1; echo "exit $?"; cat "$T/st"
> exit 1
> program	rows_read	rows_written	rows_rejected	match_exact	match_alias	match_code	match_ascii	match_folded	match_fuzzy	unresolved	distinct_values
> luong-normalise	11	9	2	5	1	1	1	1	0	2	11

# --unknown fail stops at the first unresolved row: the counts so far,
# that row read and unresolved, neither written nor rejected.
$ LUONG_STATS_FD=3 luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district --unknown fail data/schools.tsv 3>"$T/st" >/dev/null; echo "exit $?"; cat "$T/st"
> exit 1
> program	rows_read	rows_written	rows_rejected	match_exact	match_alias	match_code	match_ascii	match_folded	match_fuzzy	unresolved	distinct_values
> luong-normalise	8	7	0	4	1	0	1	1	0	1	8
! luong-normalise: data/schools.tsv:9: district "Long An": the province, not one of its units

# A malformed row stops the run: the counts so far.
$ printf 'district\tn\nTân An\t1\nLong An\t2\nTân Trụ\n' | LUONG_STATS_FD=3 luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district -r "$T/rej.tsv" 3>"$T/st" >/dev/null; echo "exit $?"; cat "$T/st" "$T/rej.tsv"
> exit 1
> program	rows_read	rows_written	rows_rejected	match_exact	match_alias	match_code	match_ascii	match_folded	match_fuzzy	unresolved	distinct_values
> luong-normalise	2	1	1	1	0	0	0	0	0	1	2
> _file	_line	_reason	_candidates	district	n
> <stdin>	3	the province, not one of its units		Long An	2
! luong-normalise: <stdin>:4: 1 field, the header has 2

# A usage error: nothing read.
$ LUONG_STATS_FD=3 luong-normalise -g "$TOP/config/long-an/districts.yaml" 3>"$T/st" 2>/dev/null; echo "exit $?"; cat "$T/st"
> exit 2
> program	rows_read	rows_written	rows_rejected	match_exact	match_alias	match_code	match_ascii	match_folded	match_fuzzy	unresolved	distinct_values
> luong-normalise	0	0	0	0	0	0	0	0	0	0	0
