-- wrk script for bench/soak.sh: a mix of read queries, taken in turn, and a count of answers that carry GraphQL
-- errors (wrk itself only counts HTTP statuses other than 2xx/3xx).
local queries = {
  [[{"query":"{ actor(name: \"Kim Jong-un\") { name aliases roles { title } encounters(first: 10) { totalCount nodes { title start { date } place { name country { name } } participants { role actor { name } } attestations { excerpt source { title } } } } } }"}]],
  [[{"query":"{ statements(filter: { kind: DENIAL }) { nodes { text mode speaker { name } respondsTo { text speaker { name } } sources { title } } } }"}]],
  [[{"query":"{ encounters(filter: { from: \"2018-05-01\", to: \"2018-06-30\" }, first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { title kind status statements { text speaker { name } } } } } }"}]],
  [[{"query":"{ sources { nodes { title publisher publishedAt statements { text } encounters { title } } } }"}]],
  [[{"query":"{ actors(first: 50, filter: { search: \"kim\" }) { totalCount nodes { name kind country { name } } } }"}]],
  [[{"query":"{ actors(first: 100) { totalCount nodes { name statements(first: 5) { totalCount nodes { text } } } } }"}]],
}

local counter = 0
-- global (not local): done() reads it from each thread with thread:get
graphql_errors = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  return wrk.format(nil, "/graphql", nil, queries[(counter % #queries) + 1])
end

function response(status, headers, body)
  if string.find(body, '"errors"', 1, true) then
    graphql_errors = graphql_errors + 1
  end
end

function done(summary, latency, requests)
  local errors = 0
  for _, thread in ipairs(threads) do
    errors = errors + thread:get("graphql_errors")
  end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  -- one line for soak.sh: requests rps p50_ms p99_ms max_ms non2xx socket_errors graphql_errors
  io.write(string.format("WINDOW %d %.1f %.1f %.1f %.1f %d %d %d\n", summary.requests,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.status, socket, errors))
end
