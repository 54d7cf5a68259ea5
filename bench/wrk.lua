-- wrk script of bench/run.sh: POSTs the request bodies of $BENCH_BODIES (one JSON body per line, arguments drawn
-- with a fixed seed), each thread cycling through them from its own offset; counts answers that are not HTTP 200
-- or carry GraphQL errors, and prints the figures as one JSON line starting with "BENCH ".
local threads = {}
local next_thread = 0

function setup(thread)
    thread:set("offset", next_thread * 397)
    next_thread = next_thread + 1
    table.insert(threads, thread)
end

local requests = {}
local index = 0
errors = 0

function init(args)
    local headers = { ["Content-Type"] = "application/json" }
    for line in io.lines(os.getenv("BENCH_BODIES")) do
        table.insert(requests, wrk.format("POST", nil, headers, line))
    end
    index = offset % #requests
end

function request()
    index = index % #requests + 1
    return requests[index]
end

function response(status, headers, body)
    if status ~= 200 or string.find(body, '"errors"', 1, true) then
        errors = errors + 1
    end
end

function done(summary, latency, requests)
    local failed = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    for _, thread in ipairs(threads) do
        failed = failed + thread:get("errors")
    end
    io.write(string.format('BENCH {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "errors": %d}\n',
        summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), failed))
end
