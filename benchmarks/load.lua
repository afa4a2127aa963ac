-- wrk script: requests the paths of a file in turn, and reports latency percentiles as JSON,
-- with Elasticsearch's own time where the answer says it (`Server-Timing: es;dur=N`, ms).
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
   took = {}  -- milliseconds -> how many answers took that long in Elasticsearch
end

function request()
   counter = counter + 1
   return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
   if status ~= 200 then
      non2xx = non2xx + 1
   end
   local timing = headers["Server-Timing"] or headers["server-timing"]
   local ms = timing and tonumber(string.match(timing, "es;dur=(%d+)"))
   if ms then
      took[ms] = (took[ms] or 0) + 1
   end
end

-- The given percentile of the counts in `hist` ({ms = count}), or -1 when it is empty.
local function percentile(hist, share)
   local keys, total = {}, 0
   for ms, count in pairs(hist) do
      table.insert(keys, ms)
      total = total + count
   end
   if total == 0 then
      return -1
   end
   table.sort(keys)
   local seen = 0
   for _, ms in ipairs(keys) do
      seen = seen + hist[ms]
      if seen >= share * total then
         return ms
      end
   end
end

function done(summary, latency, requests)
   local bad = 0
   local took = {}
   for _, thread in ipairs(threads) do
      bad = bad + (thread:get("non2xx") or 0)
      for ms, count in pairs(thread:get("took") or {}) do
         took[ms] = (took[ms] or 0) + count
      end
   end
   io.write(string.format(
      'JSON {"requests": %d, "seconds": %.3f, "non_200": %d, "socket_errors": %d, ' ..
      '"p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "mean_ms": %.2f, "max_ms": %.2f, ' ..
      '"took_p50_ms": %d, "took_p95_ms": %d}\n',
      summary.requests, summary.duration / 1e6, bad,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
      latency.mean / 1000, latency.max / 1000, percentile(took, 0.5), percentile(took, 0.95)))
end
