-- wrk script for scripts/perf/load-run.sh: a mix of reads and countable writes, with per-status counts.
-- Reads: the register and a PCN page as the PCN manager, the claims review queue as the contracts team, the maturity
-- page as the PCN manager. Write (1 in 8): the PCN manager proposes a change of clinical director; an accepted
-- proposal answers 302 to the PCN page and adds one PcnChangeRequests row.

local manager = os.getenv("MANAGER_COOKIE")
local contracts = os.getenv("CONTRACTS_COOKIE")
local token = os.getenv("WRITE_TOKEN")
local pcn = os.getenv("PCN")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local body = "__RequestVerificationToken=" .. urlencode(token)
  .. "&Input.Kind=ClinicalDirector&Input.EffectiveDate=2031-04-01"
  .. "&Input.Reason=" .. urlencode("Load run: proposed change of clinical director")
  .. "&Input.DirectorName=" .. urlencode("Dr Load Run") .. "&Input.DirectorProfession=GP"

local reads = {
  { "/pcns", manager },
  { "/pcns/" .. pcn, manager },
  { "/claims/review?page=1", contracts },
  { "/maturity", manager },
  { "/pcns", contracts },
  { "/pcns/" .. pcn, contracts },
  { "/claims/review?status=Submitted", contracts },
}

local n = 0

function init(args)
  writes_ok = 0
  status_2xx = 0
  status_3xx_other = 0
  status_5xx = 0
  status_other = 0
  writes_sent = 0
end

function request()
  n = n + 1
  if n % 8 == 0 then
    writes_sent = writes_sent + 1
    return wrk.format("POST", "/pcns/" .. pcn .. "/changes/new",
      { ["Cookie"] = manager, ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
  end
  local r = reads[(n % #reads) + 1]
  return wrk.format("GET", r[1], { ["Cookie"] = r[2] })
end

function response(status, headers, body)
  if status >= 500 then
    status_5xx = status_5xx + 1
  elseif status == 302 and headers["Location"] == "/pcns/" .. pcn then
    writes_ok = writes_ok + 1
  elseif status >= 200 and status < 300 then
    status_2xx = status_2xx + 1
  elseif status >= 300 and status < 400 then
    status_3xx_other = status_3xx_other + 1
  else
    status_other = status_other + 1
  end
end

function done(summary, latency, requests)
  local totals = { writes_ok = 0, writes_sent = 0, status_2xx = 0, status_3xx_other = 0, status_5xx = 0, status_other = 0 }
  for _, t in ipairs(threads) do
    for k, _ in pairs(totals) do
      totals[k] = totals[k] + (t:get(k) or 0)
    end
  end
  for _, k in ipairs({ "writes_sent", "writes_ok", "status_2xx", "status_3xx_other", "status_5xx", "status_other" }) do
    io.write(k .. "=" .. totals[k] .. "\n")
  end
  io.write(string.format("latency_p50_ms=%.1f\nlatency_p95_ms=%.1f\nlatency_p99_ms=%.1f\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
