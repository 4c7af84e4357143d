# luong-ingest's bad inputs, one class a case.  Each reject class: one
# good and one bad row against data/schema.yaml, -m 1 so that the run
# succeeds; the reject's message at file:line, the rejects file, and the
# stats record's balance (rows read = written + rejected: ./balance).
# Each fatal class: its message and exit status.

# ingest-not-a-number: an int cell that is not a number.
$ printf 'Mã,Tên,Cấp,Tốt nghiệp,Học nghề\nT1,Một,THCS,100,30\nT2,Hai,THCS,12a,3\n' >"$T/x.csv"; cp data/schema.yaml "$T/s.yaml"; cd "$T" && LUONG_STATS_FD=3 luong-ingest -s s.yaml -r rej.tsv -m 1 x.csv 3>st; s=$?; cat rej.tsv; "$OLDPWD/balance" st; exit $s
> code	name	level	graduates	vocational	share	counsellor
> T1	Một	THCS	100	30		
> _file	_line	_field	_reason	code	name	level	graduates	vocational	share	counsellor
> x.csv	3	graduates	"12a" is not a number	T2	Hai	THCS	12a	3		
> luong-ingest: rows_read 2 = rows_written 1 + rows_rejected 1 + rows_superseded 0
! luong-ingest: x.csv:3: column "Tốt nghiệp": "12a" is not a number
! luong-ingest: 1 file, 2 rows read, 1 written, 1 rejected

# ingest-enum: a value that is not one of the enum's.
$ printf 'Mã,Cấp\nT1,THCS\nT3,Tiểu học\n' >"$T/x.csv"; cp data/schema.yaml "$T/s.yaml"; cd "$T" && LUONG_STATS_FD=3 luong-ingest -s s.yaml -r rej.tsv -m 1 x.csv 3>st; s=$?; cat rej.tsv; "$OLDPWD/balance" st; exit $s
> code	name	level	graduates	vocational	share	counsellor
> T1		THCS				
> _file	_line	_field	_reason	code	name	level	graduates	vocational	share	counsellor
> x.csv	3	level	"Tiểu học" is not one of THCS, THPT	T3		Tiểu học				
> luong-ingest: rows_read 2 = rows_written 1 + rows_rejected 1 + rows_superseded 0
! luong-ingest: x.csv:3: column "Cấp": "Tiểu học" is not one of THCS, THPT
! luong-ingest: 1 file, 2 rows read, 1 written, 1 rejected

# ingest-required: a required field left empty.
$ printf 'Mã,Tên\nT1,Một\n,Bốn\n' >"$T/x.csv"; cp data/schema.yaml "$T/s.yaml"; cd "$T" && LUONG_STATS_FD=3 luong-ingest -s s.yaml -r rej.tsv -m 1 x.csv 3>st; s=$?; cat rej.tsv; "$OLDPWD/balance" st; exit $s
> code	name	level	graduates	vocational	share	counsellor
> T1	Một					
> _file	_line	_field	_reason	code	name	level	graduates	vocational	share	counsellor
> x.csv	3	code	missing value		Bốn					
> luong-ingest: rows_read 2 = rows_written 1 + rows_rejected 1 + rows_superseded 0
! luong-ingest: x.csv:3: column "Mã": missing value
! luong-ingest: 1 file, 2 rows read, 1 written, 1 rejected

# ingest-min: an int below its min.
$ printf 'Mã,Tốt nghiệp\nT1,1\nT6,-1\n' >"$T/x.csv"; cp data/schema.yaml "$T/s.yaml"; cd "$T" && LUONG_STATS_FD=3 luong-ingest -s s.yaml -r rej.tsv -m 1 x.csv 3>st; s=$?; cat rej.tsv; "$OLDPWD/balance" st; exit $s
> code	name	level	graduates	vocational	share	counsellor
> T1			1			
> _file	_line	_field	_reason	code	name	level	graduates	vocational	share	counsellor
> x.csv	3	graduates	"-1" is below the minimum 0	T6			-1			
> luong-ingest: rows_read 2 = rows_written 1 + rows_rejected 1 + rows_superseded 0
! luong-ingest: x.csv:3: column "Tốt nghiệp": "-1" is below the minimum 0
! luong-ingest: 1 file, 2 rows read, 1 written, 1 rejected

# ingest-max: a decimal above its max, in the Vietnamese form.
$ printf 'Mã;Tỉ lệ\nT1;27,92\nT7;100,5\n' >"$T/x.csv"; cp data/schema.yaml "$T/s.yaml"; cd "$T" && LUONG_STATS_FD=3 luong-ingest -s s.yaml -r rej.tsv -m 1 x.csv 3>st; s=$?; cat rej.tsv; "$OLDPWD/balance" st; exit $s
> code	name	level	graduates	vocational	share	counsellor
> T1					27.92	
> _file	_line	_field	_reason	code	name	level	graduates	vocational	share	counsellor
> x.csv	3	share	"100,5" is above the maximum 100	T7					100,5	
> luong-ingest: rows_read 2 = rows_written 1 + rows_rejected 1 + rows_superseded 0
! luong-ingest: x.csv:3: column "Tỉ lệ": "100,5" is above the maximum 100
! luong-ingest: 1 file, 2 rows read, 1 written, 1 rejected

# ingest-bool: a cell that is neither yes nor no.
$ printf 'Mã,Tư vấn\nT1,x\nT8,có lẽ\n' >"$T/x.csv"; cp data/schema.yaml "$T/s.yaml"; cd "$T" && LUONG_STATS_FD=3 luong-ingest -s s.yaml -r rej.tsv -m 1 x.csv 3>st; s=$?; cat rej.tsv; "$OLDPWD/balance" st; exit $s
> code	name	level	graduates	vocational	share	counsellor
> T1						1
> _file	_line	_field	_reason	code	name	level	graduates	vocational	share	counsellor
> x.csv	3	counsellor	"có lẽ" is not a yes/no value	T8						có lẽ
> luong-ingest: rows_read 2 = rows_written 1 + rows_rejected 1 + rows_superseded 0
! luong-ingest: x.csv:3: column "Tư vấn": "có lẽ" is not a yes/no value
! luong-ingest: 1 file, 2 rows read, 1 written, 1 rejected

# ingest-check: a cross-field check that fails.
$ printf 'Mã,Tốt nghiệp,Học nghề\nT1,40,4\nT5,40,41\n' >"$T/x.csv"; cp data/schema.yaml "$T/s.yaml"; cd "$T" && LUONG_STATS_FD=3 luong-ingest -s s.yaml -r rej.tsv -m 1 x.csv 3>st; s=$?; cat rej.tsv; "$OLDPWD/balance" st; exit $s
> code	name	level	graduates	vocational	share	counsellor
> T1			40	4		
> _file	_line	_field	_reason	code	name	level	graduates	vocational	share	counsellor
> x.csv	3	vocational	41 is greater than "Tốt nghiệp" (40)	T5			40	41		
> luong-ingest: rows_read 2 = rows_written 1 + rows_rejected 1 + rows_superseded 0
! luong-ingest: x.csv:3: column "Học nghề": 41 is greater than "Tốt nghiệp" (40)
! luong-ingest: 1 file, 2 rows read, 1 written, 1 rejected

# ingest-short-row: a row with fewer fields than the header.
$ printf 'Mã,Tên,Cấp\nT1,Một,THCS\nT9,Chín\n' >"$T/x.csv"; cp data/schema.yaml "$T/s.yaml"; cd "$T" && LUONG_STATS_FD=3 luong-ingest -s s.yaml -r rej.tsv -m 1 x.csv 3>st; s=$?; cat rej.tsv; "$OLDPWD/balance" st; exit $s
> code	name	level	graduates	vocational	share	counsellor
> T1	Một	THCS				
> _file	_line	_field	_reason	code	name	level	graduates	vocational	share	counsellor
> x.csv	3		2 fields, the header has 3							
> luong-ingest: rows_read 2 = rows_written 1 + rows_rejected 1 + rows_superseded 0
! luong-ingest: x.csv:3: 2 fields, the header has 3
! luong-ingest: 1 file, 2 rows read, 1 written, 1 rejected

# ingest-long-row: a row with more fields than the header, no schema.
$ printf 'a,b\n1,2\n3,4,5\n' >"$T/x.csv"; cd "$T" && LUONG_STATS_FD=3 luong-ingest -r rej.tsv -m 1 x.csv 3>st; s=$?; cat rej.tsv; "$OLDPWD/balance" st; exit $s
> a	b
> 1	2
> _file	_line	_field	_reason	a	b
> x.csv	3		3 fields, the header has 2	3	4
> luong-ingest: rows_read 2 = rows_written 1 + rows_rejected 1 + rows_superseded 0
! luong-ingest: x.csv:3: 3 fields, the header has 2
! luong-ingest: 1 file, 2 rows read, 1 written, 1 rejected

# ingest-max-rejects: more rejects than -m allows fails the run, the
# rejects file and the counts still whole.
$ printf 'Mã,Tốt nghiệp\nT1,x\nT2,y\nT3,3\n' >"$T/x.csv"; cp data/schema.yaml "$T/s.yaml"; cd "$T" && LUONG_STATS_FD=3 luong-ingest -s s.yaml -r rej.tsv -m 1 x.csv 3>st; s=$?; cat rej.tsv; "$OLDPWD/balance" st; exit $s
> code	name	level	graduates	vocational	share	counsellor
> T3			3			
> _file	_line	_field	_reason	code	name	level	graduates	vocational	share	counsellor
> x.csv	2	graduates	"x" is not a number	T1			x			
> x.csv	3	graduates	"y" is not a number	T2			y			
> luong-ingest: rows_read 3 = rows_written 1 + rows_rejected 2 + rows_superseded 0
! luong-ingest: x.csv:2: column "Tốt nghiệp": "x" is not a number
! luong-ingest: x.csv:3: column "Tốt nghiệp": "y" is not a number
! luong-ingest: 1 file, 3 rows read, 1 written, 2 rejected
! luong-ingest: 2 rows rejected, more than the 1 that -m allows
? 1

# ingest-not-utf8: a byte that is not UTF-8 in a UTF-8 file.
$ printf 'a,b\n1,2\n3,\377\n' >"$T/x.csv"; cd "$T" && luong-ingest -e utf-8 x.csv
> a	b
> 1	2
! luong-ingest: x.csv:3: not UTF-8: byte 0xff at offset 10; for a legacy encoding give -e cp1258, -e tcvn3 or -e viscii
! luong-ingest: 1 file, 1 row read, 1 written, 0 rejected
? 1

# ingest-open-quote: a quote still open at the end of the file.
$ printf 'a,b\n1,"2\n3,4\n' >"$T/x.csv"; cd "$T" && luong-ingest x.csv
> a	b
! luong-ingest: x.csv:2: quoted field not closed at the end of the file
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 1

# ingest-nul: a NUL byte.
$ printf 'a,b\n1,2\000\n' >"$T/x.csv"; cd "$T" && luong-ingest x.csv
> a	b
! luong-ingest: x.csv:2: NUL byte at offset 7: not text (UTF-16? convert it with iconv -f UTF-16 -t UTF-8)
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 1

# ingest-empty: an empty file.
$ : >"$T/x.csv"; cd "$T" && luong-ingest x.csv
! luong-ingest: x.csv: empty input: no header line
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 2

# ingest-no-header: no line of the first 20 is the schema's header.
$ printf 'x,y\n1,2\n' >"$T/x.csv"; cp data/schema.yaml "$T/s.yaml"; cd "$T" && luong-ingest -s s.yaml x.csv
! luong-ingest: x.csv: no header in the first 2 lines: none of the schema's columns
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 2

# ingest-dup-header: a name twice in the header, no schema.
$ printf 'a,b,a\n1,2,3\n' >"$T/x.csv"; cd "$T" && luong-ingest x.csv
! luong-ingest: x.csv:1: column "a" appears twice in the header (columns 1 and 3)
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 2

# ingest-missing: an input that does not exist.
$ cd "$T" && luong-ingest nothing.csv
! luong-ingest: nothing.csv: cannot open: No such file or directory
? 2

# ingest-schema-type: a schema with an unknown type.
$ luong-ingest -s data/schema-bad-type.yaml </dev/null
! luong-ingest: data/schema-bad-type.yaml:4:11: type: "text" is not one of string, int, decimal, bool, enum, school_year
? 2

# ingest-schema-yaml: a schema that is not YAML.
$ luong-ingest -s data/schema-bad-yaml.yaml </dev/null
! luong-ingest: data/schema-bad-yaml.yaml:4:7: YAML error: did not find expected ',' or ']' while parsing a flow sequence
? 2

# ingest-encoding: -e auto cannot tell the encoding of text with no
# Vietnamese letter in it.
$ printf 'a,b\n1,\244\246\n' >"$T/x.csv"; cd "$T" && luong-ingest -e auto x.csv
! luong-ingest: x.csv: cannot tell the encoding (not UTF-8, and no Vietnamese in cp1258, tcvn3 or viscii); give -e
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 2

# ingest-workbook: a file that starts like a zip and is not one.
$ printf 'PK\003\004garbage' >"$T/x.xlsx"; cd "$T" && luong-ingest x.xlsx
! luong-ingest: x.xlsx: a truncated or corrupt zip archive: Not a zip archive
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 1
