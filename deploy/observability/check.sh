#!/usr/bin/env bash
# Validates the Prometheus configuration and rules and runs the rules' unit tests; .ci/run calls it. Runs all three
# so one run reports every problem, and exits non-zero if any failed. Needs promtool (Debian package prometheus).
set -uo pipefail
cd "$(dirname "$0")"

status=0
promtool check config --lint-fatal prometheus.yml || status=1
promtool check rules --lint-fatal rules/eshop.rules.yml || status=1
promtool test rules tests/eshop.rules.test.yml || status=1
exit $status
