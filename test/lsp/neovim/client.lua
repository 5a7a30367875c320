-- Neovim as a real client of the Model Lens server (run headless by neovim.test.ts).
-- It reads its plan from the JSON file named by MODEL_LENS_NVIM, acts as a user would (open a file, edit it,
-- change a setting, hover, complete, apply a quick fix) and writes what it saw to the plan's `out` file.
local plan = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('MODEL_LENS_NVIM')), '\n'))
local seen = { steps = {} }
local function note(name, value) seen.steps[#seen.steps + 1] = { name = name, value = value } end
local function finish()
  vim.fn.writefile({ vim.fn.json_encode(seen) }, plan.out)
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  local settings = { modelLens = plan.settings }
  local id = vim.lsp.start_client({
    name = 'model-lens',
    cmd = { plan.node, plan.server, '--stdio' },
    root_dir = plan.root,
    init_options = { settings = plan.settings },
    settings = settings,
  })
  vim.cmd('edit ' .. vim.fn.fnameescape(plan.file))
  local buf = vim.api.nvim_get_current_buf()
  local t0 = vim.loop.hrtime()
  vim.lsp.buf_attach_client(buf, id)
  local client = vim.lsp.get_client_by_id(id)

  local function diagnostics() return vim.diagnostic.get(buf) end
  local function brief()
    local list = {}
    for _, d in ipairs(diagnostics()) do list[#list + 1] = { code = d.code, severity = d.severity, line = d.lnum, col = d.col } end
    table.sort(list, function(a, b) return a.line < b.line or (a.line == b.line and a.col < b.col) end)
    return list
  end

  -- 1. Diagnostics pushed after opening.
  vim.wait(10000, function() return #diagnostics() > 0 end, 20)
  note('opened', { ms = (vim.loop.hrtime() - t0) / 1e6, diagnostics = brief() })

  -- 2. They follow an edit: the typo fixed on its line.
  local at = plan.editLine
  local typed = vim.api.nvim_buf_get_lines(buf, at, at + 1, false)[1]
  vim.api.nvim_buf_set_lines(buf, at, at + 1, false, { (typed:gsub('minii', 'mini')) })
  vim.wait(5000, function() return #diagnostics() == plan.afterEdit end, 20)
  note('edited', brief())

  -- 3. A setting pushed the usual way: the retired-model rule turned down to a hint.
  client.notify('workspace/didChangeConfiguration', { settings = { modelLens = plan.changedSettings } })
  vim.wait(5000, function()
    for _, d in ipairs(diagnostics()) do if d.code == 'retired-model' and d.severity == vim.diagnostic.severity.HINT then return true end end
    return false
  end, 20)
  note('settings', brief())

  -- 4. Hover on the retired name.
  local line, col = plan.hoverAt[1], plan.hoverAt[2]
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = col } }
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 5000)
  local hoverText = ''
  for _, r in pairs(hover or {}) do
    if r.result and r.result.contents then hoverText = r.result.contents.value or vim.inspect(r.result.contents) end
  end
  note('hover', hoverText)

  -- 5. Completion inside the model string of the last line.
  local cl, cc = plan.completeAt[1], plan.completeAt[2]
  local completion = vim.lsp.buf_request_sync(buf, 'textDocument/completion', { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = cl, character = cc } }, 5000)
  local labels = {}
  for _, r in pairs(completion or {}) do
    local items = r.result and (r.result.items or r.result) or {}
    for i, item in ipairs(items) do if i <= 5 then labels[#labels + 1] = item.label end end
  end
  note('completion', labels)

  -- 6. The quick fix for the retired name, applied as a user would.
  local target
  for _, d in ipairs(diagnostics()) do if d.code == 'retired-model' then target = d end end
  -- What Neovim 0.7's own vim.lsp.buf.code_action() sends: the line's diagnostics in LSP form.
  local lspDiag = vim.lsp.diagnostic.get_line_diagnostics(buf, target.lnum)
  local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = target.lnum, character = target.col }, ['end'] = { line = target.end_lnum, character = target.end_col } },
    context = { diagnostics = lspDiag, only = { 'quickfix' } },
  }, 5000)
  local applied
  for _, r in pairs(actions or {}) do
    for _, a in ipairs(r.result or {}) do
      if not applied and a.isPreferred and a.edit then
        vim.lsp.util.apply_workspace_edit(a.edit, 'utf-16')
        applied = a.title
      end
    end
  end
  vim.wait(5000, function()
    for _, d in ipairs(diagnostics()) do if d.code == 'retired-model' then return false end end
    return true
  end, 20)
  note('fixed', { title = applied, text = vim.api.nvim_buf_get_lines(buf, 0, -1, false), diagnostics = brief() })
  vim.lsp.stop_client(id)
end)
if not ok then seen.error = tostring(err) end
finish()
