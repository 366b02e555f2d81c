-- Residents reading public pages (cycles, ballots, results), each request with the next resident's token.
package.path = os.getenv("LUA_DIR") .. "/?.lua;" .. package.path
require("common")
pace(os.getenv("RATE"))

function init(args)
  label, expected, errors = os.getenv("LABEL"), 200, 0
  tokens = load_lines(os.getenv("TOKENS_FILE"))
  urls = split(os.getenv("READ_URLS"))
  n = id
  stride = tonumber(os.getenv("WRK_THREADS"))
end

function request()
  n = n + stride
  return wrk.format("GET", urls[(n % #urls) + 1], {["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1]})
end

function response(status, headers, body)
  count(status)
end
