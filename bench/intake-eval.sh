#!/usr/bin/env bash
# The article intake's evaluation (docs/INTAKE.md): the five seed articles (../shared/seeds beside the clone) through
# proposeFromArticle, scored against the curated data set, and the time to propose for a ~1,000-word article.
# Prints the Markdown tables IntakeEvalTest writes to target/intake-eval.md (quotes, speakers, dates, encounters,
# reported speech; actor and place mentions against src/test/resources/intake/mention-gold.tsv) and IntakeTimingTest's
# timing (target/intake-timing.md).
#
#   bench/intake-eval.sh            (PARLEY_LOCAL_DATABASE_NAME picks the test database, as for any test run)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d ../shared/seeds ]; then
  echo "the seed articles are not at ../shared/seeds" >&2
  exit 1
fi
PARLEY_REQUIRE_SEEDS=true ./mvnw -B -ntp -o -q test -Dtest=IntakeEvalTest,IntakeTimingTest \
  -Dsurefire.failIfNoSpecifiedTests=false
cat target/intake-eval.md target/intake-timing.md
