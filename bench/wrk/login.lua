-- wrk: POST /api/v1/auth/login, cycling through the bench users (each thread starts elsewhere).
package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
require "common"
local users, i
local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }

function init(args)
  users = read_lines(os.getenv("USERS"))
  i = (tid or 0) * 37
end

function request()
  local email = users[i % #users + 1]
  i = i + 1
  return wrk.format("POST", "/api/v1/auth/login", headers,
    '{"email":"' .. email .. '","password":"' .. os.getenv("PASSWORD") .. '"}')
end
