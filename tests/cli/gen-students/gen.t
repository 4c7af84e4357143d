# gen-students: the same seed gives the same bytes; a BOM and CRLF.
$ gen-students -n 200 -s 42 | cksum >"$T/a"; gen-students -n 200 -s 42 | cksum >"$T/b"; cmp "$T/a" "$T/b" && echo same
> same

$ gen-students -n 200 -s 1 | cksum >"$T/a"; gen-students -n 200 -s 2 | cksum >"$T/b"; cmp -s "$T/a" "$T/b" || echo differ
> differ

$ gen-students -n 2 -s 3 | head -c 3 | od -An -tx1
>  ef bb bf

$ gen-students -n 5 -s 3 | tr -cd '\r' | wc -c
> 6

$ gen-students -n 1000 -s 5 -l THPT | tail -n +2 | cut -d, -f6 | sort -u
> THPT

$ gen-students -x
! gen-students: unknown option -x
! usage: gen-students [-l THCS|THPT|both] [-n rows] [-s seed] [-y year]
? 2

$ gen-students -l THCX
! usage: gen-students [-l THCS|THPT|both] [-n rows] [-s seed] [-y year]
? 2

$ gen-students extra
! usage: gen-students [-l THCS|THPT|both] [-n rows] [-s seed] [-y year]
? 2

# The bundled student sample is exactly what its README says made it.
$ gen-students -n 4000 -s 2023 | cksum >"$T/a"; gzip -dc "$TOP/samples/students/long-an-2022-2023.csv.gz" | cksum >"$T/b"; cmp "$T/a" "$T/b" && echo same
> same
