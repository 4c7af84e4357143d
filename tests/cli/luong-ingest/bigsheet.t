# A large sheet (data/xlsx/bigsheet: 30,000 rows, 2.6 MB of XML, a row a
# line) is parsed on two cores past its first 256 KiB, cut into segments
# after row end tags; whatever the cuts meet, the rows, the messages and
# their line numbers are those of one parser reading it in order.  Each
# expected output here was made by the reader before it parsed in
# parallel.

# Every row, in order, numbered as the sheet numbers them.
$ cd "$T" && "$TOP/tests/cli/luong-ingest/data/xlsx/bigsheet" 30000 | "$TOP/tests/cli/luong-ingest/data/xlsx/mksheet" b.xlsx && luong-ingest --source --sheet 2 b.xlsx >o.tsv && cksum <o.tsv && sed -n '2p;15000p;30001p' o.tsv
> 1640413787 1758061
> 80000002	line\rbreak and _x0041_	14.5	b.xlsx:Dữ liệu	2
> 80015000	Tân An	105000.5	b.xlsx:Dữ liệu	15000
> 80030001	Trường THCS Bình Tâm	210007.5	b.xlsx:Dữ liệu	30001
! luong-ingest: 1 file, 30000 rows read, 30000 written, 0 rejected

# A cut after a "</row>" inside a comment or a processing instruction
# (one before each of 300 rows, so that a cut falls there) is no row's
# end: the parse before it does not end at the cut, so the segment after
# it is parsed in order, and every row is there, the same bytes; so with
# "</row>" in a CDATA section.
$ cd "$T" && for a in '<!-- </row> -->' '<?pi </row>?>'; do "$TOP/tests/cli/luong-ingest/data/xlsx/bigsheet" 30000 -a 9000-9300 "$a" -a 21000 "$a$a$a" | "$TOP/tests/cli/luong-ingest/data/xlsx/mksheet" c.xlsx && luong-ingest --source --sheet 2 c.xlsx 2>/dev/null | sed 's/c\.xlsx/b.xlsx/' | cksum; done; "$TOP/tests/cli/luong-ingest/data/xlsx/bigsheet" 30000 -a 20000 '<row r="20000"><c t="inlineStr"><is><t><![CDATA[</row>]]></t></is></c></row>' | "$TOP/tests/cli/luong-ingest/data/xlsx/mksheet" d.xlsx && luong-ingest --sheet 2 d.xlsx | sed -n 19999,20001p
> 1640413787 1758061
> 1640413787 1758061
> 80019999	Tân An	139993.5
> </row>		
> 80020000	Tân An	140000.5
! luong-ingest: 1 file, 30001 rows read, 30001 written, 0 rejected

# Rows without r are numbered on from the row before, across the cuts.
$ cd "$T" && "$TOP/tests/cli/luong-ingest/data/xlsx/bigsheet" 30000 -n 5000 -a 12000 '<row r="40000"><c><v>1</v></c></row><row/>' | "$TOP/tests/cli/luong-ingest/data/xlsx/mksheet" n.xlsx && luong-ingest --source --sheet 2 n.xlsx | cut -f5 | sed -n '4999p;5000p;11999p;12000p;12001p;12002p;30002p'
> 4999
> 5000
> 11999
> 40000
> 40002
> 40003
> 58003
! luong-ingest: 1 file, 30001 rows read, 30001 written, 0 rejected

# The same sheet with every element prefixed ("x:row"): the same rows.
$ cd "$T" && "$TOP/tests/cli/luong-ingest/data/xlsx/bigsheet" 30000 -p x | "$TOP/tests/cli/luong-ingest/data/xlsx/mksheet" p.xlsx && luong-ingest --source --sheet 2 p.xlsx 2>/dev/null | sed 's/p\.xlsx/b.xlsx/' | cksum
> 1640413787 1758061

# Malformed XML far into the sheet: the rows before it, then the message
# with the sheet's own line number (line N + 2 holds row N).
$ cd "$T" && "$TOP/tests/cli/luong-ingest/data/xlsx/bigsheet" 30000 -a 25000 '<row><c></row>' | "$TOP/tests/cli/luong-ingest/data/xlsx/mksheet" m.xlsx && luong-ingest --sheet 2 m.xlsx >o.tsv; echo "exit $?"; tail -n 1 o.tsv
> exit 1
> 80024999	Tân An	174993.5
! luong-ingest: m.xlsx:Dữ liệu:25000: xl/worksheets/sheet2.xml:25002: not well-formed XML: mismatched tag
! luong-ingest: 1 file, 24998 rows read, 24998 written, 0 rejected

# A cell the reader refuses, far into the sheet: the rows before it, the
# message at its row.
$ cd "$T" && "$TOP/tests/cli/luong-ingest/data/xlsx/bigsheet" 30000 -a 28000 '<row r="27999"><c r="XFE27999"><v>1</v></c></row>' | "$TOP/tests/cli/luong-ingest/data/xlsx/mksheet" r.xlsx && luong-ingest --sheet 2 r.xlsx | wc -l; "$TOP/tests/cli/luong-ingest/data/xlsx/bigsheet" 30000 -a 17000 '<c><v>1</v></c>' | "$TOP/tests/cli/luong-ingest/data/xlsx/mksheet" s.xlsx && luong-ingest --sheet 2 s.xlsx | wc -l
> 27999
> 30001
! luong-ingest: r.xlsx:Dữ liệu:27999: xl/worksheets/sheet2.xml has a cell reference past column XFD
! luong-ingest: 1 file, 27998 rows read, 27998 written, 0 rejected
! luong-ingest: 1 file, 30000 rows read, 30000 written, 0 rejected

# A cell or a value outside any row, before every row from 5,000 to
# 25,000, so before the first row of every segment there: a segment's
# parse would read the cell's column and type from before it, so none is
# taken, and the rest is parsed in order.
$ cd "$T" && "$TOP/tests/cli/luong-ingest/data/xlsx/bigsheet" 30000 -a 5000-25000 '<c><v>1</v></c><v>2</v>' | "$TOP/tests/cli/luong-ingest/data/xlsx/mksheet" v.xlsx && luong-ingest --source --sheet 2 v.xlsx 2>/dev/null | sed 's/v\.xlsx/b.xlsx/' | cksum
> 1640413787 1758061

# A sheet that ends early, inside a row, far into it.
$ cd "$T" && "$TOP/tests/cli/luong-ingest/data/xlsx/bigsheet" 30000 | head -c 2000000 | "$TOP/tests/cli/luong-ingest/data/xlsx/mksheet" t.xlsx && luong-ingest --sheet 2 t.xlsx | wc -l
> 23296
! luong-ingest: t.xlsx:Dữ liệu:23297: xl/worksheets/sheet2.xml:23299: not well-formed XML: unclosed token
! luong-ingest: 1 file, 23295 rows read, 23295 written, 0 rejected
