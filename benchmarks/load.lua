-- wrk script: requests the paths of a file in turn, and reports latency percentiles as JSON.
-- usage: wrk -t T -c C -d D -s benchmarks/load.lua http://127.0.0.1:PORT -- PATHS_FILE

local paths = {}
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
   thread_id = thread_id + 1
   thread:set("id", thread_id)
   table.insert(threads, thread)
end

function init(args)
   for line in io.lines(args[1]) do
      table.insert(paths, line)
   end
   counter = (id or 1) * 7
   non2xx = 0
end

function request()
   counter = counter + 1
   return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
   if status ~= 200 then
      non2xx = non2xx + 1
   end
end

function done(summary, latency, requests)
   local bad = 0
   for _, thread in ipairs(threads) do
      bad = bad + (thread:get("non2xx") or 0)
   end
   io.write(string.format(
      'JSON {"requests": %d, "seconds": %.3f, "non_200": %d, "socket_errors": %d, ' ..
      '"p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "mean_ms": %.2f, "max_ms": %.2f}\n',
      summary.requests, summary.duration / 1e6, bad,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
      latency.mean / 1000, latency.max / 1000))
end
