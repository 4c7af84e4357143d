# luong-rank: scoring X_gap and X_met on the values as printed (2 decimals,
# half away from zero, exact): the rounding edges, negative gaps, missing
# values.  Ranked by the default key, vocational_gap:desc: G, without a
# target, ranks last; F, without a value, is not ranked (missing.t).
$ luong-rank data/edge.tsv
> district	district_code	vocational	vocational_target	vocational_gap	vocational_met	met_count	rank	rank_rule
> H	808	27.925	27.92	0.01	1	1	1	vocational_gap:desc
> A	801	27.92	27.92	0.00	1	1	2	vocational_gap:desc
> B	802	27.915	27.92	0.00	1	1	2	vocational_gap:desc
> E	805	100	100	0.00	1	1	2	vocational_gap:desc
> I	809	27.9249999	27.92	0.00	1	1	2	vocational_gap:desc
> J	810	0	0.004	0.00	1	1	2	vocational_gap:desc
> L	812	27.92	27.915	0.00	1	1	2	vocational_gap:desc
> C	803	27.914999	27.92	-0.01	0	0	8	vocational_gap:desc
> K	811	-0.005	0	-0.01	0	0	8	vocational_gap:desc
> M	813	27.91	27.915	-0.01	0	0	8	vocational_gap:desc
> D	804	10.01	27.92	-17.91	0	0	11	vocational_gap:desc
> G	807	27.92					12	vocational_gap:desc
> F	806		27.92					vocational_gap:desc
! luong-rank: 13 rows read, 13 written, 12 ranked by vocational_gap:desc, ties: competition (1-2-2-4)
! luong-rank: 1 row not ranked: an indicator's value is empty

# Several indicators: each X with its X_target is scored, the gap and met
# fields go right after the target; a field without a target is left alone.
$ printf 'district\tdistrict_code\tprogramme\tprogramme_target\tcounsellor\tvocational\tvocational_target\nA\t794\t90.00\t100\t80.00\t30.00\t35.09\nB\t795\t100.00\t100\t50.00\t40.00\t29.81\n' | luong-rank
> district	district_code	programme	programme_target	programme_gap	programme_met	counsellor	vocational	vocational_target	vocational_gap	vocational_met	met_count	rank	rank_rule
> B	795	100.00	100	0.00	1	50.00	40.00	29.81	10.19	1	2	1	vocational_gap:desc
> A	794	90.00	100	-10.00	0	80.00	30.00	35.09	-5.09	0	0	2	vocational_gap:desc
! luong-rank: 2 rows read, 2 written, 2 ranked by vocational_gap:desc, ties: competition (1-2-2-4)

# The target may come first; the score fields still follow it.
$ printf 'vocational_target\tdistrict\tvocational\n35.09\tA\t35.1\n35.09\tB\t35.08\n' | luong-rank
> vocational_target	vocational_gap	vocational_met	district	vocational	met_count	rank	rank_rule
> 35.09	0.01	1	A	35.1	1	1	vocational_gap:desc
> 35.09	-0.01	0	B	35.08	0	2	vocational_gap:desc
! luong-rank: 2 rows read, 2 written, 2 ranked by vocational_gap:desc, ties: competition (1-2-2-4)

# X_gap and X_met already in the input (an earlier run): recomputed in place.
$ printf 'district\tvocational\tvocational_target\tvocational_gap\tvocational_met\nA\t30\t35.09\t99\t1\nB\t40\t29.81\t\t\n' | luong-rank
> district	vocational	vocational_target	vocational_gap	vocational_met	met_count	rank	rank_rule
> B	40	29.81	10.19	1	1	1	vocational_gap:desc
> A	30	35.09	-5.09	0	0	2	vocational_gap:desc
! luong-rank: 2 rows read, 2 written, 2 ranked by vocational_gap:desc, ties: competition (1-2-2-4)

# No indicator at all: ranking by an ordinary field still works.
$ printf 'district\tn\nA\t3\nB\t7\n' | luong-rank -b n
> district	n	rank	rank_rule
> B	7	1	n:desc
> A	3	2	n:desc
! luong-rank: 2 rows read, 2 written, 2 ranked by n:desc, ties: competition (1-2-2-4)

# A value that is not a number in stream form: exit 1 with file and line.
$ printf 'district\tvocational\tvocational_target\nA\t30.00\t35.09\nB\t27,92\t27.92\n' | luong-rank
! luong-rank: <stdin>:3: field "vocational": "27,92" is not a number
? 1

$ luong-rank data/bad-target.tsv
! luong-rank: data/bad-target.tsv:3: field "vocational_target": "35.09%" is not a number
? 1

# A bad value is an error even when its partner is missing.
$ printf 'district\tvocational\tvocational_target\nA\tn/a\t\n' | luong-rank
! luong-rank: <stdin>:2: field "vocational": "n/a" is not a number
? 1

# Out of range for the scaled integers.
$ printf 'district\tvocational\tvocational_target\nA\t100000000000000000000\t1\n' | luong-rank
! luong-rank: <stdin>:2: field "vocational": "100000000000000000000" is out of range
? 1

# A gap that overflows although both values fit.
$ printf 'district\tvocational\tvocational_target\nA\t90000000000000000\t-90000000000000000\n' | luong-rank
! luong-rank: <stdin>:2: field "vocational_gap": the gap is out of range
? 1
