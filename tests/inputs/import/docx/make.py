#!/usr/bin/env python3
"""make.py -- write the .docx fixtures of tests/inputs/import/docx.

Run from anywhere: `python3 tests/inputs/import/docx/make.py`. The files are
committed; this script is how they were made, and remakes them byte for
byte (fixed timestamps, fixed order). Only the parts a reader needs are
written: [Content_Types].xml, _rels/.rels and word/document.xml (ECMA-376
Part 2, Open Packaging Conventions), plus the hostile variants.
"""
import os
import struct
import warnings
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
STAMP = (2026, 3, 14, 10, 0, 0)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml"'
    ' ContentType="application/xml"/><Override PartName="/word/document.xml"'
    ' ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>')


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % esc(text)


def para(*parts):
    """A paragraph of runs: plain strings become runs, others are XML."""
    return "<w:p>%s</w:p>" % "".join(
        run(p) if not p.startswith("<") else p for p in parts)


def document(body, extra_ns=""):
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:document xmlns:w="%s"%s><w:body>%s<w:sectPr/></w:body>'
        '</w:document>' % (W, extra_ns, body))


def write(name, parts, compression=zipfile.ZIP_DEFLATED):
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, "w") as z:
        for part, data in parts:
            info = zipfile.ZipInfo(part, STAMP)
            info.compress_type = compression
            info.external_attr = 0o644 << 16
            z.writestr(info, data, compresslevel=9)
    return path


def docx(name, body, extra_ns="", more=()):
    return write(name, [("[Content_Types].xml", CONTENT_TYPES),
                        ("_rels/.rels", RELS),
                        ("word/document.xml", document(body, extra_ns))] +
                 list(more))


def cell(*paras):
    return "<w:tc><w:tcPr/>%s</w:tc>" % "".join(para(p) for p in paras)


def row(*cells):
    return "<w:tr>%s</w:tr>" % "".join(cell(*c) if isinstance(c, tuple)
                                       else cell(c) for c in cells)


def main():
    # The Otter.ai and Rev exports of ../txt, one paragraph per line: the
    # text rules must read them alike.
    for layout in ("otter", "rev"):
        with open(os.path.join(HERE, "..", "txt", layout + ".txt"),
                  encoding="utf-8") as f:
            lines = f.read().split("\n")
        if lines[-1] == "":
            lines.pop()
        docx(layout + ".docx", "".join(para(line) for line in lines))
    # Runs and tracked changes: insertions kept, deletions, field
    # instructions, hidden text and text boxes dropped; a tab is a space
    # and a line break starts a new line of the same paragraph.
    tb = ('<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
          '<w:txbxContent><w:p><w:r><w:t>TEXT BOX</w:t></w:r></w:p>'
          '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict>'
          '<w:p><w:r><w:t>TEXT BOX</w:t></w:r></w:p></w:pict>'
          '</mc:Fallback></mc:AlternateContent>')
    docx("runs.docx", "".join([
        para("Counsellor:", "<w:r><w:tab/></w:r>",
             "How did the ", '<w:ins w:id="1" w:author="JL"><w:r><w:t>'
             'family </w:t></w:r></w:ins>', "visit go?",
             '<w:del w:id="2" w:author="JL"><w:r><w:delText> DELETED'
             '</w:delText></w:r></w:del>'),
        para("Client: It was fine", "<w:r><w:br/></w:r>",
             "mostly fine, I mean.",
             '<w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>',
             "<w:r><w:cr/><w:t>Counsellor: Mostly?</w:t></w:r>"),
        para("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
             "<w:r><w:instrText> PAGE </w:instrText></w:r>"
             "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>",
             "Client: My brother", "<w:r><w:fldChar w:fldCharType=\"end\"/>"
             "</w:r>", " skipped the follow", "<w:r><w:noBreakHyphen/>"
             "</w:r>", "up again.", tb),
        '<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>' +
        para('<w:hyperlink w:anchor="a"><w:r><w:t>Counsellor:</w:t></w:r>'
             '</w:hyperlink>', " That sounds ",
             '<w:smartTag w:uri="u" w:element="e"><w:r><w:t>painful'
             '</w:t></w:r></w:smartTag>', ".") +
        '</w:sdtContent></w:sdt>',
        '<w:del w:id="3" w:author="JL">' + para("Client: DELETED PARAGRAPH")
        + '</w:del>',
        para("Client: ", '<w:moveFrom w:id="4" w:author="JL"><w:r><w:t>'
             'MOVED AWAY </w:t></w:r></w:moveFrom>', "Yeah. It is.",
             '<w:moveTo w:id="5" w:author="JL"><w:r><w:t> It really is.'
             '</w:t></w:r></w:moveTo>'),
    ]), extra_ns=' xmlns:mc="http://schemas.openxmlformats.org/'
       'markup-compatibility/2006"')
    # A transcript kept in a table: a heading row, "Speaker | text" rows,
    # a "time | Speaker | text" table, a row that is not a speaker's and
    # is read cell by cell, cells that hold "Speaker: text" themselves.
    docx("table.docx", "".join([
        para("Session 2 \u2013 Alex (pseudonym)"),
        "<w:tbl><w:tblPr/>",
        row("Speaker", "Text"),
        row("Therapist", "What would a good week look like for you?"),
        row("Client:", ("I'd get up on time.", "And call my mum back.")),
        row("note for the coder", "skip ahead to 12 minutes"),
        "</w:tbl>",
        "<w:tbl>",
        row("Time", "Speaker", "Transcript"),
        row("00:12:03", "Therapist", "Okay, let's pick up there."),
        row("[00:12:10]", "Client", "Sure."),
        "</w:tbl>",
        "<w:tbl>",
        row("Therapist: One more thing.", "Client: Go on."),
        "</w:tbl>",
    ]))
    # "Speaker: text" paragraphs; the time forms; a lower-case label that
    # recurs; a paragraph without a label continues the turn; a time
    # that goes back (a warning naming the paragraph).
    docx("plain.docx", "".join([
        para("Therapist: Where would you like to start today?"),
        para("[00:00:09] Client: With my sleep, I think."),
        para("It's been bad since the move."),
        para("Therapist (00:00:15): Tell me about a typical night."),
        para("mum: She's been calling every night too."),
        para("mum: I told her: not now."),
        para("[00:00:12] Client: Sorry, back to the nights."),
    ]))
    # No text at all; XML that is not well-formed; an XXE attempt.
    docx("empty.docx", para("") + para("   "))
    write("badxml.docx", [("[Content_Types].xml", CONTENT_TYPES),
                          ("word/document.xml",
                           document(para("Therapist: Hi")).replace(
                               "</w:body>", ""))])
    write("xxe.docx", [("[Content_Types].xml", CONTENT_TYPES),
                       ("word/document.xml",
                        '<?xml version="1.0"?>\n<!DOCTYPE w:document ['
                        '<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                        '<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>'
                        'Therapist: &x;</w:t></w:r></w:p></w:body>'
                        '</w:document>' % W)])
    # An archive without word/document.xml (a spreadsheet, say).
    write("nodoc.docx", [("[Content_Types].xml", CONTENT_TYPES),
                         ("xl/workbook.xml", "<workbook/>")])
    # word/document.xml twice.
    body = document(para("Therapist: Hello."))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        write("duplicate.docx", [("[Content_Types].xml", CONTENT_TYPES),
                                 ("word/document.xml", body),
                                 ("word/document.xml",
                                  document(para("Client: Other.")))])
    # An entry named to escape the directory an extractor writes to.
    write("traversal.docx", [("[Content_Types].xml", CONTENT_TYPES),
                             ("../../../tmp/rapport-evil.sh", "#!/bin/sh\n"),
                             ("word/document.xml", body)])
    write("absolute.docx", [("[Content_Types].xml", CONTENT_TYPES),
                            ("/etc/rapport-evil", "x"),
                            ("word/document.xml", body)])
    # A zip bomb: 100 MB of white space after the root element, which
    # deflate packs into about 100 KB.
    bomb = (document("").replace("<w:body>", "<w:body>" + " " * 100000000))
    write("bomb.docx", [("[Content_Types].xml", CONTENT_TYPES),
                        ("word/document.xml", bomb)])
    # An encrypted entry: the traditional PKWARE flag (APPNOTE 4.4.4, bit
    # 0) set in its local and central headers. The bytes are not really
    # encrypted; a reader must refuse on the flag before reading them.
    path = docx("encrypted.docx", para("Therapist: Secret."))
    data = bytearray(open(path, "rb").read())
    name = b"word/document.xml"
    for sig, flag_at, name_at in ((b"PK\x03\x04", 6, 30),
                                  (b"PK\x01\x02", 8, 46)):
        i = 0
        while (i := data.find(sig, i)) >= 0:
            if data[i + name_at:i + name_at + len(name)] == name:
                flags, = struct.unpack_from("<H", data, i + flag_at)
                struct.pack_into("<H", data, i + flag_at, flags | 1)
            i += 4
    open(path, "wb").write(bytes(data))
    # An end of central directory record that declares 60000 entries.
    path = docx("many.docx", para("Therapist: Hello."))
    data = bytearray(open(path, "rb").read())
    eocd = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, eocd + 8, 60000, 60000)
    open(path, "wb").write(bytes(data))
    # Cut short: the central directory is missing.
    path = docx("truncated.docx", para("Therapist: Hello."))
    data = open(path, "rb").read()
    open(path, "wb").write(data[:len(data) // 2])
    # Not a ZIP at all, whatever the name says.
    with open(os.path.join(HERE, "notzip.docx"), "w") as f:
        f.write("Therapist: this is a text file named .docx\n")


if __name__ == "__main__":
    main()
