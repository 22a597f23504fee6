-- book.lua - the pandoc filter that ties the book to the build.
--
-- Everything the book shows that the build produced is pulled in here, so
-- the text can never drift from the code, the runs or the figures:
--
--   ```{.listing tag=NAME}```      the region of lib/ or chapters/ between
--                                  `/* book: NAME */` and `/* end book: NAME */`
--   ```{.output program=P}```      what bin/P printed during this build
--   ```{.output result=F}```       a captured output file, results/F
--        from="text" to="text"     keep the lines from the first line holding
--                                  `from` through the next one holding `to`
--   [](){.num ...} / []{.num ...}  one number from a results/ TSV file
--   ::: {.epochs-table ...}        accuracy per epoch of several runs
--   ::: {.summary-table ...}       first / best / final accuracy of runs
--   ::: {.tsv-table ...}           a summary TSV file as a table
--   ::: {.exercises section=1.N}   that section's exercises, from the manifest
--   [$$...$$]{#eq:NAME tag=1.6}    a numbered display equation;
--   [](#eq:NAME)                   a reference to it, written as (1.6)
--
-- Any missing input (tag, output, result, figure, manifest entry) is an
-- error that stops the build with a message saying which `make` target
-- produces it.  So is a tag defined in the sources and never used, and an
-- exercise of the manifest that no section lists.
--
-- Metadata set by book/book.mk:
--   book-sources  the .c/.h files that may hold tags (space-separated)
--   book-deps     where to write a make dependency file of every input read
--   book-target   the output file named in that dependency file
--   book-outdir   where captured program output lives (build/book/out)
--   book-results  the folder of the experiments' logs (results)
--   book-plots    the folder of the figures (plots/out)
--   lang          en or zh-Hans: the edition (labels, exercise titles)

local stringify = pandoc.utils.stringify

local M = {
  sources = {}, deps = {}, dep_list = {}, target = nil, deps_file = nil,
  outdir = "build/book/out", results = "results", plots = "plots/out", lang = "en",
  tags = {}, tag_order = {}, used = {},
  eqs = {}, listed_exercises = {}, manifest = nil, zh_titles = nil,
}

local function fail(fmt, ...)
  error("\nbook: " .. string.format(fmt, ...) .. "\n", 0)
end

local function dep(path)
  if not M.deps[path] then
    M.deps[path] = true
    table.insert(M.dep_list, path)
  end
end

-- Reads a whole file; `hint` says which make target produces it.
local function slurp(path, hint)
  local f = io.open(path, "rb")
  if not f then
    fail("%s is missing%s", path, hint and (": " .. hint) or "")
  end
  local s = f:read("a")
  f:close()
  dep(path)
  return s
end

local function lines_of(s)
  local t = {}
  for line in (s .. (s:sub(-1) == "\n" and "" or "\n")):gmatch("(.-)\n") do
    table.insert(t, line)
  end
  return t
end

local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end

local L10N = {
  en = {
    epoch = "epoch", first = "after epoch 0", best = "best (epoch)",
    final = "final", chapter = "the chapter", run = "run",
    exercise = "Exercise", start = "start with ", hints = "hints ",
    from = "from",
  },
  ["zh-Hans"] = {
    epoch = "轮次", first = "第 0 轮后", best = "最佳（轮次）",
    final = "最终", chapter = "原书", run = "实验",
    exercise = "练习", start = "开始：", hints = "提示：",
    from = "来自",
  },
}
local function tr(key) return (L10N[M.lang] or L10N.en)[key] end

---------------------------------------------------------------------------
-- Metadata

local function read_meta(meta)
  local src = meta["book-sources"] and stringify(meta["book-sources"]) or ""
  for path in src:gmatch("%S+") do table.insert(M.sources, path) end
  if #M.sources == 0 then fail("no book-sources given (run through make book)") end
  M.deps_file = meta["book-deps"] and stringify(meta["book-deps"])
  M.target = meta["book-target"] and stringify(meta["book-target"])
  if meta["book-outdir"] then M.outdir = stringify(meta["book-outdir"]) end
  if meta["book-results"] then M.results = stringify(meta["book-results"]) end
  if meta["book-plots"] then M.plots = stringify(meta["book-plots"]) end
  if meta.lang then M.lang = stringify(meta.lang) end
  if not L10N[M.lang] then fail("unknown lang %s (expected en or zh-Hans)", M.lang) end
end

---------------------------------------------------------------------------
-- Code tags: /* book: NAME */ ... /* end book: NAME */

local function scan_tags()
  for _, path in ipairs(M.sources) do
    local open, body, start
    for n, line in ipairs(lines_of(slurp(path))) do
      local t = trim(line)
      local b = t:match("^/%* book: ([%w_%.%-]+) %*/$")
      local e = t:match("^/%* end book: ([%w_%.%-]+) %*/$")
      if b then
        if open then fail("%s:%d: tag %s opens inside tag %s", path, n, b, open) end
        if M.tags[b] then
          fail("%s:%d: tag %s is already defined in %s", path, n, b, M.tags[b].file)
        end
        open, body, start = b, {}, n
      elseif e then
        if e ~= open then
          fail("%s:%d: end of tag %s, but %s is open", path, n, e, open or "none")
        end
        M.tags[open] = { file = path, line = start + 1, text = table.concat(body, "\n") }
        table.insert(M.tag_order, open)
        open = nil
      elseif t:match("^/%* *e?n?d? *book:") then
        fail("%s:%d: malformed tag line %q (expected /* book: NAME */)", path, n, t)
      elseif open then
        table.insert(body, line)
      end
    end
    if open then fail("%s:%d: tag %s is never closed", path, start, open) end
  end
end

local function listing(el)
  local name = el.attributes.tag
  if not name then fail("a listing without tag=NAME") end
  local t = M.tags[name]
  if not t then
    fail("listing tag %s is not defined in lib/ or chapters/ (expected a region "
         .. "/* book: %s */ ... /* end book: %s */)", name, name, name)
  end
  M.used[name] = true
  local head = pandoc.Para({ pandoc.Code(t.file), pandoc.Str(":" .. t.line) })
  local code = pandoc.CodeBlock(t.text, pandoc.Attr("", { "c" }))
  return pandoc.Div({ head, code }, pandoc.Attr("", { "listing" },
    { ["data-tag"] = name, ["data-file"] = t.file }))
end

---------------------------------------------------------------------------
-- Program output

local function output(el)
  local a = el.attributes
  local path
  if a.program then
    path = M.outdir .. "/" .. a.program .. ".txt"
    if not a.program:match("^1%.%d%-[%w%-]+$") then fail("bad program name %s", a.program) end
  elseif a.result then
    path = M.results .. "/" .. a.result
    -- the same run captured in this edition's language (book/book.mk), if any
    local own = io.open(M.outdir .. "/results/" .. a.result, "r")
    if own then own:close(); path = M.outdir .. "/results/" .. a.result end
  else
    fail("an output block needs program=NAME or result=FILE")
  end
  local all = lines_of(slurp(path, "run `make book` (it captures the programs) or `make experiments`"))
  local first, last = 1, #all
  if a.from then
    first = nil
    for i, l in ipairs(all) do
      if l:find(a.from, 1, true) then first = i; break end
    end
    if not first then fail("%s: no line contains %q (from=)", path, a.from) end
  end
  if a.to then
    last = nil
    for i = first, #all do
      if all[i]:find(a.to, 1, true) then last = i; break end
    end
    if not last then fail("%s: no line after %q contains %q (to=)", path, a.from or "", a.to) end
  end
  local text = table.concat(all, "\n", first, last)
  if trim(text) == "" then fail("%s: the selected output is empty", path) end
  local attrs = { ["data-file"] = path }
  if a.from then attrs["data-from"] = a.from end
  if a.to then attrs["data-to"] = a.to end
  local head = pandoc.Para({ pandoc.Str("$"), pandoc.Space(),
    pandoc.Code(a.program and ("bin/" .. a.program) or path) })
  if a.result then
    -- the command make experiments ran, when it kept one (results/.cmd/RUN)
    local cmd = io.open(M.results .. "/.cmd/" .. a.result:gsub("%.out$", ""), "r")
    local line = cmd and trim(cmd:read("a") or "")
    if cmd then cmd:close() end
    head = pandoc.Para({ pandoc.Str(tr("from")), pandoc.Space(), pandoc.Code(path) })
    if line and line ~= "" then
      head = pandoc.Para({ pandoc.Str("$"), pandoc.Space(), pandoc.Code(line), pandoc.Space(),
        pandoc.Str("→"), pandoc.Space(), pandoc.Code(path) })
    end
  end
  return pandoc.Div({ head, pandoc.CodeBlock(text, pandoc.Attr("", { "output" })) },
    pandoc.Attr("", { "output-block" }, attrs))
end

---------------------------------------------------------------------------
-- Numbers from results/*.tsv

local tsv_cache = {}
local function tsv(file)
  if tsv_cache[file] then return tsv_cache[file] end
  local path = M.results .. "/" .. file
  local rows = lines_of(slurp(path, "run `make experiments`"))
  local header = {}
  for c in (rows[1] or ""):gmatch("[^\t]+") do table.insert(header, c) end
  local t = { path = path, header = header, rows = {} }
  for i = 2, #rows do
    if rows[i] ~= "" then
      local r, k = {}, 1
      for c in (rows[i] .. "\t"):gmatch("([^\t]*)\t") do r[header[k] or k] = c; k = k + 1 end
      table.insert(t.rows, r)
    end
  end
  if #t.rows == 0 then fail("%s has no data rows", path) end
  tsv_cache[file] = t
  return t
end

local PCT = { accuracy = true, final = true, best = true }

-- The value a .num span asks for, as the text to print.
local function number(a)
  local t = tsv(a.file)
  local col = a.col or "accuracy"
  local rows = {}
  for _, r in ipairs(t.rows) do
    local ok = true
    for k, v in (a.where or ""):gmatch("([^=,]+)=([^,]+)") do
      if r[k] ~= v then ok = false end
    end
    if ok then table.insert(rows, r) end
  end
  if #rows == 0 then fail("%s: no row where %s", t.path, a.where or "") end
  if rows[1][col] == nil then fail("%s has no column %s", t.path, col) end
  local agg, pick = a.agg or "last", nil
  if agg == "last" then pick = rows[#rows]
  elseif agg == "first" then pick = rows[1]
  elseif agg == "max" or agg == "min" or agg == "argmax" or agg == "argmin" then
    for _, r in ipairs(rows) do
      local v = tonumber(r[col])
      if not v then fail("%s: %s is not a number", t.path, r[col]) end
      local better = pick == nil or
        ((agg == "max" or agg == "argmax") and v > tonumber(pick[col])) or
        ((agg == "min" or agg == "argmin") and v < tonumber(pick[col]))
      if better then pick = r end
    end
  else
    fail("unknown agg=%s (expected first, last, max, min, argmax, argmin)", agg)
  end
  local value = pick[col]
  if agg == "argmax" or agg == "argmin" then value = pick[t.header[1]] end
  local fmt = a.fmt or ((PCT[col] and not agg:match("^arg")) and "pct" or "raw")
  if fmt == "pct" then
    local v = tonumber(value)
    if not v then fail("%s: %s is not a number", t.path, value) end
    return string.format("%.2f", v * 100), fmt
  end
  return value, fmt
end

local function num_span(a)
  local text, fmt = number(a)
  local attrs = { ["data-file"] = M.results .. "/" .. a.file, ["data-col"] = a.col or "accuracy",
    ["data-agg"] = a.agg or "last", ["data-fmt"] = fmt }
  if a.where then attrs["data-where"] = a.where end
  return pandoc.Span({ pandoc.Str(text) }, pandoc.Attr("", { "num" }, attrs))
end

-- A markdown placeholder for a number, filled in by the inline pass.
local function num_md(file, col, where, agg)
  local s = string.format('[]{.num file="%s" col="%s"', file, col)
  if where then s = s .. string.format(' where="%s"', where) end
  if agg then s = s .. string.format(' agg="%s"', agg) end
  return s .. "}"
end

local function split(s, sep)
  local t = {}
  for part in ((s or "") .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do
    table.insert(t, trim(part))
  end
  return t
end

local function md_table(header, rows, caption_blocks)
  local out = { "| " .. table.concat(header, " | ") .. " |" }
  local rule = {}
  for i = 1, #header do rule[i] = i == 1 and ":--" or "--:" end
  table.insert(out, "|" .. table.concat(rule, "|") .. "|")
  for _, r in ipairs(rows) do table.insert(out, "| " .. table.concat(r, " | ") .. " |") end
  local blocks = pandoc.read(table.concat(out, "\n"), "markdown").blocks
  local tbl = blocks[1]
  -- long cells (the .num markup) would make pandoc fix relative widths
  tbl.colspecs = tbl.colspecs:map(function(cs) return { cs[1], pandoc.ColWidthDefault } end)
  if caption_blocks and #caption_blocks > 0 then
    tbl.caption = { long = caption_blocks }
  end
  return tbl
end

local function runs_of(el)
  local runs = split(el.attributes.runs, " ")
  local labels = split(el.attributes.labels, "|")
  local got = {}
  for _, r in ipairs(runs) do if r ~= "" then table.insert(got, r) end end
  if #got == 0 then fail("a results table without runs=") end
  if #labels ~= #got then
    fail("runs= has %d entries but labels= has %d", #got, #labels)
  end
  return got, labels
end

local function epochs_table(el)
  local runs, labels = runs_of(el)
  local header = { tr("epoch") }
  for _, l in ipairs(labels) do table.insert(header, l) end
  local rows = {}
  for _, r in ipairs(tsv(runs[1] .. ".tsv").rows) do
    local row = { r.epoch }
    for _, run in ipairs(runs) do
      table.insert(row, num_md(run .. ".tsv", "accuracy", "epoch=" .. r.epoch))
    end
    table.insert(rows, row)
  end
  return md_table(header, rows, el.content)
end

local function summary_table(el)
  local runs, labels = runs_of(el)
  local chapter = el.attributes.chapter and split(el.attributes.chapter, "|")
  local header = { tr("run"), tr("first"), tr("best"), tr("final") }
  if chapter then table.insert(header, tr("chapter")) end
  local rows = {}
  for i, run in ipairs(runs) do
    local f = run .. ".tsv"
    tsv(f)
    local row = { labels[i], num_md(f, "accuracy", nil, "first"),
      num_md(f, "accuracy", nil, "max") .. " (" .. num_md(f, "accuracy", nil, "argmax") .. ")",
      num_md(f, "accuracy", nil, "last") }
    if chapter then table.insert(row, chapter[i] or "") end
    table.insert(rows, row)
  end
  return md_table(header, rows, el.content)
end

-- cols="final,best" keys="hidden,seed" headers="hidden|seed|final|best"
-- [rename="key=label|..."] [chapter="key=the chapter's number|..."]
local function tsv_table(el)
  local a = el.attributes
  local t = tsv(a.file)
  local keys = split(a.keys or t.header[1], ",")
  local cols = split(a.cols, ",")
  local header = split(a.headers, "|")
  local chapter
  if a.chapter then
    chapter = {}
    for _, kv in ipairs(split(a.chapter, "|")) do
      local k, v = kv:match("^(.-)=(.*)$")
      if not k then fail("tsv-table %s: chapter= wants key=value|...", a.file) end
      chapter[k] = v
    end
  end
  if #header ~= #keys + #cols then
    fail("tsv-table %s: %d headers for %d keys + %d columns", a.file, #header, #keys, #cols)
  end
  local rename = {}
  for _, kv in ipairs(split(a.rename or "", "|")) do
    local k, v = kv:match("^(.-)=(.*)$")
    if k then rename[k] = v end
  end
  local rows = {}
  for _, r in ipairs(t.rows) do
    local row, where, raw = {}, {}, {}
    for _, k in ipairs(keys) do
      table.insert(raw, r[k])
      if r[k] == nil then fail("%s has no column %s", t.path, k) end
      table.insert(row, rename[r[k]] or r[k])
      table.insert(where, k .. "=" .. r[k])
    end
    for _, c in ipairs(cols) do
      table.insert(row, num_md(a.file, c, table.concat(where, ",")))
    end
    if chapter then table.insert(row, chapter[table.concat(raw, ",")] or "") end
    table.insert(rows, row)
  end
  if chapter then table.insert(header, tr("chapter")) end
  return md_table(header, rows, el.content)
end

---------------------------------------------------------------------------
-- Exercises, from exercises/manifest.tsv

local function manifest()
  if M.manifest then return M.manifest end
  local m = {}
  for _, line in ipairs(lines_of(slurp("exercises/manifest.tsv",
      "it is written by the exercises part of the workbook"))) do
    if line ~= "" and not line:match("^#") then
      local f = split(line, "\t")
      if #f < 6 then fail("exercises/manifest.tsv: bad line %q", line) end
      table.insert(m, { n = f[1], id = f[2], section = f[3], title = f[4], file = f[5] })
    end
  end
  if #m == 0 then fail("exercises/manifest.tsv lists no exercises") end
  M.manifest = m
  return m
end

local function zh_title(ex)
  if not M.zh_titles then
    M.zh_titles = {}
    for _, line in ipairs(lines_of(slurp("book/zh/exercises.tsv"))) do
      local id, title = line:match("^([%w_]+)\t(.+)$")
      if id then M.zh_titles[id] = title end
    end
  end
  local t = M.zh_titles[ex.id]
  if not t then
    fail("book/zh/exercises.tsv has no Chinese title for exercise %s (%s)", ex.id, ex.title)
  end
  return t
end

local function exercises(el)
  local sec = el.attributes.section
  local items = {}
  for _, ex in ipairs(manifest()) do
    if ex.section == sec then
      M.listed_exercises[ex.id] = true
      local title = M.lang == "en" and ex.title or zh_title(ex)
      local md = string.format("**%s %s** %s (`exercises/%s`)  \n%s`make exercise N=%s` · %s`make hint N=%s`",
        tr("exercise"), ex.n, title, ex.file, tr("start"), ex.n, tr("hints"), ex.n)
      local blocks = pandoc.read(md, "markdown").blocks
      table.insert(items, blocks)
    end
  end
  if #items == 0 then fail("the manifest has no exercises for section %s", sec or "?") end
  local intro = el.content
  local list = pandoc.BulletList(items)
  local out = {}
  for _, b in ipairs(intro) do table.insert(out, b) end
  table.insert(out, list)
  return pandoc.Div(out, pandoc.Attr(el.identifier, { "exercises" }, { ["data-section"] = sec }))
end

---------------------------------------------------------------------------
-- Equations

local function eq_span(el)
  if not el.identifier:match("^eq:") then return nil end
  local id, tag = el.identifier, el.attributes.tag
  if not id:match("^eq:") or not tag then fail("an equation needs {#eq:NAME tag=N}") end
  if M.eqs[id] then fail("equation %s defined twice", id) end
  for other, t in pairs(M.eqs) do
    if t == tag then fail("equations %s and %s share tag %s", other, id, tag) end
  end
  M.eqs[id] = tag
  local content = el.content
  table.insert(content, pandoc.Span({ pandoc.Str("(" .. tag .. ")") },
    pandoc.Attr("", { "eq-num" })))
  return pandoc.Span(content, pandoc.Attr(id, { "eq" }, { ["data-tag"] = tag }))
end

local function eq_link(el)
  local id = el.target:match("^#(eq:.+)$")
  if not id or #el.content > 0 then return nil end
  local tag = M.eqs[id]
  if not tag then fail("reference to unknown equation %s", id) end
  el.content = { pandoc.Str("(" .. tag .. ")") }
  return el
end

---------------------------------------------------------------------------
-- Figures

local function image(el)
  if el.src:match("^%a+:") then fail("figure %s is not local (the book must work offline)", el.src) end
  local rest = el.src:match("^plots/out/(.+)$")
  if rest then el.src = M.plots .. "/" .. rest end
  local f = io.open(el.src, "rb")
  if not f then fail("figure %s is missing: run `make plots`", el.src) end
  f:close()
  dep(el.src)
  return el
end

---------------------------------------------------------------------------
-- The end: unused tags and exercises, the dependency file

local function finish(doc)
  local unused = {}
  for _, name in ipairs(M.tag_order) do
    if not M.used[name] then
      table.insert(unused, name .. " (" .. M.tags[name].file .. ")")
    end
  end
  if #unused > 0 then
    fail("tags defined in the sources but never shown in the book (%s edition): %s",
      M.lang, table.concat(unused, ", "))
  end
  local missing = {}
  for _, ex in ipairs(manifest()) do
    if not M.listed_exercises[ex.id] then table.insert(missing, ex.n .. " " .. ex.id) end
  end
  if #missing > 0 then
    fail("exercises missing from the book (%s edition; no .exercises div for their section): %s",
      M.lang, table.concat(missing, ", "))
  end
  if M.deps_file and M.target then
    local f = io.open(M.deps_file, "w")
    if not f then fail("cannot write %s", M.deps_file) end
    f:write(M.target .. ": " .. table.concat(M.dep_list, " ") .. "\n")
    for _, d in ipairs(M.dep_list) do f:write(d .. ":\n") end
    f:close()
  end
  return doc
end

return {
  { Meta = function(meta) read_meta(meta); scan_tags(); return nil end },
  { Div = function(el)
      if el.classes:includes("epochs-table") then return epochs_table(el) end
      if el.classes:includes("summary-table") then return summary_table(el) end
      if el.classes:includes("tsv-table") then return tsv_table(el) end
      if el.classes:includes("exercises") then return exercises(el) end
    end },
  { Span = function(el)
      if el.classes:includes("num") then return num_span(el.attributes) end
      return eq_span(el)
    end,
    Image = image },
  { Link = eq_link },
  { CodeBlock = function(el)
      if el.classes:includes("listing") then return listing(el) end
      if el.classes:includes("output") and (el.attributes.program or el.attributes.result) then
        return output(el)
      end
    end },
  { Pandoc = finish },
}
