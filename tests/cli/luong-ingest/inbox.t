# luong-ingest on an inbox: a directory's exports read and the rest
# skipped (--files tells which), bad files set aside (--max-bad-files),
# resubmissions replacing older rows (--superseded), --where.  Each case
# builds its inbox with data/mkexport FILE MTIME "id,district,year,
# graduates,vocational"...

# A directory: the exports in it, in order of name (bytewise: capitals
# first), whatever the case of the extension; a README, a backup, a part
# still uploading and a subdirectory are skipped, each said so.
$ M=$PWD/data/mkexport S=$TOP/config/schemas/school-export.yaml && cd "$T" && mkdir in in/old && sh $M in/a.csv 2023-06-01 'A01,Tân An,2022-2023,100,30' 'A02,Tân An,2022-2023,80,20' && sh $M in/B.CSV 2023-06-01 'B01,Bến Lức,2022 - 2023,50,10' && sh $M in/c.csv.part 2023-06-01 'C01,Tân An,2022-2023,1,1' && cp in/a.csv in/a.csv.bak && echo notes >in/README.txt && TZ=UTC touch -d 2023-06-01 in/README.txt in/a.csv.bak in/old
$ cd "$T" && luong-ingest -s "$S" --files files.tsv in | cut -f 1,5,8,9 && cat files.tsv
> school_id	school_year	graduates	vocational
> B01	2022-2023	50	10
> A01	2022-2023	100	30
> A02	2022-2023	80	20
> file	status	reason	modified	rows	written	rejected	superseded
> B.CSV	read		2023-06-01T00:00:00Z	1	1	0	0
> README.txt	skipped	not an export: the name does not end in .csv, .tsv, .xlsx or .xls, gzipped or not	2023-06-01T00:00:00Z				
> a.csv	read		2023-06-01T00:00:00Z	2	2	0	0
> a.csv.bak	skipped	not an export: the name does not end in .csv, .tsv, .xlsx or .xls, gzipped or not	2023-06-01T00:00:00Z				
> c.csv.part	skipped	not an export: the name does not end in .csv, .tsv, .xlsx or .xls, gzipped or not	2023-06-01T00:00:00Z				
> old	skipped	a directory: not searched	2023-06-01T00:00:00Z				
! luong-ingest: in/README.txt: skipped: not an export: the name does not end in .csv, .tsv, .xlsx or .xls, gzipped or not
! luong-ingest: in/a.csv.bak: skipped: not an export: the name does not end in .csv, .tsv, .xlsx or .xls, gzipped or not
! luong-ingest: in/c.csv.part: skipped: not an export: the name does not end in .csv, .tsv, .xlsx or .xls, gzipped or not
! luong-ingest: in/old: skipped: a directory: not searched
! luong-ingest: 2 files, 3 rows read, 3 written, 0 rejected; 4 skipped

# A file named as an operand is read whatever its name; a missing operand
# is an error before anything is read.
$ M=$PWD/data/mkexport S=$TOP/config/schemas/school-export.yaml && cd "$T" && sh $M notes.txt 2023-06-01 'A01,Tân An,2022-2023,100,30' && luong-ingest -s "$S" --files /dev/fd/3 notes.txt 3>&1 >/dev/null | cut -f 1,2,5
> file	status	rows
> notes.txt	read	1
! luong-ingest: 1 file, 1 row read, 1 written, 0 rejected
#
$ cd "$T" && luong-ingest -s "$TOP/config/schemas/school-export.yaml" "$OLDPWD/data/schools.csv" none
! luong-ingest: none: cannot open: No such file or directory
? 2

# An empty directory: nothing read, the header still written.
$ mkdir "$T/e" && luong-ingest -s "$TOP/config/schemas/school-export.yaml" --files "$T/f.tsv" "$T/e" && cat "$T/f.tsv"
> school_id	school_name	level	district	school_year	has_programme	has_counsellor	graduates	vocational
> file	status	reason	modified	rows	written	rejected	superseded
! luong-ingest: 0 files, 0 rows read, 0 written, 0 rejected

# Resubmissions: the newest file's row wins, by modification time, in
# whatever order the files are read; superseded rows say by which row.
$ M=$PWD/data/mkexport S=$TOP/config/schemas/school-export.yaml && cd "$T" && mkdir in && sh $M in/a.csv 2023-06-02 'A01,Tân An,2022-2023,110,35' && sh $M 'in/a (1).csv' 2023-06-01 'A01,Tân An,2022-2023,100,30' 'A02,Tân An,2022-2023,80,20' && sh $M in/b.csv 2023-06-03 'A02,Tân An,2022 - 2023,81,21'
$ cd "$T" && luong-ingest -s "$S" --superseded sup.tsv --files files.tsv in | cut -f 1,8,9 && cat sup.tsv && cut -f 1,2,5- files.tsv
> school_id	graduates	vocational
> A01	110	35
> A02	81	21
> file	line	by_file	by_line	school_id	school_year	level
> in/a (1).csv	2	in/a.csv	2	A01	2022-2023	THCS
> in/a (1).csv	3	in/b.csv	2	A02	2022-2023	THCS
> file	status	rows	written	rejected	superseded
> a (1).csv	read	2	0	0	2
> a.csv	read	1	1	0	0
> b.csv	read	1	1	0	0
! luong-ingest: 3 files, 4 rows read, 2 written, 0 rejected, 2 superseded

# At equal times the name that sorts last wins: "a (1).csv" < "a.csv".
$ M=$PWD/data/mkexport S=$TOP/config/schemas/school-export.yaml && cd "$T" && mkdir in && sh $M in/a.csv 2023-06-01 'A01,Tân An,2022-2023,110,35' && sh $M 'in/a (1).csv' 2023-06-01 'A01,Tân An,2022-2023,100,30' && luong-ingest -s "$S" --superseded /dev/fd/3 in 3>&1 >/dev/null
> file	line	by_file	by_line	school_id	school_year	level
> in/a (1).csv	2	in/a.csv	2	A01	2022-2023	THCS
! luong-ingest: 2 files, 2 rows read, 1 written, 0 rejected, 1 superseded

# The same key twice in one file: the second row is a reject naming the
# first; the key is the converted values, so "2022 - 2023" is 2022-2023.
$ M=$PWD/data/mkexport S=$TOP/config/schemas/school-export.yaml && cd "$T" && sh $M a.csv 2023-06-01 'A01,Tân An,2022-2023,110,35' 'A02,Tân An,2022-2023,1,1' 'A01,Tân An,2022 - 2023,100,30' && luong-ingest -s "$S" -r rej.tsv a.csv | cut -f 1,8; cut -f 2,4 rej.tsv
> school_id	graduates
> A01	110
> A02	1
> _line	_reason
> 4	a second row for school_id A01, school_year 2022-2023, level THCS: the first is line 2
! luong-ingest: a.csv:4: a second row for school_id A01, school_year 2022-2023, level THCS: the first is line 2
! luong-ingest: 1 file, 3 rows read, 2 written, 1 rejected
! luong-ingest: 1 row rejected, more than the 0 that -m allows

# A newer row that is rejected does not replace the older one.
$ M=$PWD/data/mkexport S=$TOP/config/schemas/school-export.yaml && cd "$T" && sh $M a.csv 2023-06-01 'A01,Tân An,2022-2023,110,35' && sh $M b.csv 2023-06-02 'A01,Tân An,2022-2023,10,35' && luong-ingest -s "$S" -m 1 a.csv b.csv | cut -f 1,8,9
> school_id	graduates	vocational
> A01	110	35
! luong-ingest: b.csv:2: column "Số HS học GDNN": 35 is greater than "Số HS tốt nghiệp" (10)
! luong-ingest: 2 files, 2 rows read, 1 written, 1 rejected

# --superseded needs a key.
$ luong-ingest -s data/types.yaml --superseded "$T/s.tsv" data/types.csv
! luong-ingest: --superseded needs a schema with a key (luong-schema(5))
? 2

# --where keeps one school year; another year's rows are rejects that name
# both years, counted apart, and do not count toward -m.
$ M=$PWD/data/mkexport S=$TOP/config/schemas/school-export.yaml && cd "$T" && sh $M a.csv 2023-06-01 'A01,Tân An,2022 - 2023,110,35' && sh $M b.csv 2024-06-01 'A01,Tân An,2023-2024,120,40' 'A02,Tân An,2023–2024,1,1' && LUONG_STATS_FD=3 luong-ingest -s "$S" --where 'school_year=2022–2023' -r rej.tsv a.csv b.csv 3>st | cut -f 1,5,8 && cut -f 1-4 rej.tsv && cut -f 2-4,8 st
> school_id	school_year	graduates
> A01	2022-2023	110
> _file	_line	_field	_reason
> b.csv	2	school_year	school_year is "2023-2024", not "2022-2023" (--where)
> b.csv	3	school_year	school_year is "2023-2024", not "2022-2023" (--where)
> rows_read	rows_written	rows_rejected	rows_excluded
> 3	1	2	2
! luong-ingest: b.csv:2: column "Năm học": school_year is "2023-2024", not "2022-2023" (--where)
! luong-ingest: b.csv:3: column "Năm học": school_year is "2023-2024", not "2022-2023" (--where)
! luong-ingest: 2 files, 3 rows read, 1 written, 2 rejected
#
$ luong-ingest -s "$TOP/config/schemas/school-export.yaml" --where school_year=2022 data/schools.csv
! luong-ingest: --where school_year=2022: "2022" is not a school year (such as 2022-2023)
? 2
#
$ cd "$TOP" && luong-ingest -s config/schemas/school-export.yaml --where year=2022-2023 tests/cli/luong-ingest/data/schools.csv
! luong-ingest: --where year=2022-2023: no field year in config/schemas/school-export.yaml
? 2
#
$ luong-ingest -s "$TOP/config/schemas/school-export.yaml" --where school_year= data/schools.csv
! luong-ingest: --where school_year=: an empty value
? 2
#
$ luong-ingest --where school_year=2022-2023 data/schools.csv
! luong-ingest: --where needs a schema (-s): values are compared as their field converts them
? 2
#
$ luong-ingest -s "$TOP/config/schemas/school-export.yaml" --where level data/schools.csv
! luong-ingest: --where: expected field=value, not "level"
? 2
#
$ luong-ingest -s "$TOP/config/schemas/school-export.yaml" --where level=THCS --where school_year=2022-23 data/schools.csv | cut -f 1,3,5
> school_id	level	school_year
> 80794201	THCS	2022-2023
> 80808201	THCS	2022-2023
! luong-ingest: data/schools.csv:3: column "Cấp học": level is "THPT", not "THCS" (--where)
! luong-ingest: 1 file, 3 rows read, 2 written, 1 rejected

# Quarantine: a file that cannot be read as an export is set aside, its
# rows and rejects withdrawn, and the others still count: no header, a
# truncated gzip, a quoted field left open on the last line (its first
# rows withdrawn too), a header that differs from the first file's.
$ M=$PWD/data/mkexport S=$TOP/config/schemas/school-export.yaml && cd "$T" && mkdir in && sh $M in/a.csv 2023-06-01 'A01,Tân An,2022-2023,110,35' && sh $M in/b.csv 2023-06-01 'B01,Bến Lức,2022-2023,10,20' 'B02,Bến Lức,2022-2023,50,20' && printf 'B03,"THCS B03,THCS,Bến Lức,2022-2023,x,x,1,1\n' >>in/b.csv && printf 'Tên,Số\nx,1\n' >in/c.csv && sh $M d.csv 2023-06-01 'D01,Thủ Thừa,2022-2023,5,1' && gzip -c d.csv | head -c 40 >in/d.csv.gz && printf 'Mã trường,Cấp học,Huyện,Năm học,Số HS tốt nghiệp,Số HS học GDNN\nE01,THCS,Tân Trụ,2022-2023,9,2\n' >in/e.csv && TZ=UTC touch -d 2023-06-01 in/*
$ cd "$T" && LUONG_STATS_FD=3 luong-ingest -s "$S" --max-bad-files 4 -r rej.tsv --files files.tsv in 3>st >out; echo "exit $?"; cut -f 1,8 out; cut -f 1,2,3,5- files.tsv; cat rej.tsv; cut -f 2-4,9- st
> exit 0
> school_id	graduates
> A01	110
> file	status	reason	rows	written	rejected	superseded
> a.csv	read		1	1	0	0
> b.csv	quarantined	line 4: quoted field not closed at the end of the file	2			
> c.csv	quarantined	no header in the first 2 lines: none of the schema's columns	0			
> d.csv.gz	quarantined	gzip data is truncated	0			
> e.csv	quarantined	line 1: header differs from in/a.csv's: no column for school_name ("Tên trường")	0			
> _file	_line	_field	_reason	school_id	school_name	level	district	school_year	has_programme	has_counsellor	graduates	vocational
> rows_read	rows_written	rows_rejected	rows_withdrawn	files_read	files_quarantined	files_skipped
> 1	1	0	2	1	4	0
! luong-ingest: in/b.csv:2: column "Số HS học GDNN": 20 is greater than "Số HS tốt nghiệp" (10)
! luong-ingest: in/b.csv:4: quoted field not closed at the end of the file
! luong-ingest: in/b.csv: quarantined: its 2 rows are withdrawn
! luong-ingest: in/c.csv: no header in the first 2 lines: none of the schema's columns
! luong-ingest: in/c.csv: quarantined
! luong-ingest: in/d.csv.gz: gzip data is truncated
! luong-ingest: in/d.csv.gz: quarantined
! luong-ingest: in/e.csv:1: header differs from in/a.csv's: no column for school_name ("Tên trường")
! luong-ingest: in/e.csv: quarantined
! luong-ingest: 5 files, 1 row read, 1 written, 0 rejected; 4 files quarantined (2 rows withdrawn)

# One more quarantined file than --max-bad-files allows: every file is
# still read, and the exit status is 1.
$ M=$PWD/data/mkexport S=$TOP/config/schemas/school-export.yaml && cd "$T" && mkdir in && sh $M in/a.csv 2023-06-01 'A01,Tân An,2022-2023,110,35' && printf 'x\n' >in/b.csv && printf 'y\n' >in/c.csv
$ cd "$T" && luong-ingest -s "$S" --max-bad-files 1 in >out; echo "exit $?"; cut -f 1 out
$ cd "$T" && luong-ingest -s "$S" --max-bad-files 2 in >out 2>/dev/null; echo "exit $?"; cut -f 1 out
> exit 1
> school_id
> A01
> exit 0
> school_id
> A01
! luong-ingest: in/b.csv: no header in the first 1 lines: none of the schema's columns
! luong-ingest: in/b.csv: quarantined
! luong-ingest: in/c.csv: no header in the first 1 lines: none of the schema's columns
! luong-ingest: in/c.csv: quarantined
! luong-ingest: 3 files, 1 row read, 1 written, 0 rejected; 2 files quarantined
! luong-ingest: 2 files quarantined, more than the 1 that --max-bad-files allows

# Without --max-bad-files a bad file stops the run, as it always did, and
# writes no rows (they are held for the key); the table lists the files
# dealt with before it.
$ M=$PWD/data/mkexport S=$TOP/config/schemas/school-export.yaml && cd "$T" && mkdir in && sh $M in/a.csv 2023-06-01 'A01,Tân An,2022-2023,110,35' && printf 'x\n' >in/b.csv && sh $M in/c.csv 2023-06-01 'C01,Tân An,2022-2023,110,35'
$ cd "$T" && luong-ingest -s "$S" --files files.tsv in; echo "exit $?"; cut -f 1,2 files.tsv
> school_id	school_name	level	district	school_year	has_programme	has_counsellor	graduates	vocational
> exit 2
> file	status
> a.csv	read
! luong-ingest: in/b.csv: no header in the first 1 lines: none of the schema's columns
! luong-ingest: 2 files, 1 row read, 0 written, 0 rejected

# A workbook that is not one (a zip without a workbook) is quarantined
# like a CSV; so is a workbook with no sheet holding the header.
$ cd "$T" && mkdir in && printf 'PK\003\004garbage' >in/a.xlsx && cp "$TOP/samples/long-an/thpt-2022-2023-bo-sung.xls" in/b.xls && luong-ingest -s "$TOP/config/schemas/school-export.yaml" --max-bad-files 1 --files /dev/fd/3 in 3>&1 >/dev/null | cut -f 1-3,5
> file	status	reason	rows
> a.xlsx	quarantined	a truncated or corrupt zip archive: Not a zip archive	0
> b.xls	read		4
! luong-ingest: in/a.xlsx: a truncated or corrupt zip archive: Not a zip archive
! luong-ingest: in/a.xlsx: quarantined
! luong-ingest: in/b.xls: sheet "Danh mục" passed over: no header in its first 16 rows: no column for "Mã trường", "Cấp học", "Năm học", "Số HS tốt nghiệp", "Số HS học GDNN"
! luong-ingest: 2 files, 4 rows read, 4 written, 0 rejected; 1 file quarantined

# The same, without a schema: a file whose header differs is set aside,
# and the first file's header stands.
$ cd "$T" && mkdir in && printf 'a,b\n1,2\n' >in/1.csv && printf 'a,c\n3,4\n' >in/2.csv && printf 'a,b\n5,6\n' >in/3.csv && luong-ingest --max-bad-files 1 in
> a	b
> 1	2
> 5	6
! luong-ingest: in/2.csv:1: header differs from in/1.csv's: column 2 is "c", not "b"
! luong-ingest: in/2.csv: quarantined
! luong-ingest: 3 files, 2 rows read, 2 written, 0 rejected; 1 file quarantined

# The first file to set the columns set aside: the next file's header
# sets them.
$ cd "$T" && mkdir in && printf 'a,b\n1,2\n"3,4\n' >in/1.csv && printf 'a,c\n3,4\n' >in/2.csv && luong-ingest --max-bad-files 1 in
> a	c
> 3	4
! luong-ingest: in/1.csv:3: quoted field not closed at the end of the file
! luong-ingest: in/1.csv: quarantined: its 1 row is withdrawn
! luong-ingest: 2 files, 1 row read, 1 written, 0 rejected; 1 file quarantined (1 row withdrawn)

# Without --max-bad-files, a run stopped by an error keeps the rejects so
# far, of the file that stopped it too, under their header.
$ M=$PWD/data/mkexport S=$TOP/config/schemas/school-export.yaml && cd "$T" && sh $M a.csv 2023-06-01 'A01,Tân An,2022-2023,10,35' 'A02,Tân An,2022-2023,10,1' && printf 'A03,"x,THCS,Tân An,2022-2023,x,x,1,1\n' >>a.csv && luong-ingest -s "$S" -r rej.tsv a.csv; echo "exit $?"; cut -f 1-4 rej.tsv
> school_id	school_name	level	district	school_year	has_programme	has_counsellor	graduates	vocational
> exit 1
> _file	_line	_field	_reason
> a.csv	2	vocational	35 is greater than "Số HS tốt nghiệp" (10)
! luong-ingest: a.csv:2: column "Số HS học GDNN": 35 is greater than "Số HS tốt nghiệp" (10)
! luong-ingest: a.csv:4: quoted field not closed at the end of the file
! luong-ingest: 1 file, 2 rows read, 0 written, 1 rejected

# A named pipe as an operand is opened once, when it is read: its writer
# never sees its reader go.
$ cd "$T" && mkfifo p && { printf 'a,b\n1,2\n' >p & } && luong-ingest p; wait
> a	b
> 1	2
! luong-ingest: 1 file, 1 row read, 1 written, 0 rejected
