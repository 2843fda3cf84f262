#!/usr/bin/env python3
"""Validates every example spec against the JSON Schema that `tally schema` prints, and checks that the
committed ReportSpecs/tally.schema.json (what editors load via the $schema line) is current.
Run by `make test`. Usage: check-schema.py TALLY_BINARY SPEC..."""
import json
import subprocess
import sys

import jsonschema
import yaml


class SpecLoader(yaml.SafeLoader):
    """Safe YAML loader that keeps dates as text, as Tally reads them (YYYY-MM-DD strings)."""


SpecLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def main() -> int:
    tally, specs = sys.argv[1], sys.argv[2:]
    printed = subprocess.run([tally, "schema"], check=True, capture_output=True, text=True).stdout
    schema = json.loads(printed)
    jsonschema.Draft202012Validator.check_schema(schema)
    failures = 0
    with open("ReportSpecs/tally.schema.json", encoding="utf-8") as committed:
        if json.load(committed) != schema:
            print("ReportSpecs/tally.schema.json is out of date: run  .build/debug/tally schema > ReportSpecs/tally.schema.json")
            failures += 1
    validator = jsonschema.Draft202012Validator(schema)
    for path in specs:
        with open(path, encoding="utf-8") as handle:
            document = yaml.load(handle, Loader=SpecLoader)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        for error in errors:
            print(f"{path}: {'/'.join(str(p) for p in error.path) or '(root)'}: {error.message}")
        failures += len(errors)
    print(f"schema: {len(specs)} specs checked, {failures} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
