# luong-ingest: with LUONG_STATS_FD, the counts as a record stream
# (luong-stream(5)): rows read = written + rejected; files; title rows,
# the lines above each file's header.
$ LUONG_STATS_FD=3 luong-ingest -s "$TOP/config/schemas/school-export.yaml" -m 20 data/title.csv data/bad-rows.csv 3>"$T/st" >/dev/null 2>&1; echo "exit $?"; cat "$T/st"
> exit 0
> program	rows_read	rows_written	rows_rejected	files	title_rows	rows_superseded	rows_excluded	rows_withdrawn	files_read	files_quarantined	files_skipped
> luong-ingest	15	3	11	2	3	1	0	0	2	0	0

# Over -m: the same counts, exit 1.
$ LUONG_STATS_FD=3 luong-ingest -s "$TOP/config/schemas/school-export.yaml" data/bad-rows.csv 3>"$T/st" >/dev/null 2>&1; echo "exit $?"; cat "$T/st"
> exit 1
> program	rows_read	rows_written	rows_rejected	files	title_rows	rows_superseded	rows_excluded	rows_withdrawn	files_read	files_quarantined	files_skipped
> luong-ingest	13	2	11	1	0	0	0	0	1	0	0

# An error exit reports the counts so far: the first file's rows, and the
# second file, whose header does not fit.
$ LUONG_STATS_FD=3 luong-ingest data/plain.csv data/schools.csv 3>"$T/st" >/dev/null; echo "exit $?"; cat "$T/st"
> exit 2
> program	rows_read	rows_written	rows_rejected	files	title_rows	rows_superseded	rows_excluded	rows_withdrawn	files_read	files_quarantined	files_skipped
> luong-ingest	2	2	0	2	0	0	0	0	1	0	0
! luong-ingest: data/schools.csv:1: the header has 9 columns, data/plain.csv's has 3
! luong-ingest: 2 files, 2 rows read, 2 written, 0 rejected

# So does a bad byte in the middle of a file.
$ printf 'a,b\n1,2\n3,4\nC\363,3\n5,6\n' | LUONG_STATS_FD=3 luong-ingest 3>"$T/st" >/dev/null; echo "exit $?"; cat "$T/st"
> exit 1
> program	rows_read	rows_written	rows_rejected	files	title_rows	rows_superseded	rows_excluded	rows_withdrawn	files_read	files_quarantined	files_skipped
> luong-ingest	2	2	0	1	0	0	0	0	0	0	0
! luong-ingest: <stdin>:4: not UTF-8: byte 0xf3 at offset 13; for a legacy encoding give -e cp1258, -e tcvn3 or -e viscii
! luong-ingest: 1 file, 2 rows read, 2 written, 0 rejected

# A usage error: nothing read.
$ LUONG_STATS_FD=3 luong-ingest -m x data/plain.csv 3>"$T/st"; echo "exit $?"; cat "$T/st"
> exit 2
> program	rows_read	rows_written	rows_rejected
> luong-ingest	0	0	0
! luong-ingest: -m "x": expected a number of rows
