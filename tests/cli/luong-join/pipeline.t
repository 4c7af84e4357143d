# The plan's report on the samples: the school rows as ingest and
# normalise give them (../luong-rates/data/schools.tsv) → rates by level
# and district with the province total → join with the shipped targets.

# Every row matched on both sides (--strict), 15 districts and the total
# per level, all three indicators and their targets filled in.
$ luong-rates -g level,district,district_code -i $TOP/config/indicators.yaml --total 'district=Tổng cộng,district_code=80' ../luong-rates/data/schools.tsv 2>/dev/null | luong-join --strict -t $TOP/config/long-an/targets-2023.tsv -k level,district_code,district >"$T/report"; echo "status $?"; awk -F'\t' 'NR > 1 { n[$1]++; if ($2 == "Tổng cộng") t[$1]++; for (i = 1; i <= NF; i++) if ($i == "") e++ } END { for (l in n) print l, n[l] - t[l], "districts", t[l] + 0, "total"; print e + 0, "empty fields" }' "$T/report" | sort
> status 0
> 0 empty fields
> THCS 15 districts 1 total
> THPT 15 districts 1 total
! luong-join: stream: 32 rows read, 32 matched, 0 unmatched; table: 32 rows, 32 matched, 0 unmatched; 32 rows written

$ luong-rates -g level,district,district_code -i $TOP/config/indicators.yaml --total 'district=Tổng cộng,district_code=80' ../luong-rates/data/schools.tsv 2>/dev/null | luong-join -t $TOP/config/long-an/targets-2023.tsv -k level,district_code,district 2>/dev/null | cut -f 1,2,6,9,12-15
> level	district	programme	counsellor	vocational	programme_target	counsellor_target	vocational_target
> THCS	Kiến Tường	100.00	100.00	29.70	100	100	29.81
> THCS	Tân Hưng	100.00	75.00	25.10	100	100	29.09
> THCS	Vĩnh Hưng	100.00	100.00	22.26	100	100	17.47
> THCS	Mộc Hóa	100.00	66.67	28.81	100	100	28.16
> THCS	Tân Thạnh	100.00	100.00	35.22	100	100	32.86
> THCS	Đức Hòa	85.71	100.00	34.96	100	100	37.87
> THCS	Bến Lức	100.00	100.00	33.33	100	100	32.01
> THCS	Cần Đước	100.00	100.00	10.81	100	100	10.01
> THCS	Cần Giuộc	83.33	83.33	19.95	100	100	27.03
> THCS	Tân An	100.00	100.00	37.85	100	100	35.09
> THCS	Châu Thành	100.00	80.00	30.79	100	100	32.98
> THCS	Tân Trụ	100.00	100.00	32.62	100	100	27.50
> THCS	Thủ Thừa	100.00	100.00	16.00	100	100	20.00
> THCS	Đức Huệ	100.00	100.00	27.29	100	100	27.04
> THCS	Thạnh Hóa	75.00	100.00	22.38	100	100	23.20
> THPT	Kiến Tường	100.00	100.00	41.56	100	100	43.04
> THPT	Tân Hưng	100.00	66.67	42.46	100	100	43.71
> THPT	Vĩnh Hưng	100.00	100.00	37.52	100	100	40.37
> THPT	Mộc Hóa	100.00	100.00	42.12	100	100	42.86
> THPT	Tân Thạnh	100.00	100.00	61.15	100	100	65.12
> THPT	Thạnh Hóa	100.00	100.00	23.75	100	100	22.86
> THPT	Đức Hòa	100.00	100.00	44.26	100	100	43.60
> THPT	Bến Lức	100.00	100.00	42.42	100	100	45.05
> THPT	Cần Đước	100.00	100.00	47.99	100	100	45.04
> THPT	Cần Giuộc	66.67	100.00	27.97	100	100	29.00
> THPT	Đức Huệ	66.67	100.00	38.54	100	100	41.22
> THPT	Tân An	100.00	100.00	40.49	100	100	44.17
> THPT	Châu Thành	100.00	100.00	44.77	100	100	42.94
> THPT	Tân Trụ	100.00	100.00	36.66	100	100	43.07
> THPT	Thủ Thừa	100.00	66.67	28.77	100	100	25.55
> THCS	Tổng cộng	95.83	94.44	28.19	100	100	27.92
> THPT	Tổng cộng	95.74	95.74	40.19	100	100	40.22
