# data/schools.tsv: eleven rows, district names as schools type them.
$ cat data/schools.tsv
> school_id	district	graduates
> 80794201	Thành phố Tân An	300
> 80808201	Châu  Thành	120
> 80802201	H. Đức Hoà	200
> 80800201	Thanh Hóa	90
> 80795201	TX Kiến Tường	100
> 80802202	Duc Hoa	150
> 80803201	Ben Lức	80
> 80000001	Long An	10
> 80804201	804	50
> 80000002	Duc Hao	10
> 80808202	Châu Thành	95

# -c: the column gets the canonical name, district_code follows it.
# Without -r each rejected row is reported on stderr; more rejects than
# -m (default 0) allows: exit 1, after every row has been read.
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district data/schools.tsv
> school_id	district	district_code	graduates
> 80794201	Tân An	794	300
> 80808201	Châu Thành	808	120
> 80802201	Đức Hòa	802	200
> 80800201	Thạnh Hóa	800	90
> 80795201	Kiến Tường	795	100
> 80802202	Đức Hòa	802	150
> 80803201	Bến Lức	803	80
> 80804201	Thủ Thừa	804	50
> 80808202	Châu Thành	808	95
! luong-normalise: data/schools.tsv:9: district "Long An": the province, not one of its units
! luong-normalise: data/schools.tsv:11: district "Duc Hao": no unit matches; nearest: Đức Hòa (802), Đức Huệ (801)
! luong-normalise: 11 rows read, 9 written, 2 rejected; exact 5, alias 1, code 1, ascii 1, folded 1, fuzzy 0, unresolved 2; 11 distinct values
! luong-normalise: 2 rows rejected, more than the 0 that -m allows
? 1

# --code-column names the code column; --match-column adds the match kind
# after it.
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district --code-column ma_huyen --match-column how -m 2 data/schools.tsv
> school_id	district	ma_huyen	how	graduates
> 80794201	Tân An	794	exact	300
> 80808201	Châu Thành	808	exact	120
> 80802201	Đức Hòa	802	exact	200
> 80800201	Thạnh Hóa	800	alias	90
> 80795201	Kiến Tường	795	exact	100
> 80802202	Đức Hòa	802	ascii	150
> 80803201	Bến Lức	803	folded	80
> 80804201	Thủ Thừa	804	code	50
> 80808202	Châu Thành	808	exact	95
! luong-normalise: data/schools.tsv:9: district "Long An": the province, not one of its units
! luong-normalise: data/schools.tsv:11: district "Duc Hao": no unit matches; nearest: Đức Hòa (802), Đức Huệ (801)
! luong-normalise: 11 rows read, 9 written, 2 rejected; exact 5, alias 1, code 1, ascii 1, folded 1, fuzzy 0, unresolved 2; 11 distinct values

# --fuzzy: "Duc Hao" is one edit (a swap) from "Duc Hoa".
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district --match-column how --fuzzy -m 1 data/schools.tsv
> school_id	district	district_code	how	graduates
> 80794201	Tân An	794	exact	300
> 80808201	Châu Thành	808	exact	120
> 80802201	Đức Hòa	802	exact	200
> 80800201	Thạnh Hóa	800	alias	90
> 80795201	Kiến Tường	795	exact	100
> 80802202	Đức Hòa	802	ascii	150
> 80803201	Bến Lức	803	folded	80
> 80804201	Thủ Thừa	804	code	50
> 80000002	Đức Hòa	802	fuzzy	10
> 80808202	Châu Thành	808	exact	95
! luong-normalise: data/schools.tsv:9: district "Long An": the province, not one of its units
! luong-normalise: 11 rows read, 10 written, 1 rejected; exact 5, alias 1, code 1, ascii 1, folded 1, fuzzy 1, unresolved 1; 11 distinct values

# -r: rejected rows go to a record stream with where, why and the nearest
# units; -m 2 allows both.
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district -r "$T/rej.tsv" -m 2 data/schools.tsv >/dev/null; cat "$T/rej.tsv"
> _file	_line	_reason	_candidates	school_id	district	graduates
> data/schools.tsv	9	the province, not one of its units		80000001	Long An	10
> data/schools.tsv	11	no unit matches	Đức Hòa (802), Đức Huệ (801)	80000002	Duc Hao	10
! luong-normalise: 11 rows read, 9 written, 2 rejected; exact 5, alias 1, code 1, ascii 1, folded 1, fuzzy 0, unresolved 2; 11 distinct values

# -m 1: one reject too many, exit 1, but every row is read and written.
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district -r "$T/rej.tsv" -m 1 data/schools.tsv | wc -l; wc -l <"$T/rej.tsv"
> 10
> 3
! luong-normalise: 11 rows read, 9 written, 2 rejected; exact 5, alias 1, code 1, ascii 1, folded 1, fuzzy 0, unresolved 2; 11 distinct values
! luong-normalise: 2 rows rejected, more than the 1 that -m allows

# -m: a large allowance is fine.
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district -r "$T/rej.tsv" -m 99999999999 data/schools.tsv | wc -l
> 10
! luong-normalise: 11 rows read, 9 written, 2 rejected; exact 5, alias 1, code 1, ascii 1, folded 1, fuzzy 0, unresolved 2; 11 distinct values

# The rejects file is written (header only) when nothing is rejected.
$ grep -v '^80000001' data/schools.tsv | luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district -r "$T/rej.tsv" --fuzzy >/dev/null; cat "$T/rej.tsv"
> _file	_line	_reason	_candidates	school_id	district	graduates
! luong-normalise: 10 rows read, 10 written, 0 rejected; exact 5, alias 1, code 1, ascii 1, folded 1, fuzzy 1, unresolved 0; 10 distinct values

# --unknown keep: unresolved rows pass with their value as it was and an
# empty code and match kind.
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district --match-column how --unknown keep data/schools.tsv
> school_id	district	district_code	how	graduates
> 80794201	Tân An	794	exact	300
> 80808201	Châu Thành	808	exact	120
> 80802201	Đức Hòa	802	exact	200
> 80800201	Thạnh Hóa	800	alias	90
> 80795201	Kiến Tường	795	exact	100
> 80802202	Đức Hòa	802	ascii	150
> 80803201	Bến Lức	803	folded	80
> 80000001	Long An			10
> 80804201	Thủ Thừa	804	code	50
> 80000002	Duc Hao			10
> 80808202	Châu Thành	808	exact	95
! luong-normalise: 11 rows read, 11 written, 0 rejected; exact 5, alias 1, code 1, ascii 1, folded 1, fuzzy 0, unresolved 2; 11 distinct values

# Values of one length and the same first, middle and last bytes, one
# after another: each its own resolution (the memo in front of the cache
# takes one for the other, a row at a time).
$ printf 'district\tn\nT\303\242n An\t1\nTxyn An\t2\nT\303\242n An\t3\nTxyn An\t4\nT\303\242n An\t5\n' | luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district --unknown keep
> district	district_code	n
> Tân An	794	1
> Txyn An		2
> Tân An	794	3
> Txyn An		4
> Tân An	794	5
! luong-normalise: 5 rows read, 5 written, 0 rejected; exact 3, alias 0, code 0, ascii 0, folded 0, fuzzy 0, unresolved 2; 2 distinct values

# --unknown fail: the first unresolved row stops the run, exit 1.
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district --unknown fail data/schools.tsv
> school_id	district	district_code	graduates
> 80794201	Tân An	794	300
> 80808201	Châu Thành	808	120
> 80802201	Đức Hòa	802	200
> 80800201	Thạnh Hóa	800	90
> 80795201	Kiến Tường	795	100
> 80802202	Đức Hòa	802	150
> 80803201	Bến Lức	803	80
! luong-normalise: data/schools.tsv:9: district "Long An": the province, not one of its units
? 1

# --unknown reject is the default, said explicitly.
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district --unknown reject -m 2 data/schools.tsv | tail -n 1
> 80808202	Châu Thành	808	95
! luong-normalise: data/schools.tsv:9: district "Long An": the province, not one of its units
! luong-normalise: data/schools.tsv:11: district "Duc Hao": no unit matches; nearest: Đức Hòa (802), Đức Huệ (801)
! luong-normalise: 11 rows read, 9 written, 2 rejected; exact 5, alias 1, code 1, ascii 1, folded 1, fuzzy 0, unresolved 2; 11 distinct values

# Standard input, "-", several files, gzip (by its magic bytes).
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district -m 2 <data/schools.tsv | wc -l
> 10
! luong-normalise: <stdin>:9: district "Long An": the province, not one of its units
! luong-normalise: <stdin>:11: district "Duc Hao": no unit matches; nearest: Đức Hòa (802), Đức Huệ (801)
! luong-normalise: 11 rows read, 9 written, 2 rejected; exact 5, alias 1, code 1, ascii 1, folded 1, fuzzy 0, unresolved 2; 11 distinct values

$ gzip -c data/schools.tsv >"$T/s.bin"; d=$PWD; cd "$T" && luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district -m 4 s.bin - <"$d/data/schools.tsv" | cut -f2,3 | sort | uniq -c | awk '{ print $1, $2, $3, $4 }'
> 2 Bến Lức 803
> 4 Châu Thành 808
> 2 Kiến Tường 795
> 2 Thạnh Hóa 800
> 2 Thủ Thừa 804
> 2 Tân An 794
> 1 district district_code 
> 4 Đức Hòa 802
! luong-normalise: s.bin:9: district "Long An": the province, not one of its units
! luong-normalise: s.bin:11: district "Duc Hao": no unit matches; nearest: Đức Hòa (802), Đức Huệ (801)
! luong-normalise: <stdin>:9: district "Long An": the province, not one of its units
! luong-normalise: <stdin>:11: district "Duc Hao": no unit matches; nearest: Đức Hòa (802), Đức Huệ (801)
! luong-normalise: 22 rows read, 18 written, 4 rejected; exact 10, alias 2, code 2, ascii 2, folded 2, fuzzy 0, unresolved 4; 11 distinct values

# Only the named column changes; TABs, backslashes and newlines inside
# fields are escaped again on output.
$ printf 'note\\tx\tdistrict\tother\na\\tb\tTân\\tAn\tc\\\\d\\ne\n' | luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district
> note\tx	district	district_code	other
> a\tb	Tân An	794	c\\d\ne
! luong-normalise: 1 row read, 1 written, 0 rejected; exact 1, alias 0, code 0, ascii 0, folded 0, fuzzy 0, unresolved 0; 1 distinct value

# Each distinct value is resolved once: 3000 rows, 3 distinct values.
$ awk 'BEGIN { print "district"; for (i = 0; i < 1000; i++) print "Đức Hoà\nTp Tan An\n808" }' | luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district | sort | uniq -c | awk '{ print $1, $2, $3, $4, $5 }'
> 1000 Châu Thành 808 
> 1000 Tân An 794 
> 1 district district_code  
> 1000 Đức Hòa 802 
! luong-normalise: 3000 rows read, 3000 written, 0 rejected; exact 1000, alias 0, code 1000, ascii 1000, folded 0, fuzzy 0, unresolved 0; 3 distinct values

# Provenance from luong-ingest --source: _file and _line of the input are
# the rejects' _file and _line (not repeated).
$ printf '_file\t_line\tdistrict\nx.csv\t7\tLong An\nx.csv\t8\tTân Trụ\n' | luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district -r "$T/rej.tsv" -m 1; cat "$T/rej.tsv"
> _file	_line	district	district_code
> x.csv	8	Tân Trụ	805
> _file	_line	_reason	_candidates	district
> x.csv	7	the province, not one of its units		Long An
! luong-normalise: 2 rows read, 1 written, 1 rejected; exact 1, alias 0, code 0, ascii 0, folded 0, fuzzy 0, unresolved 1; 2 distinct values

# Input fields named like the rejects' own fields (a rejects file fed back
# in) are not repeated in the rejects.
$ printf 'district\t_reason\nLong An\told\n' | luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district -r "$T/rej.tsv" -m 1; cat "$T/rej.tsv"
> district	district_code	_reason
> _file	_line	_reason	_candidates	district
> <stdin>	2	the province, not one of its units		Long An
! luong-normalise: 1 row read, 0 written, 1 rejected; exact 0, alias 0, code 0, ascii 0, folded 0, fuzzy 0, unresolved 1; 1 distinct value

# A value that is not UTF-8 is rejected, not mangled.
$ printf 'district\nM\364c Ho\341\n' | luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district
> district	district_code
! luong-normalise: <stdin>:2: district "M\xF4c Ho\xE1": not valid UTF-8
! luong-normalise: 1 row read, 0 written, 1 rejected; exact 0, alias 0, code 0, ascii 0, folded 0, fuzzy 0, unresolved 1; 1 distinct value
! luong-normalise: 1 row rejected, more than the 0 that -m allows
? 1

# --explain prints every step; exit 0 when the name resolves, 1 when not.
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" --explain 'H. Đức Hoà'
> input      "H. Đức Hoà"
> key        "h. đức hòa"
> prefix     "h." removed
> name       "đức hòa"
> folded     "duc hoa"
> 1 exact    Đức Hòa (802)
> 2 alias    not reached
> 3 code     not reached
> 4 ascii    not reached
> 5 folded   not reached
> 6 fuzzy    not reached
> result     Đức Hòa	802	exact

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" --explain 'Thanh Hóa'
> input      "Thanh Hóa"
> key        "thanh hóa"
> prefix     none
> name       "thanh hóa"
> folded     "thanh hoa"
> 1 exact    no unit is named "thanh hóa"
> 2 alias    Thạnh Hóa (800)
> 3 code     not reached
> 4 ascii    not reached
> 5 folded   not reached
> 6 fuzzy    not reached
> result     Thạnh Hóa	800	alias

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" --explain '  TP.Tan  An'
> input      "  TP.Tan  An"
> key        "tp.tan an"
> prefix     "tp." removed
> name       "tan an"
> folded     "tan an" (the name has no diacritics)
> 1 exact    no unit is named "tan an"
> 2 alias    no unit has the alias "tan an"
> 3 code     not a code
> 4 ascii    Tân An (794)
> 5 folded   not reached
> 6 fuzzy    not reached
> result     Tân An	794	ascii

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" --explain 'Ben Lức'
> input      "Ben Lức"
> key        "ben lức"
> prefix     none
> name       "ben lức"
> folded     "ben luc"
> 1 exact    no unit is named "ben lức"
> 2 alias    no unit has the alias "ben lức"
> 3 code     not a code
> 4 ascii    not tried: the name has diacritics
> 5 folded   Bến Lức (803)
> 6 fuzzy    not reached
> result     Bến Lức	803	folded

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" --explain '0802'
> input      "0802"
> key        "0802"
> prefix     none
> name       "0802"
> folded     "0802" (the name has no diacritics)
> 1 exact    no unit is named "0802"
> 2 alias    no unit has the alias "0802"
> 3 code     Đức Hòa (802)
> 4 ascii    not reached
> 5 folded   not reached
> 6 fuzzy    not reached
> result     Đức Hòa	802	code

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" --explain 'Châu Thành A'
> input      "Châu Thành A"
> key        "châu thành a"
> prefix     none
> name       "châu thành a"
> folded     "chau thanh a"
> 1 exact    no unit is named "châu thành a"
> 2 alias    no unit has the alias "châu thành a"
> 3 code     not a code
> 4 ascii    not tried: the name has diacritics
> 5 folded   no unit folds to "chau thanh a"
> 6 fuzzy    not tried (no --fuzzy)
> result     unresolved: no unit matches
> candidates Châu Thành (808)
? 1

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" --explain 'Duc Hao'
> input      "Duc Hao"
> key        "duc hao"
> prefix     none
> name       "duc hao"
> folded     "duc hao" (the name has no diacritics)
> 1 exact    no unit is named "duc hao"
> 2 alias    no unit has the alias "duc hao"
> 3 code     not a code
> 4 ascii    no unit folds to "duc hao"
> 5 folded   not tried: the name has no diacritics
> 6 fuzzy    not tried (no --fuzzy)
> result     unresolved: no unit matches
> candidates Đức Hòa (802), Đức Huệ (801)
? 1

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" --fuzzy --explain 'Duc Hao'
> input      "Duc Hao"
> key        "duc hao"
> prefix     none
> name       "duc hao"
> folded     "duc hao" (the name has no diacritics)
> 1 exact    no unit is named "duc hao"
> 2 alias    no unit has the alias "duc hao"
> 3 code     not a code
> 4 ascii    no unit folds to "duc hao"
> 5 folded   not tried: the name has no diacritics
> 6 fuzzy    Đức Hòa (802)
> result     Đức Hòa	802	fuzzy

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" --explain 'Huyện'
> input      "Huyện"
> key        "huyện"
> prefix     "huyện" removed
> name       none: only a kind prefix, no name
> 1 exact    not reached
> 2 alias    not reached
> 3 code     not reached
> 4 ascii    not reached
> 5 folded   not reached
> 6 fuzzy    not reached
> result     unresolved: only a kind prefix, no name
? 1

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" --explain ''
> input      ""
> key        ""
> prefix     none
> name       none: empty value
> 1 exact    not reached
> 2 alias    not reached
> 3 code     not reached
> 4 ascii    not reached
> 5 folded   not reached
> 6 fuzzy    not reached
> result     unresolved: empty value
? 1

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" --explain 809
> input      "809"
> key        "809"
> prefix     none
> name       "809"
> folded     "809" (the name has no diacritics)
> 1 exact    no unit is named "809"
> 2 alias    no unit has the alias "809"
> 3 code     unknown code
> 4 ascii    not reached
> 5 folded   not reached
> 6 fuzzy    not reached
> result     unresolved: unknown code
> candidates Châu Thành (808), Cần Giuộc (807), Cần Đước (806)
? 1

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" --explain 80
> input      "80"
> key        "80"
> prefix     none
> name       "80"
> folded     "80" (the name has no diacritics)
> 1 exact    no unit is named "80"
> 2 alias    no unit has the alias "80"
> 3 code     the province's code, not a unit's
> 4 ascii    not reached
> 5 folded   not reached
> 6 fuzzy    not reached
> result     unresolved: the province's code, not a unit's
? 1

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" --explain 'Long An'
> input      "Long An"
> key        "long an"
> prefix     none
> name       "long an"
> folded     "long an" (the name has no diacritics)
> 1 exact    no unit is named "long an"
> 2 alias    no unit has the alias "long an"
> 3 code     not a code
> 4 ascii    no unit folds to "long an"
> 5 folded   not tried: the name has no diacritics
> 6 fuzzy    not tried (no --fuzzy)
> result     unresolved: the province, not one of its units
? 1

# Text given on the command line must be UTF-8, and is taken in NFC, as
# in every program; a value in the data that is not UTF-8 is unresolved.
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" --explain "$(printf 'M\364c')"
! luong-normalise: --explain: not valid UTF-8
? 2

# --help: the synopsis on stdout, exit 0.
$ luong-normalise --help
> usage: luong-normalise -g gazetteer.yaml -c column [--code-column name]
>                        [--match-column name] [--fuzzy] [-r rejects.tsv]
>                        [-m max-rejects] [--unknown reject|keep|fail]
>                        [file ...]
>        luong-normalise -g gazetteer.yaml [--fuzzy] --explain name
