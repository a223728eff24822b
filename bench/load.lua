-- wrk script for bench.run: request shape from the environment, non-2xx counted per thread,
-- and one machine-readable result line at the end (wrk's own text output is for humans).

wrk.method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
if body and body ~= "" then
  wrk.body = body
  -- JSON unless told otherwise (the reference server's token request is form-encoded).
  local content_type = os.getenv("BENCH_CONTENT_TYPE")
  if not content_type or content_type == "" then
    content_type = "application/json"
  end
  wrk.headers["Content-Type"] = content_type
end
local auth = os.getenv("BENCH_AUTHORIZATION")
if auth and auth ~= "" then
  wrk.headers["Authorization"] = auth
end

-- Each wrk thread has its own Lua state: setup() keeps the handles so done() can sum their counters.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

non2xx = 0

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local counted = 0
  for _, thread in ipairs(threads) do
    counted = counted + thread:get("non2xx")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"duration_us":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"non2xx":%d,"wrk_status_errors":%d,"socket_errors":%d}\n',
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    counted, e.status, e.connect + e.read + e.write + e.timeout))
end
