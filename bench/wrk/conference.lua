-- wrk: each member of the bubble BUBBLE in turn joins its conference, then leaves it on their next
-- turn (no organizer is in: every join waits in the lobby), under the bubble's lock both ways.
package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
require "common"
local tokens
local inside = {}
local i

function init(args)
  tokens = read_lines(os.getenv("TOKENS"))
  i = (tid or 0) * 37
end

function request()
  local n = i % #tokens + 1
  i = i + 1
  local action = inside[n] and "leave" or "join"
  inside[n] = not inside[n]
  return wrk.format("POST", "/api/v1/bubbles/" .. os.getenv("BUBBLE") .. "/conference/" .. action,
    { ["Authorization"] = "Bearer " .. tokens[n], ["Accept"] = "application/json" }, "")
end
