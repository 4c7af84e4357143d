# luong-join: inner and left joins, unmatched rows on both sides, table
# formats, NFC keys, and every error path.

# Inner join on three keys: two stream rows and one table row unmatched,
# named on stderr by file and line (never by value).
$ luong-join -t data/targets.tsv -k level,district_code,district data/stream.tsv
> level	district_code	district	n	target
> THCS	794	Tân An	1	35.09
> THCS	808	Châu Thành	2	32.98
> THPT	794	Tân An	3	44.17
! luong-join: data/stream.tsv:5: no match in the table
! luong-join: data/stream.tsv:6: no match in the table
! luong-join: data/targets.tsv:5: no stream row matched this table row
! luong-join: stream: 5 rows read, 3 matched, 2 unmatched; table: 4 rows, 3 matched, 1 unmatched; 3 rows written

# --left keeps the unmatched stream rows, table fields empty.
$ luong-join --left -t data/targets.tsv -k level,district_code,district data/stream.tsv
> level	district_code	district	n	target
> THCS	794	Tân An	1	35.09
> THCS	808	Châu Thành	2	32.98
> THPT	794	Tân An	3	44.17
> THCS	999	Nowhere	4	
> THCS		Empty	5	
! luong-join: data/stream.tsv:5: no match in the table
! luong-join: data/stream.tsv:6: no match in the table
! luong-join: data/targets.tsv:5: no stream row matched this table row
! luong-join: stream: 5 rows read, 3 matched, 2 unmatched; table: 4 rows, 3 matched, 1 unmatched; 5 rows written

# -u: both sides' unmatched rows with their side, file and line; a table
# row's key values go in the stream's key fields.
$ luong-join -t data/targets.tsv -k level,district_code,district -u "$T/u.tsv" data/stream.tsv >/dev/null 2>&1; cat "$T/u.tsv"
> _side	_file	_line	level	district_code	district	n	target
> stream	data/stream.tsv	5	THCS	999	Nowhere	4	
> stream	data/stream.tsv	6	THCS		Empty	5	
> table	data/targets.tsv	5	THPT	808	Châu Thành		42.94

# --strict: any unmatched row makes the run fail, after writing it all.
$ luong-join --strict -t data/targets.tsv -k level,district_code,district data/stream.tsv | wc -l
> 4
! luong-join: data/stream.tsv:5: no match in the table
! luong-join: data/stream.tsv:6: no match in the table
! luong-join: data/targets.tsv:5: no stream row matched this table row
! luong-join: stream: 5 rows read, 3 matched, 2 unmatched; table: 4 rows, 3 matched, 1 unmatched; 3 rows written
! luong-join: 3 unmatched rows (--strict)

$ luong-join --strict -t data/targets.tsv -k level,district_code data/stream.tsv --prefix t_ | tail -n 1
> THPT	794	Tân An	3	Tân An	44.17
! luong-join: data/stream.tsv:5: no match in the table
! luong-join: data/stream.tsv:6: no match in the table
! luong-join: data/targets.tsv:5: no stream row matched this table row
! luong-join: stream: 5 rows read, 3 matched, 2 unmatched; table: 4 rows, 3 matched, 1 unmatched; 3 rows written
! luong-join: 3 unmatched rows (--strict)

# A table field already in the stream is an error, unless --prefix.
$ luong-join -t data/targets.tsv -k level,district_code data/stream.tsv
! luong-join: data/targets.tsv:1: field "district" is already in the stream (rename the table's with --prefix)
? 2

$ luong-join -t data/targets.tsv -k level,district_code --prefix t_ data/stream.tsv
> level	district_code	district	n	t_district	t_target
> THCS	794	Tân An	1	Tân An	35.09
> THCS	808	Châu Thành	2	Châu Thành	32.98
> THPT	794	Tân An	3	Tân An	44.17
! luong-join: data/stream.tsv:5: no match in the table
! luong-join: data/stream.tsv:6: no match in the table
! luong-join: data/targets.tsv:5: no stream row matched this table row
! luong-join: stream: 5 rows read, 3 matched, 2 unmatched; table: 4 rows, 3 matched, 1 unmatched; 3 rows written

$ luong-join -t data/targets.tsv -k level,district_code --prefix n data/stream.tsv
> level	district_code	district	n	ndistrict	ntarget
> THCS	794	Tân An	1	Tân An	35.09
> THCS	808	Châu Thành	2	Châu Thành	32.98
> THPT	794	Tân An	3	Tân An	44.17
! luong-join: data/stream.tsv:5: no match in the table
! luong-join: data/stream.tsv:6: no match in the table
! luong-join: data/targets.tsv:5: no stream row matched this table row
! luong-join: stream: 5 rows read, 3 matched, 2 unmatched; table: 4 rows, 3 matched, 1 unmatched; 3 rows written

# -k left=right when the names differ (stream name first).
$ sed '1s/level/cap_hoc/' data/stream.tsv | luong-join -t data/targets.tsv -k cap_hoc=level,district_code=district_code --prefix t_
> cap_hoc	district_code	district	n	t_district	t_target
> THCS	794	Tân An	1	Tân An	35.09
> THCS	808	Châu Thành	2	Châu Thành	32.98
> THPT	794	Tân An	3	Tân An	44.17
! luong-join: <stdin>:5: no match in the table
! luong-join: <stdin>:6: no match in the table
! luong-join: data/targets.tsv:5: no stream row matched this table row
! luong-join: stream: 5 rows read, 3 matched, 2 unmatched; table: 4 rows, 3 matched, 1 unmatched; 3 rows written

# Keys compare after NFC: an NFD key in the table matches NFC and NFD
# values in the stream, which are written as they came.
$ luong-join -t data/nfd-table.tsv -k district data/nfd.tsv | od -c | sed -n '1,3p' | cut -c 1-60
> 0000000   d   i   s   t   r   i   c   t  \t   x  \t   c   o 
> 0000020   T 303 242   n       A   n  \t   1  \t   7   9   4 
> 0000040 314 202   n       A   n  \t   2  \t   7   9   4  \n
! luong-join: stream: 2 rows read, 2 matched, 0 unmatched; table: 1 row, 1 matched, 0 unmatched; 2 rows written

$ luong-join -t data/nfd-table.tsv -k district data/nfd.tsv | cut -f 2,3
> x	code
> 1	794
> 2	794
! luong-join: stream: 2 rows read, 2 matched, 0 unmatched; table: 1 row, 1 matched, 0 unmatched; 2 rows written

# CSV table: BOM, CRLF, quoted commas, quotes and line breaks; a blank
# line; lines are counted in the file.
$ luong-join -t data/targets.csv -k level,district_code,district -u "$T/u.tsv" data/stream.tsv; cat "$T/u.tsv"
> level	district_code	district	n	target	note
> THCS	794	Tân An	1	35.09	city, capital
> THCS	808	Châu Thành	2	32.98	two\r\nlines
> THPT	794	Tân An	3	44.17	say "hi"
> _side	_file	_line	level	district_code	district	n	target	note
> stream	data/stream.tsv	5	THCS	999	Nowhere	4		
> stream	data/stream.tsv	6	THCS		Empty	5		
! luong-join: data/stream.tsv:5: no match in the table
! luong-join: data/stream.tsv:6: no match in the table
! luong-join: stream: 5 rows read, 3 matched, 2 unmatched; table: 3 rows, 3 matched, 0 unmatched; 3 rows written

# A CSV table's rows are numbered by the line they start on.
$ head -n 2 data/stream.tsv | luong-join -t data/targets.csv -k level,district_code,district -u "$T/u.tsv" >/dev/null; cut -f 1-6 "$T/u.tsv"
> _side	_file	_line	level	district_code	district
> table	data/targets.csv	3	THCS	808	Châu Thành
> table	data/targets.csv	6	THPT	794	Tân An
! luong-join: data/targets.csv:3: no stream row matched this table row
! luong-join: data/targets.csv:6: no stream row matched this table row
! luong-join: stream: 1 row read, 1 matched, 0 unmatched; table: 3 rows, 1 matched, 2 unmatched; 1 row written

# YAML table: a list of rows; "~" and absent keys are empty values.
$ luong-join --left -t data/targets.yaml -k level,district_code,district data/stream.tsv
> level	district_code	district	n	target	note
> THCS	794	Tân An	1	35.09	
> THCS	808	Châu Thành	2	32.98	two words
> THPT	794	Tân An	3		
> THCS	999	Nowhere	4		
> THCS		Empty	5		
! luong-join: data/stream.tsv:5: no match in the table
! luong-join: data/stream.tsv:6: no match in the table
! luong-join: stream: 5 rows read, 3 matched, 2 unmatched; table: 3 rows, 3 matched, 0 unmatched; 5 rows written

# Gzip input and several files.
$ gzip -c data/stream.tsv >"$T/s.gz"; cp data/targets.tsv "$T"; cd "$T"; luong-join -t targets.tsv -k level,district_code,district s.gz - <s.gz | wc -l
> 7
! luong-join: s.gz:5: no match in the table
! luong-join: s.gz:6: no match in the table
! luong-join: <stdin>:5: no match in the table
! luong-join: <stdin>:6: no match in the table
! luong-join: targets.tsv:5: no stream row matched this table row
! luong-join: stream: 10 rows read, 6 matched, 4 unmatched; table: 4 rows, 3 matched, 1 unmatched; 6 rows written

# More than ten unmatched rows: the rest are counted, not listed.
$ awk 'NR == 1 { print; next } { for (i = 0; i < 6; i++) print }' data/stream.tsv | luong-join -t data/targets.tsv -k level,district_code,district >/dev/null
! luong-join: <stdin>:20: no match in the table
! luong-join: <stdin>:21: no match in the table
! luong-join: <stdin>:22: no match in the table
! luong-join: <stdin>:23: no match in the table
! luong-join: <stdin>:24: no match in the table
! luong-join: <stdin>:25: no match in the table
! luong-join: <stdin>:26: no match in the table
! luong-join: <stdin>:27: no match in the table
! luong-join: <stdin>:28: no match in the table
! luong-join: <stdin>:29: no match in the table
! luong-join: stream: 2 more unmatched rows not listed
! luong-join: data/targets.tsv:5: no stream row matched this table row
! luong-join: stream: 30 rows read, 18 matched, 12 unmatched; table: 4 rows, 3 matched, 1 unmatched; 18 rows written

# Table errors.
$ luong-join -t data/dup.tsv -k level,district_code data/stream.tsv
! luong-join: data/dup.tsv:4: duplicate key (first on line 2)
? 1

$ luong-join -t data/targets.tsv -k level,code data/stream.tsv
! luong-join: data/targets.tsv:1: -k: no field "code" in the table
? 2

$ luong-join -t data/targets.tsv -k level,district=code data/stream.tsv
! luong-join: data/targets.tsv:1: -k: no field "code" in the table
? 2

$ luong-join -t data/targets.tsv -k grade=level,district_code data/stream.tsv
! luong-join: data/stream.tsv:1: -k: no field "grade" in the header
? 2

$ luong-join -t data/bad-fields.csv -k level data/stream.tsv
! luong-join: data/bad-fields.csv:2: 3 fields, the header has 4
? 1

$ luong-join -t data/bad-quote.csv -k level data/stream.tsv
! luong-join: data/bad-quote.csv:2: quoted field not closed at the end of the file
? 1

$ luong-join -t data/empty.csv -k level data/stream.tsv
! luong-join: data/empty.csv: empty table: no header line
? 2

$ luong-join -t data/bad-syntax.yaml -k level data/stream.tsv
! luong-join: data/bad-syntax.yaml:2:1: YAML error: did not find expected ',' or '}' while parsing a flow mapping
? 2

$ luong-join -t data/bad-map.yaml -k level data/stream.tsv
! luong-join: data/bad-map.yaml:1:1: the table: expected a list, found a mapping
? 2

$ luong-join -t data/bad-row.yaml -k level data/stream.tsv
! luong-join: data/bad-row.yaml:1:3: a table row: expected a mapping, found a scalar
? 2

$ luong-join -t data/bad-value.yaml -k level data/stream.tsv
! luong-join: data/bad-value.yaml:1:33: field "district_code": expected a scalar
? 2

$ luong-join -t data/bad-repeat.yaml -k level data/stream.tsv
! luong-join: data/bad-repeat.yaml:1:18: key "level" repeated (first on line 1)
? 2

$ printf 'level\ty\nTH\377CS\t1\n' >"$T/bad.tsv"; cp data/stream.tsv "$T"; cd "$T" && luong-join -t bad.tsv -k level stream.tsv
! luong-join: bad.tsv:2: field "level": invalid UTF-8
? 1

$ luong-join -t data/nonexistent.tsv -k level data/stream.tsv
! luong-join: data/nonexistent.tsv: cannot open: No such file or directory
? 2

$ luong-join -t data/nonexistent.csv -k level data/stream.tsv
! luong-join: data/nonexistent.csv: cannot open: No such file or directory
? 2

$ luong-join -t data/nonexistent.yaml -k level data/stream.tsv
! luong-join: data/nonexistent.yaml: cannot open: No such file or directory
? 2

# Stream and option errors.
$ luong-join -t data/targets.tsv -k level,district_code,district data/stream.tsv data/nonexistent.tsv
! luong-join: data/nonexistent.tsv: cannot open: No such file or directory
? 2

$ luong-join -t data/targets.tsv -k level,district_code,district -u /nonexistent/u.tsv data/stream.tsv
! luong-join: /nonexistent/u.tsv: cannot create: No such file or directory
? 2

$ printf '_side\tlevel\tdistrict_code\tdistrict\nx\tTHCS\t794\tTân An\n' | luong-join -t data/targets.tsv -k level,district_code,district -u u.tsv
! luong-join: u.tsv: field "_side" of -u is already a field
? 2

$ luong-join -t data/targets.tsv -k level,district_code,district data/stream.tsv >/dev/full
! luong-join: data/stream.tsv:5: no match in the table
! luong-join: data/stream.tsv:6: no match in the table
! luong-join: data/targets.tsv:5: no stream row matched this table row
! luong-join: <stdout>: write error: No space left on device
? 1

$ luong-join -k level data/stream.tsv
! luong-join: -t is required
! usage: luong-join -t table -k key[,key ...] [--left] [-u unpaired.tsv]
!                   [--strict] [--prefix P] [--where field=value ...]
!                   [file ...]
? 2

$ luong-join -t data/targets.tsv data/stream.tsv
! luong-join: -k is required
! usage: luong-join -t table -k key[,key ...] [--left] [-u unpaired.tsv]
!                   [--strict] [--prefix P] [--where field=value ...]
!                   [file ...]
? 2

$ luong-join -t data/targets.tsv -k level,,district data/stream.tsv
! luong-join: -k: empty item in "level,,district"
? 2

$ luong-join -t data/targets.tsv -k level= data/stream.tsv
! luong-join: -k: empty field name in "level="
? 2

$ luong-join -x
! luong-join: unknown option -x
! usage: luong-join -t table -k key[,key ...] [--left] [-u unpaired.tsv]
!                   [--strict] [--prefix P] [--where field=value ...]
!                   [file ...]
? 2

$ luong-join --help
> usage: luong-join -t table -k key[,key ...] [--left] [-u unpaired.tsv]
>                   [--strict] [--prefix P] [--where field=value ...]
>                   [file ...]

# --where: only the table rows of one level take part; the others are
# neither joined nor reported unmatched.
$ luong-join -t data/targets.tsv -k level,district_code,district --where level=THCS data/stream.tsv
> level	district_code	district	n	target
> THCS	794	Tân An	1	35.09
> THCS	808	Châu Thành	2	32.98
! luong-join: data/stream.tsv:4: no match in the table
! luong-join: data/stream.tsv:5: no match in the table
! luong-join: data/stream.tsv:6: no match in the table
! luong-join: stream: 5 rows read, 2 matched, 3 unmatched; table: 2 rows, 2 matched, 0 unmatched; 2 rows written

# --where twice: both must hold.
$ luong-join -t data/targets.tsv -k level,district_code,district --where level=THPT --where district_code=808 -u "$T/u.tsv" data/stream.tsv; cat "$T/u.tsv"
> level	district_code	district	n	target
> _side	_file	_line	level	district_code	district	n	target
> stream	data/stream.tsv	2	THCS	794	Tân An	1	
> stream	data/stream.tsv	3	THCS	808	Châu Thành	2	
> stream	data/stream.tsv	4	THPT	794	Tân An	3	
> stream	data/stream.tsv	5	THCS	999	Nowhere	4	
> stream	data/stream.tsv	6	THCS		Empty	5	
> table	data/targets.tsv	5	THPT	808	Châu Thành		42.94
! luong-join: data/stream.tsv:2: no match in the table
! luong-join: data/stream.tsv:3: no match in the table
! luong-join: data/stream.tsv:4: no match in the table
! luong-join: data/stream.tsv:5: no match in the table
! luong-join: data/stream.tsv:6: no match in the table
! luong-join: data/targets.tsv:5: no stream row matched this table row
! luong-join: stream: 5 rows read, 0 matched, 5 unmatched; table: 1 row, 0 matched, 1 unmatched; 0 rows written

# --where with no "=", or a field the table lacks.
$ luong-join -t data/targets.tsv -k level --where level data/stream.tsv
! luong-join: --where: expected field=value, not "level"
? 2

$ luong-join -t data/targets.tsv -k level --where cap=THCS data/stream.tsv
! luong-join: data/targets.tsv:1: --where: no field "cap" in the table
? 2

# --where: only the table rows of one level take part; the others are
# neither joined nor reported unmatched.
$ luong-join -t data/targets.tsv -k level,district_code,district --where level=THCS data/stream.tsv
> level	district_code	district	n	target
> THCS	794	Tân An	1	35.09
> THCS	808	Châu Thành	2	32.98
! luong-join: data/stream.tsv:4: no match in the table
! luong-join: data/stream.tsv:5: no match in the table
! luong-join: data/stream.tsv:6: no match in the table
! luong-join: stream: 5 rows read, 2 matched, 3 unmatched; table: 2 rows, 2 matched, 0 unmatched; 2 rows written

# --where twice: both must hold.
$ luong-join -t data/targets.tsv -k level,district_code,district --where level=THPT --where district_code=808 -u "$T/u.tsv" data/stream.tsv; cat "$T/u.tsv"
> level	district_code	district	n	target
> _side	_file	_line	level	district_code	district	n	target
> stream	data/stream.tsv	2	THCS	794	Tân An	1	
> stream	data/stream.tsv	3	THCS	808	Châu Thành	2	
> stream	data/stream.tsv	4	THPT	794	Tân An	3	
> stream	data/stream.tsv	5	THCS	999	Nowhere	4	
> stream	data/stream.tsv	6	THCS		Empty	5	
> table	data/targets.tsv	5	THPT	808	Châu Thành		42.94
! luong-join: data/stream.tsv:2: no match in the table
! luong-join: data/stream.tsv:3: no match in the table
! luong-join: data/stream.tsv:4: no match in the table
! luong-join: data/stream.tsv:5: no match in the table
! luong-join: data/stream.tsv:6: no match in the table
! luong-join: data/targets.tsv:5: no stream row matched this table row
! luong-join: stream: 5 rows read, 0 matched, 5 unmatched; table: 1 row, 0 matched, 1 unmatched; 0 rows written

# --where with no "=", or a field the table lacks.
$ luong-join -t data/targets.tsv -k level --where level data/stream.tsv
! luong-join: --where: expected field=value, not "level"
? 2

$ luong-join -t data/targets.tsv -k level --where cap=THCS data/stream.tsv
! luong-join: data/targets.tsv:1: --where: no field "cap" in the table
? 2

# A CSV table is read as luong-ingest reads exports: this one is
# Windows-1258 and ";"-separated; values are taken as they are (27,92 is
# not turned into 27.92: a table is reference data, not an export).
$ luong-join -t data/targets-cp1258.csv -k level,district_code,district data/stream.tsv 2>/dev/null
> level	district_code	district	n	target
> THCS	794	Tân An	1	35,09
> THCS	808	Châu Thành	2	32,98
