# luong-rates: usage, unknown fields, bad expressions (exit 2, with where).

$ luong-rates --help
> usage: luong-rates -g field[,field ...] -i indicators.yaml [-l level]
>                    [--coverage name] [--merge | --partial]
>                    [--order [field=]gazetteer.yaml] [--strict]
>                    [--total field=value[,field=value ...]] [file ...]
>        luong-rates -g field[,field ...] --rate name=NUM/DEN ...
>                    [--coverage name] [--merge | --partial]
>                    [--order [field=]gazetteer.yaml] [--strict]
>                    [--total field=value[,field=value ...]] [file ...]

$ luong-rates -x
! luong-rates: unknown option -x
! usage: luong-rates -g field[,field ...] -i indicators.yaml [-l level]
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
!        luong-rates -g field[,field ...] --rate name=NUM/DEN ...
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
? 2

$ luong-rates --rate 'r=count()/count()' data/small.tsv
! luong-rates: -g is required
! usage: luong-rates -g field[,field ...] -i indicators.yaml [-l level]
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
!        luong-rates -g field[,field ...] --rate name=NUM/DEN ...
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
? 2

$ luong-rates -g district data/small.tsv
! luong-rates: -i or --rate is required
! usage: luong-rates -g field[,field ...] -i indicators.yaml [-l level]
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
!        luong-rates -g field[,field ...] --rate name=NUM/DEN ...
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
? 2

$ luong-rates -g district -i ../../../config/indicators.yaml --rate 'r=count()/count()' data/small.tsv
! luong-rates: -i and --rate exclude each other
! usage: luong-rates -g field[,field ...] -i indicators.yaml [-l level]
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
!        luong-rates -g field[,field ...] --rate name=NUM/DEN ...
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
? 2

$ luong-rates -g district -l THCS --rate 'r=count()/count()' data/small.tsv
! luong-rates: -l needs -i
! usage: luong-rates -g field[,field ...] -i indicators.yaml [-l level]
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
!        luong-rates -g field[,field ...] --rate name=NUM/DEN ...
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
? 2

$ luong-rates -g district,,level --rate 'r=count()/count()' data/small.tsv
! luong-rates: -g: empty item in "district,,level"
? 2

$ luong-rates -g district,district --rate 'r=count()/count()' data/small.tsv
! luong-rates: -g: field "district" named twice
! usage: luong-rates -g field[,field ...] -i indicators.yaml [-l level]
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
!        luong-rates -g field[,field ...] --rate name=NUM/DEN ...
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
? 2

$ luong-rates -g district --rate 'r=count()/count()' --partial --merge data/small.tsv
! luong-rates: --partial and --merge exclude each other
! usage: luong-rates -g field[,field ...] -i indicators.yaml [-l level]
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
!        luong-rates -g field[,field ...] --rate name=NUM/DEN ...
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
? 2

$ luong-rates -g district --rate 'r=count()/count()' --partial --total district=X data/small.tsv
! luong-rates: --partial writes raw sums: --total and --order belong to the final run
! usage: luong-rates -g field[,field ...] -i indicators.yaml [-l level]
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
!        luong-rates -g field[,field ...] --rate name=NUM/DEN ...
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
? 2

$ luong-rates -g district --rate 'r=count()/count()' --partial --order data/districts.yaml data/small.tsv
! luong-rates: --partial writes raw sums: --total and --order belong to the final run
! usage: luong-rates -g field[,field ...] -i indicators.yaml [-l level]
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
!        luong-rates -g field[,field ...] --rate name=NUM/DEN ...
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
? 2

$ luong-rates -g district --rate 'r=count()/count()' --total level=X data/small.tsv
! luong-rates: --total: "level" is not a -g field
! usage: luong-rates -g field[,field ...] -i indicators.yaml [-l level]
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
!        luong-rates -g field[,field ...] --rate name=NUM/DEN ...
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
? 2

$ luong-rates -g district --rate 'r=count()/count()' --total district data/small.tsv
! luong-rates: --total: expected field=value, not "district"
? 2

$ luong-rates -g district --rate 'r=count()/count()' --total district=X,district=Y data/small.tsv
! luong-rates: --total: field "district" named twice
! usage: luong-rates -g field[,field ...] -i indicators.yaml [-l level]
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
!        luong-rates -g field[,field ...] --rate name=NUM/DEN ...
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
? 2

$ luong-rates -g level --rate 'r=count()/count()' --order data/districts.yaml data/small.tsv
! luong-rates: --order: neither "district" nor "district_code" is a -g field
! usage: luong-rates -g field[,field ...] -i indicators.yaml [-l level]
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
!        luong-rates -g field[,field ...] --rate name=NUM/DEN ...
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
? 2

$ luong-rates -g level --rate 'r=count()/count()' --order school=data/districts.yaml data/small.tsv
! luong-rates: --order: neither "school" nor "school_code" is a -g field
! usage: luong-rates -g field[,field ...] -i indicators.yaml [-l level]
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
!        luong-rates -g field[,field ...] --rate name=NUM/DEN ...
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
? 2

# A missing input fails before any output.
$ luong-rates -g district --rate 'r=count()/count()' data/small.tsv data/nonexistent.tsv
! luong-rates: data/nonexistent.tsv: cannot open: No such file or directory
? 2

$ luong-rates -g district --rate 'r=count()/count()' --order data/nonexistent.yaml data/small.tsv
! luong-rates: data/nonexistent.yaml: cannot open: No such file or directory
? 2

# Unknown fields: -g names the header's line, --rate the option's column.
$ luong-rates -g county --rate 'r=count()/count()' data/small.tsv
! luong-rates: data/small.tsv:1: -g: no field "county" in the header
? 2

$ luong-rates -g district --rate 'r=count()/count()' --rate 'v=sum(vocational)/sum(graduate)' data/small.tsv
! luong-rates: --rate:2:23: v: no field "graduate" in data/small.tsv
? 2

$ luong-rates -g district --rate 'tyle=count_if(Tỉnh=x)/count()' data/small.tsv
! luong-rates: --rate:1:15: tyle: no field "Tỉnh" in data/small.tsv
? 2

$ luong-rates -g district --rate 'tỷ_lệ=count_if(district=x)/count()' data/small.tsv
! luong-rates: --rate:1:2: expected "=" after the indicator name, found a non-ASCII character
? 2

# Bad expressions: --rate:N:COL, N the N-th --rate, COL in characters.
$ luong-rates -g district --rate 'r=avg(graduates)/count()' data/small.tsv
! luong-rates: --rate:1:3: unknown function "avg": expected sum, count or count_if
? 2

$ luong-rates -g district --rate 'r=count()/count()' --rate 'r2=sum(graduates)' data/small.tsv
! luong-rates: --rate:2:18: expected "/" between numerator and denominator, found the end
? 2

$ luong-rates -g district --rate 'r=count_if(district=Đức Hòa|)/count()' data/small.tsv
! luong-rates: --rate:1:29: empty value in count_if()
? 2

$ luong-rates -g district --rate 'r=sum(graduates/count()' data/small.tsv
! luong-rates: --rate:1:16: expected ")", found "/"
? 2

$ luong-rates -g district --rate 'count()/count()' data/small.tsv
! luong-rates: --rate:1:6: expected "=" after the indicator name, found "("
? 2

$ luong-rates -g district --rate 'r=count()/count() + 1' data/small.tsv
! luong-rates: --rate:1:19: unexpected "+" after the denominator
? 2

# Output names must be unique.
$ luong-rates -g district --rate 'r=count()/count()' --rate 'r=sum(graduates)/count()' data/small.tsv
! luong-rates: --rate:2:1: output field "r_num" would appear twice (rename the indicator or the group field)
? 2

$ luong-rates -g r_num --rate 'r=count()/count()' data/small.tsv
! luong-rates: --rate:1:1: output field "r_num" would appear twice (rename the indicator or the group field)
? 2

$ luong-rates -g district --rate 'district=count()/count()' data/small.tsv
! luong-rates: --rate:1:1: output field "district" would appear twice (rename the indicator or the group field)
? 2

# A header without the group field in a later file.
$ printf 'x\n1\n' >"$T/x.tsv"; cp data/small.tsv "$T"; cd "$T" && luong-rates -g district --rate 'r=count()/count()' small.tsv x.tsv
! luong-rates: x.tsv:1: header has 1 fields, small.tsv has 6
? 2

# Field names from the command line are NFC too: -g typed in NFD names
# the stream's NFC field.
$ printf 'huyện\tx\nA\t1\n' | luong-rates -g "$(printf 'huye\314\243\314\202n')" --rate 'r=sum(x)/count()'
> huyện	r_num	r_den	r
> A	1	1	100.00
! luong-rates: 1 row read, 1 group, 1 row written

# -g given twice: the lists add up.
$ luong-rates -g level -g district --rate 'n=count()/count()' data/small.tsv
> level	district	n_num	n_den	n
> THCS	A	3	3	100.00
> THCS	B	1	1	100.00
> THPT	A	1	1	100.00
> THCS	C	1	1	100.00
> THPT	B	1	1	100.00
! luong-rates: 7 rows read, 5 groups, 5 rows written

$ luong-rates --bogus
! luong-rates: unknown option --bogus
! usage: luong-rates -g field[,field ...] -i indicators.yaml [-l level]
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
!        luong-rates -g field[,field ...] --rate name=NUM/DEN ...
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
? 2

$ luong-rates -g district --rate
! luong-rates: option --rate requires an argument
! usage: luong-rates -g field[,field ...] -i indicators.yaml [-l level]
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
!        luong-rates -g field[,field ...] --rate name=NUM/DEN ...
!                    [--coverage name] [--merge | --partial]
!                    [--order [field=]gazetteer.yaml] [--strict]
!                    [--total field=value[,field=value ...]] [file ...]
? 2

# --help's write is checked.
$ luong-rates --help >/dev/full
! luong-rates: <stdout>: write error: No space left on device
? 1
