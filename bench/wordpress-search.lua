-- wrk script: cycles through the queries of $QUERIES (one a line) as /?s=<query>, in file order
-- per thread, so every run sends the same mix. Used by bench/wordpress-search.sh.
local queries = {}
local i = 0

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

init = function(args)
  for line in io.lines(os.getenv("QUERIES")) do
    if #line > 0 then queries[#queries + 1] = (os.getenv("SEARCH_PATH") or "/?s=") .. urlencode(line) end
  end
end

request = function()
  i = i % #queries + 1
  return wrk.format("GET", queries[i])
end
