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
