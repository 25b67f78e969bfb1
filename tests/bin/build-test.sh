#!/usr/bin/env bash
# bin/build in a scratch copy of the project: the first run compiles and prints no terminal escape code;
# editing a stack file afterwards does not recompile (no new class file, no "compiling" line). Run by bin/test.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cp -r "$root/bin" "$root/src" "$root/pom.xml" "$root/.mvn" "$root"/Pulumi*.yaml "$work/"
[[ -d $root/resources ]] && cp -r "$root/resources" "$work/"
fail() { echo "build-test: $*" >&2; exit 1; }
esc=$'\e'

first="$("$work/bin/build" 2>&1)"
[[ $first == *"bin/build: compiling"* ]] || fail "first build did not compile: $first"
[[ $first != *"$esc"* ]] || fail "first build printed an escape code: $(printf '%s' "$first" | od -c | head -5)"
[[ -f $work/target/platform.jar && -f $work/target/plan.jsa ]] || fail "no jar or class-data archive after the first build"

sleep 1
echo "# edited" >> "$work/Pulumi.dev.yaml"
second="$("$work/bin/build" 2>&1)"
[[ -z $second ]] || fail "a stack-file edit printed: $second"
[[ -z $(find "$work/target/classes" -newer "$work/Pulumi.dev.yaml" -print -quit) ]] || fail "a stack-file edit recompiled"

echo "build-test: ok (compiles once, stack-file edits skip the compile, no escape codes)"
