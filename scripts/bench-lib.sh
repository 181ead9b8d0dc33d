# Sourced by the benchmark scripts that drive headless Chromium: checks it is there, and builds the reactor without
# installing and runs a report's main class on the modules' own jars under */target.

confab_require_chromium() {
  if [[ ! -x /usr/lib/chromium/chromium || ! -x /usr/bin/chromedriver ]]; then
    echo "Chromium is needed: apt-get install -y chromium chromium-driver" >&2
    exit 1
  fi
}

# confab_run_bench MAIN_CLASS [ARGS...]: replaces the shell with the report.
confab_run_bench() {
  local main_class=$1
  shift
  local cp_file=bench/target/classpath.txt
  ./mvnw -q -B -DskipTests -pl bench -am package dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$cp_file" -Dmdep.includeScope=runtime
  exec java -cp "bench/target/classes:$(cat "$cp_file")" "$main_class" "$@"
}
