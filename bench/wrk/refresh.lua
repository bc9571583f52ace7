-- wrk: POST /api/v1/auth/refresh. Iris rotates refresh tokens and a reused one ends its session, so
-- each thread keeps its own share of the tokens in a queue: a request takes one, its answer puts the
-- new one back.
package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
require "common"
local queue, first, last
local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }

function init(args)
  local all = read_lines(os.getenv("REFRESH"))
  local threads = tonumber(os.getenv("THREADS") or "2")
  queue, first, last = {}, 1, 0
  for n = 1, #all do
    if (n - 1) % threads == (tid or 0) then
      last = last + 1
      queue[last] = all[n]
    end
  end
end

function request()
  local token = queue[first]
  queue[first] = nil
  first = first + 1
  return wrk.format("POST", "/api/v1/auth/refresh", headers, '{"refreshToken":"' .. token .. '"}')
end

function response(status, headers, body)
  local token = body:match('"refreshToken"%s*:%s*"([^"]+)"')
  if status == 200 and token then
    last = last + 1
    queue[last] = token
  end
end
