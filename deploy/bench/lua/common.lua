-- Shared by the route-class scripts of deploy/bench/gateway: per-thread indices, token rotation, error counts
-- and a one-line RESULT summary that the shell script parses.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function load_lines(path)
  local out = {}
  for line in io.lines(path) do
    if #line > 0 then out[#out + 1] = line end
  end
  return out
end

function split(text)
  local out = {}
  for item in string.gmatch(text or "", "[^,]+") do out[#out + 1] = item end
  return out
end

function count(status)
  if status ~= expected then
    errors = errors + 1
    if errors <= 3 then io.stderr:write(string.format("[%s] unexpected %d\n", label, status)) end
  end
end

function done(summary, latency, requests)
  local errs = 0
  for _, t in ipairs(threads) do errs = errs + t:get("errors") end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT class=%s requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d socket_errors=%d status_errors=%d\n",
    os.getenv("LABEL"), summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errs + socket, socket, summary.errors.status))
end
