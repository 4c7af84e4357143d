# luong-expect's bad inputs, one class a case: bad registries (file:line,
# exit 2, before any row is written), streams that do not fit them, and
# the schools that are not where they should be, which are counted: the
# stats record balances (./balance).

# expect-unknown: a row of a school the registry does not have, passed
# on with _expected 0 and listed in --unknown.
$ printf 'school_id\tlevel\tn\n80794201\tTHCS\t1\n80799999\tTHCS\t2\n' >"$T/s.tsv"; cp data/registry.tsv "$T"; cd "$T" && LUONG_STATS_FD=3 luong-expect -t registry.tsv -k school_id,level --unknown u.tsv s.tsv 3>st; s=$?; cat u.tsv; "$OLDPWD/balance" st; exit $s
> school_id	level	n	_expected	_reported
> 80794201	THCS	1	1	1
> 80799999	THCS	2	0	1
> 80802201	THCS		1	0
> school_id	level	_reason
> 80799999	THCS	not in the registry
> luong-expect: rows_read 2 = rows_written 2 + rows_rejected 0
! luong-expect: s.tsv:3: not in the registry
! luong-expect: registry.tsv:3: no row for this school (school_id=80802201, level=THCS)
! luong-expect: 2 rows read; 2 schools expected, 1 reported, 1 missing, 1 not in the registry

# expect-closed: a school the registry has, closed before the year.
$ printf 'school_id\tlevel\tdistrict_code\tvalid_to\n1\tTHCS\t794\t2022-08-01\n' >"$T/r.tsv"; printf 'school_id\tlevel\n1\tTHCS\n' >"$T/s.tsv"; cd "$T" && LUONG_STATS_FD=3 luong-expect -t r.tsv -k school_id,level --year 2022-2023 --unknown u.tsv s.tsv 3>st; s=$?; cat u.tsv; "$OLDPWD/balance" st; exit $s
> school_id	level	_expected	_reported
> 1	THCS	0	1
> school_id	level	_reason
> 1	THCS	closed before 2022-2023 (valid_to 2022-08-01)
> luong-expect: rows_read 1 = rows_written 1 + rows_rejected 0
! luong-expect: s.tsv:2: closed before 2022-2023 (valid_to 2022-08-01)
! luong-expect: 1 row read; 0 schools expected in 2022-2023, 0 reported, 0 missing, 1 not in the registry for 2022-2023

# expect-repeated: two rows for one school: both passed on, the school
# counted once.
$ printf 'school_id\tlevel\tn\n80794201\tTHCS\t1\n80802201\tTHCS\t2\n80794201\tTHCS\t3\n' >"$T/s.tsv"; cp data/registry.tsv "$T"; cd "$T" && LUONG_STATS_FD=3 luong-expect -t registry.tsv -k school_id,level s.tsv 3>st; s=$?; "$OLDPWD/balance" st; exit $s
> school_id	level	n	_expected	_reported
> 80794201	THCS	1	1	1
> 80802201	THCS	2	1	1
> 80794201	THCS	3	0	1
> luong-expect: rows_read 3 = rows_written 3 + rows_rejected 0
! luong-expect: s.tsv:4: another row for this school (first at s.tsv:2): passed on, counted once
! luong-expect: 3 rows read; 2 schools expected, 2 reported, 0 missing, 0 not in the registry; 1 row for a school already counted

# expect-empty-key: a row whose key has an empty value is no school.
$ printf 'school_id\tlevel\n\tTHCS\n\tTHCS\n' >"$T/s.tsv"; cp data/registry.tsv "$T"; cd "$T" && LUONG_STATS_FD=3 luong-expect -t registry.tsv -k school_id,level --unknown u.tsv s.tsv 3>st >/dev/null; s=$?; cat u.tsv; "$OLDPWD/balance" st; exit $s
> school_id	level	_reason
> 	THCS	key field "school_id" is empty
> 	THCS	key field "school_id" is empty
> luong-expect: rows_read 2 = rows_written 2 + rows_rejected 0
! luong-expect: s.tsv:2: key field "school_id" is empty
! luong-expect: s.tsv:3: key field "school_id" is empty
! luong-expect: registry.tsv:2: no row for this school (school_id=80794201, level=THCS)
! luong-expect: registry.tsv:3: no row for this school (school_id=80802201, level=THCS)
! luong-expect: 2 rows read; 2 schools expected, 0 reported, 2 missing, 2 not in the registry

# expect-registry-field: a field every registry has is missing.
$ printf 'school_id\tlevel\n1\tTHCS\n' >"$T/r.tsv"; cd "$T" && luong-expect -t r.tsv -k school_id </dev/null
! luong-expect: r.tsv:1: no field "district_code" in the header (a registry has school_id, level and district_code)
? 2

# expect-registry-empty: a required value is empty.
$ printf 'school_id,level,district_code\n1,THCS,794\n2,,794\n' >"$T/r.csv"; cd "$T" && luong-expect -t r.csv -k school_id </dev/null
! luong-expect: r.csv:3: field "level" is empty
? 2

# expect-registry-date: a validity date that is not one.
$ printf 'school_id\tlevel\tdistrict_code\tvalid_from\n1\tTHCS\t794\t01/09/2020\n' >"$T/r.tsv"; cd "$T" && luong-expect -t r.tsv -k school_id </dev/null
! luong-expect: r.tsv:2: valid_from "01/09/2020" is not a date (YYYY-MM-DD)
? 2

$ printf 'school_id\tlevel\tdistrict_code\tvalid_to\n1\tTHCS\t794\t2023-02-29\n' >"$T/r.tsv"; cd "$T" && luong-expect -t r.tsv -k school_id </dev/null
! luong-expect: r.tsv:2: valid_to "2023-02-29" is not a date
? 2

# expect-registry-order: valid_to not after valid_from.
$ printf 'school_id\tlevel\tdistrict_code\tvalid_from\tvalid_to\n1\tTHCS\t794\t2022-09-01\t2022-09-01\n' >"$T/r.tsv"; cd "$T" && luong-expect -t r.tsv -k school_id </dev/null
! luong-expect: r.tsv:2: valid_to 2022-09-01 is not after valid_from 2022-09-01
? 2

# expect-registry-dup: two rows with one key.
$ printf 'school_id\tlevel\tdistrict_code\n1\tTHCS\t794\n1\tTHPT\t794\n1\tTHCS\t795\n' >"$T/r.tsv"; cd "$T" && luong-expect -t r.tsv -k school_id,level </dev/null
! luong-expect: r.tsv:4: duplicate key school_id=1, level=THCS (first on line 2)
? 2

# expect-registry-code: a district code the gazetteer does not have.
$ printf 'school_id\tlevel\tdistrict_code\n1\tTHCS\t794\n2\tTHCS\t999\n' >"$T/r.tsv"; cp "$TOP/config/long-an/districts.yaml" "$T"; cd "$T" && luong-expect -t r.tsv -k school_id -g districts.yaml </dev/null
! luong-expect: r.tsv:3: district_code "999" is not in the gazetteer districts.yaml
? 2

# expect-registry-row: a row the table reader refuses (exit 1, as for
# luong-join's table).
$ printf 'school_id\tlevel\tdistrict_code\n1\tTHCS\n' >"$T/r.tsv"; cd "$T" && luong-expect -t r.tsv -k school_id </dev/null
! luong-expect: r.tsv:2: 2 fields, the header has 3
? 1

$ printf 'school_id\tlevel\tdistrict_code\n1\tTH\0CS\t794\n' >"$T/r.tsv"; cd "$T" && luong-expect -t r.tsv -k school_id </dev/null
! luong-expect: r.tsv:2: field "level" holds a NUL byte (not valid in a record stream)
? 1

# expect-stream-added: the fields luong-expect adds are in the stream
# already (it ran twice).
$ printf 'school_id\tlevel\n80794201\tTHCS\n' >"$T/s.tsv"; cd data && luong-expect -t registry.tsv -k school_id,level "$T/s.tsv" 2>/dev/null | luong-expect -t registry.tsv -k school_id,level 2>&1 >/dev/null; echo "exit $?"
> luong-expect: <stdin>:1: field "_expected" is already in the stream
> exit 2

# expect-key-missing: a key field not in the stream's header.
$ cd data && luong-expect -t registry.tsv -k school_name schools.tsv
! luong-expect: schools.tsv:1: -k: no field "school_name" in the header
? 2
