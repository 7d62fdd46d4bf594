#!/usr/bin/python3
"""Keeps scenarios/schema.json honest: it must accept every sample scenario and
every valid test scenario, and reject each invalid test scenario that is marked
as one a schema can catch (tests/data/invalid/expected.json, schema_rejects)."""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
schema = json.loads((root / "scenarios/schema.json").read_text())
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
failures = []
checked = 0

valid = sorted(root.glob("scenarios/*.json")) + sorted(root.glob("tests/data/valid/*.json"))
for path in valid:
    if path.name == "schema.json":
        continue
    errors = list(validator.iter_errors(json.loads(path.read_text())))
    checked += 1
    if errors:
        failures.append(f"{path}: schema rejects a valid scenario: {errors[0].message}")

expected = json.loads((root / "tests/data/invalid/expected.json").read_text())
for name, case in sorted(expected.items()):
    if not case["schema_rejects"]:
        continue
    document = json.loads((root / f"tests/data/invalid/{name}.json").read_text())
    checked += 1
    if validator.is_valid(document):
        failures.append(f"{name}.json: schema accepts an invalid scenario ({case['message']})")

for f in failures:
    print(f)
print(f"{checked - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
