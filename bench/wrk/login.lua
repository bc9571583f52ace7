-- wrk: POST /api/v1/auth/login, cycling through the bench users (each thread starts elsewhere).
package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
require "common"
local next_user
local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }

function init(args)
  next_user = cycle("USERS")
end

function request()
  return wrk.format("POST", "/api/v1/auth/login", headers,
    '{"email":"' .. next_user() .. '","password":"' .. os.getenv("PASSWORD") .. '"}')
end
