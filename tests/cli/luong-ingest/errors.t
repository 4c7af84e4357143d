# luong-ingest: errors in the input and in the schema.  Bad text stops the
# run with exit 1 where it is found; a header that does not fit is a usage
# error (exit 2), before any output when it is the first file's.  Once the
# inputs are open, the summary ends stderr however the run ends.

# Not UTF-8: the line, the byte and its offset, and what to try.
$ printf 'a,b\n1,2\nC\363,3\n' | luong-ingest
> a	b
> 1	2
! luong-ingest: <stdin>:3: not UTF-8: byte 0xf3 at offset 9; for a legacy encoding give -e cp1258, -e tcvn3 or -e viscii
! luong-ingest: 1 file, 1 row read, 1 written, 0 rejected
? 1

$ printf 'a,b\n1,\201\n' | luong-ingest -e cp1258
> a	b
! luong-ingest: <stdin>:2: byte 0x81 at offset 6 is not valid cp1258 text
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 1

$ printf '\377\376a\000\n\000' | luong-ingest
! luong-ingest: <stdin>:1: UTF-16 text is not supported: convert it with iconv -f UTF-16 -t UTF-8
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 1

# A NUL byte is never text (UTF-16 without a BOM, a binary file).
$ printf 'a,b\n1,\0002\n' | luong-ingest
> a	b
! luong-ingest: <stdin>:2: NUL byte at offset 6: not text (UTF-16? convert it with iconv -f UTF-16 -t UTF-8)
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 1

# A quote left open runs to the end of the file: an error at the line
# where the record starts.
$ printf 'a,b\n1,2\n3,"four\n5,6\n' | luong-ingest
> a	b
> 1	2
! luong-ingest: <stdin>:3: quoted field not closed at the end of the file
! luong-ingest: 1 file, 1 row read, 1 written, 0 rejected
? 1

# No header at all.
$ luong-ingest </dev/null
! luong-ingest: <stdin>: empty input: no header line
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 2

$ printf '\n\n' | luong-ingest
! luong-ingest: <stdin>: empty input: no header line
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 2

$ luong-ingest -s "$TOP/config/schemas/school-export.yaml" </dev/null
! luong-ingest: <stdin>: empty input: no header line
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 2

# A schema's header not in the first 20 lines: what is missing from the
# best candidate, or that nothing matched.
$ printf 'Mã trường,Tên trường,Năm học\n1,A,2022-2023\n' | luong-ingest -s "$TOP/config/schemas/school-export.yaml"
! luong-ingest: <stdin>: no header in the first 2 lines: no column for "Cấp học", "Huyện/Thị xã/Thành phố", "Số HS tốt nghiệp", "Số HS học GDNN"
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 2

$ luong-ingest -s "$TOP/config/schemas/school-export.yaml" data/plain.csv
! luong-ingest: data/plain.csv: no header in the first 3 lines: none of the schema's columns
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 2

$ { i=0; while [ $i -lt 20 ]; do echo title; i=$((i + 1)); done; cat data/schools.csv; } | luong-ingest -s "$TOP/config/schemas/school-export.yaml"
! luong-ingest: <stdin>: no header in the first 20 lines: none of the schema's columns
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 2

# The 20th line is still looked at.
$ { i=0; while [ $i -lt 19 ]; do echo title; i=$((i + 1)); done; cat data/schools.csv; } | luong-ingest -s "$TOP/config/schemas/school-export.yaml" | wc -l
> 4
! luong-ingest: 1 file, 3 rows read, 3 written, 0 rejected

# Several files whose headers differ (after mapping).
$ cp data/plain.csv "$T/a.csv"; printf 'id,name,m\n1,A,2\n' >"$T/b.csv"; cd "$T" && luong-ingest a.csv b.csv >/dev/null
! luong-ingest: b.csv:1: header differs from a.csv's: column 3 is "m", not "n"
! luong-ingest: 2 files, 2 rows read, 2 written, 0 rejected
? 2

$ printf 'id,name\n1,A\n' | luong-ingest data/plain.csv - >/dev/null
! luong-ingest: <stdin>:1: the header has 2 columns, data/plain.csv's has 3
! luong-ingest: 2 files, 2 rows read, 2 written, 0 rejected
? 2

$ luong-ingest -s "$TOP/config/schemas/school-export.yaml" data/schools.csv data/no-counsellor.csv >/dev/null
! luong-ingest: data/no-counsellor.csv:1: header differs from data/schools.csv's: no column for has_counsellor ("Có GV kiêm nhiệm tư vấn HN")
! luong-ingest: 2 files, 3 rows read, 0 written, 0 rejected
? 2

$ luong-ingest -s "$TOP/config/schemas/school-export.yaml" data/no-counsellor.csv data/schools.csv >/dev/null
! luong-ingest: data/schools.csv:1: header differs from data/no-counsellor.csv's: column "Có GV kiêm nhiệm tư vấn HN" (has_counsellor) is not in it
! luong-ingest: 2 files, 1 row read, 0 written, 0 rejected
? 2

# An optional field the file has no column for is empty (missing).
$ luong-ingest -s "$TOP/config/schemas/school-export.yaml" data/no-counsellor.csv
> school_id	school_name	level	district	school_year	has_programme	has_counsellor	graduates	vocational
> 80794202	THCS Thống Nhất	THCS	TP. Tân An	2022-2023	1		370	138
! luong-ingest: 1 file, 1 row read, 1 written, 0 rejected

# Two columns for one field, a column twice or without a name.
$ printf 'Mã trường,Cấp học,Huyện,Quận/Huyện,Năm học,Số HS tốt nghiệp,Số HS học GDNN\n' | luong-ingest -s "$TOP/config/schemas/school-export.yaml"
! luong-ingest: <stdin>:1: columns 3 ("Huyện") and 4 ("Quận/Huyện") both name field district
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 2

$ printf 'a,b,a\n1,2,3\n' | luong-ingest
! luong-ingest: <stdin>:1: column "a" appears twice in the header (columns 1 and 3)
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 2

$ printf 'a,,c\n1,2,3\n' | luong-ingest
! luong-ingest: <stdin>:1: column 2 of the header has no name
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 2

# A wide header is checked by a hash, not pair by pair: 100,001 columns,
# the last one repeating the first, are one look-up each.
$ awk 'BEGIN { for (i = 1; i <= 100000; i++) printf "c%d,", i; print "c1" }' | luong-ingest
! luong-ingest: <stdin>:1: column "c1" appears twice in the header (columns 1 and 100001)
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 2

# 200,001 distinct names: checked pair by pair they would take minutes of
# CPU (40 s and more), far past the 10 s this case allows; by a hash,
# well under a second.
$ ulimit -t 10; awk 'BEGIN { for (i = 1; i <= 200000; i++) printf "c%d,", i; print "d"; for (i = 1; i <= 200000; i++) printf "%d,", i; print "x" }' | luong-ingest | cut -f 199999-200001
> c199999	c200000	d
> 199999	200000	x
! luong-ingest: 1 file, 1 row read, 1 written, 0 rejected

# The rejects file must not be an input: it is truncated on opening.
$ cp data/plain.csv "$T/p.csv"; cd "$T" && luong-ingest -r p.csv p.csv; echo "exit $?"; cat p.csv
> exit 2
> id,name,n
> 1,An,3
> 2,Bình,4
! luong-ingest: -r p.csv would overwrite the input p.csv

# Told by device and inode, not by name: standard input, "-", another
# name for the same file.
$ cp data/plain.csv "$T/p.csv"; cd "$T" && luong-ingest -r p.csv <p.csv; echo "exit $?"; cmp p.csv "$OLDPWD/data/plain.csv" && ls -A
> exit 2
> p.csv
! luong-ingest: -r p.csv would overwrite the input <stdin>

$ cp data/plain.csv "$T/p.csv"; cd "$T" && luong-ingest -r p.csv "$OLDPWD/data/plain.csv" - <p.csv; echo "exit $?"; cmp p.csv "$OLDPWD/data/plain.csv" && ls -A
> exit 2
> p.csv
! luong-ingest: -r p.csv would overwrite the input <stdin>

$ cp data/plain.csv "$T/p.csv"; ln "$T/p.csv" "$T/q.csv"; cd "$T" && luong-ingest -r ./q.csv p.csv; echo "exit $?"; cmp p.csv "$OLDPWD/data/plain.csv"
> exit 2
! luong-ingest: -r ./q.csv would overwrite the input p.csv

# Schema errors: file:line:col, exit 2, before reading any input.
$ luong-ingest -s data/bad-syntax.yaml data/plain.csv
! luong-ingest: data/bad-syntax.yaml:3:1: YAML error: did not find expected node content while parsing a flow node
? 2

$ luong-ingest -s data/bad-key.yaml data/plain.csv
! luong-ingest: data/bad-key.yaml:4:5: unknown key "requird"
? 2

$ luong-ingest -s data/bad-type.yaml data/plain.csv
! luong-ingest: data/bad-type.yaml:4:11: type: "number" is not one of string, int, decimal, bool, enum, school_year
? 2

# A full disk is never silent: standard output or the rejects file.
$ luong-ingest data/plain.csv >/dev/full
! luong-ingest: <stdout>: write error: No space left on device
! luong-ingest: 1 file, 2 rows read, 2 written, 0 rejected
? 1

$ luong-ingest -s "$TOP/config/schemas/school-export.yaml" -r /dev/full -m 20 data/bad-rows.csv >/dev/null 2>"$T/err"; echo "exit $?"; tail -2 "$T/err"
> exit 1
> luong-ingest: /dev/full: write error: No space left on device
> luong-ingest: 1 file, 13 rows read, 2 written, 11 rejected
