# luong-ingest -e auto: each input's encoding decided from its own bytes,
# so that one run reads an inbox of UTF-8, Windows-1258, TCVN3 and VISCII
# exports.  The legacy files are made here with iconv from data/schools.csv.

# Each legacy encoding is told from the text, and said on stderr.
$ iconv -f UTF-8 -t CP1258 data/schools.csv >"$T/x.csv" && cd "$T" && luong-ingest -e auto -s "$TOP/config/schemas/school-export.yaml" x.csv | cmp - "$OLDPWD/data/schools.tsv" && echo same
> same
! luong-ingest: x.csv: read as cp1258
! luong-ingest: 1 file, 3 rows read, 3 written, 0 rejected

$ iconv -f UTF-8 -t TCVN5712-1 data/schools.csv >"$T/x.csv" && cd "$T" && luong-ingest -e auto -s "$TOP/config/schemas/school-export.yaml" x.csv | cmp - "$OLDPWD/data/schools.tsv" && echo same
> same
! luong-ingest: x.csv: read as tcvn3
! luong-ingest: 1 file, 3 rows read, 3 written, 0 rejected

$ iconv -f UTF-8 -t VISCII data/schools.csv >"$T/x.csv" && cd "$T" && luong-ingest -e AUTO -s "$TOP/config/schemas/school-export.yaml" x.csv | cmp - "$OLDPWD/data/schools.tsv" && echo same
> same
! luong-ingest: x.csv: read as viscii
! luong-ingest: 1 file, 3 rows read, 3 written, 0 rejected

# UTF-8 (and ASCII) is the usual case and is not remarked on.
$ luong-ingest -e auto -s "$TOP/config/schemas/school-export.yaml" data/schools.csv | cmp - data/schools.tsv && echo same
> same
! luong-ingest: 1 file, 3 rows read, 3 written, 0 rejected

$ luong-ingest -e auto data/plain.csv
> id	name	n
> 1	An	3
> 2	Bình	4
! luong-ingest: 1 file, 2 rows read, 2 written, 0 rejected

# Gzipped input is looked at after gunzip; standard input too.
$ iconv -f UTF-8 -t TCVN5712-1 data/schools.csv | gzip | luong-ingest -e auto -s "$TOP/config/schemas/school-export.yaml" | cmp - data/schools.tsv && echo same
> same
! luong-ingest: <stdin>: read as tcvn3
! luong-ingest: 1 file, 3 rows read, 3 written, 0 rejected

# One run over files in four encodings (one gzipped) gives the stream that
# separate runs with the right -e give.  The schema without its key: the
# four files are one school's export four times.
$ sed '/^key:/d' "$TOP/config/schemas/school-export.yaml" >"$T/nokey.yaml" && cp data/schools.csv "$T/a.csv" && iconv -f UTF-8 -t CP1258 data/schools.csv >"$T/b.csv" && iconv -f UTF-8 -t TCVN5712-1 data/schools.csv | gzip >"$T/c.csv.gz" && iconv -f UTF-8 -t VISCII data/schools.csv >"$T/d.csv"
$ cd "$T" && luong-ingest -e auto --source -s nokey.yaml a.csv b.csv c.csv.gz d.csv >all.tsv
$ cd "$T" && S=nokey.yaml && { luong-ingest --source -s "$S" a.csv; for f in cp1258:b.csv tcvn3:c.csv.gz viscii:d.csv; do luong-ingest -e "${f%%:*}" --source -s "$S" "${f#*:}" | tail -n +2; done; } 2>/dev/null | cmp - all.tsv && echo same && cut -f 1,10,11 all.tsv
> same
> school_id	_file	_line
> 80794201	a.csv	2
> 80794301	a.csv	3
> 80808201	a.csv	4
> 80794201	b.csv	2
> 80794301	b.csv	3
> 80808201	b.csv	4
> 80794201	c.csv.gz	2
> 80794301	c.csv.gz	3
> 80808201	c.csv.gz	4
> 80794201	d.csv	2
> 80794301	d.csv	3
> 80808201	d.csv	4
! luong-ingest: b.csv: read as cp1258
! luong-ingest: c.csv.gz: read as tcvn3
! luong-ingest: d.csv: read as viscii
! luong-ingest: 4 files, 12 rows read, 12 written, 0 rejected

# Too little text to tell: "Năm" in Windows-1258 reads "Nóm" in TCVN3
# and "Nãm" in VISCII, all three Vietnamese.  A configuration error: the
# file needs its own run with -e (or converting with iconv).
$ printf 'N\343m\n2023\n' | luong-ingest -e auto
! luong-ingest: <stdin>: cannot tell the encoding (cp1258 or tcvn3?); give -e
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 2

$ printf 'N\343m\n2023\n' >"$T/n.csv" && cp data/plain.csv "$T" && cd "$T" && luong-ingest -e auto plain.csv n.csv | wc -l
> 3
! luong-ingest: n.csv: cannot tell the encoding (cp1258 or tcvn3?); give -e
! luong-ingest: 2 files, 2 rows read, 2 written, 0 rejected

# Not Vietnamese in any of them.
$ printf 'a\n\244\246\250 \264\270\n' | luong-ingest -e auto
! luong-ingest: <stdin>: cannot tell the encoding (not UTF-8, and no Vietnamese in cp1258, tcvn3 or viscii); give -e
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 2

# Text that reads the same in two encodings (à is E0 in Windows-1258 and
# in VISCII) is read by the first of them: nothing depends on which.
$ printf 'T\352n\nHo\340\n' | luong-ingest -e auto
> Tên
> Hoà
! luong-ingest: <stdin>: read as cp1258
! luong-ingest: 1 file, 1 row read, 1 written, 0 rejected

# Only the first 64 KiB decide.  A byte after them that is not valid in
# the encoding decided is the usual error, at its line.
$ { printf 'id,name\n'; yes 'x,Thành' | head -n 8000; printf 'y,C\363\n'; } | luong-ingest -e auto >/dev/null
! luong-ingest: <stdin>:8002: not UTF-8: byte 0xf3 at offset 72011; for a legacy encoding give -e cp1258, -e tcvn3 or -e viscii
! luong-ingest: 1 file, 8000 rows read, 8000 written, 0 rejected
? 1

$ { printf 'id,name\n'; yes "$(printf 'x,Tha\362nh')" | head -n 8000; printf 'y,\201\n'; } | luong-ingest -e auto >/dev/null
! luong-ingest: <stdin>: read as cp1258
! luong-ingest: <stdin>:8002: byte 0x81 at offset 72010 is not valid cp1258 text
! luong-ingest: 1 file, 8000 rows read, 8000 written, 0 rejected
? 1

# A UTF-8 byte order mark settles it, whatever follows.
$ printf '\357\273\277T\352n\nHo\340\n' | luong-ingest -e auto
! luong-ingest: <stdin>:1: not UTF-8: byte 0xea at offset 4; for a legacy encoding give -e cp1258, -e tcvn3 or -e viscii
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 1

# UTF-16 and NUL bytes are reported as they are without -e auto.
$ printf '\377\376a\000\n\000' | luong-ingest -e auto
! luong-ingest: <stdin>:1: UTF-16 text is not supported: convert it with iconv -f UTF-16 -t UTF-8
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 1

$ printf 'a,b\n1,\0002\303\240\n' | luong-ingest -e auto
> a	b
! luong-ingest: <stdin>:2: NUL byte at offset 6: not text (UTF-16? convert it with iconv -f UTF-16 -t UTF-8)
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 1

# An empty input is UTF-8, and the usual error; a read error while the
# sample is read stops the run as it does later on.
$ luong-ingest -e auto </dev/null
! luong-ingest: <stdin>: empty input: no header line
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 2

$ printf '\037\213\010\000\000\000\000\000\000\003abc' | luong-ingest -e auto
! luong-ingest: <stdin>: gzip data is truncated
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 1
