# luong-rates --coverage NAME: on a stream with _expected and _reported
# (luong-expect(1)), NAME_expected and NAME_reported per group, right
# after the group fields.  A row with _reported=0 (a school that did not
# report: its values empty) enters no indicator and is not "left out", but
# makes its group appear: Tân Hưng THCS and Tân Trụ THPT have only such
# rows, so their rates are empty (den 0).  A row not expected (80794999,
# not in the registry) counts for the indicators, not for the coverage.
# With --order the placeholders' groups fall into the gazetteer's order;
# the total rows sum the counts.
$ luong-rates -g level,district,district_code -i ../../../config/indicators.yaml --coverage schools --order data/districts.yaml --total 'district=Tổng cộng,district_code=80' data/coverage.tsv
> level	district	district_code	schools_expected	schools_reported	programme_num	programme_den	programme	counsellor_num	counsellor_den	counsellor	vocational_num	vocational_den	vocational
> THCS	Tân An	794	3	2	3	3	100.00	2	3	66.67	90	350	25.71
> THCS	Tân Trụ	805	1	1	0	1	0.00	1	1	100.00	45	150	30.00
> THCS	Tân Hưng	796	2	0	0	0		0	0		0	0	
> THPT	Tân An	794	1	1	1	1	100.00	1	1	100.00	90	300	30.00
> THPT	Tân Trụ	805	1	0	0	0		0	0		0	0	
> THPT	Tân Thạnh	799	1	1	1	1	100.00	1	1	100.00	0	0	
> THCS	Tổng cộng	80	6	3	3	4	75.00	3	4	75.00	135	500	27.00
> THPT	Tổng cộng	80	3	2	2	2	100.00	2	2	100.00	90	300	30.00
! luong-rates: 10 rows read, 6 groups, 8 rows written
! luong-rates: schools: 9 expected, 5 reported
! luong-rates: vocational: 1 row left out: a value it needs is missing

# Without --order, first appearance: the placeholders come last in a
# luong-expect stream, so do groups that have nothing else.  --total with
# every group field named: one row over both levels.
$ luong-rates -g level,district --rate 'v=sum(vocational)/sum(graduates)' --coverage schools --total 'level=,district=Tổng cộng' data/coverage.tsv
> level	district	schools_expected	schools_reported	v_num	v_den	v
> THCS	Tân An	3	2	90	350	25.71
> THCS	Tân Trụ	1	1	45	150	30.00
> THPT	Tân An	1	1	90	300	30.00
> THPT	Tân Thạnh	1	1	0	0	
> THCS	Tân Hưng	2	0	0	0	
> THPT	Tân Trụ	1	0	0	0	
> 	Tổng cộng	9	5	225	800	28.13
! luong-rates: 10 rows read, 6 groups, 7 rows written
! luong-rates: schools: 9 expected, 5 reported
! luong-rates: v: 1 row left out: a value it needs is missing

# Without --coverage the placeholders are ordinary rows: left out of an
# indicator where a value it needs is missing, and counted where nothing
# is needed, as count() is.  With it, they count only as expected.
$ luong-rates -g district --rate 'p=count_if(has_programme)/count()' --rate 'n=count()/count()' data/coverage.tsv
> district	p_num	p_den	p	n_num	n_den	n
> Tân An	4	4	100.00	5	5	100.00
> Tân Trụ	0	1	0.00	2	2	100.00
> Tân Thạnh	1	1	100.00	1	1	100.00
> Tân Hưng	0	0		2	2	100.00
! luong-rates: 10 rows read, 4 groups, 4 rows written
! luong-rates: p: 4 rows left out: a value it needs is missing

$ luong-rates -g district --rate 'p=count_if(has_programme)/count()' --rate 'n=count()/count()' --coverage schools data/coverage.tsv
> district	schools_expected	schools_reported	p_num	p_den	p	n_num	n_den	n
> Tân An	4	3	4	4	100.00	4	4	100.00
> Tân Trụ	2	1	0	1	0.00	1	1	100.00
> Tân Thạnh	1	1	1	1	100.00	1	1	100.00
> Tân Hưng	2	0	0	0		0	0	
! luong-rates: 10 rows read, 4 groups, 4 rows written
! luong-rates: schools: 9 expected, 5 reported

# --strict: a school that did not report lacks nothing, it is not there.
$ luong-rates -g district --rate 'p=count_if(has_programme)/count()' --coverage schools --strict data/coverage.tsv
> district	schools_expected	schools_reported	p_num	p_den	p
> Tân An	4	3	4	4	100.00
> Tân Trụ	2	1	0	1	0.00
> Tân Thạnh	1	1	1	1	100.00
> Tân Hưng	2	0	0	0	
! luong-rates: 10 rows read, 4 groups, 4 rows written
! luong-rates: schools: 9 expected, 5 reported

# -l: rows of another level are skipped before they are counted.
$ luong-rates -g district -i ../../../config/indicators.yaml -l THPT --coverage schools
< level	district	outcome	_expected	_reported
< THPT	Tân An	Học cao đẳng	1	1
< THCS	Tân An	Học trung cấp	1	1
< THPT	Tân An		1	0
< THPT	Tân Trụ		1	0
< THCS	Tân Hưng		1	0
> district	schools_expected	schools_reported	vocational_num	vocational_den	vocational
> Tân An	2	1	1	1	100.00
> Tân Trụ	1	0	0	0	
! luong-rates: 5 rows read, 2 skipped (level is not THPT), 2 groups, 2 rows written
! luong-rates: schools: 3 expected, 1 reported

# A stream with no rows: the header, no groups.
$ printf 'district\tx\t_expected\t_reported\n' | luong-rates -g district --rate 'r=sum(x)/count()' --coverage s --total district=ALL
> district	s_expected	s_reported	r_num	r_den	r
! luong-rates: 0 rows read, 0 groups, 0 rows written
! luong-rates: s: 0 expected, 0 reported

# The counts as data (LUONG_STATS_FD): expected and reported, after
# source_rows, only with --coverage.
$ LUONG_STATS_FD=3 luong-rates -g level,district --rate 'v=sum(vocational)/sum(graduates)' --coverage schools data/coverage.tsv 3>"$T/st" >/dev/null 2>&1; cat "$T/st"
> program	rows_read	rows_written	rows_rejected	groups	total_rows	skipped	source_rows	expected	reported
> luong-rates	10	6	0	6	0	0	10	9	5

# Errors.  The input lacks the fields (exit 2, at its header).
$ luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --coverage schools data/small.tsv
! luong-rates: data/small.tsv:1: --coverage needs the fields _expected and _reported (luong-expect(1) writes them)
? 2

$ luong-rates -g g --rate 'r=sum(x)/count()' --coverage s
< g	x	_expected
< a	1	1
! luong-rates: <stdin>:1: --coverage needs the fields _expected and _reported (luong-expect(1) writes them)
? 2

# A value that is not 1 or 0, empty included (exit 1, at its line).
$ luong-rates -g g --rate 'r=sum(x)/count()' --coverage s
< g	x	_expected	_reported
< a	1	1	1
< a	2	yes	1
! luong-rates: <stdin>:3: --coverage: field "_expected": "yes" is not 1 or 0
? 1

$ luong-rates -g g --rate 'r=sum(x)/count()' --coverage s
< g	x	_expected	_reported
< a	1	1	
! luong-rates: <stdin>:2: --coverage: field "_reported": "" is not 1 or 0
? 1

# NAME is an identifier; its fields must not be a group field's name, nor
# an indicator's (reported at the indicator).
$ luong-rates -g g --rate 'r=sum(x)/count()' --coverage 'my schools' 2>&1 | head -n 2
> luong-rates: --coverage: "my schools": expected a letter or "_", then letters, digits and "_"
> usage: luong-rates -g field[,field ...] -i indicators.yaml [-l level]

$ luong-rates -g g,s_reported --rate 'r=sum(x)/count()' --coverage s 2>&1 | head -n 2
> luong-rates: --coverage: output field "s_reported" would appear twice (it is a -g field)
> usage: luong-rates -g field[,field ...] -i indicators.yaml [-l level]

$ luong-rates -g g --rate 's_expected=sum(x)/count()' --coverage s
! luong-rates: --rate:1:1: output field "s_expected" would appear twice (rename the indicator or the group field)
? 2
