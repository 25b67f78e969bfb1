#!/usr/bin/env bash
# The real preview of one stack, for pull-request.yml (the pull request's preview), deploy.yml (the
# approver's preview of prod) and drift.yml (drift): runs `pulumi preview`, keeps its full output, and
# writes what the comment and issue jobs post: the outcome and the summary first, then the output,
# truncated to fit a comment (all of it is in the job's artifact).
#
#   pulumi-check.sh preview   pulumi preview --diff --policy-pack policy
#   pulumi-check.sh drift     pulumi preview --refresh --expect-no-changes --diff --policy-pack policy
#
# Environment: STACK (as the backend names it, e.g. acme/prod), STACK_SHORT (prod), RUN_URL, ARTIFACT (the
# artifact that keeps the full output); optional PULUMI_BACKEND_URL, OUT_DIR (default target/pulumi-check),
# MAX_CHARS (default 60000; a GitHub comment or issue body holds 65536).
# Writes $OUT_DIR/$STACK_SHORT.txt (full output), .md (the body to post), .json ({stack, mode, status,
# exitCode, runUrl}); the body also goes to the job summary.
# Exit 0 when the preview succeeded (preview) or showed no drift (drift), 1 otherwise.
#
# Drift: Pulumi 3.248 exits 7 (ExitNoChanges, pkg/cmd/pulumi/cmd/exit_codes.go) after "error: no changes
# were expected for preview but changes were proposed" (backenderr.NoChangesExpectedError, raised in
# pkg/cmd/pulumi/operations/preview.go). The exit code decides; the message, in that wording or the
# older one without "for preview", is the fallback when a wrapper changes the code.
set -uo pipefail

mode="${1:?usage: pulumi-check.sh preview|drift}"
: "${STACK:?}" "${STACK_SHORT:?}" "${RUN_URL:?}" "${ARTIFACT:?}"
out_dir="${OUT_DIR:-target/pulumi-check}"
max_chars="${MAX_CHARS:-60000}"
mkdir -p "$out_dir"
txt="$out_dir/$STACK_SHORT.txt"
md="$out_dir/$STACK_SHORT.md"

case "$mode" in
  preview) flags=(--diff) ;;
  drift) flags=(--refresh --expect-no-changes --diff) ;;
  *) echo "pulumi-check.sh: unknown mode $mode" >&2; exit 2 ;;
esac

rc=0
if ! pulumi login ${PULUMI_BACKEND_URL:+"$PULUMI_BACKEND_URL"} > "$txt" 2>&1; then
  rc=3
else
  pulumi preview --stack "$STACK" "${flags[@]}" --policy-pack policy --non-interactive --color never >> "$txt" 2>&1
  rc=$?
fi

drift_message='no changes were expected (for preview )?but changes were proposed'
case "$mode" in
  preview)
    if [[ $rc -eq 0 ]]; then status=succeeded; icon=':white_check_mark:'; what="succeeded"
    else status=failed; icon=':x:'; what="FAILED (exit $rc)"; fi
    title="\`pulumi preview\` of \`$STACK_SHORT\`: $what" ;;
  drift)
    if [[ $rc -eq 0 ]]; then status=clean; icon=':white_check_mark:'; what="no drift"
    elif [[ $rc -eq 7 ]] || grep -Eq "$drift_message" "$txt"; then status=drift; icon=':warning:'; what="DRIFT (exit $rc)"
    else status=error; icon=':x:'; what="the check itself FAILED (exit $rc), drift unknown"; fi
    title="Drift check of \`$STACK_SHORT\`: $what" ;;
esac

# The summary: Pulumi's "Resources:" block (the counts), then every error and policy violation line.
summary="$(awk '/^Resources:/{on=1} on{print} on&&/^[[:space:]]*$/{exit}' "$txt")"
errors="$(grep -E '^[[:space:]]*(error|mandatory|advisory):|\[mandatory\]|\[advisory\]' "$txt" | head -40)"

{
  echo "### $icon $title"
  echo
  echo "Run: $RUN_URL (full output: artifact \`$ARTIFACT\`)"
  echo
  if [[ -n "$summary" ]]; then
    echo '```'; echo "$summary"; echo '```'
  else
    echo "No resource summary: the preview did not get that far."
  fi
  if [[ -n "$errors" ]]; then
    echo; echo "**Errors and policy violations**"; echo '```'; echo "$errors"; echo '```'
  fi
} > "$md"

used=$(wc -c < "$md")
budget=$(( max_chars - used - 400 ))
total=$(wc -c < "$txt")
{
  echo
  if (( total > budget )); then
    echo "<details><summary>Output: the first $budget of $total characters (all of it: artifact <code>$ARTIFACT</code>)</summary>"
  else
    echo "<details><summary>Output</summary>"
  fi
  echo; echo '```'
  head -c "$(( budget > 0 ? budget : 0 ))" "$txt"
  echo; echo '```'; echo "</details>"
} >> "$md"

printf '{"stack":"%s","mode":"%s","status":"%s","exitCode":%d,"runUrl":"%s"}\n' \
  "$STACK_SHORT" "$mode" "$status" "$rc" "$RUN_URL" > "$out_dir/$STACK_SHORT.json"
if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  cat "$md" >> "$GITHUB_STEP_SUMMARY"
fi

case "$status" in
  succeeded|clean) echo "$title"; exit 0 ;;
  drift) echo "::error title=Infrastructure drift in $STACK_SHORT::the real infrastructure or the state differs from main; see the job summary"; exit 1 ;;
  *) echo "::error title=$title::see the job summary and the artifact $ARTIFACT"; exit 1 ;;
esac
