# luong-rank: total rows and partitions on a stream as luong-join writes it
# (both levels, 15 districts and the province total each).  Kiến Tường
# THCS has no vocational rate: it is not ranked, and comes after the
# ranked districts of its level, before the total.
$ luong-rank -p level --total 'district=Tổng cộng' data/long-an-2023.tsv
> level	district	district_code	programme_num	programme_den	programme	programme_target	programme_gap	programme_met	counsellor_num	counsellor_den	counsellor	counsellor_target	counsellor_gap	counsellor_met	vocational_num	vocational_den	vocational	vocational_target	vocational_gap	vocational_met	met_count	rank	rank_rule
> THCS	Cần Đước	806	4	4	100.00	100	0.00	1	3	4	75.00	100	-25.00	0	186	1614	11.52	10.01	1.51	1	2	1	vocational_gap:desc
> THCS	Vĩnh Hưng	797	5	5	100.00	100	0.00	1	3	5	60.00	100	-40.00	0	407	2187	18.61	17.47	1.14	1	2	2	vocational_gap:desc
> THCS	Châu Thành	808	16	16	100.00	100	0.00	1	14	16	87.50	100	-12.50	0	427	1270	33.62	32.98	0.64	1	2	3	vocational_gap:desc
> THCS	Mộc Hóa	798	13	14	92.86	100	-7.14	0	13	14	92.86	100	-7.14	0	620	2173	28.53	28.16	0.37	1	1	4	vocational_gap:desc
> THCS	Thạnh Hóa	800	20	20	100.00	100	0.00	1	20	20	100.00	100	0.00	1	142	604	23.51	23.20	0.31	1	3	5	vocational_gap:desc
> THCS	Đức Huệ	801	19	19	100.00	100	0.00	1	19	19	100.00	100	0.00	1	541	2000	27.05	27.04	0.01	1	3	6	vocational_gap:desc
> THCS	Tân An	794	7	7	100.00	100	0.00	1	5	7	71.43	100	-28.57	0	712	2029	35.09	35.09	0.00	1	2	7	vocational_gap:desc
> THCS	Tân Trụ	805	12	14	85.71	100	-14.29	0	14	14	100.00	100	0.00	1	330	1200	27.50	27.50	0.00	1	2	7	vocational_gap:desc
> THCS	Thủ Thừa	804	4	4	100.00	100	0.00	1	4	4	100.00	100	0.00	1	190	953	19.94	20.00	-0.06	0	2	9	vocational_gap:desc
> THCS	Đức Hòa	802	17	17	100.00	100	0.00	1	17	17	100.00	100	0.00	1	886	2344	37.80	37.87	-0.07	0	2	10	vocational_gap:desc
> THCS	Tân Thạnh	799	16	17	94.12	100	-5.88	0	17	17	100.00	100	0.00	1	612	1887	32.43	32.86	-0.43	0	1	11	vocational_gap:desc
> THCS	Bến Lức	803	25	25	100.00	100	0.00	1	25	25	100.00	100	0.00	1	629	1993	31.56	32.01	-0.45	0	2	12	vocational_gap:desc
> THCS	Tân Hưng	796	17	17	100.00	100	0.00	1	17	17	100.00	100	0.00	1	376	1323	28.42	29.09	-0.67	0	2	13	vocational_gap:desc
> THCS	Cần Giuộc	807	2	4	50.00	100	-50.00	0	4	4	100.00	100	0.00	1	521	2040	25.54	27.03	-1.49	0	1	14	vocational_gap:desc
> THCS	Kiến Tường	795	12	12	100.00	100	0.00	1	11	12	91.67	100	-8.33	0		0		29.81					vocational_gap:desc
> THCS	Tổng cộng	80	189	195	96.92	100	-3.08	0	186	195	95.38	100	-4.62	0	6579	23617	27.86	27.92	-0.06	0	0		vocational_gap:desc
> THPT	Tân Thạnh	799	4	5	80.00	100	-20.00	0	3	5	60.00	100	-40.00	0	450	678	66.37	65.12	1.25	1	1	1	vocational_gap:desc
> THPT	Vĩnh Hưng	797	0	1	0.00	100	-100.00	0	0	1	0.00	100	-100.00	0	513	1249	41.07	40.37	0.70	1	1	2	vocational_gap:desc
> THPT	Tân An	794	2	2	100.00	100	0.00	1	2	2	100.00	100	0.00	1	705	1576	44.73	44.17	0.56	1	3	3	vocational_gap:desc
> THPT	Châu Thành	808	5	5	100.00	100	0.00	1	5	5	100.00	100	0.00	1	830	1913	43.39	42.94	0.45	1	3	4	vocational_gap:desc
> THPT	Thủ Thừa	804	3	3	100.00	100	0.00	1	3	3	100.00	100	0.00	1	380	1481	25.66	25.55	0.11	1	3	5	vocational_gap:desc
> THPT	Tân Trụ	805	1	1	100.00	100	0.00	1	1	1	100.00	100	0.00	1	1048	2433	43.07	43.07	0.00	1	3	6	vocational_gap:desc
> THPT	Mộc Hóa	798	3	5	60.00	100	-40.00	0	5	5	100.00	100	0.00	1	611	1426	42.85	42.86	-0.01	0	1	7	vocational_gap:desc
> THPT	Cần Đước	806	5	5	100.00	100	0.00	1	5	5	100.00	100	0.00	1	1038	2305	45.03	45.04	-0.01	0	2	7	vocational_gap:desc
> THPT	Thạnh Hóa	800	5	5	100.00	100	0.00	1	5	5	100.00	100	0.00	1	446	1954	22.82	22.86	-0.04	0	2	9	vocational_gap:desc
> THPT	Đức Hòa	802	6	6	100.00	100	0.00	1	6	6	100.00	100	0.00	1	783	1800	43.50	43.60	-0.10	0	2	10	vocational_gap:desc
> THPT	Cần Giuộc	807	3	3	100.00	100	0.00	1	3	3	100.00	100	0.00	1	706	2465	28.64	29.00	-0.36	0	2	11	vocational_gap:desc
> THPT	Kiến Tường	795	6	6	100.00	100	0.00	1	6	6	100.00	100	0.00	1	415	984	42.17	43.04	-0.87	0	2	12	vocational_gap:desc
> THPT	Tân Hưng	796	6	6	100.00	100	0.00	1	4	6	66.67	100	-33.33	0	1043	2457	42.45	43.71	-1.26	0	1	13	vocational_gap:desc
> THPT	Đức Huệ	801	1	1	100.00	100	0.00	1	1	1	100.00	100	0.00	1	623	1586	39.28	41.22	-1.94	0	2	14	vocational_gap:desc
> THPT	Bến Lức	803	0	1	0.00	100	-100.00	0	1	1	100.00	100	0.00	1	470	1111	42.30	45.05	-2.75	0	1	15	vocational_gap:desc
> THPT	Tổng cộng	80	50	55	90.91	100	-9.09	0	50	55	90.91	100	-9.09	0	10061	25418	39.58	40.22	-0.64	0	0		vocational_gap:desc
! luong-rank: 32 rows read, 32 written, 29 ranked by vocational_gap:desc within level, ties: competition (1-2-2-4)
! luong-rank: 1 row not ranked: an indicator's value is empty

# Only the ranks and scores, to read them: THCS then THPT, each ranked from
# 1, its total last with an empty rank.
$ luong-rank -p level --total 'district=Tổng cộng' data/long-an-2023.tsv 2>/dev/null | cut -f 1-3,18-
> level	district	district_code	vocational	vocational_target	vocational_gap	vocational_met	met_count	rank	rank_rule
> THCS	Cần Đước	806	11.52	10.01	1.51	1	2	1	vocational_gap:desc
> THCS	Vĩnh Hưng	797	18.61	17.47	1.14	1	2	2	vocational_gap:desc
> THCS	Châu Thành	808	33.62	32.98	0.64	1	2	3	vocational_gap:desc
> THCS	Mộc Hóa	798	28.53	28.16	0.37	1	1	4	vocational_gap:desc
> THCS	Thạnh Hóa	800	23.51	23.20	0.31	1	3	5	vocational_gap:desc
> THCS	Đức Huệ	801	27.05	27.04	0.01	1	3	6	vocational_gap:desc
> THCS	Tân An	794	35.09	35.09	0.00	1	2	7	vocational_gap:desc
> THCS	Tân Trụ	805	27.50	27.50	0.00	1	2	7	vocational_gap:desc
> THCS	Thủ Thừa	804	19.94	20.00	-0.06	0	2	9	vocational_gap:desc
> THCS	Đức Hòa	802	37.80	37.87	-0.07	0	2	10	vocational_gap:desc
> THCS	Tân Thạnh	799	32.43	32.86	-0.43	0	1	11	vocational_gap:desc
> THCS	Bến Lức	803	31.56	32.01	-0.45	0	2	12	vocational_gap:desc
> THCS	Tân Hưng	796	28.42	29.09	-0.67	0	2	13	vocational_gap:desc
> THCS	Cần Giuộc	807	25.54	27.03	-1.49	0	1	14	vocational_gap:desc
> THCS	Kiến Tường	795		29.81					vocational_gap:desc
> THCS	Tổng cộng	80	27.86	27.92	-0.06	0	0		vocational_gap:desc
> THPT	Tân Thạnh	799	66.37	65.12	1.25	1	1	1	vocational_gap:desc
> THPT	Vĩnh Hưng	797	41.07	40.37	0.70	1	1	2	vocational_gap:desc
> THPT	Tân An	794	44.73	44.17	0.56	1	3	3	vocational_gap:desc
> THPT	Châu Thành	808	43.39	42.94	0.45	1	3	4	vocational_gap:desc
> THPT	Thủ Thừa	804	25.66	25.55	0.11	1	3	5	vocational_gap:desc
> THPT	Tân Trụ	805	43.07	43.07	0.00	1	3	6	vocational_gap:desc
> THPT	Mộc Hóa	798	42.85	42.86	-0.01	0	1	7	vocational_gap:desc
> THPT	Cần Đước	806	45.03	45.04	-0.01	0	2	7	vocational_gap:desc
> THPT	Thạnh Hóa	800	22.82	22.86	-0.04	0	2	9	vocational_gap:desc
> THPT	Đức Hòa	802	43.50	43.60	-0.10	0	2	10	vocational_gap:desc
> THPT	Cần Giuộc	807	28.64	29.00	-0.36	0	2	11	vocational_gap:desc
> THPT	Kiến Tường	795	42.17	43.04	-0.87	0	2	12	vocational_gap:desc
> THPT	Tân Hưng	796	42.45	43.71	-1.26	0	1	13	vocational_gap:desc
> THPT	Đức Huệ	801	39.28	41.22	-1.94	0	2	14	vocational_gap:desc
> THPT	Bến Lức	803	42.30	45.05	-2.75	0	1	15	vocational_gap:desc
> THPT	Tổng cộng	80	39.58	40.22	-0.64	0	0		vocational_gap:desc

# Without -p both levels are ranked together; the totals still come last.
$ luong-rank --total district_code=80 data/long-an-2023.tsv | cut -f 1,2,20,23
> level	district	vocational_gap	rank
> THCS	Cần Đước	1.51	1
> THPT	Tân Thạnh	1.25	2
> THCS	Vĩnh Hưng	1.14	3
> THPT	Vĩnh Hưng	0.70	4
> THCS	Châu Thành	0.64	5
> THPT	Tân An	0.56	6
> THPT	Châu Thành	0.45	7
> THCS	Mộc Hóa	0.37	8
> THCS	Thạnh Hóa	0.31	9
> THPT	Thủ Thừa	0.11	10
> THCS	Đức Huệ	0.01	11
> THCS	Tân An	0.00	12
> THCS	Tân Trụ	0.00	12
> THPT	Tân Trụ	0.00	12
> THPT	Mộc Hóa	-0.01	15
> THPT	Cần Đước	-0.01	15
> THPT	Thạnh Hóa	-0.04	17
> THCS	Thủ Thừa	-0.06	18
> THCS	Đức Hòa	-0.07	19
> THPT	Đức Hòa	-0.10	20
> THPT	Cần Giuộc	-0.36	21
> THCS	Tân Thạnh	-0.43	22
> THCS	Bến Lức	-0.45	23
> THCS	Tân Hưng	-0.67	24
> THPT	Kiến Tường	-0.87	25
> THPT	Tân Hưng	-1.26	26
> THCS	Cần Giuộc	-1.49	27
> THPT	Đức Huệ	-1.94	28
> THPT	Bến Lức	-2.75	29
> THCS	Kiến Tường		
> THCS	Tổng cộng	-0.06	
> THPT	Tổng cộng	-0.64	
! luong-rank: 32 rows read, 32 written, 29 ranked by vocational_gap:desc, ties: competition (1-2-2-4)
! luong-rank: 1 row not ranked: an indicator's value is empty

# The --total value is compared in NFC: typed in NFD it still matches.
$ printf 'district\tvocational\tvocational_target\nT\341\273\225ng c\341\273\231ng\t27.86\t27.92\nA\t30\t29\n' | luong-rank --total "district=$(printf 'To\314\202\314\211ng co\314\243\314\202ng')"
> district	vocational	vocational_target	vocational_gap	vocational_met	met_count	rank	rank_rule
> A	30	29	1.00	1	1	1	vocational_gap:desc
> Tổng cộng	27.86	27.92	-0.06	0	0		vocational_gap:desc
! luong-rank: 2 rows read, 2 written, 1 ranked by vocational_gap:desc, ties: competition (1-2-2-4)

# Several --total: a row matching any is a total.  Totals are scored; a key
# that is not a number in a total row does not matter, it is not ranked.
$ printf 'district\tdistrict_code\tscore\tvocational\tvocational_target\nAll\t80\tn/a\t27.86\t27.92\nA\t794\t1\t30\t29\nSum\t81\t\t\t\nB\t795\t2\t20\t29\n' | luong-rank -b score --total district=All --total district=Sum
> district	district_code	score	vocational	vocational_target	vocational_gap	vocational_met	met_count	rank	rank_rule
> B	795	2	20	29	-9.00	0	0	1	score:desc
> A	794	1	30	29	1.00	1	1	2	score:desc
> All	80	n/a	27.86	27.92	-0.06	0	0		score:desc
> Sum	81								score:desc
! luong-rank: 4 rows read, 4 written, 2 ranked by score:desc, ties: competition (1-2-2-4)

# Only totals: nothing is ranked.
$ printf 'district\tvocational\tvocational_target\nAll\t27.86\t27.92\n' | luong-rank --total district=All
> district	vocational	vocational_target	vocational_gap	vocational_met	met_count	rank	rank_rule
> All	27.86	27.92	-0.06	0	0		vocational_gap:desc
! luong-rank: 1 row read, 1 written, 0 ranked by vocational_gap:desc, ties: competition (1-2-2-4)

# --rank-column names the field; a field of that name in the input keeps its
# place and gets the new ranks.
$ printf 'district\tscore\nA\t1\nB\t2\n' | luong-rank -b score --rank-column hang
> district	score	hang	hang_rule
> B	2	1	score:desc
> A	1	2	score:desc
! luong-rank: 2 rows read, 2 written, 2 ranked by score:desc, ties: competition (1-2-2-4)

$ printf 'rank\tdistrict\tscore\n9\tA\t1\n\tB\t2\n' | luong-rank -b score
> rank	district	score	rank_rule
> 1	B	2	score:desc
> 2	A	1	score:desc
! luong-rank: 2 rows read, 2 written, 2 ranked by score:desc, ties: competition (1-2-2-4)

# Partitions come in the order of their values: numbers (numerically), then
# text, then empty; two -p fields partition by both.
$ printf 'year\tlevel\tdistrict\tscore\n2024\tTHPT\tA\t1\n2023\tTHPT\tA\t2\n2024\tTHCS\tA\t3\n2024\tTHCS\tB\t4\n10\tTHCS\tA\t5\nnone\tTHCS\tA\t6\n\tTHCS\tA\t7\n' | luong-rank -b score -p year -p level
> year	level	district	score	rank	rank_rule
> 10	THCS	A	5	1	score:desc
> 2023	THPT	A	2	1	score:desc
> 2024	THCS	B	4	1	score:desc
> 2024	THCS	A	3	2	score:desc
> 2024	THPT	A	1	1	score:desc
> none	THCS	A	6	1	score:desc
> 	THCS	A	7	1	score:desc
! luong-rank: 7 rows read, 7 written, 7 ranked by score:desc within year and level, ties: competition (1-2-2-4)

# Several files are one stream; gzip is read by its magic bytes.
$ head -17 data/long-an-2023.tsv >"$T/thcs.tsv"; (head -1 data/long-an-2023.tsv; tail -n 16 data/long-an-2023.tsv) | gzip >"$T/thpt.dat"; luong-rank -p level --total district_code=80 "$T/thpt.dat" - <"$T/thcs.tsv" >"$T/a" && luong-rank -p level --total district_code=80 data/long-an-2023.tsv | cmp - "$T/a" && echo same
> same
! luong-rank: 32 rows read, 32 written, 29 ranked by vocational_gap:desc within level, ties: competition (1-2-2-4)
! luong-rank: 1 row not ranked: an indicator's value is empty
! luong-rank: 32 rows read, 32 written, 29 ranked by vocational_gap:desc within level, ties: competition (1-2-2-4)
! luong-rank: 1 row not ranked: an indicator's value is empty
