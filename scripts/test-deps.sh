#!/usr/bin/env bash
# Installs what the test suite needs beyond Go and gcc. Safe to run again:
# anything already present is left alone.
set -euo pipefail

# The Go modules the tests use, fetched once so the test run itself is quiet.
go mod download
