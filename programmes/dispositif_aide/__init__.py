"""Etalab's national schema for aid schemes (schema-dispositif-aide), both ways.

- `export`: the schema's fields and the generators of records and CSV rows;
- `files`: reading a JSON or CSV file in the schema, cells parsed, no database;
- `importing`: records turned into the programme import's rows, checked and written by it.
"""
