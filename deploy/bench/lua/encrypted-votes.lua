-- Residents casting ballots their app encrypted (deploy/bench/voting KIND=encrypted): each line of this thread's file
-- BODIES-<thread>.txt is "<voter index> <ballot id> <JSON body>", one distinct (voter, ballot) pair, the ballot bound to
-- that ballot's id (EncryptedVoteBodies); each is posted once with that voter's token and should answer 201. Lines are
-- read as they are sent, so the bodies (~12 KB each) never sit in memory. Should the service take them all before the
-- time is up, the thread starts its file again: those are repeats, answered 409 and counted apart.
package.path = os.getenv("LUA_DIR") .. "/?.lua;" .. package.path
require("common")

function init(args)
  tokens = load_lines(os.getenv("TOKENS_FILE"))
  path = string.format("%s-%d.txt", os.getenv("BODIES"), id)
  file = assert(io.open(path, "r"))
  created, repeated, other, restarts = 0, 0, 0, 0
end

function request()
  local line = file:read("*l")
  if line == nil then
    restarts = restarts + 1
    file:seek("set", 0)
    line = file:read("*l")
  end
  local voter, ballot, body = line:match("^(%d+) (%S+) (.*)$")
  return wrk.format("POST", "/api/v1/voting/ballots/" .. ballot .. "/encrypted-votes",
    {["Authorization"] = "Bearer " .. tokens[tonumber(voter) + 1], ["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 409 then
    repeated = repeated + 1
  else
    other = other + 1
    if other <= 3 then io.stderr:write(string.format("[encrypted-votes] unexpected %d: %s\n", status, string.sub(body, 1, 300))) end
  end
end

-- The same RESULT line as deploy/bench/voting's server-encrypted votes, plus how often a thread ran out of bodies.
function done(summary, latency, requests)
  local c, r, o = sum_threads("created"), sum_threads("repeated"), sum_threads("other")
  local secs = summary.duration / 1e6
  io.write(string.format("RESULT accepted=%d repeated409=%d other=%d socket_errors=%d seconds=%.1f votes_per_s=%.0f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f bodies_restarted=%d\n",
    c, r, o, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, secs, c / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    sum_threads("restarts")))
end
