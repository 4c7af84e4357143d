# luong-run: ${here}, the directory of the pipeline file, so that a
# pipeline names its config and samples from where it is and runs from
# any directory.  A string that begins with ${here}, or with a variable
# whose value does, is cleaned as a path (no "//", no ".", no "dir/..");
# --set values and what is built from them are left as they are.
# Outputs stay relative to the current directory.

# From the directory of the tests: the paths as one would type them.
$ luong-run -q data/here.yaml
> data
> ../../../config/schemas/school-export.yaml
> xdata/../y
> ${here}/..
> data/out/
> data/a.tsv

# From the pipeline's own directory, from beside it, from elsewhere.
$ cd data && luong-run -q here.yaml
> .
> ../../../../config/schemas/school-export.yaml
> x./../y
> ${here}/..
> out/
> a.tsv

$ cd data && luong-run -q ../data/here.yaml
> ../data
> ../../../../config/schemas/school-export.yaml
> x../data/../y
> ${here}/..
> ../data/out/
> ../data/a.tsv

$ cd "$T" && luong-run -q "$TOP/tests/cli/luong-run/data/here.yaml" | sed "s|$TOP|TOP|"
> TOP/tests/cli/luong-run/data
> TOP/config/schemas/school-export.yaml
> xTOP/tests/cli/luong-run/data/../y
> ${here}/..
> TOP/tests/cli/luong-run/data/out/
> TOP/tests/cli/luong-run/data/a.tsv

# The same for --dry-run: the script has the paths as a run has them.
$ luong-run --dry-run data/here.yaml | grep '^{'
> { sh -c 'for a; do echo "$a"; done' sh data ../../../config/schemas/school-export.yaml xdata/../y '${here}/..' data/out/ data/a.tsv || echo 1 >>"$t/failed"; }

# A --set value is the user's, relative to the current directory, and
# taken as it is: never cleaned, nor what is built from it.
$ luong-run -q --set top=./x//y --set data=nowhere//. data/here.yaml
! luong-run: data/here.yaml:7:8: input "nowhere//./a.tsv": cannot open: No such file or directory
? 2

$ cd data && luong-run -q --set top=.. here.yaml | sed -n 2p
> ../config/schemas/school-export.yaml

# Errors name the paths as cleaned: where a pattern looked.
$ cd "$T" && mkdir p && printf 'input: ${here}/../inbox/*.csv\nsteps: [[cat]]\n' >p/x.yaml && luong-run p/x.yaml
! luong-run: p/x.yaml:1:8: input "inbox/*.csv": no file matches (the directory inbox does not exist)
? 2

# here is built in: it cannot be set, in vars or with --set.
$ luong-run --set here=/tmp data/here.yaml
! luong-run: data/here.yaml: --set here: variable "here" is built in (the directory of the pipeline file) and cannot be set
? 2

$ cd "$T" && printf 'vars:\n  here: x\nsteps: [[echo, "${here}"]]\n' >p.yaml && luong-run p.yaml
! luong-run: p.yaml:2:3: variable "here" is built in (the directory of the pipeline file) and cannot be set in vars
? 2

# A pipeline in the current directory is in "."; the directory of one
# named with "//" or ".." is cleaned too.
$ cd "$T" && mkdir sub && printf 'steps: [[echo, "${here}", "${here}/a/../b", "${here}/./c/"]]\n' >p.yaml && luong-run -q p.yaml && luong-run -q ./p.yaml && luong-run -q sub/../p.yaml && luong-run -q "$T//sub/..//p.yaml" | sed "s|$T|T|g"
> . b c/
> . b c/
> . b c/
> T T/b T/c/

# An export read from the pipeline's directory: its _file values, and
# luong-ingest's messages, name it as a path from where the run is.
$ luong-run -q data/source.yaml 2>&1 | grep -v 'rows read'
> [luong-ingest] luong-ingest: ../../../samples/long-an/thpt-2022-2023-tan-an-chau-thanh-tan-tru-thu-thua.tsv:12: column "Số HS học GDNN": 251 is greater than "Số HS tốt nghiệp" (215)
> _file
> ../../../samples/long-an/thpt-2022-2023-tan-an-chau-thanh-tan-tru-thu-thua.tsv

$ cd "$TOP" && luong-run -q tests/cli/luong-run/data/source.yaml 2>/dev/null
> _file
> samples/long-an/thpt-2022-2023-tan-an-chau-thanh-tan-tru-thu-thua.tsv

$ cd "$T" && luong-run -q "$TOP/tests/cli/luong-run/data/source.yaml" 2>/dev/null | sed "s|$TOP|TOP|"
> _file
> TOP/samples/long-an/thpt-2022-2023-tan-an-chau-thanh-tan-tru-thu-thua.tsv

# The bundled pipelines run from any directory; their reports go where
# the run is, as make's do.
$ cd "$T" && luong-run -q "$TOP/pipelines/examples/top-schools.yaml" && luong-run --dry-run "$TOP/pipelines/examples/top-schools.yaml" | grep -c "$TOP/samples/long-an/thpt-"
> 508	THPT Hùng Vương
> 460	THPT Tân An
> 455	THPT Chuyên Long An
> 1

$ cd "$T" && luong-run -q "$TOP/pipelines/long-an-2023-thcs.yaml" 2>/dev/null && ls out/long-an-2023 && cut -f 1 out/long-an-2023/rejects-thcs.tsv | sed "s|$TOP|TOP|" | sort -u
> rejects-thcs.tsv
> thcs.html
> thcs.md
> thcs.pdf
> thcs.tsv
> thcs.xlsx
> TOP/samples/long-an/thcs-2022-2023-dong-thap-muoi.csv
> TOP/samples/long-an/thcs-2022-2023-duc-hoa-ben-luc-can-duoc-can-giuoc.csv
> TOP/samples/long-an/thcs-2022-2023-tan-an-chau-thanh-tan-tru.csv
> TOP/samples/long-an/thcs-2022-2023-thu-thua-duc-hue-thanh-hoa.csv.gz
> _file
