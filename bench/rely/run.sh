#!/usr/bin/env bash
# Runs the rely benchmarks once (5 measured runs per scenario, medians) and prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")"
dotnet run -c Release --project Zylisp.Rely.Bench.csproj -- "${1:-5}"
