-- wrk: GET /api/v1/users/me with a bearer access token, cycling through the bench users' tokens.
package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
require "common"
local tokens, i

function init(args)
  tokens = read_lines(os.getenv("TOKENS"))
  i = (tid or 0) * 37
end

function request()
  local token = tokens[i % #tokens + 1]
  i = i + 1
  return wrk.format("GET", os.getenv("ME_PATH") or "/api/v1/users/me",
    { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" })
end
