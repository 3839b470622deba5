#!/usr/bin/env python3
"""Print an .xlsx workbook as text, one line per row, so that `git diff` shows which cell changed.

Usage:  python3 rules/xlsx2txt.py FILE.xlsx

As a git textconv (the repository's .gitattributes maps *.xlsx to diff=xlsx):
    git config diff.xlsx.textconv "python3 rules/xlsx2txt.py"

Output, for each sheet in workbook order:
    === Sheet: Drift ===
    merged: C3:E3                      (only when the sheet has merged cells)
    1: A=RuleTable Drift
    6: A=DRIFT-ABS-01 | B=... | C=TRUE | F=REBALANCE | G=3

Only non-empty cells are printed, each with its column letters. Numbers are printed as stored
(integers without ".0"), booleans as TRUE/FALSE, dates (number cells with a date format) as
YYYY-MM-DD, a formula cell as its last computed value followed by [=FORMULA], a line break
inside a cell as \\n, and a value with leading or trailing spaces in double quotes. A hidden
sheet gets a line "state: hidden" under its header.

Standard library only (zipfile, xml.etree): CI machines have no openpyxl. Reads workbooks written
by openpyxl, Excel and LibreOffice (shared strings with rich-text runs, inline strings, formula
strings, the 1900 and 1904 date systems, transitional and strict OOXML namespaces).
"""

import datetime
import os
import posixpath
import re
import sys
import zipfile
from decimal import Decimal, InvalidOperation
from urllib.parse import unquote
from xml.etree import ElementTree

REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
REL_ID_STRICT = "{http://purl.oclc.org/ooxml/officeDocument/relationships}id"

# Built-in number formats that display a date or time (ECMA-376 part 1, 18.8.30, plus the
# CJK date formats Excel uses in East Asian locales).
BUILTIN_DATE_FORMATS = set(range(14, 23)) | set(range(27, 37)) | {45, 46, 47} | set(range(50, 59))

ESCAPED_CHAR = re.compile(r"_x([0-9A-Fa-f]{4})_")
CELL_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")


class NotAWorkbook(Exception):
    pass


def local(tag):
    """The element name without its namespace: '{ns}sheet' -> 'sheet'."""
    return tag.rsplit("}", 1)[-1]


def children(element, name):
    return [child for child in element if local(child.tag) == name]


def child(element, name):
    for item in element:
        if local(item.tag) == name:
            return item
    return None


def unescape(text):
    """OOXML writes control characters as _xHHHH_ (and a literal '_x' as _x005F_x)."""
    return ESCAPED_CHAR.sub(lambda m: chr(int(m.group(1), 16)), text or "")


def string_item(element):
    """Text of a shared-string item or inline string: plain <t>, or rich-text runs <r><t>.
    Phonetic guides (<rPh>) are not part of the displayed text and are skipped."""
    parts = []
    for item in element:
        name = local(item.tag)
        if name == "t":
            parts.append(item.text or "")
        elif name == "r":
            t = child(item, "t")
            if t is not None:
                parts.append(t.text or "")
    return unescape("".join(parts))


def column_number(letters):
    number = 0
    for ch in letters.upper():
        number = number * 26 + (ord(ch) - ord("A") + 1)
    return number


def column_letters(number):
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class Workbook:
    def __init__(self, archive):
        self.archive = archive
        self.names = set(archive.namelist())
        if "xl/workbook.xml" not in self.names:
            raise NotAWorkbook("a zip archive but not an .xlsx workbook (no xl/workbook.xml)")
        self.root = self.xml("xl/workbook.xml")
        self.rels = self.relationships("xl/workbook.xml")
        props = child(self.root, "workbookPr")
        self.date1904 = props is not None and props.get("date1904", "").lower() in ("1", "true")
        self.shared_strings = self.read_shared_strings()
        self.date_styles = self.read_date_styles()

    def xml(self, path):
        with self.archive.open(path) as stream:
            return ElementTree.parse(stream).getroot()

    def relationships(self, part):
        """{relationship id: (type, zip path)} for a part, e.g. the workbook's sheets."""
        folder, name = posixpath.split(part)
        rels_path = posixpath.join(folder, "_rels", name + ".rels")
        result = {}
        if rels_path not in self.names:
            return result
        for rel in self.xml(rels_path):
            target = unquote(rel.get("Target", ""))
            if rel.get("TargetMode") == "External":
                continue
            if target.startswith("/"):
                path = target.lstrip("/")
            else:
                path = posixpath.normpath(posixpath.join(folder, target))
            result[rel.get("Id")] = (rel.get("Type", ""), path)
        return result

    def part_of_type(self, suffix, fallback):
        for rel_type, path in self.rels.values():
            if rel_type.endswith(suffix) and path in self.names:
                return path
        return fallback if fallback in self.names else None

    def read_shared_strings(self):
        path = self.part_of_type("/sharedStrings", "xl/sharedStrings.xml")
        if path is None:
            return []
        return [string_item(si) for si in children(self.xml(path), "si")]

    def read_date_styles(self):
        """Indexes of the cell styles (the s attribute) whose number format shows a date."""
        path = self.part_of_type("/styles", "xl/styles.xml")
        if path is None:
            return set()
        styles = self.xml(path)
        custom = {}
        num_fmts = child(styles, "numFmts")
        if num_fmts is not None:
            for fmt in children(num_fmts, "numFmt"):
                try:
                    custom[int(fmt.get("numFmtId", "-1"))] = fmt.get("formatCode", "")
                except ValueError:
                    pass
        dates = set()
        cell_xfs = child(styles, "cellXfs")
        if cell_xfs is None:
            return dates
        for index, xf in enumerate(children(cell_xfs, "xf")):
            try:
                fmt_id = int(xf.get("numFmtId", "0"))
            except ValueError:
                continue
            if fmt_id in custom:
                if is_date_format(custom[fmt_id]):
                    dates.add(index)
            elif fmt_id in BUILTIN_DATE_FORMATS:
                dates.add(index)
        return dates

    def sheets(self):
        """(name, zip path or None, state) in workbook order."""
        sheets_element = child(self.root, "sheets")
        result = []
        if sheets_element is None:
            return result
        for position, sheet in enumerate(children(sheets_element, "sheet"), start=1):
            rel_id = sheet.get(REL_ID) or sheet.get(REL_ID_STRICT)
            path = self.rels.get(rel_id, ("", None))[1]
            if path is None:  # no relationships part: fall back on the usual file name
                path = "xl/worksheets/sheet%d.xml" % position
            result.append((sheet.get("name", "?"), path if path in self.names else None,
                           sheet.get("state", "visible")))
        return result


def is_date_format(code):
    """True if a custom number format code shows a date or time (d, m, y, h or s outside quotes)."""
    if not code or code.lower() == "general":
        return False
    code = code.split(";", 1)[0]
    code = re.sub(r'"[^"]*"', "", code)          # quoted literal text
    code = re.sub(r"\\.", "", code)              # escaped characters
    code = re.sub(r"\[(?![hms]+\])[^\]]*\]", "", code, flags=re.IGNORECASE)  # colours, locales; keep [h]
    return re.search(r"[dmyhs]", code, flags=re.IGNORECASE) is not None


def format_number(text):
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        return text
    if not number.is_finite():
        return text
    if number == number.to_integral_value():
        return str(int(number))
    return repr(float(number))  # shortest form: 0.10000000000000001 -> 0.1


def format_date(text, date1904):
    try:
        serial = float(text)
    except ValueError:
        return text
    if date1904:
        base = datetime.datetime(1904, 1, 1)
    elif serial < 60:  # Excel counts a 29 February 1900 that never was
        base = datetime.datetime(1899, 12, 31)
    else:
        base = datetime.datetime(1899, 12, 30)
    try:
        moment = base + datetime.timedelta(days=serial)
    except OverflowError:
        return format_number(text)
    moment = moment.replace(microsecond=0) + datetime.timedelta(seconds=round(moment.microsecond / 1e6))
    if serial == int(serial):
        return moment.strftime("%Y-%m-%d")
    if serial < 1:
        return moment.strftime("%H:%M:%S")
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def cell_value(cell, book):
    """The displayed value of a <c> element as text, or '' when the cell is empty."""
    kind = cell.get("t", "n")
    v = child(cell, "v")
    raw = v.text if v is not None and v.text is not None else None
    if kind == "inlineStr":
        inline = child(cell, "is")
        value = string_item(inline) if inline is not None else (raw or "")
    elif raw is None:
        value = ""
    elif kind == "s":
        try:
            value = book.shared_strings[int(raw)]
        except (ValueError, IndexError):
            value = "#BAD-SHARED-STRING(%s)" % raw
    elif kind == "b":
        value = "TRUE" if raw.strip() in ("1", "true") else "FALSE"
    elif kind in ("str", "e"):
        value = unescape(raw)
    elif kind == "d":
        value = raw  # ISO 8601 date written by some tools
    else:
        style = cell.get("s")
        is_date = style is not None and style.isdigit() and int(style) in book.date_styles
        value = format_date(raw, book.date1904) if is_date else format_number(raw)
    formula = child(cell, "f")
    if formula is not None and formula.text:
        value = (value + " " if value else "") + "[=" + unescape(formula.text) + "]"
    return value


def show(value):
    value = value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
    if value != value.strip():
        return '"' + value + '"'
    return value


def sheet_lines(book, root):
    lines = []
    merge_cells = child(root, "mergeCells")
    if merge_cells is not None:
        refs = [m.get("ref", "") for m in children(merge_cells, "mergeCell") if m.get("ref")]
        if refs:
            lines.append("merged: " + ", ".join(refs))
    data = child(root, "sheetData")
    if data is None:
        return lines
    rows = {}
    row_number = 0
    for row in children(data, "row"):
        r = row.get("r")
        row_number = int(r) if r and r.isdigit() else row_number + 1
        column = 0
        for cell in children(row, "c"):
            ref = CELL_REF.match(cell.get("r", ""))
            if ref:
                column = column_number(ref.group(1))
                number = int(ref.group(2))
            else:
                column += 1
                number = row_number
            value = cell_value(cell, book)
            if value.strip():
                rows.setdefault(number, {})[column] = value
    for number in sorted(rows):
        cells = rows[number]
        lines.append("%d: %s" % (number, " | ".join(
            "%s=%s" % (column_letters(c), show(cells[c])) for c in sorted(cells))))
    return lines


def convert(path, out):
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        with open(path, "rb") as f:
            head = f.read(8)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise NotAWorkbook("an old-style .xls (or encrypted) workbook, not .xlsx; save it as .xlsx")
        raise NotAWorkbook("not an .xlsx workbook (not a zip archive)")
    with archive:
        book = Workbook(archive)
        for name, sheet_path, state in book.sheets():
            out.write("=== Sheet: %s ===\n" % name)
            if state != "visible":
                out.write("state: %s\n" % state)
            if sheet_path is None:
                out.write("(no worksheet data: a chart sheet or a missing part)\n")
                continue
            root = book.xml(sheet_path)
            if local(root.tag) != "worksheet":
                out.write("(not a worksheet: %s)\n" % local(root.tag))
                continue
            for line in sheet_lines(book, root):
                out.write(line + "\n")


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: python3 rules/xlsx2txt.py FILE.xlsx\n")
        return 2
    path = argv[1]
    try:
        sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    except (AttributeError, ValueError):
        pass
    try:
        convert(path, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early (e.g. `| head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except NotAWorkbook as e:
        sys.stderr.write("xlsx2txt: %s is %s\n" % (path, e))
        return 1
    except Exception as e:  # a damaged file: one line, not a traceback, so that `git diff` stays readable
        message = str(e).splitlines()[0] if str(e).strip() else type(e).__name__
        sys.stderr.write("xlsx2txt: cannot read %s: %s\n" % (path, message))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
