# luong-ingest: with a schema, every bad row is rejected with one reason,
# counted, told on stderr (the value only for typed fields) and, with -r,
# written with its raw text to the rejects file; -m sets how many are
# allowed before the exit status is 1, after everything has been read.

# Good rows: int grouping (1.234), enum aliases, bool spellings, a comma
# inside quotes; the name and district are carried, nothing else is added.
$ luong-ingest -s "$TOP/config/schemas/school-export.yaml" data/schools.csv
> school_id	school_name	level	district	school_year	has_programme	has_counsellor	graduates	vocational
> 80794201	THCS Nguyễn Đình Chiểu	THCS	Thành phố Tân An	2022-2023	1	1	441	180
> 80794301	THPT Tân An, số 1	THPT	TP. Tân An	2022-2023	0	1	1234	456
> 80808201	THCS Tầm Vu	THCS	Châu Thành	2022-2023	1	0	169	53
! luong-ingest: 1 file, 3 rows read, 3 written, 0 rejected

# Every reason: too many and too few fields, a missing required string,
# not a number, not a whole number, below the minimum, not an enum value,
# not a bool, a failed check, a missing required int (the row starts on
# line 13 and goes on to 14).  Without -m, any reject exits 1.
$ luong-ingest -s "$TOP/config/schemas/school-export.yaml" -r "$T/rej.tsv" data/bad-rows.csv; st=$?
$ cat "$T/rej.tsv"; exit $st
> school_id	school_name	level	district	school_year	has_programme	has_counsellor	graduates	vocational
> 80794201	THCS Một	THCS	Tân An	2022-2023	1	1	441	180
> 80794213	THCS Mười ba	THCS	Tân An	2022-2023	1	0	200	50
> _file	_line	_field	_reason	school_id	school_name	level	district	school_year	has_programme	has_counsellor	graduates	vocational
> data/bad-rows.csv	3		10 fields, the header has 9									
> data/bad-rows.csv	4		8 fields, the header has 9									
> data/bad-rows.csv	5	school_id	missing value		THCS Bốn	THCS	Tân An	2022-2023	Có	Có	300	100
> data/bad-rows.csv	6	district	missing value	80794205	THCS Năm	THCS		2022-2023	Có	Có	300	100
> data/bad-rows.csv	7	graduates	"12a" is not a number	80794206	THCS Sáu	THCS	Tân An	2022-2023	Có	Có	12a	100
> data/bad-rows.csv	8	vocational	"12,5" is not a whole number	80794207	THCS Bảy	THCS	Tân An	2022-2023	Có	Có	300	12,5
> data/bad-rows.csv	9	vocational	"-3" is below the minimum 0	80794208	THCS Tám	THCS	Tân An	2022-2023	Có	Có	300	-3
> data/bad-rows.csv	10	level	"THCS/THPT" is not one of THCS, THPT	80794209	THCS Chín	THCS/THPT	Tân An	2022-2023	Có	Có	300	100
> data/bad-rows.csv	11	has_programme	"Chưa" is not a yes/no value	80794210	THCS Mười	THCS	Tân An	2022-2023	Chưa	Có	300	100
> data/bad-rows.csv	12	vocational	251 is greater than "Số HS tốt nghiệp" (215)	80794211	THCS Mười một	THCS	Tân An	2022-2023	Có	Có	215	251
> data/bad-rows.csv	13	graduates	missing value	80794212	THCS Mười hai\n(cơ sở 2)	THCS	Tân An	2022-2023	Có	Có		100
! luong-ingest: data/bad-rows.csv:3: 10 fields, the header has 9
! luong-ingest: data/bad-rows.csv:4: 8 fields, the header has 9
! luong-ingest: data/bad-rows.csv:5: column "Mã trường": missing value
! luong-ingest: data/bad-rows.csv:6: column "Huyện/Thị xã/Thành phố": missing value
! luong-ingest: data/bad-rows.csv:7: column "Số HS tốt nghiệp": "12a" is not a number
! luong-ingest: data/bad-rows.csv:8: column "Số HS học GDNN": "12,5" is not a whole number
! luong-ingest: data/bad-rows.csv:9: column "Số HS học GDNN": "-3" is below the minimum 0
! luong-ingest: data/bad-rows.csv:10: column "Cấp học": "THCS/THPT" is not one of THCS, THPT
! luong-ingest: data/bad-rows.csv:11: column "Có chương trình GDHN gắn với SXKD-DV địa phương": "Chưa" is not a yes/no value
! luong-ingest: data/bad-rows.csv:12: column "Số HS học GDNN": 251 is greater than "Số HS tốt nghiệp" (215)
! luong-ingest: data/bad-rows.csv:13: column "Số HS tốt nghiệp": missing value
! luong-ingest: 1 file, 13 rows read, 2 written, 11 rejected
! luong-ingest: 11 rows rejected, more than the 0 that -m allows
? 1

# -m: up to N rejects are allowed; N + 1 are not.
$ luong-ingest -s "$TOP/config/schemas/school-export.yaml" -m 11 data/bad-rows.csv >/dev/null
! luong-ingest: data/bad-rows.csv:3: 10 fields, the header has 9
! luong-ingest: data/bad-rows.csv:4: 8 fields, the header has 9
! luong-ingest: data/bad-rows.csv:5: column "Mã trường": missing value
! luong-ingest: data/bad-rows.csv:6: column "Huyện/Thị xã/Thành phố": missing value
! luong-ingest: data/bad-rows.csv:7: column "Số HS tốt nghiệp": "12a" is not a number
! luong-ingest: data/bad-rows.csv:8: column "Số HS học GDNN": "12,5" is not a whole number
! luong-ingest: data/bad-rows.csv:9: column "Số HS học GDNN": "-3" is below the minimum 0
! luong-ingest: data/bad-rows.csv:10: column "Cấp học": "THCS/THPT" is not one of THCS, THPT
! luong-ingest: data/bad-rows.csv:11: column "Có chương trình GDHN gắn với SXKD-DV địa phương": "Chưa" is not a yes/no value
! luong-ingest: data/bad-rows.csv:12: column "Số HS học GDNN": 251 is greater than "Số HS tốt nghiệp" (215)
! luong-ingest: data/bad-rows.csv:13: column "Số HS tốt nghiệp": missing value
! luong-ingest: 1 file, 13 rows read, 2 written, 11 rejected

$ luong-ingest -s "$TOP/config/schemas/school-export.yaml" -m 10 data/bad-rows.csv >/dev/null
! luong-ingest: data/bad-rows.csv:3: 10 fields, the header has 9
! luong-ingest: data/bad-rows.csv:4: 8 fields, the header has 9
! luong-ingest: data/bad-rows.csv:5: column "Mã trường": missing value
! luong-ingest: data/bad-rows.csv:6: column "Huyện/Thị xã/Thành phố": missing value
! luong-ingest: data/bad-rows.csv:7: column "Số HS tốt nghiệp": "12a" is not a number
! luong-ingest: data/bad-rows.csv:8: column "Số HS học GDNN": "12,5" is not a whole number
! luong-ingest: data/bad-rows.csv:9: column "Số HS học GDNN": "-3" is below the minimum 0
! luong-ingest: data/bad-rows.csv:10: column "Cấp học": "THCS/THPT" is not one of THCS, THPT
! luong-ingest: data/bad-rows.csv:11: column "Có chương trình GDHN gắn với SXKD-DV địa phương": "Chưa" is not a yes/no value
! luong-ingest: data/bad-rows.csv:12: column "Số HS học GDNN": 251 is greater than "Số HS tốt nghiệp" (215)
! luong-ingest: data/bad-rows.csv:13: column "Số HS tốt nghiệp": missing value
! luong-ingest: 1 file, 13 rows read, 2 written, 11 rejected
! luong-ingest: 11 rows rejected, more than the 10 that -m allows
? 1

# Decimals (27,92 read as 27.92), ranges, and each check operator.
$ luong-ingest -s data/types.yaml -r "$T/rej.tsv" -m 9 data/types.csv; st=$?
$ cat "$T/rej.tsv"; exit $st
> code	share	target	a	b
> T1	27.92	27.92	1	5
> T2	30	27.92		5
> T9	50			
> _file	_line	_field	_reason	code	share	target	a	b
> data/types.csv	4	share	20.5 is less than "Chỉ tiêu" (27.92)	T3	20,5	27,92	1	5
> data/types.csv	5	share	"101" is above the maximum 100	T4	101		1	5
> data/types.csv	6	a	12 is not less than 10	T5	50		12	5
> data/types.csv	7	a	5 is equal to "b" (5)	T6	50		5	5
> data/types.csv	8	b	4 is not equal to 5	T7	50		1	4
> data/types.csv	9	share	50 is less than "Chỉ tiêu" (1234.5)	T8	50	1.234,5	1	5
! luong-ingest: data/types.csv:4: column "Tỉ lệ": 20.5 is less than "Chỉ tiêu" (27.92)
! luong-ingest: data/types.csv:5: column "Tỉ lệ": "101" is above the maximum 100
! luong-ingest: data/types.csv:6: column "a": 12 is not less than 10
! luong-ingest: data/types.csv:7: column "a": 5 is equal to "b" (5)
! luong-ingest: data/types.csv:8: column "b": 4 is not equal to 5
! luong-ingest: data/types.csv:9: column "Tỉ lệ": 50 is less than "Chỉ tiêu" (1234.5)
! luong-ingest: 1 file, 9 rows read, 3 written, 6 rejected

# Text after the closing quote of a field is a reject of that row, and
# only of that row: the rest of its line is skipped, the next line is a
# row of its own (libcsv alone would read on to the next quote, often the
# rest of the file).  Without a schema the fields before the fault are
# kept in the rejects file.
$ printf 'a,b,c\n"a"x,1,2\n3,4,5\n"a" ,b,c\n6,"7"8,9\n10,11,12\n' | luong-ingest -r "$T/rej.tsv" -m 3; cat "$T/rej.tsv"
> a	b	c
> 3	4	5
> 10	11	12
> _file	_line	_field	_reason	a	b	c
> <stdin>	2		text after the closing quote of field 1			
> <stdin>	4		text after the closing quote of field 1			
> <stdin>	5		text after the closing quote of field 2	6		
! luong-ingest: <stdin>:2: text after the closing quote of field 1
! luong-ingest: <stdin>:4: text after the closing quote of field 1
! luong-ingest: <stdin>:5: text after the closing quote of field 2
! luong-ingest: 1 file, 5 rows read, 2 written, 3 rejected

# With a schema, such a row's fields stay out of the rejects file, as a
# row with the wrong number of fields does; a quoted field that spans
# lines is numbered by its first.
$ printf 'Mã trường,Tên trường,Cấp học,Huyện,Năm học,Số HS tốt nghiệp,Số HS học GDNN\n80794201,"THCS ""Một"" (cơ sở\n2)"x,THCS,Tân An,2022-2023,300,100\n80794202,THCS Hai,THCS,Tân An,2022-2023,300,100\n' | luong-ingest -s "$TOP/config/schemas/school-export.yaml" -m 1 -r "$T/rej.tsv" | cut -f 1,2; cut -f 1-5 "$T/rej.tsv"
> school_id	school_name
> 80794202	THCS Hai
> _file	_line	_field	_reason	school_id
> <stdin>	2		text after the closing quote of field 2	
! luong-ingest: <stdin>:2: text after the closing quote of field 2
! luong-ingest: 1 file, 2 rows read, 1 written, 1 rejected

# In the header it is a broken file.
$ printf '"a"x,b\n1,2\n' | luong-ingest
! luong-ingest: <stdin>:1: the header: text after the closing quote of field 1
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 1

# A whole number too big for 64 bits is out of range, not "not a whole
# number"; the bounds are said.
$ printf 'fields:\n  n:\n    type: int\n' >"$T/n.yaml"; printf 'n\n9223372036854775807\n9223372036854775808\n-9.223.372.036.854.775.809\n99999999999999999999x\n' | luong-ingest -s "$T/n.yaml" -m 3
> n
> 9223372036854775807
! luong-ingest: <stdin>:3: column "n": "9223372036854775808" is out of range (at most 9223372036854775807)
! luong-ingest: <stdin>:4: column "n": "-9.223.372.036.854.775.809" is out of range (at least -9223372036854775808)
! luong-ingest: <stdin>:5: column "n": "99999999999999999999x" is not a number
! luong-ingest: 1 file, 4 rows read, 1 written, 3 rejected

# Without a schema only the field count can be wrong; the rejects file
# has the source's own columns.
$ printf 'a,b\n1,2\n3\n4,5,6\n' | luong-ingest -r "$T/rej.tsv"; st=$?
$ cat "$T/rej.tsv"; exit $st
> a	b
> 1	2
> _file	_line	_field	_reason	a	b
> <stdin>	3		1 field, the header has 2	3	
> <stdin>	4		3 fields, the header has 2	4	5
! luong-ingest: <stdin>:3: 1 field, the header has 2
! luong-ingest: <stdin>:4: 3 fields, the header has 2
! luong-ingest: 1 file, 3 rows read, 1 written, 2 rejected
! luong-ingest: 2 rows rejected, more than the 0 that -m allows
? 1

# --source adds where each row came from; rejects always say so.
$ luong-ingest --source -s "$TOP/config/schemas/school-export.yaml" data/schools.csv - <data/schools.csv
> school_id	school_name	level	district	school_year	has_programme	has_counsellor	graduates	vocational	_file	_line
> 80794201	THCS Nguyễn Đình Chiểu	THCS	Thành phố Tân An	2022-2023	1	1	441	180	<stdin>	2
> 80794301	THPT Tân An, số 1	THPT	TP. Tân An	2022-2023	0	1	1234	456	<stdin>	3
> 80808201	THCS Tầm Vu	THCS	Châu Thành	2022-2023	1	0	169	53	<stdin>	4
! luong-ingest: 2 files, 6 rows read, 3 written, 0 rejected, 3 superseded

# The rejects file is written even when nothing is rejected: a header.
$ luong-ingest -r "$T/rej.tsv" data/plain.csv >/dev/null; cat "$T/rej.tsv"
> _file	_line	_field	_reason	id	name	n
! luong-ingest: 1 file, 2 rows read, 2 written, 0 rejected

# Privacy: an unquoted comma in a student's name shifts the date of birth
# along; the row's fields stay out of the rejects file, so the date the
# schema drops never lands under school_id.
$ printf 'Mã học sinh,Họ và tên,Ngày sinh,Mã trường,Tên trường,Cấp học,Huyện/Thị xã/Thành phố,Năm học,Hướng đi sau tốt nghiệp\n8000000009,Võ, Thị An,16/08/2005,80802302,THPT Đức Hòa số 2,THPT,Đức Hòa,2022-2023,Học đại học\n' >"$T/st.csv"; luong-ingest -s "$TOP/config/schemas/student-export.yaml" -m 1 -r "$T/rej.tsv" "$T/st.csv" >/dev/null 2>&1; grep -c 16/08/2005 "$T/rej.tsv"; cut -f 4 "$T/rej.tsv"
> 0
> _reason
> 10 fields, the header has 9

# The same comma with the school's name left out keeps 9 fields: the date
# of birth lands under Mã trường.  The code's pattern rejects the row; the
# message says what was expected, never the value, and the row's fields
# stay out of the rejects file (file and line find it).
$ printf 'Mã học sinh,Họ và tên,Ngày sinh,Mã trường,Tên trường,Cấp học,Huyện/Thị xã/Thành phố,Năm học,Hướng đi sau tốt nghiệp\n8000000001,Võ Thị An,16/08/2005,80802302,THPT Đức Hòa số 2,THPT,Đức Hòa,2022-2023,Học đại học\n8000000003,Lê, Văn Cường,08/10/2005,80798303,THCS,Mộc Hóa,2022-2023,Vào lớp 10 THPT\n' >"$T/st.csv"; luong-ingest -s "$TOP/config/schemas/student-export.yaml" -r "$T/rej.tsv" "$T/st.csv" 2>"$T/err"; echo "exit $?"; sed "s|$T/||" "$T/err"; cat "$T/rej.tsv" | sed "s|$T/||"; cat "$T/err" "$T/rej.tsv" | grep -c -e 08/10/2005 -e Cường || true
> student_id	school_id	level	district	school_year	outcome
> 8000000001	80802302	THPT	Đức Hòa	2022-2023	Học đại học
> exit 1
> luong-ingest: st.csv:3: column "Mã trường": not a code (3 to 20 letters and digits)
> luong-ingest: 1 file, 2 rows read, 1 written, 1 rejected
> luong-ingest: 1 row rejected, more than the 0 that -m allows
> _file	_line	_field	_reason	student_id	school_id	level	district	school_year	outcome
> st.csv	3	school_id	not a code (3 to 20 letters and digits)						
> 0

# Fields with a pattern are checked before any other, whatever their
# order, so that a shifted row is caught by them before a typed field
# quotes a value that is not its own.  Without pattern_text the message
# gives the pattern.
$ printf 'fields:\n  n:\n    type: int\n  code:\n    pattern: "[A-Z]{2}[0-9]+"\n' >"$T/p.yaml"; printf 'n,code\n16/08/2005,Lê Văn Cường\nx,TA1\n3,TA01-2\n4,ta01\n' | luong-ingest -s "$T/p.yaml" -m 4
> n	code
! luong-ingest: <stdin>:2: column "code": does not match the pattern [A-Z]{2}[0-9]+
! luong-ingest: <stdin>:3: column "n": "x" is not a number
! luong-ingest: <stdin>:4: column "code": does not match the pattern [A-Z]{2}[0-9]+
! luong-ingest: <stdin>:5: column "code": does not match the pattern [A-Z]{2}[0-9]+
! luong-ingest: 1 file, 4 rows read, 0 written, 4 rejected

# The rejects file is replaced as a whole when the program ends, however
# it ends: a run stopped by an error leaves the rejects found so far, and
# no temporary file.
$ cd "$T" && echo old >rej.tsv && printf 'a,b\n1\n' >x.csv && printf 'c\n' >y.csv && luong-ingest -r rej.tsv x.csv y.csv >/dev/null; echo "exit $?"; ls -A; cat rej.tsv
> exit 2
> rej.tsv
> x.csv
> y.csv
> _file	_line	_field	_reason	a	b
> x.csv	2		1 field, the header has 2	1	
! luong-ingest: x.csv:2: 1 field, the header has 2
! luong-ingest: y.csv:1: the header has 1 columns, x.csv's has 2
! luong-ingest: 2 files, 1 row read, 0 written, 1 rejected

# A fatal error after a reject, mid-file: a byte that is not UTF-8, or a
# quote left open to the end.  The rejects file has its header and every
# reject told so far, and the summary is said all the same.
# The rows counted as written are on standard output.
$ cd "$T" && printf 'a,b\n1\n2,3\n4,\377\n5,6\n' >u.csv && luong-ingest -r rej.tsv u.csv; echo "exit $?"; cat rej.tsv
> a	b
> 2	3
> exit 1
> _file	_line	_field	_reason	a	b
> u.csv	2		1 field, the header has 2	1	
! luong-ingest: u.csv:2: 1 field, the header has 2
! luong-ingest: u.csv:4: not UTF-8: byte 0xff at offset 12; for a legacy encoding give -e cp1258, -e tcvn3 or -e viscii
! luong-ingest: 1 file, 2 rows read, 1 written, 1 rejected

$ printf 'a,b\n1\n2,3\n4,"5\n6,7\n' | luong-ingest -s data/ab.yaml -r "$T/rej.tsv"; echo "exit $?"; cat "$T/rej.tsv"
> a	b
> 2	3
> exit 1
> _file	_line	_field	_reason	a	b
> <stdin>	2		1 field, the header has 2		
! luong-ingest: <stdin>:2: 1 field, the header has 2
! luong-ingest: <stdin>:4: quoted field not closed at the end of the file
! luong-ingest: 1 file, 2 rows read, 1 written, 1 rejected

# A pipe or a device is not replaced but written in place.
$ printf 'a,b\n1\n' | luong-ingest -m 1 -r /dev/fd/3 3>&1 >/dev/null 2>/dev/null | cat
> _file	_line	_field	_reason	a	b
> <stdin>	2		1 field, the header has 2	1	

$ printf 'a,b\n1\n' | luong-ingest -m 1 -r /dev/null; ls -l /dev/null | cut -c 1
> a	b
> c
! luong-ingest: <stdin>:2: 1 field, the header has 2
! luong-ingest: 1 file, 1 row read, 0 written, 1 rejected

# -r naming the schema, by another path: refused, the schema intact.
$ cp "$TOP/config/schemas/school-export.yaml" "$T/s.yaml" && cd "$T" && luong-ingest -s s.yaml -r ./s.yaml "$TOP/samples/long-an/thcs-2022-2023-bo-sung.xlsx"; echo "exit $?"; cmp s.yaml "$TOP/config/schemas/school-export.yaml" && echo intact
> exit 2
> intact
! luong-ingest: -r ./s.yaml would overwrite the input s.yaml
