"""A dashboard block's figures as a CSV download."""

import csv
import io

from nkohub.analytics.dashboard import Block, csv_text


def block_csv(block: Block) -> str:
    """The block's table as Excel saves a CSV in a Russian locale: «;» and decimal commas (with a
    byte-order mark, so Excel reads it as UTF-8)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([str(column) for column in block.columns])
    for row in block.rows:
        writer.writerow([csv_text(value) for value in row])
    return out.getvalue()
