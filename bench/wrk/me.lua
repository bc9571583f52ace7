-- wrk: GET /api/v1/users/me (or ME_PATH) with a bearer access token, cycling through the users' tokens.
package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
require "common"
local next_token

function init(args)
  next_token = cycle("TOKENS")
end

function request()
  return wrk.format("GET", os.getenv("ME_PATH") or "/api/v1/users/me",
    { ["Authorization"] = "Bearer " .. next_token(), ["Accept"] = "application/json" })
end
