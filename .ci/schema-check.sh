#!/bin/sh
# Validate every YAML file of positions/ (and the test fixtures) against the committed
# JSON Schemas with check-jsonschema, an implementation independent of trilogue, and
# make sure it rejects an unknown field and a wrong enum value.
set -eu
for d in positions/*/ tests/fixtures/basic/positions/*/; do
  case "$d" in */_data/) continue ;; esac
  check-jsonschema --schemafile schema/dossier.schema.json "$d/dossier.yaml"
  [ -f "$d/member-states.yaml" ] && check-jsonschema --schemafile schema/member-states.schema.json "$d/member-states.yaml"
  [ -f "$d/timeline.yaml" ] && check-jsonschema --schemafile schema/timeline.schema.json "$d/timeline.yaml"
  [ -f "$d/actors.yaml" ] && check-jsonschema --schemafile schema/actors.schema.json "$d/actors.yaml"
  check-jsonschema --schemafile schema/provision.schema.json "$d"/provisions/*.yaml
done
check-jsonschema --schemafile schema/population.schema.json positions/_data/*.yaml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'ref: Article 1\ntitle: T\npositions:\n  commission:\n    date: 2022-05-11\n    source: com\n    colour: red\n' > "$tmp/unknown-field.yaml"
printf 'stances:\n  - country: DE\n    history:\n      - date: 2025-01-01\n        stance: opose\n        source: x\n' > "$tmp/bad-enum.yaml"
if check-jsonschema --schemafile schema/provision.schema.json "$tmp/unknown-field.yaml" >/dev/null 2>&1; then
  echo "schema check: an unknown field was accepted"; exit 1
fi
if check-jsonschema --schemafile schema/member-states.schema.json "$tmp/bad-enum.yaml" >/dev/null 2>&1; then
  echo "schema check: a wrong enum value was accepted"; exit 1
fi
echo "check-jsonschema: positions/ and fixtures valid; unknown field and bad enum rejected"
# The GitHub workflows are valid workflow files (schema vendored in check-jsonschema).
check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
