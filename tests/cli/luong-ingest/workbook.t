# luong-ingest on workbooks (.xlsx, .xls), told by their content.  The
# .xlsx cases are built from the XML kept in data/xlsx/ by mkzip (a test
# tool), so every part can be read and changed; the two LibreOffice-made
# samples are in samples/long-an/.

# Every cell kind: shared, inline and rich strings (phonetic runs left
# out), numbers as typed (27.920000000000002 is 27.92, 1E+20 written out),
# booleans, a formula's cached value, built-in and custom date formats, a
# date and time, an ISO date cell; an error in a required field is a
# reject, in another an empty value; a value right of the header's columns
# is a reject; the catalogue sheet is passed over and named.
$ mk="${LUONG_TESTTOOLS:-$TOP/build/testtools}/mkzip"; "$mk" "$T/k.xlsx" data/xlsx/kinds && cd "$T" && luong-ingest -s "$TOP/tests/cli/luong-ingest/data/xlsx/kinds.yaml" -m 2 --source -r rej.tsv k.xlsx; echo "exit $?"; cat rej.tsv
> ma	so_hs	kieu	ngay	_file	_line
> 80001	27.92	Tân An	2023-03-07	k.xlsx:Dữ liệu	4
> 0.3333333333333333	rich inline	line\rbreak and _x0041_	2023-03-07 10:30:00	k.xlsx:Dữ liệu	6
> Trường THCS Bình Tâm	-0.00000015	FALSE		k.xlsx:Dữ liệu	8
> 2023-03-07		100000000000000000000	2023-03-15 12:00:00	k.xlsx:Dữ liệu	10
> exit 0
> _file	_line	_field	_reason	ma	so_hs	kieu	ngay
> k.xlsx:Dữ liệu	5	kieu	the cell holds the error #N/A, not a value	TRUE		#N/A	1900-02-29
> k.xlsx:Dữ liệu	9		a value in column F, right of the header's 4 columns	80001x		ok	
! luong-ingest: k.xlsx: sheet "Danh mục" passed over: no header in its first 2 rows: no column for "Kiểu"
! luong-ingest: k.xlsx:Dữ liệu:5: column "Kiểu": the cell holds the error #N/A, not a value
! luong-ingest: k.xlsx:Dữ liệu:9: a value in column F, right of the header's 4 columns
! luong-ingest: 1 file, 6 rows read, 4 written, 2 rejected

# The 1904 date system, when the workbook says so: the same serials, four
# years and a day later.
$ mk="${LUONG_TESTTOOLS:-$TOP/build/testtools}/mkzip"; cp -R data/xlsx/kinds "$T/k" && sed -i 's|<workbookPr/>|<workbookPr date1904="1"/>|' "$T/k/xl/workbook.xml" && "$mk" "$T/k.xlsx" "$T/k" && luong-ingest -s data/xlsx/kinds.yaml -m 2 "$T/k.xlsx" 2>/dev/null | cut -f4
> ngay
> 2027-03-08
> 2027-03-08 10:30:00
>
> 2027-03-16 12:00:00

# --sheet by name and by number; without a schema the first row of the
# sheet is the header.
$ mk="${LUONG_TESTTOOLS:-$TOP/build/testtools}/mkzip"; "$mk" "$T/k.xlsx" data/xlsx/kinds && luong-ingest --sheet "Danh mục" "$T/k.xlsx" && luong-ingest --sheet 1 "$T/k.xlsx" 2>/dev/null && luong-ingest -s data/xlsx/kinds.yaml -m 2 --sheet 2 "$T/k.xlsx" 2>/dev/null | head -2
> Mã	Tên
> 794	Tân An
> Mã	Tên
> 794	Tân An
> ma	so_hs	kieu	ngay
> 80001	27.92	Tân An	2023-03-07
! luong-ingest: 1 file, 1 row read, 1 written, 0 rejected

# Without a schema and without --sheet: the first sheet with a row.
$ mk="${LUONG_TESTTOOLS:-$TOP/build/testtools}/mkzip"; "$mk" "$T/k.xlsx" data/xlsx/kinds && luong-ingest "$T/k.xlsx"
> Mã	Tên
> 794	Tân An
! luong-ingest: 1 file, 1 row read, 1 written, 0 rejected

# An unknown sheet is a usage error that lists the sheets; so is a number
# past the last.
$ mk="${LUONG_TESTTOOLS:-$TOP/build/testtools}/mkzip"; "$mk" "$T/k.xlsx" data/xlsx/kinds && cd "$T" && luong-ingest --sheet "Sổ" k.xlsx; echo "exit $?"; luong-ingest --sheet 3 k.xlsx; echo "exit $?"; luong-ingest --sheet 0 k.xlsx; echo "exit $?"
> exit 2
> exit 2
> exit 2
! luong-ingest: k.xlsx: no sheet "Sổ" (the sheets: "Danh mục", "Dữ liệu")
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
! luong-ingest: k.xlsx: no sheet "3" (the sheets: "Danh mục", "Dữ liệu")
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
! luong-ingest: k.xlsx: no sheet "0" (the sheets: "Danh mục", "Dữ liệu")
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected

# --sheet names a sheet without the schema's header: as a CSV without one.
$ mk="${LUONG_TESTTOOLS:-$TOP/build/testtools}/mkzip"; "$mk" "$T/k.xlsx" data/xlsx/kinds && cd "$T" && luong-ingest -s "$TOP/tests/cli/luong-ingest/data/xlsx/kinds.yaml" --sheet 1 k.xlsx
! luong-ingest: k.xlsx:Danh mục: no header in its first 2 rows: no column for "Kiểu"
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 2

# No sheet with the schema's header: each one named, then exit 2.
$ mk="${LUONG_TESTTOOLS:-$TOP/build/testtools}/mkzip"; "$mk" "$T/k.xlsx" data/xlsx/kinds && cd "$T" && luong-ingest -s "$TOP/config/schemas/school-export.yaml" k.xlsx
! luong-ingest: k.xlsx: sheet "Danh mục" passed over: no header in its first 2 rows: none of the schema's columns
! luong-ingest: k.xlsx: sheet "Dữ liệu" passed over: no header in its first 8 rows: no column for "Mã trường", "Cấp học", "Huyện/Thị xã/Thành phố", "Năm học", "Số HS học GDNN"
! luong-ingest: k.xlsx: no sheet holds the schema's header
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 2

# From a pipe, and gzipped: copied to a temporary file first, the same rows.
$ mk="${LUONG_TESTTOOLS:-$TOP/build/testtools}/mkzip"; "$mk" "$T/k.xlsx" data/xlsx/kinds && gzip -c "$T/k.xlsx" >"$T/k.xlsx.gz" && luong-ingest -s data/xlsx/kinds.yaml -m 2 <"$T/k.xlsx" 2>/dev/null | md5sum && luong-ingest -s data/xlsx/kinds.yaml -m 2 "$T/k.xlsx.gz" 2>/dev/null | md5sum && luong-ingest -s data/xlsx/kinds.yaml -m 2 "$T/k.xlsx" 2>/dev/null | md5sum
> 6b3d316142fcccd0a1c2820f0994f840  -
> 6b3d316142fcccd0a1c2820f0994f840  -
> 6b3d316142fcccd0a1c2820f0994f840  -

# ---- bad input: a clear error and exit 1, never a crash or a hang ----

# A corrupt zip, and a truncated one.
$ cd "$T" && printf 'PK\003\004 this is not a zip at all, though it starts as one\n' >bad.xlsx && luong-ingest bad.xlsx; echo "exit $?"; mk="${LUONG_TESTTOOLS:-$TOP/build/testtools}/mkzip"; "$mk" k.xlsx "$TOP/tests/cli/luong-ingest/data/xlsx/kinds" && head -c 1500 k.xlsx >short.xlsx && luong-ingest short.xlsx; echo "exit $?"
> exit 1
> exit 1
! luong-ingest: bad.xlsx: a truncated or corrupt zip archive: Not a zip archive
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
! luong-ingest: short.xlsx: a truncated or corrupt zip archive: Not a zip archive
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected

# A zip that is not a workbook (an OpenDocument file, say).
$ mk="${LUONG_TESTTOOLS:-$TOP/build/testtools}/mkzip"; mkdir -p "$T/odt" && echo x >"$T/odt/content.xml" && "$mk" "$T/o.ods" "$T/odt" && cd "$T" && luong-ingest o.ods; echo "exit $?"
> exit 1
! luong-ingest: o.ods: a zip archive, but not an Excel workbook (no xl/workbook.xml)
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected

# Parts missing: the relationships, then a sheet's part.
$ mk="${LUONG_TESTTOOLS:-$TOP/build/testtools}/mkzip"; cp -R data/xlsx/kinds "$T/a" && rm "$T/a/xl/_rels/workbook.xml.rels" && cp -R data/xlsx/kinds "$T/b" && rm "$T/b/xl/worksheets/sheet2.xml" && "$mk" "$T/a.xlsx" "$T/a" && "$mk" "$T/b.xlsx" "$T/b" && cd "$T" && luong-ingest a.xlsx; echo "exit $?"; luong-ingest -s "$TOP/tests/cli/luong-ingest/data/xlsx/kinds.yaml" b.xlsx; echo "exit $?"; luong-ingest --sheet 2 b.xlsx; echo "exit $?"
> exit 1
> exit 1
> exit 1
! luong-ingest: a.xlsx: not a complete workbook: the part xl/_rels/workbook.xml.rels is missing
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
! luong-ingest: b.xlsx: sheet "Danh mục" passed over: no header in its first 2 rows: no column for "Kiểu"
! luong-ingest: b.xlsx: sheet "Dữ liệu" passed over: not a complete workbook: the part xl/worksheets/sheet2.xml is missing
! luong-ingest: b.xlsx: no sheet holds the schema's header, and a sheet could not be read
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
! luong-ingest: b.xlsx:Dữ liệu: not a complete workbook: the part xl/worksheets/sheet2.xml is missing
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected

# A password-protected workbook: an encrypted part, and an .xlsx saved
# with a password (an OLE2 file holding an EncryptedPackage stream).
$ mk="${LUONG_TESTTOOLS:-$TOP/build/testtools}/mkzip"; "$mk" -e xl/worksheets/sheet2.xml "$T/e.xlsx" data/xlsx/kinds && cd "$T" && luong-ingest --sheet 2 e.xlsx; echo "exit $?"; { printf '\320\317\021\340\241\261\032\341'; head -c 1016 /dev/zero; printf 'E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0'; head -c 2000 /dev/zero; } >p.xlsx && luong-ingest p.xlsx; echo "exit $?"
> exit 1
> exit 1
! luong-ingest: e.xlsx:Dữ liệu: xl/worksheets/sheet2.xml is encrypted: the workbook is password-protected
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
! luong-ingest: p.xlsx: a password-protected workbook (an encrypted .xlsx): save it without a password
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected

# A corrupt .xls.
$ cd "$T" && { printf '\320\317\021\340\241\261\032\341'; yes luong | head -c 3000; } >bad.xls && luong-ingest bad.xls; echo "exit $?"
> exit 1
! luong-ingest: bad.xls: a corrupt OLE2 compound file header
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected

# A zip bomb: a part that inflates past the limit (256 MiB) stops there.
$ mk="${LUONG_TESTTOOLS:-$TOP/build/testtools}/mkzip"; "$mk" -b xl/sharedStrings.xml:257 "$T/bomb.xlsx" data/xlsx/kinds && ls -l "$T/bomb.xlsx" | awk '{ print ($5 < 2000000) ? "small" : "big" }' && cd "$T" && luong-ingest bomb.xlsx; echo "exit $?"
> small
> exit 1
! luong-ingest: bomb.xlsx: xl/sharedStrings.xml inflates to more than 256 MiB (the limit for a part)
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected

# Entity expansion: a document type declaration is refused outright.
$ mk="${LUONG_TESTTOOLS:-$TOP/build/testtools}/mkzip"; cp -R data/xlsx/kinds "$T/l" && sed -i '1a <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' "$T/l/xl/worksheets/sheet2.xml" && "$mk" "$T/l.xlsx" "$T/l" && cd "$T" && luong-ingest --sheet 2 l.xlsx; echo "exit $?"
> exit 1
! luong-ingest: l.xlsx:Dữ liệu: xl/worksheets/sheet2.xml has a document type declaration (refused: no entity is expanded)
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected

# Broken XML and a dangling shared string, said at FILE:SHEET:ROW.
$ mk="${LUONG_TESTTOOLS:-$TOP/build/testtools}/mkzip"; cp -R data/xlsx/kinds "$T/x" && sed -i 's|<x:c r="C6" t="s"><x:v>5</x:v></x:c>|<x:c r="C6" t="s"><x:v>5</x:v></x:cc>|' "$T/x/xl/worksheets/sheet2.xml" && cp -R data/xlsx/kinds "$T/y" && sed -i 's|<x:v>3</x:v>|<x:v>30</x:v>|' "$T/y/xl/worksheets/sheet2.xml" && "$mk" "$T/x.xlsx" "$T/x" && "$mk" "$T/y.xlsx" "$T/y" && cd "$T" && luong-ingest -s "$TOP/tests/cli/luong-ingest/data/xlsx/kinds.yaml" -m 9 x.xlsx >/dev/null; echo "exit $?"; luong-ingest -s "$TOP/tests/cli/luong-ingest/data/xlsx/kinds.yaml" -m 9 y.xlsx >/dev/null; echo "exit $?"
> exit 1
> exit 1
! luong-ingest: x.xlsx: sheet "Danh mục" passed over: no header in its first 2 rows: no column for "Kiểu"
! luong-ingest: x.xlsx:Dữ liệu:5: column "Kiểu": the cell holds the error #N/A, not a value
! luong-ingest: x.xlsx:Dữ liệu:6: xl/worksheets/sheet2.xml:7: not well-formed XML: mismatched tag
! luong-ingest: 1 file, 2 rows read, 1 written, 1 rejected
! luong-ingest: y.xlsx: sheet "Danh mục" passed over: no header in its first 2 rows: no column for "Kiểu"
! luong-ingest: y.xlsx:Dữ liệu:4: xl/worksheets/sheet2.xml has a cell that names no shared string
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected

# A sheet with 1,048,576 rows, all but the first and the last empty:
# read through, quickly.
$ mk="${LUONG_TESTTOOLS:-$TOP/build/testtools}/mkzip"; cp -R data/xlsx/kinds "$T/m" && awk 'BEGIN { print "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>Mã</t></is></c><c t=\"inlineStr\"><is><t>Kiểu</t></is></c></row>"; for (i = 2; i < 1048576; i++) printf "<row r=\"%d\"/>", i; print "<row r=\"1048576\"><c><v>7</v></c><c t=\"inlineStr\"><is><t>cuối</t></is></c></row></sheetData></worksheet>" }' >"$T/m/xl/worksheets/sheet2.xml" && "$mk" "$T/m.xlsx" "$T/m" && luong-ingest -s data/xlsx/kinds.yaml --source "$T/m.xlsx" 2>&1 | sed "s|$T/||"
> luong-ingest: m.xlsx: sheet "Danh mục" passed over: no header in its first 2 rows: no column for "Kiểu"
> ma	so_hs	kieu	ngay	_file	_line
> 7		cuối		m.xlsx:Dữ liệu	1048576
> luong-ingest: 1 file, 1 row read, 1 written, 0 rejected

# A round trip: the workbook luong-render writes reads back, by --sheet,
# to the same numbers (100.00 comes back as the number 100).
$ cd "$TOP" && luong-run -q --set out="$T/o" pipelines/long-an-2023-thcs.yaml 2>/dev/null && cd "$T" && luong-render -f xlsx --layout plain -o p.xlsx o/thcs.tsv 2>/dev/null && luong-ingest -s "$TOP/tests/cli/luong-ingest/data/xlsx/report.yaml" --sheet "Báo cáo" p.xlsx >back.tsv && awk -F'\t' 'NR == FNR { if (FNR == 1) for (i = 1; i <= NF; i++) a[$i] = i; else { k = $a["district"]; v[k] = $a["vocational_num"] " " $a["vocational_den"] " " $a["vocational"] + 0 " " $a["vocational_target"] + 0 " " $a["vocational_gap"] + 0 " " $a["rank"] } next } FNR == 1 { for (i = 1; i <= NF; i++) b[$i] = i; next } { k = $b["district"]; w = $b["vocational_num"] " " $b["vocational_den"] " " $b["vocational"] + 0 " " $b["vocational_target"] + 0 " " $b["vocational_gap"] + 0 " " $b["rank"]; n++; if (v[k] != w) print "differs: " k ": " v[k] " / " w } END { print n " rows read back" }' o/thcs.tsv back.tsv
> 16 rows read back
! luong-ingest: 1 file, 16 rows read, 16 written, 0 rejected

# A number cell's "." is a decimal point: 1.234 in a number cell is not a
# whole number, while the text "1.234" typed in a cell is 1234 grouped as
# Vietnamese writes it.
$ mk="${LUONG_TESTTOOLS:-$TOP/build/testtools}/mkzip"; cp -R data/xlsx/kinds "$T/n" && printf '<worksheet><sheetData><row><c t="inlineStr"><is><t>Mã</t></is></c><c t="inlineStr"><is><t>Kiểu</t></is></c></row><row><c><v>1234</v></c><c t="inlineStr"><is><t>number</t></is></c></row><row><c><v>1.234</v></c><c t="inlineStr"><is><t>number</t></is></c></row><row><c t="inlineStr"><is><t>1.234</t></is></c><c t="inlineStr"><is><t>text</t></is></c></row></sheetData></worksheet>' >"$T/n/xl/worksheets/sheet2.xml" && "$mk" "$T/n.xlsx" "$T/n" && printf 'fields:\n  ma: { header: Mã, type: int, required: true }\n  kieu: { header: Kiểu, required: true }\n' >"$T/int.yaml" && cd "$T" && luong-ingest -s int.yaml -m 1 --sheet 2 n.xlsx
> ma	kieu
> 1234	number
> 1234	text
! luong-ingest: n.xlsx:Dữ liệu:3: column "Mã": "1.234" is not a whole number
! luong-ingest: 1 file, 3 rows read, 2 written, 1 rejected

# The same student export as CSV and as an .xlsx with shared strings and
# number cells (gen-xlsx, on libxlsxwriter): the same stream, byte for byte.
$ tt="${LUONG_TESTTOOLS:-$TOP/build/testtools}"; cd "$T" && gen-students -n 2000 -s 7 >s.csv && "$tt/gen-xlsx" s.csv s.xlsx && luong-ingest -s "$TOP/config/schemas/student-export.yaml" s.csv >a.tsv 2>/dev/null && luong-ingest -s "$TOP/config/schemas/student-export.yaml" s.xlsx >b.tsv && cmp a.tsv b.tsv && wc -l <b.tsv
> 2001
! luong-ingest: 1 file, 2000 rows read, 2000 written, 0 rejected

# libfreexl trusts what it reads: a one-byte change to the LibreOffice
# sample makes it crash.  It runs in a child process, so a crash is a
# message about the file, exit 1, and the run goes on to the next file.
$ cd "$T" && cp "$TOP/samples/long-an/thpt-2022-2023-bo-sung.xls" c.xls && printf '\067' | dd of=c.xls bs=1 seek=4664 conv=notrunc 2>/dev/null && luong-ingest c.xls 2>&1 | sed 's/ (.*)$//'; luong-ingest c.xls >/dev/null 2>&1; echo "exit $?"
> luong-ingest: c.xls: a corrupt workbook: libfreexl crashed reading it
> luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
> exit 1

# A text cell of 20,000 characters (made by LibreOffice from
# data/xls/long-cell.fods) makes libfreexl give up: said so, exit 1.
$ luong-ingest data/xls/long-cell.xls
! luong-ingest: data/xls/long-cell.xls: libfreexl could not read it (a text cell over 8,224 bytes makes it give up): save it as .xlsx
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
? 1

# ---- found by review ----

# Rows keep the sheet's own numbers even out of order; a pretty-printed
# value is read through its white space; an empty or formula-only boolean
# is an empty field, and "true" is TRUE; a style number past the table (or
# past 32 bits) has no date format; a repeated <v> counts once, the last.
$ cd "$T" && printf '%s<row r="5"><c><v>\n  42\n</v></c><c t="b"/><c t="b"><v>true</v></c></row><row r="3"><c s="4294967297"><v>44992</v></c><c t="b"><f>A1</f></c><c><v>1</v><v>7</v></c></row></sheetData></worksheet>' '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Mã</t></is></c><c t="inlineStr"><is><t>Kiểu</t></is></c><c t="inlineStr"><is><t>Ngày</t></is></c></row>' | "$TOP/tests/cli/luong-ingest/data/xlsx/mksheet" o.xlsx && luong-ingest --source --sheet 2 o.xlsx
> Mã	Kiểu	Ngày	_file	_line
> 42		TRUE	o.xlsx:Dữ liệu	5
> 44992		7	o.xlsx:Dữ liệu	3
! luong-ingest: 1 file, 2 rows read, 2 written, 0 rejected

# An error value in a bool field is a reject, never a silent "no"; in a
# plain optional field an empty value.
$ cd "$T" && printf '%s' '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Mã</t></is></c><c t="inlineStr"><is><t>Kiểu</t></is></c><c t="inlineStr"><is><t>Ngày</t></is></c></row><row r="2"><c><v>1</v></c><c t="inlineStr"><is><t>a</t></is></c><c t="e"><v>#N/A</v></c></row></sheetData></worksheet>' | "$TOP/tests/cli/luong-ingest/data/xlsx/mksheet" e.xlsx && printf 'fields:\n  ma: { header: Mã, required: true }\n  kieu: { header: Kiểu, required: true }\n  ngay: { header: Ngày, type: bool }\n' >b.yaml && luong-ingest -s b.yaml --sheet 2 e.xlsx; echo "exit $?"; luong-ingest -s "$TOP/tests/cli/luong-ingest/data/xlsx/kinds.yaml" --sheet 2 e.xlsx
> ma	kieu	ngay
> exit 1
> ma	so_hs	kieu	ngay
> 1		a	
! luong-ingest: e.xlsx:Dữ liệu:2: column "Ngày": the cell holds the error #N/A, not a value
! luong-ingest: 1 file, 1 row read, 0 written, 1 rejected
! luong-ingest: 1 row rejected, more than the 0 that -m allows
! luong-ingest: 1 file, 1 row read, 1 written, 0 rejected

# Elapsed time formats count whole days in hours: 1.5 days is 36:00:00.
$ cd "$T" && cp -R "$TOP/tests/cli/luong-ingest/data/xlsx/kinds" k && sed -i 's|<numFmt numFmtId="165"|<numFmt numFmtId="166" formatCode="[h]:mm:ss"/><numFmt numFmtId="165"|; s|<xf numFmtId="165"/>|<xf numFmtId="165"/><xf numFmtId="166"/>|' k/xl/styles.xml && printf '%s' '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Mã</t></is></c><c t="inlineStr"><is><t>Kiểu</t></is></c><c t="inlineStr"><is><t>Ngày</t></is></c></row><row r="2"><c><v>1</v></c><c s="5"><v>1.5</v></c></row></sheetData></worksheet>' >k/xl/worksheets/sheet2.xml && "${LUONG_TESTTOOLS:-$TOP/build/testtools}/mkzip" k.xlsx k && luong-ingest --sheet 2 k.xlsx 2>/dev/null
> Mã	Kiểu	Ngày
> 1	36:00:00	

# A cell reference that is not one, and one past XFD, each said so.
$ cd "$T" && for r in 7 B2:C2 a2 XFE1 AAAA1; do printf '%s' '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Mã</t></is></c><c t="inlineStr"><is><t>Kiểu</t></is></c><c t="inlineStr"><is><t>Ngày</t></is></c></row><row r="2"><c r="'$r'"><v>1</v></c></row></sheetData></worksheet>' | "$TOP/tests/cli/luong-ingest/data/xlsx/mksheet" r.xlsx && luong-ingest --sheet 2 r.xlsx >/dev/null; echo "$r: $?"; done
> 7: 1
> B2:C2: 1
> a2: 1
> XFE1: 1
> AAAA1: 1
! luong-ingest: r.xlsx:Dữ liệu:2: xl/worksheets/sheet2.xml has a malformed cell reference
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
! luong-ingest: r.xlsx:Dữ liệu:2: xl/worksheets/sheet2.xml has a malformed cell reference
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
! luong-ingest: r.xlsx:Dữ liệu:2: xl/worksheets/sheet2.xml has a malformed cell reference
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
! luong-ingest: r.xlsx:Dữ liệu:2: xl/worksheets/sheet2.xml has a cell reference past column XFD
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
! luong-ingest: r.xlsx:Dữ liệu:2: xl/worksheets/sheet2.xml has a cell reference past column XFD
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected

# A cell of more than 1 MiB of text stops at that row; "_x0000_" is no NUL.
$ cd "$T" && awk 'BEGIN { printf "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>Mã</t></is></c></row><row r=\"2\"><c t=\"inlineStr\"><is><t>"; for (i = 0; i < 1100000; i++) printf "x"; printf "</t></is></c></row></sheetData></worksheet>" }' | "$TOP/tests/cli/luong-ingest/data/xlsx/mksheet" big.xlsx && luong-ingest --sheet 2 big.xlsx >/dev/null; echo "exit $?"; printf '%s' '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Mã</t></is></c><c t="inlineStr"><is><t>Kiểu</t></is></c><c t="inlineStr"><is><t>Ngày</t></is></c></row><row r="2"><c t="inlineStr"><is><t>a_x0000_b</t></is></c></row></sheetData></worksheet>' | "$TOP/tests/cli/luong-ingest/data/xlsx/mksheet" z.xlsx && luong-ingest --sheet 2 z.xlsx 2>/dev/null | od -c | sed -n 2p
> exit 1
> 0000020  \n   a   _   x   0   0   0   0   _   b  \t  \t  \n
! luong-ingest: big.xlsx:Dữ liệu:2: xl/worksheets/sheet2.xml has a cell of more than 1 MiB of text
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected

# Sheet names in NFD are NFC, in --sheet and in FILE:SHEET.
$ cd "$T" && cp "$TOP/tests/cli/luong-ingest/data/xlsx/kinds/xl/workbook.xml" w.xml && sed -i 's/name="Dữ liệu"/name="Du\xcc\x9b\xcc\x83 lie\xcc\xa3\xcc\x82u"/' w.xml && printf '%s' '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Mã</t></is></c><c t="inlineStr"><is><t>Kiểu</t></is></c><c t="inlineStr"><is><t>Ngày</t></is></c></row><row r="2"><c><v>1</v></c></row></sheetData></worksheet>' | "$TOP/tests/cli/luong-ingest/data/xlsx/mksheet" n.xlsx w.xml && luong-ingest --source --sheet "Dữ liệu" n.xlsx 2>/dev/null | cut -f4 | od -c | sed -n 1,2p
> 0000000   _   f   i   l   e  \n   n   .   x   l   s   x   :   D 341 273
> 0000020 257       l   i 341 273 207   u  \n

# A chart sheet is passed over, no error: with no other sheet holding the
# header, exit 2 as for a CSV without one; --sheet naming it, exit 2.
$ cd "$T" && sed 's|/relationships/worksheet" Target="worksheets/sheet1.xml"|/relationships/chartsheet" Target="chartsheets/sheet1.xml"|' "$TOP/tests/cli/luong-ingest/data/xlsx/kinds/xl/_rels/workbook.xml.rels" >rels && cp -R "$TOP/tests/cli/luong-ingest/data/xlsx/kinds" c && cp rels c/xl/_rels/workbook.xml.rels && "${LUONG_TESTTOOLS:-$TOP/build/testtools}/mkzip" c.xlsx c && luong-ingest -s "$TOP/config/schemas/school-export.yaml" c.xlsx; echo "exit $?"; luong-ingest --sheet 1 c.xlsx; echo "exit $?"
> exit 2
> exit 2
! luong-ingest: c.xlsx: sheet "Danh mục" passed over: a chart, not a worksheet
! luong-ingest: c.xlsx: sheet "Dữ liệu" passed over: no header in its first 8 rows: no column for "Mã trường", "Cấp học", "Huyện/Thị xã/Thành phố", "Năm học", "Số HS học GDNN"
! luong-ingest: c.xlsx: no sheet holds the schema's header
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
! luong-ingest: c.xlsx:Danh mục: a chart, not a worksheet
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected

# Several sheets naming one part of a million empty rows: each sheet is
# looked at for its header only as far as 16 MiB of its XML.
$ cd "$T" && cp -R "$TOP/tests/cli/luong-ingest/data/xlsx/kinds" m && awk 'BEGIN { printf "<worksheet><sheetData>"; for (i = 1; i <= 1048576; i++) printf "<row r=\"%d\"/>", i; printf "</sheetData></worksheet>" }' >m/xl/worksheets/sheet2.xml && sed -i 's|<sheet name="Dữ liệu" sheetId="2" r:id="rId2"/>|<sheet name="A" sheetId="2" r:id="rId2"/><sheet name="B" sheetId="3" r:id="rId2"/><sheet name="C" sheetId="4" r:id="rId2"/>|' m/xl/workbook.xml && "${LUONG_TESTTOOLS:-$TOP/build/testtools}/mkzip" m.xlsx m && luong-ingest -s "$TOP/tests/cli/luong-ingest/data/xlsx/kinds.yaml" m.xlsx; echo "exit $?"
> exit 2
! luong-ingest: m.xlsx: sheet "Danh mục" passed over: no header in its first 2 rows: no column for "Kiểu"
! luong-ingest: m.xlsx: sheet "A" passed over: it is empty
! luong-ingest: m.xlsx: sheet "B" passed over: it is empty
! luong-ingest: m.xlsx: sheet "C" passed over: it is empty
! luong-ingest: m.xlsx: no sheet holds the schema's header
! luong-ingest: 1 file, 0 rows read, 0 written, 0 rejected
