# luong-ingest: options, usage and the errors found before any row is read.

$ luong-ingest --help
> usage: luong-ingest [-s schema.yaml] [-e encoding] [-d delimiter]
>                     [-r rejects.tsv] [-m max-rejects] [--sheet sheet]
>                     [--source] [--where field=value ...]
>                     [--superseded superseded.tsv] [--files files.tsv]
>                     [--max-bad-files n] [--progress | --no-progress]
>                     [file | directory ...]

# --help that cannot be written is an error.
$ luong-ingest --help >/dev/full
! luong-ingest: <stdout>: write error: No space left on device
? 1

$ luong-ingest -x data/plain.csv
! luong-ingest: unknown option -x
! usage: luong-ingest [-s schema.yaml] [-e encoding] [-d delimiter]
!                     [-r rejects.tsv] [-m max-rejects] [--sheet sheet]
!                     [--source] [--where field=value ...]
!                     [--superseded superseded.tsv] [--files files.tsv]
!                     [--max-bad-files n] [--progress | --no-progress]
!                     [file | directory ...]
? 2

$ luong-ingest --sauce data/plain.csv
! luong-ingest: unknown option --sauce
! usage: luong-ingest [-s schema.yaml] [-e encoding] [-d delimiter]
!                     [-r rejects.tsv] [-m max-rejects] [--sheet sheet]
!                     [--source] [--where field=value ...]
!                     [--superseded superseded.tsv] [--files files.tsv]
!                     [--max-bad-files n] [--progress | --no-progress]
!                     [file | directory ...]
? 2

$ luong-ingest -s
! luong-ingest: option -s requires an argument
! usage: luong-ingest [-s schema.yaml] [-e encoding] [-d delimiter]
!                     [-r rejects.tsv] [-m max-rejects] [--sheet sheet]
!                     [--source] [--where field=value ...]
!                     [--superseded superseded.tsv] [--files files.tsv]
!                     [--max-bad-files n] [--progress | --no-progress]
!                     [file | directory ...]
? 2

# -e: the four encodings or auto, any case; anything else is a usage error.
$ luong-ingest -e latin1 data/plain.csv
! luong-ingest: -e: unknown encoding "latin1" (utf-8, cp1258, tcvn3, viscii, auto)
? 2

$ luong-ingest -e UTF-8 data/plain.csv
> id	name	n
> 1	An	3
> 2	Bình	4
! luong-ingest: 1 file, 2 rows read, 2 written, 0 rejected

# -d: one ASCII character (not a quote), or "tab".
$ luong-ingest -d ab data/plain.csv
! luong-ingest: -d: "ab" is not a delimiter: give one character such as , or ; or tab
? 2

$ luong-ingest -d '"' data/plain.csv
! luong-ingest: -d: """ is not a delimiter: give one character such as , or ; or tab
? 2

$ luong-ingest -d '' data/plain.csv
! luong-ingest: -d: "" is not a delimiter: give one character such as , or ; or tab
? 2

# -m: a count of rows.
$ luong-ingest -m -1 data/plain.csv
! luong-ingest: -m "-1": expected a number of rows
? 2

$ luong-ingest -m 3x data/plain.csv
! luong-ingest: -m "3x": expected a number of rows
? 2

$ luong-ingest -m 99999999999999999999999 data/plain.csv
! luong-ingest: -m "99999999999999999999999": expected a number of rows
? 2

# A missing input fails before any output, even after a good one.
$ luong-ingest data/plain.csv data/nonexistent.csv
! luong-ingest: data/nonexistent.csv: cannot open: No such file or directory
? 2

$ luong-ingest -s data/nonexistent.yaml data/plain.csv
! luong-ingest: data/nonexistent.yaml: cannot open: No such file or directory
? 2

$ luong-ingest -r /nonexistent/rejects.tsv data/plain.csv
! luong-ingest: /nonexistent/rejects.tsv: cannot create: No such file or directory
? 2
