-- wrk script of the load benchmark (benchmarks/load/bench.sh): spreads requests over the generated patients
-- and prints one JSON line of figures at the end. Driven by the environment:
--   BENCH_TOKEN   bearer token;  BENCH_IDS  file of patient IDs, one a line
--   BENCH_PATH    path with {id} for the patient (a fixed path without it)
--   BENCH_BODY    vitals | lab | (unset: GET)
--   BENCH_RATE    requests a second in all, paced (unset: as fast as the connections go); BENCH_THREADS wrk's -t
local token = os.getenv("BENCH_TOKEN")
local template = os.getenv("BENCH_PATH")
local body_kind = os.getenv("BENCH_BODY")
local ids = {}
local counter = 0
thread_index = 0   -- set per thread by setup()
local threads = {}

function setup(thread)
   thread:set("thread_index", #threads)
   table.insert(threads, thread)
end

function init(args)
   for line in io.lines(os.getenv("BENCH_IDS")) do
      if #line > 0 then table.insert(ids, line) end
   end
end

-- Each thread writes its own instants (ten million seconds apart), one second after the other, so no two
-- observations of a patient share an instant; all of them lie after Day 0 (BENCH_DAY0) and before today.
local day0 = os.time({year = 2026, month = 1, day = 11, hour = 0})

local function instant()
   return os.date("!%Y-%m-%dT%H:%M:%SZ", day0 + thread_index * 10000000 + counter)
end

function request()
   counter = counter + 1
   local id = ids[(counter % #ids) + 1]
   local path = template:gsub("{id}", id)
   local headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
   if body_kind == "vitals" then
      headers["Content-Type"] = "application/json"
      return wrk.format("POST", path, headers, string.format(
         '{"at":"%s","temperatureC":%.1f,"hypotension":"NONE","oxygen":"NONE","antipyreticOrAntiCytokine":false}',
         instant(), 36.5 + (counter % 30) / 10))
   elseif body_kind == "lab" then
      headers["Content-Type"] = "application/json"
      return wrk.format("POST", path, headers, string.format(
         '{"at":"%s","analyte":"ANC","value":%.1f,"unit":"10*9/L","lowerLimitNormal":1.5,"upperLimitNormal":8.0}',
         instant(), 0.5 + (counter % 40) / 10))
   end
   return wrk.format("GET", path, headers)
end

-- At a fixed rate (BENCH_RATE), delay() gives each request the next slot of its thread's schedule: the requests leave
-- evenly spaced while connections are free. wrk times a request from its sending, so a stall that kept every
-- connection busy would delay the next sends instead of showing in the latency (wrk2's coordinated omission); with
-- 32 connections at half the peak rate, a connection is free at almost every slot.
local rate = tonumber(os.getenv("BENCH_RATE") or "")
if rate then
   local ffi = require("ffi")
   ffi.cdef[[ typedef struct { long tv_sec; long tv_nsec; } bench_timespec; int clock_gettime(int, bench_timespec *); ]]
   local CLOCK_MONOTONIC = 1
   local clock = ffi.new("bench_timespec")
   local function now_ms()
      ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
      return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
   end
   local interval_ms = 1000 * tonumber(os.getenv("BENCH_THREADS")) / rate
   local next_slot
   function delay()
      local now = now_ms()
      -- a slot missed because no connection was free is not made up for by a burst
      if not next_slot or next_slot < now then next_slot = now end
      local wait = next_slot - now
      next_slot = next_slot + interval_ms
      return wait
   end
end

-- A composite (/study/...) answers 200 without the part of a service that did not answer in time, naming it in
-- "unavailable": such an answer is counted as incomplete, not as throughput (a study summary over 10 000 patients
-- came back in 2 s without efficacy's part while efficacy was still busy with abandoned ones).
incomplete = 0
if template:find("/study/", 1, true) then
   function response(status, headers, body)
      if status < 400 and body:find('"unavailable":["', 1, true) then incomplete = incomplete + 1 end
   end
end

-- rps counts only the complete answers below 400: a fast error is not throughput (allRps counts every answer).
function done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local socket_errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
   local incomplete_answers = 0
   for _, thread in ipairs(threads) do incomplete_answers = incomplete_answers + thread:get("incomplete") end
   io.write(string.format(
      'BENCH_JSON {"requests":%d,"seconds":%.2f,"rps":%.1f,"allRps":%.1f,"p50Ms":%.2f,"p99Ms":%.2f,"maxMs":%.2f,"errorStatus":%d,"socketErrors":%d,"incomplete":%d}\n',
      summary.requests, seconds, (summary.requests - summary.errors.status - socket_errors - incomplete_answers) / seconds,
      summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      summary.errors.status, socket_errors, incomplete_answers))
end
