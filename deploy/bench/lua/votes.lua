-- Residents voting: every request is a distinct (ballot, voter) pair, so each one is a real new vote (201).
package.path = os.getenv("LUA_DIR") .. "/?.lua;" .. package.path
require("common")

function init(args)
  label, expected, errors = os.getenv("LABEL"), 201, 0
  tokens = load_lines(os.getenv("TOKENS_FILE"))
  ballots = split(os.getenv("BALLOT_IDS"))
  base = os.getenv("PATH_PREFIX")
  stride = tonumber(os.getenv("WRK_THREADS"))
  next_pair = id
end

function request()
  local pair = next_pair
  next_pair = next_pair + stride
  local token = tokens[(pair % #tokens) + 1]
  local ballot = ballots[(math.floor(pair / #tokens) % #ballots) + 1]
  return wrk.format("POST", base .. "/ballots/" .. ballot .. "/votes",
    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"},
    '{"choices":["o' .. (pair % 10 + 1) .. '"]}')
end

function response(status, headers, body)
  count(status)
end
