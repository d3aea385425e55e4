#!/usr/bin/env bash
# The action's run step (action.yml): vgharness run INPUT_PLAN --report-dir INPUT_REPORT_DIR INPUT_ARGS (split at
# whitespace). It always exits 0, so that the reports are uploaded whatever happened; it hands vgharness's exit code
# to the last step through $GITHUB_OUTPUT (exit-code, report-dir), and the text summary to the job's summary page.
set -euo pipefail
: "${INPUT_PLAN:?the action needs a plan}" "${GITHUB_OUTPUT:?}"
report_dir=${INPUT_REPORT_DIR:-vgharness-reports}
read -r -a args <<< "${INPUT_ARGS:-}"
summary=$(mktemp)
trap 'rm -f "$summary"' EXIT
code=0
vgharness run "$INPUT_PLAN" --report-dir "$report_dir" ${args[@]+"${args[@]}"} | tee "$summary" || code=${PIPESTATUS[0]}
echo "exit-code=$code" >> "$GITHUB_OUTPUT"
echo "report-dir=$report_dir" >> "$GITHUB_OUTPUT"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  { echo "### vgharness run $INPUT_PLAN (exit $code)"; echo '```text'; cat "$summary"; echo '```'; } >> "$GITHUB_STEP_SUMMARY"
fi
