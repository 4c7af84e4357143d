# luong-expect: rows passed on with _expected and _reported, a row for
# each expected school that sent none, the school year, the gazetteer,
# --missing and --unknown, second rows, and the notes on stderr.

# The school year 2022-2023 expects four of the registry's six schools:
# one closed in 2021, one opens in 2023-2024.  Two sent a row; the
# closed one and one the registry does not have are unknown; the two
# that sent nothing come last, in registry order, their district named
# from the gazetteer and their school_year the year.
$ luong-expect -t data/registry.tsv -k school_id,level --year 2022-2023 -g "$TOP/config/long-an/districts.yaml" data/stream.tsv
> school_id	school_name	level	district	district_code	school_year	graduates	_expected	_reported
> 80794201	THCS Nguyễn Đình Chiểu	THCS	Tân An	794	2022-2023	310	1	1
> 80794301	THPT Tân An	THPT	Tân An	794	2022-2023	420	1	1
> 80802201	THCS Đức Hòa Thượng	THCS	Đức Hòa	802	2022-2023	150	0	1
> 80799901	THCS Tân Hòa	THCS	Tân Thạnh	799	2022-2023	90	0	1
> 80808201	THCS Phú Ngãi Trị	THCS	Châu Thành	808	2022-2023		1	0
> 80808301	THPT Châu Thành	THPT	Châu Thành	808	2022-2023		1	0
! luong-expect: data/stream.tsv:4: closed before 2022-2023 (valid_to 2021-08-01)
! luong-expect: data/stream.tsv:5: not in the registry
! luong-expect: data/registry.tsv:4: no row for this school (school_id=80808201, level=THCS)
! luong-expect: data/registry.tsv:5: no row for this school (school_id=80808301, level=THPT)
! luong-expect: 4 rows read; 4 schools expected in 2022-2023, 2 reported, 2 missing, 2 not in the registry for 2022-2023

# --missing and --unknown: the schools, in registry order and in the
# order they were met, each with why it is not expected.
$ luong-expect -t data/registry.tsv -k school_id,level --year 2022-2023 -g "$TOP/config/long-an/districts.yaml" --missing "$T/m.tsv" --unknown "$T/u.tsv" data/stream.tsv >/dev/null; cat "$T/m.tsv" "$T/u.tsv"
> school_id	school_name	level	district_code	district
> 80808201	THCS Phú Ngãi Trị	THCS	808	Châu Thành
> 80808301	THPT Châu Thành	THPT	808	Châu Thành
> school_id	level	school_name	district_code	district	_reason
> 80802201	THCS	THCS Đức Hòa Thượng	802	Đức Hòa	closed before 2022-2023 (valid_to 2021-08-01)
> 80799901	THCS	THCS Tân Hòa	799	Tân Thạnh	not in the registry
! luong-expect: data/stream.tsv:4: closed before 2022-2023 (valid_to 2021-08-01)
! luong-expect: data/stream.tsv:5: not in the registry
! luong-expect: data/registry.tsv:4: no row for this school (school_id=80808201, level=THCS)
! luong-expect: data/registry.tsv:5: no row for this school (school_id=80808301, level=THPT)
! luong-expect: 4 rows read; 4 schools expected in 2022-2023, 2 reported, 2 missing, 2 not in the registry for 2022-2023

# The same year, with a school that opened in it reporting.
$ printf 'school_id\tlevel\n80808301\tTHPT\n80805301\tTHPT\n' | luong-expect -t data/registry.tsv -k school_id,level --year 2022-23 --unknown "$T/u.tsv"; cat "$T/u.tsv"
> school_id	level	_expected	_reported
> 80808301	THPT	1	1
> 80805301	THPT	0	1
> 80794201	THCS	1	0
> 80794301	THPT	1	0
> 80808201	THCS	1	0
> school_id	level	_reason
> 80805301	THPT	opens after 2022-2023 (valid_from 2023-09-05)
! luong-expect: <stdin>:3: opens after 2022-2023 (valid_from 2023-09-05)
! luong-expect: data/registry.tsv:2: no row for this school (school_id=80794201, level=THCS)
! luong-expect: data/registry.tsv:3: no row for this school (school_id=80794301, level=THPT)
! luong-expect: data/registry.tsv:4: no row for this school (school_id=80808201, level=THCS)
! luong-expect: 2 rows read; 4 schools expected in 2022-2023, 1 reported, 3 missing, 1 not in the registry for 2022-2023

# Another year, another set of schools.
$ printf 'school_id\tlevel\n80805301\tTHPT\n80802201\tTHCS\n' | luong-expect -t data/registry.tsv -k school_id,level --year 2023-2024 >/dev/null
! luong-expect: <stdin>:3: closed before 2023-2024 (valid_to 2021-08-01)
! luong-expect: data/registry.tsv:2: no row for this school (school_id=80794201, level=THCS)
! luong-expect: data/registry.tsv:3: no row for this school (school_id=80794301, level=THPT)
! luong-expect: data/registry.tsv:4: no row for this school (school_id=80808201, level=THCS)
! luong-expect: data/registry.tsv:5: no row for this school (school_id=80808301, level=THPT)
! luong-expect: 2 rows read; 5 schools expected in 2023-2024, 1 reported, 4 missing, 1 not in the registry for 2023-2024

$ printf 'school_id\tlevel\n80805301\tTHPT\n80802201\tTHCS\n' | luong-expect -t data/registry.tsv -k school_id,level --year 2020-2021 >/dev/null
! luong-expect: <stdin>:2: opens after 2020-2021 (valid_from 2023-09-05)
! luong-expect: data/registry.tsv:2: no row for this school (school_id=80794201, level=THCS)
! luong-expect: data/registry.tsv:3: no row for this school (school_id=80794301, level=THPT)
! luong-expect: data/registry.tsv:4: no row for this school (school_id=80808201, level=THCS)
! luong-expect: 2 rows read; 4 schools expected in 2020-2021, 1 reported, 3 missing, 1 not in the registry for 2020-2021

# Without --year every school of the registry is expected, whatever its
# dates; without -g a missing school's district is empty (the stream has
# one, the registry not), and with no year its school_year too.
$ luong-expect -t data/registry.tsv -k school_id,level data/stream.tsv
> school_id	school_name	level	district	district_code	school_year	graduates	_expected	_reported
> 80794201	THCS Nguyễn Đình Chiểu	THCS	Tân An	794	2022-2023	310	1	1
> 80794301	THPT Tân An	THPT	Tân An	794	2022-2023	420	1	1
> 80802201	THCS Đức Hòa Thượng	THCS	Đức Hòa	802	2022-2023	150	1	1
> 80799901	THCS Tân Hòa	THCS	Tân Thạnh	799	2022-2023	90	0	1
> 80808201	THCS Phú Ngãi Trị	THCS		808			1	0
> 80808301	THPT Châu Thành	THPT		808			1	0
> 80805301	THPT Tân Trụ	THPT		805			1	0
! luong-expect: data/stream.tsv:5: not in the registry
! luong-expect: data/registry.tsv:4: no row for this school (school_id=80808201, level=THCS)
! luong-expect: data/registry.tsv:5: no row for this school (school_id=80808301, level=THPT)
! luong-expect: data/registry.tsv:7: no row for this school (school_id=80805301, level=THPT)
! luong-expect: 4 rows read; 6 schools expected, 3 reported, 3 missing, 1 not in the registry

# A CSV registry with a district field of its own: without -g, a missing
# school's district is the registry's, as written; with -g, the
# gazetteer's canonical name.  The registry's school_name is copied, a
# comma in it and all.
$ printf 'school_id\tlevel\tdistrict\n80794201\tTHCS\tTân An\n' | luong-expect -t data/registry.csv -k school_id,level
> school_id	level	district	_expected	_reported
> 80794201	THCS	Tân An	1	1
> 80808201	THCS	Châu Thành	1	0
! luong-expect: data/registry.csv:3: no row for this school (school_id=80808201, level=THCS)
! luong-expect: 1 row read; 2 schools expected, 1 reported, 1 missing, 0 not in the registry

$ printf 'school_id\tlevel\tdistrict\tschool_name\n' | luong-expect -t data/registry.csv -k school_id,level -g "$TOP/config/long-an/districts.yaml"
> school_id	level	district	school_name	_expected	_reported
> 80794201	THCS	Tân An	THCS Nguyễn Đình Chiểu	1	0
> 80808201	THCS	Châu Thành	THCS Phú Ngãi Trị, xã Phú Ngãi Trị	1	0
! luong-expect: data/registry.csv:2: no row for this school (school_id=80794201, level=THCS)
! luong-expect: data/registry.csv:3: no row for this school (school_id=80808201, level=THCS)
! luong-expect: 0 rows read; 2 schools expected, 0 reported, 2 missing, 0 not in the registry

# A YAML registry, with only the fields it needs.
$ printf -- '- { school_id: 1, level: THCS, district_code: 794 }\n- { school_id: 2, level: THCS, district_code: "0794" }\n' >"$T/r.yaml"; printf 'level\tschool_id\tdistrict_code\tn\nTHCS\t2\t794\t5\n' | luong-expect -t "$T/r.yaml" -k school_id,level 2>/dev/null
> level	school_id	district_code	n	_expected	_reported
> THCS	2	794	5	1	1
> THCS	1	794		1	0

# Keys compare after NFC: a name key in NFD finds the registry's NFC
# name.
$ printf 'school_name\tlevel\nTHCS Phu\314\201 Nga\314\203i Tri\314\243\tTHCS\n' | luong-expect -t data/registry.tsv -k school_name,level --year 2022-2023 2>/dev/null | sed -n 2p | cut -f 2-
> THCS	1	1

# A stream with only a header: every expected school is missing.
$ head -n 1 data/stream.tsv | luong-expect -t data/registry.tsv -k school_id,level --year 2022-2023 | cut -f 1,3,8,9
> school_id	level	_expected	_reported
> 80794201	THCS	1	0
> 80794301	THPT	1	0
> 80808201	THCS	1	0
> 80808301	THPT	1	0
! luong-expect: data/registry.tsv:2: no row for this school (school_id=80794201, level=THCS)
! luong-expect: data/registry.tsv:3: no row for this school (school_id=80794301, level=THPT)
! luong-expect: data/registry.tsv:4: no row for this school (school_id=80808201, level=THCS)
! luong-expect: data/registry.tsv:5: no row for this school (school_id=80808301, level=THPT)
! luong-expect: 0 rows read; 4 schools expected in 2022-2023, 0 reported, 4 missing, 0 not in the registry for 2022-2023

# Several inputs, each with the first's header: a school's second row,
# in another file, is passed on, counted once, and named with the first.
$ head -n 2 data/stream.tsv >"$T/a.tsv"; { head -n 1 data/stream.tsv; sed -n 2p data/stream.tsv; } >"$T/b.tsv"; cp data/registry.tsv "$T"; cd "$T" && LUONG_STATS_FD=3 luong-expect -t registry.tsv -k school_id,level --year 2022-2023 a.tsv b.tsv 3>"$T/st" | cut -f 1,8,9; cat "$T/st"
> school_id	_expected	_reported
> 80794201	1	1
> 80794201	0	1
> 80794301	1	0
> 80808201	1	0
> 80808301	1	0
> program	rows_read	rows_written	rows_rejected	schools_expected	schools_reported	schools_missing	schools_unknown	rows_repeated
> luong-expect	2	2	0	4	1	3	0	1
! luong-expect: b.tsv:2: another row for this school (first at a.tsv:2): passed on, counted once
! luong-expect: registry.tsv:3: no row for this school (school_id=80794301, level=THPT)
! luong-expect: registry.tsv:4: no row for this school (school_id=80808201, level=THCS)
! luong-expect: registry.tsv:5: no row for this school (school_id=80808301, level=THPT)
! luong-expect: 2 rows read; 4 schools expected in 2022-2023, 1 reported, 3 missing, 0 not in the registry for 2022-2023; 1 row for a school already counted

# --unknown takes the key, then those of school_name, district_code,
# district, _file and _line that the stream has; an unknown school is
# listed once, however many rows it has.
$ printf '_file\t_line\tschool_id\tlevel\tdistrict\tn\nx.csv\t2\t1\tTHCS\tTân An\t1\nx.csv\t3\t1\tTHCS\tTân An\t2\ny.csv\t2\t80794201\tTHCS\tTân An\t3\n' | luong-expect -t data/registry.tsv -k school_id,level --unknown "$T/u.tsv" >/dev/null; cat "$T/u.tsv"
> school_id	level	district	_file	_line	_reason
> 1	THCS	Tân An	x.csv	2	not in the registry
! luong-expect: <stdin>:2: not in the registry
! luong-expect: data/registry.tsv:3: no row for this school (school_id=80794301, level=THPT)
! luong-expect: data/registry.tsv:4: no row for this school (school_id=80808201, level=THCS)
! luong-expect: data/registry.tsv:5: no row for this school (school_id=80808301, level=THPT)
! luong-expect: data/registry.tsv:6: no row for this school (school_id=80802201, level=THCS)
! luong-expect: data/registry.tsv:7: no row for this school (school_id=80805301, level=THPT)
! luong-expect: 3 rows read; 6 schools expected, 1 reported, 5 missing, 1 not in the registry; 1 row for a school already counted

# The first ten rows of each kind are named, the rest counted.
$ awk 'BEGIN { print "school_id\tlevel"; for (i = 1; i <= 12; i++) print 900 + i "\tTHCS" }' | luong-expect -t data/registry.tsv -k school_id,level --year 2022-2023 >/dev/null
! luong-expect: <stdin>:2: not in the registry
! luong-expect: <stdin>:3: not in the registry
! luong-expect: <stdin>:4: not in the registry
! luong-expect: <stdin>:5: not in the registry
! luong-expect: <stdin>:6: not in the registry
! luong-expect: <stdin>:7: not in the registry
! luong-expect: <stdin>:8: not in the registry
! luong-expect: <stdin>:9: not in the registry
! luong-expect: <stdin>:10: not in the registry
! luong-expect: <stdin>:11: not in the registry
! luong-expect: stream: 2 more rows not listed
! luong-expect: data/registry.tsv:2: no row for this school (school_id=80794201, level=THCS)
! luong-expect: data/registry.tsv:3: no row for this school (school_id=80794301, level=THPT)
! luong-expect: data/registry.tsv:4: no row for this school (school_id=80808201, level=THCS)
! luong-expect: data/registry.tsv:5: no row for this school (school_id=80808301, level=THPT)
! luong-expect: 12 rows read; 4 schools expected in 2022-2023, 0 reported, 4 missing, 12 not in the registry for 2022-2023

$ awk 'BEGIN { print "school_id\tlevel\tdistrict_code"; for (i = 1; i <= 12; i++) print 900 + i "\tTHCS\t794" }' >"$T/r.tsv"; cd "$T" && printf 'school_id\tlevel\n' | luong-expect -t r.tsv -k school_id,level | wc -l
> 13
! luong-expect: r.tsv:2: no row for this school (school_id=901, level=THCS)
! luong-expect: r.tsv:3: no row for this school (school_id=902, level=THCS)
! luong-expect: r.tsv:4: no row for this school (school_id=903, level=THCS)
! luong-expect: r.tsv:5: no row for this school (school_id=904, level=THCS)
! luong-expect: r.tsv:6: no row for this school (school_id=905, level=THCS)
! luong-expect: r.tsv:7: no row for this school (school_id=906, level=THCS)
! luong-expect: r.tsv:8: no row for this school (school_id=907, level=THCS)
! luong-expect: r.tsv:9: no row for this school (school_id=908, level=THCS)
! luong-expect: r.tsv:10: no row for this school (school_id=909, level=THCS)
! luong-expect: r.tsv:11: no row for this school (school_id=910, level=THCS)
! luong-expect: registry: 2 more missing schools not listed
! luong-expect: 0 rows read; 12 schools expected, 0 reported, 12 missing, 0 not in the registry

# The input may be gzipped; _expected and _reported always come last.
$ gzip -cn data/stream.tsv >"$T/s.tsv.gz"; luong-expect -t data/registry.tsv -k level,school_id "$T/s.tsv.gz" 2>/dev/null | head -n 2
> school_id	school_name	level	district	district_code	school_year	graduates	_expected	_reported
> 80794201	THCS Nguyễn Đình Chiểu	THCS	Tân An	794	2022-2023	310	1	1
