# LUONG_STATS_FD=N: the counts as a record stream on descriptor N
# (luong-stream(5)): rows read, rows rendered (total rows and rows not
# reported among them: coverage.t), none rejected, the tables and the
# charts drawn (HTML and PDF only: pdf.t).
$ LUONG_STATS_FD=3 luong-render -f html data/report.tsv 3>"$T/st" >/dev/null; cat "$T/st"
> program	rows_read	rows_written	rows_rejected	tables	total_rows	unreported_rows	charts
> luong-render	10	10	0	2	2	0	6
! luong-render: 10 rows read, 2 tables (report layout) written as html

$ LUONG_STATS_FD=3 luong-render -f csv data/report.tsv 3>"$T/st" >/dev/null; cat "$T/st"
> program	rows_read	rows_written	rows_rejected	tables	total_rows	unreported_rows	charts
> luong-render	10	10	0	2	2	0	0
! luong-render: 10 rows read, 2 tables (report layout) written as csv

$ LUONG_STATS_FD=3 luong-render -f xlsx -o "$T/a.xlsx" --layout appendix data/targets-2023.tsv 3>"$T/st"; cat "$T/st"
> program	rows_read	rows_written	rows_rejected	tables	total_rows	unreported_rows	charts
> luong-render	32	32	0	2	2	0	0
! luong-render: 32 rows read, 2 tables (appendix layout) written as xlsx

# After an error, the counts so far: the bad row was read, nothing was
# rendered.
$ printf 'district\tn\nTân An\t1\nT\303n An\t1\n' | LUONG_STATS_FD=3 luong-render -f table 3>"$T/st"; echo "status $?"; cat "$T/st"
> status 1
> program	rows_read	rows_written	rows_rejected	tables	total_rows	unreported_rows	charts
> luong-render	2	0	0	0	0	0	0
! luong-render: <stdin>:3: field "district": invalid UTF-8 at byte 2

$ printf 'district\tn\nA\t1\n' | LUONG_STATS_FD=3 luong-render -f table --layout appendix 3>"$T/st"; echo "status $?"; cat "$T/st"
> status 1
> program	rows_read	rows_written	rows_rejected	tables	total_rows	unreported_rows	charts
> luong-render	1	0	0	0	0	0	0
! luong-render: <stdin>: the appendix layout needs an X_target field, such as vocational_target

# --title is command-line text: checked UTF-8 and brought to NFC, as the
# stream is.  "Tân An" typed in NFD (a + combining circumflex) is the NFC
# title.
$ luong-render -f md --title "$(printf 'Ta\314\202n An')" data/tiny.tsv | head -1 | od -An -c
>    #       T 303 242   n       A   n  \n
! luong-render: 2 rows read, 1 table (report layout) written as md

$ luong-render -f md --title "$(printf 'T\303n An')" data/tiny.tsv
! luong-render: --title: not valid UTF-8
? 2
