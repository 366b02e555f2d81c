-- Officers writing: each request opens a ballot (투표 개설) as the next officer of the district.
package.path = os.getenv("LUA_DIR") .. "/?.lua;" .. package.path
require("common")
pace(os.getenv("RATE"))

function init(args)
  label, expected, errors = os.getenv("LABEL"), 201, 0
  tokens = load_lines(os.getenv("OFFICER_TOKENS_FILE"))
  body = os.getenv("WRITE_BODY")
  path = os.getenv("WRITE_PATH")
  n = id
  stride = tonumber(os.getenv("WRK_THREADS"))
end

function request()
  n = n + stride
  return wrk.format("POST", path, {["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1],
    ["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  count(status)
end
