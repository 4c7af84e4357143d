# Usage: -f is required; the synopsis on stderr, status 2.
$ luong-render data/report.tsv
! luong-render: -f is required
! usage: luong-render -f table|tsv|csv|md|html|xlsx|pdf [-o file] [--box]
!                     [--layout report|appendix|plain] [--locale vi|en]
!                     [--sort input|rank] [--title text] [--wide]
!                     [--issuer text ...] [--place text]
!                     [--date yyyy-mm-dd] [file ...]
? 2

$ luong-render -x -f table
! luong-render: unknown option -x
! usage: luong-render -f table|tsv|csv|md|html|xlsx|pdf [-o file] [--box]
!                     [--layout report|appendix|plain] [--locale vi|en]
!                     [--sort input|rank] [--title text] [--wide]
!                     [--issuer text ...] [--place text]
!                     [--date yyyy-mm-dd] [file ...]
? 2

$ luong-render -f
! luong-render: option -f requires an argument
! usage: luong-render -f table|tsv|csv|md|html|xlsx|pdf [-o file] [--box]
!                     [--layout report|appendix|plain] [--locale vi|en]
!                     [--sort input|rank] [--title text] [--wide]
!                     [--issuer text ...] [--place text]
!                     [--date yyyy-mm-dd] [file ...]
? 2

$ luong-render -f table --title
! luong-render: option --title requires an argument
! usage: luong-render -f table|tsv|csv|md|html|xlsx|pdf [-o file] [--box]
!                     [--layout report|appendix|plain] [--locale vi|en]
!                     [--sort input|rank] [--title text] [--wide]
!                     [--issuer text ...] [--place text]
!                     [--date yyyy-mm-dd] [file ...]
? 2

$ luong-render -f table --bogus
! luong-render: unknown option --bogus
! usage: luong-render -f table|tsv|csv|md|html|xlsx|pdf [-o file] [--box]
!                     [--layout report|appendix|plain] [--locale vi|en]
!                     [--sort input|rank] [--title text] [--wide]
!                     [--issuer text ...] [--place text]
!                     [--date yyyy-mm-dd] [file ...]
? 2

$ luong-render -f table --box=yes
! luong-render: option --box takes no argument
! usage: luong-render -f table|tsv|csv|md|html|xlsx|pdf [-o file] [--box]
!                     [--layout report|appendix|plain] [--locale vi|en]
!                     [--sort input|rank] [--title text] [--wide]
!                     [--issuer text ...] [--place text]
!                     [--date yyyy-mm-dd] [file ...]
? 2

$ luong-render --help=yes
! luong-render: option --help takes no argument
! usage: luong-render -f table|tsv|csv|md|html|xlsx|pdf [-o file] [--box]
!                     [--layout report|appendix|plain] [--locale vi|en]
!                     [--sort input|rank] [--title text] [--wide]
!                     [--issuer text ...] [--place text]
!                     [--date yyyy-mm-dd] [file ...]
? 2

# --help: the synopsis on stdout, status 0.
$ luong-render --help
> usage: luong-render -f table|tsv|csv|md|html|xlsx|pdf [-o file] [--box]
>                     [--layout report|appendix|plain] [--locale vi|en]
>                     [--sort input|rank] [--title text] [--wide]
>                     [--issuer text ...] [--place text]
>                     [--date yyyy-mm-dd] [file ...]

# Values that are not among the choices.
$ luong-render -f docx data/report.tsv
! luong-render: -f: unknown format "docx"
? 2

$ luong-render -f table --layout wide data/report.tsv
! luong-render: --layout: unknown layout "wide"
? 2

$ luong-render -f csv --box data/report.tsv
! luong-render: --box: only with -f table
? 2

# A missing input file: status 2 before any output, even when another
# file comes first.
$ luong-render -f table data/report.tsv data/nonexistent.tsv
! luong-render: data/nonexistent.tsv: cannot open: No such file or directory
? 2

# An empty input has no header.
$ luong-render -f table </dev/null
! luong-render: <stdin>: empty input: no header line
? 2

# A row with the wrong number of fields.
$ printf 'district\tn\nTân An\t1\t2\n' | luong-render -f table
! luong-render: <stdin>:2: 3 fields, the header has 2
? 1

# Several files with different headers.
$ luong-render -f table data/report.tsv data/tiny.tsv
! luong-render: data/tiny.tsv:1: header has 4 fields, data/report.tsv has 22
? 2

# Invalid UTF-8: the file, the line and the field.
$ printf 'district\tn\nT\303n An\t1\n' | luong-render -f table
! luong-render: <stdin>:2: field "district": invalid UTF-8 at byte 2
? 1

# Several files with the same header are one report.
$ luong-render -f tsv data/tiny.tsv data/tiny.tsv | cut -f 1-3
> STT	Huyện, thị xã, thành phố	Học GDNN: Thực hiện
> 01	Tân An	36,25
> 02	Đức Hòa	20,00
> 03	Tân An	36,25
> 04	Đức Hòa	20,00
! luong-render: 4 rows read, 1 table (report layout) written as tsv

# A full disk is a write error, status 1.
$ luong-render -f table data/report.tsv >/dev/full
! luong-render: <stdout>: write error: No space left on device
? 1

$ luong-render -f xlsx data/report.tsv >/dev/full
! luong-render: <stdout>: write error: No space left on device
? 1

# --help's write is checked too.
$ luong-render --help >/dev/full
! luong-render: <stdout>: write error: No space left on device
? 1
