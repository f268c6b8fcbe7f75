"""Word and PDF files read into Documents; a broken one is a clear error naming the file."""

from __future__ import annotations

from pathlib import Path

import docx

from nlp.documents import read_paths
from nlp.records import Document, ReadError


def _minimal_pdf(text: str) -> bytes:
    """A one-page PDF with a line of text, written by hand so the test needs no PDF writer."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_docx_paragraphs_become_the_text(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Reducing falls with intentional rounding", level=1)
    document.add_paragraph("The ward team used PDSA cycles to test hourly rounding on an elderly care ward.")
    path = tmp_path / "falls-project.docx"
    document.save(path)
    [record] = list(read_paths([path], kind="project"))
    assert isinstance(record, Document), record
    assert "hourly rounding" in record.text
    assert record.kind == "project"


def test_pdf_text_is_extracted(tmp_path: Path) -> None:
    path = tmp_path / "evidence.pdf"
    path.write_bytes(_minimal_pdf("Early warning scores reduce unplanned ICU admissions"))
    [record] = list(read_paths([path], kind="evidence"))
    assert isinstance(record, Document), record
    assert "Early warning scores" in record.text


def test_corrupt_office_files_are_errors_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    results = list(read_paths([tmp_path / "broken.docx", tmp_path / "broken.pdf"]))
    assert all(isinstance(r, ReadError) for r in results), results
    assert {Path(r.source.split("#")[0]).name for r in results} == {"broken.docx", "broken.pdf"}
