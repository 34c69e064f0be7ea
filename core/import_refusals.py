"""Importing the valid rows only, when the editor chooses it (`--skip-invalid`).

Without that choice an import stays all or nothing. With it, the rows with a problem are left
out, listed, and offered back as a CSV (the file's own header and cells, plus the problems) to
fix and import again; the valid rows are written as usual, in one transaction."""
import csv
import io
from collections import defaultdict

from django.utils.translation import gettext as _

from .csvfile import decode

PROBLEMS_COLUMN = "problemes"


def valid_rows_only(plan):
    """(the plan with only its valid rows, the refused rows' problems). A problem of the whole file
    (header, encoding) leaves no valid row: nothing is imported and it is listed as refused."""
    refused = list(plan.problems)
    lines = {problem.line for problem in refused}
    plan.rows = [row for row in plan.rows if row.line not in lines]
    plan.problems, plan.refused = [], refused
    return plan, refused


def refused_csv(data, problems):
    """The refused rows as CSV bytes: the file's header and cells with a `problemes` column, or,
    for a file that is no CSV (JSON), its line numbers and problems."""
    messages = defaultdict(list)
    for problem in problems:
        messages[problem.line].append(f"{problem.column} : {problem.message}" if problem.column else problem.message)
    out = io.StringIO()
    try:
        text, delimiter, _decimal_comma = decode(data)
        if text.lstrip()[:1] in ("[", "{"):
            raise ValueError("JSON")
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
        header = next(rows)
        writer.writerow([*header, PROBLEMS_COLUMN])
        written = set()
        for line, cells in enumerate(rows, start=2):
            if line in messages:
                writer.writerow([*cells, " | ".join(messages[line])])
                written.add(line)
        for line in sorted(set(messages) - written):  # the file's own problems (header, encoding)
            problems = _("ligne %(line)s : %(problems)s") % {"line": line, "problems": " | ".join(messages[line])}
            writer.writerow([*([""] * len(header)), problems])
    except (ValueError, UnicodeDecodeError, csv.Error, StopIteration):
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["ligne", PROBLEMS_COLUMN])
        for line in sorted(messages):
            writer.writerow([line, " | ".join(messages[line])])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
