#!/bin/bash
# The express examples' own acceptance tests against a server out of process: the unsplit app, then `carve dev`
# in each shape. Run in a copy of expressjs/express prepared as ../../codemods/README.md ("Measured on real
# apps") says; prints per example and mode: passing/total and the failing tests. ONLY=<test files> limits it.
cd "${EXPRESS_DIR:?the prepared copy of expressjs/express}" || exit 2
mkdir -p test/oop
port=$((4600 + RANDOM % 200 * 4))
for t in ${ONLY:-test/acceptance/*.js}; do
  ex=$(grep -oE "examples/[a-z-]+" "$t" | head -1 | cut -d/ -f2)
  sed -E "s#require\('\.\./\.\./examples/[a-z-]+'\)#process.env.TARGET_URL#" "$t" > "test/oop/$(basename "$t")"
  for mode in unsplit monolith microservices nanoservices; do
    port=$((port+1))
    if [ $mode = unsplit ]; then
      node -e "require('./examples/$ex').listen($port, '127.0.0.1', () => console.log('carve dev: up'))" > "/tmp/oop-$ex-$mode.log" 2>&1 &
    else
      CARVE_LOG_LEVEL=silent npx carve dev --app "examples/$ex/carve/app.mjs" --shape $mode --port $port > "/tmp/oop-$ex-$mode.log" 2>&1 &
    fi
    pid=$!
    for _ in $(seq 1 60); do grep -q "carve dev:" "/tmp/oop-$ex-$mode.log" && break; sleep 0.5; done
    r=$(TARGET_URL=http://127.0.0.1:$port npx mocha --require test/support/env --reporter json --exit "test/oop/$(basename "$t")" 2>/dev/null \
      | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{try{const r=JSON.parse(s);console.log(r.stats.passes+'/'+r.stats.tests+' '+r.failures.map(f=>f.fullTitle).join(' | '))}catch(e){console.log('ERR')}})")
    echo "$ex $mode $r"
    # npx does not pass SIGTERM on: stop what listens on the port by its command line too.
    pkill -f -- "--port $port\b" 2>/dev/null; kill $pid 2>/dev/null; wait $pid 2>/dev/null
  done
done
