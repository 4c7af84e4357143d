# luong-ingest: CSV dialects, encodings, compression and where the header is.

# Without a schema every column passes, in NFC, its name trimmed.  The
# delimiter is sniffed from the header line: , ; or TAB.
$ luong-ingest data/plain.csv
> id	name	n
> 1	An	3
> 2	Bình	4
! luong-ingest: 1 file, 2 rows read, 2 written, 0 rejected

$ printf 'id;name\n1;An, Bình\n' | luong-ingest
> id	name
> 1	An, Bình
! luong-ingest: 1 file, 1 row read, 1 written, 0 rejected

$ printf 'id\tname\n1\tAn;B,C\n' | luong-ingest
> id	name
> 1	An;B,C
! luong-ingest: 1 file, 1 row read, 1 written, 0 rejected

# -d says it instead: here the header has a comma but fields are ; apart.
$ printf 'a,b;c\n1;2\n' | luong-ingest -d ';'
> a,b	c
> 1	2
! luong-ingest: 1 file, 1 row read, 1 written, 0 rejected

$ printf 'a;b\tc\n1;2\t3\n' | luong-ingest -d tab
> a;b	c
> 1;2	3
! luong-ingest: 1 file, 1 row read, 1 written, 0 rejected

$ printf 'a|b\n1|2\n' | luong-ingest -d '|'
> a	b
> 1	2
! luong-ingest: 1 file, 1 row read, 1 written, 0 rejected

# A header name is trimmed; values are passed as they are.
$ printf ' a ,b\n 1 ,2\n' | luong-ingest
> a	b
>  1 	2
! luong-ingest: 1 file, 1 row read, 1 written, 0 rejected

# BOM, CRLF, a line break inside quotes (the record is numbered by the line
# it starts on), title rows above the header (with a schema: the first of
# the first 20 lines that has every required column), and a row of empty
# fields under the table, which is not a row.
$ luong-ingest --source -s "$TOP/config/schemas/school-export.yaml" data/title.csv
> school_id	school_name	level	district	school_year	has_programme	has_counsellor	graduates	vocational	_file	_line
> 80794201	THCS Nguyễn Đình Chiểu	THCS	Thành phố Tân An	2022-2023	1	1	441	180	data/title.csv	5
> 80808202	Trường THCS\nHòa Phú	THCS	Châu Thành	2022-2023	1	0	241	77	data/title.csv	6
! luong-ingest: 1 file, 2 rows read, 2 written, 0 rejected

# Without a schema the header is line 1, whatever it looks like.
$ printf 'Title\nx,y\n' | luong-ingest -m 1
> Title
! luong-ingest: <stdin>:2: 2 fields, the header has 1
! luong-ingest: 1 file, 1 row read, 0 written, 1 rejected

# gzip is recognised by its magic bytes, whatever the name; - is stdin.
$ gzip -c data/plain.csv >"$T/plain.txt"; luong-ingest "$T/plain.txt"
> id	name	n
> 1	An	3
> 2	Bình	4
! luong-ingest: 1 file, 2 rows read, 2 written, 0 rejected

$ gzip -c data/plain.csv | luong-ingest -
> id	name	n
> 1	An	3
> 2	Bình	4
! luong-ingest: 1 file, 2 rows read, 2 written, 0 rejected

# NFD text (as a Mac writes it) comes out in NFC, and its headers match.
$ luong-ingest -s "$TOP/config/schemas/school-export.yaml" data/nfd.csv | cmp - data/schools.tsv && echo same
> same
! luong-ingest: 1 file, 3 rows read, 3 written, 0 rejected

$ printf 'Te\314\202n\nHo\314\200a\n' | luong-ingest | od -An -c
>    T 303 252   n  \n   H 303 262   a  \n
! luong-ingest: 1 file, 1 row read, 1 written, 0 rejected

# Legacy encodings, made here with iconv from the UTF-8 file.
$ iconv -f UTF-8 -t CP1258 data/schools.csv >"$T/x.csv" && luong-ingest -e cp1258 -s "$TOP/config/schemas/school-export.yaml" "$T/x.csv" | cmp - data/schools.tsv && echo same
> same
! luong-ingest: 1 file, 3 rows read, 3 written, 0 rejected

$ iconv -f UTF-8 -t TCVN5712-1 data/schools.csv >"$T/x.csv" && luong-ingest -e tcvn3 -s "$TOP/config/schemas/school-export.yaml" "$T/x.csv" | cmp - data/schools.tsv && echo same
> same
! luong-ingest: 1 file, 3 rows read, 3 written, 0 rejected

$ iconv -f UTF-8 -t VISCII data/schools.csv >"$T/x.csv" && luong-ingest -e VISCII -s "$TOP/config/schemas/school-export.yaml" "$T/x.csv" | cmp - data/schools.tsv && echo same
> same
! luong-ingest: 1 file, 3 rows read, 3 written, 0 rejected

# Several files, one header: they must agree after mapping, whatever the
# spelling of their headers, title rows and line ends.  (The schema
# without its key: the three are one export spelled three ways.)
$ sed '/^key:/d' "$TOP/config/schemas/school-export.yaml" >"$T/nokey.yaml" && luong-ingest -s "$T/nokey.yaml" data/schools.csv data/title.csv data/nfd.csv | wc -l
> 9
! luong-ingest: 3 files, 8 rows read, 8 written, 0 rejected
