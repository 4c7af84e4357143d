# -o FILE: the report goes to FILE, nothing to standard output.  It is
# written beside FILE and renamed into place, so no half-written report
# is ever seen, and no temporary file stays behind.
$ luong-render -f csv -o "$T/r.csv" data/tiny.tsv && tr -d '\r' <"$T/r.csv" && ls -A "$T"
> STT,"Huyện, thị xã, thành phố",Học GDNN: Thực hiện,Học GDNN: Chỉ tiêu,Học GDNN: Kết quả
> 01,Tân An,"36,25","35,09",Đạt
> 02,Đức Hòa,"20,00","37,87",Không đạt
> r.csv
! luong-render: 2 rows read, 1 table (report layout) written as csv

# Mode 0666 less the umask, like any file the shell creates.
$ umask 022; luong-render -f md -o "$T/r.md" data/tiny.tsv && stat -c %a "$T/r.md"
> 644
! luong-render: 2 rows read, 1 table (report layout) written as md

$ umask 077; luong-render -f html -o "$T/r.html" data/tiny.tsv && stat -c %a "$T/r.html"
> 600
! luong-render: 2 rows read, 1 table (report layout) written as html

# A failed run leaves the previous report as it was.
$ echo 'the good report' >"$T/r.txt"
$ printf 'district\tn\nT\303n An\t1\n' | luong-render -f table -o "$T/r.txt"; echo "status $?"; cat "$T/r.txt"; ls -A "$T"
> status 1
> the good report
> r.txt
! luong-render: <stdin>:2: field "district": invalid UTF-8 at byte 2

# A relative path with no directory part.
$ cd "$T" && luong-render -f tsv -o r.tsv "$TOP/tests/cli/luong-render/data/tiny.tsv" && cat r.tsv && ls -A
> STT	Huyện, thị xã, thành phố	Học GDNN: Thực hiện	Học GDNN: Chỉ tiêu	Học GDNN: Kết quả
> 01	Tân An	36,25	35,09	Đạt
> 02	Đức Hòa	20,00	37,87	Không đạt
> r.tsv
! luong-render: 2 rows read, 1 table (report layout) written as tsv

# A directory that does not exist.
$ luong-render -f table -o "$T/no/such/dir/r.txt" data/tiny.tsv 2>&1 | sed "s|$T|T|"; ls -A "$T"
> luong-render: T/no/such/dir/r.txt: cannot create: No such file or directory

# A report that fails while it is written is removed, never kept: the
# previous one stays.  (A file size limit makes the write fail; with
# SIGXFSZ ignored it is an error, EFBIG.  These cases run the real binary:
# under valgrind, bin holds a wrapper, and valgrind's own files would
# meet the limit and $TMPDIR too.)
$ echo 'the good report' >"$T/r.txt"
$ r=$(command -v luong-render); head -c 2 "$r" | grep -q '#!' && r=$(grep -o '"/[^"]*/luong-render"' "$r" | tr -d '"'); (trap '' XFSZ; ulimit -f 0; "$r" -f table -o "$T/r.txt" data/tiny.tsv 2>&1; echo "status $?") | sed "s|$T|T|"; cat "$T/r.txt"; ls -A "$T"
> luong-render: T/r.txt: write error: File too large
> status 1
> the good report
> r.txt

$ r=$(command -v luong-render); head -c 2 "$r" | grep -q '#!' && r=$(grep -o '"/[^"]*/luong-render"' "$r" | tr -d '"'); (trap '' XFSZ; ulimit -f 0; "$r" -f xlsx -o "$T/r.xlsx" data/tiny.tsv 2>&1; echo "status $?") | grep -v '^\[ERROR\]' | sed "s|$T|T|"; ls -A "$T"
> luong-render: T/r.xlsx: Zip generic error ZIP_ERRNO while creating the xlsx file
> status 1

# XLSX to standard output is built in a temporary file in $TMPDIR, gone
# afterwards, whether the run succeeds or fails.
$ r=$(command -v luong-render); head -c 2 "$r" | grep -q '#!' && r=$(grep -o '"/[^"]*/luong-render"' "$r" | tr -d '"'); mkdir "$T/tmp"; TMPDIR="$T/tmp" "$r" -f xlsx data/tiny.tsv >"$T/x.xlsx" && unzip -l "$T/x.xlsx" | grep -c 'xl/worksheets/sheet1.xml'; ls -A "$T/tmp"
> 1
! luong-render: 2 rows read, 1 table (report layout) written as xlsx

$ r=$(command -v luong-render); head -c 2 "$r" | grep -q '#!' && r=$(grep -o '"/[^"]*/luong-render"' "$r" | tr -d '"'); mkdir "$T/tmp"; (trap '' XFSZ; ulimit -f 0; TMPDIR="$T/tmp" "$r" -f xlsx data/tiny.tsv 2>&1 >/dev/null; echo "status $?") | grep -v '^\[ERROR\]'; ls -A "$T/tmp"
> luong-render: <stdout>: Zip generic error ZIP_ERRNO while creating the xlsx file
> status 1

$ r=$(command -v luong-render); head -c 2 "$r" | grep -q '#!' && r=$(grep -o '"/[^"]*/luong-render"' "$r" | tr -d '"'); TMPDIR="$T/none" "$r" -f xlsx data/tiny.tsv 2>&1 >/dev/null | sed "s|$T|T|"
> luong-render: T/none/luong-render.xlsx: cannot create: No such file or directory

# ... and when the reader goes away (luong-render ... | head -c 10): the
# pipe's reader closes its end and only then lets the program start, so
# every write meets a closed pipe.  With SIGPIPE's default disposition
# the signal ends the program (status 141, said by nobody, as for any
# filter); ignored, the write fails with EPIPE, status 1.  Either way
# nothing is left in $TMPDIR.
$ r=$(command -v luong-render); head -c 2 "$r" | grep -q '#!' && r=$(grep -o '"/[^"]*/luong-render"' "$r" | tr -d '"'); mkdir "$T/tmp"; mkfifo "$T/go"; { read x <"$T/go"; TMPDIR="$T/tmp" "$r" -f xlsx data/report.tsv; echo "status $?" >"$T/st"; } | { exec 0<&-; echo go >"$T/go"; }; cat "$T/st"; ls -A "$T/tmp"
> status 141

$ r=$(command -v luong-render); head -c 2 "$r" | grep -q '#!' && r=$(grep -o '"/[^"]*/luong-render"' "$r" | tr -d '"'); mkdir "$T/tmp"; mkfifo "$T/go"; { read x <"$T/go"; (trap '' PIPE; TMPDIR="$T/tmp" "$r" -f xlsx data/report.tsv); echo "status $?" >"$T/st"; } | { exec 0<&-; echo go >"$T/go"; }; cat "$T/st"; ls -A "$T/tmp"
> status 1
! luong-render: <stdout>: write error: Broken pipe

