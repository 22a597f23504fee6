-- widgets.lua - the book's live figures (issue 18), run after book.lua.
--
-- In the Markdown, a live figure is a fenced div around its static figure:
--
--   ::: {.widget name="sigmoid"}
--   ![The sigmoid ...](plots/out/sigmoid.svg)
--   :::
--
-- It becomes <div class="widget" data-widget="sigmoid"> holding the static
-- figure (the whole figure when JavaScript is off) and an empty, hidden
-- live part that wasm/widgets.js fills and reveals below it.  A div with
-- no content is a live figure beside a section's printed output.  The first widget brings in the bundle
-- made by wasm/wasm.mk (the WebAssembly module, the MNIST subset, the glue),
-- once, at the end of the page.  An unknown name or a missing bundle stops
-- the build.
local stringify = pandoc.utils.stringify

local KNOWN = {
  perceptron = true, adder = true, sigmoid = true, ["delta-w"] = true,
  forward = true, valley = true, train = true, digit = true,
}
local bundle_path, used, names = nil, 0, {}

local function fail(fmt, ...)
  error("\nwidgets: " .. string.format(fmt, ...) .. "\n", 0)
end

local function meta(m)
  if m["widgets-bundle"] then bundle_path = stringify(m["widgets-bundle"]) end
end

local function widget(el)
  if not el.classes:includes("widget") then return nil end
  local name = el.attributes.name
  if not name or not KNOWN[name] then
    fail("unknown live figure name=%s (known: see KNOWN in book/filters/widgets.lua)", tostring(name))
  end
  if names[name] then fail("live figure %s appears twice", name) end
  names[name] = true
  used = used + 1
  local static = pandoc.Div(el.content, pandoc.Attr("", { "widget-static" }))
  local live = pandoc.Div({}, pandoc.Attr("", { "widget-live" }, { hidden = "" }))
  return pandoc.Div({ static, live },
    pandoc.Attr(el.identifier, { "widget" }, { widget = name }))
end

local function finish(doc)
  if used == 0 then return doc end
  if not bundle_path then fail("no widgets-bundle given (run through make book)") end
  local f = io.open(bundle_path, "rb")
  if not f then fail("%s is missing: make wasm builds it", bundle_path) end
  local html = f:read("a")
  f:close()
  table.insert(doc.blocks, pandoc.RawBlock("html", html))
  return doc
end

return {
  { Meta = function(m) meta(m); return nil end },
  { Div = widget },
  { Pandoc = finish },
}
