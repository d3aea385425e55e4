#!/usr/bin/env bash
# The action's first step (action.yml): valgrind and gdb on the runner when missing (apt-get, unless
# INPUT_INSTALL_TOOLS=false), then the vgharness distribution unpacked into $RUNNER_TEMP/vgharness with its bin/ on
# PATH for the later steps ($GITHUB_PATH).
# The distribution is INPUT_DISTRIBUTION (a path or an https URL of vgharness-VERSION.tar.gz); without it, the
# vgharness-*.tar.gz asset of the release ACTION_REF of ACTION_REPOSITORY (gh, GH_TOKEN); without such a release, the
# one `mvn package` makes from the action's own source (ACTION_PATH).
set -euo pipefail
: "${RUNNER_TEMP:?}" "${GITHUB_PATH:?}"
action_path=${ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
work="$RUNNER_TEMP/vgharness-download"
home="$RUNNER_TEMP/vgharness"
rm -rf "$work" "$home" && mkdir -p "$work" "$home"

if [ "${INPUT_INSTALL_TOOLS:-true}" = true ]; then
  missing=()
  for tool in valgrind gdb; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
    echo "vgharness action: installing ${missing[*]}"
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

distribution=${INPUT_DISTRIBUTION:-}
if [[ "$distribution" == https://* ]]; then
  curl -fsSL --retry 3 -o "$work/vgharness.tar.gz" "$distribution"
  distribution="$work/vgharness.tar.gz"
elif [ -z "$distribution" ] && [ -n "${ACTION_REF:-}" ] && command -v gh >/dev/null \
    && gh release download "$ACTION_REF" --repo "${ACTION_REPOSITORY:?}" --pattern 'vgharness-*.tar.gz' \
       --dir "$work" 2>/dev/null; then
  distribution=$(ls "$work"/vgharness-*.tar.gz)
elif [ -z "$distribution" ]; then
  echo "vgharness action: no release asset for '${ACTION_REF:-}'; building from $action_path"
  (cd "$action_path" && mvn -B -q -DskipTests package)
  distribution=$(ls "$action_path"/target/vgharness-*.tar.gz)
fi
tar -xzf "$distribution" -C "$home" --strip-components=1
echo "$home/bin" >> "$GITHUB_PATH"
VGHARNESS_NO_CDS=1 "$home/bin/vgharness" --version
