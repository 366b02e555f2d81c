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

-- The sum over all threads of a counter each thread keeps (read in done, after the threads stopped).
function sum_threads(name)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get(name) end
  return total
end

function done(summary, latency, requests)
  local errs = sum_threads("errors")
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local seconds = summary.duration / 1e6
  -- ok_rps counts only the expected answers: a 409 for a (voter, ballot) pair used twice is no vote.
  io.write(string.format("RESULT class=%s requests=%d rps=%.1f ok_rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d socket_errors=%d status_errors=%d\n",
    os.getenv("LABEL"), summary.requests, summary.requests / seconds, (summary.requests - errs - socket) / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errs + socket, socket, summary.errors.status))
end

-- Open-model pacing for background traffic: `rate` requests per second in all, shared out among the WRK_THREADS
-- threads; each request takes the next free slot of its thread, a slot missed while the stack was slow is dropped
-- (no burst to catch up). Without a rate the connections send as fast as the answers come back.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *now);
]]
local clock = ffi.new("bench_timespec")

local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

function pace(rate)
  rate = tonumber(rate or "") or 0
  if rate <= 0 then return end
  local interval = 1000 * tonumber(os.getenv("WRK_THREADS")) / rate
  local next_at = nil
  function delay()
    local now = now_ms()
    if next_at == nil or next_at < now then next_at = now end
    local wait = next_at - now
    next_at = next_at + interval
    return wait
  end
end
