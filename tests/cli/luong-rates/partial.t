# luong-rates --partial and --merge: raw sums, and merging them gives the
# bytes of a single run, however the input is split.

# The partial form: _rows, then num, den and rows left out per indicator.
$ luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --rate 's=sum(score)/count()' --partial data/small.tsv
> level	_rows	v_num	v_den	v_miss	s_num	s_den	s_miss
> THCS	5	5	24	1	0.55	4	1
> THPT	2	6	8	0	1.375	2	0
! luong-rates: 7 rows read, 2 groups, 2 rows written
! luong-rates: v: 1 row left out: a value it needs is missing
! luong-rates: s: 1 row left out: a value it needs is missing

# Contiguous splits into k parts (k = 1, 2, 3, 5, 8 and one row a part):
# --partial on each, --merge of them all, cmp with one run over the whole.
$ f=data/schools.tsv; ind=../../../config/indicators.yaml; n=$(($(wc -l <$f) - 1))
$ luong-rates -g level,district,district_code -i $ind --order data/districts.yaml --total 'district=Tổng cộng,district_code=80' $f >"$T/single" 2>/dev/null
$ for k in 1 2 3 5 8 $n; do
$ 	c=$(( (n + k - 1) / k )); i=0; rm -f "$T"/p.*
$ 	while [ $((i * c)) -lt $n ]; do
$ 		{ head -n 1 $f; tail -n +2 $f | sed -n "$((i * c + 1)),$(((i + 1) * c))p"; } |
$ 		    luong-rates -g level,district,district_code -i $ind --partial >"$T/p.$(printf %03d $i)" 2>/dev/null
$ 		i=$((i + 1))
$ 	done
$ 	luong-rates -g level,district,district_code -i $ind --order data/districts.yaml --total 'district=Tổng cộng,district_code=80' --merge "$T"/p.* >"$T/merged" 2>/dev/null
$ 	cmp "$T/single" "$T/merged" && echo "k=$k: $i parts, same bytes"
$ done
> k=1: 1 parts, same bytes
> k=2: 2 parts, same bytes
> k=3: 3 parts, same bytes
> k=5: 5 parts, same bytes
> k=8: 8 parts, same bytes
> k=119: 119 parts, same bytes

# The same with decimals and missing values, without --order (first
# appearance survives the split), and the merge's stderr.
$ f=data/small.tsv; r1='v=sum(vocational)/sum(graduates)'; r2='s=sum(score)/count(score)'
$ luong-rates -g level,district --rate "$r1" --rate "$r2" --total district=ALL $f >"$T/single"
$ for k in 2 3 7; do
$ 	c=$(( (7 + k - 1) / k )); i=0; rm -f "$T"/p.*
$ 	while [ $((i * c)) -lt 7 ]; do
$ 		{ head -n 1 $f; tail -n +2 $f | sed -n "$((i * c + 1)),$(((i + 1) * c))p"; } |
$ 		    luong-rates -g level,district --rate "$r1" --rate "$r2" --partial >"$T/p.$i" 2>/dev/null
$ 		i=$((i + 1))
$ 	done
$ 	luong-rates -g level,district --rate "$r1" --rate "$r2" --total district=ALL --merge "$T"/p.* >"$T/merged"
$ 	cmp "$T/single" "$T/merged" && echo "k=$k: same bytes"
$ done
> k=2: same bytes
> k=3: same bytes
> k=7: same bytes
! luong-rates: 7 rows read, 5 groups, 7 rows written
! luong-rates: v: 1 row left out: a value it needs is missing
! luong-rates: s: 1 row left out: a value it needs is missing
! luong-rates: 6 partial rows read (7 source rows), 5 groups, 7 rows written
! luong-rates: v: 1 row left out: a value it needs is missing
! luong-rates: s: 1 row left out: a value it needs is missing
! luong-rates: 6 partial rows read (7 source rows), 5 groups, 7 rows written
! luong-rates: v: 1 row left out: a value it needs is missing
! luong-rates: s: 1 row left out: a value it needs is missing
! luong-rates: 7 partial rows read (7 source rows), 5 groups, 7 rows written
! luong-rates: v: 1 row left out: a value it needs is missing
! luong-rates: s: 1 row left out: a value it needs is missing

# --coverage: the partial form carries the counts after _rows, and a
# merge adds them up; split anywhere (a part of only placeholders too),
# the same bytes as one run, totals and gazetteer order included.
$ luong-rates -g level,district --rate 'v=sum(vocational)/sum(graduates)' --coverage schools --partial data/coverage.tsv
> level	district	_rows	schools_expected	schools_reported	v_num	v_den	v_miss
> THCS	Tân An	4	3	2	90	350	0
> THCS	Tân Trụ	1	1	1	45	150	0
> THPT	Tân An	1	1	1	90	300	0
> THPT	Tân Thạnh	1	1	1	0	0	1
> THCS	Tân Hưng	2	2	0	0	0	0
> THPT	Tân Trụ	1	1	0	0	0	0
! luong-rates: 10 rows read, 6 groups, 6 rows written
! luong-rates: schools: 9 expected, 5 reported
! luong-rates: v: 1 row left out: a value it needs is missing

$ f=data/coverage.tsv; ind=../../../config/indicators.yaml; n=$(($(wc -l <$f) - 1)); o='--coverage schools'
$ luong-rates -g level,district,district_code -i $ind $o --order data/districts.yaml --total 'district=Tổng cộng,district_code=80' $f >"$T/single" 2>"$T/single.err"
$ for k in 1 2 3 4 $n; do
$ 	c=$(( (n + k - 1) / k )); i=0; rm -f "$T"/p.*
$ 	while [ $((i * c)) -lt $n ]; do
$ 		{ head -n 1 $f; tail -n +2 $f | sed -n "$((i * c + 1)),$(((i + 1) * c))p"; } |
$ 		    luong-rates -g level,district,district_code -i $ind $o --partial >"$T/p.$(printf %03d $i)" 2>/dev/null
$ 		i=$((i + 1))
$ 	done
$ 	luong-rates -g level,district,district_code -i $ind $o --order data/districts.yaml --total 'district=Tổng cộng,district_code=80' --merge "$T"/p.* >"$T/merged" 2>"$T/merged.err"
$ 	cmp "$T/single" "$T/merged" && echo "k=$k: $i parts, same bytes"
$ done
$ tail -n 2 "$T/merged.err"; cut -f 1-5 "$T/merged"
> k=1: 1 parts, same bytes
> k=2: 2 parts, same bytes
> k=3: 3 parts, same bytes
> k=4: 4 parts, same bytes
> k=10: 10 parts, same bytes
> luong-rates: schools: 9 expected, 5 reported
> luong-rates: vocational: 1 row left out: a value it needs is missing
> level	district	district_code	schools_expected	schools_reported
> THCS	Tân An	794	3	2
> THCS	Tân Trụ	805	1	1
> THCS	Tân Hưng	796	2	0
> THPT	Tân An	794	1	1
> THPT	Tân Trụ	805	1	0
> THPT	Tân Thạnh	799	1	1
> THCS	Tổng cộng	80	6	3
> THPT	Tổng cộng	80	3	2

# A merge reads the counts back only as it was told: with --coverage and
# its NAME, or without.
$ luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --coverage schools --partial data/coverage.tsv >"$T/p" 2>/dev/null; cd "$T"; luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --merge p
! luong-rates: p:1: not a --partial output of these groups and indicators: field 3 is "schools_expected", expected "v_num"
? 2

$ luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --coverage schools --partial data/coverage.tsv >"$T/p" 2>/dev/null; cd "$T"; luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --coverage s --merge p
! luong-rates: p:1: not a --partial output of these groups and indicators: field 3 is "schools_expected", expected "s_expected"
? 2

$ luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --partial data/small.tsv >"$T/p" 2>/dev/null; cd "$T"; luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --coverage s --merge p
! luong-rates: p:1: not a --partial output of these groups and indicators: field 3 is "v_num", expected "s_expected"
? 2

# The counts nest: reported <= expected <= _rows, in every partial row.
$ luong-rates -g g --rate 'r=sum(x)/count()' --coverage s --merge
< g	_rows	s_expected	s_reported	r_num	r_den	r_miss
< a	2	2	1	1	1	0
< a	2	3	1	1	1	0
! luong-rates: <stdin>:3: field "s_expected": 3 rows expected of 2 read
? 1

$ luong-rates -g g --rate 'r=sum(x)/count()' --coverage s --merge
< g	_rows	s_expected	s_reported	r_num	r_den	r_miss
< a	2	1	2	1	1	0
! luong-rates: <stdin>:2: field "s_reported": 2 rows reported of 1 expected
? 1

$ luong-rates -g g --rate 'r=sum(x)/count()' --coverage s --merge
< g	_rows	s_expected	s_reported	r_num	r_den	r_miss
< a	2	two	1	1	1	0
! luong-rates: <stdin>:2: field "s_expected": "two" is not a count
? 1

# Round-robin splits change first appearance, not the figures.
$ f=data/schools.tsv; ind=../../../config/indicators.yaml
$ luong-rates -g level,district_code -i $ind $f 2>/dev/null | sort >"$T/single"
$ for j in 0 1 2; do awk -v j=$j 'NR == 1 || NR % 3 == j' $f | luong-rates -g level,district_code -i $ind --partial >"$T/p.$j" 2>/dev/null; done
$ luong-rates -g level,district_code -i $ind --merge "$T"/p.2 "$T"/p.0 "$T"/p.1 2>/dev/null | sort | cmp - "$T/single" && echo same figures
> same figures

# A partial with no rows merges as nothing.
$ printf 'g\tx\n' | luong-rates -g g --rate 'r=sum(x)/count()' --partial >"$T/e"; printf 'g\tx\na\t1\n' | luong-rates -g g --rate 'r=sum(x)/count()' --partial >"$T/a"; luong-rates -g g --rate 'r=sum(x)/count()' --merge "$T/e" "$T/a"
> g	r_num	r_den	r
> a	1	1	100.00
! luong-rates: 0 rows read, 0 groups, 0 rows written
! luong-rates: 1 row read, 1 group, 1 row written
! luong-rates: 1 partial row read (1 source row), 1 group, 1 row written

# Merge errors: not the partial of these groups and indicators (exit 2),
# a value that is not a number or count (exit 1).
$ luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --partial data/small.tsv >"$T/p" 2>/dev/null; cd "$T"; luong-rates -g district --rate 'v=sum(vocational)/sum(graduates)' --merge p
! luong-rates: p:1: not a --partial output of these groups and indicators: field 1 is "level", expected "district"
? 2

$ luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --partial data/small.tsv >"$T/p" 2>/dev/null; cd "$T"; luong-rates -g level --rate 'w=sum(vocational)/sum(graduates)' --merge p
! luong-rates: p:1: not a --partial output of these groups and indicators: field 3 is "v_num", expected "w_num"
? 2

$ luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --merge data/small.tsv
! luong-rates: data/small.tsv:1: not a --partial output of these groups and indicators: field 1 is "district", expected "level"
? 2

$ luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --merge
< level	_rows	v_num	v_den	v_miss	extra
< THCS	1	1	2	0	x
! luong-rates: <stdin>:1: not a --partial output of these groups and indicators: 6 fields, expected 5
? 2

$ luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --merge
< level	_rows	v_num	v_den	v_miss
< THCS	1	1	2	0
< THCS	x	1	2	0
! luong-rates: <stdin>:3: field "_rows": "x" is not a count
? 1

$ luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --merge
< level	_rows	v_num	v_den	v_miss
< THCS	1	1,5	2	0
! luong-rates: <stdin>:2: field "v_num": "1,5" is not a number
? 1

$ luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --merge
< level	_rows	v_num	v_den	v_miss
< THCS	1	1	2	-1
! luong-rates: <stdin>:2: field "v_miss": "-1" is not a count
? 1

$ luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --merge
< level	_rows	v_num	v_den	v_miss
< THCS	1	170141183460469231731687303715884105727	2	0
< THCS	1	1	2	0
! luong-rates: <stdin>:3: v: the sum overflows
? 1

# Every count is checked as it is added: _rows of one group (2^64 - 1 and
# 1 would wrap to 0), and the source rows over all groups.
$ luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --merge
< level	_rows	v_num	v_den	v_miss
< THCS	18446744073709551615	1	2	0
< THCS	1	1	2	0
! luong-rates: <stdin>:3: field "_rows": the sum overflows
? 1

$ luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --merge
< level	_rows	v_num	v_den	v_miss
< THCS	18446744073709551615	1	2	0
< THPT	1	1	2	0
! luong-rates: <stdin>:3: field "_rows": the sum overflows
? 1

# The largest count that fits is merged and written as it is.
$ luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --merge
< level	_rows	v_num	v_den	v_miss
< THCS	18446744073709551614	1	2	0
< THPT	1	1	2	0
> level	v_num	v_den	v
> THCS	1	2	50.00
> THPT	1	2	50.00
! luong-rates: 2 partial rows read (18446744073709551615 source rows), 2 groups, 2 rows written

# Rows left out are rows read: a row that leaves more out than its _rows
# is not a partial output, and would let the summary's count overflow.
$ luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --merge
< level	_rows	v_num	v_den	v_miss
< THCS	1	1	2	18446744073709551615
< THCS	1	1	2	1
! luong-rates: <stdin>:2: field "v_miss": 18446744073709551615 rows left out of 1 read
? 1

# --strict in the merge: a partial that left rows out fails it.
$ luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' --merge --strict
< level	_rows	v_num	v_den	v_miss
< THCS	1	1	2	0
< THPT	3	1	2	2
! luong-rates: <stdin>:3: v: 2 rows left out here (--strict)
? 1
