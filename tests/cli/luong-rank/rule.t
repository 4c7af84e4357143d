# met_count, the rule in the stream (rank_rule) and --keep-order.

# met_count: the indicators met.  Empty when one could not be scored: no
# value (A, not ranked) or no target (B, ranked, its empty key last); the
# total row is counted too.
$ luong-rank -b met_count --total district=Tổng
< district	district_code	counsellor	counsellor_target	vocational	vocational_target
< C	3	100	100	30	29
< A	1		100	30	29
< B	2	100		30	29
< D	4	50	100	30	29
< Tổng	80	90	100	30	29
> district	district_code	counsellor	counsellor_target	counsellor_gap	counsellor_met	vocational	vocational_target	vocational_gap	vocational_met	met_count	rank	rank_rule
> C	3	100	100	0.00	1	30	29	1.00	1	2	1	met_count:desc
> D	4	50	100	-50.00	0	30	29	1.00	1	1	2	met_count:desc
> B	2	100				30	29	1.00	1		3	met_count:desc
> A	1		100			30	29	1.00	1			met_count:desc
> Tổng	80	90	100	-10.00	0	30	29	1.00	1	1		met_count:desc
! luong-rank: 5 rows read, 5 written, 3 ranked by met_count:desc, ties: competition (1-2-2-4)
! luong-rank: 1 row not ranked: an indicator's value is empty

# The targets met first, then the vocational gap: E misses the counsellor
# target with the best vocational gap and ranks below F and G, which meet
# both.  By the gap alone it would be first.
$ printf 'district\tdistrict_code\tcounsellor\tcounsellor_target\tvocational\tvocational_target\nE\t5\t80\t100\t40\t30\nF\t6\t100\t100\t31\t30\nG\t7\t100\t100\t30.5\t30\n' >"$T/in" && luong-rank -b met_count -b vocational_gap "$T/in" | cut -f 1,9,11-
$ luong-rank "$T/in" | cut -f 1,9,11-
> district	vocational_gap	met_count	rank	rank_rule
> F	1.00	2	1	met_count:desc,vocational_gap:desc
> G	0.50	2	2	met_count:desc,vocational_gap:desc
> E	10.00	1	3	met_count:desc,vocational_gap:desc
> district	vocational_gap	met_count	rank	rank_rule
> E	10.00	1	1	vocational_gap:desc
> F	1.00	2	2	vocational_gap:desc
> G	0.50	2	3	vocational_gap:desc
! luong-rank: 3 rows read, 3 written, 3 ranked by met_count:desc then vocational_gap:desc, ties: competition (1-2-2-4)
! luong-rank: 3 rows read, 3 written, 3 ranked by vocational_gap:desc, ties: competition (1-2-2-4)

# The rule says each key's direction, as given or by default; a comma list
# and repeated -b are the same rule.  With --rank-column, the rule goes
# into NAME_rule.
$ printf 'district\tscore\tn\nA\t1\t2\nB\t2\t2\n' | luong-rank -b n:asc,score --rank-column place
> district	score	n	place	place_rule
> B	2	2	1	n:asc,score:desc
> A	1	2	2	n:asc,score:desc
! luong-rank: 2 rows read, 2 written, 2 ranked by n:asc then score:desc, ties: competition (1-2-2-4)

# No indicator: no met_count, and -b met_count names no field.
$ printf 'district\tscore\nA\t1\n' | luong-rank -b met_count
! luong-rank: <stdin>:1: -b: no field "met_count"
? 2

# The rank cannot go into a score field.
$ printf 'district\tvocational\tvocational_target\nA\t1\t2\n' | luong-rank --rank-column met_count
! luong-rank: --rank-column: "met_count" is a score field
? 2

# Ranked again, by another rule: met_count, rank and rank_rule keep their
# places and are computed afresh, never added twice.
$ printf 'district\tdistrict_code\tcounsellor\tcounsellor_target\tvocational\tvocational_target\nE\t5\t80\t100\t40\t30\nF\t6\t100\t100\t31\t30\nG\t7\t100\t100\t30.5\t30\n' | luong-rank 2>/dev/null | luong-rank -b met_count -b vocational_gap | cut -f 1,9,11-
> district	vocational_gap	met_count	rank	rank_rule
> F	1.00	2	1	met_count:desc,vocational_gap:desc
> G	0.50	2	2	met_count:desc,vocational_gap:desc
> E	10.00	1	3	met_count:desc,vocational_gap:desc
! luong-rank: 3 rows read, 3 written, 3 ranked by met_count:desc then vocational_gap:desc, ties: competition (1-2-2-4)

# A met_count in the input is recomputed in place.
$ printf 'met_count\tdistrict\tvocational\tvocational_target\n9\tA\t1\t2\n' | luong-rank
> met_count	district	vocational	vocational_target	vocational_gap	vocational_met	rank	rank_rule
> 0	A	1	2	-1.00	0	1	vocational_gap:desc
! luong-rank: 1 row read, 1 written, 1 ranked by vocational_gap:desc, ties: competition (1-2-2-4)

# --keep-order: the rows as they came (here the gazetteer's order, as
# luong-rates --order writes them), ranked as in rank order: the same
# rows and ranks, sorted, whichever order they are written in.
$ cd "$T" && luong-rank -p level --total 'district=Tổng cộng' --keep-order "$TOP/tests/cli/luong-rank/data/long-an-2023.tsv" 2>/dev/null >kept && cut -f 1,2,23 kept | sed -n '1,4p;16,18p'
$ cd "$T" && luong-rank -p level --total 'district=Tổng cộng' "$TOP/tests/cli/luong-rank/data/long-an-2023.tsv" 2>/dev/null >ranked && cut -f 1-3 "$TOP/tests/cli/luong-rank/data/long-an-2023.tsv" >in3 && cut -f 1-3 kept | cmp - in3 && sort kept >a && sort ranked >b && cmp a b && echo same rows and ranks
> level	district	rank
> THCS	Tân An	7
> THCS	Châu Thành	3
> THCS	Tân Trụ	7
> THCS	Tân Hưng	13
> THCS	Tổng cộng	
> THPT	Tân An	3
> same rows and ranks
