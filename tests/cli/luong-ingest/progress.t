# luong-ingest --progress: one line on stderr, redrawn in place after a
# carriage return, at most four times a second, first a quarter of a
# second in (tools/lib/progress).  script(1) runs the program on a pty, a
# terminal, where the line is on by default.  data/slowly holds the
# input back past that quarter of a second; data/progress-shape shows
# what the terminal was sent: each piece between carriage returns on a
# line, numbers as N, a blanked line as "(cleared)", a redrawing that
# only changed numbers once.

# On a terminal: drawn, cleared at the end, then the summary.
$ gen-students -n 6000 -s 1 >"$T/e.csv" && script -qfec "sh data/slowly $T/e.csv | luong-ingest -s $TOP/config/schemas/student-export.yaml >/dev/null" /dev/null | sh data/progress-shape
> luong-ingest: N file, N rows, N MB, N MB/s
> (cleared)
> luong-ingest: N file, N rows read, N written, N rejected

# The numbers themselves: the rows read when it was drawn, the MB that far.
$ gen-students -n 6000 -s 1 >"$T/e.csv" && script -qfec "sh data/slowly $T/e.csv | luong-ingest -s $TOP/config/schemas/student-export.yaml >/dev/null" /dev/null | tr '\r' '\n' | awk '/ rows, / { split($0, a, /[ ,]+/); if (a[4] % 1024 == 0 && a[4] >= 1024 && a[4] <= 6000 && a[6] > 0 && a[6] <= 0.8) ok++; else bad++ } END { print (ok > 0 && !bad) ? "counts as read" : "bad counts" }'
> counts as read

# --no-progress, or LUONG_PROGRESS=0: nothing but the summary.
$ gen-students -n 6000 -s 1 >"$T/e.csv" && script -qfec "sh data/slowly $T/e.csv | luong-ingest --no-progress -s $TOP/config/schemas/student-export.yaml >/dev/null" /dev/null | sh data/progress-shape
> luong-ingest: N file, N rows read, N written, N rejected

$ gen-students -n 6000 -s 1 >"$T/e.csv" && script -qfec "sh data/slowly $T/e.csv | LUONG_PROGRESS=0 luong-ingest -s $TOP/config/schemas/student-export.yaml >/dev/null" /dev/null | sh data/progress-shape
> luong-ingest: N file, N rows read, N written, N rejected

# An option wins over LUONG_PROGRESS.
$ gen-students -n 6000 -s 1 >"$T/e.csv" && script -qfec "sh data/slowly $T/e.csv | LUONG_PROGRESS=0 luong-ingest --progress -s $TOP/config/schemas/student-export.yaml >/dev/null" /dev/null | sh data/progress-shape
> luong-ingest: N file, N rows, N MB, N MB/s
> (cleared)
> luong-ingest: N file, N rows read, N written, N rejected

# Not a terminal: never, unless asked; stderr holds the summary alone.
$ gen-students -n 6000 -s 1 >"$T/e.csv" && sh data/slowly "$T/e.csv" | luong-ingest -s "$TOP/config/schemas/student-export.yaml" >/dev/null
! luong-ingest: 1 file, 6000 rows read, 6000 written, 0 rejected

$ gen-students -n 6000 -s 1 >"$T/e.csv" && sh data/slowly "$T/e.csv" | luong-ingest --progress -s "$TOP/config/schemas/student-export.yaml" 2>"$T/err" >/dev/null; sh data/progress-shape <"$T/err"
> luong-ingest: N file, N rows, N MB, N MB/s
> (cleared)
> luong-ingest: N file, N rows read, N written, N rejected

$ gen-students -n 6000 -s 1 >"$T/e.csv" && sh data/slowly "$T/e.csv" | LUONG_PROGRESS=1 luong-ingest -s "$TOP/config/schemas/student-export.yaml" 2>"$T/err" >/dev/null; sh data/progress-shape <"$T/err"
> luong-ingest: N file, N rows, N MB, N MB/s
> (cleared)
> luong-ingest: N file, N rows read, N written, N rejected

# A message while the line is drawn clears it first: the message starts
# at the left of a line of its own.
$ gen-students -n 6000 -s 1 >"$T/e.csv" && printf '1,2\r\n' >>"$T/e.csv" && script -qfec "sh data/slowly $T/e.csv | luong-ingest -m 1 -s $TOP/config/schemas/student-export.yaml >/dev/null" /dev/null | sh data/progress-shape
> luong-ingest: N file, N rows, N MB, N MB/s
> (cleared)
> luong-ingest: <stdin>:N: N fields, the header has N
> luong-ingest: N file, N rows read, N written, N rejected

# A run shorter than a quarter of a second shows nothing, --progress or
# not.
$ cd "$TOP" && luong-ingest --progress -s config/schemas/school-export.yaml -m 1 samples/long-an/thpt-2022-2023-dong-thap-muoi.csv 2>"$T/err" >/dev/null; tr '\r' '|' <"$T/err"
> luong-ingest: samples/long-an/thpt-2022-2023-dong-thap-muoi.csv:14: 10 fields, the header has 9
> luong-ingest: 1 file, 19 rows read, 18 written, 1 rejected
