-- Shared by the wrk scripts of scripts/bench-auth.sh: per-thread offsets, a one-line summary.
local counter = 0
function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end

function done(summary, latency, requests)
  local e = summary.errors
  local s = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.requests / s, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect + e.read + e.write + e.timeout, e.status))
end

function read_lines(path)
  local t = {}
  for line in io.lines(path) do if #line > 0 then t[#t + 1] = line end end
  return t
end

-- The lines of the file that env var NAME names, and a function giving them in turn, from a place
-- of its own for each thread.
function cycle(name)
  local lines = read_lines(os.getenv(name))
  local i = (tid or 0) * 37
  return function()
    local line = lines[i % #lines + 1]
    i = i + 1
    return line
  end
end
