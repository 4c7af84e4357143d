# luong-rates --rate: the expression forms, first-appearance order, exact
# decimals, rounding, den 0, missing values.

# sum()/sum(), count_if()/count(), sum()/count(f), count(f)/count(); a row
# lacking graduates is left out of v only; C has den 0: v and s empty.
$ luong-rates -g district --rate 'v=sum(vocational)/sum(graduates)' --rate 'p=count_if(has_programme)/count()' --rate 's=sum(score)/count(score)' --rate 'n=count(graduates)/count()' data/small.tsv
> district	v_num	v_den	v	p_num	p_den	p	s_num	s_den	s	n_num	n_den	n
> A	9	21	42.86	2	3	66.67	0.6	4	15.00	3	4	75.00
> B	2	11	18.18	1	2	50.00	1.325	2	66.25	2	2	100.00
> C	0	0		1	1	100.00	0	0		1	1	100.00
! luong-rates: 7 rows read, 3 groups, 3 rows written
! luong-rates: v: 1 row left out: a value it needs is missing
! luong-rates: p: 1 row left out: a value it needs is missing
! luong-rates: s: 1 row left out: a value it needs is missing

# Several group fields, first appearance of each combination.
$ luong-rates -g level,district --rate 'v = sum( vocational ) / sum( graduates )' data/small.tsv
> level	district	v_num	v_den	v
> THCS	A	4	16	25.00
> THCS	B	1	8	12.50
> THPT	A	5	5	100.00
> THCS	C	0	0	
> THPT	B	1	3	33.33
! luong-rates: 7 rows read, 5 groups, 5 rows written
! luong-rates: v: 1 row left out: a value it needs is missing

# count_if(f=a|b): membership; a row without f is left out.
$ luong-rates -g level --rate 'ab=count_if(district=A|B)/count()' --rate 'c=count_if(district = C)/count(district)' data/small.tsv
> level	ab_num	ab_den	ab	c_num	c_den	c
> THCS	4	5	80.00	1	5	20.00
> THPT	2	2	100.00	0	2	0.00
! luong-rates: 7 rows read, 2 groups, 2 rows written

# Exact decimals: 0.1 + 0.2 is 0.3, not 0.30000000000000004.
$ luong-rates -g g --rate 'r=sum(x)/count()'
< g	x
< 1	0.1
< 1	0.2
> g	r_num	r_den	r
> 1	0.3	2	15.00
! luong-rates: 2 rows read, 1 group, 1 row written

# Rounding: half away from zero, both signs (1/800 is 0.125 %).
$ luong-rates -g g --rate 'r=sum(x)/sum(y)'
< g	x	y
< a	1	800
< b	-1	800
< c	2	3
< d	1	8
< e	-0.05	-40
> g	r_num	r_den	r
> a	1	800	0.13
> b	-1	800	-0.13
> c	2	3	66.67
> d	1	8	12.50
> e	-0.05	-40	0.13
! luong-rates: 5 rows read, 5 groups, 5 rows written

# Every value is missing in one group: 0/0 gives an empty rate.
$ luong-rates -g g --rate 'r=sum(x)/count()'
< g	x
< a	
< a	
< b	1
> g	r_num	r_den	r
> a	0	0	
> b	1	1	100.00
! luong-rates: 3 rows read, 2 groups, 2 rows written
! luong-rates: r: 2 rows left out: a value it needs is missing

# An empty group value is a group like any other.
$ luong-rates -g g --rate 'r=count()/count()'
< g	x
< 	1
< a	1
< 	2
> g	r_num	r_den	r
> 	2	2	100.00
> a	1	1	100.00
! luong-rates: 3 rows read, 2 groups, 2 rows written

# Group values with escapes are written back as they came.
$ luong-rates -g g --rate 'r=count()/count()'
< g	x
< a\tb	1
< a\\b	1
< a\tb	1
> g	r_num	r_den	r
> a\tb	2	2	100.00
> a\\b	1	1	100.00
! luong-rates: 3 rows read, 2 groups, 2 rows written

# No rows: the header alone.
$ luong-rates -g g --rate 'r=count()/count()'
< g	x
> g	r_num	r_den	r
! luong-rates: 0 rows read, 0 groups, 0 rows written

# Several files and gzip; the summary counts rows of all of them.
$ gzip -c data/small.tsv >"$T/small.gz"; luong-rates -g level --rate 'v=sum(vocational)/sum(graduates)' data/small.tsv "$T/small.gz" - <data/small.tsv
> level	v_num	v_den	v
> THCS	15	72	20.83
> THPT	18	24	75.00
! luong-rates: 21 rows read, 2 groups, 2 rows written
! luong-rates: v: 3 rows left out: a value it needs is missing

# --strict: a missing value fails the run, with file and line.
$ luong-rates --strict -g district --rate 'v=sum(vocational)/sum(graduates)' data/small.tsv
! luong-rates: data/small.tsv:4: v: field "graduates" is missing (--strict)
? 1

$ luong-rates --strict -g district --rate 'n=count(graduates)/count()' data/small.tsv
> district	n_num	n_den	n
> A	3	4	75.00
> B	2	2	100.00
> C	1	1	100.00
! luong-rates: 7 rows read, 3 groups, 3 rows written

# A value that is not a number (sum) or not 1/0 (count_if(f)): exit 1.
$ luong-rates -g g --rate 'r=sum(x)/count()'
< g	x
< a	1
< a	12a
! luong-rates: <stdin>:3: r: field "x": "12a" is not a number
? 1

$ luong-rates -g g --rate 'r=sum(x)/count()'
< g	x
< a	27,92
! luong-rates: <stdin>:2: r: field "x": "27,92" is not a number
? 1

$ luong-rates -g g --rate 'r=count_if(x)/count()'
< g	x
< a	1
< a	yes
! luong-rates: <stdin>:3: r: field "x": "yes" is not 1 or 0
? 1

$ luong-rates -g g --rate 'r=sum(x)/count()'
< g	x
< a	1234567890123456789012345678901234567890
! luong-rates: <stdin>:2: r: field "x": "1234567890123456789012345678901234567890" has too many digits
? 1

# A sum that overflows 128 bits is an error, never a wrong number.
$ luong-rates -g g --rate 'r=sum(x)/count()'
< g	x
< a	170141183460469231731687303715884105727
< a	1
! luong-rates: <stdin>:3: r: the sum overflows
? 1

# Sums that fit but are too large to divide exactly are found when the
# rows are written: reported at the last row of the group, in its file,
# whether or not -l skipped the rows before it.
$ cd "$T" && printf 'g\tx\na\t1\n' >one.tsv && printf 'g\tx\nb\t2\na\t1701411834604692317316873037158841057\nb\t3\n' >two.tsv && luong-rates -g g --rate 'r=sum(x)/count()' one.tsv two.tsv
! luong-rates: two.tsv:3: r: the sums of this row's group are too large to divide exactly
? 1

$ cd "$T" && printf 'indicators:\n  - name: r\n    student:\n      THCS: sum(x) / count()\n' >i.yaml && printf 'g\tlevel\tx\na\tTHCS\t1\n' >one.tsv && printf 'g\tlevel\tx\nb\tTHPT\t2\na\tTHCS\t1701411834604692317316873037158841057\n' >two.tsv && luong-rates -g g -i i.yaml -l THCS one.tsv two.tsv
! luong-rates: two.tsv:3: r: the sums of this row's group are too large to divide exactly
? 1

# A total that overflows, at the last row of the group whose sums made it
# overflow; a total too large to divide, at the last row of its first
# group.
$ printf 'g\th\tx\na\tp\t170141183460469231731687303715884105727\nb\tp\t1\na\tq\t1\n' | luong-rates -g g,h --rate 'r=count()/sum(x)' --total g=ALL
! luong-rates: <stdin>:3: r: the total this row's group goes into overflows
? 1

$ printf 'g\th\tx\na\tp\t10000000000000000000000000000000000\nb\tp\t10000000000000000000000000000000000\n' | luong-rates -g g,h --rate 'r=sum(x)/count()' --total g=ALL
! luong-rates: <stdin>:2: r: the sums of the total this row's group goes into are too large to divide exactly
? 1

# In a merge, the place is the partial row's.
$ printf 'g\t_rows\tr_num\tr_den\tr_miss\na\t1\t1701411834604692317316873037158841057\t1\t0\nb\t1\t1\t1\t0\n' | luong-rates -g g --rate 'r=sum(x)/count()' --merge
! luong-rates: <stdin>:2: r: the sums of this row's group are too large to divide exactly
? 1

# A full disk is not silent.
$ luong-rates -g district --rate 'v=sum(vocational)/sum(graduates)' data/small.tsv >/dev/full
! luong-rates: <stdout>: write error: No space left on device
? 1

# 400 times a spreadsheet's 27.919999999999998 (15 places): exact in 128
# bits, where 64 would have overflowed at 15 places.
$ awk 'BEGIN { print "g\tx"; for (i = 0; i < 400; i++) print "a\t27.919999999999998" }' | luong-rates -g g --rate 'r=sum(x)/count()'
> g	r_num	r_den	r
> a	11167.9999999999992	400	2792.00
! luong-rates: 400 rows read, 1 group, 1 row written

# A tiny decimal over a large whole number: both fit, and so does the rate.
$ printf 'g\tx\ty\na\t0.000000001\t10000000000\n' | luong-rates -g g --rate 'r=sum(x)/sum(y)'
> g	r_num	r_den	r
> a	0.000000001	10000000000	0.00
! luong-rates: 1 row read, 1 group, 1 row written
