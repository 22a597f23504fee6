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
--   ::: {.glossary}                book/glossary.tsv as a table
--   fold="text"                    on a listing, an output or a results
--                                  table: folded into <details> (walls of
--                                  numbers a figure already shows)
--
-- and it shapes the page for reading (each step a section below):
--   - a listing's header links to its file (relative, works offline);
--   - an exercise shows its stub's signature, its test names as sentences
--     (in Chinese from the runner's catalog exercises/po/zh_CN.po), a link
--     to its text (book/exercises.tsv) and rung 1 of its hint ladder;
--   - maths is written as MathML here and mended: flat brackets inline,
--     no space after a sign minus, display maths in a scrolling box;
--   - tables: numbers right, text left, short cells on one line, each in
--     a scrolling div.table-wrap;
--   - each level-1 section ends with previous/next links, and
--     book/book.js (folding contents, current section) is appended.
--
-- Other filters may run after this one (pandoc applies them in order);
-- they see the Divs this one leaves alone, with their classes intact.
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
  eqs = {}, listed_exercises = {}, manifest = nil, headers = {},
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
    exercise = "Exercise", start = "Check your work: ", hints = "more hints: ",
    from = "from", write = "Write:", tests = "The test", checks = " checks that:",
    read = "The text:", hint1 = "First hint:", note = "note",
    prev = "← ", next = " →",
  },
  ["zh-Hans"] = {
    epoch = "轮次", first = "第 0 轮后", best = "最佳（轮次）",
    final = "最终", chapter = "原书", run = "实验",
    exercise = "练习", start = "检查：", hints = "更多提示：",
    from = "来自", write = "要写的函数：", tests = "测试", checks = " 检查：",
    read = "对应正文：", hint1 = "第一条提示：", note = "说明",
    prev = "← ", next = " →",
  },
}
local function tr(key) return (L10N[M.lang] or L10N.en)[key] end

-- The path from the page being written (book-target) back to the top of
-- the repository, so that a link to lib/x.c works from a checkout.
local function root_link(path)
  local up = ""
  for _ in (M.target or ""):gmatch("/") do up = up .. "../" end
  return up .. path
end

-- Blocks with a header line: shown as they are, or, with fold="..." on
-- the element, folded into <details> whose summary is the header (and the
-- fold text).  Used for walls of numbers a figure already shows and for
-- listings that mostly print text.
local function folded(el, head_inlines, body)
  local fold = el.attributes and el.attributes.fold
  if not fold then
    local out = { pandoc.Para(head_inlines) }
    for _, b in ipairs(body) do table.insert(out, b) end
    return out
  end
  local summary = {}
  for _, i in ipairs(head_inlines) do table.insert(summary, i) end
  if fold ~= "" then
    table.insert(summary, pandoc.Space())
    table.insert(summary, pandoc.Emph({ pandoc.Str("(" .. fold .. ")") }))
  end
  local out = { pandoc.RawBlock("html", '<details class="fold"><summary>'),
    pandoc.Plain(summary), pandoc.RawBlock("html", "</summary>") }
  for _, b in ipairs(body) do table.insert(out, b) end
  table.insert(out, pandoc.RawBlock("html", "</details>"))
  return out
end

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
  -- the header links to the file, relative to the page (works offline
  -- from a checkout)
  local head = { pandoc.Link({ pandoc.Code(t.file), pandoc.Str(":" .. t.line) },
    root_link(t.file), "", pandoc.Attr("", { "source" })) }
  local code = pandoc.CodeBlock(t.text, pandoc.Attr("", { "c" }))
  return pandoc.Div(folded(el, head, { code }), pandoc.Attr("", { "listing" },
    { { "data-tag", name }, { "data-file", t.file } }))
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
  local attrs = { { "data-file", path } }    -- pairs: a fixed order
  if a.from then table.insert(attrs, { "data-from", a.from }) end
  if a.to then table.insert(attrs, { "data-to", a.to }) end
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
  return pandoc.Div(folded(el, head.content, { pandoc.CodeBlock(text, pandoc.Attr("", { "output" })) }),
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
  local attrs = { { "data-file", M.results .. "/" .. a.file }, { "data-col", a.col or "accuracy" },
    { "data-agg", a.agg or "last" }, { "data-fmt", fmt } }
  if a.where then table.insert(attrs, { "data-where", a.where }) end
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

-- A results table with fold="what it is" is folded away under that line.
local function fold_table(el, tbl)
  if not el.attributes.fold then return tbl end
  return pandoc.Div({ pandoc.RawBlock("html", '<details class="fold"><summary>'),
    pandoc.Plain({ pandoc.Str(el.attributes.fold) }), pandoc.RawBlock("html", "</summary>"),
    tbl, pandoc.RawBlock("html", "</details>") }, pandoc.Attr("", { "folded-table" }))
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
      table.insert(m, { n = f[1], id = f[2], section = f[3], title = f[4], file = f[5], funcs = f[6] })
    end
  end
  if #m == 0 then fail("exercises/manifest.tsv lists no exercises") end
  M.manifest = m
  return m
end

-- A two-column file "id<TAB>value" (lines without a tab are comments),
-- read once; `what` names the value in the error for a missing id.
local id_maps = {}
local function by_id(path, ex, what)
  if not id_maps[path] then
    id_maps[path] = {}
    for _, line in ipairs(lines_of(slurp(path))) do
      local id, value = line:match("^([%w_]+)\t(.+)$")
      if id then id_maps[path][id] = trim(value) end
    end
  end
  local v = id_maps[path][ex.id]
  if not v then fail("%s has no %s for exercise %s (%s)", path, what, ex.id, ex.title) end
  return v
end

local function zh_title(ex) return by_id("book/zh/exercises.tsv", ex, "Chinese title") end

-- Where the book explains each exercise: the id of a heading.
local function ex_anchor(ex) return by_id("book/exercises.tsv", ex, "anchor (a heading's id)") end

-- The function(s) to write, as the stub declares them: each definition's
-- head, from its return type to the closing parenthesis, on one line.
local function ex_signatures(ex)
  local path = "exercises/stubs/" .. ex.file
  local text = slurp(path, "it is written by the exercises part of the workbook")
  local sigs = {}
  for fname in (ex.funcs .. ","):gmatch("%s*([%w_]+)%s*,") do
    local head = text:match("\n([%a_][^\n]-[%s%*]" .. fname .. "%(.-%))%s*\n{")
    if not head then fail("%s: no definition of %s (manifest line %s)", path, fname, ex.n) end
    table.insert(sigs, (head:gsub("%s+", " ")))
  end
  return sigs
end

-- What the test checks: its test names, which read as sentences.
local function ex_tests(ex)
  local path = "exercises/tests/test_" .. ex.file
  local names = {}
  for name in slurp(path, "it is written by the exercises part of the workbook"):gmatch("START_TEST%s*%(%s*([%w_]+)%s*%)") do
    table.insert(names, name)
  end
  if #names == 0 then fail("%s has no START_TEST", path) end
  return names
end

-- The first, gentlest hint.  The ladders are exercises/hints/<lang>/NN_id.txt,
-- rungs split by a line "---", rung 1 first.  Before those existed there
-- was one English file exercises/hints/NN_id.txt whose rungs went the other
-- way (its first rung nearly gives the answer away): from that one the book
-- takes the last rung, a pointer to the text, never the answer.
local function ex_hint(ex)
  local base = ex.file:gsub("%.c$", "")
  local lang = M.lang == "en" and "en" or "zh"
  local paths = { "exercises/hints/" .. lang .. "/" .. base .. ".txt",
    "exercises/hints/en/" .. base .. ".txt" }
  local text, legacy
  -- the folders too, so that a ladder added later rebuilds the book
  for _, d in ipairs({ "exercises/hints", "exercises/hints/" .. lang, "exercises/hints/en" }) do
    if os.rename(d, d) then dep(d) end
  end
  for _, p in ipairs(paths) do
    local f = io.open(p, "rb")
    if f then f:close(); text = slurp(p); break end
  end
  if not text then
    text = slurp("exercises/hints/" .. base .. ".txt", "it is written by the exercises part of the workbook")
    legacy = true
  end
  local rungs, cur = {}, {}
  for _, line in ipairs(lines_of(text)) do
    if line:match("^%-%-%-%s*$") then table.insert(rungs, cur); cur = {}
    else table.insert(cur, line) end
  end
  table.insert(rungs, cur)
  local rung = trim(table.concat(rungs[legacy and #rungs or 1], " "))
  if rung == "" then fail("the hints of exercise %s start with an empty rung", ex.n) end
  return rung
end

local function sentence(test_name)
  return (test_name:gsub("^test_", ""):gsub("_", " "))
end

-- A gettext catalog as msgid -> msgstr: the messages msgfmt would keep
-- (translated, not fuzzy; no context, no plural forms), each string joined
-- from the quoted pieces gettext splits it into over several lines.
local catalogs = {}
local function po_catalog(path, hint)
  if catalogs[path] then return catalogs[path] end
  local cat, e, field = {}, {}, nil
  local function entry_done()
    if e.msgid and e.msgid ~= "" and e.msgstr and e.msgstr ~= "" and not (e.fuzzy or e.msgctxt or e.msgid_plural) then
      cat[e.msgid] = e.msgstr
    end
    e, field = {}, nil
  end
  local escapes = { n = "\n", t = "\t", ['"'] = '"', ["\\"] = "\\" }
  local function unquote(s) return (s:gsub("\\(.)", escapes)) end
  for i, line in ipairs(lines_of(slurp(path, hint))) do
    local key, str = line:match('^(msg[%w_%[%]]+)%s+"(.*)"%s*$')
    local more = line:match('^%s*"(.*)"%s*$')
    if (line:match("^#") or key == "msgctxt" or key == "msgid") and e.has_msgstr then entry_done() end
    if key then
      field, e[key] = key, unquote(str)
      if key:match("^msgstr") then e.has_msgstr = true end
    elseif more and field then e[field] = e[field] .. unquote(more)
    elseif line:match("^#,.*fuzzy") then e.fuzzy = true
    elseif line:match("^%s*$") then entry_done()
    elseif not line:match("^#") then fail("%s:%d: not a line of a gettext catalog: %s", path, i, line) end
  end
  entry_done()
  catalogs[path] = cat
  return cat
end

-- What a test checks, in the edition's language: its name as a sentence;
-- in Chinese, that sentence's msgstr in the exercise runner's catalog
-- (exercises.mk adds each test's words to it), so the book says what
-- `make exercise` prints.  A test without one stops the build.
local EX_PO = "exercises/po/zh_CN.po"
local function test_sentence(ex, name)
  local words = sentence(name)
  if M.lang == "en" then return words end
  local zh = po_catalog(EX_PO, "it is written by the exercises part of the workbook")[words]
  if not zh or zh == words then  -- (a copy of the English words, as msgen makes, is none)
    fail('%s has no Chinese for "%s" (test %s of exercise %s %s): translate it there (make exercises-po-check)',
      EX_PO, words, name, ex.n, ex.id)
  end
  return zh
end

-- One exercise: title and file, the signature, what the test checks,
-- where the text is, the first hint and the commands.
local function exercise_entry(ex)
  local title = M.lang == "en" and ex.title or zh_title(ex)
  local anchor = ex_anchor(ex)
  local blocks = {}
  table.insert(blocks, pandoc.Para({ pandoc.Strong({ pandoc.Str(tr("exercise") .. " " .. ex.n) }),
    pandoc.Space(), pandoc.Str(title), pandoc.Space(), pandoc.Str("("),
    pandoc.Link({ pandoc.Code("exercises/stubs/" .. ex.file) }, root_link("exercises/stubs/" .. ex.file)),
    pandoc.Str(")") }))
  table.insert(blocks, pandoc.Para({ pandoc.Str(tr("write")) }))
  table.insert(blocks, pandoc.CodeBlock(table.concat(ex_signatures(ex), "\n"),
    pandoc.Attr("", { "c", "signature" })))
  local checks = {}
  for _, name in ipairs(ex_tests(ex)) do
    table.insert(checks, { pandoc.Plain({ pandoc.Str(test_sentence(ex, name)) }) })
  end
  table.insert(blocks, pandoc.Para({ pandoc.Str(tr("tests")), pandoc.Space(),
    pandoc.Link({ pandoc.Code("exercises/tests/test_" .. ex.file) }, root_link("exercises/tests/test_" .. ex.file)),
    pandoc.Str(tr("checks")) }))
  table.insert(blocks, pandoc.BulletList(checks))
  table.insert(blocks, pandoc.Para({ pandoc.Str(tr("read")), pandoc.Space(),
    pandoc.Link({}, "#" .. anchor, "", pandoc.Attr("", { "ex-where" })) }))
  table.insert(blocks, pandoc.Div({ pandoc.Para({ pandoc.Str(tr("hint1")), pandoc.Space(),
    pandoc.Str(ex_hint(ex)) }) }, pandoc.Attr("", { "ex-hint" })))
  table.insert(blocks, pandoc.Para({ pandoc.Str(tr("start")), pandoc.Code("make exercise N=" .. ex.n),
    pandoc.Str(" · " .. tr("hints")), pandoc.Code("make hint N=" .. ex.n) }))
  return pandoc.Div(blocks, pandoc.Attr("ex-" .. ex.n, { "exercise" },
    { { "data-n", ex.n }, { "data-id", ex.id }, { "data-file", ex.file } }))
end

local function exercises(el)
  local sec = el.attributes.section
  local out = {}
  for _, b in ipairs(el.content) do table.insert(out, b) end
  local n = 0
  for _, ex in ipairs(manifest()) do
    if ex.section == sec then
      M.listed_exercises[ex.id] = true
      table.insert(out, exercise_entry(ex))
      n = n + 1
    end
  end
  if n == 0 then fail("the manifest has no exercises for section %s", sec or "?") end
  return pandoc.Div(out, pandoc.Attr(el.identifier, { "exercises" }, { { "data-section", sec } }))
end

---------------------------------------------------------------------------
-- The glossary, from book/glossary.tsv (en, zh, note): one table, the
-- edition's own language first.

local function glossary(el)
  local rows = lines_of(slurp("book/glossary.tsv"))
  if rows[1] ~= "en\tzh\tnote" then fail("book/glossary.tsv: the header must be en<TAB>zh<TAB>note") end
  local header = M.lang == "en" and { "English", "简体中文", tr("note") } or { "简体中文", "English", tr("note") }
  local body = {}
  for i = 2, #rows do
    if rows[i] ~= "" then
      local en, zh, note = rows[i]:match("^([^\t]+)\t([^\t]+)\t?(.*)$")
      if not en then fail("book/glossary.tsv:%d: expected en<TAB>zh<TAB>note", i) end
      local esc = function(x) return (x:gsub("([%*_%[%]|\\`%-])", "\\%1")) end
      if M.lang == "en" then table.insert(body, { esc(en), esc(zh), esc(note) })
      else table.insert(body, { esc(zh), esc(en), esc(note) }) end
    end
  end
  local tbl = md_table(header, body, el.content)
  tbl.colspecs = tbl.colspecs:map(function(cs) return { pandoc.AlignLeft, cs[2] } end)
  return pandoc.Div({ tbl }, pandoc.Attr(el.identifier, { "glossary" }))
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
-- Maths: written here as MathML (what --mathml would write), then mended
-- so that it reads like text:
--   - inline maths gets non-stretchy brackets: pandoc marks every ( ) as
--     stretchy, which makes (a v_1, b v_2) taller than the line around it;
--   - a minus sign that is a sign, not a subtraction (after "(", ",", "="
--     or another operator, or first in a group), gets no space around it:
--     "-2, -2" and "b = -threshold" instead of "- 2" and "= - threshold";
--   - display maths goes into a span.display-math that scrolls sideways
--     on a narrow screen instead of being cut off.

local CLOSERS = { [")"] = true, ["]"] = true, ["}"] = true, ["|"] = true, ["‖"] = true,
  ["⟩"] = true, ["′"] = true }
local SIGN = '<mo lspace="0em" rspace="0em">−</mo>'

local function mend_mathml(html, inline)
  if inline then
    html = html:gsub('stretchy="true"', 'stretchy="false"')
    -- and brackets hug what they hold (Chromium spaces a prefix ‖ out)
    html = html:gsub('(<mo stretchy="false" form="p[a-z]+fix")>', '%1 lspace="0em" rspace="0em">')
  end
  html = html:gsub("(<[a-z]+[^>]*>)<mo>−</mo>", function(open)
    -- first in a group (mrow, msub's base, semantics ...)
    if open:match("^<mo") then return nil end
    return open .. SIGN
  end)
  html = html:gsub("(<mo[^>]*>)([^<]*)(</mo>)<mo>−</mo>", function(open, op, close)
    if CLOSERS[op] then return nil end
    return open .. op .. close .. SIGN
  end)
  return html
end

local function math(el)
  local inline = el.mathtype == "InlineMath"
  local html = pandoc.write(pandoc.Pandoc({ pandoc.Plain({ el }) }), "html5",
    { html_math_method = "mathml" })
  html = mend_mathml(trim(html), inline)
  if not inline then html = '<span class="display-math">' .. html .. "</span>" end
  return pandoc.RawInline("html", html)
end

---------------------------------------------------------------------------
-- Tables: each column aligned by what it holds (numbers right, text
-- left), cells of a short text kept on one line, and the whole table in
-- a div.table-wrap that scrolls sideways when the screen is too narrow.

local function numeric(s)
  s = trim(s)
  return s ~= "" and s:match("^[~≈<>]?%s*[%-−+]?[%d][%d%.,%s]*%%?%s*%(?[%d%.,]*%)?%%?%s*[sx×]?$") ~= nil
end

local function cells_of(row) return row.cells or row[2] end

local function align_table(tbl)
  local ncol = #tbl.colspecs
  local is_num, seen = {}, {}
  for c = 1, ncol do is_num[c] = true; seen[c] = false end
  for _, body in ipairs(tbl.bodies) do
    for _, row in ipairs(body.body) do
      for c, cell in ipairs(cells_of(row)) do
        local text = stringify(cell.contents)
        local linked = false
        pandoc.walk_block(pandoc.Div(cell.contents), { Link = function() linked = true end })
        if text ~= "" then
          seen[c] = true
          -- a link (a section number pointing at its section) is a label
          if linked or not numeric(text) then is_num[c] = false end
        end
        if utf8.len(text) and utf8.len(text) <= 28 then cell.attr.classes:insert("short") end
      end
    end
  end
  local specs = {}
  for c, cs in ipairs(tbl.colspecs) do
    specs[c] = { (is_num[c] and seen[c]) and pandoc.AlignRight or pandoc.AlignLeft, cs[2] }
  end
  tbl.colspecs = specs
  for _, row in ipairs(tbl.head.rows) do
    for _, cell in ipairs(cells_of(row)) do
      local text = stringify(cell.contents)
      if utf8.len(text) and utf8.len(text) <= 28 then cell.attr.classes:insert("short") end
    end
  end
  return pandoc.Div({ tbl }, pandoc.Attr("", { "table-wrap" }))
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

-- Each chapter section (a level-1 heading) ends with links to the one
-- before and the one after.
local function section_nav(blocks)
  local heads = {}
  for i, b in ipairs(blocks) do
    if b.t == "Header" and b.level == 1 and b.identifier ~= "" then
      table.insert(heads, { at = i, id = b.identifier, text = stringify(b.content) })
    end
  end
  local function nav(k)
    local items = {}
    if heads[k - 1] then
      table.insert(items, pandoc.Link({ pandoc.Str(tr("prev") .. heads[k - 1].text) },
        "#" .. heads[k - 1].id, "", pandoc.Attr("", { "prev" }, { rel = "prev" })))
    end
    if heads[k + 1] then
      table.insert(items, pandoc.Link({ pandoc.Str(heads[k + 1].text .. tr("next")) },
        "#" .. heads[k + 1].id, "", pandoc.Attr("", { "next" }, { rel = "next" })))
    end
    return pandoc.Div({ pandoc.Plain(items) }, pandoc.Attr("", { "section-nav" }))
  end
  local out, k = {}, 0
  for i, b in ipairs(blocks) do
    if heads[k + 1] and heads[k + 1].at == i then
      if k > 0 then table.insert(out, nav(k)) end
      k = k + 1
    end
    table.insert(out, b)
  end
  if k > 0 then table.insert(out, nav(k)) end
  return out
end

-- The links of the exercises to their text get that heading's words.
local function fill_where(doc)
  return pandoc.walk_block(pandoc.Div(doc.blocks), { Link = function(l)
    if not l.classes:includes("ex-where") then return nil end
    local id = l.target:sub(2)
    if not M.headers[id] then fail("book/exercises.tsv: no heading #%s in the %s edition", id, M.lang) end
    l.content = { pandoc.Str(M.headers[id]) }
    return l
  end }).content
end

local function finish(doc)
  doc.blocks = section_nav(fill_where(doc))
  table.insert(doc.blocks, pandoc.RawBlock("html", "<script>\n" ..
    slurp("book/book.js") .. "</script>"))
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
  { Header = function(h)
      if h.identifier ~= "" then M.headers[h.identifier] = stringify(h.content) end
    end },
  { Div = function(el)
      if el.classes:includes("glossary") then return glossary(el) end
      if el.classes:includes("epochs-table") then return fold_table(el, epochs_table(el)) end
      if el.classes:includes("summary-table") then return fold_table(el, summary_table(el)) end
      if el.classes:includes("tsv-table") then return fold_table(el, tsv_table(el)) end
      if el.classes:includes("exercises") then return exercises(el) end
    end },
  { Span = function(el)
      if el.classes:includes("num") then return num_span(el.attributes) end
      return eq_span(el)
    end,
    Image = image },
  { Link = eq_link, Math = math },
  { Table = align_table },
  { CodeBlock = function(el)
      if el.classes:includes("listing") then return listing(el) end
      if el.classes:includes("output") and (el.attributes.program or el.attributes.result) then
        return output(el)
      end
    end },
  { Pandoc = finish },
}
