# Sourced by the launchers: sets the array ALS4J_JVM_OPTIONS to the option files for the java
# given as $1 (the JDK 24+ file only where that JDK accepts it).
# shellcheck shell=bash
als4j_jvm_options() {
  local java="$1" dir major
  dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  major="$("$java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')"
  ALS4J_JVM_OPTIONS=("@$dir/jvm.options" "@$dir/vector.options")
  if [ "${major:-17}" -ge 24 ]; then
    ALS4J_JVM_OPTIONS+=("@$dir/jvm-jdk24plus.options")
  fi
}
